//! Which patterns of a cue list build.rs compiles apart from the rest: those
//! that count a run of characters (`(?:[^ ]{1,30} ){0,3}`). In one lazy DFA
//! with the list's other patterns, every page text explored new states of
//! their counters crossed with the others': building states was about 9% of
//! the analysis and most of the promo lists' search, and a 16 or 256 MB
//! cache barely changed it (issue 15, perf on the side-by-side bench).
//! Apart, their counters cross only each other's.
//!
//! src/cues/mod.rs searches both parts and takes the match that starts
//! first, the main part's when both start at the same place. That is the
//! whole list's leftmost-first match as long as no main pattern listed
//! after a counting one can match where it starts (the whole list would
//! then prefer the counting one): [`split`] keeps such a pattern in the main
//! part, judging by the literals every match of each starts with.
//!
//! build.rs includes this file; the unit tests below check it.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// The least maximum of a counted repeat that moves its pattern apart:
/// the word-length counters (`{1,20}`, `{1,30}`, `{2,40}`), not `\d{1,2}`.
const MIN_COUNT: u32 = 20;

/// `patterns` as the main part and the counting part, each in list order.
pub fn split<'a>(patterns: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let hirs: Vec<Hir> = patterns.iter().map(|p| parse(p)).collect();
    let mut apart: Vec<bool> = hirs.iter().map(counts).collect();
    // Moving one back can make an earlier one's start ambiguous: repeat
    // until none moves.
    loop {
        let clash = (0..patterns.len()).find(|&i| {
            apart[i]
                && (i + 1..patterns.len()).any(|j| !apart[j] && may_start_alike(&hirs[i], &hirs[j]))
        });
        match clash {
            Some(i) => apart[i] = false,
            None => break,
        }
    }
    let part = |want: bool| {
        patterns
            .iter()
            .zip(&apart)
            .filter(|&(_, &a)| a == want)
            .map(|(p, _)| *p)
            .collect()
    };
    (part(false), part(true))
}

/// The pattern as build.rs compiles it, case-sensitive: the literals are
/// compared lower-cased, not expanded into their case variants.
fn parse(pattern: &str) -> Hir {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(&super::pattern::ascii_boundaries(pattern))
        .unwrap_or_else(|e| panic!("cue pattern {pattern:?} does not parse: {e}"))
}

/// Whether `hir` counts a run of at least `MIN_COUNT`.
fn counts(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => r.max.is_some_and(|m| m >= MIN_COUNT) || counts(&r.sub),
        HirKind::Capture(c) => counts(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(counts),
        _ => false,
    }
}

/// Whether a match of `a` and one of `b` may start at the same place:
/// false only when every literal a match of one starts with differs,
/// case-insensitively, from every one of the other's before either ends.
fn may_start_alike(a: &Hir, b: &Hir) -> bool {
    let (Some(a), Some(b)) = (prefixes(a), prefixes(b)) else {
        return true;
    };
    a.iter()
        .any(|x| b.iter().any(|y| x.starts_with(y) || y.starts_with(x)))
}

/// The literals, lower-cased, one of which every match of `hir` starts
/// with, or `None` when there is no such finite set.
fn prefixes(hir: &Hir) -> Option<Vec<String>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let literals = seq.literals()?;
    Some(
        literals
            .iter()
            .map(|l| fold(&String::from_utf8_lossy(l.as_bytes())))
            .collect(),
    )
}

/// `s` as case-insensitive matching compares it: lower case, and the two
/// characters outside ASCII that match ASCII letters (the long s and the
/// Kelvin sign, src/cues/required.rs) as those letters.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .replace('\u{17f}', "s")
        .replace('\u{212a}', "k")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_patterns_go_apart_in_order() {
        let (main, apart) = split(&[
            r"\bbuy now\b",
            r"\bkeep (?:[^ ]{1,30} ){1,3}free\b",
            r"\bfree shipping\b",
            r"^the (?:[^ ]{1,20} ){1,4}issue\b",
        ]);
        assert_eq!(main, [r"\bbuy now\b", r"\bfree shipping\b"]);
        assert_eq!(
            apart,
            [
                r"\bkeep (?:[^ ]{1,30} ){1,3}free\b",
                r"^the (?:[^ ]{1,20} ){1,4}issue\b"
            ]
        );
    }

    #[test]
    fn a_counting_pattern_a_later_one_may_start_alike_stays() {
        // "Keep Up ..." may start a match of both: the whole list prefers
        // the first, a split search the main part's.
        let (main, apart) = split(&[r"\bkeep (?:[^ ]{1,30} ){1,3}free\b", r"\bKEEP up\b"]);
        assert_eq!(main.len(), 2);
        assert!(apart.is_empty());
        // Listed before, the main one wins either way.
        let (main, apart) = split(&[r"\bkeep up\b", r"\bkeep (?:[^ ]{1,30} ){1,3}free\b"]);
        assert_eq!((main.len(), apart.len()), (1, 1));
        // Different first words never start alike; no literal start (a
        // class) may start like anything.
        let (_, apart) = split(&[
            r"\bkeep (?:[^ ]{1,30} ){1,3}free\b",
            r"\bfollow (?:us )?on\b",
        ]);
        assert_eq!(apart.len(), 1);
        let (_, apart) = split(&[r"\bkeep (?:[^ ]{1,30} ){1,3}free\b", r"\w+ now"]);
        assert!(apart.is_empty());
    }

    #[test]
    fn moving_one_back_can_move_an_earlier_one_back() {
        let (main, apart) = split(&[
            r"^add(?:[^ ]{1,30} )as",
            r"^adding (?:[^ ]{1,30} )to",
            r"^adding more",
        ]);
        assert_eq!(main.len(), 3, "{apart:?}");
    }
}
