//! `declutter eval` and `declutter bench`: thin shells over the library's
//! eval module.

use super::fail::{self, Fail};
use declutter_cli::eval::bench::{self, BenchConfig};
use declutter_cli::eval::{self, EvalConfig};
use std::path::{Path, PathBuf};

/// The fixtures folder that goes with a corpus folder: its sibling
/// `fixtures` (`shared/corpus` -> `shared/fixtures`).
pub fn fixtures_for(corpus: &Path) -> PathBuf {
    corpus
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("fixtures")
}

/// Scores the pipeline on the corpus and prints the report; with
/// `wcxb_pages`, also writes every WCXB page's scores there.
pub fn eval(corpus: &Path, verbose: bool, wcxb_pages: Option<&Path>) -> Result<(), Fail> {
    require_dir(corpus, "corpus")?;
    let cfg = EvalConfig {
        corpus: corpus.to_path_buf(),
        fixtures: fixtures_for(corpus),
        verbose: verbose || wcxb_pages.is_some(),
    };
    let mut report = eval::run(&cfg).map_err(|e| Fail::msg("eval", e))?;
    if let Some(path) = wcxb_pages {
        let pages = report
            .detail
            .as_ref()
            .map(|d| eval::wcxb_report::pages_tsv(&d.wcxb_pages))
            .unwrap_or_default();
        std::fs::write(path, pages).map_err(|e| Fail::msg(path.display(), e.to_string()))?;
        if !verbose {
            report.detail = None;
        }
    }
    fail::print(&report.to_string())
}

/// Times the analysis over a folder of pages and prints the report.
pub fn bench(dir: &Path, repeat: usize) -> Result<(), Fail> {
    require_dir(dir, "bench")?;
    let cfg = BenchConfig {
        dir: dir.to_path_buf(),
        repeat,
    };
    let report = bench::run(&cfg).map_err(|e| Fail::msg("bench", e))?;
    fail::print(&report.to_string())
}

/// A missing folder gets a clear message rather than an empty report.
fn require_dir(dir: &Path, what: &str) -> Result<(), Fail> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Fail::msg(
            dir.display(),
            format!("no such folder (the {what} folder; is ../shared beside the repository?)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_sit_beside_the_corpus() {
        assert_eq!(
            fixtures_for(Path::new("../shared/corpus")),
            PathBuf::from("../shared/fixtures")
        );
        assert_eq!(
            fixtures_for(Path::new("corpus")),
            PathBuf::from("./fixtures")
        );
        assert_eq!(fixtures_for(Path::new("/c")), PathBuf::from("/fixtures"));
    }

    #[test]
    fn a_missing_corpus_is_a_clear_error() {
        match eval(Path::new("/no/such/corpus"), false, None) {
            Err(Fail::Msg { subject, message }) => {
                assert_eq!(subject, "/no/such/corpus");
                assert!(message.contains("no such folder"), "{message}");
            }
            other => panic!("expected a message, got {other:?}"),
        }
    }
}
