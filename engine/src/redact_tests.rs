use super::*;
use crate::dictionary::{Client, Dictionary, Term};
use crate::{Engine, EngineConfig, Severity};

fn acme_engine(alias: Option<&str>) -> Engine {
    Engine::with_config(EngineConfig {
        dictionary: Dictionary {
            clients: vec![Client {
                id: "c1".into(),
                name: "Acme Corp".into(),
                alias: alias.map(str::to_string),
                terms: vec![
                    Term { term: "Acme Corp".into(), aliases: vec!["Acme".into()], ..Term::default() },
                    Term { term: "Jane Roe".into(), category: Category::Contact, ..Term::default() },
                ],
                ..Client::default()
            }],
        },
        ..EngineConfig::default()
    })
    .unwrap()
}

fn redacted(engine: &Engine, conversation: &mut Conversation, text: &str) -> String {
    conversation.redact(text, &engine.scan(text)).text
}

#[test]
fn same_value_same_placeholder_across_prompts() {
    let engine = Engine::new();
    let mut conversation = Conversation::new();
    assert_eq!(
        redacted(&engine, &mut conversation, "mail ana@example.org and bob@example.org"),
        "mail [EMAIL_1] and [EMAIL_2]"
    );
    assert_eq!(redacted(&engine, &mut conversation, "again bob@example.org"), "again [EMAIL_2]");
}

#[test]
fn each_spelling_has_its_placeholder_so_restore_is_exact() {
    let engine = acme_engine(None);
    let mut conversation = Conversation::new();
    let text = "Acme Corp (Acme) asked Jane Roe about Acme";
    let redacted = redacted(&engine, &mut conversation, text);
    assert_eq!(redacted, "[CLIENT_1] ([CLIENT_2]) asked [CONTACT_1] about [CLIENT_2]");
    assert_eq!(conversation.restore(&redacted), text);
}

#[test]
fn a_client_alias_is_its_placeholder() {
    let engine = acme_engine(Some("CLIENT_A"));
    let mut conversation = Conversation::new();
    let text = "Acme Corp and Acme Corp, or Acme";
    let redaction = conversation.redact(text, &engine.scan(text));
    assert_eq!(redaction.text, "[CLIENT_A] and [CLIENT_A], or [CLIENT_A_1]");
    assert_eq!(conversation.restore("Dear [CLIENT_A],"), "Dear Acme Corp,");
    // The alias already in a text is not redacted again.
    assert_eq!(conversation.redact(&redaction.text, &engine.scan(&redaction.text)).text, redaction.text);
}

#[test]
fn a_kept_conversation_restores_and_numbers_on_as_before() {
    let engine = Engine::new();
    let mut conversation = Conversation::new();
    let text = "write to ana@example.org";
    let redacted = conversation.redact(text, &engine.scan(text));
    let kept = serde_json::to_string(&conversation).unwrap();
    let mut back: Conversation = serde_json::from_str(&kept).unwrap();
    assert_eq!(back.restore(&redacted.text), text);
    let next = "and bob@example.org, ana@example.org";
    assert_eq!(back.redact(next, &engine.scan(next)).text, "and [EMAIL_2], [EMAIL_1]");
}

#[test]
fn restore_gives_back_the_original() {
    let engine = Engine::new();
    let mut conversation = Conversation::new();
    let text = "😀 write to ana@example.org, key AKIAIOSFODNN7EXAMPLE";
    let redacted = conversation.redact(text, &engine.scan(text));
    assert_eq!(conversation.restore(&redacted.text), text);
    assert_eq!(redacted.edits[0].utf16, Span::new(12, 27));
    assert_eq!(redacted.edits[0].bytes, Span::new(14, 29));
}

fn email_at(start: usize, end: usize) -> Finding {
    Finding {
        kind: Kind::Email,
        rule: "email".into(),
        label: "Email address".into(),
        bytes: Span::new(start, end),
        utf16: Span::new(start, end),
        confidence: 1.0,
        severity: Severity::Medium,
        client: None,
        alias: None,
    }
}

#[test]
fn placeholders_are_never_wrapped_twice() {
    let mut conversation = Conversation::new();
    let text = "see [EMAIL_1] please";
    assert_eq!(conversation.redact(text, &[email_at(5, 12)]).text, text);
}

#[test]
fn findings_off_char_boundaries_or_out_of_range_are_skipped() {
    let mut conversation = Conversation::new();
    let text = "é@x.org";
    assert_eq!(conversation.redact(text, &[email_at(1, 7), email_at(3, 99)]).text, text);
}

#[test]
fn unknown_placeholders_are_left_alone() {
    assert_eq!(Conversation::new().restore("hello [EMAIL_9] [TODO]"), "hello [EMAIL_9] [TODO]");
}

#[test]
fn placeholders_already_in_the_text_are_not_handed_out() {
    let engine = Engine::new();
    let mut conversation = Conversation::new();
    let text = "[EMAIL_1] is a placeholder, ana@example.org is not";
    let redaction = conversation.redact(text, &engine.scan(text));
    assert_eq!(redaction.text, "[EMAIL_1] is a placeholder, [EMAIL_2] is not");
    assert_eq!(conversation.restore(&redaction.text), "[EMAIL_1] is a placeholder, ana@example.org is not");
}

#[test]
fn restored_pieces_name_each_placeholder_they_replace_and_join_into_the_restored_text() {
    let engine = Engine::new();
    let mut conversation = Conversation::new();
    redacted(&engine, &mut conversation, "mail ana@example.org");
    let answer = "[[EMAIL_1]] wrote to [EMAIL_2] about [TODO]";
    let pieces = conversation.restore_pieces(answer);
    assert_eq!(
        pieces,
        [
            RestoredPiece::Written("["),
            RestoredPiece::Value { value: "ana@example.org", placeholder: "[EMAIL_1]" },
            RestoredPiece::Written("] wrote to [EMAIL_2] about [TODO]"),
        ]
    );
    assert_eq!(pieces.iter().map(RestoredPiece::text).collect::<String>(), conversation.restore(answer));
    assert_eq!(conversation.restore_pieces(""), []);
    assert_eq!(
        conversation.restore_pieces("[EMAIL_1]"),
        [RestoredPiece::Value { value: "ana@example.org", placeholder: "[EMAIL_1]" }]
    );
}
