//! Turns an analysis into the text each output format asks for.

use super::args::{BatchFormat, ExtractFormat};
use declutter::{Analysis, Article, Block, PageType};
use serde::Serialize;

/// The blocks document: `{"blocks": [...], "page_type": ..., ...}`, an
/// object so that fields can be added later without breaking readers.
#[derive(Serialize)]
struct BlocksDoc<'a> {
    blocks: &'a [Block],
    page_type: PageType,
    page_type_evidence: &'a [String],
}

/// The output of `extract` in `format`.
pub fn extract(analysis: &Analysis, format: ExtractFormat) -> Result<String, String> {
    let article = &analysis.article;
    Ok(match format {
        ExtractFormat::Text => article.text.clone(),
        ExtractFormat::Html => article.content_html.clone(),
        ExtractFormat::Markdown => markdown(article),
        ExtractFormat::Json => article_json(article)?,
    })
}

/// The output of `batch` for one page in `format`.
pub fn batch(analysis: &Analysis, format: BatchFormat) -> Result<String, String> {
    match format {
        BatchFormat::Text => Ok(analysis.article.text.clone()),
        BatchFormat::Json => article_json(&analysis.article),
        BatchFormat::Blocks => blocks_json(analysis),
    }
}

/// The article and its metadata as pretty JSON.
pub fn article_json(article: &Article) -> Result<String, String> {
    serde_json::to_string_pretty(article).map_err(|e| format!("cannot write JSON: {e}"))
}

/// The labelled blocks as pretty JSON.
pub fn blocks_json(analysis: &Analysis) -> Result<String, String> {
    serde_json::to_string_pretty(&BlocksDoc {
        blocks: &analysis.blocks,
        page_type: analysis.page_type,
        page_type_evidence: &analysis.page_type_evidence,
    })
    .map_err(|e| format!("cannot write JSON: {e}"))
}

/// The article as Markdown, headed by its title.
fn markdown(article: &Article) -> String {
    declutter::article::markdown::render(article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use declutter::{Kind, Reason, ReasonCode};

    fn sample() -> Analysis {
        Analysis {
            blocks: vec![Block {
                kind: Kind::Promo,
                text: "Buy now".into(),
                confidence: 0.5,
                reasons: vec![Reason::new(
                    ReasonCode::CallToAction,
                    "call to action 'Buy now'",
                )],
                label: declutter::Label::Promotion,
                why: vec!["a link saying 'Buy now'".into()],
                why_messages: vec![declutter::WhyMessage::quoting(
                    declutter::WhyId::LinkSaying,
                    "Buy now",
                )],
                nodes: vec![3],
            }],
            article: Article {
                title: Some("Headline".into()),
                text: "First.\n\nSecond.".into(),
                content_html: "<p>First.</p><p>Second.</p>".into(),
                ..Article::default()
            },
            page_type: PageType::Article,
            page_type_evidence: vec!["og:type article".into()],
        }
    }

    #[test]
    fn each_extract_format_gives_its_part() {
        let a = sample();
        assert_eq!(
            extract(&a, ExtractFormat::Text).unwrap(),
            "First.\n\nSecond."
        );
        assert!(extract(&a, ExtractFormat::Html).unwrap().starts_with("<p>"));
        let md = extract(&a, ExtractFormat::Markdown).unwrap();
        assert!(md.starts_with("# Headline\n\n"), "{md}");
        assert!(md.contains("Second."));
        let json: serde_json::Value =
            serde_json::from_str(&extract(&a, ExtractFormat::Json).unwrap()).unwrap();
        assert_eq!(json["title"], "Headline");
        assert_eq!(json["word_count"], 0);
    }

    #[test]
    fn blocks_json_is_an_object_with_the_blocks_in_order() {
        let json: serde_json::Value =
            serde_json::from_str(&batch(&sample(), BatchFormat::Blocks).unwrap()).unwrap();
        let blocks = json["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0]["kind"], "promo");
        assert_eq!(blocks[0]["reasons"][0]["code"], "call-to-action");
        assert_eq!(blocks[0]["label"], "Promotion");
        assert_eq!(blocks[0]["why"][0], "a link saying 'Buy now'");
        assert_eq!(blocks[0]["why_messages"][0]["id"], "link_saying");
        assert_eq!(blocks[0]["why_messages"][0]["args"][0], "Buy now");
        // Node ids are for in-process fronts, not for JSON readers.
        assert!(blocks[0].get("nodes").is_none());
    }
}
