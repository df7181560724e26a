use super::*;

fn found(text: &str) -> Vec<(String, String)> {
    let scan = ScanText::new(text);
    let mut out = Vec::new();
    NationalIdDetector.detect(&scan, &mut out);
    out.sort_by_key(|c| c.bytes.start);
    out.iter().map(|c| (c.rule.replace("national_id.", ""), text[c.bytes.start..c.bytes.end].to_string())).collect()
}

fn one(text: &str) -> (String, String) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all[0].clone()
}

#[test]
fn finds_valid_ids_of_every_country() {
    for (text, rule, value) in [
        ("SSN 536-22-1234.", "us_ssn", "536-22-1234"),
        ("ssn: 536221234", "us_ssn", "536221234"),
        ("身份证 11010519491231002X 号", "cn_resident_id", "11010519491231002X"),
        ("NIR 1 84 12 76 451 089 46", "fr_nir", "1 84 12 76 451 089 46"),
        ("CPF 123.456.789-09", "br_cpf", "123.456.789-09"),
        ("IdNr 86 095 742 719", "de_steuer_id", "86 095 742 719"),
        ("Steuer-ID: 86095742719", "de_steuer_id", "86095742719"),
        ("aadhaar 2345 6789 0124", "in_aadhaar", "2345 6789 0124"),
        ("personnummer 811218-9876", "se_personnummer", "811218-9876"),
        ("mijn BSN is 111222333", "nl_bsn", "111222333"),
        ("SIN: 046 454 286", "ca_sin", "046 454 286"),
        ("PESEL 44051401359", "pl_pesel", "44051401359"),
        ("DNI 12345678Z", "es_dni", "12345678Z"),
        ("DNI 12345678-Z", "es_dni", "12345678-Z"),
        ("NIE X1234567L", "es_nie", "X1234567L"),
        ("NINO AB123456C", "uk_nino", "AB123456C"),
        ("NI: AB 12 34 56 C.", "uk_nino", "AB 12 34 56 C"),
        ("NRIC S1234567D", "sg_nric", "S1234567D"),
        ("PAN ABCPE1234F", "in_pan", "ABCPE1234F"),
        ("CF RSSMRA85T10A562S", "it_codice_fiscale", "RSSMRA85T10A562S"),
    ] {
        assert_eq!(one(text), (rule.to_string(), value.to_string()), "{text}");
    }
}

#[test]
fn rejects_near_misses() {
    for text in [
        "666-22-1234",
        "536-00-1234",
        "536221234",
        "11010519491231002Y",
        "11010519491331002X",
        "1 84 12 76 451 089 47",
        "123.456.789-08",
        "86 095 742 718",
        "2345 6789 0123",
        "BSN 111222334",
        "046 454 286",
        "12345678A",
        "X1234567A",
        "QQ123456C",
        "AB123456E",
        "S1234567A",
        "ABCXE1234F",
        "RSSMRA85T10A562T",
        "sha 5f4dcc3b5aa765d61d8327deb882cf99",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn rules_out_on_the_group_shape_only_groups_of_no_id() {
    assert!(numeric::SINGLE_GROUP_LENGTHS.iter().all(|&len| len >= 9));
    let ids = [
        "536-22-1234",
        "536221234",
        "11010519491231002X",
        "1 84 12 76 451 089 46",
        "123.456.789-09",
        "86 095 742 719",
        "2345 6789 0124",
        "811218-9876",
        "19811218-9876",
        "111222333",
        "046 454 286",
        "44051401359",
        "12345678Z",
        "12345678z",
        "12345678-Z",
        "X1234567L",
        "AB123456C",
        "AB 12 34 56 C",
        "S1234567D",
        "ABCPE1234F",
        "RSSMRA85T10A562S",
        "RSSMRA85T10A5S2S",
    ];
    for id in ids {
        for (before, after) in [("", ""), ("ssn ", "."), ("x", ""), ("id: ", "7"), ("a-", " b"), ("é", "-1")] {
            let text = format!("pnr cpf bsn pesel {before}{id}{after} 12 {id}");
            let scan = ScanText::new(&text);
            let (mut shaped, mut all) = (Vec::new(), Vec::new());
            numeric::detect(&scan, &mut shaped);
            lettered::detect(&scan, &mut shaped);
            numeric::detect_in(&scan, &mut all, |_| true);
            lettered::detect_in(&scan, &mut all, |_| true);
            assert_eq!(shaped, all, "{text}");
        }
    }
}
