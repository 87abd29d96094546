//! Whether a capitalised word that the gazetteer knows is a place, or an
//! everyday word at a sentence start, or part of a person's or an
//! organisation's name: a table of named rules, each reading the words
//! around the match.

use crate::gazetteer::fold::fold_hash;
use crate::gazetteer::{Gazetteer, Kind};

use super::context::{
    TitleLines, after_honorific_abbreviation, after_initial, after_lower_case_the, continues_locative_list,
    in_arabic_compound, in_byline, is_after_kin, is_club_or_body_word, is_function_word, is_loose_function_word,
    is_sentence_start, is_speaker_or_team, is_street_word, is_title, word,
};
use super::lexicon::{
    COMPASS_WORDS, GIVEN_NAME_PLACES, HONORIFICS, INSTITUTION_HEADS, Lexicon, NAME_PARTICLES, PHOTO_CREDITS,
    PLACE_GENERICS, VESSEL_WORDS,
};
use super::tokens::{Gap, Token};
use super::traits::{COUNTRY, LARGE, MAJOR, PlaceTraits, SEA, SIZEABLE};

/// What the context says of a capitalised match.
pub(super) enum Evidence {
    /// It is a place.
    Place,
    /// It is an everyday word (at a sentence start, in a headline).
    Word,
    /// It is part of a longer proper name, a person's or an organisation's.
    PartOfName,
}

/// A capitalised match in its text, with what the rules read about it.
pub(super) struct Sighting<'a> {
    /// The text.
    pub text: &'a str,
    /// The tokens of the text ([`super::tokens::tokenize`]).
    pub tokens: &'a [Token],
    /// The match's first token.
    pub i: usize,
    /// How many tokens it spans.
    pub n: usize,
    /// Byte offset just past the match (past an abbreviation's period).
    pub end: usize,
    /// Its candidate places.
    pub places: &'a [u32],
    /// The folded hash of the name they were found under.
    pub name_hash: u64,
    /// Whether a locative comes right before ("in Reading").
    pub after_locative: bool,
    /// Where the last place found before it that is no everyday word ends
    /// (a byte offset), for a list ("Birmingham and Mobile").
    pub last_place: Option<usize>,
    /// The candidates of a place found just before, with only spaces
    /// between ("Springfield" before "Illinois").
    pub previous: Option<&'a [u32]>,
    /// The traits of the gazetteer's places.
    pub traits: &'a PlaceTraits,
    /// The tagger's word lists.
    pub lexicon: &'a Lexicon,
    /// The gazetteer the candidates are from.
    pub gazetteer: &'a Gazetteer,
}

impl Sighting<'_> {
    fn token(&self) -> &Token {
        &self.tokens[self.i]
    }

    fn word(&self) -> &str {
        word(self.text, self.token())
    }

    fn any(&self, flag: u8) -> bool {
        self.traits.any(self.places, flag)
    }
}

/// Whether a capitalised match is a place and not an everyday word at the
/// start of a sentence or part of a person's or organisation's name. Each
/// rule below says what it finds or nothing, asked in this order; the first
/// that speaks decides, and a match none speaks against is a place.
pub(super) fn judge(s: &Sighting, title_lines: &mut TitleLines) -> Evidence {
    era_or_unit(s)
        .or_else(|| handle(s))
        .or_else(|| short_capitals(s))
        .or_else(|| byline(s))
        .or_else(|| title_abbreviation(s))
        .or_else(|| common_word(s))
        .or_else(|| brand_start(s))
        .or_else(|| royal_or_cleric(s))
        .or_else(|| after_name_abbreviation(s))
        .or_else(|| firm_name(s))
        .or_else(|| ship_name(s))
        .or_else(|| street_name(s))
        .or_else(|| club_or_body(s, title_lines))
        .or_else(|| part_of_longer_name(s, title_lines))
        .or_else(|| speaker_or_kin(s))
        .unwrap_or(Evidence::Place)
}

/// "44 B.C.", "30 Pa.": an abbreviation with periods after a number is an
/// era or a unit; a country's is not ("2,000 U.S. troops").
fn era_or_unit(s: &Sighting) -> Option<Evidence> {
    let i = s.i;
    (s.n == 1
        && i > 0
        && s.token().gap == Gap::Space
        && word(s.text, &s.tokens[i - 1]).bytes().all(|b| b.is_ascii_digit())
        && (s.end > s.token().end() || s.word().contains('.'))
        && !s.any(COUNTRY))
    .then_some(Evidence::Word)
}

/// "@Gillette": a name right after an at sign is an account's handle.
fn handle(s: &Sighting) -> Option<Evidence> {
    let start = s.token().start();
    (start > 0 && s.text.as_bytes()[start - 1] == b'@').then_some(Evidence::Word)
}

/// Short capitals ("SAS", "ON", "P.A."): only country codes ("US", "UK",
/// "UAE") and georef's own aliases ("EU", "N.J.") are places.
fn short_capitals(s: &Sighting) -> Option<Evidence> {
    (s.n == 1
        && s.token().all_caps
        && s.word().chars().filter(|c| c.is_alphanumeric()).count() <= 3
        && !s.any(COUNTRY)
        && !s.lexicon.is_alias(s.word(), s.token().hash))
    .then_some(Evidence::Word)
}

/// "By JORDAN SMITH and VICTORIA CHESTER": the names of a byline are
/// persons, in capitals too.
fn byline(s: &Sighting) -> Option<Evidence> {
    (!s.after_locative && in_byline(s.text, s.tokens, s.i)).then_some(Evidence::PartOfName)
}

/// "Sen. Durbin", "Gen. Milley": an honorific's abbreviation before a
/// capitalised name is a title, though "Sen" is an alternate name of Senj,
/// Croatia.
fn title_abbreviation(s: &Sighting) -> Option<Evidence> {
    let end = s.token().end();
    (s.n == 1
        && s.text.as_bytes().get(end) == Some(&b'.')
        && HONORIFICS.contains(s.word())
        && s.tokens
            .get(s.i + 1)
            .is_some_and(|t| t.capitalized && s.text.get(end..t.start()) == Some(". ")))
    .then_some(Evidence::Word)
}

/// A large region or a country may share its name with a word ("Wales"),
/// but not after a lower-case "the" ("the Centre", India's government). A
/// sea or peninsula may follow "the" ("the Pacific"). An alternate name is
/// no region's: "Federal" is not Brazil's Federal District, nor "Central"
/// Israel's Central District. An abbreviation with its period ("Pa.") is
/// no word. Other places named by a common word need a locative before,
/// or, for a city of 100,000 people, a place listed before them
/// ("Birmingham and Mobile"; "Harvey, Irma and Maria" are storms).
fn common_word(s: &Sighting) -> Option<Evidence> {
    (s.n == 1
        && !s.after_locative
        && s.end == s.token().end()
        && s.lexicon.is_common_word(s.token().hash)
        && !(s.any(SIZEABLE) && continues_locative_list(s.text, s.tokens, s.i, s.last_place))
        && !s.any(COUNTRY)
        && !s.any(SEA)
        && !region_set_after_a_name(s)
        && (after_lower_case_the(s.text, s.tokens, s.i) || !major_by_own_name(s)))
    .then_some(Evidence::Word)
}

/// "Knockhill, Fife.", "in Kirkcaldy, Fife, police said": a region's name
/// after a capitalised word and a comma, and before a punctuation mark,
/// says where the name lies ("Smith, Fife and Jones" lists people).
fn region_set_after_a_name(s: &Sighting) -> bool {
    let Some(before) = s.i.checked_sub(1).map(|b| s.tokens[b]) else {
        return false;
    };
    before.capitalized
        && s.text.get(before.end()..s.token().start()) == Some(", ")
        && s.tokens.get(s.i + 1).is_none_or(|t| t.gap != Gap::Space)
        && s.places
            .iter()
            .any(|&p| s.gazetteer.summary(p).is_some_and(|p| p.kind == Kind::Region))
}

/// "DeltaTrak", "VistaPrint", "at MetroHealth": a small place, or an
/// everyday word, glued to a capitalised word is the start of a brand; a
/// caption glued to a large place ("KharkivWikimedia"), or a photo credit
/// glued to one after a locative ("from KhersonGetty Images"), leaves it
/// the place.
fn brand_start(s: &Sighting) -> Option<Evidence> {
    let last = &s.tokens[s.i + s.n - 1];
    (s.tokens.get(s.i + s.n).is_some_and(|t| {
        t.start() == last.end() && t.capitalized && !(s.after_locative && PHOTO_CREDITS.contains(word(s.text, t)))
    }) && (!s.any(LARGE) || s.n == 1 && s.lexicon.is_common_word(s.token().hash)))
    .then_some(Evidence::Word)
}

/// "Queen Victoria", "Prince Albert", "King George": an honorific and a
/// given name are a person, though small towns bear such names; after a
/// locative ("in Prince Albert") they are the town. An honorific before a
/// generic word is a place's name ("Queen Creek", "King County"), and so
/// is one with a possessive ("King's Lynn").
fn royal_or_cleric(s: &Sighting) -> Option<Evidence> {
    (s.n == 2
        && !s.after_locative
        && !s.token().possessive
        && HONORIFICS.contains(s.word())
        && !PLACE_GENERICS.contains(word(s.text, &s.tokens[s.i + 1]))
        && !s.any(LARGE))
    .then_some(Evidence::PartOfName)
}

/// "St. Gregory of Narek", "Mt. Hood": a name after the abbreviation of a
/// saint or a mountain that forms no gazetteer name with it (else the match
/// would span it: "St. Petersburg") is the saint's or the mountain's.
fn after_name_abbreviation(s: &Sighting) -> Option<Evidence> {
    (s.token().gap == Gap::AbbreviationDot).then_some(Evidence::PartOfName)
}

/// "Johnson & Johnson", "Procter & Gamble": a small place's name joined by
/// an ampersand to itself or to a capitalised word that names no place
/// names a firm ("Kupiansk & Izium" are two towns).
fn firm_name(s: &Sighting) -> Option<Evidence> {
    let (text, tokens) = (s.text, s.tokens);
    let partner = |other: &Token, gap: Option<&str>| {
        other.capitalized
            && other.gap != Gap::Start
            && gap.is_some_and(|gap| gap.trim() == "&")
            && (other.hash == s.token().hash || !s.gazetteer.names_a_place(other.hash))
    };
    let before = s.i > 0 && s.token().gap != Gap::Start && {
        let previous = &tokens[s.i - 1];
        partner(previous, text.get(previous.end()..s.token().start()))
    };
    let after = tokens
        .get(s.i + s.n)
        .is_some_and(|next| partner(next, text.get(s.end..next.start())));
    ((before || after) && !s.any(LARGE)).then_some(Evidence::PartOfName)
}

/// "The flagship Moskva", "HMS Belfast": a place's name right after a word
/// for a ship (in lower case) or a navy's prefix (in capitals) is the
/// ship's. Ships are named after places, so the name stays a place's
/// elsewhere in the article (unlike a person's surname).
fn ship_name(s: &Sighting) -> Option<Evidence> {
    let i = s.i;
    (i > 0 && s.token().gap == Gap::Space && {
        let before = &s.tokens[i - 1];
        let lower = !before.capitalized;
        let prefix = before.all_caps;
        (lower || prefix) && VESSEL_WORDS.contains(word(s.text, before))
    })
    .then_some(Evidence::Word)
}

/// "the 400 block of North State Street", "on Kyiv Avenue": a name before a
/// capitalised street word names the street, not the place; its other uses
/// in the article stay places.
fn street_name(s: &Sighting) -> Option<Evidence> {
    let last = &s.tokens[s.i + s.n - 1];
    (s.end == last.end() && !last.possessive && is_street_word(s.text, s.tokens, s.i + s.n)).then_some(Evidence::Word)
}

/// "Manchester City beat Norwich", "Luton Town", "the Harare City Council":
/// a town's name before a capitalised "City" or "Town" with which it forms
/// no gazetteer name names a club or a body, not the place (after a
/// locative the club's name is its ground: the matcher spans it, "a trip
/// to Birmingham City"). Its other uses in the article stay places ("the
/// goal against Norwich"), and a headline in title case capitalises a
/// plain "city" ("Missiles Hit Kharkiv City").
fn club_or_body(s: &Sighting, title_lines: &mut TitleLines) -> Option<Evidence> {
    let last = &s.tokens[s.i + s.n - 1];
    (s.end == last.end()
        && !last.possessive
        && !s.after_locative
        && is_club_or_body_word(s.text, s.tokens, s.i + s.n)
        && !title_lines.is_title_case(s.text, s.tokens, s.i))
    .then_some(Evidence::Word)
}

/// "Svitlana Honchar", "Jordan Henderson", "Mike de Kock": part of a
/// longer proper name, unless after a locative or in a headline in title
/// case. Countries only where they are also given names ("Jordan"). A
/// town and the state or country that holds it are two places, written
/// without a comma ("Springfield Illinois", "Moscow Idaho").
fn part_of_longer_name(s: &Sighting, title_lines: &mut TitleLines) -> Option<Evidence> {
    let (text, tokens, i) = (s.text, s.tokens, s.i);
    let person_like = !s.any(COUNTRY) || GIVEN_NAME_PLACES.contains(s.word());
    if s.n != 1 || !person_like {
        return None;
    }
    let before = after_initial(text, tokens, i)
        || after_honorific_abbreviation(text, tokens, i)
        || i > 0
            && tokens[i].gap == Gap::Space
            && tokens[i - 1].capitalized
            && (tokens[i - 1].all_caps || !tokens[i].all_caps)
            && !tokens[i - 1].possessive
            && !is_loose_function_word(text, tokens, i - 1)
            && !is_title(text, &tokens[i - 1])
            && !COMPASS_WORDS.contains(word(text, &tokens[i - 1]))
            && !s
                .previous
                .is_some_and(|previous| s.gazetteer.any_holds(s.places, previous));
    let after = tokens.get(i + 1).is_some_and(|t| {
        t.gap == Gap::Space
            && t.capitalized
            && !tokens[i].possessive
            && !is_title(text, t)
            && !HONORIFICS.contains(word(text, t))
            && !is_function_word(text, t)
            && !s.lexicon.is_country_name(t.hash)
            && !INSTITUTION_HEADS.contains(word(text, t))
            && !names_a_holder(s, i + 1)
    });
    let names_a_city =
        |t: &Token| s.gazetteer.may_name(t.hash) && s.traits.any(&s.gazetteer.indexes_for_hash(t.hash), SIZEABLE);
    // "Lin-Manuel Miranda": a small place joined by a hyphen to a
    // capitalised word that names no place in its country and is followed by
    // another begins a given name, after a locative too; "Balakliia-Izium
    // Highway" joins two towns. A place named only by an alternate begins
    // a given name whatever follows ("Jean-Yves Le Drian": Yves is a village
    // in France, "Jean" an alternate name of another).
    let by_own_name = || s.places.iter().any(|&p| s.gazetteer.is_own_name(p, s.name_hash));
    let hyphenated_name = !s.any(LARGE)
        && !tokens[i].possessive
        && tokens.get(i + 1).is_some_and(|t| {
            t.gap == Gap::Hyphen
                && t.capitalized
                && !t.all_caps
                && !t.possessive
                && !(names_a_neighbour(s, t.hash) && by_own_name())
        })
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.gap == Gap::Space && t.capitalized && !t.all_caps);
    // "Mike de Kock", "Mario de Santiago": a surname after a particle.
    let after_particle = i > 1
        && tokens[i].gap == Gap::Space
        && tokens[i - 1].gap == Gap::Space
        && tokens[i - 2].capitalized
        && NAME_PARTICLES.contains(word(text, &tokens[i - 1]));
    // "to Elizabeth Sullivan": after a locative, a town that is no city of
    // millions (or one that is a given name too: "to Victoria Beckham")
    // before a word that names no town of 100,000 people (as a state would:
    // "in Springfield Illinois"), no kind of place ("in Victoria Park") and
    // no acronym ("at Immokalee TIGER Grant Event") is a given name before a
    // surname ("to Orlando Bloom": the village of Bloom is no city).
    let surname_after_locative = after
        && (!s.any(LARGE) || GIVEN_NAME_PLACES.contains(s.word()))
        && tokens
            .get(i + 1)
            .is_some_and(|t| !(t.all_caps || PLACE_GENERICS.contains(word(text, t)) || names_a_city(t)));
    // "Bab el-Mandeb", "Ras al-Ain": a town before or after the Arabic
    // article of a longer name the gazetteer lacks, after a locative too.
    let arabic_compound = in_arabic_compound(text, tokens, i);
    ((before || after || after_particle || hyphenated_name || arabic_compound)
        && (!s.after_locative || surname_after_locative || hyphenated_name || arabic_compound)
        && !title_lines.is_title_case(text, tokens, i))
    .then_some(Evidence::PartOfName)
}

/// Whether the one or two capitalised words from token `at` name a country
/// or region that holds one of the sighting's candidates ("Illinois" after
/// "Springfield", "New Mexico" after "Las Cruces").
fn names_a_holder(s: &Sighting, at: usize) -> bool {
    let (text, tokens, gazetteer) = (s.text, s.tokens, s.gazetteer);
    let Some(first) = tokens.get(at) else { return false };
    let holds =
        |hash: u64| gazetteer.may_name(hash) && gazetteer.any_holds(&gazetteer.indexes_for_hash(hash), s.places);
    let two_words = || {
        tokens
            .get(at + 1)
            .filter(|t| {
                t.gap == Gap::Space && t.capitalized && !first.possessive && gazetteer.may_start_name(first.hash)
            })
            .is_some_and(|second| holds(fold_hash(&text[first.start()..second.end()])))
    };
    holds(first.hash) || two_words()
}

/// Whether a place in the country of one of the sighting's candidates goes
/// by the name whose folded hash is `hash`.
fn names_a_neighbour(s: &Sighting, hash: u64) -> bool {
    let country = |p: u32| s.gazetteer.summary(p).map(|place| place.country);
    s.gazetteer.may_name(hash)
        && s.gazetteer.indexes_for_hash(hash).into_iter().any(|other| {
            s.places
                .iter()
                .any(|&p| country(p).is_some_and(|c| Some(c) == country(other)))
        })
}

/// "Noma said", "…,” said Johnson.": a small place does not speak; a person
/// does (countries, capitals and cities of 100,000 people or more do, by
/// their governments, councils and clubs: "Moscow said", "Liverpool
/// said"). Nor does it beat another: "Chelsea beat Arsenal" is the club.
/// "his brother Alex", "Rozen's wife, Julia": a small place after a word
/// for kin is a person too.
fn speaker_or_kin(s: &Sighting) -> Option<Evidence> {
    (s.n == 1
        && !s.after_locative
        && !s.any(LARGE)
        && (is_speaker_or_team(s.text, s.tokens, s.i) && !s.any(SIZEABLE) || is_after_kin(s.text, s.tokens, s.i)))
    .then_some(Evidence::PartOfName)
}

/// Whether one of the candidates goes by the matched name as its own, not
/// as an alternate, and is [`MAJOR`], or [`LARGE`] away from the start of a
/// sentence: "Phoenix", "Shanghai" are cities of millions, but "Pest
/// control" opening a sentence is no part of Budapest.
fn major_by_own_name(s: &Sighting) -> bool {
    let flags = if is_sentence_start(s.tokens, s.i) {
        MAJOR
    } else {
        MAJOR | LARGE
    };
    s.places
        .iter()
        .any(|&p| s.traits.any(&[p], flags) && s.gazetteer.is_own_name(p, s.name_hash))
}
