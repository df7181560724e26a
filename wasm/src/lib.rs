//! # hush-wasm
//!
//! The WebAssembly face of [`hush_engine`], loaded by the extension's background (service worker
//! on Chromium, event page on Firefox). It holds no detection logic: it converts between
//! JavaScript values and engine types, and reports spans in UTF-16 code units because that is how
//! JavaScript indexes strings.
//!
//! Errors cross to JavaScript as a `JsError` whose message starts with a kind (`"input: ..."`),
//! never as a panic.

#![deny(missing_docs)]

use hush_engine::Engine;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A finding as JavaScript sees it: offsets are UTF-16 code units into the scanned string.
#[derive(Debug, Serialize)]
struct JsFinding<'a> {
    kind: &'static str,
    rule: &'a str,
    start: usize,
    end: usize,
    confidence: f32,
    severity: hush_engine::Severity,
}

/// The detection engine, compiled once and used for many scans.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct HushEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl HushEngine {
    /// Compiles every built-in detector.
    #[wasm_bindgen(constructor)]
    pub fn new() -> HushEngine {
        HushEngine {
            engine: Engine::new(),
        }
    }

    /// Scans `text` and returns an array of `{kind, rule, start, end, confidence, severity}`,
    /// with `start`/`end` in UTF-16 code units.
    ///
    /// # Errors
    /// A `JsError` starting with `"convert:"` if the findings cannot be turned into JS values.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let findings = self.engine.scan(text);
        let js: Vec<JsFinding<'_>> = findings
            .iter()
            .map(|f| JsFinding {
                kind: f.kind.as_str(),
                rule: &f.rule,
                start: f.utf16.start,
                end: f.utf16.end,
                confidence: f.confidence,
                severity: f.severity,
            })
            .collect();
        serde_wasm_bindgen::to_value(&js).map_err(|e| JsError::new(&format!("convert: {e}")))
    }
}

/// The engine's version, so the extension can show which engine it runs.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
