//! The Markdown safety oracle: the article's Markdown, read by a CommonMark parser
//! (pulldown-cmark, with the GFM tables and strikethrough the writer uses), holds no raw HTML
//! (no HTML block, no inline HTML) and no link or image whose destination has a scheme other
//! than http, https or mailto. It reads the Markdown twice: with GFM footnotes, and without
//! them, where a note's `[^1]: text` is a link reference definition.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Fails, naming `context`, when `markdown` rendered by a CommonMark renderer that passes raw
/// HTML would hold any, or a link or image outside the allowed schemes.
pub fn assert_markdown_safe(markdown: &str, context: &str) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).chain(Parser::new_ext(
        markdown,
        options | Options::ENABLE_FOOTNOTES,
    ));
    for event in events {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{context}: raw HTML {html:?} in the Markdown:\n{markdown}")
            }
            Event::Start(Tag::HtmlBlock) => {
                panic!("{context}: an HTML block in the Markdown:\n{markdown}")
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                let scheme = super::oracle::scheme(&dest_url);
                assert!(
                    matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                    "{context}: destination {dest_url:?} in the Markdown:\n{markdown}"
                );
            }
            _ => {}
        }
    }
}
