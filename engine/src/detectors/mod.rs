//! The built-in detectors.
//!
//! A detector finds candidates cheaply and keeps only those that pass its validation (a
//! checksum, a provider-specific format, a context word). Each detector reports [`Candidate`]s in
//! byte offsets; the [`Engine`](crate::Engine) turns them into [`Finding`](crate::Finding)s,
//! resolves overlaps and computes UTF-16 offsets once.

mod address;
mod address_words;
mod bank;
mod birth_date;
mod card;
mod checksum;
mod email;
mod iban;
mod ip;
mod money;
mod national;
mod phone;
mod phone_plans;
mod secrets;
mod text;
mod url_credentials;

use std::borrow::Cow;

use crate::{Kind, Severity, Span};

pub use address::AddressDetector;
pub use bank::BankRoutingDetector;
pub use birth_date::BirthDateDetector;
pub use card::CardDetector;
pub use email::EmailDetector;
pub use iban::IbanDetector;
pub use ip::IpDetector;
pub use money::MoneyDetector;
pub use national::NationalIdDetector;
pub use phone::PhoneDetector;
pub use secrets::SecretDetector;
pub use text::ScanText;
pub(crate) use text::{ceil_char_boundary, floor_char_boundary};
pub use url_credentials::UrlCredentialsDetector;

/// How a candidate was confirmed, from weakest to strongest; when candidates overlap the
/// strongest confirmation wins (see [`Engine::scan`](crate::Engine::scan)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Validation {
    /// A pattern plus context words around it (a street address, a date of birth).
    Context,
    /// A format that identifies the thing on its own (an email address, a provider's key prefix).
    Format,
    /// A checksum or a number plan that a random string passes only by chance (Luhn, mod-97).
    Checksum,
    /// A term or pattern the user put in a client dictionary.
    Dictionary,
}

/// A finding before overlap resolution, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What it is.
    pub kind: Kind,
    /// The id of the rule that fired.
    pub rule: Cow<'static, str>,
    /// What it is, for people.
    pub label: Cow<'static, str>,
    /// Byte span in the scanned text.
    pub bytes: Span,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f32,
    /// How bad a leak would be.
    pub severity: Severity,
    /// How the candidate was confirmed.
    pub validation: Validation,
    /// The client whose dictionary matched, for dictionary candidates.
    pub client: Option<String>,
    /// The placeholder word the user chose for it, if any.
    pub alias: Option<String>,
}

impl Candidate {
    /// A built-in candidate (no client, no alias).
    pub fn builtin(
        kind: Kind,
        rule: &'static str,
        label: &'static str,
        bytes: Span,
        confidence: f32,
        severity: Severity,
        validation: Validation,
    ) -> Candidate {
        Candidate {
            kind,
            rule: Cow::Borrowed(rule),
            label: Cow::Borrowed(label),
            bytes,
            confidence,
            severity,
            validation,
            client: None,
            alias: None,
        }
    }
}

/// Something that finds one family of sensitive content in a text.
pub trait Detector: Send + Sync + std::fmt::Debug {
    /// The detector's id, the common prefix of every rule it reports (`"email"`, `"secret"`):
    /// switching this id off switches the whole detector off.
    fn id(&self) -> &'static str;

    /// What the detector finds, in words for a settings page (`"Email addresses"`).
    fn label(&self) -> &'static str;

    /// Appends every validated candidate in `text` to `out`.
    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>);
}

/// Every built-in detector, compiled.
pub fn builtin() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(EmailDetector::new()),
        Box::new(PhoneDetector::new()),
        Box::new(CardDetector),
        Box::new(IbanDetector),
        Box::new(BankRoutingDetector),
        Box::new(NationalIdDetector),
        Box::new(IpDetector::new()),
        Box::new(UrlCredentialsDetector::new()),
        Box::new(SecretDetector::new()),
        Box::new(MoneyDetector),
        Box::new(BirthDateDetector),
        Box::new(AddressDetector::new()),
    ]
}
