//! The part of a page's tree that makes the article: what segmentation
//! hands the article builder.

use crate::dom::NodeId;

/// The part of a page's tree that makes the article.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Subtrees holding the article, in document order.
    pub roots: Vec<NodeId>,
    /// Indexed by node id: true for nodes whose whole subtree is left out of
    /// the article although it lies under a root (promo, related and
    /// boilerplate blocks inside the article container).
    pub excluded: Vec<bool>,
}

impl Selection {
    /// Whether `id`'s subtree is left out.
    pub fn is_excluded(&self, id: NodeId) -> bool {
        self.excluded.get(id).copied().unwrap_or(false)
    }
}
