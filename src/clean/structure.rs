//! The article's structure made plain for a reader, after the removals: code blocks reduced to
//! their text and language, and headings given stable ids.
//!
//! Code: sites show code through highlighters (Rouge, Pygments, Chroma, highlight.js, Prism,
//! SyntaxHighlighter) that wrap every token in a span, number the lines in a gutter (a table
//! column or a span per line) and name the language in a class. A reader wants the code's text
//! (to read and to copy) and its language (for a Markdown fence): each `<pre>` becomes
//! `<pre><code class="language-X">text</code></pre>`, its line numbers left out.
//!
//! Headings: an outline and links to a section need an id on every heading; one the page gave
//! is kept, the others get one made from their text (`Install it` → `install-it`), unique in
//! the article. (The sanitiser prefixes every id with `article-`.)

use crate::dom;
use crate::dom::Walk;
use crate::lowercase::lowercase;
use crate::text::StringSet;
use crate::tunables::{
    CODE_GUTTER_TABLES, CODE_LANGUAGE_LEVELS, CODE_LINE_NUMBER_CLASS, HEADING_ID_MAX_CHARS,
};
use kuchikiki::NodeRef;
use std::collections::HashMap;

/// Reduces every code block of `content` to its text and language.
pub(super) fn normalise_code_blocks(content: &NodeRef) {
    let blocks: Vec<NodeRef> = dom::descendants_where(content, &|d| {
        dom::is(d, &["pre"]) && !dom::has_ancestor(d, &["pre"], None)
    });
    for pre in blocks {
        let language = language_of(&pre);
        if let Some(table) = gutter_table(&pre) {
            // The gutter is a `<pre>` of numbers too: the code is the longer one.
            if dom::text_len(&pre) * 2 < dom::text_len(&table) {
                continue;
            }
            table.insert_before(pre.clone());
            table.detach();
        }
        let mut text = String::new();
        code_text(&pre, &mut text);
        let text = text.trim_end_matches('\n');
        for child in pre.children().collect::<Vec<_>>() {
            child.detach();
        }
        for name in ["class", "data-lang", "data-language"] {
            dom::remove_attr(&pre, name);
        }
        let attrs = language
            .map(|l| vec![("class".to_string(), format!("language-{l}"))])
            .unwrap_or_default();
        let code = dom::new_html_element("code", attrs);
        code.append(NodeRef::new_text(text));
        pre.append(code);
    }
}

/// The language a code block names: a `language-X`, `lang-X`, `highlight-X` (GitHub's
/// `highlight-source-X`), `brush: X` or Pandoc's `sourceCode X` class, or a `data-lang` /
/// `data-language` attribute, on the block, its `<code>` or the wrappers around it.
fn language_of(pre: &NodeRef) -> Option<String> {
    let code = dom::element_children(pre).find(|c| dom::is(c, &["code"]));
    let around = pre.ancestors().take(CODE_LANGUAGE_LEVELS);
    code.into_iter()
        .chain(std::iter::once(pre.clone()))
        .chain(around)
        .find_map(|n| {
            let named = dom::attr(&n, "data-lang").or_else(|| dom::attr(&n, "data-language"));
            named
                .and_then(|l| clean_language(&l))
                .or_else(|| dom::attr(&n, "class").and_then(|c| language_in_class(&c)))
        })
}

fn language_in_class(class: &str) -> Option<String> {
    let mut tokens = class.split_ascii_whitespace();
    while let Some(t) = tokens.next() {
        let t = t.to_ascii_lowercase();
        let name = match ["language-", "lang-", "highlight-source-", "highlight-"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
        {
            Some(name) => name.to_string(),
            None if t == "brush:" || t == "sourcecode" => tokens.next()?.to_string(),
            None => continue,
        };
        if let Some(name) = clean_language(&name) {
            return Some(name);
        }
    }
    None
}

/// A language name as a fence may carry it (`rust`, `c++`, `objective-c`, `c#`), or none.
fn clean_language(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches(';').to_ascii_lowercase();
    let ok = !name.is_empty()
        && name.len() <= 24
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+#-_.".contains(&b))
        && !matches!(name.as_str(), "none" | "plaintext" | "text" | "nohighlight");
    ok.then_some(name)
}

/// The table of a line-number gutter around `pre` (Rouge's `rouge-table`, Pygments'
/// `highlighttable`, Chroma's `lntable`: [`CODE_GUTTER_TABLES`]): the code is its one `<pre>`
/// that is not the numbers.
fn gutter_table(pre: &NodeRef) -> Option<NodeRef> {
    pre.ancestors().take(4).find(|a| {
        dom::is(a, &["table"])
            && dom::attr(a, "class")
                .is_some_and(|c| CODE_GUTTER_TABLES.iter().any(|t| c.contains(t)))
    })
}

/// The text of a code block: its text nodes, a line break for each `<br>` and at the end of
/// each block-level line wrapper, and nothing of line-number elements.
fn code_text(node: &NodeRef, out: &mut String) {
    for child in node.children() {
        if let Some(text) = child.as_text() {
            out.push_str(&text.borrow());
        } else if child.as_element().is_some() {
            if dom::is(&child, &["br"]) {
                out.push('\n');
            } else if !is_line_number(&child) {
                code_text(&child, out);
                if dom::is(&child, &["div", "p", "li", "tr"]) && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
}

/// A line number inside a code block: an element whose class says so
/// ([`CODE_LINE_NUMBER_CLASS`]) or that has `data-line-number`, with only digits in it.
fn is_line_number(node: &NodeRef) -> bool {
    let named = dom::attr(node, "class").is_some_and(|c| CODE_LINE_NUMBER_CLASS.is_match(&c))
        || dom::has_attr(node, "data-line-number");
    named && {
        let t = node.text_contents();
        t.chars()
            .all(|ch| ch.is_ascii_digit() || ch.is_whitespace() || ch == ':' || ch == '.')
    }
}

/// Gives every heading of `content` an id: its own, or one made from its text.
pub(super) fn name_headings(content: &NodeRef) {
    let headings: Vec<NodeRef> = dom::descendants_named(content, dom::HEADINGS);
    // Ids already in the article; an id made here must differ from each. (A set, and for each
    // base the next number to try: a page of thousands of headings alike, "Reviews", would
    // otherwise try every number against every id, cubic in the headings.)
    let mut taken: StringSet = content
        .walk_descendants()
        .filter_map(|d| dom::attr(&d, "id"))
        .collect();
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, h) in headings.iter().enumerate() {
        if dom::has_attr(h, "id") {
            continue;
        }
        let mut base = slug(&dom::normalized_text(h));
        if base.is_empty() {
            base = format!("section-{}", i + 1);
        }
        let mut id = base.clone();
        let n = next.entry(base.clone()).or_insert(1);
        while taken.contains(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        dom::set_attr(h, "id", &id);
        taken.insert(id);
    }
}

/// `Install it!` → `install-it`: lower-case letters and digits (of any script), runs of
/// anything else as one `-`, at most [`HEADING_ID_MAX_CHARS`].
fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in lowercase(text).chars() {
        // (Not `char::is_alphanumeric`: its Unicode tables would ship in the wasm for this.)
        let word = c.is_ascii_alphanumeric()
            || !(c.is_ascii() || c.is_whitespace() || is_wide_punctuation(c));
        if word {
            if s.chars().count() >= HEADING_ID_MAX_CHARS {
                break;
            }
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// Punctuation outside ASCII that a slug leaves out: Latin-1's (`«`, `¿`, `·`), general
/// punctuation (dashes, quotes, `…`) and CJK's (`、`, `。`, `「`).
fn is_wide_punctuation(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}')
}

#[cfg(test)]
mod tests {
    use super::{clean_language, language_in_class, slug};

    #[test]
    fn a_slug_keeps_letters_and_digits_of_any_script() {
        assert_eq!(slug("Install it!"), "install-it");
        assert_eq!(slug("  2. Über Größe  "), "2-über-größe");
        assert_eq!(slug("日本語の見出し"), "日本語の見出し");
        assert_eq!(slug("?!"), "");
    }

    #[test]
    fn languages_are_read_from_the_highlighters_classes() {
        assert_eq!(
            language_in_class("highlight language-rust"),
            Some("rust".into())
        );
        assert_eq!(language_in_class("highlight-source-js"), Some("js".into()));
        assert_eq!(language_in_class("brush: python;"), Some("python".into()));
        assert_eq!(
            language_in_class("sourceCode haskell"),
            Some("haskell".into())
        );
        assert_eq!(language_in_class("highlight"), None);
        assert_eq!(clean_language("C++"), Some("c++".into()));
        assert_eq!(clean_language("<script>"), None);
        assert_eq!(clean_language("plaintext"), None);
    }
}
