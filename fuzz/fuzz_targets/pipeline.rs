//! Fuzz target: bytes → browser-style decoding → `extract` (article and whole-document modes)
//! and the sanitiser on its own; and the bytes as the seed of a random tree (HTML, MathML and SVG
//! in arrangements no parser makes) for the sanitiser. Every output goes through the safety
//! oracle the tests use (`tests/support/oracle.rs`), the trees come from the tests' generators
//! (`tests/support/hostile.rs`). Any panic, stack overflow, unsafe output or tree that changes
//! when its HTML is parsed again is a finding. See `docs/security.md`.
#![no_main]

#[allow(dead_code)]
#[path = "../../tests/support/hostile.rs"]
mod hostile;
#[allow(dead_code)]
#[path = "../../tests/support/oracle.rs"]
mod oracle;

use lectern::internals::{sanitise, sanitise_fragment, BaseUrl};
use lectern::{extract, Options};
use libfuzzer_sys::fuzz_target;

const PAGE: &str = "https://example.com/dir/page.html";

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let html = lectern::decode_html(data);
    let options = Options {
        whole_document: flags & 1 == 1,
        explain: flags & 2 == 2,
        url: Some(PAGE.into()),
        ..Options::default()
    };
    if let Ok(article) = extract(&html, &options) {
        oracle::assert_output_ok(&article.content, "extract");
    }
    let base = BaseUrl::parse(PAGE);
    let base = if flags & 4 == 4 { None } else { base.as_ref() };
    oracle::assert_tree_survives_a_parse(&sanitise_fragment(&html, base), "sanitise_fragment");

    // The same bytes as a seed: a random tree of up to 80 nodes, sanitised in place.
    let mut seed = [0u8; 8];
    for (i, b) in data.iter().skip(1).take(8).enumerate() {
        seed[i] = *b;
    }
    let mut rng = hostile::Rng(u64::from_le_bytes(seed) | 1);
    let size = 1 + (rng.next_u64() % 80) as usize;
    let tree = hostile::random_tree(&mut rng, size);
    sanitise(&tree, base);
    oracle::assert_tree_survives_a_parse(&tree, "random tree");
});
