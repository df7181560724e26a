//! Classes of bytes computed eight at a time, for the sweeps that every scan makes over its
//! whole text to find places (dictionary word starts, the `:` and `=` some detectors start
//! from), and a sweep that flags 64 bytes at a time by their byte before
//! ([`for_each_flagged`]: digit groups, capitals that start a word).
//!
//! A word of eight text bytes, read little-endian, gives a mask with bit `8k + 7` set when byte
//! `k` is in the class: that is where ordinary word arithmetic leaves its answer, and the
//! positions of the set bits (`trailing_zeros() / 8`) are the bytes' offsets in the word. Only
//! bytes below 0x80 are ever added to, so no sum carries into the next byte.

/// Bit 7 of every byte.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;
const LOWS: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `chunk` (exactly eight) as a little-endian word.
pub fn load(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

/// The bytes [`for_each_flagged`] classifies at once, and the flags [`gather`] gathers.
pub const BLOCK: usize = 64;

/// Calls `found` with every offset `at` of `bytes`, in order, where `flag(byte before, byte)`
/// holds (the byte before the first is taken to be a space). The bytes are classified 64 at a
/// time into flags, a loop the compiler turns into vector code when `flag` has no branch
/// (write it with `&`, `|`, `^`, not `&&`, `||`), and the flags gathered into one word: most of
/// a text is flagged nowhere and is passed over without a branch per byte.
// Always inlined: otherwise `flag` stays a call in the block loop, which then is no vector
// code (PERSON's sweep measured 0.76 ms per MB inlined, 0.83 not).
#[inline(always)]
pub fn for_each_flagged(bytes: &[u8], flag: impl Fn(u8, u8) -> bool, mut found: impl FnMut(usize)) {
    if bytes.first().is_some_and(|&first| flag(b' ', first)) {
        found(0);
    }
    // Each block is read with the byte before it, so the blocks start at the second byte.
    let mut base = 1;
    while let Some(window) = bytes.get(base - 1..).and_then(<[u8]>::first_chunk::<{ BLOCK + 1 }>) {
        let (Some(before), Some(block)) = (window.first_chunk::<BLOCK>(), window.last_chunk::<BLOCK>()) else {
            break;
        };
        let mut flags = [0u8; BLOCK];
        for ((flagged, &b), &p) in flags.iter_mut().zip(block).zip(before) {
            *flagged = u8::from(flag(p, b));
        }
        let mut mask = gather(&flags);
        while mask != 0 {
            found(base + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        base += BLOCK;
    }
    for at in base..bytes.len() {
        if flag(bytes[at - 1], bytes[at]) {
            found(at);
        }
    }
}

/// 64 flags of 0 or 1 as the bits of a word, flag `k` in bit `k`: eight at a time, multiplying
/// eight bytes of 0 or 1 by `0x0102_0408_1020_4080` adds byte `k` into bit `56 + k` and nothing
/// else into the top byte.
#[inline(always)]
pub fn gather(flags: &[u8; BLOCK]) -> u64 {
    flags.chunks_exact(8).enumerate().fold(0, |mask, (k, eight)| {
        let eight = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        mask | (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
    })
}

/// The offset of the first `needle` in `bytes` at or after `from`, eight bytes at a time:
/// cheaper than a vectorised search for a byte that occurs every few dozen bytes (`=`).
pub fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let pattern = u64::from(needle) * LOWS;
    let mut chunks = rest.chunks_exact(8);
    for (k, chunk) in (&mut chunks).enumerate() {
        let x = load(chunk) ^ pattern;
        // The lowest byte flagged is the first zero byte: a borrow only marks bytes above one.
        let zero = x.wrapping_sub(LOWS) & !x & HIGHS;
        if zero != 0 {
            return Some(from + k * 8 + zero.trailing_zeros() as usize / 8);
        }
    }
    let tail = rest.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|&b| b == needle).map(|p| from + tail + p)
}

/// The ASCII bytes of `word` in `lo..=hi` (both below 0x80).
fn in_range(word: u64, lo: u8, hi: u8) -> u64 {
    let ascii = word & !HIGHS;
    let from_lo = ascii + u64::from(0x80 - lo) * LOWS;
    let past_hi = ascii + u64::from(0x7F - hi) * LOWS;
    from_lo & !past_hi & !word & HIGHS
}

/// ASCII digits.
pub fn digits(word: u64) -> u64 {
    in_range(word, b'0', b'9')
}

/// ASCII letters, digits and `_`: the bytes that continue a word of ASCII text.
pub fn ascii_word(word: u64) -> u64 {
    // Setting bit 5 maps `A-Z` onto `a-z` and nothing else into it.
    let letters = in_range(word | 0x2020_2020_2020_2020, b'a', b'z');
    letters | digits(word) | in_range(word, b'_', b'_')
}

/// UTF-8 continuation bytes (`10xxxxxx`).
pub fn continuation(word: u64) -> u64 {
    word & !(word << 1) & HIGHS
}

/// First bytes of a UTF-8 encoded char of more than one byte (`11xxxxxx`).
pub fn multibyte_lead(word: u64) -> u64 {
    word & (word << 1) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of 0..=255 that `class` flags.
    fn flagged(class: fn(u64) -> u64) -> Vec<u8> {
        let every_byte: Vec<u8> = (0..=255).collect();
        every_byte
            .chunks(8)
            .flat_map(|chunk| {
                let flags = class(load(chunk));
                chunk.iter().enumerate().filter(move |(k, _)| flags >> (8 * k + 7) & 1 == 1).map(|(_, &b)| b)
            })
            .collect()
    }

    fn bytes_where(test: fn(u8) -> bool) -> Vec<u8> {
        (0..=255).filter(|&b| test(b)).collect()
    }

    #[test]
    fn finds_a_byte_like_a_byte_loop() {
        let text = b"a:b::c 12:30:45 ::1 no colon here at all, then: one";
        for from in 0..=text.len() + 1 {
            let expected = text.get(from..).and_then(|rest| rest.iter().position(|&b| b == b':').map(|p| from + p));
            assert_eq!(find_byte(text, from, b':'), expected, "from {from}");
        }
        assert_eq!(find_byte(&[0x3a, 0x01, 0x3b], 1, 0x3b), Some(2));
        assert_eq!(find_byte(&[0u8; 20], 0, 1), None);
    }

    #[test]
    fn gathers_every_pattern_of_eight_flags_in_each_eighth() {
        for pattern in 0..=255u64 {
            for eighth in 0..8 {
                let flags: [u8; BLOCK] =
                    std::array::from_fn(|k| u8::from(k / 8 == eighth && pattern >> (k % 8) & 1 == 1));
                assert_eq!(gather(&flags), pattern << (8 * eighth));
            }
        }
    }

    #[test]
    fn flags_like_a_byte_loop_across_blocks() {
        let text = "a1 22x 333 É4 ".repeat(20);
        let bytes = text.as_bytes();
        let changes = |p: u8, b: u8| p.is_ascii_digit() ^ b.is_ascii_digit();
        for len in [0, 1, 2, 63, 64, 65, 66, 129, bytes.len()] {
            let mut found = Vec::new();
            for_each_flagged(&bytes[..len], changes, |at| found.push(at));
            let expected: Vec<usize> =
                (0..len).filter(|&at| changes(if at == 0 { b' ' } else { bytes[at - 1] }, bytes[at])).collect();
            assert_eq!(found, expected, "{len}");
        }
    }

    #[test]
    fn every_class_flags_exactly_its_bytes() {
        assert_eq!(flagged(digits), b"0123456789");
        assert_eq!(flagged(ascii_word), bytes_where(|b| b.is_ascii_alphanumeric() || b == b'_'));
        assert_eq!(flagged(continuation), bytes_where(|b| (0x80..0xC0).contains(&b)));
        assert_eq!(flagged(multibyte_lead), bytes_where(|b| b >= 0xC0));
    }
}
