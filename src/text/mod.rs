//! Article input: files, folders, JSONL and CSV, decoded to text, with the
//! metadata (title, date, outlet) the input gives or the text implies, the
//! boilerplate lines and the sentences.
//!
//! Text files may carry a byte-order mark, CRLF line ends (read as LF, as
//! Python and most editors do) or Latin-1 bytes; empty and binary files are
//! refused by name. Folders are read recursively, in name order, following
//! no symlink twice.

pub mod boilerplate;
mod char_offsets;
pub mod dates;
pub mod metadata;
pub mod sentences;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use char_offsets::CharOffsets;
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
    /// Publication date, given or found in the text; `None` means undated.
    pub date: Option<NaiveDate>,
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

impl Article {
    /// An article from a text file's contents, its metadata read from the text.
    pub fn from_text(id: String, file: String, text: String) -> Article {
        let mut article = Article {
            id,
            file,
            title: None,
            date: None,
            source: None,
            url: None,
            text,
        };
        article.infer_metadata();
        article
    }

    /// Fills the title, date and outlet the input did not give from the text.
    pub fn infer_metadata(&mut self) {
        if self.title.is_none() {
            self.title = metadata::title(&self.text, &boilerplate::boilerplate(&self.text));
        }
        if self.date.is_none() {
            self.date = metadata::date(&self.text);
        }
        if self.source.is_none() {
            self.source = metadata::source(&self.text);
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
    if ext == "csv" {
        return load_csv(path, articles, errors);
    }
    if !explicit && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return;
    }
    match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| decode(&b)) {
        Ok(text) => {
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            articles.push(Article::from_text(name.clone(), name, text));
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

/// One line of a JSONL corpus (or one CSV row).
#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

impl JsonArticle {
    /// The article, with a date that does not parse reported and left unset.
    fn into_article(self, file: &str, bad_date: &mut dyn FnMut(String)) -> Article {
        let id = match self.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let date = self.date.filter(|d| !d.trim().is_empty()).and_then(|d| {
            let parsed = dates::parse_date(d.trim());
            if parsed.is_none() {
                bad_date(format!("unknown date {d:?}; the article is kept as undated"));
            }
            parsed
        });
        let mut article = Article {
            id,
            file: file.to_string(),
            title: self.title.filter(|t| !t.trim().is_empty()),
            date,
            source: self.source.filter(|s| !s.trim().is_empty()),
            url: self.url.filter(|u| !u.trim().is_empty()),
            text: self.text.replace("\r\n", "\n"),
        };
        article.infer_metadata();
        article
    }
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
    parse_jsonl(path, &bytes, articles, errors);
}

/// The articles of a JSONL corpus's bytes; `path` names it in errors.
pub fn parse_jsonl(path: &Path, bytes: &[u8], articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
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
            Ok(a) => articles.push(a.into_article(&file, &mut |m| errors.push(bad(m)))),
            Err(e) => errors.push(bad(format!("not an article object: {e}"))),
        }
    }
}

fn load_csv(path: &Path, articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    match std::fs::read(path) {
        Ok(bytes) => parse_csv(path, &bytes, articles, errors),
        Err(e) => errors.push(InputError {
            path: path.to_path_buf(),
            line: None,
            message: e.to_string(),
        }),
    }
}

/// The articles of a CSV corpus's bytes, with a header row naming at least
/// `text` (and `id`, `title`, `date`, `source`, `url`; other columns are
/// ignored); `path` names it in errors.
pub fn parse_csv(path: &Path, bytes: &[u8], articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    let error = |line: Option<u64>, message: String| InputError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let bytes = match decode(bytes) {
        Ok(text) => text,
        Err(message) => return errors.push(error(None, message)),
    };
    let file = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
        Err(e) => return errors.push(error(Some(1), format!("unreadable header: {e}"))),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(text_column) = column("text") else {
        return errors.push(error(
            Some(1),
            "no text column in the header (expected id, title, date, source, url, text)".into(),
        ));
    };
    for (n, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(n as u64 + 2, |p| p.line());
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(Some(line), e.to_string()));
                continue;
            }
        };
        let field = |name: &str| column(name).and_then(|i| record.get(i)).map(str::to_string);
        let Some(text) = record.get(text_column).filter(|t| !t.trim().is_empty()) else {
            errors.push(error(Some(line), "empty text".into()));
            continue;
        };
        let id = field("id")
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| format!("{file}:{line}"));
        let row = JsonArticle {
            id: serde_json::Value::String(id),
            text: text.to_string(),
            title: field("title"),
            date: field("date"),
            source: field("source"),
            url: field("url"),
        };
        articles.push(row.into_article(&file, &mut |m| errors.push(error(Some(line), m))));
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

    #[test]
    fn reads_jsonl_and_csv_with_metadata_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("a.jsonl");
        std::fs::write(
            &jsonl,
            "{\"id\": 7, \"text\": \"Kyiv at night.\", \"date\": \"13 September 2022\", \"source\": \"Wire\"}\n\
             {\"id\": \"b\", \"text\": \"Kharkiv.\", \"date\": \"someday\"}\n",
        )
        .unwrap();
        let csv = dir.path().join("b.csv");
        std::fs::write(
            &csv,
            "id,title,date,extra,text\nc1,Front,2022-09-14,x,\"Izium, then Balakliia.\"\nc2,,,,\n",
        )
        .unwrap();
        let (articles, errors) = load_inputs(&[jsonl, csv]);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["7", "b", "c1"]);
        assert_eq!(articles[0].date, NaiveDate::from_ymd_opt(2022, 9, 13));
        assert_eq!(articles[0].source.as_deref(), Some("Wire"));
        assert_eq!(articles[1].date, None);
        assert_eq!(articles[2].title.as_deref(), Some("Front"));
        assert_eq!(articles[2].text, "Izium, then Balakliia.");
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages[0].ends_with("a.jsonl:2: unknown date \"someday\"; the article is kept as undated"),
            "{messages:?}"
        );
        assert!(messages[1].ends_with("b.csv:3: empty text"), "{messages:?}");
    }
}
