//! The word lists the matcher consults, as data: demonyms, phrases that are
//! never places, place names that are also everyday words, and the small
//! closed classes (connectors inside names, locative prepositions, titles).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::fold::{fold, name_hash};
use crate::gazetteer::{CountryCode, Gazetteer, Kind, PlaceId};

use super::tokens::tokenize;

static DEMONYMS: &str = include_str!("data/demonyms.tsv");
static NOT_PLACES: &str = include_str!("data/not_places.txt");
static COMMON_WORDS: &str = include_str!("../../gazetteer/common_words.txt");
static ALIASES: &str = include_str!("../../gazetteer/aliases.tsv");
static POSTAL_CODES: &str = include_str!("data/postal_codes.tsv");

/// Lower-case words allowed inside a multi-word name ("Sea of Azov",
/// "Rostov-on-Don", "Bosnia and Herzegovina", "São José dos Campos",
/// "Aix-les-Bains", "Freiburg im Breisgau"): the words that
/// `context::is_connector_word` accepts in a switch on the bytes, which a
/// test checks against this list.
#[cfg(test)]
pub const CONNECTORS: [&str; 25] = [
    "of", "on", "upon", "de", "del", "la", "le", "du", "am", "and", "the", "el", "al", "da", "do", "dos", "das", "des",
    "di", "les", "los", "las", "en", "sur", "im",
];

/// Words before a name that say "this is a place" ("in Reading", "near Nice").
pub static LOCATIVES: WordList = WordList::new(&[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "into",
    "towards",
    "toward",
    "around",
    "across",
    "via",
    "through",
    "inside",
    "reached",
    "entered",
    "liberated",
    "captured",
]);

/// Capitalised words that may follow a place name without making it part of
/// a person's or organisation's name ("Kharkiv Governor", "Ukraine President",
/// "Kherson Offensive").
pub static TITLES: WordList = WordList::new(&[
    "president",
    "prime",
    "minister",
    "governor",
    "mayor",
    "general",
    "army",
    "armed",
    "forces",
    "navy",
    "government",
    "parliament",
    "police",
    "foreign",
    "defence",
    "defense",
    "military",
    "embassy",
    "ambassador",
    "officials",
    "troops",
    "region",
    "oblast",
    "city",
    "gov",
    "premier",
    "archbishop",
    "bishop",
    "senator",
    "lawmakers",
    "legislature",
    "assembly",
    "republicans",
    "democrats",
    "residents",
    "authorities",
    "attorney",
    "secretary",
    "lieutenant",
    "congressman",
    "congresswoman",
    "representative",
    "sheriff",
    "commissioner",
    "treasurer",
    "comptroller",
    "auditor",
    // Events, pacts and games named after where they happened: the place
    // is meant ("the Kherson Offensive", "the Paris Agreement").
    "agreement",
    "agreements",
    "accord",
    "accords",
    "convention",
    "conventions",
    "treaty",
    "protocol",
    "purchase",
    "war",
    "summit",
    "declaration",
    "talks",
    "offensive",
    "counteroffensive",
    "operation",
    "battle",
    "campaign",
    "incursion",
    "direction",
    "axis",
    "front",
    "sector",
    "bridgehead",
    "salient",
    "pocket",
    "siege",
    "crisis",
    "olympics",
    "games",
    "marathon",
    "massacre",
    "uprising",
]);

/// Lower-case particles inside people's names ("Mike de Kock", "Ludwig
/// van Beethoven"): a place name after one and a capitalised word is a surname.
pub static NAME_PARTICLES: WordList = WordList::new(&[
    "de", "van", "von", "der", "den", "da", "di", "du", "dos", "das", "della", "ter", "ten", "bin", "ibn",
]);

/// Words for ships, after which (in lower case) a name is a ship's ("the
/// flagship Moskva", "the cruiser Varyag"), and the prefixes of navies'
/// ship names ("HMS Belfast", "USS Virginia").
pub static VESSEL_WORDS: WordList = WordList::new(&[
    "flagship",
    "cruiser",
    "frigate",
    "destroyer",
    "corvette",
    "warship",
    "submarine",
    "carrier",
    "tanker",
    "freighter",
    "vessel",
    "ship",
    "ferry",
    "liner",
    "yacht",
    "uss",
    "hms",
    "hmas",
    "hmcs",
    "rfs",
]);

/// Words for kin and partners, after which a name is a person's ("his
/// brother Alex", "his wife, Julia").
pub static KIN_WORDS: WordList = WordList::new(&[
    "brother",
    "brothers",
    "sister",
    "sisters",
    "son",
    "sons",
    "daughter",
    "daughters",
    "wife",
    "husband",
    "mother",
    "father",
    "girlfriend",
    "boyfriend",
    "partner",
    "fiancee",
    "fiance",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "widow",
    "widower",
]);

/// Verbs of speech: a small place right before one ("Noma said") is a person.
pub static SPEECH_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "asked",
    "wrote",
    "noted",
    "argued",
    "insisted",
    "stated",
    "replied",
    "recalled",
]);

/// Verbs of a match's result: a small place right before one ("Chelsea
/// beat Arsenal", "Everton drew 1-1") is a team, as before a verb of speech
/// it is a person.
pub static RESULT_VERBS: WordList = WordList::new(&[
    "beat", "beats", "drew", "draws", "defeated", "thrashed", "edged", "hammered", "routed", "won", "wins",
]);

/// Compass words that widen the span of the place after them when the two
/// do not form a name of their own ("North Africa", "Southern California";
/// "North Carolina" is a name).
pub static COMPASS_WORDS: WordList = WordList::new(&[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
]);

/// The last words of the names of buildings that news names after their
/// place ("Windsor Castle", "Colchester General Hospital", "Manila
/// Cathedral", "Zaporizhzhia NPP", "Saky Air Base"): the building is a
/// place there.
pub static FACILITY_HEADS: WordList = WordList::new(&[
    "hospital",
    "castle",
    "cathedral",
    "church",
    "chapel",
    "abbey",
    "mosque",
    "temple",
    "palace",
    "theatre",
    "theater",
    "stadium",
    "arena",
    "airport",
    "station",
    "prison",
    "museum",
    "bridge",
    "dam",
    "plant",
    "npp",
    "refinery",
    "shipyard",
    "airbase",
    "base",
    "university",
    "college",
    "hall",
]);

/// Capitalised words that, after a place name, make it the first word of an
/// institution's name ("Liverpool Academy", "Montana Department of
/// Corrections", "Cavan Institute"): unlike a person's given name, such a
/// place is still the place when named alone elsewhere in the article.
pub static INSTITUTION_HEADS: WordList = WordList::new(&[
    "academy",
    "institute",
    "department",
    "university",
    "college",
    "school",
    "schools",
    "council",
    "municipal",
    "county",
    "district",
    "chamber",
    "fire",
    "hospital",
    "airport",
    "station",
    "fc",
    "club",
    "museum",
    "library",
    "court",
    "board",
    "public",
    "state",
    "international",
    "national",
    "regional",
    "metropolitan",
    "lagoon",
    "harbour",
    "harbor",
    "port",
    "highway",
]);

/// Capitalised words that end an organisation's name, a few words after
/// the place that begins it ("Cavan Sustainable Energy Group", "Ulster
/// Farmers Union"): the place is no person's name part.
pub static ORGANISATION_ENDS: WordList = WordList::new(&[
    "group",
    "association",
    "society",
    "committee",
    "partnership",
    "alliance",
    "trust",
    "foundation",
    "company",
    "corporation",
    "authority",
    "agency",
    "network",
    "forum",
    "union",
    "federation",
    "league",
    "coalition",
    "council",
    "commission",
    "centre",
    "center",
    "festival",
    "cooperative",
    "institute",
    "initiative",
]);

/// The first words of a photo credit, which a lost line break glues to the
/// caption's last word ("from KhersonGetty Images").
pub static PHOTO_CREDITS: WordList = WordList::new(&[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "picture",
    "pictures",
    "video",
    "credit",
    "source",
    "file",
    "courtesy",
    "handout",
    "pool",
    "getty",
    "reuters",
    "afp",
    "ap",
    "epa",
    "wikimedia",
    "shutterstock",
    "alamy",
    "anadolu",
    "tass",
    "sputnik",
    "ukrinform",
]);

/// Words that make a name before them a street's ("North State Street",
/// "Kyiv Avenue"): the street, not the place it is named after. A highway
/// between towns leaves them towns ("the Balakliia-Izium Highway").
pub static STREET_WORDS: WordList = WordList::new(&[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "drive",
]);

/// Capitalised words at a sentence start that say nothing about the name
/// after them ("The Kharkiv region", "After Izium fell").
pub static FUNCTION_WORDS: WordList = WordList::new(&[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "from",
    "to",
    "for",
    "by",
    "with",
    "and",
    "but",
    "as",
    "after",
    "before",
    "near",
    "across",
    "outside",
    "both",
    "all",
    "meanwhile",
    "while",
    "since",
    "when",
    "if",
    "though",
    "although",
    "because",
    "during",
    "over",
    "under",
    "into",
    "like",
    "unlike",
    "for",
    "then",
    "now",
    "only",
    "even",
    "later",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "also",
    "still",
    "elsewhere",
    "there",
    "here",
    "once",
    "until",
    "despite",
    "around",
    "inside",
    "within",
    "throughout",
    "toward",
    "towards",
    "against",
    "between",
    "along",
    "through",
    "via",
    "without",
    "so",
    "yet",
    "or",
    "where",
]);

/// Words of four letters or more that a headline in title case may leave
/// in lower case: prepositions and conjunctions ("Russia Pulls Back from
/// Kherson"). Any other such word in lower case shows a line of running
/// text ("Senator Marco Rubio applauded the grant announcement").
pub static TITLE_CASE_MINOR_WORDS: WordList = WordList::new(&[
    "from", "with", "into", "onto", "over", "upon", "amid", "near", "than", "that", "when", "while", "about", "after",
    "along", "among", "before", "behind", "below", "beside", "between", "beyond", "despite", "during", "inside",
    "outside", "since", "through", "toward", "towards", "under", "until", "unlike", "versus", "within", "without",
    "against", "across", "around",
]);

/// Words that start a person's name ("Pope Francis", "Mr Smith", "Sen.
/// Warren"): after a place they begin a new name ("LONDON Pope Francis",
/// a dateline), so the place is not part of it. Unlike [`TITLES`], a word
/// after them is still part of the name ("Queen Victoria").
pub static HONORIFICS: WordList = WordList::new(&[
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "sir",
    "dame",
    "lord",
    "lady",
    "mr",
    "mrs",
    "ms",
    "dr",
    "rev",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "sgt",
    "cardinal",
    "archbishop",
    "bishop",
    "sheikh",
    "emir",
]);

/// The [`HONORIFICS`] that are abbreviations and so take a period ("Mr.
/// Jordan", "Gov. Abbott"), which for them ends no sentence.
pub static HONORIFIC_ABBREVIATIONS: WordList = WordList::new(&[
    "mr", "mrs", "ms", "dr", "rev", "sen", "rep", "gov", "gen", "col", "capt", "sgt",
]);

/// Words that make a name a place's after an honorific ("Queen Creek",
/// "King County", "Lady Lake"), where a given name makes it a person's
/// ("Queen Victoria", "Prince Albert").
pub static PLACE_GENERICS: WordList = WordList::new(&[
    "city", "county", "town", "village", "creek", "lake", "river", "valley", "cove", "bay", "island", "hill", "hills",
    "park", "springs", "falls", "beach", "point", "square", "heights", "harbour", "harbor", "east", "west", "north",
    "south",
]);

/// Names of countries and of cities and regions of millions that are also
/// given names ("Jordan Henderson", "Chad Smith", "Victoria Beckham", "Paris
/// Hilton"): only these countries can be part of a person's name, and only
/// these large places can be a given name after a locative ("a letter to
/// Victoria Beckham").
pub static GIVEN_NAME_PLACES: WordList = WordList::new(&[
    "jordan",
    "chad",
    "georgia",
    "israel",
    "india",
    "kenya",
    "lebanon",
    "china",
    "holland",
    "victoria",
    "paris",
    "sydney",
    "dallas",
    "houston",
    "phoenix",
    "brooklyn",
    "virginia",
    "carolina",
    "indiana",
    "sofia",
    "santiago",
    "alexandria",
    "adelaide",
]);

/// Where a demonym points: a place index in the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Demonym {
    /// Index of the country (or region) the adjective refers to.
    pub place: u32,
}

/// The matcher's word lists, keyed by folded-name hash.
pub struct Lexicon {
    demonyms: HashMap<u64, Demonym, KeyHash>,
    not_places: HashSet<u64, KeyHash>,
    common_words: HashSet<u64, KeyHash>,
    /// The names written with a final period ("Calif.") and the place each names.
    abbreviations: HashMap<u64, u32, KeyHash>,
    /// The names of the hand-written alias list written without periods ("EU", "UAE").
    aliases: HashSet<u64, KeyHash>,
    /// Those written as initials ("N.J.", "U.A.E.").
    initials: HashSet<u64, KeyHash>,
    country_names: HashSet<u64, KeyHash>,
    /// The first words of the phrases of two or more words among the
    /// demonyms and the never-a-place phrases.
    phrase_starts: HashSet<u64, KeyHash>,
    /// The names that take "the" ("the Gulf", "the Channel"): the hash of
    /// the word after "the", and of the whole name.
    article_names: HashMap<u64, u64, KeyHash>,
    /// Postal abbreviations of states and provinces ("TX", "BC") and the
    /// regions each may name.
    postal_codes: HashMap<u64, Vec<u32>, KeyHash>,
    /// The words the matcher acts on though they name no place (see
    /// [`Lexicon::acts_on`]).
    listed_words: HashSet<u64, KeyHash>,
    /// Longest phrase in the never-a-place list, in words.
    pub longest_not_place: usize,
    /// Longest demonym, in words.
    pub longest_demonym: usize,
}

impl Lexicon {
    /// Builds the lists, pointing demonyms at the gazetteer's countries.
    pub fn new(gazetteer: &Gazetteer) -> Lexicon {
        let country_names = gazetteer
            .countries()
            .filter_map(|(_, i)| gazetteer.place(i))
            .flat_map(|p| std::iter::once(&*p.name).chain(p.alt_names()))
            .map(|n| name_hash(&fold(n)))
            .collect();
        let mut demonyms = HashMap::default();
        let mut longest_demonym = 1;
        let mut phrase_starts = HashSet::default();
        for line in data_lines(DEMONYMS) {
            let Some((word, target)) = line.split_once('\t') else {
                continue;
            };
            let place = match target.parse::<u64>() {
                Ok(id) => gazetteer.index_of(PlaceId(id)),
                Err(_) => CountryCode::parse(target).and_then(|c| gazetteer.country(c)),
            };
            let Some(place) = place else { continue };
            let folded = fold(word);
            longest_demonym = longest_demonym.max(folded.split(' ').count());
            add_phrase_start(&mut phrase_starts, word);
            demonyms.insert(name_hash(&folded), Demonym { place });
            demonyms.entry(name_hash(&plural(&folded))).or_insert(Demonym { place });
        }
        let not_places: HashSet<u64, KeyHash> = data_lines(NOT_PLACES).map(|l| name_hash(&fold(l))).collect();
        for phrase in data_lines(NOT_PLACES) {
            add_phrase_start(&mut phrase_starts, phrase);
        }
        let longest_not_place = data_lines(NOT_PLACES)
            .map(|l| fold(l).split(' ').count())
            .max()
            .unwrap_or(1);
        let common_words = data_lines(COMMON_WORDS).map(|l| name_hash(&fold(l))).collect();
        let article_names = article_names(gazetteer);
        let postal_codes = postal_codes(gazetteer);
        let listed_words = demonyms
            .keys()
            .chain(&not_places)
            .chain(article_names.keys())
            .chain(postal_codes.keys())
            .chain(&phrase_starts)
            .copied()
            .chain(COMPASS_WORDS.words.iter().map(|w| name_hash(&fold(w))))
            .collect();
        // The gazetteer's alias list as (GeoNames id, name) pairs.
        let alias_entries = || {
            data_lines(ALIASES)
                .filter_map(|l| l.split_once('\t'))
                .flat_map(|(id, names)| names.split('|').map(move |n| (id, n)))
        };
        let alias_names = || alias_entries().map(|(_, n)| n);
        // Names written with a final period ("Calif.", "Md."): the period
        // is part of the name, which names that place alone.
        let abbreviations = alias_entries()
            .filter(|(_, n)| n.ends_with('.') && n.matches('.').count() == 1)
            .filter_map(|(id, n)| Some((name_hash(&fold(n)), gazetteer.index_of(PlaceId(id.parse().ok()?))?)))
            .collect();
        // As written: "N.J." and "Pa." must not vouch for "NJ", "PA" (folding
        // drops periods); initials ("N.J.", "B.C.") vouch for themselves.
        let aliases = alias_names()
            .filter(|n| !n.contains('.'))
            .map(|n| name_hash(&fold(n)))
            .collect();
        let initials = alias_names()
            .filter(|n| n.matches('.').count() > 1)
            .map(|n| name_hash(&fold(n)))
            .collect();
        Lexicon {
            demonyms,
            not_places,
            common_words,
            abbreviations,
            aliases,
            initials,
            country_names,
            phrase_starts,
            article_names,
            postal_codes,
            listed_words,
            longest_not_place,
            longest_demonym,
        }
    }

    /// The demonym for a folded phrase's hash ("russian", "russians").
    pub fn demonym(&self, folded_hash: u64) -> Option<Demonym> {
        self.demonyms.get(&folded_hash).copied()
    }

    /// Whether a folded phrase is never a place.
    pub fn is_not_place(&self, folded_hash: u64) -> bool {
        self.not_places.contains(&folded_hash)
    }

    /// False when no demonym or never-a-place phrase of two or more words
    /// starts with the word whose token hash is `word_hash`; then
    /// [`Lexicon::demonym`] and [`Lexicon::is_not_place`] need not be asked
    /// about longer runs from it.
    pub fn may_start_phrase(&self, word_hash: u64) -> bool {
        self.phrase_starts.contains(&word_hash)
    }

    /// Whether the matcher acts on a capitalised word (its token hash
    /// `word_hash`) even where no place bears it: a demonym, a phrase that
    /// is never a place, the first word of a listed phrase, a compass word.
    /// Other words that name no place it passes over.
    pub fn acts_on(&self, word_hash: u64) -> bool {
        self.listed_words.contains(&word_hash)
    }

    /// The hash of the name that "the" and the word whose token hash is
    /// `word_hash` form ("the Gulf"), where the gazetteer has such a name.
    pub fn article_name(&self, word_hash: u64) -> Option<u64> {
        self.article_names.get(&word_hash).copied()
    }

    /// The regions a state's or province's postal abbreviation (its token
    /// hash `word_hash`: "TX", "WA") may name.
    pub fn postal_code(&self, word_hash: u64) -> &[u32] {
        self.postal_codes.get(&word_hash).map_or(&[], Vec::as_slice)
    }

    /// Whether a folded name is a name of a country ("Ukraine", "UK").
    pub fn is_country_name(&self, folded_hash: u64) -> bool {
        self.country_names.contains(&folded_hash)
    }

    /// The place a folded name names when written with a final period
    /// ("Calif.", "Pa."), if it is such an abbreviation.
    pub fn abbreviation(&self, folded_hash: u64) -> Option<u32> {
        self.abbreviations.get(&folded_hash).copied()
    }

    /// Whether a short name in capitals (`written`, hashing to `folded_hash`)
    /// is one of georef's hand-written aliases as written there: without
    /// periods ("EU") or as initials ("N.J."; "NJ" is not "N.J.", and "P.A."
    /// not "Pa.").
    pub fn is_alias(&self, written: &str, folded_hash: u64) -> bool {
        if written.contains('.') {
            self.initials.contains(&folded_hash)
        } else {
            self.aliases.contains(&folded_hash)
        }
    }

    /// Whether a folded single word is also an everyday English word.
    pub fn is_common_word(&self, folded_hash: u64) -> bool {
        self.common_words.contains(&folded_hash)
    }
}

/// The lists are keyed by folded-name hashes, which need no second hashing.
type KeyHash = BuildHasherDefault<KeyHasher>;

/// Passes a `u64` key through as its own hash.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A short list of lower-case ASCII words, matched ignoring ASCII case. The
/// lengths and first letters of its words are kept as bits, which turn most
/// other words away without comparing them with each word of the list.
pub struct WordList {
    words: &'static [&'static str],
    /// For each length below [`WordList::MAX_LEN`], a bit for each first letter (`a` is bit 0).
    shapes: [u32; WordList::MAX_LEN],
}

impl WordList {
    /// Words are shorter than this.
    const MAX_LEN: usize = 32;

    /// The list of `words`, each starting with a lower-case ASCII letter
    /// and shorter than 32 bytes (checked at compile time).
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let mut shapes = [0u32; WordList::MAX_LEN];
        let mut k = 0;
        while k < words.len() {
            let word = words[k].as_bytes();
            assert!(!word.is_empty() && word.len() < WordList::MAX_LEN && word[0].is_ascii_lowercase());
            shapes[word.len()] |= 1 << (word[0] - b'a');
            k += 1;
        }
        WordList { words, shapes }
    }

    /// False when `word` is surely not in the list (no word of the list has
    /// its length and first letter, ignoring ASCII case); true when it may be.
    pub fn may_hold(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        match bytes.first() {
            Some(&first) if bytes.len() < WordList::MAX_LEN && first.is_ascii_alphabetic() => {
                self.shapes[bytes.len()] & (1 << (first.to_ascii_lowercase() - b'a')) != 0
            }
            _ => false,
        }
    }

    /// Whether `word` is one of the list's words, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        self.may_hold(word) && self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Notes the first word of `phrase` in `starts` if the phrase has two or
/// more words: both the hash the tokenizer gives that word in the text and
/// the hash of its first folded word, so that no way of writing it is missed.
fn add_phrase_start(starts: &mut HashSet<u64, KeyHash>, phrase: &str) {
    let tokens = tokenize(phrase);
    if tokens.len() < 2 {
        return;
    }
    starts.extend(tokens.first().map(|t| t.hash).filter(|&h| h != 0));
    starts.extend(fold(phrase).split(' ').next().map(name_hash));
}

/// The one-word names after "the" of the countries, seas, rivers,
/// peninsulas and areas ("the Gulf", "the Channel", "the Ukraine"): the
/// word's hash and the whole name's.
fn article_names(gazetteer: &Gazetteer) -> HashMap<u64, u64, KeyHash> {
    let wide = |i: u32| {
        gazetteer.summary(i).is_some_and(|s| {
            matches!(
                s.kind,
                Kind::Country | Kind::Sea | Kind::River | Kind::Peninsula | Kind::Area
            )
        })
    };
    (0..u32::try_from(gazetteer.len()).unwrap_or(u32::MAX))
        .filter(|&i| wide(i))
        .filter_map(|i| gazetteer.place(i))
        .flat_map(|p| std::iter::once(&*p.name).chain(p.alt_names()))
        .filter_map(|name| {
            let folded = fold(name);
            let word = folded.strip_prefix("the ")?;
            (!word.contains(' ')).then(|| (name_hash(word), name_hash(&folded)))
        })
        .collect()
}

/// The postal abbreviations of [`POSTAL_CODES`], each with the regions of
/// its name in its country, or the place of its GeoNames id ("DC" is the
/// capital, as "D.C." is); "WA" is Washington or Western Australia.
fn postal_codes(gazetteer: &Gazetteer) -> HashMap<u64, Vec<u32>, KeyHash> {
    let mut codes: HashMap<u64, Vec<u32>, KeyHash> = HashMap::default();
    for line in data_lines(POSTAL_CODES) {
        let mut cols = line.split('\t');
        let (Some(code), Some(country), Some(name)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        if let Some(place) = name.parse().ok().and_then(|id| gazetteer.index_of(PlaceId(id))) {
            codes.entry(name_hash(&fold(code))).or_default().push(place);
            continue;
        }
        let in_country: Vec<u32> = gazetteer
            .lookup(name)
            .into_iter()
            .filter(|&i| gazetteer.place(i).is_some_and(|p| p.country.as_str() == country))
            .collect();
        let region = in_country
            .iter()
            .copied()
            .find(|&i| gazetteer.summary(i).is_some_and(|s| s.kind == Kind::Region))
            .or_else(|| in_country.first().copied());
        if let Some(region) = region {
            codes.entry(name_hash(&fold(code))).or_default().push(region);
        }
    }
    codes
}

/// English plural of a folded demonym ("russian" -> "russians", "swiss" stays).
fn plural(folded: &str) -> String {
    if folded.ends_with('s') || folded.ends_with("ese") || folded.ends_with("sh") || folded.ends_with("ch") {
        folded.to_string()
    } else {
        format!("{folded}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_words_are_the_connectors() {
        use super::super::context::is_connector_word;
        for c in CONNECTORS {
            assert!(is_connector_word(c.as_bytes()), "{c}");
            let plural = format!("{c}s");
            assert!(
                !is_connector_word(plural.as_bytes()) || CONNECTORS.contains(&plural.as_str()),
                "{plural}"
            );
        }
        assert!(!is_connector_word(b"region") && !is_connector_word(b"Of") && !is_connector_word(b""));
    }

    #[test]
    fn every_postal_code_names_a_region_of_its_country() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let lexicon = Lexicon::new(&gazetteer);
        let mut lines = 0;
        for line in data_lines(POSTAL_CODES) {
            let cols: Vec<&str> = line.split('\t').collect();
            let regions = lexicon.postal_code(name_hash(&fold(cols[0])));
            let found = regions
                .iter()
                .filter_map(|&i| gazetteer.place(i))
                .find(|p| p.country.as_str() == cols[1]);
            let place = found.unwrap_or_else(|| panic!("{line}"));
            match cols[2].parse::<u64>() {
                Ok(id) => assert_eq!(place.id, PlaceId(id), "{line}"),
                Err(_) => {
                    assert_eq!(place.kind, Kind::Region, "{line}");
                    assert_eq!(&*place.name, cols[2], "{line}");
                }
            }
            lines += 1;
        }
        assert_eq!(lines, 72);
        // Two codes are shared: Washington and Western Australia.
        assert_eq!(lexicon.postal_code(name_hash("wa")).len(), 2);
    }

    #[test]
    fn word_lists_find_their_words_in_any_case_and_nothing_else() {
        let mut text = String::new();
        for entry in std::fs::read_dir("../shared/articles").unwrap() {
            text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        for list in [
            &LOCATIVES,
            &TITLES,
            &INSTITUTION_HEADS,
            &ORGANISATION_ENDS,
            &PHOTO_CREDITS,
            &STREET_WORDS,
            &FUNCTION_WORDS,
            &GIVEN_NAME_PLACES,
            &HONORIFICS,
            &HONORIFIC_ABBREVIATIONS,
            &PLACE_GENERICS,
        ] {
            for word in list.words {
                assert!(
                    list.contains(word) && list.contains(&word.to_ascii_uppercase()),
                    "{word}"
                );
            }
            // Every word of real text (and its pieces) answers as a plain
            // comparison with each word of the list does.
            for word in text
                .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
                .chain(["", "ü", "Ünder"])
            {
                let expected = list.words.iter().any(|w| w.eq_ignore_ascii_case(word));
                assert_eq!(list.contains(word), expected, "{word:?}");
            }
        }
    }
}
