//! The attribute allowlist.

use super::urls::{self, CITE_SCHEMES};
use crate::dom::Element;
use url::Url;

/// An attribute list as the document model stores it.
pub(super) type Attrs = crate::dom::Attrs;

/// Largest `colspan`/`rowspan` kept; browsers clamp at similar values.
const MAX_SPAN: u32 = 1000;
/// Longest `lang` tag kept (BCP 47 tags are far shorter).
const MAX_LANG_LEN: usize = 35;
/// Longest free-text attribute (`title`, `alt`, `datetime`) kept, in chars.
const MAX_TEXT_ATTR_CHARS: usize = 1000;

/// The attributes a kept element may carry, cleaned: `dir` and `lang` on
/// any element, and the few each tag needs (links are built elsewhere).
pub(super) fn allowed(tag: &str, el: &Element, base: Option<&Url>) -> Attrs {
    let mut out = common(el);
    let mut put = |k: &str, v: String| out.push((k.into(), v.into()));
    match tag {
        "td" | "th" => {
            for k in ["colspan", "rowspan"] {
                if let Some(v) = el.attr(k).and_then(span) {
                    put(k, v.to_string());
                }
            }
            if tag == "th" {
                if let Some(v) = el.attr("scope").map(|s| s.trim().to_ascii_lowercase()) {
                    if matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup") {
                        put("scope", v);
                    }
                }
            }
        }
        "ol" => {
            if let Some(v) = el.attr("start").and_then(|s| s.trim().parse::<i64>().ok()) {
                put("start", v.to_string());
            }
            if let Some(v) = el.attr("type").map(str::trim) {
                if matches!(v, "1" | "a" | "A" | "i" | "I") {
                    put("type", v.to_string());
                }
            }
        }
        "time" => {
            if let Some(v) = el.attr("datetime").and_then(text_attr) {
                put("datetime", v);
            }
        }
        "abbr" => {
            if let Some(v) = el.attr("title").and_then(text_attr) {
                put("title", v);
            }
        }
        "pre" | "code" => {
            if let Some(lang) = el.attr("class").and_then(code_language) {
                put("class", format!("language-{lang}"));
            }
        }
        "q" | "blockquote" => {
            if let Some(v) = el
                .attr("cite")
                .and_then(|c| urls::resolve(c, base, CITE_SCHEMES))
            {
                put("cite", v);
            }
        }
        "details" if el.attr("open").is_some() => put("open", String::new()),
        _ => {}
    }
    out
}

/// `dir` and `lang`, the attributes every element may keep because they
/// change how its text reads.
pub(super) fn common(el: &Element) -> Attrs {
    let mut out = Attrs::new();
    if let Some(d) = el.attr("dir").map(|d| d.trim().to_ascii_lowercase()) {
        if matches!(d.as_str(), "ltr" | "rtl" | "auto") {
            out.push(("dir".into(), d.into()));
        }
    }
    if let Some(l) = el.attr("lang").map(str::trim) {
        if !l.is_empty()
            && l.len() <= MAX_LANG_LEN
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            out.push(("lang".into(), l.into()));
        }
    }
    out
}

/// A free-text attribute value, trimmed and bounded; `None` when empty.
pub(super) fn text_attr(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.chars().take(MAX_TEXT_ATTR_CHARS).collect())
}

/// A `colspan`/`rowspan` value, when it is a sensible count.
fn span(v: &str) -> Option<u32> {
    v.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_SPAN).contains(n))
}

/// A pixel size (`width`/`height`): digits only.
pub(super) fn pixels(v: &str) -> Option<u32> {
    let t = v.trim().trim_end_matches("px");
    t.parse::<u32>().ok()
}

/// The language named by a `language-xxx` (or `lang-xxx`) class token, as
/// code highlighters and Markdown renderers write it.
fn code_language(class: &str) -> Option<String> {
    class.split_ascii_whitespace().find_map(|tok| {
        let lang = tok
            .strip_prefix("language-")
            .or_else(|| tok.strip_prefix("lang-"))?;
        let ok = !lang.is_empty()
            && lang.len() <= MAX_LANG_LEN
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'));
        ok.then(|| lang.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(attrs: &[(&str, &str)]) -> Element {
        Element::test_div(attrs)
    }

    #[test]
    fn keeps_only_allowlisted_attributes() {
        let e = el(&[
            ("colspan", "2"),
            ("rowspan", "x"),
            ("style", "color:red"),
            ("onclick", "alert(1)"),
            ("dir", "RTL"),
            ("lang", "de-DE"),
            ("class", "big"),
        ]);
        let a = allowed("td", &e, None);
        assert_eq!(
            a,
            vec![
                ("dir".into(), "rtl".into()),
                ("lang".into(), "de-DE".into()),
                ("colspan".into(), "2".into())
            ]
        );
        assert!(allowed("p", &el(&[("lang", "x\"><script>")]), None).is_empty());
    }

    #[test]
    fn code_class_only_when_it_names_a_language() {
        let a = allowed("code", &el(&[("class", "hljs language-rust")]), None);
        assert_eq!(a, vec![("class".into(), "language-rust".into())]);
        assert!(allowed("code", &el(&[("class", "highlight")]), None).is_empty());
        assert!(allowed("code", &el(&[("class", "language-x\"y")]), None).is_empty());
    }

    #[test]
    fn cite_is_resolved_and_checked() {
        let b = Url::parse("https://ex.com/a/").unwrap();
        let a = allowed("blockquote", &el(&[("cite", "src.html")]), Some(&b));
        assert_eq!(a, vec![("cite".into(), "https://ex.com/a/src.html".into())]);
        assert!(allowed("q", &el(&[("cite", "javascript:x")]), Some(&b)).is_empty());
    }
}
