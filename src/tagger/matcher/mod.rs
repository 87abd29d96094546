//! Finds the spans of text that name places: one pass over the tokens,
//! proposing runs of capitalised words and looking each up in the
//! precomputed name table, longest first.

mod qualifiers;
mod runs;

use crate::gazetteer::{Gazetteer, Qualifier};

use super::context::{
    TitleLines, after_the, continues_locative_list, follows_acronym, is_after_locative, is_apposition_gap,
    is_club_or_body_word, is_function_word, is_speaker_or_team, leads_institution, word,
};
use super::evidence::{Evidence, Sighting, judge};
use super::lexicon::{COMPASS_WORDS, Demonym, Lexicon};
use super::tokens::{Gap, Token, tokenize};
use super::traits::{LARGE, MAJOR, PlaceTraits};
use qualifiers::{apply_plural_qualifiers, facility_head, facility_of, qualified, qualifier_before};
use runs::{PlaceRun, SpanHashes, compass_before_place, demonym_run, longest_place, name_filters, not_place_run};

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
    /// "the" comes right before ("over the Dnipro", "The Nile flows";
    /// see `context::after_the`): rivers
    /// are so named, towns seldom.
    pub after_the: bool,
    /// A locative comes right before, or the place goes on a list that one
    /// opened ("in Visbek", "to Saipan, Guam and Alaska").
    pub after_locative: bool,
    /// A possessive follows ("Wilson's Farm").
    pub possessive: bool,
    /// The span names a building after the place ("Windsor Castle"): a
    /// locative before it is the building's, no proof of the place (see
    /// `strays`).
    pub facility: bool,
}

impl Match {
    /// A place mention from `start` to `end` (bytes) with its candidates,
    /// found under `name_hash`; no qualifier, no flag set.
    pub(in crate::tagger) fn new(start: usize, end: usize, places: Vec<u32>, name_hash: u64) -> Match {
        Match {
            start,
            end,
            places,
            name_hash,
            demonym: false,
            qualifier: None,
            common_word: false,
            after_the: false,
            after_locative: false,
            possessive: false,
            facility: false,
        }
    }

    /// Whether `next`, the match after this one, may say where this one
    /// lies: only a comma or spaces between ("Paris, Texas", "Springfield
    /// Illinois"), not a demonym, and no capitalised word after it, where
    /// its name begins a title ("Freeland, U.S. Trade Representative").
    /// Whether one of its places holds one of this one's is the caller's
    /// question.
    pub fn is_set_in(&self, next: &Match, text: &str) -> bool {
        let title_after = text
            .get(next.end..)
            .and_then(|after| after.trim_start_matches(' ').chars().next())
            .is_some_and(char::is_uppercase);
        !next.demonym && !title_after && text.get(self.end..next.start).is_some_and(is_apposition_gap)
    }
}

/// Finds every place name and demonym in `text`.
pub fn find(text: &str, gazetteer: &Gazetteer, lexicon: &Lexicon, traits: &PlaceTraits) -> Vec<Match> {
    let tokens = tokenize(text);
    let mut scan = Scan::new(text, &tokens, gazetteer, lexicon, traits);
    let mut i = 0;
    while i < tokens.len() {
        // A word that is not capitalised, or that the filters say nothing
        // of, starts nothing the matcher finds.
        i += if scan.filters[i] != 0 { scan.read(i) } else { 1 };
    }
    scan.finish()
}

/// One pass of [`find`] over an article's tokens: what it has found and
/// what it remembers of the words read so far.
struct Scan<'t> {
    text: &'t str,
    tokens: &'t [Token],
    gazetteer: &'t Gazetteer,
    lexicon: &'t Lexicon,
    traits: &'t PlaceTraits,
    /// What the name table's filters say of each token (see [`name_filters`]).
    filters: Vec<u8>,
    title_lines: TitleLines,
    scratch: String,
    spans: SpanHashes<'t>,
    found: Vec<Match>,
    /// Words seen inside longer proper names ("John Kelly"), and the lone
    /// matches that may be such a word used alone later ("Kelly said"). A
    /// place that leads an institution's name ("Liverpool Academy") is not
    /// remembered, nor one in capitals, which is no one's given name or
    /// surname ("D.C. Commission on the Arts", then "Washington, D.C.").
    /// `surnames` are the name parts that followed a given name ("John
    /// Bolton"); a small place's lone match after "to" or "from" ("offering
    /// the job to Bolton"), or a large one's that speaks ("Holland
    /// recalled"), is dropped only if it is one of them, and says so.
    name_parts: Vec<u64>,
    surnames: Vec<u64>,
    lone: Vec<(usize, u64, bool)>,
    /// A compass word skipped before the token that may start a place, and
    /// where it starts ("North Africa").
    compass: Option<(usize, usize)>,
    /// Where the last place named after a locative ends (a byte offset),
    /// for the places listed after it ("in Atlanta and Savannah").
    locative_list: Option<usize>,
    /// Where the last place that is no everyday word ends (a byte offset),
    /// for an everyday word listed after it ("Birmingham and Mobile").
    last_place: Option<usize>,
}

impl<'t> Scan<'t> {
    /// A pass over `tokens`, the tokens of `text`, with nothing found yet.
    fn new(
        text: &'t str,
        tokens: &'t [Token],
        gazetteer: &'t Gazetteer,
        lexicon: &'t Lexicon,
        traits: &'t PlaceTraits,
    ) -> Scan<'t> {
        Scan {
            text,
            tokens,
            gazetteer,
            lexicon,
            traits,
            filters: name_filters(text, tokens, gazetteer, lexicon),
            title_lines: TitleLines::default(),
            scratch: String::new(),
            spans: SpanHashes::default(),
            found: Vec::new(),
            name_parts: Vec::new(),
            surnames: Vec::new(),
            lone: Vec::new(),
            compass: None,
            locative_list: None,
            last_place: None,
        }
    }

    /// Reads the capitalised token `i` and the words that form a name or
    /// phrase with it; returns how many tokens it read.
    fn read(&mut self, i: usize) -> usize {
        let (text, tokens) = (self.text, self.tokens);
        let article = word(text, &tokens[i]) == "The";
        // "The Gulf", "The Channel" opening a sentence: the name is the word
        // after the article, read on its own.
        if article
            && tokens.get(i + 1).is_some_and(|next| {
                next.gap == Gap::Space && next.capitalized && self.lexicon.article_name(next.hash).is_some()
            })
        {
            return 1;
        }
        self.spans.start_at(text, tokens, i);
        let place = longest_place(text, tokens, i, self.filters[i], self.gazetteer, &mut self.spans);
        // "The Turtle Rock dinner": a name that starts with "The" and that no
        // candidate bears as its own ("The Turtle" is Beloit's alternate) is
        // read from the next word ("The Hague" stays).
        if article && let Some(run) = &place {
            let hash = run.possessive_name.unwrap_or_else(|| self.spans.get(run.words));
            if run.words > 1 && !run.places.iter().any(|&p| self.gazetteer.is_own_name(p, hash)) {
                return 1;
            }
        }
        let place_words = place.as_ref().map_or(0, |p| p.words);
        if compass_before_place(
            text,
            tokens,
            i,
            place_words,
            &self.filters,
            self.gazetteer,
            self.lexicon,
            &mut self.spans,
        ) {
            self.compass = Some((i + 1, tokens[i].start()));
            return 1;
        }
        // "the Gulf" is the Persian Gulf, not Papua New Guinea's Gulf Province.
        if place_words <= 1
            && let Some(m) = self.after_article(i).or_else(|| self.postal_code(i))
        {
            self.found.push(m);
            return 1;
        }
        // A phrase that is never a place, unless a longer place name or
        // demonym starts with it ("Northern" is no place; "Northern Europe"
        // is, and "Eastern European" a demonym).
        if let Some(n) = not_place_run(tokens, i, self.lexicon, &mut self.spans)
            && place_words <= n
            && demonym_run(tokens, i, self.lexicon, &mut self.spans).is_none_or(|(m, _)| m <= n)
        {
            return n;
        }
        let longer_demonym = match &place {
            Some(p) if p.words == 1 => demonym_run(tokens, i, self.lexicon, &mut self.spans).filter(|(n, _)| *n > 1),
            _ => None,
        };
        if let Some(run) = place.filter(|_| longer_demonym.is_none()) {
            return self.read_place(i, run);
        }
        match demonym_run(tokens, i, self.lexicon, &mut self.spans) {
            Some((n, demonym)) => self.read_demonym(i, n, demonym),
            None => 1,
        }
    }

    /// The match of word `i` as a name that takes "the" ("in the Gulf,
    /// Qatar", "crossed the Channel"): after "the", and no capitalised word
    /// or number after it ("the Gulf Coast", "the Channel 4 film"); the
    /// caller asks only where the word alone names nothing longer. The span
    /// is the word.
    fn after_article(&self, i: usize) -> Option<Match> {
        let (text, tokens) = (self.text, self.tokens);
        let token = tokens[i];
        if i == 0 || token.gap != Gap::Space || token.all_caps || !matches!(word(text, &tokens[i - 1]), "the" | "The") {
            return None;
        }
        let ends_name = tokens
            .get(i + 1)
            .is_none_or(|next| next.gap != Gap::Space || word(text, next).starts_with(|c: char| c.is_lowercase()));
        if !ends_name {
            return None;
        }
        let name_hash = self.lexicon.article_name(token.hash)?;
        let places = self.gazetteer.indexes_for_hash(name_hash);
        if places.is_empty() {
            return None;
        }
        Some(Match {
            after_the: true,
            ..Match::new(token.start(), token.end(), places, name_hash)
        })
    }

    /// The match of word `i` as a state's or province's postal abbreviation
    /// set after a place ("Austin, TX said", "HORRY COUNTY, SC (WMBF)",
    /// "Perth, WA"): in capitals, after a comma that follows the last match
    /// found, no periods ("D.C." is an alias of the capital's), and no word
    /// in capitals after it ("DALLAS, IN SHOOTING").
    fn postal_code(&self, i: usize) -> Option<Match> {
        let (text, tokens) = (self.text, self.tokens);
        let token = tokens[i];
        let previous = self.found.last()?;
        if i == 0
            || !token.all_caps
            || word(text, &token).contains('.')
            || previous.demonym
            || previous.end != tokens[i - 1].end()
            || text.get(previous.end..token.start()) != Some(", ")
            || tokens
                .get(i + 1)
                .is_some_and(|next| next.gap == Gap::Space && next.all_caps)
        {
            return None;
        }
        let places = self.lexicon.postal_code(token.hash);
        (!places.is_empty()).then(|| Match::new(token.start(), token.end(), places.to_vec(), token.hash))
    }

    /// Records the demonym of `n` words at token `i`, or the place it names
    /// with a qualifier after it; returns how many tokens that took.
    fn read_demonym(&mut self, i: usize, n: usize, demonym: Demonym) -> usize {
        let place = vec![demonym.place];
        let start = self.tokens[i].start();
        // "Crimean peninsula": an adjective and a qualifier name a
        // place; "the English city of Salisbury" names none.
        let q = qualified(
            self.text,
            self.tokens,
            i,
            n,
            (&place, 0),
            self.gazetteer,
            &mut self.spans,
            &mut self.scratch,
        )
        .filter(|q| !q.qualifier.kinds.iter().any(|k| k.is_populated()));
        match q {
            Some(q) => {
                self.found.push(Match {
                    qualifier: Some(q.qualifier),
                    ..Match::new(start, q.end, q.places, q.name_hash)
                });
                n + 1
            }
            None => {
                self.found.push(Match {
                    demonym: true,
                    ..Match::new(start, self.tokens[i + n - 1].end(), place, 0)
                });
                n
            }
        }
    }

    /// Reads the gazetteer name `run` found at token `i`, with the words
    /// around it that say what it names, and
    /// records it if the evidence says it is a place; returns how many
    /// tokens it read.
    fn read_place(&mut self, i: usize, run: PlaceRun) -> usize {
        let (text, tokens, lexicon) = (self.text, self.tokens, self.lexicon);
        let token = tokens[i];
        let (mut m, mut used) = self.named(i, run);
        if m.places.is_empty() {
            return used;
        }
        let after_locative =
            is_after_locative(text, tokens, i) || continues_locative_list(text, tokens, i, self.locative_list);
        let mut evidence = if m.demonym || m.qualifier.is_some() {
            Evidence::Place
        } else {
            let sighting = Sighting {
                text,
                tokens,
                i,
                n: used,
                end: m.end,
                places: &m.places,
                name_hash: m.name_hash,
                after_locative,
                last_place: self.last_place,
                previous: self
                    .found
                    .last()
                    .filter(|p| i > 0 && token.gap == Gap::Space && p.end == tokens[i - 1].end() && !p.demonym)
                    .map(|p| p.places.as_slice()),
                traits: self.traits,
                lexicon,
                gazetteer: self.gazetteer,
            };
            judge(&sighting, &mut self.title_lines)
        };
        // "Windsor Castle", "Colchester General Hospital": a building named
        // after the place is a place there, and the span is its name.
        if !m.demonym
            && !matches!(evidence, Evidence::Word)
            && let Some(head) = facility_head(text, tokens, i, used, m.end)
        {
            m.end = tokens[head].end();
            used = head + 1 - i;
            evidence = Evidence::Place;
            m.facility = true;
        } else if !m.demonym
            && !matches!(evidence, Evidence::Word)
            && let Some(head) = facility_of(text, tokens, i)
        {
            // "University of California", "Museum of London".
            m.start = tokens[head].start();
            evidence = Evidence::Place;
            m.facility = true;
        } else if !m.demonym
            && after_locative
            && matches!(evidence, Evidence::Place)
            && m.end == tokens[i + used - 1].end()
            && !tokens[i + used - 1].possessive
            && is_club_or_body_word(text, tokens, i + used)
            && !self.title_lines.is_title_case(text, tokens, i)
        {
            // "a trip to Birmingham City": the club's ground, in the town.
            m.end = tokens[i + used].end();
            used += 1;
            m.facility = true;
        }
        let hash = token.hash;
        match evidence {
            Evidence::Place => {
                m.common_word = used == 1
                    && m.start == token.start()
                    && !m.demonym
                    && m.qualifier.is_none()
                    && !after_locative
                    && lexicon.is_common_word(hash)
                    && !self.city_of_millions_by_own_name(&m);
                let minor = !self.traits.any(&m.places, LARGE | MAJOR);
                // After "to" or "from", or (a large place) as a speaker
                // ("Holland recalled"), only a surname is dropped.
                let surname_only = if minor {
                    after_locative && after_to_or_from(text, tokens, i)
                } else {
                    !after_locative && is_speaker_or_team(text, tokens, i)
                };
                if used == 1 && !m.demonym && m.qualifier.is_none() && (minor && !after_locative || surname_only) {
                    self.lone.push((self.found.len(), hash, surname_only));
                }
                self.locative_list = after_locative.then_some(m.end);
                if !m.demonym && !m.common_word {
                    self.last_place = Some(m.end);
                }
                m.after_the = after_the(text, tokens, i);
                m.after_locative = after_locative;
                m.possessive = m.end == tokens[i + used - 1].end() && tokens[i + used - 1].possessive;
                self.found.push(m);
            }
            // After a locative the word was a place's name to the writer, even
            // where it begins a person's ("to Elizabeth Sullivan"): its other
            // uses stay.
            Evidence::PartOfName
                if !after_locative
                    && !leads_institution(text, tokens, i + used - 1)
                    && !follows_acronym(tokens, i)
                    && !token.all_caps =>
            {
                self.name_parts.push(hash);
                if ends_personal_name(text, tokens, self.gazetteer, i, used) {
                    self.surnames.push(hash);
                }
            }
            Evidence::PartOfName => {}
            Evidence::Word => {}
        }
        used
    }

    /// Whether a candidate of `m` is a town of [`CITY_OF_MILLIONS`] people
    /// or more that bears the matched name as its own: "Shanghai" and
    /// "Phoenix" are words too, but no everyday ones that a nearby place
    /// must confirm.
    fn city_of_millions_by_own_name(&self, m: &Match) -> bool {
        m.places.iter().any(|&p| {
            self.gazetteer
                .summary(p)
                .is_some_and(|place| place.kind.is_populated() && place.population >= CITY_OF_MILLIONS)
                && self.gazetteer.is_own_name(p, m.name_hash)
        })
    }

    /// The match of the gazetteer name `run` found at token `i`, with what
    /// the words around it say: a qualifier after or before it, a demonym,
    /// an abbreviation's period; and how many tokens it spans.
    fn named(&mut self, i: usize, run: PlaceRun) -> (Match, usize) {
        let (text, tokens, lexicon) = (self.text, self.tokens, self.lexicon);
        let token = tokens[i];
        let n = run.words;
        let last = tokens[i + n - 1];
        let mut m = Match::new(token.start(), last.end(), run.places, self.spans.get(n));
        // "St. John's": a name that ends in "'s" spans it.
        if let Some(hash) = run.possessive_name {
            m.end = last.possessive_end(text);
            m.name_hash = hash;
        }
        if let Some((_, start)) = self.compass.take_if(|(at, _)| *at == i) {
            m.start = start;
        }
        let mut used = n;
        if !last.possessive
            && let Some(q) = qualified(
                text,
                tokens,
                i,
                n,
                (&m.places, m.name_hash),
                self.gazetteer,
                &mut self.spans,
                &mut self.scratch,
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
            m.qualifier = qualifier_before(text, tokens, i, &mut self.scratch);
        }
        if used == 1
            && !m.demonym
            && let Some(place) = lexicon.abbreviation(token.hash)
        {
            if !last.possessive && text[m.end..].starts_with('.') {
                // "Calif.": the period belongs to the abbreviation (the span is
                // the one token, whose hash is cached).
                // It names the place it abbreviates, not every place named "Pa".
                m.end += 1;
                m.places = vec![place];
            } else if !token.all_caps && !after_comma(text, tokens, i) {
                // Without its period the abbreviation is a word or a name
                // ("said Mass", "Ill health", "Pa Salieu"), except after a
                // town and a comma ("Worcester, Mass protested"); in
                // capitals it is a code ("PA", "LA").
                m.places.clear();
            }
        }
        (m, used)
    }

    /// The matches found, less the lone words seen inside longer names,
    /// with restated names joined.
    fn finish(self) -> Vec<Match> {
        let Scan {
            text,
            tokens,
            gazetteer,
            mut found,
            mut name_parts,
            mut surnames,
            lone,
            ..
        } = self;
        // Lone matches of words seen inside longer names are dropped (`lone`
        // is in the order of `found`), unless the writer placed one of them
        // ("ALLENDALE, N.J." after "The Allendale Woman's Club"; then
        // "Allendale women" is the town too).
        name_parts.sort_unstable();
        surnames.sort_unstable();
        let mut placed: Vec<u64> = lone
            .iter()
            .filter(|&&(at, _, _)| placed_by_next(text, &found, at, gazetteer))
            .map(|&(_, hash, _)| hash)
            .collect();
        placed.sort_unstable();
        let dropped: Vec<usize> = lone
            .iter()
            .filter(|(_, hash, weak_locative)| {
                let parts = if *weak_locative { &surnames } else { &name_parts };
                parts.binary_search(hash).is_ok() && placed.binary_search(hash).is_err()
            })
            .map(|(at, _, _)| *at)
            .collect();
        let mut dropped = dropped.into_iter().peekable();
        // A plural qualifier is evidence too: "the Belgorod and Kursk
        // regions" are places, whatever "Kursk" is elsewhere.
        apply_plural_qualifiers(text, tokens, &mut found);
        let mut at = 0;
        found.retain(|m| {
            let keep = dropped.next_if_eq(&at).is_none() || m.qualifier.is_some();
            at += 1;
            keep
        });
        join_restated(text, &mut found);
        found
    }
}

/// Whether match `at` of `found` is set in a country or region that holds
/// one of its places ([`Match::is_set_in`]: "ALLENDALE, N.J."): the writer
/// set it as a place.
fn placed_by_next(text: &str, found: &[Match], at: usize, gazetteer: &Gazetteer) -> bool {
    let (Some(m), Some(next)) = (found.get(at), found.get(at + 1)) else {
        return false;
    };
    m.is_set_in(next, text) && gazetteer.any_holds(&next.places, &m.places)
}

/// "Washington, D.C.": a place name followed by a comma and an abbreviation
/// (with periods, or a two-letter code: "DC") that names the same place is one mention of it, the span
/// both names, the candidates those they share. ("Springfield, Ill." stays
/// two: the state is another place.)
fn join_restated(text: &str, found: &mut Vec<Match>) {
    // One pass: `second` is dropped when it joins the `first` kept before it.
    found.dedup_by(|second, first| {
        let restates = !first.demonym
            && !second.demonym
            && text.get(first.end..second.start) == Some(", ")
            && text
                .get(second.start..second.end)
                .is_some_and(|t| t.contains('.') || t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()))
            && second.places.iter().any(|p| first.places.contains(p));
        if restates {
            first.places.retain(|p| second.places.contains(p));
            first.end = second.end;
        }
        restates
    });
}

/// Whether word `i` follows a comma after a word ("Worcester, Mass").
fn after_comma(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && text.get(tokens[i - 1].end()..tokens[i].start()) == Some(", ")
}

/// Whether word `i` follows "to" or "from", which take people as often as
/// places ("offering the job to Bolton", "a call from Miranda").
fn after_to_or_from(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].gap == Gap::Space && matches!(word(text, &tokens[i - 1]), "to" | "from")
}

/// The population from which a town named like an everyday word is no
/// everyday word ([`Scan::city_of_millions_by_own_name`]): Pest, the half
/// of Budapest with a million people, is mostly the noun in English news.
const CITY_OF_MILLIONS: u32 = 1_500_000;

/// Whether the name of `used` words at token `i` ends a person's name
/// after a given name: a capitalised word of letters only, not in capitals,
/// no compass point and no place's name in the gazetteer,
/// before it, and no capitalised word after it ("John Bolton", not "South
/// Kilburn Estate", "A429 Cirencester junction" or "Kharkiv Balakliia").
fn ends_personal_name(text: &str, tokens: &[Token], gazetteer: &Gazetteer, i: usize, used: usize) -> bool {
    let Some(given) = i.checked_sub(1).map(|before| tokens[before]) else {
        return false;
    };
    tokens[i].gap == Gap::Space
        && given.capitalized
        && !given.all_caps
        && word(text, &given).chars().all(char::is_alphabetic)
        && !COMPASS_WORDS.contains(word(text, &given))
        && !is_function_word(text, &given)
        && !gazetteer.names_a_place(given.hash)
        && tokens
            .get(i + used)
            .is_none_or(|t| t.gap != Gap::Space || !t.capitalized)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let not_places = lines(include_str!("../data/not_places.txt"));
        let demonyms = lines(include_str!("../data/demonyms.tsv"));
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
}
