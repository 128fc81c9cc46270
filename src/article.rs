//! What the engine returns: the article and its metadata.

use crate::rule::Rule;
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
