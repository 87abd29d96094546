//! Errors of the gazetteer stage.

use std::path::PathBuf;

/// A gazetteer file could not be used at all.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is readable but is no gazetteer format georef knows.
    #[error("{path}: not a gazetteer: {reason}")]
    NotAGazetteer {
        /// The file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The embedded data is damaged (a build problem, never user data).
    #[error("embedded gazetteer is damaged: {0}")]
    Embedded(String),
}

/// One row of a gazetteer file that was skipped, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: u64,
    /// What was wrong with the row.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}
