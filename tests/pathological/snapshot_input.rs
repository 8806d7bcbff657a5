//! Decodes a fuzz input into a DOM snapshot (`ops`, `strings`) for the
//! snapshot fuzz target (`fuzz/fuzz_targets/snapshot.rs`), shared with
//! `tests/pathological.rs`, which replays the inputs that once failed. The
//! format is described in the fuzz target.

use declutter::parse;
use declutter::snapshot::{self, CLOSE, OPEN, TEXT};

const TAGS: &[&str] = &[
    "div",
    "p",
    "a",
    "article",
    "section",
    "h1",
    "h2",
    "span",
    "ul",
    "li",
    "nav",
    "header",
    "footer",
    "aside",
    "main",
    "table",
    "tr",
    "td",
    "img",
    "figure",
    "figcaption",
    "script",
    "style",
    "svg",
    "template",
    "body",
    "html",
    "head",
    "title",
    "meta",
    "form",
    "iframe",
    "b",
    "blockquote",
    "pre",
    "code",
    "time",
    "br",
    "picture",
    "source",
    "video",
    "noscript",
];
const ATTRS: &[(&str, &str)] = &[
    ("class", "ad sponsored promo"),
    ("class", "article-body content"),
    ("class", "related-stories"),
    ("id", "main"),
    ("href", "/story/1"),
    ("href", "javascript:alert(1)"),
    ("href", "https://other.example/x"),
    ("src", "/img/lead.jpg"),
    ("srcset", "a.jpg 1x, b.jpg 2x"),
    ("rel", "author"),
    ("hidden", ""),
    ("aria-hidden", "true"),
    ("role", "navigation"),
    ("itemprop", "headline"),
    ("property", "og:title"),
    ("name", "author"),
    ("content", "Jane Doe"),
    ("type", "application/ld+json"),
    ("datetime", "2024-05-01T10:00:00Z"),
    ("style", "display:none"),
    ("lang", "en"),
    ("dir", "rtl"),
    ("onclick", "alert(1)"),
];
const TEXTS: &[&str] = &[
    "The council voted on Tuesday to approve the new budget for schools and roads.",
    "Advertisement",
    "Read more",
    "Subscribe to our newsletter",
    "By Jane Doe",
    "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":{\"name\":\"A\"}}",
    "",
    " ",
    "\u{202e}\u{fffd}\u{1f600} é",
    "Related: five things to know",
    "© 2024 Example News",
];
/// Elements one "deep run" op nests per unit of its count byte.
const DEEP_RUN_UNIT: usize = 50;
/// Elements all deep runs of one input may add: enough for any depth
/// question (the fronts cap depth at 512), while a 20 KB program could
/// otherwise ask for millions of elements and spend the fuzzer's time on
/// volume (a linear 3 s, once reported as a timeout) instead of logic.
const DEEP_RUN_BUDGET: usize = 100_000;

/// The snapshot an input stands for, and whether to pass a page URL.
pub fn decode(data: &[u8]) -> Option<(Vec<u32>, String, bool)> {
    let (&mode, rest) = data.split_first()?;
    let (ops, strings) = if mode & 1 == 1 {
        from_html(mode >> 1, rest)
    } else {
        from_program(rest)
    };
    Some((ops, strings, mode & 2 != 0))
}

/// A page encoded as the walker would, cut to `cut`/64 of its ops (64 and
/// above: whole).
fn from_html(cut: u8, html: &[u8]) -> (Vec<u32>, String) {
    let doc = parse::parse_html(&String::from_utf8_lossy(html));
    let (mut ops, strings) = snapshot::encode(&doc);
    if cut < 64 {
        ops.truncate(ops.len() * cut as usize / 64);
    }
    (ops, strings)
}

/// Decodes the op program described in the module comment.
fn from_program(program: &[u8]) -> (Vec<u32>, String) {
    let mut ops = Vec::new();
    let mut strings: Vec<&str> = Vec::new();
    let mut bytes = program.iter();
    let mut budget = DEEP_RUN_BUDGET;
    while let Some(&b) = bytes.next() {
        // Operands past the end of the input read as 0.
        let mut next = || bytes.next().copied().unwrap_or(0) as usize;
        match b % 8 {
            0..=2 => {
                let flags = u32::from((b >> 3) & 0xf);
                let nattrs = next() % 4;
                ops.extend([OPEN, flags, nattrs as u32]);
                strings.push(TAGS[next() % TAGS.len()]);
                for _ in 0..nattrs {
                    let (k, v) = ATTRS[next() % ATTRS.len()];
                    strings.extend([k, v]);
                }
            }
            3 | 4 => {
                ops.push(TEXT);
                strings.push(TEXTS[next() % TEXTS.len()]);
            }
            5 | 6 => ops.push(CLOSE),
            _ => {
                let count = next();
                if count < 16 {
                    // A garbage op: the stream must be refused, not trusted.
                    ops.push(u32::from_le_bytes([
                        next() as u8,
                        next() as u8,
                        next() as u8,
                        next() as u8,
                    ]));
                } else {
                    let tag = TAGS[next() % TAGS.len()];
                    let run = (count * DEEP_RUN_UNIT).min(budget);
                    budget -= run;
                    for _ in 0..run {
                        ops.extend([OPEN, 0, 0]);
                        strings.push(tag);
                    }
                }
            }
        }
    }
    (ops, strings.join("\0"))
}
