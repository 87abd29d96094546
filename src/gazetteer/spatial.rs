//! Spatial index over place points: nearest neighbours, within a distance,
//! within a lon/lat box.
//!
//! Points are stored on the unit sphere (x, y, z), where straight-line
//! (chord) distance grows with great-circle distance, so an ordinary R-tree
//! answers distance queries exactly, across the antimeridian and at the poles.

use geo::{Distance, Haversine, Point};
use rstar::RTree;
use rstar::primitives::GeomWithData;

/// Mean Earth radius in kilometres (the one `geo::Haversine` uses).
pub const EARTH_RADIUS_KM: f64 = 6_371.008_8;

type Entry = GeomWithData<[f64; 3], u32>;

/// Wider nodes than rstar's default: a third of the bulk-load time for
/// points that never move, at no cost to query speed here.
struct Params;

impl rstar::RTreeParams for Params {
    const MIN_SIZE: usize = 16;
    const MAX_SIZE: usize = 48;
    const REINSERTION_COUNT: usize = 4;
    type DefaultInsertionStrategy = rstar::RStarInsertionStrategy;
}

/// An R-tree of place points keyed by place index.
pub struct SpatialIndex {
    tree: RTree<Entry, Params>,
}

/// A place found by a spatial query, with its great-circle distance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nearby {
    /// Index of the place in the gazetteer.
    pub place: u32,
    /// Great-circle distance from the query point in kilometres.
    pub km: f64,
}

impl SpatialIndex {
    /// Bulk-loads the index from (place index, lon/lat point) pairs.
    pub fn new(points: impl Iterator<Item = (u32, Point<f64>)>) -> Self {
        let entries = points.map(|(i, p)| Entry::new(to_sphere(p), i)).collect();
        SpatialIndex {
            tree: RTree::bulk_load_with_params(entries),
        }
    }

    /// The `count` places nearest to `lonlat`, nearest first.
    pub fn nearest(&self, lonlat: Point<f64>, count: usize) -> Vec<Nearby> {
        self.tree
            .nearest_neighbor_iter(&to_sphere(lonlat))
            .take(count)
            .map(|e| Nearby {
                place: e.data,
                km: chord_to_km(dist(e.geom(), &to_sphere(lonlat))),
            })
            .collect()
    }

    /// All places within `km` kilometres of `lonlat`, nearest first.
    pub fn within_km(&self, lonlat: Point<f64>, km: f64) -> Vec<Nearby> {
        let mut found: Vec<Nearby> = self.within(lonlat, km).collect();
        found.sort_by(|a, b| a.km.total_cmp(&b.km).then(a.place.cmp(&b.place)));
        found
    }

    /// Whether any place within `km` kilometres of `lonlat` passes `pred`,
    /// asked in no particular order and no further than the first that does.
    pub fn any_within_km(&self, lonlat: Point<f64>, km: f64, pred: impl FnMut(Nearby) -> bool) -> bool {
        self.within(lonlat, km).any(pred)
    }

    /// The places within `km` kilometres of `lonlat`, in no particular order.
    fn within(&self, lonlat: Point<f64>, km: f64) -> impl Iterator<Item = Nearby> + '_ {
        let q = to_sphere(lonlat);
        let chord = km_to_chord(km);
        self.tree.locate_within_distance(q, chord * chord).map(move |e| Nearby {
            place: e.data,
            km: chord_to_km(dist(e.geom(), &q)),
        })
    }

    /// All places inside a lon/lat box (degrees; `min_lon > max_lon` means the
    /// box crosses the antimeridian), in no particular order.
    pub fn within_box(&self, min_lon: f64, min_lat: f64, max_lon: f64, max_lat: f64) -> Vec<u32> {
        if min_lon > max_lon {
            let mut found = self.within_box(min_lon, min_lat, 180.0, max_lat);
            found.extend(self.within_box(-180.0, min_lat, max_lon, max_lat));
            return found;
        }
        let envelope = sphere_envelope(min_lon, min_lat, max_lon, max_lat);
        self.tree
            .locate_in_envelope(&envelope)
            .filter_map(|e| {
                let p = from_sphere(e.geom());
                let inside = (min_lat..=max_lat).contains(&p.y()) && (min_lon..=max_lon).contains(&p.x());
                inside.then_some(e.data)
            })
            .collect()
    }

    /// Number of points indexed.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// Whether the index holds no points.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }
}

/// Great-circle distance between two lon/lat points in kilometres.
///
/// # Units
/// Points are lon/lat in degrees; the result is kilometres on a sphere of
/// [`EARTH_RADIUS_KM`].
///
/// ```
/// use geo::Point;
/// use georef::gazetteer::distance_km;
/// let kyiv = Point::new(30.5238, 50.45466);
/// let kharkiv = Point::new(36.25475, 49.98177);
/// assert!((distance_km(kyiv, kharkiv) - 410.0).abs() < 10.0);
/// ```
pub fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Haversine.distance(a, b) / 1000.0
}

/// Kilometres in a degree of latitude, a little less than on the sphere of
/// [`distance_km`]: points further apart in latitude than `km / this` are
/// surely more than `km` apart.
pub const KM_PER_DEGREE_AT_LEAST: f64 = 111.0;

/// Whether two lon/lat points lie more than `km` apart: [`distance_km`]
/// compared with `km`, answered without trigonometry where the latitudes
/// alone are far enough apart (the answer is the same).
pub fn farther_than_km(a: Point<f64>, b: Point<f64>, km: f64) -> bool {
    (a.y() - b.y()).abs() * KM_PER_DEGREE_AT_LEAST > km || distance_km(a, b) > km
}

fn to_sphere(lonlat: Point<f64>) -> [f64; 3] {
    let (lon, lat) = (lonlat.x().to_radians(), lonlat.y().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn from_sphere(p: &[f64; 3]) -> Point<f64> {
    let lat = p[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = p[1].atan2(p[0]).to_degrees();
    Point::new(lon, lat)
}

/// The (x, y, z) box that holds every sphere point of a lon/lat box that does
/// not cross the antimeridian, padded a little against rounding.
fn sphere_envelope(min_lon: f64, min_lat: f64, max_lon: f64, max_lat: f64) -> rstar::AABB<[f64; 3]> {
    let (lat_lo, lat_hi) = (min_lat.to_radians(), max_lat.to_radians());
    let cos_lat_max = if lat_lo <= 0.0 && lat_hi >= 0.0 {
        1.0
    } else {
        lat_lo.cos().max(lat_hi.cos())
    };
    let cos_lat_min = lat_lo.cos().min(lat_hi.cos());
    let range = |f: fn(f64) -> f64, peaks: [(f64, f64); 3]| {
        let (a, b) = (f(min_lon.to_radians()), f(max_lon.to_radians()));
        let (mut lo, mut hi) = (a.min(b), a.max(b));
        for (lon, value) in peaks {
            if (min_lon..=max_lon).contains(&lon) {
                lo = lo.min(value);
                hi = hi.max(value);
            }
        }
        (lo, hi)
    };
    let cos_lon = range(f64::cos, [(0.0, 1.0), (180.0, -1.0), (-180.0, -1.0)]);
    let sin_lon = range(f64::sin, [(90.0, 1.0), (-90.0, -1.0), (0.0, 0.0)]);
    let scale = |(lo, hi): (f64, f64)| {
        let c = [cos_lat_min * lo, cos_lat_max * lo, cos_lat_min * hi, cos_lat_max * hi];
        let min = c.iter().copied().fold(f64::INFINITY, f64::min);
        let max = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (min - 1e-9, max + 1e-9)
    };
    let (x, y) = (scale(cos_lon), scale(sin_lon));
    rstar::AABB::from_corners([x.0, y.0, lat_lo.sin() - 1e-9], [x.1, y.1, lat_hi.sin() + 1e-9])
}

fn dist(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn km_to_chord(km: f64) -> f64 {
    let angle = (km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    2.0 * (angle / 2.0).sin()
}

fn chord_to_km(chord: f64) -> f64 {
    2.0 * (chord / 2.0).clamp(0.0, 1.0).asin() * EARTH_RADIUS_KM
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SpatialIndex {
        let points = [
            (0, Point::new(30.5238, 50.45466)),  // Kyiv
            (1, Point::new(36.25475, 49.98177)), // Kharkiv
            (2, Point::new(179.9, 0.0)),
            (3, Point::new(-179.9, 0.0)),
        ];
        SpatialIndex::new(points.into_iter())
    }

    #[test]
    fn nearest_and_within_use_great_circle_km() {
        let idx = index();
        let near = idx.nearest(Point::new(30.6, 50.4), 2);
        assert_eq!(near[0].place, 0);
        assert_eq!(near[1].place, 1);
        // Kyiv-Kharkiv is about 410 km.
        let kyiv_kharkiv = distance_km(Point::new(30.5238, 50.45466), Point::new(36.25475, 49.98177));
        assert!((kyiv_kharkiv - 410.0).abs() < 10.0, "{kyiv_kharkiv}");
        let within = idx.within_km(Point::new(30.5238, 50.45466), 420.0);
        assert_eq!(within.iter().map(|n| n.place).collect::<Vec<_>>(), vec![0, 1]);
        assert!((within[1].km - kyiv_kharkiv).abs() < 0.01);
        // Across the antimeridian the two points are 22 km apart.
        let across = idx.within_km(Point::new(179.95, 0.0), 20.0);
        assert_eq!(across.len(), 2);
    }

    #[test]
    fn farther_than_answers_as_the_distance_does() {
        // Pairs along a meridian, at the poles, across the antimeridian and
        // across latitude steps that straddle the shortcut's bound.
        let mut pairs = Vec::new();
        for lat in [-89.9_f64, -60.0, 0.0, 45.5, 70.0, 89.9] {
            for step in [0.0, 0.5, 0.89, 0.9, 0.91, 1.0, 3.6, 7.2, 7.3, 45.0] {
                let other = (lat + step).min(90.0);
                for (lon, other_lon) in [(30.0, 30.0), (30.0, 31.5), (179.9, -179.9), (0.0, 120.0)] {
                    pairs.push((Point::new(lon, lat), Point::new(other_lon, other)));
                }
            }
        }
        for (a, b) in pairs {
            let d = distance_km(a, b);
            for km in [10.0, 50.0, 100.0, 400.0, 800.0, d, d - 1e-9, d + 1e-9] {
                assert_eq!(farther_than_km(a, b, km), d > km, "{a:?} {b:?} {km}");
            }
        }
    }

    #[test]
    fn box_query_handles_the_antimeridian() {
        let idx = index();
        let mut ukraine = idx.within_box(22.0, 44.0, 40.5, 52.5);
        ukraine.sort();
        assert_eq!(ukraine, vec![0, 1]);
        let mut across = idx.within_box(179.0, -1.0, -179.0, 1.0);
        across.sort();
        assert_eq!(across, vec![2, 3]);
    }
}
