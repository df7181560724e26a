//! `cargo xtask setup`: everything a clean Debian 12 machine lacks, installed once.
//!
//! Each step checks first and says what it found, so a second run only prints `ok` lines.

use std::path::PathBuf;
use std::process::Command;

use anyhow::Context;

use crate::command::{self, exists};
use crate::paths;
use crate::wasm::{self, WasmRoute};

/// A Debian package and the file whose presence shows it is installed.
struct AptPackage {
    name: &'static str,
    marker: &'static str,
}

/// What the browser tests need.
const TEST_PACKAGES: &[AptPackage] = &[
    AptPackage { name: "chromium", marker: "/usr/bin/chromium" },
    AptPackage { name: "firefox-esr", marker: "/usr/bin/firefox-esr" },
    // Makes the throwaway certificate of the tests' HTTPS stand-ins for chat sites.
    AptPackage { name: "openssl", marker: "/usr/bin/openssl" },
];

/// Debian's Rust with its std source and rust-lld: the wasm route where rustup has no wasm32 target.
const DEBIAN_WASM_TOOLCHAIN: &[AptPackage] = &[
    AptPackage { name: "rustc-web", marker: "/usr/bin/rustc" },
    AptPackage { name: "cargo-web", marker: "/usr/bin/cargo" },
    AptPackage { name: "rust-web-src", marker: "/usr/lib/rustlib/src/rust/library/std/Cargo.toml" },
    AptPackage { name: "lld-22", marker: "/usr/bin/lld-22" },
    // Holds /usr/bin/rust-lld, the linker rustc names for wasm32; only a recommendation of rustc-web,
    // so `--no-install-recommends` leaves it out unless asked for.
    AptPackage { name: "rust-web-llvm", marker: "/usr/bin/rust-lld" },
];

/// Runs every setup step: what building needs, and what the tests need.
pub fn run() -> anyhow::Result<()> {
    prerequisites(true)
}

/// What building needs, without the test browsers and driver: for `cargo xtask install` on a
/// user's machine, which may not be Debian at all (with rustup's wasm32 target, no apt is needed).
pub fn build_prerequisites() -> anyhow::Result<()> {
    prerequisites(false)
}

fn prerequisites(for_tests: bool) -> anyhow::Result<()> {
    println!("== setup");
    let mut apt: Vec<&AptPackage> = if for_tests { TEST_PACKAGES.iter().collect() } else { Vec::new() };
    match wasm::route() {
        WasmRoute::Rustup => println!("ok  wasm32 target (rustup)"),
        WasmRoute::Debian => {
            println!("ok  wasm32 through Debian's rustc-web and build-std (rustup has no wasm32 target here)");
            apt.extend(DEBIAN_WASM_TOOLCHAIN);
        }
    }
    apt_install(&apt)?;
    wasm_bindgen_cli()?;
    if for_tests {
        geckodriver()?;
    }
    node_packages()
}

fn apt_install(packages: &[&AptPackage]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages.iter().filter(|p| !exists(p.marker)).map(|p| p.name).collect();
    for p in packages.iter().filter(|p| exists(p.marker)) {
        println!("ok  {} ({})", p.name, p.marker);
    }
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing Debian packages: {}", missing.join(" "));
    install_debian_packages(&missing)
}

/// Installs `packages` with apt-get (through sudo unless this runs as root), after an update.
pub fn install_debian_packages(packages: &[&str]) -> anyhow::Result<()> {
    let root = command::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt_get = |args: &[&str]| {
        let mut cmd = Command::new(if root { "apt-get" } else { "sudo" });
        if !root {
            cmd.arg("apt-get");
        }
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        cmd
    };
    command::run(&mut apt_get(&["update"]))?;
    let mut install = apt_get(&["install", "-y", "--no-install-recommends"]);
    install.args(packages);
    command::run(&mut install)
}

/// wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate, or the bindings it
/// generates do not match the module.
fn wasm_bindgen_cli() -> anyhow::Result<()> {
    let wanted = wasm::bindgen_version()?;
    let installed = command::output(Command::new("wasm-bindgen").arg("--version"));
    if installed.as_deref().map(str::trim) == Some(format!("wasm-bindgen {wanted}").as_str()) {
        println!("ok  wasm-bindgen-cli {wanted}");
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {wanted} (a few minutes)");
    // `--locked` fails on these machines: a locked dependency is missing from the registry.
    command::run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

/// The geckodriver the Firefox end-to-end tests drive Firefox ESR with. Pinned, so every machine
/// runs the tests against the same one.
const GECKODRIVER_VERSION: &str = "0.37.1";

/// Where `cargo install` puts geckodriver: `$CARGO_HOME/bin`, `~/.cargo/bin` by default. The
/// tests are told this path (`HUSH_GECKODRIVER`), so another geckodriver on PATH does not matter.
pub fn geckodriver_path() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin").join("geckodriver")
}

fn geckodriver() -> anyhow::Result<()> {
    let path = geckodriver_path();
    let installed = command::output(Command::new(&path).arg("--version"));
    let first_line = installed.as_deref().and_then(|out| out.lines().next()).map(str::trim);
    if first_line == Some(format!("geckodriver {GECKODRIVER_VERSION}").as_str()) {
        println!("ok  geckodriver {GECKODRIVER_VERSION} ({})", path.display());
        return Ok(());
    }
    println!("installing geckodriver {GECKODRIVER_VERSION} (a few minutes)");
    command::run(Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION]))
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn node_packages() -> anyhow::Result<()> {
    let root = paths::root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let fresh = match (modified(&installed), modified(&lock)) {
        (Some(i), Some(l)) => i >= l,
        _ => false,
    };
    if fresh {
        println!("ok  node packages (node_modules matches package-lock.json)");
        return Ok(());
    }
    command::run(command::in_root("npm").args(["ci", "--no-audit", "--no-fund"])).context("installing node packages")
}

/// A file's modification time, if it exists.
pub fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
