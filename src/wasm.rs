//! The wasm-bindgen adapter: the same core, exposed to JavaScript.
//!
//! `extract(html, url, options)` returns a plain object with `null` for missing values,
//! `null` when the page has no article, and throws an `Error` for other failures.

use crate::{Error, Options};
use wasm_bindgen::prelude::*;

/// The options JS passes ([`Options`]'s own deserialisation: camelCase keys, all optional),
/// with the page address from its own argument.
fn options(url: Option<String>, js: JsValue) -> Result<Options, JsError> {
    let mut options: Options = if js.is_undefined() || js.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(js)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    options.url = url.filter(|u| !u.trim().is_empty());
    Ok(options)
}

/// Extracts the article of `html` (the page at `url`). Returns `null` when there is none.
#[wasm_bindgen]
pub fn extract(html: String, url: Option<String>, options_js: JsValue) -> Result<JsValue, JsError> {
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

/// True when the page probably holds an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}

use serde::Serialize as _;
