//! Scores the whole pipeline on the development corpora in `shared/corpus`.

pub mod bench;

use std::fmt;
use std::path::PathBuf;

/// Which corpora to score and where they are.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    /// The `corpus` folder (holding `readability/`, `trafilatura/`, `blocks/`).
    pub corpus: PathBuf,
    /// The seed fixture page (`shared/fixtures/seed-news-page.html`).
    pub fixtures: PathBuf,
    /// Print per-page detail for the worst pages.
    pub verbose: bool,
}

/// All scores of one run.
#[derive(Debug, Clone, Default)]
pub struct Report {}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(no scores yet)")
    }
}

/// Runs every scorer (placeholder).
pub fn run(_cfg: &EvalConfig) -> Result<Report, String> {
    Ok(Report::default())
}
