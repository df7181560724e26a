//! The Python side of `cargo xtask compare`: a virtual environment under target/ holding what
//! tests/compare/requirements.txt pins. Made once; remade only when the requirements change.
//! Only `compare` needs it, so `setup` and `test` never install Presidio.

use std::path::PathBuf;
use std::process::Command;

use anyhow::Context;

use crate::command;
use crate::paths;

/// Debian's python3 has no ensurepip (and so no `venv` that works) without this package.
const VENV_PACKAGE: &str = "python3-venv";
/// The system interpreter; pyenv shims or a user's own Python would make the environment differ.
const PYTHON: &str = "/usr/bin/python3";

/// Makes sure the environment exists and matches the requirements; returns its interpreter.
pub fn ensure() -> anyhow::Result<PathBuf> {
    println!("== compare: Python environment");
    let root = paths::root();
    let requirements = root.join("tests").join("compare").join("requirements.txt");
    let venv = paths::target().join("compare-venv");
    let python = venv.join("bin").join("python");
    // The requirements last installed, kept inside the environment so deleting it starts afresh.
    let installed = venv.join("installed-requirements.txt");
    let wanted =
        std::fs::read_to_string(&requirements).with_context(|| format!("cannot read {}", requirements.display()))?;
    if python.exists() && std::fs::read_to_string(&installed).is_ok_and(|i| i == wanted) {
        println!("ok  {} (matches {})", venv.display(), requirements.display());
        return Ok(python);
    }
    python_venv()?;
    if !python.exists() {
        command::run(Command::new(PYTHON).arg("-m").arg("venv").arg(&venv))?;
    }
    println!("installing Presidio, spaCy's English model, detect-secrets and gitleaks (about 430 MB installed, once)");
    command::run(
        Command::new(&python).args(["-m", "pip", "install", "--disable-pip-version-check", "-r"]).arg(&requirements),
    )?;
    std::fs::write(&installed, wanted)?;
    Ok(python)
}

/// Installs python3-venv when the system Python cannot make an environment.
fn python_venv() -> anyhow::Result<()> {
    if command::output(Command::new(PYTHON).args(["-c", "import ensurepip"])).is_some() {
        println!("ok  {VENV_PACKAGE} ({PYTHON} can make virtual environments)");
        return Ok(());
    }
    println!("installing Debian package: {VENV_PACKAGE}");
    crate::setup::install_debian_packages(&[VENV_PACKAGE])
}
