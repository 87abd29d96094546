//! What the matcher needs to know of each place of the gazetteer (a
//! country? large? a sea?), one byte a place.

use crate::gazetteer::{Gazetteer, Kind};

/// Population from which a region that shares its name with a word counts anyway.
const MAJOR_POPULATION: u32 = 1_000_000;

/// What the matcher asks of every candidate place, one byte a place, so
/// that the whole gazetteer's fit in the processor's cache.
pub struct PlaceTraits(Vec<u8>);

/// A country.
pub(super) const COUNTRY: u8 = 1;
/// A sea, a peninsula, or a country or region of a million people or more:
/// it may share its name with a word ("Wales").
pub(super) const MAJOR: u8 = 2;
/// A country or a place of a million people or more.
pub(super) const LARGE: u8 = 4;
/// A place of 100,000 people or more: a city whose council or club speaks
/// ("Liverpool said").
pub(super) const SIZEABLE: u8 = 8;
/// Population from which a place is [`SIZEABLE`].
const SIZEABLE_POPULATION: u32 = 100_000;
/// A sea or a peninsula: its name may follow "the" ("the Pacific").
pub(super) const SEA: u8 = 16;

impl PlaceTraits {
    /// The traits of every place of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> PlaceTraits {
        let traits = (0..gazetteer.len())
            .map(|i| {
                let Some(p) = u32::try_from(i).ok().and_then(|i| gazetteer.summary(i)) else {
                    return 0;
                };
                let country = p.kind == Kind::Country;
                let sea = matches!(p.kind, Kind::Sea | Kind::Peninsula);
                let major = sea || matches!(p.kind, Kind::Country | Kind::Region) && p.population >= MAJOR_POPULATION;
                let large = country || p.population >= MAJOR_POPULATION;
                let sizeable = p.population >= SIZEABLE_POPULATION;
                (u8::from(country) * COUNTRY)
                    | (u8::from(major) * MAJOR)
                    | (u8::from(large) * LARGE)
                    | (u8::from(sizeable) * SIZEABLE)
                    | (u8::from(sea) * SEA)
            })
            .collect();
        PlaceTraits(traits)
    }

    /// Whether any of `places` has the trait `flag`.
    pub(super) fn any(&self, places: &[u32], flag: u8) -> bool {
        places
            .iter()
            .any(|&p| self.0.get(p as usize).is_some_and(|t| t & flag != 0))
    }
}
