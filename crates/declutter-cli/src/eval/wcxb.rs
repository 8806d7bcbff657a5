//! The WCXB development split (`corpus/wcxb`): pages of 2025-2026 of seven
//! page types, each with its main content as plain text. Scored as the
//! benchmark scores extractors (per-page word bag-of-words F1, mean over
//! pages, per page type and over all), with the 4-gram shingle overlap the
//! Readability corpus uses and the `with` / `without` snippet counts beside.
//!
//! Only the dev split is on disk (its README); the test split is how the
//! product is judged and must never be used for tuning.

use super::pages::{analyze, read, read_text, strings, Failure};
use super::shingles::{tokens, PageOverlap, TextScores};
use super::snippets::{score_page, SnippetCounts};
use declutter::Options;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The page types of the benchmark, in the order its README lists them.
pub const PAGE_TYPES: [&str; 7] = [
    "article",
    "service",
    "forum",
    "listing",
    "product",
    "collection",
    "documentation",
];

/// Bag-of-words overlap of one page (the benchmark's metric).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct WordOverlap {
    /// Shared words / extracted words.
    pub precision: f64,
    /// Shared words / expected words.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl WordOverlap {
    /// Multiset overlap of the lower-cased `\w+` tokens; an empty
    /// expectation is met only by an empty extraction.
    pub fn of(extracted: &str, expected: &str) -> Self {
        let got = tokens(extracted);
        let want = tokens(expected);
        match (got.is_empty(), want.is_empty()) {
            (true, true) => {
                return WordOverlap {
                    precision: 1.0,
                    recall: 1.0,
                    f1: 1.0,
                }
            }
            (true, false) | (false, true) => return WordOverlap::default(),
            _ => {}
        }
        let mut bag: HashMap<&str, usize> = HashMap::new();
        for w in &want {
            *bag.entry(w.as_str()).or_default() += 1;
        }
        let mut shared = 0usize;
        for w in &got {
            if let Some(n) = bag.get_mut(w.as_str()) {
                if *n > 0 {
                    *n -= 1;
                    shared += 1;
                }
            }
        }
        let precision = shared as f64 / got.len() as f64;
        let recall = shared as f64 / want.len() as f64;
        let f1 = if shared == 0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        WordOverlap {
            precision,
            recall,
            f1,
        }
    }
}

/// One page's scores.
#[derive(Debug, Clone, Serialize)]
pub struct WcxbPage {
    /// The page's id (`html/ID.html.gz`).
    pub page: String,
    /// Its page type.
    pub page_type: String,
    /// Its URL.
    pub url: String,
    /// Word bag-of-words overlap.
    pub words: WordOverlap,
    /// 4-gram shingle overlap.
    pub shingles: PageOverlap,
    /// Words extracted.
    pub extracted_words: usize,
    /// Words expected.
    pub expected_words: usize,
}

/// Mean word scores over the pages of one type (or all).
#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeScores {
    /// Pages of this type.
    pub pages: usize,
    /// Mean per-page word precision.
    pub precision: f64,
    /// Mean per-page word recall.
    pub recall: f64,
    /// Mean per-page word F1 (the benchmark's headline figure).
    pub f1: f64,
}

impl TypeScores {
    fn of<'a>(pages: impl Iterator<Item = &'a WcxbPage>) -> Self {
        let mut s = TypeScores::default();
        for p in pages {
            s.pages += 1;
            s.precision += p.words.precision;
            s.recall += p.words.recall;
            s.f1 += p.words.f1;
        }
        if s.pages > 0 {
            let n = s.pages as f64;
            s.precision /= n;
            s.recall /= n;
            s.f1 /= n;
        }
        s
    }
}

/// Everything scored on this corpus.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Per-page scores, by id.
    pub pages: Vec<WcxbPage>,
    /// Word scores over all pages.
    pub all: TypeScores,
    /// Word scores per page type.
    pub by_type: BTreeMap<String, TypeScores>,
    /// Shingle scores over all pages.
    pub shingles: TextScores,
    /// `with` / `without` snippet outcomes.
    pub snippets: SnippetCounts,
    /// Pages the analysis failed on.
    pub failures: Vec<Failure>,
}

/// One ground-truth entry.
struct Entry {
    id: String,
    url: String,
    page_type: String,
    body: String,
    with: Vec<String>,
    without: Vec<String>,
}

/// The HTML file of page `id` in the corpus folder `dir` (`corpus/wcxb`).
pub fn page_path(dir: &Path, id: &str) -> PathBuf {
    dir.join("html").join(format!("{id}.html.gz"))
}

/// Reads a corpus page, gunzipping it when its name ends in `.gz`.
pub fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip {}: {e}", path.display()))?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// The URLs of the corpus pages by id, for scorers that need a page's
/// address (the block labels).
pub fn urls(dir: &Path) -> Result<HashMap<String, String>, String> {
    Ok(load(dir)?.into_iter().map(|e| (e.id, e.url)).collect())
}

/// Scores every page of `<dir>/ground-truth.json`.
pub fn score(dir: &Path) -> Result<Outcome, String> {
    let entries = load(dir)?;
    let results: Vec<(WcxbPage, SnippetCounts, Option<Failure>)> = entries
        .par_iter()
        .map(|e| score_entry(dir, e))
        .collect::<Result<_, _>>()?;
    let mut out = Outcome::default();
    let mut overlaps = Vec::with_capacity(results.len());
    for (page, counts, failure) in results {
        out.snippets.add(&counts);
        out.failures.extend(failure);
        overlaps.push(page.shingles);
        out.pages.push(page);
    }
    out.shingles = TextScores::aggregate(&overlaps);
    out.all = TypeScores::of(out.pages.iter());
    for t in PAGE_TYPES {
        out.by_type.insert(
            t.to_string(),
            TypeScores::of(out.pages.iter().filter(|p| p.page_type == t)),
        );
    }
    Ok(out)
}

fn load(dir: &Path) -> Result<Vec<Entry>, String> {
    let path = dir.join("ground-truth.json");
    let json: Value =
        serde_json::from_str(&read_text(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let map = json
        .as_object()
        .ok_or_else(|| format!("{}: expected an object of id -> page", path.display()))?;
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut entries: Vec<Entry> = map
        .iter()
        .map(|(id, v)| Entry {
            id: id.clone(),
            url: text(v, "url"),
            page_type: text(v, "page_type"),
            body: text(v, "articleBody"),
            with: strings(v.get("with")),
            without: strings(v.get("without")),
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    if entries.is_empty() {
        return Err(format!("{}: no pages", path.display()));
    }
    Ok(entries)
}

fn score_entry(
    dir: &Path,
    e: &Entry,
) -> Result<(WcxbPage, SnippetCounts, Option<Failure>), String> {
    let bytes = read_page(&page_path(dir, &e.id))?;
    let options = Options::with_url(&e.url).unwrap_or_default();
    let (text, failure) = match analyze(&bytes, &options) {
        Ok(a) => (a.article.text, None),
        Err(error) => (
            String::new(),
            Some(Failure {
                corpus: "wcxb",
                page: e.id.clone(),
                error,
            }),
        ),
    };
    let page = WcxbPage {
        page: e.id.clone(),
        page_type: e.page_type.clone(),
        url: e.url.clone(),
        words: WordOverlap::of(&text, &e.body),
        shingles: PageOverlap::of(&text, &e.body),
        extracted_words: tokens(&text).len(),
        expected_words: tokens(&e.body).len(),
    };
    let counts = score_page(&text, &e.with, &e.without).counts;
    Ok((page, counts, failure))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn word_overlap_is_a_multiset_overlap() {
        let w = WordOverlap::of("the the cat", "The cat sat");
        assert!((w.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((w.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(WordOverlap::of("", "").f1, 1.0);
        assert_eq!(WordOverlap::of("x", "").f1, 0.0);
        assert_eq!(WordOverlap::of("", "x").f1, 0.0);
    }

    #[test]
    fn scores_a_tiny_gzipped_corpus_per_type() {
        let root = std::env::temp_dir().join(format!("declutter-eval-wx-{}", std::process::id()));
        std::fs::create_dir_all(root.join("html")).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<body><article><p>Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.</p></article></body>")
            .unwrap();
        std::fs::write(root.join("html/0001.html.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(
            root.join("ground-truth.json"),
            r#"{"0001": {"url": "https://x.org/a", "page_type": "forum",
                "articleBody": "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
                "with": ["beta gamma"], "without": ["Impressum"]}}"#,
        )
        .unwrap();
        let out = score(&root);
        let urls = urls(&root);
        std::fs::remove_dir_all(&root).ok();
        let out = out.unwrap();
        assert_eq!(out.all.pages, 1);
        assert!(out.by_type["forum"].f1 > 0.99, "{:?}", out.by_type);
        assert_eq!(out.by_type["article"].pages, 0);
        assert_eq!((out.snippets.tp, out.snippets.tn), (1, 1));
        assert_eq!(urls.unwrap()["0001"], "https://x.org/a");
    }
}
