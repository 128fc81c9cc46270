//! Extracts the article of a saved web page and prints its title, byline and text.
//!
//! ```sh
//! cargo run --example extract -- page.html https://example.com/story
//! ```
//!
//! The page's bytes are decoded as a browser would (`lectern::decode_html`: a byte order mark,
//! then `<meta charset>`, then UTF-8, then a guess as Firefox's); the URL, if given, resolves the
//! article's relative links and images.

use lectern::{decode_html, extract, Error, Options};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract PAGE.html [URL]");
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = decode_html(&bytes);
    let options = match args.next() {
        Some(url) => Options::with_url(url),
        None => Options::default(),
    };
    match extract(&html, &options) {
        Ok(article) => {
            println!("{}", article.title);
            if let Some(byline) = &article.byline {
                println!("{byline}");
            }
            println!("{} words\n", article.word_count);
            println!("{}", article.text_content);
            ExitCode::SUCCESS
        }
        Err(Error::NoArticle) => {
            eprintln!("{path}: no article");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
