//! # hush-host
//!
//! hush-host keeps what must outlive a browser tab: the user's clients and their dictionaries,
//! custom rules and settings, and the audit log. The browser starts it for the extension and
//! speaks native messaging to it; a person runs the same binary as a command line.
//!
//! The layers, each knowing only the one below it:
//!
//! - [`framing`]: native messaging frames (a 4-byte native-endian length, then UTF-8 JSON),
//!   read without trusting the length.
//! - [`protocol`]: every request, reply and error code, defined once; `PROTOCOL.md` documents it
//!   and the extension's TypeScript types are generated from it.
//! - [`messaging`]: the tokio loop, the caller check ([`identity`]), and one `handle_*` per
//!   request type.
//! - [`services`]: what the host does, shared by the loop and the command line: clients, terms,
//!   rules, settings, and the audit log (append, query, verify, export).
//! - [`audit`]: the hash chain, keyed fingerprints, and the CSV, JSON and HTML exports.
//! - [`store`]: one SQLite database with numbered migrations, safe for several hosts at once.
//! - [`install`]: registering the host with each browser on Linux, macOS and Windows.
//!
//! Nothing the user wants hidden crosses these layers in the clear: an audit row holds a keyed
//! fingerprint of a value, never the value; logs and error messages never repeat a request.

#![deny(missing_docs)]

pub mod audit;
pub mod csv;
pub mod framing;
pub mod identity;
pub mod install;
pub mod messaging;
pub mod paths;
pub mod protocol;
pub mod services;
pub mod store;
pub mod timestamp;
