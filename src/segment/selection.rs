//! The part of a page's tree that makes the article: what segmentation
//! hands the article builder.

use super::leaves::Leaf;
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;

/// The part of a page's tree that makes the article.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Subtrees holding the article, in document order.
    pub roots: Vec<NodeId>,
    /// Indexed by node id: true for nodes whose whole subtree is left out of
    /// the article although it lies under a root (promo, related and
    /// boilerplate blocks inside the article container).
    pub excluded: Vec<bool>,
}

impl Selection {
    /// Whether `id`'s subtree is left out.
    pub fn is_excluded(&self, id: NodeId) -> bool {
        self.excluded.get(id).copied().unwrap_or(false)
    }
}

/// Which repeated runs of text leave the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeats {
    /// A product page's lines of three words or more, wherever they repeat
    /// and code included: product pages ship their description,
    /// specifications and name twice or more (a layout for phones beside
    /// one for desktops, a sticky summary bar); on the WCXB dev split,
    /// dropping repeated lines raised 15 product pages and lowered one.
    /// "Add to cart" or a size may rightly appear twice.
    Lines,
    /// A thread's paragraphs of eight words or more outside code,
    /// repeated under another parent element: a quote of a whole post, and
    /// what every post of a thread repeats (its "Re:" subject line, its
    /// author's signature; WCXB dev split, forum pages 0.740 -> 0.762 word
    /// F1). A repeat beside its first copy is the author's (the Readability
    /// corpus's test pages repeat paragraphs side by side: 0.966 -> 0.962
    /// F1 when those went too), and code repeats lines on purpose (a doc
    /// page's samples share their imports).
    Posts,
    /// Any other page's paragraphs as for [`Repeats::Posts`], except that a
    /// repeat in another copy of its first copy's template (a card, a
    /// plan, a tab) stays when that copy has text of its own: the terms
    /// under every coupon, the features of every plan, the note under each
    /// language's sample (WCXB dev split: 0.8488 -> 0.8493 word F1, 24
    /// pages up by 0.01 or more, among them documentation 0.917 -> 0.920,
    /// 12 down, listing pages whose cards repeat a meta line). A thread's
    /// posts are copies of one template too, and what repeats in each is
    /// chrome, so threads keep the [`Repeats::Posts`] rule (with it, 9
    /// thread pages up and 3 down, forum F1 0.7617 -> 0.7614: one forum
    /// repeats each author's custom title under every post, and the ground
    /// truth keeps it).
    Paragraphs,
}

impl Repeats {
    /// The fewest words a dropped run has.
    fn min_words(self) -> usize {
        match self {
            Repeats::Lines => 3,
            Repeats::Posts | Repeats::Paragraphs => 8,
        }
    }
}

impl Selection {
    /// Leaves out of the article each run of text (`leaves`, those for
    /// which `is_content` holds) that repeats, word for word, a run already
    /// in it, as `repeats` says.
    pub fn drop_repeated_runs(
        &mut self,
        doc: &Document,
        stats: &Stats,
        leaves: &[Leaf],
        repeats: Repeats,
        is_content: impl Fn(usize) -> bool,
    ) {
        // Whether a node's subtree is out, inherited top-down once.
        let mut out = self.excluded.clone();
        for &id in &stats.order {
            if let Some(p) = doc.parent(id) {
                out[id] |= out[p];
            }
        }
        let eligible = |i: usize, l: &Leaf| {
            is_content(i)
                && !out[l.owner]
                && !l.nodes.iter().all(|&n| out[n])
                && self.roots.iter().any(|&r| stats.contains(r, l.owner))
                && (repeats == Repeats::Lines || !stats.within[l.owner].pre_or_code)
        };
        // Each run's text as a 64-bit hash of it lower-cased, not a copy:
        // a page of 50 MB would otherwise hold a second copy of its prose.
        // First pass, over the long runs only (a 1000x1000 table's million
        // short cells are never hashed): the owner of each text's first
        // copy, and which runs repeat one.
        let mut first: HashMap<u64, NodeId> = HashMap::new();
        let mut repeated: Vec<(usize, NodeId)> = Vec::new();
        for (i, l) in leaves.iter().enumerate() {
            let long = l.text.split_whitespace().nth(repeats.min_words() - 1);
            if long.is_none() || !eligible(i, l) {
                continue;
            }
            match first.entry(lowercase_hash(&l.text)) {
                Entry::Vacant(slot) => {
                    slot.insert(l.owner);
                }
                Entry::Occupied(f) => repeated.push((i, *f.get())),
            }
        }
        // Which runs, of any length, are the first of their text, computed
        // only when a repeat sits in a copy of a template.
        let mut fresh: Option<Vec<bool>> = None;
        let mut fresh_runs = || {
            let mut seen: HashSet<u64> = HashSet::new();
            let mut fresh = vec![false; leaves.len()];
            for (i, l) in leaves.iter().enumerate() {
                if eligible(i, l) {
                    fresh[i] = seen.insert(lowercase_hash(&l.text));
                }
            }
            fresh
        };
        // Second pass: which repeats leave. Units already scanned for a
        // fresh run, and a budget on the scanning so a hostile page of
        // nested templates stays linear (past it, repeats leave).
        let mut unit_is_own: HashMap<NodeId, bool> = HashMap::new();
        let mut budget = 4 * leaves.len();
        for (i, first_owner) in repeated {
            let l = &leaves[i];
            let stays = match repeats {
                Repeats::Lines => false,
                Repeats::Posts => doc.parent(first_owner) == doc.parent(l.owner),
                Repeats::Paragraphs => match template_copy(doc, first_owner, l.owner) {
                    Template::Beside => true,
                    Template::Other => false,
                    Template::Copy(unit) => *unit_is_own.entry(unit).or_insert_with(|| {
                        let fresh = fresh.get_or_insert_with(&mut fresh_runs);
                        holds_fresh_run(stats, leaves, fresh, i, unit, &mut budget)
                    }),
                },
            };
            if !stays {
                for &n in &l.nodes {
                    self.excluded[n] = true;
                }
            }
        }
    }
}

/// Where a repeated run sits against its first copy.
enum Template {
    /// Under the same parent: the author's own repeat.
    Beside,
    /// In another copy of the same template: this node (the copy, a child
    /// of the ancestor both share) has the same tags and classes as the
    /// first copy's, level by level (two cards of a grid, two plans of a
    /// pricing table, one step of a quickstart per language).
    Copy(NodeId),
    /// Anywhere else: a layout's second copy or a quote differs in shape
    /// somewhere on the way up.
    Other,
}

/// How far [`template_copy`] climbs: a card nests its text a few levels
/// deep, and the climb runs once per repeat.
const TEMPLATE_DEPTH: usize = 16;

/// Where the run owned by `b` sits against its first copy, owned by `a`.
fn template_copy(doc: &Document, mut a: NodeId, mut b: NodeId) -> Template {
    if doc.parent(a) == doc.parent(b) {
        return Template::Beside;
    }
    for _ in 0..TEMPLATE_DEPTH {
        if doc.tag(a) != doc.tag(b) || doc.attr(a, "class") != doc.attr(b, "class") {
            return Template::Other;
        }
        match (doc.parent(a), doc.parent(b)) {
            (Some(pa), Some(pb)) if pa == pb => return Template::Copy(b),
            (Some(pa), Some(pb)) => (a, b) = (pa, pb),
            _ => return Template::Other,
        }
    }
    Template::Other
}

/// Whether `unit`, which holds run `i`, holds a run whose text is new to
/// the article (a card's own title or price): then the repeat in it is the
/// card's own line (the terms under every coupon, the features of every
/// plan), not a clone of a card (a carousel's copies for endless
/// scrolling). Runs of a subtree are consecutive, so the scan walks out
/// from `i` while it stays in `unit`, at most `budget` runs in all.
fn holds_fresh_run(
    stats: &Stats,
    leaves: &[Leaf],
    fresh: &[bool],
    i: usize,
    unit: NodeId,
    budget: &mut usize,
) -> bool {
    let inside = |j: usize| stats.contains(unit, leaves[j].owner);
    let before = (0..i).rev().take_while(|&j| inside(j));
    let after = (i + 1..leaves.len()).take_while(|&j| inside(j));
    for j in before.chain(after) {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if fresh[j] {
            return true;
        }
    }
    false
}

/// A 64-bit hash of `text` lower-cased, computed without a copy.
fn lowercase_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        c.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn repeats_are_placed_against_their_first_copy() {
        let d = parse_html(
            "<ul><li class=c><p>x</p></li><li class=c><p>x</p></li></ul>\
             <div class=phone><p>x</p></div><div class=desktop><p>x</p></div>\
             <section><p>y</p><p>y</p></section>",
        );
        let p: Vec<NodeId> = d.find_all(d.body(), "p").collect();
        let li: Vec<NodeId> = d.find_all(d.body(), "li").collect();
        assert!(matches!(template_copy(&d, p[0], p[1]), Template::Copy(n) if n == li[1]));
        assert!(matches!(template_copy(&d, p[2], p[3]), Template::Other));
        assert!(matches!(template_copy(&d, p[4], p[5]), Template::Beside));
        // A quote of the first card's line is in no copy of its template.
        assert!(matches!(template_copy(&d, p[0], p[2]), Template::Other));
    }
}
