//! The viewer's state and the commands the panels send: loading, filters,
//! selection, corrections with undo and redo, export. No egui here, so the
//! UI tests and the benchmarks drive the same code the window does.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::basemap::region_bounds;
use super::jobs::{LoadEvent, LoadJob, LoadRequest};
use super::map_model::{ColorBy, MapIndex, MapModel, SizeBy};
use crate::corpus::{Corpus, Correction, ViewFilter};
use crate::export::{ExportOptions, feature_collection, write_geojson};
use crate::gazetteer::{Gazetteer, PlaceId, PlaceSearch};
use crate::store::Project;

/// What the user looks at, kept between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// The filter.
    pub filter: ViewFilter,
    /// What colours the markers.
    pub color_by: ColorBy,
    /// What sizes the markers.
    pub size_by: SizeBy,
    /// Whether the claims layer is drawn.
    pub show_claims: bool,
    /// Whether area claims are drawn as circles of their area.
    pub show_area_circles: bool,
    /// Whether OpenStreetMap tiles are fetched (off unless the user turns it on).
    pub online_tiles: bool,
    /// Map centre, lon/lat.
    pub center: [f64; 2],
    /// Map zoom.
    pub zoom: f64,
    /// Days in the window the play button slides through the corpus.
    pub play_days: u32,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            filter: ViewFilter::default(),
            color_by: ColorBy::Article,
            size_by: SizeBy::Mentions,
            show_claims: true,
            show_area_circles: false,
            online_tiles: false,
            center: [34.5, 48.5],
            zoom: 5.6,
            play_days: 3,
        }
    }
}

/// What is selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A place (gazetteer index).
    Place(u32),
    /// A claim (index in the corpus).
    Claim(usize),
}

/// One sentence that mentions a place, with the mentions' byte ranges in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceHit {
    /// Byte range of the sentence in the article text.
    pub sentence: Range<usize>,
    /// Indexes of the article's mentions of the place inside it.
    pub mentions: Vec<usize>,
}

/// Loading progress for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is being done.
    pub stage: &'static str,
    /// Items done.
    pub done: usize,
    /// Items in all (0: unknown).
    pub total: usize,
}

/// The viewer's state.
pub struct AppState {
    /// The gazetteer, once loaded.
    pub gazetteer: Option<Arc<Gazetteer>>,
    /// Its name search.
    pub search: Option<Arc<PlaceSearch>>,
    /// The corpus, once loaded.
    pub corpus: Option<Corpus>,
    /// Filters and map settings.
    pub settings: ViewSettings,
    /// What is selected.
    pub selection: Selection,
    /// The article shown in the reader.
    pub reader: Option<usize>,
    /// Errors and notices to show, oldest first.
    pub messages: Vec<String>,
    /// Loading progress while a load runs.
    pub progress: Option<Progress>,
    /// While a load runs and shows a preview: its number of articles.
    pub preview: Option<usize>,
    project: Option<Project>,
    job: Option<LoadJob>,
    undo: Vec<Vec<Correction>>,
    redo: Vec<Vec<Correction>>,
    index: Option<MapIndex>,
    model: Option<MapModel>,
    /// Articles per day of the corpus, by day (counted when a corpus arrives).
    days: Vec<(NaiveDate, usize)>,
    /// The article list's rows (see [`article_rows`]).
    article_rows: Vec<(usize, bool)>,
}

impl AppState {
    /// An empty state with these settings.
    pub fn new(settings: ViewSettings) -> AppState {
        AppState {
            gazetteer: None,
            search: None,
            corpus: None,
            settings,
            selection: Selection::None,
            reader: None,
            messages: Vec::new(),
            progress: None,
            preview: None,
            project: None,
            job: None,
            undo: Vec::new(),
            redo: Vec::new(),
            index: None,
            model: None,
            days: Vec::new(),
            article_rows: Vec::new(),
        }
    }

    /// Starts loading in the background (a running load is cancelled).
    pub fn open(&mut self, request: LoadRequest) {
        if let Some(job) = &self.job {
            job.cancel();
        }
        self.progress = Some(Progress {
            stage: "Starting",
            done: 0,
            total: 0,
        });
        self.job = Some(LoadJob::start(request, self.gazetteer.clone()));
    }

    /// Whether a load is running.
    pub fn loading(&self) -> bool {
        self.job.is_some()
    }

    /// Cancels the running load; what was tagged so far is kept.
    pub fn cancel_load(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// Takes in what the loading thread reported; call once a frame.
    pub fn poll(&mut self) {
        let Some(job) = &self.job else { return };
        for event in job.poll() {
            self.handle(event);
        }
    }

    /// Waits for the running load to end (tests, benchmarks).
    pub fn wait_for_load(&mut self) {
        let Some(job) = self.job.take() else { return };
        let (events, loaded) = job.wait();
        for event in events {
            self.handle(event);
        }
        if let Some(loaded) = loaded {
            self.handle(LoadEvent::Done(loaded));
        }
        self.job = None;
        self.progress = None;
    }

    fn handle(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Progress { stage, done, total } => self.progress = Some(Progress { stage, done, total }),
            LoadEvent::Error(message) => self.messages.push(message),
            LoadEvent::Gazetteer(g, search) => {
                self.gazetteer = Some(g);
                self.search = Some(search);
            }
            LoadEvent::Preview(corpus) => {
                if self.preview.is_none() {
                    self.selection = Selection::None;
                    self.reader = None;
                }
                self.preview = Some(corpus.articles.len());
                self.set_corpus(*corpus);
            }
            LoadEvent::Done(loaded) => {
                if loaded.cancelled {
                    self.messages.push(format!(
                        "Loading cancelled: {} articles loaded, the rest left out",
                        loaded.corpus.articles.len()
                    ));
                }
                self.undo.clear();
                self.redo.clear();
                // After a preview the selection stays: earlier articles keep their indexes.
                if self.preview.take().is_none() {
                    self.selection = Selection::None;
                    self.reader = None;
                }
                self.set_corpus(loaded.corpus);
                self.project = loaded.project;
                self.job = None;
                self.progress = None;
            }
        }
    }

    /// Shows `corpus` in place of the one shown.
    fn set_corpus(&mut self, corpus: Corpus) {
        let mut days: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for d in corpus.articles.iter().filter_map(|a| a.date) {
            *days.entry(d).or_default() += 1;
        }
        self.days = days.into_iter().collect();
        self.article_rows = article_rows(&corpus.syndication);
        self.corpus = Some(corpus);
        self.index = None;
        self.model = None;
    }

    /// The project file, when there is one.
    pub fn project_path(&self) -> Option<&Path> {
        self.project.as_ref().map(Project::path)
    }

    /// The map model of the current filter (rebuilt after a change).
    pub fn model(&mut self) -> Option<&MapModel> {
        if self.model.is_none() {
            let (Some(corpus), Some(g)) = (&self.corpus, &self.gazetteer) else {
                return None;
            };
            let index = self.index.get_or_insert_with(|| MapIndex::new(corpus, g));
            self.model = Some(MapModel::build(
                corpus,
                index,
                &self.settings.filter,
                self.settings.color_by,
            ));
        }
        self.model.as_ref()
    }

    /// Changes the filter (or any view setting that changes the model).
    pub fn update_settings(&mut self, change: impl FnOnce(&mut ViewSettings)) {
        let before = (self.settings.filter.clone(), self.settings.color_by);
        change(&mut self.settings);
        if (self.settings.filter.clone(), self.settings.color_by) != before {
            self.model = None;
        }
    }

    /// Switches article `i` on or off.
    pub fn set_article_visible(&mut self, i: usize, visible: bool) {
        let Some(id) = self
            .corpus
            .as_ref()
            .and_then(|c| c.articles.get(i))
            .map(|a| a.id.clone())
        else {
            return;
        };
        self.update_settings(|s| {
            if visible {
                s.filter.hidden_articles.remove(&id);
            } else {
                s.filter.hidden_articles.insert(id);
            }
        });
    }

    /// Shows only article `i`.
    pub fn only_article(&mut self, i: usize) {
        let Some(corpus) = &self.corpus else { return };
        let hidden = corpus
            .articles
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, a)| a.id.clone())
            .collect();
        self.update_settings(|s| s.filter.hidden_articles = hidden);
        self.reader = Some(i);
    }

    /// Shows every article (`true`) or none.
    pub fn all_articles(&mut self, visible: bool) {
        let hidden = match (&self.corpus, visible) {
            (Some(c), false) => c.articles.iter().map(|a| a.id.clone()).collect(),
            _ => Default::default(),
        };
        self.update_settings(|s| s.filter.hidden_articles = hidden);
    }

    /// Sets the date range (inclusive; `None`: open).
    pub fn set_date_range(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        self.update_settings(|s| {
            s.filter.from = from;
            s.filter.to = to;
        });
    }

    /// The first and last article dates of the corpus.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.days.first()?.0, self.days.last()?.0))
    }

    /// The number of articles of each day that has any, by day.
    pub fn articles_per_day(&self) -> &[(NaiveDate, usize)] {
        &self.days
    }

    /// The article list's rows: (article, indented), originals each followed by their copies.
    pub fn article_rows(&self) -> &[(usize, bool)] {
        &self.article_rows
    }

    /// Moves the play window one day on: the range becomes the next
    /// `play_days` days, wrapping to the start after the last date.
    pub fn play_step(&mut self) {
        let Some((first, last)) = self.date_span() else { return };
        let days = i64::from(self.settings.play_days.max(1)) - 1;
        let start = match self.settings.filter.from {
            Some(f) if f >= first && f < last => f + chrono::Days::new(1),
            _ => first,
        };
        self.set_date_range(Some(start), Some(start + chrono::TimeDelta::days(days)));
    }

    /// Selects a place and opens the first article that mentions it in the reader.
    pub fn select_place(&mut self, place: u32) {
        self.selection = Selection::Place(place);
        let in_reader = self.reader.is_some_and(|r| !self.place_sentences(place, r).is_empty());
        if !in_reader {
            self.reader = self.articles_mentioning(place).first().copied();
        }
    }

    /// Selects a claim and opens its article in the reader.
    pub fn select_claim(&mut self, claim: usize) {
        self.selection = Selection::Claim(claim);
        self.reader = self
            .corpus
            .as_ref()
            .and_then(|c| c.claims.get(claim))
            .map(|c| c.article_index);
    }

    /// Articles in view that mention `place` as a counted place.
    pub fn articles_mentioning(&mut self, place: u32) -> Vec<usize> {
        self.model();
        let (Some(corpus), Some(index)) = (&self.corpus, &self.index) else {
            return Vec::new();
        };
        let filter = &self.settings.filter;
        let mut articles = index.articles_of(place, filter);
        articles.retain(|&a| corpus.articles.get(a).is_some_and(|x| filter.includes(x)));
        articles
    }

    /// The sentences of article `a` that mention `place`.
    pub fn place_sentences(&self, place: u32, a: usize) -> Vec<SentenceHit> {
        let Some(corpus) = &self.corpus else { return Vec::new() };
        let (Some(mentions), Some(sentences)) = (corpus.mentions.get(a), corpus.sentences.get(a)) else {
            return Vec::new();
        };
        let mut hits: Vec<SentenceHit> = Vec::new();
        for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.place == place) {
            let range = sentences
                .iter()
                .find(|s| s.contains(&m.byte_start))
                .cloned()
                .unwrap_or(m.byte_start..m.byte_end);
            match hits.last_mut() {
                Some(h) if h.sentence == range => h.mentions.push(i),
                _ => hits.push(SentenceHit {
                    sentence: range,
                    mentions: vec![i],
                }),
            }
        }
        hits
    }

    /// Corrects mention `i` of article `a`: another place, or `None` for
    /// "not a place"; with `everywhere`, every mention with the same text.
    pub fn correct(&mut self, a: usize, i: usize, place: Option<PlaceId>, everywhere: bool) {
        if self.loading() {
            self.messages.push("Corrections wait until loading has finished".into());
            return;
        }
        let Some(corpus) = &self.corpus else { return };
        let (Some(article), Some(m)) = (corpus.articles.get(a), corpus.mentions.get(a).and_then(|ms| ms.get(i))) else {
            return;
        };
        let mut corrections = corpus.corrections.clone();
        corrections.push(Correction {
            article: article.id.clone(),
            byte_start: m.byte_start,
            text: m.text.clone(),
            everywhere,
            place,
        });
        self.undo.push(corpus.corrections.clone());
        self.redo.clear();
        self.set_corrections(corrections);
    }

    /// Whether there is a correction to undo / to redo.
    pub fn can_undo(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// Undoes the last correction.
    pub fn undo(&mut self) {
        self.step_history(true);
    }

    /// Redoes the last undone correction.
    pub fn redo(&mut self) {
        self.step_history(false);
    }

    /// Moves one step back (undo) or forward (redo) through the corrections.
    fn step_history(&mut self, back: bool) {
        if self.loading() {
            return;
        }
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let (Some(corrections), Some(corpus)) = (from.pop(), &self.corpus) else {
            return;
        };
        to.push(corpus.corrections.clone());
        self.set_corrections(corrections);
    }

    fn set_corrections(&mut self, corrections: Vec<Correction>) {
        let (Some(corpus), Some(g)) = (&mut self.corpus, &self.gazetteer) else {
            return;
        };
        corpus.set_corrections(corrections, g);
        if let Some(project) = &mut self.project
            && let Err(e) = project.save_corrections(&corpus.corrections)
        {
            self.messages.push(format!("{e}; the correction is not saved"));
        }
        if let Selection::Claim(c) = self.selection
            && c >= corpus.claims.len()
        {
            self.selection = Selection::None;
        }
        self.index = None;
        self.model = None;
    }

    /// Places whose name starts with `query`, best first.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<u32> {
        match (&self.search, &self.gazetteer) {
            (Some(s), Some(g)) => s.suggest(g, query, limit),
            _ => Vec::new(),
        }
    }

    /// The lon/lat box to fit the map to: the selected place (its region's
    /// outline when it has one) or claim, else every place in view.
    pub fn selection_bounds(&mut self) -> Option<[f64; 4]> {
        let g = Arc::clone(self.gazetteer.as_ref()?);
        let bounds_of = |place: u32| -> Option<[f64; 4]> {
            let p = g.place(place)?;
            let (x, y) = (p.lon(), p.lat());
            p.polygon
                .as_deref()
                .and_then(region_bounds)
                .or(Some([x - 0.25, y - 0.25, x + 0.25, y + 0.25]))
        };
        let places: Vec<u32> = match self.selection {
            Selection::Place(p) => vec![p],
            Selection::Claim(c) => self
                .corpus
                .as_ref()?
                .claims
                .get(c)?
                .places
                .iter()
                .map(|p| p.place)
                .collect(),
            Selection::None => self.model()?.markers.iter().map(|m| m.place).collect(),
        };
        places
            .into_iter()
            .filter_map(bounds_of)
            .reduce(|a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])])
    }

    /// The GeoJSON of what the filters show (places, claims, mentions).
    pub fn geojson(&self) -> Option<serde_json::Value> {
        let (Some(corpus), Some(g)) = (&self.corpus, &self.gazetteer) else {
            return None;
        };
        let options = ExportOptions {
            filter: self.settings.filter.clone(),
            mentions: true,
        };
        Some(feature_collection(corpus, g, &options))
    }

    /// The GeoJSON of the selection under the filters: the selected place's
    /// point, its mentions and the claims about it, or the selected claim;
    /// everything the filters show when nothing is selected.
    pub fn selection_geojson(&self) -> Option<serde_json::Value> {
        let mut collection = self.geojson()?;
        let g = self.gazetteer.as_ref()?;
        let keep: Box<dyn Fn(&serde_json::Value) -> bool> = match self.selection {
            Selection::None => return Some(collection),
            Selection::Place(p) => {
                let id = g.place(p)?.id.0;
                Box::new(move |props| {
                    props["place_id"] == id
                        || props["place_ids"]
                            .as_array()
                            .is_some_and(|ids| ids.iter().any(|i| *i == id))
                })
            }
            Selection::Claim(c) => {
                let claim = self.corpus.as_ref()?.claims.get(c)?;
                let (article, start) = (claim.article.clone(), claim.sentence_start);
                Box::new(move |props| {
                    props["feature_type"] == "claim"
                        && props["article"] == article.as_str()
                        && props["sentence_start"] == start
                })
            }
        };
        if let Some(features) = collection["features"].as_array_mut() {
            features.retain(|f| keep(&f["properties"]));
        }
        Some(collection)
    }

    /// Writes what the filters show to `path` (atomically).
    pub fn export(&mut self, path: &Path) -> Result<usize, String> {
        let collection = self.geojson().ok_or("nothing loaded yet")?;
        let count = collection["features"].as_array().map_or(0, Vec::len);
        write_geojson(path, &collection).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(count)
    }
}

/// Rows of the article list: (article, indented), originals each followed by
/// their copies (`syndication` holds each article's original).
fn article_rows(syndication: &[usize]) -> Vec<(usize, bool)> {
    let mut rows = Vec::with_capacity(syndication.len());
    let mut copies: Vec<Vec<usize>> = vec![Vec::new(); syndication.len()];
    for (i, &original) in syndication.iter().enumerate() {
        if original != i && original < copies.len() {
            copies[original].push(i);
        }
    }
    for (i, &original) in syndication.iter().enumerate() {
        if original == i || original >= copies.len() {
            rows.push((i, false));
            rows.extend(copies[i].iter().map(|&c| (c, true)));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::article_rows;

    #[test]
    fn copies_follow_their_original_indented() {
        // 0 original, 1 original, 2 copies 0, 3 copies 1, 4 copies 0
        assert_eq!(
            article_rows(&[0, 1, 0, 1, 0]),
            vec![(0, false), (2, true), (4, true), (1, false), (3, true)]
        );
    }
}
