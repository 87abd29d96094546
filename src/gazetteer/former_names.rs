//! Former names: alternate names under which GeoNames lists a place that
//! are not a spelling of its own name but another name (Richmond, Virginia
//! as "Manchester", Harare as "Salisbury"), kept only where a town bears
//! that name as its own, the one case where they mislead the resolver.
//!
//! Shared verbatim with `build.rs`, which precomputes the set for the
//! embedded places; keep this file free of crate paths.
//!
//! Layout (little endian): magic `GRFN`, `u32` pair count, then the pairs
//! sorted (`u64` folded-name hash, `u32` place index).

use std::borrow::Cow;

use super::fold;

const MAGIC: &[u8; 4] = b"GRFN";
const HEADER: usize = 8;
const PAIR: usize = 12;

/// Whether `kind`, as `Kind::as_str` writes it, is a kind of towns and
/// cities: the places GeoNames lists with their former names. For
/// `build.rs`, which reads kinds as text; the library asks
/// `Kind::is_populated`, a match on the enum (a test keeps the two equal).
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "build.rs reads the place table's kinds with it")
)]
pub fn is_populated_kind(kind: &str) -> bool {
    matches!(kind, "city" | "town" | "village")
}

/// How alike (1 - edit distance / length) two folded names must be to be
/// spellings of one name: "zaporizhzhia" and "zaporizhzhya" (0.92), "st
/// petersburg" and "saint petersburg" (0.81), "rovno" and "rivne" (0.6)
/// are; "franklin" and "columbus", "riverdale" and "glendale" (0.56) are not.
const SPELLING_SIMILARITY: f64 = 0.6;

/// The name a place goes by in text: its primary name, without the " City"
/// that GeoNames adds to a city named after its region or country ("New
/// York City" is "New York" as much as the state is).
pub fn own_name(name: &str) -> &str {
    let cut = name.len().saturating_sub(" City".len());
    match (name.get(..cut), name.get(cut..)) {
        (Some(stem), Some(suffix)) if !stem.is_empty() && suffix.eq_ignore_ascii_case(" city") => stem,
        _ => name,
    }
}

/// The folded hash of the name a place goes by ([`own_name`]).
pub fn own_name_hash(name: &str) -> u64 {
    fold::fold_hash(own_name(name))
}

/// The names a town goes by: its own name ([`own_name`]) and, where that
/// drops a " City", its whole primary name too ("Garden City", which
/// Singapore bears as an alternate).
pub fn town_names(name: &str) -> impl Iterator<Item = &str> {
    let own = own_name(name);
    std::iter::once(own).chain((own.len() < name.len()).then_some(name))
}

/// The part of a folded name hash that a place's summary keeps to tell its
/// own name from its alternates.
pub fn name_tag(folded_hash: u64) -> u32 {
    (folded_hash >> 32) as u32
}

/// [`name_tag`] of the name a place goes by ([`own_name_hash`]).
pub fn own_name_tag(name: &str) -> u32 {
    name_tag(own_name_hash(name))
}

/// Whether the folded name `used` is a spelling of a place's folded
/// primary name `own`, or of as many of its words in a row, rather than
/// another name ("Lugansk" of "Luhansk Oblast", "New York" of "New York City").
pub fn is_spelling_of(used: &str, own: &str) -> bool {
    let words = used.split(' ').count();
    let own_words: Vec<&str> = own.split(' ').collect();
    let mut window = String::new();
    own_words.windows(words.min(own_words.len())).any(|run| {
        window.clear();
        for (k, word) in run.iter().enumerate() {
            if k > 0 {
                window.push(' ');
            }
            window.push_str(word);
        }
        strsim::normalized_levenshtein(used, &window) >= SPELLING_SIMILARITY
    })
}

/// Whether the alternate name `alternate` (folded, hashing to `hash`) of a
/// place of kind `kind` whose primary name is `primary` is a former name
/// worth recording: `town_names` holds the own-name hashes of every town,
/// and countries are named by official forms and abbreviations, not former
/// names.
pub fn is_former_name(
    alternate: &str,
    hash: u64,
    kind: &str,
    primary: &str,
    town_names: &impl Fn(u64) -> bool,
) -> bool {
    kind != "country"
        && town_names(hash)
        && hash != own_name_hash(primary)
        && !is_spelling_of(alternate, &fold::fold(primary))
}

/// Collects (name hash, place index) pairs and serialises them.
#[derive(Default)]
pub struct FormerNamesBuilder {
    pairs: Vec<(u64, u32)>,
}

impl FormerNamesBuilder {
    /// Records that the name hashing to `hash` is a former name of `place`.
    pub fn add(&mut self, hash: u64, place: u32) {
        self.pairs.push((hash, place));
    }

    /// Serialises the set, sorted for binary search.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut out = Vec::with_capacity(HEADER + self.pairs.len() * PAIR);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.pairs.len() as u32).to_le_bytes());
        for (hash, place) in self.pairs {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&place.to_le_bytes());
        }
        out
    }
}

/// A read-only set of former names over serialised bytes.
pub struct FormerNames {
    bytes: Cow<'static, [u8]>,
    len: usize,
    /// One bit for each value of a hash's low [`FILTER_BITS`] bits, set
    /// where some pair's hash has them: most names are turned away with
    /// one memory read instead of a binary search.
    filter: Vec<u64>,
}

/// Bits of a hash that index [`FormerNames::filter`] (16 KiB).
const FILTER_BITS: u32 = 17;

impl FormerNames {
    /// Checks the header and size; `None` when the bytes are not a set.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Option<Self> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return None;
        }
        let len = u32::from_le_bytes(bytes[4..8].try_into().ok()?) as usize;
        if bytes.len() != HEADER + len * PAIR {
            return None;
        }
        let mut set = FormerNames {
            bytes,
            len,
            filter: vec![0; 1 << (FILTER_BITS - 6)],
        };
        for at in 0..len {
            let bit = filter_bit(set.pair(at).0);
            set.filter[bit / 64] |= 1 << (bit % 64);
        }
        Some(set)
    }

    /// The places whose former name hashes to `hash`, in index order.
    pub fn places_of(&self, hash: u64) -> impl Iterator<Item = u32> + Clone + '_ {
        let bit = filter_bit(hash);
        let maybe = self.filter.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0);
        // The first pair with this hash or a greater one (none to search
        // when the filter rules the hash out).
        let end = if maybe { self.len } else { 0 };
        let (mut low, mut high) = (0, end);
        while low < high {
            let mid = (low + high) / 2;
            if self.pair(mid).0 < hash {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        (low..end)
            .map(|at| self.pair(at))
            .take_while(move |p| p.0 == hash)
            .map(|p| p.1)
    }

    fn pair(&self, at: usize) -> (u64, u32) {
        let start = HEADER + at * PAIR;
        let b = &self.bytes[start..start + PAIR];
        let hash = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        (hash, u32::from_le_bytes([b[8], b[9], b[10], b[11]]))
    }
}

/// The bit of [`FormerNames::filter`] for a hash.
fn filter_bit(hash: u64) -> usize {
    (hash & ((1 << FILTER_BITS) - 1)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_told_from_other_names() {
        for (used, own) in [
            ("zaporizhzhia", "zaporizhzhya"),
            ("st petersburg", "saint petersburg"),
            ("odessa", "odesa"),
            ("rovno", "rivne"),
            ("kherson", "kherson oblast"),
            ("lugansk", "luhansk oblast"),
            ("new york", "new york city"),
            ("trinidad", "la trinidad"),
        ] {
            assert!(is_spelling_of(used, own), "{used} / {own}");
        }
        for (used, own) in [
            ("franklin", "columbus"),
            ("riverdale", "glendale"),
            ("salisbury", "harare"),
            ("victoria", "hong kong"),
            ("washington square", "franklin square"),
        ] {
            assert!(!is_spelling_of(used, own), "{used} / {own}");
        }
    }

    #[test]
    fn own_names_drop_the_city_geonames_adds() {
        assert_eq!(own_name("New York City"), "New York");
        assert_eq!(own_name("Kuwait city"), "Kuwait");
        assert_eq!(own_name("City"), "City");
        assert_eq!(own_name("Kyiv"), "Kyiv");
        assert_eq!(own_name_hash("Mexico City"), fold::fold_hash("mexico"));
    }

    #[test]
    fn only_other_names_that_a_town_bears_are_former_names() {
        let towns = [
            fold::fold_hash("Salisbury"),
            fold::fold_hash("Odessa"),
            fold::fold_hash("US"),
        ];
        let town_names = |h: u64| towns.contains(&h);
        let former = |alt: &str, kind: &str, primary: &str| {
            is_former_name(&fold::fold(alt), fold::fold_hash(alt), kind, primary, &town_names)
        };
        assert!(former("Salisbury", "city", "Harare"));
        assert!(!former("Odessa", "city", "Odesa"), "a spelling");
        assert!(!former("US", "country", "United States"), "a country");
        assert!(!former("Manchester", "city", "Richmond"), "no town's own name here");
        assert!(!former("Salisbury", "city", "Salisbury"), "its own name");
    }

    #[test]
    fn round_trips_pairs_and_misses_others() {
        let mut b = FormerNamesBuilder::default();
        for (hash, place) in [(7, 3), (7, 1), (9, 2), (7, 3), (u64::MAX, 0)] {
            b.add(hash, place);
        }
        let set = FormerNames::from_bytes(Cow::Owned(b.into_bytes())).unwrap();
        let places = |hash| set.places_of(hash).collect::<Vec<_>>();
        assert_eq!(places(7), [1, 3]);
        assert_eq!(places(9), [2]);
        assert_eq!(places(u64::MAX), [0]);
        assert!(places(0).is_empty() && places(8).is_empty() && places(10).is_empty());
        assert!(FormerNames::from_bytes(Cow::Borrowed(b"GRFN\x01\0\0\0")).is_none());
        let empty = FormerNames::from_bytes(Cow::Owned(FormerNamesBuilder::default().into_bytes())).unwrap();
        assert_eq!(empty.places_of(7).next(), None);
    }
}
