//! Hush's build driver, run as `cargo xtask <command>`:
//!
//! - `setup`: installs what a clean Debian 12 machine lacks (idempotent, and says what it does);
//! - `build`: the host binary, the wasm module and its bindings, both extensions and their zips;
//! - `test`: every test layer, from cargo tests to end-to-end browser tests;
//! - `bench [--full]`: every benchmark (criterion for the engine and the host, the wasm module
//!   under node, the keystroke cost in the browser), printing figures;
//! - `install [--browser B]... [--bin-dir DIR]`: Hush for daily use (host copied out of the
//!   repository and registered with the browsers; how to load the extension);
//! - `run [--headless]`: Hush on a local demo chat page in Chromium;
//! - `compare [--corpus FILE]`: Hush side by side with Presidio, detect-secrets and gitleaks.

mod assemble;
mod bench;
mod command;
mod compare;
mod install;
mod manifest;
mod paths;
mod run;
mod setup;
mod test;
mod wasm;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Hush's build driver: every command first sets up, idempotently, what the machine lacks.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Install what a clean Debian 12 machine lacks (wasm toolchain, wasm-bindgen-cli, browsers, geckodriver, node packages).
    Setup,
    /// Build the host binary, the wasm module, both extensions and their store zips.
    Build,
    /// Run every test: lints, cargo tests, the wasm module, the extension's unit tests, end-to-end browser tests.
    Test {
        /// Skip the end-to-end browser tests.
        #[arg(long)]
        no_e2e: bool,
    },
    /// Run every benchmark and print its figures (quick settings unless --full).
    Bench {
        /// Criterion's default measurement times instead of the quick ones.
        #[arg(long)]
        full: bool,
    },
    /// Install Hush for daily use: the host copied out of the repository and registered with the browsers.
    Install {
        /// A browser to register the host with (repeat for several; default: every browser hush-host knows).
        #[arg(long = "browser", value_name = "BROWSER")]
        browsers: Vec<String>,
        /// Where the host binary goes (default: ~/.local/bin, or %LOCALAPPDATA%\Hush on Windows).
        #[arg(long, value_name = "DIR")]
        bin_dir: Option<PathBuf>,
    },
    /// Build everything and open Chromium with Hush on a local demo chat page.
    Run {
        /// Drive the demo without a window: type a sample, print what Hush flagged and a screenshot's path.
        #[arg(long)]
        headless: bool,
    },
    /// Hush side by side with Presidio, detect-secrets and gitleaks on the labelled corpus.
    Compare {
        /// Another labelled JSONL corpus to add ({"id","text","spans":[{"start","end","label"}]}); repeat for several.
        #[arg(long = "corpus", value_name = "FILE")]
        corpora: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Setup => setup::run(),
        Command::Build => setup::run().and_then(|_| assemble::build()),
        Command::Test { no_e2e } => test::run(!no_e2e),
        Command::Bench { full } => bench::run(full),
        Command::Install { browsers, bin_dir } => install::run(browsers, bin_dir),
        Command::Run { headless } => run::run(headless),
        Command::Compare { corpora } => compare::run(corpora),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
