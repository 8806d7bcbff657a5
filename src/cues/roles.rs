//! ARIA roles of page furniture, kept as plain names: a role attribute
//! holds one name, compared whole, so no regex is needed.

/// Readability's `unlikelyRoles`: roles of page furniture it strips before
/// scoring.
const READABILITY_UNLIKELY: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Landmark roles of page chrome: the page's banner and footer,
/// navigation, a sidebar, search.
const CHROME_LANDMARKS: &[&str] = &[
    "banner",
    "contentinfo",
    "navigation",
    "complementary",
    "search",
];

/// Widget roles of page chrome beside those: toolbars and tab lists.
const CHROME_WIDGETS: &[&str] = &["toolbar", "tablist"];

/// Whether `role` is one of Readability's `unlikelyRoles`, compared as it
/// compares them (exactly): the byline search, which replays Readability.
pub fn readability_unlikely_role(role: &str) -> bool {
    READABILITY_UNLIKELY.contains(&role)
}

/// Whether `role` names a landmark of page chrome or a dialog, compared
/// exactly: the body search keeps such elements out of the body
/// (`segment::body`).
pub fn chrome_landmark_role(role: &str) -> bool {
    CHROME_LANDMARKS.contains(&role) || role == "dialog"
}

/// Whether `role` marks a box that is never article text, in any letter
/// case: Readability's unlikely roles, the chrome landmarks and widgets.
/// Segmentation drops or labels such boxes.
pub fn chrome_role(role: &str) -> bool {
    READABILITY_UNLIKELY
        .iter()
        .chain(CHROME_LANDMARKS)
        .chain(CHROME_WIDGETS)
        .any(|r| r.eq_ignore_ascii_case(role))
}
