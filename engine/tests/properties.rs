//! Properties that must hold for any text: spans sit on character boundaries, UTF-16 offsets
//! give back the same substring, findings do not overlap and come in order, restoring a
//! redacted text gives back the original, and redacting again never wraps a placeholder.

use hush_engine::dictionary::{Category, Client, Term};
use hush_engine::{Conversation, Dictionary, Engine, EngineConfig};
use std::sync::OnceLock;

use proptest::prelude::*;

/// Pieces that exercise every detector, the dictionary, and every width of UTF-8.
const PIECES: &[&str] = &[
    "ana@example.org",
    "+44 20 7946 0958",
    "(415) 555-0134",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "536-22-1234",
    "11010519491231002X",
    "RSSMRA85T10A562S",
    "203.0.113.7",
    "2001:db8::8a2e:370:7334",
    "AKIAIOSFODNN7EXAMPLE",
    "postgres://app:Zq8v1xQ2@db:5432/x",
    "password = \"Xk9#mQ2v!Lp7\"",
    "€48,500",
    "born on 12 March 1985",
    "221B Baker Street, London NW1 6XE",
    "Acme Corp",
    "ACME",
    "阿里巴巴",
    "Zoë Brûlé",
    "[EMAIL_1]",
    "[CLIENT_A]",
    "😀",
    "👩‍👩‍👧",
    "é",
    "e\u{301}",
    "\u{FEFF}",
    "请联系",
    "ｱｸﾒ",
    " ",
    "\n",
    ", ",
    "-",
    ".",
    "@",
    "://",
    "0",
    "12",
    "2024-03-15",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z0-9 .,:@/+-]{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// One engine for every case: compiling it is what takes time in a debug build.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(compile_engine)
}

fn compile_engine() -> Engine {
    let dictionary = Dictionary {
        clients: vec![Client {
            id: "c1".into(),
            name: "Acme Corp".into(),
            alias: Some("CLIENT_A".into()),
            terms: vec![
                Term { term: "Acme Corp".into(), aliases: vec!["Acme".into()], category: Category::Client },
                Term { term: "阿里巴巴".into(), aliases: vec![], category: Category::Project },
                Term { term: "Zoë Brûlé".into(), aliases: vec!["アクメ".into()], category: Category::Contact },
            ],
            patterns: vec![],
        }],
    };
    Engine::with_config(EngineConfig { dictionary, ..EngineConfig::default() }).expect("the test dictionary compiles")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_sit_on_char_boundaries_in_order_without_overlap(text in text()) {
        let findings = engine().scan(&text);
        let mut previous_end = 0;
        for f in &findings {
            prop_assert!(f.bytes.start < f.bytes.end && f.bytes.end <= text.len());
            prop_assert!(text.is_char_boundary(f.bytes.start) && text.is_char_boundary(f.bytes.end));
            prop_assert!(f.bytes.start >= previous_end, "findings overlap or are out of order");
            previous_end = f.bytes.end;
        }
    }

    #[test]
    fn utf16_offsets_give_back_the_same_substring(text in text()) {
        let units: Vec<u16> = text.encode_utf16().collect();
        for f in engine().scan(&text) {
            let from_utf16 = String::from_utf16(&units[f.utf16.start..f.utf16.end]).ok();
            prop_assert_eq!(from_utf16.as_deref(), Some(&text[f.bytes.start..f.bytes.end]));
        }
    }

    #[test]
    fn restore_of_redact_is_the_original(text in text(), second in text()) {
        let engine = engine();
        let mut conversation = Conversation::new();
        let redacted = conversation.redact(&text, &engine.scan(&text));
        prop_assert_eq!(conversation.restore(&redacted.text), text.clone());
        // And within the same conversation, for a second prompt that does not already hold one
        // of the conversation's placeholders (those are restored: that is what restore is for).
        prop_assume!(conversation.restore(&second) == second);
        let redacted = conversation.redact(&second, &engine.scan(&second));
        prop_assert_eq!(conversation.restore(&redacted.text), second);
    }

    #[test]
    fn redacting_a_redacted_text_keeps_every_placeholder(text in text()) {
        let engine = engine();
        let mut conversation = Conversation::new();
        let once = conversation.redact(&text, &engine.scan(&text));
        let twice = conversation.redact(&once.text, &engine.scan(&once.text)).text;
        for edit in &once.edits {
            let placeholder = edit.placeholder.as_str();
            prop_assert!(twice.matches(placeholder).count() >= once.text.matches(placeholder).count(), "{} was wrapped", placeholder);
        }
    }
}
