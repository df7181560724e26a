//! International bank account numbers: per-country length and the ISO 13616 mod-97 checksum.

use regex::Regex;

use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// IBAN lengths by country (ISO 13616 registry).
#[rustfmt::skip]
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16), ("BG", 22),
    ("BH", 22), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28), ("CZ", 24), ("DE", 22),
    ("DK", 18), ("DO", 28), ("EE", 20), ("EG", 29), ("ES", 24), ("FI", 18), ("FO", 18), ("FR", 27),
    ("GB", 22), ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HR", 21), ("HU", 28),
    ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30), ("KW", 30), ("KZ", 20),
    ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("MC", 27), ("MD", 24),
    ("ME", 22), ("MK", 19), ("MR", 27), ("MT", 31), ("MU", 30), ("NL", 18), ("NO", 15), ("PK", 24),
    ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22), ("SA", 24), ("SC", 31),
    ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("ST", 25), ("SV", 28), ("TL", 23), ("TN", 24),
    ("TR", 26), ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20),
];

/// Finds IBANs written compactly or in groups of four, and keeps those with a valid checksum.
#[derive(Debug)]
pub struct IbanDetector {
    pattern: Regex,
}

impl IbanDetector {
    /// Compiles the detector.
    pub fn new() -> IbanDetector {
        let pattern = Regex::new(r"(?-u:\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b)")
            .expect("IBAN pattern compiles");
        IbanDetector { pattern }
    }
}

impl Default for IbanDetector {
    fn default() -> Self {
        IbanDetector::new()
    }
}

impl Detector for IbanDetector {
    fn id(&self) -> &'static str {
        "iban"
    }

    fn detect(&self, text: &str, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(text) {
            if let Some(len) = valid_prefix(m.as_str()) {
                out.push(Candidate::builtin(
                    Kind::Iban,
                    "iban",
                    "IBAN (bank account)",
                    Span::new(m.start(), m.start() + len),
                    0.99,
                    Severity::High,
                    Validation::Checksum,
                ));
            }
        }
    }
}

/// The byte length of the valid IBAN at the start of `candidate`, if there is one. The pattern
/// may run into a following upper-case word, so the country's length decides where it ends.
fn valid_prefix(candidate: &str) -> Option<usize> {
    let expected = LENGTHS.iter().find(|(country, _)| candidate.starts_with(country))?.1;
    let mut compact = String::with_capacity(expected);
    let mut end = 0;
    for (i, c) in candidate.char_indices() {
        if c != ' ' {
            compact.push(c);
            end = i + 1;
        }
        if compact.len() == expected {
            break;
        }
    }
    let ends_cleanly = candidate[end..].chars().next().is_none_or(|c| c == ' ');
    (compact.len() == expected && ends_cleanly && mod97(&compact) == 1).then_some(end)
}

/// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end.
fn mod97(iban: &str) -> u32 {
    let rearranged = iban[4..].bytes().chain(iban[..4].bytes());
    rearranged.fold(0, |acc, b| match b {
        b'0'..=b'9' => (acc * 10 + u32::from(b - b'0')) % 97,
        _ => (acc * 100 + u32::from(b - b'A') + 10) % 97,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IbanDetector::new().detect(text, &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_grouped_and_compact_ibans() {
        assert_eq!(found("pay DE89 3704 0044 0532 0130 00 now"), ["DE89 3704 0044 0532 0130 00"]);
        assert_eq!(found("GB82WEST12345698765432"), ["GB82WEST12345698765432"]);
        assert_eq!(found("FR14 2004 1010 0505 0001 3M02 606 END"), ["FR14 2004 1010 0505 0001 3M02 606"]);
    }

    #[test]
    fn rejects_bad_checksums_and_lengths() {
        assert!(found("DE88 3704 0044 0532 0130 00").is_empty());
        assert!(found("DE89 3704 0044 0532 0130").is_empty());
        assert!(found("ZZ89 3704 0044 0532 0130 00").is_empty());
    }
}
