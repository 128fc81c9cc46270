//! The sanitiser, one behaviour per test, and the XSS vector corpus (`tests/xss/vectors.json`)
//! run through the whole engine.
//!
//! Every output is checked by the safety oracle (`tests/support/oracle.rs`, shared with the
//! fuzz target): parsed again, no element that executes, loads or navigates, no attribute
//! outside the allowlist, no URL outside the scheme allowlist; and the round-trip property:
//! parsing the output and serialising it again gives the same HTML, so the browser sees exactly
//! the tree the sanitiser saw.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use lectern::internals::{sanitise_fragment, to_html, BaseUrl};
use lectern::{extract, Options};
use support::hostile::{random_tree, Rng};
use support::oracle::{assert_output_ok, assert_round_trips, assert_tree_survives_a_parse};

fn vectors() -> Vec<String> {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xss/vectors.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

/// Sanitising `html` as a fragment gives a tree that serialises and parses back to itself,
/// and is safe.
fn sanitised(html: &str) -> String {
    let base = BaseUrl::parse("https://example.com/dir/post.html").unwrap();
    let tree = sanitise_fragment(html, Some(&base));
    assert_tree_survives_a_parse(&tree, &format!("{html:?}"))
}

fn article_page(inner: &str) -> String {
    let para = "This paragraph is part of the article and long enough to count as real text, with commas, clauses, and words. ";
    format!(
        "<!doctype html><html><head><title>Test article</title></head><body><article><h1>Test article</h1><p>{}</p>{inner}<p>{}</p></article></body></html>",
        para.repeat(4),
        para.repeat(4)
    )
}

#[test]
fn corpus_has_at_least_100_vectors() {
    assert!(vectors().len() >= 100);
}

#[test]
fn corpus_is_safe_as_a_whole_document() {
    let options = Options {
        whole_document: true,
        url: Some("https://example.com/post".into()),
        ..Options::default()
    };
    for v in vectors() {
        let article = extract(&v, &options).unwrap_or_else(|e| panic!("{v:?}: {e}"));
        assert_output_ok(&article.content, &v);
    }
}

#[test]
fn corpus_is_safe_inside_an_article() {
    let options = Options::with_url("https://example.com/post");
    for v in vectors() {
        let page = article_page(&v);
        match extract(&page, &options) {
            Ok(article) => {
                assert_output_ok(&article.content, &v);
                assert!(
                    article.content.contains("long enough to count"),
                    "{v:?}: article lost: {}",
                    article.content
                );
            }
            Err(e) => panic!("{v:?}: {e}"),
        }
    }
}

#[test]
fn corpus_is_safe_through_the_sanitiser_alone() {
    for v in vectors() {
        sanitised(&v);
        // And without a page address (relative URLs stay relative).
        assert_tree_survives_a_parse(&sanitise_fragment(&v, None), &v);
    }
}

#[test]
fn scripts_are_dropped_with_their_content() {
    assert_eq!(sanitised("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
}

#[test]
fn styles_and_stylesheets_are_dropped() {
    assert_eq!(
        sanitised("<style>p{}</style><link rel=stylesheet href=x.css><p>t</p>"),
        "<p>t</p>"
    );
}

#[test]
fn event_handlers_are_dropped() {
    assert_eq!(
        sanitised("<p onclick=alert(1) onmouseover=x>t</p>"),
        "<p>t</p>"
    );
}

#[test]
fn style_attributes_are_dropped() {
    assert_eq!(sanitised("<p style='color:red'>t</p>"), "<p>t</p>");
}

#[test]
fn unknown_containers_are_unwrapped_not_dropped() {
    assert_eq!(
        sanitised("<font color=red>kept <x-widget>text</x-widget></font>"),
        "kept text"
    );
}

#[test]
fn blocks_the_output_does_not_keep_become_divs() {
    assert_eq!(
        sanitised("<article>HM</article><article>E</article><center>c</center>"),
        "<div>HM</div><div>E</div><div>c</div>"
    );
}

#[test]
fn form_controls_are_dropped() {
    assert_eq!(
        sanitised("<p>a<input value=x><button>b</button><select><option>o</option></select>c</p>"),
        "<p>ac</p>"
    );
}

#[test]
fn frames_from_unknown_hosts_are_dropped() {
    assert_eq!(
        sanitised("<p>a</p><iframe src='https://ads.example/'></iframe>"),
        "<p>a</p>"
    );
}

#[test]
fn video_iframes_become_links() {
    let out = sanitised("<iframe src='https://www.youtube-nocookie.com/embed/abc_DEF-123?rel=0' title='A talk'></iframe>");
    assert_eq!(
        out,
        "<a class=\"lectern-video\" href=\"https://www.youtube.com/watch?v=abc_DEF-123\" rel=\"noopener noreferrer\">\
         <img src=\"https://i.ytimg.com/vi/abc_DEF-123/hqdefault.jpg\" alt=\"\">Video: A talk</a>"
    );
    let vimeo = sanitised("<iframe src='//player.vimeo.com/video/1'></iframe>");
    assert_eq!(
        vimeo,
        "<a class=\"lectern-video\" href=\"https://player.vimeo.com/video/1\" rel=\"noopener noreferrer\">Video: player.vimeo.com</a>"
    );
}

#[test]
fn svg_is_dropped() {
    assert_eq!(
        sanitised("<p>a<svg><circle r=1></circle></svg>b</p>"),
        "<p>ab</p>"
    );
}

#[test]
fn mathml_presentation_is_kept() {
    let html = "<math display=\"block\"><mfrac><mi>a</mi><mn>2</mn></mfrac></math>";
    assert_eq!(sanitised(html), html);
}

#[test]
fn mathml_tokens_keep_only_text() {
    assert_eq!(
        sanitised("<math><mtext><b>bold</b> <img src=x></mtext></math>"),
        "<math><mtext>bold </mtext></math>"
    );
}

#[test]
fn mathml_annotations_are_dropped() {
    assert_eq!(
        sanitised("<math><semantics><mi>x</mi><annotation encoding='TeX'>x</annotation><annotation-xml><mi>h</mi></annotation-xml></semantics></math>"),
        "<math><semantics><mi>x</mi></semantics></math>"
    );
}

#[test]
fn unknown_mathml_becomes_mrow() {
    assert_eq!(
        sanitised(
            "<math><maction actiontype=toggle href='javascript:x'><mi>a</mi></maction></math>"
        ),
        "<math><mrow><mi>a</mi></mrow></math>"
    );
}

#[test]
fn html_inside_mathml_is_unwrapped() {
    // The parser never builds this; the pipeline's edits could.
    let tree = sanitise_fragment("<math><mrow><mi>x</mi></mrow></math>", None);
    let mrow = tree.first_child().unwrap().first_child().unwrap();
    mrow.append(
        sanitise_fragment("<span>t<b>u</b></span>", None)
            .first_child()
            .unwrap(),
    );
    lectern::internals::sanitise(&tree, None);
    let out = to_html(&tree);
    assert_eq!(out, "<math><mrow><mi>x</mi>tu</mrow></math>");
    assert_round_trips(&out, "math");
}

#[test]
fn javascript_urls_are_removed() {
    assert_eq!(sanitised("<a href='java&#x09;script:alert(1)'>x</a>"), "x");
}

#[test]
fn relative_urls_are_resolved() {
    assert_eq!(
        sanitised("<a href='../a?b#c'>x</a><img src='/i.png' alt=''>"),
        "<a href=\"https://example.com/a?b#c\" rel=\"noopener noreferrer\">x</a><img src=\"https://example.com/i.png\" alt=\"\">"
    );
}

#[test]
fn links_get_noopener_noreferrer() {
    assert_eq!(
        sanitised("<a href='https://x.test/' target=_blank rel=opener>x</a>"),
        "<a href=\"https://x.test/\" rel=\"noopener noreferrer\">x</a>"
    );
}

#[test]
fn in_page_links_keep_their_targets() {
    assert_eq!(
        sanitised("<p>See<a href='#fn1'>1</a></p><p id=fn1>Note</p><p id=other>x</p>"),
        "<p>See<a href=\"#article-fn1\" rel=\"noopener noreferrer\">1</a></p><p id=\"article-fn1\">Note</p><p>x</p>"
    );
}

#[test]
fn links_to_the_page_itself_become_fragments() {
    assert_eq!(
        sanitised("<a href='https://example.com/dir/post.html#n'>1</a><span id=n>n</span>"),
        "<a href=\"#article-n\" rel=\"noopener noreferrer\">1</a><span id=\"article-n\">n</span>"
    );
}

#[test]
fn named_anchors_become_ids_when_targeted() {
    assert_eq!(
        sanitised("<a href='#n'>1</a><a name=n>note</a><a name=unused>u</a>"),
        "<a href=\"#article-n\" rel=\"noopener noreferrer\">1</a><a id=\"article-n\">note</a>u"
    );
}

#[test]
fn reserved_ids_are_never_kept() {
    assert_eq!(
        sanitised("<a href='#lectern-root'>1</a><p id=lectern-root>x</p>"),
        "<a href=\"#article-lectern-root\" rel=\"noopener noreferrer\">1</a><p>x</p>"
    );
}

#[test]
fn code_keeps_language_classes_only() {
    assert_eq!(
        sanitised(
            "<pre class='highlight lang-rust'><code class='language-rust hljs'>fn</code></pre>"
        ),
        "<pre class=\"lang-rust\"><code class=\"language-rust\">fn</code></pre>"
    );
}

#[test]
fn own_classes_are_kept() {
    assert_eq!(
        sanitised("<blockquote class='twitter-tweet lectern-post'>t</blockquote>"),
        "<blockquote class=\"lectern-post\">t</blockquote>"
    );
}

#[test]
fn data_attributes_and_explain_indices_are_dropped() {
    assert_eq!(
        sanitised("<p data-x=1 data-lectern-index=4>t</p>"),
        "<p>t</p>"
    );
}

#[test]
fn data_images_are_allowed_only_as_raster_img_src() {
    assert_eq!(
        sanitised("<img src='data:image/png;base64,AAAA'><img src='data:image/svg+xml,<svg/>'>"),
        "<img src=\"data:image/png;base64,AAAA\"><img>"
    );
}

#[test]
fn srcset_candidates_are_each_checked_and_resolved() {
    assert_eq!(
        sanitised("<img srcset='a.png 1x, javascript:alert(1) 2x,b.png 640w, c,d.png'>"),
        "<img srcset=\"https://example.com/dir/a.png 1x, https://example.com/dir/b.png 640w, https://example.com/dir/c,d.png\">"
    );
}

#[test]
fn picture_sources_are_kept_only_inside_picture() {
    assert_eq!(
        sanitised("<picture><source srcset='a.webp' type='image/webp' onerror=x><img src='a.jpg'></picture><source src=x>"),
        "<picture><source srcset=\"https://example.com/dir/a.webp\" type=\"image/webp\"><img src=\"https://example.com/dir/a.jpg\"></picture>"
    );
}

#[test]
fn table_attributes_are_kept() {
    let html = "<table><tbody><tr><th scope=\"col\" colspan=\"2\">h</th></tr><tr><td rowspan=\"1\" headers=\"a\">d</td></tr></tbody></table>";
    assert_eq!(sanitised(html), html);
}

#[test]
fn comments_are_dropped() {
    assert_eq!(sanitised("<p>a<!-- x -->b</p>"), "<p>ab</p>");
}

#[test]
fn nul_and_carriage_returns_become_what_a_parser_makes() {
    let base = BaseUrl::parse("https://example.com/").unwrap();
    let tree = sanitise_fragment("<p title='a'>x</p>", Some(&base));
    let p = tree.first_child().unwrap();
    p.append(kuchikiki::NodeRef::new_text("y\0z\r\nw"));
    lectern::internals::sanitise(&tree, Some(&base));
    assert_eq!(to_html(&tree), "<p title=\"a\">xy\u{fffd}z\nw</p>");
}

#[test]
fn block_content_turns_its_paragraph_into_a_div() {
    let base = BaseUrl::parse("https://example.com/").unwrap();
    let tree = sanitise_fragment("<p>a</p>", Some(&base));
    let p = tree.first_child().unwrap();
    let inner = sanitise_fragment("<ul><li>x</li></ul>", None);
    p.append(inner.first_child().unwrap());
    lectern::internals::sanitise(&tree, Some(&base));
    assert_eq!(to_html(&tree), "<div>a<ul><li>x</li></ul></div>");
}

#[test]
fn nested_links_are_unwrapped() {
    let tree = sanitise_fragment("<a href='https://a.test/'>a</a>", None);
    let a = tree.first_child().unwrap();
    let inner = sanitise_fragment("<a href='https://b.test/'>b</a>", None);
    a.append(inner.first_child().unwrap());
    lectern::internals::sanitise(&tree, None);
    assert_eq!(
        to_html(&tree),
        "<a href=\"https://a.test/\" rel=\"noopener noreferrer\">ab</a>"
    );
}

#[test]
fn misplaced_table_content_is_wrapped_into_cells() {
    let tree = sanitise_fragment("<table><tbody><tr><td>a</td></tr></tbody></table>", None);
    let table = tree.first_child().unwrap();
    table.append(kuchikiki::NodeRef::new_text("loose"));
    let tr = table.first_child().unwrap().first_child().unwrap();
    tr.append(
        sanitise_fragment("<p>para</p>", None)
            .first_child()
            .unwrap(),
    );
    lectern::internals::sanitise(&tree, None);
    let out = to_html(&tree);
    assert_eq!(
        out,
        "<table><tbody><tr><td>a</td><td><p>para</p></td></tr></tbody><tbody><tr><td>loose</td></tr></tbody></table>"
    );
    assert_round_trips(&out, "table");
}

#[test]
fn table_parts_outside_tables_are_unwrapped() {
    let tree = sanitise_fragment("<div>x</div>", None);
    let div = tree.first_child().unwrap();
    div.append(
        sanitise_fragment("<table><tbody><tr><td>cell</td></tr></tbody></table>", None)
            .first_child()
            .unwrap()
            .first_child()
            .unwrap(),
    );
    lectern::internals::sanitise(&tree, None);
    assert_eq!(to_html(&tree), "<div>xcell</div>");
}

#[test]
fn pre_keeps_leading_newlines_through_a_parse() {
    assert_eq!(sanitised("<pre>\n\ncode\n</pre>"), "<pre>\n\ncode\n</pre>");
}

#[test]
fn removals_are_explained() {
    let page = article_page("<form><input></form><script>x()</script>");
    let article = extract(
        &page,
        &Options {
            explain: true,
            ..Options::with_url("https://example.com/")
        },
    )
    .unwrap();
    assert!(article.content.contains("long enough"));
    assert!(
        !article.content.contains("data-lectern-index"),
        "{}",
        article.content
    );
}

#[test]
fn random_trees_round_trip_after_sanitising() {
    let base = BaseUrl::parse("https://example.com/dir/post.html").unwrap();
    let mut rng = Rng(0x5eed_1ec7_2025);
    // LECTERN_RANDOM_TREES=100000 for a longer run.
    let count = std::env::var("LECTERN_RANDOM_TREES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    for i in 0..count {
        let size = 1 + (rng.next_u64() % 80) as usize;
        let tree = random_tree(&mut rng, size);
        let before = to_html(&tree);
        lectern::internals::sanitise(&tree, if i % 2 == 0 { Some(&base) } else { None });
        assert_tree_survives_a_parse(&tree, &format!("tree {i}, before sanitising: {before}"));
    }
}

fn page_with_base(base: &str) -> String {
    article_page(
        "<p><img src=\"passwd.png\" srcset=\"shadow.png 2x\" alt=\"a\"> <a href=\"hosts\">a link</a></p><blockquote cite=\"group\"><p>A quote.</p></blockquote>",
    )
    .replace("<head>", &format!("<head><base href=\"{base}\">"))
}

#[test]
fn a_file_base_does_not_make_a_web_page_link_to_local_files() {
    let options = Options {
        url: Some("https://example.com/post".into()),
        ..Options::default()
    };
    let article = extract(&page_with_base("file:///etc/"), &options).unwrap();
    assert!(!article.content.contains("file:"), "{}", article.content);
    assert!(!article.markdown.contains("file:"), "{}", article.markdown);
    assert!(
        article.content.contains("https://example.com/passwd.png"),
        "{}",
        article.content
    );
}

#[test]
fn a_file_base_is_not_taken_on_a_page_without_an_address() {
    let article = extract(&page_with_base("file:///etc/"), &Options::default()).unwrap();
    assert!(!article.content.contains("file:"), "{}", article.content);
}

#[test]
fn a_base_with_a_control_character_does_not_carry_it_into_the_urls() {
    // Found by the fuzzer: a relative `<base href>` holding U+0005, resolved against the page,
    // then every relative URL against it.
    let options = Options {
        url: Some("https://example.com/dir/page.html".into()),
        ..Options::default()
    };
    let article = extract(
        &page_with_base("https\u{5}/planted.invalid/embed"),
        &options,
    )
    .unwrap();
    assert_output_ok(&article.content, "a base with a control character");
    assert!(!article.content.contains('\u{5}'), "{}", article.content);
    assert!(article.content.contains("A quote."), "{}", article.content);
}

#[test]
fn a_file_base_is_taken_on_a_file_page() {
    let options = Options {
        url: Some("file:///home/me/page.html".into()),
        ..Options::default()
    };
    let article = extract(&page_with_base("file:///home/me/site/"), &options).unwrap();
    assert!(
        article.content.contains("file:///home/me/site/passwd.png"),
        "{}",
        article.content
    );
}

#[test]
fn page_classes_in_the_readers_namespace_are_dropped() {
    let page = article_page(
        "<p><a class=\"lectern-video\" href=\"https://evil.test/\">Video: a fake</a> <span class=\"x LECTERN-post\">a fake post</span></p><div class=\"lectern-post\"><p>Not an embedded post.</p></div>",
    );
    let options = Options {
        url: Some("https://example.com/post".into()),
        ..Options::default()
    };
    let article = extract(&page, &options).unwrap();
    assert!(
        article.content.contains("Video: a fake"),
        "{}",
        article.content
    );
    assert!(
        !article.content.to_ascii_lowercase().contains("lectern-"),
        "{}",
        article.content
    );
}

#[test]
fn the_engines_own_video_links_keep_their_class() {
    let page = article_page(
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"A video\"></iframe>",
    );
    let options = Options {
        url: Some("https://example.com/post".into()),
        ..Options::default()
    };
    let article = extract(&page, &options).unwrap();
    assert!(
        article.content.contains("class=\"lectern-video\""),
        "{}",
        article.content
    );
}

#[test]
fn large_mathml_lengths_are_dropped() {
    let out = sanitised(
        "<math><mpadded voffset=\"1100px\" lspace=\"-40em\" width=\"100000px\" height=\"3in\" depth=\"1e9em\"><mi>x</mi></mpadded><mspace width=\"5000em\" height=\"99vh\" depth=\"2000%\"></mspace></math>",
    );
    for attr in ["voffset", "lspace", "width", "height", "depth"] {
        assert!(!out.contains(&format!("{attr}=")), "{attr}: {out}");
    }
}

#[test]
fn small_mathml_lengths_are_kept() {
    let out = sanitised(
        "<math><mpadded voffset=\"-0.2em\" lspace=\"+1ex\" width=\"12px\"><mi>x</mi></mpadded><mspace width=\"thickmathspace\" height=\"0.5em\"></mspace><mo lspace=\"0\" rspace=\"3pt\">+</mo></math>",
    );
    for kept in [
        "voffset=\"-0.2em\"",
        "lspace=\"+1ex\"",
        "width=\"12px\"",
        "width=\"thickmathspace\"",
        "height=\"0.5em\"",
        "lspace=\"0\"",
        "rspace=\"3pt\"",
    ] {
        assert!(out.contains(kept), "{kept}: {out}");
    }
}

#[test]
fn a_large_mathml_scriptlevel_is_dropped() {
    let out = sanitised("<math><mstyle scriptlevel=\"-100\"><mi>x</mi></mstyle><mstyle scriptlevel=\"+1\"><mi>y</mi></mstyle></math>");
    assert!(!out.contains("-100"), "{out}");
    assert!(out.contains("scriptlevel=\"+1\""), "{out}");
}

#[test]
fn ruby_annotations_that_would_close_a_paragraph_are_unwrapped() {
    // `<marquee>` is a scope boundary in the page's parse but is unwrapped: without the fix the
    // output `<ruby><p>a<rt>b</rt></p></ruby>` parses as `<ruby><p>a</p><rt>b</rt></ruby>`.
    let out = sanitised("<ruby><marquee><label><p>a<rt>b</rt>c</p></label></marquee></ruby>");
    assert_eq!(out, "<ruby><p>abc</p></ruby>");
}

#[test]
fn ruby_annotations_in_list_items_and_definitions_are_unwrapped() {
    sanitised("<ruby><marquee><ul><li>a<rp>(</rp><rt>b</rt><rp>)</rp></li></ul></marquee></ruby>");
    sanitised("<ruby><marquee><dl><dt>a<rt>b</rt></dt><dd>a<x-y><rt>b</rt></x-y></dd></dl></marquee></ruby>");
}

#[test]
fn ruby_annotations_in_their_ruby_are_kept() {
    let out = sanitised("<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>");
    assert_eq!(
        out,
        "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>"
    );
}

#[test]
fn kept_ids_cannot_clobber_window_or_document_properties() {
    let out = sanitised(
        "<a href='#location'>1</a><a href='#cookie'>2</a><p id=location>x</p><form><img name=cookie></form><a name=cookie>y</a>",
    );
    assert!(out.contains("id=\"article-location\""), "{out}");
    assert!(out.contains("href=\"#article-location\""), "{out}");
    assert!(out.contains("id=\"article-cookie\""), "{out}");
    assert!(!out.contains("id=\"location\""), "{out}");
    assert!(!out.contains("name="), "{out}");
}
