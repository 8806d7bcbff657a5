//! The Readability.js test corpus: article text against `expected.html` by
//! word shingles, and metadata against `expected-metadata.json`.

use super::pages::{analyze, read, read_text, Failure};
use super::shingles::{tokens, PageOverlap, TextScores};
use super::text::{collapse_ws, document_text};
use declutter::parse::parse_html;
use declutter::Article;
use declutter::Options;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Metadata fields compared, as named both in `expected-metadata.json` and
/// (lower-case) on [`Article`].
pub const METADATA_FIELDS: [&str; 5] = ["title", "byline", "excerpt", "lang", "dir"];

/// How many mismatches per field are kept for the verbose listing.
const MISMATCHES_KEPT: usize = 5;

/// One page's text score.
#[derive(Debug, Clone, Serialize)]
pub struct PageText {
    /// The page's folder name.
    pub page: String,
    /// Its shingle overlap.
    pub overlap: PageOverlap,
    /// Words extracted.
    pub extracted_words: usize,
    /// Words expected.
    pub expected_words: usize,
}

/// A metadata value that did not match.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    /// The page's folder name.
    pub page: String,
    /// What Readability.js gives.
    pub expected: String,
    /// What we give.
    pub got: Option<String>,
}

/// Agreement on one metadata field.
#[derive(Debug, Clone, Serialize)]
pub struct FieldAgreement {
    /// The field's name.
    pub field: &'static str,
    /// Pages where our value equals the expected one.
    pub matched: usize,
    /// Pages whose expectation has a value for the field.
    pub with_value: usize,
    /// The first few mismatches, by page name.
    pub mismatches: Vec<Mismatch>,
}

impl FieldAgreement {
    /// matched / with_value, 0 when no page has a value.
    pub fn share(&self) -> f64 {
        if self.with_value == 0 {
            0.0
        } else {
            self.matched as f64 / self.with_value as f64
        }
    }
}

/// Everything scored on this corpus.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Per-page text scores, by page name.
    pub pages: Vec<PageText>,
    /// Corpus text scores.
    pub scores: TextScores,
    /// One entry per [`METADATA_FIELDS`] item.
    pub metadata: Vec<FieldAgreement>,
    /// Pages the analysis failed on.
    pub failures: Vec<Failure>,
}

/// One page's raw results before aggregation.
struct PageOutcome {
    text: PageText,
    /// Per field: `None` when the expectation has no value, else whether it
    /// matched, the expected and our value.
    fields: Vec<Option<(bool, String, Option<String>)>>,
    failure: Option<Failure>,
}

/// Scores every `<dir>/<page>/source.html` that has its expectations.
pub fn score(dir: &Path) -> Result<Outcome, String> {
    let pages = page_dirs(dir)?;
    let results: Vec<PageOutcome> = pages
        .par_iter()
        .map(|p| score_page(p))
        .collect::<Result<_, _>>()?;
    let mut outcome = Outcome {
        scores: TextScores::aggregate(&results.iter().map(|r| r.text.overlap).collect::<Vec<_>>()),
        ..Outcome::default()
    };
    for (i, field) in METADATA_FIELDS.iter().enumerate() {
        let mut agreement = FieldAgreement {
            field,
            matched: 0,
            with_value: 0,
            mismatches: Vec::new(),
        };
        for r in &results {
            let Some(Some((ok, expected, got))) = r.fields.get(i) else {
                continue;
            };
            agreement.with_value += 1;
            if *ok {
                agreement.matched += 1;
            } else if agreement.mismatches.len() < MISMATCHES_KEPT {
                agreement.mismatches.push(Mismatch {
                    page: r.text.page.clone(),
                    expected: expected.clone(),
                    got: got.clone(),
                });
            }
        }
        outcome.metadata.push(agreement);
    }
    for r in results {
        outcome.failures.extend(r.failure);
        outcome.pages.push(r.text);
    }
    Ok(outcome)
}

/// The page folders holding a `source.html`, sorted by name.
fn page_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut pages: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    if pages.is_empty() {
        return Err(format!("no */source.html pages under {}", dir.display()));
    }
    Ok(pages)
}

fn score_page(dir: &Path) -> Result<PageOutcome, String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = read(&dir.join("source.html"))?;
    let expected_html = read_text(&dir.join("expected.html"))?;
    let meta_path = dir.join("expected-metadata.json");
    let expected_meta: Value = serde_json::from_str(&read_text(&meta_path)?)
        .map_err(|e| format!("{}: {e}", meta_path.display()))?;
    let expected_text = document_text(&parse_html(&expected_html));

    let (article, failure) = match analyze(&source, &Options::default()) {
        Ok(a) => (a.article, None),
        Err(error) => (
            Article::default(),
            Some(Failure {
                corpus: "readability",
                page: name.clone(),
                error,
            }),
        ),
    };
    let fields = METADATA_FIELDS
        .iter()
        .map(|f| compare_field(&expected_meta, &article, f))
        .collect();
    Ok(PageOutcome {
        text: PageText {
            page: name,
            overlap: PageOverlap::of(&article.text, &expected_text),
            extracted_words: tokens(&article.text).len(),
            expected_words: tokens(&expected_text).len(),
        },
        fields,
        failure,
    })
}

/// Compares one field; `None` when the expectation has no string value.
fn compare_field(
    expected: &Value,
    article: &Article,
    field: &str,
) -> Option<(bool, String, Option<String>)> {
    let want = expected.get(field)?.as_str()?;
    let got = article_field(article, field);
    let ok = got.is_some_and(|g| same_value(g, want));
    Some((ok, want.to_string(), got.map(str::to_string)))
}

/// Our value of a metadata field.
fn article_field<'a>(a: &'a Article, field: &str) -> Option<&'a str> {
    match field {
        "title" => a.title.as_deref(),
        "byline" => a.byline.as_deref(),
        "excerpt" => a.excerpt.as_deref(),
        "lang" => a.lang.as_deref(),
        "dir" => a.dir.as_deref(),
        _ => None,
    }
}

/// Values agree when equal after white space is collapsed and trimmed.
pub fn same_value(got: &str, want: &str) -> bool {
    collapse_ws(got) == collapse_ws(want)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_compare_after_collapsing_white_space() {
        let article = Article {
            title: Some(" The  birth\nlottery ".into()),
            lang: Some("en".into()),
            ..Article::default()
        };
        let expected = json!({"title": "The birth lottery", "byline": "A. B.",
                              "lang": "en-US", "dir": null});
        let title = compare_field(&expected, &article, "title").unwrap();
        assert!(title.0);
        let byline = compare_field(&expected, &article, "byline").unwrap();
        assert_eq!(byline, (false, "A. B.".to_string(), None));
        assert!(!compare_field(&expected, &article, "lang").unwrap().0);
        // Null and absent expectations are not counted at all.
        assert!(compare_field(&expected, &article, "dir").is_none());
        assert!(compare_field(&expected, &article, "excerpt").is_none());
    }

    #[test]
    fn scores_a_tiny_corpus_on_disk() {
        let root = std::env::temp_dir().join(format!("declutter-eval-rb-{}", std::process::id()));
        let page = root.join("p1");
        std::fs::create_dir_all(&page).unwrap();
        std::fs::write(
            page.join("source.html"),
            "<html><head><title>T</title></head><body><p>one two three four five</p></body></html>",
        )
        .unwrap();
        std::fs::write(
            page.join("expected.html"),
            "<div><p>one two three four five</p></div>",
        )
        .unwrap();
        std::fs::write(
            page.join("expected-metadata.json"),
            r#"{"title":"T","byline":null}"#,
        )
        .unwrap();
        std::fs::create_dir_all(root.join("not-a-page")).unwrap();
        let out = score(&root);
        std::fs::remove_dir_all(&root).ok();
        let out = out.unwrap();
        assert_eq!(out.pages.len(), 1);
        assert_eq!(out.pages[0].expected_words, 5);
        assert_eq!(out.metadata[0].with_value, 1);
        assert_eq!(out.metadata[1].with_value, 0);
        assert!(out.failures.is_empty());
    }
}
