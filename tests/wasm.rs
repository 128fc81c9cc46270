//! The wasm API, in headless Chromium and Firefox (`wasm-pack test --headless --chrome
//! --firefox -- --test wasm`): what JavaScript callers get from `extract` and
//! `isProbablyReaderable`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use lectern::wasm::{extract, is_probably_readerable};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("pages/seed-wordpress/source.html");
const URL: &str = "https://news.example.com/2025/07/25/story/";

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("a readable property")
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn seed_article() -> JsValue {
    extract(SEED.into(), Some(URL.into()), JsValue::UNDEFINED).expect("no error")
}

#[wasm_bindgen_test]
fn extract_returns_a_plain_object_with_readability_fields() {
    let a = seed_article();
    assert!(a.is_object());
    assert_eq!(
        Object::get_prototype_of(&a),
        Object::get_prototype_of(&Object::new()),
        "a plain object, not a class instance"
    );
    assert_eq!(
        get(&a, "title").as_string().unwrap(),
        "Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall"
    );
    for key in [
        "byline",
        "dir",
        "lang",
        "content",
        "textContent",
        "length",
        "excerpt",
        "siteName",
        "publishedTime",
        "leadImageUrl",
        "wordCount",
        "readingTimeMinutes",
        "markdown",
        "removed",
    ] {
        assert!(
            Reflect::has(&a, &JsValue::from_str(key)).unwrap(),
            "missing key {key}"
        );
    }
}

#[wasm_bindgen_test]
fn the_seed_story_text_is_its_four_paragraphs() {
    let text = get(&seed_article(), "textContent").as_string().unwrap();
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !b.starts_with("Israel has to"))
        .collect();
    assert_eq!(blocks.len(), 4, "{text}");
    assert!(blocks[0].starts_with("Ceasefire negotiations between Israel and Hamas"));
    for junk in [
        "Recent News",
        "Leave a Comment",
        "Scroll to Top",
        "Your email address",
    ] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
}

#[wasm_bindgen_test]
fn missing_values_are_null_not_undefined() {
    let a = seed_article();
    assert!(get(&a, "byline").is_null());
    assert!(get(&a, "leadImageUrl").is_null());
}

#[wasm_bindgen_test]
fn a_page_without_an_article_gives_null() {
    let r = extract(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>".into(),
        None,
        JsValue::NULL,
    )
    .unwrap();
    assert!(r.is_null());
}

#[wasm_bindgen_test]
fn other_failures_throw_an_error_with_a_message() {
    let err = extract(SEED.into(), Some("not a url".into()), JsValue::UNDEFINED).unwrap_err();
    let value: JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().expect("an Error instance");
    assert!(String::from(error.message()).contains("invalid page address"));

    let tiny = options(&[("maxInputBytes", JsValue::from_f64(10.0))]);
    let err: JsValue = extract(SEED.into(), None, tiny).unwrap_err().into();
    assert!(String::from(err.dyn_into::<js_sys::Error>().unwrap().message()).contains("too large"));
}

#[wasm_bindgen_test]
fn markdown_false_leaves_the_markdown_out_and_the_rest_in() {
    let a = extract(
        SEED.into(),
        Some(URL.into()),
        options(&[
            ("markdown", JsValue::FALSE),
            ("charThreshold", JsValue::from_f64(100.0)),
        ]),
    )
    .unwrap();
    assert_eq!(get(&a, "markdown").as_string().as_deref(), Some(""));
    assert!(!get(&a, "content").as_string().unwrap().is_empty());
    assert!(!get(&a, "textContent").as_string().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn explain_option_lists_removed_blocks() {
    let a = extract(SEED.into(), None, options(&[("explain", JsValue::TRUE)])).unwrap();
    let removed: Array = get(&a, "removed").dyn_into().unwrap();
    assert!(removed.length() > 0);
    let first = removed.get(0);
    for key in ["stage", "rule", "detail", "tag", "preview", "index"] {
        assert!(
            Reflect::has(&first, &JsValue::from_str(key)).unwrap(),
            "missing {key}"
        );
    }
}

#[wasm_bindgen_test]
fn whole_document_option_keeps_a_selection_as_it_is() {
    let a = extract(
        "<p>Just a short selection.</p>".into(),
        None,
        options(&[("wholeDocument", JsValue::TRUE)]),
    )
    .unwrap();
    assert_eq!(
        get(&a, "textContent").as_string().unwrap(),
        "Just a short selection."
    );
}

#[wasm_bindgen_test]
fn readerable_check_is_exposed() {
    assert!(is_probably_readerable(SEED));
    assert!(!is_probably_readerable(
        "<html><body><p>Hi</p></body></html>"
    ));
}

#[wasm_bindgen_test]
fn article_html_reparses_to_the_same_markup_in_the_browser() {
    let content = get(&seed_article(), "content").as_string().unwrap();
    let window = js_sys::global();
    let parser = Reflect::get(&window, &"DOMParser".into()).unwrap();
    let parser = Reflect::construct(&parser.into(), &Array::new()).unwrap();
    let parse: js_sys::Function = Reflect::get(&parser, &"parseFromString".into())
        .unwrap()
        .into();
    let doc = parse
        .call2(
            &parser,
            &format!("<body>{content}").into(),
            &"text/html".into(),
        )
        .unwrap();
    let body = Reflect::get(&doc, &"body".into()).unwrap();
    let again = Reflect::get(&body, &"innerHTML".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(again, content);
}

// ---- Hostile input in wasm. `tests/robustness.rs` runs these shapes natively; here they go
// through the JavaScript API inside the browser, where the stack is wasm's (1 MiB) and memory
// is the wasm instance's. Each must give an article, `null` or an `Error` with a message: never
// a trap (a Rust panic or a stack overflow shows up as a `RuntimeError` and fails the test).

const DEPTH: usize = 100_000;

/// The HTML the browser's own parser makes of `content` (parsed as a body, serialised again).
fn browser_reparse(content: &str) -> String {
    let body = Reflect::get(&browser_document(content), &"body".into()).unwrap();
    Reflect::get(&body, &"innerHTML".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// What one call gave JavaScript: an article's content, no article, or an Error's message.
#[derive(Debug)]
enum Outcome {
    Article(String),
    NoArticle,
    Failed(String),
}

fn call(html: &str, whole_document: bool) -> Outcome {
    call_with(
        html,
        options(&[("wholeDocument", JsValue::from_bool(whole_document))]),
    )
}

fn call_with(html: &str, opts: JsValue) -> Outcome {
    match extract(html.into(), Some("https://example.com/a/b".into()), opts) {
        Ok(v) if v.is_null() => Outcome::NoArticle,
        Ok(v) => Outcome::Article(get(&v, "content").as_string().expect("content is a string")),
        Err(e) => {
            let value: JsValue = e.into();
            let error: js_sys::Error = value.dyn_into().expect("an Error instance");
            let message = String::from(error.message());
            assert!(!message.is_empty(), "an error without a message");
            Outcome::Failed(message)
        }
    }
}

/// Article and whole-document mode. Any article must survive the browser's parser unchanged
/// and must not carry a NUL.
fn survives(html: &str) -> Vec<Outcome> {
    survives_in(html, &[false, true])
}

fn survives_in(html: &str, modes: &[bool]) -> Vec<Outcome> {
    modes
        .iter()
        .map(|&whole| {
            let outcome = call(html, whole);
            if let Outcome::Article(content) = &outcome {
                assert!(!content.contains('\0'), "NUL in the output");
                assert_eq!(
                    browser_reparse(content),
                    *content,
                    "the browser parses the output into something else"
                );
            }
            outcome
        })
        .collect()
}

fn assert_article_with(outcomes: &[Outcome], text: &str) {
    for outcome in outcomes {
        match outcome {
            Outcome::Article(content) => assert!(content.contains(text), "{text:?} lost"),
            other => panic!("expected an article, got {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn nested_divs_100k() {
    assert_article_with(&survives(&nested("<div>", "</div>", DEPTH)), "deep text");
}

#[wasm_bindgen_test]
fn nested_unclosed_divs_100k() {
    survives(&nested("<div>", "", DEPTH));
}

#[wasm_bindgen_test]
fn nested_bold_100k() {
    survives(&nested("<b>", "</b>", DEPTH));
}

#[wasm_bindgen_test]
fn nested_spans_with_attributes_100k() {
    // Different attributes defeat the parser's "Noah's Ark" limit on formatting elements.
    let mut s = String::from("<article>");
    s.push_str(&filler());
    for i in 0..DEPTH {
        s.push_str(&format!("<span title=\"{i}\">"));
    }
    s.push_str("deep");
    s.push_str(&filler());
    survives(&s);
}

#[wasm_bindgen_test]
fn nested_links_100k() {
    survives(&nested("<a href=\"/x\">", "</a>", DEPTH));
}

fn deep_tables() -> String {
    nested("<table><tr><td>", "</td></tr></table>", 30_000)
}

#[wasm_bindgen_test]
fn nested_tables_30k() {
    survives_in(&deep_tables(), &[false]);
    assert!(matches!(call(&deep_tables(), true), Outcome::Article(_)));
}

/// Whole-document mode keeps the deep tables as they are, capped: the output must stay below
/// the browsers' parser cap of 512 open elements once parsed inside a document.
#[wasm_bindgen_test]
fn nested_tables_30k_whole_document_reparses_unchanged() {
    survives_in(&deep_tables(), &[true]);
}

#[wasm_bindgen_test]
fn nested_lists_and_blockquotes_33k() {
    survives(&nested(
        "<ul><li><blockquote>",
        "</blockquote></li></ul>",
        33_000,
    ));
}

#[wasm_bindgen_test]
fn nested_mathml_50k() {
    survives(&nested("<math><mrow>", "", 50_000));
}

#[wasm_bindgen_test]
fn a_30_mb_page_extracts() {
    let para = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam.</p>\n";
    let chrome = "<div class=\"sidebar\"><ul><li><a href=\"/a\">Link one</a></li><li><a href=\"/b\">Link two</a></li></ul></div>\n";
    let mut page = String::with_capacity(31 << 20);
    page.push_str("<html><head><title>A very long page</title></head><body><article><h1>A very long page</h1>");
    while page.len() < 30 << 20 {
        page.push_str(para);
        page.push_str(chrome);
    }
    page.push_str("</article></body></html>");
    let started = js_sys::Date::now();
    let article = extract(
        page,
        Some("https://example.com/long".into()),
        JsValue::UNDEFINED,
    )
    .unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
    let words = get(&article, "wordCount").as_f64().unwrap();
    assert!(words > 1_000_000.0, "{words}");
    console_log!("30 MB page in wasm: {} ms", js_sys::Date::now() - started);
}

// The hostile-input generators the native tests and the fuzz target share.
#[allow(dead_code, unreachable_pub)]
#[path = "support/hostile.rs"]
mod hostile;
use hostile::{filler, garbage, nested};

#[wasm_bindgen_test]
fn binary_garbage_as_a_string() {
    for seed in 1..=4 {
        let bytes = garbage(200_000, seed);
        // As UTF-8 with replacement characters, and byte for byte as Latin-1 (which keeps
        // every control character, NUL included).
        survives(&String::from_utf8_lossy(&bytes));
        survives(&bytes.iter().map(|&b| b as char).collect::<String>());
    }
}

#[wasm_bindgen_test]
fn a_javascript_string_of_random_code_units() {
    // Lone surrogates and NULs: the string a script could build. The conversion to Rust is the
    // one the generated bindings use for `extract(html)`.
    for seed in 1..=4 {
        let units: Vec<u16> = garbage(200_000, seed)
            .chunks(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let js = js_sys::JsString::from_char_code(&units);
        let html = JsValue::from(js)
            .as_string()
            .expect("any JS string converts");
        survives(&html);
    }
}

#[wasm_bindgen_test]
fn tag_soup_garbage() {
    let pieces = [
        "<", ">", "</", "p", "div", "table", "td", "math", "svg", "=", "\"", "'", "&", "#", ";",
        "!--", "-->", " ", "a", "b", "li", "script", "style", "mtext", "mglyph", "tr", "select",
        "template", "\0",
    ];
    for seed in 1..=4 {
        let s: String = garbage(60_000, seed)
            .iter()
            .map(|b| pieces[*b as usize % pieces.len()])
            .collect();
        survives(&s);
    }
}

#[wasm_bindgen_test]
fn nul_bytes() {
    let page = format!(
        "<html><body>\0<article>\0<p\0>{}\0</p>\0</article></body></html>",
        "text \0 with NUL, ".repeat(100)
    );
    assert_article_with(&survives(&page), "with NUL");
    survives("\0\0\0\0");
}

#[wasm_bindgen_test]
fn empty_input() {
    assert!(matches!(call("", false), Outcome::NoArticle));
    assert!(matches!(
        call("", true),
        Outcome::NoArticle | Outcome::Article(_)
    ));
    assert!(!is_probably_readerable(""));
}

#[wasm_bindgen_test]
fn a_page_over_the_node_limit_is_an_error() {
    let tiny = options(&[("maxNodes", JsValue::from_f64(1_000.0))]);
    match call_with(&nested("<div>", "</div>", 5_000), tiny) {
        Outcome::Failed(message) => assert!(message.contains("too complex"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn removed_blocks_option_gives_back_the_sidebar_with_its_group_and_place() {
    let a = extract(
        SEED.into(),
        Some(URL.into()),
        options(&[("removedBlocks", JsValue::TRUE)]),
    )
    .unwrap();
    let blocks: Array = get(&a, "removedBlocks").dyn_into().unwrap();
    let sidebar = blocks
        .iter()
        .find(|b| get(b, "rule").as_string().as_deref() == Some("aside"))
        .expect("the sidebar");
    assert_eq!(get(&sidebar, "group").as_string().unwrap(), "Sidebars");
    assert!(get(&sidebar, "html")
        .as_string()
        .unwrap()
        .contains("Recent News"));
    assert!(
        get(&sidebar, "parent").is_null(),
        "it goes back into the article itself"
    );
    assert!(get(&sidebar, "after").as_f64().is_some());
}

#[wasm_bindgen_test]
fn site_rules_option_takes_the_rules_file_and_refuses_a_malformed_one() {
    let rules = r#"{"format": "lectern-site-rules", "version": 1, "rules": [
        {"host": "news.example.com", "action": "remove", "signature": "div#nowhere:1"}]}"#;
    let a = extract(
        SEED.into(),
        Some(URL.into()),
        options(&[("siteRules", JsValue::from_str(rules))]),
    )
    .unwrap();
    let unmatched: Array = get(&a, "unmatchedRules").dyn_into().unwrap();
    assert_eq!(unmatched.length(), 1);
    assert!(extract(
        SEED.into(),
        Some(URL.into()),
        options(&[("siteRules", JsValue::from_str("{oops"))]),
    )
    .is_err());
}

#[wasm_bindgen_test]
fn an_option_of_the_wrong_type_is_an_error() {
    assert!(extract(
        SEED.into(),
        Some(URL.into()),
        options(&[("explain", JsValue::from_str("yes"))]),
    )
    .is_err());
}

#[wasm_bindgen_test]
fn check_site_rules_counts_a_valid_file_and_throws_for_a_malformed_one() {
    let rules = r#"{"format": "lectern-site-rules", "version": 1, "rules": [
        {"host": "example.com", "action": "keep", "signature": "p:1"}]}"#;
    assert_eq!(lectern::wasm::check_site_rules(rules).unwrap(), 1);
    assert!(lectern::wasm::check_site_rules("{\"format\": 1}").is_err());
}

// ---- Issue 21's structure in the browser: footnotes and math, from the fixture pages the
// native tests read (`tests/footnotes.rs`, `tests/structure.rs`).

const FOOTNOTES_KRAMDOWN: &str = include_str!("fixtures/footnotes/kramdown.html");
const FOOTNOTES_WIKIPEDIA: &str = include_str!("fixtures/footnotes/wikipedia.html");
const MATH_MATHJAX2: &str = include_str!("fixtures/math/mathjax2.html");
const MATH_KATEX: &str = include_str!("fixtures/math/katex.html");

fn content_of(html: &str) -> String {
    let a = extract(html.into(), Some(URL.into()), JsValue::UNDEFINED).expect("no error");
    get(&a, "content").as_string().expect("an article")
}

/// `obj.name(arg)`.
fn call1(obj: &JsValue, name: &str, arg: &str) -> JsValue {
    let f: js_sys::Function = Reflect::get(obj, &name.into()).unwrap().into();
    f.call1(obj, &arg.into()).unwrap()
}

/// The browser's document of `content` parsed as a body.
fn browser_document(content: &str) -> JsValue {
    let window = js_sys::global();
    let parser = Reflect::get(&window, &"DOMParser".into()).unwrap();
    let parser = Reflect::construct(&parser.into(), &Array::new()).unwrap();
    let parse: js_sys::Function = Reflect::get(&parser, &"parseFromString".into())
        .unwrap()
        .into();
    parse
        .call2(
            &parser,
            &format!("<body>{content}").into(),
            &"text/html".into(),
        )
        .unwrap()
}

#[wasm_bindgen_test]
fn every_footnote_reference_finds_its_note_in_the_browser() {
    // What the reader's popover does (extension/reader/reader.js, `noteFor`): a link in a
    // `<sup>` to an id, the element with that id a list item of the notes list.
    for page in [FOOTNOTES_KRAMDOWN, FOOTNOTES_WIKIPEDIA] {
        let doc = browser_document(&content_of(page));
        let refs: Array = call1(&doc, "querySelectorAll", "sup > a[href^=\"#\"]")
            .dyn_into::<Object>()
            .map(|list| Array::from(&list))
            .unwrap();
        assert!(refs.length() >= 2);
        for r in refs.iter() {
            let href = call1(&r, "getAttribute", "href").as_string().unwrap();
            let note = call1(&doc, "getElementById", &href[1..]);
            assert!(note.is_object(), "{href} has no note");
            let list = call1(
                &note,
                "closest",
                "section[role~=\"doc-endnotes\"] > ol > li",
            );
            assert!(list.is_object(), "{href}'s note is not in the notes list");
            let back = call1(&note, "querySelector", "a[role=\"doc-backlink\"]");
            let back_href = call1(&back, "getAttribute", "href").as_string().unwrap();
            let first = call1(&doc, "getElementById", &back_href[1..]);
            assert!(first.is_object(), "{href}'s back-link goes nowhere");
        }
    }
}

#[wasm_bindgen_test]
fn footnotes_are_gfm_notes_in_the_markdown() {
    let a = extract(
        FOOTNOTES_KRAMDOWN.into(),
        Some(URL.into()),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let md = get(&a, "markdown").as_string().unwrap();
    assert!(md.contains("like this one.[^1]"), "{md}");
    assert!(md.ends_with("[^2]: The second note."), "{md}");
}

#[wasm_bindgen_test]
fn mathjax_2_tex_becomes_mathml_in_the_browser() {
    let content = content_of(MATH_MATHJAX2);
    assert!(
        content.contains("<math alttext=\"a^2+b^2\"><mrow><msup>"),
        "{content}"
    );
    assert!(
        content.contains("<math display=\"block\" alttext=\"\\frac{a^2+b^2}{2}\"><mrow><mfrac>"),
        "{content}"
    );
    let doc = browser_document(&content);
    let maths = call1(&doc, "querySelectorAll", "math");
    assert_eq!(Reflect::get(&maths, &"length".into()).unwrap(), 2);
    let first = call1(&doc, "querySelector", "math");
    let ns = Reflect::get(&first, &"namespaceURI".into()).unwrap();
    assert_eq!(
        ns.as_string().unwrap(),
        "http://www.w3.org/1998/Math/MathML"
    );
}

#[wasm_bindgen_test]
fn katex_mathml_is_kept_with_its_tex_in_the_browser() {
    let content = content_of(MATH_KATEX);
    assert!(
        content.contains("<math alttext=\"e^{i\\pi}+1=0\">"),
        "{content}"
    );
    assert!(!content.contains("annotation"), "{content}");
    assert!(!content.contains("mathnormal"), "{content}");
    assert_eq!(browser_reparse(&content), content);
}
