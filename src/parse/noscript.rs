//! Pages whose text is only in `<noscript>`.
//!
//! A browser runs the page's scripts and `<noscript>` stays hidden; but
//! some applications (Discourse forums, for one) ship their content for
//! readers without scripts only inside `<noscript>`, and render it with
//! scripts. Read as served (the command line, the eval), such a page shows
//! a menu and nothing else: 22 of the 112 forum pages of the WCXB dev split
//! have under 300 characters of visible text and thousands in `<noscript>`,
//! and every one extracted nothing. When the noscript text clearly
//! outweighs the visible text, the page is parsed again as a browser
//! without scripts would, and the noscript elements become plain boxes.

use super::html::{parse_seeing, Seen};
use crate::dom::{Document, NodeData, NodeId, DOCUMENT};
use crate::tag_sets;

/// The noscript text must be at least this long...
const MIN_NOSCRIPT_CHARS: usize = 500;
/// ...and this many times the visible text.
const NOSCRIPT_OVER_VISIBLE: usize = 4;

/// Whether the page's readable text is in `<noscript>` rather than shown.
pub fn holds_the_page(doc: &Document) -> bool {
    let noscript: usize = doc
        .find_all(DOCUMENT, "noscript")
        .map(|n| raw_text_chars(&doc.text_content(n)))
        .sum();
    noscript >= MIN_NOSCRIPT_CHARS && noscript >= NOSCRIPT_OVER_VISIBLE * visible_chars(doc)
}

/// Parses `text` with scripting off and turns every `<noscript>` into a
/// `<div>`, so its content counts as visible; with what the parse [`Seen`].
pub(super) fn reparse_shown(text: &str) -> (Document, Seen) {
    let (mut doc, seen) = parse_seeing(text, false);
    let ids: Vec<NodeId> = doc.find_all(DOCUMENT, "noscript").collect();
    for id in ids {
        if let Some(e) = doc.element_mut(id) {
            e.name = "div".into();
        }
    }
    (doc, seen)
}

/// Characters of text outside the tags of raw markup (noscript content as
/// a scripting parser keeps it), white space left out.
fn raw_text_chars(raw: &str) -> usize {
    let mut in_tag = false;
    let mut n = 0;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}

/// Characters of text (white space left out) the page shows: text nodes
/// outside scripts, styles, templates, noscript and the head.
fn visible_chars(doc: &Document) -> usize {
    let body = doc.body();
    let mut n = 0;
    for id in doc.descendants(body) {
        if let NodeData::Text(t) = &doc.node(id).data {
            let hidden = doc
                .ancestors(id)
                .any(|a| doc.tag(a).is_some_and(tag_sets::unrendered));
            if !hidden {
                n += t.chars().filter(|c| !c.is_whitespace()).count();
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    const POSTS: &str = "<div class=post><p>I updated to the new release and now the \
        app is stuck on the starting screen, whatever I do with the settings.</p></div>";

    #[test]
    fn a_page_shown_only_in_noscript_is_read_from_it() {
        let html = format!(
            "<body><header><a href=/>Forum</a></header><noscript>{}</noscript></body>",
            POSTS.repeat(6)
        );
        let doc = parse_html(&html);
        assert!(holds_the_page(&doc));
        let (shown, _) = reparse_shown(&html);
        assert_eq!(shown.find_all(DOCUMENT, "noscript").count(), 0);
        assert!(shown
            .text_content(shown.body())
            .contains("stuck on the starting"));
    }

    #[test]
    fn a_page_with_its_own_text_keeps_noscript_hidden() {
        let html = format!(
            "<body><article>{}</article><noscript>{}</noscript></body>",
            POSTS.repeat(3),
            POSTS.repeat(6)
        );
        assert!(!holds_the_page(&parse_html(&html)));
        let small = "<body><p>Hi</p><noscript><p>Please enable JavaScript.</p></noscript></body>";
        assert!(!holds_the_page(&parse_html(small)));
    }
}
