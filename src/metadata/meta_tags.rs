//! `<meta>` tags: OpenGraph, Twitter cards, Dublin Core, Parse.ly, Weibo and
//! plain named tags.
//!
//! Two views are kept. `readability` is keyed exactly as Readability's
//! `_getArticleMetadata` keys its values (first matching `property` token,
//! else a `name` of a known shape; a later tag overwrites an earlier one),
//! so the fields it defines come out the same. `any` holds every tag under
//! each of its `property`, `name` and `itemprop` keys (the first tag wins),
//! for the fields Readability does not read (images, extra dates).

use super::text::{is_js_space, js_trim};
use crate::cues;
use crate::dom::{Document, DOCUMENT};
use std::collections::HashMap;

/// All meta values of a page.
#[derive(Debug, Default)]
pub(crate) struct MetaTags {
    readability: HashMap<String, String>,
    any: HashMap<String, String>,
}

/// Readability's key form: lower case, no whitespace, dots as colons.
fn key_of(s: &str, dots_to_colons: bool) -> String {
    let k: String = s
        .chars()
        .filter(|&c| !is_js_space(c))
        .flat_map(char::to_lowercase)
        .collect();
    if dots_to_colons {
        k.replace('.', ":")
    } else {
        k
    }
}

impl MetaTags {
    /// Collects every `<meta>` of the page, in document order.
    pub(crate) fn collect(doc: &Document) -> MetaTags {
        let mut tags = MetaTags::default();
        for meta in doc.find_all(DOCUMENT, "meta") {
            let Some(content) = doc.attr(meta, "content").filter(|c| !c.is_empty()) else {
                continue;
            };
            let value = js_trim(content).to_string();
            let name = doc.attr(meta, "name");
            let property = doc.attr(meta, "property");

            let by_property = property.and_then(|p| cues::meta_property().find(p));
            if let Some(m) = by_property {
                tags.readability.insert(key_of(m, false), value.clone());
            } else if let Some(n) = name.filter(|n| cues::meta_name().is_match(n)) {
                tags.readability.insert(key_of(n, true), value.clone());
            }

            let keys = property
                .into_iter()
                .chain(doc.attr(meta, "itemprop"))
                .flat_map(str::split_whitespace)
                .map(str::to_lowercase)
                .chain(name.map(|n| n.trim().to_lowercase()));
            for key in keys {
                if !value.is_empty() {
                    tags.any.entry(key).or_insert_with(|| value.clone());
                }
            }
        }
        tags
    }

    /// The first non-empty value among Readability's keys, in the given
    /// order of preference.
    pub(crate) fn readability(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .filter_map(|k| self.readability.get(*k))
            .map(String::as_str)
            .find(|v| !v.is_empty())
    }

    /// The first non-empty value among any tag's keys (lower-case
    /// `property`, `name` or `itemprop`), in the given order of preference.
    pub(crate) fn any(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .filter_map(|k| self.any.get(*k))
            .map(String::as_str)
            .find(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn tags(head: &str) -> MetaTags {
        MetaTags::collect(&parse_html(&format!("<head>{head}</head>")))
    }

    #[test]
    fn keys_properties_and_names_like_readability() {
        let t = tags(
            r#"<meta property="og:title" content=" OG ">
               <meta name="DC.Title" content="DC">
               <meta name="twitter:description" content="TW">
               <meta name="parsely-pub-date" content="2020">
               <meta name="weibo:article:title" content="WB">
               <meta property="og:image" content="x">"#,
        );
        assert_eq!(t.readability(&["og:title"]), Some("OG"));
        assert_eq!(t.readability(&["dc:title"]), Some("DC"));
        assert_eq!(t.readability(&["twitter:description"]), Some("TW"));
        assert_eq!(t.readability(&["parsely-pub-date"]), Some("2020"));
        assert_eq!(t.readability(&["weibo:article:title"]), Some("WB"));
        assert_eq!(t.readability(&["og:image"]), None);
        assert_eq!(t.any(&["og:image"]), Some("x"));
    }

    #[test]
    fn space_separated_property_takes_its_first_known_value() {
        let t = tags(r#"<meta property="og:description twitter:description" content="Both">"#);
        assert_eq!(t.readability(&["og:description"]), Some("Both"));
        assert_eq!(t.any(&["twitter:description"]), Some("Both"));
    }

    #[test]
    fn later_tags_overwrite_and_empty_content_is_ignored() {
        let t = tags(
            r#"<meta name="author" content="First"><meta name="author" content="Second">
               <meta name="description" content="">"#,
        );
        assert_eq!(t.readability(&["author"]), Some("Second"));
        assert_eq!(t.any(&["author"]), Some("First"));
        assert_eq!(t.readability(&["description"]), None);
    }

    #[test]
    fn unknown_property_falls_back_to_the_name() {
        let t = tags(r#"<meta property="fb:app" name="description" content="D">"#);
        assert_eq!(t.readability(&["description"]), Some("D"));
    }
}
