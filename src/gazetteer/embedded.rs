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
    for (row, line) in lines(PLACES_TSV).enumerate() {
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
    lines(PLACES_TSV).enumerate().filter_map(|(row, line)| {
        let [.., lat, lon] = fields::<8>(line)?;
        Some((
            u32::try_from(row).ok()?,
            Point::new(lon.parse().ok()?, lat.parse().ok()?),
        ))
    })
}

/// The lines of `text` without their line ends, as [`str::lines`] gives
/// them, found with the `memchr` crate's search of many bytes at a time:
/// `str::lines` and `str::split` spent most of the load on the short rows
/// and fields of the place table.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let unended = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(unended)
        .filter_map(move |end| {
            let line = text.get(start..end)?;
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        })
}

/// The first `N` tab-separated fields of `line` (the last ends at the next
/// tab, as with [`str::split`]), or `None` when it has fewer.
fn fields<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut fields = [""; N];
    let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
    let mut start = 0;
    for field in &mut fields {
        let end = tabs.next().unwrap_or(line.len());
        *field = line.get(start..end)?;
        start = end + 1;
    }
    Some(fields)
}

/// One row: id kind name country admin1 population lat lon capital polygon alt_names.
fn parse_row(line: &'static str) -> Option<Place> {
    let [
        id,
        kind,
        name,
        country,
        admin1,
        population,
        lat,
        lon,
        capital,
        polygon,
        alt_names,
    ] = fields(line)?;
    let id = PlaceId(id.parse().ok()?);
    let kind = Kind::parse(kind)?;
    let name = Cow::Borrowed(name);
    let country = CountryCode::parse(country)?;
    let admin1 = Cow::Borrowed(admin1);
    let population = population.parse().ok()?;
    let lat: f64 = lat.parse().ok()?;
    let lon: f64 = lon.parse().ok()?;
    let capital = capital == "1";
    let polygon = Some(polygon).filter(|p| !p.is_empty()).map(Cow::Borrowed);
    let alt_names = Cow::Borrowed(alt_names);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\na\n\n", "a\tb\nc\td\te"] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
        assert_eq!(lines(PLACES_TSV).count(), PLACES_TSV.lines().count());
    }

    #[test]
    fn fields_are_the_first_of_str_split() {
        assert_eq!(fields::<3>("a\tb\tc"), Some(["a", "b", "c"]));
        assert_eq!(fields::<3>("a\t\tc\td"), Some(["a", "", "c"]));
        assert_eq!(fields::<3>("a\tb\t"), Some(["a", "b", ""]));
        assert_eq!(fields::<3>("a\tb"), None);
        assert_eq!(fields::<1>(""), Some([""]));
        let row = lines(PLACES_TSV).next().unwrap();
        let split: Vec<&str> = row.split('\t').take(11).collect();
        assert_eq!(fields::<11>(row).map(Vec::from), Some(split));
    }
}
