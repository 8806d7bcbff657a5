//! Text helpers shared by the scorers: white-space collapsing and the
//! visible text of a ground-truth document.

use declutter::dom::{Document, NodeData, NodeId, DOCUMENT};

/// Elements that flow inside a line: their edges are not word boundaries.
/// Every other element is treated as a block, so an unknown or custom tag
/// errs on the side of separating words rather than gluing them.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];

/// Elements whose text is never shown to a reader.
const INVISIBLE_TAGS: &[&str] = &["script", "style", "noscript", "template", "head"];

/// Joins all runs of white space (Unicode, so NBSP too) into one space,
/// trims the ends and composes characters (NFC: a page may write "ü" as
/// "u" plus a combining mark), so texts from different sources compare
/// equal.
pub fn collapse_ws(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s.nfc().collect();
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The first `max` characters of `s` (white space collapsed), with an
/// ellipsis when cut: for listing snippets in one line.
pub fn head(s: &str, max: usize) -> String {
    let s = collapse_ws(s);
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
}

/// The visible text of a whole document, with a line break at every block
/// element's start and end so that `<p>a</p><p>b</p>` reads "a b", not "ab".
///
/// Walks iteratively (enter/leave through the sibling and parent links):
/// ground-truth files are trusted, but the rule that no walk recurses holds
/// everywhere.
pub fn document_text(doc: &Document) -> String {
    let mut out = String::new();
    let Some(mut node) = doc.node(DOCUMENT).first_child() else {
        return out;
    };
    loop {
        let descend = enter(doc, node, &mut out);
        if descend {
            if let Some(child) = doc.node(node).first_child() {
                node = child;
                continue;
            }
        }
        // Leave `node`, then every ancestor that has no further sibling.
        loop {
            if ends_block(doc, node) {
                out.push('\n');
            }
            if let Some(next) = doc.node(node).next() {
                node = next;
                break;
            }
            match doc.parent(node) {
                Some(p) if p != DOCUMENT => node = p,
                _ => return out,
            }
        }
    }
}

/// Emits what entering `node` adds to the text; says whether to walk into it.
fn enter(doc: &Document, node: NodeId, out: &mut String) -> bool {
    match &doc.node(node).data {
        NodeData::Text(t) => {
            out.push_str(t);
            false
        }
        NodeData::Element(_) => {
            if is_invisible(doc, node) {
                return false;
            }
            if is_block(doc, node) {
                out.push('\n');
            }
            true
        }
        NodeData::Document | NodeData::Inert => false,
    }
}

/// Whether leaving `node` ends a block (invisible subtrees added nothing, so
/// they need no separator either).
fn ends_block(doc: &Document, node: NodeId) -> bool {
    doc.element(node).is_some() && !is_invisible(doc, node) && is_block(doc, node)
}

fn is_block(doc: &Document, node: NodeId) -> bool {
    match doc.tag(node) {
        Some(tag) => !INLINE_TAGS.contains(&tag),
        // Foreign elements (SVG, MathML) are laid out as boxes of their own.
        None => true,
    }
}

fn is_invisible(doc: &Document, node: NodeId) -> bool {
    doc.tag(node).is_some_and(|t| INVISIBLE_TAGS.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_composes_characters() {
        assert_eq!(collapse_ws("gepru\u{308}ft  heute"), "geprüft heute");
    }
    use declutter::parse::parse_html;

    #[test]
    fn collapse_joins_all_white_space_including_nbsp() {
        assert_eq!(collapse_ws("  a \n\t b\u{a0}c  "), "a b c");
        assert_eq!(collapse_ws(" \n "), "");
    }

    #[test]
    fn head_cuts_on_characters_not_bytes() {
        assert_eq!(head("ééé", 2), "éé…");
        assert_eq!(head("ab", 2), "ab");
    }

    #[test]
    fn block_edges_separate_words_and_inline_edges_do_not() {
        let doc =
            parse_html("<div><p>one</p>two<p>th<b>re</b>e</p><ul><li>a</li><li>b</li></ul></div>");
        assert_eq!(collapse_ws(&document_text(&doc)), "one two three a b");
    }

    #[test]
    fn scripts_styles_and_head_are_left_out() {
        let doc = parse_html(
            "<html><head><title>T</title><style>x{}</style></head>\
             <body><script>var a;</script><p>shown</p></body></html>",
        );
        assert_eq!(collapse_ws(&document_text(&doc)), "shown");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Built directly: html5ever itself is slow on such depths.
        let mut doc = Document::new();
        let mut cur = DOCUMENT;
        for _ in 0..200_000 {
            cur = doc.append_element(cur, declutter::dom::Element::html("div", vec![]));
        }
        doc.append_text(cur, "deep");
        assert_eq!(collapse_ws(&document_text(&doc)), "deep");
    }
}
