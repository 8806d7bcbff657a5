//! The page's own title, cleaned the way Readability's `_getArticleTitle`
//! does it: site names cut off at separators, colons resolved against the
//! headings, and the lone `<h1>` used when the `<title>` is useless.

use super::text::{
    inner_text, is_js_space, js_len, js_trim, js_word_count, squeeze_runs, trimmed_text_within,
};
use crate::dom::{Document, NodeData, DOCUMENT};

/// A `<title>` longer than this (UTF-16 units) is probably a description.
const TITLE_MAX_LEN: usize = 150;
/// A `<title>` shorter than this is probably just the site name.
const TITLE_MIN_LEN: usize = 15;
/// A cleaned title with this many words or fewer is suspect of having lost
/// its substance to the separator rules.
const SHORT_TITLE_WORDS: usize = 4;
/// A part left of a separator with fewer words than this is a site name,
/// not the headline.
const MIN_PART_WORDS: usize = 3;
/// More words than this before a colon means the colon is part of the
/// headline, not a "Site: headline" prefix.
const MAX_PREFIX_WORDS: usize = 5;

/// The separator characters Readability recognises between title parts.
/// Readability's title separators (its `[\|\-–—\\\/>»]`).
fn is_separator(c: char) -> bool {
    matches!(c, '|' | '-' | '–' | '—' | '\\' | '/' | '>' | '»')
}

/// The separators that mark a hierarchy (section path) rather than a mere
/// "headline | site" split.
fn is_hierarchical_separator(c: char) -> bool {
    matches!(c, '\\' | '/' | '>' | '»')
}

/// Where each separator with JavaScript white space on both sides starts,
/// as a global regex finds them, never overlapping (Readability's
/// `/\s[sep]\s/g`; by hand so the wasm carries no regex engine, issue 15).
fn spaced_separators(s: &str, sep: fn(char) -> bool) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut starts = vec![];
    let mut i = 0;
    while i + 2 < chars.len() {
        let [(at, a), (_, b), (_, c)] = [chars[i], chars[i + 1], chars[i + 2]];
        if is_js_space(a) && sep(b) && is_js_space(c) {
            starts.push(at);
            i += 3;
        } else {
            i += 1;
        }
    }
    starts
}

/// `document.title`: the first HTML `<title>`'s own text with ASCII
/// whitespace stripped and collapsed (then trimmed as Readability does).
pub(crate) fn document_title(doc: &Document) -> String {
    let Some(title) = doc.find(DOCUMENT, "title") else {
        return String::new();
    };
    let mut raw = String::new();
    for c in doc.children(title) {
        if let NodeData::Text(t) = &doc.node(c).data {
            raw.push_str(t);
        }
    }
    let collapsed = raw
        .split(['\t', '\n', '\u{0C}', '\r', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    js_trim(&collapsed).to_string()
}

/// Readability's `_getArticleTitle`, ported rule for rule.
pub(crate) fn article_title(doc: &Document) -> String {
    let orig = document_title(doc);
    let mut cur = orig.clone();
    let mut had_hierarchical = false;

    if let Some(&last) = spaced_separators(&orig, is_separator).last() {
        had_hierarchical = !spaced_separators(&orig, is_hierarchical_separator).is_empty();
        cur = orig[..last].to_string();
        if js_word_count(&cur) < MIN_PART_WORDS {
            // Everything up to and including the first separator goes.
            cur = match orig.find(is_separator) {
                Some(i) => orig[i..].chars().skip(1).collect(),
                None => orig.clone(),
            };
        }
    } else if cur.contains(": ") {
        if !heading_equals(doc, js_trim(&cur)) {
            cur = after(&orig, orig.rfind(':'));
            if js_word_count(&cur) < MIN_PART_WORDS {
                cur = after(&orig, orig.find(':'));
            } else if let Some(colon) = orig.find(':') {
                if js_word_count(&orig[..colon]) > MAX_PREFIX_WORDS {
                    cur = orig.clone();
                }
            }
        }
    } else {
        let len = js_len(&cur);
        if !(TITLE_MIN_LEN..=TITLE_MAX_LEN).contains(&len) {
            let mut h1s = doc.find_all(DOCUMENT, "h1");
            if let (Some(only), None) = (h1s.next(), h1s.next()) {
                cur = inner_text(doc, only);
            }
        }
    }

    cur = squeeze_runs(js_trim(&cur));
    let words = js_word_count(&cur);
    if words <= SHORT_TITLE_WORDS
        && (!had_hierarchical || words + 1 != js_word_count(&orig.replace(is_separator, "")))
    {
        cur = orig;
    }
    cur
}

/// `s.substring(pos + 1)`, or all of `s` when there is no position (as
/// `lastIndexOf` returning -1 makes JavaScript do).
fn after(s: &str, pos: Option<usize>) -> String {
    match pos {
        Some(p) => s[p + 1..].to_string(),
        None => s.to_string(),
    }
}

/// Whether some `<h1>` or `<h2>` holds exactly this text.
fn heading_equals(doc: &Document, text: &str) -> bool {
    doc.descendants(DOCUMENT)
        .filter(|&n| doc.is(n, "h1") || doc.is(n, "h2"))
        .any(|h| trimmed_text_within(doc, h, text.len()).is_some_and(|t| t == text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    /// The separator scans give what the regexes they replaced gave.
    #[test]
    fn separator_scans_match_the_regexes() {
        let space = r"[\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}]";
        let sep = r"[|\-–—\\/>»]";
        let spaced = regex::Regex::new(&format!("{space}{sep}{space}")).unwrap();
        let hier = regex::Regex::new(&format!(r"{space}[\\/>»]{space}")).unwrap();
        let first = regex::Regex::new(&format!("^[^|\\-–—\\\\/>»]*{sep}")).unwrap();
        let runs = regex::Regex::new(&format!("{sep}+")).unwrap();
        for t in [
            "Headline - Site",
            "a - - b",
            "a - - - b",
            "One | Two | Three",
            "A\u{a0}—\u{3000}B",
            "Sec / Sub > Page",
            "no separators",
            "x-y - z",
            "Über » Städte » Köln",
            " - ",
            "-",
            "a\u{FEFF}|\u{FEFF}b \u{85}-\u{85} c",
            "ends with - ",
        ] {
            let starts: Vec<usize> = spaced.find_iter(t).map(|m| m.start()).collect();
            assert_eq!(spaced_separators(t, is_separator), starts, "{t:?}");
            assert_eq!(
                !spaced_separators(t, is_hierarchical_separator).is_empty(),
                hier.is_match(t),
                "{t:?}"
            );
            let cut = match t.find(is_separator) {
                Some(i) => t[i..].chars().skip(1).collect(),
                None => t.to_string(),
            };
            assert_eq!(cut, first.replace(t, ""), "{t:?}");
            assert_eq!(
                t.replace(is_separator, ""),
                runs.replace_all(t, ""),
                "{t:?}"
            );
        }
    }

    fn title_of(html: &str) -> String {
        article_title(&parse_html(html))
    }

    #[test]
    fn drops_the_site_name_after_the_last_separator() {
        assert_eq!(
            title_of("<title>Storm hits the coast overnight | The Daily News</title>"),
            "Storm hits the coast overnight"
        );
        assert_eq!(
            title_of("<title>Storm hits the coast - Weather - Daily News</title>"),
            "Storm hits the coast - Weather"
        );
    }

    #[test]
    fn dashes_of_every_width_separate() {
        assert_eq!(
            title_of("<title>Lorem ipsum dolor sit amet – My website</title>"),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            title_of("<title>Lorem ipsum dolor sit amet — My website</title>"),
            "Lorem ipsum dolor sit amet"
        );
        // A dash inside a word is no separator.
        let t = "Storm-hit coast recovers slowly from damage";
        assert_eq!(title_of(&format!("<title>{t}</title>")), t);
    }

    #[test]
    fn drops_the_first_part_when_the_rest_is_too_short() {
        assert_eq!(
            title_of("<title>Daily News | Storm hits the coast tonight</title>"),
            " Storm hits the coast tonight".trim()
        );
    }

    #[test]
    fn keeps_the_original_when_cleaning_leaves_too_little() {
        assert_eq!(
            title_of("<title>Home | Daily News</title>"),
            "Home | Daily News"
        );
    }

    #[test]
    fn hierarchical_separator_may_lose_one_word() {
        // A short result survives only when the hierarchical separator
        // dropped exactly one word.
        assert_eq!(
            title_of("<title>New features arrive in Firefox » Mozilla</title>"),
            "New features arrive in Firefox"
        );
        assert_eq!(
            title_of("<title>Big news today » Site</title>"),
            "Big news today"
        );
    }

    #[test]
    fn colon_title_uses_the_part_after_the_colon() {
        assert_eq!(
            title_of("<title>Daily News: Storm hits the coast tonight</title>"),
            "Storm hits the coast tonight"
        );
    }

    #[test]
    fn colon_title_kept_when_a_heading_matches_it() {
        let html = "<title>Review: The best laptops of the year</title>\
                    <h1>Review: The best laptops of the year</h1>";
        assert_eq!(title_of(html), "Review: The best laptops of the year");
    }

    #[test]
    fn colon_title_kept_when_the_prefix_is_long() {
        let t = "One two three four five six: seven eight nine";
        assert_eq!(title_of(&format!("<title>{t}</title>")), t);
    }

    #[test]
    fn short_title_replaced_by_the_only_h1() {
        let html = "<title>News</title><h1>Storm hits the coast overnight</h1>";
        assert_eq!(title_of(html), "Storm hits the coast overnight");
        let two = "<title>News</title><h1>One heading here now</h1><h1>Another heading</h1>";
        assert_eq!(title_of(two), "News");
    }

    #[test]
    fn document_title_collapses_ascii_space() {
        let d = parse_html("<title>\n  A \t title  </title>");
        assert_eq!(document_title(&d), "A title");
        assert_eq!(document_title(&parse_html("<p>x")), "");
    }
}
