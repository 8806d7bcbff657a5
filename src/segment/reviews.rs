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

/// Whether element `id`, named for reviews, holds what reviewers wrote:
/// prose, and not the page's headline.
pub fn holds_reviews(doc: &Document, stats: &Stats, id: NodeId) -> bool {
    stats.of(id).prose_chars >= MIN_REVIEWS_PROSE && doc.find(id, "h1").is_none()
}

/// Marks every element inside a review widget under `root`, so that the
/// body is not looked for among the reviews.
pub fn marks(doc: &Document, stats: &Stats) -> Vec<bool> {
    let mut marks = vec![false; doc.len()];
    for &id in &stats.order {
        if doc.parent(id).is_some_and(|p| marks[p]) {
            marks[id] = true;
            continue;
        }
        let Some(e) = doc.element(id) else { continue };
        let names = [e.attr("class"), e.attr("id")];
        if names.iter().flatten().any(|n| reviews_name(n).is_some())
            && holds_reviews(doc, stats, id)
        {
            marks[id] = true;
        }
    }
    marks
}
