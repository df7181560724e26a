//! Exports held for the rest of a connection, handed out in chunks: a year of audit rows does not
//! fit in one 1 MiB message, so `audit_export` answers with the first chunk and an id, and
//! `audit_export_chunk` with the next ones. The export is made once, so every chunk comes from
//! the same text even if rows are appended meanwhile.

use std::collections::VecDeque;

use crate::audit::export::Export;

/// The most text in one chunk, in bytes. JSON escaping at most doubles the quotes and
/// backslashes of an export, so a chunk's reply stays well under the browser's 1 MiB.
pub const CHUNK_BYTES: usize = 256 * 1024;
/// How many exports a connection keeps; the oldest goes first.
const KEPT: usize = 4;

/// The exports of one connection.
#[derive(Debug, Default)]
pub struct ExportCache {
    made: u64,
    kept: VecDeque<(String, Export)>,
}

/// A piece of an export.
#[derive(Debug, PartialEq, Eq)]
pub struct Chunk<'a> {
    /// The text.
    pub text: &'a str,
    /// Where the next piece starts; `None` after the last.
    pub next_offset: Option<usize>,
}

impl ExportCache {
    /// Keeps `export` and returns its id.
    pub fn keep(&mut self, export: Export) -> String {
        self.made += 1;
        let id = format!("export-{}", self.made);
        if self.kept.len() == KEPT {
            self.kept.pop_front();
        }
        self.kept.push_back((id.clone(), export));
        id
    }

    /// The export with `id`.
    pub fn get(&self, id: &str) -> Option<&Export> {
        self.kept.iter().find(|(kept, _)| kept == id).map(|(_, export)| export)
    }
}

/// The chunk of `text` that starts at byte `offset`; `None` if `offset` is past the end or inside
/// a character.
pub fn chunk(text: &str, offset: usize) -> Option<Chunk<'_>> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let mut end = (offset + CHUNK_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(Chunk { text: &text[offset..end], next_offset: (end < text.len()).then_some(end) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_and_never_split_a_character() {
        let text = "é".repeat(CHUNK_BYTES); // two bytes each
        let mut offset = 0;
        let mut joined = String::new();
        loop {
            let piece = chunk(&text, offset).unwrap();
            assert!(piece.text.len() <= CHUNK_BYTES);
            joined.push_str(piece.text);
            match piece.next_offset {
                Some(next) => offset = next,
                None => break,
            }
        }
        assert_eq!(joined, text);
        assert_eq!(chunk(&text, 1), None);
        assert_eq!(chunk("abc", 4), None);
        assert_eq!(chunk("", 0), Some(Chunk { text: "", next_offset: None }));
    }

    #[test]
    fn keeps_the_newest_few() {
        let mut cache = ExportCache::default();
        let export = Export { file_name: "a.csv".into(), media_type: "text/csv", content: "x".into() };
        let first = cache.keep(export.clone());
        for _ in 0..KEPT {
            cache.keep(export.clone());
        }
        assert!(cache.get(&first).is_none());
        assert!(cache.get(&format!("export-{}", KEPT + 1)).is_some());
    }
}
