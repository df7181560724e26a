//! The body of every request and of every successful reply. The `type` of a request and the
//! envelope (`id`, `ok`) live in the parent module; these are the fields beside them.

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use super::types::{
    AcceptedEvent, AuditAction, AuditEventInput, AuditRow, ChainProblemInfo, Client, CustomRule, ExportFormat, Limits,
    Settings, Term, TermDraft,
};

/// Makes an `Option` field required-but-nullable: serde treats a missing `Option` as `None`
/// unless the field has its own deserializer.
fn required_nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// `handshake`: which protocol versions both sides speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct HandshakeRequest {
    /// The protocol versions the extension speaks; absent means `[1]`.
    pub versions: Option<Vec<u32>>,
}

/// The reply to `handshake`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandshakeResult {
    /// The protocol version chosen: the highest both sides speak.
    pub protocol: u32,
    /// The host's version.
    pub host_version: String,
    /// Every request type this host answers.
    pub capabilities: Vec<String>,
    /// The host's limits.
    pub limits: Limits,
}

/// `client_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct ClientListRequest {
    /// Whether archived clients are listed too (default: no).
    pub include_archived: Option<bool>,
}

/// The reply to `client_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClientListResult {
    /// The clients, by name.
    pub clients: Vec<Client>,
    /// The active client, if any.
    pub active_client_id: Option<i64>,
}

/// `client_create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClientCreateRequest {
    /// The new client's name.
    pub name: String,
}

/// `client_rename`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClientRenameRequest {
    /// The client.
    pub client_id: i64,
    /// Its new name.
    pub name: String,
}

/// `client_set_alias`: the word the client's name is redacted as (`Acme` → `[ACME]`), or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct ClientSetAliasRequest {
    /// The client.
    pub client_id: i64,
    /// The alias (upper-cased as a placeholder word); absent, `null` or blank removes it.
    pub alias: Option<String>,
}

/// `client_archive`: archives a client, or brings it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct ClientArchiveRequest {
    /// The client.
    pub client_id: i64,
    /// `true` (the default) archives, `false` brings the client back.
    pub archived: Option<bool>,
}

/// The reply to `client_create`, `client_rename`, `client_set_alias` and `client_archive`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClientResult {
    /// The client as it is now.
    pub client: Client,
}

/// `active_client_get`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActiveClientGetRequest {}

/// `active_client_set`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActiveClientSetRequest {
    /// The client to make active, or `null` for none. Required.
    #[serde(deserialize_with = "required_nullable")]
    pub client_id: Option<i64>,
}

/// The reply to `active_client_get` and `active_client_set`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActiveClientResult {
    /// The active client, if any.
    pub client: Option<Client>,
}

/// `term_list`: one client's terms, or those of every client that is not archived; in pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct TermListRequest {
    /// Only this client's terms.
    pub client_id: Option<i64>,
    /// Continue after this term id (the previous page's `next_after_id`).
    pub after_id: Option<i64>,
    /// At most this many terms (default and maximum 5000; a page also stops before the reply
    /// would pass the size limit).
    pub limit: Option<u32>,
}

/// The reply to `term_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermListResult {
    /// The terms, by id.
    pub terms: Vec<Term>,
    /// Pass this as `after_id` for the next page; `null` on the last page.
    pub next_after_id: Option<i64>,
    /// Goes up on every change to clients, terms or rules: recompile when it moves.
    pub revision: i64,
}

/// `term_add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct TermAddRequest {
    /// The client the term belongs to.
    pub client_id: i64,
    /// The term.
    pub text: String,
    /// Other spellings.
    pub aliases: Option<Vec<String>>,
    /// A note for the user.
    pub note: Option<String>,
}

/// `term_update`: changes what is given, keeps the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct TermUpdateRequest {
    /// The term.
    pub term_id: i64,
    /// Its new text.
    pub text: Option<String>,
    /// Its new aliases (replacing the old ones).
    pub aliases: Option<Vec<String>>,
    /// Its new note.
    pub note: Option<String>,
}

/// The reply to `term_add` and `term_update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermResult {
    /// The term as it is now.
    pub term: Term,
}

/// `term_remove`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermRemoveRequest {
    /// The term.
    pub term_id: i64,
}

/// `term_import`: adds many terms at once; a term the client already has gets the imported
/// aliases and note. All or nothing: one bad term and nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermImportRequest {
    /// The client.
    pub client_id: i64,
    /// The terms.
    pub terms: Vec<TermDraft>,
}

/// The reply to `term_import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermImportResult {
    /// Terms that were new.
    pub added: u32,
    /// Terms that existed and changed.
    pub updated: u32,
    /// Terms that existed as they were.
    pub unchanged: u32,
}

/// `rule_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct RuleListRequest {
    /// Only this client's rules (without it: every rule).
    pub client_id: Option<i64>,
}

/// The reply to `rule_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleListResult {
    /// The rules, by id.
    pub rules: Vec<CustomRule>,
    /// The same counter as `term_list`'s.
    pub revision: i64,
}

/// `rule_add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct RuleAddRequest {
    /// The client, or absent/`null` for a rule that applies to every client.
    pub client_id: Option<i64>,
    /// A short name.
    pub name: String,
    /// The pattern (Rust `regex` syntax); it must compile.
    pub pattern: String,
    /// Default: enabled.
    pub enabled: Option<bool>,
}

/// `rule_update`: changes what is given, keeps the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct RuleUpdateRequest {
    /// The rule.
    pub rule_id: i64,
    /// Its new name.
    pub name: Option<String>,
    /// Its new pattern.
    pub pattern: Option<String>,
    /// Enables or disables it.
    pub enabled: Option<bool>,
}

/// The reply to `rule_add` and `rule_update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleResult {
    /// The rule as it is now.
    pub rule: CustomRule,
}

/// `rule_remove`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleRemoveRequest {
    /// The rule.
    pub rule_id: i64,
}

/// The reply to `term_remove` and `rule_remove`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemovedResult {
    /// The id that was removed.
    pub removed_id: i64,
}

/// `settings_get`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingsGetRequest {}

/// `settings_update`: changes what is given, keeps the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct SettingsUpdateRequest {
    /// Replaces the guarded sites.
    pub guarded_sites: Option<Vec<String>>,
    /// Replaces the sites where pastes are redacted without asking.
    pub paste_redacted_sites: Option<Vec<String>>,
    /// Turns fingerprints in new audit rows on or off.
    pub record_fingerprints: Option<bool>,
}

/// The reply to `settings_get` and `settings_update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingsResult {
    /// The settings as they are now.
    pub settings: Settings,
}

/// `audit_append`: records events. Idempotent by `event_id`; all or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditAppendRequest {
    /// The events, in the order they happened.
    pub events: Vec<AuditEventInput>,
}

/// The reply to `audit_append`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditAppendResult {
    /// Every event of the request with its row, in request order; a retry gets the same list.
    pub accepted: Vec<AcceptedEvent>,
    /// How many rows this request added (0 on a retry).
    pub new_rows: u32,
}

/// `audit_query`: rows newest first, in pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct AuditQueryRequest {
    /// Only this client's rows.
    pub client_id: Option<i64>,
    /// Only rows at or after this time (RFC 3339 or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only rows at or before this time (RFC 3339, or `YYYY-MM-DD` for the whole day).
    pub to: Option<String>,
    /// Only rows with this action.
    pub action: Option<AuditAction>,
    /// Only rows from this origin.
    pub site: Option<String>,
    /// Only rows before this one (the previous page's `next_before_seq`).
    pub before_seq: Option<i64>,
    /// At most this many rows (default 100, maximum 1000).
    pub limit: Option<u32>,
}

/// The reply to `audit_query`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditQueryResult {
    /// The rows, newest first.
    pub rows: Vec<AuditRow>,
    /// Pass this as `before_seq` for the next page; `null` on the last page.
    pub next_before_seq: Option<i64>,
}

/// `audit_export`: an export for one client, delivered in chunks that fit the browser's limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct AuditExportRequest {
    /// The client.
    pub client_id: i64,
    /// From this time (RFC 3339 or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Up to this time (RFC 3339, or `YYYY-MM-DD` for the whole day).
    pub to: Option<String>,
    /// The format.
    pub format: ExportFormat,
}

/// The reply to `audit_export`: the export's first chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditExportResult {
    /// Names the export for `audit_export_chunk`, for as long as this connection lasts.
    pub export_id: String,
    /// A file name to save it under.
    pub file_name: String,
    /// Its media type (`text/csv`, `application/json`, `text/html`).
    pub media_type: String,
    /// The whole export's size in bytes of UTF-8.
    pub total_bytes: i64,
    /// The first chunk of text.
    pub chunk: String,
    /// The byte offset of the next chunk; `null` when this was all of it.
    pub next_offset: Option<i64>,
}

/// `audit_export_chunk`: the next piece of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditExportChunkRequest {
    /// From `audit_export`.
    pub export_id: String,
    /// The previous reply's `next_offset`.
    pub offset: i64,
}

/// The reply to `audit_export_chunk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditExportChunkResult {
    /// The chunk of text.
    pub chunk: String,
    /// The byte offset of the next chunk; `null` after the last one.
    pub next_offset: Option<i64>,
}

/// `audit_verify`: checks the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditVerifyRequest {}

/// The reply to `audit_verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditVerifyResult {
    /// Whether the chain is whole and unchanged.
    pub intact: bool,
    /// How many rows were checked.
    pub rows_checked: i64,
    /// What is wrong, row by row.
    pub problems: Vec<ChainProblemInfo>,
}
