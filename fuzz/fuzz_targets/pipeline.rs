//! Fuzz target: bytes → browser-style decoding → `extract` (article and whole-document modes)
//! and the sanitiser on its own, with the safety and round-trip checks of
//! `tests/sanitise.rs`. Any panic, stack overflow, unsafe output or tree that changes when its
//! HTML is parsed again is a finding. See `docs/security.md`.
#![no_main]

use lectern::internals::sanitise_fragment;
use lectern::internals::{dump, reparse, to_html};
use lectern::internals::BaseUrl;
use lectern::{extract, Options};
use libfuzzer_sys::fuzz_target;

/// Elements that must never come out (any namespace).
const FORBIDDEN: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "template",
    "noscript",
    "svg",
    "foreignObject",
    "annotation-xml",
    "mglyph",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "title",
    "video",
    "audio",
];

fn check_url(url: &str, element: &str, attribute: &str) {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some(colon) = cleaned.find(':') {
        let s = &cleaned[..colon];
        let mut chars = s.chars();
        let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if is_scheme {
            let scheme = s.to_ascii_lowercase();
            let ok = matches!(scheme.as_str(), "http" | "https")
                || (scheme == "mailto" && attribute == "href")
                || (scheme == "data" && element == "img" && attribute == "src");
            assert!(ok, "{scheme}: URL in {element}@{attribute}: {url:?}");
        }
    }
}

fn check(html: &str) {
    let tree = reparse(html);
    for node in tree.descendants() {
        assert!(node.as_comment().is_none(), "comment in output");
        let Some(el) = node.as_element() else {
            continue;
        };
        let name: &str = &el.name.local;
        assert!(!FORBIDDEN.contains(&name), "<{name}> in output: {html}");
        for (n, attr) in el.attributes.borrow().map.iter() {
            let a: &str = &n.local;
            assert!(n.ns == html5ever::ns!(), "namespaced attribute {a}");
            assert!(
                !a.starts_with("on") && a != "style" && a != "srcdoc" && a != "formaction",
                "{a} in output"
            );
            match a {
                "href" | "src" | "cite" => check_url(&attr.value, name, a),
                "srcset" => attr
                    .value
                    .split(", ")
                    .for_each(|c| check_url(c.split(' ').next().unwrap_or(""), name, a)),
                _ => {}
            }
        }
    }
    // Round trip: parse + serialise is the identity on our output.
    assert_eq!(to_html(&tree), html, "output changes when parsed again");
}

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let html = lectern::decode_html(data);
    let options = Options {
        whole_document: flags & 1 == 1,
        explain: flags & 2 == 2,
        url: Some("https://example.com/dir/page.html".into()),
        ..Options::default()
    };
    if let Ok(article) = extract(&html, &options) {
        check(&article.content);
    }
    let base = BaseUrl::parse("https://example.com/dir/page.html");
    let tree = sanitise_fragment(&html, if flags & 4 == 4 { None } else { base.as_ref() });
    let out = to_html(&tree);
    assert_eq!(
        dump(&reparse(&out)),
        dump(&tree),
        "sanitised tree changes when parsed again: {out}"
    );
    check(&out);
});
