//! What the command line prints: loading reports, the gazetteer queries,
//! tagging output and evaluation reports. `main.rs` parses arguments and
//! calls these; the output formats are stable.

mod claims;
mod eval;
mod gazetteer;
mod tag;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;

use serde::Serialize;

use crate::gazetteer::{Gazetteer, LoadProgress, Place};

pub use claims::{ClaimFormat, claims};
pub use eval::eval;
pub use gazetteer::{PlaceFormat, lookup, near};
pub use tag::{TagFormat, read_articles, tag};

/// Writes a message to standard error. Unlike `eprint!`, it does not panic
/// when nobody reads standard error any more (`georef tag ... 2>&1 | head`):
/// the message is dropped and georef finishes its work.
pub fn say(message: std::fmt::Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(message);
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
                say(format_args!("\r{name}: {done}, {} rows", p.rows));
            }
        };
        let result = gazetteer.load_file(path, &mut show);
        if interactive {
            say(format_args!("\r"));
        }
        let report = match result {
            Ok(report) => report,
            Err(error) => {
                say(format_args!("georef: {error} (skipped)\n"));
                continue;
            }
        };
        for error in &report.errors {
            say(format_args!("{error}\n"));
        }
        if report.skipped > report.errors.len() as u64 {
            say(format_args!(
                "{name}: {} more malformed rows not shown\n",
                report.skipped - report.errors.len() as u64
            ));
        }
        say(format_args!(
            "{name}: read as {}: {} places, {} alternate names added; {} malformed rows skipped, {} rows of other kinds ignored\n",
            report.format, report.places, report.names, report.skipped, report.ignored
        ));
    }
    Ok(gazetteer)
}

/// The fields that name a place in every JSON output (flattened into rows).
#[derive(Serialize)]
struct PlaceFields<'a> {
    id: u64,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    lat: f64,
    lon: f64,
}

impl<'a> PlaceFields<'a> {
    fn of(place: &'a Place) -> Self {
        PlaceFields {
            id: place.id.0,
            name: &place.name,
            kind: place.kind.as_str(),
            country: place.country.as_str(),
            lat: place.lat(),
            lon: place.lon(),
        }
    }
}
