//! Where things are in the repository and in its build output.

use std::path::PathBuf;

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Cargo's target folder for the native build.
pub fn target() -> PathBuf {
    root().join("target")
}

/// A separate target folder for the wasm build: it may use another rustc (Debian's), whose
/// fingerprints would otherwise evict the native build's.
pub fn wasm_target() -> PathBuf {
    target().join("wasm")
}

/// The release build of the host binary.
pub fn host_binary() -> PathBuf {
    target().join("release").join("hush-host")
}

/// The unpacked extension for a browser family (`chromium`, `firefox`).
pub fn dist(browser: &str) -> PathBuf {
    root().join("extension").join("dist").join(browser)
}
