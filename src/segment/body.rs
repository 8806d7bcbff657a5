//! Finds the element(s) holding the article body.
//!
//! Readability's scoring, because its corpus is the reference most reader
//! modes are judged on: prose paragraphs credit their parent fully, their
//! grandparent half and older ancestors less; the score is damped by link
//! density; siblings of the winner that score well or read as prose join it.

use super::leaves::Leaf;
use super::stats::Stats;
use super::IdMap;
use crate::cues;
use crate::dom::{Document, NodeId};
use crate::tag_sets;

/// Paragraphs shorter than this are not scored (captions, labels).
const MIN_SCORED_CHARS: usize = 25;
/// Each 100 characters add a point, up to this many.
const MAX_LENGTH_POINTS: f64 = 3.0;
/// How many ancestor levels a paragraph credits.
const ANCESTOR_LEVELS: usize = 5;
/// Weight of class/id cues.
const CLASS_WEIGHT: f64 = 25.0;
/// Candidates scoring at least this share of the winner are alternatives.
const ALTERNATIVE_SHARE: f64 = 0.75;
/// How many alternatives must share an ancestor for it to win instead.
const MIN_ALTERNATIVES: usize = 3;
/// Siblings join when scoring at least this share of the winner...
const SIBLING_SHARE: f64 = 0.2;
/// ...or this absolute score.
const SIBLING_MIN_SCORE: f64 = 10.0;
/// Prose siblings longer than this join when their link density is low.
const SIBLING_PROSE_CHARS: usize = 80;
/// Link density under which a long prose sibling joins.
const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;

/// The prose-densest element replaces the winner when it holds this many
/// times the winner's prose.
const PROSE_GROWTH: f64 = 1.5;
/// What a character of non-prose text (links, short lines) costs against a
/// character of prose when looking for the densest element.
const NON_PROSE_COST: f64 = 0.5;

/// A sibling of the winner's parent joins with at least this much prose...
const NEIGHBOUR_MIN_PROSE: usize = 200;
/// ...making up at least this share of its text.
const NEIGHBOUR_PROSE_SHARE: f64 = 0.7;

/// Repeated items holding this share of the body around them become the
/// body (posts with "similar threads" beside them).
const ITEMS_SHARE: f64 = 0.5;

/// On a page without an article, a body holding less than this share of
/// the page's prose is one part of content spread over the page.
const SPREAD_SHARE: f64 = 0.5;
/// A section beside the winner of such a page joins with this much prose...
const SECTION_MIN_PROSE: usize = 200;
/// ...and under this link density.
const SECTION_MAX_LINK_DENSITY: f64 = 0.3;

/// Which of Readability's heuristics are on; a too-short result is retried
/// with fewer, as Readability does.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    /// Skip paragraphs inside elements whose class/id looks like chrome.
    pub strip_unlikely: bool,
    /// Weigh class/id cues.
    pub weight_classes: bool,
    /// Drop link-heavy and form-heavy boxes inside the article.
    pub clean_conditionally: bool,
    /// The page is a forum thread: posts named "comment" or "reply" are its
    /// content, not chrome (see `page_type.rs`).
    pub forum: bool,
    /// The page declares no article (see `page_type.rs`): its `<main>` may
    /// be its content.
    pub non_article: bool,
    /// The page names its author (a byline): an article that declares no
    /// type, whose one body of prose is not a landing page's section.
    pub signed: bool,
}

impl Flags {
    /// All heuristics on.
    pub const ALL: Flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        forum: false,
        non_article: false,
        signed: false,
    };
}

/// The article body's location.
#[derive(Debug, Clone)]
pub struct Region {
    /// The winning element.
    pub top: NodeId,
    /// The winner and the siblings that join it, in document order.
    pub roots: Vec<NodeId>,
    /// Final candidate scores (see [`Region::score`]).
    scores: Scores,
    /// The page declares no article, and names no author or the body is
    /// its whole `<main>` (see `anchors::prefer_main`) or holds under half
    /// the page's prose: its link lists and forms are its content, not
    /// boxes to clean.
    pub spread: bool,
}

/// The non-zero scores by node: as a vector over the page they took 8
/// bytes a node (16 MB of a 1000x1000 table's peak, where no cell is long
/// enough to score; issue 15).
#[derive(Debug, Clone, Default)]
struct Scores(IdMap<f64>);

impl Scores {
    fn keep(all: &[f64]) -> Scores {
        Scores(
            all.iter()
                .enumerate()
                .filter(|&(_, &s)| s != 0.0)
                .map(|(id, &s)| (id, s))
                .collect(),
        )
    }
}

impl Region {
    /// A node's final candidate score, 0 for non-candidates.
    pub fn score(&self, id: NodeId) -> f64 {
        self.scores.0.get(&id).copied().unwrap_or(0.0)
    }

    /// Takes in the container of a page's repeated items (a listing's
    /// cards, a thread's posts; see `items.rs`), which holds `held` times
    /// the body's text (prose for posts). The scoring picks one item, a
    /// summary inside one, or the items with what surrounds them:
    /// - items around the body, or holding most of a body around them,
    ///   become the body;
    /// - a body around lesser items keeps them, uncleaned;
    /// - items beside a body of prose join it (a question's answers below
    ///   it, a product page's intro above its feature cards).
    pub fn adopt_items(&mut self, container: NodeId, held: f64, stats: &Stats) {
        let top = self.top;
        if stats.contains(container, top) || (stats.contains(top, container) && held >= ITEMS_SHARE)
        {
            self.top = container;
            self.roots = vec![container];
        } else if !stats.contains(top, container) {
            if stats.of(top).prose_chars >= NEIGHBOUR_MIN_PROSE {
                self.roots.retain(|&r| !stats.contains(container, r));
                self.roots.push(container);
                stats.sort_by_position(&mut self.roots);
            } else {
                self.top = container;
                self.roots = vec![container];
            }
        }
        // Their link lists are their content, not boxes to clean.
        self.spread = true;
    }
}

/// `class` and `id` joined, as the cue lists expect.
pub fn class_and_id(doc: &Document, id: NodeId) -> String {
    let class = doc.attr(id, "class").unwrap_or("");
    let ident = doc.attr(id, "id").unwrap_or("");
    if ident.is_empty() {
        class.to_string()
    } else {
        format!("{class} {ident}")
    }
}

/// Readability's class weight: ±25 for each of class and id. On a forum
/// thread, names of posts ("comment", "reply") weigh nothing.
pub fn class_weight(doc: &Document, id: NodeId, forum: bool) -> f64 {
    let mut w = 0.0;
    for name in ["class", "id"] {
        if let Some(v) = doc.attr(id, name).filter(|v| !v.is_empty()) {
            // Utility classes name no part of the page: `overflow-hidden`
            // and `hidden-900` are not hidden chrome (see
            // `names::is_utility_class`).
            let v = &*crate::names::without_utility_classes(v);
            if cues::negative_attr().is_match(v) && !(forum && names_a_post(v)) {
                w -= CLASS_WEIGHT;
            }
            if cues::positive_attr().is_match(v) {
                w += CLASS_WEIGHT;
            }
        }
    }
    w
}

/// Whether class/id names a post of a thread (a comment or reply).
pub fn names_a_post(names: &str) -> bool {
    let n = names.to_ascii_lowercase();
    n.contains("comment") || n.contains("repl") || n.contains("post")
}

/// Score an element starts with, from its tag.
fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        t if tag_sets::heading(t) || t == "th" => -5.0,
        _ => 0.0,
    }
}

/// Marks elements under `root` that Readability would drop before scoring:
/// class/id like chrome (unless also like content), chrome landmark roles.
pub fn unlikely_marks(doc: &Document, stats: &Stats, root: NodeId, forum: bool) -> Vec<bool> {
    let mut marks = vec![false; doc.len()];
    for &id in &stats.order {
        if id == root {
            continue;
        }
        if let Some(p) = doc.parent(id) {
            if marks[p] {
                marks[id] = true;
                continue;
            }
        }
        let Some(tag) = doc.tag(id) else { continue };
        if matches!(tag, "body" | "a" | "html") {
            continue;
        }
        if doc
            .attr(id, "role")
            .is_some_and(|r| cues::chrome_role(r.trim()))
        {
            marks[id] = true;
            continue;
        }
        let ci = class_and_id(doc, id);
        if !ci.is_empty()
            && cues::unlikely_attr().is_match(&ci)
            && !cues::maybe_candidate_attr().is_match(&ci)
            && !stats.within[id].table_or_code
            && (!forum || !names_a_post(&ci))
        {
            marks[id] = true;
        }
    }
    marks
}

/// Whether a leaf reads as a scored paragraph.
fn is_scored_paragraph(doc: &Document, leaf: &Leaf) -> bool {
    match doc.tag(leaf.owner) {
        Some("p" | "pre" | "td") => true,
        // Readability turns a div (or section) holding only inline content into a p.
        Some("div" | "section" | "article" | "main") => leaf.whole_owner,
        _ => false,
    }
}

/// Finds the article body under `root`.
/// Elements marked in `reviews` (a product page's customer reviews, see
/// `reviews.rs`) are never scored.
pub fn find(
    doc: &Document,
    root: NodeId,
    leaves: &[Leaf],
    stats: &Stats,
    flags: Flags,
    reviews: &[bool],
) -> Region {
    let mut unlikely = if flags.strip_unlikely {
        unlikely_marks(doc, stats, root, flags.forum)
    } else {
        vec![false; doc.len()]
    };
    for (u, r) in unlikely.iter_mut().zip(reviews) {
        *u |= r;
    }
    let mut scores = vec![0.0f64; doc.len()];
    let mut is_candidate = vec![false; doc.len()];
    let mut candidates: Vec<NodeId> = Vec::new();
    for leaf in leaves {
        if (leaf.chars as usize) < MIN_SCORED_CHARS
            || unlikely[leaf.owner]
            || !is_scored_paragraph(doc, leaf)
        {
            continue;
        }
        let points = 1.0
            + (leaf.commas() as usize + 1) as f64
            + ((leaf.chars as usize / 100) as f64).min(MAX_LENGTH_POINTS);
        for (level, anc) in doc.ancestors(leaf.owner).take(ANCESTOR_LEVELS).enumerate() {
            let Some(tag) = doc.tag(anc) else { break };
            if doc.parent(anc).is_none() {
                break;
            }
            if !is_candidate[anc] {
                is_candidate[anc] = true;
                candidates.push(anc);
                scores[anc] = tag_weight(tag)
                    + if flags.weight_classes {
                        class_weight(doc, anc, flags.forum)
                    } else {
                        0.0
                    };
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            scores[anc] += points / divider;
        }
    }
    for &c in &candidates {
        scores[c] *= 1.0 - stats.of(c).link_density();
    }
    // Best score first, then document order: the crate's one sort, on the
    // scores' total order reversed.
    crate::sort::sort_by_key_then_id(&mut candidates, |c| {
        !crate::sort::total_order_key(scores[c])
    });

    let body = root;
    let Some(&first) = candidates.first() else {
        return Region {
            top: body,
            roots: vec![body],
            scores: Scores::keep(&scores),
            spread: false,
        };
    };
    let mut top = first;
    if doc.is(top, "body") {
        return Region {
            top,
            roots: vec![top],
            scores: Scores::keep(&scores),
            spread: false,
        };
    }

    // Several near-equal candidates sharing an ancestor: the ancestor holds
    // an article split into parts.
    let top_score = scores[top];
    let alternatives: Vec<Vec<NodeId>> = candidates
        .iter()
        .skip(1)
        .take(4)
        .filter(|&&c| top_score > 0.0 && scores[c] / top_score >= ALTERNATIVE_SHARE)
        .map(|&c| doc.ancestors(c).collect())
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut p = doc.parent(top);
        while let Some(anc) = p {
            if anc == body || doc.is(anc, "body") {
                break;
            }
            let containing = alternatives.iter().filter(|a| a.contains(&anc)).count();
            if containing >= MIN_ALTERNATIVES {
                top = anc;
                break;
            }
            p = doc.parent(anc);
        }
    }

    // A parent scoring higher than the winner's last step up unifies parts.
    let mut last = scores[top];
    let threshold = last / 3.0;
    let mut p = doc.parent(top);
    while let Some(anc) = p {
        if anc == body || doc.is(anc, "body") {
            break;
        }
        if is_candidate[anc] {
            if scores[anc] < threshold {
                break;
            }
            if scores[anc] > last {
                top = anc;
                break;
            }
            last = scores[anc];
        }
        p = doc.parent(anc);
    }

    // The element densest in prose may hold more of the article than the
    // winner (an article split into modules, a comma-rich list winning over
    // the prose around it): when it holds clearly more prose, it wins.
    if let Some(dense) = densest_prose(doc, body, leaves, stats, &unlikely) {
        let (tp, dp) = (stats.of(top).prose_chars, stats.of(dense).prose_chars);
        if dense != top && dp as f64 >= tp as f64 * PROSE_GROWTH {
            top = dense;
        }
    }

    let anchored;
    (top, anchored) = super::anchors::prefer_marked(doc, stats, top);
    let mut spread = false;
    let mut main = None;
    if flags.non_article {
        main = super::anchors::main_element(doc, stats);
        let preferred = super::anchors::prefer_main(stats, main, top);
        let page_prose = stats.of(body).prose_chars.max(1) as f64;
        // The body is the page's whole `<main>` whether the prose scoring
        // or `prefer_main` chose it: with its sections cleaned as an
        // article's boxes when the scoring had, a service page's feature
        // lists, quotes and figures were dropped (WCXB dev split, service
        // pages 0.755 -> 0.774 word F1; todoist.com, toptal.com).
        // A page naming no author is a landing page, not an unmarked
        // article, even when one block of prose holds most of its words:
        // its sections are content too (WCXB dev split 0.838 -> 0.846 word
        // F1, service 0.778 -> 0.809, collection 0.615 -> 0.650; the
        // Readability corpus 0.966 -> 0.965, trafilatura's 0.928 -> 0.927).
        spread = Some(preferred) == main
            || !flags.signed
            || (stats.of(top).prose_chars as f64) < SPREAD_SHARE * page_prose;
        top = preferred;
    }

    // An only child stands for its parent.
    while let Some(parent) = doc.parent(top) {
        if parent == body || doc.is(parent, "body") || doc.element_children(parent).count() != 1 {
            break;
        }
        top = parent;
    }

    // Where the page marks its article body, nothing beside it joins: a
    // sidebar of prose had joined as the winner's sibling (issue 13, cause
    // 6; Readability corpus 0.965 -> 0.966, WCXB article pages 0.947 with
    // 7 pages up, trafilatura's tp 2806 -> 2802 for fp 293 -> 292).
    let mut roots = if anchored && !spread {
        vec![top]
    } else {
        join_siblings(doc, top, &scores, stats)
    };
    if !anchored {
        join_prose_neighbours(doc, body, top, stats, &unlikely, &mut roots);
    }
    if spread && main.is_none() {
        join_page_sections(doc, body, top, stats, &unlikely, &mut roots);
    }
    Region {
        top,
        roots,
        scores: Scores::keep(&scores),
        spread,
    }
}

/// Story parts one level further out: an article cut in two by a "related
/// coverage" box often continues in a sibling of the winner's parent.
/// Siblings there that read as prose join the article.
fn join_prose_neighbours(
    doc: &Document,
    body: NodeId,
    top: NodeId,
    stats: &Stats,
    unlikely: &[bool],
    roots: &mut Vec<NodeId>,
) {
    let Some(parent) = doc.parent(top) else {
        return;
    };
    if parent == body || doc.is(parent, "body") {
        return;
    }
    let Some(grandparent) = doc.parent(parent) else {
        return;
    };
    for sib in doc.element_children(grandparent) {
        if sib == parent || stats.position(sib) == usize::MAX || unlikely[sib] {
            continue;
        }
        let t = stats.of(sib);
        if t.prose_chars >= NEIGHBOUR_MIN_PROSE
            && t.prose_chars as f64 >= NEIGHBOUR_PROSE_SHARE * t.chars as f64
            && t.link_density() < SIBLING_MAX_LINK_DENSITY
            && !roots
                .iter()
                .any(|&r| stats.contains(sib, r) || stats.contains(r, sib))
        {
            roots.push(sib);
        }
    }
    stats.sort_by_position(roots);
}

/// On a page that declares no article and has no `<main>` (a service or
/// product page built of full-width sections), the winner is one section
/// among many: the sections around it, at every level up to the body,
/// join when they read as content (prose, few links) and are not chrome
/// (header, footer, navigation, sidebars, unlikely classes). On the WCXB
/// dev split service pages kept 0.87 of their words' precision but 0.72
/// recall, most of the loss in such sections left "outside the body".
fn join_page_sections(
    doc: &Document,
    body: NodeId,
    top: NodeId,
    stats: &Stats,
    unlikely: &[bool],
    roots: &mut Vec<NodeId>,
) {
    let mut level = top;
    while let Some(parent) = doc.parent(level) {
        for sib in doc.element_children(parent) {
            if sib == level
                || stats.position(sib) == usize::MAX
                || unlikely[sib]
                || is_chrome_element(doc, stats, sib)
            {
                continue;
            }
            let t = stats.of(sib);
            if t.prose_chars >= SECTION_MIN_PROSE
                && t.link_density() < SECTION_MAX_LINK_DENSITY
                && !roots
                    .iter()
                    .any(|&r| stats.contains(sib, r) || stats.contains(r, sib))
            {
                roots.push(sib);
            }
        }
        if parent == body || doc.is(parent, "body") {
            break;
        }
        level = parent;
    }
    stats.sort_by_position(roots);
}

/// A form holding at least this many characters of prose...
const CONTENT_FORM_MIN_PROSE: usize = 1_000;
/// ...and this many per control it holds wraps content.
const CONTENT_FORM_PROSE_PER_CONTROL: usize = 150;

/// Whether `id` is a form wrapped around a page's content rather than a
/// form to fill in: forum software puts a thread's posts inside one
/// moderation form (a checkbox per post). Taken for a form, the posts
/// were boilerplate and five Invision forum pages of the WCXB dev split
/// extracted a dozen words each (word F1 0.02 on average). A sign-up,
/// search or login form holds a few lines, not pages of prose.
pub fn is_content_form(doc: &Document, stats: &Stats, id: NodeId) -> bool {
    let t = stats.of(id);
    doc.is(id, "form")
        && t.prose_chars >= CONTENT_FORM_MIN_PROSE
        && t.prose_chars >= CONTENT_FORM_PROSE_PER_CONTROL * t.inputs
}

/// Page chrome by its tag or landmark role.
fn is_chrome_element(doc: &Document, stats: &Stats, id: NodeId) -> bool {
    (doc.tag(id).is_some_and(tag_sets::chrome_element) && !is_content_form(doc, stats, id))
        || doc
            .attr(id, "role")
            .is_some_and(|r| cues::chrome_landmark_role(r.trim()))
}

/// The element maximising prose minus a share of everything else. Prose in
/// unlikely places (comments, sidebars) does not count for it.
fn densest_prose(
    doc: &Document,
    body: NodeId,
    leaves: &[Leaf],
    stats: &Stats,
    unlikely: &[bool],
) -> Option<NodeId> {
    let mut prose = vec![0usize; doc.len()];
    for l in leaves {
        if !unlikely[l.owner] && l.is_prose() {
            prose[l.owner] += l.chars as usize;
        }
    }
    for &id in stats.order.iter().rev() {
        if let Some(p) = doc.parent(id) {
            prose[p] += prose[id];
        }
    }
    stats
        .order
        .iter()
        .copied()
        .filter(|&id| id != body && !unlikely[id] && doc.tag(id).is_some())
        .map(|id| {
            let t = stats.of(id);
            let other = t.chars.saturating_sub(prose[id]) as f64;
            (id, prose[id] as f64 - NON_PROSE_COST * other)
        })
        .filter(|&(_, g)| g > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

/// The winner and the siblings that read as part of the same article.
fn join_siblings(doc: &Document, top: NodeId, scores: &[f64], stats: &Stats) -> Vec<NodeId> {
    let Some(parent) = doc.parent(top) else {
        return vec![top];
    };
    let threshold = SIBLING_MIN_SCORE.max(scores[top] * SIBLING_SHARE);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let mut roots = Vec::new();
    for sib in doc.element_children(parent) {
        if sib == top {
            roots.push(sib);
            continue;
        }
        if stats.position(sib) == usize::MAX {
            continue;
        }
        let bonus = if !top_class.is_empty() && doc.attr(sib, "class") == Some(top_class) {
            scores[top] * SIBLING_SHARE
        } else {
            0.0
        };
        let t = stats.of(sib);
        let join = if scores[sib] != 0.0 && scores[sib] + bonus >= threshold {
            true
        } else if doc.is(sib, "p") {
            let ld = t.link_density();
            if t.chars > SIBLING_PROSE_CHARS && ld < SIBLING_MAX_LINK_DENSITY {
                true
            } else {
                let text = doc.text_content(sib);
                let text = text.trim_end();
                t.chars < SIBLING_PROSE_CHARS
                    && t.chars > 0
                    && ld == 0.0
                    && (text.contains(". ") || text.ends_with('.'))
            }
        } else {
            false
        };
        if join {
            roots.push(sib);
        }
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::segment::{leaves::cut, stats::compute};

    const PROSE: &str =
        "This sentence is long enough to be scored, with a comma or two, and it goes on.";

    #[test]
    fn finds_the_prose_container_not_the_sidebar() {
        let html = format!(
            "<div id=nav><a href=/>Home</a></div><div class=sidebar><p>{PROSE}</p></div>\
             <div id=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
        );
        let d = parse_html(&html);
        let body = d.body();
        let leaves = cut(&d, body);
        let stats = compute(&d, body, &leaves);
        let r = find(&d, body, &leaves, &stats, Flags::ALL, &[]);
        assert_eq!(d.attr(r.top, "id"), Some("story"));
        assert_eq!(r.roots, vec![r.top]);
    }

    #[test]
    fn a_page_without_prose_falls_back_to_the_body() {
        let d = parse_html("<p>short</p>");
        let body = d.body();
        let leaves = cut(&d, body);
        let stats = compute(&d, body, &leaves);
        assert_eq!(find(&d, body, &leaves, &stats, Flags::ALL, &[]).top, body);
    }

    #[test]
    fn a_page_without_an_article_joins_its_prose_sections_but_not_chrome() {
        let section = format!("<p>{PROSE} {PROSE} {PROSE}</p>");
        let html = format!(
            "<header><nav><a href=/>Home</a> <a href=/about>About</a></nav></header>\
             <section id=a><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></section>\
             <section id=b>{section}</section><section id=c><div>{section}</div></section>\
             <footer><div>{section}</div></footer>"
        );
        let d = parse_html(&html);
        let body = d.body();
        let leaves = cut(&d, body);
        let stats = compute(&d, body, &leaves);
        let ids = |r: &Region| -> Vec<String> {
            r.roots
                .iter()
                .map(|&n| {
                    d.ancestors(n)
                        .chain(std::iter::once(n))
                        .find_map(|a| d.attr(a, "id"))
                        .unwrap_or("-")
                        .to_string()
                })
                .collect()
        };
        let article = find(&d, body, &leaves, &stats, Flags::ALL, &[]);
        assert!(
            !ids(&article).contains(&"c".to_string()),
            "{:?}",
            ids(&article)
        );
        let other = find(
            &d,
            body,
            &leaves,
            &stats,
            Flags {
                non_article: true,
                signed: false,
                ..Flags::ALL
            },
            &[],
        );
        assert_eq!(ids(&other), vec!["a", "b", "c"]);
    }
}
