//! Byte offsets to Unicode character offsets (Python string indices), the
//! unit every offset georef prints is in.

/// Converts increasing byte offsets to character offsets in one pass
/// (a smaller offset than the last restarts from the beginning).
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter over `text`.
    pub fn new(text: &'t str) -> Self {
        CharOffsets { text, byte: 0, char: 0 }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        self.char += self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let text = "Київ and Kyiv";
        let mut offsets = CharOffsets::new(text);
        assert_eq!(offsets.at(text.find("and").unwrap()), 5);
        assert_eq!(offsets.at(text.len()), 13);
        assert_eq!(offsets.at(0), 0);
    }
}
