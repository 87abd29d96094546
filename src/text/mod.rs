//! Article input: files, folders, JSONL and CSV, decoded to text, with the
//! metadata (title, date, outlet) the input gives or the text implies, the
//! boilerplate lines and the sentences.
//!
//! Text files may carry a byte-order mark, CRLF line ends (read as LF, as
//! Python and most editors do) or Windows-1252 (Latin-1) bytes, which are
//! read with a warning; empty and binary files, and texts larger than
//! [`MAX_ARTICLE_BYTES`], are refused by name. Folders are read recursively,
//! in name order, following no symlink twice and reading no pipe or device.
//! The input `-` is standard input: a JSONL corpus or one text.

pub mod boilerplate;
mod char_offsets;
pub mod dates;
mod decode;
pub mod metadata;
pub mod sentences;

use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use char_offsets::CharOffsets;
pub use decode::{Decoded, decode};
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

/// An input that could not be read (or one bad line or row of it), or a
/// warning about how an input was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file or folder.
    pub path: PathBuf,
    /// 1-based line number in the file.
    pub line: Option<u64>,
    /// What was wrong.
    pub message: String,
    /// Whether the file, line or row was left out; `false` for a warning
    /// about something that was read all the same.
    pub skipped: bool,
}

impl InputError {
    /// A file, line or row that was left out.
    fn skipped(path: &Path, line: Option<u64>, message: impl Into<String>) -> InputError {
        InputError {
            path: path.to_path_buf(),
            line,
            message: message.into(),
            skipped: true,
        }
    }

    /// A warning about an input that was read.
    fn warning(path: &Path, line: Option<u64>, message: impl Into<String>) -> InputError {
        InputError {
            skipped: false,
            ..InputError::skipped(path, line, message)
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)?;
        if self.skipped {
            f.write_str(" (skipped)")?;
        }
        Ok(())
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

/// The largest article georef reads, in bytes: a text file, a JSONL line or
/// a CSV row. News articles are a few kilobytes; a larger text is a corpus
/// without line breaks or no article at all, and would stall the tagger and
/// the reader.
pub const MAX_ARTICLE_BYTES: usize = 10_000_000;

/// A byte count for messages ("12.5 MB").
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// The message for an article over [`MAX_ARTICLE_BYTES`] of `bytes` (at
/// least what was read: a device or a pipe has no size to tell). A size
/// that reads as the limit's own in megabytes is given as "more than" it.
fn too_large(what: &str, bytes: usize) -> String {
    let (size, limit) = (megabytes(bytes), megabytes(MAX_ARTICLE_BYTES));
    let size = if size == limit {
        format!("more than {limit}")
    } else {
        size
    };
    format!("{what} of {size} is larger than an article can be ({limit}); split it into articles")
}

/// The warning for a text that is not UTF-8 (given with its first bad line).
const NOT_UTF8: &str = "not UTF-8; read as Windows-1252 (Latin-1)";

/// Reads every article under `paths`: text and markdown files, folders
/// (recursively), JSONL and CSV files, and standard input for `-`. Bad
/// inputs, and warnings about inputs that were read, are returned as
/// errors; the rest is read.
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
    if explicit && path == Path::new(STDIN_INPUT) {
        return load_standard_input(articles, errors);
    }
    let skip = |message: String| InputError::skipped(path, None, message);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return errors.push(skip(e.to_string())),
    };
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen_dirs.insert(canonical) {
            return errors.push(skip("folder already read (a symlink loop?)".into()));
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return errors.push(skip(e.to_string())),
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
    let known = ext == "jsonl" || ext == "csv" || TEXT_EXTENSIONS.contains(&ext.as_str());
    if !explicit && !known {
        return;
    }
    if !explicit && !meta.is_file() {
        // A pipe would block the walk; named on the command line it is the user's choice.
        return errors.push(skip("not a regular file (a pipe, socket or device)".into()));
    }
    match ext.as_str() {
        "jsonl" => load_jsonl(path, articles, errors),
        "csv" => load_csv(path, articles, errors),
        _ => add_text(path, read_text(path), articles, errors),
    }
}

/// The file name of `path`, for article ids and the `file` field.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into())
}

/// Reads and decodes a text file of one article, refusing one larger than
/// [`MAX_ARTICLE_BYTES`] without reading more than that.
fn read_text(path: &Path) -> Result<Decoded, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let size = file.metadata().map_or(0, |m| m.len());
    read_article(file, size)
}

/// Reads and decodes one article from `reader`, whose size is `size` bytes
/// where known (0 where not), refusing one larger than [`MAX_ARTICLE_BYTES`]
/// without reading more than that.
fn read_article(reader: impl Read, size: u64) -> Result<Decoded, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        let size = usize::try_from(size).unwrap_or(usize::MAX).max(bytes.len());
        return Err(too_large("a text", size));
    }
    decode(&bytes)
}

/// The input that reads standard input.
const STDIN_INPUT: &str = "-";
/// The name standard input has in articles and messages.
const STDIN_NAME: &str = "stdin";

/// Reads what is piped in as input `-`: a JSONL corpus when its first
/// character other than white space (and a byte-order mark) is "{", as far
/// as the first read shows, else one text article named "stdin".
fn load_standard_input(articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    let path = Path::new(STDIN_NAME);
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
    let is_jsonl = match reader.fill_buf() {
        Ok(start) => {
            let start = start.strip_prefix(decode::UTF8_BOM).unwrap_or(start);
            start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        }
        Err(e) => return errors.push(InputError::skipped(path, None, e.to_string())),
    };
    if is_jsonl {
        return read_jsonl(path, reader, articles, errors);
    }
    add_text(path, read_article(reader, 0), articles, errors);
}

/// Adds the text article read from `path` (named by its file name), with a
/// warning if it was not UTF-8, or the error that refused it.
fn add_text(path: &Path, read: Result<Decoded, String>, articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    match read {
        Ok(decoded) => {
            if let Some(line) = decoded.not_utf8_line {
                errors.push(InputError::warning(path, Some(line), NOT_UTF8));
            }
            let name = file_name(path);
            articles.push(Article::from_text(name.clone(), name, decoded.text));
        }
        Err(message) => errors.push(InputError::skipped(path, None, message)),
    }
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
    match std::fs::File::open(path) {
        Ok(file) => read_jsonl(path, std::io::BufReader::with_capacity(1 << 16, file), articles, errors),
        Err(e) => errors.push(InputError::skipped(path, None, e.to_string())),
    }
}

/// The articles of a JSONL corpus's bytes; `path` names it in errors. A
/// line that is not UTF-8 is read as Windows-1252, with a warning.
pub fn parse_jsonl(path: &Path, bytes: &[u8], articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    read_jsonl(path, bytes, articles, errors);
}

/// The articles of a JSONL corpus read line by line from `reader`: only one
/// line is in memory at a time, and of a line too long for an article only
/// its first [`MAX_ARTICLE_BYTES`]. A read error is reported with the line
/// it stopped at; the lines before it are kept.
fn read_jsonl(path: &Path, mut reader: impl BufRead, articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    let file = file_name(path);
    let mut line = Vec::new();
    for line_no in 1u64.. {
        let fail = |e: std::io::Error| InputError::skipped(path, Some(line_no), e.to_string());
        line.clear();
        match (&mut reader)
            .take(MAX_ARTICLE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return errors.push(fail(e)),
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        } else if line.len() > MAX_ARTICLE_BYTES {
            match skip_rest_of_line(&mut reader) {
                Ok(rest) => {
                    let message = too_large("a line", line.len() + rest);
                    errors.push(InputError::skipped(path, Some(line_no), message));
                    continue;
                }
                Err(e) => return errors.push(fail(e)),
            }
        }
        parse_jsonl_line(path, &file, line_no, &line, articles, errors);
    }
}

/// Reads past the next line break; returns how many bytes came before it.
fn skip_rest_of_line(reader: &mut impl BufRead) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(skipped);
        }
        if let Some(at) = memchr::memchr(b'\n', buffer) {
            reader.consume(at + 1);
            return Ok(skipped + at);
        }
        let n = buffer.len();
        reader.consume(n);
        skipped += n;
    }
}

/// The article on line `line_no` of the JSONL file `path` (named `file`).
fn parse_jsonl_line(
    path: &Path,
    file: &str,
    line_no: u64,
    line: &[u8],
    articles: &mut Vec<Article>,
    errors: &mut Vec<InputError>,
) {
    let skip = |message: String| InputError::skipped(path, Some(line_no), message);
    let line = match std::str::from_utf8(line) {
        Ok(line) => std::borrow::Cow::Borrowed(line),
        Err(_) => {
            errors.push(InputError::warning(path, Some(line_no), NOT_UTF8));
            std::borrow::Cow::Owned(decode::from_windows_1252(line))
        }
    };
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return;
    }
    if !line.starts_with('{') {
        // serde would take an array for the fields in order; a line is an object.
        return errors.push(skip(
            "not an article object: a line must be a JSON object {\"id\", \"text\", ...}".into(),
        ));
    }
    match serde_json::from_str::<JsonArticle>(line) {
        Ok(a) => {
            let mut warn = |m: String| errors.push(InputError::warning(path, Some(line_no), m));
            articles.push(a.into_article(file, &mut warn));
        }
        Err(e) => errors.push(skip(format!("not an article object: {e}"))),
    }
}

fn load_csv(path: &Path, articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    match std::fs::read(path) {
        Ok(bytes) => parse_csv(path, &bytes, articles, errors),
        Err(e) => errors.push(InputError::skipped(path, None, e.to_string())),
    }
}

/// The articles of a CSV corpus's bytes, with a header row naming at least
/// `text` (and `id`, `title`, `date`, `source`, `url`; other columns are
/// ignored); `path` names it in errors. A row with more or fewer fields
/// than the header is skipped: its columns cannot be told apart.
pub fn parse_csv(path: &Path, bytes: &[u8], articles: &mut Vec<Article>, errors: &mut Vec<InputError>) {
    let decoded = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(message) => return errors.push(InputError::skipped(path, None, message)),
    };
    if let Some(line) = decoded.not_utf8_line {
        errors.push(InputError::warning(path, Some(line), NOT_UTF8));
    }
    let file = file_name(path);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
        Err(e) => return errors.push(InputError::skipped(path, Some(1), format!("unreadable header: {e}"))),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(text_column) = column("text") else {
        let message = "no text column in the header (expected id, title, date, source, url, text)";
        return errors.push(InputError::skipped(path, Some(1), message));
    };
    for (n, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(n as u64 + 2, |p| p.line());
        let skip = |message: String| InputError::skipped(path, Some(line), message);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(skip(e.to_string()));
                continue;
            }
        };
        if record.len() != headers.len() {
            let message = format!("{} fields where the header has {}", record.len(), headers.len());
            errors.push(skip(message));
            continue;
        }
        let bytes = record.as_slice().len();
        if bytes > MAX_ARTICLE_BYTES {
            errors.push(skip(too_large("a row", bytes)));
            continue;
        }
        let field = |name: &str| column(name).and_then(|i| record.get(i)).map(str::to_string);
        let Some(text) = record.get(text_column).filter(|t| !t.trim().is_empty()) else {
            errors.push(skip("empty text".into()));
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
        let mut warn = |m: String| errors.push(InputError::warning(path, Some(line), m));
        articles.push(row.into_article(&file, &mut warn));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives `bytes`, then fails as a disk or a network share can.
    struct FailingAfter<'a>(&'a [u8]);

    impl Read for FailingAfter<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0.is_empty() {
                return Err(std::io::Error::other("device gone"));
            }
            let n = self.0.read(buf)?;
            Ok(n)
        }
    }

    #[test]
    fn a_jsonl_read_error_keeps_the_lines_before_it_and_names_the_line() {
        let lines = b"{\"id\": 1, \"text\": \"Kyiv.\"}\n{\"id\": 2, \"text\": \"Izium.\"}\n{\"id\": 3, \"te";
        // A small buffer, so that the error comes while the third line is read.
        let reader = std::io::BufReader::with_capacity(8, FailingAfter(lines));
        let (mut articles, mut errors) = (Vec::new(), Vec::new());
        read_jsonl(Path::new("feed.jsonl"), reader, &mut articles, &mut errors);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(errors.len(), 1);
        let message = errors[0].to_string();
        assert!(message.starts_with("feed.jsonl:3: "), "{message}");
        assert!(message.contains("device gone"), "{message}");
    }

    #[test]
    fn a_device_read_to_the_limit_is_more_than_the_limit_not_the_limit() {
        // /dev/zero has no size: what was read, one byte over, is all that is known.
        let message = read_text(Path::new("/dev/zero")).err().unwrap_or_default();
        assert_eq!(
            message,
            "a text of more than 10.0 MB is larger than an article can be (10.0 MB); split it into articles"
        );
        assert!(too_large("a line", 12_345_678).starts_with("a line of 12.3 MB is larger"));
    }

    #[test]
    fn a_jsonl_line_too_long_for_an_article_is_skipped_and_the_next_is_read() {
        let mut jsonl = b"{\"id\": \"long\", \"text\": \"".to_vec();
        jsonl.resize(MAX_ARTICLE_BYTES + 2_000_000, b'a');
        jsonl.extend_from_slice(b"\"}\n{\"id\": \"short\", \"text\": \"Kharkiv.\"}");
        let (mut articles, mut errors) = (Vec::new(), Vec::new());
        // Through a small buffer, so that the long line's rest is skipped
        // in many pieces.
        let reader = std::io::BufReader::with_capacity(4096, jsonl.as_slice());
        read_jsonl(Path::new("feed.jsonl"), reader, &mut articles, &mut errors);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["short"]);
        assert_eq!(errors.len(), 1);
        let message = errors[0].to_string();
        assert!(message.starts_with("feed.jsonl:1: a line of 12.0 MB"), "{message}");
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
        assert!(messages[1].ends_with("b.csv:3: empty text (skipped)"), "{messages:?}");
    }
}
