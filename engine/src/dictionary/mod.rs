//! Client dictionaries: the names, codenames, hostnames and amounts that belong to a client.
//!
//! A [`Dictionary`] is plain data (serde, camelCase JSON), the same shape in the wasm API and in
//! the native host. [`DictionaryMatcher::compile`] turns it into one Aho-Corasick automaton over
//! every term and alias, folded (case, accents, full-width forms) the same way the scanned text
//! is folded, plus the clients' own regular expressions. Compiling is quick enough to redo on
//! every dictionary change; scanning runs the automaton once over the text, whatever the number
//! of terms.

mod cursor;
mod fold;
mod fold_table;
mod matcher;
mod terms;

use serde::{Deserialize, Serialize};

pub use fold::{fold, Folded};
pub use matcher::{alias_placeholder_word, DictionaryMatcher};

/// Every client's terms and patterns. Fields this version does not know are ignored, so a
/// newer native host can send more without breaking an older extension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dictionary {
    /// The clients, each with its own terms and patterns.
    #[serde(default)]
    pub clients: Vec<Client>,
}

/// One client of the freelancer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    /// A stable id (the native host's), reported in findings.
    pub id: String,
    /// The client's display name, used in finding labels.
    pub name: String,
    /// The word that stands for the client in redacted text (`"CLIENT_A"` gives `"[CLIENT_A]"`);
    /// without one, the client becomes `[CLIENT_1]`, `[CLIENT_2]`… in order of appearance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// The words that identify the client or its work.
    #[serde(default)]
    pub terms: Vec<Term>,
    /// Regular expressions for the client's own identifiers (ticket numbers, contract ids).
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

/// One dictionary term and the other ways of writing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// The term as the client writes it.
    pub term: String,
    /// Other spellings that mean the same thing.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What kind of term it is.
    #[serde(default)]
    pub category: Category,
}

/// What a dictionary term names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The client itself.
    #[default]
    Client,
    /// A person at the client.
    Contact,
    /// A project or product codename.
    Project,
    /// An internal host name.
    Hostname,
    /// A contract amount or price.
    Amount,
    /// Anything else.
    Other,
}

impl Category {
    /// The category's name in rule ids (`client_term.contact`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Client => "client",
            Category::Contact => "contact",
            Category::Project => "project",
            Category::Hostname => "hostname",
            Category::Amount => "amount",
            Category::Other => "other",
        }
    }

    /// The word in this category's placeholders (`[PROJECT_1]`).
    pub fn placeholder_word(self) -> &'static str {
        match self {
            Category::Client => "CLIENT",
            Category::Contact => "CONTACT",
            Category::Project => "PROJECT",
            Category::Hostname => "HOST",
            Category::Amount => "AMOUNT",
            Category::Other => "TERM",
        }
    }

    /// The category named `name` in a rule id, if any.
    pub fn from_name(name: &str) -> Option<Category> {
        [Category::Client, Category::Contact, Category::Project, Category::Hostname, Category::Amount, Category::Other]
            .into_iter()
            .find(|c| c.as_str() == name)
    }
}

/// A client's regular expression.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pattern {
    /// An id, unique within the client, reported in the rule id (`custom.<client>.<id>`).
    pub id: String,
    /// The regular expression (Rust `regex` syntax).
    pub regex: String,
    /// What a match is, for people ("Acme ticket number").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Why a dictionary cannot be compiled. Messages name the client and the term or pattern by
/// position or id, never by value: a dictionary is sensitive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DictionaryError {
    /// A client has no id.
    #[error("client #{index} has an empty id")]
    EmptyClientId {
        /// Position of the client in the dictionary.
        index: usize,
    },
    /// Two clients share an id.
    #[error("client id {id:?} appears twice")]
    DuplicateClientId {
        /// The repeated id.
        id: String,
    },
    /// A client's alias cannot become a placeholder.
    #[error("client {client:?}: the alias must hold letters or digits and start with a letter (at most 32)")]
    BadAlias {
        /// The client's id.
        client: String,
    },
    /// A term (or one of its aliases) is too short to match safely.
    #[error("client {client:?}: term #{term} has a spelling shorter than 2 characters")]
    TermTooShort {
        /// The client's id.
        client: String,
        /// Position of the term in the client's list.
        term: usize,
    },
    /// A pattern does not compile.
    #[error("client {client:?}: pattern {pattern:?} is not a valid regular expression: {reason}")]
    BadPattern {
        /// The client's id.
        client: String,
        /// The pattern's id.
        pattern: String,
        /// What is wrong with it, without the pattern's text.
        reason: String,
    },
    /// The terms together are too many to compile.
    #[error("the dictionary is too large to compile: {reason}")]
    TooLarge {
        /// What the automaton builder said.
        reason: String,
    },
    /// Two patterns of a client share an id, or a pattern has none.
    #[error("client {client:?}: pattern ids must be unique and not empty ({pattern:?})")]
    BadPatternId {
        /// The client's id.
        client: String,
        /// The offending id.
        pattern: String,
    },
}
