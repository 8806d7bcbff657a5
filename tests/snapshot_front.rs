//! The native twin of the browser agreement test: every corpus page parsed
//! by html5ever, written out as the browser walker would (`snapshot::encode`)
//! and rebuilt by the snapshot front must give exactly the blocks the HTML
//! front gives. It checks the Rust side of the snapshot path without a
//! browser; `crates/declutter-wasm/tests/web_agreement.rs` checks the
//! browser's side.
#![cfg(all(feature = "encoding", not(target_arch = "wasm32")))]

#[path = "support/agreement.rs"]
mod agreement;

#[path = "support/shared.rs"]
mod shared;
use agreement::{compare, pairs, report, CorpusAgreement};
use declutter::{analyze_html, analyze_snapshot, parse, snapshot, Options};
use shared::shared;
use std::path::{Path, PathBuf};

/// The two fronts hand the core the same tree up to script and style
/// bodies, which the core never reads as text: every block must agree.
const SNAPSHOT_FLOOR: f64 = 1.0;

/// The pages of one corpus, sorted so reports are stable.
fn pages(dir: &Path, file: Option<&str>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .map(|p| match file {
            Some(f) => p.join(f),
            None => p,
        })
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn tally(name: &str, files: &[PathBuf], root: &Path) -> CorpusAgreement {
    let mut corpus = CorpusAgreement::new(name);
    let options = Options::default();
    for file in files {
        let page = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        let bytes = std::fs::read(file).expect("a corpus page");
        let html = match analyze_html(&bytes, &options) {
            Ok(a) => a,
            Err(e) => {
                corpus.failures.push(format!("{page}: html front: {e}"));
                continue;
            }
        };
        let doc = parse::parse_bytes(&bytes).expect("parsed once already");
        let (ops, strings) = snapshot::encode(&doc);
        match analyze_snapshot(&ops, &strings, &options) {
            Ok((snap, _)) => {
                corpus
                    .pages
                    .push(compare(&page, &pairs(&html.blocks), &pairs(&snap.blocks)))
            }
            Err(e) => corpus.failures.push(format!("{page}: snapshot front: {e}")),
        }
    }
    corpus
}

#[test]
fn the_snapshot_front_gives_the_html_fronts_blocks_on_every_page() {
    let root = shared();
    let corpora = [
        tally("fixtures", &pages(&root.join("fixtures"), None), &root),
        tally(
            "readability",
            &pages(&root.join("corpus/readability"), Some("source.html")),
            &root,
        ),
        tally(
            "trafilatura",
            &pages(&root.join("corpus/trafilatura/html"), None),
            &root,
        ),
    ];
    let text = report(&corpora, 10);
    println!("{text}");
    assert!(
        corpora[1].pages.len() >= 100 && corpora[2].pages.len() >= 900,
        "{text}"
    );
    assert!(
        corpora[0].pages.iter().all(|p| p.matched == p.total),
        "{text}"
    );
    for c in &corpora {
        assert!(c.failures.is_empty(), "{text}");
        assert!(
            c.ratio() >= SNAPSHOT_FLOOR,
            "{} below {SNAPSHOT_FLOOR}\n{text}",
            c.name
        );
    }
}
