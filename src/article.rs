//! What the engine returns: the article and its metadata.

use crate::rule::Rule;
use crate::siterules::SiteRule;
use serde::Serialize;

/// An extracted article. Field names follow Mozilla Readability's where they exist
/// (serialised in camelCase: `textContent`, `siteName`, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's title, cleaned of site-name suffixes.
    pub title: String,
    /// The author line ("Jane Doe", "Jane Doe and John Roe"), without "By".
    pub byline: Option<String>,
    /// Text direction, `ltr` or `rtl`, when the page says or the script implies it.
    pub dir: Option<String>,
    /// The page's language tag (`en`, `pt-BR`).
    pub lang: Option<String>,
    /// The article body as sanitised HTML (allowlisted elements and attributes only).
    pub content: String,
    /// The article text: blocks separated by blank lines, without captions, alt text or URLs.
    pub text_content: String,
    /// Characters (Unicode scalar values) in `text_content`.
    pub length: usize,
    /// A short summary: the page's description or the first real paragraph.
    pub excerpt: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 where the page gives a parseable date.
    pub published_time: Option<String>,
    /// The article's main image (absolute URL).
    pub lead_image_url: Option<String>,
    /// Words in `text_content`; each CJK character counts as a word.
    pub word_count: usize,
    /// Minutes to read at 230 words (or 500 CJK characters) a minute, at least 1.
    pub reading_time_minutes: usize,
    /// The article as Markdown (without the title).
    pub markdown: String,
    /// With [`crate::Options::explain`]: every block removed and why, in document order of removal.
    pub removed: Vec<Removal>,
    /// With [`crate::Options::removed_blocks`]: the blocks the engine removed, in page order,
    /// each with what a reader needs to show it and put it back. Empty otherwise.
    pub removed_blocks: Vec<RemovedBlock>,
    /// With [`crate::Options::removed_blocks`]: the signatures of the article's own blocks
    /// (paragraphs, lists, tables, headings, ...), for a site rule that removes one. Empty
    /// otherwise.
    pub kept_blocks: Vec<KeptBlock>,
    /// The site rules for this page's host ([`crate::Options::site_rules`]) that matched
    /// nothing: a remove rule whose block is not on the page, a keep rule whose block the
    /// engine did not remove. A report, not an error.
    pub unmatched_rules: Vec<SiteRule>,
    /// The page's own data says there is more text than the engine found: its JSON-LD
    /// `articleBody` or `wordCount` is much longer than the extracted text, or it says it is
    /// not free to read (`isAccessibleForFree: false`).
    pub may_be_incomplete: bool,
}

/// One of the article's blocks, named for a site rule ([`Article::kept_blocks`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeptBlock {
    /// Its number among the elements of [`Article::content`] (as [`RemovedBlock::parent`]).
    pub number: usize,
    /// Its signature ([`crate::SiteRule::signature`]).
    pub signature: String,
}

/// A block the engine removed, given back with [`crate::Options::removed_blocks`] so a reader
/// can show it and put it back without the page: sanitised as the article is, and placed
/// relative to the article's elements. Elements are numbered 0, 1, ... in document order
/// over the elements of [`Article::content`] (what `querySelectorAll('*')` gives on an element
/// holding it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemovedBlock {
    /// The rule that removed it.
    pub rule: Rule,
    /// The plain-language group it is listed under ([`Rule::group`]).
    pub group: &'static str,
    /// The block as sanitised HTML (the same sanitiser as the article's).
    pub html: String,
    /// The first characters of its text.
    pub preview: String,
    /// Its signature, which names it in site rules ([`crate::SiteRule::signature`]).
    pub signature: String,
    /// Its index among the page's elements in document order.
    pub index: Option<usize>,
    /// The number of the article element it goes back into; `None`: the article itself.
    pub parent: Option<usize>,
    /// The number of the element (a child of `parent`) it goes back after; `None`: it goes
    /// first.
    pub after: Option<usize>,
}

/// One block the engine removed, for `--explain` and the demo's "Explain" view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// The pipeline stage that decided (`prepare`, `score`, `clean`, `sanitise`): the rule's
    /// [`Rule::stage`].
    pub stage: &'static str,
    /// The rule, serialised as its stable name ([`Rule::name`]: `hidden`, `link-density`, ...).
    pub rule: Rule,
    /// The evidence: a score, a class token, a ratio.
    pub detail: String,
    /// The element's tag name.
    pub tag: String,
    /// The first characters of the removed text.
    pub preview: String,
    /// The element's position among all elements of the original document, in document
    /// order (0 = `<html>`): what `document.querySelectorAll('*')[index]` finds in a browser.
    pub index: Option<usize>,
}
