//! The part of a page's tree that makes the article: what segmentation
//! hands the article builder.

use super::leaves::Leaf;
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use std::collections::hash_map::{Entry, HashMap};

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

/// On a product page a repeated run must have at least this many words to
/// be dropped: "Add to cart" or a size may rightly appear twice.
pub const MIN_REPEAT_WORDS: usize = 3;
/// On other pages, only a repeated paragraph: a line such as "Reply" or a
/// table's "N/A" may rightly appear many times.
pub const MIN_REPEAT_PARAGRAPH_WORDS: usize = 8;

impl Selection {
    /// Leaves out of the article each run of text (`leaves`, those for
    /// which `is_content` holds) of at least `min_words` words that
    /// repeats, word for word, a run already in it: under another parent
    /// element, or anywhere if `beside`. Product pages ship
    /// their description, specifications and name twice or more (a layout
    /// for phones beside one for desktops, a sticky summary bar): on the
    /// WCXB dev split, dropping repeated lines from product pages'
    /// extractions raised 15 of them and lowered one. Threads quote whole
    /// posts and pages repeat a paragraph for another layout (a product
    /// launch's comment shown three times): dropping repeated paragraphs
    /// everywhere else gave forum pages 0.740 -> 0.76 word F1.
    pub fn drop_repeated_runs(
        &mut self,
        doc: &Document,
        stats: &Stats,
        leaves: &[Leaf],
        min_words: usize,
        beside: bool,
        is_content: impl Fn(usize) -> bool,
    ) {
        // Whether a node's subtree is out, inherited top-down once.
        let mut out = self.excluded.clone();
        for &id in &stats.order {
            if let Some(p) = doc.parent(id) {
                out[id] |= out[p];
            }
        }
        // A hash of each run's lower-cased text, not a copy of it: a page
        // of 50 MB would otherwise hold a second copy of its prose.
        // Each run's parent element too: a repeat beside its first copy
        // (the same parent) is the author's, a repeat elsewhere the
        // layout's or a quote's (the Readability corpus's test pages
        // repeat their paragraphs side by side: 0.966 -> 0.962 F1 when
        // those went as well).
        let mut seen: HashMap<u64, Option<NodeId>> = HashMap::new();
        for (i, l) in leaves.iter().enumerate() {
            if !is_content(i)
                || out[l.owner]
                || l.nodes.iter().all(|&n| out[n])
                || !self.roots.iter().any(|&r| stats.contains(r, l.owner))
                || l.text.split_whitespace().nth(min_words - 1).is_none()
            {
                continue;
            }
            let parent = doc.parent(l.owner);
            let repeated = match seen.entry(lowercase_hash(&l.text)) {
                Entry::Occupied(first) => beside || *first.get() != parent,
                Entry::Vacant(slot) => {
                    slot.insert(parent);
                    false
                }
            };
            if repeated {
                for &n in &l.nodes {
                    self.excluded[n] = true;
                }
            }
        }
    }
}

/// A 64-bit hash of `text` lower-cased, computed without a copy.
fn lowercase_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        c.hash(&mut h);
    }
    h.finish()
}
