//! Lectern: a reader-mode engine. Give it a page's HTML, get back the article.
//!
//! ```
//! let html = "<html><head><title>Hello</title></head><body><article><p>".to_string()
//!     + &"A sentence of the article, long enough to count. ".repeat(20)
//!     + "</p></article></body></html>";
//! let article = lectern::extract(&html, &lectern::Options::default()).unwrap();
//! assert_eq!(article.title, "Hello");
//! ```
//!
//! The engine is a pipeline of small stages, each a private module with one job:
//! `parse` → `metadata` → `prepare` → `score` → `select` → `clean` → `sanitise` → `output`
//! (HTML, text and Markdown), over a shared layer (`dom`, `stats`, `text`, `marks`, `rule`,
//! ...). Tunables live in `tunables.rs`. The core is pure Rust (string in, struct out); the
//! `wasm` module and the `lectern` binary are thin adapters over it.
//!
//! The public API is [`extract`] (and [`extract_owned`]) with [`Options`] and [`Outputs`],
//! giving an [`Article`] (its [`Removal`]s named by [`Rule`]) or an [`Error`], and the cheap
//! check [`is_probably_readerable`]. The stages are reachable for tests, fuzzing and benchmarks
//! only, through the `internals` module of the feature of that name.
#![forbid(unsafe_code)]

// The shared layer: what every stage may use.
mod article;
mod blocks;
mod dom;
mod error;
mod explain;
mod json;
mod lowercase;
mod marks;
mod options;
mod pattern;
mod retry;
mod rule;
mod siterules;
mod stats;
mod text;
mod tunables;
mod urls;
mod words;

// The stages, in pipeline order parse → (readerable) → metadata → prepare → score → select →
// clean → sanitise → output; tests/architecture.rs checks that none uses a later one.
mod clean;
mod metadata;
mod output;
mod parse;
mod prepare;
mod readerable;
mod sanitise;
mod score;
mod select;
// Preparing's part: TeX math as MathML.
mod tex;

// The parser's parts: the tokenizer, raw-text scanning, the depth guard, character references.
mod depth;
mod entities;
mod raw;
mod tokenize;

// After the pipeline: the article's sentences, for reading it aloud.
mod sentences;

// The adapters over the pipeline.
#[cfg(not(target_arch = "wasm32"))]
mod decode;
#[cfg(feature = "internals")]
pub mod internals;
#[cfg(test)]
mod testing;
#[cfg(all(target_arch = "wasm32", feature = "wasm-api"))]
pub mod wasm;

pub use article::{Article, KeptBlock, Removal, RemovedBlock};
#[cfg(not(target_arch = "wasm32"))]
pub use decode::decode_html;
pub use error::Error;
pub use options::Options;
pub use output::Outputs;
pub use readerable::is_probably_readerable;
pub use rule::Rule;
pub use sentences::{sentences, Sentence};
pub use siterules::{SiteAction, SiteRule, SiteRules, SITE_RULES_FORMAT, SITE_RULES_VERSION};

use blocks::Paths;
use explain::{Explain, Taken};
use kuchikiki::NodeRef;
use std::cell::RefCell;
use tunables::{
    CLOSING_MARKS, FULL_WIDTH_SENTENCE_END_MARKS, HUB_FEED_MIN_LINK_DENSITY,
    HUB_FEED_MIN_PAGE_RATIO, HUB_MAX_ARTICLE_CHARS, HUB_MIN_PAGE_RATIO, INCOMPLETE_RATIO,
    PROSE_HUB_MAX_ARTICLE_CHARS, PROSE_HUB_MAX_LINK_DENSITY, PROSE_HUB_MIN_PAGE_RATIO,
    SENTENCE_END_MARKS,
};

/// What an extraction needs to name blocks and apply site rules: the page's [`Paths`] (when
/// anything asks for signatures), the rules for its host, and which of them matched.
struct Corrections<'a> {
    /// Number the elements of every parse (explaining, removed blocks or site rules).
    numbered: bool,
    /// Keep the removed blocks (for the output, or for keep rules).
    blocks: bool,
    paths: Option<Paths>,
    rules: Vec<&'a SiteRule>,
    matched: RefCell<Vec<bool>>,
}

impl Corrections<'_> {
    fn has(&self, action: SiteAction) -> bool {
        self.rules.iter().any(|r| r.action == action)
    }

    /// The rule with `action` for the element at page index `index`, marked as matched.
    fn rule_for(&self, index: usize, action: SiteAction) -> bool {
        let Some(paths) = &self.paths else {
            return false;
        };
        let step = paths.step(index);
        let mut signature = None;
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.action != action || !rule.signature.ends_with(step) {
                continue;
            }
            if *signature.get_or_insert_with(|| paths.signature(index)) == rule.signature {
                self.matched.borrow_mut()[i] = true;
                return true;
            }
        }
        false
    }

    /// Numbers a parse of the page (see [`blocks`]).
    fn number(&self, document: &NodeRef) {
        if self.numbered {
            Paths::number(document, false);
        }
    }

    /// Removes the blocks of the remove rules from the prepared page.
    fn remove(&self, document: &NodeRef, explain: &mut Explain) {
        if !self.has(SiteAction::Remove) {
            return;
        }
        let mut next = document.first_child();
        while let Some(node) = next {
            if blocks::index_of(&node).is_some_and(|i| self.rule_for(i, SiteAction::Remove)) {
                next = dom::next_skipping_children(&node, document);
                explain.remove(&node, Rule::SiteRule, &|| "site rule".to_string());
            } else {
                next = dom::next_in_order(&node, document);
            }
        }
    }

    /// Puts the blocks of the keep rules back into `content` where they stood; returns the
    /// other removed blocks.
    fn keep(&self, content: &NodeRef, taken: Vec<Taken>) -> Vec<Taken> {
        let Some(paths) = self.paths.as_ref().filter(|_| self.has(SiteAction::Keep)) else {
            return taken;
        };
        let kept = paths.by_index(content);
        let mut rest = Vec::new();
        let mut restored: Vec<usize> = Vec::new();
        for block in taken {
            match block.index {
                // (A page parsed again for another attempt gives the same block twice.)
                Some(i) if restored.contains(&i) => {}
                Some(i) if block.node.parent().is_none() && self.rule_for(i, SiteAction::Keep) => {
                    restored.push(i);
                    let (parent, after) =
                        blocks::place(paths, i, content, |a| kept[a].clone(), blocks::index_of);
                    match after {
                        Some(after) => after.insert_after(block.node),
                        None => parent.prepend(block.node),
                    }
                }
                _ => rest.push(block),
            }
        }
        rest
    }

    fn unmatched(&self) -> Vec<SiteRule> {
        let matched = self.matched.borrow();
        (self.rules.iter().zip(matched.iter()))
            .filter(|(_, m)| !**m)
            .map(|(r, _)| (*r).clone())
            .collect()
    }
}

/// The removed blocks as the reader gets them: each sanitised on its own, and placed among
/// the elements of the sanitised article `content` (which still carry their page indexes).
fn removed_blocks(
    taken: Vec<Taken>,
    paths: &Paths,
    content: &NodeRef,
    base: Option<&urls::BaseUrl>,
) -> (Vec<RemovedBlock>, Vec<KeptBlock>) {
    let elements: Vec<NodeRef> = content
        .descendants()
        .filter(|n| n.as_element().is_some())
        .collect();
    let kept_blocks = elements
        .iter()
        .enumerate()
        .filter(|(_, el)| dom::is_html(el, tunables::KEPT_BLOCK_TAGS))
        .filter_map(|(number, el)| {
            Some(KeptBlock {
                number,
                signature: paths.signature(blocks::index_of(el)?),
            })
        })
        .collect();
    let kept = paths.by_index(content);
    let mut number = vec![u32::MAX; paths.len()];
    for (k, el) in elements.iter().enumerate() {
        if let Some(slot) = blocks::index_of(el).and_then(|i| number.get_mut(i)) {
            *slot = k as u32;
        }
    }
    let number_of = |n: &NodeRef| match blocks::index_of(n) {
        Some(i) => number
            .get(i)
            .filter(|k| **k != u32::MAX)
            .map(|k| *k as usize),
        // A wrapper the engine made: found by a walk (rare).
        None => elements.iter().position(|e| e == n),
    };
    let mut out: Vec<RemovedBlock> = Vec::new();
    for block in taken {
        let Some(i) = block.index.filter(|_| block.node.parent().is_none()) else {
            continue;
        };
        // (A page parsed again for another attempt gives the same block twice.)
        if out.iter().any(|b| b.index == Some(i)) {
            continue;
        }
        let wrapper = dom::new_html_element("div", vec![]);
        wrapper.append(block.node);
        // A form's text (a comment box's notes) shows; its fields go with the sanitiser.
        let forms: Vec<NodeRef> = wrapper
            .descendants()
            .filter(|n| dom::is_html(n, &["form"]))
            .collect();
        for form in forms {
            dom::rename(&form, "div");
        }
        sanitise::sanitise(&wrapper, base, &mut Explain::new(false));
        let text = output::text::to_text(&wrapper)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let html = output::html::to_html(&wrapper);
        if text.is_empty() && !html.contains("<img") {
            continue;
        }
        let (parent, after) =
            blocks::place(paths, i, content, |a| kept[a].clone(), blocks::index_of);
        out.push(RemovedBlock {
            rule: block.rule,
            group: block.rule.group(),
            html,
            preview: text.chars().take(tunables::REMOVED_PREVIEW_CHARS).collect(),
            signature: paths.signature(i),
            index: Some(i),
            parent: (parent != *content).then(|| number_of(&parent)).flatten(),
            after: after.as_ref().and_then(number_of),
        });
    }
    (out, kept_blocks)
}

/// Extracts the article from a page's HTML.
///
/// Returns [`Error::NoArticle`] when the page has nothing that reads as an article, and
/// the limit errors of [`Options`] for input too large or too complex. Never panics.
pub fn extract(html: &str, options: &Options) -> Result<Article, Error> {
    extract_cow(std::borrow::Cow::Borrowed(html), options)
}

/// [`extract`], taking the page's HTML: the string is freed as soon as the article is found,
/// so its memory serves the outputs (the wasm build gets the page as its own string).
pub fn extract_owned(html: String, options: &Options) -> Result<Article, Error> {
    extract_cow(std::borrow::Cow::Owned(html), options)
}

fn extract_cow(html: std::borrow::Cow<str>, options: &Options) -> Result<Article, Error> {
    let base = match &options.url {
        Some(u) if !u.trim().is_empty() => {
            Some(urls::BaseUrl::parse(u).ok_or_else(|| Error::InvalidUrl(u.clone()))?)
        }
        _ => None,
    };
    let document = parse::parse(&html, options)?;
    let host = options.url.as_deref().and_then(siterules::host_of);
    let rules: Vec<&SiteRule> = options
        .site_rules
        .for_host(host.as_deref())
        .map(|(_, r)| r)
        .collect();
    let keep_rules = rules.iter().any(|r| r.action == SiteAction::Keep);
    let blocks = options.removed_blocks || keep_rules;
    let numbered = options.explain || blocks || !rules.is_empty();
    let fixes = Corrections {
        numbered,
        paths: if blocks || !rules.is_empty() {
            Paths::number(&document, true)
        } else if numbered {
            Paths::number(&document, false)
        } else {
            None
        },
        blocks,
        matched: RefCell::new(vec![false; rules.len()]),
        rules,
    };
    let mut explain = Explain::with_blocks(options.explain, blocks);
    // A <base href> refines the page address for resolving relative URLs (metadata reads it).
    let meta = metadata::extract(&document, base);
    let base = meta.base.clone();
    // The standfirst is looked for before preparation: a page's `<header>` holding the title
    // and the standfirst (no paragraph long enough to be kept) goes with the site's header.
    let lead = if options.whole_document {
        None
    } else {
        meta.excerpt
            .as_deref()
            .and_then(|description| select::Lead::find(&document, description))
    };
    prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut explain);
    fixes.remove(&document, &mut explain);

    // The page's tree goes (but for the article) before the article's outputs are built, so
    // the two are never in memory together (a large page's tree is several times its HTML).
    let selected = if options.whole_document {
        select::whole_body(&document)
    } else {
        find_article(document, &html, &meta, options, &fixes, lead, &mut explain)?
    };
    drop(html);
    let content = &selected.content;
    let taken = fixes.keep(content, explain.take_blocks());
    // With blocks kept aside, sanitising keeps the page indexes, for placing them; then they go.
    sanitise::sanitise(content, base.as_ref(), &mut explain);
    let (removed_blocks, kept_blocks) = match (&fixes.paths, options.removed_blocks) {
        (Some(paths), true) => removed_blocks(taken, paths, content, base.as_ref()),
        _ => (Vec::new(), Vec::new()),
    };
    if explain.blocks() {
        for node in content.descendants() {
            if let Some(el) = node.as_element() {
                el.attributes.borrow_mut().remove(marks::INDEX_ATTR);
            }
        }
    }

    let text_content = output::text::to_text(content);
    // The plain text leaves the reader's video links out; an article that is one video is
    // still an article.
    if text_content.trim().is_empty()
        && !options.whole_document
        && !content
            .descendants()
            .any(|n| output::text::is_video_link(&n))
    {
        return Err(Error::NoArticle);
    }
    let excerpt = meta
        .excerpt
        .clone()
        .or_else(|| output::text::first_paragraph(content));
    let dir = selected
        .dir
        .clone()
        .or(meta.dir.clone())
        .or_else(|| output::text::script_direction(&text_content));
    let words = output::text::WordCount::count(&text_content);
    let longer = |declared: Option<usize>, found: usize| {
        declared.is_some_and(|d| d as f64 >= INCOMPLETE_RATIO * found.max(1) as f64)
    };
    let may_be_incomplete = meta.not_free
        || longer(meta.declared_chars, text_content.chars().count())
        || longer(meta.declared_words, words.total());
    let (html, markdown) = output::render(content, options.outputs);
    Ok(Article {
        title: meta.title.clone().unwrap_or_default(),
        byline: meta.byline.clone().or(selected.byline.clone()),
        dir,
        lang: meta.lang.clone(),
        length: text_content.chars().count(),
        content: html,
        markdown,
        word_count: words.total(),
        reading_time_minutes: words.reading_minutes(),
        text_content: if options.outputs.text {
            text_content
        } else {
            String::new()
        },
        excerpt,
        site_name: meta.site_name.clone(),
        published_time: meta.published_time.clone(),
        lead_image_url: meta.lead_image_url.clone(),
        removed: explain.into_removals(),
        removed_blocks,
        kept_blocks,
        unmatched_rules: fixes.unmatched(),
        may_be_incomplete,
    })
}

/// An attempt's `flags` with what the page says of itself (a discussion, a product, a story).
fn page_flags(flags: retry::Flags, meta: &metadata::Metadata) -> retry::Flags {
    retry::Flags {
        discussion: meta.discussion,
        product: meta.product && !meta.story,
        sells: meta.product,
        story: meta.story,
        ..flags
    }
}

/// The prepared page as a whole, when it holds [`HUB_MIN_PAGE_RATIO`] times the text of the
/// short article found in it (`article_len` characters, `article_linked` of them in links): a
/// hub page (a front page, a list of jobs, papers or products) has no one block that reads as
/// an article, and its lists are what it has to read. So is a page of prose sections (a
/// service's or a product's landing page) whose best block is one section: when the page
/// holds [`PROSE_HUB_MIN_PAGE_RATIO`] times its text and the rest is hardly links, the rest
/// is more of the same prose, not teasers. The page is parsed and prepared afresh, as for a
/// retry. Of a page that names its main region (one `<main>`, [`select::main_region`]) the
/// hub is that region: the rest is the site's chrome (skip links, menus, footers not marked
/// as such), whatever the page's size; a main region left empty (its list is drawn by a
/// script) gives no article.
///
/// `page` is the prepared page's text length and link density as the first attempt measured
/// them before scoring (the page parsed and prepared afresh is the same): a page that is no
/// hub by them is not parsed again to learn it.
fn hub_page(
    html: &str,
    meta: &metadata::Metadata,
    options: &Options,
    fixes: &Corrections,
    article_len: usize,
    article_linked: f64,
    page: (usize, f64),
) -> Result<Option<(usize, select::Selected, Explain)>, Error> {
    if !is_hub(page.0, page.1, article_len, article_linked).0 {
        return Ok(None);
    }
    let document = parse::parse(html, options)?;
    let mut log = Explain::with_blocks(options.explain, fixes.blocks);
    fixes.number(&document);
    prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut log);
    fixes.remove(&document, &mut log);
    let mut hub = select::whole_body(&document);
    let len = dom::text_len(&hub.content);
    let (is_hub, list, prose, feed) = is_hub(
        len,
        stats::link_density(&hub.content),
        article_len,
        article_linked,
    );
    if !is_hub {
        return Ok(None);
    }
    // The page's main region, when it names one, is the hub's list; the rest is its chrome.
    if let Some(main) = select::main_region(&hub.content) {
        hub.content = select::region_alone(main);
    }
    clean::remove_hub_footers(&hub.content, &mut log);
    // A product page's customers' reviews go as they do from the page scoring reads.
    if meta.product && !meta.story {
        clean::remove_hub_reviews(&hub.content, &mut log);
    }
    // A page of prose sections is read as an article: what it holds besides its prose (a
    // blog post's comment form and share bar, its author's box) goes as on the last attempt,
    // whose rules leave a section's links and lists alone. A list hub keeps all it holds.
    if prose && !list && !feed {
        let flags = page_flags(
            retry::Flags::ATTEMPTS[retry::Flags::ATTEMPTS.len() - 1],
            meta,
        );
        clean::clean(
            &hub.content,
            options.char_threshold,
            flags,
            &hub.common_classes,
            &mut log,
        );
    }
    Ok(Some((len, hub, log)))
}

/// Whether a prepared page of `len` characters with link density `density` is a hub around
/// the article found in it (`article_len` characters, `article_linked` in links), and which
/// kind: (any, a list, prose sections, a feed's page).
fn is_hub(
    len: usize,
    density: f64,
    article_len: usize,
    article_linked: f64,
) -> (bool, bool, bool, bool) {
    let list =
        article_len < HUB_MAX_ARTICLE_CHARS && len >= HUB_MIN_PAGE_RATIO * article_len.max(1);
    // The text the page holds beyond the article, and how much of it is links.
    let extra = len.saturating_sub(article_len) as f64;
    let extra_linked = density * len as f64 - article_linked;
    // An article that is nearly all links is a feed of teasers, one section of the hub.
    let feed = feed(article_len, article_linked)
        && len as f64 >= HUB_FEED_MIN_PAGE_RATIO * article_len.max(1) as f64;
    let prose = article_len < PROSE_HUB_MAX_ARTICLE_CHARS
        && len as f64 >= PROSE_HUB_MIN_PAGE_RATIO * article_len.max(1) as f64
        && extra_linked < PROSE_HUB_MAX_LINK_DENSITY * extra;
    (list || prose || feed, list, prose, feed)
}

/// Whether an article of `len` characters, `linked` of them in links, is a feed of teasers
/// ([`HUB_FEED_MIN_LINK_DENSITY`]).
fn feed(len: usize, linked: f64) -> bool {
    len > 0 && linked >= HUB_FEED_MIN_LINK_DENSITY * len as f64
}

/// Whether `content`'s text holds the end of a sentence: a mark of [`SENTENCE_END_MARKS`]
/// at the end of a text or before a space or a closing quote or bracket (not the point of
/// `14.00` or of a domain name), or a full-width mark of [`FULL_WIDTH_SENTENCE_END_MARKS`]
/// anywhere.
fn holds_sentence(content: &NodeRef) -> bool {
    use kuchikiki::iter::NodeIterator;
    content.inclusive_descendants().text_nodes().any(|t| {
        let text = t.borrow();
        let text = text.trim_end();
        text.char_indices().any(|(i, c)| {
            FULL_WIDTH_SENTENCE_END_MARKS.contains(&c)
                || (SENTENCE_END_MARKS.contains(&c)
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| n.is_whitespace() || CLOSING_MARKS.contains(&n)))
        })
    })
}

/// Scores, selects and cleans the prepared page; when the article comes out shorter than
/// [`Options::char_threshold`], relaxes the class-based rules and tries again on the page
/// parsed and prepared afresh (never the structural removals of preparation). Keeps the
/// longest attempt.
///
/// An attempt changes the tree it works on, so each needs an untouched page. The first works
/// on the page itself and later ones (about one page in twelve) parse `html` again: a copy of
/// the tree kept aside for them would be the largest thing in memory (a tree is several times
/// its HTML). The lead paragraph (`lead`) was looked for in the page before preparation.
fn find_article(
    document: kuchikiki::NodeRef,
    html: &str,
    meta: &metadata::Metadata,
    options: &Options,
    fixes: &Corrections,
    lead: Option<select::Lead>,
    explain: &mut Explain,
) -> Result<select::Selected, Error> {
    let mut page = Some(document);
    let mut best: Option<(usize, select::Selected, Explain)> = None;
    // The text length of the best attempt's block, entries kept against cleaning included.
    let mut best_whole = 0;
    // The prepared page's text length and link density, for scoring and the hub's question
    // (measured on the page as parsed first, before scoring changes it; every attempt
    // prepares the same page). An attempt that keeps all of the page's text cannot be
    // outdone, and the attempts after it (each a parse, a score and a cleaning of the whole
    // page) would only find it again: short pages were extracted four times over.
    let mut page_measure = None;
    // Set when an attempt's best block is a comment ([`select::Selected::in_comment`]): the
    // attempts start again with the page read as a discussion.
    let mut discussion = meta.discussion;
    let mut attempt = 0;
    while let Some(&flags) = retry::Flags::ATTEMPTS.get(attempt) {
        attempt += 1;
        let mut flags = page_flags(flags, meta);
        flags.discussion |= discussion;
        let mut log = Explain::with_blocks(options.explain, fixes.blocks);
        retry::take_effects();
        #[cfg(test)]
        retry::MADE.with(|m| m.set(m.get() + 1));
        let document = match page.take() {
            Some(document) => document,
            None => {
                let document = parse::parse(html, options)?;
                fixes.number(&document);
                let mut again = Explain::new(false);
                prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut again);
                fixes.remove(&document, &mut again);
                document
            }
        };
        // The body alone, as its own tree: what lies above it is not the article's.
        let body = dom::body(&document).ok_or(Error::NoArticle)?;
        body.detach();
        drop(document);
        let (page_len, _) =
            *page_measure.get_or_insert_with(|| stats::text_len_and_link_density(&body));
        let grab = score::score(&body, page_len, meta, flags, &mut log);
        let selected = select::pick(&body, grab, flags);
        drop(body);
        if selected.in_comment && !discussion {
            discussion = true;
            attempt = 0;
            best = None;
            continue;
        }
        // Entries of a list kept against conditional cleaning do not count: whether to try
        // again, the main region and whether the page is a hub are decided on what the rules
        // alone leave.
        let kept = clean::clean(
            &selected.content,
            options.char_threshold,
            flags,
            &selected.common_classes,
            &mut log,
        );
        let selected = select::within_main_region(selected, kept);
        let whole = dom::text_len(&selected.content);
        let len = whole.saturating_sub(kept);
        let done = len >= options.char_threshold || len >= page_len;
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, selected, log));
            best_whole = whole;
        }
        if done {
            break;
        }
        // The next attempts that would repeat this one (they relax only rules that acted on
        // nothing here) would find the same article again: they are not made.
        let did = retry::take_effects();
        while let Some(&next) = retry::Flags::ATTEMPTS.get(attempt) {
            let mut next = page_flags(next, meta);
            next.discussion |= discussion;
            if !flags.repeats(next, did) {
                break;
            }
            attempt += 1;
        }
    }
    if let Some(hub) = best
        .as_ref()
        .map(|(len, selected, _)| {
            // (The best block's text was measured when it was found, and is unchanged since.)
            let linked = stats::link_density_of(&selected.content, best_whole) * *len as f64;
            (*len, selected, linked)
        })
        .filter(|(len, _, linked)| {
            *len < HUB_MAX_ARTICLE_CHARS.max(PROSE_HUB_MAX_ARTICLE_CHARS) || feed(*len, *linked)
        })
        // A page that says it is a story is read as one, unless what was found of it is
        // short and holds not one sentence (a tagline, a product's name and price): then it
        // is no story, and may be a hub of links (not a page of prose sections); nor is a
        // feed of teasers.
        .filter(|(len, selected, linked)| {
            !meta.story
                || (*len < HUB_MAX_ARTICLE_CHARS && !holds_sentence(&selected.content))
                || feed(*len, *linked)
        })
        .and_then(|(len, _, linked)| {
            let page = page_measure.unwrap_or_default();
            hub_page(html, meta, options, fixes, len, linked, page).transpose()
        })
    {
        best = Some(hub?);
    }
    match best {
        Some((len, selected, mut log)) if len > 0 => {
            // After the hub's question, which measures what cleaning left.
            if meta.story && !discussion {
                clean::remove_kickers(&selected.content, &mut log);
            }
            if let Some(lead) = lead {
                lead.insert(&selected.content);
            }
            explain.extend(log);
            Ok(selected)
        }
        _ => Err(Error::NoArticle),
    }
}
