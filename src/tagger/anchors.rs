//! The places an article is sure of, which the resolver measures the other
//! candidates against: a plain list for the handful a news article holds, an
//! R-tree once there are many (a huge text would otherwise cost the square
//! of its places).

use geo::{Haversine, Point};
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree};

use crate::gazetteer::CountryCode;

/// From this many anchors on, the nearest are found through an R-tree.
const TREE_FROM: usize = 64;

/// Kilometres in a degree of latitude (and of longitude at the equator),
/// rounded down so that a box of degrees never falls short.
const KM_PER_DEGREE: f64 = 111.0;

/// Anchors of one point and one plain name (or none) the R-tree keeps.
const SAME_POINT_KEPT: usize = 4;

/// A place the article is sure of: its point and the match that named it.
pub(super) struct Anchor {
    /// Its point, lon/lat in degrees.
    pub lonlat: Point<f64>,
    /// The country it lies in.
    pub country: CountryCode,
    /// The cosine of its latitude, which every distance to it needs.
    cos_lat: f64,
    /// The match that named it.
    pub at: usize,
    /// The name of that match, where the match was sure of it by the
    /// gazetteer's prior alone: then it tells nothing to another match of
    /// the name, which has the same prior.
    pub plain_name: Option<u64>,
}

impl Anchor {
    /// The anchor named by match `at` at `lonlat`, in `country`; see
    /// [`Anchor::plain_name`].
    pub fn new(lonlat: Point<f64>, country: CountryCode, at: usize, plain_name: Option<u64>) -> Anchor {
        Anchor {
            lonlat,
            country,
            cos_lat: cos_lat(lonlat),
            at,
            plain_name,
        }
    }

    /// Whether the anchor may support match `at`, named `name`: it was
    /// named by another match, and not by one of the same name that only
    /// its prior made sure of.
    fn supports(&self, at: usize, name: u64) -> bool {
        self.at != at && self.plain_name != Some(name)
    }

    /// Great-circle distance in km from the anchor to `lonlat` (whose
    /// latitude's cosine is `cos_lat`): the haversine formula of
    /// `distance_km`, with the cosines computed once.
    pub fn distance_km(&self, lonlat: Point<f64>, cos_lat: f64) -> f64 {
        let delta_theta = (lonlat.y() - self.lonlat.y()).to_radians();
        let delta_lambda = (lonlat.x() - self.lonlat.x()).to_radians();
        let a = (delta_theta / 2.0).sin().powi(2) + self.cos_lat * cos_lat * (delta_lambda / 2.0).sin().powi(2);
        let c = 2.0 * a.sqrt().asin();
        Haversine.radius() * c / 1000.0
    }
}

/// The cosine of a point's latitude.
pub(super) fn cos_lat(lonlat: Point<f64>) -> f64 {
    lonlat.y().to_radians().cos()
}

/// An anchor's point in the plane of lon/lat degrees, keyed by its position
/// in the list.
type Planar = GeomWithData<[f64; 2], usize>;

/// All anchors of an article, with what the resolver asks of them.
pub(super) struct Anchors {
    list: Vec<Anchor>,
    /// Number of anchors in each country.
    countries: Vec<(CountryCode, usize)>,
    /// The anchors' points, when there are [`TREE_FROM`] or more.
    tree: Option<RTree<Planar>>,
}

impl Anchors {
    /// Indexes `list`.
    pub fn new(list: Vec<Anchor>) -> Anchors {
        let mut countries: Vec<(CountryCode, usize)> = Vec::new();
        for a in &list {
            match countries.iter_mut().find(|c| c.0 == a.country) {
                Some(c) => c.1 += 1,
                None => countries.push((a.country, 1)),
            }
        }
        let tree = (list.len() >= TREE_FROM).then(|| {
            // Anchors of one point and plain name beyond the first few add
            // nothing a query can use (it takes three, and excludes at most
            // one match or every match of a name), and a query would have to
            // pass every one of them: a text naming one town 100,000 times
            // would cost their square.
            let mut keys: Vec<(u64, u64, Option<u64>, usize)> = list
                .iter()
                .enumerate()
                .map(|(k, a)| (a.lonlat.x().to_bits(), a.lonlat.y().to_bits(), a.plain_name, k))
                .collect();
            keys.sort_unstable();
            let mut entries = Vec::with_capacity(keys.len());
            for (n, key) in keys.iter().enumerate() {
                let same = keys[n.saturating_sub(SAME_POINT_KEPT)..n]
                    .iter()
                    .filter(|other| other.0 == key.0 && other.1 == key.1 && other.2 == key.2)
                    .count();
                if same < SAME_POINT_KEPT {
                    let a = &list[key.3];
                    entries.push(Planar::new([a.lonlat.x(), a.lonlat.y()], key.3));
                }
            }
            RTree::bulk_load(entries)
        });
        Anchors { list, countries, tree }
    }

    /// Whether an anchor named by another match than `at` lies in `country`.
    pub fn any_in_country(&self, country: CountryCode, at: usize) -> bool {
        let count = self.countries.iter().find(|c| c.0 == country).map_or(0, |c| c.1);
        // Anchors are listed in the order of their matches, one a match.
        let own = self
            .list
            .binary_search_by_key(&at, |a| a.at)
            .is_ok_and(|k| self.list[k].country == country);
        count > usize::from(own)
    }

    /// Whether an anchor that may support match `at`, named `name`
    /// ([`Anchor::supports`]), lies within `km` of `lonlat` (whose latitude's
    /// cosine is `cos_lat`) on the same side of the antimeridian.
    pub fn any_within(&self, lonlat: Point<f64>, cos_lat: f64, km: f64, at: usize, name: u64) -> bool {
        // The box of lon/lat degrees around `lonlat` that holds every point
        // within `km` of it (wider than needed near the poles). It does not
        // wrap around the antimeridian: a point across it is not found.
        let dlat = km / KM_PER_DEGREE;
        let dlon = (dlat / cos_lat.max(1e-6)).min(360.0);
        let near = |a: &Anchor| a.supports(at, name) && a.distance_km(lonlat, cos_lat) <= km;
        match &self.tree {
            Some(tree) => {
                let corners = AABB::from_corners(
                    [lonlat.x() - dlon, lonlat.y() - dlat],
                    [lonlat.x() + dlon, lonlat.y() + dlat],
                );
                tree.locate_in_envelope(&corners).any(|e| near(&self.list[e.data]))
            }
            None => self.list.iter().any(|a| {
                (a.lonlat.y() - lonlat.y()).abs() <= dlat && (a.lonlat.x() - lonlat.x()).abs() <= dlon && near(a)
            }),
        }
    }

    /// The three anchors that may support match `at`, named `name`
    /// ([`Anchor::supports`]), that lie nearest to `lonlat` in the plane of
    /// lon/lat degrees, nearest first (the nearest on the sphere is among
    /// them wherever that plane is not too skewed).
    #[inline]
    pub fn nearest3(&self, lonlat: Point<f64>, at: usize, name: u64) -> impl Iterator<Item = &Anchor> {
        let mut nearest3: [(f64, usize); 3] = [(f64::INFINITY, usize::MAX); 3];
        match &self.tree {
            Some(tree) => {
                let found = tree
                    .nearest_neighbor_iter_with_distance_2(&[lonlat.x(), lonlat.y()])
                    .filter(|(e, _)| self.list[e.data].supports(at, name))
                    .take(3);
                for (slot, (e, d2)) in nearest3.iter_mut().zip(found) {
                    *slot = (d2, e.data);
                }
            }
            None => {
                for (k, a) in self.list.iter().enumerate() {
                    if !a.supports(at, name) {
                        continue;
                    }
                    let (dx, dy) = (a.lonlat.x() - lonlat.x(), a.lonlat.y() - lonlat.y());
                    let d2 = dx * dx + dy * dy;
                    if d2 < nearest3[2].0 {
                        nearest3[2] = (d2, k);
                        if nearest3[2].0 < nearest3[1].0 {
                            nearest3.swap(1, 2);
                            if nearest3[1].0 < nearest3[0].0 {
                                nearest3.swap(0, 1);
                            }
                        }
                    }
                }
            }
        }
        nearest3.into_iter().filter_map(|(_, k)| self.list.get(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::distance_km;

    #[test]
    fn anchor_distance_is_the_haversine_distance_to_the_bit() {
        let points = [
            (36.25475, 49.98177),
            (37.27679, 49.20697),
            (-0.1257, 51.5085),
            (179.9, -16.5),
            (-179.9, -16.4),
            (0.0, 89.9),
            (30.5234, 50.4501),
            (30.5234, 50.4501),
        ];
        for &(ax, ay) in &points {
            let anchor = Anchor::new(Point::new(ax, ay), CountryCode::default(), 0, None);
            for &(bx, by) in &points {
                let b = Point::new(bx, by);
                assert_eq!(
                    anchor.distance_km(b, cos_lat(b)).to_bits(),
                    distance_km(anchor.lonlat, b).to_bits()
                );
            }
        }
    }

    #[test]
    fn the_tree_finds_the_anchors_the_list_finds() {
        // A grid of anchors, some named twice by one match's neighbours,
        // every third by a match of one of five names sure by its prior;
        // then one point named 50 times by matches of one name, and 50 times
        // by matches of none (the tree keeps a few of each).
        let list = || {
            let grid = (0..200).map(|k| {
                let lonlat = Point::new(f64::from(k % 20) * 3.7 - 30.0, f64::from(k / 20) * 5.3 - 20.0);
                let plain_name = (k % 3 == 0).then_some((k % 5) as u64);
                Anchor::new(lonlat, CountryCode::default(), k as usize * 2, plain_name)
            });
            let repeated = (0..100).map(|k| {
                let plain_name = (k % 2 == 0).then_some(1);
                Anchor::new(Point::new(12.0, 8.0), CountryCode::default(), 401 + k, plain_name)
            });
            grid.chain(repeated).collect::<Vec<_>>()
        };
        let with_tree = Anchors::new(list());
        assert!(with_tree.tree.is_some());
        let mut plain = Anchors::new(list());
        plain.tree = None;
        for (k, probe) in [(0.3, 0.1), (-29.9, -19.8), (40.0, 35.0), (12.2, 7.9)]
            .iter()
            .enumerate()
        {
            let p = Point::new(probe.0, probe.1);
            for (at, name) in [(0, 0), (2, 1), (7, 9), (2 * k + 40, 4), (401, 1), (402, 1), (403, 7)] {
                let a: Vec<&Anchor> = with_tree.nearest3(p, at, name).collect();
                let b: Vec<&Anchor> = plain.nearest3(p, at, name).collect();
                // The same points (copies of one point may stand for others).
                assert_eq!(
                    a.iter().map(|a| a.lonlat).collect::<Vec<_>>(),
                    b.iter().map(|b| b.lonlat).collect::<Vec<_>>()
                );
                assert_eq!(a.len(), 3);
                assert!(a.iter().all(|a| a.at != at && a.plain_name != Some(name)));
            }
        }
    }

    #[test]
    fn any_within_agrees_with_every_distance() {
        // Points 0.1 to 1 degree apart at four latitudes, so that some lie
        // just inside 50 km and some just out.
        let list = || {
            let mut list = Vec::new();
            for (k, &(x, y)) in [(30.0, 0.0), (30.0, 49.5), (-95.5, 33.6), (170.0, 65.0), (-170.0, 65.1)]
                .iter()
                .enumerate()
            {
                for step in 0..10u32 {
                    let d = 0.1 * f64::from(step);
                    list.push(Anchor::new(
                        Point::new(x + d, y + d / 2.0),
                        CountryCode::default(),
                        k * 10 + step as usize,
                        Some(u64::from(step)),
                    ));
                }
            }
            list
        };
        let mut plain = Anchors::new(list());
        assert!(plain.tree.is_none());
        let mut padded = list();
        padded.extend((0..60u32).map(|k| {
            Anchor::new(
                Point::new(-60.0, f64::from(k)),
                CountryCode::default(),
                1000 + k as usize,
                None,
            )
        }));
        let with_tree = Anchors::new(padded);
        assert!(with_tree.tree.is_some());
        plain.tree = None;
        // How many probes found none and some.
        let mut answers = [0; 2];
        for probe in [
            (30.2, 0.3),
            (30.45, 49.6),
            (-95.2, 33.9),
            (170.15, 65.05),
            (-169.5, 65.3),
            (10.0, 10.0),
        ] {
            let p = Point::new(probe.0, probe.1);
            for (at, name) in [(usize::MAX, u64::MAX), (0, 0), (12, 2), (31, 1)] {
                let expected = list()
                    .iter()
                    .any(|a| a.at != at && a.plain_name != Some(name) && distance_km(a.lonlat, p) <= 50.0);
                answers[usize::from(expected)] += 1;
                assert_eq!(
                    plain.any_within(p, cos_lat(p), 50.0, at, name),
                    expected,
                    "{probe:?} {at} {name}"
                );
                assert_eq!(
                    with_tree.any_within(p, cos_lat(p), 50.0, at, name),
                    expected,
                    "{probe:?} {at} {name}"
                );
            }
        }
        assert!(answers[0] > 2 && answers[1] > 2, "{answers:?}");
    }
}
