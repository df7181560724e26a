//! The extension's protocol types (extension/src/shared/protocol/) are generated from the Rust
//! protocol types and committed; this fails when they are stale.
//! `HUSH_WRITE_PROTOCOL_TYPES=1 cargo test -p hush-host typescript` regenerates them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hush_host::protocol::typescript::write_typescript;

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension/src/shared/protocol")
}

fn ts_files(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ts"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect()
}

#[test]
fn typescript_protocol_types_are_current() {
    let fresh = tempfile::tempdir().unwrap();
    write_typescript(fresh.path()).unwrap();
    let generated = ts_files(fresh.path());
    assert!(generated.contains_key("index.ts") && generated.contains_key("AuditEventInput.ts"));

    if std::env::var_os("HUSH_WRITE_PROTOCOL_TYPES").is_some() {
        let dir = committed_dir();
        for stale in ts_files(&dir).keys().filter(|name| !generated.contains_key(*name)) {
            std::fs::remove_file(dir.join(stale)).unwrap();
        }
        write_typescript(&dir).unwrap();
        return;
    }
    let committed = ts_files(&committed_dir());
    let names = |files: &BTreeMap<String, String>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&generated),
        "the generated files differ from extension/src/shared/protocol/; \
         run HUSH_WRITE_PROTOCOL_TYPES=1 cargo test -p hush-host typescript"
    );
    for (name, text) in &generated {
        assert_eq!(
            &committed[name], text,
            "extension/src/shared/protocol/{name} is stale; run HUSH_WRITE_PROTOCOL_TYPES=1 cargo test -p hush-host typescript"
        );
    }
}
