//! The one options type. Every field has a documented default chosen for real pages.

/// How to extract. Build with [`Options::default`] and set what differs.
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
