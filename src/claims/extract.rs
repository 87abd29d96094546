//! Walks an article's sentences against the claim tables.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::gazetteer::{Gazetteer, Kind};
use crate::tagger::Mention;
use crate::text::Article;
use crate::text::CharOffsets;
use crate::text::boilerplate::is_inside;

use super::area::find_area;
use super::lexicon::ClaimLexicon;
use super::when::event_date;
use super::words::{Word, words};
use super::{Action, Claim, ClaimPlace, Side};

/// Nouns that make a sentence about territory even without a place name.
const TERRITORY: [&str; 18] = [
    "territory",
    "territories",
    "area",
    "areas",
    "city",
    "town",
    "towns",
    "village",
    "villages",
    "region",
    "ground",
    "land",
    "border",
    "positions",
    "settlements",
    "oblast",
    "cities",
    "frontline",
];

/// Objects of "captured" or "abandoned" that are not land.
const NOT_LAND: [&str; 16] = [
    "soldiers",
    "troops",
    "prisoners",
    "weapons",
    "tanks",
    "equipment",
    "vehicles",
    "ammunition",
    "officers",
    "men",
    "servicemen",
    "quantities",
    "flags",
    "hope",
    "attention",
    "informants",
];

/// Nouns after a demonym in "X is a Russian city".
const IDENTITY_NOUNS: [&str; 6] = ["city", "town", "land", "territory", "region", "village"];

/// georef's claim tables, parsed once a process: an extractor is made for
/// every corpus and every correction.
static LEXICON: LazyLock<ClaimLexicon> = LazyLock::new(ClaimLexicon::new);

/// Extracts claims, with the gazetteer's country names for sides.
pub struct ClaimExtractor<'g> {
    gazetteer: &'g Gazetteer,
    lexicon: &'static ClaimLexicon,
    country_names: FxHashMap<String, String>,
}

/// Where a side is named in a sentence.
struct SideAt {
    code: String,
    at: usize,
}

impl<'g> ClaimExtractor<'g> {
    /// An extractor over `gazetteer` with georef's tables.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        let country_names = gazetteer
            .countries()
            .filter_map(|(code, i)| Some((code.as_str().to_string(), gazetteer.place(i)?.name.to_string())))
            .collect();
        ClaimExtractor {
            gazetteer,
            lexicon: &LEXICON,
            country_names,
        }
    }

    fn side(&self, code: &str) -> Side {
        let name = self
            .country_names
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string());
        Side {
            code: code.to_string(),
            name,
        }
    }

    /// The claims of one article, given its mentions (from the tagger), its
    /// boilerplate ranges and its sentences (from [`crate::text`]).
    pub fn extract(
        &self,
        article_index: usize,
        article: &Article,
        mentions: &[Mention],
        skip: &[Range<usize>],
        sentences: &[Range<usize>],
    ) -> Vec<Claim> {
        let text = &article.text;
        let side_counts = self.side_counts(text, mentions);
        let mut chars = CharOffsets::new(text);
        let mut claims = Vec::new();
        for sentence in sentences {
            let mut sentence = sentence.clone();
            if is_inside(skip, sentence.start) {
                continue;
            }
            // "… reported Daily Mail.Also Read - …": the story ends where the teaser starts.
            if let Some(cut) = skip.iter().find(|r| sentence.contains(&r.start)) {
                sentence.end = cut.start;
            }
            let mut sentence_words = words(&text[sentence.clone()]);
            for w in &mut sentence_words {
                w.range = w.range.start + sentence.start..w.range.end + sentence.start;
            }
            let in_sentence: Vec<usize> = (0..mentions.len())
                .filter(|&m| sentence.contains(&mentions[m].byte_start))
                .collect();
            let context = Sentence {
                text,
                words: &sentence_words,
                mentions,
                in_sentence: &in_sentence,
            };
            for found in self.sentence_claims(&context) {
                let Found {
                    trigger,
                    trigger_at,
                    action,
                    actor,
                    places,
                    area,
                } = found;
                let home = places
                    .first()
                    .and_then(|&m| self.gazetteer.place(mentions[m].place))
                    .map(|p| p.country.as_str().to_string())
                    .filter(|c| !c.is_empty());
                let controller_after = controller_after(action, actor.as_deref(), home, &side_counts);
                let claim = Claim {
                    article: article.id.clone(),
                    article_index,
                    sentence_start: chars.at(sentence.start),
                    sentence_end: chars.at(sentence.end),
                    sentence_byte_start: sentence.start,
                    sentence: text[sentence.clone()].to_string(),
                    trigger,
                    action,
                    actor: actor.map(|c| self.side(&c)),
                    places: places
                        .iter()
                        .map(|&m| ClaimPlace {
                            mention: m,
                            place: mentions[m].place,
                            text: mentions[m].text.clone(),
                            start: mentions[m].start,
                            end: mentions[m].end,
                        })
                        .collect(),
                    controller_after: controller_after.map(|c| self.side(&c)),
                    area,
                    claimant: claimant(text, &sentence_words, self.lexicon, trigger_at),
                    hedged: self.lexicon.hedges.any_in(&sentence_words),
                    negated: self.lexicon.negations.any_in(&sentence_words),
                    event_date: event_date(text, &sentence_words, article.date),
                    group: 0,
                };
                claims.push(claim);
            }
        }
        claims
    }

    /// The claims one sentence makes. Each control verb owns the clause
    /// from the previous verb to the next: its places and area are there.
    fn sentence_claims(&self, s: &Sentence) -> Vec<Found> {
        let sides = self.sides_in(s);
        let mut out: Vec<Found> = self.identity_claim(s).into_iter().collect();
        let mut verbs: Vec<(usize, usize, Action)> = Vec::new();
        let mut i = 0;
        while i < s.words.len() {
            match self.lexicon.verbs.at(s.words, i) {
                Some((phrase, action)) => {
                    let end = i + phrase.len();
                    // "Russia-controlled areas" describes; "Moscow-annexed Crimea" claims.
                    let compound = s.text[..s.words[i].range.start].ends_with('-');
                    let place_follows = s.words.get(end).is_some_and(|w| {
                        s.in_sentence
                            .iter()
                            .any(|&m| s.mentions[m].byte_start == w.range.start && !s.mentions[m].demonym)
                    });
                    if !compound || place_follows {
                        verbs.push((i, end, *action));
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        for (k, &(first, end, action)) in verbs.iter().enumerate() {
            let verb_start = s.words[first].range.start;
            let clause_start = if k == 0 { 0 } else { verbs[k - 1].1 };
            let clause_end = verbs.get(k + 1).map_or(s.words.len(), |v| v.0);
            let clause = &s.words[clause_start..clause_end];
            let bytes = clause.first().map_or(0, |w| w.range.start)..clause.last().map_or(0, |w| w.range.end);
            if out.iter().any(|c| c.action == action) || object_is_not_land(s.words, end) {
                continue;
            }
            let places: Vec<usize> = s
                .in_sentence
                .iter()
                .copied()
                .filter(|&m| bytes.contains(&s.mentions[m].byte_start) && self.is_claimed_place(s, m))
                .collect();
            let compound = s.text[..verb_start].ends_with('-');
            let area = find_area(s.text, clause, &self.lexicon.units);
            let territorial =
                !places.is_empty() || area.is_some() || clause.iter().any(|w| TERRITORY.contains(&w.text.as_str()));
            if territorial {
                let actor = if compound {
                    sides.iter().rev().find(|x| x.at < verb_start).map(|x| x.code.clone())
                } else {
                    actor_for(&sides, s.words, first, end)
                };
                let trigger = s.text[verb_start..s.words[end - 1].range.end].to_string();
                out.push(Found {
                    trigger,
                    trigger_at: verb_start,
                    action,
                    actor,
                    places,
                    area,
                });
            }
        }
        out
    }

    /// "Kherson is and will be a Russian city": a place, a copula, a demonym
    /// and a territory noun make a holds claim for the demonym's country.
    fn identity_claim(&self, s: &Sentence) -> Option<Found> {
        for &m in s.in_sentence {
            let mention = &s.mentions[m];
            if mention.demonym {
                continue;
            }
            // A mention at the end of the sentence has no copula after it;
            // the next mention may.
            let at = s.words.iter().position(|w| w.range.start >= mention.byte_end);
            let copula = at
                .and_then(|at| s.words.get(at))
                .is_some_and(|w| matches!(w.text.as_str(), "is" | "remains" | "will"));
            if !copula {
                continue;
            }
            for &d in s.in_sentence {
                let demonym = &s.mentions[d];
                let after = s.words.iter().position(|w| w.range.start >= demonym.byte_end);
                let noun = after
                    .and_then(|k| s.words.get(k))
                    .is_some_and(|w| IDENTITY_NOUNS.contains(&w.text.as_str()));
                let close = demonym.byte_start > mention.byte_end && demonym.byte_start - mention.byte_end < 40;
                if demonym.demonym && noun && close {
                    let code = self.gazetteer.place(demonym.place)?.country.as_str().to_string();
                    let trigger = s.text[mention.byte_end..demonym.byte_end].trim().to_string();
                    let trigger_at = mention.byte_end;
                    return Some(Found {
                        trigger,
                        trigger_at,
                        action: Action::Holds,
                        actor: Some(code),
                        places: vec![m],
                        area: None,
                    });
                }
            }
        }
        None
    }

    /// Every side named in the sentence: demonyms, countries, side words.
    fn sides_in(&self, s: &Sentence) -> Vec<SideAt> {
        let mut found: Vec<SideAt> = s
            .in_sentence
            .iter()
            .filter_map(|&m| {
                let mention = &s.mentions[m];
                let place = self.gazetteer.place(mention.place)?;
                let located = preceded_by_preposition(s.text, mention.byte_start);
                (mention.demonym || place.kind == Kind::Country && !located).then(|| SideAt {
                    code: place.country.as_str().to_string(),
                    at: mention.byte_start,
                })
            })
            .collect();
        for w in s.words {
            let base = without_possessive(&w.text);
            if let Some(code) = self.lexicon.sides.get(base) {
                found.push(SideAt {
                    code: code.clone(),
                    at: w.range.start,
                });
            }
        }
        found.retain(|f| !f.code.is_empty());
        found.sort_by_key(|f| f.at);
        found
    }

    /// How often each side is named in the whole article.
    fn side_counts(&self, text: &str, mentions: &[Mention]) -> FxHashMap<String, usize> {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        for m in mentions {
            if let Some(p) = self.gazetteer.place(m.place)
                && (m.demonym || p.kind == Kind::Country)
                && !p.country.is_none()
            {
                *counts.entry(p.country.as_str().to_string()).or_default() += 1;
            }
        }
        for w in words(text) {
            if let Some(code) = self.lexicon.sides.get(without_possessive(&w.text)) {
                *counts.entry(code.clone()).or_default() += 1;
            }
        }
        counts
    }

    /// A mention is a claimed place unless it is a demonym, a country, a
    /// capital standing for its side, a dateline, or a yardstick ("half the
    /// size of Wales").
    fn is_claimed_place(&self, s: &Sentence, m: usize) -> bool {
        let mention = &s.mentions[m];
        if mention.demonym {
            return false;
        }
        let Some(place) = self.gazetteer.place(mention.place) else {
            return false;
        };
        // Countries are the sides, not the ground a claim is about.
        if place.kind == Kind::Country {
            return false;
        }
        // "Kyiv's troops", "Moscow-backed forces": a capital standing for its side.
        if self.lexicon.sides.contains_key(&mention.text.to_lowercase()) {
            return false;
        }
        // "New York: Russian troops ...": a dateline.
        let first_in_sentence = s.words.first().is_some_and(|w| w.range.start == mention.byte_start);
        if first_in_sentence && s.text[mention.byte_end..].starts_with(':') {
            return false;
        }
        let before: Vec<&str> = s
            .words
            .iter()
            .filter(|w| w.range.end <= mention.byte_start)
            .rev()
            .take(3)
            .map(|w| w.text.as_str())
            .collect();
        !(before.first() == Some(&"of") && before.get(1) == Some(&"size"))
    }
}

/// Who holds the places afterwards, if the claim is true: the actor when it
/// gains, its opponent when it loses; a place liberated by no one named goes
/// back to the country it lies in (`home`).
fn controller_after(
    action: Action,
    actor: Option<&str>,
    home: Option<String>,
    side_counts: &FxHashMap<String, usize>,
) -> Option<String> {
    match (action, actor) {
        (a, Some(actor)) if a.actor_gains() => Some(actor.to_string()),
        (a, Some(actor)) if a.actor_loses() => opponent(actor, side_counts),
        (Action::Liberated, None) => home,
        _ => None,
    }
}

/// A claim found in a sentence, before it is dressed with the article's data.
struct Found {
    trigger: String,
    trigger_at: usize,
    action: Action,
    actor: Option<String>,
    places: Vec<usize>,
    area: Option<super::area::Area>,
}

/// The words, mentions and text of one sentence.
struct Sentence<'a> {
    text: &'a str,
    words: &'a [Word],
    mentions: &'a [Mention],
    in_sentence: &'a [usize],
}

/// The actor of a verb: "by X" after a passive verb; for a verb used as an
/// adjective ("the newly freed village", "the advancing Ukrainian army") a
/// side right after it or none; else the nearest side before the verb.
fn actor_for(sides: &[SideAt], words: &[Word], first: usize, end: usize) -> Option<String> {
    let verb_start = words[first].range.start;
    if words.get(end).is_some_and(|w| w.text == "by") {
        let by = words[end].range.start;
        if let Some(s) = sides.iter().find(|s| s.at > by) {
            return Some(s.code.clone());
        }
    }
    let adjectival = first > 0
        && matches!(
            words[first - 1].text.as_str(),
            "the" | "a" | "an" | "newly" | "recently"
        );
    if adjectival {
        let limit = words.get(end + 2).map_or(usize::MAX, |w| w.range.end);
        return sides
            .iter()
            .find(|s| s.at > verb_start && s.at < limit)
            .map(|s| s.code.clone());
    }
    sides.iter().rev().find(|s| s.at < verb_start).map(|s| s.code.clone())
}

/// Whether the word before `at` (or the one before an adjective) is a
/// preposition: "in southern Ukraine" names a place, not a side.
fn preceded_by_preposition(text: &str, at: usize) -> bool {
    let before: Vec<&str> = text[..at].split_whitespace().rev().take(2).collect();
    let is_preposition = |w: &&str| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase().as_str(),
            "in" | "of" | "from" | "to" | "across" | "near" | "into" | "inside" | "throughout"
        )
    };
    before.first().is_some_and(is_preposition) || before.get(1).is_some_and(is_preposition)
}

/// "captured so many Russian soldiers": the object is people or things.
fn object_is_not_land(words: &[Word], after_verb: usize) -> bool {
    words[after_verb..]
        .iter()
        .take(5)
        .find(|w| NOT_LAND.contains(&w.text.as_str()) || TERRITORY.contains(&w.text.as_str()))
        .is_some_and(|w| NOT_LAND.contains(&w.text.as_str()))
}

/// The most-named side other than `actor`.
fn opponent(actor: &str, side_counts: &FxHashMap<String, usize>) -> Option<String> {
    side_counts
        .iter()
        .filter(|(code, _)| code.as_str() != actor)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(code, _)| code.clone())
}

/// Who says so: the last name before a speech verb ("Zelensky, in a
/// late-night address, said"), the name after one ("said Humeniuk",
/// "according to the ministry"), or "the ministry said".
/// Of several, the one nearest before the claim's verb at `verb_at` (else
/// the first after it) speaks for the claim.
fn claimant(text: &str, words: &[Word], lexicon: &ClaimLexicon, verb_at: usize) -> Option<String> {
    let mut before: Option<String> = None;
    let mut after: Option<String> = None;
    for (at, name) in speakers(text, words, lexicon) {
        if at < verb_at {
            before = Some(name);
        } else if after.is_none() {
            after = Some(name);
        }
    }
    before.or(after)
}

/// Every attribution in the sentence: (byte offset of the speech verb, who).
fn speakers(text: &str, words: &[Word], lexicon: &ClaimLexicon) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let is_capital = |w: &Word| text[w.range.clone()].starts_with(|c: char| c.is_uppercase());
    for i in 0..words.len() {
        let Some((verb, _)) = lexicon.speech.at(words, i) else {
            continue;
        };
        let after = i + verb.len();
        // "said to be", "it is claimed": hedges, not attribution.
        let passive = i > 0
            && matches!(
                words[i - 1].text.as_str(),
                "is" | "was" | "are" | "were" | "been" | "be"
            );
        if passive || words.get(after).is_some_and(|w| w.text == "to") && verb[0] != "according" {
            continue;
        }
        if verb[0] != "according" {
            // The name right before the verb, or before a parenthetical
            // set off by commas ("Zelensky, in a late-night address, said").
            let window = &words[i.saturating_sub(12)..i];
            if let Some(last) = window.iter().rposition(|w| is_capital(w) && !is_calendar_word(&w.text)) {
                let between = &text[window[last].range.end..words[i].range.start];
                let direct = between.trim().is_empty();
                let parenthetical = between.trim_start().starts_with(',')
                    && between.trim_end().ends_with(',')
                    && !between.contains(['.', ';', ':', '"', '“', '”']);
                if direct || parenthetical {
                    let joined =
                        |k: usize| k == last || text[window[k].range.end..window[k + 1].range.start].trim().is_empty();
                    let first = (0..=last)
                        .rev()
                        .take_while(|&k| is_capital(&window[k]) && !is_calendar_word(&window[k].text) && joined(k))
                        .last()
                        .unwrap_or(last);
                    let name = &text[window[first].range.start..window[last].range.end];
                    found.push((
                        words[i].range.start,
                        name.trim_end_matches("'s").trim_end_matches("’s").to_string(),
                    ));
                    continue;
                }
            }
        }
        let after_words: Vec<&Word> = words[after..]
            .iter()
            .take_while(|w| is_capital(w) || w.text == "the")
            .take(4)
            .collect();
        if after_words.iter().any(|w| is_capital(w)) {
            let (first, last) = (after_words[0], after_words[after_words.len() - 1]);
            found.push((
                words[i].range.start,
                text[first.range.start..last.range.end].to_string(),
            ));
            continue;
        }
        // "the ministry said", "according to the media reports"
        if verb[0] == "according" && words.get(after).is_some_and(|w| w.text == "the") {
            let end = (after + 3).min(words.len());
            found.push((
                words[i].range.start,
                text[words[after].range.start..words[end - 1].range.end].to_string(),
            ));
            continue;
        }
        if i >= 2 && words[i - 2].text == "the" {
            found.push((
                words[i].range.start,
                text[words[i - 2].range.start..words[i - 1].range.end].to_string(),
            ));
        }
    }
    found
}

/// The word without its possessive endings ("kyiv's" -> "kyiv").
fn without_possessive(word: &str) -> &str {
    let mut base = word;
    while let Some(shorter) = base.strip_suffix("'s") {
        base = shorter;
    }
    base
}

fn is_calendar_word(word: &str) -> bool {
    crate::text::dates::month(word).is_some()
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "on",
            "in",
        ]
        .contains(&word)
}
