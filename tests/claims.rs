//! Territorial claims on the user's sample articles (read from
//! ../shared/articles): the claims the extractor must find, their fields,
//! their groups, and the syndicated copies among the articles.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::OnceLock;

use georef::claims::{Action, Claim};
use georef::corpus::Corpus;
use georef::gazetteer::Gazetteer;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().unwrap())
}

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/articles");
        let (articles, errors) = georef::text::load_inputs(&[dir]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 5);
        Corpus::build(articles, gazetteer())
    })
}

fn place_names(claim: &Claim) -> Vec<String> {
    claim
        .places
        .iter()
        .map(|p| gazetteer().place(p.place).unwrap().name.to_string())
        .collect()
}

fn find<'a>(action: Action, place: &str) -> Vec<&'a Claim> {
    corpus()
        .claims
        .iter()
        .filter(|c| c.action == action && place_names(c).iter().any(|n| n.contains(place)))
        .collect()
}

fn actor(claim: &Claim) -> Option<&str> {
    claim.actor.as_ref().map(|s| s.name.as_str())
}

fn controller(claim: &Claim) -> Option<&str> {
    claim.controller_after.as_ref().map(|s| s.name.as_str())
}

#[test]
fn ukraine_gains_of_about_6000_km2_are_one_group_across_articles() {
    let gains: Vec<&Claim> = corpus()
        .claims
        .iter()
        .filter(|c| c.area.as_ref().is_some_and(|a| (5900.0..6100.0).contains(&a.km2)) && actor(c) == Some("Ukraine"))
        .collect();
    let articles: std::collections::BTreeSet<&str> = gains.iter().map(|c| c.article.as_str()).collect();
    assert!(articles.len() >= 4, "{articles:?}");
    assert!(
        gains
            .iter()
            .all(|c| c.group == gains[0].group && controller(c) == Some("Ukraine"))
    );
    let group = &corpus().groups[gains[0].group];
    // 2,300 square miles (5,957 km²) and 6,000 km² agree within 1%.
    assert!(group.agreement);
    assert!(
        gains
            .iter()
            .any(|c| c.area.as_ref().unwrap().text.contains("2,300 square miles"))
    );
    assert!(
        gains
            .iter()
            .any(|c| c.claimant.as_deref().is_some_and(|n| n.contains("Zelensky")))
    );
    // Three of the articles are copies of one report.
    assert!(group.independent_sources < group.articles, "{group:?}");
    let zelensky = gains.iter().find(|c| c.event_date.is_some()).unwrap();
    assert_eq!(zelensky.event_date.as_ref().unwrap().date.to_string(), "2022-09-01");
}

#[test]
fn russian_withdrawal_from_kharkiv_and_its_region() {
    let withdrawals: Vec<&Claim> = find(Action::Withdrew, "Kharkiv");
    assert!(
        withdrawals
            .iter()
            .any(|c| actor(c) == Some("Russia") && controller(c) == Some("Ukraine"))
    );
    let kinds: Vec<String> = withdrawals
        .iter()
        .flat_map(|c| {
            c.places
                .iter()
                .map(|p| gazetteer().place(p.place).unwrap().kind.to_string())
        })
        .collect();
    assert!(
        kinds.contains(&"region".to_string()) && kinds.contains(&"city".to_string()),
        "{kinds:?}"
    );
    assert!(!find(Action::Lost, "Kharkiv").is_empty());
}

#[test]
fn izium_abandoned_and_chkalovske_freed() {
    let izium = find(Action::Abandoned, "Izyum");
    assert!(
        izium
            .iter()
            .any(|c| actor(c) == Some("Russia") && controller(c) == Some("Ukraine"))
    );
    let freed = find(Action::Liberated, "Prolisne");
    assert_eq!(freed.len(), 1);
    assert_eq!(controller(freed[0]), Some("Ukraine"));
    assert_eq!(freed[0].claimant.as_deref(), Some("Svitlana Honchar"));
}

#[test]
fn russian_forces_pulling_out_of_melitopol_is_hedged() {
    let melitopol = find(Action::Withdrew, "Melitopol");
    assert_eq!(melitopol.len(), 1);
    assert_eq!(actor(melitopol[0]), Some("Russia"));
    assert!(melitopol[0].hedged);
    assert!(melitopol[0].trigger.contains("pulling out"));
    // "half the size of Wales" is a yardstick, not a place claimed.
    assert!(
        corpus()
            .claims
            .iter()
            .all(|c| !place_names(c).contains(&"Wales".to_string()))
    );
}

#[test]
fn kherson_surrender_talks_contradict_kherson_staying_russian() {
    let surrender: Vec<&Claim> = find(Action::Surrendered, "Kherson")
        .into_iter()
        .filter(|c| actor(c) == Some("Russia"))
        .collect();
    assert!(!surrender.is_empty());
    let stays = find(Action::Holds, "Kherson");
    let russian = stays
        .iter()
        .find(|c| actor(c) == Some("Russia"))
        .expect("Kherson is and will be a Russian city");
    assert_eq!(controller(russian), Some("Russia"));
    let group = &corpus().groups[russian.group];
    assert!(group.contradiction);
    assert!(
        surrender
            .iter()
            .any(|c| c.group == russian.group || group.contradicts.contains(&c.group))
    );
    // "No one is going to surrender the city" is negated.
    assert!(
        corpus()
            .claims
            .iter()
            .any(|c| c.negated && c.action == Action::Surrendered)
    );
}

#[test]
fn ukrainian_troops_reached_the_russian_border() {
    assert!(corpus().claims.iter().any(|c| c.action == Action::Advanced
        && actor(c) == Some("Ukraine")
        && c.trigger == "reached"
        && c.sentence.contains("border")));
}

#[test]
fn sentence_offsets_point_at_the_sentence() {
    assert!(corpus().claims.len() >= 20);
    for claim in &corpus().claims {
        let text: String = corpus().articles[claim.article_index]
            .text
            .chars()
            .skip(claim.sentence_start)
            .take(claim.sentence_end - claim.sentence_start)
            .collect();
        assert_eq!(text, claim.sentence);
        assert!(claim.sentence.contains(&claim.trigger), "{claim:?}");
    }
}

#[test]
fn three_sample_articles_are_copies_of_one_report() {
    let s = &corpus().syndication;
    assert_eq!(s[0], s[1]);
    assert_eq!(s[1], s[2]);
    assert_ne!(s[3], s[0]);
    assert_ne!(s[4], s[0]);
    assert_ne!(s[3], s[4]);
}

#[test]
fn a_region_contradicts_its_places_but_two_places_of_a_region_do_not() {
    let article = |id: &str, text: &str| georef::text::Article::from_text(id.into(), format!("{id}.txt"), text.into());
    let articles = vec![
        article("a", "Ukrainian forces recaptured Izium on Saturday.\n"),
        article("b", "Russian forces still hold Kupiansk, officials said.\n"),
        article("c", "Russia holds the Kharkiv region, Moscow said.\n"),
    ];
    let corpus = Corpus::build(articles, gazetteer());
    let group_of = |place: &str| {
        let claim = corpus
            .claims
            .iter()
            .find(|c| place_names(c).first().is_some_and(|n| n.contains(place)))
            .unwrap_or_else(|| panic!("a claim about {place}: {:?}", corpus.claims));
        &corpus.groups[claim.group]
    };
    let (izium, kupiansk, region) = (group_of("Izyum"), group_of("Kup"), group_of("Kharkiv Oblast"));
    // Izium held by Ukraine, the region said to be Russia's.
    assert_eq!(izium.contradicts, [region.id]);
    assert!(region.contradicts.contains(&izium.id));
    // Kupiansk is Russia's, as the region is; Izium being Ukraine's says nothing of it.
    assert!(kupiansk.contradicts.is_empty(), "{kupiansk:?}");
    assert!(!kupiansk.contradiction);
}
