//! Article input: files, folders and JSONL, decoded to text.
//!
//! Text files may carry a byte-order mark, CRLF line ends (read as LF, as
//! Python and most editors do) or Latin-1 bytes; empty and binary files are
//! refused by name. Folders are read recursively, in name order, following
//! no symlink twice.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One article: its text and what is known about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The JSONL id, or the file name.
    pub id: String,
    /// The file the article came from.
    pub file: String,
    /// Headline, when given.
    pub title: Option<String>,
    /// Publication date as given, when given.
    pub date: Option<String>,
    /// Outlet, when given.
    pub source: Option<String>,
    /// Address, when given.
    pub url: Option<String>,
    /// The article text (offsets of mentions point into it).
    pub text: String,
}

/// An input that could not be read, or one bad line of a JSONL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file or folder.
    pub path: PathBuf,
    /// 1-based line number in a JSONL file.
    pub line: Option<u64>,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Extensions read from folders as articles.
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// Reads every article under `paths`: text and markdown files, folders
/// (recursively) and JSONL files. Bad inputs are returned as errors; the
/// rest is read.
pub fn load_inputs(paths: &[PathBuf]) -> (Vec<Article>, Vec<InputError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        load_path(path, true, &mut seen_dirs, &mut articles, &mut errors);
    }
    (articles, errors)
}

fn load_path(
    path: &Path,
    explicit: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    articles: &mut Vec<Article>,
    errors: &mut Vec<InputError>,
) {
    let error = |message: String| InputError {
        path: path.to_path_buf(),
        line: None,
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return errors.push(error(e.to_string())),
    };
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen_dirs.insert(canonical) {
            return errors.push(error("folder already read (a symlink loop?); skipped".into()));
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return errors.push(error(e.to_string())),
        };
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                load_path(&entry, false, seen_dirs, articles, errors);
            }
        }
        return;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "jsonl" {
        return load_jsonl(path, articles, errors);
    }
    if !explicit && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return;
    }
    match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| decode(&b)) {
        Ok(text) => {
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            articles.push(Article {
                id: name.clone(),
                file: name,
                title: None,
                date: None,
                source: None,
                url: None,
                text,
            });
        }
        Err(message) => errors.push(error(message)),
    }
}

/// Decodes the bytes of a text file: UTF-8 (with or without BOM), else
/// Latin-1; CRLF and lone CR become LF. Refuses empty and binary files.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
    if controls * 20 > text.chars().count() {
        return Err("binary file (control bytes), not text".into());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// One line of a JSONL corpus.
#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

fn load_jsonl(path: &Path, articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return errors.push(InputError {
                path: path.to_path_buf(),
                line: None,
                message: e.to_string(),
            });
        }
    };
    let file = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n as u64 + 1;
        let bad = |message: String| InputError {
            path: path.to_path_buf(),
            line: Some(line_no),
            message,
        };
        let Ok(line) = std::str::from_utf8(line) else {
            errors.push(bad("not valid UTF-8".into()));
            continue;
        };
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonArticle>(line) {
            Ok(a) => {
                let id = match a.id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                articles.push(Article {
                    id,
                    file: file.clone(),
                    title: a.title,
                    date: a.date,
                    source: a.source,
                    url: a.url,
                    text: a.text,
                });
            }
            Err(e) => errors.push(bad(format!("not an article object: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_crlf_and_latin1_and_refuses_binary() {
        assert_eq!(decode(b"\xef\xbb\xbfKyiv\r\nKharkiv").unwrap(), "Kyiv\nKharkiv");
        assert_eq!(decode(b"Caf\xe9 in Kharkiv").unwrap(), "Café in Kharkiv");
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b" \n ").unwrap_err().contains("empty"));
        assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00").unwrap_err().contains("binary"));
    }
}
