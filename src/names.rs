//! What class and id names say, read as words: `AdBanner`,
//! `top-leaderboard` and `pipf-seo-reviews__review` are cut into words at
//! separators and camel-case humps, so a name matches a whole word and not
//! a part of one (`header` holds no "ad", `preview` no "review").
//! Shared by the metadata (bylines) and the segmentation (ad slots,
//! customer reviews).

/// The class or id token of `names` (space-separated) holding one of
/// `words` as a whole word, if any. Words are runs of ASCII letters and
/// digits, cut at separators and before an upper-case letter that follows
/// a lower-case one or a digit, compared without case.
pub(crate) fn token_naming<'n>(names: &'n str, words: &[&str]) -> Option<&'n str> {
    let names_one = |word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    names.split_whitespace().find(|token| {
        let mut start = None;
        let mut prev_lower = false;
        for (i, c) in token.char_indices() {
            if !c.is_ascii_alphanumeric() {
                if start.take().is_some_and(|s| names_one(&token[s..i])) {
                    return true;
                }
                prev_lower = false;
                continue;
            }
            if c.is_ascii_uppercase()
                && prev_lower
                && start.take().is_some_and(|s| names_one(&token[s..i]))
            {
                return true;
            }
            start.get_or_insert(i);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
        start.is_some_and(|s| names_one(&token[s..]))
    })
}

/// Words naming customer reviews, and the common review platforms' widget
/// names.
const REVIEW_WORDS: &[&str] = &["review", "reviews", "yotpo", "okendo", "jdgm"];

/// The class or id token of `names` that names customer reviews, if any.
/// The publisher's "editorial reviews" are a description's blurbs.
pub(crate) fn reviews_name(names: &str) -> Option<&str> {
    if token_naming(names, &["editorial"]).is_some() {
        return None;
    }
    token_naming(names, REVIEW_WORDS)
}

/// Utility classes that set one style property and name no widget:
/// Bootstrap's display classes (`d-none`, `d-print-none`), Tailwind's
/// variants (`print:hidden`, `md:flex`) and print-only switches
/// (`row--print-overwrite`, `hidden-print`). Read as names, their "print"
/// made page parts chrome (issue 13, cause 5); measured: WCXB
/// documentation pages 0.887 to 0.897 word F1, trafilatura's corpus one
/// snippet more. Overflow utilities (`overflow-hidden`,
/// `overflow-x-scroll`) and responsive switches (`hidden-900`,
/// `sm-hidden`, `visible-lg`) clip or hide a part at some screen width
/// only: read through Readability's class weight, their "hidden" and
/// "scroll" cut whole feature sections out of landing pages.
pub(crate) fn is_utility_class(token: &str) -> bool {
    if token.starts_with("d-") || token.contains(':') {
        return true;
    }
    // Class names are nearly always lower-case already: a copy only for
    // the rest (this runs for every scored element's class and id).
    let lower;
    let t = if token.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = token.to_ascii_lowercase();
        lower.as_str()
    } else {
        token
    };
    if t.starts_with("overflow-") || is_responsive_switch(t) {
        return true;
    }
    // Bytes for the first test, which nearly every token fails: a
    // substring searcher set up per token showed in profiles.
    t.as_bytes().windows(5).any(|w| w == b"print") && PRINT_SWITCHES.iter().any(|w| t.contains(w))
}

/// Words that make a "print" token a display switch, not a print button.
const PRINT_SWITCHES: &[&str] = &[
    "none",
    "hidden",
    "hide",
    "only",
    "visible",
    "overwrite",
    "no",
];

/// Screen sizes a responsive switch names.
const BREAKPOINTS: &[&str] = &[
    "xs", "sm", "md", "lg", "xl", "xxl", "mobile", "tablet", "desktop",
];

/// `hidden-md`, `hide-mobile`, `visible-lg`, `sm-hidden`, `hidden-900`: shown
/// or hidden at one screen width (lower-case `t`).
fn is_responsive_switch(t: &str) -> bool {
    let size = |w: &str| {
        BREAKPOINTS.contains(&w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let switch = |w: &str| matches!(w, "hidden" | "hide" | "visible" | "show");
    match t.split_once(['-', '_']) {
        Some((a, b)) => (switch(a) && size(b)) || (size(a) && switch(b)),
        None => false,
    }
}

/// `names` (class or id tokens) without its utility classes; borrowed when
/// it has none.
pub(crate) fn without_utility_classes(names: &str) -> std::borrow::Cow<'_, str> {
    if !names.split_whitespace().any(is_utility_class) {
        return std::borrow::Cow::Borrowed(names);
    }
    let kept: Vec<&str> = names
        .split_whitespace()
        .filter(|t| !is_utility_class(t))
        .collect();
    std::borrow::Cow::Owned(kept.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_names_are_whole_words_and_not_editorial() {
        for n in [
            "customer-reviews",
            "pipf-seo-reviews__review",
            "individual-review__main",
            "yotpo-main-widget",
            "reviewsList",
            "jdgm-widget",
        ] {
            assert_eq!(reviews_name(n), Some(n), "{n}");
        }
        for n in [
            "preview",
            "reviewer",
            "editorialReviews_feature_div",
            "overview",
        ] {
            assert_eq!(reviews_name(n), None, "{n}");
        }
    }

    #[test]
    fn utility_classes_name_no_widget() {
        for t in [
            "d-print-none",
            "d-none",
            "print:hidden",
            "md:flex",
            "row--print-overwrite",
            "hidden-print",
            "no-print",
            "overflow-hidden",
            "overflow-x-scroll",
            "hidden-900",
            "hidden-md",
            "sm-hidden",
            "visible-lg",
            "hide-mobile",
        ] {
            assert!(is_utility_class(t), "{t}");
        }
        for t in [
            "print-button",
            "printfriendly",
            "newsletter",
            "site-footer",
            "hidden",
            "aok-hidden",
            "scroll-section",
            "sidebar-hidden",
        ] {
            assert!(!is_utility_class(t), "{t}");
        }
    }

    #[test]
    fn utility_classes_are_left_out_of_names() {
        assert_eq!(without_utility_classes("card overflow-hidden"), "card");
        assert!(matches!(
            without_utility_classes("sidebar widget"),
            std::borrow::Cow::Borrowed("sidebar widget")
        ));
    }
}
