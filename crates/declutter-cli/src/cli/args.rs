//! The command line, as clap reads it.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Where the development corpora live when no `--corpus` is given: the
/// shared folder sits beside the repository.
pub const DEFAULT_CORPUS: &str = "../shared/corpus";

/// What `bench` times when no folder is given: the trafilatura corpus's
/// 990 real pages, the set the speed targets are stated on.
pub const DEFAULT_BENCH_DIR: &str = "../shared/corpus/trafilatura/html";

/// How many times `bench` runs each page by default: enough to smooth out
/// timer noise without making a run over the whole corpus slow.
pub const DEFAULT_BENCH_REPEAT: usize = 3;

/// Splits news pages into content, promo, related and boilerplate blocks and
/// extracts a clean article.
#[derive(Debug, Parser)]
#[command(name = "declutter", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extracts the article of one page.
    Extract {
        /// The page's address, for resolving relative links and images.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// What to print.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// The HTML file, or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Prints the page's labelled blocks as JSON, in document order.
    Blocks {
        /// The page's address, for resolving relative links and images.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// The HTML file, or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Processes many pages in parallel, one output file per page under DIR.
    Batch {
        /// The folder receiving the outputs; input paths are mirrored in it.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// What to write for each page.
        #[arg(long, value_enum, default_value_t = BatchFormat::Text)]
        format: BatchFormat,
        /// A file giving each page's URL: lines `PATH URL`, or a JSON object
        /// `{"PATH": "URL"}`, or trafilatura's `{"URL": {"file": PATH}}`.
        #[arg(long, value_name = "FILE")]
        url_map: Option<PathBuf>,
        /// HTML files, and folders searched recursively for *.html / *.htm.
        #[arg(value_name = "FILE", required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Scores the pipeline on the development corpora.
    Eval {
        /// The corpus folder; its sibling `fixtures` folder holds the seed page.
        #[arg(long, value_name = "DIR", default_value = DEFAULT_CORPUS)]
        corpus: PathBuf,
        /// Print per-page detail for the worst pages.
        #[arg(long)]
        verbose: bool,
        /// Also write every WCXB page's scores to FILE, one tab-separated
        /// line per page (type, word F1, precision, recall, words
        /// extracted, words expected, id, URL), worst first per type.
        #[arg(long, value_name = "FILE")]
        wcxb_pages: Option<PathBuf>,
    },
    /// Measures how fast pages are analysed.
    Bench {
        /// The folder of pages to time.
        #[arg(value_name = "DIR", default_value = DEFAULT_BENCH_DIR)]
        dir: PathBuf,
        /// How many times each page is analysed.
        #[arg(long, value_name = "N", default_value_t = DEFAULT_BENCH_REPEAT,
              value_parser = parse_repeat)]
        repeat: usize,
    },
}

/// A repeat count: a whole number of at least one.
fn parse_repeat(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("'{s}' is not a whole number of at least 1")),
    }
}

/// What `extract` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// The article as plain text.
    Text,
    /// The article as clean HTML.
    Html,
    /// The article as Markdown.
    Markdown,
    /// The article and its metadata as JSON.
    Json,
}

/// What `batch` writes for each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// The article as plain text (`.txt`).
    Text,
    /// The article and its metadata as JSON (`.json`).
    Json,
    /// The labelled blocks as JSON (`.blocks.json`).
    Blocks,
}

impl BatchFormat {
    /// The extension replacing the input's, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            BatchFormat::Text => "txt",
            BatchFormat::Json => "json",
            BatchFormat::Blocks => "blocks.json",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bench_refuses_zero_repeats() {
        assert!(Cli::try_parse_from(["declutter", "bench", "--repeat", "0"]).is_err());
        let cli = Cli::try_parse_from(["declutter", "bench"]).unwrap();
        match cli.command {
            Command::Bench { dir, repeat } => {
                assert_eq!(dir, PathBuf::from(DEFAULT_BENCH_DIR));
                assert_eq!(repeat, DEFAULT_BENCH_REPEAT);
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn batch_needs_an_input() {
        assert!(Cli::try_parse_from(["declutter", "batch", "--out", "o"]).is_err());
    }
}
