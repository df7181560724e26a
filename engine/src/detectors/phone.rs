//! Telephone numbers, international (E.164 with a known calling code and a national number of
//! the right length) and national (the layouts each country writes, see [`phone_plans`]).
//!
//! Dates, versions, prices and order numbers are what a phone detector gets wrong, so a
//! national number must have its country's grouping and leading digits, a compact one needs a
//! word such as "phone" or "电话" nearby, and a number next to "order", "invoice", "#"… is
//! not a phone number unless a phone word says otherwise.

use super::phone_plans::{calling_code, NationalFormat, NATIONAL_FORMATS, NOT_PHONE_WORDS, PHONE_WORDS};
use super::text::{GroupShape, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds telephone numbers.
#[derive(Debug)]
pub struct PhoneDetector {
    /// For each length of a first group and of the group after it (0 to 11 digits; 0 when no
    /// format of more than one group can start there), the national formats that start so, in
    /// plan order: most groups have none, and are done with at once.
    formats_by_start: Vec<Vec<Vec<&'static NationalFormat>>>,
}

/// Groups longer than this start no national format.
const LONGEST_GROUP: usize = 11;

impl PhoneDetector {
    /// Indexes the numbering plans.
    pub fn new() -> PhoneDetector {
        let mut formats_by_start = vec![vec![Vec::new(); LONGEST_GROUP + 1]; LONGEST_GROUP + 1];
        for format in NATIONAL_FORMATS {
            let Some(by_second) = formats_by_start.get_mut(format.groups[0]) else { continue };
            match format.groups.get(1) {
                // A format of one group fits whatever follows it.
                None => by_second.iter_mut().for_each(|list| list.push(format)),
                Some(&second) => by_second.get_mut(second).into_iter().for_each(|list| list.push(format)),
            }
        }
        PhoneDetector { formats_by_start }
    }

    /// The national formats that may start at group `i`, by its length and the next group's.
    fn formats_at(&self, text: &ScanText<'_>, i: usize) -> &[&'static NationalFormat] {
        let groups = text.groups();
        let second = groups.get(i + 1).map_or(0, |g| if g.len() <= LONGEST_GROUP { g.len() } else { 0 });
        self.formats_by_start.get(groups[i].len()).map_or(&[][..], |by_second| &by_second[second])
    }

    /// [`Detector::detect`], trying only the groups that `worth_trying` lets through.
    fn detect_in(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>, worth_trying: impl Fn(GroupShape) -> bool) {
        text.for_each_candidate(worth_trying, |i| {
            match international(text, i).or_else(|| national(text, i, self.formats_at(text, i))) {
                Some((count, span, rule, confidence)) => {
                    out.push(Candidate::builtin(
                        Kind::Phone,
                        rule,
                        "Phone number",
                        span,
                        confidence,
                        Severity::Medium,
                        Validation::Format,
                    ));
                    i + count
                }
                None => i + 1,
            }
        });
    }
}

impl Default for PhoneDetector {
    fn default() -> Self {
        PhoneDetector::new()
    }
}

/// Separators allowed between the groups of an international number.
const INTERNATIONAL_GAPS: &[&str] = &[" ", "-", ".", " (", ") ", "(", ")", "\u{a0}", "/"];
/// How far around a number context words are looked for, in bytes.
const CONTEXT_WINDOW: usize = 48;
const NEGATIVE_WINDOW: usize = 20;

impl Detector for PhoneDetector {
    fn id(&self) -> &'static str {
        "phone"
    }

    fn label(&self) -> &'static str {
        "Phone numbers"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        self.detect_in(text, out, may_start_phone);
    }
}

/// Whether a number may start at a group of this shape, a looser test run 64 groups at a
/// time: the shortest number Hush knows has seven digits (after a calling code); a group of
/// one digit starts an international number only after `+` (`00` is two digits), and a
/// national one only before a group of three (the only such layout is `1 415 555 0134`; a
/// test checks the layouts).
fn may_start_phone(shape: GroupShape) -> bool {
    (shape.run >= 7) & ((shape.len >= 2) | (shape.before == b'+') | (shape.next_len == 3))
}

type Found = (usize, Span, &'static str, f32);

/// An international number whose first group is at `i`: `+` (or `00`) and a calling code.
fn international(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let groups = text.groups();
    let first = groups[i].span;
    let plus = text.byte_before(first.start) == Some(b'+');
    let double_zero = !plus && text.bytes[first.start..first.end].starts_with(b"00");
    if !plus && !double_zero {
        return None;
    }
    let start = if plus { first.start - 1 } else { first.start };
    if !text.boundary_before(start) {
        return None;
    }
    // Gather the groups that belong together, skipping a "(0)" trunk prefix (room for the
    // digits of a long number and its runs up front, rather than growing both group by group).
    let mut digits = String::with_capacity(24);
    let mut ends = Vec::with_capacity(8);
    let mut k = i;
    loop {
        let group = text.slice(groups[k].span.start, groups[k].span.end);
        let trunk = k > i && group == "0" && text.gap(k - 1).ends_with('(');
        if !trunk {
            digits.push_str(group);
        }
        // Each run's digits are a prefix of the longest run's: keep its length only.
        ends.push((k, digits.len()));
        if digits.len() > 17 || k + 1 >= groups.len() || !INTERNATIONAL_GAPS.contains(&text.gap(k)) {
            break;
        }
        k += 1;
    }
    // "00" then digits without any separator is as often a barcode or an account number as
    // an international call: it needs a phone word nearby.
    let compact_double_zero = double_zero && ends.len() == 1;
    if compact_double_zero && !text.context_around(start, first.end, CONTEXT_WINDOW, PHONE_WORDS) {
        return None;
    }
    // Every run's national number starts like the longest one, so once it has three digits
    // (the longest calling code) its calling code is the longest one's, looked up once.
    let longest_code = if double_zero { digits.get(2..) } else { Some(digits.as_str()) }.and_then(calling_code);
    // The longest run of groups that makes a valid number wins.
    for (last, len) in ends.into_iter().rev() {
        let digits = &digits[..len];
        let national = if double_zero { digits.get(2..)? } else { digits };
        let code = if national.len() >= 3 { longest_code } else { calling_code(national) };
        let Some((code_len, min, max)) = code else { continue };
        let nsn = national.len() - code_len;
        let end = groups[last].span.end;
        if (usize::from(min)..=usize::from(max)).contains(&nsn)
            && !text.continues(start, end, b" -.")
            && text.boundary_after(end)
        {
            return Some((last - i + 1, Span::new(start, end), "phone.international", 0.95));
        }
    }
    None
}

/// A national number whose first group is at `i`, in one of its country's layouts.
fn national(text: &ScanText<'_>, i: usize, formats: &[&NationalFormat]) -> Option<Found> {
    if formats.is_empty() {
        return None;
    }
    let groups = text.groups();
    let first = groups[i].span;
    let parenthesised = text.byte_before(first.start) == Some(b'(');
    let start = if parenthesised { first.start - 1 } else { first.start };
    for format in formats {
        let count = format.groups.len();
        if i + count > groups.len() || (0..count).any(|k| groups[i + k].len() != format.groups[k]) {
            continue;
        }
        let gaps_fit = (i..i + count - 1).all(|k| {
            let gap = text.gap(k);
            format.separators.contains(&gap) || (k == i && parenthesised && (gap == ") " || gap == ")"))
        });
        if !gaps_fit || (parenthesised && count > 1 && !text.gap(i).starts_with(')')) {
            continue;
        }
        // The number's first two digits, read in place rather than copied out.
        let mut digits = groups[i..i + count].iter().flat_map(|g| &text.bytes[g.span.start..g.span.end]);
        let (Some(first), Some(second)) = (digits.next(), digits.next()) else { continue };
        if !format.first.contains(first) || !format.second.contains(second) {
            continue;
        }
        let end = groups[i + count - 1].span.end;
        if !text.stands_alone(start, end) || text.continues(start, end, b" -./") {
            continue;
        }
        let phone_word = text.context_around(start, end, CONTEXT_WINDOW, PHONE_WORDS);
        if format.needs_context && !phone_word {
            continue;
        }
        if !phone_word && text.context_before(start, NEGATIVE_WINDOW, NOT_PHONE_WORDS) {
            continue;
        }
        let confidence = if phone_word { 0.9 } else { 0.8 };
        return Some((count, Span::new(start, end), rule(format.country), confidence));
    }
    None
}

fn rule(country: &str) -> &'static str {
    match country {
        "us" => "phone.us",
        "uk" => "phone.uk",
        "fr" => "phone.fr",
        "de" => "phone.de",
        "es" => "phone.es",
        "it" => "phone.it",
        "nl" => "phone.nl",
        "cn" => "phone.cn",
        "in" => "phone.in",
        "jp" => "phone.jp",
        "sg" => "phone.sg",
        _ => "phone.national",
    }
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
