//! Removals by what an element is or is called: elements that do not belong in an article
//! (`footer`, `aside`, `link`), embeds that are not videos, share bars, and headings whose class
//! weighs negative.

use super::{guards_protected, still_in};
use crate::dom;
use crate::explain::Explain;
use crate::rule::Rule;
use kuchikiki::NodeRef;

pub(super) fn remove_all(content: &NodeRef, candidates: Vec<NodeRef>, explain: &mut Explain) {
    for n in still_in(candidates, content) {
        if n.parent().is_some() && !guards_protected(&n) {
            explain.remove(&n, Rule::NonArticleElement, &|| {
                format!("<{}>", dom::tag(&n))
            });
        }
    }
}

pub(super) fn remove_embeds(content: &NodeRef, candidates: Vec<NodeRef>, explain: &mut Explain) {
    for n in still_in(candidates, content) {
        explain.remove(&n, Rule::Embed, &|| {
            dom::attr(&n, "src").unwrap_or_default()
        });
    }
}

/// Readability: descendants whose class/id says "share" and that hold little text.
pub(super) fn remove_share_bars(
    content: &NodeRef,
    candidates: Vec<NodeRef>,
    char_threshold: usize,
    explain: &mut Explain,
) {
    let doomed: Vec<NodeRef> = still_in(candidates, content)
        .into_iter()
        .filter(|d| d.text_contents().len() < char_threshold)
        .collect();
    for n in doomed {
        if n.parent().is_some() && !guards_protected(&n) {
            explain.remove(&n, Rule::ShareBar, &|| dom::class_and_id(&n));
        }
    }
}

pub(super) fn remove_negative_headings(
    content: &NodeRef,
    candidates: Vec<NodeRef>,
    explain: &mut Explain,
) {
    for n in still_in(candidates, content) {
        explain.remove(&n, Rule::NegativeHeading, &|| dom::class_and_id(&n));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{clean, PROSE};
    use crate::Rule;

    #[test]
    fn a_footer_inside_the_article_goes() {
        let (html, rules) = clean(&format!("{PROSE}<footer>Filed under news</footer>"));
        assert!(!html.contains("Filed under"), "{html}");
        assert_eq!(rules, [Rule::NonArticleElement]);
    }

    #[test]
    fn an_iframe_that_is_not_a_video_goes() {
        let (html, rules) = clean(&format!(
            "{PROSE}<iframe src=\"https://ads.example.com/frame\"></iframe>"
        ));
        assert!(!html.contains("iframe"), "{html}");
        assert_eq!(rules, [Rule::Embed]);
    }

    #[test]
    fn a_video_player_stays() {
        let (html, rules) = clean(&format!(
            "{PROSE}<iframe src=\"https://www.loom.com/embed/abc\"></iframe>"
        ));
        assert!(html.contains("loom.com/embed/abc"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_short_block_named_share_goes() {
        let (html, rules) = clean(&format!(
            "{PROSE}<div class=\"share-buttons\">Share on Mastodon</div>"
        ));
        assert!(!html.contains("Mastodon"), "{html}");
        assert_eq!(rules, [Rule::ShareBar]);
    }
}
