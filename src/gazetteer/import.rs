//! User gazetteers merged over the embedded one: GeoNames dumps
//! (`allCountries.txt`, `cities1000.txt`, `UA.txt`, plain, gzipped or zipped),
//! GeoNames `alternateNamesV2.txt`, and CSV/TSV files of custom places.
//!
//! Files are streamed row by row; memory grows with the places kept, not
//! with the file. A malformed row is reported with its line and skipped; a
//! file that is no gazetteer is refused before anything is merged.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use geo::Point;

use super::Gazetteer;
use super::error::{GazetteerError, RowError};
use super::fold;
use super::place::{CountryCode, Kind, Place, PlaceId};

/// At most this many row errors are kept per file; the rest are counted.
pub const MAX_REPORTED_ERRORS: usize = 20;

/// First id of custom places that come without one (2^40).
const CUSTOM_ID_BASE: u64 = 1 << 40;

/// How far the loading of one file has got.
#[derive(Clone, Debug)]
pub struct LoadProgress {
    /// Bytes of (decompressed) text read so far.
    pub bytes_read: u64,
    /// Total bytes of text, when known.
    pub bytes_total: Option<u64>,
    /// Rows read so far.
    pub rows: u64,
}

/// What loading one file did.
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// The file.
    pub path: PathBuf,
    /// Which format it was read as.
    pub format: FileFormat,
    /// Places added or replaced.
    pub places: usize,
    /// Alternate names added to known places.
    pub names: usize,
    /// Rows read but not kept on purpose (feature classes georef does not
    /// use, alternate names of places it does not have, codes and links).
    pub ignored: u64,
    /// Malformed rows skipped.
    pub skipped: u64,
    /// The first [`MAX_REPORTED_ERRORS`] of the skipped rows, with line numbers.
    pub errors: Vec<RowError>,
}

/// The gazetteer file formats georef reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// GeoNames' 19-column tab-separated dump.
    GeoNames,
    /// GeoNames' alternate names table (`alternateNamesV2.txt`).
    AlternateNames,
    /// A CSV or TSV of custom places with a header row.
    Custom,
}

impl std::fmt::Display for FileFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileFormat::GeoNames => "GeoNames dump",
            FileFormat::AlternateNames => "GeoNames alternate names",
            FileFormat::Custom => "custom places",
        })
    }
}

impl Gazetteer {
    /// Loads a user gazetteer file and merges it over what is already known.
    ///
    /// `progress` is called every 64 Ki rows and at the end.
    pub fn load_file(
        &mut self,
        path: &Path,
        progress: &mut dyn FnMut(&LoadProgress),
    ) -> Result<LoadReport, GazetteerError> {
        let file = File::open(path).map_err(io_error(path))?;
        // A pipe (`--gazetteer <(zcat ...)`, `/dev/stdin`) cannot seek.
        if file.metadata().map_err(io_error(path))?.is_file() {
            self.load_reader(path, file, progress)
        } else {
            self.load_stream(path, file, progress)
        }
    }

    /// Loads a user gazetteer, plain or gzipped, from a stream that cannot
    /// seek (a pipe), with no total size to show progress against; a zip
    /// archive, which must be read from its end, is refused.
    fn load_stream(
        &mut self,
        path: &Path,
        mut reader: impl Read,
        progress: &mut dyn FnMut(&LoadProgress),
    ) -> Result<LoadReport, GazetteerError> {
        // The head is read whole (a pipe hands data over in bits), so that
        // the format is told from as much text as a file would show.
        let mut head = vec![0u8; 8192];
        let got = read_up_to(&mut reader, &mut head).map_err(io_error(path))?;
        head.truncate(got);
        let is_gzip = head.starts_with(&[0x1f, 0x8b]);
        let is_zip = head.starts_with(b"PK\x03\x04");
        let whole = std::io::Cursor::new(head).chain(reader);
        if is_gzip {
            let reader = BufReader::new(flate2::read::MultiGzDecoder::new(whole));
            self.load_text(path, reader, None, progress)
        } else if is_zip {
            Err(refuse(
                path,
                "a zip archive cannot be read from a pipe: give the file itself",
            ))
        } else {
            self.load_text(path, BufReader::new(whole), None, progress)
        }
    }

    /// Loads a user gazetteer (plain, gzipped or zipped) from `reader` and
    /// merges it over what is already known; `path` names it in the report
    /// and errors. `progress` is called every 64 Ki rows and at the end.
    pub fn load_reader(
        &mut self,
        path: &Path,
        mut reader: impl Read + Seek,
        progress: &mut dyn FnMut(&LoadProgress),
    ) -> Result<LoadReport, GazetteerError> {
        let mut magic = [0u8; 4];
        let got = read_up_to(&mut reader, &mut magic).map_err(io_error(path))?;
        let len = reader.seek(SeekFrom::End(0)).map_err(io_error(path))?;
        reader.seek(SeekFrom::Start(0)).map_err(io_error(path))?;
        if got >= 2 && magic[..2] == [0x1f, 0x8b] {
            let reader = BufReader::new(flate2::read::MultiGzDecoder::new(reader));
            self.load_text(path, reader, None, progress)
        } else if got == 4 && magic == *b"PK\x03\x04" {
            let mut archive =
                zip::ZipArchive::new(reader).map_err(|e| refuse(path, &format!("unreadable zip: {e}")))?;
            let member =
                pick_zip_member(&archive).ok_or_else(|| refuse(path, "zip holds no .txt, .csv or .tsv file"))?;
            let entry = archive
                .by_index(member)
                .map_err(|e| refuse(path, &format!("unreadable zip member: {e}")))?;
            let total = entry.size();
            self.load_text(path, BufReader::new(entry), Some(total), progress)
        } else {
            self.load_text(path, BufReader::new(reader), Some(len), progress)
        }
    }

    fn load_text(
        &mut self,
        path: &Path,
        mut reader: impl BufRead,
        bytes_total: Option<u64>,
        progress: &mut dyn FnMut(&LoadProgress),
    ) -> Result<LoadReport, GazetteerError> {
        let head = reader.fill_buf().map_err(io_error(path))?;
        let format = sniff(head).map_err(|reason| refuse(path, &reason))?;
        let mut report = LoadReport {
            path: path.to_path_buf(),
            format,
            places: 0,
            names: 0,
            ignored: 0,
            skipped: 0,
            errors: Vec::new(),
        };
        match format {
            FileFormat::GeoNames => {
                // Rows are merged as they stream in, so a dump never sits in
                // memory twice; the indexes are rebuilt even if reading fails
                // half-way, so what was merged stays consistent.
                let mut kept = 0;
                let read = read_rows(path, reader, bytes_total, progress, &mut report, |line, report| {
                    match geonames_place(line) {
                        Ok(Some(mut place)) => {
                            if let Cow::Owned(code) = place.admin1 {
                                place.admin1 = self.admin1_text(code);
                            }
                            self.merge_one(place);
                            kept += 1;
                        }
                        Ok(None) => report.ignored += 1,
                        Err(e) => return Err(e),
                    }
                    Ok(())
                });
                report.places = kept;
                self.reindex()?;
                read?;
            }
            FileFormat::AlternateNames => {
                let mut names: HashMap<u32, Vec<String>> = HashMap::new();
                read_rows(path, reader, bytes_total, progress, &mut report, |line, report| {
                    match alternate_name(line)? {
                        Some((id, name)) => match self.index_of(id) {
                            Some(index) => names.entry(index).or_default().push(name),
                            None => report.ignored += 1,
                        },
                        None => report.ignored += 1,
                    }
                    Ok(())
                })?;
                for (index, list) in names {
                    report.names += self.add_new_alt_names(index, list);
                }
                self.reindex()?;
            }
            FileFormat::Custom => {
                let places = read_custom(path, reader, &mut report)?;
                report.places = places.len();
                self.merge(places);
                self.reindex()?;
            }
        }
        Ok(report)
    }

    /// Adds the names the place does not already answer to; returns how many.
    fn add_new_alt_names(&mut self, index: u32, names: Vec<String>) -> usize {
        let mut fresh: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        for name in names {
            let hash = fold::name_hash(&fold::fold(&name));
            if seen.contains(&hash) || self.indexes_for_hash(hash).contains(&index) {
                continue;
            }
            seen.push(hash);
            fresh.push(name);
        }
        if !fresh.is_empty() {
            self.add_alt_names(index, &fresh);
        }
        fresh.len()
    }
}

fn refuse(path: &Path, reason: &str) -> GazetteerError {
    GazetteerError::NotAGazetteer {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Turns an I/O error on `path` into the gazetteer error that names it.
fn io_error(path: &Path) -> impl Fn(std::io::Error) -> GazetteerError + '_ {
    move |source| GazetteerError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match reader.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// The data member of a GeoNames zip: the first text table by name that is
/// not a readme or the language-code list.
fn pick_zip_member<R: Read + Seek>(archive: &zip::ZipArchive<R>) -> Option<usize> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok())
        .map(|n| n.into_owned())
        .collect();
    let name = names
        .iter()
        .filter(|name| {
            let lower = name.to_ascii_lowercase();
            [".txt", ".csv", ".tsv"].iter().any(|e| lower.ends_with(e))
                && !lower.contains("readme")
                && !lower.contains("iso-languagecodes")
        })
        .min()?;
    archive.index_for_name(name)
}

/// Decides the format from the first bytes; `Err` says why it is no gazetteer.
fn sniff(head: &[u8]) -> Result<FileFormat, String> {
    if head.is_empty() {
        return Err("the file is empty".into());
    }
    if head.contains(&0) {
        return Err("binary data (NUL bytes), not text".into());
    }
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
        Err(e) => return Err(format!("not UTF-8 text (bad byte at offset {})", e.valid_up_to())),
    };
    let first = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .ok_or("no rows in the first block of the file")?;
    let tabs: Vec<&str> = first.split('\t').collect();
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if tabs.len() == 19 && numeric(tabs[0]) {
        return Ok(FileFormat::GeoNames);
    }
    if (4..=10).contains(&tabs.len()) && numeric(tabs[0]) && numeric(tabs[1]) {
        return Ok(FileFormat::AlternateNames);
    }
    let header: Vec<String> = split_header(first)
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let has = |names: &[&str]| header.iter().any(|h| names.contains(&h.as_str()));
    if has(&["name"]) && has(&LAT_COLUMNS) && has(&LON_COLUMNS) {
        return Ok(FileFormat::Custom);
    }
    Err(format!(
        "expected a GeoNames dump (19 tab-separated columns), GeoNames alternate names, \
         or a CSV/TSV with a header naming name, lat and lon columns; the first row has {} \
         tab-separated columns",
        tabs.len()
    ))
}

const LAT_COLUMNS: [&str; 2] = ["lat", "latitude"];
const LON_COLUMNS: [&str; 4] = ["lon", "lng", "long", "longitude"];

fn delimiter(header: &str) -> u8 {
    if header.contains('\t') {
        b'\t'
    } else if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    }
}

fn split_header(line: &str) -> Vec<&str> {
    line.split(char::from(delimiter(line))).collect()
}

/// Reads lines, tracks line numbers and progress, and records row errors.
fn read_rows(
    path: &Path,
    mut reader: impl BufRead,
    bytes_total: Option<u64>,
    progress: &mut dyn FnMut(&LoadProgress),
    report: &mut LoadReport,
    mut row: impl FnMut(&str, &mut LoadReport) -> Result<(), String>,
) -> Result<(), GazetteerError> {
    let mut buf = Vec::new();
    let mut state = LoadProgress {
        bytes_read: 0,
        bytes_total,
        rows: 0,
    };
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(io_error(path))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        state.bytes_read += n as u64;
        state.rows += 1;
        if state.rows.is_multiple_of(65_536) {
            progress(&state);
        }
        let result = match std::str::from_utf8(&buf) {
            Ok(text) => {
                let text = text.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
                if text.trim().is_empty() || text.starts_with('#') {
                    continue;
                }
                row(text, report)
            }
            Err(_) => Err("not valid UTF-8".to_string()),
        };
        if let Err(message) = result {
            report.skipped += 1;
            if report.errors.len() < MAX_REPORTED_ERRORS {
                report.errors.push(RowError {
                    path: path.to_path_buf(),
                    line: line_no,
                    message,
                });
            }
        }
    }
    progress(&state);
    Ok(())
}

/// One GeoNames row; `Ok(None)` for feature classes georef does not keep.
fn geonames_place(line: &str) -> Result<Option<Place>, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 19 {
        return Err(format!("expected 19 tab-separated columns, found {}", cols.len()));
    }
    let id: u64 = cols[0]
        .parse()
        .map_err(|_| format!("geonameid {:?} is not a number", cols[0]))?;
    let name = cols[1].trim();
    if name.is_empty() {
        return Err("empty name".into());
    }
    let lonlat = parse_point(cols[4], cols[5])?;
    let population: u64 = if cols[14].is_empty() {
        0
    } else {
        cols[14]
            .parse()
            .map_err(|_| format!("population {:?} is not a number", cols[14]))?
    };
    let Some((kind, capital)) = geonames_kind(cols[6], cols[7], population) else {
        return Ok(None);
    };
    let country =
        CountryCode::parse(cols[8]).ok_or_else(|| format!("country code {:?} is not two letters", cols[8]))?;
    let admin1 = if country.is_none() || cols[10].is_empty() || cols[10] == "00" {
        String::new()
    } else {
        format!("{}.{}", country, cols[10])
    };
    let alternates = std::iter::once(cols[2]).chain(cols[3].split(','));
    Ok(Some(Place {
        id: PlaceId(id),
        name: Cow::Owned(name.to_string()),
        alt_names: Cow::Owned(join_kept_names(name, alternates)),
        kind,
        country,
        admin1: Cow::Owned(admin1),
        population,
        lonlat,
        capital,
        polygon: None,
    }))
}

/// The kind for a GeoNames feature class and code, and whether it is a capital.
fn geonames_kind(class: &str, code: &str, population: u64) -> Option<(Kind, bool)> {
    let kind = match (class, code) {
        ("A", "PCLI" | "PCLD" | "PCLF" | "PCLS" | "PCLIX" | "PCL" | "TERR") => Kind::Country,
        ("A", "ADM1" | "ADM1H") => Kind::Region,
        ("A", "ADM2" | "ADM2H" | "ADM3" | "ADMD") => Kind::District,
        ("P", "PPLC") => return Some((Kind::City, true)),
        ("P", "PPLX" | "PPLH" | "PPLQ" | "PPLW" | "PPLCH") => return None,
        ("P", _) => settlement_kind(population),
        ("H", "STM" | "STMI") => Kind::River,
        ("H", "SEA" | "OCN" | "BAY" | "GULF" | "STRT" | "LK" | "LKS" | "RSV" | "CHN" | "SD") => Kind::Sea,
        ("T", "PEN") => Kind::Peninsula,
        ("T", "ISL" | "ISLS") | ("L", "RGN" | "AREA" | "CONT" | "BSN") => Kind::Area,
        _ => return None,
    };
    Some((kind, false))
}

/// The settlement kind for a population (the thresholds of `gazetteer/build.py`).
fn settlement_kind(population: u64) -> Kind {
    match population {
        15_000.. => Kind::City,
        2_000.. => Kind::Town,
        _ => Kind::Village,
    }
}

/// One alternate-names row: `Ok(None)` for codes, links and other scripts.
fn alternate_name(line: &str) -> Result<Option<(PlaceId, String)>, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 4 {
        return Err(format!(
            "expected at least 4 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let id: u64 = cols[1]
        .parse()
        .map_err(|_| format!("geonameid {:?} is not a number", cols[1]))?;
    const NOT_NAMES: [&str; 10] = [
        "link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "phon", "piny",
    ];
    if NOT_NAMES.contains(&cols[2]) || !keep_alternate(cols[3]) {
        return Ok(None);
    }
    Ok(Some((PlaceId(id), cols[3].trim().to_string())))
}

fn read_custom(path: &Path, reader: impl BufRead, report: &mut LoadReport) -> Result<Vec<Place>, GazetteerError> {
    let mut reader = reader;
    let head = reader.fill_buf().map_err(io_error(path))?;
    let first_line = String::from_utf8_lossy(head.split(|&b| b == b'\n').next().unwrap_or_default()).into_owned();
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter(&first_line))
        .flexible(true)
        .from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|e| refuse(path, &format!("unreadable header: {e}")))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect::<Vec<_>>();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let columns = CustomColumns {
        name: column(&["name"]).ok_or_else(|| refuse(path, "no name column"))?,
        lat: column(&LAT_COLUMNS).ok_or_else(|| refuse(path, "no lat column"))?,
        lon: column(&LON_COLUMNS).ok_or_else(|| refuse(path, "no lon column"))?,
        kind: column(&["kind", "type"]),
        alt_names: column(&["alternate_names", "alternatenames", "alt_names", "aliases"]),
        country: column(&["country", "country_code"]),
        admin1: column(&["admin1"]),
        population: column(&["population"]),
        id: column(&["id", "geonameid"]),
        count: headers.len(),
    };
    let mut places = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line();
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                match custom_place(&record, &columns) {
                    Ok(place) => places.push(place),
                    Err(message) => push_error(report, path, line, message),
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                push_error(report, path, line, e.to_string());
                if !matches!(
                    e.kind(),
                    csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok(places)
}

fn push_error(report: &mut LoadReport, path: &Path, line: u64, message: String) {
    report.skipped += 1;
    if report.errors.len() < MAX_REPORTED_ERRORS {
        report.errors.push(RowError {
            path: path.to_path_buf(),
            line,
            message,
        });
    }
}

struct CustomColumns {
    name: usize,
    lat: usize,
    lon: usize,
    kind: Option<usize>,
    alt_names: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    population: Option<usize>,
    id: Option<usize>,
    count: usize,
}

fn custom_place(record: &csv::StringRecord, columns: &CustomColumns) -> Result<Place, String> {
    if record.len() != columns.count {
        return Err(format!(
            "expected {} columns as in the header, found {}",
            columns.count,
            record.len()
        ));
    }
    let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
    let name = field(Some(columns.name));
    if name.is_empty() {
        return Err("empty name".into());
    }
    let lonlat = parse_point(field(Some(columns.lat)), field(Some(columns.lon)))?;
    let kind = match field(columns.kind) {
        "" => Kind::Area,
        k => Kind::parse(k).ok_or_else(|| format!("unknown kind {k:?}"))?,
    };
    let country = CountryCode::parse(field(columns.country))
        .ok_or_else(|| format!("country {:?} is not a two-letter code", field(columns.country)))?;
    let population = match field(columns.population) {
        "" => 0,
        p => p.parse().map_err(|_| format!("population {p:?} is not a number"))?,
    };
    let id = match field(columns.id) {
        "" => PlaceId(
            CUSTOM_ID_BASE
                + fold::name_hash(&format!("{}|{}|{}", fold::fold(name), lonlat.x(), lonlat.y())) % CUSTOM_ID_BASE,
        ),
        id => PlaceId(id.parse().map_err(|_| format!("id {id:?} is not a number"))?),
    };
    let alternates = field(columns.alt_names).split(['|', ';']);
    Ok(Place {
        id,
        name: Cow::Owned(name.to_string()),
        alt_names: Cow::Owned(join_names(name, alternates)),
        kind,
        country,
        admin1: Cow::Owned(field(columns.admin1).to_string()),
        population,
        lonlat,
        capital: false,
        polygon: None,
    })
}

/// Parses and range-checks a latitude and longitude given as text.
fn parse_point(lat: &str, lon: &str) -> Result<Point<f64>, String> {
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("latitude {lat:?} is not a number"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("longitude {lon:?} is not a number"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates {lat},{lon} out of range"));
    }
    Ok(Point::new(lon, lat))
}

/// Joins the alternate names worth keeping with `|`, without the primary
/// name and without repeats (under folding).
fn join_kept_names<'a>(primary: &str, names: impl Iterator<Item = &'a str>) -> String {
    join_names(primary, names.filter(|n| keep_alternate(n)))
}

fn join_names<'a>(primary: &str, names: impl Iterator<Item = &'a str>) -> String {
    let mut seen = vec![fold::name_hash(&fold::fold(primary))];
    let mut out = String::new();
    for name in names.map(str::trim).filter(|n| !n.is_empty()) {
        let hash = fold::name_hash(&fold::fold(name));
        if seen.contains(&hash) {
            continue;
        }
        seen.push(hash);
        if !out.is_empty() {
            out.push('|');
        }
        out.extend(name.chars().map(|c| if c == '|' { '/' } else { c }));
    }
    out
}

/// The alternate-name filter of `gazetteer/build.py`: Latin or Cyrillic
/// letters only, no digits, not all lower case (romanisations such as
/// "ji fu"), not a short all-capital code ("IEV").
pub(super) fn keep_alternate(name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 2 {
        return false;
    }
    let mut has_upper = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if !is_latin_or_cyrillic(c) {
                return false;
            }
            has_upper |= c.is_uppercase();
        } else if !matches!(c, ' ' | '-' | '\'' | '’' | '.' | '(' | ')') {
            return false;
        }
    }
    let is_code = name.len() <= 4 && name.chars().all(|c| c.is_ascii_uppercase());
    has_upper && !is_code
}

fn is_latin_or_cyrillic(c: char) -> bool {
    matches!(c as u32,
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF
        | 0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F)
        && c != '×'
        && c != '÷'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats_and_refuses_others() {
        let geonames = "703448\tKyiv\tKyiv\tKiev,Київ\t50.45466\t30.5238\tP\tPPLC\tUA\t\t12\t\t\t\t2952301\t\t187\tEurope/Kyiv\t2023-01-01\n";
        assert_eq!(sniff(geonames.as_bytes()), Ok(FileFormat::GeoNames));
        assert_eq!(
            sniff(b"1\t703448\ten\tKiev\t\t\t\t\t\t\n"),
            Ok(FileFormat::AlternateNames)
        );
        assert_eq!(
            sniff(b"name,lat,lon,kind\nHill 223,49.1,37.2,area\n"),
            Ok(FileFormat::Custom)
        );
        assert_eq!(sniff(b"\xef\xbb\xbfName;Latitude;Longitude\n"), Ok(FileFormat::Custom));
        assert!(sniff(b"").unwrap_err().contains("empty"));
        assert!(sniff(b"\x00\x01\x02binary").unwrap_err().contains("binary"));
        assert!(sniff(b"\xff\xfe\xfd text").unwrap_err().contains("UTF-8"));
        assert!(
            sniff(b"just some prose, nothing more\n")
                .unwrap_err()
                .contains("expected a GeoNames dump")
        );
    }

    #[test]
    fn keeps_latin_and_cyrillic_names_only() {
        assert!(keep_alternate("Kiev"));
        assert!(keep_alternate("Київ"));
        assert!(keep_alternate("Khar'kov"));
        assert!(!keep_alternate("ji fu"));
        assert!(!keep_alternate("IEV"));
        assert!(!keep_alternate("基輔"));
        assert!(!keep_alternate("Kyiv 2"));
    }

    #[test]
    fn geonames_kinds_follow_feature_codes() {
        assert_eq!(geonames_kind("P", "PPLC", 10), Some((Kind::City, true)));
        assert_eq!(geonames_kind("P", "PPL", 50_000), Some((Kind::City, false)));
        assert_eq!(geonames_kind("P", "PPL", 500), Some((Kind::Village, false)));
        assert_eq!(geonames_kind("A", "ADM1", 0), Some((Kind::Region, false)));
        assert_eq!(geonames_kind("H", "STM", 0), Some((Kind::River, false)));
        assert_eq!(geonames_kind("S", "HTL", 0), None);
    }
}
