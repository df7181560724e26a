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

use crate::detectors::{Candidate, Validation};

/// The candidates that survive, in text order, no two overlapping.
///
/// Candidates are grouped into clusters that overlap one another (most candidates are alone
/// in theirs); the rules are applied inside each cluster, which gives the same result as
/// applying them to the whole list, in time linear in the number of candidates.
pub fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    if candidates.len() > 1 {
        drop_contained(&mut candidates);
    }
    // `drop_contained` left them sorted by start (and by end, longest first).
    let mut kept = Vec::with_capacity(candidates.len());
    let mut cluster: Vec<Candidate> = Vec::new();
    let mut cluster_end = 0;
    for candidate in candidates {
        if !cluster.is_empty() && candidate.bytes.start >= cluster_end {
            resolve_cluster(&mut cluster, &mut kept);
        }
        cluster_end = if cluster.is_empty() { candidate.bytes.end } else { cluster_end.max(candidate.bytes.end) };
        cluster.push(candidate);
    }
    resolve_cluster(&mut cluster, &mut kept);
    kept
}

/// Applies the precedence rules to one cluster of overlapping candidates, appending the
/// winners to `kept` in text order and emptying the cluster.
fn resolve_cluster(cluster: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    if cluster.len() == 1 {
        kept.append(cluster);
        return;
    }
    cluster.sort_by(precedence);
    let mut winners: Vec<Candidate> = Vec::new();
    for candidate in cluster.drain(..) {
        if !winners.iter().any(|w| w.bytes.overlaps(&candidate.bytes)) {
            winners.push(candidate);
        }
    }
    winners.sort_by_key(|c| c.bytes.start);
    kept.append(&mut winners);
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
