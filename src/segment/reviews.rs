//! Customer reviews on a product page: what other people wrote about the
//! product, not its description. WCXB's product pages leave them out of the
//! main content, and a best-seller's reviews outweighed its description
//! (Amazon's "Atomic Habits": 8,790 words extracted for 1,811 expected),
//! so the body was looked for among them.
//!
//! A review widget is an element named for reviews (`customer-reviews`,
//! `pipf-seo-reviews__review`, `individual-review__main`, a review
//! platform's widget) that holds prose and not the page's headline.

use super::stats::Stats;
use crate::dom::{Document, NodeId};
use crate::names::reviews_name;

/// Fewest prose characters of a review widget: a rating summary ("4.6 out
/// of 5 stars, 44,754 ratings", "95% of the 11,312 user reviews ... are
/// positive") belongs with the description; WCXB keeps it.
const MIN_REVIEWS_PROSE: usize = 150;

/// Marks every element inside a review widget, one that holds prose and
/// not the page's headline, so that the body is not looked for among the
/// reviews and the widget becomes one block. Computed once per page:
/// whether a subtree holds an `<h1>` is gathered bottom-up, as a search
/// per named element was quadratic on nested ones.
pub fn marks(doc: &Document, stats: &Stats) -> Vec<bool> {
    let mut holds_h1 = vec![false; doc.len()];
    for &id in stats.order.iter().rev() {
        holds_h1[id] |= doc.is(id, "h1");
        if let Some(p) = doc.parent(id).filter(|_| holds_h1[id]) {
            holds_h1[p] = true;
        }
    }
    let mut marks = vec![false; doc.len()];
    for &id in &stats.order {
        if doc.parent(id).is_some_and(|p| marks[p]) {
            marks[id] = true;
            continue;
        }
        marks[id] = name(doc, id).is_some()
            && stats.of(id).prose_chars >= MIN_REVIEWS_PROSE
            && !holds_h1[id];
    }
    marks
}

/// The class or id token of element `id` that names reviews, if any.
pub fn name(doc: &Document, id: NodeId) -> Option<&str> {
    let e = doc.element(id)?;
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .find_map(reviews_name)
}
