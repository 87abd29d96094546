//! Strays: small places named bare that nothing else in the article
//! supports, which are far more often a person, a brand or a model than a
//! town on another continent; the resolver drops them last.

use std::collections::HashMap;

use crate::gazetteer::{CountryCode, Gazetteer, Kind, Place, SpatialIndex, farther_than_km};

use super::matcher::Match;
use super::resolver::Ranking;

/// How near another place of the article must lie for a town or village
/// named bare to count as meant (see [`drop_strays`]).
const STRAY_KM: f64 = 300.0;
/// Population below which a city counts as small for [`drop_strays`].
const STRAY_CITY_POPULATION: u64 = 100_000;
/// Population below which a city named by one of its alternate names counts
/// as small for [`drop_strays`].
const STRAY_ALTERNATE_POPULATION: u64 = 1_000_000;
/// [`STRAY_KM`] for a city that counts as small.
const STRAY_CITY_KM: f64 = 800.0;

/// From this many distinct supporters on, [`Support`] answers through an
/// R-tree.
const TREE_FROM: usize = 64;

/// Empties the ranking of every stray: a town, village or small city named
/// bare (no qualifier, not a demonym) that no other place of the article
/// supports, none lying within [`STRAY_KM`] ([`STRAY_CITY_KM`] for a city)
/// and none being its region. Such a name is far more often a person, a
/// brand or a model ("Eva's Village", "Levi, his service dog", "the Norbury
/// model") than a small town on another continent. A city of up to a
/// million named by one of its alternates ("Levi" for Lévis) counts as
/// small. A place followed by a comma and the country or region that holds
/// it ("Visbek, Germany") is placed by the writer and no stray; nor is a
/// city named by its own name after a locative ("to Saipan"), unless a
/// possessive follows ("from Wilson's Farm"). Countries, seas and areas
/// (and the demonyms that name them) are too large to support or
/// contradict a town. When the article names no other place than such
/// small ones, the most populous of them named by its own name stays and
/// the others must lie near it; a place alone in its text, or opening it
/// as a dateline, stays, under all its mentions. An everyday word taken for
/// a region ("Delta", "Oriental") is judged like a small city, and a region
/// is supported by the places inside it.
pub(super) fn drop_strays(text: &str, matches: &[Match], rankings: &mut [Ranking], gazetteer: &Gazetteer) {
    let indexes: Vec<Option<u32>> = rankings.iter().map(|r| r.ranked.first().map(|&(p, _)| p)).collect();
    let chosen: Vec<Option<&Place>> = indexes.iter().map(|i| i.and_then(|p| gazetteer.place(p))).collect();
    let own_named = |at: usize| indexes[at].is_some_and(|p| !by_alternate(text, &matches[at], p, gazetteer));
    let reaches: Vec<Option<f64>> = (0..matches.len())
        .map(|at| {
            if located_by_next(text, matches, &chosen, at) {
                return None;
            }
            stray_reach(text, &matches[at], chosen[at], || !own_named(at))
        })
        .collect();
    // The places that can support or contradict a small one.
    let supporters: Vec<usize> = (0..matches.len())
        .filter(|&at| {
            !matches[at].demonym
                && chosen[at].is_some_and(|s| !matches!(s.kind, Kind::Country | Kind::Sea | Kind::Area))
        })
        .collect();
    let keeper = if supporters.iter().any(|&at| reaches[at].is_none()) {
        None
    } else {
        supporters.iter().copied().max_by_key(|&at| {
            (
                !matches[at].common_word,
                own_named(at),
                chosen[at].map_or(0, |p| p.population),
                std::cmp::Reverse(at),
            )
        })
    };
    let mut sure: Vec<(u64, Option<u32>)> = (0..matches.len())
        .filter(|&at| reaches[at].is_none())
        .map(|at| (matches[at].name_hash, indexes[at]))
        .collect();
    sure.sort_unstable();
    let support = Support::new(&supporters, matches, &chosen);
    let strays: Vec<usize> = (0..matches.len())
        .filter(|&at| {
            let (Some(reach), Some(place)) = (reaches[at], chosen[at]) else {
                return false;
            };
            let name = matches[at].name_hash;
            // The keeper stays, under each of its mentions, and so does a
            // place under every name that is sure of it elsewhere (a
            // dateline's "Muscat", then "the Muscat festival").
            if keeper.is_some_and(|k| matches[k].name_hash == name) || sure.binary_search(&(name, indexes[at])).is_ok()
            {
                return false;
            }
            !support.supports(name, place, reach)
        })
        .collect();
    for at in strays {
        rankings[at].ranked.clear();
    }
}

/// How near another place must lie to support match `m`, resolved to
/// `place`, if it is small and bare enough to be a stray (see
/// [`drop_strays`]); `by_alternate` tells whether `m` names it by an
/// alternate ([`by_alternate`]).
fn stray_reach(text: &str, m: &Match, place: Option<&Place>, by_alternate: impl Fn() -> bool) -> Option<f64> {
    let place = place?;
    if m.demonym || m.qualifier.is_some() || opens_dateline(text, m) {
        return None;
    }
    match place.kind {
        // "Delta flights", "Oriental rugs": an everyday word is a region
        // only where the article's other places support it.
        _ if m.common_word && !matches!(place.kind, Kind::Country | Kind::Sea | Kind::Peninsula) => Some(STRAY_CITY_KM),
        Kind::Town | Kind::Village => Some(STRAY_KM),
        // "Trips to Saipan": a city after a locative, by its own name and
        // not owning anything, is the city. Not so a building named after
        // it ("at The Colony Theatre"): the locative is the building's.
        Kind::City if m.after_locative && !m.possessive && !m.facility && !by_alternate() => None,
        Kind::City if place.population < STRAY_CITY_POPULATION => Some(STRAY_CITY_KM),
        // A larger city named only by one of its alternates ("Levi" for
        // Lévis, Quebec) is no surer than a small one.
        Kind::City if place.population < STRAY_ALTERNATE_POPULATION && by_alternate() => Some(STRAY_CITY_KM),
        _ => None,
    }
}

/// Whether match `at` is set in the country or region that holds its place
/// ([`Match::is_set_in`]: "in Visbek, Germany", "Miami Beach, Florida",
/// "Springfield Illinois"): the writer placed it, so it is meant however
/// far the article's other places lie.
fn located_by_next(text: &str, matches: &[Match], chosen: &[Option<&Place>], at: usize) -> bool {
    let (Some(m), Some(next)) = (matches.get(at), matches.get(at + 1)) else {
        return false;
    };
    let (Some(Some(place)), Some(Some(holder))) = (chosen.get(at), chosen.get(at + 1)) else {
        return false;
    };
    m.is_set_in(next, text) && holder.holds(place)
}

/// Whether `m` opens the article as its dateline ("Muscat: The festival
/// ...", "PITMAN, N.J. -").
fn opens_dateline(text: &str, m: &Match) -> bool {
    text.get(..m.start).is_some_and(|before| before.trim().is_empty())
        && text.get(m.end..).is_some_and(|after| {
            [":", ",", " -", " \u{2013}", " \u{2014}", " ("]
                .iter()
                .any(|p| after.starts_with(p))
        })
}

/// Whether `m` names place number `place` by one word that is not its own
/// name, which is its primary name with or without a trailing " City"
/// ("Kansas City" and "Kansas" are own names; names of several words, such
/// as "Quebec City" for Québec, are spellings rather than other names).
fn by_alternate(text: &str, m: &Match, place: u32, gazetteer: &Gazetteer) -> bool {
    let one_word = text
        .get(m.start..m.end)
        .is_some_and(|t| !t.contains(char::is_whitespace));
    one_word && !gazetteer.is_own_name(place, m.name_hash)
}

/// The places of an article that may support a small one, each under each
/// of its names once: a plain list for a news article, an R-tree and a
/// table of regions for a huge text.
struct Support<'a> {
    /// (name hash, place) of each supporter, without repeats.
    entries: Vec<(u64, &'a Place)>,
    /// Whether the entries go by more than one name.
    several_names: bool,
    /// The entries' points keyed by position, from [`TREE_FROM`] entries on.
    tree: Option<SpatialIndex>,
    /// The entries of each region (country, admin1), alongside the tree.
    regions: HashMap<(CountryCode, &'a str), Vec<usize>>,
}

impl<'a> Support<'a> {
    /// The distinct supporters among `supporters` (match positions).
    fn new(supporters: &[usize], matches: &[Match], chosen: &[Option<&'a Place>]) -> Support<'a> {
        let mut keyed: Vec<(u64, u32, &Place)> = supporters
            .iter()
            .filter_map(|&at| Some((matches[at].name_hash, u32::try_from(at).ok()?, chosen[at]?)))
            .collect();
        // One entry for each name and place: the place's id tells them apart.
        keyed.sort_unstable_by_key(|&(name, at, p)| (name, p.id, at));
        keyed.dedup_by_key(|&mut (name, _, p)| (name, p.id));
        let entries: Vec<(u64, &Place)> = keyed.into_iter().map(|(name, _, p)| (name, p)).collect();
        let several_names = entries.windows(2).any(|w| w[0].0 != w[1].0);
        let mut regions: HashMap<(CountryCode, &str), Vec<usize>> = HashMap::new();
        let tree = (entries.len() >= TREE_FROM).then(|| {
            for (k, (_, p)) in entries.iter().enumerate() {
                if !p.admin1.is_empty() {
                    regions.entry((p.country, p.admin1.as_ref())).or_default().push(k);
                }
            }
            let points = entries
                .iter()
                .enumerate()
                .filter_map(|(k, (_, p))| Some((u32::try_from(k).ok()?, p.lonlat)));
            SpatialIndex::new(points)
        });
        Support {
            entries,
            several_names,
            tree,
            regions,
        }
    }

    /// Whether `place`, named `name`, is supported by a place under another
    /// name lying within `reach` km or being its region (or, for a region,
    /// lying in it), or has no other place to be judged by.
    fn supports(&self, name: u64, place: &Place, reach: f64) -> bool {
        let others = self.several_names || self.entries.first().is_some_and(|e| e.0 != name);
        if !others {
            return true;
        }
        let contains = |s: &Place| {
            (s.kind == Kind::Region || place.kind == Kind::Region)
                && s.country == place.country
                && !place.admin1.is_empty()
                && s.admin1 == place.admin1
        };
        let near = |s: &Place| !farther_than_km(s.lonlat, place.lonlat, reach);
        match &self.tree {
            None => self
                .entries
                .iter()
                .filter(|e| e.0 != name)
                .any(|&(_, s)| contains(s) || near(s)),
            Some(tree) => {
                let other = |k: usize| self.entries.get(k).filter(|e| e.0 != name).map(|e| e.1);
                let in_region = self
                    .regions
                    .get(&(place.country, place.admin1.as_ref()))
                    .is_some_and(|ks| ks.iter().filter_map(|&k| other(k)).any(contains));
                // The tree measures chords; a little more reach lets the
                // haversine distance have the last word.
                in_region
                    || tree.any_within_km(place.lonlat, reach * (1.0 + 1e-6) + 1e-3, |n| {
                        other(n.place as usize).is_some_and(near)
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use geo::Point;

    use super::*;
    use crate::gazetteer::PlaceId;

    /// A town (or every fifth place a region) on a grid across Europe.
    fn place(k: u64) -> Place {
        let region = k.is_multiple_of(5);
        Place {
            id: PlaceId(k),
            name: format!("Place {k}").into(),
            alt_names: "".into(),
            kind: if region { Kind::Region } else { Kind::Town },
            country: CountryCode::parse(if k.is_multiple_of(3) { "FR" } else { "DE" }).unwrap_or_default(),
            admin1: format!("R.{}", k % 7).into(),
            population: 1_000,
            lonlat: Point::new((k % 12) as f64 * 1.9 - 5.0, (k / 12) as f64 * 1.3 + 40.0),
            capital: false,
            polygon: None,
        }
    }

    #[test]
    fn the_tree_and_the_list_support_the_same_places() {
        let places: Vec<Place> = (0..120).map(place).collect();
        let matches: Vec<Match> = places
            .iter()
            .enumerate()
            .map(|(k, _)| Match::new(0, 0, Vec::new(), k as u64 % 40))
            .collect();
        let chosen: Vec<Option<&Place>> = places.iter().map(Some).collect();
        let supporters: Vec<usize> = (0..places.len()).collect();
        let with_tree = Support::new(&supporters, &matches, &chosen);
        assert!(with_tree.tree.is_some());
        let mut plain = Support::new(&supporters, &matches, &chosen);
        plain.tree = None;
        // Probes overlap the grid's last rows; half lie in no listed region.
        let probes: Vec<Place> = (100..160)
            .map(|k: u64| Place {
                admin1: if k.is_multiple_of(2) {
                    format!("Q.{k}").into()
                } else {
                    place(k).admin1
                },
                ..place(k)
            })
            .collect();
        let mut supported = 0;
        for (k, probe) in probes.iter().enumerate() {
            for reach in [30.0, 120.0, 300.0] {
                let name = k as u64 % 45;
                let verdict = with_tree.supports(name, probe, reach);
                assert_eq!(verdict, plain.supports(name, probe, reach), "{k} {reach}");
                supported += usize::from(verdict);
            }
        }
        // Both answers occur.
        assert!(supported > 0 && supported < probes.len() * 3, "{supported}");
    }
}
