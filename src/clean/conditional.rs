//! Readability's conditional cleaning: `table`, `ul` and `div` blocks that look like
//! navigation, ads or widgets by their link density, images per paragraph, inputs and headings.

use super::entries::Entries;
use super::{guards_protected, is_video_embed, share};
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{ALIKE_ATTR, THREAD_ITEM_ATTR};
use crate::retry::Flags;
use crate::rule::Rule;
use crate::score::{class_weight, CommonClasses};
use crate::stats::{link_density, link_weight, TextStats};
use crate::tunables::{
    AD_WORDS, ALIKE_RUN_MIN, ALIKE_RUN_SCAN, CONDITIONAL_COMMAS, CONDITIONAL_HIGH_WEIGHT,
    CONDITIONAL_KEEP_SHARE, CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT,
    CONDITIONAL_LINK_DENSITY_LOW_WEIGHT, CONDITIONAL_LIST_SHARE, CONDITIONAL_MAX_COMMAS,
    DIV_TO_P_ELEMS, FOLDING_PANELS, LINKED_PROSE_MAX_LINK_DENSITY, LINKED_PROSE_MAX_PARAGRAPHS,
    LINKED_PROSE_MIN_PLAIN_CHARS, LINK_LIST_ITEM_DENSITY, LOADING_WORDS,
    NEGATIVE_WEIGHT_PARAGRAPH_MIN_PLAIN_CHARS, NEGATIVE_WEIGHT_PROSE_CHARS,
    NEGATIVE_WEIGHT_PROSE_LINK_DENSITY, NEGATIVE_WEIGHT_PROSE_PARAGRAPHS, TOLD_ITEM_MIN_CHARS,
    WHOLE_TEXT_LABEL_MAX_CHARS,
};
use crate::words::LowerText;
use kuchikiki::NodeRef;

/// Readability's conditional cleaning of `tag` blocks: removes those that look like
/// navigation, ads or widgets by their link density, images per paragraph, inputs and
/// headings.
///
/// `nodes`: the article's `tag` blocks, in document order. `carry.measure`: the text
/// stats of `content` if a pass just before measured it and removed nothing; left for the
/// next pass on the same terms.
pub(super) fn conditional(
    content: &NodeRef,
    tag: &'static str,
    nodes: Vec<NodeRef>,
    flags: Flags,
    common: &CommonClasses,
    explain: &mut Explain,
    carry: &mut Carry,
) {
    if !flags.clean_conditionally {
        return;
    }
    if nodes.is_empty() {
        return;
    }
    // Every candidate asks for the text lengths of the blocks inside it: measured once, and
    // forgotten along the path of each removal.
    let Carry {
        measure,
        entries,
        items,
    } = carry;
    let stats = measure.get_or_insert_with(|| TextStats::new(content));
    let total = stats.text_len(content);
    // A thread (declared, or posts found built alike: `select::head_posts`) shows what its
    // posters wrote with the photos they showed: forum software sets a post's text and its
    // pictures in one `<br>`-broken block without `<p>`, which the image rule takes for a
    // gallery (a post of wiring notes and three photos, a release post's list of features
    // with emoji). No block of a thread is removed as image-heavy.
    let thread = flags.discussion
        || (*items
            && content
                .walk_descendants()
                .any_node(&mut |d| dom::has_attr(d, THREAD_ITEM_ATTR)));
    let mut removed = false;
    for node in nodes.into_iter().rev() {
        let Some(parent) = node.parent() else {
            continue;
        };
        // The block that holds most of the article is the article (the winner itself, or
        // its wrapper with a class like `above-footer`): removing it leaves nothing.
        if stats.text_len(&node) as f64 > CONDITIONAL_KEEP_SHARE * total as f64 {
            continue;
        }
        if let Some(reason) = conditional_reason(&node, tag, flags, thread, common, stats) {
            // Inside folding panels (a page's questions and answers) a block is held to the
            // link density of a high-weight block: an answer's links are in its sentences; a
            // question that is all link (a toggle) still goes.
            if reason == Rule::LinkDensity
                && stats.link_density(&node) <= CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT
                && in_folding_panels(&node, content)
            {
                continue;
            }
            // A block is judged with the run of blocks built alike it is one of: a card
            // whose links are denser than its neighbours' stays with them.
            if reason == Rule::LinkDensity && alike_run_keeps(&node, &parent, stats) {
                continue;
            }
            // A list page's entries are its text, whatever their links (their other rules
            // hold): set aside in place of a placeholder, as if removed, so that the blocks
            // around are judged as before, and put back when the placeholder stays.
            if matches!(reason, Rule::LinkDensity | Rule::ShortAndLinked)
                && entries.set_aside(&node)
            {
                stats.forget(&parent, Some(&node));
                removed = true;
                continue;
            }
            explain.remove(&node, reason, &|| {
                format!(
                    "link density {}%",
                    (link_density(&node) * 100.0).round() as u32
                )
            });
            stats.forget(&parent, Some(&node));
            removed = true;
        }
    }
    if removed {
        *measure = None;
    }
}

/// Whether `node`, which the link-density rule would remove, is one of at least
/// [`ALIKE_RUN_MIN`] children of `parent` built alike (the same tag and `class`: a list's
/// entries, a grid's cards) whose text as a whole is no denser in links than a low-weight
/// block may be ([`CONDITIONAL_LINK_DENSITY_LOW_WEIGHT`]): the entries of a list share one
/// fate, and one whose excerpt is short (a linked title over two words) is no menu when its
/// neighbours read as text. A run of links as a whole still goes. Looks at the first
/// [`ALIKE_RUN_SCAN`] children only, so a long list costs the same per block.
fn alike_run_keeps(node: &NodeRef, parent: &NodeRef, stats: &TextStats) -> bool {
    let Some(el) = node.as_element() else {
        return false;
    };
    let attrs = el.attributes.borrow();
    let class = dom::get(&attrs, "class");
    let (mut n, mut len, mut linked) = (0, 0, 0.0);
    for s in dom::element_children(parent).take(ALIKE_RUN_SCAN) {
        let alike = s.as_element().is_some_and(|e| {
            e.name.local == el.name.local && dom::get(&e.attributes.borrow(), "class") == class
        });
        if alike {
            let l = stats.text_len(&s);
            n += 1;
            len += l;
            linked += stats.link_density(&s) * l as f64;
        }
    }
    n >= ALIKE_RUN_MIN && linked <= CONDITIONAL_LINK_DENSITY_LOW_WEIGHT * len as f64 && len > 0
}

/// Whether `node` is, or sits inside, a block of folding panels within `content`
/// ([`FOLDING_PANELS`]: a page's questions and answers, whose links are in their sentences).
fn in_folding_panels(node: &NodeRef, content: &NodeRef) -> bool {
    node.inclusive_ancestors()
        .take_while(|a| a != content)
        .any(|a| FOLDING_PANELS.is_match(&dom::class_and_id(&a)))
}

/// What one conditional pass leaves the next: the article's measure (while the passes remove
/// nothing) and the lists of entries with the blocks set aside.
#[derive(Default)]
pub(super) struct Carry {
    pub(super) measure: Option<TextStats>,
    pub(super) entries: Entries,
    /// Whether the article held a thread's items as cleaning began (none are made after).
    pub(super) items: bool,
}

/// What the conditional rules weigh below a block, gathered in one walk.
#[derive(Default)]
pub(super) struct Inside {
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    /// `<object>`, `<embed>` and `<iframe>` that are not videos.
    embeds: usize,
    /// An embedded video from a known host: the block stays.
    video: bool,
    /// Text in headings, in lists, in text-holding blocks (counted once per such element,
    /// so nested ones count again, as Readability does; and a custom element's own text),
    /// and weighted link text.
    heading_text: usize,
    list_text: usize,
    textish_text: usize,
    link_text: f64,
}

/// Elements whose text counts as text (not headings or links) for the "no content" rule.
pub(super) fn is_textish(tag: &str) -> bool {
    matches!(tag, "span" | "li" | "td") || DIV_TO_P_ELEMS.contains(&tag)
}

impl Inside {
    fn of(node: &NodeRef, stats: &TextStats) -> Inside {
        let mut inside = Inside::default();
        for d in node.walk_descendants() {
            let tag = dom::tag(&d);
            match tag {
                "" => continue,
                "p" => inside.p += 1,
                "img" => inside.img += 1,
                "li" => inside.li += 1,
                "input" => inside.input += 1,
                "object" | "embed" | "iframe" => {
                    if is_video_embed(&d) {
                        inside.video = true;
                    } else {
                        inside.embeds += 1;
                    }
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    inside.heading_text += stats.text_len(&d)
                }
                "a" => inside.link_text += stats.text_len(&d) as f64 * link_weight(&d),
                _ => {}
            }
            if matches!(tag, "ul" | "ol") {
                inside.list_text += stats.text_len(&d);
            }
            if is_textish(tag) {
                inside.textish_text += stats.text_len(&d);
            } else if tag.contains('-') {
                // A custom element (a web component's tag holds a `-`: `<rhcl-typography>`)
                // is a box until its script defines it: the text it holds itself is text (a
                // service page's copy, set in its design system's typography element, went
                // as a block with no text).
                inside.textish_text += d
                    .children()
                    .filter_map(|c| c.as_text().map(|t| t.borrow().trim().len()))
                    .sum::<usize>();
            }
        }
        inside
    }
}

/// Why the conditional rules remove `node`, if they do.
pub(super) fn conditional_reason(
    node: &NodeRef,
    tag: &str,
    flags: Flags,
    thread: bool,
    common: &CommonClasses,
    stats: &TextStats,
) -> Option<Rule> {
    let reason = conditional_reason_unguarded(node, tag, flags, thread, common, stats)?;
    // Protected blocks and code stay; asked last, as the question walks the block's ancestors
    // and its whole inside.
    if guards_protected(node) || dom::has_ancestor(node, &["code"], None) {
        return None;
    }
    Some(reason)
}

/// The list items in `node` that tell something: a sentence of at least
/// [`TOLD_ITEM_MIN_CHARS`] characters (a recipe's step over its photo: "Stir fry to mix
/// well."). For the image rule they are paragraphs: a list of
/// illustrated steps is no gallery. Asked only of blocks the image rule would take.
fn told_items(node: &NodeRef) -> usize {
    node.walk_descendants()
        .filter(|d| dom::is(d, &["li"]))
        .filter(|li| {
            let text = dom::normalized_text(li);
            text.chars().count() >= TOLD_ITEM_MIN_CHARS && crate::select::closes_sentence(&text)
        })
        .count()
}

pub(super) fn conditional_reason_unguarded(
    node: &NodeRef,
    tag: &str,
    flags: Flags,
    thread: bool,
    common: &CommonClasses,
    stats: &TextStats,
) -> Option<Rule> {
    let mut is_list = tag == "ul" || tag == "ol";
    let content_len = stats.text_len(node);
    let inside = Inside::of(node, stats);
    if !is_list {
        is_list = content_len > 0
            && inside.list_text as f64 / content_len as f64 > CONDITIONAL_LIST_SHARE;
    }
    let weight = class_weight(node, flags, common);
    // A class word does not outweigh prose: a block of several paragraphs with few links
    // is the article's (a review's product cards named `product-card`), whatever it is
    // called.
    let prose = inside.p >= NEGATIVE_WEIGHT_PROSE_PARAGRAPHS
        && content_len >= NEGATIVE_WEIGHT_PROSE_CHARS
        && share(inside.link_text, content_len) < NEGATIVE_WEIGHT_PROSE_LINK_DENSITY;
    // A single paragraph of running prose stays too, unless it is in a thread or is a
    // quotation or one of a run of boxes built alike (asked first: it marks the run).
    if weight < 0.0
        && !prose
        && (thread
            || quoted_or_repeated(node)
            || !running_prose(
                node,
                &inside,
                is_list,
                content_len,
                NEGATIVE_WEIGHT_PROSE_LINK_DENSITY,
                NEGATIVE_WEIGHT_PARAGRAPH_MIN_PLAIN_CHARS,
            ))
    {
        return Some(Rule::NegativeWeight);
    }
    if dom::count_chars(node, CONDITIONAL_COMMAS) >= CONDITIONAL_MAX_COMMAS {
        return None;
    }
    let p = inside.p as f64;
    let img = inside.img as f64;
    let li = inside.li as f64 - 100.0;
    let input = inside.input as f64;
    let heading_density = share(inside.heading_text as f64, content_len);
    if inside.video {
        return None;
    }
    let embeds = inside.embeds;
    // Ad and loading labels are a block's whole, short text: only such blocks are read.
    if content_len <= WHOLE_TEXT_LABEL_MAX_CHARS {
        let text = dom::normalized_text(node);
        let lower = LowerText::new(&text);
        if AD_WORDS.matches(&lower) || LOADING_WORDS.matches(&lower) {
            return Some(Rule::AdOrLoadingLabel);
        }
    }
    let ld = share(inside.link_text, content_len);
    let text_dens = share(inside.textish_text as f64, content_len);
    let in_figure = dom::has_ancestor(node, &["figure"], None);

    let reason = if !in_figure
        && img > 1.0
        && p / img < 0.5
        && !thread
        && (p + told_items(node) as f64) / img < 0.5
    {
        Some(Rule::ImageHeavy)
    } else if !is_list && li > p {
        Some(Rule::ListItemsOutsideList)
    } else if input > (p / 3.0).floor() {
        Some(Rule::FormInputs)
    } else if !is_list
        && !in_figure
        && heading_density < 0.9
        && content_len < 25
        && (img == 0.0 || img > 2.0)
        && ld > 0.0
    {
        Some(Rule::ShortAndLinked)
    } else if ((!is_list || labelled_list_of_links(node, stats))
        && weight < CONDITIONAL_HIGH_WEIGHT
        && ld > CONDITIONAL_LINK_DENSITY_LOW_WEIGHT)
        || (weight >= CONDITIONAL_HIGH_WEIGHT && ld > CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT)
    {
        (!running_prose(
            node,
            &inside,
            is_list,
            content_len,
            LINKED_PROSE_MAX_LINK_DENSITY,
            LINKED_PROSE_MIN_PLAIN_CHARS,
        ))
        .then_some(Rule::LinkDensity)
    } else if (embeds == 1 && content_len < 75) || embeds > 1 {
        Some(Rule::Embeds)
    } else if img == 0.0 && text_dens == 0.0 && !heads_a_section(node, &inside, content_len) {
        Some(Rule::NoContent)
    } else {
        None
    };
    // A simple list of images stays.
    if reason.is_some() && is_list {
        let simple = dom::element_children(node).all(|c| dom::element_children(&c).count() <= 1);
        if simple && inside.li as f64 == img {
            return None;
        }
    }
    reason
}

/// Ours: a block that is a heading alone, no link in it, right before a block with text: a
/// section's heading set in a `<div>` of its own (a landing page's "Our services" above its
/// cards), which the no-content rule took for an empty box. Blocks are judged from the last,
/// so the section after it has been judged already: a heading whose section went still goes.
fn heads_a_section(node: &NodeRef, inside: &Inside, len: usize) -> bool {
    len > 0
        && inside.heading_text >= len
        && inside.link_text == 0.0
        && node
            .following_siblings()
            .find(|s| s.as_element().is_some())
            .is_some_and(|s| dom::has_text(&s))
}

/// A quotation (a testimonial opening with its quotation mark) or one of a run of boxes built
/// alike (same tag and class as a sibling next to it: testimonials, teasers, comments): a
/// negative class word says what it is, however much it reads like prose.
fn quoted_or_repeated(node: &NodeRef) -> bool {
    // Compared in place (asked of every negatively classed block): no copies of the classes.
    let alike = |s: &NodeRef| match (s.as_element(), node.as_element()) {
        (Some(a), Some(b)) => {
            a.name == b.name
                && a.attributes.borrow().get("class") == b.attributes.borrow().get("class")
        }
        _ => false,
    };
    // Blocks are asked from the last: the one before is still there, and is marked as one of
    // the run for when it is asked.
    if let Some(prev) = node
        .preceding_siblings()
        .find(|s| s.as_element().is_some())
        .filter(alike)
    {
        dom::set_attr(&prev, ALIKE_ATTR, "");
        return true;
    }
    dom::has_attr(node, ALIKE_ATTR)
        || node
            .following_siblings()
            .find(|s| s.as_element().is_some())
            .is_some_and(|s| alike(&s))
        || dom::normalized_text_start(node, 4).starts_with(['“', '"', '«', '„', '‘'])
}

/// Ours: running prose is not a box of links nor furniture, whatever its class says: a block
/// of one or two paragraphs ([`LINKED_PROSE_MAX_PARAGRAPHS`]), no list, heading or picture,
/// links under `max_ld` of its text, at least `min_plain` characters outside them, ending as
/// a sentence ends. The link-density rule keeps such a paragraph citing its sources link by
/// link ([`LINKED_PROSE_MAX_LINK_DENSITY`], [`LINKED_PROSE_MIN_PLAIN_CHARS`]); the
/// negative-weight rule keeps one in a box classed `widget` or `card`
/// ([`NEGATIVE_WEIGHT_PARAGRAPH_MIN_PLAIN_CHARS`]). A teaser box is titles, not sentences.
fn running_prose(
    node: &NodeRef,
    inside: &Inside,
    is_list: bool,
    len: usize,
    max_ld: f64,
    min_plain: usize,
) -> bool {
    !is_list
        && (1..=LINKED_PROSE_MAX_PARAGRAPHS).contains(&inside.p)
        && inside.li == 0
        && inside.img == 0
        && inside.heading_text == 0
        && share(inside.link_text, len) < max_ld
        && len as f64 - inside.link_text >= min_plain as f64
        && dom::normalized_text(node)
            .trim_end_matches(['"', '”', '»', ')', '’', '\''])
            .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Ours: a list of links with its label inside it (`<ul><span>Related stories</span><li><a>`):
/// at least two items, each one link and nothing else. Readability spares lists the link
/// density rule; such a list is a box of teasers set in the story, not one of its lists.
fn labelled_list_of_links(node: &NodeRef, stats: &TextStats) -> bool {
    if !dom::is(node, &["ul", "ol"]) {
        return false;
    }
    let (mut items, mut label) = (0, false);
    for c in node.children() {
        if dom::is(&c, &["li"]) {
            if stats.text_len(&c) == 0 {
                continue;
            }
            if stats.link_density(&c) < LINK_LIST_ITEM_DENSITY {
                return false;
            }
            items += 1;
        } else if dom::has_text(&c) {
            label = true;
        }
    }
    label && items >= 2
}

#[cfg(test)]
mod tests {
    use crate::marks::PROTECT_ATTR;
    use crate::retry::Flags;
    use crate::testing::{clean, clean_with, PROSE};
    use crate::Rule;

    const LINK_LIST: &str = "<div><a href=\"/a\">First other story</a> \
        <a href=\"/b\">Second other story</a> <a href=\"/c\">Third other story</a></div>";

    #[test]
    fn a_block_that_is_mostly_links_goes() {
        let (html, rules) = clean(&format!("{PROSE}{LINK_LIST}"));
        assert!(!html.contains("other story"), "{html}");
        assert_eq!(rules, [Rule::LinkDensity]);
    }

    #[test]
    fn the_last_attempt_does_not_clean_conditionally() {
        let (html, rules) = clean_with(&format!("{PROSE}{LINK_LIST}"), Flags::ATTEMPTS[3]);
        assert!(html.contains("other story"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_protected_block_is_never_cleaned_conditionally() {
        let protected = LINK_LIST.replacen("<div>", &format!("<div {PROTECT_ATTR}=\"1\">"), 1);
        let (html, rules) = clean(&format!("{PROSE}{protected}"));
        assert!(html.contains("other story"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }
}
