//! `hush-host`: launched by a browser it speaks native messaging; launched by a person it is the
//! command line. Only this file knows about exit codes:
//!
//! - 0: done; for `audit verify`, the chain is intact; for `doctor`, all is well.
//! - 1: `scan` found something, `audit verify` found the chain broken, `doctor` found a problem.
//! - 2: an error (bad arguments, a database that cannot be used, a refused caller).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hush_host::identity::Caller;
use hush_host::messaging::{self, Ending};

mod cli;
mod scan;

/// Hush's native host: keeps client dictionaries and the audit log on this machine, and answers
/// the Hush browser extension. Run without a browser, it is the command line for both.
#[derive(Debug, Parser)]
#[command(name = "hush-host", version, about, long_about = None)]
#[command(after_help = "The database is ~/.local/share/hush/hush.db on Linux (see `hush-host doctor`); \
    set HUSH_DB or pass --db to use another.\nExit codes: 0 done, 1 problems found (scan, audit verify, doctor), 2 error.")]
struct Cli {
    /// The database to use, instead of the one in your data folder.
    #[arg(long, global = true, env = hush_host::paths::DATABASE_ENV, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Register this binary with your browsers (all of them unless --browser says which).
    Install(cli::install::InstallArgs),
    /// Undo `install`.
    Uninstall(cli::install::InstallArgs),
    /// List, add, rename, archive your clients, and choose the active one.
    #[command(subcommand)]
    Clients(cli::clients::ClientsCommand),
    /// A client's dictionary: names, codenames, hostnames Hush must never let through.
    #[command(subcommand)]
    Dict(cli::dict::DictCommand),
    /// The audit log: list it, export it for a client, verify its hash chain.
    #[command(subcommand)]
    Audit(cli::audit::AuditCommand),
    /// Check which browsers are registered, where the database is, and whether it is healthy.
    Doctor,
    /// Scan files or stdin for sensitive content (exit 1 if something was found, 0 if clean).
    Scan(scan::ScanArgs),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some(caller) = Caller::from_args(args.get(1..).unwrap_or_default()) {
        return serve_browser(&caller);
    }
    let cli = Cli::parse();
    let context = cli::Context { db: cli.db };
    let result = match cli.command {
        Command::Install(args) => cli::install::install(&args),
        Command::Uninstall(args) => cli::install::uninstall(&args),
        Command::Clients(command) => cli::clients::run(&context, command),
        Command::Dict(command) => cli::dict::run(&context, command),
        Command::Audit(command) => cli::audit::run(&context, command),
        Command::Doctor => cli::doctor::run(&context),
        Command::Scan(args) => scan::run(&args).map(|outcome| match outcome {
            scan::ScanOutcome::Clean => cli::Outcome::Done,
            scan::ScanOutcome::Found => cli::Outcome::ProblemsFound,
        }),
    };
    match result {
        Ok(cli::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cli::Outcome::ProblemsFound) => ExitCode::from(1),
        Err(e) => {
            eprintln!("hush-host: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The browser started us: stdin and stdout are the extension's, and only frames go to stdout.
fn serve_browser(caller: &Caller) -> ExitCode {
    let database = match hush_host::paths::database(None) {
        Ok(path) => path,
        Err(e) => {
            messaging::log::line(&e.to_string());
            return ExitCode::from(2);
        }
    };
    match messaging::run(caller, database) {
        Ok(Ending::Closed | Ending::Truncated) => ExitCode::SUCCESS,
        Ok(Ending::Refused) => ExitCode::from(2),
        Err(e) => {
            messaging::log::line(&format!("stopped: {e}"));
            ExitCode::from(2)
        }
    }
}
