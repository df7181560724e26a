//! Dictionary terms.

use rusqlite::{params, OptionalExtension, Row};

use super::clients::fold_key;
use super::{bump_revision, Store, StoreError};
use crate::protocol::Term;

/// A term's content, already checked by the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermContent {
    /// The term.
    pub text: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// A note.
    pub note: String,
}

/// A change to a term: `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermChange {
    /// A new text.
    pub text: Option<String>,
    /// New aliases.
    pub aliases: Option<Vec<String>>,
    /// A new note.
    pub note: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// New terms.
    pub added: u32,
    /// Terms that changed.
    pub updated: u32,
    /// Terms that were already as imported.
    pub unchanged: u32,
}

const TERM_COLUMNS: &str = "id, client_id, text, aliases, note, created_at, updated_at";

fn term_from_row(row: &Row<'_>) -> Result<Term, rusqlite::Error> {
    let aliases: String = row.get(3)?;
    Ok(Term {
        id: row.get(0)?,
        client_id: row.get(1)?,
        text: row.get(2)?,
        aliases: serde_json::from_str(&aliases)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e)))?,
        note: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn term_in(conn: &rusqlite::Connection, id: i64) -> Result<Option<Term>, rusqlite::Error> {
    conn.query_row(&format!("SELECT {TERM_COLUMNS} FROM terms WHERE id = ?1"), [id], term_from_row).optional()
}

fn aliases_json(aliases: &[String]) -> String {
    serde_json::to_string(aliases).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Terms by id after `after_id`, at most `limit`: one client's, or (without a client) those
    /// of every client that is not archived.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn list_terms(&self, client_id: Option<i64>, after_id: i64, limit: u32) -> Result<Vec<Term>, StoreError> {
        let sql = format!(
            "SELECT {TERM_COLUMNS} FROM terms
             WHERE id > ?2 AND CASE WHEN ?1 IS NULL
                 THEN client_id IN (SELECT id FROM clients WHERE archived = 0)
                 ELSE client_id = ?1 END
             ORDER BY id LIMIT ?3"
        );
        let mut statement = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let rows =
            statement.query_map(params![client_id, after_id, limit], term_from_row).map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// The term with `id`.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn term(&self, id: i64) -> Result<Option<Term>, StoreError> {
        term_in(&self.conn, id).map_err(|e| self.error(e))
    }

    /// Adds a term to a client.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when the client has that term already.
    pub fn add_term(&mut self, client_id: i64, content: &TermContent, now: &str) -> Result<Term, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO terms (client_id, text, text_key, aliases, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    client_id,
                    content.text,
                    fold_key(&content.text),
                    aliases_json(&content.aliases),
                    content.note,
                    now
                ],
            )?;
            bump_revision(tx)?;
            Ok(Term {
                id: tx.last_insert_rowid(),
                client_id,
                text: content.text.clone(),
                aliases: content.aliases.clone(),
                note: content.note.clone(),
                created_at: now.into(),
                updated_at: now.into(),
            })
        })
    }

    /// Changes a term; `None` when there is no such term.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when the new text is another term's of the same client.
    pub fn update_term(&mut self, id: i64, change: &TermChange, now: &str) -> Result<Option<Term>, StoreError> {
        self.write(|tx| {
            let Some(mut term) = term_in(tx, id)? else { return Ok(None) };
            if let Some(text) = &change.text {
                term.text.clone_from(text);
            }
            if let Some(aliases) = &change.aliases {
                term.aliases.clone_from(aliases);
            }
            if let Some(note) = &change.note {
                term.note.clone_from(note);
            }
            term.updated_at = now.into();
            tx.execute(
                "UPDATE terms SET text = ?2, text_key = ?3, aliases = ?4, note = ?5, updated_at = ?6 WHERE id = ?1",
                params![id, term.text, fold_key(&term.text), aliases_json(&term.aliases), term.note, now],
            )?;
            bump_revision(tx)?;
            Ok(Some(term))
        })
    }

    /// Removes a term; whether there was one.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn remove_term(&mut self, id: i64) -> Result<bool, StoreError> {
        self.write(|tx| {
            let removed = tx.execute("DELETE FROM terms WHERE id = ?1", [id])? > 0;
            if removed {
                bump_revision(tx)?;
            }
            Ok(removed)
        })
    }

    /// Adds terms to a client in one transaction; a term the client has already (same text,
    /// ignoring case) takes the imported aliases and note.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails (nothing is imported then).
    pub fn import_terms(
        &mut self,
        client_id: i64,
        terms: &[TermContent],
        now: &str,
    ) -> Result<ImportCounts, StoreError> {
        self.write(|tx| {
            let mut counts = ImportCounts::default();
            let mut find =
                tx.prepare_cached("SELECT aliases, note FROM terms WHERE client_id = ?1 AND text_key = ?2")?;
            for term in terms {
                let key = fold_key(&term.text);
                let aliases = aliases_json(&term.aliases);
                let existing: Option<(String, String)> =
                    find.query_row(params![client_id, key], |row| Ok((row.get(0)?, row.get(1)?))).optional()?;
                match existing {
                    None => {
                        tx.execute(
                            "INSERT INTO terms (client_id, text, text_key, aliases, note, created_at, updated_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                            params![client_id, term.text, key, aliases, term.note, now],
                        )?;
                        counts.added += 1;
                    }
                    Some((old_aliases, old_note)) if old_aliases == aliases && old_note == term.note => {
                        counts.unchanged += 1;
                    }
                    Some(_) => {
                        tx.execute(
                            "UPDATE terms SET aliases = ?3, note = ?4, updated_at = ?5
                             WHERE client_id = ?1 AND text_key = ?2",
                            params![client_id, key, aliases, term.note, now],
                        )?;
                        counts.updated += 1;
                    }
                }
            }
            if counts.added + counts.updated > 0 {
                bump_revision(tx)?;
            }
            Ok(counts)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2025-03-01T10:00:00.000Z";

    fn content(text: &str, aliases: &[&str]) -> TermContent {
        TermContent { text: text.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), note: String::new() }
    }

    #[test]
    fn import_adds_updates_and_leaves_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        let acme = store.create_client("Acme", NOW).unwrap();
        store.add_term(acme.id, &content("Project Falcon", &[]), NOW).unwrap();
        store.add_term(acme.id, &content("Jane Roe", &["J. Roe"]), NOW).unwrap();
        let counts = store
            .import_terms(
                acme.id,
                &[content("project falcon", &["Falcon"]), content("Jane Roe", &["J. Roe"]), content("acme-db-01", &[])],
                NOW,
            )
            .unwrap();
        assert_eq!(counts, ImportCounts { added: 1, updated: 1, unchanged: 1 });
        let terms = store.list_terms(Some(acme.id), 0, 100).unwrap();
        assert_eq!(terms.len(), 3);
        assert_eq!(terms[0].aliases, vec!["Falcon".to_string()]);
        assert_eq!(terms[0].text, "Project Falcon", "an import keeps the existing spelling");
    }

    #[test]
    fn listing_without_a_client_skips_archived_clients_and_pages_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        let acme = store.create_client("Acme", NOW).unwrap();
        let old = store.create_client("Old Client", NOW).unwrap();
        for i in 0..5 {
            store.add_term(acme.id, &content(&format!("term {i}"), &[]), NOW).unwrap();
        }
        store.add_term(old.id, &content("gone", &[]), NOW).unwrap();
        store.set_client_archived(old.id, true).unwrap();
        let first = store.list_terms(None, 0, 3).unwrap();
        assert_eq!(first.len(), 3);
        let rest = store.list_terms(None, first[2].id, 3).unwrap();
        assert_eq!(rest.len(), 2);
        assert!(rest.iter().all(|t| t.client_id == acme.id));
        assert_eq!(store.list_terms(Some(old.id), 0, 10).unwrap().len(), 1);
    }

    #[test]
    fn update_keeps_what_is_not_given() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        let acme = store.create_client("Acme", NOW).unwrap();
        let term = store.add_term(acme.id, &content("Falcon", &["F"]), NOW).unwrap();
        let change = TermChange { note: Some("codename".into()), ..TermChange::default() };
        let updated = store.update_term(term.id, &change, "2025-03-02T00:00:00.000Z").unwrap().unwrap();
        assert_eq!((updated.text.as_str(), updated.aliases.len(), updated.note.as_str()), ("Falcon", 1, "codename"));
        assert!(store.remove_term(term.id).unwrap());
        assert!(!store.remove_term(term.id).unwrap());
        assert_eq!(store.update_term(term.id, &change, NOW).unwrap(), None);
    }
}
