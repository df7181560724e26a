//! `hush-host audit`: list, export, verify.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use hush_host::audit::chain::ChainReport;
use hush_host::audit::export::json::verify_file;
use hush_host::audit::export::kinds_label;
use hush_host::protocol::{AuditAction, AuditQueryRequest, ExportFormat};
use hush_host::services::audit;

use super::{client_named, read_input, write_output, Context, Outcome};

/// `audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// List audit rows, newest first.
    List {
        /// Only this client's rows.
        #[arg(long)]
        client: Option<String>,
        /// From this day (YYYY-MM-DD, UTC) or time (RFC 3339).
        #[arg(long)]
        from: Option<String>,
        /// To this day (inclusive) or time.
        #[arg(long)]
        to: Option<String>,
        /// Only rows with this action.
        #[arg(long, value_parser = action_parser())]
        action: Option<String>,
        /// At most this many rows.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Export a client's rows for the client: CSV for a spreadsheet, JSON that carries the hash
    /// chain (check it with `hush-host audit verify FILE`), or an HTML report that prints to PDF.
    Export {
        /// The client.
        #[arg(long)]
        client: String,
        /// From this day (YYYY-MM-DD, UTC) or time (RFC 3339).
        #[arg(long)]
        from: Option<String>,
        /// To this day (inclusive) or time.
        #[arg(long)]
        to: Option<String>,
        /// The format.
        #[arg(long, value_enum)]
        format: Format,
        /// Write here instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check the hash chain: of the database, or of a JSON export FILE. Names every edited,
    /// deleted or reordered row; exit 1 if there is one.
    Verify {
        /// A JSON export to check instead of the database.
        file: Option<PathBuf>,
    },
}

/// Export formats, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma-separated values.
    Csv,
    /// JSON with the hash chain.
    Json,
    /// A self-contained HTML report.
    Html,
}

fn action_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(AuditAction::ALL.map(AuditAction::as_str))
}

/// Runs an `audit` subcommand.
pub fn run(context: &Context, command: AuditCommand) -> anyhow::Result<Outcome> {
    match command {
        AuditCommand::List { client, from, to, action, limit } => {
            let store = context.store()?;
            let client_id = client.map(|name| client_named(&store, &name)).transpose()?.map(|c| c.id);
            let names: std::collections::HashMap<i64, String> =
                store.list_clients(true)?.into_iter().map(|c| (c.id, c.name)).collect();
            let request = AuditQueryRequest {
                client_id,
                from,
                to,
                action: action.as_deref().and_then(AuditAction::from_name),
                site: None,
                before_seq: None,
                limit: Some(limit),
            };
            let page = audit::query(&store, &request)?;
            if page.rows.is_empty() {
                println!("no audit rows");
            }
            for row in page.rows {
                let client = row.client_id.and_then(|id| names.get(&id)).map_or("-", String::as_str);
                println!(
                    "{:>6}  {}  {client}  {}  {}  {}",
                    row.seq,
                    row.at,
                    row.site,
                    row.action.as_str(),
                    kinds_label(&row.findings)
                );
            }
            Ok(Outcome::Done)
        }
        AuditCommand::Export { client, from, to, format, output } => {
            let store = context.store()?;
            let client = client_named(&store, &client)?;
            let format = match format {
                Format::Csv => ExportFormat::Csv,
                Format::Json => ExportFormat::Json,
                Format::Html => ExportFormat::Html,
            };
            let period = audit::period(from.as_deref(), to.as_deref())?;
            let export = audit::export(&store, &client, &period, format)?;
            write_output(output.as_deref(), &export.content)?;
            Ok(Outcome::Done)
        }
        AuditCommand::Verify { file: Some(file) } => {
            let verified = verify_file(&read_input(&file)?)?;
            println!(
                "export for {}: {} rows shown, {} rows of other clients withheld",
                verified.client.name, verified.rows_shown, verified.rows_withheld
            );
            Ok(print_report(&verified.report))
        }
        AuditCommand::Verify { file: None } => {
            let store = context.store()?;
            println!("audit log {}", store.path().display());
            Ok(print_report(&audit::verify(&store)?))
        }
    }
}

fn print_report(report: &ChainReport) -> Outcome {
    if report.is_intact() {
        println!("intact: {} rows checked, none edited, deleted or reordered", report.rows_checked);
        return Outcome::Done;
    }
    println!("BROKEN: {} rows checked, {} problems:", report.rows_checked, report.problems.len());
    for problem in &report.problems {
        println!("  {problem}");
    }
    Outcome::ProblemsFound
}
