//! The one filter the map, the counts, the reader and the export all use,
//! so what the user sees is what the user exports.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claims::{Action, Claim};
use crate::gazetteer::Kind;
use crate::text::Article;

/// Which articles, mentions and claims are in view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilter {
    /// Only these article ids, when not empty.
    pub articles: BTreeSet<String>,
    /// Article ids switched off.
    pub hidden_articles: BTreeSet<String>,
    /// Only articles from these outlets (case-insensitive), when not empty.
    pub sources: Vec<String>,
    /// First day in view, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day in view, inclusive.
    pub to: Option<NaiveDate>,
    /// Whether undated articles are in view.
    pub include_undated: bool,
    /// Whether mentions in boilerplate lines count.
    pub include_boilerplate: bool,
    /// Kinds of place not shown.
    pub hidden_kinds: BTreeSet<Kind>,
    /// Claim actions not shown.
    pub hidden_actions: BTreeSet<Action>,
    /// Claims whose side afterwards (ISO code, "" when unknown) is not shown.
    pub hidden_sides: BTreeSet<String>,
    /// Whether hedged claims are shown.
    pub include_hedged: bool,
}

impl Default for ViewFilter {
    fn default() -> Self {
        ViewFilter {
            articles: BTreeSet::new(),
            hidden_articles: BTreeSet::new(),
            sources: Vec::new(),
            from: None,
            to: None,
            include_undated: true,
            include_boilerplate: false,
            hidden_kinds: BTreeSet::new(),
            hidden_actions: BTreeSet::new(),
            hidden_sides: BTreeSet::new(),
            include_hedged: true,
        }
    }
}

impl ViewFilter {
    /// Whether an article is in view.
    pub fn includes(&self, article: &Article) -> bool {
        if !self.articles.is_empty() && !self.articles.contains(&article.id) {
            return false;
        }
        if self.hidden_articles.contains(&article.id) {
            return false;
        }
        if !self.sources.is_empty() {
            let source = article.source.as_deref().unwrap_or("");
            if !self.sources.iter().any(|s| s.eq_ignore_ascii_case(source)) {
                return false;
            }
        }
        self.includes_date(article.date)
    }

    /// Whether an article of this date (`None`: undated) is in the date range.
    pub fn includes_date(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(date) => self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t),
            None => self.include_undated,
        }
    }

    /// Whether a claim passes the claim filters (its article's filter aside).
    pub fn includes_claim(&self, claim: &Claim) -> bool {
        let side = claim.controller_after.as_ref().map_or("", |s| s.code.as_str());
        !self.hidden_actions.contains(&claim.action)
            && !self.hidden_sides.contains(side)
            && (self.include_hedged || !claim.hedged)
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
            articles: ["a".to_string()].into(),
            ..ViewFilter::default()
        };
        assert!(f.includes(&a) && !f.includes(&b));
        let f = ViewFilter {
            hidden_articles: ["a".to_string()].into(),
            ..ViewFilter::default()
        };
        assert!(!f.includes(&a) && f.includes(&b));
    }

    #[test]
    fn a_saved_filter_reads_back_and_missing_fields_take_defaults() {
        let f = ViewFilter {
            hidden_kinds: [Kind::Village].into(),
            hidden_actions: [Action::Contested].into(),
            include_hedged: false,
            ..ViewFilter::default()
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<ViewFilter>(&json).unwrap(), f);
        let old: ViewFilter = serde_json::from_str(r#"{"include_undated": false}"#).unwrap();
        assert!(!old.include_undated && old.include_hedged);
    }
}
