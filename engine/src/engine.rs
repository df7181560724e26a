//! The compiled engine: every detector and the client dictionary, run over a text, overlaps
//! resolved.

use std::collections::HashSet;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::detectors::{self, Candidate, Detector, ScanText};
use crate::dictionary::{Dictionary, DictionaryError, DictionaryMatcher};
use crate::names::{NameGazetteer, PersonDetector};
use crate::offsets::OffsetMap;
use crate::resolve::resolve_overlaps;
use crate::{Finding, Span};

/// What an [`Engine`] is built from besides its built-in detectors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EngineConfig {
    /// The client dictionary.
    pub dictionary: Dictionary,
    /// Detector or rule ids switched off: `"phone"` switches off a whole detector,
    /// `"secret.generic_assignment"` one rule, `"custom.c1"` one client's patterns.
    pub disabled: Vec<String>,
    /// Keys ([`Engine::allow_key`]) of values the user always allows.
    pub allowed_keys: Vec<String>,
}

/// Every detector compiled once, ready to scan many texts.
#[derive(Debug)]
pub struct Engine {
    detectors: Vec<Box<dyn Detector>>,
    dictionary: DictionaryMatcher,
    disabled: Vec<String>,
    allowed: HashSet<String>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with every built-in detector and no dictionary.
    pub fn new() -> Engine {
        Engine {
            detectors: detectors::builtin(),
            dictionary: DictionaryMatcher::default(),
            disabled: Vec::new(),
            allowed: HashSet::new(),
        }
    }

    /// An engine with every built-in detector and `config`.
    ///
    /// # Errors
    /// A [`DictionaryError`] if the dictionary does not compile.
    pub fn with_config(config: EngineConfig) -> Result<Engine, DictionaryError> {
        let mut engine = Engine::new();
        engine.set_dictionary(&config.dictionary)?;
        engine.set_disabled(config.disabled);
        engine.set_allowed_keys(config.allowed_keys);
        Ok(engine)
    }

    /// Compiles `dictionary` and uses it from now on. On error the previous dictionary stays.
    ///
    /// # Errors
    /// A [`DictionaryError`] if the dictionary does not compile.
    pub fn set_dictionary(&mut self, dictionary: &Dictionary) -> Result<(), DictionaryError> {
        self.dictionary = DictionaryMatcher::compile(dictionary)?;
        Ok(())
    }

    /// Finds names of people from now on, looking words up in `gazetteer` (read once from the
    /// name asset with [`NameGazetteer::from_bytes`]). Without a gazetteer the engine reports
    /// no PERSON findings.
    pub fn set_name_gazetteer(&mut self, gazetteer: NameGazetteer) {
        self.detectors.retain(|d| d.id() != "person");
        self.detectors.push(Box::new(PersonDetector::new(Arc::new(gazetteer))));
    }

    /// The built-in detectors this engine runs, as `(id, label)`: the ids that
    /// [`Engine::set_disabled`] takes, in words for a settings page. PERSON is among them once a
    /// name gazetteer is set.
    pub fn detectors(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.detectors.iter().map(|d| (d.id(), d.label()))
    }

    /// Switches off the detectors and rules with these ids (and switches every other one on).
    pub fn set_disabled<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, ids: I) {
        self.disabled = ids.into_iter().map(Into::into).filter(|id: &String| !id.is_empty()).collect();
    }

    /// Whether the rule `rule` is switched off: its own id or one of its dotted prefixes is.
    pub fn is_disabled(&self, rule: &str) -> bool {
        self.disabled
            .iter()
            .any(|id| rule.strip_prefix(id.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('.')))
    }

    /// The key under which `value` is allowed: a SHA-256 of the value without white space and
    /// with letters lower-cased, so that the allow list never holds the value itself and
    /// `DE89 3704…` and `de893704…` are the same value.
    pub fn allow_key(value: &str) -> String {
        let normal: String = value.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
        let digest = Sha256::digest(normal.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Replaces the allow list: findings whose value has one of these keys are not reported.
    pub fn set_allowed_keys<I: IntoIterator<Item = String>>(&mut self, keys: I) {
        self.allowed = keys.into_iter().collect();
    }

    /// Every finding in `text`, in text order, with no two findings overlapping.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let mut candidates = Vec::new();
        let scan = ScanText::new(text);
        for detector in &self.detectors {
            if !self.is_disabled(detector.id()) {
                detector.detect(&scan, &mut candidates);
            }
        }
        self.dictionary.detect(text, &mut candidates);
        if !self.disabled.is_empty() {
            candidates.retain(|c| !self.is_disabled(&c.rule));
        }
        if !self.allowed.is_empty() {
            candidates.retain(|c| !self.allowed.contains(&Engine::allow_key(&text[c.bytes.start..c.bytes.end])));
        }
        let mut offsets = OffsetMap::new(text);
        resolve_overlaps(&candidates).into_iter().map(|i| finding(&candidates[i], &mut offsets)).collect()
    }
}

/// The finding of a candidate that survived: built-in rules' ids and labels are borrowed, so
/// only a dictionary finding allocates (its client and alias).
fn finding(c: &Candidate, offsets: &mut OffsetMap<'_>) -> Finding {
    let (start16, _) = offsets.at(c.bytes.start);
    let (end16, _) = offsets.at(c.bytes.end);
    Finding {
        kind: c.kind,
        rule: c.rule.clone(),
        label: c.label.clone(),
        bytes: c.bytes,
        utf16: Span::new(start16, end16),
        confidence: c.confidence,
        severity: c.severity,
        client: c.client.clone(),
        alias: c.alias.clone(),
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
