//! Classes of bytes computed eight at a time (the dictionary's word starts), a sweep that flags
//! 64 bytes at a time by their byte before, in vector registers ([`for_each_flagged`]: digit
//! groups, capitals that start a word, the `:` of IPv6 addresses, the `=` of parameters), and
//! the gathering of 64 flags into a word ([`gather`], for the digit groups' shapes).
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

/// Sixteen bytes of text in one vector register, or sixteen flags (a lane of all ones for a
/// flagged byte, zero for the rest): what the flag of [`for_each_flagged`] reads and returns.
pub type Lanes = wide::u8x16;

/// The lanes of `bytes` that hold `byte`.
#[inline(always)]
pub fn lanes_equal(bytes: Lanes, byte: u8) -> Lanes {
    bytes.simd_eq(Lanes::splat(byte))
}

/// The lanes of `bytes` that hold a byte in `lo..=hi`: `byte - lo`, wrapping, is at most
/// `hi - lo` exactly for those.
#[inline(always)]
pub fn lanes_in_range(bytes: Lanes, lo: u8, hi: u8) -> Lanes {
    let offset = bytes - Lanes::splat(lo);
    offset.min(Lanes::splat(hi.wrapping_sub(lo))).simd_eq(offset)
}

/// The bytes [`for_each_flagged`] classifies at once, and the flags [`gather`] gathers.
pub const BLOCK: usize = 64;

/// Calls `found` with every offset `at` of `bytes`, in order, where `flag(bytes before, bytes)`
/// flags the byte (the byte before the first is taken to be a space). The flag sees sixteen
/// bytes and the sixteen before them at once, in vector registers (the `wide` crate: SSE2 on
/// x86-64, WebAssembly SIMD in the extension's module, built with `simd128`; a plain loop
/// lane by lane where there is neither); the flags of 64 bytes are gathered into one word, so
/// most of a text, flagged nowhere, is passed over without a branch per byte.
// Always inlined, so that `flag` is inlined into the block loop too.
#[inline(always)]
pub fn for_each_flagged(bytes: &[u8], flag: impl Fn(Lanes, Lanes) -> Lanes, mut found: impl FnMut(usize)) {
    let mut base = 0;
    while base < bytes.len() {
        // A block is read in place with the byte before it; the first (after no byte) and
        // the last (shorter than a block) are copied into a window padded with spaces, and
        // the flags of the padding are dropped.
        let mut mask = match base.checked_sub(1).and_then(|before| bytes.get(before..)?.first_chunk::<{ BLOCK + 1 }>())
        {
            Some(window) => block_flags(window, &flag),
            None => {
                let rest = &bytes[base..bytes.len().min(base + BLOCK)];
                let mut window = [b' '; BLOCK + 1];
                window[0] = base.checked_sub(1).map_or(b' ', |before| bytes[before]);
                window[1..=rest.len()].copy_from_slice(rest);
                block_flags(&window, &flag) & (u64::MAX >> (BLOCK - rest.len()))
            }
        };
        while mask != 0 {
            found(base + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        base += BLOCK;
    }
}

/// The flags of the last 64 bytes of `window`, each byte read with the one before it, flag
/// `k` in bit `k`.
#[inline(always)]
fn block_flags(window: &[u8; BLOCK + 1], flag: &impl Fn(Lanes, Lanes) -> Lanes) -> u64 {
    let lanes = |from: usize| Lanes::new(window[from..from + 16].try_into().unwrap_or_default());
    (0..BLOCK / 16).fold(0, |mask, k| mask | u64::from(flag(lanes(16 * k), lanes(16 * k + 1)).to_bitmask()) << (16 * k))
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
    fn lanes_in_range_flag_exactly_the_bytes_in_range() {
        for (lo, hi) in [(b'0', b'9'), (b'A', b'Z'), (0, 0x7F), (0xC3, 0xC9), (0x80, 0xFF), (b'=', b'=')] {
            for first in (0..=255u8).step_by(16) {
                let bytes: [u8; 16] = std::array::from_fn(|k| first + k as u8);
                let flags = lanes_in_range(Lanes::new(bytes), lo, hi).to_array();
                let expected: [u8; 16] = std::array::from_fn(|k| if (lo..=hi).contains(&bytes[k]) { 0xFF } else { 0 });
                assert_eq!(flags, expected, "{lo}..={hi}");
            }
        }
    }

    #[test]
    fn flags_like_a_byte_loop_across_blocks() {
        let text = "a1 22x 333 É4 ".repeat(20);
        let bytes = text.as_bytes();
        let changes = |p: Lanes, b: Lanes| lanes_in_range(p, b'0', b'9') ^ lanes_in_range(b, b'0', b'9');
        for len in [0, 1, 2, 63, 64, 65, 66, 129, 130, bytes.len()] {
            let mut found = Vec::new();
            for_each_flagged(&bytes[..len], changes, |at| found.push(at));
            let expected: Vec<usize> = (0..len)
                .filter(|&at| {
                    at.checked_sub(1).map_or(b' ', |before| bytes[before]).is_ascii_digit() ^ bytes[at].is_ascii_digit()
                })
                .collect();
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
