//! What kind of page this is, from what the page says about itself: its
//! schema.org types (JSON-LD `@type`, microdata `itemtype`), `og:type`
//! and the shape of its address.
//!
//! Every page used to be read as a news article (issue 13, cause 7). On a
//! forum thread the posts are the main content, and forums mark them as
//! "comments" or "replies", which on an article are chrome: on the WCXB dev
//! split the forum pages scored 0.48 word F1 against 0.93 for articles.

use crate::dom::{Document, NodeId, DOCUMENT};
use url::Url;

/// A page type the segmenter reads differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageType {
    /// A story, post or anything else: the default reading.
    Article,
    /// A discussion thread: its posts and replies are the content.
    Forum,
    /// A page that declares no article and is no thread (a product,
    /// service, listing or documentation page may be one): its main
    /// content may be spread over many sections.
    Other,
}

/// The page's type and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The type.
    pub page_type: PageType,
    /// Why: the pieces of evidence found, for the reasons.
    pub evidence: Vec<String>,
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

/// Classifies the page.
pub fn classify(doc: &Document, url: Option<&Url>) -> Typed {
    let mut evidence = Vec::new();
    let mut weight = 0;
    if let Some(t) = schema_type(doc, FORUM_TYPES) {
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
    if generator_is_forum(doc) {
        evidence.push("forum software".to_string());
        weight += 1;
    }
    let page_type = if weight >= MIN_FORUM_EVIDENCE {
        PageType::Forum
    } else if let Some(why) = declares_article(doc) {
        evidence.push(why);
        PageType::Article
    } else {
        evidence.push("declares no article".to_string());
        PageType::Other
    };
    Typed {
        page_type,
        evidence,
    }
}

/// The first of `types` the page declares in JSON-LD or microdata.
fn schema_type(doc: &Document, types: &[&'static str]) -> Option<&'static str> {
    for s in doc.find_all(DOCUMENT, "script") {
        if doc.attr(s, "type") != Some("application/ld+json") {
            continue;
        }
        let text = doc.text_content(s);
        if let Some(t) = types.iter().find(|t| text.contains(&format!("\"{t}\""))) {
            return Some(t);
        }
    }
    let body = doc.body();
    let declared = |id: NodeId| doc.attr(id, "itemtype").unwrap_or("");
    doc.descendants(body)
        .map(declared)
        .filter(|t| !t.is_empty())
        .find_map(|t| types.iter().find(|ty| t.ends_with(*ty)).copied())
}

/// What says the page is an article: a schema.org article type, `og:type`
/// article, or a marked article body.
fn declares_article(doc: &Document) -> Option<String> {
    if let Some(t) = schema_type(doc, ARTICLE_TYPES) {
        return Some(format!("schema.org type {t}"));
    }
    let og_article = doc.find_all(DOCUMENT, "meta").any(|m| {
        doc.attr(m, "property").is_some_and(|p| p == "og:type")
            && doc
                .attr(m, "content")
                .is_some_and(|c| c.eq_ignore_ascii_case("article"))
    });
    if og_article {
        return Some("og:type article".to_string());
    }
    let body = doc.body();
    doc.descendants(body)
        .any(|id| doc.attr(id, "itemprop") == Some("articleBody"))
        .then(|| "itemprop articleBody".to_string())
}

/// Whether `<meta name="generator">` names forum software.
fn generator_is_forum(doc: &Document) -> bool {
    doc.find_all(DOCUMENT, "meta").any(|m| {
        doc.attr(m, "name")
            .is_some_and(|n| n.eq_ignore_ascii_case("generator"))
            && doc.attr(m, "content").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                [
                    "discourse",
                    "phpbb",
                    "vbulletin",
                    "xenforo",
                    "invision",
                    "nodebb",
                    "flarum",
                ]
                .iter()
                .any(|f| c.contains(f))
            })
    })
}
