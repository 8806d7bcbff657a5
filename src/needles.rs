//! Whether a text holds any of a few short ASCII literals, in one pass.
//!
//! `needles.iter().any(|n| text.contains(n))` sets up a substring searcher
//! per needle and scans the text once per needle. In the browser's wasm
//! that was about 5% of the analysis on corpus pages: every link's address
//! was scanned eighteen times for ad servers and affiliate tags (Chromium
//! sampling profile, 100 trafilatura pages, issue 15). Here one pass looks
//! up each pair of adjacent bytes in a table of the needles' first two
//! bytes and compares only the needles that start with that pair.

/// A set of needles, built at compile time from one or more lists: each
/// needle is at least two bytes of ASCII, matched case-sensitively
/// (callers lower-case the text first).
pub struct Needles {
    lists: &'static [&'static [&'static str]],
    /// One bit per (first byte, second byte) class of a needle's start:
    /// the low five bits of each byte, so letters never share a class
    /// with letters.
    starts: [u64; 16],
}

/// The table slot of a pair of bytes.
const fn slot(a: u8, b: u8) -> usize {
    ((a & 31) as usize) << 5 | (b & 31) as usize
}

impl Needles {
    /// The needles of all `lists`; panics (at compile time, in a
    /// `static`) on a needle shorter than two bytes or not ASCII.
    pub const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        let mut starts = [0u64; 16];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let n = lists[l][i].as_bytes();
                assert!(n.len() >= 2, "a needle has at least two bytes");
                let mut j = 0;
                while j < n.len() {
                    assert!(n[j].is_ascii(), "needles are ASCII");
                    j += 1;
                }
                let s = slot(n[0], n[1]);
                starts[s >> 6] |= 1 << (s & 63);
                i += 1;
            }
            l += 1;
        }
        Needles { lists, starts }
    }

    /// Whether `text` contains any of the needles.
    pub fn in_text(&self, text: &str) -> bool {
        let hay = text.as_bytes();
        for i in 1..hay.len() {
            let s = slot(hay[i - 1], hay[i]);
            if self.starts[s >> 6] & (1 << (s & 63)) != 0 {
                let rest = &hay[i - 1..];
                let starts_here = |n: &&str| rest.starts_with(n.as_bytes());
                if self.lists.iter().any(|list| list.iter().any(starts_here)) {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: Needles =
        Needles::new(&[&["doubleclick.", "/aclk?", "tag="], &["ko-fi.com/", "ad"]]);

    /// What `any(contains)` over the set's lists says.
    fn contains_any(set: &Needles, t: &str) -> bool {
        set.lists
            .iter()
            .flat_map(|l| l.iter())
            .any(|n| t.contains(n))
    }

    #[test]
    fn finds_what_contains_finds() {
        let texts = [
            "",
            "a",
            "ad",
            "https://ad.doubleclick.net/x",
            "https://example.com/story?tag=abc-20",
            "https://example.com/aclk?sa=1",
            "https://ko-fi.com/someone",
            "https://ko-fi.co/someone",
            "https://example.com/read",
            "https://example.com/rea",
            "TAG=",
            "\u{e9}t\u{e9} tag",
            "\u{1f600}ad\u{1f600}",
            "/aclk",
            "doubleclick",
        ];
        for t in texts {
            let expected = contains_any(&SET, t);
            assert_eq!(SET.in_text(t), expected, "{t:?}");
        }
    }

    #[test]
    fn every_byte_pair_agrees_with_contains() {
        // Every two-byte text: the table's classes never miss a needle's
        // start, whatever bytes share its slot.
        static SHORT: Needles = Needles::new(&[&["ad", "/a", "n."]]);
        for a in 0u8..128 {
            for b in 0u8..128 {
                let t = String::from_utf8(vec![b'x', a, b, b'y']).expect("ASCII");
                let expected = contains_any(&SHORT, &t);
                assert_eq!(SHORT.in_text(&t), expected, "{t:?}");
            }
        }
    }
}
