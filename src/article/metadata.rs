//! Title, byline, date, site name, language, direction, excerpt and lead
//! image, from JSON-LD, OpenGraph, meta tags, then the page itself.

use crate::dom::Document;
use url::Url;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Option<String>,
    /// A short summary the page gives.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
}

/// Reads the page's metadata (placeholder: the `<title>` only).
pub fn extract(doc: &Document, _page_url: Option<&Url>) -> Metadata {
    let title = doc
        .find(crate::dom::DOCUMENT, "title")
        .map(|t| {
            doc.text_content(t)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    Metadata {
        title,
        ..Metadata::default()
    }
}

/// The URL relative links resolve against: `<base href>` resolved against
/// the page URL, else the page URL.
pub fn base_url(_doc: &Document, page_url: Option<&Url>) -> Option<Url> {
    page_url.cloned()
}
