//! Removal of repeated blocks: a block whose text repeats an earlier one word for word; in a
//! thread or on a shop's product page, any block of text that repeats an earlier one (a
//! reply's quote of a post above, a feature block printed once per screen size).

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::rule::Rule;
use crate::tunables::{
    REPEATED_BLOCK_MIN_CHARS, REPEATED_BLOCK_TAGS, SCREEN_COPY, SCREEN_COPY_MIN_CHARS,
    THREAD_TEXT_BLOCKS,
};
use kuchikiki::iter::NodeEdge;
use kuchikiki::NodeRef;

/// Ours: a block whose text repeats an earlier block of the article word for word is a copy
/// (the mobile and desktop versions of a section, both in the page and one hidden by a style
/// sheet; a carousel's cloned slides): the reader shows it once.
pub(super) fn remove_repeated_blocks(content: &NodeRef, explain: &mut Explain) {
    // Every block's text from one fold of the article's (nested blocks each folded their own,
    // a page's text once per level). A removal leaves the texts of the blocks after it as
    // they were: those are not around it (they come after it in document order), and those
    // inside it are gone.
    let folded = dom::FoldedBlocks::new(content, &|d| dom::is(d, REPEATED_BLOCK_TAGS));
    let blocks = &folded.blocks;
    // Each text's first block, by its index in `blocks` (a map type the wasm carries anyway).
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, block) in blocks.iter().enumerate() {
        let text = folded.text(i);
        // Its length up to the longest asked (a character is at most four bytes).
        let len = if text.len() > 4 * REPEATED_BLOCK_MIN_CHARS {
            REPEATED_BLOCK_MIN_CHARS
        } else {
            text.chars().count()
        };
        if len < SCREEN_COPY_MIN_CHARS || !dom::any_ancestor(block, &mut |a| a == content) {
            continue;
        }
        // A copy for another screen says so in its class, and may be short.
        let screen = SCREEN_COPY.is_match(&dom::class_and_id(block));
        if len < REPEATED_BLOCK_MIN_CHARS && !screen {
            continue;
        }
        // A quote repeats what it quotes (forum replies); paragraphs side by side that say
        // the same are the author's own (placeholder text, a refrain).
        if dom::is(block, &["blockquote"]) || dom::has_ancestor(block, &["blockquote"], None) {
            continue;
        }
        match seen.get(text).map(|&f| &blocks[f]) {
            // A wrapper and its only block say the same: not a copy.
            Some(first) if dom::any_ancestor(block, &mut |a| a == first) => {}
            Some(first) if first.parent() == block.parent() && !screen => {}
            Some(_) if !guards_protected(block) => {
                explain.remove(block, Rule::RepeatedBlock, &|| text.to_string());
            }
            Some(_) => {}
            None => {
                seen.insert(text.to_string(), i);
            }
        }
    }
}

/// Ours, in a thread: a block of text (the innermost blocks of [`THREAD_TEXT_BLOCKS`]) of
/// [`THREAD_REPEAT_MIN_CHARS`] or more that says word for word what an earlier one said is a
/// reply quoting a post the thread already shows (or quoting the same lines again), or the
/// thread's title repeated on every post ("Re: …"): the thread reads once what was said.
/// Also on a shop's product page, where the repeated block is a copy of the page's own text
/// for another screen size or tab, or a short line the shop prints again (a sticky bar's
/// name and price): there from `min_chars` ([`crate::tunables::SHOP_REPEAT_MIN_CHARS`]), in a
/// thread from [`crate::tunables::THREAD_REPEAT_MIN_CHARS`]. Code is never a repetition to
/// drop.
pub(super) fn remove_repeated_thread_text(
    content: &NodeRef,
    min_chars: usize,
    explain: &mut Explain,
) {
    // The innermost text blocks outside code, in one walk: a block is innermost when no
    // block opens inside it before it closes. Each open block carries whether it is out of
    // the comparison (it holds a block or code, or sits in code).
    let mut open: Vec<(NodeRef, bool)> = Vec::new();
    let mut code = 0usize;
    let mut leaves: Vec<NodeRef> = Vec::new();
    for edge in content.traverse() {
        match edge {
            NodeEdge::Start(n) if dom::is(&n, &["pre", "code"]) => {
                code += 1;
                if let Some(block) = open.last_mut() {
                    // A block holding code is never dropped.
                    block.1 = true;
                }
            }
            NodeEdge::End(n) if dom::is(&n, &["pre", "code"]) => code = code.saturating_sub(1),
            NodeEdge::Start(n) if n != *content && dom::is(&n, THREAD_TEXT_BLOCKS) => {
                if let Some(parent) = open.last_mut() {
                    parent.1 = true;
                }
                open.push((n, code > 0));
            }
            NodeEdge::End(n) if open.last().is_some_and(|(o, _)| *o == n) => {
                if let Some((node, false)) = open.pop() {
                    leaves.push(node);
                }
            }
            _ => {}
        }
    }
    let mut seen = crate::text::StringSet::default();
    for leaf in leaves {
        if dom::text_len_capped(&leaf, min_chars) < min_chars {
            continue;
        }
        let mut text = dom::normalized_text(&leaf);
        // A quote's header ("sailor2 wrote:", phpBB's `<cite>`) is not what it quotes.
        if let Some(cite) = leaf
            .walk_descendants()
            .find_node(&mut |d| dom::is(d, &["cite"]))
        {
            let header = dom::normalized_text(&cite);
            if let Some(rest) = text.strip_prefix(header.as_str()) {
                text = rest.trim_start().to_string();
            }
        }
        if seen.contains(&text) {
            if !guards_protected(&leaf) {
                explain.remove(&leaf, Rule::RepeatedBlock, &|| text.clone());
            }
        } else {
            seen.insert(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{clean, PROSE};
    use crate::Rule;

    #[test]
    fn a_block_that_repeats_an_earlier_one_goes() {
        let block = format!("<div><section>{PROSE}{PROSE}{PROSE}</section></div>");
        let (html, rules) = clean(&format!("{block}{block}"));
        assert_eq!(html.matches("<section>").count(), 1, "{html}");
        assert_eq!(rules, [Rule::RepeatedBlock]);
    }

    #[test]
    fn the_same_block_twice_side_by_side_is_the_authors_own() {
        let block = format!("<section>{PROSE}{PROSE}{PROSE}</section>");
        let (html, rules) = clean(&format!("{block}{block}"));
        assert_eq!(html.matches("<section>").count(), 2, "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }
}
