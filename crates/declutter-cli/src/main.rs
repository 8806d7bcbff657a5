//! The `declutter` command-line tool: extract one page, list its blocks,
//! process many pages in parallel, score and time the pipeline.

mod cli {
    pub mod args;
    pub mod batch;
    pub mod fail;
    pub mod input;
    pub mod paths;
    pub mod render;
    pub mod scoring;
    pub mod single;
    pub mod urlmap;
}

// The analysis allocates many small strings and nodes; mimalloc makes the
// native tool measurably faster than the system allocator (`declutter bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::fail::Fail;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => fail.exit(),
    }
}

/// Runs one subcommand.
fn run(command: Command) -> Result<(), Fail> {
    match command {
        Command::Extract { url, format, file } => {
            purge_soon();
            cli::single::extract(&file, url.as_deref(), format)
        }
        Command::Blocks { url, file } => {
            purge_soon();
            cli::single::blocks(&file, url.as_deref())
        }
        Command::Batch {
            out,
            format,
            url_map,
            inputs,
        } => cli::batch::run(&cli::batch::Request {
            out: &out,
            format,
            url_map: url_map.as_deref(),
            inputs: &inputs,
        }),
        Command::Eval {
            corpus,
            verbose,
            wcxb_pages,
        } => cli::scoring::eval(&corpus, verbose, wcxb_pages.as_deref()),
        Command::Bench { dir, repeat } => cli::scoring::bench(&dir, repeat),
    }
}

/// mimalloc's `mi_option_purge_delay` (the same index in its v2 and v3
/// headers, `mimalloc.h`); the crate declares no constant for it.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

extern "C" {
    /// Sets a mimalloc option (`mimalloc.h`), linked in by the `mimalloc`
    /// crate.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Gives memory the analysis frees back to the system after 10 ms, for
/// the commands that analyse one page. mimalloc holds freed memory for a
/// second by default, so one page's successive stages (the parse's arena,
/// the segmentation, the article's copy) each added to the resident peak:
/// on a 1000x1000 table `declutter extract` peaked at 575-596 MB resident
/// for a ~400 MB live peak, 446 MB with this (issue 15). At 0 ms the peak
/// is the same but 300 ordinary corpus pages, one process each, took 3 ms
/// more CPU a page (6.3 s against 5.2-5.4 s); at 10 ms they take what they
/// took. The commands that analyse many pages (batch, eval, bench) keep
/// the default, which reuses the memory between pages.
fn purge_soon() {
    // SAFETY: a plain setter of a process-wide option; purging early is
    // always sound.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

/// How long freed memory waits before it goes back (see [`purge_soon`]).
const PURGE_DELAY_MS: std::ffi::c_long = 10;
