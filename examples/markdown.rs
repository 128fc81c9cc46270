//! Reads a page on standard input and prints its article as Markdown, and with `--explain`,
//! every block the engine removed, with its rule, on standard error.
//!
//! ```sh
//! curl -s https://example.com/story | cargo run --example markdown -- --explain
//! ```

use lectern::{decode_html, extract, Options, Outputs};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let explain = std::env::args().any(|a| a == "--explain");
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let options = Options {
        explain,
        // Only the Markdown: the HTML and text outputs are not written (and cost nothing).
        outputs: Outputs {
            html: false,
            text: false,
            markdown: true,
        },
        ..Options::default()
    };
    let article = extract(&decode_html(&bytes), &options)?;
    println!("{}", article.markdown);
    for removal in &article.removed {
        eprintln!("{} <{}>: {}", removal.rule, removal.tag, removal.preview);
    }
    Ok(())
}
