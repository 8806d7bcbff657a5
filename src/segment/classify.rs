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

use super::body::{class_and_id, class_weight, names_a_post, Flags, Region};
use super::cues;
use super::evidence;
use super::leaves::{Latent, Leaf};
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use crate::model::{Kind, Quote, Reason, ReasonCode};
use std::collections::HashMap;

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
    /// Indexed by node: the element's widget-name cues, `None` for the many
    /// elements without class, id or aria label.
    attr: Vec<Option<AttrCues>>,
    /// First leaf index under each node (usize::MAX when none).
    first_leaf: Vec<usize>,
}

impl PageFacts {
    /// Matches every visible element's names against the cue lists once.
    pub fn new(doc: &Document, leaves: &[Leaf], stats: &Stats, forum: bool) -> Self {
        let mut attr = vec![None; doc.len()];
        // Pages repeat their class names hundreds of times: match each
        // distinct one once.
        let mut seen: HashMap<String, AttrCues> = HashMap::new();
        for &id in &stats.order {
            let names = widget_attrs(doc, id);
            if names.trim().is_empty() {
                continue;
            }
            if let Some(known) = seen.get(&names) {
                attr[id] = Some(known.clone());
                continue;
            }
            let found = |cue: &cues::Cue| cue.find(&names).map(|m| m.trim().into());
            let cues = AttrCues {
                promo: found(cues::promo_attr()),
                related: found(cues::related_attr()),
                // On a forum thread the comments are the posts.
                chrome: found(cues::boilerplate_attr()).filter(|m| !(forum && names_a_post(m))),
            };
            attr[id] = Some(cues.clone());
            seen.insert(names, cues);
        }
        PageFacts {
            attr,
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
    /// Why.
    pub reasons: Vec<Reason>,
    /// Leaves with the same unit belong to one widget and merge into one
    /// block.
    pub unit: Option<NodeId>,
    /// Content that is not article body text: the headline (the article
    /// carries it as its title), the byline and date lines (carried as
    /// metadata).
    pub not_body: bool,
    /// Prose between the headline and the body (standfirst, lead
    /// paragraph): article text although outside the body's container.
    pub lead: bool,
}

impl Verdict {
    fn new(kind: Kind, confidence: f32, reason: Reason) -> Self {
        Verdict {
            kind,
            confidence,
            reasons: vec![reason],
            unit: None,
            not_body: false,
            lead: false,
        }
    }
}

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
    first_leaf: &'a [usize],
    /// Class/id cues per element.
    attr: &'a [Option<AttrCues>],
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
    let mut verdicts: Vec<Option<Verdict>> = leaves
        .iter()
        .map(|l| {
            box_of[l.owner].map(|b| {
                let (node, kind, ref reason, conf) = boxes[b];
                let mut v = Verdict::new(kind, conf, reason.clone());
                v.unit = Some(node);
                v
            })
        })
        .collect();
    classify_leaves(&ctx, &mut verdicts, hints);
    let mut verdicts: Vec<Verdict> = verdicts
        .into_iter()
        .map(|v| {
            v.unwrap_or_else(|| {
                Verdict::new(
                    Kind::Boilerplate,
                    NO_SIGNAL,
                    Reason::new(ReasonCode::Unclassified, "no signal"),
                )
            })
        })
        .collect();
    article_furniture(&ctx, &mut verdicts, hints.title);
    sponsored_items(&ctx, &mut verdicts);
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
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let chars: usize = latent.leaves.iter().map(|l| l.chars).sum();
    let link_chars: usize = latent.leaves.iter().map(|l| l.link_chars).sum();
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
            .quoting_words(&l.text),
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
    v.unit = Some(latent.root);
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

/// The first leaf under every node, by rolling leaf owners up the tree.
fn first_leaves(doc: &Document, leaves: &[Leaf], stats: &Stats) -> Vec<usize> {
    let mut first = vec![usize::MAX; doc.len()];
    for (i, l) in leaves.iter().enumerate() {
        if first[l.owner] == usize::MAX {
            first[l.owner] = i;
        }
    }
    for &id in stats.order.iter().rev() {
        if let Some(p) = doc.parent(id) {
            first[p] = first[p].min(first[id]);
        }
    }
    first
}

type BoxEntry = (NodeId, Kind, Reason, f32);

/// Finds boxes top-down; a box's descendants are not examined again.
fn find_boxes(ctx: &Ctx, flags: Flags) -> (Vec<BoxEntry>, Vec<Option<usize>>) {
    let doc = ctx.doc;
    let mut boxes: Vec<BoxEntry> = Vec::new();
    let mut box_of: Vec<Option<usize>> = vec![None; doc.len()];
    let top = ctx.region.top;
    for &id in &ctx.stats.order {
        let outer = doc.parent(id).and_then(|p| box_of[p]);
        box_of[id] = outer;
        if doc.tag(id).is_none() || ctx.stats.contains(id, top) {
            continue;
        }
        let verdict = match outer {
            None => box_verdict(ctx, id, flags),
            // Inside a box, only a more specific widget takes over: a
            // newsletter sign-up inside the footer is promo, a "more on
            // this story" list inside a chrome box is related.
            Some(b) => {
                widget_verdict(ctx, id).filter(|v| specificity(v.0) > specificity(boxes[b].1))
            }
        };
        if let Some((kind, reason, conf)) = verdict {
            box_of[id] = Some(boxes.len());
            boxes.push((id, kind, reason, conf));
        }
    }
    (boxes, box_of)
}

/// How specific a kind is: a more specific box may sit inside a less
/// specific one.
fn specificity(kind: Kind) -> u8 {
    match kind {
        Kind::Content => 0,
        Kind::Boilerplate => 1,
        Kind::Related => 2,
        Kind::Promo => 3,
    }
}

/// Whether an element is a box, and of which kind.
fn box_verdict(ctx: &Ctx, id: NodeId, flags: Flags) -> Option<(Kind, Reason, f32)> {
    let doc = ctx.doc;
    let tag = doc.tag(id)?;
    let inside = ctx.in_region[id];
    let role = doc.attr(id, "role").map(str::trim).unwrap_or("");
    // Whatever its markup, an element holding most of the body's prose is
    // the story (pages that set their article in an <aside> or <header>).
    if inside && matches!(tag, "aside" | "header") && holds_most_prose(ctx, id) {
        return None;
    }

    match tag {
        "nav" => {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::Landmark, "navigation landmark <nav>")
                    .quoting_markup("nav"),
                DECLARED,
            ))
        }
        "aside" if !holds_widgets(ctx, id) => return Some(widget_kind(ctx, id, "aside")),
        "footer" => {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::Landmark, "footer landmark <footer>")
                    .quoting_markup("footer"),
                STRONG,
            ))
        }
        "header" if !inside && doc.find(id, "h1").is_none() => {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::Landmark, "page header <header>").quoting_markup("header"),
                NAMED,
            ))
        }
        "form" => return Some(form_kind(ctx, id)),
        _ => {}
    }
    if !role.is_empty() && cues::chrome_role().is_match(role) {
        if role == "complementary" {
            if holds_widgets(ctx, id) {
                return None;
            }
            return Some(widget_kind(ctx, id, "role=complementary"));
        }
        return Some((
            Kind::Boilerplate,
            Reason::new(ReasonCode::Landmark, format!("role '{role}'")).quoting_markup(role),
            STRONG,
        ));
    }

    if let Some(v) = widget_verdict(ctx, id) {
        return Some(v);
    }
    if inside && flags.clean_conditionally {
        return conditional(ctx, id, tag, flags);
    }
    None
}

/// Class and id tokens that can name a widget. Tokens of many words are
/// slugs of headings (`sharing-with-a-single-developer`), not widget names.
fn widget_names(doc: &Document, id: NodeId) -> String {
    // The tokens of `class_and_id`, read in place.
    let class = doc.attr(id, "class").unwrap_or("");
    let ident = doc.attr(id, "id").unwrap_or("");
    let tokens = || class.split_whitespace().chain(ident.split_whitespace());
    // Every prefix holds a '-': a token without one needs no list scan.
    let is_taxonomy =
        |t: &str| t.contains('-') && TAXONOMY_PREFIXES.iter().any(|p| t.starts_with(p));
    // One `tag-links` names a tag list; several such tokens are a CMS
    // listing the article's own tags and categories.
    let taxonomy_tokens = tokens().filter(|t| is_taxonomy(t)).count();
    let mut names = String::with_capacity(class.len() + ident.len() + 1);
    for token in tokens() {
        if taxonomy_tokens >= MIN_TAXONOMY_TOKENS && is_taxonomy(token) {
            continue;
        }
        // A token of SLUG_WORDS words has SLUG_WORDS - 1 separators.
        let words = 1 + token.bytes().filter(|&b| b == b'-' || b == b'_').count();
        if words >= SLUG_WORDS {
            continue;
        }
        if !names.is_empty() {
            names.push(' ');
        }
        names.push_str(token);
    }
    names
}

/// Widget names and aria label of an element, without allocating for the
/// many elements that have neither.
fn widget_attrs(doc: &Document, id: NodeId) -> String {
    let Some(e) = doc.element(id) else {
        return String::new();
    };
    let label = e.attr("aria-label").unwrap_or("");
    if e.attr("class").is_none() && e.attr("id").is_none() && label.is_empty() {
        return String::new();
    }
    let mut names = widget_names(doc, id);
    names.push(' ');
    names.push_str(label);
    names
}

/// A widget named by its class/id or aria label, or headed by a cue line.
fn widget_verdict(ctx: &Ctx, id: NodeId) -> Option<(Kind, Reason, f32)> {
    let doc = ctx.doc;
    let t = ctx.stats.of(id);
    let inside = ctx.in_region[id];
    // Never on something that holds much of the body.
    let small_enough = !inside
        || ((t.chars as f64) < MAX_BOX_SHARE_OF_BODY * ctx.region_chars as f64
            && !holds_most_prose(ctx, id))
        || t.link_density() > LINK_LIST_DENSITY;
    if let Some(c) = ctx.attr[id].as_ref().filter(|_| small_enough) {
        if let Some(m) = &c.promo {
            if let Some(v) = editorial_teaser(ctx, id, m) {
                return Some(v);
            }
            return Some((
                Kind::Promo,
                Reason::new(ReasonCode::ClassPromo, format!("class/id '{m}'")).quoting_markup(&**m),
                NAMED,
            ));
        }
        if let Some(m) = &c.related {
            let kind = if t.chars > 0 && t.link_density() < HEADED_LIST_DENSITY && !inside {
                Kind::Boilerplate
            } else {
                Kind::Related
            };
            return Some((
                kind,
                Reason::new(ReasonCode::ClassRelated, format!("class/id '{m}'"))
                    .quoting_markup(&**m),
                SUGGESTED,
            ));
        }
        if let Some(m) = &c.chrome {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::ClassChrome, format!("class/id '{m}'"))
                    .quoting_markup(&**m),
                SUGGESTED,
            ));
        }
    }
    if doc.is(id, "form") {
        return Some(form_kind(ctx, id));
    }
    headed_widget(ctx, id)
}

/// A box whose class says promo but which holds only headline links to
/// stories, with no advertising evidence (see `evidence.rs`): related.
fn editorial_teaser(ctx: &Ctx, id: NodeId, class: &str) -> Option<(Kind, Reason, f32)> {
    evidence::editorial_teaser(ctx.doc, ctx.stats, ctx.leaves, ctx.first_leaf[id], id).then(|| {
        (
            Kind::Related,
            Reason::new(
                ReasonCode::EditorialTeaser,
                format!("class/id '{class}', but headline links and no advertising evidence"),
            )
            .quoting_markup(class),
            LINE_CUE,
        )
    })
}

/// A widget (aside, complementary) by what it holds.
fn widget_kind(ctx: &Ctx, id: NodeId, what: &str) -> (Kind, Reason, f32) {
    let t = ctx.stats.of(id);
    let heading = first_leaf_text(ctx, id).unwrap_or("");
    let named = ctx.attr[id].as_ref();
    if let Some(v) = named
        .and_then(|c| c.promo.as_deref())
        .and_then(|m| editorial_teaser(ctx, id, m))
    {
        return v;
    }
    // The evidence it quotes: its promo name, else its ad label.
    let promo = named
        .and_then(|c| c.promo.as_deref())
        .map(|m| Quote::Markup(m.to_string()))
        .or_else(|| {
            cues::ad_label()
                .is_match(heading)
                .then(|| Quote::Words(heading.to_string()))
        });
    if let Some(quote) = promo {
        let mut reason = Reason::new(ReasonCode::Landmark, format!("{what} with advertising"));
        reason.quote = Some(quote);
        return (Kind::Promo, reason, STRONG);
    }
    let related_name = named.and_then(|c| c.related.as_deref());
    if related_name.is_some()
        || cues::related_heading().is_match(heading)
        || t.link_density() > LINK_LIST_DENSITY
    {
        let reason = Reason::new(
            ReasonCode::Landmark,
            format!("{what} of links, link density {:.2}", t.link_density()),
        );
        // The evidence it quotes: its related name, else its heading.
        let reason = match related_name {
            Some(m) => reason.quoting_markup(m),
            None if cues::related_heading().is_match(heading) => reason.quoting_words(heading),
            None => reason.quoting_markup(what),
        };
        return (Kind::Related, reason, SUGGESTED);
    }
    (
        Kind::Boilerplate,
        Reason::new(ReasonCode::Landmark, what.to_string()).quoting_markup(what),
        LINE_CUE,
    )
}

/// Whether `id` holds a large share of the article body's prose.
fn holds_most_prose(ctx: &Ctx, id: NodeId) -> bool {
    ctx.region_prose > 0
        && ctx.stats.of(id).prose_chars as f64 >= MAX_BOX_SHARE_OF_BODY * ctx.region_prose as f64
}

/// Whether a sidebar stacks several widgets, each to be judged on its own.
fn holds_widgets(ctx: &Ctx, id: NodeId) -> bool {
    ctx.doc
        .element_children(id)
        .filter(|&c| ctx.stats.of(c).chars > 0)
        .take(2)
        .count()
        >= 2
}

/// Forms are sign-up prompts or site tools.
fn form_kind(ctx: &Ctx, id: NodeId) -> (Kind, Reason, f32) {
    // What the reader sees: an inline script's words are not the form's,
    // and a front that leaves script bodies out must judge it the same.
    let text = visible_text(ctx, id);
    let action = ctx.doc.attr(id, "action").unwrap_or("");
    if ctx.attr[id].as_ref().is_some_and(|c| c.promo.is_some())
        || cues::promo_text().is_match(&text)
        || cues::promo_weak().is_match(&text)
        || cues::promo_attr().is_match(action)
    {
        return (
            Kind::Promo,
            Reason::new(ReasonCode::FormSignup, "sign-up form"),
            STRONG,
        );
    }
    (
        Kind::Boilerplate,
        Reason::new(ReasonCode::Form, "form").quoting_markup("form"),
        SUGGESTED,
    )
}

/// The text of the leaves under `id`, joined by spaces.
fn visible_text(ctx: &Ctx, id: NodeId) -> String {
    let start = ctx.first_leaf[id];
    let mut text = String::new();
    for leaf in ctx.leaves.iter().skip(start) {
        if !ctx.stats.contains(id, leaf.owner) {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&leaf.text);
    }
    text
}

fn first_leaf_text<'a>(ctx: &'a Ctx, id: NodeId) -> Option<&'a str> {
    let i = ctx.first_leaf[id];
    ctx.leaves.get(i).map(|l| l.text.as_str())
}

/// Whether a leaf is set as a heading: a heading element, or a short line
/// all in bold.
fn is_heading_like(doc: &Document, leaf: &Leaf) -> bool {
    let tag = doc.tag(leaf.owner).unwrap_or("");
    matches!(
        tag,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "caption" | "legend" | "summary"
    ) || (leaf.chars <= MAX_LEAD_IN_CHARS && leaf.bold_chars * 10 >= leaf.chars * 9)
        || (leaf.chars <= MAX_LEAD_IN_CHARS && leaf.text.ends_with(':'))
}

/// An element that starts with a heading such as "You may also like" and is
/// mostly links.
fn headed_widget(ctx: &Ctx, id: NodeId) -> Option<(Kind, Reason, f32)> {
    let leaf = ctx.leaves.get(ctx.first_leaf[id])?;
    let t = ctx.stats.of(id);
    if t.chars > MAX_WIDGET_CHARS
        || leaf.chars > MAX_LEAD_IN_CHARS
        || !is_heading_like(ctx.doc, leaf)
    {
        return None;
    }
    let rest_chars = t.chars.saturating_sub(leaf.chars);
    let rest_links = t.link_chars.saturating_sub(leaf.link_chars);
    let rest_density = if rest_chars == 0 {
        0.0
    } else {
        rest_links as f64 / rest_chars as f64
    };
    if !single_heading(ctx, id) {
        return None;
    }
    if cues::related_heading().is_match(&leaf.text)
        && rest_density >= HEADED_LIST_DENSITY
        && rest_chars > 0
    {
        return Some((
            Kind::Related,
            Reason::new(
                ReasonCode::HeadingRelated,
                format!("heading '{}'", leaf.text),
            )
            .quoting_words(&leaf.text),
            DECLARED,
        ));
    }
    if cues::ad_label().is_match(&leaf.text) && !ctx.in_region[id] {
        return Some((
            Kind::Promo,
            Reason::new(ReasonCode::AdLabel, format!("label '{}'", leaf.text))
                .quoting_words(&leaf.text),
            DECLARED,
        ));
    }
    if cues::boilerplate_text().is_match(&leaf.text) && !ctx.in_region[id] {
        return Some((
            Kind::Boilerplate,
            Reason::new(
                ReasonCode::HeadingChrome,
                format!("heading '{}'", leaf.text),
            )
            .quoting_words(&leaf.text),
            NAMED,
        ));
    }
    None
}

/// Whether `id`'s first leaf is its only heading: a container that stacks
/// several headed widgets is not one widget.
fn single_heading(ctx: &Ctx, id: NodeId) -> bool {
    let first = ctx.first_leaf[id];
    let count = ctx.stats.of(id).leaves;
    ctx.leaves
        .iter()
        .skip(first.saturating_add(1))
        .take(count.saturating_sub(1))
        .all(|l| {
            !matches!(
                ctx.doc.tag(l.owner),
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            ) && !cues::ad_label().is_match(&l.text)
        })
}

/// Readability's conditional cleaning: link-, form- and image-heavy boxes
/// inside the article body go.
// Readability's conditions stay apart even where two give the same reason.
#[allow(clippy::if_same_then_else)]
fn conditional(ctx: &Ctx, id: NodeId, tag: &str, flags: Flags) -> Option<(Kind, Reason, f32)> {
    if !matches!(
        tag,
        "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section"
    ) {
        return None;
    }
    let doc = ctx.doc;
    if tag == "table" && is_data_table(doc, id) {
        return None;
    }
    if ctx.stats.within[id].pre_or_code {
        return None;
    }
    let t = ctx.stats.of(id);
    let weight = if flags.weight_classes {
        class_weight(doc, id, flags.forum)
    } else {
        0.0
    };
    if weight + ctx.region.scores[id] < 0.0 {
        return Some(shape_kind(
            ctx,
            id,
            Reason::new(
                ReasonCode::ClassNegative,
                format!("class weight {weight:.0}"),
            ),
        ));
    }
    if t.commas >= CONDITIONAL_MAX_COMMAS
        || (t.prose_chars as f64) >= CONDITIONAL_KEEP_PROSE_SHARE * ctx.region_prose as f64
    {
        return None;
    }
    let is_list = matches!(tag, "ul" | "ol") || {
        let list_chars: usize = doc
            .element_children(id)
            .filter(|&c| matches!(doc.tag(c), Some("ul" | "ol")))
            .map(|c| ctx.stats.of(c).chars)
            .sum();
        t.chars > 0 && list_chars as f64 / t.chars as f64 > 0.9
    };
    let p = t.paragraphs as f64;
    let img = t.images as f64;
    let li = t.list_items as f64 - 100.0;
    let input = t.inputs as f64;
    let heading_density = if t.chars == 0 {
        0.0
    } else {
        t.heading_chars as f64 / t.chars as f64
    };
    let ld = t.link_density();
    let in_figure = ctx.stats.within[id].figure;
    let reason = if img > 1.0 && p / img < 0.5 && !in_figure {
        Some(Reason::new(
            ReasonCode::ImageBox,
            format!("{} images, {} paragraphs", t.images, t.paragraphs),
        ))
    } else if !is_list && li > p {
        Some(Reason::new(
            ReasonCode::ListBox,
            "more list items than paragraphs",
        ))
    } else if input > (p / 3.0).floor() {
        Some(Reason::new(
            ReasonCode::FormBox,
            format!("{} form controls", t.inputs),
        ))
    } else if !is_list
        && heading_density < 0.9
        && t.chars < CONDITIONAL_MIN_CHARS
        && (t.images == 0 || t.images > 2)
        && !in_figure
    {
        Some(Reason::new(
            ReasonCode::ShortBox,
            format!("only {} characters", t.chars),
        ))
    } else if (!is_list && weight < 25.0 && ld > CONDITIONAL_LINK_DENSITY)
        || (weight >= 25.0 && ld > CONDITIONAL_LINK_DENSITY_POSITIVE)
    {
        Some(Reason::new(
            ReasonCode::LinkDensity,
            format!("link density {ld:.2}"),
        ))
    } else if (t.embeds == 1 && t.chars < CONDITIONAL_EMBED_CHARS) || t.embeds > 1 {
        Some(Reason::new(
            ReasonCode::EmbedBox,
            format!("{} embeds", t.embeds),
        ))
    } else {
        None
    }?;
    // Nothing to label in an empty box: leave it to the article builder.
    if t.leaves == 0 && t.images == 0 && t.embeds == 0 {
        return None;
    }
    Some(shape_kind(ctx, id, reason))
}

/// The kind of a box removed for its shape: headline links are related,
/// selling is promo, the rest chrome.
fn shape_kind(ctx: &Ctx, id: NodeId, reason: Reason) -> (Kind, Reason, f32) {
    let t = ctx.stats.of(id);
    let text = visible_text(ctx, id);
    if cues::promo_text().is_match(&text)
        || cues::promo_weak().is_match(&text)
        || cues::promo_attr().is_match(&widget_names(ctx.doc, id))
    {
        return (Kind::Promo, reason, SHAPE);
    }
    if t.link_density() > LINK_LIST_DENSITY && t.links > 0 {
        let (words, chars) = words_per_link(ctx, id);
        if words >= HEADLINE_WORDS || chars >= HEADLINE_CHARS {
            return (Kind::Related, reason, SHAPE);
        }
    }
    (Kind::Boilerplate, reason, SHAPE_ONLY)
}

/// Average words and characters per link under `id`.
fn words_per_link(ctx: &Ctx, id: NodeId) -> (f64, f64) {
    let doc = ctx.doc;
    let (mut words, mut chars, mut links) = (0usize, 0usize, 0usize);
    for a in doc.find_all(id, "a") {
        if doc.attr(a, "href").is_some() {
            let text = doc.text_content(a);
            links += 1;
            words += text.split_whitespace().count();
            chars += text.trim().chars().count();
        }
    }
    if links == 0 {
        (0.0, 0.0)
    } else {
        (words as f64 / links as f64, chars as f64 / links as f64)
    }
}

/// Whether a table holds data rather than layout.
fn is_data_table(doc: &Document, id: NodeId) -> bool {
    if doc.attr(id, "role") == Some("presentation") {
        return false;
    }
    doc.descendants(id)
        .any(|d| matches!(doc.tag(d), Some("th" | "caption" | "thead" | "colgroup")))
}

/// Words and characters of a leaf's links, on average.
fn leaf_link_length(doc: &Document, leaf: &Leaf) -> (f64, f64) {
    if leaf.links.is_empty() {
        // A link that wraps block elements (`<a><h3>headline</h3><p>dek</p></a>`,
        // a teaser card) opened before this leaf did: a heading in it is
        // all link text, and its length is the link's (issue 13, cause 1:
        // such headlines measured "0.0 words per link" and went to chrome).
        // Only a heading: a link around a photo and its caption (a
        // lightbox) is no headline (aktualne in the Readability corpus).
        if leaf.link_chars > 0 && is_heading_like(doc, leaf) {
            return (
                leaf.text.split_whitespace().count() as f64,
                leaf.text.chars().count() as f64,
            );
        }
        return (0.0, 0.0);
    }
    let (mut words, mut chars) = (0usize, 0usize);
    for &a in &leaf.links {
        let text = doc.shown_text(a);
        words += text.split_whitespace().count();
        chars += text.trim().chars().count();
    }
    let n = leaf.links.len() as f64;
    (words as f64 / n, chars as f64 / n)
}

/// A line that only gives a date or time ("23.10.2018", "Updated on July 7,
/// 2020 at 9:15"): what remains after removing date words and numbers is
/// nothing.
fn is_date_line(text: &str) -> bool {
    if text.chars().count() > MAX_DATE_LINE_CHARS || !text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !cues::date_shape().is_match(text) {
        return false;
    }
    let rest = cues::date_word().remove_all(text);
    rest.chars().all(|c| !c.is_alphanumeric())
}

/// The credit of a line that is nothing but a credit ("Foto: Getty",
/// "Crédits photos : Bestimage"); a caption that ends with its credit
/// ("Ayn Rand (Credit: AP)") is content.
fn credit_only(text: &str) -> Option<&str> {
    let m = cues::credit_line().find(text)?;
    let rest = cues::credit_line().remove_all(text);
    (rest.split_whitespace().count() <= MAX_CREDIT_REST_WORDS).then_some(m)
}

/// "← Previous story" / "Next story →": a link line framed by an arrow.
fn is_post_navigation(text: &str) -> bool {
    const BACK: &[char] = &['←', '«', '‹', '<'];
    const ON: &[char] = &['→', '»', '›', '>'];
    let t = text.trim();
    t.chars().count() <= MAX_POST_NAV_CHARS && (t.starts_with(BACK) || t.ends_with(ON))
}

/// A short line that is the byline the metadata found.
fn is_byline_line(text: &str, byline: &str) -> bool {
    let byline = byline.trim();
    !byline.is_empty() && text.chars().count() <= MAX_BYLINE_LINE_CHARS && text.contains(byline)
}

/// "Read more: Other headline", "[Lire : ...]", "Learn more: ...".
fn is_inline_related(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    cues::related_heading().is_match(t) || cues::related_lead_in().is_match(t)
}

/// A line inside a chrome or link box that announces something more
/// specific: an ad label or promotional phrase (promo), a related heading
/// inside chrome (related).
fn override_in_box(leaf: &Leaf, boxed: Kind) -> Option<Verdict> {
    if cues::ad_label().is_match(&leaf.text) {
        return Some(Verdict::new(
            Kind::Promo,
            DECLARED,
            Reason::new(ReasonCode::AdLabel, format!("label '{}'", leaf.text))
                .quoting_words(&leaf.text),
        ));
    }
    let (strong, weak) = promo_phrases(&leaf.text);
    if let Some(p) = strong.first().or(weak.first()) {
        return Some(Verdict::new(
            Kind::Promo,
            SUGGESTED,
            Reason::new(ReasonCode::PromoPhrase, format!("promotional phrase '{p}'"))
                .quoting_words(p),
        ));
    }
    if boxed == Kind::Boilerplate
        && leaf.chars <= MAX_LEAD_IN_CHARS
        && cues::related_heading().is_match(&leaf.text)
    {
        let mut v = Verdict::new(
            Kind::Related,
            SUGGESTED,
            Reason::new(
                ReasonCode::HeadingRelated,
                format!("heading '{}'", leaf.text),
            )
            .quoting_words(&leaf.text),
        );
        v.unit = Some(leaf.owner);
        return Some(v);
    }
    None
}

/// A line of chrome (a footer, a page header, a box classed like chrome)
/// that is one long headline link: a teaser for another story, not a menu
/// entry. Menus and footers link short names ("About us", "Privacy");
/// on the WCXB label pages footers and mega-menus hold "Selected
/// articles" and "Latest" lists of headlines that went to chrome.
fn headline_in_chrome(doc: &Document, leaf: &Leaf, unit: Option<NodeId>) -> Option<Verdict> {
    if leaf.link_density() < HEADLINE_LINE_DENSITY
        || leaf.chars > MAX_FURNITURE_CHARS
        || cues::boilerplate_text().is_match(&leaf.text)
        || is_legal_link(&leaf.text)
    {
        return None;
    }
    let (words, _) = leaf_link_length(doc, leaf);
    if words < CHROME_HEADLINE_WORDS {
        return None;
    }
    let mut v = Verdict::new(
        Kind::Related,
        SHAPE,
        Reason::new(
            ReasonCode::HeadlineLink,
            format!("a headline link of {words:.0} words in chrome"),
        ),
    );
    v.unit = unit;
    Some(v)
}

/// Footer links long enough to pass for headlines that are legal notices
/// ("Do Not Sell or Share My Personal Information", "Request Reprint &
/// Licensing"): measured on the label pages.
fn is_legal_link(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "personal information",
        "privacy",
        "cookie",
        "terms of",
        "reprint",
        "accessibility",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// The call to action among a leaf's links.
fn call_to_action(doc: &Document, leaf: &Leaf) -> Option<String> {
    leaf.links.iter().find_map(|&a| {
        let text = doc.text_content(a);
        let text = text.trim();
        cues::call_to_action()
            .is_match(text)
            .then(|| text.to_string())
    })
}

/// Promotional phrases in a leaf: the strong ones, and the weak words
/// ("shop", "subscribe") that only count alongside other evidence.
fn promo_phrases(text: &str) -> (Vec<String>, Vec<String>) {
    let find_all = |cue: &cues::Cue| {
        let mut out: Vec<String> = Vec::new();
        let mut rest = text;
        while let Some(m) = cue.find(rest) {
            out.push(m.to_string());
            let end = rest.find(m).map(|i| i + m.len()).unwrap_or(rest.len());
            rest = &rest[end..];
        }
        out
    };
    (find_all(cues::promo_text()), find_all(cues::promo_weak()))
}

/// Share of `b`'s words found in `a` (Readability's `textSimilarity`).
fn similarity(a: &str, b: &str) -> f64 {
    let tok = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (ta, tb) = (tok(a), tok(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let shared = tb.iter().filter(|w| ta.contains(w)).count();
    shared as f64 / tb.len() as f64
}

/// Leaf-level verdicts for leaves outside boxes.
fn classify_leaves(ctx: &Ctx, verdicts: &mut [Option<Verdict>], hints: &Hints) {
    let (title, byline) = (hints.title, hints.byline);
    let doc = ctx.doc;
    let region_start = ctx
        .leaves
        .iter()
        .position(|l| ctx.in_region[l.owner])
        .unwrap_or(ctx.leaves.len());
    let region_end = ctx
        .leaves
        .iter()
        .rposition(|l| ctx.in_region[l.owner])
        .unwrap_or(0);
    let headline = find_headline(ctx, title, verdicts);
    // A lead-in governs the link lines after it.
    let mut lead_in: Option<(Kind, String, NodeId)> = None;
    for (i, leaf) in ctx.leaves.iter().enumerate() {
        let ld = leaf.link_density();
        if let Some(boxed) = &verdicts[i] {
            // Inside chrome or a link widget, a line can still announce
            // something more specific.
            match boxed.kind {
                Kind::Boilerplate | Kind::Related => {
                    if let Some(v) = override_in_box(leaf, boxed.kind) {
                        let ad_label = v
                            .reasons
                            .first()
                            .is_some_and(|r| r.code == ReasonCode::AdLabel);
                        if v.kind == Kind::Related || ad_label {
                            lead_in = Some((v.kind, leaf.text.clone(), leaf.owner));
                        } else {
                            lead_in = None;
                        }
                        verdicts[i] = Some(v);
                        continue;
                    }
                    if boxed.kind == Kind::Boilerplate && !ctx.in_region[leaf.owner] {
                        if let Some(v) = headline_in_chrome(doc, leaf, boxed.unit) {
                            verdicts[i] = Some(v);
                            continue;
                        }
                    }
                    if let Some((kind, heading, unit)) = &lead_in {
                        // An ad label also claims the vendor line of a
                        // slot that only its shape made a link list.
                        let shaped = boxed
                            .reasons
                            .first()
                            .is_some_and(|r| WEAK_CHROME.contains(&r.code));
                        let claims =
                            boxed.kind == Kind::Boilerplate || (*kind == Kind::Promo && shaped);
                        if claims && governs(*kind, leaf, ctx.in_region[leaf.owner]) {
                            let mut v = Verdict::new(
                                *kind,
                                SUGGESTED,
                                Reason::new(
                                    ReasonCode::GovernedByHeading,
                                    format!("under heading '{heading}'"),
                                )
                                .quoting_words(heading),
                            );
                            v.unit = Some(*unit);
                            verdicts[i] = Some(v);
                            continue;
                        }
                    }
                }
                Kind::Content | Kind::Promo => {}
            }
            lead_in = None;
            continue;
        }
        let inside = ctx.in_region[leaf.owner];
        if let Some((kind, heading, unit)) = &lead_in {
            // In the body an ad label claims only lines of its own slot.
            if governs(*kind, leaf, inside) && !(*kind == Kind::Promo && inside) {
                let mut v = Verdict::new(
                    *kind,
                    NAMED,
                    Reason::new(
                        ReasonCode::GovernedByHeading,
                        format!("under heading '{heading}'"),
                    )
                    .quoting_words(heading),
                );
                v.unit = Some(*unit);
                verdicts[i] = Some(v);
                continue;
            }
            lead_in = None;
        }
        if Some(i) == headline {
            let mut v = Verdict::new(
                Kind::Content,
                DECLARED,
                Reason::new(ReasonCode::Headline, "the article's headline"),
            );
            v.not_body = true;
            verdicts[i] = Some(v);
            continue;
        }
        if cues::ad_label().is_match(&leaf.text) {
            verdicts[i] = Some(Verdict::new(
                Kind::Promo,
                SURE,
                Reason::new(ReasonCode::AdLabel, format!("label '{}'", leaf.text))
                    .quoting_words(&leaf.text),
            ));
            // Outside the body, the links under an ad label ("Paid
            // Partner") are the ad's; a label after a headline ("InnoGames
            // Sponsored") marks its own card only.
            let after_headline = doc
                .ancestors(leaf.owner)
                .find(|&a| ctx.stats.of(a).leaves >= 2)
                .is_some_and(|a| {
                    (ctx.first_leaf[a]..i)
                        .any(|j| leaf_link_length(doc, &ctx.leaves[j]).0 >= HEADLINE_WORDS)
                });
            if !after_headline {
                lead_in = Some((Kind::Promo, leaf.text.clone(), leaf.owner));
            }
            continue;
        }
        if leaf.chars <= MAX_LEAD_IN_CHARS
            && (is_heading_like(doc, leaf) || !inside)
            && cues::related_heading().is_match(&leaf.text)
        {
            let mut v = Verdict::new(
                Kind::Related,
                STRONG,
                Reason::new(
                    ReasonCode::HeadingRelated,
                    format!("heading '{}'", leaf.text),
                )
                .quoting_words(&leaf.text),
            );
            v.unit = Some(leaf.owner);
            verdicts[i] = Some(v);
            lead_in = Some((Kind::Related, leaf.text.clone(), leaf.owner));
            continue;
        }
        // "READ MORE: Other headline" inline.
        if ld >= LINK_LIST_DENSITY && is_inline_related(&leaf.text) {
            verdicts[i] = Some(Verdict::new(
                Kind::Related,
                NAMED,
                Reason::new(
                    ReasonCode::InlineRelated,
                    format!(
                        "lead-in '{}'",
                        leaf.text.chars().take(40).collect::<String>()
                    ),
                )
                .quoting_words(leaf.text.chars().take(40).collect::<String>()),
            ));
            continue;
        }
        if leaf.chars <= MAX_FURNITURE_CHARS {
            if let Some(m) = cues::boilerplate_text().find(&leaf.text) {
                verdicts[i] = Some(Verdict::new(
                    Kind::Boilerplate,
                    LINE_CUE,
                    Reason::new(ReasonCode::Furniture, format!("page furniture '{m}'"))
                        .quoting_words(m),
                ));
                continue;
            }
        }
        let (strong, weak) = promo_phrases(&leaf.text);
        let cta = call_to_action(doc, leaf);
        // A call to action alone is not enough (product pages say "Learn
        // more" about themselves); it counts towards a promotional section.
        // Outside the body one phrase is enough: it is not article text.
        let is_promo = if inside {
            strong.len() >= 2
                || (strong.len() == 1 && (leaf.chars <= SHORT_PROMO_CHARS || !weak.is_empty()))
        } else {
            !strong.is_empty() || !weak.is_empty()
        };
        if is_promo {
            let phrases: Vec<&String> = strong.iter().chain(&weak).collect();
            let mut reasons: Vec<Reason> = phrases
                .iter()
                .map(|p| {
                    Reason::new(ReasonCode::PromoPhrase, format!("promotional phrase '{p}'"))
                        .quoting_words(p.as_str())
                })
                .collect();
            if let Some(c) = &cta {
                reasons.push(
                    Reason::new(ReasonCode::CallToAction, format!("call to action '{c}'"))
                        .quoting_words(c.as_str()),
                );
            }
            let conf = (SHAPE + PER_PROMO_CUE * reasons.len() as f32).min(SURE);
            verdicts[i] = Some(Verdict {
                kind: Kind::Promo,
                confidence: conf,
                reasons,
                unit: None,
                not_body: false,
                lead: false,
            });
            continue;
        }
        if leaf.chars <= MAX_CREDIT_CHARS {
            if let Some(m) = credit_only(&leaf.text) {
                verdicts[i] = Some(Verdict::new(
                    Kind::Boilerplate,
                    LINE_CUE,
                    Reason::new(ReasonCode::Credit, format!("credit line '{}'", m.trim()))
                        .quoting_words(m.trim()),
                ));
                continue;
            }
        }
        if is_date_line(&leaf.text) || byline.is_some_and(|b| is_byline_line(&leaf.text, b)) {
            let mut v = Verdict::new(
                Kind::Content,
                LINE_CUE,
                Reason::new(ReasonCode::Dateline, "byline or date line"),
            );
            v.not_body = true;
            verdicts[i] = Some(v);
            continue;
        }
        if ld >= POST_NAV_LINK_DENSITY && is_post_navigation(&leaf.text) {
            let mut v = Verdict::new(
                Kind::Related,
                LINE_CUE,
                Reason::new(
                    ReasonCode::PostNavigation,
                    "link to the previous or next article",
                ),
            );
            v.unit = doc.parent(leaf.owner);
            verdicts[i] = Some(v);
            continue;
        }
        if inside {
            let heading = matches!(doc.tag(leaf.owner), Some("h1" | "h2"));
            let dup =
                heading && title.is_some_and(|t| similarity(t, &leaf.text) > TITLE_SIMILARITY);
            let mut v = Verdict::new(
                Kind::Content,
                (SURE - LINK_DENSITY_DOUBT * ld as f32).max(NO_SIGNAL),
                Reason::new(
                    ReasonCode::ArticleBody,
                    format!("in the article body, link density {ld:.2}"),
                ),
            );
            v.not_body = dup;
            verdicts[i] = Some(v);
            continue;
        }
        // Outside the body: the article header, link lists, chrome.
        if let Some(h) = headline {
            if i > h
                && i < region_start
                && i - h <= MAX_HEADER_LEAVES
                && leaf.chars <= MAX_HEADER_CHARS
                && ld < LINK_LIST_DENSITY
            {
                let mut v = Verdict::new(
                    Kind::Content,
                    SHAPE,
                    Reason::new(
                        ReasonCode::ArticleHeader,
                        "between the headline and the body",
                    ),
                );
                // Captions of the lead picture are not the standfirst.
                v.lead = leaf.chars >= MIN_LEAD_CHARS
                    && leaf.whole_owner
                    && !is_caption(ctx, leaf.owner)
                    && credit_only(&leaf.text).is_none();
                verdicts[i] = Some(v);
                continue;
            }
        }
        if ld >= LINK_LIST_DENSITY {
            if let Some(c) = cta.filter(|_| leaf.chars <= MAX_LEAD_IN_CHARS) {
                verdicts[i] = Some(Verdict::new(
                    Kind::Promo,
                    LINE_CUE,
                    Reason::new(ReasonCode::CallToAction, format!("call to action '{c}'"))
                        .quoting_words(c.as_str()),
                ));
                continue;
            }
            let (words, chars) = leaf_link_length(doc, leaf);
            let (kind, conf) = if words >= HEADLINE_WORDS || chars >= HEADLINE_CHARS {
                (Kind::Related, SHAPE)
            } else {
                (Kind::Boilerplate, SHAPE)
            };
            let mut v = Verdict::new(
                kind,
                conf,
                Reason::new(
                    ReasonCode::LinkList,
                    format!("link density {ld:.2}, {words:.1} words per link"),
                ),
            );
            v.unit = doc.parent(leaf.owner);
            verdicts[i] = Some(v);
            continue;
        }
        // Prose between two parts of the body (a module the body's
        // container did not hold) is the story too.
        if i > region_start && i < region_end && leaf.is_prose() {
            let mut v = Verdict::new(
                Kind::Content,
                SHAPE,
                Reason::new(
                    ReasonCode::BetweenBodyParts,
                    "prose between parts of the article body",
                ),
            );
            v.lead = leaf.whole_owner && !is_caption(ctx, leaf.owner);
            verdicts[i] = Some(v);
            continue;
        }
        verdicts[i] = Some(Verdict::new(
            Kind::Boilerplate,
            SHAPE,
            Reason::new(ReasonCode::OutsideBody, "outside the article body"),
        ));
    }
}

/// Whether a lead-in of `kind` governs a leaf: link lines do; in the body,
/// an ad label governs only short ones (the slot's vendor line), never a
/// paragraph.
fn governs(kind: Kind, leaf: &Leaf, inside: bool) -> bool {
    leaf.link_density() >= LINK_LIST_DENSITY
        && (kind != Kind::Promo || !inside || leaf.chars <= MAX_LEAD_IN_CHARS)
}

/// The leaf holding the article's headline: an `<h1>` (or heading) that
/// matches the title, else the first `<h1>` before the body.
fn find_headline(ctx: &Ctx, title: Option<&str>, verdicts: &[Option<Verdict>]) -> Option<usize> {
    let doc = ctx.doc;
    let is_heading = |l: &Leaf| matches!(doc.tag(l.owner), Some("h1" | "h2" | "h3"));
    if let Some(t) = title {
        let best = ctx
            .leaves
            .iter()
            .enumerate()
            .filter(|(i, l)| verdicts[*i].is_none() && is_heading(l))
            .map(|(i, l)| (i, similarity(t, &l.text)))
            .filter(|&(_, s)| s > TITLE_SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((i, _)) = best {
            return Some(i);
        }
    }
    if let Some(i) = ctx
        .leaves
        .iter()
        .enumerate()
        .find(|(i, l)| verdicts[*i].is_none() && doc.is(l.owner, "h1"))
        .map(|(i, _)| i)
    {
        return Some(i);
    }
    // No h1: the last heading shortly before the body.
    let start = ctx.leaves.iter().position(|l| ctx.in_region[l.owner])?;
    (start.saturating_sub(MAX_HEADER_LEAVES)..start)
        .rev()
        .find(|&i| verdicts[i].is_none() && is_heading(&ctx.leaves[i]))
}

/// Reason codes of chrome guessed from shape or place alone (Readability's
/// conditional cleaning, "outside the body"), which an article part's own
/// signs outweigh; landmarks and named widgets are not among them.
const WEAK_CHROME: &[ReasonCode] = &[
    ReasonCode::FormBox,
    ReasonCode::ImageBox,
    ReasonCode::ShortBox,
    ReasonCode::ListBox,
    ReasonCode::EmbedBox,
    ReasonCode::LinkDensity,
    ReasonCode::ClassNegative,
    ReasonCode::OutsideBody,
    ReasonCode::LinkList,
    ReasonCode::Unclassified,
];

/// Whether a verdict is chrome on shape or place alone.
fn weak_chrome(v: &Verdict) -> bool {
    v.kind == Kind::Boilerplate
        && v.reasons
            .first()
            .is_some_and(|r| WEAK_CHROME.contains(&r.code))
}

/// Article parts that the body's cleaning leaves out but a reader reads as
/// the article: the headline and the header box around it (byline, date,
/// standfirst), and figure captions in or beside the body. They become
/// content outside the article text (`headline`), so the article itself
/// does not change.
fn article_furniture(ctx: &Ctx, verdicts: &mut [Verdict], title: Option<&str>) {
    let doc = ctx.doc;
    // Both ways: a byline's words are all in "Headline - Author - Site"
    // too, but they cover little of it.
    let similar = |text: &str| {
        title.is_some_and(|t| {
            similarity(t, text) > TITLE_SIMILARITY && similarity(text, t) >= MIN_TITLE_COVERAGE
        })
    };
    let has_headline = ctx
        .leaves
        .iter()
        .zip(verdicts.iter())
        .any(|(l, v)| v.not_body && v.kind == Kind::Content && similar(&l.text));
    if !has_headline {
        let found = (0..ctx.leaves.len()).find(|&i| {
            let l = &ctx.leaves[i];
            weak_chrome(&verdicts[i])
                && l.chars <= MAX_HEADER_CHARS
                && l.link_density() < LINK_LIST_DENSITY
                && similar(&l.text)
        });
        if let Some(h) = found {
            let mut v = Verdict::new(
                Kind::Content,
                LINE_CUE,
                Reason::new(ReasonCode::Headline, "the article's headline"),
            );
            v.not_body = true;
            // The box the cleaning removed around it is the article's header.
            let header = verdicts[h]
                .unit
                .filter(|&u| ctx.stats.of(u).chars <= MAX_HEADER_BOX_CHARS);
            verdicts[h] = v;
            if let Some(u) = header {
                let first = ctx.first_leaf[u];
                let count = ctx.stats.of(u).leaves;
                for j in first..(first + count).min(verdicts.len()) {
                    let l = &ctx.leaves[j];
                    if weak_chrome(&verdicts[j])
                        && l.link_density() < LINK_LIST_DENSITY
                        && !cues::boilerplate_text().is_match(&l.text)
                        && promo_phrases(&l.text).0.is_empty()
                    {
                        let mut v = Verdict::new(
                            Kind::Content,
                            SHAPE,
                            Reason::new(ReasonCode::ArticleHeader, "in the headline's box"),
                        );
                        v.not_body = true;
                        verdicts[j] = v;
                    }
                }
            }
        }
    }
    // Captions: in the body, or in the container the body sits in.
    let container = doc.parent(ctx.region.top).unwrap_or(ctx.region.top);
    for (i, l) in ctx.leaves.iter().enumerate() {
        if !weak_chrome(&verdicts[i])
            || !ctx.stats.contains(container, l.owner)
            || !is_caption(ctx, l.owner)
        {
            continue;
        }
        let mut v = Verdict::new(
            Kind::Content,
            SHAPE,
            Reason::new(ReasonCode::Caption, "a figure's caption"),
        );
        v.not_body = true;
        verdicts[i] = v;
    }
}

/// Whether an element is a caption: a `<figcaption>`, text in a
/// `<figure>`, or named as a caption.
fn is_caption(ctx: &Ctx, id: NodeId) -> bool {
    let doc = ctx.doc;
    doc.is(id, "figcaption")
        || ctx.stats.within[id].figure
        || std::iter::once(id)
            .chain(doc.ancestors(id))
            .take(CAPTION_NAME_DEPTH)
            .any(|a| cues::caption_attr().is_match(&class_and_id(doc, a)))
}

/// A teaser card outside the body that carries an ad label ("InnoGames
/// Sponsored" under a headline in a recirculation stream) is an ad as a
/// whole: the card is the smallest element holding the label and other
/// text.
fn sponsored_items(ctx: &Ctx, verdicts: &mut [Verdict]) {
    let doc = ctx.doc;
    for i in 0..ctx.leaves.len() {
        let leaf = &ctx.leaves[i];
        if ctx.in_region[leaf.owner] || !cues::ad_label().is_match(&leaf.text) {
            continue;
        }
        let Some(card) = std::iter::once(leaf.owner)
            .chain(doc.ancestors(leaf.owner))
            .take_while(|&a| {
                ctx.stats.of(a).chars <= MAX_AD_CARD_CHARS && !ctx.stats.contains(a, ctx.region.top)
            })
            .find(|&a| ctx.stats.of(a).leaves >= 2)
        else {
            continue;
        };
        let first = ctx.first_leaf[card];
        let count = ctx.stats.of(card).leaves;
        for j in first..(first + count).min(verdicts.len()) {
            if verdicts[j].kind == Kind::Content {
                continue;
            }
            if verdicts[j].kind != Kind::Promo {
                verdicts[j] = Verdict::new(
                    Kind::Promo,
                    LINE_CUE,
                    Reason::new(
                        ReasonCode::SponsoredCard,
                        format!("card labelled '{}'", leaf.text),
                    )
                    .quoting_words(&leaf.text),
                );
            }
            verdicts[j].unit = Some(card);
        }
    }
}

/// The rank of heading-like lines that are not heading elements.
const OTHER_HEADING_RANK: u8 = 7;

/// Rank of a heading-like line: `<h1>`..`<h6>` by level, any other
/// heading-like line (a bold line, a label ending in a colon) below them.
fn heading_rank(doc: &Document, leaf: &Leaf) -> u8 {
    match doc.tag(leaf.owner) {
        Some("h1") => 1,
        Some("h2") => 2,
        Some("h3") => 3,
        Some("h4") => 4,
        Some("h5") => 5,
        Some("h6") => 6,
        _ => OTHER_HEADING_RANK,
    }
}

/// Labels ending in a colon are at most this long ("More topics:",
/// "Authors:"); a longer line ending in one is a sentence leading into a
/// quote or a video, and part of the prose.
const MAX_LABEL_CHARS: usize = 40;

/// Whether a line heads a section: a heading element, or a short label
/// ending in a colon. A bold line is not enough: articles set their
/// closing line or an author line in bold.
fn is_section_heading(doc: &Document, leaf: &Leaf) -> bool {
    // A heading element written as a sentence is a pull quote.
    let sentence = leaf.text.ends_with(['.', '。']);
    (heading_rank(doc, leaf) < OTHER_HEADING_RANK && !sentence)
        || (leaf.chars <= MAX_LABEL_CHARS && leaf.text.ends_with(':'))
}

/// A heading in the body whose section holds no article text, only what
/// was taken out (a list of teasers, a share bar, a gallery, the author
/// line) introduces that and goes with it: "More on this topic" above a
/// removed list of links is not the story. The section runs to the next
/// heading of the same or a higher rank, or to the end of the body.
fn dangling_headings(ctx: &Ctx, verdicts: &mut [Verdict]) {
    let doc = ctx.doc;
    let is_text = |v: &Verdict| v.kind == Kind::Content && !v.not_body;
    let Some(region_end) = ctx.leaves.iter().rposition(|l| ctx.in_region[l.owner]) else {
        return;
    };
    for i in 0..=region_end {
        let leaf = &ctx.leaves[i];
        if !ctx.in_region[leaf.owner] || !is_text(&verdicts[i]) || !is_section_heading(doc, leaf) {
            continue;
        }
        let rank = heading_rank(doc, leaf);
        // The first thing taken out of the section, which the heading joins.
        let mut first_out: Option<usize> = None;
        let mut has_text = false;
        let mut closed = false;
        for (j, (l, v)) in ctx.leaves[..=region_end]
            .iter()
            .zip(verdicts.iter())
            .enumerate()
            .skip(i + 1)
        {
            let heading = is_section_heading(doc, l);
            if ctx.in_region[l.owner] && v.kind == Kind::Content {
                // A heading of the same or a higher rank closes the
                // section (the headline too: a kicker above it is not
                // dangling).
                let headline = v
                    .reasons
                    .first()
                    .is_some_and(|r| r.code == ReasonCode::Headline);
                if heading && heading_rank(doc, l) <= rank && (!v.not_body || headline) {
                    closed = true;
                    break;
                }
                if !v.not_body && !heading {
                    has_text = true;
                    break;
                }
                // A sub-heading: its section is part of this one.
                if !v.not_body {
                    continue;
                }
            }
            first_out.get_or_insert(j);
        }
        if has_text {
            continue;
        }
        // The body's last words: what they introduce is outside it, unless
        // that is prose the body's container missed.
        let j = match first_out {
            Some(j) => j,
            None if !closed
                && ctx
                    .leaves
                    .get(region_end + 1)
                    .is_some_and(|next| !next.is_prose()) =>
            {
                region_end + 1
            }
            None => continue,
        };
        let mut v = verdicts[j].clone();
        v.confidence = v.confidence.min(SHAPE);
        v.reasons.truncate(1);
        v.reasons.push(
            Reason::new(
                ReasonCode::DanglingHeading,
                format!("heading over no article text '{}'", leaf.text),
            )
            .quoting_words(&leaf.text),
        );
        v.lead = false;
        verdicts[i] = v;
    }
}

/// Marks trailing sections of the body that carry several promotional cues.
fn promo_sections(ctx: &Ctx, verdicts: &mut [Verdict]) {
    let doc = ctx.doc;
    let body_leaves: Vec<usize> = (0..ctx.leaves.len())
        .filter(|&i| ctx.in_region[ctx.leaves[i].owner] && verdicts[i].unit.is_none())
        .collect();
    // Section starts: after an <hr>, or at a heading.
    let hr_positions: Vec<usize> = ctx
        .stats
        .order
        .iter()
        .filter(|&&n| ctx.in_region[n] && doc.is(n, "hr"))
        .map(|&n| ctx.stats.position[n])
        .collect();
    let mut sections: Vec<Vec<usize>> = Vec::new();
    let mut prev_pos = 0usize;
    for &i in &body_leaves {
        let leaf = &ctx.leaves[i];
        let pos = ctx.stats.position[leaf.owner];
        let after_hr = hr_positions.iter().any(|&h| h > prev_pos && h < pos);
        let heading = matches!(doc.tag(leaf.owner), Some("h2" | "h3" | "h4" | "h5" | "h6"));
        if sections.is_empty() || after_hr || heading {
            sections.push(Vec::new());
        }
        if let Some(s) = sections.last_mut() {
            s.push(i);
        }
        prev_pos = pos;
    }
    let body_chars: usize = body_leaves.iter().map(|&i| ctx.leaves[i].chars).sum();
    let mut chars_before = 0usize;
    for (n, section) in sections.iter().enumerate() {
        let section_chars: usize = section.iter().map(|&i| ctx.leaves[i].chars).sum();
        let starts_at = chars_before;
        chars_before += section_chars;
        // Promotional copy follows the story: the first section and those
        // in the story's first half are the story.
        if n == 0 || (starts_at as f64) < TRAILING_SECTION_SHARE * body_chars as f64 {
            continue;
        }
        let cues_found: Vec<Reason> = section
            .iter()
            .filter_map(|&i| {
                let leaf = &ctx.leaves[i];
                // An ad slot's label says where an ad sits, not that the
                // copy around it sells.
                if verdicts[i].kind == Kind::Promo
                    && verdicts[i]
                        .reasons
                        .first()
                        .is_some_and(|r| r.code != ReasonCode::AdLabel)
                {
                    return verdicts[i].reasons.first().cloned();
                }
                if let Some(p) = promo_phrases(&leaf.text).0.into_iter().next() {
                    return Some(
                        Reason::new(ReasonCode::PromoPhrase, format!("promotional phrase '{p}'"))
                            .quoting_words(p.as_str()),
                    );
                }
                call_to_action(doc, leaf).map(|c| {
                    Reason::new(ReasonCode::CallToAction, format!("call to action '{c}'"))
                        .quoting_words(c.as_str())
                })
            })
            .collect();
        if cues_found.len() < SECTION_PROMO_CUES
            || (cues_found.len() as f64) < MIN_SECTION_CUE_SHARE * section.len() as f64
        {
            continue;
        }
        let unit = section.first().map(|&i| ctx.leaves[i].owner);
        for &i in section {
            if verdicts[i].kind == Kind::Content {
                let mut reasons = vec![Reason::new(
                    ReasonCode::PromoSection,
                    format!("section with {} promotional cues", cues_found.len()),
                )];
                reasons.extend(cues_found.iter().take(2).cloned());
                verdicts[i] = Verdict {
                    kind: Kind::Promo,
                    confidence: SUGGESTED,
                    reasons,
                    unit,
                    not_body: false,
                    lead: false,
                };
            } else if verdicts[i].kind == Kind::Promo {
                verdicts[i].unit = unit;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_taxonomy_prefix_holds_a_dash() {
        // widget_names skips the prefix scan for tokens without a '-'.
        assert!(TAXONOMY_PREFIXES.iter().all(|p| p.contains('-')));
    }

    #[test]
    fn similarity_compares_words() {
        assert!(similarity("North Korea parade | WWIII", "North Korea parade") > 0.75);
        assert!(similarity("Something else", "North Korea parade") < 0.1);
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
    fn promo_phrases_are_all_found() {
        let (strong, weak) = promo_phrases(
            "Visit WWIII.news for more stories about X. Watch this video now. Subscribe!",
        );
        assert_eq!(strong.len(), 3, "{strong:?}");
        assert_eq!(weak, vec!["Subscribe"]);
    }
}
