//! The HTML-text front: bytes in, a [`Document`](crate::dom::Document) out.
//!
//! Decoding follows what browsers do (BOM, `<meta charset>` in the first
//! 1024 bytes, then a statistical guess), and the tree is built by html5ever,
//! so a page parsed here has the same shape as the one a browser shows.

mod depth_guard;
#[cfg(feature = "encoding")]
mod encoding;
mod html;
mod noscript;
mod panels;
mod streamed;

#[cfg(feature = "encoding")]
use encoding::{as_decoded_text, decode};
pub use html::parse_html;

use crate::dom::Document;
use crate::error::Error;

/// Share of NUL and other C0 control bytes in the first kilobytes above which
/// the input is taken for a binary file, not text.
#[cfg(feature = "encoding")]
const BINARY_CONTROL_SHARE: f64 = 0.05;
/// How many leading bytes the binary check looks at.
#[cfg(feature = "encoding")]
const BINARY_SNIFF_BYTES: usize = 4096;

/// Decodes and parses a page, refusing input that is empty, binary or not
/// HTML at all.
#[cfg(feature = "encoding")]
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    // Most pages are UTF-8 already: parse them in place.
    match as_decoded_text(bytes) {
        Some(text) => parse_text(text),
        None => parse_text(&decode(bytes).text),
    }
}

/// Parses a page already decoded to text (a browser's string), refusing
/// text that is empty or not HTML at all.
pub fn parse_text(text: &str) -> Result<Document, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if !looks_like_html(text) {
        return Err(Error::NotHtml);
    }
    let (doc, seen) = html::parse_seeing(text, true);
    // A script-rendered page whose server copy sits in <noscript> (forums
    // built on Discourse: 22 of WCXB's 112 forum pages).
    let (mut doc, seen) = if noscript::holds_the_page(&doc) {
        noscript::reparse_shown(text)
    } else {
        (doc, seen)
    };
    // What the page's own scripts or one click would show, as served.
    if seen.template {
        streamed::place_segments(&mut doc);
    }
    if seen.disclosure {
        panels::open(&mut doc);
    }
    crate::cloak::lift(&mut doc);
    doc.shrink_to_fit();
    Ok(doc)
}

/// Known magic numbers of formats that are not text, and a control-byte
/// share for the rest.
#[cfg(feature = "encoding")]
fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"%PDF-",
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"\x7fELF",
        b"\0asm",
        b"RIFF",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    // UTF-16 text is full of NULs but is text: leave it to the decoder.
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls as f64 / head.len() as f64 > BINARY_CONTROL_SHARE
}

/// Whether the text holds at least one tag, comment or doctype: plain prose
/// or JSON is refused rather than turned into a one-paragraph "article".
fn looks_like_html(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'))
}

#[cfg(all(test, feature = "encoding"))]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_binary_and_plain_text() {
        assert!(matches!(parse_bytes(b"  \n"), Err(Error::Empty)));
        assert!(matches!(
            parse_bytes(b"\x89PNG\r\n\x1a\n...."),
            Err(Error::Binary)
        ));
        assert!(matches!(
            parse_bytes(&[0u8, 1, 2, 3, 4, 5]),
            Err(Error::Binary)
        ));
        assert!(matches!(parse_bytes(b"just words"), Err(Error::NotHtml)));
    }

    #[test]
    fn parses_a_fragment_into_a_full_tree() {
        let doc = parse_bytes(b"<p>Hello <b>world</b>").unwrap();
        let body = doc.body();
        assert!(doc.is(body, "body"));
        assert_eq!(doc.text_content(body), "Hello world");
    }
}
