//! Schema.org JSON-LD (`<script type="application/ld+json">`), read the way
//! Readability's `_getJSONLD` reads it: the first script holding an
//! article-typed object wins, found at the top level, in a top-level array
//! or in an `@graph`.

use super::json::{self, Value};
use super::similarity::text_similarity;
use super::text::{js_trim, text_content};
use super::title::article_title;
use crate::dom::{Document, DOCUMENT};

/// Schema.org types that mark an article, as Readability's
/// `jsonLdArticleTypes` pattern lists them. Its pattern is anchored only at
/// the two ends, so the first name must start the type, the last must end
/// it, and every other name may occur anywhere in it.
const FIRST_TYPE: &str = "Article";
const LAST_TYPE: &str = "APIReference";
const INNER_TYPES: &[&str] = &[
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
];

/// Above this similarity to the page title a JSON-LD `name` or `headline`
/// counts as the article's title.
const TITLE_MATCH_SIMILARITY: f64 = 0.75;

/// What the article object says. Every field is raw (not yet unescaped or
/// collapsed).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct JsonLd {
    /// `name` or `headline`.
    pub title: Option<String>,
    /// `author.name`, or the names of an author array joined by ", ".
    pub byline: Option<String>,
    /// `author` given as a bare string, which Readability ignores; used
    /// only as a last resort.
    pub author_text: Option<String>,
    /// `description`.
    pub excerpt: Option<String>,
    /// `publisher.name`.
    pub site_name: Option<String>,
    /// `datePublished`.
    pub published: Option<String>,
    /// `image` as a URL string, the `url` of an image object, or the first
    /// of an array of either.
    pub image: Option<String>,
    /// `articleBody`: the whole text, which client-rendered pages carry
    /// here while their markup is an empty shell.
    pub body: Option<String>,
}

/// Why a script gave nothing: JavaScript would have thrown (a type error
/// on an odd shape, a parse error) or the object is simply not an article.
/// Either way Readability moves on to the next script.
struct Skip;

/// Reads the first article object of the page's JSON-LD scripts.
pub(crate) fn extract(doc: &Document) -> JsonLd {
    for script in doc.find_all(DOCUMENT, "script") {
        if doc.attr(script, "type") != Some("application/ld+json") {
            continue;
        }
        let raw = text_content(doc, script);
        let Some(parsed) = json::parse(strip_cdata(&raw)) else {
            continue;
        };
        if let Ok(Some(article)) = find_article(&parsed) {
            return read_article(doc, article);
        }
    }
    JsonLd::default()
}

/// Schema.org types of products: the `description` of one is a product
/// page's main text here, and segmentation reads a page declaring one as a
/// product page.
pub(crate) const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup", "IndividualProduct"];

/// The longest `description` of a product object in the page's JSON-LD
/// (at any depth: `@graph`, arrays, `mainEntity`), as plain text: markup
/// inside it becomes line breaks, entities are decoded. A product page
/// rendered by scripts shows next to nothing as served while its JSON-LD
/// holds the description (WCXB dev: two product pages at 0.04 and 0.01
/// word F1 whose declared description alone scores 1.00 and 0.65).
pub(crate) fn product_description(doc: &Document) -> Option<String> {
    let mut best: Option<String> = None;
    for script in doc.find_all(DOCUMENT, "script") {
        if doc.attr(script, "type") != Some("application/ld+json") {
            continue;
        }
        let raw = text_content(doc, script);
        let Some(parsed) = json::parse(strip_cdata(&raw)) else {
            continue;
        };
        let mut stack = vec![&parsed];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter()),
                Value::Object(map) => {
                    let is_product = match map.get("@type") {
                        Some(Value::String(t)) => PRODUCT_TYPES.contains(&t.as_str()),
                        Some(Value::Array(ts)) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| PRODUCT_TYPES.contains(&t))),
                        _ => false,
                    };
                    if let Some(d) = map.get("description").and_then(Value::as_str) {
                        if is_product && best.as_ref().is_none_or(|b| b.len() < d.len()) {
                            best = Some(d.to_string());
                        }
                    }
                    stack.extend(map.values());
                }
                _ => {}
            }
        }
    }
    best.map(|d| plain_text(&d)).filter(|d| !d.is_empty())
}

/// A description's text: tags become line breaks, entities decoded.
fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    super::text::unescape_entities(&out).trim().to_string()
}

/// Removes `<![CDATA[` and `]]>` wrappers some CMSes put around the JSON.
fn strip_cdata(s: &str) -> &str {
    let mut s = s;
    let trimmed = s.trim_start();
    if let Some(rest) = trimmed.strip_prefix("<![CDATA[") {
        s = rest;
    }
    let trimmed = s.trim_end();
    if let Some(rest) = trimmed.strip_suffix("]]>") {
        s = rest;
    }
    s
}

/// Locates the article object in one script's JSON, following Readability's
/// order of checks, including the shapes on which its JavaScript throws.
fn find_article(parsed: &Value) -> Result<Option<&Value>, Skip> {
    let mut obj = parsed;
    if let Value::Array(items) = parsed {
        let mut found = None;
        for item in items {
            // `it["@type"] && it["@type"].match(...)`
            let ty = member(item)?.get("@type");
            if truthy(ty) && type_matches(ty)? {
                found = Some(item);
                break;
            }
        }
        match found {
            Some(f) => obj = f,
            None => return Ok(None),
        }
    }
    if !has_schema_context(obj)? {
        return Ok(None);
    }
    let ty = obj.get("@type");
    if !truthy(ty) {
        if let Some(Value::Array(graph)) = obj.get("@graph") {
            let mut found = None;
            for item in graph {
                // `(it["@type"] || "").match(...)`
                let ty = member(item)?.get("@type");
                if truthy(ty) && type_matches(ty)? {
                    found = Some(item);
                    break;
                }
            }
            match found {
                Some(f) => obj = f,
                None => return Ok(None),
            }
        }
    }
    let ty = obj.get("@type");
    if !truthy(ty) || !type_matches(ty)? {
        return Ok(None);
    }
    Ok(Some(obj))
}

/// Property access on a JSON value as JavaScript does it: `null` throws,
/// other primitives have no such property.
fn member(v: &Value) -> Result<&Value, Skip> {
    if v.is_null() {
        Err(Skip)
    } else {
        Ok(v)
    }
}

/// JavaScript truthiness of an optional JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => *n != 0.0,
        Some(Value::String(s)) => !s.is_empty(),
        Some(_) => true,
    }
}

/// `type.match(jsonLdArticleTypes)`: only strings have `match`; anything
/// else throws in JavaScript.
fn type_matches(v: Option<&Value>) -> Result<bool, Skip> {
    match v {
        Some(Value::String(s)) => Ok(is_article_type(s)),
        _ => Err(Skip),
    }
}

/// Whether a schema.org type names an article, per Readability's pattern.
fn is_article_type(t: &str) -> bool {
    t.starts_with(FIRST_TYPE) || t.ends_with(LAST_TYPE) || INNER_TYPES.iter().any(|n| t.contains(n))
}

/// `@context` is schema.org, given as a string or as an object's `@vocab`.
fn has_schema_context(obj: &Value) -> Result<bool, Skip> {
    match obj.get("@context") {
        Some(Value::String(s)) => Ok(is_schema_org(s)),
        Some(Value::Null) => Err(Skip),
        Some(Value::Object(m)) => {
            Ok(matches!(m.get("@vocab"), Some(Value::String(s)) if is_schema_org(s)))
        }
        _ => Ok(false),
    }
}

/// `^https?://schema\.org/?$`
fn is_schema_org(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    matches!(rest, Some("schema.org") | Some("schema.org/"))
}

fn string_of<'a>(obj: &'a Value, key: &str) -> Option<&'a str> {
    obj.get(key).and_then(Value::as_str)
}

/// Pulls the fields out of the chosen article object.
fn read_article(doc: &Document, obj: &Value) -> JsonLd {
    let mut out = JsonLd::default();
    let name = string_of(obj, "name");
    let headline = string_of(obj, "headline");
    out.title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Some sites put their own name in `name`: prefer whichever
            // looks like the page title.
            let title = article_title(doc);
            let name_matches = text_similarity(n, &title) > TITLE_MATCH_SIMILARITY;
            let headline_matches = text_similarity(h, &title) > TITLE_MATCH_SIMILARITY;
            Some(
                if headline_matches && !name_matches {
                    h
                } else {
                    n
                }
                .to_string(),
            )
        }
        (Some(n), _) => Some(js_trim(n).to_string()),
        (None, Some(h)) => Some(js_trim(h).to_string()),
        (None, None) => None,
    };
    if let Some(author) = obj.get("author").filter(|a| truthy(Some(a))) {
        out.byline = author_names(author);
        if let Value::String(s) = author {
            out.author_text = Some(js_trim(s).to_string());
        }
    }
    out.excerpt = string_of(obj, "description").map(|s| js_trim(s).to_string());
    out.site_name = obj
        .get("publisher")
        .and_then(|p| string_of(p, "name"))
        .map(|s| js_trim(s).to_string());
    out.published = string_of(obj, "datePublished").map(|s| js_trim(s).to_string());
    out.image = obj.get("image").and_then(image_url);
    out.body = string_of(obj, "articleBody").map(|s| s.trim().to_string());
    out
}

/// `author.name`, or the trimmed names of an author array whose first entry
/// has a name, joined by ", ".
fn author_names(author: &Value) -> Option<String> {
    if let Some(name) = string_of(author, "name") {
        return Some(js_trim(name).to_string());
    }
    let list = author.as_array()?;
    list.first().and_then(|a| string_of(a, "name"))?;
    let names: Vec<&str> = list
        .iter()
        .filter_map(|a| string_of(a, "name"))
        .map(js_trim)
        .collect();
    Some(names.join(", "))
}

/// An image given as a URL, an ImageObject (`url`, else `contentUrl`), or
/// an array of those (the first usable one).
fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(_) => string_of(v, "url")
            .or_else(|| string_of(v, "contentUrl"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(image_url),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn ld(json: &str) -> JsonLd {
        extract(&parse_html(&format!(
            "<title>Storm hits the coast</title><script type=\"application/ld+json\">{json}</script>"
        )))
    }

    #[test]
    fn reads_a_news_article() {
        let got = ld(r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":" Storm hits the coast ","author":{"@type":"Person","name":"Ann Lee"},
            "datePublished":"2020-01-02T03:04:05Z","description":"Summary.",
            "publisher":{"name":"Daily"},"image":{"url":"/a.jpg"}}"#);
        assert_eq!(got.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(got.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(got.published.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(got.excerpt.as_deref(), Some("Summary."));
        assert_eq!(got.site_name.as_deref(), Some("Daily"));
        assert_eq!(got.image.as_deref(), Some("/a.jpg"));
    }

    #[test]
    fn joins_author_arrays_and_keeps_string_authors_aside() {
        let got = ld(r#"{"@context":"http://schema.org/","@type":"BlogPosting",
            "author":[{"name":"A"},{"url":"x"},{"name":" B "}]}"#);
        assert_eq!(got.byline.as_deref(), Some("A, B"));
        let got = ld(r#"{"@context":"http://schema.org","@type":"Article","author":"Jo Doe"}"#);
        assert_eq!(got.byline, None);
        assert_eq!(got.author_text.as_deref(), Some("Jo Doe"));
    }

    #[test]
    fn finds_articles_in_graphs_and_arrays() {
        let got = ld(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},{"@type":"ReportageNewsArticle","name":"In graph"}]}"#);
        assert_eq!(got.title.as_deref(), Some("In graph"));
        let got = ld(
            r#"[{"@type":"WebPage"},{"@context":"https://schema.org","@type":"Article","name":"In array"}]"#,
        );
        assert_eq!(got.title.as_deref(), Some("In array"));
        let got =
            ld(r#"{"@context":{"@vocab":"https://schema.org/"},"@type":"Article","name":"Vocab"}"#);
        assert_eq!(got.title.as_deref(), Some("Vocab"));
    }

    #[test]
    fn ignores_non_articles_bad_context_and_junk() {
        assert_eq!(
            ld(r#"{"@context":"https://schema.org","@type":"WebPage","name":"x"}"#),
            JsonLd::default()
        );
        assert_eq!(
            ld(r#"{"@context":"https://example.org","@type":"Article","name":"x"}"#),
            JsonLd::default()
        );
        assert_eq!(
            ld(r#"{"@context":"https://schema.org","@type":["Article"],"name":"x"}"#),
            JsonLd::default()
        );
        assert_eq!(ld("{not json"), JsonLd::default());
        assert_eq!(ld("null"), JsonLd::default());
        assert_eq!(ld("[null]"), JsonLd::default());
    }

    #[test]
    fn prefers_the_headline_that_matches_the_page_title() {
        let got = ld(r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "name":"Daily Site","headline":"Storm hits the coast"}"#);
        assert_eq!(got.title.as_deref(), Some("Storm hits the coast"));
        let got = ld(r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "name":"Something","headline":"Else entirely"}"#);
        assert_eq!(got.title.as_deref(), Some("Something"));
    }

    #[test]
    fn strips_cdata_and_takes_the_first_article_script() {
        let doc = parse_html(
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\"}</script>\
             <script type=\"application/ld+json\"><![CDATA[{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"name\":\"First\"}]]></script>\
             <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"name\":\"Second\"}</script>",
        );
        assert_eq!(extract(&doc).title.as_deref(), Some("First"));
    }

    #[test]
    fn type_pattern_matches_like_readability() {
        assert!(is_article_type("NewsArticle"));
        assert!(is_article_type("ArticleSomething"));
        assert!(is_article_type("MyReportX"));
        assert!(!is_article_type("WebPage"));
        assert!(!is_article_type("article"));
    }

    #[test]
    fn a_products_longest_description_is_read_as_plain_text() {
        let doc = parse_html(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"Organization","description":"A shop with a long description of itself, longer than anything."},
                {"@type":["Product"],"description":"<p>Dark roast.</p><p>Fair &amp; organic.</p>"}]}</script>
               <script type="application/ld+json">{"@type":"ProductGroup","description":"Short."}</script>"#,
        );
        assert_eq!(
            product_description(&doc).as_deref(),
            Some("Dark roast.\n\nFair & organic.")
        );
        assert_eq!(product_description(&parse_html("<p>x</p>")), None);
    }
}
