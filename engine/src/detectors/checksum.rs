//! The check-digit algorithms that make numbers self-validating. Every function takes ASCII
//! digits (or letters where the scheme uses them) and never panics on other input.

/// Luhn (ISO/IEC 7812): payment cards, Canadian SIN, Swedish personnummer.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// Verhoeff (dihedral group D5): Indian Aadhaar.
pub fn verhoeff(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    !digits.is_empty() && c == 0
}

/// ISO 7064 mod 97-10 of alphanumeric bytes (letters count as 10..35), as used by IBAN.
pub fn mod97(bytes: impl IntoIterator<Item = u8>) -> Option<u32> {
    // The number is reduced only when it grows past 2^56, so that two more decimal digits
    // still fit in 64 bits: one division every seven characters or so instead of one for
    // each (a chain of dependent divisions was most of the IBAN detector's time).
    let mut acc: u64 = 0;
    for b in bytes {
        if acc >= 1 << 56 {
            acc %= 97;
        }
        acc = match b {
            b'0'..=b'9' => acc * 10 + u64::from(b - b'0'),
            b'A'..=b'Z' => acc * 100 + u64::from(b - b'A') + 10,
            b'a'..=b'z' => acc * 100 + u64::from(b - b'a') + 10,
            _ => return None,
        };
    }
    u32::try_from(acc % 97).ok()
}

/// ISO 7064 MOD 11,10: the German tax id's check digit, computed over `digits`.
pub fn iso7064_mod11_10(digits: &str) -> Option<u8> {
    let mut product = 10u32;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        let mut sum = (u32::from(b - b'0') + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    u8::try_from(check).ok()
}

/// Weighted sum of digits: `sum(d[i] * weights[i])`, `None` if a byte is not a digit or the
/// lengths differ.
pub fn weighted_sum(digits: &str, weights: &[u32]) -> Option<u32> {
    if digits.len() != weights.len() {
        return None;
    }
    digits.bytes().zip(weights).try_fold(0, |acc, (b, w)| b.is_ascii_digit().then(|| acc + u32::from(b - b'0') * w))
}

/// The numeric value of ASCII digits (at most 18 of them), `None` otherwise.
pub fn number(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_published_test_cards() {
        assert!(luhn("4111111111111111"));
        assert!(luhn("378282246310005"));
        assert!(!luhn("4111111111111112"));
        assert!(!luhn(""));
        assert!(!luhn("41x1"));
    }

    #[test]
    fn verhoeff_matches_the_reference_example() {
        assert!(verhoeff("2363"));
        assert!(!verhoeff("2364"));
    }

    #[test]
    fn mod97_of_a_valid_iban_is_one() {
        assert_eq!(mod97("370400440532013000DE89".bytes()), Some(1));
        assert_eq!(mod97("12-3".bytes()), None);
    }

    #[test]
    fn mod97_is_the_remainder_of_the_whole_number() {
        // Reduced at every character, as the standard writes it.
        let stepwise = |text: &[u8]| {
            text.iter().fold(0u32, |acc, &b| match b {
                b'0'..=b'9' => (acc * 10 + u32::from(b - b'0')) % 97,
                _ => (acc * 100 + u32::from(b.to_ascii_uppercase() - b'A') + 10) % 97,
            })
        };
        let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz9999zzzz";
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for len in 0..=80 {
            for _ in 0..50 {
                let text: Vec<u8> = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect();
                assert_eq!(mod97(text.iter().copied()), Some(stepwise(&text)), "{:?}", String::from_utf8_lossy(&text));
            }
        }
    }

    #[test]
    fn german_tax_id_check_digit() {
        assert_eq!(iso7064_mod11_10("8609574271"), Some(9));
    }

    #[test]
    fn weighted_sums_and_numbers() {
        assert_eq!(weighted_sum("123", &[1, 2, 3]), Some(14));
        assert_eq!(weighted_sum("12", &[1, 2, 3]), None);
        assert_eq!(number("0042"), Some(42));
        assert_eq!(number("4a"), None);
    }
}
