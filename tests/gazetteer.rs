//! The embedded gazetteer on real names: the sample articles' gold places,
//! transliterations, qualifiers, the spatial index, and user files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use geo::Point;
use georef::gazetteer::{Gazetteer, Kind, PlaceId, Summary, distance_km};
use georef::tagger::Tagger;

fn embedded() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer loads"))
}

fn shared(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(path)
}

/// Ids of the candidates for a name, best first.
fn ids(gazetteer: &Gazetteer, name: &str) -> Vec<u64> {
    gazetteer
        .lookup(name)
        .iter()
        .map(|&i| gazetteer.place(i).unwrap().id.0)
        .collect()
}

fn best(gazetteer: &Gazetteer, name: &str) -> u64 {
    *ids(gazetteer, name)
        .first()
        .unwrap_or_else(|| panic!("no candidate for {name:?}"))
}

#[test]
fn every_gold_place_of_the_sample_articles_has_a_close_candidate() {
    let gold = std::fs::read_to_string(shared("gold/seeds.jsonl")).expect("../shared/gold/seeds.jsonl is readable");
    let g = embedded();
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        for t in article["toponyms"].as_array().unwrap() {
            let kind = t["kind"].as_str().unwrap_or("");
            let mut candidates = g.lookup(t["text"].as_str().unwrap());
            if let Some(ext) = t["ext_text"].as_str() {
                candidates.extend(g.lookup(ext));
            }
            let places: Vec<_> = candidates.iter().map(|&i| g.place(i).unwrap()).collect();
            let ok = match (t["lat"].as_f64(), t["lon"].as_f64()) {
                (Some(lat), Some(lon)) => {
                    let limit = if kind == "city" || kind == "village" {
                        50.0
                    } else {
                        100.0
                    };
                    let gold_id = t["geonameid"].as_u64();
                    places.iter().any(|p| {
                        // A country's point differs between gazetteers; its GeoNames id does not.
                        Some(p.id.0) == gold_id || distance_km(p.lonlat, Point::new(lon, lat)) <= limit
                    })
                }
                // Rivers have no gold point: a river must be among the candidates.
                _ => places.iter().any(|p| p.kind == Kind::River),
            };
            checked += 1;
            if !ok {
                failures.push(format!("{} ({kind}) at {}", t["text"], t["start"]));
            }
        }
    }
    assert!(checked >= 100, "only {checked} gold toponyms read");
    assert!(failures.is_empty(), "no close candidate for: {failures:?}");
}

#[test]
fn old_and_transliterated_names_find_the_place() {
    let g = embedded();
    // Each spelling must put the named GeoNames place first.
    let cases: [(&str, u64); 24] = [
        ("Kyiv", 703448),
        ("Kiev", 703448),
        ("Київ", 703448),
        ("Kharkiv", 706483),
        ("Kharkov", 706483),
        ("Izium", 707292),
        ("Izyum", 707292),
        ("Zaporizhzhia", 687700),
        ("Zaporozhye", 687700),
        ("Mykolaiv", 700569),
        ("Nikolaev", 700569),
        ("Odesa", 698740),
        ("Odessa", 698740),
        ("Luhansk", 702658),
        ("Lugansk", 702658),
        ("Bakhmut", 713174),
        ("Artemovsk", 713174),
        ("Chkalovske", 710429),
        ("Melitopol", 701404),
        ("Chonhar", 7031339),
        ("Moscow", 524901),
        ("St. Petersburg", 498817),
        // Nikopol, 19 people more populous, bears "Slov'iansk" among its
        // alternates (its name in 1780): the spelling breaks the tie.
        ("Sloviansk", 693468),
        // The city before its oblast, with the population populations.tsv
        // gives it (cities500 has 66,000).
        ("Kherson", 706448),
    ];
    for (name, id) in cases {
        assert_eq!(best(g, name), id, "{name}");
    }
    assert_eq!(&*g.get(PlaceId(710429)).unwrap().name, "Prolisne");
}

#[test]
fn countries_answer_to_their_short_forms() {
    let g = embedded();
    for name in ["US", "U.S.", "U S", "USA", "United States", "America"] {
        assert_eq!(best(g, name), 6252001, "{name}");
    }
    for name in ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"] {
        assert_eq!(best(g, name), 2635167, "{name}");
    }
    assert_eq!(best(g, "the Ukraine"), 690791);
    assert_eq!(best(g, "Russian Federation"), 2017370);
    // Older and shorter names news still uses, which towns elsewhere bear too.
    for (name, id) in [
        ("Holland", 2750405),
        ("Burma", 1327865),
        ("Macedonia", 718075),
        ("Bosnia", 3277605),
        ("Congo", 203312),
        ("DRC", 203312),
        ("Democratic Republic of Congo", 203312),
        ("Republic of Congo", 2260494),
        ("Türkiye", 298795),
        // Natural Earth types Palestine "Indeterminate"; the supplement adds it.
        ("Palestine", 6254930),
        ("State of Palestine", 6254930),
    ] {
        assert_eq!(best(g, name), id, "{name}");
    }
}

#[test]
fn qualified_region_names_find_the_region() {
    let g = embedded();
    for name in [
        "Kharkiv Oblast",
        "Kharkiv oblast",
        "Kharkiv region",
        "Kharkiv province",
        "Kharkivska Oblast",
    ] {
        assert_eq!(best(g, name), 706482, "{name}");
    }
    assert_eq!(best(g, "Kherson region"), 706442);
    assert_eq!(best(g, "Zaporizhzhia region"), 687699);
    let region = g.get(PlaceId(706482)).unwrap();
    assert_eq!(region.kind, Kind::Region);
    assert_eq!(region.polygon.as_deref(), Some("UA-63"));
    // "Kharkiv" alone offers both the city and the oblast.
    let both = ids(g, "Kharkiv");
    assert!(both.contains(&706483) && both.contains(&706482), "{both:?}");
}

#[test]
fn crimea_and_sevastopol_are_filed_under_ukraine() {
    let g = embedded();
    let crimea: Vec<_> = g.lookup("Crimea").into_iter().map(|i| g.place(i).unwrap()).collect();
    assert!(crimea.iter().any(|p| p.kind == Kind::Region && p.id == PlaceId(703883)));
    assert!(crimea.iter().any(|p| p.kind == Kind::Peninsula));
    assert!(crimea.iter().all(|p| p.country.as_str() == "UA"));
    let sevastopol = g.get(PlaceId(694422)).expect("Sevastopol region");
    assert_eq!(sevastopol.country.as_str(), "UA");
}

#[test]
fn possessives_apostrophes_and_case_are_folded() {
    let g = embedded();
    assert_eq!(best(g, "Kyiv's"), 703448);
    assert_eq!(best(g, "Kiev’s"), 703448);
    assert_eq!(best(g, "KHARKIV"), 706483);
    assert_eq!(best(g, "Donets'k Oblast"), best(g, "Donetsk Oblast"));
    assert!(g.lookup("Xyzzyplugh").is_empty());
}

#[test]
fn the_supplement_adds_what_no_source_has() {
    let g = embedded();
    for (name, kind) in [
        ("Donbas", Kind::Area),
        ("Dnipro river", Kind::River),
        ("Siverskyi Donets", Kind::River),
        ("Black Sea", Kind::Sea),
        ("Sea of Azov", Kind::Sea),
        ("Kerch Strait", Kind::Sea),
        ("Kakhovka Reservoir", Kind::Sea),
        ("Lake Victoria", Kind::Sea),
        ("Dead Sea", Kind::Sea),
        ("Mount Everest", Kind::Area),
        ("Mt. Etna", Kind::Area),
        ("Orinoco", Kind::River),
        ("Crimean peninsula", Kind::Peninsula),
        ("North Africa", Kind::Area),
        ("Central America", Kind::Area),
        ("Southeast Asia", Kind::Area),
        ("Eastern Europe", Kind::Area),
        ("Soviet Union", Kind::Area),
        ("Yorkshire", Kind::Area),
        ("New England", Kind::Area),
        ("West Coast", Kind::Area),
        ("Anatolia", Kind::Area),
    ] {
        let found = g.lookup(name);
        assert!(
            found.iter().any(|&i| g.place(i).unwrap().kind == kind),
            "{name} as {kind}"
        );
    }
    // Ahead of the towns of the United States that share their names.
    for name in [
        "Yorkshire",
        "New England",
        "Patagonia",
        "East Coast",
        "Sahara",
        "Andes",
        "Rockies",
    ] {
        let best = g.place(g.lookup(name)[0]).unwrap();
        assert_eq!(best.kind, Kind::Area, "{name}");
    }
    assert_eq!(best(g, "Wales"), 2634895);
    assert_eq!(best(g, "Greater London"), 2648110);
}

#[test]
fn us_counties_are_regions_inside_their_state() {
    let g = embedded();
    // (name, state, a point inside the county, about 30 km from its centre at most).
    for (name, state, (lat, lon)) in [
        ("Orange County", "US.CA", (33.75, -117.87)),
        ("Cuyahoga County", "US.OH", (41.50, -81.69)),
        ("Miami-Dade County", "US.FL", (25.76, -80.19)),
        ("Orleans Parish", "US.LA", (29.95, -90.07)),
    ] {
        let place = g
            .lookup(name)
            .iter()
            .map(|&i| g.place(i).unwrap())
            .find(|p| p.admin1 == state && p.kind == Kind::Region)
            .unwrap_or_else(|| panic!("{name}: no region in {state}"));
        let km = distance_km(Point::new(place.lon(), place.lat()), Point::new(lon, lat));
        assert!(km < 40.0, "{name}: {km:.0} km from {lat}, {lon}");
        assert!(place.id.0 >= 4_000_000_000 && place.id.0 < 5_000_000_000, "{name}");
    }
    // Only the full name names a county: "Orange" alone is no county.
    assert!(
        g.lookup("Orange")
            .iter()
            .all(|&i| !g.place(i).unwrap().name.ends_with(" County"))
    );
}

#[test]
fn regions_recoded_by_geonames_keep_their_own_names_and_points() {
    // Natural Earth files the province of Cagayan under the GeoNames code
    // that now names the Autonomous Region in Muslim Mindanao, the Aude
    // department under Île-de-France's and Svalbard under Trøndelag's: the
    // regions of those names lay hundreds of kilometres from where they are.
    let g = embedded();
    for (name, (lat, lon), km) in [
        ("Île-de-France", (48.86, 2.35), 60.0),
        ("Trøndelag", (63.43, 10.40), 150.0),
        ("Autonomous Region in Muslim Mindanao", (7.2, 124.2), 250.0),
        ("Central Luzon", (15.3, 120.7), 150.0),
        ("Cagayan province", (17.9, 121.8), 60.0),
    ] {
        let best = g.place(g.lookup(name)[0]).unwrap();
        assert_eq!(best.kind, Kind::Region, "{name}");
        let off = distance_km(best.lonlat, Point::new(lon, lat));
        assert!(off < km, "{name}: {} is {off:.0} km from {lat}, {lon}", best.name);
    }
    let cagayan = g.place(g.lookup("Cagayan province")[0]).unwrap();
    assert_eq!(cagayan.name.as_ref(), "Cagayan");
}

#[test]
fn spatial_queries_match_a_linear_scan() {
    let g = embedded();
    let kharkiv = Point::new(36.25475, 49.98177);
    let nearest = g.spatial().nearest(kharkiv, 1);
    assert_eq!(g.place(nearest[0].place).unwrap().id, PlaceId(706483));

    for (center, km) in [
        (kharkiv, 30.0),
        (Point::new(-0.1, 51.5), 15.0),
        (Point::new(179.9, -16.5), 200.0),
    ] {
        let found = g.near(center, km);
        let mut expected: Vec<u32> = (0..g.len() as u32)
            .filter(|&i| distance_km(g.place(i).unwrap().lonlat, center) <= km)
            .collect();
        let mut got: Vec<u32> = found.iter().map(|n| n.place).collect();
        assert!(found.windows(2).all(|w| w[0].km <= w[1].km), "sorted by distance");
        for n in &found {
            let exact = distance_km(g.place(n.place).unwrap().lonlat, center);
            assert!((n.km - exact).abs() < 0.01, "{} vs {exact}", n.km);
        }
        got.sort_unstable();
        expected.sort_unstable();
        // Points exactly at the radius may fall either way through rounding.
        let boundary = |i: &u32| (distance_km(g.place(*i).unwrap().lonlat, center) - km).abs() < 1e-6;
        got.retain(|i| !boundary(i));
        expected.retain(|i| !boundary(i));
        assert_eq!(got, expected, "within {km} km of {center:?}");
    }

    let (min_lon, min_lat, max_lon, max_lat) = (35.5, 49.0, 38.0, 50.5);
    let mut got = g.spatial().within_box(min_lon, min_lat, max_lon, max_lat);
    got.sort_unstable();
    let expected: Vec<u32> = (0..g.len() as u32)
        .filter(|&i| {
            let p = g.place(i).unwrap();
            (min_lon..=max_lon).contains(&p.lon()) && (min_lat..=max_lat).contains(&p.lat())
        })
        .collect();
    assert!(expected.len() > 100);
    assert_eq!(got, expected);
}

fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A GeoNames row with the 19 standard columns.
/// `point` is (lat, lon) and `feature` (class, code), as text.
fn geonames_row(id: u64, name: &str, alts: &str, point: (&str, &str), feature: (&str, &str), pop: &str) -> String {
    let ((lat, lon), (class, code)) = (point, feature);
    format!(
        "{id}\t{name}\t{name}\t{alts}\t{lat}\t{lon}\t{class}\t{code}\tUA\t\t07\t\t\t\t{pop}\t\t150\tEurope/Kyiv\t2024-01-01\n"
    )
}

#[test]
fn a_broken_geonames_file_reports_each_bad_line_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    text.push_str(&geonames_row(
        90000001,
        "Testivka",
        "Testowka,Тестівка",
        ("49.5", "36.5"),
        ("P", "PPL"),
        "1200",
    ));
    text.push_str("90000002\tBroken\tonly five columns\t1\t2\n");
    text.push_str(&geonames_row(
        90000003,
        "Badlat",
        "",
        ("north", "36.5"),
        ("P", "PPL"),
        "10",
    ));
    text.push_str(&geonames_row(
        90000004,
        "Farout",
        "",
        ("91.5", "36.5"),
        ("P", "PPL"),
        "10",
    ));
    text.push_str(&geonames_row(
        90000005,
        "Some Hotel",
        "",
        ("49.5", "36.5"),
        ("S", "HTL"),
        "0",
    ));
    text.push_str(&geonames_row(
        90000006,
        "Novyi Test",
        "",
        ("49.6", "36.6"),
        ("P", "PPL"),
        "30000",
    ));
    let path = write_file(&dir, "UA.txt", text.as_bytes());

    let mut g = Gazetteer::embedded().unwrap();
    let before = g.len();
    let mut progress_calls = 0;
    let report = g.load_file(&path, &mut |_| progress_calls += 1).unwrap();
    assert!(progress_calls >= 1);
    assert_eq!(report.places, 2);
    assert_eq!(report.skipped, 3);
    assert_eq!(report.ignored, 1);
    let lines: Vec<u64> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3, 4]);
    let shown: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(
        shown[0].ends_with("UA.txt:2: expected 19 tab-separated columns, found 5"),
        "{}",
        shown[0]
    );
    assert!(shown[1].contains("latitude \"north\" is not a number"), "{}", shown[1]);
    assert!(shown[2].contains("out of range"), "{}", shown[2]);

    assert_eq!(g.len(), before + 2);
    assert_eq!(best(&g, "Testowka"), 90000001);
    assert_eq!(best(&g, "Тестівка"), 90000001);
    assert_eq!(g.get(PlaceId(90000006)).unwrap().kind, Kind::City);
    // The new places are in the spatial index too.
    let near = g.spatial().nearest(Point::new(36.5, 49.5), 1);
    assert_eq!(g.place(near[0].place).unwrap().id, PlaceId(90000001));
    // And the embedded places still answer.
    assert_eq!(best(&g, "Kharkov"), 706483);
}

/// A name shared by more places than the name table keeps for one name
/// keeps the most prominent place of every region, so that "Vyshnopil,
/// Donetsk Oblast" still finds the one, tiny, Vyshnopil of Donetsk Oblast
/// among a hundred larger ones in Kharkiv Oblast.
#[test]
fn a_crowded_name_keeps_its_namesake_in_every_region() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for k in 0..100u64 {
        let (lat, pop) = (format!("49.{k:02}"), (1000 + k).to_string());
        text.push_str(&geonames_row(
            95000000 + k,
            "Vyshnopil",
            "",
            (&lat, "36.5"),
            ("P", "PPL"),
            &pop,
        ));
    }
    // The rows' admin1 code 07 is Kharkiv Oblast; 05 is Donetsk Oblast.
    let donetsk = geonames_row(95000100, "Vyshnopil", "", ("48.0", "37.8"), ("P", "PPL"), "20");
    text.push_str(&donetsk.replace("\tUA\t\t07\t", "\tUA\t\t05\t"));
    let path = write_file(&dir, "namesakes.txt", text.as_bytes());
    let mut g = Gazetteer::embedded().unwrap();
    g.load_file(&path, &mut |_| {}).unwrap();
    let found = ids(&g, "Vyshnopil");
    assert_eq!(found.len(), 64, "{found:?}");
    assert!(found.contains(&95000100));
    assert!(
        found.contains(&95000099) && !found.contains(&95000000),
        "the least populous go first"
    );
    let mention = Tagger::new(&g)
        .tag("Shelling hit Vyshnopil, Donetsk Oblast, overnight.")
        .into_iter()
        .find(|m| m.text == "Vyshnopil")
        .expect("Vyshnopil is tagged");
    assert_eq!(g.place(mention.place).unwrap().id.0, 95000100);
}

#[test]
fn arab_towns_answer_without_their_article() {
    // GeoNames names them with the article, which news mostly drops.
    let g = embedded();
    assert_eq!(best(g, "Qamishli"), 173377);
    assert_eq!(best(g, "al-Qamishli"), 173377);
    assert_eq!(best(g, "Hodeidah"), 79415);
    // So do the user's files, for towns of 10,000 people or more in an
    // Arab country, and only where the rest is no short word or given name.
    let dir = tempfile::tempdir().unwrap();
    let rows: String = [
        (90_000_001, "Al Fakhuriyah", "20000", "SY"),
        (90_000_002, "Al Jamil", "20000", "SY"),
        (90_000_003, "Al Bustaniyah", "600", "SY"),
        (90_000_004, "Al Marinovka", "20000", "UA"),
    ]
    .iter()
    .map(|&(id, name, pop, country)| {
        geonames_row(id, name, "", ("35.1", "38.2"), ("P", "PPL"), pop).replace("\tUA\t", &format!("\t{country}\t"))
    })
    .collect();
    let path = write_file(&dir, "sy.txt", rows.as_bytes());
    let mut g = Gazetteer::embedded().unwrap();
    g.load_file(&path, &mut |_| {}).unwrap();
    assert_eq!(ids(&g, "Fakhuriyah"), [90_000_001]);
    assert!(ids(&g, "Al Jamil").contains(&90_000_002));
    assert!(!ids(&g, "Jamil").contains(&90_000_002));
    assert!(ids(&g, "Bustaniyah").is_empty());
    assert!(ids(&g, "Marinovka").iter().all(|&id| id != 90_000_004));
}

#[test]
fn geonames_rows_replace_embedded_places_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let row = geonames_row(
        707292,
        "Izium",
        "Izyum,Izjum",
        ("49.21", "37.28"),
        ("P", "PPLA2"),
        "45000",
    );
    let path = write_file(&dir, "izium.txt", row.as_bytes());
    let mut g = Gazetteer::embedded().unwrap();
    let before = g.len();
    g.load_file(&path, &mut |_| {}).unwrap();
    assert_eq!(g.len(), before);
    assert_eq!(&*g.get(PlaceId(707292)).unwrap().name, "Izium");
    assert_eq!(best(&g, "Izyum"), 707292);
}

#[test]
fn zipped_and_gzipped_dumps_load_like_plain_ones() {
    let dir = tempfile::tempdir().unwrap();
    let row = geonames_row(90000010, "Zipovo", "", ("48.0", "37.0"), ("P", "PPL"), "500");

    let zip_path = dir.path().join("cities1000.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"GeoNames readme, not data").unwrap();
    zip.start_file("cities1000.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(row.as_bytes()).unwrap();
    zip.finish().unwrap();

    let gz_path = dir.path().join("UA.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&gz_path).unwrap(), flate2::Compression::fast());
    gz.write_all(geonames_row(90000011, "Gzipivka", "", ("48.1", "37.1"), ("P", "PPL"), "500").as_bytes())
        .unwrap();
    gz.finish().unwrap();

    let mut g = Gazetteer::embedded().unwrap();
    assert_eq!(g.load_file(&zip_path, &mut |_| {}).unwrap().places, 1);
    assert_eq!(g.load_file(&gz_path, &mut |_| {}).unwrap().places, 1);
    assert_eq!(best(&g, "Zipovo"), 90000010);
    assert_eq!(best(&g, "Gzipivka"), 90000011);
}

#[test]
fn alternate_names_extend_known_places() {
    let dir = tempfile::tempdir().unwrap();
    let text = "1\t703448\tde\tKiewstadt\t\t\t\t\t\t\n\
                2\t703448\tlink\thttps://example.org/Kyiv\t\t\t\t\t\t\n\
                3\t999999999\ten\tNowhere Known\t\t\t\t\t\t\n\
                4\tnot-a-number\ten\tBroken\t\t\t\t\t\t\n";
    let path = write_file(&dir, "alternateNamesV2.txt", text.as_bytes());
    let mut g = Gazetteer::embedded().unwrap();
    let report = g.load_file(&path, &mut |_| {}).unwrap();
    assert_eq!(report.names, 1);
    assert_eq!(report.ignored, 2);
    assert_eq!(report.skipped, 1);
    assert_eq!(report.errors[0].line, 4);
    assert_eq!(best(&g, "Kiewstadt"), 703448);
}

#[test]
fn custom_places_load_from_csv_and_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "name,lat,lon,kind,alternate_names\n\
               Hill 223,49.10,37.20,area,Height 223|Vysota 223\n\
               \"Staff HQ, north\",49.2,37.3,,\n\
               Bad Row,500,37.3,area,\n\
               Short Row,49.2\n\
               Odd Kind,49.2,37.3,spaceport,\n";
    let path = write_file(&dir, "mine.csv", csv.as_bytes());
    let mut g = Gazetteer::embedded().unwrap();
    let report = g.load_file(&path, &mut |_| {}).unwrap();
    assert_eq!(report.places, 2);
    assert_eq!(report.skipped, 3);
    assert_eq!(report.errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![4, 5, 6]);
    let hill = g.get(PlaceId(best(&g, "Height 223"))).unwrap();
    assert_eq!(&*hill.name, "Hill 223");
    assert_eq!(hill.kind, Kind::Area);
    assert!(!g.lookup("Staff HQ, north").is_empty());

    let tsv = "name\tlatitude\tlongitude\tkind\nForward Base\t48.5\t37.9\tvillage\n";
    let path = write_file(&dir, "mine.tsv", tsv.as_bytes());
    assert_eq!(g.load_file(&path, &mut |_| {}).unwrap().places, 1);
    assert_eq!(g.get(PlaceId(best(&g, "Forward Base"))).unwrap().kind, Kind::Village);
}

#[test]
fn files_that_are_no_gazetteer_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary"),
        ("latin1.txt", b"Caf\xe9 \xe0 Kharkiv\n", "UTF-8"),
        (
            "article.txt",
            b"Ukrainian forces advanced near Kharkiv on Monday.\n",
            "not a gazetteer",
        ),
    ];
    let mut g = Gazetteer::embedded().unwrap();
    let before = g.len();
    for (name, bytes, reason) in cases {
        let path = write_file(&dir, name, bytes);
        let message = g.load_file(&path, &mut |_| {}).unwrap_err().to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains(reason), "{message}");
    }
    let missing = g
        .load_file(&dir.path().join("missing.txt"), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.txt"), "{missing}");
    assert_eq!(g.len(), before);
}

#[test]
fn summaries_are_the_places_own_before_and_after_a_user_file() {
    // The build precomputes the name tags of the embedded places; a user
    // file's merge updates the summaries of the places it adds or changes.
    let mut g = Gazetteer::embedded().unwrap();
    let all_match = |g: &Gazetteer| {
        for (i, place) in g.places().iter().enumerate() {
            assert_eq!(g.summary(i as u32), Some(Summary::of(place)), "{}", place.name);
        }
    };
    all_match(&g);
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,name,lat,lon,kind,population\n703448,Kyiv City Centre,50.45,30.52,city,3000000\n,Newtown,49.0,30.0,town,5000\n";
    let path = write_file(&dir, "mine.csv", csv.as_bytes());
    g.load_file(&path, &mut |_| {}).unwrap();
    let kyiv = g.summary(g.lookup("Kyiv City Centre")[0]).unwrap();
    assert_eq!(kyiv.population, 3_000_000);
    all_match(&g);
}

#[test]
fn own_names_are_the_primary_name_with_or_without_its_city() {
    use georef::gazetteer::fold::fold_hash;
    let g = embedded();
    let named = |name: &str| {
        g.lookup(name)
            .into_iter()
            .find(|&i| g.place(i).is_some_and(|p| p.name == name))
            .unwrap_or_else(|| panic!("{name} is in the gazetteer"))
    };
    let kansas_city = named("Kansas City");
    assert!(g.is_own_name(kansas_city, fold_hash("Kansas City")));
    assert!(g.is_own_name(kansas_city, fold_hash("kansas city")));
    assert!(g.is_own_name(kansas_city, fold_hash("Kansas")));
    let kyiv = named("Kyiv");
    assert!(g.is_own_name(kyiv, fold_hash("KYIV")));
    assert!(!g.is_own_name(kyiv, fold_hash("Kiev")));
    assert!(!g.is_own_name(kyiv, fold_hash("Kyiv City")));
}

#[test]
fn names_a_place_is_exact_where_the_name_filter_only_says_may() {
    let gazetteer = embedded();
    let words: Vec<String> = (0..20_000).map(|n| format!("Qzx{n}")).collect();
    let may = words
        .iter()
        .filter(|w| gazetteer.may_name(georef::gazetteer::fold::fold_hash(w)))
        .count();
    // The filter passes a few words that name nothing; the exact test none.
    assert!(may > 0, "no false positive among {} words", words.len());
    assert!(
        words
            .iter()
            .all(|w| !gazetteer.names_a_place(georef::gazetteer::fold::fold_hash(w)))
    );
    for name in ["Kharkiv", "Sea of Azov", "Izium", "Paris"] {
        assert!(
            gazetteer.names_a_place(georef::gazetteer::fold::fold_hash(name)),
            "{name}"
        );
    }
}
