//! Repeated items: many siblings of one shape (a listing's cards, a
//! thread's posts), found from the tree's structure alone.
//!
//! On a listing or a thread the main content is not one prose container but
//! a run of same-shaped siblings; Readability's scoring picks one of them
//! (one post, one card's summary) or none (issue 13, cause 7: WCXB dev
//! split, listing 0.535 and forum 0.652 word F1 against 0.931 for
//! articles).

use super::body::is_content_form;
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use crate::tag_sets;

/// A run of same-shaped siblings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Their parent.
    pub parent: NodeId,
    /// How many there are.
    pub members: usize,
    /// Visible characters in them together.
    pub chars: usize,
    /// Prose characters in them together.
    pub prose_chars: usize,
    /// Characters inside links in them together.
    pub link_chars: usize,
}

/// What an item must look like.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Fewest members of a group.
    pub min_members: usize,
    /// Fewest visible characters of a member.
    pub min_chars: usize,
    /// Most visible characters of a member (an article's sections are not
    /// cards).
    pub max_chars: usize,
    /// Each member holds a link (cards); posts need not.
    pub linked: bool,
}

/// A listing's cards: a headline link and a line or two.
pub const CARDS: Shape = Shape {
    min_members: 4,
    min_chars: 20,
    max_chars: 2_000,
    linked: true,
};

/// A thread's posts: prose, any length.
pub const POSTS: Shape = Shape {
    min_members: 2,
    min_chars: 40,
    max_chars: usize::MAX,
    linked: false,
};

/// Most of a group's text one member may hold.
const MAX_MEMBER_SHARE: f64 = 0.5;

/// An element's shape: its tag and first class token.
fn signature(doc: &Document, id: NodeId) -> (&str, &str) {
    let tag = doc.tag(id).unwrap_or("");
    let class = doc
        .attr(id, "class")
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("");
    (tag, class)
}

/// Whether `id` may be a member of a group of `shape`.
fn fits(doc: &Document, stats: &Stats, id: NodeId, shape: Shape) -> bool {
    let t = stats.of(id);
    if stats.position(id) == usize::MAX
        || !doc.tag(id).is_some_and(tag_sets::item_container)
        || t.chars < shape.min_chars
        || t.chars > shape.max_chars
    {
        return false;
    }
    !shape.linked || t.links > 0
}

/// The group of `shape` holding the most text on the page, outside chrome
/// landmarks and elements marked in `unlikely` (class or id like chrome: a
/// cookie dialog's sections are same-shaped prose too).
pub fn best(doc: &Document, stats: &Stats, shape: Shape, unlikely: &[bool]) -> Option<Group> {
    // Elements under a chrome landmark, inherited top-down.
    let mut chrome = unlikely.to_vec();
    let mut best: Option<Group> = None;
    // (signature, members, chars, prose chars, largest member's chars,
    // link chars)
    type Tally<'d> = ((&'d str, &'d str), usize, usize, usize, usize, usize);
    let mut shapes: Vec<Tally> = Vec::new();
    for &id in &stats.order {
        let inherited = doc.parent(id).is_some_and(|p| chrome[p]);
        chrome[id] |= inherited
            || (doc.tag(id).is_some_and(tag_sets::chrome_landmark)
                && !is_content_form(doc, stats, id));
        if chrome[id] || stats.of(id).chars < shape.min_chars * shape.min_members {
            continue;
        }
        shapes.clear();
        for c in doc.element_children(id) {
            if !fits(doc, stats, c, shape) {
                continue;
            }
            let sig = signature(doc, c);
            let t = stats.of(c);
            match shapes.iter_mut().find(|s| s.0 == sig) {
                Some(s) => {
                    s.1 += 1;
                    s.2 += t.chars;
                    s.3 += t.prose_chars;
                    s.4 = s.4.max(t.chars);
                    s.5 += t.link_chars;
                }
                None => shapes.push((sig, 1, t.chars, t.prose_chars, t.chars, t.link_chars)),
            }
        }
        for &(_, members, chars, prose_chars, largest, link_chars) in &shapes {
            // Items are peers: one member holding most of the text is a
            // page's main column beside a lesser one (two `div.block`
            // wrappers on a forum page: the posts and the pager).
            let peers = (largest as f64) < MAX_MEMBER_SHARE * chars as f64;
            if members >= shape.min_members
                && peers
                && best.as_ref().is_none_or(|b| chars > b.chars)
            {
                best = Some(Group {
                    parent: id,
                    members,
                    chars,
                    prose_chars,
                    link_chars,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;
    use crate::segment::{leaves::cut, stats::compute};

    fn group_of(html: &str, shape: Shape) -> Option<(String, usize)> {
        let d = parse_html(html);
        let leaves = cut(&d, d.body());
        let stats = compute(&d, d.body(), &leaves);
        best(&d, &stats, shape, &vec![false; d.len()])
            .map(|g| (d.attr(g.parent, "id").unwrap_or("").to_string(), g.members))
    }

    #[test]
    fn finds_the_cards_not_the_menu() {
        let card = "<li class=card><a href=/a>A headline about something</a><p>And its summary line.</p></li>";
        let html = format!(
            "<nav><ul id=menu><li><a href=/>Home</a></li><li><a href=/a>World news</a></li>\
             <li><a href=/b>Sport and more</a></li><li><a href=/c>Culture and life</a></li></ul></nav>\
             <ul id=list>{}</ul>",
            card.repeat(5)
        );
        assert_eq!(group_of(&html, CARDS), Some(("list".to_string(), 5)));
    }

    #[test]
    fn paragraphs_are_not_items() {
        let p = "<p>A paragraph of prose with <a href=/x>a link</a> in it, and on it goes.</p>";
        assert_eq!(
            group_of(&format!("<div id=story>{}</div>", p.repeat(6)), CARDS),
            None
        );
    }
}
