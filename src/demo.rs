//! The demo corpus the project wrote itself (`assets/demo/`), embedded, and
//! a generator of synthetic corpora of any size made from its sentences with
//! other places and dates, for benchmarks that need no outside data.

use std::path::Path;

use chrono::NaiveDate;

use crate::gazetteer::{Gazetteer, Kind};
use crate::tagger::Tagger;
use crate::text::{Article, parse_jsonl, sentences};

/// The demo corpus, one JSON article a line.
pub const DEMO_JSONL: &[u8] = include_bytes!("../assets/demo/dispatches.jsonl");

/// The demo corpus's articles.
pub fn demo_articles() -> Vec<Article> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    parse_jsonl(Path::new("demo.jsonl"), DEMO_JSONL, &mut articles, &mut errors);
    articles
}

/// A small deterministic random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Makes synthetic articles: the demo corpus's sentences, each place name
/// replaced by a random city of the gazetteer (population 50,000 or more),
/// dated over a year.
pub struct SyntheticCorpus {
    /// Sentences with `{}` where a place name goes.
    templates: Vec<String>,
    cities: Vec<String>,
    outlets: Vec<String>,
    /// Lower-case words of the demo corpus, slipped between the template's
    /// words so that articles do not share whole sentences (as copies would).
    fillers: Vec<String>,
}

impl SyntheticCorpus {
    /// A generator over `gazetteer`'s cities.
    pub fn new(gazetteer: &Gazetteer) -> SyntheticCorpus {
        let tagger = Tagger::new(gazetteer);
        let demo = demo_articles();
        let mut templates = Vec::new();
        for article in &demo {
            let text = &article.text;
            let mentions = tagger.tag(text);
            for range in sentences::sentences(text) {
                let mut template = String::new();
                let mut at = range.start;
                for m in mentions.iter().filter(|m| range.contains(&m.byte_start) && !m.demonym) {
                    template.push_str(&text[at..m.byte_start]);
                    template.push_str("{}");
                    at = m.byte_end;
                }
                template.push_str(&text[at..range.end]);
                if template.len() > 40 && !templates.contains(&template) {
                    templates.push(template);
                }
            }
        }
        let cities = gazetteer
            .places()
            .iter()
            .filter(|p| p.kind == Kind::City && p.population >= 50_000 && p.name.is_ascii())
            .map(|p| p.name.to_string())
            .collect();
        let mut outlets: Vec<String> = demo.iter().filter_map(|a| a.source.clone()).collect();
        outlets.sort();
        outlets.dedup();
        let mut fillers: Vec<String> = demo
            .iter()
            .flat_map(|a| a.text.split_whitespace())
            .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
            .map(str::to_string)
            .collect();
        fillers.sort();
        fillers.dedup();
        SyntheticCorpus {
            templates,
            cities,
            outlets,
            fillers,
        }
    }

    /// Appends `part`, with a random filler word after about one word in four.
    fn push_varied(&self, text: &mut String, part: &str, rng: &mut Rng) {
        for (i, word) in part.split(' ').enumerate() {
            if i > 0 {
                text.push(' ');
                if rng.below(4) == 0 && !self.fillers.is_empty() {
                    text.push_str(&self.fillers[rng.below(self.fillers.len())]);
                    text.push(' ');
                }
            }
            text.push_str(word);
        }
    }

    /// `count` articles of about `sentences` sentences each; the same seed gives the same corpus.
    pub fn articles(&self, count: usize, sentences: usize, seed: u64) -> Vec<Article> {
        let mut rng = Rng(seed);
        let first = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
        (0..count)
            .map(|n| {
                let mut text = String::new();
                for _ in 0..sentences.max(1) {
                    let template = &self.templates[rng.below(self.templates.len())];
                    let mut parts = template.split("{}");
                    self.push_varied(&mut text, parts.next().unwrap_or_default(), &mut rng);
                    for part in parts {
                        text.push_str(&self.cities[rng.below(self.cities.len())]);
                        self.push_varied(&mut text, part, &mut rng);
                    }
                    text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
                }
                let date = first + chrono::Days::new(rng.below(365) as u64);
                Article {
                    id: format!("synthetic-{n:06}"),
                    file: "synthetic".into(),
                    title: Some(format!("Dispatch {n}")),
                    date: Some(date),
                    source: self.outlets.get(rng.below(self.outlets.len())).cloned(),
                    url: None,
                    text,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_corpus_reads_without_errors() {
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        parse_jsonl(Path::new("demo.jsonl"), DEMO_JSONL, &mut articles, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 8);
        assert!(articles.iter().filter(|a| a.date.is_none()).count() == 1);
    }

    #[test]
    fn synthetic_articles_are_reproducible_and_name_places_the_tagger_finds() {
        let g = Gazetteer::embedded().unwrap();
        let generator = SyntheticCorpus::new(&g);
        let a = generator.articles(20, 8, 7);
        assert_eq!(a, generator.articles(20, 8, 7));
        assert_ne!(a, generator.articles(20, 8, 8));
        let tagger = Tagger::new(&g);
        let mentions: usize = a.iter().map(|x| tagger.tag(&x.text).len()).sum();
        assert!(mentions >= 20 * 5, "{mentions} mentions in 20 articles");
        // Made from the same sentences, the articles are still not copies of each other.
        let texts: Vec<&str> = a.iter().map(|x| x.text.as_str()).collect();
        let groups = crate::corpus::find_copies(&texts).groups;
        assert!(
            groups.iter().enumerate().filter(|(i, g)| *i == **g).count() >= 18,
            "{groups:?}"
        );
    }
}
