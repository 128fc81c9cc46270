//! Stage 4: scoring. Walks the prepared body once, removes what class and role rules call
//! unlikely (on the first attempt only), turns text-only `<div>`s into paragraphs, and scores
//! every paragraph-like block by its text (length and commas), propagating the score to five
//! levels of ancestors with decay (Readability's algorithm, which most of the web has been
//! tested against). A block's score starts from its tag and its class/id weight.

use crate::dom;
use crate::dom::is_phrasing;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{BEFORE_HEADLINE_ATTR, PROTECT_ATTR};
use crate::metadata::Metadata;
use crate::retry::Flags;
use crate::rule::Rule;
use crate::stats::link_density;
use crate::stats::{AddressHasher, TextStats};
use crate::text::{StringSet, WordSet};
use crate::tunables::{
    unlikely_named, ANCESTOR_LEVELS, BYLINE, CHARS_PER_POINT, CLASS_WEIGHT, COMMAS, COMMENT_FAMILY,
    COMMON_CLASS_MIN_ELEMENTS, DIV_TO_P_ELEMS, HEADER_PROSE_MIN_CHARS, HEADER_PROSE_MIN_PARAGRAPHS,
    HEADING_MAX_CHARS, HEADLINE_LEVELS, MAX_BYLINE_CHARS, MAX_LENGTH_POINTS, MAYBE_CANDIDATE,
    MIN_PARAGRAPH_CHARS, NEGATING_WORDS, NEGATIVE, OWN_ANCHOR_MIN_WORDS, POSITIVE,
    POST_AUTHOR_BOX_MAX_CHARS, REPEATED_LABEL_MAX_CHARS, REPEATED_LABEL_MIN, REVIEWS_CLASS,
    REVIEWS_MIN_CHARS, SCROLL_PANEL, SCROLL_STYLING, SINGLE_P_MAX_LINK_DENSITY,
    STORY_BEGUN_MIN_CHARS, TAGS_TO_SCORE, UNLIKELY_CANDIDATES, UNLIKELY_MAX_SHARE, UNLIKELY_ROLES,
};
use kuchikiki::NodeRef;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Scores by node identity. Holding the node keeps its address from being reused. (Keys hashed
/// as [`TextStats`]' are: SipHash was most of a lookup's cost.)
#[derive(Default)]
pub(crate) struct Scores {
    map: HashMap<usize, (NodeRef, f64), BuildHasherDefault<AddressHasher>>,
}

fn key(node: &NodeRef) -> usize {
    let node: &kuchikiki::Node = node;
    node as *const kuchikiki::Node as usize
}

impl Scores {
    pub(crate) fn get(&self, node: &NodeRef) -> Option<f64> {
        self.map.get(&key(node)).map(|(_, s)| *s)
    }
    pub(crate) fn set(&mut self, node: &NodeRef, score: f64) {
        self.map.insert(key(node), (node.clone(), score));
    }
    pub(crate) fn contains(&self, node: &NodeRef) -> bool {
        self.map.contains_key(&key(node))
    }
}

/// What scoring found.
pub(crate) struct Grab {
    pub scores: Scores,
    /// Scored ancestors, in the order they were first scored.
    pub candidates: Vec<NodeRef>,
    /// The byline found in the page (an element with `rel=author`, `class="byline"`, ...).
    pub byline: Option<String>,
    /// Text lengths and link densities of the page as scored: it stays so until selection
    /// gathers the article's blocks.
    pub stats: TextStats,
    /// The class names shared by many elements of the page.
    pub common_classes: CommonClasses,
    /// The box that held the headline the walk removed as the title's copy.
    pub headline: Option<NodeRef>,
}

/// The class names that [`COMMON_CLASS_MIN_ELEMENTS`] or more elements of the page carry:
/// how a page builder or a CSS framework builds and styles every block (`elementor-widget`,
/// Tailwind's `overflow-hidden`), not what one block is. A negative word in such a name
/// (`widget`, `hidden`, `media`) says nothing about the block, so [`class_weight`] does not
/// hold it against it.
///
/// `String`s, not `Box<str>`s, here and in [`ClassCounter`]: the same set and map types as
/// the other stages', so the wasm carries one copy of their hash table code (1.3 KB of gzip,
/// 2026-12-06, session 15; the set is a map too since session 26, [`StringSet`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct CommonClasses(StringSet);

impl CommonClasses {
    /// Whether `class` (one name) is common on the page.
    pub(crate) fn contains(&self, class: &str) -> bool {
        self.0.contains(class)
    }

    /// Whether `id` names one instance of a common class: the class name, `-` or `_`, and a
    /// number (a page builder's module `#hs_cos_wrapper_widget_1753110617606` of
    /// `.hs_cos_wrapper_widget`). A negative word in it is the builder's, as in the class.
    pub(crate) fn names_instance(&self, id: &str) -> bool {
        id.rfind(['-', '_']).is_some_and(|i| {
            i > 0 && id[i + 1..].bytes().any(|b| b.is_ascii_digit()) && self.contains(&id[..i])
        })
    }
}

/// Counts the class names of the elements walked, for [`CommonClasses`] (and the short
/// paragraphs' texts, for the repeated labels).
#[derive(Default)]
struct ClassCounter(HashMap<String, usize>);

impl ClassCounter {
    fn count(&mut self, el: &kuchikiki::ElementData) {
        let attrs = el.attributes.borrow();
        let Some(classes) = dom::get(&attrs, "class") else {
            return;
        };
        for class in classes.split_ascii_whitespace() {
            self.add(class);
        }
    }

    /// Counts one more of `key` (a class name, or a paragraph's text).
    fn add(&mut self, key: &str) {
        match self.0.get_mut(key) {
            Some(n) => *n += 1,
            None => {
                self.0.insert(key.into(), 1);
            }
        }
    }

    /// How many of `key` were counted.
    fn of(&mut self, key: &str) -> usize {
        self.0.get_mut(key).map_or(0, |n| *n)
    }

    fn common(self) -> CommonClasses {
        CommonClasses(
            self.0
                .into_iter()
                .filter(|(_, n)| *n >= COMMON_CLASS_MIN_ELEMENTS)
                .map(|(class, _)| class)
                .collect(),
        )
    }
}

/// Readability's class weight: ±25 for a positive or negative class, and again for the id.
/// Class names common on the page ([`CommonClasses`]) do not count as negative.
pub(crate) fn class_weight(node: &NodeRef, flags: Flags, common: &CommonClasses) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut weight = 0.0;
    for name in ["class", "id"] {
        if let Some(v) = dom::attr(node, name).filter(|v| !v.is_empty()) {
            let negative = if name == "class"
                && v.split_ascii_whitespace()
                    .any(|c| common.contains(c) || is_scroll_styling(c) || says_without(c))
            {
                let own: Vec<&str> = v
                    .split_ascii_whitespace()
                    .filter(|c| !common.contains(c) && !is_scroll_styling(c) && !says_without(c))
                    .collect();
                NEGATIVE.is_match(&own.join(" "))
            } else {
                !(name == "id" && (common.names_instance(&v) || is_own_anchor(node, &v)))
                    && NEGATIVE.is_match(&v)
            };
            if negative {
                weight -= CLASS_WEIGHT;
            }
            if POSITIVE.is_match(&v) {
                weight += CLASS_WEIGHT;
            }
        }
    }
    if weight != 0.0 {
        crate::retry::note_weighed();
    }
    weight
}

/// A class token that says what a box is without (`item-no-media`, `no-sidebar`,
/// `without-comments`): the word it negates is no word about the box. Dropped before the
/// [`NEGATIVE`] test, as scroll styling is.
fn says_without(class: &str) -> bool {
    let mut parts = class.split(['-', '_']).peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_some() && NEGATING_WORDS.iter().any(|w| part.eq_ignore_ascii_case(w)) {
            return true;
        }
    }
    false
}

/// A class token that says how a box scrolls (`scroller`, `horizontal-scroll`,
/// `scrollingcardscollectionblock`, `overflow-x-scroll`): styling, not what the box is.
/// Readability's negative word `scroll` is for widgets (`#infinite-scroll`,
/// `#scroll-to-top`), which an id names; a landing page's cards in a scroll container and a
/// docs page's code in `.scroll-x` lost a class weight's worth of score and went as
/// negative blocks. Dropped before the [`NEGATIVE`] test; the id is tested as it is. A box
/// given a scrollbar of its own (`scrollbar-gray`, `mCustomScrollbar`) is a side panel (a
/// video playlist, a topic list) and keeps the word.
fn is_scroll_styling(class: &str) -> bool {
    SCROLL_STYLING.is_match(class) && !SCROLL_PANEL.is_match(class)
}

/// Ours: on a page that sells one product, whether `node` (class and id `names`) is its
/// customers' reviews: a name part begins with [`REVIEWS_CLASS`] (at the start of a name,
/// after `-`, `_` or a space, or as a capital after a lowercase letter: `okeReviews`, not
/// `preview`) and the block holds [`REVIEWS_MIN_CHARS`] of text (a game's short press quotes
/// and rating summary, which references keep, do not). A block that rescues itself as content
/// ([`MAYBE_CANDIDATE`]) stays.
pub(crate) fn is_reviews_block(node: &NodeRef, names: &str) -> bool {
    let b = names.as_bytes();
    let w = REVIEWS_CLASS.as_bytes();
    (0..b.len()).any(|i| {
        b.len() - i >= w.len()
            && b[i..i + w.len()].eq_ignore_ascii_case(w)
            && (i == 0
                || matches!(b[i - 1], b'-' | b'_' | b' ')
                || (b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase()))
    }) && !MAYBE_CANDIDATE.is_match(names)
        && dom::text_len_capped(node, REVIEWS_MIN_CHARS) >= REVIEWS_MIN_CHARS
}

/// The text points of a paragraph: one, plus one per comma, plus one per 100 characters (3 at most).
fn content_score(commas: usize, len: usize) -> f64 {
    1.0 + commas as f64 + ((len / CHARS_PER_POINT) as f64).min(MAX_LENGTH_POINTS)
}

/// A post's small header or member menu holding its author's name (`itemprop="author"`), and
/// no heading (a story's header holds its headline): vBulletin 4's `popupmenu`, a forum
/// theme's `MessageCard__header`. The thread's author lines need the name.
fn names_post_author(n: &NodeRef) -> bool {
    if dom::text_len_capped(n, POST_AUTHOR_BOX_MAX_CHARS + 1) > POST_AUTHOR_BOX_MAX_CHARS {
        return false;
    }
    let mut author = false;
    for d in n.walk_descendants() {
        if dom::is(&d, dom::HEADINGS) {
            return false;
        }
        author |= dom::attr(&d, "itemprop").is_some_and(|p| p.contains("author"));
    }
    author
}

/// Walks `page` (a body snapshot), pruning and preparing it, and scores its blocks.
/// `page_len` is its text's length ([`dom::text_len`]), which every attempt's page has alike
/// (the caller measured it once).
pub(crate) fn score(
    page: &NodeRef,
    page_len: usize,
    meta: &Metadata,
    flags: Flags,
    explain: &mut Explain,
) -> Grab {
    let mut byline: Option<String> = None;
    let mut remove_title_header = meta.title.is_some();
    let mut story_begun = false;
    let title = WordSet::new(meta.title.as_deref().unwrap_or_default());
    let mut to_score: Vec<NodeRef> = Vec::new();
    // Room for a page's class names from the start (a hundred on average): the table grew
    // from empty, and every growth hashed each name again.
    let mut classes = ClassCounter(HashMap::with_capacity(256));
    let mut headline = None;

    let mut node = Some(page.clone());
    while let Some(n) = node {
        let Some(el) = n.as_element() else {
            node = dom::next_in_order(&n, page);
            continue;
        };
        classes.count(el);
        let tag: &str = &el.name.local;
        let match_string = dom::class_and_id(&n);
        let protected = dom::has_attr(&n, PROTECT_ATTR);
        // Asked once: the retry notes it, unlikely-stripping below acts on it.
        let unlikely = unlikely_named(&match_string);
        if unlikely {
            crate::retry::note_unlikely();
        }

        if &n != page && !protected {
            if byline.is_none() && is_byline(&n, &match_string) {
                byline = Some(byline_text(&n));
                // On a page that declares itself a discussion the byline is the name over
                // a post (the first one's, or a reply's): it is read for the header and
                // stays, as every other post's author line does.
                if flags.discussion {
                    node = dom::next_in_order(&n, page);
                    continue;
                }
                let next = dom::next_skipping_children(&n, page);
                explain.remove(&n, Rule::Byline, &|| "moved to the article header".into());
                node = next;
                continue;
            }
            // Once a paragraph of prose has gone by, the story has begun: a heading that
            // repeats the title is one of its sections ("What is social commerce?" under a
            // title that asks it), not the headline above it.
            if !story_begun
                && tag == "p"
                && dom::text_len_capped(&n, STORY_BEGUN_MIN_CHARS) >= STORY_BEGUN_MIN_CHARS
            {
                story_begun = true;
            }
            if remove_title_header
                && (tag == "h1" || tag == "h2")
                && !story_begun
                && duplicates_title(&n, &title)
            {
                remove_title_header = false;
                headline = n.parent();
                mark_before_headline(&n, page);
                let next = dom::next_skipping_children(&n, page);
                explain.remove(&n, Rule::TitleHeading, &|| "repeats the title".into());
                node = next;
                continue;
            }
            if flags.strip_unlikely {
                // On a discussion page, replies classed as comments are the content.
                let reply = flags.discussion && COMMENT_FAMILY.is_match(&match_string);
                if unlikely
                    && !reply
                    && !dom::has_ancestor(&n, &["table", "code"], None)
                    && tag != "body"
                    && tag != "a"
                    && !holds_most_of_page(&n, page_len, &match_string, &title)
                    && !is_semantic_article(&n, &match_string)
                    && !is_prose_named_header(&n, &match_string)
                    && !is_slug_named_heading(&n, &match_string)
                    && !names_post_author(&n)
                {
                    let next = dom::next_skipping_children(&n, page);
                    explain.remove(&n, Rule::UnlikelyCandidate, &|| match_string.clone());
                    node = next;
                    continue;
                }
                if flags.product && is_reviews_block(&n, &match_string) {
                    let next = dom::next_skipping_children(&n, page);
                    explain.remove(&n, Rule::CustomerReviews, &|| match_string.clone());
                    node = next;
                    continue;
                }
                if let Some(role) = dom::attr(&n, "role") {
                    if UNLIKELY_ROLES.contains(&role.as_str()) {
                        let next = dom::next_skipping_children(&n, page);
                        explain.remove(&n, Rule::UnlikelyRole, &|| format!("role={role}"));
                        node = next;
                        continue;
                    }
                }
            }
            if matches!(
                tag,
                "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            ) && is_without_content(&n)
            {
                let next = dom::next_skipping_children(&n, page);
                n.detach();
                node = next;
                continue;
            }
        }

        if TAGS_TO_SCORE.contains(&tag) {
            to_score.push(n.clone());
        }
        let mut current = n.clone();
        if tag == "div" && !protected {
            wrap_phrasing_runs(&n);
            if has_single_child_tag(&n, "p") && link_density(&n) < SINGLE_P_MAX_LINK_DENSITY {
                if let Some(p) = dom::element_children(&n).next() {
                    // The box's class and id name the paragraph now (`div.author-bio > p`,
                    // `div#fn1 > p`): the later class rules and links still find it.
                    for name in ["class", "id"] {
                        if let Some(v) = dom::attr(&n, name).filter(|_| !dom::has_attr(&p, name)) {
                            dom::set_attr(&p, name, &v);
                        }
                    }
                    n.insert_before(p.clone());
                    n.detach();
                    // (Named anew, the paragraph is not walked again.)
                    if unlikely_named(&dom::class_and_id(&p)) {
                        crate::retry::note_unlikely();
                    }
                    current = p;
                    to_score.push(current.clone());
                }
            } else if !has_block_descendant(&n) {
                current = dom::rename(&n, "p");
                to_score.push(current.clone());
            }
        }
        node = dom::next_in_order(&current, page);
    }

    // The walk is done changing the page: measure it once.
    let stats = TextStats::new(page);
    let common_classes = classes.common();
    let mut scores = Scores::default();
    let mut candidates = Vec::new();
    // Short texts the page repeats: a grid's labels ("Compare Remove from comparison", "In
    // stock, ships tomorrow"), one per card, are no paragraphs however many cards there are.
    let label = |el: &NodeRef| {
        let len = stats.text_len(el);
        (MIN_PARAGRAPH_CHARS..=REPEATED_LABEL_MAX_CHARS)
            .contains(&len)
            .then(|| dom::normalized_text(el))
    };
    let mut labels = ClassCounter::default();
    for el in &to_score {
        if let Some(text) = label(el) {
            labels.add(&text);
        }
    }
    for el in to_score {
        let Some(parent) = el.parent() else { continue };
        if parent.as_element().is_none() {
            continue;
        }
        let len = stats.text_len(&el);
        if len < MIN_PARAGRAPH_CHARS
            || label(&el).is_some_and(|t| labels.of(&t) >= REPEATED_LABEL_MIN)
        {
            continue;
        }
        let points = content_score(dom::count_chars(&el, COMMAS), len);
        for (level, ancestor) in el.ancestors().take(ANCESTOR_LEVELS).enumerate() {
            // The root element is never a candidate; the body is (a page whose paragraphs
            // sit directly in it, as a man page's do, is its body).
            if ancestor.as_element().is_none()
                || (&ancestor != page && ancestor.parent().is_none_or(|p| p.as_element().is_none()))
            {
                continue;
            }
            if !scores.contains(&ancestor) {
                scores.set(&ancestor, initial_score(&ancestor, flags, &common_classes));
                candidates.push(ancestor.clone());
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let s = scores.get(&ancestor).unwrap_or(0.0);
            scores.set(&ancestor, s + points / divider);
        }
    }
    Grab {
        scores,
        candidates,
        byline,
        stats,
        common_classes,
        headline,
    }
}

/// A block's starting score: its tag's and its class weight.
pub(crate) fn initial_score(node: &NodeRef, flags: Flags, common: &CommonClasses) -> f64 {
    crate::tunables::tag_score(dom::tag(node)) + class_weight(node, flags, common)
}

/// A block that holds the article's own headline and much of the page's text is not a
/// sidebar or footer, whatever its class says (the whole page wrapped in `above-footer`).
fn holds_most_of_page(
    node: &NodeRef,
    page_len: usize,
    match_string: &str,
    title: &WordSet,
) -> bool {
    !COMMENT_FAMILY.is_match(match_string)
        && page_len > 0
        && !title.is_empty()
        && {
            // (Counted only past the share: a length is more than it when more than its
            // whole part.)
            let share = (UNLIKELY_MAX_SHARE * page_len as f64) as usize;
            dom::text_len_capped(node, share) > share
        }
        && node
            .walk_descendants()
            .any_node(&mut |h| dom::is(h, &["h1", "h2"]) && duplicates_title(h, title))
}

/// Ours: a block the unlikely pattern matches only by the word `header` inside a longer
/// name (`listicle-header`, `layout__header`, `header-ordering`: an intro, a reference page's
/// opening, a section named by its heading) is kept when it holds running prose: at least
/// [`HEADER_PROSE_MIN_PARAGRAPHS`] paragraphs of [`HEADER_PROSE_MIN_CHARS`] characters, or
/// when it is a heading (`<h2 class="header-anchor-post">`: a section's heading is its
/// header; Substack names every heading of a post so). The same prose test holds for a block
/// matched only by `menu` within a longer name (a product page's `tab-menu--product` holding
/// the tabs' panels: trafilatura's ebrosia), never a heading alone. A `<header>` element or a block named `header` outright is the site's header and still goes,
/// whatever its menus' descriptions say.
fn is_prose_named_header(node: &NodeRef, match_string: &str) -> bool {
    let lower = match_string.to_ascii_lowercase();
    let only_by = |word: &str| {
        lower.contains(word)
            && !lower.split_whitespace().any(|t| t == word)
            && !UNLIKELY_CANDIDATES.is_match(&lower.replace(word, ""))
    };
    // A tab set named for its tabs (`tab-menu--product`) holds the panels' text: a menu by
    // name, prose by content.
    let menu = only_by("menu");
    if dom::is(node, &["header", "nav"]) || !(only_by("header") || menu) {
        return false;
    }
    (!menu && dom::is(node, dom::HEADINGS) && heads_running_text(node))
        || node
            .walk_descendants()
            .filter(|p| {
                dom::is(p, &["p"])
                    && dom::text_len_capped(p, HEADER_PROSE_MIN_CHARS) >= HEADER_PROSE_MIN_CHARS
            })
            .nth(HEADER_PROSE_MIN_PARAGRAPHS - 1)
            .is_some()
}

/// Ours: a heading whose unlikely words are all in class or id tokens made of its own words
/// (`<h2 id="h-what-is-social-shopping">`, `id="h-5-community-building"`: anchors a CMS
/// builds from the heading's text) is the author's section heading, not a sidebar's. A token
/// of three words or more may hold one that is not the heading's (`project-social-impact`:
/// the CMS's prefix). The heading's text is read up to [`HEADING_MAX_CHARS`]; ASCII only
/// (Unicode case tables would cost the wasm engine kilobytes).
fn is_slug_named_heading(node: &NodeRef, match_string: &str) -> bool {
    let Some(text) = heading_text(node) else {
        return false;
    };
    let words = slug_words(&text);
    match_string.split_whitespace().all(|token| {
        if !UNLIKELY_CANDIDATES.is_match(token) {
            return true;
        }
        let slug = slug_parts(token);
        slug.len() >= 2 && parts_missing(&slug, &words) <= usize::from(slug.len() >= 3)
    })
}

/// Ours: a heading's `id` spelled from three or more of its own words
/// (`<h2 id="h-what-is-social-shopping">What is Social Shopping?</h2>`, an anchor a CMS builds
/// from the text) names its topic, not its box: its words do not make the heading an extra's
/// ([`class_weight`], and the boilerplate families in cleaning). Two-word anchors stay read
/// (`id="related-content"` over "Related content" names the furniture in its own words).
pub(crate) fn is_own_anchor(node: &NodeRef, id: &str) -> bool {
    let slug = slug_parts(id);
    slug.len() >= OWN_ANCHOR_MIN_WORDS
        && heading_text(node).is_some_and(|text| parts_missing(&slug, &slug_words(&text)) == 0)
}

/// A heading's text from its start, at least [`HEADING_MAX_CHARS`] bytes of it (whole text
/// nodes are read, so a heading of one long text node comes whole; `None` for any other
/// element): what its anchors are compared with.
fn heading_text(node: &NodeRef) -> Option<String> {
    dom::is(node, dom::HEADINGS).then(|| dom::normalized_text_start(node, HEADING_MAX_CHARS))
}

/// How many of a slug's parts are not among `words` ([`slug_words`]; ASCII case ignored).
fn parts_missing(slug: &[&str], words: &[String]) -> usize {
    slug.iter()
        .filter(|p| words.binary_search(&p.to_ascii_lowercase()).is_err())
        .count()
}

/// A heading's [`slug_parts`] lower-cased, sorted and without repeats, for [`parts_missing`]
/// to look each part up in: compared part against word, a heading of 100,000 words (one text
/// node, read whole) under a class token of as many parts took seconds.
fn slug_words(text: &str) -> Vec<String> {
    crate::text::sorted_unique(
        slug_parts(text)
            .into_iter()
            .map(str::to_ascii_lowercase)
            .collect(),
    )
}

/// The words of a heading or of a class/id token: ASCII letters and digits, one-letter parts
/// and numbers left out.
fn slug_parts(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1 && !w.bytes().all(|c| c.is_ascii_digit()))
        .collect()
}

/// A heading over a paragraph that is not the first element of its box: a section's heading
/// in running text (after a code block, a list, a figure, as after a paragraph), not a box's
/// title, which opens its box (a review's "Pros" over its list has no `<p>` after it either).
fn heads_running_text(node: &NodeRef) -> bool {
    node.preceding_siblings().any(|s| s.as_element().is_some())
        && node
            .following_siblings()
            .find(|s| s.as_element().is_some())
            .is_some_and(|s| dom::is(&s, &["p"]))
}

/// An `<article>` element is a story by its author's own markup; a class word like
/// `recipe-header` or `article-sidebar-layout` does not make it a sidebar. Comment threads
/// marked up as articles still go.
fn is_semantic_article(node: &NodeRef, match_string: &str) -> bool {
    dom::is(node, &["article"]) && !COMMENT_FAMILY.is_match(match_string)
}

fn is_byline(node: &NodeRef, match_string: &str) -> bool {
    let rel = dom::attr(node, "rel").unwrap_or_default();
    let itemprop = dom::attr(node, "itemprop").unwrap_or_default();
    if !(rel == "author" || itemprop.contains("author") || BYLINE.is_match(match_string)) {
        return false;
    }
    let len = dom::text_len(node);
    len > 0 && len < MAX_BYLINE_CHARS
}

/// The byline's text: an `itemprop="name"` inside it if any, else all of it.
fn byline_text(node: &NodeRef) -> String {
    let named = node
        .walk_descendants()
        .find_node(&mut |d| dom::attr(d, "itemprop").is_some_and(|p| p.contains("name")));
    dom::normalized_text(named.as_ref().unwrap_or(node))
}

/// Ours: marks what precedes the `headline` ([`BEFORE_HEADLINE_ATTR`]): its element siblings
/// before it, and its ancestors' up to [`HEADLINE_LEVELS`] levels, below `page`.
#[inline(never)]
fn mark_before_headline(headline: &NodeRef, page: &NodeRef) {
    let mut node = headline.clone();
    for _ in 0..HEADLINE_LEVELS {
        let mut sibling = node.previous_sibling();
        while let Some(s) = sibling {
            if s.as_element().is_some() {
                dom::set_attr(&s, BEFORE_HEADLINE_ATTR, "");
            }
            sibling = s.previous_sibling();
        }
        match node.parent() {
            Some(p) if &p != page => node = p,
            _ => break,
        }
    }
}

fn duplicates_title(heading: &NodeRef, title: &WordSet) -> bool {
    let text = dom::normalized_text(heading);
    !text.is_empty() && title.similarity(&text) > 0.75
}

/// No text, and no children but `<br>`/`<hr>`.
pub(crate) fn is_without_content(node: &NodeRef) -> bool {
    // Cheapest first: collecting the text of every block the walk asks about (whole
    // sections among them) was a twentieth of the engine's time.
    dom::element_children(node).all(|c| dom::is(&c, &["br", "hr"]))
        && !dom::has_text(node)
        && !node
            .walk_descendants()
            .any_node(&mut |d| dom::is(d, &["img", "picture", "iframe", "video", "svg", "math"]))
}

/// Exactly one element child, named `tag`, and no text beside it.
pub(crate) fn has_single_child_tag(node: &NodeRef, tag: &str) -> bool {
    let mut elements = 0;
    for c in node.children() {
        if let Some(t) = c.as_text() {
            if !t.borrow().trim().is_empty() {
                return false;
            }
        } else if c.as_element().is_some() {
            elements += 1;
            if elements > 1 || !dom::is(&c, &[tag]) {
                return false;
            }
        }
    }
    elements == 1
}

pub(crate) fn has_block_descendant(node: &NodeRef) -> bool {
    node.walk_descendants()
        .any_node(&mut |d| dom::is(d, DIV_TO_P_ELEMS))
}

/// Wraps each run of inline content directly in a `<div>` into a `<p>`.
fn wrap_phrasing_runs(div: &NodeRef) {
    let mut p: Option<NodeRef> = None;
    let mut child = div.first_child();
    while let Some(c) = child {
        let next = c.next_sibling();
        if is_phrasing(&c) {
            if let Some(p) = &p {
                p.append(c);
            } else if !is_blank(&c) {
                let new_p = dom::new_html_element("p", vec![]);
                c.insert_before(new_p.clone());
                new_p.append(c);
                p = Some(new_p);
            }
        } else if let Some(done) = p.take() {
            while let Some(last) = done.last_child() {
                if is_blank(&last) {
                    last.detach();
                } else {
                    break;
                }
            }
        }
        child = next;
    }
}

fn is_blank(n: &NodeRef) -> bool {
    n.as_text().is_some_and(|t| t.borrow().trim().is_empty()) || dom::is(n, &["br"])
}

#[cfg(test)]
mod tests {
    use crate::explain::Explain;
    use crate::retry::Flags;
    use crate::Rule;

    /// Scores the body of a page titled `title` as attempt `flags`; gives the body's HTML after
    /// scoring and the rules that removed blocks.
    fn scored(title: &str, body: &str, flags: Flags) -> (String, Vec<Rule>) {
        let html = format!("<html><head><title>{title}</title></head><body>{body}</body></html>");
        let document = crate::parse::parse(&html, &crate::Options::default()).unwrap();
        let meta = crate::metadata::extract(&document, None);
        let body = crate::dom::body(&document).unwrap();
        let mut explain = Explain::new(true);
        let len = crate::dom::text_len(&body);
        let _ = super::score(&body, len, &meta, flags, &mut explain);
        let rules = explain.into_removals().iter().map(|r| r.rule).collect();
        (crate::output::html::to_html(&body), rules)
    }

    const STORY: &str = "<div><p>The committee met on Tuesday to weigh the proposal, which had \
        been debated for months, and agreed that the plan should go ahead.</p></div>";

    #[test]
    fn a_block_whose_class_says_sidebar_goes_on_the_first_attempt() {
        let body = format!("<div class=\"sidebar\">Popular this week</div>{STORY}");
        let (html, rules) = scored("A story", &body, Flags::ATTEMPTS[0]);
        assert!(!html.contains("Popular"), "{html}");
        assert_eq!(rules, [Rule::UnlikelyCandidate]);
    }

    #[test]
    fn later_attempts_keep_unlikely_blocks() {
        let body = format!("<div class=\"sidebar\">Popular this week</div>{STORY}");
        let (html, rules) = scored("A story", &body, Flags::ATTEMPTS[1]);
        assert!(html.contains("Popular"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_heading_that_repeats_the_title_goes() {
        let body = format!("<h1>The committee approves the plan</h1>{STORY}");
        let (html, rules) = scored("The committee approves the plan", &body, Flags::ATTEMPTS[0]);
        assert!(!html.contains("<h1>"), "{html}");
        assert_eq!(rules, [Rule::TitleHeading]);
    }

    /// The class weight of a `<div>` with this `class` on the first attempt.
    fn weight_of_class(class: &str) -> f64 {
        let node = crate::testing::first(&format!("<div class=\"{class}\">x</div>"), "div");
        super::class_weight(&node, Flags::ATTEMPTS[0], &Default::default())
    }

    #[test]
    fn a_content_class_in_the_sites_own_language_weighs_as_positive() {
        // German, Spanish, Italian, Dutch, Polish names of the article's box, none holding an
        // English positive word.
        for class in [
            "inhalt",
            "cuerpo-nota",
            "colonna_testo",
            "artikel",
            "inhoud",
            "tresc",
        ] {
            assert_eq!(
                weight_of_class(class),
                crate::tunables::CLASS_WEIGHT,
                "{class}"
            );
        }
    }

    #[test]
    fn a_comment_box_in_the_sites_own_language_weighs_as_negative() {
        for class in [
            "kommentarModul",
            "lista-comentarios",
            "komentarze",
            "reacties",
        ] {
            assert_eq!(
                weight_of_class(class),
                -crate::tunables::CLASS_WEIGHT,
                "{class}"
            );
        }
    }
}
