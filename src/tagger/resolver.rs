//! Picks the place each name means: the gazetteer's prior (kind,
//! population, capital) corrected by qualifiers and by the article's own
//! geography: the countries it names and the places it is sure of.

use crate::gazetteer::{
    CountryCode, Gazetteer, KM_PER_DEGREE_AT_LEAST, Kind, Place, REGION_BONUS, Summary, farther_than_km,
};

use super::anchors::{Anchor, Anchors, cos_lat};
use super::context::{is_apposition_gap, is_list_join};
use super::matcher::Match;
use super::strays;

/// How many ranked candidates a mention keeps.
pub const ALTERNATIVES: usize = 5;

/// A prior lead this large makes a mention an anchor for the others.
const ANCHOR_MARGIN: f64 = 2.0;
/// Bonus for a candidate in a country the article names, per mention of it (capped).
const COUNTRY_BONUS: f64 = 2.0;
/// Bonus for a candidate near an anchor, by distance band in km. The last
/// band with one country bonus stays below what a capital outweighs a city
/// of 50,000 by (Washington, Tyne and Wear, 400 km from London).
const NEAR_BONUS: [(f64, f64); 3] = [(50.0, 5.0), (250.0, 4.0), (800.0, 1.5)];
/// A difference in latitude (degrees) that alone puts two points further
/// apart than the widest nearness band.
const FAR_LATITUDE: f64 = NEAR_BONUS[NEAR_BONUS.len() - 1].0 / KM_PER_DEGREE_AT_LEAST;
/// The most that country and nearness bonuses can add together.
const MAX_CONTEXT: f64 = COUNTRY_BONUS * 1.5 + NEAR_BONUS[0].1;
/// Bonus for the candidates of "Paris, Texas" that lie in the place after the comma.
const CONTAINED_BONUS: f64 = 8.0;
/// Bonus for a candidate whose kind the qualifier names.
const QUALIFIER_BONUS: f64 = 4.0;
/// Penalty for a candidate that bears the name only as a former name
/// (Richmond, Virginia was once "Manchester"), when a town bears it as its
/// own (see [`Gazetteer::former_name_bearers`]).
const FORMER_NAME_PENALTY: f64 = 3.0;
/// Bonus for a candidate of a match the prior leaves unsure that lies
/// within [`PAIR_KM`] of a likely candidate of another name: "Lamar County"
/// and "Paris" together are the county in Texas and its seat. It makes the
/// match sure ([`ANCHOR_MARGIN`]) where no other candidate has such a
/// neighbour.
const PAIR_BONUS: f64 = ANCHOR_MARGIN;
/// The most people a region may hold for its point to be one a town can
/// lie near, as a county's is ("Lamar County" and "Paris"): a state's or
/// a province's point lies somewhere in a large land.
const PAIR_REGION_POPULATION: u32 = 1_000_000;
/// How near two names' candidates lie to support each other.
const PAIR_KM: f64 = NEAR_BONUS[0].0;
/// Bonus for a candidate that is a country, or a region of the country,
/// that a name listed beside it surely is ("Florida, Georgia and Alabama"
/// are states, "Georgia and Armenia" countries): it outweighs the prior of
/// a country over a large state of its name.
const LIST_BONUS: f64 = 4.0;
/// Scores closer than this to the best are a tie, which the spelling breaks.
const SPELLING_TIE: f64 = 0.5;
/// The ranked candidates of one match, best first, with scores in 0..1
/// that sum to at most 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// (place index, score), best first, at most [`ALTERNATIVES`].
    pub ranked: Vec<(u32, f64)>,
}

/// Ranks every match's candidates in the context of the whole article.
pub fn resolve(text: &str, matches: &[Match], gazetteer: &Gazetteer) -> Vec<Ranking> {
    let mut priors = Priors::new(matches, gazetteer);
    apposition_bonus(text, matches, &mut priors, gazetteer);
    pair_bonus(matches, &mut priors, gazetteer);
    list_bonus(text, matches, &mut priors, gazetteer);
    let context = Context::new(matches, &priors, gazetteer);
    let mut scored: Vec<(u32, f64)> = Vec::new();
    let mut rankings: Vec<Ranking> = (0..matches.len())
        .map(|at| {
            let scores = priors.of(at);
            // A lone candidate takes the whole share whatever its context.
            if let [(place, _)] = scores {
                return Ranking {
                    ranked: vec![(*place, 1.0)],
                };
            }
            // Context adds at most MAX_CONTEXT: candidates further behind the
            // best prior cannot win and keep their prior.
            let best = scores.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
            scored.clear();
            scored.extend(scores.iter().enumerate().map(|(k, &(place, prior))| {
                let bonus = if prior + MAX_CONTEXT < best || priors.ruled_out(at, k) {
                    0.0
                } else {
                    context.bonus(at, matches[at].name_hash, place, gazetteer)
                };
                (place, prior + bonus)
            }));
            cap_regions_by_their_towns(&mut scored, scores, gazetteer);
            let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if scored.len() > ALTERNATIVES {
                // Only the top few are kept: select them, then sort those.
                scored.select_nth_unstable_by(ALTERNATIVES - 1, order);
                scored[..ALTERNATIVES].sort_by(order);
            } else {
                scored.sort_by(order);
            }
            let top = scored.len().min(ALTERNATIVES);
            if break_tie_by_spelling(&text[matches[at].start..matches[at].end], &mut scored[..top], gazetteer) {
                scored[..top].sort_by(order);
            }
            Ranking {
                ranked: normalise(&scored),
            }
        })
        .collect();
    strays::drop_strays(text, matches, &mut rankings, gazetteer);
    rankings
}

/// A region among the candidates that holds a town among them ("São
/// Paulo", the state and its city) gets no more from the article's context
/// than the town does: a region is mostly named after its town, and its
/// point, far from the town's in a large region, says nothing the town's
/// does not. `scored` holds prior plus context of each candidate, in the
/// order of `priors`.
fn cap_regions_by_their_towns(scored: &mut [(u32, f64)], priors: &[(u32, f64)], gazetteer: &Gazetteer) {
    for r in 0..scored.len() {
        let region_bonus = scored[r].1 - priors[r].1;
        if region_bonus <= 0.0 {
            continue;
        }
        let Some(region) = gazetteer.place(scored[r].0).filter(|p| p.kind == Kind::Region) else {
            continue;
        };
        let town_bonus = scored
            .iter()
            .zip(priors)
            .filter(|((town, _), _)| {
                gazetteer
                    .place(*town)
                    .is_some_and(|t| t.kind.is_populated() && region.holds(t))
            })
            .map(|((_, score), (_, prior))| score - prior)
            .fold(f64::NEG_INFINITY, f64::max);
        if town_bonus > f64::NEG_INFINITY && town_bonus < region_bonus {
            scored[r].1 = priors[r].1 + town_bonus;
        }
    }
}

/// "Sloviansk" names Slovyansk, and also, by a slip in GeoNames, Nikopol,
/// a city as large: among candidates tied at the top (`ranked`, best
/// first), those that bear the name as `written` (ASCII case aside; the
/// slip reads "Slov'iansk") go ahead by [`SPELLING_TIE`]. Whether any did.
fn break_tie_by_spelling(written: &str, ranked: &mut [(u32, f64)], gazetteer: &Gazetteer) -> bool {
    let Some(&[(_, best), (_, second)]) = ranked.get(..2) else {
        return false;
    };
    if best - second >= SPELLING_TIE {
        return false;
    }
    let mut changed = false;
    for (place, score) in ranked.iter_mut().take_while(|(_, score)| best - *score < SPELLING_TIE) {
        if gazetteer.place(*place).is_some_and(|p| p.is_spelled(written)) {
            *score += SPELLING_TIE;
            changed = true;
        }
    }
    changed
}

/// The prior scores of every match's candidates, in one buffer.
struct Priors {
    /// (place index, score) of all matches, match after match.
    scores: Vec<(u32, f64)>,
    /// Where each match's scores start in `scores`; one more entry at the end.
    starts: Vec<usize>,
    /// Whether a town among each match's candidates bears its name as its own.
    own_town: Vec<bool>,
    /// Whether each match's scores were raised by the place beside it
    /// ("Paris, Texas": see [`apposition_bonus`]).
    placed: Vec<bool>,
    /// Whether each candidate in `scores` lies in the place named after its
    /// name ("Paris, Texas"); empty while no name has such a place after it.
    held: Vec<bool>,
}

impl Priors {
    fn new(matches: &[Match], gazetteer: &Gazetteer) -> Priors {
        let mut scores = Vec::with_capacity(matches.iter().map(|m| m.places.len()).sum());
        let mut starts = Vec::with_capacity(matches.len() + 1);
        starts.push(0);
        let mut own_towns = Vec::with_capacity(matches.len());
        // Where the current match's regions are in `scores`.
        let mut regions = Vec::new();
        for m in matches {
            let from = scores.len();
            // The best score of a town that bears the name as its own.
            let mut own_town = f64::NEG_INFINITY;
            // The best town of any name, and its score.
            let mut best_town: Option<(u32, f64)> = None;
            regions.clear();
            scores.extend(m.places.iter().filter_map(|&i| {
                let place = gazetteer.summary(i)?;
                let qualifier = match m.qualifier {
                    Some(q) if q.accepts(place.kind) => QUALIFIER_BONUS,
                    Some(_) => -QUALIFIER_BONUS,
                    None => 0.0,
                };
                // After "the" ("over the Dnipro", "The Nile flows"), a river whose
                // source gives no population is weighed as a sea is: ahead of
                // a city of the same name, which "the" seldom comes before.
                let prominence = if m.after_the && place.kind == Kind::River {
                    place.prominence_with_assumed_population()
                } else {
                    f64::from(place.prominence)
                };
                let score = prominence + qualifier;
                if place.kind.is_populated() {
                    if gazetteer.is_own_name(i, m.name_hash) {
                        own_town = own_town.max(score);
                    }
                    if best_town.is_none_or(|(_, best)| score > best) {
                        best_town = Some((i, score));
                    }
                }
                if place.kind == Kind::Region {
                    regions.push(i);
                }
                Some((i, score))
            }));
            if let Some((town, _)) = best_town
                && !regions.is_empty()
            {
                lift_regions_without_their_town(&regions, town, &m.places, &mut scores[from..], gazetteer);
            }
            if own_town > f64::NEG_INFINITY {
                penalise_former_names(m.name_hash, own_town, &mut scores[from..], gazetteer);
            }
            own_towns.push(own_town > f64::NEG_INFINITY);
            starts.push(scores.len());
        }
        Priors {
            scores,
            starts,
            own_town: own_towns,
            placed: vec![false; matches.len()],
            held: Vec::new(),
        }
    }

    /// Whether candidate number `k` of match number `at` is one that the
    /// place after the name does not hold, where it holds others: the
    /// writer has said which is meant, and context may not lift this one.
    fn ruled_out(&self, at: usize, k: usize) -> bool {
        let Some(held) = self.held.get(self.starts[at]..self.starts[at + 1]) else {
            return false;
        };
        !held[k] && held.contains(&true)
    }

    /// The scores of match number `at`.
    fn of(&self, at: usize) -> &[(u32, f64)] {
        &self.scores[self.starts[at]..self.starts[at + 1]]
    }

    /// The scores of match number `at`, to change.
    fn of_mut(&mut self, at: usize) -> &mut [(u32, f64)] {
        &mut self.scores[self.starts[at]..self.starts[at + 1]]
    }
}

/// How far from a region's point a town of its name may lie and still be
/// the town it is named after: the regions georef knows are mostly
/// provinces and states, their towns seldom further from their centres.
const REGION_TOWN_KM: f64 = 400.0;

/// A region weighs less than a town of its name ([`REGION_BONUS`]) because
/// it is mostly named after the town, which lies in it ("Kharkiv"). Where
/// no candidate town of the name lies in the region (by admin code, or
/// within [`REGION_TOWN_KM`]: GeoNames gives English boroughs and Spanish
/// provinces other codes than their towns) and the best of the towns,
/// `town`, is not its country's capital ("Wyoming" is the state, not
/// Wyoming, Michigan; "Washington" the capital), the `scores` of the
/// `regions` are weighed without that penalty. The province of Córdoba
/// holds the Spanish city, though Córdoba in Argentina is the larger.
fn lift_regions_without_their_town(
    regions: &[u32],
    town: u32,
    candidates: &[u32],
    scores: &mut [(u32, f64)],
    gazetteer: &Gazetteer,
) {
    if gazetteer.place(town).is_none_or(|t| t.capital) {
        return;
    }
    let towns: Vec<&Place> = candidates
        .iter()
        .filter_map(|&c| gazetteer.place(c))
        .filter(|p| p.kind.is_populated())
        .collect();
    for (i, score) in scores.iter_mut().filter(|(i, _)| regions.contains(i)) {
        let Some(region) = gazetteer.place(*i) else {
            continue;
        };
        let inside = |town: &&Place| {
            town.country == region.country
                && (!town.admin1.is_empty() && town.admin1 == region.admin1
                    || !farther_than_km(town.lonlat, region.lonlat, REGION_TOWN_KM))
        };
        if !towns.iter().any(inside) {
            *score -= REGION_BONUS;
        }
    }
}

/// Lowers the `scores` of the candidates that bear the name whose folded
/// hash is `name_hash` only as a former name, when a town bears it as its
/// own (the best of them scoring `own_town`): of those, the ones that
/// context could lift above that town.
fn penalise_former_names(name_hash: u64, own_town: f64, scores: &mut [(u32, f64)], gazetteer: &Gazetteer) {
    let bearers = gazetteer.former_name_bearers(name_hash);
    if bearers.clone().next().is_none() {
        return;
    }
    for (place, score) in scores.iter_mut() {
        if *score + MAX_CONTEXT >= own_town && bearers.clone().any(|b| b == *place) {
            *score -= FORMER_NAME_PENALTY;
        }
    }
}

/// Raises by [`PAIR_BONUS`] each likely candidate (one that context could
/// still make the best) of a match the prior leaves unsure that lies within
/// [`PAIR_KM`] of a likely candidate of a match of another name, one of the
/// two a small region ([`PAIR_REGION_POPULATION`]) of an unsure match: an
/// ambiguous county and town of one article are the pair that lies together. Two towns are not (the villages of Bain and Bains
/// lie together in Brittany, but the two words are seldom meant so), nor
/// countries, seas and areas, whose points are no place one is near.
fn pair_bonus(matches: &[Match], priors: &mut Priors, gazetteer: &Gazetteer) {
    let small_region = |p: &Summary| p.kind == Kind::Region && p.population <= PAIR_REGION_POPULATION;
    let unsure: Vec<usize> = (0..matches.len())
        .filter(|&at| {
            !matches[at].demonym
                && best_two(priors.of(at)).is_some_and(|(_, best, second)| best - second < ANCHOR_MARGIN)
        })
        .collect();
    // Every pair has a small region in it, and a sure one is an anchor that
    // the article's context already measures the others against: without
    // an unsure one (in most articles), no pair.
    let mut regions = Vec::new();
    for &at in &unsure {
        regions.extend(
            likely_points(priors.of(at), gazetteer)
                .filter(|(_, p)| small_region(p))
                .map(|(_, p)| Anchor::new(p.lonlat, p.country, at, Some(matches[at].name_hash))),
        );
    }
    if regions.is_empty() {
        return;
    }
    let doublets: Vec<usize> = unsure
        .iter()
        .copied()
        .filter(|&at| region_and_its_town(priors.of(at), gazetteer))
        .collect();
    regions.retain(|a| !doublets.contains(&a.at));
    let unsure: Vec<usize> = unsure.into_iter().filter(|at| !doublets.contains(at)).collect();
    // The other likely candidates, for the unsure small regions.
    let mut others = Vec::new();
    if !regions.is_empty() {
        for (at, m) in matches.iter().enumerate().filter(|(_, m)| !m.demonym) {
            others.extend(
                likely_points(priors.of(at), gazetteer)
                    .filter(|(_, p)| p.kind != Kind::Region)
                    .map(|(_, p)| Anchor::new(p.lonlat, p.country, at, Some(m.name_hash))),
            );
        }
    }
    let (regions, others) = (Anchors::new(regions), Anchors::new(others));
    let mut raised = Vec::new();
    for at in unsure {
        let name = matches[at].name_hash;
        raised.clear();
        raised.extend(likely_points(priors.of(at), gazetteer).filter_map(|(place, p)| {
            let p_cos_lat = cos_lat(p.lonlat);
            let near = |points: &Anchors| points.any_within(p.lonlat, p_cos_lat, PAIR_KM, at, name);
            (near(&regions) || small_region(&p) && near(&others)).then_some(place)
        }));
        for (place, score) in priors.of_mut(at) {
            if raised.contains(place) {
                *score += PAIR_BONUS;
            }
        }
    }
}

/// Raises by [`LIST_BONUS`] the candidates of a plain name that are of
/// the kind of a plain name listed right before or after it (a comma,
/// "and", "or"), where that name is surely a country (then any country) or
/// a region (then a region of its country): lists name like with like.
/// Towns get nothing: "Paris and Dallas" is no Paris in Texas.
fn list_bonus(text: &str, matches: &[Match], priors: &mut Priors, gazetteer: &Gazetteer) {
    let plain = |m: &Match| !m.demonym && m.qualifier.is_none();
    // The sure meaning of each plain match that is a country or a region.
    let sure: Vec<Option<Summary>> = matches
        .iter()
        .enumerate()
        .map(|(at, m)| {
            let (_, place) = sure_meaning(priors.of(at), gazetteer)?;
            (plain(m) && matches!(place.kind, Kind::Country | Kind::Region)).then_some(place)
        })
        .collect();
    let listed = |a: usize, b: usize| {
        plain(&matches[a])
            && plain(&matches[b])
            && matches[a].name_hash != matches[b].name_hash
            && text.get(matches[a].end..matches[b].start).is_some_and(is_list_join)
    };
    // A name the place after it holds is placed by it, not listed with it
    // ("Georgia, USA").
    for at in 0..matches.len() {
        if priors.placed[at] {
            continue;
        }
        let before = at.checked_sub(1).filter(|&b| listed(b, at)).and_then(|b| sure[b]);
        let after = Some(at + 1)
            .filter(|&a| a < matches.len() && listed(at, a))
            .and_then(|a| sure[a]);
        let likes = |p: &Summary, other: &Summary| {
            p.kind == other.kind && (p.kind == Kind::Country || p.country == other.country)
        };
        for (place, score) in priors.of_mut(at) {
            let Some(p) = gazetteer.summary(*place) else { continue };
            if before.iter().chain(after.iter()).any(|other| likes(&p, other)) {
                *score += LIST_BONUS;
            }
        }
    }
}

/// Whether the likely candidates among `scores` hold a region and a place in
/// it ("Kharkiv", the city and its oblast): which of the two is meant is
/// for the qualifiers and the resolver's kinds to say, not for the towns
/// that lie near the region's point.
fn region_and_its_town(scores: &[(u32, f64)], gazetteer: &Gazetteer) -> bool {
    let likely: Vec<u32> = likely_points(scores, gazetteer).map(|(place, _)| place).collect();
    gazetteer.any_holds(&likely, &likely)
}

/// The candidates among `scores` that context could still make the best,
/// with their summaries, but for countries, seas and areas.
fn likely_points(scores: &[(u32, f64)], gazetteer: &Gazetteer) -> impl Iterator<Item = (u32, Summary)> {
    let best = scores.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    scores
        .iter()
        .filter(move |s| s.1 + MAX_CONTEXT >= best)
        .filter_map(|&(place, _)| gazetteer.summary(place).map(|p| (place, p)))
        .filter(|(_, p)| !matches!(p.kind, Kind::Country | Kind::Sea | Kind::Area))
}

/// "Paris, Texas", "Kharkiv, Ukraine", "Springfield Illinois": a name
/// followed by a comma or spaces and a region or country (not a demonym:
/// "New York Ukrainian refugees") that contains one of its candidates. Both get a bonus,
/// once for every containing pair. A candidate that bears the name only as
/// a former name, beside a town that bears it as its own, gets none: in
/// "Washington, New York and Boston" the comma is a list's, and Watervliet,
/// New York, once "Washington", is not meant.
fn apposition_bonus(text: &str, matches: &[Match], priors: &mut Priors, gazetteer: &Gazetteer) {
    // The second name's candidates that can contain places (countries and
    // regions, usually a handful of a long list), with the bonus they earn
    // for the first name's candidates they contain.
    let mut containers: Vec<(usize, &Place, f64)> = Vec::new();
    for at in 1..matches.len() {
        let (first, second) = (&matches[at - 1], &matches[at]);
        if second.demonym || !text.get(first.end..second.start).is_some_and(is_apposition_gap) {
            continue;
        }
        containers.clear();
        containers.extend(priors.of(at).iter().enumerate().filter_map(|(k, &(outer, _))| {
            let kind = gazetteer.summary(outer)?.kind;
            matches!(kind, Kind::Country | Kind::Region).then_some((k, gazetteer.place(outer)?, 0.0))
        }));
        if containers.is_empty() {
            continue;
        }
        let former = priors.own_town[at - 1].then(|| gazetteer.former_name_bearers(first.name_hash));
        // The first name's likeliest meaning before context: a second name
        // that holds it is all the likelier ("Atlanta, Georgia" is the
        // state, even in an article that names Tbilisi), unless the second
        // may restate the first ("Lviv, LVIV" and "Kyiv, Київ" are no cities
        // in their oblasts).
        let likeliest = best_two(priors.of(at - 1))
            .map(|(place, _, _)| place)
            .filter(|&place| priors.of(at).iter().all(|&(outer, _)| outer != place));
        let mut placed = false;
        let from = priors.starts[at - 1];
        let mut held = Vec::new();
        for (k, (inner, score)) in priors.of_mut(at - 1).iter_mut().enumerate() {
            if former.clone().is_some_and(|mut f| f.any(|p| p == *inner)) {
                continue;
            }
            let Some(i) = gazetteer.place(*inner) else { continue };
            let likeliest = likeliest == Some(*inner);
            for (_, o, bonus) in containers.iter_mut() {
                if o.holds(i) {
                    *score += CONTAINED_BONUS;
                    held.push(from + k);
                    *bonus += if likeliest {
                        CONTAINED_BONUS
                    } else {
                        CONTAINED_BONUS / 4.0
                    };
                    placed = true;
                }
            }
        }
        if !held.is_empty() && priors.held.is_empty() {
            priors.held = vec![false; priors.scores.len()];
        }
        for k in held {
            priors.held[k] = true;
        }
        priors.placed[at - 1] |= placed;
        priors.placed[at] |= placed;
        let outer_scores = priors.of_mut(at);
        for &(k, _, bonus) in &containers {
            outer_scores[k].1 += bonus;
        }
    }
}

/// Up to this many plain vouchers, a news article's handful, are counted
/// one by one; beyond, searched by halves.
const LINEAR_SEARCH_UP_TO: usize = 32;

/// What the article as a whole says about where it is. A match that only
/// the gazetteer's prior made sure of (no qualifier, no place beside it)
/// is "plain": it says nothing about another match of its name, which has
/// the same prior, and so supports none ("Garden City" twice is not two
/// votes for Singapore, which bears the name as an alternate).
struct Context {
    /// Each country the article names or implies (by demonyms and sure
    /// places), with how many matches do so.
    countries: Vec<(CountryCode, usize)>,
    /// (country, name) of each plain match that vouches for a country,
    /// sorted: a huge text holds thousands.
    plain_vouchers: Vec<(CountryCode, u64)>,
    /// The country each match vouches for, by match position.
    vouches: Vec<Option<CountryCode>>,
    /// Whether each match is plain.
    plain: Vec<bool>,
    /// The places the article is sure of.
    anchors: Anchors,
}

impl Context {
    fn new(matches: &[Match], priors: &Priors, gazetteer: &Gazetteer) -> Context {
        let mut countries: Vec<(CountryCode, usize)> = Vec::new();
        let mut plain_vouchers: Vec<(CountryCode, u64)> = Vec::new();
        let mut vouches = vec![None; matches.len()];
        let plain: Vec<bool> = matches
            .iter()
            .zip(&priors.placed)
            .map(|(m, &placed)| !m.demonym && m.qualifier.is_none() && !placed)
            .collect();
        let mut anchors = Vec::new();
        for (at, m) in matches.iter().enumerate() {
            let sure = if m.demonym {
                best_two(priors.of(at)).and_then(|(best, _, _)| Some((best, gazetteer.summary(best)?)))
            } else {
                sure_meaning(priors.of(at), gazetteer)
            };
            let Some((_, place)) = sure else { continue };
            if !place.country.is_none() {
                match countries.iter_mut().find(|c| c.0 == place.country) {
                    Some(c) => c.1 += 1,
                    None => countries.push((place.country, 1)),
                }
                if plain[at] {
                    plain_vouchers.push((place.country, m.name_hash));
                }
                vouches[at] = Some(place.country);
            }
            if !matches!(place.kind, Kind::Country | Kind::Sea | Kind::Area) && !m.demonym {
                let plain_name = plain[at].then_some(m.name_hash);
                anchors.push(Anchor::new(place.lonlat, place.country, at, plain_name));
            }
        }
        plain_vouchers.sort_unstable();
        Context {
            countries,
            plain_vouchers,
            vouches,
            plain,
            anchors: Anchors::new(anchors),
        }
    }

    /// Context bonus for place `place` as the meaning of match number `at`,
    /// named `name`.
    fn bonus(&self, at: usize, name: u64, place: u32, gazetteer: &Gazetteer) -> f64 {
        let Some(p) = gazetteer.summary(place) else { return 0.0 };
        // A match does not vouch for itself, nor do plain matches of its name.
        let named = self.countries.iter().find(|c| c.0 == p.country).map_or(0, |c| {
            let key = (p.country, name);
            let vouchers = &self.plain_vouchers;
            let same_name = if vouchers.len() <= LINEAR_SEARCH_UP_TO {
                vouchers.iter().filter(|v| **v == key).count()
            } else {
                vouchers.partition_point(|v| *v <= key) - vouchers.partition_point(|v| *v < key)
            };
            let itself = usize::from(self.vouches[at] == Some(p.country) && !self.plain[at]);
            c.1 - same_name - itself
        });
        let country = COUNTRY_BONUS * (named.min(3) as f64 / 3.0 + if named > 0 { 0.5 } else { 0.0 });
        // A place the article is sure of lies in a country as near as can
        // be: "MEXICO CITY — Mexico's Senate" is the country.
        if p.kind == Kind::Country {
            let holds_anchor = self.anchors.any_in_country(p.country, at);
            return country + if holds_anchor { NEAR_BONUS[0].1 } else { 0.0 };
        }
        // Points further apart in latitude alone than the widest band are
        // further on the sphere too: their distance is not computed, nor
        // the cosine of the candidate's latitude when no anchor needs it.
        let mut p_cos_lat = None;
        let nearest = self
            .anchors
            .nearest3(p.lonlat, at, name)
            .filter(|a| (a.lonlat.y() - p.lonlat.y()).abs() <= FAR_LATITUDE)
            .map(|a| a.distance_km(p.lonlat, *p_cos_lat.get_or_insert_with(|| cos_lat(p.lonlat))))
            .fold(f64::INFINITY, f64::min);
        // A region's point is no place one can be near: one in or by the
        // region is near at most as a town within the second band is, so
        // that its chief town, also near, keeps its lead ("north of
        // Kherson", with Nova Kakhovka named, is the city).
        let bands = if p.kind == Kind::Region {
            &NEAR_BONUS[1..]
        } else {
            &NEAR_BONUS[..]
        };
        let near = bands.iter().find(|(km, _)| nearest <= *km).map_or(0.0, |(_, b)| *b);
        country + near
    }
}

/// The best candidate among `scores`, with its summary, where the article
/// may take it for sure: it leads by [`ANCHOR_MARGIN`] every candidate
/// that lies elsewhere ([`runner_up_elsewhere`]).
fn sure_meaning(scores: &[(u32, f64)], gazetteer: &Gazetteer) -> Option<(u32, Summary)> {
    let (best, best_score, _) = best_two(scores)?;
    let place = gazetteer.summary(best)?;
    (best_score - runner_up_elsewhere(scores, best, &place, gazetteer) >= ANCHOR_MARGIN).then_some((best, place))
}

/// The best score among `scores` of a candidate other than `best` (whose
/// summary is `place`) that lies more than [`SAME_PLACE_KM`] from it, or of
/// another kind of country (-inf if none): the city of Seville and its
/// province, 21 km apart, are one place to measure the article's others by.
fn runner_up_elsewhere(scores: &[(u32, f64)], best: u32, place: &Summary, gazetteer: &Gazetteer) -> f64 {
    scores
        .iter()
        .filter(|&&(other, _)| {
            other != best
                && gazetteer.summary(other).is_none_or(|o| {
                    o.country != place.country
                        || matches!(o.kind, Kind::Country | Kind::Sea | Kind::Area)
                        || farther_than_km(o.lonlat, place.lonlat, SAME_PLACE_KM)
                })
        })
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// How near two candidates of one name lie to count as one place for an
/// anchor ([`runner_up_elsewhere`]).
const SAME_PLACE_KM: f64 = 100.0;

/// The best candidate, its score, and the runner-up's score (-inf if none).
fn best_two(scores: &[(u32, f64)]) -> Option<(u32, f64, f64)> {
    let mut best: Option<(u32, f64)> = None;
    let mut second = f64::NEG_INFINITY;
    for &(place, score) in scores {
        match best {
            Some((_, b)) if score <= b => second = second.max(score),
            Some((_, b)) => {
                second = b;
                best = Some((place, score));
            }
            None => best = Some((place, score)),
        }
    }
    best.map(|(p, s)| (p, s, second))
}

/// Turns raw scores (best first, the top ones sorted) into shares that
/// sum to 1 (softmax), keeping the top ones.
fn normalise(scored: &[(u32, f64)]) -> Vec<(u32, f64)> {
    let Some(top) = scored.first().map(|s| s.1) else {
        return Vec::new();
    };
    let total: f64 = scored.iter().map(|s| (s.1 - top).exp()).sum();
    scored
        .iter()
        .take(ALTERNATIVES)
        .map(|&(p, s)| (p, ((s - top).exp() / total * 1000.0).round() / 1000.0))
        .collect()
}
