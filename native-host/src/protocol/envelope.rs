//! The envelope around every message: request ids, replies, and errors that never echo what the
//! request contained.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::{Request, ResultBody};

/// The longest string id the host carries back.
const MAX_ID_CHARS: usize = 128;

/// A request's id (a JSON number or string), carried back unchanged in the reply; `null` when a
/// request could not be read far enough to find its id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestId(Value);

impl RequestId {
    /// The id of a reply to a request whose id is unknown.
    pub const NONE: RequestId = RequestId(Value::Null);

    /// The id as JSON.
    pub fn as_json(&self) -> &Value {
        &self.0
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why a request failed. Stable: the extension acts on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The frame's bytes are not UTF-8.
    BadUtf8,
    /// The frame is not JSON.
    BadJson,
    /// The frame is over the size limit; its body was skipped.
    TooLarge,
    /// The input ended inside a frame; the host stops after this reply.
    Truncated,
    /// The message is JSON but not a request (not an object, or an id that is neither a number
    /// nor a string).
    BadRequest,
    /// A required field is missing.
    MissingField,
    /// A field has the wrong type or an invalid value.
    BadField,
    /// The `type` is not one this host answers.
    UnknownType,
    /// No protocol version is spoken by both sides.
    UnsupportedVersion,
    /// The client, term, rule or export named does not exist.
    NotFound,
    /// The change would make two things the same (a client name, a term).
    Conflict,
    /// The caller is not the Hush extension.
    CallerRefused,
    /// The database cannot be used (damaged, locked, unreadable).
    Storage,
    /// The answer would be over the browser's size limit; ask for less.
    ReplyTooLarge,
    /// A fault in the host.
    Internal,
}

/// An error reply's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "ErrorInfo")]
pub struct ProtocolError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// What was wrong and what to do, in words; never a value from the request.
    pub message: String,
}

impl ProtocolError {
    /// An error with `code` and `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ProtocolError {
        ProtocolError { code, message: message.into() }
    }
}

#[derive(Serialize)]
struct OkReply<'a> {
    id: &'a RequestId,
    ok: bool,
    #[serde(flatten)]
    result: &'a ResultBody,
}

#[derive(Serialize)]
struct ErrorReply<'a> {
    id: &'a RequestId,
    ok: bool,
    error: &'a ProtocolError,
}

/// The reply to a request that succeeded.
pub fn encode_ok(id: &RequestId, result: &ResultBody) -> Vec<u8> {
    match serde_json::to_vec(&OkReply { id, ok: true, result }) {
        Ok(bytes) => bytes,
        Err(_) => encode_error(id, &ProtocolError::new(ErrorCode::Internal, "the host could not encode its reply")),
    }
}

/// The reply to a request that failed.
pub fn encode_error(id: &RequestId, error: &ProtocolError) -> Vec<u8> {
    serde_json::to_vec(&ErrorReply { id, ok: false, error }).unwrap_or_else(|_| {
        br#"{"id":null,"ok":false,"error":{"code":"internal","message":"the host could not encode its reply"}}"#
            .to_vec()
    })
}

/// Reads a request from a frame's bytes. On failure, the error comes with whatever id could be
/// read, so the reply can still carry it.
///
/// # Errors
/// The id (or [`RequestId::NONE`]) and a [`ProtocolError`] whose message says what was wrong
/// without repeating the request.
pub fn decode_request(bytes: &[u8]) -> Result<(RequestId, Request), (RequestId, ProtocolError)> {
    let fail = |code, message: String| (RequestId::NONE, ProtocolError::new(code, message));
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(ErrorCode::BadUtf8, format!("the message is not valid UTF-8 (bad byte at offset {})", e.valid_up_to()))
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        fail(ErrorCode::BadJson, format!("the message is not valid JSON (line {}, column {})", e.line(), e.column()))
    })?;
    let Value::Object(mut object) = value else {
        return Err(fail(ErrorCode::BadRequest, "a request must be a JSON object".into()));
    };
    let id = match object.remove("id") {
        None => return Err(fail(ErrorCode::MissingField, "missing field `id`".into())),
        Some(id @ Value::Number(_)) => RequestId(id),
        Some(Value::String(s)) if s.chars().count() <= MAX_ID_CHARS => RequestId(Value::String(s)),
        Some(_) => {
            return Err(fail(
                ErrorCode::BadRequest,
                format!("`id` must be a number or a string of at most {MAX_ID_CHARS} characters"),
            ))
        }
    };
    let fail = |code, message: String| (id.clone(), ProtocolError::new(code, message));
    let type_name = match object.remove("type") {
        None => return Err(fail(ErrorCode::MissingField, "missing field `type`".into())),
        Some(Value::String(s)) => s,
        Some(_) => return Err(fail(ErrorCode::BadField, "`type` must be a string".into())),
    };
    match Request::from_type(&type_name, Value::Object(object)) {
        Ok(Some(request)) => Ok((id, request)),
        Ok(None) => Err(fail(
            ErrorCode::UnknownType,
            format!("unknown request type; this host answers {}", Request::TYPES.join(", ")),
        )),
        Err(e) => {
            let error = describe_field_error(&e);
            Err((id, error))
        }
    }
}

/// Turns a serde error into a message that names the field and what it expected, and drops the
/// part of serde's text that quotes the value.
fn describe_field_error(e: &serde_path_to_error::Error<serde_json::Error>) -> ProtocolError {
    let path = e.path().to_string();
    let inner = e.inner().to_string();
    if let Some(rest) = inner.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let full = if path == "." { field.to_string() } else { format!("{path}.{field}") };
        return ProtocolError::new(ErrorCode::MissingField, format!("missing field `{full}`"));
    }
    // serde writes "<what it got>, expected <what it wanted>": keep only what it wanted, which
    // comes from our types. `rfind`, because the value quoted before it may itself contain the
    // words.
    let expected = inner.rfind(", expected ").map(|at| &inner[at + 2..]);
    let message = match expected {
        Some(expected) => format!("field `{path}` has the wrong type or value ({expected})"),
        None => format!("field `{path}` has the wrong type or value"),
    };
    ProtocolError::new(ErrorCode::BadField, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(json: &str) -> (RequestId, ProtocolError) {
        decode_request(json.as_bytes()).unwrap_err()
    }

    #[test]
    fn decodes_a_request_and_keeps_its_id() {
        let (id, request) = decode_request(br#"{"id":"a-1","type":"client_create","name":"Acme"}"#).unwrap();
        assert_eq!(id.as_json(), "a-1");
        assert_eq!(request, Request::ClientCreate(super::super::ClientCreateRequest { name: "Acme".into() }));
    }

    #[test]
    fn a_missing_field_is_named() {
        let (id, error) = error_of(r#"{"id":3,"type":"client_rename","client_id":1}"#);
        assert_eq!(id.as_json(), 3);
        assert_eq!(error.code, ErrorCode::MissingField);
        assert_eq!(error.message, "missing field `name`");
    }

    #[test]
    fn a_nested_missing_field_has_its_path() {
        let (_, error) =
            error_of(r#"{"id":3,"type":"audit_append","events":[{"event_id":"x","at":"t","site":"s","findings":[]}]}"#);
        assert_eq!(error.code, ErrorCode::MissingField);
        assert_eq!(error.message, "missing field `events[0].action`");
    }

    #[test]
    fn a_wrong_value_is_described_without_repeating_it() {
        let (_, error) = error_of(r#"{"id":3,"type":"client_create","name":{"secret, expected":"sk_live_123"}}"#);
        assert_eq!(error.code, ErrorCode::BadField);
        assert!(!error.message.contains("sk_live_123"), "{}", error.message);
        assert_eq!(error.message, "field `name` has the wrong type or value (expected a string)");

        let (_, error) = error_of(
            r#"{"id":3,"type":"audit_append","events":[{"event_id":"x","at":"t","site":"s","action":"leaked, expected hunter2","findings":[]}]}"#,
        );
        assert!(!error.message.contains("hunter2"), "{}", error.message);
        assert!(error.message.starts_with("field `events[0].action` has the wrong type or value (expected one of"));
    }

    #[test]
    fn an_active_client_must_be_named_even_if_null() {
        let (_, error) = error_of(r#"{"id":1,"type":"active_client_set"}"#);
        assert_eq!(error.code, ErrorCode::MissingField);
        let (_, request) = decode_request(br#"{"id":1,"type":"active_client_set","client_id":null}"#).unwrap();
        assert_eq!(request, Request::ActiveClientSet(super::super::ActiveClientSetRequest { client_id: None }));
    }

    #[test]
    fn envelope_errors() {
        assert_eq!(error_of("[1]").1.code, ErrorCode::BadRequest);
        assert_eq!(error_of(r#"{"type":"handshake"}"#).1.code, ErrorCode::MissingField);
        assert_eq!(error_of(r#"{"id":{},"type":"handshake"}"#).1.code, ErrorCode::BadRequest);
        assert_eq!(error_of(r#"{"id":1}"#).1.code, ErrorCode::MissingField);
        assert_eq!(error_of(r#"{"id":1,"type":7}"#).1.code, ErrorCode::BadField);
        let (id, error) = error_of(r#"{"id":1,"type":"drop_tables_please"}"#);
        assert_eq!((id.as_json(), error.code), (&Value::from(1), ErrorCode::UnknownType));
        assert!(!error.message.contains("drop_tables"));
        assert_eq!(error_of("{\"id\":1,").1.code, ErrorCode::BadJson);
        assert_eq!(decode_request(b"{\"id\":\"\xff\"}").unwrap_err().1.code, ErrorCode::BadUtf8);
    }

    #[test]
    fn replies_flatten_the_result_beside_id_and_ok() {
        let id = RequestId(Value::from(9));
        let result = ResultBody::TermRemove(super::super::RemovedResult { removed_id: 4 });
        let reply: Value = serde_json::from_slice(&encode_ok(&id, &result)).unwrap();
        assert_eq!(reply, serde_json::json!({"id": 9, "ok": true, "removed_id": 4}));
        let error = ProtocolError::new(ErrorCode::NotFound, "no such term");
        let reply: Value = serde_json::from_slice(&encode_error(&RequestId::NONE, &error)).unwrap();
        assert_eq!(
            reply,
            serde_json::json!({"id": null, "ok": false, "error": {"code": "not_found", "message": "no such term"}})
        );
    }
}
