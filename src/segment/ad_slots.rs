//! Ad slots with no text: an image link or a frame in a box named as an ad
//! slot, or leading to an ad server (not an affiliate link: see
//! [`evidence::ad_server`]).
//!
//! Leaves are runs of text, so a slot that holds only an image made no
//! block at all: nothing said it was there, the extension left it on the
//! page and the reader view kept the image when it sat in the article
//! (the seed page's top leaderboard, `div.AdBanner#top-leaderboard`
//! holding an image link to `ads.example.com`). Each such slot becomes a
//! promo block of its own, out of the article.

use super::evidence;
use super::selection::Selection;
use super::stats::Stats;
use crate::dom::{Document, NodeId};
use crate::model::{Block, Kind, Label, Quote, Reason, ReasonCode};

/// How far up from the image link or frame a name is looked for: slot
/// markup wraps the creative in a few boxes (`div.ad > div#gpt-1 > a >
/// img`), no more.
const MAX_CLIMB: usize = 5;
/// An ad name or an ad server is markup evidence, as sure as a box named
/// by its class (the classifier's `NAMED`).
const CONFIDENCE: f32 = 0.8;
/// Characters of alt text or address a slot's block text keeps.
const MAX_TEXT_CHARS: usize = 200;

/// One slot found: its box and why.
struct Slot {
    node: NodeId,
    reason: Reason,
}

/// Adds a promo block for every visible ad slot with no text that no
/// promo, related or boilerplate block already covers, in document order
/// among `blocks`, and leaves each out of the article.
pub fn add(doc: &Document, stats: &Stats, blocks: &mut Vec<Block>, selection: &mut Selection) {
    let covered = covered_positions(doc, stats, blocks);
    let mut slots: Vec<Slot> = Vec::new();
    // Positions up to which the last slot's box reaches.
    let mut slot_end = None;
    for (p, &id) in stats.order.iter().enumerate() {
        if covered[p] || slot_end.is_some_and(|e| p <= e) {
            continue;
        }
        let Some(slot) = slot_at(doc, stats, id) else {
            continue;
        };
        // A box found from a later seed may hold earlier ones.
        while slots
            .last()
            .is_some_and(|s| stats.contains(slot.node, s.node))
        {
            slots.pop();
        }
        slot_end = Some(stats.end(slot.node));
        slots.push(slot);
    }
    if slots.is_empty() {
        return;
    }
    let found: Vec<Block> = slots
        .into_iter()
        .map(|s| {
            if let Some(e) = selection.excluded.get_mut(s.node) {
                *e = true;
            }
            Block {
                kind: Kind::Promo,
                text: slot_text(doc, s.node, s.reason.quote.as_ref()),
                confidence: CONFIDENCE,
                reasons: vec![s.reason],
                label: Label::OtherPageParts,
                why: Vec::new(),
                why_messages: Vec::new(),
                nodes: vec![s.node],
            }
        })
        .collect();
    merge_in_order(doc, stats, blocks, found);
}

/// Indexed by position in `stats.order`: whether the element lies under a
/// node of a promo, related or boilerplate block (already hidden with it).
fn covered_positions(doc: &Document, stats: &Stats, blocks: &[Block]) -> Vec<bool> {
    // Spans may nest and come in any order: count the spans open at each
    // position (one pass, no sort: a sort of spans added 21 KB to the
    // wasm module).
    let len = stats.order.len();
    let mut open = vec![0i32; len + 1];
    let spans = blocks
        .iter()
        .filter(|b| b.kind != Kind::Content)
        .flat_map(|b| b.nodes.iter())
        .filter(|&&n| doc.element(n).is_some())
        .filter_map(|&n| {
            let p = stats.position(n);
            (p < len).then(|| (p, stats.end(n)))
        });
    for (start, end) in spans {
        open[start] += 1;
        open[(end + 1).min(len)] -= 1;
    }
    let mut depth = 0;
    open.iter()
        .take(len)
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// The ad slot whose creative is `id` (an image link or a frame), if it
/// has no text and advertising evidence: the box it sits in and why.
fn slot_at(doc: &Document, stats: &Stats, id: NodeId) -> Option<Slot> {
    let t = stats.of(id);
    let creative = match doc.tag(id)? {
        "a" => doc.attr(id, "href").is_some() && t.images > 0 && t.chars == 0,
        "iframe" | "ins" | "embed" | "object" => true,
        _ => false,
    };
    if !creative {
        return None;
    }
    let address = doc
        .attr(id, "href")
        .or_else(|| doc.attr(id, "src"))
        .or_else(|| doc.attr(id, "data"))
        .unwrap_or("");
    let body = doc.body();
    // The box of this slot alone: parents with nothing else visible.
    let mut wrapper = id;
    // The highest text-free box named as an ad slot, and the name.
    let mut named: Option<(NodeId, String)> = None;
    let mut cur = id;
    for _ in 0..MAX_CLIMB {
        if let Some(name) = ad_name(doc, cur) {
            named = Some((cur, name));
        }
        let Some(p) = doc.parent(cur) else {
            break;
        };
        let visible = stats.position(p) != usize::MAX;
        if p == body || !visible || stats.of(p).chars > 0 {
            break;
        }
        let (pt, wt) = (stats.of(p), stats.of(wrapper));
        if wrapper == cur
            && pt.images == wt.images
            && pt.embeds == wt.embeds
            && pt.links == wt.links
        {
            wrapper = p;
        }
        cur = p;
    }
    let reason = match &named {
        Some((_, name)) => Reason::new(
            ReasonCode::ClassPromo,
            format!("class/id '{name}' around an image or frame"),
        )
        .quoting_markup(name.as_str()),
        None if evidence::ad_server(address) => Reason::new(
            ReasonCode::AdLink,
            format!("an image or frame leading to '{}'", clip(address)),
        ),
        None => return None,
    };
    let node = match named {
        Some((n, _)) if stats.contains(n, wrapper) => n,
        _ => wrapper,
    };
    Some(Slot { node, reason })
}

/// The class or id token of `id` that names an ad slot.
fn ad_name(doc: &Document, id: NodeId) -> Option<String> {
    let class = doc.attr(id, "class").unwrap_or("");
    let ident = doc.attr(id, "id").unwrap_or("");
    evidence::ad_slot_name(class)
        .or_else(|| evidence::ad_slot_name(ident))
        .map(str::to_string)
}

/// What a slot's block says: its images' alt text, else the address it
/// leads to, else its ad name (so two slots are two blocks to remember,
/// not one empty text: the extension keys "always show" by the text).
fn slot_text(doc: &Document, node: NodeId, name: Option<&Quote>) -> String {
    let alts: Vec<&str> = doc
        .find_all(node, "img")
        .filter_map(|i| doc.attr(i, "alt"))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let text = if alts.is_empty() {
        // Where the creative leads or loads from; a script's address is
        // the ad network's loader, not this slot's.
        let first = std::iter::once(node)
            .chain(doc.descendants(node))
            .find_map(|d| match doc.tag(d)? {
                "a" => doc.attr(d, "href"),
                "iframe" | "img" | "embed" => doc.attr(d, "src"),
                _ => None,
            })
            // A frame written by script has no address worth showing.
            .filter(|a| {
                let a = a.trim_start().to_ascii_lowercase();
                !(a.is_empty()
                    || a.starts_with("javascript:")
                    || a.starts_with("about:")
                    || a.starts_with("data:"))
            });
        match (first, name) {
            (Some(a), _) => a.split_whitespace().collect::<Vec<_>>().join(" "),
            (None, Some(Quote::Markup(m) | Quote::Words(m))) => m.clone(),
            (None, None) => String::new(),
        }
    } else {
        alts.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    clip(&text)
}

/// At most [`MAX_TEXT_CHARS`] characters of `s`.
fn clip(s: &str) -> String {
    s.chars().take(MAX_TEXT_CHARS).collect()
}

/// Inserts `found` (in document order) among `blocks` (in document
/// order), each by its first element's position.
fn merge_in_order(doc: &Document, stats: &Stats, blocks: &mut Vec<Block>, found: Vec<Block>) {
    let start = |b: &Block| {
        b.nodes
            .first()
            .map(|&n| {
                let e = if doc.element(n).is_some() {
                    n
                } else {
                    doc.parent(n).unwrap_or(n)
                };
                stats.position(e)
            })
            .unwrap_or(usize::MAX)
    };
    let old = std::mem::take(blocks);
    blocks.reserve(old.len() + found.len());
    let mut found = found.into_iter().peekable();
    for b in old {
        let at = start(&b);
        while let Some(f) = found.next_if(|f| start(f) < at) {
            blocks.push(f);
        }
        blocks.push(b);
    }
    blocks.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::model::Kind;
    use crate::parse::parse_html;
    use crate::segment::{segment, Hints};

    fn blocks(html: &str) -> Vec<(Kind, String, Vec<String>)> {
        let doc = parse_html(html);
        segment(&doc, &Hints::default())
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text, b.why))
            .collect()
    }

    const STORY: &str = "<p>The council voted on Tuesday to close the old bridge for repairs, \
        a decision that will reroute thousands of commuters for most of the year.</p>\
        <p>Engineers found cracks in two of the supports last spring, and the state \
        has set aside money for the work, officials said in a statement on Monday.</p>";

    #[test]
    fn an_image_link_in_a_box_named_as_an_ad_is_an_advertisement_block() {
        let page = format!(
            "<body><div class=AdBanner id=top-leaderboard><a href=https://shop.example.net/x>\
             <img src=/a.jpg alt='Emergency food supply'></a></div><article>{STORY}</article></body>"
        );
        let b = blocks(&page);
        let ad = b.iter().find(|(_, t, _)| t == "Emergency food supply");
        let (kind, _, why) = ad.expect("a block for the slot");
        assert_eq!(*kind, Kind::Promo);
        assert_eq!(why[0], "marked as an ad in the page's code");
        // In page order: before the story.
        assert_eq!(b[0].1, "Emergency food supply");
    }

    #[test]
    fn an_image_link_to_an_ad_server_is_an_advertisement_block() {
        let page = format!(
            "<body><article>{STORY}<div><a href=https://ads.example.com/click?id=1>\
             <img src=/b.jpg></a></div></article></body>"
        );
        let b = blocks(&page);
        let (kind, text, why) = b.last().expect("blocks");
        assert_eq!(*kind, Kind::Promo);
        assert_eq!(text, "https://ads.example.com/click?id=1");
        assert_eq!(why[0], "a link to an ad server");
        // Inside the article's container, and left out of the article.
        let analysis = crate::analyze_html(page.as_bytes(), &crate::Options::default()).unwrap();
        assert!(analysis
            .article
            .content_html
            .contains("Engineers found cracks"));
        assert!(!analysis.article.content_html.contains("/b.jpg"));
    }

    #[test]
    fn a_linked_photo_or_a_video_in_the_story_is_no_ad() {
        let page = format!(
            "<body><article>{STORY}<figure><a href=/photos/big.jpg><img src=/p.jpg alt=Bridge></a>\
             </figure><div class=video><iframe src=https://www.youtube.com/embed/x></iframe></div>\
             <div class=header-shadow><a href=https://other.example.org/><img src=/l.png></a></div>\
             <div><a href='https://www.amazon.com/dp/B0X?tag=site-20'><img src=/h.jpg></a></div>\
             </article></body>"
        );
        assert!(blocks(&page).iter().all(|(k, _, _)| *k == Kind::Content));
    }

    #[test]
    fn a_named_rail_of_two_ads_is_one_block_and_an_ad_in_a_promo_box_adds_none() {
        let page = format!(
            "<body><article>{STORY}</article><div class=ad-rail><div><a href=/a><img src=/1.png></a>\
             </div><div><a href=/b><img src=/2.png></a></div></div>\
             <aside class=newsletter><p>Sign up for our newsletter</p><a href=https://ads.example.com/c>\
             <img src=/3.png></a></aside></body>"
        );
        let promo: Vec<_> = blocks(&page)
            .into_iter()
            .filter(|(k, _, _)| *k == Kind::Promo)
            .collect();
        assert_eq!(promo.len(), 2, "{promo:?}");
    }
}
