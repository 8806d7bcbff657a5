//! The tidy pass over the clean tree: drops elements left without text or
//! image, then resolves wrappers into paragraphs or dissolves them, so the
//! article is a flat run of blocks.

use super::rules::{is_clean_block, KEEP_WHEN_EMPTY, TIGHT_CONTAINERS};
use super::walk::{Step, Walk};
use crate::dom::{Document, Element, NodeData, NodeId, DOCUMENT};

/// Runs both steps.
pub(super) fn tidy(out: &mut Document, wrappers: &[NodeId], is_wrapper: &[bool]) {
    remove_empty(out);
    for &w in wrappers.iter().rev() {
        // Children come after their parents in creation order, so walking
        // backwards settles every inner wrapper before its outer one.
        if out.parent(w).is_some() {
            resolve_wrapper(out, w, is_wrapper);
        }
    }
    trim_block_edges(out);
}

/// Removes white space a reader never sees: at the start and end of a
/// block, and between blocks. Text inside `<pre>` is left as it is.
fn trim_block_edges(out: &mut Document) {
    let blocks: Vec<NodeId> = out
        .descendants(DOCUMENT)
        .filter(|&n| n == DOCUMENT || out.tag(n).is_some_and(|t| is_clean_block(t) && t != "pre"))
        .collect();
    let is_block = |out: &Document, n: Option<NodeId>| {
        n.is_none_or(|n| out.tag(n).is_some_and(is_clean_block))
    };
    for b in blocks {
        let kids: Vec<NodeId> = out.children(b).collect();
        for &k in &kids {
            let blank = out.text(k).is_some_and(|t| t.trim().is_empty());
            let node = out.node(k);
            if blank && is_block(out, node.prev) && is_block(out, node.next) {
                out.detach(k);
            }
        }
        if let Some(first) = out.node(b).first_child {
            if let Some(t) = out.text_mut(first) {
                let trimmed = t.trim_start().to_string();
                *t = trimmed;
            }
        }
        if let Some(last) = out.node(b).last_child {
            if let Some(t) = out.text_mut(last) {
                let trimmed = t.trim_end().to_string();
                *t = trimmed;
            }
        }
    }
}

/// Whether a clean node counts as content on its own.
fn is_content_leaf(out: &Document, id: NodeId) -> bool {
    match &out.node(id).data {
        NodeData::Text(t) => !t.trim().is_empty(),
        NodeData::Element(_) => out.is(id, "img") || out.is(id, "hr"),
        _ => false,
    }
}

/// Drops elements holding no text, image or rule (table cells and rows are
/// kept so tables keep their shape; breaks and rules are kept in place).
fn remove_empty(out: &mut Document) {
    let mut content = vec![false; out.len()];
    let mut doomed = Vec::new();
    for step in Walk::new(out, DOCUMENT) {
        match step {
            Step::Enter(n) => content[n] = is_content_leaf(out, n),
            Step::Exit(n) => {
                let Some(tag) = out.tag(n) else { continue };
                let has = content[n] || out.children(n).any(|c| content[c]);
                content[n] = has;
                if !has && !KEEP_WHEN_EMPTY.contains(&tag) {
                    doomed.push(n);
                }
            }
        }
    }
    for n in doomed {
        let Some(tag) = out.tag(n) else { continue };
        // An empty inline element may still have stood between two words.
        if !is_clean_block(tag) && out.parent(n).is_some() && !out.text_content(n).is_empty() {
            let space = out.create(NodeData::Text(" ".to_string()));
            out.insert_before(n, space);
        }
        out.detach(n);
    }
}

/// Whether a node's subtree holds text, and whether it holds an image.
fn text_and_image(out: &Document, id: NodeId) -> (bool, bool) {
    let (mut text, mut image) = (false, false);
    for d in out.descendants(id) {
        match &out.node(d).data {
            NodeData::Text(t) if !t.trim().is_empty() => text = true,
            NodeData::Element(_) if out.is(d, "img") => image = true,
            _ => {}
        }
        if text && image {
            break;
        }
    }
    (text, image)
}

/// Settles one wrapper: inline content only makes it a paragraph (or, as
/// the lone child of a list item or cell, just its content); with blocks,
/// runs of inline content between them become paragraphs and the wrapper
/// goes, unless it carries `dir`/`lang`.
fn resolve_wrapper(out: &mut Document, w: NodeId, is_wrapper: &[bool]) {
    let kids: Vec<NodeId> = out.children(w).collect();
    let is_block = |out: &Document, k: NodeId| out.tag(k).is_some_and(is_clean_block);
    if !kids.iter().any(|&k| is_block(out, k)) {
        let (text, image) = kids
            .iter()
            .map(|&k| text_and_image(out, k))
            .fold((false, false), |a, b| (a.0 || b.0, a.1 || b.1));
        if !text && !image {
            out.detach(w);
        } else if !text || lone_child_of_tight_container(out, w, is_wrapper) {
            unwrap(out, w);
        } else if let Some(e) = out.element_mut(w) {
            e.name = "p".into();
        }
        return;
    }
    let mut run = Vec::new();
    for k in kids {
        if is_block(out, k) {
            wrap_run(out, &mut run);
        } else {
            run.push(k);
        }
    }
    wrap_run(out, &mut run);
    if out.element(w).is_some_and(|e| e.attrs.is_empty()) {
        unwrap(out, w);
    }
}

/// Whether `w` is the only thing in a list item, cell or caption.
fn lone_child_of_tight_container(out: &Document, w: NodeId, is_wrapper: &[bool]) -> bool {
    let Some(p) = out.parent(w) else { return false };
    if is_wrapper.get(p).copied().unwrap_or(false)
        || !out.tag(p).is_some_and(|t| TIGHT_CONTAINERS.contains(&t))
    {
        return false;
    }
    out.children(p)
        .all(|c| c == w || out.text(c).is_some_and(|t| t.trim().is_empty()))
}

/// Turns a run of inline siblings into a paragraph; a run of only white
/// space and breaks is dropped.
fn wrap_run(out: &mut Document, run: &mut Vec<NodeId>) {
    let blank = |out: &Document, n: NodeId| {
        out.is(n, "br") || out.text(n).is_some_and(|t| t.trim().is_empty())
    };
    while run.first().is_some_and(|&n| blank(out, n)) {
        out.detach(run.remove(0));
    }
    while run.last().is_some_and(|&n| blank(out, n)) {
        if let Some(n) = run.pop() {
            out.detach(n);
        }
    }
    if run.is_empty() {
        return;
    }
    let p = out.create(NodeData::Element(Element::html("p", vec![])));
    out.insert_before(run[0], p);
    for n in run.drain(..) {
        out.append(p, n);
    }
}

/// Moves a node's children into its place and removes it.
fn unwrap(out: &mut Document, id: NodeId) {
    let kids: Vec<NodeId> = out.children(id).collect();
    for k in kids {
        out.insert_before(id, k);
    }
    out.detach(id);
}
