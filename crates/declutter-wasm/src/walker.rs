//! The other way to read a live DOM: from wasm, one web-sys call (or more)
//! per node. Built only for the measurement in the README; the JavaScript
//! walker (`js/snapshot.js`) is the one shipped.

use declutter::dom::{Document, Element, Namespace, NodeId, DOCUMENT};
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";
const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Reads a document or element into the core's model, as `snapshot.js`
/// does (no layout: the measurement runs on `DOMParser` documents).
pub fn read(root: &web_sys::Node) -> Document {
    let mut doc = Document::new();
    let start = match root.dyn_ref::<web_sys::Document>() {
        Some(d) => match d.document_element() {
            Some(e) => e.unchecked_into::<web_sys::Node>(),
            None => return doc,
        },
        None => root.clone(),
    };
    // Iterative, with the open elements on an explicit stack.
    let mut node = start.clone();
    let mut parent: NodeId = DOCUMENT;
    let mut open: Vec<NodeId> = Vec::new();
    loop {
        let mut entered = false;
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                let name = el.local_name();
                let ns = match el.namespace_uri().as_deref() {
                    Some(HTML_NS) => Namespace::Html,
                    Some(SVG_NS) => Namespace::Svg,
                    Some(MATHML_NS) => Namespace::MathMl,
                    _ => Namespace::Other,
                };
                let map = el.attributes();
                let attrs = (0..map.length())
                    .filter_map(|i| map.item(i))
                    .map(|a| (a.name().into(), Box::from(a.value())))
                    .collect();
                let keeps_text = match name.as_str() {
                    "script" => el.get_attribute("type").as_deref() == Some("application/ld+json"),
                    "style" => false,
                    _ => true,
                };
                let id = doc.append_element(
                    parent,
                    Element {
                        name: name.to_ascii_lowercase().into(),
                        ns,
                        attrs,
                        hidden_by_layout: false,
                    },
                );
                if name == "noscript" {
                    let markup = if el.first_element_child().is_some() {
                        el.inner_html()
                    } else {
                        node.text_content().unwrap_or_default()
                    };
                    doc.append_text(id, &markup);
                } else if keeps_text {
                    if let Some(child) = node.first_child() {
                        open.push(parent);
                        parent = id;
                        node = child;
                        entered = true;
                    }
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                doc.append_text(parent, &node.node_value().unwrap_or_default());
            }
            _ => {}
        }
        if entered {
            continue;
        }
        loop {
            if node == start {
                return doc;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match (node.parent_node(), open.pop()) {
                (Some(up), Some(p)) => {
                    node = up;
                    parent = p;
                }
                _ => return doc,
            }
        }
    }
}
