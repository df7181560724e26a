//! # hush-engine
//!
//! The engine decides what in a piece of text must not leave the user's machine, and how it is
//! replaced. It is pure Rust: it takes text and configuration in as values and gives findings out.
//! It never reads a file, a clock or the environment, so the same code runs natively in the
//! `hush-host` binary and as WebAssembly in the browser extension's background.
//!
//! The pieces, in the order a scan uses them:
//!
//! - [`Engine`] holds every detector compiled once; [`Engine::scan`] runs them over a text.
//! - [`detectors`] holds the built-in detectors. Each one matches a pattern and then *validates*
//!   what it matched (a checksum, a context word, a provider-specific format), because a guard
//!   that cries wolf gets switched off.
//! - [`Finding`] is what a scan returns: a [`Kind`], the id of the rule that fired, a [`Span`]
//!   in UTF-8 bytes and in UTF-16 code units (what JavaScript indexes by), a confidence and a
//!   [`Severity`].
//! - [`offsets`] converts byte offsets into UTF-16 and char offsets exactly, for any Unicode text.
//! - [`names`] finds names of people no dictionary knows, with a gazetteer loaded at run time
//!   ([`Engine::set_name_gazetteer`]).
//! - [`dictionary`] holds the client dictionaries: terms matched in one Aho-Corasick pass over a
//!   folded copy of the text (case, accents and width do not matter), and clients' own patterns.
//! - Overlapping candidates are resolved deterministically: dictionary and checksum-validated
//!   findings beat format matches, which beat context matches; then the longer one wins.
//! - [`Conversation`] replaces findings with placeholders that stay the same within a
//!   conversation, and restores them.

#![deny(missing_docs)]

mod byte_flags;
pub mod detectors;
pub mod dictionary;
mod engine;
mod finding;
pub mod names;
pub mod offsets;
mod redact;
mod resolve;

pub use dictionary::{Dictionary, DictionaryError};
pub use engine::{Engine, EngineConfig};
pub use finding::{Finding, Kind, Severity, Span};
pub use names::{GazetteerError, NameGazetteer};
pub use redact::{Conversation, Edit, Redaction, RestoredPiece};
