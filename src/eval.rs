//! Scores the tagger against gold toponym annotations (the format of
//! `../shared/gold/`): exact-span precision, recall and F1, and the share of
//! correctly found toponyms resolved within 161 km (or to the gold GeoNames id).

use geo::Point;
use serde::Deserialize;

use crate::gazetteer::distance_km;

/// A resolved toponym counts as correct within this distance.
pub const CORRECT_WITHIN_KM: f64 = 161.0;

/// One annotated article.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    /// The article's file name (sample corpus) ...
    pub file: Option<String>,
    /// ... or its id (benchmark corpora).
    pub id: Option<serde_json::Value>,
    /// The text, when the gold file carries it.
    pub text: Option<String>,
    /// The toponyms to find.
    #[serde(default)]
    pub toponyms: Vec<GoldToponym>,
    /// Spans neither required nor penalised.
    #[serde(default)]
    pub ignore: Vec<GoldSpan>,
}

impl GoldArticle {
    /// The file name or id that names the article.
    pub fn key(&self) -> String {
        match (&self.file, &self.id) {
            (Some(f), _) => f.clone(),
            (None, Some(serde_json::Value::String(s))) => s.clone(),
            (None, Some(v)) => v.to_string(),
            (None, None) => String::new(),
        }
    }
}

/// A gold toponym.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldToponym {
    /// Character offset of the start.
    pub start: usize,
    /// Character offset past the end.
    pub end: usize,
    /// The text.
    pub text: String,
    /// Latitude of the gold point, if it has one.
    pub lat: Option<f64>,
    /// Longitude of the gold point, if it has one.
    pub lon: Option<f64>,
    /// GeoNames id of the gold place, if known.
    pub geonameid: Option<u64>,
    /// Start of a longer span that also counts ("Kharkiv region").
    pub ext_start: Option<usize>,
    /// End of that longer span.
    pub ext_end: Option<usize>,
}

/// A span of an ignored annotation.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldSpan {
    /// Character offset of the start.
    pub start: usize,
    /// Character offset past the end.
    pub end: usize,
}

/// A predicted toponym, as the tagger resolved it.
#[derive(Clone, Debug)]
pub struct Prediction {
    /// Character offset of the start.
    pub start: usize,
    /// Character offset past the end.
    pub end: usize,
    /// The text.
    pub text: String,
    /// Id of the chosen place.
    pub place_id: u64,
    /// Name of the chosen place.
    pub place_name: String,
    /// Point of the chosen place, lon/lat.
    pub lonlat: Point<f64>,
}

/// Counts and findings over a set of articles.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Predictions that match a gold span.
    pub true_positives: usize,
    /// Predictions that match no gold span and no ignored span.
    pub false_positives: usize,
    /// Gold toponyms no prediction matched.
    pub false_negatives: usize,
    /// Correct spans with a gold point or id that resolved correctly.
    pub resolved_correct: usize,
    /// Correct spans with a gold point or id.
    pub resolved_total: usize,
    /// Distance between predicted and gold points of correct spans, km.
    pub errors_km: Vec<f64>,
    /// (article, text, start) of gold toponyms missed.
    pub misses: Vec<(String, String, usize)>,
    /// (article, text, start, chosen place) of predictions that are no toponym.
    pub false_places: Vec<(String, String, usize, String)>,
    /// (article, text, start, chosen place, km) of toponyms resolved too far away.
    pub wrong_places: Vec<(String, String, usize, String, f64)>,
}

impl Score {
    /// Precision on exact spans.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    /// Recall on exact spans.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// Share of correctly found toponyms resolved within 161 km or to the gold id.
    pub fn accuracy(&self) -> f64 {
        ratio(self.resolved_correct, self.resolved_total)
    }

    /// Mean resolution error in km.
    pub fn mean_error_km(&self) -> f64 {
        if self.errors_km.is_empty() {
            0.0
        } else {
            self.errors_km.iter().sum::<f64>() / self.errors_km.len() as f64
        }
    }

    /// Median resolution error in km.
    pub fn median_error_km(&self) -> f64 {
        let mut e = self.errors_km.clone();
        e.sort_by(f64::total_cmp);
        match e.len() {
            0 => 0.0,
            n if n % 2 == 1 => e[n / 2],
            n => (e[n / 2 - 1] + e[n / 2]) / 2.0,
        }
    }

    /// Scores one article's predictions against its gold annotations.
    pub fn add(&mut self, gold: &GoldArticle, predictions: &[Prediction]) {
        let key = gold.key();
        let mut matched = vec![false; gold.toponyms.len()];
        for p in predictions {
            let hit = gold.toponyms.iter().enumerate().find(|(i, t)| {
                !matched[*i]
                    && ((t.start, t.end) == (p.start, p.end)
                        || (t.ext_start, t.ext_end) == (Some(p.start), Some(p.end)))
            });
            if let Some((i, t)) = hit {
                matched[i] = true;
                self.true_positives += 1;
                self.add_resolution(&key, t, p);
                continue;
            }
            let ignored = gold.ignore.iter().any(|s| p.start < s.end && s.start < p.end);
            if !ignored {
                self.false_positives += 1;
                self.false_places
                    .push((key.clone(), p.text.clone(), p.start, p.place_name.clone()));
            }
        }
        for (t, found) in gold.toponyms.iter().zip(matched) {
            if !found {
                self.false_negatives += 1;
                self.misses.push((key.clone(), t.text.clone(), t.start));
            }
        }
    }

    fn add_resolution(&mut self, key: &str, gold: &GoldToponym, p: &Prediction) {
        let point = gold.lat.zip(gold.lon).map(|(lat, lon)| Point::new(lon, lat));
        if point.is_none() && gold.geonameid.is_none() {
            return;
        }
        self.resolved_total += 1;
        let km = point.map(|g| distance_km(g, p.lonlat));
        if let Some(km) = km {
            self.errors_km.push(km);
        }
        let same_id = gold.geonameid == Some(p.place_id);
        if same_id || km.is_some_and(|k| k <= CORRECT_WITHIN_KM) {
            self.resolved_correct += 1;
        } else {
            self.wrong_places.push((
                key.to_string(),
                gold.text.clone(),
                gold.start,
                p.place_name.clone(),
                km.unwrap_or(f64::NAN),
            ));
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prediction(start: usize, end: usize, id: u64, lon: f64, lat: f64) -> Prediction {
        Prediction {
            start,
            end,
            text: String::new(),
            place_id: id,
            place_name: String::new(),
            lonlat: Point::new(lon, lat),
        }
    }

    #[test]
    fn scores_exact_and_extended_spans_ignores_and_resolution() {
        let gold: GoldArticle = serde_json::from_str(
            r#"{"file": "a.txt", "toponyms": [
                {"start": 0, "end": 7, "text": "Kharkiv", "lat": 49.58, "lon": 36.45, "geonameid": 706482,
                 "ext_start": 0, "ext_end": 14},
                {"start": 20, "end": 26, "text": "Russia", "lat": 60.0, "lon": 100.0, "geonameid": 2017370},
                {"start": 30, "end": 35, "text": "Izium", "lat": 49.2, "lon": 37.28}],
               "ignore": [{"start": 40, "end": 49, "text": "Ukrainian"}]}"#,
        )
        .unwrap();
        let mut score = Score::default();
        score.add(
            &gold,
            &[
                prediction(0, 14, 706482, 36.46, 49.47), // extended span, right region
                prediction(20, 26, 2017370, 44.0, 57.0), // far from the gold point, same id
                prediction(40, 49, 690791, 32.0, 49.0),  // ignored span
                prediction(60, 65, 1, 0.0, 0.0),         // false place
            ],
        );
        assert_eq!(
            (score.true_positives, score.false_positives, score.false_negatives),
            (2, 1, 1)
        );
        assert_eq!(score.resolved_correct, 2);
        assert!((score.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((score.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(score.misses[0].1, "Izium");
        assert!(score.median_error_km() > 0.0);
    }
}
