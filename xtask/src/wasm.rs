//! Building the wasm module: rustup's wasm32 target where it exists, Debian's rustc-web with
//! build-std where it does not (see shared/TOOLCHAIN.md).

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context};

use crate::command;
use crate::paths;
use crate::setup::modified;

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";

/// How this machine compiles Rust to wasm32.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WasmRoute {
    /// `rustup target add wasm32-unknown-unknown` is done: a plain cargo build.
    Rustup,
    /// Debian's rustc-web, building std from source with `-Zbuild-std`.
    Debian,
}

/// Which route this machine takes.
pub fn route() -> WasmRoute {
    let installed = command::output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l.trim() == TARGET)) {
        WasmRoute::Rustup
    } else {
        WasmRoute::Debian
    }
}

/// The wasm-bindgen version pinned (with `=`) in the workspace's Cargo.toml.
pub fn bindgen_version() -> anyhow::Result<String> {
    let manifest = std::fs::read_to_string(paths::root().join("Cargo.toml"))?;
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("wasm-bindgen = \"="))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_string)
        .context("Cargo.toml must pin wasm-bindgen with `wasm-bindgen = \"=X.Y.Z\"`")
}

/// Where wasm-bindgen writes the module and its JavaScript glue.
pub fn bindings_dir() -> PathBuf {
    paths::wasm_target().join("bindgen")
}

/// Compiles hush-wasm and generates its bindings; returns the bindings folder.
pub fn build() -> anyhow::Result<PathBuf> {
    println!("== wasm module");
    let mut cargo = match route() {
        WasmRoute::Rustup => {
            let mut cmd = Command::new("cargo");
            cmd.args(["build", "--target", TARGET]);
            cmd
        }
        WasmRoute::Debian => {
            let mut cmd = Command::new("/usr/bin/cargo");
            cmd.env("RUSTC", "/usr/bin/rustc").env("RUSTC_BOOTSTRAP", "1").env_remove("RUSTUP_TOOLCHAIN").args([
                "build",
                "-Zbuild-std=std,panic_abort",
                "--target",
                TARGET,
            ]);
            cmd
        }
    };
    cargo.current_dir(paths::root()).env("CARGO_TARGET_DIR", paths::wasm_target()).args([
        "--profile",
        PROFILE,
        "-p",
        "hush-wasm",
    ]);
    command::run(&mut cargo)?;

    let module = paths::wasm_target().join(TARGET).join(PROFILE).join("hush_wasm.wasm");
    let out = bindings_dir();
    let generated = out.join("hush_wasm_bg.wasm");
    if modified(&generated).is_some() && modified(&generated) >= modified(&module) {
        println!("ok  bindings are newer than the module");
        return Ok(out);
    }
    if !module.exists() {
        bail!("the wasm build did not produce {}", module.display());
    }
    command::run(Command::new("wasm-bindgen").args(["--target", "web", "--out-dir"]).arg(&out).arg(&module))?;
    Ok(out)
}
