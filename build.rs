//! Compiles the cue word lists (src/cues/lists.rs) into byte-form
//! NFAs in OUT_DIR, one forward NFA per part of a list (its patterns that
//! count runs of characters apart, src/cues/split.rs), which src/cues/mod.rs loads
//! with `include_bytes!` (and reverses, src/cues/reverse.rs): the browser then pays
//! no regex parse or compile on first use (issue 15) and the wasm carries
//! neither the regex parser nor its Unicode tables for the cues.

use regex_automata::nfa::thompson::{self, WhichCaptures, NFA};
use regex_automata::util::syntax;

#[path = "src/cues/nfa_codec.rs"]
mod nfa_codec;
#[path = "src/cues/pattern.rs"]
mod pattern;
#[path = "src/cues/required.rs"]
mod required;
#[path = "src/cues/split.rs"]
mod split;

macro_rules! cue_lists {
    ($( $(#[$doc:meta])* $name:ident, anchored = $anchored:expr, [$($p:expr),* $(,)?]; )*) => {
        const LISTS: &[(&str, bool, &[&str])] = &[ $( (stringify!($name), $anchored, &[$($p),*]) ),* ];
    };
}
include!("src/cues/lists.rs");

/// The forward NFA `regex::Regex::new` builds for `pattern` (Unicode and
/// UTF-8 mode, the default syntax), without capture states.
fn compile(pattern: &str) -> NFA {
    thompson::Compiler::new()
        .syntax(syntax::Config::new())
        .configure(
            thompson::Config::new()
                .utf8(true)
                .which_captures(WhichCaptures::None),
        )
        .build(pattern)
        .unwrap_or_else(|e| panic!("cue pattern does not compile: {e}"))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/cues/lists.rs");
    println!("cargo:rerun-if-changed=src/cues/nfa_codec.rs");
    println!("cargo:rerun-if-changed=src/cues/pattern.rs");
    println!("cargo:rerun-if-changed=src/cues/required.rs");
    println!("cargo:rerun-if-changed=src/cues/split.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, anchored, patterns) in LISTS {
        // Two parts (src/cues/split.rs); an empty part is two empty files.
        let (main, apart) = split::split(patterns);
        for (part, suffix) in [(main, ""), (apart, ".apart")] {
            let (fwd, check) = if part.is_empty() {
                (Vec::new(), Vec::new())
            } else {
                (
                    nfa_codec::encode(&compile(&pattern::list_pattern(&part, *anchored))),
                    required::list_literals(&part).map_or_else(Vec::new, |l| check_bytes(&l)),
                )
            };
            let file = |ext: &str| out.join(format!("cue_{name}{suffix}.{ext}"));
            std::fs::write(file("fwd"), fwd).expect("OUT_DIR is writable");
            std::fs::write(file("lit"), check).expect("OUT_DIR is writable");
        }
    }
}

/// A list's literals in the form src/cues/prefilter.rs loads: the window
/// width (the shortest literal's length, at most `required::MAX_WINDOW`),
/// then each literal as its length, its window's offset and its bytes.
fn check_bytes(literals: &[String]) -> Vec<u8> {
    let shortest = literals.iter().map(String::len).min().unwrap_or(0);
    let width = shortest.min(required::MAX_WINDOW);
    let mut keyed: Vec<(&[u8], usize)> = literals
        .iter()
        .map(|lit| {
            let bytes = lit.as_bytes();
            // The window of rarest bytes: fewer texts hold it by chance.
            let offset = (0..=bytes.len() - width)
                .max_by_key(|&at| required::rarity(&bytes[at..at + width]))
                .unwrap_or(0);
            (bytes, offset)
        })
        .collect();
    // By window, as the check looks them up (it packs a window's bytes
    // big-endian, so byte order is key order).
    keyed.sort_by_key(|&(bytes, offset)| &bytes[offset..offset + width]);
    let mut out = vec![u8::try_from(width).expect("a small window")];
    for (bytes, offset) in keyed {
        out.push(u8::try_from(bytes.len()).expect("a cue literal is short"));
        out.push(u8::try_from(offset).expect("a cue literal is short"));
        out.extend(bytes);
    }
    out
}
