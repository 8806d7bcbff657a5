//! Markdown rendering of the clean article: the title as `#`, then the body
//! re-read from its clean HTML. Blocks are walked iteratively with a stack
//! of line prefixes (`> ` for quotes, list markers and their indentation);
//! the inline content of each block is rendered on its own.

use super::clean::urls;
use super::clean::walk::{Step, Walk};
use crate::dom::{Document, NodeData, NodeId};
use crate::model::Article;
use crate::tag_sets;

/// Stands for a hard line break (`<br>`) while inline text is assembled;
/// text never holds it (it is filtered out of page text).
const HARD_BREAK: char = '\u{1}';
/// Shortest code fence.
const MIN_FENCE: usize = 3;

/// The article as Markdown, headed by its title.
pub fn render(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = article.title.as_deref().map(collapse_ws) {
        let title = title.trim();
        if !title.is_empty() {
            out.push_str("# ");
            out.push_str(&escape_heading(&escape_text(title)));
            out.push_str("\n\n");
        }
    }
    let doc = crate::parse::parse_html(&article.content_html);
    out.push_str(&body(&doc, doc.body()));
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Renders the blocks under `root`.
fn body(doc: &Document, root: NodeId) -> String {
    let mut w = Writer::default();
    let mut run: Vec<NodeId> = Vec::new();
    let mut walk = Walk::new(doc, root);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(n) if n == root => {}
            Step::Enter(n) => {
                let tag = doc.tag(n).unwrap_or("");
                if tag_sets::silent(tag) {
                    walk.skip_subtree(n);
                    continue;
                }
                if !tag_sets::flow_block(tag) {
                    if matches!(doc.node(n).data, NodeData::Text(_) | NodeData::Element(_)) {
                        run.push(n);
                    }
                    walk.skip_subtree(n);
                    continue;
                }
                w.paragraph(doc, &run);
                run.clear();
                if w.leaf_block(doc, n, tag) {
                    walk.skip_subtree(n);
                } else {
                    w.open(doc, n, tag);
                }
            }
            Step::Exit(n) => {
                w.paragraph(doc, &run);
                run.clear();
                if n != root {
                    w.close(doc.tag(n).unwrap_or(""));
                }
            }
        }
    }
    w.out
}

/// What separates the next block from the last one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Sep {
    /// Nothing written yet.
    #[default]
    Start,
    /// A newline (list items of a tight list).
    Line,
    /// A blank line.
    Blank,
}

/// One level of line prefix.
#[derive(Debug)]
struct Prefix {
    /// The list marker for the item's first line, until used.
    marker: Option<String>,
    /// What the following lines start with.
    rest: String,
    /// Whether a line was written at this level (blank separator lines
    /// only carry the levels already open on the page).
    started: bool,
}

/// A list being written.
#[derive(Debug)]
struct List {
    ordered: bool,
    next: i64,
}

/// The Markdown being written and the open containers.
#[derive(Default)]
struct Writer {
    out: String,
    sep: Sep,
    prefixes: Vec<Prefix>,
    lists: Vec<List>,
}

impl Writer {
    /// Writes a block's lines with the current prefixes.
    fn emit(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match self.sep {
            Sep::Start | Sep::Line => {}
            Sep::Blank => {
                let mut line = String::new();
                for p in self.prefixes.iter().filter(|p| p.started) {
                    line.push_str(&p.rest);
                }
                self.out.push_str(line.trim_end());
                self.out.push('\n');
            }
        }
        for line in text.split('\n') {
            for p in &mut self.prefixes {
                match p.marker.take() {
                    Some(m) => self.out.push_str(&m),
                    None => self.out.push_str(&p.rest),
                }
                p.started = true;
            }
            self.out.push_str(line);
            // Prefix-only lines keep no trailing blanks.
            let end = self.out.trim_end_matches(' ').len();
            self.out.truncate(end);
            self.out.push('\n');
        }
        self.sep = Sep::Blank;
    }

    /// Writes a run of inline nodes as a paragraph.
    fn paragraph(&mut self, doc: &Document, run: &[NodeId]) {
        if run.is_empty() {
            return;
        }
        let text = inline(doc, run.iter().copied());
        let lines: Vec<String> = text.split('\n').map(escape_line_start).collect();
        self.emit(&lines.join("\n"));
    }

    /// Writes a block rendered whole; false for containers.
    fn leaf_block(&mut self, doc: &Document, n: NodeId, tag: &str) -> bool {
        match tag {
            "p" => {
                let kids: Vec<NodeId> = doc.children(n).collect();
                self.paragraph(doc, &kids);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag[1..].parse::<usize>().unwrap_or(2).max(2);
                let text = inline(doc, doc.children(n)).replace('\n', " ");
                if !text.trim().is_empty() {
                    self.emit(&format!(
                        "{} {}",
                        "#".repeat(level),
                        escape_heading(text.trim())
                    ));
                }
            }
            "pre" => {
                let block = fenced(doc, n);
                self.emit(&block);
            }
            "hr" => {
                if self.sep == Sep::Line {
                    self.sep = Sep::Blank;
                }
                self.emit("---");
            }
            "table" => match pipe_table(doc, n) {
                Some((caption, table)) => {
                    if let Some(c) = caption {
                        self.emit(&c);
                    }
                    self.emit(&table);
                }
                None => return false,
            },
            _ => return false,
        }
        true
    }

    /// Opens a container.
    fn open(&mut self, doc: &Document, n: NodeId, tag: &str) {
        match tag {
            "ul" | "ol" => {
                let start = doc
                    .attr(n, "start")
                    .and_then(|s| s.trim().parse::<i64>().ok())
                    .unwrap_or(1);
                self.lists.push(List {
                    ordered: tag == "ol",
                    next: start,
                });
                if self
                    .prefixes
                    .iter()
                    .any(|p| p.marker.is_some() || p.rest.starts_with(' '))
                {
                    // A nested list follows its item's text directly.
                    self.sep = Sep::Line;
                }
            }
            "li" => {
                let marker = match self.lists.last_mut() {
                    Some(l) if l.ordered => {
                        let m = format!("{}. ", l.next);
                        l.next = l.next.saturating_add(1);
                        m
                    }
                    _ => "- ".to_string(),
                };
                let rest = " ".repeat(marker.len());
                self.prefixes.push(Prefix {
                    marker: Some(marker),
                    rest,
                    started: false,
                });
            }
            "blockquote" => self.prefixes.push(Prefix {
                marker: None,
                rest: "> ".to_string(),
                started: false,
            }),
            _ => {}
        }
    }

    /// Closes a container.
    fn close(&mut self, tag: &str) {
        match tag {
            "ul" | "ol" => {
                self.lists.pop();
                self.sep = Sep::Blank;
            }
            "li" => {
                self.prefixes.pop();
                if self.sep != Sep::Start {
                    self.sep = Sep::Line;
                }
            }
            "blockquote" => {
                self.prefixes.pop();
                if self.sep != Sep::Start {
                    self.sep = Sep::Blank;
                }
            }
            _ => {}
        }
    }
}

/// Renders inline nodes: emphasis, links, images, code, hard breaks.
/// Returns lines joined by `\n` (each line but the last ends in a hard
/// break `\`).
fn inline(doc: &Document, nodes: impl IntoIterator<Item = NodeId>) -> String {
    inline_into(doc, nodes, String::new())
}

/// [`inline`] written into `text`, an empty buffer the caller may have
/// used before (a table's cells share one: a 1000x1000 table's million
/// cells each allocated their own; issue 15).
fn inline_into(
    doc: &Document,
    nodes: impl IntoIterator<Item = NodeId>,
    mut text: String,
) -> String {
    // The paragraph's buffer, then one per open element. The words are
    // written straight into them and a text needs no copy when it is
    // already collapsed: a 1000x1000 table's cells cost 13 allocations
    // each, 13 million of the markdown's 15 (issue 15).
    debug_assert!(text.is_empty());
    let mut open: Vec<(NodeId, String)> = Vec::new();
    for n in nodes {
        let mut walk = Walk::new(doc, n);
        while let Some(step) = walk.next() {
            let top = open.last_mut().map_or(&mut text, |b| &mut b.1);
            match step {
                Step::Enter(m) => match &doc.node(m).data {
                    NodeData::Text(t) => push_escaped(top, &collapse_ws_cow(t)),
                    NodeData::Element(_) => {
                        let tag = doc.tag(m).unwrap_or("");
                        let leaf = match tag {
                            "br" => Some(HARD_BREAK.to_string()),
                            "img" => Some(image(doc, m)),
                            "code" | "kbd" | "samp" | "pre" => {
                                Some(code_span(&doc.text_content(m)))
                            }
                            t if tag_sets::silent(t) => Some(String::new()),
                            _ => None,
                        };
                        match leaf {
                            Some(s) => {
                                top.push_str(&s);
                                walk.skip_subtree(m);
                            }
                            None => open.push((m, String::new())),
                        }
                    }
                    _ => {}
                },
                Step::Exit(m) => {
                    if open.last().is_some_and(|b| b.0 == m) {
                        if let Some((_, s)) = open.pop() {
                            let wrapped = wrap_inline(doc, m, s);
                            open.last_mut()
                                .map_or(&mut text, |b| &mut b.1)
                                .push_str(&wrapped);
                        }
                    }
                }
            }
        }
    }
    for (_, s) in open {
        text.push_str(&s);
    }
    tidy_lines(text)
}

/// The lines of inline text: split at hard breaks, runs of spaces as one,
/// no space at either end, empty lines left out, joined by a hard break
/// (`\` and a newline). Text that is already so comes back as it is.
fn tidy_lines(text: String) -> String {
    let tidy = !text.contains(HARD_BREAK)
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ");
    if tidy {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split(HARD_BREAK) {
        let mut words = line.split(' ').filter(|w| !w.is_empty());
        if let Some(first) = words.next() {
            if !out.is_empty() {
                out.push_str("\\\n");
            }
            out.push_str(first);
            for w in words {
                out.push(' ');
                out.push_str(w);
            }
        }
    }
    out
}

/// Wraps an element's rendered content in its Markdown markup.
fn wrap_inline(doc: &Document, n: NodeId, s: String) -> String {
    match doc.tag(n).unwrap_or("") {
        t if tag_sets::bold(t) => emphasis("**", s),
        "em" | "i" | "cite" | "var" => emphasis("*", s),
        "del" | "s" => emphasis("~~", s),
        "q" => format!("\"{s}\""),
        "a" => match doc.attr(n, "href").and_then(|h| md_url(h, false)) {
            Some(url) => {
                let (lead, core, trail) = split_ws(&s);
                if core.is_empty() {
                    s
                } else {
                    let core = core.replace(HARD_BREAK, " ");
                    format!("{lead}[{core}]({url}){trail}")
                }
            }
            None => s,
        },
        t if tag_sets::flow_block(t) => format!(" {s} "),
        _ => s,
    }
}

/// `mark` around the content, white space kept outside so the markup
/// takes effect.
fn emphasis(mark: &str, s: String) -> String {
    let (lead, core, trail) = split_ws(&s);
    if core.is_empty() || (core.starts_with(mark) && core.ends_with(mark)) {
        return s;
    }
    format!("{lead}{mark}{core}{mark}{trail}")
}

/// Leading white space, the rest, trailing white space.
fn split_ws(s: &str) -> (&str, &str, &str) {
    let core = s.trim_matches([' ', HARD_BREAK]);
    let start = s.len() - s.trim_start_matches([' ', HARD_BREAK]).len();
    let lead = &s[..start];
    let trail = &s[start + core.len()..];
    (lead, core, trail)
}

/// `![alt](src)`, or nothing for an address that is not safe.
fn image(doc: &Document, n: NodeId) -> String {
    let Some(src) = doc.attr(n, "src").and_then(|s| md_url(s, true)) else {
        return String::new();
    };
    let alt = collapse_ws(doc.attr(n, "alt").unwrap_or(""));
    let alt: String = alt
        .trim()
        .chars()
        .flat_map(|c| match c {
            '[' | ']' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    format!("![{alt}]({src})")
}

/// An address fit for Markdown: http(s), mailto (links) or data images
/// (images), or relative; characters that end the address are encoded.
fn md_url(raw: &str, image: bool) -> Option<String> {
    let u = raw.trim();
    if u.is_empty() {
        return None;
    }
    // The scheme is read as a renderer that strips invisible characters
    // would read it.
    let ok = match urls::visible_scheme(u).as_deref() {
        None => true,
        Some("http" | "https") => true,
        Some("mailto") => !image,
        Some("data") => {
            image
                && u.get(..11)
                    .is_some_and(|p| p.eq_ignore_ascii_case("data:image/"))
        }
        Some(_) => false,
    };
    if !ok {
        return None;
    }
    let mut out = String::with_capacity(u.len());
    for c in urls::encode_invisible(u).chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// An inline code span with a fence longer than any backtick run inside.
fn code_span(t: &str) -> String {
    let t = collapse_ws(t);
    let t = t.trim();
    if t.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(t, '`') + 1);
    let pad = if t.starts_with('`') || t.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{t}{pad}{fence}")
}

/// A fenced code block for a `<pre>`, with its language when the clean
/// HTML names one.
fn fenced(doc: &Document, pre: NodeId) -> String {
    let mut code = String::new();
    for d in doc.descendants(pre) {
        match &doc.node(d).data {
            NodeData::Text(t) => code.push_str(t),
            NodeData::Element(_) if doc.is(d, "br") => code.push('\n'),
            _ => {}
        }
    }
    let code = code.trim_end_matches(['\n', '\r', ' ', '\t']);
    let code = code.trim_start_matches(['\n', '\r']);
    if code.trim().is_empty() {
        return String::new();
    }
    let lang = std::iter::once(pre)
        .chain(doc.element_children(pre).filter(|&c| doc.is(c, "code")))
        .find_map(|n| doc.attr(n, "class"))
        .and_then(|c| {
            c.split_ascii_whitespace()
                .find_map(|t| t.strip_prefix("language-"))
                .map(str::to_string)
        })
        .unwrap_or_default();
    let fence = "`".repeat(longest_run(code, '`').max(MIN_FENCE - 1) + 1);
    format!("{fence}{lang}\n{code}\n{fence}")
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        if ch == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// A table as a GitHub pipe table (with its caption as a paragraph), when
/// it is a plain grid: same number of cells on every row, no spans, only
/// inline content in cells.
fn pipe_table(doc: &Document, table: NodeId) -> Option<(Option<String>, String)> {
    let mut rows = Vec::new();
    let mut caption = None;
    for c in doc.element_children(table) {
        match doc.tag(c) {
            Some("caption") => {
                caption = Some(inline(doc, doc.children(c)).replace('\n', " "));
            }
            Some("thead" | "tbody" | "tfoot") => {
                rows.extend(doc.element_children(c).filter(|&r| doc.is(r, "tr")));
            }
            Some("tr") => rows.push(c),
            _ => {}
        }
    }
    // The rows are written straight into the table's text, cell by cell
    // through one reused buffer: as a grid of strings, a 1000x1000 table
    // made a million of them (issue 15).
    let mut out = String::new();
    let (mut width, mut uniform) = (None, true);
    let mut buffer = String::new();
    let mut row = String::new();
    for tr in rows {
        row.clear();
        let mut cells = 0;
        for cell in doc
            .element_children(tr)
            .filter(|&c| doc.is(c, "td") || doc.is(c, "th"))
        {
            let spans = ["colspan", "rowspan"].iter().any(|a| {
                doc.attr(cell, a)
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .is_some_and(|v| v > 1)
            });
            let rich = doc
                .descendants(cell)
                .skip(1)
                .any(|d| doc.tag(d).is_some_and(tag_sets::rich_cell));
            if spans || rich {
                return None;
            }
            let mut text = inline_into(doc, doc.children(cell), std::mem::take(&mut buffer));
            // Most cells hold neither (a copy each for nothing: issue 15).
            if text.contains("\\\n") {
                text = text.replace("\\\n", " ");
            }
            if text.contains('|') {
                text = text.replace('|', "\\|");
            }
            row.push_str(if cells == 0 { "| " } else { " | " });
            row.push_str(&text);
            cells += 1;
            text.clear();
            buffer = text;
        }
        if cells == 0 {
            continue;
        }
        row.push_str(" |");
        match width {
            None => {
                width = Some(cells);
                out.push_str(&row);
                out.push_str("\n| ");
                out.push_str(&vec!["---"; cells].join(" | "));
                out.push_str(" |");
            }
            Some(w) => {
                uniform &= w == cells;
                out.push('\n');
                out.push_str(&row);
            }
        }
    }
    width?;
    if !uniform {
        return None;
    }
    Some((caption.filter(|c| !c.trim().is_empty()), out))
}

/// [`collapse_ws`], borrowing a text it would not change: single spaces
/// between words, no other white space, no hard-break stand-in.
fn collapse_ws_cow(t: &str) -> std::borrow::Cow<'_, str> {
    let collapsed = !t.contains("  ")
        && !t
            .chars()
            .any(|c| c == HARD_BREAK || (c != ' ' && c.is_whitespace()));
    if collapsed {
        std::borrow::Cow::Borrowed(t)
    } else {
        std::borrow::Cow::Owned(collapse_ws(t))
    }
}

/// White space runs as single spaces (the hard-break stand-in is removed
/// from page text).
fn collapse_ws(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c != HARD_BREAK {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    if t.starts_with(char::is_whitespace) && !out.starts_with(' ') {
        out.insert(0, ' ');
    }
    out
}

/// Escapes the characters that would start Markdown markup inside a line.
fn escape_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    push_escaped(&mut out, t);
    out
}

/// [`escape_text`] written onto `out`.
fn push_escaped(out: &mut String, t: &str) {
    let mut prev = None;
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            // Underscores inside words never make emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // Only an entity-like `&name;` would be decoded.
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
}

/// Escapes what would make a line a heading, quote, list item or rule.
fn escape_line_start(line: &str) -> String {
    let t = line;
    let first = t.chars().next();
    let needs = match first {
        Some('#' | '>') => true,
        Some('-' | '+' | '=') => {
            let rest = &t[1..];
            rest.is_empty()
                || rest.starts_with(' ')
                || t.chars().all(|c| c == first.unwrap_or('-') || c == ' ')
        }
        _ => false,
    };
    if needs {
        return format!("\\{t}");
    }
    // `1. ` or `1) ` would start an ordered list.
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 9 {
        let rest = &t[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
            && digits == t[..digits].len()
        {
            return format!("{}\\{}", &t[..digits], rest);
        }
    }
    t.to_string()
}

/// A heading's text with a trailing `#` escaped (it would be read as a
/// closing sequence).
fn escape_heading(t: &str) -> String {
    match t.strip_suffix('#') {
        Some(rest) => format!("{rest}\\#"),
        None => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(title: Option<&str>, html: &str) -> String {
        let article = Article {
            title: title.map(str::to_string),
            content_html: html.to_string(),
            ..Article::default()
        };
        render(&article)
    }

    #[test]
    fn renders_a_small_article() {
        let out = md(
            Some("A *big* day"),
            "<h2>Intro</h2><p>Some <strong>bold</strong> and <em>soft</em> text with a \
             <a href=\"https://ex.com/a\">link</a>.</p>\
             <figure><img src=\"https://ex.com/i.jpg\" alt=\"A [cat]\"><figcaption>The cat</figcaption></figure>\
             <ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul>\
             <ol start=\"3\"><li>three</li><li>four</li></ol>\
             <blockquote><p>Quoted</p><p>twice</p></blockquote>\
             <pre class=\"language-rust\">fn main() {\n    let x = 1;\n}</pre><hr><p>End</p>",
        );
        let expected = "# A \\*big\\* day\n\n\
            ## Intro\n\n\
            Some **bold** and *soft* text with a [link](https://ex.com/a).\n\n\
            ![A \\[cat\\]](https://ex.com/i.jpg)\n\n\
            The cat\n\n\
            - one\n\
            - two\n  \
              - deep\n\n\
            3. three\n\
            4. four\n\n\
            > Quoted\n\
            >\n\
            > twice\n\n\
            ```rust\nfn main() {\n    let x = 1;\n}\n```\n\n\
            ---\n\n\
            End\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn headings_start_below_the_title() {
        assert_eq!(md(None, "<h1>A</h1><h3>B</h3>"), "## A\n\n### B\n");
    }

    #[test]
    fn simple_tables_become_pipe_tables() {
        let out = md(
            None,
            "<table><caption>Scores</caption><thead><tr><th>Team</th><th>Pts</th></tr></thead>\
             <tbody><tr><td>A|B</td><td>3</td></tr></tbody></table>",
        );
        assert_eq!(
            out,
            "Scores\n\n| Team | Pts |\n| --- | --- |\n| A\\|B | 3 |\n"
        );
    }

    #[test]
    fn irregular_tables_become_text_rows() {
        let out = md(
            None,
            "<table><tr><td colspan=\"2\">wide</td></tr><tr><td>a</td><td>b</td></tr></table>",
        );
        assert_eq!(out, "wide\n\na\n\nb\n");
    }

    #[test]
    fn escapes_markdown_in_text() {
        assert_eq!(
            md(
                None,
                "<p>1. not a list, *not em*, snake_case, _x_, &lt;b&gt; &amp;amp;</p><p># no</p>"
            ),
            "1\\. not a list, \\*not em\\*, snake_case, \\_x\\_, \\<b> \\&amp;\n\n\\# no\n"
        );
    }

    #[test]
    fn breaks_code_and_unsafe_links() {
        assert_eq!(
            md(
                None,
                "<p>a<br>b <code>x`y</code> <a href=\"javascript:alert(1)\">bad</a> <b> </b></p>"
            ),
            "a\\\nb ``x`y`` bad\n"
        );
        assert_eq!(
            md(None, "<p><a href=\"\u{1}java\u{3}script:alert(1)\">x</a> <a href=\"\u{2028}javascript:1\">y</a></p>"),
            "x y\n"
        );
    }

    #[test]
    fn fence_outgrows_backticks_in_code() {
        assert_eq!(
            md(None, "<pre>```\nx\n```</pre>"),
            "````\n```\nx\n```\n````\n"
        );
    }

    #[test]
    fn empty_article_is_just_the_title() {
        assert_eq!(md(Some("T"), ""), "# T\n");
        assert_eq!(md(None, ""), "");
    }
}
