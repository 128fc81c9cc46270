//! The sanitiser, one behaviour per test, and the XSS vector corpus (`tests/xss/vectors.json`)
//! run through the whole engine.
//!
//! Every output is checked by parsing it again and inspecting the tree
//! ([`assert_safe`]): no element that executes, loads or navigates, no attribute outside the
//! allowlist, no URL outside the scheme allowlist; and by the round-trip property
//! ([`assert_round_trips`]): parsing the output and serialising it again gives the same HTML,
//! so the browser sees exactly the tree the sanitiser saw.
#![cfg(not(target_arch = "wasm32"))]

use lectern::internals::BaseUrl;
use lectern::internals::{dump, reparse, sanitise_fragment, to_html};
use lectern::{extract, Options};

/// Elements that must never reach the reader (any namespace).
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "keygen",
    "output",
    "template",
    "noscript",
    "svg",
    "use",
    "foreignobject",
    "foreignObject",
    "annotation-xml",
    "annotation",
    "mglyph",
    "malignmark",
    "maction",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "listing",
    "portal",
    "video",
    "audio",
    "image",
    "animate",
    "set",
    "isindex",
    "bgsound",
    "marquee",
    "body",
    "html",
    "head",
];

/// Every attribute the sanitiser may emit, on any element.
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "sizes",
    "alt",
    "title",
    "width",
    "height",
    "colspan",
    "rowspan",
    "headers",
    "scope",
    "dir",
    "lang",
    "datetime",
    "cite",
    "start",
    "reversed",
    "type",
    "id",
    "class",
    "rel",
    "media",
    "value",
    "span",
    // MathML presentation attributes.
    "display",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "fence",
    "separator",
    "stretchy",
    "symmetric",
    "largeop",
    "movablelimits",
    "accent",
    "accentunder",
    "lspace",
    "rspace",
    "form",
    "minsize",
    "maxsize",
    "depth",
    "voffset",
    "linethickness",
    "notation",
    "columnalign",
    "rowalign",
    "columnspan",
    "columnlines",
    "rowlines",
    "frame",
    "open",
    "close",
    "separators",
];

fn vectors() -> Vec<String> {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xss/vectors.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

/// The scheme of a URL as a browser finds it (after trimming and dropping tabs/newlines).
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let s = &cleaned[..colon];
    let mut chars = s.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then(|| s.to_ascii_lowercase())
}

fn check_url(url: &str, element: &str, attribute: &str, context: &str) {
    match scheme(url).as_deref() {
        None | Some("http") | Some("https") => {}
        Some("mailto") if attribute == "href" => {}
        Some("data") if element == "img" && attribute == "src" => {
            let mime = url[5..]
                .split([';', ','])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            assert!(
                mime.starts_with("image/") && !mime.contains("svg"),
                "{context}: data URL of type {mime:?} in img src"
            );
        }
        Some(other) => panic!("{context}: {other}: URL in {element}@{attribute}: {url:?}"),
    }
    assert!(
        !url.chars().any(|c| c < ' ' || c == '\u{7f}'),
        "{context}: control character in URL {url:?}"
    );
}

/// Parses `html` as the reader would and fails on anything that executes, loads (other than
/// images) or navigates by itself.
fn assert_safe(html: &str, context: &str) {
    let tree = reparse(html);
    for node in tree.descendants() {
        if node.as_comment().is_some() {
            panic!("{context}: comment in output: {html}");
        }
        let Some(el) = node.as_element() else {
            continue;
        };
        let name: &str = &el.name.local;
        assert!(
            !FORBIDDEN_ELEMENTS.contains(&name),
            "{context}: <{name}> in output: {html}"
        );
        for (attr_name, attr) in el.attributes.borrow().map.iter() {
            let a: &str = &attr_name.local;
            assert!(
                attr_name.ns == html5ever::ns!(),
                "{context}: namespaced attribute {a} in output: {html}"
            );
            assert!(
                !a.to_ascii_lowercase().starts_with("on"),
                "{context}: handler {a} in output: {html}"
            );
            assert!(
                ALLOWED_ATTRIBUTES.contains(&a),
                "{context}: attribute {a} on <{name}> in output: {html}"
            );
            match a {
                "href" | "src" | "cite" => check_url(&attr.value, name, a, context),
                "srcset" => {
                    for candidate in attr.value.split(", ") {
                        let url = candidate.split(' ').next().unwrap_or("");
                        check_url(url, name, a, context);
                    }
                }
                "id" => assert!(
                    !attr.value.starts_with("lectern"),
                    "{context}: reserved id in {html}"
                ),
                _ => {}
            }
        }
        if name == "a" && el.attributes.borrow().contains("href") {
            assert_eq!(
                el.attributes.borrow().get("rel"),
                Some("noopener noreferrer"),
                "{context}: {html}"
            );
        }
    }
}

/// Parsing `html` and serialising the tree gives `html` back: the reader's tree is the
/// sanitiser's tree.
fn assert_round_trips(html: &str, context: &str) {
    let again = to_html(&reparse(html));
    assert_eq!(again, html, "{context}: output does not survive a parse");
}

/// Sanitising `html` as a fragment gives a tree that serialises and parses back to itself,
/// and is safe.
fn sanitised(html: &str) -> String {
    let base = BaseUrl::parse("https://example.com/dir/post.html").unwrap();
    let tree = sanitise_fragment(html, Some(&base));
    let out = to_html(&tree);
    assert_eq!(
        dump(&reparse(&out)),
        dump(&tree),
        "tree changed by a parse for input {html:?}:\n{out}"
    );
    assert_safe(&out, html);
    out
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
        assert_safe(&article.content, &v);
        assert_round_trips(&article.content, &v);
    }
}

#[test]
fn corpus_is_safe_inside_an_article() {
    let options = Options::with_url("https://example.com/post");
    for v in vectors() {
        let page = article_page(&v);
        match extract(&page, &options) {
            Ok(article) => {
                assert_safe(&article.content, &v);
                assert_round_trips(&article.content, &v);
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
        let tree = sanitise_fragment(&v, None);
        let out = to_html(&tree);
        assert_safe(&out, &v);
        assert_eq!(dump(&reparse(&out)), dump(&tree), "{v:?}");
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
        "<p>See<a href=\"#fn1\" rel=\"noopener noreferrer\">1</a></p><p id=\"fn1\">Note</p><p>x</p>"
    );
}

#[test]
fn links_to_the_page_itself_become_fragments() {
    assert_eq!(
        sanitised("<a href='https://example.com/dir/post.html#n'>1</a><span id=n>n</span>"),
        "<a href=\"#n\" rel=\"noopener noreferrer\">1</a><span id=\"n\">n</span>"
    );
}

#[test]
fn named_anchors_become_ids_when_targeted() {
    assert_eq!(
        sanitised("<a href='#n'>1</a><a name=n>note</a><a name=unused>u</a>"),
        "<a href=\"#n\" rel=\"noopener noreferrer\">1</a><a id=\"n\">note</a>u"
    );
}

#[test]
fn reserved_ids_are_never_kept() {
    assert_eq!(
        sanitised("<a href='#lectern-root'>1</a><p id=lectern-root>x</p>"),
        "<a href=\"#lectern-root\" rel=\"noopener noreferrer\">1</a><p>x</p>"
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

/// A small deterministic random number generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Builds a random tree of HTML, MathML and SVG elements in any arrangement, including the
/// ones no parser produces (a `<div>` in a `<p>`, a `<td>` in a `<ul>`, HTML in `<math>`):
/// the pipeline's edits can create such trees, and the sanitiser must still give one that
/// survives a parse.
fn random_tree(rng: &mut Rng, nodes: usize) -> kuchikiki::NodeRef {
    use html5ever::{ns, LocalName, QualName};
    use kuchikiki::{Attribute, ExpandedName, NodeRef};
    const HTML: &[&str] = &[
        "p",
        "div",
        "span",
        "a",
        "b",
        "i",
        "em",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "caption",
        "colgroup",
        "col",
        "pre",
        "code",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "picture",
        "source",
        "br",
        "hr",
        "section",
        "article",
        "font",
        "center",
        "script",
        "style",
        "iframe",
        "form",
        "input",
        "select",
        "option",
        "textarea",
        "template",
        "noscript",
        "title",
        "xmp",
        "plaintext",
        "math",
        "svg",
        "button",
        "object",
        "x-custom",
        "listing",
        "nobr",
        "q",
        "sub",
    ];
    const MATH: &[&str] = &[
        "math",
        "mi",
        "mo",
        "mn",
        "mtext",
        "mrow",
        "mfrac",
        "msup",
        "mglyph",
        "annotation-xml",
        "maction",
        "semantics",
        "mtable",
        "mtr",
        "mtd",
    ];
    const SVG: &[&str] = &[
        "svg",
        "style",
        "foreignObject",
        "desc",
        "title",
        "use",
        "a",
        "script",
    ];
    const ATTRS: &[&str] = &[
        "href",
        "src",
        "id",
        "class",
        "title",
        "style",
        "onclick",
        "colspan",
        "dir",
        "srcset",
        "name",
        "xlink:href",
        "lang",
    ];
    const VALUES: &[&str] = &[
        "#x",
        "x",
        "javascript:alert(1)",
        "https://ok.test/a b",
        "java\tscript:x",
        "lang-rust language-x lectern-post",
        "rtl",
        "2",
        "</p><script>alert(1)</script>",
        "a\0b\r\nc",
        "a.png 1x, javascript:x 2x",
        "lectern-root",
        "data:image/png;base64,AA",
    ];
    const TEXTS: &[&str] = &[
        "text",
        " ",
        "\n",
        "<img src=x onerror=alert(1)>",
        "a & b",
        "\0",
        "\r\n",
        "--><!--",
        "]]>",
        "\u{a0}",
    ];
    let root = NodeRef::new_element(
        QualName::new(None, ns!(html), LocalName::from("div")),
        Vec::new(),
    );
    let mut all = vec![root.clone()];
    for _ in 0..nodes {
        let parent = all[(rng.next() % all.len() as u64) as usize].clone();
        let node = if rng.next() % 4 == 0 {
            NodeRef::new_text(rng.pick(TEXTS))
        } else {
            let (ns, name) = match rng.next() % 10 {
                0 | 1 => (ns!(mathml), rng.pick(MATH)),
                2 => (ns!(svg), rng.pick(SVG)),
                _ => (ns!(html), rng.pick(HTML)),
            };
            let attrs: Vec<(ExpandedName, Attribute)> = (0..rng.next() % 3)
                .map(|_| {
                    let a = rng.pick(ATTRS);
                    (
                        ExpandedName::new(ns!(), LocalName::from(a)),
                        Attribute {
                            prefix: None,
                            value: rng.pick(VALUES).to_string(),
                        },
                    )
                })
                .collect();
            let el = NodeRef::new_element(QualName::new(None, ns, LocalName::from(name)), attrs);
            all.push(el.clone());
            el
        };
        parent.append(node);
    }
    root
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
        let size = 1 + (rng.next() % 80) as usize;
        let tree = random_tree(&mut rng, size);
        let before = to_html(&tree);
        lectern::internals::sanitise(&tree, if i % 2 == 0 { Some(&base) } else { None });
        let out = to_html(&tree);
        assert_eq!(
            dump(&reparse(&out)),
            dump(&tree),
            "tree {i} changed by a parse.\nbefore: {before}\nafter:  {out}"
        );
        assert_safe(&out, &before);
        assert_round_trips(&out, &before);
    }
}
