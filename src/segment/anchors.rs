//! Where the page says its article body is: `itemprop="articleBody"`
//! (schema.org microdata, written by most news and blog CMSs).
//!
//! Readability's scoring finds the body by its prose; the page's own word
//! is better when the marked element really holds the text, and is ignored
//! when it does not (an empty or teaser-only element, one of several marked
//! cards on a listing page).

use super::stats::Stats;
use crate::dom::{Document, NodeId};

/// The marked element must hold at least this much prose...
const MIN_ANCHOR_PROSE: usize = 400;
/// ...and at least this share of the prose of the element scoring found.
const MIN_SHARE_OF_WINNER: f64 = 0.5;

/// The element marked as the article body, when exactly one visible
/// element is marked and it holds real prose.
pub fn marked_body(doc: &Document, stats: &Stats) -> Option<NodeId> {
    let mut marked = stats.order.iter().copied().filter(|&id| {
        doc.attr(id, "itemprop")
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
    });
    let first = marked.next()?;
    // Nested marks (a CMS wrapping twice) count as one; separate ones mean
    // a list of articles, which has no single body.
    if marked.any(|m| !stats.contains(first, m)) {
        return None;
    }
    (stats.of(first).prose_chars >= MIN_ANCHOR_PROSE).then_some(first)
}

/// The body's top element given the scoring's winner `top`: the marked
/// body when it holds at least half the winner's prose and is not inside
/// it (where the winner is a wider frame holding it, the frame keeps the
/// headline and byline around the marked text).
pub fn prefer_marked(doc: &Document, stats: &Stats, top: NodeId) -> NodeId {
    let Some(marked) = marked_body(doc, stats) else {
        return top;
    };
    if marked == top || stats.contains(top, marked) {
        return top;
    }
    let share = stats.of(marked).prose_chars as f64 / stats.of(top).prose_chars.max(1) as f64;
    if share >= MIN_SHARE_OF_WINNER {
        marked
    } else {
        top
    }
}
