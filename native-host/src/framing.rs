//! Native messaging frames: a 4-byte native-endian length, then that many bytes of UTF-8 JSON.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The largest message the host accepts from the browser.
pub const MAX_INCOMING: usize = 4 * 1024 * 1024;
/// The largest message the browser accepts from a host (Chromium and Firefox: 1 MB).
pub const MAX_OUTGOING: usize = 1024 * 1024;

/// What can go wrong reading or writing a frame.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The frame announced more bytes than the host accepts; its body was skipped.
    #[error("message of {0} bytes is over the {MAX_INCOMING}-byte limit")]
    TooLarge(usize),
    /// Input ended inside a frame.
    #[error("input ended inside a frame")]
    Truncated,
    /// An outgoing message was over the browser's limit.
    #[error("reply of {0} bytes is over the browser's {MAX_OUTGOING}-byte limit")]
    ReplyTooLarge(usize),
    /// The pipe failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads one frame. `Ok(None)` means the browser closed the pipe between frames.
pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut R) -> Result<Option<Vec<u8>>, FrameError> {
    let mut header = [0u8; 4];
    match reader.read_exact(&mut header).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let len = u32::from_ne_bytes(header) as usize;
    if len > MAX_INCOMING {
        let skipped = tokio::io::copy(&mut reader.take(len as u64), &mut tokio::io::sink()).await?;
        if (skipped as usize) < len {
            return Err(FrameError::Truncated);
        }
        return Err(FrameError::TooLarge(len));
    }
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body).await.map_err(|_| FrameError::Truncated)?;
    Ok(Some(body))
}

/// Writes one frame and flushes it.
pub async fn write_frame<W: AsyncWrite + Unpin>(writer: &mut W, body: &[u8]) -> Result<(), FrameError> {
    if body.len() > MAX_OUTGOING {
        return Err(FrameError::ReplyTooLarge(body.len()));
    }
    writer.write_all(&(body.len() as u32).to_ne_bytes()).await?;
    writer.write_all(body).await?;
    writer.flush().await?;
    Ok(())
}
