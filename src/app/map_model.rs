//! What the map shows, without egui: one marker per place in view (built
//! when the filter or the corrections change) and, every frame, the markers
//! culled to the screen and clustered where they overlap.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::projection::{ScreenView, floor_i32, to_unit};
use crate::claims::Action;
use crate::corpus::{Corpus, ViewFilter};
use crate::gazetteer::{Gazetteer, Kind, RegionId};

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
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimMark {
    /// Index in `Corpus::claims` of the first of them.
    pub claim: usize,
    /// How many claims the mark stands for.
    pub count: usize,
    /// The claim's first place (gazetteer index).
    pub place: u32,
    /// Its position in unit Mercator coordinates.
    pub unit: [f64; 2],
    /// The region's outline when the place is a region with one.
    pub region: Option<RegionId>,
    /// Who holds the place afterwards: see [`MapModel::side_of`].
    pub side: u16,
    /// A small number for the side: 0 when not said, else 1 to 7 (sides
    /// past the seventh share 7); the frame uses it to draw one ring a side.
    pub side_slot: u8,
    /// Hedged, or contradicted by another claim: drawn faded.
    pub faded: bool,
    /// The largest area claimed, km².
    pub area_km2: Option<f64>,
}

/// Mentions of one place by one article, in the order the map model reads them.
#[derive(Clone, Copy, Debug)]
struct Entry {
    group: u32,
    article: u32,
    /// Mentions outside boilerplate lines.
    plain: u32,
    /// Mentions in boilerplate lines.
    boilerplate: u32,
}

/// One place's run of entries.
struct PlaceRun {
    place: u32,
    unit: [f64; 2],
    kind: Kind,
    /// Where its entries end (they start where the previous run's end).
    end: u32,
}

/// What a claim filter needs of a claim, packed.
#[derive(Clone, Copy, Debug)]
struct ClaimRecord {
    claim: u32,
    article: u32,
    action: Action,
    hedged: bool,
    /// The area claimed, km², or NaN.
    area_km2: f64,
}

/// Claims that draw as one mark: same place, same side afterwards, same fading.
struct ClaimGroup {
    /// Where its records end in [`MapIndex::claim_records`] (they start where
    /// the previous group's end).
    end: u32,
    mark: ClaimMark,
}

/// What the map model needs of a corpus, arranged once (after loading and
/// after each correction) so that a filter change is a linear scan of
/// packed arrays: the mentions counted by place, syndication group and
/// article, the claims grouped by mark, and the legend labels.
pub struct MapIndex {
    entries: Vec<Entry>,
    runs: Vec<PlaceRun>,
    claim_groups: Vec<ClaimGroup>,
    /// The claims that name a place, group after group, in claim order within a group.
    claim_records: Vec<ClaimRecord>,
    /// The sides the claims name.
    sides: SideNames,
    /// Each article's label when markers are coloured by article.
    article_labels: Vec<Arc<str>>,
    /// Outlet names, and each article's outlet among them.
    outlets: Vec<Arc<str>>,
    outlet_of: Vec<u32>,
}

impl MapIndex {
    /// Arranges `corpus` for map models.
    pub fn new(corpus: &Corpus, gazetteer: &Gazetteer) -> MapIndex {
        let mut mentions: Vec<(u32, u32, u32, bool)> = Vec::new();
        for (a, ms) in corpus.mentions.iter().enumerate() {
            let (Ok(article), Ok(group)) = (u32::try_from(a), u32::try_from(corpus.syndication[a])) else {
                break;
            };
            for m in ms.iter().filter(|m| !m.demonym) {
                mentions.push((m.place, group, article, corpus.is_boilerplate(a, m.byte_start)));
            }
        }
        mentions.sort_unstable();
        let mut entries: Vec<Entry> = Vec::new();
        let mut runs: Vec<PlaceRun> = Vec::new();
        for (i, &(place, group, article, boilerplate)) in mentions.iter().enumerate() {
            let new_place = i == 0 || mentions[i - 1].0 != place;
            if new_place {
                let Some(p) = gazetteer.place(place) else { continue };
                if let Some(last) = runs.last_mut() {
                    last.end = u32::try_from(entries.len()).unwrap_or(u32::MAX);
                }
                runs.push(PlaceRun {
                    place,
                    unit: to_unit(p.lonlat),
                    kind: p.kind,
                    end: 0,
                });
            } else if runs.last().is_none_or(|r| r.place != place) {
                continue; // a place the gazetteer does not know
            }
            let same = !new_place && mentions[i - 1].1 == group && mentions[i - 1].2 == article;
            let entry = match entries.last_mut() {
                Some(e) if same => e,
                _ => {
                    entries.push(Entry {
                        group,
                        article,
                        plain: 0,
                        boilerplate: 0,
                    });
                    let Some(e) = entries.last_mut() else { break };
                    e
                }
            };
            if boilerplate {
                entry.boilerplate += 1;
            } else {
                entry.plain += 1;
            }
        }
        if let Some(last) = runs.last_mut() {
            last.end = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        }
        let article_labels = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| Arc::from(format!("{} {}", i + 1, a.title.as_deref().unwrap_or(&a.id))))
            .collect();
        let mut outlets: Vec<Arc<str>> = Vec::new();
        let mut outlet_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let outlet_of = corpus
            .articles
            .iter()
            .map(|a| {
                let name = a.source.as_deref().unwrap_or("unknown outlet");
                *outlet_ids.entry(name).or_insert_with(|| {
                    outlets.push(Arc::from(name));
                    u32::try_from(outlets.len() - 1).unwrap_or(u32::MAX)
                })
            })
            .collect();
        let (claim_groups, claim_records, sides) = claim_groups(corpus, gazetteer);
        MapIndex {
            entries,
            runs,
            claim_groups,
            claim_records,
            sides,
            article_labels,
            outlets,
            outlet_of,
        }
    }

    /// The entries of run `r`.
    fn run_entries(&self, r: usize) -> &[Entry] {
        let start = if r == 0 { 0 } else { self.runs[r - 1].end as usize };
        let end = self.runs.get(r).map_or(start, |run| run.end as usize);
        self.entries.get(start..end).unwrap_or(&[])
    }

    /// The articles (sorted, unique) with a mention of `place` that counts
    /// under `filter`'s kind and boilerplate rules (the articles' own filter aside).
    pub fn articles_of(&self, place: u32, filter: &ViewFilter) -> Vec<usize> {
        let r = self.runs.partition_point(|run| run.place < place);
        let Some(run) = self.runs.get(r).filter(|run| run.place == place) else {
            return Vec::new();
        };
        if filter.hidden_kinds.contains(&run.kind) {
            return Vec::new();
        }
        let mut articles: Vec<usize> = self
            .run_entries(r)
            .iter()
            .filter(|e| e.plain > 0 || filter.include_boilerplate)
            .map(|e| e.article as usize)
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }
}

/// The sides claims name (ISO codes; `None`: not said), sorted, shared by an index and its models.
type SideNames = Arc<[Option<Arc<str>>]>;

/// The claims that name a place grouped by mark, their records group after
/// group, and the sides they name (sorted).
fn claim_groups(corpus: &Corpus, gazetteer: &Gazetteer) -> (Vec<ClaimGroup>, Vec<ClaimRecord>, SideNames) {
    let mut groups: Vec<ClaimGroup> = Vec::new();
    let mut records: Vec<(u32, ClaimRecord)> = Vec::new();
    // Groups by place, side (0: not said, else 1 + its place in
    // `side_slots`) and fading; sides are numbered in order of appearance,
    // so that no key hashes or compares a string.
    let mut group_of: FxHashMap<(u32, usize, bool), u32> = FxHashMap::default();
    let mut side_slots: Vec<&str> = Vec::new();
    let mut group_sides: Vec<usize> = Vec::new();
    for (i, c) in corpus.claims.iter().enumerate() {
        let Some(first) = c.places.first() else { continue };
        let Some(p) = gazetteer.place(first.place) else {
            continue;
        };
        let (Ok(claim), Ok(article), Ok(next)) = (
            u32::try_from(i),
            u32::try_from(c.article_index),
            u32::try_from(groups.len()),
        ) else {
            break;
        };
        let record = ClaimRecord {
            claim,
            article,
            action: c.action,
            hedged: c.hedged,
            area_km2: c.area.as_ref().map_or(f64::NAN, |a| a.km2),
        };
        let contradicted = corpus.groups.get(c.group).is_some_and(|g| g.contradiction);
        let side = match &c.controller_after {
            None => 0,
            Some(s) => {
                1 + side_slots.iter().position(|known| *known == s.code).unwrap_or_else(|| {
                    side_slots.push(&s.code);
                    side_slots.len() - 1
                })
            }
        };
        let faded = c.hedged || contradicted;
        let g = *group_of.entry((first.place, side, faded)).or_insert(next);
        records.push((g, record));
        if g != next {
            continue;
        }
        group_sides.push(side);
        groups.push(ClaimGroup {
            end: 0,
            mark: ClaimMark {
                claim: i,
                count: 1,
                place: first.place,
                unit: to_unit(p.lonlat),
                region: p.polygon.as_deref().and_then(RegionId::of),
                side: 0,
                side_slot: u8::try_from(side).unwrap_or(7).min(7),
                faded,
                area_km2: None,
            },
        });
    }
    // A stable sort keeps each group's records in claim order.
    records.sort_by_key(|(g, _)| *g);
    let mut ends = vec![0u32; groups.len()];
    for (at, (g, _)) in records.iter().enumerate() {
        if let Some(end) = ends.get_mut(*g as usize) {
            *end = u32::try_from(at + 1).unwrap_or(u32::MAX);
        }
    }
    // The sides the groups name, sorted ("not said" first), and where each
    // side number lands among them.
    let mut sides: Vec<(Option<&str>, usize)> = side_slots.iter().enumerate().map(|(k, s)| (Some(*s), k + 1)).collect();
    if group_sides.contains(&0) {
        sides.push((None, 0));
    }
    sides.sort_unstable();
    let mut sorted_at = vec![0u16; side_slots.len() + 1];
    for (at, &(_, side)) in sides.iter().enumerate() {
        sorted_at[side] = u16::try_from(at).unwrap_or(0);
    }
    for ((group, end), side) in groups.iter_mut().zip(ends).zip(&group_sides) {
        group.end = end;
        group.mark.side = sorted_at[*side];
    }
    let records = records.into_iter().map(|(_, r)| r).collect();
    (
        groups,
        records,
        sides.into_iter().map(|(s, _)| s.map(Arc::from)).collect(),
    )
}

/// The map's content for one filter.
pub struct MapModel {
    /// Places in view, most mentioned first.
    pub markers: Vec<PlaceMarker>,
    /// Claims in view that name a place.
    pub claims: Vec<ClaimMark>,
    /// Legend labels: article titles or outlet names; a marker's `color` indexes them.
    pub legend: Vec<Arc<str>>,
    /// The sides named by the claims in view (`None`: not said), sorted.
    pub sides: Vec<Option<Arc<str>>>,
    /// Every side the corpus's claims name, which [`ClaimMark::side`] indexes.
    side_names: SideNames,
    /// Each article's legend index, `None` when it is out of view.
    pub article_colors: Vec<Option<u32>>,
    /// Articles in view.
    pub articles_in_view: usize,
    /// Place mentions counted.
    pub mentions_in_view: usize,
    /// The most independent sources of one place.
    pub max_sources: u32,
}

impl MapModel {
    /// The model of what `filter` shows of `corpus` (`index` is its [`MapIndex`]).
    pub fn build(corpus: &Corpus, index: &MapIndex, filter: &ViewFilter, color_by: ColorBy) -> MapModel {
        let in_view = corpus.in_view(filter);
        let (legend, article_color) = legend(index, &in_view, color_by);
        let ((markers, mentions_in_view), (claims, sides)) = rayon::join(
            || markers(index, filter, &article_color, (color_by, legend.len())),
            || claim_marks(index, filter, &in_view),
        );
        let article_colors = article_color.iter().map(|&c| (c != u32::MAX).then_some(c)).collect();
        let max_sources = markers.iter().map(|m| m.sources).max().unwrap_or(1);
        MapModel {
            markers,
            claims,
            legend,
            sides,
            article_colors,
            articles_in_view: in_view.iter().filter(|&&v| v).count(),
            mentions_in_view,
            max_sources,
            side_names: Arc::clone(&index.sides),
        }
    }

    /// Who holds a claim mark's place afterwards (ISO code), when known.
    pub fn side_of(&self, mark: &ClaimMark) -> Option<&str> {
        self.side_names.get(usize::from(mark.side)).and_then(Option::as_deref)
    }
}

/// The legend's labels for the articles in view, and each article's legend
/// index (`u32::MAX` when the article is out of view).
fn legend(index: &MapIndex, in_view: &[bool], color_by: ColorBy) -> (Vec<Arc<str>>, Vec<u32>) {
    let mut legend: Vec<Arc<str>> = Vec::with_capacity(in_view.len());
    let mut article_color: Vec<u32> = vec![u32::MAX; in_view.len()];
    let mut outlet_color: Vec<u32> = vec![u32::MAX; index.outlets.len()];
    for (i, _) in in_view.iter().enumerate().filter(|(_, v)| **v) {
        let next = u32::try_from(legend.len()).unwrap_or(u32::MAX);
        article_color[i] = match color_by {
            ColorBy::Article => {
                legend.push(Arc::clone(&index.article_labels[i]));
                next
            }
            ColorBy::Outlet => {
                let outlet = index.outlet_of[i] as usize;
                if outlet_color[outlet] == u32::MAX {
                    outlet_color[outlet] = next;
                    legend.push(Arc::clone(&index.outlets[outlet]));
                }
                outlet_color[outlet]
            }
        };
    }
    (legend, article_color)
}

/// The markers in view, most mentioned first, and the mentions they count.
/// `article_color` is each article's legend index, `u32::MAX` for an
/// article out of view.
fn markers(
    index: &MapIndex,
    filter: &ViewFilter,
    article_color: &[u32],
    (color_by, colors): (ColorBy, usize),
) -> (Vec<PlaceMarker>, usize) {
    let mut markers: Vec<PlaceMarker> = Vec::with_capacity(index.runs.len());
    let mut mentions_in_view = 0;
    // Mentions per colour for the place at hand, and the colours it touched.
    // A place has one entry an article, so when every article has a colour
    // of its own, an entry's count is its colour's and no tally is needed.
    let mut per_color: Vec<u32> = match color_by {
        ColorBy::Article => Vec::new(),
        ColorBy::Outlet => vec![0; colors],
    };
    let mut touched: Vec<u32> = Vec::new();
    // Boilerplate mentions are added to the count through this mask.
    let boilerplate = if filter.include_boilerplate { u32::MAX } else { 0 };
    for (r, run) in index.runs.iter().enumerate() {
        if filter.hidden_kinds.contains(&run.kind) {
            continue;
        }
        let entries = index.run_entries(r);
        let (mentions, sources, best) = if per_color.is_empty() {
            count_by_article(entries, article_color, boilerplate)
        } else {
            tally_colors(entries, article_color, boilerplate, &mut per_color, &mut touched)
        };
        let color = u32::MAX - (best & u64::from(u32::MAX)) as u32;
        if mentions == 0 {
            continue;
        }
        mentions_in_view += mentions as usize;
        let marker = PlaceMarker {
            place: run.place,
            unit: run.unit,
            mentions,
            sources,
            color,
        };
        markers.push(marker);
    }
    // Most mentions first, then by place.
    markers.sort_unstable_by_key(|m| (u32::MAX - m.mentions, m.place));
    (markers, mentions_in_view)
}

/// One place's mentions and independent sources in view, and the key
/// ([`color_key`]) of its best colour, when each article has a colour of
/// its own. Half the articles may be out of view at random, so the loop
/// does not branch on it.
fn count_by_article(entries: &[Entry], article_color: &[u32], boilerplate: u32) -> (u32, u32, u64) {
    let (mut mentions, mut sources, mut last_group, mut best) = (0u32, 0u32, u32::MAX, 0u64);
    for e in entries {
        let color = article_color.get(e.article as usize).copied().unwrap_or(u32::MAX);
        let counted = (e.plain + (e.boilerplate & boilerplate)) * u32::from(color != u32::MAX);
        let seen = counted != 0;
        mentions += counted;
        sources += u32::from(seen & (e.group != last_group));
        last_group = if seen { e.group } else { last_group };
        best = best.max(color_key(counted, color));
    }
    (mentions, sources, best)
}

/// [`count_by_article`] when articles share colours: the mentions of each
/// colour are added up in `per_color`, the colours touched listed in
/// `touched`, and both are cleared again for the next place.
fn tally_colors(
    entries: &[Entry],
    article_color: &[u32],
    boilerplate: u32,
    per_color: &mut [u32],
    touched: &mut Vec<u32>,
) -> (u32, u32, u64) {
    let (mut mentions, mut sources, mut last_group) = (0u32, 0u32, u32::MAX);
    for e in entries {
        let color = article_color.get(e.article as usize).copied().unwrap_or(u32::MAX);
        let counted = e.plain + (e.boilerplate & boilerplate);
        let Some(n) = per_color.get_mut(color as usize).filter(|_| counted != 0) else {
            continue;
        };
        if *n == 0 {
            touched.push(color);
        }
        *n += counted;
        mentions += counted;
        sources += u32::from(e.group != last_group);
        last_group = e.group;
    }
    let mut best = 0;
    for c in touched.drain(..) {
        if let Some(n) = per_color.get_mut(c as usize) {
            best = best.max(color_key(*n, c));
            *n = 0;
        }
    }
    (mentions, sources, best)
}

/// A colour's rank for a place: more mentions first, then the smaller colour.
fn color_key(mentions: u32, color: u32) -> u64 {
    (u64::from(mentions) << 32) | u64::from(u32::MAX - color)
}

/// The claim marks in view, and the sides they name (sorted).
fn claim_marks(index: &MapIndex, filter: &ViewFilter, in_view: &[bool]) -> (Vec<ClaimMark>, Vec<Option<Arc<str>>>) {
    let mut marks: Vec<ClaimMark> = Vec::with_capacity(index.claim_groups.len());
    let mut named = vec![false; index.sides.len()];
    let hidden_side: Vec<bool> = index
        .sides
        .iter()
        .map(|s| filter.hidden_sides.contains(s.as_deref().unwrap_or("")))
        .collect();
    let mut hidden_action = [false; Action::ALL.len()];
    for (hidden, action) in hidden_action.iter_mut().zip(Action::ALL) {
        *hidden = filter.hidden_actions.contains(&action);
    }
    let mut start = 0;
    for group in &index.claim_groups {
        let records = index.claim_records.get(start..group.end as usize).unwrap_or(&[]);
        start = group.end as usize;
        let side = usize::from(group.mark.side);
        if hidden_side.get(side).copied().unwrap_or(true) {
            continue;
        }
        // Half the articles may be out of view at random: the loop does not branch on it.
        let (mut first, mut count, mut area) = (u32::MAX, 0, f64::NAN);
        for c in records {
            let visible = in_view.get(c.article as usize).copied().unwrap_or(false)
                & (filter.include_hedged | !c.hedged)
                & !hidden_action[c.action as usize];
            count += usize::from(visible);
            first = if visible { first.min(c.claim) } else { first };
            area = if visible { area.max(c.area_km2) } else { area };
        }
        if count == 0 {
            continue;
        }
        marks.push(ClaimMark {
            claim: first as usize,
            count,
            area_km2: (!area.is_nan()).then_some(area),
            ..group.mark
        });
        if let Some(n) = named.get_mut(side) {
            *n = true;
        }
    }
    let sides = index
        .sides
        .iter()
        .zip(named)
        .filter(|(_, named)| *named)
        .map(|(side, _)| side.clone())
        .collect();
    (marks, sides)
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
    let b = view.unit_box(margin);
    let max = match size_by {
        SizeBy::Mentions => model.markers.first().map_or(1, |m| m.mentions),
        SizeBy::Sources => model.max_sources,
    };
    let transform = view.transform();
    // A dense grid of cells over the screen (and its margin): cluster heads
    // by cell, each cell a list, oldest first, threaded through `next`
    // (`u32::MAX` ends it); `tails` holds each list's last.
    let cell = CLUSTER_DISTANCE * 2.0;
    let x0 = view.rect[0] - margin;
    let y0 = view.rect[1] - margin;
    let columns = ((view.rect[2] - view.rect[0] + 2.0 * margin) / cell).ceil() as i32 + 1;
    let rows = ((view.rect[3] - view.rect[1] + 2.0 * margin) / cell).ceil() as i32 + 1;
    let mut heads: Vec<u32> = vec![u32::MAX; (columns.max(1) * rows.max(1)) as usize];
    let mut tails = heads.clone();
    let mut next: Vec<u32> = Vec::new();
    let slot =
        |cx: i32, cy: i32| (cx >= 0 && cy >= 0 && cx < columns && cy < rows).then(|| (cy * columns + cx) as usize);
    // Markers are stored largest first; a box test is cheaper than any index at this size.
    let on_screen = model
        .markers
        .iter()
        .filter(|m| m.unit[0] >= b[0] && m.unit[0] <= b[2] && m.unit[1] >= b[1] && m.unit[1] <= b[3]);
    for m in on_screen {
        let pos = transform.apply(m.unit);
        let weight = match size_by {
            SizeBy::Mentions => m.mentions,
            SizeBy::Sources => m.sources,
        };
        let cx = floor_i32((pos[0] - x0) / cell);
        let cy = floor_i32((pos[1] - y0) / cell);
        let mut joined = None;
        'search: for dy in -1..=1 {
            for dx in -1..=1 {
                let Some(s) = slot(cx + dx, cy + dy) else { continue };
                let mut c = heads[s];
                while let Some(d) = out.get(c as usize) {
                    let dist = ((d.pos[0] - pos[0]).powi(2) + (d.pos[1] - pos[1]).powi(2)).sqrt();
                    if dist < CLUSTER_DISTANCE.max(d.radius * 0.8) {
                        joined = Some(c as usize);
                        break 'search;
                    }
                    c = next.get(c as usize).copied().unwrap_or(u32::MAX);
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
                let index = u32::try_from(out.len()).unwrap_or(u32::MAX);
                next.push(u32::MAX);
                if let Some(s) = slot(cx, cy) {
                    match next.get_mut(tails[s] as usize) {
                        Some(last) => *last = index,
                        None => heads[s] = index,
                    }
                    tails[s] = index;
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
        assert!(
            model.legend.iter().any(|l| &**l == "Harbour Post"),
            "{:?}",
            model.legend
        );
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

    /// Each place's mentions, independent sources and colour counted
    /// straight from the corpus, mention by mention, as the model should.
    fn count_directly(
        corpus: &Corpus,
        g: &Gazetteer,
        filter: &ViewFilter,
        article_colors: &[Option<u32>],
    ) -> std::collections::BTreeMap<u32, (u32, u32, u32)> {
        type Tally = (
            u32,
            std::collections::BTreeSet<usize>,
            std::collections::HashMap<u32, u32>,
        );
        let mut tally: std::collections::BTreeMap<u32, Tally> = Default::default();
        for (a, ms) in corpus.mentions.iter().enumerate() {
            let Some(color) = article_colors[a] else { continue };
            for (i, m) in ms.iter().enumerate() {
                if corpus.mention_counts(filter, a, i, g) {
                    let t = tally.entry(m.place).or_default();
                    t.0 += 1;
                    t.1.insert(corpus.syndication[a]);
                    *t.2.entry(color).or_default() += 1;
                }
            }
        }
        tally
            .into_iter()
            .map(|(place, (mentions, groups, colors))| {
                let (_, color) = colors.iter().map(|(&c, &n)| (n, std::cmp::Reverse(c))).max().unwrap();
                (place, (mentions, groups.len() as u32, color.0))
            })
            .collect()
    }

    /// The demo corpus and 150 synthetic articles, and their map index.
    fn demo_and_synthetic() -> (Gazetteer, Corpus, MapIndex) {
        let g = Gazetteer::embedded().unwrap();
        let mut articles = demo_articles();
        articles.extend(crate::demo::SyntheticCorpus::new(&g).articles(150, 12, 7));
        let corpus = Corpus::build(articles, &g);
        let index = MapIndex::new(&corpus, &g);
        (g, corpus, index)
    }

    #[test]
    fn every_claim_mark_names_its_claims_side_and_colour_slot() {
        let (_, corpus, index) = demo_and_synthetic();
        let model = MapModel::build(&corpus, &index, &ViewFilter::default(), ColorBy::Article);
        let mut slots: Vec<(Option<&str>, u8)> = Vec::new();
        for mark in &model.claims {
            let side = corpus.claims[mark.claim]
                .controller_after
                .as_ref()
                .map(|s| s.code.as_str());
            assert_eq!(model.side_of(mark), side);
            slots.push((side, mark.side_slot));
        }
        slots.sort_unstable();
        slots.dedup();
        // One slot a side, "not said" in slot 0, the first seven sides apart.
        assert!(slots.len() >= 3, "{slots:?}");
        assert!(slots.windows(2).all(|w| w[0].0 != w[1].0), "{slots:?}");
        assert!(slots.iter().all(|&(side, slot)| (slot == 0) == side.is_none()));
        let mut sides = model.sides.clone();
        sides.dedup();
        assert!(sides.is_sorted() && sides.len() == model.sides.len());
    }

    #[test]
    fn markers_agree_with_a_direct_count_under_every_colouring_and_filter() {
        let (g, corpus, index) = demo_and_synthetic();
        let filters = [
            ViewFilter::default(),
            ViewFilter {
                to: chrono::NaiveDate::from_ymd_opt(2022, 6, 30),
                include_boilerplate: true,
                ..ViewFilter::default()
            },
            ViewFilter {
                hidden_kinds: [Kind::Country, Kind::City].into(),
                sources: vec![corpus.articles[0].source.clone().unwrap_or_default()],
                ..ViewFilter::default()
            },
        ];
        for filter in &filters {
            for color_by in [ColorBy::Article, ColorBy::Outlet] {
                let model = MapModel::build(&corpus, &index, filter, color_by);
                let direct = count_directly(&corpus, &g, filter, &model.article_colors);
                let built: std::collections::BTreeMap<u32, (u32, u32, u32)> = model
                    .markers
                    .iter()
                    .map(|m| (m.place, (m.mentions, m.sources, m.color)))
                    .collect();
                assert!(built.len() > 3, "{filter:?}");
                assert_eq!(built, direct, "{filter:?} {color_by:?}");
                assert!(
                    model.markers.windows(2).all(|w| w[0].mentions >= w[1].mentions),
                    "most mentioned first"
                );
            }
        }
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
