//! Removal of breadcrumb trails without semantic markup above the article.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::rule::Rule;
use crate::tunables::{BREADCRUMB_MAX_CHARS, BREADCRUMB_MIN_LINKS, LEAD_PARAGRAPH_CHARS};
use kuchikiki::NodeRef;

/// True when `href` points at a site's home page (`/`, `https://host/`, `index.html`).
pub(super) fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    matches!(
        path,
        "" | "/" | "./" | "/index.html" | "/index.php" | "index.html"
    ) && !href.starts_with('#')
}

/// A short block of links, the first to the home page, and nothing else of substance.
pub(super) fn is_breadcrumb_trail(d: &NodeRef) -> bool {
    if !dom::is(d, &["p", "div", "ol", "ul", "span"])
        || dom::text_len_capped(d, BREADCRUMB_MAX_CHARS) > BREADCRUMB_MAX_CHARS
        || d.walk_descendants()
            .any_node(&mut |p| dom::is(p, &["p", "img"]))
    {
        return false;
    }
    let links: Vec<NodeRef> = dom::descendants_named(d, &["a"]);
    links.len() >= BREADCRUMB_MIN_LINKS
        && dom::attr(&links[0], "href").is_some_and(|h| is_home_link(&h))
}

/// Ours: breadcrumb trails without semantic markup ("Start › Archiv › This story") above the
/// article: a short block of at least [`BREADCRUMB_MIN_LINKS`] links whose first goes to the
/// home page, before the article's first real paragraph.
pub(super) fn remove_breadcrumb_trails(content: &NodeRef, explain: &mut Explain) {
    let mut trails: Vec<NodeRef> = Vec::new();
    for d in content.walk_descendants() {
        if is_breadcrumb_trail(&d)
            && !trails
                .iter()
                .any(|t| dom::any_ancestor(&d, &mut |a| a == t))
        {
            trails.push(d);
        } else if dom::is(&d, &["p"])
            && dom::text_len_capped(&d, LEAD_PARAGRAPH_CHARS) >= LEAD_PARAGRAPH_CHARS
        {
            break;
        }
    }
    for t in trails {
        if !guards_protected(&t) {
            explain.remove(&t, Rule::Breadcrumbs, &|| dom::normalized_text(&t));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean_with, PROSE};
    use crate::Rule;

    #[test]
    fn a_trail_of_links_from_the_home_page_above_the_article_goes() {
        let trail = "<div><a href=\"/\">Home</a> › <a href=\"/news/\">News</a> › \
            <a href=\"/news/world/\">World</a></div>";
        // (On the last attempt, so that conditional cleaning does not take the trail first.)
        let (html, rules) = clean_with(&format!("{trail}{PROSE}"), Flags::ATTEMPTS[3]);
        assert!(!html.contains("Home"), "{html}");
        assert_eq!(rules, [Rule::Breadcrumbs]);
    }
}
