//! `georef export` on the sample articles: the file is valid GeoJSON for
//! the `geojson` crate and for GDAL's ogrinfo (a real GIS reader), follows
//! RFC 7946, and holds exactly what the filters select.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn articles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/articles")
}

fn export(out: &Path, extra: &[&str]) -> serde_json::Value {
    let status = Command::new(env!("CARGO_BIN_EXE_georef"))
        .arg("export")
        .arg(articles())
        .arg("-o")
        .arg(out)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success());
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

fn features<'a>(collection: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    collection["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["properties"]["feature_type"] == kind)
        .collect()
}

/// Twice the signed area of a ring (positive when counter-clockwise).
fn signed_area(ring: &[serde_json::Value]) -> f64 {
    ring.windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            a[0].as_f64().unwrap() * b[1].as_f64().unwrap() - b[0].as_f64().unwrap() * a[1].as_f64().unwrap()
        })
        .sum()
}

#[test]
fn export_is_valid_geojson_for_the_geojson_crate_and_for_gdal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.geojson");
    let collection = export(&out, &["--mentions"]);

    let parsed: geojson::GeoJson = std::fs::read_to_string(&out).unwrap().parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("not a FeatureCollection")
    };
    assert_eq!(fc.features.len(), collection["features"].as_array().unwrap().len());
    for feature in &fc.features {
        if let Some(geometry) = &feature.geometry {
            geo::Geometry::<f64>::try_from(geometry.clone()).expect("geometry converts");
        }
    }

    let ogr = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(&out)
        .output()
        .expect("ogrinfo runs (Debian package gdal-bin; .ci/run installs it)");
    let report = String::from_utf8_lossy(&ogr.stdout);
    assert!(ogr.status.success(), "{report}");
    assert!(report.contains("using driver `GeoJSON' successful"), "{report}");
    let count = format!("Feature Count: {}", fc.features.len());
    assert!(report.contains(&count), "{report}");
}

#[test]
fn places_claims_and_mentions_carry_their_fields_in_lon_lat_order() {
    let dir = tempfile::tempdir().unwrap();
    let collection = export(&dir.path().join("all.geojson"), &["--mentions"]);
    let places = features(&collection, "place");
    let kyiv = places
        .iter()
        .find(|f| f["properties"]["place_id"] == 703448)
        .expect("Kyiv");
    let c = &kyiv["geometry"]["coordinates"];
    assert!((c[0].as_f64().unwrap() - 30.52).abs() < 0.1 && (c[1].as_f64().unwrap() - 50.45).abs() < 0.1);
    let props = &kyiv["properties"];
    assert!(props["mention_count"].as_u64().unwrap() >= 2);
    assert!(props["independent_sources"].as_u64().unwrap() <= props["article_ids"].as_array().unwrap().len() as u64);
    // Demonyms and boilerplate are never counted as place mentions.
    let counted = features(&collection, "mention")
        .iter()
        .filter(|m| {
            let p = &m["properties"];
            p["place_id"] == 690791 && p["demonym"] == false && p["boilerplate"] == false
        })
        .count() as u64;
    let ukraine = places
        .iter()
        .find(|f| f["properties"]["place_id"] == 690791)
        .expect("Ukraine");
    assert_eq!(ukraine["properties"]["mention_count"].as_u64().unwrap(), counted);
    let demonyms = features(&collection, "mention")
        .iter()
        .filter(|m| m["properties"]["demonym"] == true)
        .count();
    assert!(demonyms > 10);

    let claims = features(&collection, "claim");
    let izium = claims
        .iter()
        .find(|f| f["properties"]["places"][0] == "Izyum")
        .expect("Izium claim");
    assert_eq!(izium["properties"]["action"], "abandoned");
    assert_eq!(izium["geometry"]["type"], "Point");
    let region = claims
        .iter()
        .find(|f| f["geometry"]["type"] == "MultiPolygon")
        .expect("a claim about a region has the region's outline");
    for polygon in region["geometry"]["coordinates"].as_array().unwrap() {
        let exterior = polygon[0].as_array().unwrap();
        assert!(signed_area(exterior) > 0.0, "exterior rings run counter-clockwise");
        assert_eq!(exterior.first(), exterior.last(), "rings are closed");
    }
    let gains = claims
        .iter()
        .find(|f| f["properties"]["area_km2"].as_f64().is_some_and(|a| a > 5900.0))
        .unwrap();
    assert!(
        gains["geometry"].is_null(),
        "a claim that names no place has no geometry"
    );

    let mentions = features(&collection, "mention");
    assert!(mentions.iter().all(|m| {
        m["properties"]["sentence"]
            .as_str()
            .is_some_and(|s| s.contains(m["properties"]["text"].as_str().unwrap()))
    }));
}

#[test]
fn filters_select_articles_dates_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let one = export(
        &dir.path().join("one.geojson"),
        &["--article", "004_a27d26d7a007d44d.txt"],
    );
    let claims = features(&one, "claim");
    assert!(!claims.is_empty());
    assert!(
        claims
            .iter()
            .all(|f| f["properties"]["article"] == "004_a27d26d7a007d44d.txt")
    );

    // Two sample articles carry 2022-09-13; the other three are undated.
    let dated = export(
        &dir.path().join("dated.geojson"),
        &["--from", "2022-09-13", "--to", "2022-09-13", "--exclude-undated"],
    );
    let articles: std::collections::BTreeSet<String> = features(&dated, "claim")
        .iter()
        .map(|f| f["properties"]["article"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["000_76c424055d4dd683.txt", "003_95b81e92c32ba617.txt"]
    );
    let none = export(
        &dir.path().join("none.geojson"),
        &["--from", "2023-01-01", "--exclude-undated"],
    );
    assert!(none["features"].as_array().unwrap().is_empty());

    let sun = export(&dir.path().join("sun.geojson"), &["--source", "the sun"]);
    assert!(
        features(&sun, "claim")
            .iter()
            .all(|f| f["properties"]["article"] == "004_a27d26d7a007d44d.txt")
    );

    // The file is replaced whole and no temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.ends_with(".geojson")), "{names:?}");
}
