//! The tagger: finds the place names in an article (matcher) and pins each
//! to the place it means (resolver).

mod anchors;
mod context;
mod evidence;
mod lexicon;
mod matcher;
mod resolver;
mod strays;
mod tokens;
mod traits;

use crate::gazetteer::Gazetteer;
use crate::text::CharOffsets;

use lexicon::Lexicon;
pub use resolver::ALTERNATIVES;
use traits::PlaceTraits;

/// One place name (or demonym) in an article, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Unicode character offset of the start in the article text.
    pub start: usize,
    /// Unicode character offset just past the end.
    pub end: usize,
    /// Byte offset of the start.
    pub byte_start: usize,
    /// Byte offset just past the end.
    pub byte_end: usize,
    /// The text as written ("Kharkiv region", "Kyiv").
    pub text: String,
    /// A demonym or place adjective ("Ukrainian"): reported, never counted as a place.
    pub demonym: bool,
    /// Index of the chosen place in the gazetteer.
    pub place: u32,
    /// The resolver's confidence in the chosen place, 0..1.
    pub score: f64,
    /// The ranked candidates (place index, score), best first, the chosen one included.
    pub alternatives: Vec<(u32, f64)>,
}

/// Tags articles against a gazetteer.
pub struct Tagger<'g> {
    gazetteer: &'g Gazetteer,
    lexicon: Lexicon,
    traits: PlaceTraits,
}

impl<'g> Tagger<'g> {
    /// A tagger over `gazetteer` with georef's word lists.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Tagger {
            gazetteer,
            lexicon: Lexicon::new(gazetteer),
            traits: PlaceTraits::new(gazetteer),
        }
    }

    /// The gazetteer the tagger resolves against.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// Every place name and demonym in `text`, in text order.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        let matches = matcher::find(text, self.gazetteer, &self.lexicon, &self.traits);
        let rankings = resolver::resolve(text, &matches, self.gazetteer);
        let mut chars = CharOffsets::new(text);
        let mut mentions = Vec::with_capacity(matches.len());
        mentions.extend(matches.into_iter().zip(rankings).filter_map(|(m, ranking)| {
            let &(place, score) = ranking.ranked.first()?;
            Some(Mention {
                start: chars.at(m.start),
                end: chars.at(m.end),
                byte_start: m.start,
                byte_end: m.end,
                text: text[m.start..m.end].to_string(),
                demonym: m.demonym,
                place,
                score,
                alternatives: ranking.ranked,
            })
        }));
        mentions
    }
}
