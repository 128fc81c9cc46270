//! The safety oracle: what must hold for any HTML the engine puts out, whatever went in.
//!
//! One definition for the whole project: the tests (`tests/sanitise.rs`, `tests/robustness.rs`,
//! through `mod support;`) and the fuzz target (`fuzz/fuzz_targets/pipeline.rs`, through
//! `#[path = "../../tests/support/oracle.rs"] mod oracle;`) check the same properties:
//!
//! - **safe** ([`assert_safe`]): parsed as the reader parses it, the output has no element that
//!   executes, loads (other than images) or navigates by itself, no comment, no attribute
//!   outside the allowlist (no event handler, no `style`), no URL outside the scheme allowlist
//!   (http(s), `mailto:` links, raster `data:` images), no reserved `lectern…` id, and every
//!   link carries `rel="noopener noreferrer"`;
//! - **stable under a parse** ([`assert_round_trips`], [`assert_tree_survives_a_parse`]):
//!   parsing the output and serialising it again gives the same HTML, so the browser builds
//!   exactly the tree the sanitiser made.
//!
//! Not panicking is the caller's part: every check here runs on what the engine returned.

use lectern::internals::{dump, reparse, to_html};

/// Elements that must never reach the reader (any namespace).
pub const FORBIDDEN_ELEMENTS: &[&str] = &[
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
pub const ALLOWED_ATTRIBUTES: &[&str] = &[
    // Only the footnote structure's values (checked below).
    "role",
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
    // A formula's TeX as text (the sanitiser keeps it on MathML; the engine writes it from a
    // TeX annotation or a MathJax 2 script): inert, never a URL or markup.
    "alttext",
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

/// The scheme of a URL as a browser finds it (after trimming and dropping tabs and newlines),
/// lower-cased; `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned = browser_cleaned(url);
    let colon = cleaned.find(':')?;
    let s = &cleaned[..colon];
    let mut chars = s.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then(|| s.to_ascii_lowercase())
}

fn browser_cleaned(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn check_url(url: &str, element: &str, attribute: &str, context: &str) {
    match scheme(url).as_deref() {
        None | Some("http") | Some("https") => {}
        Some("mailto") if attribute == "href" => {}
        Some("data") if element == "img" && attribute == "src" => {
            let cleaned = browser_cleaned(url);
            let mime = cleaned["data:".len()..]
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
/// images) or navigates by itself. `context` (the input, or its name) goes into the message.
pub fn assert_safe(html: &str, context: &str) {
    assert_tree_safe(&reparse(html), html, context);
}

fn assert_tree_safe(tree: &kuchikiki::NodeRef, html: &str, context: &str) {
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
                "role" => assert!(
                    matches!(
                        (name, &*attr.value),
                        ("section", "doc-endnotes") | ("a", "doc-noteref" | "doc-backlink")
                    ),
                    "{context}: role {:?} on <{name}> in output: {html}",
                    &*attr.value
                ),
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
pub fn assert_round_trips(html: &str, context: &str) {
    let again = to_html(&reparse(html));
    assert_eq!(again, html, "{context}: output does not survive a parse");
}

/// The whole oracle on one output (parsed once): safe, and the same HTML after a parse.
pub fn assert_output_ok(html: &str, context: &str) {
    let tree = reparse(html);
    assert_tree_safe(&tree, html, context);
    assert_eq!(
        to_html(&tree),
        html,
        "{context}: output does not survive a parse"
    );
}

/// A tree the sanitiser made serialises to HTML that parses back into the same tree, and that
/// HTML passes the whole oracle. Returns the HTML.
pub fn assert_tree_survives_a_parse(tree: &kuchikiki::NodeRef, context: &str) -> String {
    let out = to_html(tree);
    assert_eq!(
        dump(&reparse(&out)),
        dump(tree),
        "{context}: the tree changes when its HTML is parsed again:\n{out}"
    );
    assert_output_ok(&out, context);
    out
}
