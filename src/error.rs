//! The one error type of the engine.

use std::fmt;

/// Why no article came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The page holds nothing that reads as an article (a home page, a listing, an empty page).
    NoArticle,
    /// The input is larger than [`crate::Options::max_input_bytes`].
    InputTooLarge {
        /// The input's size in bytes.
        bytes: usize,
        /// The limit it is over.
        limit: usize,
    },
    /// The document has more nodes than [`crate::Options::max_nodes`].
    TooManyNodes {
        /// The limit it is over.
        limit: usize,
    },
    /// The page address in the options is not an absolute http(s) or file URL.
    InvalidUrl(String),
    /// A site rules file ([`crate::SiteRules::from_json`]) is malformed, of another version,
    /// or over its limits; the message says what and where.
    InvalidRules(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoArticle => write!(f, "no article found on this page"),
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "page too large: {bytes} bytes (the limit is {limit} bytes)"
            ),
            Error::TooManyNodes { limit } => {
                write!(f, "page too complex: more than {limit} nodes")
            }
            Error::InvalidUrl(url) => write!(f, "invalid page address: {url:?}"),
            Error::InvalidRules(why) => write!(f, "invalid site rules: {why}"),
        }
    }
}

impl std::error::Error for Error {}
