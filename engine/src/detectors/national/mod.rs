//! National identity and tax numbers, each validated by its own rules: check digits where the
//! number has them (FR NIR, DE Steuer-ID, ES DNI/NIE, IT codice fiscale, NL BSN, CN resident
//! id, IN Aadhaar, SG NRIC/FIN, PL PESEL, BR CPF, CA SIN, SE personnummer), the issuing rules
//! where it does not (US SSN, UK NINO, IN PAN). A layout that other numbers share (nine bare
//! digits) also needs a word naming the id nearby.

mod dates;
mod lettered;
mod numeric;

use super::text::ScanText;
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

pub(crate) use dates::valid_date;

/// Finds national identity and tax numbers.
#[derive(Debug, Default)]
pub struct NationalIdDetector;

/// One validated id: where it is and what it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct IdMatch {
    /// Where it is.
    pub span: Span,
    /// The rule id, `national_id.<country>_<id>`.
    pub rule: &'static str,
    /// What it is, for people.
    pub label: &'static str,
    /// A check digit, or only the layout and issuing rules.
    pub validation: Validation,
}

impl IdMatch {
    fn checksum(span: Span, rule: &'static str, label: &'static str) -> IdMatch {
        IdMatch { span, rule, label, validation: Validation::Checksum }
    }

    fn format(span: Span, rule: &'static str, label: &'static str) -> IdMatch {
        IdMatch { span, rule, label, validation: Validation::Format }
    }
}

impl Detector for NationalIdDetector {
    fn id(&self) -> &'static str {
        "national_id"
    }

    fn label(&self) -> &'static str {
        "National ID numbers (SSN, NIR, Steuer-ID…)"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let mut found = Vec::new();
        numeric::detect(text, &mut found);
        lettered::detect(text, &mut found);
        out.extend(found.into_iter().map(|m| {
            let confidence = if m.validation == Validation::Checksum { 0.97 } else { 0.9 };
            Candidate::builtin(Kind::NationalId, m.rule, m.label, m.span, confidence, Severity::High, m.validation)
        }));
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
