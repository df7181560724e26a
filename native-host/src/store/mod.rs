//! The store: one SQLite database, shared by every host process on the machine (two browsers,
//! several profiles) and by the command line.
//!
//! - WAL, so readers never wait for a writer; a busy timeout, so writers queue instead of failing;
//!   `BEGIN IMMEDIATE` for every write, so a transaction that reads and then writes (an audit
//!   append reads the chain's head) holds the write lock from its start and two hosts can never
//!   chain onto the same head.
//! - Numbered migrations ([`migrations`]) run inside such a transaction, so two hosts starting on
//!   a new database do not both migrate it.
//! - The file is created readable by the user only, and tightened if it was not.
//! - A damaged or locked database is a clear [`StoreError`], never a panic, and is never replaced.

mod audit;
mod clients;
pub mod migrations;
mod permissions;
mod rules;
mod settings;
mod terms;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use audit::{AuditFilter, NewAuditRow, StoredAuditRow};
pub use permissions::{create_private_once, private_file};
pub use rules::RuleChange;
pub use terms::{ImportCounts, TermChange, TermContent};

/// How long a write waits for another process's write to finish before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// What can go wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database's folder or file could not be created or protected.
    #[error("cannot prepare {path}: {source}")]
    Prepare {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is damaged or is not a SQLite database.
    #[error(
        "the database {path} is damaged or is not a Hush database; it was left as it is \
         (run `hush-host doctor`; move it away to start afresh, or restore a backup)"
    )]
    Corrupt {
        /// The database.
        path: PathBuf,
    },
    /// Another process held the write lock for longer than the busy timeout.
    #[error("the database {path} is locked by another program; try again when it is done")]
    Busy {
        /// The database.
        path: PathBuf,
    },
    /// The database comes from a newer hush-host.
    #[error(
        "the database {path} has schema version {found}, newer than this hush-host knows ({known}); update hush-host"
    )]
    TooNew {
        /// The database.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest this binary knows.
        known: u32,
    },
    /// A write would have broken a uniqueness rule (a client name, a term, an event id).
    #[error("duplicate")]
    Duplicate,
    /// Any other SQLite failure.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

/// How much the database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Clients, archived ones included.
    pub clients: i64,
    /// Dictionary terms.
    pub terms: i64,
    /// Custom rules.
    pub rules: i64,
    /// Audit rows.
    pub audit_rows: i64,
}

/// The database, open.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if need be) the database at `path` and brings its schema up to date.
    ///
    /// # Errors
    /// [`StoreError`]: the folder or file cannot be made, the file is damaged or newer, or it
    /// stayed locked past the busy timeout.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open`] with another busy timeout.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        let prepare = |source| StoreError::Prepare { path: path.to_path_buf(), source };
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            permissions::private_dir(dir).map_err(prepare)?;
        }
        permissions::private_file(path).map_err(prepare)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.configure(busy_timeout)?;
        migrations::migrate(&mut store.conn).map_err(|e| match e {
            migrations::MigrationError::TooNew { found, known } => {
                StoreError::TooNew { path: path.to_path_buf(), found, known }
            }
            migrations::MigrationError::Sqlite(e) => sqlite_error(path, e),
        })?;
        Ok(store)
    }

    fn configure(&mut self, busy_timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(busy_timeout).map_err(|e| self.error(e))?;
        // Switching to WAL needs a moment of exclusive access; the busy handler does not cover
        // it, so a host that starts while another is switching retries. Once the file is in WAL
        // mode the pragma is a no-op.
        let deadline = std::time::Instant::now() + busy_timeout;
        loop {
            match self.conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get::<_, String>(0)) {
                Ok(_) => break,
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(self.error(e)),
            }
        }
        // FULL: a row the host acknowledged is on disk, so the extension may drop it from its
        // queue. Appends are batched, so the cost is per batch.
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(|e| self.error(e))?;
        self.conn.pragma_update(None, "foreign_keys", true).map_err(|e| self.error(e))?;
        Ok(())
    }

    /// The database's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::current_version(&self.conn).map_err(|e| self.error(e))
    }

    /// SQLite's own consistency check (`PRAGMA quick_check`): `Ok(None)` when it is fine, or
    /// its first complaint.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn quick_check(&self) -> Result<Option<String>, StoreError> {
        let verdict: String =
            self.conn.query_row("PRAGMA quick_check", [], |row| row.get(0)).map_err(|e| self.error(e))?;
        Ok(if verdict == "ok" { None } else { Some(verdict) })
    }

    /// How many clients, terms, rules and audit rows there are.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| row.get(0))
                .map_err(|e| self.error(e))
        };
        Ok(Counts {
            clients: count("clients")?,
            terms: count("terms")?,
            rules: count("custom_rules")?,
            audit_rows: count("audit_events")?,
        })
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction: committed if it returns `Ok`.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, rusqlite::Error>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| sqlite_error(&path, e))?;
        let value = work(&tx).map_err(|e| sqlite_error(&path, e))?;
        tx.commit().map_err(|e| sqlite_error(&path, e))?;
        Ok(value)
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, e)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Sorts SQLite's failures into the kinds a caller acts on.
fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path: path.to_path_buf() },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path: path.to_path_buf() },
        Some(ErrorCode::ConstraintViolation)
            if matches!(&e, rusqlite::Error::SqliteFailure(f, _)
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE) =>
        {
            StoreError::Duplicate
        }
        _ => StoreError::Sqlite { path: path.to_path_buf(), source: e },
    }
}

/// Bumps the counter that tells the extension its compiled dictionaries are stale.
fn bump_revision(tx: &rusqlite::Transaction<'_>) -> Result<(), rusqlite::Error> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('dictionary_revision', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_database_is_an_error_and_stays_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hush.db");
        let garbage = b"this is not a database, it is a shopping list. ".repeat(200);
        std::fs::write(&path, &garbage).unwrap();
        let error = Store::open(&path).unwrap_err();
        assert!(matches!(error, StoreError::Corrupt { .. }), "{error:?}");
        assert!(error.to_string().contains("left as it is"));
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }

    #[test]
    fn a_locked_database_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hush.db");
        drop(Store::open(&path).unwrap());
        let holder = Connection::open(&path).unwrap();
        holder
            .execute_batch("BEGIN EXCLUSIVE; INSERT INTO clients (name, name_key, created_at) VALUES ('a','a','t');")
            .unwrap();
        let mut store = Store::open_with_timeout(&path, Duration::from_millis(50)).unwrap();
        let error = store.create_client("Acme", "2025-01-01T00:00:00.000Z").unwrap_err();
        assert!(matches!(error, StoreError::Busy { .. }), "{error:?}");
        assert!(error.to_string().contains("locked by another program"));
    }

    #[cfg(unix)]
    #[test]
    fn the_database_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data").join("hush.db");
        drop(Store::open(&path).unwrap());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        drop(Store::open(&path).unwrap());
        assert_eq!(mode(&path), 0o600);
    }
}
