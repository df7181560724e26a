//! Tests of [`super`]: the look back against reading the line, the lists and their tables.

use super::*;

fn at(text: &str, word: &str) -> Evidence {
    evidence_before(text, text.find(word).unwrap())
}

#[test]
fn titles_salutations_fields_and_signatures() {
    assert_eq!(at("Dear Mr. Tanaka, thanks", "Tanaka"), Evidence::Title);
    assert_eq!(at("rendez-vous avec Mme Dubois", "Dubois"), Evidence::Title);
    assert_eq!(at("Dear Anna,", "Anna"), Evidence::Expected);
    assert_eq!(at("Name: Jan de Vries", "Jan"), Evidence::Expected);
    assert_eq!(at("Ansprechpartner : Lena Vogel", "Lena"), Evidence::Expected);
    assert_eq!(at("See you soon.\n\nBest regards,\nMarta Ruiz\n", "Marta"), Evidence::Signature);
}

#[test]
fn every_title_and_salutation_fits_the_longest_context_word() {
    assert!(TITLES.iter().chain(SALUTATIONS).all(|w| w.len() <= LONGEST_CONTEXT_WORD));
    assert_eq!(at("Sincerely hello Anna", "Anna"), Evidence::None);
    assert_eq!(at("Contact person: Anna", "Anna"), Evidence::Expected);
}

#[test]
fn looking_back_agrees_with_reading_the_line() {
    let long = "x".repeat(70);
    let texts = [
        "proposal by Friday. Please\n    Ok(Response)\nfn handle(req: Request) -> Result",
        "Dear Anna\n> Dear Bob\n  -- Carl\n(Dear Dan\nx -- Eve \"Hi\" Fay\n\t\x0b Gus",
        "Thanks,\n\nBest regards,\n  Marta\nSincerely hello Anna Mr. Tanaka M. Dupont Dr Okafor",
        "Name: Jan\nFull name: Ana\nsee: Ana\nContact person :  Ana\n“ Dear Ana\nchère Ana\nx « Ana",
        "Your NAME: Ana\nx(name: Ana\nsee \"name: Ana\nPrénom: Ana\nfn handle(req: Request)\nnew hire:Ana, x: Ana",
        "a\u{3000}Dear\u{3000}Anna é Bob Mme\u{a0}Dubois  x\r\nAna \x0cBo",
        "x Signor Ana x DOTT Bo x sig.ra Ca x SIGNORA Da\nDEAR Eb\nthe Fa\n with Ga thanks Ha\nGRAZIE Ia x Herr\tJa",
        "x mevrouw Ka x Doña La\nchÈre Ma\n-- Hey Na\nhi Oa\n\"Hola\" Pa the Mr Qa sra Ra",
        "Street, Ana x; Bo (Ca) Da x.. Ea AM. Fa Mr.. Ga x,. Ha Dear. Ia -> Ja\n* Ka\n> La\n\" Ma x.M. Na",
    ];
    let spaced = format!("{long} Dr Ana\n{long}\n{}Dear Ana\nx{}Ana by Bo", " ".repeat(61), " ".repeat(70));
    for text in texts.iter().copied().chain([spaced.as_str()]) {
        for at in (1..text.len()).filter(|&at| text.is_char_boundary(at)) {
            match look_back(text.as_bytes(), at) {
                LookBack::Unknown => {}
                LookBack::LineStart(start) => {
                    assert_eq!(line_start_before(text, at), (start, false), "{text:?} {at}");
                    assert_eq!(evidence_on_line(text, at, start, false), signature_at(text, start), "{text:?} {at}");
                }
                LookBack::NoEvidence => {
                    let (start, long) = line_start_before(text, at);
                    assert_eq!(evidence_on_line(text, at, start, long), Evidence::None, "{text:?} {at}");
                }
            }
        }
    }
}

#[test]
fn the_lists_compared_lower_case_are_lower_case() {
    for word in SALUTATIONS.iter().chain(FIELDS).chain(CLOSINGS) {
        assert_eq!(word.to_lowercase(), *word);
    }
    assert!(is_closing("  Best Regards,") && is_closing("Mit freundlichen Grüßen") && !is_closing("Best wishes"));
    for closing in CLOSINGS {
        let above = format!("x\n{} ,  \n\n", closing.to_uppercase());
        assert!(may_end_with_closing(above.as_bytes()), "{closing}");
    }
    assert!(!may_end_with_closing(b"Best regards.\n") && !may_end_with_closing(b"x\n, \n"));
}

#[test]
fn every_title_and_salutation_starts_like_one() {
    for word in TITLES.iter().chain(SALUTATIONS) {
        for form in [word.to_string(), word.to_ascii_uppercase(), word.to_ascii_lowercase()] {
            assert!(may_start_context_word(form.as_bytes()), "{form}");
        }
        assert!(is_context_word(word), "{word}");
        for form in [word.to_ascii_uppercase(), word.to_ascii_lowercase()] {
            let [.., a, b] = *form.as_bytes() else { panic!("{form}") };
            assert!(may_end_context_word(a, b), "{form}");
        }
    }
    assert!(may_end_lead(b"x Mr.") && may_end_lead(b"M.") && may_end_lead(b"Name:") && may_end_lead(b" >"));
    assert!(!may_end_lead(b"by Friday.") && !may_end_lead(b"Street,") && !may_end_lead(b"the"));
    assert!(!may_end_context_word(b'h', b'e') && !may_end_context_word(b'T', b'H') && may_end_context_word(b'.', b'x'));
    assert!(is_context_word("Dear") && is_context_word("HELLO") && is_title_word(b"Dott.ssa"));
    assert!(!may_start_context_word(b"Street") && !may_start_context_word(b"M"));
}

#[test]
fn every_field_ends_with_a_possible_stem() {
    for field in FIELDS {
        for form in [field.to_string(), field.to_ascii_uppercase()] {
            let last_word = form.rsplit(' ').next().unwrap_or_default();
            assert!(may_end_field(last_word.as_bytes()), "{form}");
        }
    }
    assert!(may_end_field(b"") && !may_end_field(b"req") && !may_end_field(b"port"));
}

#[test]
fn ordinary_text_is_no_evidence() {
    assert_eq!(at("We met Anna in Paris", "Anna"), Evidence::None);
    assert_eq!(at("Status: Open", "Open"), Evidence::None);
    assert_eq!(at("first line\nAnna Schmidt", "Anna"), Evidence::None);
}
