//! Evidence that outweighs a class name: an editorial teaser box.
//!
//! Many CMSs call a box of their own stories "promo" (a promoted story),
//! "cta" or put it in an "ad-column"; on the WCXB pages with block labels,
//! 9% of the related snippets came out promo because of such a class
//! (issue 13, cause 2). A class is one piece of evidence: a box of
//! headline links to the site's own articles with no advertising evidence
//! (no ad label, no sponsored or paid disclosure, no promotional phrase, no
//! link marked sponsored or leading to an ad server) is an editorial
//! teaser, and related.

use super::leaves::Leaf;
use super::stats::Stats;
use crate::cues;
use crate::dom::{Document, NodeId};
use crate::needles::Needles;

/// Words per link from which a link reads as a headline.
const HEADLINE_WORDS: f64 = 4.0;
/// A teaser card is headline link and dek: a third of its text is links.
const MIN_LINK_DENSITY: f64 = 0.3;
/// One headline link makes a teaser card (a grid classes each card).
const MIN_HEADLINES: usize = 1;

/// Link targets that are ad servers and ad networks' click and widget
/// addresses.
const AD_SERVERS: &[&str] = &[
    "doubleclick.",
    "googleadservices.",
    "googlesyndication.",
    "adsystem.",
    "adclick",
    "adserver",
    "/aclk?",
    "outbrain.com",
    "taboola.com",
];

/// [`AD_SERVERS`], searched in one pass.
static AD_SERVER_NEEDLES: Needles = Needles::new(&[AD_SERVERS]);

/// [`AD_SERVERS`] and [`AFFILIATE_TARGETS`], searched in one pass.
static AD_OR_AFFILIATE: Needles = Needles::new(&[AD_SERVERS, AFFILIATE_TARGETS]);

/// Link targets that are affiliate redirects and paid or sponsored
/// campaign links.
const AFFILIATE_TARGETS: &[&str] = &[
    "amzn.to/",
    "amazon.com/dp/",
    "tag=",
    "affiliate",
    "utm_medium=affiliate",
    "utm_medium=paid",
    "utm_medium=cpc",
    "utm_medium=display",
    "sponsored",
];

/// Whether the box `id` (its leaves `leaves[first..first+count]`) is an
/// editorial teaser: headline links, no advertising evidence.
pub fn editorial_teaser(
    doc: &Document,
    stats: &Stats,
    leaves: &[Leaf],
    first: usize,
    id: NodeId,
) -> bool {
    let t = stats.of(id);
    let count = t.leaves;
    // A card's photo caption is not the card's text: measured with it, a
    // "Read next" card of headline, dek and a long caption fell below the
    // density and its "m-promo" class made it promo (WCXB label pages).
    let (mut chars, mut link_chars) = (0usize, 0usize);
    for leaf in leaves.iter().skip(first).take(count) {
        if !stats.within[leaf.owner].figure {
            chars += leaf.chars as usize;
            link_chars += leaf.link_chars as usize;
        }
    }
    if chars == 0 || (link_chars as f64) < MIN_LINK_DENSITY * chars as f64 {
        return false;
    }
    for leaf in leaves.iter().skip(first).take(count) {
        if cues::ad_label().is_match(&leaf.text)
            || cues::promo_text().is_match(&leaf.text)
            || cues::promo_weak().is_match(&leaf.text)
            || discloses(&leaf.text)
        {
            return false;
        }
    }
    // Every link of the box, also one that wraps a whole card.
    let mut headlines = 0;
    for a in doc.find_all(id, "a") {
        if advertising_link(doc, a) {
            return false;
        }
        if doc.shown_text(a).split_whitespace().count() as f64 >= HEADLINE_WORDS {
            headlines += 1;
        }
    }
    // Ad slots are frames and scripts, not text; a box holding one is an ad.
    if doc.find(id, "iframe").is_some() || doc.find(id, "ins").is_some() {
        return false;
    }
    headlines >= MIN_HEADLINES
}

/// A disclosure in words the cue lists do not hold ("This content is
/// provided by our sponsor", "Partner content from ..."): a sponsor,
/// partner or advertiser named anywhere in the box.
pub fn discloses(text: &str) -> bool {
    static WORDS: Needles =
        Needles::new(&[&["sponsor", "partner", "advertis", "paid post", "provided by"]]);
    WORDS.in_text(&text.to_lowercase())
}

/// Whether a link is marked sponsored or leads to an ad server or an
/// affiliate redirect.
pub fn advertising_link(doc: &Document, a: NodeId) -> bool {
    let rel = doc.attr(a, "rel").unwrap_or("");
    if rel
        .split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("sponsored"))
    {
        return true;
    }
    advertising_target(doc.attr(a, "href").unwrap_or(""))
}

/// Whether an address (a link's `href`, a frame's `src`) leads to an ad
/// server or an affiliate redirect.
pub fn advertising_target(address: &str) -> bool {
    let lower = lower_address(address);
    AD_OR_AFFILIATE.in_text(&lower) || ad_host(&lower)
}

/// Whether an address leads to an ad server: a known one, or a host whose
/// first label is `ad` or `ads` (`ads.example.com/click?id=991`, the seed
/// page's leaderboard). Not an affiliate link: a review's product photo
/// linking to a shop with the site's tag is the story's picture (WCXB
/// 4427, a headphones list, had eleven).
pub fn ad_server(address: &str) -> bool {
    lower_ad_server(&lower_address(address))
}

/// An address trimmed and in lower case, copied only when it has an
/// upper-case letter: most links have none, and two copies per link were
/// a quarter of `advertising_link` (perf, trafilatura corpus).
fn lower_address(address: &str) -> std::borrow::Cow<'_, str> {
    let address = address.trim();
    if address.bytes().any(|b| b.is_ascii_uppercase()) {
        address.to_ascii_lowercase().into()
    } else {
        address.into()
    }
}

/// [`ad_server`] of an address [`lower_address`] returned.
fn lower_ad_server(address: &str) -> bool {
    AD_SERVER_NEEDLES.in_text(address) || ad_host(address)
}

/// Whether an address's host's first label is `ad` or `ads`.
fn ad_host(address: &str) -> bool {
    let host = address.split_once("//").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#', ':']).next().unwrap_or("")
    });
    host.starts_with("ads.") || host.starts_with("ad.")
}

/// Words of class and id names that name an ad slot, matched whole after
/// names are cut at separators and at camel-case humps (`AdBanner` is
/// "ad banner", `top-leaderboard` "top leaderboard"): whole words, so
/// `header`, `load` or `shadow` name nothing. The IAB's slot sizes
/// (leaderboard, skyscraper, MPU) name ads too.
const AD_SLOT_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "adsense",
    "adsbygoogle",
    "dfp",
    "leaderboard",
    "skyscraper",
    "mpu",
    "anzeige",
    "werbung",
    "publicite",
    "publicidad",
];

/// The class or id token of `names` (space-separated) that names an ad
/// slot, if any.
pub fn ad_slot_name(names: &str) -> Option<&str> {
    crate::names::token_naming(names, AD_SLOT_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ad_slot_names_are_whole_words_cut_at_separators_and_humps() {
        for name in [
            "AdBanner",
            "top-leaderboard",
            "ad",
            "div-gpt-ad-1",
            "googleAd",
            "adsbygoogle",
            "ADS",
        ] {
            assert_eq!(ad_slot_name(name), Some(name), "{name}");
        }
        assert_eq!(ad_slot_name("hero top-ad"), Some("top-ad"));
        for name in [
            "header",
            "load",
            "shadow",
            "adhesive",
            "Badge",
            "héader-ünit",
            "leaderboards",
        ] {
            assert_eq!(ad_slot_name(name), None, "{name}");
        }
    }

    #[test]
    fn ad_servers_are_known_targets_or_ad_hosts() {
        assert!(advertising_target("https://ads.example.com/click?id=991"));
        assert!(advertising_target("//ad.doubleclick.net/x"));
        assert!(!advertising_target("https://example.com/ads.html"));
        assert!(!advertising_target("https://roads.example.com/"));
        // An affiliate link is advertising evidence, but no ad server.
        let shop = "https://www.amazon.com/dp/B0B2?tag=site-20";
        assert!(advertising_target(shop) && !ad_server(shop));
        assert!(ad_server("https://aax-us-east.amazon-adsystem.com/x/c/1"));
    }
}
