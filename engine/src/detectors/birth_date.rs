//! Dates of birth: a real calendar date with a birth word before it ("born", "DOB", "né le",
//! "geboren", "fecha de nacimiento", "出生"). A date without such a word is just a date.

use super::national::valid_date;
use super::text::{GroupShape, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds dates of birth.
#[derive(Debug, Default)]
pub struct BirthDateDetector;

const BIRTH_WORDS: &[&str] = &[
    "born",
    "birth",
    "dob",
    "d.o.b",
    "b-day",
    "bday",
    "né le",
    "née le",
    "né en",
    "naissance",
    "geboren",
    "geburt",
    "geb.",
    "nacimiento",
    "nacido",
    "nacida",
    "nato il",
    "nata il",
    "nascita",
    "geboortedatum",
    "出生",
    "生日",
    "生年月日",
    "誕生日",
    "生于",
];
const CONTEXT_WINDOW: usize = 40;

/// Month names and abbreviations in English, French, German, Spanish, Italian and Dutch.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
    ("januar", 1), ("februar", 2), ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("agosto", 8), ("septiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
    ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
    ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

impl Detector for BirthDateDetector {
    fn id(&self) -> &'static str {
        "date_of_birth"
    }

    fn label(&self) -> &'static str {
        "Dates of birth"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        for span in birth_dates(text, may_start_date) {
            out.push(Candidate::builtin(
                Kind::DateOfBirth,
                "date_of_birth",
                "Date of birth",
                span,
                0.9,
                Severity::Medium,
                Validation::Context,
            ));
        }
    }
}

/// Every date of birth in `text`, trying only the groups `worth_trying` lets through.
fn birth_dates(text: &ScanText<'_>, worth_trying: fn(GroupShape) -> bool) -> Vec<Span> {
    let mut found = Vec::new();
    text.for_each_candidate(worth_trying, |i| {
        let Some((count, span)) = date_at(text, i) else { return i + 1 };
        if text.context_before(span.start, CONTEXT_WINDOW, BIRTH_WORDS) {
            found.push(span);
        }
        i + count
    });
    found
}

/// Whether a date may start at a group, from its [`GroupShape`]: a date of three groups has
/// six digits at least, close together ([`date_at`]), and starts with a year and a month one
/// separator apart, or a day and a month ([`numeric_date`]), or a year and `年` ([`cjk_date`]);
/// one with a month name has a day of one or two digits and a year of four
/// ([`named_month_date`]).
fn may_start_date(shape: GroupShape) -> bool {
    let GroupShape { len, next_len, after, gap, run, .. } = shape;
    let numeric =
        (gap == 1) & matches!(after, b'-' | b'/' | b'.') & ((len == 4) | (len <= 2)) & matches!(next_len, 1..=2);
    let cjk = (len >= 4) & (usize::from(gap) == YEAR.len()) & (after == YEAR.as_bytes()[0]);
    ((run >= 6) & (numeric | cjk)) | ((len <= 2) & (next_len == 4))
}

/// What stands after the year of a CJK date.
const YEAR: &str = "年";

/// A real date whose first group is `i` (or whose month name comes just before group `i`):
/// the number of groups it uses and its span.
fn date_at(text: &ScanText<'_>, i: usize) -> Option<(usize, Span)> {
    // A date of three groups (numeric or CJK) has at least six digits at most three bytes
    // apart; most groups have fewer, and then the text around them need not be read.
    let three_groups = if text.run_digits(i) >= 6 { numeric_date(text, i).or_else(|| cjk_date(text, i)) } else { None };
    three_groups.or_else(|| named_month_date(text, i))
}

fn group_value(text: &ScanText<'_>, k: usize) -> Option<u32> {
    let g = text.groups().get(k)?;
    text.slice(g.span.start, g.span.end).parse().ok()
}

/// 1985-03-12, 1985/3/12, 12/03/1985, 03/12/1985, 12.03.1985, 12-03-1985.
fn numeric_date(text: &ScanText<'_>, i: usize) -> Option<(usize, Span)> {
    let groups = text.groups();
    if i + 2 >= groups.len() {
        return None;
    }
    // The group lengths first: they are read without touching the text.
    let lens = (groups[i].len(), groups[i + 1].len(), groups[i + 2].len());
    if !matches!(lens, (4, 1..=2, 1..=2) | (1..=2, 1..=2, 4)) {
        return None;
    }
    let separator = text.gap(i);
    if !matches!(separator, "-" | "/" | ".") || text.gap(i + 1) != separator {
        return None;
    }
    let (a, b, c) = (group_value(text, i)?, group_value(text, i + 1)?, group_value(text, i + 2)?);
    let valid = match lens {
        (4, _, _) => plausible_year(a) && valid_date(a, b, c),
        _ => plausible_year(c) && (valid_date(c, b, a) || valid_date(c, a, b)),
    };
    let span = Span::new(groups[i].span.start, groups[i + 2].span.end);
    (valid && text.stands_alone(span.start, span.end) && !text.continues(span.start, span.end, separator.as_bytes()))
        .then_some((3, span))
}

/// 1985年3月12日.
fn cjk_date(text: &ScanText<'_>, i: usize) -> Option<(usize, Span)> {
    let groups = text.groups();
    // A plausible year has four digits at least.
    if i + 2 >= groups.len() || groups[i].len() < 4 || text.gap(i) != YEAR || text.gap(i + 1) != "月" {
        return None;
    }
    let (y, m, d) = (group_value(text, i)?, group_value(text, i + 1)?, group_value(text, i + 2)?);
    let end = groups[i + 2].span.end;
    let end = if text.text[end..].starts_with('日') { end + '日'.len_utf8() } else { end };
    (plausible_year(y) && valid_date(y, m, d)).then_some((3, Span::new(groups[i].span.start, end)))
}

/// 12 March 1985, 12. März 1985, 12 de marzo de 1985, March 12, 1985.
fn named_month_date(text: &ScanText<'_>, i: usize) -> Option<(usize, Span)> {
    let groups = text.groups();
    let s = text.text;
    if i + 1 >= groups.len() || groups[i].len() > 2 || groups[i + 1].len() != 4 {
        return None;
    }
    let gap_len = groups[i + 1].span.start - groups[i].span.end;
    // Day first: "12 March 1985", "12. März 1985", "12 de marzo de 1985".
    let between = &s[groups[i].span.end..groups[i + 1].span.start];
    // A month name and what may stand around it ("12. März 1985", "12 de marzo de 1985") hold no
    // ASCII byte but letters, spaces, full stops and commas: a gap such as ":\n  port: " or
    // " days.\n" is ruled out before it is lower-cased.
    let may_name_month = |between: &str| {
        between.bytes().all(|b| !b.is_ascii() || b.is_ascii_alphabetic() || matches!(b, b' ' | b'.' | b','))
    };
    if (4..=24).contains(&gap_len) && may_name_month(between) {
        let between = between.to_lowercase();
        let words = between.trim_matches(|c: char| c == ' ' || c == '.' || c == ',');
        let words = words.strip_prefix("de ").unwrap_or(words);
        let words = words.strip_suffix(" de").unwrap_or(words);
        if let Some(month) = month_named(words) {
            let (day, year) = (group_value(text, i)?, group_value(text, i + 1)?);
            if groups[i + 1].len() == 4 && plausible_year(year) && valid_date(year, month, day) {
                return Some((2, Span::new(groups[i].span.start, groups[i + 1].span.end)));
            }
        }
    }
    // Month first: "March 12, 1985".
    let after_word = groups[i].span.start >= 2
        && s.as_bytes()[groups[i].span.start - 1] == b' '
        && s[..groups[i].span.start - 1].chars().next_back().is_some_and(|c| c.is_alphabetic() || c == '.');
    if after_word && matches!(text.gap(i), ", " | " ") {
        let before = &s[..groups[i].span.start];
        let trimmed = before.trim_end();
        let word_start =
            trimmed.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(p, c)| p + c.len_utf8());
        let word = before[word_start..].trim_end().trim_end_matches('.').to_lowercase();
        if let Some(month) = month_named(&word) {
            let (day, year) = (group_value(text, i)?, group_value(text, i + 1)?);
            if plausible_year(year) && valid_date(year, month, day) {
                return Some((2, Span::new(word_start, groups[i + 1].span.end)));
            }
        }
    }
    None
}

fn month_named(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, month)| month)
}

fn plausible_year(year: u32) -> bool {
    (1900..=2030).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        BirthDateDetector.detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_birth_dates_in_many_formats() {
        assert_eq!(found("DOB: 1985-03-12"), ["1985-03-12"]);
        assert_eq!(found("born on 12/03/1985 in Leeds"), ["12/03/1985"]);
        assert_eq!(found("né le 12.03.1985"), ["12.03.1985"]);
        assert_eq!(found("Date of birth: 12 March 1985"), ["12 March 1985"]);
        assert_eq!(found("born March 12, 1985"), ["March 12, 1985"]);
        assert_eq!(found("生日：March 12, 1985"), ["March 12, 1985"]);
        assert!(found("账户：ES 12, 1985").is_empty());
        assert_eq!(found("fecha de nacimiento: 12 de marzo de 1985"), ["12 de marzo de 1985"]);
        assert_eq!(found("Geburtsdatum 12. März 1985"), ["12. März 1985"]);
        assert_eq!(found("出生日期：1985年3月12日"), ["1985年3月12日"]);
    }

    #[test]
    fn finds_every_month_name_after_the_day_in_any_case() {
        for (name, _) in MONTHS {
            for form in [name.to_string(), name.to_uppercase()] {
                for text in [format!("born 12 {form} 1985"), format!("born 12. {form}, 1985")] {
                    assert_eq!(found(&text), [&text["born ".len()..]], "{text}");
                }
            }
        }
    }

    #[test]
    fn rules_out_on_the_group_shape_only_groups_that_start_no_date() {
        let dates = [
            "1985-03-12",
            "1985/3/12",
            "12/03/1985",
            "3.12.1985",
            "12-03-1985",
            "1985年3月12日",
            "1985年03月12",
            "12 March 1985",
            "12. März 1985",
            "12 de marzo de 1985",
            "March 12, 1985",
            "Mar 1, 1985",
            "12 03 1985",
        ];
        for date in dates {
            for (before, after) in [("born ", ""), ("DOB: 7 ", "."), ("x", "4"), ("生日 1985年", " 12 born 1990")] {
                let text = format!("{before}{date}{after}");
                let scan = ScanText::new(&text);
                assert_eq!(birth_dates(&scan, may_start_date), birth_dates(&scan, |_| true), "{text}");
            }
        }
    }

    #[test]
    fn ignores_dates_without_a_birth_word_and_impossible_dates() {
        for text in
            ["meeting on 1985-03-12", "invoice date 12/03/2024", "born 1985-02-30", "DOB 31/31/1985", "born in 1985"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
