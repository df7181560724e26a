//! Any text through scan, redact and restore: no panic, spans on char boundaries with exact
//! UTF-16 offsets, and restore(redact(x)) == x.
//!
//!     cd engine/fuzz && cargo +nightly fuzz run scan_redact -- -max_total_time=60

#![no_main]

use std::sync::OnceLock;

use hush_engine::dictionary::{Category, Client, Pattern, Term};
use hush_engine::{Conversation, Dictionary, Engine, EngineConfig};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dictionary = Dictionary {
            clients: vec![Client {
                id: "c1".into(),
                name: "Acme Corp".into(),
                alias: Some("CLIENT_A".into()),
                terms: vec![
                    Term { term: "Acme Corp".into(), aliases: vec!["Acme".into()], category: Category::Client },
                    Term { term: "阿里巴巴".into(), aliases: vec!["Zoë".into()], category: Category::Contact },
                ],
                patterns: vec![Pattern { id: "ticket".into(), regex: r"ACME-\d{4}".into(), label: None }],
            }],
        };
        Engine::with_config(EngineConfig { dictionary, ..EngineConfig::default() })
            .expect("the fuzz dictionary compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let findings = engine().scan(&text);
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &findings {
        assert!(text.is_char_boundary(f.bytes.start) && text.is_char_boundary(f.bytes.end));
        let from_utf16 =
            String::from_utf16(&units[f.utf16.start..f.utf16.end]).expect("UTF-16 span on a char boundary");
        assert_eq!(from_utf16, &text[f.bytes.start..f.bytes.end]);
    }
    let mut conversation = Conversation::new();
    let redacted = conversation.redact(&text, &findings);
    assert_eq!(conversation.restore(&redacted.text), text);
});
