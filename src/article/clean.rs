//! The article's clean tree: only allowlisted tags and attributes, absolute
//! URLs, lazy images resolved.

use super::Selection;
use crate::dom::{Document, NodeData, Walk, DOCUMENT};
use url::Url;

/// Copies the selected subtrees into a new, clean document
/// (placeholder: copies text only).
pub fn build(doc: &Document, sel: &Selection, _base: Option<&Url>) -> Document {
    let mut out = Document::new();
    for &root in &sel.roots {
        doc.walk(root, |ev| match ev {
            Walk::Enter(n) => {
                if sel.is_excluded(n) || crate::segment::is_hidden(doc, n) {
                    return false;
                }
                match &doc.node(n).data {
                    NodeData::Text(t) => out.append_text(DOCUMENT, t),
                    NodeData::Element(_) => {
                        if crate::segment::is_block_tag(doc.tag(n).unwrap_or("")) {
                            out.append_text(DOCUMENT, "\n")
                        }
                    }
                    _ => {}
                }
                true
            }
            Walk::Leave(_) => true,
        });
    }
    out
}

/// Serialises a clean document as HTML (placeholder).
pub fn to_html(clean: &Document) -> String {
    clean.text_content(DOCUMENT)
}
