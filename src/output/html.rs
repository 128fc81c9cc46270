//! HTML serialisation of the article, iterative and mutation-safe.
//!
//! kuchikiki's own serialiser recurses once per level of nesting, which overflows wasm's small
//! stack on deep documents; this one walks the tree with sibling and parent links only.
//!
//! What it decides, and why:
//! * Text is always escaped (`&`, `<`, `>`, and U+00A0 as `&nbsp;`), whatever its parent: after
//!   [`crate::sanitise`] no raw-text element (`script`, `style`, `xmp`, `noscript`, ...) is
//!   left, and escaping everywhere means even an unsanitised tree cannot smuggle markup out of a
//!   text node. Attribute values escape `&`, `"`, `<` and `>` (the last two are not required by
//!   HTML, but keep any later reader of the string from seeing a tag).
//! * Comments, processing instructions and doctypes are not written: the sanitiser drops them,
//!   and a comment is the classic vehicle of mutation XSS.
//! * Void elements (`br`, `img`, ...) get no end tag and no children.
//! * `pre`, `textarea` and `listing` whose text starts with a newline get one extra newline,
//!   because the parser drops the first one.
//! * Elements of the MathML and SVG namespaces are written with their local names, as an HTML
//!   parser expects them.
//!
//! Together with the sanitiser's structural rules this gives the round-trip property tested in
//! `tests/sanitise.rs` and fuzzed in `fuzz/`: parsing the output again as the children of a
//! `<div>` yields the same tree. [`crate::parse::reparse`] and [`dump`] are the two halves of
//! that check.

use html5ever::ns;
use kuchikiki::{NodeData, NodeRef};

/// HTML elements that have no end tag and no content.
pub(crate) const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose first newline the parser drops.
const LEADING_NEWLINE_ELEMENTS: &[&str] = &["pre", "textarea", "listing"];

/// The HTML of `root`'s children (not of `root` itself).
#[inline(never)] // one copy for the article and the removed blocks
pub(crate) fn to_html(root: &NodeRef) -> String {
    let mut out = String::new();
    let Some(mut node) = root.first_child() else {
        return out;
    };
    loop {
        let descend = open(&node, &mut out);
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        // Close `node` and every ancestor whose last child we just finished.
        loop {
            close(&node, &mut out);
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) if parent != *root => node = parent,
                _ => return out,
            }
        }
    }
}

/// Writes the start of `node`; true when its children are to be written.
fn open(node: &NodeRef, out: &mut String) -> bool {
    match node.data() {
        NodeData::Element(el) => {
            out.push('<');
            out.push_str(&el.name.local);
            for (name, attr) in el.attributes.borrow().map.iter() {
                out.push(' ');
                if name.ns == ns!(xml) {
                    out.push_str("xml:");
                } else if name.ns == ns!(xmlns) && &*name.local != "xmlns" {
                    out.push_str("xmlns:");
                } else if name.ns == ns!(xlink) {
                    out.push_str("xlink:");
                }
                out.push_str(&name.local);
                out.push_str("=\"");
                escape(&attr.value, true, out);
                out.push('"');
            }
            out.push('>');
            if is_void(node) {
                return false;
            }
            if el.name.ns == ns!(html) && LEADING_NEWLINE_ELEMENTS.contains(&&*el.name.local) {
                let starts_with_newline = node
                    .first_child()
                    .and_then(|c| c.as_text().map(|t| t.borrow().starts_with('\n')))
                    .unwrap_or(false);
                if starts_with_newline {
                    out.push('\n');
                }
            }
            true
        }
        NodeData::Text(t) => {
            escape(&t.borrow(), false, out);
            false
        }
        NodeData::DocumentFragment | NodeData::Document(_) => true,
        NodeData::Comment(_) | NodeData::ProcessingInstruction(_) | NodeData::Doctype(_) => false,
    }
}

/// Writes the end of `node`, if it has one.
fn close(node: &NodeRef, out: &mut String) {
    if let Some(el) = node.as_element() {
        if !is_void(node) {
            out.push_str("</");
            out.push_str(&el.name.local);
            out.push('>');
        }
    }
}

fn is_void(node: &NodeRef) -> bool {
    node.as_element()
        .is_some_and(|el| el.name.ns == ns!(html) && VOID_ELEMENTS.contains(&&*el.name.local))
}

/// Escapes `&`, `<`, `>`, no-break spaces and (in attributes) `"`, copying the runs between
/// them whole.
fn escape(s: &str, attribute: bool, out: &mut String) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let (replacement, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attribute => ("&quot;", 1),
            // U+00A0 in UTF-8.
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(replacement);
        start = i + len;
    }
    out.push_str(&s[start..]);
}

/// A canonical, line-per-node description (depth first, then the node) of `root`'s descendants: namespace, name and sorted
/// attributes of elements, text (adjacent text nodes merged, empty ones skipped), comments.
/// Two trees with equal dumps are the same tree. Iterative.
#[cfg(any(test, feature = "internals"))]
pub(crate) fn dump(root: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack: Vec<(NodeRef, usize)> = root.children().rev().map(|c| (c, 0)).collect();
    let mut pending_text: Option<(String, usize)> = None;
    let flush = |pending: &mut Option<(String, usize)>, out: &mut String| {
        if let Some((t, depth)) = pending.take() {
            if !t.is_empty() {
                out.push_str(&format!("{depth} #text {t:?}\n"));
            }
        }
    };
    while let Some((node, depth)) = stack.pop() {
        if let Some(t) = node.as_text() {
            match &mut pending_text {
                Some((s, d)) if *d == depth => s.push_str(&t.borrow()),
                _ => {
                    flush(&mut pending_text, &mut out);
                    pending_text = Some((t.borrow().clone(), depth));
                }
            }
            // A text node's next sibling is still at `depth`; anything else flushes it.
            continue;
        }
        flush(&mut pending_text, &mut out);
        out.push_str(&format!("{depth} "));
        match node.data() {
            NodeData::Element(el) => {
                let ns = if el.name.ns == ns!(html) {
                    ""
                } else if el.name.ns == ns!(mathml) {
                    "math "
                } else if el.name.ns == ns!(svg) {
                    "svg "
                } else {
                    "other "
                };
                let mut attrs: Vec<String> = el
                    .attributes
                    .borrow()
                    .map
                    .iter()
                    .map(|(n, a)| format!("{}{}={:?}", ns_prefix(&n.ns), n.local, a.value))
                    .collect();
                attrs.sort();
                out.push_str(&format!("<{ns}{}> {}\n", el.name.local, attrs.join(" ")));
                for c in node.children().rev() {
                    stack.push((c, depth + 1));
                }
            }
            NodeData::Comment(c) => out.push_str(&format!("#comment {:?}\n", c.borrow())),
            other => out.push_str(&format!("#other {:?}\n", std::mem::discriminant(other))),
        }
    }
    flush(&mut pending_text, &mut out);
    out
}

#[cfg(any(test, feature = "internals"))]
fn ns_prefix(ns: &html5ever::Namespace) -> &'static str {
    if *ns == ns!() {
        ""
    } else {
        "ns:"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::reparse;
    use html5ever::{LocalName, QualName};

    fn frag(html: &str) -> NodeRef {
        reparse(html)
    }

    #[test]
    fn escapes_text_and_attributes() {
        let root = frag("<p title='a\"b&lt;c'>x &amp; &lt;y&gt;\u{a0}</p>");
        assert_eq!(
            to_html(&root),
            "<p title=\"a&quot;b&lt;c\">x &amp; &lt;y&gt;&nbsp;</p>"
        );
    }

    #[test]
    fn escaping_copies_runs_as_escaping_each_character_would() {
        let slowly = |s: &str, attribute: bool| -> String {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '\u{a0}' => out.push_str("&nbsp;"),
                    '"' if attribute => out.push_str("&quot;"),
                    c => out.push(c),
                }
            }
            out
        };
        let pieces = [
            "a", "&", "<", ">", "\"", "\u{a0}", "\u{80}", "\u{120}", "é", "😀", " ",
        ];
        let mut texts = crate::testing::Texts::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..5_000 {
            let text = texts.text(&pieces, 8);
            for attribute in [false, true] {
                let mut out = String::new();
                super::escape(&text, attribute, &mut out);
                assert_eq!(out, slowly(&text, attribute), "{text:?}");
            }
        }
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        let root = frag("<p>a<br>b<img src=x></p><hr>");
        assert_eq!(to_html(&root), "<p>a<br>b<img src=\"x\"></p><hr>");
    }

    #[test]
    fn pre_keeps_its_leading_newline() {
        let root = frag("<pre>\n\nx</pre>");
        let html = to_html(&root);
        assert_eq!(html, "<pre>\n\nx</pre>");
        assert_eq!(dump(&reparse(&html)), dump(&root));
    }

    #[test]
    fn comments_are_not_written() {
        let root = frag("<p>a<!-- --><img src=x onerror=alert(1)> --></p>");
        assert!(!to_html(&root).contains("<!--"));
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        let depth = 100_000;
        let root = NodeRef::new_element(
            QualName::new(None, ns!(html), LocalName::from("div")),
            vec![],
        );
        let mut cur = root.clone();
        for _ in 0..depth {
            let el =
                NodeRef::new_element(QualName::new(None, ns!(html), LocalName::from("b")), vec![]);
            cur.append(el.clone());
            cur = el;
        }
        cur.append(NodeRef::new_text("x"));
        let html = to_html(&root);
        assert_eq!(html.len(), depth * 7 + 1);
        assert!(!dump(&root).is_empty());
    }

    #[test]
    fn math_round_trips() {
        let root = frag("<math display=\"block\"><mi>x</mi><mo>=</mo><mn>1</mn></math>");
        assert_eq!(dump(&reparse(&to_html(&root))), dump(&root));
    }
}
