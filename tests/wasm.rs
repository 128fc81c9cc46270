//! The wasm API, in headless Chromium and Firefox (`wasm-pack test --headless --chrome
//! --firefox -- --test wasm`): what JavaScript callers get from `extract` and
//! `isProbablyReaderable`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use lectern::wasm::{extract, is_probably_readerable};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed-wordpress.html");
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
    extract(SEED, Some(URL.into()), JsValue::UNDEFINED).expect("no error")
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
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        None,
        JsValue::NULL,
    )
    .unwrap();
    assert!(r.is_null());
}

#[wasm_bindgen_test]
fn other_failures_throw_an_error_with_a_message() {
    let err = extract(SEED, Some("not a url".into()), JsValue::UNDEFINED).unwrap_err();
    let value: JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().expect("an Error instance");
    assert!(String::from(error.message()).contains("invalid page address"));

    let tiny = options(&[("maxInputBytes", JsValue::from_f64(10.0))]);
    let err: JsValue = extract(SEED, None, tiny).unwrap_err().into();
    assert!(String::from(err.dyn_into::<js_sys::Error>().unwrap().message()).contains("too large"));
}

#[wasm_bindgen_test]
fn explain_option_lists_removed_blocks() {
    let a = extract(SEED, None, options(&[("explain", JsValue::TRUE)])).unwrap();
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
        "<p>Just a short selection.</p>",
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
