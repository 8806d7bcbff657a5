//! Speed benchmark: how long `analyze_html` (parsing included) takes per
//! page on one core, and the throughput over all cores.

use super::pages::analyze;
use declutter::Options;
use rayon::prelude::*;
use std::fmt;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to time.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    /// Folder searched recursively for `.html` files (the CLI defaults to
    /// the trafilatura corpus's `html/` folder).
    pub dir: PathBuf,
    /// How many times each page is analysed; a page's time is the median
    /// of its runs, which damps noise from other work on the machine.
    /// 0 counts as 1.
    pub repeat: usize,
}

/// Timings of one benchmark run (per-page figures in milliseconds, one
/// thread).
#[derive(Debug, Clone, Default)]
pub struct BenchReport {
    /// Pages timed.
    pub pages: usize,
    /// Pages the analysis refused (still timed: the work was done).
    pub failed: usize,
    /// Total input size in bytes.
    pub bytes: u64,
    /// Runs per page.
    pub repeat: usize,
    /// Median time per page.
    pub median_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest page.
    pub max_ms: f64,
    /// The slowest page's path.
    pub slowest: Option<PathBuf>,
    /// Pages per second on one core (pages over the sum of their times).
    pub pages_per_sec_one_core: f64,
    /// Pages per second with every core busy (rayon, wall clock).
    pub pages_per_sec_all_cores: f64,
    /// Threads used for the all-core figure.
    pub threads: usize,
}

/// A page's time from its runs: the median (the upper one of an even
/// count); zero for no runs.
pub fn median_run(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or(Duration::ZERO)
}

/// Times every `.html` page under `cfg.dir`.
pub fn run(cfg: &BenchConfig) -> Result<BenchReport, String> {
    let repeat = cfg.repeat.max(1);
    let files = html_files(&cfg.dir)?;
    if files.is_empty() {
        return Err(format!("no .html files under {}", cfg.dir.display()));
    }
    // Read everything first so disk time stays out of the figures.
    let pages: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|p| {
            std::fs::read(&p)
                .map(|b| (p.clone(), b))
                .map_err(|e| format!("cannot read {}: {e}", p.display()))
        })
        .collect::<Result<_, _>>()?;
    let options = Options::default();

    let mut per_page = Vec::with_capacity(pages.len());
    let mut failed = 0;
    for (_, bytes) in &pages {
        let mut runs = Vec::with_capacity(repeat);
        let mut ok = true;
        for _ in 0..repeat {
            let t = Instant::now();
            ok = black_box(analyze(black_box(bytes), &options)).is_ok();
            runs.push(t.elapsed());
        }
        failed += usize::from(!ok);
        per_page.push(median_run(runs));
    }

    let t = Instant::now();
    for _ in 0..repeat {
        pages.par_iter().for_each(|(_, bytes)| {
            black_box(analyze(black_box(bytes), &options)).ok();
        });
    }
    let wall = t.elapsed();

    let slowest_index = per_page
        .iter()
        .enumerate()
        .max_by_key(|(_, d)| **d)
        .map_or(0, |(i, _)| i);
    let timings = Timings::of(&per_page);
    let n = pages.len() as f64;
    Ok(BenchReport {
        pages: pages.len(),
        failed,
        bytes: pages.iter().map(|(_, b)| b.len() as u64).sum(),
        repeat,
        median_ms: timings.median_ms,
        p95_ms: timings.p95_ms,
        p99_ms: timings.p99_ms,
        max_ms: timings.max_ms,
        slowest: pages.get(slowest_index).map(|(p, _)| p.clone()),
        pages_per_sec_one_core: timings.pages_per_sec,
        pages_per_sec_all_cores: per_second(n * repeat as f64, wall),
        threads: rayon::current_num_threads(),
    })
}

/// The one-thread figures of a set of per-page times (each page's time
/// already the median of its runs). Shared by this benchmark and the
/// side-by-side one ([`super::side_by_side`]) so both report the same
/// statistics the same way.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// Median time per page, in milliseconds.
    pub median_ms: f64,
    /// 95th percentile (nearest rank), in milliseconds.
    pub p95_ms: f64,
    /// 99th percentile (nearest rank), in milliseconds.
    pub p99_ms: f64,
    /// Slowest page, in milliseconds.
    pub max_ms: f64,
    /// Pages per second on one core: pages over the sum of their times,
    /// so slow pages weigh as much as they cost.
    pub pages_per_sec: f64,
}

impl Timings {
    /// The figures of `per_page` (in any order); all zero when empty.
    pub fn of(per_page: &[Duration]) -> Self {
        let mut sorted = per_page.to_vec();
        sorted.sort();
        let total: Duration = sorted.iter().sum();
        Timings {
            median_ms: ms(percentile(&sorted, 0.5)),
            p95_ms: ms(percentile(&sorted, 0.95)),
            p99_ms: ms(percentile(&sorted, 0.99)),
            max_ms: ms(sorted.last().copied().unwrap_or(Duration::ZERO)),
            pages_per_sec: per_second(sorted.len() as f64, total),
        }
    }
}

/// Every `.html` file under `dir`, sorted, found without recursion.
pub fn html_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                todo.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html"))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Nearest-rank percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A duration in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `count` per second of `d`; 0 for an empty duration.
pub fn per_second(count: f64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s == 0.0 {
        0.0
    } else {
        count / s
    }
}

impl fmt::Display for BenchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pages {} ({:.1} MB, {} refused), {} run(s) each, one thread",
            self.pages,
            self.bytes as f64 / 1_000_000.0,
            self.failed,
            self.repeat
        )?;
        writeln!(
            f,
            "ms per page: median {:.2}  p95 {:.2}  p99 {:.2}  max {:.2}{}",
            self.median_ms,
            self.p95_ms,
            self.p99_ms,
            self.max_ms,
            self.slowest
                .as_ref()
                .map_or(String::new(), |p| format!(" ({})", p.display()))
        )?;
        write!(
            f,
            "pages/s: {:.0} on one core, {:.0} on {} threads",
            self.pages_per_sec_one_core, self.pages_per_sec_all_cores, self.threads
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn nearest_rank_percentiles() {
        let sorted: Vec<Duration> = (1..=100).map(d).collect();
        assert_eq!(percentile(&sorted, 0.5), d(50));
        assert_eq!(percentile(&sorted, 0.95), d(95));
        assert_eq!(percentile(&sorted, 0.99), d(99));
        assert_eq!(percentile(&[d(7)], 0.99), d(7));
        assert_eq!(percentile(&[], 0.5), Duration::ZERO);
    }

    #[test]
    fn timings_of_unsorted_pages() {
        let t = Timings::of(&[d(30), d(10), d(20), d(40)]);
        assert_eq!(t.median_ms, 20.0);
        assert_eq!((t.p95_ms, t.p99_ms, t.max_ms), (40.0, 40.0, 40.0));
        // 4 pages in 100 ms.
        assert!((t.pages_per_sec - 40.0).abs() < 1e-9);
        assert_eq!(Timings::of(&[]), Timings::default());
    }

    #[test]
    fn finds_html_recursively_and_times_it() {
        let root = std::env::temp_dir().join(format!("declutter-bench-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.html"), "<p>a</p>").unwrap();
        std::fs::write(root.join("sub/b.HTML"), "<p>b</p>").unwrap();
        std::fs::write(root.join("sub/c.txt"), "no").unwrap();
        std::fs::write(root.join("empty.html"), "").unwrap();
        let report = run(&BenchConfig {
            dir: root.clone(),
            repeat: 0,
        });
        std::fs::remove_dir_all(&root).ok();
        let report = report.unwrap();
        assert_eq!((report.pages, report.failed, report.repeat), (3, 1, 1));
        assert!(report.median_ms <= report.p95_ms && report.p95_ms <= report.max_ms);
        assert!(report.to_string().contains("pages 3"));
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let root = std::env::temp_dir().join(format!("declutter-bench-e-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let r = run(&BenchConfig {
            dir: root.clone(),
            repeat: 1,
        });
        std::fs::remove_dir_all(&root).ok();
        assert!(r.is_err());
    }
}
