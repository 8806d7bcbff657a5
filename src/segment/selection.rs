//! The part of a page's tree that makes the article: what segmentation
//! hands the article builder.

use super::leaves::Leaf;
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use std::collections::HashSet;

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

/// A repeated run must have at least this many words to be dropped: "Add
/// to cart" or a size may rightly appear twice.
const MIN_REPEAT_WORDS: usize = 3;

impl Selection {
    /// Leaves out of the article each run of text (`leaves`, those for
    /// which `is_content` holds) that repeats, word for word, a run already
    /// in it. Product pages ship their description, specifications and
    /// name twice or more (a layout for phones beside one for desktops, a
    /// sticky summary bar): on the WCXB dev split, dropping repeated lines
    /// from product pages' extractions raised 15 of them and lowered one.
    pub fn drop_repeated_runs(
        &mut self,
        doc: &Document,
        stats: &Stats,
        leaves: &[Leaf],
        is_content: impl Fn(usize) -> bool,
    ) {
        // Whether a node's subtree is out, inherited top-down once.
        let mut out = self.excluded.clone();
        for &id in &stats.order {
            if let Some(p) = doc.parent(id) {
                out[id] |= out[p];
            }
        }
        let mut seen: HashSet<String> = HashSet::new();
        for (i, l) in leaves.iter().enumerate() {
            if !is_content(i)
                || out[l.owner]
                || l.nodes.iter().all(|&n| out[n])
                || !self.roots.iter().any(|&r| stats.contains(r, l.owner))
                || l.text.split_whitespace().count() < MIN_REPEAT_WORDS
            {
                continue;
            }
            if !seen.insert(l.text.to_lowercase()) {
                for &n in &l.nodes {
                    self.excluded[n] = true;
                }
            }
        }
    }
}
