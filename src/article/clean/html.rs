//! Serialises a clean tree as HTML. Escapes text and attribute values, and
//! as a second line of defence writes only allowlisted tags and attributes
//! whatever tree it is handed (an unknown element is dissolved into its
//! children, an unknown attribute left out).

use super::walk::{Step, Walk};
use crate::dom::{Document, Element, Namespace, NodeData, NodeId, DOCUMENT};
use crate::tag_sets;

/// Attributes the serialiser writes (which element may carry which is the
/// cleaner's business; this list only keeps handlers and styles out).
const OUTPUT_ATTRS: &[&str] = &[
    "href", "title", "src", "srcset", "alt", "width", "height", "colspan", "rowspan", "scope",
    "start", "type", "datetime", "class", "cite", "dir", "lang", "open",
];

/// The tag to write for an element, if it is one the serialiser writes.
fn output_tag(e: &Element) -> Option<&str> {
    (e.ns == Namespace::Html && tag_sets::clean_output(&e.name)).then_some(&*e.name)
}

/// Serialises the children of the document root.
pub(super) fn serialize(doc: &Document) -> String {
    let mut s = String::new();
    for step in Walk::new(doc, DOCUMENT) {
        match step {
            Step::Enter(n) => match &doc.node(n).data {
                NodeData::Text(t) => {
                    if starts_pre(doc, n) && t.starts_with('\n') {
                        // A parser drops a newline right after <pre>.
                        s.push('\n');
                    }
                    escape(t, false, &mut s);
                }
                NodeData::Element(e) => {
                    if let Some(tag) = output_tag(e) {
                        s.push('<');
                        s.push_str(tag);
                        for (k, v) in &e.attrs {
                            if OUTPUT_ATTRS.contains(&&**k) {
                                s.push(' ');
                                s.push_str(k);
                                s.push_str("=\"");
                                escape(v, true, &mut s);
                                s.push('"');
                            }
                        }
                        s.push('>');
                    }
                }
                _ => {}
            },
            Step::Exit(n) => {
                let Some(tag) = doc.element(n).and_then(output_tag) else {
                    continue;
                };
                if !tag_sets::void(tag) {
                    s.push_str("</");
                    s.push_str(tag);
                    s.push('>');
                }
                if doc.parent(n) == Some(DOCUMENT) && (tag_sets::clean_block(tag) || tag == "img") {
                    s.push('\n');
                }
            }
        }
    }
    s
}

/// Whether a text node is the first child of a `<pre>`.
fn starts_pre(doc: &Document, n: NodeId) -> bool {
    doc.parent(n)
        .is_some_and(|p| doc.is(p, "pre") && doc.node(p).first_child() == Some(n))
}

/// Appends `t` with the characters HTML gives meaning to escaped.
fn escape(t: &str, attr: bool, s: &mut String) {
    // Byte by byte, copying the runs between the characters to replace: a
    // no-break space is the only non-ASCII one (0xC2 0xA0 in UTF-8; 0xC2
    // always starts a character).
    let bytes = t.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (entity, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attr => ("&quot;", 1),
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        s.push_str(&t[start..i]);
        s.push_str(entity);
        i += len;
        start = i;
    }
    s.push_str(&t[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut d = Document::new();
        let a = d.append_element(
            DOCUMENT,
            Element::html(
                "a",
                vec![
                    ("href".into(), "https://x/?a=1&b=\"2\"".into()),
                    ("onclick".into(), "alert(1)".into()),
                ],
            ),
        );
        d.append_text(a, "<script>alert('&')</script>");
        assert_eq!(
            serialize(&d),
            "<a href=\"https://x/?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert('&amp;')&lt;/script&gt;</a>"
        );
    }

    #[test]
    fn escape_replaces_exactly_the_special_characters() {
        let mut out = String::new();
        escape("a&b<c>d\"e\u{a0}f é\u{a1}\u{100}", true, &mut out);
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&nbsp;f é\u{a1}\u{100}");
        out.clear();
        escape("\"q\"\u{a0}", false, &mut out);
        assert_eq!(out, "\"q\"&nbsp;");
    }

    #[test]
    fn never_writes_tags_outside_the_allowlist() {
        let mut d = Document::new();
        let p = d.append_element(DOCUMENT, Element::html("p", vec![]));
        let sc = d.append_element(
            p,
            Element::html("script", vec![("src".into(), "x.js".into())]),
        );
        d.append_text(sc, "1");
        d.append_element(p, Element::html("br", vec![]));
        assert_eq!(serialize(&d), "<p>1<br></p>\n");
    }

    #[test]
    fn keeps_a_leading_newline_in_pre() {
        let mut d = Document::new();
        let pre = d.append_element(DOCUMENT, Element::html("pre", vec![]));
        d.append_text(pre, "\n  x\n");
        assert_eq!(serialize(&d), "<pre>\n\n  x\n</pre>\n");
    }
}
