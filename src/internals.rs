//! The engine's stages for tests, fuzzing and benchmarks (feature `internals`), not for
//! applications: names and signatures here may change with any release.
//!
//! These wrappers keep the stages themselves private (the public API is [`crate::extract`] and
//! its types), while `tests/`, `fuzz/` and `benches/` reach the parts they check on their own:
//! the parser, the sanitiser and the serialiser.

use crate::explain::Explain;
use crate::{Error, Options};
use kuchikiki::NodeRef;

/// A page address to resolve relative URLs against (the sanitiser's `base`).
#[derive(Debug, Clone)]
pub struct BaseUrl(crate::urls::BaseUrl);

impl BaseUrl {
    /// Parses an absolute http(s) or file URL; None for anything else.
    pub fn parse(url: &str) -> Option<BaseUrl> {
        crate::urls::BaseUrl::parse(url).map(BaseUrl)
    }
}

/// Parses a page as the extraction does (the first stage), within the limits of `options`.
pub fn parse(html: &str, options: &Options) -> Result<NodeRef, Error> {
    crate::parse::parse(html, options)
}

/// Parses `html` as a browser parses the content of a `<div>`; returns the container.
pub fn reparse(html: &str) -> NodeRef {
    crate::parse::reparse(html)
}

/// Sanitises `root`'s descendants in place, resolving relative URLs against `base`.
pub fn sanitise(root: &NodeRef, base: Option<&BaseUrl>) {
    crate::sanitise::sanitise(root, base.map(|b| &b.0), &mut Explain::new(false));
}

/// Parses an HTML fragment as the content of a `<div>`, sanitises it and returns the container.
pub fn sanitise_fragment(html: &str, base: Option<&BaseUrl>) -> NodeRef {
    let root = reparse(html);
    sanitise(&root, base);
    root
}

/// Serialises `root`'s descendants as the article's HTML output is serialised.
pub fn to_html(root: &NodeRef) -> String {
    crate::output::html::to_html(root)
}

/// `root`'s descendants as the article's Markdown output is written.
pub fn to_markdown(root: &NodeRef) -> String {
    crate::output::markdown::to_markdown(root)
}

/// A canonical description of `root`'s descendants: two trees with equal dumps are the same.
pub fn dump(root: &NodeRef) -> String {
    crate::output::html::dump(root)
}
