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
