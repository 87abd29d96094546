//! `georef tag`: mentions as JSON lines or a GeoJSON FeatureCollection.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;

use super::PlaceFields;
use crate::atomic_write::write_atomic;
use crate::gazetteer::Gazetteer;
use crate::tagger::{Mention, Tagger};
use crate::text::{Article, load_inputs};

/// Output format of `georef tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TagFormat {
    /// One mention a line.
    Jsonl,
    /// An RFC 7946 FeatureCollection with one Point a mention.
    Geojson,
}

/// One mention as `georef tag` prints it.
#[derive(Serialize)]
struct MentionRow<'a> {
    file: &'a str,
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    demonym: bool,
    lat: f64,
    lon: f64,
    place: PlaceRef<'a>,
    score: f64,
    alternatives: Vec<Alternative<'a>>,
}

#[derive(Serialize)]
struct PlaceRef<'a> {
    id: u64,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    admin1: &'a str,
}

#[derive(Serialize)]
struct Alternative<'a> {
    #[serde(flatten)]
    place: PlaceFields<'a>,
    score: f64,
}

fn mention_row<'a>(gazetteer: &'a Gazetteer, article: &'a Article, mention: &'a Mention) -> Option<MentionRow<'a>> {
    let place = gazetteer.place(mention.place)?;
    Some(MentionRow {
        file: &article.file,
        article: &article.id,
        start: mention.start,
        end: mention.end,
        text: &mention.text,
        demonym: mention.demonym,
        lat: place.lat(),
        lon: place.lon(),
        place: PlaceRef {
            id: place.id.0,
            name: &place.name,
            kind: place.kind.as_str(),
            country: place.country.as_str(),
            admin1: gazetteer.admin1_label(place),
        },
        score: mention.score,
        alternatives: mention
            .alternatives
            .iter()
            .filter_map(|&(i, score)| {
                let p = gazetteer.place(i)?;
                Some(Alternative {
                    place: PlaceFields::of(p),
                    score,
                })
            })
            .collect(),
    })
}

/// Reads articles, reporting each bad input (and each warning) on standard error.
pub fn read_articles(inputs: &[PathBuf]) -> Vec<Article> {
    let (articles, errors) = load_inputs(inputs);
    for error in &errors {
        super::say(format_args!("georef: {error}\n"));
    }
    articles
}

/// `georef tag`: tags the articles and writes the mentions to `out` (or
/// atomically to `output`). Returns the number of mentions.
pub fn tag(
    gazetteer: &Gazetteer,
    articles: &[Article],
    format: TagFormat,
    output: Option<&std::path::Path>,
) -> anyhow::Result<usize> {
    let tagger = Tagger::new(gazetteer);
    let mut buffer: Vec<u8> = Vec::new();
    let mut count = 0;
    let mut features = Vec::new();
    for article in articles {
        for mention in tagger.tag(&article.text) {
            let Some(row) = mention_row(gazetteer, article, &mention) else {
                continue;
            };
            count += 1;
            match format {
                TagFormat::Jsonl => {
                    serde_json::to_writer(&mut buffer, &row)?;
                    buffer.push(b'\n');
                }
                TagFormat::Geojson => {
                    let (lon, lat) = (row.lon, row.lat);
                    let mut properties = serde_json::to_value(&row)?;
                    if let Some(map) = properties.as_object_mut() {
                        map.remove("lat");
                        map.remove("lon");
                    }
                    features.push(serde_json::json!({
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [lon, lat]},
                        "properties": properties,
                    }));
                }
            }
        }
        if output.is_none() && format == TagFormat::Jsonl {
            std::io::stdout().lock().write_all(&buffer)?;
            buffer.clear();
        }
    }
    if format == TagFormat::Geojson {
        let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
        serde_json::to_writer(&mut buffer, &collection)?;
        buffer.push(b'\n');
    }
    match output {
        Some(path) => write_atomic(path, &buffer).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::stdout().lock().write_all(&buffer)?,
    }
    Ok(count)
}
