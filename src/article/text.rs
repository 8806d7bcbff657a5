//! Plain text of the clean article: paragraphs separated by blank lines.

use crate::dom::{Document, DOCUMENT};

/// The article's plain text (placeholder).
pub fn to_text(clean: &Document) -> String {
    clean.text_content(DOCUMENT)
}
