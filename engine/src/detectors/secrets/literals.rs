//! Searches for sets of literals with aho-corasick's packed searcher (Teddy): [`LiteralSet`]
//! hands it the literals in the order [`buckets::arrange`] picks, and [`KeyedLiteralSet`]
//! finds many literals by searching for fewer, shorter keys they contain.

use aho_corasick::{packed, AhoCorasick, AhoCorasickBuilder, Input, Match, MatchKind};

use super::buckets;

/// A set of literals looked for leftmost-longest, with the vectorised packed searcher itself:
/// an Aho-Corasick automaton over these sets hands every search to that searcher anyway, and
/// its own per-match work cost a fifth of the search. Where there is no packed searcher (the
/// wasm build, more than 64 literals), the automaton searches.
#[derive(Debug)]
pub(super) struct LiteralSet {
    packed: Option<packed::Searcher>,
    /// For each literal in the packed searcher's order, its index in the caller's list.
    caller_index: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

impl LiteralSet {
    /// A searcher for `literals` (distinct, none empty); a match's pattern is the index of its
    /// literal.
    pub(super) fn new<L: AsRef<[u8]>>(literals: &[L]) -> LiteralSet {
        let caller_index = if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
            buckets::arrange(literals, packed_buckets(literals.len()))
        } else {
            (0..literals.len()).collect()
        };
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostLongest)
            .builder()
            .extend(caller_index.iter().map(|&i| literals[i].as_ref()))
            .build();
        let automaton = match packed {
            Some(_) => None,
            None => AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(literals).ok(),
        };
        LiteralSet { packed, caller_index, automaton }
    }

    /// The leftmost-longest match in `text` starting at or after `from`.
    pub(super) fn find(&self, text: &str, from: usize) -> Option<Match> {
        match (&self.packed, &self.automaton) {
            (Some(packed), _) => packed
                .find_in(text, aho_corasick::Span::from(from..text.len()))
                .map(|m| Match::must(self.caller_index[m.pattern().as_usize()], m.span())),
            (None, Some(automaton)) => automaton.find(Input::new(text).range(from..)),
            (None, None) => None,
        }
    }

    /// The matches in `text` that do not overlap, in text order.
    pub(super) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Match> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let found = self.find(text, from)?;
            // Literals are never empty, so every match moves the search on.
            from = found.end();
            Some(found)
        })
    }
}

/// How many buckets the packed searcher fills for this many literals: 16 in its "fat"
/// variant, which it picks for more than 32 where AVX2 is available, 8 otherwise.
fn packed_buckets(literals: usize) -> usize {
    if literals > 32 && has_avx2() {
        16
    } else {
        8
    }
}

#[cfg(target_arch = "x86_64")]
fn has_avx2() -> bool {
    std::is_x86_feature_detected!("avx2")
}

#[cfg(not(target_arch = "x86_64"))]
fn has_avx2() -> bool {
    false
}

/// Finds exactly what a [`LiteralSet`] of `literals` finds (the leftmost-longest matches that
/// do not overlap, in text order), but searches for shorter keys that the literals contain
/// and compares the literals around each key found. Fewer keys than literals can keep a
/// search within the 32 literals for which the packed searcher reads 32 bytes a step instead
/// of 16, and variants of one word (`api_key`, `apiKey`, `ACCESS_KEY`) need one key.
///
/// Every occurrence of every key is found (the search goes on one byte after each), so every
/// occurrence of every literal is; choosing among them as a leftmost-longest search does gives
/// its matches.
#[derive(Debug)]
pub(super) struct KeyedLiteralSet {
    keys: LiteralSet,
    literals: Vec<Vec<u8>>,
    /// For each key, the literals it keys and where it starts in them.
    keyed: Vec<Vec<(usize, usize)>>,
    /// The largest of those offsets: how far before a key a literal may start.
    reach: usize,
}

impl KeyedLiteralSet {
    /// A searcher for `literals` (distinct, none empty), each keyed by the first of `keys` it
    /// contains; no key may start another (the search would find only the longer). A
    /// literal that holds no key is never found (the tests check the sets in use).
    pub(super) fn new<L: AsRef<[u8]>, K: AsRef<[u8]>>(literals: &[L], keys: &[K]) -> KeyedLiteralSet {
        let mut keyed = vec![Vec::new(); keys.len()];
        let mut reach = 0;
        for (i, literal) in literals.iter().enumerate() {
            let literal = literal.as_ref();
            let place = keys.iter().enumerate().find_map(|(k, key)| {
                let key = key.as_ref();
                literal.windows(key.len()).position(|w| w == key).map(|offset| (k, offset))
            });
            if let Some((k, offset)) = place {
                keyed[k].push((i, offset));
                reach = reach.max(offset);
            }
        }
        KeyedLiteralSet {
            keys: LiteralSet::new(keys),
            literals: literals.iter().map(|l| l.as_ref().to_vec()).collect(),
            keyed,
            reach,
        }
    }

    /// The leftmost-longest matches of the literals in `text` that do not overlap, in text order.
    pub(super) fn matches(&self, text: &str) -> Vec<Match> {
        let bytes = text.as_bytes();
        let mut chosen = Chosen::default();
        // Occurrences found but not chosen yet, as (start, end, literal), by start, longest first.
        let mut pending: Vec<(usize, usize, usize)> = Vec::new();
        let mut from = 0;
        while let Some(key) = self.keys.find(text, from) {
            let at = key.start();
            from = at + 1;
            // Keys found from here on start after `at`, so their literals start after
            // `at - reach`: the occurrences starting before are all known.
            chosen.take(&mut pending, at.saturating_sub(self.reach));
            for &(literal, offset) in &self.keyed[key.pattern().as_usize()] {
                let Some(start) = at.checked_sub(offset) else { continue };
                let expected = &self.literals[literal][..];
                let end = start + expected.len();
                // The first byte alone rules out most literals keyed the same way (`API_KEY`
                // at the `KEY` of `ACCESS_KEY`), without a call to compare the rest.
                if bytes.get(start) == expected.first() && bytes.get(start..end) == Some(expected) {
                    let by_start = |p: &(usize, usize, usize)| (p.0, std::cmp::Reverse(p.1));
                    let place = pending.partition_point(|p| by_start(p) < by_start(&(start, end, literal)));
                    pending.insert(place, (start, end, literal));
                }
            }
        }
        chosen.take(&mut pending, usize::MAX);
        chosen.matches
    }
}

/// The matches chosen so far, as a leftmost-longest search chooses them.
#[derive(Debug, Default)]
struct Chosen {
    matches: Vec<Match>,
    end: usize,
}

impl Chosen {
    /// Takes the `pending` occurrences that start before `before` (they come first), keeping
    /// each that starts after the last match chosen ends.
    fn take(&mut self, pending: &mut Vec<(usize, usize, usize)>, before: usize) {
        let known = pending.iter().take_while(|p| p.0 < before).count();
        for (start, end, literal) in pending.drain(..known) {
            if start >= self.end {
                self.matches.push(Match::must(literal, start..end));
                self.end = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(m: Match) -> (usize, usize, usize) {
        (m.start(), m.end(), m.pattern().as_usize())
    }

    fn automaton(literals: &[String]) -> AhoCorasick {
        AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(literals).unwrap()
    }

    #[test]
    fn a_literal_set_finds_what_a_leftmost_longest_automaton_finds() {
        let text = "sk-proj-x sk-ant sk- passwd PASSWORD pass_pwd Secretoken apikey api_key 密码 ghp_ gh";
        let few = ["sk-", "sk-proj-", "sk-ant-", "pass", "passwd", "PASS", "pwd", "Secret", "token", "apikey", "密码"];
        // More literals than the packed searcher takes: the automaton searches.
        let many: Vec<String> = few.iter().map(|w| w.to_string()).chain((0..70).map(|i| format!("x{i}y"))).collect();
        for literals in [few.iter().map(|w| w.to_string()).collect::<Vec<_>>(), many] {
            let set = LiteralSet::new(&literals);
            let automaton = automaton(&literals);
            let expected: Vec<_> = automaton.find_iter(text).map(spans).collect();
            assert_eq!(set.find_iter(text).map(spans).collect::<Vec<_>>(), expected);
            for from in 0..text.len() {
                let expected = automaton.find(Input::new(text).range(from..)).map(spans);
                assert_eq!(set.find(text, from).map(spans), expected, "from {from}");
            }
        }
        let vectorised = cfg!(any(target_arch = "x86_64", target_arch = "aarch64"));
        assert_eq!(LiteralSet::new(&["ab", "cd"]).packed.is_some(), vectorised);
    }

    #[test]
    fn a_keyed_set_finds_what_a_leftmost_longest_automaton_finds() {
        let literals: Vec<String> = [
            "api_key",
            "apiKey",
            "API_KEY",
            "key",
            "monkey",
            "pass",
            "mot de passe",
            "passe",
            "sk-",
            "sk-ant-",
            "ant-k",
        ]
        .map(String::from)
        .to_vec();
        let keys = ["key", "Key", "KEY", "pass", "sk-", "ant"];
        let set = KeyedLiteralSet::new(&literals, &keys);
        let automaton = automaton(&literals);
        // Fragments of the literals, glued in every order of a few at a time, overlapping.
        let fragments = ["api_", "key", "Key", "API_", "KEY", "mon", "mot de ", "pass", "e", "sk-", "ant-", "k", " "];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(fragments[(state % fragments.len() as u64) as usize]);
            }
            let expected: Vec<_> = automaton.find_iter(&text).map(spans).collect();
            assert_eq!(set.matches(&text).into_iter().map(spans).collect::<Vec<_>>(), expected, "{text}");
        }
    }
}
