//! Numbered schema migrations (`native-host/migrations/NNNN_*.sql`), embedded in the binary.
//! The schema version is SQLite's `user_version`; each migration runs once, in order, inside one
//! `BEGIN IMMEDIATE` transaction with the version check, so concurrent first starts are safe.

use rusqlite::{Connection, TransactionBehavior};

/// One migration.
#[derive(Debug)]
pub struct Migration {
    /// The schema version it brings the database to.
    pub version: u32,
    /// What it does, from its file name.
    pub name: &'static str,
    /// Its SQL.
    pub sql: &'static str,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "clients_and_dictionaries",
        sql: include_str!("../../migrations/0001_clients_and_dictionaries.sql"),
    },
    Migration { version: 2, name: "audit_log", sql: include_str!("../../migrations/0002_audit_log.sql") },
    Migration {
        version: 3,
        name: "rules_and_settings",
        sql: include_str!("../../migrations/0003_rules_and_settings.sql"),
    },
    Migration { version: 4, name: "client_aliases", sql: include_str!("../../migrations/0004_client_aliases.sql") },
];

/// The schema version this binary writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// What can go wrong migrating.
#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    /// The database is newer than this binary.
    #[error("schema version {found} is newer than {known}")]
    TooNew {
        /// The database's version.
        found: u32,
        /// The newest this binary knows.
        known: u32,
    },
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// The database's schema version.
///
/// # Errors
/// When SQLite fails (for a damaged file, for instance).
pub fn current_version(conn: &Connection) -> Result<u32, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the database to the latest schema; returns the version it was at.
///
/// # Errors
/// [`MigrationError::TooNew`] for a database from a newer binary (left untouched), or SQLite's
/// error (the transaction is rolled back).
pub fn migrate(conn: &mut Connection) -> Result<u32, MigrationError> {
    migrate_to(conn, latest_version())
}

/// Brings the database to schema `target` (never down). The tests use it to build an older
/// database.
///
/// # Errors
/// As [`migrate`].
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32, MigrationError> {
    // Most opens find nothing to do: check without taking the write lock first.
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(MigrationError::TooNew { found, known: latest_version() });
    }
    if found >= target {
        return Ok(found);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = current_version(&tx)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > found && m.version <= target) {
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_run_from_one_without_gaps() {
        for (i, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version as usize, i + 1, "{}", migration.name);
        }
    }

    #[test]
    fn migrates_step_by_step_and_then_does_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate_to(&mut conn, 1).unwrap(), 0);
        assert_eq!(current_version(&conn).unwrap(), 1);
        assert_eq!(migrate(&mut conn).unwrap(), 1);
        assert_eq!(current_version(&conn).unwrap(), latest_version());
        assert_eq!(migrate(&mut conn).unwrap(), latest_version());
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1).unwrap();
        assert!(matches!(migrate(&mut conn), Err(MigrationError::TooNew { .. })));
    }
}
