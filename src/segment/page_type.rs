//! What kind of page this is, from what the page says about itself: its
//! schema.org types (JSON-LD `@type`, microdata `itemtype`), `og:type`
//! and the shape of its address.
//!
//! Every page used to be read as a news article (issue 13, cause 7). On a
//! forum thread the posts are the main content, and forums mark them as
//! "comments" or "replies", which on an article are chrome: on the WCXB dev
//! split the forum pages scored 0.48 word F1 against 0.93 for articles.

use crate::dom::{Document, DOCUMENT};
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
    /// `<meta name="generator">` names forum software.
    forum_generator: bool,
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
                    if e.attr("name")
                        .is_some_and(|n| n.eq_ignore_ascii_case("generator"))
                    {
                        let c = content.to_ascii_lowercase();
                        d.forum_generator |= FORUM_SOFTWARE.iter().any(|f| c.contains(f));
                    }
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

/// Classifies the page.
pub fn classify(doc: &Document, url: Option<&Url>) -> Typed {
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
    if declared.forum_generator {
        evidence.push("forum software".to_string());
        weight += 1;
    }
    let page_type = if weight >= MIN_FORUM_EVIDENCE {
        PageType::Forum
    } else if let Some(why) = declared.article() {
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
