//! georef: turns news articles into a map.
//!
//! The pipeline runs one way: articles -> tagger (matcher + resolver) ->
//! mentions -> claims -> corpus -> map, filters and export. Each stage is a
//! module; this crate root only re-exports them.

#[cfg(feature = "viewer")]
pub mod app;
pub mod atomic_write;
pub mod claims;
pub mod cli;
pub mod corpus;
pub mod demo;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod set_aside;
pub mod store;
pub mod tagger;
pub mod text;
