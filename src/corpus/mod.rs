//! The corpus: articles with their mentions and claims, the claim groups,
//! and what ties articles together (syndicated copies). The command line,
//! the exporter and the viewer all read this one structure.

mod corrections;
mod filter;
mod syndication;

pub use corrections::{Correction, corrected};
pub use filter::ViewFilter;
pub use syndication::{Copies, SAME_PASSAGE, SIMILAR, SharedPassage, find_copies, similarity};

use crate::claims::{Claim, ClaimExtractor, ClaimGroup, group_claims};
use crate::gazetteer::Gazetteer;
use crate::tagger::{Mention, Tagger};
use std::ops::Range;

use rayon::prelude::*;

use crate::text::{Article, boilerplate, sentences};

/// Articles and everything found in them.
pub struct Corpus {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// The mentions of each article as the tagger found them, kept only
    /// where the corrections changed them (`None`: the same as `mentions`),
    /// so that a corpus holds one copy of most mentions.
    tagged: Vec<Option<Vec<Mention>>>,
    /// The user's corrections, in the order they were made.
    pub corrections: Vec<Correction>,
    /// The mentions of each article with the corrections applied.
    pub mentions: Vec<Vec<Mention>>,
    /// Every claim, article by article.
    pub claims: Vec<Claim>,
    /// The claim groups (`Claim::group` indexes them).
    pub groups: Vec<ClaimGroup>,
    /// Each article's syndication group: the index of the first article it copies.
    pub syndication: Vec<usize>,
    /// Each article's boilerplate byte ranges.
    pub boilerplate: Vec<Vec<Range<usize>>>,
    /// Each article's sentences as byte ranges.
    pub sentences: Vec<Vec<Range<usize>>>,
    /// Paragraphs that articles of different syndication groups share.
    pub passages: Vec<SharedPassage>,
}

impl Corpus {
    /// Tags the articles, extracts their claims, finds syndicated copies
    /// and groups the claims.
    pub fn build(articles: Vec<Article>, gazetteer: &Gazetteer) -> Corpus {
        let tagged = tag(&articles, gazetteer);
        Corpus::assemble(articles, tagged, Vec::new(), gazetteer)
    }

    /// The corpus of articles already tagged (`tagged[i]` are the mentions
    /// of `articles[i]`), with the user's corrections applied.
    pub fn assemble(
        articles: Vec<Article>,
        tagged: Vec<Vec<Mention>>,
        corrections: Vec<Correction>,
        gazetteer: &Gazetteer,
    ) -> Corpus {
        let boilerplate: Vec<Vec<Range<usize>>> =
            articles.par_iter().map(|a| boilerplate::boilerplate(&a.text)).collect();
        let sentences: Vec<Vec<Range<usize>>> = articles.par_iter().map(|a| sentences::sentences(&a.text)).collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let Copies {
            groups: syndication,
            passages,
        } = find_copies(&texts);
        let passages: Vec<SharedPassage> = passages
            .into_iter()
            .filter(|p| syndication[p.first.0] != syndication[p.second.0])
            .collect();
        let (mentions, tagged): (Vec<Vec<Mention>>, Vec<Option<Vec<Mention>>>) = articles
            .par_iter()
            .zip(tagged)
            .map(|(a, t)| {
                let now = corrected(a, &t, &corrections, gazetteer);
                let changed = now != t;
                (now, changed.then_some(t))
            })
            .unzip();
        let mut corpus = Corpus {
            articles,
            tagged,
            corrections,
            mentions,
            claims: Vec::new(),
            groups: Vec::new(),
            syndication,
            boilerplate,
            sentences,
            passages,
        };
        let extractor = ClaimExtractor::new(gazetteer);
        let per_article: Vec<Vec<Claim>> = (0..corpus.articles.len())
            .into_par_iter()
            .map(|i| corpus.article_claims(&extractor, i))
            .collect();
        corpus.claims = per_article.into_iter().flatten().collect();
        corpus.group(gazetteer);
        corpus
    }

    /// Replaces the corrections; the mentions and claims of the articles
    /// whose mentions change are redone, and the claims regrouped.
    pub fn set_corrections(&mut self, corrections: Vec<Correction>, gazetteer: &Gazetteer) {
        // When one list extends the other (a new correction, an undo, a
        // redo), only articles that the corrections in one list alone apply
        // to can change; the others are not corrected again.
        let (shorter, longer) = if corrections.len() >= self.corrections.len() {
            (&self.corrections, &corrections)
        } else {
            (&corrections, &self.corrections)
        };
        let only_in_one: Option<Vec<Correction>> =
            longer.starts_with(shorter).then(|| longer[shorter.len()..].to_vec());
        self.corrections = corrections;
        let changed: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                let tagged = self.tagged[i].as_ref().unwrap_or(&self.mentions[i]);
                let article = &self.articles[i];
                if let Some(only_in_one) = &only_in_one
                    && !only_in_one
                        .iter()
                        .any(|c| tagged.iter().any(|m| c.applies_to(article, m)))
                {
                    return false;
                }
                let now = corrected(article, tagged, &self.corrections, gazetteer);
                if now == self.mentions[i] {
                    return false;
                }
                let before = std::mem::replace(&mut self.mentions[i], now);
                if self.tagged[i].is_none() {
                    self.tagged[i] = Some(before);
                }
                if self.tagged[i].as_ref() == Some(&self.mentions[i]) {
                    self.tagged[i] = None;
                }
                true
            })
            .collect();
        if changed.is_empty() {
            return;
        }
        let extractor = ClaimExtractor::new(gazetteer);
        self.claims.retain(|c| changed.binary_search(&c.article_index).is_err());
        for &i in &changed {
            let claims = self.article_claims(&extractor, i);
            self.claims.extend(claims);
        }
        self.claims.sort_by_key(|c| c.article_index);
        self.group(gazetteer);
    }

    fn article_claims(&self, extractor: &ClaimExtractor, i: usize) -> Vec<Claim> {
        extractor.extract(
            i,
            &self.articles[i],
            &self.mentions[i],
            &self.boilerplate[i],
            &self.sentences[i],
        )
    }

    fn group(&mut self, gazetteer: &Gazetteer) {
        let sources = claim_sources(&self.claims, self.articles.len(), &self.syndication, &self.passages);
        self.groups = group_claims(&mut self.claims, &sources, gazetteer);
    }

    /// Which articles the filter shows, by index.
    pub fn in_view(&self, filter: &ViewFilter) -> Vec<bool> {
        self.articles.iter().map(|a| filter.includes(a)).collect()
    }

    /// Whether mention `i` of article `article` counts as a place under the
    /// filter: not a demonym, not in boilerplate unless asked for, and of a
    /// kind in view. (The article's own filter is checked apart.)
    pub fn mention_counts(&self, filter: &ViewFilter, article: usize, i: usize, gazetteer: &Gazetteer) -> bool {
        let Some(m) = self.mentions.get(article).and_then(|ms| ms.get(i)) else {
            return false;
        };
        !m.demonym
            && (filter.include_boilerplate || !self.is_boilerplate(article, m.byte_start))
            && gazetteer
                .place(m.place)
                .is_some_and(|p| !filter.hidden_kinds.contains(&p.kind))
    }

    /// Whether byte `offset` of article `article` lies in a boilerplate line.
    /// (Offsets are bytes; a mention's `byte_start` fits.)
    pub fn is_boilerplate(&self, article: usize, offset: usize) -> bool {
        self.boilerplate
            .get(article)
            .is_some_and(|r| boilerplate::is_inside(r, offset))
    }

    /// The sentence holding byte `offset` of article `article`.
    pub fn sentence_of(&self, article: usize, offset: usize) -> Option<&str> {
        let ranges = self.sentences.get(article)?;
        let i = sentences::sentence_at(ranges, offset)?;
        self.articles.get(article)?.text.get(ranges[i].clone())
    }
}

/// Tags every article (`result[i]` are the mentions of `articles[i]`).
pub fn tag(articles: &[Article], gazetteer: &Gazetteer) -> Vec<Vec<Mention>> {
    let tagger = Tagger::new(gazetteer);
    articles.par_iter().map(|a| tagger.tag(&a.text)).collect()
}

/// The source each claim counts for: its article's syndication group, or,
/// when its sentence sits in a passage another article shares, the smallest
/// of the groups sharing it (a quoted wire paragraph is not a second source).
fn claim_sources(claims: &[Claim], articles: usize, syndication: &[usize], passages: &[SharedPassage]) -> Vec<usize> {
    // Each article's shared paragraphs with the group of the other side.
    let mut shared: Vec<Vec<(Range<usize>, usize)>> = vec![Vec::new(); articles];
    for p in passages {
        let (a, b) = (&p.first, &p.second);
        if let (Some(sa), Some(sb)) = (syndication.get(a.0), syndication.get(b.0)) {
            shared[a.0].push((a.1.clone(), *sb));
            shared[b.0].push((b.1.clone(), *sa));
        }
    }
    claims
        .iter()
        .map(|c| {
            let own = syndication[c.article_index];
            let at = c.sentence_byte_start;
            shared[c.article_index]
                .iter()
                .filter(|(range, _)| range.contains(&at))
                .map(|(_, group)| *group)
                .fold(own, usize::min)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_articles;

    #[test]
    fn corrections_keep_the_tagger_s_mentions_and_undoing_them_restores_these() {
        let g = Gazetteer::embedded().unwrap();
        let mut corpus = Corpus::build(demo_articles(), &g);
        let original = corpus.mentions.clone();
        let (a, m) = original
            .iter()
            .enumerate()
            .find_map(|(a, ms)| Some((a, ms.iter().find(|m| !m.demonym)?.clone())))
            .unwrap();
        let not_a_place = Correction {
            article: corpus.articles[a].id.clone(),
            byte_start: m.byte_start,
            text: m.text.clone(),
            everywhere: false,
            place: None,
        };
        corpus.set_corrections(vec![not_a_place], &g);
        assert_eq!(corpus.mentions[a].len(), original[a].len() - 1);
        assert!(corpus.tagged.iter().filter(|t| t.is_some()).count() == 1);
        // Nothing else is held twice, and undoing brings the tagger's mentions back.
        corpus.set_corrections(Vec::new(), &g);
        assert_eq!(corpus.mentions, original);
        assert!(corpus.tagged.iter().all(Option::is_none));
    }

    #[test]
    fn corrections_changed_step_by_step_give_what_applying_them_afresh_gives() {
        let g = Gazetteer::embedded().unwrap();
        let articles = demo_articles();
        let tagged = tag(&articles, &g);
        let mut corpus = Corpus::assemble(articles.clone(), tagged.clone(), Vec::new(), &g);
        let correction = |a: usize, k: usize, everywhere: bool, place: Option<u64>| {
            let m = tagged[a].iter().filter(|m| !m.demonym).nth(k).unwrap();
            Correction {
                article: articles[a].id.clone(),
                byte_start: m.byte_start,
                text: m.text.clone(),
                everywhere,
                place: place.map(crate::gazetteer::PlaceId),
            }
        };
        let one = correction(0, 0, false, None);
        let two = correction(1, 1, true, Some(706483));
        let three = correction(2, 0, false, Some(703448));
        let steps = [
            vec![one.clone()],
            vec![one.clone(), two.clone()],
            vec![one.clone(), two.clone(), three.clone()],
            vec![one.clone()],
            vec![one.clone(), two.clone()],
            // Not an extension: every article is corrected again.
            vec![three.clone(), one.clone()],
            Vec::new(),
        ];
        for step in steps {
            corpus.set_corrections(step.clone(), &g);
            let afresh = Corpus::assemble(articles.clone(), tagged.clone(), step.clone(), &g);
            assert_eq!(corpus.mentions, afresh.mentions, "{step:?}");
            assert_eq!(corpus.claims, afresh.claims, "{step:?}");
        }
        assert!(corpus.tagged.iter().all(Option::is_none));
    }
}
