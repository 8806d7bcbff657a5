//! Times the analysis over a folder of pages.
//!
//! STUB: placeholder so the CLI's `bench` subcommand compiles; the eval
//! module's author replaces this file with the real benchmark (keeping
//! these signatures).

use std::fmt;
use std::path::PathBuf;

/// What to time.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    /// The folder of pages.
    pub dir: PathBuf,
    /// How many times each page is analysed.
    pub repeat: usize,
}

/// The timings of one run (STUB: empty).
#[derive(Debug, Clone, Default)]
pub struct BenchReport {}

impl fmt::Display for BenchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(no timings yet)")
    }
}

/// Runs the benchmark (STUB: always fails with "not implemented").
pub fn run(_cfg: &BenchConfig) -> Result<BenchReport, String> {
    Err("not implemented".to_string())
}
