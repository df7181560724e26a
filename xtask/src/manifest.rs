//! One extension manifest per browser family, generated from `manifests/base.json` and the
//! family's overlay.

use anyhow::Context;
use serde_json::Value;

use crate::paths;

/// The merged manifest for `browser` (`chromium` or `firefox`), carrying `version`.
pub fn generate(browser: &str, version: &str) -> anyhow::Result<Value> {
    let dir = paths::root().join("manifests");
    let mut manifest = read_json(&dir.join("base.json"))?;
    merge(&mut manifest, read_json(&dir.join(format!("{browser}.json")))?);
    manifest["version"] = Value::String(version.to_string());
    Ok(manifest)
}

/// The manifest that goes into the store zip: without `key`. The Chrome Web Store refuses an
/// upload whose manifest has one ("key field is not allowed in manifest"): the store gives the
/// extension its id. Unpacked builds keep the key, so their id stays fixed.
pub fn for_store(mut manifest: Value) -> Value {
    if let Value::Object(fields) = &mut manifest {
        fields.remove("key");
    }
    manifest
}

/// The workspace version from the root Cargo.toml's `[workspace.package]`.
pub fn workspace_version() -> anyhow::Result<String> {
    let manifest = std::fs::read_to_string(paths::root().join("Cargo.toml"))?;
    let section = manifest.split("[workspace.package]").nth(1).context("Cargo.toml has no [workspace.package]")?;
    section
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_string)
        .context("[workspace.package] has no version")
}

fn read_json(path: &std::path::Path) -> anyhow::Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

/// Merges `overlay` into `base`: objects merge key by key, arrays get the overlay's items they
/// lack appended (a browser's own permissions), anything else is replaced.
fn merge(base: &mut Value, overlay: Value) {
    match (base, overlay) {
        (Value::Object(base), Value::Object(overlay)) => {
            for (key, value) in overlay {
                merge(base.entry(key).or_insert(Value::Null), value);
            }
        }
        (Value::Array(base), Value::Array(overlay)) => {
            for item in overlay {
                if !base.contains(&item) {
                    base.push(item);
                }
            }
        }
        (base, overlay) => *base = overlay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn overlays_merge_objects_extend_arrays_and_replace_the_rest() {
        let mut base = json!({"a": {"x": 1, "y": [1, 2]}, "b": 1});
        merge(&mut base, json!({"a": {"x": "one", "y": [2, 3], "z": 3}, "c": true}));
        assert_eq!(base, json!({"a": {"x": "one", "y": [1, 2, 3], "z": 3}, "b": 1, "c": true}));
    }

    #[test]
    fn each_browser_gets_its_own_background() {
        let chromium = generate("chromium", "1.2.3").unwrap();
        let firefox = generate("firefox", "1.2.3").unwrap();
        assert_eq!(chromium["background"]["service_worker"], "background.js");
        assert!(chromium.get("browser_specific_settings").is_none());
        assert_eq!(firefox["background"]["scripts"][0], "background.js");
        assert!(firefox.get("key").is_none());
        assert_eq!(firefox["version"], "1.2.3");
    }

    #[test]
    fn each_browser_gets_its_own_restore_panel() {
        let chromium = generate("chromium", "1.2.3").unwrap();
        let firefox = generate("firefox", "1.2.3").unwrap();
        assert_eq!(chromium["side_panel"]["default_path"], "restore.html");
        assert!(chromium["permissions"].as_array().unwrap().contains(&json!("sidePanel")));
        assert!(chromium["permissions"].as_array().unwrap().contains(&json!("storage")));
        assert!(chromium.get("sidebar_action").is_none());
        assert_eq!(firefox["sidebar_action"]["default_panel"], "restore.html");
        assert!(!firefox["permissions"].as_array().unwrap().contains(&json!("sidePanel")));
        assert!(firefox.get("side_panel").is_none());
    }

    #[test]
    fn the_store_manifest_has_no_key() {
        let chromium = generate("chromium", "1.2.3").unwrap();
        assert!(chromium.get("key").is_some());
        let store = for_store(chromium.clone());
        assert!(store.get("key").is_none());
        assert_eq!(store["background"], chromium["background"]);
    }
}
