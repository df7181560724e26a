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

use std::collections::HashMap;

use hush_engine::{Conversation, Dictionary, Engine, Finding, NameGazetteer, RestoredPiece};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A finding as JavaScript sees it: offsets are UTF-16 code units into the scanned string.
#[derive(Debug, Serialize)]
struct JsFinding<'a> {
    kind: &'static str,
    rule: &'a str,
    label: &'a str,
    start: usize,
    end: usize,
    confidence: f32,
    severity: hush_engine::Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    client: Option<&'a str>,
}

impl<'a> From<&'a Finding> for JsFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsFinding {
            kind: f.kind.as_str(),
            rule: &f.rule,
            label: &f.label,
            start: f.utf16.start,
            end: f.utf16.end,
            confidence: f.confidence,
            severity: f.severity,
            client: f.client.as_deref(),
        }
    }
}

/// A UTF-16 span given by JavaScript.
#[derive(Debug, Deserialize)]
struct JsSpan {
    start: usize,
    end: usize,
}

/// One replacement, as JavaScript sees it: `[start, end)` of the original text (UTF-16).
#[derive(Debug, Serialize)]
struct JsEdit<'a> {
    start: usize,
    end: usize,
    placeholder: &'a str,
}

/// A piece of a restored text, as JavaScript sees it.
#[derive(Debug, Serialize)]
struct JsRestoredPiece<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    placeholder: Option<&'a str>,
}

impl<'a> From<&RestoredPiece<'a>> for JsRestoredPiece<'a> {
    fn from(piece: &RestoredPiece<'a>) -> Self {
        match *piece {
            RestoredPiece::Written(text) => JsRestoredPiece { text, placeholder: None },
            RestoredPiece::Value { value, placeholder } => {
                JsRestoredPiece { text: value, placeholder: Some(placeholder) }
            }
        }
    }
}

/// A built-in detector, as a settings page lists it.
#[derive(Debug, Serialize)]
struct JsDetector {
    id: &'static str,
    label: &'static str,
}

/// A redaction, as JavaScript sees it.
#[derive(Debug, Serialize)]
struct JsRedaction<'a> {
    text: &'a str,
    edits: Vec<JsEdit<'a>>,
}

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &str = r#"
/** A finding; `start`/`end` are UTF-16 offsets into the scanned string. */
export interface HushFinding {
  kind: "EMAIL" | "PHONE" | "CREDIT_CARD" | "IBAN" | "NATIONAL_ID" | "IP_ADDRESS" | "SECRET" | "URL_CREDENTIALS"
    | "MONEY" | "DATE_OF_BIRTH" | "ADDRESS" | "PERSON" | "CLIENT_TERM" | "CUSTOM";
  rule: string;
  label: string;
  start: number;
  end: number;
  confidence: number;
  severity: "low" | "medium" | "high" | "critical";
  client?: string;
}
/** A piece of a restored text: as written, or a real value that stood there as `placeholder`. */
export interface HushRestoredPiece { text: string; placeholder?: string }
/** A built-in detector: the id that setDisabledDetectors takes, and what it finds in words. */
export interface HushDetector { id: string; label: string }
/** A UTF-16 span of a string. */
export interface HushSpan { start: number; end: number }
/** A redacted text and its edits, spans into the original text. */
export interface HushRedaction { text: string; edits: Array<HushSpan & { placeholder: string }> }
/** A conversation's placeholder mapping as exportConversation gives it: JSON-compatible, to keep and give back. */
export type HushConversationState = { readonly [field: string]: unknown };
/** A client dictionary. */
export interface HushDictionary {
  clients: Array<{
    id: string;
    name: string;
    alias?: string;
    terms: Array<{ term: string; aliases?: string[]; category?: "client" | "contact" | "project" | "hostname" | "amount" | "other" }>;
    patterns?: Array<{ id: string; regex: string; label?: string }>;
  }>;
}
"#;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&format!("convert: {e}")))
}

/// The detection engine, compiled once and used for many scans, with the placeholder mapping
/// of every conversation redacted so far.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct HushEngine {
    engine: Engine,
    conversations: HashMap<String, Conversation>,
}

#[wasm_bindgen]
impl HushEngine {
    /// Compiles every built-in detector.
    #[wasm_bindgen(constructor)]
    pub fn new() -> HushEngine {
        HushEngine::default()
    }

    /// Scans `text` and returns an array of `{kind, rule, label, start, end, confidence,
    /// severity}`, with `start`/`end` in UTF-16 code units.
    ///
    /// # Errors
    /// A `JsError` starting with `"convert:"` if the findings cannot be turned into JS values.
    #[wasm_bindgen(unchecked_return_type = "HushFinding[]")]
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let findings = self.engine.scan(text);
        to_js(&findings.iter().map(JsFinding::from).collect::<Vec<_>>())
    }

    /// Replaces findings in `text` with placeholders that stay the same within `conversation`.
    /// With `spans` (a `HushSpan[]`: `{start, end}` in UTF-16), only findings overlapping one of them
    /// are replaced. Returns `{text, edits: [{start, end, placeholder}]}`, edits in text order
    /// with spans into the original text.
    ///
    /// # Errors
    /// A `JsError` starting with `"input:"` if `spans` is not an array of `{start, end}`.
    #[wasm_bindgen(unchecked_return_type = "HushRedaction")]
    pub fn redact(&mut self, conversation: &str, text: &str, spans: Option<JsValue>) -> Result<JsValue, JsError> {
        let only: Option<Vec<JsSpan>> = match spans {
            Some(spans) if !spans.is_null() => {
                Some(serde_wasm_bindgen::from_value(spans).map_err(|e| JsError::new(&format!("input: spans: {e}")))?)
            }
            _ => None,
        };
        let findings: Vec<Finding> = self
            .engine
            .scan(text)
            .into_iter()
            .filter(|f| only.as_ref().is_none_or(|o| o.iter().any(|s| s.start < f.utf16.end && f.utf16.start < s.end)))
            .collect();
        let redaction = self.conversations.entry(conversation.to_string()).or_default().redact(text, &findings);
        let edits = redaction
            .edits
            .iter()
            .map(|e| JsEdit { start: e.utf16.start, end: e.utf16.end, placeholder: &e.placeholder })
            .collect();
        to_js(&JsRedaction { text: &redaction.text, edits })
    }

    /// Compiles a client dictionary (`{clients: [{id, name, alias?, terms: [{term, aliases,
    /// category}], patterns: [{id, regex, label?}]}]}`) and uses it from now on. On error the
    /// previous dictionary stays in use.
    ///
    /// # Errors
    /// A `JsError` starting with `"dictionary:"` if the value does not have that shape, a term is
    /// too short, an alias cannot be a placeholder or a pattern does not compile. The message
    /// names clients, terms and patterns by id or position, never by value.
    #[wasm_bindgen(js_name = setDictionary)]
    pub fn set_dictionary(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HushDictionary")] dictionary: JsValue,
    ) -> Result<(), JsError> {
        let dictionary: Dictionary = serde_wasm_bindgen::from_value(dictionary)
            .map_err(|e| JsError::new(&format!("dictionary: not a dictionary: {}", without_values(&e.to_string()))))?;
        self.engine.set_dictionary(&dictionary).map_err(|e| JsError::new(&format!("dictionary: {e}")))
    }

    /// Reads the name gazetteer (the bytes of `hush-names.bin`, shipped beside the module) and
    /// finds names of people from now on. Call it once, after the engine is built: without it
    /// the engine reports no PERSON findings. Takes a few milliseconds.
    ///
    /// # Errors
    /// A `JsError` starting with `"names:"` if the bytes are not a gazetteer or are damaged.
    #[wasm_bindgen(js_name = loadNameGazetteer)]
    pub fn load_name_gazetteer(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        let gazetteer = NameGazetteer::from_bytes(bytes).map_err(|e| JsError::new(&format!("names: {e}")))?;
        self.engine.set_name_gazetteer(gazetteer);
        Ok(())
    }

    /// The built-in detectors as `[{id, label}]`: the ids `setDisabledDetectors` takes, with
    /// what each finds in words. People's names are among them once the gazetteer is loaded.
    ///
    /// # Errors
    /// A `JsError` starting with `"convert:"` if the list cannot be turned into JS values.
    #[wasm_bindgen(unchecked_return_type = "HushDetector[]")]
    pub fn detectors(&self) -> Result<JsValue, JsError> {
        let detectors: Vec<JsDetector> = self.engine.detectors().map(|(id, label)| JsDetector { id, label }).collect();
        to_js(&detectors)
    }

    /// Switches off the detectors and rules with these ids (`"phone"`, `"secret.generic_assignment"`,
    /// `"custom.c1"`), and every other one on.
    #[wasm_bindgen(js_name = setDisabledDetectors)]
    pub fn set_disabled_detectors(&mut self, ids: Vec<String>) {
        self.engine.set_disabled(ids);
    }

    /// `text` with the placeholders of `conversation` turned back into their values, in pieces
    /// `[{text, placeholder?}]`: a restored value names the placeholder it stood as; joined, the
    /// pieces' texts are the restored text. Placeholders the conversation did not make stay as
    /// written.
    ///
    /// # Errors
    /// A `JsError` starting with `"convert:"` if the pieces cannot be turned into JS values.
    #[wasm_bindgen(js_name = restorePieces, unchecked_return_type = "HushRestoredPiece[]")]
    pub fn restore_pieces(&self, conversation: &str, text: &str) -> Result<JsValue, JsError> {
        // A conversation that made no placeholder restores nothing, as an empty one does.
        let empty = Conversation::new();
        let known = self.conversations.get(conversation).unwrap_or(&empty);
        let pieces: Vec<JsRestoredPiece<'_>> = known.restore_pieces(text).iter().map(JsRestoredPiece::from).collect();
        to_js(&pieces)
    }

    /// The placeholder mapping of `conversation` as a JSON-compatible value, for a caller to keep
    /// (and give back to a new engine with `importConversation`); `undefined` if it made none.
    ///
    /// # Errors
    /// A `JsError` starting with `"convert:"` if the mapping cannot be turned into a JS value.
    #[wasm_bindgen(js_name = exportConversation, unchecked_return_type = "HushConversationState | undefined")]
    pub fn export_conversation(&self, conversation: &str) -> Result<JsValue, JsError> {
        match self.conversations.get(conversation) {
            Some(c) => c
                .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .map_err(|e| JsError::new(&format!("convert: {e}"))),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Takes `state` (from `exportConversation`) as the placeholder mapping of `conversation`.
    ///
    /// # Errors
    /// A `JsError` starting with `"input:"` if `state` is not such a mapping; the message holds
    /// no value from it.
    #[wasm_bindgen(js_name = importConversation)]
    pub fn import_conversation(
        &mut self,
        conversation: &str,
        #[wasm_bindgen(unchecked_param_type = "HushConversationState")] state: JsValue,
    ) -> Result<(), JsError> {
        let state: Conversation = serde_wasm_bindgen::from_value(state)
            .map_err(|e| JsError::new(&format!("input: not a conversation: {}", without_values(&e.to_string()))))?;
        self.conversations.insert(conversation.to_string(), state);
        Ok(())
    }

    /// Forgets the placeholder mapping of `conversation` (its tab was closed).
    #[wasm_bindgen(js_name = forgetConversation)]
    pub fn forget_conversation(&mut self, conversation: &str) {
        self.conversations.remove(conversation);
    }

    /// The key under which `value` is allowed (the value itself is never stored).
    #[wasm_bindgen(js_name = allowKey)]
    pub fn allow_key(&self, value: &str) -> String {
        Engine::allow_key(value)
    }

    /// Replaces the keys of always-allowed values.
    #[wasm_bindgen(js_name = setAllowedKeys)]
    pub fn set_allowed_keys(&mut self, keys: Vec<String>) {
        self.engine.set_allowed_keys(keys);
    }
}

/// `message` with every double-quoted part masked: serde quotes the string values it could not
/// use, and a dictionary's strings are client names.
fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, part) in message.split('"').enumerate() {
        out.push_str(if i % 2 == 1 { "\"…\"" } else { part });
    }
    out
}

/// The engine's version, so the extension can show which engine it runs.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
