//! Stage 6: cleaning inside the chosen article. Removes what sits in the article's container
//! but is not the article: share bars, headings with negative classes, link-heavy lists and
//! blocks (conditional cleaning), boilerplate class families (related, newsletter, comments,
//! promotions, tags, author bios), calls to action and teaser lines, trailing sections of
//! teasers or comments ("Recent News", "Leave a Comment"), and repeated text (a copy of a
//! section; in a thread, a reply's quote of a post the thread shows already). Protected nodes
//! (embedded posts, code, math, data tables, the notes list) are never removed by these
//! rules. Footnotes are given one structure first (`footnotes`).
//!
//! [`clean`] runs the passes in their order (which matters: a later pass measures what the
//! earlier ones left); each family of removals has its own file.

mod breadcrumbs;
mod captions;
mod conditional;
mod elements;
mod entries;
mod families;
mod footnotes;
mod kickers;
mod lines;
mod repeated;
mod structure;
mod targets;
mod tidy;
mod trailing;

use self::breadcrumbs::remove_breadcrumb_trails;
use self::captions::mark_loose_captions;
use self::conditional::{conditional, Carry};
use self::elements::{remove_all, remove_embeds, remove_negative_headings, remove_share_bars};
use self::entries::Entries;
use self::families::remove_boilerplate_families;
use self::footnotes::normalise_footnotes;
pub(crate) use self::kickers::remove_kickers;
use self::lines::{remove_author_box, remove_boilerplate_lines, remove_trailing_bio};
use self::repeated::{remove_repeated_blocks, remove_repeated_thread_text};
use self::structure::{name_headings, normalise_code_blocks};
use self::targets::remove_social_bars;
use self::tidy::tidy;
use self::trailing::{remove_closing_headings, remove_other_products, remove_trailing_sections};
pub(crate) use self::trailing::{remove_hub_footers, remove_hub_reviews};
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{
    DATA_TABLE_ATTR, POST_AUTHOR_ATTR, PROTECT_ATTR, SIGNUP_BOX_ATTR, THREAD_ITEM_ATTR,
};
use crate::retry::Flags;
use crate::rule::Rule;
use crate::score::{class_weight, CommonClasses};
use crate::tunables::{
    names_video, SHARE_ELEMENTS, SHOP_REPEAT_MIN_CHARS, THREAD_REPEAT_MIN_CHARS,
};
use kuchikiki::iter::NodeEdge;
use kuchikiki::NodeRef;

/// Cleans the article container `content` in place. Returns the length of the text of a
/// list's entries kept against conditional cleaning (`entries`).
pub(crate) fn clean(
    content: &NodeRef,
    char_threshold: usize,
    flags: Flags,
    common: &CommonClasses,
    explain: &mut Explain,
) -> usize {
    // Whether the article holds a thread's items (`select::head_posts`) as cleaning begins:
    // none are made after, so an article without is not walked again for them.
    let items = content
        .walk_descendants()
        .any_node(&mut |d| dom::has_attr(d, THREAD_ITEM_ATTR));
    // First, so that the notes list is protected from the passes that would take it for
    // boilerplate (a list of short items, links back, "References").
    normalise_footnotes(content);
    let first = FirstPasses::gather(content, flags, common);
    conditional(
        content,
        "fieldset",
        first.fieldsets,
        flags,
        common,
        explain,
        &mut Carry {
            items,
            ..Carry::default()
        },
    );
    remove_all(content, first.non_article, explain);
    remove_signup_boxes(content, explain);
    remove_embeds(content, first.embeds, explain);
    remove_share_bars(content, first.share_named, char_threshold, explain);
    remove_negative_headings(content, first.negative_headings, explain);
    // A thread (declared, or posts found built alike) has its posts' signatures and meta
    // lines to drop.
    let thread = flags.discussion
        || (items
            && content
                .walk_descendants()
                .any_node(&mut |d| dom::has_attr(d, THREAD_ITEM_ATTR)));
    remove_boilerplate_families(content, flags, thread, explain);
    // A list page's entries (not on a page that says it is a discussion: its posts and
    // their links are judged as before).
    let entries = Entries::new(!flags.discussion);
    // The article's measure, carried from one pass to the next while they remove nothing.
    let mut carry = Carry {
        measure: None,
        entries,
        items,
    };
    for tag in ["table", "ul", "div"] {
        let nodes = dom::descendants_named(content, &[tag]);
        conditional(content, tag, nodes, flags, common, explain, &mut carry);
    }
    let kept = carry.entries.put_back(content);
    remove_breadcrumb_trails(content, explain);
    // What conditional cleaning left of the share and follow bars, read by their links'
    // targets.
    remove_social_bars(content, explain);
    mark_loose_captions(content);
    // A post's author box and date, now in the post's own line (`select::head_post`), go
    // before the short lines are read: a post's number or its poster's status beside them
    // ("#2 · Jan 3, 2024", "J Offline julian") is a line of its own once they are gone.
    let marked: Vec<NodeRef> =
        dom::descendants_where(content, &|d| dom::has_attr(d, POST_AUTHOR_ATTR));
    let (lines, boxes): (Vec<NodeRef>, Vec<NodeRef>) = marked
        .into_iter()
        .partition(|m| dom::attr(m, POST_AUTHOR_ATTR).as_deref() == Some("line"));
    // The line of a post that kept no text of its own (nor its author's box) goes. (The post
    // is walked for a box with text, once per line: not every box's ancestors per line.)
    let is_box_with_text = |d: &NodeRef| {
        dom::attr(d, POST_AUTHOR_ATTR).is_some_and(|v| v != "line") && dom::has_text(d)
    };
    let alone: Vec<NodeRef> = lines
        .into_iter()
        .filter(|line| {
            line.parent().is_some_and(|post| {
                !post
                    .walk_descendants()
                    .any_node(&mut |d| is_box_with_text(d))
            })
        })
        .collect();
    for b in boxes {
        b.detach();
    }
    // Trailing sections before the short lines: a related-links label in bold ("Verwandte
    // Artikel:") is both, and read as a line first it went alone, leaving its list of links.
    remove_trailing_sections(content, flags, explain);
    if flags.product {
        remove_other_products(content, explain);
    }
    remove_boilerplate_lines(content, thread, explain);
    for line in alone {
        if line
            .parent()
            .is_some_and(|post| dom::text_len(&post) == dom::text_len(&line))
        {
            line.detach();
        }
    }
    remove_trailing_bio(content, explain);
    remove_author_box(content, explain);
    remove_repeated_blocks(content, explain);
    // A thread's last post may be a title alone; a listing's last card's title its card.
    if flags.story && !thread {
        remove_closing_headings(content, explain);
    }
    // A thread reads once what was said; a shop's page shows its text once (the mobile and
    // desktop copies of a feature block, a description repeated in a tab).
    if thread || flags.sells {
        let min_chars = if thread {
            THREAD_REPEAT_MIN_CHARS
        } else {
            SHOP_REPEAT_MIN_CHARS
        };
        remove_repeated_thread_text(content, min_chars, explain);
    }
    for h1 in dom::descendants_named(content, &["h1"]) {
        dom::rename(&h1, "h2");
    }
    normalise_code_blocks(content);
    tidy(content);
    name_headings(content);
    kept
}

/// What the first passes may remove, found in one walk of the article. What they ask of a
/// node (its tag, class, id, attributes) does not change before they run, only whether it is
/// still in the article: each pass takes those of its candidates still there when it starts,
/// which a walk of its own would find.
struct FirstPasses {
    fieldsets: Vec<NodeRef>,
    /// `footer`, `aside`, `link`.
    non_article: Vec<NodeRef>,
    /// Embeds that are not videos.
    embeds: Vec<NodeRef>,
    /// Blocks whose class or id says "share" (their text is measured when the pass runs).
    share_named: Vec<NodeRef>,
    /// `h1` and `h2` with a negative class weight.
    negative_headings: Vec<NodeRef>,
}

impl FirstPasses {
    fn gather(content: &NodeRef, flags: Flags, common: &CommonClasses) -> FirstPasses {
        let mut first = FirstPasses {
            fieldsets: Vec::new(),
            non_article: Vec::new(),
            embeds: Vec::new(),
            share_named: Vec::new(),
            negative_headings: Vec::new(),
        };
        for d in content.walk_descendants() {
            if d.as_element().is_none() {
                continue;
            }
            match dom::tag(&d) {
                "fieldset" => first.fieldsets.push(d.clone()),
                "footer" | "aside" | "link" => first.non_article.push(d.clone()),
                "iframe" | "object" | "embed" if !is_video_embed(&d) => {
                    first.embeds.push(d.clone())
                }
                "h1" | "h2" if class_weight(&d, flags, common) < 0.0 => {
                    first.negative_headings.push(d.clone())
                }
                _ => {}
            }
            let m = dom::class_and_id(&d);
            if !m.is_empty() && SHARE_ELEMENTS.is_match(&m) {
                first.share_named.push(d);
            }
        }
        first
    }
}

/// The boxes around the sign-up forms the preparation removed (`tunables::SIGNUP_BOX`): their
/// heading, pitch and small print ("Join our newsletter", "By signing up, you agree to…").
/// Not one that holds protected content, nor one that holds half the article's text.
fn remove_signup_boxes(content: &NodeRef, explain: &mut Explain) {
    let boxes: Vec<NodeRef> =
        dom::descendants_where(content, &|d| dom::has_attr(d, SIGNUP_BOX_ATTR));
    if boxes.is_empty() {
        return;
    }
    let total = dom::text_len(content);
    for b in boxes {
        if b.parent().is_none() || guards_protected(&b) || dom::text_len(&b) * 2 > total {
            continue;
        }
        explain.remove(&b, Rule::FormInputs, &|| "sign-up box".into());
    }
}

/// Those of `nodes` still inside `content`.
fn still_in(nodes: Vec<NodeRef>, content: &NodeRef) -> Vec<NodeRef> {
    nodes
        .into_iter()
        .filter(|n| dom::any_ancestor(n, &mut |a| *a == *content))
        .collect()
}

fn is_protected(node: &NodeRef) -> bool {
    dom::has_attr(node, PROTECT_ATTR)
}

/// True when `node` is protected or holds mostly protected content (a wrapper around a code
/// block or a data table).
fn guards_protected(node: &NodeRef) -> bool {
    if is_protected(node) || dom::any_ancestor(node, &mut |a| is_protected(a)) {
        return true;
    }
    // One walk: the text of the outermost protected blocks (one inside another counts once),
    // and whether any is a data table. (Not each protected block asking whether any other is
    // its ancestor: a thread of thousands of protected lines deep in wrappers took minutes.)
    let mut open = 0usize;
    let mut found = false;
    let mut inside = 0usize;
    for edge in node.traverse() {
        match edge {
            NodeEdge::Start(d) if d != *node && is_protected(&d) => {
                if dom::has_attr(&d, DATA_TABLE_ATTR) {
                    return true;
                }
                if open == 0 {
                    inside += dom::text_len(&d);
                }
                found = true;
                open += 1;
            }
            NodeEdge::End(d) if d != *node && is_protected(&d) => open = open.saturating_sub(1),
            _ => {}
        }
    }
    if !found {
        return false;
    }
    let total = dom::text_len(node);
    total == 0 || inside * 2 >= total
}

fn is_video_embed(node: &NodeRef) -> bool {
    let Some(el) = node.as_element() else {
        return false;
    };
    let attrs = el.attributes.borrow();
    attrs.map.values().any(|a| names_video(&a.value))
}

/// `part` as a share of `total` (0 for an empty block).
fn share(part: f64, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        part / total as f64
    }
}
