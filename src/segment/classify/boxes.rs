//! Container verdicts: boxes (landmarks, roles, class/id names, governing
//! headings, Readability's conditional cleaning) and the widgets they hold.

use super::*;
use crate::needles::Needles;
use crate::segment::body::is_content_form;
use crate::tag_sets;

pub(super) type BoxEntry = (NodeId, Kind, Reason, f32);

/// The innermost box holding each node, as an index into the boxes: 4
/// bytes a node, where `Option<usize>` took 16 (32 MB of the 1000x1000
/// table's peak; issue 15).
pub(super) struct BoxOf(Vec<u32>);

impl BoxOf {
    /// What a node outside every box holds.
    const NONE: u32 = u32::MAX;

    /// The innermost box holding `id`.
    pub(super) fn get(&self, id: NodeId) -> Option<usize> {
        match self.0[id] {
            BoxOf::NONE => None,
            b => Some(b as usize),
        }
    }

    fn set(&mut self, id: NodeId, b: Option<usize>) {
        // At most one box per element: the count fits as node ids do.
        self.0[id] = b.map_or(BoxOf::NONE, |b| b as u32);
    }
}

/// Finds boxes top-down; a box's descendants are not examined again.
pub(super) fn find_boxes(ctx: &Ctx, flags: Flags) -> (Vec<BoxEntry>, BoxOf) {
    let doc = ctx.doc;
    let mut boxes: Vec<BoxEntry> = Vec::new();
    let mut box_of = BoxOf(vec![BoxOf::NONE; doc.len()]);
    let top = ctx.region.top;
    for &id in &ctx.stats.order {
        let outer = doc.parent(id).and_then(|p| box_of.get(p));
        box_of.set(id, outer);
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
            box_of.set(id, Some(boxes.len()));
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
        "form" if !is_content_form(doc, ctx.stats, id) => return Some(form_kind(ctx, id)),
        _ => {}
    }
    if !role.is_empty() && cues::chrome_role(role) {
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
pub(super) fn widget_names(doc: &Document, id: NodeId) -> String {
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
        if crate::names::is_utility_class(token) || name_words(token) >= SLUG_WORDS {
            continue;
        }
        if !names.is_empty() {
            names.push(' ');
        }
        names.push_str(token);
    }
    names
}

/// Words of a class or id token, one per separator (`-`, `_`), after a
/// CSS-module hash suffix (`Newsletter_box___x7Yz3`, three underscores) is
/// cut off: with it, such names passed for slugs and were dropped (issue
/// 13, cause 5). BEM names are still counted one word per separator:
/// reading `block__elem--mod` as three words made `TestReport__Section--Ads`
/// a promo box around a test's conclusion and cost trafilatura's corpus
/// two snippets and WCXB collection pages 0.007 word F1.
pub(super) fn name_words(token: &str) -> usize {
    // Bytes, not `split("___")`: a substring searcher set up per token was
    // a fifth of `widget_names` (perf, trafilatura corpus).
    let b = token.as_bytes();
    let name = b
        .windows(3)
        .position(|w| w == b"___")
        .map_or(b, |cut| &b[..cut]);
    1 + name.iter().filter(|&&b| b == b'-' || b == b'_').count()
}

/// Widget names and aria label of an element, without allocating for the
/// many elements that have neither.
pub(super) fn widget_attrs(doc: &Document, id: NodeId) -> String {
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
    // The outermost element of a review widget (see `reviews.rs`).
    let in_reviews = |n: NodeId| ctx.reviews.get(n) == Some(&true);
    if in_reviews(id) && !doc.parent(id).is_some_and(in_reviews) {
        if let Some(m) = reviews::name(doc, id) {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::ClassChrome, format!("class/id '{m}'")).quoting_markup(m),
                SUGGESTED,
            ));
        }
    }
    if let Some(c) = ctx.attr.get(id).filter(|_| small_enough) {
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
        if let Some(m) = c
            .chrome
            .as_ref()
            .filter(|m| !(names_links(m) && is_prose_without_links(ctx, id)))
        {
            return Some((
                Kind::Boilerplate,
                Reason::new(ReasonCode::ClassChrome, format!("class/id '{m}'"))
                    .quoting_markup(&**m),
                SUGGESTED,
            ));
        }
    }
    if doc.is(id, "form") && !is_content_form(doc, ctx.stats, id) {
        return Some(form_kind(ctx, id));
    }
    headed_widget(ctx, id)
}

/// A box whose class says promo but which holds only headline links to
/// stories, with no advertising evidence (see `evidence.rs`): related.
fn editorial_teaser(ctx: &Ctx, id: NodeId, class: &str) -> Option<(Kind, Reason, f32)> {
    evidence::editorial_teaser(ctx.doc, ctx.stats, ctx.leaves, ctx.first_leaf.at(id), id).then(
        || {
            (
                Kind::Related,
                Reason::new(
                    ReasonCode::EditorialTeaser,
                    format!("class/id '{class}', but headline links and no advertising evidence"),
                )
                .quoting_markup(class),
                LINE_CUE,
            )
        },
    )
}

/// A widget (aside, complementary) by what it holds.
fn widget_kind(ctx: &Ctx, id: NodeId, what: &str) -> (Kind, Reason, f32) {
    let t = ctx.stats.of(id);
    let heading = first_leaf_text(ctx, id).unwrap_or("");
    let named = ctx.attr.get(id);
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
    if let Some(v) = selling_widget(ctx, id, what) {
        return v;
    }
    let related_name = named.and_then(|c| c.related.as_deref());
    if related_name.is_some()
        || cues::related_heading().is_match(heading)
        || t.link_density() > LINK_LIST_DENSITY
    {
        let reason = Reason::new(
            ReasonCode::Landmark,
            format!(
                "{what} of links, link density {}",
                crate::fixed::fixed(t.link_density(), 2)
            ),
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

/// Pieces of selling evidence that make a small sidebar widget promo.
const MIN_SELLING_CUES: usize = 2;
/// A sidebar widget is small; a bigger one is a column of several things.
const MAX_SELLING_WIDGET_CHARS: usize = 1500;

/// A small aside that sells (issue 13, cause 4: a plugin upsell "Enhance
/// your site's SEO for free ... Join 13M+ users ... Get started", a "Get a
/// free guide" form went to chrome as a bare aside): at least two of its
/// lines carry a promotional phrase or a call to action, or one does and
/// it asks for an e-mail address.
fn selling_widget(ctx: &Ctx, id: NodeId, what: &str) -> Option<(Kind, Reason, f32)> {
    let t = ctx.stats.of(id);
    if t.chars > MAX_SELLING_WIDGET_CHARS {
        return None;
    }
    let mut first: Option<String> = None;
    let mut cues_found = 0;
    let mut headlines = 0;
    for leaf in ctx.leaves.iter().skip(ctx.first_leaf.at(id)).take(t.leaves) {
        // A column of headline links is recirculation, whatever sign-up
        // line sits beside them (SiliconANGLE's "Latest from theCUBE").
        if leaf_link_length(ctx.doc, leaf).0 >= HEADLINE_WORDS {
            headlines += 1;
            if headlines >= MIN_SELLING_CUES {
                return None;
            }
        }
        // "Read more" under each teaser is no selling.
        let found = first_strong_phrase(&leaf.text).or_else(|| {
            call_to_action(ctx.doc, leaf).filter(|c| {
                !cues::related_lead_in().is_match(&format!("{c}:"))
                    && !c.to_lowercase().ends_with("more")
            })
        });
        if let Some(f) = found {
            cues_found += 1;
            first.get_or_insert(f);
        }
    }
    let email = ctx.doc.descendants(id).any(|d| {
        ctx.doc.is(d, "input")
            && ctx
                .doc
                .attr(d, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
    });
    if cues_found + usize::from(email) < MIN_SELLING_CUES || cues_found == 0 {
        return None;
    }
    let quote = first?;
    Some((
        Kind::Promo,
        Reason::new(
            ReasonCode::PromoPhrase,
            format!("{what} with promotional phrase '{quote}'"),
        )
        .quoting_words(quote),
        SUGGESTED,
    ))
}

/// Whether `id` holds a large share of the article body's prose.
fn holds_most_prose(ctx: &Ctx, id: NodeId) -> bool {
    ctx.region_prose > 0
        && ctx.stats.of(id).prose_chars as f64 >= MAX_BOX_SHARE_OF_BODY * ctx.region_prose as f64
}

/// Whether a sidebar stacks several widgets, each to be judged on its own.
/// A widget's own heading is not a second widget: counted as one, every
/// headed sidebar widget passed for a stack and none was judged (wcxb-0461's
/// reader-support pitch and post list reached the article once its body
/// was kept uncleaned).
fn holds_widgets(ctx: &Ctx, id: NodeId) -> bool {
    ctx.doc
        .element_children(id)
        .filter(|&c| ctx.stats.of(c).chars > 0 && !ctx.doc.tag(c).is_some_and(tag_sets::heading))
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
    if ctx.attr.get(id).is_some_and(|c| c.promo.is_some())
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
    let start = ctx.first_leaf.at(id);
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
    let i = ctx.first_leaf.at(id);
    ctx.leaves.get(i).map(|l| &*l.text)
}

/// Whether a leaf is set as a heading: a heading element, or a short line
/// all in bold.
pub(super) fn is_heading_like(doc: &Document, leaf: &Leaf) -> bool {
    let tag = doc.tag(leaf.owner).unwrap_or("");
    tag_sets::heading_like(tag)
        || ((leaf.chars as usize) <= MAX_LEAD_IN_CHARS
            && leaf.bold_chars as usize * 10 >= leaf.chars as usize * 9)
        || ((leaf.chars as usize) <= MAX_LEAD_IN_CHARS && leaf.text.ends_with(':'))
}

/// An element that starts with a heading such as "You may also like" and is
/// mostly links.
fn headed_widget(ctx: &Ctx, id: NodeId) -> Option<(Kind, Reason, f32)> {
    let leaf = ctx.leaves.get(ctx.first_leaf.at(id))?;
    let t = ctx.stats.of(id);
    if t.chars > MAX_WIDGET_CHARS
        || leaf.chars as usize > MAX_LEAD_IN_CHARS
        || !is_heading_like(ctx.doc, leaf)
    {
        return None;
    }
    let rest_chars = t.chars.saturating_sub(leaf.chars as usize);
    let rest_links = t.link_chars.saturating_sub(leaf.link_chars as usize);
    let rest_density = if rest_chars == 0 {
        0.0
    } else {
        rest_links as f64 / rest_chars as f64
    };
    if !single_heading(ctx, id) {
        return None;
    }
    // "More from our partners", "From our sponsors": a related-looking
    // heading that discloses a sponsor heads paid copy (issue 13, cause 2;
    // WCXB label pages: a partner box went to related).
    let headed_list = rest_density >= HEADED_LIST_DENSITY && rest_chars > 0;
    if let Some(m) = cues::promo_text()
        .find(&leaf.text)
        .filter(|_| headed_list && evidence::discloses(&leaf.text))
    {
        return Some((
            Kind::Promo,
            Reason::new(ReasonCode::PromoPhrase, format!("heading '{}'", leaf.text))
                .quoting_words(m),
            DECLARED,
        ));
    }
    if cues::related_heading().is_match(&leaf.text) && headed_list {
        return Some((
            Kind::Related,
            Reason::new(
                ReasonCode::HeadingRelated,
                format!("heading '{}'", leaf.text),
            )
            .quoting_words(&*leaf.text),
            DECLARED,
        ));
    }
    if cues::ad_label().is_match(&leaf.text) && !ctx.in_region[id] {
        return Some((
            Kind::Promo,
            Reason::new(ReasonCode::AdLabel, format!("label '{}'", leaf.text))
                .quoting_words(&*leaf.text),
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
            .quoting_words(&*leaf.text),
            NAMED,
        ));
    }
    None
}

/// Whether `id`'s first leaf is its only heading: a container that stacks
/// several headed widgets is not one widget.
fn single_heading(ctx: &Ctx, id: NodeId) -> bool {
    let first = ctx.first_leaf.at(id);
    let count = ctx.stats.of(id).leaves;
    ctx.leaves
        .iter()
        .skip(first.saturating_add(1))
        .take(count.saturating_sub(1))
        .all(|l| {
            !ctx.doc.tag(l.owner).is_some_and(tag_sets::heading)
                && !cues::ad_label().is_match(&l.text)
        })
}

/// Readability's conditional cleaning: link-, form- and image-heavy boxes
/// inside the article body go.
// Readability's conditions stay apart even where two give the same reason.
#[allow(clippy::if_same_then_else)]
pub(super) fn conditional(
    ctx: &Ctx,
    id: NodeId,
    tag: &str,
    flags: Flags,
) -> Option<(Kind, Reason, f32)> {
    if !tag_sets::readability_conditional(tag) {
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
    if weight + ctx.region.score(id) < 0.0 {
        return Some(shape_kind(
            ctx,
            id,
            Reason::new(
                ReasonCode::ClassNegative,
                format!("class weight {}", crate::fixed::fixed(weight, 0)),
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
            format!("link density {}", crate::fixed::fixed(ld, 2)),
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
    // A weak word ("shop", "subscribe") speaks for a small box, not for
    // a long one that mentions it in passing: a 3,400-character
    // maintenance checklist of a car magazine, classed "media", went as
    // promotion for "shop" (survey, wcxb-4184; labelled content).
    let weak = t.chars <= MAX_WEAK_PROMO_BOX_CHARS && cues::promo_weak().is_match(&text);
    if cues::promo_text().is_match(&text)
        || weak
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
pub(super) fn leaf_link_length(doc: &Document, leaf: &Leaf) -> (f64, f64) {
    if leaf.links.is_empty() {
        // A link that wraps block elements (`<a><h3>headline</h3><p>dek</p></a>`,
        // a teaser card) opened before this leaf did: a heading in it is
        // all link text, and its length is the link's (issue 13, cause 1:
        // such headlines measured "0.0 words per link" and went to chrome).
        // Only a heading: a link around a photo and its caption (a
        // lightbox) is no headline (aktualne in the Readability corpus).
        // A line that is all link text (a card's title in a `<p>` or
        // `<span>` inside the `<a>`) is measured the same way: the cards of
        // a "More diets" grid went to chrome as "0.0 words per link" (WCXB
        // label pages).
        let whole_link =
            leaf.link_chars as usize >= leaf.chars as usize && !in_figure(doc, leaf.owner);
        if leaf.link_chars as usize > 0 && (is_heading_like(doc, leaf) || whole_link) {
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

/// Whether `id` sits in a figure or is named a caption (a lightbox link
/// around a photo and its caption, `article__photo__desc` in Readability's
/// aktualne, is no headline).
fn in_figure(doc: &Document, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(doc.ancestors(id))
        .any(|a| matches!(doc.tag(a), Some("figure" | "figcaption")))
        || std::iter::once(id)
            .chain(doc.ancestors(id))
            .take(CAPTION_NAME_DEPTH)
            .any(|a| cues::caption_attr().is_match(&class_and_id(doc, a)))
}

/// Whether a chrome name names a widget of links (a menu, a navigation
/// bar, breadcrumbs), which a paragraph without links cannot be.
fn names_links(name: &str) -> bool {
    static WORDS: Needles = Needles::new(&[&["menu", "nav", "breadcrumb"]]);
    WORDS.in_text(&name.to_ascii_lowercase())
}

/// Whether `id` is a paragraph of the body's prose (or a phrasing element
/// in one) holding no link: a site's "share this quote" feature classes a
/// story's paragraphs `contextmenu`, and three paragraphs of a gardening
/// guide (WCXB dev, labels-wcxb) were taken for a menu. (An author's bio
/// in `<p class="author-bio">` is prose without links too, and stays
/// chrome: only names of link widgets give way.)
fn is_prose_without_links(ctx: &Ctx, id: NodeId) -> bool {
    if !ctx.doc.tag(id).is_some_and(tag_sets::running_text) {
        return false;
    }
    // A phrasing element's text is credited to the block that holds it.
    let Some(block) = std::iter::once(id)
        .chain(ctx.doc.ancestors(id))
        .find(|&a| ctx.stats.of(a).chars > 0)
    else {
        return false;
    };
    let t = ctx.stats.of(block);
    ctx.in_region[block] && t.links == 0 && t.prose_chars > 0 && t.prose_chars == t.chars
}
