//! Page-level passes after the leaves: article furniture around the
//! headline, sponsored items, dangling headings and promotional sections.

use super::*;
use crate::tag_sets;

/// Reason codes of chrome guessed from shape or place alone (Readability's
/// conditional cleaning, "outside the body"), which an article part's own
/// signs outweigh; landmarks and named widgets are not among them.
pub(super) const WEAK_CHROME: &[ReasonCode] = &[
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
pub(super) fn article_furniture(ctx: &Ctx, verdicts: &mut [Verdict], title: Option<&str>) {
    let doc = ctx.doc;
    // Both ways: a byline's words are all in "Headline - Author - Site"
    // too, but they cover little of it.
    let similar = |text: &str| {
        title.is_some_and(|t| {
            text_similarity(t, text) > TITLE_SIMILARITY
                && text_similarity(text, t) >= MIN_TITLE_COVERAGE
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
                && (l.chars as usize) <= MAX_HEADER_CHARS
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
                .unit()
                .filter(|&u| ctx.stats.of(u).chars <= MAX_HEADER_BOX_CHARS);
            verdicts[h] = v;
            if let Some(u) = header {
                let first = ctx.first_leaf.at(u);
                let count = ctx.stats.of(u).leaves;
                for j in first..(first + count).min(verdicts.len()) {
                    let l = &ctx.leaves[j];
                    if weak_chrome(&verdicts[j])
                        && l.link_density() < LINK_LIST_DENSITY
                        && !cues::boilerplate_text().is_match(&l.text)
                        && !cues::promo_text().is_match(&l.text)
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
pub(super) fn is_caption(ctx: &Ctx, id: NodeId) -> bool {
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
pub(super) fn sponsored_items(ctx: &Ctx, verdicts: &mut [Verdict]) {
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
        // A card has one headline; a list of them with an ad label after it
        // ("Advertisement - Continue Reading Below" closing a "More diets"
        // list) marks the slot that follows, not the stories (issue 13,
        // cause 2: 2 of the 8 related snippets called promo on the WCXB
        // label pages).
        let first = ctx.first_leaf.at(card);
        let headlines_before = (first..i)
            .filter(|&j| leaf_link_length(doc, &ctx.leaves[j]).0 >= HEADLINE_WORDS)
            .count();
        if headlines_before >= MIN_LIST_HEADLINES {
            continue;
        }
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
                    .quoting_words(&*leaf.text),
                );
            }
            verdicts[j].set_unit(Some(card));
        }
    }
}

/// Headline lines before an ad label that make its box a list of stories
/// rather than one card.
const MIN_LIST_HEADLINES: usize = 2;

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
        || ((leaf.chars as usize) <= MAX_LABEL_CHARS && leaf.text.ends_with(':'))
}

/// A heading in the body whose section holds no article text, only what
/// was taken out (a list of teasers, a share bar, a gallery, the author
/// line) introduces that and goes with it: "More on this topic" above a
/// removed list of links is not the story. The section runs to the next
/// heading of the same or a higher rank, or to the end of the body.
pub(super) fn dangling_headings(ctx: &Ctx, verdicts: &mut [Verdict]) {
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
        let mut reasons: Vec<Reason> = v.reasons.first().cloned().into_iter().collect();
        reasons.push(
            Reason::new(
                ReasonCode::DanglingHeading,
                format!("heading over no article text '{}'", leaf.text),
            )
            .quoting_words(&*leaf.text),
        );
        v.reasons = reasons.into();
        v.lead = false;
        verdicts[i] = v;
    }
}

/// Marks trailing sections of the body that carry several promotional cues.
pub(super) fn promo_sections(ctx: &Ctx, verdicts: &mut [Verdict]) {
    let doc = ctx.doc;
    // Leaf indices as 4 bytes, and the sections as runs of them (where
    // each starts) rather than lists of their own: the lists took 16 MB,
    // the classifier's peak on a 1000x1000 table (issue 15).
    let body_leaves: Vec<u32> = (0..ctx.leaves.len())
        .filter(|&i| ctx.in_region[ctx.leaves[i].owner] && verdicts[i].unit().is_none())
        .map(|i| i as u32)
        .collect();
    // Section starts: after an <hr>, or at a heading.
    let hr_positions: Vec<usize> = ctx
        .stats
        .order
        .iter()
        .filter(|&&n| ctx.in_region[n] && doc.is(n, "hr"))
        .map(|&n| ctx.stats.position(n))
        .collect();
    let mut starts: Vec<usize> = Vec::new();
    let mut prev_pos = 0usize;
    let mut prev_part = None;
    for (k, &i) in body_leaves.iter().enumerate() {
        let leaf = &ctx.leaves[i as usize];
        let pos = ctx.stats.position(leaf.owner);
        let after_hr = hr_positions.iter().any(|&h| h > prev_pos && h < pos);
        let heading = doc
            .tag(leaf.owner)
            .is_some_and(|t| tag_sets::heading(t) && t != "h1");
        // A section does not run on across an `<article>` or `<aside>`
        // boundary: a story's last part ran on into the sidebar's "updates
        // in your inbox" and a "become a member" line, and went as promo
        // with them (the survey's wcxb-0461, in the browser, where the body
        // was the whole page).
        let part = doc
            .ancestors(leaf.owner)
            .find(|&a| matches!(doc.tag(a), Some("article" | "aside")));
        let new_part = part != prev_part;
        prev_part = part;
        if starts.is_empty() || after_hr || heading || new_part {
            starts.push(k);
        }
        prev_pos = pos;
    }
    let body_chars: usize = body_leaves
        .iter()
        .map(|&i| ctx.leaves[i as usize].chars as usize)
        .sum();
    let mut chars_before = 0usize;
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(body_leaves.len());
        let section = &body_leaves[start..end];
        let section_chars: usize = section
            .iter()
            .map(|&i| ctx.leaves[i as usize].chars as usize)
            .sum();
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
                let i = i as usize;
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
                if let Some(p) = first_strong_phrase(&leaf.text) {
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
        let unit = section.first().map(|&i| ctx.leaves[i as usize].owner);
        for &i in section {
            let i = i as usize;
            if verdicts[i].kind == Kind::Content {
                let mut reasons = vec![Reason::new(
                    ReasonCode::PromoSection,
                    format!("section with {} promotional cues", cues_found.len()),
                )];
                reasons.extend(cues_found.iter().take(2).cloned());
                verdicts[i] = Verdict::shared(Kind::Promo, SUGGESTED, reasons.into());
                verdicts[i].set_unit(unit);
            } else if verdicts[i].kind == Kind::Promo {
                verdicts[i].set_unit(unit);
            }
        }
    }
}

/// A paragraph of chrome between two promotional lines of the same box is
/// part of their appeal: "Independent art journalism is hanging by a
/// thread ..." between "Help keep us free and independent" and "Please
/// support us" in a footer (issue 13, cause 4; WCXB label pages). Only
/// prose with no signal of its own beyond the box it sits in.
pub(super) fn promo_runs(ctx: &Ctx, verdicts: &mut [Verdict]) {
    for i in 1..ctx.leaves.len().saturating_sub(1) {
        let v = &verdicts[i];
        let boxed_only = v.kind == Kind::Boilerplate
            && v.reasons.len() == 1
            && v.reasons[0].code == ReasonCode::Landmark;
        if !boxed_only || !ctx.leaves[i].is_prose() || v.unit().is_none() {
            continue;
        }
        let unit = v.unit();
        let promo_line = |j: usize| {
            let w = &verdicts[j];
            w.kind == Kind::Promo
                && w.reasons
                    .first()
                    .is_some_and(|r| r.code == ReasonCode::PromoPhrase)
                && ctx.stats.contains(unit.unwrap_or(0), ctx.leaves[j].owner)
        };
        if promo_line(i - 1) && promo_line(i + 1) {
            let reason = verdicts[i + 1].reasons[0].clone();
            verdicts[i] = Verdict::new(Kind::Promo, SHAPE, reason);
        }
    }
}
