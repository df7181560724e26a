//! The audit log: appending (values in, fingerprints stored, values dropped), querying,
//! verifying and exporting.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{clients, fit_to_budget, validate, ServiceError, REPLY_BUDGET_BYTES};
use crate::audit::chain::{ChainProblem, ChainReport, ChainVerifier, GENESIS_HASH};
use crate::audit::export::{self, csv, html, json, Export, Period};
use crate::audit::fingerprint::{Fingerprinter, SecretError};
use crate::protocol::{
    AuditAppendResult, AuditEventInput, AuditFinding, AuditQueryRequest, AuditQueryResult, AuditRow, Client,
    ExportFormat, MAX_EVENTS_PER_APPEND,
};
use crate::store::{AuditFilter, NewAuditRow, Store, StoredAuditRow};
use crate::timestamp;

/// The most findings one event may carry.
pub const MAX_FINDINGS_PER_EVENT: usize = 1000;
/// The largest page of `audit_query`.
pub const MAX_QUERY_PAGE: u32 = 1000;

/// The fingerprint secret, read (or made) the first time a value needs a fingerprint.
#[derive(Debug)]
pub struct Fingerprints {
    path: PathBuf,
    loaded: Option<Fingerprinter>,
}

impl Fingerprints {
    /// The secret at `path`, not read yet.
    pub fn new(path: PathBuf) -> Fingerprints {
        Fingerprints { path, loaded: None }
    }

    fn get(&mut self) -> Result<&Fingerprinter, SecretError> {
        let fingerprinter = match self.loaded.take() {
            Some(fingerprinter) => fingerprinter,
            None => Fingerprinter::load_or_create(&self.path)?,
        };
        Ok(self.loaded.insert(fingerprinter))
    }
}

fn invalid(field: String, problem: &str) -> ServiceError {
    ServiceError::Invalid { field, problem: problem.into() }
}

/// Appends events, all or nothing, idempotent by event id. Each finding's value becomes a keyed
/// fingerprint (unless the user turned fingerprints off) and goes no further.
///
/// # Errors
/// [`ServiceError::Invalid`] naming the first bad field (nothing is appended then), or a storage
/// or secret failure.
pub fn append(
    store: &mut Store,
    fingerprints: &mut Fingerprints,
    events: &[AuditEventInput],
) -> Result<AuditAppendResult, ServiceError> {
    if events.len() > MAX_EVENTS_PER_APPEND {
        return Err(invalid("events".into(), "must hold at most 1000 events; send them in batches"));
    }
    let record_fingerprints = store.settings()?.record_fingerprints;
    let mut known_clients = HashSet::new();
    let mut rows = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        let field = |name: &str| format!("events[{i}].{name}");
        if let Some(id) = event.client_id {
            if !known_clients.contains(&id) {
                if store.client(validate::id(&field("client_id"), id)?)?.is_none() {
                    return Err(invalid(field("client_id"), "names no client"));
                }
                known_clients.insert(id);
            }
        }
        if event.findings.len() > MAX_FINDINGS_PER_EVENT {
            return Err(invalid(field("findings"), "must hold at most 1000 findings"));
        }
        let mut findings = Vec::with_capacity(event.findings.len());
        for (j, finding) in event.findings.iter().enumerate() {
            let kind = validate::kind(&field(&format!("findings[{j}].kind")), &finding.kind)?;
            let rule_id = validate::rule_id(&field(&format!("findings[{j}].rule_id")), &finding.rule_id)?;
            let fingerprint = match (&finding.value, record_fingerprints) {
                (Some(value), true) => Some(fingerprints.get()?.fingerprint(value)),
                _ => None,
            };
            findings.push(AuditFinding { kind, rule_id, fingerprint });
        }
        rows.push(NewAuditRow {
            event_id: validate::uuid(&field("event_id"), &event.event_id)?,
            at: validate::time(&field("at"), &event.at)?,
            client_id: event.client_id,
            site: validate::origin(&field("site"), &event.site)?,
            action: event.action,
            findings,
        });
    }
    let (accepted, new_rows) = store.append_audit(&rows, &timestamp::now())?;
    Ok(AuditAppendResult { accepted, new_rows })
}

fn readable(row: &StoredAuditRow) -> Result<AuditRow, ServiceError> {
    row.to_audit_row().ok_or(ServiceError::UnreadableRow(row.seq))
}

/// A page of rows, newest first.
///
/// # Errors
/// [`ServiceError::Invalid`] for a bad filter; [`ServiceError::UnreadableRow`] for a row changed
/// outside Hush.
pub fn query(store: &Store, request: &AuditQueryRequest) -> Result<AuditQueryResult, ServiceError> {
    let filter = AuditFilter {
        client_id: request.client_id,
        from: request.from.as_deref().map(|t| validate::range_start("from", t)).transpose()?,
        to: request.to.as_deref().map(|t| validate::range_end("to", t)).transpose()?,
        action: request.action,
        site: request.site.as_deref().map(|s| validate::origin("site", s)).transpose()?,
    };
    let limit = request.limit.unwrap_or(100).clamp(1, MAX_QUERY_PAGE);
    let stored = store.query_audit(&filter, request.before_seq, limit)?;
    let mut rows = stored.iter().map(readable).collect::<Result<Vec<_>, _>>()?;
    let cut = fit_to_budget(&mut rows, REPLY_BUDGET_BYTES);
    let next_before_seq = if cut || rows.len() == limit as usize { rows.last().map(|r| r.seq) } else { None };
    Ok(AuditQueryResult { rows, next_before_seq })
}

/// Checks the whole chain against the head the log recorded.
///
/// # Errors
/// [`ServiceError::Store`] when the database fails.
pub fn verify(store: &Store) -> Result<ChainReport, ServiceError> {
    let mut verifier = ChainVerifier::new(GENESIS_HASH, 1);
    let mut last_seq = 0;
    store.for_each_audit_row(|row| {
        last_seq = last_seq.max(row.seq);
        verifier.check(&row.link());
    })?;
    let head = store.audit_head()?;
    if head.is_none() && last_seq > 0 {
        verifier.report(ChainProblem::HeadMismatch { seq: last_seq });
    }
    Ok(verifier.finish(head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()))))
}

/// The period of an export, checked.
///
/// # Errors
/// [`ServiceError::Invalid`] for a bad date.
pub fn period(from: Option<&str>, to: Option<&str>) -> Result<Period, ServiceError> {
    let period = Period {
        from: from.map(|t| validate::range_start("from", t)).transpose()?,
        to: to.map(|t| validate::range_end("to", t)).transpose()?,
    };
    if let (Some(from), Some(to)) = (&period.from, &period.to) {
        if from > to {
            return Err(invalid("to".into(), "must not come before `from`"));
        }
    }
    Ok(period)
}

/// An export of one client's rows in a period.
///
/// # Errors
/// [`ServiceError::Store`], or [`ServiceError::UnreadableRow`] for a row changed outside Hush.
pub fn export(store: &Store, client: &Client, period: &Period, format: ExportFormat) -> Result<Export, ServiceError> {
    let filter = AuditFilter {
        client_id: Some(client.id),
        from: period.from.clone(),
        to: period.to.clone(),
        ..AuditFilter::default()
    };
    let own = store.audit_rows_matching(&filter)?;
    let generated_at = timestamp::now();
    let content = match format {
        ExportFormat::Csv => csv::render(&client.name, &own.iter().map(readable).collect::<Result<Vec<_>, _>>()?),
        ExportFormat::Json => {
            let piece = match (own.first(), own.last()) {
                (Some(first), Some(last)) => store.audit_rows_between(first.seq, last.seq)?,
                _ => Vec::new(),
            };
            let export_client = json::ExportClient { id: client.id, name: client.name.clone() };
            json::render(export_client, period, &piece, &generated_at)
                .map_err(|_| ServiceError::UnreadableRow(own.first().map_or(0, |r| r.seq)))?
        }
        ExportFormat::Html => {
            let rows = own.iter().map(readable).collect::<Result<Vec<_>, _>>()?;
            let verification = verify(store)?;
            html::render(&html::Report {
                client_name: &client.name,
                period,
                rows: &rows,
                verification: &verification,
                generated_at: &generated_at,
            })
        }
    };
    Ok(Export {
        file_name: export::file_name(&client.name, period, format),
        media_type: export::media_type(format),
        content,
    })
}

/// An export for the client with `client_id`.
///
/// # Errors
/// As [`export()`], and [`ServiceError::NotFound`].
pub fn export_for_id(
    store: &Store,
    client_id: i64,
    from: Option<&str>,
    to: Option<&str>,
    format: ExportFormat,
) -> Result<Export, ServiceError> {
    let client = clients::get(store, "client_id", client_id)?;
    export(store, &client, &period(from, to)?, format)
}
