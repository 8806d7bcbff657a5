//! The copying pass: walks each selected subtree once, iteratively, and
//! writes the clean tree: allowlisted tags and attributes, images, links
//! and video embeds rebuilt, layout boxes written as wrappers that the tidy
//! pass turns into paragraphs or dissolves.
//!
//! Inside phrasing elements (paragraphs, headings, links, emphasis) a block
//! the source nests there is dissolved and replaced by a line break, so the
//! output always re-parses to the same tree and no two blocks' words run
//! together.

use super::attrs;
use super::images::{self, Image};
use super::probe::{bears_block, form_has_text, is_layout_table, video_provider};
use super::rules::{self, Role};
use super::urls::{self, LINK_SCHEMES};
use super::walk::{Step, Walk};
use crate::dom::{Document, Element, Namespace, NodeData, NodeId, DOCUMENT};
use crate::segment::Selection;
use crate::tag_sets;
use crate::visibility::hidden_by_markup;
use std::borrow::Cow;
use url::Url;

/// Deepest nesting of elements in the clean tree. Below it, text is kept
/// but wrappers are dropped: no article needs more, and later passes (the
/// reader view's own parser, the Markdown renderer) stay shallow.
pub const MAX_OUTPUT_DEPTH: usize = 200;

/// Where the walk writes and what the elements around it allow.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// The clean node children go under.
    out: NodeId,
    /// Element depth of `out` in the clean tree.
    depth: usize,
    /// `out` takes phrasing content only: blocks are dissolved.
    phrasing: bool,
    /// Inside `<pre>`: text is verbatim and breaks are newlines.
    pre: bool,
    /// Inside a link: links are not nested.
    link: bool,
    /// The innermost table is a layout table: its parts are wrappers.
    layout_table: bool,
}

impl Ctx {
    /// Whether no more elements may be nested here.
    fn capped(&self) -> bool {
        self.depth >= MAX_OUTPUT_DEPTH
    }

    /// Whether blocks are dissolved here.
    fn flat(&self) -> bool {
        self.phrasing || self.capped()
    }
}

/// What leaving an element does.
#[derive(Debug, Clone, Copy)]
enum Leave {
    /// Nothing.
    Plain,
    /// The element was a dissolved block: what follows starts a new line.
    Break,
    /// The element was a block: what follows starts in a new block anyway.
    Block,
}

/// The clean tree being written, and the state of the walk.
pub(super) struct Copier<'a> {
    doc: &'a Document,
    sel: &'a Selection,
    base: Option<&'a Url>,
    /// The clean tree.
    pub(super) out: Document,
    /// Wrappers, in creation (pre-)order.
    pub(super) wrappers: Vec<NodeId>,
    /// Indexed by clean node id: whether it is a wrapper.
    pub(super) is_wrapper: Vec<bool>,
    /// A dissolved block ended or began: the next content starts a line.
    pending_break: bool,
    /// The last image written: source node and clean node, so a
    /// `<noscript>` right after it can replace a placeholder.
    last_img: Option<(NodeId, NodeId)>,
    /// Indexed by source node id: already copied (a root nested in an
    /// earlier root is not copied twice).
    pub(super) copied: Vec<bool>,
}

impl<'a> Copier<'a> {
    /// A copier writing into an empty document with room for `nodes`.
    pub(super) fn new(
        doc: &'a Document,
        sel: &'a Selection,
        base: Option<&'a Url>,
        nodes: usize,
    ) -> Self {
        Copier {
            doc,
            sel,
            base,
            out: Document::with_capacity(nodes),
            wrappers: Vec::new(),
            is_wrapper: Vec::new(),
            pending_break: false,
            last_img: None,
            copied: vec![false; doc.len()],
        }
    }

    /// Copies one selected subtree into a wrapper of its own under the
    /// clean document, so separate roots never share a paragraph.
    pub(super) fn copy_root(&mut self, root: NodeId) {
        if self.copied.get(root).is_none_or(|&c| c) {
            return;
        }
        let top = self.new_wrapper(DOCUMENT, Vec::new());
        let base_ctx = Ctx {
            out: top,
            depth: 1,
            phrasing: false,
            pre: false,
            link: false,
            layout_table: false,
        };
        let mut stack: Vec<(Ctx, Leave)> = Vec::new();
        let mut walk = Walk::new(self.doc, root);
        while let Some(step) = walk.next() {
            match step {
                Step::Enter(id) => {
                    self.copied[id] = true;
                    let ctx = stack.last().map_or(base_ctx, |f| f.0);
                    match self.enter(id, ctx, id == root) {
                        Some(frame) => stack.push(frame),
                        None => walk.skip_subtree(id),
                    }
                }
                Step::Exit(_) => match stack.pop().map(|f| f.1) {
                    Some(Leave::Break) => self.pending_break = true,
                    Some(Leave::Block) => self.pending_break = false,
                    _ => {}
                },
            }
        }
        self.pending_break = false;
    }

    /// Handles a node; returns the frame for its children, or `None` to
    /// skip them.
    fn enter(&mut self, id: NodeId, ctx: Ctx, is_root: bool) -> Option<(Ctx, Leave)> {
        if self.sel.is_excluded(id) {
            return None;
        }
        let doc = self.doc;
        match &doc.node(id).data {
            NodeData::Text(t) => {
                self.text(ctx, t);
                None
            }
            NodeData::Element(el) => self.element(id, el, ctx, is_root),
            _ => None,
        }
    }

    fn element(
        &mut self,
        id: NodeId,
        el: &Element,
        ctx: Ctx,
        is_root: bool,
    ) -> Option<(Ctx, Leave)> {
        if hidden_by_markup(el) {
            return None;
        }
        if el.ns == Namespace::MathMl && &*el.name == "math" {
            self.math_text(id, ctx);
            return None;
        }
        if el.ns != Namespace::Html {
            return None;
        }
        let name = &*el.name;
        let mut role = rules::role(name);
        let table_part = tag_sets::table_part(name);
        if (is_root && tag_sets::needs_parent(name)) || (ctx.layout_table && table_part) {
            role = Role::Wrapper;
        }
        if name == "table" {
            if ctx.flat() {
                // Dissolved either way; no need to look at its shape.
                return self.block_frame(id, "table", el, ctx);
            }
            let layout = is_layout_table(self.doc, id);
            return if layout {
                self.wrapper_frame(
                    el,
                    Ctx {
                        layout_table: true,
                        ..ctx
                    },
                )
            } else {
                self.block_frame(
                    id,
                    "table",
                    el,
                    Ctx {
                        layout_table: false,
                        ..ctx
                    },
                )
            };
        }
        match role {
            Role::Drop => None,
            Role::Unwrap => Some((ctx, Leave::Plain)),
            Role::Unknown if bears_block(self.doc, id) => self.wrapper_frame(el, ctx),
            Role::Unknown => Some((ctx, Leave::Plain)),
            Role::Wrapper => self.wrapper_frame(el, ctx),
            Role::Inline(tag) => self.inline_frame(id, tag, el, ctx),
            Role::Block(tag) => self.block_frame(id, tag, el, ctx),
            Role::Special => self.special(id, name, el, ctx),
        }
    }

    fn special(&mut self, id: NodeId, name: &str, el: &Element, ctx: Ctx) -> Option<(Ctx, Leave)> {
        match name {
            "br" => self.line_break(ctx),
            "hr" => {
                if ctx.flat() {
                    self.pending_break = true;
                } else {
                    self.out
                        .append_element(ctx.out, Element::html("hr", vec![]));
                    self.pending_break = false;
                }
            }
            "img" | "amp-img" => {
                if let Some(image) = images::from_element(el, self.base) {
                    self.put_image(id, el, &image, ctx);
                }
            }
            "picture" => {
                if let Some(image) = images::from_picture(self.doc, id, self.base) {
                    self.put_image(id, el, &image, ctx);
                }
            }
            "iframe" => self.embed(el, ctx),
            "noscript" => self.noscript(id, el, ctx),
            "a" => return self.link(el, ctx),
            // Below the depth cap a form is dissolved anyway: keep its text
            // rather than measure it.
            "form" if ctx.capped() || form_has_text(self.doc, id) => {
                return self.wrapper_frame(el, ctx)
            }
            _ => {}
        }
        None
    }

    /// A layout box: a wrapper, or dissolved where blocks cannot go.
    fn wrapper_frame(&mut self, el: &Element, ctx: Ctx) -> Option<(Ctx, Leave)> {
        if ctx.flat() {
            self.pending_break = true;
            return Some((ctx, Leave::Break));
        }
        let w = self.new_wrapper(ctx.out, attrs::common(el));
        self.pending_break = false;
        let inner = Ctx {
            out: w,
            depth: ctx.depth + 1,
            phrasing: false,
            pre: false,
            link: false,
            ..ctx
        };
        Some((inner, Leave::Block))
    }

    fn block_frame(
        &mut self,
        id: NodeId,
        tag: &'static str,
        el: &Element,
        ctx: Ctx,
    ) -> Option<(Ctx, Leave)> {
        if ctx.flat() {
            if matches!(tag, "td" | "th") {
                // Cells of a dissolved table stay apart on their row.
                if has_content(&self.out, ctx.out) {
                    self.out.append_text(ctx.out, " ");
                }
                return Some((ctx, Leave::Plain));
            }
            self.pending_break = true;
            return Some((ctx, Leave::Break));
        }
        if tag == "p" && bears_block(self.doc, id) {
            // Only quirks-mode parsing or a script nests blocks in a
            // paragraph; split it around them as a standards parser would.
            return self.wrapper_frame(el, ctx);
        }
        let e = self.out.append_element(
            ctx.out,
            same_name(tag, el, attrs::allowed(tag, el, self.base)),
        );
        self.pending_break = false;
        let inner = Ctx {
            out: e,
            depth: ctx.depth + 1,
            phrasing: tag_sets::heading(tag) || matches!(tag, "p" | "pre" | "summary"),
            pre: tag == "pre",
            link: false,
            ..ctx
        };
        Some((inner, Leave::Block))
    }

    fn inline_frame(
        &mut self,
        id: NodeId,
        tag: &'static str,
        el: &Element,
        ctx: Ctx,
    ) -> Option<(Ctx, Leave)> {
        if ctx.capped() || (!ctx.phrasing && bears_block(self.doc, id)) {
            // Emphasis around whole blocks (old pages bold entire sections)
            // is dropped so the blocks keep their structure.
            return Some((ctx, Leave::Plain));
        }
        self.flush_break(ctx);
        let e = self.out.append_element(
            ctx.out,
            same_name(tag, el, attrs::allowed(tag, el, self.base)),
        );
        let inner = Ctx {
            out: e,
            depth: ctx.depth + 1,
            phrasing: true,
            ..ctx
        };
        Some((inner, Leave::Plain))
    }

    fn link(&mut self, el: &Element, ctx: Ctx) -> Option<(Ctx, Leave)> {
        let href = el
            .attr("href")
            .and_then(|h| urls::resolve(h, self.base, LINK_SCHEMES));
        let Some(href) = href.filter(|_| !ctx.link && !ctx.capped()) else {
            // Not a link a reader can follow: keep its text.
            return Some((ctx, Leave::Plain));
        };
        self.flush_break(ctx);
        self.space_after_link(ctx.out);
        let mut a = attrs::common(el);
        a.push(("href".into(), href.into()));
        if let Some(t) = el.attr("title").and_then(attrs::text_attr) {
            a.push(("title".into(), t.into()));
        }
        let e = self.out.append_element(ctx.out, Element::html("a", a));
        let inner = Ctx {
            out: e,
            depth: ctx.depth + 1,
            phrasing: true,
            link: true,
            ..ctx
        };
        Some((inner, Leave::Plain))
    }

    /// Links written back to back (tag clouds, menus) are set apart by
    /// the page's stylesheet, which the clean tree lacks: a space keeps
    /// their words from running together.
    fn space_after_link(&mut self, parent: NodeId) {
        let Some(prev) = self.out.node(parent).last_child() else {
            return;
        };
        if self.out.is(prev, "a")
            && self
                .out
                .text_content(prev)
                .ends_with(|c: char| c.is_alphanumeric() || c.is_ascii_punctuation())
        {
            self.out.append_text(parent, " ");
        }
    }

    fn text(&mut self, ctx: Ctx, t: &str) {
        if !ctx.pre && t.trim().is_empty() {
            let structural = self.out.tag(ctx.out).is_some_and(tag_sets::structure_only);
            if !structural {
                self.append_collapsed(ctx.out, t);
            }
            return;
        }
        self.flush_break(ctx);
        if ctx.pre {
            self.out.append_text(ctx.out, t);
        } else {
            self.append_collapsed(ctx.out, t);
        }
    }

    /// Appends text with white space runs collapsed, also across the join
    /// with the text before it, so cleaning clean output changes nothing.
    fn append_collapsed(&mut self, parent: NodeId, t: &str) {
        let collapsed = collapse_spaces(t);
        let after_space = self
            .out
            .node(parent)
            .last_child()
            .and_then(|l| self.out.text(l))
            .is_some_and(|prev| prev.ends_with(' '));
        let text = if after_space {
            collapsed.trim_start_matches(' ')
        } else {
            &collapsed
        };
        if !text.is_empty() {
            self.out.append_text(parent, text);
        }
    }

    fn line_break(&mut self, ctx: Ctx) {
        self.pending_break = false;
        if ctx.pre {
            self.out.append_text(ctx.out, "\n");
        } else {
            self.out
                .append_element(ctx.out, Element::html("br", vec![]));
        }
    }

    /// Writes the line break a dissolved block left pending, if content
    /// precedes it on the line.
    fn flush_break(&mut self, ctx: Ctx) {
        if !std::mem::take(&mut self.pending_break) || !has_content(&self.out, ctx.out) {
            return;
        }
        let last = self.out.node(ctx.out).last_child();
        if ctx.pre {
            if !last
                .and_then(|l| self.out.text(l))
                .is_some_and(|t| t.ends_with('\n'))
            {
                self.out.append_text(ctx.out, "\n");
            }
        } else if !last.is_some_and(|l| self.out.is(l, "br")) {
            self.out
                .append_element(ctx.out, Element::html("br", vec![]));
        }
    }

    fn put_image(&mut self, src: NodeId, el: &Element, image: &Image, ctx: Ctx) {
        self.flush_break(ctx);
        let i = self
            .out
            .append_element(ctx.out, Element::html("img", image.attrs(el)));
        self.last_img = Some((src, i));
    }

    /// A formula as the text of its elements (what Readability's output
    /// reads as), without the TeX or MathML source annotations carry:
    /// MathML markup itself is not kept.
    fn math_text(&mut self, id: NodeId, ctx: Ctx) {
        let mut text = String::new();
        let mut walk = Walk::new(self.doc, id);
        while let Some(step) = walk.next() {
            let Step::Enter(n) = step else { continue };
            match &self.doc.node(n).data {
                NodeData::Text(t) => text.push_str(t),
                NodeData::Element(e) if e.name.starts_with("annotation") => walk.skip_subtree(n),
                _ => {}
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.text(ctx, &format!(" {text} "));
        }
    }

    /// A video player's iframe, kept as a link to the video.
    fn embed(&mut self, el: &Element, ctx: Ctx) {
        if ctx.link || ctx.capped() {
            return;
        }
        let raw = ["src", "data-src", "data-lazy-src"]
            .iter()
            .find_map(|a| el.attr(a).filter(|v| !v.trim().is_empty()));
        let Some(raw) = raw else { return };
        let raw = match raw.trim().strip_prefix("//") {
            Some(rest) => format!("https://{rest}"),
            None => raw.trim().to_string(),
        };
        let Some(href) = urls::resolve(&raw, self.base, &["http", "https"]) else {
            return;
        };
        let Some(provider) = video_provider(&href) else {
            return;
        };
        self.flush_break(ctx);
        // A play sign and a short name: the player itself shows no text, so
        // the link should add as few words as it can.
        let name = el
            .attr("title")
            .and_then(attrs::text_attr)
            .unwrap_or_else(|| provider.to_string());
        let label = format!("\u{25b6} {name}");
        let a = self.out.append_element(
            ctx.out,
            Element::html("a", vec![("href".into(), href.into())]),
        );
        self.out.append_text(a, &label);
    }

    /// A `<noscript>`: its image replaces the placeholder image right before
    /// it, or stands on its own; anything else in it is dropped.
    fn noscript(&mut self, id: NodeId, el: &Element, ctx: Ctx) {
        let Some(mut image) = images::from_noscript(self.doc, id, self.base) else {
            return;
        };
        let prev_img =
            prev_element_sibling(self.doc, id).and_then(|p| images::single_image(self.doc, p));
        if image.alt.is_none() {
            // The stand-in often carries the text the fallback lacks.
            image.alt = prev_img
                .and_then(|x| self.doc.attr(x, "alt"))
                .and_then(attrs::text_attr);
        }
        if let (Some(x), Some((src, out_img))) = (prev_img, self.last_img) {
            if x == src {
                let source_el = self.doc.element(x).unwrap_or(el);
                let new_attrs = image.attrs(source_el);
                if let Some(e) = self.out.element_mut(out_img) {
                    e.attrs = new_attrs.into();
                }
                return;
            }
        }
        self.put_image(id, el, &image, ctx);
    }

    fn new_wrapper(&mut self, parent: NodeId, attrs: attrs::Attrs) -> NodeId {
        let w = self.out.append_element(parent, Element::html("div", attrs));
        if self.is_wrapper.len() <= w {
            self.is_wrapper.resize(w + 1, false);
        }
        self.is_wrapper[w] = true;
        self.wrappers.push(w);
        w
    }
}

/// An HTML element named `tag`, sharing the source element's name when it
/// is the same: a fresh name per copied element took 18 MB of a 1000x1000
/// table's 330 MB peak, the clean copy's (issue 15).
fn same_name(tag: &str, source: &Element, attrs: attrs::Attrs) -> Element {
    if *source.name == *tag && !tag.bytes().any(|b| b.is_ascii_uppercase()) {
        Element {
            name: source.name.clone(),
            ns: Namespace::Html,
            attrs: attrs.into(),
            hidden_by_layout: false,
        }
    } else {
        Element::html(tag, attrs)
    }
}

/// Runs of HTML white space as one space, as a browser shows them (a
/// no-break space is not white space to HTML and stays).
///
/// Text already collapsed (no space but single `' '`s) is borrowed: a
/// 1000x1000 table's million cells each made a copy (issue 15).
fn collapse_spaces(t: &str) -> Cow<'_, str> {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
    let bytes = t.as_bytes();
    let collapsed = bytes.iter().enumerate().all(|(i, &b)| {
        !is_space(b) || (b == b' ' && !bytes.get(i + 1).is_some_and(|&n| is_space(n)))
    });
    if collapsed {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    // Byte by byte (the spaces are ASCII), copying the runs between them.
    let bytes = t.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if !is_space(b) {
            i += 1;
            continue;
        }
        out.push_str(&t[start..i]);
        out.push(' ');
        while bytes.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        start = i;
    }
    out.push_str(&t[start..]);
    Cow::Owned(out)
}

/// Whether a clean node already holds something visible (a line break
/// before the first content would only add space).
fn has_content(out: &Document, id: NodeId) -> bool {
    let mut cur = out.node(id).last_child();
    while let Some(c) = cur {
        match &out.node(c).data {
            NodeData::Text(t) if !t.trim().is_empty() => return true,
            NodeData::Element(_) => return true,
            _ => {}
        }
        cur = out.node(c).prev();
    }
    false
}

/// The element right before `id`, with only white space between.
fn prev_element_sibling(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut cur = doc.node(id).prev();
    while let Some(c) = cur {
        match &doc.node(c).data {
            NodeData::Element(_) => return Some(c),
            NodeData::Text(t) if !t.trim().is_empty() => return None,
            _ => {}
        }
        cur = doc.node(c).prev();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::collapse_spaces;

    #[test]
    fn space_runs_collapse_and_no_break_spaces_stay() {
        assert_eq!(collapse_spaces(""), "");
        assert_eq!(collapse_spaces("  a \t\r\n b\u{c}"), " a b ");
        assert_eq!(
            collapse_spaces("é\u{a0}\u{a0} 日本  x"),
            "é\u{a0}\u{a0} 日本 x"
        );
    }

    #[test]
    fn collapsed_text_is_borrowed_not_copied() {
        use std::borrow::Cow;
        for t in ["", "1.2", " a b c ", "é\u{a0}\u{a0}x"] {
            assert!(
                matches!(collapse_spaces(t), Cow::Borrowed(b) if b == t),
                "{t:?}"
            );
        }
        for t in ["a  b", "a\tb", "a \n", "\r"] {
            assert!(matches!(collapse_spaces(t), Cow::Owned(_)), "{t:?}");
        }
    }
}
