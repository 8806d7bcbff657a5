//! The DOM-snapshot front: a live DOM flattened by the package's walker
//! (`crates/declutter-wasm/js/snapshot.js`) in one pass (a stream of numbers
//! and one string) becomes a [`Document`].
//!
//! The browser hands over the whole page in one call instead of the core
//! asking for every node across the wasm boundary; the format is plain data,
//! so native tests can build and check it too ([`encode`] writes it from a
//! parsed document, as the walker would from the browser's).
//!
//! Format: `ops` is depth-first; `strings` holds every string the ops
//! consume, in order, joined by U+0000.
//! - `OPEN flags nattrs`: an element; consumes its local name, then a name
//!   and a value per attribute;
//! - `TEXT`: a text node; consumes its text;
//! - `CLOSE`: ends the innermost open element.
//!
//! Every `OPEN` and `TEXT` is one entry of the walker's node list, so the
//! analysis can name live nodes by index ([`Built::index`]).

use crate::dom::{Document, Element, Namespace, NodeData, NodeId, DOCUMENT, MAX_DEPTH};
use crate::error::Error;

mod names;
use names::NameCache;

/// Op code: an element opens.
pub const OPEN: u32 = 1;
/// Op code: a text node.
pub const TEXT: u32 = 2;
/// Op code: the innermost open element ends.
pub const CLOSE: u32 = 3;

/// `OPEN` flag: the browser found the element not rendered.
pub const HIDDEN: u32 = 1;
/// `OPEN` flag: an SVG element.
pub const SVG: u32 = 2;
/// `OPEN` flag: a MathML element.
pub const MATHML: u32 = 4;
/// `OPEN` flag: an element of another non-HTML namespace.
pub const OTHER_NS: u32 = 8;

/// Separates the strings of a snapshot.
pub const SEPARATOR: char = '\u{0}';

/// No page has this many attributes on one element; a larger count is a
/// corrupt stream, refused before it is trusted for an allocation.
const MAX_ATTRS: u32 = 1 << 16;

/// Most ops a snapshot may hold: 128 MB of them, far past any real page (a
/// node takes 1 to 3 ops and 2 more per attribute; the extension stops at
/// 200,000 nodes and 16 Mi characters). A larger stream is refused before
/// the document is built (a 2^29-long one made the wasm allocate 2 GB and
/// then fail with an internal error).
pub const MAX_OPS: usize = 1 << 25;
/// Most bytes of strings a snapshot may hold (256 MB of UTF-8).
pub const MAX_STRING_BYTES: usize = 1 << 28;

/// A document built from a snapshot, with the way back to the walker's nodes.
#[derive(Debug)]
pub struct Built {
    /// The document.
    pub doc: Document,
    /// For each node id, its index in the walker's node list (`u32::MAX` for
    /// the wrappers the builder adds around an element snapshot).
    indexes: Vec<u32>,
}

impl Built {
    /// The walker's index of a node, if the node came from the snapshot.
    pub fn index(&self, id: NodeId) -> Option<u32> {
        self.indexes.get(id).copied().filter(|&i| i != u32::MAX)
    }
}

/// Builds the document a snapshot describes. A snapshot of one element (not
/// of `<html>`) is wrapped in `<html><head></head><body>` the way the HTML
/// parser wraps a fragment, so the core finds a body either way.
pub fn build(ops: &[u32], strings: &str) -> Result<Built, Error> {
    if ops.len() > MAX_OPS {
        return Err(Error::TooLarge(format!(
            "{} snapshot ops, more than {MAX_OPS}",
            ops.len()
        )));
    }
    if strings.len() > MAX_STRING_BYTES {
        return Err(Error::TooLarge(format!(
            "{} bytes of snapshot strings, more than {MAX_STRING_BYTES}",
            strings.len()
        )));
    }
    let mut strings = strings.split(SEPARATOR);
    let mut next_string = |what: &str| {
        strings
            .next()
            .ok_or_else(|| Error::BadSnapshot(format!("the strings ran out at {what}")))
    };
    let mut element_names = NameCache::new();
    let mut attribute_names = NameCache::new();
    // Room for every node up front: regrowing the arena copies it.
    let nodes = node_count(ops) + WRAPPERS + 1;
    let mut doc = Document::with_capacity(nodes);
    let mut indexes = Vec::with_capacity(nodes);
    indexes.push(u32::MAX);
    let mut walker_index: u32 = 0;
    let mut open: Vec<NodeId> = Vec::new();
    let mut parent = DOCUMENT;
    let mut i = 0;
    while i < ops.len() {
        match ops[i] {
            OPEN => {
                let (flags, nattrs) = match ops.get(i + 1..i + 3) {
                    Some(&[f, n]) => (f, n),
                    _ => return Err(Error::BadSnapshot("an OPEN op is cut short".into())),
                };
                if nattrs > MAX_ATTRS {
                    return Err(Error::BadSnapshot(format!(
                        "{nattrs} attributes on one element"
                    )));
                }
                i += 3;
                let name = element_names.element(next_string("an element name")?);
                let mut attrs = Vec::with_capacity(nattrs as usize);
                for _ in 0..nattrs {
                    let k = attribute_names.attribute(next_string("an attribute name")?);
                    let v = next_string("an attribute value")?;
                    attrs.push((k, Box::from(v)));
                }
                if open.is_empty() && parent == DOCUMENT && &*name != "html" {
                    parent = wrap(&mut doc, &mut indexes, &name);
                }
                let element = Element {
                    name,
                    ns: namespace(flags),
                    attrs: attrs.into(),
                    hidden_by_layout: flags & HIDDEN != 0,
                };
                let id = doc.append_element(parent, element);
                record(&mut indexes, id, walker_index);
                walker_index += 1;
                open.push(parent);
                // Past the cap the element stays an empty child of the one at
                // the cap and what it holds follows it, as the HTML front
                // does (see `dom::MAX_DEPTH`).
                if open.len() < MAX_DEPTH {
                    parent = id;
                }
            }
            TEXT => {
                i += 1;
                let text = next_string("a text node")?;
                let before = doc.len();
                doc.append_text(parent, text);
                if doc.len() > before {
                    record(&mut indexes, before, walker_index);
                }
                walker_index += 1;
            }
            CLOSE => {
                i += 1;
                parent = open
                    .pop()
                    .ok_or_else(|| Error::BadSnapshot("a CLOSE op with no open element".into()))?;
            }
            op => return Err(Error::BadSnapshot(format!("unknown op {op} at {i}"))),
        }
    }
    // A page read before its script showed it (a DOMParser copy, an early
    // read) is shown as the text front shows it, so both fronts agree.
    crate::cloak::lift(&mut doc);
    Ok(Built { doc, indexes })
}

/// How many nodes [`wrap`] may add.
const WRAPPERS: usize = 3;

/// How many nodes (`OPEN`s and `TEXT`s) a stream describes, read as
/// [`build`] reads it: at most that many, as adjacent texts merge. Past a
/// corrupt op it counts no further; [`build`] refuses the stream there.
fn node_count(ops: &[u32]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while let Some(&op) = ops.get(i) {
        i += match op {
            OPEN => 3,
            TEXT => 1,
            CLOSE => {
                i += 1;
                continue;
            }
            _ => break,
        };
        count += 1;
    }
    count
}

/// The namespace an `OPEN` op's flags give.
fn namespace(flags: u32) -> Namespace {
    if flags & SVG != 0 {
        Namespace::Svg
    } else if flags & MATHML != 0 {
        Namespace::MathMl
    } else if flags & OTHER_NS != 0 {
        Namespace::Other
    } else {
        Namespace::Html
    }
}

/// Adds `<html>`, `<head>` and (unless the snapshot is of the body itself)
/// `<body>` above an element snapshot; returns where the element goes.
fn wrap(doc: &mut Document, indexes: &mut Vec<u32>, root_name: &str) -> NodeId {
    let html = doc.append_element(DOCUMENT, Element::html("html", Vec::new()));
    let head = doc.append_element(html, Element::html("head", Vec::new()));
    let mut parent = html;
    if root_name != "body" && root_name != "head" {
        parent = doc.append_element(html, Element::html("body", Vec::new()));
    }
    for id in [html, head, parent] {
        record(indexes, id, u32::MAX);
    }
    parent
}

fn record(indexes: &mut Vec<u32>, id: NodeId, index: u32) {
    if indexes.len() <= id {
        indexes.resize(id + 1, u32::MAX);
    }
    indexes[id] = index;
}

/// Writes the snapshot of a document as the browser walker would: elements
/// and text from `<html>` down, no comments, and of scripts and styles only
/// JSON-LD's text (the one script body the core reads). Native tests use it
/// to check that the snapshot front gives the same analysis as the parser.
pub fn encode(doc: &Document) -> (Vec<u32>, String) {
    let mut ops = Vec::new();
    let mut strings: Vec<&str> = Vec::new();
    let mut skip_depth = 0usize;
    let root = doc
        .children(DOCUMENT)
        .find(|&c| doc.element(c).is_some())
        .unwrap_or(DOCUMENT);
    if root == DOCUMENT {
        return (ops, String::new());
    }
    doc.walk(root, |event| {
        match event {
            crate::dom::Walk::Enter(id) => match &doc.node(id).data {
                NodeData::Element(e) => {
                    let flags = match e.ns {
                        Namespace::Html => 0,
                        Namespace::Svg => SVG,
                        Namespace::MathMl => MATHML,
                        Namespace::Other => OTHER_NS,
                    } | if e.hidden_by_layout { HIDDEN } else { 0 };
                    ops.extend([OPEN, flags, e.attrs.len() as u32]);
                    strings.push(&e.name);
                    for (k, v) in &e.attrs {
                        strings.push(k);
                        strings.push(v);
                    }
                    if skip_depth > 0 || !e.keeps_text() {
                        skip_depth += 1;
                    }
                }
                NodeData::Text(t) if skip_depth == 0 => {
                    ops.push(TEXT);
                    strings.push(t);
                }
                _ => {}
            },
            crate::dom::Walk::Leave(id) => {
                if doc.element(id).is_some() {
                    ops.push(CLOSE);
                    skip_depth = skip_depth.saturating_sub(1);
                }
            }
        }
        true
    });
    let joined = strings.join("\u{0}");
    (ops, joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn refuses_streams_past_the_ceilings_before_building() {
        let ops = vec![CLOSE; MAX_OPS + 1];
        assert!(matches!(build(&ops, ""), Err(Error::TooLarge(_))));
        let strings = "x".repeat(MAX_STRING_BYTES + 1);
        assert!(matches!(build(&[TEXT], &strings), Err(Error::TooLarge(_))));
        // At the ceiling the stream is judged on its content instead.
        assert!(matches!(
            build(&ops[..MAX_OPS], ""),
            Err(Error::BadSnapshot(_))
        ));
    }

    #[test]
    fn builds_elements_text_and_indexes() {
        let ops = [
            OPEN, 0, 1, OPEN, 0, 0, TEXT, OPEN, HIDDEN, 0, CLOSE, CLOSE, CLOSE,
        ];
        let b = build(&ops, "html\0lang\0en\0body\0Hello\0div").unwrap();
        let body = b.doc.body();
        assert_eq!(b.doc.tag(body), Some("body"));
        assert_eq!(b.doc.text_content(body), "Hello");
        assert_eq!(b.index(body), Some(1));
        let div = b.doc.find(body, "div").unwrap();
        assert!(b.doc.element(div).unwrap().hidden_by_layout);
        assert_eq!(b.index(div), Some(3));
        assert_eq!(
            b.doc.attr(b.doc.find(DOCUMENT, "html").unwrap(), "lang"),
            Some("en")
        );
    }

    #[test]
    fn counts_the_nodes_a_stream_describes() {
        assert_eq!(node_count(&[OPEN, TEXT, CLOSE, TEXT, OPEN, 0, 0, CLOSE]), 3);
        assert_eq!(node_count(&[OPEN, 0, 0, 9, TEXT]), 1);
        assert_eq!(node_count(&[]), 0);
    }

    #[test]
    fn the_index_map_is_sized_once() {
        // 17 nodes: grown one at a time the map would double to 32 slots.
        let mut ops = vec![OPEN, 0, 0, OPEN, 0, 0];
        let mut strings = vec!["html", "body"];
        strings.extend(std::iter::repeat_n("p", 15));
        for _ in 0..15 {
            ops.extend([OPEN, 0, 0, CLOSE]);
        }
        ops.extend([CLOSE, CLOSE]);
        let b = build(&ops, &strings.join("\0")).unwrap();
        assert_eq!(b.doc.len(), 18);
        assert!(
            b.indexes.capacity() <= 18 + WRAPPERS,
            "{}",
            b.indexes.capacity()
        );
    }

    #[test]
    fn elements_share_their_names() {
        let ops = [
            OPEN, 0, 0, OPEN, 0, 1, CLOSE, OPEN, 0, 1, CLOSE, OPEN, SVG, 1, CLOSE, CLOSE,
        ];
        let strings = "body\0div\0class\0a\0DIV\0class\0b\0svg\0viewBox\u{0}0 0 1 1";
        let b = build(&ops, strings).unwrap();
        let elements: Vec<&Element> = b
            .doc
            .children(b.doc.body())
            .filter_map(|c| b.doc.element(c))
            .collect();
        let [one, two, svg] = elements[..] else {
            panic!("three elements, got {}", elements.len())
        };
        assert!(std::sync::Arc::ptr_eq(&one.name, &two.name));
        assert!(std::sync::Arc::ptr_eq(&one.attrs[0].0, &two.attrs[0].0));
        assert_eq!(&*two.name, "div");
        assert_eq!(&*svg.attrs[0].0, "viewBox");
    }

    #[test]
    fn an_element_snapshot_is_wrapped_in_a_body() {
        let b = build(&[OPEN, 0, 0, TEXT, CLOSE], "article\0Text").unwrap();
        let body = b.doc.body();
        assert_eq!(b.doc.tag(body), Some("body"));
        assert_eq!(b.index(body), None);
        let article = b.doc.find(body, "article").unwrap();
        assert_eq!(b.index(article), Some(0));
    }

    #[test]
    fn corrupt_streams_are_errors_not_panics() {
        for (ops, strings) in [
            (vec![OPEN, 0], "html"),
            (vec![OPEN, 0, 2], "html\0a"),
            (vec![CLOSE], ""),
            (vec![9], ""),
            (vec![OPEN, 0, u32::MAX], "html"),
            (vec![OPEN, 0, 0, TEXT, TEXT, TEXT], "p\0a"),
        ] {
            let err = build(&ops, strings).unwrap_err();
            assert!(matches!(err, Error::BadSnapshot(_)), "{ops:?}: {err}");
        }
    }

    #[test]
    fn deep_snapshots_are_flattened_at_the_cap() {
        let n = 3 * MAX_DEPTH;
        let mut ops = vec![OPEN, 0, 0, OPEN, 0, 0];
        let mut strings = vec!["html", "body"];
        for _ in 0..n {
            ops.extend([OPEN, 0, 0, TEXT]);
            strings.extend(["div", "x"]);
        }
        ops.extend(std::iter::repeat_n(CLOSE, n + 2));
        let b = build(&ops, &strings.join("\0")).unwrap();
        let deepest = b.doc.descendants(DOCUMENT).map(|d| b.doc.depth(d)).max();
        assert_eq!(deepest, Some(MAX_DEPTH));
        assert_eq!(b.doc.find_all(DOCUMENT, "div").count(), n);
        assert_eq!(b.doc.text_content(b.doc.body()).len(), n);
    }

    #[test]
    fn encode_then_build_gives_the_same_tree() {
        let html = "<html lang=en><head><title>T</title><style>p{}</style>\
            <script type=\"application/ld+json\">{\"a\":1}</script></head>\
            <body><!-- c --><p class=x>One <b>two</b></p><svg><text>s</text></svg>\
            <script>var x = 1;</script></body></html>";
        let doc = parse_html(html);
        let (ops, strings) = encode(&doc);
        let b = build(&ops, &strings).unwrap();
        assert_eq!(b.doc.text_content(b.doc.body()), "One twos");
        let head = b.doc.head().unwrap();
        assert_eq!(b.doc.text_content(head), "T{\"a\":1}");
        let svg = b
            .doc
            .descendants(DOCUMENT)
            .find_map(|n| b.doc.element(n).filter(|e| &*e.name == "svg"));
        assert_eq!(svg.unwrap().ns, Namespace::Svg);
    }
}
