//! The article's clean tree: only allowlisted tags and attributes, absolute
//! URLs, lazy images resolved, layout boxes dissolved into a flat run of
//! blocks.
//!
//! Three passes, each iterative: [`copy`] walks the selected subtrees and
//! writes what survives, [`tidy`] drops empty elements and settles layout
//! wrappers into paragraphs, [`html`] serialises.

mod attrs;
mod copy;
mod html;
mod images;
mod probe;
mod rules;
mod tidy;
pub(crate) mod urls;
pub(crate) mod walk;

use crate::dom::Document;
use crate::segment::Selection;
use url::Url;

/// Copies the selected subtrees into a new, clean document; the children
/// of its document root are the article's blocks. Excluded subtrees,
/// hidden content, scripts, embeds and form controls are left out;
/// relative URLs are resolved against `base` (kept as written without one,
/// though never a `javascript:` one).
pub fn build(doc: &Document, sel: &Selection, base: Option<&Url>) -> Document {
    let mut copier = copy::Copier::new(doc, sel, base);
    for &root in &sel.roots {
        copier.copy_root(root);
    }
    let copy::Copier {
        mut out,
        wrappers,
        is_wrapper,
        ..
    } = copier;
    tidy::tidy(&mut out, &wrappers, &is_wrapper);
    out
}

/// Serialises a clean document as HTML: escaped, allowlisted, one block per
/// line at the top level.
pub fn to_html(clean: &Document) -> String {
    html::serialize(clean)
}

#[cfg(test)]
mod tests;
