//! Which elements a reader never sees as text: the one place every stage
//! asks (segmentation's leaves and statistics, the article's copy, the
//! byline search's Readability replay).

use crate::dom::{Document, Element, Namespace, NodeData, NodeId};
use crate::tag_sets;

/// Whether `id`'s subtree is hidden from the reader: by its tag, its
/// namespace (SVG is a drawing; MathML is read, it is often the article's
/// formulas), the `hidden` attribute,
/// `aria-hidden`, an inline `display:none` / `visibility:hidden`, or layout
/// (when the front knows it).
pub fn is_hidden(doc: &Document, id: NodeId) -> bool {
    let NodeData::Element(e) = &doc.node(id).data else {
        return false;
    };
    if matches!(e.ns, Namespace::Svg | Namespace::Other) || e.hidden_by_layout {
        return true;
    }
    if e.ns == Namespace::Html && tag_sets::invisible(&e.name) {
        return true;
    }
    hidden_by_markup(e)
}

/// Whether an element's own markup hides it: the `hidden` attribute,
/// `aria-hidden="true"`, an inline `display:none` / `visibility:hidden`,
/// or a front that saw it hidden by a stylesheet. As in Readability, an
/// aria-hidden fallback image (Wikipedia's formulas) stays visible. The
/// one definition the classifier and the article builder share.
pub fn hidden_by_markup(e: &Element) -> bool {
    if e.hidden_by_layout {
        return true;
    }
    // One pass over the attributes, each the first of its name as
    // `Element::attr` finds it: three lookups were 1.4% of the parse (the
    // cloak pass asks for every element; issue 15).
    let (mut aria_hidden, mut style) = (None, None);
    for (k, v) in &e.attrs {
        match &**k {
            "hidden" => return true,
            "aria-hidden" if aria_hidden.is_none() => aria_hidden = Some(&**v),
            "style" if style.is_none() => style = Some(&**v),
            _ => {}
        }
    }
    if aria_hidden.is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && !e
            .attr("class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    style.is_some_and(style_hides)
}

/// Shows an element its markup hides: drops its `hidden` attribute, its
/// `aria-hidden="true"` and its inline `display:none` and
/// `visibility:hidden` (what a page's script or a click would do).
pub fn show(e: &mut Element) {
    let mut attrs = std::mem::take(&mut e.attrs).into_vec();
    attrs.retain(|(k, v)| {
        !(k.as_ref() == "hidden"
            || (k.as_ref() == "aria-hidden" && v.trim().eq_ignore_ascii_case("true")))
    });
    e.attrs = attrs.into();
    for (k, v) in e.attrs.iter_mut() {
        if k.as_ref() == "style" {
            *v = shown_style(v).into();
        }
    }
}

/// An inline style without its `display:none` and `visibility:hidden`.
fn shown_style(style: &str) -> String {
    style
        .split(';')
        .filter(|decl| {
            let Some((prop, value)) = decl.split_once(':') else {
                return true;
            };
            let (prop, value) = (prop.trim(), value.trim().to_ascii_lowercase());
            !((prop.eq_ignore_ascii_case("display") && value.starts_with("none"))
                || (prop.eq_ignore_ascii_case("visibility")
                    && (value.starts_with("hidden") || value.starts_with("collapse"))))
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Whether a hidden element holds text a script may show: hidden by an
/// attribute, a style or layout rather than by being a script, a style
/// sheet, a drawing or a form control. Pop-ups, banners and ad slots wait
/// hidden like this until a script opens them.
pub fn is_revealable(doc: &Document, id: NodeId) -> bool {
    let NodeData::Element(e) = &doc.node(id).data else {
        return false;
    };
    e.ns == Namespace::Html && !tag_sets::invisible(&e.name)
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim();
        let first = value
            .trim()
            .split(|c: char| c.is_whitespace() || c == '!')
            .next()
            .unwrap_or("");
        if prop.eq_ignore_ascii_case("display") {
            first.eq_ignore_ascii_case("none")
        } else if prop.eq_ignore_ascii_case("visibility") {
            first.eq_ignore_ascii_case("hidden") || first.eq_ignore_ascii_case("collapse")
        } else {
            false
        }
    })
}

/// Readability's `_isProbablyVisible`, plus what a layout-aware front saw:
/// the byline search replays Readability, so it keeps Readability's own
/// test, which differs from [`hidden_by_markup`]: `aria-hidden` must be
/// exactly `true`, only the last `display` or `visibility` declaration
/// counts, and `visibility:collapse` does not hide.
pub fn readability_visible(doc: &Document, node: NodeId) -> bool {
    let Some(el) = doc.element(node) else {
        return true;
    };
    if el.hidden_by_layout || el.attr("hidden").is_some() {
        return false;
    }
    if let Some(style) = el.attr("style") {
        if style_value(style, "display").is_some_and(|v| v.eq_ignore_ascii_case("none"))
            || style_value(style, "visibility").is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
        {
            return false;
        }
    }
    let aria_hidden = el.attr("aria-hidden") == Some("true");
    !aria_hidden
        || el
            .attr("class")
            .is_some_and(|c| c.contains("fallback-image"))
}

/// The value of `property` in an inline style (the last declaration wins,
/// hence the search from the end; `!important` dropped).
fn style_value<'a>(style: &'a str, property: &str) -> Option<&'a str> {
    style
        .rsplit(';')
        .filter_map(|decl| decl.split_once(':'))
        .filter(|(k, _)| k.trim().eq_ignore_ascii_case(property))
        .map(|(_, v)| {
            let v = v.trim();
            v.strip_suffix("!important").map(str::trim_end).unwrap_or(v)
        })
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn first(doc: &Document, tag: &str) -> NodeId {
        doc.find(crate::dom::DOCUMENT, tag).unwrap()
    }

    #[test]
    fn hidden_markers_are_honoured() {
        for html in [
            "<p hidden>x</p>",
            "<p aria-hidden=true>x</p>",
            "<p style='color:red; display : none !important'>x</p>",
            "<p style='visibility:hidden'>x</p>",
        ] {
            let d = parse_html(html);
            assert!(is_hidden(&d, first(&d, "p")), "{html}");
        }
        let d = parse_html("<p style='display:block'>x</p><script>1</script>");
        assert!(!is_hidden(&d, first(&d, "p")));
        assert!(is_hidden(&d, first(&d, "script")));
    }

    #[test]
    fn hidden_pop_ups_are_revealable_but_scripts_are_not() {
        let d = parse_html("<div style='display:none'>x</div><script>1</script>");
        assert!(is_revealable(&d, first(&d, "div")));
        assert!(!is_revealable(&d, first(&d, "script")));
    }

    #[test]
    fn hidden_by_attribute_aria_style_or_layout() {
        let el = Element::test_div;
        assert!(hidden_by_markup(&el(&[("hidden", "")])));
        assert!(hidden_by_markup(&el(&[("aria-hidden", "true")])));
        assert!(!hidden_by_markup(&el(&[("aria-hidden", "false")])));
        assert!(!hidden_by_markup(&el(&[
            ("aria-hidden", "true"),
            ("class", "mwe-math-fallback-image-inline")
        ])));
        assert!(hidden_by_markup(&el(&[(
            "style",
            "color:red; DISPLAY : none !important"
        )])));
        assert!(hidden_by_markup(&el(&[("style", "visibility:hidden")])));
        assert!(!hidden_by_markup(&el(&[(
            "style",
            "display:block; --x-display:none"
        )])));
        let mut e = el(&[]);
        e.hidden_by_layout = true;
        assert!(hidden_by_markup(&e));
        // Wherever `hidden` sits; the first `aria-hidden` and `style` count
        // (a model built by hand may repeat a name; a parse never does).
        assert!(hidden_by_markup(&el(&[
            ("aria-hidden", "false"),
            ("hidden", "")
        ])));
        assert!(!hidden_by_markup(&el(&[
            ("aria-hidden", "false"),
            ("aria-hidden", "true")
        ])));
        assert!(!hidden_by_markup(&el(&[
            ("style", "color:red"),
            ("style", "display:none")
        ])));
    }

    #[test]
    fn style_values_are_read_case_insensitively() {
        assert_eq!(
            style_value("color:red; DISPLAY : None", "display"),
            Some("None")
        );
        assert_eq!(
            style_value("display:block;display:none", "display"),
            Some("none")
        );
        assert_eq!(style_value("junk", "display"), None);
    }
}
