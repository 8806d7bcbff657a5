//! What the markup says about language and writing direction.

use super::text::{non_empty, trimmed_text_len};
use crate::dom::{Document, NodeId, DOCUMENT};

/// Share of the page's paragraph text an element must hold for its `dir` to
/// be the article's: more than half means the article lies inside it.
const DIR_TEXT_SHARE: f64 = 0.5;

/// The root element (`document.documentElement`).
pub(crate) fn root_element(doc: &Document) -> Option<NodeId> {
    doc.element_children(DOCUMENT).next()
}

/// The page language: `<html lang>` as written (Readability's source), else
/// `xml:lang`, else the `Content-Language` pragma.
pub(crate) fn lang(doc: &Document) -> Option<String> {
    let root = root_element(doc).filter(|&r| doc.is(r, "html"));
    let from_root = |name: &str| root.and_then(|r| doc.attr(r, name)).and_then(non_empty);
    from_root("lang")
        .or_else(|| from_root("xml:lang"))
        .or_else(|| {
            doc.find_all(DOCUMENT, "meta")
                .find(|&m| {
                    doc.attr(m, "http-equiv")
                        .is_some_and(|h| h.trim().eq_ignore_ascii_case("content-language"))
                })
                .and_then(|m| doc.attr(m, "content"))
                .and_then(|c| non_empty(c.split(',').next().unwrap_or("")))
        })
}

/// The writing direction of the article.
///
/// Readability takes the `dir` of the nearest element around its chosen
/// article container. Without the container at hand, the container is
/// approximated by the text: the innermost element with a `dir` that holds
/// most of the page's paragraph text, else `<body>`, else `<html>`.
pub(crate) fn dir(doc: &Document) -> Option<String> {
    let dir_of = |id: NodeId| {
        doc.attr(id, "dir")
            .and_then(non_empty)
            .map(|d| normalize_dir(&d))
    };
    // Most pages set no direction: then none of the elements below can
    // give one, and measuring their text was a sixth of the metadata
    // stage (perf, trafilatura corpus). The node list is made only past
    // this check (16 MB on a 1000x1000 table; issue 15).
    if doc.descendants(DOCUMENT).all(|id| dir_of(id).is_none()) {
        return None;
    }
    let order: Vec<NodeId> = doc.descendants(DOCUMENT).collect();
    // Paragraph text per subtree, children before parents.
    let mut text = vec![0usize; doc.len()];
    for &id in order.iter().rev() {
        text[id] = if doc.is(id, "p") {
            trimmed_text_len(doc, id)
        } else {
            doc.children(id).map(|c| text[c]).sum()
        };
    }
    let total = text[DOCUMENT];
    if total > 0 {
        let inner = order
            .iter()
            .rev()
            .filter(|&&id| (text[id] as f64) > total as f64 * DIR_TEXT_SHARE)
            .find_map(|&id| dir_of(id));
        if inner.is_some() {
            return inner;
        }
    }
    let body = doc.find(DOCUMENT, "body");
    body.and_then(dir_of)
        .or_else(|| root_element(doc).and_then(dir_of))
}

/// `LTR`/`Rtl`/`AUTO` in lower case; anything else as written.
fn normalize_dir(d: &str) -> String {
    let lower = d.to_ascii_lowercase();
    if matches!(lower.as_str(), "ltr" | "rtl" | "auto") {
        lower
    } else {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn lang_comes_from_the_root_then_fallbacks() {
        assert_eq!(
            lang(&parse_html("<html lang=' en-GB '><p>x")).as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            lang(&parse_html("<html xml:lang=fr><p>x")).as_deref(),
            Some("fr")
        );
        let pragma = "<meta http-equiv=Content-Language content='de, en'><p>x";
        assert_eq!(lang(&parse_html(pragma)).as_deref(), Some("de"));
        assert_eq!(lang(&parse_html("<p>x")), None);
    }

    #[test]
    fn dir_prefers_the_container_of_the_text() {
        let html = "<html dir=ltr><body><nav>menu</nav>\
                    <main dir=RTL><p>long paragraph of article text</p><p>more text</p></main>";
        assert_eq!(dir(&parse_html(html)).as_deref(), Some("rtl"));
    }

    #[test]
    fn dir_ignores_small_islands_and_falls_back_to_body_and_html() {
        let html =
            "<html dir=ltr><body><div dir=rtl><p>x</p></div><p>a much longer paragraph here</p>";
        assert_eq!(dir(&parse_html(html)).as_deref(), Some("ltr"));
        let body = "<html dir=ltr><body dir=rtl><p>text</p>";
        assert_eq!(dir(&parse_html(body)).as_deref(), Some("rtl"));
        assert_eq!(dir(&parse_html("<p>text")), None);
    }
}
