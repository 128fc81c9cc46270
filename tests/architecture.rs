//! The engine's shape, checked: stages only look forward.
//!
//! The pipeline is parse → metadata → prepare → score → select → clean → sanitise → output,
//! over a shared layer (tree helpers, text statistics, tunables, the marks stages leave on the
//! tree, ...). A stage may use the shared layer and the stages before it, never a later one; the
//! shared layer uses no stage; and no module imports in a circle. The test reads every
//! `src/**/*.rs` (their code, not their `#[cfg(test)]` modules) and checks each `crate::…`
//! path against that order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages, in pipeline order. `readerable` is the cheap check beside the pipeline: it
/// parses and looks, so it comes right after parsing. `sentences` works on the article's text
/// after the pipeline (for reading aloud), so it comes last.
const STAGES: &[&str] = &[
    "parse",
    "readerable",
    "metadata",
    "prepare",
    "score",
    "select",
    "clean",
    "sanitise",
    "output",
    "sentences",
];

/// Parts of a stage that live in their own top-level files: the parser's tokenizer and helpers.
const PART_OF: &[(&str, &str)] = &[
    ("tokenize", "parse"),
    ("raw", "parse"),
    ("depth", "parse"),
    ("entities", "parse"),
    ("tex", "prepare"),
];

/// The types the crate root re-exports from the shared layer: `crate::Options` is
/// `options::Options`.
const ROOT_TYPES: &[&str] = &[
    "Article",
    "Error",
    "KeptBlock",
    "Options",
    "Outputs",
    "Removal",
    "RemovedBlock",
    "Rule",
    "SiteAction",
    "SiteRule",
    "SiteRules",
];

/// What every stage may use, and which uses no stage.
const SHARED: &[&str] = &[
    "article",
    "blocks",
    "dom",
    "error",
    "explain",
    "json",
    "lowercase",
    "marks",
    "options",
    "pattern",
    "retry",
    "rule",
    "siterules",
    "stats",
    "text",
    "tunables",
    "urls",
    "words",
];

/// Over the pipeline: the crate root (which runs it), the adapters, the internals for tests, and
/// the CLI's byte decoding. They may use anything and nothing of the engine uses them.
const ADAPTERS: &[&str] = &["", "wasm", "internals", "decode", "testing"];

enum Layer {
    Shared,
    Stage(usize),
    Adapter,
}

fn layer(module: &str) -> Layer {
    let module = PART_OF
        .iter()
        .find(|(part, _)| *part == module)
        .map_or(module, |(_, stage)| stage);
    if let Some(i) = STAGES.iter().position(|s| *s == module) {
        Layer::Stage(i)
    } else if SHARED.contains(&module) {
        Layer::Shared
    } else if ADAPTERS.contains(&module) {
        Layer::Adapter
    } else {
        panic!("module `{module}` is in no layer: add it to STAGES, SHARED or ADAPTERS in tests/architecture.rs")
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/clean/nav.rs` → `clean`, `src/lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    if first == "bin" {
        return None; // a separate crate, over the public API
    }
    if first == "lib.rs" {
        return Some(String::new());
    }
    Some(first.trim_end_matches(".rs").to_string())
}

/// The file's code without its test modules (`#[cfg(test)]` followed by `mod`) and comments.
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        if line.starts_with("#[cfg(test)]")
            && lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            // Skip the test module: up to the line that closes it at the same indentation.
            let indent = lines[i].len() - line.len();
            let close = format!("{}}}", " ".repeat(indent));
            i += 2;
            while i < lines.len() && lines[i] != close {
                i += 1;
            }
            i += 1;
            continue;
        }
        let code_part = line.split("//").next().unwrap_or("");
        out.push_str(code_part);
        out.push('\n');
        i += 1;
    }
    out
}

/// The top-level modules named by `crate::` paths in `code`, including grouped imports
/// (`use crate::{dom, stats::TextStats}`).
fn crate_imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let preceded_by_ident = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + "crate::".len()..];
        if preceded_by_ident {
            continue; // `lectern_crate::`, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: after `{` and after each comma at depth 0.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        let name: String = group[i..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        found.insert(name);
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Every module's imports of other top-level modules (items of the crate root, such as
/// `crate::Options`, count as imports of the root, ``).
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        let entry = graph.entry(module.clone()).or_default();
        for name in crate_imports(&code(&text)) {
            let target = if modules.contains(&name) {
                name
            } else if ROOT_TYPES.contains(&name.as_str()) {
                String::new() // a type the crate root re-exports (`crate::Options`)
            } else {
                format!("::{name}") // anything else of the root: the pipeline itself
            };
            if target != module {
                entry.insert(target);
            }
        }
    }
    graph
}

/// Why `from` may not use `to`, or None when it may.
fn violation(from: &str, to: &str) -> Option<String> {
    // The root's re-exports of shared types (`crate::Options`) are the shared layer's; the
    // root's own items (`crate::extract`, `crate::find_article`) run the pipeline, which no
    // part of it may call.
    if to.is_empty() {
        return None;
    }
    if let Some(item) = to.strip_prefix("::") {
        return match layer(from) {
            Layer::Adapter => None,
            _ => Some(format!(
                "`{from}` uses `crate::{item}`, which runs the pipeline"
            )),
        };
    }
    match (layer(from), layer(to)) {
        (Layer::Adapter, _) => None,
        (_, Layer::Adapter) => Some(format!("`{from}` uses the adapter `{to}`")),
        (Layer::Shared, Layer::Stage(_)) => {
            Some(format!("the shared module `{from}` uses the stage `{to}`"))
        }
        (Layer::Stage(a), Layer::Stage(b)) if b > a => Some(format!(
            "the stage `{from}` uses the later stage `{to}` (order: {})",
            STAGES.join(" → ")
        )),
        _ => None,
    }
}

#[test]
fn no_stage_imports_a_later_stage_and_the_shared_layer_imports_no_stage() {
    let graph = import_graph();
    let mut problems = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            if let Some(why) = violation(from, to) {
                problems.push(why);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "backward imports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_module_imports_in_a_circle() {
    let graph = import_graph();
    // Depth-first search for a back edge, over the engine's modules (not the root).
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if next.is_empty() {
                continue;
            }
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys().filter(|m| !m.is_empty()) {
        if let Some(cycle) = visit(module, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_checker_sees_grouped_and_plain_paths_and_skips_test_modules() {
    let source = "use crate::{dom, stats::{link_density, TextStats}};\n\
                  fn f() { crate::score::similarity(a, b) } // crate::clean in a comment\n\
                  #[cfg(test)]\nmod tests {\n    use crate::clean;\n}\n";
    let names: Vec<String> = crate_imports(&code(source)).into_iter().collect();
    assert_eq!(names, ["dom", "score", "stats"]);
    assert!(violation("score", "clean").is_some());
    assert!(violation("clean", "score").is_none());
    assert!(violation("dom", "prepare").is_some());
    assert!(violation("prepare", "dom").is_none());
    assert!(violation("clean", "::extract").is_some());
    assert!(violation("clean", "").is_none());
}
