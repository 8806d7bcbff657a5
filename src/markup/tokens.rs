//! The tokenizer: tags with their attributes, text, comments, in one pass
//! over the bytes (every delimiter is ASCII, so slicing between them stays
//! on UTF-8 boundaries). It follows the HTML tokenizer's rules where they
//! decide what a tag and its attributes are (quotes, `=` and `/` in odd
//! places, a tag cut off by the end of the input is dropped, the first of
//! two attributes of one name wins) and leaves out what small fragments do
//! not need (script escapes, the full table of named references).

use std::borrow::Cow;
use std::collections::HashSet;

/// An attribute list, names lower-case, values with references decoded.
pub type Attrs = crate::dom::Attrs;

/// Above this many attributes on one tag, duplicates are found through a
/// set instead of a scan of the ones before (a hostile tag of thousands
/// would make the scan quadratic).
const SCAN_DUPLICATES_UP_TO: usize = 16;

/// Whether an element's content is text up to its end tag.
pub fn is_raw_text(name: &str) -> bool {
    crate::tag_sets::raw_text(name)
}

/// One token of the input.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    /// A start tag: lower-case name, attributes, and whether it ends in `/>`.
    Start {
        /// Lower-case tag name.
        name: Box<str>,
        /// Its attributes, in order.
        attrs: Attrs,
        /// Written `<name ... />`.
        self_closing: bool,
    },
    /// An end tag's lower-case name.
    End(Box<str>),
    /// Character data, references decoded.
    Text(Cow<'a, str>),
    /// A comment (or a bogus one: `<?...>`, `</ ...>`).
    Comment,
    /// A `<!DOCTYPE ...>`.
    Doctype,
}

/// The tokens of `input`, in order. Linear in the input's length whatever
/// it holds.
pub struct Tokens<'a> {
    src: &'a str,
    pos: usize,
    /// After a raw-text start tag: its name, until its text is emitted.
    raw: Option<Box<str>>,
}

impl<'a> Tokens<'a> {
    /// Starts at the beginning of `src`.
    pub fn new(src: &'a str) -> Self {
        Tokens {
            src,
            pos: 0,
            raw: None,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn peek(&self, at: usize) -> Option<u8> {
        self.bytes().get(at).copied()
    }

    /// The text of a raw-text element: up to `</name` followed by a space,
    /// `/` or `>` (any case), or the end of the input.
    fn raw_text(&mut self, name: &str) -> Option<Token<'a>> {
        let b = self.bytes();
        let start = self.pos;
        let mut i = start;
        let end = loop {
            let Some(off) = b[i..].iter().position(|&c| c == b'<') else {
                break b.len();
            };
            let at = i + off;
            let after = at + 2 + name.len();
            if b.get(at + 1) == Some(&b'/')
                && b.get(at + 2..after)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && matches!(
                    b.get(after),
                    Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                )
            {
                break at;
            }
            i = at + 1;
        };
        self.pos = end;
        (end > start).then(|| {
            let text = &self.src[start..end];
            // RCDATA decodes references; the others keep text as written.
            let text = if matches!(name, "textarea" | "title") {
                decode(text, false)
            } else {
                Cow::Borrowed(text)
            };
            Token::Text(text)
        })
    }

    /// A tag from its `<` at `self.pos`, or `None` when the input ends in
    /// it (the HTML tokenizer drops such a tag).
    fn tag(&mut self, end: bool) -> Option<Token<'a>> {
        let b = self.bytes();
        let name_start = self.pos + if end { 2 } else { 1 };
        let mut i = name_start;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name: Box<str> = self.src[name_start..i].to_ascii_lowercase().into();
        let mut attrs = Attrs::new();
        let mut seen: Option<HashSet<crate::dom::Name>> = None;
        let mut self_closing = false;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                None => {
                    self.pos = b.len();
                    return None;
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    continue;
                }
                Some(_) => {}
            }
            // The name: a leading `=` is part of it.
            let n0 = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let key = &self.src[n0..i];
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value: Cow<'a, str> = Cow::Borrowed("");
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    None => {
                        self.pos = b.len();
                        return None;
                    }
                    Some(&q @ (b'"' | b'\'')) => {
                        let Some(len) = b[i + 1..].iter().position(|&c| c == q) else {
                            self.pos = b.len();
                            return None;
                        };
                        value = decode(&self.src[i + 1..i + 1 + len], true);
                        i += len + 2;
                    }
                    Some(b'>') => {}
                    Some(_) => {
                        let v0 = i;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = decode(&self.src[v0..i], true);
                    }
                }
            }
            if end {
                continue;
            }
            let key: crate::dom::Name = key.to_ascii_lowercase().into();
            if !is_new(&attrs, &mut seen, &key) {
                continue;
            }
            attrs.push((key, value.into()));
        }
        self.pos = i;
        Some(if end {
            Token::End(name)
        } else {
            if is_raw_text(&name) {
                self.raw = Some(name.clone());
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            }
        })
    }

    /// Skips a comment from its `<` at `self.pos`: `<!--` to `-->` (or
    /// `<!-->`, `<!--->`), anything else to `>`; the end of the input ends
    /// it too.
    fn comment(&mut self) -> Token<'a> {
        let b = self.bytes();
        let rest = &b[self.pos..];
        if rest.starts_with(b"<!--") {
            let body = self.pos + 4;
            let close = if b[body..].starts_with(b">") {
                Some(body + 1)
            } else if b[body..].starts_with(b"->") {
                Some(body + 2)
            } else {
                find(&b[body..], b"-->").map(|o| body + o + 3)
            };
            self.pos = close.unwrap_or(b.len());
            return Token::Comment;
        }
        let doctype = rest.len() >= 9 && rest[2..9].eq_ignore_ascii_case(b"doctype");
        self.pos = match rest.iter().position(|&c| c == b'>') {
            Some(o) => self.pos + o + 1,
            None => b.len(),
        };
        if doctype {
            Token::Doctype
        } else {
            Token::Comment
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            if let Some(t) = self.raw_text(&name) {
                return Some(t);
            }
        }
        let b = self.bytes();
        while self.pos < b.len() {
            let start = self.pos;
            // Text runs to the next `<` that opens markup.
            let mut i = start;
            let lt = loop {
                match b[i..].iter().position(|&c| c == b'<') {
                    None => break None,
                    Some(o) => {
                        let at = i + o;
                        let next = b.get(at + 1).copied();
                        let opens = match next {
                            Some(c) if c.is_ascii_alphabetic() => true,
                            Some(b'!' | b'?') => true,
                            Some(b'/') => b.get(at + 2).is_some(),
                            _ => false,
                        };
                        if opens {
                            break Some(at);
                        }
                        i = at + 1;
                    }
                }
            };
            let text_end = lt.unwrap_or(b.len());
            if text_end > start {
                self.pos = text_end;
                return Some(Token::Text(decode(&self.src[start..text_end], false)));
            }
            let at = start;
            let token = match self.peek(at + 1) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(false),
                Some(b'/') => match self.peek(at + 2) {
                    Some(c) if c.is_ascii_alphabetic() => self.tag(true),
                    Some(b'>') => {
                        // `</>` is dropped.
                        self.pos = at + 3;
                        continue;
                    }
                    _ => Some(self.comment()),
                },
                _ => Some(self.comment()),
            };
            if token.is_some() {
                return token;
            }
        }
        None
    }
}

/// Whether `key` is not among the attributes so far; past
/// [`SCAN_DUPLICATES_UP_TO`] of them, through a set.
fn is_new(attrs: &Attrs, seen: &mut Option<HashSet<crate::dom::Name>>, key: &str) -> bool {
    if attrs.len() < SCAN_DUPLICATES_UP_TO {
        return !attrs.iter().any(|(k, _)| &**k == key);
    }
    let set = seen.get_or_insert_with(|| attrs.iter().map(|(k, _)| k.clone()).collect());
    set.insert(key.into())
}

/// HTML white space, as the tokenizer knows it.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The Latin-1 named references, U+00A0 to U+00FF in order: with the four
/// below, the "legacy" names the HTML tokenizer also reads without `;`.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Legacy names outside Latin-1's upper half.
const LEGACY: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("COPY", '\u{a9}'),
    ("REG", '\u{ae}'),
];

/// Names read only with their `;`: the typography pages write as
/// references (the full table of 2,231 is html5ever's; a name in neither
/// list stays as written; over the noscript images of the corpora these
/// and Latin-1 were all there was).
const NAMED: &[(&str, char)] = &[
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("bull", '\u{2022}'),
    ("hellip", '\u{2026}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("fnof", '\u{192}'),
    ("circ", '\u{2c6}'),
    ("tilde", '\u{2dc}'),
    ("minus", '\u{2212}'),
    ("larr", '\u{2190}'),
    ("uarr", '\u{2191}'),
    ("rarr", '\u{2192}'),
    ("darr", '\u{2193}'),
];

/// What the HTML tokenizer makes of code points 0x80 to 0x9F in a numeric
/// reference: the windows-1252 characters (0 where it keeps the code point).
const C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Decodes character references; `attr` applies the attribute rule that a
/// named reference without `;` followed by `=` or a letter or digit stays
/// as written.
pub fn decode(s: &str, attr: bool) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut done = 0;
    let mut i = 0;
    while let Some(o) = b[i..].iter().position(|&c| c == b'&') {
        let at = i + o;
        i = at + 1;
        let Some((c, len)) = reference(&b[at + 1..], attr) else {
            continue;
        };
        out.push_str(&s[done..at]);
        out.push(c);
        i = at + 1 + len;
        done = i;
    }
    out.push_str(&s[done..]);
    Cow::Owned(out)
}

/// The character a reference after its `&` stands for, and how many bytes
/// it took.
fn reference(b: &[u8], attr: bool) -> Option<(char, usize)> {
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let digits = if hex { 2 } else { 1 };
        let mut i = digits;
        let mut value: u32 = 0;
        while let Some(d) = b
            .get(i)
            .and_then(|&c| (c as char).to_digit(if hex { 16 } else { 10 }))
        {
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == digits {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let c = match value {
            0x80..=0x9f if C1[(value - 0x80) as usize] != 0 => {
                char::from_u32(u32::from(C1[(value - 0x80) as usize]))
            }
            0 => None,
            v => char::from_u32(v),
        };
        return Some((c.unwrap_or('\u{fffd}'), i));
    }
    // The longest name that matches, as the tokenizer reads them.
    let latin1 = LATIN1
        .iter()
        .zip('\u{a0}'..='\u{ff}')
        .map(|(&n, c)| (n, c, true));
    let legacy = LEGACY.iter().map(|&(n, c)| (n, c, true));
    let named = NAMED.iter().map(|&(n, c)| (n, c, false));
    let (name, c, is_legacy) = latin1
        .chain(legacy)
        .chain(named)
        .filter(|(n, _, _)| b.starts_with(n.as_bytes()))
        .max_by_key(|(n, _, _)| n.len())?;
    let mut len = name.len();
    if b.get(len) == Some(&b';') {
        len += 1;
    } else if !is_legacy
        || (attr
            && b.get(len)
                .is_some_and(|&n| n == b'=' || n.is_ascii_alphanumeric()))
    {
        return None;
    }
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokens::new(s).collect()
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token<'static> {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            self_closing: false,
        }
    }

    #[test]
    fn reads_attributes_as_the_html_tokenizer_does() {
        assert_eq!(
            tokens("<IMG Src='a.jpg' alt=\"A &amp; B\" data-x=y/z width = 3 hidden>"),
            [start(
                "img",
                &[
                    ("src", "a.jpg"),
                    ("alt", "A & B"),
                    ("data-x", "y/z"),
                    ("width", "3"),
                    ("hidden", "")
                ]
            )]
        );
        // A `>` inside quotes does not end the tag; the first duplicate wins.
        assert_eq!(
            tokens("<img alt='a > b' src=1 src=2>"),
            [start("img", &[("alt", "a > b"), ("src", "1")])]
        );
        // `=` may start a name; a lone `/` is skipped.
        assert_eq!(
            tokens("<img =x / src=a>"),
            [start("img", &[("=x", ""), ("src", "a")])]
        );
        assert!(matches!(
            &tokens("<img src=a />")[0],
            Token::Start {
                self_closing: true,
                ..
            }
        ));
    }

    #[test]
    fn decodes_references_with_the_attribute_rule() {
        assert_eq!(
            decode("a&amp;b&lt;&#65;&#x42;&#150;&nbsp;", false),
            "a&b<AB\u{2013}\u{a0}"
        );
        assert_eq!(
            decode("?a=1&ampx=2&amp=3&unknown;", true),
            "?a=1&ampx=2&amp=3&unknown;"
        );
        assert_eq!(decode("&ampx", false), "&x");
        assert_eq!(
            decode("&#0;&#xD800;&#99999999999;&#;", false),
            "\u{fffd}\u{fffd}\u{fffd}&#;"
        );
    }

    #[test]
    fn text_comments_and_raw_text() {
        assert_eq!(
            tokens("a<!-- <img> --> b < c</p><script>x<img></script>"),
            [
                Token::Text("a".into()),
                Token::Comment,
                Token::Text(" b < c".into()),
                Token::End("p".into()),
                start("script", &[]),
                Token::Text("x<img>".into()),
                Token::End("script".into()),
            ]
        );
        assert_eq!(
            tokens("<!DOCTYPE html><!-->x"),
            [Token::Doctype, Token::Comment, Token::Text("x".into())]
        );
    }

    #[test]
    fn hostile_input_ends_cleanly() {
        // Tags cut off by the end of the input are dropped, as browsers do.
        for cut in [
            "<img src='a.jpg",
            "<img src=\"a",
            "<img src=",
            "<img src",
            "<img",
            "</p",
            "<img a='1' b",
        ] {
            assert_eq!(tokens(cut), [], "{cut}");
        }
        assert_eq!(tokens("<!-- never closed <img src=a>"), [Token::Comment]);
        assert_eq!(
            tokens("<script><img src=a>"),
            [start("script", &[]), Token::Text("<img src=a>".into())]
        );
        assert_eq!(tokens("<<<>>&&&;"), [Token::Text("<<<>>&&&;".into())]);
        // Multi-byte text around the delimiters stays whole.
        assert_eq!(
            tokens("é<img alt=ü>ß"),
            [
                Token::Text("é".into()),
                start("img", &[("alt", "ü")]),
                Token::Text("ß".into())
            ]
        );
    }

    #[test]
    fn many_attributes_and_duplicates_stay_linear() {
        // 100,000 attributes of one name, then 100,000 different ones: a
        // scan of the earlier ones per attribute would take 10^10 steps.
        let same = format!("<img{}>", " a=1".repeat(100_000));
        let Token::Start { attrs, .. } = &tokens(&same)[0] else {
            panic!()
        };
        assert_eq!(attrs.len(), 1);
        let many: String = (0..100_000).map(|i| format!(" a{i}=1")).collect();
        let many = format!("<img{many}>");
        let Token::Start { attrs, .. } = &tokens(&many)[0] else {
            panic!()
        };
        assert_eq!(attrs.len(), 100_000);
        // Unclosed quotes and raw text never rescan what they passed.
        let quotes = "<img a='".repeat(50_000);
        assert!(tokens(&quotes).len() <= 1);
        let raw = "<title></titl".repeat(50_000);
        assert_eq!(tokens(&raw).len(), 2);
    }
}
