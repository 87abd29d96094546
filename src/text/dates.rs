//! Calendar dates as news writes them: "2022-09-13", "September 13, 2022",
//! "13 Sept 2022", "Tuesday, September 13, 2022", "date 2022-09-13".

use chrono::NaiveDate;

/// Month names and abbreviations, as data (lower case).
const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month a word names ("Sept", "september", "Sept."), if any.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // Every month's name starts with one of these letters.
    if !w.starts_with(|c: char| "jfmasondJFMASOND".contains(c)) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|(_, m)| *m)
}

/// Parses a date written on its own: ISO (`2022-09-13`, `2022/09/13`),
/// month first (`September 13, 2022`) or day first (`13 September 2022`),
/// with or without a weekday in front.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let words = words(text);
    find_in_words(&words)
        .filter(|(_, used)| *used == words.len())
        .map(|(d, _)| d)
}

/// The first date written anywhere in `text`, with its byte range.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let words = words_with_offsets(text);
    for start in 0..words.len() {
        let slice: Vec<&str> = words[start..].iter().take(5).map(|(w, _)| *w).collect();
        if let Some((date, used)) = find_in_words(&slice) {
            let from = words[start].1.start;
            let to = words[start + used - 1].1.end;
            return Some((date, from..to));
        }
    }
    None
}

fn words(text: &str) -> Vec<&str> {
    words_with_offsets(text).into_iter().map(|(w, _)| w).collect()
}

/// Splits on spaces and commas; keeps '-' and '/' inside ISO dates.
fn words_with_offsets(text: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let separator = c.is_whitespace() || c == ',' || c == '(' || c == ')';
        match (separator, start) {
            (true, Some(s)) => {
                out.push((&text[s..i], s..i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], s..text.len()));
    }
    out
}

/// A date at the start of `words`, and how many words it used.
fn find_in_words(words: &[&str]) -> Option<(NaiveDate, usize)> {
    let first = *words.first()?;
    if let Some(date) = iso(first.trim_end_matches(['.', ';', ':'])) {
        return Some((date, 1));
    }
    // Month first: "September 13, 2022", "Sept. 13 2022".
    if let (Some(m), Some(day), Some(year)) = (month(first), words.get(1), words.get(2))
        && let (Some(d), Some(y)) = (number(day), year_number(year))
    {
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, 3));
    }
    // Day first: "13 September 2022".
    if let (Some(d), Some(m), Some(year)) = (number(first), words.get(1).and_then(|w| month(w)), words.get(2))
        && let Some(y) = year_number(year)
    {
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, 3));
    }
    None
}

fn iso(word: &str) -> Option<NaiveDate> {
    let mut parts = word.split(['-', '/']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A day number, allowing "13th" and a trailing period or comma.
fn number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

fn year_number(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',', ';', ':']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_the_usual_forms() {
        assert_eq!(parse_date("2022-09-13"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("2022/9/13"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("September 13, 2022"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("Sept. 13 2022"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("13 September 2022"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("13th Sep 2022"), Some(ymd(2022, 9, 13)));
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("September 2022"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn finds_a_date_inside_text() {
        let text = "Filed by our desk, date 2022-09-13 Kharkiv update";
        let (date, range) = find_date(text).unwrap();
        assert_eq!(date, ymd(2022, 9, 13));
        assert_eq!(&text[range], "2022-09-13");
        let (date, range) = find_date("Updated: Tuesday, September 13, 2022 at noon").unwrap();
        assert_eq!(date, ymd(2022, 9, 13));
        assert!(range.start > 0);
        assert!(find_date("No date here, only 6,000 square kilometres").is_none());
    }
}
