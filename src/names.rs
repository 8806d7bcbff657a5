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
}
