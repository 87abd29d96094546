//! Benchmark: load time and memory of the embedded gazetteer, and lookup speed.
//!
//! Run with `cargo bench --bench gazetteer`. Prints figures; asserts nothing.
//!
//! With `GEOREF_BENCH_GEONAMES=FILE` it also loads that GeoNames dump (say
//! `allCountries.txt`) as a user gazetteer; with `GEOREF_BENCH_GEONAMES_ROWS=N`
//! it first writes a synthetic dump of N rows in the same 19-column format,
//! with GeoNames' mix of feature classes, and loads that. Half of its names
//! are the embedded gazetteer's own, so that, as in allCountries, the names
//! news text uses have many more candidates (about 27 more each at 13
//! million rows: streams, hills, farms and villages named after towns).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use georef::gazetteer::{Gazetteer, fold};

/// Peak and current resident memory of this process in MB (Linux).
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn main() {
    let (_, rss_before) = memory_mb();
    let start = Instant::now();
    let gazetteer = Gazetteer::embedded().expect("embedded gazetteer");
    let first = start.elapsed();
    let (peak, rss_after) = memory_mb();
    println!(
        "embedded gazetteer: {} places; first load {:.0} ms; peak memory {:.0} MB (process), {:.0} MB held after load",
        gazetteer.len(),
        first.as_secs_f64() * 1e3,
        peak,
        rss_after - rss_before
    );
    drop(gazetteer);

    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let g = Gazetteer::embedded().expect("embedded gazetteer");
            let t = start.elapsed().as_secs_f64() * 1e3;
            drop(g);
            t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "embedded gazetteer load: median {:.0} ms, min {:.0} ms over 7 runs",
        times[3], times[0]
    );

    let gazetteer = Gazetteer::embedded().expect("embedded gazetteer");
    let names: Vec<String> = gazetteer
        .places()
        .iter()
        .step_by(7)
        .map(|p| p.name.to_string())
        .collect();
    let start = Instant::now();
    let mut hits = 0usize;
    for name in &names {
        hits += gazetteer.indexes_for_hash(fold::name_hash(&fold::fold(name))).len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "name lookup (fold + hash + probe): {:.0} ns each over {} names ({} candidates)",
        secs * 1e9 / names.len() as f64,
        names.len(),
        hits
    );
    let all_names: Vec<String> = gazetteer.places().iter().map(|p| p.name.to_string()).collect();
    drop(gazetteer);

    if let Some(path) = user_dump(&all_names) {
        load_user_dump(&path);
    }
}

/// The GeoNames dump to load, if the environment asks for one; a synthetic
/// one borrows from `real_names`.
fn user_dump(real_names: &[String]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("GEOREF_BENCH_GEONAMES") {
        return Some(PathBuf::from(path));
    }
    let rows: u64 = std::env::var("GEOREF_BENCH_GEONAMES_ROWS").ok()?.parse().ok()?;
    let path = std::env::temp_dir().join(format!("georef-bench-geonames-mixed-{rows}.txt"));
    if !path.exists() {
        let start = Instant::now();
        write_synthetic_dump(&path, rows, real_names).expect("write the synthetic dump");
        println!(
            "wrote {} synthetic rows to {} in {:.1} s",
            rows,
            path.display(),
            start.elapsed().as_secs_f64()
        );
    }
    Some(path)
}

/// Writes `rows` GeoNames-format rows: names made up or, half of them,
/// taken from `real_names`, two to six alternate names chosen the same way,
/// points anywhere, and feature classes in roughly allCountries'
/// proportions (P 36%, T 21%, S 19%, H 17%, L 4%, A 3%).
fn write_synthetic_dump(path: &PathBuf, rows: u64, real_names: &[String]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const SYLLABLES: [&str; 16] = [
        "ka", "ro", "vi", "ne", "lo", "mar", "pol", "sk", "ye", "dor", "an", "bu", "ch", "ha", "ri", "zo",
    ];
    let word = |n: u64| {
        let mut w = String::new();
        for i in 0..(2 + n % 3) {
            w.push_str(SYLLABLES[((n >> (4 * i)) % 16) as usize]);
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let pick = |n: u64| match real_names.len() as u64 {
        0 => word(n >> 1),
        len if n.is_multiple_of(2) => real_names[((n >> 1) % len) as usize].clone(),
        _ => word(n >> 1),
    };
    for id in 0..rows {
        let r = next();
        let (class, code) = match r % 100 {
            0..36 => ("P", "PPL"),
            36..57 => ("T", "HLL"),
            57..76 => ("S", "FRM"),
            76..93 => ("H", "STM"),
            93..97 => ("L", "AREA"),
            _ => ("A", "ADM3"),
        };
        let name = pick(next());
        let alts: Vec<String> = (0..2 + next() % 5).map(|_| pick(next())).collect();
        let lat = (next() % 180_000) as f64 / 1000.0 - 90.0;
        let lon = (next() % 360_000) as f64 / 1000.0 - 180.0;
        writeln!(
            out,
            "{}\t{name}\t{name}\t{}\t{lat:.5}\t{lon:.5}\t{class}\t{code}\tUA\t\t07\t\t\t\t{}\t\t100\tEurope/Kyiv\t2024-01-01",
            20_000_000 + id,
            alts.join(","),
            next() % 5000
        )?;
    }
    out.flush()
}

fn load_user_dump(path: &PathBuf) {
    let mut gazetteer = Gazetteer::embedded().expect("embedded gazetteer");
    let (peak_before, rss_before) = memory_mb();
    let start = Instant::now();
    let report = gazetteer.load_file(path, &mut |_| {}).expect("load the dump");
    let secs = start.elapsed().as_secs_f64();
    let (peak, rss) = memory_mb();
    let size_mb = std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "user GeoNames dump {} ({size_mb:.0} MB): {} places kept, {} rows ignored, {} skipped in {secs:.1} s; \
         peak memory {peak:.0} MB (was {peak_before:.0} MB), {:.0} MB held for the added places",
        path.display(),
        report.places,
        report.ignored,
        report.skipped,
        rss - rss_before
    );
}
