//! `cargo xtask build`: the host binary, the wasm module, and both extensions with their zips.
//!
//! Every step leaves unchanged outputs untouched (files are rewritten only when their bytes
//! change), so a second build with nothing changed does almost nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::command;
use crate::manifest;
use crate::paths;
use crate::setup::modified;
use crate::wasm;

/// The browser families the extension is assembled for.
pub const BROWSERS: &[&str] = &["chromium", "firefox"];

/// Builds everything.
pub fn build() -> anyhow::Result<()> {
    println!("== host binary");
    command::run(command::in_root("cargo").args(["build", "--release", "-p", "hush-host"]))?;
    let bindings = wasm::build()?;
    println!("== extension");
    let bundle = paths::target().join("extension-bundle");
    command::run(command::in_root("node").arg("extension/build.mjs").arg(&bundle).arg(&bindings))?;
    let version = manifest::workspace_version()?;
    for browser in BROWSERS {
        assemble(browser, &version, &bundle, &bindings)?;
    }
    Ok(())
}

fn assemble(browser: &str, version: &str, bundle: &Path, bindings: &Path) -> anyhow::Result<()> {
    let dist = paths::dist(browser);
    std::fs::create_dir_all(&dist)?;
    let manifest = manifest::generate(browser, version)?;
    write_if_changed(&dist.join("manifest.json"), &serde_json::to_vec_pretty(&manifest)?)?;
    copy_tree(&bundle.join(browser), &dist)?;
    copy_tree(&paths::root().join("extension").join("static"), &dist)?;
    copy_if_changed(&bindings.join("hush_wasm_bg.wasm"), &dist.join("hush_wasm_bg.wasm"))?;
    // The PERSON detector's gazetteer: the background fetches it once and hands it to the engine.
    let names = paths::root().join("engine").join("data").join("names").join("names.bin");
    copy_if_changed(&names, &dist.join("hush-names.bin"))?;
    let zip = dist.with_file_name(format!("hush-{version}-{browser}.zip"));
    zip_if_stale(&dist, &zip, &serde_json::to_vec_pretty(&manifest::for_store(manifest))?)?;
    println!("ok  {} and {}", dist.display(), zip.display());
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_tree(&entry.path(), &target)?;
        } else {
            copy_if_changed(&entry.path(), &target)?;
        }
    }
    Ok(())
}

fn copy_if_changed(from: &Path, to: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(from).with_context(|| format!("cannot read {}", from.display()))?;
    write_if_changed(to, &bytes)
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// Every file under `dir`, relative paths sorted so the zip is the same for the same files.
fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path.strip_prefix(dir)?.to_path_buf());
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Zips `dir` into `zip_path` unless the zip is newer than every file, with `store_manifest` as
/// its manifest.json.
fn zip_if_stale(dir: &Path, zip_path: &Path, store_manifest: &[u8]) -> anyhow::Result<()> {
    let files = files_under(dir)?;
    let zipped = modified(zip_path);
    if zipped.is_some() && files.iter().all(|f| modified(&dir.join(f)) <= zipped) {
        return Ok(());
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(zip_path)?);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for file in files {
        let name = file.to_str().context("file name is not UTF-8")?.replace('\\', "/");
        let bytes = if name == "manifest.json" { store_manifest.to_vec() } else { std::fs::read(dir.join(&file))? };
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    zip.finish()?;
    Ok(())
}

/// Runs the built host binary with `args`.
pub fn host(args: &[&str]) -> Command {
    let mut cmd = Command::new(paths::host_binary());
    cmd.args(args);
    cmd
}
