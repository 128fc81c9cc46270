//! The wasm-bindgen adapter: the same core, exposed to JavaScript.
//!
//! `extract(html, url, options)` returns a plain object with `null` for missing values,
//! `null` when the page has no article, and throws an `Error` for other failures.

use crate::{Error, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options as JS passes them (camelCase keys, all optional).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    explain: Option<bool>,
    whole_document: Option<bool>,
    max_input_bytes: Option<usize>,
    max_nodes: Option<usize>,
    char_threshold: Option<usize>,
    markdown: Option<bool>,
}

fn options(url: Option<String>, js: JsValue) -> Result<Options, JsError> {
    let js: JsOptions = if js.is_undefined() || js.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(js)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let d = Options::default();
    Ok(Options {
        url: url.filter(|u| !u.trim().is_empty()),
        explain: js.explain.unwrap_or(d.explain),
        whole_document: js.whole_document.unwrap_or(d.whole_document),
        max_input_bytes: js.max_input_bytes.unwrap_or(d.max_input_bytes),
        max_nodes: js.max_nodes.unwrap_or(d.max_nodes),
        char_threshold: js.char_threshold.unwrap_or(d.char_threshold),
        outputs: crate::Outputs {
            markdown: js.markdown.unwrap_or(d.outputs.markdown),
            ..d.outputs
        },
    })
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
