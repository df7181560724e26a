//! The audit log's rows: appended in chain order under the write lock, read back for queries,
//! exports and verification.

use rusqlite::{params, OptionalExtension, Row};

use super::{Store, StoreError};
use crate::audit::chain::{body_digest, row_hash, ChainLink, RowBody, GENESIS_HASH};
use crate::protocol::{AcceptedEvent, AuditAction, AuditFinding, AuditRow};

/// A row to append, already checked and fingerprinted by the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditRow {
    /// The extension's id for the event.
    pub event_id: String,
    /// When it happened (canonical UTC).
    pub at: String,
    /// The client.
    pub client_id: Option<i64>,
    /// The site's origin.
    pub site: String,
    /// What happened.
    pub action: AuditAction,
    /// What was found, fingerprints only.
    pub findings: Vec<AuditFinding>,
}

/// A row as stored, with its place in the chain. Its fields are kept as stored (the action as
/// text) so that a row changed outside Hush can still be verified and named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAuditRow {
    /// Its place in the chain.
    pub seq: i64,
    /// The event's id.
    pub event_id: String,
    /// When it happened.
    pub at: String,
    /// When the host wrote it.
    pub recorded_at: String,
    /// The client.
    pub client_id: Option<i64>,
    /// The site's origin.
    pub site: String,
    /// The action's name.
    pub action: String,
    /// The findings, or `None` when the stored JSON no longer reads.
    pub findings: Option<Vec<AuditFinding>>,
    /// The hash it links to.
    pub prev_hash: String,
    /// Its hash.
    pub hash: String,
}

impl StoredAuditRow {
    /// The digest of its body, as the chain defines it.
    pub fn body_digest(&self) -> String {
        match &self.findings {
            Some(findings) => body_digest(&RowBody {
                event_id: &self.event_id,
                at: &self.at,
                recorded_at: &self.recorded_at,
                site: &self.site,
                action: &self.action,
                findings,
            }),
            // Unreadable findings were changed outside Hush: no digest of ours can match.
            None => "unreadable".to_string(),
        }
    }

    /// The row as the verifier sees it.
    pub fn link(&self) -> ChainLink {
        ChainLink {
            seq: self.seq,
            client_id: self.client_id,
            body_digest: self.body_digest(),
            prev_hash: self.prev_hash.clone(),
            hash: self.hash.clone(),
        }
    }

    /// The row as the protocol shows it; `None` if it was changed outside Hush so that it no
    /// longer reads.
    pub fn to_audit_row(&self) -> Option<AuditRow> {
        Some(AuditRow {
            seq: self.seq,
            event_id: self.event_id.clone(),
            at: self.at.clone(),
            recorded_at: self.recorded_at.clone(),
            client_id: self.client_id,
            site: self.site.clone(),
            action: AuditAction::from_name(&self.action)?,
            findings: self.findings.clone()?,
        })
    }
}

/// Which rows: each `None` matches everything. Times are canonical UTC.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// This client's rows.
    pub client_id: Option<i64>,
    /// Rows at or after this time.
    pub from: Option<String>,
    /// Rows at or before this time.
    pub to: Option<String>,
    /// Rows with this action.
    pub action: Option<AuditAction>,
    /// Rows from this origin.
    pub site: Option<String>,
}

const ROW_COLUMNS: &str = "seq, event_id, at, recorded_at, client_id, site, action, findings, prev_hash, hash";
const FILTER: &str = "(?1 IS NULL OR client_id = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR at <= ?3)
     AND (?4 IS NULL OR action = ?4) AND (?5 IS NULL OR site = ?5)";

fn row_from_sql(row: &Row<'_>) -> Result<StoredAuditRow, rusqlite::Error> {
    let findings: String = row.get(7)?;
    Ok(StoredAuditRow {
        seq: row.get(0)?,
        event_id: row.get(1)?,
        at: row.get(2)?,
        recorded_at: row.get(3)?,
        client_id: row.get(4)?,
        site: row.get(5)?,
        action: row.get(6)?,
        findings: serde_json::from_str(&findings).ok(),
        prev_hash: row.get(8)?,
        hash: row.get(9)?,
    })
}

impl Store {
    /// Appends rows in order, each chained onto the last. A row whose event id is stored already
    /// is not added again: it is answered with the row it has. Returns every event with its row,
    /// and how many rows were added. All in one `BEGIN IMMEDIATE` transaction, so no other
    /// process can chain onto the same head.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails; nothing is appended then.
    pub fn append_audit(
        &mut self,
        rows: &[NewAuditRow],
        recorded_at: &str,
    ) -> Result<(Vec<AcceptedEvent>, u32), StoreError> {
        self.write(|tx| {
            let (mut seq, mut hash): (i64, String) = tx
                .query_row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?
                .unwrap_or((0, GENESIS_HASH.to_string()));
            let mut find = tx.prepare_cached("SELECT seq FROM audit_events WHERE event_id = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO audit_events (seq, event_id, at, recorded_at, client_id, site, action, findings,
                                           prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut accepted = Vec::with_capacity(rows.len());
            let mut added = 0u32;
            for row in rows {
                if let Some(existing) = find.query_row([&row.event_id], |r| r.get::<_, i64>(0)).optional()? {
                    accepted.push(AcceptedEvent { event_id: row.event_id.clone(), seq: existing });
                    continue;
                }
                let digest = body_digest(&RowBody {
                    event_id: &row.event_id,
                    at: &row.at,
                    recorded_at,
                    site: &row.site,
                    action: row.action.as_str(),
                    findings: &row.findings,
                });
                let next_hash = row_hash(&hash, seq + 1, row.client_id, &digest);
                let findings = serde_json::to_string(&row.findings)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                insert.execute(params![
                    seq + 1,
                    row.event_id,
                    row.at,
                    recorded_at,
                    row.client_id,
                    row.site,
                    row.action.as_str(),
                    findings,
                    hash,
                    next_hash
                ])?;
                seq += 1;
                hash = next_hash;
                added += 1;
                accepted.push(AcceptedEvent { event_id: row.event_id.clone(), seq });
            }
            if added > 0 {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('audit_head', ?1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [format!("{seq}:{hash}")],
                )?;
            }
            Ok((accepted, added))
        })
    }

    /// Rows matching `filter`, newest first, before `before_seq`, at most `limit`.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn query_audit(
        &self,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: u32,
    ) -> Result<Vec<StoredAuditRow>, StoreError> {
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM audit_events WHERE {FILTER} AND (?6 IS NULL OR seq < ?6)
             ORDER BY seq DESC LIMIT ?7"
        );
        self.audit_rows(
            &sql,
            params![
                filter.client_id,
                filter.from,
                filter.to,
                filter.action.map(AuditAction::as_str),
                filter.site,
                before_seq,
                limit
            ],
        )
    }

    /// Every row matching `filter`, in chain order.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn audit_rows_matching(&self, filter: &AuditFilter) -> Result<Vec<StoredAuditRow>, StoreError> {
        let sql = format!("SELECT {ROW_COLUMNS} FROM audit_events WHERE {FILTER} ORDER BY seq");
        self.audit_rows(
            &sql,
            params![filter.client_id, filter.from, filter.to, filter.action.map(AuditAction::as_str), filter.site],
        )
    }

    /// The rows from `first` to `last`, in chain order.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn audit_rows_between(&self, first: i64, last: i64) -> Result<Vec<StoredAuditRow>, StoreError> {
        let sql = format!("SELECT {ROW_COLUMNS} FROM audit_events WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq");
        self.audit_rows(&sql, params![first, last])
    }

    fn audit_rows(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<StoredAuditRow>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql).map_err(|e| self.error(e))?;
        let rows = statement.query_map(params, row_from_sql).map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Calls `each` with every row in chain order, without holding them all in memory.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn for_each_audit_row(&self, mut each: impl FnMut(StoredAuditRow)) -> Result<(), StoreError> {
        let sql = format!("SELECT {ROW_COLUMNS} FROM audit_events ORDER BY seq");
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let rows = statement.query_map([], row_from_sql).map_err(|e| self.error(e))?;
        for row in rows {
            each(row.map_err(|e| self.error(e))?);
        }
        Ok(())
    }

    /// The head the log recorded with its last append: `(seq, hash)`, or `None` before the first
    /// append (or when the record was removed).
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn audit_head(&self) -> Result<Option<(i64, String)>, StoreError> {
        let value: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'audit_head'", [], |row| row.get(0))
            .optional()
            .map_err(|e| self.error(e))?;
        Ok(value.and_then(|v| {
            let (seq, hash) = v.split_once(':')?;
            Some((seq.parse().ok()?, hash.to_string()))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::chain::ChainVerifier;

    fn row(event_id: &str, client_id: Option<i64>) -> NewAuditRow {
        NewAuditRow {
            event_id: event_id.into(),
            at: "2025-03-01T10:00:00.000Z".into(),
            client_id,
            site: "https://www.kimi.com".into(),
            action: AuditAction::Redacted,
            findings: vec![AuditFinding {
                kind: "EMAIL".into(),
                rule_id: "email".into(),
                fingerprint: Some("ab".into()),
            }],
        }
    }

    #[test]
    fn appends_chain_and_a_retry_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        let batch = [row("e1", None), row("e2", None), row("e1", None)];
        let (accepted, added) = store.append_audit(&batch, "2025-03-01T10:00:01.000Z").unwrap();
        assert_eq!(added, 2);
        assert_eq!(accepted.iter().map(|a| a.seq).collect::<Vec<_>>(), vec![1, 2, 1]);
        let (again, added) = store.append_audit(&batch, "2025-03-01T10:00:02.000Z").unwrap();
        assert_eq!((again, added), (accepted, 0));
        assert_eq!(store.counts().unwrap().audit_rows, 2);

        let mut verifier = ChainVerifier::new(GENESIS_HASH, 1);
        store.for_each_audit_row(|row| verifier.check(&row.link())).unwrap();
        let head = store.audit_head().unwrap().unwrap();
        assert!(verifier.finish(Some((head.0, &head.1))).is_intact());
    }

    #[test]
    fn the_database_refuses_to_change_or_remove_a_row() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        store.append_audit(&[row("e1", None)], "2025-03-01T10:00:01.000Z").unwrap();
        let update = store.conn.execute("UPDATE audit_events SET site = 'x'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        assert!(store.conn.execute("DELETE FROM audit_events", []).is_err());
    }
}
