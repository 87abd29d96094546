//! Benchmark: tagging throughput on news text, one core, embedded gazetteer.
//!
//! Run with `cargo bench --bench tagger`. Reads the GeoWebNews texts and the
//! sample articles from `../shared` and tags them over and over (about 20 MB
//! in all), resolution included. Prints figures; asserts nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use georef::gazetteer::Gazetteer;
use georef::tagger::Tagger;

fn main() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut texts: Vec<String> = std::fs::read_to_string(shared.join("bench/geowebnews.jsonl"))
        .expect("../shared/bench/geowebnews.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    for entry in std::fs::read_dir(shared.join("articles")).expect("../shared/articles") {
        texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let corpus_bytes: usize = texts.iter().map(String::len).sum();

    let start = Instant::now();
    let gazetteer = Gazetteer::embedded().unwrap();
    let tagger = Tagger::new(&gazetteer);
    println!(
        "load: gazetteer and tagger ready in {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    let rounds = (20_000_000 / corpus_bytes).max(1);
    let reference = reference_scan(&texts, rounds);
    let mut mentions = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            mentions += tagger.tag(text).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (corpus_bytes * rounds) as f64 / 1e6;
    println!(
        "tagging: {mb:.1} MB of news text in {secs:.2} s on one core = {:.0} MB/s ({} mentions, resolution included)",
        mb / secs,
        mentions
    );
    println!(
        "reference: a bare loop that counts capitalised words runs at {reference:.0} MB/s in this run; \
         the tagger runs at {:.0}% of it",
        100.0 * mb / secs / reference
    );
}

/// The speed of the simplest possible pass over the same text (counting
/// capitalised word starts), to compare against on a noisy, shared machine.
fn reference_scan(texts: &[String], rounds: usize) -> f64 {
    let start = Instant::now();
    let mut capitalised = 0usize;
    for _ in 0..rounds {
        for text in texts {
            let mut in_word = false;
            for &b in text.as_bytes() {
                let word = b.is_ascii_alphanumeric() || b >= 0x80;
                if word && !in_word && (b.is_ascii_uppercase() || b >= 0x80) {
                    capitalised += 1;
                }
                in_word = word;
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    std::hint::black_box(capitalised);
    bytes as f64 / 1e6 / start.elapsed().as_secs_f64()
}
