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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            let prev = chars[j - 1].1;
            let inner_number =
                matches!(c, ',' | '.') && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
            let inner_apostrophe = matches!(c, '\'' | '’') && next.is_some_and(char::is_alphabetic);
            if c.is_alphanumeric()
                || c == '²'
                || inner_number
                || inner_apostrophe
                || c == '-'
                    && next.is_some_and(char::is_alphanumeric)
                    && prev.is_alphabetic()
                    && is_prefix_hyphen(&chars, i, j)
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        let word = text[start..end].to_lowercase().replace('’', "'");
        // "don't" -> "do", "n't"
        if let Some(stem) = word.strip_suffix("n't").filter(|s| !s.is_empty()) {
            out.push(Word {
                text: stem.to_string(),
                range: start..end - 3,
            });
            out.push(Word {
                text: "n't".to_string(),
                range: end - 3..end,
            });
        } else {
            out.push(Word {
                text: word,
                range: start..end,
            });
        }
        i = j;
    }
    out
}

/// Hyphens stay inside "de-occupied" and "pro-Russian" style words only.
fn is_prefix_hyphen(chars: &[(usize, char)], start: usize, hyphen: usize) -> bool {
    let prefix: String = chars[start..hyphen].iter().map(|x| x.1.to_ascii_lowercase()).collect();
    matches!(prefix.as_str(), "de" | "re" | "pro" | "anti" | "ex")
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
