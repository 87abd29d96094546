//! `georef gazetteer lookup|near`: places as a table or JSON lines.

use std::io::Write;

use geo::Point;
use serde::Serialize;

use crate::gazetteer::{Gazetteer, Place};

/// How a list of places is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlaceFormat {
    /// Aligned columns with a header, for reading.
    Table,
    /// One JSON object a line, for scripts.
    Jsonl,
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
            admin1: gazetteer.admin1_label(place),
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
