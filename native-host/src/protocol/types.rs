//! The data the protocol carries: clients, dictionary terms, custom rules, settings and audit rows.
//! The store builds these and the command line prints them, so each shape exists once.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Someone the user works for. Clients are archived, never deleted, so audit rows keep their
/// client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Client {
    /// The client's id.
    pub id: i64,
    /// The client's name, unique among clients (ignoring case).
    pub name: String,
    /// Archived clients keep their terms and audit rows but are not guarded any more.
    pub archived: bool,
    /// When the client was created (UTC, RFC 3339).
    pub created_at: String,
    /// The word the client's name is redacted as (`ACME`, written `[ACME]`); none for a numbered
    /// placeholder (`[CLIENT_1]`).
    pub alias: Option<String>,
}

/// A dictionary term: a name, codename, hostname or amount that belongs to a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Term {
    /// The term's id.
    pub id: i64,
    /// The client it belongs to.
    pub client_id: i64,
    /// The term as the user wrote it; unique within its client (ignoring case).
    pub text: String,
    /// Other spellings that mean the same thing.
    pub aliases: Vec<String>,
    /// A note for the user; never matched.
    pub note: String,
    /// When the term was added (UTC, RFC 3339).
    pub created_at: String,
    /// When the term last changed (UTC, RFC 3339).
    pub updated_at: String,
}

/// A term to add or import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct TermDraft {
    /// The term.
    pub text: String,
    /// Other spellings (none if absent).
    pub aliases: Option<Vec<String>>,
    /// A note for the user (empty if absent).
    pub note: Option<String>,
}

/// A regular expression the user added, for one client or (without a client) for all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomRule {
    /// The rule's id.
    pub id: i64,
    /// The client the rule belongs to; `null` for a rule that applies whoever the client is.
    pub client_id: Option<i64>,
    /// A short name the user recognises.
    pub name: String,
    /// The pattern, in the syntax of Rust's `regex` crate (the engine's).
    pub pattern: String,
    /// Disabled rules are kept but not applied.
    pub enabled: bool,
    /// When the rule was added (UTC, RFC 3339).
    pub created_at: String,
    /// When the rule last changed (UTC, RFC 3339).
    pub updated_at: String,
}

/// Settings that outlive the extension and are shared by every browser on the machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Origins (`https://chat.example.com`) the user asked Hush to guard, besides the known sites.
    pub guarded_sites: Vec<String>,
    /// Origins where pastes are redacted without asking.
    pub paste_redacted_sites: Vec<String>,
    /// Whether audit rows keep a keyed fingerprint of each value (on by default). When off, the
    /// values the extension sends are dropped without being fingerprinted.
    pub record_fingerprints: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { guarded_sites: Vec::new(), paste_redacted_sites: Vec::new(), record_fingerprints: true }
    }
}

/// What happened to the findings in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// Findings were shown to the user.
    Flagged,
    /// The user redacted them.
    Redacted,
    /// A paste was redacted as it came in.
    PasteRedacted,
    /// The user dismissed the findings for this prompt.
    Ignored,
    /// The user allowed these values from now on.
    Allowed,
    /// The prompt was sent with findings still in it.
    SentWithFindings,
    /// Sending was stopped.
    Blocked,
}

impl AuditAction {
    /// Every action, in the order reports list them.
    pub const ALL: [AuditAction; 7] = [
        AuditAction::Flagged,
        AuditAction::Redacted,
        AuditAction::PasteRedacted,
        AuditAction::Ignored,
        AuditAction::Allowed,
        AuditAction::SentWithFindings,
        AuditAction::Blocked,
    ];

    /// The action's name in the protocol, the database and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Flagged => "flagged",
            AuditAction::Redacted => "redacted",
            AuditAction::PasteRedacted => "paste_redacted",
            AuditAction::Ignored => "ignored",
            AuditAction::Allowed => "allowed",
            AuditAction::SentWithFindings => "sent_with_findings",
            AuditAction::Blocked => "blocked",
        }
    }

    /// The action named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|action| action.as_str() == name)
    }
}

/// One finding of an audit event as the extension sends it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct AuditFindingInput {
    /// The finding's kind (`EMAIL`, `CLIENT_TERM`, ...).
    pub kind: String,
    /// The id of the rule that fired.
    pub rule_id: String,
    /// The sensitive value itself. The host turns it into a keyed fingerprint and drops it: it is
    /// never stored, logged or echoed. Absent: the row records no fingerprint for this finding.
    pub value: Option<String>,
}

// Written by hand so that no debug print can ever show a value.
impl std::fmt::Debug for AuditFindingInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditFindingInput")
            .field("kind", &self.kind)
            .field("rule_id", &self.rule_id)
            .field("value", &self.value.as_ref().map(|_| "<withheld>"))
            .finish()
    }
}

/// An audit event as the extension sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct AuditEventInput {
    /// A UUID the extension made for this event: sending it again never adds a second row.
    pub event_id: String,
    /// When it happened (RFC 3339, e.g. `new Date().toISOString()`).
    pub at: String,
    /// The client that was active, if any.
    pub client_id: Option<i64>,
    /// The site's origin (`https://www.kimi.com`).
    pub site: String,
    /// What happened.
    pub action: AuditAction,
    /// What was found, one entry per occurrence.
    pub findings: Vec<AuditFindingInput>,
}

/// One finding of a stored audit row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditFinding {
    /// The finding's kind.
    pub kind: String,
    /// The id of the rule that fired.
    pub rule_id: String,
    /// HMAC-SHA256 of the value under this installation's secret, in hex; `null` when none was
    /// recorded. Equal values give equal fingerprints; the value cannot be read back from it.
    pub fingerprint: Option<String>,
}

/// A stored audit row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditRow {
    /// The row's place in the hash chain, from 1 without gaps.
    pub seq: i64,
    /// The event's id as the extension made it.
    pub event_id: String,
    /// When it happened (UTC, RFC 3339 with milliseconds).
    pub at: String,
    /// When the host wrote it (UTC, RFC 3339 with milliseconds).
    pub recorded_at: String,
    /// The client, if one was active.
    pub client_id: Option<i64>,
    /// The site's origin.
    pub site: String,
    /// What happened.
    pub action: AuditAction,
    /// What was found.
    pub findings: Vec<AuditFinding>,
}

/// Where an appended event landed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AcceptedEvent {
    /// The event's id.
    pub event_id: String,
    /// Its row's place in the chain (the same on every retry).
    pub seq: i64,
}

/// The formats an audit export comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A spreadsheet.
    Csv,
    /// The rows with their hash chain, verifiable with `hush-host audit verify FILE`.
    Json,
    /// A self-contained report that prints cleanly to PDF.
    Html,
}

/// A problem `audit verify` found in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChainProblemInfo {
    /// The row the problem is at, when there is one.
    pub seq: Option<i64>,
    /// What is wrong, in words.
    pub message: String,
}

/// The host's limits, so the extension can size its batches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Limits {
    /// The largest request the host reads, in bytes of JSON.
    pub max_request_bytes: u32,
    /// The largest reply the host sends, in bytes of JSON.
    pub max_reply_bytes: u32,
    /// The most events one `audit_append` may carry.
    pub max_events_per_append: u32,
    /// The most terms one `term_import` may carry.
    pub max_terms_per_import: u32,
}
