//! Side-by-side speed benchmark: several extraction engines over the same
//! corpus pages on one thread, parse included, so that their pages per
//! second can be compared (issue 15: Declutter at 1.5x dom_smoothie's).
//!
//! The engines themselves are closures given by the caller: this crate
//! knows only Declutter, and the comparison engine (dom_smoothie) lives in
//! `crates/smoothie-bench`, a workspace of its own, so that neither the
//! main build nor the test command ever compiles it. What is here, the
//! corpus loading, the alternation and the statistics, is engine-blind and
//! tested with fake engines.

use super::bench::{html_files, median_run, ms, per_second, Timings};
use super::pages::analyze;
use super::wcxb::read_page;
use declutter::Options;
use std::fmt;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// The corpora, in the order they are loaded and reported.
pub const CORPORA: [&str; 3] = ["trafilatura", "readability", "wcxb"];

/// One corpus page, held in memory so disk and gunzip time stay out of
/// the figures.
#[derive(Debug, Clone)]
pub struct Page {
    /// Which corpus (one of [`CORPORA`]).
    pub corpus: &'static str,
    /// The page's file, relative to the corpus folder.
    pub name: String,
    /// The page as text, for engines that take a string. Invalid UTF-8 is
    /// replaced (U+FFFD) once, before any timing: an engine that takes
    /// text gets it decoded for free, which only favours that engine.
    text: String,
    /// The original bytes, kept only when they are not UTF-8 (else they
    /// are `text`'s bytes), so a page is held once, not twice.
    raw: Option<Vec<u8>>,
}

impl Page {
    /// A page from its bytes as read from disk.
    pub fn new(corpus: &'static str, name: impl Into<String>, bytes: Vec<u8>) -> Self {
        let (text, raw) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let bytes = e.into_bytes();
                (String::from_utf8_lossy(&bytes).into_owned(), Some(bytes))
            }
        };
        Page {
            corpus,
            name: name.into(),
            text,
            raw,
        }
    }

    /// The page as read from disk, for engines that decode it themselves.
    pub fn bytes(&self) -> &[u8] {
        self.raw.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// The page as text (see the field's note on invalid UTF-8).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the bytes were not UTF-8, so [`Page::text`] differs from them.
    pub fn was_not_utf8(&self) -> bool {
        self.raw.is_some()
    }
}

/// Loads every page of the corpora found under `corpus` (the
/// `shared/corpus` folder): `trafilatura/html/*.html`,
/// `readability/*/source.html` (not the `expected.html` beside it) and
/// `wcxb/html/*.html.gz`, gunzipped here. A corpus whose folder is absent
/// is left out (the report names the corpora it ran on); no page at all is
/// an error.
pub fn corpus_pages(corpus: &Path) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    let trafilatura = corpus.join("trafilatura").join("html");
    if trafilatura.is_dir() {
        for path in html_files(&trafilatura)? {
            let bytes = read_page(&path)?;
            pages.push(Page::new("trafilatura", relative(&path, corpus), bytes));
        }
    }
    let readability = corpus.join("readability");
    if readability.is_dir() {
        let mut sources: Vec<_> = std::fs::read_dir(&readability)
            .map_err(|e| format!("cannot list {}: {e}", readability.display()))?
            .filter_map(|e| e.ok().map(|e| e.path().join("source.html")))
            .filter(|p| p.is_file())
            .collect();
        sources.sort();
        for path in sources {
            let bytes = read_page(&path)?;
            pages.push(Page::new("readability", relative(&path, corpus), bytes));
        }
    }
    let wcxb = corpus.join("wcxb").join("html");
    if wcxb.is_dir() {
        let mut gz: Vec<_> = std::fs::read_dir(&wcxb)
            .map_err(|e| format!("cannot list {}: {e}", wcxb.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
            .collect();
        gz.sort();
        for path in gz {
            let bytes = read_page(&path)?;
            pages.push(Page::new("wcxb", relative(&path, corpus), bytes));
        }
    }
    if pages.is_empty() {
        return Err(format!(
            "no pages under {} (looked for trafilatura/html/*.html, readability/*/source.html, wcxb/html/*.html.gz)",
            corpus.display()
        ));
    }
    Ok(pages)
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// An engine under test: its name and what it does with one page, parse
/// included, down to the article and dropping it. Returns whether it
/// produced an article (a refusal is still timed: the work was done).
pub struct Engine<'a> {
    /// The name printed in the report.
    pub name: &'static str,
    /// Extracts one page's article.
    pub run: Box<dyn FnMut(&Page) -> bool + 'a>,
}

/// Declutter as `declutter bench` times it: `analyze_html` on the page's
/// bytes (decoding, parse, analysis and the article), the result dropped
/// inside the clock as any caller's would be.
pub fn declutter() -> Engine<'static> {
    let options = Options::default();
    Engine {
        name: "declutter",
        run: Box::new(move |page: &Page| analyze(page.bytes(), &options).is_ok()),
    }
}

/// Which clock a figure is read from.
///
/// Both are kept because the machine this runs on is shared: with two
/// cores and a load of 4 (another build running), wall-clock times came
/// out 1.5x the process's CPU time (smoothie-bench, one round: 26 s of
/// user time in 42 s). Alternation spreads that waiting over both engines
/// alike, but the thread's own CPU time leaves it out altogether, so the
/// two clocks agreeing on the ratio is the check that load did not sway it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Elapsed time (`Instant`), what a caller waits.
    Wall,
    /// The thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`): time the engine
    /// actually ran, whatever else the machine did.
    Cpu,
}

/// One engine's results: each page's median time, and its refusals.
#[derive(Debug, Clone)]
pub struct EngineResult {
    /// The engine's name.
    pub name: &'static str,
    /// Each page's median wall-clock time over the rounds, in page order.
    pub per_page: Vec<Duration>,
    /// Each page's median thread CPU time over the rounds, in page order;
    /// empty where the platform has no thread CPU clock.
    pub per_page_cpu: Vec<Duration>,
    /// Pages the engine refused (in the last round).
    pub refused: usize,
}

/// The outcome of [`run`]: per-engine times over the same pages.
#[derive(Debug, Clone)]
pub struct SideBySide {
    /// Each page's corpus, in page order.
    pub corpora: Vec<&'static str>,
    /// Pages whose bytes were not UTF-8 (text engines got them with
    /// U+FFFD replacements).
    pub not_utf8: usize,
    /// Rounds over the pages.
    pub repeat: usize,
    /// One entry per engine, in the order given; the first is the
    /// reference the ratios are stated against.
    pub engines: Vec<EngineResult>,
}

/// Times every engine on every page, `repeat` rounds (0 counts as 1).
///
/// Within a round each page is run by every engine in turn, and the engine
/// that goes first rotates with the page and the round: a burst of load
/// from other work on the shared machine then hits all engines alike, and
/// no engine always finds the page already in the CPU caches from the one
/// before it. A page's time is the median of its rounds, which damps
/// what noise remains. `progress` is told the round about to start.
pub fn run(
    pages: &[Page],
    engines: &mut [Engine<'_>],
    repeat: usize,
    mut progress: impl FnMut(usize),
) -> SideBySide {
    let repeat = repeat.max(1);
    let n = engines.len();
    // runs[engine][page]: that engine's times on that page, one per round.
    let mut runs = vec![vec![Vec::with_capacity(repeat); pages.len()]; n];
    let mut cpu_runs = runs.clone();
    let cpu_clock = thread_cpu_time().is_some();
    let mut refused = vec![0; n];
    for round in 0..repeat {
        progress(round);
        refused.iter_mut().for_each(|r| *r = 0);
        for (i, page) in pages.iter().enumerate() {
            for k in 0..n {
                let e = (k + i + round) % n;
                let cpu = thread_cpu_time();
                let t = Instant::now();
                let ok = black_box((engines[e].run)(black_box(page)));
                runs[e][i].push(t.elapsed());
                if let (Some(before), Some(after)) = (cpu, thread_cpu_time()) {
                    cpu_runs[e][i].push(after.saturating_sub(before));
                }
                refused[e] += usize::from(!ok);
            }
        }
    }
    SideBySide {
        corpora: pages.iter().map(|p| p.corpus).collect(),
        not_utf8: pages.iter().filter(|p| p.was_not_utf8()).count(),
        repeat,
        engines: engines
            .iter()
            .zip(runs.into_iter().zip(cpu_runs))
            .zip(refused)
            .map(|((engine, (runs, cpu_runs)), refused)| EngineResult {
                name: engine.name,
                per_page: runs.into_iter().map(median_run).collect(),
                per_page_cpu: if cpu_clock {
                    cpu_runs.into_iter().map(median_run).collect()
                } else {
                    Vec::new()
                },
                refused,
            })
            .collect(),
    }
}

/// CPU time the calling thread has used so far; `None` where the clock is
/// missing (then only wall-clock figures are reported).
fn thread_cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec for the call.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return Some(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32));
        }
    }
    None
}

/// How much faster `fast` is than `slow` over the same pages, two ways:
/// the ratio of pages per second (total time of `slow` over that of
/// `fast`, so slow pages weigh as much as they cost), and the median over
/// pages of `slow`'s time over `fast`'s (what a typical page sees). Both
/// are above 1 when `fast` is faster. Pages timed at zero are left out of
/// the median.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Speedup {
    /// `fast`'s pages per second over `slow`'s.
    pub pages_per_sec: f64,
    /// Median of the per-page time ratios `slow / fast`.
    pub median_page: f64,
}

impl Speedup {
    /// The speedup of `fast` over `slow`, the two slices in page order.
    pub fn of(fast: &[Duration], slow: &[Duration]) -> Self {
        let n = fast.len() as f64;
        let fast_rate = per_second(n, fast.iter().sum());
        let slow_rate = per_second(n, slow.iter().sum());
        let mut ratios: Vec<f64> = fast
            .iter()
            .zip(slow)
            .filter(|(f, _)| !f.is_zero())
            .map(|(f, s)| s.as_secs_f64() / f.as_secs_f64())
            .collect();
        ratios.sort_by(f64::total_cmp);
        Speedup {
            pages_per_sec: if slow_rate == 0.0 {
                0.0
            } else {
                fast_rate / slow_rate
            },
            median_page: median_f64(&ratios),
        }
    }
}

/// The median of sorted values (the mean of the middle two of an even
/// count: a ratio's median should not lean to either engine); 0 if empty.
fn median_f64(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

impl SideBySide {
    /// The pages of one corpus (or all, for `None`), as page indices.
    fn indices(&self, corpus: Option<&str>) -> Vec<usize> {
        (0..self.corpora.len())
            .filter(|&i| corpus.is_none_or(|c| self.corpora[i] == c))
            .collect()
    }

    /// Whether there are figures on `clock`.
    pub fn has(&self, clock: Clock) -> bool {
        clock == Clock::Wall || self.engines.iter().all(|e| !e.per_page_cpu.is_empty())
    }

    /// Engine `e`'s times on `clock` on the pages `idx`.
    fn times(&self, clock: Clock, e: usize, idx: &[usize]) -> Vec<Duration> {
        let per_page = match clock {
            Clock::Wall => &self.engines[e].per_page,
            Clock::Cpu => &self.engines[e].per_page_cpu,
        };
        idx.iter()
            .filter_map(|&i| per_page.get(i).copied())
            .collect()
    }

    /// The speedup of the first engine over engine `e` on `clock`, over the
    /// pages of `corpus` (or all).
    pub fn speedup(&self, clock: Clock, e: usize, corpus: Option<&str>) -> Speedup {
        let idx = self.indices(corpus);
        Speedup::of(&self.times(clock, 0, &idx), &self.times(clock, e, &idx))
    }

    /// Engine `e`'s figures on `clock` over the pages of `corpus` (or all).
    pub fn timings(&self, clock: Clock, e: usize, corpus: Option<&str>) -> Timings {
        Timings::of(&self.times(clock, e, &self.indices(corpus)))
    }

    /// Engine `e`'s mean time per page on `clock` over all pages, in
    /// milliseconds: the one-core throughput as a time, which adds up
    /// across stages (a whole minus its parse is its analysis) where
    /// medians do not.
    pub fn mean_ms(&self, clock: Clock, e: usize) -> f64 {
        let t = self.times(clock, e, &self.indices(None));
        if t.is_empty() {
            0.0
        } else {
            ms(t.iter().sum()) / t.len() as f64
        }
    }

    /// The engines' table on `clock`, then the first engine's speedup over
    /// the second, overall and per corpus.
    fn write_clock(
        &self,
        f: &mut fmt::Formatter<'_>,
        clock: Clock,
        present: &[&str],
    ) -> fmt::Result {
        writeln!(
            f,
            "{:<20} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8}",
            match clock {
                Clock::Wall => "wall clock",
                Clock::Cpu => "thread CPU time",
            },
            "pages/s",
            "median",
            "p95",
            "p99",
            "max ms",
            "refused"
        )?;
        for (e, engine) in self.engines.iter().enumerate() {
            let t = self.timings(clock, e, None);
            writeln!(
                f,
                "  {:<18} {:>8.0} {:>8.2} {:>8.2} {:>8.2} {:>9.1} {:>8}",
                engine.name,
                t.pages_per_sec,
                t.median_ms,
                t.p95_ms,
                t.p99_ms,
                t.max_ms,
                engine.refused
            )?;
        }
        // The ratios against the second engine only: any further engines
        // are stages or variants, listed in the table for the reader.
        let (Some(first), Some(other)) = (self.engines.first(), self.engines.get(1)) else {
            return Ok(());
        };
        let s = self.speedup(clock, 1, None);
        writeln!(
            f,
            "  {} / {}: {:.2}x pages/s; median per-page time ratio ({} ms / {} ms) {:.2}x",
            first.name, other.name, s.pages_per_sec, other.name, first.name, s.median_page
        )?;
        writeln!(
            f,
            "    {:<12} {:>6} {:>10} {:>10} {:>9} {:>10}",
            "corpus", "pages", "median ms", "vs ms", "pages/s x", "per-page x"
        )?;
        for c in present {
            let s = self.speedup(clock, 1, Some(c));
            writeln!(
                f,
                "    {:<12} {:>6} {:>10.2} {:>10.2} {:>9.2} {:>10.2}",
                c,
                self.indices(Some(c)).len(),
                self.timings(clock, 0, Some(c)).median_ms,
                self.timings(clock, 1, Some(c)).median_ms,
                s.pages_per_sec,
                s.median_page
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for SideBySide {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let present: Vec<&str> = CORPORA
            .iter()
            .copied()
            .filter(|c| self.corpora.contains(c))
            .collect();
        let counts: Vec<String> = present
            .iter()
            .map(|c| format!("{c} {}", self.indices(Some(c)).len()))
            .collect();
        writeln!(
            f,
            "side by side, one thread, parse included: {} pages ({}), {} round(s), engines alternated page by page",
            self.corpora.len(),
            counts.join(", "),
            self.repeat
        )?;
        if self.not_utf8 > 0 {
            writeln!(
                f,
                "({} pages not UTF-8: text engines got them decoded lossily before the clock)",
                self.not_utf8
            )?;
        }
        self.write_clock(f, Clock::Wall, &present)?;
        if self.has(Clock::Cpu) {
            self.write_clock(f, Clock::Cpu, &present)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn d(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn a_page_keeps_its_bytes_and_gives_text() {
        let utf8 = Page::new("wcxb", "a", "é<p>".as_bytes().to_vec());
        assert_eq!((utf8.text(), utf8.bytes()), ("é<p>", "é<p>".as_bytes()));
        assert!(!utf8.was_not_utf8());
        let latin1 = Page::new("wcxb", "b", vec![b'<', 0xE9, b'>']);
        assert_eq!(latin1.bytes(), &[b'<', 0xE9, b'>']);
        assert_eq!(latin1.text(), "<\u{FFFD}>");
        assert!(latin1.was_not_utf8());
    }

    #[test]
    fn declutter_runs_on_the_bytes() {
        let mut engine = declutter();
        assert!((engine.run)(&Page::new("wcxb", "a", b"<p>hi</p>".to_vec())));
        assert!(!(engine.run)(&Page::new("wcxb", "b", b"   ".to_vec())));
    }

    #[test]
    fn speedup_two_ways() {
        // Pages 1 and 2 twice as fast, page 3 as slow as the other engine:
        // total 40 ms against 70 ms.
        let fast = [d(10), d(10), d(20)];
        let slow = [d(20), d(30), d(20)];
        let s = Speedup::of(&fast, &slow);
        assert!((s.pages_per_sec - 70.0 / 40.0).abs() < 1e-9);
        assert_eq!(s.median_page, 2.0);
        // An even count takes the mean of the middle two ratios.
        let s = Speedup::of(&[d(10), d(10)], &[d(10), d(30)]);
        assert_eq!(s.median_page, 2.0);
        // Zero times are left out, not divided by.
        let s = Speedup::of(&[Duration::ZERO], &[d(5)]);
        assert_eq!(s.median_page, 0.0);
        assert_eq!(Speedup::of(&[], &[]).pages_per_sec, 0.0);
    }

    #[test]
    fn engines_alternate_and_every_page_is_run_each_round() {
        let pages: Vec<Page> = ["a", "b", "c"]
            .iter()
            .zip(["trafilatura", "readability", "wcxb"])
            .map(|(n, c)| Page::new(c, *n, format!("<p>{n}</p>").into_bytes()))
            .collect();
        let log = RefCell::new(Vec::new());
        let mut rounds = Vec::new();
        let mut engines = [
            Engine {
                name: "one",
                run: Box::new(|p: &Page| {
                    log.borrow_mut().push(("one", p.name.clone()));
                    true
                }),
            },
            Engine {
                name: "two",
                run: Box::new(|p: &Page| {
                    log.borrow_mut().push(("two", p.name.clone()));
                    p.name != "b"
                }),
            },
        ];
        let out = run(&pages, &mut engines, 2, |r| rounds.push(r));
        drop(engines);
        let log = log.into_inner();
        assert_eq!(rounds, [0, 1]);
        // 3 pages x 2 engines x 2 rounds.
        assert_eq!(log.len(), 12);
        // Who goes first rotates with the page and with the round.
        let firsts: Vec<&str> = log.chunks(2).map(|pair| pair[0].0).collect();
        assert_eq!(firsts, ["one", "two", "one", "two", "one", "two"]);
        assert!(log.chunks(2).all(|pair| pair[0].1 == pair[1].1));
        assert_eq!(out.engines.len(), 2);
        assert_eq!(out.engines[0].per_page.len(), 3);
        assert_eq!(
            out.engines[1].per_page_cpu.len(),
            if cfg!(unix) { 3 } else { 0 }
        );
        assert_eq!(out.has(Clock::Cpu), cfg!(unix));
        assert_eq!((out.engines[0].refused, out.engines[1].refused), (0, 1));
        assert_eq!(out.repeat, 2);
        let report = out.to_string();
        assert!(report.contains("3 pages (trafilatura 1, readability 1, wcxb 1)"));
        assert!(report.contains("one / two:"));
        assert!(report.contains("wall clock"));
        assert_eq!(report.contains("thread CPU time"), cfg!(unix));
    }

    #[test]
    fn means_add_up_across_stages() {
        let engine = |name, wall: &[u64], cpu: &[u64]| EngineResult {
            name,
            per_page: wall.iter().map(|&m| d(m)).collect(),
            per_page_cpu: cpu.iter().map(|&m| d(m)).collect(),
            refused: 0,
        };
        let out = SideBySide {
            corpora: vec!["wcxb", "wcxb"],
            not_utf8: 0,
            repeat: 1,
            engines: vec![
                engine("whole", &[10, 30], &[8, 20]),
                engine("parse", &[4, 6], &[]),
            ],
        };
        assert_eq!(out.mean_ms(Clock::Wall, 0), 20.0);
        assert_eq!(out.mean_ms(Clock::Cpu, 0), 14.0);
        assert_eq!(
            out.mean_ms(Clock::Wall, 0) - out.mean_ms(Clock::Wall, 1),
            15.0
        );
        // One engine without CPU times: no CPU figures at all.
        assert!(!out.has(Clock::Cpu));
        assert_eq!(out.mean_ms(Clock::Cpu, 1), 0.0);
    }

    #[test]
    fn loads_the_three_corpora_and_only_source_pages() {
        use std::io::Write;
        let root = std::env::temp_dir().join(format!("declutter-sbs-{}", std::process::id()));
        std::fs::create_dir_all(root.join("trafilatura/html")).unwrap();
        std::fs::create_dir_all(root.join("readability/001")).unwrap();
        std::fs::create_dir_all(root.join("wcxb/html")).unwrap();
        std::fs::write(root.join("trafilatura/html/t.html"), "<p>t</p>").unwrap();
        std::fs::write(root.join("readability/001/source.html"), "<p>s</p>").unwrap();
        std::fs::write(root.join("readability/001/expected.html"), "<p>e</p>").unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>w</p>").unwrap();
        std::fs::write(root.join("wcxb/html/0001.html.gz"), gz.finish().unwrap()).unwrap();
        let pages = corpus_pages(&root);
        let empty = corpus_pages(&root.join("none"));
        std::fs::remove_dir_all(&root).ok();
        let pages = pages.unwrap();
        let got: Vec<(&str, &str)> = pages.iter().map(|p| (p.corpus, p.text())).collect();
        assert_eq!(
            got,
            [
                ("trafilatura", "<p>t</p>"),
                ("readability", "<p>s</p>"),
                ("wcxb", "<p>w</p>")
            ]
        );
        assert!(empty.is_err());
    }
}
