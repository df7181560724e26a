//! National ids made of digits only.

use super::super::checksum::{iso7064_mod11_10, luhn, number, verhoeff, weighted_sum};
use super::super::text::{GroupShape, ScanText};
use super::{valid_date, IdMatch};
use crate::Span;

const SSN_WORDS: &[&str] = &["ssn", "social security", "soc. sec", "ss#", "ss #", "ss no"];
const STEUER_WORDS: &[&str] = &["steuer", "idnr", "identifikationsnummer", "tax id", "tin:", "tin "];
const BSN_WORDS: &[&str] = &["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"];
const AADHAAR_WORDS: &[&str] = &["aadhaar", "aadhar", "uidai", "आधार"];
const PESEL_WORDS: &[&str] = &["pesel"];
const CPF_WORDS: &[&str] = &["cpf"];
const SIN_WORDS: &[&str] = &["sin:", "sin ", "sin#", "social insurance", "assurance sociale"];
const SE_WORDS: &[&str] = &["personnummer", "personnr", "person nr", "pnr"];
const NIR_WORDS: &[&str] = &["sécurité sociale", "securite sociale", "nir", "insee", "numéro de sécu", "carte vitale"];
const CONTEXT_WINDOW: usize = 40;

/// Appends every numeric national id in `text` to `out`.
pub(super) fn detect(text: &ScanText<'_>, out: &mut Vec<IdMatch>) {
    detect_in(text, out, may_start_id_shaped);
}

/// [`detect`], trying only the groups that `worth_trying` lets through.
pub(super) fn detect_in(text: &ScanText<'_>, out: &mut Vec<IdMatch>, worth_trying: fn(GroupShape) -> bool) {
    text.for_each_candidate(worth_trying, |i| {
        if !may_start_id(text, i) {
            return i + 1;
        }
        match id_at(text, i) {
            Some((groups, found)) => {
                out.push(found);
                i + groups
            }
            None => i + 1,
        }
    });
}

/// [`may_start_id`] from the group's [`GroupShape`] alone: every numeric id has nine digits at
/// least, and is one group of nine or more (a test checks [`SINGLE_GROUP_LENGTHS`]) or starts
/// with a group one separator away from the next.
fn may_start_id_shaped(shape: GroupShape) -> bool {
    (shape.run >= 9) & ((shape.len >= 9) | ((shape.gap == 1) & is_id_separator(shape.after)))
}

/// The bytes between the groups of an id written in groups.
fn is_id_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'+')
}

type Found = (usize, IdMatch);

/// Group lengths of the ids written as one group (SSN, BSN or SIN 9; CPF, Steuer-ID or PESEL
/// 11; Aadhaar 12; NIR 13 or 15; CN resident id 17 and `X`, or 18).
pub(super) const SINGLE_GROUP_LENGTHS: &[usize] = &[9, 11, 12, 13, 15, 17, 18];

/// The group lengths of the ids written in groups (US SSN; FR NIR, in seven groups or with its
/// key apart; BR CPF; DE Steuer-ID; IN Aadhaar; SE personnummer with and without the century;
/// CA SIN): each id's function reads its own, and [`GROUPED_STARTS`] the first two of each.
const SSN_GROUPS: &[usize] = &[3, 2, 4];
const NIR_GROUPS: &[usize] = &[1, 2, 2, 2, 3, 3, 2];
const NIR_KEY_APART: &[usize] = &[13, 2];
const CPF_GROUPS: &[usize] = &[3, 3, 3, 2];
const STEUER_GROUPS: &[usize] = &[2, 3, 3, 3];
const AADHAAR_GROUPS: &[usize] = &[4, 4, 4];
const SE_LONG_GROUPS: &[usize] = &[8, 4];
const SE_GROUPS: &[usize] = &[6, 4];
const SIN_GROUPS: &[usize] = &[3, 3, 3];
const GROUPED: &[&[usize]] = &[
    SSN_GROUPS,
    NIR_GROUPS,
    NIR_KEY_APART,
    CPF_GROUPS,
    STEUER_GROUPS,
    AADHAAR_GROUPS,
    SE_LONG_GROUPS,
    SE_GROUPS,
    SIN_GROUPS,
];

/// For each length of a first group (up to 18 digits), a bit for each length of the next
/// group that an id written in groups starts with.
static GROUPED_STARTS: [u32; 19] = grouped_starts();

/// Whether an id written in groups starts with groups of `first` and `second` digits.
fn starts_grouped(first: usize, second: usize) -> bool {
    let seconds = GROUPED_STARTS.get(first).copied().unwrap_or(0);
    u32::try_from(second).ok().and_then(|second| seconds.checked_shr(second)).is_some_and(|bits| bits & 1 == 1)
}

const fn grouped_starts() -> [u32; 19] {
    let mut table = [0u32; 19];
    let mut k = 0;
    while k < GROUPED.len() {
        table[GROUPED[k][0]] |= 1 << GROUPED[k][1];
        k += 1;
    }
    table
}

/// Whether an id may start at group `i`: it is as long as an id written as one group, or it
/// and the next group have the lengths an id written in groups starts with, one of their
/// separators (` `, `-`, `.`, `+`) apart. Most digit groups fail this at once, before
/// [`id_at`] tries each id's layouts.
fn may_start_id(text: &ScanText<'_>, i: usize) -> bool {
    let groups = text.groups();
    let len = groups[i].len();
    SINGLE_GROUP_LENGTHS.contains(&len)
        || groups.get(i + 1).is_some_and(|next| {
            starts_grouped(len, next.len())
                && next.span.start == groups[i].span.end + 1
                && is_id_separator(text.bytes[next.span.start - 1])
        })
}

/// The first id of [`IDS`] found starting at group `i`.
fn id_at(text: &ScanText<'_>, i: usize) -> Option<Found> {
    // Only the ids with a layout that starts with a group of this length are tried.
    let mut ids = IDS_BY_FIRST_LEN.get(text.groups()[i].len()).copied().unwrap_or(0);
    while ids != 0 {
        let (id, _) = IDS[ids.trailing_zeros() as usize];
        ids &= ids - 1;
        if let Some(found) = id(text, i) {
            return Some(found);
        }
    }
    None
}

/// Reads the id at a group, if there is one.
type IdAt = fn(&ScanText<'_>, usize) -> Option<Found>;

/// Every numeric id, in the order they are tried, with the layouts it reads (`layout`'s
/// group lengths; a test checks that an id is never found where none of them starts).
const IDS: &[(IdAt, &[&[usize]])] = &[
    (us_ssn, &[SSN_GROUPS, &[9]]),
    (cn_resident_id, &[&[17], &[18]]),
    (fr_nir, &[NIR_GROUPS, NIR_KEY_APART, &[15]]),
    (br_cpf, &[CPF_GROUPS, &[11]]),
    (de_steuer_id, &[STEUER_GROUPS, &[11]]),
    (in_aadhaar, &[AADHAAR_GROUPS, &[12]]),
    (se_personnummer, &[SE_LONG_GROUPS, SE_GROUPS]),
    (nl_bsn, &[&[9]]),
    (ca_sin, &[SIN_GROUPS, &[9]]),
    (pl_pesel, &[&[11]]),
];

/// For each length of a first group (up to 18 digits), a bit for each id of [`IDS`] with a
/// layout that starts so.
static IDS_BY_FIRST_LEN: [u16; 19] = ids_by_first_len();

const fn ids_by_first_len() -> [u16; 19] {
    let mut table = [0u16; 19];
    let mut id = 0;
    while id < IDS.len() {
        let layouts = IDS[id].1;
        let mut k = 0;
        while k < layouts.len() {
            table[layouts[k][0]] |= 1 << id;
            k += 1;
        }
        id += 1;
    }
    table
}

fn layout(text: &ScanText<'_>, i: usize, lens: &[usize], gaps: &[&str], mixed: bool) -> Option<(String, Span)> {
    let groups = text.groups();
    let n = lens.len();
    if i + n > groups.len() || (0..n).any(|k| groups[i + k].len() != lens[k]) {
        return None;
    }
    let first_gap = if n > 1 { Some(text.gap(i)) } else { None };
    let gaps_fit = (i..i + n - 1).all(|k| {
        let gap = text.gap(k);
        gaps.contains(&gap) && (mixed || Some(gap) == first_gap)
    });
    let span = Span::new(groups[i].span.start, groups[i + n - 1].span.end);
    if !gaps_fit || !text.stands_alone(span.start, span.end) || text.continues(span.start, span.end, b"-./ ") {
        return None;
    }
    Some((text.digits(&groups[i..i + n]), span))
}

/// A compact run of `len` digits with one of `words` nearby.
fn compact_with_context(text: &ScanText<'_>, i: usize, len: usize, words: &[&str]) -> Option<(String, Span)> {
    let (digits, span) = layout(text, i, &[len], &[], false)?;
    text.context_around(span.start, span.end, CONTEXT_WINDOW, words).then_some((digits, span))
}

/// US Social Security number: AAA-GG-SSSS, with the issuing rules (no area 000, 666 or 9xx, no
/// group 00, no serial 0000) and the numbers the SSA voided after they were printed in ads.
fn us_ssn(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span) =
        layout(text, i, SSN_GROUPS, &["-", " "], false).or_else(|| compact_with_context(text, i, 9, SSN_WORDS))?;
    let (area, group, serial) = (&digits[..3], &digits[3..5], &digits[5..]);
    let valid = area != "000"
        && area != "666"
        && !area.starts_with('9')
        && group != "00"
        && serial != "0000"
        && digits != "078051120"
        && digits != "219099999";
    valid.then_some((
        if span.len() == 9 { 1 } else { 3 },
        IdMatch::format(span, "national_id.us_ssn", "US Social Security number"),
    ))
}

/// Chinese resident identity card: 6-digit region, birth date, sequence, ISO 7064 MOD 11-2.
fn cn_resident_id(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let group = text.groups()[i];
    let (digits, span) = match group.len() {
        18 => (text.slice(group.span.start, group.span.end).to_string(), group.span),
        17 if matches!(text.byte_at(group.span.end), Some(b'X' | b'x')) => {
            let end = group.span.end + 1;
            (text.slice(group.span.start, end).to_ascii_uppercase(), Span::new(group.span.start, end))
        }
        _ => return None,
    };
    if !text.stands_alone(span.start, span.end) || text.continues(span.start, span.end, b"-") {
        return None;
    }
    let region = number(&digits[..2])?;
    let year = u32::try_from(number(&digits[6..10])?).ok()?;
    let month = u32::try_from(number(&digits[10..12])?).ok()?;
    let day = u32::try_from(number(&digits[12..14])?).ok()?;
    if !(11..=91).contains(&region) || !(1900..=2099).contains(&year) || !valid_date(year, month, day) {
        return None;
    }
    let sum = weighted_sum(&digits[..17], &[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])?;
    let check = b"10X98765432"[(sum % 11) as usize];
    if digits.as_bytes()[17] != check {
        return None;
    }
    Some((1, IdMatch::checksum(span, "national_id.cn_resident_id", "Chinese resident identity number")))
}

/// French social security number (NIR): sex, year, month, department, commune, order, key
/// = 97 - (number mod 97).
fn fr_nir(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span, groups) = match layout(text, i, NIR_GROUPS, &[" "], false) {
        Some((d, s)) => (d, s, 7),
        None => match layout(text, i, NIR_KEY_APART, &[" "], false) {
            Some((d, s)) => (d, s, 2),
            None => {
                let (d, s) = layout(text, i, &[15], &[], false)?;
                (d, s, 1)
            }
        },
    };
    let sex = digits.as_bytes()[0];
    let month = number(&digits[3..5])?;
    if !matches!(sex, b'1' | b'2' | b'3' | b'4' | b'7' | b'8') || !((1..=12).contains(&month) || month >= 20) {
        return None;
    }
    let body = number(&digits[..13])?;
    let key = number(&digits[13..])?;
    if key != 97 - body % 97 {
        return None;
    }
    let strong = groups > 1 || text.context_around(span.start, span.end, CONTEXT_WINDOW, NIR_WORDS);
    strong.then_some((groups, IdMatch::checksum(span, "national_id.fr_nir", "French social security number (NIR)")))
}

/// Brazilian CPF: 123.456.789-09, two mod-11 check digits.
fn br_cpf(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span, groups) = match layout(text, i, CPF_GROUPS, &[".", "-"], true) {
        Some((d, s)) if text.gap(i) == "." && text.gap(i + 1) == "." && text.gap(i + 2) == "-" => (d, s, 4),
        _ => {
            let (d, s) = compact_with_context(text, i, 11, CPF_WORDS)?;
            (d, s, 1)
        }
    };
    if digits.bytes().all(|b| b == digits.as_bytes()[0]) {
        return None;
    }
    let check = |len: usize| -> Option<u32> {
        let weights: Vec<u32> = (2..=u32::try_from(len + 1).ok()?).rev().collect();
        let sum = weighted_sum(&digits[..len], &weights)?;
        Some(match (sum * 10) % 11 {
            10 => 0,
            d => d,
        })
    };
    let ok =
        check(9)? == u32::from(digits.as_bytes()[9] - b'0') && check(10)? == u32::from(digits.as_bytes()[10] - b'0');
    ok.then_some((groups, IdMatch::checksum(span, "national_id.br_cpf", "Brazilian CPF number")))
}

/// German tax id (Steuer-IdNr): 11 digits, no leading 0, one digit repeated in the first ten,
/// ISO 7064 MOD 11,10 check digit.
fn de_steuer_id(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span, groups) = match layout(text, i, STEUER_GROUPS, &[" "], false) {
        Some((d, s)) => (d, s, 4),
        None => {
            let (d, s) = compact_with_context(text, i, 11, STEUER_WORDS)?;
            (d, s, 1)
        }
    };
    if digits.starts_with('0') {
        return None;
    }
    let mut counts = [0u8; 10];
    for b in digits[..10].bytes() {
        counts[usize::from(b - b'0')] += 1;
    }
    let repeated = counts.iter().filter(|&&c| c >= 2).count();
    if repeated != 1 || counts.iter().any(|&c| c > 3) {
        return None;
    }
    let check = iso7064_mod11_10(&digits[..10])?;
    (digits.as_bytes()[10] - b'0' == check)
        .then_some((groups, IdMatch::checksum(span, "national_id.de_steuer_id", "German tax id (Steuer-ID)")))
}

/// Indian Aadhaar: 12 digits, first 2-9, Verhoeff check digit.
fn in_aadhaar(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span, groups) = match layout(text, i, AADHAAR_GROUPS, &[" ", "-"], false) {
        Some((d, s)) => (d, s, 3),
        None => {
            let (d, s) = compact_with_context(text, i, 12, AADHAAR_WORDS)?;
            (d, s, 1)
        }
    };
    let valid = matches!(digits.as_bytes()[0], b'2'..=b'9') && verhoeff(&digits);
    valid.then_some((groups, IdMatch::checksum(span, "national_id.in_aadhaar", "Indian Aadhaar number")))
}

/// Swedish personnummer: YYMMDD-NNNN (with a word naming it) or YYYYMMDD-NNNN, Luhn over the
/// ten digits.
fn se_personnummer(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span) = match layout(text, i, SE_LONG_GROUPS, &["-"], false) {
        Some((d, s)) => (d[2..].to_string(), s),
        None => {
            let (d, s) = layout(text, i, SE_GROUPS, &["-", "+"], false)?;
            if !text.context_around(s.start, s.end, CONTEXT_WINDOW, SE_WORDS) {
                return None;
            }
            (d, s)
        }
    };
    let month = u32::try_from(number(&digits[2..4])?).ok()?;
    let day = u32::try_from(number(&digits[4..6])?).ok()?;
    // The century is unknown: 2000 is a leap year, so 29 February is accepted.
    let valid = valid_date(2000, month, day) && luhn(&digits);
    valid.then_some((2, IdMatch::checksum(span, "national_id.se_personnummer", "Swedish personal identity number")))
}

/// Dutch citizen service number (BSN): nine digits passing the eleven test, with a word
/// naming it (nine bare digits are too common otherwise).
fn nl_bsn(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span) = compact_with_context(text, i, 9, BSN_WORDS)?;
    let sum = i64::from(weighted_sum(&digits[..8], &[9, 8, 7, 6, 5, 4, 3, 2])?);
    let last = i64::from(digits.as_bytes()[8] - b'0');
    ((sum - last) % 11 == 0 && sum > 0)
        .then_some((1, IdMatch::checksum(span, "national_id.nl_bsn", "Dutch citizen service number (BSN)")))
}

/// Canadian social insurance number: nine digits, Luhn, with a word naming it.
fn ca_sin(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span, groups) = match layout(text, i, SIN_GROUPS, &[" ", "-"], false) {
        Some((d, s)) => (d, s, 3),
        None => {
            let (d, s) = layout(text, i, &[9], &[], false)?;
            (d, s, 1)
        }
    };
    let valid = digits.as_bytes()[0] != b'8'
        && luhn(&digits)
        && text.context_around(span.start, span.end, CONTEXT_WINDOW, SIN_WORDS);
    valid.then_some((groups, IdMatch::checksum(span, "national_id.ca_sin", "Canadian social insurance number")))
}

/// Polish PESEL: birth date (century in the month), weighted check digit, with a word naming it.
fn pl_pesel(text: &ScanText<'_>, i: usize) -> Option<Found> {
    let (digits, span) = compact_with_context(text, i, 11, PESEL_WORDS)?;
    let sum = weighted_sum(&digits[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3])?;
    let month = u32::try_from(number(&digits[2..4])?).ok()? % 20;
    let day = u32::try_from(number(&digits[4..6])?).ok()?;
    let valid = (10 - sum % 10) % 10 == u32::from(digits.as_bytes()[10] - b'0') && valid_date(2000, month, day);
    valid.then_some((1, IdMatch::checksum(span, "national_id.pl_pesel", "Polish PESEL number")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_id_only_where_one_of_its_layouts_starts() {
        let ids = [
            "536-22-1234",
            "536 22 1234",
            "536221234",
            "11010519491231002X",
            "110105194912310026",
            "1 84 12 76 451 089 46",
            "1841276451089 46",
            "184127645108946",
            "123.456.789-09",
            "12345678909",
            "86 095 742 719",
            "86095742719",
            "2345 6789 0124",
            "2345-6789-0124",
            "234567890124",
            "811218-9876",
            "19811218-9876",
            "111222333",
            "046 454 286",
            "046454286",
            "44051401359",
        ];
        let words = ["ssn", "cpf", "steuer", "aadhaar", "personnummer", "bsn", "sin:", "pesel", "nir"];
        let (mut found, mut tries) = (0, 0);
        for (id, word) in ids.iter().flat_map(|id| words.iter().map(move |word| (id, word))) {
            for (before, after) in [("", ""), (" ", "."), ("x", ""), ("1 ", " 2")] {
                let text = format!("{word} {before}{id}{after} {id}");
                let scan = ScanText::new(&text);
                for i in 0..scan.groups().len() {
                    let len = scan.groups()[i].len();
                    for (k, (id_at, _)) in IDS.iter().enumerate() {
                        let tried = IDS_BY_FIRST_LEN.get(len).is_some_and(|ids| ids >> k & 1 == 1);
                        let id = id_at(&scan, i);
                        assert!(tried || id.is_none(), "{text}, group {i}, id {k}");
                        (found, tries) = (found + usize::from(id.is_some()), tries + usize::from(tried));
                    }
                }
            }
        }
        // Every id above is found (at least once for each word and surrounding).
        assert!(found >= ids.len() * words.len() && tries > found, "{found} of {tries}");
    }
}
