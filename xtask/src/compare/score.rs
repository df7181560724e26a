//! Scoring, the same for every tool: a gold span counts as found when a prediction of the same
//! kind overlaps at least half of it, and a prediction counts as correct when it finds a gold span
//! that way. Only the kinds the corpus labels are scored (a corpus without PERSON labels says
//! nothing about names); any-kind coverage asks, whatever the labels, which of the gold spans'
//! characters some prediction covered.

use std::collections::{BTreeMap, BTreeSet};

/// A labelled span of chars `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// A Hush kind for gold spans; the tool's own label for predictions.
    pub label: String,
}

impl Span {
    fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    fn overlap(&self, other: &Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
}

/// Whether `found` covers at least half of `gold`.
pub fn covers_half_of(found: &Span, gold: &Span) -> bool {
    let overlap = found.overlap(gold);
    overlap > 0 && 2 * overlap >= gold.len()
}

/// Counts behind precision and recall, for one kind or summed over several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold spans.
    pub gold: usize,
    /// Gold spans found.
    pub found: usize,
    /// Predictions.
    pub predicted: usize,
    /// Predictions that found a gold span.
    pub correct: usize,
}

impl Counts {
    /// Correct predictions over predictions; `None` without predictions.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }

    /// Found gold spans over gold spans; `None` without gold spans.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.found, self.gold)
    }

    /// The harmonic mean of precision and recall (0 when either is missing or both are 0).
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }

    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.found += other.found;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// One tool's score over a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Counts per scored kind (the kinds the corpus labels).
    pub per_kind: BTreeMap<String, Counts>,
    /// Chars inside gold spans.
    pub gold_chars: usize,
    /// Of those, chars inside some prediction, whatever its label.
    pub covered_chars: usize,
}

impl Score {
    /// The counts summed over the scored kinds for which `include` holds.
    pub fn total(&self, include: impl Fn(&str) -> bool) -> Counts {
        let mut total = Counts::default();
        for (_, counts) in self.per_kind.iter().filter(|(kind, _)| include(kind)) {
            total.add(counts);
        }
        total
    }

    /// Covered chars over gold chars; `None` when the corpus has no gold span.
    pub fn coverage(&self) -> Option<f64> {
        ratio(self.covered_chars, self.gold_chars)
    }
}

/// Scores `predicted` against `gold` (one list per record, in the same order); `kind_of` maps a
/// predicted label to a Hush kind.
pub fn score(gold: &[Vec<Span>], predicted: &[Vec<Span>], kind_of: impl Fn(&str) -> Option<&'static str>) -> Score {
    let kinds: BTreeSet<&str> = gold.iter().flatten().map(|g| g.label.as_str()).collect();
    let mut score = Score::default();
    for kind in &kinds {
        score.per_kind.insert(kind.to_string(), Counts::default());
    }
    for (gold, predicted) in gold.iter().zip(predicted) {
        for kind in &kinds {
            let gold: Vec<&Span> = gold.iter().filter(|g| g.label == *kind).collect();
            let predicted: Vec<&Span> = predicted.iter().filter(|p| kind_of(&p.label) == Some(*kind)).collect();
            let counts = score.per_kind.get_mut(*kind).expect("every kind was inserted");
            counts.gold += gold.len();
            counts.found += gold.iter().filter(|g| predicted.iter().any(|p| covers_half_of(p, g))).count();
            counts.predicted += predicted.len();
            counts.correct += predicted.iter().filter(|p| gold.iter().any(|g| covers_half_of(p, g))).count();
        }
        let (gold_chars, covered_chars) = coverage(gold, predicted);
        score.gold_chars += gold_chars;
        score.covered_chars += covered_chars;
    }
    score
}

/// Chars inside some gold span of one record, and how many of them some prediction covers.
fn coverage(gold: &[Span], predicted: &[Span]) -> (usize, usize) {
    let end = gold.iter().map(|g| g.end).max().unwrap_or(0);
    let mut in_gold = vec![false; end];
    for g in gold {
        in_gold[g.start.min(end)..g.end].fill(true);
    }
    let mut covered = vec![false; end];
    for p in predicted {
        covered[p.start.min(end)..p.end.min(end)].fill(true);
    }
    let gold_chars = in_gold.iter().filter(|c| **c).count();
    let covered_chars = in_gold.iter().zip(&covered).filter(|(g, c)| **g && **c).count();
    (gold_chars, covered_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span { start, end, label: label.to_string() }
    }

    fn same(label: &str) -> Option<&'static str> {
        ["EMAIL", "SECRET"].into_iter().find(|k| *k == label)
    }

    #[test]
    fn a_span_is_found_when_half_of_it_is_covered() {
        let gold = span(10, 20, "EMAIL");
        assert!(covers_half_of(&span(10, 20, "x"), &gold));
        assert!(covers_half_of(&span(15, 40, "x"), &gold), "exactly half");
        assert!(covers_half_of(&span(0, 100, "x"), &gold), "a prediction larger than the gold span");
        assert!(!covers_half_of(&span(16, 40, "x"), &gold), "four chars of ten");
        assert!(!covers_half_of(&span(20, 30, "x"), &gold), "touching is not overlapping");
        assert!(!covers_half_of(&span(12, 12, "x"), &span(12, 12, "EMAIL")), "empty spans find nothing");
    }

    #[test]
    fn precision_and_recall_count_predictions_and_gold_spans_separately() {
        let gold = vec![vec![span(0, 10, "EMAIL"), span(20, 30, "EMAIL")], vec![span(0, 8, "SECRET")]];
        let predicted = vec![
            // Two predictions find the first email; one misses; the second email is not found.
            vec![span(0, 5, "EMAIL"), span(4, 10, "EMAIL"), span(40, 50, "EMAIL")],
            // The right place under the wrong kind finds nothing, but covers the characters.
            vec![span(0, 8, "EMAIL"), span(0, 3, "ORGANIZATION")],
        ];
        let score = score(&gold, &predicted, same);
        let email = score.per_kind["EMAIL"];
        assert_eq!(email, Counts { gold: 2, found: 1, predicted: 4, correct: 2 });
        assert_eq!(email.precision(), Some(0.5));
        assert_eq!(email.recall(), Some(0.5));
        assert_eq!(score.per_kind["SECRET"], Counts { gold: 1, found: 0, predicted: 0, correct: 0 });
        assert_eq!(score.per_kind["SECRET"].precision(), None);
        assert_eq!(score.per_kind["SECRET"].f1(), 0.0);
        assert_eq!(score.total(|_| true), Counts { gold: 3, found: 1, predicted: 4, correct: 2 });
        assert_eq!(score.total(|k| k == "SECRET").gold, 1);
        // Gold chars: 10 + 10 + 8; covered: the first email's 10 and the secret's 8.
        assert_eq!((score.gold_chars, score.covered_chars), (28, 18));
    }

    #[test]
    fn kinds_the_corpus_does_not_label_are_not_scored() {
        let gold = vec![vec![span(0, 10, "EMAIL")]];
        let predicted = vec![vec![span(0, 10, "EMAIL"), span(20, 30, "SECRET")]];
        let score = score(&gold, &predicted, same);
        assert_eq!(score.per_kind.keys().collect::<Vec<_>>(), ["EMAIL"]);
        assert_eq!(score.total(|_| true).precision(), Some(1.0));
        assert_eq!(score.coverage(), Some(1.0));
    }
}
