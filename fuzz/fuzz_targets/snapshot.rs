//! What the browser front hands the core: a DOM snapshot (`ops` + `strings`,
//! see `src/snapshot.rs`) through `analyze_snapshot`.
//!
//! Raw bytes read as `u32` ops would almost never form a valid stream, so
//! the input is decoded into one; the first byte picks how:
//! - odd: the rest is an HTML page, parsed and encoded as the browser walker
//!   would, then cut short at a point the first byte's other bits choose
//!   (seeded from the corpus pages, this reaches real page shapes);
//! - even: the rest is a small program of opens, texts and closes over word
//!   lists of tags, attributes and texts the classifier reacts to, with runs
//!   of thousands of nested elements and the odd garbage op, so the fuzzer
//!   reaches deep and broken trees quickly.
#![no_main]

#[path = "../../tests/pathological/snapshot_input.rs"]
mod snapshot_input;

use declutter::{analyze_snapshot, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((ops, strings, with_url)) = snapshot_input::decode(data) else {
        return;
    };
    let options = if with_url {
        Options::with_url("https://news.example.com/a/b.html").expect("a valid URL")
    } else {
        Options::default()
    };
    if let Ok((analysis, built)) = analyze_snapshot(&ops, &strings, &options) {
        for block in &analysis.blocks {
            for &node in &block.nodes {
                let _ = built.index(node);
            }
        }
    }
});
