//! Lines (and tails of lines) that are not the story: related-article
//! teasers, "Most read in …", "Share this post", "Also Read - …", tracking
//! snippets, image credits. Mentions inside them are flagged, not dropped.

use std::ops::Range;

/// Line openings that mark boilerplate, lower case, as data.
const LINE_STARTS: [&str; 30] = [
    "also read",
    "read more",
    "read full article",
    "source: read full article",
    "most read in",
    "share this",
    "related stories",
    "related articles",
    "related:",
    "no stories found",
    "images courtesy",
    "image source",
    "image:",
    "image credit",
    "photo:",
    "photo credit",
    "representative image",
    "published on",
    "(with agency inputs)",
    "logo",
    "follow us",
    "sign up",
    "subscribe",
    "advertisement",
    "!--",
    "<!--",
    "<script",
    "www.",
    "http",
    "click here",
];

/// Phrases that make the rest of their line boilerplate wherever they occur
/// ("… reported Daily Mail.Also Read - Other story").
const INLINE_MARKERS: [&str; 3] = ["Also Read -", "Also Read:", "ALSO READ"];

/// Phrases that make a whole line boilerplate wherever they occur.
const LINE_CONTAINS: [&str; 7] = [
    "wikimedia commons",
    "gtag(",
    "getty images",
    "photo courtesy",
    "ap photo",
    "all rights reserved",
    "cookie",
];

/// Lines after which short headline-like lines are teasers.
const TEASER_HEADERS: [&str; 4] = ["most read in", "related stories", "related articles", "more from"];

/// The byte ranges of `text` that are boilerplate, in order.
pub fn boilerplate(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut after_teaser_header = false;
    let mut seen_story_line = false;
    let lines: Vec<Range<usize>> = line_ranges(text);
    for (n, range) in lines.iter().enumerate() {
        let line = &text[range.clone()];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        let whole = LINE_STARTS.iter().any(|s| lower.starts_with(s))
            || LINE_CONTAINS.iter().any(|s| lower.contains(s))
            || after_teaser_header && is_teaser(trimmed)
            || seen_story_line && is_isolated_teaser(text, &lines, n);
        if whole {
            out.push(range.clone());
            after_teaser_header |= TEASER_HEADERS.iter().any(|h| lower.starts_with(h));
        } else {
            after_teaser_header = false;
            if let Some(at) = INLINE_MARKERS.iter().filter_map(|m| line.find(m)).min() {
                out.push(range.start + at..range.end);
            }
            seen_story_line |= trimmed.len() > 80;
        }
    }
    out
}

/// Whether the byte `offset` lies in one of the `ranges` (sorted).
pub fn is_inside(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.start <= offset)
}

fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// A headline-like line: short, with no sentence-ending punctuation at its
/// end or inside it (a quoted sentence with a credit after it is story).
fn is_teaser(line: &str) -> bool {
    let inner_sentence_end = line
        .char_indices()
        .any(|(i, c)| c == '.' && line[i + 1..].starts_with([' ', '"', '”', '\'', ')']));
    line.chars().count() < 160
        && !line.ends_with(['.', ':', '"', '”', ')'])
        && !inner_sentence_end
        && line.split_whitespace().count() >= 3
}

/// A teaser standing alone between blank lines inside the story.
fn is_isolated_teaser(text: &str, lines: &[Range<usize>], n: usize) -> bool {
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|r| text[r.clone()].trim().is_empty())
    };
    let line = text[lines[n].clone()].trim();
    is_teaser(line) && blank(n.checked_sub(1)) && blank(Some(n + 1)) && !line.ends_with(['!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_teasers_credits_and_inline_markers() {
        let text = "Troops near Kharkiv advanced on Monday\n\n\
                    Officials in Kyiv said the advance had taken several villages, and more were expected soon, they added.Also Read - Markets rally in Asia\n\n\
                    Ministers promise more aid for Kherson region farmers\n\n\
                    Most read in The Daily Planet\n\
                    Celebrity chef opens restaurant in Lviv\n\
                    Weather turns cold across the country\n\n\
                    The governor of Odesa said shelling continued overnight across the southern coast.\n\
                    Photo: Wikimedia Commons\n";
        let flagged: Vec<&str> = boilerplate(text).into_iter().map(|r| text[r].trim()).collect();
        assert_eq!(
            flagged,
            [
                "Also Read - Markets rally in Asia",
                "Ministers promise more aid for Kherson region farmers",
                "Most read in The Daily Planet",
                "Celebrity chef opens restaurant in Lviv",
                "Weather turns cold across the country",
                "Photo: Wikimedia Commons"
            ]
        );
        let ranges = boilerplate(text);
        assert!(is_inside(&ranges, text.find("Lviv").unwrap()));
        assert!(!is_inside(&ranges, text.find("Odesa").unwrap()));
        // The headline before the story is not a teaser.
        assert!(!is_inside(&ranges, 0));
    }
}
