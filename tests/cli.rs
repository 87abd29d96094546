//! The `georef gazetteer` command line as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn georef(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_georef"))
        .args(args)
        .output()
        .expect("georef runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn lookup_prints_candidates_best_first_with_all_columns() {
    let out = georef(&["gazetteer", "lookup", "Kharkov"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["id", "name", "kind", "country", "admin1", "population", "lat", "lon"]
    );
    let first: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(first[..4], ["706483", "Kharkiv", "city", "UA"]);
}

#[test]
fn lookup_as_jsonl_is_machine_readable() {
    let out = georef(&["gazetteer", "lookup", "Kherson region", "--format", "jsonl"]);
    assert!(out.status.success());
    let first: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], 706442);
    assert_eq!(first["kind"], "region");
    assert_eq!(first["country"], "UA");
    assert!((first["lat"].as_f64().unwrap() - 46.7).abs() < 0.2);
}

#[test]
fn lookup_of_an_unknown_name_prints_nothing_and_exits_1() {
    let out = georef(&["gazetteer", "lookup", "Qqqzzzville", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn near_lists_places_around_a_point_nearest_first() {
    let out = georef(&["gazetteer", "near", "49.2", "37.28", "--km", "15", "--format", "jsonl"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows[0]["name"], "Izyum");
    let km: Vec<f64> = rows.iter().map(|r| r["km"].as_f64().unwrap()).collect();
    assert!(km.windows(2).all(|w| w[0] <= w[1]) && km.iter().all(|&k| k <= 15.0));

    let south = georef(&["gazetteer", "near", "-33.87", "151.21", "--km", "5", "--limit", "3"]);
    assert!(south.status.success());
    assert!(stdout(&south).contains("Sydney"));
    assert_eq!(stdout(&south).lines().count(), 4);

    let bad = georef(&["gazetteer", "near", "95", "10"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("latitude 95 is out of range"));
}

#[test]
fn user_gazetteer_errors_name_file_and_line_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.csv");
    std::fs::write(
        &path,
        "name,lat,lon,kind\nHill 223,49.1,37.2,area\nBroken,north,37.2,area\n",
    )
    .unwrap();
    let out = georef(&["gazetteer", "lookup", "Hill 223", "--gazetteer", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Hill 223"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine.csv:3: latitude \"north\" is not a number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 places") && stderr.contains("1 malformed rows skipped"),
        "{stderr}"
    );

    let prose = dir.path().join("notes.txt");
    std::fs::write(&prose, "Just a note about Kharkiv.\n").unwrap();
    let refused = georef(&["--gazetteer", prose.to_str().unwrap(), "gazetteer", "lookup", "Kharkiv"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("notes.txt: not a gazetteer"), "{stderr}");
    // The refused file is skipped; the embedded gazetteer still answers.
    assert!(refused.status.success());
    assert!(stdout(&refused).contains("706483"));
}

/// Runs georef with `input` on its standard input.
fn georef_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_georef"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("georef runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: a pipe holds only so much before georef reads.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

#[test]
fn a_gazetteer_can_be_piped_in_plain_or_gzipped_but_not_zipped() {
    use std::io::Write;
    let mut csv = String::from("name,lat,lon,kind\n");
    // Enough rows that the pipe hands them over in several pieces.
    for k in 0..5000 {
        csv.push_str(&format!("Hill {k},49.1,37.2,area\n"));
    }
    let args = ["gazetteer", "--gazetteer", "/dev/stdin", "lookup", "Hill 4999"];
    let plain = georef_with_input(&args, csv.as_bytes());
    assert!(
        stdout(&plain).contains("Hill 4999"),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(csv.as_bytes()).unwrap();
    let gzipped = georef_with_input(&args, &gz.finish().unwrap());
    assert!(stdout(&gzipped).contains("Hill 4999"));
    assert!(String::from_utf8_lossy(&gzipped.stderr).contains("5000 places"));

    let zipped = georef_with_input(&args, b"PK\x03\x04 and the rest of an archive");
    let stderr = String::from_utf8_lossy(&zipped.stderr);
    assert!(
        stderr.contains("/dev/stdin: not a gazetteer: a zip archive cannot be read from a pipe"),
        "{stderr}"
    );
}

#[test]
fn a_reader_that_stops_early_stops_georef_quietly() {
    use std::io::BufRead;
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/geowebnews.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_georef"))
        .args(["tag", shared])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("georef runs");
    // Read one mention and close the pipe, as `| head -1` does; the rest
    // (over a megabyte) no longer fits in the pipe.
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"file\""), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn a_closed_standard_error_does_not_stop_georef() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Shelling hit Kherson.\n{broken").unwrap();
    std::fs::write(dir.path().join("b.jsonl"), "{broken\n").unwrap();
    // Standard error is a pipe whose reader is gone, as in `2>&1 | head -1`
    // once head has quit: every message georef writes there fails.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_georef"))
        .args(["tag", dir.path().to_str().unwrap()])
        .stderr(writer)
        .output()
        .expect("georef runs");
    assert!(out.status.success(), "{:?}", out.status);
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["text"], "Kherson");
}

#[test]
fn tag_prints_one_mention_a_line_with_every_field() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Russian forces left Izium and the Kharkiv region on Monday.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let jsonl = dir.path().join("more.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"k1\", \"text\": \"Shelling hit Kherson.\"}\n{broken\n",
    )
    .unwrap();
    let out = georef(&["tag", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Russian", "Izium", "Kharkiv region", "Kherson"]);
    let izium = &rows[1];
    assert_eq!(izium["file"], "a.txt");
    assert_eq!(izium["article"], "a.txt");
    assert_eq!((izium["start"].as_u64(), izium["end"].as_u64()), (Some(20), Some(25)));
    assert_eq!(izium["demonym"], false);
    assert_eq!(izium["place"]["id"], 707292);
    assert_eq!(izium["place"]["kind"], "city");
    assert_eq!(izium["place"]["country"], "UA");
    assert_eq!(izium["place"]["admin1"], "Kharkiv");
    assert!(izium["lat"].as_f64().is_some() && izium["score"].as_f64().is_some());
    assert!(!izium["alternatives"].as_array().unwrap().is_empty());
    assert_eq!(rows[0]["demonym"], true);
    assert_eq!(rows[3]["article"], "k1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("more.jsonl:2: not an article object"), "{stderr}");
}

#[test]
fn tag_reads_a_jsonl_corpus_or_one_text_piped_in_as_dash() {
    let rows = |out: &Output| -> Vec<(String, String, String)> {
        stdout(out)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap().to_string();
                (field("file"), field("article"), field("text"))
            })
            .collect()
    };
    let jsonl =
        b"\n  {\"id\": \"a1\", \"text\": \"Shelling hit Kherson.\"}\n{broken\n{\"id\": \"a2\", \"text\": \"Izium.\"}\n";
    let out = georef_with_input(&["tag", "-"], jsonl);
    assert!(out.status.success());
    let stdin = |article: &str, text: &str| ("stdin".to_string(), article.to_string(), text.to_string());
    assert_eq!(rows(&out), [stdin("a1", "Kherson"), stdin("a2", "Izium")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stdin:3: not an article object"), "{stderr}");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &jsonl[1..]].concat();
    assert_eq!(rows(&georef_with_input(&["tag", "-"], &with_bom)), rows(&out));

    // Anything else is one article; its offsets count from its first byte.
    let out = georef_with_input(&["tag", "-"], b"  Troops left Kherson.");
    let row: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(
        (&row["article"], &row["text"], &row["start"]),
        (&"stdin".into(), &"Kherson".into(), &14.into())
    );
    let out = georef_with_input(&["tag", "-"], b"");
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin: empty file (skipped)"));
}

#[test]
fn tag_writes_geojson_atomically_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# Kyiv\n\nTalks in Kyiv and Moscow.\n").unwrap();
    let output = dir.path().join("out.geojson");
    let out = georef(&[
        "tag",
        input.to_str().unwrap(),
        "--format",
        "geojson",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let collection: serde_json::Value = serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), 3);
    let coordinates = features[2]["geometry"]["coordinates"].as_array().unwrap();
    assert!((coordinates[0].as_f64().unwrap() - 37.6).abs() < 0.1, "lon first");
    assert_eq!(features[2]["properties"]["place"]["name"], "Moscow");
}

#[test]
fn eval_scores_the_sample_articles() {
    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/gold/seeds.jsonl");
    let out = georef(&["eval", gold]);
    assert!(out.status.success());
    let text = stdout(&out);
    let f1: f64 = text
        .lines()
        .find_map(|l| l.split("F1 ").nth(1))
        .and_then(|v| v.trim().parse().ok())
        .expect("an F1 line");
    assert!(f1 >= 0.95, "{text}");
    assert!(text.contains("accuracy within 161 km"));
}

#[test]
fn claims_prints_one_claim_a_line_with_every_field() {
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/articles");
    let out = georef(&["claims", articles, "--format", "jsonl"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() >= 10);
    for field in [
        "article",
        "sentence_start",
        "sentence_end",
        "sentence",
        "action",
        "actor",
        "places",
        "controller_after",
        "area_km2",
        "area_text",
        "claimant",
        "hedged",
        "negated",
        "event_date",
        "group",
        "independent_sources",
    ] {
        assert!(rows.iter().all(|r| r.get(field).is_some()), "{field}");
    }
    let chkalovske = rows
        .iter()
        .find(|r| r["places"][0]["id"] == 710429)
        .expect("Chkalovske freed");
    assert_eq!(chkalovske["action"], "liberated");
    assert_eq!(chkalovske["controller_after"], "Ukraine");
    assert_eq!(chkalovske["places"][0]["text"], "Chkalovske");
}
