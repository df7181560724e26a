//! Chinese names: a common surname and one or two more characters, found only with context,
//! since almost any character can start a name: a title right after it (王伟先生, 李娜女士,
//! 张经理) or a form field right before it (联系人：王伟, 姓名: 李娜).

use aho_corasick::{AhoCorasick, MatchKind};

use super::gazetteer::NameGazetteer;
use super::person::PersonMatch;
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
    pub fn find(&self, text: &str, gazetteer: &NameGazetteer, out: &mut Vec<PersonMatch>) {
        let Some(markers) = &self.markers else { return };
        for m in markers.find_iter(text) {
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
    fn ignores_titles_after_other_words() {
        assert!(names("我们的项目经理明天到").is_empty());
    }
}
