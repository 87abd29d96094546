//! The claim extractor's tables, read from `src/claims/data/`: control
//! verbs and the action each means, area units, side names, speech verbs,
//! hedges and negations.

use rustc_hash::FxHashMap;

use super::Action;
use super::words::{Word, starts_with};

static VERBS: &str = include_str!("data/verbs.tsv");
static UNITS: &str = include_str!("data/units.tsv");
static SIDES: &str = include_str!("data/sides.tsv");
static SPEECH: &str = include_str!("data/speech.txt");
static HEDGES: &str = include_str!("data/hedges.txt");
static NEGATIONS: &str = include_str!("data/negations.txt");

/// A unit of area (or a length used for one), with its size in km².
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The words of the unit ("square", "miles").
    pub words: Vec<String>,
    /// Square kilometres per unit.
    pub km2: f64,
    /// A length ("kilometres") standing for an area in news shorthand.
    pub is_length: bool,
}

/// The tables, parsed once.
pub struct ClaimLexicon {
    /// Verb phrases and their actions.
    pub verbs: Phrases<Action>,
    /// Units, longest first.
    pub units: Vec<Unit>,
    /// Side words (lower case) and the country code of the side.
    pub sides: FxHashMap<String, String>,
    /// Speech verbs.
    pub speech: Phrases<()>,
    /// Hedges.
    pub hedges: Phrases<()>,
    /// Negations.
    pub negations: Phrases<()>,
}

/// Phrases (word lists) with a value each, indexed by their first word, so
/// that a sentence is matched with one lookup a word rather than a pass
/// over the whole table.
pub struct Phrases<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Phrases<T> {
    /// The table of `phrases`; where several match at one word, the one
    /// listed first wins.
    fn new(phrases: impl IntoIterator<Item = (Vec<String>, T)>) -> Phrases<T> {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, T)>> = FxHashMap::default();
        for (words, value) in phrases {
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, value));
            }
        }
        Phrases { by_first }
    }

    /// The phrase `words[at..]` starts with, and its value.
    pub fn at(&self, words: &[Word], at: usize) -> Option<(&[String], &T)> {
        let candidates = self.by_first.get(words.get(at)?.text.as_str())?;
        candidates
            .iter()
            .find(|(phrase, _)| starts_with(words, at, phrase))
            .map(|(phrase, value)| (phrase.as_slice(), value))
    }

    /// Whether any phrase occurs in `words`.
    pub fn any_in(&self, words: &[Word]) -> bool {
        (0..words.len()).any(|i| self.at(words, i).is_some())
    }
}

impl ClaimLexicon {
    /// Parses the embedded tables.
    pub fn new() -> ClaimLexicon {
        let mut verbs: Vec<(Vec<String>, Action)> = rows(VERBS)
            .filter_map(|cols| Some((split_words(cols.first()?), Action::parse(cols.get(1)?)?)))
            .collect();
        verbs.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut units: Vec<Unit> = rows(UNITS)
            .filter_map(|cols| {
                Some(Unit {
                    words: split_words(cols.first()?),
                    km2: cols.get(1)?.parse().ok()?,
                    is_length: *cols.get(2)? == "length",
                })
            })
            .collect();
        units.sort_by_key(|u| std::cmp::Reverse(u.words.len()));
        let sides = rows(SIDES)
            .filter_map(|cols| Some((cols.first()?.to_string(), cols.get(1)?.to_string())))
            .collect();
        let list = |text: &'static str| Phrases::new(rows(text).filter_map(|c| Some((split_words(c.first()?), ()))));
        ClaimLexicon {
            verbs: Phrases::new(verbs),
            units,
            sides,
            speech: list(SPEECH),
            hedges: list(HEDGES),
            negations: list(NEGATIONS),
        }
    }
}

impl Default for ClaimLexicon {
    fn default() -> Self {
        ClaimLexicon::new()
    }
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Lower-case words of a phrase, as the sentence splitter makes them.
pub fn split_words(phrase: &str) -> Vec<String> {
    super::words::words(phrase).into_iter().map(|w| w.text).collect()
}
