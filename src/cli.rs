//! What the command line prints: loading reports, the gazetteer queries,
//! tagging output and evaluation reports.
//! `main.rs` parses arguments and calls these; the output formats are stable.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use geo::Point;
use serde::Serialize;

use crate::atomic_write::write_atomic;
use crate::eval::{CORRECT_WITHIN_KM, GoldArticle, Prediction, Score};
use crate::gazetteer::{Gazetteer, LoadProgress, Place};
use crate::tagger::{Mention, Tagger};
use crate::text::{Article, load_inputs};

/// How a list of places is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlaceFormat {
    /// Aligned columns with a header, for reading.
    Table,
    /// One JSON object a line, for scripts.
    Jsonl,
}

/// Loads the embedded gazetteer and merges the user's files over it,
/// showing progress and a summary of each file on standard error. A file
/// that cannot be used is reported and skipped; the others still load.
pub fn load_gazetteer(files: &[PathBuf]) -> anyhow::Result<Gazetteer> {
    let mut gazetteer = Gazetteer::embedded().context("loading the embedded gazetteer")?;
    let stderr = std::io::stderr();
    let interactive = stderr.is_terminal();
    for path in files {
        let name = path.display().to_string();
        let mut last = Instant::now();
        let mut show = |p: &LoadProgress| {
            if interactive && last.elapsed() > Duration::from_millis(200) {
                last = Instant::now();
                let done = match p.bytes_total {
                    Some(total) if total > 0 => format!("{:.0}%", 100.0 * p.bytes_read as f64 / total as f64),
                    _ => format!("{} MB", p.bytes_read / 1_000_000),
                };
                eprint!("\r{name}: {done}, {} rows", p.rows);
            }
        };
        let result = gazetteer.load_file(path, &mut show);
        if interactive {
            eprint!("\r");
        }
        let report = match result {
            Ok(report) => report,
            Err(error) => {
                eprintln!("georef: {error} (skipped)");
                continue;
            }
        };
        for error in &report.errors {
            eprintln!("{error}");
        }
        if report.skipped > report.errors.len() as u64 {
            eprintln!(
                "{name}: {} more malformed rows not shown",
                report.skipped - report.errors.len() as u64
            );
        }
        eprintln!(
            "{name}: read as {}: {} places, {} alternate names added; {} malformed rows skipped, {} rows of other kinds ignored",
            report.format, report.places, report.names, report.skipped, report.ignored
        );
    }
    Ok(gazetteer)
}

/// One place as printed by `georef gazetteer lookup|near`.
#[derive(Serialize)]
struct PlaceRow<'a> {
    id: u64,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    admin1: &'a str,
    population: u64,
    lat: f64,
    lon: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    km: Option<f64>,
}

impl<'a> PlaceRow<'a> {
    fn new(gazetteer: &'a Gazetteer, place: &'a Place, km: Option<f64>) -> Self {
        PlaceRow {
            id: place.id.0,
            name: &place.name,
            kind: place.kind.as_str(),
            country: place.country.as_str(),
            admin1: gazetteer.admin1_name(&place.admin1).unwrap_or(&place.admin1),
            population: place.population,
            lat: place.lat(),
            lon: place.lon(),
            km: km.map(|k| (k * 10.0).round() / 10.0),
        }
    }
}

/// `georef gazetteer lookup NAME`: the candidates for a name, best first.
/// Returns how many there were.
pub fn lookup(gazetteer: &Gazetteer, name: &str, format: PlaceFormat, out: &mut dyn Write) -> anyhow::Result<usize> {
    let rows: Vec<PlaceRow> = gazetteer
        .lookup(name)
        .into_iter()
        .filter_map(|i| gazetteer.place(i))
        .map(|p| PlaceRow::new(gazetteer, p, None))
        .collect();
    print_rows(&rows, format, out)?;
    Ok(rows.len())
}

/// `georef gazetteer near LAT LON --km N`: places around a point, nearest
/// first, at most `limit`. Returns how many were printed.
pub fn near(
    gazetteer: &Gazetteer,
    lat: f64,
    lon: f64,
    km: f64,
    limit: usize,
    format: PlaceFormat,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    anyhow::ensure!(
        (-90.0..=90.0).contains(&lat),
        "latitude {lat} is out of range (-90..90)"
    );
    anyhow::ensure!(
        (-180.0..=180.0).contains(&lon),
        "longitude {lon} is out of range (-180..180)"
    );
    anyhow::ensure!(km >= 0.0, "--km must not be negative");
    let rows: Vec<PlaceRow> = gazetteer
        .near(Point::new(lon, lat), km)
        .into_iter()
        .take(limit)
        .filter_map(|n| Some(PlaceRow::new(gazetteer, gazetteer.place(n.place)?, Some(n.km))))
        .collect();
    print_rows(&rows, format, out)?;
    Ok(rows.len())
}

fn print_rows(rows: &[PlaceRow], format: PlaceFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        PlaceFormat::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, row)?;
                writeln!(out)?;
            }
        }
        PlaceFormat::Table => {
            let with_km = rows.iter().any(|r| r.km.is_some());
            let mut table: Vec<Vec<String>> = vec![
                [
                    "id",
                    "name",
                    "kind",
                    "country",
                    "admin1",
                    "population",
                    "lat",
                    "lon",
                    "km",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            ];
            for r in rows {
                table.push(vec![
                    r.id.to_string(),
                    r.name.to_string(),
                    r.kind.to_string(),
                    r.country.to_string(),
                    r.admin1.to_string(),
                    r.population.to_string(),
                    format!("{:.5}", r.lat),
                    format!("{:.5}", r.lon),
                    r.km.map(|k| format!("{k:.1}")).unwrap_or_default(),
                ]);
            }
            if !with_km {
                table.iter_mut().for_each(|row| {
                    row.pop();
                });
            }
            let columns = table.first().map_or(0, Vec::len);
            let widths: Vec<usize> = (0..columns)
                .map(|c| table.iter().map(|row| row[c].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &table {
                let mut line = String::new();
                for (c, cell) in row.iter().enumerate() {
                    line.push_str(cell);
                    if c + 1 < row.len() {
                        line.extend(std::iter::repeat_n(' ', widths[c] - cell.chars().count() + 2));
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }
    Ok(())
}

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
    id: u64,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    lat: f64,
    lon: f64,
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
            admin1: gazetteer.admin1_name(&place.admin1).unwrap_or(&place.admin1),
        },
        score: mention.score,
        alternatives: mention
            .alternatives
            .iter()
            .filter_map(|&(i, score)| {
                let p = gazetteer.place(i)?;
                Some(Alternative {
                    id: p.id.0,
                    name: &p.name,
                    kind: p.kind.as_str(),
                    country: p.country.as_str(),
                    lat: p.lat(),
                    lon: p.lon(),
                    score,
                })
            })
            .collect(),
    })
}

/// Reads articles, reporting each bad input on standard error.
pub fn read_articles(inputs: &[PathBuf]) -> Vec<Article> {
    let (articles, errors) = load_inputs(inputs);
    for error in &errors {
        eprintln!("georef: {error} (skipped)");
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

/// `georef eval GOLD [--corpus DIR]`: scores the tagger against gold
/// annotations and prints the figures, misses and false places.
pub fn eval(
    gazetteer: &Gazetteer,
    gold_path: &std::path::Path,
    corpus: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> anyhow::Result<Score> {
    let text = std::fs::read_to_string(gold_path).with_context(|| format!("reading {}", gold_path.display()))?;
    let corpus = match corpus {
        Some(dir) => dir.to_path_buf(),
        None => gold_path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("../articles"),
    };
    let tagger = Tagger::new(gazetteer);
    let mut score = Score::default();
    let start = Instant::now();
    let mut bytes = 0usize;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let gold: GoldArticle = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold article", gold_path.display(), n + 1))?;
        let article_text = match &gold.text {
            Some(t) => t.clone(),
            None => {
                let path = corpus.join(gold.key());
                let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                crate::text::decode(&raw).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
        };
        bytes += article_text.len();
        let predictions: Vec<Prediction> = tagger
            .tag(&article_text)
            .into_iter()
            .filter_map(|m| {
                let place = gazetteer.place(m.place)?;
                Some(Prediction {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    place_id: place.id.0,
                    place_name: format!("{} ({}, {})", place.name, place.kind, place.country),
                    lonlat: place.lonlat,
                })
            })
            .collect();
        score.add(&gold, &predictions);
    }
    let secs = start.elapsed().as_secs_f64();
    writeln!(out, "gold: {}", gold_path.display())?;
    for (article, text, start) in &score.misses {
        writeln!(out, "miss\t{article}\t{start}\t{text}")?;
    }
    for (article, text, start, place) in &score.false_places {
        writeln!(out, "false\t{article}\t{start}\t{text}\t{place}")?;
    }
    for (article, text, start, place, km) in &score.wrong_places {
        writeln!(out, "wrong\t{article}\t{start}\t{text}\t{place}\t{km:.0} km")?;
    }
    writeln!(
        out,
        "toponyms: {} found, {} false, {} missed",
        score.true_positives, score.false_positives, score.false_negatives
    )?;
    writeln!(
        out,
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        score.precision(),
        score.recall(),
        score.f1()
    )?;
    writeln!(
        out,
        "accuracy within {CORRECT_WITHIN_KM:.0} km {:.3} ({} of {}); error mean {:.0} km, median {:.1} km",
        score.accuracy(),
        score.resolved_correct,
        score.resolved_total,
        score.mean_error_km(),
        score.median_error_km()
    )?;
    writeln!(out, "tagged {:.2} MB in {:.3} s", bytes as f64 / 1e6, secs)?;
    Ok(score)
}
