//! Bad input, one case a test, run through the `georef` command line as a
//! user would: each case must give a message naming the file (and line)
//! and the problem, and the rest of the batch must still be read.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Articles around the bad one: read before it and after it.
const GOOD_BEFORE: (&str, &str) = ("a-good.txt", "Shelling hit Kharkiv overnight.\n");
const GOOD_AFTER: (&str, &str) = ("z-good.txt", "Russian forces left Izium on Saturday.\n");

/// A folder holding the two good articles.
fn batch_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [GOOD_BEFORE, GOOD_AFTER] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `georef ARGS`; as root, without the capabilities that let root read any
/// file (through util-linux's setpriv), so that file permissions hold.
fn georef(args: &[&Path]) -> Output {
    let exe = env!("CARGO_BIN_EXE_georef");
    let root = std::fs::metadata("/proc/self").unwrap().uid() == 0;
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--bounding-set=-dac_override,-dac_read_search", exe]);
        c
    } else {
        Command::new(exe)
    };
    command
        .args(args)
        .output()
        .expect("georef runs (as root, util-linux's setpriv is needed too)")
}

/// What `georef tag` printed: the articles it found mentions in, and its
/// standard error.
struct Tagged {
    articles: BTreeSet<String>,
    stderr: String,
}

fn tag(inputs: &[&Path]) -> Tagged {
    let mut args: Vec<&Path> = vec![Path::new("tag")];
    args.extend(inputs);
    let out = georef(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    let articles = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let row: serde_json::Value = serde_json::from_str(l).unwrap();
            row["article"].as_str().unwrap().to_string()
        })
        .collect();
    Tagged { articles, stderr }
}

/// Tags the batch folder and checks that the good articles around the bad
/// inputs were read and that standard error says each of `expected`.
fn tag_batch(dir: &tempfile::TempDir, expected: &[String]) -> Tagged {
    let tagged = tag(&[dir.path()]);
    assert!(
        tagged.articles.contains(GOOD_BEFORE.0) && tagged.articles.contains(GOOD_AFTER.0),
        "the rest of the batch: {:?}\n{}",
        tagged.articles,
        tagged.stderr
    );
    for message in expected {
        assert!(
            tagged.stderr.contains(message),
            "expected {message:?} in:\n{}",
            tagged.stderr
        );
    }
    tagged
}

/// The path of `name` in `dir`, as messages show it.
fn path_in(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

#[test]
fn an_empty_file_is_skipped_by_name() {
    let dir = batch_dir();
    std::fs::write(dir.path().join("m-empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("m-blank.txt"), " \n\r\n\t\n").unwrap();
    tag_batch(
        &dir,
        &[
            format!("{}: empty file (skipped)", path_in(&dir, "m-empty.txt")),
            format!("{}: empty file (skipped)", path_in(&dir, "m-blank.txt")),
        ],
    );
}

#[test]
fn a_binary_file_is_skipped_by_name() {
    let dir = batch_dir();
    std::fs::write(dir.path().join("m-image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let controls: Vec<u8> = (0..400u32).map(|i| (i % 8 + 1) as u8).collect();
    std::fs::write(dir.path().join("m-controls.md"), controls).unwrap();
    tag_batch(
        &dir,
        &[
            format!(
                "{}: binary file (NUL bytes), not text (skipped)",
                path_in(&dir, "m-image.txt")
            ),
            format!(
                "{}: binary file (control bytes), not text (skipped)",
                path_in(&dir, "m-controls.md")
            ),
        ],
    );
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning_naming_the_line() {
    let dir = batch_dir();
    std::fs::write(
        dir.path().join("m-latin.txt"),
        b"Front line report\nThe \x93liberation\x94 of Kharkiv \x96 and of Kyiv, caf\xe9s open.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("m-latin.jsonl"),
        b"{\"id\": \"utf8\", \"text\": \"Kherson at dawn.\"}\n{\"id\": \"cp1252\", \"text\": \"Caf\xe9s in Mykolaiv.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("m-latin.csv"), b"id,text\nc1,Caf\xe9s in Odesa.\n").unwrap();
    let tagged = tag_batch(
        &dir,
        &[
            format!(
                "{}:2: not UTF-8; read as Windows-1252 (Latin-1)\n",
                path_in(&dir, "m-latin.txt")
            ),
            format!(
                "{}:2: not UTF-8; read as Windows-1252 (Latin-1)\n",
                path_in(&dir, "m-latin.jsonl")
            ),
            format!(
                "{}:2: not UTF-8; read as Windows-1252 (Latin-1)\n",
                path_in(&dir, "m-latin.csv")
            ),
        ],
    );
    // Read, not skipped: the places in them are found.
    for article in ["m-latin.txt", "utf8", "cp1252", "c1"] {
        assert!(tagged.articles.contains(article), "{article}: {:?}", tagged.articles);
    }
    assert!(!tagged.stderr.contains("(skipped)"), "{}", tagged.stderr);
}

#[test]
fn a_100_mb_single_line_is_refused_without_being_tagged() {
    let dir = batch_dir();
    let line = "Kharkiv and Izium ".repeat(100_000_000 / 18);
    std::fs::write(dir.path().join("m-huge.txt"), &line).unwrap();
    let jsonl = format!(
        "{{\"id\": \"j-before\", \"text\": \"Odesa.\"}}\n{{\"id\": \"j-huge\", \"text\": \"{line}\"}}\n\
         {{\"id\": \"j-after\", \"text\": \"Lviv.\"}}\n"
    );
    std::fs::write(dir.path().join("m-huge.jsonl"), jsonl).unwrap();
    let csv = format!("id,text\nc-before,Kyiv.\nc-huge,{line}\nc-after,Dnipro.\n");
    std::fs::write(dir.path().join("m-huge.csv"), csv).unwrap();
    drop(line);
    let tagged = tag_batch(
        &dir,
        &[
            format!(
                "{}: a text of 100.0 MB is larger than an article can be (10.0 MB); split it into articles (skipped)",
                path_in(&dir, "m-huge.txt")
            ),
            format!("{}:2: a line of 100.0 MB is larger", path_in(&dir, "m-huge.jsonl")),
            format!("{}:3: a row of 100.0 MB is larger", path_in(&dir, "m-huge.csv")),
        ],
    );
    for id in ["j-before", "j-after", "c-before", "c-after"] {
        assert!(tagged.articles.contains(id), "{id}: {:?}", tagged.articles);
    }
    for id in ["j-huge", "c-huge", "m-huge.txt"] {
        assert!(!tagged.articles.contains(id), "{id}");
    }
}

#[test]
fn a_broken_jsonl_line_is_skipped_and_the_lines_around_it_are_read() {
    let dir = batch_dir();
    std::fs::write(
        dir.path().join("m-corpus.jsonl"),
        "{\"id\": \"one\", \"text\": \"Kherson at dawn.\"}\n\
         {\"id\": \"two\", \"text\": \"Mykolaiv under fire\n\
         {\"id\": \"three\", \"text\": \"Kyiv at night.\"}\n\
         [\"not\", \"an\", \"object\"]\n\
         {\"id\": \"five\"}\n",
    )
    .unwrap();
    let file = path_in(&dir, "m-corpus.jsonl");
    let tagged = tag_batch(
        &dir,
        &[
            format!("{file}:2: not an article object: EOF while parsing"),
            format!("{file}:4: not an article object: a line must be a JSON object"),
            format!("{file}:5: not an article object: missing field `text`"),
        ],
    );
    assert!(tagged.articles.contains("one") && tagged.articles.contains("three"));
}

#[test]
fn csv_rows_and_headers_with_missing_columns_are_skipped_by_line() {
    let dir = batch_dir();
    std::fs::write(
        dir.path().join("m-rows.csv"),
        "id,date,text\nr1,2022-09-10,Kyiv was calm.\nr2,Kherson was retaken\nr3,2022-09-11,Odesa next.\n\
         r4,2022-09-12,Lviv,extra\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("m-notext.csv"), "id,title\n1,Kharkiv\n").unwrap();
    let rows = path_in(&dir, "m-rows.csv");
    let tagged = tag_batch(
        &dir,
        &[
            format!("{rows}:3: 2 fields where the header has 3 (skipped)"),
            format!("{rows}:5: 4 fields where the header has 3 (skipped)"),
            format!(
                "{}:1: no text column in the header (expected id, title, date, source, url, text) (skipped)",
                path_in(&dir, "m-notext.csv")
            ),
        ],
    );
    assert!(tagged.articles.contains("r1") && tagged.articles.contains("r3"));
    assert!(!tagged.articles.contains("r2") && !tagged.articles.contains("r4"));
}

#[test]
fn an_unreadable_or_missing_file_is_skipped_by_name() {
    let dir = batch_dir();
    let locked = dir.path().join("m-locked.txt");
    std::fs::write(&locked, "Kharkiv.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let missing = dir.path().join("missing.txt");
    let tagged = tag(&[dir.path(), &missing]);
    for (path, problem) in [(&locked, "Permission denied"), (&missing, "No such file or directory")] {
        let expected = format!("{}: {problem}", path.display());
        assert!(tagged.stderr.contains(&expected), "{expected}: {}", tagged.stderr);
    }
    assert!(tagged.articles.contains(GOOD_BEFORE.0) && tagged.articles.contains(GOOD_AFTER.0));
}

#[test]
fn symlink_loops_and_pipes_in_a_folder_are_skipped_by_name() {
    let dir = batch_dir();
    let sub = dir.path().join("m-sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inner.txt"), "Odesa harbour.\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("up")).unwrap();
    std::os::unix::fs::symlink(sub.join("self.txt"), sub.join("self.txt")).unwrap();
    let fifo = sub.join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let tagged = tag_batch(
        &dir,
        &[
            format!(
                "{}: folder already read (a symlink loop?) (skipped)",
                sub.join("up").display()
            ),
            format!("{}: Too many levels of symbolic links", sub.join("self.txt").display()),
            format!(
                "{}: not a regular file (a pipe, socket or device) (skipped)",
                fifo.display()
            ),
        ],
    );
    assert!(tagged.articles.contains("inner.txt"));
    // Each article once: the loop did not read the folder again.
    let out = georef(&[Path::new("tag"), dir.path()]);
    let lines = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines.matches("\"article\":\"a-good.txt\"").count(), 1, "{lines}");
}

/// A GeoNames row with the 19 standard columns.
fn geonames_row(id: u64, name: &str, lat: &str, lon: &str) -> String {
    format!("{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\tPPL\tUA\t\t07\t\t\t\t5000\t\t150\tEurope/Kyiv\t2024-01-01\n")
}

/// `georef --gazetteer FILE... gazetteer lookup NAME`: standard output and error.
fn lookup(gazetteers: &[PathBuf], name: &str) -> (String, String) {
    let mut args: Vec<&Path> = Vec::new();
    for g in gazetteers {
        args.push(Path::new("--gazetteer"));
        args.push(g);
    }
    args.extend([Path::new("gazetteer"), Path::new("lookup"), Path::new(name)]);
    let out = georef(&args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn geonames_rows_with_wrong_column_counts_or_coordinates_are_skipped_by_line() {
    let dir = batch_dir();
    let mut dump = geonames_row(91000001, "Testivka", "49.5", "36.5");
    dump.push_str("91000002\tShortrow\tShortrow\t\t49.5\t36.5\tP\tPPL\tUA\n");
    dump.push_str(&geonames_row(91000003, "Farnorth", "95.0", "36.5"));
    dump.push_str(&geonames_row(91000004, "Fareast", "49.5", "200"));
    dump.push_str(&geonames_row(91000005, "Nowhere", "NaN", "36.5"));
    dump.push_str(&format!(
        "{}\textra",
        geonames_row(91000006, "Longrow", "49.5", "36.5").trim_end()
    ));
    dump.push('\n');
    dump.push_str(&geonames_row(91000007, "Novyi Test", "49.6", "36.6"));
    let file = dir.path().join("UA.txt");
    std::fs::write(&file, dump).unwrap();
    let custom = dir.path().join("mine.csv");
    std::fs::write(
        &custom,
        "name,lat,lon,kind\nHill 223,49.1,37.2,area\nHill 224,49.1\nHill 225,-91,37.2,area\n",
    )
    .unwrap();
    let (found, stderr) = lookup(&[file.clone(), custom.clone()], "Testivka");
    assert!(found.contains("91000001"), "{found}\n{stderr}");
    for (line, problem) in [
        (2, "expected 19 tab-separated columns, found 9"),
        (3, "coordinates 95,36.5 out of range"),
        (4, "coordinates 49.5,200 out of range"),
        (5, "coordinates NaN,36.5 out of range"),
        (6, "expected 19 tab-separated columns, found 20"),
    ] {
        let expected = format!("{}:{line}: {problem}", file.display());
        assert!(stderr.contains(&expected), "{expected}: {stderr}");
    }
    for (line, problem) in [
        (3, "expected 4 columns as in the header, found 2"),
        (4, "coordinates -91,37.2 out of range"),
    ] {
        let expected = format!("{}:{line}: {problem}", custom.display());
        assert!(stderr.contains(&expected), "{expected}: {stderr}");
    }
    assert!(
        stderr.contains("2 places") && stderr.contains("5 malformed rows skipped"),
        "{stderr}"
    );
    // The rows after the bad ones, and the next file, are read.
    assert!(
        lookup(&[file.clone(), custom.clone()], "Novyi Test")
            .0
            .contains("91000007")
    );
    assert!(lookup(&[file, custom], "Hill 223").0.contains("Hill 223"));
}

#[test]
fn gazetteer_files_that_cannot_be_used_are_refused_by_name_and_the_others_load() {
    let dir = batch_dir();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, geonames_row(91000011, "Zelenyi Hai", "47.1", "35.2")).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"\x00\x01\x02\x03 not text").unwrap();
    let no_lat = dir.path().join("nolat.csv");
    std::fs::write(&no_lat, "name,lon\nHill 223,37.2\n").unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, geonames_row(91000012, "Locked", "47.1", "35.2")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let inputs = [empty.clone(), binary.clone(), no_lat.clone(), locked.clone(), good];
    let (found, stderr) = lookup(&inputs, "Zelenyi Hai");
    assert!(found.contains("91000011"), "{found}\n{stderr}");
    for (path, problem) in [
        (&empty, "not a gazetteer: the file is empty"),
        (&binary, "not a gazetteer: binary data (NUL bytes), not text"),
        (&no_lat, "not a gazetteer: expected a GeoNames dump"),
        (&locked, "Permission denied"),
    ] {
        let expected = format!("{}: {problem}", path.display());
        assert!(stderr.contains(&expected), "{expected}: {stderr}");
    }
}
