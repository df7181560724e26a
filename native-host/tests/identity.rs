//! The ids that tie the extension to the host agree everywhere: the Chromium id derives from the
//! public key in manifests/chromium.json, and the host manifests name the same callers.

use hush_host::identity::{CHROMIUM_EXTENSION_ID, CHROMIUM_ORIGIN, FIREFOX_EXTENSION_ID, HOST_NAME};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn manifest(path: &str) -> Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    serde_json::from_str(&std::fs::read_to_string(full).unwrap()).unwrap()
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|&c| c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c).expect("base64") as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[test]
fn the_chromium_id_derives_from_the_manifest_key() {
    let key = manifest("manifests/chromium.json")["key"].as_str().unwrap().to_string();
    let digest = Sha256::digest(base64_decode(&key));
    // Chromium's id: the first 32 hex digits of SHA-256(DER key), 0-9a-f mapped to a-p.
    let id: String =
        hex::encode(digest)[..32].chars().map(|c| (b'a' + c.to_digit(16).unwrap() as u8) as char).collect();
    assert_eq!(id, CHROMIUM_EXTENSION_ID);
    assert_eq!(CHROMIUM_ORIGIN, format!("chrome-extension://{id}/"));
}

#[test]
fn the_host_manifests_and_the_firefox_id_agree() {
    let chromium = manifest("manifests/native-host/chromium.json");
    assert_eq!(chromium["name"], HOST_NAME);
    assert_eq!(chromium["allowed_origins"], serde_json::json!([CHROMIUM_ORIGIN]));
    let firefox = manifest("manifests/native-host/firefox.json");
    assert_eq!(firefox["name"], HOST_NAME);
    assert_eq!(firefox["allowed_extensions"], serde_json::json!([FIREFOX_EXTENSION_ID]));
    let extension = manifest("manifests/firefox.json");
    assert_eq!(extension["browser_specific_settings"]["gecko"]["id"], FIREFOX_EXTENSION_ID);
}
