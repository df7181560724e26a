//! Native messaging frames: a 4-byte native-endian length, then that many bytes of UTF-8 JSON,
//! in both directions (Chromium and Firefox use the same framing).
//!
//! The reader never trusts the length: a frame over the limit is skipped without being buffered,
//! and input that ends inside a frame is reported as [`FrameError::Truncated`] rather than as a
//! clean end, so the loop can answer it before it stops.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The largest request the host accepts from the browser, in bytes of JSON.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// The largest message a browser accepts from a host (Chromium and Firefox: 1 MiB).
pub const MAX_REPLY_BYTES: usize = 1024 * 1024;

/// What can go wrong reading or writing a frame.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The frame announced more bytes than the host accepts; its body was read and dropped.
    #[error("a message of {len} bytes is over the {limit}-byte limit")]
    TooLarge {
        /// The length the frame announced.
        len: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// Input ended inside a frame: in its length, or before as many bytes as the length promised.
    #[error("input ended inside a frame")]
    Truncated,
    /// An outgoing message was over the browser's limit; nothing was written.
    #[error("a reply of {0} bytes is over the browser's {MAX_REPLY_BYTES}-byte limit")]
    ReplyTooLarge(usize),
    /// The pipe failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads one frame of at most `max_len` bytes. `Ok(None)` means the input ended cleanly between
/// frames.
///
/// # Errors
/// [`FrameError::TooLarge`] when the announced length is over `max_len` (the body has been
/// skipped, so the next frame can be read), [`FrameError::Truncated`] when the input ends inside
/// a frame, [`FrameError::Io`] when reading fails.
pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut R, max_len: usize) -> Result<Option<Vec<u8>>, FrameError> {
    let mut header = [0u8; 4];
    let mut filled = 0;
    while filled < header.len() {
        let n = reader.read(&mut header[filled..]).await?;
        if n == 0 {
            return if filled == 0 { Ok(None) } else { Err(FrameError::Truncated) };
        }
        filled += n;
    }
    let len = u32::from_ne_bytes(header) as usize;
    if len > max_len {
        let skipped = tokio::io::copy(&mut reader.take(len as u64), &mut tokio::io::sink()).await?;
        if skipped < len as u64 {
            return Err(FrameError::Truncated);
        }
        return Err(FrameError::TooLarge { len, limit: max_len });
    }
    let mut body = vec![0u8; len];
    match reader.read_exact(&mut body).await {
        Ok(_) => Ok(Some(body)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Err(FrameError::Truncated),
        Err(e) => Err(e.into()),
    }
}

/// Writes one frame and flushes it.
///
/// # Errors
/// [`FrameError::ReplyTooLarge`] (nothing written) when `body` is over [`MAX_REPLY_BYTES`],
/// [`FrameError::Io`] when writing fails.
pub async fn write_frame<W: AsyncWrite + Unpin>(writer: &mut W, body: &[u8]) -> Result<(), FrameError> {
    if body.len() > MAX_REPLY_BYTES {
        return Err(FrameError::ReplyTooLarge(body.len()));
    }
    let len = u32::try_from(body.len()).map_err(|_| FrameError::ReplyTooLarge(body.len()))?;
    let mut frame = Vec::with_capacity(4 + body.len());
    frame.extend_from_slice(&len.to_ne_bytes());
    frame.extend_from_slice(body);
    writer.write_all(&frame).await?;
    writer.flush().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut bytes = (body.len() as u32).to_ne_bytes().to_vec();
        bytes.extend_from_slice(body);
        bytes
    }

    fn read_all(input: &[u8], max_len: usize) -> Vec<Result<Vec<u8>, String>> {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            let mut reader = input;
            let mut out = Vec::new();
            loop {
                match read_frame(&mut reader, max_len).await {
                    Ok(None) => return out,
                    Ok(Some(body)) => out.push(Ok(body)),
                    Err(FrameError::Truncated) => {
                        out.push(Err("truncated".into()));
                        return out;
                    }
                    Err(e) => out.push(Err(e.to_string())),
                }
            }
        })
    }

    #[test]
    fn reads_frames_back_to_back() {
        let mut input = frame(b"{\"a\":1}");
        input.extend(frame(b""));
        input.extend(frame(b"[]"));
        assert_eq!(read_all(&input, 100), vec![Ok(b"{\"a\":1}".to_vec()), Ok(vec![]), Ok(b"[]".to_vec())]);
    }

    #[test]
    fn skips_an_oversized_frame_and_keeps_reading() {
        let mut input = frame(&[b'x'; 50]);
        input.extend(frame(b"ok"));
        let frames = read_all(&input, 10);
        assert_eq!(frames.len(), 2);
        assert!(frames[0].as_ref().unwrap_err().contains("50 bytes"));
        assert_eq!(frames[1], Ok(b"ok".to_vec()));
    }

    #[test]
    fn a_length_that_lies_is_truncation() {
        let mut input = 100u32.to_ne_bytes().to_vec();
        input.extend_from_slice(b"short");
        assert_eq!(read_all(&input, 1000), vec![Err("truncated".to_string())]);
        // Also when the lie is over the limit: the skip runs out of input.
        assert_eq!(read_all(&input, 10), vec![Err("truncated".to_string())]);
    }

    #[test]
    fn a_partial_length_is_truncation_and_no_input_is_a_clean_end() {
        assert_eq!(read_all(&[1, 0], 10), vec![Err("truncated".to_string())]);
        assert!(read_all(&[], 10).is_empty());
    }

    #[test]
    fn refuses_to_write_a_reply_over_the_browser_limit() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut out = Vec::new();
        let big = vec![b' '; MAX_REPLY_BYTES + 1];
        let result = runtime.block_on(write_frame(&mut out, &big));
        assert!(matches!(result, Err(FrameError::ReplyTooLarge(_))));
        assert!(out.is_empty());
        runtime.block_on(write_frame(&mut out, b"{}")).unwrap();
        assert_eq!(out, frame(b"{}"));
    }
}
