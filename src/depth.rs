//! Part of parsing: a linear guard against pathologically deep markup.
//!
//! The standard tree builder checks "has an element in scope" by scanning the stack of open
//! elements at every end tag, so markup nested 100,000 deep costs 10^10 steps. Real pages
//! nest a few dozen levels. When the tokenizer, counting the nesting as it reads ([`Nesting`]),
//! finds it deeper than [`DEEP_MARKUP_TRIGGER`], parsing starts again on the markup with the
//! tags below [`MAX_TREE_DEPTH`] dropped (their text is kept), which is what Blink's depth cap
//! does to the tree; other pages are read once and pass untouched.

use crate::raw::find_end_tag;
use crate::tunables::{DEEP_MARKUP_TRIGGER, MAX_TREE_DEPTH};
use std::borrow::Cow;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];
/// Elements whose end tags may be omitted: not counted, so unclosed `<p>`s are not depth.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body", "caption",
];
/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// How far down the stack an end tag looks for its start tag; unmatched end tags are ignored.
const END_TAG_SEARCH: usize = 8;

struct Tag<'a> {
    start: usize,
    end: usize,
    name: Cow<'a, str>,
    closing: bool,
    raw: &'a str,
}

/// The next tag at or after `from`: (start, end, lower-cased name, is end tag), skipping
/// comments, doctypes and text that only looks like a tag.
fn next_tag(html: &str, mut from: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    loop {
        let lt = from + memchr_lt(&bytes[from..])?;
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            from = lt + 4 + comment.find("-->").map_or(comment.len(), |e| e + 3);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            from = lt + 1;
            if from >= html.len() {
                return None;
            }
            continue;
        }
        let end = lt + rest.find('>').map_or(rest.len(), |e| e + 1);
        let name = &html[name_start..name_start + name_len];
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        return Some(Tag {
            start: lt,
            end,
            name,
            closing,
            raw: &html[lt..end],
        });
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Walks the tags, calling `keep(tag, depth_before)`; returns the deepest nesting seen.
fn walk(html: &str, mut visit: impl FnMut(&Tag, bool)) -> usize {
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut deepest = 0;
    let mut pos = 0;
    while let Some(tag) = next_tag(html, pos) {
        pos = tag.end;
        if tag.closing {
            let found = stack
                .iter()
                .rev()
                .take(END_TAG_SEARCH)
                .position(|(n, _)| *n == *tag.name);
            match found {
                Some(i) => {
                    let mut dropped = false;
                    for _ in 0..=i {
                        if let Some((_, d)) = stack.pop() {
                            dropped = d;
                        }
                    }
                    visit(&tag, !dropped);
                }
                None => visit(&tag, true),
            }
            continue;
        }
        let self_closing = tag.raw.ends_with("/>");
        if VOID.contains(&&*tag.name) || OPTIONAL_END.contains(&&*tag.name) || self_closing {
            visit(
                &tag,
                stack.len() < MAX_TREE_DEPTH
                    || OPTIONAL_END.contains(&&*tag.name)
                    || VOID.contains(&&*tag.name),
            );
            continue;
        }
        if RAW_TEXT.contains(&&*tag.name) {
            visit(&tag, true);
            pos = find_end_tag(html, pos, &tag.name).unwrap_or(html.len());
            continue;
        }
        let keep = stack.len() < MAX_TREE_DEPTH;
        stack.push((tag.name.to_string(), !keep));
        deepest = deepest.max(stack.len());
        visit(&tag, keep);
    }
    deepest
}

/// The nesting [`walk`] measures, fed tag by tag by the tokenizer (which reads the tags
/// anyway): parsing watches it and starts again on flattened markup only when it passes
/// [`DEEP_MARKUP_TRIGGER`], so ordinary pages are not scanned twice.
#[derive(Default)]
pub(crate) struct Nesting {
    open: Vec<html5ever::LocalName>,
    /// The deepest nesting seen so far.
    pub deepest: usize,
}

impl Nesting {
    /// A start tag, as [`walk`] counts it: void, optional-end, self-closed and raw-text
    /// elements do not nest.
    pub(crate) fn start(&mut self, name: &html5ever::LocalName, self_closing: bool) {
        let n: &str = name;
        if self_closing || VOID.contains(&n) || OPTIONAL_END.contains(&n) || RAW_TEXT.contains(&n) {
            return;
        }
        self.open.push(name.clone());
        self.deepest = self.deepest.max(self.open.len());
    }

    /// An end tag closes its element if that is among the last few open.
    pub(crate) fn end(&mut self, name: &html5ever::LocalName) {
        if let Some(i) = self
            .open
            .iter()
            .rev()
            .take(END_TAG_SEARCH)
            .position(|n| n == name)
        {
            self.open.truncate(self.open.len() - 1 - i);
        }
    }
}

/// `html` with tags nested below [`MAX_TREE_DEPTH`] dropped, when it nests deeper than
/// [`DEEP_MARKUP_TRIGGER`]; otherwise `html` itself.
pub(crate) fn flatten_deep_markup(html: &str) -> Cow<'_, str> {
    if walk(html, |_, _| {}) <= DEEP_MARKUP_TRIGGER {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    walk(html, |tag, keep| {
        if !keep {
            out.push_str(&html[copied..tag.start]);
            copied = tag.end;
        }
    });
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        let html = "<SCRIPT>x('<div>')</Script><div>a</div>";
        assert_eq!(find_end_tag(html, 8, "script"), Some(18));
        assert!(matches!(flatten_deep_markup(html), Cow::Borrowed(_)));
    }

    #[test]
    fn ordinary_markup_passes_untouched() {
        let html = "<div><p>One<p>Two<script>if (a<b) x('</div>')</script></div>";
        assert!(matches!(flatten_deep_markup(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_markup_keeps_its_text_and_loses_its_deepest_tags() {
        let html = format!("{}text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        let flat = flatten_deep_markup(&html);
        assert_eq!(flat.matches("<div>").count(), MAX_TREE_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_TREE_DEPTH);
        assert!(flat.contains("text"));
    }
}
