//! `georef claims`: one territorial claim a line, as JSON.

use std::io::Write;

use serde::Serialize;

use crate::claims::{Claim, EventDate};
use crate::corpus::Corpus;
use crate::gazetteer::Gazetteer;

use super::PlaceFields;

/// Output format of `georef claims`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimFormat {
    /// One claim a line.
    Jsonl,
}

#[derive(Serialize)]
struct ClaimRow<'a> {
    article: &'a str,
    file: &'a str,
    sentence_start: usize,
    sentence_end: usize,
    sentence: &'a str,
    trigger: &'a str,
    action: &'a str,
    actor: Option<&'a str>,
    places: Vec<PlaceRow<'a>>,
    controller_after: Option<&'a str>,
    area_km2: Option<f64>,
    area_text: Option<&'a str>,
    claimant: Option<&'a str>,
    hedged: bool,
    negated: bool,
    event_date: Option<&'a EventDate>,
    group: usize,
    group_agreement: bool,
    group_contradiction: bool,
    group_contradicts: &'a [usize],
    group_articles: usize,
    independent_sources: usize,
}

#[derive(Serialize)]
struct PlaceRow<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(flatten)]
    place: PlaceFields<'a>,
}

fn claim_row<'a>(corpus: &'a Corpus, gazetteer: &'a Gazetteer, claim: &'a Claim) -> ClaimRow<'a> {
    let group = corpus.groups.get(claim.group);
    ClaimRow {
        article: &claim.article,
        file: corpus.articles.get(claim.article_index).map_or("", |a| a.file.as_str()),
        sentence_start: claim.sentence_start,
        sentence_end: claim.sentence_end,
        sentence: &claim.sentence,
        trigger: &claim.trigger,
        action: claim.action.as_str(),
        actor: claim.actor.as_ref().map(|s| s.name.as_str()),
        places: claim
            .places
            .iter()
            .filter_map(|p| {
                let place = gazetteer.place(p.place)?;
                Some(PlaceRow {
                    text: &p.text,
                    start: p.start,
                    end: p.end,
                    place: PlaceFields::of(place),
                })
            })
            .collect(),
        controller_after: claim.controller_after.as_ref().map(|s| s.name.as_str()),
        area_km2: claim.area.as_ref().map(|a| (a.km2 * 10.0).round() / 10.0),
        area_text: claim.area.as_ref().map(|a| a.text.as_str()),
        claimant: claim.claimant.as_deref(),
        hedged: claim.hedged,
        negated: claim.negated,
        event_date: claim.event_date.as_ref(),
        group: claim.group,
        group_agreement: group.is_some_and(|g| g.agreement),
        group_contradiction: group.is_some_and(|g| g.contradiction),
        group_contradicts: group.map_or(&[], |g| g.contradicts.as_slice()),
        group_articles: group.map_or(1, |g| g.articles),
        independent_sources: group.map_or(1, |g| g.independent_sources),
    }
}

/// `georef claims`: prints every claim of the corpus; returns how many.
pub fn claims(
    corpus: &Corpus,
    gazetteer: &Gazetteer,
    format: ClaimFormat,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    match format {
        ClaimFormat::Jsonl => {
            for claim in &corpus.claims {
                serde_json::to_writer(&mut *out, &claim_row(corpus, gazetteer, claim))?;
                writeln!(out)?;
            }
        }
    }
    Ok(corpus.claims.len())
}
