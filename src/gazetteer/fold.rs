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
        fold_char(c, &mut |folded| match folded {
            Some(l) => push(l, out, &mut pending_space),
            None => pending_space = true,
        });
    }
}

/// The folding rule for one character: `emit` receives each letter or
/// digit it folds to, and `None` for punctuation (which becomes a space
/// between letters). Apostrophes and periods emit nothing.
#[inline]
fn fold_char(c: char, emit: &mut impl FnMut(Option<char>)) {
    if c.is_ascii() {
        match c {
            'a'..='z' | '0'..='9' => emit(Some(c)),
            'A'..='Z' => emit(Some(c.to_ascii_lowercase())),
            '\'' | '.' | '`' => {}
            _ => emit(None),
        }
        return;
    }
    if is_dropped_mark(c) {
        return;
    }
    if let Some(spelled) = special_letter(c) {
        spelled.chars().for_each(|s| emit(Some(s)));
        return;
    }
    for d in c.nfd() {
        if is_combining_mark(d) {
            continue;
        }
        for l in d.to_lowercase() {
            emit(if l.is_alphanumeric() { Some(l) } else { None });
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

/// `name_hash(&fold(name))`, without building the folded text.
pub fn fold_hash(name: &str) -> u64 {
    let mut hasher = FoldHasher::new();
    hasher.feed(name);
    hasher.finish()
}

/// Folds and hashes text fed piece by piece: feeding the pieces of a text in
/// order gives [`fold_hash`] of the whole, so the hashes of "New", "New
/// York" and "New York City" come from one pass over the text.
#[derive(Clone, Copy, Debug)]
pub struct FoldHasher {
    h: u64,
    started: bool,
    pending_space: bool,
}

impl Default for FoldHasher {
    fn default() -> Self {
        FoldHasher::new()
    }
}

impl FoldHasher {
    /// A hasher that has seen nothing (its hash is that of the empty name).
    pub fn new() -> Self {
        FoldHasher {
            h: FNV_OFFSET,
            started: false,
            pending_space: false,
        }
    }

    /// Folds `text` and adds it to the hash.
    pub fn feed(&mut self, text: &str) {
        // ASCII, the common case, byte by byte; from the first other
        // character on, character by character.
        for (k, &b) in text.as_bytes().iter().enumerate() {
            match b {
                b'a'..=b'z' | b'0'..=b'9' => self.letter(b),
                b'A'..=b'Z' => self.letter(b.to_ascii_lowercase()),
                b'\'' | b'.' | b'`' => {}
                0x80.. => {
                    if let Some(rest) = text.get(k..) {
                        self.feed_chars(rest);
                    }
                    return;
                }
                _ => self.pending_space = true,
            }
        }
    }

    fn feed_chars(&mut self, text: &str) {
        for c in text.chars() {
            fold_char(c, &mut |folded| match folded {
                Some(l) => {
                    let mut utf8 = [0; 4];
                    for (k, &b) in l.encode_utf8(&mut utf8).as_bytes().iter().enumerate() {
                        if k == 0 {
                            self.letter(b);
                        } else {
                            self.h = fnv_step(self.h, b);
                        }
                    }
                }
                None => self.pending_space = true,
            });
        }
    }

    /// Adds one byte of a folded letter, after a space if punctuation came
    /// between it and the previous letter.
    #[inline]
    fn letter(&mut self, b: u8) {
        if self.pending_space && self.started {
            self.h = fnv_step(self.h, b' ');
        }
        self.pending_space = false;
        self.started = true;
        self.h = fnv_step(self.h, b);
    }

    /// The hash of the folded text fed so far, as [`name_hash`] gives it.
    pub fn finish(&self) -> u64 {
        finish_hash(self.h)
    }
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
    name_hash_bytes(folded.as_bytes())
}

/// [`name_hash`] of the ASCII lower case of `word`, which is its fold when
/// it holds only ASCII letters and digits ("Kharkiv", "B52"): no folded text
/// is built.
pub fn ascii_name_hash(word: &[u8]) -> u64 {
    finish_hash(
        word.iter()
            .fold(FNV_OFFSET, |h, &b| fnv_step(h, b.to_ascii_lowercase())),
    )
}

/// [`name_hash`] of a folded name given as its UTF-8 bytes.
pub fn name_hash_bytes(folded: &[u8]) -> u64 {
    finish_hash(folded.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b)))
}

/// Romanisations of the Arabic article that open place names ("Al
/// Qāmishlī", "Ar Raqqah", "Ash Shaykh", "El Mahalla").
pub const ARABIC_ARTICLES: [&str; 17] = [
    "al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ath", "adh", "ed", "es", "er", "et", "ez", "en",
];
/// Countries whose place names carry the Arabic article (Arab League
/// members of North Africa and Western Asia, and Western Sahara).
const ARABIC_NAME_COUNTRIES: [&str; 20] = [
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE",
    "EH",
];
/// The fewest people a place needs for its name to be found without the
/// article too.
const ARTICLE_DROP_POPULATION: u64 = 10_000;
/// The fewest letters the name needs after the article: shorter rests are
/// given names and words ("Jamil", "Huber", "Shamal").
const ARTICLE_DROP_LETTERS: usize = 7;

/// The folded name `folded` of a place in `country` of `population` people
/// without its leading Arabic article, as English news writes most of
/// them ("al qamishli" -> "qamishli", "al hudaydah" -> "hudaydah"), where
/// the place is an Arab country's town or region of some size and the rest
/// is long enough not to be a word or a given name.
pub fn without_arabic_article<'a>(folded: &'a str, country: &str, population: u64) -> Option<&'a str> {
    if population < ARTICLE_DROP_POPULATION || !ARABIC_NAME_COUNTRIES.contains(&country) {
        return None;
    }
    let (article, rest) = folded.split_once(' ')?;
    let letters = rest.bytes().filter(|b| b.is_ascii_alphabetic()).count();
    (ARABIC_ARTICLES.contains(&article) && letters >= ARTICLE_DROP_LETTERS).then_some(rest)
}

/// The folded name `folded` of a place in `country` of `population` people
/// with its Arabic article spelled "al" and "el", as English news varies
/// them ("dayr al balah" -> "dayr el balah", "deir ez zor" -> "deir al
/// zor" and "deir el zor"), for the places [`without_arabic_article`]
/// weighs; one article of the name at a time, never its last word.
pub fn arabic_article_spellings(folded: &str, country: &str, population: u64) -> Vec<String> {
    if population < ARTICLE_DROP_POPULATION || !ARABIC_NAME_COUNTRIES.contains(&country) {
        return Vec::new();
    }
    let words: Vec<&str> = folded.split(' ').collect();
    let mut spellings = Vec::new();
    for (k, word) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
        if !ARABIC_ARTICLES.contains(word) {
            continue;
        }
        for article in ["al", "el"].into_iter().filter(|a| a != word) {
            let mut spelled = words.clone();
            spelled[k] = article;
            spellings.push(spelled.join(" "));
        }
    }
    spellings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_articles_are_spelled_both_ways() {
        assert_eq!(
            arabic_article_spellings("dayr al balah", "PS", 59_504),
            ["dayr el balah"]
        );
        assert_eq!(
            arabic_article_spellings("deir ez zor", "SY", 271_800),
            ["deir al zor", "deir el zor"]
        );
        // Not the last word, not small places, not outside Arab countries.
        assert!(arabic_article_spellings("wadi al", "SY", 50_000).is_empty());
        assert!(arabic_article_spellings("kafr al ma", "SY", 900).is_empty());
        assert!(arabic_article_spellings("san jose el viejo", "CR", 50_000).is_empty());
    }

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
        for name in NAMES {
            assert_eq!(fold_hash(name), name_hash(&fold(name)), "{name:?}");
        }
    }

    const NAMES: [&str; 13] = [
        "Kharkiv",
        "St. Petersburg",
        " New  York ",
        "U.S.",
        "Ivano-Frankivsk",
        "Kraków",
        "a--b",
        "'",
        "",
        "Київ — Kyiv’s",
        "Łódź ßtraße",
        "½ Æsir",
        "São Paulo, Brazil",
    ];

    #[test]
    fn hashing_in_pieces_equals_hashing_the_whole() {
        for name in NAMES {
            let cuts: Vec<usize> = (0..=name.len()).filter(|&i| name.is_char_boundary(i)).collect();
            for &a in &cuts {
                for &b in cuts.iter().filter(|&&b| b >= a) {
                    let mut hasher = FoldHasher::new();
                    for piece in [&name[..a], &name[a..b], &name[b..]] {
                        hasher.feed(piece);
                    }
                    assert_eq!(hasher.finish(), fold_hash(name), "{name:?} cut at {a} and {b}");
                }
            }
        }
    }

    #[test]
    fn hash_is_stable_and_never_zero() {
        assert_eq!(name_hash("kyiv"), name_hash(&fold("Kyiv")));
        assert_ne!(name_hash("kyiv"), name_hash("kiev"));
        assert_ne!(name_hash(""), 0);
    }
}
