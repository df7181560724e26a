//! `cargo xtask install [--browser B]... [--bin-dir DIR]`: Hush for daily use on this machine.
//!
//! Builds in release, copies the host binary out of the repository into a folder of its own (so
//! `cargo clean`, or a rebuild that is half done, never breaks the browsers' link to it; on Linux
//! and macOS that folder is `~/.local/bin`, which also puts the `hush-host` command line on PATH),
//! registers that copy with the browsers through its own `hush-host install`, checks the result
//! with `hush-host doctor`, and prints how to load the extension in each browser.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::{assemble, command, paths, setup};

/// Runs `cargo xtask install`: registers the host for `browsers` (every browser hush-host knows
/// when empty), copied into `bin_dir` (a per-user folder when `None`).
pub fn run(browsers: Vec<String>, bin_dir: Option<PathBuf>) -> anyhow::Result<()> {
    let bin_dir = match bin_dir {
        Some(dir) => dir,
        None => default_bin_dir()?,
    };
    setup::build_prerequisites()?;
    assemble::build()?;

    println!("== native host");
    let host = copy_host(&bin_dir)?;
    let mut register = Command::new(&host);
    register.arg("install");
    for browser in &browsers {
        register.args(["--browser", browser]);
    }
    command::run(&mut register)?;
    command::run(Command::new(&host).arg("doctor"))?;

    print_next_steps(&host);
    Ok(())
}

/// `~/.local/bin` on Linux and macOS, `%LOCALAPPDATA%\Hush` on Windows.
fn default_bin_dir() -> anyhow::Result<PathBuf> {
    if cfg!(windows) {
        let local = std::env::var_os("LOCALAPPDATA").context("LOCALAPPDATA is not set; pass --bin-dir")?;
        return Ok(PathBuf::from(local).join("Hush"));
    }
    let home = std::env::var_os("HOME").context("HOME is not set; pass --bin-dir")?;
    Ok(PathBuf::from(home).join(".local").join("bin"))
}

/// Copies the release host into `dir` and returns the copy's path. The copy is written beside the
/// old binary and renamed over it: a browser may be running the old one, and Linux refuses to
/// overwrite a running executable in place ("text file busy") but lets it be replaced.
fn copy_host(dir: &Path) -> anyhow::Result<PathBuf> {
    let built = paths::host_binary().with_extension(std::env::consts::EXE_EXTENSION);
    let installed = dir.join(built.file_name().context("the host binary has no file name")?);
    let staged = installed.with_extension("new");
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::copy(&built, &staged)
        .with_context(|| format!("cannot copy {} to {}", built.display(), staged.display()))?;
    std::fs::rename(&staged, &installed).with_context(|| {
        format!("cannot replace {} (on Windows, close the browsers that use Hush first)", installed.display())
    })?;
    println!("ok  {} (copied from {})", installed.display(), built.display());
    Ok(installed)
}

fn print_next_steps(host: &Path) {
    let chromium = paths::dist("chromium");
    let firefox = paths::dist("firefox");
    println!(
        "\
== load the extension
Chrome, Edge, Brave, Chromium, Vivaldi: open chrome://extensions (edge://extensions, brave://extensions),
  turn on Developer mode, click \"Load unpacked\" and pick
    {chromium}
Firefox: open about:debugging#/runtime/this-firefox, click \"Load Temporary Add-on...\" and pick
    {firefox_manifest}
  (a temporary add-on lasts until Firefox quits; README.md, \"Installing it for daily use\", explains
  the signed .xpi that stays installed)
The popup's last line says \"Native host ... connected\" once the browser has started {host}.",
        chromium = chromium.display(),
        firefox_manifest = firefox.join("manifest.json").display(),
        host = host.display(),
    );
}
