//! An iterative walk over a subtree that reports entering and leaving each
//! node, so every pass over a tree (copying, tidying, serialising, text,
//! Markdown) can keep per-element state without recursion: pages can nest
//! 100,000 deep.

use crate::dom::{Document, NodeId};

/// One step of a walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The walk reaches a node, before its children.
    Enter(NodeId),
    /// The walk leaves a node, after its children.
    Exit(NodeId),
}

/// Pre- and post-order walk of one subtree, following the parent and
/// sibling links, so it needs no stack of its own.
///
/// The tree must not change while the walk runs.
pub(crate) struct Walk<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<Step>,
}

impl<'a> Walk<'a> {
    /// A walk over `root` and everything under it.
    pub(crate) fn new(doc: &'a Document, root: NodeId) -> Self {
        Walk {
            doc,
            root,
            next: Some(Step::Enter(root)),
        }
    }

    /// Called right after `Enter(id)`: skips `id`'s children and its `Exit`.
    pub(crate) fn skip_subtree(&mut self, id: NodeId) {
        self.next = self.after_exit(id);
    }

    fn after_exit(&self, id: NodeId) -> Option<Step> {
        if id == self.root {
            return None;
        }
        let node = self.doc.node(id);
        match (node.next(), node.parent()) {
            (Some(s), _) => Some(Step::Enter(s)),
            (None, Some(p)) => Some(Step::Exit(p)),
            (None, None) => None,
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        let cur = self.next?;
        self.next = match cur {
            Step::Enter(id) => match self.doc.node(id).first_child() {
                Some(c) => Some(Step::Enter(c)),
                None => Some(Step::Exit(id)),
            },
            Step::Exit(id) => self.after_exit(id),
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Element, DOCUMENT};

    #[test]
    fn enters_and_exits_in_document_order_and_skips() {
        let mut d = Document::new();
        let a = d.append_element(DOCUMENT, Element::html("div", vec![]));
        let b = d.append_element(a, Element::html("p", vec![]));
        let c = d.append_element(a, Element::html("p", vec![]));
        let e = d.append_element(c, Element::html("b", vec![]));
        let steps: Vec<Step> = Walk::new(&d, a).collect();
        use Step::*;
        assert_eq!(
            steps,
            vec![
                Enter(a),
                Enter(b),
                Exit(b),
                Enter(c),
                Enter(e),
                Exit(e),
                Exit(c),
                Exit(a)
            ]
        );

        let mut w = Walk::new(&d, a);
        let mut seen = Vec::new();
        while let Some(s) = w.next() {
            seen.push(s);
            if s == Enter(c) {
                w.skip_subtree(c);
            }
        }
        assert_eq!(seen, vec![Enter(a), Enter(b), Exit(b), Enter(c), Exit(a)]);
    }

    #[test]
    fn stays_inside_the_root() {
        let mut d = Document::new();
        let a = d.append_element(DOCUMENT, Element::html("div", vec![]));
        let b = d.append_element(DOCUMENT, Element::html("div", vec![]));
        assert_eq!(Walk::new(&d, a).count(), 2);
        let mut w = Walk::new(&d, a);
        w.next();
        w.skip_subtree(a);
        assert_eq!(w.next(), None);
        assert_eq!(Walk::new(&d, b).count(), 2);
    }
}
