//! Territorial claims: who says which side gained or lost control of where,
//! with areas in km², attribution, hedging, negation and event dates, and
//! groups of claims about the same place and outcome across articles.
//!
//! The rules are tables in `src/claims/data/` (verbs, units, sides, speech
//! verbs, hedges, negations); the code only walks sentences against them.

mod area;
mod extract;
mod group;
mod lexicon;
mod when;
mod words;

use serde::{Deserialize, Serialize};

pub use area::{Area, find_area};
pub use extract::ClaimExtractor;
pub use group::{ClaimGroup, group_claims};
pub use lexicon::ClaimLexicon;
pub use when::{EventDate, Precision};

/// What a claim says happened to control of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Took it from the other side.
    Captured,
    /// Took back its own territory (liberated, retook, freed).
    Liberated,
    /// Moved forward (advanced, reached, entered).
    Advanced,
    /// Pulled back from it.
    Withdrew,
    /// Left it.
    Abandoned,
    /// Gave up there.
    Surrendered,
    /// Holds or controls it.
    Holds,
    /// Lost it.
    Lost,
    /// Occupies it.
    Occupied,
    /// Annexed it.
    Annexed,
    /// Fighting over it.
    Contested,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: [Action; 11] = [
        Action::Captured,
        Action::Liberated,
        Action::Advanced,
        Action::Withdrew,
        Action::Abandoned,
        Action::Surrendered,
        Action::Holds,
        Action::Lost,
        Action::Occupied,
        Action::Annexed,
        Action::Contested,
    ];

    /// The action named in the verb table.
    pub fn parse(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Captured => "captured",
            Action::Liberated => "liberated",
            Action::Advanced => "advanced",
            Action::Withdrew => "withdrew",
            Action::Abandoned => "abandoned",
            Action::Surrendered => "surrendered",
            Action::Holds => "holds",
            Action::Lost => "lost",
            Action::Occupied => "occupied",
            Action::Annexed => "annexed",
            Action::Contested => "contested",
        }
    }

    /// Whether the actor ends up holding the place.
    pub fn actor_gains(self) -> bool {
        matches!(
            self,
            Action::Captured | Action::Liberated | Action::Holds | Action::Occupied | Action::Annexed
        )
    }

    /// Whether the actor ends up without the place.
    pub fn actor_loses(self) -> bool {
        matches!(
            self,
            Action::Withdrew | Action::Abandoned | Action::Surrendered | Action::Lost
        )
    }
}

/// A side of a conflict: a country.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Side {
    /// ISO 3166-1 alpha-2 code ("UA").
    pub code: String,
    /// The country's name ("Ukraine").
    pub name: String,
}

/// A place a claim refers to: one of the article's mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimPlace {
    /// Index of the mention among the article's mentions.
    #[serde(skip)]
    pub mention: usize,
    /// Index of the place in the gazetteer.
    #[serde(skip)]
    pub place: u32,
    /// The mention's text.
    pub text: String,
    /// Character offset of the mention in the article.
    pub start: usize,
    /// Character offset past the mention.
    pub end: usize,
}

/// One territorial claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The article's id.
    pub article: String,
    /// Index of the article in the batch the claim was extracted from.
    pub article_index: usize,
    /// Character offset of the claim's sentence in the article.
    pub sentence_start: usize,
    /// Character offset past the sentence.
    pub sentence_end: usize,
    /// Byte offset of the sentence in the article's text.
    pub sentence_byte_start: usize,
    /// The sentence.
    pub sentence: String,
    /// The words that assert the claim ("pulling out", "liberated").
    pub trigger: String,
    /// What happened, normalised.
    pub action: Action,
    /// Who did it, when the sentence says.
    pub actor: Option<Side>,
    /// The places the claim is about (may be empty: "in the east and south").
    pub places: Vec<ClaimPlace>,
    /// Who holds the places if the claim is true, when that follows.
    pub controller_after: Option<Side>,
    /// The area claimed, in km², with the quantity as written.
    pub area: Option<Area>,
    /// Who says so ("Zelensky", "Daily Mail", "the ministry").
    pub claimant: Option<String>,
    /// Reportedly, said to be, it is claimed.
    pub hedged: bool,
    /// "No one is going to surrender the city".
    pub negated: bool,
    /// When it happened, when the text says.
    pub event_date: Option<EventDate>,
    /// The group of claims about the same place and outcome (set by [`group_claims`]).
    pub group: usize,
}
