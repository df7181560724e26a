//! The host's log, on stderr (Chromium and Firefox pass a host's stderr to their own log).
//! It holds request types, ids, error codes and timings: never a field of a request, and error
//! messages are built never to contain one either.

use std::time::Duration;

use crate::protocol::{ProtocolError, RequestId};

/// Whether every request is logged (`HUSH_LOG=debug`), not only failures.
fn verbose() -> bool {
    std::env::var("HUSH_LOG").is_ok_and(|level| level == "debug")
}

/// Writes one line.
pub fn line(message: &str) {
    eprintln!("hush-host[{}]: {message}", std::process::id());
}

/// A request that succeeded.
pub fn request_done(id: &RequestId, type_name: &str, took: Duration) {
    if verbose() {
        line(&format!("request {id} {type_name}: ok in {} µs", took.as_micros()));
    }
}

/// A request that failed.
pub fn request_failed(id: &RequestId, type_name: &str, error: &ProtocolError) {
    let code = serde_json::to_value(error.code).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    line(&format!("request {id} {type_name}: {code}: {}", error.message));
}
