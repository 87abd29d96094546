//! Lower-case words of a sentence with their byte ranges: what the claim
//! tables are matched against.

use std::ops::Range;

/// One word, lower case, with its place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word, lower case; "n't" is its own word, as is "km²".
    pub text: String,
    /// Byte range in the text the words were taken from.
    pub range: Range<usize>,
}

/// Splits `text` into words: runs of letters, digits, inner apostrophes,
/// and inner commas or periods between digits ("6,000", "2.5"); "²" stays
/// with its word.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        if !c.is_alphanumeric() {
            at += c.len_utf8();
            continue;
        }
        let start = at;
        let end = word_end(text, start, c);
        push_word(text, start..end, &mut out);
        at = end;
    }
    out
}

/// The character at byte `at` of `text`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Where the word that starts at byte `start` with `first` ends.
fn word_end(text: &str, start: usize, first: char) -> usize {
    let mut prev = first;
    let mut j = start + first.len_utf8();
    while let Some(c) = char_at(text, j) {
        let after = j + c.len_utf8();
        let next = || char_at(text, after);
        let keep = c.is_alphanumeric()
            || c == '²'
            || matches!(c, ',' | '.') && prev.is_ascii_digit() && next().is_some_and(|n| n.is_ascii_digit())
            || matches!(c, '\'' | '’') && next().is_some_and(char::is_alphabetic)
            || c == '-'
                && prev.is_alphabetic()
                && next().is_some_and(char::is_alphanumeric)
                && is_prefix(&text[start..j]);
        if !keep {
            break;
        }
        prev = c;
        j = after;
    }
    j
}

/// Adds the word at `range` of `text`, lower case; "don't" becomes "do" and "n't".
fn push_word(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Word>) {
    let original = &text[range.clone()];
    let word = if original.is_ascii() {
        original.to_ascii_lowercase()
    } else {
        original.to_lowercase().replace('’', "'")
    };
    match word.strip_suffix("n't").filter(|s| !s.is_empty()) {
        Some(stem) => {
            // The suffix as written: "n't" or "n’t".
            let suffix = if original.ends_with("’t") || original.ends_with("’T") {
                5
            } else {
                3
            };
            let split = range.end - suffix;
            out.push(Word {
                text: stem.to_string(),
                range: range.start..split,
            });
            out.push(Word {
                text: "n't".to_string(),
                range: split..range.end,
            });
        }
        None => out.push(Word { text: word, range }),
    }
}

/// Hyphens stay inside "de-occupied" and "pro-Russian" style words only.
fn is_prefix(word: &str) -> bool {
    ["de", "re", "pro", "anti", "ex"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether `words[at..]` starts with the phrase `phrase`.
pub fn starts_with(words: &[Word], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words.len() >= at + phrase.len()
        && words[at..at + phrase.len()]
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.text == *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curly_negation_keeps_its_bytes() {
        let text = "They don’t know.";
        let got = words(text);
        let spans: Vec<&str> = got.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(spans, ["They", "do", "n’t", "know"]);
        assert_eq!(got[2].text, "n't");
    }

    #[test]
    fn numbers_apostrophes_and_prefixes_stay_whole() {
        let text = "Kyiv's 6,000 km² de-occupied land, not Moscow-annexed; they don't know 2.5 miles";
        let got: Vec<String> = words(text).into_iter().map(|w| w.text).collect();
        assert_eq!(
            got,
            [
                "kyiv's",
                "6,000",
                "km²",
                "de-occupied",
                "land",
                "not",
                "moscow",
                "annexed",
                "they",
                "do",
                "n't",
                "know",
                "2.5",
                "miles"
            ]
        );
    }
}
