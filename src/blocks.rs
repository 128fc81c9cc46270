//! What a removed block needs to come back: where it stood and what it is called.
//!
//! With [`crate::Options::removed_blocks`], `--explain` or site rules, every element of the
//! page gets its index in document order ([`INDEX_ATTR`]) before any stage runs, and
//! [`Paths`] keeps, per index, the element's parent and its *step*: tag, `#id`, `.class` tokens
//! and `:n`, its position among its parent's element children in the page as parsed. A block's
//! signature is its steps from below `<body>` down, joined by `>` (`div#page:2>aside.widget:3`):
//! the same block on every load of the page, whatever its text, since the table is built before
//! anything is removed. The table and its lookups cost nothing when none of those is asked for.
//!
//! [`place`] finds where a removed block stood among the blocks kept: its nearest ancestor
//! still in the article, and the child of that ancestor it followed.

use crate::dom;
use crate::dom::Walk;
use crate::marks::INDEX_ATTR;
use crate::tunables::{SIGNATURE_MAX_NAME_CHARS, SIGNATURE_MAX_STEPS};
use kuchikiki::traits::*;
use kuchikiki::NodeRef;

const NONE: u32 = u32::MAX;

/// Each element's parent (below `<body>`) and step, by index in document order.
#[derive(Debug, Default)]
pub(crate) struct Paths {
    parent: Vec<u32>,
    step: Vec<String>,
}

/// The element's index in the page ([`INDEX_ATTR`]), when numbered.
pub(crate) fn index_of(node: &NodeRef) -> Option<usize> {
    node.as_element()?
        .attributes
        .borrow()
        .get(INDEX_ATTR)?
        .parse()
        .ok()
}

fn shorten(name: &str) -> &str {
    match name.char_indices().nth(SIGNATURE_MAX_NAME_CHARS) {
        Some((i, _)) => &name[..i],
        None => name,
    }
}

impl Paths {
    /// Numbers every element of `document` in document order ([`INDEX_ATTR`]); with `table`,
    /// also returns each one's parent and step. Only called when something needs them: it
    /// touches every element.
    pub(crate) fn number(document: &NodeRef, table: bool) -> Option<Paths> {
        let mut paths = Paths::default();
        // Element children seen so far, per parent index (the last slot: the top level).
        let mut children: Vec<u32> = Vec::new();
        let mut top = 0u32;
        for (i, el) in document.walk_descendants().elements().enumerate() {
            el.attributes.borrow_mut().insert(INDEX_ATTR, i.to_string());
            if !table {
                continue;
            }
            let node = el.as_node();
            let parent = node
                .parent()
                .filter(|p| !dom::is(p, &["body", "html"]))
                .and_then(|p| index_of(&p))
                .map_or(NONE, |p| p as u32);
            let nth = match children.get_mut(parent as usize) {
                Some(count) => count,
                None => &mut top,
            };
            *nth += 1;
            let attrs = el.attributes.borrow();
            let mut step = el.name.local.to_string();
            if let Some(id) = dom::get(&attrs, "id")
                .map(str::trim)
                .filter(|id| !id.is_empty())
            {
                step.push('#');
                step.push_str(shorten(id));
            }
            for class in dom::get(&attrs, "class")
                .unwrap_or("")
                .split_ascii_whitespace()
            {
                step.push('.');
                step.push_str(shorten(class));
            }
            step.push(':');
            step.push_str(&nth.to_string());
            paths.parent.push(parent);
            paths.step.push(step);
            children.push(0);
        }
        table.then_some(paths)
    }

    /// The number of elements of the page.
    pub(crate) fn len(&self) -> usize {
        self.step.len()
    }

    /// The elements under `root` that carry a page index, by page index.
    pub(crate) fn by_index(&self, root: &NodeRef) -> Vec<Option<NodeRef>> {
        let mut found = vec![None; self.len()];
        for node in root.descendants() {
            if let Some(slot) = index_of(&node).and_then(|i| found.get_mut(i)) {
                *slot = Some(node);
            }
        }
        found
    }

    /// The element's own step (`aside.widget:3`).
    pub(crate) fn step(&self, index: usize) -> &str {
        self.step.get(index).map_or("", String::as_str)
    }

    /// The indexes of the element's ancestors below `<body>`, nearest first, at most
    /// [`SIGNATURE_MAX_STEPS`] of them.
    pub(crate) fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.parent.get(index).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            let here = (at != NONE).then_some(at as usize)?;
            at = self.parent.get(here).copied().unwrap_or(NONE);
            Some(here)
        })
        .take(SIGNATURE_MAX_STEPS)
    }

    /// The element's signature: its steps from below `<body>` (or its
    /// [`SIGNATURE_MAX_STEPS`] nearest) down to it, joined by `>`.
    pub(crate) fn signature(&self, index: usize) -> String {
        let mut steps: Vec<&str> = vec![self.step(index)];
        steps.extend(
            self.ancestors(index)
                .take(SIGNATURE_MAX_STEPS - 1)
                .map(|a| self.step(a)),
        );
        steps.reverse();
        steps.join(">")
    }
}

/// The first index found in `node` or below it (a wrapper the engine made has none itself).
fn first_index(node: &NodeRef, index: &impl Fn(&NodeRef) -> Option<usize>) -> Option<usize> {
    node.walk_inclusive().find_map(|n| index(&n))
}

/// Where the block with page index `block` goes back among the kept tree under `root`: the
/// parent (its nearest ancestor `kept` finds, else `root`) and the child of that parent it
/// goes after (`None`: first). `index` reads a kept element's page index.
pub(crate) fn place(
    paths: &Paths,
    block: usize,
    root: &NodeRef,
    kept: impl Fn(usize) -> Option<NodeRef>,
    index: impl Fn(&NodeRef) -> Option<usize>,
) -> (NodeRef, Option<NodeRef>) {
    let parent = paths
        .ancestors(block)
        .find_map(kept)
        .unwrap_or_else(|| root.clone());
    let after = dom::element_children(&parent)
        .filter(|c| first_index(c, &index).is_some_and(|i| i < block))
        .last();
    (parent, after)
}
