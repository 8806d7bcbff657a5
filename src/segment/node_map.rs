//! A map from node to a small number for one block's climb (see `cover` in
//! the parent module): a hash map when the block holds few of the page's
//! nodes, a vector over the whole page when it may hold many.

use super::IdMap;
use crate::dom::NodeId;

/// What a dense map holds for a node it does not hold.
const ABSENT: u32 = u32::MAX;

/// Node to number (a leaf count, a node id; both below `u32::MAX`, the
/// document's node limit).
pub(super) enum NodeMap {
    /// For a block of few leaves: costs its entries.
    Sparse(IdMap<u32>),
    /// For a block of many: four bytes a node of the page. The one block of
    /// a 1000×1000 table's cells took two hash maps of 35 MB each
    /// (issue 15); this takes 8 MB each.
    Dense(Vec<u32>),
}

impl NodeMap {
    /// An empty map for a page of `nodes` nodes, dense when `dense`.
    pub(super) fn new(nodes: usize, dense: bool) -> NodeMap {
        if dense {
            NodeMap::Dense(vec![ABSENT; nodes])
        } else {
            NodeMap::Sparse(IdMap::default())
        }
    }

    /// Whether a block of `leaves` leaves on a page of `nodes` nodes gets a
    /// dense map: when it has at least one leaf in 16 nodes, so the dense
    /// maps of a page's blocks cost at most 16 times the page.
    pub(super) fn dense_for(leaves: usize, nodes: usize) -> bool {
        leaves.saturating_mul(16) >= nodes
    }

    /// The number of `n`.
    pub(super) fn get(&self, n: NodeId) -> Option<usize> {
        match self {
            NodeMap::Sparse(m) => m.get(&n).map(|&v| v as usize),
            NodeMap::Dense(v) => v.get(n).filter(|&&x| x != ABSENT).map(|&x| x as usize),
        }
    }

    /// Whether `n` has a number.
    pub(super) fn contains(&self, n: NodeId) -> bool {
        self.get(n).is_some()
    }

    /// Sets the number of `n`.
    pub(super) fn insert(&mut self, n: NodeId, value: usize) {
        let value = u32::try_from(value).expect("under the document's node limit");
        match self {
            NodeMap::Sparse(m) => {
                m.insert(n, value);
            }
            NodeMap::Dense(v) => v[n] = value,
        }
    }

    /// Forgets the number of `n`.
    pub(super) fn remove(&mut self, n: NodeId) {
        match self {
            NodeMap::Sparse(m) => {
                m.remove(&n);
            }
            NodeMap::Dense(v) => v[n] = ABSENT,
        }
    }

    /// Adds to the number of `n`; false when `n` has none.
    pub(super) fn add(&mut self, n: NodeId, more: usize) -> bool {
        let slot = match self {
            NodeMap::Sparse(m) => m.get_mut(&n),
            NodeMap::Dense(v) => v.get_mut(n).filter(|x| **x != ABSENT),
        };
        match slot {
            Some(x) => {
                *x += u32::try_from(more).expect("under the document's node limit");
                true
            }
            None => false,
        }
    }
}
