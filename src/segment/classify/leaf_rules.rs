//! Per-leaf rules: line predicates (dates, credits, bylines, calls to
//! action), overrides inside boxes and the pass over leaves outside boxes.

use super::*;
use crate::needles::Needles;

/// A line that only gives a date or time ("23.10.2018", "Updated on July 7,
/// 2020 at 9:15"): what remains after removing date words and numbers is
/// nothing.
pub(super) fn is_date_line(text: &str) -> bool {
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
pub(super) fn credit_only(text: &str) -> Option<&str> {
    let m = cues::credit_line().find(text)?;
    let rest = cues::credit_line().remove_all(text);
    (rest.split_whitespace().count() <= MAX_CREDIT_REST_WORDS).then_some(m)
}

/// "← Previous story" / "Next story →": a link line framed by an arrow.
pub(super) fn is_post_navigation(text: &str) -> bool {
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

/// A line that ends by pointing at what follows ("You may also like...",
/// "Also:"): in the body, a plain paragraph like this heads the list after
/// it as a heading would (issue 13, cause 3; trafilatura corpus: 2 of its
/// `without` snippets left the article, nothing else moved on the corpora).
fn introduces(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':') || t.ends_with('…') || t.ends_with("...")
}

/// Fewest items of a list of headline links that ends the body.
const MIN_TAIL_LINKS: usize = 2;

/// The leaves that end the body as a list of headline links to other
/// articles of the site, with no lead-in (issue 13, cause 3): each a list
/// item that is one link of a headline's length to an article address.
/// WCXB dev split: 3 article pages up (by 0.01 to 0.05), none down; the
/// other corpora unchanged.
fn tail_links(
    ctx: &Ctx,
    region_start: usize,
    region_end: usize,
    page: Option<&url::Url>,
) -> std::ops::Range<usize> {
    if region_start > region_end || region_end >= ctx.leaves.len() {
        return 0..0;
    }
    let mut start = region_end + 1;
    while start > region_start {
        let leaf = &ctx.leaves[start - 1];
        if !ctx.in_region[leaf.owner] || !site_headline_item(ctx.doc, leaf, page) {
            break;
        }
        start -= 1;
    }
    if region_end + 1 - start >= MIN_TAIL_LINKS {
        start..region_end + 1
    } else {
        0..0
    }
}

/// A list item that is one link, of a headline's length, to an article
/// of the page's site.
fn site_headline_item(doc: &Document, leaf: &Leaf, page: Option<&url::Url>) -> bool {
    let &[a] = &leaf.links[..] else {
        return false;
    };
    let chars = leaf.chars as usize;
    doc.is(leaf.owner, "li")
        && (leaf.link_chars as usize) * 10 >= chars * 9
        && leaf.text.split_whitespace().count() as f64 >= HEADLINE_WORDS
        && doc.attr(a, "href").is_some_and(|href| {
            crate::address::same_site(href, page) == Some(true) && names_an_article(href)
        })
}

/// Whether a link's path names one article: a slug of three words or more
/// (`ferry-timetable-changes`) or a numeric id or date of four digits or
/// more, not a section (`/news/`) or the page itself (`#top`).
pub(super) fn names_an_article(href: &str) -> bool {
    let href = href.split(['?', '#']).next().unwrap_or("");
    // The path: after the host of an absolute or protocol-relative link.
    let path = match href.split_once("//") {
        Some((scheme, rest)) if scheme.is_empty() || scheme.ends_with(':') => {
            rest.find('/').map_or("", |j| &rest[j..])
        }
        _ => href,
    };
    path.split('/').any(|seg| {
        seg.split('-').filter(|w| !w.is_empty()).count() >= 3
            || (seg.len() >= 4 && seg.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A lead-in label with nothing after its colon ("More:", "Read also:"):
/// the links it introduces are on the lines after it.
fn is_bare_lead_in(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(':') && cues::related_lead_in().is_match(t)
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
                .quoting_words(&*leaf.text),
        ));
    }
    if let Some(p) = first_promo_phrase(&leaf.text) {
        return Some(Verdict::new(
            Kind::Promo,
            SUGGESTED,
            Reason::new(ReasonCode::PromoPhrase, format!("promotional phrase '{p}'"))
                .quoting_words(p),
        ));
    }
    if boxed == Kind::Boilerplate
        && (leaf.chars as usize) <= MAX_LEAD_IN_CHARS
        && cues::related_heading().is_match(&leaf.text)
    {
        return Some(related_heading(leaf, SUGGESTED));
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
        || leaf.chars as usize > MAX_FURNITURE_CHARS
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
            format!(
                "a headline link of {} words in chrome",
                crate::fixed::fixed(words, 0)
            ),
        ),
    );
    v.set_unit(unit);
    Some(v)
}

/// Footer links long enough to pass for headlines that are legal notices
/// ("Do Not Sell or Share My Personal Information", "Request Reprint &
/// Licensing"): measured on the label pages.
fn is_legal_link(text: &str) -> bool {
    static WORDS: Needles = Needles::new(&[&[
        "personal information",
        "privacy",
        "cookie",
        "terms of",
        "reprint",
        "accessibility",
    ]]);
    WORDS.in_text(&text.to_lowercase())
}

/// The call to action among a leaf's links.
pub(super) fn call_to_action(doc: &Document, leaf: &Leaf) -> Option<String> {
    leaf.links.iter().find_map(|&a| {
        let text = doc.text_content(a);
        let text = text.trim();
        cues::call_to_action()
            .is_match(text)
            .then(|| text.to_string())
    })
}

/// Hosts of social networks: a line linking only there is the site's
/// "follow us" row.
const SOCIAL_HOSTS: &[&str] = &[
    "facebook.com",
    "fb.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "youtube.com",
    "tiktok.com",
    "linkedin.com",
    "pinterest.com",
    "threads.net",
    "threads.com",
    "bsky.app",
    "t.me",
    "telegram.me",
    "whatsapp.com",
    "wa.me",
    "flipboard.com",
    "snapchat.com",
    "mastodon.social",
];
/// Link targets that sell an app or ask for money whatever the link says:
/// app stores (their apps, not the films and books they also sell: "rent
/// it on Google Play" is a review's fact, Readability's videos-1) and
/// donation platforms.
const APP_OR_DONATION_TARGETS: &[&str] = &[
    "apps.apple.com/",
    "play.google.com/store/apps",
    "patreon.com/",
    "ko-fi.com/",
    "buymeacoffee.com/",
    "donorbox.org/",
    "paypal.me/",
    "paypal.com/donate",
    "liberapay.com/",
    "givebutter.com/",
    "opencollective.com/",
];
/// [`APP_OR_DONATION_TARGETS`], searched in one pass.
static APP_OR_DONATION: Needles = Needles::new(&[APP_OR_DONATION_TARGETS]);
/// Social links that make a follow row (an author's line may link one or
/// two accounts, but also says more).
const MIN_SOCIAL_LINKS: usize = 2;
/// A follow row is one short line.
const MAX_FOLLOW_ROW_CHARS: usize = 150;

/// The host of an absolute link, without `www.` or `m.`.
pub(super) fn link_host(href: &str) -> Option<&str> {
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    Some(
        host.strip_prefix("www.")
            .or_else(|| host.strip_prefix("m."))
            .unwrap_or(host),
    )
}

/// Promotion told by where a line's links lead (issue 13, cause 4): a
/// short line whose links all go to social networks ("Follow AP on
/// Facebook, X, Instagram"), or a link to an app store or a donation
/// platform. Returns the text of the link that tells.
pub(super) fn promo_link_target(doc: &Document, leaf: &Leaf) -> Option<String> {
    let href = |a: NodeId| {
        doc.attr(a, "href")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    };
    if (leaf.chars as usize) <= SHORT_PROMO_CHARS {
        if let Some(&a) = leaf.links.iter().find(|&&a| {
            let h = href(a);
            APP_OR_DONATION.in_text(&h) || (h.contains("itunes.apple.com/") && h.contains("/app/"))
        }) {
            return Some(doc.shown_text(a).trim().to_string());
        }
    }
    let social = |a: NodeId| {
        let h = href(a);
        link_host(&h).is_some_and(|host| {
            SOCIAL_HOSTS
                .iter()
                .any(|s| host == *s || host.ends_with(&format!(".{s}")))
        })
    };
    (leaf.links.len() >= MIN_SOCIAL_LINKS
        && (leaf.chars as usize) <= MAX_FOLLOW_ROW_CHARS
        && leaf.link_density() >= HEADED_LIST_DENSITY
        && leaf.links.iter().all(|&a| social(a)))
    .then(|| doc.shown_text(leaf.links[0]).trim().to_string())
}

/// Promotional phrases in a leaf: the strong ones, and the weak words
/// ("shop", "subscribe") that only count alongside other evidence. A weak
/// word inside a strong phrase is the same evidence, not more: "sign up
/// for monthly group workout classes" in an article paragraph counted as
/// "sign up for" and "sign up", two cues, and the paragraph was hidden as
/// a newsletter sign-up (survey, wcxb-0034). The classifier calls its
/// parts, to search no more than it reads; the tests read it whole.
#[cfg(test)]
pub(super) fn promo_phrases(text: &str) -> (Vec<String>, Vec<String>) {
    let strong = strong_phrases(text);
    let weak = weak_phrases(text, &strong);
    (strong.into_iter().map(|(_, m)| m).collect(), weak)
}

/// A promotional phrase and its byte span in the text it was found in.
pub(super) type Phrase = (std::ops::Range<usize>, String);

/// The strong phrases of [`promo_phrases`], each with its span. Apart,
/// so the weak ones are searched only where they count: they were half
/// of the phrases' search, itself a tenth of the analysis (perf,
/// trafilatura corpus).
pub(super) fn strong_phrases(text: &str) -> Vec<Phrase> {
    find_all(cues::promo_text(), text)
}

/// The weak phrases of [`promo_phrases`]: those that overlap no strong one.
pub(super) fn weak_phrases(text: &str, strong: &[Phrase]) -> Vec<String> {
    find_all(cues::promo_weak(), text)
        .into_iter()
        .filter(|(w, _)| {
            !strong
                .iter()
                .any(|(s, _)| w.start < s.end && s.start < w.end)
        })
        .map(|(_, m)| m)
        .collect()
}

/// The first phrase [`promo_phrases`] finds (a strong one first, then a
/// weak one), searched no further.
fn first_promo_phrase(text: &str) -> Option<&str> {
    // With no strong phrase, no weak one is left out for overlapping one.
    cues::promo_text()
        .find(text)
        .or_else(|| cues::promo_weak().find(text))
}

/// The first strong phrase of [`promo_phrases`], searched no further.
pub(super) fn first_strong_phrase(text: &str) -> Option<String> {
    cues::promo_text().find(text).map(str::to_string)
}

/// Each match of `cue` in `text`, left to right, with its byte span
/// (`find` returns a slice of the text).
fn find_all(cue: &cues::Cue, text: &str) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut from = 0;
    while let Some(m) = cue.find(&text[from..]) {
        let start = m.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + m.len();
        out.push((start..end, m.to_string()));
        if end <= from {
            break;
        }
        from = end;
    }
    out
}

/// A note on how the site earns from the page ("we may earn a commission",
/// "affiliate links", "paid promotion"): at the top of a body it is not
/// the lede (talkandroid.com, popsugar.com on the WCXB dev split).
fn is_disclosure(text: &str) -> bool {
    static WORDS: Needles = Needles::new(&[&["affiliate", "commission", "paid"]]);
    let t = text.to_lowercase();
    evidence::discloses(&t) || WORDS.in_text(&t)
}

/// Leaf-level verdicts for leaves outside boxes.
pub(super) fn classify_leaves(ctx: &Ctx, verdicts: &mut [Option<Verdict>], hints: &Hints) {
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
    let tail = tail_links(ctx, region_start, region_end, hints.url);
    // The body's first paragraph of prose is the lede: one promotional
    // phrase in it is the story's own words ("a resolution to sign up for
    // monthly group workout classes", the survey's wcxb-0034).
    let lede = ctx
        .leaves
        .iter()
        .position(|l| ctx.in_region[l.owner] && l.is_prose());
    // A lead-in governs the link lines after it.
    let mut lead_in: Option<(Kind, String, NodeId)> = None;
    let mut body_reasons: HashMap<u64, Reasons> = HashMap::new();
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
                            lead_in = Some((v.kind, leaf.text.to_string(), leaf.owner));
                        } else {
                            lead_in = None;
                        }
                        verdicts[i] = Some(v);
                        continue;
                    }
                    if boxed.kind == Kind::Boilerplate && !ctx.in_region[leaf.owner] {
                        if let Some(v) = headline_in_chrome(doc, leaf, boxed.unit()) {
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
                            verdicts[i] = Some(governed(*kind, heading, *unit, SUGGESTED));
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
                verdicts[i] = Some(governed(*kind, heading, *unit, NAMED));
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
                    .quoting_words(&*leaf.text),
            ));
            // Outside the body, the links under an ad label ("Paid
            // Partner") are the ad's; a label after a headline ("InnoGames
            // Sponsored") marks its own card only.
            let after_headline = doc
                .ancestors(leaf.owner)
                .find(|&a| ctx.stats.of(a).leaves >= 2)
                .is_some_and(|a| {
                    (ctx.first_leaf.at(a)..i)
                        .any(|j| leaf_link_length(doc, &ctx.leaves[j]).0 >= HEADLINE_WORDS)
                });
            if !after_headline {
                lead_in = Some((Kind::Promo, leaf.text.to_string(), leaf.owner));
            }
            continue;
        }
        if (leaf.chars as usize) <= MAX_LEAD_IN_CHARS
            && (is_heading_like(doc, leaf) || !inside || introduces(&leaf.text))
            && (cues::related_heading().is_match(&leaf.text) || is_bare_lead_in(&leaf.text))
        {
            // "More from our partners" heads paid copy, as in
            // `headed_widget`.
            if let Some(m) = cues::promo_text()
                .find(&leaf.text)
                .filter(|_| evidence::discloses(&leaf.text))
            {
                let mut v = Verdict::new(
                    Kind::Promo,
                    STRONG,
                    Reason::new(ReasonCode::PromoPhrase, format!("heading '{}'", leaf.text))
                        .quoting_words(m),
                );
                v.set_unit(Some(leaf.owner));
                verdicts[i] = Some(v);
                lead_in = Some((Kind::Promo, leaf.text.to_string(), leaf.owner));
                continue;
            }
            verdicts[i] = Some(related_heading(leaf, STRONG));
            lead_in = Some((Kind::Related, leaf.text.to_string(), leaf.owner));
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
        if (leaf.chars as usize) <= MAX_FURNITURE_CHARS || is_legal_link_row(leaf) {
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
        let strong = strong_phrases(&leaf.text);
        // In the body the weak phrases count only beside a strong one.
        let weak = if inside && strong.is_empty() {
            Vec::new()
        } else {
            weak_phrases(&leaf.text, &strong)
        };
        let strong: Vec<String> = strong.into_iter().map(|(_, m)| m).collect();
        let cta = call_to_action(doc, leaf);
        // A call to action alone is not enough (product pages say "Learn
        // more" about themselves); it counts towards a promotional section.
        // Outside the body one phrase is enough: it is not article text.
        let is_promo = if inside {
            strong.len() >= 2
                || (strong.len() == 1
                    && (Some(i) != lede || is_disclosure(&leaf.text))
                    && ((leaf.chars as usize) <= SHORT_PROMO_CHARS || !weak.is_empty()))
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
            verdicts[i] = Some(Verdict::shared(Kind::Promo, conf, reasons.into()));
            continue;
        }
        if let Some(c) = promo_link_target(doc, leaf) {
            verdicts[i] = Some(Verdict::new(
                Kind::Promo,
                LINE_CUE,
                Reason::new(ReasonCode::CallToAction, format!("a link to '{c}'"))
                    .quoting_words(c.as_str()),
            ));
            continue;
        }
        if (leaf.chars as usize) <= MAX_CREDIT_CHARS {
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
            v.set_unit(doc.parent(leaf.owner));
            verdicts[i] = Some(v);
            continue;
        }
        if !ctx.stats.within[leaf.owner].pre_or_code && leaf.is_machine_text() {
            verdicts[i] = Some(Verdict::new(
                Kind::Boilerplate,
                LINE_CUE,
                Reason::new(ReasonCode::MachineText, "web addresses and ids"),
            ));
            continue;
        }
        if inside && tail.contains(&i) {
            let mut v = Verdict::new(
                Kind::Related,
                LINE_CUE,
                Reason::new(
                    ReasonCode::HeadlineLink,
                    "one of the headline links to the site's articles that end the body",
                ),
            );
            v.set_unit(doc.parent(leaf.owner));
            verdicts[i] = Some(v);
            continue;
        }
        if inside {
            let heading = matches!(doc.tag(leaf.owner), Some("h1" | "h2"));
            let dup =
                heading && title.is_some_and(|t| text_similarity(t, &leaf.text) > TITLE_SIMILARITY);
            // Lines of one link density share one reason (every cell of a
            // 1000x1000 table is at 0.00).
            let reasons = body_reasons
                .entry(ld.to_bits())
                .or_insert_with(|| {
                    Rc::new(vec![Reason::new(
                        ReasonCode::ArticleBody,
                        format!(
                            "in the article body, link density {}",
                            crate::fixed::fixed(ld, 2)
                        ),
                    )])
                })
                .clone();
            let mut v = Verdict::shared(
                Kind::Content,
                (SURE - LINK_DENSITY_DOUBT * ld as f32).max(NO_SIGNAL),
                reasons,
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
                && (leaf.chars as usize) <= MAX_HEADER_CHARS
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
                v.lead = leaf.chars as usize >= MIN_LEAD_CHARS
                    && leaf.whole_owner
                    && !is_caption(ctx, leaf.owner)
                    && credit_only(&leaf.text).is_none();
                verdicts[i] = Some(v);
                continue;
            }
        }
        if ld >= LINK_LIST_DENSITY {
            if let Some(c) = cta.filter(|_| (leaf.chars as usize) <= MAX_LEAD_IN_CHARS) {
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
                    format!(
                        "link density {}, {} words per link",
                        crate::fixed::fixed(ld, 2),
                        crate::fixed::fixed(words, 1)
                    ),
                ),
            );
            v.set_unit(doc.parent(leaf.owner));
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
        && (kind != Kind::Promo || !inside || (leaf.chars as usize) <= MAX_LEAD_IN_CHARS)
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
            .map(|(i, l)| (i, text_similarity(t, &l.text)))
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

/// The verdict for a heading that announces related stories ("More
/// stories", "Read next"): the leaf's whole owner is the unit.
fn related_heading(leaf: &Leaf, confidence: f32) -> Verdict {
    let mut v = Verdict::new(
        Kind::Related,
        confidence,
        Reason::new(
            ReasonCode::HeadingRelated,
            format!("heading '{}'", leaf.text),
        )
        .quoting_words(&*leaf.text),
    );
    v.set_unit(Some(leaf.owner));
    v
}

/// The verdict for a line under a heading or label that claims what follows
/// it ("More stories", "Advertisement"): the heading's kind, its unit.
fn governed(kind: Kind, heading: &str, unit: NodeId, confidence: f32) -> Verdict {
    let mut v = Verdict::new(
        kind,
        confidence,
        Reason::new(
            ReasonCode::GovernedByHeading,
            format!("under heading '{heading}'"),
        )
        .quoting_words(heading),
    );
    v.set_unit(Some(unit));
    v
}

/// A legal row longer than a furniture line is still furniture when it is
/// mostly links: "Privacy Policy - Sitemap - Terms of Use - ... © 2025
/// Example. All rights reserved." (WCXB dev split: three script-rendered
/// product pages showed only that row, 330 characters, and extracted it
/// as their article). Prose that cites a copyright is not mostly links.
fn is_legal_link_row(leaf: &Leaf) -> bool {
    (leaf.chars as usize) <= MAX_LEGAL_ROW_CHARS && leaf.link_density() >= LINK_LIST_DENSITY
}

/// The longest legal row of links (a footer's row of a dozen policies).
const MAX_LEGAL_ROW_CHARS: usize = 600;
