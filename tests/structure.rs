//! The article's structure made plain for a reader (issue 21): code blocks reduced to their
//! text and language, headings with stable ids.
#![cfg(not(target_arch = "wasm32"))]

use lectern::{extract, Options};

const PROSE: &str = "<p>The tool reads a page, finds the article in it, and leaves out the \
    navigation, the widgets and the comment form, which is what this story explains at some \
    length, with examples of each, and with the code that does it.</p>";

fn article(body: &str) -> lectern::Article {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Code</title></head><body><article><h1>Code</h1>\
         {PROSE}{body}{PROSE}</article></body></html>"
    );
    extract(&html, &Options::with_url("https://blog.example.com/post")).expect("an article")
}

#[test]
fn a_line_number_gutter_table_gives_way_to_its_code() {
    let a = article(
        "<div class=highlight><table class=rouge-table><tbody><tr><td class=gutter><pre \
         class=lineno>1\n2</pre></td><td class=code><pre>let a = 1;\nlet b = 2;</pre></td></tr>\
         </tbody></table></div>",
    );
    assert!(!a.content.contains("<table"), "{}", a.content);
    assert!(
        a.content
            .contains("<pre><code>let a = 1;\nlet b = 2;</code></pre>"),
        "{}",
        a.content
    );
}

#[test]
fn line_numbers_inside_code_are_left_out() {
    let a = article(
        "<pre class=line-numbers><code><span class=line-number>1</span>import os\n\
         <span class=line-number>2</span>print(os.name)</code></pre>",
    );
    assert!(
        a.content.contains("<code>import os\nprint(os.name)</code>"),
        "{}",
        a.content
    );
}

#[test]
fn highlighting_spans_go_and_the_language_stays() {
    let a = article(
        "<div class=\"highlight-source-rust\"><pre><span class=k>fn</span> <span \
         class=nf>main</span>() {}</pre></div>",
    );
    assert!(
        a.content
            .contains("<pre><code class=\"language-rust\">fn main() {}</code></pre>"),
        "{}",
        a.content
    );
}

#[test]
fn the_language_may_come_from_a_data_attribute() {
    let a = article("<pre data-lang=python><code>print(1)</code></pre>");
    assert!(
        a.content.contains("class=\"language-python\""),
        "{}",
        a.content
    );
    assert!(
        a.markdown.contains("```python\nprint(1)\n```"),
        "{}",
        a.markdown
    );
}

#[test]
fn a_code_block_drawn_a_line_per_element_keeps_its_lines() {
    let a =
        article("<pre><code><div class=line>a = 1</div><div class=line>b = 2</div></code></pre>");
    assert!(
        a.content.contains("<code>a = 1\nb = 2</code>"),
        "{}",
        a.content
    );
}

#[test]
fn headings_get_ids_made_from_their_text_unique_in_the_article() {
    let a = article(
        "<h2>Install it!</h2><p>First.</p><h2>Install it</h2><p>Second.</p><h3>2. Über Größe</h3>",
    );
    assert!(
        a.content.contains("<h2 id=\"article-install-it\">"),
        "{}",
        a.content
    );
    assert!(
        a.content.contains("<h2 id=\"article-install-it-2\">"),
        "{}",
        a.content
    );
    assert!(
        a.content.contains("<h3 id=\"article-2-über-größe\">"),
        "{}",
        a.content
    );
}

#[test]
fn a_heading_keeps_the_id_the_page_gave_it() {
    let a = article("<h2 id=setup>Setting up</h2><p>Text.</p>");
    assert!(
        a.content.contains("<h2 id=\"article-setup\">"),
        "{}",
        a.content
    );
}

#[test]
fn mathjax_2_tex_becomes_mathml_with_its_tex_kept() {
    let a = article(
        "<p>The sum is <script type=\"math/tex\">a^2+b^2</script> and the half is</p>\
         <script type=\"math/tex; mode=display\">\\frac{1}{2}</script>",
    );
    assert!(
        a.content.contains(
            "<math alttext=\"a^2+b^2\"><mrow><msup><mi>a</mi><mn>2</mn></msup><mo>+</mo>"
        ),
        "{}",
        a.content
    );
    assert!(
        a.content
            .contains("<math display=\"block\" alttext=\"\\frac{1}{2}\"><mrow><mfrac>"),
        "{}",
        a.content
    );
}

#[test]
fn a_formula_image_with_latex_in_its_alt_becomes_mathml() {
    let a = article(
        "<p>The series <img class=\"latex\" src=\"https://s0.wp.com/latex.php?latex=x\" \
         alt=\"\\sum_{i=1}^n i\"> grows.</p>",
    );
    assert!(
        a.content
            .contains("<math alttext=\"\\sum_{i=1}^n i\"><mrow><msubsup><mo>∑</mo>"),
        "{}",
        a.content
    );
    assert!(!a.content.contains("<img"), "{}", a.content);
}

#[test]
fn katex_keeps_its_mathml_with_the_tex_as_alttext() {
    let a = article(
        "<p>Euler: <span class=katex><span class=katex-mathml><math><semantics><mrow><mi>e</mi>\
         </mrow><annotation encoding=\"application/x-tex\">e^{i\\pi}</annotation></semantics>\
         </math></span><span class=katex-html aria-hidden=true>e iπ</span></span> holds.</p>",
    );
    assert!(
        a.content.contains("<math alttext=\"e^{i\\pi}\">"),
        "{}",
        a.content
    );
    assert!(!a.content.contains("e iπ"), "{}", a.content);
}

#[test]
fn math_in_markdown_is_its_tex_between_dollars() {
    let a = article("<p>Here <script type=\"math/tex\">x_1</script> is small.</p>");
    assert!(
        a.markdown.contains("Here $x\\_1$ is small."),
        "{}",
        a.markdown
    );
}

#[test]
fn markup_in_a_tex_formula_stays_text() {
    let a = article("<p>Bad <script type=\"math/tex\">\\text{</math><img src=x onerror=alert(1)>}</script> formula.</p>");
    // The markup is the formula's text, escaped: no element, no attribute.
    assert!(!a.content.contains("<img"), "{}", a.content);
    assert!(
        a.content
            .contains("<mtext>&lt;/math&gt;&lt;img src=x onerror=alert(1)&gt;</mtext>"),
        "{}",
        a.content
    );
}

fn fixture(path: &str) -> lectern::Article {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    extract(&html, &Options::with_url("https://blog.example.com/post")).expect("an article")
}

#[test]
fn the_mathjax_2_fixture_page_gives_inline_and_block_mathml() {
    let a = fixture("math/mathjax2.html");
    assert!(
        a.content.contains("<math alttext=\"a^2+b^2\">"),
        "{}",
        a.content
    );
    assert!(
        a.content
            .contains("<math display=\"block\" alttext=\"\\frac{a^2+b^2}{2}\">"),
        "{}",
        a.content
    );
    assert!(
        a.markdown.contains(r"$$\\frac{a^2+b^2}{2}$$"),
        "{}",
        a.markdown
    );
}

#[test]
fn the_katex_fixture_page_keeps_its_mathml_and_drops_the_html_copy() {
    let a = fixture("math/katex.html");
    assert!(
        a.content.contains("<math alttext=\"e^{i\\pi}+1=0\">"),
        "{}",
        a.content
    );
    assert!(
        !a.content.contains("mathnormal") && !a.text_content.contains("e+1"),
        "{}",
        a.content
    );
}

#[test]
fn mathjax_2_s_preview_of_the_tex_is_left_out() {
    let a = fixture("math/mathjax2.html");
    assert!(
        a.text_content.contains("The sum of squares is a2+b2, and"),
        "{}",
        a.text_content
    );
}
