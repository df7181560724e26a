//! The JSON export: a contiguous piece of the hash chain, from the client's first row in the
//! period to its last. The client's rows are shown in full; rows of other clients in between are
//! withheld, shown only by their client id and body digest, which is enough to check every link
//! without revealing anything about other work. `hush-host audit verify FILE` checks it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Period;
use crate::audit::chain::{body_digest, ChainLink, ChainProblem, ChainReport, ChainVerifier, RowBody};
use crate::protocol::AuditFinding;
use crate::store::StoredAuditRow;

/// The `format` field of an export.
pub const FORMAT: &str = "hush-audit-export";
/// The export layout's version.
pub const VERSION: u32 = 1;

/// An export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// The layout's version.
    pub version: u32,
    /// When it was made.
    pub generated_at: String,
    /// The hush-host that made it.
    pub host_version: String,
    /// Whose rows it shows.
    pub client: ExportClient,
    /// The period asked for.
    pub period: ExportPeriod,
    /// Where the piece sits in the chain.
    pub chain: ExportChain,
    /// The rows, in chain order: [`FullRow`]s and [`WithheldRow`]s.
    pub rows: Vec<Value>,
}

/// The client an export is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportClient {
    /// Its id in the chain.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// The period an export covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportPeriod {
    /// From (UTC), if bounded.
    pub from: Option<String>,
    /// To (UTC), if bounded.
    pub to: Option<String>,
}

/// Where an export's rows sit in the chain; all `None` for an export without rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportChain {
    /// The hash function.
    pub algorithm: String,
    /// The first row's place.
    pub first_seq: Option<i64>,
    /// The hash the first row links to.
    pub prev_hash: Option<String>,
    /// The last row's place.
    pub last_seq: Option<i64>,
    /// The last row's hash.
    pub last_hash: Option<String>,
}

/// A row of the export's client, in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullRow {
    /// Its place.
    pub seq: i64,
    /// Its client.
    pub client_id: Option<i64>,
    /// The event's id.
    pub event_id: String,
    /// When it happened.
    pub at: String,
    /// When the host wrote it.
    pub recorded_at: String,
    /// The site.
    pub site: String,
    /// What happened.
    pub action: String,
    /// What was found.
    pub findings: Vec<AuditFinding>,
    /// The hash it links to.
    pub prev_hash: String,
    /// Its hash.
    pub hash: String,
}

/// A row of another client, withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithheldRow {
    /// Its place.
    pub seq: i64,
    /// Its client.
    pub client_id: Option<i64>,
    /// Always `true`.
    pub withheld: bool,
    /// The digest of its body.
    pub body_digest: String,
    /// The hash it links to.
    pub prev_hash: String,
    /// Its hash.
    pub hash: String,
}

/// Renders a piece of the chain for `client`: `rows` are every row from the client's first in
/// the period to its last, in chain order.
pub fn render(
    client: ExportClient,
    period: &Period,
    rows: &[StoredAuditRow],
    generated_at: &str,
) -> Result<String, serde_json::Error> {
    let rendered = rows
        .iter()
        .map(|row| {
            if row.client_id == Some(client.id) {
                serde_json::to_value(FullRow {
                    seq: row.seq,
                    client_id: row.client_id,
                    event_id: row.event_id.clone(),
                    at: row.at.clone(),
                    recorded_at: row.recorded_at.clone(),
                    site: row.site.clone(),
                    action: row.action.clone(),
                    findings: row.findings.clone().unwrap_or_default(),
                    prev_hash: row.prev_hash.clone(),
                    hash: row.hash.clone(),
                })
            } else {
                serde_json::to_value(WithheldRow {
                    seq: row.seq,
                    client_id: row.client_id,
                    withheld: true,
                    body_digest: row.body_digest(),
                    prev_hash: row.prev_hash.clone(),
                    hash: row.hash.clone(),
                })
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let document = ExportDocument {
        format: FORMAT.into(),
        version: VERSION,
        generated_at: generated_at.into(),
        host_version: env!("CARGO_PKG_VERSION").into(),
        client,
        period: ExportPeriod { from: period.from.clone(), to: period.to.clone() },
        chain: ExportChain {
            algorithm: "sha256".into(),
            first_seq: rows.first().map(|r| r.seq),
            prev_hash: rows.first().map(|r| r.prev_hash.clone()),
            last_seq: rows.last().map(|r| r.seq),
            last_hash: rows.last().map(|r| r.hash.clone()),
        },
        rows: rendered,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

/// Why a file cannot be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportFileError {
    /// Not JSON.
    #[error("the file is not JSON (line {line}, column {column})")]
    NotJson {
        /// Where it stops being JSON.
        line: usize,
        /// Where it stops being JSON.
        column: usize,
    },
    /// JSON, but not a Hush audit export.
    #[error("the file is not a Hush audit export ({0})")]
    NotAnExport(String),
    /// A row is not a row.
    #[error("row number {index} of the file is not an audit row ({reason})")]
    BadRow {
        /// The row's index in the file, from 1.
        index: usize,
        /// What is wrong.
        reason: String,
    },
}

/// What checking an export found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedExport {
    /// Whose rows it shows.
    pub client: ExportClient,
    /// The period it says it covers.
    pub period: ExportPeriod,
    /// Rows shown in full.
    pub rows_shown: usize,
    /// Rows of other clients, withheld.
    pub rows_withheld: usize,
    /// The chain's verdict.
    pub report: ChainReport,
}

/// Checks an export file: every row's hash, every link, that the last row is the one the file
/// names, and that the client's rows are shown and no other's.
///
/// # Errors
/// [`ExportFileError`] when the file cannot be read as an export at all.
pub fn verify_file(text: &str) -> Result<VerifiedExport, ExportFileError> {
    let document: ExportDocument = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ExportFileError::NotAnExport(field_of(&e)),
        _ => ExportFileError::NotJson { line: e.line(), column: e.column() },
    })?;
    if document.format != FORMAT {
        return Err(ExportFileError::NotAnExport("its `format` is not hush-audit-export".into()));
    }
    if document.version != VERSION {
        return Err(ExportFileError::NotAnExport(format!(
            "layout version {} is not one this hush-host reads",
            document.version
        )));
    }
    let first_seq = document.chain.first_seq.unwrap_or(1);
    let prev_hash = document.chain.prev_hash.clone().unwrap_or_default();
    let mut verifier = ChainVerifier::new(&prev_hash, first_seq);
    let (mut shown, mut withheld) = (0, 0);
    for (i, value) in document.rows.iter().enumerate() {
        let bad_row = |reason: String| ExportFileError::BadRow { index: i + 1, reason };
        let is_withheld = value.get("withheld").and_then(Value::as_bool).unwrap_or(false);
        let link = if is_withheld {
            let row: WithheldRow = serde_json::from_value(value.clone()).map_err(|e| bad_row(e.to_string()))?;
            withheld += 1;
            if row.client_id == Some(document.client.id) {
                verifier.report(ChainProblem::WithheldOwnRow { seq: row.seq });
            }
            ChainLink {
                seq: row.seq,
                client_id: row.client_id,
                body_digest: row.body_digest,
                prev_hash: row.prev_hash,
                hash: row.hash,
            }
        } else {
            let row: FullRow = serde_json::from_value(value.clone()).map_err(|e| bad_row(e.to_string()))?;
            shown += 1;
            if row.client_id != Some(document.client.id) {
                verifier.report(ChainProblem::ForeignRow { seq: row.seq });
            }
            let digest = body_digest(&RowBody {
                event_id: &row.event_id,
                at: &row.at,
                recorded_at: &row.recorded_at,
                site: &row.site,
                action: &row.action,
                findings: &row.findings,
            });
            ChainLink {
                seq: row.seq,
                client_id: row.client_id,
                body_digest: digest,
                prev_hash: row.prev_hash,
                hash: row.hash,
            }
        };
        verifier.check(&link);
    }
    let head = match (document.chain.last_seq, document.chain.last_hash.as_deref()) {
        (Some(seq), Some(hash)) => Some((seq, hash)),
        _ => None,
    };
    Ok(VerifiedExport {
        client: document.client,
        period: document.period,
        rows_shown: shown,
        rows_withheld: withheld,
        report: verifier.finish(head),
    })
}

/// The part of a serde data error that names a field, without the value.
fn field_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
        Some(field) => format!("it has no `{field}`"),
        None => "a field has the wrong type".into(),
    }
}
