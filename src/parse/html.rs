//! html5ever's tree builder writing straight into the core's arena.

use crate::dom::{AttrList, Attrs, Document, Element, Name, Namespace, NodeData, NodeId, DOCUMENT};
use crate::parse::depth_guard::DepthGuard;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::TokenizerResult;
use html5ever::{ns, Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Parses HTML text into a document, exactly as a browser's parser would
/// (implied elements, misnested tags, foster parenting), except that
/// elements nested deeper than [`MAX_DEPTH`](crate::parse::depth_guard::MAX_DEPTH)
/// are dropped (their text is kept), so a hostile page cannot make the tree
/// builder quadratic.
pub fn parse_html(text: &str) -> Document {
    parse_html_scripting(text, true)
}

/// [`parse_html`] with the parser's scripting flag given: with scripting
/// off, `<noscript>` content is parsed as elements instead of raw text (see
/// `noscript.rs`).
pub fn parse_html_scripting(text: &str, scripting: bool) -> Document {
    parse_seeing(text, scripting).0
}

/// What a parse met that the passes after it look for: a page without any
/// skips them (each walks the whole tree; together 2% of the parse, issue
/// 15, perf over the corpora).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Seen {
    /// A `<template>` element: a streamed segment's slot is one
    /// (`streamed.rs`).
    pub template: bool,
    /// An `aria-controls` attribute or a `role="tabpanel"`: a disclosure
    /// panel needs one (`panels.rs`).
    pub disclosure: bool,
}

/// [`parse_html_scripting`], and what the parse [`Seen`].
pub(super) fn parse_seeing(text: &str, scripting: bool) -> (Document, Seen) {
    // Room for most pages' nodes up front: regrowing the arena copies it.
    let nodes = node_estimate(text);
    let mut name_of = Vec::with_capacity(nodes);
    name_of.push(0);
    let sink = Sink {
        doc: RefCell::new(Document::with_capacity(nodes)),
        name_of: RefCell::new(name_of),
        names: RefCell::new(Names::new()),
        attr_names: RefCell::new(AtomMap::default()),
        added_attrs: RefCell::new(HashMap::new()),
        seen: Cell::new(Seen::default()),
        aria_controls: LocalName::from("aria-controls"),
        role: LocalName::from("role"),
    };
    let opts = TreeBuilderOpts {
        scripting_enabled: scripting,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new(sink, opts);
    let tokenizer = Tokenizer::new(DepthGuard::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(text));
    // The same loop as html5ever's own driver: a `Script` result only pauses
    // the tokenizer (we run no scripts), so feed again until done.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.into_builder().sink.finish()
}

/// How many nodes to reserve room for: 1.25 per `<` in the text. Every
/// tag, comment and doctype starts with one, and most text nodes sit
/// between two tags: on the 2,608 pages of the three corpora the
/// median page has 1.2 nodes per `<`, nine in ten at most 1.48; a
/// 1000x1000 table has 1.0. Input bytes per node (32 before) gave the
/// table room for a quarter of its 2,000,000 nodes, and the arena grew by
/// doubling to room for 3.9 million: 284 MB of capacity and a copy at
/// each step, where it needs 144 MB (issue 15).
fn node_estimate(text: &str) -> usize {
    let tags = count_byte(text.as_bytes(), b'<');
    tags + tags / NODES_PER_TAG_EXTRA + 1
}

/// How many times `needle` occurs in `bytes`. Counted in one-byte lanes,
/// 255 bytes at a time so a lane cannot overflow: the plain
/// `filter().count()` compiled to two bytes a step into 64-bit counters,
/// 3% of the parse (issue 15, perf over the corpora).
fn count_byte(bytes: &[u8], needle: u8) -> usize {
    let mut chunks = bytes.chunks_exact(255);
    let mut n: usize = (&mut chunks)
        .map(|c| usize::from(c.iter().fold(0u8, |a, &b| a + u8::from(b == needle))))
        .sum();
    n += chunks.remainder().iter().filter(|&&b| b == needle).count();
    n
}

/// The reserve's room beyond one node per `<`, as a fraction: 1/4.
const NODES_PER_TAG_EXTRA: usize = 4;

/// The tree sink: html5ever's callbacks written into our arena.
pub(super) struct Sink {
    doc: RefCell<Document>,
    /// html5ever asks for qualified names back; kept beside the arena so the
    /// core's model stays free of parser types. One entry per node, an
    /// index into `names` (non-elements hold the placeholder's, 0): a
    /// `QualName` per node took 24 bytes a node, 90 MB of a 1000x1000
    /// table's parse (issue 15).
    name_of: RefCell<Vec<u32>>,
    /// The distinct element names met.
    names: RefCell<Names>,
    /// The distinct attribute names met, each as the model spells it.
    attr_names: RefCell<AtomMap<Name>>,
    /// The elements stray `<html>`/`<body>` tags add attributes to: the
    /// names each has, and the attributes to add in [`TreeSink::finish`].
    added_attrs: RefCell<HashMap<NodeId, (HashSet<Name>, Attrs)>>,
    /// What the parse met so far.
    seen: Cell<Seen>,
    /// The attribute names [`Seen::disclosure`] looks for, as atoms (one
    /// comparison of two words each).
    aria_controls: LocalName,
    role: LocalName,
}

impl Sink {
    fn push(&self, data: NodeData, index: u32) -> NodeId {
        let id = self.doc.borrow_mut().create(data);
        let mut name_of = self.name_of.borrow_mut();
        name_of.resize(id, 0);
        name_of.push(index);
        id
    }

    fn add(&self, parent: NodeId, child: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => doc.append(parent, n),
            NodeOrText::AppendText(t) => doc.append_text(parent, &t),
        }
    }

    /// The model's attributes: the names shared from `attr_names`, the
    /// values copied.
    fn convert_attrs(&self, attrs: &[Attribute]) -> AttrList {
        if attrs.iter().any(|a| self.discloses(a)) {
            self.seen.set(Seen {
                disclosure: true,
                ..self.seen.get()
            });
        }
        let mut names = self.attr_names.borrow_mut();
        attrs
            .iter()
            .map(|a| (attr_name(&mut names, &a.name), (*a.value).into()))
            .collect()
    }
}

impl Sink {
    /// Whether an attribute is one [`Seen::disclosure`] looks for.
    fn discloses(&self, a: &Attribute) -> bool {
        a.name.prefix.is_none()
            && (a.name.local == self.aria_controls
                || (a.name.local == self.role && &*a.value == "tabpanel"))
    }
}

/// A hash map keyed by html5ever's names. Their atoms hash to a
/// precomputed 32-bit value, so one multiply per atom does; the default
/// SipHash over a `QualName`'s three atoms was 0.5% of the parse.
type AtomMap<V> = HashMap<QualName, V, BuildHasherDefault<AtomHasher>>;

/// FxHash's step (rustc's hasher), enough for keys that are already
/// hashes.
#[derive(Default)]
struct AtomHasher(u64);

impl AtomHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for AtomHasher {
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.add(u64::from(b)));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits depend on every bit of the input, its low
        // ones (where the table picks a bucket) only on the input's low
        // bits; a short name's atom is inline and its 32-bit hash weak
        // there: 1M attribute names `b{t}x{a}` took 28 s before this turn,
        // as rustc-hash's own finish does (tests/pathological.rs).
        self.0.rotate_left(26)
    }
}

/// The element names of a parse, each once.
struct Names {
    /// The names as html5ever asks them back.
    list: Vec<QualName>,
    /// Each one's lower-case local name, as the model holds it.
    local: Vec<Name>,
    index: AtomMap<u32>,
}

impl Names {
    fn new() -> Self {
        Names {
            list: vec![placeholder_name()],
            local: vec![Name::from("")],
            index: AtomMap::default(),
        }
    }

    /// The index of `name`, added when new.
    fn intern(&mut self, name: QualName) -> u32 {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        // No more names than nodes, whose ids fit in 32 bits (dom::Link).
        let i = self.list.len() as u32;
        self.local.push(lower_case(&name.local));
        self.list.push(name.clone());
        self.index.insert(name, i);
        i
    }
}

fn placeholder_name() -> QualName {
    QualName::new(None, ns!(), html5ever::local_name!(""))
}

/// The model's spelling of an attribute's name, shared by every element
/// that has it.
fn attr_name(names: &mut AtomMap<Name>, name: &QualName) -> Name {
    if let Some(n) = names.get(name) {
        return n.clone();
    }
    let spelled: Name = match &name.prefix {
        Some(p) => format!("{}:{}", p, name.local).into(),
        None => lower_case(&name.local),
    };
    if names.len() < MAX_SHARED_ATTR_NAMES {
        names.insert(name.clone(), spelled.clone());
    }
    spelled
}

/// How many distinct attribute names a parse shares; past them each gets
/// its own copy. Real pages use a few dozen. Every name kept keeps its
/// atom alive in string_cache's global set, whose lookups slow down as it
/// fills: a page of 1M distinct names took 27 s of CPU while all were
/// kept, against its 6 s guard (tests/pathological.rs).
const MAX_SHARED_ATTR_NAMES: usize = 1024;

/// A name in lower case. The tokenizer already lower-cases HTML names, so
/// only foreign ones (`viewBox`) need the copy; going through the atom would
/// touch its reference count for nothing.
fn lower_case(name: &str) -> Name {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = (Document, Seen);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> (Document, Seen) {
        let mut doc = self.doc.into_inner();
        for (id, (_, extra)) in self.added_attrs.into_inner() {
            if let Some(e) = doc.element_mut(id).filter(|_| !extra.is_empty()) {
                let mut attrs = std::mem::take(&mut e.attrs).into_vec();
                attrs.extend(extra);
                e.attrs = attrs.into();
            }
        }
        (doc, self.seen.get())
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        // Every handle the tree builder holds came from push(), so it indexes.
        let index = self.name_of.borrow()[*target];
        Ref::map(self.names.borrow(), |n| &n.list[index as usize])
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let ns = if name.ns == ns!(html) {
            Namespace::Html
        } else if name.ns == ns!(svg) {
            Namespace::Svg
        } else if name.ns == ns!(mathml) {
            Namespace::MathMl
        } else {
            Namespace::Other
        };
        let index = self.names.borrow_mut().intern(name);
        let element = Element {
            name: self.names.borrow().local[index as usize].clone(),
            ns,
            attrs: self.convert_attrs(&attrs),
            hidden_by_layout: false,
        };
        // By name in any namespace, as `streamed.rs` looks for slots.
        if &*element.name == "template" {
            self.seen.set(Seen {
                template: true,
                ..self.seen.get()
            });
        }
        let id = self.push(NodeData::Element(element), index);
        if flags.template {
            // Template contents are inert: a detached node no walk reaches.
            self.push(NodeData::Inert, 0);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Inert, 0)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Inert, 0)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.add(*parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.doc.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.add(*prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // create_element put the contents node right after the template.
        *target + 1
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(n) => doc.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => {
                // Merge into a preceding text node, as the DOM would.
                if let Some(prev) = doc.node(*sibling).prev() {
                    if let Some(text) = doc.text_mut(prev) {
                        text.push_str(&t);
                        return;
                    }
                }
                let id = doc.create(NodeData::Text(t.to_string()));
                doc.insert_before(*sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let doc = self.doc.borrow();
        let Some(e) = doc.element(*target) else {
            return;
        };
        // Only <html> and <body> get here, once per stray copy of the tag; a
        // set per target keeps a page of thousands of stray tags with
        // hundreds of attributes each linear (checking the element's own
        // list made it quadratic: minutes for 1M attributes). The new ones
        // wait beside it and join its list once, in finish(): the list is a
        // boxed slice, and rebuilding it per tag would be quadratic again.
        let mut added = self.added_attrs.borrow_mut();
        let (names, extra) = added
            .entry(*target)
            .or_insert_with(|| (e.attrs.iter().map(|(k, _)| k.clone()).collect(), Vec::new()));
        for (k, v) in self.convert_attrs(&attrs) {
            if names.insert(k.clone()) {
                extra.push((k, v));
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut doc = self.doc.borrow_mut();
        let kids: Vec<NodeId> = doc.children(*node).collect();
        for k in kids {
            doc.append(*new_parent, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_implied_structure_and_skips_template_contents() {
        let d = parse_html(
            "<title>T</title><p>a<template><p>hidden</p></template><table><tr><td>x</table>",
        );
        let body = d.body();
        assert_eq!(d.text_content(body), "ax");
        assert!(d.find(body, "tbody").is_some());
    }

    #[test]
    fn foster_parented_text_lands_before_the_table() {
        let d = parse_html("<div><table>oops<tr><td>cell</td></tr></table></div>");
        let div = d.find(DOCUMENT, "div").unwrap();
        assert_eq!(d.text_content(div), "oopscell");
    }

    #[test]
    fn stray_body_tags_add_only_missing_attributes() {
        let d = parse_html("<body class=a><p>x<body class=b id=i><body id=j lang=en>");
        let body = d.body();
        assert_eq!(d.attr(body, "class"), Some("a"));
        assert_eq!(d.attr(body, "id"), Some("i"));
        assert_eq!(d.attr(body, "lang"), Some("en"));
        assert_eq!(d.element(body).unwrap().attrs.len(), 3);
    }

    #[test]
    fn the_parse_reports_templates_and_disclosure_attributes() {
        let seen = |html: &str| parse_seeing(html, true).1;
        assert_eq!(
            seen("<p role=tab aria-expanded=true>x</p>"),
            Seen::default()
        );
        assert!(seen("<template id=B:0></template>").template);
        assert!(seen("<svg><template id=B:0></template></svg>").template);
        assert!(seen("<button aria-controls=a>x</button>").disclosure);
        assert!(seen("<div role=tabpanel>x</div>").disclosure);
        assert!(!seen("<div role=tablist>x</div>").disclosure);
        // Attributes a stray <body> tag adds count too.
        assert!(seen("<body><p>x<body role=tabpanel>").disclosure);
    }

    #[test]
    fn count_byte_counts_across_chunks() {
        for len in [0, 1, 254, 255, 256, 600, 2_000] {
            let text: String = (0..len)
                .map(|i| if i % 3 == 0 { '<' } else { 'a' })
                .collect();
            let expected = text.bytes().filter(|&b| b == b'<').count();
            assert_eq!(count_byte(text.as_bytes(), b'<'), expected, "{len}");
        }
        assert_eq!(count_byte(&[b'<'; 1_000], b'<'), 1_000);
    }

    #[test]
    fn elements_share_their_names() {
        let d = parse_html("<p class=a>x</p><p class=b>y</p>");
        let p: Vec<&Element> = d
            .find_all(DOCUMENT, "p")
            .filter_map(|n| d.element(n))
            .collect();
        assert!(std::sync::Arc::ptr_eq(&p[0].name, &p[1].name));
        assert!(std::sync::Arc::ptr_eq(&p[0].attrs[0].0, &p[1].attrs[0].0));
        assert_eq!(&*p[1].attrs[0].1, "b");
    }

    #[test]
    fn svg_elements_are_not_html() {
        let d = parse_html("<p><svg><title>icon</title></svg></p>");
        let svg = d
            .descendants(DOCUMENT)
            .find(|&n| d.element(n).map(|e| &*e.name) == Some("svg"))
            .unwrap();
        assert_eq!(d.tag(svg), None);
    }
}
