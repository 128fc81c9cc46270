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
mod dom;
mod error;
mod explain;
mod marks;
mod options;
mod retry;
mod rule;
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

// The parser's parts: the tokenizer, raw-text scanning, the depth guard, character references.
mod depth;
mod entities;
mod raw;
mod tokenize;

// The adapters over the pipeline.
#[cfg(not(target_arch = "wasm32"))]
mod decode;
#[cfg(feature = "internals")]
pub mod internals;
#[cfg(test)]
mod testing;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Removal};
#[cfg(not(target_arch = "wasm32"))]
pub use decode::decode_html;
pub use error::Error;
pub use options::Options;
pub use output::Outputs;
pub use readerable::is_probably_readerable;
pub use rule::Rule;

use explain::Explain;
use tunables::{HUB_MAX_ARTICLE_CHARS, HUB_MIN_PAGE_RATIO};

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
    let mut explain = Explain::new(options.explain);
    explain.number_elements(&document);
    // A <base href> refines the page address for resolving relative URLs (metadata reads it).
    let meta = metadata::extract(&document, base);
    let base = meta.base.clone();
    prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut explain);

    // The page's tree goes (but for the article) before the article's outputs are built, so
    // the two are never in memory together (a large page's tree is several times its HTML).
    let selected = if options.whole_document {
        select::whole_body(&document)
    } else {
        find_article(document, &html, &meta, options, &mut explain)?
    };
    drop(html);
    let content = &selected.content;
    sanitise::sanitise(content, base.as_ref(), &mut explain);

    let text_content = output::text::to_text(content);
    if text_content.trim().is_empty() && !options.whole_document {
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
    })
}

/// The prepared page as a whole, when it holds [`HUB_MIN_PAGE_RATIO`] times the text of the
/// short article found in it (`article_len` characters): a hub page (a front page, a list
/// of jobs, papers or products) has no one block that reads as an article, and its lists
/// are what it has to read. The page is parsed and prepared afresh, as for a retry.
fn hub_page(
    html: &str,
    meta: &metadata::Metadata,
    options: &Options,
    article_len: usize,
) -> Result<Option<(usize, select::Selected, Explain)>, Error> {
    let document = parse::parse(html, options)?;
    let mut log = Explain::new(options.explain);
    log.number_elements(&document);
    prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut log);
    let hub = select::whole_body(&document);
    let len = dom::text_len(&hub.content);
    Ok((len >= HUB_MIN_PAGE_RATIO * article_len.max(1)).then_some((len, hub, log)))
}

/// Scores, selects and cleans the prepared page; when the article comes out shorter than
/// [`Options::char_threshold`], relaxes the class-based rules and tries again on the page
/// parsed and prepared afresh (never the structural removals of preparation). Keeps the
/// longest attempt.
///
/// An attempt changes the tree it works on, so each needs an untouched page. The first works
/// on the page itself and later ones (about one page in twelve) parse `html` again: a copy of
/// the tree kept aside for them would be the largest thing in memory (a tree is several times
/// its HTML). The lead paragraph is looked for in the untouched page before the first attempt.
fn find_article(
    document: kuchikiki::NodeRef,
    html: &str,
    meta: &metadata::Metadata,
    options: &Options,
    explain: &mut Explain,
) -> Result<select::Selected, Error> {
    let lead = meta
        .excerpt
        .as_deref()
        .and_then(|description| select::Lead::find(&document, description));
    let mut page = Some(document);
    let mut best: Option<(usize, select::Selected, Explain)> = None;
    for flags in retry::Flags::ATTEMPTS {
        let flags = retry::Flags {
            discussion: meta.discussion,
            product: meta.product && !meta.story,
            ..flags
        };
        let mut log = Explain::new(options.explain);
        let document = match page.take() {
            Some(document) => document,
            None => {
                let document = parse::parse(html, options)?;
                log.number_elements(&document);
                let mut again = Explain::new(false);
                prepare::prepare(&document, meta.title.as_deref().unwrap_or(""), &mut again);
                document
            }
        };
        // The body alone, as its own tree: what lies above it is not the article's.
        let body = dom::body(&document).ok_or(Error::NoArticle)?;
        body.detach();
        drop(document);
        let grab = score::score(&body, meta, flags, &mut log);
        let selected = select::pick(&body, grab, flags);
        drop(body);
        clean::clean(
            &selected.content,
            options.char_threshold,
            flags,
            &selected.common_classes,
            &mut log,
        );
        let len = dom::text_len(&selected.content);
        let done = len >= options.char_threshold;
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, selected, log));
        }
        if done {
            break;
        }
    }
    if let Some(hub) = best
        .as_ref()
        .filter(|(len, _, _)| !meta.story && *len < HUB_MAX_ARTICLE_CHARS)
        .and_then(|(len, _, _)| hub_page(html, meta, options, *len).transpose())
    {
        best = Some(hub?);
    }
    match best {
        Some((len, selected, log)) if len > 0 => {
            if let Some(lead) = lead {
                lead.insert(&selected.content);
            }
            explain.extend(log);
            Ok(selected)
        }
        _ => Err(Error::NoArticle),
    }
}
