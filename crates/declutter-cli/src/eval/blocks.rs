//! The labelled block corpus: each labelled snippet is scored by the kind
//! of the block that holds it, and promo/related snippets are checked for
//! leaking into the article text.

use super::confusion::{find_block, Confusion, Predicted};
use super::pages::{analyze, read_text, Failure};
use super::text::collapse_ws;
use super::wcxb::{page_path, read_page, urls};
use declutter::Kind;
use declutter::Options;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The labels' corpus name and page of the hand-made seed page.
const SEED: (&str, &str) = ("fixtures", "seed-news-page");

/// How many of a block's reasons the verbose listing shows.
const REASONS_SHOWN: usize = 3;

/// A labelled snippet the segmenter got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Misclassified {
    /// `corpus/page`.
    pub page: String,
    /// The labelled kind.
    pub labelled: &'static str,
    /// The predicted kind or `unmatched`.
    pub predicted: &'static str,
    /// The snippet (white space collapsed).
    pub snippet: String,
    /// Text of the block that holds it (empty when unmatched).
    pub block_text: String,
    /// Codes of the block's first reasons, strongest first.
    pub reasons: Vec<&'static str>,
    /// The block's confidence.
    pub confidence: Option<f32>,
    /// For unmatched snippets: whether the text of all blocks joined holds
    /// it (so it is split across blocks) rather than missing from them.
    pub split_across_blocks: bool,
    /// Whether the snippet appears in the article text.
    pub in_article: bool,
}

/// Everything scored on this corpus.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Labelled pages.
    pub pages: usize,
    /// Labelled against predicted kinds, over all pages.
    pub confusion: Confusion,
    /// Promo and related snippets found in the article text.
    pub leaked: usize,
    /// Promo and related snippets in all.
    pub leak_candidates: usize,
    /// Snippets of the seed page predicted right.
    pub seed_correct: usize,
    /// Snippets of the seed page.
    pub seed_total: usize,
    /// Related snippets in all.
    pub related: usize,
    /// Related snippets whose block is labelled "Advertisement" or
    /// "Sponsored" (issue 14: never without advertising evidence).
    pub related_called_ad: usize,
    /// Every wrong prediction, in label order.
    pub misclassified: Vec<Misclassified>,
    /// Pages the analysis failed on.
    pub failures: Vec<Failure>,
}

impl Outcome {
    /// Share of promo+related snippets found in the article text.
    pub fn leak(&self) -> f64 {
        if self.leak_candidates == 0 {
            0.0
        } else {
            self.leaked as f64 / self.leak_candidates as f64
        }
    }

    /// Share of related snippets whose block is labelled "Advertisement"
    /// or "Sponsored".
    pub fn related_called_ad_share(&self) -> f64 {
        if self.related == 0 {
            0.0
        } else {
            self.related_called_ad as f64 / self.related as f64
        }
    }
}

/// One labelled page from `labels.json`.
#[derive(Debug)]
struct LabelledPage {
    corpus: String,
    page: String,
    path: PathBuf,
    /// The page's address where the corpus knows it (WCXB does).
    url: Option<String>,
    labels: Vec<(Kind, String)>,
}

/// Scores every page of `labels.json`; `corpus` holds `readability/`,
/// `fixtures` holds the fixture pages.
pub fn score(labels: &Path, corpus: &Path, fixtures: &Path) -> Result<Outcome, String> {
    let pages = load(labels, corpus, fixtures)?;
    let results: Vec<Outcome> = pages.par_iter().map(score_page).collect::<Result<_, _>>()?;
    let mut total = Outcome::default();
    for r in results {
        total.pages += r.pages;
        total.confusion.merge(&r.confusion);
        total.leaked += r.leaked;
        total.leak_candidates += r.leak_candidates;
        total.seed_correct += r.seed_correct;
        total.seed_total += r.seed_total;
        total.related += r.related;
        total.related_called_ad += r.related_called_ad;
        total.misclassified.extend(r.misclassified);
        total.failures.extend(r.failures);
    }
    Ok(total)
}

/// Reads the label file and resolves each page to its HTML file.
fn load(labels: &Path, corpus: &Path, fixtures: &Path) -> Result<Vec<LabelledPage>, String> {
    let json: Value = serde_json::from_str(&read_text(labels)?)
        .map_err(|e| format!("{}: {e}", labels.display()))?;
    let list = json
        .as_array()
        .ok_or_else(|| format!("{}: expected a list of pages", labels.display()))?;
    let bad = |what: &str| format!("{}: {what}", labels.display());
    let mut pages = Vec::with_capacity(list.len());
    let mut wcxb_urls = None;
    for p in list {
        let corpus_name = p
            .get("corpus")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("a page without \"corpus\""))?;
        let page = p
            .get("page")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("a page without \"page\""))?;
        let mut url = None;
        let path = match corpus_name {
            "readability" => corpus.join("readability").join(page).join("source.html"),
            "fixtures" => fixtures.join(format!("{page}.html")),
            "wcxb" => {
                let dir = corpus.join("wcxb");
                if wcxb_urls.is_none() {
                    wcxb_urls = Some(urls(&dir)?);
                }
                url = wcxb_urls.as_ref().and_then(|u| u.get(page).cloned());
                page_path(&dir, page)
            }
            other => return Err(bad(&format!("unknown corpus \"{other}\""))),
        };
        let mut labels_of_page = Vec::new();
        for b in p
            .get("blocks")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let kind = b.get("kind").and_then(Value::as_str).unwrap_or("");
            let kind = Kind::parse(kind)
                .ok_or_else(|| bad(&format!("unknown kind \"{kind}\" on page {page}")))?;
            let text = b.get("text").and_then(Value::as_str).map(collapse_ws);
            match text {
                Some(t) if !t.is_empty() => labels_of_page.push((kind, t)),
                _ => return Err(bad(&format!("a label without text on page {page}"))),
            }
        }
        pages.push(LabelledPage {
            corpus: corpus_name.to_string(),
            page: page.to_string(),
            path,
            url,
            labels: labels_of_page,
        });
    }
    Ok(pages)
}

fn score_page(p: &LabelledPage) -> Result<Outcome, String> {
    let bytes = read_page(&p.path)?;
    let name = format!("{}/{}", p.corpus, p.page);
    let options = p
        .url
        .as_deref()
        .and_then(|u| Options::with_url(u).ok())
        .unwrap_or_default();
    let mut out = Outcome {
        pages: 1,
        ..Outcome::default()
    };
    let analysis = match analyze(&bytes, &options) {
        Ok(a) => Some(a),
        Err(error) => {
            out.failures.push(Failure {
                corpus: "blocks",
                page: name.clone(),
                error,
            });
            None
        }
    };
    let blocks = analysis
        .as_ref()
        .map(|a| a.blocks.as_slice())
        .unwrap_or(&[]);
    let block_texts: Vec<String> = blocks.iter().map(|b| collapse_ws(&b.text)).collect();
    let all_blocks = block_texts.join(" ");
    let article = analysis
        .as_ref()
        .map(|a| collapse_ws(&a.article.text))
        .unwrap_or_default();
    let is_seed = (p.corpus.as_str(), p.page.as_str()) == SEED;

    for (kind, snippet) in &p.labels {
        let found = find_block(&block_texts, snippet);
        let predicted = found
            .and_then(|i| blocks.get(i))
            .map_or(Predicted::Unmatched, |b| Predicted::Kind(b.kind));
        out.confusion.add(*kind, predicted);
        if *kind == Kind::Related {
            out.related += 1;
            let block = found.and_then(|i| blocks.get(i));
            out.related_called_ad += usize::from(block.is_some_and(|b| b.label.is_advertising()));
        }
        let in_article = article.contains(snippet.as_str());
        if matches!(kind, Kind::Promo | Kind::Related) {
            out.leak_candidates += 1;
            out.leaked += usize::from(in_article);
        }
        let correct = predicted == Predicted::Kind(*kind);
        if is_seed {
            out.seed_total += 1;
            out.seed_correct += usize::from(correct);
        }
        if !correct {
            let block = found.and_then(|i| blocks.get(i));
            out.misclassified.push(Misclassified {
                page: name.clone(),
                labelled: kind.as_str(),
                predicted: predicted.as_str(),
                snippet: snippet.clone(),
                block_text: found
                    .and_then(|i| block_texts.get(i))
                    .cloned()
                    .unwrap_or_default(),
                reasons: block
                    .map(|b| {
                        b.reasons
                            .iter()
                            .take(REASONS_SHOWN)
                            .map(|r| r.code.as_str())
                            .collect()
                    })
                    .unwrap_or_default(),
                confidence: block.map(|b| b.confidence),
                split_across_blocks: found.is_none() && all_blocks.contains(snippet.as_str()),
                in_article,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_resolve_to_their_files_and_bad_labels_are_errors() {
        let root = std::env::temp_dir().join(format!("declutter-eval-bl-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let labels = root.join("labels.json");
        std::fs::write(
            &labels,
            r#"[{"corpus":"readability","page":"cnn","blocks":[{"kind":"promo","text":" Ad \n here"}]},
                {"corpus":"fixtures","page":"seed","blocks":[]}]"#,
        )
        .unwrap();
        let pages = load(&labels, Path::new("/c"), Path::new("/f")).unwrap();
        assert_eq!(pages[0].path, Path::new("/c/readability/cnn/source.html"));
        assert_eq!(pages[0].labels, [(Kind::Promo, "Ad here".to_string())]);
        assert_eq!(pages[1].path, Path::new("/f/seed.html"));

        std::fs::write(&labels, r#"[{"corpus":"x","page":"p","blocks":[]}]"#).unwrap();
        assert!(load(&labels, Path::new("/c"), Path::new("/f")).is_err());
        std::fs::write(
            &labels,
            r#"[{"corpus":"fixtures","page":"p","blocks":[{"kind":"ad","text":"x"}]}]"#,
        )
        .unwrap();
        let err = load(&labels, Path::new("/c"), Path::new("/f")).unwrap_err();
        std::fs::remove_dir_all(&root).ok();
        assert!(err.contains("unknown kind"), "{err}");
    }

    #[test]
    fn every_label_is_counted_once_and_the_seed_page_is_tallied() {
        let root = std::env::temp_dir().join(format!("declutter-eval-bs-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(
            root.join("seed-news-page.html"),
            "<body><p>Story text goes here.</p><aside>Sign up now</aside></body>",
        )
        .unwrap();
        let labels = root.join("labels.json");
        std::fs::write(
            &labels,
            r#"[{"corpus":"fixtures","page":"seed-news-page","blocks":[
                {"kind":"content","text":"Story text"},{"kind":"promo","text":"Sign up now"}]}]"#,
        )
        .unwrap();
        let out = score(&labels, &root, &root);
        std::fs::remove_dir_all(&root).ok();
        let out = out.unwrap();
        assert_eq!((out.pages, out.confusion.total()), (1, 2));
        assert_eq!(out.seed_total, 2);
        assert_eq!(out.seed_correct, out.confusion.total_correct());
        assert_eq!(out.leak_candidates, 1);
        assert_eq!(out.misclassified.len(), 2 - out.seed_correct);
    }

    #[test]
    fn leak_share_counts_promo_and_related_only() {
        let out = Outcome {
            leaked: 1,
            leak_candidates: 4,
            ..Outcome::default()
        };
        assert_eq!(out.leak(), 0.25);
        assert_eq!(Outcome::default().leak(), 0.0);
    }
}
