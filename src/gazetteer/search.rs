//! Place search by name prefix, for the viewer's search box and corrections:
//! every place by its name, and the larger places also by their alternate names.

use super::fold::fold;
use super::{Gazetteer, Kind};

/// A sorted list of folded names for prefix search.
pub struct PlaceSearch {
    names: Vec<(Box<str>, u32)>,
}

impl PlaceSearch {
    /// Indexes the names of every place in `gazetteer` (a fraction of a second).
    pub fn new(gazetteer: &Gazetteer) -> PlaceSearch {
        let mut names: Vec<(Box<str>, u32)> = Vec::with_capacity(gazetteer.len() * 2);
        for (i, place) in gazetteer.places().iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            names.push((fold(&place.name).into_boxed_str(), index));
            if !matches!(place.kind, Kind::Village | Kind::Town) {
                names.extend(place.alt_names().map(|n| (fold(n).into_boxed_str(), index)));
            }
        }
        names.retain(|(n, _)| !n.is_empty());
        names.sort_unstable();
        names.dedup();
        PlaceSearch { names }
    }

    /// Up to `limit` places whose name starts with `query`: exact names
    /// first, then by prominence.
    pub fn suggest(&self, gazetteer: &Gazetteer, query: &str, limit: usize) -> Vec<u32> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let start = self.names.partition_point(|(n, _)| **n < *q);
        let mut found: Vec<(bool, u32)> = self.names[start..]
            .iter()
            .take_while(|(n, _)| n.starts_with(&q))
            .take(5_000)
            .map(|(n, i)| (**n == *q, *i))
            .collect();
        let prominence = |i: u32| gazetteer.place(i).map_or(f64::NEG_INFINITY, |p| p.prominence());
        found.sort_by(|a, b| b.0.cmp(&a.0).then(prominence(b.1).total_cmp(&prominence(a.1))));
        let mut out: Vec<u32> = Vec::with_capacity(limit);
        for (_, i) in found {
            if !out.contains(&i) {
                out.push(i);
                if out.len() == limit {
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_find_the_prominent_places_first_and_alternate_spellings_work() {
        let g = Gazetteer::embedded().unwrap();
        let search = PlaceSearch::new(&g);
        let name = |i: u32| g.place(i).unwrap().name.to_string();
        let kha: Vec<String> = search.suggest(&g, "Khark", 5).into_iter().map(name).collect();
        assert!(kha.iter().any(|n| n == "Kharkiv"), "{kha:?}");
        let kiev: Vec<String> = search.suggest(&g, "kiev", 3).into_iter().map(name).collect();
        assert_eq!(kiev.first().map(String::as_str), Some("Kyiv"), "{kiev:?}");
        assert_eq!(
            search.suggest(&g, "Paris", 1).into_iter().map(name).collect::<Vec<_>>(),
            ["Paris"]
        );
        assert!(search.suggest(&g, "  ", 5).is_empty());
        assert!(search.suggest(&g, "Zzzzqx", 5).is_empty());
    }
}
