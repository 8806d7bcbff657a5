//! The tidy pass over the clean tree: drops elements left without text or
//! image, then resolves wrappers into paragraphs or dissolves them, so the
//! article is a flat run of blocks.

use super::walk::{Step, Walk};
use crate::dom::{Document, Element, NodeData, NodeId, DOCUMENT};
use crate::tag_sets;

/// Runs both steps.
pub(super) fn tidy(out: &mut Document, wrappers: &[NodeId], is_wrapper: &[bool]) {
    remove_empty(out);
    for &w in wrappers {
        // Creation order is document order, outer wrappers first: when one
        // dissolves, its children move up once and land under an element
        // that is already settled, so no node moves twice. An inner wrapper
        // is a block to its outer one whatever it becomes.
        if out.parent(w).is_some() {
            resolve_wrapper(out, w, is_wrapper);
        }
    }
    merge_texts(out);
    trim_block_edges(out);
}

/// Joins text nodes left side by side by removed elements, collapsing the
/// spaces where they meet (outside `<pre>`), so the tree is what a parser
/// would build from its own serialisation.
fn merge_texts(out: &mut Document) {
    let mut texts = Vec::new();
    let mut pre = 0usize;
    for step in Walk::new(out, DOCUMENT) {
        match step {
            Step::Enter(n) if out.is(n, "pre") => pre += 1,
            Step::Exit(n) if out.is(n, "pre") => pre = pre.saturating_sub(1),
            // Only a text with a text after it has anything to join (merging
            // never gives a text a new neighbour: what it detaches follows
            // an earlier text). A list of every text was 16 MB of a
            // 1000x1000 table's peak (issue 15).
            Step::Enter(n)
                if out.text(n).is_some()
                    && out.node(n).next().is_some_and(|x| out.text(x).is_some()) =>
            {
                texts.push((n, pre > 0))
            }
            _ => {}
        }
    }
    for (t, in_pre) in texts {
        if out.parent(t).is_none() {
            continue;
        }
        while let Some(next) = out.node(t).next() {
            let Some(more) = out.text(next).map(str::to_string) else {
                break;
            };
            out.detach(next);
            if let Some(text) = out.text_mut(t) {
                if !in_pre && text.ends_with(' ') {
                    text.push_str(more.trim_start_matches(' '));
                } else {
                    text.push_str(&more);
                }
            }
        }
    }
}

/// Removes white space a reader never sees: at the start and end of a
/// block, and between blocks. Text inside `<pre>` is left as it is.
fn trim_block_edges(out: &mut Document) {
    // Only the blocks with something to trim: a list of every block was
    // 8 MB of a 1000x1000 table's peak (issue 15). Trimming a block
    // changes its own children only, so none gains something to trim.
    let blocks: Vec<NodeId> = out
        .descendants(DOCUMENT)
        .filter(|&n| {
            (n == DOCUMENT
                || out
                    .tag(n)
                    .is_some_and(|t| tag_sets::clean_block(t) && t != "pre"))
                && has_edge_space(out, n)
        })
        .collect();
    let is_block = |out: &Document, n: Option<NodeId>| {
        n.is_none_or(|n| out.tag(n).is_some_and(tag_sets::clean_block))
    };
    for b in blocks {
        let kids: Vec<NodeId> = out.children(b).collect();
        for &k in &kids {
            let blank = out.text(k).is_some_and(|t| t.trim().is_empty());
            let node = out.node(k);
            if blank && is_block(out, node.prev()) && is_block(out, node.next()) {
                out.detach(k);
            }
        }
        // Text nodes at an edge may come in a row (a removed element left
        // a space between two): trim until one keeps some text.
        let mut cur = out.node(b).first_child();
        while let Some(c) = cur {
            let Some(t) = out.text_mut(c) else { break };
            let trimmed = t.trim_start().to_string();
            *t = trimmed;
            if !t.is_empty() {
                break;
            }
            cur = out.node(c).next();
        }
        let mut cur = out.node(b).last_child();
        while let Some(c) = cur {
            let Some(t) = out.text_mut(c) else { break };
            let trimmed = t.trim_end().to_string();
            *t = trimmed;
            if !t.is_empty() {
                break;
            }
            cur = out.node(c).prev();
        }
    }
}

/// Whether [`trim_block_edges`] has anything to do in `b`: a blank text
/// in it, or white space at its first text's start or its last's end.
fn has_edge_space(out: &Document, b: NodeId) -> bool {
    let node = out.node(b);
    let edge =
        |c: Option<NodeId>, at: fn(&str) -> bool| c.and_then(|c| out.text(c)).is_some_and(at);
    edge(node.first_child(), |t| t.starts_with(char::is_whitespace))
        || edge(node.last_child(), |t| t.ends_with(char::is_whitespace))
        || out
            .children(b)
            .any(|k| out.text(k).is_some_and(|t| t.trim().is_empty()))
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
                if !has && !tag_sets::keep_when_empty(tag) {
                    doomed.push(n);
                }
            }
        }
    }
    for n in doomed {
        let Some(tag) = out.tag(n) else { continue };
        // An empty inline element may still have stood between two words.
        if !tag_sets::clean_block(tag) && out.parent(n).is_some() && !out.text_content(n).is_empty()
        {
            let node = out.node(n);
            let (prev, next) = (node.prev(), node.next());
            let spaced = prev
                .and_then(|p| out.text(p))
                .is_some_and(|t| t.ends_with(char::is_whitespace))
                || next
                    .and_then(|x| out.text(x))
                    .is_some_and(|t| t.starts_with(char::is_whitespace));
            if !spaced {
                match prev.and_then(|p| out.text_mut(p)) {
                    Some(t) => t.push(' '),
                    None => {
                        let space = out.create(NodeData::Text(" ".to_string()));
                        out.insert_before(n, space);
                    }
                }
            }
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
/// the lone child of a list item or cell, or as a figure's picture, just its
/// content); with blocks,
/// runs of inline content between them become paragraphs and the wrapper
/// goes, unless it carries `dir`/`lang`.
fn resolve_wrapper(out: &mut Document, w: NodeId, is_wrapper: &[bool]) {
    let kids: Vec<NodeId> = out.children(w).collect();
    let is_block = |out: &Document, k: NodeId| out.tag(k).is_some_and(tag_sets::clean_block);
    if !kids.iter().any(|&k| is_block(out, k)) {
        let (text, image) = kids
            .iter()
            .map(|&k| text_and_image(out, k))
            .fold((false, false), |a, b| (a.0 || b.0, a.1 || b.1));
        let in_figure = out.parent(w).is_some_and(|p| out.is(p, "figure"));
        if !text && !image {
            out.detach(w);
        } else if lone_child_of_tight_container(out, w, is_wrapper) || (!text && in_figure) {
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
        || !out.tag(p).is_some_and(tag_sets::tight_container)
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
    let start = run
        .iter()
        .position(|&n| !blank(out, n))
        .unwrap_or(run.len());
    let end = run
        .iter()
        .rposition(|&n| !blank(out, n))
        .map_or(start, |i| i + 1);
    for &n in run[..start].iter().chain(&run[end.max(start)..]) {
        out.detach(n);
    }
    let kept: Vec<NodeId> = run[start..end.max(start)].to_vec();
    run.clear();
    if kept.is_empty() {
        return;
    }
    let p = out.create(NodeData::Element(Element::html("p", vec![])));
    out.insert_before(kept[0], p);
    for n in kept {
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
