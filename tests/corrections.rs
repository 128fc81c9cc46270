//! Trust and control (issue 20): the removed blocks given back with their place, the site
//! rules that keep or remove a block, and the "may be incomplete" verdict. Pages are the seed
//! page with one change at a time (as in `tests/engine.rs`).
#![cfg(not(target_arch = "wasm32"))]

use kuchikiki::traits::*;
use kuchikiki::NodeRef;
use lectern::{extract, Article, Error, Options, RemovedBlock, Rule, SiteAction, SiteRules};

mod support;

const SEED: &str = include_str!("pages/seed-wordpress/source.html");
const URL: &str = "https://www.news.example.com/2025/07/25/story/";
const WIDGET: &str = "Recent News";
const FIRST: &str = "Ceasefire negotiations between Israel and Hamas";
const SECOND: &str = "U.S. Special Envoy Steve Witkoff";

fn seed_with(slot: &str, html: &str) -> String {
    let marker = format!("<!--{slot}-->");
    assert!(SEED.contains(&marker), "no slot {slot}");
    SEED.replace(&marker, html)
}

fn with_blocks() -> Options {
    Options {
        removed_blocks: true,
        ..Options::with_url(URL)
    }
}

fn with_rules(json: &str) -> Options {
    Options {
        site_rules: SiteRules::from_json(json).expect("valid rules"),
        ..Options::with_url(URL)
    }
}

fn rules_file(rules: &[(&str, &str, &str)]) -> String {
    let list: Vec<String> = rules
        .iter()
        .map(|(host, action, signature)| {
            serde_json::json!({"host": host, "action": action, "signature": signature}).to_string()
        })
        .collect();
    format!(
        r#"{{"format": "lectern-site-rules", "version": 1, "rules": [{}]}}"#,
        list.join(",")
    )
}

fn block<'a>(article: &'a Article, text: &str) -> &'a RemovedBlock {
    article
        .removed_blocks
        .iter()
        .find(|b| b.html.contains(text))
        .unwrap_or_else(|| panic!("no removed block with {text:?}"))
}

/// The article's text with `block` put back where the engine says, as the reader does it:
/// elements numbered in document order over the article's HTML.
fn restored_text(article: &Article, block: &RemovedBlock) -> String {
    let doc = kuchikiki::parse_html().one(format!("<div id=root>{}</div>", article.content));
    let root = doc
        .document_node
        .select_first("#root")
        .unwrap()
        .as_node()
        .clone();
    let elements: Vec<NodeRef> = root
        .descendants()
        .filter(|n| n.as_element().is_some())
        .collect();
    let frag = kuchikiki::parse_html().one(format!("<div id=block>{}</div>", block.html));
    let holder = frag
        .document_node
        .select_first("#block")
        .unwrap()
        .as_node()
        .clone();
    let parent = block.parent.map_or(root.clone(), |p| elements[p].clone());
    let nodes: Vec<NodeRef> = holder.children().collect();
    match block.after {
        Some(a) => {
            let after = elements[a].clone();
            assert_eq!(
                after.parent().as_ref(),
                Some(&parent),
                "after is a child of parent"
            );
            for node in nodes.into_iter().rev() {
                after.insert_after(node);
            }
        }
        None => {
            for node in nodes.into_iter().rev() {
                parent.prepend(node);
            }
        }
    }
    root.text_contents()
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text}"))
}

#[test]
fn removed_blocks_are_not_given_back_by_default() {
    let article = extract(SEED, &Options::with_url(URL)).unwrap();
    assert!(article.removed_blocks.is_empty());
}

#[test]
fn asking_for_removed_blocks_leaves_the_article_as_it_is() {
    let plain = extract(SEED, &Options::with_url(URL)).unwrap();
    let asked = extract(SEED, &with_blocks()).unwrap();
    assert_eq!(asked.content, plain.content);
    assert_eq!(asked.text_content, plain.text_content);
}

#[test]
fn the_recent_news_widget_comes_back_as_a_sidebar() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let widget = block(&article, WIDGET);
    assert_eq!(widget.rule, Rule::Aside);
    assert_eq!(widget.group, "Sidebars");
    assert!(
        widget.preview.starts_with("Recent News US Democrats"),
        "{}",
        widget.preview
    );
    assert!(
        widget.signature.ends_with("aside#secondary.widget-area:2"),
        "{}",
        widget.signature
    );
}

#[test]
fn the_comment_form_comes_back_with_its_text_and_without_its_fields() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let form = block(&article, "Your email address will not be published");
    assert_eq!(form.rule, Rule::Form);
    assert_eq!(form.group, "Forms and comment boxes");
    assert!(
        !form.html.contains("<textarea") && !form.html.contains("<input"),
        "{}",
        form.html
    );
}

#[test]
fn a_removed_block_is_sanitised_like_the_article() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<div class="share-buttons"><a href="javascript:alert(1)" onclick="x()">Share</a><script>evil()</script><img src=x onerror="y()"></div>"#,
    );
    let article = extract(&page, &with_blocks()).unwrap();
    let share = block(&article, "Share");
    assert!(!share.html.contains("javascript:"), "{}", share.html);
    assert!(
        !share.html.contains("onclick") && !share.html.contains("onerror"),
        "{}",
        share.html
    );
    assert!(
        !share.html.contains("<script") && !share.html.contains("evil"),
        "{}",
        share.html
    );
}

#[test]
fn a_block_removed_between_paragraphs_goes_back_between_them() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<div class="share-buttons"><a href="/share">Share this story</a></div>"#,
    );
    let article = extract(&page, &with_blocks()).unwrap();
    let share = block(&article, "Share this story");
    let text = restored_text(&article, share);
    let at = position(&text, "Share this story");
    assert!(
        position(&text, FIRST) < at && at < position(&text, SECOND),
        "{text}"
    );
}

#[test]
fn the_sidebar_goes_back_after_the_story() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let text = restored_text(&article, block(&article, WIDGET));
    assert!(position(&text, WIDGET) > position(&text, SECOND), "{text}");
}

#[test]
fn a_signature_names_structure_not_text() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let changed = SEED.replace("Recent News", "Latest stories");
    let again = extract(&changed, &with_blocks()).unwrap();
    assert_eq!(
        block(&again, "Latest stories").signature,
        block(&article, WIDGET).signature
    );
}

/// The signature of the story's first paragraph, found without the paragraph's own: a share bar
/// put in just before it is removed with its signature, and the paragraph's is the same path
/// with the paragraph's tag and place.
fn first_paragraph_signature() -> String {
    let first = extract(
        &seed_with(
            "BETWEEN-1",
            r#"<div class="share-buttons"><a href="/s">Share</a></div>"#,
        ),
        &with_blocks(),
    )
    .unwrap();
    block(&first, "Share")
        .signature
        .replace("div.share-buttons:3", "p:2")
}

#[test]
fn a_remove_rule_removes_a_paragraph_of_the_story() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let paragraph = first_paragraph_signature();
    let options = Options {
        removed_blocks: true,
        ..with_rules(&rules_file(&[("news.example.com", "remove", &paragraph)]))
    };
    let ruled = extract(SEED, &options).unwrap();
    assert!(
        !ruled.text_content.contains(FIRST),
        "{}",
        ruled.text_content
    );
    assert!(ruled.text_content.contains(SECOND));
    assert_eq!(block(&ruled, FIRST).rule, Rule::SiteRule);
    assert!(ruled.unmatched_rules.is_empty());
    assert!(article.text_content.contains(FIRST));
}

#[test]
fn a_keep_rule_puts_the_widget_back_in_place() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let signature = &block(&article, WIDGET).signature;
    let kept = extract(
        SEED,
        &with_rules(&rules_file(&[("news.example.com", "keep", signature)])),
    )
    .unwrap();
    let text = &kept.text_content;
    assert!(position(text, WIDGET) > position(text, SECOND), "{text}");
    assert!(kept.unmatched_rules.is_empty());
}

#[test]
fn rules_of_another_site_do_nothing() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let signature = &block(&article, WIDGET).signature;
    let other = extract(
        SEED,
        &with_rules(&rules_file(&[("other.example.org", "keep", signature)])),
    )
    .unwrap();
    assert!(!other.text_content.contains(WIDGET));
    assert!(other.unmatched_rules.is_empty(), "not this page's rules");
}

#[test]
fn a_rule_that_matches_nothing_is_reported() {
    let kept = extract(
        SEED,
        &with_rules(&rules_file(&[(
            "news.example.com",
            "remove",
            "div#nowhere:9",
        )])),
    )
    .unwrap();
    assert_eq!(kept.unmatched_rules.len(), 1);
    assert_eq!(kept.unmatched_rules[0].action, SiteAction::Remove);
    assert_eq!(kept.unmatched_rules[0].signature, "div#nowhere:9");
}

#[test]
fn a_rules_file_is_read_with_its_hosts_normalised() {
    let rules = SiteRules::from_json(&rules_file(&[("WWW.Example.com", "keep", "p:1")])).unwrap();
    assert_eq!(rules.rules.len(), 1);
    assert_eq!(rules.rules[0].host, "example.com");
    assert_eq!(rules.rules[0].action, SiteAction::Keep);
}

#[test]
fn malformed_rules_files_are_refused_with_a_reason() {
    let refused = |text: &str, why: &str| match SiteRules::from_json(text) {
        Err(Error::InvalidRules(message)) => {
            assert!(message.contains(why), "{message:?} should say {why:?}")
        }
        other => panic!("{text:?} gave {other:?}"),
    };
    refused("{not json", "not JSON");
    refused(r#"{"rules": []}"#, "not a Lectern site rules file");
    refused(
        r#"{"format": "lectern-site-rules", "version": 2, "rules": []}"#,
        "unsupported version",
    );
    refused(&rules_file(&[("example.com", "hide", "p:1")]), "rule 1");
    refused(&rules_file(&[("exa mple.com", "keep", "p:1")]), "host");
    refused(&rules_file(&[("example.com", "keep", "")]), "signature");
    refused(
        r#"{"format": "lectern-site-rules", "version": 1, "rules": [{"host": "a.b", "action": "keep", "signature": "p:1", "extra": 1}]}"#,
        "unknown key",
    );
}

#[test]
fn rules_files_over_their_limits_are_refused() {
    let many: Vec<(&str, &str, &str)> = vec![("example.com", "keep", "p:1"); 1001];
    assert!(matches!(
        SiteRules::from_json(&rules_file(&many)),
        Err(Error::InvalidRules(_))
    ));
    let huge = format!("{} {}", rules_file(&[]), " ".repeat(200 * 1024));
    assert!(matches!(
        SiteRules::from_json(&huge),
        Err(Error::InvalidRules(_))
    ));
}

fn with_ld(ld: &str) -> String {
    SEED.replace(
        "</head>",
        &format!(r#"<script type="application/ld+json">{ld}</script></head>"#),
    )
}

#[test]
fn an_article_body_twice_the_text_may_be_incomplete() {
    let text = extract(SEED, &Options::with_url(URL)).unwrap().text_content;
    let body = format!("{text} {text}");
    let ld = serde_json::json!({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body});
    let article = extract(&with_ld(&ld.to_string()), &Options::with_url(URL)).unwrap();
    assert!(article.may_be_incomplete);
}

#[test]
fn an_article_body_as_long_as_the_text_is_complete() {
    let text = extract(SEED, &Options::with_url(URL)).unwrap().text_content;
    let ld = serde_json::json!({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": text, "wordCount": 300});
    let article = extract(&with_ld(&ld.to_string()), &Options::with_url(URL)).unwrap();
    assert!(!article.may_be_incomplete);
}

#[test]
fn a_word_count_far_above_the_text_may_be_incomplete() {
    let ld = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "wordCount": "5000"}"#;
    assert!(
        extract(&with_ld(ld), &Options::with_url(URL))
            .unwrap()
            .may_be_incomplete
    );
}

#[test]
fn an_article_not_free_to_read_may_be_incomplete() {
    let ld = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "isAccessibleForFree": false}"#;
    assert!(
        extract(&with_ld(ld), &Options::with_url(URL))
            .unwrap()
            .may_be_incomplete
    );
    assert!(
        !extract(SEED, &Options::with_url(URL))
            .unwrap()
            .may_be_incomplete
    );
}

#[test]
fn the_cli_applies_a_rules_file() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let rules = rules_file(&[(
        "news.example.com",
        "keep",
        &block(&article, WIDGET).signature,
    )]);
    let dir = std::env::temp_dir().join(format!("lectern-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rules.json");
    std::fs::write(&file, rules).unwrap();
    let out = support::cli::lectern(
        &[
            "--format",
            "text",
            "--url",
            URL,
            "--rules",
            file.to_str().unwrap(),
            "-",
        ],
        SEED.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(WIDGET));
}

#[test]
fn the_cli_refuses_a_malformed_rules_file_with_its_reason() {
    let dir = std::env::temp_dir().join(format!("lectern-bad-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rules.json");
    std::fs::write(&file, "[1, 2").unwrap();
    let out = support::cli::lectern(&["--rules", file.to_str().unwrap(), "-"], b"");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not JSON"));
}

#[test]
fn the_articles_paragraphs_come_with_their_signatures() {
    let article = extract(SEED, &with_blocks()).unwrap();
    let paragraph = first_paragraph_signature();
    assert!(
        article.kept_blocks.iter().any(|k| k.signature == paragraph),
        "{:?}",
        article.kept_blocks
    );
    assert!(extract(SEED, &Options::with_url(URL))
        .unwrap()
        .kept_blocks
        .is_empty());
}

#[test]
fn on_every_golden_page_removed_blocks_leave_the_article_alone_and_point_inside_it() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages")).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(html) = std::fs::read_to_string(dir.join("source.html")) else {
            continue;
        };
        let plain = extract(&html, &Options::with_url(URL)).unwrap();
        let asked = extract(&html, &with_blocks()).unwrap();
        assert_eq!(asked.content, plain.content, "{}", dir.display());
        let doc = kuchikiki::parse_html().one(format!("<div id=root>{}</div>", asked.content));
        let root = doc
            .document_node
            .select_first("#root")
            .unwrap()
            .as_node()
            .clone();
        let elements = root
            .descendants()
            .filter(|n| n.as_element().is_some())
            .count();
        for block in &asked.removed_blocks {
            for number in [block.parent, block.after].into_iter().flatten() {
                assert!(number < elements, "{}: {block:?}", dir.display());
            }
            // Restoring never loses the article's text.
            let text = restored_text(&asked, block);
            assert!(
                text.len() >= root.text_contents().len(),
                "{}",
                dir.display()
            );
        }
        for kept in &asked.kept_blocks {
            assert!(kept.number < elements, "{}", dir.display());
        }
    }
}
