//! The cleaner's tables: what each source element becomes (from the clean
//! sets of `tag_sets`), and the word lists for lazy images and video embeds.
//! Kept here as data so the passes that use them stay short.

use crate::tag_sets::{CLEAN_KEPT_BLOCK, CLEAN_PHRASING};

/// What the cleaner does with a source element (by its lower-case name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Left out with its whole subtree.
    Drop,
    /// Kept as a phrasing element under this name.
    Inline(&'static str),
    /// Kept as a block element under this name.
    Block(&'static str),
    /// A layout box (`div`, `section`...): becomes a paragraph or vanishes,
    /// depending on what it holds.
    Wrapper,
    /// Left out, its children kept in its place.
    Unwrap,
    /// Built by the cleaner itself (images, links, embeds, breaks, forms,
    /// tables).
    Special,
    /// Not a known HTML element (custom elements, Word's `o:p`...): a wrapper
    /// when it holds blocks, else unwrapped, as browsers show unknown
    /// elements inline.
    Unknown,
}

/// Layout boxes whose only job is grouping.
const WRAPPER: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "center", "address",
    "hgroup", "fieldset", "legend", "body", "html",
];

/// Elements left out with their subtree: code, embeds, form controls,
/// navigation, media without a text alternative, page metadata.
const DROP: &[&str] = &[
    "script", "style", "template", "object", "embed", "applet", "param", "frame", "frameset",
    "noframes", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
    "output", "progress", "meter", "label", "canvas", "nav", "dialog", "link", "meta", "base",
    "head", "title", "audio", "video", "source", "track", "map", "area", "portal", "search",
    "colgroup", "col", "rp", "rt", "wbr", "math", "svg",
];

/// Elements the cleaner builds itself.
const SPECIAL: &[&str] = &[
    "img", "amp-img", "picture", "iframe", "noscript", "br", "hr", "a", "form",
];

/// Phrasing elements whose markup carries nothing worth keeping.
const UNWRAP: &[&str] = &[
    "span", "font", "big", "tt", "nobr", "bdi", "bdo", "data", "ruby", "rb", "rtc", "dfn", "blink",
    "marquee", "slot", "acronym",
];

/// Obsolete names kept under their modern equivalent.
const RENAMED: &[(&str, Role)] = &[
    ("strike", Role::Inline("s")),
    ("menu", Role::Block("ul")),
    ("dir", Role::Block("ul")),
    ("listing", Role::Block("pre")),
    ("xmp", Role::Block("pre")),
    ("plaintext", Role::Block("pre")),
];

/// The role of a source element.
pub(super) fn role(name: &str) -> Role {
    if let Some(&t) = CLEAN_PHRASING.iter().find(|&&t| t == name) {
        return Role::Inline(t);
    }
    if let Some(&t) = CLEAN_KEPT_BLOCK.iter().find(|&&t| t == name) {
        return Role::Block(t);
    }
    if WRAPPER.contains(&name) {
        return Role::Wrapper;
    }
    if DROP.contains(&name) {
        return Role::Drop;
    }
    if SPECIAL.contains(&name) {
        return Role::Special;
    }
    if UNWRAP.contains(&name) {
        return Role::Unwrap;
    }
    if let Some(&(_, r)) = RENAMED.iter().find(|(n, _)| *n == name) {
        return r;
    }
    Role::Unknown
}

/// Whether a source element starts a block of its own, for deciding if an
/// inline element or paragraph holds blocks.
pub(super) fn is_blockish_source(name: &str) -> bool {
    matches!(role(name), Role::Block(_) | Role::Wrapper) || matches!(name, "table" | "form" | "hr")
}

/// Hosts of video players whose iframes become a link to the video
/// (Readability keeps the same ones), with the name the link shows.
pub(super) const VIDEO_HOSTS: &[(&str, &str)] = &[
    ("youtube.com", "YouTube"),
    ("youtube-nocookie.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("vimeo.com", "Vimeo"),
    ("dailymotion.com", "Dailymotion"),
    ("dai.ly", "Dailymotion"),
    ("v.qq.com", "Tencent Video"),
    ("archive.org", "Internet Archive"),
    ("upload.wikimedia.org", "Wikimedia"),
    ("player.twitch.tv", "Twitch"),
    ("facebook.com/plugins/video", "Facebook"),
    ("players.brightcove.net", "Brightcove"),
    ("jwplayer.com", "JW Player"),
    ("rumble.com/embed", "Rumble"),
    ("bilibili.com", "Bilibili"),
    ("ted.com", "TED"),
];

/// Attributes lazy-loading scripts read the real image address from, best
/// first.
pub(super) const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-actualsrc",
    "data-original-src",
    "data-echo",
];

/// Attributes lazy-loading scripts read the real `srcset` from, best first.
pub(super) const LAZY_SRCSET_ATTRS: &[&str] =
    &["data-srcset", "data-lazy-srcset", "data-original-srcset"];

/// Words in an image's file name that mark a placeholder a script replaces.
pub(super) const PLACEHOLDER_HINTS: &[&str] = &[
    "blank.",
    "spacer",
    "pixel.",
    "transparent.",
    "1x1",
    "placeholder",
    "lazy",
    "loading",
    "loader",
    "clear.gif",
    "empty.",
    "dot.gif",
    "grey.gif",
    "gray.gif",
];
