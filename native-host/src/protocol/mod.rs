//! The native messaging protocol, defined once: every request, every reply, every error code.
//! `native-host/PROTOCOL.md` documents it with an example per message, and the extension's
//! TypeScript types are generated from these types ([`typescript`]).
//!
//! A request is a JSON object `{"id": <number|string>, "type": "<request type>", ...fields}`.
//! A reply carries the same id: `{"id": ..., "ok": true, ...result fields}` or
//! `{"id": ..., "ok": false, "error": {"code": "...", "message": "..."}}`. Error messages are
//! written by the host and never repeat what the request contained.

mod envelope;
mod messages;
mod types;
pub mod typescript;

pub use envelope::{decode_request, encode_error, encode_ok, ErrorCode, ProtocolError, RequestId};
pub use messages::*;
pub use types::*;

/// The protocol versions this host speaks, oldest first.
pub const SUPPORTED_VERSIONS: &[u32] = &[1];

/// The most events one `audit_append` may carry.
pub const MAX_EVENTS_PER_APPEND: usize = 1000;
/// The most terms one `term_import` may carry.
pub const MAX_TERMS_PER_IMPORT: usize = 10_000;

/// Declares every message once: its `type`, its request body and its result body. From the table
/// come [`Request`], [`ResultBody`], the list of capabilities and the TypeScript map of requests
/// to replies.
macro_rules! messages {
    ($( $name:literal => $variant:ident($request:ident) -> $result:ident, )*) => {
        /// A decoded request.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Request {
            $( #[doc = concat!("`", $name, "`.")] $variant($request), )*
        }

        /// The result of a request that succeeded, flattened into the reply beside `id` and `ok`.
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        pub enum ResultBody {
            $( #[doc = concat!("The result of `", $name, "`.")] $variant($result), )*
        }

        impl Request {
            /// Every request type, in the order PROTOCOL.md lists them.
            pub const TYPES: &'static [&'static str] = &[$($name),*];

            /// The request's `type`.
            pub fn type_name(&self) -> &'static str {
                match self { $( Request::$variant(_) => $name, )* }
            }

            /// Decodes the body of a request of type `type_name`; `Ok(None)` for an unknown type.
            fn from_type(
                type_name: &str,
                body: serde_json::Value,
            ) -> Result<Option<Request>, serde_path_to_error::Error<serde_json::Error>> {
                match type_name {
                    $( $name => serde_path_to_error::deserialize(body).map(|r| Some(Request::$variant(r))), )*
                    _ => Ok(None),
                }
            }
        }

        /// The TypeScript names of each message's request and result, for the generated map.
        fn typescript_messages(cfg: &ts_rs::Config) -> Vec<typescript::MessageTypes> {
            use ts_rs::TS;
            vec![$( typescript::MessageTypes {
                name: $name,
                request: <$request as TS>::name(cfg),
                result: <$result as TS>::name(cfg),
            }, )*]
        }

        /// Writes every request and result type, with what they depend on, into `cfg`'s folder.
        fn export_message_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            use ts_rs::TS;
            $( <$request as TS>::export_all(cfg)?; <$result as TS>::export_all(cfg)?; )*
            Ok(())
        }
    };
}

messages! {
    "handshake" => Handshake(HandshakeRequest) -> HandshakeResult,
    "client_list" => ClientList(ClientListRequest) -> ClientListResult,
    "client_create" => ClientCreate(ClientCreateRequest) -> ClientResult,
    "client_rename" => ClientRename(ClientRenameRequest) -> ClientResult,
    "client_set_alias" => ClientSetAlias(ClientSetAliasRequest) -> ClientResult,
    "client_archive" => ClientArchive(ClientArchiveRequest) -> ClientResult,
    "active_client_get" => ActiveClientGet(ActiveClientGetRequest) -> ActiveClientResult,
    "active_client_set" => ActiveClientSet(ActiveClientSetRequest) -> ActiveClientResult,
    "term_list" => TermList(TermListRequest) -> TermListResult,
    "term_add" => TermAdd(TermAddRequest) -> TermResult,
    "term_update" => TermUpdate(TermUpdateRequest) -> TermResult,
    "term_remove" => TermRemove(TermRemoveRequest) -> RemovedResult,
    "term_import" => TermImport(TermImportRequest) -> TermImportResult,
    "rule_list" => RuleList(RuleListRequest) -> RuleListResult,
    "rule_add" => RuleAdd(RuleAddRequest) -> RuleResult,
    "rule_update" => RuleUpdate(RuleUpdateRequest) -> RuleResult,
    "rule_remove" => RuleRemove(RuleRemoveRequest) -> RemovedResult,
    "settings_get" => SettingsGet(SettingsGetRequest) -> SettingsResult,
    "settings_update" => SettingsUpdate(SettingsUpdateRequest) -> SettingsResult,
    "audit_append" => AuditAppend(AuditAppendRequest) -> AuditAppendResult,
    "audit_query" => AuditQuery(AuditQueryRequest) -> AuditQueryResult,
    "audit_export" => AuditExport(AuditExportRequest) -> AuditExportResult,
    "audit_export_chunk" => AuditExportChunk(AuditExportChunkRequest) -> AuditExportChunkResult,
    "audit_verify" => AuditVerify(AuditVerifyRequest) -> AuditVerifyResult,
}
