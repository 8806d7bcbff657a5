//! Character encoding detection the way browsers do it.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// How many leading bytes are scanned for a `<meta>` declaration, as the
/// HTML standard's prescan does.
const PRESCAN_BYTES: usize = 1024;

/// Decoded page text and the encoding it was read with.
#[derive(Debug)]
pub struct Decoded {
    /// The text, with malformed sequences replaced by U+FFFD.
    pub text: String,
    /// The encoding used; only the tests read it, to check the choice.
    #[cfg_attr(not(test), allow(dead_code))]
    pub encoding: &'static Encoding,
}

/// Decodes page bytes: byte-order mark first, then a `<meta charset>` or
/// `http-equiv` declaration in the first 1024 bytes, then chardetng's guess.
///
/// One deliberate step differs from a browser: bytes that are valid UTF-8
/// and not plain ASCII are read as UTF-8 whatever the page declares. Saved
/// pages are routinely re-encoded to UTF-8 with their old `<meta charset>`
/// left in place, while legacy-encoded text almost never forms valid UTF-8
/// by accident. (Live pages reach the core already decoded by the browser.)
pub fn decode(bytes: &[u8]) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| (!bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()).then_some(UTF_8))
        .or_else(|| declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
        .unwrap_or_else(|| guess(bytes));
    // decode() strips a BOM of any kind and replaces malformed sequences.
    let (text, used, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used,
    }
}

/// The text of page bytes that [`decode`] would only copy: valid UTF-8
/// (minus a UTF-8 byte-order mark), or ASCII whose declared encoding maps
/// ASCII to itself. `None` when decoding has real work to do.
///
/// Saves copying the page and, for undeclared ASCII pages, running the
/// statistical guess, whose verdict cannot change the text: every encoding
/// it may pick is ASCII-compatible.
pub fn as_decoded_text(bytes: &[u8]) -> Option<&str> {
    if bytes.is_ascii() {
        // No byte-order mark is ASCII, so decode() goes by the declaration.
        let declared = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
        if declared.is_some_and(|e| !e.is_ascii_compatible()) {
            return None;
        }
        return std::str::from_utf8(bytes).ok();
    }
    // decode() reads valid UTF-8 as UTF-8 and strips its byte-order mark;
    // UTF-16 marks are not valid UTF-8.
    std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()
}

/// The encoding a `<meta>` in `head` declares, adjusted as the standard says:
/// a UTF-16 label in ASCII-compatible bytes means UTF-8, x-user-defined
/// means windows-1252.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    static META: OnceLock<Regex> = OnceLock::new();
    let re = META.get_or_init(|| {
        Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)"#)
            .expect("static regex")
    });
    let label = re.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else if enc == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        },
    )
}

/// Firefox's detector for pages that declare nothing.
fn guess(bytes: &[u8]) -> &'static Encoding {
    // Saved pages are mostly UTF-8 without a declaration, so allow it;
    // ISO-2022-JP is refused as browsers do for pages that run scripts.
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_meta() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("<meta charset=iso-8859-2><p>é".as_bytes());
        let d = decode(&b);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with('é'));
    }

    #[test]
    fn meta_charset_and_http_equiv_are_honoured() {
        let d = decode(b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8");
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1251);
        assert_eq!(d.text, "<meta charset=\"windows-1251\"><p>При");
        let d = decode(
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'><p>caf\xe9",
        );
        assert!(d.text.ends_with("café"));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_legacy_declaration() {
        let d = decode("<meta charset=gb2312><p>腾讯网".as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with("腾讯网"));
    }

    #[test]
    fn text_that_needs_no_decoding_is_borrowed_as_decode_would_give_it() {
        for page in [
            &b"<p>plain ASCII, no declaration"[..],
            b"<meta charset=windows-1251><p>ASCII under a legacy label",
            b"<meta charset=utf-16><p>ASCII under a UTF-16 label",
            "<p>Grüße, valid UTF-8".as_bytes(),
            "\u{feff}<p>Grüße after a byte-order mark".as_bytes(),
        ] {
            assert_eq!(as_decoded_text(page), Some(&*decode(page).text));
        }
        // Real decoding work: legacy bytes, and labels that do not map
        // ASCII to itself (the replacement encoding, ISO-2022-JP).
        assert_eq!(as_decoded_text(b"<p>caf\xe9"), None);
        assert_eq!(as_decoded_text(b"<meta charset=iso-2022-kr><p>x"), None);
        assert_eq!(decode(b"<meta charset=iso-2022-kr><p>x").text, "\u{fffd}");
        assert_eq!(
            as_decoded_text(b"<meta charset=iso-2022-jp><p>\x1b$B"),
            None
        );
    }

    #[test]
    fn utf16_label_means_utf8() {
        let d = decode("<meta charset=utf-16><p>ü".as_bytes());
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn undeclared_pages_are_guessed() {
        let d = decode("<p>Grüße aus München, schöne Straße</p>".as_bytes());
        assert_eq!(d.encoding, UTF_8);
        let d = decode(b"<p>Gr\xfc\xdfe aus M\xfcnchen, sch\xf6ne Stra\xdfe, \xe4rger</p>");
        assert!(d.text.contains("München"), "{}", d.text);
    }
}
