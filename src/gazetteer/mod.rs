//! The gazetteer: every place georef knows, by name and by location.
//!
//! A world gazetteer (GeoNames cities500, countries and admin1 regions,
//! Natural Earth regions, and a hand-written supplement) is embedded in the
//! binary with its name table precomputed by `build.rs`; user files (GeoNames
//! dumps, alternate names, custom CSV/TSV) are merged over it at run time.

mod embedded;
mod error;
pub mod fold;
mod former_names;
mod import;
mod name_table;
mod place;
mod qualifier;
mod search;
mod shapes;
mod spatial;

use std::borrow::Cow;
use std::collections::HashMap;

use geo::Point;
use rustc_hash::{FxHashMap, FxHashSet};

pub use error::{GazetteerError, RowError};
use former_names::name_tag;
pub use import::{LoadProgress, LoadReport};
pub use place::{ASSUMED_POPULATION, CountryCode, Kind, Place, PlaceId, REGION_BONUS, Summary};
pub use qualifier::{QUALIFIERS, Qualifier};
pub use search::PlaceSearch;
pub use shapes::{CountryOutline, RegionId, country_outlines, region_shape, region_shapes};
pub use spatial::{EARTH_RADIUS_KM, KM_PER_DEGREE_AT_LEAST, Nearby, SpatialIndex, distance_km, farther_than_km};

use former_names::{FormerNames, FormerNamesBuilder};
use name_table::{NameTable, NameTableBuilder};

/// Prominences closer than this to the best are a tie in
/// [`Gazetteer::lookup`], which the spelling breaks.
const LOOKUP_TIE: f64 = 0.5;

/// The most places a name of the user's files stands for in the name
/// table: GeoNames has hundreds of villages for some names, and weighing them
/// all would slow tagging tenfold. `order_namesakes` picks them.
const MAX_NAMESAKES: usize = 64;

/// All known places, with a name index and a spatial index over them.
pub struct Gazetteer {
    places: Vec<Place>,
    /// Places `0..embedded_len` come from the embedded data, sorted by id.
    embedded_len: usize,
    /// Indexes of places added from user files, by id.
    added_ids: HashMap<PlaceId, u32>,
    embedded_names: NameTable,
    /// Names of the places that user files added or changed.
    added_names: NameTable,
    /// Former names of the embedded places (see [`Gazetteer::former_name_bearers`]).
    embedded_former: FormerNames,
    /// Former names that user files brought, as alternates of their places
    /// or as the own names of their towns.
    added_former: FormerNames,
    /// Indexes of the places whose names are in `added_names` (sorted and
    /// unique after each reindex).
    touched: Vec<u32>,
    admin1_names: &'static HashMap<&'static str, &'static str>,
    spatial: SpatialIndex,
    /// A compact summary of every place, by index.
    summaries: Vec<Summary>,
    /// The index of each country's place, by country code.
    countries: HashMap<CountryCode, u32>,
}

impl Gazetteer {
    /// Loads the gazetteer embedded in the binary and builds its spatial
    /// index (on a second thread, while the places are decoded).
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        let (data, spatial) = std::thread::scope(|scope| {
            let spatial = scope.spawn(|| SpatialIndex::new(embedded::points()));
            let data = embedded::load();
            (data, spatial.join())
        });
        let data = data?;
        let spatial = spatial.map_err(|_| GazetteerError::Embedded("spatial index thread failed".into()))?;
        Ok(Gazetteer {
            summaries: data
                .places
                .iter()
                .zip(data.name_tags)
                .map(|(place, tag)| Summary::with_tag(place, tag))
                .collect(),
            countries: country_index(&data.places),
            embedded_len: data.places.len(),
            places: data.places,
            added_ids: HashMap::new(),
            embedded_names: data.names,
            added_names: empty_table()?,
            embedded_former: data.former_names,
            added_former: empty_former_names()?,
            touched: Vec::new(),
            admin1_names: data.admin1_names,
            spatial,
        })
    }

    /// A gazetteer without the embedded places, to be filled from user files
    /// alone ([`Gazetteer::load_reader`]); admin1 codes still read as the
    /// embedded region names. Small and quick to build, so the importer's
    /// fuzz target can start each input from nothing.
    pub fn empty() -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer {
            places: Vec::new(),
            embedded_len: 0,
            added_ids: HashMap::new(),
            embedded_names: empty_table()?,
            added_names: empty_table()?,
            embedded_former: empty_former_names()?,
            added_former: empty_former_names()?,
            touched: Vec::new(),
            admin1_names: embedded::admin1_names(),
            spatial: SpatialIndex::new(std::iter::empty()),
            summaries: Vec::new(),
            countries: HashMap::new(),
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// All places; a place's index here is what the indexes return.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at an index returned by a query.
    pub fn place(&self, index: u32) -> Option<&Place> {
        self.places.get(index as usize)
    }

    /// The compact summary of the place at an index (kind, population,
    /// prominence): what hot loops over many candidates need.
    pub fn summary(&self, index: u32) -> Option<Summary> {
        self.summaries.get(index as usize).copied()
    }

    /// Whether the name whose folded hash is `name_hash` is the own name of
    /// the place at `index` (its primary name, with or without a trailing
    /// " City": "Kansas City" and "Kansas" both), not one of its alternates.
    pub fn is_own_name(&self, index: u32, name_hash: u64) -> bool {
        self.summary(index).is_some_and(|s| {
            s.name_tag == name_tag(name_hash)
                || s.city_suffix && self.place(index).is_some_and(|p| fold::fold_hash(&p.name) == name_hash)
        })
    }

    /// The index of the country place with this code ("UA" -> Ukraine).
    pub fn country(&self, code: CountryCode) -> Option<u32> {
        self.countries.get(&code).copied()
    }

    /// Every country place's index, by code.
    pub fn countries(&self) -> impl Iterator<Item = (CountryCode, u32)> + '_ {
        self.countries.iter().map(|(&c, &i)| (c, i))
    }

    /// The index of the place with this id.
    pub fn index_of(&self, id: PlaceId) -> Option<u32> {
        let embedded = &self.places[..self.embedded_len];
        if let Ok(i) = embedded.binary_search_by_key(&id, |p| p.id) {
            return u32::try_from(i).ok();
        }
        self.added_ids.get(&id).copied()
    }

    /// The place with this id.
    pub fn get(&self, id: PlaceId) -> Option<&Place> {
        self.index_of(id).and_then(|i| self.place(i))
    }

    /// The name of an admin1 region from its code ("UA.07" -> "Kharkiv").
    pub fn admin1_name(&self, code: &str) -> Option<&str> {
        self.admin1_names.get(code).copied()
    }

    /// How to show a place's admin1 region: its name, else its code.
    pub fn admin1_label<'a>(&'a self, place: &'a Place) -> &'a str {
        self.admin1_name(&place.admin1).unwrap_or(&place.admin1)
    }

    /// An admin1 code as place text: borrowed from the embedded admin1 table
    /// when it is a known code, so millions of user places share it.
    fn admin1_text(&self, code: String) -> place::Text {
        match self.admin1_names.get_key_value(code.as_str()) {
            Some((known, _)) => Cow::Borrowed(known),
            None => Cow::Owned(code),
        }
    }

    /// The spatial index over all places.
    pub fn spatial(&self) -> &SpatialIndex {
        &self.spatial
    }

    /// Places within `km` of a lon/lat point, nearest first.
    pub fn near(&self, lonlat: Point<f64>, km: f64) -> Vec<Nearby> {
        self.spatial.within_km(lonlat, km)
    }

    /// Indexes of the places with a name that folds to the same text as
    /// `folded_hash` (see [`fold::name_hash`]), in index order, unique.
    pub fn indexes_for_hash(&self, folded_hash: u64) -> Vec<u32> {
        let mut found: Vec<u32> = self.embedded_names.get(folded_hash).collect();
        let before = found.len();
        found.extend(self.added_names.get(folded_hash));
        if found.len() > before && before > 0 {
            found.sort_unstable();
            found.dedup();
        }
        found
    }

    /// Whether a country or region among the places at `holders` holds one
    /// of the places at `places` ([`Place::holds`]).
    pub fn any_holds(&self, holders: &[u32], places: &[u32]) -> bool {
        holders
            .iter()
            .filter_map(|&h| self.place(h))
            .filter(|h| matches!(h.kind, Kind::Country | Kind::Region))
            .any(|holder| {
                places
                    .iter()
                    .filter_map(|&p| self.place(p))
                    .any(|place| holder.holds(place))
            })
    }

    /// The places for which the name whose folded hash is `folded_hash` is
    /// an alternate that is not a spelling of their own name but another
    /// name (a former one, mostly), and the own name of some town:
    /// "Salisbury" for Harare. (A user file that renames an embedded place
    /// leaves its embedded former names in place.)
    pub fn former_name_bearers(&self, folded_hash: u64) -> impl Iterator<Item = u32> + Clone + '_ {
        self.embedded_former
            .places_of(folded_hash)
            .chain(self.added_former.places_of(folded_hash))
    }

    /// False when no name folds to the text whose hash is `folded_hash`
    /// (then [`Gazetteer::indexes_for_hash`] is empty); true when one may.
    pub fn may_name(&self, folded_hash: u64) -> bool {
        self.embedded_names.might_contain(folded_hash) || self.added_names.might_contain(folded_hash)
    }

    /// Whether a place goes by the name whose folded hash is `folded_hash`:
    /// [`Self::may_name`] confirmed by the name table, for rules that read
    /// "names no place" (the filter alone says "may" of about 3 in 100 words
    /// that name none).
    pub fn names_a_place(&self, folded_hash: u64) -> bool {
        self.may_name(folded_hash)
            && (self.embedded_names.get(folded_hash).len() > 0 || self.added_names.get(folded_hash).len() > 0)
    }

    /// False when no name of two or more words starts with the word whose
    /// folded hash is `word_hash` ("new" starts "New York"); true when one may.
    pub fn may_start_name(&self, word_hash: u64) -> bool {
        self.embedded_names.might_start_name(word_hash) || self.added_names.might_start_name(word_hash)
    }

    /// The candidates for a name as a reader writes it, best first.
    ///
    /// Case, diacritics, apostrophes and hyphens are folded. When the whole
    /// name is unknown, a possessive is dropped ("Kyiv's" -> Kyiv), then a
    /// trailing qualifier selects the kind ("Kherson region" -> the region).
    /// Among candidates of nearly the same prominence, those that bear the
    /// name as written come first ("Sloviansk": Slovyansk, then Nikopol,
    /// whose GeoNames alternates read "Slov'iansk").
    pub fn lookup(&self, name: &str) -> Vec<u32> {
        let folded = fold::fold(name);
        let mut found = self.indexes_for_hash(fold::name_hash(&folded));
        if found.is_empty()
            && let Some(stem) = folded.strip_suffix('s').filter(|_| ends_with_possessive(name))
        {
            found = self.indexes_for_hash(fold::name_hash(stem));
        }
        if found.is_empty()
            && let Some((stem, qualifier)) = qualifier::split_trailing(&folded)
        {
            found = self.indexes_for_hash(fold::name_hash(stem));
            found.retain(|&i| self.place(i).is_some_and(|p| qualifier.accepts(p.kind)));
        }
        self.sort_best_first(&mut found);
        if let Some(&best) = found.first() {
            let top = self.prominence_of(best);
            let tied = found
                .iter()
                .take_while(|&&i| top - self.prominence_of(i) < LOOKUP_TIE)
                .count();
            // A stable sort: each part stays best first.
            found[..tied].sort_by_key(|&i| !self.place(i).is_some_and(|p| p.is_spelled(name)));
        }
        found
    }

    /// Orders place indexes by prominence, most prominent first.
    pub fn sort_best_first(&self, indexes: &mut [u32]) {
        indexes.sort_by(|a, b| self.prominence_of(*b).total_cmp(&self.prominence_of(*a)).then(a.cmp(b)));
    }

    /// [`Place::prominence`] of the place at `index` (lowest of all where
    /// there is none).
    fn prominence_of(&self, index: u32) -> f64 {
        self.place(index).map_or(f64::NEG_INFINITY, Place::prominence)
    }

    /// Adds or replaces places (a place with a known id replaces the old
    /// record); call [`Gazetteer::reindex`] afterwards.
    fn merge(&mut self, places: Vec<Place>) {
        places.into_iter().for_each(|place| self.merge_one(place));
    }

    /// Adds or replaces one place; call [`Gazetteer::reindex`] afterwards.
    fn merge_one(&mut self, place: Place) {
        let index = match self.index_of(place.id) {
            Some(i) => {
                self.places[i as usize] = place;
                i
            }
            None => {
                let Ok(i) = u32::try_from(self.places.len()) else {
                    return;
                };
                self.added_ids.insert(place.id, i);
                self.places.push(place);
                i
            }
        };
        self.touched.push(index);
    }

    /// Adds alternate names to the place at `index`; call
    /// [`Gazetteer::reindex`] afterwards.
    fn add_alt_names(&mut self, index: u32, names: &[String]) {
        let Some(place) = self.places.get_mut(index as usize) else {
            return;
        };
        let mut all = String::from(&*place.alt_names);
        for name in names {
            if !all.is_empty() {
                all.push('|');
            }
            all.push_str(name);
        }
        place.alt_names = Cow::Owned(all);
        self.touched.push(index);
    }

    /// Rebuilds the name table of added and changed places and the spatial
    /// index, after a user file was merged.
    fn reindex(&mut self) -> Result<(), GazetteerError> {
        self.touched.sort_unstable();
        self.touched.dedup();
        // Namesakes are ordered by their summaries' prominence: only the
        // added and changed places need new ones (each folds its name).
        let before = self.summaries.len().min(self.places.len());
        self.summaries.truncate(before);
        self.summaries.extend(self.places[before..].iter().map(Summary::of));
        for &index in self.touched.iter().take_while(|&&i| (i as usize) < before) {
            if let Some(place) = self.places.get(index as usize) {
                self.summaries[index as usize] = Summary::of(place);
            }
        }
        let mut builder = NameTableBuilder::default();
        let mut former = FormerNamesBuilder::default();
        // The towns' own names, by the tags the summaries already hold, and
        // the whole names of those whose own name drops a " City".
        let towns: FxHashSet<u32> = self
            .summaries
            .iter()
            .zip(&self.places)
            .filter(|(s, _)| s.kind.is_populated())
            .flat_map(|(s, place)| {
                let whole = s.city_suffix.then(|| name_tag(fold::fold_hash(&place.name)));
                std::iter::once(s.name_tag).chain(whole)
            })
            .collect();
        let town_names = |hash: u64| towns.contains(&name_tag(hash));
        let mut folded = String::new();
        for &index in &self.touched {
            let Some(place) = self.places.get(index as usize) else {
                continue;
            };
            for (k, name) in std::iter::once(&*place.name).chain(place.alt_names()).enumerate() {
                fold::fold_into(name, &mut folded);
                let hash = fold::name_hash(&folded);
                builder.add_spellings(&folded, place.country.as_str(), place.population, index);
                if k > 0 && former_names::is_former_name(&folded, hash, place.kind.as_str(), &place.name, &town_names) {
                    former.add(hash, index);
                }
            }
            // A town of the user's can make its name a former name of the
            // places that bear it as an alternate.
            let town_names_of_place = place.kind.is_populated().then(|| former_names::town_names(&place.name));
            for name in town_names_of_place.into_iter().flatten() {
                fold::fold_into(name, &mut folded);
                let hash = fold::name_hash(&folded);
                for other in self.embedded_names.get(hash) {
                    let Some(o) = self.places.get(other as usize) else {
                        continue;
                    };
                    if former_names::is_former_name(&folded, hash, o.kind.as_str(), &o.name, &town_names) {
                        former.add(hash, other);
                    }
                }
            }
        }
        self.added_former = FormerNames::from_bytes(Cow::Owned(former.into_bytes()))
            .ok_or_else(|| GazetteerError::Embedded("added former names".into()))?;
        let regions = region_numbers(&self.places);
        builder.limit_postings(MAX_NAMESAKES, |places| {
            order_namesakes(places, &self.summaries, &regions)
        });
        self.added_names = NameTable::from_bytes(Cow::Owned(builder.into_bytes()))
            .ok_or_else(|| GazetteerError::Embedded("added name table".into()))?;
        self.spatial = SpatialIndex::new(points(&self.places));
        self.countries = country_index(&self.places);
        Ok(())
    }
}

/// Orders places that share a name by how likely a news text means each:
/// the most prominent place of every first-level region (`regions` numbers
/// them by place) first, by prominence, then the others, by prominence.
fn order_namesakes(places: &mut [u32], summaries: &[Summary], regions: &[u32]) {
    let prominence = |i: u32| summaries.get(i as usize).map_or(f32::NEG_INFINITY, |s| s.prominence);
    // Each summary is read once, not at every comparison.
    let mut by_prominence: Vec<(f32, u32)> = places.iter().map(|&i| (prominence(i), i)).collect();
    by_prominence.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut seen = FxHashSet::default();
    let (mut firsts, mut others) = (Vec::new(), Vec::new());
    for (_, i) in by_prominence {
        if regions.get(i as usize).is_some_and(|&r| seen.insert(r)) {
            firsts.push(i);
        } else {
            others.push(i);
        }
    }
    for (slot, i) in places.iter_mut().zip(firsts.into_iter().chain(others)) {
        *slot = i;
    }
}

/// A number for each place's first-level region (its country's, outside
/// regions): places in the same region get the same number.
fn region_numbers(places: &[Place]) -> Vec<u32> {
    let mut numbers: FxHashMap<(CountryCode, &str), u32> = FxHashMap::default();
    places
        .iter()
        .map(|p| {
            let next = numbers.len() as u32;
            *numbers.entry((p.country, &*p.admin1)).or_insert(next)
        })
        .collect()
}

fn empty_table() -> Result<NameTable, GazetteerError> {
    NameTable::from_bytes(Cow::Owned(NameTableBuilder::default().into_bytes()))
        .ok_or_else(|| GazetteerError::Embedded("empty name table".into()))
}

/// A set of former names with none in it.
fn empty_former_names() -> Result<FormerNames, GazetteerError> {
    FormerNames::from_bytes(Cow::Owned(FormerNamesBuilder::default().into_bytes()))
        .ok_or_else(|| GazetteerError::Embedded("empty former names".into()))
}

/// The first country place of each code, in index order.
fn country_index(places: &[Place]) -> HashMap<CountryCode, u32> {
    let mut index = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if p.kind == Kind::Country
            && let Ok(i) = u32::try_from(i)
        {
            index.entry(p.country).or_insert(i);
        }
    }
    index
}

fn points(places: &[Place]) -> impl Iterator<Item = (u32, Point<f64>)> + '_ {
    places
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((u32::try_from(i).ok()?, p.lonlat)))
}

fn ends_with_possessive(name: &str) -> bool {
    let trimmed = name.trim_end();
    ["'s", "’s", "'S", "’S"].iter().any(|p| trimmed.ends_with(p))
}
