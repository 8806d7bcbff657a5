//! Closed tabs and accordion panels, opened.
//!
//! A product's description, a service page's "what we do" sections, a
//! doc page's per-language examples and FAQ answers often sit in tab
//! panels and accordions that are closed as served: the panel carries
//! `hidden`, `aria-hidden="true"` or an inline `display:none` until its
//! tab or button is pressed. They are the page's own content, one click
//! away, not a pop-up: the page says so with the WAI-ARIA disclosure
//! pattern (`role="tabpanel"`, or a `role="tab"` / `aria-expanded`
//! control whose `aria-controls` names the panel). On the WCXB dev split
//! such panels held about 23,000 words of the expected main content
//! (services, documentation, collections, products), all dropped as
//! hidden. Read as served (the text front), they are opened, as a
//! reader pressing every tab would see them; a browser's snapshot keeps
//! what the page shows.

use crate::dom::{Document, NodeId, DOCUMENT};
use crate::visibility::{hidden_by_markup, show};
use std::collections::HashSet;

/// Roles that make a hidden element a disclosure panel by themselves.
const PANEL_ROLES: &[&str] = &["tabpanel"];

/// How many levels above a panel a hiding wrapper is looked for.
const WRAPPER_LEVELS: usize = 2;

/// Opens every hidden disclosure panel: a `role="tabpanel"` element, or an
/// element whose id a tab or an expandable control names in
/// `aria-controls`, and a hiding wrapper up to two levels around one.
pub fn open(doc: &mut Document) {
    let mut controlled: HashSet<String> = HashSet::new();
    for id in doc.descendants(DOCUMENT) {
        let Some(e) = doc.element(id) else { continue };
        let Some(targets) = e.attr("aria-controls") else {
            continue;
        };
        let disclosure = e.attr("role") == Some("tab") || e.attr("aria-expanded").is_some();
        if disclosure {
            controlled.extend(targets.split_ascii_whitespace().map(str::to_string));
        }
    }
    let panels: Vec<NodeId> = doc
        .descendants(DOCUMENT)
        .filter(|&id| {
            doc.element(id).is_some_and(|e| {
                e.attr("role").is_some_and(|r| PANEL_ROLES.contains(&r))
                    || e.attr("id").is_some_and(|i| controlled.contains(i))
            })
        })
        .collect();
    // The panel, or the collapsing wrapper just around it that carries the
    // hiding style (Chakra UI's `chakra-collapse` around the named panel:
    // WCXB dev, a product page's description and dimensions).
    let mut hidden: Vec<NodeId> = Vec::new();
    for panel in panels {
        let around = std::iter::once(panel).chain(doc.ancestors(panel).take(WRAPPER_LEVELS));
        hidden.extend(around.filter(|&n| doc.element(n).is_some_and(hidden_by_markup)));
    }
    for id in hidden {
        if let Some(e) = doc.element_mut(id) {
            show(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::visibility::is_hidden;

    fn by_id(doc: &Document, id: &str) -> NodeId {
        doc.descendants(DOCUMENT)
            .find(|&n| doc.attr(n, "id") == Some(id))
            .unwrap()
    }

    #[test]
    fn tab_and_accordion_panels_open() {
        let mut doc = parse_html(
            "<button role=tab aria-controls=t2>Specs</button>\
             <div role=tabpanel id=t1 hidden>Description</div>\
             <div id=t2 aria-hidden=true>Specs</div>\
             <button aria-expanded=false aria-controls=a1>Q?</button>\
             <div id=a1 style='color:red; display: none'>A.</div>\
             <button aria-expanded=false aria-controls=a2>Q2?</button>\
             <div id=w style='display:none'><div id=a2 role=region>A2.</div></div>",
        );
        open(&mut doc);
        for id in ["t1", "t2", "a1", "w"] {
            assert!(!is_hidden(&doc, by_id(&doc, id)), "{id}");
        }
        assert_eq!(doc.attr(by_id(&doc, "a1"), "style"), Some("color:red"));
    }

    #[test]
    fn other_hidden_boxes_stay_hidden() {
        let mut doc = parse_html(
            "<a aria-controls=m href=#>menu</a><div id=m hidden>Menu</div>\
             <div id=p style='display:none'>Subscribe</div>",
        );
        open(&mut doc);
        assert!(is_hidden(&doc, by_id(&doc, "m")));
        assert!(is_hidden(&doc, by_id(&doc, "p")));
    }
}
