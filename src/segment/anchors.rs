//! Where the page says its article body is: `itemprop="articleBody"`
//! (schema.org microdata, written by most news and blog CMSs), and on
//! pages that declare no article, `<main>`.
//!
//! Readability's scoring finds the body by its prose; the page's own word
//! is better when the marked element really holds the text, and is ignored
//! when it does not (an empty or teaser-only element, one of several marked
//! cards on a listing page).

use super::stats::Stats;
use crate::dom::{Document, NodeId};

/// The marked element must hold at least this much prose...
const MIN_ANCHOR_PROSE: usize = 400;
/// ...and at least this share of the prose of the element scoring found
/// (a marked summary or teaser holds less).
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
/// body when it holds at least [`MIN_SHARE_OF_WINNER`] of the winner's
/// prose and lies around the winner or apart from it, and the marked
/// body's frame when it lies inside the winner. With it, whether the body
/// is the page's marked one: then nothing outside joins it.
pub fn prefer_marked(doc: &Document, stats: &Stats, top: NodeId) -> (NodeId, bool) {
    let Some(marked) = marked_body(doc, stats) else {
        return (top, false);
    };
    // Inside a wider winner the frame keeps the headline, standfirst and
    // byline around the marked text (taking the marked element there cost
    // 0.001 F1 on the Readability corpus).
    if marked == top {
        return (top, true);
    }
    if stats.contains(top, marked) {
        return (frame_of(doc, stats, marked, top), true);
    }
    let share = stats.of(marked).prose_chars as f64 / stats.of(top).prose_chars.max(1) as f64;
    if share >= MIN_SHARE_OF_WINNER {
        (marked, true)
    } else {
        (top, false)
    }
}

/// Prose an ancestor may add to the marked body's and still be its frame
/// (headline, standfirst, byline): this share of the marked prose.
const MAX_FRAME_PROSE_SHARE: f64 = 0.3;

/// The widest ancestor of `marked`, up to `top`, that adds little prose to
/// it: the frame of headline, standfirst and byline, without a sidebar or
/// a comment section the prose scoring's winner also held (issue 13,
/// cause 6).
fn frame_of(doc: &Document, stats: &Stats, marked: NodeId, top: NodeId) -> NodeId {
    let own = stats.of(marked).prose_chars as f64;
    let mut frame = marked;
    for a in doc.ancestors(marked) {
        if stats.of(a).prose_chars as f64 > own * (1.0 + MAX_FRAME_PROSE_SHARE) {
            break;
        }
        frame = a;
        if a == top {
            break;
        }
    }
    frame
}

/// The prose-scored winner holds less than this share of `<main>`'s prose
/// on a page without an article: the content is spread over sections.
const MAX_WINNER_SHARE_OF_MAIN: f64 = 0.5;

/// The page's `<main>` (or `role=main`) when exactly one is visible.
pub fn main_element(doc: &Document, stats: &Stats) -> Option<NodeId> {
    let mut mains = stats.order.iter().copied().filter(|&id| {
        doc.is(id, "main") || doc.attr(id, "role").is_some_and(|r| r.trim() == "main")
    });
    let first = mains.next()?;
    if mains.any(|m| !stats.contains(first, m)) {
        return None;
    }
    Some(first)
}

/// On a page that declares no article (a service, product, listing or
/// documentation page), the main content is often many sections of
/// `<main>`, and the prose scoring picks one of them: on the WCXB dev
/// split such pages scored 0.70 (service) and 0.51 (product) word F1 with
/// high precision and low recall. When the winner sits in `<main>` and
/// holds under half its prose, `<main>` (found by `main_element`) is the
/// body.
pub fn prefer_main(stats: &Stats, main: Option<NodeId>, top: NodeId) -> NodeId {
    let Some(main) = main else {
        return top;
    };
    if !stats.contains(main, top) || main == top {
        return top;
    }
    // Prose, not all text: an article's winner holds most of the prose
    // of `<main>` however many link lists surround it (measured on the
    // Readability corpus, where all text cost 0.002 F1).
    let share = stats.of(top).prose_chars as f64 / stats.of(main).prose_chars.max(1) as f64;
    if share < MAX_WINNER_SHARE_OF_MAIN {
        main
    } else {
        top
    }
}
