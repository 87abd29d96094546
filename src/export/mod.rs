//! GeoJSON (RFC 7946) of what a [`ViewFilter`] shows: one Point per place
//! mentioned, one feature per claim (the region's outline when it names a
//! region), and optionally one Point per mention. Lon/lat order, exterior
//! rings counter-clockwise; files are written atomically.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use geo::orient::{Direction, Orient};
use geo::{MultiPolygon, Point};
use serde_json::{Value, json};

use crate::atomic_write::write_atomic;
use crate::claims::Claim;
use crate::corpus::{Corpus, ViewFilter};
use crate::gazetteer::{Gazetteer, region_shape};

/// What to export.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Which articles and mentions are in view.
    pub filter: ViewFilter,
    /// Also one Point per mention, with its sentence.
    pub mentions: bool,
}

/// The FeatureCollection of everything the filter shows.
pub fn feature_collection(corpus: &Corpus, gazetteer: &Gazetteer, options: &ExportOptions) -> Value {
    let in_view = corpus.in_view(&options.filter);
    let mut features = place_features(corpus, gazetteer, &in_view, &options.filter);
    for claim in corpus
        .claims
        .iter()
        .filter(|c| in_view.get(c.article_index).copied().unwrap_or(false) && options.filter.includes_claim(c))
    {
        features.push(claim_feature(corpus, gazetteer, claim));
    }
    if options.mentions {
        features.extend(mention_features(corpus, gazetteer, &in_view));
    }
    json!({ "type": "FeatureCollection", "features": features })
}

/// Writes the collection to `path` atomically (temporary file, then rename).
pub fn write_geojson(path: &Path, collection: &Value) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(collection).map_err(std::io::Error::other)?;
    write_atomic(path, &bytes)
}

fn point(p: Point<f64>) -> Value {
    json!({ "type": "Point", "coordinates": [round(p.x()), round(p.y())] })
}

fn round(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

/// A MultiPolygon with RFC 7946 winding: exteriors counter-clockwise.
fn multipolygon(shape: &MultiPolygon<f64>) -> Value {
    let oriented = shape.orient(Direction::Default);
    let polygons: Vec<Value> = oriented
        .0
        .iter()
        .map(|poly| {
            let rings: Vec<Value> = std::iter::once(poly.exterior())
                .chain(poly.interiors())
                .map(|ring| Value::Array(ring.coords().map(|c| json!([round(c.x), round(c.y)])).collect()))
                .collect();
            Value::Array(rings)
        })
        .collect();
    json!({ "type": "MultiPolygon", "coordinates": polygons })
}

fn place_features(corpus: &Corpus, gazetteer: &Gazetteer, in_view: &[bool], filter: &ViewFilter) -> Vec<Value> {
    #[derive(Default)]
    struct Tally {
        mentions: usize,
        articles: BTreeSet<usize>,
    }
    let mut tallies: BTreeMap<u32, Tally> = BTreeMap::new();
    for (a, mentions) in corpus.mentions.iter().enumerate() {
        if !in_view[a] {
            continue;
        }
        for (i, m) in mentions.iter().enumerate() {
            if corpus.mention_counts(filter, a, i, gazetteer) {
                let tally = tallies.entry(m.place).or_default();
                tally.mentions += 1;
                tally.articles.insert(a);
            }
        }
    }
    tallies
        .into_iter()
        .filter_map(|(place, tally)| {
            let p = gazetteer.place(place)?;
            let sources: BTreeSet<usize> = tally.articles.iter().map(|&a| corpus.syndication[a]).collect();
            let dates: Vec<_> = tally.articles.iter().filter_map(|&a| corpus.articles[a].date).collect();
            Some(json!({
                "type": "Feature",
                "geometry": point(p.lonlat),
                "properties": {
                    "feature_type": "place",
                    "place_id": p.id.0,
                    "name": &*p.name,
                    "kind": p.kind.as_str(),
                    "country": p.country.as_str(),
                    "admin1": gazetteer.admin1_label(p),
                    "mention_count": tally.mentions,
                    "independent_sources": sources.len(),
                    "article_ids": tally.articles.iter().map(|&a| corpus.articles[a].id.clone()).collect::<Vec<_>>(),
                    "first_date": dates.iter().min().map(ToString::to_string),
                    "last_date": dates.iter().max().map(ToString::to_string),
                }
            }))
        })
        .collect()
}

fn claim_feature(corpus: &Corpus, gazetteer: &Gazetteer, claim: &Claim) -> Value {
    let first = claim.places.first().and_then(|p| gazetteer.place(p.place));
    let geometry = match first {
        Some(p) => match p.polygon.as_deref().and_then(region_shape) {
            Some(shape) => multipolygon(shape),
            None => point(p.lonlat),
        },
        None => Value::Null,
    };
    let group = corpus.groups.get(claim.group);
    let places: Vec<&str> = claim
        .places
        .iter()
        .filter_map(|p| gazetteer.place(p.place))
        .map(|p| &*p.name)
        .collect();
    let place_ids: Vec<u64> = claim
        .places
        .iter()
        .filter_map(|p| gazetteer.place(p.place))
        .map(|p| p.id.0)
        .collect();
    json!({
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "feature_type": "claim",
            "article": &claim.article,
            "article_date": corpus.articles.get(claim.article_index).and_then(|a| a.date).map(|d| d.to_string()),
            "sentence": &claim.sentence,
            "sentence_start": claim.sentence_start,
            "sentence_end": claim.sentence_end,
            "trigger": &claim.trigger,
            "action": claim.action.as_str(),
            "actor": claim.actor.as_ref().map(|s| s.name.clone()),
            "controller_after": claim.controller_after.as_ref().map(|s| s.name.clone()),
            "places": places,
            "place_ids": place_ids,
            "area_km2": claim.area.as_ref().map(|a| (a.km2 * 10.0).round() / 10.0),
            "area_text": claim.area.as_ref().map(|a| a.text.clone()),
            "claimant": &claim.claimant,
            "hedged": claim.hedged,
            "negated": claim.negated,
            "event_date": claim.event_date.as_ref().map(|e| e.date.to_string()),
            "event_date_precision": claim.event_date.as_ref().map(|e| e.precision),
            "event_date_text": claim.event_date.as_ref().map(|e| e.text.clone()),
            "group": claim.group,
            "group_agreement": group.is_some_and(|g| g.agreement),
            "group_contradiction": group.is_some_and(|g| g.contradiction),
            "independent_sources": group.map_or(1, |g| g.independent_sources),
        }
    })
}

fn mention_features(corpus: &Corpus, gazetteer: &Gazetteer, in_view: &[bool]) -> Vec<Value> {
    let mut out = Vec::new();
    for (a, mentions) in corpus.mentions.iter().enumerate() {
        if !in_view[a] {
            continue;
        }
        let article = &corpus.articles[a];
        for m in mentions {
            let Some(p) = gazetteer.place(m.place) else { continue };
            // Boilerplate mentions are kept, flagged; the map hides them.
            let boilerplate = corpus.is_boilerplate(a, m.byte_start);
            out.push(json!({
                "type": "Feature",
                "geometry": point(p.lonlat),
                "properties": {
                    "feature_type": "mention",
                    "article": &article.id,
                    "text": &m.text,
                    "start": m.start,
                    "end": m.end,
                    "demonym": m.demonym,
                    "boilerplate": boilerplate,
                    "place_id": p.id.0,
                    "name": &*p.name,
                    "kind": p.kind.as_str(),
                    "score": m.score,
                    "sentence": corpus.sentence_of(a, m.byte_start),
                }
            }));
        }
    }
    out
}
