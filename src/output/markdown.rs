//! Stage 8c: the article as Markdown (CommonMark with GFM tables), from the same sanitised
//! tree as the HTML. Iterative: one pass over the tree's start and end edges.
//!
//! The Markdown is as safe as the HTML (docs/security.md, "The Markdown output"): rendered by
//! any CommonMark renderer it holds no raw HTML and no link outside the allowed schemes. Text,
//! link text and alt text are escaped (`<` always, so no HTML block or inline HTML can start);
//! code spans and fences are longer than any backtick run inside; URLs are percent-encoded
//! where Markdown would read them (spaces, controls, `(`, `)`, `<`, `>`, `` ` ``, `\`), `&`
//! escaped so no character reference can spell a scheme, and only http(s), mailto and
//! relative URLs are written.
//!
//! Footnotes (the structure the cleaning stage gives them) are GFM's: a reference is `[^N]`
//! and the notes follow the article as `[^N]: text`, each on one line (inline Markdown: a
//! block inside a note would need indentation that a renderer without footnotes reads as
//! code or as a lazy paragraph line). A renderer without footnotes reads `[^N]: text` as a
//! link reference definition: see [`note_definition`] for why that stays safe.

use crate::dom;
use crate::dom::Walk;
use kuchikiki::iter::NodeEdge;
use kuchikiki::NodeRef;

/// A new writer starts with nothing written and nothing owed (`Default`).
#[derive(Default)]
struct Writer {
    out: String,
    /// Line prefixes in force: "> " for quotes, spaces for list continuation.
    prefix: Vec<String>,
    /// A list marker waiting for the item's first text.
    marker: Option<String>,
    /// Blank line owed before the next text.
    blank: bool,
    /// Line break owed before the next text.
    newline: bool,
    lists: Vec<(bool, usize)>,
    links: Vec<Option<String>>,
    cells: usize,
    row_cells: usize,
    rows: usize,
    header_done: bool,
    skip: usize,
    /// A footnote reference `[^N]` was just written: a `(` or `:` right after it would make it
    /// a link (`[^1](url)`) or, at a line's start, a definition (`[^1]: url`).
    after_ref: bool,
}

impl Writer {
    fn block(&mut self) {
        if self.cells > 0 {
            self.raw(" ");
            return;
        }
        if !self.out.is_empty() {
            self.blank = true;
        }
    }

    fn line(&mut self) {
        if self.cells > 0 {
            self.raw(" ");
            return;
        }
        if !self.out.is_empty() {
            self.newline = true;
        }
    }

    /// Writes `s` at the current position, opening lines with the prefix first (the very first
    /// line too: a quote's "> " missing there left a code fence outside the quote, so the fence
    /// closing inside it opened a code block of its own and the code's text fell out as raw HTML).
    fn raw(&mut self, s: &str) {
        if self.blank || self.newline || self.out.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
                if self.blank {
                    let p: String = self.prefix.concat();
                    self.out.push_str(p.trim_end());
                    self.out.push('\n');
                }
            }
            self.out.push_str(&self.prefix.concat());
            self.blank = false;
            self.newline = false;
            if let Some(m) = self.marker.take() {
                // The marker replaces the item's own indentation on its first line.
                let indent = self.prefix.last().map_or(0, |p| p.len());
                for _ in 0..indent.min(self.out.len()) {
                    if self.out.ends_with(' ') {
                        self.out.pop();
                    }
                }
                self.out.push_str(&m);
            }
        } else if let Some(m) = self.marker.take() {
            self.out.push_str(&m);
        }
        if self.after_ref && !s.is_empty() {
            if s.starts_with(['(', ':']) {
                self.out.push('\\');
            }
            self.after_ref = false;
        }
        self.out.push_str(s);
    }

    /// Writes `t` line by line as it is: the inside of a fenced code block.
    fn verbatim(&mut self, t: &str) {
        {
            let mut first = true;
            for line in t.split('\n') {
                if !first {
                    self.newline = true;
                }
                first = false;
                if !line.is_empty() {
                    self.raw(line);
                } else if self.newline {
                    self.raw("");
                }
            }
        }
    }

    /// Writes `code` as a code span on one line, its delimiters longer than any backtick run
    /// inside.
    fn code_span(&mut self, code: &str) {
        let mut code = code.replace(['\n', '\r'], " ");
        if self.cells > 0 {
            code = code.replace('|', "\\|");
        }
        if code.is_empty() {
            return;
        }
        // Right after another code span, a space: its closing backticks and these opening ones
        // would otherwise make one longer run, closing neither, and leave the code's text (HTML
        // from the page) outside any span (a fuzzer finding).
        if self.out.ends_with('`') && !self.blank && !self.newline {
            self.raw(" ");
        }
        let ticks = "`".repeat(longest_backtick_run(&code) + 1);
        let pad = if code.starts_with('`')
            || code.ends_with('`')
            || (code.starts_with(' ') && code.ends_with(' '))
        {
            " "
        } else {
            ""
        };
        self.raw(&format!("{ticks}{pad}{code}{pad}{ticks}"));
    }

    fn text(&mut self, t: &str) {
        let mut folded = String::with_capacity(t.len() + 16);
        let at_start = self.blank
            || self.newline
            || self.out.is_empty()
            || self.out.ends_with('\n')
            || self.marker.is_some();
        let mut rest = t;
        while let Some(c) = rest.chars().next() {
            // A run of characters that are neither markup, whitespace nor `&`, copied whole.
            let plain = rest
                .bytes()
                .position(|b| !is_plain(b))
                .unwrap_or(rest.len());
            if plain > 0 {
                folded.push_str(&rest[..plain]);
                rest = &rest[plain..];
                continue;
            }
            rest = &rest[c.len_utf8()..];
            if c == '&'
                && rest
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_alphanumeric() || n == '#')
            {
                // Would be read as a character reference.
                folded.push_str("\\&");
            } else if c.is_whitespace() {
                if !folded.ends_with(' ')
                    && !(folded.is_empty() && (at_start || self.out.ends_with(' ')))
                {
                    folded.push(' ');
                }
            } else {
                escape_char(c, &mut folded);
            }
        }
        if !folded.is_empty() {
            if at_start && folded.starts_with('#') {
                folded.insert(0, '\\');
            }
            self.raw(&folded);
        }
    }
}

/// An ASCII byte that [`Writer::text`] copies as it is: visible, and neither `&` nor one
/// [`escape_char`] escapes.
fn is_plain(b: u8) -> bool {
    b > b' '
        && b < 0x7f
        && !matches!(
            b,
            b'&' | b'\\' | b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'>' | b'|'
        )
}

/// Pushes `c` to `out`, backslash-escaped where Markdown would read it as markup: emphasis,
/// code, links, images, raw HTML (`<`, so no HTML block or inline can start) and table cells.
fn escape_char(c: char, out: &mut String) {
    if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
        out.push('\\');
    }
    out.push(c);
}

/// `s` as inline Markdown text on one line: whitespace (line breaks and blank lines too)
/// folded to single spaces, markup characters and character references escaped. For alt text.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#')
        {
            out.push_str("\\&");
        } else {
            escape_char(c, &mut out);
        }
    }
    out
}

/// `url` as a Markdown link or image destination, or `None` when its scheme is not one the
/// Markdown may carry (http, https, mailto, or none: relative). What Markdown would read in a
/// destination is percent-encoded (spaces, controls, `(`, `)`, `<`, `>`, `` ` ``, `\`, `"`,
/// `'`), and `&` backslash-escaped, so no character reference can spell another scheme.
fn markdown_url(url: &str) -> Option<String> {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control());
    if url.is_empty() {
        return None;
    }
    let scheme_end = url.find([':', '/', '?', '#']);
    if let Some(i) = scheme_end.filter(|&i| url[i..].starts_with(':')) {
        let scheme = url[..i].to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
            return None;
        }
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            '&' => out.push_str("\\&"),
            c if c.is_control()
                || c.is_whitespace()
                || matches!(c, '(' | ')' | '<' | '>' | '`' | '\\' | '"' | '\'') =>
            {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    const HEX: &[u8; 16] = b"0123456789ABCDEF";
                    out.push('%');
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The text of `node`'s subtree as code: `<br>` as a line break, nothing else marked up.
fn code_text(node: &NodeRef) -> String {
    let mut s = String::new();
    for d in node.inclusive_descendants() {
        if let Some(t) = d.as_text() {
            s.push_str(&t.borrow());
        } else if dom::is(&d, &["br"]) {
            s.push('\n');
        }
    }
    s
}

/// The longest run of backticks in `s`.
fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

fn code_language(node: &NodeRef) -> String {
    let class = dom::attr(node, "class")
        .or_else(|| {
            node.walk_descendants()
                .find_node(&mut |d| dom::is(d, &["code"]))
                .and_then(|c| dom::attr(&c, "class"))
        })
        .unwrap_or_default();
    class
        .split_whitespace()
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .unwrap_or("")
        .chars()
        // An info string with a backtick would not open a fence.
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '.' | '_'))
        .collect()
}

/// The Markdown of `root`'s subtree, its footnotes' notes at the end.
pub(crate) fn to_markdown(root: &NodeRef) -> String {
    let known = note_numbers(root);
    let mut notes = Vec::new();
    let mut out = render(root, false, &known, &mut notes);
    for (n, item) in notes {
        let text = render(&item, true, &known, &mut Vec::new()).replace('\n', " ");
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&note_definition(n, text.trim()));
    }
    out
}

/// The numbers of the notes in `root`'s notes lists (`<section role="doc-endnotes">`, items
/// with the id `article-fn-N`).
fn note_numbers(root: &NodeRef) -> Vec<usize> {
    let mut numbers = Vec::new();
    for list in root.walk_descendants().filter(is_notes_list) {
        numbers.extend(list.walk_descendants().filter_map(|li| note_number(&li)));
    }
    numbers
}

fn is_notes_list(node: &NodeRef) -> bool {
    dom::is(node, &["section"]) && dom::attr(node, "role").is_some_and(|r| r == "doc-endnotes")
}

/// N of a note's list item `<li id="article-fn-N">`.
fn note_number(node: &NodeRef) -> Option<usize> {
    if !dom::is(node, &["li"]) {
        return None;
    }
    dom::attr(node, "id")?
        .strip_prefix("article-fn-")?
        .parse()
        .ok()
}

/// N of a footnote reference `<sup><a href="#article-fn-N">`, when note N is in `known`.
fn reference_number(sup: &NodeRef, known: &[usize]) -> Option<usize> {
    let mut children = dom::element_children(sup);
    let a = children.next().filter(|a| dom::is(a, &["a"]))?;
    if children.next().is_some() {
        return None;
    }
    let n = dom::attr(&a, "href")?
        .strip_prefix("#article-fn-")?
        .parse()
        .ok()?;
    known.contains(&n).then_some(n)
}

/// Note `n`'s definition line, `[^n]: text`. A renderer without footnotes reads it as a link
/// reference definition when `text` is one word, or one word and what can be a title (`"…"`,
/// `'…'`, `(…)`): the word is then the destination of every `[^n]`. Text is escaped but a
/// word like `javascript:alert(1)` has nothing to escape: such a word, with a scheme that is not
/// http(s) or mailto, gets a backslash before it (kept as written, since no letter can be
/// escaped), so the destination is relative.
fn note_definition(n: usize, text: &str) -> String {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    let rest = rest.trim_start();
    let definition = rest.is_empty() || rest.starts_with(['"', '\'', '(']);
    let mut word = String::with_capacity(first.len());
    let mut chars = first.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => word.extend(chars.next()),
            c => word.push(c),
        }
    }
    let scheme = word.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    let dangerous = scheme.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && !matches!(s.as_str(), "http" | "https" | "mailto")
    });
    let guard = if definition && dangerous { "\\" } else { "" };
    format!("[^{n}]: {guard}{text}")
}

/// The Markdown of `root`'s subtree; `inline`: on one line (a note's text). The items of the
/// notes lists met are added to `notes`, for the caller to write at the end.
fn render(
    root: &NodeRef,
    inline: bool,
    known: &[usize],
    notes: &mut Vec<(usize, NodeRef)>,
) -> String {
    let mut w = Writer::default();
    if inline {
        // What a table cell does: blocks and lines become spaces, `<pre>` a code span.
        w.cells = 1;
    }
    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(n) => {
                if w.skip > 0 {
                    if n.as_element().is_some() {
                        w.skip += 1;
                    }
                    continue;
                }
                if let Some(t) = n.as_text() {
                    w.text(&t.borrow());
                    continue;
                }
                let Some(el) = n.as_element() else { continue };
                let tag: &str = &el.name.local;
                match tag {
                    "script" | "style" | "template" | "svg" => w.skip = 1,
                    "section" if is_notes_list(&n) => {
                        notes.extend(
                            n.walk_descendants()
                                .filter_map(|li| note_number(&li).map(|k| (k, li))),
                        );
                        w.skip = 1;
                    }
                    "sup" if reference_number(&n, known).is_some() => {
                        let k = reference_number(&n, known).unwrap_or(0);
                        if !w.blank && !w.newline && w.out.ends_with('!') {
                            w.out.pop();
                            w.out.push_str("\\!");
                        }
                        w.raw(&format!("[^{k}]"));
                        w.after_ref = true;
                        w.skip = 1;
                    }
                    // Ours, in a note: a renderer with footnotes adds its own.
                    "a" if dom::attr(&n, "role").is_some_and(|r| r == "doc-backlink") => {
                        w.skip = 1;
                    }
                    // Math with its TeX: `$…$`, or `$$…$$` on its own for a block formula. The
                    // TeX is escaped like any text, so that no renderer reads markup in it
                    // (a renderer without math then shows the TeX as written).
                    "math" if dom::has_attr(&n, "alttext") => {
                        let tex = escape_inline(&dom::attr(&n, "alttext").unwrap_or_default());
                        if dom::attr(&n, "display").is_some_and(|d| d == "block") {
                            w.block();
                            w.raw(&format!("$${tex}$$"));
                            w.block();
                        } else {
                            w.raw(&format!("${tex}$"));
                        }
                        w.skip = 1;
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        w.block();
                        let level = tag[1..].parse::<usize>().unwrap_or(2);
                        w.raw(&format!("{} ", "#".repeat(level)));
                    }
                    "p" | "div" | "section" | "article" | "figure" | "figcaption" | "dl" | "dd"
                    | "dt" | "header" | "footer" | "address" | "details" | "summary" => w.block(),
                    "blockquote" => {
                        w.block();
                        w.prefix.push("> ".into());
                    }
                    "ul" | "ol" => {
                        if w.lists.is_empty() {
                            w.block();
                        } else {
                            w.line();
                        }
                        let start = dom::attr(&n, "start")
                            .and_then(|s| s.trim().parse().ok())
                            .unwrap_or(1);
                        w.lists.push((tag == "ol", start));
                    }
                    "li" => {
                        w.line();
                        let marker = match w.lists.last_mut() {
                            Some((true, k)) => {
                                let m = format!("{k}. ");
                                *k += 1;
                                m
                            }
                            _ => "- ".to_string(),
                        };
                        w.prefix.push(" ".repeat(marker.len()));
                        w.marker = Some(marker);
                    }
                    "pre" if w.cells == 0 => {
                        // Written whole, with a fence longer than any backtick run inside, so
                        // no line of the code can close it.
                        let code = code_text(&n);
                        let fence = "`".repeat(longest_backtick_run(&code).max(2) + 1);
                        w.block();
                        w.raw(&format!("{fence}{}", code_language(&n)));
                        w.newline = true;
                        w.verbatim(&code);
                        w.newline = true;
                        w.raw(&fence);
                        w.block();
                        w.skip = 1;
                    }
                    // In a table cell, where a fence cannot open, a `<pre>` is a code span.
                    "pre" | "code" => {
                        w.code_span(&code_text(&n));
                        w.skip = 1;
                    }
                    "em" | "i" => w.raw("*"),
                    "strong" | "b" => w.raw("**"),
                    "del" | "s" => w.raw("~~"),
                    "br" => {
                        if w.cells > 0 {
                            w.raw(" ");
                        } else {
                            w.raw("\\");
                            w.newline = true;
                        }
                    }
                    "hr" => {
                        w.block();
                        w.raw("---");
                        w.block();
                    }
                    "a" => {
                        let href = dom::attr(&n, "href").and_then(|h| markdown_url(&h));
                        if href.is_some() {
                            if !w.blank && !w.newline && w.out.ends_with('!') {
                                // "![" would make the link an image.
                                w.out.pop();
                                w.out.push_str("\\!");
                            }
                            w.raw("[");
                        }
                        w.links.push(href);
                    }
                    "img" => {
                        if let Some(src) = dom::attr(&n, "src").and_then(|s| markdown_url(&s)) {
                            let alt = escape_inline(&dom::attr(&n, "alt").unwrap_or_default());
                            w.raw(&format!("![{alt}]({src})"));
                        }
                    }
                    "table" => {
                        w.block();
                        w.rows = 0;
                        w.header_done = false;
                    }
                    "tr" => {
                        w.line();
                        w.row_cells = 0;
                        w.raw("|");
                    }
                    "td" | "th" => {
                        w.cells += 1;
                        w.row_cells += 1;
                        w.raw(" ");
                    }
                    _ => {}
                }
            }
            NodeEdge::End(n) => {
                let Some(el) = n.as_element() else { continue };
                if w.skip > 0 {
                    w.skip -= 1;
                    continue;
                }
                let tag: &str = &el.name.local;
                match tag {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div" | "section"
                    | "article" | "figure" | "figcaption" | "dl" | "dd" | "dt" | "header"
                    | "footer" | "address" | "details" | "summary" => w.block(),
                    "blockquote" => {
                        w.prefix.pop();
                        w.block();
                    }
                    "ul" | "ol" => {
                        w.lists.pop();
                        if w.lists.is_empty() {
                            w.block();
                        }
                    }
                    "li" => {
                        w.prefix.pop();
                        w.marker = None;
                    }
                    "em" | "i" => w.raw("*"),
                    "strong" | "b" => w.raw("**"),
                    "del" | "s" => w.raw("~~"),
                    "a" => {
                        if let Some(Some(href)) = w.links.pop() {
                            w.raw(&format!("]({href})"));
                        }
                    }
                    "td" | "th" => {
                        w.cells = w.cells.saturating_sub(1);
                        w.raw(" |");
                    }
                    "tr" => {
                        w.rows += 1;
                        if !w.header_done {
                            w.header_done = true;
                            w.newline = true;
                            let sep = "---|".repeat(w.row_cells.max(1));
                            w.raw(&format!("|{sep}"));
                        }
                    }
                    "table" => w.block(),
                    _ => {}
                }
            }
        }
    }
    let mut out = w.out.trim().to_string();
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    fn markdown(html: &str) -> String {
        to_markdown(&crate::parse::reparse(html))
    }

    #[test]
    fn headings_emphasis_and_links_are_marked_up() {
        let md = markdown("<h2>The part</h2><p>Some <strong>bold</strong> and <a href=\"https://example.com/\">a link</a>.</p>");
        assert!(md.contains("## The part"), "{md}");
        assert!(md.contains("**bold**"), "{md}");
        assert!(md.contains("[a link](https://example.com/)"), "{md}");
    }

    #[test]
    fn blocks_are_separated_by_a_blank_line() {
        let md = markdown("<p>One.</p><p>Two.</p>");
        assert_eq!(md.trim(), "One.\n\nTwo.");
    }

    #[test]
    fn text_escapes_markup_and_folds_whitespace_as_character_by_character() {
        // What `Writer::text` wrote one character at a time before it copied plain runs whole.
        fn slowly(t: &str) -> String {
            let mut out = String::new();
            let mut chars = t.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '&'
                    && chars
                        .peek()
                        .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#')
                {
                    out.push_str("\\&");
                } else if c.is_whitespace() {
                    if !out.ends_with(' ') && !out.is_empty() {
                        out.push(' ');
                    }
                } else {
                    super::escape_char(c, &mut out);
                }
            }
            out
        }
        let pieces = [
            "ab", "c", " ", "  ", "\t\n", "&", "&amp;", "&#1", "& x", "*", "_", "`", "[", "]", "<",
            ">", "|", "\\", "é", "\u{A0}", "\u{3000}", "中文", "!?", "\x01", "\x7f", "#",
        ];
        let mut texts = crate::testing::Texts::new(0x5851_F42D_4C95_7F2D);
        for _ in 0..3000 {
            let t = texts.text(&pieces, 12);
            let mut w = super::Writer::default();
            w.text(&t);
            let mut expected = slowly(&t);
            if expected.starts_with('#') {
                expected.insert(0, '\\');
            }
            assert_eq!(w.out, expected, "{t:?}");
        }
    }

    #[test]
    fn code_blocks_are_fenced() {
        let md = markdown("<pre><code>let x = 1;</code></pre>");
        assert!(md.contains("```\nlet x = 1;\n```"), "{md}");
    }
}
