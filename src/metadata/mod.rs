//! Title, byline, date, site name, language, direction, excerpt and lead
//! image, from JSON-LD, OpenGraph, meta tags, then the page itself.
//!
//! The fields Mozilla Readability reports follow its rules and its order of
//! sources exactly, so that a page reads the same here as in Firefox's
//! Reader View; what Readability leaves empty is then filled from further
//! sources (string JSON-LD authors, more date tags, `<time>`), and the lead
//! image, which Readability does not report, comes from the usual image
//! tags.

mod byline;
mod dates;
mod json;
mod jsonld;
mod meta_tags;
mod page;
pub(crate) mod similarity;
mod text;
mod title;

use crate::dom::{Document, Walk, DOCUMENT};
use meta_tags::MetaTags;
use text::{non_empty, unescape_entities};
use url::Url;

pub(crate) use jsonld::PRODUCT_TYPES;

/// Meta keys for the title, in Readability's order.
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];
/// Meta keys for the author, in Readability's order (`article:author` comes
/// last and only when it is not a profile URL).
const BYLINE_KEYS: &[&str] = &["dc:creator", "dcterm:creator", "author", "parsely-author"];
/// Author tags Readability does not read, tried after everything it reads.
const EXTRA_BYLINE_KEYS: &[&str] = &["sailthru.author", "byl"];
/// Meta keys for the summary, in Readability's order.
const EXCERPT_KEYS: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];
/// Meta keys for the site name, in Readability's order.
const SITE_NAME_KEYS: &[&str] = &["og:site_name"];
/// Site name tags Readability does not read.
const EXTRA_SITE_NAME_KEYS: &[&str] = &["application-name"];
/// Meta keys for the publication date, in Readability's order.
const PUBLISHED_KEYS: &[&str] = &["article:published_time", "parsely-pub-date"];
/// Date tags Readability does not read, most specific first.
const EXTRA_PUBLISHED_KEYS: &[&str] = &[
    "datepublished",
    "og:published_time",
    "article:published",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
];
/// Image tags, most specific first.
const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "image",
    "thumbnailurl",
];

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 when it could be read, else as written.
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
    /// The article text a page declares in its JSON-LD (`articleBody`), as
    /// written (paragraphs separated by line breaks).
    pub article_body: Option<String>,
}

/// Reads the page's metadata. Every field is whitespace-collapsed and
/// trimmed; an empty value is `None`. The excerpt is only what the page
/// declares (the caller falls back to the first paragraph).
pub fn extract(doc: &Document, page_url: Option<&Url>) -> Metadata {
    let ld = jsonld::extract(doc);
    let tags = MetaTags::collect(doc);
    let declared = |ld_value: &Option<String>, keys: &[&str]| -> Option<String> {
        first_non_empty([ld_value.as_deref(), tags.readability(keys)])
            .map(|v| unescape_entities(&v))
    };

    let title = declared(&ld.title, TITLE_KEYS)
        .and_then(|t| non_empty(&t))
        .unwrap_or_else(|| unescape_entities(&title::article_title(doc)));

    // Readability's sources first, and the page's own byline only when no
    // metadata names anyone; sources it ignores come after all of these so
    // that wherever it finds a byline, the same one is returned.
    let article_author = tags
        .readability(&["article:author"])
        .filter(|a| crate::address::parse(None, a).is_err());
    let byline = first_non_empty([
        ld.byline.as_deref(),
        tags.readability(BYLINE_KEYS),
        article_author,
    ])
    .map(|v| unescape_entities(&v))
    .or_else(|| byline::from_page(doc, &title))
    .and_then(|b| non_empty(&b))
    .or_else(|| first_non_empty([ld.author_text.as_deref(), tags.any(EXTRA_BYLINE_KEYS)]));

    let site_name = declared(&ld.site_name, SITE_NAME_KEYS)
        .and_then(|s| non_empty(&s))
        .or_else(|| tags.any(EXTRA_SITE_NAME_KEYS).and_then(non_empty));

    let published = declared(&ld.published, PUBLISHED_KEYS)
        .and_then(|s| non_empty(&s))
        .or_else(|| tags.any(EXTRA_PUBLISHED_KEYS).and_then(non_empty))
        .or_else(|| time_element_date(doc))
        .map(|d| dates::normalize(&d));

    let base = base_url(doc, page_url);
    let lead_image = ld
        .image
        .iter()
        .map(String::as_str)
        .chain(tags.any(IMAGE_KEYS))
        .chain(link_image(doc))
        .find_map(|src| resolve(base.as_ref(), src));

    Metadata {
        title: non_empty(&title),
        byline: byline.and_then(|b| non_empty(&b)),
        published,
        site_name,
        lang: page::lang(doc),
        dir: page::dir(doc),
        excerpt: declared(&ld.excerpt, EXCERPT_KEYS).and_then(|e| non_empty(&e)),
        lead_image,
        // A product's declared description stands in for a declared
        // article body: the article builder uses either only when the
        // page as served shows a small fraction of it.
        article_body: ld
            .body
            .filter(|b| !b.is_empty())
            .or_else(|| jsonld::product_description(doc)),
    }
}

/// The URL relative links resolve against: `<base href>` resolved against
/// the page URL, else the page URL.
pub fn base_url(doc: &Document, page_url: Option<&Url>) -> Option<Url> {
    // As in browsers, only the first <base> with an href counts.
    let href = doc
        .find_all(DOCUMENT, "base")
        .find_map(|b| doc.attr(b, "href"))
        .map(str::trim);
    let from_base = href.and_then(|h| crate::address::parse(page_url, h).ok());
    from_base
        .filter(|u| !u.cannot_be_a_base())
        .or_else(|| page_url.cloned())
}

/// The first value that is not blank.
fn first_non_empty<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    values
        .into_iter()
        .flatten()
        .find(|v| !text::js_trim(v).is_empty())
        .map(|v| text::js_trim(v).to_string())
}

/// A publication date marked up in the page: a `<time>` (or other element)
/// flagged `itemprop="datePublished"` or `pubdate`, else the first
/// `<time datetime>` inside an `<article>`.
fn time_element_date(doc: &Document) -> Option<String> {
    let flagged = doc.descendants(DOCUMENT).find_map(|n| {
        let published = doc.attr(n, "itemprop").is_some_and(|i| {
            i.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("datePublished"))
        }) || (doc.is(n, "time") && doc.attr(n, "pubdate").is_some());
        if !published {
            return None;
        }
        doc.attr(n, "datetime")
            .or_else(|| doc.attr(n, "content"))
            .and_then(non_empty)
    });
    flagged.or_else(|| first_time_in_article(doc))
}

/// The first `<time datetime>` inside an `<article>`, in one walk. Taking
/// the articles in document order and the first such `<time>` in each finds
/// the same one as taking the first in document order that has an
/// `<article>` ancestor, but a subtree scan per article costs depth × size
/// on a page of nested articles (512 levels over 100,000 elements: ~1 s).
fn first_time_in_article(doc: &Document) -> Option<String> {
    let mut open_articles = 0usize;
    let mut found = None;
    doc.walk(DOCUMENT, |step| match step {
        Walk::Enter(n) => {
            if found.is_some() {
                return false;
            }
            if open_articles > 0 && doc.is(n, "time") {
                found = doc.attr(n, "datetime").and_then(non_empty);
            }
            if doc.is(n, "article") {
                open_articles += 1;
            }
            true
        }
        Walk::Leave(n) => {
            if doc.is(n, "article") {
                open_articles -= 1;
            }
            true
        }
    });
    found
}

/// `<link rel="image_src" href>`, an old convention some CMSes still emit.
fn link_image(doc: &Document) -> Option<&str> {
    doc.find_all(DOCUMENT, "link")
        .find(|&l| {
            doc.attr(l, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("image_src"))
            })
        })
        .and_then(|l| doc.attr(l, "href"))
}

/// An absolute http(s) URL for `src`, resolved against `base`.
fn resolve(base: Option<&Url>, src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    let url = crate::address::parse(base, src).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

#[cfg(test)]
mod tests;
