//! Finds the spans of text that name places: one pass over the tokens,
//! proposing runs of capitalised words and looking each up in the
//! precomputed name table, longest first.

use std::collections::HashSet;

use crate::gazetteer::fold::{fold_hash, fold_into};
use crate::gazetteer::{Gazetteer, Kind, QUALIFIERS, Qualifier};

use super::lexicon::{CONNECTORS, FUNCTION_WORDS, GIVEN_NAME_COUNTRIES, LOCATIVES, Lexicon, TITLES, is_one_of};
use super::tokens::{Gap, Token, tokenize};

/// Longest place name tried, in words ("United Kingdom of Great Britain").
const MAX_WORDS: usize = 6;
/// Population from which a region that shares its name with a word counts anyway.
const MAJOR_POPULATION: u32 = 1_000_000;

/// A span of text that names a place (or is a demonym), with its candidates.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Byte offset of the span's start.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// Indexes of the candidate places in the gazetteer.
    pub places: Vec<u32>,
    /// A demonym or place adjective ("Ukrainian"), not a place mention.
    pub demonym: bool,
    /// A qualifier that said which kind of place is meant ("Kherson region",
    /// "the city of Kharkiv").
    pub qualifier: Option<&'static Qualifier>,
}

/// Finds every place name and demonym in `text`.
pub fn find(text: &str, gazetteer: &Gazetteer, lexicon: &Lexicon) -> Vec<Match> {
    let tokens = tokenize(text);
    let title_lines = title_case_lines(text, &tokens);
    let mut scratch = String::new();
    let mut found = Vec::new();
    // Words seen inside longer proper names ("John Kelly"), and the lone
    // matches that may be such a word used alone later ("Kelly said").
    let mut name_parts: HashSet<u64> = HashSet::new();
    let mut lone: Vec<(usize, u64)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if !token.capitalized {
            i += 1;
            continue;
        }
        if let Some(n) = not_place_run(text, &tokens, i, lexicon, &mut scratch) {
            i += n;
            continue;
        }
        let place = longest_place(text, &tokens, i, gazetteer, &mut scratch);
        let longer_demonym = match &place {
            Some((1, _)) => demonym_run(text, &tokens, i, lexicon, &mut scratch).filter(|(n, _)| *n > 1),
            _ => None,
        };
        let Some((n, places)) = place.filter(|_| longer_demonym.is_none()) else {
            if let Some((n, demonym)) = demonym_run(text, &tokens, i, lexicon, &mut scratch) {
                let place = vec![demonym.place];
                // "Crimean peninsula": an adjective and a qualifier name a place.
                match qualified(text, &tokens, i, n, &place, gazetteer, &mut scratch) {
                    Some((end, places, qualifier)) => {
                        found.push(Match {
                            start: token.start(),
                            end,
                            places,
                            demonym: false,
                            qualifier: Some(qualifier),
                        });
                        i += n + 1;
                    }
                    None => {
                        found.push(Match {
                            start: token.start(),
                            end: tokens[i + n - 1].end(),
                            places: place,
                            demonym: true,
                            qualifier: None,
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
            demonym: false,
            qualifier: None,
        };
        let mut used = n;
        if !last.possessive
            && let Some((q_end, places, qualifier)) = qualified(text, &tokens, i, n, &m.places, gazetteer, &mut scratch)
        {
            m.end = q_end;
            m.places = places;
            m.qualifier = Some(qualifier);
            used += 1;
        } else if n == 1
            && let Some(demonym) = lexicon.demonym(token.hash)
        {
            m.places = vec![demonym.place];
            m.demonym = true;
        }
        if m.qualifier.is_none() {
            m.qualifier = qualifier_before(text, &tokens, i, &mut scratch);
        }
        if used == 1 && !last.possessive && text[m.end..].starts_with('.') {
            // "Calif.": the period belongs to the abbreviation.
            if lexicon.is_abbreviation(hash_of(&text[m.start..m.end], &mut scratch)) {
                m.end += 1;
            }
        }
        let title_line = title_lines.get(i).copied().unwrap_or(false);
        let evidence = if m.demonym || m.qualifier.is_some() {
            Evidence::Place
        } else {
            has_evidence(text, &tokens, i, used, &m, gazetteer, lexicon, title_line)
        };
        let hash = token.hash;
        match evidence {
            Evidence::Place => {
                let minor = !m.places.iter().any(|&p| {
                    gazetteer
                        .summary(p)
                        .is_some_and(|p| p.kind == Kind::Country || p.population >= MAJOR_POPULATION)
                });
                if used == 1 && minor && !m.demonym && m.qualifier.is_none() && !is_after_locative(text, &tokens, i) {
                    lone.push((found.len(), hash));
                }
                found.push(m);
            }
            Evidence::PartOfName => {
                name_parts.insert(hash);
            }
            Evidence::Word => {}
        }
        i += used;
    }
    let dropped: HashSet<usize> = lone
        .iter()
        .filter(|(_, hash)| name_parts.contains(hash))
        .map(|(at, _)| *at)
        .collect();
    found
        .into_iter()
        .enumerate()
        .filter(|(at, _)| !dropped.contains(at))
        .map(|(_, m)| m)
        .collect()
}

/// What the context says of a capitalised match.
enum Evidence {
    /// It is a place.
    Place,
    /// It is an everyday word (at a sentence start, in a headline).
    Word,
    /// It is part of a longer proper name, a person's or an organisation's.
    PartOfName,
}

fn is_after_locative(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].gap == Gap::Space && is_one_of(&LOCATIVES, word(text, &tokens[i - 1]))
}

/// The hash of `text` folded (`scratch` holds the folded text only for non-ASCII).
fn hash_of(text: &str, scratch: &mut String) -> u64 {
    fold_hash(text, scratch)
}

/// The folded hash of tokens `i..i+n` (a single capitalised word's is cached).
fn span_hash(text: &str, tokens: &[Token], i: usize, n: usize, scratch: &mut String) -> u64 {
    if n == 1 && tokens[i].hash != 0 {
        return tokens[i].hash;
    }
    hash_of(&text[tokens[i].start()..tokens[i + n - 1].end()], scratch)
}

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start()..t.end()]
}

/// Whether tokens `i..i+n` can form one name: joined by spaces, hyphens or
/// an abbreviation's dot, with lower-case words only as inner connectors,
/// and no possessive before the last word.
fn joinable(text: &str, tokens: &[Token], i: usize, n: usize) -> bool {
    let last = i + n - 1;
    if last >= tokens.len() || !tokens[last].capitalized && n > 1 {
        return false;
    }
    for (k, t) in tokens.iter().enumerate().take(last + 1).skip(i) {
        if k > i && !matches!(t.gap, Gap::Space | Gap::Hyphen | Gap::AbbreviationDot) {
            return false;
        }
        if k < last && t.possessive {
            return false;
        }
        if !t.capitalized && !CONNECTORS.contains(&word(text, t)) {
            return false;
        }
    }
    true
}

/// The longest run of words from `i` that is a gazetteer name.
fn longest_place(
    text: &str,
    tokens: &[Token],
    i: usize,
    gazetteer: &Gazetteer,
    scratch: &mut String,
) -> Option<(usize, Vec<u32>)> {
    let starts_a_name = gazetteer.may_start_name(tokens[i].hash);
    let max = if starts_a_name {
        MAX_WORDS.min(tokens.len() - i)
    } else {
        1
    };
    for n in (1..=max).rev() {
        if !joinable(text, tokens, i, n) {
            continue;
        }
        let hash = span_hash(text, tokens, i, n, scratch);
        let places = gazetteer.indexes_for_hash(hash);
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

/// A run of words from `i` that is never a place ("Daily Mail", "NATO").
fn not_place_run(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon, scratch: &mut String) -> Option<usize> {
    let max = lexicon.longest_not_place.min(tokens.len() - i);
    (1..=max).rev().find(|&n| {
        let connected =
            (i + 1..i + n).all(|k| matches!(tokens[k].gap, Gap::Space | Gap::Hyphen) && tokens[k].capitalized);
        connected && lexicon.is_not_place(span_hash(text, tokens, i, n, scratch))
    })
}

/// A demonym run from `i` ("Ukrainian", "South Korean", "Russians").
fn demonym_run(
    text: &str,
    tokens: &[Token],
    i: usize,
    lexicon: &Lexicon,
    scratch: &mut String,
) -> Option<(usize, super::lexicon::Demonym)> {
    let max = lexicon.longest_demonym.min(tokens.len() - i);
    (1..=max).rev().find_map(|n| {
        if !(i + 1..i + n).all(|k| tokens[k].gap == Gap::Space && tokens[k].capitalized) {
            return None;
        }
        let d = lexicon.demonym(span_hash(text, tokens, i, n, scratch))?;
        Some((n, d))
    })
}

/// A qualifier word right after the name ("Kherson region", "Dnipro river"):
/// the extended span, its candidates, and the qualifier.
fn qualified(
    text: &str,
    tokens: &[Token],
    i: usize,
    n: usize,
    places: &[u32],
    gazetteer: &Gazetteer,
    scratch: &mut String,
) -> Option<(usize, Vec<u32>, &'static Qualifier)> {
    let next = tokens.get(i + n).filter(|t| t.gap == Gap::Space)?;
    fold_into(word(text, next), scratch);
    let qualifier = QUALIFIERS.iter().find(|q| q.word == scratch.as_str())?;
    let whole = hash_of(&text[tokens[i].start()..next.end()], scratch);
    let mut candidates = gazetteer.indexes_for_hash(whole);
    if candidates.is_empty() {
        candidates = places.to_vec();
    }
    let fitting: Vec<u32> = candidates
        .iter()
        .copied()
        .filter(|&p| gazetteer.summary(p).is_some_and(|p| qualifier.accepts(p.kind)))
        .collect();
    (!fitting.is_empty()).then_some((next.end(), fitting, qualifier))
}

/// "the city of X", "the region of X": a qualifier two words before.
fn qualifier_before(text: &str, tokens: &[Token], i: usize, scratch: &mut String) -> Option<&'static Qualifier> {
    if i < 2 || tokens[i].gap != Gap::Space || tokens[i - 1].gap != Gap::Space {
        return None;
    }
    if !word(text, &tokens[i - 1]).eq_ignore_ascii_case("of") {
        return None;
    }
    fold_into(word(text, &tokens[i - 2]), scratch);
    QUALIFIERS.iter().find(|q| q.word == scratch.as_str())
}

/// Whether a capitalised match is a place and not an everyday word at the
/// start of a sentence or part of a person's or organisation's name.
#[allow(clippy::too_many_arguments)]
fn has_evidence(
    text: &str,
    tokens: &[Token],
    i: usize,
    n: usize,
    m: &Match,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    title_line: bool,
) -> Evidence {
    let is_country = m
        .places
        .iter()
        .any(|&p| gazetteer.summary(p).is_some_and(|p| p.kind == Kind::Country));
    // A large region or a country may share its name with a word ("Wales").
    let is_major = m.places.iter().any(|&p| {
        gazetteer.summary(p).is_some_and(|p| {
            matches!(p.kind, Kind::Sea | Kind::Peninsula)
                || matches!(p.kind, Kind::Country | Kind::Region) && p.population >= MAJOR_POPULATION
        })
    });
    // Short capitals ("SAS", "ON"): only country codes ("US", "UK", "UAE").
    if n == 1 && tokens[i].all_caps && word(text, &tokens[i]).chars().count() <= 3 && !is_country {
        return Evidence::Word;
    }
    let after_locative = is_after_locative(text, tokens, i);
    if n == 1 && !is_country && lexicon.is_common_word(tokens[i].hash) && !after_locative && !is_major {
        return Evidence::Word;
    }
    let person_like = !is_country || is_one_of(&GIVEN_NAME_COUNTRIES, word(text, &tokens[i]));
    // "Svitlana Honchar", "Jordan Henderson": part of a longer proper name.
    if n == 1 && person_like && !title_line {
        let before = i > 0
            && tokens[i].gap == Gap::Space
            && tokens[i - 1].capitalized
            && !tokens[i - 1].possessive
            && !(is_sentence_start(tokens, i - 1) && is_function_word(text, &tokens[i - 1]))
            && !is_title(text, &tokens[i - 1]);
        let after = tokens.get(i + 1).is_some_and(|t| {
            t.gap == Gap::Space
                && t.capitalized
                && !tokens[i].possessive
                && !is_title(text, t)
                && !lexicon.is_country_name(t.hash)
        });
        if (before || after) && !after_locative {
            return Evidence::PartOfName;
        }
    }
    Evidence::Place
}

fn is_sentence_start(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].gap, Gap::Start | Gap::SentenceEnd | Gap::Break)
}

fn is_function_word(text: &str, t: &Token) -> bool {
    is_one_of(&FUNCTION_WORDS, word(text, t))
}

fn is_title(text: &str, t: &Token) -> bool {
    is_one_of(&TITLES, word(text, t))
}

/// For each token, whether its line is written in title case (a headline),
/// where capitalised neighbours say nothing about names.
fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_start = 0;
    for end in 1..=tokens.len() {
        if end == tokens.len() || tokens[end].gap == Gap::Break {
            let line = &tokens[line_start..end];
            let long: Vec<&Token> = line.iter().filter(|t| word(text, t).len() > 3).collect();
            let capitalised = long.iter().filter(|t| t.capitalized).count();
            let title = long.len() >= 3 && capitalised * 10 >= long.len() * 7;
            flags[line_start..end].iter_mut().for_each(|f| *f = title);
            line_start = end;
        }
    }
    flags
}
