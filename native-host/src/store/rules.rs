//! Custom rules.

use rusqlite::{params, OptionalExtension, Row};

use super::{bump_revision, Store, StoreError};
use crate::protocol::CustomRule;

/// A change to a rule: `None` keeps what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleChange {
    /// A new name.
    pub name: Option<String>,
    /// A new pattern (already checked to compile).
    pub pattern: Option<String>,
    /// Enabled or not.
    pub enabled: Option<bool>,
}

const RULE_COLUMNS: &str = "id, client_id, name, pattern, enabled, created_at, updated_at";

fn rule_from_row(row: &Row<'_>) -> Result<CustomRule, rusqlite::Error> {
    Ok(CustomRule {
        id: row.get(0)?,
        client_id: row.get(1)?,
        name: row.get(2)?,
        pattern: row.get(3)?,
        enabled: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn rule_in(conn: &rusqlite::Connection, id: i64) -> Result<Option<CustomRule>, rusqlite::Error> {
    conn.query_row(&format!("SELECT {RULE_COLUMNS} FROM custom_rules WHERE id = ?1"), [id], rule_from_row).optional()
}

impl Store {
    /// Rules by id: one client's, or every rule.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn list_rules(&self, client_id: Option<i64>) -> Result<Vec<CustomRule>, StoreError> {
        let sql = format!("SELECT {RULE_COLUMNS} FROM custom_rules WHERE ?1 IS NULL OR client_id = ?1 ORDER BY id");
        let mut statement = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let rows = statement.query_map([client_id], rule_from_row).map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Adds a rule.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn add_rule(
        &mut self,
        client_id: Option<i64>,
        name: &str,
        pattern: &str,
        enabled: bool,
        now: &str,
    ) -> Result<CustomRule, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO custom_rules (client_id, name, pattern, enabled, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![client_id, name, pattern, enabled, now],
            )?;
            bump_revision(tx)?;
            Ok(CustomRule {
                id: tx.last_insert_rowid(),
                client_id,
                name: name.into(),
                pattern: pattern.into(),
                enabled,
                created_at: now.into(),
                updated_at: now.into(),
            })
        })
    }

    /// Changes a rule; `None` when there is no such rule.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn update_rule(&mut self, id: i64, change: &RuleChange, now: &str) -> Result<Option<CustomRule>, StoreError> {
        self.write(|tx| {
            let Some(mut rule) = rule_in(tx, id)? else { return Ok(None) };
            if let Some(name) = &change.name {
                rule.name.clone_from(name);
            }
            if let Some(pattern) = &change.pattern {
                rule.pattern.clone_from(pattern);
            }
            if let Some(enabled) = change.enabled {
                rule.enabled = enabled;
            }
            rule.updated_at = now.into();
            tx.execute(
                "UPDATE custom_rules SET name = ?2, pattern = ?3, enabled = ?4, updated_at = ?5 WHERE id = ?1",
                params![id, rule.name, rule.pattern, rule.enabled, now],
            )?;
            bump_revision(tx)?;
            Ok(Some(rule))
        })
    }

    /// Removes a rule; whether there was one.
    ///
    /// # Errors
    /// [`StoreError`] when SQLite fails.
    pub fn remove_rule(&mut self, id: i64) -> Result<bool, StoreError> {
        self.write(|tx| {
            let removed = tx.execute("DELETE FROM custom_rules WHERE id = ?1", [id])? > 0;
            if removed {
                bump_revision(tx)?;
            }
            Ok(removed)
        })
    }
}
