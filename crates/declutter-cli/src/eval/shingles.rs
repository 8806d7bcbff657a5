//! Word-shingle overlap between an extracted and an expected text, as the
//! article-extraction-benchmark scores extractors.

use regex::Regex;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words per shingle: long enough that common words do not match by
/// chance, short enough that one wrong word spoils little (the benchmark's
/// choice).
pub const SHINGLE_WORDS: usize = 4;

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // A literal pattern that is known to compile.
    RE.get_or_init(|| Regex::new(r"\w+").expect("static pattern"))
}

/// The lower-cased Unicode word tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    token_re()
        .find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect()
}

/// The set of runs of [`SHINGLE_WORDS`] consecutive tokens; a text with
/// fewer tokens is one shingle of all of them, an empty text has none.
pub fn shingles(text: &str) -> HashSet<String> {
    let toks = tokens(text);
    if toks.is_empty() {
        return HashSet::new();
    }
    if toks.len() < SHINGLE_WORDS {
        return HashSet::from([toks.join(" ")]);
    }
    toks.windows(SHINGLE_WORDS).map(|w| w.join(" ")).collect()
}

/// One page's overlap, normalised so tp + fp + fn = 1 (a page weighs the
/// same whatever its length).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageOverlap {
    /// Share of shingles both in the extraction and the expectation.
    pub tp: f64,
    /// Share only in the extraction.
    pub fp: f64,
    /// Share only in the expectation.
    pub fn_: f64,
}

impl PageOverlap {
    /// Compares the shingles of `extracted` with those of `expected`.
    pub fn of(extracted: &str, expected: &str) -> Self {
        Self::from_sets(&shingles(extracted), &shingles(expected))
    }

    /// Compares two shingle sets.
    pub fn from_sets(a: &HashSet<String>, e: &HashSet<String>) -> Self {
        let tp = a.intersection(e).count() as f64;
        let fp = a.len() as f64 - tp;
        let fn_ = e.len() as f64 - tp;
        Self::normalised(tp, fp, fn_)
    }

    /// Normalises raw counts; both sides empty is a perfect page.
    pub fn normalised(tp: f64, fp: f64, fn_: f64) -> Self {
        let sum = tp + fp + fn_;
        if sum == 0.0 {
            return PageOverlap {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0,
            };
        }
        PageOverlap {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    }

    /// tp / (tp + fp); 1 for a perfect page, 0 when nothing was extracted.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            return 1.0;
        }
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 for a perfect page, 0 when nothing was expected but
    /// something extracted.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            return 1.0;
        }
        ratio(self.tp, self.tp + self.fn_)
    }

    /// This page's own F1.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Corpus-level scores from per-page overlaps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TextScores {
    /// Mean of per-page precision.
    pub precision: f64,
    /// Mean of per-page recall.
    pub recall: f64,
    /// F1 of the two means (the benchmark's headline figure).
    pub f1: f64,
    /// Mean of per-page F1, for reference.
    pub mean_page_f1: f64,
}

impl TextScores {
    /// Averages over pages; no pages scores zero.
    pub fn aggregate(pages: &[PageOverlap]) -> Self {
        let precision = mean(pages.iter().map(PageOverlap::precision));
        let recall = mean(pages.iter().map(PageOverlap::recall));
        TextScores {
            precision,
            recall,
            f1: f1(precision, recall),
            mean_page_f1: mean(pages.iter().map(PageOverlap::f1)),
        }
    }
}

/// Harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    ratio(2.0 * p * r, p + r)
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    ratio(sum, n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_unicode_words_lower_cased() {
        assert_eq!(
            tokens("Ça va, Müller? x_y 42!"),
            ["ça", "va", "müller", "x_y", "42"]
        );
    }

    #[test]
    fn shingles_are_sets_of_four_word_runs() {
        let s = shingles("a b c d e a b c d");
        // a-b-c-d appears twice but counts once.
        assert_eq!(s.len(), 5);
        assert!(s.contains("a b c d") && s.contains("e a b c"));
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_texts_none() {
        assert_eq!(
            shingles("Hello, World"),
            HashSet::from(["hello world".to_string()])
        );
        assert!(shingles(" ... ").is_empty());
    }

    #[test]
    fn overlap_is_normalised_per_page() {
        // Extracted: 1 2 3 4 5 -> {1234, 2345}; expected: 2 3 4 5 6 7 ->
        // {2345, 3456, 4567}: tp 1, fp 1, fn 2 over 4.
        let o = PageOverlap::of("1 2 3 4 5", "2 3 4 5 6 7");
        assert!(close(o.tp, 0.25) && close(o.fp, 0.25) && close(o.fn_, 0.5));
        assert!(close(o.precision(), 0.5));
        assert!(close(o.recall(), 1.0 / 3.0));
        assert!(close(o.f1(), 0.4));
    }

    #[test]
    fn empty_pages_follow_the_benchmark_rules() {
        let both_empty = PageOverlap::of("", "");
        assert_eq!((both_empty.precision(), both_empty.recall()), (1.0, 1.0));
        let nothing_extracted = PageOverlap::of("", "one two three four");
        assert_eq!(
            (nothing_extracted.precision(), nothing_extracted.recall()),
            (0.0, 0.0)
        );
        let nothing_expected = PageOverlap::of("one two", "");
        assert_eq!(
            (nothing_expected.precision(), nothing_expected.recall()),
            (0.0, 0.0)
        );
    }

    #[test]
    fn corpus_f1_comes_from_the_mean_precision_and_recall() {
        let perfect = PageOverlap::normalised(3.0, 0.0, 0.0);
        let half = PageOverlap::normalised(1.0, 1.0, 0.0); // p 0.5, r 1
        let s = TextScores::aggregate(&[perfect, half]);
        assert!(close(s.precision, 0.75) && close(s.recall, 1.0));
        assert!(close(s.f1, 2.0 * 0.75 / 1.75));
        assert!(close(s.mean_page_f1, (1.0 + 2.0 / 3.0) / 2.0));
        assert_eq!(TextScores::aggregate(&[]), TextScores::default());
    }
}
