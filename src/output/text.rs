//! Stage 8b: the article as plain text. Blocks are separated by blank lines (so words of
//! adjacent blocks never glue together, unlike the DOM's `textContent`), whitespace inside
//! blocks is folded except in `<pre>`, and figure captions, image alt text, URLs,
//! footnote markers and the reader's own video links (`Video: www.youtube.com`, a control
//! standing for an embedded player) are left out: this is the text a person reads. Also word counts and
//! reading time that count CJK text sensibly.

use crate::dom;
use crate::dom::Walk;
use crate::text::is_cjk;
use crate::tunables::{CJK_CHARS_PER_MINUTE, MIN_EXCERPT_CHARS, WORDS_PER_MINUTE};
use kuchikiki::iter::{NodeEdge, NodeIterator};
use kuchikiki::NodeRef;

/// Elements whose text is not article text.
/// `rt`/`rp` are ruby annotations (readings printed above CJK text), not the text itself.
const SKIPPED: &[&str] = &[
    "figcaption",
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "svg",
    "button",
    "rt",
    "rp",
];

/// The reader's link to an embedded video (made by sanitising; a page cannot set the class):
/// the player it stands for is no text, and its label (`Video: ` and the host or the player's
/// title) would read as a line of the article.
pub(crate) fn is_video_link(node: &NodeRef) -> bool {
    dom::is(node, &["a"]) && dom::attr(node, "class").is_some_and(|c| c == "lectern-video")
}

/// Invisible characters that only hint at line breaking: soft hyphens would split words
/// (`Mit\u{ad}tel\u{ad}al\u{ad}ter`).
const INVISIBLE: &[char] = &['\u{ad}'];

/// A footnote marker: `<sup>` holding only an in-page link (`<sup><a href="#fn1">1</a></sup>`),
/// or a note's link back to it (`↩`).
fn is_footnote_marker(node: &NodeRef) -> bool {
    if dom::is(node, &["a"]) {
        return dom::attr(node, "role").is_some_and(|r| r == "doc-backlink");
    }
    dom::is(node, &["sup"])
        && dom::text_len(node) <= 4
        && node.walk_descendants().any_node(&mut |d| {
            dom::is(d, &["a"]) && dom::attr(d, "href").is_some_and(|h| h.starts_with('#'))
        })
}

struct Blocks {
    blocks: Vec<String>,
    current: String,
    current_pre: bool,
}

impl Blocks {
    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        let text = if self.current_pre {
            block
                .trim_matches('\n')
                .lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if !text.trim().is_empty() {
            self.blocks.push(text);
        }
        self.current_pre = false;
    }

    fn push_folded(&mut self, s: &str) {
        self.current.reserve(s.len());
        let mut i = 0;
        while i < s.len() {
            // Plain text a sentence at a time: its single spaces stay as they are.
            let end = dom::plain_run_end(s.as_bytes(), i, |_| false);
            if end > i {
                self.current.push_str(&s[i..end]);
                i = end;
                continue;
            }
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if INVISIBLE.contains(&c) {
                continue;
            }
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }
}

/// The text of `root`'s subtree, blocks separated by blank lines.
#[inline(never)] // one copy for the article and the removed blocks
pub(crate) fn to_text(root: &NodeRef) -> String {
    let mut b = Blocks {
        blocks: Vec::new(),
        current: String::new(),
        current_pre: false,
    };
    let mut skip = 0usize;
    let mut pre = 0usize;
    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(n) => {
                let Some(el) = n.as_element() else {
                    if skip == 0 {
                        if let Some(t) = n.as_text() {
                            if pre > 0 {
                                b.current
                                    .extend(t.borrow().chars().filter(|c| !INVISIBLE.contains(c)));
                            } else {
                                b.push_folded(&t.borrow());
                            }
                        }
                    }
                    continue;
                };
                let tag: &str = &el.name.local;
                if skip > 0 || SKIPPED.contains(&tag) || is_footnote_marker(&n) || is_video_link(&n)
                {
                    skip += 1;
                    continue;
                }
                if dom::is_text_block(&el.name.local) {
                    b.flush();
                }
                match tag {
                    "pre" => {
                        pre += 1;
                        b.current_pre = true;
                    }
                    "br" => b.current.push('\n'),
                    "td" | "th" if !b.current.is_empty() => {
                        b.current.push_str(if pre > 0 { "\t" } else { " " })
                    }
                    _ => {}
                }
            }
            NodeEdge::End(n) => {
                let Some(el) = n.as_element() else { continue };
                let tag: &str = &el.name.local;
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if tag == "pre" {
                    b.current_pre = true;
                    b.flush();
                    pre = pre.saturating_sub(1);
                    b.current_pre = pre > 0;
                } else if dom::is_text_block(&el.name.local) {
                    b.flush();
                    b.current_pre = pre > 0;
                }
            }
        }
    }
    b.flush();
    b.blocks.join("\n\n")
}

/// (words of spaced scripts, CJK characters).
/// The words of an article's text, counted once for its word count and its reading time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordCount {
    /// Runs of letters and digits outside CJK scripts.
    latin: usize,
    /// CJK characters, each read as a word.
    cjk: usize,
}

impl WordCount {
    pub(crate) fn count(text: &str) -> WordCount {
        let (mut latin, mut cjk) = (0, 0);
        let mut in_word = false;
        for c in text.chars() {
            // Most text is ASCII: its letters, digits and spaces are told without the
            // Unicode tables.
            let (word, space) = if c.is_ascii() {
                (
                    c.is_ascii_alphanumeric(),
                    c.is_ascii_whitespace() || c == '\x0b',
                )
            } else if is_cjk(c) {
                cjk += 1;
                in_word = false;
                continue;
            } else {
                (c.is_alphanumeric(), c.is_whitespace())
            };
            if word {
                if !in_word {
                    latin += 1;
                    in_word = true;
                }
            } else if space {
                in_word = false;
            }
        }
        WordCount { latin, cjk }
    }

    /// Words; each CJK character counts as a word.
    pub(crate) fn total(self) -> usize {
        self.latin + self.cjk
    }

    /// Minutes to read: 230 words or 500 CJK characters a minute, rounded up, at least 1.
    pub(crate) fn reading_minutes(self) -> usize {
        let minutes = self.latin as f64 / WORDS_PER_MINUTE + self.cjk as f64 / CJK_CHARS_PER_MINUTE;
        (minutes.ceil() as usize).max(1)
    }
}

/// The first paragraph's text, for an excerpt when the page gives no description.
pub(crate) fn first_paragraph(root: &NodeRef) -> Option<String> {
    let paragraphs: Vec<String> = root
        .walk_descendants()
        .filter(|d| dom::is(d, &["p"]))
        .map(|p| paragraph_text(&p))
        .filter(|t| !t.is_empty())
        .take(8)
        .collect();
    // The first real paragraph, whole (a person reads it as the summary); a one-line kicker
    // or dateline before it is skipped.
    paragraphs
        .iter()
        .find(|t| t.chars().count() >= MIN_EXCERPT_CHARS)
        .or(paragraphs.first())
        .cloned()
}

/// The text of `p` without its footnote markers (`exceptions.[1] The` would read
/// `exceptions.1 The`).
fn paragraph_text(p: &NodeRef) -> String {
    if !p
        .walk_descendants()
        .any_node(&mut |d| is_footnote_marker(d))
    {
        return dom::normalized_text(p);
    }
    let mut text = String::new();
    for t in p.walk_descendants().text_nodes() {
        let in_marker = t
            .as_node()
            .ancestors()
            .take_while(|a| a != p)
            .any(|a| is_footnote_marker(&a));
        if !in_marker {
            text.push_str(&t.borrow());
        }
    }
    dom::fold_whitespace(&text)
}

/// `rtl` when most letters of `text` are of right-to-left scripts (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko).
pub(crate) fn script_direction(text: &str) -> Option<String> {
    let mut rtl = 0usize;
    let mut letters = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()).take(2000) {
        letters += 1;
        if matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) {
            rtl += 1;
        }
    }
    (letters > 0 && rtl * 2 > letters).then(|| "rtl".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        let a = crate::extract(
            html,
            &crate::Options {
                whole_document: true,
                ..Default::default()
            },
        );
        a.map(|a| a.text_content).unwrap_or_default()
    }

    #[test]
    fn ruby_readings_are_not_text() {
        assert_eq!(
            text_of("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>"),
            "子ども"
        );
    }

    #[test]
    fn soft_hyphens_do_not_split_words() {
        assert_eq!(
            text_of("<p>Mit\u{ad}tel\u{ad}al\u{ad}ter</p>"),
            "Mittelalter"
        );
    }

    #[test]
    fn cjk_characters_count_as_words() {
        assert_eq!(WordCount::count("日本語 text here").total(), 5);
    }

    #[test]
    fn reading_time_is_at_least_one_minute() {
        assert_eq!(WordCount::count("one").reading_minutes(), 1);
        assert_eq!(WordCount::count(&"word ".repeat(461)).reading_minutes(), 3);
    }

    #[test]
    fn arabic_text_reads_right_to_left() {
        assert_eq!(
            script_direction("مرحبا بالعالم hello").as_deref(),
            Some("rtl")
        );
        assert_eq!(script_direction("hello world"), None);
    }
}
