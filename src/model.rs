//! What the library hands back: labelled blocks and the article.

use crate::dom::NodeId;
use crate::why::WhyMessage;
use serde::{Serialize, Serializer};
use std::fmt;

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

/// What kind of evidence a reason is: one variant per rule of the
/// classifier. Serialised as its stable kebab-case code (`ad-label`), which
/// is public API: the JSON output and the wasm package's `Reason.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReasonCode {
    /// A line that labels an advertising slot ("Advertisement").
    AdLabel,
    /// An image or frame with no text that leads to an ad server.
    AdLink,
    /// Text in the article body.
    ArticleBody,
    /// A line of the article's header (byline, standfirst) outside the body.
    ArticleHeader,
    /// Prose between two parts of the article body.
    BetweenBodyParts,
    /// A link asking the reader to act ("Sign up").
    CallToAction,
    /// A figure's caption.
    Caption,
    /// A box whose class/id names chrome (menu, footer, comments).
    ClassChrome,
    /// A box of the body with a negative class weight (Readability).
    ClassNegative,
    /// A box whose class/id names advertising, sign-ups or sharing.
    ClassPromo,
    /// A box whose class/id names recirculation ("related").
    ClassRelated,
    /// A credit line ("Photo: Getty").
    Credit,
    /// A heading over no article text, going with what it introduces.
    DanglingHeading,
    /// A byline or date line.
    Dateline,
    /// A box classed promo that holds only headline links: related.
    EditorialTeaser,
    /// A box of embeds (Readability's conditional cleaning).
    EmbedBox,
    /// A form that is a site tool (search, log-in).
    Form,
    /// A box of form controls (Readability's conditional cleaning).
    FormBox,
    /// A sign-up form.
    FormSignup,
    /// Page furniture ("Comments", "© 2024").
    Furniture,
    /// A line under a lead-in heading or label that governs it.
    GovernedByHeading,
    /// A widget headed by a chrome heading ("Comments").
    HeadingChrome,
    /// A heading that introduces other articles ("Related stories").
    HeadingRelated,
    /// The article's headline.
    Headline,
    /// A long headline link in chrome: a teaser for another story.
    HeadlineLink,
    /// A hidden box a script may show.
    Hidden,
    /// A box of images (Readability's conditional cleaning).
    ImageBox,
    /// An inline "Read more: other headline" line.
    InlineRelated,
    /// A landmark element or role (`<nav>`, `<footer>`, `<aside>`...).
    Landmark,
    /// A box of the body that is mostly links (Readability's conditional
    /// cleaning).
    LinkDensity,
    /// A line outside the body that is mostly links.
    LinkList,
    /// Addresses and ids written for machines, not text to read.
    MachineText,
    /// A box of list items (Readability's conditional cleaning).
    ListBox,
    /// A line outside the article body with no other signal.
    OutsideBody,
    /// A link to the previous or next article.
    PostNavigation,
    /// A promotional phrase ("sign up for", "sponsored by").
    PromoPhrase,
    /// A trailing section of the body with several promotional cues.
    PromoSection,
    /// A box with little text (Readability's conditional cleaning).
    ShortBox,
    /// A teaser card carrying an ad label.
    SponsoredCard,
    /// No signal at all.
    Unclassified,
}

impl ReasonCode {
    /// Every code, in alphabetical order of its string.
    pub const ALL: [ReasonCode; 40] = [
        ReasonCode::AdLabel,
        ReasonCode::AdLink,
        ReasonCode::ArticleBody,
        ReasonCode::ArticleHeader,
        ReasonCode::BetweenBodyParts,
        ReasonCode::CallToAction,
        ReasonCode::Caption,
        ReasonCode::ClassChrome,
        ReasonCode::ClassNegative,
        ReasonCode::ClassPromo,
        ReasonCode::ClassRelated,
        ReasonCode::Credit,
        ReasonCode::DanglingHeading,
        ReasonCode::Dateline,
        ReasonCode::EditorialTeaser,
        ReasonCode::EmbedBox,
        ReasonCode::Form,
        ReasonCode::FormBox,
        ReasonCode::FormSignup,
        ReasonCode::Furniture,
        ReasonCode::GovernedByHeading,
        ReasonCode::HeadingChrome,
        ReasonCode::HeadingRelated,
        ReasonCode::Headline,
        ReasonCode::HeadlineLink,
        ReasonCode::Hidden,
        ReasonCode::ImageBox,
        ReasonCode::InlineRelated,
        ReasonCode::Landmark,
        ReasonCode::LinkDensity,
        ReasonCode::LinkList,
        ReasonCode::MachineText,
        ReasonCode::ListBox,
        ReasonCode::OutsideBody,
        ReasonCode::PostNavigation,
        ReasonCode::PromoPhrase,
        ReasonCode::PromoSection,
        ReasonCode::ShortBox,
        ReasonCode::SponsoredCard,
        ReasonCode::Unclassified,
    ];

    /// The stable code, e.g. `link-density`: what the JSON carries.
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::AdLabel => "ad-label",
            ReasonCode::AdLink => "ad-link",
            ReasonCode::ArticleBody => "article-body",
            ReasonCode::ArticleHeader => "article-header",
            ReasonCode::BetweenBodyParts => "between-body-parts",
            ReasonCode::CallToAction => "call-to-action",
            ReasonCode::Caption => "caption",
            ReasonCode::ClassChrome => "class-chrome",
            ReasonCode::ClassNegative => "class-negative",
            ReasonCode::ClassPromo => "class-promo",
            ReasonCode::ClassRelated => "class-related",
            ReasonCode::Credit => "credit",
            ReasonCode::DanglingHeading => "dangling-heading",
            ReasonCode::Dateline => "dateline",
            ReasonCode::EditorialTeaser => "editorial-teaser",
            ReasonCode::EmbedBox => "embed-box",
            ReasonCode::Form => "form",
            ReasonCode::FormBox => "form-box",
            ReasonCode::FormSignup => "form-signup",
            ReasonCode::Furniture => "furniture",
            ReasonCode::GovernedByHeading => "governed-by-heading",
            ReasonCode::HeadingChrome => "heading-chrome",
            ReasonCode::HeadingRelated => "heading-related",
            ReasonCode::Headline => "headline",
            ReasonCode::HeadlineLink => "headline-link",
            ReasonCode::Hidden => "hidden",
            ReasonCode::ImageBox => "image-box",
            ReasonCode::InlineRelated => "inline-related",
            ReasonCode::Landmark => "landmark",
            ReasonCode::LinkDensity => "link-density",
            ReasonCode::LinkList => "link-list",
            ReasonCode::MachineText => "machine-text",
            ReasonCode::ListBox => "list-box",
            ReasonCode::OutsideBody => "outside-body",
            ReasonCode::PostNavigation => "post-navigation",
            ReasonCode::PromoPhrase => "promo-phrase",
            ReasonCode::PromoSection => "promo-section",
            ReasonCode::ShortBox => "short-box",
            ReasonCode::SponsoredCard => "sponsored-card",
            ReasonCode::Unclassified => "unclassified",
        }
    }

    /// Parses a code string.
    pub fn parse(s: &str) -> Option<ReasonCode> {
        ReasonCode::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ReasonCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What a reason's evidence quotes from the page, for the block's
/// [`Label`] and the sentences people read (not part of the JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quote {
    /// Words the reader sees: an ad label, a heading, a promotional phrase,
    /// a link's text.
    Words(String),
    /// A name in the page's markup: a class/id cue, a tag or a role.
    Markup(String),
}

/// Why a block got its kind: a stable code for machines and words for people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable machine-readable code, e.g. `link-density`.
    pub code: ReasonCode,
    /// What a person reads, e.g. `link density 0.82`.
    pub detail: String,
    /// What the evidence quotes, when it quotes something.
    #[serde(skip)]
    pub quote: Option<Quote>,
}

impl Reason {
    /// Builds a reason.
    pub fn new(code: ReasonCode, detail: impl Into<String>) -> Self {
        let mut detail = detail.into();
        // `format!` reserves twice its literal text: every leaf of a
        // 1000×1000 table held 68 bytes for a 38-byte reason (issue 15).
        detail.shrink_to_fit();
        Reason {
            code,
            detail,
            quote: None,
        }
    }

    /// The reason, quoting words the reader sees.
    pub fn quoting_words(mut self, words: impl Into<String>) -> Self {
        self.quote = Some(Quote::Words(words.into()));
        self
    }

    /// The reason, quoting a name of the page's markup.
    pub fn quoting_markup(mut self, name: impl Into<String>) -> Self {
        self.quote = Some(Quote::Markup(name.into()));
        self
    }
}

/// What a block is, in plain words for people: the `label` of the JSON.
/// "Advertisement" and "Sponsored" only ever stand on advertising evidence
/// (an ad label, ad-slot markup, a sponsor or partner disclosure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// Content: the article.
    Article,
    /// An ad slot, by its label or its markup.
    Advertisement,
    /// Sponsored or partner copy, by its label or its disclosure.
    Sponsored,
    /// A newsletter or e-mail sign-up.
    NewsletterSignup,
    /// A subscription or membership offer, a paywall.
    SubscriptionOffer,
    /// An appeal for donations or support.
    DonationAppeal,
    /// A prompt to get the site's app.
    AppDownload,
    /// Buttons to share the page.
    ShareButtons,
    /// Links to the site's social accounts, "follow us".
    SocialLinks,
    /// Any other promotion (the neutral fallback of promo).
    Promotion,
    /// Teasers for other stories, under a heading or named so.
    RelatedStories,
    /// "Most read", "Popular", "Trending".
    MostRead,
    /// A link to the previous or next article.
    PreviousNext,
    /// Links without a heading or name that says more (the neutral
    /// fallback of related).
    LinksToOtherPages,
    /// Menus, breadcrumbs, pagination.
    Navigation,
    /// The site's header.
    PageHeader,
    /// The site's footer.
    Footer,
    /// A sidebar.
    Sidebar,
    /// A comment section.
    Comments,
    /// A product's customer reviews.
    CustomerReviews,
    /// A cookie or consent notice.
    CookieNotice,
    /// The article's tags or categories.
    Tags,
    /// An author box.
    AboutTheAuthor,
    /// A photo or source credit.
    PhotoCredit,
    /// A copyright line.
    Copyright,
    /// Privacy, terms and other legal lines.
    LegalNotice,
    /// A site tool form: search, log-in.
    Form,
    /// Any other page furniture (the neutral fallback of boilerplate).
    OtherPageParts,
}

impl Label {
    /// The words people read, e.g. `Newsletter sign-up`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Article => "Article",
            Label::Advertisement => "Advertisement",
            Label::Sponsored => "Sponsored",
            Label::NewsletterSignup => "Newsletter sign-up",
            Label::SubscriptionOffer => "Subscription offer",
            Label::DonationAppeal => "Donation appeal",
            Label::AppDownload => "App download",
            Label::ShareButtons => "Share buttons",
            Label::SocialLinks => "Social links",
            Label::Promotion => "Promotion",
            Label::RelatedStories => "Related stories",
            Label::MostRead => "Most read",
            Label::PreviousNext => "Previous or next article",
            Label::LinksToOtherPages => "Links to other pages",
            Label::Navigation => "Navigation",
            Label::PageHeader => "Page header",
            Label::Footer => "Footer",
            Label::Sidebar => "Sidebar",
            Label::Comments => "Comments",
            Label::CustomerReviews => "Customer reviews",
            Label::CookieNotice => "Cookie notice",
            Label::Tags => "Tags",
            Label::AboutTheAuthor => "About the author",
            Label::PhotoCredit => "Photo credit",
            Label::Copyright => "Copyright",
            Label::LegalNotice => "Legal notice",
            Label::Form => "Form",
            Label::OtherPageParts => "Other page parts",
        }
    }

    /// Whether the label says the block is advertising or paid for.
    pub fn is_advertising(self) -> bool {
        matches!(self, Label::Advertisement | Label::Sponsored)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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
    /// What it is, in plain words for people ("Newsletter sign-up").
    pub label: Label,
    /// Why, in sentences for people ("labelled 'Advertisement'"), without
    /// codes or confidences; empty for content (the article needs no
    /// excuse: `reasons` still says why). In English: `why_messages` are
    /// the same sentences for fronts in other languages.
    pub why: Vec<String>,
    /// The sentences of `why`, one for one, as stable message ids and what
    /// they quote or count (`{"id": "labelled", "args": ["Advertisement"]}`),
    /// for a front to say in its own language.
    pub why_messages: Vec<WhyMessage>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_serialise_as_their_kebab_case_strings() {
        for code in ReasonCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ReasonCode::parse(code.as_str()), Some(code));
            // The Rust name in kebab case is the code: one spelling of each.
            let kebab: String = format!("{code:?}")
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let dash = (i > 0 && c.is_ascii_uppercase()).then_some('-');
                    dash.into_iter()
                        .chain(std::iter::once(c.to_ascii_lowercase()))
                })
                .collect();
            assert_eq!(kebab, code.as_str());
        }
        let mut sorted = ReasonCode::ALL.map(ReasonCode::as_str).to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ReasonCode::ALL.len());
        let r = Reason::new(ReasonCode::AdLabel, "label 'Ad'");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"ad-label","detail":"label 'Ad'"}"#
        );
    }
}
