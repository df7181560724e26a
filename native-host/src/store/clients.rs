//! Clients and the active client.

use rusqlite::{params, OptionalExtension, Row};

use super::{bump_revision, Store, StoreError};
use crate::protocol::Client;

/// Folds a name or term for uniqueness: case and surrounding or repeated spaces do not count.
pub(crate) fn fold_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

const CLIENT_COLUMNS: &str = "id, name, archived, created_at, alias";

fn client_from_row(row: &Row<'_>) -> Result<Client, rusqlite::Error> {
    Ok(Client {
        id: row.get(0)?,
        name: row.get(1)?,
        archived: row.get(2)?,
        created_at: row.get(3)?,
        alias: row.get(4)?,
    })
}

fn client_in(tx: &rusqlite::Connection, id: i64) -> Result<Option<Client>, rusqlite::Error> {
    tx.query_row(&format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1"), [id], client_from_row).optional()
}

impl Store {
    /// The clients by name; archived ones too when asked.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn list_clients(&self, include_archived: bool) -> Result<Vec<Client>, StoreError> {
        let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE archived = 0 OR ?1 ORDER BY name_key, id");
        let mut statement = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let rows = statement.query_map([include_archived], client_from_row).map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// The client with `id`.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn client(&self, id: i64) -> Result<Option<Client>, StoreError> {
        client_in(&self.conn, id).map_err(|e| self.error(e))
    }

    /// The client called `name` (ignoring case and spacing).
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn client_by_name(&self, name: &str) -> Result<Option<Client>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE name_key = ?1"),
                [fold_key(name)],
                client_from_row,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Adds a client.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when a client has that name already.
    pub fn create_client(&mut self, name: &str, now: &str) -> Result<Client, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO clients (name, name_key, created_at) VALUES (?1, ?2, ?3)",
                params![name, fold_key(name), now],
            )?;
            bump_revision(tx)?;
            Ok(Client {
                id: tx.last_insert_rowid(),
                name: name.to_string(),
                archived: false,
                created_at: now.into(),
                alias: None,
            })
        })
    }

    /// Renames a client; `None` when there is no such client.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when another client has that name.
    pub fn rename_client(&mut self, id: i64, name: &str) -> Result<Option<Client>, StoreError> {
        self.write(|tx| {
            tx.execute("UPDATE clients SET name = ?2, name_key = ?3 WHERE id = ?1", params![id, name, fold_key(name)])?;
            bump_revision(tx)?;
            client_in(tx, id)
        })
    }

    /// Sets a client's alias, or removes it; `None` when there is no such client.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn set_client_alias(&mut self, id: i64, alias: Option<&str>) -> Result<Option<Client>, StoreError> {
        self.write(|tx| {
            tx.execute("UPDATE clients SET alias = ?2 WHERE id = ?1", params![id, alias])?;
            bump_revision(tx)?;
            client_in(tx, id)
        })
    }

    /// Archives a client (which stops being the active one) or brings it back; `None` when there
    /// is no such client.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn set_client_archived(&mut self, id: i64, archived: bool) -> Result<Option<Client>, StoreError> {
        self.write(|tx| {
            tx.execute("UPDATE clients SET archived = ?2 WHERE id = ?1", params![id, archived])?;
            if archived {
                tx.execute("DELETE FROM meta WHERE key = 'active_client_id' AND value = ?1", [id.to_string()])?;
            }
            bump_revision(tx)?;
            client_in(tx, id)
        })
    }

    /// The active client, if any.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn active_client(&self) -> Result<Option<Client>, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {CLIENT_COLUMNS} FROM clients
                     WHERE id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'active_client_id')"
                ),
                [],
                client_from_row,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Makes `id` the active client, or none.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn set_active_client(&mut self, id: Option<i64>) -> Result<(), StoreError> {
        self.write(|tx| {
            match id {
                Some(id) => tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('active_client_id', ?1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [id.to_string()],
                )?,
                None => tx.execute("DELETE FROM meta WHERE key = 'active_client_id'", [])?,
            };
            Ok(())
        })
    }

    /// The counter that goes up on every change to clients, terms and rules.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn dictionary_revision(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'dictionary_revision'", [], |row| {
                row.get(0)
            })
            .optional()
            .map(|revision| revision.unwrap_or(0))
            .map_err(|e| self.error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2025-03-01T10:00:00.000Z";

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("hush.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn names_are_unique_ignoring_case_and_spacing() {
        let (_dir, mut store) = store();
        store.create_client("Acme Corp", NOW).unwrap();
        assert!(matches!(store.create_client("  acme   CORP ", NOW), Err(StoreError::Duplicate)));
        assert_eq!(store.client_by_name("ACME corp").unwrap().unwrap().name, "Acme Corp");
    }

    #[test]
    fn archiving_the_active_client_leaves_none_active() {
        let (_dir, mut store) = store();
        let acme = store.create_client("Acme", NOW).unwrap();
        let globex = store.create_client("Globex", NOW).unwrap();
        store.set_active_client(Some(acme.id)).unwrap();
        store.set_client_archived(globex.id, true).unwrap();
        assert_eq!(store.active_client().unwrap().unwrap().id, acme.id);
        store.set_client_archived(acme.id, true).unwrap();
        assert_eq!(store.active_client().unwrap(), None);
        assert!(store.list_clients(false).unwrap().is_empty());
        assert_eq!(store.list_clients(true).unwrap().len(), 2);
    }

    #[test]
    fn every_change_moves_the_revision() {
        let (_dir, mut store) = store();
        assert_eq!(store.dictionary_revision().unwrap(), 0);
        let acme = store.create_client("Acme", NOW).unwrap();
        store.rename_client(acme.id, "Acme Ltd").unwrap();
        assert_eq!(store.dictionary_revision().unwrap(), 2);
        assert_eq!(store.rename_client(999, "Nobody").unwrap(), None);
    }
}
