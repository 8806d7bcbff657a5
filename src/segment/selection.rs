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

/// Which repeated runs of text leave the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeats {
    /// A product page's lines of three words or more, wherever they repeat
    /// and code included: product pages ship their description,
    /// specifications and name twice or more (a layout for phones beside
    /// one for desktops, a sticky summary bar); on the WCXB dev split,
    /// dropping repeated lines raised 15 product pages and lowered one.
    /// "Add to cart" or a size may rightly appear twice.
    Lines,
    /// Any other page's paragraphs of eight words or more outside code,
    /// repeated under another parent element: a layout's second copy, a
    /// thread's quote of a whole post (WCXB dev split, forum pages 0.740
    /// -> 0.762 word F1). A repeat beside its first copy is the author's
    /// (the Readability corpus's test pages repeat paragraphs side by
    /// side: 0.966 -> 0.962 F1 when those went too), and code repeats
    /// lines on purpose (a doc page's samples share their imports).
    Paragraphs,
}

impl Repeats {
    /// The fewest words a dropped run has.
    fn min_words(self) -> usize {
        match self {
            Repeats::Lines => 3,
            Repeats::Paragraphs => 8,
        }
    }
}

impl Selection {
    /// Leaves out of the article each run of text (`leaves`, those for
    /// which `is_content` holds) that repeats, word for word, a run already
    /// in it, as `repeats` says.
    pub fn drop_repeated_runs(
        &mut self,
        doc: &Document,
        stats: &Stats,
        leaves: &[Leaf],
        repeats: Repeats,
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
        // of 50 MB would otherwise hold a second copy of its prose. With it,
        // the parent of its first copy.
        let mut seen: HashMap<u64, Option<NodeId>> = HashMap::new();
        for (i, l) in leaves.iter().enumerate() {
            if !is_content(i)
                || out[l.owner]
                || l.nodes.iter().all(|&n| out[n])
                || !self.roots.iter().any(|&r| stats.contains(r, l.owner))
                || (repeats == Repeats::Paragraphs && stats.within[l.owner].pre_or_code)
                || l.text
                    .split_whitespace()
                    .nth(repeats.min_words() - 1)
                    .is_none()
            {
                continue;
            }
            let parent = doc.parent(l.owner);
            let repeated = match seen.entry(lowercase_hash(&l.text)) {
                Entry::Occupied(first) => repeats == Repeats::Lines || *first.get() != parent,
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
