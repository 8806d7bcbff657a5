//! Cuts a document into blocks of visible text and gives each a kind.

use crate::article::Selection;
use crate::dom::Document;
use crate::model::Block;

/// The blocks of a page and the part of its tree that holds the article.
#[derive(Debug, Clone)]
pub struct Segmentation {
    /// All blocks in document order.
    pub blocks: Vec<Block>,
    /// Which nodes make the article.
    pub selection: Selection,
}

/// Segments and classifies a document.
pub fn segment(doc: &Document) -> Segmentation {
    // Placeholder until the classifier lands: the whole body is the article.
    Segmentation {
        blocks: Vec::new(),
        selection: Selection {
            roots: vec![doc.body()],
            excluded: vec![false; doc.len()],
        },
    }
}
