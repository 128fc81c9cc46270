//! Native throughput of Lectern against dom_smoothie (a Rust port of Readability), on the same
//! pages, in the same process, in the same shape as the CLI's batch mode: read every file and
//! decode it first, then time extraction only.
//!
//! ```text
//! lectern-peers-bench DIR [--rounds N] [--warmup N] [--text raw|formatted|markdown] [--with-parse]
//! lectern-peers-bench --once lectern|dom_smoothie FILE     (one extraction, for max-RSS)
//! lectern-peers-bench DIR --extract-to OUT                  (dom_smoothie's output, for the eval)
//! ```
//!
//! DIR holds `<name>/source.html` folders (the readability corpus), or `pages/*.html` (the
//! trafilatura corpus), or `*.html`. Both engines get the same decoded `&str` and the same page
//! URL. Each round runs every page through one engine, then every page through the other; the
//! order alternates between rounds, and warm-up rounds are not counted. Per page: the median
//! wall time over the rounds. Throughput: HTML bytes over the process CPU time of a round.
//!
//! `--text` picks dom_smoothie's text mode (default `formatted`: blocks separated by newlines,
//! which is what Lectern's text output is; `raw` is dom_smoothie's default `textContent`).
//! Lectern's `extract` always builds its HTML, text and markdown. `--with-parse` adds a third
//! row, Lectern's parse stage alone, to show how much of the time is html5ever.
//!
//! `--extract-to OUT` times nothing: it writes dom_smoothie's text (`<page>.txt`) and metadata
//! (`<page>.json`: title, byline, excerpt, siteName, lang) for every page that has an article,
//! so `tools/eval.mjs --engine dom-smoothie` can score the peer with the same rules as Lectern.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

const PAGE_URL: &str = "http://fakehost/test/page.html";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Engine {
    Lectern,
    DomSmoothie,
    /// Lectern's parse stage alone (html5ever through kuchikiki): the floor under `Lectern`.
    LecternParse,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Lectern => "Lectern",
            Engine::DomSmoothie => "dom_smoothie 0.19",
            Engine::LecternParse => "Lectern parse only",
        }
    }

    fn parse(name: &str) -> Option<Engine> {
        match name {
            "lectern" => Some(Engine::Lectern),
            "dom_smoothie" | "dom-smoothie" => Some(Engine::DomSmoothie),
            "parse" => Some(Engine::LecternParse),
            _ => None,
        }
    }
}

struct Page {
    name: String,
    html: String,
    bytes: usize,
}

struct Settings {
    rounds: usize,
    warmup: usize,
    text_mode: dom_smoothie::TextMode,
}

/// Extracts one page; true when the engine found an article.
fn run(engine: Engine, html: &str, settings: &Settings) -> bool {
    match engine {
        Engine::Lectern => {
            // As the CLI's `--format text` extracts (dom_smoothie makes no Markdown either).
            let options = lectern::Options {
                url: Some(PAGE_URL.to_string()),
                outputs: lectern::Outputs {
                    markdown: false,
                    ..Default::default()
                },
                ..Default::default()
            };
            black_box(lectern::extract(black_box(html), &options)).is_ok()
        }
        Engine::DomSmoothie => {
            let config = dom_smoothie::Config { text_mode: settings.text_mode, ..Default::default() };
            match dom_smoothie::Readability::new(black_box(html), Some(PAGE_URL), Some(config)) {
                Ok(mut readability) => black_box(readability.parse()).is_ok(),
                Err(_) => false,
            }
        }
        Engine::LecternParse => black_box(lectern::internals::parse(black_box(html), &lectern::Options::default())).is_ok(),
    }
}

/// CPU time of the whole process, in seconds (user + system, all threads).
fn process_cpu_seconds() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own; CLOCK_PROCESS_CPUTIME_ID exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// The pages of a corpus directory (see the module docs), sorted by name.
fn list_pages(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.join("source.html").is_file() {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            folders.push((name, path.join("source.html")));
        }
    }
    if folders.is_empty() {
        let html_dir = if dir.join("pages").is_dir() { dir.join("pages") } else { dir.to_path_buf() };
        for entry in std::fs::read_dir(&html_dir)? {
            let path = entry?.path();
            let is_html = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            if is_html {
                folders.push((path.file_name().unwrap_or_default().to_string_lossy().into_owned(), path));
            }
        }
    }
    folders.sort();
    Ok(folders)
}

fn load(path: &Path) -> std::io::Result<String> {
    Ok(lectern::decode_html(&std::fs::read(path)?))
}

struct EngineResult {
    /// Per page, the wall time of each timed round, in milliseconds.
    times: Vec<Vec<f64>>,
    /// Process CPU seconds of each timed round.
    cpu: Vec<f64>,
    found: usize,
}

fn bench(pages: &[Page], engines: &[Engine], settings: &Settings) -> Vec<EngineResult> {
    let mut results: Vec<EngineResult> = engines
        .iter()
        .map(|_| EngineResult { times: vec![Vec::new(); pages.len()], cpu: Vec::new(), found: 0 })
        .collect();
    for round in 0..settings.warmup + settings.rounds {
        let timed = round >= settings.warmup;
        let mut order: Vec<usize> = (0..engines.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for e in order {
            let cpu_start = process_cpu_seconds();
            let mut found = 0;
            for (i, page) in pages.iter().enumerate() {
                let start = Instant::now();
                found += usize::from(run(engines[e], &page.html, settings));
                let ms = start.elapsed().as_secs_f64() * 1e3;
                if timed {
                    results[e].times[i].push(ms);
                }
            }
            if timed {
                results[e].cpu.push(process_cpu_seconds() - cpu_start);
                results[e].found = found;
            }
        }
        eprintln!("peers: round {}/{} done{}", round + 1, settings.warmup + settings.rounds, if timed { "" } else { " (warm-up)" });
    }
    results
}

/// Writes dom_smoothie's text and metadata for every page (see the module docs).
fn extract_to(pages: &[Page], out: &Path, settings: &Settings) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for page in pages {
        let config = dom_smoothie::Config { text_mode: settings.text_mode, ..Default::default() };
        let article = dom_smoothie::Readability::new(page.html.as_str(), Some(PAGE_URL), Some(config))
            .ok()
            .and_then(|mut r| r.parse().ok());
        let Some(a) = article else {
            eprintln!("{}: no article", page.name);
            continue;
        };
        std::fs::write(out.join(format!("{}.txt", page.name)), a.text_content.as_bytes())?;
        let meta = serde_json::json!({
            "title": a.title, "byline": a.byline, "excerpt": a.excerpt,
            "siteName": a.site_name, "lang": a.lang,
        });
        std::fs::write(out.join(format!("{}.json", page.name)), meta.to_string())?;
    }
    Ok(())
}

fn median(values: &[f64]) -> f64 {
    percentile(values, 0.5)
}

/// Nearest-rank percentile, q in 0..=1.
fn percentile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// The 1-minute load average (other work on the machine skews timings).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

fn report(dir: &Path, pages: &[Page], engines: &[Engine], results: &[EngineResult], settings: &Settings) {
    let total_bytes: usize = pages.iter().map(|p| p.bytes).sum();
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "### Native: {} — {} ({} pages, {:.2} MB of HTML)\n",
        engines.iter().map(|e| e.name()).collect::<Vec<_>>().join(" vs "),
        dir.file_name().unwrap_or_default().to_string_lossy(),
        pages.len(),
        total_bytes as f64 / 1e6
    );
    println!(
        "Machine: {cpus} CPUs (nproc), {}, load average {} at the end; {} rounds (+{} warm-up), single thread; dom_smoothie text mode {:?}.\n",
        cpu_model(),
        load_average(),
        settings.rounds,
        settings.warmup,
        settings.text_mode
    );
    println!("| engine | article found | MB/CPU-s | CPU s/round | p50 ms | p95 ms | max ms | slowest page |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut throughput = Vec::new();
    for (engine, r) in engines.iter().zip(results) {
        let per_page: Vec<f64> = r.times.iter().map(|t| median(t)).collect();
        let cpu = median(&r.cpu);
        let mbps = total_bytes as f64 / 1e6 / cpu;
        throughput.push(mbps);
        let slowest = per_page
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| pages[i].name.as_str())
            .unwrap_or("");
        println!(
            "| {} | {}/{} | {:.1} | {:.3} | {:.2} | {:.2} | {:.2} | {} |",
            engine.name(),
            r.found,
            pages.len(),
            mbps,
            cpu,
            percentile(&per_page, 0.5),
            percentile(&per_page, 0.95),
            percentile(&per_page, 1.0),
            slowest
        );
    }
    if throughput.len() >= 2 && engines[..2] == [Engine::Lectern, Engine::DomSmoothie] {
        println!(
            "\n{} / {} throughput: {:.2}x (goal: ≥ 1.3x)",
            engines[0].name(),
            engines[1].name(),
            throughput[0] / throughput[1]
        );
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: lectern-peers-bench DIR [--rounds N] [--warmup N] [--engine lectern|dom_smoothie|parse] [--with-parse] [--text raw|formatted|markdown] [--extract-to OUT]\n       lectern-peers-bench --once lectern|dom_smoothie FILE"
    );
    std::process::exit(64)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut once = None;
    let mut only = None;
    let mut extract_dir = None;
    let mut with_parse = false;
    let mut settings = Settings { rounds: 5, warmup: 1, text_mode: dom_smoothie::TextMode::Formatted };
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--rounds" => settings.rounds = value().parse().unwrap_or_else(|_| usage()),
            "--warmup" => settings.warmup = value().parse().unwrap_or_else(|_| usage()),
            "--engine" => only = Some(Engine::parse(&value()).unwrap_or_else(|| usage())),
            "--with-parse" => with_parse = true,
            "--extract-to" => extract_dir = Some(PathBuf::from(value())),
            "--once" => once = Some(Engine::parse(&value()).unwrap_or_else(|| usage())),
            "--text" => {
                settings.text_mode = match value().as_str() {
                    "raw" => dom_smoothie::TextMode::Raw,
                    "formatted" => dom_smoothie::TextMode::Formatted,
                    "markdown" => dom_smoothie::TextMode::Markdown,
                    _ => usage(),
                }
            }
            _ if !arg.starts_with("--") && dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => usage(),
        }
    }
    let Some(path) = dir else { usage() };

    if let Some(engine) = once {
        // One extraction of one file, nothing else: run under `/usr/bin/time -v` for max RSS.
        let html = load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let found = run(engine, &html, &settings);
        eprintln!("{}: {} ({})", engine.name(), path.display(), if found { "article" } else { "no article" });
        return;
    }

    let pages: Vec<Page> = list_pages(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
        .map(|(name, file)| {
            let html = load(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let bytes = std::fs::metadata(&file).map(|m| m.len() as usize).unwrap_or(html.len());
            Page { name, html, bytes }
        })
        .collect();
    if pages.is_empty() {
        eprintln!("no pages in {}", path.display());
        std::process::exit(1);
    }
    if let Some(out) = extract_dir {
        extract_to(&pages, &out, &settings).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        return;
    }
    let mut engines: Vec<Engine> = match only {
        Some(e) => vec![e],
        None => vec![Engine::Lectern, Engine::DomSmoothie],
    };
    if with_parse && !engines.contains(&Engine::LecternParse) {
        engines.push(Engine::LecternParse);
    }
    let results = bench(&pages, &engines, &settings);
    report(&path, &pages, &engines, &results, &settings);
}
