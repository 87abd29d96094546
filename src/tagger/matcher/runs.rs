//! Runs of words the matcher proposes: which tokens can form one name, the
//! name table's filters, the longest gazetteer name, listed phrases and
//! demonyms from a token.

use crate::gazetteer::Gazetteer;
use crate::gazetteer::fold::{FoldHasher, fold_hash};

use super::super::context::{is_connector, word};
use super::super::lexicon::{COMPASS_WORDS, Demonym, Lexicon};
use super::super::tokens::{Gap, Token};

/// Longest place name tried, in words ("United Kingdom of Great Britain").
const MAX_WORDS: usize = 6;

/// The folded hashes of the runs of words that start at one token, computed
/// as they are asked for, each from the one before ("New", "New York", "New
/// York City").
#[derive(Default)]
pub(super) struct SpanHashes<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// The first token of the runs.
    start: usize,
    /// `hashes[k]` is the hash of tokens `start..=start + k`.
    hashes: Vec<u64>,
    /// The hasher, fed up to `fed`.
    hasher: FoldHasher,
    fed: usize,
}

impl<'t> SpanHashes<'t> {
    /// Starts over with the runs that start at token `i`.
    #[inline]
    pub(super) fn start_at(&mut self, text: &'t str, tokens: &'t [Token], i: usize) {
        self.text = text;
        self.tokens = tokens;
        self.start = i;
        self.hashes.clear();
        self.hasher = FoldHasher::new();
        self.fed = tokens[i].start();
    }

    /// The folded hash of tokens `start..start + n` (`n` >= 1, within the text).
    #[inline]
    pub(super) fn get(&mut self, n: usize) -> u64 {
        if n == 1 && self.tokens[self.start].hash != 0 {
            // A capitalised word's hash is cached in its token.
            return self.tokens[self.start].hash;
        }
        while self.hashes.len() < n {
            let end = self.tokens[self.start + self.hashes.len()].end();
            self.hasher.feed(&self.text[self.fed..end]);
            self.fed = end;
            self.hashes.push(self.hasher.finish());
        }
        self.hashes[n - 1]
    }
}

/// How many tokens from `i` (at most `max`) can be part of one name: joined
/// by spaces, hyphens or an abbreviation's dot, capitalised or connectors.
/// Tokens `i..i+n` form one name when `n` is at most this and the last of
/// them is capitalised (or `n` is 1); a possessive inside is part of the
/// name ("Martha's Vineyard", "People's Republic of China").
fn joinable_run(text: &str, tokens: &[Token], i: usize, max: usize) -> usize {
    let mut run = 0;
    while run < max {
        let Some(t) = tokens.get(i + run) else { break };
        if run > 0 && !matches!(t.gap, Gap::Space | Gap::Hyphen | Gap::AbbreviationDot) {
            break;
        }
        if !t.capitalized && !is_connector(text, tokens, i + run) {
            break;
        }
        run += 1;
    }
    run
}

/// What the name table's filters say of each capitalised word: whether it
/// may be a name ([`MAY_NAME`]) and whether it may start a longer one
/// ([`MAY_START_NAME`], asked only where the next word can continue a name:
/// elsewhere no longer run is joinable, see [`joinable_run`]); and, for a
/// word of which they say neither, whether the lexicon lists it
/// ([`LISTED`]). A word with none of these is read no further. Read for
/// all words in one pass, where the processor overlaps the filters' cache
/// misses instead of waiting for each in turn.
pub(super) fn name_filters(text: &str, tokens: &[Token], gazetteer: &Gazetteer, lexicon: &Lexicon) -> Vec<u8> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if !t.capitalized {
                return 0;
            }
            let may_name = u8::from(gazetteer.may_name(t.hash)) * MAY_NAME;
            let next = tokens.get(i + 1).filter(|next| {
                matches!(next.gap, Gap::Space | Gap::Hyphen | Gap::AbbreviationDot)
                    && (next.capitalized || is_connector(text, tokens, i + 1))
            });
            // A possessive word starts a name with its "'s" ("Martha's").
            let first_word = |next: &Token| {
                if t.possessive {
                    fold_hash(&text[t.start()..next.start()])
                } else {
                    t.hash
                }
            };
            let filters = if next.is_some_and(|next| gazetteer.may_start_name(first_word(next))) {
                may_name | MAY_START_NAME
            } else {
                may_name
            };
            if filters == 0 && lexicon.acts_on(t.hash) {
                LISTED
            } else {
                filters
            }
        })
        .collect()
}

/// The word may be a gazetteer name.
pub(super) const MAY_NAME: u8 = 1;
/// The word may start a gazetteer name of two or more words.
const MAY_START_NAME: u8 = 2;
/// The lexicon lists the word ([`Lexicon::acts_on`]).
const LISTED: u8 = 4;

/// The longest run of words from `i` that is a gazetteer name (`filters`
/// is what [`name_filters`] says of word `i`).
pub(super) fn longest_place(
    text: &str,
    tokens: &[Token],
    i: usize,
    filters: u8,
    gazetteer: &Gazetteer,
    spans: &mut SpanHashes,
) -> Option<PlaceRun> {
    let starts_a_name = filters & MAY_START_NAME != 0;
    let max = if starts_a_name {
        MAX_WORDS.min(tokens.len() - i)
    } else {
        1
    };
    let run = joinable_run(text, tokens, i, max);
    for n in (1..=run).rev() {
        if n > 1 && !tokens[i + n - 1].capitalized || n == 1 && filters & MAY_NAME == 0 {
            continue;
        }
        // A name of words that ends in "'s" ("St. John's") is read before
        // the name without it ("St. John").
        let with_s = (n > 1)
            .then(|| name_with_possessive(text, &tokens[i..i + n]))
            .flatten()
            .map(|hash| (hash, gazetteer.indexes_for_hash(hash)))
            .filter(|(_, places)| !places.is_empty());
        let (possessive_name, places) = match with_s {
            Some((hash, places)) => (Some(hash), places),
            None => (None, gazetteer.indexes_for_hash(spans.get(n))),
        };
        if !places.is_empty() {
            // A lone one-letter word ("I", "A") is never a place.
            if n == 1 && word(text, &tokens[i]).chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return None;
            }
            return Some(PlaceRun {
                words: n,
                places,
                possessive_name,
            });
        }
    }
    None
}

/// A gazetteer name found from a token ([`longest_place`]).
pub(super) struct PlaceRun {
    /// How many tokens it spans.
    pub words: usize,
    /// Its candidates.
    pub places: Vec<u32>,
    /// The folded hash of the name with the "'s" after its last token,
    /// where that is the name found ("St. John's").
    pub possessive_name: Option<u64>,
}

/// The folded hash of the name of several words `run` with the "'s" after
/// its last ("St. John's"), where one follows.
fn name_with_possessive(text: &str, run: &[Token]) -> Option<u64> {
    let (first, last) = (run.first()?, run.last()?);
    last.possessive
        .then(|| fold_hash(&text[first.start()..last.possessive_end(text)]))
}

/// Whether token `i` is a compass word followed by the start of a place
/// name ("North Africa", "Western US") with which it forms neither a name
/// nor a demonym ("North Carolina", "South Korean"); `place_words` is how
/// many words the longest place name from `i` spans (0 for none). Leaves
/// `spans` started at `i`.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(super) fn compass_before_place<'t>(
    text: &'t str,
    tokens: &'t [Token],
    i: usize,
    place_words: usize,
    filters: &[u8],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    spans: &mut SpanHashes<'t>,
) -> bool {
    let Some(next) = tokens.get(i + 1) else { return false };
    if tokens[i].possessive
        || next.gap != Gap::Space
        || !next.capitalized
        || !COMPASS_WORDS.contains(word(text, &tokens[i]))
        || COMPASS_WORDS.contains(word(text, next))
        || place_words > 1
        || demonym_run(tokens, i, lexicon, spans).is_some_and(|(n, _)| n > 1)
    {
        return false;
    }
    spans.start_at(text, tokens, i + 1);
    let follows = longest_place(text, tokens, i + 1, filters[i + 1], gazetteer, spans).is_some();
    spans.start_at(text, tokens, i);
    follows
}

/// How many words from `i` a listed phrase of at most `longest` words can
/// span: one unless a phrase of several words starts with word `i`.
fn phrase_reach(tokens: &[Token], i: usize, lexicon: &Lexicon, longest: usize) -> usize {
    if lexicon.may_start_phrase(tokens[i].hash) {
        longest.min(tokens.len() - i)
    } else {
        1
    }
}

/// A run of words from `i` that is never a place ("Daily Mail", "NATO").
#[inline]
pub(super) fn not_place_run(tokens: &[Token], i: usize, lexicon: &Lexicon, spans: &mut SpanHashes) -> Option<usize> {
    let max = phrase_reach(tokens, i, lexicon, lexicon.longest_not_place);
    // Capitalised words joined by spaces or hyphens.
    let connected = 1 + tokens[i + 1..i + max]
        .iter()
        .take_while(|t| matches!(t.gap, Gap::Space | Gap::Hyphen) && t.capitalized)
        .count();
    (1..=connected).rev().find(|&n| lexicon.is_not_place(spans.get(n)))
}

/// A demonym run from `i` ("Ukrainian", "South Korean", "Russians").
pub(super) fn demonym_run(
    tokens: &[Token],
    i: usize,
    lexicon: &Lexicon,
    spans: &mut SpanHashes,
) -> Option<(usize, Demonym)> {
    let max = phrase_reach(tokens, i, lexicon, lexicon.longest_demonym);
    // Capitalised words joined by spaces.
    let connected = 1 + tokens[i + 1..i + max]
        .iter()
        .take_while(|t| t.gap == Gap::Space && t.capitalized)
        .count();
    (1..=connected)
        .rev()
        .find_map(|n| Some((n, lexicon.demonym(spans.get(n))?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::tokens::tokenize;

    #[test]
    fn joinable_runs_stop_at_punctuation_and_lower_case_words() {
        let run = |text: &str, max: usize| {
            let tokens = tokenize(text);
            joinable_run(text, &tokens, 0, max)
        };
        assert_eq!(run("Sea of Azov coast", 6), 3);
        assert_eq!(run("Rostov-on-Don region", 6), 3);
        assert_eq!(run("St. Petersburg", 6), 2);
        assert_eq!(run("Kyiv's Independence Square", 6), 3);
        assert_eq!(run("Martha's Vineyard", 6), 2);
        assert_eq!(run("New York's mayor", 6), 2);
        assert_eq!(run("Kharkiv, Ukraine", 6), 1);
        assert_eq!(run("Kharkiv\nUkraine", 6), 1);
        assert_eq!(run("Bosnia and Herzegovina", 2), 2);
        assert_eq!(run("A B C D E F G H", 6), 6);
    }
}
