//! The sentences of an article for reading aloud (issue 22), as a wasm module of its own: the
//! reader loads it when reading starts, so the engine it opens with does not carry Unicode's
//! sentence tables (about 18 KB gzip). The splitting itself is the engine's
//! ([`lectern::sentences`]); this is its wasm-bindgen adapter.
//!
//! `sentences(blocks, lang)` takes the texts of the article's blocks (paragraphs, headings, list
//! items) in reading order and returns `[{ text, block, start, end }]`: `block` an index into
//! `blocks`, `start`/`end` UTF-16 offsets into that block's text (what a DOM `Range` takes).
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
mod wasm {
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// The sentences of `blocks`; `lang` is the article's language (BCP 47), for its
    /// abbreviations. Throws an `Error` when a block is not a string.
    #[wasm_bindgen(unchecked_return_type = "Sentence[]")]
    pub fn sentences(
        #[wasm_bindgen(unchecked_param_type = "string[]")] blocks: js_sys::Array,
        lang: Option<String>,
    ) -> Result<JsValue, JsError> {
        let texts = blocks
            .iter()
            .map(|v| {
                v.as_string()
                    .ok_or_else(|| JsError::new("blocks must be strings"))
            })
            .collect::<Result<Vec<String>, JsError>>()?;
        lectern::sentences(&texts, lang.as_deref().unwrap_or(""))
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    #[wasm_bindgen(typescript_custom_section)]
    const SENTENCE: &str = r#"
/** One sentence of a block: its text, the block's index, and its UTF-16 range in that block. */
export interface Sentence { text: string; block: number; start: number; end: number; }
"#;
}
