//! Syndicated copies: articles that are rewrites of one report, and
//! passages (paragraphs) one article takes from another. Each text is
//! reduced to a MinHash signature of its five-word shingles; texts whose
//! estimated resemblance passes a threshold are copies. Passages are paired
//! through locality-sensitive hashing (bands of the signature), so a large
//! corpus is not compared pair by pair.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

/// Word shingle length.
const SHINGLE: usize = 5;
/// MinHash functions in a signature.
const HASHES: usize = 128;
/// Estimated Jaccard resemblance from which two articles are copies.
pub const SIMILAR: f64 = 0.2;

/// Estimated resemblance from which two paragraphs are the same passage.
pub const SAME_PASSAGE: f64 = 0.5;
/// Paragraphs shorter than this many words are not compared.
const PASSAGE_WORDS: usize = 12;
/// LSH bands of the signature for passages (rows per band = HASHES / BANDS).
const BANDS: usize = 32;
/// LSH bands for whole articles: two rows a band, so that pairs at the low
/// [`SIMILAR`] threshold still meet in a bucket (at 0.2 with 93% chance,
/// at 0.3 with 99.8%) while unrelated articles rarely do.
const ARTICLE_BANDS: usize = 64;

/// A paragraph of one article found again in another.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedPassage {
    /// The first article (index) and the paragraph's byte range in it.
    pub first: (usize, Range<usize>),
    /// The other article and the paragraph's byte range there.
    pub second: (usize, Range<usize>),
    /// Estimated resemblance of the two paragraphs (0..1).
    pub similarity: f64,
}

/// Paragraphs (lines of a dozen words or more) that two articles share.
pub fn shared_passages(texts: &[&str]) -> Vec<SharedPassage> {
    let paragraphs: Vec<(usize, Range<usize>, Vec<u64>)> = texts
        .par_iter()
        .enumerate()
        .flat_map_iter(|(a, text)| {
            let mut start = 0;
            text.split('\n').filter_map(move |line| {
                let range = start..start + line.len();
                start = range.end + 1;
                if line.split_whitespace().count() < PASSAGE_WORDS {
                    return None;
                }
                Some((a, range, signature(line)?))
            })
        })
        .collect();
    let signatures: Vec<&[u64]> = paragraphs.iter().map(|(_, _, s)| s.as_slice()).collect();
    candidate_pairs(&signatures, BANDS)
        .into_iter()
        .filter(|&(p, q)| paragraphs[p].0 != paragraphs[q].0)
        .filter_map(|(p, q)| {
            let similarity = estimate(&paragraphs[p].2, &paragraphs[q].2);
            (similarity >= SAME_PASSAGE).then(|| SharedPassage {
                first: (paragraphs[p].0, paragraphs[p].1.clone()),
                second: (paragraphs[q].0, paragraphs[q].1.clone()),
                similarity,
            })
        })
        .collect()
}

/// The syndication group of each article: the index of the first article
/// of its group (an article alone is its own group).
pub fn syndication_groups(texts: &[&str]) -> Vec<usize> {
    let signed: Vec<(usize, Vec<u64>)> = texts
        .par_iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, signature(t)?)))
        .collect();
    let signatures: Vec<&[u64]> = signed.iter().map(|(_, s)| s.as_slice()).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    for (p, q) in candidate_pairs(&signatures, ARTICLE_BANDS) {
        if estimate(signatures[p], signatures[q]) >= SIMILAR {
            let (a, b) = (signed[p].0, signed[q].0);
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            let (low, high) = (ra.min(rb), ra.max(rb));
            parent[high] = low;
        }
    }
    (0..texts.len()).map(|i| root(&mut parent, i)).collect()
}

/// The pairs `(p, q)`, `p < q`, of signatures that agree on all rows of at
/// least one of `bands` bands (locality-sensitive hashing), sorted.
fn candidate_pairs(signatures: &[&[u64]], bands: usize) -> Vec<(usize, usize)> {
    let rows = HASHES / bands;
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (p, sig) in signatures.iter().enumerate() {
        for band in 0..bands {
            let key = sig[band * rows..(band + 1) * rows]
                .iter()
                .fold(0u64, |h, &x| mix(h ^ x));
            buckets.entry((band, key)).or_default().push(p);
        }
    }
    let mut pairs: Vec<(usize, usize)> = buckets
        .values()
        .flat_map(|members| {
            members
                .iter()
                .enumerate()
                .flat_map(move |(i, &p)| members[i + 1..].iter().map(move |&q| (p.min(q), p.max(q))))
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Estimated Jaccard resemblance of two texts' shingle sets (0..1).
pub fn similarity(a: &str, b: &str) -> f64 {
    match (signature(a), signature(b)) {
        (Some(sa), Some(sb)) => estimate(&sa, &sb),
        _ => 0.0,
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn estimate(a: &[u64], b: &[u64]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The MinHash signature of a text's shingles; `None` for texts shorter than a shingle.
fn signature(text: &str) -> Option<Vec<u64>> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| crate::gazetteer::fold::name_hash(&w.to_lowercase()))
        .collect();
    if words.len() < SHINGLE {
        return None;
    }
    let mut mins = vec![u64::MAX; HASHES];
    for window in words.windows(SHINGLE) {
        let shingle = window.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &w| {
            (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
        });
        for (k, min) in mins.iter_mut().enumerate() {
            let h = mix(shingle ^ (k as u64).wrapping_mul(0xff51_afd7_ed55_8ccd));
            if h < *min {
                *min = h;
            }
        }
    }
    Some(mins)
}

/// A 64-bit finaliser (splitmix64).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_group_and_different_stories_do_not() {
        let report = "Ukrainian units entered the town of Balakliia on Thursday after a week of fighting, \
                      officials in Kyiv said, adding that the advance continued towards Kupiansk and the river.";
        let rewrite = "Kyiv: Ukrainian units entered the town of Balakliia on Thursday after a week of fighting, \
                       officials in Kyiv said, adding that the advance continued towards Kupiansk and the river, media reports said.";
        let other =
            "Floods closed roads across the north of the country as rivers rose after three days of heavy rain.";
        assert!(similarity(report, rewrite) > 0.6);
        assert!(similarity(report, other) < 0.05);
        assert_eq!(syndication_groups(&[report, other, rewrite]), [0, 1, 0]);
        assert_eq!(syndication_groups(&["too short"]), [0]);
    }

    #[test]
    fn a_paragraph_taken_into_another_story_is_a_shared_passage() {
        let quoted = "Officials in Kharkiv said power had been restored to most districts of the city by the evening, after a day of repairs.";
        let first = format!("Markets rose on Tuesday as energy prices fell for a third day in a row.\n{quoted}\n");
        let second =
            format!("Schools reopened across the region after the summer break ended early this year.\n\n{quoted}\n");
        let shared = shared_passages(&[&first, &second]);
        assert_eq!(shared.len(), 1);
        assert_eq!(&first[shared[0].first.1.clone()], quoted);
        assert_eq!(&second[shared[0].second.1.clone()], quoted);
        assert_eq!((shared[0].first.0, shared[0].second.0), (0, 1));
    }
}
