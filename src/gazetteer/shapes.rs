//! Region and country outlines (Natural Earth admin-1 and admin-0,
//! simplified to 0.02°), embedded compressed and decoded on first use.
//! Regions are keyed by ISO 3166-2, the key in [`crate::gazetteer::Place::polygon`].

use std::io::Read;
use std::sync::OnceLock;

use geo::{Coord, LineString, MultiPolygon, Point, Polygon};

static REGIONS_GZ: &[u8] = include_bytes!("../../gazetteer/regions.tsv.gz");
static COUNTRIES_GZ: &[u8] = include_bytes!("../../gazetteer/countries.tsv.gz");

/// The outline of the region with this ISO 3166-2 code ("UA-65"), lon/lat.
pub fn region_shape(key: &str) -> Option<&'static MultiPolygon<f64>> {
    RegionId::of(key).map(RegionId::shape)
}

/// Every region outline with its ISO 3166-2 code, sorted by code.
pub fn region_shapes() -> &'static [(String, MultiPolygon<f64>)] {
    static SHAPES: OnceLock<Vec<(String, MultiPolygon<f64>)>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes: Vec<(String, MultiPolygon<f64>)> = gunzip(REGIONS_GZ)
            .lines()
            .filter_map(|line| {
                let (key, json) = line.split_once('\t')?;
                Some((key.to_string(), multipolygon(json)?))
            })
            .collect();
        shapes.sort_by(|a, b| a.0.cmp(&b.0));
        shapes.dedup_by(|a, b| a.0 == b.0);
        shapes
    })
}

/// A region outline's number among [`region_shapes`], so that a frame can
/// find a region's shape without hashing its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionId(u32);

impl RegionId {
    /// The number of the region with this ISO 3166-2 code, if it has an outline.
    pub fn of(key: &str) -> Option<RegionId> {
        let at = region_shapes().binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        u32::try_from(at).ok().map(RegionId)
    }

    /// The region's place among [`region_shapes`].
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The region's ISO 3166-2 code.
    pub fn key(self) -> &'static str {
        region_shapes().get(self.index()).map_or("", |(k, _)| k.as_str())
    }

    /// The region's outline, lon/lat.
    pub fn shape(self) -> &'static MultiPolygon<f64> {
        static EMPTY: MultiPolygon<f64> = MultiPolygon(Vec::new());
        region_shapes().get(self.index()).map_or(&EMPTY, |(_, s)| s)
    }
}

/// A country of the basemap (Natural Earth admin-0, German point of view:
/// Crimea is drawn as part of Ukraine).
#[derive(Clone, Debug)]
pub struct CountryOutline {
    /// ISO 3166-1 alpha-3 code (the key in [`crate::gazetteer::Place::polygon`]).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Where its label goes, lon/lat.
    pub label: Point<f64>,
    /// Natural Earth's label rank: 0 or 1 for the largest countries, up to 10.
    pub label_rank: u8,
    /// The outline, lon/lat.
    pub shape: MultiPolygon<f64>,
}

/// Every country outline, sorted by code.
pub fn country_outlines() -> &'static [CountryOutline] {
    static COUNTRIES: OnceLock<Vec<CountryOutline>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        gunzip(COUNTRIES_GZ)
            .lines()
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let code = cols.next()?.to_string();
                let _alpha2 = cols.next()?;
                let name = cols.next()?.to_string();
                let lon: f64 = cols.next()?.parse().ok()?;
                let lat: f64 = cols.next()?.parse().ok()?;
                let label_rank = cols.next()?.parse().ok()?;
                let shape = multipolygon(cols.next()?)?;
                Some(CountryOutline {
                    code,
                    name,
                    label: Point::new(lon, lat),
                    label_rank,
                    shape,
                })
            })
            .collect()
    })
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    if flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).is_err() {
        text.clear(); // the build checks these files; a failure leaves the map without them
    }
    text
}

fn multipolygon(json: &str) -> Option<MultiPolygon<f64>> {
    let polygons: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(json).ok()?;
    Some(MultiPolygon(
        polygons
            .into_iter()
            .filter_map(|rings| {
                let mut rings = rings
                    .into_iter()
                    .map(|r| LineString(r.into_iter().map(|[x, y]| Coord { x, y }).collect()));
                let exterior = rings.next()?;
                Some(Polygon::new(exterior, rings.collect()))
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;

    #[test]
    fn regions_contain_their_cities_and_crimea_is_there() {
        let kharkiv = region_shape("UA-63").expect("Kharkiv Oblast outline");
        assert!(kharkiv.contains(&Point::new(36.25, 49.98)));
        assert!(!kharkiv.contains(&Point::new(30.52, 50.45)));
        let crimea = region_shape("UA-43").expect("Crimea outline");
        assert!(crimea.contains(&Point::new(34.1, 44.95)));
        assert!(region_shape("XX-99").is_none());
        let id = RegionId::of("UA-63").unwrap();
        assert_eq!(id.key(), "UA-63");
        assert!(std::ptr::eq(id.shape(), kharkiv));
    }

    #[test]
    fn countries_hold_their_capitals_and_crimea_is_drawn_in_ukraine() {
        let countries = country_outlines();
        assert!(countries.len() > 200, "{}", countries.len());
        let find = |code: &str| countries.iter().find(|c| c.code == code).expect(code);
        let ukraine = find("UKR");
        assert_eq!(ukraine.name, "Ukraine");
        assert!(ukraine.shape.contains(&Point::new(30.52, 50.45)));
        assert!(ukraine.shape.contains(&Point::new(34.1, 44.95)), "Crimea");
        assert!(!find("RUS").shape.contains(&Point::new(34.1, 44.95)));
        assert!(find("FRA").shape.contains(&Point::new(2.35, 48.85)));
    }
}
