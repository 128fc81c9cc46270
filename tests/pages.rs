//! Golden pages: every folder under `tests/pages/` is one whole page and what the engine gives
//! for it, reviewed by a person:
//!
//! - `source.html`: the page (UTF-8);
//! - `expected.txt`: the article's text, exactly as `lectern --format text` prints it
//!   ([`Article::text_content`] and a newline);
//! - `expected.json` (optional): some of the article's fields, by their JSON names (`title`,
//!   `byline`, `siteName`, `lang`, `dir`, `publishedTime`, `excerpt`, `leadImageUrl`,
//!   `wordCount`, `readingTimeMinutes`); `null` where the page must have none.
//!
//! `./build.sh new-page FILE [NAME]` adds one. Only the public API is used: the page is
//! extracted with [`lectern::extract`] and default [`Options`], as the CLI does without flags.
//! A mismatch prints a line diff for the text and each field that differs, for every page at
//! once. When a change to the engine is meant to change a page's output, review the diff and
//! run `LECTERN_BLESS=1 cargo test --test pages` to write the new expected files.
#![cfg(not(target_arch = "wasm32"))]

use lectern::{extract, Article, Options};
use serde_json::{Map, Value};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages");

#[test]
fn every_golden_page_gives_its_expected_text_and_fields() {
    let bless = std::env::var_os("LECTERN_BLESS").is_some_and(|v| v == "1");
    let pages = page_dirs();
    assert!(!pages.is_empty(), "no golden pages in {PAGES}");
    let mut failures = String::new();
    for dir in &pages {
        if let Err(report) = check_page(dir, bless) {
            let _ = writeln!(failures, "==== {}\n{report}", dir.display());
        }
    }
    assert!(
        failures.is_empty(),
        "golden pages that differ from their expected files (after review, \
         LECTERN_BLESS=1 cargo test --test pages writes the new ones):\n\n{failures}"
    );
}

fn page_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(PAGES)
        .unwrap_or_else(|e| panic!("{PAGES}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Compares one page with its expected files; the report of what differs, if anything does.
fn check_page(dir: &Path, bless: bool) -> Result<(), String> {
    let read = |name: &str| fs::read_to_string(dir.join(name));
    let source = read("source.html").map_err(|e| format!("source.html: {e}"))?;
    let article = extract(&source, &Options::default())
        .map_err(|e| format!("no article: {e} (a page without one belongs in a unit test)"))?;
    let mut report = String::new();

    let text = format!("{}\n", article.text_content);
    let expected_text = read("expected.txt").map_err(|e| format!("expected.txt: {e}"))?;
    if text != expected_text {
        if bless {
            fs::write(dir.join("expected.txt"), &text).unwrap();
        } else {
            let _ = writeln!(
                report,
                "text (- expected.txt, + now):\n{}",
                line_diff(&expected_text, &text)
            );
        }
    }

    if let Ok(json) = read("expected.json") {
        let expected: Map<String, Value> =
            serde_json::from_str(&json).map_err(|e| format!("expected.json: {e}"))?;
        let mut now = Map::new();
        for (key, want) in &expected {
            let Some(got) = field(&article, key) else {
                let _ = writeln!(report, "expected.json: no such field {key:?}");
                continue;
            };
            if &got != want && !bless {
                let _ = writeln!(report, "{key}: expected {want}, now {got}");
            }
            now.insert(key.clone(), got);
        }
        if bless && now != expected {
            fs::write(dir.join("expected.json"), to_json(&now)).unwrap();
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// The fields `expected.json` may hold, in the order it lists them.
const FIELDS: [&str; 10] = [
    "title",
    "byline",
    "siteName",
    "lang",
    "dir",
    "publishedTime",
    "excerpt",
    "leadImageUrl",
    "wordCount",
    "readingTimeMinutes",
];

/// `fields` as `expected.json` lists them: in the order of [`FIELDS`], two spaces of indent.
fn to_json(fields: &Map<String, Value>) -> String {
    let entries: Vec<String> = FIELDS
        .iter()
        .filter_map(|key| {
            let value = fields.get(*key)?;
            Some(format!(
                "  \"{key}\": {}",
                serde_json::to_string(value).unwrap()
            ))
        })
        .collect();
    format!("{{\n{}\n}}\n", entries.join(",\n"))
}

/// An article's field by its JSON name (as the CLI's `--format json` writes it); one of
/// [`FIELDS`].
fn field(article: &Article, key: &str) -> Option<Value> {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
    Some(match key {
        "title" => Value::String(article.title.clone()),
        "byline" => text(&article.byline),
        "dir" => text(&article.dir),
        "lang" => text(&article.lang),
        "excerpt" => text(&article.excerpt),
        "siteName" => text(&article.site_name),
        "publishedTime" => text(&article.published_time),
        "leadImageUrl" => text(&article.lead_image_url),
        "wordCount" => Value::from(article.word_count),
        "readingTimeMinutes" => Value::from(article.reading_time_minutes),
        _ => return None,
    })
}

/// The lines of `a` and `b` with `-` (only in `a`), `+` (only in `b`) or two spaces (in both,
/// shown only next to a change); a longest-common-subsequence diff.
fn line_diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    // Unchanged lines only within two lines of a change.
    let near_change = |k: usize| {
        lines[k.saturating_sub(2)..(k + 3).min(lines.len())]
            .iter()
            .any(|(mark, _)| *mark != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (mark, line)) in lines.iter().enumerate() {
        if *mark == ' ' && !near_change(k) {
            if !skipped {
                out.push_str("  …\n");
            }
            skipped = true;
            continue;
        }
        skipped = false;
        let _ = writeln!(out, "{mark} {line}");
    }
    out
}
