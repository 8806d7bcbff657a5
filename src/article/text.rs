//! Plain text of the clean article, as a person copying it would get it:
//! blocks apart by a blank line, `<br>` as a newline, table cells apart by a
//! tab and rows by a newline, `<pre>` verbatim, other white space collapsed.

use super::clean::walk::{Step, Walk};
use crate::dom::{Document, NodeData, NodeId, DOCUMENT};
use crate::tag_sets;

/// The article's plain text.
pub fn to_text(clean: &Document) -> String {
    let mut w = TextWriter::default();
    let mut pre_depth = 0usize;
    let mut walk = Walk::new(clean, DOCUMENT);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(n) => match &clean.node(n).data {
                NodeData::Text(t) if pre_depth > 0 => w.verbatim(t),
                NodeData::Text(t) => w.words(t),
                NodeData::Element(_) => {
                    let tag = clean.tag(n).unwrap_or("");
                    if tag_sets::silent(tag) {
                        walk.skip_subtree(n);
                        continue;
                    }
                    enter(clean, n, tag, &mut w);
                    if tag == "pre" {
                        pre_depth += 1;
                    }
                }
                _ => {}
            },
            Step::Exit(n) => {
                let tag = clean.tag(n).unwrap_or("");
                if tag == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                if tag_sets::text_block(tag) {
                    w.block();
                } else if tag_sets::table_row(tag) {
                    w.row();
                }
            }
        }
    }
    w.finish()
}

/// What entering an element adds.
fn enter(doc: &Document, n: NodeId, tag: &str, w: &mut TextWriter) {
    match tag {
        "br" => w.line(),
        t if tag_sets::table_row(t) => w.row(),
        t if tag_sets::table_cell(t) && has_earlier_cell(doc, n) => w.cell(),
        t if tag_sets::text_block(t) => w.block(),
        _ => {}
    }
}

/// Whether a cell follows another cell on its row (white space between).
fn has_earlier_cell(doc: &Document, n: NodeId) -> bool {
    let mut cur = doc.node(n).prev();
    while let Some(c) = cur {
        if doc.is(c, "td") || doc.is(c, "th") {
            return true;
        }
        cur = doc.node(c).prev();
    }
    false
}

/// Accumulates text with the strongest separator asked for since the last
/// word, written only when the next word comes.
#[derive(Default)]
struct TextWriter {
    out: String,
    /// Newlines owed: 1 for a line break, 2 for a new block.
    newlines: u8,
    /// A table cell boundary is owed.
    tab: bool,
    /// A space is owed.
    space: bool,
}

impl TextWriter {
    fn block(&mut self) {
        self.newlines = 2;
    }

    fn line(&mut self) {
        self.newlines = (self.newlines + 1).min(2);
    }

    fn row(&mut self) {
        self.newlines = self.newlines.max(1);
    }

    fn cell(&mut self) {
        self.tab = true;
    }

    /// Writes the owed separator (nothing at the very start).
    fn flush(&mut self) {
        if !self.out.is_empty() {
            if self.newlines > 0 {
                for _ in 0..self.newlines {
                    self.out.push('\n');
                }
            } else if self.tab {
                self.out.push('\t');
            } else if self.space {
                self.out.push(' ');
            }
        }
        self.newlines = 0;
        self.tab = false;
        self.space = false;
    }

    /// Ordinary text: white space runs become one space.
    fn words(&mut self, t: &str) {
        if t.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for (i, word) in t.split_whitespace().enumerate() {
            if i > 0 {
                self.space = true;
            }
            self.flush();
            self.out.push_str(word);
        }
        if t.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    /// Preformatted text, as it is.
    fn verbatim(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(t);
    }

    /// The text with trailing blanks cut from each line, at most one blank
    /// line in a row, and no blank lines at either end.
    fn finish(self) -> String {
        let mut out = String::with_capacity(self.out.len());
        let mut blank_run = 0;
        for line in self.out.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                blank_run += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
            }
            blank_run = 0;
            out.push_str(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::clean;
    use crate::segment::Selection;

    fn text(html: &str) -> String {
        let doc = crate::parse::parse_html(html);
        let sel = Selection {
            roots: vec![doc.body()],
            excluded: vec![false; doc.len()],
        };
        to_text(&clean::build(&doc, &sel, None))
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        assert_eq!(
            text("<h1>Title</h1><p>One   two\nthree</p><div>Four</div><div><div>Five</div></div>"),
            "Title\n\nOne two three\n\nFour\n\nFive"
        );
    }

    #[test]
    fn adjacent_blocks_never_glue_words() {
        assert_eq!(text("<div>alpha</div><div>beta</div>"), "alpha\n\nbeta");
        assert_eq!(text("<p>a<b>b</b>c <i>d</i></p>"), "abc d");
        assert_eq!(
            text("<h2><div>left</div><div>right</div></h2>"),
            "left\nright"
        );
        assert_eq!(
            text("<a href=x><div>card</div><p>teaser</p></a>"),
            "card\nteaser"
        );
    }

    #[test]
    fn breaks_lists_and_tables() {
        assert_eq!(
            text("<p>line one<br>line two<br><br>after</p>"),
            "line one\nline two\n\nafter"
        );
        assert_eq!(
            text("<ul><li>one</li><li>two <ol><li>sub</li></ol></li></ul>"),
            "one\n\ntwo\n\nsub"
        );
        assert_eq!(
            text("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td> <td>2</td></tr></table>"),
            "a\tb\n1\t2"
        );
    }

    #[test]
    fn pre_is_verbatim() {
        assert_eq!(
            text("<p>code:</p><pre>fn main() {\n    x  =  1;\n}</pre><p>end</p>"),
            "code:\n\nfn main() {\n    x  =  1;\n}\n\nend"
        );
        assert_eq!(text("<pre>a<br>b</pre>"), "a\nb");
    }

    #[test]
    fn no_more_than_one_blank_line() {
        assert_eq!(text("<pre>a\n\n\n\nb</pre>"), "a\n\nb");
        assert_eq!(text("<p>a</p><hr><p>b</p>"), "a\n\nb");
    }

    #[test]
    fn whitespace_and_nbsp_collapse() {
        assert_eq!(
            text("<p>\n  hello\u{a0}\u{a0} world  </p><p>&nbsp;</p>"),
            "hello world"
        );
    }
}
