//! Classes of bytes computed sixteen at a time in vector registers ([`Lanes`]: the dictionary's
//! word starts), a sweep that flags 64 bytes at a time by their byte before
//! ([`for_each_flagged`]: digit groups, capitals that start a word, the `:` of IPv6 addresses,
//! the `=` of parameters), the gathering of 64 flags into a word ([`gather`], for the digit
//! groups' shapes), and eight bytes read as a word ([`load`]; [`HIGHS`] picks their bit 7, where
//! the end of an ASCII run shows: `trailing_zeros() / 8` is its offset).

/// Bit 7 of every byte.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;

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

/// The lanes of `bytes` that hold an ASCII letter: setting bit 5 maps `A-Z` onto `a-z` and
/// nothing else into it.
#[inline(always)]
pub fn lanes_ascii_letters(bytes: Lanes) -> Lanes {
    lanes_in_range(bytes | Lanes::splat(0x20), b'a', b'z')
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn lanes_ascii_letters_flag_exactly_the_ascii_letters() {
        for first in (0..=255u8).step_by(16) {
            let bytes: [u8; 16] = std::array::from_fn(|k| first + k as u8);
            let flags = lanes_ascii_letters(Lanes::new(bytes)).to_array();
            let expected: [u8; 16] = std::array::from_fn(|k| if bytes[k].is_ascii_alphabetic() { 0xFF } else { 0 });
            assert_eq!(flags, expected, "from {first}");
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
}
