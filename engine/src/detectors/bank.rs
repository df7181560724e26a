//! Bank identifiers other than IBANs that carry a check digit: US ABA routing transit numbers
//! (nine digits, weights 3-7-1, the first two digits a Federal Reserve district). Nine bare
//! digits are common, so a word such as "routing" or "ABA" must be nearby.

use super::checksum::weighted_sum;
use super::text::ScanText;
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity};

/// Finds US bank routing numbers.
#[derive(Debug, Default)]
pub struct BankRoutingDetector;

const ROUTING_WORDS: &[&str] = &["routing", "aba", "rtn", "transit number", "bank code", "wire to"];

impl Detector for BankRoutingDetector {
    fn id(&self) -> &'static str {
        "bank"
    }

    fn label(&self) -> &'static str {
        "Bank routing numbers"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let groups = text.groups();
        text.for_each_candidate(
            |shape| shape.len == 9,
            |i| {
                let span = groups[i].span;
                if !text.stands_alone(span.start, span.end) || text.continues(span.start, span.end, b"-. ") {
                    return i + 1;
                }
                let digits = text.slice(span.start, span.end);
                let Some(sum) = weighted_sum(digits, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) else { return i + 1 };
                // 00-12 are the Federal Reserve districts, 21-32 thrift institutions, 61-72
                // electronic transactions, 80 traveller's cheques.
                let district = digits[..2].parse::<u8>().unwrap_or(99);
                let known = matches!(district, 0..=12 | 21..=32 | 61..=72 | 80);
                if sum % 10 == 0 && sum > 0 && known && text.context_around(span.start, span.end, 40, ROUTING_WORDS) {
                    out.push(Candidate::builtin(
                        Kind::Iban,
                        "bank.us_routing_number",
                        "US bank routing number",
                        span,
                        0.9,
                        Severity::Medium,
                        Validation::Checksum,
                    ));
                }
                i + 1
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        BankRoutingDetector.detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_routing_numbers_named_as_such() {
        assert_eq!(found("ABA routing number 021000021, account 12345678"), ["021000021"]);
        assert_eq!(found("Routing: 011000015"), ["011000015"]);
    }

    #[test]
    fn ignores_bad_check_digits_and_unnamed_numbers() {
        assert!(found("routing 021000022").is_empty());
        assert!(found("order 021000021 shipped").is_empty());
        assert!(found("routing 991000024").is_empty());
    }
}
