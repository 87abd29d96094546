//! The gazetteer embedded in the binary (see `build.rs` and `gazetteer/`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use geo::Point;

use super::error::GazetteerError;
use super::former_names::FormerNames;
use super::name_table::NameTable;
use super::place::{CountryCode, Kind, Place, PlaceId};

static PLACES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/places.tsv"));
static NAMES_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));
static NAME_TAGS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_tags.bin"));
static FORMER_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/former.bin"));
static ADMIN1_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/admin1.tsv"));

/// The decoded embedded data.
pub(super) struct Embedded {
    pub places: Vec<Place>,
    pub names: NameTable,
    pub former_names: FormerNames,
    /// The [`super::Summary::name_tag`] of every place, by row.
    pub name_tags: Vec<u32>,
    pub admin1_names: &'static HashMap<&'static str, &'static str>,
}

/// Decodes the embedded place table, name table and admin1 names.
pub(super) fn load() -> Result<Embedded, GazetteerError> {
    let mut places = Vec::with_capacity(PLACES_TSV.len() / 90);
    for (row, line) in PLACES_TSV.lines().enumerate() {
        let place = parse_row(line).ok_or_else(|| GazetteerError::Embedded(format!("places.tsv row {}", row + 1)))?;
        places.push(place);
    }
    let names = NameTable::from_bytes(Cow::Borrowed(NAMES_BIN))
        .ok_or_else(|| GazetteerError::Embedded("name table header".into()))?;
    let former_names = FormerNames::from_bytes(Cow::Borrowed(FORMER_BIN))
        .ok_or_else(|| GazetteerError::Embedded("former names header".into()))?;
    let name_tags: Vec<u32> = NAME_TAGS_BIN
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    if name_tags.len() != places.len() {
        return Err(GazetteerError::Embedded("name tags do not match the places".into()));
    }
    Ok(Embedded {
        places,
        names,
        former_names,
        name_tags,
        admin1_names: admin1_names(),
    })
}

/// The embedded admin1 region names by code ("UA.07" -> "Kharkiv"), read
/// once per process and shared by every gazetteer.
pub(super) fn admin1_names() -> &'static HashMap<&'static str, &'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| ADMIN1_TSV.lines().filter_map(|l| l.split_once('\t')).collect())
}

/// The point of every embedded place, in row order, read straight from the
/// table so the spatial index can be built while the places are parsed.
pub(super) fn points() -> impl Iterator<Item = (u32, Point<f64>)> {
    PLACES_TSV.lines().enumerate().filter_map(|(row, line)| {
        let mut cols = line.split('\t').skip(6);
        let lat: f64 = cols.next()?.parse().ok()?;
        let lon: f64 = cols.next()?.parse().ok()?;
        Some((u32::try_from(row).ok()?, Point::new(lon, lat)))
    })
}

/// One row: id kind name country admin1 population lat lon capital polygon alt_names.
fn parse_row(line: &'static str) -> Option<Place> {
    let mut cols = line.split('\t');
    let mut next = || cols.next();
    let id = PlaceId(next()?.parse().ok()?);
    let kind = Kind::parse(next()?)?;
    let name = Cow::Borrowed(next()?);
    let country = CountryCode::parse(next()?)?;
    let admin1 = Cow::Borrowed(next()?);
    let population = next()?.parse().ok()?;
    let lat: f64 = next()?.parse().ok()?;
    let lon: f64 = next()?.parse().ok()?;
    let capital = next()? == "1";
    let polygon = Some(next()?).filter(|p| !p.is_empty()).map(Cow::Borrowed);
    let alt_names = Cow::Borrowed(next()?);
    Some(Place {
        id,
        name,
        alt_names,
        kind,
        country,
        admin1,
        population,
        lonlat: Point::new(lon, lat),
        capital,
        polygon,
    })
}
