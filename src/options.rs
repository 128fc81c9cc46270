//! The one options type. Every field has a documented default chosen for real pages.

use serde::Deserialize;

/// How to extract. Build with [`Options::default`] and set what differs.
///
/// Also deserialisable (serde), as JavaScript passes it to the wasm build: camelCase keys
/// (`explain`, `wholeDocument`, `maxInputBytes`, `maxNodes`, `charThreshold`), the outputs'
/// switches at the top level (`html`, `text`, `markdown`), every key optional (missing keys
/// take their defaults, unknown ones are ignored). The page address is not read from there:
/// the wasm `extract` takes it as its own argument.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The page's address: relative links and images are resolved against it (a `<base href>`
    /// in the page refines it), and its host is the site name of last resort.
    /// Default: none, so relative URLs are kept as they are.
    #[serde(skip)]
    pub url: Option<String>,
    /// Record every block the engine removes, with the rule that removed it
    /// ([`crate::Article::removed`]). Default: off (it costs time and memory).
    pub explain: bool,
    /// Skip finding the article: the whole `<body>` is the article. Still prepared, sanitised
    /// and serialised. For a person's own selection, and to turn reference HTML into text.
    /// Default: off.
    pub whole_document: bool,
    /// Input larger than this many bytes is refused with [`crate::Error::InputTooLarge`].
    /// Default: 64 MiB; the largest real pages are a few MB, and 30 MB still extracts.
    pub max_input_bytes: usize,
    /// Documents with more nodes than this are refused with [`crate::Error::TooManyNodes`].
    /// Default: 4,000,000 (a 30 MB page has about 1.5 million).
    pub max_nodes: usize,
    /// Fewer characters of article text than this count as "too short": the engine relaxes its
    /// class-based filters and tries again before settling. Default: 500 (Readability's value).
    pub char_threshold: usize,
    /// Which outputs to write into the article: HTML, text, Markdown ([`crate::Outputs`]).
    /// Default: all three. The CLI asks for those its format shows.
    #[serde(flatten)]
    pub outputs: crate::Outputs,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            explain: false,
            whole_document: false,
            max_input_bytes: 64 * 1024 * 1024,
            max_nodes: 4_000_000,
            char_threshold: 500,
            outputs: crate::Outputs::default(),
        }
    }
}

impl Options {
    /// Default options for a page at `url`.
    pub fn with_url(url: impl Into<String>) -> Self {
        Options {
            url: Some(url.into()),
            ..Options::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Options;

    #[test]
    fn missing_keys_take_their_defaults() {
        let options: Options = serde_json::from_str("{}").unwrap();
        assert_eq!(options, Options::default());
    }

    #[test]
    fn keys_are_camel_case_and_the_outputs_sit_at_the_top_level() {
        let options: Options = serde_json::from_str(
            r#"{"wholeDocument": true, "charThreshold": 100, "maxNodes": 5, "markdown": false}"#,
        )
        .unwrap();
        assert!(options.whole_document);
        assert_eq!((options.char_threshold, options.max_nodes), (100, 5));
        assert!(!options.outputs.markdown);
        assert!(options.outputs.html && options.outputs.text);
        assert!(!options.explain);
    }

    #[test]
    fn the_page_address_is_not_read_from_the_options() {
        let options: Options = serde_json::from_str(r#"{"url": "https://example.com/"}"#).unwrap();
        assert_eq!(options.url, None);
    }
}
