//! The wasm-bindgen adapter: the same core, exposed to JavaScript.
//!
//! `extract(html, url, options)` returns a plain object with `null` for missing values,
//! `null` when the page has no article, and throws an `Error` for other failures.
//! `checkSiteRules(text)` checks a site rules file as `extract`'s option `siteRules` reads it.

use crate::{Error, Options};
use wasm_bindgen::prelude::*;

/// The options JS passes ([`Options::KEYS`]: camelCase keys, all optional; `undefined` and
/// `null` take the default), with the page address from its own argument. Read key by key
/// rather than through serde: its type errors format floats, which costs the wasm the float
/// formatting machinery (about 7 KB gzip).
fn options(url: Option<String>, js: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if !(js.is_undefined() || js.is_null()) {
        if !js.is_object() {
            return Err(JsError::new("invalid options: not an object"));
        }
        let get = |key: &str| {
            js_sys::Reflect::get(&js, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let wrong =
            |key: &str, what: &str| JsError::new(&format!("invalid options: {key} must be {what}"));
        for (key, flag) in [
            ("explain", &mut options.explain),
            ("wholeDocument", &mut options.whole_document),
            ("html", &mut options.outputs.html),
            ("text", &mut options.outputs.text),
            ("markdown", &mut options.outputs.markdown),
            ("removedBlocks", &mut options.removed_blocks),
        ] {
            if let Some(v) = get(key) {
                *flag = v.as_bool().ok_or_else(|| wrong(key, "true or false"))?;
            }
        }
        for (key, count) in [
            ("maxInputBytes", &mut options.max_input_bytes),
            ("maxNodes", &mut options.max_nodes),
            ("charThreshold", &mut options.char_threshold),
        ] {
            if let Some(v) = get(key) {
                *count = v
                    .as_f64()
                    .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n <= u32::MAX as f64)
                    .ok_or_else(|| wrong(key, "a whole number"))? as usize;
            }
        }
        if let Some(v) = get("siteRules") {
            let text = v
                .as_string()
                .ok_or_else(|| wrong("siteRules", "a string"))?;
            options.site_rules =
                crate::SiteRules::from_json(&text).map_err(|e| JsError::new(&e.to_string()))?;
        }
    }
    options.url = url.filter(|u| !u.trim().is_empty());
    Ok(options)
}

#[wasm_bindgen(typescript_custom_section)]
const EXTRACT_OPTIONS: &str = r#"
/** The options of `extract` (`lectern::Options`; every key optional, its default when left out). */
export interface ExtractOptions {
  /** List every removed block and why (`removed`). Default: false. */
  explain?: boolean;
  /** The whole page is the article (no selection, no cleaning). Default: false. */
  wholeDocument?: boolean;
  /** Refuse larger input (bytes). Default: 64 MiB. */
  maxInputBytes?: number;
  /** Refuse documents with more nodes. Default: 4,000,000. */
  maxNodes?: number;
  /** Shorter articles (characters) are looked for again, with relaxed rules. Default: 500. */
  charThreshold?: number;
  /** Write `content`, `textContent`, `markdown`. Default: true each. */
  html?: boolean;
  text?: boolean;
  markdown?: boolean;
  /** Give back `removedBlocks` and `keptBlocks` (sanitised HTML, rule, group, signature, place). Default: false. */
  removedBlocks?: boolean;
  /** The text of a site rules file (docs/site-rules.md), applied to pages of its hosts. Default: none. */
  siteRules?: string;
}
"#;

// What `extract` returns: `Article` (src/article.rs) as serde serialises it, camelCase, `null`
// for a missing value (json_compatible). tests/e2e/packages.test.mjs type-checks a program
// against these declarations and checks them against a real result.
#[wasm_bindgen(typescript_custom_section)]
const ARTICLE: &str = r#"
/** An extracted article (`lectern::Article`). Field names follow Mozilla Readability's where they exist. */
export interface Article {
  /** The article's title, cleaned of site-name suffixes. */
  title: string;
  /** The author line ("Jane Doe"), without "By". */
  byline: string | null;
  /** Text direction, when the page says or the script implies it. */
  dir: "ltr" | "rtl" | null;
  /** The page's language tag (`en`, `pt-BR`). */
  lang: string | null;
  /** The article body as sanitised HTML (empty with the option `html: false`). */
  content: string;
  /** The article text, blocks separated by blank lines (empty with `text: false`). */
  textContent: string;
  /** Characters (Unicode scalar values) in `textContent`. */
  length: number;
  /** A short summary: the page's description or the first real paragraph. */
  excerpt: string | null;
  /** The publication's name. */
  siteName: string | null;
  /** Publication time, ISO 8601 where the page gives a parseable date. */
  publishedTime: string | null;
  /** The article's main image (absolute URL). */
  leadImageUrl: string | null;
  /** Words in the text; each CJK character counts as a word. */
  wordCount: number;
  /** Minutes to read at 230 words (or 500 CJK characters) a minute, at least 1. */
  readingTimeMinutes: number;
  /** The article as Markdown, without the title (empty with `markdown: false`). */
  markdown: string;
  /** With `explain`: every block removed and why, in order of removal. Empty otherwise. */
  removed: Removal[];
  /** With `removedBlocks`: the blocks the engine removed, in page order. Empty otherwise. */
  removedBlocks: RemovedBlock[];
  /** With `removedBlocks`: the signatures of the article's own blocks. Empty otherwise. */
  keptBlocks: KeptBlock[];
  /** The site rules for this page's host that matched nothing (a report, not an error). */
  unmatchedRules: SiteRule[];
  /** The page's own data says there is more text than the engine found. */
  mayBeIncomplete: boolean;
}

/** One block the engine removed, and why (`explain`). */
export interface Removal {
  /** The pipeline stage that decided: `prepare`, `score`, `clean` or `sanitise`. */
  stage: string;
  /** The rule's stable name (`hidden`, `link-density`, ...). */
  rule: string;
  /** The evidence: a score, a class token, a ratio. */
  detail: string;
  /** The element's tag name. */
  tag: string;
  /** The first characters of the removed text. */
  preview: string;
  /** The element's position among all elements of the page (`querySelectorAll('*')[index]`). */
  index: number | null;
}

/** A removed block, with what a reader needs to show it and put it back (`removedBlocks`). */
export interface RemovedBlock {
  /** The rule's stable name. */
  rule: string;
  /** The plain-language group it is listed under ("Sidebars", "Navigation", ...). */
  group: string;
  /** The block as sanitised HTML. */
  html: string;
  /** The first characters of its text. */
  preview: string;
  /** Its signature, which names it in site rules. */
  signature: string;
  /** Its index among the page's elements in document order. */
  index: number | null;
  /** The number of the article element it goes back into; `null`: the article itself. */
  parent: number | null;
  /** The number of the element (a child of `parent`) it goes back after; `null`: first. */
  after: number | null;
}

/** One of the article's own blocks, named for a site rule (`removedBlocks`). */
export interface KeptBlock {
  /** Its number among the elements of `content`. */
  number: number;
  /** Its signature. */
  signature: string;
}

/** A site rule (docs/site-rules.md): on pages of `host`, keep or remove the block with `signature`. */
export interface SiteRule {
  host: string;
  action: "keep" | "remove";
  signature: string;
}

/**
 * What `extract` and `checkSiteRules` throw: a plain `Error` whose message says what went wrong
 * (input over the limits, too many nodes, an invalid URL, invalid options or site rules). A page
 * without an article is not an error: `extract` returns `null`.
 */
export type ExtractError = Error;

/** The options of `extract` (another name for `ExtractOptions`). */
export type Options = ExtractOptions;
"#;

/// Extracts the article of `html` (the page at `url`). Returns `null` when there is none.
#[wasm_bindgen(unchecked_return_type = "Article | null")]
pub fn extract(
    html: String,
    url: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "ExtractOptions | undefined | null")] options_js: JsValue,
) -> Result<JsValue, JsError> {
    let opts = options(url, options_js)?;
    match crate::extract_owned(html, &opts) {
        Ok(article) => {
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            article
                .serialize(&serializer)
                .map_err(|e| JsError::new(&e.to_string()))
        }
        Err(Error::NoArticle) => Ok(JsValue::NULL),
        Err(e) => Err(JsError::new(&e.to_string())),
    }
}

/// Checks the text of a site rules file (`docs/site-rules.md`) as `extract` reads it: returns
/// how many rules it holds, or throws an `Error` saying what is wrong.
#[wasm_bindgen(js_name = checkSiteRules)]
pub fn check_site_rules(text: &str) -> Result<u32, JsError> {
    crate::SiteRules::from_json(text)
        .map(|rules| rules.rules.len() as u32)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// True when the page probably holds an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}

use serde::Serialize as _;
