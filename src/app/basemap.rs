//! The offline basemap: Natural Earth countries (filled, with borders and
//! labels) and admin-1 regions (outlines), triangulated once, culled with an
//! R-tree and projected for each frame. No egui here: a frame is plain
//! screen coordinates the map layer turns into meshes and lines.

use geo::{BoundingRect, MultiPolygon, Simplify, TriangulateEarcut};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::projection::{ScreenView, to_unit};
use crate::gazetteer::{Gazetteer, Kind, RegionId, country_outlines, region_shapes};

/// Below this zoom the coarse outlines are drawn.
const COARSE_BELOW_ZOOM: f64 = 4.0;
/// Region outlines appear from this zoom on.
pub const REGIONS_FROM_ZOOM: f64 = 4.5;
/// Tolerance of the coarse outlines, degrees.
const COARSE_DEGREES: f64 = 0.12;

/// A triangulated shape in unit Mercator coordinates.
#[derive(Clone, Debug, Default)]
pub struct ShapeMesh {
    /// Vertices of the triangles.
    pub vertices: Vec<[f64; 2]>,
    /// Three indexes a triangle.
    pub indices: Vec<u32>,
    /// The outline rings.
    pub rings: Vec<Vec<[f64; 2]>>,
    /// The bounding box `[min_x, min_y, max_x, max_y]` of the rings.
    pub bounds: Option<[f64; 4]>,
}

impl ShapeMesh {
    /// Triangulates a lon/lat outline.
    pub fn new(shape: &MultiPolygon<f64>) -> ShapeMesh {
        let mut mesh = ShapeMesh::default();
        for polygon in &shape.0 {
            let raw = polygon.earcut_triangles_raw();
            let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
            mesh.vertices
                .extend(raw.vertices.iter().map(|&[x, y]| to_unit(geo::Point::new(x, y))));
            mesh.indices.extend(
                raw.triangle_indices
                    .iter()
                    .map(|&i| base + u32::try_from(i).unwrap_or(0)),
            );
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                mesh.rings.push(ring.points().map(to_unit).collect());
            }
        }
        mesh.bounds = bounds_of(&mesh.rings);
        mesh
    }

    /// Whether the shape's bounding box meets a unit-coordinate box.
    pub fn overlaps(&self, unit_box: [f64; 4]) -> bool {
        self.bounds
            .is_some_and(|b| b[0] <= unit_box[2] && b[2] >= unit_box[0] && b[1] <= unit_box[3] && b[3] >= unit_box[1])
    }

    /// Appends the triangles, projected, to `out`.
    pub fn project_fill(&self, view: &ScreenView, out: &mut FillMesh) {
        let base = u32::try_from(out.vertices.len()).unwrap_or(u32::MAX);
        let t = view.transform();
        out.vertices.extend(self.vertices.iter().map(|&v| t.apply(v)));
        out.indices.extend(self.indices.iter().map(|i| base + i));
    }

    /// Appends the outline rings, projected, to `out`.
    pub fn project_rings(&self, view: &ScreenView, out: &mut Vec<Vec<[f32; 2]>>) {
        let t = view.transform();
        out.extend(self.rings.iter().map(|r| r.iter().map(|&v| t.apply(v)).collect()));
    }
}

/// Triangles on the screen.
#[derive(Clone, Debug, Default)]
pub struct FillMesh {
    /// Screen positions.
    pub vertices: Vec<[f32; 2]>,
    /// Three indexes a triangle.
    pub indices: Vec<u32>,
}

/// A country of the basemap.
struct Country {
    name: &'static str,
    label: [f64; 2],
    label_rank: u8,
    fine: ShapeMesh,
    coarse: ShapeMesh,
}

/// The basemap, ready to draw.
pub struct Basemap {
    countries: Vec<Country>,
    country_tree: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    regions: Vec<Vec<Vec<[f64; 2]>>>,
    region_tree: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
}

/// A label candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Where it goes on the screen.
    pub pos: [f32; 2],
    /// Its text.
    pub text: String,
    /// Lower is more important (countries 0-10, cities from 10 on).
    pub rank: u8,
}

/// The largest cities, for labels that appear as the user zooms in.
pub struct CityLabels {
    /// Position, name and population, most populous first.
    cities: Vec<([f64; 2], String, u64)>,
}

/// Cities kept for labels.
const CITY_LABELS: usize = 6_000;
/// A city this close to a larger one is taken for one of its districts.
const DISTRICT_KM: f64 = 15.0;

impl CityLabels {
    /// The most populous cities of `gazetteer`, leaving out the districts
    /// of larger cities (GeoNames lists many city sections with their own
    /// population: a city with a larger one within [`DISTRICT_KM`]).
    pub fn new(gazetteer: &Gazetteer) -> CityLabels {
        let mut candidates: Vec<&crate::gazetteer::Place> = gazetteer
            .places()
            .iter()
            .filter(|p| p.kind == Kind::City && p.population >= 20_000)
            .collect();
        candidates.sort_by_key(|p| std::cmp::Reverse(p.population));
        let mut cities = Vec::new();
        for p in candidates {
            let district = gazetteer.near(p.lonlat, DISTRICT_KM).iter().any(|n| {
                gazetteer
                    .place(n.place)
                    .is_some_and(|o| o.kind == Kind::City && o.population > p.population)
            });
            if !district {
                cities.push((to_unit(p.lonlat), p.name.to_string(), p.population));
                if cities.len() == CITY_LABELS {
                    break;
                }
            }
        }
        CityLabels { cities }
    }

    /// Smallest population labelled at a zoom: 8 million for the whole
    /// world, about a tenth of that every two zoom levels in.
    pub fn min_population(zoom: f64) -> u64 {
        (8.0e6 / ((zoom - 2.0).max(0.0) * 1.1).exp2()) as u64
    }

    /// Appends the labels of the cities on screen that are populous enough for the zoom.
    pub fn visible(&self, view: &ScreenView, out: &mut Vec<Label>) {
        let min = CityLabels::min_population(view.zoom);
        let b = view.unit_box(0.0);
        for (unit, name, population) in self.cities.iter().take_while(|c| c.2 >= min) {
            if unit[0] >= b[0] && unit[0] <= b[2] && unit[1] >= b[1] && unit[1] <= b[3] {
                let rank = 10 + (20.0 - (*population as f64).log2()).clamp(0.0, 20.0) as u8;
                out.push(Label {
                    pos: view.unit_to_screen(*unit),
                    text: name.clone(),
                    rank,
                });
            }
        }
    }
}

/// What the basemap draws in one frame.
#[derive(Clone, Debug, Default)]
pub struct BasemapFrame {
    /// Land.
    pub land: FillMesh,
    /// Country borders and coasts.
    pub borders: Vec<Vec<[f32; 2]>>,
    /// Admin-1 region outlines (from [`REGIONS_FROM_ZOOM`] on).
    pub regions: Vec<Vec<[f32; 2]>>,
    /// Country labels worth showing at this zoom, most important first.
    pub labels: Vec<Label>,
}

fn bounds_of(rings: &[Vec<[f64; 2]>]) -> Option<[f64; 4]> {
    let mut points = rings.iter().flatten();
    let first = *points.next()?;
    Some(points.fold([first[0], first[1], first[0], first[1]], |b, p| {
        [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])]
    }))
}

fn rectangle(bounds: [f64; 4]) -> Rectangle<[f64; 2]> {
    Rectangle::from_corners([bounds[0], bounds[1]], [bounds[2], bounds[3]])
}

impl Basemap {
    /// Decodes and triangulates the embedded outlines (a fraction of a second;
    /// the viewer does it on a background thread).
    pub fn new() -> Basemap {
        let countries: Vec<Country> = country_outlines()
            .iter()
            .map(|c| Country {
                name: c.name.as_str(),
                label: to_unit(c.label),
                label_rank: c.label_rank,
                fine: ShapeMesh::new(&c.shape),
                coarse: ShapeMesh::new(&c.shape.simplify(COARSE_DEGREES)),
            })
            .collect();
        let country_tree = RTree::bulk_load(
            countries
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some(GeomWithData::new(rectangle(c.fine.bounds?), i)))
                .collect(),
        );
        let regions: Vec<Vec<Vec<[f64; 2]>>> = region_shapes()
            .iter()
            .map(|(_, shape)| {
                shape
                    .0
                    .iter()
                    .map(|p| p.exterior().points().map(to_unit).collect())
                    .collect()
            })
            .collect();
        let region_tree = RTree::bulk_load(
            regions
                .iter()
                .enumerate()
                .filter_map(|(i, rings)| Some(GeomWithData::new(rectangle(bounds_of(rings)?), i)))
                .collect(),
        );
        Basemap {
            countries,
            country_tree,
            regions,
            region_tree,
        }
    }

    /// Culls and projects the basemap for `view` into `out`.
    pub fn build_frame(&self, view: &ScreenView, out: &mut BasemapFrame) {
        out.land.vertices.clear();
        out.land.indices.clear();
        out.borders.clear();
        out.regions.clear();
        out.labels.clear();
        let b = view.unit_box(0.0);
        let envelope = AABB::from_corners([b[0], b[1]], [b[2], b[3]]);
        let coarse = view.zoom < COARSE_BELOW_ZOOM;
        let max_rank = (view.zoom * 1.5 + 1.0) as u8;
        for hit in self.country_tree.locate_in_envelope_intersecting(&envelope) {
            let c = &self.countries[hit.data];
            let mesh = if coarse { &c.coarse } else { &c.fine };
            mesh.project_fill(view, &mut out.land);
            mesh.project_rings(view, &mut out.borders);
            if c.label_rank <= max_rank {
                out.labels.push(Label {
                    pos: view.unit_to_screen(c.label),
                    text: c.name.to_string(),
                    rank: c.label_rank,
                });
            }
        }
        out.labels.sort_by_key(|l| l.rank);
        if view.zoom >= REGIONS_FROM_ZOOM {
            for hit in self.region_tree.locate_in_envelope_intersecting(&envelope) {
                let t = view.transform();
                out.regions.extend(
                    self.regions[hit.data]
                        .iter()
                        .map(|r| r.iter().map(|&v| t.apply(v)).collect::<Vec<_>>()),
                );
            }
        }
    }
}

impl Default for Basemap {
    fn default() -> Self {
        Basemap::new()
    }
}

/// Triangulated region outlines for the claims layer, made on first use.
#[derive(Default)]
pub struct RegionMeshes {
    meshes: Vec<Option<ShapeMesh>>,
}

impl RegionMeshes {
    /// The mesh of a region.
    pub fn get(&mut self, region: RegionId) -> &ShapeMesh {
        if self.meshes.len() <= region.index() {
            self.meshes.resize_with(region.index() + 1, || None);
        }
        self.meshes[region.index()].get_or_insert_with(|| ShapeMesh::new(region.shape()))
    }
}

/// The lon/lat bounding box of a region outline.
pub fn region_bounds(key: &str) -> Option<[f64; 4]> {
    let r = crate::gazetteer::region_shape(key)?.bounding_rect()?;
    Some([r.min().x, r.min().y, r.max().x, r.max().y])
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Point;

    #[test]
    fn a_view_of_ukraine_draws_its_land_borders_regions_and_label() {
        let basemap = Basemap::new();
        let view = ScreenView::new(Point::new(33.0, 48.5), 5.5, [0.0, 0.0, 1200.0, 800.0]);
        let mut frame = BasemapFrame::default();
        basemap.build_frame(&view, &mut frame);
        assert!(frame.land.indices.len() >= 3 && frame.land.indices.len() % 3 == 0);
        assert!(frame.borders.len() > 3 && !frame.regions.is_empty());
        let ukraine = frame.labels.iter().find(|l| l.text == "Ukraine").expect("a label");
        assert!(ukraine.pos[0] > 0.0 && ukraine.pos[0] < 1200.0);
        // Seen from the middle of the Pacific, no land of Ukraine's is drawn.
        let pacific = ScreenView::new(Point::new(-150.0, 0.0), 6.0, [0.0, 0.0, 1200.0, 800.0]);
        basemap.build_frame(&pacific, &mut frame);
        assert!(frame.labels.iter().all(|l| l.text != "Ukraine"));
    }

    #[test]
    fn city_labels_grow_in_number_as_the_map_zooms_in() {
        let g = Gazetteer::embedded().unwrap();
        let cities = CityLabels::new(&g);
        let count = |zoom| {
            let mut out = Vec::new();
            cities.visible(
                &ScreenView::new(Point::new(33.0, 48.5), zoom, [0.0, 0.0, 1200.0, 800.0]),
                &mut out,
            );
            out
        };
        let names = |zoom| count(zoom).into_iter().map(|l| l.text).collect::<Vec<_>>();
        let far = names(5.0);
        let near = names(7.0);
        assert!(
            far.contains(&"Kyiv".to_string()) && !far.contains(&"Poltava".to_string()),
            "{far:?}"
        );
        assert!(near.contains(&"Poltava".to_string()), "{near:?}");
        // Districts of Kyiv are not labelled as cities.
        assert!(!near.iter().any(|n| n == "Obolon" || n == "Darnytsya"), "{near:?}");
    }
}
