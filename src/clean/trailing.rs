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
use std::collections::HashMap;

/// Ours: a heading that opens a block of teasers or comments ("Recent News", "Related
/// Articles", "Leave a Comment") goes with what follows it in its container, when that is
/// mostly links, a form, or nothing. On a product page ([`Flags::product`]) the customers'
/// reviews go the same way, whatever their link density.
pub(super) fn remove_trailing_sections(content: &NodeRef, flags: Flags, explain: &mut Explain) {
    let headings: Vec<NodeRef> = content
        .walk_descendants()
        .filter(|d| {
            dom::is(d, &["h2", "h3", "h4", "h5", "h6", "p", "div", "strong"])
                && dom::text_len_capped(d, 60) <= 60
        })
        .collect();
    let mut tails: HashMap<usize, Tails> = HashMap::new();
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
        let Some(parent) = h.parent() else { continue };
        // What follows a heading is measured once per container, from its end: a container
        // of thousands of such headings does not measure its rest once per heading.
        let tails = tails
            .entry(key(&parent))
            .or_insert_with(|| Tails::of(&parent));
        let Some(&at) = tails.index.get(&key(&h)) else {
            continue;
        };
        // Protected content (code, a data table, the notes list) never goes with it.
        if tails.protected[at + 1] {
            continue;
        }
        let (total, linked) = (tails.total[at + 1], tails.linked[at + 1]);
        if reviews || total == 0 || linked / total as f64 >= 0.5 {
            let rule = if reviews {
                Rule::CustomerReviews
            } else {
                Rule::TrailingSection
            };
            let detail = text.clone();
            let followers: Vec<NodeRef> = h.following_siblings().filter(counts).collect();
            for f in followers {
                explain.remove(&f, rule, || detail.clone());
            }
            explain.remove(&h, rule, || text.clone());
        }
    }
}

/// A sibling that counts as following a heading: an element, or text that is not blank.
fn counts(s: &NodeRef) -> bool {
    s.as_element().is_some() || dom::has_text(s)
}

/// A node's identity, for the maps of this pass (the nodes outlive them: the article holds
/// them, and a removed one is held by the log or by a map's `Tails`).
fn key(node: &NodeRef) -> usize {
    &**node as *const kuchikiki::Node as usize
}

/// A container's children measured from its end: for the child at `i`, what the children
/// from `i` on hold (`total`, `linked` text, any `protected`), with one more entry for
/// nothing at the end. Each removal of this pass takes a heading and all that follows it,
/// and a removal elsewhere (inside an earlier child) changes no later child: a container's
/// measure, taken at its first heading, holds for its later ones.
struct Tails {
    /// The measured container (held, so that no other node takes its address).
    _parent: NodeRef,
    index: HashMap<usize, usize>,
    total: Vec<usize>,
    linked: Vec<f64>,
    protected: Vec<bool>,
}

impl Tails {
    fn of(parent: &NodeRef) -> Tails {
        let children: Vec<NodeRef> = parent.children().collect();
        let n = children.len();
        let mut tails = Tails {
            _parent: parent.clone(),
            index: HashMap::with_capacity(n),
            total: vec![0; n + 1],
            linked: vec![0.0; n + 1],
            protected: vec![false; n + 1],
        };
        for (i, c) in children.iter().enumerate().rev() {
            tails.index.insert(key(c), i);
            let (len, link, guard) = if counts(c) {
                let len = dom::text_len(c);
                (len, link_density(c) * len as f64, guards_protected(c))
            } else {
                (0, 0.0, false)
            };
            tails.total[i] = tails.total[i + 1] + len;
            tails.linked[i] = tails.linked[i + 1] + link;
            tails.protected[i] = tails.protected[i + 1] || guard;
        }
        tails
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
