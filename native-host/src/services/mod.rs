//! Services: what the host does, for the message loop and for the command line alike. Each
//! checks its input ([`validate`]), works through the [`Store`](crate::store::Store), and answers
//! in the protocol's types. Errors say what was wrong without repeating a value.

pub mod audit;
pub mod clients;
pub mod rules;
pub mod settings;
pub mod terms;
pub mod validate;

use serde::Serialize;

use crate::audit::fingerprint::SecretError;
use crate::store::StoreError;

/// The budget of one reply's list: what is left of the browser's 1 MiB after the envelope.
pub const REPLY_BUDGET_BYTES: usize = 900 * 1024;

/// Why a service refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A field is invalid.
    #[error("{field}: {problem}")]
    Invalid {
        /// The field, as the protocol names it (`events[2].site`).
        field: String,
        /// What is expected of it.
        problem: String,
    },
    /// The thing named does not exist.
    #[error("there is no such {0}")]
    NotFound(&'static str),
    /// The change would duplicate something that must be unique.
    #[error("{0}")]
    Conflict(&'static str),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An audit row was changed outside Hush so that it no longer reads.
    #[error("audit row {0} was changed outside Hush and cannot be read; run `hush-host audit verify`")]
    UnreadableRow(i64),
    /// The fingerprint secret cannot be used.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// Keeps the longest prefix of `items` whose JSON fits in `budget` bytes (at least one item, so
/// a page always moves on). Returns whether items were left out.
pub fn fit_to_budget<T: Serialize>(items: &mut Vec<T>, budget: usize) -> bool {
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        used += serde_json::to_vec(item).map_or(0, |bytes| bytes.len() + 1);
        if used > budget && i > 0 {
            items.truncate(i);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_prefix_and_says_so() {
        let mut items = vec!["a".repeat(10), "b".repeat(10), "c".repeat(10)];
        assert!(fit_to_budget(&mut items, 30));
        assert_eq!(items.len(), 2);
        let mut one = vec!["x".repeat(100)];
        assert!(!fit_to_budget(&mut one, 10));
        assert_eq!(one.len(), 1);
    }
}
