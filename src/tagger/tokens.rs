//! Splits article text into word tokens with what separates them, the raw
//! material of the matcher. One pass over the bytes; offsets are byte
//! offsets into the original text.

/// What lies between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Start of text.
    Start,
    /// Spaces or tabs only.
    Space,
    /// A single hyphen (or dash without spaces): "Ivano-Frankivsk", "Moscow-annexed".
    Hyphen,
    /// A period and spaces after an abbreviation that names continue
    /// through ("St. Petersburg").
    AbbreviationDot,
    /// A line break: a headline and the caption after it never merge.
    Break,
    /// The end of a sentence (".", "!", "?" and spaces).
    SentenceEnd,
    /// Other punctuation (comma, colon, quotes, brackets).
    Punct,
}

/// One word of the text (24 bytes: texts hold many).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded-name hash of the word, for capitalised words (0 for others),
    /// computed once because the matcher asks for it many times.
    pub hash: u64,
    /// Byte offset of the first character.
    start: u32,
    /// Byte offset just past the last character.
    end: u32,
    /// What separates it from the previous token.
    pub gap: Gap,
    /// First letter is upper case.
    pub capitalized: bool,
    /// Every letter is upper case (and there are at least two).
    pub all_caps: bool,
    /// A possessive "'s" follows directly ("Kyiv's"); not part of the token.
    pub possessive: bool,
}

impl Token {
    /// Byte offset of the first character.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last character.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Byte offset just past the possessive "'s" after the token, if one
    /// follows, else [`Token::end`].
    pub fn possessive_end(&self, text: &str) -> usize {
        if self.possessive {
            self.end() + possessive_len(text, self.end())
        } else {
            self.end()
        }
    }
}

use crate::gazetteer::fold::{ascii_name_hash, fold_hash};

/// Abbreviations after which a period does not end a name ("St. Petersburg").
const NAME_ABBREVIATIONS: [&str; 5] = ["St", "Ste", "Mt", "Ft", "Pt"];

/// Tokenizes `text`: words are runs of letters and digits, with inner
/// apostrophes ("L'viv", "Donets'k") but not a possessive "'s", and dotted
/// initials ("U.S.", "U.K.") kept as one token. ASCII is read byte by byte;
/// other characters are decoded only where they occur.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text has a word about every six bytes.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut gap_start = 0;
    let mut previous: Option<(usize, usize)> = None;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                pos += 1;
                continue;
            }
            // The bulk of news text: a word of lower-case letters and digits
            // that plain ASCII punctuation or a space ends. It needs none of
            // the checks below (initials, apostrophes, glued words, hashing).
            if !b.is_ascii_uppercase()
                && let Some(end) = plain_word_end(bytes, pos)
            {
                let gap = gap_before(text, previous, gap_start, pos);
                let Some(token) = plain_token(pos, end, gap) else { break };
                tokens.push(token);
                // More such words after single spaces are taken in this
                // small loop, whose state the processor keeps in registers.
                let (mut start, mut end) = (pos, end);
                while bytes.get(end) == Some(&b' ')
                    && bytes
                        .get(end + 1)
                        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                    && let Some(next_end) = plain_word_end(bytes, end + 1)
                {
                    (start, end) = (end + 1, next_end);
                    let Some(token) = plain_token(start, end, Gap::Space) else {
                        return tokens;
                    };
                    tokens.push(token);
                }
                previous = Some((start, end));
                pos = end;
                gap_start = end;
                continue;
            }
            // A capitalised word of ASCII letters ("Kharkiv"), the next most
            // common: no initials, apostrophes or glued words to look for,
            // and its lower case is its fold.
            if let Some(end) = plain_capitalised_end(bytes, pos) {
                let gap = gap_before(text, previous, gap_start, pos);
                let Some(token) = plain_token(pos, end, gap) else { break };
                tokens.push(Token {
                    capitalized: true,
                    hash: ascii_name_hash(&bytes[pos..end]),
                    ..token
                });
                previous = Some((pos, end));
                pos = end;
                gap_start = end;
                continue;
            }
        } else {
            let Some(c) = char_at(text, pos) else { break };
            if !is_alphanumeric(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        let start = pos;
        let (end, possessive) = word_end(text, pos);
        let gap = gap_before(text, previous, gap_start, start);
        let capitalized = if b < 0x80 {
            b.is_ascii_uppercase() || is_elision_before_capital(text, start)
        } else {
            text[start..].chars().next().is_some_and(char::is_uppercase)
        };
        let (all_caps, hash) = if capitalized {
            capitalised_facts(&text[start..end])
        } else {
            (false, 0)
        };
        // Offsets are u32: texts beyond 4 GiB are tokenized up to there.
        let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end)) else {
            break;
        };
        tokens.push(Token {
            start: start32,
            end: end32,
            gap,
            capitalized,
            all_caps,
            possessive,
            hash,
        });
        previous = Some((start, end));
        pos = if possessive {
            end + possessive_len(text, end)
        } else {
            end
        };
        gap_start = pos;
    }
    tokens
}

/// What lies between the previous token (`previous`, if any, which ends
/// where the gap starts at `gap_start`) and a token starting at `start`.
#[inline]
fn gap_before(text: &str, previous: Option<(usize, usize)>, gap_start: usize, start: usize) -> Gap {
    match previous {
        None => Gap::Start,
        // The common case: one space.
        Some(_) if start == gap_start + 1 && text.as_bytes()[gap_start] == b' ' => Gap::Space,
        Some((p_start, p_end)) => classify_gap(&text[gap_start..start], &text[p_start..p_end]),
    }
}

/// Where a word starting at `start` with an upper-case ASCII letter and
/// going on with lower-case ASCII letters ends, if what follows it is the
/// end of the text or ASCII that is neither a letter, a digit nor an
/// apostrophe, and it is not an initial ("U."): there [`word_end`] would end
/// it too, with no possessive. Such a word is capitalised, not all capitals
/// (one capital), and folds to its ASCII lower case.
#[inline]
fn plain_capitalised_end(bytes: &[u8], start: usize) -> Option<usize> {
    if !bytes[start].is_ascii_uppercase() || bytes.get(start + 1) == Some(&b'.') {
        return None;
    }
    let mut end = start + 1;
    while bytes.get(end).is_some_and(u8::is_ascii_lowercase) {
        end += 1;
    }
    match bytes.get(end) {
        None => Some(end),
        Some(&b) if BYTE_CLASS[usize::from(b)] == ENDS_PLAIN_WORD => Some(end),
        _ => None,
    }
}

/// The token of a word that [`plain_word_end`] ends; `None` beyond 4 GiB,
/// where tokenizing stops.
#[inline]
fn plain_token(start: usize, end: usize, gap: Gap) -> Option<Token> {
    Some(Token {
        start: u32::try_from(start).ok()?,
        end: u32::try_from(end).ok()?,
        gap,
        capitalized: false,
        all_caps: false,
        possessive: false,
        hash: 0,
    })
}

/// Where a word of ASCII lower-case letters and digits starting at `start`
/// ends, if what follows it is the end of the text or ASCII that is neither
/// a letter, a digit nor an apostrophe: there [`word_end`] would end it too,
/// with no possessive.
#[inline]
fn plain_word_end(bytes: &[u8], start: usize) -> Option<usize> {
    let end = lower_or_digit_end(bytes, start);
    match bytes.get(end) {
        None => Some(end),
        Some(&b) if BYTE_CLASS[usize::from(b)] == ENDS_PLAIN_WORD => Some(end),
        _ => None,
    }
}

/// The first byte at or after `at` that is not an ASCII lower-case letter
/// or digit (the length of `bytes` if none is).
#[inline]
fn lower_or_digit_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == LOWER_OR_DIGIT)
    {
        at += 1;
    }
    at
}

/// [`BYTE_CLASS`] of an ASCII lower-case letter or digit.
const LOWER_OR_DIGIT: u8 = 1;
/// [`BYTE_CLASS`] of ASCII that is neither a letter, a digit nor an
/// apostrophe: it ends a word of [`plain_word_end`].
const ENDS_PLAIN_WORD: u8 = 2;
/// [`BYTE_CLASS`] of the other bytes (capitals, the apostrophe, non-ASCII).
const OTHER_BYTE: u8 = 0;

/// The class of every byte, looked up once a byte where a word of lower
/// case is read (one load and compare, where range tests take several).
static BYTE_CLASS: [u8; 256] = {
    let mut class = [OTHER_BYTE; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        class[b] = if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            LOWER_OR_DIGIT
        } else if byte.is_ascii_alphabetic() || byte == b'\'' {
            OTHER_BYTE
        } else {
            ENDS_PLAIN_WORD
        };
        b += 1;
    }
    class
};

/// Whether a capitalised word is all capitals ([`is_all_caps`]), and its
/// [`fold_hash`]. A word of ASCII letters and digits only folds to its lower
/// case: one pass over it gives both, without the general folding machinery.
fn capitalised_facts(word: &str) -> (bool, u64) {
    let bytes = word.as_bytes();
    if bytes.iter().all(u8::is_ascii_alphanumeric) {
        let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
        let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
        return (letters >= 2 && upper == letters, ascii_name_hash(bytes));
    }
    (is_all_caps(word), fold_hash(word))
}

/// Whether every letter of a capitalised word is upper case, with at least two letters.
fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        let first_two = letters.by_ref().take(2).filter(u8::is_ascii_uppercase).count() == 2;
        return first_two && letters.all(|b| b.is_ascii_uppercase());
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first_two = letters.by_ref().take(2).filter(|c| c.is_uppercase()).count() == 2;
    first_two && letters.all(char::is_uppercase)
}

/// [`char::is_alphanumeric`], answered without Unicode's tables for the
/// characters other than ASCII that news text holds most: typographic
/// punctuation (quotes, dashes, the ellipsis: none is a letter or digit) and
/// the letters of Latin-1 ("é", "ü").
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{2000}'..='\u{206f}' => false,
        '×' | '÷' => false,
        'À'..='ÿ' => true,
        _ => c.is_alphanumeric(),
    }
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Length in bytes of the possessive ("'s" or "’s") at `pos`.
fn possessive_len(text: &str, pos: usize) -> usize {
    char_at(text, pos).map_or(0, char::len_utf8) + 1
}

/// Finds where the word starting at `start` ends, and whether a possessive follows.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    // Dotted initials: U.S., U.K., U.N.
    if bytes[start].is_ascii_uppercase()
        && bytes.get(start + 1) == Some(&b'.')
        && let Some(end) = dotted_initials(text, start)
    {
        return (end, false);
    }
    let mut pos = start;
    let mut letters = 0;
    let mut previous_lower = false;
    loop {
        // Runs of lower-case letters and digits, the bulk of English text.
        let run_start = pos;
        pos = lower_or_digit_end(bytes, pos);
        if pos > run_start {
            previous_lower = bytes[pos - 1].is_ascii_lowercase();
            letters += pos - run_start;
        }
        let Some(&b) = bytes.get(pos) else { break };
        if b.is_ascii_alphanumeric() {
            if previous_lower && b.is_ascii_uppercase() && letters >= 4 {
                return (pos, false);
            }
            previous_lower = b.is_ascii_lowercase();
            letters += 1;
            pos += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match char_at(text, pos) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if is_alphanumeric(c) {
            // Words glued by a scraper ("KharkivWikimedia") split at the
            // case change; short prefixes ("McAllen", "DeKalb") stay whole.
            let upper = c.is_uppercase();
            if previous_lower && upper && letters >= 4 {
                return (pos, false);
            }
            previous_lower = c.is_lowercase();
            letters += 1;
            pos += len;
            continue;
        }
        if is_apostrophe(c) {
            let after = pos + len;
            let next = char_at(text, after);
            if next.is_some_and(|n| n == 's' || n == 'S') {
                let beyond = char_at(text, after + 1);
                if !beyond.is_some_and(char::is_alphanumeric) {
                    return (pos, true);
                }
            }
            if bytes[start].is_ascii_uppercase() && is_contraction(text, after) {
                // "I've", "We'll": a capitalised word ends before the
                // apostrophe (lower-case words, never places, stay whole).
                return (pos, false);
            }
            if next.is_some_and(char::is_alphabetic) && pos > start {
                pos = after;
                continue;
            }
        }
        break;
    }
    (pos, false)
}

/// Whether the word at `start` is a French elided article before a
/// capitalised word ("d'Ivoire", "d’Armor"), which is part of the name
/// ("Côte d'Ivoire") and so counts as capitalised.
fn is_elision_before_capital(text: &str, start: usize) -> bool {
    let mut chars = text.get(start..).unwrap_or_default().chars();
    matches!(chars.next(), Some('d' | 'l'))
        && chars.next().is_some_and(is_apostrophe)
        && chars.next().is_some_and(char::is_uppercase)
}

/// Whether the letters at `at` (after an apostrophe) are the end of an
/// English contraction ("'ve", "'ll", "'re", "'d", "'m"), which no place
/// name has: folded with it, "I've" would read as the name "Ive".
fn is_contraction(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    let letters = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let ends_word = !char_at(text, at + letters).is_some_and(is_alphanumeric);
    ends_word
        && ["ve", "ll", "re", "d", "m"]
            .iter()
            .any(|suffix| rest[..letters].eq_ignore_ascii_case(suffix.as_bytes()))
}

/// "U.S." style initials: single upper-case letters each followed by a dot,
/// at least two of them. Returns the end just past the last dot.
fn dotted_initials(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut pos = start;
    let mut count = 0;
    while pos + 1 < b.len() && b[pos].is_ascii_uppercase() && b[pos + 1] == b'.' {
        let after = b.get(pos + 2).copied();
        count += 1;
        pos += 2;
        if !after.is_some_and(|a| a.is_ascii_uppercase()) {
            break;
        }
    }
    (count >= 2 && !b.get(pos).is_some_and(|a| a.is_ascii_alphanumeric())).then_some(pos)
}

/// Whether a word is one of [`NAME_ABBREVIATIONS`], in any case ("ST. LOUIS").
fn is_name_abbreviation(word: &str) -> bool {
    NAME_ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Classifies the text between two tokens (`previous` is the first one).
fn classify_gap(gap: &str, previous: &str) -> Gap {
    let bytes = gap.as_bytes();
    // The most common gaps that are not a single space, answered as the
    // general rules below answer them.
    match bytes {
        b", " => return Gap::Punct,
        b". " if is_name_abbreviation(previous) => return Gap::AbbreviationDot,
        b". " => return Gap::SentenceEnd,
        _ => {}
    }
    // Nothing between two tokens: a glued word split at its case change.
    if bytes.is_empty() || bytes.iter().any(|&b| b == b'\n' || b == b'\r') {
        return Gap::Break;
    }
    if bytes.iter().all(|&b| b == b' ' || b == b'\t') || gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
        return Gap::Space;
    }
    if gap == "-" || gap == "‑" {
        return Gap::Hyphen;
    }
    let trimmed = gap.trim_end();
    if trimmed == "." && is_name_abbreviation(previous) {
        return Gap::AbbreviationDot;
    }
    let ends_sentence = trimmed.ends_with(['.', '!', '?'])
        || trimmed.ends_with(['.', '!', '?']) && trimmed.ends_with(['"', '”', '’', '\'']);
    if ends_sentence
        || trimmed
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?'])
    {
        // "U.S. officials": the dot belongs to the initials, not a sentence end.
        if previous.ends_with('.') && gap.trim().is_empty() {
            return Gap::Space;
        }
        return Gap::SentenceEnd;
    }
    Gap::Punct
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect()
    }

    #[test]
    fn possessives_split_but_inner_apostrophes_stay() {
        assert_eq!(
            words("Kyiv's army near L'viv and Donets’k"),
            ["Kyiv", "army", "near", "L'viv", "and", "Donets’k"]
        );
        let t = tokenize("Kiev’s troops");
        assert!(t[0].possessive);
        assert_eq!(t[1].gap, Gap::Space);
    }

    #[test]
    fn elided_articles_before_a_capital_are_capitalised() {
        let capitalised = |text: &str| -> Vec<bool> { tokenize(text).iter().map(|t| t.capitalized).collect() };
        assert_eq!(capitalised("Côte d'Ivoire"), [true, true]);
        assert_eq!(capitalised("Côtes-d’Armor"), [true, true]);
        assert_eq!(capitalised("d'abord l'eau d'"), [false, false, false]);
    }

    #[test]
    fn contractions_end_the_word_before_the_apostrophe() {
        assert_eq!(
            words("I've seen We’ll They're I'd I'm O'Dell d'Ivoire Qal'at it'll"),
            [
                "I", "ve", "seen", "We", "ll", "They", "re", "I", "d", "I", "m", "O'Dell", "d'Ivoire", "Qal'at",
                "it'll"
            ]
        );
    }

    #[test]
    fn initials_stay_whole_and_gaps_are_classified() {
        let text = "U.S. officials said. St. Petersburg-based firms\nKharkiv";
        assert_eq!(
            words(text),
            [
                "U.S.",
                "officials",
                "said",
                "St",
                "Petersburg",
                "based",
                "firms",
                "Kharkiv"
            ]
        );
        let gaps: Vec<Gap> = tokenize(text).iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::Start,
                Gap::Space,
                Gap::Space,
                Gap::SentenceEnd,
                Gap::AbbreviationDot,
                Gap::Hyphen,
                Gap::Space,
                Gap::Break
            ]
        );
    }

    #[test]
    fn name_abbreviations_join_in_any_case() {
        let gaps: Vec<Gap> = tokenize("ST. LOUIS – St. Louis and MT. VERNON")
            .iter()
            .map(|t| t.gap)
            .collect();
        assert_eq!(
            gaps,
            [
                Gap::Start,
                Gap::AbbreviationDot,
                Gap::Punct,
                Gap::AbbreviationDot,
                Gap::Space,
                Gap::Space,
                Gap::AbbreviationDot
            ]
        );
    }

    #[test]
    fn glued_words_split_apart() {
        let text = "troops retreat from KharkivWikimedia Commons, McAllen and DeKalb";
        assert_eq!(
            words(text),
            [
                "troops",
                "retreat",
                "from",
                "Kharkiv",
                "Wikimedia",
                "Commons",
                "McAllen",
                "and",
                "DeKalb"
            ]
        );
        assert_eq!(tokenize(text)[4].gap, Gap::Break);
    }

    #[test]
    fn long_words_split_where_glued() {
        let text = "counteroffensives regained northeasternKharkiv 2022offensive";
        assert_eq!(
            words(text),
            [
                "counteroffensives",
                "regained",
                "northeastern",
                "Kharkiv",
                "2022offensive"
            ]
        );
    }

    #[test]
    fn capitalised_facts_are_all_caps_and_fold_hash() {
        for word in [
            "Kharkiv",
            "KYIV",
            "A",
            "",
            "B52",
            "Ivano-Frankivsk",
            "Kraków",
            "U.S.",
            "Pneumonoultramicroscopicsilicovolcanoconiosis",
            "ABCDEFGHIJKLMNOPQRSTUVWX",
            "ABCDEFGHIJKLMNOPQRSTUVWXY",
            "UK",
            "U",
            "USA2",
            "NATO's",
            "KYIv",
        ] {
            assert_eq!(
                capitalised_facts(word),
                (is_all_caps(word), fold_hash(word)),
                "{word:?}"
            );
        }
    }

    #[test]
    fn plain_words_tokenize_as_the_general_path_does() {
        // Each plain word's neighbours send it down the general path or not.
        let text = "wait's in 2022 it'd near-by ran\tup.\nand KharkivWikimedia donetsk'x l’viv";
        assert_eq!(
            words(text),
            [
                "wait",
                "in",
                "2022",
                "it'd",
                "near",
                "by",
                "ran",
                "up",
                "and",
                "Kharkiv",
                "Wikimedia",
                "donetsk'x",
                "l’viv"
            ]
        );
        assert!(tokenize(text)[0].possessive);
    }

    #[test]
    fn the_fast_word_ends_agree_with_the_general_path_after_any_character() {
        let after = (0u8..0x80).map(char::from).chain(['é', '’', '\u{a0}', 'К', '—']);
        for c in after {
            for word in ["kharkiv", "Kharkiv", "2022"] {
                let text = format!("{word}{c}oblast");
                let bytes = text.as_bytes();
                let fast = plain_word_end(bytes, 0).or_else(|| plain_capitalised_end(bytes, 0));
                if let Some(end) = fast {
                    assert_eq!(word_end(&text, 0), (end, false), "{text:?}");
                }
                // The fast paths take every word that ASCII punctuation or a space ends.
                if c.is_ascii() && !c.is_ascii_alphanumeric() && c != '\'' {
                    assert_eq!(fast, Some(word.len()), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn fast_alphanumeric_answers_as_unicode_does() {
        for c in ('\u{80}'..='\u{3000}').chain(['a', 'Z', '0', ' ', '\'', '-']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn capitalised_ascii_words_tokenize_as_the_general_path_does() {
        // Each capitalised word is followed by what sends it down the fast
        // path (space, comma, period, hyphen, end) or the general one
        // (possessive, inner apostrophe, digit, glued capital, non-ASCII,
        // initials).
        let text =
            "Kyiv, Lviv. Kharkiv-based Odesa’s Izium's L'viv B52 Mykolaiv2 KharkivWikimedia Kraków U.S. A Zaporizhzhia";
        assert_eq!(
            words(text),
            [
                "Kyiv",
                "Lviv",
                "Kharkiv",
                "based",
                "Odesa",
                "Izium",
                "L'viv",
                "B52",
                "Mykolaiv2",
                "Kharkiv",
                "Wikimedia",
                "Kraków",
                "U.S.",
                "A",
                "Zaporizhzhia"
            ]
        );
        for t in tokenize(text).iter().filter(|t| t.capitalized) {
            let word = &text[t.start()..t.end()];
            assert_eq!((t.all_caps, t.hash), capitalised_facts(word), "{word}");
            assert_eq!(t.hash, fold_hash(word), "{word}");
        }
        let gaps: Vec<Gap> = tokenize(text).iter().map(|t| t.gap).collect();
        assert_eq!(gaps[..4], [Gap::Start, Gap::Punct, Gap::SentenceEnd, Gap::Hyphen]);
        let t = tokenize(text);
        assert!(t[4].possessive && t[5].possessive && !t[0].possessive);
        assert!(t[12].all_caps && !t[13].all_caps && !t[0].all_caps);
    }

    #[test]
    fn case_flags() {
        let t = tokenize("VLADIMIR Putin's US troops");
        assert!(t[0].all_caps && t[0].capitalized);
        assert!(t[1].capitalized && !t[1].all_caps && t[1].possessive);
        assert!(t[2].all_caps);
        assert!(!t[3].capitalized);
    }
}
