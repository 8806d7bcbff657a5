//! What the library hands back: labelled blocks and the article.

use crate::dom::NodeId;
use serde::Serialize;

/// What a block does for the reader (see `shared/corpus/blocks/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The article itself.
    Content,
    /// Anything that sells or asks: ads, sponsored copy, sign-up prompts.
    Promo,
    /// Teasers sending the reader to other articles.
    Related,
    /// Page chrome: menus, footers, comments, cookie banners.
    Boilerplate,
}

impl Kind {
    /// All kinds, in a fixed order for tables.
    pub const ALL: [Kind; 4] = [Kind::Content, Kind::Promo, Kind::Related, Kind::Boilerplate];

    /// The lower-case name used in JSON and labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Content => "content",
            Kind::Promo => "promo",
            Kind::Related => "related",
            Kind::Boilerplate => "boilerplate",
        }
    }

    /// Parses a lower-case kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Why a block got its kind: a stable code for machines and words for people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable machine-readable code, e.g. `link-density`.
    pub code: &'static str,
    /// What a person reads, e.g. `link density 0.82`.
    pub detail: String,
}

impl Reason {
    /// Builds a reason.
    pub fn new(code: &'static str, detail: impl Into<String>) -> Self {
        Reason {
            code,
            detail: detail.into(),
        }
    }
}

/// A run of the page's visible text with one kind.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// Its kind.
    pub kind: Kind,
    /// Its visible text, white space collapsed.
    pub text: String,
    /// How sure the classifier is, 0 to 1.
    pub confidence: f32,
    /// Why it got its kind, strongest first.
    pub reasons: Vec<Reason>,
    /// The elements the block covers, in document order (for fronts that
    /// map blocks back to live nodes).
    #[serde(skip)]
    pub nodes: Vec<NodeId>,
}

/// The article built from the content blocks, with its metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// Publication date as the page gives it (ISO 8601 where known).
    pub published: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Language tag (`en`, `de-DE`...).
    pub lang: Option<String>,
    /// Text direction: `ltr` or `rtl`.
    pub dir: Option<String>,
    /// A short summary.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// The body as clean HTML (allowlisted tags and attributes, absolute URLs).
    pub content_html: String,
    /// The body as plain text, paragraphs separated by blank lines.
    pub text: String,
    /// Words in `text`.
    pub word_count: usize,
    /// Minutes a reader needs, at least 1 for a non-empty article.
    pub reading_minutes: u32,
}

/// What kind of page was read (see `segment/page_type.rs`): each type has
/// its own main content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// A story or post (declared, or the default reading).
    #[default]
    Article,
    /// A discussion thread: its posts are the content.
    Forum,
    /// A listing or collection: its items (titles and summaries) are the
    /// content.
    Listing,
    /// A product page: its description and specifications.
    Product,
    /// A page declaring no article that is none of the above (a service,
    /// landing or documentation page may be one): its main content may be
    /// spread over many sections.
    Other,
}

impl PageType {
    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Listing => "listing",
            PageType::Product => "product",
            PageType::Other => "other",
        }
    }
}

/// Everything the analysis of one page yields.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// All blocks of visible text, in document order.
    pub blocks: Vec<Block>,
    /// The article.
    pub article: Article,
    /// What kind of page it is.
    pub page_type: PageType,
    /// Why: the pieces of evidence for the page type.
    pub page_type_evidence: Vec<String>,
}
