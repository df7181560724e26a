//! `hush-host dict`: a client's dictionary, and its CSV form (`term,aliases,note`, aliases
//! separated by `|`).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Subcommand;
use hush_host::csv::{parse, write_record, CellSafety};
use hush_host::protocol::{TermAddRequest, TermDraft};
use hush_host::services::{terms, ServiceError};

use super::{client_named, read_input, write_output, Context, Outcome};

/// The CSV columns.
const HEADER: [&str; 3] = ["term", "aliases", "note"];
/// Separates aliases inside the `aliases` cell.
const ALIAS_SEPARATOR: char = '|';

/// `dict` subcommands.
#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// List a client's terms.
    List {
        /// The client.
        #[arg(long)]
        client: String,
    },
    /// Add a term to a client's dictionary.
    Add {
        /// The client.
        #[arg(long)]
        client: String,
        /// The term (a name, a codename, a hostname, an amount).
        term: String,
        /// Another spelling (repeat for several).
        #[arg(long)]
        alias: Vec<String>,
        /// A note for yourself.
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove a term from a client's dictionary.
    Remove {
        /// The client.
        #[arg(long)]
        client: String,
        /// The term.
        term: String,
    },
    /// Import terms from CSV (`term,aliases,note`; aliases separated by `|`). Terms the client
    /// has already take the imported aliases and note. All or nothing.
    Import {
        /// The client.
        #[arg(long)]
        client: String,
        /// The CSV file (`-` for stdin).
        file: PathBuf,
    },
    /// Export a client's terms as CSV.
    Export {
        /// The client.
        #[arg(long)]
        client: String,
        /// Write here instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// Runs a `dict` subcommand.
pub fn run(context: &Context, command: DictCommand) -> anyhow::Result<Outcome> {
    let mut store = context.store()?;
    match command {
        DictCommand::List { client } => {
            let client = client_named(&store, &client)?;
            let list = terms::all_of(&store, client.id)?;
            if list.is_empty() {
                println!("{} has no terms yet", client.name);
            }
            for term in list {
                let aliases = if term.aliases.is_empty() {
                    String::new()
                } else {
                    format!("  (also: {})", term.aliases.join(", "))
                };
                let note = if term.note.is_empty() { String::new() } else { format!("  # {}", term.note) };
                println!("{}{aliases}{note}", term.text);
            }
        }
        DictCommand::Add { client, term, alias, note } => {
            let client = client_named(&store, &client)?;
            let request = TermAddRequest { client_id: client.id, text: term, aliases: Some(alias), note };
            let term = terms::add(&mut store, &request)?;
            println!("added {} to {}", term.text, client.name);
        }
        DictCommand::Remove { client, term } => {
            let client = client_named(&store, &client)?;
            let key = term.trim().to_lowercase();
            let found = terms::all_of(&store, client.id)?
                .into_iter()
                .find(|t| t.text.to_lowercase() == key)
                .with_context(|| format!("{} has no term {term:?}", client.name))?;
            terms::remove(&mut store, found.id)?;
            println!("removed {} from {}", found.text, client.name);
        }
        DictCommand::Import { client, file } => {
            let client = client_named(&store, &client)?;
            let drafts = drafts_from_csv(&read_input(&file)?)?;
            let counts = terms::import(&mut store, client.id, &drafts)?;
            println!(
                "imported into {}: {} added, {} updated, {} unchanged",
                client.name, counts.added, counts.updated, counts.unchanged
            );
        }
        DictCommand::Export { client, output } => {
            let client = client_named(&store, &client)?;
            let mut csv = String::new();
            write_record(&mut csv, &HEADER, CellSafety::Exact);
            for term in terms::all_of(&store, client.id)? {
                let aliases = term.aliases.join(&ALIAS_SEPARATOR.to_string());
                write_record(&mut csv, &[term.text, aliases, term.note], CellSafety::Exact);
            }
            write_output(output.as_deref(), &csv)?;
        }
    }
    Ok(Outcome::Done)
}

/// Reads terms from CSV. A first row with a `term` cell is a header and may order the columns;
/// without one they are term, aliases, note. Each term is checked here so an error names its row.
fn drafts_from_csv(text: &str) -> anyhow::Result<Vec<TermDraft>> {
    let records = parse(text)?;
    let header = records.first().filter(|r| r.iter().any(|c| c.trim().eq_ignore_ascii_case("term")));
    let column = |name: &str, default: usize| -> usize {
        header.and_then(|h| h.iter().position(|c| c.trim().eq_ignore_ascii_case(name))).unwrap_or(default)
    };
    let (term_at, aliases_at, note_at) = (column("term", 0), column("aliases", 1), column("note", 2));
    let skip = usize::from(header.is_some());
    let mut drafts = Vec::new();
    for (i, record) in records.iter().enumerate().skip(skip) {
        let cell = |at: usize| record.get(at).map(String::as_str).unwrap_or("");
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let draft = TermDraft {
            text: cell(term_at).to_string(),
            aliases: Some(cell(aliases_at).split(ALIAS_SEPARATOR).map(str::to_string).collect()),
            note: Some(cell(note_at).to_string()),
        };
        terms::clean("", &draft).map_err(|e| match e {
            ServiceError::Invalid { field, problem } => anyhow::anyhow!("row {}: the {field} {problem}", i + 1),
            other => other.into(),
        })?;
        drafts.push(draft);
    }
    Ok(drafts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_header_in_any_order_and_splits_aliases() {
        let drafts = drafts_from_csv("note,term,aliases\nour client,Acme Corp,ACME|Acme Inc.\n,,\n").unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].text, "Acme Corp");
        assert_eq!(drafts[0].aliases.as_deref().unwrap(), ["ACME", "Acme Inc."]);
        assert_eq!(drafts[0].note.as_deref(), Some("our client"));
    }

    #[test]
    fn an_error_names_the_row() {
        let error = drafts_from_csv("Falcon\n\u{7}bell\n").unwrap_err().to_string();
        assert_eq!(error, "row 2: the text must not contain control characters");
    }
}
