//! What an article says about itself when the input does not: its title
//! (the headline line), its date (an ISO date, "September 13, 2022", "13
//! September 2022", "date 2022-09-13" near the top), and its outlet (a
//! "Read More on …" footer, a " | Outlet" headline suffix, a site name).

use chrono::NaiveDate;

use super::boilerplate::is_inside;
use super::dates::find_date;

/// How far into an article its date is looked for (bytes): datelines and
/// bylines sit at the top.
const DATE_ZONE: usize = 1_500;
/// A headline is at most this long (characters).
const MAX_TITLE: usize = 150;

/// Footer phrases followed by the outlet's name, as data.
const SOURCE_FOOTERS: [&str; 4] = [
    "read more on ",
    "read more at ",
    "first published on ",
    "originally published on ",
];

/// The headline: the first line that is not boilerplate, without an outlet
/// suffix; a long first line gives its opening up to a colon or sentence end.
pub fn title(text: &str, boilerplate: &[std::ops::Range<usize>]) -> Option<String> {
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || is_inside(boilerplate, start + (line.len() - line.trim_start().len())) {
            continue;
        }
        let without_date = strip_leading_date(trimmed);
        let (headline, _) = split_outlet_suffix(without_date);
        let headline = if headline.chars().count() > MAX_TITLE {
            let cut = headline
                .find([':', '.'])
                .filter(|&i| i > 10)
                .unwrap_or(MAX_TITLE.min(headline.len()));
            let cut = (0..=cut).rev().find(|&i| headline.is_char_boundary(i)).unwrap_or(0);
            &headline[..cut]
        } else {
            headline
        };
        let headline = headline.trim();
        if !headline.is_empty() {
            return Some(headline.to_string());
        }
    }
    None
}

/// The first date near the top of the article.
pub fn date(text: &str) -> Option<NaiveDate> {
    let end = (0..=DATE_ZONE.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    find_date(&text[..end]).map(|(date, _)| date)
}

/// The outlet: a "Read More on X" footer, a "Headline | X" suffix, or a
/// bare site address line ("www.example.com").
pub fn source(text: &str) -> Option<String> {
    for line in text.lines() {
        let lower = line.trim().to_lowercase();
        for footer in SOURCE_FOOTERS {
            if let Some(rest) = lower.strip_prefix(footer) {
                let name = line.trim()[footer.len()..].trim().trim_end_matches('.');
                if !name.is_empty() && rest.len() < 60 {
                    return Some(name.to_string());
                }
            }
        }
    }
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if let (_, Some(outlet)) = split_outlet_suffix(first) {
        return Some(outlet.to_string());
    }
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("www.") && !l.contains(' ') && l.len() < 60)
        .map(|l| l.trim_start_matches("www.").trim_end_matches('/').to_string())
}

/// "Headline | Outlet" or "Headline - Outlet" -> (headline, outlet).
fn split_outlet_suffix(line: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " – ", " — "] {
        if let Some(at) = line.rfind(sep) {
            let outlet = line[at + sep.len()..].trim();
            if !outlet.is_empty() && outlet.split_whitespace().count() <= 4 && outlet.len() < 40 {
                return (line[..at].trim(), Some(outlet));
            }
        }
    }
    (line, None)
}

/// Drops a "date 2022-09-13" or "September 13, 2022" at the start of a line.
fn strip_leading_date(line: &str) -> &str {
    let rest = line.strip_prefix("date ").unwrap_or(line);
    match find_date(rest) {
        Some((_, range)) if rest[..range.start].trim().is_empty() => rest[range.end..].trim_start(),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_title_date_and_outlet() {
        let text = "Troops retake villages near Izium | The Daily Planet\n\nBy our correspondent\nSeptember 14, 2022\n\n\
                    Ukrainian units entered two villages east of Izium on Tuesday.\n\nRead More on The Daily Planet\n";
        assert_eq!(title(text, &[]).as_deref(), Some("Troops retake villages near Izium"));
        assert_eq!(date(text), NaiveDate::from_ymd_opt(2022, 9, 14));
        assert_eq!(source(text).as_deref(), Some("The Daily Planet"));
    }

    #[test]
    fn a_dated_first_paragraph_gives_its_opening_as_title() {
        let text = " date 2022-09-13 Front line report: units advanced east of the river while officials spoke of \
                    progress, and the fighting went on through the night across a wide front line with no pause at all.\n";
        assert_eq!(title(text, &[]).as_deref(), Some("Front line report"));
        assert_eq!(date(text), NaiveDate::from_ymd_opt(2022, 9, 13));
        assert_eq!(source(text), None);
    }

    #[test]
    fn undated_articles_stay_undated() {
        assert_eq!(date("Shelling continued near Kherson.\n"), None);
        assert_eq!(
            source("logo\nExample News\nwww.example-news.org\n").as_deref(),
            Some("example-news.org")
        );
    }
}
