//! The native messaging loop: one request in, one response out, request ids kept.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::framing::{read_frame, write_frame, FrameError};

/// The protocol version this host speaks.
pub const PROTOCOL_VERSION: u32 = 1;

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Request {
    Handshake,
}

#[derive(Debug, Deserialize)]
struct Envelope {
    id: Value,
    #[serde(flatten)]
    request: Value,
}

#[derive(Debug, Serialize)]
struct Reply<'a, T: Serialize> {
    id: &'a Value,
    ok: bool,
    #[serde(flatten)]
    body: T,
}

#[derive(Debug, Serialize)]
struct ErrorBody {
    error: ErrorInfo,
}

#[derive(Debug, Serialize)]
struct ErrorInfo {
    code: &'static str,
    message: String,
}

#[derive(Debug, Serialize)]
struct HandshakeBody {
    protocol: u32,
    host_version: &'static str,
}

/// Serves native messaging on stdin/stdout until the browser closes stdin.
pub fn serve(_caller: &[String]) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let mut stdin = tokio::io::stdin();
        let mut stdout = tokio::io::stdout();
        loop {
            let reply = match read_frame(&mut stdin).await {
                Ok(None) => return Ok(()),
                Ok(Some(body)) => answer(&body),
                Err(FrameError::TooLarge(n)) => {
                    error_reply(&Value::Null, "too_large", format!("message of {n} bytes is over the limit"))
                }
                Err(e) => return Err(e.into()),
            };
            write_frame(&mut stdout, &reply).await?;
        }
    })
}

fn answer(body: &[u8]) -> Vec<u8> {
    let envelope: Envelope = match serde_json::from_slice(body) {
        Ok(e) => e,
        Err(e) => return error_reply(&Value::Null, "bad_json", e.to_string()),
    };
    match serde_json::from_value::<Request>(envelope.request) {
        Ok(Request::Handshake) => to_bytes(&Reply {
            id: &envelope.id,
            ok: true,
            body: HandshakeBody { protocol: PROTOCOL_VERSION, host_version: env!("CARGO_PKG_VERSION") },
        }),
        Err(e) => error_reply(&envelope.id, "bad_request", e.to_string()),
    }
}

fn error_reply(id: &Value, code: &'static str, message: String) -> Vec<u8> {
    to_bytes(&Reply { id, ok: false, body: ErrorBody { error: ErrorInfo { code, message } } })
}

fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value)
        .unwrap_or_else(|_| br#"{"ok":false,"error":{"code":"internal","message":"could not encode reply"}}"#.to_vec())
}
