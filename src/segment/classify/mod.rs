//! Gives every leaf a kind, with reasons.
//!
//! Three passes, strongest evidence first:
//! 1. boxes: whole elements whose landmark, role, class/id, governing
//!    heading or shape (Readability's conditional cleaning) mark them as
//!    chrome, advertising or recirculation;
//! 2. leaves outside boxes: ad labels, lead-ins such as "More related
//!    stories:" and the link lists they govern, promotional phrases and calls
//!    to action, page furniture; the rest is content inside the article body
//!    and boilerplate outside it;
//! 3. sections: a run of article paragraphs after a rule or heading that
//!    carries several promotional cues is promotional copy as a whole.

mod boxes;
mod furniture;
mod leaf_rules;

use boxes::*;
use furniture::*;
use leaf_rules::*;

use super::body::{class_and_id, class_weight, names_a_post, Flags, Region};
use super::evidence;
use super::leaves::{Latent, Leaf};
use super::reviews;
use super::stats::Stats;
use crate::cues;
use crate::dom::{Document, NodeId};
use crate::metadata::similarity::text_similarity;
use crate::model::{Kind, Quote, Reason, ReasonCode};
use std::collections::HashMap;
use std::rc::Rc;

/// A box whose text is at most this share of the article body's may be
/// removed from inside it on class/id cues alone; bigger ones are the body.
const MAX_BOX_SHARE_OF_BODY: f64 = 0.4;
/// Link density above which a box reads as a list of links.
const LINK_LIST_DENSITY: f64 = 0.5;
/// Lead-in lines ("More stories:") are short.
const MAX_LEAD_IN_CHARS: usize = 80;
/// A related-heading box bigger than this is a page section, not a widget.
const MAX_WIDGET_CHARS: usize = 4000;
/// Link density of a box governed by a related heading.
const HEADED_LIST_DENSITY: f64 = 0.3;
/// Average words per link above which links read as headlines (related),
/// below as menu entries (boilerplate).
const HEADLINE_WORDS: f64 = 4.0;
/// The same in characters, for scripts written without spaces.
const HEADLINE_CHARS: f64 = 20.0;
/// Furniture lines (copyright, comment headers) are short.
const MAX_FURNITURE_CHARS: usize = 200;
/// A line of chrome this much link is a link line...
const HEADLINE_LINE_DENSITY: f64 = 0.9;
/// ...and with links this many words long a headline (menu entries are one
/// to three words).
const CHROME_HEADLINE_WORDS: f64 = 6.0;
/// A paragraph with one promotional phrase is promo when at most this long.
const SHORT_PROMO_CHARS: usize = 250;
/// A box set apart by its shape is promo for a weak promotional word only
/// when at most this long.
const MAX_WEAK_PROMO_BOX_CHARS: usize = 600;
/// Promotional cues that make a trailing section promo as a whole.
const SECTION_PROMO_CUES: usize = 2;
/// ...and the share of the section's lines that must carry one.
const MIN_SECTION_CUE_SHARE: f64 = 0.25;
/// A section is trailing when this share of the body's text comes before it.
const TRAILING_SECTION_SHARE: f64 = 0.5;
/// Leaves between the headline and the body that still belong to the
/// article header (byline, standfirst, lead caption).
const MAX_HEADER_LEAVES: usize = 8;
/// Header lines at least this long are a standfirst or lead paragraph,
/// not a byline or date line.
const MIN_LEAD_CHARS: usize = 60;
/// Header lines longer than this are not bylines or captions.
const MAX_HEADER_CHARS: usize = 400;
/// Readability keeps a box with fewer commas than this only if it passes
/// the shape tests.
const CONDITIONAL_MAX_COMMAS: usize = 10;
/// A box holding this share of the body's prose is the story, whatever its
/// shape (recipes with checkboxes, galleries with long captions).
const CONDITIONAL_KEEP_PROSE_SHARE: f64 = 0.3;
/// Readability's link-density limit for boxes with little class weight.
const CONDITIONAL_LINK_DENSITY: f64 = 0.2;
/// ...and for boxes whose class reads as content.
const CONDITIONAL_LINK_DENSITY_POSITIVE: f64 = 0.5;
/// Minimum text of a box without images or headings.
const CONDITIONAL_MIN_CHARS: usize = 25;
/// Embeds in a box shorter than this make it a media box.
const CONDITIONAL_EMBED_CHARS: usize = 75;
/// Credit lines ("Foto: Getty Images") are short.
const MAX_CREDIT_CHARS: usize = 120;
/// A previous/next link line is all link...
const POST_NAV_LINK_DENSITY: f64 = 0.9;
/// ...and about one headline long.
const MAX_POST_NAV_CHARS: usize = 150;
/// Words a credit line may hold besides the credit (the agency's name).
const MAX_CREDIT_REST_WORDS: usize = 3;
/// Date lines are short.
const MAX_DATE_LINE_CHARS: usize = 60;
/// A byline line may add a little ("By", a date) to the bare name.
const MAX_BYLINE_LINE_CHARS: usize = 100;
/// Class tokens CMSs put on an article to list its tags and categories
/// (`tag-sport`, `category-news`): they name the article, not a widget.
const TAXONOMY_PREFIXES: &[&str] = &[
    "tag-",
    "category-",
    "categories-",
    "post-",
    "postid-",
    "page-id-",
    "status-",
    "format-",
    "type-",
    "has-",
    "topic-",
    "section-",
];
/// This many taxonomy tokens on one element make them a CMS's listing.
const MIN_TAXONOMY_TOKENS: usize = 2;
/// Class or id tokens of this many words or more are slugs, not names.
const SLUG_WORDS: usize = 4;
/// A hidden box longer than this is a menu or a page section: its words
/// alone do not make it a sign-up prompt.
const MAX_LATENT_PROMO_CHARS: usize = 1500;
/// A teaser card is short: an ad label in a bigger element labels a slot,
/// not a card.
const MAX_AD_CARD_CHARS: usize = 400;
/// A header box (headline, byline, date, standfirst) is short; a bigger
/// box around the headline holds more than the header.
const MAX_HEADER_BOX_CHARS: usize = 1000;
/// How far up a caption's name may sit (the caption's box and its
/// wrappers, not the page's columns).
const CAPTION_NAME_DEPTH: usize = 3;
/// Share of the page title's words a headline repeats at least (the rest
/// is the site's name and section).
const MIN_TITLE_COVERAGE: f64 = 0.4;
/// Title and heading similarity above which the heading is the headline.
const TITLE_SIMILARITY: f64 = 0.75;

// Confidence levels of the verdicts, strongest evidence first. A block
// takes the highest of its leaves'; the values are what the JSON reports
// (the same as when they were bare literals: only their order carries
// meaning inside the classifier).

/// The page says it in words a reader sees: a line that is an ad label on
/// its own. Also the ceiling of any verdict.
const SURE: f32 = 0.95;
/// The page's structure declares it: a `<nav>`, a heading naming the
/// widget over its links, an ad label heading a box or inside one, the
/// headline matched by the title.
const DECLARED: f32 = 0.9;
/// A landmark or form whose purpose is plain but whose bounds may hold
/// more: `<footer>`, a chrome role, an aside with advertising, a sign-up
/// form, a related heading line outside a box.
const STRONG: f32 = 0.85;
/// Named by the page's class/id words or by a line's lead-in: a promo
/// class, a page `<header>`, a chrome heading, a link line under a lead-in,
/// an inline "Read more:".
const NAMED: f32 = 0.8;
/// Named less specifically, or a line overriding its box: related and
/// chrome classes, a site tool form, an aside of links, a line inside a box
/// that announces promo or related, a trailing promotional section.
const SUGGESTED: f32 = 0.75;
/// What one line says of itself: furniture, credits, date lines,
/// previous/next links, a call to action; an editorial teaser, a sponsored
/// card, a bare aside, a headline found only by its likeness to the title.
const LINE_CUE: f32 = 0.7;
/// Shape or place alone: Readability's conditional cleaning, link lines,
/// text outside the body, header lines and captions the cleaning removed,
/// hidden boxes; also the base of a promotional line.
const SHAPE: f32 = 0.6;
/// A box removed for its shape with nothing saying what it holds (chrome
/// by default).
const SHAPE_ONLY: f32 = 0.55;
/// No signal at all; also the floor of article text.
const NO_SIGNAL: f32 = 0.5;
/// What each promotional phrase or call to action of a line adds to
/// [`SHAPE`].
const PER_PROMO_CUE: f32 = 0.1;
/// How much a line's link density (0 to 1) lowers the confidence that it
/// is article text.
const LINK_DENSITY_DOUBT: f32 = 0.4;

/// What the class/id/aria cue lists say of one element.
#[derive(Debug, Clone, Default)]
pub struct AttrCues {
    /// The promo cue that matched.
    promo: Option<Box<str>>,
    /// The related cue that matched.
    related: Option<Box<str>>,
    /// The chrome cue that matched.
    chrome: Option<Box<str>>,
}

/// Facts about a page that do not depend on where the body is, computed
/// once and shared by every attempt.
pub struct PageFacts {
    /// The elements' widget-name cues.
    attr: AttrIndex,
    /// First leaf index under each node (usize::MAX when none).
    first_leaf: FirstLeaf,
    /// Elements inside a customer-review widget on a product page (see
    /// `reviews.rs`; empty on other pages).
    reviews: Vec<bool>,
}

/// Each element's widget-name cues, as an index into the page's distinct
/// cue sets: pages repeat their class names hundreds of times, and a clone
/// of the cues per element cost 48 bytes a node (96 MB on a 1000x1000
/// table; issue 15).
pub struct AttrIndex {
    /// Indexed by node: 0 for the many elements without class, id or aria
    /// label, else one more than the index in `sets`.
    of: Vec<u32>,
    /// The distinct cue sets met.
    sets: Vec<AttrCues>,
}

impl AttrIndex {
    /// The cues of element `id`, `None` when it has no names.
    pub fn get(&self, id: NodeId) -> Option<&AttrCues> {
        match self.of[id] {
            0 => None,
            i => self.sets.get(i as usize - 1),
        }
    }
}

impl PageFacts {
    /// Elements inside a customer-review widget (empty off product pages).
    pub fn reviews(&self) -> &[bool] {
        &self.reviews
    }

    /// Matches every visible element's names against the cue lists once.
    pub fn new(
        doc: &Document,
        leaves: &[Leaf],
        stats: &Stats,
        forum: bool,
        reviews: Vec<bool>,
    ) -> Self {
        let mut of = vec![0u32; doc.len()];
        let mut sets: Vec<AttrCues> = Vec::new();
        // Match each distinct name string once.
        let mut seen: HashMap<String, u32> = HashMap::new();
        for &id in &stats.order {
            let names = widget_attrs(doc, id);
            if names.trim().is_empty() {
                continue;
            }
            if let Some(&known) = seen.get(&names) {
                of[id] = known;
                continue;
            }
            let found = |cue: &cues::Cue| cue.find(&names).map(|m| m.trim().into());
            sets.push(AttrCues {
                promo: found(cues::promo_attr()),
                related: found(cues::related_attr()),
                // On a forum thread the comments are the posts.
                chrome: found(cues::boilerplate_attr()).filter(|m| !(forum && names_a_post(m))),
            });
            // At most one set per element, so the count fits as node ids do.
            let index = sets.len() as u32;
            of[id] = index;
            seen.insert(names, index);
        }
        PageFacts {
            attr: AttrIndex { of, sets },
            reviews,
            first_leaf: first_leaves(doc, leaves, stats),
        }
    }
}

/// What the page's metadata tells the classifier.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The article's title, to recognise the headline.
    pub title: Option<&'a str>,
    /// The byline, to recognise the byline line.
    pub byline: Option<&'a str>,
    /// The page's address, for its page type.
    pub url: Option<&'a url::Url>,
}

/// A leaf's kind and why.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The kind.
    pub kind: Kind,
    /// 0 to 1.
    pub confidence: f32,
    /// Why. Shared: the leaves of one box, and the article-body lines of
    /// one link density, hold the same reasons, and a copy per leaf cost
    /// ~100 bytes a leaf (two allocations) on a 1000x1000 table (issue 15).
    pub reasons: Reasons,
    /// Leaves with the same unit belong to one widget and merge into one
    /// block. Read with [`Verdict::unit`]: 4 bytes, where an
    /// `Option<NodeId>` took 16 (8 MB of a 1000x1000 table's peak; issue 15).
    unit: u32,
    /// Content that is not article body text: the headline (the article
    /// carries it as its title), the byline and date lines (carried as
    /// metadata).
    pub not_body: bool,
    /// Prose between the headline and the body (standfirst, lead
    /// paragraph): article text although outside the body's container.
    pub lead: bool,
}

/// A verdict's reasons, shared between the leaves that have the same,
/// behind a thin pointer (a slice's fat one made a verdict 32 bytes, not
/// 24: 8 MB of a 1000x1000 table's peak; issue 15).
pub type Reasons = Rc<Vec<Reason>>;

impl Verdict {
    fn new(kind: Kind, confidence: f32, reason: Reason) -> Self {
        Verdict::shared(kind, confidence, Rc::new(vec![reason]))
    }

    /// A verdict with reasons other verdicts hold too.
    fn shared(kind: Kind, confidence: f32, reasons: Reasons) -> Self {
        Verdict {
            kind,
            confidence,
            reasons,
            unit: NO_UNIT,
            not_body: false,
            lead: false,
        }
    }

    /// The widget the leaf belongs to, if any.
    pub fn unit(&self) -> Option<NodeId> {
        (self.unit != NO_UNIT).then_some(self.unit as NodeId)
    }

    /// Sets the widget the leaf belongs to.
    pub fn set_unit(&mut self, unit: Option<NodeId>) {
        // Node ids fit in a `u32` (see `dom::Document::create`).
        self.unit = unit.map_or(NO_UNIT, |u| u as u32);
    }
}

/// [`Verdict::unit`] when there is none.
const NO_UNIT: u32 = u32::MAX;

/// The classification of a page.
pub struct Classified {
    /// One verdict per leaf.
    pub verdicts: Vec<Verdict>,
    /// Elements classified as a whole, with their kind.
    pub boxes: Vec<(NodeId, Kind)>,
    /// Indexed by node: true inside the article body.
    pub in_region: Vec<bool>,
}

struct Ctx<'a> {
    doc: &'a Document,
    leaves: &'a [Leaf],
    stats: &'a Stats,
    region: &'a Region,
    in_region: Vec<bool>,
    region_chars: usize,
    region_prose: usize,
    /// First leaf index under each node (usize::MAX when none).
    first_leaf: &'a FirstLeaf,
    /// Class/id cues per element.
    attr: &'a AttrIndex,
    /// Elements inside a customer-review widget (empty off product pages).
    reviews: &'a [bool],
}

/// Classifies the leaves of a page whose body was located as `region`.
pub fn classify(
    doc: &Document,
    leaves: &[Leaf],
    stats: &Stats,
    region: &Region,
    flags: Flags,
    hints: &Hints,
    facts: &PageFacts,
) -> Classified {
    let mut in_region = vec![false; doc.len()];
    let mut region_chars = 0;
    let mut region_prose = 0;
    for &r in &region.roots {
        region_chars += stats.of(r).chars;
        region_prose += stats.of(r).prose_chars;
        for d in doc.descendants(r) {
            in_region[d] = true;
        }
    }
    let ctx = Ctx {
        doc,
        leaves,
        stats,
        region,
        in_region,
        region_chars,
        region_prose,
        first_leaf: &facts.first_leaf,
        attr: &facts.attr,
        reviews: &facts.reviews,
    };
    // A page without an article whose content is spread over the page
    // keeps its link lists and forms (a listing's items, a product's
    // options): Readability's conditional cleaning is for the boxes inside
    // a story. Off for every page without an article it gave WCXB 0.813
    // word F1 against 0.794 but cost 0.004 on trafilatura's news corpus.
    let flags = Flags {
        clean_conditionally: flags.clean_conditionally && !region.spread,
        ..flags
    };
    let (boxes, box_of) = find_boxes(&ctx, flags);
    // One copy of each box's reason for all its leaves.
    let box_reasons: Vec<Reasons> = boxes
        .iter()
        .map(|(_, _, reason, _)| Rc::new(vec![reason.clone()]))
        .collect();
    let mut verdicts: Vec<Option<Verdict>> = leaves
        .iter()
        .map(|l| {
            box_of.get(l.owner).map(|b| {
                let (node, kind, _, conf) = boxes[b];
                let mut v = Verdict::shared(kind, conf, box_reasons[b].clone());
                v.set_unit(Some(node));
                v
            })
        })
        .collect();
    drop(box_of);
    classify_leaves(&ctx, &mut verdicts, hints);
    let unclassified: Reasons = Rc::new(vec![Reason::new(ReasonCode::Unclassified, "no signal")]);
    let mut verdicts: Vec<Verdict> = verdicts
        .into_iter()
        .map(|v| {
            v.unwrap_or_else(|| Verdict::shared(Kind::Boilerplate, NO_SIGNAL, unclassified.clone()))
        })
        .collect();
    article_furniture(&ctx, &mut verdicts, hints.title);
    sponsored_items(&ctx, &mut verdicts);
    promo_runs(&ctx, &mut verdicts);
    promo_sections(&ctx, &mut verdicts);
    dangling_headings(&ctx, &mut verdicts);
    Classified {
        verdicts,
        boxes: boxes.into_iter().map(|(n, k, _, _)| (n, k)).collect(),
        in_region: ctx.in_region,
    }
}

/// The kind of a hidden subtree a script may show, as a whole: hidden text
/// is never the article. Ad labels, advertising names and sign-up words
/// make a pop-up or slot promo, recirculation names or a list of headlines
/// related, the rest (cookie banners, menus) chrome.
pub fn classify_latent(doc: &Document, latent: &Latent) -> Verdict {
    // The box's names: its own and its wrappers' (elements that are its
    // only child), not those of the teasers it may hold.
    let mut names = widget_names(doc, latent.root);
    let mut wrapper = latent.root;
    while let Some(only) = single_element_child(doc, wrapper) {
        names.push(' ');
        names.push_str(&widget_names(doc, only));
        wrapper = only;
    }
    let email_field = doc.descendants(latent.root).any(|d| {
        doc.is(d, "input")
            && doc
                .attr(d, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
    });
    let text: String = latent
        .leaves
        .iter()
        .map(|l| &*l.text)
        .collect::<Vec<_>>()
        .join(" ");
    let chars: usize = latent.leaves.iter().map(|l| l.chars as usize).sum();
    let link_chars: usize = latent.leaves.iter().map(|l| l.link_chars as usize).sum();
    let links: Vec<NodeId> = doc
        .find_all(latent.root, "a")
        .filter(|&a| doc.attr(a, "href").is_some())
        .collect();
    let (kind, reason) = if let Some(l) = latent
        .leaves
        .iter()
        .find(|l| cues::ad_label().is_match(&l.text))
    {
        (
            Kind::Promo,
            Reason::new(
                ReasonCode::AdLabel,
                format!("hidden box labelled '{}'", l.text),
            )
            .quoting_words(&*l.text),
        )
    } else if let Some(m) = cues::related_attr().find(&names) {
        (
            Kind::Related,
            Reason::new(
                ReasonCode::ClassRelated,
                format!("hidden box, class/id '{}'", m.trim()),
            )
            .quoting_markup(m.trim()),
        )
    } else if let Some(m) = cues::promo_attr().find(&names) {
        (
            Kind::Promo,
            Reason::new(
                ReasonCode::ClassPromo,
                format!("hidden box, class/id '{}'", m.trim()),
            )
            .quoting_markup(m.trim()),
        )
    } else if let Some(a) = links
        .iter()
        .copied()
        .find(|&a| evidence::advertising_link(doc, a))
    {
        // A hidden announcement bar linking an ad campaign is an ad,
        // whatever it is named (WCXB label pages: a sponsored banner went
        // to related as a "list of headlines").
        let text = doc.shown_text(a);
        let words: String = text.trim().chars().take(40).collect();
        (
            Kind::Promo,
            Reason::new(
                ReasonCode::CallToAction,
                format!("hidden box linking an advertiser: '{words}'"),
            )
            .quoting_words(words),
        )
    } else if let Some(m) = cues::promo_text()
        .find(&text)
        .filter(|_| chars <= MAX_LATENT_PROMO_CHARS)
    {
        (
            Kind::Promo,
            Reason::new(
                ReasonCode::PromoPhrase,
                format!("hidden box, promotional phrase '{m}'"),
            )
            .quoting_words(m),
        )
    } else if email_field && chars <= MAX_LATENT_PROMO_CHARS {
        (
            Kind::Promo,
            Reason::new(
                ReasonCode::FormSignup,
                "hidden box asking for an e-mail address",
            ),
        )
    } else if latent
        .leaves
        .first()
        .is_some_and(|l| cues::related_heading().is_match(&l.text))
        || (chars > 0
            && link_chars as f64 / chars as f64 >= LINK_LIST_DENSITY
            && average_link_words(doc, &links) >= HEADLINE_WORDS)
    {
        (
            Kind::Related,
            Reason::new(ReasonCode::LinkList, "hidden list of headlines"),
        )
    } else {
        (
            Kind::Boilerplate,
            Reason::new(ReasonCode::Hidden, "hidden until a script shows it"),
        )
    };
    let mut v = Verdict::new(kind, SHAPE, reason);
    v.set_unit(Some(latent.root));
    v
}

/// The only element child of `id`, when it has exactly one.
fn single_element_child(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut children = doc.element_children(id);
    let first = children.next()?;
    children.next().is_none().then_some(first)
}

/// Average words per link among `links`.
fn average_link_words(doc: &Document, links: &[NodeId]) -> f64 {
    if links.is_empty() {
        return 0.0;
    }
    let words: usize = links
        .iter()
        .map(|&a| doc.text_content(a).split_whitespace().count())
        .sum();
    words as f64 / links.len() as f64
}

/// The first leaf index under each node, 4 bytes a node (as `usize` it
/// took 16 MB of a 1000x1000 table's peak; issue 15). Leaves are fewer
/// than nodes, whose count fits in a `u32`.
pub struct FirstLeaf(Vec<u32>);

impl FirstLeaf {
    /// The first leaf under `id`, `usize::MAX` when none.
    pub fn at(&self, id: NodeId) -> usize {
        match self.0[id] {
            u32::MAX => usize::MAX,
            i => i as usize,
        }
    }
}

/// The first leaf under every node, by rolling leaf owners up the tree.
fn first_leaves(doc: &Document, leaves: &[Leaf], stats: &Stats) -> FirstLeaf {
    let mut first = vec![u32::MAX; doc.len()];
    for (i, l) in leaves.iter().enumerate() {
        if first[l.owner] == u32::MAX {
            first[l.owner] = u32::try_from(i).expect("fewer leaves than nodes");
        }
    }
    for &id in stats.order.iter().rev() {
        if let Some(p) = doc.parent(id) {
            first[p] = first[p].min(first[id]);
        }
    }
    FirstLeaf(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_addresses_are_told_from_sections() {
        assert!(names_an_article("/news/2026/05/14/museum-reopens"));
        assert!(names_an_article(
            "https://example.com/museum-reopens-after-repairs"
        ));
        assert!(names_an_article("//example.com/story/123456"));
        assert!(!names_an_article("/news/"));
        assert!(!names_an_article("https://example.com/"));
        assert!(!names_an_article("#top-of-the-page"));
        assert!(!names_an_article("https://www.the-new-paper.com/sport"));
    }

    #[test]
    fn a_verdict_is_24_bytes_and_keeps_its_unit() {
        // One verdict per leaf: a 1000x1000 table holds a million (issue 15).
        assert!(std::mem::size_of::<Verdict>() <= 24);
        let reason = Reason::new(ReasonCode::Unclassified, "no signal");
        let mut v = Verdict::new(Kind::Content, NO_SIGNAL, reason);
        assert_eq!(v.unit(), None);
        v.set_unit(Some(7));
        assert_eq!(v.unit(), Some(7));
        v.set_unit(None);
        assert_eq!(v.unit(), None);
    }

    #[test]
    fn every_taxonomy_prefix_holds_a_dash() {
        // widget_names skips the prefix scan for tokens without a '-'.
        assert!(TAXONOMY_PREFIXES.iter().all(|p| p.contains('-')));
    }

    #[test]
    fn date_lines_are_only_dates() {
        for t in [
            "23.10.2018",
            "Aktualisiert am 17.01.2021.",
            "July 7, 2020",
            "31. Mai",
            "Updated: Mon 3 Feb 2020 at 9:15 pm",
            "2016年10月14日",
            "Sept. 4, 2025",
            "Thursday, 9 January",
        ] {
            assert!(is_date_line(t), "{t}");
        }
        for t in [
            "Mai 2020: the plan failed",
            "2 cups flour",
            "Chapter 3",
            "12.5",
            "1999",
            "3 4 5",
            // A month's or a day's first letters begin many names: a
            // product card's "Marathon 12" was dropped as a date line.
            "Marathon 12",
            "Sunrise 5",
            "Monster 2000",
        ] {
            assert!(!is_date_line(t), "{t}");
        }
    }

    #[test]
    fn post_navigation_is_framed_by_arrows() {
        assert!(is_post_navigation("← Nebenbei bemerkt (4)"));
        assert!(is_post_navigation(
            "Steuerdarling – Die PARTEI als Ehestifter →"
        ));
        assert!(!is_post_navigation("A sentence with -> inside it."));
    }

    #[test]
    fn captions_ending_in_a_credit_are_not_credit_lines() {
        assert!(credit_only("Foto: Getty Images").is_some());
        assert!(credit_only("Ayn Rand, Rand Paul (Credit: AP/Manuel Balce Ceneta)").is_none());
    }

    #[test]
    fn credit_lines_are_recognised() {
        for t in [
            "Foto: Getty",
            "Bild: TebNad/Shutterstock.com",
            "Crédits photos : Bestimage",
            "Premio Nobel de la Paz (REUTERS/Denis Balibouse)",
            "© dpa",
        ] {
            assert!(cues::credit_line().is_match(t), "{t}");
        }
        for t in ["Photos of the parade show missiles.", "The source said no."] {
            assert!(!cues::credit_line().is_match(t), "{t}");
        }
    }

    #[test]
    fn hidden_pop_ups_get_a_kind_of_their_own() {
        use crate::parse::parse_html;
        use crate::segment::leaves::cut_with_latent;
        let d = parse_html(
            "<p>Seen.</p><div style='display:none'><p>Get our newsletter in your inbox</p></div>\
             <div hidden class=outbrain><a href=/a>One long headline about other things</a></div>\
             <div style='display:none'><p>We use cookies on this site.</p></div>\
             <div hidden><p>Weekly guides</p><form hidden><input type=email></form></div>",
        );
        let (leaves, latent) = cut_with_latent(&d, d.body());
        assert_eq!(leaves.len(), 1);
        let kinds: Vec<Kind> = latent.iter().map(|l| classify_latent(&d, l).kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::Promo, Kind::Related, Kind::Boilerplate, Kind::Promo]
        );
        assert_eq!(latent[0].before, 1);
    }

    #[test]
    fn css_module_hashes_are_cut_and_slugs_still_dropped() {
        assert_eq!(name_words("Newsletter_box___x7Yz3"), 2);
        assert_eq!(name_words("newsletter"), 1);
        assert_eq!(name_words("how-to-grow-tomatoes"), 4);
        let d = crate::parse::parse_html(
            "<div class='Newsletter_box___x7Yz3 how-to-grow-tomatoes d-print-none'>x</div>",
        );
        let div = d.find(d.body(), "div").unwrap();
        assert_eq!(widget_names(&d, div), "Newsletter_box___x7Yz3");
    }

    #[test]
    fn ad_labels_may_be_written_with_separators() {
        for t in [
            "Advertisement. Scroll to continue reading.",
            "ADVERTISEMENT – Story continues",
            "Advertisement | Page continues",
            "Sponsored Advert",
        ] {
            assert!(cues::ad_label().is_match(t), "{t}");
        }
        assert!(!cues::ad_label().is_match("Advertising. It is everywhere, says the report."));
    }

    #[test]
    fn paywall_appeal_and_self_promotion_phrases() {
        for t in [
            "This article is exclusive to STAT+ subscribers",
            "Unlock this article — plus in-depth analysis",
            "Support our mission to keep content open and free",
            "Since you made it this far, we have a small favor to ask.",
            "Please Consider Supporting Us.",
            "please consider pitching in what you can",
            "There is more on our sister site, Example Rail.",
            "Related: Our free weekly newsletter alerts you to new research.",
            "A message from Jane Doe, co-founder of Example:",
            "Click here to read our fall issue, with 25 new faces",
            "The Wedding Planning Issue featuring two dancers",
        ] {
            assert!(!promo_phrases(t).0.is_empty(), "{t}");
        }
        for t in [
            "The minister said the issue featured in every debate.",
            "Members of the union will consider a strike.",
            "She supported the mission to Mars.",
        ] {
            assert!(promo_phrases(t).0.is_empty(), "{t}");
        }
    }

    #[test]
    fn link_hosts_drop_www_and_ports() {
        assert_eq!(
            link_host("https://www.facebook.com/x"),
            Some("facebook.com")
        );
        assert_eq!(link_host("http://m.x.com:443/a?b"), Some("x.com"));
        assert_eq!(link_host("//t.me/chan"), Some("t.me"));
        assert_eq!(link_host("/relative/path"), None);
    }

    #[test]
    fn follow_rows_app_and_donation_links_are_promo_by_target() {
        use crate::parse::parse_html;
        use crate::segment::leaves::cut_with_latent;
        let d = parse_html(
            "<p>Follow us on <a href='https://www.facebook.com/a'>Facebook</a>, \
             <a href='https://x.com/a'>X</a> and <a href='https://instagram.com/a'>Instagram</a></p>\
             <p>The mayor posts on <a href='https://www.facebook.com/m'>Facebook</a> and \
             <a href='/news/2025/other'>said more here</a> about the plans for the new line.</p>\
             <p><a href='https://apps.apple.com/app/id1'>Download on the App Store</a></p>\
             <p>Rent it on <a href='https://play.google.com/store/movies/details?id=1'>Google Play</a>.</p>\
             <p>Buy me a coffee on <a href='https://ko-fi.com/writer'>Ko-fi</a>.</p>",
        );
        let (leaves, _) = cut_with_latent(&d, d.body());
        let told: Vec<bool> = leaves
            .iter()
            .map(|l| promo_link_target(&d, l).is_some())
            .collect();
        assert_eq!(told, vec![true, false, true, false, true]);
    }

    #[test]
    fn promo_phrases_are_all_found() {
        let (strong, weak) = promo_phrases(
            "Visit WWIII.news for more stories about X. Watch this video now. Subscribe!",
        );
        assert_eq!(strong.len(), 3, "{strong:?}");
        assert_eq!(weak, vec!["Subscribe"]);
    }

    #[test]
    fn a_weak_word_inside_a_strong_phrase_is_not_more_evidence() {
        let (strong, weak) = promo_phrases(
            "Maybe a FitBit is on your list, or you've made a resolution to sign up for monthly group workout classes with a friend.",
        );
        assert_eq!(strong.len(), 1, "{strong:?}");
        assert!(weak.is_empty(), "{weak:?}");
    }
}
