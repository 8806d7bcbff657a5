//! html5ever's tree builder writing straight into the core's arena.

use crate::dom::{Document, Element, Namespace, NodeData, NodeId, DOCUMENT};
use crate::parse::depth_guard::DepthGuard;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::TokenizerResult;
use html5ever::{ns, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::{HashMap, HashSet};

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
    // Room for most pages' nodes up front: regrowing the arena copies it.
    let nodes = node_estimate(text);
    let mut name_of = Vec::with_capacity(nodes);
    name_of.push(0);
    let sink = Sink {
        doc: RefCell::new(Document::with_capacity(nodes)),
        name_of: RefCell::new(name_of),
        names: RefCell::new(Names {
            list: vec![placeholder_name()],
            index: HashMap::new(),
        }),
        known_attrs: RefCell::new(HashMap::new()),
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
    let tags = text.bytes().filter(|&b| b == b'<').count();
    tags + tags / NODES_PER_TAG_EXTRA + 1
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
    /// The distinct names met.
    names: RefCell<Names>,
    /// Attribute names of the elements stray `<html>`/`<body>` tags add to.
    known_attrs: RefCell<HashMap<NodeId, HashSet<Box<str>>>>,
}

impl Sink {
    fn push(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let id = self.doc.borrow_mut().create(data);
        let index = name.map_or(0, |n| self.names.borrow_mut().intern(n));
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
}

/// The element names of a parse, each once.
struct Names {
    list: Vec<QualName>,
    index: HashMap<QualName, u32>,
}

impl Names {
    /// The index of `name`, added when new.
    fn intern(&mut self, name: QualName) -> u32 {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        // No more names than nodes, whose ids fit in 32 bits (dom::Link).
        let i = self.list.len() as u32;
        self.list.push(name.clone());
        self.index.insert(name, i);
        i
    }
}

fn placeholder_name() -> QualName {
    QualName::new(None, ns!(), html5ever::local_name!(""))
}

fn convert_attrs(attrs: &[Attribute]) -> Vec<(Box<str>, Box<str>)> {
    attrs
        .iter()
        .map(|a| {
            let name: Box<str> = match &a.name.prefix {
                Some(p) => format!("{}:{}", p, a.name.local).into(),
                None => lower_case(&a.name.local),
            };
            (name, (*a.value).into())
        })
        .collect()
}

/// A name in lower case. The tokenizer already lower-cases HTML names, so
/// only foreign ones (`viewBox`) need the copy; going through the atom would
/// touch its reference count for nothing.
fn lower_case(name: &str) -> Box<str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.doc.into_inner()
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
        let element = Element {
            name: lower_case(&name.local),
            ns,
            attrs: convert_attrs(&attrs),
            hidden_by_layout: false,
        };
        let id = self.push(NodeData::Element(element), Some(name));
        if flags.template {
            // Template contents are inert: a detached node no walk reaches.
            self.push(NodeData::Inert, None);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Inert, None)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Inert, None)
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
        let mut doc = self.doc.borrow_mut();
        let Some(e) = doc.element_mut(*target) else {
            return;
        };
        // Only <html> and <body> get here, once per stray copy of the tag; a
        // set per target keeps a page of thousands of stray tags with
        // hundreds of attributes each linear (checking the element's own
        // list made it quadratic: minutes for 1M attributes).
        let mut known = self.known_attrs.borrow_mut();
        let names = known
            .entry(*target)
            .or_insert_with(|| e.attrs.iter().map(|(k, _)| k.clone()).collect());
        for (k, v) in convert_attrs(&attrs) {
            if names.insert(k.clone()) {
                e.attrs.push((k, v));
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
    fn svg_elements_are_not_html() {
        let d = parse_html("<p><svg><title>icon</title></svg></p>");
        let svg = d
            .descendants(DOCUMENT)
            .find(|&n| d.element(n).map(|e| &*e.name) == Some("svg"))
            .unwrap();
        assert_eq!(d.tag(svg), None);
    }
}
