//! Ours: where the story begins. The lines a story's chosen article holds before its first
//! paragraph of running text, when the article starts above the headline the scoring took as
//! the title's copy: a kicker ("Thema Verbraucherschutz", "Community"), an issue's number, a
//! time over the title, and under it a byline's label ("PUBLISHED", "Posted By"), a date.

use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{BEFORE_HEADLINE_ATTR, THREAD_ITEM_ATTR};
use crate::rule::Rule;
use crate::select::closes_sentence;
use crate::tunables::{KICKER_MAX_CHARS, KICKER_MAX_LINES, LEAD_PARAGRAPH_CHARS};
use kuchikiki::NodeRef;

/// Lines that are never kickers, however short: a section's heading, a list's item, a table's
/// cell, a picture's caption, a definition's term or text.
const NOT_KICKERS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "figcaption",
    "dd",
    "dt",
];

/// Whether `node` (inside `content`) lies above the headline: it or an ancestor below
/// `content` is marked.
fn above_headline(node: &NodeRef, content: &NodeRef) -> bool {
    node.ancestors()
        .take_while(|a| a != content)
        .any(|a| dom::has_attr(&a, BEFORE_HEADLINE_ATTR))
}

/// Ours: on a story (not a thread) whose article `content` opens above the headline the
/// scoring removed ([`BEFORE_HEADLINE_ATTR`]), the lines before its first paragraph of
/// running text ([`LEAD_PARAGRAPH_CHARS`], closing a sentence) go when they are short
/// ([`KICKER_MAX_CHARS`]) and close no sentence; headings, list items, cells and captions
/// stay. Nothing goes when the article's first [`KICKER_MAX_LINES`] lines, or its first
/// paragraph, all lie above the headline: that headline is no story's start (a title copy
/// deep in the text). One walk of the article's first lines.
#[inline(never)]
pub(crate) fn remove_kickers(content: &NodeRef, explain: &mut Explain) {
    let mut lines: Vec<NodeRef> = Vec::new();
    let mut headline = false;
    let mut next = content.first_child();
    while let Some(n) = next {
        next = dom::next_in_order(&n, content);
        let Some(t) = n.as_text() else { continue };
        if t.borrow().trim().is_empty() {
            continue;
        }
        let above = above_headline(&n, content);
        if lines.is_empty() && !above {
            return;
        }
        headline |= !above;
        let Some(block) = n.ancestors().find(|a| !dom::is_phrasing(a)) else {
            return;
        };
        if &block == content || lines.len() == KICKER_MAX_LINES {
            break;
        }
        next = dom::next_skipping_children(&block, content);
        if dom::text_len_capped(&block, LEAD_PARAGRAPH_CHARS) >= LEAD_PARAGRAPH_CHARS
            && closes_sentence(&dom::normalized_text(&block))
        {
            break;
        }
        lines.push(block);
    }
    if !headline
        || content
            .walk_descendants()
            .any_node(&mut |d| dom::has_attr(d, THREAD_ITEM_ATTR))
    {
        return;
    }
    for line in lines {
        if dom::is(&line, NOT_KICKERS)
            || dom::text_len_capped(&line, KICKER_MAX_CHARS + 1) > KICKER_MAX_CHARS
        {
            continue;
        }
        let text = dom::normalized_text(&line);
        if !closes_sentence(&text) {
            explain.remove(&line, Rule::Kicker, &|| text.clone());
        }
    }
}
