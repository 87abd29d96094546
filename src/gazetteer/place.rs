//! The place model: what the gazetteer knows about one place.

use std::borrow::Cow;
use std::fmt;

use geo::Point;
use serde::{Deserialize, Serialize};

/// A stable place id: the GeoNames id wherever the place has one.
///
/// Places without one get ids at or above 3,000,000,000 (GeoNames ids are
/// far below): 3e9.. for GeoNames admin1 regions that Natural Earth lacks,
/// 4e9.. for US counties (GeoNames admin2 without their ids), 5e9.. for georef's hand-written supplement, 2^40.. for a user's custom
/// places. Natural Earth regions carry their `gn_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlaceId(pub u64);

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Text of a place: borrowed from the embedded data, or owned when it came
/// from a user file.
pub type Text = Cow<'static, str>;

/// An ISO 3166-1 alpha-2 country code ("UA"), or none (empty).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// No country (seas, continents).
    pub const NONE: CountryCode = CountryCode([0, 0]);

    /// Parses two ASCII letters (case folded to upper); `None` for anything
    /// else except the empty string, which is [`CountryCode::NONE`].
    pub fn parse(text: &str) -> Option<CountryCode> {
        match text.as_bytes() {
            [] => Some(CountryCode::NONE),
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(CountryCode([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    /// The code as text, empty for none.
    pub fn as_str(&self) -> &str {
        if self.0 == [0, 0] {
            ""
        } else {
            std::str::from_utf8(&self.0).unwrap_or("")
        }
    }

    /// Whether this is no country.
    pub fn is_none(&self) -> bool {
        self.0 == [0, 0]
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What sort of place a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A sovereign state or dependency.
    Country,
    /// A first-level division: oblast, state, province, constituent country.
    Region,
    /// A second-level division: county, district, raion.
    District,
    /// A populated place of 15,000 people or more, or a capital.
    City,
    /// A populated place of 2,000 to 15,000 people.
    Town,
    /// A smaller populated place.
    Village,
    /// A river or stream.
    River,
    /// A sea, ocean, strait, gulf, lake or reservoir.
    Sea,
    /// A peninsula.
    Peninsula,
    /// Any other named area: a continent, a basin, an island, a historical region.
    Area,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 10] = [
        Kind::Country,
        Kind::Region,
        Kind::District,
        Kind::City,
        Kind::Town,
        Kind::Village,
        Kind::River,
        Kind::Sea,
        Kind::Peninsula,
        Kind::Area,
    ];

    /// The lower-case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::District => "district",
            Kind::City => "city",
            Kind::Town => "town",
            Kind::Village => "village",
            Kind::River => "river",
            Kind::Sea => "sea",
            Kind::Peninsula => "peninsula",
            Kind::Area => "area",
        }
    }

    /// Whether places of this kind are towns and cities.
    pub fn is_populated(self) -> bool {
        matches!(self, Kind::City | Kind::Town | Kind::Village)
    }

    /// Parses a kind name; also accepts common synonyms ("county", "state", "lake").
    pub fn parse(text: &str) -> Option<Kind> {
        let text = text.trim();
        // Written as `as_str` writes it (every row of the embedded table),
        // or in other letter cases.
        let found = Kind::ALL.into_iter().find(|k| k.as_str() == text);
        if let Some(kind) = found.or_else(|| Kind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(text))) {
            return Some(kind);
        }
        const SYNONYMS: [(&str, Kind); 14] = [
            ("state", Kind::Region),
            ("province", Kind::Region),
            ("oblast", Kind::Region),
            ("county", Kind::District),
            ("raion", Kind::District),
            ("lake", Kind::Sea),
            ("ocean", Kind::Sea),
            ("strait", Kind::Sea),
            ("gulf", Kind::Sea),
            ("bay", Kind::Sea),
            ("reservoir", Kind::Sea),
            ("island", Kind::Area),
            ("basin", Kind::Area),
            ("stream", Kind::River),
        ];
        SYNONYMS
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map(|(_, kind)| kind)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The population assumed for a region, sea, area or peninsula whose
/// source gives none.
pub const ASSUMED_POPULATION: u64 = 1_000_000;

/// What the tagger asks of every candidate, packed small (32 bytes) so that
/// a long candidate list stays in the processor's cache instead of reading
/// each whole [`Place`] (see [`crate::gazetteer::Gazetteer::summary`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Representative point, lon/lat in degrees, as in [`Place::lonlat`].
    pub lonlat: Point<f64>,
    /// [`Place::prominence`], precomputed.
    pub prominence: f32,
    /// Population, saturated at `u32::MAX`.
    pub population: u32,
    /// Country the place lies in, if one.
    pub country: CountryCode,
    /// The kind of place.
    pub kind: Kind,
    /// The high half of the folded hash of the name the place goes by (its
    /// primary name less a trailing " City"): tells whether a mention names
    /// the place by its own name or by an alternate (ask
    /// [`crate::gazetteer::Gazetteer::is_own_name`]).
    pub name_tag: u32,
    /// The primary name ends with the " City" that [`Summary::name_tag`]
    /// leaves out ("Kansas City"): the whole primary name is an own name too.
    pub city_suffix: bool,
}

impl Summary {
    /// The summary of a place.
    pub fn of(place: &Place) -> Summary {
        Summary::with_tag(place, super::former_names::own_name_tag(&place.name))
    }

    /// The summary of a place whose [`Summary::name_tag`] is known.
    pub fn with_tag(place: &Place, name_tag: u32) -> Summary {
        Summary {
            lonlat: place.lonlat,
            prominence: place.prominence() as f32,
            population: u32::try_from(place.population).unwrap_or(u32::MAX),
            country: place.country,
            kind: place.kind,
            name_tag,
            city_suffix: super::former_names::own_name(&place.name).len() < place.name.len(),
        }
    }

    /// [`Summary::prominence`] as if a place whose source gives no
    /// population had [`ASSUMED_POPULATION`], as regions and seas have in
    /// [`Place::prominence`]: how a river weighs after "the" ("over the Dnipro").
    pub fn prominence_with_assumed_population(&self) -> f64 {
        let prominence = f64::from(self.prominence);
        if self.population == 0 {
            prominence - population_weight(0) + population_weight(ASSUMED_POPULATION)
        } else {
            prominence
        }
    }
}

/// What [`Place::prominence`] adds for a region: less than nothing, for a
/// region is mostly named after its chief city ("Kharkiv"), which a bare
/// name means.
pub const REGION_BONUS: f64 = -1.5;

/// The share of [`Place::prominence`] a population gives: its natural log.
fn population_weight(population: u64) -> f64 {
    (population as f64 + 1.0).ln()
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable id (GeoNames id where there is one).
    pub id: PlaceId,
    /// Primary name, as the source spells it ("Kyiv", "Izyum", "Kharkiv Oblast").
    pub name: Text,
    /// Alternate names joined by `|` (read them with [`Place::alt_names`]).
    pub alt_names: Text,
    /// What sort of place it is.
    pub kind: Kind,
    /// Country the place lies in, if one.
    pub country: CountryCode,
    /// GeoNames admin1 code with its country ("UA.07"), or empty.
    pub admin1: Text,
    /// Population, 0 where unknown.
    pub population: u64,
    /// Representative point, lon/lat in degrees (WGS 84).
    pub lonlat: Point<f64>,
    /// Whether the place is its country's capital.
    pub capital: bool,
    /// Key of the place's polygon in the basemap data (ISO 3166-1 alpha-3 for
    /// countries, ISO 3166-2 for regions), when it has one.
    pub polygon: Option<Text>,
}

impl Place {
    /// Whether this place, a country or a region, holds `place`: a place
    /// of another kind in the country, or one with the region's admin code
    /// ("Paris, Texas", "Visbek, Germany").
    pub fn holds(&self, place: &Place) -> bool {
        match self.kind {
            Kind::Country => place.country == self.country && place.kind != Kind::Country,
            Kind::Region => !self.admin1.is_empty() && place.admin1 == self.admin1 && place.kind != Kind::Region,
            _ => false,
        }
    }

    /// The alternate names, in source order.
    pub fn alt_names(&self) -> impl Iterator<Item = &str> {
        self.alt_names.split('|').filter(|n| !n.is_empty())
    }

    /// Whether `written` is the place's name or one of its alternates as
    /// spelled, ASCII case aside (no folding: "Slov'iansk" is not "Sloviansk").
    pub fn is_spelled(&self, written: &str) -> bool {
        self.name.eq_ignore_ascii_case(written) || self.alt_names().any(|name| name.eq_ignore_ascii_case(written))
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.lonlat.y()
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lonlat.x()
    }

    /// A prior for "which place does a bare name mean": larger for countries,
    /// capitals and populous places. Used to order lookups best first.
    ///
    /// A region, sea, area or peninsula without a population counts as one
    /// of [`ASSUMED_POPULATION`]: its source gives none, not zero.
    ///
    /// # Units
    /// Natural log of population plus bonuses; only comparisons are meaningful.
    pub fn prominence(&self) -> f64 {
        let kind_bonus = match self.kind {
            Kind::Country => 4.0,
            Kind::Sea | Kind::River | Kind::Peninsula => 3.0,
            Kind::Area => 2.5,
            Kind::City => 0.5,
            Kind::Region => REGION_BONUS,
            Kind::Town | Kind::Village | Kind::District => 0.0,
        };
        let capital_bonus = if self.capital { 1.0 } else { 0.0 };
        let population = match self.kind {
            Kind::Region | Kind::Area | Kind::Sea | Kind::Peninsula if self.population == 0 => ASSUMED_POPULATION,
            _ => self.population,
        };
        population_weight(population) + kind_bonus + capital_bonus
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_names_and_synonyms_in_any_case() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            assert_eq!(Kind::parse(&format!(" {} ", kind.as_str().to_uppercase())), Some(kind));
        }
        assert_eq!(Kind::parse("Oblast"), Some(Kind::Region));
        assert_eq!(Kind::parse("county"), Some(Kind::District));
        assert_eq!(Kind::parse("RESERVOIR"), Some(Kind::Sea));
        assert_eq!(Kind::parse("Stream"), Some(Kind::River));
        assert_eq!(Kind::parse("hamlet"), None);
        assert_eq!(Kind::parse(""), None);
    }

    #[test]
    fn populated_kinds_are_the_ones_the_build_script_reads_former_names_of() {
        for kind in Kind::ALL {
            assert_eq!(
                kind.is_populated(),
                super::super::former_names::is_populated_kind(kind.as_str()),
                "{kind}"
            );
        }
        assert!(Kind::Village.is_populated() && !Kind::District.is_populated());
    }
}
