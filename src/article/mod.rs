//! Builds the article from the content blocks: metadata, clean HTML, text.

pub mod clean;
pub mod markdown;
pub mod metadata;
pub mod text;

use crate::dom::{Document, NodeId};
use crate::model::Article;
use crate::segment::Segmentation;
use url::Url;

/// Average silent reading speed used for the reading time.
const WORDS_PER_MINUTE: usize = 230;

/// The part of a page's tree that makes the article.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Subtrees holding the article, in document order.
    pub roots: Vec<NodeId>,
    /// Indexed by node id: true for nodes whose whole subtree is left out of
    /// the article although it lies under a root (promo, related and
    /// boilerplate blocks inside the article container).
    pub excluded: Vec<bool>,
}

impl Selection {
    /// Whether `id`'s subtree is left out.
    pub fn is_excluded(&self, id: NodeId) -> bool {
        self.excluded.get(id).copied().unwrap_or(false)
    }
}

/// Builds the article for a segmented page.
pub fn build(
    doc: &Document,
    seg: &Segmentation,
    meta: metadata::Metadata,
    page_url: Option<&Url>,
) -> Article {
    let base = metadata::base_url(doc, page_url);
    let clean = clean::build(doc, &seg.selection, base.as_ref());
    let content_html = clean::to_html(&clean);
    let text = text::to_text(&clean);
    let word_count = text.split_whitespace().count();
    let reading_minutes = if word_count == 0 {
        0
    } else {
        word_count.div_ceil(WORDS_PER_MINUTE) as u32
    };
    let excerpt = meta.excerpt.clone().or_else(|| first_paragraph(&text));
    Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        lang: meta.lang,
        dir: meta.dir,
        excerpt,
        lead_image: meta.lead_image,
        content_html,
        text,
        word_count,
        reading_minutes,
    }
}

/// The article's first paragraph, as Readability uses it when a page gives
/// no description.
fn first_paragraph(text: &str) -> Option<String> {
    text.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .map(str::to_string)
}
