//! Words around a name that say what it names: a qualifier after it
//! ("Kherson region") or before it ("the city of Kharkiv"), and the head of
//! a building's name ("Windsor Castle").

use crate::gazetteer::fold::fold_into;
use crate::gazetteer::{Gazetteer, Kind, QUALIFIERS, Qualifier};

use super::super::context::{is_function_word, is_list_join, is_street_word, opens_clause, word};
use super::super::lexicon::{FACILITY_HEADS, WordList};
use super::super::tokens::{Gap, Token};
use super::Match;
use super::runs::SpanHashes;

/// A qualifier word right after the name ("Kherson region", "Dnipro river",
/// and a plural where the two form a name: "the Baltic states"): the
/// extended span, its candidates, and the qualifier. `places` are the
/// name's own candidates, found under `place_hash`.
#[allow(clippy::too_many_arguments)]
pub(super) fn qualified(
    text: &str,
    tokens: &[Token],
    i: usize,
    n: usize,
    (places, place_hash): (&[u32], u64),
    gazetteer: &Gazetteer,
    spans: &mut SpanHashes,
    scratch: &mut String,
) -> Option<Qualified> {
    let next = tokens.get(i + n).filter(|t| t.gap == Gap::Space)?;
    // "North State Street": a street's name, not a state's.
    if is_street_word(text, tokens, i + n + 1) {
        return None;
    }
    let (qualifier, plural) = match qualifier_word(word(text, next), scratch) {
        Some(qualifier) => (qualifier, false),
        None => (plural_qualifier(word(text, next), scratch)?, true),
    };
    let mut name_hash = spans.get(n + 1);
    let mut candidates = gazetteer.indexes_for_hash(name_hash);
    if candidates.is_empty() {
        // A plural extends only a name it forms ("the Baltic states"); after
        // a list it qualifies each place ([`apply_plural_qualifiers`]).
        if plural {
            return None;
        }
        // "Grants Town", "Man City": a capitalised word for a town is part
        // of another name, unknown here, not a qualifier of Grants.
        if next.capitalized && qualifier.kinds.iter().any(|k| k.is_populated()) {
            return None;
        }
        candidates = places.to_vec();
        name_hash = place_hash;
    }
    let of_kind = |accepts: &dyn Fn(Kind) -> bool| -> Vec<u32> {
        candidates
            .iter()
            .copied()
            .filter(|&p| gazetteer.summary(p).is_some_and(|p| accepts(p.kind)))
            .collect()
    };
    let mut fitting = of_kind(&|kind| qualifier.accepts(kind));
    // "Chuhuiv Raion": a raion the gazetteer does not hold is named after
    // its chief town, which lies in it.
    if fitting.is_empty() && qualifier.names_a_towns_district() {
        fitting = of_kind(&Kind::is_populated);
    }
    (!fitting.is_empty()).then_some(Qualified {
        end: next.end(),
        places: fitting,
        name_hash,
        qualifier,
    })
}

/// A name extended by the qualifier after it.
pub(super) struct Qualified {
    /// Byte offset just past the qualifier.
    pub(super) end: usize,
    /// The candidates of the kinds the qualifier names.
    pub(super) places: Vec<u32>,
    /// The folded hash they were found under (with the qualifier, or
    /// without it when the name and qualifier together name nothing).
    pub(super) name_hash: u64,
    /// The qualifier word's entry.
    pub(super) qualifier: &'static Qualifier,
}

/// "the city of X", "the region of X": a qualifier two words before.
pub(super) fn qualifier_before(
    text: &str,
    tokens: &[Token],
    i: usize,
    scratch: &mut String,
) -> Option<&'static Qualifier> {
    if i < 2 || tokens[i].gap != Gap::Space || tokens[i - 1].gap != Gap::Space {
        return None;
    }
    if !word(text, &tokens[i - 1]).eq_ignore_ascii_case("of") {
        return None;
    }
    qualifier_word(word(text, &tokens[i - 2]), scratch)
}

/// The qualifier words, as a [`WordList`] that turns most other words away.
static QUALIFIER_WORDS: WordList = WordList::new(&QUALIFIER_WORD_TEXTS);

/// The word of each qualifier, in the order of [`QUALIFIERS`].
static QUALIFIER_WORD_TEXTS: [&str; QUALIFIERS.len()] = {
    let mut words = [""; QUALIFIERS.len()];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        words[k] = QUALIFIERS[k].word;
        k += 1;
    }
    words
};

/// The qualifier a word is, if it is one ("Region", "oblast").
fn qualifier_word(word: &str, scratch: &mut String) -> Option<&'static Qualifier> {
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        // Plain letters fold to their lower case (the table's words are
        // folded).
        if !QUALIFIER_WORDS.may_hold(word) {
            return None;
        }
        return QUALIFIERS.iter().find(|q| q.word.eq_ignore_ascii_case(word));
    }
    fold_into(word, scratch);
    QUALIFIERS.iter().find(|q| q.word == scratch.as_str())
}

/// "The Belgorod and Kursk regions", "the Dnipro and Desna rivers": a
/// plural qualifier after a place and the places listed before it (joined
/// by commas, "and", "or") says which kind each is, without widening their
/// spans. Sets the qualifier of such matches among `found` that have none.
pub(super) fn apply_plural_qualifiers(text: &str, tokens: &[Token], found: &mut [Match]) {
    let mut scratch = String::new();
    for k in 0..found.len() {
        let at = tokens.partition_point(|t| t.start() < found[k].end);
        let Some(qualifier) = tokens
            .get(at)
            .filter(|t| t.gap == Gap::Space && t.start() == found[k].end + 1)
            .and_then(|t| plural_qualifier(word(text, t), &mut scratch))
        else {
            continue;
        };
        let mut j = k;
        loop {
            let m = &mut found[j];
            if m.demonym || m.qualifier.is_some() {
                break;
            }
            m.qualifier = Some(qualifier);
            let listed = j > 0 && text.get(found[j - 1].end..found[j].start).is_some_and(is_list_join);
            if !listed {
                break;
            }
            j -= 1;
        }
    }
}

/// The qualifier whose plural `word` is ("regions", "Oblasts").
fn plural_qualifier(word: &str, scratch: &mut String) -> Option<&'static Qualifier> {
    let singular = word.strip_suffix('s').filter(|s| s.len() > 1)?;
    qualifier_word(singular, scratch)
}

/// The building a place name from token `i` (`used` tokens, ending at byte
/// `end`) names: the index of a [`FACILITY_HEADS`] word among the three
/// capitalised words after it ("Colchester General Hospital", "St George's
/// Chapel"), when the place's name starts the building's name (in "John
/// Radcliffe Hospital" a person's does) and no possessive follows it.
pub(super) fn facility_head(text: &str, tokens: &[Token], i: usize, used: usize, end: usize) -> Option<usize> {
    let starts_name = i == 0
        || tokens[i].gap != Gap::Space
        || !tokens[i - 1].capitalized
        || opens_clause(text, tokens, i - 1) && is_function_word(text, &tokens[i - 1]);
    let last = &tokens[i + used - 1];
    if !starts_name || last.possessive && end == last.end() {
        return None;
    }
    let mut k = i + used;
    while k < tokens.len() && k < i + used + 3 {
        let t = &tokens[k];
        if t.gap != Gap::Space || !t.capitalized {
            return None;
        }
        if FACILITY_HEADS.contains(word(text, t)) {
            return Some(k);
        }
        if t.possessive {
            return None;
        }
        k += 1;
    }
    None
}

/// The building or institution whose name ends with the place name at
/// token `i` after "of": the index of a capitalised [`FACILITY_HEADS`] word
/// right before the "of" ("University of California", "Museum of London").
pub(super) fn facility_of(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let head = i.checked_sub(2)?;
    let (of, head_token) = (&tokens[i - 1], &tokens[head]);
    (tokens[i].gap == Gap::Space
        && of.gap == Gap::Space
        && word(text, of) == "of"
        && head_token.capitalized
        && FACILITY_HEADS.contains(word(text, head_token)))
    .then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_words_are_found_whatever_their_case() {
        let mut scratch = String::new();
        // The fast path compares plain words with the table ignoring case,
        // which equals folding them only if the table's words are folded.
        for q in QUALIFIERS {
            assert!(q.word.bytes().all(|b| b.is_ascii_lowercase()), "{}", q.word);
        }
        assert_eq!(qualifier_word("Region", &mut scratch).map(|q| q.word), Some("region"));
        assert_eq!(qualifier_word("OBLAST", &mut scratch).map(|q| q.word), Some("oblast"));
        assert_eq!(qualifier_word("Óblast", &mut scratch).map(|q| q.word), Some("oblast"));
        assert_eq!(qualifier_word("regions", &mut scratch), None);
        for q in QUALIFIERS {
            let upper = q.word.to_ascii_uppercase();
            assert_eq!(qualifier_word(&upper, &mut scratch).map(|q| q.word), Some(q.word));
        }
        for word in ["reg", "Regional", "citadel", "sear", "Town's", "the", ""] {
            assert_eq!(qualifier_word(word, &mut scratch), None, "{word}");
        }
    }
}
