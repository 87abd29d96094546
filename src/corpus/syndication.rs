//! Syndicated copies: articles that are rewrites of one report. Each
//! article is reduced to a MinHash signature of its five-word shingles;
//! articles whose estimated resemblance passes a threshold join a group.

/// Word shingle length.
const SHINGLE: usize = 5;
/// MinHash functions in a signature.
const HASHES: usize = 128;
/// Estimated Jaccard resemblance from which two articles are copies.
pub const SIMILAR: f64 = 0.2;

/// The syndication group of each article: the index of the first article
/// of its group (an article alone is its own group).
pub fn syndication_groups(texts: &[&str]) -> Vec<usize> {
    let signatures: Vec<Option<Vec<u64>>> = texts.iter().map(|t| signature(t)).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            if let (Some(sa), Some(sb)) = (&signatures[a], &signatures[b])
                && estimate(sa, sb) >= SIMILAR
            {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                let (low, high) = (ra.min(rb), ra.max(rb));
                parent[high] = low;
            }
        }
    }
    (0..texts.len()).map(|i| root(&mut parent, i)).collect()
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
}
