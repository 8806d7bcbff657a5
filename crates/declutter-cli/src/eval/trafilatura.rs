//! trafilatura's evaluation corpus: for each page, snippets that must and
//! must not appear in the extracted text.

use super::pages::{analyze, read, read_text, strings, Failure};
use super::snippets::{score_page, PageSnippets, SnippetCounts};
use declutter::Options;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// One page's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct PageResult {
    /// The page's file under `html/`.
    pub page: String,
    /// Its URL (the evaldata key).
    pub url: String,
    /// Its snippet outcome.
    pub snippets: PageSnippets,
}

/// Everything scored on this corpus.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Per-page outcomes, by URL.
    pub pages: Vec<PageResult>,
    /// Counts over all snippets of all pages.
    pub counts: SnippetCounts,
    /// Pages the analysis failed on.
    pub failures: Vec<Failure>,
}

/// One entry of `evaldata.json`.
struct Entry {
    url: String,
    file: String,
    with: Vec<String>,
    without: Vec<String>,
}

/// Scores every page listed in `<dir>/evaldata.json`.
pub fn score(dir: &Path) -> Result<Outcome, String> {
    let entries = load(&dir.join("evaldata.json"))?;
    let html = dir.join("html");
    let results: Vec<(PageResult, Option<Failure>)> = entries
        .par_iter()
        .map(|e| score_entry(&html, e))
        .collect::<Result<_, _>>()?;
    let mut outcome = Outcome::default();
    for (page, failure) in results {
        outcome.counts.add(&page.snippets.counts);
        outcome.failures.extend(failure);
        outcome.pages.push(page);
    }
    Ok(outcome)
}

/// Reads the evaldata map, sorted by URL for a stable order.
fn load(path: &Path) -> Result<Vec<Entry>, String> {
    let json: Value =
        serde_json::from_str(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let map = json
        .as_object()
        .ok_or_else(|| format!("{}: expected an object of url -> page", path.display()))?;
    let mut entries = Vec::with_capacity(map.len());
    for (url, v) in map {
        let file = v
            .get("file")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}: entry {url} has no \"file\"", path.display()))?;
        entries.push(Entry {
            url: url.clone(),
            file: file.to_string(),
            with: strings(v.get("with")),
            without: strings(v.get("without")),
        });
    }
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    if entries.is_empty() {
        return Err(format!("{}: no pages", path.display()));
    }
    Ok(entries)
}

fn score_entry(html: &Path, e: &Entry) -> Result<(PageResult, Option<Failure>), String> {
    let bytes = read(&html.join(&e.file))?;
    // A URL that does not parse only loses link resolution, not the page.
    let options = Options::with_url(&e.url).unwrap_or_default();
    let (text, failure) = match analyze(&bytes, &options) {
        Ok(a) => (a.article.text, None),
        Err(error) => (
            String::new(),
            Some(Failure {
                corpus: "trafilatura",
                page: e.file.clone(),
                error,
            }),
        ),
    };
    let page = PageResult {
        page: e.file.clone(),
        url: e.url.clone(),
        snippets: score_page(&text, &e.with, &e.without),
    };
    Ok((page, failure))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_tiny_corpus_on_disk() {
        let root = std::env::temp_dir().join(format!("declutter-eval-tf-{}", std::process::id()));
        std::fs::create_dir_all(root.join("html")).unwrap();
        std::fs::write(
            root.join("html/a.html"),
            "<body><p>Wanted words here, and the Impressum in the same paragraph.</p></body>",
        )
        .unwrap();
        std::fs::write(root.join("html/b.html"), "   ").unwrap();
        std::fs::write(
            root.join("evaldata.json"),
            r#"{"https://x.org/a": {"file": "a.html", "with": ["Wanted words"], "without": ["Impressum", "Nope"]},
                "not a url": {"file": "b.html", "with": ["Gone"], "without": null}}"#,
        )
        .unwrap();
        let out = score(&root);
        std::fs::remove_dir_all(&root).ok();
        let out = out.unwrap();
        assert_eq!(out.pages.len(), 2);
        // b.html is empty: a failure, scored as empty text.
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].page, "b.html");
        assert_eq!(
            out.counts,
            SnippetCounts {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 1
            }
        );
    }

    #[test]
    fn a_missing_evaldata_file_is_an_error() {
        assert!(score(Path::new("/no/such/declutter-dir")).is_err());
    }
}
