//! What the map shows, without egui: one marker per place in view (built
//! when the filter or the corrections change) and, every frame, the markers
//! culled to the screen and clustered where they overlap.

use std::collections::HashMap;

use rstar::RTree;
use rstar::primitives::GeomWithData;
use serde::{Deserialize, Serialize};

use super::projection::{ScreenView, to_unit};
use crate::corpus::{Corpus, ViewFilter};
use crate::gazetteer::{Gazetteer, Kind};

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

/// The claims in view about one place with one outcome, drawn once.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMark {
    /// Index in `Corpus::claims` of the first of them.
    pub claim: usize,
    /// How many claims the mark stands for.
    pub count: usize,
    /// The claim's first place (gazetteer index).
    pub place: u32,
    /// Its position in unit Mercator coordinates.
    pub unit: [f64; 2],
    /// The region outline key when the place is a region with one.
    pub region: Option<String>,
    /// Who holds the place afterwards (ISO code), when known.
    pub side: Option<String>,
    /// A small number for the side: 0 when not said, else 1 to 7 (sides
    /// past the seventh share 7); the frame uses it to draw one ring a side.
    pub side_slot: u8,
    /// Hedged, or contradicted by another claim: drawn faded.
    pub faded: bool,
    /// The largest area claimed, km².
    pub area_km2: Option<f64>,
}

/// One counted mention (not a demonym) in the order the map model reads them.
#[derive(Clone, Copy, Debug)]
struct Entry {
    place: u32,
    group: u32,
    article: u32,
    kind: Kind,
    boilerplate: bool,
}

/// Claims that draw as one mark: same place, same side afterwards, same fading.
struct ClaimGroup {
    claims: Vec<usize>,
    mark: ClaimMark,
}

/// What the map model needs of a corpus, arranged once (after loading and
/// after each correction) so that a filter change is a linear scan: the
/// mentions sorted by place, syndication group and article, and the claims
/// grouped by mark.
pub struct MapIndex {
    entries: Vec<Entry>,
    /// Where each place's run of entries starts, with its unit coordinates;
    /// a last item marks the end.
    places: Vec<(u32, [f64; 2])>,
    claim_groups: Vec<ClaimGroup>,
}

impl MapIndex {
    /// Arranges `corpus` for map models.
    pub fn new(corpus: &Corpus, gazetteer: &Gazetteer) -> MapIndex {
        let mut entries: Vec<Entry> = Vec::new();
        for (a, mentions) in corpus.mentions.iter().enumerate() {
            let (Ok(article), Ok(group)) = (u32::try_from(a), u32::try_from(corpus.syndication[a])) else {
                break;
            };
            for m in mentions.iter().filter(|m| !m.demonym) {
                let Some(p) = gazetteer.place(m.place) else { continue };
                entries.push(Entry {
                    place: m.place,
                    group,
                    article,
                    kind: p.kind,
                    boilerplate: corpus.is_boilerplate(a, m.byte_start),
                });
            }
        }
        entries.sort_unstable_by_key(|e| (e.place, e.group, e.article));
        let mut places: Vec<(u32, [f64; 2])> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if i == 0 || entries[i - 1].place != e.place {
                let unit = gazetteer.place(e.place).map_or([0.0, 0.0], |p| to_unit(p.lonlat));
                places.push((u32::try_from(i).unwrap_or(u32::MAX), unit));
            }
        }
        places.push((u32::try_from(entries.len()).unwrap_or(u32::MAX), [0.0, 0.0]));
        let mut claim_groups: Vec<ClaimGroup> = Vec::new();
        let mut group_of: HashMap<(u32, Option<&str>, bool), usize> = HashMap::new();
        let mut side_slots: Vec<&str> = Vec::new();
        for (i, c) in corpus.claims.iter().enumerate() {
            let Some(first) = c.places.first() else { continue };
            let Some(p) = gazetteer.place(first.place) else {
                continue;
            };
            let contradicted = corpus.groups.get(c.group).is_some_and(|g| g.contradiction);
            let side = c.controller_after.as_ref().map(|s| s.code.as_str());
            let faded = c.hedged || contradicted;
            if let Some(&g) = group_of.get(&(first.place, side, faded)) {
                claim_groups[g].claims.push(i);
                continue;
            }
            let side_slot = match side {
                None => 0,
                Some(code) => {
                    let at = side_slots.iter().position(|s| *s == code).unwrap_or_else(|| {
                        side_slots.push(code);
                        side_slots.len() - 1
                    });
                    u8::try_from(at + 1).unwrap_or(7).min(7)
                }
            };
            group_of.insert((first.place, side, faded), claim_groups.len());
            claim_groups.push(ClaimGroup {
                claims: vec![i],
                mark: ClaimMark {
                    claim: i,
                    count: 1,
                    place: first.place,
                    unit: to_unit(p.lonlat),
                    region: p.polygon.as_deref().map(str::to_string),
                    side: side.map(str::to_string),
                    side_slot,
                    faded,
                    area_km2: None,
                },
            });
        }
        MapIndex {
            entries,
            places,
            claim_groups,
        }
    }
}

impl MapIndex {
    /// The articles (sorted, unique) with a mention of `place` that counts
    /// under `filter`'s kind and boilerplate rules (the articles' own filter aside).
    pub fn articles_of(&self, place: u32, filter: &ViewFilter) -> Vec<usize> {
        let start = self.entries.partition_point(|e| e.place < place);
        let mut articles: Vec<usize> = self.entries[start..]
            .iter()
            .take_while(|e| e.place == place)
            .filter(|e| !filter.hidden_kinds.contains(&e.kind) && (filter.include_boilerplate || !e.boilerplate))
            .map(|e| e.article as usize)
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }
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
    /// The most independent sources of one place.
    pub max_sources: u32,
    tree: RTree<GeomWithData<[f64; 2], u32>>,
}

impl MapModel {
    /// The model of what `filter` shows of `corpus` (`index` is its [`MapIndex`]).
    pub fn build(corpus: &Corpus, index: &MapIndex, filter: &ViewFilter, color_by: ColorBy) -> MapModel {
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
        let mut markers: Vec<PlaceMarker> = Vec::new();
        let mut mentions_in_view = 0;
        let mut colors: Vec<(u32, u32)> = Vec::new();
        for run in index.places.windows(2) {
            let (start, end) = (run[0].0 as usize, run[1].0 as usize);
            let entries = &index.entries[start..end];
            let Some(first) = entries.first() else { continue };
            if filter.hidden_kinds.contains(&first.kind) {
                continue;
            }
            let (mut mentions, mut sources, mut last_group) = (0u32, 0u32, u32::MAX);
            colors.clear();
            for e in entries {
                if !in_view[e.article as usize] || (e.boilerplate && !filter.include_boilerplate) {
                    continue;
                }
                mentions += 1;
                if e.group != last_group {
                    sources += 1;
                    last_group = e.group;
                }
                let color = article_color[e.article as usize];
                match colors.iter_mut().find(|(c, _)| *c == color) {
                    Some((_, n)) => *n += 1,
                    None => colors.push((color, 1)),
                }
            }
            if mentions == 0 {
                continue;
            }
            mentions_in_view += mentions as usize;
            let color = colors
                .iter()
                .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
                .map_or(0, |c| c.0);
            markers.push(PlaceMarker {
                place: first.place,
                unit: run[0].1,
                mentions,
                sources,
                color,
            });
        }
        markers.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.place.cmp(&b.place)));
        let tree = RTree::bulk_load(
            markers
                .iter()
                .enumerate()
                .map(|(i, m)| GeomWithData::new(m.unit, u32::try_from(i).unwrap_or(u32::MAX)))
                .collect(),
        );
        let mut marks: Vec<ClaimMark> = Vec::new();
        for group in &index.claim_groups {
            let mut visible = group.claims.iter().copied().filter(|&i| {
                corpus
                    .claims
                    .get(i)
                    .is_some_and(|c| in_view.get(c.article_index).copied().unwrap_or(false) && filter.includes_claim(c))
            });
            let Some(first) = visible.next() else { continue };
            let rest: Vec<usize> = visible.collect();
            let area = std::iter::once(first)
                .chain(rest.iter().copied())
                .filter_map(|i| corpus.claims[i].area.as_ref().map(|a| a.km2))
                .reduce(f64::max);
            marks.push(ClaimMark {
                claim: first,
                count: 1 + rest.len(),
                area_km2: area,
                ..group.mark.clone()
            });
        }
        let claims = marks;
        let article_colors = article_color
            .iter()
            .zip(&in_view)
            .map(|(&c, &v)| v.then_some(c))
            .collect();
        let max_sources = markers.iter().map(|m| m.sources).max().unwrap_or(1);
        MapModel {
            markers,
            claims,
            legend,
            article_colors,
            articles_in_view: in_view.iter().filter(|&&v| v).count(),
            mentions_in_view,
            max_sources,
            tree,
        }
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

/// Radius of the smallest marker, in points.
const MIN_RADIUS: f32 = 4.0;
/// Radius the largest place in view reaches, in points.
const MAX_RADIUS: f32 = 24.0;

/// A marker's radius: its area grows with its weight, the largest place in
/// view (`max`) reaching [`MAX_RADIUS`]; a cluster may grow past it, up to
/// half as much again.
pub fn marker_radius(weight: u32, max: u32) -> f32 {
    let share = weight as f32 / max.max(1) as f32;
    (MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share.sqrt()).min(MAX_RADIUS * 1.5)
}

/// The markers of `model` that fall on the screen of `view`, clustered
/// greedily (largest first) where they would overlap; written to `out`.
pub fn build_frame(model: &MapModel, view: &ScreenView, size_by: SizeBy, out: &mut Vec<DrawnMarker>) {
    out.clear();
    let margin = 40.0;
    let mut visible = model.markers_in(view.unit_box(margin));
    visible.sort_unstable(); // markers are stored largest first
    let max = match size_by {
        SizeBy::Mentions => model.markers.first().map_or(1, |m| m.mentions),
        SizeBy::Sources => model.max_sources,
    };
    // A dense grid of cells over the screen (and its margin): cluster heads by cell.
    let cell = CLUSTER_DISTANCE * 2.0;
    let x0 = view.rect[0] - margin;
    let y0 = view.rect[1] - margin;
    let columns = ((view.rect[2] - view.rect[0] + 2.0 * margin) / cell).ceil() as i32 + 1;
    let rows = ((view.rect[3] - view.rect[1] + 2.0 * margin) / cell).ceil() as i32 + 1;
    let mut grid: Vec<Vec<u32>> = vec![Vec::new(); (columns.max(1) * rows.max(1)) as usize];
    let slot =
        |cx: i32, cy: i32| (cx >= 0 && cy >= 0 && cx < columns && cy < rows).then(|| (cy * columns + cx) as usize);
    for index in visible {
        let Some(m) = model.markers.get(index as usize) else {
            continue;
        };
        let pos = view.unit_to_screen(m.unit);
        let weight = match size_by {
            SizeBy::Mentions => m.mentions,
            SizeBy::Sources => m.sources,
        };
        let cx = ((pos[0] - x0) / cell).floor() as i32;
        let cy = ((pos[1] - y0) / cell).floor() as i32;
        let mut joined = None;
        'search: for dy in -1..=1 {
            for dx in -1..=1 {
                let Some(s) = slot(cx + dx, cy + dy) else { continue };
                for &c in &grid[s] {
                    let d = &out[c as usize];
                    let dist = ((d.pos[0] - pos[0]).powi(2) + (d.pos[1] - pos[1]).powi(2)).sqrt();
                    if dist < CLUSTER_DISTANCE.max(d.radius * 0.8) {
                        joined = Some(c as usize);
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
                cluster.radius = marker_radius(cluster.weight, max);
            }
            None => {
                if let Some(s) = slot(cx, cy) {
                    grid[s].push(u32::try_from(out.len()).unwrap_or(u32::MAX));
                }
                out.push(DrawnMarker {
                    pos,
                    radius: marker_radius(weight, max),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_articles;
    use geo::Point;

    #[test]
    fn markers_cluster_when_zoomed_out_and_keep_their_weight() {
        let g = Gazetteer::embedded().unwrap();
        let corpus = Corpus::build(demo_articles(), &g);
        let index = MapIndex::new(&corpus, &g);
        let model = MapModel::build(&corpus, &index, &ViewFilter::default(), ColorBy::Outlet);
        let total: u32 = model.markers.iter().map(|m| m.mentions).sum();
        assert_eq!(total as usize, model.mentions_in_view);
        assert!(model.legend.contains(&"Harbour Post".to_string()), "{:?}", model.legend);
        let rect = [0.0, 0.0, 1200.0, 900.0];
        let mut far = Vec::new();
        build_frame(
            &model,
            &ScreenView::new(Point::new(30.0, 45.0), 2.0, rect),
            SizeBy::Mentions,
            &mut far,
        );
        let mut near = Vec::new();
        build_frame(
            &model,
            &ScreenView::new(Point::new(36.5, 49.5), 8.0, rect),
            SizeBy::Mentions,
            &mut near,
        );
        assert!(
            far.iter().any(|d| d.places > 1),
            "zoomed out, nearby places share a cluster"
        );
        assert_eq!(
            far.iter().map(|d| d.weight).sum::<u32>(),
            total,
            "every place is on the world map once"
        );
        let kharkiv = g.lookup("Kharkiv")[0];
        assert!(
            near.iter().any(|d| d.place == kharkiv && d.places == 1),
            "zoomed in, Kharkiv stands alone"
        );
        let hit = near.iter().find(|d| d.place == kharkiv).unwrap();
        assert_eq!(marker_at(&near, hit.pos).map(|d| d.place), Some(kharkiv));
    }

    #[test]
    fn claims_of_one_place_and_outcome_share_a_mark_and_filters_apply() {
        let g = Gazetteer::embedded().unwrap();
        let corpus = Corpus::build(demo_articles(), &g);
        let index = MapIndex::new(&corpus, &g);
        let all = MapModel::build(&corpus, &index, &ViewFilter::default(), ColorBy::Article);
        let marked: usize = all.claims.iter().map(|c| c.count).sum();
        let with_place = corpus.claims.iter().filter(|c| !c.places.is_empty()).count();
        assert_eq!(marked, with_place);
        assert!(
            all.claims.len() < with_place,
            "the syndicated copy repeats claims of its original"
        );
        let unhedged = MapModel::build(
            &corpus,
            &index,
            &ViewFilter {
                include_hedged: false,
                ..ViewFilter::default()
            },
            ColorBy::Article,
        );
        assert!(unhedged.claims.iter().all(|c| !corpus.claims[c.claim].hedged));
        assert!(unhedged.claims.len() < all.claims.len());
    }
}
