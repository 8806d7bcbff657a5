//! The literals a cue list's every match contains, found by build.rs from
//! the patterns' syntax trees, so that a text holding none of them is
//! known not to match without running (or even loading) the list's
//! automata (src/cues/prefilter.rs). On the seed page the first analysis
//! spent 8 of its 14 ms natively loading the lists' automata and most of
//! the rest building the lazy DFAs' states for texts that held no cue
//! (issue 15, first use).
//!
//! A literal is written as the text check compares it: ASCII letters in
//! lower case (the lists are case-insensitive) and no character that has
//! another case, which the check could not fold; such a character ends the
//! literal there. build.rs includes this file; the unit tests below check
//! it against the syntax trees regex-syntax builds.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// The shortest literal worth checking: a list with a shorter one gets no
/// check (a one-byte literal is in nearly every text).
pub const MIN_LITERAL: usize = 2;

/// The longest window the text check keys on (src/cues/prefilter.rs packs
/// a window into a `u32`). Only build.rs reads it; the unit tests build
/// this file without it.
#[cfg_attr(test, allow(dead_code))]
pub const MAX_WINDOW: usize = 4;

/// Literals one of which is in every text a list's patterns match, or
/// `None` when some pattern has no literal of at least `MIN_LITERAL`
/// bytes every match of it contains.
pub fn list_literals(patterns: &[&str]) -> Option<Vec<String>> {
    let mut all = Vec::new();
    for p in patterns {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&super::pattern::ascii_boundaries(p))
            .unwrap_or_else(|e| panic!("cue pattern {p:?} does not parse: {e}"));
        let set = required(&hir)?;
        if set.iter().any(|l| l.len() < MIN_LITERAL) {
            return None;
        }
        all.extend(set);
    }
    all.sort();
    all.dedup();
    Some(all)
}

/// A set of literals one of which every match of `hir` contains, or
/// `None` when there is no such set.
fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(lit) => best_run(&String::from_utf8_lossy(&lit.0)).map(|l| vec![l]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(alts) => {
            let mut union = Vec::new();
            for alt in alts {
                union.extend(required(alt)?);
            }
            Some(union)
        }
        HirKind::Concat(parts) => {
            // Adjacent literals read as one; then the part whose literals
            // make the best key (`score`) stands for the whole.
            let mut best: Option<Vec<String>> = None;
            let mut run = String::new();
            let consider = |set: Option<Vec<String>>, best: &mut Option<Vec<String>>| {
                if let Some(set) = set {
                    if best.as_ref().is_none_or(|b| score(&set) > score(b)) {
                        *best = Some(set);
                    }
                }
            };
            for part in parts {
                if let HirKind::Literal(lit) = part.kind() {
                    run.push_str(&String::from_utf8_lossy(&lit.0));
                    continue;
                }
                consider(
                    best_run(&std::mem::take(&mut run)).map(|l| vec![l]),
                    &mut best,
                );
                consider(required(part), &mut best);
            }
            consider(best_run(&run).map(|l| vec![l]), &mut best);
            best
        }
        _ => None,
    }
}

/// How good a key a set of literals makes: none shorter than
/// `MIN_LITERAL`; then the more common its most common literal, the more
/// texts hold one by chance (" the " from "get the print edition" passed
/// nearly every paragraph); then the fewer literals, the better.
fn score(set: &[String]) -> (bool, u32, std::cmp::Reverse<usize>) {
    let long = set.iter().all(|l| l.len() >= MIN_LITERAL);
    let commonest = set.iter().map(|l| rarity(l.as_bytes())).min().unwrap_or(0);
    (long, commonest, std::cmp::Reverse(set.len()))
}

/// How rarely text holds `bytes`, in tenths of a bit: the sum of its
/// bytes' information in English text (-log2 of their frequency: a space
/// 2.5 bits, e 3.0, z 10.5), anything else (digits, punctuation, bytes of
/// other scripts) 8 bits.
pub fn rarity(bytes: &[u8]) -> u32 {
    // Letter frequencies in English, per 10,000 letters, and a space
    // as one character in six.
    const FREQUENCY: [u32; 26] = [
        817, 149, 278, 425, 1270, 223, 202, 609, 697, 15, 77, 403, 241, 675, 751, 193, 10, 599,
        633, 906, 276, 98, 236, 15, 197, 7,
    ];
    bytes
        .iter()
        .map(|&b| match b {
            b' ' => 25,
            b'a'..=b'z' => {
                let f = f64::from(FREQUENCY[usize::from(b - b'a')]) / 10_000.0 * (5.0 / 6.0);
                (-f.log2() * 10.0) as u32
            }
            _ => 80,
        })
        .sum()
}

/// The longest piece of `s` the text check can compare: lower-cased ASCII
/// and characters with no other case.
fn best_run(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_ascii() && !caseless(c))
        .max_by_key(|piece| piece.len())
        .filter(|piece| !piece.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Whether case-insensitive matching matches `c` only to itself.
pub fn caseless(c: char) -> bool {
    folds(c) == [c]
}

/// Every character case-insensitive matching takes for `c` (regex-syntax's
/// simple case folding, the one the lists are compiled with).
pub fn folds(c: char) -> Vec<char> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class
        .ranges()
        .iter()
        .flat_map(|r| r.start()..=r.end())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(patterns: &[&str]) -> Option<Vec<String>> {
        list_literals(patterns)
    }

    #[test]
    fn every_pattern_gives_its_required_literal() {
        assert_eq!(
            lits(&[r"\bsign up (?:for|to)\b"]),
            Some(vec!["sign up ".into()])
        );
        assert_eq!(
            lits(&["[^ ]{1,30}(?: [^ ]{1,30}){0,3} (?:sponsored|promoted)"]),
            Some(vec!["promoted".into(), "sponsored".into()])
        );
        assert_eq!(
            lits(&[r"(?:^|[\s_-])ads?(?:$|[\s_-])", "advert"]),
            Some(vec!["ad".into(), "advert".into()])
        );
        // A character with another case ends the literal; one without
        // (CJK) is kept.
        assert_eq!(
            lits(&[r"^weitere beiträge"]),
            Some(vec!["weitere beitr".into()])
        );
        assert_eq!(lits(&["^相关"]), Some(vec!["相关".into()]));
    }

    #[test]
    fn a_pattern_without_a_literal_leaves_the_list_unchecked() {
        assert_eq!(lits(&["advert", r"\d+ ?%"]), None);
        assert_eq!(lits(&["advert", "a"]), None);
        assert_eq!(lits(&["advert", r"(?:sponsored)?"]), None);
    }

    #[test]
    fn only_k_and_s_fold_to_a_character_outside_ascii() {
        for c in ('a'..='z').chain('A'..='Z') {
            let beyond: Vec<char> = folds(c).into_iter().filter(|f| !f.is_ascii()).collect();
            let expected: &[char] = match c.to_ascii_lowercase() {
                'k' => &['\u{212a}'],
                's' => &['\u{17f}'],
                _ => &[],
            };
            assert_eq!(beyond, expected, "{c}");
        }
    }
}
