//! Region outlines (Natural Earth admin-1, simplified to 0.02°), embedded
//! compressed and decoded on first use; keyed by ISO 3166-2, the key in
//! [`crate::gazetteer::Place::polygon`].

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use geo::{Coord, LineString, MultiPolygon, Polygon};

static REGIONS_GZ: &[u8] = include_bytes!("../../gazetteer/regions.tsv.gz");

/// The outline of the region with this ISO 3166-2 code ("UA-65"), lon/lat.
pub fn region_shape(key: &str) -> Option<&'static MultiPolygon<f64>> {
    static SHAPES: OnceLock<HashMap<String, MultiPolygon<f64>>> = OnceLock::new();
    SHAPES.get_or_init(decode).get(key)
}

fn decode() -> HashMap<String, MultiPolygon<f64>> {
    let mut text = String::new();
    if flate2::read::GzDecoder::new(REGIONS_GZ)
        .read_to_string(&mut text)
        .is_err()
    {
        return HashMap::new();
    }
    text.lines()
        .filter_map(|line| {
            let (key, json) = line.split_once('\t')?;
            let polygons: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(json).ok()?;
            let shape = MultiPolygon(
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
            );
            Some((key.to_string(), shape))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, Point};

    #[test]
    fn regions_contain_their_cities_and_crimea_is_there() {
        let kharkiv = region_shape("UA-63").expect("Kharkiv Oblast outline");
        assert!(kharkiv.contains(&Point::new(36.25, 49.98)));
        assert!(!kharkiv.contains(&Point::new(30.52, 50.45)));
        let crimea = region_shape("UA-43").expect("Crimea outline");
        assert!(crimea.contains(&Point::new(34.1, 44.95)));
        assert!(region_shape("XX-99").is_none());
    }
}
