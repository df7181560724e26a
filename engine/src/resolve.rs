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

use std::cmp::{Ordering, Reverse};

use crate::detectors::{Candidate, Validation};

/// The indices of the candidates that survive, in text order, no two overlapping.
///
/// The candidates are ordered through small keys (start, end, index) rather than moved: a
/// scan has thousands of them, each over a hundred bytes. They are grouped into clusters
/// that overlap one another (most candidates are alone in theirs); the rules are applied
/// inside each cluster, which gives the same result as applying them to the whole list, in
/// time linear in the number of candidates.
pub fn resolve_overlaps(candidates: &[Candidate]) -> Vec<usize> {
    let order = uncontained_in_text_order(candidates);
    let mut kept = Vec::with_capacity(order.len());
    let mut cluster: Vec<usize> = Vec::new();
    let mut cluster_end = 0;
    for index in order {
        let bytes = candidates[index].bytes;
        if !cluster.is_empty() && bytes.start >= cluster_end {
            resolve_cluster(candidates, &mut cluster, &mut kept);
        }
        cluster_end = if cluster.is_empty() { bytes.end } else { cluster_end.max(bytes.end) };
        cluster.push(index);
    }
    resolve_cluster(candidates, &mut cluster, &mut kept);
    kept
}

/// Applies the precedence rules to one cluster of overlapping candidates, appending the
/// winners to `kept` in text order and emptying the cluster.
fn resolve_cluster(candidates: &[Candidate], cluster: &mut Vec<usize>, kept: &mut Vec<usize>) {
    if cluster.len() == 1 {
        kept.append(cluster);
        return;
    }
    cluster.sort_by(|&a, &b| precedence(&candidates[a], &candidates[b]));
    let first_winner = kept.len();
    for index in cluster.drain(..) {
        let bytes = &candidates[index].bytes;
        if !kept[first_winner..].iter().any(|&w| candidates[w].bytes.overlaps(bytes)) {
            kept.push(index);
        }
    }
    kept[first_winner..].sort_by_key(|&w| candidates[w].bytes.start);
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

/// The indices of the candidates not strictly inside a format-confirmed (or better)
/// candidate, ordered by start, then longest first.
fn uncontained_in_text_order(candidates: &[Candidate]) -> Vec<usize> {
    let mut keys: Vec<(usize, Reverse<usize>, usize)> =
        candidates.iter().enumerate().map(|(index, c)| (c.bytes.start, Reverse(c.bytes.end), index)).collect();
    // Each detector reports in text order: the stable sort merges those runs.
    keys.sort();
    // The format-confirmed candidate reaching furthest among those starting at or before the
    // current one: if any contains the current one, this one does.
    let mut container: Option<(usize, usize)> = None;
    keys.into_iter()
        .filter(|&(start, Reverse(end), index)| {
            let contained = container.is_some_and(|(s, e)| (s < start && end <= e) || (s == start && end < e));
            if candidates[index].validation >= Validation::Format && container.is_none_or(|(_, e)| end > e) {
                container = Some((start, end));
            }
            !contained
        })
        .map(|(_, _, index)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Severity, Span};

    fn candidate(kind: Kind, start: usize, end: usize, validation: Validation) -> Candidate {
        Candidate::builtin(kind, "test", "test", Span::new(start, end), 0.9, Severity::Medium, validation)
    }

    /// The kind and span of each candidate that survives, in text order.
    fn spans(candidates: &[Candidate]) -> Vec<(Kind, usize, usize)> {
        resolve_overlaps(candidates)
            .into_iter()
            .map(|i| &candidates[i])
            .map(|c| (c.kind, c.bytes.start, c.bytes.end))
            .collect()
    }

    #[test]
    fn a_dictionary_term_inside_an_email_loses_to_the_email() {
        let candidates = [
            candidate(Kind::ClientTerm, 4, 8, Validation::Dictionary),
            candidate(Kind::Email, 0, 12, Validation::Format),
        ];
        assert_eq!(spans(&candidates), [(Kind::Email, 0, 12)]);
    }

    #[test]
    fn checksum_beats_context_even_when_shorter() {
        let candidates = [
            candidate(Kind::Phone, 0, 20, Validation::Context),
            candidate(Kind::CreditCard, 2, 18, Validation::Checksum),
        ];
        assert_eq!(spans(&candidates), [(Kind::CreditCard, 2, 18)]);
    }

    #[test]
    fn the_result_does_not_depend_on_input_order() {
        let mut all = vec![
            candidate(Kind::Phone, 0, 10, Validation::Context),
            candidate(Kind::Money, 5, 15, Validation::Context),
            candidate(Kind::Address, 12, 30, Validation::Context),
            candidate(Kind::Email, 40, 50, Validation::Format),
        ];
        let first = spans(&all);
        all.reverse();
        assert_eq!(spans(&all), first);
        assert_eq!(first, [(Kind::Phone, 0, 10), (Kind::Address, 12, 30), (Kind::Email, 40, 50)]);
    }
}
