//! The viewer's colours: a palette for articles and outlets that stays
//! readable on the basemap, the sides of claims, and the kinds of place.

use egui::Color32;

use crate::gazetteer::Kind;

/// Sea.
pub const SEA: Color32 = Color32::from_rgb(0xd4, 0xe4, 0xf0);
/// Land.
pub const LAND: Color32 = Color32::from_rgb(0xf4, 0xf1, 0xea);
/// Country borders and coasts.
pub const BORDER: Color32 = Color32::from_rgb(0x8a, 0x86, 0x80);
/// Region outlines.
pub const REGION: Color32 = Color32::from_rgb(0xc8, 0xc2, 0xb8);
/// Map labels.
pub const LABEL: Color32 = Color32::from_rgb(0x4a, 0x46, 0x42);

/// Twelve colours that stay apart from each other and from the basemap
/// (after the Tableau 10 and ColorBrewer Paired palettes).
const PALETTE: [Color32; 12] = [
    Color32::from_rgb(0x1f, 0x77, 0xb4),
    Color32::from_rgb(0xff, 0x7f, 0x0e),
    Color32::from_rgb(0x2c, 0xa0, 0x2c),
    Color32::from_rgb(0xd6, 0x27, 0x28),
    Color32::from_rgb(0x94, 0x67, 0xbd),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0xe3, 0x77, 0xc2),
    Color32::from_rgb(0x17, 0xbe, 0xcf),
    Color32::from_rgb(0xbc, 0xbd, 0x22),
    Color32::from_rgb(0x39, 0x3b, 0x79),
    Color32::from_rgb(0xad, 0x49, 0x4a),
    Color32::from_rgb(0x5a, 0x5a, 0x5a),
];

/// The colour of legend entry `i`.
pub fn palette(i: u32) -> Color32 {
    PALETTE[i as usize % PALETTE.len()]
}

/// The colour of the side that holds a place after a claim.
pub fn side(code: Option<&str>) -> Color32 {
    match code {
        Some("UA") => Color32::from_rgb(0x00, 0x57, 0xb7),
        Some("RU") => Color32::from_rgb(0xc0, 0x1c, 0x28),
        Some(_) => Color32::from_rgb(0x6a, 0x3d, 0x9a),
        None => Color32::from_rgb(0x70, 0x70, 0x70),
    }
}

/// The highlight of a toponym in the reader, by kind.
pub fn kind(kind: Kind) -> Color32 {
    match kind {
        Kind::Country => Color32::from_rgb(0xf6, 0xc8, 0xa0),
        Kind::Region | Kind::District => Color32::from_rgb(0xc8, 0xe0, 0xa8),
        Kind::City | Kind::Town | Kind::Village => Color32::from_rgb(0xa8, 0xcc, 0xf0),
        Kind::River | Kind::Sea => Color32::from_rgb(0xa8, 0xe8, 0xe8),
        Kind::Peninsula | Kind::Area => Color32::from_rgb(0xe0, 0xc8, 0xf0),
    }
}

/// The reader's highlight of demonyms ("Ukrainian"), which are not places.
pub const DEMONYM: Color32 = Color32::from_rgb(0xe8, 0xe8, 0xe8);
