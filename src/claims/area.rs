//! Areas in claims: a number and a unit, normalised to square kilometres.
//!
//! # Units
//! Results are km². 1 square mile = 2.589988110336 km² (exact by the
//! definition of the mile), 1 hectare = 0.01 km², 1 acre = 0.0040468564224
//! km². News writes "6,000 kilometres" for an area; such a length next to a
//! territorial claim counts as that many square units.

use super::lexicon::Unit;
use super::words::{Word, starts_with};

/// An area found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// The area in square kilometres.
    pub km2: f64,
    /// The quantity as written ("2,300 square miles").
    pub text: String,
    /// Byte range of the quantity in the text.
    pub range: std::ops::Range<usize>,
}

/// Words after a length that make it a distance, not an area.
const DISTANCE_WORDS: [&str; 11] = [
    "from", "away", "north", "south", "east", "west", "inside", "behind", "long", "wide", "deep",
];

/// The first area in `words` (taken from `text`).
pub fn find_area(text: &str, words: &[Word], units: &[Unit]) -> Option<Area> {
    for (i, word) in words.iter().enumerate() {
        let Some(mut value) = parse_number(&word.text) else {
            continue;
        };
        let mut at = i + 1;
        if let Some(scale) = words.get(at).and_then(|w| scale_word(&w.text)) {
            value *= scale;
            at += 1;
        }
        let Some(unit) = units.iter().find(|u| starts_with(words, at, &u.words)) else {
            continue;
        };
        let end = at + unit.words.len();
        if unit.is_length
            && words
                .get(end)
                .is_some_and(|w| DISTANCE_WORDS.contains(&w.text.as_str()))
        {
            continue;
        }
        let range = word.range.start..words[end - 1].range.end;
        return Some(Area {
            km2: value * unit.km2,
            text: text[range.clone()].to_string(),
            range,
        });
    }
    None
}

/// "6,000" -> 6000, "2.5" -> 2.5; words that are not numbers -> None.
pub fn parse_number(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let plain: String = word.chars().filter(|&c| c != ',').collect();
    plain.parse().ok()
}

fn scale_word(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::ClaimLexicon;
    use super::super::words::words;
    use super::*;

    fn area(text: &str) -> Option<f64> {
        let lexicon = ClaimLexicon::new();
        find_area(text, &words(text), &lexicon.units).map(|a| a.km2)
    }

    #[test]
    fn converts_units_to_square_kilometres() {
        // 2,300 square miles is 5,957 km².
        assert_eq!(
            area("captured 2,300 square miles in the east").map(f64::round),
            Some(5957.0)
        );
        assert_eq!(area("some 6000 square kilometres"), Some(6000.0));
        assert_eq!(area("about 6,000 kilometres (kms) of land"), Some(6000.0));
        assert_eq!(area("500 hectares of farmland"), Some(5.0));
        assert_eq!(area("1.5 thousand sq km"), Some(1500.0));
        assert!((area("10 acres").unwrap() - 0.040468564224).abs() < 1e-12);
        assert_eq!(area("a town 40 kilometres from the border"), None);
        assert_eq!(area("two miles from Russia"), None);
    }
}
