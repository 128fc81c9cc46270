//! Stage 8: the outputs. The sanitised article tree is written out as HTML ([`html`]), as
//! plain text ([`text`]) and as Markdown ([`markdown`]), each from the same tree, so the three
//! always say the same thing. Which of them an extraction builds is [`Outputs`]: an output not
//! asked for costs nothing.

pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod text;

use kuchikiki::NodeRef;

/// Which outputs an extraction writes into the [`crate::Article`]. An output left out is an
/// empty string in its field, and its time is saved. The article text is always worked out
/// (the length, the word count and the "no article" verdict need it); [`Outputs::text`] only
/// says whether [`crate::Article::text_content`] carries it.
///
/// Default: all three. The CLI asks for the ones its format shows; in JavaScript the same
/// switches are the options `html`, `text` and `markdown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outputs {
    /// The article as sanitised HTML ([`crate::Article::content`]). Default: on.
    pub html: bool,
    /// The article as plain text ([`crate::Article::text_content`]). Default: on.
    pub text: bool,
    /// The article as Markdown ([`crate::Article::markdown`]), a few percent of an extraction's
    /// time. Default: on.
    pub markdown: bool,
}

impl Default for Outputs {
    fn default() -> Self {
        Outputs {
            html: true,
            text: true,
            markdown: true,
        }
    }
}

/// The requested outputs of `content` (HTML, Markdown); empty where not asked for.
pub(crate) fn render(content: &NodeRef, outputs: Outputs) -> (String, String) {
    let html = if outputs.html {
        html::to_html(content)
    } else {
        String::new()
    };
    let markdown = if outputs.markdown {
        markdown::to_markdown(content)
    } else {
        String::new()
    };
    (html, markdown)
}
