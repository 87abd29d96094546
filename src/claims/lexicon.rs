//! The claim extractor's tables, read from `src/claims/data/`: control
//! verbs and the action each means, area units, side names, speech verbs,
//! hedges and negations.

use std::collections::HashMap;

use super::Action;

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
    /// Verb phrases (as word lists, longest first) and their actions.
    pub verbs: Vec<(Vec<String>, Action)>,
    /// Units, longest first.
    pub units: Vec<Unit>,
    /// Side words (lower case) and the country code of the side.
    pub sides: HashMap<String, String>,
    /// Speech verbs as word lists.
    pub speech: Vec<Vec<String>>,
    /// Hedges as word lists.
    pub hedges: Vec<Vec<String>>,
    /// Negations as word lists.
    pub negations: Vec<Vec<String>>,
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
        let list = |text: &'static str| rows(text).filter_map(|c| c.first().map(|w| split_words(w))).collect();
        ClaimLexicon {
            verbs,
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
