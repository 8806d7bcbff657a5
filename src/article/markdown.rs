//! Markdown rendering of the clean article.

use crate::dom::{Document, DOCUMENT};

/// The article as Markdown, headed by its title (placeholder).
pub fn to_markdown(clean: &Document, title: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(t) = title {
        out.push_str("# ");
        out.push_str(t);
        out.push_str("\n\n");
    }
    out.push_str(&clean.text_content(DOCUMENT));
    out
}
