//! Removal of trailing sections: a heading that opens teasers or comments, with what follows.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::retry::Flags;
use crate::rule::Rule;
use crate::stats::link_density;
use crate::tunables::{REVIEWS_HEADING, TRAILING_SECTION_HEADING};
use kuchikiki::NodeRef;

/// Ours: a heading that opens a block of teasers or comments ("Recent News", "Related
/// Articles", "Leave a Comment") goes with what follows it in its container, when that is
/// mostly links, a form, or nothing. On a product page ([`Flags::product`]) the customers'
/// reviews go too, as a section (see [`remove_section`]).
pub(super) fn remove_trailing_sections(content: &NodeRef, flags: Flags, explain: &mut Explain) {
    let headings: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| {
            dom::is(d, &["h2", "h3", "h4", "h5", "h6", "p", "div", "strong"])
                && dom::text_len_capped(d, 60) <= 60
        })
        .collect();
    for h in headings {
        if h.parent().is_none() || guards_protected(&h) {
            continue;
        }
        let text = dom::normalized_text(&h);
        let reviews = flags.product && REVIEWS_HEADING.is_match(&text);
        if text.is_empty() || !(reviews || TRAILING_SECTION_HEADING.is_match(&text)) {
            continue;
        }
        // A paragraph or div counts as a heading only when it is all bold or all heading.
        if dom::is(&h, &["p", "div"])
            && !h
                .walk_descendants()
                .any(|d| dom::is(&d, &["strong", "b", "h2", "h3", "h4", "h5", "h6"]))
        {
            continue;
        }
        if reviews {
            remove_section(content, &h, Rule::CustomerReviews, &text, explain);
            continue;
        }
        let followers: Vec<NodeRef> = h
            .following_siblings()
            .filter(|s| s.as_element().is_some() || dom::has_text(s))
            .collect();
        let total: usize = followers.iter().map(dom::text_len).sum();
        let linked: f64 = followers
            .iter()
            .map(|f| link_density(f) * dom::text_len(f) as f64)
            .sum();
        if total == 0 || linked / total as f64 >= 0.5 {
            let detail = text.clone();
            for f in followers {
                explain.remove(&f, Rule::TrailingSection, || detail.clone());
            }
            explain.remove(&h, Rule::TrailingSection, || text.clone());
        }
    }
}

/// Removes the section that `heading` opens: the heading, and what follows it up to the next
/// heading of its rank or higher. A heading alone in its wrapper (`<div class="reviews-head">
/// <h2>Reviews</h2></div><div class="reviews">…`) opens its wrapper's section: the walk climbs
/// such wrappers first (never to `content`).
fn remove_section(
    content: &NodeRef,
    heading: &NodeRef,
    rule: Rule,
    text: &str,
    explain: &mut Explain,
) {
    let rank = heading_rank(heading).unwrap_or(6);
    let has_text_siblings = |n: &NodeRef| {
        n.preceding_siblings()
            .chain(n.following_siblings())
            .any(|s| dom::has_text(&s))
    };
    let mut start = heading.clone();
    while !has_text_siblings(&start) {
        match start.parent() {
            Some(p) if p != *content && p.parent().is_some() => start = p,
            _ => break,
        }
    }
    let followers: Vec<NodeRef> = start
        .following_siblings()
        .take_while(|s| opening_rank(s).is_none_or(|r| r > rank))
        .collect();
    for f in followers {
        explain.remove(&f, rule, || text.to_string());
    }
    explain.remove(&start, rule, || text.to_string());
}

/// The rank of a heading element (`h2` → 2).
fn heading_rank(node: &NodeRef) -> Option<u8> {
    match dom::tag(node) {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// The rank of the heading `node` opens with: itself, or its first element child's, down.
fn opening_rank(node: &NodeRef) -> Option<u8> {
    let mut n = node.clone();
    loop {
        if let Some(rank) = heading_rank(&n) {
            return Some(rank);
        }
        n = dom::element_children(&n).next()?;
    }
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean, clean_with, PROSE};
    use crate::Rule;

    #[test]
    fn a_related_heading_goes_with_the_links_after_it() {
        // (On the last attempt, so that conditional cleaning does not take the links first.)
        let (html, rules) = clean_with(
            &format!(
                "<div>{PROSE}<h3>Related Articles</h3><ul><li><a href=\"/x\">Another story \
                 entirely</a></li></ul></div>"
            ),
            Flags::ATTEMPTS[3],
        );
        assert!(!html.contains("Related"), "{html}");
        assert!(!html.contains("Another story"), "{html}");
        assert!(
            rules.iter().all(|r| *r == Rule::TrailingSection),
            "{rules:?}"
        );
    }

    #[test]
    fn a_related_heading_before_prose_stays() {
        let (html, _) = clean(&format!("<div><h3>Related Articles</h3>{PROSE}</div>"));
        assert!(html.contains("Related Articles"), "{html}");
    }
}
