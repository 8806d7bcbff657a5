//! The document model the core owns.
//!
//! Every front (html5ever for HTML text, the browser's live DOM) fills one of
//! these through [`DocumentBuilder`]-style calls, so the segmentation never
//! sees a parser or a browser type. Nodes live in one arena and link to each
//! other by index: that makes sibling insertion and removal (which the HTML
//! tree builder needs) O(1) and lets every walk be iterative, so no page can
//! overflow the stack.

/// Index of a node in its [`Document`].
pub type NodeId = usize;

/// The document node is always the first one.
pub const DOCUMENT: NodeId = 0;

/// How deep the fronts nest elements; deeper ones are attached to the
/// element at this depth, as Blink's HTML parser does (its cap is 512 too).
/// Real pages nest at most ~60 deep; without a cap a hostile 100,000-deep
/// page makes the tree builder and every per-element subtree or ancestor
/// scan quadratic.
pub const MAX_DEPTH: usize = 512;

/// What a node holds.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The root of the tree.
    Document,
    /// An element with its tag and attributes.
    Element(Element),
    /// A run of character data.
    Text(String),
    /// A node that carries nothing the core reads (comments, doctypes,
    /// template contents); kept so handles stay valid.
    Inert,
}

/// An element's or an attribute's name. Shared, not copied: a parse hands
/// every `<div>` (and every `class`) the same string, so building an
/// element allocates nothing for its names (a `Box<str>` each was two of
/// a typical element's four allocations, issue 15).
pub type Name = std::sync::Arc<str>;

/// An element's attributes in source order, names lower-case, as a front
/// collects them; an [`Element`] holds them as a [`AttrList`].
pub type Attrs = Vec<(Name, Box<str>)>;

/// The attributes an [`Element`] holds: a boxed slice, eight bytes less
/// than a vector, which made a node 64 bytes instead of 72 (issue 15:
/// 16 MB of a 1000x1000 table's 2,000,000 nodes). Attributes are only
/// ever added after the parse by the rare stray `<body>` tag or removed by
/// [`crate::visibility::show`], which rebuild the list.
pub type AttrList = Box<[(Name, Box<str>)]>;

/// Namespaces the core distinguishes; foreign content (SVG, MathML) is never
/// article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// Ordinary HTML elements.
    Html,
    /// `<svg>` and its descendants.
    Svg,
    /// `<math>` and its descendants.
    MathMl,
    /// Anything else.
    Other,
}

/// An element: lower-case local name, namespace and attributes.
#[derive(Debug, Clone)]
pub struct Element {
    /// Lower-case local name (`div`, `p`, ...).
    pub name: Name,
    /// Its namespace.
    pub ns: Namespace,
    /// Attributes in source order, names lower-case.
    pub attrs: AttrList,
    /// Set by a front that knows layout (the browser) when the element is
    /// not rendered although its markup does not say so (a stylesheet hid it).
    pub hidden_by_layout: bool,
}

impl Element {
    /// Builds an HTML element.
    pub fn html(name: &str, attrs: Attrs) -> Self {
        Element {
            name: name.to_ascii_lowercase().into(),
            ns: Namespace::Html,
            attrs: attrs.into(),
            hidden_by_layout: false,
        }
    }

    /// A `<div>` with these attributes, for the tests of what reads them.
    #[cfg(test)]
    pub(crate) fn test_div(attrs: &[(&str, &str)]) -> Self {
        Element::html(
            "div",
            attrs
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
        )
    }

    /// The value of an attribute, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }

    /// Whether the element's text is page text: not a script's (JSON-LD
    /// aside, the one script body the core reads) nor a style's, in any
    /// namespace. The browser walker hands over no other bodies
    /// (`keepsText` in the package's `snapshot.js`).
    pub fn keeps_text(&self) -> bool {
        match &*self.name {
            "script" => self.attr("type") == Some("application/ld+json"),
            "style" => false,
            _ => true,
        }
    }
}

/// A link to another node, or none: four bytes where an
/// `Option<NodeId>` takes sixteen. Five per node made the links 80 of a
/// node's 128 bytes, 160 MB of a 1000x1000 table's 2,000,000 nodes
/// (issue 15: tests/pathological.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link(u32);

impl Link {
    const NONE: Link = Link(u32::MAX);

    fn get(self) -> Option<NodeId> {
        (self != Link::NONE).then_some(self.0 as NodeId)
    }

    fn from(id: Option<NodeId>) -> Link {
        // `Document::create` refuses ids a link cannot hold.
        id.map_or(Link::NONE, |i| Link(i as u32))
    }

    fn take(&mut self) -> Option<NodeId> {
        std::mem::replace(self, Link::NONE).get()
    }
}

/// One node and its links.
#[derive(Debug, Clone)]
pub struct Node {
    parent: Link,
    first_child: Link,
    last_child: Link,
    prev: Link,
    next: Link,
    /// The payload.
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev: Link::NONE,
            next: Link::NONE,
            data,
        }
    }

    /// The parent, `None` for the document and detached nodes.
    pub fn parent(&self) -> Option<NodeId> {
        self.parent.get()
    }

    /// First child.
    pub fn first_child(&self) -> Option<NodeId> {
        self.first_child.get()
    }

    /// Last child.
    pub fn last_child(&self) -> Option<NodeId> {
        self.last_child.get()
    }

    /// Previous sibling.
    pub fn prev(&self) -> Option<NodeId> {
        self.prev.get()
    }

    /// Next sibling.
    pub fn next(&self) -> Option<NodeId> {
        self.next.get()
    }
}

/// A whole page as a tree of nodes.
#[derive(Debug, Clone)]
pub struct Document {
    nodes: Vec<Node>,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    /// An empty document holding only its root.
    pub fn new() -> Self {
        Document {
            nodes: vec![Node::new(NodeData::Document)],
        }
    }

    /// An empty document with room for `nodes` nodes, so a front that can
    /// estimate the page's size does not regrow (and copy) the arena.
    pub fn with_capacity(nodes: usize) -> Self {
        let mut doc = Document::new();
        doc.nodes.reserve(nodes);
        doc
    }

    /// Number of nodes, attached or not.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document holds only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    /// The node at `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// Creates a detached node and returns its id.
    ///
    /// # Panics
    /// Past 4,294,967,294 nodes, which a link cannot name (an input that
    /// size needs hundreds of gigabytes before it gets here).
    pub fn create(&mut self, data: NodeData) -> NodeId {
        assert!(self.nodes.len() < u32::MAX as usize, "too many nodes");
        self.nodes.push(Node::new(data));
        self.nodes.len() - 1
    }

    /// Gives back the arena's spare room once the tree is built: growing by
    /// doubling left up to half of a giant page's arena unused.
    pub fn shrink_to_fit(&mut self) {
        self.nodes.shrink_to_fit();
    }

    /// Appends a new element under `parent`.
    pub fn append_element(&mut self, parent: NodeId, element: Element) -> NodeId {
        let id = self.create(NodeData::Element(element));
        self.append(parent, id);
        id
    }

    /// Appends text under `parent`, merging with a preceding text node as
    /// the DOM does.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.nodes[parent].last_child.get() {
            if let NodeData::Text(t) = &mut self.nodes[last].data {
                t.push_str(text);
                return;
            }
        }
        let id = self.create(NodeData::Text(text.to_string()));
        self.append(parent, id);
    }

    /// Moves a detached node to the end of `parent`'s children.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child.get();
        self.nodes[child].parent = Link::from(Some(parent));
        self.nodes[child].prev = Link::from(last);
        match last {
            Some(l) => self.nodes[l].next = Link::from(Some(child)),
            None => self.nodes[parent].first_child = Link::from(Some(child)),
        }
        self.nodes[parent].last_child = Link::from(Some(child));
    }

    /// Inserts `node` right before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, node: NodeId) {
        self.detach(node);
        let Some(parent) = self.nodes[sibling].parent.get() else {
            return;
        };
        let prev = self.nodes[sibling].prev.get();
        self.nodes[node].parent = Link::from(Some(parent));
        self.nodes[node].prev = Link::from(prev);
        self.nodes[node].next = Link::from(Some(sibling));
        self.nodes[sibling].prev = Link::from(Some(node));
        match prev {
            Some(p) => self.nodes[p].next = Link::from(Some(node)),
            None => self.nodes[parent].first_child = Link::from(Some(node)),
        }
    }

    /// Unlinks a node from its parent and siblings (its subtree stays whole).
    pub fn detach(&mut self, id: NodeId) {
        let Some(parent) = self.nodes[id].parent.take() else {
            return;
        };
        let prev = self.nodes[id].prev.take();
        let next = self.nodes[id].next.take();
        match prev {
            Some(p) => self.nodes[p].next = Link::from(next),
            None => self.nodes[parent].first_child = Link::from(next),
        }
        match next {
            Some(n) => self.nodes[n].prev = Link::from(prev),
            None => self.nodes[parent].last_child = Link::from(prev),
        }
    }

    /// Mutable access to an element's data, for fronts that add attributes.
    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The element at `id`, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Mutable access to a text node's text.
    pub fn text_mut(&mut self, id: NodeId) -> Option<&mut String> {
        match &mut self.nodes[id].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The lower-case tag name of an HTML element, `None` for anything else.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element(e) if e.ns == Namespace::Html => Some(&e.name),
            _ => None,
        }
    }

    /// True when `id` is an HTML element named `name`.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    /// An attribute of the element at `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    /// The text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The parent of `id`.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent.get()
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.nodes[id].first_child.get(),
        }
    }

    /// The element children of `id`, in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.element(c).is_some())
    }

    /// `id`'s ancestors, nearest first, not including `id`.
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors {
            doc: self,
            next: self.nodes[id].parent.get(),
        }
    }

    /// `id` and all its descendants in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root: id,
            next: Some(id),
        }
    }

    /// The next node in document order after `id`'s whole subtree, staying
    /// inside `root`.
    pub fn next_after_subtree(&self, id: NodeId, root: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            if let Some(n) = self.nodes[cur].next.get() {
                return Some(n);
            }
            cur = self.nodes[cur].parent.get()?;
        }
    }

    /// Walks `root`'s subtree in document order without recursion. `visit`
    /// gets [`Walk::Enter`] for every node and returns whether to descend
    /// into it; every node it descended into later gets [`Walk::Leave`].
    pub fn walk(&self, root: NodeId, mut visit: impl FnMut(Walk) -> bool) {
        let mut node = root;
        loop {
            let descend = visit(Walk::Enter(node));
            if descend {
                if let Some(c) = self.nodes[node].first_child.get() {
                    node = c;
                    continue;
                }
                visit(Walk::Leave(node));
            }
            // Climb until a next sibling exists, leaving each parent.
            loop {
                if node == root {
                    return;
                }
                if let Some(n) = self.nodes[node].next.get() {
                    node = n;
                    break;
                }
                match self.nodes[node].parent.get() {
                    Some(p) => {
                        node = p;
                        visit(Walk::Leave(node));
                    }
                    None => return,
                }
            }
        }
    }

    /// The concatenated text of `id`'s subtree, as `textContent` gives it.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            if let NodeData::Text(t) = &self.nodes[d].data {
                out.push_str(t);
            }
        }
        out
    }

    /// The text of `id`'s subtree a reader could see: [`Self::text_content`]
    /// without the bodies of scripts and styles ([`Element::keeps_text`]),
    /// in any namespace (an inline SVG icon's `<style>` counted as a
    /// 10-word menu link on a gazeta.pl page). A browser's
    /// snapshot never carries those bodies, so a measure that counted them
    /// (a link wrapping an ad slot's inline script, read as a 30-word
    /// headline on japantimes.co.jp) gave the two fronts different kinds.
    pub fn shown_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.walk(id, |step| match step {
            Walk::Enter(n) => match &self.nodes[n].data {
                NodeData::Text(t) => {
                    out.push_str(t);
                    true
                }
                NodeData::Element(e) => e.keeps_text(),
                _ => true,
            },
            Walk::Leave(_) => true,
        });
        out
    }

    /// The first element named `name` in document order under `id`.
    pub fn find(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.descendants(id).find(|&d| self.is(d, name))
    }

    /// All elements named `name` under `id`, in document order.
    pub fn find_all<'a>(&'a self, id: NodeId, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(id).filter(move |&d| self.is(d, name))
    }

    /// The `<html>` element's `<body>`, or the root when there is none.
    pub fn body(&self) -> NodeId {
        self.find(DOCUMENT, "body").unwrap_or(DOCUMENT)
    }

    /// The `<head>` element, if any.
    pub fn head(&self) -> Option<NodeId> {
        self.find(DOCUMENT, "head")
    }

    /// Depth of `id` below the root.
    pub fn depth(&self, id: NodeId) -> usize {
        self.ancestors(id).count()
    }
}

/// An event of [`Document::walk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Before a node's children.
    Enter(NodeId),
    /// After a node's children (only for nodes that were descended into).
    Leave(NodeId),
}

/// Iterator over a node's children.
pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.nodes[cur].next.get();
        Some(cur)
    }
}

/// Iterator over a node's ancestors.
pub struct Ancestors<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.nodes[cur].parent.get();
        Some(cur)
    }
}

/// Pre-order iterator over a subtree, without recursion.
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = match self.doc.nodes[cur].first_child.get() {
            Some(c) => Some(c),
            None => self.doc.next_after_subtree(cur, self.root),
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_text_leaves_out_script_and_style_bodies_in_any_namespace() {
        let doc = crate::parse::parse_html(
            "<a href=/x><svg><style>.a{fill:#444}</style></svg>poczta\
              <script>googletag.display('x')</script>\
              <script type=application/ld+json>{}</script></a>",
        );
        let a = doc.find(DOCUMENT, "a").unwrap();
        assert_eq!(doc.shown_text(a), "poczta{}");
        assert!(doc.text_content(a).contains("googletag"));
    }

    fn el(name: &str) -> Element {
        Element::html(name, vec![])
    }

    #[test]
    fn a_node_takes_64_bytes() {
        // 72 while an element's attributes were a vector (issue 15).
        assert_eq!(std::mem::size_of::<Node>(), 64);
    }

    #[test]
    fn append_merges_adjacent_text() {
        let mut d = Document::new();
        let p = d.append_element(DOCUMENT, el("p"));
        d.append_text(p, "a");
        d.append_text(p, "b");
        assert_eq!(d.children(p).count(), 1);
        assert_eq!(d.text_content(p), "ab");
    }

    #[test]
    fn insert_before_and_detach_keep_links_consistent() {
        let mut d = Document::new();
        let ul = d.append_element(DOCUMENT, el("ul"));
        let a = d.append_element(ul, el("li"));
        let c = d.append_element(ul, el("li"));
        let b = d.create(NodeData::Element(el("li")));
        d.insert_before(c, b);
        assert_eq!(d.children(ul).collect::<Vec<_>>(), vec![a, b, c]);
        d.detach(a);
        assert_eq!(d.children(ul).collect::<Vec<_>>(), vec![b, c]);
        d.detach(c);
        assert_eq!(d.children(ul).collect::<Vec<_>>(), vec![b]);
        assert_eq!(d.node(ul).last_child(), Some(b));
    }

    #[test]
    fn walk_pairs_enter_and_leave_and_skips_subtrees() {
        let mut d = Document::new();
        let a = d.append_element(DOCUMENT, el("div"));
        let b = d.append_element(a, el("p"));
        d.append_text(b, "x");
        let c = d.append_element(a, el("script"));
        d.append_text(c, "y");
        let mut log = Vec::new();
        d.walk(a, |w| {
            log.push(w);
            !matches!(w, Walk::Enter(n) if n == c)
        });
        let t = d.children(b).next().unwrap();
        assert_eq!(
            log,
            vec![
                Walk::Enter(a),
                Walk::Enter(b),
                Walk::Enter(t),
                Walk::Leave(t),
                Walk::Leave(b),
                Walk::Enter(c),
                Walk::Leave(a)
            ]
        );
    }

    #[test]
    fn descendants_walk_deep_trees_without_recursion() {
        let mut d = Document::new();
        let mut cur = DOCUMENT;
        for _ in 0..200_000 {
            cur = d.append_element(cur, el("div"));
        }
        d.append_text(cur, "deep");
        assert_eq!(d.descendants(DOCUMENT).count(), 200_002);
        assert_eq!(d.text_content(DOCUMENT), "deep");
    }
}
