//! The map panel: walkers with no tiles (or OpenStreetMap tiles when the
//! user turns them on) under georef's own layers: the basemap, the claims,
//! the place markers and the labels. Hit-testing uses the map model.

use std::sync::{Arc, OnceLock};

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Shape, Stroke, Ui, pos2, vec2};
use geo::{Contains, Point};
use walkers::sources::{Attribution, OpenStreetMap};
use walkers::{HttpOptions, HttpTiles, Map, MapMemory, Tiles, lon_lat};

use super::colors;
use crate::app::basemap::{Basemap, CityLabels, FillMesh, Label, RegionMeshes};
use crate::app::frame::MapFrame;
use crate::app::map_model::marker_at;
use crate::app::projection::{ScreenView, from_unit};
use crate::app::state::{AppState, Selection};
use crate::gazetteer::RegionId;

/// Radius of a claim's ring where its place has no marker of its own, in points.
const RING_RADIUS: f32 = 13.0;

/// The map's own state between frames.
pub struct MapPanel {
    /// The walkers map state (centre, zoom).
    pub memory: MapMemory,
    basemap: Arc<OnceLock<Basemap>>,
    cities: Option<CityLabels>,
    regions: RegionMeshes,
    frame: MapFrame,
    tiles: Option<HttpTiles>,
    /// The view drawn last frame.
    pub view: Option<ScreenView>,
    /// A lon/lat box to fit on the next frame.
    pub fit: Option<[f64; 4]>,
}

impl MapPanel {
    /// A map centred as `state` says; the basemap is built on a background thread.
    pub fn new(ctx: &egui::Context, state: &AppState) -> MapPanel {
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(state.settings.center[0], state.settings.center[1]));
        let _ = memory.set_zoom(state.settings.zoom); // out of range: the default zoom stays
        let basemap = Arc::new(OnceLock::new());
        let cell = Arc::clone(&basemap);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = cell.set(Basemap::new());
            ctx.request_repaint();
        });
        MapPanel {
            memory,
            basemap,
            cities: None,
            regions: RegionMeshes::default(),
            frame: MapFrame::default(),
            tiles: None,
            view: None,
            fit: None,
        }
    }

    /// Draws the map and handles hover and clicks.
    pub fn show(&mut self, ui: &mut Ui, state: &mut AppState) {
        if self.cities.is_none()
            && let Some(g) = &state.gazetteer
        {
            self.cities = Some(CityLabels::new(g));
        }
        if let (Some(bounds), Some(view)) = (self.fit.take(), self.view) {
            let fitted = ScreenView::fit(bounds, view.rect, 11.0);
            self.memory.center_at(from_unit(fitted.center));
            let _ = self.memory.set_zoom(fitted.zoom);
        }
        let online = state.settings.online_tiles;
        if online && self.tiles.is_none() {
            self.tiles = Some(online_tiles(ui.ctx()));
        }
        let tiles: Option<&mut dyn Tiles> = match (&mut self.tiles, online) {
            (Some(t), true) => Some(t),
            _ => None,
        };
        let attribution = tiles.as_ref().map(|t| t.attribution());
        let center = lon_lat(state.settings.center[0], state.settings.center[1]);
        let layers = Layers {
            basemap: self.basemap.get(),
            cities: self.cities.as_ref(),
            regions: &mut self.regions,
            frame: &mut self.frame,
            online,
        };
        let mut drawn_view = None;
        let zoom_to = Map::new(tiles, &mut self.memory, center)
            .double_click_to_zoom(true)
            .show(ui, |ui, response, projector, _memory| {
                let rect = response.rect;
                let middle = projector.unproject(rect.center().to_vec2());
                let view = ScreenView::new(
                    middle,
                    projector.zoom(),
                    [rect.min.x, rect.min.y, rect.max.x, rect.max.y],
                );
                drawn_view = Some(view);
                layers.draw(ui, response, &view, state, attribution)
            })
            .inner;
        if let Some((lonlat, zoom)) = zoom_to {
            self.center_on(lonlat);
            let _ = self.memory.set_zoom(zoom);
        }
        if let Some(view) = drawn_view {
            self.view = Some(view);
            let c = from_unit(view.center);
            state.settings.center = [c.x(), c.y()];
            state.settings.zoom = view.zoom;
        }
    }

    /// Zooms in (`true`) or out one level.
    pub fn zoom(&mut self, zoom_in: bool) {
        let _ = if zoom_in {
            self.memory.zoom_in()
        } else {
            self.memory.zoom_out()
        };
    }

    /// Centres the map on a lon/lat point.
    pub fn center_on(&mut self, lonlat: Point<f64>) {
        self.memory.center_at(lon_lat(lonlat.x(), lonlat.y()));
    }
}

fn online_tiles(ctx: &egui::Context) -> HttpTiles {
    let cache = crate::app::data_dir().map(|d| d.join("tiles"));
    let options = HttpOptions {
        cache,
        user_agent: Some(walkers::HeaderValue::from_static(concat!(
            "georef/",
            env!("CARGO_PKG_VERSION"),
            " (desktop news map viewer)"
        ))),
        ..HttpOptions::default()
    };
    HttpTiles::with_options(OpenStreetMap, options, ctx.clone())
}

/// What one frame draws with, borrowed from the panel.
struct Layers<'a> {
    basemap: Option<&'a Basemap>,
    cities: Option<&'a CityLabels>,
    regions: &'a mut RegionMeshes,
    frame: &'a mut MapFrame,
    online: bool,
}

fn pos([x, y]: [f32; 2]) -> Pos2 {
    pos2(x, y)
}

fn mesh(fill: &FillMesh, color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(fill.vertices.len());
    mesh.reserve_triangles(fill.indices.len() / 3);
    for &v in &fill.vertices {
        mesh.colored_vertex(pos(v), color);
    }
    mesh.indices.extend_from_slice(&fill.indices);
    mesh
}

impl Layers<'_> {
    fn draw(
        self,
        ui: &mut Ui,
        response: &egui::Response,
        view: &ScreenView,
        state: &mut AppState,
        attribution: Option<Attribution>,
    ) -> Option<(Point<f64>, f64)> {
        let rect = response.rect;
        let painter = ui.painter().with_clip_rect(rect);
        if !self.online {
            painter.rect_filled(rect, 0.0, colors::SEA);
        }
        let size_by = state.settings.size_by;
        let show_claims = state.settings.show_claims;
        let circles = state.settings.show_area_circles;
        let selection = state.selection;
        let mut claim_rings: Vec<(usize, Pos2, f32)> = Vec::new();
        let mut claim_regions: Vec<(usize, RegionId)> = Vec::new();
        match state.model() {
            Some(model) => self
                .frame
                .build(self.basemap, model, self.regions, view, size_by, show_claims),
            None => {
                if let Some(b) = self.basemap {
                    b.build_frame(view, &mut self.frame.basemap);
                }
            }
        }
        let base = &self.frame.basemap;
        if !self.online {
            painter.add(Shape::mesh(mesh(&base.land, colors::LAND)));
        }
        for ring in &base.regions {
            painter.add(Shape::line(
                ring.iter().copied().map(pos).collect(),
                Stroke::new(0.6, colors::REGION),
            ));
        }
        for ring in &base.borders {
            painter.add(Shape::line(
                ring.iter().copied().map(pos).collect(),
                Stroke::new(0.9, colors::BORDER),
            ));
        }
        if let Some(model) = state.model() {
            // A place claim's ring goes around the place's marker, drawn over the markers.
            let marker_radius: std::collections::HashMap<u32, f32> = self
                .frame
                .markers
                .iter()
                .filter(|d| d.places == 1)
                .map(|d| (d.place, d.radius))
                .collect();
            let mut rings: Vec<(Pos2, f32, Stroke)> = Vec::new();
            for shape in &self.frame.claims {
                let Some(c) = model.claims.get(shape.mark) else {
                    continue;
                };
                let color = colors::side(model.side_of(c));
                let selected = selection == Selection::Claim(c.claim);
                let alpha = if c.faded { 0.25 } else { 0.45 };
                let at = pos(shape.center);
                if shape.fill.indices.is_empty() {
                    let radius = marker_radius.get(&c.place).map_or(RING_RADIUS, |r| r + 4.0);
                    let width = if selected {
                        4.0
                    } else if c.faded {
                        1.5
                    } else {
                        2.5
                    };
                    rings.push((at, radius, Stroke::new(width, color.gamma_multiply(alpha * 2.0))));
                    claim_rings.push((c.claim, at, radius));
                } else {
                    painter.add(Shape::mesh(mesh(&shape.fill, color.gamma_multiply(alpha * 0.6))));
                    let width = if selected { 3.0 } else { 1.5 };
                    for ring in &shape.rings {
                        painter.add(Shape::line(
                            ring.iter().copied().map(pos).collect(),
                            Stroke::new(width, color),
                        ));
                    }
                    if let Some(region) = c.region {
                        claim_regions.push((c.claim, region));
                    }
                }
                if circles && let Some(km2) = c.area_km2 {
                    let metres = (km2 * 1e6 / std::f64::consts::PI).sqrt();
                    let r = (metres * view.points_per_metre(from_unit(c.unit).y())) as f32;
                    painter.circle(at, r, color.gamma_multiply(0.12), Stroke::new(1.0, color));
                }
            }
            for d in self.frame.markers.iter().rev() {
                let color = colors::palette(d.color);
                let selected = selection == Selection::Place(d.place) && d.places == 1;
                let stroke = if selected {
                    Stroke::new(3.0, Color32::BLACK)
                } else {
                    Stroke::new(1.0, Color32::WHITE)
                };
                painter.circle(pos(d.pos), d.radius, color.gamma_multiply(0.85), stroke);
                if d.places > 1 {
                    let count = d.places.to_string();
                    painter.text(
                        pos(d.pos),
                        Align2::CENTER_CENTER,
                        count,
                        FontId::proportional(11.0),
                        Color32::WHITE,
                    );
                }
            }
            for (at, radius, stroke) in rings {
                painter.circle_stroke(at, radius, stroke);
            }
        }
        self.labels(&painter, view);
        let corner = rect.right_bottom() - vec2(6.0, 4.0);
        match attribution {
            Some(a) => painter.text(
                corner,
                Align2::RIGHT_BOTTOM,
                a.text,
                FontId::proportional(11.0),
                Color32::BLACK,
            ),
            None => painter.text(
                corner,
                Align2::RIGHT_BOTTOM,
                "Basemap: Natural Earth",
                FontId::proportional(10.0),
                colors::LABEL,
            ),
        };
        self.interact(response, view, state, &claim_rings, &claim_regions)
    }

    fn labels(&self, painter: &egui::Painter, view: &ScreenView) {
        let mut labels: Vec<Label> = self.frame.basemap.labels.clone();
        if let Some(cities) = self.cities {
            cities.visible(view, &mut labels);
        }
        labels.sort_by_key(|l| l.rank);
        let mut taken: Vec<Rect> = Vec::new();
        for label in labels.iter().take(400) {
            let country = label.rank < 10;
            let font = if country {
                FontId::proportional(13.0)
            } else {
                FontId::proportional(11.0)
            };
            let galley = painter.layout_no_wrap(label.text.clone(), font, colors::LABEL);
            let size = galley.size();
            let anchor = pos(label.pos);
            let at = if country {
                anchor - size / 2.0
            } else {
                anchor + vec2(4.0, -size.y - 1.0)
            };
            let r = Rect::from_min_size(at, size).expand(2.0);
            if taken.iter().any(|t| t.intersects(r)) {
                continue;
            }
            taken.push(r);
            if !country {
                painter.circle_filled(anchor, 2.0, colors::LABEL);
            }
            painter.galley(at, galley, colors::LABEL);
        }
    }

    fn interact(
        &self,
        response: &egui::Response,
        view: &ScreenView,
        state: &mut AppState,
        rings: &[(usize, Pos2, f32)],
        regions: &[(usize, RegionId)],
    ) -> Option<(Point<f64>, f64)> {
        let pointer = response.hover_pos();
        let hit = pointer
            .and_then(|p| marker_at(&self.frame.markers, [p.x, p.y]))
            .cloned();
        if let Some(d) = &hit
            && let Some(g) = &state.gazetteer
            && let Some(place) = g.place(d.place)
        {
            let text = if d.places > 1 {
                format!("{} places ({} and others)\nclick to zoom in", d.places, place.name)
            } else {
                let what = match state.settings.size_by {
                    crate::app::map_model::SizeBy::Mentions => "mentions",
                    crate::app::map_model::SizeBy::Sources => "independent sources",
                };
                format!(
                    "{}\n{}, {}\n{} {what}",
                    place.name,
                    place.kind,
                    place.country.as_str(),
                    d.weight
                )
            };
            response.clone().on_hover_text_at_pointer(text);
        }
        if !response.clicked() {
            return None;
        }
        let p = pointer?;
        if let Some(d) = hit {
            if d.places > 1 {
                return Some((view.unproject([d.pos[0], d.pos[1]]), view.zoom + 2.0));
            }
            state.select_place(d.place);
            return None;
        }
        let on_ring = rings
            .iter()
            .find(|(_, c, r)| ((c.x - p.x).powi(2) + (c.y - p.y).powi(2)).sqrt() <= r + 6.0);
        if let Some((claim, _, _)) = on_ring {
            state.select_claim(*claim);
            return None;
        }
        let lonlat = view.unproject([p.x, p.y]);
        let in_region = regions
            .iter()
            .rev()
            .find(|(_, region)| region.shape().contains(&lonlat));
        match in_region {
            Some((claim, _)) => state.select_claim(*claim),
            None => state.selection = Selection::None,
        }
        None
    }
}
