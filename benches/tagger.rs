//! Benchmark: tagging throughput on news text, one core, embedded gazetteer.
//!
//! Run with `cargo bench --bench tagger`. Reads the GeoWebNews texts and the
//! sample articles from `../shared` and tags them over and over (about 20 MB
//! in all), resolution included. Prints figures; asserts nothing.
//!
//! With `GEOREF_BENCH_GEONAMES=FILE` (say `allCountries.txt`, or the synthetic
//! dump that `GEOREF_BENCH_GEONAMES_ROWS=N cargo bench --bench gazetteer`
//! writes to the temporary folder) it also loads that file as a user
//! gazetteer and tags the same text with both, in alternating rounds, and
//! prints the ratio of the two speeds.
//!
//! Last, it tags two texts of 8 MB (an article may have 10) that name places
//! and little else, to show that the resolver's time grows in line with the
//! mentions, not with their square.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use std::fmt::Write;

use georef::gazetteer::{Gazetteer, Kind};
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
    if let Some(path) = std::env::var_os("GEOREF_BENCH_GEONAMES") {
        compare_with_user_gazetteer(&tagger, &texts, rounds, Path::new(&path));
    }
    dense_texts(&tagger, &gazetteer);
}

/// Size of each text of [`dense_texts`].
const DENSE_BYTES: usize = 8_000_000;

/// Tags a text that names thousands of towns picked at random from the
/// gazetteer, and one that names two towns on two continents over and over,
/// and prints the time each takes.
fn dense_texts(tagger: &Tagger, gazetteer: &Gazetteer) {
    let towns: Vec<&str> = (0..u32::try_from(gazetteer.len()).unwrap())
        .filter_map(|i| gazetteer.place(i))
        .filter(|p| p.kind == Kind::Town && p.name.is_ascii() && !p.name.contains(' '))
        .map(|p| p.name.as_ref())
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut distinct = String::with_capacity(DENSE_BYTES + 100);
    while distinct.len() < DENSE_BYTES {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let town = towns[(seed >> 33) as usize % towns.len()];
        write!(distinct, "Residents of {town} met officials. ").unwrap();
    }
    let pair = "Residents of Pitman met officials. Farmers of Verbivka sold grain. ";
    let repeated = pair.repeat(DENSE_BYTES / pair.len());
    for (what, text) in [("random towns", &distinct), ("two far-apart towns repeated", &repeated)] {
        let start = Instant::now();
        let mentions = tagger.tag(text).len();
        println!(
            "dense text, {what}: {:.1} MB, {mentions} mentions kept, tagged in {:.2} s",
            text.len() as f64 / 1e6,
            start.elapsed().as_secs_f64()
        );
    }
}

/// Tags the texts with the embedded gazetteer and with `path` merged over
/// it, alternating rounds so that both see the same machine load, and prints
/// both speeds and their ratio.
fn compare_with_user_gazetteer(embedded: &Tagger, texts: &[String], rounds: usize, path: &Path) {
    let start = Instant::now();
    let mut gazetteer = Gazetteer::embedded().unwrap();
    let report = gazetteer.load_file(path, &mut |_| {}).expect("load the user gazetteer");
    let user = Tagger::new(&gazetteer);
    println!(
        "user gazetteer {}: {} places kept; loaded with the embedded one and tagger ready in {:.1} s",
        path.display(),
        report.places,
        start.elapsed().as_secs_f64()
    );
    let mut secs = [0.0f64; 2];
    let mut mentions = [0usize; 2];
    for _ in 0..rounds {
        for (k, tagger) in [embedded, &user].into_iter().enumerate() {
            let start = Instant::now();
            for text in texts {
                mentions[k] += tagger.tag(text).len();
            }
            secs[k] += start.elapsed().as_secs_f64();
        }
    }
    let mb = (texts.iter().map(String::len).sum::<usize>() * rounds) as f64 / 1e6;
    let (fast, slow) = (mb / secs[0], mb / secs[1]);
    println!(
        "tagging with the user gazetteer: {slow:.0} MB/s ({} mentions) against {fast:.0} MB/s ({} mentions) \
         with the embedded one in alternating rounds: {:.2}x slower",
        mentions[1],
        mentions[0],
        fast / slow
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
