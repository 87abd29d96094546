//! What each fuzz target does with one input, shared by the targets in
//! `fuzz_targets/` and by `tests/fuzz_regressions.rs`, which replays the
//! kept inputs through the same code on stable Rust.
//!
//! Every entry returns normally for any bytes: bad input must come back as
//! a clear error, never as a panic, an overflow or a hang. The entries also
//! check what the library promises about its output (offsets inside the
//! text and on character boundaries, errors that name their file).

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use georef::claims::{ClaimExtractor, group_claims};
use georef::corpus::Corpus;
use georef::gazetteer::{Gazetteer, fold};
use georef::tagger::{Mention, Tagger};
use georef::text::{self, Article, InputError, boilerplate, dates, metadata, sentences};

/// The embedded gazetteer, loaded once per process.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::embedded().unwrap_or_else(|e| panic!("embedded gazetteer: {e}")))
}

/// A tagger over the embedded gazetteer, built once per process.
fn tagger() -> &'static Tagger<'static> {
    static TAGGER: OnceLock<Tagger<'static>> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(gazetteer()))
}

/// A claim extractor over the embedded gazetteer, built once per process.
fn extractor() -> &'static ClaimExtractor<'static> {
    static EXTRACTOR: OnceLock<ClaimExtractor<'static>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| ClaimExtractor::new(gazetteer()))
}

/// Checks that byte ranges lie in `text`, in order, on character boundaries.
fn check_ranges(text: &str, ranges: &[std::ops::Range<usize>], what: &str) {
    let mut last = 0;
    for r in ranges {
        assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside the text");
        assert!(r.start >= last, "{what} {r:?} out of order");
        assert!(
            text.get(r.clone()).is_some(),
            "{what} {r:?} not on character boundaries"
        );
        last = r.start;
    }
}

/// Checks the tagger's mentions against the text they were found in.
fn check_mentions(text: &str, mentions: &[Mention]) {
    for m in mentions {
        assert_eq!(
            text.get(m.byte_start..m.byte_end),
            Some(m.text.as_str()),
            "mention {m:?}"
        );
        assert_eq!(
            text[..m.byte_start].chars().count(),
            m.start,
            "character offset of {m:?}"
        );
        assert_eq!(m.start + m.text.chars().count(), m.end, "character end of {m:?}");
        assert!(
            gazetteer().place(m.place).is_some(),
            "mention of an unknown place {m:?}"
        );
        assert!((0.0..=1.0).contains(&m.score), "score of {m:?}");
    }
}

/// Checks that an input error names its file and says what was wrong.
fn check_input_errors(path: &Path, errors: &[InputError]) {
    for e in errors {
        assert_eq!(e.path, path);
        assert!(!e.message.trim().is_empty(), "empty message in {e:?}");
    }
}

/// Article decoding and metadata: the bytes as a text file (BOM, Latin-1,
/// binary detection), then title, date, outlet, boilerplate and sentences.
pub fn article_decoding(data: &[u8]) {
    let text = match text::decode(data) {
        Ok(decoded) => decoded.text,
        Err(message) => return assert!(!message.is_empty()),
    };
    assert!(!text.contains('\r'), "decoded text keeps a CR");
    let article = Article::from_text("fuzz.txt".into(), "fuzz.txt".into(), text);
    let text = &article.text;
    let lines = boilerplate::boilerplate(text);
    check_ranges(text, &lines, "boilerplate line");
    let spans = sentences::sentences(text);
    check_ranges(text, &spans, "sentence");
    for (i, s) in spans.iter().enumerate() {
        assert_eq!(sentences::sentence_at(&spans, s.start), Some(i));
    }
    if let Some((_, range)) = dates::find_date(text) {
        check_ranges(text, std::slice::from_ref(&range), "date");
    }
    let _ = metadata::title(text, &lines);
    for line in text.lines().take(64) {
        let _ = dates::parse_date(line);
    }
}

/// The matcher and resolver: every mention the tagger finds in the bytes
/// (read as UTF-8, bad bytes replaced).
pub fn matcher(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mentions = tagger().tag(&text);
    check_mentions(&text, &mentions);
}

/// The claim extractor over one article (the bytes as UTF-8 text), with the
/// article's own mentions, boilerplate and sentences, then claim grouping.
pub fn claim_extractor(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::from_text("fuzz".into(), "fuzz.txt".into(), text);
    let mentions = tagger().tag(&article.text);
    let skip = boilerplate::boilerplate(&article.text);
    let spans = sentences::sentences(&article.text);
    let mut claims = extractor().extract(0, &article, &mentions, &skip, &spans);
    let chars = article.text.chars().count();
    for c in &claims {
        assert!(
            c.sentence_start <= c.sentence_end && c.sentence_end <= chars,
            "sentence of {c:?}"
        );
        for p in &c.places {
            assert!(
                p.mention < mentions.len() && p.start <= p.end && p.end <= chars,
                "place of {c:?}"
            );
        }
    }
    let sources = vec![0; claims.len()];
    let groups = group_claims(&mut claims, &sources, gazetteer());
    for c in &claims {
        assert!(c.group < groups.len(), "claim in no group: {c:?}");
    }
}

/// A few GeoNames rows written for the fuzz target, loaded before each
/// input so alternate names and replaced ids have places to refer to.
const BASE_GEONAMES: &str = "\
1001\tAlderford\tAlderford\tAlder Ford,Alderforde\t48.5\t35.1\tP\tPPLA\tUA\t\t07\t\t\t\t42000\t\t120\tEurope/Kyiv\t2024-01-01
1002\tBrackenmoor\tBrackenmoor\t\t47.25\t36.75\tP\tPPL\tUA\t\t07\t\t\t\t900\t\t90\tEurope/Kyiv\t2024-01-01
1003\tColdwater Region\tColdwater Region\t\t48.0\t35.0\tA\tADM1\tUA\t\t07\t\t\t\t0\t\t0\tEurope/Kyiv\t2024-01-01
";

/// GeoNames dump, alternate names and custom CSV/TSV import: the bytes as
/// a gazetteer file (plain, gzipped or zipped) merged over a small base.
pub fn gazetteer_import(data: &[u8]) {
    let mut gazetteer = Gazetteer::empty().unwrap_or_else(|e| panic!("empty gazetteer: {e}"));
    let base = Path::new("base.txt");
    gazetteer
        .load_reader(base, Cursor::new(BASE_GEONAMES.as_bytes()), &mut |_| {})
        .unwrap_or_else(|e| panic!("base gazetteer: {e}"));
    let path = Path::new("fuzz.txt");
    match gazetteer.load_reader(path, Cursor::new(data), &mut |_| {}) {
        Ok(report) => {
            for e in &report.errors {
                assert_eq!(e.path, path);
                assert!(e.line >= 1 && !e.message.is_empty(), "row error {e:?}");
            }
            assert!(report.errors.len() as u64 <= report.skipped);
        }
        Err(e) => assert!(e.to_string().contains("fuzz.txt"), "error without the file name: {e}"),
    }
    for (i, place) in gazetteer.places().iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        if !fold::fold(&place.name).is_empty() {
            assert!(
                gazetteer.lookup(&place.name).contains(&i),
                "{:?} not found by its name",
                place.name
            );
        }
        let _ = gazetteer.near(place.lonlat, 10.0);
    }
}

/// Corpus import: the bytes as a JSONL corpus and as a CSV corpus, every
/// article read built into one corpus (tags, claims, syndication, groups).
/// (georef imports no GeoJSON; it only writes it.)
pub fn corpus_import(data: &[u8]) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let jsonl = Path::new("fuzz.jsonl");
    text::parse_jsonl(jsonl, data, &mut articles, &mut errors);
    check_input_errors(jsonl, &errors);
    errors.clear();
    let csv = Path::new("fuzz.csv");
    text::parse_csv(csv, data, &mut articles, &mut errors);
    check_input_errors(csv, &errors);
    let count = articles.len();
    // What `Corpus::build` does, with the tagger built once per process (as
    // the viewer's load job does).
    let tagged = articles.iter().map(|a| tagger().tag(&a.text)).collect();
    let corpus = Corpus::assemble(articles, tagged, Vec::new(), gazetteer());
    assert_eq!(corpus.mentions.len(), count);
    for (article, mentions) in corpus.articles.iter().zip(&corpus.mentions) {
        check_mentions(&article.text, mentions);
    }
    for c in &corpus.claims {
        assert!(c.group < corpus.groups.len() && c.article_index < count, "claim {c:?}");
    }
}
