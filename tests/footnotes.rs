//! Footnotes made one structure (issue 21): each shape a site writes them in, from a small
//! hand-written page in `tests/fixtures/footnotes/`, gives numbered references
//! (`<sup><a href="#article-fn-N" id="article-fnref-N">`) and one notes list at the end
//! (`<section role="doc-endnotes"><ol><li id="article-fn-N">… ↩`), and the Markdown GFM notes.
//! One behaviour per test.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use lectern::{extract, Article, Options};
use support::markdown::assert_markdown_safe;

fn fixture(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/footnotes/{name}.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let a = extract(&html, &Options::with_url("https://example.com/post")).expect("an article");
    assert_markdown_safe(&a.markdown, name);
    a
}

const PROSE: &str = "<p>The tool reads a page, finds the article in it, and leaves out the \
    navigation, the widgets and the comment form, which is what this story explains at some \
    length, with examples of each, and with the notes that back it.</p>";

fn article(body: &str) -> Article {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Notes</title></head><body><article><h1>Notes</h1>\
         {PROSE}{body}{PROSE}</article></body></html>"
    );
    let a = extract(&html, &Options::with_url("https://example.com/post")).expect("an article");
    assert_markdown_safe(&a.markdown, body);
    a
}

fn reference(n: usize) -> String {
    format!(
        "<sup><a href=\"#article-fn-{n}\" role=\"doc-noteref\" id=\"article-fnref-{n}\" \
         rel=\"noopener noreferrer\">{n}</a></sup>"
    )
}

fn back_link(n: usize) -> String {
    format!(
        "<a href=\"#article-fnref-{n}\" role=\"doc-backlink\" rel=\"noopener noreferrer\">\u{21a9}</a>"
    )
}

/// The notes list of `content`: what follows its opening tag.
fn notes_list(content: &str) -> &str {
    let at = content
        .find("<section role=\"doc-endnotes\"><ol>")
        .unwrap_or_else(|| panic!("no notes list in {content}"));
    &content[at..]
}

/// Fails, showing `output`, when it does not contain `part`.
#[track_caller]
fn has(output: &str, part: impl AsRef<str>) {
    assert!(output.contains(part.as_ref()), "{output}");
}

/// Fails, showing `output`, when it contains `part`.
#[track_caller]
fn lacks(output: &str, part: impl AsRef<str>) {
    assert!(!output.contains(part.as_ref()), "{output}");
}

/// Fails, showing `output`, unless `part` occurs in it exactly `times` times.
#[track_caller]
fn assert_count(output: &str, part: &str, times: usize) {
    assert_eq!(output.matches(part).count(), times, "{output}");
}

#[test]
fn kramdown_references_and_notes_become_ours() {
    let a = fixture("kramdown");
    has(&a.content, format!("like this one.{}", reference(1)));
    has(&a.content, format!("here.{}", reference(2)));
    let notes = notes_list(&a.content);
    assert!(
        notes.contains(&format!(
            "<li id=\"article-fn-2\"><p>The second note. {}</p></li>",
            back_link(2)
        )),
        "{notes}"
    );
}

#[test]
fn wikipedia_references_lose_their_brackets_and_back_links() {
    let a = fixture("wikipedia");
    has(&a.content, format!("emits light.{}", reference(1)));
    lacks(&a.content, "cite");
    let notes = notes_list(&a.content);
    assert!(notes.contains("<li id=\"article-fn-1\">"), "{notes}");
    assert!(
        !notes.contains('^') && !notes.contains("<b>a</b>"),
        "{notes}"
    );
    assert!(notes.contains("Lights of the Coast"), "{notes}");
}

#[test]
fn a_second_reference_to_a_note_has_its_number() {
    let a = fixture("wikipedia");
    has(&a.content, "gas.<sup><a href=\"#article-fn-1\" role=\"doc-noteref\" rel=\"noopener noreferrer\">1</a></sup>");
    assert_count(&a.content, "<li id=", 2);
    has(&a.markdown, "gas.[^1]");
}

#[test]
fn pandoc_notes_make_one_list() {
    let a = fixture("pandoc");
    has(&a.content, format!("number itself.{}", reference(1)));
    assert_count(&a.content, "doc-endnotes", 1);
    has(
        &a.content,
        format!("<p>A Pandoc note. {}</p>", back_link(1)),
    );
}

#[test]
fn ghost_notes_become_ours() {
    let a = fixture("ghost");
    has(&a.content, format!("like this.{}", reference(1)));
    has(&a.content, format!("<p>A Ghost note. {}</p>", back_link(1)));
    lacks(&a.content, "[1]");
}

#[test]
fn wordpress_block_notes_become_ours() {
    let a = fixture("wordpress");
    has(&a.content, format!("its notes.{}", reference(1)));
    has(
        &a.content,
        format!(
            "<li id=\"article-fn-1\">A WordPress note. {}</li>",
            back_link(1)
        ),
    );
    lacks(&a.content, "4f1c2d3e");
}

#[test]
fn substack_anchors_point_at_their_note_divs() {
    let a = fixture("substack");
    has(
        &a.content,
        format!("an anchor{} in the text.", reference(1)),
    );
    has(
        &a.content,
        format!("<p>A Substack note. {}</p>", back_link(1)),
    );
    assert_count(&a.content, "role=\"doc-noteref\"", 1);
}

#[test]
fn a_note_after_its_paragraph_moves_to_the_end() {
    let a = fixture("inline");
    let notes = notes_list(&a.content);
    assert!(notes.contains("An aside that is the note."), "{notes}");
    assert_eq!(a.content.matches("An aside that is the note.").count(), 1);
}

#[test]
fn an_inline_note_leaves_its_sentence() {
    let a = fixture("inline");
    has(
        &a.content,
        format!("Or inside the sentence,{} which reads on.", reference(2)),
    );
    assert!(notes_list(&a.content).contains("a side note in a span,"));
}

#[test]
fn a_reference_whose_note_is_missing_is_left_alone() {
    let a = fixture("missing");
    has(&a.content, "points nowhere.<sup><a href=\"#article-fn-nowhere\" rel=\"noopener noreferrer\">7</a></sup>");
    has(&a.content, format!("has its note.{}", reference(1)));
    has(&a.markdown, "nowhere.[7](#article-fn-nowhere)");
}

/// The fixtures whose notes the page lists apart from the text (every shape but `inline`).
const NOTE_LIST_SHAPES: [&str; 6] = [
    "kramdown",
    "wikipedia",
    "pandoc",
    "ghost",
    "wordpress",
    "substack",
];

#[test]
fn every_note_gets_one_back_link_to_its_first_reference() {
    for name in NOTE_LIST_SHAPES {
        let a = fixture(name);
        let notes = notes_list(&a.content);
        let items = notes.matches("<li id=").count();
        assert!(items > 0, "{name}");
        assert_eq!(
            notes.matches("<a ").count() - notes.matches("https://").count(),
            items,
            "{name}: {notes}"
        );
        assert_eq!(
            notes.matches("role=\"doc-backlink\"").count(),
            items,
            "{name}"
        );
        assert!(!notes.contains("\u{21a9}\u{fe0e}"), "{name}: {notes}");
    }
}

#[test]
fn every_reference_points_at_a_note_of_the_list() {
    // What the reader's popover looks for: an in-page link in a <sup> to an element's id.
    for name in NOTE_LIST_SHAPES.into_iter().chain(["inline"]) {
        let a = fixture(name);
        let mut n = 1;
        while a.content.contains(&format!("href=\"#article-fn-{n}\"")) {
            assert!(
                a.content.contains(&format!("<li id=\"article-fn-{n}\">")),
                "{name}: note {n}"
            );
            n += 1;
        }
        assert!(n > 1, "{name}");
    }
}

#[test]
fn a_notes_list_of_bare_links_survives_cleaning() {
    // Twelve notes that are nothing but a link: a list conditional cleaning takes for links.
    let mut refs = String::new();
    let mut items = String::new();
    for i in 1..=12 {
        refs.push_str(&format!(
            "<p>Claim number {i} of the story, stated plainly.<sup><a href=\"#r{i}\">{i}</a></sup></p>"
        ));
        items.push_str(&format!(
            "<li id=\"r{i}\"><a href=\"https://source{i}.example.org/\">source{i}.example.org</a></li>"
        ));
    }
    let a = article(&format!(
        "{refs}<h2>References</h2><div class=\"references\"><ul class=\"links\">{items}</ul></div>"
    ));
    let notes = notes_list(&a.content);
    assert_eq!(notes.matches("<li id=").count(), 12, "{}", a.content);
}

#[test]
fn a_pages_own_id_of_ours_does_not_take_a_notes_id() {
    let a = article(
        "<p id=\"fn-1\">A paragraph with the id of our first note.</p>\
         <p>A claim.<sup><a href=\"#n\">1</a></sup></p><ol><li id=\"n\">The note.</li></ol>",
    );
    has(&a.content, "<li id=\"article-fn-1\">The note.");
    assert_count(&a.content, "id=\"article-fn-1\"", 1);
}

#[test]
fn hostile_ids_and_fragments_never_reach_the_output() {
    let a = article(
        "<p>A claim.<sup><a href=\"#&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">1</a></sup> \
         Another.<sup><a href=\"#javascript:alert(1)\">2</a></sup></p>\
         <ol><li id=\"&quot;>&lt;img src=x onerror=alert(1)>\">One.</li>\
         <li id=\"javascript:alert(1)\">Two.</li></ol>",
    );
    lacks(&a.content, "onerror");
    lacks(&a.content, "javascript");
    has(&a.content, "<li id=\"article-fn-2\">Two.");
}

#[test]
fn a_thousand_notes_are_capped() {
    let mut refs = String::new();
    let mut items = String::new();
    for i in 1..=1000 {
        refs.push_str(&format!("Claim {i}.<sup><a href=\"#c{i}\">{i}</a></sup> "));
        items.push_str(&format!("<li id=\"c{i}\">Note {i}.</li>"));
    }
    let a = article(&format!("<p>{refs}</p><ol>{items}</ol>"));
    let notes = notes_list(&a.content);
    assert_eq!(notes.matches("role=\"doc-backlink\"").count(), 400);
    // The later references stay as the page wrote them.
    assert!(
        a.content
            .contains("Claim 401.<sup><a href=\"#article-c401\""),
        "{}",
        &a.content[..2000]
    );
}

#[test]
fn the_markdown_has_gfm_footnotes() {
    let a = fixture("kramdown");
    has(&a.markdown, "like this one.[^1] And");
    assert!(
        a.markdown.ends_with(
            "[^1]: The first note, with [a source](https://example.com/source).\n\n\
             [^2]: The second note."
        ),
        "{}",
        a.markdown
    );
}

#[test]
fn the_text_leaves_out_references_and_back_links() {
    let a = fixture("kramdown");
    has(&a.text_content, "like this one. And");
    has(&a.text_content, "The second note.");
    lacks(&a.text_content, "\u{21a9}");
}

#[test]
fn notes_from_two_lists_take_the_place_of_the_first() {
    let a = article(
        "<p>A claim.<sup><a href=\"#n1\">a</a></sup> Another.<sup><a href=\"#c1\">1</a></sup></p>\
         <h2>Notes</h2><ol class=notes><li id=n1>An explanatory note.</li></ol>\
         <h2>Citations</h2><ol class=refs><li id=c1>A cited source.</li></ol>\
         <h2>Further reading</h2><p>A book that stays where it was, after the notes.</p>",
    );
    let notes = a.content.find("doc-endnotes").expect("a notes list");
    let first = a.content.find("Notes</h2>").expect("the Notes heading");
    let reading = a.content.find("A book that stays").expect("the book");
    assert!(first < notes && notes < reading, "{}", a.content);
    has(&a.content, "A cited source.");
}
