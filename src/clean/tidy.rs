//! Readability's last touches, after the removals: empty paragraphs, `<br>` before a
//! paragraph, single-cell tables, wrappers that hold a single block.

use crate::dom;
use crate::dom::Walk;
use crate::score::{has_single_child_tag, is_without_content};
use kuchikiki::NodeRef;

/// Readability's last touches: empty paragraphs, `<br>` before a paragraph, single-cell
/// tables, and wrappers that hold a single block.
pub(super) fn tidy(content: &NodeRef) {
    for p in dom::descendants_named(content, &["p"]) {
        let media = p.walk_descendants().any_node(&mut |d| {
            dom::is(
                d,
                &[
                    "img", "embed", "object", "iframe", "picture", "video", "svg", "math",
                ],
            )
        });
        if !media && !dom::has_text(&p) {
            p.detach();
        }
    }
    for br in dom::descendants_named(content, &["br"]) {
        let mut next = br.next_sibling();
        while let Some(n) = next.clone() {
            if n.as_text().is_some_and(|t| t.borrow().trim().is_empty()) {
                next = n.next_sibling();
            } else {
                break;
            }
        }
        if next.is_some_and(|n| dom::is(&n, &["p"])) {
            br.detach();
        }
    }
    for table in dom::descendants_named(content, &["table"]) {
        let tbody = if has_single_child_tag(&table, "tbody") {
            dom::element_children(&table).next()
        } else {
            Some(table.clone())
        };
        let Some(tbody) = tbody else { continue };
        if !has_single_child_tag(&tbody, "tr") {
            continue;
        }
        let Some(row) = dom::element_children(&tbody).next() else {
            continue;
        };
        if !has_single_child_tag(&row, "td") {
            continue;
        }
        let Some(cell) = dom::element_children(&row).next() else {
            continue;
        };
        let name = if cell.children().all(|c| dom::is_phrasing(&c)) {
            "p"
        } else {
            "div"
        };
        let cell = dom::rename(&cell, name);
        table.insert_before(cell);
        table.detach();
    }
    for node in dom::descendants_named(content, &["div", "section"])
        .into_iter()
        .rev()
    {
        if node.parent().is_none() {
            continue;
        }
        if is_without_content(&node) {
            node.detach();
        } else if has_single_child_tag(&node, "div") || has_single_child_tag(&node, "section") {
            if let Some(child) = dom::element_children(&node).next() {
                node.insert_before(child);
                node.detach();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{clean, PROSE};

    #[test]
    fn empty_paragraphs_go() {
        let (html, _) = clean(&format!("{PROSE}<p> </p>{PROSE}"));
        assert!(
            !html.contains("<p> </p>") && !html.contains("<p></p>"),
            "{html}"
        );
    }

    #[test]
    fn the_article_keeps_no_h1() {
        let (html, _) = clean(&format!("<h1>A part of the story</h1>{PROSE}"));
        assert!(html.contains(">A part of the story</h2>"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }
}
