//! A cue list as the one regex its patterns make, for build.rs (which
//! compiles it to an NFA) and the tests (which compile it with the `regex`
//! crate, as the lists were matched at run time before).

/// The list's patterns joined into one case-insensitive regex, anchored
/// (the whole text must match) if asked.
pub fn list_pattern(patterns: &[&str], anchored: bool) -> String {
    let body = ascii_boundaries(&patterns.join("|"));
    if anchored {
        format!(r"(?i)^(?:{body})$")
    } else {
        format!(r"(?i)(?:{body})")
    }
}

/// `pattern` with every `\b` an ASCII word boundary: Unicode ones force
/// the slow NFA engines on every non-ASCII text (lists.rs).
pub fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}
