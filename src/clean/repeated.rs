//! Removal of repeated blocks: a block whose text repeats an earlier one word for word.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::rule::Rule;
use crate::tunables::{REPEATED_BLOCK_MIN_CHARS, REPEATED_BLOCK_TAGS};
use kuchikiki::NodeRef;

/// Ours: a block whose text repeats an earlier block of the article word for word is a copy
/// (the mobile and desktop versions of a section, both in the page and one hidden by a style
/// sheet; a carousel's cloned slides): the reader shows it once.
pub(super) fn remove_repeated_blocks(content: &NodeRef, explain: &mut Explain) {
    let blocks: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| dom::is(d, REPEATED_BLOCK_TAGS))
        .collect();
    let mut seen: std::collections::HashMap<String, NodeRef> = std::collections::HashMap::new();
    for block in blocks {
        if dom::text_len_capped(&block, REPEATED_BLOCK_MIN_CHARS) < REPEATED_BLOCK_MIN_CHARS
            || !block.ancestors().any(|a| &a == content)
        {
            continue;
        }
        // A quote repeats what it quotes (forum replies); paragraphs side by side that say
        // the same are the author's own (placeholder text, a refrain).
        if dom::is(&block, &["blockquote"]) || dom::has_ancestor(&block, &["blockquote"], None) {
            continue;
        }
        let text = dom::normalized_text(&block);
        match seen.get(&text) {
            // A wrapper and its only block say the same: not a copy.
            Some(first) if block.ancestors().any(|a| &a == first) => {}
            Some(first) if first.parent() == block.parent() => {}
            Some(_) if !guards_protected(&block) => {
                explain.remove(&block, Rule::RepeatedBlock, || text.clone());
            }
            Some(_) => {}
            None => {
                seen.insert(text, block);
            }
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
