//! What the map shows, without egui: one marker per place in view (built
//! when the filter or the corrections change) and, every frame, the markers
//! culled to the screen and clustered where they overlap.

use std::collections::HashMap;

use rstar::RTree;
use rstar::primitives::GeomWithData;
use serde::{Deserialize, Serialize};

use super::projection::{ScreenView, to_unit};
use crate::corpus::{Corpus, ViewFilter};
use crate::gazetteer::Gazetteer;

/// What colours the markers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColorBy {
    /// The article that mentions the place most.
    #[default]
    Article,
    /// The outlet that mentions the place most.
    Outlet,
}

/// What sizes the markers (their area is proportional to it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizeBy {
    /// Mentions in view.
    #[default]
    Mentions,
    /// Independent sources (articles that are not copies of each other).
    Sources,
}

/// One place in view.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMarker {
    /// The place's index in the gazetteer.
    pub place: u32,
    /// Its position in unit Mercator coordinates.
    pub unit: [f64; 2],
    /// Mentions in view.
    pub mentions: u32,
    /// Independent sources in view.
    pub sources: u32,
    /// Index into [`MapModel::legend`].
    pub color: u32,
}

/// One claim in view with a place to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMark {
    /// Index in `Corpus::claims`.
    pub claim: usize,
    /// The claim's first place (gazetteer index).
    pub place: u32,
    /// Its position in unit Mercator coordinates.
    pub unit: [f64; 2],
    /// The region outline key when the place is a region with one.
    pub region: Option<String>,
    /// Who holds the place afterwards (ISO code), when known.
    pub side: Option<String>,
    /// Hedged, or contradicted by another claim: drawn faded.
    pub faded: bool,
    /// The area claimed, km².
    pub area_km2: Option<f64>,
}

/// The map's content for one filter.
pub struct MapModel {
    /// Places in view, most mentioned first.
    pub markers: Vec<PlaceMarker>,
    /// Claims in view that name a place.
    pub claims: Vec<ClaimMark>,
    /// Legend labels: article titles or outlet names; a marker's `color` indexes them.
    pub legend: Vec<String>,
    /// Each article's legend index, `None` when it is out of view.
    pub article_colors: Vec<Option<u32>>,
    /// Articles in view.
    pub articles_in_view: usize,
    /// Place mentions counted.
    pub mentions_in_view: usize,
    tree: RTree<GeomWithData<[f64; 2], u32>>,
}

impl MapModel {
    /// The model of what `filter` shows of `corpus`.
    pub fn build(corpus: &Corpus, gazetteer: &Gazetteer, filter: &ViewFilter, color_by: ColorBy) -> MapModel {
        let in_view = corpus.in_view(filter);
        let mut legend_of: HashMap<String, u32> = HashMap::new();
        let mut legend: Vec<String> = Vec::new();
        let mut article_color: Vec<u32> = vec![0; corpus.articles.len()];
        for (i, a) in corpus.articles.iter().enumerate().filter(|(i, _)| in_view[*i]) {
            let label = match color_by {
                ColorBy::Article => format!("{} {}", i + 1, a.title.as_deref().unwrap_or(&a.id)),
                ColorBy::Outlet => a.source.clone().unwrap_or_else(|| "unknown outlet".into()),
            };
            let next = u32::try_from(legend.len()).unwrap_or(u32::MAX);
            article_color[i] = *legend_of.entry(label.clone()).or_insert_with(|| {
                legend.push(label);
                next
            });
        }
        struct Tally {
            mentions: u32,
            sources: Vec<usize>,
            colors: Vec<(u32, u32)>,
        }
        let mut tallies: HashMap<u32, Tally> = HashMap::new();
        let mut mentions_in_view = 0;
        for (a, mentions) in corpus.mentions.iter().enumerate() {
            if !in_view[a] {
                continue;
            }
            for (i, m) in mentions.iter().enumerate() {
                if !corpus.mention_counts(filter, a, i, gazetteer) {
                    continue;
                }
                mentions_in_view += 1;
                let t = tallies.entry(m.place).or_insert_with(|| Tally {
                    mentions: 0,
                    sources: Vec::new(),
                    colors: Vec::new(),
                });
                t.mentions += 1;
                let source = corpus.syndication[a];
                if !t.sources.contains(&source) {
                    t.sources.push(source);
                }
                match t.colors.iter_mut().find(|(c, _)| *c == article_color[a]) {
                    Some((_, n)) => *n += 1,
                    None => t.colors.push((article_color[a], 1)),
                }
            }
        }
        let mut markers: Vec<PlaceMarker> = tallies
            .into_iter()
            .filter_map(|(place, t)| {
                let p = gazetteer.place(place)?;
                let color = t.colors.iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))?.0;
                Some(PlaceMarker {
                    place,
                    unit: to_unit(p.lonlat),
                    mentions: t.mentions,
                    sources: u32::try_from(t.sources.len()).unwrap_or(u32::MAX),
                    color,
                })
            })
            .collect();
        markers.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.place.cmp(&b.place)));
        let tree = RTree::bulk_load(
            markers
                .iter()
                .enumerate()
                .map(|(i, m)| GeomWithData::new(m.unit, u32::try_from(i).unwrap_or(u32::MAX)))
                .collect(),
        );
        let claims = corpus
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| in_view.get(c.article_index).copied().unwrap_or(false) && filter.includes_claim(c))
            .filter_map(|(i, c)| {
                let first = c.places.first()?;
                let p = gazetteer.place(first.place)?;
                let contradicted = corpus.groups.get(c.group).is_some_and(|g| g.contradiction);
                Some(ClaimMark {
                    claim: i,
                    place: first.place,
                    unit: to_unit(p.lonlat),
                    region: p.polygon.as_deref().map(str::to_string),
                    side: c.controller_after.as_ref().map(|s| s.code.clone()),
                    faded: c.hedged || contradicted,
                    area_km2: c.area.as_ref().map(|a| a.km2),
                })
            })
            .collect();
        let article_colors = article_color
            .iter()
            .zip(&in_view)
            .map(|(&c, &v)| v.then_some(c))
            .collect();
        MapModel {
            markers,
            claims,
            legend,
            article_colors,
            articles_in_view: in_view.iter().filter(|&&v| v).count(),
            mentions_in_view,
            tree,
        }
    }

    /// The marker of a place, when it is in view.
    pub fn marker_of(&self, place: u32) -> Option<&PlaceMarker> {
        self.markers.iter().find(|m| m.place == place)
    }

    /// Indexes of the markers inside a unit-coordinate box.
    pub fn markers_in(&self, unit_box: [f64; 4]) -> Vec<u32> {
        let envelope = rstar::AABB::from_corners([unit_box[0], unit_box[1]], [unit_box[2], unit_box[3]]);
        self.tree.locate_in_envelope(&envelope).map(|g| g.data).collect()
    }
}

/// A marker (or a cluster of them) on the screen.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnMarker {
    /// Screen position of its centre.
    pub pos: [f32; 2],
    /// Radius in points.
    pub radius: f32,
    /// Legend index of its largest member.
    pub color: u32,
    /// Its largest member (a place index); a single marker's only place.
    pub place: u32,
    /// The number of places clustered into it (1: a single place).
    pub places: u32,
    /// Sum of the members' sizes (mentions or sources).
    pub weight: u32,
}

/// Screen distance under which markers join a cluster, in points.
pub const CLUSTER_DISTANCE: f32 = 18.0;

/// A marker's radius: its area grows with its weight.
pub fn marker_radius(weight: u32) -> f32 {
    (3.0 + 2.5 * (weight as f32).sqrt()).min(40.0)
}

/// The markers of `model` that fall on the screen of `view`, clustered
/// greedily (largest first) where they would overlap; written to `out`.
pub fn build_frame(model: &MapModel, view: &ScreenView, size_by: SizeBy, out: &mut Vec<DrawnMarker>) {
    out.clear();
    let mut visible = model.markers_in(view.unit_box(40.0));
    visible.sort_unstable(); // markers are stored largest first
    let cell = CLUSTER_DISTANCE * 2.0;
    let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for index in visible {
        let Some(m) = model.markers.get(index as usize) else {
            continue;
        };
        let pos = view.unit_to_screen(m.unit);
        let weight = match size_by {
            SizeBy::Mentions => m.mentions,
            SizeBy::Sources => m.sources,
        };
        let key = ((pos[0] / cell).floor() as i32, (pos[1] / cell).floor() as i32);
        let mut joined = None;
        'search: for dx in -1..=1 {
            for dy in -1..=1 {
                for &c in grid.get(&(key.0 + dx, key.1 + dy)).into_iter().flatten() {
                    let d = out[c].pos;
                    let dist = ((d[0] - pos[0]).powi(2) + (d[1] - pos[1]).powi(2)).sqrt();
                    if dist < CLUSTER_DISTANCE.max(out[c].radius * 0.8) {
                        joined = Some(c);
                        break 'search;
                    }
                }
            }
        }
        match joined {
            Some(c) => {
                let cluster = &mut out[c];
                cluster.places += 1;
                cluster.weight += weight;
                cluster.radius = marker_radius(cluster.weight);
            }
            None => {
                grid.entry(key).or_default().push(out.len());
                out.push(DrawnMarker {
                    pos,
                    radius: marker_radius(weight),
                    color: m.color,
                    place: m.place,
                    places: 1,
                    weight,
                });
            }
        }
    }
}

/// The drawn marker under a screen position, the smallest first when they overlap.
pub fn marker_at(drawn: &[DrawnMarker], pos: [f32; 2]) -> Option<&DrawnMarker> {
    drawn
        .iter()
        .filter(|d| (d.pos[0] - pos[0]).powi(2) + (d.pos[1] - pos[1]).powi(2) <= (d.radius + 3.0).powi(2))
        .min_by(|a, b| a.radius.total_cmp(&b.radius))
}
