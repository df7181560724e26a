//! `cargo xtask run`: Hush on a local demo chat page, in a throwaway Chromium profile with the
//! native host registered.

use crate::command::{self, in_root};
use crate::{assemble, paths, setup};

/// Builds, registers the host, and opens the demo. `--headless` drives the demo itself.
pub fn run(headless: bool) -> anyhow::Result<()> {
    setup::run()?;
    assemble::build()?;

    let profile = paths::target().join("hush-run").join("profile");
    if profile.exists() {
        std::fs::remove_dir_all(&profile)?;
    }
    std::fs::create_dir_all(&profile)?;
    println!("== register the native host for the demo profile");
    let profile_arg = profile.to_str().expect("target path is UTF-8");
    command::run(&mut assemble::host(&["install", "--browser", "chromium", "--user-data-dir", profile_arg]))?;

    println!("== demo");
    let mut demo = in_root("node");
    demo.arg("tests/e2e/demo.mjs").arg("--profile").arg(&profile);
    if headless {
        demo.arg("--headless");
    }
    command::run(&mut demo)
}
