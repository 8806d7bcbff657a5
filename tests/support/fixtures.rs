//! The small fixture pages under `tests/fixtures/`, one per behaviour:
//! reading one at an address, and asking which kind of block holds a
//! snippet (engine_fixtures.rs, promo_fixtures.rs, main_content.rs).

use declutter::{analyze_html, Analysis, Kind, Options};
use std::path::Path;

/// Analyses `tests/fixtures/{dir}/{name}` as if served at `url`.
pub fn analyse_at(dir: &str, name: &str, url: &str) -> Analysis {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    analyze_html(&bytes, &Options::with_url(url).unwrap()).unwrap()
}

/// The kind of the first block holding `snippet`; a failure listing every
/// block when none does.
#[allow(dead_code)] // main_content.rs asks about the article, not kinds
pub fn kind_of(a: &Analysis, snippet: &str) -> Kind {
    a.blocks
        .iter()
        .find(|b| b.text.contains(snippet))
        .map(|b| b.kind)
        .unwrap_or_else(|| {
            let all: Vec<(Kind, &str)> =
                a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
            panic!("no block holds {snippet:?}: {all:?}")
        })
}
