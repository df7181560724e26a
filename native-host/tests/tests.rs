//! hush-host's integration tests, in one binary: the real `hush-host`, spawned with a temporary
//! database and spoken to over native messaging frames or its command line.

// Clippy allows `unwrap` inside `#[test]` functions only; the helpers these tests share fail the
// test the same way, on purpose.
#![allow(clippy::unwrap_used)]

mod audit;
mod cli;
mod concurrency;
mod identity;
mod install;
mod migrations;
mod protocol;
mod testutil;
mod typescript;
