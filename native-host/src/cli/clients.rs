//! `hush-host clients`.

use clap::Subcommand;
use hush_host::services::clients;

use super::{client_named, Context, Outcome};

/// `clients` subcommands.
#[derive(Debug, Subcommand)]
pub enum ClientsCommand {
    /// List the clients (`*` marks the active one).
    List {
        /// Archived clients too.
        #[arg(long)]
        all: bool,
    },
    /// Add a client.
    Add {
        /// Its name.
        name: String,
    },
    /// Rename a client.
    Rename {
        /// Its name now.
        name: String,
        /// Its new name.
        new_name: String,
    },
    /// Choose the word a client's name is redacted as (`Acme` writes it `[ACME]`), or --none for a
    /// numbered placeholder (`[CLIENT_1]`).
    Alias {
        /// Its name.
        name: String,
        /// The alias: a letter first, then letters, digits and spaces (upper-cased).
        #[arg(required_unless_present = "none")]
        alias: Option<String>,
        /// No alias.
        #[arg(long, conflicts_with = "alias")]
        none: bool,
    },
    /// Archive a client: it keeps its terms and audit rows but is no longer guarded.
    Archive {
        /// Its name.
        name: String,
    },
    /// Bring an archived client back.
    Unarchive {
        /// Its name.
        name: String,
    },
    /// Make a client the active one (whose work you are doing now), or none with --none.
    Use {
        /// Its name.
        #[arg(required_unless_present = "none")]
        name: Option<String>,
        /// No active client.
        #[arg(long, conflicts_with = "name")]
        none: bool,
    },
}

/// Runs a `clients` subcommand.
pub fn run(context: &Context, command: ClientsCommand) -> anyhow::Result<Outcome> {
    let mut store = context.store()?;
    match command {
        ClientsCommand::List { all } => {
            let list = clients::list(&store, all)?;
            if list.clients.is_empty() {
                println!("no clients yet: add one with `hush-host clients add NAME`");
            }
            for client in list.clients {
                let active = if list.active_client_id == Some(client.id) { "*" } else { " " };
                let alias = client.alias.map(|a| format!("  [{a}]")).unwrap_or_default();
                let archived = if client.archived { "  (archived)" } else { "" };
                println!("{active} {}{alias}{archived}", client.name);
            }
        }
        ClientsCommand::Add { name } => {
            let client = clients::create(&mut store, &name)?;
            println!("added client {}", client.name);
        }
        ClientsCommand::Rename { name, new_name } => {
            let client = client_named(&store, &name)?;
            let client = clients::rename(&mut store, client.id, &new_name)?;
            println!("renamed {name} to {}", client.name);
        }
        ClientsCommand::Alias { name, alias, .. } => {
            let client = client_named(&store, &name)?;
            let client = clients::set_alias(&mut store, client.id, alias.as_deref())?;
            match client.alias {
                Some(alias) => println!("{} is redacted as [{alias}]", client.name),
                None => println!("{} is redacted with a numbered placeholder", client.name),
            }
        }
        ClientsCommand::Archive { name } => {
            let client = client_named(&store, &name)?;
            clients::set_archived(&mut store, client.id, true)?;
            println!("archived {}", client.name);
        }
        ClientsCommand::Unarchive { name } => {
            let client = client_named(&store, &name)?;
            clients::set_archived(&mut store, client.id, false)?;
            println!("brought back {}", client.name);
        }
        ClientsCommand::Use { name: Some(name), .. } => {
            let client = client_named(&store, &name)?;
            clients::set_active(&mut store, Some(client.id))?;
            println!("active client: {}", client.name);
        }
        ClientsCommand::Use { name: None, .. } => {
            clients::set_active(&mut store, None)?;
            println!("no active client");
        }
    }
    Ok(Outcome::Done)
}
