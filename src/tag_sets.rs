//! Sets of HTML element names, each written once and named for what it
//! means, the larger ones composed from the smaller (as html5ever's
//! `tag_sets.rs` does). Every stage asks here: the fronts' small markup
//! reader, the visibility rules, the metadata's Readability replay,
//! segmentation and the article. Names are local names, lower case, as
//! [`crate::dom::Document::tag`] gives them.
//!
//! Each set is a function (a `match`, not a list search: some are asked
//! for every element entered and left). A set the cleaner needs as a list
//! of `'static` names (it writes the name it matched) is also a constant.

/// Defines a set as a function `fn(&str) -> bool`: either listed tag by
/// tag, or as the union of other sets plus some tags and minus others.
macro_rules! tag_set {
    ($(#[$doc:meta])* $vis:vis fn $name:ident = $($tag:literal)|+ ;) => {
        $(#[$doc])*
        #[inline]
        $vis fn $name(tag: &str) -> bool {
            matches!(tag, $($tag)|+)
        }
    };
    ($(#[$doc:meta])* $vis:vis fn $name:ident, const $list:ident = $($tag:literal)|+ ;) => {
        $(#[$doc])*
        $vis const $list: &[&str] = &[$($tag),+];
        $(#[$doc])*
        #[inline]
        $vis fn $name(tag: &str) -> bool {
            matches!(tag, $($tag)|+)
        }
    };
    ($(#[$doc:meta])* $vis:vis fn $name:ident = [$($set:ident)|+] $(+ $($plus:literal)|+)? $(- $($minus:literal)|+)? ;) => {
        $(#[$doc])*
        #[inline]
        $vis fn $name(tag: &str) -> bool {
            ($($set(tag))||+ $(|| matches!(tag, $($plus)|+))?) $(&& !matches!(tag, $($minus)|+))?
        }
    };
}

// ---- Parsing: what the HTML tokenizer and tree builder know. ----

tag_set! {
    /// Void elements: no content and no end tag. The markup reader
    /// (`markup::parse_fragment`) closes them at once; the article's HTML
    /// serialiser writes no end tag for them.
    pub(crate) fn void = "area" | "base" | "basefont" | "bgsound" | "br" | "col" | "embed"
        | "frame" | "hr" | "img" | "input" | "keygen" | "link" | "meta" | "param" | "source"
        | "track" | "wbr";
}

tag_set! {
    /// Elements whose content is text up to their end tag (the HTML
    /// tokenizer's RAWTEXT, RCDATA and script data states; `noscript` as
    /// with scripting on, as html5ever and a browser read a page). Used by
    /// the markup reader's tokenizer.
    pub(crate) fn raw_text = "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes"
        | "noscript" | "textarea" | "title";
}

tag_set! {
    /// Elements that go to the head when they come before any content (the
    /// tree builder's "in head" start tags). Used by the markup reader.
    pub(crate) fn head_content = "base" | "basefont" | "bgsound" | "link" | "meta" | "noframes"
        | "noscript" | "script" | "style" | "template" | "title";
}

tag_set! {
    /// The HTML headings.
    pub(crate) fn heading = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
}

tag_set! {
    /// Start tags that close an open `<p>` (the tree builder's "close a p
    /// element" cases). Used by the markup reader.
    pub(crate) fn closes_p = [heading] + "address" | "article" | "aside" | "blockquote"
        | "center" | "details" | "dialog" | "dir" | "div" | "dl" | "fieldset" | "figcaption"
        | "figure" | "footer" | "form" | "header" | "hgroup" | "hr" | "listing" | "main" | "menu"
        | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "ul" | "xmp";
}

tag_set! {
    /// Elements that bound the tree builder's default scope: an element
    /// open below one of them is out of reach of an end tag above it.
    pub(crate) fn default_scope = "applet" | "caption" | "html" | "table" | "td" | "th"
        | "marquee" | "object" | "template";
}

tag_set! {
    /// Button scope, which an end tag `</p>` searches: the default scope
    /// and `<button>`. Used by the markup reader.
    pub(crate) fn button_scope = [default_scope] + "button";
}

// ---- Text: elements whose text never reaches a reader. ----

tag_set! {
    /// Elements whose text never reaches a reader and that Readability
    /// deletes before it reads any text: the metadata's text helpers
    /// (`metadata::text`) leave their contents out.
    pub(crate) fn non_text = "script" | "style" | "noscript" | "template";
}

tag_set! {
    /// What the browser never renders as text: [`non_text`] and the head.
    /// Used where text is counted as the page shows it (segmentation's
    /// share of visible text, the parser's noscript reading).
    pub(crate) fn unrendered = [non_text] + "head";
}

tag_set! {
    /// Elements whose text the article's plain text and Markdown leave out
    /// (met only when the tree handed over is not a clean one):
    /// [`unrendered`] and the title.
    pub(crate) fn silent = [unrendered] + "title";
}

tag_set! {
    /// Elements whose contents are never visible text: [`silent`] ones,
    /// metadata, embedded documents and media, form controls whose text is
    /// not prose, and dialogs. The one test `visibility` applies to every
    /// element.
    pub(crate) fn invisible = [silent] + "meta" | "link" | "iframe" | "object" | "embed"
        | "canvas" | "select" | "option" | "datalist" | "textarea" | "input" | "audio" | "video"
        | "source" | "track" | "map" | "param" | "frame" | "frameset" | "dialog";
}

// ---- Blocks: what starts a new line of text. ----

tag_set! {
    /// The parts of a table below the `<table>` element: caption, row
    /// groups, rows and cells.
    pub(crate) fn table_part = "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th";
}

tag_set! {
    /// Rows and row groups: the article's plain text ends each with a
    /// newline rather than a blank line.
    pub(crate) fn table_row = "tr" | "thead" | "tbody" | "tfoot";
}

tag_set! {
    /// Table cells: the article's plain text sets them apart by a tab.
    pub(crate) fn table_cell = "td" | "th";
}

tag_set! {
    /// Lists and their items, old names (`menu`, `dir`) included.
    pub(crate) fn list_part = "ul" | "ol" | "li" | "dl" | "dt" | "dd" | "menu" | "dir";
}

tag_set! {
    /// Elements that start a block, a new line of text, in the page as
    /// served: everything else flows inline. Segmentation cuts the page's
    /// text into leaves at them (`segment::leaves`); the article's
    /// Markdown renders them as blocks (the clean HTML it reads holds no
    /// others).
    pub(crate) fn flow_block = [heading | table_part | list_part] + "address" | "article"
        | "aside" | "blockquote" | "body" | "center" | "details" | "div" | "fieldset"
        | "figcaption" | "figure" | "footer" | "form" | "header" | "hgroup" | "hr" | "html"
        | "legend" | "main" | "nav" | "p" | "pre" | "section" | "summary" | "table";
}

tag_set! {
    /// Blocks the article's plain text sets apart by a blank line: the
    /// [`flow_block`]s but rows and cells (a newline and a tab), and
    /// `dir` and `html`, which no clean tree holds (`dir` becomes `ul`).
    pub(crate) fn text_block = [flow_block] - "tr" | "thead" | "tbody" | "tfoot" | "td" | "th"
        | "dir" | "html";
}

tag_set! {
    /// Elements that title the box they open, beside the headings: a page
    /// or section header, a table caption, a fieldset legend, a details
    /// summary. Segmentation reads a leaf in one as a heading.
    pub(crate) fn heading_like = [heading] + "header" | "caption" | "legend" | "summary";
}

// ---- Segmentation: page chrome and repeated items. ----

tag_set! {
    /// The page's frame: its header, footer and navigation, text around
    /// every page of a site (`segment::page_type` weighs a listing's cards
    /// against the text outside them).
    pub(crate) fn site_frame = "header" | "footer" | "nav";
}

tag_set! {
    /// Elements that are page chrome by their tag: the page's header and
    /// footer, navigation, a sidebar, a form. Their repeated children are
    /// chrome too (`segment::items`).
    pub(crate) fn chrome_landmark = [site_frame] + "aside" | "form";
}

tag_set! {
    /// Page chrome by its tag for the body search (`segment::body`): the
    /// [`chrome_landmark`]s and dialogs.
    pub(crate) fn chrome_element = [chrome_landmark] + "dialog";
}

tag_set! {
    /// Tags a repeated item (a listing's card, a thread's post) can have:
    /// block containers, not paragraphs or inline runs (the paragraphs of
    /// a story are same-shaped siblings too). Used by `segment::items`.
    pub(crate) fn item_container = "li" | "article" | "div" | "section" | "tr" | "dd";
}

tag_set! {
    /// The containers Readability cleans conditionally (`_cleanConditionally`
    /// on forms, fieldsets, tables, lists and divs, and sections):
    /// segmentation weighs their links, forms and images
    /// (`segment::classify::boxes`).
    pub(crate) fn readability_conditional = "form" | "fieldset" | "table" | "ul" | "ol" | "div"
        | "section";
}

tag_set! {
    /// A paragraph and the phrasing elements running text is set in: a
    /// class name on one of them names the text, not a widget around it
    /// (`segment::classify::boxes`).
    pub(crate) fn running_text = "p" | "span" | "em" | "strong" | "i" | "b" | "q" | "mark";
}

tag_set! {
    /// Bold text: a line all in bold reads as a heading (`segment::leaves`);
    /// Markdown writes it as `**`.
    pub(crate) fn bold = "b" | "strong";
}

// ---- The clean article: what the cleaner keeps and the serialiser writes. ----

tag_set! {
    /// Phrasing elements the cleaner keeps as they are
    /// (`article::clean::rules`).
    pub(crate) fn clean_phrasing, const CLEAN_PHRASING = "strong" | "b" | "em" | "i" | "u" | "s"
        | "del" | "ins" | "mark" | "small" | "sub" | "sup" | "code" | "kbd" | "samp" | "var"
        | "q" | "cite" | "abbr" | "time";
}

tag_set! {
    /// Block elements the cleaner keeps as they are
    /// (`article::clean::rules`).
    pub(crate) fn clean_kept_block, const CLEAN_KEPT_BLOCK = "p" | "h1" | "h2" | "h3" | "h4"
        | "h5" | "h6" | "pre" | "blockquote" | "ul" | "ol" | "li" | "dl" | "dt" | "dd"
        | "figure" | "figcaption" | "table" | "caption" | "thead" | "tbody" | "tfoot" | "tr"
        | "th" | "td" | "details" | "summary";
}

tag_set! {
    /// Blocks of a clean tree (what the tidy pass and the HTML serialiser
    /// treat as blocks): the kept blocks, plus the rules and the `div`s
    /// the copy itself writes.
    pub(crate) fn clean_block = [clean_kept_block] + "hr" | "div";
}

tag_set! {
    /// Every tag the article's HTML serialiser writes: the clean blocks and
    /// phrasing, links, images and line breaks.
    pub(crate) fn clean_output = [clean_block | clean_phrasing] + "a" | "img" | "br";
}

tag_set! {
    /// Elements that need a particular parent (a table, a list...): as the
    /// root of a selection the cleaner turns them into wrappers
    /// (`article::clean::copy`).
    pub(crate) fn needs_parent = [table_part] + "li" | "dt" | "dd" | "figcaption" | "summary";
}

tag_set! {
    /// Clean-tree containers that only hold other elements: the copy drops
    /// white space between their children (`article::clean::copy`).
    pub(crate) fn structure_only = [table_row] + "table" | "ul" | "ol" | "dl";
}

tag_set! {
    /// Flow containers in which a lone wrapper is dropped rather than
    /// turned into a paragraph (`<li><div>text</div></li>` reads as
    /// `<li>text</li>`; `article::clean::tidy`).
    pub(crate) fn tight_container = [table_cell] + "li" | "dt" | "dd" | "caption" | "figcaption"
        | "summary";
}

tag_set! {
    /// Clean-tree elements the tidy pass keeps even without any text or
    /// image: rows and cells (a table keeps its shape), rules, line breaks
    /// and images (`article::clean::tidy`).
    pub(crate) fn keep_when_empty = [table_row | table_cell] + "br" | "hr" | "img";
}

tag_set! {
    /// Parts of a form whose text is not page content: its controls and
    /// labels, and scripts and styles (`article::clean::probe` measures
    /// what is left to tell a page-wrapping form from a sign-up box).
    pub(crate) fn form_control_or_script = "select" | "option" | "textarea" | "button" | "label"
        | "script" | "style" | "noscript";
}

tag_set! {
    /// Blocks that make a table too rich for a Markdown pipe table
    /// (`article::markdown`, with the `html` feature).
    #[cfg(feature = "html")]
    pub(crate) fn rich_cell = [heading] + "p" | "pre" | "hr" | "ul" | "ol" | "li" | "dl"
        | "blockquote" | "figure" | "table" | "div" | "details";
}

// ---- Readability's own sets, for the byline search that replays it. ----

tag_set! {
    /// Readability's `PHRASING_ELEMS` without `script` and `noscript`
    /// (deleted before its walk) and without `a`, `del` and `ins` (phrasing
    /// only when they hold no blocks, which the caller checks): loose in a
    /// `<div>`, they are gathered into a new paragraph
    /// (`metadata::byline`). Narrower than HTML's phrasing content (no
    /// `u`, `s`, `iframe`, `video`...), which is why it is a set of its own.
    pub(crate) fn readability_phrasing = "abbr" | "audio" | "b" | "bdo" | "br" | "button"
        | "cite" | "code" | "data" | "datalist" | "dfn" | "em" | "embed" | "i" | "img" | "input"
        | "kbd" | "label" | "mark" | "math" | "meter" | "object" | "output" | "progress" | "q"
        | "ruby" | "samp" | "select" | "small" | "span" | "strong" | "sub" | "sup" | "textarea"
        | "time" | "var" | "wbr";
}

tag_set! {
    /// Readability's `DIV_TO_P_ELEMS`: a `<div>` holding one of these is a
    /// container, not a paragraph (`metadata::byline`).
    pub(crate) fn readability_div_to_p_block = "blockquote" | "dl" | "div" | "img" | "ol" | "p"
        | "pre" | "table" | "ul";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_sets_add_and_take_away() {
        // A union with tags added: every heading, and the tags listed.
        assert!(closes_p("h4") && closes_p("xmp") && !closes_p("span"));
        assert!(button_scope("button") && button_scope("td") && !button_scope("div"));
        // A union of sets: a table part, a list part, a heading.
        assert!(flow_block("td") && flow_block("dir") && flow_block("h6"));
        assert!(!flow_block("span") && !flow_block("a"));
        // Tags taken away.
        assert!(text_block("p") && text_block("caption"));
        assert!(!text_block("td") && !text_block("tr") && !text_block("html"));
        // Nested compositions.
        assert!(invisible("script") && invisible("head") && invisible("title"));
        assert!(invisible("dialog") && !invisible("p"));
        assert!(!non_text("head") && unrendered("head") && !unrendered("title"));
        assert!(clean_output("a") && clean_output("em") && clean_output("div"));
        assert!(!clean_output("span") && !clean_output("section"));
    }
}
