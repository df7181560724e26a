//! Settings: one row per setting, its value as JSON. A setting that was never written reads as
//! its default, so adding a setting needs no migration.

use rusqlite::params;

use super::{Store, StoreError};
use crate::protocol::{Settings, SettingsUpdateRequest};

const GUARDED_SITES: &str = "guarded_sites";
const PASTE_REDACTED_SITES: &str = "paste_redacted_sites";
const RECORD_FINGERPRINTS: &str = "record_fingerprints";

impl Store {
    /// The settings, with defaults for those never written (or written in a shape this version
    /// does not read).
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let mut settings = Settings::default();
        let mut statement = self.conn.prepare_cached("SELECT key, value FROM settings").map_err(|e| self.error(e))?;
        let rows = statement
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))
            .map_err(|e| self.error(e))?;
        for row in rows {
            let (key, value) = row.map_err(|e| self.error(e))?;
            match key.as_str() {
                GUARDED_SITES => settings.guarded_sites = serde_json::from_str(&value).unwrap_or_default(),
                PASTE_REDACTED_SITES => {
                    settings.paste_redacted_sites = serde_json::from_str(&value).unwrap_or_default();
                }
                RECORD_FINGERPRINTS => settings.record_fingerprints = serde_json::from_str(&value).unwrap_or(true),
                _ => {}
            }
        }
        Ok(settings)
    }

    /// Writes the settings `change` gives and keeps the others, in one transaction (so two hosts
    /// changing different settings at once both keep their change).
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn update_settings(&mut self, change: &SettingsUpdateRequest) -> Result<Settings, StoreError> {
        let mut entries = Vec::new();
        if let Some(sites) = &change.guarded_sites {
            entries.push((GUARDED_SITES, serde_json::json!(sites)));
        }
        if let Some(sites) = &change.paste_redacted_sites {
            entries.push((PASTE_REDACTED_SITES, serde_json::json!(sites)));
        }
        if let Some(record) = change.record_fingerprints {
            entries.push((RECORD_FINGERPRINTS, serde_json::json!(record)));
        }
        self.write(|tx| {
            for (key, value) in &entries {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value.to_string()],
                )?;
            }
            Ok(())
        })?;
        self.settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwritten_settings_read_as_defaults_and_written_ones_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hush.db")).unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        let change = SettingsUpdateRequest {
            guarded_sites: Some(vec!["https://chat.example.com".into()]),
            paste_redacted_sites: None,
            record_fingerprints: Some(false),
        };
        let expected = Settings {
            guarded_sites: vec!["https://chat.example.com".into()],
            paste_redacted_sites: vec![],
            record_fingerprints: false,
        };
        assert_eq!(store.update_settings(&change).unwrap(), expected);
        assert_eq!(store.settings().unwrap(), expected);
    }
}
