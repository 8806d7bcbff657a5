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

#[cfg(test)]
mod tests {
    use super::*;

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
