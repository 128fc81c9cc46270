//! The one options type. Every field has a documented default chosen for real pages.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

/// How to extract. Build with [`Options::default`] and set what differs.
///
/// Also deserialisable (serde), as JavaScript passes it to the wasm build: camelCase keys
/// ([`Options::KEYS`]: `explain`, `wholeDocument`, `maxInputBytes`, `maxNodes`,
/// `charThreshold`, the outputs' switches at the top level, `html`, `text`, `markdown`,
/// `removedBlocks`, and `siteRules`: the text of a site rules file),
/// every key optional (missing keys take their defaults, unknown ones are ignored). The page
/// address is not read from there: the wasm `extract` takes it as its own argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The page's address: relative links and images are resolved against it (a `<base href>`
    /// in the page refines it), and its host is the site name of last resort.
    /// Default: none, so relative URLs are kept as they are.
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
    pub outputs: crate::Outputs,
    /// Give back every block the engine removed, with its HTML, rule, signature and place
    /// ([`crate::Article::removed_blocks`]). Default: off (it keeps the removed blocks and
    /// sanitises each).
    pub removed_blocks: bool,
    /// A person's corrections: blocks to keep or remove on pages of a host
    /// ([`crate::SiteRules`]). JavaScript passes the rules file's text as `siteRules`.
    /// Default: none.
    pub site_rules: crate::SiteRules,
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
            removed_blocks: false,
            site_rules: crate::SiteRules::default(),
        }
    }
}

impl Options {
    /// The keys [`Options`] is deserialised from, as JavaScript writes them.
    pub const KEYS: &'static [&'static str] = &[
        "explain",
        "wholeDocument",
        "maxInputBytes",
        "maxNodes",
        "charThreshold",
        "html",
        "text",
        "markdown",
        "removedBlocks",
        "siteRules",
    ];

    /// Default options for a page at `url`.
    pub fn with_url(url: impl Into<String>) -> Self {
        Options {
            url: Some(url.into()),
            ..Options::default()
        }
    }
}

// By hand rather than derived: serde's `flatten`, which would put the outputs' switches at the
// top level, costs the wasm 4.7 KB of gzip.
impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Options", Options::KEYS, OptionsVisitor)
    }
}

struct OptionsVisitor;

impl<'de> Visitor<'de> for OptionsVisitor {
    type Value = Options;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of extraction options")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Options, A::Error> {
        let mut options = Options::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "explain" => options.explain = map.next_value()?,
                "wholeDocument" => options.whole_document = map.next_value()?,
                "maxInputBytes" => options.max_input_bytes = map.next_value()?,
                "maxNodes" => options.max_nodes = map.next_value()?,
                "charThreshold" => options.char_threshold = map.next_value()?,
                "html" => options.outputs.html = map.next_value()?,
                "text" => options.outputs.text = map.next_value()?,
                "markdown" => options.outputs.markdown = map.next_value()?,
                "removedBlocks" => options.removed_blocks = map.next_value()?,
                "siteRules" => {
                    let text: String = map.next_value()?;
                    options.site_rules = crate::SiteRules::from_json(&text)
                        .map_err(|e| serde::de::Error::custom(e.to_string()))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(options)
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
    fn the_page_address_and_unknown_keys_are_not_read() {
        let options: Options =
            serde_json::from_str(r#"{"url": "https://example.com/", "colour": [1, 2]}"#).unwrap();
        assert_eq!(options, Options::default());
    }

    #[test]
    fn every_key_is_read() {
        let json = r#"{"explain": true, "wholeDocument": true, "maxInputBytes": 1, "maxNodes": 2,
            "charThreshold": 3, "html": false, "text": false, "markdown": false}"#;
        let options: Options = serde_json::from_str(json).unwrap();
        assert_eq!(
            options,
            Options {
                url: None,
                explain: true,
                whole_document: true,
                max_input_bytes: 1,
                max_nodes: 2,
                char_threshold: 3,
                outputs: crate::Outputs {
                    html: false,
                    text: false,
                    markdown: false,
                },
                removed_blocks: false,
                site_rules: crate::SiteRules::default(),
            }
        );
    }
}
