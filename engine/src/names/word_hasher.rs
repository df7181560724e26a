//! The hasher of the gazetteer's tables. Every capitalised run in a text is looked up there, and
//! the standard library's SipHash, built to resist chosen keys, cost more than the lookups
//! themselves; the keys here are the gazetteer's own words, so a multiply-rotate hash in the
//! style of rustc's FxHash, eight bytes at a time, is enough.

use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher for short keys (folded words, chars).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

/// The builder that tables keyed by words use.
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// An odd constant with well-mixed bits (the one rustc's FxHash uses).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut padded = [0u8; 8];
            padded[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(padded));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    fn finish(&self) -> u64 {
        // The last multiply leaves the low bits, which pick the bucket, depending on the low
        // bits of the input only: rotate the well-mixed high bits down.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn words_that_share_a_prefix_hash_apart() {
        let hash = |w: &str| BuildWordHasher::default().hash_one(w);
        assert_ne!(hash("anna"), hash("annab"));
        assert_ne!(hash("abcdefgh"), hash("abcdefgh\0"));
        assert_eq!(hash("schmidt"), hash("schmidt"));
    }
}
