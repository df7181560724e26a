//! `cargo xtask bench`: every benchmark, each printing its figures: the engine's and the host's
//! criterion benchmarks (a short measurement: `--full` for criterion's defaults), the wasm module
//! under node, and the keystroke cost in the real browser with the built extension.

use crate::command::{self, in_root};
use crate::{assemble, setup};

/// Criterion's options for a quick run that still prints stable-enough figures.
const QUICK: &[&str] = &["--", "--warm-up-time", "1", "--measurement-time", "3"];

/// Runs every benchmark: criterion with its default measurement times when `full`, else quick.
pub fn run(full: bool) -> anyhow::Result<()> {
    setup::run()?;
    assemble::build()?;
    for (package, bench) in [("hush-engine", "engine"), ("hush-host", "host")] {
        println!("== criterion: {package} ({bench})");
        let mut cmd = in_root("cargo");
        cmd.args(["bench", "-p", package, "--bench", bench]);
        if !full {
            cmd.args(QUICK);
        }
        command::run(&mut cmd)?;
    }
    println!("== the wasm module under node");
    command::run(in_root("node").arg("tests/wasm/bench.mjs"))?;
    println!("== keystroke cost in Chromium with the built extension");
    command::run(in_root("node").arg("tests/bench/keystroke.mjs"))?;
    Ok(())
}
