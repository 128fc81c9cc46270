//! Not a removal: captions written as plain paragraphs under an image become `<figcaption>`s,
//! so the text output leaves them out as it does marked-up captions.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::score::has_block_descendant;
use crate::tunables::{CAPTION_CREDIT, CREDIT_LINE, LOOSE_CAPTION_MAX_CHARS};
use crate::words::LowerText;
use kuchikiki::NodeRef;

/// The element before `node` among its siblings, skipping whitespace.
pub(super) fn previous_element(node: &NodeRef) -> Option<NodeRef> {
    let mut prev = node.previous_sibling();
    while let Some(p) = prev {
        if p.as_element().is_some() {
            return Some(p);
        }
        if p.as_text().is_some_and(|t| !t.borrow().trim().is_empty()) {
            return None;
        }
        prev = p.previous_sibling();
    }
    None
}

/// True for an element that shows nothing of its own: no text and no image (a caption's
/// camera icon, an empty `<span>`); it stands between a caption and its image in markup only.
fn is_decoration(node: &NodeRef) -> bool {
    !dom::is(node, &["img", "picture"])
        && !dom::has_text(node)
        && !node
            .walk_descendants()
            .any_node(&mut |d| dom::is(d, &["img", "picture"]))
}

/// The element before `block`, past decorations, or, when `block` opens a wrapper that holds
/// nothing but it and decorations (a CMS's `<div><svg>…</svg><small>(crédito: …)</small></div>`
/// after a `<picture>`), the element before the outermost such wrapper: the caption's own
/// markup is no reason to lose its image.
fn image_before(block: &NodeRef, len: usize) -> Option<NodeRef> {
    let mut node = block.clone();
    loop {
        let mut prev = previous_element(&node);
        while let Some(p) = prev.clone().filter(is_decoration) {
            prev = previous_element(&p);
        }
        if prev.is_some() {
            return prev;
        }
        let parent = node.parent()?;
        if !dom::is(&parent, &["div", "span", "p"])
            || dom::text_len_capped(&parent, len + 1) != len
            || dom::element_children(&parent).any(|c| c != node && !is_decoration(&c))
        {
            return None;
        }
        node = parent;
    }
}

/// Ours: captions written as a plain paragraph under an image ("Lee Elder at the Masters. |
/// © Augusta National/Getty Images"): a short block right after an image-only element that
/// names a photo credit, or that sits in a `<figure>` without a caption, becomes that image's
/// `<figcaption>`, so the reader shows it as a
/// caption and the article text leaves it out, as it does for marked-up captions.
pub(super) fn mark_loose_captions(content: &NodeRef) {
    let blocks: Vec<NodeRef> =
        dom::descendants_named(content, &["p", "div", "h2", "h3", "h4", "h5", "h6"]);
    for b in blocks {
        // Inside a <figure> without a <figcaption>, the text under the image is its caption
        // whatever it says; elsewhere only a photo credit makes it one.
        let figure = b.ancestors().find(|a| dom::is(a, &["figure"]));
        let in_bare_figure = figure.as_ref().is_some_and(|f| {
            !f.walk_descendants()
                .any_node(&mut |d| dom::is(d, &["figcaption"]))
        });
        if !in_bare_figure && (figure.is_some() || !dom::is(&b, &["p", "div"])) {
            continue;
        }
        if b.parent().is_none() {
            continue;
        }
        // (Protection asked last: it walks the block's ancestors and its whole inside, and
        // every wrapper of the article was asked it.)
        let len = dom::text_len_capped(&b, LOOSE_CAPTION_MAX_CHARS);
        if len == 0
            || len > LOOSE_CAPTION_MAX_CHARS
            || has_block_descendant(&b)
            || guards_protected(&b)
        {
            continue;
        }
        let Some(image) = image_before(&b, len) else {
            continue;
        };
        let image_only = (dom::is(&image, &["img", "picture"])
            || image
                .walk_descendants()
                .any_node(&mut |d| dom::is(d, &["img"])))
            && !dom::has_text(&image);
        if !image_only {
            continue;
        }
        let caption = dom::new_html_element("figcaption", vec![]);
        if in_bare_figure {
            b.insert_before(caption.clone());
            dom::move_children(&b, &caption);
            b.detach();
            continue;
        }
        let text = dom::normalized_text(&b);
        let lower = LowerText::new(&text);
        if !(CAPTION_CREDIT.matches(&lower) || CREDIT_LINE.matches(&lower)) {
            continue;
        }
        let figure = dom::new_html_element("figure", vec![]);
        image.insert_before(figure.clone());
        figure.append(image);
        dom::move_children(&b, &caption);
        figure.append(caption);
        b.detach();
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{clean, PROSE};

    #[test]
    fn a_lone_paragraph_in_a_figure_without_a_caption_becomes_its_caption() {
        let (html, _) = clean(&format!(
            "{PROSE}<figure><img src=\"https://example.com/a.jpg\"><p>The harbour at dawn.</p></figure>{PROSE}"
        ));
        assert!(
            html.contains("<figcaption>The harbour at dawn.</figcaption>"),
            "{html}"
        );
    }
}
