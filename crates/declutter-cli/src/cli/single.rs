//! `declutter extract` and `declutter blocks`: one page to stdout.

use super::args::ExtractFormat;
use super::fail::{self, Fail};
use super::{input, render};
use std::path::Path;

/// Prints the article of one page in `format`.
pub fn extract(file: &Path, url: Option<&str>, format: ExtractFormat) -> Result<(), Fail> {
    let analysis = input::analyze(file, url)?;
    let text =
        render::extract(&analysis, format).map_err(|e| Fail::msg(input::display_name(file), e))?;
    fail::print(&text)
}

/// Prints the labelled blocks of one page as JSON.
pub fn blocks(file: &Path, url: Option<&str>) -> Result<(), Fail> {
    let analysis = input::analyze(file, url)?;
    let json =
        render::blocks_json(&analysis).map_err(|e| Fail::msg(input::display_name(file), e))?;
    fail::print(&json)
}
