//! The audit chain: each row's hash covers the previous row's hash, the row's place, its client
//! and a digest of everything else, so an edited, deleted or reordered row shows.
//!
//! ```text
//! body_digest = SHA-256(JSON ["hush-audit-row/1", event_id, at, recorded_at, site, action,
//!                             [[kind, rule_id, fingerprint|null], ...]])
//! hash        = SHA-256("hush-audit-chain/1\n" prev_hash "\n" seq "\n" client_id|"-" "\n" body_digest)
//! ```
//!
//! The row's place and client sit outside the body digest so that an export for one client can
//! show another client's row as its digest alone and still be verified link by link, while the
//! withheld row's client stays checkable.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use crate::protocol::AuditFinding;

/// The `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of a row that its body digest covers.
#[derive(Debug, Clone, Copy)]
pub struct RowBody<'a> {
    /// The event's id.
    pub event_id: &'a str,
    /// When it happened.
    pub at: &'a str,
    /// When the host wrote it.
    pub recorded_at: &'a str,
    /// The site's origin.
    pub site: &'a str,
    /// The action's name.
    pub action: &'a str,
    /// What was found.
    pub findings: &'a [AuditFinding],
}

/// The digest of a row's body, in hex.
pub fn body_digest(body: &RowBody<'_>) -> String {
    let findings: Vec<(&str, &str, Option<&str>)> =
        body.findings.iter().map(|f| (f.kind.as_str(), f.rule_id.as_str(), f.fingerprint.as_deref())).collect();
    let canonical = serde_json::json!([
        "hush-audit-row/1",
        body.event_id,
        body.at,
        body.recorded_at,
        body.site,
        body.action,
        findings
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// A row's hash, in hex.
pub fn row_hash(prev_hash: &str, seq: i64, client_id: Option<i64>, body_digest: &str) -> String {
    let client = client_id.map_or_else(|| "-".to_string(), |id| id.to_string());
    let text = format!("hush-audit-chain/1\n{prev_hash}\n{seq}\n{client}\n{body_digest}");
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A row as the verifier sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    /// Its place.
    pub seq: i64,
    /// Its client.
    pub client_id: Option<i64>,
    /// Its body's digest, computed from its fields (or given, for a withheld row).
    pub body_digest: String,
    /// The hash it says comes before it.
    pub prev_hash: String,
    /// Its stored hash.
    pub hash: String,
}

/// Something wrong with the chain, naming the row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainProblem {
    /// The row's content does not match its hash.
    #[error("row {seq} was edited: its content no longer matches its hash")]
    Edited {
        /// The row.
        seq: i64,
    },
    /// Rows are absent from the chain.
    #[error("{}", missing_message(*first, *last))]
    Missing {
        /// The first missing row.
        first: i64,
        /// The last missing row.
        last: i64,
    },
    /// A row appears after a row that should follow it.
    #[error("row {seq} is out of order: it comes after row {after}")]
    Reordered {
        /// The row.
        seq: i64,
        /// The row it was found after.
        after: i64,
    },
    /// The row is whole but does not link to the row before it: that row was changed and its
    /// hash recomputed, or replaced.
    #[error("{}", relinked_message(*seq))]
    Relinked {
        /// The row whose link broke.
        seq: i64,
    },
    /// The chain stops before its recorded head.
    #[error("{}", tail_message(*last_seq, *head_seq))]
    TailMissing {
        /// The last row found.
        last_seq: i64,
        /// The last row the head records.
        head_seq: i64,
    },
    /// The recorded head does not match the last row.
    #[error("the log's head record does not match its last row (row {seq})")]
    HeadMismatch {
        /// The last row.
        seq: i64,
    },
    /// An export shows another client's row in full.
    #[error("row {seq} belongs to another client but is shown in full")]
    ForeignRow {
        /// The row.
        seq: i64,
    },
    /// An export withholds one of its own client's rows.
    #[error("row {seq} belongs to this client but its content was withheld")]
    WithheldOwnRow {
        /// The row.
        seq: i64,
    },
}

fn missing_message(first: i64, last: i64) -> String {
    if first == last {
        format!("row {first} is missing (deleted)")
    } else {
        format!("rows {first} to {last} are missing (deleted)")
    }
}

fn tail_message(last_seq: i64, head_seq: i64) -> String {
    let missing = missing_message(last_seq + 1, head_seq);
    format!("{missing} from the end: the log stops at row {last_seq} but its head record says row {head_seq}")
}

fn relinked_message(seq: i64) -> String {
    if seq == 1 {
        "row 1 does not start the chain: it was replaced".to_string()
    } else {
        format!("row {} was changed and its hash recomputed, or replaced: row {seq} no longer links to it", seq - 1)
    }
}

impl ChainProblem {
    /// The row the problem names.
    pub fn seq(&self) -> i64 {
        match *self {
            ChainProblem::Edited { seq }
            | ChainProblem::Reordered { seq, .. }
            | ChainProblem::HeadMismatch { seq }
            | ChainProblem::ForeignRow { seq }
            | ChainProblem::WithheldOwnRow { seq } => seq,
            ChainProblem::Relinked { seq } => (seq - 1).max(1),
            ChainProblem::Missing { first, .. } => first,
            ChainProblem::TailMissing { last_seq, .. } => last_seq + 1,
        }
    }
}

/// The verdict on a chain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChainReport {
    /// Rows checked.
    pub rows_checked: i64,
    /// The last row in chain order.
    pub last_seq: i64,
    /// What is wrong, in the order found.
    pub problems: Vec<ChainProblem>,
}

impl ChainReport {
    /// Whether nothing is wrong.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks rows one at a time, in the order they are stored, so a long log need not fit in
/// memory.
#[derive(Debug)]
pub struct ChainVerifier {
    prev_hash: String,
    last_seq: i64,
    late: BTreeSet<i64>,
    report: ChainReport,
}

impl ChainVerifier {
    /// A verifier for a chain (or a piece of one) whose first row should be `first_seq` and link
    /// to `prev_hash` ([`GENESIS_HASH`] and 1 for a whole log).
    pub fn new(prev_hash: &str, first_seq: i64) -> ChainVerifier {
        ChainVerifier {
            prev_hash: prev_hash.to_string(),
            last_seq: first_seq - 1,
            late: BTreeSet::new(),
            report: ChainReport::default(),
        }
    }

    /// Checks the next row.
    pub fn check(&mut self, link: &ChainLink) {
        self.report.rows_checked += 1;
        let whole = row_hash(&link.prev_hash, link.seq, link.client_id, &link.body_digest) == link.hash;
        if !whole {
            self.report.problems.push(ChainProblem::Edited { seq: link.seq });
        }
        let expected = self.last_seq + 1;
        if link.seq < expected {
            self.late.insert(link.seq);
            self.report.problems.push(ChainProblem::Reordered { seq: link.seq, after: self.last_seq });
            return;
        }
        if link.seq > expected {
            self.report.problems.push(ChainProblem::Missing { first: expected, last: link.seq - 1 });
        } else if whole && link.prev_hash != self.prev_hash {
            self.report.problems.push(ChainProblem::Relinked { seq: link.seq });
        }
        self.last_seq = link.seq;
        self.prev_hash.clone_from(&link.hash);
    }

    /// Adds a problem found by a caller (an export's own checks).
    pub fn report(&mut self, problem: ChainProblem) {
        self.report.problems.push(problem);
    }

    /// The verdict, checked against the head the log recorded (`(seq, hash)` of its last row),
    /// when there is one.
    pub fn finish(mut self, head: Option<(i64, &str)>) -> ChainReport {
        // A row reported missing that turned up later was moved, not deleted.
        let late = std::mem::take(&mut self.late);
        let mut problems = Vec::new();
        for problem in std::mem::take(&mut self.report.problems) {
            match problem {
                ChainProblem::Missing { first, last } => {
                    problems.extend(missing_ranges(first, last, &late));
                }
                other => problems.push(other),
            }
        }
        self.report.problems = problems;
        if let Some((head_seq, head_hash)) = head {
            if self.last_seq < head_seq {
                self.report.problems.push(ChainProblem::TailMissing { last_seq: self.last_seq, head_seq });
            } else if self.last_seq > head_seq || self.prev_hash != head_hash {
                self.report.problems.push(ChainProblem::HeadMismatch { seq: self.last_seq });
            }
        }
        self.report.last_seq = self.last_seq;
        self.report
    }
}

fn missing_ranges(first: i64, last: i64, late: &BTreeSet<i64>) -> Vec<ChainProblem> {
    let mut ranges = Vec::new();
    let mut start = None;
    for seq in first..=last {
        match (late.contains(&seq), start) {
            (false, None) => start = Some(seq),
            (true, Some(s)) => {
                ranges.push(ChainProblem::Missing { first: s, last: seq - 1 });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        ranges.push(ChainProblem::Missing { first: s, last });
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<ChainLink> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let body_digest = format!("{seq:064x}");
                let hash = row_hash(&prev, seq, Some(7), &body_digest);
                let link =
                    ChainLink { seq, client_id: Some(7), body_digest, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                link
            })
            .collect()
    }

    fn verify(links: &[ChainLink]) -> ChainReport {
        let mut verifier = ChainVerifier::new(GENESIS_HASH, 1);
        links.iter().for_each(|link| verifier.check(link));
        let head = links.iter().max_by_key(|l| l.seq).map(|l| (l.seq, l.hash.as_str()));
        verifier.finish(head)
    }

    #[test]
    fn an_untouched_chain_is_intact() {
        let report = verify(&chain(5));
        assert!(report.is_intact(), "{:?}", report.problems);
        assert_eq!(report.rows_checked, 5);
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut links = chain(5);
        links[2].body_digest = format!("{:064x}", 99);
        assert_eq!(verify(&links).problems, vec![ChainProblem::Edited { seq: 3 }]);
    }

    #[test]
    fn a_row_moved_to_another_client_is_an_edit() {
        let mut links = chain(3);
        links[1].client_id = Some(8);
        assert_eq!(verify(&links).problems, vec![ChainProblem::Edited { seq: 2 }]);
    }

    #[test]
    fn a_rehashed_row_breaks_the_next_link() {
        let mut links = chain(4);
        links[1].body_digest = format!("{:064x}", 99);
        links[1].hash = row_hash(&links[1].prev_hash, 2, Some(7), &links[1].body_digest);
        let problems = verify(&links).problems;
        assert_eq!(problems, vec![ChainProblem::Relinked { seq: 3 }]);
        assert_eq!(problems[0].seq(), 2);
        assert!(problems[0].to_string().starts_with("row 2 was changed"));
    }

    #[test]
    fn deleted_rows_are_named() {
        let mut links = chain(6);
        links.drain(1..3);
        let problems = verify(&links).problems;
        assert_eq!(problems, vec![ChainProblem::Missing { first: 2, last: 3 }]);
        assert_eq!(problems[0].to_string(), "rows 2 to 3 are missing (deleted)");
    }

    #[test]
    fn a_deleted_tail_shows_against_the_head() {
        let links = chain(5);
        let mut verifier = ChainVerifier::new(GENESIS_HASH, 1);
        links[..3].iter().for_each(|link| verifier.check(link));
        let problems = verifier.finish(Some((5, &links[4].hash))).problems;
        assert_eq!(problems, vec![ChainProblem::TailMissing { last_seq: 3, head_seq: 5 }]);
    }

    #[test]
    fn swapped_rows_are_out_of_order_not_missing() {
        let mut links = chain(5);
        links.swap(1, 2);
        assert_eq!(verify(&links).problems, vec![ChainProblem::Reordered { seq: 2, after: 3 }]);
    }

    #[test]
    fn a_replaced_first_row_is_named() {
        let mut links = chain(3);
        let mut prev = format!("{:064x}", 1);
        for link in &mut links {
            link.prev_hash = prev;
            link.hash = row_hash(&link.prev_hash, link.seq, Some(7), &link.body_digest);
            prev = link.hash.clone();
        }
        let problems = verify(&links).problems;
        assert_eq!(problems, vec![ChainProblem::Relinked { seq: 1 }]);
        assert_eq!(problems[0].to_string(), "row 1 does not start the chain: it was replaced");
    }

    #[test]
    fn the_body_digest_covers_every_field() {
        let findings = vec![AuditFinding { kind: "EMAIL".into(), rule_id: "email".into(), fingerprint: None }];
        let body = RowBody {
            event_id: "e",
            at: "t1",
            recorded_at: "t2",
            site: "https://a",
            action: "redacted",
            findings: &findings,
        };
        let base = body_digest(&body);
        let changed = [
            RowBody { event_id: "f", ..body },
            RowBody { at: "t3", ..body },
            RowBody { recorded_at: "t3", ..body },
            RowBody { site: "https://b", ..body },
            RowBody { action: "ignored", ..body },
            RowBody { findings: &[], ..body },
        ];
        for other in changed {
            assert_ne!(body_digest(&other), base);
        }
    }
}
