//! Finds the spans of text that name places: one pass over the tokens,
//! proposing runs of capitalised words and looking each up in the
//! precomputed name table, longest first.

use crate::gazetteer::fold::{FoldHasher, fold_into};
use crate::gazetteer::{Gazetteer, QUALIFIERS, Qualifier};

use super::context::{
    TitleLines, after_lower_case_the, continues_locative_list, follows_acronym, is_after_locative, is_function_word,
    is_sentence_start, leads_institution, word,
};
use super::evidence::{Evidence, Sighting, judge};
use super::lexicon::{COMPASS_WORDS, CONNECTORS, FACILITY_HEADS, Lexicon, WordList};
use super::tokens::{Gap, Token, tokenize_near_capitals};
use super::traits::{LARGE, MAJOR, PlaceTraits};

/// Longest place name tried, in words ("United Kingdom of Great Britain").
const MAX_WORDS: usize = 6;

/// A span of text that names a place (or is a demonym), with its candidates.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Byte offset of the span's start.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// Indexes of the candidate places in the gazetteer.
    pub places: Vec<u32>,
    /// The folded hash of the name the candidates were found under (the
    /// span without a qualifier that was not part of the name); 0 for a
    /// demonym.
    pub name_hash: u64,
    /// A demonym or place adjective ("Ukrainian"), not a place mention.
    pub demonym: bool,
    /// A qualifier that said which kind of place is meant ("Kherson region",
    /// "the city of Kharkiv").
    pub qualifier: Option<&'static Qualifier>,
    /// One capitalised everyday word ("Delta", "Wales", "Phoenix") that
    /// counts only because a candidate is a major region or a city of
    /// millions: it must find support in the article like a small city
    /// (see `strays`).
    pub common_word: bool,
    /// A lower-case "the" comes right before ("over the Dnipro"): rivers
    /// are so named, towns seldom.
    pub after_the: bool,
}

/// Finds every place name and demonym in `text`.
pub fn find(text: &str, gazetteer: &Gazetteer, lexicon: &Lexicon, traits: &PlaceTraits) -> Vec<Match> {
    let tokens = tokenize_near_capitals(text);
    let filters = name_filters(text, &tokens, gazetteer);
    let mut title_lines = TitleLines::default();
    let mut scratch = String::new();
    let mut spans = SpanHashes::default();
    let mut found = Vec::new();
    // Words seen inside longer proper names ("John Kelly"), and the lone
    // matches that may be such a word used alone later ("Kelly said"). A
    // place that leads an institution's name ("Liverpool Academy") is not
    // remembered, nor one in capitals, which is no one's given name or
    // surname ("D.C. Commission on the Arts", then "Washington, D.C.").
    let mut name_parts: Vec<u64> = Vec::new();
    let mut lone: Vec<(usize, u64)> = Vec::new();
    // A compass word skipped before the token that may start a place, and
    // where it starts ("North Africa").
    let mut compass: Option<(usize, usize)> = None;
    // Where the last place named after a locative ends (its next token and
    // byte offset), for the places listed after it ("in Atlanta and Savannah").
    let mut locative_list: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if !token.capitalized {
            i += 1;
            continue;
        }
        spans.start_at(text, &tokens, i);
        let place = longest_place(text, &tokens, i, filters[i], gazetteer, &mut spans);
        let place_words = place.as_ref().map_or(0, |(n, _)| *n);
        if compass_before_place(text, &tokens, i, place_words, &filters, gazetteer, lexicon, &mut spans) {
            compass = Some((i + 1, token.start()));
            i += 1;
            continue;
        }
        // A phrase that is never a place, unless a longer place name or
        // demonym starts with it ("Northern" is no place; "Northern Europe"
        // is, and "Eastern European" a demonym).
        if let Some(n) = not_place_run(&tokens, i, lexicon, &mut spans)
            && place_words <= n
            && demonym_run(&tokens, i, lexicon, &mut spans).is_none_or(|(m, _)| m <= n)
        {
            i += n;
            continue;
        }
        let longer_demonym = match &place {
            Some((1, _)) => demonym_run(&tokens, i, lexicon, &mut spans).filter(|(n, _)| *n > 1),
            _ => None,
        };
        let Some((n, places)) = place.filter(|_| longer_demonym.is_none()) else {
            if let Some((n, demonym)) = demonym_run(&tokens, i, lexicon, &mut spans) {
                let place = vec![demonym.place];
                // "Crimean peninsula": an adjective and a qualifier name a
                // place; "the English city of Salisbury" names none.
                let q = qualified(text, &tokens, i, n, (&place, 0), gazetteer, &mut spans, &mut scratch)
                    .filter(|q| !q.qualifier.kinds.iter().any(|k| k.is_populated()));
                match q {
                    Some(q) => {
                        found.push(Match {
                            start: token.start(),
                            end: q.end,
                            places: q.places,
                            name_hash: q.name_hash,
                            demonym: false,
                            qualifier: Some(q.qualifier),
                            common_word: false,
                            after_the: false,
                        });
                        i += n + 1;
                    }
                    None => {
                        found.push(Match {
                            start: token.start(),
                            end: tokens[i + n - 1].end(),
                            places: place,
                            name_hash: 0,
                            demonym: true,
                            qualifier: None,
                            common_word: false,
                            after_the: false,
                        });
                        i += n;
                    }
                }
            } else {
                i += 1;
            }
            continue;
        };
        let last = tokens[i + n - 1];
        let mut m = Match {
            start: token.start(),
            end: last.end(),
            places,
            name_hash: spans.get(n),
            demonym: false,
            qualifier: None,
            common_word: false,
            after_the: false,
        };
        if let Some((_, start)) = compass.take_if(|(at, _)| *at == i) {
            m.start = start;
        }
        let mut used = n;
        if !last.possessive
            && let Some(q) = qualified(
                text,
                &tokens,
                i,
                n,
                (&m.places, m.name_hash),
                gazetteer,
                &mut spans,
                &mut scratch,
            )
            // "The English city of Salisbury": a demonym before a word for
            // a town is the adjective, not the village of English, Indiana.
            // So is a country's name that forms no name with the word ("a
            // U.S. city", "a UK town"; "Mexico City" is one), not a village
            // that bears it (Us, France).
            && !(q.qualifier.kinds.iter().any(|k| k.is_populated())
                && (n == 1 && lexicon.demonym(token.hash).is_some()
                    || q.name_hash == m.name_hash && lexicon.is_country_name(m.name_hash)))
        {
            m.end = q.end;
            m.places = q.places;
            m.name_hash = q.name_hash;
            m.qualifier = Some(q.qualifier);
            used += 1;
        } else if n == 1
            && let Some(demonym) = lexicon.demonym(token.hash)
        {
            m.places = vec![demonym.place];
            m.name_hash = 0;
            m.demonym = true;
        }
        if m.qualifier.is_none() {
            m.qualifier = qualifier_before(text, &tokens, i, &mut scratch);
        }
        if used == 1 && !last.possessive && text[m.end..].starts_with('.') {
            // "Calif.": the period belongs to the abbreviation (the span is
            // the one token, whose hash is cached).
            // It names the place it abbreviates, not every place named "Pa".
            if let Some(place) = lexicon.abbreviation(token.hash).filter(|_| !m.demonym) {
                m.end += 1;
                m.places = vec![place];
            }
        }
        let after_locative =
            is_after_locative(text, &tokens, i) || continues_locative_list(text, &tokens, i, locative_list);
        let mut evidence = if m.demonym || m.qualifier.is_some() {
            Evidence::Place
        } else {
            let sighting = Sighting {
                text,
                tokens: &tokens,
                i,
                n: used,
                end: m.end,
                places: &m.places,
                name_hash: m.name_hash,
                after_locative,
                traits,
                lexicon,
                gazetteer,
            };
            judge(&sighting, &mut title_lines)
        };
        // "Windsor Castle", "Colchester General Hospital": a building named
        // after the place is a place there, and the span is its name.
        if !m.demonym
            && !matches!(evidence, Evidence::Word)
            && let Some(head) = facility_head(text, &tokens, i, used)
        {
            m.end = tokens[head].end();
            used = head + 1 - i;
            evidence = Evidence::Place;
        }
        let hash = token.hash;
        match evidence {
            Evidence::Place => {
                m.common_word = used == 1
                    && m.start == token.start()
                    && !m.demonym
                    && m.qualifier.is_none()
                    && !after_locative
                    && lexicon.is_common_word(hash);
                let minor = !traits.any(&m.places, LARGE | MAJOR);
                if used == 1 && minor && !m.demonym && m.qualifier.is_none() && !after_locative {
                    lone.push((found.len(), hash));
                }
                locative_list = after_locative.then_some((i + used, m.end));
                m.after_the = after_lower_case_the(text, &tokens, i);
                found.push(m);
            }
            Evidence::PartOfName
                if !leads_institution(text, &tokens, i + used - 1)
                    && !follows_acronym(&tokens, i)
                    && !token.all_caps =>
            {
                name_parts.push(hash)
            }
            Evidence::PartOfName => {}
            Evidence::Word => {}
        }
        i += used;
    }
    // Lone matches of words seen inside longer names are dropped (`lone` is
    // in the order of `found`).
    name_parts.sort_unstable();
    let mut dropped = lone
        .iter()
        .filter(|(_, hash)| name_parts.binary_search(hash).is_ok())
        .map(|(at, _)| *at)
        .peekable();
    let mut at = 0;
    found.retain(|_| {
        let keep = dropped.next_if_eq(&at).is_none();
        at += 1;
        keep
    });
    join_restated(text, &mut found);
    found
}

/// "Washington, D.C.": a place name followed by a comma and an abbreviation
/// with periods that names the same place is one mention of it, the span
/// both names, the candidates those they share. ("Springfield, Ill." stays
/// two: the state is another place.)
fn join_restated(text: &str, found: &mut Vec<Match>) {
    // One pass: `second` is dropped when it joins the `first` kept before it.
    found.dedup_by(|second, first| {
        let restates = !first.demonym
            && !second.demonym
            && text.get(first.end..second.start) == Some(", ")
            && text.get(second.start..second.end).is_some_and(|t| t.contains('.'))
            && second.places.iter().any(|p| first.places.contains(p));
        if restates {
            first.places.retain(|p| second.places.contains(p));
            first.end = second.end;
        }
        restates
    });
}

/// The folded hashes of the runs of words that start at one token, computed
/// as they are asked for, each from the one before ("New", "New York", "New
/// York City").
#[derive(Default)]
struct SpanHashes<'t> {
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
    fn start_at(&mut self, text: &'t str, tokens: &'t [Token], i: usize) {
        self.text = text;
        self.tokens = tokens;
        self.start = i;
        self.hashes.clear();
        self.hasher = FoldHasher::new();
        self.fed = tokens[i].start();
    }

    /// The folded hash of tokens `start..start + n` (`n` >= 1, within the text).
    fn get(&mut self, n: usize) -> u64 {
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
/// by spaces, hyphens or an abbreviation's dot, capitalised or connectors,
/// and no possessive but on the last. Tokens `i..i+n` form one name when
/// `n` is at most this and the last of them is capitalised (or `n` is 1).
fn joinable_run(text: &str, tokens: &[Token], i: usize, max: usize) -> usize {
    let mut run = 0;
    while run < max {
        let Some(t) = tokens.get(i + run) else { break };
        if run > 0 && !matches!(t.gap, Gap::Space | Gap::Hyphen | Gap::AbbreviationDot) {
            break;
        }
        if !t.capitalized && !CONNECTORS.contains(&word(text, t)) {
            break;
        }
        run += 1;
        if t.possessive {
            break;
        }
    }
    run
}

/// What the name table's filters say of each capitalised word: whether it
/// may be a name ([`MAY_NAME`]) and whether it may start a longer one
/// ([`MAY_START_NAME`], asked only where the next word can continue a name:
/// elsewhere no longer run is joinable, see [`joinable_run`]). Read for all words in one pass,
/// where the processor overlaps the filters' cache misses instead of waiting
/// for each in turn.
fn name_filters(text: &str, tokens: &[Token], gazetteer: &Gazetteer) -> Vec<u8> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if !t.capitalized {
                return 0;
            }
            let may_name = u8::from(gazetteer.may_name(t.hash)) * MAY_NAME;
            let continued = !t.possessive
                && tokens.get(i + 1).is_some_and(|next| {
                    matches!(next.gap, Gap::Space | Gap::Hyphen | Gap::AbbreviationDot)
                        && (next.capitalized || CONNECTORS.contains(&word(text, next)))
                });
            if continued && gazetteer.may_start_name(t.hash) {
                may_name | MAY_START_NAME
            } else {
                may_name
            }
        })
        .collect()
}

/// The word may be a gazetteer name.
const MAY_NAME: u8 = 1;
/// The word may start a gazetteer name of two or more words.
const MAY_START_NAME: u8 = 2;

/// The longest run of words from `i` that is a gazetteer name (`filters`
/// is what [`name_filters`] says of word `i`).
fn longest_place(
    text: &str,
    tokens: &[Token],
    i: usize,
    filters: u8,
    gazetteer: &Gazetteer,
    spans: &mut SpanHashes,
) -> Option<(usize, Vec<u32>)> {
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
        let places = gazetteer.indexes_for_hash(spans.get(n));
        if !places.is_empty() {
            // A lone one-letter word ("I", "A") is never a place.
            if n == 1 && word(text, &tokens[i]).chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return None;
            }
            return Some((n, places));
        }
    }
    None
}

/// Whether token `i` is a compass word followed by the start of a place
/// name ("North Africa", "Western US") with which it forms neither a name
/// nor a demonym ("North Carolina", "South Korean"); `place_words` is how
/// many words the longest place name from `i` spans (0 for none). Leaves
/// `spans` started at `i`.
#[allow(clippy::too_many_arguments)]
fn compass_before_place<'t>(
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
fn not_place_run(tokens: &[Token], i: usize, lexicon: &Lexicon, spans: &mut SpanHashes) -> Option<usize> {
    let max = phrase_reach(tokens, i, lexicon, lexicon.longest_not_place);
    // Capitalised words joined by spaces or hyphens.
    let connected = 1 + tokens[i + 1..i + max]
        .iter()
        .take_while(|t| matches!(t.gap, Gap::Space | Gap::Hyphen) && t.capitalized)
        .count();
    (1..=connected).rev().find(|&n| lexicon.is_not_place(spans.get(n)))
}

/// A demonym run from `i` ("Ukrainian", "South Korean", "Russians").
fn demonym_run(
    tokens: &[Token],
    i: usize,
    lexicon: &Lexicon,
    spans: &mut SpanHashes,
) -> Option<(usize, super::lexicon::Demonym)> {
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

/// A qualifier word right after the name ("Kherson region", "Dnipro river"):
/// the extended span, its candidates, and the qualifier. `places` are the
/// name's own candidates, found under `place_hash`.
#[allow(clippy::too_many_arguments)]
fn qualified(
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
    let qualifier = qualifier_word(word(text, next), scratch)?;
    let mut name_hash = spans.get(n + 1);
    let mut candidates = gazetteer.indexes_for_hash(name_hash);
    if candidates.is_empty() {
        // "Grants Town", "Man City": a capitalised word for a town is part
        // of another name, unknown here, not a qualifier of Grants.
        if next.capitalized && qualifier.kinds.iter().any(|k| k.is_populated()) {
            return None;
        }
        candidates = places.to_vec();
        name_hash = place_hash;
    }
    let fitting: Vec<u32> = candidates
        .iter()
        .copied()
        .filter(|&p| gazetteer.summary(p).is_some_and(|p| qualifier.accepts(p.kind)))
        .collect();
    (!fitting.is_empty()).then_some(Qualified {
        end: next.end(),
        places: fitting,
        name_hash,
        qualifier,
    })
}

/// A name extended by the qualifier after it.
struct Qualified {
    /// Byte offset just past the qualifier.
    end: usize,
    /// The candidates of the kinds the qualifier names.
    places: Vec<u32>,
    /// The folded hash they were found under (with the qualifier, or
    /// without it when the name and qualifier together name nothing).
    name_hash: u64,
    qualifier: &'static Qualifier,
}

/// "the city of X", "the region of X": a qualifier two words before.
fn qualifier_before(text: &str, tokens: &[Token], i: usize, scratch: &mut String) -> Option<&'static Qualifier> {
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

/// The building a place name from token `i` (`used` tokens) names: the
/// index of a [`FACILITY_HEADS`] word among the three capitalised words
/// after it ("Colchester General Hospital"), when the place's name starts
/// the building's name (in "John Radcliffe Hospital" a person's does).
fn facility_head(text: &str, tokens: &[Token], i: usize, used: usize) -> Option<usize> {
    let starts_name = i == 0
        || tokens[i].gap != Gap::Space
        || !tokens[i - 1].capitalized
        || is_sentence_start(tokens, i - 1) && is_function_word(text, &tokens[i - 1]);
    if !starts_name || tokens[i + used - 1].possessive {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::tokens::tokenize;

    #[test]
    fn joinable_runs_stop_at_punctuation_possessives_and_lower_case_words() {
        let run = |text: &str, max: usize| {
            let tokens = tokenize(text);
            joinable_run(text, &tokens, 0, max)
        };
        assert_eq!(run("Sea of Azov coast", 6), 3);
        assert_eq!(run("Rostov-on-Don region", 6), 3);
        assert_eq!(run("St. Petersburg", 6), 2);
        assert_eq!(run("Kyiv's Independence Square", 6), 1);
        assert_eq!(run("New York's mayor", 6), 2);
        assert_eq!(run("Kharkiv, Ukraine", 6), 1);
        assert_eq!(run("Kharkiv\nUkraine", 6), 1);
        assert_eq!(run("Bosnia and Herzegovina", 2), 2);
        assert_eq!(run("A B C D E F G H", 6), 6);
    }

    /// "new york times" -> "New York Times".
    fn title_case(phrase: &str) -> String {
        phrase
            .split(' ')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn every_phrase_of_several_words_in_the_lists_is_still_found_whole() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let lexicon = Lexicon::new(&gazetteer);
        let traits = PlaceTraits::new(&gazetteer);
        let lines = |data: &'static str| {
            data.lines()
                .map(|l| l.split('\t').next().unwrap_or(l).trim())
                .filter(|l| l.contains(' ') && !l.starts_with('#') && l.split(' ').all(|w| w.len() > 1))
                .collect::<Vec<_>>()
        };
        let not_places = lines(include_str!("data/not_places.txt"));
        let demonyms = lines(include_str!("data/demonyms.tsv"));
        assert!(not_places.len() > 20 && demonyms.len() > 5);
        for phrase in not_places {
            let text = format!("Officials at {} said so.", title_case(phrase));
            let span = 13..13 + phrase.len();
            let places: Vec<_> = find(&text, &gazetteer, &lexicon, &traits)
                .into_iter()
                .filter(|m| !m.demonym && span.contains(&m.start))
                .collect();
            assert!(places.is_empty(), "{text}: {places:?}");
        }
        for phrase in demonyms {
            let text = format!("Officials said the {phrase} side agreed.");
            let found = find(&text, &gazetteer, &lexicon, &traits);
            assert!(
                found
                    .iter()
                    .any(|m| m.demonym && m.start == 19 && m.end == 19 + phrase.len()),
                "{text}: {found:?}"
            );
        }
    }

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
