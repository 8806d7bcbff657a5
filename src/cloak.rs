//! A page hidden until its script runs, shown.
//!
//! Some pages ship their whole layout inside a wrapper that an inline
//! style hides (`<div style="visibility:hidden">` around the app, against a
//! flash of unstyled content) and that their script shows once it has
//! loaded. Read as served, or before the script ran, the whole page was
//! hidden, so its article was labelled apart as one hidden block and
//! nothing was extracted (WCXB dev split: geeksforgeeks.org's tutorials).
//! A pop-up or a closed menu never holds most of a page's text, so a
//! wrapper hidden by its markup that does is shown, as the script would.
//! Both fronts call it, so they give the same blocks.

use crate::dom::{Document, NodeId, Walk};
use crate::tag_sets;
use crate::visibility::{hidden_by_markup, show};

/// Share of the body's text a hidden wrapper must hold to be the page
/// waiting for its script: nearly all of it. At half, Readability's
/// `visibility-hidden` test page (a hidden section holding 54% of a short
/// article, which must stay out) and a Yahoo page's hidden video
/// overlay (65%) were shown too.
const CLOAK_SHARE: f64 = 0.8;

/// Text (in bytes, white space left out) below which a page is too small
/// to tell a cloak from a pop-up.
const MIN_PAGE_TEXT: usize = 500;

/// Shows the outermost element hidden by its own markup that holds at
/// least [`CLOAK_SHARE`] of the body's text. One walk of the body, and a
/// second for the body's text only when a hidden wrapper holds enough to
/// be the page: counting every text byte of the body was most of this
/// pass, 3% of the parse (issue 15, perf over the corpora).
pub fn lift(doc: &mut Document) {
    let body = doc.body();
    // The outermost markup-hidden elements and the text under each.
    let hidden = hidden_wrappers(doc, body);
    // A wrapper holding less than CLOAK_SHARE of MIN_PAGE_TEXT holds less
    // than CLOAK_SHARE of any page that is not too small.
    let enough = CLOAK_SHARE * MIN_PAGE_TEXT as f64;
    if !hidden.iter().any(|&(_, bytes)| bytes as f64 >= enough) {
        return;
    }
    let total = text_bytes(doc, body);
    if total < MIN_PAGE_TEXT {
        return;
    }
    let page = hidden
        .into_iter()
        .find(|&(_, bytes)| bytes as f64 >= CLOAK_SHARE * total as f64);
    if let Some(e) = page.and_then(|(id, _)| doc.element_mut(id)) {
        show(e);
    }
}

/// The outermost elements under `body` hidden by their markup, each with
/// the visible text bytes it holds, in document order.
fn hidden_wrappers(doc: &Document, body: NodeId) -> Vec<(NodeId, usize)> {
    let mut hidden: Vec<(NodeId, usize)> = Vec::new();
    // The wrapper the walk is in.
    let mut inside: Option<NodeId> = None;
    doc.walk(body, |step| match step {
        Walk::Enter(id) => {
            if let Some(e) = doc.element(id) {
                if tag_sets::invisible(&e.name) {
                    return false;
                }
                let cloak = id != body && !e.hidden_by_layout && hidden_by_markup(e);
                if cloak && inside.is_none() {
                    inside = Some(id);
                    hidden.push((id, 0));
                }
            } else if inside.is_some() {
                if let (Some(t), Some(last)) = (doc.text(id), hidden.last_mut()) {
                    last.1 += visible_bytes(t);
                }
            }
            true
        }
        Walk::Leave(id) => {
            if inside == Some(id) {
                inside = None;
            }
            true
        }
    });
    hidden
}

/// The visible text bytes under `body`, leaving out the elements a reader
/// never sees.
fn text_bytes(doc: &Document, body: NodeId) -> usize {
    let mut total = 0;
    doc.walk(body, |step| match step {
        Walk::Enter(id) => {
            if let Some(e) = doc.element(id) {
                return !tag_sets::invisible(&e.name);
            }
            if let Some(t) = doc.text(id) {
                total += visible_bytes(t);
            }
            true
        }
        Walk::Leave(_) => true,
    });
    total
}

/// Bytes of `text` that are not white space.
fn visible_bytes(text: &str) -> usize {
    text.bytes().filter(|b| !b.is_ascii_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::visibility::is_hidden;

    fn by_id(doc: &Document, id: &str) -> NodeId {
        doc.descendants(crate::dom::DOCUMENT)
            .find(|&n| doc.attr(n, "id") == Some(id))
            .unwrap()
    }

    fn prose(n: usize) -> String {
        "<p>A sentence of the page's own prose, long enough to count.</p>".repeat(n)
    }

    #[test]
    fn a_page_hidden_until_its_script_runs_is_shown() {
        let html = format!(
            "<div id=app style='visibility:hidden;min-height:100vh'><h1>T</h1>{}</div>\
             <div id=popup style='display:none'><p>Subscribe to our newsletter.</p></div>",
            prose(20)
        );
        let mut doc = parse_html(&html);
        lift(&mut doc);
        assert!(!is_hidden(&doc, by_id(&doc, "app")));
        assert!(is_hidden(&doc, by_id(&doc, "popup")));
    }

    #[test]
    fn a_hidden_pop_up_beside_the_page_stays_hidden() {
        let html = format!(
            "<main>{}</main><div id=popup hidden>{}</div>",
            prose(20),
            prose(5)
        );
        let mut doc = parse_html(&html);
        lift(&mut doc);
        assert!(is_hidden(&doc, by_id(&doc, "popup")));
    }

    #[test]
    fn a_small_page_is_left_as_it_is() {
        let mut doc = parse_html("<div id=d hidden><p>Only a little text.</p></div>");
        lift(&mut doc);
        assert!(is_hidden(&doc, by_id(&doc, "d")));
    }
}
