//! The built-in detectors.
//!
//! A detector finds candidates with a pattern and keeps only those that pass its validation.
//! Each detector reports [`Candidate`]s in byte offsets; the [`Engine`](crate::Engine) turns them
//! into [`Finding`](crate::Finding)s, resolves overlaps and computes UTF-16 offsets once.

mod email;
mod iban;
mod secrets;

use std::borrow::Cow;

use crate::{Kind, Severity, Span};

pub use email::EmailDetector;
pub use iban::IbanDetector;
pub use secrets::SecretDetector;

/// A finding before overlap resolution, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What it is.
    pub kind: Kind,
    /// The id of the rule that fired.
    pub rule: &'static str,
    /// What it is, for people.
    pub label: Cow<'static, str>,
    /// Byte span in the scanned text.
    pub bytes: Span,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f32,
    /// How bad a leak would be.
    pub severity: Severity,
}

/// Something that finds one family of sensitive content in a text.
pub trait Detector: Send + Sync + std::fmt::Debug {
    /// Appends every validated candidate in `text` to `out`.
    fn detect(&self, text: &str, out: &mut Vec<Candidate>);
}

/// Every built-in detector, compiled.
pub fn builtin() -> Vec<Box<dyn Detector>> {
    vec![Box::new(EmailDetector::new()), Box::new(IbanDetector::new()), Box::new(SecretDetector::new())]
}
