//! Chinese names: a common surname and one or two more characters, found only with context,
//! since almost any character can start a name: a title right after it (王伟先生, 李娜女士,
//! 张经理) or a form field right before it (联系人：王伟, 姓名: 李娜).

use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::gazetteer::NameGazetteer;
use super::person::PersonMatch;
use crate::byte_flags::{self, Lanes, BLOCK};
use crate::Span;

/// Titles written right after a name.
const TITLES: &[&str] = &["先生", "女士", "小姐", "老师", "经理", "医生", "教授", "律师", "总监"];
/// Fields a name follows, with their colon.
const FIELDS: &[&str] = &[
    "姓名：",
    "姓名:",
    "联系人：",
    "联系人:",
    "收件人：",
    "收件人:",
    "负责人：",
    "负责人:",
    "客户：",
    "客户:",
    "申请人：",
    "申请人:",
    "患者：",
    "患者:",
    "签名：",
    "签名:",
];

/// The context words of Chinese names, compiled once.
#[derive(Debug)]
pub struct ChineseNames {
    /// Every title and field: the title's index comes first, then the fields'.
    markers: Option<AhoCorasick>,
}

impl ChineseNames {
    /// Compiles the context words.
    pub fn new() -> ChineseNames {
        let markers =
            AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(TITLES.iter().chain(FIELDS)).ok();
        ChineseNames { markers }
    }

    /// Appends every Chinese name in `text` to `out`.
    ///
    /// The markers are looked for only around the blocks of [`BLOCK`] bytes that hold a byte
    /// that may start one ([`may_start_marker`]): most text holds no Han character, and the
    /// search costs even there. Every marker starts in such a block and ends within
    /// [`LONGEST_MARKER`] bytes of it; stretches searched that would touch are searched as one,
    /// so no marker spans two searches and they find what one search of the whole text finds.
    pub fn find(&self, text: &str, gazetteer: &NameGazetteer, out: &mut Vec<PersonMatch>) {
        let Some(markers) = &self.markers else { return };
        let bytes = text.as_bytes();
        let mut stretch: Option<Range<usize>> = None;
        for (k, block) in bytes.chunks(BLOCK).enumerate() {
            if !may_start_marker(block) {
                continue;
            }
            let (start, end) = (k * BLOCK, (k * BLOCK + BLOCK + LONGEST_MARKER).min(bytes.len()));
            match &mut stretch {
                Some(searched) if searched.end >= start => searched.end = end,
                _ => {
                    if let Some(searched) = stretch.replace(start..end) {
                        self.find_in(text, markers, searched, gazetteer, out);
                    }
                }
            }
        }
        if let Some(searched) = stretch {
            self.find_in(text, markers, searched, gazetteer, out);
        }
    }

    /// Appends the Chinese names whose markers lie in `range` of `text` to `out`.
    fn find_in(
        &self,
        text: &str,
        markers: &AhoCorasick,
        range: Range<usize>,
        gazetteer: &NameGazetteer,
        out: &mut Vec<PersonMatch>,
    ) {
        for m in markers.find_iter(Input::new(text).range(range)) {
            let found = if m.pattern().as_usize() < TITLES.len() {
                name_before(text, m.start(), gazetteer).map(|span| PersonMatch { span, confidence: 0.8 })
            } else {
                let start = m.end() + text[m.end()..].len() - text[m.end()..].trim_start().len();
                name_after(text, start, gazetteer).map(|span| PersonMatch { span, confidence: 0.75 })
            };
            out.extend(found);
        }
    }
}

/// The smallest byte that starts a marker (the first byte of a Han character).
const FIRST_MARKER_BYTE: u8 = smallest_first_byte(TITLES, smallest_first_byte(FIELDS, u8::MAX));

/// The length in bytes of the longest marker.
const LONGEST_MARKER: usize = 12;

/// The smallest of `below` and the first bytes of `words`.
const fn smallest_first_byte(words: &[&str], below: u8) -> u8 {
    let mut smallest = below;
    let mut i = 0;
    while i < words.len() {
        if words[i].as_bytes()[0] < smallest {
            smallest = words[i].as_bytes()[0];
        }
        i += 1;
    }
    smallest
}

/// Whether `block` holds a byte that may start a marker, a byte from [`FIRST_MARKER_BYTE`] on:
/// for a whole block, whether its largest byte is one, found sixteen bytes at a time.
fn may_start_marker(block: &[u8]) -> bool {
    match block.first_chunk::<BLOCK>() {
        Some(whole) => {
            let lanes = |k: usize| Lanes::new(whole[16 * k..16 * k + 16].try_into().unwrap_or_default());
            let largest = lanes(0).max(lanes(1)).max(lanes(2)).max(lanes(3));
            byte_flags::lanes_in_range(largest, FIRST_MARKER_BYTE, u8::MAX).any()
        }
        None => block.iter().any(|&b| b >= FIRST_MARKER_BYTE),
    }
}

impl Default for ChineseNames {
    fn default() -> Self {
        ChineseNames::new()
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// The surname at `at` and its length in bytes: two characters (欧阳) before one.
fn surname_at(text: &str, at: usize, gazetteer: &NameGazetteer) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut ends = rest.char_indices().map(|(i, c)| i + c.len_utf8());
    let one = ends.next()?;
    let two = ends.next();
    two.filter(|&two| gazetteer.is_cjk_surname(&rest[..two]))
        .or_else(|| gazetteer.is_cjk_surname(&rest[..one]).then_some(one))
}

/// The name that ends right before a title at `title`: a surname and one or two characters
/// common in given names, or a surname alone that no other character touches (张经理).
fn name_before(text: &str, title: usize, gazetteer: &NameGazetteer) -> Option<Span> {
    let before: Vec<(usize, char)> =
        text[..title].char_indices().rev().take_while(|&(_, c)| is_han(c)).take(3).collect();
    // The longest name first: surname plus two characters, then one, then the surname alone.
    (1..=before.len()).rev().find_map(|len| {
        let start = before[len - 1].0;
        let surname = surname_at(text, start, gazetteer)?;
        let given = &text[start + surname..title];
        let name_like = if given.is_empty() {
            before.len() == len
        } else {
            given.chars().count() <= 2 && given.chars().all(|c| gazetteer.is_cjk_given(c))
        };
        name_like.then_some(Span::new(start, title))
    })
}

/// The name at `start`, right after a field: a surname and one or two characters.
fn name_after(text: &str, start: usize, gazetteer: &NameGazetteer) -> Option<Span> {
    let surname = surname_at(text, start, gazetteer)?;
    let rest = &text[start + surname..];
    let run: Vec<(usize, char)> = rest.char_indices().take_while(|&(_, c)| is_han(c)).take(3).collect();
    let given = match run.len() {
        0 => return None,
        1 | 2 => run.len(),
        // A longer run: the characters common in given names, one at least.
        _ => run.iter().take(2).take_while(|&&(_, c)| gazetteer.is_cjk_given(c)).count().max(1),
    };
    let end = run.get(given).map_or(start + surname + rest.len(), |&(i, _)| start + surname + i);
    let end = run.get(given - 1).map_or(end, |&(i, c)| start + surname + i + c.len_utf8());
    Some(Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::gazetteer::shipped as gazetteer;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        ChineseNames::new().find(text, &gazetteer(), &mut out);
        out.iter().map(|m| &text[m.span.start..m.span.end]).collect()
    }

    #[test]
    fn finds_names_before_titles_and_after_fields() {
        assert_eq!(names("请联系王伟先生确认。"), ["王伟"]);
        assert_eq!(names("联系人：李娜，电话见下"), ["李娜"]);
        assert_eq!(names("张经理说可以"), ["张"]);
    }

    #[test]
    fn the_longest_marker_is_the_longest() {
        assert_eq!(TITLES.iter().chain(FIELDS).map(|m| m.len()).max(), Some(LONGEST_MARKER));
    }

    #[test]
    fn finds_markers_in_every_block_and_across_blocks() {
        // Markers at every offset from a block's start, across its end, at the text's end.
        for pad in 0..=BLOCK + 2 {
            let text = format!("{}姓名:李娜。{}王伟先生", "x".repeat(pad), "y".repeat(pad % 7));
            assert_eq!(names(&text), ["李娜", "王伟"], "{pad}");
            let text = format!("{}张经理 {}联系人：王伟", "z".repeat(pad), "y".repeat(2 * BLOCK - pad));
            assert_eq!(names(&text), ["张", "王伟"], "{pad}");
        }
    }

    #[test]
    fn ignores_titles_after_other_words() {
        assert!(names("我们的项目经理明天到").is_empty());
    }
}
