//! Builds the article from the content blocks: metadata, clean HTML, text.

pub(crate) mod clean;
// It re-reads the clean HTML with the parser.
#[cfg(feature = "html")]
pub mod markdown;
pub(crate) mod text;

use crate::dom::Document;
use crate::metadata;
use crate::model::Article;
use crate::segment::Segmentation;
use std::borrow::Cow;
use url::Url;

/// Average silent reading speed used for the reading time.
const WORDS_PER_MINUTE: usize = 230;
/// An article of fewer words than this, on a page whose JSON-LD declares
/// an `articleBody`...
const SHELL_MAX_WORDS: usize = 100;
/// ...at least this many times longer, is a client-rendered shell: the
/// declared body is the article.
const SHELL_GROWTH: usize = 3;

/// Builds the article for a segmented page.
pub fn build(
    doc: &Document,
    seg: &Segmentation,
    meta: metadata::Metadata,
    page_url: Option<&Url>,
) -> Article {
    build_from(Cow::Borrowed(doc), seg, meta, page_url)
}

/// [`build`] from a document borrowed or given up: one given up is freed
/// as soon as its clean copy is made, before the copy is written out as
/// HTML and text (the document, the copy and both outputs at once made a
/// 1000x1000 table's peak, 347 MB; issue 15).
pub(crate) fn build_from(
    doc: Cow<'_, Document>,
    seg: &Segmentation,
    meta: metadata::Metadata,
    page_url: Option<&Url>,
) -> Article {
    let base = metadata::base_url(&doc, page_url);
    let clean = clean::build(&doc, &seg.selection, base.as_ref());
    drop(doc);
    let mut content_html = clean::to_html(&clean);
    let mut text = text::to_text(&clean);
    let mut word_count = text.split_whitespace().count();
    if let Some(body) = meta.article_body.as_deref() {
        let declared_words = body.split_whitespace().count();
        // A client-rendered page: its markup is a shell, the story is in
        // its JSON-LD.
        if word_count < SHELL_MAX_WORDS
            && declared_words >= word_count * SHELL_GROWTH
            && declared_words >= SHELL_MAX_WORDS
        {
            let paragraphs: Vec<String> = body
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            let declared_html: String = paragraphs
                .iter()
                .map(|p| format!("<p>{}</p>", escape_text(p)))
                .collect();
            let declared_text = paragraphs.join("\n\n");
            // What the shell did show (a standfirst) stays in front.
            let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if shown.is_empty() || declared_text.contains(&shown) {
                content_html = declared_html;
                text = declared_text;
            } else {
                content_html.push_str(&declared_html);
                text = format!("{text}\n\n{declared_text}");
            }
            word_count = text.split_whitespace().count();
        }
    }
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

/// Escapes text for HTML element content.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The article's first paragraph, as Readability uses it when a page gives
/// no description.
fn first_paragraph(text: &str) -> Option<String> {
    text.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use crate::{analyze_html, Options};

    fn page(body_html: &str, article_body: &str) -> String {
        format!(
            r#"<html><head><title>T</title><script type="application/ld+json">
            {{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T",
              "articleBody": "{article_body}"}}</script></head><body>{body_html}</body></html>"#
        )
    }

    #[test]
    fn a_client_rendered_shell_takes_the_declared_body() {
        let words = "Word after word the story goes on. ".repeat(40);
        let html = page("<div id=app><p>Loading the story now.</p></div>", &words);
        let a = analyze_html(html.as_bytes(), &Options::default()).unwrap();
        assert!(a.article.word_count >= 280, "{}", a.article.word_count);
        assert!(a.article.text.starts_with("Loading the story now."));
        assert!(a.article.content_html.contains("<p>Word after word"));
    }

    #[test]
    fn a_rendered_article_keeps_its_own_text() {
        let para = "<p>This rendered paragraph is long enough to count as prose, with commas, and more words.</p>";
        let html = page(&para.repeat(30), "Something else entirely.");
        let a = analyze_html(html.as_bytes(), &Options::default()).unwrap();
        assert!(!a.article.text.contains("Something else entirely"));
        assert!(a.article.word_count > 300);
    }
}
