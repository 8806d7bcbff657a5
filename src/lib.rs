//! Declutter: splits a web page into content, promo, related and
//! boilerplate blocks, and builds a clean article from the content.
//!
//! The stages run in the order of the modules below: one of the two fronts
//! makes the core's own [`dom::Document`] (from HTML, [`parse`]; from a
//! browser's DOM snapshot, [`snapshot`]); `metadata` reads the page's title,
//! byline and dates; `segment` cuts the page into blocks and classifies
//! them; `article` builds the clean article from the content blocks. No
//! stage imports a later one; `visibility` (what a reader never sees) and
//! `tag_sets` (element names by what they mean) sit beside the document
//! model, for every stage.
//!
//! The public API is [`analyze_html`], [`analyze_text`] (both with the
//! `html` feature, on by default), [`analyze_snapshot`] and
//! [`analyze_document`], with [`Options`], the results
//! ([`Analysis`], [`Block`], [`Kind`], [`Label`], [`Reason`], [`ReasonCode`], [`Quote`], [`Article`]), [`Error`],
//! the document model ([`dom`]), the fronts' entry points, and the article
//! as Markdown ([`article::markdown`], with `html`).

// The two fronts, and the small reader for markup met as text (a
// noscript's image), which needs no parser.
pub mod markup;
#[cfg(feature = "html")]
pub mod parse;
pub mod snapshot;

// The document they make, the names of its elements by what they mean,
// what its class names say, and what of it a reader sees.
mod address;
mod cloak;
pub mod dom;
mod names;
mod needles;
mod tag_sets;
mod visibility;

// The stages, in the order they run (blank lines keep rustfmt from sorting
// them).
mod metadata;

mod cues;
mod segment;
mod sort;

pub mod article;

// The results and the errors.
mod error;
mod fixed;
mod model;
mod why;

pub use error::Error;
pub use model::{Analysis, Article, Block, Kind, Label, PageType, Quote, Reason, ReasonCode};
pub use why::{WhyArg, WhyArgKind, WhyId, WhyMessage};

use url::Url;

/// What the caller tells the analysis about the page.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's address, for resolving relative links and images.
    pub url: Option<Url>,
}

impl Options {
    /// Options for a page at `url`; a URL that does not parse is an error,
    /// not silently ignored.
    pub fn with_url(url: &str) -> Result<Self, Error> {
        let url = address::parse(None, url).map_err(|_| Error::BadUrl(url.to_string()))?;
        Ok(Options { url: Some(url) })
    }
}

/// Analyses a page given as HTML bytes in any encoding.
#[cfg(feature = "encoding")]
pub fn analyze_html(bytes: &[u8], options: &Options) -> Result<Analysis, Error> {
    let doc = parse::parse_bytes(bytes)?;
    Ok(analyze_owned(doc, options))
}

/// Analyses a page given as HTML text already decoded (a browser's string).
#[cfg(feature = "html")]
pub fn analyze_text(html: &str, options: &Options) -> Result<Analysis, Error> {
    let doc = parse::parse_text(html)?;
    Ok(analyze_owned(doc, options))
}

/// Analyses a DOM snapshot made by the browser walker
/// (`crates/declutter-wasm/js/snapshot.js`); the returned
/// [`snapshot::Built`] maps the blocks' nodes back to the walker's node
/// list.
pub fn analyze_snapshot(
    ops: &[u32],
    strings: &str,
    options: &Options,
) -> Result<(Analysis, snapshot::Built), Error> {
    let built = snapshot::build(ops, strings)?;
    if built.doc.len() <= 1 {
        return Err(Error::Empty);
    }
    let analysis = analyze_document(&built.doc, options);
    Ok((analysis, built))
}

/// Analyses a page already in the core's document model (the browser front
/// builds one from a live DOM).
pub fn analyze_document(doc: &dom::Document, options: &Options) -> Analysis {
    analyze_from(std::borrow::Cow::Borrowed(doc), options)
}

/// [`analyze_document`] on a document no one needs after: it is freed once
/// the article's clean copy is made, so the two are never held together
/// with the article's HTML and text (a 1000x1000 table's 145 MB document
/// was the article step's peak; issue 15).
#[cfg(feature = "html")]
fn analyze_owned(doc: dom::Document, options: &Options) -> Analysis {
    analyze_from(std::borrow::Cow::Owned(doc), options)
}

/// The analysis of a document borrowed or given up (see [`analyze_owned`]).
fn analyze_from(doc: std::borrow::Cow<'_, dom::Document>, options: &Options) -> Analysis {
    let meta = metadata::extract(&doc, options.url.as_ref());
    let hints = segment::Hints {
        title: meta.title.as_deref(),
        byline: meta.byline.as_deref(),
        url: options.url.as_ref(),
    };
    let segmentation = segment::segment(&doc, &hints);
    let article = article::build_from(doc, &segmentation, meta, options.url.as_ref());
    Analysis {
        page_type: segmentation.page_type,
        page_type_evidence: segmentation.page_type_evidence,
        blocks: segmentation.blocks,
        article,
    }
}
