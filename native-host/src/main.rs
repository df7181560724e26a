//! `hush-host`: launched by a browser it speaks native messaging; launched by a person it is the
//! command line. Only this file knows about exit codes.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod framing;
mod install;
mod messaging;
mod scan;

/// Hush's native host: keeps client dictionaries and the audit log on this machine.
#[derive(Debug, Parser)]
#[command(name = "hush-host", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Register this binary as the native messaging host of the Hush extension.
    Install(install::InstallArgs),
    /// Scan files or stdin for sensitive content (exit 1 if something was found, 0 if clean).
    Scan(scan::ScanArgs),
}

/// How the browser launches a host: Chromium passes the caller's origin
/// (`chrome-extension://<id>/`), Firefox the host manifest's path and the extension id.
fn launched_by_browser(args: &[String]) -> bool {
    match args.get(1) {
        Some(first) => first.starts_with("chrome-extension://") || (first.ends_with(".json") && args.len() >= 3),
        None => false,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if launched_by_browser(&args) {
        return match messaging::serve(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("hush-host: {e}");
                ExitCode::from(2)
            }
        };
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Install(args) => install::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Scan(args) => scan::run(&args).map(|outcome| match outcome {
            scan::ScanOutcome::Clean => ExitCode::SUCCESS,
            scan::ScanOutcome::Found => ExitCode::from(1),
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("hush-host: {e:#}");
            ExitCode::from(2)
        }
    }
}
