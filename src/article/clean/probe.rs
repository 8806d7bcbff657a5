//! Looks ahead into source subtrees the copier is about to enter: whether
//! an element holds blocks, whether a form holds content, whether a table
//! is for layout, which video service an embed plays. Every look is
//! bounded, so no page makes the copy quadratic.

use super::rules::{self, Role, VIDEO_HOSTS};
use super::walk::{Step, Walk};
use crate::dom::{Document, Namespace, NodeData, NodeId};
use crate::tag_sets;
use crate::visibility::hidden_by_markup;

/// Nodes looked at when deciding whether an inline element holds blocks;
/// a real one shows its blocks within a few children.
const BLOCK_SCAN_LIMIT: usize = 256;
/// A form with at least this much text (outside its controls) wraps page
/// content (ASP.NET pages put the whole body in one form) and is kept;
/// smaller ones are sign-up or comment boxes.
const FORM_KEEP_MIN_CHARS: usize = 500;
/// Nodes looked at when measuring a form's text.
const FORM_SCAN_LIMIT: usize = 20_000;
/// Nodes looked at when searching a table for a nested table.
const TABLE_SCAN_LIMIT: usize = 10_000;

/// Whether an element holds a block among its children, looking through
/// elements that are dropped on copy (`<span>`, custom elements).
pub(super) fn bears_block(doc: &Document, id: NodeId) -> bool {
    let mut budget = BLOCK_SCAN_LIMIT;
    let mut stack: Vec<NodeId> = doc.children(id).take(budget).collect();
    while let Some(n) = stack.pop() {
        if budget == 0 {
            return false;
        }
        budget -= 1;
        let Some(el) = doc.element(n) else { continue };
        if el.ns != Namespace::Html || hidden_by_markup(el) {
            continue;
        }
        if rules::is_blockish_source(&el.name) {
            return true;
        }
        if matches!(rules::role(&el.name), Role::Unwrap | Role::Unknown) {
            stack.extend(doc.children(n).take(budget));
        }
    }
    false
}

/// Whether a form holds page content rather than controls.
pub(super) fn form_has_text(doc: &Document, id: NodeId) -> bool {
    let mut chars = 0;
    let mut walk = Walk::new(doc, id);
    let mut steps = 0;
    while let Some(step) = walk.next() {
        steps += 1;
        if steps > FORM_SCAN_LIMIT {
            return false;
        }
        let Step::Enter(n) = step else { continue };
        match &doc.node(n).data {
            NodeData::Text(t) => {
                chars += t.chars().filter(|c| !c.is_whitespace()).count();
                if chars >= FORM_KEEP_MIN_CHARS {
                    return true;
                }
            }
            NodeData::Element(e) if tag_sets::form_control_or_script(&e.name) => {
                walk.skip_subtree(n)
            }
            _ => {}
        }
    }
    false
}

/// Whether a table lays out the page rather than holding data, after
/// Readability's `_markDataTables`, keeping only the signals that are safe
/// for dissolving it: an explicit role, a nested table, a single row or
/// column; any header or caption makes it data.
pub(super) fn is_layout_table(doc: &Document, id: NodeId) -> bool {
    let attr = |k: &str| doc.attr(id, k).map(|v| v.trim().to_ascii_lowercase());
    if matches!(attr("role").as_deref(), Some("presentation" | "none"))
        || attr("datatable").as_deref() == Some("0")
    {
        return true;
    }
    if attr("summary").is_some_and(|s| !s.is_empty()) {
        return false;
    }
    let (mut rows, mut cols) = (0usize, 0usize);
    let shown = |n: &NodeId| doc.element(*n).is_some_and(|e| !hidden_by_markup(e));
    let mut count_row = |tr: NodeId| -> bool {
        rows += 1;
        let mut cells = 0usize;
        for c in doc.element_children(tr).filter(shown) {
            if doc.is(c, "th") {
                return false;
            }
            if doc.is(c, "td") {
                let span = doc
                    .attr(c, "colspan")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                cells += span.clamp(1, 1000);
            }
        }
        cols = cols.max(cells);
        true
    };
    for c in doc.element_children(id).filter(shown) {
        match doc.tag(c) {
            Some("caption" | "colgroup" | "col" | "thead" | "tfoot") => return false,
            Some("tbody") => {
                for tr in doc
                    .element_children(c)
                    .filter(|&r| doc.is(r, "tr"))
                    .filter(shown)
                {
                    if !count_row(tr) {
                        return false;
                    }
                }
            }
            Some("tr") if !count_row(c) => return false,
            _ => {}
        }
    }
    let nested = doc
        .descendants(id)
        .skip(1)
        .take(TABLE_SCAN_LIMIT)
        .any(|n| doc.is(n, "table"));
    nested || rows <= 1 || cols <= 1
}

/// The name of the video service an address plays on, if it is a known one.
pub(super) fn video_provider(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.split_once("//").map_or(lower.as_str(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let on = |h: &str| host == h || host.ends_with(&format!(".{h}"));
    VIDEO_HOSTS
        .iter()
        .find(|(h, _)| match h.split_once('/') {
            Some((hh, _)) => on(hh) && rest.contains(h),
            None => on(h),
        })
        .map(|&(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::DOCUMENT;

    #[test]
    fn knows_video_hosts() {
        assert_eq!(
            video_provider("https://www.youtube.com/embed/abc"),
            Some("YouTube")
        );
        assert_eq!(
            video_provider("https://player.vimeo.com/video/1"),
            Some("Vimeo")
        );
        assert_eq!(
            video_provider("https://www.facebook.com/plugins/video.php?x"),
            Some("Facebook")
        );
        assert_eq!(
            video_provider("https://www.facebook.com/plugins/like.php"),
            None
        );
        assert_eq!(video_provider("https://ads.example.com/youtube.com"), None);
        assert_eq!(video_provider("https://notyoutube.com/x"), None);
    }

    #[test]
    fn layout_tables_are_told_from_data_tables() {
        let t = |html: &str| {
            let d = crate::parse::parse_html(html);
            let id = d.find(DOCUMENT, "table").unwrap();
            is_layout_table(&d, id)
        };
        assert!(t("<table><tr><td>only cell</td></tr></table>"));
        assert!(t("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>"));
        assert!(t(
            "<table role=presentation><tr><td>a<td>b</tr><tr><td>c<td>d</tr></table>"
        ));
        assert!(t(
            "<table><tr><td>a<td><table><tr><td>x</table></tr><tr><td>c<td>d</tr></table>"
        ));
        assert!(!t("<table><tr><td>a<td>b</tr><tr><td>c<td>d</tr></table>"));
        assert!(!t("<table><tr><th>h</tr><tr><td>c</tr></table>"));
    }

    #[test]
    fn block_detection_looks_through_spans() {
        let d = crate::parse::parse_html(
            "<b id=x><span><span><p>p</p></span></span></b><i id=y>a<span>b</span></i>",
        );
        let b = d.find(DOCUMENT, "b").unwrap();
        let i = d.find(DOCUMENT, "i").unwrap();
        assert!(bears_block(&d, b));
        assert!(!bears_block(&d, i));
    }
}
