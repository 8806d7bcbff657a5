//! What kind of page this is, from what the page says about itself: its
//! schema.org types (JSON-LD `@type`, microdata `itemtype`), `og:type`
//! and the shape of its address.
//!
//! Every page used to be read as a news article (issue 13, cause 7). On a
//! forum thread the posts are the main content, and forums mark them as
//! "comments" or "replies", which on an article are chrome: on the WCXB dev
//! split the forum pages scored 0.48 word F1 against 0.93 for articles.

use super::items::{self, Group};
use super::stats::{Stats, Totals};
use crate::dom::{Document, DOCUMENT};
use crate::metadata::PRODUCT_TYPES;
pub use crate::model::PageType;
use url::Url;

/// The page's type and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The type.
    pub page_type: PageType,
    /// Why: the pieces of evidence found, for the reasons.
    pub evidence: Vec<String>,
    /// On a listing, its items (see `items.rs`).
    pub items: Option<Group>,
}

/// Schema.org types of listing and collection pages.
const LISTING_TYPES: &[&str] = &["CollectionPage", "SearchResultsPage", "ItemList"];

/// A page declaring nothing is a listing when this many cards...
const MIN_LISTING_CARDS: usize = 6;
/// ...hold at least this share of its visible text (declared listings
/// too: a `CollectionPage` of five short links is an article's tag list)...
const MIN_LISTING_SHARE: f64 = 0.4;
/// ...with at least this share of their text in links (headline links;
/// a comment section's items are prose with an author link)...
const MIN_CARD_LINK_SHARE: f64 = 0.1;
/// ...and the page holds less prose than this outside them...
const MAX_PROSE_OUTSIDE: usize = 1_000;
/// ...or, for cards whose headlines are links (this share of their text),
const HEADLINE_LINK_SHARE: f64 = 0.2;
/// less than this share of the cards' text as prose outside them. On the
/// trafilatura corpus (news and blog articles) 25 pages had 6 such items
/// holding 40% of the text, comment threads and link lists beside a
/// story, with 1,800 to 32,000 characters of prose outside them; the WCXB
/// listings that gained held under 1,000, or under a quarter of their
/// cards' text.
const MAX_PROSE_OUTSIDE_SHARE: f64 = 0.25;

/// Whether a page's cards lead over its prose (see the constants above).
fn cards_lead(g: &Group, page: &Totals) -> bool {
    let link_share = g.link_chars as f64 / g.chars.max(1) as f64;
    let outside = page.prose_chars.saturating_sub(g.prose_chars);
    link_share >= MIN_CARD_LINK_SHARE
        && (outside < MAX_PROSE_OUTSIDE
            || (link_share >= HEADLINE_LINK_SHARE
                && (outside as f64) < MAX_PROSE_OUTSIDE_SHARE * g.chars as f64))
}

/// Schema.org types of discussion pages.
const FORUM_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "SocialMediaPosting"];

/// Path segments of thread addresses: Discourse's `/t/slug/id`,
/// `/thread(s)/`, `/topic/`, `/comments/` (Reddit), `/questions/id`.
const FORUM_PATHS: &[&str] = &[
    "/t/",
    "/thread/",
    "/threads/",
    "/topic/",
    "/topics/",
    "/comments/",
    "/questions/",
    "/forum/",
    "/forums/",
    "/discussion/",
    "/discussions/",
    "/showthread",
    "/viewtopic",
];

/// Host names that name a forum (`forum.`, `community.`, `discuss.`).
const FORUM_HOSTS: &[&str] = &["forum.", "forums.", "community.", "discuss.", "discourse."];

/// Schema.org types of articles (JSON-LD and microdata).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Recipe",
];

/// Two independent pieces of evidence make a forum, or one schema.org type.
const MIN_FORUM_EVIDENCE: usize = 2;

/// What the page declares about itself, gathered in one walk of the
/// document (each separate walk cost measurable time on the bench).
#[derive(Default)]
struct Declared {
    /// Texts of the JSON-LD scripts.
    json_ld: Vec<String>,
    /// Microdata `itemtype` values.
    item_types: Vec<String>,
    /// `og:type` is article.
    og_article: bool,
    /// `og:type` is product (`product`, `og:product`, `product.item`).
    og_product: bool,
    /// `<meta name="generator">` names forum software, or a link points at
    /// its home site (WCXB dev split: 4 threads of FluxBB, phpBB and MyBB
    /// forums were typed "other"; forum pages 0.761 -> 0.764 word F1).
    forum_software: bool,
    /// An element carries `itemprop="articleBody"`.
    article_body: bool,
}

/// Forum software as `<meta name="generator">` names it.
const FORUM_SOFTWARE: &[&str] = &[
    "discourse",
    "phpbb",
    "vbulletin",
    "xenforo",
    "invision",
    "nodebb",
    "flarum",
];

/// The home sites of forum software, which a forum's footer links
/// ("Powered by FluxBB", "Forum software by XenForo").
const FORUM_SOFTWARE_SITES: &[&str] = &[
    "phpbb.com",
    "fluxbb.org",
    "punbb.informer.com",
    "simplemachines.org",
    "vbulletin.com",
    "vbulletin.org",
    "xenforo.com",
    "invisioncommunity.com",
    "invisionpower.com",
    "mybb.com",
    "discourse.org",
    "nodebb.org",
    "flarum.org",
    "join-lemmy.org",
    "vanillaforums.com",
];

/// Whether `href` points at a forum software's home site.
fn links_forum_software(href: &str) -> bool {
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    FORUM_SOFTWARE_SITES
        .iter()
        .any(|s| host.eq_ignore_ascii_case(s))
}

impl Declared {
    fn gather(doc: &Document) -> Self {
        let mut d = Declared::default();
        for id in doc.descendants(DOCUMENT) {
            let Some(e) = doc.element(id) else { continue };
            match &*e.name {
                "script" if e.attr("type") == Some("application/ld+json") => {
                    d.json_ld.push(doc.text_content(id));
                }
                "meta" => {
                    let content = e.attr("content").unwrap_or("");
                    if e.attr("property") == Some("og:type")
                        && content.eq_ignore_ascii_case("article")
                    {
                        d.og_article = true;
                    }
                    if e.attr("property") == Some("og:type")
                        && content.to_ascii_lowercase().contains("product")
                    {
                        d.og_product = true;
                    }
                    if e.attr("name")
                        .is_some_and(|n| n.eq_ignore_ascii_case("generator"))
                    {
                        let c = content.to_ascii_lowercase();
                        d.forum_software |= FORUM_SOFTWARE.iter().any(|f| c.contains(f));
                    }
                }
                "a" => {
                    let href = e.attr("href").unwrap_or("");
                    d.forum_software |= links_forum_software(href);
                }
                _ => {}
            }
            if let Some(t) = e.attr("itemtype") {
                d.item_types.push(t.to_string());
            }
            if e.attr("itemprop") == Some("articleBody") {
                d.article_body = true;
            }
        }
        d
    }

    /// How many products the page declares in JSON-LD and microdata; the
    /// variants of one product (a `ProductGroup`'s sizes and colours) count
    /// as one.
    fn products(&self) -> usize {
        let json: usize = self
            .json_ld
            .iter()
            .map(|t| t.matches("\"Product\"").count())
            .sum();
        let micro = self
            .item_types
            .iter()
            .filter(|t| t.ends_with("/Product"))
            .count();
        if self.schema_type(&["ProductGroup"]).is_some() {
            1
        } else {
            json + micro
        }
    }

    /// The first of `types` the page declares in JSON-LD or microdata.
    fn schema_type(&self, types: &[&'static str]) -> Option<&'static str> {
        for text in &self.json_ld {
            if let Some(t) = types.iter().find(|t| text.contains(&format!("\"{t}\""))) {
                return Some(t);
            }
        }
        self.item_types
            .iter()
            .find_map(|t| types.iter().find(|ty| t.ends_with(*ty)).copied())
    }

    /// What says the page is an article: a schema.org article type,
    /// `og:type` article, or a marked article body.
    fn article(&self) -> Option<String> {
        if let Some(t) = self.schema_type(ARTICLE_TYPES) {
            return Some(format!("schema.org type {t}"));
        }
        if self.og_article {
            return Some("og:type article".to_string());
        }
        self.article_body
            .then(|| "itemprop articleBody".to_string())
    }
}

/// Fewest prose characters in a discussion's comments...
const MIN_DISCUSSION_PROSE: usize = 1_000;
/// ...and most prose outside them: a link aggregator's story page
/// (lobste.rs, declaring `og:type` article) is a title, a link and the
/// comments, which were chrome, and the page had no text at all (WCXB dev
/// split); an article of three short paragraphs has more.
const MAX_STORY_PROSE: usize = 500;

/// ...and least share of the text outside the site's frame in the
/// comments: a Chinese blog post's paragraphs, short in characters, were
/// not counted as prose, and its comments held half its text (the
/// readability corpus's pixnet page); old.reddit's thread holds 60%, the
/// lobste.rs story 98%.
const MIN_DISCUSSION_SHARE: f64 = 0.55;

/// Words naming a comment section or a comment.
const COMMENT_WORDS: &[&str] = &["comment", "comments"];

/// A page whose prose is nearly all in its comments is a discussion, and
/// the comments are its content: the prose characters they hold.
fn discussion(doc: &Document, stats: &Stats) -> Option<usize> {
    let body = doc.body();
    let (mut comments, mut comment_chars) = (0, 0);
    let mut p = 0;
    while let Some(&id) = stats.order.get(p) {
        let named = id != body
            && doc.element(id).is_some_and(|e| {
                [e.attr("class"), e.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(|n| crate::names::token_naming(n, COMMENT_WORDS).is_some())
            });
        if named {
            comments += stats.of(id).prose_chars;
            comment_chars += stats.of(id).chars;
            p = stats.end(id) + 1;
        } else {
            p += 1;
        }
    }
    let outside = stats.of(body).prose_chars.saturating_sub(comments);
    let share = comment_chars as f64 / unframed_chars(doc, stats).max(1) as f64;
    (comments >= MIN_DISCUSSION_PROSE && outside < MAX_STORY_PROSE && share >= MIN_DISCUSSION_SHARE)
        .then_some(comments)
}

/// Visible characters of the page outside its frame (header, footer,
/// navigation): a shop's mega-menu held 70% of a category page's text, and
/// its grid of 30 products, 29% of the rest, was no listing (WCXB dev
/// split, REI category pages).
fn unframed_chars(doc: &Document, stats: &Stats) -> usize {
    let body = doc.body();
    let mut frame = 0;
    let mut p = 0;
    while let Some(&id) = stats.order.get(p) {
        if id != body && doc.tag(id).is_some_and(crate::tag_sets::site_frame) {
            frame += stats.of(id).chars;
            p = stats.end(id) + 1;
        } else {
            p += 1;
        }
    }
    stats.of(body).chars.saturating_sub(frame)
}

/// Whether a page declaring an article is a card grid: a section front or
/// a blog's home page with `og:type` article on every page (WCXB dev split:
/// cabletv.com/news, a shop's front page). Its cards must hold most of the
/// text, with headline links, and next to no prose outside them: a short
/// story above its comments or teasers has some (articles of the
/// trafilatura corpus, typed listings by the undeclared listing's looser
/// test, lost their text).
fn listing_declared_article(doc: &Document, stats: &Stats, found: &mut Option<Group>) -> bool {
    let Some(g) = items::best(doc, stats, items::CARDS, &vec![false; doc.len()]) else {
        return false;
    };
    let page = stats.of(doc.body());
    let share = g.chars as f64 / page.chars.max(1) as f64;
    let outside = page.prose_chars.saturating_sub(g.prose_chars);
    let link_share = g.link_chars as f64 / g.chars.max(1) as f64;
    let listing = g.members >= MIN_LISTING_CARDS
        && share >= DECLARED_ARTICLE_LISTING_SHARE
        && link_share >= HEADLINE_LINK_SHARE
        && g.chars >= MIN_DECLARED_CARD_CHARS * g.members
        && outside < MAX_PROSE_OUTSIDE;
    if listing {
        *found = Some(g);
    }
    listing
}

/// Mean characters of a declared article's cards: a card holds a headline
/// and a line or two, a run of bare links (a tag cloud, a menu of 43 posts
/// of 34 characters each) under a short article is no listing.
const MIN_DECLARED_CARD_CHARS: usize = 100;

/// Share of a declared article's text its cards must hold to make it a
/// listing.
const DECLARED_ARTICLE_LISTING_SHARE: f64 = 0.5;

/// Classifies the page; `stats` (of the body) show its repeated items.
pub fn classify(doc: &Document, url: Option<&Url>, stats: &Stats) -> Typed {
    let declared = Declared::gather(doc);
    let mut evidence = Vec::new();
    let mut weight = 0;
    if let Some(t) = declared.schema_type(FORUM_TYPES) {
        evidence.push(format!("schema.org type {t}"));
        weight += MIN_FORUM_EVIDENCE;
    }
    if let Some(u) = url {
        let path = u.path().to_ascii_lowercase();
        if let Some(p) = FORUM_PATHS.iter().find(|p| path.contains(*p)) {
            evidence.push(format!("thread address '{p}'"));
            weight += 1;
        }
        let host = u.host_str().unwrap_or("").to_ascii_lowercase();
        if let Some(h) = FORUM_HOSTS.iter().find(|h| host.starts_with(*h)) {
            evidence.push(format!("forum host '{h}'"));
            weight += 1;
        }
    }
    if declared.forum_software {
        evidence.push("forum software".to_string());
        weight += 1;
    }
    let mut found_items = None;
    let page_type = if weight >= MIN_FORUM_EVIDENCE {
        PageType::Forum
    } else if let Some(chars) = discussion(doc, stats) {
        evidence.push(format!(
            "comments hold {chars} characters of prose, the page little else"
        ));
        PageType::Forum
    } else if let Some(why) = declared
        .article()
        .filter(|_| !listing_declared_article(doc, stats, &mut found_items))
    {
        evidence.push(why);
        PageType::Article
    } else if let Some(g) = found_items.as_ref() {
        evidence.push(format!(
            "{} repeated items holding most of the text, though it declares an article",
            g.members
        ));
        PageType::Listing
    } else if let Some(t) = declared
        .schema_type(PRODUCT_TYPES)
        .filter(|_| declared.products() < MIN_LISTING_CARDS)
    {
        evidence.push(format!("schema.org type {t}"));
        PageType::Product
    } else if declared.og_product {
        evidence.push("og:type product".to_string());
        PageType::Product
    } else {
        let cards = items::best(doc, stats, items::CARDS, &vec![false; doc.len()]);
        let page_chars = unframed_chars(doc, stats).max(1) as f64;
        let declared_listing = declared.schema_type(LISTING_TYPES);
        let typed = match &cards {
            Some(g) if (g.chars as f64) < MIN_LISTING_SHARE * page_chars => false,
            Some(g) => match declared_listing {
                Some(t) => {
                    evidence.push(format!("schema.org type {t}"));
                    evidence.push(format!("{} repeated items", g.members));
                    true
                }
                None if g.members >= MIN_LISTING_CARDS && cards_lead(g, &stats.of(doc.body())) => {
                    evidence.push(format!(
                        "{} repeated items holding {}% of the text",
                        g.members,
                        crate::fixed::fixed(100.0 * g.chars as f64 / page_chars, 0)
                    ));
                    true
                }
                None => false,
            },
            None => false,
        };
        if typed {
            found_items = cards;
            PageType::Listing
        } else {
            evidence.push("declares no article".to_string());
            PageType::Other
        }
    };
    Typed {
        page_type,
        evidence,
        items: found_items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_forum_software_are_told_from_other_links() {
        assert!(links_forum_software("https://fluxbb.org/"));
        assert!(links_forum_software("http://www.phpBB.com"));
        assert!(links_forum_software("https://xenforo.com?utm_source=forum"));
        assert!(!links_forum_software("https://fluxbb.org.example.com/"));
        assert!(!links_forum_software("/forum/phpbb.com"));
        assert!(!links_forum_software("https://example.com/?ref=phpbb.com"));
    }

    #[test]
    fn a_products_variants_count_as_one_product_and_a_catalogue_as_many() {
        let variants = (0..8)
            .map(|i| format!(r#"{{"@type":"Product","sku":"{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let group = Declared {
            json_ld: vec![format!(
                r#"{{"@type":"ProductGroup","hasVariant":[{variants}]}}"#
            )],
            ..Declared::default()
        };
        assert_eq!(group.products(), 1);
        let catalogue = Declared {
            json_ld: vec![format!(r#"{{"@graph":[{variants}]}}"#)],
            item_types: vec!["https://schema.org/Product".into()],
            ..Declared::default()
        };
        assert_eq!(catalogue.products(), 9);
    }
}
