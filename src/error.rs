//! Errors the library reports to its callers.

use std::fmt;

/// Why a page could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input holds nothing but white space.
    Empty,
    /// The input is a binary file (image, archive, executable...).
    Binary,
    /// The input is text without a single HTML tag.
    NotHtml,
    /// The page URL given by the caller does not parse.
    BadUrl(String),
    /// A DOM snapshot handed over by a browser front is malformed.
    BadSnapshot(String),
    /// The input is past one of the library's size ceilings (see
    /// `snapshot::MAX_OPS` and `snapshot::MAX_STRING_BYTES`); it is refused
    /// before the core allocates for it.
    TooLarge(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "the input is empty"),
            Error::Binary => write!(f, "the input is a binary file, not HTML"),
            Error::NotHtml => write!(f, "the input is not HTML (no tag found)"),
            Error::BadUrl(u) => write!(f, "the page URL '{u}' is not a valid absolute URL"),
            Error::BadSnapshot(why) => write!(f, "the DOM snapshot is malformed: {why}"),
            Error::TooLarge(why) => write!(f, "the page is too large: {why}"),
        }
    }
}

impl std::error::Error for Error {}
