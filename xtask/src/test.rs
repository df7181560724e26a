//! `cargo xtask test`: every test layer, in order from fastest to slowest; the first failure
//! stops the run and fails it.

use crate::command::{self, in_root};
use crate::{assemble, paths, setup};

/// Runs every test layer; without `e2e` (`--no-e2e`) the browser tests are skipped, for a quick local loop.
pub fn run(e2e: bool) -> anyhow::Result<()> {
    setup::run()?;
    assemble::build()?;

    println!("== lint");
    command::run(in_root("cargo").args(["fmt", "--all", "--check"]))?;
    command::run(in_root("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    command::run(in_root("node").args(["node_modules/typescript/bin/tsc", "--noEmit", "-p", "extension"]))?;
    // Mozilla's add-on linter, as addons.mozilla.org runs it on an upload: any warning fails.
    let firefox_dist = paths::dist("firefox");
    command::run(
        in_root("node")
            .args(["node_modules/web-ext/bin/web-ext.js", "lint", "--no-config-discovery", "--warnings-as-errors"])
            .arg("--source-dir")
            .arg(&firefox_dist),
    )?;

    println!("== cargo tests");
    command::run(in_root("cargo").args(["test", "--workspace"]))?;

    println!("== wasm module tests (the built module under node)");
    command::run(in_root("node").args(["--test", "tests/wasm/"]))?;

    println!("== extension unit tests");
    command::run(in_root("node").args(["extension/build.mjs", "--tests", "target/extension-tests"]))?;
    command::run(in_root("node").args(["--test", "target/extension-tests/"]))?;

    if e2e {
        println!("== end-to-end browser tests (headless Chromium, and Firefox ESR: tests/e2e/firefox-*)");
        command::run(in_root("node").args(["tests/e2e/pages/build.mjs"]))?;
        command::run(
            in_root("node")
                .args(["--test", "--test-concurrency=1", "tests/e2e/"])
                .env("HUSH_GECKODRIVER", setup::geckodriver_path()),
        )?;
    }
    Ok(())
}
