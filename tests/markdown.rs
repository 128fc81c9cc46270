//! The Markdown output is as safe as the HTML: one behaviour per test, each vector of issue 19,
//! and the Markdown oracle (`tests/support/markdown.rs`: read by a CommonMark parser, no raw
//! HTML and no link outside the allowed schemes) over the XSS vectors and the hostile
//! generators.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use lectern::internals::{reparse, sanitise, sanitise_fragment, to_markdown, BaseUrl};
use lectern::{extract, Options};
use support::hostile::{random_tree, tag_soup, Rng};
use support::markdown::assert_markdown_safe;

/// The Markdown of `html` sanitised as a fragment of an https page, checked by the oracle.
fn markdown(html: &str) -> String {
    let base = BaseUrl::parse("https://example.com/dir/post.html").unwrap();
    let md = to_markdown(&sanitise_fragment(html, Some(&base)));
    assert_markdown_safe(&md, &format!("{html:?}"));
    md
}

/// The Markdown of `html` written as it is (not sanitised first), so the writer's own escaping
/// is what is tested.
fn markdown_unsanitised(html: &str) -> String {
    let md = to_markdown(&reparse(html));
    assert_markdown_safe(&md, &format!("{html:?}"));
    md
}

#[test]
fn a_line_of_backticks_in_a_pre_does_not_close_its_fence() {
    let md = markdown("<pre>a\n```\n&lt;img src=x onerror=alert(1)>\n```\nb</pre><p>after</p>");
    assert!(md.starts_with("````\na\n```\n<img"), "{md}");
    assert!(md.contains("\n````\n\nafter"), "{md}");
}

#[test]
fn a_code_span_is_longer_than_any_backtick_run_inside() {
    let md = markdown("<p><code>a `` b</code> <code>`x</code></p>");
    assert!(md.contains("```a `` b```"), "{md}");
    assert!(md.contains("`` `x ``"), "{md}");
}

#[test]
fn code_keeps_its_characters_unescaped() {
    let md = markdown("<p><code>a_b*c&lt;d</code></p>");
    assert_eq!(md, "`a_b*c<d`");
}

#[test]
fn a_language_class_with_backticks_does_not_break_the_fence() {
    let md = markdown_unsanitised(
        "<pre class=\"language-a`b\"><code>```\n<script>alert(1)</script></code></pre>",
    );
    assert!(md.starts_with("````ab\n"), "{md}");
}

#[test]
fn blank_lines_in_alt_text_do_not_end_the_image() {
    let md = markdown(
        "<p><img src=\"https://ok.test/a.png\" alt=\"x\n\n<script>alert(1)</script>\"></p>",
    );
    assert!(
        md.contains("![x \\<script\\>alert(1)\\</script\\>](https://ok.test/a.png)"),
        "{md}"
    );
}

#[test]
fn markup_in_alt_text_is_escaped() {
    let md = markdown("<p><img src=\"https://ok.test/a.png\" alt=\"a]b[c*d_e`f\\g\"></p>");
    assert!(md.contains("![a\\]b\\[c\\*d\\_e\\`f\\\\g]("), "{md}");
}

#[test]
fn link_text_is_escaped() {
    let md = markdown("<p><a href=\"https://ok.test/\">a <b>] (</b> &lt;i&gt;</a></p>");
    assert!(
        md.contains("[a **\\] (** \\<i\\>](https://ok.test/)"),
        "{md}"
    );
}

#[test]
fn parentheses_and_angle_brackets_in_urls_are_percent_encoded() {
    let md = markdown("<p><a href=\"https://ok.test/(<script>alert(1)</script>\">x</a> <img src=\"https://ok.test/a b).png\" alt=y></p>");
    assert!(
        md.contains("[x](https://ok.test/%28%3Cscript%3Ealert%281%29%3C/script%3E)"),
        "{md}"
    );
    assert!(md.contains("![y](https://ok.test/a%20b%29.png)"), "{md}");
}

#[test]
fn a_character_reference_in_a_url_cannot_spell_a_scheme() {
    // Without a base, a relative URL stays relative; "&#106;" must not become "j".
    let md = markdown_unsanitised("<p><a href=\"&#38;#106;avascript:alert(1)\">x</a></p>");
    assert!(md.contains("(\\&#106;avascript:alert%281%29)"), "{md}");
}

#[test]
fn links_outside_the_allowed_schemes_are_written_as_their_text() {
    let md = markdown_unsanitised(
        "<p><a href=\"javascript:alert(1)\">x</a> <img src=\"data:text/html,<script>\" alt=y></p>",
    );
    assert_eq!(md, "x");
}

#[test]
fn text_cannot_start_an_html_block_or_inline_html() {
    let md = markdown(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>a &lt;img src=x onerror=alert(1)&gt;</p>",
    );
    assert!(md.starts_with("\\<script\\>"), "{md}");
    assert!(md.contains("a \\<img"), "{md}");
}

#[test]
fn text_cannot_become_an_autolink() {
    let md = markdown("<p>&lt;javascript:alert(1)&gt;</p>");
    assert_eq!(md, "\\<javascript:alert(1)\\>");
}

#[test]
fn a_character_reference_in_text_stays_text() {
    let md = markdown("<p>&amp;lt;b&amp;gt; and AT&amp;T &amp; co</p>");
    assert_eq!(md, "\\&lt;b\\&gt; and AT\\&T & co");
}

#[test]
fn markup_in_headings_is_escaped() {
    let md = markdown("<h2>&lt;script&gt; *x* [y](javascript:z)</h2>");
    assert_eq!(md, "## \\<script\\> \\*x\\* \\[y\\](javascript:z)");
}

#[test]
fn an_exclamation_mark_before_a_link_does_not_make_it_an_image() {
    let md = markdown("<p>Wow!<a href=\"https://ok.test/\">x</a></p>");
    assert_eq!(md, "Wow\\![x](https://ok.test/)");
}

fn vectors() -> Vec<String> {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xss/vectors.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_xss_vectors_give_safe_markdown() {
    for v in vectors() {
        markdown(&v);
        markdown_unsanitised(&v);
        let options = Options {
            whole_document: true,
            url: Some("https://example.com/post".into()),
            ..Options::default()
        };
        let article = extract(&v, &options).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        assert_markdown_safe(&article.markdown, &v);
    }
}

#[test]
fn random_trees_give_safe_markdown() {
    let base = BaseUrl::parse("https://example.com/dir/post.html").unwrap();
    for seed in 1..300 {
        let tree = random_tree(&mut Rng(seed), 60);
        assert_markdown_safe(
            &to_markdown(&tree),
            &format!("unsanitised tree, seed {seed}"),
        );
        sanitise(&tree, Some(&base));
        assert_markdown_safe(&to_markdown(&tree), &format!("tree, seed {seed}"));
    }
}

#[test]
fn tag_soup_gives_safe_markdown() {
    for seed in 1..200 {
        let soup = tag_soup(2_000, seed);
        markdown(&soup);
        markdown_unsanitised(&soup);
    }
}

#[test]
fn a_quote_that_opens_the_article_has_its_prefix_on_the_first_line_too() {
    // Found by the fuzzer: without "> " on the first line, the code block's opening fence was
    // outside the quote and its closing fence inside, so the next code block's text (here HTML)
    // fell out of its fence as a raw HTML block.
    let md = markdown(
        "<blockquote><pre>\n\n</pre></blockquote><pre>&lt;img src=x onerror=alert(1)&gt;</pre>",
    );
    assert!(md.starts_with("> ```\n"), "{md}");
}

#[test]
fn adjacent_code_spans_do_not_merge_their_backticks() {
    // Found by the fuzzer: "`` `x ``" then "`</b>`" made the run "```", which closes neither
    // span, and "</b>" was inline HTML.
    let md = markdown("<p><code>`x</code><code>&lt;/b&gt;</code></p>");
    assert_eq!(md, "`` `x `` `</b>`");
}

/// A footnote structure as the cleaning stage gives it: a reference, `after` right after it,
/// and one note.
fn with_note(after: &str, note: &str) -> String {
    markdown(&format!(
        "<p>A claim.<sup><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a></sup>{after}</p>\
         <section role=\"doc-endnotes\"><ol><li id=\"fn-1\">{note} <a href=\"#fnref-1\" \
         role=\"doc-backlink\">\u{21a9}</a></li></ol></section>"
    ))
}

#[test]
fn footnotes_are_written_as_gfm_notes() {
    let md = with_note(" More.", "The <em>note</em>.");
    assert_eq!(md, "A claim.[^1] More.\n\n[^1]: The *note*.");
}

#[test]
fn a_note_that_reads_as_a_link_definition_does_not_make_a_javascript_link() {
    // Without footnotes, `[^1]: javascript:alert(1)` defines where `[^1]` links to.
    let md = with_note("", "javascript:alert(1)");
    assert!(md.ends_with("[^1]: \\javascript:alert(1)"), "{md}");
    let md = with_note("", "JavaScript:alert(1) \"a title\"");
    assert!(
        md.ends_with("[^1]: \\JavaScript:alert(1) \"a title\""),
        "{md}"
    );
    // A sentence is no definition: it is written as it is.
    let md = with_note("", "Note: see the appendix.");
    assert!(md.ends_with("[^1]: Note: see the appendix."), "{md}");
}

#[test]
fn a_parenthesis_after_a_reference_does_not_make_it_a_link() {
    let md = with_note("(javascript:alert(1))", "A note.");
    assert!(md.contains("[^1]\\(javascript:alert(1))"), "{md}");
}

#[test]
fn a_colon_after_a_reference_opening_a_line_does_not_make_a_definition() {
    let md = markdown(
        "<p><sup><a href=\"#fn-1\" role=\"doc-noteref\">1</a></sup>: javascript:alert(1)</p>\
         <section role=\"doc-endnotes\"><ol><li id=\"fn-1\">A note.</li></ol></section>",
    );
    assert!(md.starts_with("[^1]\\: javascript"), "{md}");
}

#[test]
fn a_note_holding_blocks_is_written_on_one_line() {
    let md = with_note(
        "",
        "<p>One.</p><pre>&lt;script&gt;alert(1)&lt;/script&gt;\nx</pre><ul><li>a</li></ul>",
    );
    let last = md.lines().last().unwrap_or_default();
    assert!(last.starts_with("[^1]: One. `<script>"), "{md}");
    assert!(!md.contains('\u{21a9}'), "{md}");
}

#[test]
fn hostile_notes_and_text_around_references_give_safe_markdown() {
    // Every pairing of what may follow a reference and what a note may say, sanitised first
    // and as it is.
    const AROUND: &[&str] = &[
        "",
        "(javascript:alert(1))",
        ": javascript:alert(1)",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "&lt;script&gt;",
        "!",
        "<sup><a href=\"#fn-1\" role=\"doc-noteref\">1</a></sup>",
    ];
    const NOTES: &[&str] = &[
        "javascript:alert(1)",
        "javascript:alert(1) \"t\"",
        "javascript:alert(1) (t)",
        "\\javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "<javascript:alert(1)>",
        "vbscript:x 'y'",
        "<p>javascript:alert(1)</p><p>two</p>",
        "<pre>```\n&lt;script&gt;alert(1)&lt;/script&gt;\n```</pre>",
        "<code>`</code>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "    indented <b>code</b>",
        "# heading",
        "- item",
        "",
    ];
    for around in AROUND {
        for note in NOTES {
            let html = format!(
                "<p>{around}<sup><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a></sup>\
                 {around}</p><section role=\"doc-endnotes\"><ol><li id=\"fn-1\">{note}</li></ol>\
                 </section>"
            );
            markdown(&html);
            let unsanitised = html
                .replace("#fn-1", "#article-fn-1")
                .replace("\"fn-1\"", "\"article-fn-1\"");
            markdown_unsanitised(&unsanitised);
        }
    }
}
