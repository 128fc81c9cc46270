//! Stage 1: parse. Turns the page's HTML into a tree, within the configured limits.
//!
//! Parsing follows the HTML standard (our tokenizer, `tokenize.rs`, and html5ever's tree
//! builder) with scripting disabled, so `<noscript>` content is parsed as markup: its images can
//! then be recovered by the preparation stage.

use crate::dom;
use crate::dom::Walk;
use crate::error::Error;
use crate::options::Options;
use crate::tunables::{DEEP_MARKUP_TRIGGER, MAX_TREE_DEPTH};
use html5ever::tree_builder::TreeBuilderOpts;
use kuchikiki::{NodeRef, ParseOpts};

/// Parses `html` into a document, refusing input over the size and node limits.
pub(crate) fn parse(html: &str, options: &Options) -> Result<NodeRef, Error> {
    if html.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            bytes: html.len(),
            limit: options.max_input_bytes,
        });
    }
    // Every element needs a '<', and a text node sits between two of them at most: refuse
    // before building a tree that cannot be accepted. (A page of fewer than twice as many bytes
    // as the limit cannot hold that many '<': no need to count them.)
    if html.len() / 2 > options.max_nodes
        && html.bytes().filter(|&b| b == b'<').count() / 2 > options.max_nodes
    {
        return Err(Error::TooManyNodes {
            limit: options.max_nodes,
        });
    }
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    // Markup nesting deeper than the trigger is parsed again with its deepest tags dropped
    // (see depth.rs); the tokenizer watches the nesting, so ordinary pages are read once.
    let document =
        crate::tokenize::parse_document(html, opts.tree_builder, Some(DEEP_MARKUP_TRIGGER))
            .or_else(|| {
                crate::tokenize::parse_document(
                    &crate::depth::flatten_deep_markup(html),
                    opts.tree_builder,
                    None,
                )
            })
            .unwrap_or_else(NodeRef::new_document);
    if cap_depth(&document, MAX_TREE_DEPTH) > options.max_nodes {
        return Err(Error::TooManyNodes {
            limit: options.max_nodes,
        });
    }
    Ok(document)
}

/// Flattens everything nested deeper than `max_depth`: the elements below an element at that
/// depth are unwrapped, their text and order kept. Returns how many nodes the document held
/// (for the node limit: one walk over a large tree for both).
fn cap_depth(document: &NodeRef, max_depth: usize) -> usize {
    let mut nodes = 0;
    let mut stack = vec![(document.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth >= max_depth {
            let deeper: Vec<NodeRef> = node
                .walk_descendants()
                .inspect(|_| nodes += 1)
                .filter(|d| d.as_element().is_some())
                .collect();
            for el in deeper {
                dom::unwrap(&el);
            }
            continue;
        }
        for child in node.children() {
            nodes += 1;
            if child.as_element().is_some() {
                stack.push((child, depth + 1));
            }
        }
    }
    nodes
}

/// Parses `html` as a browser parses the content of a `<div>` (`innerHTML`/`setHTML` in a
/// standards-mode page) and returns the container whose children are the result.
///
/// For round-trip checks in tests and fuzzing; not used by the extraction itself.
#[cfg(any(test, feature = "internals"))]
pub(crate) fn reparse(html: &str) -> NodeRef {
    use html5ever::{ns, LocalName, QualName};
    use kuchikiki::traits::TendrilSink;
    let ctx = QualName::new(None, ns!(html), LocalName::from("div"));
    let doc = kuchikiki::parse_fragment(ctx, Vec::new())
        .one(html)
        .document_node;
    // html5ever puts the fragment's nodes under an `<html>` element.
    doc.first_child().unwrap_or(doc)
}
