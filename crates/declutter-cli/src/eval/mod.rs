//! Scores the whole pipeline on the development corpora in `shared/corpus`.
//!
//! Three corpora, three questions: does the article text match what
//! Readability.js extracts (word shingles, [`readability`]), does it hold
//! the wanted and none of the unwanted snippets trafilatura's evaluation
//! lists ([`trafilatura`]), and does each labelled snippet land in a block
//! of the right kind ([`blocks`]). [`bench`] times the analysis instead, and
//! [`side_by_side`] times it beside another engine on the same pages.

pub mod bench;
pub mod blocks;
pub mod confusion;
pub mod pages;
pub mod readability;
pub mod report;
pub mod shingles;
pub mod side_by_side;
pub mod snippets;
pub mod text;
pub mod trafilatura;
pub mod wcxb;
pub mod wcxb_report;

pub use report::{BlockScores, Detail, ReadabilityScores, Report, TrafilaturaScores, FIGURES};

use confusion::COLUMN_NAMES;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How many pages per corpus the verbose listing shows.
const WORST_PAGES: usize = 15;

/// Which corpora to score and where they are.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    /// The `corpus` folder (holding `readability/`, `trafilatura/`, `blocks/`).
    pub corpus: PathBuf,
    /// The fixtures folder (`shared/fixtures`) holding the labelled fixture
    /// pages such as `seed-news-page.html`; a path to a file inside it is
    /// taken for its folder.
    pub fixtures: PathBuf,
    /// Print per-page detail for the worst pages.
    pub verbose: bool,
}

/// Runs every scorer; an `Err` means a corpus is missing or malformed (a
/// page the analysis fails on is not an error: it scores as empty output).
pub fn run(cfg: &EvalConfig) -> Result<Report, String> {
    let start = Instant::now();
    if !cfg.corpus.is_dir() {
        return Err(format!(
            "corpus folder {} not found (expected readability/, trafilatura/, blocks/ in it)",
            cfg.corpus.display()
        ));
    }
    let fixtures = fixtures_dir(&cfg.fixtures);
    let rb = readability::score(&cfg.corpus.join("readability"))?;
    let tf = trafilatura::score(&cfg.corpus.join("trafilatura"))?;
    let bl = blocks::score(
        &cfg.corpus.join("blocks").join("labels.json"),
        &cfg.corpus,
        &fixtures,
    )?;

    let wx = wcxb::score(&cfg.corpus.join("wcxb"))?;
    let blw = blocks::score(
        &cfg.corpus.join("blocks").join("labels-wcxb.json"),
        &cfg.corpus,
        &fixtures,
    )?;

    let mut report = Report {
        readability: ReadabilityScores {
            pages: rb.pages.len(),
            precision: rb.scores.precision,
            recall: rb.scores.recall,
            f1: rb.scores.f1,
            mean_page_f1: rb.scores.mean_page_f1,
        },
        trafilatura: TrafilaturaScores {
            pages: tf.pages.len(),
            counts: tf.counts,
            precision: tf.counts.precision(),
            recall: tf.counts.recall(),
            f1: tf.counts.f1(),
            accuracy: tf.counts.accuracy(),
        },
        blocks: block_scores(&bl),
        wcxb: wcxb_report::WcxbScores::of(&wx),
        blocks_wcxb: block_scores(&blw),
        metadata: rb.metadata,
        failures: [
            rb.failures,
            tf.failures,
            bl.failures,
            wx.failures,
            blw.failures,
        ]
        .concat(),
        detail: None,
        seconds: 0.0,
    };
    if cfg.verbose {
        let mut misclassified = bl.misclassified;
        misclassified.extend(blw.misclassified);
        let mut d = detail(rb.pages, tf.pages, misclassified);
        d.wcxb_pages = wx.pages;
        report.detail = Some(d);
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
}

/// The recall, leak and seed figures of one label file.
fn block_scores(bl: &blocks::Outcome) -> BlockScores {
    let c = &bl.confusion;
    BlockScores {
        pages: bl.pages,
        confusion: *c,
        content_recall: c.recall(declutter::Kind::Content),
        promo_recall: c.recall(declutter::Kind::Promo),
        related_recall: c.recall(declutter::Kind::Related),
        boilerplate_recall: c.recall(declutter::Kind::Boilerplate),
        leaked: bl.leaked,
        leak_candidates: bl.leak_candidates,
        leak: bl.leak(),
        seed_correct: bl.seed_correct,
        seed_total: bl.seed_total,
        related: bl.related,
        related_called_ad: bl.related_called_ad,
        related_called_ad_share: bl.related_called_ad_share(),
    }
}

/// The fixtures folder, also when given the path of a fixture page.
fn fixtures_dir(p: &Path) -> PathBuf {
    if p.is_file() {
        p.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        p.to_path_buf()
    }
}

/// Picks the worst pages and orders the misclassified labels so that one
/// confusion (say promo -> content) reads as one run.
fn detail(
    mut rb: Vec<readability::PageText>,
    mut tf: Vec<trafilatura::PageResult>,
    mut misclassified: Vec<blocks::Misclassified>,
) -> Detail {
    rb.sort_by(|a, b| a.overlap.f1().total_cmp(&b.overlap.f1()));
    rb.truncate(WORST_PAGES);
    tf.retain(|p| p.snippets.counts.errors() > 0);
    tf.sort_by_key(|p| std::cmp::Reverse(p.snippets.counts.errors()));
    tf.truncate(WORST_PAGES);
    let rank = |name: &str| COLUMN_NAMES.iter().position(|&c| c == name);
    misclassified.sort_by(|a, b| {
        (rank(a.labelled), rank(a.predicted), &a.page).cmp(&(
            rank(b.labelled),
            rank(b.predicted),
            &b.page,
        ))
    });
    Detail {
        worst_readability: rb,
        worst_trafilatura: tf,
        misclassified,
        wcxb_pages: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_corpus_is_an_error_naming_it() {
        let err = run(&EvalConfig {
            corpus: PathBuf::from("/no/such/corpus"),
            fixtures: PathBuf::from("/no/such/fixtures"),
            verbose: false,
        })
        .unwrap_err();
        assert!(err.contains("/no/such/corpus"), "{err}");
    }

    #[test]
    fn a_fixture_file_stands_for_its_folder() {
        let file =
            std::env::temp_dir().join(format!("declutter-eval-fx-{}.html", std::process::id()));
        std::fs::write(&file, "<p>x</p>").unwrap();
        let dir = fixtures_dir(&file);
        std::fs::remove_file(&file).ok();
        assert_eq!(dir, std::env::temp_dir());
        assert_eq!(fixtures_dir(Path::new("/a/b")), Path::new("/a/b"));
    }
}
