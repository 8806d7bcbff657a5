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
    /// The encoding used.
    pub encoding: &'static Encoding,
}

/// Decodes page bytes: byte-order mark first, then a `<meta charset>` or
/// `http-equiv` declaration in the first 1024 bytes, then chardetng's guess.
pub fn decode(bytes: &[u8]) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
        .unwrap_or_else(|| guess(bytes));
    // decode() strips a BOM of any kind and replaces malformed sequences.
    let (text, used, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used,
    }
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
        assert_eq!(d.text, "<meta charset=\"windows-1251\"><p>При");
        let d = decode(
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'><p>caf\xe9",
        );
        assert!(d.text.ends_with("café"));
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
