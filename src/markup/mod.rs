//! A small HTML reader for markup the core meets as text, not as a tree:
//! a `<noscript>`'s fallback image (both fronts hand its content over as
//! text, as a browser with scripts keeps it) and the wasm module's warm-up
//! page. It needs no html5ever, so the browser's wasm module leaves the
//! parser out (issue 15).
//!
//! Not a browser's parser: it builds `<html>`, `<head>` and `<body>`, puts
//! head elements met before any content in the head, lets a block start
//! tag close an open `<p>` and an unmatched `</p>` or `</br>` make an
//! element, as the HTML tree builder does, but it does not foster-parent
//! out of tables nor reconstruct formatting elements. What it reads of a
//! noscript (whether it holds a single image, and that image's attributes)
//! is what html5ever reads on every noscript of the corpora (see the
//! tests of `article::clean::images`). Linear in its input, its depth
//! capped at [`MAX_DEPTH`].

pub mod tokens;

use crate::dom::{Document, Element, NodeData, NodeId, DOCUMENT, MAX_DEPTH};
use crate::tag_sets;
use tokens::{Token, Tokens};

/// Parses a fragment or a small page into a document with `<html>`,
/// `<head>` and `<body>` (see the module's note for what it leaves out).
pub fn parse_fragment(text: &str) -> Document {
    let mut doc = Document::new();
    let html = doc.append_element(DOCUMENT, Element::html("html", Vec::new()));
    let head = doc.append_element(html, Element::html("head", Vec::new()));
    let body = doc.append_element(html, Element::html("body", Vec::new()));
    // The open elements below <body>: name and node.
    let mut open: Vec<(Box<str>, NodeId)> = Vec::new();
    let mut in_body = false;
    // The raw-text element whose text comes next, in the head or the body.
    let mut raw_parent: Option<NodeId> = None;
    for token in Tokens::new(text) {
        let current = open.last().map_or(body, |&(_, id)| id);
        match token {
            Token::Text(t) => {
                if let Some(p) = raw_parent.take() {
                    doc.append_text(p, &t);
                    continue;
                }
                let t = if in_body {
                    &*t
                } else {
                    t.trim_start_matches(['\t', '\n', '\x0c', '\r', ' '])
                };
                if !t.is_empty() {
                    in_body = true;
                    doc.append_text(current, t);
                }
            }
            Token::Comment => {
                let id = doc.create(NodeData::Inert);
                doc.append(if in_body { current } else { head }, id);
            }
            Token::Doctype => {}
            Token::Start { name, attrs, .. } => {
                raw_parent = None;
                if matches!(&*name, "html" | "head" | "body") {
                    in_body |= &*name == "body";
                    continue;
                }
                let name: Box<str> = if &*name == "image" {
                    "img".into()
                } else {
                    name
                };
                if !in_body && tag_sets::head_content(&name) {
                    let id = doc.append_element(head, Element::html(&name, attrs));
                    raw_parent = tokens::is_raw_text(&name).then_some(id);
                    continue;
                }
                in_body = true;
                if tag_sets::closes_p(&name) {
                    close_p(&mut open);
                }
                let parent = open.last().map_or(body, |&(_, id)| id);
                let id = doc.append_element(parent, Element::html(&name, attrs));
                if tag_sets::void(&name) {
                    continue;
                }
                // A raw-text element's text is its own, even past the cap.
                raw_parent = tokens::is_raw_text(&name).then_some(id);
                // Past the cap an element is left out of the stack: what it
                // holds goes to the deepest open one.
                if open.len() < MAX_DEPTH {
                    open.push((name, id));
                }
            }
            Token::End(name) => {
                raw_parent = None;
                match &*name {
                    "p" if !close_p(&mut open) && in_body => {
                        let parent = open.last().map_or(body, |&(_, id)| id);
                        doc.append_element(parent, Element::html("p", Vec::new()));
                    }
                    "p" => {}
                    "br" => {
                        in_body = true;
                        doc.append_element(current, Element::html("br", Vec::new()));
                    }
                    _ => {
                        if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                            open.truncate(at);
                        }
                    }
                }
            }
        }
    }
    doc
}

/// Closes the innermost open `<p>` in button scope; whether there was one.
fn close_p(open: &mut Vec<(Box<str>, NodeId)>) -> bool {
    for at in (0..open.len()).rev() {
        match &*open[at].0 {
            "p" => {
                open.truncate(at);
                return true;
            }
            n if tag_sets::button_scope(n) => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(doc: &Document, id: NodeId) -> String {
        let mut out = String::new();
        for c in doc.children(id) {
            match &doc.node(c).data {
                NodeData::Element(e) => {
                    out.push_str(&format!("<{}>", e.name));
                    out.push_str(&shape(doc, c));
                    out.push_str(&format!("</{}>", e.name));
                }
                NodeData::Text(t) => out.push_str(t),
                NodeData::Inert => out.push_str("<!>"),
                NodeData::Document => {}
            }
        }
        out
    }

    fn body_of(html: &str) -> String {
        let d = parse_fragment(html);
        shape(&d, d.body())
    }

    #[test]
    fn builds_a_body_and_keeps_head_elements_out_of_it() {
        let d = parse_fragment("\n <meta name=a><style>img{}</style><img src=x.jpg>\n");
        assert_eq!(
            shape(&d, d.head().unwrap()),
            "<meta></meta><style>img{}</style>"
        );
        assert_eq!(shape(&d, d.body()), "<img></img>\n");
        // After content, the same elements belong to the body.
        assert_eq!(body_of("<img><link>"), "<img></img><link></link>");
    }

    #[test]
    fn implied_ends_as_the_tree_builder_makes_them() {
        assert_eq!(
            body_of("<p>a<p>b<div>c</div>"),
            "<p>a</p><p>b</p><div>c</div>"
        );
        assert_eq!(body_of("<a><img></p>"), "<a><img></img><p></p></a>");
        assert_eq!(
            body_of("<picture><source><img></picture>"),
            "<picture><source></source><img></img></picture>"
        );
        assert_eq!(
            body_of("<div><span><img></div>x"),
            "<div><span><img></img></span></div>x"
        );
        assert_eq!(
            body_of("<button><p>a<div>b"),
            "<button><p>a</p><div>b</div></button>"
        );
        assert_eq!(
            body_of("<p><button><div>c"),
            "<p><button><div>c</div></button></p>"
        );
    }

    #[test]
    fn hostile_nesting_is_capped_and_linear() {
        // 100,000 open elements, then as many stray end tags: each end tag
        // searches at most MAX_DEPTH open elements.
        let html = format!(
            "{}<img>{}",
            "<div>".repeat(100_000),
            "</span>".repeat(100_000)
        );
        let d = parse_fragment(&html);
        let deepest = d.descendants(DOCUMENT).map(|n| d.depth(n)).max().unwrap();
        assert!(deepest <= MAX_DEPTH + 3, "{deepest}");
        assert_eq!(d.find_all(DOCUMENT, "img").count(), 1);
        let unclosed = "<p><b>".repeat(100_000);
        assert_eq!(
            parse_fragment(&unclosed).find_all(DOCUMENT, "p").count(),
            100_000
        );
    }
}
