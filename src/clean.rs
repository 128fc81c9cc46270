//! Stage 6: cleaning inside the chosen article. Removes what sits in the article's container
//! but is not the article: share bars, headings with negative classes, link-heavy lists and
//! blocks (conditional cleaning), boilerplate class families (related, newsletter, comments,
//! promotions, tags, author bios), calls to action and teaser lines, and trailing sections
//! of teasers or comments ("Recent News", "Leave a Comment"). Protected nodes (embedded posts,
//! code, math, data tables) are never removed by these rules.

use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{DATA_TABLE_ATTR, PROTECT_ATTR, THREAD_ITEM_ATTR};
use crate::retry::Flags;
use crate::rule::Rule;
use crate::score::{class_weight, has_block_descendant, has_single_child_tag, is_without_content};
use crate::stats::{link_density, link_weight, TextStats};
use crate::tunables::{
    names_video, AD_WORDS, BOILERPLATE_LINE, BOILERPLATE_LINE_MAX_CHARS, BOILERPLATE_MAX_SHARE,
    BOILERPLATE_PHRASE, BOILERPLATE_TOKENS, BREADCRUMB_MAX_CHARS, BREADCRUMB_MIN_LINKS,
    CAPTION_CREDIT, COMMENT_FAMILY, CONDITIONAL_COMMAS, CONDITIONAL_HIGH_WEIGHT,
    CONDITIONAL_KEEP_SHARE, CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT,
    CONDITIONAL_LINK_DENSITY_LOW_WEIGHT, CONDITIONAL_LIST_SHARE, CONDITIONAL_MAX_COMMAS,
    CREDIT_LINE, CREDIT_LINE_MAX_CHARS, DATE_LINE, DATE_LINE_BLOCKS, DATE_LINE_MAX_CHARS,
    DIV_TO_P_ELEMS, LEAD_PARAGRAPH_CHARS, LOADING_WORDS, LOOSE_CAPTION_MAX_CHARS,
    NEGATIVE_WEIGHT_PROSE_CHARS, NEGATIVE_WEIGHT_PROSE_LINK_DENSITY,
    NEGATIVE_WEIGHT_PROSE_PARAGRAPHS, NOTICE, NOTICE_MAX_CHARS, REPEATED_BLOCK_MIN_CHARS,
    REPEATED_BLOCK_TAGS, SHARE_ELEMENTS, TRAILING_SECTION_HEADING, WHOLE_TEXT_LABEL_MAX_CHARS,
};
use crate::words::LowerText;
use kuchikiki::NodeRef;

/// Cleans the article container `content` in place.
pub fn clean(content: &NodeRef, char_threshold: usize, flags: Flags, explain: &mut Explain) {
    let first = FirstPasses::gather(content, flags);
    conditional(
        content,
        "fieldset",
        first.fieldsets,
        flags,
        explain,
        &mut None,
    );
    remove_all(content, first.non_article, explain);
    remove_embeds(content, first.embeds, explain);
    remove_share_bars(content, first.share_named, char_threshold, explain);
    remove_negative_headings(content, first.negative_headings, explain);
    remove_boilerplate_families(content, flags, explain);
    // The article's measure, carried from one pass to the next while they remove nothing.
    let mut measure = None;
    for tag in ["table", "ul", "div"] {
        let nodes = content
            .walk_descendants()
            .filter(|d| dom::is(d, &[tag]))
            .collect();
        conditional(content, tag, nodes, flags, explain, &mut measure);
    }
    remove_breadcrumb_trails(content, explain);
    mark_loose_captions(content);
    remove_boilerplate_lines(content, explain);
    remove_trailing_sections(content, explain);
    remove_repeated_blocks(content, explain);
    for h1 in content
        .walk_descendants()
        .filter(|d| dom::is(d, &["h1"]))
        .collect::<Vec<_>>()
    {
        dom::rename(&h1, "h2");
    }
    tidy(content);
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
    fn gather(content: &NodeRef, flags: Flags) -> FirstPasses {
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
                "h1" | "h2" if class_weight(&d, flags) < 0.0 => {
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

/// Those of `nodes` still inside `content`.
fn still_in(nodes: Vec<NodeRef>, content: &NodeRef) -> Vec<NodeRef> {
    nodes
        .into_iter()
        .filter(|n| n.ancestors().any(|a| a == *content))
        .collect()
}

fn is_protected(node: &NodeRef) -> bool {
    dom::has_attr(node, PROTECT_ATTR)
}

/// True when `node` is protected or holds mostly protected content (a wrapper around a code
/// block or a data table).
fn guards_protected(node: &NodeRef) -> bool {
    if is_protected(node) || node.ancestors().any(|a| is_protected(&a)) {
        return true;
    }
    let protected: Vec<NodeRef> = node.walk_descendants().filter(is_protected).collect();
    if protected.is_empty() {
        return false;
    }
    if protected.iter().any(|p| dom::has_attr(p, DATA_TABLE_ATTR)) {
        return true;
    }
    let total = dom::text_len(node);
    let inside: usize = protected
        .iter()
        .filter(|p| !p.ancestors().any(|a| protected.contains(&a)))
        .map(dom::text_len)
        .sum();
    total == 0 || inside * 2 >= total
}

fn remove_all(content: &NodeRef, candidates: Vec<NodeRef>, explain: &mut Explain) {
    for n in still_in(candidates, content) {
        if n.parent().is_some() && !guards_protected(&n) {
            explain.remove(&n, Rule::NonArticleElement, || {
                format!("<{}>", dom::tag(&n))
            });
        }
    }
}

fn is_video_embed(node: &NodeRef) -> bool {
    let Some(el) = node.as_element() else {
        return false;
    };
    let attrs = el.attributes.borrow();
    attrs.map.values().any(|a| names_video(&a.value))
}

fn remove_embeds(content: &NodeRef, candidates: Vec<NodeRef>, explain: &mut Explain) {
    for n in still_in(candidates, content) {
        explain.remove(&n, Rule::Embed, || dom::attr(&n, "src").unwrap_or_default());
    }
}

/// Readability: descendants whose class/id says "share" and that hold little text.
fn remove_share_bars(
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
            explain.remove(&n, Rule::ShareBar, || dom::class_and_id(&n));
        }
    }
}

fn remove_negative_headings(content: &NodeRef, candidates: Vec<NodeRef>, explain: &mut Explain) {
    for n in still_in(candidates, content) {
        explain.remove(&n, Rule::NegativeHeading, || dom::class_and_id(&n));
    }
}

/// The first boilerplate token among a node's class and id tokens.
fn boilerplate_token(node: &NodeRef) -> Option<&'static str> {
    let m = dom::class_and_id(node).to_ascii_lowercase();
    if m.is_empty() {
        return None;
    }
    // Whole class names first (`author-bio`, `related-posts`), then their parts.
    for class in m.split_whitespace() {
        if let Some(t) = BOILERPLATE_TOKENS.iter().find(|t| **t == class) {
            return Some(t);
        }
        for part in class.split(|c: char| !c.is_ascii_alphanumeric()) {
            if let Some(t) = BOILERPLATE_TOKENS
                .iter()
                .find(|t| **t == part && !t.contains('-'))
            {
                return Some(t);
            }
        }
    }
    None
}

/// Ours: blocks whose class/id tokens name a boilerplate family, unless they hold a large
/// share of the article (then the token describes the page, not the block).
/// On a discussion page ([`Flags::discussion`]) the comment family is the content.
fn remove_boilerplate_families(content: &NodeRef, flags: Flags, explain: &mut Explain) {
    let total = dom::text_len(content).max(1) as f64;
    let mut node = content.first_child();
    while let Some(n) = node {
        if n.as_element().is_some()
            && !dom::is(
                &n,
                &[
                    "a", "span", "em", "strong", "b", "i", "code", "pre", "img", "figure", "p",
                ],
            )
        {
            if let Some(token) = boilerplate_token(&n).filter(|t| {
                let reply = flags.discussion && COMMENT_FAMILY.is_match(t);
                !reply && !dom::has_attr(&n, THREAD_ITEM_ATTR)
            }) {
                let share = dom::text_len(&n) as f64 / total;
                if share <= BOILERPLATE_MAX_SHARE && !guards_protected(&n) {
                    let next = dom::next_skipping_children(&n, content);
                    explain.remove(&n, Rule::BoilerplateClass, || {
                        format!("{token} ({:.0}% of text)", share * 100.0)
                    });
                    node = next;
                    continue;
                }
            }
        }
        node = dom::next_in_order(&n, content);
    }
}

/// Readability's conditional cleaning of `tag` blocks: removes those that look like
/// navigation, ads or widgets by their link density, images per paragraph, inputs and
/// headings.
///
/// `nodes`: the article's `tag` blocks, in document order. `measure`: the text
/// stats of `content` if a pass just before measured it and removed nothing; left for the
/// next pass on the same terms.
fn conditional(
    content: &NodeRef,
    tag: &'static str,
    nodes: Vec<NodeRef>,
    flags: Flags,
    explain: &mut Explain,
    measure: &mut Option<TextStats>,
) {
    if !flags.clean_conditionally {
        return;
    }
    if nodes.is_empty() {
        return;
    }
    // Every candidate asks for the text lengths of the blocks inside it: measured once, and
    // forgotten along the path of each removal.
    let stats = measure.get_or_insert_with(|| TextStats::new(content));
    let total = stats.text_len(content);
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
        if let Some(reason) = conditional_reason(&node, tag, flags, stats) {
            explain.remove(&node, reason, || {
                format!("link density {:.2}", link_density(&node))
            });
            stats.forget(&parent, Some(&node));
            removed = true;
        }
    }
    if removed {
        *measure = None;
    }
}

/// What the conditional rules weigh below a block, gathered in one walk.
#[derive(Default)]
struct Inside {
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    /// `<object>`, `<embed>` and `<iframe>` that are not videos.
    embeds: usize,
    /// An embedded video from a known host: the block stays.
    video: bool,
    /// Text in headings, in lists, in text-holding blocks (counted once per such element,
    /// so nested ones count again, as Readability does), and weighted link text.
    heading_text: usize,
    list_text: usize,
    textish_text: usize,
    link_text: f64,
}

/// Elements whose text counts as text (not headings or links) for the "no content" rule.
fn is_textish(tag: &str) -> bool {
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
            }
        }
        inside
    }
}

/// `part` as a share of `total` (0 for an empty block).
fn share(part: f64, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        part / total as f64
    }
}

/// Why the conditional rules remove `node`, if they do.
fn conditional_reason(node: &NodeRef, tag: &str, flags: Flags, stats: &TextStats) -> Option<Rule> {
    let reason = conditional_reason_unguarded(node, tag, flags, stats)?;
    // Protected blocks and code stay; asked last, as the question walks the block's ancestors
    // and its whole inside.
    if guards_protected(node) || dom::has_ancestor(node, &["code"], None) {
        return None;
    }
    Some(reason)
}

fn conditional_reason_unguarded(
    node: &NodeRef,
    tag: &str,
    flags: Flags,
    stats: &TextStats,
) -> Option<Rule> {
    let mut is_list = tag == "ul" || tag == "ol";
    let content_len = stats.text_len(node);
    let inside = Inside::of(node, stats);
    if !is_list {
        is_list = content_len > 0
            && inside.list_text as f64 / content_len as f64 > CONDITIONAL_LIST_SHARE;
    }
    let weight = class_weight(node, flags);
    // A class word does not outweigh prose: a block of several paragraphs with few links
    // is the article's (a review's product cards named `product-card`), whatever it is
    // called.
    let prose = inside.p >= NEGATIVE_WEIGHT_PROSE_PARAGRAPHS
        && content_len >= NEGATIVE_WEIGHT_PROSE_CHARS
        && share(inside.link_text, content_len) < NEGATIVE_WEIGHT_PROSE_LINK_DENSITY;
    if weight < 0.0 && !prose {
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

    let reason = if !in_figure && img > 1.0 && p / img < 0.5 {
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
    } else if (!is_list
        && weight < CONDITIONAL_HIGH_WEIGHT
        && ld > CONDITIONAL_LINK_DENSITY_LOW_WEIGHT)
        || (weight >= CONDITIONAL_HIGH_WEIGHT && ld > CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT)
    {
        Some(Rule::LinkDensity)
    } else if (embeds == 1 && content_len < 75) || embeds > 1 {
        Some(Rule::Embeds)
    } else if img == 0.0 && text_dens == 0.0 {
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

/// Ours: short blocks that are calls to action or teaser labels ("Read more: …", "Share
/// this", "Advertisement", "Tags: …") and short paragraphs that are nothing but a link
/// (teaser headlines between the article's paragraphs).
fn remove_boilerplate_lines(content: &NodeRef, explain: &mut Explain) {
    let blocks: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| {
            dom::is(
                d,
                &[
                    "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "td",
                    "small",
                ],
            )
        })
        .collect();
    // The last block whose text no pattern matched, and its length: a block inside it with
    // text as long has the same text (it is part of it), and is not asked again (a reference
    // list's `<li><span><cite>` chains asked the same patterns three times over).
    let mut unmatched: Option<(NodeRef, usize)> = None;
    for b in blocks {
        if b.parent().is_none() {
            continue;
        }
        let len = dom::text_len_capped(&b, NOTICE_MAX_CHARS);
        if len > NOTICE_MAX_CHARS || len == 0 {
            continue;
        }
        let same_text = unmatched
            .as_ref()
            .is_some_and(|(n, l)| *l == len && b.parent().as_ref() == Some(n));
        if !same_text {
            let text = dom::normalized_text(&b);
            // Protected blocks stay; asked only of a block about to go, as the question walks
            // the block's ancestors and its whole inside.
            let removable = || !guards_protected(&b);
            let lower = LowerText::new(&text);
            if NOTICE.matches(&lower) {
                if removable() {
                    explain.remove(&b, Rule::Notice, || text.clone());
                }
                continue;
            }
            if len > BOILERPLATE_LINE_MAX_CHARS {
                unmatched = Some((b.clone(), len));
                continue;
            }
            if BOILERPLATE_LINE.matches(&lower)
                || BOILERPLATE_PHRASE.matches(&lower)
                || AD_WORDS.matches(&lower)
                || (len <= CREDIT_LINE_MAX_CHARS && CREDIT_LINE.matches(&lower))
            {
                if removable() {
                    explain.remove(&b, Rule::BoilerplateLine, || text.clone());
                }
                continue;
            }
            // A date alone is the dateline, which the header shows; only whole blocks, never a
            // date inside a sentence.
            if len <= DATE_LINE_MAX_CHARS && DATE_LINE.matches(&lower) {
                // The date's whole block: climb from `<span>` through wrappers with no other text.
                let mut block = b.clone();
                while let Some(parent) = block.parent().filter(|p| p != content) {
                    if dom::text_len_capped(&parent, len) != len {
                        break;
                    }
                    block = parent;
                }
                if dom::is(&block, DATE_LINE_BLOCKS) {
                    if removable() {
                        explain.remove(&block, Rule::DateLine, || text.clone());
                    }
                    continue;
                }
            } else {
                unmatched = Some((b.clone(), len));
            }
        } else {
            unmatched = Some((b.clone(), len));
            if len > BOILERPLATE_LINE_MAX_CHARS {
                continue;
            }
        }
        if dom::is(&b, &["p"])
            && link_density(&b) >= 0.9
            && !b.walk_descendants().any(|d| dom::is(&d, &["img"]))
        {
            let hash_only = b
                .walk_descendants()
                .filter(|d| dom::is(d, &["a"]))
                .all(|a| dom::attr(&a, "href").is_some_and(|h| h.starts_with('#')));
            if !hash_only && !guards_protected(&b) {
                explain.remove(&b, Rule::LinkedTeaser, || dom::normalized_text(&b));
            }
        }
    }
}

/// The element before `node` among its siblings, skipping whitespace.
fn previous_element(node: &NodeRef) -> Option<NodeRef> {
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

/// Ours: captions written as a plain paragraph under an image ("Lee Elder at the Masters. |
/// © Augusta National/Getty Images"): a short block right after an image-only element that
/// names a photo credit, or that sits in a `<figure>` without a caption, becomes that image's
/// `<figcaption>`, so the reader shows it as a
/// caption and the article text leaves it out, as it does for marked-up captions.
fn mark_loose_captions(content: &NodeRef) {
    let blocks: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| dom::is(d, &["p", "div", "h2", "h3", "h4", "h5", "h6"]))
        .collect();
    for b in blocks {
        // Inside a <figure> without a <figcaption>, the text under the image is its caption
        // whatever it says; elsewhere only a photo credit makes it one.
        let figure = b.ancestors().find(|a| dom::is(a, &["figure"]));
        let in_bare_figure = figure
            .as_ref()
            .is_some_and(|f| !f.walk_descendants().any(|d| dom::is(&d, &["figcaption"])));
        if !in_bare_figure && (figure.is_some() || !dom::is(&b, &["p", "div"])) {
            continue;
        }
        if b.parent().is_none() || guards_protected(&b) {
            continue;
        }
        let len = dom::text_len_capped(&b, LOOSE_CAPTION_MAX_CHARS);
        if len == 0 || len > LOOSE_CAPTION_MAX_CHARS || has_block_descendant(&b) {
            continue;
        }
        let Some(image) = previous_element(&b) else {
            continue;
        };
        let image_only = (dom::is(&image, &["img", "picture"])
            || image.walk_descendants().any(|d| dom::is(&d, &["img"])))
            && dom::text_len(&image) == 0;
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

/// True when `href` points at a site's home page (`/`, `https://host/`, `index.html`).
fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    matches!(
        path,
        "" | "/" | "./" | "/index.html" | "/index.php" | "index.html"
    ) && !href.starts_with('#')
}

/// A short block of links, the first to the home page, and nothing else of substance.
fn is_breadcrumb_trail(d: &NodeRef) -> bool {
    if !dom::is(d, &["p", "div", "ol", "ul", "span"])
        || dom::text_len_capped(d, BREADCRUMB_MAX_CHARS) > BREADCRUMB_MAX_CHARS
        || d.walk_descendants().any(|p| dom::is(&p, &["p", "img"]))
    {
        return false;
    }
    let links: Vec<NodeRef> = d
        .walk_descendants()
        .filter(|a| dom::is(a, &["a"]))
        .collect();
    links.len() >= BREADCRUMB_MIN_LINKS
        && dom::attr(&links[0], "href").is_some_and(|h| is_home_link(&h))
}

/// Ours: breadcrumb trails without semantic markup ("Start › Archiv › This story") above the
/// article: a short block of at least [`BREADCRUMB_MIN_LINKS`] links whose first goes to the
/// home page, before the article's first real paragraph.
fn remove_breadcrumb_trails(content: &NodeRef, explain: &mut Explain) {
    let mut trails: Vec<NodeRef> = Vec::new();
    for d in content.walk_descendants() {
        if is_breadcrumb_trail(&d) && !trails.iter().any(|t| d.ancestors().any(|a| &a == t)) {
            trails.push(d);
        } else if dom::is(&d, &["p"])
            && dom::text_len_capped(&d, LEAD_PARAGRAPH_CHARS) >= LEAD_PARAGRAPH_CHARS
        {
            break;
        }
    }
    for t in trails {
        if !guards_protected(&t) {
            explain.remove(&t, Rule::Breadcrumbs, || dom::normalized_text(&t));
        }
    }
}

/// Ours: a heading that opens a block of teasers or comments ("Recent News", "Related
/// Articles", "Leave a Comment") goes with what follows it in its container, when that is
/// mostly links, a form, or nothing.
fn remove_trailing_sections(content: &NodeRef, explain: &mut Explain) {
    let headings: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| {
            dom::is(d, &["h2", "h3", "h4", "h5", "h6", "p", "div", "strong"])
                && dom::text_len_capped(d, 60) <= 60
        })
        .collect();
    for h in headings {
        if h.parent().is_none() || guards_protected(&h) {
            continue;
        }
        let text = dom::normalized_text(&h);
        if text.is_empty() || !TRAILING_SECTION_HEADING.is_match(&text) {
            continue;
        }
        // A paragraph or div counts as a heading only when it is all bold or all heading.
        if dom::is(&h, &["p", "div"])
            && !h
                .walk_descendants()
                .any(|d| dom::is(&d, &["strong", "b", "h2", "h3", "h4", "h5", "h6"]))
        {
            continue;
        }
        let followers: Vec<NodeRef> = h
            .following_siblings()
            .filter(|s| s.as_element().is_some() || dom::has_text(s))
            .collect();
        let total: usize = followers.iter().map(dom::text_len).sum();
        let linked: f64 = followers
            .iter()
            .map(|f| link_density(f) * dom::text_len(f) as f64)
            .sum();
        if total == 0 || linked / total as f64 >= 0.5 {
            let detail = text.clone();
            for f in followers {
                explain.remove(&f, Rule::TrailingSection, || detail.clone());
            }
            explain.remove(&h, Rule::TrailingSection, || text.clone());
        }
    }
}

/// Readability's last touches: empty paragraphs, `<br>` before a paragraph, single-cell
/// tables, and wrappers that hold a single block.
/// Ours: a block whose text repeats an earlier block of the article word for word is a copy
/// (the mobile and desktop versions of a section, both in the page and one hidden by a style
/// sheet; a carousel's cloned slides): the reader shows it once.
fn remove_repeated_blocks(content: &NodeRef, explain: &mut Explain) {
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

fn tidy(content: &NodeRef) {
    for p in content
        .walk_descendants()
        .filter(|d| dom::is(d, &["p"]))
        .collect::<Vec<_>>()
    {
        let media = p.walk_descendants().any(|d| {
            dom::is(
                &d,
                &[
                    "img", "embed", "object", "iframe", "picture", "video", "svg", "math",
                ],
            )
        });
        if !media && !dom::has_text(&p) {
            p.detach();
        }
    }
    for br in content
        .walk_descendants()
        .filter(|d| dom::is(d, &["br"]))
        .collect::<Vec<_>>()
    {
        let mut next = br.next_sibling();
        while let Some(n) = next.clone() {
            if n.as_text().is_some_and(|t| t.borrow().trim().is_empty()) {
                next = n.next_sibling();
            } else {
                break;
            }
        }
        if next.is_some_and(|n| dom::is(&n, &["p"])) {
            br.detach();
        }
    }
    for table in content
        .walk_descendants()
        .filter(|d| dom::is(d, &["table"]))
        .collect::<Vec<_>>()
    {
        let tbody = if has_single_child_tag(&table, "tbody") {
            dom::element_children(&table).next()
        } else {
            Some(table.clone())
        };
        let Some(tbody) = tbody else { continue };
        if !has_single_child_tag(&tbody, "tr") {
            continue;
        }
        let Some(row) = dom::element_children(&tbody).next() else {
            continue;
        };
        if !has_single_child_tag(&row, "td") {
            continue;
        }
        let Some(cell) = dom::element_children(&row).next() else {
            continue;
        };
        let name = if cell.children().all(|c| dom::is_phrasing(&c)) {
            "p"
        } else {
            "div"
        };
        let cell = dom::rename(&cell, name);
        table.insert_before(cell);
        table.detach();
    }
    for node in content
        .walk_descendants()
        .filter(|d| dom::is(d, &["div", "section"]))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        if node.parent().is_none() {
            continue;
        }
        if is_without_content(&node) {
            node.detach();
        } else if has_single_child_tag(&node, "div") || has_single_child_tag(&node, "section") {
            if let Some(child) = dom::element_children(&node).next() {
                node.insert_before(child);
                node.detach();
            }
        }
    }
}
