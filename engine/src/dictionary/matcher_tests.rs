use proptest::prelude::*;

use super::*;
use crate::dictionary::{Pattern, Term};

fn acme() -> Dictionary {
    Dictionary {
        clients: vec![Client {
            id: "c1".into(),
            name: "Acme Corp".into(),
            alias: Some("Client A".into()),
            terms: vec![
                Term { term: "Acme Corp".into(), aliases: vec!["Acme".into(), "ACME Inc.".into()], ..Term::default() },
                Term { term: "Zoë Brûlé".into(), aliases: vec![], category: Category::Contact },
                Term { term: "Widget".into(), aliases: vec![], category: Category::Project },
                Term { term: "阿里巴巴".into(), aliases: vec![], category: Category::Client },
            ],
            patterns: vec![Pattern { id: "ticket".into(), regex: r"ACME-\d{4}".into(), label: None }],
        }],
    }
}

fn found(text: &str) -> Vec<(String, String)> {
    let matcher = DictionaryMatcher::compile(&acme()).unwrap();
    let mut out = Vec::new();
    matcher.detect(text, &mut out);
    out.sort_by_key(|c| (c.bytes.start, c.bytes.end));
    out.iter().map(|c| (c.rule.to_string(), text[c.bytes.start..c.bytes.end].to_string())).collect()
}

fn values(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn matches_case_accent_and_width_insensitively() {
    assert_eq!(values("ask ACME CORP today"), ["ACME", "ACME CORP"]);
    assert_eq!(values("ask zoe brule"), ["zoe brule"]);
    assert_eq!(values("ask ＡＣＭＥ now"), ["ＡＣＭＥ"]);
    assert_eq!(values("ask Zoë Brûlé now"), ["Zoë Brûlé"]);
}

#[test]
fn needs_word_boundaries_in_latin_text() {
    assert!(values("acmeville and preacme and acme_x").is_empty());
    assert_eq!(values("the Widgets and Widget's and Widgetes"), ["Widget", "Widget", "Widget"]);
}

#[test]
fn matches_inside_cjk_text() {
    assert_eq!(values("我们和阿里巴巴合作，联系Acme公司"), ["阿里巴巴", "Acme"]);
}

#[test]
fn reports_client_category_alias_and_label() {
    let matcher = DictionaryMatcher::compile(&acme()).unwrap();
    let mut out = Vec::new();
    matcher.detect("Acme and Zoe Brule", &mut out);
    out.sort_by_key(|c| c.bytes.start);
    assert_eq!(out[0].label, "Client: Acme Corp");
    assert_eq!(out[0].alias.as_deref(), Some("CLIENT_A"));
    assert_eq!(out[0].client.as_deref(), Some("c1"));
    assert_eq!(out[1].rule, "client_term.contact");
    assert_eq!(out[1].alias, None);
}

#[test]
fn runs_client_patterns() {
    let expected = [("client_term.client", "ACME"), ("custom.c1.ticket", "ACME-1234")];
    let expected: Vec<(String, String)> = expected.iter().map(|(r, v)| (r.to_string(), v.to_string())).collect();
    assert_eq!(found("see ACME-1234"), expected);
}

#[test]
fn rejects_bad_dictionaries_without_quoting_values() {
    let mut dictionary = acme();
    dictionary.clients[0].patterns[0].regex = "Secretname(".into();
    let error = DictionaryMatcher::compile(&dictionary).unwrap_err();
    assert!(!error.to_string().contains("Secretname"), "{error}");
    assert!(error.to_string().contains("ticket"), "{error}");

    let mut dictionary = acme();
    dictionary.clients[0].terms[0].aliases.push("A".into());
    assert!(matches!(DictionaryMatcher::compile(&dictionary), Err(DictionaryError::TermTooShort { term: 0, .. })));

    let mut dictionary = acme();
    dictionary.clients[0].alias = Some("42".into());
    assert!(matches!(DictionaryMatcher::compile(&dictionary), Err(DictionaryError::BadAlias { .. })));

    let mut dictionary = acme();
    dictionary.clients.push(dictionary.clients[0].clone());
    assert!(matches!(DictionaryMatcher::compile(&dictionary), Err(DictionaryError::DuplicateClientId { .. })));
}

#[test]
fn parses_the_documented_json_shape() {
    let json = r#"{"clients": [{"id": "c1", "name": "Acme Corp", "alias": "CLIENT_A",
        "terms": [{"term": "Acme Corp", "aliases": ["Acme", "ACME Inc."], "category": "client"}],
        "patterns": [{"id": "acme-ticket", "regex": "ACME-\\d{4}", "label": "Acme ticket number"}]}]}"#;
    let dictionary: Dictionary = serde_json::from_str(json).unwrap();
    assert_eq!(dictionary.clients[0].patterns[0].label.as_deref(), Some("Acme ticket number"));
    assert_eq!(DictionaryMatcher::compile(&dictionary).unwrap().term_count(), 3);
}

#[test]
fn runs_only_the_patterns_that_occur_and_all_of_those() {
    let mut dictionary = acme();
    dictionary.clients[0].patterns.push(Pattern { id: "invoice".into(), regex: r"INV-\d{3}".into(), label: None });
    dictionary.clients[0].patterns.push(Pattern { id: "never".into(), regex: r"ZZZ\d".into(), label: None });
    let matcher = DictionaryMatcher::compile(&dictionary).unwrap();
    assert!(matcher.pattern_set.is_some());
    let mut out = Vec::new();
    matcher.detect("INV-123 and INV-456", &mut out);
    let rules: Vec<&str> = out.iter().map(|c| c.rule.as_ref()).collect();
    assert_eq!(rules, ["custom.c1.invoice", "custom.c1.invoice"]);
}

#[test]
fn ignores_fields_it_does_not_know() {
    let json = r#"{"clients": [{"id": "c1", "name": "Acme", "archived": false,
        "terms": [{"term": "Acme", "id": 7}]}], "version": 2}"#;
    let dictionary: Dictionary = serde_json::from_str(json).unwrap();
    assert_eq!(dictionary.clients[0].terms[0].category, Category::Client);
    assert!(dictionary.clients[0].terms[0].aliases.is_empty());
}

#[test]
fn an_alias_becomes_an_upper_case_placeholder_word_or_is_refused() {
    assert_eq!(alias_placeholder_word(" Acme corp ").as_deref(), Some("ACME_CORP"));
    assert_eq!(alias_placeholder_word("client-a").as_deref(), Some("CLIENT_A"));
    assert_eq!(alias_placeholder_word("[Bob]").as_deref(), Some("BOB"));
    assert_eq!(alias_placeholder_word("2nd client"), None, "starts with a digit");
    assert_eq!(alias_placeholder_word("Zoë"), Some("ZO".to_string()), "non-ASCII letters become underscores, trimmed");
    assert_eq!(alias_placeholder_word("日本"), None);
    assert_eq!(alias_placeholder_word(&"A".repeat(33)), None);
}

/// Pieces of text that fold in every way: ASCII of both cases, precomposed and combining
/// accents, letters spelled out, full-width and half-width forms, chars that fold to several
/// (`½`, `ﬁ`, `İ`) or to nothing (a lone combining accent), CJK, kana, emoji, punctuation.
const PIECES: &[&str] = &[
    "acme",
    "ACME",
    "Acme",
    "co",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "-",
    "_",
    "'s",
    "es",
    "s",
    "x1",
    "é",
    "É",
    "e\u{301}",
    "\u{301}",
    "ß",
    "Straße",
    "ＡＣＭＥ",
    "ａ",
    "ｶﾞ",
    "ガ",
    "か\u{3099}",
    "½",
    "1⁄2",
    "㍿",
    "株式会社",
    "阿里",
    "巴",
    "😀",
    "€",
    "’",
    "ﬁ",
    "İ",
    "ǅ",
    "Zoë",
    "。",
    "，",
    "！",
    "Ø",
    "æ",
    "\t",
];

/// The matches (term, original span) of the matcher's terms in `text` as the text was matched
/// before it was read folded on the fly: the whole text folded first, every word start of the
/// folded text walked.
fn matched_after_folding(matcher: &DictionaryMatcher, text: &str) -> Vec<(usize, usize, usize)> {
    let Some(automaton) = &matcher.automaton else { return Vec::new() };
    let folded = fold(text);
    let mut out = Vec::new();
    for (term, start, end) in automaton.matches_in_folded(&folded.bytes) {
        if on_word_boundaries(&folded.bytes, start, end, &matcher.owners[term]) {
            let (start, end) = folded.original_span(text, start, end);
            out.push((term, start, end));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn reads_the_text_folded_as_folding_it_first_would(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        cuts in prop::collection::vec((0usize..200, 1usize..8), 1..8),
        punctuation in any::<bool>(),
    ) {
        let text: String = pieces.concat();
        // Terms cut from the text and from its folding (so that some start inside the folded
        // form of a char), so that there is something to find.
        let (chars, folded_chars): (Vec<char>, Vec<char>) = (text.chars().collect(), fold(&text).into_text().chars().collect());
        let mut terms: Vec<String> = cuts
            .iter()
            .enumerate()
            .filter_map(|(k, &(from, len))| {
                let chars = if k % 2 == 0 { &chars } else { &folded_chars };
                let from = from.checked_rem(chars.len())?;
                Some(chars[from..(from + len).min(chars.len())].iter().collect())
            })
            .chain(punctuation.then(|| "(acme".to_string()))
            .filter(|term: &String| fold_term(term).chars().count() >= 2)
            .collect();
        terms.push("acme".into());
        let dictionary = Dictionary {
            clients: vec![Client {
                id: "c".into(),
                name: "C".into(),
                terms: terms.into_iter().map(|term| Term { term, ..Term::default() }).collect(),
                ..Client::default()
            }],
        };
        let matcher = DictionaryMatcher::compile(&dictionary).unwrap();
        let mut read = Vec::new();
        matcher.for_each_term(&text, |term, start, end| read.push((term, start, end)));
        prop_assert_eq!(read, matched_after_folding(&matcher, &text));
    }
}
