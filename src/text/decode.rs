//! The bytes of a text file as text: UTF-8, with or without a byte-order
//! mark, else Windows-1252 (what browsers read for "Latin-1": Latin-1 plus
//! the typographic quotes, dashes and euro sign Windows editors write where
//! Latin-1 has control codes). CRLF and lone CR become LF. Empty and binary
//! files are refused.

/// A decoded text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with LF line ends.
    pub text: String,
    /// When the bytes were not UTF-8 and were read as Windows-1252: the
    /// 1-based line of the first byte that is not UTF-8.
    pub not_utf8_line: Option<u64>,
}

/// The characters of Windows-1252's bytes 0x80 to 0x9F (its other bytes are
/// Latin-1's); the five bytes it leaves undefined stay C1 controls, as in
/// browsers.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}',
    '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}',
    '\u{17E}', '\u{178}',
];

/// One Windows-1252 byte as a character.
fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Bytes that are not UTF-8, read as Windows-1252.
pub(super) fn from_windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| windows_1252(b)).collect()
}

/// The UTF-8 byte-order mark, which some editors write at the start of a file.
pub(super) const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes the bytes of a text file: UTF-8 (with or without BOM), else
/// Windows-1252; CRLF and lone CR become LF. Refuses empty and binary files.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    let (text, not_utf8_line) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(e) => {
            let lines_before = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            (from_windows_1252(bytes), Some(lines_before as u64 + 1))
        }
    };
    let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
    if controls * 20 > text.chars().count() {
        return Err("binary file (control bytes), not text".into());
    }
    Ok(Decoded {
        text: text.replace("\r\n", "\n").replace('\r', "\n"),
        not_utf8_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_crlf_and_windows_1252_and_refuses_binary() {
        let utf8 = decode(b"\xef\xbb\xbfKyiv\r\nKharkiv").unwrap();
        assert_eq!(utf8.text, "Kyiv\nKharkiv");
        assert_eq!(utf8.not_utf8_line, None);
        let latin = decode(b"Kyiv\nCaf\xe9 in Kharkiv, \x93Izium\x94 \x96 100 \x80").unwrap();
        assert_eq!(latin.text, "Kyiv\nCafé in Kharkiv, “Izium” – 100 €");
        assert_eq!(latin.not_utf8_line, Some(2));
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b" \n ").unwrap_err().contains("empty"));
        assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00").unwrap_err().contains("binary"));
        assert!(decode(b"\x01\x02\x03\x04 ok").unwrap_err().contains("binary"));
    }
}
