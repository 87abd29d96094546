//! Picks the place each name means: the gazetteer's prior (kind,
//! population, capital) corrected by qualifiers and by the article's own
//! geography: the countries it names and the places it is sure of.

use std::collections::HashMap;

use geo::Point;
use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::gazetteer::{Gazetteer, Kind, distance_km};

use super::matcher::Match;

/// How many ranked candidates a mention keeps.
pub const ALTERNATIVES: usize = 5;

/// A prior lead this large makes a mention an anchor for the others.
const ANCHOR_MARGIN: f64 = 2.0;
/// Bonus for a candidate in a country the article names, per mention of it (capped).
const COUNTRY_BONUS: f64 = 2.0;
/// Bonus for a candidate near an anchor, by distance band in km.
const NEAR_BONUS: [(f64, f64); 3] = [(50.0, 5.0), (250.0, 4.0), (800.0, 2.0)];
/// The most that country and nearness bonuses can add together.
const MAX_CONTEXT: f64 = COUNTRY_BONUS * 1.5 + NEAR_BONUS[0].1;
/// Bonus for the candidates of "Paris, Texas" that lie in the place after the comma.
const CONTAINED_BONUS: f64 = 8.0;
/// Bonus for a candidate whose kind the qualifier names.
const QUALIFIER_BONUS: f64 = 4.0;

/// The ranked candidates of one match, best first, with scores in 0..1
/// that sum to at most 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// (place index, score), best first, at most [`ALTERNATIVES`].
    pub ranked: Vec<(u32, f64)>,
}

/// Ranks every match's candidates in the context of the whole article.
pub fn resolve(text: &str, matches: &[Match], gazetteer: &Gazetteer) -> Vec<Ranking> {
    let mut priors: Vec<Vec<(u32, f64)>> = matches.iter().map(|m| prior_scores(m, gazetteer)).collect();
    apposition_bonus(text, matches, &mut priors, gazetteer);
    let context = Context::new(matches, &priors, gazetteer);
    priors
        .iter()
        .enumerate()
        .map(|(at, scores)| {
            // Context adds at most MAX_CONTEXT: candidates further behind the
            // best prior cannot win and keep their prior.
            let best = scores.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
            let mut scored: Vec<(u32, f64)> = scores
                .iter()
                .map(|&(place, prior)| {
                    let bonus = if prior + MAX_CONTEXT < best {
                        0.0
                    } else {
                        context.bonus(at, place, gazetteer)
                    };
                    (place, prior + bonus)
                })
                .collect();
            let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if scored.len() > ALTERNATIVES {
                // Only the top few are kept: select them, then sort those.
                scored.select_nth_unstable_by(ALTERNATIVES - 1, order);
                scored[..ALTERNATIVES].sort_by(order);
            } else {
                scored.sort_by(order);
            }
            Ranking {
                ranked: normalise(scored),
            }
        })
        .collect()
}

/// "Paris, Texas", "Kharkiv, Ukraine": a name followed by a comma and a
/// region or country that contains one of its candidates. Both get a bonus.
fn apposition_bonus(text: &str, matches: &[Match], priors: &mut [Vec<(u32, f64)>], gazetteer: &Gazetteer) {
    for at in 1..matches.len() {
        let (first, second) = (&matches[at - 1], &matches[at]);
        if text.get(first.end..second.start).is_none_or(|gap| gap.trim() != ",") {
            continue;
        }
        let mut pairs = Vec::new();
        for &(inner, _) in &priors[at - 1] {
            for &(outer, _) in &priors[at] {
                let (Some(i), Some(o)) = (gazetteer.place(inner), gazetteer.place(outer)) else {
                    continue;
                };
                let contained = match o.kind {
                    Kind::Country => i.country == o.country && i.kind != Kind::Country,
                    Kind::Region => !o.admin1.is_empty() && i.admin1 == o.admin1 && i.kind != Kind::Region,
                    _ => false,
                };
                if contained {
                    pairs.push((inner, outer));
                }
            }
        }
        for (inner, outer) in pairs {
            bump(&mut priors[at - 1], inner, CONTAINED_BONUS);
            bump(&mut priors[at], outer, CONTAINED_BONUS / 4.0);
        }
    }
}

fn bump(scores: &mut [(u32, f64)], place: u32, by: f64) {
    if let Some(s) = scores.iter_mut().find(|s| s.0 == place) {
        s.1 += by;
    }
}

fn prior_scores(m: &Match, gazetteer: &Gazetteer) -> Vec<(u32, f64)> {
    m.places
        .iter()
        .filter_map(|&i| {
            let place = gazetteer.summary(i)?;
            let qualifier = match m.qualifier {
                Some(q) if q.accepts(place.kind) => QUALIFIER_BONUS,
                Some(_) => -QUALIFIER_BONUS,
                None => 0.0,
            };
            Some((i, f64::from(place.prominence) + qualifier))
        })
        .collect()
}

/// What the article as a whole says about where it is.
struct Context {
    /// The matches that name or imply each country (demonyms and sure places).
    countries: HashMap<String, Vec<usize>>,
    /// Points of the places the article is sure of, keyed by match position.
    anchors: RTree<GeomWithData<[f64; 2], usize>>,
}

impl Context {
    fn new(matches: &[Match], priors: &[Vec<(u32, f64)>], gazetteer: &Gazetteer) -> Context {
        let mut countries: HashMap<String, Vec<usize>> = HashMap::new();
        let mut anchors = Vec::new();
        for (at, scores) in priors.iter().enumerate() {
            let Some((best, best_score, second)) = best_two(scores) else {
                continue;
            };
            let margin = best_score - second;
            let Some(place) = gazetteer.place(best) else { continue };
            let sure = margin >= ANCHOR_MARGIN || matches[at].demonym;
            if !sure {
                continue;
            }
            if !place.country.is_none() {
                countries
                    .entry(place.country.as_str().to_string())
                    .or_default()
                    .push(at);
            }
            if !matches!(place.kind, Kind::Country | Kind::Sea | Kind::Area) && !matches[at].demonym {
                anchors.push(GeomWithData::new([place.lon(), place.lat()], at));
            }
        }
        Context {
            countries,
            anchors: RTree::bulk_load(anchors),
        }
    }

    /// Context bonus for place `place` as the meaning of match number `at`.
    fn bonus(&self, at: usize, place: u32, gazetteer: &Gazetteer) -> f64 {
        let Some(p) = gazetteer.place(place) else { return 0.0 };
        // A match does not vouch for itself.
        let named = self
            .countries
            .get(p.country.as_str())
            .map_or(0, |by| by.iter().filter(|&&m| m != at).count());
        let country = COUNTRY_BONUS * (named.min(3) as f64 / 3.0 + if named > 0 { 0.5 } else { 0.0 });
        if p.kind == Kind::Country {
            return country;
        }
        // The R-tree orders anchors by planar lon/lat distance; the true
        // nearest is among the first few.
        let nearest = self
            .anchors
            .nearest_neighbor_iter(&[p.lon(), p.lat()])
            .filter(|a| a.data != at)
            .take(3)
            .map(|a| distance_km(Point::new(a.geom()[0], a.geom()[1]), p.lonlat))
            .fold(f64::INFINITY, f64::min);
        let near = NEAR_BONUS
            .iter()
            .find(|(km, _)| nearest <= *km)
            .map_or(0.0, |(_, b)| *b);
        country + near
    }
}

/// The best candidate, its score, and the runner-up's score (-inf if none).
fn best_two(scores: &[(u32, f64)]) -> Option<(u32, f64, f64)> {
    let mut best: Option<(u32, f64)> = None;
    let mut second = f64::NEG_INFINITY;
    for &(place, score) in scores {
        match best {
            Some((_, b)) if score <= b => second = second.max(score),
            Some((_, b)) => {
                second = b;
                best = Some((place, score));
            }
            None => best = Some((place, score)),
        }
    }
    best.map(|(p, s)| (p, s, second))
}

/// Turns raw scores into shares that sum to 1 (softmax), keeping the top ones.
fn normalise(scored: Vec<(u32, f64)>) -> Vec<(u32, f64)> {
    let Some(top) = scored.first().map(|s| s.1) else {
        return Vec::new();
    };
    let total: f64 = scored.iter().map(|s| (s.1 - top).exp()).sum();
    scored
        .into_iter()
        .take(ALTERNATIVES)
        .map(|(p, s)| (p, ((s - top).exp() / total * 1000.0).round() / 1000.0))
        .collect()
}
