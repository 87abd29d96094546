//! The corpus: articles with their mentions and claims, the claim groups,
//! and what ties articles together (syndicated copies). The command line,
//! the exporter and the viewer all read this one structure.

mod filter;
mod syndication;

pub use filter::ViewFilter;
pub use syndication::{SAME_PASSAGE, SIMILAR, SharedPassage, shared_passages, similarity, syndication_groups};

use crate::claims::{Claim, ClaimExtractor, ClaimGroup, group_claims};
use crate::gazetteer::Gazetteer;
use crate::tagger::{Mention, Tagger};
use std::ops::Range;

use crate::text::{Article, boilerplate, sentences};

/// Articles and everything found in them.
pub struct Corpus {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// The mentions of each article (same order as `articles`).
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
        let tagger = Tagger::new(gazetteer);
        let extractor = ClaimExtractor::new(gazetteer);
        let mentions: Vec<Vec<Mention>> = articles.iter().map(|a| tagger.tag(&a.text)).collect();
        let boilerplate: Vec<Vec<Range<usize>>> = articles.iter().map(|a| boilerplate::boilerplate(&a.text)).collect();
        let sentences: Vec<Vec<Range<usize>>> = articles.iter().map(|a| sentences::sentences(&a.text)).collect();
        let mut claims: Vec<Claim> = (0..articles.len())
            .flat_map(|i| extractor.extract(i, &articles[i], &mentions[i], &boilerplate[i], &sentences[i]))
            .collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let syndication = syndication_groups(&texts);
        let passages: Vec<SharedPassage> = shared_passages(&texts)
            .into_iter()
            .filter(|p| syndication[p.first.0] != syndication[p.second.0])
            .collect();
        let sources = claim_sources(&claims, &articles, &syndication, &passages);
        let groups = group_claims(&mut claims, &sources, gazetteer);
        Corpus {
            articles,
            mentions,
            claims,
            groups,
            syndication,
            boilerplate,
            sentences,
            passages,
        }
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

/// The source each claim counts for: its article's syndication group, or,
/// when its sentence sits in a passage another article shares, the smaller
/// of the two groups (a quoted wire paragraph is not a second source).
fn claim_sources(
    claims: &[Claim],
    articles: &[Article],
    syndication: &[usize],
    passages: &[SharedPassage],
) -> Vec<usize> {
    claims
        .iter()
        .map(|c| {
            let own = syndication[c.article_index];
            let text = &articles[c.article_index].text;
            let Some(at) = text.find(&c.sentence) else { return own };
            passages
                .iter()
                .filter_map(|p| {
                    let (mine, other) = if p.first.0 == c.article_index {
                        (&p.first, &p.second)
                    } else {
                        (&p.second, &p.first)
                    };
                    (mine.0 == c.article_index && mine.1.contains(&at)).then(|| syndication[other.0])
                })
                .fold(own, usize::min)
        })
        .collect()
}
