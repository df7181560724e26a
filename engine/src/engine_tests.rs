use super::*;
use crate::dictionary::{Client, Term};
use crate::Kind;

fn kinds(findings: &[Finding]) -> Vec<Kind> {
    findings.iter().map(|f| f.kind).collect()
}

#[test]
fn reports_utf16_offsets_after_emoji() {
    let text = "😀 mail me: ana@example.org";
    let findings = Engine::new().scan(text);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.kind, Kind::Email);
    assert_eq!(&text[f.bytes.start..f.bytes.end], "ana@example.org");
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&units[f.utf16.start..f.utf16.end]), "ana@example.org");
}

#[test]
fn allowed_values_are_not_reported() {
    let mut engine = Engine::new();
    engine.set_allowed_keys([Engine::allow_key(" Ana@Example.org ")]);
    assert_eq!(kinds(&engine.scan("ana@example.org bob@example.org")), [Kind::Email]);
    assert_eq!(engine.scan("ana@example.org").len(), 0);
}

#[test]
fn findings_come_in_text_order() {
    let findings = Engine::new().scan("AKIAIOSFODNN7EXAMPLE then bob@example.com");
    assert_eq!(kinds(&findings), [Kind::Secret, Kind::Email]);
}

#[test]
fn detectors_and_rules_can_be_switched_off() {
    let text = "AKIAIOSFODNN7EXAMPLE then bob@example.com";
    let mut engine = Engine::new();
    engine.set_disabled(["email"]);
    assert_eq!(kinds(&engine.scan(text)), [Kind::Secret]);
    engine.set_disabled(["secret.aws_access_key_id"]);
    assert_eq!(kinds(&engine.scan(text)), [Kind::Email]);
    engine.set_disabled(["secret.aws"]);
    assert_eq!(kinds(&engine.scan(text)), [Kind::Secret, Kind::Email], "a prefix must end at a dot");
}

#[test]
fn dictionary_terms_are_found_with_their_client() {
    let config = EngineConfig {
        dictionary: Dictionary {
            clients: vec![Client {
                id: "c1".into(),
                name: "Acme Corp".into(),
                terms: vec![Term { term: "Acme Corp".into(), aliases: vec!["Acme".into()], ..Term::default() }],
                ..Client::default()
            }],
        },
        ..EngineConfig::default()
    };
    let engine = Engine::with_config(config).unwrap();
    let findings = engine.scan("Acme's report for ana@acme.com");
    assert_eq!(kinds(&findings), [Kind::ClientTerm, Kind::Email]);
    assert_eq!(findings[0].client.as_deref(), Some("c1"));
    assert_eq!(findings[0].label, "Client: Acme Corp");
}

#[test]
fn a_bad_dictionary_keeps_the_previous_one() {
    let mut engine = Engine::new();
    let good = Dictionary {
        clients: vec![Client {
            id: "c1".into(),
            name: "Acme".into(),
            terms: vec![Term { term: "Acme".into(), ..Term::default() }],
            ..Client::default()
        }],
    };
    engine.set_dictionary(&good).unwrap();
    let mut bad = good.clone();
    bad.clients[0].terms[0].term = "x".into();
    assert!(engine.set_dictionary(&bad).is_err());
    assert_eq!(kinds(&engine.scan("Acme")), [Kind::ClientTerm]);
}

#[test]
fn lists_every_detector_with_words_for_people_and_person_once_names_are_read() {
    let mut engine = Engine::new();
    let ids = |engine: &Engine| engine.detectors().map(|(id, _)| id).collect::<Vec<_>>();
    assert!(ids(&engine).contains(&"email") && !ids(&engine).contains(&"person"));
    assert!(engine.detectors().all(|(id, label)| !id.is_empty() && !label.is_empty() && label != id));
    engine.set_name_gazetteer(crate::names::gazetteer::shipped());
    engine.set_name_gazetteer(crate::names::gazetteer::shipped());
    assert_eq!(ids(&engine).iter().filter(|id| **id == "person").count(), 1);
    let unique: HashSet<_> = ids(&engine).into_iter().collect();
    assert_eq!(unique.len(), engine.detectors().count(), "every id once");
}
