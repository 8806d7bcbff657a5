//! Per-element totals over the visible subtree, computed in one pass.

use super::leaves::Leaf;
use crate::dom::{Document, NodeData, NodeId, Walk};
use crate::tag_sets;
use crate::visibility::is_hidden;

/// Totals of one element's visible subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// Visible characters.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Leaves.
    pub leaves: usize,
    /// Commas.
    pub commas: usize,
    /// `<p>` elements.
    pub paragraphs: usize,
    /// `<img>` elements.
    pub images: usize,
    /// `<li>` elements.
    pub list_items: usize,
    /// `<input>`, `<select>`, `<textarea>`, `<button>` elements.
    pub inputs: usize,
    /// `<iframe>`, `<embed>`, `<object>`, `<video>` elements.
    pub embeds: usize,
    /// Links with an `href`.
    pub links: usize,
    /// Characters inside headings.
    pub heading_chars: usize,
    /// Characters of prose paragraphs (long, few links).
    pub prose_chars: usize,
}

impl Totals {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// [`Totals`] as stored, one per visible element: 4-byte counts, half the
/// size (a 1000x1000 table's million cells took 96 MB of totals; issue 15,
/// item 4). A page's counts stay far below 2^32: the parser caps its input.
#[derive(Debug, Clone, Copy, Default)]
struct Packed([u32; FIELDS]);

/// Fields of [`Totals`].
const FIELDS: usize = 12;

impl Packed {
    fn pack(t: &Totals) -> Packed {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Packed([
            n(t.chars),
            n(t.link_chars),
            n(t.leaves),
            n(t.commas),
            n(t.paragraphs),
            n(t.images),
            n(t.list_items),
            n(t.inputs),
            n(t.embeds),
            n(t.links),
            n(t.heading_chars),
            n(t.prose_chars),
        ])
    }

    fn unpack(&self) -> Totals {
        let [chars, link_chars, leaves, commas, paragraphs, images, list_items, inputs, embeds, links, heading_chars, prose_chars] =
            self.0.map(|v| v as usize);
        Totals {
            chars,
            link_chars,
            leaves,
            commas,
            paragraphs,
            images,
            list_items,
            inputs,
            embeds,
            links,
            heading_chars,
            prose_chars,
        }
    }

    /// Adds `o` field by field, saturating.
    fn add(&mut self, o: &Packed) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a = a.saturating_add(b);
        }
    }
}

/// The totals of the visible elements, by position in the order: a byte a
/// count for an element whose counts are all small (most of a page's
/// elements: a cell, a link, a list item), the rest apart as [`Packed`].
/// Four bytes a count for every element made a 1000x1000 table's million
/// cells 48 MB of totals, a byte 12 MB (issue 15). Small or not, every
/// count is the same exact number.
#[derive(Default)]
struct Table {
    /// One entry an element: its counts, or [`WIDE`] then the index of
    /// its counts in `wide` (4 bytes, little-endian).
    small: Vec<[u8; FIELDS]>,
    /// The counts of the elements with a count of [`WIDE`] or more.
    wide: Vec<Packed>,
}

/// A count from which an element's totals are stored apart; as the first
/// byte of a small entry, the mark of one so stored.
const WIDE: u8 = u8::MAX;

impl Table {
    fn len(&self) -> usize {
        self.small.len()
    }

    /// The totals at position `p`.
    fn get(&self, p: usize) -> Packed {
        let s = &self.small[p];
        if s[0] == WIDE {
            self.wide[Table::index(s)]
        } else {
            Packed(s.map(u32::from))
        }
    }

    /// The index in `wide` a small entry marked [`WIDE`] holds.
    fn index(s: &[u8; FIELDS]) -> usize {
        u32::from_le_bytes([s[1], s[2], s[3], s[4]]) as usize
    }

    /// Appends the totals of the next position.
    fn push(&mut self, t: Packed) {
        self.small.push([0; FIELDS]);
        self.set(self.small.len() - 1, t);
    }

    /// Sets the totals at position `p`: in place when stored apart
    /// already (totals only grow), apart when a count reaches [`WIDE`].
    fn set(&mut self, p: usize, t: Packed) {
        let s = &mut self.small[p];
        if s[0] == WIDE {
            self.wide[Table::index(s)] = t;
        } else if t.0.iter().all(|&v| v < u32::from(WIDE)) {
            *s = t.0.map(|v| v as u8);
        } else {
            // Fewer wide entries than elements, whose count fits in a `u32`.
            let i = u32::try_from(self.wide.len()).expect("under the node limit");
            let mut mark = [0; FIELDS];
            mark[0] = WIDE;
            mark[1..5].copy_from_slice(&i.to_le_bytes());
            *s = mark;
            self.wide.push(t);
        }
    }

    /// Adds `more` to the totals at position `p`.
    fn add(&mut self, p: usize, more: &Packed) {
        let mut t = self.get(p);
        t.add(more);
        self.set(p, t);
    }
}

/// Totals for every node under a root, plus the visible pre-order.
pub struct Stats {
    /// Indexed by position in `order`: only visible elements have totals
    /// (indexed by node id, a 1000x1000 table's million text nodes took
    /// 96 MB of zeros; issue 15).
    totals: Table,
    /// Visible elements under the root in document order (root first).
    pub order: Vec<NodeId>,
    /// Position of each node in `order` (`NONE` when not visible), 4
    /// bytes a node: as `usize` this and `end` took 32 MB of a 1000x1000
    /// table's peak (issue 15). Read with [`Stats::position`].
    position: Vec<u32>,
    /// Position of the last visible descendant of each node (its own
    /// position when it has none), so subtrees are intervals of `order`.
    /// Read with [`Stats::end`].
    end: Vec<u32>,
    /// Indexed by node: the tags among its ancestors that change how it is
    /// judged (see [`Within`]).
    pub within: Vec<Within>,
}

/// Ancestors that matter to the classifier, inherited top-down once so no
/// check has to climb the tree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Within {
    /// Under a `<table>` or `<code>`.
    pub table_or_code: bool,
    /// Under a `<pre>` or `<code>`.
    pub pre_or_code: bool,
    /// Under a `<figure>`.
    pub figure: bool,
}

/// A position for a node that has none.
const NONE: u32 = u32::MAX;

/// A stored position as a `usize` (`usize::MAX` for none).
fn widen(p: u32) -> usize {
    match p {
        NONE => usize::MAX,
        p => p as usize,
    }
}

impl Stats {
    /// Position of `id` in `order`, `usize::MAX` when it is not a visible
    /// element.
    pub fn position(&self, id: NodeId) -> usize {
        self.position.get(id).map_or(usize::MAX, |&p| widen(p))
    }

    /// Position of the last visible descendant of `id` (its own position
    /// when it has none; `usize::MAX` when it is not visible).
    pub fn end(&self, id: NodeId) -> usize {
        self.end.get(id).map_or(usize::MAX, |&p| widen(p))
    }

    /// Totals of `id` (all zero for a node that is not a visible element).
    pub fn of(&self, id: NodeId) -> Totals {
        match self.position[id] {
            NONE => Totals::default(),
            p => self.totals.get(p as usize).unpack(),
        }
    }

    /// Whether `a` is `b` or one of its ancestors, by pre-order interval.
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        if a == b {
            return true;
        }
        let (pa, pb) = (self.position[a], self.position[b]);
        pa != NONE && pb != NONE && pa <= pb && pb <= self.end[a]
    }

    /// Sorts `nodes` into document order (stable; nodes with no position
    /// last), through the crate's one sort ([`crate::sort`]).
    pub fn sort_by_position(&self, nodes: &mut [NodeId]) {
        crate::sort::sort_by_key(nodes, |n| u64::from(self.position[n]));
    }

    /// Sorts `nodes` by position, in reverse document order if `descending`
    /// (nodes of one position, those with none, by id). `p ^ u64::MAX` is
    /// `u64::MAX - p`, so it compares as `Reverse(p)` does.
    pub fn sort_unstable_by_position(&self, nodes: &mut [NodeId], descending: bool) {
        let flip = if descending { u64::MAX } else { 0 };
        crate::sort::sort_by_key_then_id(nodes, |n| self.position(n) as u64 ^ flip);
    }
}

/// Computes totals bottom-up: leaves credit their owner, and every node
/// credits its parent in reverse document order, so the cost is linear even
/// for very deep pages.
pub fn compute(doc: &Document, root: NodeId, leaves: &[Leaf]) -> Stats {
    let mut totals = Table::default();
    let mut order = Vec::new();
    let mut position = vec![NONE; doc.len()];
    // Fewer visible elements than nodes, whose count fits in a `u32`.
    let next = |order: &Vec<NodeId>| u32::try_from(order.len()).expect("under the node limit");
    doc.walk(root, |ev| {
        if let Walk::Enter(id) = ev {
            if !matches!(doc.node(id).data, NodeData::Element(_) | NodeData::Document) {
                return false;
            }
            if id != root && is_hidden(doc, id) {
                // Embeds are hidden text but still count as embeds.
                if let Some("iframe" | "embed" | "object" | "video") = doc.tag(id) {
                    position[id] = next(&order);
                    order.push(id);
                    totals.push(Packed::pack(&Totals {
                        embeds: 1,
                        ..Totals::default()
                    }));
                }
                if matches!(doc.tag(id), Some("input" | "select" | "textarea")) {
                    position[id] = next(&order);
                    order.push(id);
                    totals.push(Packed::pack(&Totals {
                        inputs: 1,
                        ..Totals::default()
                    }));
                }
                return false;
            }
            position[id] = next(&order);
            order.push(id);
            let mut t = Totals::default();
            match doc.tag(id) {
                Some("p") => t.paragraphs += 1,
                Some("img") => t.images += 1,
                Some("li") => t.list_items += 1,
                // A button outside a form (a code sample's "copy", a tab, a
                // carousel arrow) asks nothing of the reader: counted, it
                // made doc pages' code-rich sections "form boxes" (WCXB
                // dev, twilio.com quickstart: 114 buttons, no form).
                Some("button") if doc.ancestors(id).any(|a| doc.is(a, "form")) => t.inputs += 1,
                Some("a") if doc.attr(id, "href").is_some() => t.links += 1,
                _ => {}
            }
            totals.push(Packed::pack(&t));
        }
        true
    });
    for l in leaves {
        // Owners are visible elements (leaves::cut skips what this skips).
        let p = widen(position[l.owner]);
        if p >= totals.len() {
            continue;
        }
        let prose = l.is_prose();
        let heading = doc.tag(l.owner).is_some_and(tag_sets::heading);
        totals.add(
            p,
            &Packed::pack(&Totals {
                chars: l.chars as usize,
                link_chars: l.link_chars as usize,
                leaves: 1,
                commas: l.commas() as usize,
                prose_chars: if prose { l.chars as usize } else { 0 },
                heading_chars: if heading { l.chars as usize } else { 0 },
                ..Totals::default()
            }),
        );
    }
    let mut end = position.clone();
    for &id in order.iter().rev() {
        if id == root {
            continue;
        }
        if let Some(p) = doc.parent(id) {
            let child = totals.get(widen(position[id]));
            // A visible element's parent is visible: its walk entered it.
            let at = widen(position[p]);
            if at < totals.len() {
                totals.add(at, &child);
            }
            end[p] = end[p].max(end[id]);
        }
    }
    let mut within = vec![Within::default(); doc.len()];
    for &id in &order {
        let Some(p) = doc.parent(id) else { continue };
        let mut w = within[p];
        match doc.tag(p) {
            Some("table") => w.table_or_code = true,
            Some("code") => {
                w.table_or_code = true;
                w.pre_or_code = true;
            }
            Some("pre") => w.pre_or_code = true,
            Some("figure") => w.figure = true,
            _ => {}
        }
        within[id] = w;
    }
    Stats {
        totals,
        order,
        position,
        end,
        within,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::segment::leaves::cut;

    #[test]
    fn totals_roll_up_to_ancestors() {
        let d = parse_html(
            "<div id=a><p>Hello, world</p><ul><li><a href=x>link</a></li></ul><img></div>",
        );
        let body = d.body();
        let leaves = cut(&d, body);
        let s = compute(&d, body, &leaves);
        let div = d.find(body, "div").unwrap();
        let t = s.of(div);
        assert_eq!(t.chars, 16);
        assert_eq!(t.link_chars, 4);
        assert_eq!(t.commas, 1);
        assert_eq!(
            (t.paragraphs, t.list_items, t.images, t.links),
            (1, 1, 1, 1)
        );
        assert!(s.contains(div, d.find(body, "li").unwrap()));
        assert!(!s.contains(d.find(body, "li").unwrap(), div));
    }

    #[test]
    fn counts_past_a_byte_are_stored_apart_and_stay_exact() {
        // 300 links of 3 characters: the list's counts pass 255, its
        // items' do not; the page's count of commas does at 255 exactly.
        let items = "<li><a href=/x>a,b</a></li>".repeat(300);
        let commas = ",".repeat(255);
        let d = parse_html(&format!("<div><ul>{items}</ul><p>{commas}</p></div>"));
        let body = d.body();
        let leaves = cut(&d, body);
        let s = compute(&d, body, &leaves);
        let ul = s.of(d.find(body, "ul").unwrap());
        assert_eq!((ul.chars, ul.link_chars, ul.links), (900, 900, 300));
        assert_eq!((ul.list_items, ul.leaves, ul.commas), (300, 300, 300));
        let li = s.of(d.find(body, "li").unwrap());
        assert_eq!((li.chars, li.links, li.commas), (3, 1, 1));
        assert_eq!(s.of(d.find(body, "p").unwrap()).commas, 255);
        let div = s.of(d.find(body, "div").unwrap());
        assert_eq!((div.chars, div.commas, div.paragraphs), (1155, 555, 1));
        assert_eq!(
            s.totals.wide.len(),
            4,
            "the list, the paragraph, the div, the body"
        );
    }

    #[test]
    fn nodes_sort_into_and_against_document_order() {
        let d = parse_html("<div><p>One</p><p>Two</p><ul><li>Three</li></ul></div>");
        let body = d.body();
        let leaves = cut(&d, body);
        let s = compute(&d, body, &leaves);
        let order = ["div", "p", "ul", "li"].map(|t| d.find(body, t).unwrap());
        let mut nodes = vec![order[3], order[0], order[2], order[1]];
        s.sort_by_position(&mut nodes);
        assert_eq!(nodes, order);
        s.sort_unstable_by_position(&mut nodes, true);
        assert_eq!(nodes, [order[3], order[2], order[1], order[0]]);
        s.sort_unstable_by_position(&mut nodes, false);
        assert_eq!(nodes, order);
    }

    #[test]
    fn only_buttons_in_a_form_count_as_form_controls() {
        let d = parse_html(
            "<div id=a><pre>code</pre><button>Copy</button><button>Copy</button></div>\
             <form><input name=e><button>Sign up</button></form>",
        );
        let body = d.body();
        let leaves = cut(&d, body);
        let s = compute(&d, body, &leaves);
        assert_eq!(s.of(d.find(body, "div").unwrap()).inputs, 0);
        assert_eq!(s.of(d.find(body, "form").unwrap()).inputs, 2);
    }
}
