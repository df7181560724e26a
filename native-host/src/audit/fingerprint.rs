//! Keyed fingerprints: HMAC-SHA256 of a value under a secret made for this installation.
//!
//! An audit row must show that the same value came up again without holding the value, and a
//! plain hash of a short value (a phone number, a name) is reversed by trying every candidate.
//! Keyed with a secret that never leaves this machine, the fingerprint says nothing to whoever
//! reads an export. The secret lives beside the database (`<database>.secret`, mode 0600), is
//! made on first use by exactly one process even when several start at once, is never exported
//! and is never replaced: a damaged secret is an error, because a new one would make every
//! earlier fingerprint incomparable.

use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::store::private_file;

const SECRET_BYTES: usize = 32;

/// What can go wrong with the secret.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The secret could not be made or read.
    #[error("cannot use the fingerprint secret {path}: {source}")]
    Io {
        /// The secret's file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a secret this host wrote.
    #[error(
        "the fingerprint secret {path} is damaged; it was left as it is \
         (restore it from a backup, or move it away to start new fingerprints)"
    )]
    Damaged {
        /// The secret's file.
        path: PathBuf,
    },
}

/// Makes fingerprints with this installation's secret.
pub struct Fingerprinter {
    key: [u8; SECRET_BYTES],
}

// Written by hand so that the key can never be printed.
impl std::fmt::Debug for Fingerprinter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fingerprinter { key: <withheld> }")
    }
}

impl Fingerprinter {
    /// Reads the secret at `path`, making it first if there is none.
    ///
    /// # Errors
    /// [`SecretError`] when the file cannot be made or read, or does not hold a secret.
    pub fn load_or_create(path: &Path) -> Result<Fingerprinter, SecretError> {
        let io = |source| SecretError::Io { path: path.to_path_buf(), source };
        if !path.exists() {
            let mut key = [0u8; SECRET_BYTES];
            getrandom::fill(&mut key).map_err(|e| io(std::io::Error::other(e.to_string())))?;
            crate::store::create_private_once(path, format!("{}\n", hex::encode(key)).as_bytes()).map_err(io)?;
        }
        // Tightens a secret whose mode was loosened since.
        private_file(path).map_err(io)?;
        let text = std::fs::read_to_string(path).map_err(io)?;
        let bytes = hex::decode(text.trim()).map_err(|_| SecretError::Damaged { path: path.to_path_buf() })?;
        let key: [u8; SECRET_BYTES] =
            bytes.try_into().map_err(|_| SecretError::Damaged { path: path.to_path_buf() })?;
        Ok(Fingerprinter { key })
    }

    /// The fingerprint of `value`, in hex.
    pub fn fingerprint(&self, value: &str) -> String {
        // HMAC takes keys of any length, so this cannot fail.
        let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(&self.key) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC accepts a {SECRET_BYTES}-byte key"),
        };
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_secret_gives_the_same_fingerprint_and_hides_the_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hush.db.secret");
        let first = Fingerprinter::load_or_create(&path).unwrap();
        let again = Fingerprinter::load_or_create(&path).unwrap();
        let fingerprint = first.fingerprint("jane@example.com");
        assert_eq!(fingerprint, again.fingerprint("jane@example.com"));
        assert_ne!(fingerprint, first.fingerprint("john@example.com"));
        assert_eq!(fingerprint.len(), 64);
        assert!(!format!("{first:?}").contains(&hex::encode(first.key)));
    }

    #[test]
    fn another_installation_fingerprints_differently() {
        let dir = tempfile::tempdir().unwrap();
        let one = Fingerprinter::load_or_create(&dir.path().join("a.secret")).unwrap();
        let two = Fingerprinter::load_or_create(&dir.path().join("b.secret")).unwrap();
        assert_ne!(one.fingerprint("4111 1111 1111 1111"), two.fingerprint("4111 1111 1111 1111"));
    }

    #[test]
    fn a_damaged_secret_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hush.db.secret");
        std::fs::write(&path, "not hex").unwrap();
        assert!(matches!(Fingerprinter::load_or_create(&path), Err(SecretError::Damaged { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "not hex");
    }
}
