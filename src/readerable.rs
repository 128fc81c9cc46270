//! The cheap check: does this page look like it has an article? (For the toolbar icon.)
//! No extraction: one parse and one walk. Readability's test (enough long visible
//! paragraphs outside unlikely blocks), plus ours: listings and home pages — many
//! `<article>` teasers that are mostly links, and little running text besides them — are
//! not readerable. What extraction reads although a browser would not show it (a long
//! `<noscript>` fallback, React's streamed `<div hidden>` content, a hidden page-wide
//! wrapper) counts here too, so that a page this calls not readerable rarely gives an
//! article (and one it calls readerable always does).

use crate::dom;
use crate::dom::is_hidden;
use crate::text::is_cjk;
use crate::tunables::{
    unlikely_named, LISTING_MAX_OWN_SCORE, LISTING_MIN_TEASERS, NOSCRIPT_CONTENT_MIN_CHARS,
    READERABLE_CJK_WEIGHT, READERABLE_MIN_CONTENT_LENGTH, READERABLE_MIN_SCORE,
};
use crate::Options;
use kuchikiki::NodeRef;

/// The length of `node`'s text as Readability measures it (the text as written, whitespace
/// inside it and all, trimmed at its ends: pages that wrap and indent their paragraphs' source
/// lines have longer ones), each character of a script written without spaces (Chinese,
/// Japanese) counted [`READERABLE_CJK_WEIGHT`] times: Readability's lengths are set for
/// languages whose words are five or six letters and a space, and a Chinese paragraph of
/// sixty characters says as much as an English one of two hundred. Without the weight no
/// Chinese or Japanese news page was readerable.
fn weighted_len(node: &NodeRef) -> usize {
    let text = node.text_contents();
    let text = text.trim();
    // (Most text is ASCII: no character of it to decode and test.)
    if text.is_ascii() {
        return text.len();
    }
    let (chars, cjk) = text
        .chars()
        .fold((0, 0), |(n, cjk), c| (n + 1, cjk + usize::from(is_cjk(c))));
    chars + cjk * (READERABLE_CJK_WEIGHT - 1)
}

/// Whether the hidden `node` is one extraction reads anyway, so that this check agrees with it:
/// React's streamed content (`<div hidden id="S:n">`, which its script moves into place) and
/// a page-wide wrapper (a hidden block holding most of the page's running text: an
/// anti-flicker shell), as preparation judges them.
fn shown_by_preparation(node: &NodeRef, page_len: usize) -> bool {
    (dom::is(node, &["div"]) && dom::attr(node, "id").is_some_and(|id| id.starts_with("S:")))
        || crate::stats::is_page_wrapper(node, page_len)
}

/// True when the page probably holds an article a reader view can show.
pub fn is_probably_readerable(html: &str) -> bool {
    let Ok(document) = crate::parse::parse(html, &Options::default()) else {
        return false;
    };
    let page_len = dom::body(&document).map_or(0, |b| dom::text_len(&b));
    let mut score = 0.0;
    // The part of the score from outside teasers, and where the teaser being walked ends.
    let mut own_score = 0.0;
    let mut teaser_end: Option<NodeRef> = None;
    let mut teasers = 0usize;
    let mut articles = 0usize;
    let mut node = Some(document.clone());
    while let Some(n) = node {
        if teaser_end.as_ref() == Some(&n) {
            teaser_end = None;
        }
        if n.as_element().is_none() {
            node = dom::next_in_order(&n, &document);
            continue;
        }
        if (is_hidden(&n) && !shown_by_preparation(&n, page_len))
            || dom::is(&n, &["script", "style", "template", "nav"])
            || (dom::is(&n, &["noscript"]) && dom::text_len(&n) < NOSCRIPT_CONTENT_MIN_CHARS)
        {
            node = dom::next_skipping_children(&n, &document);
            continue;
        }
        if dom::is(&n, &["article"]) {
            articles += 1;
            let len = dom::text_len(&n);
            let linked = dom::linked_len(&n);
            if len < 600 && linked * 2 >= len {
                teasers += 1;
                if teaser_end.is_none() {
                    teaser_end = Some(
                        dom::next_skipping_children(&n, &document)
                            .unwrap_or_else(|| document.clone()),
                    );
                }
            }
        }
        let scored = dom::is(&n, &["p", "pre", "article"])
            || (dom::is(&n, &["div"]) && n.children().any(|c| dom::is(&c, &["br"])));
        if scored {
            let m = dom::class_and_id(&n);
            let unlikely = unlikely_named(&m);
            let in_list_item =
                dom::is(&n, &["p"]) && n.parent().is_some_and(|p| dom::is(&p, &["li"]));
            if !unlikely && !in_list_item {
                let len = weighted_len(&n);
                if len >= READERABLE_MIN_CONTENT_LENGTH {
                    let points = ((len - READERABLE_MIN_CONTENT_LENGTH) as f64).sqrt();
                    score += points;
                    if teaser_end.is_none() {
                        own_score += points;
                    }
                }
            }
        }
        node = dom::next_in_order(&n, &document);
    }
    let listing = teasers >= LISTING_MIN_TEASERS
        && teasers * 2 >= articles
        && own_score < LISTING_MAX_OWN_SCORE;
    score > READERABLE_MIN_SCORE && !listing
}

#[cfg(test)]
mod tests {
    use super::is_probably_readerable;

    #[test]
    fn a_chinese_page_of_paragraphs_is_readerable() {
        // Seventy characters a paragraph: a full paragraph of Chinese news, under the 140
        // characters an English one needs.
        let paragraph = format!(
            "<p>{}</p>",
            "市议会周二投票通过了新的预算，其中包括道路维修和公共图书馆的资金。".repeat(2)
        );
        let page = format!(
            "<html><body><div class=\"content\">{}</div></body></html>",
            paragraph.repeat(5)
        );
        assert!(is_probably_readerable(&page));
    }

    #[test]
    fn a_page_of_long_paragraphs_is_readerable() {
        let paragraph = format!(
            "<p>{}</p>",
            "A sentence of the story, long enough to count. ".repeat(12)
        );
        let page = format!(
            "<html><body><article>{}</article></body></html>",
            paragraph.repeat(4)
        );
        assert!(is_probably_readerable(&page));
    }

    /// A teaser: a linked headline and a linked summary long enough to count as a paragraph.
    fn teaser(n: usize) -> String {
        format!(
            "<article><h2><a href='/{n}'>Headline of story {n}</a></h2><p><a href='/{n}'>{}</a></p></article>",
            "A summary of the linked story, which runs on for a while. ".repeat(4)
        )
    }

    #[test]
    fn a_page_of_linked_teasers_is_a_listing_and_not_readerable() {
        let teasers: String = (0..8).map(teaser).collect();
        let page = format!("<html><body><h1>Latest</h1><main>{teasers}</main></body></html>");
        assert!(!is_probably_readerable(&page));
    }

    #[test]
    fn an_article_with_a_strip_of_related_teasers_is_readerable() {
        let paragraph = format!(
            "<p>{}</p>",
            "A sentence of the story, long enough to count. ".repeat(12)
        );
        let related: String = (0..6).map(teaser).collect();
        let page = format!(
            "<html><body><div class='post'>{}</div><section>{related}</section></body></html>",
            paragraph.repeat(6)
        );
        assert!(is_probably_readerable(&page));
    }

    /// Four paragraphs of `body` each, in a page with room for a wrapper's share of the text.
    fn page_with(wrapper: &str) -> String {
        let paragraph = format!(
            "<p>{}</p>",
            "A sentence of the story, long enough to count. ".repeat(12)
        );
        wrapper.replace("{}", &paragraph.repeat(4))
    }

    #[test]
    fn a_long_noscript_fallback_counts_as_extraction_reads_it() {
        let page =
            page_with("<html><body><noscript><div class='post'>{}</div></noscript></body></html>");
        assert!(is_probably_readerable(&page));
    }

    #[test]
    fn reacts_streamed_hidden_content_counts() {
        let page = page_with(
            "<html><body><template id='B:0'></template><p>Loading…</p><div hidden id='S:0'>{}</div></body></html>",
        );
        assert!(is_probably_readerable(&page));
    }

    #[test]
    fn a_hidden_wrapper_around_the_whole_page_counts() {
        let page = page_with(
            "<html><body><div style='visibility:hidden' class='async-hide'><main>{}</main></div></body></html>",
        );
        assert!(is_probably_readerable(&page));
    }

    #[test]
    fn a_paragraphs_inner_whitespace_counts_as_in_readability() {
        // Each paragraph 120 letters and spaces of text, wrapped over indented source lines
        // to 160 characters as written: long enough for Readability's 140.
        let line = "A line of the story as it was typed in.";
        let paragraph = format!("<p>{}</p>", [line; 3].join("\n              "));
        let page = format!(
            "<html><body><div>{}</div></body></html>",
            paragraph.repeat(12)
        );
        assert!(is_probably_readerable(&page));
    }

    #[test]
    fn a_page_of_short_lines_is_not() {
        let page = "<html><body><p>Welcome.</p><p>Sign in.</p></body></html>";
        assert!(!is_probably_readerable(page));
    }

    #[test]
    fn hidden_paragraphs_beside_the_pages_own_text_do_not_count() {
        let paragraph = format!(
            "<p>{}</p>",
            "A sentence of the story, long enough to count. ".repeat(12)
        );
        let menu = "<li><a href='/x'>A section of the site, with its name</a></li>".repeat(30);
        let page = format!(
            "<html><body><ul>{menu}</ul><div hidden>{}</div></body></html>",
            paragraph.repeat(2)
        );
        assert!(!is_probably_readerable(&page));
    }
}
