//! Where the database lives: `--db PATH`, else `HUSH_DB`, else the platform's data folder
//! (`~/.local/share/hush/hush.db` on Linux, `~/Library/Application Support/org.hush-guard.hush/`
//! on macOS, `%APPDATA%\hush-guard\hush\data\` on Windows). The fingerprint secret sits beside it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the database's path.
pub const DATABASE_ENV: &str = "HUSH_DB";

/// No data folder could be found.
#[derive(Debug, thiserror::Error)]
#[error("cannot find a data folder for the database (no home folder?); set {DATABASE_ENV} or pass --db")]
pub struct NoDataDir;

/// The platform's default database path.
///
/// # Errors
/// [`NoDataDir`] when the platform reports no home folder.
pub fn default_database() -> Result<PathBuf, NoDataDir> {
    directories::ProjectDirs::from("org", "hush-guard", "hush")
        .map(|dirs| dirs.data_dir().join("hush.db"))
        .ok_or(NoDataDir)
}

/// The database path: `explicit` (from `--db`), else `HUSH_DB` if set and not empty, else the
/// default.
///
/// # Errors
/// [`NoDataDir`] when neither is given and the platform has no data folder.
pub fn database(explicit: Option<&Path>) -> Result<PathBuf, NoDataDir> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    match std::env::var_os(DATABASE_ENV) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => default_database(),
    }
}

/// The fingerprint secret of the database at `database`: `<database>.secret`.
pub fn secret(database: &Path) -> PathBuf {
    let mut name: OsString = database.as_os_str().to_owned();
    name.push(".secret");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_sits_beside_the_database() {
        assert_eq!(secret(Path::new("/data/hush.db")), PathBuf::from("/data/hush.db.secret"));
        assert_eq!(database(Some(Path::new("/x/y.db"))).unwrap(), PathBuf::from("/x/y.db"));
    }
}
