//! Replays the fuzz targets' kept inputs on stable Rust: every crash or hang
//! input a fuzzer found (`fuzz/regressions/<target>/`) and the seed inputs
//! (`fuzz/seeds/<target>/`) go through the same entry code as the targets
//! (`fuzz/entries.rs`), which must return without panicking.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

#[path = "../fuzz/entries.rs"]
mod entries;

/// The files of `fuzz/<folder>/<target>/`, in name order (none if it is missing).
fn inputs(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

/// Feeds every kept input of `target` to `entry`; fails if there is none.
fn replay(target: &str, entry: fn(&[u8])) {
    let files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .flat_map(|folder| inputs(folder, target))
        .collect();
    assert!(!files.is_empty(), "no kept inputs for the {target} fuzz target");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(|| entry(&data));
        assert!(outcome.is_ok(), "{target} panicked on {}", file.display());
    }
}

#[test]
fn article_decoding_inputs() {
    replay("article_decoding", entries::article_decoding);
}

#[test]
fn matcher_inputs() {
    replay("matcher", entries::matcher);
}

#[test]
fn claim_extractor_inputs() {
    replay("claim_extractor", entries::claim_extractor);
}

#[test]
fn gazetteer_import_inputs() {
    replay("gazetteer_import", entries::gazetteer_import);
}

#[test]
fn corpus_import_inputs() {
    replay("corpus_import", entries::corpus_import);
}
