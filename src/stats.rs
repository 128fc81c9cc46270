//! Text lengths and link densities of every element of a tree, computed in one pass.
//!
//! Selection asks for the link density of every scored candidate, then for the paragraph
//! text and link density of the winner's ancestors; each question walked the block's whole
//! subtree again, so a page's text was read once per level of nesting above it. This table
//! answers each question from one post-order walk. It describes the tree as it was when
//! built: use it only while the tree does not change (nodes it has not seen are measured
//! directly).

use crate::dom;
use crate::dom::Walk;
use crate::tunables::{
    HASH_LINK_WEIGHT, WRAPPER_MAX_LINK_DENSITY, WRAPPER_MIN_CHARS, WRAPPER_MIN_SHARE,
};
use kuchikiki::iter::NodeEdge;
use kuchikiki::NodeRef;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
    /// The element's text: its length, and how it joins its neighbours'.
    span: Span,
    /// Weighted link text below the element (not counting the element itself).
    linked: f64,
}

/// Hashes a node's address: addresses are unique while the tree lives, so a multiply that
/// mixes them is all a key needs (the default SipHash was a third of the table's cost). Also
/// the hasher of scoring's table of scores, keyed alike.
#[derive(Default)]
pub(crate) struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let x = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The table: per element, its text length and the weighted text of the links below it.
pub(crate) struct TextStats {
    map: HashMap<usize, Entry, BuildHasherDefault<AddressHasher>>,
    /// Holding the root keeps every measured node, and so its address, alive.
    _root: NodeRef,
}

fn key(node: &NodeRef) -> usize {
    let node: &kuchikiki::Node = node;
    node as *const kuchikiki::Node as usize
}

impl TextStats {
    /// Measures every element below and including `root`.
    pub(crate) fn new(root: &NodeRef) -> TextStats {
        let mut map = HashMap::default();
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
                    map.insert(key(&n), Entry { span, linked });
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
    pub(crate) fn text_len(&self, node: &NodeRef) -> usize {
        self.span(node).len
    }

    /// The span of `node`'s text. One the table has forgotten (something below it was
    /// removed) is put together from its children's, as the table was: the walk goes down
    /// only the forgotten path, not through the whole subtree.
    fn span(&self, node: &NodeRef) -> Span {
        if let Some(e) = self.map.get(&key(node)) {
            return e.span;
        }
        if let Some(t) = node.as_text() {
            return Span::of(&t.borrow());
        }
        if node.as_element().is_none() && node.as_document().is_none() {
            return Span::default();
        }
        node.children()
            .filter(|c| c.as_text().is_some() || c.as_element().is_some())
            .fold(Span::default(), |span, c| span.then(self.span(&c)))
    }

    /// Forgets what it knew of `node` and its ancestors (their text changed: something below
    /// them was removed) and of the nodes below `removed`, if given (gone from the tree, and
    /// their addresses free for new nodes); those are measured again when asked.
    pub(crate) fn forget(&mut self, node: &NodeRef, removed: Option<&NodeRef>) {
        self.map.remove(&key(node));
        for a in node.ancestors() {
            self.map.remove(&key(&a));
        }
        if let Some(removed) = removed {
            for d in removed.inclusive_descendants() {
                self.map.remove(&key(&d));
            }
        }
    }

    /// [`link_density`] of `node`.
    pub(crate) fn link_density(&self, node: &NodeRef) -> f64 {
        match self.map.get(&key(node)) {
            Some(e) if e.span.len == 0 => 0.0,
            Some(e) => e.linked / e.span.len as f64,
            None => link_density(node),
        }
    }
}

/// Share of a block's text that sits in links (links to `#anchors` count less).
pub(crate) fn link_density(node: &NodeRef) -> f64 {
    link_density_of(node, dom::text_len(node))
}

/// [`link_density`] of `node`, whose text length `total` is known.
pub(crate) fn link_density_of(node: &NodeRef, total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let mut linked = 0.0;
    for a in node.walk_descendants().filter(|d| dom::is(d, &["a"])) {
        linked += dom::text_len(&a) as f64 * link_weight(&a);
    }
    linked / total as f64
}

/// [`dom::text_len`] of `node` and its [`link_density_of`], from one walk.
pub(crate) fn text_len_and_link_density(node: &NodeRef) -> (usize, f64) {
    let mut linked = 0.0;
    let total = dom::text_len_visiting(node, &mut |d| {
        if d != node && dom::is(d, &["a"]) {
            linked += dom::text_len(d) as f64 * link_weight(d);
        }
    });
    if total == 0 {
        return (0, 0.0);
    }
    (total, linked / total as f64)
}

/// How much a link's text counts towards link density: links to `#anchors` count less
/// (footnotes, tables of contents).
pub(crate) fn link_weight(a: &NodeRef) -> f64 {
    // (Read in place: a copy of every link's address was made.)
    let to_anchor = a.as_element().is_some_and(|el| {
        dom::get(&el.attributes.borrow(), "href").is_some_and(|h| h.starts_with('#') && h.len() > 1)
    });
    if to_anchor {
        HASH_LINK_WEIGHT
    } else {
        1.0
    }
}

/// Whether `node` is a page-wide wrapper of a page with `page_len` characters of text: it holds
/// [`WRAPPER_MIN_SHARE`] of them, mostly outside links. Preparation keeps such a block whatever
/// its tag or attributes say; the readerable check asks the same, so that it reads what
/// extraction keeps.
pub(crate) fn is_page_wrapper(node: &NodeRef, page_len: usize) -> bool {
    if page_len < WRAPPER_MIN_CHARS {
        return false;
    }
    let len = dom::text_len(node);
    len as f64 >= WRAPPER_MIN_SHARE * page_len as f64
        && (dom::linked_len(node) as f64) < WRAPPER_MAX_LINK_DENSITY * len as f64
}

#[cfg(test)]
mod tests {
    use super::link_density;
    use super::TextStats;
    use crate::dom;
    use crate::dom::Walk;
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

    #[test]
    fn after_a_removal_the_forgotten_path_is_measured_again() {
        let doc = kuchikiki::parse_html().one(PAGE).document_node;
        let mut stats = TextStats::new(&doc);
        let p = doc.walk_descendants().find(|n| dom::is(n, &["p"])).unwrap();
        let parent = p.parent().unwrap();
        p.detach();
        stats.forget(&parent, Some(&p));
        for n in doc.walk_inclusive().filter(|n| n.as_element().is_some()) {
            assert_eq!(stats.text_len(&n), dom::text_len(&n), "{n}");
        }
    }
}
