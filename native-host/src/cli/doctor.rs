//! `hush-host doctor`: which browsers are registered, where the database is, and whether it is
//! healthy. Changes nothing, except that opening an older database brings its schema up to date.

use std::path::Path;

use anyhow::Context as _;
use hush_host::install::{self, Browser, Platform, Registration, Roots, Target};
use hush_host::services::audit;
use hush_host::store::{migrations, Store};

use super::{Context, Outcome};

/// Runs `hush-host doctor`.
pub fn run(context: &Context) -> anyhow::Result<Outcome> {
    let host = std::env::current_exe().context("cannot tell where this binary is")?;
    println!("hush-host {} at {}", env!("CARGO_PKG_VERSION"), host.display());
    let mut healthy = browsers(&host)?;
    let database = context.database()?;
    healthy &= database_health(&database);
    healthy &= secret_health(&hush_host::paths::secret(&database));
    println!();
    if healthy {
        println!("all is well");
        Ok(Outcome::Done)
    } else {
        println!("problems found (see above)");
        Ok(Outcome::ProblemsFound)
    }
}

fn browsers(host: &Path) -> anyhow::Result<bool> {
    let platform = Platform::current();
    let roots = Roots::for_user(platform).context("cannot find your home folder; set HOME")?;
    let target = Target { platform, roots, user_data_dir: None };
    println!("\nbrowsers:");
    let mut healthy = true;
    for browser in Browser::ALL {
        let line = match install::inspect(&target, browser, host) {
            Registration::Registered { manifest } => format!("registered      {}", manifest.display()),
            Registration::OtherBinary { manifest, program } => {
                format!("registered      {} (for {}, not this binary)", manifest.display(), program.display())
            }
            Registration::Missing => format!("not registered  (hush-host install --browser {})", browser.name()),
            Registration::Broken { manifest, problem } => {
                healthy = false;
                format!(
                    "BROKEN          {}: {problem} (run hush-host install --browser {})",
                    manifest.display(),
                    browser.name()
                )
            }
        };
        println!("  {:<9} {line}", browser.name());
    }
    Ok(healthy)
}

fn database_health(path: &Path) -> bool {
    println!("\ndatabase: {}", path.display());
    if !path.exists() {
        println!("  not created yet: it is made on first use");
        return true;
    }
    // Before opening: opening tightens a loose mode, and doctor should report what it found.
    let mode = file_mode(path);
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e) => {
            println!("  UNUSABLE: {e}");
            return false;
        }
    };
    let mut healthy = true;
    let mut report = |label: &str, outcome: Result<String, String>| match outcome {
        Ok(text) => println!("  {label:<14} {text}"),
        Err(text) => {
            healthy = false;
            println!("  {label:<14} PROBLEM: {text}");
        }
    };
    report(
        "schema",
        store
            .schema_version()
            .map(|v| format!("version {v} of {}", migrations::latest_version()))
            .map_err(|e| e.to_string()),
    );
    report(
        "integrity",
        match store.quick_check() {
            Ok(None) => Ok("SQLite's quick check is ok".into()),
            Ok(Some(complaint)) => Err(complaint),
            Err(e) => Err(e.to_string()),
        },
    );
    report("permissions", mode.map_err(|text| format!("{text}; hush-host has now set it to 600")));
    report(
        "contents",
        store
            .counts()
            .map(|c| {
                format!("{} clients, {} terms, {} rules, {} audit rows", c.clients, c.terms, c.rules, c.audit_rows)
            })
            .map_err(|e| e.to_string()),
    );
    report(
        "audit chain",
        match audit::verify(&store) {
            Ok(chain) if chain.is_intact() => Ok(format!("intact ({} rows)", chain.rows_checked)),
            Ok(chain) => Err(format!(
                "{} problems, first: {} (run hush-host audit verify)",
                chain.problems.len(),
                chain.problems.first().map(ToString::to_string).unwrap_or_default()
            )),
            Err(e) => Err(e.to_string()),
        },
    );
    healthy
}

fn secret_health(path: &Path) -> bool {
    println!("\nfingerprint secret: {}", path.display());
    if !path.exists() {
        println!("  not created yet: it is made with the first fingerprint");
        return true;
    }
    match file_mode(path) {
        Ok(text) => {
            println!("  {text}");
            true
        }
        Err(text) => {
            println!("  PROBLEM: {text}");
            false
        }
    }
}

#[cfg(unix)]
fn file_mode(path: &Path) -> Result<String, String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_err(|e| e.to_string())?.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        Ok(format!("mode {mode:o}: readable by you only"))
    } else {
        Err(format!("mode {mode:o}: others can read it (chmod 600 {})", path.display()))
    }
}

#[cfg(not(unix))]
fn file_mode(_path: &Path) -> Result<String, String> {
    Ok("in your user profile".into())
}
