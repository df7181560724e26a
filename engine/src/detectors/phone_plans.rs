//! Numbering plans: what a telephone number looks like in each country, written
//! internationally (`+33 1 23 45 67 89`) or the way people there write it at home.

/// Lengths of the national significant number (without country code or trunk 0) by calling
/// code, for the codes people write most (ITU-T E.164 assignments).
#[rustfmt::skip]
pub const CALLING_CODES: &[(&str, u8, u8)] = &[
    ("1", 10, 10), ("7", 10, 10), ("20", 8, 10), ("27", 9, 9), ("30", 10, 10), ("31", 9, 9),
    ("32", 8, 9), ("33", 9, 9), ("34", 9, 9), ("36", 8, 9), ("39", 6, 11), ("40", 9, 9),
    ("41", 9, 9), ("43", 4, 13), ("44", 9, 10), ("45", 8, 8), ("46", 7, 10), ("47", 8, 8),
    ("48", 9, 9), ("49", 6, 13), ("51", 8, 9), ("52", 10, 10), ("54", 10, 11), ("55", 10, 11),
    ("56", 9, 9), ("57", 10, 10), ("60", 8, 10), ("61", 9, 9), ("62", 8, 12), ("63", 10, 10),
    ("64", 8, 10), ("65", 8, 8), ("66", 8, 9), ("81", 9, 10), ("82", 8, 10), ("84", 9, 10),
    ("86", 10, 11), ("90", 10, 10), ("91", 10, 10), ("92", 9, 10), ("212", 9, 9), ("234", 8, 10),
    ("254", 9, 9), ("351", 9, 9), ("352", 6, 11), ("353", 7, 9), ("354", 7, 9), ("358", 5, 12),
    ("380", 9, 9), ("420", 9, 9), ("852", 8, 8), ("853", 8, 8), ("886", 8, 9), ("966", 9, 9),
    ("971", 8, 9), ("972", 8, 9),
];

/// The national significant number's length range for the calling code at the start of
/// `digits`, with the code's length.
pub fn calling_code(digits: &str) -> Option<(usize, u8, u8)> {
    let digits = digits.as_bytes();
    (1..=3).rev().find_map(|len| {
        let code = digits.get(..len)?;
        if code[0] == b'0' || !code.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = code.iter().fold(0, |value, &d| value * 10 + usize::from(d - b'0'));
        RANGES_BY_CODE[value].map(|(min, max)| (len, min, max))
    })
}

/// The length ranges of [`CALLING_CODES`] by the code's value: a look-up instead of a search
/// of the list for each length of code. No code starts with 0, so a value has one length.
static RANGES_BY_CODE: [Option<(u8, u8)>; 1000] = ranges_by_code();

const fn ranges_by_code() -> [Option<(u8, u8)>; 1000] {
    let mut table = [None; 1000];
    let mut k = 0;
    while k < CALLING_CODES.len() {
        let (code, min, max) = CALLING_CODES[k];
        let code = code.as_bytes();
        assert!(code[0] != b'0' && code.len() <= 3);
        let mut value = 0;
        let mut j = 0;
        while j < code.len() {
            value = value * 10 + (code[j] - b'0') as usize;
            j += 1;
        }
        assert!(table[value].is_none(), "a calling code is listed twice");
        table[value] = Some((min, max));
        k += 1;
    }
    table
}

/// A way of writing a national number: group lengths, and what its digits must start with.
#[derive(Debug)]
pub struct NationalFormat {
    /// The country or service, for the finding's rule id.
    pub country: &'static str,
    /// The group lengths, in order.
    pub groups: &'static [usize],
    /// Allowed first digits of the number (`b'0'` for a trunk prefix).
    pub first: &'static [u8],
    /// Allowed second digits, when the plan restricts them.
    pub second: &'static [u8],
    /// The separators this country uses between groups.
    pub separators: &'static [&'static str],
    /// Whether this layout is common for other numbers too, so it needs a context word.
    pub needs_context: bool,
}

const NANP_FIRST: &[u8] = b"23456789";
const ANY: &[u8] = b"0123456789";

/// The national layouts, most specific first.
#[rustfmt::skip]
pub const NATIONAL_FORMATS: &[NationalFormat] = &[
    // United States and Canada: (415) 555-0134, 415-555-0134, 415.555.0134, 1-415-555-0134.
    NationalFormat { country: "us", groups: &[3, 3, 4], first: NANP_FIRST, second: ANY, separators: &["-", ".", ") ", ")", " "], needs_context: false },
    NationalFormat { country: "us", groups: &[1, 3, 3, 4], first: b"1", second: NANP_FIRST, separators: &["-", ".", " "], needs_context: false },
    // United Kingdom: 020 7946 0958, 0161 496 0000, 07700 900123, 01632 960123.
    NationalFormat { country: "uk", groups: &[3, 4, 4], first: b"0", second: b"12389", separators: &[" ", "-"], needs_context: false },
    NationalFormat { country: "uk", groups: &[4, 3, 4], first: b"0", second: b"1", separators: &[" ", "-"], needs_context: false },
    NationalFormat { country: "uk", groups: &[5, 6], first: b"0", second: b"1237", separators: &[" "], needs_context: false },
    NationalFormat { country: "uk", groups: &[5, 3, 3], first: b"0", second: b"17", separators: &[" "], needs_context: false },
    // France: 01 23 45 67 89, 06.12.34.56.78.
    NationalFormat { country: "fr", groups: &[2, 2, 2, 2, 2], first: b"0", second: b"123456789", separators: &[" ", ".", "-"], needs_context: false },
    // Germany: 030 12345678, 0171 1234567, 089/1234567, 06221 123456.
    NationalFormat { country: "de", groups: &[3, 7], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    NationalFormat { country: "de", groups: &[3, 8], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    NationalFormat { country: "de", groups: &[4, 7], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    NationalFormat { country: "de", groups: &[4, 6], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    NationalFormat { country: "de", groups: &[5, 6], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    NationalFormat { country: "de", groups: &[5, 5], first: b"0", second: b"123456789", separators: &[" ", "/", "-"], needs_context: false },
    // Spain: 612 34 56 78, 912 345 678.
    NationalFormat { country: "es", groups: &[3, 2, 2, 2], first: b"6789", second: ANY, separators: &[" ", "-", "."], needs_context: false },
    NationalFormat { country: "es", groups: &[3, 3, 3], first: b"6789", second: ANY, separators: &[" ", "-", "."], needs_context: false },
    // Italy: 347 123 4567 (mobile), 06 1234 5678, 02 1234 5678.
    NationalFormat { country: "it", groups: &[3, 3, 4], first: b"3", second: ANY, separators: &[" ", "-", "."], needs_context: false },
    NationalFormat { country: "it", groups: &[2, 4, 4], first: b"0", second: b"123456789", separators: &[" ", "-", "."], needs_context: false },
    // Netherlands: 06-12345678, 020-1234567, 010 123 4567.
    NationalFormat { country: "nl", groups: &[2, 8], first: b"0", second: b"6", separators: &["-", " "], needs_context: false },
    NationalFormat { country: "nl", groups: &[3, 7], first: b"0", second: b"123457", separators: &["-", " "], needs_context: false },
    NationalFormat { country: "nl", groups: &[3, 3, 4], first: b"0", second: b"123457", separators: &[" ", "-"], needs_context: false },
    // China: 138 0013 8000, 138-0013-8000, 010-12345678, 0755-12345678.
    NationalFormat { country: "cn", groups: &[3, 4, 4], first: b"1", second: b"3456789", separators: &[" ", "-"], needs_context: false },
    NationalFormat { country: "cn", groups: &[4, 8], first: b"0", second: b"123456789", separators: &["-"], needs_context: false },
    // India: 98765 43210.
    NationalFormat { country: "in", groups: &[5, 5], first: b"6789", second: ANY, separators: &[" ", "-"], needs_context: false },
    // Japan: 03-1234-5678, 090-1234-5678, 0123-45-6789.
    NationalFormat { country: "jp", groups: &[2, 4, 4], first: b"0", second: b"123456789", separators: &["-"], needs_context: false },
    NationalFormat { country: "jp", groups: &[3, 4, 4], first: b"0", second: b"123456789", separators: &["-"], needs_context: false },
    NationalFormat { country: "jp", groups: &[4, 2, 4], first: b"0", second: b"123456789", separators: &["-"], needs_context: false },
    NationalFormat { country: "jp", groups: &[3, 3, 4], first: b"0", second: b"123456789", separators: &["-"], needs_context: false },
    // Singapore: 6123 4567, 9123 4567: a common shape for other numbers too.
    NationalFormat { country: "sg", groups: &[4, 4], first: b"689", second: ANY, separators: &[" ", "-"], needs_context: true },
    // Compact numbers: 4155550134, 13800138000, 0612345678.
    NationalFormat { country: "us", groups: &[10], first: NANP_FIRST, second: ANY, separators: &[], needs_context: true },
    NationalFormat { country: "cn", groups: &[11], first: b"1", second: b"3456789", separators: &[], needs_context: true },
    NationalFormat { country: "eu", groups: &[10], first: b"0", second: b"123456789", separators: &[], needs_context: true },
    NationalFormat { country: "uk", groups: &[11], first: b"0", second: b"1237", separators: &[], needs_context: true },
    NationalFormat { country: "sg", groups: &[8], first: b"689", second: ANY, separators: &[], needs_context: true },
];

/// Words that say a number nearby is a telephone number, in the languages Hush's users write
/// (matched at the start of a word: "tel" in "Tel:" but not in "hotel").
#[rustfmt::skip]
pub const PHONE_WORDS: &[&str] = &[
    "phone", "tel", "call", "mobile", "cell", "fax", "whatsapp", "signal me", "sms", "text me", "ring me",
    "ring us", "reach me", "reach us", "reach the", "téléphone", "portable", "appelle", "telefon", "handy",
    "ruf ", "teléfono", "móvil", "llama", "cellulare", "chiama", "telefoon", "mobiel", "bel me", "电话", "手机",
    "致电", "联系", "電話", "携帯", "연락", "hp:", "hp ", "mob:", "mob.",
];

/// Words that say a number nearby is something else (an order, a version, a reference).
pub const NOT_PHONE_WORDS: &[&str] = &[
    "order",
    "invoice",
    "ref",
    "ticket",
    "version",
    "build",
    "release",
    "tracking",
    "isbn",
    "sku",
    "serial",
    "po ",
    "case",
    "account no",
    "acct",
    "iban",
    "routing",
    "bestell",
    "rechnung",
    "commande",
    "facture",
    "pedido",
    "factura",
    "ordine",
    "fattura",
    "订单",
    "单号",
    "注文",
    "#",
];
