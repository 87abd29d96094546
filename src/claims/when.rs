//! When a claimed event happened, from the text ("on Monday", "last week",
//! "since the beginning of September", "September 6") resolved against the
//! article's date, with the precision the text allows.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::words::Word;
use crate::text::dates::month;

/// How precisely an event date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The day.
    Day,
    /// The week the date falls in.
    Week,
    /// The month (the date is its first day).
    Month,
}

/// An event date and the words it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// The date (the first day of the week or month for those precisions).
    pub date: NaiveDate,
    /// How precise it is.
    pub precision: Precision,
    /// The words as written ("on Monday").
    pub text: String,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The first event date expressed in `words` (from `text`), resolved
/// against `article_date`; without an article date only dates with a year
/// resolve.
pub fn event_date(text: &str, words: &[Word], article_date: Option<NaiveDate>) -> Option<EventDate> {
    for i in 0..words.len() {
        let w = words[i].text.as_str();
        let next = words.get(i + 1).map(|w| w.text.as_str());
        let phrase = |n: usize| text[words[i].range.start..words[(i + n).min(words.len()) - 1].range.end].to_string();
        // "September 6, 2022" / "September 6" / "6 September"
        if let Some(m) = month(w)
            && let Some(day) = next.and_then(day_number)
        {
            let year = words
                .get(i + 2)
                .and_then(|y| y.text.parse::<i32>().ok())
                .filter(|y| (1900..2200).contains(y));
            let (year, used) = match (year, article_date) {
                (Some(y), _) => (y, 3),
                (None, Some(a)) => (a.year(), 2),
                (None, None) => continue,
            };
            if let Some(date) = NaiveDate::from_ymd_opt(year, m, day) {
                return Some(EventDate {
                    date,
                    precision: Precision::Day,
                    text: phrase(used),
                });
            }
        }
        let Some(today) = article_date else { continue };
        if let Some((_, weekday)) = WEEKDAYS.iter().find(|(name, _)| *name == w) {
            let back = (7 + today.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            let date = today - Duration::days(i64::from(back));
            let start = if i > 0 && matches!(words[i - 1].text.as_str(), "on" | "last" | "this") {
                i - 1
            } else {
                i
            };
            let text = text[words[start].range.start..words[i].range.end].to_string();
            return Some(EventDate {
                date,
                precision: Precision::Day,
                text,
            });
        }
        match (w, next) {
            ("yesterday", _) => {
                return Some(EventDate {
                    date: today - Duration::days(1),
                    precision: Precision::Day,
                    text: phrase(1),
                });
            }
            ("today", _) => {
                return Some(EventDate {
                    date: today,
                    precision: Precision::Day,
                    text: phrase(1),
                });
            }
            ("last", Some("week")) => {
                return Some(EventDate {
                    date: week_start(today - Duration::days(7)),
                    precision: Precision::Week,
                    text: phrase(2),
                });
            }
            ("this", Some("week")) => {
                return Some(EventDate {
                    date: week_start(today),
                    precision: Precision::Week,
                    text: phrase(2),
                });
            }
            ("last", Some("month")) => {
                let date = month_start(today).pred_opt().map(month_start)?;
                return Some(EventDate {
                    date,
                    precision: Precision::Month,
                    text: phrase(2),
                });
            }
            ("this", Some("month")) => {
                return Some(EventDate {
                    date: month_start(today),
                    precision: Precision::Month,
                    text: phrase(2),
                });
            }
            _ => {}
        }
        // "since the beginning of September", "in early March", "since March"
        if let Some(m) = month(w).filter(|_| i > 0 && is_month_lead(&words[i - 1].text)) {
            let year = if m > today.month() {
                today.year() - 1
            } else {
                today.year()
            };
            let date = NaiveDate::from_ymd_opt(year, m, 1)?;
            let start = (0..i)
                .rev()
                .take(4)
                .take_while(|&k| is_month_lead(&words[k].text))
                .last()
                .unwrap_or(i);
            let text = text[words[start].range.start..words[i].range.end].to_string();
            return Some(EventDate {
                date,
                precision: Precision::Month,
                text,
            });
        }
    }
    None
}

fn is_month_lead(word: &str) -> bool {
    matches!(
        word,
        "since" | "in" | "early" | "late" | "mid" | "beginning" | "end" | "of" | "the" | "start"
    )
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (!digits.is_empty() && digits.len() <= 2)
        .then(|| digits.parse().ok())
        .flatten()
}

fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn when(text: &str, article: Option<NaiveDate>) -> Option<(NaiveDate, Precision, String)> {
        event_date(text, &words(text), article).map(|e| (e.date, e.precision, e.text))
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn resolves_relative_dates_against_the_article_date() {
        let tuesday = Some(ymd(2022, 9, 13));
        assert_eq!(
            when("Troops entered the town on Monday", tuesday),
            Some((ymd(2022, 9, 12), Precision::Day, "on Monday".into()))
        );
        assert_eq!(
            when("fighting yesterday", tuesday),
            Some((ymd(2022, 9, 12), Precision::Day, "yesterday".into()))
        );
        assert_eq!(
            when("it fell last week", tuesday),
            Some((ymd(2022, 9, 5), Precision::Week, "last week".into()))
        );
        assert_eq!(
            when("gains since the beginning of September", tuesday),
            Some((
                ymd(2022, 9, 1),
                Precision::Month,
                "since the beginning of September".into()
            ))
        );
        assert_eq!(
            when("occupied since early March", tuesday),
            Some((ymd(2022, 3, 1), Precision::Month, "since early March".into()))
        );
        assert_eq!(
            when("the offensive of September 6", tuesday),
            Some((ymd(2022, 9, 6), Precision::Day, "September 6".into()))
        );
    }

    #[test]
    fn undated_articles_resolve_only_full_dates() {
        assert_eq!(when("on Monday", None), None);
        assert_eq!(when("on September 6, 2022", None).map(|e| e.0), Some(ymd(2022, 9, 6)));
    }
}
