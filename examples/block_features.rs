//! Dumps the learned block filter's measures (issue 17), for training it
//! (`tools/train/blocks.mjs`): reads lines `NAME<TAB>PAGE.html<TAB>URL` (URL may be empty) from
//! standard input and writes, for each page, one JSON line `{"page": NAME, "blocks": [[text,
//! [features…]], …]}` (no blocks when the page gives no article).
//!
//! ```sh
//! cargo run --release --features internals --example block_features < pages.tsv > blocks.jsonl
//! ```

use lectern::{decode_html, internals, Options};
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let mut parts = line.split('\t');
        let (Some(name), Some(path)) = (parts.next(), parts.next()) else {
            continue;
        };
        let url = parts.next().filter(|u| !u.is_empty());
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        let html = decode_html(&bytes);
        let options = match url {
            Some(u) => Options::with_url(u),
            None => Options::default(),
        };
        let blocks = internals::block_features(&html, &options).unwrap_or_default();
        let row = serde_json::json!({ "page": name, "blocks": blocks });
        let _ = writeln!(out, "{row}");
    }
}
