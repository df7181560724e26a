//! Payment card numbers: an issuer range, a length the issuer uses, and the Luhn check digit.

use super::checksum::luhn;
use super::text::{GroupShape, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds card numbers written compactly or in the groupings printed on cards (4-4-4-4,
/// 4-6-5, 4-6-4), separated by spaces or hyphens.
#[derive(Debug, Default)]
pub struct CardDetector;

/// Issuer ranges: `(label, prefix range low, high, prefix digits, allowed lengths)`.
#[rustfmt::skip]
const ISSUERS: &[(&str, u32, u32, usize, &[usize])] = &[
    // Thirteen-digit Visa numbers are no longer issued, and 13 digits starting with 4 are
    // mostly EAN barcodes (German products).
    ("Visa card number", 4, 4, 1, &[16, 19]),
    ("Mastercard number", 51, 55, 2, &[16]),
    ("Mastercard number", 2221, 2720, 4, &[16]),
    ("American Express card number", 34, 34, 2, &[15]),
    ("American Express card number", 37, 37, 2, &[15]),
    ("Discover card number", 6011, 6011, 4, &[16, 19]),
    ("Discover card number", 644, 649, 3, &[16, 19]),
    ("Discover card number", 65, 65, 2, &[16, 19]),
    ("JCB card number", 3528, 3589, 4, &[16, 17, 18, 19]),
    ("Diners Club card number", 300, 305, 3, &[14, 16, 19]),
    ("Diners Club card number", 36, 36, 2, &[14, 16, 19]),
    ("Diners Club card number", 38, 39, 2, &[14, 16, 19]),
    ("UnionPay card number", 62, 62, 2, &[16, 17, 18, 19]),
    ("Maestro card number", 50, 50, 2, &[16, 17, 18, 19]),
    ("Maestro card number", 56, 58, 2, &[16, 17, 18, 19]),
    ("Maestro card number", 67, 67, 2, &[16, 17, 18, 19]),
];

/// Group lengths of the printed layouts, besides a single compact group.
const LAYOUTS: &[&[usize]] =
    &[&[4, 4, 4, 4], &[4, 4, 4, 4, 3], &[4, 4, 4, 4, 2], &[4, 6, 5], &[4, 6, 4], &[4, 4, 4, 3]];

impl Detector for CardDetector {
    fn id(&self) -> &'static str {
        "credit_card"
    }

    fn label(&self) -> &'static str {
        "Payment card numbers"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        detect_in(text, out, may_start_card);
    }
}

/// [`Detector::detect`], trying only the groups that `worth_trying` lets through.
fn detect_in(text: &ScanText<'_>, out: &mut Vec<Candidate>, worth_trying: impl Fn(GroupShape) -> bool) {
    let groups = text.groups();
    text.for_each_candidate(worth_trying, |i| match card_at(text, i) {
        Some((count, label)) => {
            let span = Span::new(groups[i].span.start, groups[i + count - 1].span.end);
            out.push(Candidate::builtin(
                Kind::CreditCard,
                "credit_card",
                label,
                span,
                0.97,
                Severity::High,
                Validation::Checksum,
            ));
            i + count
        }
        None => i + 1,
    });
}

/// Whether a card number may start at a group of this shape, a looser form of [`card_at`]'s
/// first test run 64 groups at a time: fourteen digits at least, from a group of twelve or
/// more or of four (the separators after it and the longest group are left to `card_at`:
/// testing them here measured slower).
fn may_start_card(shape: GroupShape) -> bool {
    (shape.run >= 14) & ((shape.len >= 12) | (shape.len == 4))
}

/// The number of groups and the issuer label of a valid card number starting at group `i`.
fn card_at(text: &ScanText<'_>, i: usize) -> Option<(usize, &'static str)> {
    let groups = text.groups();
    let first = groups[i];
    if (12..=19).contains(&first.len()) {
        return validate(text, i, 1);
    }
    if first.len() != 4 {
        return None;
    }
    for layout in LAYOUTS {
        let count = layout.len();
        if i + count > groups.len() {
            continue;
        }
        let separator = text.gap(i);
        if separator != " " && separator != "-" {
            return None;
        }
        let fits = (0..count).all(|k| groups[i + k].len() == layout[k])
            && (i..i + count - 1).all(|k| text.gap(k) == separator);
        if fits {
            if let Some(found) = validate(text, i, count) {
                return Some(found);
            }
        }
    }
    None
}

fn validate(text: &ScanText<'_>, i: usize, count: usize) -> Option<(usize, &'static str)> {
    let groups = &text.groups()[i..i + count];
    let (start, end) = (groups[0].span.start, groups[count - 1].span.end);
    if !text.stands_alone(start, end) || text.continues(start, end, b"-.,/") {
        return None;
    }
    // A grouped number followed by one more group of its kind is longer than a card.
    if count > 1 {
        let separator = text.gap(i).as_bytes();
        if text.continues(start, end, separator) {
            return None;
        }
    }
    let digits = text.digits(groups);
    if digits.bytes().all(|b| b == digits.as_bytes()[0]) || !luhn(&digits) {
        return None;
    }
    issuer(&digits).map(|label| (count, label))
}

/// The issuer label for `digits`, if its prefix and length belong to a card scheme.
fn issuer(digits: &str) -> Option<&'static str> {
    ISSUERS.iter().find_map(|&(label, low, high, width, lengths)| {
        let prefix: u32 = digits.get(..width)?.parse().ok()?;
        ((low..=high).contains(&prefix) && lengths.contains(&digits.len())).then_some(label)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let scan = ScanText::new(text);
        let mut out = Vec::new();
        CardDetector.detect(&scan, &mut out);
        out.iter().map(|c| format!("{}={}", c.label, &text[c.bytes.start..c.bytes.end])).collect()
    }

    #[test]
    fn finds_published_test_cards_in_every_layout() {
        assert_eq!(found("card 4111 1111 1111 1111 exp 12/27"), ["Visa card number=4111 1111 1111 1111"]);
        assert_eq!(found("5555-5555-5555-4444"), ["Mastercard number=5555-5555-5555-4444"]);
        assert_eq!(found("amex 3782 822463 10005."), ["American Express card number=3782 822463 10005"]);
        assert_eq!(found("6011111111111117"), ["Discover card number=6011111111111117"]);
        assert_eq!(found("2223003122003222"), ["Mastercard number=2223003122003222"]);
    }

    #[test]
    fn passes_over_on_the_shape_only_groups_that_start_no_card() {
        let cards = ["4111 1111 1111 1111", "5555-5555-5555-4444", "3782 822463 10005", "6011111111111117"];
        for card in cards {
            for (before, after) in [("", ""), ("card ", "."), ("x", ""), ("1 ", " 2"), ("9-", "-1"), ("4111 ", " 1")] {
                let text = format!("{before}{card}{after} and {card}; 1234 5678");
                let scan = ScanText::new(&text);
                let (mut shaped, mut all) = (Vec::new(), Vec::new());
                detect_in(&scan, &mut shaped, may_start_card);
                detect_in(&scan, &mut all, |_| true);
                assert_eq!(shaped, all, "{text}");
                assert!(!all.is_empty(), "{text}");
            }
        }
    }

    #[test]
    fn rejects_near_misses() {
        assert!(found("4111 1111 1111 1112").is_empty(), "bad check digit");
        assert!(found("9111 1111 1111 1115").is_empty(), "no issuer");
        assert!(found("order 4111-1111-1111-1111-22").is_empty(), "longer number");
        assert!(found("4111 1111-1111 1111").is_empty(), "mixed separators");
        assert!(found("0000000000000000").is_empty());
        assert!(found("id x4111111111111111").is_empty());
    }
}
