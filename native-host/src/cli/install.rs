//! `hush-host install` and `uninstall`.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use hush_host::identity::HOST_NAME;
use hush_host::install::{self, Browser, Platform, Roots, Step, Target};

use super::Outcome;

/// Arguments of `install` and `uninstall`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The browser (repeat for several); without it, every supported browser.
    #[arg(long, value_enum)]
    browser: Vec<Browser>,
    /// A Chromium-family profile started with `--user-data-dir=DIR`: such a browser reads host
    /// manifests from `DIR/NativeMessagingHosts` only.
    #[arg(long, value_name = "DIR")]
    user_data_dir: Option<PathBuf>,
    /// Print what would be written (or removed), and where, without doing it.
    #[arg(long)]
    dry_run: bool,
    /// Lay out another platform's paths (for tests and dry runs).
    #[arg(long, value_enum, hide = true)]
    platform: Option<Platform>,
}

impl InstallArgs {
    fn target(&self) -> anyhow::Result<(Target, Vec<Browser>)> {
        let platform = self.platform.unwrap_or_else(Platform::current);
        let roots = Roots::for_user(platform).context("cannot find your home folder; set HOME")?;
        let browsers = if self.browser.is_empty() { Browser::ALL.to_vec() } else { self.browser.clone() };
        Ok((Target { platform, roots, user_data_dir: self.user_data_dir.clone() }, browsers))
    }
}

/// Runs `hush-host install`.
pub fn install(args: &InstallArgs) -> anyhow::Result<Outcome> {
    let host = std::env::current_exe().context("cannot tell where this binary is")?;
    let (target, browsers) = args.target()?;
    let steps = install::install_plan(&target, &browsers, &host)?;
    carry_out(&steps, args.dry_run)?;
    if !args.dry_run {
        for step in &steps {
            if let Step::WriteFile { browser, path, .. } = step {
                println!("registered {HOST_NAME} for {}: {}", browser.name(), path.display());
            }
        }
    }
    Ok(Outcome::Done)
}

/// Runs `hush-host uninstall`.
pub fn uninstall(args: &InstallArgs) -> anyhow::Result<Outcome> {
    let (target, browsers) = args.target()?;
    let steps = install::uninstall_plan(&target, &browsers)?;
    carry_out(&steps, args.dry_run)?;
    if !args.dry_run {
        for browser in browsers {
            println!("unregistered {HOST_NAME} for {}", browser.name());
        }
    }
    Ok(Outcome::Done)
}

fn carry_out(steps: &[Step], dry_run: bool) -> anyhow::Result<()> {
    if dry_run {
        for step in steps {
            println!("would {step}");
        }
        return Ok(());
    }
    Ok(install::apply(steps)?)
}
