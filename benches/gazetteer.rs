//! Benchmark: load time and memory of the embedded gazetteer, and lookup speed.
//!
//! Run with `cargo bench --bench gazetteer`. Prints figures; asserts nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

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
}
