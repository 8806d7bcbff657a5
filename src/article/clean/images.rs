//! Images as the reader should see them: the real address behind lazy
//! loading (Readability's `_fixLazyImages`), the best `<picture>` source,
//! and the image a `<noscript>` holds (Readability's `_unwrapNoscriptImages`).

use super::attrs::{self, Attrs};
use super::rules::{LAZY_SRCSET_ATTRS, LAZY_SRC_ATTRS, PLACEHOLDER_HINTS};
use super::urls;
use crate::dom::{Document, Element, NodeData, NodeId};
use url::Url;

/// A `data:` URI shorter than this is a placeholder (a 1x1 GIF or an empty
/// SVG box), not a picture: Readability's limit is 133 base64 characters of
/// payload, an empty URL-encoded SVG runs to about 150 in all.
const TINY_DATA_URI_CHARS: usize = 200;
/// An image at most this many pixels wide and high is a tracking pixel.
const TRACKING_PIXEL_MAX: u32 = 2;
/// A `<noscript>` longer than this is page markup, not an image fallback.
const NOSCRIPT_MAX_CHARS: usize = 8192;
/// How many single-child wrappers may stand around a lone image.
const SINGLE_IMAGE_MAX_DEPTH: usize = 8;
/// How many nodes of a `<picture>` are searched for its parts.
const PICTURE_SCAN_LIMIT: usize = 64;
/// File extensions Readability takes for image addresses in any attribute.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp"];
/// Attributes never read as image addresses by the generic scan.
const NOT_SOURCES: &[&str] = &["src", "srcset", "alt", "title", "class", "style", "id"];

/// An image ready for the clean tree.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Image {
    /// Absolute (or, without a base, as written) address.
    pub src: String,
    /// Resolved `srcset`, if any.
    pub srcset: Option<String>,
    /// Alternative text, kept even when empty (that marks decoration).
    pub alt: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
}

impl Image {
    /// The attribute list of the clean `<img>`.
    pub(super) fn attrs(&self, el: &Element) -> Attrs {
        let mut out = attrs::common(el);
        out.push(("src".into(), self.src.as_str().into()));
        if let Some(s) = &self.srcset {
            out.push(("srcset".into(), s.as_str().into()));
        }
        if let Some(a) = &self.alt {
            out.push(("alt".into(), a.as_str().into()));
        }
        if let Some(t) = &self.title {
            out.push(("title".into(), t.as_str().into()));
        }
        if let Some(w) = self.width {
            out.push(("width".into(), w.to_string().into()));
        }
        if let Some(h) = self.height {
            out.push(("height".into(), h.to_string().into()));
        }
        out
    }
}

/// A non-empty attribute value (`"null"` counts as empty, a jsdom quirk
/// Readability also works around).
fn value<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attr(name)
        .map(str::trim)
        .filter(|v| !v.is_empty() && *v != "null")
}

/// Whether an address is a stand-in a script swaps for the real image.
fn is_placeholder(src: &str) -> bool {
    if urls::is_data_uri(src) {
        return src.len() < TINY_DATA_URI_CHARS;
    }
    let name = file_name(src);
    PLACEHOLDER_HINTS.iter().any(|h| name.contains(h))
}

/// Whether an address is a spacer image worth nothing even as the only
/// source (`blank.gif`, a tiny data URI).
fn is_spacer(src: &str) -> bool {
    is_placeholder(src) && (urls::is_data_uri(src) || file_name(src).ends_with(".gif"))
}

/// The last path segment of an address, lower-cased, without query.
fn file_name(src: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or("");
    path.rsplit('/').next().unwrap_or("").to_ascii_lowercase()
}

/// Readability's test for an attribute holding a `srcset`: an image file
/// name followed by a size.
fn looks_like_srcset(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    IMAGE_EXTENSIONS.iter().any(|ext| {
        l.match_indices(ext).any(|(i, _)| {
            let rest = &l[i + ext.len()..];
            let trimmed = rest.trim_start();
            trimmed.len() < rest.len() && trimmed.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// Readability's test for an attribute holding one image address.
fn looks_like_src(v: &str) -> bool {
    let t = v.trim();
    let l = t.to_ascii_lowercase();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && IMAGE_EXTENSIONS.iter().any(|ext| l.contains(ext))
}

/// The image an `<img>` (or `<amp-img>`) shows once its lazy loader has
/// run; `None` when it has no usable source or is a tracking pixel.
pub(super) fn from_element(el: &Element, base: Option<&Url>) -> Option<Image> {
    let mut src = value(el, "src");
    let mut srcset = value(el, "srcset");
    let lazy_class = el
        .attr("class")
        .is_some_and(|c| c.to_ascii_lowercase().contains("lazy"));
    let weak = src.is_none_or(is_placeholder);
    if weak || lazy_class {
        let lazy_src = LAZY_SRC_ATTRS.iter().find_map(|a| value(el, a));
        let lazy_srcset = LAZY_SRCSET_ATTRS.iter().find_map(|a| value(el, a));
        if lazy_src.is_some() {
            src = lazy_src;
        }
        if lazy_srcset.is_some() {
            srcset = lazy_srcset;
        }
        if weak && lazy_src.is_none() && lazy_srcset.is_none() {
            for (k, v) in &el.attrs {
                if NOT_SOURCES.contains(&&**k) {
                    continue;
                }
                if looks_like_srcset(v) {
                    srcset = Some(v.trim());
                    break;
                }
                if looks_like_src(v) {
                    src = Some(v.trim());
                    break;
                }
            }
        }
    }
    if let Some(s) = src {
        if is_placeholder(s) && (srcset.is_some() || is_spacer(s)) {
            src = None;
        }
    }
    let srcset = srcset.and_then(|s| urls::resolve_srcset(s, base));
    let src = src.and_then(|s| urls::resolve_image(s, base)).or_else(|| {
        let set = srcset.as_deref()?;
        urls::largest(&urls::parse_srcset(set)).map(str::to_string)
    })?;
    let width = el.attr("width").and_then(attrs::pixels);
    let height = el.attr("height").and_then(attrs::pixels);
    if width.is_some_and(|w| w <= TRACKING_PIXEL_MAX)
        && height.is_some_and(|h| h <= TRACKING_PIXEL_MAX)
    {
        return None;
    }
    Some(Image {
        src,
        srcset,
        alt: el
            .attr("alt")
            .map(|a| attrs::text_attr(a).unwrap_or_default()),
        title: el.attr("title").and_then(attrs::text_attr),
        width,
        height,
    })
}

/// The image a `<picture>` shows: its `<img>`, or failing that the largest
/// candidate of its first `<source>`.
pub(super) fn from_picture(doc: &Document, id: NodeId, base: Option<&Url>) -> Option<Image> {
    let parts: Vec<NodeId> = doc
        .descendants(id)
        .skip(1)
        .take(PICTURE_SCAN_LIMIT)
        .filter(|&n| doc.is(n, "img") || doc.is(n, "source"))
        .collect();
    let img = parts.iter().copied().find(|&n| doc.is(n, "img"));
    let img_el = img.and_then(|i| doc.element(i));
    if let Some(image) = img_el.and_then(|e| from_element(e, base)) {
        return Some(image);
    }
    let set = parts
        .iter()
        .filter(|&&n| doc.is(n, "source"))
        .filter_map(|&n| doc.element(n))
        .find_map(|e| {
            value(e, "srcset").or_else(|| LAZY_SRCSET_ATTRS.iter().find_map(|a| value(e, a)))
        })?;
    let srcset = urls::resolve_srcset(set, base)?;
    let src = urls::largest(&urls::parse_srcset(&srcset))?.to_string();
    Some(Image {
        src,
        srcset: Some(srcset),
        alt: img_el
            .and_then(|e| e.attr("alt"))
            .map(|a| attrs::text_attr(a).unwrap_or_default()),
        title: img_el
            .and_then(|e| e.attr("title"))
            .and_then(attrs::text_attr),
        width: None,
        height: None,
    })
}

/// The `<img>` that `id` is or holds as its only content (through
/// single-child wrappers without text), as Readability's `_isSingleImage`.
pub(super) fn single_image(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut cur = id;
    for _ in 0..SINGLE_IMAGE_MAX_DEPTH {
        if doc.is(cur, "img") || doc.is(cur, "picture") {
            return Some(cur);
        }
        let mut only = None;
        for c in doc.children(cur) {
            match &doc.node(c).data {
                NodeData::Text(t) if !t.trim().is_empty() => return None,
                NodeData::Element(_) if only.is_some() => return None,
                NodeData::Element(_) => only = Some(c),
                _ => {}
            }
        }
        cur = only?;
    }
    None
}

/// The image in a `<noscript>`, when that is all it holds. html5ever (with
/// scripting on, as in a browser) and the browser walker keep noscript
/// content as raw text, so the text is read on its own, by the small
/// reader both fronts share ([`crate::markup`]: the browser's module has
/// no html5ever); a front that built elements is read directly.
pub(super) fn from_noscript(doc: &Document, id: NodeId, base: Option<&Url>) -> Option<Image> {
    if doc.element_children(id).next().is_some() {
        let img = single_image(doc, id)?;
        return image_at(doc, img, base);
    }
    let text = doc.text_content(id);
    if text.len() > NOSCRIPT_MAX_CHARS || !text.to_ascii_lowercase().contains("<img") {
        return None;
    }
    let inner = crate::markup::parse_fragment(&text);
    let img = single_image(&inner, inner.body())?;
    image_at(&inner, img, base)
}

/// The image of an `<img>` or `<picture>` node.
fn image_at(doc: &Document, id: NodeId, base: Option<&Url>) -> Option<Image> {
    if doc.is(id, "picture") {
        from_picture(doc, id, base)
    } else {
        from_element(doc.element(id)?, base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(attrs: &[(&str, &str)]) -> Element {
        Element::html(
            "img",
            attrs
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
        )
    }

    fn src_of(attrs: &[(&str, &str)]) -> Option<String> {
        let base = Url::parse("https://ex.com/a/").unwrap();
        from_element(&img(attrs), Some(&base)).map(|i| i.src)
    }

    const GIF: &str =
        "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

    #[test]
    fn plain_src_is_resolved() {
        assert_eq!(
            src_of(&[("src", "p.jpg")]).as_deref(),
            Some("https://ex.com/a/p.jpg")
        );
    }

    #[test]
    fn lazy_attributes_replace_placeholders() {
        for attr in ["data-src", "data-original", "data-lazy-src", "data-url"] {
            assert_eq!(
                src_of(&[("src", GIF), (attr, "/real.jpg")]).as_deref(),
                Some("https://ex.com/real.jpg"),
                "{attr}"
            );
        }
        assert_eq!(
            src_of(&[("src", "/img/blank.gif"), ("data-src", "r.png")]).as_deref(),
            Some("https://ex.com/a/r.png")
        );
        assert_eq!(
            src_of(&[("data-src", "r.png")]).as_deref(),
            Some("https://ex.com/a/r.png")
        );
        // A lazy class means the script will swap even a real-looking src.
        assert_eq!(
            src_of(&[
                ("src", "low.jpg"),
                ("class", "lazyload"),
                ("data-src", "high.jpg")
            ])
            .as_deref(),
            Some("https://ex.com/a/high.jpg")
        );
    }

    #[test]
    fn srcset_sources_give_the_largest_candidate() {
        assert_eq!(
            src_of(&[("src", GIF), ("data-srcset", "s.jpg 300w, l.jpg 1000w")]).as_deref(),
            Some("https://ex.com/a/l.jpg")
        );
        assert_eq!(
            src_of(&[("srcset", "s.jpg 1x, l.jpg 2x")]).as_deref(),
            Some("https://ex.com/a/l.jpg")
        );
    }

    #[test]
    fn any_attribute_naming_an_image_file_is_used() {
        assert_eq!(
            src_of(&[("src", GIF), ("data-hires", "/big/photo.JPG?x=1")]).as_deref(),
            Some("https://ex.com/big/photo.JPG?x=1")
        );
        assert_eq!(
            src_of(&[("data-responsive", "a.jpg 400w, b.jpg 800w")]).as_deref(),
            Some("https://ex.com/a/b.jpg")
        );
    }

    #[test]
    fn spacers_pixels_and_unsafe_sources_are_dropped() {
        assert_eq!(src_of(&[("src", GIF)]), None);
        assert_eq!(src_of(&[("src", "/i/spacer.gif")]), None);
        assert_eq!(src_of(&[("src", "javascript:alert(1)")]), None);
        assert_eq!(
            src_of(&[("src", "t.gif"), ("width", "1"), ("height", "1")]),
            None
        );
        assert_eq!(src_of(&[]), None);
        // A large inline image is a real picture.
        let big = format!("data:image/png;base64,{}", "A".repeat(400));
        assert_eq!(src_of(&[("src", &big)]), Some(big.clone()));
    }

    #[test]
    fn picture_uses_its_img_or_first_source() {
        let d = crate::parse::parse_html(
            "<picture><source srcset='a.webp 400w, b.webp 900w'><img alt='x'></picture>",
        );
        let p = d.find(crate::dom::DOCUMENT, "picture").unwrap();
        let i = from_picture(&d, p, None).unwrap();
        assert_eq!(i.src, "b.webp");
        assert_eq!(i.alt.as_deref(), Some("x"));
        let d = crate::parse::parse_html(
            "<picture><source srcset='a.webp'><img src='c.jpg'></picture>",
        );
        let p = d.find(crate::dom::DOCUMENT, "picture").unwrap();
        assert_eq!(from_picture(&d, p, None).unwrap().src, "c.jpg");
    }

    #[test]
    fn noscript_text_is_parsed_for_its_image() {
        let d = crate::parse::parse_html(
            "<p><noscript><img src='/n.jpg' alt='N'></noscript><noscript><p>x</p><img src=a></noscript></p>",
        );
        let ns: Vec<NodeId> = d.find_all(crate::dom::DOCUMENT, "noscript").collect();
        let i = from_noscript(&d, ns[0], None).unwrap();
        assert_eq!((i.src.as_str(), i.alt.as_deref()), ("/n.jpg", Some("N")));
        assert_eq!(from_noscript(&d, ns[1], None), None);
    }

    /// The image a noscript's text gives, read by `parse` (html5ever).
    fn by_html5ever(text: &str) -> Option<Image> {
        let base = Url::parse("https://ex.com/a/").unwrap();
        let inner = crate::parse::parse_html(text);
        let img = single_image(&inner, inner.body())?;
        image_at(&inner, img, Some(&base))
    }

    /// The same by the small reader `from_noscript` uses.
    fn by_markup(text: &str) -> Option<Image> {
        let base = Url::parse("https://ex.com/a/").unwrap();
        let inner = crate::markup::parse_fragment(text);
        let img = single_image(&inner, inner.body())?;
        image_at(&inner, img, Some(&base))
    }

    /// Over the corpora (readability, trafilatura, WCXB, fixtures: 2,862
    /// noscripts holding `<img` as text, 2,591 with an image) the two gave
    /// the same image every time; these are the shapes met there and the
    /// edges around them.
    #[test]
    fn the_small_reader_finds_the_image_html5ever_finds() {
        let cases = [
            "<img src='/n.jpg' alt='N'>",
            "\n  <img src=\"/n.jpg\" width=\"640\" height=\"360\" alt=\"A &amp; B\" />\n",
            "<img class=lazy src=p.gif data-src='/r.jpg?w=1&amp;h=2' data-srcset='a.jpg 1x, b.jpg 2x'>",
            "<IMG SRC=/up.JPG ALT=Up>",
            "<a href=/x><img src=/in-link.jpg></a>",
            "<div><span><img src=/deep.jpg></span></div>",
            "<picture><source srcset='a.webp 400w, b.webp 900w'><img alt='x'></picture>",
            "<picture>\n<source media='(min-width:1px)' data-srcset=c.webp>\n<!-- c --><img src=d.jpg>\n</picture>",
            "<meta itemprop=url content=x><img src=/after-meta.jpg>",
            "<style>.a{}</style><img src=/after-style.jpg>",
            "<img src=/one.jpg><img src=/two.jpg>",
            "<p>Enable JS</p><img src=x.png>",
            "text <img src=/t.jpg>",
            "&nbsp;<img src=/nbsp.jpg>",
            "<img src=/i.jpg><p>",
            "<p><img src=/p.jpg></p>",
            "<p><p><img src=/pp.jpg>",
            "<img src=/close.jpg></div></span>",
            "</p><img src=/stray-p.jpg>",
            "<img src='/unterminated.jpg",
            "<img src=/ok.jpg><img src='/cut",
            "<!-- <img src=/in-comment.jpg> -->",
            "<img src=/a.jpg><!-- note -->",
            "<script>document.write('<img src=/s.jpg>')</script>",
            "<img src=/x.jpg alt=\"a > b\" title='T&#39;s'>",
            "<img src=/x.jpg src=/y.jpg alt=1 alt=2>",
            "<img src=data:image/gif;base64,R0lGOD data-lazy-src=/lazy.jpg>",
            "<img width=1 height=1 src=/pixel.gif>",
            "<image src=/image-tag.jpg>",
            "<img src = /spaced.jpg alt = 'Spaced' >",
            "<img/src=/slash.jpg>",
            "<img src=/q.jpg?a=1&ampb=2&amp;c=3>",
            "<img src=/u.jpg alt='Pl&auml;ne f&uuml;r 2020 &copy NDR &ndash; &hellip;'>",
        ];
        for text in cases {
            assert_eq!(by_markup(text), by_html5ever(text), "{text}");
        }
        assert!(by_markup(cases[0]).is_some());
        assert!(by_markup(cases[10]).is_none());
    }
}
