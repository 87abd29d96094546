//! Syndicated copies: articles that are rewrites of one report, and
//! passages (paragraphs) one article takes from another. Each text is
//! reduced to a MinHash signature of its five-word shingles; texts whose
//! estimated resemblance passes a threshold are copies. Passages are paired
//! through locality-sensitive hashing (bands of the signature), so a large
//! corpus is not compared pair by pair.

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

/// Buckets of the LSH index larger than this are boilerplate-like (the same
/// line in very many texts); their members are paired with the bucket's
/// first member and their neighbour instead of with each other, which keeps
/// the pairing linear in the corpus.
const CLIQUE: usize = 32;

/// What ties a corpus's articles together.
pub struct Copies {
    /// The syndication group of each article: the index of the first
    /// article of its group (an article alone is its own group).
    pub groups: Vec<usize>,
    /// Paragraphs (lines of a dozen words or more) that two articles share.
    pub passages: Vec<SharedPassage>,
}

/// One text's signatures: the whole text's and each long paragraph's.
struct Signed {
    text: Option<Signature>,
    paragraphs: Vec<(Range<usize>, Signature)>,
}

/// A MinHash signature.
type Signature = Vec<u32>;

/// Finds syndicated copies and shared passages; each text is read once.
pub fn find_copies(texts: &[&str]) -> Copies {
    let signed: Vec<Signed> = texts.par_iter().map(|t| sign(t)).collect();
    let (groups, passages) = rayon::join(|| groups_of(&signed), || passages_of(&signed));
    Copies { groups, passages }
}

/// Signs a text and its long paragraphs. Each shingle is hashed once: one
/// inside a long paragraph goes to the paragraph's signature, which is
/// merged into the text's; any other goes to the text's directly.
fn sign(text: &str) -> Signed {
    let mut hashes = Vec::new();
    let mut line_of: Vec<usize> = Vec::new();
    let mut lines: Vec<(Range<usize>, bool)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        word_hashes(line, &mut hashes);
        line_of.resize(hashes.len(), lines.len());
        lines.push((range, line.split_whitespace().count() >= PASSAGE_WORDS));
    }
    let mut whole = MinHash::new();
    let mut paragraphs: Vec<(Range<usize>, Signature)> = Vec::new();
    let mut open: Option<(usize, MinHash)> = None;
    let mut close = |open: &mut Option<(usize, MinHash)>, whole: &mut MinHash| {
        if let Some((line, mins)) = open.take() {
            whole.merge(&mins);
            paragraphs.push((lines[line].0.clone(), mins.finish()));
        }
    };
    for (w, window) in hashes.windows(SHINGLE).enumerate() {
        let (line, last) = (line_of[w], line_of[w + SHINGLE - 1]);
        let shingle = shingle_hash(window);
        if line != last || !lines[line].1 {
            whole.add(shingle);
            continue;
        }
        if open.as_ref().is_some_and(|(l, _)| *l != line) {
            close(&mut open, &mut whole);
        }
        open.get_or_insert_with(|| (line, MinHash::new())).1.add(shingle);
    }
    close(&mut open, &mut whole);
    Signed {
        text: (hashes.len() >= SHINGLE).then(|| whole.finish()),
        paragraphs,
    }
}

fn groups_of(signed: &[Signed]) -> Vec<usize> {
    let (owners, signatures): (Vec<usize>, Vec<&[u32]>) = signed
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.text.as_deref()?)))
        .unzip();
    let mut parent: Vec<usize> = (0..signed.len()).collect();
    // Pairs already in one group need no estimate.
    for_candidate_pairs(&signatures, ARTICLE_BANDS, |p, q| {
        let (ra, rb) = (root(&mut parent, owners[p]), root(&mut parent, owners[q]));
        if ra != rb && estimate(signatures[p], signatures[q]) >= SIMILAR {
            parent[ra.max(rb)] = ra.min(rb);
        }
    });
    (0..signed.len()).map(|i| root(&mut parent, i)).collect()
}

fn passages_of(signed: &[Signed]) -> Vec<SharedPassage> {
    let paragraphs: Vec<(usize, &Range<usize>, &[u32])> = signed
        .iter()
        .enumerate()
        .flat_map(|(a, s)| s.paragraphs.iter().map(move |(r, sig)| (a, r, sig.as_slice())))
        .collect();
    let signatures: Vec<&[u32]> = paragraphs.iter().map(|p| p.2).collect();
    candidate_pairs(&signatures, BANDS)
        .into_par_iter()
        .filter(|&(p, q)| paragraphs[p].0 != paragraphs[q].0)
        .filter_map(|(p, q)| {
            let similarity = estimate(paragraphs[p].2, paragraphs[q].2);
            (similarity >= SAME_PASSAGE).then(|| SharedPassage {
                first: (paragraphs[p].0, paragraphs[p].1.clone()),
                second: (paragraphs[q].0, paragraphs[q].1.clone()),
                similarity,
            })
        })
        .collect()
}

/// Calls `visit(p, q)` for the pairs of signatures that agree on all rows
/// of at least one of `bands` bands (locality-sensitive hashing); a pair
/// may come more than once. Buckets larger than [`CLIQUE`] are paired as a
/// star and a chain.
fn for_candidate_pairs(signatures: &[&[u32]], bands: usize, mut visit: impl FnMut(usize, usize)) {
    let rows = HASHES / bands;
    let mut entries: Vec<(u64, usize)> = signatures
        .par_iter()
        .enumerate()
        .flat_map_iter(|(p, sig)| {
            (0..bands).map(move |band| {
                let key = sig[band * rows..(band + 1) * rows]
                    .iter()
                    .fold(mix(band as u64), |h, &x| mix(h ^ u64::from(x)));
                (key, p)
            })
        })
        .collect();
    entries.par_sort_unstable();
    for bucket in entries.chunk_by(|a, b| a.0 == b.0) {
        if bucket.len() <= CLIQUE {
            for (i, &(_, p)) in bucket.iter().enumerate() {
                for &(_, q) in &bucket[i + 1..] {
                    visit(p, q);
                }
            }
        } else {
            for i in 1..bucket.len() {
                visit(bucket[0].1, bucket[i].1);
                visit(bucket[i - 1].1, bucket[i].1);
            }
        }
    }
}

/// The candidate pairs `(p, q)`, `p < q`, once each, sorted (see [`for_candidate_pairs`]).
fn candidate_pairs(signatures: &[&[u32]], bands: usize) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for_candidate_pairs(signatures, bands, |p, q| {
        if p != q {
            pairs.push((p.min(q), p.max(q)));
        }
    });
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Estimated Jaccard resemblance of two texts' shingle sets (0..1).
pub fn similarity(a: &str, b: &str) -> f64 {
    let sign_all = |t: &str| {
        let mut hashes = Vec::new();
        word_hashes(t, &mut hashes);
        signature(&hashes)
    };
    match (sign_all(a), sign_all(b)) {
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

fn estimate(a: &[u32], b: &[u32]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// Appends a hash of each word of `text` (runs of letters and digits, case
/// folded) to `out`.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut h: Option<u64> = None;
    for c in text.chars() {
        if c.is_alphanumeric() {
            let mut acc = h.unwrap_or(0xcbf2_9ce4_8422_2325);
            if c.is_ascii() {
                acc = (acc ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(0x0100_0000_01b3);
            } else {
                for l in c.to_lowercase() {
                    acc = (acc ^ u64::from(u32::from(l))).wrapping_mul(0x0100_0000_01b3);
                }
            }
            h = Some(acc);
        } else if let Some(done) = h.take() {
            out.push(mix(done));
        }
    }
    if let Some(done) = h {
        out.push(mix(done));
    }
}

/// The hash of a shingle from its words' hashes.
fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &w| {
        (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
    })
}

/// The minima of [`HASHES`] hash functions over the shingles seen so far.
/// The k-th hash of a shingle is `a + k·b` (32 bits) for two independent
/// hashes `a` and `b` of it (Kirsch and Mitzenmacher's double hashing): an
/// addition a function, in a loop the compiler vectorises.
struct MinHash([u32; HASHES]);

impl MinHash {
    fn new() -> MinHash {
        MinHash([u32::MAX; HASHES])
    }

    fn add(&mut self, shingle: u64) {
        let step = (mix(shingle ^ 0xff51_afd7_ed55_8ccd) as u32) | 1;
        let mut h = mix(shingle) as u32;
        for min in &mut self.0 {
            *min = (*min).min(h);
            h = h.wrapping_add(step);
        }
    }

    fn merge(&mut self, other: &MinHash) {
        for (min, &theirs) in self.0.iter_mut().zip(&other.0) {
            *min = (*min).min(theirs);
        }
    }

    fn finish(&self) -> Signature {
        self.0.to_vec()
    }
}

/// The MinHash signature of a text's five-word shingles, from its word
/// hashes; `None` for texts shorter than a shingle.
fn signature(words: &[u64]) -> Option<Signature> {
    if words.len() < SHINGLE {
        return None;
    }
    let mut mins = MinHash::new();
    for window in words.windows(SHINGLE) {
        mins.add(shingle_hash(window));
    }
    Some(mins.finish())
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

    /// Exact Jaccard resemblance of two texts' shingle sets.
    fn jaccard(a: &str, b: &str) -> f64 {
        let shingles = |t: &str| {
            let words: Vec<String> = t.split(' ').map(str::to_string).collect();
            words
                .windows(SHINGLE)
                .map(|w| w.join(" "))
                .collect::<std::collections::HashSet<_>>()
        };
        let (sa, sb) = (shingles(a), shingles(b));
        sa.intersection(&sb).count() as f64 / sa.union(&sb).count() as f64
    }

    #[test]
    fn signatures_estimate_the_resemblance() {
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = mix(seed);
            seed % n
        };
        let mut errors = Vec::new();
        for _ in 0..200 {
            let base: Vec<String> = (0..150).map(|_| format!("w{}", next(400))).collect();
            let share = next(100);
            let variant: Vec<String> = base
                .iter()
                .map(|w| {
                    if next(100) < share {
                        w.clone()
                    } else {
                        format!("v{}", next(400))
                    }
                })
                .collect();
            let (a, b) = (base.join(" "), variant.join(" "));
            errors.push((similarity(&a, &b) - jaccard(&a, &b)).abs());
        }
        let mean = errors.iter().sum::<f64>() / errors.len() as f64;
        let worst = errors.iter().copied().fold(0.0, f64::max);
        // 128 functions: a standard error of at most 0.044 per estimate.
        assert!(mean < 0.04 && worst < 0.2, "mean error {mean}, worst {worst}");
    }

    #[test]
    fn a_text_signed_with_its_paragraphs_is_signed_as_a_whole() {
        let text = "Short headline here\nOfficials in Kharkiv said power had been restored to most districts of the city by evening.\n\
                    Tiny line\nSchools reopened across the region after the summer break ended early this year, teachers said.\nEnd";
        let signed = sign(text);
        assert_eq!(signed.paragraphs.len(), 2);
        let mut hashes = Vec::new();
        word_hashes(text, &mut hashes);
        assert_eq!(signed.text, signature(&hashes));
        let second = &signed.paragraphs[1];
        let mut own = Vec::new();
        word_hashes(&text[second.0.clone()], &mut own);
        assert_eq!(Some(&second.1), signature(&own).as_ref());
    }

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
        assert_eq!(find_copies(&[report, other, rewrite]).groups, [0, 1, 0]);
        assert_eq!(find_copies(&["too short"]).groups, [0]);
    }

    #[test]
    fn a_paragraph_taken_into_another_story_is_a_shared_passage() {
        let quoted = "Officials in Kharkiv said power had been restored to most districts of the city by the evening, after a day of repairs.";
        let first = format!("Markets rose on Tuesday as energy prices fell for a third day in a row.\n{quoted}\n");
        let second =
            format!("Schools reopened across the region after the summer break ended early this year.\n\n{quoted}\n");
        let shared = find_copies(&[&first, &second]).passages;
        assert_eq!(shared.len(), 1);
        assert_eq!(&first[shared[0].first.1.clone()], quoted);
        assert_eq!(&second[shared[0].second.1.clone()], quoted);
        assert_eq!((shared[0].first.0, shared[0].second.0), (0, 1));
    }
}
