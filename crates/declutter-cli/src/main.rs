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
            cli::single::extract(&file, url.as_deref(), format)
        }
        Command::Blocks { url, file } => cli::single::blocks(&file, url.as_deref()),
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
