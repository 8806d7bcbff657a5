//! Cuts the visible text into leaves: maximal runs of inline content
//! between block-level boundaries (a paragraph, a list item, a heading, a
//! cell). Leaves are the atoms the classifier labels and groups.

use crate::dom::{Document, NodeData, NodeId, Walk};
use crate::tag_sets;
use crate::visibility::{is_hidden, is_revealable};

/// Punctuation that Readability counts as commas (Latin, Arabic, CJK).
const COMMAS: &[char] = &[',', '،', '﹐', '︐', '︑', '⹁', '⸴', '⸲', '，', '、'];

/// One run of inline text.
#[derive(Debug, Clone)]
pub struct Leaf {
    /// The nearest block-level element holding the run.
    pub owner: NodeId,
    /// The run's top-level nodes (children of `owner`), in order.
    pub nodes: RunNodes,
    /// Visible text, white space collapsed and trimmed (boxed: no spare
    /// capacity, 8 bytes less a leaf; issue 15).
    pub text: Box<str>,
    /// Characters of `text` (this and the other counts are 4 bytes: a
    /// leaf's text is far below 4 GB, and 16 bytes less a leaf is 16 MB
    /// less on a 1000x1000 table; issue 15).
    pub chars: u32,
    /// Characters inside links with an `href`.
    pub link_chars: u32,
    /// Characters inside `<b>`, `<strong>` (a bold line acts as a heading).
    pub bold_chars: u32,
    /// Links with an `href` that start in the run.
    pub links: NodeList,
    /// True when the run is all the owner holds (no block children, no
    /// other runs).
    pub whole_owner: bool,
}

/// A run's top-level nodes. Most runs are one node (a table cell's text, a
/// link), held inline: as vectors, a 1000×1000 table's million cells made a
/// million one-element allocations (32 MB, issue 15).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum RunNodes {
    /// No node yet.
    #[default]
    Empty,
    /// One node.
    One(NodeId),
    /// Two or more, behind one thin pointer: 16 bytes a leaf for the enum,
    /// where a vector made it 24 (8 MB of a 1000×1000 table; issue 15).
    #[allow(clippy::box_collection)]
    Many(Box<Vec<NodeId>>),
}

impl RunNodes {
    /// Appends a node.
    fn push(&mut self, id: NodeId) {
        *self = match std::mem::take(self) {
            RunNodes::Empty => RunNodes::One(id),
            RunNodes::One(first) => RunNodes::Many(Box::new(vec![first, id])),
            RunNodes::Many(mut v) => {
                v.push(id);
                RunNodes::Many(v)
            }
        };
    }
}

/// A leaf's links: none for most leaves (no allocation), else a list
/// behind one thin pointer, 8 bytes a leaf where a boxed slice took 16
/// (8 MB of a 1000×1000 table's cells, none of which links; issue 15).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeList(Option<Box<Box<[NodeId]>>>);

impl From<Vec<NodeId>> for NodeList {
    fn from(v: Vec<NodeId>) -> Self {
        NodeList((!v.is_empty()).then(|| Box::new(v.into_boxed_slice())))
    }
}

impl std::ops::Deref for NodeList {
    type Target = [NodeId];

    fn deref(&self) -> &[NodeId] {
        self.0.as_deref().map_or(&[], |v| v)
    }
}

impl<'a> IntoIterator for &'a NodeList {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::ops::Deref for RunNodes {
    type Target = [NodeId];

    fn deref(&self) -> &[NodeId] {
        match self {
            RunNodes::Empty => &[],
            RunNodes::One(id) => std::slice::from_ref(id),
            RunNodes::Many(v) => v,
        }
    }
}

impl<'a> IntoIterator for &'a RunNodes {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A leaf at least this long with few links reads as prose.
const PROSE_CHARS: usize = 80;
/// Link density under which a long leaf reads as prose.
const PROSE_LINK_DENSITY: f64 = 0.25;

impl Leaf {
    /// Whether the leaf reads as a paragraph of prose: long, few links.
    pub fn is_prose(&self) -> bool {
        self.chars as usize >= PROSE_CHARS
            && self.link_density() < PROSE_LINK_DENSITY
            && !self.is_machine_text()
    }

    /// Whether the text is written by a machine for machines: most of it
    /// bare addresses and long hexadecimal ids (a shop's custom fields
    /// dumped as `https://cdn.../thumb.jpg`, eBay's anti-scraping runs of
    /// UUIDs). No one reads it; as prose it pulled the body search to it.
    pub fn is_machine_text(&self) -> bool {
        if self.link_chars as usize * 2 > self.chars as usize {
            return false;
        }
        let (mut machine, mut all, mut words) = (0usize, 0usize, 0usize);
        for token in self.text.split_whitespace() {
            all += token.len();
            if is_machine_token(token) {
                machine += token.len();
            } else if token.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                words += 1;
                if words > MAX_MACHINE_WORDS {
                    return false;
                }
            }
        }
        all > 0 && machine as f64 >= MACHINE_SHARE * all as f64
    }

    /// Commas in the text, counted when asked: read for the stats and the
    /// few leaves the body search scores, a stored count made a leaf 72
    /// bytes, not 64 (8 MB of a 1000x1000 table's million; issue 15).
    pub fn commas(&self) -> u32 {
        // ',' is the only ASCII one: skip the list for every other ASCII char.
        let n = self
            .text
            .chars()
            .filter(|&c| c == ',' || (!c.is_ascii() && COMMAS.contains(&c)))
            .count();
        // The parser caps its input: a leaf's counts fit in 4 bytes.
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Share of a leaf's characters in machine tokens from which it is
/// machine text.
const MACHINE_SHARE: f64 = 0.6;
/// Words a machine line may hold besides its tokens (a key, a command):
/// "Registration: https://... Photo X Y on https://..." is a person's
/// line (WCXB 4367).
const MAX_MACHINE_WORDS: usize = 2;
/// Length from which a bare address is a file's path, not a site's name
/// a person reads ("https://www.sony.net/" in a list of makers, WCXB 0281).
const MIN_MACHINE_URL: usize = 40;
/// Length from which a run of hexadecimal digits and dashes is an id.
const MIN_HEX_ID: usize = 12;

/// A bare web address, or a long hexadecimal id (a UUID, a hash).
fn is_machine_token(t: &str) -> bool {
    let t = t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '"' | '\''));
    if t.starts_with("https://") || t.starts_with("http://") || t.starts_with("//") {
        return t.len() >= MIN_MACHINE_URL;
    }
    t.len() >= MIN_HEX_ID
        && t.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The run being collected.
#[derive(Default)]
struct Run {
    nodes: RunNodes,
    text: String,
    link_chars: usize,
    bold_chars: usize,
    links: Vec<NodeId>,
    pending_space: bool,
    /// Whether the pending space was seen inside a link and inside bold:
    /// a space between two text nodes of one link (`in<!-- -->r/Python`,
    /// React's separators) is link text, as it is when the browser's DOM
    /// walker, which skips comments, gives the same text as one node (the
    /// two fronts disagreed on a reddit card's link density, 0.93 against
    /// 1.00, once whole-link lines counted: tests/snapshot_front.rs).
    pending_in: (bool, bool),
    /// An element boundary was crossed since the last character: the next
    /// word starts after a space that is not counted in `chars`.
    soft_break: bool,
    /// Spaces added at element boundaries.
    soft_spaces: usize,
}

impl Run {
    /// A space that layout puts in (a `<br>`, between buttons or list
    /// items): it never counts as link or bold text.
    fn layout_space(&mut self) {
        self.pending_space = true;
        self.pending_in = (false, false);
    }

    /// Appends text, collapsing white space across node boundaries. A space
    /// carried over from before a link does not count as link text (nor
    /// one from before bold as bold), one from inside the same link does.
    ///
    /// Text nodes that meet at an element boundary are joined by a space
    /// (`<a>Knoll</a>, who` reads "Knoll , who"), as DOM text extractors
    /// and the labelled corpus do; that space is layout, not text, so it is
    /// left out of every count.
    ///
    /// Returns whether `t` held anything but white space.
    fn push_text(&mut self, t: &str, in_link: bool, in_bold: bool) -> bool {
        let mut added = 0;
        let mut carried_space = 0;
        let (space_in_link, space_in_bold) = self.pending_in;
        let mut rest = t;
        // Word by word: the spacing decisions only happen at a word's start.
        loop {
            let (space, _) = run_of(rest, true);
            if space > 0 {
                self.pending_space = true;
                self.pending_in = (in_link, in_bold);
                rest = &rest[space..];
            }
            let (len, chars) = run_of(rest, false);
            if len == 0 {
                break;
            }
            if self.soft_break && !self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
                self.soft_spaces += 1;
            }
            self.soft_break = false;
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
                if added == 0 {
                    carried_space = 1;
                }
                added += 1;
            }
            self.pending_space = false;
            self.text.push_str(&rest[..len]);
            added += chars;
            rest = &rest[len..];
        }
        let own = added - carried_space;
        if in_link {
            self.link_chars += own + usize::from(carried_space > 0 && space_in_link);
        }
        if in_bold {
            self.bold_chars += own + usize::from(carried_space > 0 && space_in_bold);
        }
        added > 0
    }
}

/// The byte length and character count of the run at the start of `s` of
/// white space (`space`) or of anything else, white space being
/// `char::is_whitespace`. ASCII is judged byte by byte.
fn run_of(s: &str, space: bool) -> (usize, usize) {
    let bytes = s.as_bytes();
    let (mut i, mut chars) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (is_space, len) = if b.is_ascii() {
            (matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '), 1)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if is_space != space {
            break;
        }
        i += len;
        chars += 1;
    }
    (i, chars)
}

struct Cutter<'a> {
    doc: &'a Document,
    leaves: Vec<Leaf>,
    owners: Vec<NodeId>,
    run: Run,
    link_depth: usize,
    bold_depth: usize,
    /// Owners that have block-level children or several runs.
    split_owner: &'a mut [bool],
    /// A `<br>` was just seen: a second one ends the paragraph.
    after_br: bool,
    /// Hidden subtrees that a script may reveal, with the number of leaves
    /// cut before each.
    latent: Vec<(NodeId, usize)>,
    /// Cutting a revealed subtree: its own hidden parts (a pop-up's form,
    /// its second step) show with it.
    reveal: bool,
}

impl Cutter<'_> {
    fn owner(&self) -> NodeId {
        *self.owners.last().unwrap_or(&crate::dom::DOCUMENT)
    }

    fn flush(&mut self) {
        let mut run = std::mem::take(&mut self.run);
        if run.text.is_empty() {
            self.run.text = run.text;
            return;
        }
        let owner = self.owner();
        let chars = run.text.chars().count().saturating_sub(run.soft_spaces);
        // The parser caps its input: a leaf's counts fit in 4 bytes.
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.leaves.push(Leaf {
            owner,
            nodes: run.nodes,
            chars: count(chars),
            link_chars: count(run.link_chars.min(chars)),
            bold_chars: count(run.bold_chars.min(chars)),
            links: run.links.into(),
            // Copied out of a buffer kept for the next run: a text grown
            // in its own string and then boxed was an allocation and a
            // shrinking reallocation a leaf (a 1000x1000 table's million
            // cells; issue 15).
            text: run.text.as_str().into(),
            whole_owner: false,
        });
        run.text.clear();
        self.run.text = run.text;
    }

    fn enter(&mut self, id: NodeId) -> bool {
        let doc = self.doc;
        let in_owner = doc.parent(id) == Some(self.owner());
        match &doc.node(id).data {
            NodeData::Text(t) => {
                if in_owner {
                    self.run.nodes.push(id);
                }
                if self
                    .run
                    .push_text(t, self.link_depth > 0, self.bold_depth > 0)
                {
                    self.after_br = false;
                }
                false
            }
            NodeData::Element(_) => {
                if is_hidden(doc, id) && !(self.reveal && is_revealable(doc, id)) {
                    if is_revealable(doc, id) {
                        self.latent.push((id, self.leaves.len()));
                    }
                    return false;
                }
                self.run.soft_break = true;
                let tag = doc.tag(id).unwrap_or("");
                if tag_sets::flow_block(tag) {
                    self.flush();
                    let owner = self.owner();
                    if let Some(s) = self.split_owner.get_mut(owner) {
                        *s = true;
                    }
                    self.owners.push(id);
                    self.after_br = false;
                    return true;
                }
                if in_owner {
                    self.run.nodes.push(id);
                }
                match tag {
                    "br" => {
                        if self.after_br {
                            self.flush();
                            let owner = self.owner();
                            self.split_owner[owner] = true;
                        }
                        self.after_br = true;
                        self.run.layout_space();
                        return false;
                    }
                    "img" => {
                        self.after_br = false;
                        return false;
                    }
                    "a" if doc.attr(id, "href").is_some() => {
                        self.link_depth += 1;
                        self.run.links.push(id);
                    }
                    t if tag_sets::bold(t) => self.bold_depth += 1,
                    _ => {}
                }
                // Inline boxes such as buttons and cells of text still read
                // as separate words.
                if matches!(tag, "button" | "label" | "li") {
                    self.run.layout_space();
                }
                true
            }
            NodeData::Document => true,
            NodeData::Inert => false,
        }
    }

    fn leave(&mut self, id: NodeId) {
        let doc = self.doc;
        let tag = doc.tag(id).unwrap_or("");
        if tag_sets::flow_block(tag) {
            self.flush();
            self.owners.pop();
            self.after_br = false;
            return;
        }
        self.run.soft_break = true;
        match tag {
            "a" if doc.attr(id, "href").is_some() => {
                self.link_depth = self.link_depth.saturating_sub(1)
            }
            t if tag_sets::bold(t) => self.bold_depth = self.bold_depth.saturating_sub(1),
            _ => {}
        }
        if matches!(tag, "button" | "label") {
            self.run.layout_space();
        }
    }
}

/// The text of a hidden subtree that a script may show (a pop-up, a
/// banner, a lazily filled ad slot).
#[derive(Debug, Clone)]
pub struct Latent {
    /// The hidden element.
    pub root: NodeId,
    /// How many visible leaves come before it in document order.
    pub before: usize,
    /// Its leaves (its own hidden descendants left out).
    pub leaves: Vec<Leaf>,
}

/// Cuts the visible text under `root` into leaves, in document order.
#[cfg(test)]
pub fn cut(doc: &Document, root: NodeId) -> Vec<Leaf> {
    cut_with_latent(doc, root).0
}

/// Cuts the visible text under `root` into leaves, and the text of every
/// outermost hidden subtree a script may reveal apart from it, so hidden
/// pop-ups can be labelled without weighing on the article's detection.
pub fn cut_with_latent(doc: &Document, root: NodeId) -> (Vec<Leaf>, Vec<Latent>) {
    let mut marks = Marks {
        split_owner: vec![false; doc.len()],
        runs: vec![0; doc.len()],
    };
    let (leaves, roots) = cut_runs(doc, root, false, &mut marks);
    let latent = roots
        .into_iter()
        .filter_map(|(r, before)| {
            let (leaves, _) = cut_runs(doc, r, true, &mut marks);
            (!leaves.is_empty()).then_some(Latent {
                root: r,
                before,
                leaves,
            })
        })
        .collect();
    (leaves, latent)
}

/// Per-node marks of one cut, indexed by node: allocated once per page and
/// cleared after each cut of what it marked, since a page with 100,000
/// hidden boxes cuts each of them apart (allocating them per cut made that
/// page quadratic).
struct Marks {
    /// See [`Cutter`].
    split_owner: Vec<bool>,
    /// Leaves per owner.
    runs: Vec<u32>,
}

/// The visible leaves under `root` and the hidden roots met on the way.
fn cut_runs(
    doc: &Document,
    root: NodeId,
    reveal: bool,
    marks: &mut Marks,
) -> (Vec<Leaf>, Vec<(NodeId, usize)>) {
    let mut c = Cutter {
        doc,
        leaves: Vec::new(),
        owners: vec![root],
        run: Run::default(),
        link_depth: 0,
        bold_depth: 0,
        split_owner: &mut marks.split_owner,
        after_br: false,
        latent: Vec::new(),
        reveal,
    };
    doc.walk(root, |ev| match ev {
        Walk::Enter(id) if id == root => true,
        Walk::Enter(id) => c.enter(id),
        Walk::Leave(id) if id == root => {
            c.flush();
            true
        }
        Walk::Leave(id) => {
            c.leave(id);
            true
        }
    });
    let (mut leaves, latent) = (c.leaves, c.latent);
    // Grown by doubling, the list may hold up to twice its leaves' room
    // (3.5 MB spare on a 1000x1000 table's million leaves; issue 15).
    leaves.shrink_to_fit();
    for l in &leaves {
        marks.runs[l.owner] += 1;
    }
    for l in &mut leaves {
        l.whole_owner = marks.runs[l.owner] == 1 && !marks.split_owner[l.owner];
    }
    for l in &leaves {
        marks.runs[l.owner] = 0;
    }
    for n in doc.descendants(root) {
        marks.split_owner[n] = false;
    }
    (leaves, latent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn texts(html: &str) -> Vec<String> {
        let d = parse_html(html);
        cut(&d, d.body())
            .into_iter()
            .map(|l| l.text.into())
            .collect()
    }

    #[test]
    fn a_leaf_is_64_bytes_and_a_cell_without_links_allocates_none() {
        // One leaf per cell: a 1000x1000 table holds a million (issue 15).
        assert!(std::mem::size_of::<Leaf>() <= 64);
        let d = parse_html("<table><tr><td>1.2</td><td><a href=/x>a</a> b</td></tr></table>");
        let leaves = cut(&d, d.body());
        assert!(leaves[0].links.0.is_none());
        assert_eq!(leaves[0].nodes.len(), 1);
        assert_eq!(leaves[1].links.len(), 1);
        assert_eq!(leaves[1].nodes.len(), 2);
    }

    #[test]
    fn splits_at_block_boundaries_and_collapses_space() {
        assert_eq!(
            texts("<div>Intro <b>bold</b>\n text<p>Para  one</p>tail<ul><li>a</li><li>b</li></ul></div>"),
            vec!["Intro bold text", "Para one", "tail", "a", "b"]
        );
    }

    #[test]
    fn addresses_and_ids_are_machine_text_but_a_line_about_them_is_not() {
        let d = parse_html(concat!(
            "<dd>https://cdn.example.com/s-hsi95a83fz/images/stencil/160x160/5001_BONE_THUMB_1.jpg</dd>",
            "<p>9 303097ac-d3e5-41e1-baf5-303640756ebf X 2bf8403c-6590-4d73-8b16-95f6c3ecdef8 84</p>",
            "<p>https://www.sony.net/</p>",
            "<p>Registration: https://www.example.com/events/2026/register-interest Photo by Jane Roe on https://unsplash.com/photos/abcdef</p>",
            "<p>Read the <a href='https://example.com/a/very/long/path/to/a/report-2026.pdf'>https://example.com/a/very/long/path/to/a/report-2026.pdf</a></p>",
            "<p>Version 0123456789ab was released.</p>",
        ));
        let machine: Vec<bool> = cut(&d, d.body())
            .iter()
            .map(Leaf::is_machine_text)
            .collect();
        assert_eq!(machine, [true, true, false, false, false, false]);
    }

    #[test]
    fn skips_hidden_and_script_text() {
        assert_eq!(
            texts("<p>seen<script>x()</script><span hidden>no</span> too</p><div style='display:none'>gone</div>"),
            vec!["seen too"]
        );
    }

    #[test]
    fn words_meeting_at_an_element_boundary_are_spaced_but_not_counted() {
        let d = parse_html("<p>John <a href=/k>Knoll</a>, who<span>Sponsored</span></p>");
        let l = &cut(&d, d.body())[0];
        assert_eq!(&*l.text, "John Knoll , who Sponsored");
        assert_eq!(l.chars as usize, "John Knoll, whoSponsored".chars().count());
        assert_eq!(l.link_chars, 5);
    }

    #[test]
    fn hidden_subtrees_are_cut_apart() {
        let d = parse_html("<p>one</p><div style='display:none'><p>pop</p><p hidden>up</p><script>s</script></div><p>two</p>");
        let (leaves, latent) = cut_with_latent(&d, d.body());
        let texts: Vec<&str> = leaves.iter().map(|l| &*l.text).collect();
        assert_eq!(texts, vec!["one", "two"]);
        assert_eq!(latent.len(), 1);
        assert_eq!(latent[0].before, 1);
        let hidden: Vec<&str> = latent[0].leaves.iter().map(|l| &*l.text).collect();
        assert_eq!(hidden, vec!["pop", "up"]);
    }

    #[test]
    fn runs_split_at_exactly_what_char_is_whitespace_calls_space() {
        let probes = (0..0x3100u32)
            .chain([0xFEFF, 0x1F600])
            .filter_map(char::from_u32);
        for c in probes {
            // Followed by a char of the other kind, which ends the run.
            let space = c.is_whitespace();
            let s = if space {
                format!("{c}x")
            } else {
                format!("{c} ")
            };
            let (len, chars) = run_of(&s, space);
            assert_eq!((len, chars), (c.len_utf8(), 1), "{c:?}");
        }
        assert_eq!(run_of("a\u{a0}b", false), (1, 1));
        assert_eq!(run_of(" \u{3000}\tx", true), (" \u{3000}\t".len(), 3));
        assert_eq!(run_of("", true), (0, 0));
    }

    #[test]
    fn double_br_ends_a_paragraph() {
        assert_eq!(
            texts("<div>one<br>same<br><br>two</div>"),
            vec!["one same", "two"]
        );
    }

    #[test]
    fn a_space_between_text_nodes_of_one_link_is_link_text() {
        // React separates text nodes with comments; a browser's DOM walker
        // skips them and the snapshot joins the text: both fronts must
        // measure one link line the same (reddit.com.init, 27 of 29).
        let d = parse_html(
            "<div><a href=/r><div>Continue browsing<!-- --> in <!-- -->r/Python</div></a></div>",
        );
        let l = &cut(&d, d.body())[0];
        assert_eq!(&*l.text, "Continue browsing in r/Python");
        assert_eq!((l.link_chars, l.chars), (29, 29));
        // A space before the link stays outside it.
        let d = parse_html("<p>See <a href=/x>this</a> now</p>");
        let l = &cut(&d, d.body())[0];
        assert_eq!(l.link_chars, 4);
    }

    #[test]
    fn counts_link_and_bold_characters() {
        let d = parse_html("<p><strong>Read:</strong> <a href='/x'>Other story</a></p>");
        let l = &cut(&d, d.body())[0];
        assert_eq!(&*l.text, "Read: Other story");
        assert_eq!(l.link_chars, 11);
        assert_eq!(l.bold_chars, 5);
        assert_eq!(l.links.len(), 1);
        assert!(l.whole_owner);
    }
}
