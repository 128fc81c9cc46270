//! Stage 5: selection. Picks the block that holds the article from the scores, and gathers
//! the siblings that belong with it (Readability's top-candidate logic: penalise link-heavy
//! candidates, prefer a common ancestor when the best candidates are split across it, climb
//! while parents score nearly as well, then join siblings that score close to the winner or
//! read like paragraphs).

use crate::dom;
use crate::dom::Walk;
use crate::marks::{POST_AUTHOR_ATTR, PROTECT_ATTR, STORY_ATTR, THREAD_ITEM_ATTR};
use crate::retry::Flags;
use crate::score::{initial_score, CommonClasses, Grab, Scores};
use crate::stats::TextStats;
use crate::tunables::{
    unlikely_named, ALTERNATIVE_SHARE, BUILDER_SECTION_LEVELS, COMMENT_FAMILY, HEADLINE_FAR_CHARS,
    HEADLINE_NEAR_CHARS, HEADLINE_NEAR_MIN_TEXT, HEADLINE_NEAR_SHARE, LAYOUT_CELL_MIN_CHARS,
    LAYOUT_CELL_MIN_LINK_DENSITY, LAYOUT_CELL_MIN_SHARE, LAYOUT_PROSE_LINE_CHARS,
    LAYOUT_ROW_MAX_LOOSE_CHARS, LEAD_MAX_KICKER_BYTES, LEAD_MIN_CHARS, LEAD_TAGS,
    MAIN_REGION_MIN_SHARE, MAIN_REGION_ROLE, MAIN_REGION_TAGS, MIN_ALIKE_ALTERNATIVES,
    MIN_ALTERNATIVES, OPENING_POST_LEVELS, PAGE_FOOTER_MAX_DEPTH, PARAGRAPH_MAX_LINK_DENSITY,
    POST_AUTHOR, POST_AUTHOR_BOX_MAX_CHARS, POST_AUTHOR_BOX_MAX_RUN, POST_AUTHOR_MAX_CHARS,
    POST_DATE_CLASSES, POST_DATE_ITEMPROPS, POST_GROUPS_MAX, PRODUCT_DESCRIPTION,
    PRODUCT_DESCRIPTION_MIN_CHARS, PROSE_HUB_MAX_ARTICLE_CHARS, REPEATED_ITEMS_LEVELS,
    REPEATED_ITEMS_MAX_LINK_DENSITY, REPEATED_ITEMS_MIN, REPEATED_ITEMS_MIN_REST,
    REPEATED_ITEM_CLASS_SHARE, REPEATED_ITEM_MIN_CHARS, REPEATED_ITEM_TAGS, SIBLING_FLOOR,
    SIBLING_GAP_MIN_CHARS, SIBLING_LABEL_MAX_CHARS, SIBLING_MAX_LINK_DENSITY,
    SIBLING_PARAGRAPH_CHARS, SIBLING_SHARE, SIBLING_UNSCORED_MAX_LINK_DENSITY,
    SIBLING_UNSCORED_MIN_CHARS, SPLIT_BODY_LEVELS, SPLIT_BODY_MAX_LINK_DENSITY, SPLIT_BODY_RATIO,
    TEASER_FEED_MIN_STORY_CHARS, TEASER_MAX_CHARS, TOP_CANDIDATES,
};
use kuchikiki::NodeRef;

/// The chosen article container and what was learnt choosing it.
pub(crate) struct Selected {
    /// A detached `<div>` holding the article's blocks.
    pub content: NodeRef,
    /// The text direction declared on the article or its ancestors.
    pub dir: Option<String>,
    /// A byline found in the page while scoring.
    pub byline: Option<String>,
    /// The class names common on the page, for cleaning's class weights.
    pub common_classes: CommonClasses,
    /// The best-scored block is a comment or sits in one ([`in_comment`]): the page's best
    /// text is its comments, so the page is a discussion whose comment tree is its content.
    pub in_comment: bool,
}

/// The whole body as the article (for a person's own selection, or reference HTML).
pub(crate) fn whole_body(document: &NodeRef) -> Selected {
    let content = dom::new_html_element("div", vec![]);
    if let Some(body) = dom::body(document) {
        dom::move_children(&body, &content);
    }
    Selected {
        content,
        dir: None,
        byline: None,
        common_classes: CommonClasses::default(),
        in_comment: false,
    }
}

/// The page's main region in `content`: its one outermost element of [`MAIN_REGION_TAGS`]
/// or [`MAIN_REGION_ROLE`] (none when there is none, or more than one).
pub(crate) fn main_region(content: &NodeRef) -> Option<NodeRef> {
    let is_main = |n: &NodeRef| {
        dom::is(n, MAIN_REGION_TAGS) || dom::attr(n, "role").as_deref() == Some(MAIN_REGION_ROLE)
    };
    let mut mains = content
        .walk_descendants()
        .filter(|n| is_main(n) && !dom::any_ancestor(n, &mut |a| is_main(a)));
    let main = mains.next()?;
    mains.next().is_none().then_some(main)
}

/// The cleaned article read from the page's main region ([`main_region`]) when it holds that
/// region and more, the region holding at least [`MAIN_REGION_MIN_SHARE`] of its text: a
/// winner high in the page (the body's wrapper) takes the chrome around `<main>` with it.
pub(crate) fn within_main_region(mut selected: Selected, kept: usize) -> Selected {
    if let Some(main) = main_region(&selected.content) {
        // Without the `kept` text of a list's entries (in the region: lists are) put back
        // against conditional cleaning, as the rules alone would leave the article.
        let all = dom::text_len(&selected.content).saturating_sub(kept);
        let len = dom::text_len(&main).saturating_sub(kept);
        if len < all && len as f64 >= MAIN_REGION_MIN_SHARE * all as f64 {
            selected.content = region_alone(main);
        }
    }
    selected
}

/// `region` taken out of its page into an article container of its own.
pub(crate) fn region_alone(region: NodeRef) -> NodeRef {
    let content = dom::new_html_element("div", vec![]);
    region.detach();
    content.append(region);
    content
}

/// Chooses the article in `page` (the scored body, detached from its document).
pub(crate) fn pick(page: &NodeRef, grab: Grab, flags: Flags) -> Selected {
    let Grab {
        mut scores,
        candidates,
        byline,
        stats,
        common_classes,
        headline,
    } = grab;
    // Link-heavy candidates lose score in proportion to their links.
    let mut top: Vec<(NodeRef, f64)> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for c in candidates {
        let s = scores.get(&c).unwrap_or(0.0) * (1.0 - stats.link_density(&c));
        scores.set(&c, s);
        let pos = top.iter().position(|(_, ts)| s > *ts).unwrap_or(top.len());
        if pos < TOP_CANDIDATES {
            top.insert(pos, (c, s));
            top.truncate(TOP_CANDIDATES);
        }
    }

    // A page that names its main region has its article there: a best candidate outside it
    // (and not around it) gives way to the best of the top candidates inside it (a
    // slideshow's caption box, whose class says `text`, above a landing page's `<main>`).
    if let Some(main) = top.first().and_then(|_| main_region(page)) {
        let first = &top[0].0;
        if !dom::within(first, &main) && !dom::within(&main, first) {
            prefer(&mut top, &|c, _| dom::within(c, &main));
        }
    }
    // A best candidate in the page's own footer (its about text, whose commas outscore a
    // story that lost its class words' points) gives way to the best outside it.
    if top.first().is_some_and(|(c, _)| in_page_footer(c)) {
        prefer(&mut top, &|c, _| !in_page_footer(c));
    }
    // A best candidate far below the page's headline (or above it) gives way to one that
    // holds it or follows it closely: the story follows its headline ([`HEADLINE_FAR_CHARS`]).
    if let (Some(h), Some((first, best_score))) = (&headline, top.first().cloned()) {
        let at = text_before(h, page, &stats);
        let after = |c: &NodeRef| {
            if dom::within(h, c) {
                Some(0)
            } else {
                text_before(c, page, &stats).checked_sub(at)
            }
        };
        if after(&first).is_none_or(|d| d > HEADLINE_FAR_CHARS) {
            let len = stats.text_len(&first) as f64;
            prefer(&mut top, &|c, s| {
                s >= HEADLINE_NEAR_SHARE * best_score
                    && after(c).is_some_and(|d| d <= HEADLINE_NEAR_CHARS)
                    && stats.text_len(c) as f64 >= HEADLINE_NEAR_MIN_TEXT * len
                    && !dom::within(&first, c)
            });
        }
    }
    // A best candidate that outscores a story below it by a feed of teasers beside the story
    // (the excerpts of a grid of teaser cards score the row that holds the story's column)
    // gives way to the story: the first of the top candidates inside it holding
    // [`TEASER_FEED_MIN_STORY_CHARS`] of paragraph text, when most of the rest is teasers.
    if let Some(first) = top
        .first()
        .filter(|_| top.len() > 1)
        .map(|(c, _)| c.clone())
    {
        prefer(&mut top, &|c, _| {
            dom::any_ancestor(c, &mut |a| *a == first)
                && paragraph_text(c, &stats) >= TEASER_FEED_MIN_STORY_CHARS
                && outscored_by_teasers(&first, c, &stats)
        });
    }
    let best = top.first().map(|(c, _)| c.clone());
    let is_page = |n: &NodeRef| n == page;
    let mut top_candidate = match top.first() {
        Some((c, _)) if !is_page(c) && !dom::is(c, &["body"]) => c.clone(),
        _ => {
            // No candidate: the whole page is the article.
            let div = dom::new_html_element("div", vec![]);
            dom::move_children(page, &div);
            page.append(div.clone());
            scores.set(&div, initial_score(&div, flags, &common_classes));
            div
        }
    };

    if top.len() > 1 && top.first().is_some_and(|(c, _)| c == &top_candidate) {
        let best = top[0].1;
        // On an attempt that leaves unlikely-named boxes in (a retry, for an article that sits
        // in one), a candidate in such a box the best one is not in is no alternative: the
        // sidebar or widgets the retry let back beside the article do not pull the selection
        // up to the wrapper that holds them both.
        let beside = |c: &NodeRef| {
            !flags.strip_unlikely
                && dom::any_inclusive_ancestor(c, &mut |a| {
                    unlikely_named(&dom::class_and_id(a))
                        && !dom::any_inclusive_ancestor(&top_candidate, &mut |t| t == a)
                })
        };
        let alts: Vec<&NodeRef> = top[1..]
            .iter()
            .filter(|(c, s)| best > 0.0 && s / best >= ALTERNATIVE_SHARE && !beside(c))
            .map(|(c, _)| c)
            .collect();
        // Two built alike (the same tag and classes: two posts of a thread) are as good as
        // three of any kind ([`MIN_ALIKE_ALTERNATIVES`]).
        let needed = match alts[..] {
            [a, b]
                if dom::tag(a) == dom::tag(b)
                    && dom::has_attr(a, "class")
                    && class_tokens(a) == class_tokens(b) =>
            {
                MIN_ALIKE_ALTERNATIVES
            }
            _ => MIN_ALTERNATIVES,
        };
        let alternatives: Vec<Vec<NodeRef>> =
            alts.iter().map(|c| c.ancestors().collect()).collect();
        if alternatives.len() >= needed {
            let mut parent = top_candidate.parent();
            while let Some(p) = parent.filter(|p| !is_page(p)) {
                let lists = alternatives.iter().filter(|a| a.contains(&p)).count();
                if lists >= needed {
                    top_candidate = p;
                    break;
                }
                parent = p.parent();
            }
        }
    }
    if !scores.contains(&top_candidate) {
        scores.set(
            &top_candidate,
            initial_score(&top_candidate, flags, &common_classes),
        );
    }

    // Climb while the parent scores nearly as well: the article is often split in
    // several scored blocks below one container.
    let mut last_score = scores.get(&top_candidate).unwrap_or(0.0);
    let threshold = last_score / 3.0;
    let mut parent = top_candidate.parent();
    while let Some(p) = parent.filter(|p| !is_page(p)) {
        let Some(ps) = scores.get(&p) else {
            parent = p.parent();
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last_score {
            // (Unless a feed of teasers beside a story that stands alone is what outscores it.)
            if paragraph_text(&top_candidate, &stats) < TEASER_FEED_MIN_STORY_CHARS
                || !outscored_by_teasers(&p, &top_candidate, &stats)
            {
                top_candidate = p;
            }
            break;
        }
        last_score = ps;
        parent = p.parent();
    }
    // An only child stands for its parent.
    while let Some(p) = top_candidate.parent().filter(|p| !is_page(p)) {
        if dom::element_children(&p).count() != 1 {
            break;
        }
        top_candidate = p;
    }
    top_candidate = escalate_split_body(top_candidate, page, &stats);
    top_candidate = escalate_repeated_items(top_candidate, page, &stats);
    add_opening_post(&top_candidate, page, &stats);
    let before_cell = top_candidate.clone();
    top_candidate = story_cell(top_candidate, &stats);
    // The story's cell stands alone: its row's other cells are what story_cell judged
    // furniture (a column of teasers scores like a sibling worth joining).
    let layout_cell = top_candidate != before_cell;
    if flags.sells {
        if let Some(description) = product_description(page, &stats) {
            top_candidate = description;
        }
    }
    if !scores.contains(&top_candidate) {
        scores.set(
            &top_candidate,
            initial_score(&top_candidate, flags, &common_classes),
        );
    }

    let in_comment = in_comment(&top_candidate, page);
    // On a discussion page, a comment's thread is the whole tree: its outermost element
    // classed as comments (the replies beside and above the best one).
    if in_comment && flags.discussion {
        if let Some(tree) = top_candidate
            .ancestors()
            .take_while(|a| !is_page(a))
            .filter(|a| dom::attr(a, "class").is_some_and(|c| COMMENT_FAMILY.is_match(&c)))
            .last()
        {
            top_candidate = tree;
        }
    }
    let dir = std::iter::once(top_candidate.clone())
        .chain(top_candidate.ancestors())
        .find_map(|a| dom::attr(&a, "dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");

    // Join siblings that belong with the winner.
    let content = dom::new_html_element("div", vec![]);
    let top_score = scores.get(&top_candidate).unwrap_or(0.0);
    let sibling_threshold = SIBLING_FLOOR.max(top_score * SIBLING_SHARE);
    let top_class = dom::attr(&top_candidate, "class").unwrap_or_default();
    let siblings: Vec<NodeRef> = match top_candidate.parent() {
        Some(p) if !layout_cell => dom::element_children(&p).collect(),
        _ => vec![top_candidate.clone()],
    };
    let winner_text = paragraph_text(&top_candidate, &stats);
    // (Found before the join moves the winner out of its page.)
    let opening = if layout_cell || flags.sells {
        Vec::new()
    } else {
        builder_sections_before(&top_candidate, page, &stats)
    };
    for section in opening.into_iter().rev() {
        content.append(section);
    }
    let mut past_winner = false;
    let mut joins: Vec<(NodeRef, bool)> = Vec::with_capacity(siblings.len());
    for sibling in siblings {
        let append = if sibling == top_candidate {
            past_winner = true;
            true
        } else if in_page_footer(&sibling) {
            // Ours: the page's own footer is no part of the story beside it, however its
            // text scores against a short winner's.
            false
        } else {
            let bonus = if !top_class.is_empty()
                && dom::attr(&sibling, "class").as_deref() == Some(top_class.as_str())
            {
                top_score * SIBLING_SHARE
            } else {
                0.0
            };
            // A feed of teasers beside a story that stands alone is no part of it.
            let feed = || {
                flags.story
                    && winner_text >= TEASER_FEED_MIN_STORY_CHARS
                    && teaser_text(&sibling, None, &stats) * 2 > stats.text_len(&sibling)
            };
            match scores.get(&sibling) {
                Some(s) if s != 0.0 && s + bonus >= sibling_threshold => !feed(),
                // A sibling no paragraph scored (its paragraphs sit deeper than the scores
                // climb: a page builder's section, a CMS field of extra sections) is judged by
                // its prose: enough of it, with hardly a link, continues the text. Only on a
                // story, or beside a winner longer than a prose hub's best block: a landing
                // page whose best section is short is read whole as a prose hub, and joining
                // one section would stop that.
                // So is a sibling before the winner that scored too little to join: the
                // story's summary or intro set in a box of its own, whose paragraphs hand
                // their score to deeper blocks (wcxb 0327, 0381). After the winner, a scored
                // box of prose that falls short is more often the page's questions and
                // answers or a review than the story's next section.
                score
                    if (score.is_none() || !past_winner)
                        && (flags.story || winner_text >= PROSE_HUB_MAX_ARTICLE_CHARS)
                        && stats.link_density(&sibling) < SIBLING_UNSCORED_MAX_LINK_DENSITY
                        && paragraph_text(&sibling, &stats) >= SIBLING_UNSCORED_MIN_CHARS =>
                {
                    true
                }
                _ if dom::is(&sibling, &["p"]) => {
                    let text = dom::normalized_text(&sibling);
                    let len = text.chars().count();
                    let ld = stats.link_density(&sibling);
                    (len > SIBLING_PARAGRAPH_CHARS && ld < SIBLING_MAX_LINK_DENSITY)
                        || (len < SIBLING_PARAGRAPH_CHARS
                            && len > 0
                            && ld == 0.0
                            && ends_sentence(&text))
                }
                _ => false,
            }
        };
        joins.push((sibling, append));
    }
    if !flags.sells {
        join_gaps(&mut joins, &stats);
    }
    if flags.story {
        drop_leading_labels(&mut joins, &top_candidate, &stats);
    }
    for (sibling, append) in joins {
        if append {
            let node = if dom::is(&sibling, &["div", "article", "section", "p"]) {
                sibling
            } else {
                dom::rename(&sibling, "div")
            };
            content.append(node);
        }
    }
    drop_follow_on_stories(&content, best.as_ref());
    head_posts(&content);
    Selected {
        content,
        dir,
        byline,
        common_classes,
        in_comment,
    }
}

/// Ours: whether `node` sits in one comment of several: it or one of its ancestors below
/// `page` is classed as a comment ([`COMMENT_FAMILY`]) and has a sibling of the same class.
/// The best block of an article with a comment section is the story, or the comment
/// section as a whole; when it is one of the comments, the page has no text of its own but
/// its comments (a link aggregator's story is a title and a link): they are what it is
/// read for.
fn in_comment(node: &NodeRef, page: &NodeRef) -> bool {
    std::iter::once(node.clone())
        .chain(node.ancestors())
        .take_while(|a| a != page)
        .any(|a| {
            let Some(class) = dom::attr(&a, "class").filter(|c| COMMENT_FAMILY.is_match(c)) else {
                return false;
            };
            let alike = |s: &NodeRef| s != &a && dom::attr(s, "class").as_deref() == Some(&class);
            a.parent()
                .is_some_and(|p| dom::element_children(&p).any(|s| alike(&s)))
        })
}

/// Ours: on a story, a short box before the winner that closes no sentence stays out of
/// it: the headline set again in a box of its own, a dateline ("Last Updated : 9 Mar,
/// 2026"), a byline, a breadcrumb, a blog's label, a photo credit, a price row (each under
/// [`SIBLING_LABEL_MAX_CHARS`] of text; wcxb 0086, 0343, 0395, 0462, 0471, 4020, 4591,
/// trafilatura's freitag). Readability joins such a box when it scores; the page's header already says
/// what it says. A paragraph is judged by Readability's own sentence test, and a short
/// intro that ends its sentence still opens the story (wcxb 0184).
fn drop_leading_labels(joins: &mut [(NodeRef, bool)], winner: &NodeRef, stats: &TextStats) {
    for (sibling, append) in joins.iter_mut() {
        if sibling == winner {
            return;
        }
        if *append
            && !dom::is(sibling, &["p"])
            && stats.text_len(sibling) < SIBLING_LABEL_MAX_CHARS
            && !closes_sentence(&dom::normalized_text(sibling))
        {
            *append = false;
        }
    }
}

/// Ours: whether `text`'s last visible character closes a sentence (`.`, `!`, `?`, `…`, the
/// CJK full stops `。`, `！`, `？`: a Chinese sentence may have under 40 characters), past
/// the zero-width and invisible characters editors leave at a block's end ("alone.\u{200d}",
/// "well.\u{2063}").
pub(crate) fn closes_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || ('\u{200b}'..='\u{200d}').contains(&c)
            || ('\u{2060}'..='\u{2064}').contains(&c)
            || c == '\u{feff}'
    })
    .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Ours: a sibling left out between two that join the winner joins too when it holds prose
/// ([`SIBLING_GAP_MIN_CHARS`] of paragraph text, less link density than
/// [`SIBLING_MAX_LINK_DENSITY`]): the text goes on around it, and a section that scored a
/// little short of the threshold (or not at all: its paragraphs sit deeper than the scores
/// climb) is no furniture set in the middle of it. `joins`: the winner's parent's children
/// with whether each joins, in order.
fn join_gaps(joins: &mut [(NodeRef, bool)], stats: &TextStats) {
    let first = joins.iter().position(|(_, append)| *append);
    let last = joins.iter().rposition(|(_, append)| *append);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    for (sibling, append) in &mut joins[first..last] {
        if !*append
            && stats.link_density(sibling) < SIBLING_MAX_LINK_DENSITY
            && paragraph_text(sibling, stats) >= SIBLING_GAP_MIN_CHARS
        {
            *append = true;
        }
    }
}

/// The page builder's boxes before the one holding the winner ([`BUILDER_SECTION_LEVELS`]):
/// at each level above the winner's parent, the run of element siblings right before it
/// (passing over those without text) built alike with it whose prose would join as an
/// unscored sibling's does. Nearest first.
fn builder_sections_before(candidate: &NodeRef, page: &NodeRef, stats: &TextStats) -> Vec<NodeRef> {
    let mut sections = Vec::new();
    let Some(mut node) = candidate.parent() else {
        return sections;
    };
    for _ in 0..BUILDER_SECTION_LEVELS {
        let Some(parent) = node.parent() else { break };
        if &node == page || &parent == page || dom::is(&parent, &["body", "html"]) {
            break;
        }
        let classes = class_tokens(&node);
        let mut sibling = node.previous_sibling();
        while let Some(s) = sibling {
            sibling = s.previous_sibling();
            if s.as_element().is_none() || stats.text_len(&s) == 0 {
                continue;
            }
            if !built_alike(&node, &classes, &s)
                || stats.link_density(&s) >= SIBLING_UNSCORED_MAX_LINK_DENSITY
                || paragraph_text(&s, stats) < SIBLING_UNSCORED_MIN_CHARS
            {
                break;
            }
            sections.push(s);
        }
        node = parent;
    }
    sections
}

/// A shop's product page holds its product's description, written prose, among the
/// furniture of selling: the price box, delivery and warranty notes, specification rows,
/// accessories, customers' reviews and questions, the shop's own pitch. Their paragraphs,
/// all under one `<main>`, add up to outscore the description (Readability gives every
/// paragraph's score to its ancestors), and a reader wants the description. On a page that
/// says it sells a product, the block named for it ([`PRODUCT_DESCRIPTION`]: WooCommerce's
/// `tab-description`, Shopify's `product__description`, `id="desc"`) with the most
/// paragraph text, at least [`PRODUCT_DESCRIPTION_MIN_CHARS`] of it (a short blurb or a
/// colour's "description" is no product's text), is the article.
fn product_description(page: &NodeRef, stats: &TextStats) -> Option<NodeRef> {
    let mut best: Option<(NodeRef, usize)> = None;
    let mut node = page.first_child();
    while let Some(d) = node {
        if dom::is(&d, &["div", "section", "article", "main"])
            && PRODUCT_DESCRIPTION.is_match(&dom::class_and_id(&d))
            && stats.link_density(&d) < PARAGRAPH_MAX_LINK_DENSITY
        {
            let text = paragraph_text(&d, stats);
            if text >= PRODUCT_DESCRIPTION_MIN_CHARS && best.as_ref().is_none_or(|(_, b)| text > *b)
            {
                best = Some((d.clone(), text));
            }
            // A description inside this one holds no more paragraph text: not measured (the
            // measure walks the block, and nested ones would cost the square of the depth).
            node = dom::next_skipping_children(&d, page);
            continue;
        }
        node = dom::next_in_order(&d, page);
    }
    best.map(|(d, _)| d)
}

/// Moves the first of the `top` candidates that `better` accepts (a candidate, its score) to
/// the front, the others keeping their order.
#[inline(never)]
fn prefer(top: &mut [(NodeRef, f64)], better: &dyn Fn(&NodeRef, f64) -> bool) {
    if let Some(i) = top.iter().position(|(c, s)| better(c, *s)) {
        top[..=i].rotate_right(1);
    }
}

/// Ours: whether `node` sits in the page's own footer ([`PAGE_FOOTER_MAX_DEPTH`]).
fn in_page_footer(node: &NodeRef) -> bool {
    dom::any_inclusive_ancestor(node, &mut |a| {
        dom::is(a, &["footer"])
            && a.ancestors().count() <= PAGE_FOOTER_MAX_DEPTH
            && !dom::has_ancestor(a, &["article", "main"], None)
    })
}

/// Characters of text before `node` in `page`, in reading order.
#[inline(never)]
fn text_before(node: &NodeRef, page: &NodeRef, stats: &TextStats) -> usize {
    node.inclusive_ancestors()
        .take_while(|a| a != page)
        .flat_map(|a| a.preceding_siblings())
        .map(|s| stats.text_len(&s))
        .sum()
}

/// Characters of paragraph text below `node`: `<p>`s (scoring turned text-only `<div>`s into
/// paragraphs) that are not mostly links.
fn paragraph_text(node: &NodeRef, stats: &TextStats) -> usize {
    node.walk_descendants()
        // (Only the others than a `<p>` walk their ancestors.)
        .filter(|d| match dom::tag(d) {
            "p" => true,
            "pre" | "blockquote" => !dom::has_ancestor(d, &["p", "pre", "blockquote"], None),
            _ => false,
        })
        .filter(|p| stats.link_density(p) < PARAGRAPH_MAX_LINK_DENSITY)
        .map(|p| stats.text_len(&p))
        .sum()
}

/// A story cut into sibling chunks (subheading and text, slides) scores chunk by chunk, and
/// the climb stops at one chunk. An ancestor holding much more paragraph text, with few
/// links, is the story.
fn escalate_split_body(candidate: NodeRef, page: &NodeRef, stats: &TextStats) -> NodeRef {
    let mut best = candidate.clone();
    let mut best_text = paragraph_text(&candidate, stats);
    for ancestor in candidate.ancestors().take(SPLIT_BODY_LEVELS) {
        if &ancestor == page || dom::is(&ancestor, &["body", "html"]) {
            break;
        }
        if stats.link_density(&ancestor) >= SPLIT_BODY_MAX_LINK_DENSITY {
            break;
        }
        let text = paragraph_text(&ancestor, stats);
        if text as f64 >= SPLIT_BODY_RATIO * best_text as f64
            && (best_text < TEASER_FEED_MIN_STORY_CHARS
                || !outscored_by_teasers(&ancestor, &best, stats))
        {
            best = ancestor;
            best_text = text;
        }
    }
    best
}

/// A layout table chosen as the article, or one of its rows (2008's news pages: a row for the
/// logo, then a navigation column, the story's cell and a column of links): the story's cell
/// is the article when, at each level down (rows of the table, cells of the row), one part
/// holds nearly all of the text outside links of the parts with running text
/// ([`LAYOUT_CELL_MIN_SHARE`], a story's worth:
/// [`LAYOUT_CELL_MIN_CHARS`]) and every other part is links ([`LAYOUT_CELL_MIN_LINK_DENSITY`])
/// or holds no text, or holds no running text: no line of [`LAYOUT_PROSE_LINE_CHARS`] outside
/// links (a column of teasers, each a linked headline and a line of summary; a weather and
/// markets box); among the rows, a row holding a line or two outside links
/// ([`LAYOUT_ROW_MAX_LOOSE_CHARS`]: the footer's copyright line, a date) is furniture too.
/// A cell is scored as a paragraph (Readability's `td`), so a story cell
/// hands its whole text to the row and the table above it, which then outscore the cell
/// itself (and Readability, whose scoring this is, keeps the navigation columns too). A row
/// of two cells of prose stays whole.
fn story_cell(candidate: NodeRef, stats: &TextStats) -> NodeRef {
    let unlinked = |n: &NodeRef| stats.text_len(n) as f64 * (1.0 - stats.link_density(n));
    let is_furniture = |n: &NodeRef| {
        stats.text_len(n) == 0
            || stats.link_density(n) >= LAYOUT_CELL_MIN_LINK_DENSITY
            || (dom::is(n, &["tr"]) && unlinked(n) <= LAYOUT_ROW_MAX_LOOSE_CHARS as f64)
            || !holds_prose(n)
    };
    let mut node = candidate.clone();
    while dom::is(&node, &["table", "tbody", "tr"]) {
        // The story is the part with the most text outside links among those with running
        // text; its share is of their text (a column of teasers may hold as much as a brief).
        let parts: Vec<NodeRef> = dom::element_children(&node).collect();
        let prose: Vec<&NodeRef> = parts.iter().filter(|p| holds_prose(p)).collect();
        let Some(main) = prose
            .iter()
            .max_by(|a, b| unlinked(a).total_cmp(&unlinked(b)))
        else {
            return candidate;
        };
        let text = unlinked(main);
        let prose_text: f64 = prose.iter().map(|p| unlinked(p)).sum();
        if text < LAYOUT_CELL_MIN_CHARS as f64
            || text < LAYOUT_CELL_MIN_SHARE * prose_text
            || !parts.iter().filter(|p| p != main).all(is_furniture)
        {
            return candidate;
        }
        node = (*main).clone();
    }
    if dom::is(&node, &["td", "th"]) {
        node
    } else {
        candidate
    }
}

/// Whether `node` holds a line of running text: [`LAYOUT_PROSE_LINE_CHARS`] characters
/// outside links between two breaks (a `<br>` or the edge of a block).
fn holds_prose(node: &NodeRef) -> bool {
    let mut line = 0;
    let mut next = Some(node.clone());
    while let Some(n) = next {
        if dom::is(&n, &["a"]) {
            next = dom::next_skipping_children(&n, node);
            continue;
        }
        if let Some(text) = n.as_text() {
            line += dom::fold_len(&text.borrow());
            if line >= LAYOUT_PROSE_LINE_CHARS {
                return true;
            }
        } else if n.as_element().is_some() && (dom::is(&n, &["br"]) || !dom::is_phrasing(&n)) {
            line = 0;
        }
        next = dom::next_in_order(&n, node);
    }
    false
}

/// The class tokens of an element, for comparing siblings.
fn class_tokens(node: &NodeRef) -> Vec<String> {
    crate::text::sorted_unique(
        dom::attr(node, "class")
            .unwrap_or_default()
            .split_ascii_whitespace()
            .map(str::to_owned)
            .collect(),
    )
}

/// Siblings built alike: the same tag and mostly the same classes (`post bg1` and
/// `post bg2`, a first post with one class more).
fn built_alike(a: &NodeRef, a_classes: &[String], b: &NodeRef) -> bool {
    if dom::tag(a) != dom::tag(b) {
        return false;
    }
    let b_classes = class_tokens(b);
    if a_classes.is_empty() || b_classes.is_empty() {
        return a_classes.is_empty() && b_classes.is_empty() && dom::is(a, REPEATED_ITEM_TAGS);
    }
    let shared = shared_count(a_classes, &b_classes);
    let all = a_classes.len() + b_classes.len() - shared;
    shared as f64 >= REPEATED_ITEM_CLASS_SHARE * all as f64
}

/// How many tokens two sorted lists without repeats ([`class_tokens`]) share: one walk along
/// both (a scan of one list for each token of the other was quadratic in a class attribute's
/// tokens: a thread of 50 posts each of 10,000 classes took half a minute).
fn shared_count(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Whether `parent` outscores `child` by a feed of teasers beside it: most of the parent's text
/// outside the child is [`teaser_text`] (a "Latest" feed after a story, whose long excerpts
/// score like paragraphs).
fn outscored_by_teasers(parent: &NodeRef, child: &NodeRef, stats: &TextStats) -> bool {
    let rest = stats.text_len(parent).saturating_sub(stats.text_len(child));
    teaser_text(parent, Some(child), stats) * 2 > rest
}

/// The text below `root` (outside `skip`) in teaser cards: runs of at least
/// [`REPEATED_ITEMS_MIN`] siblings built alike, each holding a linked heading over at most
/// [`TEASER_MAX_CHARS`] (another story's title over its excerpt; a buying guide's sections,
/// each a linked product name over its review, are longer).
fn teaser_text(root: &NodeRef, skip: Option<&NodeRef>, stats: &TextStats) -> usize {
    // The elements with a heading below them, from one walk: only they may hold a linked
    // heading (each element's items were walked whole for one, the page once per level).
    // (The table of scores as a set of nodes: no hash table's code of its own.)
    let mut holders = Scores::default();
    for h in dom::descendants_named(root, &["h2", "h3", "h4"]) {
        for a in h.ancestors() {
            if holders.contains(&a) {
                break;
            }
            holders.set(&a, 0.0);
            if a == *root {
                break;
            }
        }
    }
    let linked_heading = |item: &NodeRef| {
        holders.contains(item)
            && item.walk_descendants().any_node(&mut |h| {
                dom::is(h, &["h2", "h3", "h4"])
                    && (h.walk_descendants().any_node(&mut |a| dom::is(a, &["a"]))
                        || h.ancestors()
                            .take_while(|a| a != item)
                            .any(|a| dom::is(&a, &["a"])))
            })
    };
    let mut teasers = 0;
    let mut next = Some(root.clone());
    while let Some(run) = next {
        // `skip` and what is below it are passed over in one step.
        if skip == Some(&run) {
            next = dom::next_skipping_children(&run, root);
            continue;
        }
        next = dom::next_in_order(&run, root);
        if run.as_element().is_none() || !holders.contains(&run) {
            continue;
        }
        // The first item with a linked heading, and those built like it (a feed's own
        // heading, "Latest", comes first).
        let Some(first) = dom::element_children(&run).find(linked_heading) else {
            continue;
        };
        let classes = class_tokens(&first);
        let alike: Vec<NodeRef> = dom::element_children(&run)
            .filter(|s| {
                built_alike(&first, &classes, s)
                    && stats.text_len(s) <= TEASER_MAX_CHARS
                    && linked_heading(s)
            })
            .collect();
        if alike.len() >= REPEATED_ITEMS_MIN {
            teasers += alike
                .iter()
                .filter(|i| !skip.is_some_and(|s| dom::within(s, i)))
                .map(|i| stats.text_len(i))
                .sum::<usize>();
        }
    }
    teasers
}

/// A thread (forum posts, answers, a listing's story summaries) is a run of siblings built
/// alike, each with its own text, and the winner is one of them (the longest post). When
/// the winner, or an ancestor a few levels up, has at least [`REPEATED_ITEMS_MIN`] such
/// siblings holding text of their own and few links, their parent is the article: every
/// post, in order. Teaser lists are mostly links and do not qualify; a layout's rows differ
/// in build or have no text of their own.
fn escalate_repeated_items(candidate: NodeRef, page: &NodeRef, stats: &TextStats) -> NodeRef {
    let readable = |n: &NodeRef| readable_item(n, stats);
    let mut node = candidate.clone();
    for _ in 0..REPEATED_ITEMS_LEVELS {
        let Some(parent) = node.parent() else { break };
        if &parent == page || dom::is(&parent, &["body", "html"]) || !readable(&node) {
            break;
        }
        let classes = class_tokens(&node);
        let others: Vec<NodeRef> = dom::element_children(&parent)
            .filter(|s| s != &node && built_alike(&node, &classes, s) && readable(s))
            .collect();
        let others_len: usize = others.iter().map(|s| stats.text_len(s)).sum();
        // (A long first post and short replies, each naming its author, are a thread: the
        // first post's name may have gone as the page's byline.)
        if others.len() + 1 >= REPEATED_ITEMS_MIN
            && (others_len as f64 >= REPEATED_ITEMS_MIN_REST * stats.text_len(&node) as f64
                || others.iter().all(|i| post_author(i).is_some()))
            && stats.link_density(&parent) < REPEATED_ITEMS_MAX_LINK_DENSITY
        {
            for item in others.iter().chain(std::iter::once(&node)) {
                dom::set_attr(item, THREAD_ITEM_ATTR, "1");
            }
            return parent;
        }
        node = parent;
    }
    candidate
}

/// A thread's opening post set apart from the list of replies (a forum theme that puts the
/// first post above the block of replies, a few levels up): when `list`'s children are a
/// thread's posts ([`REPEATED_ITEMS_MIN`] built alike, with text of their own, all but one
/// naming an author: a review's product cards are no thread), an element
/// before the list or before one of its nearest ancestors ([`OPENING_POST_LEVELS`]), with
/// its own text, that shares a class token with the posts (`js-post`) is put first in it.
fn add_opening_post(list: &NodeRef, page: &NodeRef, stats: &TextStats) {
    // (Through wrappers of one child.)
    let mut list = list.clone();
    loop {
        let children: Vec<NodeRef> = dom::element_children(&list).collect();
        match children.as_slice() {
            [only] => list = only.clone(),
            _ => break,
        }
    }
    let Some(first) = dom::element_children(&list).find(|n| readable_item(n, stats)) else {
        return;
    };
    let classes = class_tokens(&first);
    let (mut posts, mut authored) = (0, 0);
    for item in dom::element_children(&list) {
        if readable_item(&item, stats) && built_alike(&first, &classes, &item) {
            posts += 1;
            authored += usize::from(post_author(&item).is_some());
        }
    }
    if classes.is_empty() || posts < REPEATED_ITEMS_MIN || authored + 1 < posts {
        return;
    }
    // (Or whose children share one with the first post's: Stack Exchange's question,
    // `question js-question`, and answers, `answer js-answer`, each hold a `post-layout`.)
    let inner = crate::text::sorted_unique(child_tokens(&first));
    let mut node = list.clone();
    for _ in 0..OPENING_POST_LEVELS {
        if &node == page || dom::is(&node, &["body", "html"]) {
            return;
        }
        let mut sibling = node.previous_sibling();
        while let Some(s) = sibling {
            if s.as_element().is_some()
                && readable_item(&s, stats)
                && (shared_count(&class_tokens(&s), &classes) > 0
                    || child_tokens(&s)
                        .iter()
                        .any(|c| inner.binary_search(c).is_ok()))
            {
                list.prepend(s);
                return;
            }
            sibling = s.previous_sibling();
        }
        let Some(parent) = node.parent() else { return };
        node = parent;
    }
}

/// The class tokens of an element's children.
fn child_tokens(node: &NodeRef) -> Vec<String> {
    dom::element_children(node)
        .flat_map(|c| class_tokens(&c))
        .collect()
}

/// An item of a thread: text of its own ([`REPEATED_ITEM_MIN_CHARS`]), few links.
fn readable_item(n: &NodeRef, stats: &TextStats) -> bool {
    stats.text_len(n) >= REPEATED_ITEM_MIN_CHARS
        && stats.link_density(n) < REPEATED_ITEMS_MAX_LINK_DENSITY
}

/// The first element of a post that names its author (`itemprop="author"`, a class or id
/// with [`POST_AUTHOR`]), outside quotes and replies nested in it, that gives a name short
/// enough to be one: the text of its `itemprop="name"`, else of its first link, else its own
/// when it has no parts (a rank beside a name the page's script fills in is no name); failing
/// that, the first term of a poster's card ([`poster_card_term`]).
fn post_author(item: &NodeRef) -> Option<(NodeRef, String)> {
    let classes = class_tokens(item);
    let mut card = None;
    for d in item.walk_descendants() {
        let Some(el) = d.as_element() else { continue };
        let itemprop = |n: &NodeRef, word: &str| {
            n.as_element().is_some_and(|e| {
                dom::get(&e.attributes.borrow(), "itemprop").is_some_and(|p| p.contains(word))
            })
        };
        let named = {
            let attrs = el.attributes.borrow();
            let has = |name| dom::get(&attrs, name).is_some_and(|v| POST_AUTHOR.is_match(v));
            has("class") || has("id")
        } || itemprop(&d, "author");
        if !named && card.is_none() && poster_card_term(&d) {
            card = Some(d.clone());
        }
        if !named
            || d.ancestors()
                .take_while(|a| a != item)
                .any(|a| dom::is(&a, &["blockquote"]) || built_alike(item, &classes, &a))
        {
            continue;
        }
        let name_node = d
            .walk_inclusive()
            .find_node(&mut |n| itemprop(n, "name") && dom::has_text(n))
            .or_else(|| {
                // Not a link around a picture: the avatar, whose text is its letter and a
                // status for screen readers (NodeBB's "J Offline").
                d.walk_inclusive().find_node(&mut |n| {
                    dom::is(n, &["a"])
                        && dom::has_text(n)
                        && !n.descendants().any(|c| dom::is(&c, &["img"]))
                })
            })
            .or_else(|| {
                dom::element_children(&d)
                    .next()
                    .is_none()
                    .then(|| d.clone())
            });
        if let Some(name_node) = name_node {
            let name = dom::normalized_text(&name_node);
            if (1..=POST_AUTHOR_MAX_CHARS).contains(&name.chars().count()) {
                return Some((d, name));
            }
        }
    }
    // No element names the author: the first term of a poster's card does.
    let term = card?;
    let name = dom::normalized_text(&term);
    (1..=POST_AUTHOR_MAX_CHARS)
        .contains(&name.chars().count())
        .then_some((term, name))
}

/// The first term of a poster's card: forum engines that set the poster as a definition list
/// (FluxBB and PunBB's `.postleft > dl > dt`, phpBB 3.0's `dl.postprofile > dt`: the name,
/// then rank, "Posts:", "Registered:" as `<dd>`s) name no author class. A `<dt>` that opens
/// its `<dl>`, a list short enough to be a card ([`POST_AUTHOR_BOX_MAX_CHARS`]) whose entries
/// are no longer than a line ([`POST_AUTHOR_BOX_MAX_RUN`]: a glossary's or an API
/// reference's definitions are sentences). Asked only when no element of the post names its
/// author; the name is the term's text (`<dt><strong>seth</strong></dt>`).
fn poster_card_term(d: &NodeRef) -> bool {
    dom::is(d, &["dt"])
        && d.parent().is_some_and(|dl| {
            dom::is(&dl, &["dl"])
                && dom::element_children(&dl).next().as_ref() == Some(d)
                && dom::text_len(&dl) <= POST_AUTHOR_BOX_MAX_CHARS
                && dom::element_children(&dl).all(|c| dom::text_len(&c) <= POST_AUTHOR_BOX_MAX_RUN)
        })
}

/// The posts of the threads in `content`: groups of at least [`REPEATED_ITEMS_MIN`] siblings
/// built alike, one fewer of them naming an author ([`post_author`]: the first post's author
/// box is often taken for the page's byline while scoring); each post that names one gets
/// its author's line ([`head_post`]). Siblings are compared with the first of at most
/// [`POST_GROUPS_MAX`] groups each.
fn head_posts(content: &NodeRef) {
    let mut posts = Vec::new();
    for parent in content.walk_inclusive() {
        let mut groups: Vec<(Vec<String>, Vec<NodeRef>)> = Vec::new();
        for child in dom::element_children(&parent) {
            let full = groups.len() >= POST_GROUPS_MAX;
            match groups
                .iter_mut()
                .find(|(classes, items)| built_alike(&items[0], classes, &child))
            {
                Some(group) => group.1.push(child),
                None if !full => groups.push((class_tokens(&child), vec![child])),
                None => {}
            }
        }
        for (_, items) in groups {
            let n = items.len();
            // (A group too small to be posts is not walked for authors: every element's
            // subtree was, once for each of its ancestors.)
            if n < REPEATED_ITEMS_MIN {
                continue;
            }
            let authored: Vec<_> = items
                .into_iter()
                .filter_map(|item| post_author(&item).map(|a| (item, a)))
                .collect();
            if n >= REPEATED_ITEMS_MIN && authored.len() + 1 >= REPEATED_ITEMS_MIN {
                posts.extend(authored);
            }
        }
    }
    for (item, (author, name)) in posts {
        // (An outer post's box may hold a reply's, gone with it.)
        if dom::any_ancestor(&author, &mut |a| *a == item)
            && !dom::is(&item, &["tr", "tbody", "table"])
        {
            dom::set_attr(&item, THREAD_ITEM_ATTR, "1");
            head_post(&item, author, name);
        }
    }
}

/// Ours: a thread's post shown with its author (issue 17: "every post in order, with its
/// author"). Forum software sets the author's name in a box of their own (name, rank, post
/// count, join date: `crumbshotModeratorPosts: 5,120` once glued) and the date in the post's
/// header, which cleaning takes for link-heavy furniture. The post gets a line of its own in
/// front, "name · date" (the first `<time>` outside quotes); the author's box (the largest
/// block around the name of at most [`POST_AUTHOR_BOX_MAX_CHARS`], less than half the post's
/// text, without a sentence or a heading: a card's title is no part of it) and the date are
/// marked to go once cleaning has measured the blocks around them as they were. A post whose
/// text cleaning removed loses its line too (a teaser card's author and date alone).
fn head_post(item: &NodeRef, author: NodeRef, mut name: String) {
    let item_len = dom::text_len(item);
    let mut author_box = author;
    while let Some(parent) = author_box.parent().filter(|p| p != item) {
        let len = dom::text_len(&parent);
        if len > POST_AUTHOR_BOX_MAX_CHARS
            || len * 2 >= item_len
            || parent.walk_descendants().any_node(&mut |d| {
                dom::is(d, dom::HEADINGS)
                    || d.as_text().is_some_and(|t| {
                        t.borrow().trim().chars().count() > POST_AUTHOR_BOX_MAX_RUN
                    })
            })
        {
            break;
        }
        author_box = parent;
    }
    dom::set_attr(&author_box, POST_AUTHOR_ATTR, "box");
    let line = dom::new_html_element("p", vec![]);
    // Protected: a short post ("+1", a link) is as much a post as a long one.
    dom::set_attr(&line, PROTECT_ATTR, "1");
    dom::set_attr(&line, POST_AUTHOR_ATTR, "line");
    // The first `<time>` (or microdata date); failing that, the first element classed as a
    // date ([`POST_DATE_CLASSES`]).
    let mut classed = None;
    let mut date = None;
    for d in item.walk_descendants() {
        let (tagged, by_class) = post_date(&d);
        if (tagged || (by_class && classed.is_none()))
            && !dom::has_ancestor(&d, &["blockquote"], None)
            && (1..=POST_AUTHOR_MAX_CHARS).contains(&dom::text_len(&d))
        {
            if tagged {
                date = Some(d);
                break;
            }
            classed = Some(d);
        }
    }
    if let Some(time) = date.or(classed) {
        // A stamp in ISO 8601's date-time form (`2006-09-01T16:07+00:00`, a microdata
        // `<time>` a stylesheet hides) is for machines: it goes, and names no date.
        let text = dom::normalized_text(&time);
        if !machine_stamp(&text) {
            name.push_str(" · ");
            name.push_str(&text);
        }
        dom::set_attr(&time, POST_AUTHOR_ATTR, "box");
    }
    line.append(NodeRef::new_text(name));
    item.prepend(line);
}

/// Whether an element is a post's date: a `<time>`, or an element that says it is one in
/// microdata ([`POST_DATE_ITEMPROPS`]); and whether its class says so ([`POST_DATE_CLASSES`]).
fn post_date(d: &NodeRef) -> (bool, bool) {
    let Some(el) = d.as_element() else {
        return (false, false);
    };
    if &*el.name.local == "time" {
        return (true, false);
    }
    let attrs = el.attributes.borrow();
    let tagged = dom::get(&attrs, "itemprop")
        .is_some_and(|p| POST_DATE_ITEMPROPS.iter().any(|w| p.contains(w)));
    let by_class = dom::get(&attrs, "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| POST_DATE_CLASSES.iter().any(|w| t.eq_ignore_ascii_case(w)))
    });
    (tagged, by_class)
}

/// A date and time as ISO 8601 writes them for machines: a `T` between digits, with no space.
fn machine_stamp(text: &str) -> bool {
    let b = text.as_bytes();
    !text.contains(' ')
        && (1..b.len().saturating_sub(1))
            .any(|i| b[i] == b'T' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

/// Contains a period followed by a space or the end: reads like a sentence.
fn ends_sentence(text: &str) -> bool {
    text.match_indices('.').any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.is_empty() || rest.starts_with(' ')
    })
}

/// Infinite-scroll pages append the next story as another `<article>` with its own
/// headline. When the chosen content holds several such stories, only the one holding the
/// best-scoring block is the article the person opened; when that block is in none of them,
/// none goes (a page's sections may be `<article>`s under headings of their own).
fn drop_follow_on_stories(content: &NodeRef, best: Option<&NodeRef>) {
    // Outermost articles only: an <article> inside another is part of it.
    let stories: Vec<NodeRef> = dom::descendants_where(content, &|d| {
        dom::is(d, &["article"])
            && d.ancestors()
                .take_while(|a| a != content)
                .all(|a| !dom::is(&a, &["article"]))
    });
    if stories.len() < 2 {
        return;
    }
    let holding = best.and_then(|b| stories.iter().find(|s| dom::within(b, s)));
    // When the best block is in none of them (it holds them all, or lies outside), which is
    // the article is not known: a page's sections set as `<article>`s (a recipe's
    // instructions, a CMS's content elements, each under its own heading) are no follow-on
    // stories, and none goes.
    let Some(keep) = holding.cloned() else {
        return;
    };
    // A page none of whose stories carries its title is a listing of them (a front page of
    // story summaries): all of them are what it shows.
    if dom::has_attr(&keep, STORY_ATTR) {
        return;
    }
    // Marked by preparation, before class rules strip headers like `entry-header`.
    for s in stories
        .iter()
        .filter(|s| **s != keep && dom::has_attr(s, STORY_ATTR))
    {
        s.detach();
    }
}

/// The standfirst (lead paragraph) often sits in the article's header, above the block that
/// wins, and is what the page's description repeats: the description is the lead (perhaps
/// cut short), or the lead followed by the body's first words (automatic excerpts). When a
/// block of the page says it, comes before the chosen content and is not in it, it leads the
/// article.
///
/// Found in the page as parsed ([`Lead::find`], before preparation: a `<header>` holding the
/// headline and a standfirst shorter than a kept paragraph goes with the site's header) and
/// put in front of the article once it is chosen ([`Lead::insert`]). The body may open with
/// the standfirst's first sentence and go on otherwise: the standfirst still leads.
pub(crate) struct Lead {
    /// The description, whitespace folded.
    wanted: String,
    /// The block's text, whitespace folded.
    text: String,
    /// A `<p>` holding a copy of the block's content.
    paragraph: NodeRef,
    /// The page's text without whitespace ([`squashed`]).
    page_squashed: String,
    /// Where the block's text starts in `page_squashed`.
    at: usize,
}

/// `text` without its whitespace, for finding the text of one tree in another's: where two
/// blocks meet, the text has a space or not depending on the whitespace between their tags
/// (left out when parsing) and on what was removed between them.
fn squashed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

impl Lead {
    /// The last block of `document`'s body that says `description`, if any.
    pub(crate) fn find(document: &NodeRef, description: &str) -> Option<Lead> {
        let wanted = dom::fold_whitespace(
            description
                .trim_end_matches(['…', '.'])
                .trim_end_matches("..."),
        );
        if wanted.chars().count() < LEAD_MIN_CHARS {
            return None;
        }
        let body = dom::body(document)?;
        // The page's text, and every block's that may be the lead, from one fold.
        let folded = dom::FoldedBlocks::new(&body, &|d| dom::is(d, LEAD_TAGS));
        let page_text = &folded.text;
        // A lead's text is in the page's, and holds the description's first words at least.
        let opening_end = wanted
            .char_indices()
            .nth(LEAD_MIN_CHARS)
            .map_or(wanted.len(), |(i, _)| i);
        let opening = &wanted[..opening_end];
        if !page_text.contains(opening) {
            return None;
        }
        let limit = wanted.len() + wanted.len() / 3;
        let most = limit + LEAD_MAX_KICKER_BYTES;
        let (lead, text) = folded
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let t = folded.text(i);
                // Only blocks about as long as the description can be its lead (characters
                // never outnumber bytes, nor bytes four times the characters).
                if t.len() < LEAD_MIN_CHARS
                    || t.len() > 4 * most
                    || !(LEAD_MIN_CHARS..=most).contains(&t.chars().count())
                {
                    return None;
                }
                // The lead may open with a kicker the description leaves out ("Heavy defeat
                // for Johnson: The prime minister must …"): its text holds the description's
                // first words within its first bytes (most blocks are ruled out by how they
                // begin, before the description is looked for).
                let bytes = t.as_bytes();
                if !(0..=LEAD_MAX_KICKER_BYTES.min(bytes.len()))
                    .any(|at| bytes[at..].starts_with(opening.as_bytes()))
                {
                    return None;
                }
                let at = t.find(&wanted).filter(|&at| at <= LEAD_MAX_KICKER_BYTES);
                let says_it = at.is_some_and(|at| t.len() <= limit + at)
                    || (t.chars().count() >= LEAD_MIN_CHARS && wanted.starts_with(t));
                says_it.then(|| (d.clone(), t.to_string()))
            })
            .next_back()?;
        // (Both texts are folded: their only whitespace is single spaces, taken out whole
        // rather than a character at a time.)
        let page_squashed = page_text.replace(' ', "");
        let at = page_squashed.find(&text.replace(' ', ""))?;
        let paragraph = dom::new_html_element("p", vec![]);
        dom::move_children(&dom::deep_clone(&lead), &paragraph);
        Some(Lead {
            wanted,
            text,
            paragraph,
            page_squashed,
            at,
        })
    }

    /// Puts the lead in front of `content` when the content does not say it already and
    /// the lead comes before the content's first words on the page.
    #[inline(never)]
    pub(crate) fn insert(self, content: &NodeRef) {
        let content_text = dom::normalized_text(content);
        if content_text.contains(&self.wanted) || content_text.contains(&self.text) {
            return;
        }
        let opening: String = squashed(&content_text).take(60).collect();
        // The content may open with the lead's first words (the body repeats the standfirst's
        // first sentence, then goes on): its own place is then the next one that says them.
        let after = |from: usize| self.page_squashed[from..].find(&opening).map(|c| from + c);
        let place = match after(0) {
            Some(c) if c == self.at => self.page_squashed[c..]
                .chars()
                .next()
                .and_then(|first| after(c + first.len_utf8())),
            c => c,
        };
        match place {
            Some(c) if self.at < c => {}
            _ => return,
        }
        match content.first_child() {
            Some(first) => first.insert_before(self.paragraph),
            None => content.append(self.paragraph),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::explain::Explain;
    use crate::retry::Flags;

    /// Scores and picks the article of a page with `body`; gives the article's HTML.
    fn picked(body: &str) -> String {
        picked_with(body, Flags::ATTEMPTS[0])
    }

    /// [`picked`] as an attempt with `flags` does.
    fn picked_with(body: &str, flags: Flags) -> String {
        let html = format!("<html><head><title>A story</title></head><body>{body}</body></html>");
        let document = crate::parse::parse(&html, &crate::Options::default()).unwrap();
        let meta = crate::metadata::extract(&document, None);
        let body = crate::dom::body(&document).unwrap();
        body.detach();
        let len = crate::dom::text_len(&body);
        let grab = crate::score::score(&body, len, &meta, flags, &mut Explain::new(false));
        let selected = super::pick(&body, grab, flags);
        crate::output::html::to_html(&selected.content)
    }

    const PARAGRAPH: &str = "<p>The committee met on Tuesday to weigh the proposal, which had \
        been debated for months, and agreed, after a long discussion, that the plan should go \
        ahead in the spring, with changes to its budget.</p>";

    /// A paragraph without a comma: its points are for its length alone.
    fn plain_paragraph(n: usize) -> String {
        format!(
            "<p>Paragraph {n} of the story says in plain words what the crew of the ferry did \
             on the long night the engine failed and the harbour lights went out one by one \
             over the water. The captain kept the log by the light of a lamp and wrote down \
             every hour what the sea did and what the men said.</p>"
        )
    }

    /// The story's paragraphs were chosen, not the block that outscored them.
    fn assert_story_chosen(html: &str) {
        assert!(html.contains("Paragraph 1 of the story"), "{html}");
        assert!(!html.contains("The committee met"), "{html}");
    }

    #[test]
    fn a_best_block_in_the_pages_footer_gives_way_to_one_outside_it() {
        // The footer's blurb has the commas; the story, whose class words would have given it
        // the points, has none (its class names are unreadable).
        let html = picked(&format!(
            "<div class=\"x3f9a\"><div class=\"x81c2\">{}{}{}</div></div>\
             <footer><div><div>{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div></div></footer>",
            plain_paragraph(1),
            plain_paragraph(2),
            plain_paragraph(3)
        ));
        assert_story_chosen(&html);
    }

    #[test]
    fn the_pages_footer_does_not_join_the_story_beside_it() {
        // The footer's about text and small print (kept by preparation: it has paragraphs)
        // outscore a short story whose class names are unreadable; the story is chosen (the
        // footer's blocks give way), and the footer then scores as a sibling worth joining.
        let html = picked(&format!(
            "<div class=\"x3f9a\"><div class=\"x81c2\">{}{}{}</div></div>\
             <footer><p>Our firm has advised families and owners of small companies in the \
             valley since 1987, and is one of the oldest advisers in the state.</p>\
             <p>Offices: 11 Mill Road, Hunt Valley; 301 Washington Street in Snow Hill, by \
             appointment on weekdays.</p>\
             <p>This material is not intended to replace the advice of a qualified adviser, \
             and the information is not guaranteed.</p>\
             <p>Products and services referenced are for general information only, and terms \
             and exclusions apply.</p></footer>",
            plain_paragraph(1),
            plain_paragraph(2),
            plain_paragraph(3)
        ));
        assert!(html.contains("Paragraph 1 of the story"), "{html}");
        assert!(!html.contains("Our firm has advised"), "{html}");
    }

    #[test]
    fn a_best_block_far_below_the_headline_gives_way_to_the_story_under_it() {
        let links: String = (1..=80)
            .map(|i| format!("<li><a href=\"/topic/{i}\">Another topic of the week, {i}</a></li>"))
            .collect();
        let html = picked(&format!(
            "<div><h1>A story</h1><div class=\"x3f9a\">{}{}{}{}</div></div>\
             <ul>{links}</ul>\
             <div><div><div class=\"x81c2\">{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div></div></div>",
            plain_paragraph(1),
            plain_paragraph(2),
            plain_paragraph(3),
            plain_paragraph(4)
        ));
        assert_story_chosen(&html);
    }

    #[test]
    fn two_posts_built_alike_take_the_thread_from_a_blurb_that_outscores_each() {
        // The site's blurb, all commas, outscores each post; the posts' boxes share their tag
        // and class (read as tokens, not words).
        let post = |a: &str, b: &str| {
            format!("<article><div class=\"x1c9\"><p>{a}</p><p>{b}</p></div></article>")
        };
        let html = picked(&format!(
            "<div><div><div><div><p>Our forum, founded in 2001, is the place where the owners of \
             every model meet to talk about their cars and the trips they take in them: the \
             saloon, the estate, the pickup, the van, the hybrid, the coupe, the wagon and the \
             truck all have their own boards here, with members from all over the country who \
             share what they know.</p></div></div></div><div>{}{}</div></div>",
            post(
                "The first post asks, after a winter, why the new lights, fitted in May, flicker.",
                "It adds, for the record, that the fuse, a new one, is fine."
            ),
            post(
                "The reply says, from experience, that the plug, behind the panel, corrodes.",
                "Cleaning it, not the fuse, cures it, as it did, on mine."
            )
        ));
        assert!(html.contains("The first post asks"), "{html}");
        assert!(html.contains("The reply says"), "{html}");
    }

    #[test]
    fn the_block_with_the_prose_is_the_article() {
        let html = picked(&format!(
            "<div id=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>\
             <div id=\"story\">{PARAGRAPH}{PARAGRAPH}{PARAGRAPH}</div>"
        ));
        assert!(html.contains("The committee met"), "{html}");
        assert!(!html.contains("Home"), "{html}");
    }

    #[test]
    fn a_retry_lets_no_feed_beside_the_story_pull_the_selection_up() {
        // The retry that leaves unlikely-named boxes in is for a story that sits in one; the
        // items of a feed beside it, each scoring nearly as well as the story, are no
        // alternatives to it: the selection does not climb to the wrapper that holds them all.
        let item = "<div class=\"box\"><div class=\"rss-item\"><h4>Elsewhere</h4><p>Rain, \
            wind, snow, hail, fog, frost, sleet, storms, floods, and heat, the feed says, are \
            coming.</p></div></div>";
        let html = picked_with(
            &format!(
                "<div id=\"wrap\"><div class=\"col\"><div id=\"x1\">{PARAGRAPH}{PARAGRAPH}</div></div>\
                 <div class=\"extra\"><div class=\"inner\">{item}{item}{item}</div></div></div>"
            ),
            Flags::ATTEMPTS[1],
        );
        assert!(html.contains("The committee met"), "{html}");
        assert!(!html.contains("the feed says"), "{html}");
    }
}
