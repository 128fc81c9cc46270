//! Text lengths and link densities of every element of a tree, computed in one pass.
//!
//! Selection asks for the link density of every scored candidate, then for the paragraph
//! text and link density of the winner's ancestors; each question walked the block's whole
//! subtree again, so a page's text was read once per level of nesting above it. This table
//! answers each question from one post-order walk. It describes the tree as it was when
//! built: use it only while the tree does not change (nodes it has not seen are measured
//! directly).

use crate::dom;
use crate::tunables::HASH_LINK_WEIGHT;
use kuchikiki::iter::NodeEdge;
use kuchikiki::NodeRef;
use std::collections::HashMap;

/// Folded length of a piece of text, with what joining it to its neighbours needs to know.
#[derive(Clone, Copy, Default)]
struct Span {
    /// Characters after folding whitespace runs to one space and trimming (as [`dom::text_len`]).
    len: usize,
    /// Holds a non-whitespace character.
    content: bool,
    /// Whitespace before the first content character (or anywhere, without content).
    lead: bool,
    /// Whitespace after the last content character (or anywhere, without content).
    trail: bool,
}

impl Span {
    fn of(text: &str) -> Span {
        let len = dom::fold_len(text);
        let content = len > 0;
        let (lead, trail) = if content {
            (
                text.starts_with(char::is_whitespace),
                text.ends_with(char::is_whitespace),
            )
        } else {
            let ws = !text.is_empty();
            (ws, ws)
        };
        Span {
            len,
            content,
            lead,
            trail,
        }
    }

    /// The span of `self` followed by `next`: runs of whitespace across the join fold to one
    /// space, counted only between content on both sides.
    fn then(self, next: Span) -> Span {
        match (self.content, next.content) {
            (false, _) => Span {
                lead: self.lead || next.lead,
                trail: if next.content {
                    next.trail
                } else {
                    self.trail || next.trail
                },
                ..next
            },
            (true, false) => Span {
                trail: self.trail || next.lead,
                ..self
            },
            (true, true) => Span {
                len: self.len + next.len + usize::from(self.trail || next.lead),
                content: true,
                lead: self.lead,
                trail: next.trail,
            },
        }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    len: usize,
    /// Weighted link text below the element (not counting the element itself).
    linked: f64,
}

/// The table: per element, its text length and the weighted text of the links below it.
pub struct TextStats {
    map: HashMap<usize, Entry>,
    /// Holding the root keeps every measured node, and so its address, alive.
    _root: NodeRef,
}

fn key(node: &NodeRef) -> usize {
    let node: &kuchikiki::Node = node;
    node as *const kuchikiki::Node as usize
}

/// Links to `#anchors` count less (footnotes, tables of contents).
fn link_weight(a: &NodeRef) -> f64 {
    if dom::attr(a, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1) {
        HASH_LINK_WEIGHT
    } else {
        1.0
    }
}

impl TextStats {
    /// Measures every element below and including `root`.
    pub fn new(root: &NodeRef) -> TextStats {
        let mut map = HashMap::new();
        // Per open element: its span so far and the link text below it so far.
        let mut open: Vec<(Span, f64)> = Vec::new();
        for edge in root.traverse_inclusive() {
            match edge {
                NodeEdge::Start(n) => {
                    if let Some(t) = n.as_text() {
                        if let Some(top) = open.last_mut() {
                            top.0 = top.0.then(Span::of(&t.borrow()));
                        }
                    } else if n.as_element().is_some() || n.as_document().is_some() {
                        open.push((Span::default(), 0.0));
                    }
                }
                NodeEdge::End(n) => {
                    if n.as_element().is_none() && n.as_document().is_none() {
                        continue;
                    }
                    let Some((span, linked)) = open.pop() else {
                        continue;
                    };
                    map.insert(
                        key(&n),
                        Entry {
                            len: span.len,
                            linked,
                        },
                    );
                    if let Some(parent) = open.last_mut() {
                        parent.0 = parent.0.then(span);
                        parent.1 += linked;
                        if dom::is(&n, &["a"]) {
                            parent.1 += span.len as f64 * link_weight(&n);
                        }
                    }
                }
            }
        }
        TextStats {
            map,
            _root: root.clone(),
        }
    }

    /// [`dom::text_len`] of `node`.
    pub fn text_len(&self, node: &NodeRef) -> usize {
        match self.map.get(&key(node)) {
            Some(e) => e.len,
            None => dom::text_len(node),
        }
    }

    /// [`crate::score::link_density`] of `node`.
    pub fn link_density(&self, node: &NodeRef) -> f64 {
        match self.map.get(&key(node)) {
            Some(e) if e.len == 0 => 0.0,
            Some(e) => e.linked / e.len as f64,
            None => crate::score::link_density(node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TextStats;
    use crate::dom;
    use crate::dom::Walk;
    use crate::score::link_density;
    use kuchikiki::traits::TendrilSink;

    const PAGE: &str =
        "<body>  <div id=a> One <b>two</b><i> </i>three\n\n<p>Four <a href=/x>five six</a>\
        <a href='#n'>seven</a></p></div><div id=b><span>  </span><a href=/y><a href=/z>x</a></a> \
        </div><p>\tend</p>  </body>";

    #[test]
    fn agrees_with_walking_each_element() {
        let doc = kuchikiki::parse_html().one(PAGE).document_node;
        let stats = TextStats::new(&doc);
        for n in doc.walk_inclusive().filter(|n| n.as_element().is_some()) {
            assert_eq!(stats.text_len(&n), dom::text_len(&n), "{n}");
            assert!(
                (stats.link_density(&n) - link_density(&n)).abs() < 1e-9,
                "{}",
                n.to_string()
            );
        }
    }

    #[test]
    fn nodes_added_later_are_measured_directly() {
        let doc = kuchikiki::parse_html().one(PAGE).document_node;
        let stats = TextStats::new(&doc);
        let div = dom::new_html_element("div", vec![]);
        div.append(kuchikiki::NodeRef::new_text(" a  b "));
        assert_eq!(stats.text_len(&div), 3);
    }
}
