//! Footnotes made one structure (issue 21): every shape a page writes them in becomes numbered
//! references, `<sup><a href="#fn-N" id="fnref-N" role="doc-noteref">N</a></sup>`, and one notes
//! list, `<section role="doc-endnotes"><ol><li id="fn-N">… <a href="#fnref-N"
//! role="doc-backlink">↩</a></li></ol></section>` (the sanitiser prefixes the ids with
//! `article-`, as it does every id; the reader opens a note in a popover from its reference).
//!
//! What it decides, and why:
//! * **A reference** is a short in-page link (at most [`FOOTNOTE_REF_MAX_CHARS`]: `1`, `[12]`,
//!   `*`) inside a `<sup>` or holding one (Wikipedia, WordPress, Jekyll/kramdown, Ghost,
//!   Pandoc, GitHub), with `role="doc-noteref"`, or with a footnote class
//!   ([`FOOTNOTE_REF_CLASS`]: Substack's `footnote-anchor`). Links back from a note
//!   ([`FOOTNOTE_BACKLINK_CLASS`], `role="doc-backlink"`, or inside a note already found) are
//!   not references.
//! * **Its note** is the element of the article with the link's id (or `<a name>`): a list item,
//!   paragraph, `div`, `aside`, `dd` or `span` — or, when that is a small anchor (Substack's
//!   number, an old `<a name="fn1">`), the block around it, the anchor left out. A target that
//!   is missing, holds a heading, is longer than [`FOOTNOTE_NOTE_MAX_CHARS`], holds the
//!   reference or sits in another note is not a note: that reference is left as the page wrote
//!   it. Notes anywhere (a list at the end, an `aside` after the paragraph, a `span` inline) all
//!   go to the one list, numbered in the order of their first reference; a second reference to
//!   a note gets the same number (and an id of its own, `fnref-N-2`).
//! * **Back-links** of the page (`↩`, Wikipedia's `^ a b`) go; each note gets one of ours, to
//!   its first reference.
//! * **The list** takes the place of the page's first notes list (Wikipedia has two: notes and
//!   citations) when the notes left it empty, otherwise it closes the article. It is protected: the cleaning passes after this one would
//!   take a list of short items full of links, or a "References" block, for boilerplate.
//!   Wrappers the notes leave empty go.
//! * **Limits**: at most [`FOOTNOTE_MAX_NOTES`] notes; the page's ids and fragments only pick
//!   the notes, none of them is written out (ours are numbers), and a page's own element with
//!   an id of ours (`fn-1`) loses it.

use crate::dom;
use crate::dom::Walk;
use crate::marks::PROTECT_ATTR;
use crate::tunables::{
    FOOTNOTE_BACKLINK_CLASS, FOOTNOTE_MAX_NOTES, FOOTNOTE_NOTE_MAX_CHARS, FOOTNOTE_REF_CLASS,
    FOOTNOTE_REF_MAX_CHARS,
};
use crate::urls::percent_decode;
use kuchikiki::NodeRef;
use std::collections::HashMap;

/// Set while this pass runs on every reference link it looks at: its place among them.
const REF_MARK: &str = "data-lectern-fnref";
/// Set while this pass runs on a note it took (the element goes once its content is moved).
const NOTE_MARK: &str = "data-lectern-note";
/// How many reference links are looked at, at most (a hostile page may hold a million).
const MAX_REFERENCES: usize = FOOTNOTE_MAX_NOTES * 8;
/// The most nodes a note may hold (its text is bounded by [`FOOTNOTE_NOTE_MAX_CHARS`], but
/// empty elements are not): every walk over a note, and up from a reference to a note, stays
/// within this many steps, so a hostile page cannot make this pass quadratic.
const NOTE_MAX_NODES: usize = 2000;

struct Note {
    /// What the references point at.
    target: NodeRef,
    /// The element holding the note (its content moves to our list).
    body: NodeRef,
    /// The anchor inside `body` the references point at, left out (a number).
    anchor: Option<NodeRef>,
    refs: Vec<NodeRef>,
    /// The ids of the references and their wrappers: the page's back-links point at them.
    ref_ids: Vec<String>,
}

/// Gives `content`'s footnotes one structure (see the module's documentation).
pub(super) fn normalise_footnotes(content: &NodeRef) {
    let candidates: Vec<(NodeRef, String)> = content
        .walk_descendants()
        .filter_map(|d| reference_fragment(&d).map(|f| (d, f)))
        .take(MAX_REFERENCES)
        .collect();
    if candidates.is_empty() {
        return;
    }
    for (i, (a, _)) in candidates.iter().enumerate() {
        dom::set_attr(a, REF_MARK, &i.to_string());
    }
    let notes = gather(content, &candidates);
    for (a, _) in &candidates {
        dom::remove_attr(a, REF_MARK);
    }
    if !notes.is_empty() {
        restructure(content, &notes);
    }
}

/// The notes the reference links `candidates` (in document order) point at, each with its
/// references.
fn gather(content: &NodeRef, candidates: &[(NodeRef, String)]) -> Vec<Note> {
    let ids = id_index(content);
    // A link that comes before this one in the note: the note's link back is a link to the
    // reference too (Substack's number, Wikipedia's `^ a b`), and the first of the two is the
    // reference.
    let earlier = |d: &NodeRef, i: usize| {
        dom::attr(d, REF_MARK)
            .and_then(|m| m.parse::<usize>().ok())
            .is_some_and(|j| j < i)
    };
    let mut notes: Vec<Note> = Vec::new();
    for (i, (a, fragment)) in candidates.iter().enumerate() {
        let a = a.clone();
        let target = ids.get(fragment).or_else(|| {
            percent_decode(fragment)
                .filter(|d| d != fragment)
                .and_then(|d| ids.get(&d))
        });
        let Some(target) = target else { continue };
        if a.ancestors()
            .take(NOTE_MAX_NODES)
            .any(|x| dom::has_attr(&x, NOTE_MARK))
        {
            continue;
        }
        let index = match notes.iter().position(|n| n.target == *target) {
            Some(i) => i,
            None => {
                let Some((body, anchor)) = note_of(target, content) else {
                    continue;
                };
                if a.ancestors().take(NOTE_MAX_NODES).any(|x| x == body)
                    || body.walk_inclusive().any_node(&mut |d| earlier(d, i))
                {
                    continue;
                }
                if let Some(i) = notes.iter().position(|n| n.body == body) {
                    i
                } else {
                    let nested = body
                        .ancestors()
                        .take(NOTE_MAX_NODES)
                        .any(|x| dom::has_attr(&x, NOTE_MARK))
                        || body
                            .walk_descendants()
                            .any_node(&mut |d| dom::has_attr(d, NOTE_MARK));
                    if nested || notes.len() >= FOOTNOTE_MAX_NOTES {
                        continue;
                    }
                    dom::set_attr(&body, NOTE_MARK, "1");
                    notes.push(Note {
                        target: target.clone(),
                        body,
                        anchor,
                        refs: Vec::new(),
                        ref_ids: Vec::new(),
                    });
                    notes.len() - 1
                }
            }
        };
        let note = &mut notes[index];
        let wrapper = a.parent().filter(|p| dom::is(p, &["sup"]));
        note.ref_ids.extend(
            std::iter::once(a.clone())
                .chain(wrapper)
                .filter_map(|n| dom::attr(&n, "id")),
        );
        note.refs.push(a);
    }
    notes
}

/// Replaces the references of `notes` by ours and moves the notes into one list.
fn restructure(content: &NodeRef, notes: &[Note]) {
    // A page's own `fn-1` would take the id from our note (the first element keeps an id), and
    // its own notes-list roles would make a second list.
    for d in content.walk_descendants() {
        if dom::attr(&d, "id").is_some_and(|id| is_our_id(&id)) {
            dom::remove_attr(&d, "id");
        }
        if dom::attr(&d, "role").is_some_and(|r| r.starts_with("doc-")) {
            dom::remove_attr(&d, "role");
        }
    }
    let list = dom::new_html_element("ol", Vec::new());
    let mut old_parents = Vec::new();
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        for (k, a) in note.refs.iter().enumerate() {
            let id = match k {
                0 => format!("fnref-{n}"),
                _ => format!("fnref-{n}-{}", k + 1),
            };
            let link = link_to(&format!("#fn-{n}"), "doc-noteref", &n.to_string());
            dom::set_attr(&link, "id", &id);
            let sup = dom::new_html_element("sup", Vec::new());
            sup.append(link);
            // The page's own `<sup>` around the link goes with it (Wikipedia's brackets too).
            let outer = match a.parent() {
                Some(p) if dom::is(&p, &["sup"]) && dom::element_children(&p).count() == 1 => p,
                _ => a.clone(),
            };
            outer.insert_before(sup);
            outer.detach();
        }
        if let Some(anchor) = &note.anchor {
            anchor.detach();
        }
        let backs: Vec<NodeRef> =
            dom::descendants_where(&note.body, &|d| is_back_link(d, &note.ref_ids));
        for b in backs {
            b.detach();
        }
        let item = dom::new_html_element("li", vec![("id".into(), format!("fn-{n}"))]);
        dom::move_children(&note.body, &item);
        old_parents.extend(note.body.parent());
        note.body.detach();
        // Ours, at the end of the note's last paragraph (or of the note).
        let last = item
            .last_child()
            .filter(|c| dom::is(c, &["p"]))
            .unwrap_or_else(|| item.clone());
        // (The space the page's back-link had before it goes with it.)
        if let Some(text) = last.last_child().and_then(|t| t.into_text_ref()) {
            let mut text = text.borrow_mut();
            let kept = text.trim_end().len();
            text.truncate(kept);
        }
        last.append(NodeRef::new_text(" "));
        last.append(link_to(&format!("#fnref-{n}"), "doc-backlink", "\u{21a9}"));
        list.append(item);
    }
    let section = dom::new_html_element(
        "section",
        vec![
            ("role".into(), "doc-endnotes".into()),
            (PROTECT_ATTR.into(), "1".into()),
        ],
    );
    section.append(list);
    // The page's first notes list, left empty, gives its place to ours (after its "Notes"
    // heading); notes from elsewhere (an aside, a span) close the article.
    let first_list = old_parents
        .iter()
        .find(|p| dom::is(p, &["ol", "ul"]) && p.parent().is_some() && !dom::has_text(p));
    match first_list {
        Some(p) => {
            p.insert_before(section);
            p.detach();
        }
        None => content.append(section),
    }
    for mut p in old_parents {
        while p != *content && p.parent().is_some() && is_empty_wrapper(&p) {
            let Some(up) = p.parent() else { break };
            p.detach();
            p = up;
        }
    }
}

/// The fragment `node` links to when it is a footnote reference.
fn reference_fragment(node: &NodeRef) -> Option<String> {
    if !dom::is(node, &["a"]) {
        return None;
    }
    let href = dom::attr(node, "href")?;
    let fragment = href.trim().strip_prefix('#').filter(|f| !f.is_empty())?;
    let len = dom::text_len_capped(node, FOOTNOTE_REF_MAX_CHARS + 1);
    if len == 0 || len > FOOTNOTE_REF_MAX_CHARS {
        return None;
    }
    if node
        .inclusive_ancestors()
        .take(3)
        .any(|x| is_back_link_class(&x))
    {
        return None;
    }
    let named = |n: &NodeRef| {
        dom::attr(n, "role").is_some_and(|r| r.contains("doc-noteref"))
            || dom::attr(n, "class").is_some_and(|c| FOOTNOTE_REF_CLASS.is_match(&c))
    };
    let is_ref = named(node)
        || node.parent().is_some_and(|p| named(&p))
        || node.ancestors().take(2).any(|x| dom::is(&x, &["sup"]))
        || node
            .walk_descendants()
            .take(8)
            .any(|d| dom::is(&d, &["sup"]));
    is_ref.then(|| fragment.to_string())
}

/// The elements of `content` by id (and `<a name>`), the first of each: their indexes in a
/// list, so that the map's type is one the wasm carries anyway (`HashMap<String, usize>`), not
/// a copy of the hash table's code of its own (2026-12-06, session 15).
struct Ids {
    index: HashMap<String, usize>,
    nodes: Vec<NodeRef>,
}

impl Ids {
    fn get(&self, id: &str) -> Option<&NodeRef> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }
}

fn id_index(content: &NodeRef) -> Ids {
    let mut index = HashMap::new();
    let mut nodes = Vec::new();
    for d in content.walk_descendants() {
        let Some(el) = d.as_element() else { continue };
        let attrs = el.attributes.borrow();
        let id = dom::get(&attrs, "id").or_else(|| match &*el.name.local {
            "a" => dom::get(&attrs, "name"),
            _ => None,
        });
        if let Some(id) = id.filter(|i| !i.is_empty()) {
            index.entry(id.to_string()).or_insert_with(|| {
                nodes.push(d.clone());
                nodes.len() - 1
            });
        }
    }
    Ids { index, nodes }
}

/// The element holding the note `target` names, and the anchor inside it to leave out.
fn note_of(target: &NodeRef, content: &NodeRef) -> Option<(NodeRef, Option<NodeRef>)> {
    let bounded = |n: &NodeRef| n.walk_inclusive().nth(NOTE_MAX_NODES).is_none();
    if !bounded(target) {
        return None;
    }
    let small = dom::text_len_capped(target, FOOTNOTE_REF_MAX_CHARS + 1) <= FOOTNOTE_REF_MAX_CHARS;
    let (body, anchor) = if dom::is(target, &["a", "span", "sup", "b", "strong"]) && small {
        // (The first block holding more than the anchor: a `<p>` may hold just it.)
        let own = dom::text_len(target);
        let block = target
            .ancestors()
            .take(3)
            .take_while(|x| x != content)
            .find(|x| {
                dom::is(x, &["li", "p", "div", "dd", "aside"])
                    && bounded(x)
                    && dom::text_len_capped(x, own + 1) > own
            })?;
        (block, Some(target.clone()))
    } else if dom::is(target, &["li", "p", "div", "aside", "dd", "span"]) {
        (target.clone(), None)
    } else {
        return None;
    };
    let len = dom::text_len_capped(&body, FOOTNOTE_NOTE_MAX_CHARS + 1);
    let ok = len <= FOOTNOTE_NOTE_MAX_CHARS
        && len > anchor.as_ref().map_or(0, dom::text_len)
        && !body.walk_descendants().any_node(&mut |d| {
            dom::is(
                d,
                &["h1", "h2", "h3", "h4", "h5", "h6", "section", "article"],
            )
        });
    ok.then_some((body, anchor))
}

fn is_back_link_class(node: &NodeRef) -> bool {
    dom::attr(node, "class").is_some_and(|c| FOOTNOTE_BACKLINK_CLASS.is_match(&c))
        || dom::attr(node, "role").is_some_and(|r| r.contains("doc-backlink"))
}

/// A link (or its wrapper) back from a note to its references: by class or role, by pointing
/// at a reference's id, or by being an in-page `↩`, `↑` or `^`.
fn is_back_link(node: &NodeRef, ref_ids: &[String]) -> bool {
    if node.as_element().is_none() {
        return false;
    }
    if is_back_link_class(node) {
        return true;
    }
    if !dom::is(node, &["a"]) {
        return false;
    }
    let Some(fragment) =
        dom::attr(node, "href").and_then(|h| h.strip_prefix('#').map(String::from))
    else {
        return false;
    };
    let text = dom::normalized_text(node);
    let arrow = matches!(
        text.trim_end_matches(['\u{fe0e}', '\u{fe0f}']),
        "\u{21a9}" | "\u{2191}" | "^" | "\u{2934}"
    );
    arrow || ref_ids.contains(&fragment)
}

/// A wrapper the notes left with nothing in it.
fn is_empty_wrapper(node: &NodeRef) -> bool {
    !dom::has_text(node)
        && !node
            .walk_inclusive()
            .any_node(&mut |d| dom::is(d, &["img", "picture", "video", "iframe", "math"]))
}

/// `fn-1`, `fnref-1`, `fnref-1-2`: the ids this pass gives.
fn is_our_id(id: &str) -> bool {
    id.strip_prefix("fn-")
        .or_else(|| id.strip_prefix("fnref-"))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// `<a href="…" role="…">text</a>`.
fn link_to(href: &str, role: &str, text: &str) -> NodeRef {
    let a = dom::new_html_element(
        "a",
        vec![("href".into(), href.into()), ("role".into(), role.into())],
    );
    a.append(NodeRef::new_text(text));
    a
}
