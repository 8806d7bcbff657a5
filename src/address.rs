//! Parsing the addresses a page gives (links, images, `<base>`, the page's
//! own URL), every one through one door: hosts are case-insensitive, and
//! the ASCII-only IDNA adapter we build with (`idna_adapter` 1.0) asserts,
//! in debug builds, that no upper-case letter reaches it beside a
//! non-ASCII one. The fuzz targets found that assertion three times, each
//! through a different caller (article links, block labels, metadata), so
//! no caller parses an address itself.

use std::borrow::Cow;
use url::{ParseError, Url};

/// `raw` parsed as an absolute address, or resolved against `base` when
/// given, its host lower-cased first.
pub(crate) fn parse(base: Option<&Url>, raw: &str) -> Result<Url, ParseError> {
    let raw = lower_case_host(raw);
    match base {
        Some(b) => b.join(&raw),
        None => Url::parse(&raw),
    }
}

/// The address with its host's ASCII letters lower-cased, because
/// hosts are case-insensitive, and the ASCII-only IDNA adapter we build
/// with (`idna_adapter` 1.0) asserts, in debug builds, that no upper-case
/// letter reaches it beside a non-ASCII one (`http://EXAMPLE.café/` made the
/// text fuzz target panic). Release builds were unaffected.
fn lower_case_host(url: &str) -> Cow<'_, str> {
    let Some(start) = url.find("//").map(|i| i + 2) else {
        return Cow::Borrowed(url);
    };
    // The scheme part before `//` must be a scheme or nothing at all.
    if !url[..start - 2]
        .trim_end_matches(':')
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return Cow::Borrowed(url);
    }
    let end = url[start..]
        .find(['/', '\\', '?', '#'])
        .map_or(url.len(), |i| start + i);
    let host_start = url[start..end].rfind('@').map_or(start, |i| start + i + 1);
    if !url[host_start..end].bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(url);
    }
    let mut out = url.to_string();
    out[host_start..end].make_ascii_lowercase();
    Cow::Owned(out)
}

/// A host without its `www.`.
fn site(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

/// Whether a link stays on the page's site: `Some(true)` or `Some(false)`
/// when that is known, `None` for an absolute link on a page without an
/// address.
pub(crate) fn same_site(href: &str, page: Option<&Url>) -> Option<bool> {
    // Only the host is compared, so case does not matter; and the ASCII-only
    // IDNA adapter (Cargo.toml) debug-asserts that a non-ASCII host reaches
    // it with no upper-case ASCII left: a link's host did, and panicked the
    // fuzz build (tests/pathological/fuzz-regressions/snapshot/label-idna-case,
    // replayed in a debug build). A scheme is enough to call a link absolute.
    let href = href.trim().to_ascii_lowercase();
    let href = href.as_str();
    let absolute = href.starts_with("//") || has_scheme(href);
    match page {
        Some(p) => {
            let to = p.join(href).ok()?;
            Some(to.host_str().map(site) == p.host_str().map(site))
        }
        None if absolute => None,
        None => Some(true),
    }
}

/// Whether `href` starts with a URL scheme (`https:`, `mailto:`...): an
/// absolute link, whatever follows.
fn has_scheme(href: &str) -> bool {
    let Some((scheme, _)) = href.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_hosts_compare_without_case_and_schemes_mark_absolute_links() {
        let page = Url::parse("https://www.example.com/story").unwrap();
        // A non-ASCII host with upper-case ASCII (the fuzz build's IDNA debug
        // assertion came from such a link: fuzz-regressions/snapshot/
        // label-idna-case, which a debug-build replay catches).
        assert_eq!(same_site("http://ÄB.COM/x", None), None);
        // The ASCII-only adapter refuses the host: where it goes is unknown.
        assert_eq!(same_site("http://ÄB.COM/x", Some(&page)), None);
        assert_eq!(
            same_site("HTTPS://EXAMPLE.COM/other", Some(&page)),
            Some(true)
        );
        assert_eq!(same_site("/other", Some(&page)), Some(true));
        assert_eq!(same_site("/other", None), Some(true));
        assert_eq!(same_site("mailto:a@b.c", None), None);
        assert!(has_scheme("view-source:x") && !has_scheme("1http:x") && !has_scheme("a b:c"));
    }

    #[test]
    fn upper_case_beside_non_ascii_in_a_host_does_not_panic() {
        // Found by the text fuzz target (a debug assertion in idna_adapter).
        let base = Url::parse("https://example.com/news/story.html").unwrap();
        for raw in [
            "http://wXX\u{e9}.com/a",
            "//Ex\u{e9}.COM/p?Q=1",
            "https://u:P@WW\u{fc}.de#X",
            "HTTPS://\u{e9}X.example/",
        ] {
            let _ = parse(Some(&base), raw);
            let _ = parse(None, raw);
        }
        assert_eq!(
            parse(None, "HTTP://user:PW@EXAMPLE.com/Path").map(String::from),
            Ok("http://user:PW@example.com/Path".to_string())
        );
    }

    #[test]
    fn only_the_host_is_lower_cased() {
        assert_eq!(lower_case_host("/Path/To?Q=A"), "/Path/To?Q=A");
        assert_eq!(lower_case_host("https://A.B/C"), "https://a.b/C");
        assert_eq!(lower_case_host("a b://X/Y"), "a b://X/Y");
    }
}
