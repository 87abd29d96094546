//! Qualifier words that follow or precede a place name and say what kind of
//! place it is ("Kherson region", "the city of Kharkiv", "Dnipro river").

use super::place::Kind;

/// A qualifier word and the kinds of place it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualifier {
    /// The word, folded ("oblast").
    pub word: &'static str,
    /// The kinds of place the word can qualify.
    pub kinds: &'static [Kind],
}

impl Qualifier {
    /// Whether the qualifier fits a place of this kind.
    pub fn accepts(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Whether the qualifier names the district of the town whose name it
    /// follows, as a Ukrainian or Russian raion is named after its chief
    /// town ("Chuhuiv Raion"); a "district" is not always ("U.S. District
    /// Court", "the Central District").
    pub fn names_a_towns_district(&self) -> bool {
        self.word == "raion"
    }
}

const REGION: &[Kind] = &[Kind::Region, Kind::Area];
const DISTRICT: &[Kind] = &[Kind::District, Kind::Region];
const SETTLEMENT: &[Kind] = &[Kind::City, Kind::Town, Kind::Village];
const WATER: &[Kind] = &[Kind::Sea];

/// The qualifier table, data for the gazetteer lookup and the tagger.
pub const QUALIFIERS: &[Qualifier] = &[
    Qualifier {
        word: "oblast",
        kinds: REGION,
    },
    Qualifier {
        word: "region",
        kinds: REGION,
    },
    Qualifier {
        word: "province",
        kinds: REGION,
    },
    Qualifier {
        word: "state",
        kinds: REGION,
    },
    Qualifier {
        word: "governorate",
        kinds: REGION,
    },
    Qualifier {
        word: "prefecture",
        kinds: REGION,
    },
    Qualifier {
        word: "krai",
        kinds: REGION,
    },
    Qualifier {
        word: "district",
        kinds: DISTRICT,
    },
    Qualifier {
        word: "raion",
        kinds: DISTRICT,
    },
    Qualifier {
        word: "county",
        kinds: DISTRICT,
    },
    Qualifier {
        word: "city",
        kinds: SETTLEMENT,
    },
    Qualifier {
        word: "town",
        kinds: SETTLEMENT,
    },
    Qualifier {
        word: "village",
        kinds: SETTLEMENT,
    },
    Qualifier {
        word: "river",
        kinds: &[Kind::River],
    },
    Qualifier {
        word: "peninsula",
        kinds: &[Kind::Peninsula, Kind::Region, Kind::Area],
    },
    Qualifier {
        word: "sea",
        kinds: WATER,
    },
    Qualifier {
        word: "lake",
        kinds: WATER,
    },
    Qualifier {
        word: "reservoir",
        kinds: WATER,
    },
    Qualifier {
        word: "strait",
        kinds: WATER,
    },
];

/// The qualifier for a folded word, if it is one.
pub fn find(word: &str) -> Option<&'static Qualifier> {
    QUALIFIERS.iter().find(|q| q.word == word)
}

/// Splits a folded name into its stem and a trailing qualifier
/// ("kharkiv oblast" -> ("kharkiv", oblast)).
pub fn split_trailing(folded: &str) -> Option<(&str, &'static Qualifier)> {
    let (stem, last) = folded.rsplit_once(' ')?;
    Some((stem, find(last)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_known_qualifiers_only() {
        let (stem, q) = split_trailing("kherson region").unwrap();
        assert_eq!(stem, "kherson");
        assert!(q.accepts(Kind::Region) && !q.accepts(Kind::City));
        assert!(split_trailing("new york").is_none());
        assert!(split_trailing("region").is_none());
    }
}
