//! Sentence boundaries, so every mention and claim points to its sentence.
//!
//! A sentence ends at ".", "!" or "?" (and any closing quotes or brackets)
//! followed by white space and a capital, digit or quote, or at a line break.
//! Abbreviations ("Lt.", "Gen.", "U.S.", "Sept.") and initials ("J.") do not
//! end a sentence.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence, as data.
const ABBREVIATIONS: [&str; 44] = [
    "mr", "mrs", "ms", "dr", "prof", "lt", "gen", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "cmdr", "st", "mt",
    "ft", "jr", "sr", "sen", "rep", "gov", "pres", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no", "vs",
    "etc", "inc", "ltd", "co", "corp", "approx", "est", "dept", "univ", "gov't",
];

/// The byte ranges of the sentences of `text`, in order, trimmed of white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            // Closing quotes and brackets belong to the sentence.
            while let Some(c) = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '”' | '’' | '\'' | ')'))
            {
                end += c.len_utf8();
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The index of the sentence (in `sentences`) that holds byte `offset`.
pub fn sentence_at(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
}

fn ends_sentence(text: &str, start: usize, mark: usize, end: usize) -> bool {
    let after = &text[end..];
    let Some(next) = after.chars().next() else { return true };
    if !next.is_whitespace() {
        return false;
    }
    let following = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(first) = following.chars().next() else {
        return true;
    };
    if first == '\n' {
        return true;
    }
    let starts_new = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘' | '\'' | '(');
    if !starts_new {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[start..mark];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.trim_start_matches(['"', '“', '‘']).to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Initials: "J." and dotted "U.S.", "U.N.".
    let letters: Vec<char> = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let dotted = lower.contains('.') && letters.len() <= 3;
    !(letters.len() == 1 && word.chars().next().is_some_and(char::is_uppercase) || dotted)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let text = "Lt. Gen. Ivan Petrov met U.S. envoys in Kyiv on Sept. 12. The talks ended. \
                    \"We will return,\" he said! Did they? J. Smith wrote 6.5 pages.";
        assert_eq!(
            split(text),
            [
                "Lt. Gen. Ivan Petrov met U.S. envoys in Kyiv on Sept. 12.",
                "The talks ended.",
                "\"We will return,\" he said!",
                "Did they?",
                "J. Smith wrote 6.5 pages."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_quotes_stay_inside() {
        let text = "Headline without a period\n\nHe said: \u{201c}It is over.\u{201d} Then he left.\n";
        assert_eq!(
            split(text),
            [
                "Headline without a period",
                "He said: \u{201c}It is over.\u{201d}",
                "Then he left."
            ]
        );
        let ranges = sentences(text);
        assert_eq!(sentence_at(&ranges, text.find("over").unwrap()), Some(1));
        assert_eq!(sentence_at(&ranges, 0), Some(0));
        assert_eq!(sentence_at(&ranges, text.len() + 5), None);
    }
}
