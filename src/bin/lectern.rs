//! `lectern`: the native command-line adapter over the engine.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use lectern::{decode_html, extract_owned, is_probably_readerable, Article, Error, Options};
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};

    const USAGE: &str = "\
usage: lectern [--format html|text|json|markdown|sentences] [--url URL] [--explain] [--removed]
               [--rules FILE] [--whole-document]
               [--readerable] [--out-dir DIR] [FILE...|-]

Extracts the article of a web page. Reads FILE (or standard input with - or no file) and
prints the article in the chosen format (default: html). With --out-dir, writes
DIR/<name>.<html|txt|json|md|jsonl> for each FILE instead.

  --format F        html (the article HTML), text (blocks separated by blank lines),
                    markdown, json (all fields, with metadata), or sentences (for
                    reading aloud: one JSON object a line, {\"text\", \"block\", \"start\",
                    \"end\"}, in reading order; block: the text format's block, start
                    and end: UTF-16 offsets in it)
  --url URL         the page's address, to resolve relative links
  --explain         print every removed block and the rule that removed it (stderr;
                    in json, the `removed` field)
  --removed         in json, the `removedBlocks` field: every removed block with its
                    sanitised HTML, rule, group, signature and place
  --rules FILE      apply the site rules of FILE (docs/site-rules.md) to pages of
                    their host (give the page's address with --url); rules that
                    match nothing are listed in json's `unmatchedRules`
  --whole-document  take the whole page as the article (no selection or cleaning)
  --readerable      no extraction: print true or false, the cheap check of whether the
                    page probably has an article (in batch mode DIR/<name>.readerable)
  --out-dir DIR     batch mode: one output file per input
  -h, --help        this help

Exit status: 0 on success, 2 when a page has no article, 1 on other errors.";

    #[derive(Clone, Copy, PartialEq)]
    enum Format {
        Html,
        Text,
        Json,
        Markdown,
        Sentences,
    }

    impl Format {
        fn extension(self) -> &'static str {
            match self {
                Format::Html => "html",
                Format::Text => "txt",
                Format::Json => "json",
                Format::Markdown => "md",
                Format::Sentences => "jsonl",
            }
        }
    }

    struct Args {
        format: Format,
        /// Only the cheap readerable check, no extraction.
        readerable: bool,
        options: Options,
        out_dir: Option<PathBuf>,
        inputs: Vec<String>,
    }

    fn parse_args() -> Result<Option<Args>, String> {
        use lexopt::prelude::*;
        let mut parser = lexopt::Parser::from_env();
        let mut args = Args {
            format: Format::Html,
            readerable: false,
            options: Options::default(),
            out_dir: None,
            inputs: vec![],
        };
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Short('h') | Long("help") => return Ok(None),
                Long("format") | Short('f') => {
                    let v = parser.value().map_err(|e| e.to_string())?;
                    args.format = match v.to_string_lossy().as_ref() {
                        "html" => Format::Html,
                        "text" | "txt" => Format::Text,
                        "json" => Format::Json,
                        "markdown" | "md" => Format::Markdown,
                        "sentences" => Format::Sentences,
                        other => {
                            return Err(format!(
                                "unknown format {other:?} (html, text, json, markdown, sentences)"
                            ))
                        }
                    };
                }
                Long("url") => {
                    args.options.url = Some(
                        parser
                            .value()
                            .map_err(|e| e.to_string())?
                            .to_string_lossy()
                            .into_owned(),
                    );
                }
                Long("explain") => args.options.explain = true,
                Long("removed") => args.options.removed_blocks = true,
                Long("rules") => {
                    let file = parser.value().map_err(|e| e.to_string())?;
                    let text = std::fs::read_to_string(&file).map_err(|e| {
                        format!("cannot read {}: {e}", PathBuf::from(&file).display())
                    })?;
                    args.options.site_rules =
                        lectern::SiteRules::from_json(&text).map_err(|e| e.to_string())?;
                }
                Long("whole-document") => args.options.whole_document = true,
                Long("readerable") => args.readerable = true,
                Long("out-dir") => {
                    args.out_dir = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
                }
                Value(v) => args.inputs.push(v.to_string_lossy().into_owned()),
                _ => return Err(arg.unexpected().to_string()),
            }
        }
        // Markdown is made only for the formats that show it.
        args.options.outputs.markdown = matches!(args.format, Format::Markdown | Format::Json);
        Ok(Some(args))
    }

    fn read_input(name: &str) -> Result<Vec<u8>, String> {
        if name == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        } else {
            std::fs::read(name).map_err(|e| format!("cannot read {name}: {e}"))
        }
    }

    fn render(article: &Article, format: Format) -> String {
        match format {
            Format::Html => article.content.clone(),
            Format::Text => article.text_content.clone(),
            Format::Markdown => {
                if article.title.is_empty() {
                    article.markdown.clone()
                } else {
                    format!("# {}\n\n{}", article.title, article.markdown)
                }
            }
            Format::Json => serde_json::to_string_pretty(article).unwrap_or_default(),
            Format::Sentences => {
                let blocks: Vec<&str> = article.text_content.split("\n\n").collect();
                let lang = article.lang.as_deref().unwrap_or("");
                let lines: Vec<String> = lectern::sentences(&blocks, lang)
                    .iter()
                    .map(|s| serde_json::to_string(s).unwrap_or_default())
                    .collect();
                lines.join("\n")
            }
        }
    }

    fn explain_to_stderr(article: &Article) {
        for r in &article.removed {
            eprintln!(
                "removed <{}> by {}/{} [{}]: {}",
                r.tag, r.stage, r.rule, r.detail, r.preview
            );
        }
    }

    pub(crate) fn run() -> i32 {
        let args = match parse_args() {
            Ok(Some(a)) => a,
            Ok(None) => {
                println!("{USAGE}");
                return 0;
            }
            Err(e) => {
                eprintln!("lectern: {e}\n\n{USAGE}");
                return 1;
            }
        };
        match &args.out_dir {
            Some(dir) => batch(&args, dir),
            None => single(&args),
        }
    }

    fn single(args: &Args) -> i32 {
        if args.inputs.len() > 1 {
            eprintln!("lectern: several inputs need --out-dir");
            return 1;
        }
        let name = args.inputs.first().map_or("-", String::as_str);
        let bytes = match read_input(name) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("lectern: {e}");
                return 1;
            }
        };
        // The file's bytes and then the page's text are let go as soon as they are used.
        let html = decode_html(&bytes);
        drop(bytes);
        if args.readerable {
            println!("{}", is_probably_readerable(&html));
            return 0;
        }
        match extract_owned(html, &args.options) {
            Ok(article) => {
                if args.options.explain && args.format != Format::Json {
                    explain_to_stderr(&article);
                }
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{}", render(&article, args.format));
                0
            }
            Err(Error::NoArticle) => {
                eprintln!("lectern: {name}: no article found");
                2
            }
            Err(e) => {
                eprintln!("lectern: {name}: {e}");
                1
            }
        }
    }

    fn batch(args: &Args, dir: &Path) -> i32 {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("lectern: cannot create {}: {e}", dir.display());
            return 1;
        }
        let mut status = 0;
        for name in &args.inputs {
            let bytes = match read_input(name) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("lectern: {e}");
                    status = 1;
                    continue;
                }
            };
            let stem = Path::new(name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "stdin".into());
            let extension = if args.readerable {
                "readerable"
            } else {
                args.format.extension()
            };
            let out = dir.join(format!("{stem}.{extension}"));
            // The file's bytes and then the page's text are let go as soon as they are used.
            let html = decode_html(&bytes);
            drop(bytes);
            if args.readerable {
                if let Err(e) = std::fs::write(&out, is_probably_readerable(&html).to_string()) {
                    eprintln!("lectern: cannot write {}: {e}", out.display());
                    status = 1;
                }
                continue;
            }
            match extract_owned(html, &args.options) {
                Ok(article) => {
                    if let Err(e) = std::fs::write(&out, render(&article, args.format)) {
                        eprintln!("lectern: cannot write {}: {e}", out.display());
                        status = 1;
                    }
                }
                Err(Error::NoArticle) => {
                    eprintln!("lectern: {name}: no article found");
                    if status == 0 {
                        status = 2;
                    }
                }
                Err(e) => {
                    eprintln!("lectern: {name}: {e}");
                    status = 1;
                }
            }
        }
        status
    }
}
