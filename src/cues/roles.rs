//! ARIA roles of page furniture, kept as plain names: a role attribute
//! holds one name, compared whole, so no regex is needed.

/// Readability's `unlikelyRoles`: roles of page furniture it strips before
/// scoring. The byline search, which replays Readability, compares them
/// exactly (case and all), as Readability does.
const READABILITY_UNLIKELY: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Landmark roles that are never article text beside Readability's: the
/// page's banner and footer, search, toolbars and tab lists.
const MORE_CHROME: &[&str] = &["banner", "contentinfo", "search", "toolbar", "tablist"];

/// Whether `role` is one of Readability's `unlikelyRoles`, compared as it
/// compares them (exactly).
pub fn readability_unlikely_role(role: &str) -> bool {
    READABILITY_UNLIKELY.contains(&role)
}

/// Whether `role` marks a landmark that is never article text:
/// Readability's unlikely roles and [`MORE_CHROME`], in any letter case.
/// Segmentation drops or labels such boxes.
pub fn chrome_role(role: &str) -> bool {
    READABILITY_UNLIKELY
        .iter()
        .chain(MORE_CHROME)
        .any(|r| r.eq_ignore_ascii_case(role))
}
