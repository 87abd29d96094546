//! The corpus: articles with their mentions and claims, the claim groups,
//! and what ties articles together (syndicated copies). The command line,
//! the exporter and the viewer all read this one structure.

mod syndication;

pub use syndication::{SIMILAR, similarity, syndication_groups};

use crate::claims::{Claim, ClaimExtractor, ClaimGroup, group_claims};
use crate::gazetteer::Gazetteer;
use crate::tagger::{Mention, Tagger};
use crate::text::Article;

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
}

impl Corpus {
    /// Tags the articles, extracts their claims, finds syndicated copies
    /// and groups the claims.
    pub fn build(articles: Vec<Article>, gazetteer: &Gazetteer) -> Corpus {
        let tagger = Tagger::new(gazetteer);
        let extractor = ClaimExtractor::new(gazetteer);
        let mentions: Vec<Vec<Mention>> = articles.iter().map(|a| tagger.tag(&a.text)).collect();
        let mut claims: Vec<Claim> = articles
            .iter()
            .zip(&mentions)
            .enumerate()
            .flat_map(|(i, (a, m))| extractor.extract(i, a, m))
            .collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let syndication = syndication_groups(&texts);
        let groups = group_claims(&mut claims, &syndication, gazetteer);
        Corpus {
            articles,
            mentions,
            claims,
            groups,
            syndication,
        }
    }
}
