//! `declutter batch`: many pages on all cores, one output file each.

use super::args::BatchFormat;
use super::fail::{self, Fail};
use super::urlmap::UrlMap;
use super::{input, paths, render};
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, IsTerminal};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `batch` was asked to do.
#[derive(Debug)]
pub struct Request<'a> {
    /// The output folder.
    pub out: &'a Path,
    /// What to write per page.
    pub format: BatchFormat,
    /// The optional file of page URLs.
    pub url_map: Option<&'a Path>,
    /// Files and folders as given.
    pub inputs: &'a [PathBuf],
}

/// One unit of work, in input order.
#[derive(Debug)]
enum Job {
    /// A page to analyse, and where its output goes under the output folder.
    Page { input: PathBuf, output: PathBuf },
    /// An input that failed before analysis; reported in its place.
    Failed(Fail),
}

/// Runs a batch. Failing pages do not stop it: they are all reported at the
/// end, one line each, and the batch then fails as a whole.
pub fn run(req: &Request) -> Result<(), Fail> {
    let start = Instant::now();
    let urls = match req.url_map {
        Some(path) => load_url_map(path)?,
        None => UrlMap::default(),
    };
    fs::create_dir_all(req.out).map_err(|e| {
        Fail::msg(
            req.out.display(),
            format!("cannot create output folder: {e}"),
        )
    })?;

    let jobs = plan(paths::expand(req.inputs), req.format);
    let bar = progress_bar(jobs.len());
    let results: Vec<Result<(), Fail>> = jobs
        .into_par_iter()
        .map(|job| {
            let result = match job {
                Job::Page { input, output } => guarded(&input, || {
                    page(&input, &output, req.out, urls.get(&input), req.format)
                }),
                Job::Failed(fail) => Err(fail),
            };
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();

    let pages = results.len();
    let failures: Vec<Fail> = results.into_iter().filter_map(Result::err).collect();
    for f in &failures {
        f.report();
    }
    fail::print(&summary(
        pages,
        failures.len(),
        start.elapsed().as_secs_f64(),
    ))?;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Fail::Reported)
    }
}

/// Reads the URL map; a map that cannot be read stops the batch before it
/// starts, as every page would be resolved against the wrong address.
fn load_url_map(path: &Path) -> Result<UrlMap, Fail> {
    let text = fs::read_to_string(path)
        .map_err(|e| Fail::msg(path.display(), format!("cannot read URL map: {e}")))?;
    UrlMap::parse(&text).map_err(|e| Fail::msg(path.display(), format!("bad URL map: {e}")))
}

/// Turns the expanded inputs into jobs: output paths are fixed here, in one
/// thread, so two inputs that mirror to the same output are caught instead
/// of racing to overwrite each other.
fn plan(found: Vec<paths::Found>, format: BatchFormat) -> Vec<Job> {
    let mut taken: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut jobs = Vec::with_capacity(found.len());
    for f in found {
        let input = match f {
            Ok(input) => input,
            Err((path, message)) => {
                jobs.push(Job::Failed(Fail::msg(path.display(), message)));
                continue;
            }
        };
        if input::is_stdin(&input) {
            let fail = Fail::msg(input::STDIN_NAME, "batch reads files, not standard input");
            jobs.push(Job::Failed(fail));
            continue;
        }
        let Some(output) = paths::mirror(&input, format.extension()) else {
            let fail = Fail::msg(
                input.display(),
                "no file name to mirror in the output folder",
            );
            jobs.push(Job::Failed(fail));
            continue;
        };
        match taken.get(&output) {
            // The same page named twice (a file and its folder): do it once.
            Some(first) if same_file(first, &input) => {}
            Some(first) => {
                let message = format!(
                    "its output {} is already taken by {}",
                    output.display(),
                    first.display()
                );
                jobs.push(Job::Failed(Fail::msg(input.display(), message)));
            }
            None => {
                taken.insert(output.clone(), input.clone());
                jobs.push(Job::Page { input, output });
            }
        }
    }
    jobs
}

/// Whether two paths name one file (`a/p.html` and `./a/p.html`).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Analyses one page and writes its output.
fn page(
    input: &Path,
    output: &Path,
    out: &Path,
    url: Option<&str>,
    format: BatchFormat,
) -> Result<(), Fail> {
    let analysis = input::analyze(input, url)?;
    let mut text = render::batch(&analysis, format).map_err(|e| Fail::msg(input.display(), e))?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    paths::write_inside(out, output, &text).map_err(|e| Fail::msg(input.display(), e))
}

/// Runs `work` for one page so that a bug tripped by one page costs that page,
/// not the other thousand.
fn guarded(input: &Path, work: impl FnOnce() -> Result<(), Fail>) -> Result<(), Fail> {
    panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(Fail::msg(
            input.display(),
            "internal error: the analysis panicked on this page",
        ))
    })
}

/// A progress bar on stderr, or a hidden one when stderr is not a terminal
/// (logs and pipes get the summary only).
fn progress_bar(len: usize) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {rate}  eta {eta}")
    {
        // indicatif's own {per_sec} prints four decimals; whole pages will do.
        bar.set_style(
            style.with_key("rate", |state: &ProgressState, w: &mut dyn fmt::Write| {
                let _ = write!(w, "{:.0} pages/s", state.per_sec());
            }),
        );
    }
    bar
}

/// The closing line: pages, failures, elapsed time and throughput.
fn summary(pages: usize, failures: usize, seconds: f64) -> String {
    let rate = if seconds > 0.0 {
        pages as f64 / seconds
    } else {
        0.0
    };
    format!("{pages} pages, {failures} failed, {seconds:.2} s, {rate:.1} pages/s")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs(jobs: &[Job]) -> Vec<Result<String, String>> {
        jobs.iter()
            .map(|j| match j {
                Job::Page { output, .. } => Ok(output.display().to_string()),
                Job::Failed(Fail::Msg { subject, .. }) => Err(subject.clone()),
                Job::Failed(other) => Err(format!("{other:?}")),
            })
            .collect()
    }

    #[test]
    fn colliding_outputs_fail_and_repeats_are_done_once() {
        let found = vec![
            Ok(PathBuf::from("a/p.html")),
            Ok(PathBuf::from("a/p.html")),
            Ok(PathBuf::from("a/p.htm")),
            Ok(PathBuf::from("../a/p.html")),
            Ok(PathBuf::from("-")),
            Err((PathBuf::from("empty"), "no pages".to_string())),
            Ok(PathBuf::from("b/q.html")),
        ];
        let jobs = plan(found, BatchFormat::Blocks);
        assert_eq!(
            outputs(&jobs),
            vec![
                Ok("a/p.blocks.json".to_string()),
                Err("a/p.htm".to_string()),
                Err("../a/p.html".to_string()),
                Err("<stdin>".to_string()),
                Err("empty".to_string()),
                Ok("b/q.blocks.json".to_string()),
            ]
        );
    }

    #[test]
    fn a_panicking_page_becomes_a_failure() {
        let result = guarded(Path::new("p.html"), || panic!("boom"));
        match result {
            Err(Fail::Msg { subject, message }) => {
                assert_eq!(subject, "p.html");
                assert!(message.contains("panicked"));
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn the_summary_gives_counts_time_and_rate() {
        assert_eq!(
            summary(10, 1, 2.0),
            "10 pages, 1 failed, 2.00 s, 5.0 pages/s"
        );
        assert_eq!(summary(0, 0, 0.0), "0 pages, 0 failed, 0.00 s, 0.0 pages/s");
    }
}
