//! Fuzz target: the Markdown output. Bytes → browser-style decoding → `extract` with only the
//! Markdown output (article or whole-document mode, chosen by the first byte); the sanitiser on
//! its own followed by the Markdown writer; and the writer on a random sanitised tree (HTML,
//! MathML and SVG in arrangements no parser makes) seeded by the next eight bytes. Each Markdown
//! is read by a CommonMark parser (pulldown-cmark) through the tests' Markdown oracle
//! (`tests/support/markdown.rs`): any raw HTML (an HTML block or inline HTML), or a link or image
//! whose scheme is not one the writer allows (http, https, mailto), is a finding, as is any
//! panic, stack overflow or timeout. See `docs/security.md`.
#![no_main]

#[allow(dead_code)]
#[path = "../../tests/support/hostile.rs"]
mod hostile;
#[allow(dead_code)]
#[path = "../../tests/support/markdown.rs"]
mod markdown;
#[allow(dead_code)]
#[path = "../../tests/support/oracle.rs"]
mod oracle;

use lectern::internals::{sanitise, sanitise_fragment, to_markdown, BaseUrl};
use lectern::{extract, Options, Outputs};
use libfuzzer_sys::fuzz_target;

const PAGE: &str = "https://example.com/dir/page.html";

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let html = lectern::decode_html(data);
    let options = Options {
        whole_document: flags & 1 == 1,
        url: (flags & 4 == 0).then(|| PAGE.into()),
        outputs: Outputs {
            html: false,
            text: false,
            markdown: true,
        },
        ..Options::default()
    };
    if let Ok(article) = extract(&html, &options) {
        markdown::assert_markdown_safe(&article.markdown, "extract");
    }
    let base = BaseUrl::parse(PAGE);
    let base = if flags & 4 == 4 { None } else { base.as_ref() };
    let md = to_markdown(&sanitise_fragment(&html, base));
    markdown::assert_markdown_safe(&md, "sanitise_fragment");

    // The same bytes as a seed: a random tree of up to 80 nodes, sanitised, then written.
    let mut seed = [0u8; 8];
    for (i, b) in data.iter().skip(1).take(8).enumerate() {
        seed[i] = *b;
    }
    let mut rng = hostile::Rng(u64::from_le_bytes(seed) | 1);
    let size = 1 + (rng.next_u64() % 80) as usize;
    let tree = hostile::random_tree(&mut rng, size);
    sanitise(&tree, base);
    markdown::assert_markdown_safe(&to_markdown(&tree), "random tree");
});
