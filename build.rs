//! Turns the compressed gazetteer in `gazetteer/` into load-ready data that
//! the binary embeds: the place table as plain text and the name table
//! (folded-name hash -> place rows) precomputed, so start-up builds nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/gazetteer/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/gazetteer/former_names.rs"]
mod former_names;
#[allow(dead_code)]
#[path = "src/gazetteer/name_table.rs"]
mod name_table;

/// Columns of `gazetteer/places.tsv.gz`, as written by `gazetteer/build.py`.
const PLACE_COLUMNS: usize = 11;
/// Kind names the runtime accepts (`Kind::as_str`).
const KINDS: [&str; 10] = [
    "country",
    "region",
    "district",
    "city",
    "town",
    "village",
    "river",
    "sea",
    "peninsula",
    "area",
];

fn main() {
    if let Err(message) = run() {
        eprintln!("build.rs: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let places_gz = Path::new("gazetteer/places.tsv.gz");
    let admin1_gz = Path::new("gazetteer/admin1.tsv.gz");
    println!("cargo::rerun-if-changed={}", places_gz.display());
    println!("cargo::rerun-if-changed={}", admin1_gz.display());
    println!("cargo::rerun-if-changed=src/gazetteer/fold.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/name_table.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/former_names.rs");

    let places = gunzip(places_gz)?;
    let mut names = name_table::NameTableBuilder::default();
    let mut folded = String::new();
    let mut previous_id = None;
    for (row, line) in places.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let id = validate(&cols).map_err(|e| format!("{}:{}: {e}", places_gz.display(), row + 1))?;
        // The app finds embedded places by binary search on the id.
        if previous_id.is_some_and(|p| p >= id) {
            return Err(format!(
                "{}:{}: ids are not strictly increasing",
                places_gz.display(),
                row + 1
            ));
        }
        previous_id = Some(id);
        let row = u32::try_from(row).map_err(|e| e.to_string())?;
        let alternates = cols[10].split('|').filter(|n| !n.is_empty());
        let population: u64 = cols[5].parse().map_err(|e| format!("population: {e}"))?;
        for name in std::iter::once(cols[2]).chain(alternates) {
            fold::fold_into(name, &mut folded);
            names.add_spellings(&folded, cols[3], population, row);
        }
    }
    write(&out_dir.join("places.tsv"), places.as_bytes())?;
    write(&out_dir.join("names.bin"), &names.into_bytes())?;
    write(&out_dir.join("former.bin"), &former_names(&places))?;
    let name_tags: Vec<u8> = places
        .lines()
        .filter_map(|line| line.split('\t').nth(2))
        .flat_map(|name| former_names::own_name_tag(name).to_le_bytes())
        .collect();
    write(&out_dir.join("name_tags.bin"), &name_tags)?;
    write(&out_dir.join("admin1.tsv"), gunzip(admin1_gz)?.as_bytes())?;
    Ok(())
}

/// The former names of the places (rows already validated), serialised:
/// first the own names of every town, then each place's alternates that
/// are one of those and not a spelling of the place's own name.
fn former_names(places: &str) -> Vec<u8> {
    let rows = || places.lines().map(|line| line.split('\t').collect::<Vec<&str>>());
    let towns: std::collections::HashSet<u64> = rows()
        .filter(|cols| former_names::is_populated_kind(cols[1]))
        .flat_map(|cols| former_names::town_names(cols[2]).map(fold::fold_hash))
        .collect();
    let town_names = |hash: u64| towns.contains(&hash);
    let mut former = former_names::FormerNamesBuilder::default();
    let mut folded = String::new();
    for (row, cols) in rows().enumerate() {
        for alternate in cols[10].split('|').filter(|n| !n.is_empty()) {
            fold::fold_into(alternate, &mut folded);
            let hash = fold::name_hash(&folded);
            if former_names::is_former_name(&folded, hash, cols[1], cols[2], &town_names) {
                former.add(hash, row as u32);
            }
        }
    }
    former.into_bytes()
}

/// Rejects rows the runtime parser would not accept, so a bad data file
/// fails the build instead of the app; returns the row's id.
fn validate(cols: &[&str]) -> Result<u64, String> {
    if cols.len() != PLACE_COLUMNS {
        return Err(format!("{} columns, expected {PLACE_COLUMNS}", cols.len()));
    }
    let id = cols[0].parse::<u64>().map_err(|e| format!("id: {e}"))?;
    if !KINDS.contains(&cols[1]) {
        return Err(format!("unknown kind {:?}", cols[1]));
    }
    if !(cols[3].is_empty() || (cols[3].len() == 2 && cols[3].bytes().all(|b| b.is_ascii_uppercase()))) {
        return Err(format!("country {:?} is not a two-letter code", cols[3]));
    }
    cols[5].parse::<u64>().map_err(|e| format!("population: {e}"))?;
    let lat: f64 = cols[6].parse().map_err(|e| format!("lat: {e}"))?;
    let lon: f64 = cols[7].parse().map_err(|e| format!("lon: {e}"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("point {lat},{lon} out of range"));
    }
    Ok(id)
}

fn gunzip(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
