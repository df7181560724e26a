//! Native messaging: the loop that reads frames from the browser and writes replies, on tokio.
//!
//! Requests are answered one at a time, in order, on a single-threaded runtime: the browser sends
//! one connection's requests down one pipe, and SQLite serialises writes anyway. A bad frame gets
//! a structured error and the loop goes on; only the end of input (or a frame cut short by it)
//! ends it. Nothing but frames is ever written to stdout.

mod exports;
mod handlers;
pub mod log;
mod session;

use std::path::PathBuf;

use tokio::io::{AsyncRead, AsyncWrite};

pub use session::Session;

use crate::framing::{read_frame, write_frame, FrameError, MAX_REQUEST_BYTES};
use crate::identity::Caller;
use crate::protocol::{decode_request, encode_error, ErrorCode, ProtocolError, RequestId};

/// How a connection ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The browser closed the pipe between frames (or stopped reading).
    Closed,
    /// The input ended inside a frame; the host answered and stopped.
    Truncated,
    /// The caller was not the Hush extension.
    Refused,
}

/// Serves requests from `reader` to `writer` until the input ends.
///
/// # Errors
/// [`FrameError::Io`] when reading fails other than by ending.
pub async fn serve<R, W>(reader: &mut R, writer: &mut W, session: &mut Session) -> Result<Ending, FrameError>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    loop {
        let (reply, ending) = match read_frame(reader, MAX_REQUEST_BYTES).await {
            Ok(None) => return Ok(Ending::Closed),
            Ok(Some(frame)) => (session.answer(&frame), None),
            Err(FrameError::TooLarge { len, limit }) => {
                let message = format!("the message is {len} bytes, over the {limit}-byte limit; it was skipped");
                (error_frame(ErrorCode::TooLarge, message), None)
            }
            Err(FrameError::Truncated) => {
                let message = "the input ended inside a message; the host stops".to_string();
                (error_frame(ErrorCode::Truncated, message), Some(Ending::Truncated))
            }
            Err(e) => return Err(e),
        };
        match write_frame(writer, &reply).await {
            Ok(()) => {}
            // Nobody is reading any more: the browser is gone.
            Err(FrameError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Ending::Closed),
            Err(e) => return Err(e),
        }
        if let Some(ending) = ending {
            log::line("input ended inside a frame; stopping");
            return Ok(ending);
        }
    }
}

fn error_frame(code: ErrorCode, message: String) -> Vec<u8> {
    let error = ProtocolError::new(code, message);
    log::request_failed(&RequestId::NONE, "(frame)", &error);
    encode_error(&RequestId::NONE, &error)
}

/// Answers a caller that is not the Hush extension: its first request gets `caller_refused`,
/// and the connection ends.
///
/// # Errors
/// [`FrameError::Io`] when the pipe fails.
pub async fn refuse<R, W>(reader: &mut R, writer: &mut W) -> Result<Ending, FrameError>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let id = match read_frame(reader, MAX_REQUEST_BYTES).await {
        Ok(Some(frame)) => decode_request(&frame).map_or_else(|(id, _)| id, |(id, _)| id),
        Ok(None) => return Ok(Ending::Refused),
        Err(_) => RequestId::NONE,
    };
    let error = ProtocolError::new(ErrorCode::CallerRefused, "this host answers the Hush extension only");
    match write_frame(writer, &encode_error(&id, &error)).await {
        Ok(()) | Err(FrameError::Io(_)) => Ok(Ending::Refused),
        Err(e) => Err(e),
    }
}

/// Runs the host for a browser on stdin and stdout, for `caller`, over the database at
/// `database`.
///
/// # Errors
/// When the runtime cannot start or the pipes fail.
pub fn run(caller: &Caller, database: PathBuf) -> Result<Ending, std::io::Error> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    runtime.block_on(async {
        let mut stdin = tokio::io::stdin();
        let mut stdout = tokio::io::stdout();
        let outcome = if caller.is_hush() {
            log::line(&format!("serving {} with {}", caller.describe(), database.display()));
            let mut session = Session::new(database);
            serve(&mut stdin, &mut stdout, &mut session).await
        } else {
            log::line(&format!("refusing {}: not the Hush extension", caller.describe()));
            refuse(&mut stdin, &mut stdout).await
        };
        outcome.map_err(|e| match e {
            FrameError::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        })
    })
}
