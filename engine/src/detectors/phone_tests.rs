use super::*;

fn found(text: &str) -> Vec<&str> {
    let scan = ScanText::new(text);
    let mut out = Vec::new();
    PhoneDetector::new().detect(&scan, &mut out);
    out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
}

#[test]
fn finds_international_numbers() {
    assert_eq!(found("call +1 415-555-0134 now"), ["+1 415-555-0134"]);
    assert_eq!(found("tel: +44 (0)20 7946 0958."), ["+44 (0)20 7946 0958"]);
    assert_eq!(found("+33 1 23 45 67 89"), ["+33 1 23 45 67 89"]);
    assert_eq!(found("+8613800138000"), ["+8613800138000"]);
    assert_eq!(found("0049 30 12345678"), ["0049 30 12345678"]);
    assert_eq!(found("+65 6123 4567"), ["+65 6123 4567"]);
}

#[test]
fn finds_national_layouts() {
    assert_eq!(found("(415) 555-0134"), ["(415) 555-0134"]);
    assert_eq!(found("ring 020 7946 0958"), ["020 7946 0958"]);
    assert_eq!(found("06 12 34 56 78"), ["06 12 34 56 78"]);
    assert_eq!(found("030 12345678"), ["030 12345678"]);
    assert_eq!(found("612 34 56 78"), ["612 34 56 78"]);
    assert_eq!(found("138 0013 8000"), ["138 0013 8000"]);
    assert_eq!(found("98765 43210"), ["98765 43210"]);
    assert_eq!(found("03-1234-5678"), ["03-1234-5678"]);
    assert_eq!(found("手机：13800138000"), ["13800138000"]);
    assert_eq!(found("HP 9123 4567"), ["9123 4567"]);
}

#[test]
fn ignores_dates_versions_prices_and_order_numbers() {
    for text in [
        "on 2024-03-15 at 10:30",
        "15/03/2024",
        "version 10.2.3",
        "costs 1,234.56 EUR",
        "order 415-555-0134",
        "invoice #020 7946 0958",
        "4155550134",
        "13800138000 units",
        "+99 1234 5678",
        "uuid 550e8400-e29b-41d4-a716-446655440000",
        "2023 1234",
        "12 345 678",
        "1003,2024-03-03,1249.00,1,0012345678905",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn a_layout_that_starts_with_one_digit_goes_on_with_three() {
    for format in NATIONAL_FORMATS.iter().filter(|format| format.groups[0] == 1) {
        assert_eq!(format.groups.get(1), Some(&3), "{format:?}");
    }
}

#[test]
fn rules_out_on_the_group_shape_only_groups_that_start_no_number() {
    let detector = PhoneDetector::new();
    let numbers = [
        "+1 415-555-0134",
        "1 415 555 0134",
        "1-415-555-0134",
        "+44 (0)20 7946 0958",
        "+33 1 23 45 67 89",
        "+8613800138000",
        "0049 30 12345678",
        "(415) 555-0134",
        "06 12 34 56 78",
        "030 12345678",
        "612 34 56 78",
        "手机：13800138000",
        "HP 9123 4567",
        "phone 4155550134",
    ];
    for number in numbers {
        for (before, after) in [("", ""), ("tel ", "."), ("x", ""), ("1 ", " 2"), ("9-", "-1"), ("+", " 1")] {
            let text = format!("{before}{number}{after} and {number}");
            let scan = ScanText::new(&text);
            let (mut shaped, mut all) = (Vec::new(), Vec::new());
            detector.detect_in(&scan, &mut shaped, may_start_phone);
            detector.detect_in(&scan, &mut all, |_| true);
            assert_eq!(shaped, all, "{text}");
            assert!(!all.is_empty(), "{text}");
        }
    }
}
