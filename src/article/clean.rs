//! The article's clean tree: only allowlisted tags and attributes, absolute
//! URLs, lazy images resolved.

use super::Selection;
use crate::dom::{Document, NodeData, DOCUMENT};
use url::Url;

/// Copies the selected subtrees into a new, clean document
/// (placeholder: copies text only).
pub fn build(doc: &Document, sel: &Selection, _base: Option<&Url>) -> Document {
    let mut out = Document::new();
    for &root in &sel.roots {
        for n in doc.descendants(root) {
            if let NodeData::Text(t) = &doc.node(n).data {
                out.append_text(DOCUMENT, t);
            }
        }
    }
    out
}

/// Serialises a clean document as HTML (placeholder).
pub fn to_html(clean: &Document) -> String {
    clean.text_content(DOCUMENT)
}
