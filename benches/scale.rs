//! Benchmark: a year of news. Writes N synthetic articles (the demo
//! corpus's sentences with random cities, dates and filler words; about
//! 2.6 KB each) to a JSONL file, then reads, tags, extracts claims, finds
//! copies and groups claims as `georef claims` does, on all cores. Prints
//! the time of each stage and the peak memory of the process.
//!
//! Run with `cargo bench --bench scale`; GEOREF_BENCH_ARTICLES sets N
//! (default 10,000). Prints figures; asserts nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::time::Instant;

use georef::corpus::{Corpus, find_copies, tag};
use georef::demo::SyntheticCorpus;
use georef::gazetteer::Gazetteer;
use georef::text::load_inputs;

/// Peak resident memory of this process in MB (Linux), if known.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time (user and system) of all the process's threads so far, in
/// seconds (Linux, 100 ticks a second), if known.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which ends with the last ')'.
    let fields: Vec<&str> = stat.get(stat.rfind(')')? + 2..)?.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let count: usize = std::env::var("GEOREF_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let gazetteer = Gazetteer::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synthetic.jsonl");
    {
        let generator = SyntheticCorpus::new(&gazetteer);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for chunk in (0..count).collect::<Vec<_>>().chunks(10_000) {
            let seed = chunk[0] as u64;
            for a in generator.articles(chunk.len(), 20, seed) {
                let line = serde_json::json!({
                    "id": format!("{}-{}", a.id, seed),
                    "title": a.title,
                    "date": a.date.map(|d| d.to_string()),
                    "source": a.source,
                    "text": a.text,
                });
                writeln!(out, "{line}").unwrap();
            }
        }
    }
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "{count} synthetic articles, {:.1} MB of JSONL; gazetteer loaded; peak so far {:.0} MB",
        bytes as f64 / 1e6,
        peak_mb().unwrap_or(0.0)
    );
    let cpu_start = cpu_seconds().unwrap_or(0.0);
    let start = Instant::now();
    let (articles, errors) = load_inputs(&[path]);
    assert!(errors.is_empty());
    let read = start.elapsed();
    let start = Instant::now();
    let tagged = tag(&articles, &gazetteer);
    let tagging = start.elapsed();
    let start = Instant::now();
    let corpus = Corpus::assemble(articles, tagged, Vec::new(), &gazetteer);
    let assembly = start.elapsed();
    let mentions: usize = corpus.mentions.iter().map(Vec::len).sum();
    println!(
        "read {:.2} s; tag {:.2} s; claims, copies and groups {:.2} s; total {:.2} s on {} threads, {:.1} s of CPU",
        read.as_secs_f64(),
        tagging.as_secs_f64(),
        assembly.as_secs_f64(),
        (read + tagging + assembly).as_secs_f64(),
        rayon::current_num_threads(),
        cpu_seconds().unwrap_or(0.0) - cpu_start
    );
    let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    let start = Instant::now();
    let copies = find_copies(&texts);
    println!(
        "of which copies and shared passages (run again alone): {:.2} s, {} passages",
        start.elapsed().as_secs_f64(),
        copies.passages.len()
    );
    println!(
        "{} articles, {mentions} mentions, {} claims in {} groups, {} shared passages; peak memory {:.0} MB",
        corpus.articles.len(),
        corpus.claims.len(),
        corpus.groups.len(),
        corpus.passages.len(),
        peak_mb().unwrap_or(0.0)
    );
}
