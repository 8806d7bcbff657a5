//! The check that a text holds one of the literals every match of a cue
//! list contains (found by build.rs, src/cues/required.rs). Most texts hold
//! none, so their search, and the list's load, never happen: the automata
//! are built on the first text that passes, and the lazy DFA builds states
//! only for such texts (issue 15: loading and warming the lists was most
//! of a fresh instance's first analysis).
//!
//! The check keys on one window of each literal (a few bytes, packed in a
//! `u32`): a rolling window over the text, ASCII letters folded to lower
//! case, is looked up in a bit set, and a hit is confirmed against the
//! whole literal. Case-insensitive matching also takes two characters
//! outside ASCII for ASCII letters (the Kelvin sign for k, the long s for
//! s; required.rs's tests check there are no others): a text with either
//! skips the check.

/// Bits in a list's window set: with the longest list's 153 windows, about
/// one window in 27 of a text that holds no literal needs the sorted
/// lookup.
const BITS: usize = 4096;

/// One list's literals and the index over their windows.
pub struct Prefilter {
    /// Bytes in a window.
    width: usize,
    /// Bytes in the shortest literal: a shorter text holds none.
    shortest: usize,
    /// One bit per hash of a literal's window.
    bits: Box<[u64; BITS / 64]>,
    /// Each literal's window and the literal's index, by window.
    keys: Box<[(u32, u16)]>,
    /// Each literal (lower case) and where its window starts in it.
    literals: Box<[(&'static [u8], usize)]>,
}

impl Prefilter {
    /// The check build.rs wrote for a list, or `None` for a list it found
    /// no literals for (an empty file). Format: the window width, then each
    /// literal as its length, its window's offset and its bytes, by window
    /// (sorted by build.rs: a sort here brought a second instance of the
    /// standard sort into the wasm, 10 KB).
    pub fn load(data: &'static [u8]) -> Option<Self> {
        let (&width, mut rest) = data.split_first()?;
        let width = usize::from(width);
        let mut literals = Vec::new();
        while let [len, offset, tail @ ..] = rest {
            let (literal, after) = tail.split_at(usize::from(*len));
            literals.push((literal, usize::from(*offset)));
            rest = after;
        }
        let mut bits = Box::new([0u64; BITS / 64]);
        let keys: Vec<(u32, u16)> = literals
            .iter()
            .enumerate()
            .map(|(i, &(lit, offset))| {
                let key = lit[offset..offset + width]
                    .iter()
                    .fold(0u32, |k, &b| k << 8 | u32::from(b));
                let h = hash(key);
                bits[h / 64] |= 1 << (h % 64);
                (key, u16::try_from(i).expect("a list has few literals"))
            })
            .collect();
        // Unsorted keys would hide literals from the lookup: no check then.
        if !keys.is_sorted() {
            return None;
        }
        let shortest = literals.iter().map(|l| l.0.len()).min()?;
        Some(Prefilter {
            width,
            shortest,
            bits,
            keys: keys.into(),
            literals: literals.into(),
        })
    }

    /// Whether `text` may match the list: false only when it holds none of
    /// the list's literals.
    pub fn may_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        if b.len() < self.shortest {
            return false;
        }
        let mask = u32::MAX >> (32 - 8 * self.width);
        let mut key = 0u32;
        for (i, &byte) in b.iter().enumerate() {
            // Only the two lead bytes of those characters: testing every
            // byte from 0xC5 up tested most bytes of CJK text.
            if (byte == 0xC5 || byte == 0xE2) && folds_to_ascii(&b[i..]) {
                return true;
            }
            key = (key << 8 | u32::from(byte.to_ascii_lowercase())) & mask;
            if i + 1 >= self.width && self.hit(key) && self.confirm(b, i + 1 - self.width, key) {
                return true;
            }
        }
        false
    }

    fn hit(&self, key: u32) -> bool {
        let h = hash(key);
        self.bits[h / 64] & (1 << (h % 64)) != 0
    }

    /// Whether a literal whose window is `key` lies around the window
    /// starting at `at`.
    fn confirm(&self, b: &[u8], at: usize, key: u32) -> bool {
        let first = self.keys.partition_point(|&(k, _)| k < key);
        self.keys[first..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .any(|&(_, i)| {
                let (literal, offset) = self.literals[usize::from(i)];
                at.checked_sub(offset)
                    .and_then(|start| b.get(start..start + literal.len()))
                    .is_some_and(|s| s.eq_ignore_ascii_case(literal))
            })
    }
}

/// A window's bit: the top bits of a multiplicative hash.
fn hash(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize % BITS
}

/// Whether `b` starts with the long s or the Kelvin sign, which
/// case-insensitive matching takes for s and k.
fn folds_to_ascii(b: &[u8]) -> bool {
    b.starts_with("\u{17f}".as_bytes()) || b.starts_with("\u{212a}".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A check over `literals` (lower case) keyed on windows of `width`
    /// starting at each literal's start, in build.rs's format.
    fn check(width: u8, literals: &[&str]) -> Prefilter {
        let mut data = vec![width];
        let mut literals = literals.to_vec();
        literals.sort_by_key(|l| &l.as_bytes()[..usize::from(width)]);
        for l in literals {
            data.extend([l.len() as u8, 0]);
            data.extend(l.as_bytes());
        }
        Prefilter::load(Box::leak(data.into_boxed_slice())).expect("a check")
    }

    #[test]
    fn a_text_passes_only_with_a_literal_in_any_case() {
        let p = check(4, &["sign up ", "newsletter"]);
        assert!(p.may_match("Please SIGN UP for more"));
        assert!(p.may_match("our Newsletter"));
        assert!(!p.may_match("sign in to read the news letter"));
        assert!(!p.may_match(""));
        assert!(!p.may_match("sign"));
        // The window is in the text but the literal is cut by its end.
        assert!(!p.may_match("x sign up"));
    }

    #[test]
    fn short_windows_and_text_outside_ascii() {
        let p = check(2, &["ad", "相关"]);
        assert!(p.may_match("header"));
        assert!(p.may_match("AD"));
        assert!(p.may_match("更多相关新闻"));
        assert!(!p.may_match("相 关"));
        // The long s and the Kelvin sign match s and k case-insensitively:
        // a text holding either is searched.
        assert!(p.may_match("\u{17f}"));
        assert!(p.may_match("x\u{212a}"));
        assert!(!p.may_match("Ŀ"));
    }

    #[test]
    fn an_empty_file_or_unsorted_windows_are_no_check() {
        assert!(Prefilter::load(&[]).is_none());
        assert!(Prefilter::load(b"\x02\x02\x00zz\x02\x00aa").is_none());
    }
}
