//! A cap on the tree builder's nesting depth, between html5ever's tokenizer
//! and its tree builder.
//!
//! Why: for most start tags the HTML tree builder scans its stack of open
//! elements ("is there a `<p>` in button scope?"), so a page of 100,000
//! nested `<div>`s costs 100,000² steps: 16–38 s before this guard. Browsers
//! cap the depth too: Blink's parser stops nesting at 512 and attaches deeper
//! elements to the element at the cap, so they become its children, empty,
//! and what they held follows them. The guard gives the same tree: once the
//! tree builder holds [`MAX_DEPTH`] handles, a start tag that would stay open
//! is followed at once by a made-up end tag of the same name, and the page's
//! own end tag for it is swallowed later, so the elements at the cap are not
//! closed early. The snapshot front flattens at the same depth. Pages below
//! the cap (every real page: the corpora nest at most ~60 deep) go through
//! untouched.
//!
//! Cost: one count of the tree builder's handles per tag, O(depth), which the
//! tree builder already spends itself on its scope checks.
//!
//! The guard also joins runs of character tokens before they reach the tree
//! builder. html5ever's tokenizer emits every newline as a token of its own,
//! and the tree builder spends ~800 instructions on each (active formatting
//! elements, insertion point) however short it is; a page has thousands. The
//! tree builder already has to treat text the same however it is chunked (a
//! streamed page arrives in arbitrary pieces, and it splits leading white
//! space off itself), so one joined token builds the same tree. Every other
//! token, and the tokenizer's question about foreign content, flushes the
//! run first, so the tree builder sees every other token in the same state.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{local_name, LocalName};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub use crate::dom::MAX_DEPTH;

/// The token sink that sits in front of the tree builder.
pub struct DepthGuard<Handle, Sink> {
    builder: TreeBuilder<Handle, Sink>,
    /// Closed-at-once start tags whose end tags are still to be swallowed,
    /// by name.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// Sum of `dropped`, to skip the bookkeeping on ordinary pages.
    pending: Cell<usize>,
    /// Character tokens not yet passed on, joined, with the first one's
    /// line number.
    text: RefCell<Option<(StrTendril, u64)>>,
}

impl<Handle: Clone, Sink: TreeSink<Handle = Handle>> DepthGuard<Handle, Sink> {
    /// Wraps a tree builder.
    pub fn new(builder: TreeBuilder<Handle, Sink>) -> Self {
        DepthGuard {
            builder,
            dropped: RefCell::new(HashMap::new()),
            pending: Cell::new(0),
            text: RefCell::new(None),
        }
    }

    /// Holds a character token back, joined to the ones before it.
    fn hold_text(&self, chars: StrTendril, line_number: u64) {
        let mut text = self.text.borrow_mut();
        match &mut *text {
            Some((run, _)) => run.push_tendril(&chars),
            None => *text = Some((chars, line_number)),
        }
    }

    /// Passes the held text on. The tree builder answers every character
    /// token with `Continue`, so nothing the tokenizer must hear is lost.
    fn flush_text(&self) {
        let held = self.text.borrow_mut().take();
        if let Some((run, line_number)) = held {
            let result = self
                .builder
                .process_token(Token::CharacterTokens(run), line_number);
            debug_assert!(matches!(result, TokenSinkResult::Continue));
        }
    }

    /// The wrapped tree builder, once the tokenizer is done.
    pub fn into_builder(self) -> TreeBuilder<Handle, Sink> {
        self.builder
    }

    /// How many handles the tree builder holds: its open elements, its active
    /// formatting elements and a few fixed ones (document, head, form).
    fn held(&self) -> usize {
        let counter = Counter {
            count: Cell::new(0),
            _handle: std::marker::PhantomData,
        };
        self.builder.trace_handles(&counter);
        counter.count.get()
    }

    /// Passes a start tag on at the cap, and closes its element at once if
    /// it stayed open.
    fn close_at_cap(&self, tag: Tag, line_number: u64) -> TokenSinkResult<Handle> {
        let before = self.held();
        let name = tag.name.clone();
        let result = self
            .builder
            .process_token(Token::TagToken(tag), line_number);
        if !matches!(result, TokenSinkResult::Continue) || self.held() <= before {
            return result;
        }
        *self.dropped.borrow_mut().entry(name.clone()).or_insert(0) += 1;
        self.pending.set(self.pending.get() + 1);
        let close = Tag {
            kind: TagKind::EndTag,
            name,
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        self.builder
            .process_token(Token::TagToken(close), line_number)
    }

    /// Whether the guard eats this end tag instead of passing it on.
    fn swallows(&self, tag: &Tag) -> bool {
        match tag.kind {
            TagKind::StartTag => false,
            TagKind::EndTag => {
                if self.pending.get() == 0 {
                    return false;
                }
                if self.held() < MAX_DEPTH {
                    // Something closed elements below the cap: the dropped
                    // ones were implicitly closed with them.
                    self.dropped.borrow_mut().clear();
                    self.pending.set(0);
                    return false;
                }
                let mut dropped = self.dropped.borrow_mut();
                match dropped.get_mut(&tag.name) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        self.pending.set(self.pending.get() - 1);
                        true
                    }
                    _ => false,
                }
            }
        }
    }
}

impl<Handle: Clone, Sink: TreeSink<Handle = Handle>> TokenSink for DepthGuard<Handle, Sink> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::CharacterTokens(chars) = token {
            self.hold_text(chars, line_number);
            return TokenSinkResult::Continue;
        }
        self.flush_text();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                if deepens(&tag.name) && self.held() >= MAX_DEPTH {
                    return self.close_at_cap(tag, line_number);
                }
                self.builder
                    .process_token(Token::TagToken(tag), line_number)
            }
            Token::TagToken(tag) if self.swallows(&tag) => TokenSinkResult::Continue,
            token => self.builder.process_token(token, line_number),
        }
    }

    fn end(&self) {
        self.flush_text();
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.flush_text();
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Whether a start tag can push an element that stays open (a fast path:
/// [`DepthGuard::close_at_cap`] also checks). Void elements never stay open;
/// raw-text elements switch the tokenizer's state and are closed by their
/// own end tag; `html`, `head` and `body` only add attributes once the
/// document has them.
fn deepens(name: &LocalName) -> bool {
    !matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

/// Counts the handles [`TreeBuilder::trace_handles`] reports.
struct Counter<Handle> {
    count: Cell<usize>,
    _handle: std::marker::PhantomData<Handle>,
}

impl<Handle> Tracer for Counter<Handle> {
    type Handle = Handle;
    fn trace_handle(&self, _node: &Handle) {
        self.count.set(self.count.get() + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::dom::DOCUMENT;
    use crate::parse::parse_html;

    fn max_depth(html: &str) -> usize {
        let d = parse_html(html);
        d.descendants(DOCUMENT)
            .map(|n| d.depth(n))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_flattened_at_the_cap_and_keeps_everything() {
        let n = 5_000;
        let html = format!(
            "{}<p>deep text</p>{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let d = parse_html(&html);
        let body = d.body();
        assert_eq!(d.text_content(body), "deep textafter");
        assert!(max_depth(&html) <= super::MAX_DEPTH + 4);
        // Every element is kept, as Blink keeps them.
        assert_eq!(d.find_all(DOCUMENT, "div").count(), n);
        // The end tags of the flattened divs were swallowed, the real ones
        // closed the real divs: "after" is a child of <body>.
        let after = d.find_all(body, "p").last().unwrap();
        assert_eq!(d.parent(after), Some(body));
    }

    #[test]
    fn scripts_beyond_the_cap_stay_raw_text() {
        let html = format!(
            "{}<script>if (a<b) document.write('<p>x</p>')</script><p>y</p>",
            "<div>".repeat(2_000)
        );
        let d = parse_html(&html);
        let script = d.find(DOCUMENT, "script").unwrap();
        assert!(d.text_content(script).contains("<p>x</p>"));
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let html = format!("{}x", "<div class=a>".repeat(400));
        // html, body, 400 divs, the text.
        assert_eq!(max_depth(&html), 400 + 3);
    }
}
