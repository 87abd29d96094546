//! Groups claims about the same place and outcome across articles, and
//! records where they agree and where they contradict each other.

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::Gazetteer;

use super::{Action, Claim};

/// Areas within this share of each other agree ("2,300 sq mi" and "6,000 km²").
const AREA_AGREEMENT: f64 = 0.01;
/// Areas within this share of each other are claims about the same gains.
const AREA_SAME_CLAIM: f64 = 0.10;

/// A group of claims.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimGroup {
    /// The group's id (its index).
    pub id: usize,
    /// Indexes of its claims.
    pub claims: Vec<usize>,
    /// Every claim says the same: one controller afterwards, areas within 1%.
    pub agreement: bool,
    /// Claims in the group, or in a group about a place containing or
    /// contained in its place, name different controllers afterwards.
    pub contradiction: bool,
    /// The groups this one contradicts.
    pub contradicts: Vec<usize>,
    /// Number of distinct articles.
    pub articles: usize,
    /// Number of independent sources: articles that are not copies of each
    /// other, a claim in a passage one article took from another counting
    /// once (see [`crate::corpus::find_copies`]).
    pub independent_sources: usize,
}

/// What claims must share to be grouped.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// The first place named.
    Place(u32),
    /// An area gained or lost by a side.
    Area {
        actor: Option<String>,
        gains: bool,
        bucket: usize,
    },
    /// Neither: the side and the action.
    Action { actor: Option<String>, action: Action },
}

/// Assigns every claim its group and returns the groups. `sources` gives
/// the independent source each claim counts for (by claim index).
pub fn group_claims(claims: &mut [Claim], sources: &[usize], gazetteer: &Gazetteer) -> Vec<ClaimGroup> {
    let mut keys: Vec<Key> = Vec::with_capacity(claims.len());
    let mut area_buckets: Vec<(Option<String>, bool, f64)> = Vec::new();
    for claim in claims.iter() {
        let actor = claim.actor.as_ref().map(|s| s.code.clone());
        let key = if let Some(p) = claim.places.first() {
            Key::Place(p.place)
        } else if let Some(area) = &claim.area {
            let gains = !claim.action.actor_loses();
            let bucket = area_buckets
                .iter()
                .position(|(a, g, km2)| *a == actor && *g == gains && (area.km2 / km2 - 1.0).abs() <= AREA_SAME_CLAIM)
                .unwrap_or_else(|| {
                    area_buckets.push((actor.clone(), gains, area.km2));
                    area_buckets.len() - 1
                });
            Key::Area { actor, gains, bucket }
        } else {
            Key::Action {
                actor,
                action: claim.action,
            }
        };
        keys.push(key);
    }
    let mut index: HashMap<Key, usize> = HashMap::default();
    let mut groups: Vec<ClaimGroup> = Vec::new();
    for (i, key) in keys.into_iter().enumerate() {
        let id = *index.entry(key).or_insert_with(|| {
            groups.push(ClaimGroup {
                id: groups.len(),
                claims: Vec::new(),
                agreement: true,
                contradiction: false,
                contradicts: Vec::new(),
                articles: 0,
                independent_sources: 0,
            });
            groups.len() - 1
        });
        groups[id].claims.push(i);
        claims[i].group = id;
    }
    for group in &mut groups {
        let members: Vec<&Claim> = group.claims.iter().map(|&i| &claims[i]).collect();
        let controllers: Vec<&str> = members
            .iter()
            .filter_map(|c| c.controller_after.as_ref().map(|s| s.code.as_str()))
            .collect();
        let one_controller = controllers.windows(2).all(|w| w[0] == w[1]);
        let areas: Vec<f64> = members.iter().filter_map(|c| c.area.as_ref().map(|a| a.km2)).collect();
        let (low, high) = areas
            .iter()
            .fold((f64::INFINITY, 0.0f64), |(l, h), &a| (l.min(a), h.max(a)));
        let areas_agree = areas.len() < 2 || high / low - 1.0 <= AREA_AGREEMENT;
        group.agreement = one_controller && areas_agree;
        group.contradiction = !one_controller;
        let mut articles: Vec<usize> = members.iter().map(|c| c.article_index).collect();
        articles.sort_unstable();
        articles.dedup();
        group.articles = articles.len();
        let mut independent: Vec<usize> = group
            .claims
            .iter()
            .map(|&i| sources.get(i).copied().unwrap_or(i))
            .collect();
        independent.sort_unstable();
        independent.dedup();
        group.independent_sources = independent.len();
    }
    mark_related_contradictions(&mut groups, claims, gazetteer);
    groups
}

/// Groups about a first-level region and groups about a place in it (or
/// about another region of the same name) contradict each other when they
/// name different controllers: "Russian units in the Kherson region
/// negotiate surrender" against "Kherson is and will be a Russian city".
/// Two places of one region say nothing of each other (one side can hold
/// Izium while the other holds Kupiansk), so the links number the region
/// groups times the groups in their regions, not all pairs in a region.
fn mark_related_contradictions(groups: &mut [ClaimGroup], claims: &[Claim], gazetteer: &Gazetteer) {
    use crate::gazetteer::{CountryCode, Kind};
    /// A first-level region: its country and its name.
    type Region<'a> = (CountryCode, &'a str);
    // Each group's region (country and first-level division), whether its
    // place is that region, and the controller its first claim names.
    let summary: Vec<Option<(Region, bool, &str)>> = groups
        .iter()
        .map(|g| {
            let first = &claims[*g.claims.first()?];
            let place = gazetteer.place(first.places.first()?.place)?;
            let controller = first.controller_after.as_ref()?.code.as_str();
            let region = (place.country, place.admin1.as_ref());
            (!region.1.is_empty()).then_some((region, place.kind == Kind::Region, controller))
        })
        .collect();
    let mut regions: HashMap<Region, Vec<usize>> = HashMap::default();
    for (g, s) in summary.iter().enumerate() {
        if let Some((region, true, _)) = s {
            regions.entry(*region).or_default().push(g);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (g, s) in summary.iter().enumerate() {
        let Some((region, is_region, controller)) = s else {
            continue;
        };
        for &r in regions.get(region).map_or(&[][..], Vec::as_slice) {
            // A pair of region groups is seen from both; it is kept once.
            if r == g || *is_region && r > g {
                continue;
            }
            if summary[r].as_ref().is_some_and(|(_, _, other)| other != controller) {
                pairs.push((r.min(g), r.max(g)));
            }
        }
    }
    pairs.sort_unstable();
    for (a, b) in pairs {
        groups[a].contradicts.push(b);
        groups[b].contradicts.push(a);
        groups[a].contradiction = true;
        groups[b].contradiction = true;
    }
}
