//! Snippet presence scoring, as trafilatura evaluates extractors: each page
//! lists text that must appear in the extraction and text that must not.

use super::shingles::{f1, ratio};
use super::text::collapse_ws;
use serde::Serialize;

/// Snippet outcomes summed over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SnippetCounts {
    /// Wanted snippets found.
    pub tp: usize,
    /// Unwanted snippets found.
    pub fp: usize,
    /// Wanted snippets missing.
    pub fn_: usize,
    /// Unwanted snippets absent.
    pub tn: usize,
}

impl SnippetCounts {
    /// Adds another page's counts.
    pub fn add(&mut self, other: &SnippetCounts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fp) as f64)
    }

    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp as f64, (self.tp + self.fn_) as f64)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// Share of all snippets judged right.
    pub fn accuracy(&self) -> f64 {
        let all = self.tp + self.fp + self.fn_ + self.tn;
        ratio((self.tp + self.tn) as f64, all as f64)
    }

    /// Snippets judged wrong (wanted missing plus unwanted found).
    pub fn errors(&self) -> usize {
        self.fp + self.fn_
    }
}

/// One page's outcome, with the snippets it got wrong for the verbose list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageSnippets {
    /// The page's counts.
    pub counts: SnippetCounts,
    /// Wanted snippets that are missing.
    pub missing: Vec<String>,
    /// Unwanted snippets that are present.
    pub leaked: Vec<String>,
}

/// Scores one page's extracted `text` against its wanted and unwanted
/// snippets; white space is collapsed on both sides before the substring
/// test. An empty snippet is skipped: it would be "found" in anything.
pub fn score_page(text: &str, with: &[String], without: &[String]) -> PageSnippets {
    let text = collapse_ws(text);
    let mut page = PageSnippets::default();
    for s in with {
        let s = collapse_ws(s);
        if s.is_empty() {
            continue;
        }
        if text.contains(&s) {
            page.counts.tp += 1;
        } else {
            page.counts.fn_ += 1;
            page.missing.push(s);
        }
    }
    for s in without {
        let s = collapse_ws(s);
        if s.is_empty() {
            continue;
        }
        if text.contains(&s) {
            page.counts.fp += 1;
            page.leaked.push(s);
        } else {
            page.counts.tn += 1;
        }
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn snippets_match_across_white_space_differences() {
        let page = score_page(
            "The  quick\nbrown fox.\n\nImpressum",
            &strings(&["quick brown", "lazy dog", "  "]),
            &strings(&["Impressum", "Cookies"]),
        );
        assert_eq!(
            page.counts,
            SnippetCounts {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 1
            }
        );
        assert_eq!(page.missing, ["lazy dog"]);
        assert_eq!(page.leaked, ["Impressum"]);
    }

    #[test]
    fn matching_is_case_sensitive_substring() {
        let page = score_page("Hello world", &strings(&["hello"]), &[]);
        assert_eq!(page.counts.fn_, 1);
    }

    #[test]
    fn aggregate_figures() {
        let mut c = SnippetCounts::default();
        c.add(&SnippetCounts {
            tp: 3,
            fp: 1,
            fn_: 1,
            tn: 5,
        });
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.75);
        assert_eq!(c.f1(), 0.75);
        assert_eq!(c.accuracy(), 0.8);
        assert_eq!(SnippetCounts::default().f1(), 0.0);
    }
}
