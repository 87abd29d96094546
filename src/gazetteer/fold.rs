//! Name folding and hashing: the one definition of when two names are "the same".
//!
//! Shared verbatim with `build.rs`, which folds the embedded gazetteer's names
//! with these functions at compile time; keep this file free of crate paths.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name for lookup: lower case, no diacritics, no apostrophes or
/// periods, hyphens and other punctuation as single spaces, trimmed.
///
/// `"Kharkiv Oblast"`, `"kharkiv  oblast"` and `"Khárkiv-Oblast"` all fold to
/// `"kharkiv oblast"`; `"Donets'k"` folds to `"donetsk"` and `"U.S."` to `"us"`.
///
/// ```
/// use georef::gazetteer::fold::fold;
/// assert_eq!(fold("Khárkiv-Oblast"), "kharkiv oblast");
/// assert_eq!(fold("Donets'k"), fold("Donetsk"));
/// ```
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// Like [`fold`], writing into `out` (cleared first) to reuse its allocation.
pub fn fold_into(name: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_ascii() {
            match c {
                'a'..='z' | '0'..='9' => push(c, out, &mut pending_space),
                'A'..='Z' => push(c.to_ascii_lowercase(), out, &mut pending_space),
                '\'' | '.' | '`' => {}
                _ => pending_space = true,
            }
            continue;
        }
        if is_dropped_mark(c) {
            continue;
        }
        if let Some(spelled) = special_letter(c) {
            for s in spelled.chars() {
                push(s, out, &mut pending_space);
            }
            continue;
        }
        for d in c.nfd() {
            if is_combining_mark(d) {
                continue;
            }
            for l in d.to_lowercase() {
                if l.is_alphanumeric() {
                    push(l, out, &mut pending_space);
                } else {
                    pending_space = true;
                }
            }
        }
    }
}

/// Appends a letter, preceded by one space if punctuation came before it.
fn push(c: char, out: &mut String, pending_space: &mut bool) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push(c);
}

/// Apostrophe-like marks that vanish inside names (`Kyiv’s`, `Khar’kov`).
fn is_dropped_mark(c: char) -> bool {
    matches!(c, '’' | '‘' | 'ʼ' | 'ʻ' | '´' | 'ʹ' | '′')
}

/// Letters that Unicode does not decompose but readers treat as plain ones.
fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// `name_hash(&fold(name))`, without building the folded text when the name
/// is ASCII (the common case in English news); `scratch` is used otherwise.
pub fn fold_hash(name: &str, scratch: &mut String) -> u64 {
    if !name.is_ascii() {
        fold_into(name, scratch);
        return name_hash(scratch);
    }
    let mut h = FNV_OFFSET;
    let mut started = false;
    let mut pending_space = false;
    for b in name.bytes() {
        let folded = match b {
            b'a'..=b'z' | b'0'..=b'9' => b,
            b'A'..=b'Z' => b.to_ascii_lowercase(),
            b'\'' | b'.' | b'`' => continue,
            _ => {
                pending_space = true;
                continue;
            }
        };
        if pending_space && started {
            h = fnv_step(h, b' ');
        }
        pending_space = false;
        started = true;
        h = fnv_step(h, folded);
    }
    finish_hash(h)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn finish_hash(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    // 0 marks an empty slot in the name table.
    h.max(1)
}

/// A 64-bit hash of a folded name (FNV-1a with a final avalanche), stable
/// across builds and platforms because the embedded index stores it.
pub fn name_hash(folded: &str) -> u64 {
    finish_hash(folded.bytes().fold(FNV_OFFSET, fnv_step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Khárkiv-Oblast"), "kharkiv oblast");
        assert_eq!(fold("  Kharkiv   Oblast "), "kharkiv oblast");
        assert_eq!(fold("Donets'k"), "donetsk");
        assert_eq!(fold("Khar’kov"), "kharkov");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("St. Petersburg"), "st petersburg");
        assert_eq!(fold("Kraków"), "krakow");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Київ"), fold("КИЇВ"));
        assert_eq!(fold("Ivano-Frankivsk"), fold("Ivano Frankivsk"));
    }

    #[test]
    fn fold_hash_equals_hashing_the_folded_text() {
        let mut scratch = String::new();
        for name in [
            "Kharkiv",
            "St. Petersburg",
            " New  York ",
            "U.S.",
            "Ivano-Frankivsk",
            "Kraków",
            "a--b",
            "'",
            "",
        ] {
            assert_eq!(fold_hash(name, &mut scratch), name_hash(&fold(name)), "{name:?}");
        }
    }

    #[test]
    fn hash_is_stable_and_never_zero() {
        assert_eq!(name_hash("kyiv"), name_hash(&fold("Kyiv")));
        assert_ne!(name_hash("kyiv"), name_hash("kiev"));
        assert_ne!(name_hash(""), 0);
    }
}
