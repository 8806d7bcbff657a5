//! Content a streaming server render ships hidden, out of place.
//!
//! React's streaming server rendering (Next.js and others) sends each
//! part of the page that was not ready at first as `<div hidden id="S:n">`
//! at the end of the body, and a tiny script (`$RC("B:n", "S:n")` or
//! `$RS("S:n", "P:n")`) moves it into the place a `<template id="B:n">` or
//! `<template id="P:n">` keeps for it. A browser runs the script at once;
//! read as served (the command line, the eval), the whole article sits in
//! a hidden box after the footer. On the WCXB dev split, 30 of 1,358 pages
//! stream this way and 8 articles extracted next to nothing (0 to 0.11
//! word F1). Here the boxes are moved as the script would move them; a
//! page whose scripts already ran (the browser's snapshot) has none left.

use crate::dom::{Document, NodeId, DOCUMENT, MAX_DEPTH};
use std::collections::HashMap;

/// The number of a streamed segment's id (`S:1a` → `1a`) or of its slot:
/// React writes it in hexadecimal (WCXB dev, fool.com: `S:a` after `S:9`).
fn numbered<'a>(id: &'a str, prefix: &str) -> Option<&'a str> {
    let n = id.strip_prefix(prefix)?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit())).then_some(n)
}

/// Moves every hidden streamed segment into its slot, in place of the
/// slot's `<template>`. A segment without a slot stays where it is.
pub fn place_segments(doc: &mut Document) {
    let mut slots: HashMap<String, NodeId> = HashMap::new();
    let mut segments: Vec<(NodeId, String)> = Vec::new();
    for id in doc.descendants(DOCUMENT) {
        let Some(e) = doc.element(id) else { continue };
        let Some(name) = e.attr("id") else { continue };
        if e.name.as_ref() == "template"
            && (numbered(name, "B:").is_some() || numbered(name, "P:").is_some())
        {
            slots.insert(name.to_string(), id);
        } else if e.attr("hidden").is_some() {
            if let Some(n) = numbered(name, "S:") {
                segments.push((id, n.to_string()));
            }
        }
    }
    for (segment, n) in segments {
        let Some(&slot) = slots
            .get(&format!("B:{n}"))
            .or_else(|| slots.get(&format!("P:{n}")))
        else {
            continue;
        };
        // A slot inside its own segment would move the segment into itself.
        if doc.ancestors(slot).any(|a| a == segment)
            || doc.parent(slot).is_none()
            || doc.depth(slot) + height(doc, segment) > MAX_DEPTH
        {
            continue;
        }
        let children: Vec<NodeId> = doc.children(segment).collect();
        for c in children {
            doc.insert_before(slot, c);
        }
        doc.detach(slot);
        doc.detach(segment);
    }
}

/// Levels of elements below `id` (the tree's depth limit holds after a
/// move only when the slot's depth plus this stays under it).
fn height(doc: &Document, id: NodeId) -> usize {
    let mut depth: HashMap<NodeId, usize> = HashMap::new();
    let mut max = 0;
    for d in doc.descendants(id) {
        let h = doc
            .parent(d)
            .and_then(|p| depth.get(&p))
            .map_or(0, |h| h + 1);
        max = max.max(h);
        depth.insert(d, h);
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn body_text(doc: &Document) -> String {
        doc.shown_text(doc.body())
    }

    #[test]
    fn a_streamed_segment_replaces_its_template() {
        let mut doc = parse_html(
            "<body><main><h1>T</h1><template id=\"B:0\"></template><footer>F</footer></main>\
             <div hidden id=\"S:0\"><p>Story <b>text</b>.</p><template id=\"P:1\"></template></div>\
             <div hidden id=\"S:1\"><p>More.</p><template id=\"P:a\"></template></div>\
             <div hidden id=\"S:a\"><p>Last.</p></div></body>",
        );
        place_segments(&mut doc);
        let main = doc.find(DOCUMENT, "main").unwrap();
        assert_eq!(doc.text_content(main), "TStory text.More.Last.F");
        assert_eq!(doc.find(DOCUMENT, "template"), None);
        assert!(body_text(&doc).contains("Story"));
    }

    #[test]
    fn other_hidden_boxes_and_orphans_stay() {
        let html = "<body><p>a</p><div hidden id=\"S:7\"><p>orphan</p></div>\
                    <div hidden id=\"x:0\"><p>pop-up</p></div><template id=\"B:x\"></template></body>";
        let mut doc = parse_html(html);
        place_segments(&mut doc);
        let divs: Vec<NodeId> = doc.find_all(DOCUMENT, "div").collect();
        assert_eq!(divs.len(), 2);
        assert!(divs.iter().all(|&d| doc.attr(d, "hidden").is_some()));
    }
}
