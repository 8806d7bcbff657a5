//! String and DOM-text helpers that reproduce JavaScript's semantics, so the
//! rules ported from Readability count, trim and split exactly as it does.

use crate::dom::{Document, NodeData, NodeId};
use crate::tag_sets;

/// JavaScript's `\s` and `String.prototype.trim` set (WhiteSpace plus
/// LineTerminator), which differs from Rust's `char::is_whitespace`
/// (U+FEFF is in, U+0085 is out).
pub(crate) fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// `String.prototype.trim`.
pub(crate) fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// `String.prototype.length`: UTF-16 code units, which is what Readability's
/// length thresholds count.
pub(crate) fn js_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Readability's `wordCount`: `str.split(/\s+/).length`, i.e. one more than
/// the number of whitespace runs (so leading or trailing space counts).
pub(crate) fn js_word_count(s: &str) -> usize {
    let mut runs = 0;
    let mut in_space = false;
    for c in s.chars() {
        let space = is_js_space(c);
        if space && !in_space {
            runs += 1;
        }
        in_space = space;
    }
    runs + 1
}

/// `s.replace(/\s{2,}/g, " ")`: runs of two or more spaces become one space,
/// single ones stay as they are.
pub(crate) fn squeeze_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // The current run of spaces: where it starts and how many chars it has.
    let mut run = (0, 0);
    for (i, c) in s.char_indices() {
        if is_js_space(c) {
            if run.1 == 0 {
                run.0 = i;
            }
            run.1 += 1;
            continue;
        }
        flush_run(&mut out, &s[run.0..i], run.1);
        run.1 = 0;
        out.push(c);
    }
    flush_run(&mut out, &s[run.0..], run.1);
    out
}

/// Writes a run of `chars` spaces: one space for two or more, else as is.
fn flush_run(out: &mut String, run: &str, chars: usize) {
    match chars {
        0 => {}
        1 => out.push_str(run),
        _ => out.push(' '),
    }
}

/// Every whitespace run becomes one space, ends trimmed: the form all
/// returned fields take.
pub(crate) fn collapse(s: &str) -> String {
    s.split(is_js_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `collapse`, with an empty result as `None`.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let c = collapse(s);
    (!c.is_empty()).then_some(c)
}

/// `textContent` of a subtree as Readability sees it, i.e. after it removed
/// scripts, styles and `<noscript>`.
pub(crate) fn text_content(doc: &Document, root: NodeId) -> String {
    let mut out = String::new();
    visit_text(doc, root, |t| {
        out.push_str(t);
        true
    });
    out
}

/// Hands `each` the texts [`text_content`] joins, in order, until it
/// returns false.
fn visit_text(doc: &Document, root: NodeId, mut each: impl FnMut(&str) -> bool) {
    let mut next = Some(root);
    while let Some(id) = next {
        let skip = id != root && doc.tag(id).is_some_and(tag_sets::non_text);
        if skip {
            next = doc.next_after_subtree(id, root);
            continue;
        }
        if let NodeData::Text(t) = &doc.node(id).data {
            if !each(t) {
                return;
            }
        }
        next = match doc.node(id).first_child() {
            Some(c) => Some(c),
            None => doc.next_after_subtree(id, root),
        };
    }
}

/// The length in UTF-16 units of [`text_content`] trimmed of the spaces
/// `is_space` names, inner runs of them counting one unit each when
/// `squeeze` is set (so `js_len(&inner_text(..))` with [`is_js_space`]),
/// or `cap` if that is less. It stops reading at `cap`: a walk measuring
/// every element of a deep page would otherwise copy the same text once
/// per level, and the walks only compare lengths with small thresholds.
pub(crate) fn measured_len(
    doc: &Document,
    root: NodeId,
    is_space: fn(char) -> bool,
    squeeze: bool,
    cap: usize,
) -> usize {
    let (mut len, mut gap, mut started) = (0usize, 0usize, false);
    visit_text(doc, root, |t| {
        for c in t.chars() {
            if is_space(c) {
                gap += usize::from(started) * c.len_utf16();
                continue;
            }
            if gap > 0 {
                len += if squeeze { 1 } else { gap };
                gap = 0;
            }
            started = true;
            len += c.len_utf16();
            if len >= cap {
                return false;
            }
        }
        true
    });
    len.min(cap)
}

/// `js_trim(&text_content(..))` when it takes at most `max_bytes`, else
/// `None`, found without copying more than that.
pub(crate) fn trimmed_text_within(
    doc: &Document,
    root: NodeId,
    max_bytes: usize,
) -> Option<String> {
    let mut out = String::new();
    // The spaces since the last non-space, kept while they may still fit.
    let (mut gap, mut gap_bytes) = (String::new(), 0usize);
    let mut fits = true;
    visit_text(doc, root, |t| {
        for c in t.chars() {
            if is_js_space(c) {
                if !out.is_empty() {
                    gap_bytes += c.len_utf8();
                    if out.len() + gap_bytes <= max_bytes {
                        gap.push(c);
                    }
                }
                continue;
            }
            if out.len() + gap_bytes + c.len_utf8() > max_bytes {
                fits = false;
                return false;
            }
            out.push_str(&gap);
            gap.clear();
            gap_bytes = 0;
            out.push(c);
        }
        true
    });
    fits.then_some(out)
}

/// Readability's `_getInnerText`: trimmed text with long space runs squeezed.
pub(crate) fn inner_text(doc: &Document, id: NodeId) -> String {
    squeeze_runs(js_trim(&text_content(doc, id)))
}

/// `js_len(&inner_text(doc, id))` without building the text.
pub(crate) fn inner_text_len(doc: &Document, id: NodeId) -> usize {
    measured_len(doc, id, is_js_space, true, usize::MAX)
}

/// `js_len(text_content(doc, id).trim())` without building the text (Rust's
/// `trim`, as the callers use it).
pub(crate) fn trimmed_text_len(doc: &Document, id: NodeId) -> usize {
    measured_len(doc, id, char::is_whitespace, false, usize::MAX)
}

/// Readability's `_unescapeHtmlEntities`: many sites escape their meta
/// values twice, so after the parser decoded the attribute once, the five
/// XML entities and numeric references are decoded again.
pub(crate) fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let named = decode_named(s);
    decode_numeric(&named)
}

fn decode_named(s: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("&quot;", '"'),
        ("&amp;", '&'),
        ("&apos;", '\''),
        ("&lt;", '<'),
        ("&gt;", '>'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        match NAMED.iter().find(|(name, _)| tail.starts_with(name)) {
            Some((name, c)) => {
                out.push(*c);
                rest = &tail[name.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_numeric(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find("&#") {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        match parse_numeric_ref(tail) {
            Some((c, used)) => {
                out.push(c);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses `&#123;` or `&#x1F;` at the start of `s`: the character and the
/// bytes consumed. Out-of-range values become U+FFFD as the HTML parser
/// would make them.
fn parse_numeric_ref(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix("&#")?;
    let (hex, digits_start) = match body.as_bytes().first() {
        Some(b'x') | Some(b'X') => (true, 1),
        _ => (false, 0),
    };
    let digits: &str = {
        let d = &body[digits_start..];
        let end = d
            .find(|c: char| {
                !(if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                })
            })
            .unwrap_or(d.len());
        &d[..end]
    };
    if digits.is_empty() || !body[digits_start + digits.len()..].starts_with(';') {
        return None;
    }
    let value = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
    let c = char::from_u32(value)
        .filter(|_| value != 0)
        .unwrap_or('\u{FFFD}');
    Some((c, 2 + digits_start + digits.len() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn text_lengths_match_the_built_texts() {
        let page = "<div id=a>  Lead \u{a0}<b>bold</b>\n\n  text 😀 <script>x()</script>\
                    <p> \u{3000} </p>tail\u{2009} </div><div id=b> \t </div><div id=c></div>";
        let doc = parse_html(page);
        for id in 0..doc.len() {
            assert_eq!(
                inner_text_len(&doc, id),
                js_len(&inner_text(&doc, id)),
                "{id}"
            );
            assert_eq!(
                trimmed_text_len(&doc, id),
                js_len(text_content(&doc, id).trim()),
                "{id}"
            );
        }
    }

    #[test]
    fn word_count_follows_js_split() {
        assert_eq!(js_word_count(""), 1);
        assert_eq!(js_word_count("a b  c"), 3);
        assert_eq!(js_word_count(" a"), 2);
        assert_eq!(js_word_count("a\u{A0}b"), 2);
    }

    #[test]
    fn squeeze_keeps_single_spaces() {
        assert_eq!(squeeze_runs("a\nb  c \t d"), "a\nb c d");
    }

    #[test]
    fn js_trim_and_length_use_js_rules() {
        assert_eq!(js_trim("\u{FEFF} x \u{A0}"), "x");
        assert_eq!(js_len("a😀"), 3);
    }

    #[test]
    fn unescapes_once_like_readability() {
        assert_eq!(unescape_entities("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(unescape_entities("&amp;quot;"), "&quot;");
        assert_eq!(
            unescape_entities("it&#39;s &#x263A; &#0; &#99999999;"),
            "it's ☺ \u{FFFD} \u{FFFD}"
        );
        assert_eq!(unescape_entities("a & b &#; &#x;"), "a & b &#; &#x;");
    }

    #[test]
    fn measuring_and_bounded_text_agree_with_copying() {
        let d = parse_html(
            "<div> \u{FEFF} a  b\u{85}<b>c\n\n</b><script>x y</script> d\u{A0}😀 \n</div><p>  </p>",
        );
        let div = d.descendants(0).find(|&n| d.is(n, "div")).unwrap();
        let p = d.descendants(0).find(|&n| d.is(n, "p")).unwrap();
        let rust_trimmed = |n| js_len(text_content(&d, n).trim());
        for n in [div, p] {
            let trimmed = js_trim(&text_content(&d, n)).to_string();
            assert_eq!(
                measured_len(&d, n, is_js_space, false, 999),
                js_len(&trimmed)
            );
            assert_eq!(
                measured_len(&d, n, is_js_space, true, 999),
                js_len(&inner_text(&d, n))
            );
            assert_eq!(
                measured_len(&d, n, char::is_whitespace, false, 999),
                rust_trimmed(n)
            );
            assert_eq!(trimmed_text_within(&d, n, 999), Some(trimmed.clone()));
            assert_eq!(
                trimmed_text_within(&d, n, trimmed.len()),
                Some(trimmed.clone())
            );
            if !trimmed.is_empty() {
                assert_eq!(trimmed_text_within(&d, n, trimmed.len() - 1), None);
            }
        }
        // Capped: never more than the cap, exact below it.
        assert_eq!(measured_len(&d, div, is_js_space, false, 3), 3);
        assert_eq!(measured_len(&d, p, is_js_space, false, 3), 0);
    }

    #[test]
    fn text_content_skips_scripts() {
        let d = parse_html("<div id=x>a<script>var b</script><style>c</style>d</div>");
        let div = d.descendants(0).find(|&n| d.is(n, "div")).unwrap();
        assert_eq!(text_content(&d, div), "ad");
    }
}
