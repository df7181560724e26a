//! The command line's subcommands. They print for a person and use the same services as the
//! message loop.

pub mod audit;
pub mod clients;
pub mod dict;
pub mod doctor;
pub mod install;

use std::path::PathBuf;

use anyhow::Context as _;
use hush_host::protocol::Client;
use hush_host::store::Store;

/// What every subcommand shares.
#[derive(Debug)]
pub struct Context {
    /// `--db` (or `HUSH_DB`).
    pub db: Option<PathBuf>,
}

impl Context {
    /// The database's path.
    pub fn database(&self) -> anyhow::Result<PathBuf> {
        Ok(hush_host::paths::database(self.db.as_deref())?)
    }

    /// The database, open.
    pub fn store(&self) -> anyhow::Result<Store> {
        let path = self.database()?;
        Store::open(&path).with_context(|| format!("cannot open the database {}", path.display()))
    }
}

/// The client called `name`, or an error that says how to find the right name.
pub fn client_named(store: &Store, name: &str) -> anyhow::Result<Client> {
    store
        .client_by_name(name)?
        .with_context(|| format!("there is no client called {name:?} (see `hush-host clients list --all`)"))
}

/// How a subcommand went, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, nothing wrong.
    Done,
    /// Done, and something is wrong (a finding, a broken chain, an unhealthy setup).
    ProblemsFound,
}

/// Reads a file, or stdin for `-`.
pub fn read_input(path: &std::path::Path) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).context("cannot read stdin")?;
        return Ok(text);
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes `text` to a file, or to stdout without one.
pub fn write_output(path: Option<&std::path::Path>, text: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes()).context("cannot write to stdout")
        }
    }
}
