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

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <setup | build | test | bench [--full] | install [--browser B]... | run [--headless] | compare [--corpus FILE]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("build") => setup::run().and_then(|_| assemble::build()),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("install") => install::run(&args[1..]),
        Some("run") => run::run(&args[1..]),
        Some("compare") => compare::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
