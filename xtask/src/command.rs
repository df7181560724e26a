//! Running other programs visibly: every command is printed before it runs.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context};

/// Runs `cmd`, echoing it first, and fails if it does not exit 0.
pub fn run(cmd: &mut Command) -> anyhow::Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd.status().with_context(|| format!("cannot start {}", describe(cmd)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs `cmd` quietly and returns its stdout, or `None` if it cannot start or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether an executable exists at `path`.
pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}

/// A `Command` for `npm`/`node`-style tools, started in the repository root.
pub fn in_root(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(crate::paths::root());
    cmd
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
