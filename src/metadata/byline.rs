//! The author line found in the page itself, when no metadata names one.
//!
//! This replays the part of Readability's first `_grabArticle` pass that
//! decides which element it takes for the byline: it walks the elements in
//! document order, never entering subtrees Readability would have deleted
//! before reaching them (hidden, dialog, unlikely candidates, the heading
//! that repeats the title), and takes the first short element marked as an
//! author line.

use super::similarity::text_similarity;
use super::text::{
    inner_text_len, is_js_space, js_trim, measured_len, text_content, trimmed_text_within,
};
use crate::cues;
use crate::dom::{Document, NodeId, DOCUMENT};
use crate::tag_sets;

/// A byline is shorter than this (UTF-16 units): longer text is an author
/// bio or a whole block.
const MAX_BYLINE_LEN: usize = 100;
/// Above this similarity to the title an `<h1>`/`<h2>` is the title repeated.
const TITLE_HEADER_SIMILARITY: f64 = 0.75;
/// A heading with more text than this (bytes, trimmed) is not compared
/// with the title: it could only pass by repeating the title's words over
/// and over, and comparing every heading of a page that nests hundreds of
/// them costs the page's text once per level.
const MAX_TITLE_HEADER_BYTES: usize = 4096;
/// How many ancestor levels the table/code exemption looks up (Readability's
/// `_hasAncestorTag` default).
const ANCESTOR_TAG_DEPTH: usize = 3;
/// A `<div>` whose only child is a `<p>` is replaced by that `<p>` (and the
/// `<p>` itself is then never examined) when less than this share of its
/// text is link text.
const DIV_TO_P_LINK_DENSITY: f64 = 0.25;
/// Weight of in-page (`#...`) link text in the link density.
const HASH_LINK_WEIGHT: f64 = 0.3;
/// Readability retries without stripping unlikely candidates when its
/// article came out shorter than this many characters. The article is
/// approximated by the largest group of sibling paragraphs the first pass
/// kept.
const RETRY_TEXT_THRESHOLD: usize = 500;
/// Paragraphs shorter than this are not scored by Readability, so they do
/// not make an article.
const MIN_PARAGRAPH_LEN: usize = 25;

/// The byline the page's markup shows, `title` being the article title
/// already chosen (the heading repeating it is skipped with its subtree).
pub(crate) fn from_page(doc: &Document, title: &str) -> Option<String> {
    let has_block = block_descendants(doc);
    match walk(doc, title, &has_block, true) {
        Walk::Found(byline) => Some(byline),
        Walk::NotFound { kept_text } if kept_text < RETRY_TEXT_THRESHOLD => {
            match walk(doc, title, &has_block, false) {
                Walk::Found(byline) => Some(byline),
                Walk::NotFound { .. } => None,
            }
        }
        Walk::NotFound { .. } => None,
    }
}

/// The outcome of one pass over the page.
enum Walk {
    /// The byline text.
    Found(String),
    /// No byline; `kept_text` is the length of the largest group of sibling
    /// paragraphs the pass did not strip.
    NotFound { kept_text: usize },
}

/// One pass of Readability's walk, with or without stripping unlikely
/// candidates.
fn walk(doc: &Document, title: &str, has_block: &[bool], strip_unlikely: bool) -> Walk {
    let mut next = first_element_child(doc, DOCUMENT);
    let mut title_header_removed = false;
    let mut author_lines = None;
    // Paragraph text per parent element, in 4-byte counts (8 MB less on a
    // 1000x1000 table's two walks; issue 15).
    let mut groups = vec![0u32; doc.len()];
    let mut count_paragraph = |n: NodeId| {
        if let Some((group, len)) = paragraph_text(doc, n, has_block) {
            if len >= MIN_PARAGRAPH_LEN {
                let len = u32::try_from(len).unwrap_or(u32::MAX);
                groups[group] = groups[group].saturating_add(len);
            }
        }
    };
    while let Some(node) = next {
        let class = doc.attr(node, "class").unwrap_or("");
        let id = doc.attr(node, "id").unwrap_or("");
        // Readability matches "class id"; the bare " " of an element with
        // neither matches no word list, so most elements skip the regexes.
        let match_string = (!class.is_empty() || !id.is_empty()).then(|| format!("{class} {id}"));
        let match_string = match_string.as_deref();
        let tag = doc.tag(node).unwrap_or("");

        let removed = !crate::visibility::readability_visible(doc, node)
            || (doc.attr(node, "aria-modal") == Some("true")
                && doc.attr(node, "role") == Some("dialog"));
        if removed || match_string.is_some_and(|m| lists_reviewers(doc, node, m, &mut author_lines))
        {
            next = next_element_skipping(doc, node);
            continue;
        }
        if is_byline(doc, node, match_string) {
            let source = descendant_with_itemprop_name(doc, node).unwrap_or(node);
            return Walk::Found(js_trim(&text_content(doc, source)).to_string());
        }
        if !title_header_removed
            && (tag == "h1" || tag == "h2")
            && trimmed_text_within(doc, node, MAX_TITLE_HEADER_BYTES)
                .is_some_and(|text| text_similarity(title, &text) > TITLE_HEADER_SIMILARITY)
        {
            title_header_removed = true;
            next = next_element_skipping(doc, node);
            continue;
        }
        let unlikely = strip_unlikely
            && match_string.is_some_and(|m| {
                cues::unlikely_attr().is_match(m) && !cues::maybe_candidate_attr().is_match(m)
            })
            && !has_ancestor_tag(doc, node, "table")
            && !has_ancestor_tag(doc, node, "code")
            && tag != "body"
            && tag != "a";
        let unlikely_role = strip_unlikely
            && doc
                .attr(node, "role")
                .is_some_and(cues::readability_unlikely_role);
        if unlikely || unlikely_role {
            next = next_element_skipping(doc, node);
            continue;
        }
        let descend_from = if tag == "div" {
            // The div gives way to its only <p>, whose own checks are then
            // skipped: the walk resumes inside it.
            sole_paragraph(doc, node).unwrap_or(node)
        } else {
            node
        };
        count_paragraph(descend_from);
        next = first_element_child(doc, descend_from)
            .or_else(|| next_element_skipping(doc, descend_from));
    }
    Walk::NotFound {
        kept_text: groups.into_iter().max().unwrap_or(0) as usize,
    }
}

/// The paragraphs Readability would score at `n`, as (parent, text
/// length): a `<p>` or `<pre>`, a `<div>` without blocks (it becomes a
/// `<p>`), or the loose text of a `<div>` with blocks (it is wrapped in new
/// `<p>`s inside the div). Lengths stop at [`RETRY_TEXT_THRESHOLD`], all
/// the walk compares them with, so nested paragraphs do not each measure
/// all the text below them.
fn paragraph_text(doc: &Document, n: NodeId, has_block: &[bool]) -> Option<(NodeId, usize)> {
    let inner_len = |n| measured_len(doc, n, is_js_space, true, RETRY_TEXT_THRESHOLD);
    match doc.tag(n)? {
        "p" | "pre" => Some((doc.parent(n)?, inner_len(n))),
        "div" if !has_block[n] => Some((doc.parent(n)?, inner_len(n))),
        "div" => {
            let loose: usize = doc
                .children(n)
                .filter(|&c| match doc.tag(c) {
                    Some("a" | "del" | "ins") => !has_block[c],
                    Some(t) => tag_sets::readability_phrasing(t),
                    None => doc.text(c).is_some(),
                })
                .map(|c| measured_len(doc, c, char::is_whitespace, false, RETRY_TEXT_THRESHOLD))
                .sum();
            Some((n, loose))
        }
        _ => None,
    }
}

/// For every node, whether some descendant is a block element (which keeps
/// a `<div>` from counting as a paragraph). Computed bottom-up in one pass.
///
/// Each node hands its answer to its parent when the walk leaves it, after
/// all its own children: no list of every node (16 MB on a 1000x1000
/// table; issue 15).
fn block_descendants(doc: &Document) -> Vec<bool> {
    let mut has = vec![false; doc.len()];
    doc.walk(DOCUMENT, |ev| {
        if let crate::dom::Walk::Leave(id) = ev {
            if has[id]
                || doc
                    .tag(id)
                    .is_some_and(tag_sets::readability_div_to_p_block)
            {
                if let Some(p) = doc.parent(id) {
                    has[p] = true;
                }
            }
        }
        true
    });
    has
}

/// Readability's `_isValidByline`: marked as an author line and short.
/// `match_string` is "class id", `None` when the element has neither.
fn is_byline(doc: &Document, node: NodeId, match_string: Option<&str>) -> bool {
    let marked = doc.attr(node, "rel") == Some("author")
        || doc
            .attr(node, "itemprop")
            .is_some_and(|i| i.contains("author"))
        || match_string.is_some_and(|m| cues::byline_attr().is_match(m));
    if !marked {
        return false;
    }
    let len = measured_len(doc, node, is_js_space, false, MAX_BYLINE_LEN);
    len > 0 && len < MAX_BYLINE_LEN
}

/// Whether `node`, named `match_string`, is a list of customer reviews:
/// named for reviews and holding several author lines, its reviewers'.
/// A product page's first reviewer was its byline ("Dana, 2 years ago");
/// a review article's one byline, under names like `review-header`, stays.
/// `author_lines` are counted once, when the first such name is met (a
/// scan of each named element's subtree was quadratic on nested ones).
fn lists_reviewers(
    doc: &Document,
    node: NodeId,
    match_string: &str,
    author_lines: &mut Option<Vec<u32>>,
) -> bool {
    crate::names::reviews_name(match_string).is_some()
        && author_lines.get_or_insert_with(|| count_author_lines(doc))[node] >= 2
}

/// Author lines in each node's subtree, itself included, in one pass.
fn count_author_lines(doc: &Document) -> Vec<u32> {
    let mut counts = vec![0u32; doc.len()];
    let order: Vec<NodeId> = doc.descendants(DOCUMENT).collect();
    for &n in order.iter().rev() {
        let class = doc.attr(n, "class").unwrap_or("");
        let id = doc.attr(n, "id").unwrap_or("");
        let names = (!class.is_empty() || !id.is_empty()).then(|| format!("{class} {id}"));
        if doc.element(n).is_some() && is_byline(doc, n, names.as_deref()) {
            counts[n] += 1;
        }
        if let Some(p) = doc.parent(n) {
            counts[p] += counts[n];
        }
    }
    counts
}

/// The first element under `node` whose `itemprop` mentions `name`: a
/// byline block often wraps the bare name in one.
fn descendant_with_itemprop_name(doc: &Document, node: NodeId) -> Option<NodeId> {
    doc.descendants(node)
        .skip(1)
        .find(|&d| doc.attr(d, "itemprop").is_some_and(|i| i.contains("name")))
}

/// Readability's `_hasAncestorTag` with its default depth.
fn has_ancestor_tag(doc: &Document, node: NodeId, tag: &str) -> bool {
    doc.ancestors(node)
        .take(ANCESTOR_TAG_DEPTH + 1)
        .any(|a| doc.is(a, tag))
}

/// The `<p>` that replaces `div` in Readability's walk: the div's only
/// element child, with no text of its own beside it, and little link text.
fn sole_paragraph(doc: &Document, div: NodeId) -> Option<NodeId> {
    let mut only = None;
    for c in doc.children(div) {
        if let Some(t) = doc.text(c) {
            if !js_trim(t).is_empty() {
                return None;
            }
        } else if doc.element(c).is_some() {
            if only.is_some() {
                return None;
            }
            only = Some(c);
        }
    }
    let p = only.filter(|&c| doc.is(c, "p"))?;
    (link_density(doc, div) < DIV_TO_P_LINK_DENSITY).then_some(p)
}

/// Readability's `_getLinkDensity`: the share of the text inside links.
fn link_density(doc: &Document, node: NodeId) -> f64 {
    let total = inner_text_len(doc, node);
    if total == 0 {
        return 0.0;
    }
    let links: f64 = doc
        .find_all(node, "a")
        .map(|a| {
            let weight = match doc.attr(a, "href") {
                Some(h) if h.len() > 1 && h.starts_with('#') => HASH_LINK_WEIGHT,
                _ => 1.0,
            };
            inner_text_len(doc, a) as f64 * weight
        })
        .sum();
    links / total as f64
}

fn first_element_child(doc: &Document, node: NodeId) -> Option<NodeId> {
    doc.element_children(node).next()
}

/// The next element in document order after `node`'s whole subtree.
fn next_element_skipping(doc: &Document, node: NodeId) -> Option<NodeId> {
    let mut cur = node;
    loop {
        let mut sib = doc.node(cur).next();
        while let Some(s) = sib {
            if doc.element(s).is_some() {
                return Some(s);
            }
            sib = doc.node(s).next();
        }
        cur = doc.parent(cur)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn byline(body: &str) -> Option<String> {
        from_page(
            &parse_html(&format!("<title>T</title><body>{body}")),
            "Storm hits the coast",
        )
    }

    #[test]
    fn finds_class_rel_and_itemprop_bylines() {
        assert_eq!(
            byline("<p class='byline'> By Ann Lee </p>").as_deref(),
            Some("By Ann Lee")
        );
        assert_eq!(
            byline("<p>x <a rel=author href=/a>Ann</a></p>").as_deref(),
            Some("Ann")
        );
        assert_eq!(
            byline("<span itemprop='author'>Bo</span>").as_deref(),
            Some("Bo")
        );
        assert_eq!(byline("<p id='post-author'>Cy</p>").as_deref(), Some("Cy"));
    }

    #[test]
    fn prefers_the_itemprop_name_inside_the_byline() {
        let html = "<div class='author'>Written by <span itemprop='name'>Ann Lee</span></div>";
        assert_eq!(byline(html).as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_list_of_reviews_names_no_byline() {
        let review = |who: &str| {
            format!("<div class='review'><p class='review__author'>{who}</p><p>Lovely.</p></div>")
        };
        let list = format!(
            "<section class='customer-reviews'>{}{}</section>",
            review("Dana"),
            review("Sam")
        );
        assert_eq!(byline(&list), None);
        // A review article's own byline stays.
        let article =
            "<div class='review-header'><h2>Album</h2><span class='byline'>By Ann Lee</span></div>";
        assert_eq!(byline(article).as_deref(), Some("By Ann Lee"));
    }

    #[test]
    fn rejects_long_or_empty_candidates() {
        let long = "x".repeat(100);
        assert_eq!(byline(&format!("<div class='author'>{long}</div>")), None);
        assert_eq!(byline("<div class='author'> </div>"), None);
    }

    #[test]
    fn skips_hidden_unlikely_and_dialog_subtrees() {
        assert_eq!(byline("<div hidden><p class=byline>A</p></div>"), None);
        assert_eq!(
            byline("<div style='display: none !important'><p class=byline>A</p></div>"),
            None
        );
        assert_eq!(
            byline("<div aria-hidden=true><p class=byline>A</p></div>"),
            None
        );
        assert_eq!(
            byline("<div class=sidebar><p class=byline>A</p></div>"),
            None
        );
        assert_eq!(
            byline("<div role=navigation><p class=byline>A</p></div>"),
            None
        );
        assert_eq!(
            byline("<div aria-modal=true role=dialog><p class=byline>A</p></div>"),
            None
        );
        // "main" rescues an unlikely-looking class.
        assert_eq!(
            byline("<div class='sidebar main'><p class=byline>A</p><p>b</p></div>").as_deref(),
            Some("A")
        );
    }

    #[test]
    fn mathjax_rescues_an_unlikely_looking_element() {
        // Readability's `okMaybeItsACandidate` has `mathjax`, as the one
        // list of rescue words does (the byline once had a copy without it).
        let long = "Long paragraph text. ".repeat(40);
        let html = format!(
            "<div class='sidebar mathjax'><p class=byline>By Ann</p><p>x</p></div><p>{long}</p>"
        );
        assert_eq!(byline(&html).as_deref(), Some("By Ann"));
    }

    #[test]
    fn skips_the_heading_repeating_the_title() {
        assert_eq!(
            byline("<h1>Storm hits the coast <span class=byline>B</span></h1>"),
            None
        );
        assert_eq!(
            byline("<h1>Other <span class=byline>B</span></h1>").as_deref(),
            Some("B")
        );
    }

    #[test]
    fn a_div_wrapped_paragraph_is_not_examined_itself() {
        assert_eq!(byline("<div>\n<p class=byline>Ann</p>\n</div>"), None);
        assert_eq!(
            byline("<div><p class=byline>Ann</p><p>more</p></div>").as_deref(),
            Some("Ann")
        );
    }

    #[test]
    fn retries_without_stripping_when_little_text_survives() {
        // The whole article sits in an unlikely-looking container.
        let html = "<div class=site_header><p class=byline>By Ann</p><p>Short.</p></div>";
        assert_eq!(byline(html).as_deref(), Some("By Ann"));
        let long = "Long paragraph text. ".repeat(40);
        let html = format!("<div class=site_header><p class=byline>By Ann</p></div><p>{long}</p>");
        assert_eq!(byline(&html), None);
    }
}
