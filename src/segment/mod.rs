//! Cuts a document into blocks of visible text and gives each a kind.
//!
//! leaves (runs of inline text) -> stats (per-element totals) -> body (the
//! article's container) -> classify (a kind per leaf) -> blocks (leaves of
//! one widget merged, and ad slots with no text) and the article
//! selection.

mod ad_slots;
mod anchors;
mod body;
mod classify;
mod evidence;
mod items;
mod label;
mod leaves;
mod node_map;
mod page_type;
mod reviews;
mod selection;
mod stats;

use body::Flags;
pub use leaves::Leaf;
pub use selection::Selection;

use crate::dom::{Document, NodeId};
use crate::model::{Block, Kind, Label, Reason, ReasonCode};
use crate::why::WhyMessage;
pub use classify::Hints;
use classify::{Classified, Verdict};
use node_map::NodeMap;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A map keyed by node id. The ids are small integers, unique in a page,
/// so a multiply spreads them well enough; SipHash made the one block of a
/// 1000x1000 table's cells (a million owners to count) cost 1.5 s
/// (issue 15).
type IdMap<V> = HashMap<NodeId, V, BuildHasherDefault<IdHasher>>;

/// The hasher of [`IdMap`].
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Article text shorter than this makes the extraction retry with fewer
/// heuristics, as Readability does.
const MIN_ARTICLE_CHARS: usize = 500;
/// Reasons kept per block.
const MAX_REASONS: usize = 4;

/// The heuristics tried in order while the article stays too short.
const ATTEMPTS: [Flags; 4] = [
    Flags::ALL,
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
        forum: false,
        non_article: false,
        signed: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
        forum: false,
        non_article: false,
        signed: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
        forum: false,
        non_article: false,
        signed: false,
    },
];

/// The blocks of a page and the part of its tree that holds the article.
#[derive(Debug, Clone)]
pub struct Segmentation {
    /// All blocks in document order.
    pub blocks: Vec<Block>,
    /// Which nodes make the article.
    pub selection: Selection,
    /// What kind of page it is.
    pub page_type: crate::model::PageType,
    /// Why: the evidence for the page type.
    pub page_type_evidence: Vec<String>,
}

/// Segments and classifies a document; the page's metadata helps recognise
/// the headline and the byline.
pub fn segment(doc: &Document, hints: &Hints) -> Segmentation {
    let root = doc.body();
    let (leaves, latent) = leaves::cut_with_latent(doc, root);
    let mut stats = stats::compute(doc, root, &leaves);
    let mut best: Option<(usize, body::Region, Classified)> = None;
    let typed = page_type::classify(doc, hints.url, &stats);
    let forum = typed.page_type == page_type::PageType::Forum;
    let posts = forum
        .then(|| {
            let chrome = body::unlikely_marks(doc, &stats, root, true);
            items::best(doc, &stats, items::POSTS, &chrome)
        })
        .flatten();
    let product = typed.page_type == page_type::PageType::Product;
    let review_marks = if product {
        reviews::marks(doc, &stats)
    } else {
        Vec::new()
    };
    let facts = classify::PageFacts::new(doc, &leaves, &stats, forum, review_marks);
    for flags in ATTEMPTS {
        let non_article = !matches!(
            typed.page_type,
            page_type::PageType::Article | page_type::PageType::Forum
        );
        let flags = Flags {
            forum,
            non_article,
            signed: hints.byline.is_some(),
            ..flags
        };
        let mut region = body::find(doc, root, &leaves, &stats, flags, facts.reviews());
        if let Some(g) = &typed.items {
            let held = g.chars as f64 / stats.of(region.top).chars.max(1) as f64;
            region.adopt_items(g.parent, held, &stats);
        } else if let Some(g) = posts.as_ref().filter(|g| g.prose_chars > 0) {
            let held = g.prose_chars as f64 / stats.of(region.top).prose_chars.max(1) as f64;
            region.adopt_items(g.parent, held, &stats);
        }
        let classified = classify::classify(doc, &leaves, &stats, &region, flags, hints, &facts);
        let chars = article_chars(&leaves, &classified);
        let better = best.as_ref().is_none_or(|(c, _, _)| chars > *c);
        if better {
            best = Some((chars, region, classified));
        }
        if chars >= MIN_ARTICLE_CHARS {
            break;
        }
    }
    // Freed before the blocks are grouped, the segmentation's peak: 16 MB
    // of widget cues and first leaves on a 1000x1000 table (issue 15).
    drop(facts);
    let Some((_, region, classified)) = best else {
        return Segmentation {
            blocks: Vec::new(),
            selection: Selection {
                roots: vec![root],
                excluded: vec![false; doc.len()],
            },
            page_type: typed.page_type,
            page_type_evidence: typed.evidence,
        };
    };
    let mut selection = select(doc, &leaves, &stats, &region, &classified);
    let v = &classified.verdicts;
    let repeats = if product {
        selection::Repeats::Lines
    } else if forum {
        selection::Repeats::Posts
    } else {
        selection::Repeats::Paragraphs
    };
    selection.drop_repeated_runs(doc, &stats, &leaves, repeats, |i| {
        v[i].kind == Kind::Content && !v[i].not_body
    });
    // Only the verdicts are read from here on; the region, its node marks
    // and the inherited ancestor tags go before grouping (8 MB of a
    // 1000x1000 table's peak; issue 15).
    let Classified { verdicts, .. } = classified;
    drop(region);
    stats.within = Vec::new();
    // Hidden pop-ups and slots are labelled apart and slotted back in page
    // order; they never weigh on the article.
    let latent_verdicts: Vec<Verdict> = latent
        .iter()
        .map(|l| classify::classify_latent(doc, l))
        .collect();
    // Streamed into `group`: as a list it took 16 bytes a leaf (16 MB of
    // a 1000x1000 table's peak; issue 15).
    let mut visible = leaves.iter().zip(&verdicts).enumerate().peekable();
    let mut hidden = latent.iter().zip(&latent_verdicts).peekable();
    let mut current: Option<(std::slice::Iter<Leaf>, &Verdict)> = None;
    let sequence = std::iter::from_fn(move || loop {
        if let Some((rest, v)) = &mut current {
            if let Some(leaf) = rest.next() {
                return Some((leaf, *v));
            }
            current = None;
        }
        let next = visible.peek().map(|&(i, _)| i);
        if let Some((l, v)) = hidden.next_if(|(l, _)| next.is_none_or(|i| l.before <= i)) {
            current = Some((l.leaves.iter(), v));
            continue;
        }
        return visible.next().map(|(_, pair)| pair);
    });
    let all = leaves.len() + latent.iter().map(|l| l.leaves.len()).sum::<usize>();
    let mut blocks = group(doc, &stats, sequence, all);
    ad_slots::add(doc, &stats, &mut blocks, &mut selection);
    for b in &mut blocks {
        let (label, why) = label::describe(doc, b, hints.url);
        b.label = label;
        b.why = why.iter().map(WhyMessage::english).collect();
        b.why_messages = why;
    }
    Segmentation {
        blocks,
        selection,
        page_type: typed.page_type,
        page_type_evidence: typed.evidence,
    }
}

/// Characters of body text an attempt yields.
fn article_chars(leaves: &[Leaf], c: &Classified) -> usize {
    leaves
        .iter()
        .zip(&c.verdicts)
        .filter(|(l, v)| v.kind == Kind::Content && !v.not_body && c.in_region[l.owner])
        .map(|(l, _)| l.chars as usize)
        .sum()
}

/// The article: the body's roots, minus every box and every element whose
/// text is all non-content.
fn select(
    doc: &Document,
    leaves: &[Leaf],
    stats: &stats::Stats,
    region: &body::Region,
    c: &Classified,
) -> Selection {
    let mut excluded = vec![false; doc.len()];
    for &(node, _) in &c.boxes {
        if c.in_region[node] {
            excluded[node] = true;
        }
    }
    // Count content and other leaves per element, bottom-up.
    let mut content = vec![0u32; doc.len()];
    let mut other = vec![0u32; doc.len()];
    for (l, v) in leaves.iter().zip(&c.verdicts) {
        if v.kind == Kind::Content && !v.not_body {
            content[l.owner] += 1;
        } else {
            other[l.owner] += 1;
        }
    }
    for &id in stats.order.iter().rev() {
        if let Some(p) = doc.parent(id) {
            content[p] += content[id];
            other[p] += other[id];
        }
    }
    for &id in &stats.order {
        if c.in_region[id] && other[id] > 0 && content[id] == 0 {
            excluded[id] = true;
        }
    }
    // A non-content run sharing its element with content: drop its nodes,
    // but not an element of the run that holds content itself (an unknown
    // element such as reddit's `<shreddit-app>`, taken into the run of the
    // "Skip to main content" link before it, holds the whole thread: WCXB
    // dev split, two threads 1.0 -> 0 word F1 when their body was `<body>`).
    for (l, v) in leaves.iter().zip(&c.verdicts) {
        let non_content = v.kind != Kind::Content || v.not_body;
        if non_content && c.in_region[l.owner] && content[l.owner] > 0 {
            for &n in &l.nodes {
                if content[n] == 0 {
                    excluded[n] = true;
                }
            }
        }
    }
    // Lead paragraphs outside the body's container join it, in page order.
    let mut roots = region.roots.clone();
    for (l, v) in leaves.iter().zip(&c.verdicts) {
        if v.lead && !roots.iter().any(|&r| stats.contains(r, l.owner)) {
            roots.push(l.owner);
        }
    }
    stats.sort_by_position(&mut roots);
    Selection { roots, excluded }
}

/// What a leaf's block is made of, for [`joins`]: its kind, its widget and,
/// for content, the table whose cell holds it.
#[derive(Clone, Copy)]
struct Joinable {
    kind: Kind,
    unit: Option<NodeId>,
    table: Option<NodeId>,
}

/// Whether a leaf joins the block before it: same non-content kind, same
/// widget; or content in cells of the same table, a table being one widget
/// (a block per cell made a 1000x1000 table a million blocks, 215 MB of
/// them; issue 15).
fn joins(prev: Option<Joinable>, next: Joinable) -> bool {
    prev.is_some_and(|p| {
        p.kind == next.kind
            && if next.kind == Kind::Content {
                next.table.is_some() && next.table == p.table
            } else {
                next.unit.is_some() && next.unit == p.unit
            }
    })
}

/// The table whose cell (`<td>`, `<th>`) is `owner`, if it is one.
fn cell_table(doc: &Document, owner: NodeId) -> Option<NodeId> {
    if !matches!(doc.tag(owner), Some("td" | "th")) {
        return None;
    }
    // A cell's table is its row's parent, or the parent of the row's
    // section (`<tbody>`, `<thead>`, `<tfoot>`).
    let row = doc.parent(owner).filter(|&r| doc.is(r, "tr"))?;
    let up = doc.parent(row)?;
    if doc.is(up, "table") {
        return Some(up);
    }
    doc.parent(up).filter(|&t| doc.is(t, "table"))
}

/// Gives a block the fewest elements that hold exactly its text, in
/// document order: a list whose every item is in the block is named by the
/// list, not item by item, so a front can hide or outline it as one box.
/// An element is taken only when every leaf under it belongs to the block,
/// and never the body itself.
///
/// `body` is the document's `<body>` (looked up once by the caller: the
/// lookup walks the head).
fn cover(doc: &Document, stats: &stats::Stats, body: NodeId, block: &mut Block, owners: &[u32]) {
    // The highest element each whole one climbs to through whole parents.
    let top_of: Tops = match owners {
        [owner] => Tops::Few(one_leaf_tops(doc, stats, body, *owner as NodeId)),
        _ => Tops::Many(many_leaf_tops(
            doc,
            stats,
            body,
            owners,
            NodeMap::dense_for(owners.len(), doc.len()),
        )),
    };
    let nodes = &mut block.nodes;
    for n in nodes.iter_mut() {
        *n = doc.parent(*n).and_then(|p| top_of.get(p)).unwrap_or(*n);
    }
    // Sorted and deduplicated below: neighbours that climbed to one element
    // go first, before the sort (a 1000×1000 table's million cells all
    // climb to the table, and their sort took 16 MB; issue 15).
    nodes.dedup();
    let order = |n: NodeId| stats.position(n);
    crate::sort::sort_by_key_then_id(nodes, |n| order(n) as u64);
    nodes.dedup();
    // A node inside another one of the list is covered by it.
    let mut kept = 0;
    for i in 0..nodes.len() {
        let n = nodes[i];
        if kept == 0 || !stats.contains(nodes[kept - 1], n) {
            nodes[kept] = n;
            kept += 1;
        }
    }
    nodes.truncate(kept);
    // The block outlives the segmentation: a 1000x1000 table's block kept
    // room for its million cells, 8 MB, through the article step (issue 15).
    nodes.shrink_to_fit();
}

/// The whole elements of a block and the highest whole element each
/// climbs to (see [`cover`]).
enum Tops {
    /// For a block of one leaf: the few elements over it, as pairs.
    Few(Vec<(NodeId, NodeId)>),
    /// For a block of many leaves.
    Many(NodeMap),
}

impl Tops {
    fn get(&self, n: NodeId) -> Option<NodeId> {
        match self {
            Tops::Few(pairs) => pairs.iter().find(|&&(w, _)| w == n).map(|&(_, t)| t),
            Tops::Many(map) => map.get(n),
        }
    }
}

/// Whether a block's climb from an owner goes on through `n` (see
/// [`leaf_counts`]).
fn climbs(stats: &stats::Stats, body: NodeId, n: NodeId, leaves: usize) -> bool {
    n != body && stats.position(n) != usize::MAX && stats.of(n).leaves <= leaves
}

/// [`Tops`] of a block of one leaf, what [`many_leaf_tops`] gives for it
/// without its maps: the elements over the owner holding no other leaf,
/// climbed to the highest of an unbroken run of them. A block per leaf is
/// the common case (every paragraph of an article), and the maps cost six
/// allocations a block (issue 15).
fn one_leaf_tops(
    doc: &Document,
    stats: &stats::Stats,
    body: NodeId,
    owner: NodeId,
) -> Vec<(NodeId, NodeId)> {
    let mut chain: Vec<NodeId> = Vec::new();
    let mut at = Some(owner);
    while let Some(n) = at.filter(|&n| climbs(stats, body, n, 1)) {
        chain.push(n);
        at = doc.parent(n);
    }
    let whole = |n: NodeId| doc.element(n).is_some() && stats.of(n).leaves == 1;
    // Highest first, so each parent's top is known before its child's.
    let mut tops: Vec<(NodeId, NodeId)> = Vec::new();
    for &w in chain.iter().rev().filter(|&&w| whole(w)) {
        let top = doc
            .parent(w)
            .and_then(|p| tops.iter().find(|&&(x, _)| x == p))
            .map_or(w, |&(_, t)| t);
        tops.push((w, top));
    }
    tops
}

/// [`Tops`] of a block of many leaves, whose `owners` are its leaves'
/// (maps `dense` or not, see [`NodeMap`]).
fn many_leaf_tops(
    doc: &Document,
    stats: &stats::Stats,
    body: NodeId,
    owners: &[u32],
    dense: bool,
) -> NodeMap {
    let (mut counts, reached) = leaf_counts(doc, stats, body, owners, dense);
    let whole = |counts: &NodeMap, n: NodeId| {
        doc.element(n).is_some()
            && stats.of(n).leaves > 0
            && counts.get(n) == Some(stats.of(n).leaves)
    };
    if dense {
        // The counts become the tops in place, parents (earlier in
        // document order) first: a node's count is read before it is
        // overwritten, its parent's top after. A list of the whole
        // elements, its sort and a second map were 48 MB of a 1000×1000
        // table's peak (issue 15); a dense map's block holds one node in 16
        // of the page, so the scan of the page costs at most 16 times it.
        for &n in &stats.order {
            if !counts.contains(n) {
                continue;
            }
            if whole(&counts, n) {
                let top = doc.parent(n).and_then(|p| counts.get(p)).unwrap_or(n);
                counts.insert(n, top);
            } else {
                counts.remove(n);
            }
        }
        return counts;
    }
    // Parents (earlier in document order) first, so every node climbs in
    // one step: climbing node by node costs depth × nodes when a block
    // holds thousands of nodes 512 levels deep.
    let mut wholes: Vec<NodeId> = reached.into_iter().filter(|&n| whole(&counts, n)).collect();
    // Freed before `top_of` is built: both maps at once were the peak of a
    // 1000×1000 table's block (issue 15).
    drop(counts);
    stats.sort_unstable_by_position(&mut wholes, false);
    let mut top_of = NodeMap::new(doc.len(), dense);
    for w in wholes {
        let top = doc.parent(w).and_then(|p| top_of.get(p)).unwrap_or(w);
        top_of.insert(w, top);
    }
    top_of
}

/// How many of a block's leaves (by owner, repeats counted) lie under each
/// element below the body. Leaf counts only grow going up, so no element
/// holding more leaves than the block can be all of it: climbs stop there.
/// Each element is climbed through once (a climb ends where an earlier one
/// passed) and the counts are summed bottom-up after, so a block of many
/// leaves deep in the page costs its nodes, not leaves × depth.
///
/// Also gives the elements counted, in reverse document order, when the
/// map is sparse; a dense map's are the visible elements it holds, summed
/// by a scan of the page instead (a list and its sort were 32 MB of a
/// 1000×1000 table's peak; issue 15).
fn leaf_counts(
    doc: &Document,
    stats: &stats::Stats,
    body: NodeId,
    owners: &[u32],
    dense: bool,
) -> (NodeMap, Vec<NodeId>) {
    let climbs = |n: NodeId| climbs(stats, body, n, owners.len());
    let mut counts = NodeMap::new(doc.len(), dense);
    let mut reached: Vec<NodeId> = Vec::new();
    for owner in owners.iter().map(|&o| o as NodeId).filter(|&o| climbs(o)) {
        if counts.add(owner, 1) {
            continue;
        }
        counts.insert(owner, 1);
        if !dense {
            reached.push(owner);
        }
        let mut at = doc.parent(owner);
        while let Some(n) = at.filter(|&n| climbs(n) && !counts.contains(n)) {
            counts.insert(n, 0);
            if !dense {
                reached.push(n);
            }
            at = doc.parent(n);
        }
    }
    let mut sum_up = |n: NodeId| {
        let below = counts.get(n).unwrap_or(0);
        if let Some(p) = doc.parent(n) {
            counts.add(p, below);
        }
    };
    if dense {
        // Every element counted climbs, so it is visible: in the order.
        for &n in stats.order.iter().rev() {
            sum_up(n);
        }
    } else {
        // Descendants come after their ancestors in document order.
        stats.sort_unstable_by_position(&mut reached, true);
        for &n in &reached {
            sum_up(n);
        }
    }
    (counts, reached)
}

/// Merges consecutive leaves of one widget into blocks, each naming the
/// elements that cover it (see [`cover`]); `len` is how many leaves
/// `sequence` gives.
fn group<'a>(
    doc: &Document,
    stats: &stats::Stats,
    sequence: impl Iterator<Item = (&'a Leaf, &'a Verdict)>,
    len: usize,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // The owners of all blocks' leaves, block after block, and where each
    // block's start, for `cover` (one list, not one per block: a million
    // blocks made a million lists). Node ids fit 4 bytes (`dom::Document`
    // refuses more): as 8 they took 4 MB more of a 1000x1000 table's
    // grouping, its peak then (issue 15).
    let mut owners: Vec<u32> = Vec::with_capacity(len);
    let mut starts: Vec<usize> = Vec::new();
    let mut prev = None;
    let mut last_reasons: Option<&classify::Reasons> = None;
    for (leaf, v) in sequence {
        let next = Joinable {
            kind: v.kind,
            unit: v.unit(),
            table: if v.kind == Kind::Content {
                cell_table(doc, leaf.owner)
            } else {
                None
            },
        };
        let joins = joins(prev, next);
        let nodes: &[NodeId] = if leaf.whole_owner {
            std::slice::from_ref(&leaf.owner)
        } else {
            &leaf.nodes
        };
        match blocks.last_mut().filter(|_| joins) {
            Some(b) => {
                b.text.push(' ');
                b.text.push_str(&leaf.text);
                b.confidence = b.confidence.max(v.confidence);
                // The same shared reasons as the last leaf's are in already.
                if !last_reasons.is_some_and(|l| Rc::ptr_eq(l, &v.reasons)) {
                    for r in v.reasons.iter() {
                        if b.reasons.len() < MAX_REASONS && !b.reasons.contains(r) {
                            b.reasons.push(r.clone());
                        }
                    }
                }
                // `cover` sorts and deduplicates them.
                b.nodes.extend_from_slice(nodes);
            }
            None => {
                let mut reasons: Vec<Reason> =
                    v.reasons.iter().take(MAX_REASONS).cloned().collect();
                if reasons.is_empty() {
                    reasons.push(Reason::new(ReasonCode::Unclassified, "no signal"));
                }
                blocks.push(Block {
                    kind: v.kind,
                    text: leaf.text.to_string(),
                    confidence: v.confidence,
                    reasons,
                    // Set once the block is whole (`label::describe`).
                    label: Label::OtherPageParts,
                    why: Vec::new(),
                    why_messages: Vec::new(),
                    nodes: nodes.to_vec(),
                });
                starts.push(owners.len());
            }
        }
        owners.push(leaf.owner as u32);
        last_reasons = Some(&v.reasons);
        prev = Some(next);
    }
    let body = doc.body();
    starts.push(owners.len());
    for (block, span) in blocks.iter_mut().zip(starts.windows(2)) {
        // Grown by doubling: up to 8 MB spare on the table's block, 1 MB of
        // its peak when still held through `cover`.
        block.text.shrink_to_fit();
        cover(doc, stats, body, block, &owners[span[0]..span[1]]);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hints for the test pages, whose headline is "Title".
    const TITLED: Hints = Hints {
        title: Some("Title"),
        byline: None,
        url: None,
    };
    use crate::parse::parse_html;

    #[test]
    fn a_simple_article_is_content_and_its_sidebar_is_not() {
        let p = "A long paragraph of article prose, with commas, that goes on and on for a while.";
        let html = format!(
            "<nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <article><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p>\
             <div class=related><h3>Related stories</h3><ul><li><a href=/a>One other story about things</a></li>\
             <li><a href=/b>Another story about more things</a></li></ul></div></article>\
             <footer>© 2024 Example</footer>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        let kinds: Vec<(Kind, &str)> = seg
            .blocks
            .iter()
            .map(|b| (b.kind, &b.text[..b.text.len().min(12)]))
            .collect();
        assert_eq!(kinds[0].0, Kind::Boilerplate, "{kinds:?}");
        assert!(
            seg.blocks
                .iter()
                .filter(|b| b.kind == Kind::Content)
                .count()
                >= 3,
            "{kinds:?}"
        );
        let related = seg
            .blocks
            .iter()
            .find(|b| b.kind == Kind::Related)
            .expect("related block");
        assert!(related.text.starts_with("Related stories"));
        assert_eq!(seg.blocks.last().unwrap().kind, Kind::Boilerplate);
    }

    const PROSE: &str =
        "A long paragraph of article prose, with commas, that goes on and on for a while.";

    fn kind_of(seg: &Segmentation, needle: &str) -> Kind {
        seg.blocks
            .iter()
            .find(|b| b.text.contains(needle))
            .map(|b| b.kind)
            .unwrap_or_else(|| panic!("no block holds {needle:?}: {:?}", seg.blocks))
    }

    /// `leaf_counts` as first written: one climb per owner.
    fn leaf_counts_by_climbing(
        doc: &Document,
        stats: &stats::Stats,
        owners: &[NodeId],
    ) -> IdMap<usize> {
        let mut counts = IdMap::default();
        for &owner in owners {
            let mut at = Some(owner);
            while let Some(n) = at {
                if n == doc.body()
                    || stats.position(n) == usize::MAX
                    || stats.of(n).leaves > owners.len()
                {
                    break;
                }
                *counts.entry(n).or_default() += 1;
                at = doc.parent(n);
            }
        }
        counts
    }

    #[test]
    fn leaf_counts_match_one_climb_per_owner() {
        let html = "<div><ul><li>a<li>b<li><p>c</p><p>d</p></ul><p>e</p>\
            <div style=display:none><p>hidden</p></div></div>\
            <section><div><div><p>f</p></div></div><p>g</p></section>";
        let d = parse_html(html);
        let leaves = leaves::cut(&d, d.body());
        let stats = stats::compute(&d, d.body(), &leaves);
        let all: Vec<NodeId> = leaves.iter().map(|l| l.owner).collect();
        // Every run of consecutive leaves, and one with an owner repeated.
        let mut cases: Vec<Vec<NodeId>> = Vec::new();
        for i in 0..all.len() {
            for j in i + 1..=all.len() {
                cases.push(all[i..j].to_vec());
            }
        }
        cases.push(vec![all[0], all[0], all[1]]);
        for owners in cases {
            let climbed = leaf_counts_by_climbing(&d, &stats, &owners);
            for dense in [false, true] {
                let narrow: Vec<u32> = owners.iter().map(|&o| o as u32).collect();
                let (counts, mut reached) = leaf_counts(&d, &stats, d.body(), &narrow, dense);
                if dense {
                    // A dense map lists none: they are the ones it holds.
                    assert!(reached.is_empty());
                    reached = (0..d.len()).filter(|&n| counts.contains(n)).collect();
                }
                // The map holds the elements reached, and only them.
                assert!((0..d.len()).all(|n| counts.contains(n) == reached.contains(&n)));
                let counts: IdMap<usize> = reached
                    .iter()
                    .map(|&n| (n, counts.get(n).expect("counted")))
                    .collect();
                assert_eq!(counts, climbed, "{owners:?}, dense: {dense}");
            }
        }
    }

    #[test]
    fn one_leaf_tops_match_the_general_climb() {
        let html = "<div><ul><li>a<li>b<li><p>c</p><p>d</p></ul><p>e</p>\
            <div style=display:none><p>hidden</p></div></div>\
            <section><div><div><p>f</p></div></div><p>g</p></section>\
            <table><tr><td>h<td><span>i</span> j</table>";
        let d = parse_html(html);
        let leaves = leaves::cut(&d, d.body());
        let stats = stats::compute(&d, d.body(), &leaves);
        for l in &leaves {
            let mut few = one_leaf_tops(&d, &stats, d.body(), l.owner);
            few.sort_unstable();
            for dense in [false, true] {
                let tops = many_leaf_tops(&d, &stats, d.body(), &[l.owner as u32], dense);
                let mut many: Vec<(NodeId, NodeId)> = (0..d.len())
                    .filter_map(|n| tops.get(n).map(|t| (n, t)))
                    .collect();
                many.sort_unstable();
                assert_eq!(few, many, "{}, dense: {dense}", l.text);
            }
        }
    }

    #[test]
    fn the_content_cells_of_a_table_are_one_block() {
        let p = PROSE;
        let rows: String = (0..20)
            .map(|r| format!("<tr><td>{r}.1</td><td>{r}.2</td></tr>"))
            .collect();
        let html = format!(
            "<article><h1>Title</h1><p>{p}</p><p>{p}</p><table>{rows}</table><p>{p}</p></article>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        let cells: Vec<&Block> = seg
            .blocks
            .iter()
            .filter(|b| b.text.contains(".1"))
            .collect();
        assert_eq!(cells.len(), 1, "{:?}", seg.blocks);
        assert_eq!(cells[0].kind, Kind::Content);
        assert!(cells[0].text.starts_with("0.1 0.2 1.1") && cells[0].text.ends_with("19.2"));
        let table = d.find(d.body(), "table").unwrap();
        assert_eq!(cells[0].nodes, vec![table]);
        // The paragraphs around it stay blocks of their own.
        assert_eq!(seg.blocks.iter().filter(|b| b.text == PROSE).count(), 3);
    }

    #[test]
    fn a_hidden_pop_up_is_its_own_promo_block_and_stays_out_of_the_article() {
        let p = PROSE;
        let html = format!(
            "<article><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <div class=modal style='display:none'><p>Get our <b>daily</b> newsletter</p><input type=email></div>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        assert_eq!(kind_of(&seg, "Get our daily newsletter"), Kind::Promo);
    }

    #[test]
    fn a_sponsored_card_in_a_stream_is_promo_and_its_neighbours_related() {
        let p = PROSE;
        let html = format!(
            "<article><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <ul><li><div><h3><a href=/a>The most addictive game of the whole year</a></h3><span>Games Inc Sponsored</span></div></li>\
             <li><div><h3><a href=/b>A real headline about the news of the day</a></h3><span>Newswire</span></div></li></ul>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        assert_eq!(kind_of(&seg, "The most addictive game"), Kind::Promo);
        assert_eq!(kind_of(&seg, "A real headline about"), Kind::Related);
    }

    #[test]
    fn an_ad_label_heading_a_strip_claims_its_links() {
        let p = PROSE;
        let html = format!(
            "<article><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <div><div><span>Paid Partner</span></div><ul><li><a href=/x>A jaw-dropping point bonus has arrived today</a></li>\
             <li><a href=/y>Seven outrageous credit cards for anyone with good credit</a></li></ul></div>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        assert_eq!(kind_of(&seg, "A jaw-dropping point bonus"), Kind::Promo);
    }

    #[test]
    fn a_call_to_action_link_outside_the_body_is_promo() {
        let p = PROSE;
        let html = format!(
            "<article><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <div><p><a href=/act>Send a message now</a></p></div>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        assert_eq!(kind_of(&seg, "Send a message now"), Kind::Promo);
    }

    #[test]
    fn headline_box_and_captions_removed_by_shape_are_still_content_but_not_article_text() {
        let p = PROSE;
        let html = format!(
            "<div id=main><div class=story><div class=head><h1>The Great Big Story</h1><p>By Ann Writer</p>\
             <form><button>Follow</button><button>Save</button></form></div>\
             <p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>\
             <div><img src=a.jpg><img src=b.jpg><img src=c.jpg><p class=photo-caption>The harbour at dawn</p></div></div></div>"
        );
        let d = parse_html(&html);
        let seg = segment(
            &d,
            &Hints {
                title: Some("The Great Big Story - Example News"),
                // What the metadata reads from "By Ann Writer": a signed
                // story, so its boxes are cleaned as an article's.
                byline: Some("Ann Writer"),
                url: None,
            },
        );
        assert_eq!(kind_of(&seg, "The Great Big Story"), Kind::Content);
        assert_eq!(kind_of(&seg, "By Ann Writer"), Kind::Content);
        assert_eq!(kind_of(&seg, "The harbour at dawn"), Kind::Content);
        let codes: Vec<ReasonCode> = seg.blocks.iter().map(|b| b.reasons[0].code).collect();
        assert!(
            codes.contains(&ReasonCode::Caption) && codes.contains(&ReasonCode::ArticleHeader),
            "{codes:?}"
        );
        let a = crate::article::build(&d, &seg, Default::default(), None);
        assert!(
            !a.text.contains("The harbour at dawn"),
            "{}\n{:?}",
            a.text,
            seg.blocks
        );
    }

    #[test]
    fn a_heading_over_nothing_but_removed_teasers_leaves_the_article() {
        let p = PROSE;
        let teasers = "<ul><li><a href=/a>One other story about several things</a></li>\
                       <li><a href=/b>Another story about more of those things</a></li></ul>";
        let html = format!(
            "<article><h1>Title</h1><h2>Part one</h2><p>{p}</p><p>{p}</p>\
             <h2>Elsewhere on the site</h2><div class=box>{teasers}</div>\
             <h2>Part two</h2><p>{p}</p><p>{p}</p><p>Notes:</p></article>\
             <div>{teasers}</div>"
        );
        let d = parse_html(&html);
        let seg = segment(&d, &TITLED);
        let a = crate::article::build(&d, &seg, Default::default(), None);
        assert!(
            a.text.contains("Part one") && a.text.contains("Part two"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Elsewhere on the site"), "{}", a.text);
        // The body's last line, a label over what follows outside it.
        assert!(!a.text.contains("Notes:"), "{}", a.text);
        assert_ne!(kind_of(&seg, "Elsewhere on the site"), Kind::Content);
    }
}
