//! URL resolution with a scheme allowlist, and `srcset` parsing.

use url::{ParseError, Url};

/// Schemes a link may use.
pub(super) const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];
/// Schemes an image may load from (`data:` is checked apart: images only).
pub(super) const IMAGE_SCHEMES: &[&str] = &["http", "https"];
/// Schemes a quotation source may use.
pub(super) const CITE_SCHEMES: &[&str] = &["http", "https"];

/// Resolves `raw` against `base` and keeps it only when its scheme is
/// allowed. Without a base a relative URL is kept as written; an absolute
/// one is still checked, so `javascript:` never survives.
pub(super) fn resolve(raw: &str, base: Option<&Url>, schemes: &[&str]) -> Option<String> {
    // Browsers strip these before parsing (`java\tscript:` is javascript:).
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let parsed = crate::address::parse(base, &cleaned);
    match parsed {
        Ok(u) if schemes.contains(&u.scheme()) => Some(u.to_string()),
        Ok(_) => None,
        Err(ParseError::RelativeUrlWithoutBase) => {
            // Tools downstream (Markdown renderers, sanitizers) may strip
            // more than a browser does: a relative URL that reads as a
            // scheme once invisible characters are gone is dropped.
            visible_scheme(&cleaned)
                .is_none()
                .then(|| encode_invisible(&cleaned))
        }
        Err(_) => None,
    }
}

/// Control, white-space and zero-width characters.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The lower-case scheme an address starts with once its invisible
/// characters are removed, if any.
pub(crate) fn visible_scheme(s: &str) -> Option<String> {
    let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    let i = visible.find(':')?;
    let scheme = &visible[..i];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// The address with invisible characters percent-encoded, as a browser
/// sends them.
pub(crate) fn encode_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Resolves an image address: http(s), or a `data:image/...` URI.
pub(super) fn resolve_image(raw: &str, base: Option<&Url>) -> Option<String> {
    let t = raw.trim();
    if is_data_uri(t) {
        return is_image_data_uri(t).then(|| t.to_string());
    }
    resolve(t, base, IMAGE_SCHEMES)
}

/// Whether a URL is a `data:` URI.
pub(super) fn is_data_uri(s: &str) -> bool {
    s.trim_start()
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
}

/// Whether a `data:` URI holds an image.
fn is_image_data_uri(s: &str) -> bool {
    s.get(5..11)
        .is_some_and(|p| p.eq_ignore_ascii_case("image/"))
}

/// One `srcset` candidate.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    /// Its address as written.
    pub url: String,
    /// Its descriptor (`640w`, `2x`), empty when none.
    pub descriptor: String,
}

impl Candidate {
    /// How large the candidate is: width descriptors weigh more than
    /// density ones, as a page listing both means the widths.
    fn size(&self) -> f64 {
        let d = self.descriptor.trim();
        let num = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
        if let Some(w) = d.strip_suffix(['w', 'W']).and_then(num) {
            return w;
        }
        if let Some(x) = d.strip_suffix(['x', 'X']).and_then(num) {
            // A density of 2 on a typical 500px-wide slot.
            return x * DENSITY_AS_WIDTH;
        }
        DENSITY_AS_WIDTH
    }
}

/// The width a density descriptor of 1 stands for when comparing it with
/// width descriptors.
const DENSITY_AS_WIDTH: f64 = 500.0;

/// Splits a `srcset` as the HTML standard does: an address runs to white
/// space (a trailing comma ends the candidate), descriptors run to a comma
/// outside parentheses.
pub(super) fn parse_srcset(s: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return out;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..end];
        rest = &rest[end..];
        let mut descriptor = String::new();
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let mut depth = 0usize;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        cut = i;
                        break;
                    }
                    _ => {}
                }
            }
            descriptor = rest[..cut].trim().to_string();
            rest = &rest[cut..];
        }
        if !url.is_empty() {
            out.push(Candidate {
                url: url.to_string(),
                descriptor,
            });
        }
    }
}

/// The largest candidate's address.
pub(super) fn largest(candidates: &[Candidate]) -> Option<&str> {
    let mut best: Option<&Candidate> = None;
    for c in candidates {
        if best.is_none_or(|b| c.size() > b.size()) {
            best = Some(c);
        }
    }
    best.map(|c| c.url.as_str())
}

/// A `srcset` with every address resolved and unsafe ones left out; `None`
/// when nothing is left.
pub(super) fn resolve_srcset(s: &str, base: Option<&Url>) -> Option<String> {
    let parts: Vec<String> = parse_srcset(s)
        .into_iter()
        .filter(|c| !is_data_uri(&c.url))
        .filter_map(|c| {
            let url = resolve(&c.url, base, IMAGE_SCHEMES)?;
            // A comma inside an address would split the candidate on reading.
            let url = url.replace(',', "%2C");
            Some(if c.descriptor.is_empty() {
                url
            } else {
                format!("{} {}", url, c.descriptor)
            })
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_case_beside_non_ascii_in_a_host_does_not_panic() {
        // Found by the text fuzz target (a debug assertion in idna_adapter).
        for raw in [
            "http://wXX\u{e9}.com/a",
            "//Ex\u{e9}.COM/p?Q=1",
            "https://u:P@WW\u{fc}.de#X",
        ] {
            let _ = resolve(raw, Some(&base()), LINK_SCHEMES);
            let _ = resolve(raw, None, LINK_SCHEMES);
        }
        assert_eq!(
            resolve("HTTP://user:PW@EXAMPLE.com/Path", None, LINK_SCHEMES).as_deref(),
            Some("http://user:PW@example.com/Path")
        );
    }

    fn base() -> Url {
        Url::parse("https://example.com/news/story.html").unwrap()
    }

    #[test]
    fn resolves_relative_links_against_the_base() {
        let b = base();
        assert_eq!(
            resolve("../img/a.jpg", Some(&b), LINK_SCHEMES).as_deref(),
            Some("https://example.com/img/a.jpg")
        );
        assert_eq!(
            resolve("//cdn.example.org/x", Some(&b), LINK_SCHEMES).as_deref(),
            Some("https://cdn.example.org/x")
        );
        assert_eq!(
            resolve("#part", Some(&b), LINK_SCHEMES).as_deref(),
            Some("https://example.com/news/story.html#part")
        );
    }

    #[test]
    fn keeps_relative_links_without_a_base() {
        assert_eq!(
            resolve(" /a/b?c=1 ", None, LINK_SCHEMES).as_deref(),
            Some("/a/b?c=1")
        );
        assert_eq!(
            resolve("x.html", None, LINK_SCHEMES).as_deref(),
            Some("x.html")
        );
        assert_eq!(
            resolve("https://a.org/", None, LINK_SCHEMES).as_deref(),
            Some("https://a.org/")
        );
    }

    #[test]
    fn refuses_script_and_data_schemes_even_obfuscated() {
        let b = base();
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "\u{1}java\u{3}script:alert(1)",
            "\u{a0}javascript:alert(1)",
            "\u{2028}javascript:alert(1)",
            "\u{200b}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
        ] {
            // Against a base, it is at worst a harmless path on the page's site.
            let r = resolve(bad, Some(&b), LINK_SCHEMES);
            assert!(
                r.as_deref()
                    .is_none_or(|u| u.starts_with("https://example.com/")),
                "{bad:?}"
            );
            assert_eq!(resolve(bad, None, LINK_SCHEMES), None, "{bad:?}");
        }
        assert_eq!(
            resolve("mailto:a@b.c", None, LINK_SCHEMES).as_deref(),
            Some("mailto:a@b.c")
        );
        assert_eq!(resolve("ftp://x/y", None, LINK_SCHEMES), None);
        assert_eq!(resolve("   ", None, LINK_SCHEMES), None);
    }

    #[test]
    fn image_data_uris_only_when_images() {
        assert!(resolve_image("data:image/png;base64,AAAA", None).is_some());
        assert!(resolve_image("data:text/html;base64,AAAA", None).is_none());
        assert!(resolve_image("javascript:x", None).is_none());
    }

    #[test]
    fn parses_srcset_and_picks_the_largest() {
        let c = parse_srcset("a.jpg 300w, b.jpg 1200w,c.jpg 800w");
        assert_eq!(c.len(), 3);
        assert_eq!(largest(&c), Some("b.jpg"));
        let c = parse_srcset("small.jpg, big.jpg 2x");
        assert_eq!(largest(&c), Some("big.jpg"));
        let c = parse_srcset("https://x/img,w_100,h_50/a.jpg 100w, https://x/img,w_900/a.jpg 900w");
        assert_eq!(largest(&c), Some("https://x/img,w_900/a.jpg"));
        assert!(parse_srcset(" , ").is_empty());
    }

    #[test]
    fn resolves_every_srcset_address() {
        let b = base();
        assert_eq!(
            resolve_srcset("a.jpg 1x, javascript:x 2x, /b.jpg 2x", Some(&b)).as_deref(),
            Some("https://example.com/news/a.jpg 1x, https://example.com/b.jpg 2x")
        );
        assert_eq!(resolve_srcset("javascript:x", Some(&b)), None);
    }
}
