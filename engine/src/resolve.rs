//! Overlap resolution: among candidates that share text, one wins, the same one whatever the
//! order the detectors reported them in.
//!
//! The rules, in order:
//! 1. A candidate lying strictly inside another that identifies its thing by format or better
//!    (an email address, a URL with credentials, a key) is dropped: replacing the outer one
//!    hides the inner one too, and the outer one is the better description.
//! 2. Then the better-confirmed candidate wins ([`Validation`]: dictionary, checksum, format,
//!    context), then the longer, then the more confident, then the more severe, then the
//!    earlier, then the rule id in alphabetical order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::detectors::{Candidate, Validation};

/// The candidates that survive, in text order, no two overlapping.
pub fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    if candidates.len() > 1 {
        drop_contained(&mut candidates);
    }
    candidates.sort_by(precedence);
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for candidate in candidates {
        let (start, end) = (candidate.bytes.start, candidate.bytes.end);
        let before_overlaps = kept.range(..=start).next_back().is_some_and(|(_, k)| k.bytes.end > start);
        let after_overlaps = kept.range(start..).next().is_some_and(|(&s, _)| s < end);
        if !before_overlaps && !after_overlaps {
            kept.insert(start, candidate);
        }
    }
    kept.into_values().collect()
}

/// The order in which candidates claim their text: the first in this order wins an overlap.
fn precedence(a: &Candidate, b: &Candidate) -> Ordering {
    b.validation
        .cmp(&a.validation)
        .then(b.bytes.len().cmp(&a.bytes.len()))
        .then(b.confidence.total_cmp(&a.confidence))
        .then(b.severity.cmp(&a.severity))
        .then(a.bytes.start.cmp(&b.bytes.start))
        .then(a.rule.cmp(&b.rule))
        .then(a.kind.cmp(&b.kind))
        .then(a.client.cmp(&b.client))
}

/// Removes candidates strictly inside a format-confirmed (or better) candidate.
fn drop_contained(candidates: &mut Vec<Candidate>) {
    candidates.sort_by(|a, b| a.bytes.start.cmp(&b.bytes.start).then(b.bytes.end.cmp(&a.bytes.end)));
    // The format-confirmed candidate reaching furthest among those starting at or before the
    // current one: if any contains the current one, this one does.
    let mut container: Option<(usize, usize)> = None;
    candidates.retain(|c| {
        let (start, end) = (c.bytes.start, c.bytes.end);
        let contained = container.is_some_and(|(s, e)| (s < start && end <= e) || (s == start && end < e));
        if c.validation >= Validation::Format && container.is_none_or(|(_, e)| end > e) {
            container = Some((start, end));
        }
        !contained
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Severity, Span};

    fn candidate(kind: Kind, start: usize, end: usize, validation: Validation) -> Candidate {
        Candidate::builtin(kind, "test", "test", Span::new(start, end), 0.9, Severity::Medium, validation)
    }

    fn spans(kept: &[Candidate]) -> Vec<(Kind, usize, usize)> {
        kept.iter().map(|c| (c.kind, c.bytes.start, c.bytes.end)).collect()
    }

    #[test]
    fn a_dictionary_term_inside_an_email_loses_to_the_email() {
        let kept = resolve_overlaps(vec![
            candidate(Kind::ClientTerm, 4, 8, Validation::Dictionary),
            candidate(Kind::Email, 0, 12, Validation::Format),
        ]);
        assert_eq!(spans(&kept), [(Kind::Email, 0, 12)]);
    }

    #[test]
    fn checksum_beats_context_even_when_shorter() {
        let kept = resolve_overlaps(vec![
            candidate(Kind::Phone, 0, 20, Validation::Context),
            candidate(Kind::CreditCard, 2, 18, Validation::Checksum),
        ]);
        assert_eq!(spans(&kept), [(Kind::CreditCard, 2, 18)]);
    }

    #[test]
    fn the_result_does_not_depend_on_input_order() {
        let mut all = vec![
            candidate(Kind::Phone, 0, 10, Validation::Context),
            candidate(Kind::Money, 5, 15, Validation::Context),
            candidate(Kind::Address, 12, 30, Validation::Context),
            candidate(Kind::Email, 40, 50, Validation::Format),
        ];
        let first = spans(&resolve_overlaps(all.clone()));
        all.reverse();
        assert_eq!(spans(&resolve_overlaps(all)), first);
        assert_eq!(first, [(Kind::Phone, 0, 10), (Kind::Address, 12, 30), (Kind::Email, 40, 50)]);
    }
}
