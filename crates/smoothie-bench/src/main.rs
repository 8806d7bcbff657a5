//! Declutter and dom_smoothie (a Rust port of Readability.js) side by side
//! over the development corpora: one thread, parse included, the engines
//! alternated page by page (see `declutter_cli::eval::side_by_side`).
//!
//!   smoothie-bench [--stages] [CORPUS_DIR] [ROUNDS]
//!
//! CORPUS_DIR defaults to ../shared/corpus, ROUNDS to 3. `--stages` also
//! times each engine's HTML parse alone (in the same alternation), so the
//! analysis is the whole minus the parse. `./build.sh bench` runs it after
//! `declutter bench`.

use declutter_cli::eval::side_by_side::{self, Clock, Engine, Page, SideBySide};
use dom_smoothie::Readability;
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

// The allocator the `declutter` binary ships with; both engines get it,
// so the comparison is of the engines, not of allocators.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Rounds over the pages by default, as `declutter bench` repeats each
/// page: three keep a run over the 2,478 corpus pages near two minutes on
/// this machine while the median of three shrugs off one disturbed run.
const DEFAULT_ROUNDS: usize = 3;

const USAGE: &str = "usage: smoothie-bench [--stages] [CORPUS_DIR] [ROUNDS]";

fn main() -> ExitCode {
    let mut stages = false;
    let mut positional = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stages" => stages = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(arg),
        }
    }
    let corpus = PathBuf::from(positional.first().map_or("../shared/corpus", |s| s));
    let rounds = match positional.get(1).map(|r| r.parse::<usize>()) {
        None => DEFAULT_ROUNDS,
        Some(Ok(r)) if r > 0 && positional.len() == 2 => r,
        Some(_) => {
            eprintln!("smoothie-bench: ROUNDS must be a positive integer\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let pages = match side_by_side::corpus_pages(&corpus) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("smoothie-bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut engines = vec![side_by_side::declutter(), dom_smoothie()];
    if stages {
        engines.extend([declutter_parse(), dom_smoothie_parse()]);
    }
    let report = side_by_side::run(&pages, &mut engines, rounds, |round| {
        eprintln!("smoothie-bench: round {} of {rounds}", round + 1);
    });
    println!("{report}");
    if stages {
        print_stages(&report);
    }
    ExitCode::SUCCESS
}

/// Each engine's mean time per page split into its parse and the rest
/// (engines 2 and 3 are the parses of engines 0 and 1, see `main`).
fn print_stages(report: &SideBySide) {
    for clock in [Clock::Wall, Clock::Cpu] {
        if !report.has(clock) {
            continue;
        }
        println!("stages, mean ms per page ({clock:?} clock):");
        for (whole, parse) in [(0, 2), (1, 3)] {
            let (w, p) = (report.mean_ms(clock, whole), report.mean_ms(clock, parse));
            println!(
                "  {:<14} {:>6.2} = parse {:>5.2} ({:>3.0}%) + analysis and article {:>5.2}",
                report.engines[whole].name,
                w,
                p,
                100.0 * p / w.max(f64::MIN_POSITIVE),
                w - p
            );
        }
    }
}

/// dom_smoothie as its README uses it: `Readability::new` on the page's
/// text (it takes no bytes; the text is decoded before the clock) with the
/// default configuration and no URL (Declutter gets none either), then
/// `parse()`, which builds the article's HTML and text. A panic counts as
/// a refusal so one bad page cannot end the run.
fn dom_smoothie() -> Engine<'static> {
    Engine {
        name: "dom_smoothie",
        run: Box::new(|page: &Page| {
            catch_unwind(AssertUnwindSafe(|| {
                Readability::new(page.text(), None, None)
                    .and_then(|mut r| r.parse())
                    .is_ok()
            }))
            .unwrap_or(false)
        }),
    }
}

/// Declutter's front alone: decoding and the html5ever tree, with the
/// fix-ups done at parse time (`declutter::parse::parse_bytes`).
fn declutter_parse() -> Engine<'static> {
    Engine {
        name: "declutter parse",
        run: Box::new(|page: &Page| declutter::parse::parse_bytes(page.bytes()).is_ok()),
    }
}

/// dom_smoothie's parse alone: the `dom_query` document it builds in
/// `Readability::new`.
fn dom_smoothie_parse() -> Engine<'static> {
    Engine {
        name: "dom_smoothie parse",
        run: Box::new(|page: &Page| {
            black_box(dom_query::Document::from(page.text()));
            true
        }),
    }
}
