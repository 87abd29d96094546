//! The user's corrections of the tagger: another place for a mention, or
//! "not a place", for one mention or for every mention with the same text.

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, PlaceId};
use crate::tagger::Mention;
use crate::text::Article;

/// One correction, as the user made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// The article of the corrected mention.
    pub article: String,
    /// Byte offset of the corrected mention in that article.
    pub byte_start: usize,
    /// The mention's text; with `everywhere`, every mention with this text is corrected.
    pub text: String,
    /// Correct every mention in the corpus with the same text, not only this one.
    pub everywhere: bool,
    /// The right place, or `None` for "not a place".
    pub place: Option<PlaceId>,
}

impl Correction {
    /// Whether the correction applies to mention `m` of `article`.
    pub fn applies_to(&self, article: &Article, m: &Mention) -> bool {
        if self.everywhere {
            m.text == self.text
        } else {
            article.id == self.article && m.byte_start == self.byte_start && m.text == self.text
        }
    }
}

/// The mentions of one article with the corrections applied in order (a
/// later correction of the same mention wins). A corrected mention gets
/// score 1 and its new place first among its alternatives.
pub fn corrected(
    article: &Article,
    tagged: &[Mention],
    corrections: &[Correction],
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let mut out = Vec::with_capacity(tagged.len());
    for m in tagged {
        let mut m = m.clone();
        let mut keep = true;
        let applying: Vec<&Correction> = corrections.iter().filter(|c| c.applies_to(article, &m)).collect();
        for c in applying {
            match c.place {
                None => keep = false,
                Some(id) => {
                    // A place the gazetteer no longer has leaves the mention as tagged.
                    if let Some(index) = gazetteer.index_of(id) {
                        keep = true;
                        m.place = index;
                        m.score = 1.0;
                        m.demonym = false;
                        m.alternatives.retain(|&(p, _)| p != index);
                        m.alternatives.insert(0, (index, 1.0));
                    }
                }
            }
        }
        if keep {
            out.push(m);
        }
    }
    out
}
