//! The viewer driven headless through egui_kittest: real widgets, found by
//! their labels, on the embedded demo corpus and the sample articles.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use georef::app::GeorefApp;
use georef::app::jobs::LoadRequest;
use georef::app::state::Selection;
use georef::app::state_file::SettingsFile;

fn open(inputs: Vec<PathBuf>, project: &Path) -> Harness<'static, GeorefApp> {
    open_with_settings(inputs, project, SettingsFile::default())
}

fn open_with_settings(inputs: Vec<PathBuf>, project: &Path, settings: SettingsFile) -> Harness<'static, GeorefApp> {
    // Articles from outside may hold characters egui's bundled fonts lack;
    // the window shows a placeholder for them, the tests must not fail on it.
    let foreign = !inputs.is_empty();
    let request = LoadRequest {
        demo: inputs.is_empty(),
        inputs,
        gazetteers: Vec::new(),
        project: Some(project.to_path_buf()),
    };
    let mut builder = Harness::builder().with_size([1500.0, 950.0]);
    if foreign {
        builder = builder.allow_missing_glyphs();
    }
    let mut harness = builder.build_eframe(move |cc| GeorefApp::new(cc, request, settings));
    harness.state_mut().state.wait_for_load();
    harness.run_steps(4);
    harness
}

fn demo(dir: &tempfile::TempDir) -> Harness<'static, GeorefApp> {
    open(Vec::new(), &dir.path().join("demo.georef"))
}

/// Names of the places with a marker on the map.
fn marker_names(harness: &mut Harness<'static, GeorefApp>) -> Vec<String> {
    let app = harness.state_mut();
    let g = app.state.gazetteer.clone().expect("gazetteer");
    let model = app.state.model().expect("model");
    model
        .markers
        .iter()
        .map(|m| g.place(m.place).expect("place").name.to_string())
        .collect()
}

fn place_index(harness: &Harness<'static, GeorefApp>, name: &str) -> u32 {
    let g = harness.state().state.gazetteer.clone().expect("gazetteer");
    g.lookup(name)[0]
}

fn place_by_id(harness: &Harness<'static, GeorefApp>, id: u64) -> u32 {
    let g = harness.state().state.gazetteer.clone().expect("gazetteer");
    g.index_of(georef::gazetteer::PlaceId(id)).expect("a known id")
}

fn click_at(harness: &mut Harness<'static, GeorefApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

#[test]
fn the_demo_corpus_opens_with_its_articles_markers_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo(&dir);
    assert!(
        harness.state().state.messages.is_empty(),
        "{:?}",
        harness.state().state.messages
    );
    let corpus = harness.state().state.corpus.as_ref().expect("corpus");
    assert_eq!(corpus.articles.len(), 8);
    assert!(corpus.claims.len() >= 10, "{}", corpus.claims.len());
    harness.get_by_label("Izium and Kupiansk change hands");
    let names = marker_names(&mut harness);
    for place in ["Kharkiv", "Izyum", "Kupyansk", "Melitopol"] {
        assert!(names.iter().any(|n| n == place), "{place} not in {names:?}");
    }
    // The syndicated copy is listed (under its original) and marked as a copy.
    assert!(harness.query_by_label_contains("· copy").is_some());
}

#[test]
fn switching_an_article_off_removes_the_markers_only_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo(&dir);
    assert!(marker_names(&mut harness).contains(&"Kupyansk".to_string()));
    harness.get_by_label("Izium and Kupiansk change hands").click();
    harness.run_steps(2);
    let names = marker_names(&mut harness);
    assert!(!names.contains(&"Kupyansk".to_string()), "{names:?}");
    assert!(
        names.contains(&"Izyum".to_string()),
        "other articles still name Izium: {names:?}"
    );
    harness.get_by_label("Select all").click();
    harness.run_steps(2);
    assert!(marker_names(&mut harness).contains(&"Kupyansk".to_string()));
}

#[test]
fn a_date_range_changes_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo(&dir);
    let before = harness.state_mut().state.model().expect("model").articles_in_view;
    assert_eq!(before, 8);
    let from = harness.get_by_label("From");
    from.focus();
    from.type_text("2022-09-13");
    harness.run_steps(1);
    harness.get_by_label("Include undated articles").click();
    harness.run_steps(2);
    let app = harness.state_mut();
    assert_eq!(
        app.state.settings.filter.from,
        chrono::NaiveDate::from_ymd_opt(2022, 9, 13)
    );
    assert!(!app.state.settings.filter.include_undated);
    let model = app.state.model().expect("model");
    // 13, 13 (the copy), 15 and 20 September.
    assert_eq!(model.articles_in_view, 4);
    let names: Vec<u32> = model.markers.iter().map(|m| m.place).collect();
    let kupiansk = place_index(&harness, "Kupiansk");
    assert!(!names.contains(&kupiansk), "Kupiansk is only named on 10 September");
    harness.get_by_label_contains("4 of 8 articles");
}

/// eframe's store for the window layout, which these tests do not check.
struct NoStorage;

impl eframe::Storage for NoStorage {
    fn get_string(&self, _key: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _key: &str, _value: String) {}
    fn remove_string(&mut self, _key: &str) {}
    fn flush(&mut self) {}
}

#[test]
fn filters_set_in_one_session_are_there_in_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.georef");
    let settings = dir.path().join("view.ron");
    let mut harness = open_with_settings(Vec::new(), &project, SettingsFile::at(settings.clone()));
    harness.get_by_label("Include undated articles").click();
    harness.run_steps(2);
    assert!(!harness.state().state.settings.filter.include_undated);
    eframe::App::save(harness.state_mut(), &mut NoStorage);
    drop(harness);

    let mut harness = open_with_settings(Vec::new(), &project, SettingsFile::at(settings));
    assert!(!harness.state().state.settings.filter.include_undated);
    harness.get_by_label_contains("of 8 articles");
    let in_view = harness.state_mut().state.model().expect("model").articles_in_view;
    assert!(in_view < 8, "undated articles stay hidden: {in_view}");
}

#[test]
fn clicking_a_marker_lists_its_sentences_by_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo(&dir);
    let izium = place_index(&harness, "Izium");
    let lonlat = harness
        .state()
        .state
        .gazetteer
        .as_ref()
        .unwrap()
        .place(izium)
        .unwrap()
        .lonlat;
    let pos = harness.state().screen_position(lonlat).expect("the map was drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state.selection, Selection::Place(izium));
    // Sentences from two articles, with the mention highlighted.
    harness.get_by_label_contains("its troops still held Izium");
    harness.get_by_label_contains("had withdrawn from Izium and Balakliia");
    assert!(
        harness.get_all_by_label("Izium and Kupiansk change hands").count() >= 2,
        "the list and the details"
    );
    assert!(harness.query_all_by_label_contains("correct “Izium”").count() >= 2);
}

#[test]
fn a_correction_applies_everywhere_undoes_redoes_and_is_kept_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.georef");
    let mut harness = open(Vec::new(), &project);
    // GeoNames ids: Kherson Oblast 706442, the city of Kherson 706448.
    let kherson_region = place_by_id(&harness, 706442);
    let kherson_city = place_by_id(&harness, 706448);
    let count = |h: &Harness<'static, GeorefApp>, place: u32| {
        let corpus = h.state().state.corpus.as_ref().unwrap();
        corpus
            .mentions
            .iter()
            .flatten()
            .filter(|m| m.text == "Kherson" && m.place == place)
            .count()
    };
    // A bare "Kherson" is the city ("Kherson region" is counted apart, by its text).
    let before = count(&harness, kherson_region);
    assert!(count(&harness, kherson_city) >= 2);
    harness.state_mut().state.select_place(kherson_city);
    harness.run_steps(2);
    // "Kherson" alone (not "Kherson region") is resolved to the city: pin it to the oblast, everywhere.
    // (The form is below the sentences, out of sight: its widgets are used through AccessKit.)
    harness.get_by_label("Every “Kherson” in the corpus").click_accesskit();
    harness.run_steps(1);
    harness.get_by_label("Another place:").focus();
    harness.get_by_label("Another place:").type_text("Kherson Oblast");
    harness.run_steps(2);
    harness
        .get_all_by_label_contains("Use Kherson Oblast (region, UA")
        .next()
        .expect("a suggestion")
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(count(&harness, kherson_city), 0);
    let after = count(&harness, kherson_region);
    assert!(after > before, "{before} -> {after}");
    // Undo and redo with the keyboard.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(count(&harness, kherson_region), before);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(count(&harness, kherson_region), after);
    // A mention marked "not a place" leaves the map.
    let melitopol = place_index(&harness, "Melitopol");
    harness.state_mut().state.select_place(melitopol);
    harness.run_steps(2);
    harness.get_by_label("Not a place").click_accesskit();
    harness.run_steps(2);
    assert!(!marker_names(&mut harness).contains(&"Melitopol".to_string()));
    drop(harness);
    // Reopened, the project holds both corrections without tagging again.
    let mut reopened = open(Vec::new(), &project);
    assert_eq!(reopened.state().state.corpus.as_ref().unwrap().corrections.len(), 2);
    assert_eq!(count(&reopened, kherson_region), after);
    assert!(!marker_names(&mut reopened).contains(&"Melitopol".to_string()));
}

#[test]
fn export_writes_exactly_what_the_filters_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo(&dir);
    harness.get_by_label("Izium and Kupiansk change hands").click();
    harness.run_steps(2);
    let path = dir.path().join("view.geojson");
    let written = harness.state_mut().state.export(&path).expect("export");
    let text = std::fs::read_to_string(&path).unwrap();
    let geojson: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = geojson else {
        panic!("not a collection")
    };
    assert_eq!(fc.features.len(), written);
    let prop = |f: &geojson::Feature, k: &str| f.property(k).cloned().unwrap_or_default();
    let places: Vec<String> = fc
        .features
        .iter()
        .filter(|f| prop(f, "feature_type") == "place")
        .map(|f| prop(f, "name").as_str().unwrap_or_default().to_string())
        .collect();
    let shown = marker_names(&mut harness);
    let mut sorted_places = places.clone();
    sorted_places.sort();
    let mut sorted_shown = shown.clone();
    sorted_shown.sort();
    assert_eq!(sorted_places, sorted_shown, "the export holds the places on the map");
    assert!(fc.features.iter().all(|f| prop(f, "article") != "harbour-0910"));

    // With a place selected, "Copy as GeoJSON" (Ctrl+Shift+C) takes only what concerns it.
    let kharkiv = place_by_id(&harness, 706483);
    harness.state_mut().state.select_place(kharkiv);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::C);
    harness.step();
    assert!(
        harness
            .state()
            .state
            .messages
            .iter()
            .any(|m| m.starts_with("Copied the selection"))
    );
    let selection = harness.state().state.selection_geojson().unwrap();
    let features = selection["features"].as_array().unwrap();
    assert!(
        features.len() >= 3,
        "the place, its mentions and a claim: {}",
        features.len()
    );
    assert!(features.iter().all(|f| {
        f["properties"]["place_id"] == 706483
            || f["properties"]["place_ids"]
                .as_array()
                .is_some_and(|ids| ids.contains(&706483.into()))
    }));
}

#[test]
fn the_sample_articles_open_from_a_folder_and_a_bad_file_is_reported_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let mut harness = open(vec!["../shared/articles".into(), bad], &dir.path().join("p.georef"));
    let state = &harness.state().state;
    assert_eq!(state.corpus.as_ref().unwrap().articles.len(), 5);
    assert!(
        state.messages.iter().any(|m| m.contains("broken.txt")),
        "{:?}",
        state.messages
    );
    harness.get_by_label_contains("broken.txt");
    let names = marker_names(&mut harness);
    assert!(
        names.iter().any(|n| n == "Kyiv") && names.iter().any(|n| n == "Izyum"),
        "{names:?}"
    );
}
