//! International bank account numbers: per-country length and the ISO 13616 mod-97 checksum.

use super::checksum::mod97;
use super::text::{GroupShape, ScanText};
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
#[derive(Debug, Default)]
pub struct IbanDetector;

impl Detector for IbanDetector {
    fn id(&self) -> &'static str {
        "iban"
    }

    fn label(&self) -> &'static str {
        "IBANs (bank account numbers)"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let mut resume = 0;
        let groups = text.groups();
        // The check digits (two or more in a group) follow the country code's letters.
        let worth_trying = |shape: GroupShape| (shape.len >= 2) & shape.before.is_ascii_alphabetic();
        text.for_each_candidate(worth_trying, |i| {
            let group = groups[i];
            // The IBAN starts two letters before the check digits.
            let Some(start) = group.span.start.checked_sub(2) else { return i + 1 };
            if start < resume {
                return i + 1;
            }
            let code = &text.bytes[start..group.span.start];
            let upper = code.iter().all(u8::is_ascii_uppercase);
            if !(upper || code.iter().all(u8::is_ascii_lowercase)) || !text.boundary_before(start) {
                return i + 1;
            }
            if let Some(len) = valid_prefix(&text.text[start..]) {
                out.push(Candidate::builtin(
                    Kind::Iban,
                    "iban",
                    "IBAN (bank account)",
                    Span::new(start, start + len),
                    0.99,
                    Severity::High,
                    Validation::Checksum,
                ));
                resume = start + len;
            }
            i + 1
        });
    }
}

/// The byte length of the valid IBAN at the start of `candidate`, if there is one: the country
/// code's length of letters and digits, compact or in groups of four separated by one space.
fn valid_prefix(candidate: &str) -> Option<usize> {
    let country = candidate.as_bytes().get(..2)?;
    let expected = LENGTHS.iter().find(|(c, _)| c.as_bytes().eq_ignore_ascii_case(country))?.1;
    let bytes = candidate.as_bytes();
    // The characters without the spaces, on the stack (no IBAN is longer than 34).
    let mut buffer = [0u8; 34];
    let mut len = 0;
    let mut end = 0;
    let mut i = 0;
    while len < expected && i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            buffer[len] = b;
            len += 1;
            end = i + 1;
        } else if !(b == b' ' && len % 4 == 0 && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)) {
            break;
        }
        i += 1;
    }
    let compact = &buffer[..len];
    let ends_cleanly = !candidate[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
    // The country code and check digits move to the end.
    let rearranged = compact.get(4..)?.iter().chain(compact.get(..4)?).copied();
    (compact.len() == expected && ends_cleanly && mod97(rearranged) == Some(1)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IbanDetector.detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_grouped_and_compact_ibans() {
        assert_eq!(found("pay DE89 3704 0044 0532 0130 00 now"), ["DE89 3704 0044 0532 0130 00"]);
        assert_eq!(found("GB82WEST12345698765432"), ["GB82WEST12345698765432"]);
        assert_eq!(found("iban: gb82 west 1234 5698 7654 32."), ["gb82 west 1234 5698 7654 32"]);
        assert_eq!(found("FR14 2004 1010 0505 0001 3M02 606 END"), ["FR14 2004 1010 0505 0001 3M02 606"]);
    }

    #[test]
    fn rejects_bad_checksums_and_lengths() {
        assert!(found("DE88 3704 0044 0532 0130 00").is_empty());
        assert!(found("DE89 3704 0044 0532 0130").is_empty());
        assert!(found("ZZ89 3704 0044 0532 0130 00").is_empty());
        assert!(found("XDE89 3704 0044 0532 0130 00").is_empty());
        assert!(found("DE89 3704 0044 0532 0130 001").is_empty());
    }
}
