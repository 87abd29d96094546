//! The one filter the map, the counts, the reader and the export all use,
//! so what the user sees is what the user exports.

use chrono::NaiveDate;

use crate::text::Article;

/// Which articles (and which of their mentions) are in view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewFilter {
    /// Only these article ids, when not empty.
    pub articles: Vec<String>,
    /// Only articles from these outlets (case-insensitive), when not empty.
    pub sources: Vec<String>,
    /// First day in view, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day in view, inclusive.
    pub to: Option<NaiveDate>,
    /// Whether undated articles are in view (they are unless a date range
    /// is set and this is off).
    pub include_undated: bool,
    /// Whether mentions in boilerplate lines count.
    pub include_boilerplate: bool,
}

impl Default for ViewFilter {
    fn default() -> Self {
        ViewFilter {
            articles: Vec::new(),
            sources: Vec::new(),
            from: None,
            to: None,
            include_undated: true,
            include_boilerplate: false,
        }
    }
}

impl ViewFilter {
    /// Whether an article is in view.
    pub fn includes(&self, article: &Article) -> bool {
        if !self.articles.is_empty() && !self.articles.contains(&article.id) {
            return false;
        }
        if !self.sources.is_empty() {
            let source = article.source.as_deref().unwrap_or("");
            if !self.sources.iter().any(|s| s.eq_ignore_ascii_case(source)) {
                return false;
            }
        }
        match article.date {
            Some(date) => self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t),
            None => self.include_undated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, date: Option<NaiveDate>, source: Option<&str>) -> Article {
        let mut a = Article::from_text(id.into(), id.into(), "Text.".into());
        a.date = date;
        a.source = source.map(str::to_string);
        a
    }

    #[test]
    fn filters_by_article_source_and_date() {
        let d = |day| NaiveDate::from_ymd_opt(2022, 9, day);
        let a = article("a", d(12), Some("Wire"));
        let b = article("b", d(14), Some("Daily Planet"));
        let undated = article("c", None, None);
        let mut f = ViewFilter {
            from: d(13),
            ..ViewFilter::default()
        };
        assert!(!f.includes(&a) && f.includes(&b) && f.includes(&undated));
        f.include_undated = false;
        assert!(!f.includes(&undated));
        let f = ViewFilter {
            sources: vec!["daily planet".into()],
            ..ViewFilter::default()
        };
        assert!(!f.includes(&a) && f.includes(&b));
        let f = ViewFilter {
            articles: vec!["a".into()],
            ..ViewFilter::default()
        };
        assert!(f.includes(&a) && !f.includes(&b));
    }
}
