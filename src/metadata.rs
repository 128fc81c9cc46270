//! Stage 2: metadata, read from the untouched document before anything is removed.
//!
//! Sources in order of trust: schema.org JSON-LD (what the publisher declares for search
//! engines), then `<meta>` tags (OpenGraph, Twitter, Dublin Core, Parse.ly, `article:*`,
//! `itemprop`), then the page itself (`<title>`, headings, `<html lang>`). Each field takes
//! the first source that has it. Also the address relative URLs resolve against (a
//! `<base href>` refines the page's own).

use crate::dom;
use crate::dom::Walk;
use crate::json::Value;
use crate::lowercase::lowercase;
use crate::tunables::{MAX_BYLINE_CHARS, TITLE_SEPARATORS};
use crate::urls::{safe_url, BaseUrl, UrlKind};
use kuchikiki::traits::*;
use kuchikiki::NodeRef;
use std::collections::HashMap;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The address relative URLs resolve against: the page's `<base href>` resolved against
    /// the page address, else the page address.
    pub base: Option<BaseUrl>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lead_image_url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// The page declares itself a discussion: a schema.org `DiscussionForumPosting` or
    /// `QAPage`, in JSON-LD or microdata. Its replies are content.
    pub discussion: bool,
    /// The page says it is one story: `og:type` is `article`, or it gives a publication
    /// date. Such a page is never read as a hub of stories (see `HUB_MAX_ARTICLE_CHARS`),
    /// however short its story, as long as what was found of it holds a sentence (see
    /// `SENTENCE_END_MARKS`).
    pub story: bool,
    /// The page says it is a product: a schema.org `Product` in JSON-LD or microdata, or an
    /// `og:type` of `product`. Its customers' reviews are not its text.
    pub product: bool,
    /// The length of the JSON-LD `articleBody`, in characters.
    pub declared_chars: Option<usize>,
    /// The JSON-LD `wordCount`.
    pub declared_words: Option<usize>,
    /// The JSON-LD says the article is not free to read (`isAccessibleForFree: false`).
    pub not_free: bool,
}

/// Reads the metadata of `document`, found at the address `page` if known.
pub(crate) fn extract(document: &NodeRef, page: Option<BaseUrl>) -> Metadata {
    let sources = Sources::gather(document);
    let base = document_base(sources.base_href.as_deref(), page);
    let base = base.as_ref();
    let metas = meta_values(&sources.metas);
    let get = |keys: &[&str]| metas.first(keys);
    let page_title = page_title(document, sources.title.as_ref());
    let ld = json_ld(&sources.ld_scripts, &page_title);

    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| Some(page_title.clone()))
        .map(|t| unescape_entities(&t));

    let article_author = get(&["article:author"]).filter(|a| !looks_like_url(a));
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author)
        .map(|b| clean_byline(&unescape_entities(&b)))
        .filter(|b| !b.is_empty() && b.chars().count() < MAX_BYLINE_CHARS);

    let excerpt = ld
        .excerpt
        .clone()
        .or_else(|| {
            get(&[
                "dc:description",
                "dcterm:description",
                "og:description",
                "weibo:article:description",
                "weibo:webpage:description",
                "description",
                "twitter:description",
            ])
        })
        .map(|e| unescape_entities(&e));

    let site_name = ld
        .site_name
        .clone()
        .or_else(|| get(&["og:site_name"]))
        .or_else(|| title_suffix_site(&page_title, title.as_deref()))
        .or_else(|| {
            base.and_then(|b| b.host())
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .map(|s| unescape_entities(&s));

    let published_time = ld
        .date_published
        .clone()
        .or_else(|| {
            get(&[
                "article:published_time",
                "parsely-pub-date",
                "datepublished",
                "dc:date",
                "dcterm:created",
                "date",
                "pubdate",
                "publishdate",
                "og:published_time",
            ])
        })
        .or_else(|| sources.time.as_ref().and_then(|t| dom::attr(t, "datetime")))
        .map(|t| iso8601(&t));

    let lead_image_url = ld
        .image
        .clone()
        .or_else(|| {
            get(&[
                "og:image",
                "og:image:url",
                "og:image:secure_url",
                "twitter:image",
                "twitter:image:src",
                "image",
            ])
        })
        // The same URL rules as an image of the article: no `javascript:`, no `file:` on a
        // web page, resolved against the base.
        .and_then(|u| safe_url(base, &u, UrlKind::Image));

    let html = document
        .walk_descendants()
        .find_node(&mut |n| dom::is_html(n, &["html"]));
    let lang = html
        .as_ref()
        .and_then(|h| dom::attr(h, "lang").or_else(|| dom::attr(h, "xml:lang")))
        .or_else(|| metas.get("http-equiv:content-language").cloned())
        .or_else(|| get(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or(ld.lang.clone())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let dir = html
        .as_ref()
        .and_then(|h| dom::attr(h, "dir"))
        .or_else(|| dom::body(document).and_then(|b| dom::attr(&b, "dir")))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");

    let story = published_time.is_some()
        || get(&["og:type"]).is_some_and(|t| t.eq_ignore_ascii_case("article"));
    Metadata {
        base: base.cloned(),
        title,
        byline,
        excerpt,
        site_name,
        published_time,
        lead_image_url,
        lang,
        dir,
        discussion: sources.discussion,
        story,
        product: sources.product || get(&["og:type"]).is_some_and(|t| t.contains("product")),
        declared_chars: ld.body_chars,
        declared_words: ld.word_count,
        not_free: ld.not_free,
    }
}

/// `<meta>` values keyed by lower-cased name or property (`og:title`, `description`,
/// `article:published_time`, `http-equiv:content-language`). Later tags win, as in Readability.
///
/// The map holds each value's index in a list (`HashMap<String, usize>`, a type the wasm
/// carries anyway), not the value: one copy of the hash table's code fewer (543 B of gzip,
/// 2026-12-06, session 15).
struct MetaValues {
    index: HashMap<String, usize>,
    values: Vec<String>,
}

impl MetaValues {
    fn insert(&mut self, key: String, value: String) {
        self.values.push(value);
        self.index.insert(key, self.values.len() - 1);
    }

    fn get(&self, key: &str) -> Option<&String> {
        self.index.get(key).map(|&i| &self.values[i])
    }

    /// The cleaned value of the first of `keys` present with a value not empty. Out of line:
    /// [`extract`] asks this of a dozen lists of keys.
    #[inline(never)]
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.get(k)
                .map(|v| clean_value(v))
                .filter(|v| !v.is_empty())
        })
    }
}

fn meta_values(metas: &[NodeRef]) -> MetaValues {
    let mut values = MetaValues {
        index: HashMap::new(),
        values: Vec::new(),
    };
    for el in metas.iter().filter_map(|m| m.as_element()) {
        let attrs = el.attributes.borrow();
        let Some(content) = dom::get(&attrs, "content") else {
            continue;
        };
        if content.trim().is_empty() {
            continue;
        }
        if let Some(property) = dom::get(&attrs, "property") {
            for p in property.split_whitespace() {
                values.insert(normalise_key(p), content.trim().to_string());
            }
        }
        for key_attr in ["name", "itemprop"] {
            if let Some(name) = dom::get(&attrs, key_attr) {
                values.insert(normalise_key(name), content.trim().to_string());
            }
        }
        if let Some(equiv) = dom::get(&attrs, "http-equiv") {
            values.insert(
                format!("http-equiv:{}", normalise_key(equiv)),
                content.trim().to_string(),
            );
        }
    }
    values
}

fn normalise_key(k: &str) -> String {
    let k: String = k.chars().filter(|c| !c.is_whitespace()).collect();
    lowercase(&k).replace('.', ":")
}

fn clean_value(v: &str) -> String {
    dom::fold_whitespace(v)
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

#[derive(Default)]
struct LdFields {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    image: Option<String>,
    lang: Option<String>,
    body_chars: Option<usize>,
    word_count: Option<usize>,
    not_free: bool,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
    "WebPage",
    "Recipe",
    "Review",
];

/// schema.org types that make a page a discussion: its replies are its content.
const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting"];

/// How a page says it is a product: a quoted JSON-LD type (`"Product"`, not `"ProductList"`),
/// a microdata `itemtype` URL. (An `og:type` says it with `product`, `og:product`,
/// `product.item`.)
const PRODUCT_NAMES: &[&str] = &[
    "\"Product\"",
    "\"schema:Product\"",
    "\"ProductGroup\"",
    "schema.org/Product",
];

/// Whether a JSON-LD text or an `itemtype` names a product ([`PRODUCT_NAMES`]).
#[inline(never)] // (Two callers: one copy in the wasm.)
fn names_product(s: &str) -> bool {
    PRODUCT_NAMES.iter().any(|t| s.contains(t))
}

fn json_ld(scripts: &[NodeRef], page_title: &str) -> LdFields {
    for script in scripts {
        let raw = script.text_contents();
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Some(value) = Value::parse(raw) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            return ld_fields(article, page_title);
        }
    }
    LdFields::default()
}

fn is_schema_org(context: Option<&Value>) -> bool {
    let ok = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match context {
        None => true,
        Some(Value::String(s)) => ok(s),
        Some(o @ Value::Object(_)) => o.get("@vocab").and_then(Value::as_str).is_some_and(ok),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(ok)),
        _ => false,
    }
}

fn has_article_type(v: &Value) -> bool {
    let matches = |t: &str| ARTICLE_TYPES.contains(&t.trim_start_matches("schema:"));
    match v.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// The first schema.org article object in a JSON-LD value: top level, in an array, or in a
/// `@graph`. `WebPage` is accepted only when no real article type is present.
fn find_article(value: &Value) -> Option<&Value> {
    let mut candidates: Vec<&Value> = Vec::new();
    let mut stack = vec![(value, value.get("@context"))];
    while let Some((v, ctx)) = stack.pop() {
        match v {
            Value::Array(items) => {
                for item in items.iter().rev() {
                    stack.push((item, item.get("@context").or(ctx)));
                }
            }
            o @ Value::Object(_) => {
                let ctx = o.get("@context").or(ctx);
                if has_article_type(v) && is_schema_org(ctx) {
                    candidates.push(v);
                }
                if let Some(graph) = o.get("@graph") {
                    stack.push((graph, ctx));
                }
            }
            _ => {}
        }
    }
    let is_page = |v: &&Value| v.get("@type").and_then(Value::as_str) == Some("WebPage");
    candidates
        .iter()
        .find(|v| !is_page(v))
        .or(candidates.first())
        .copied()
}

/// The string `v` holds, trimmed, if not empty. Out of line: [`ld_fields`] asks for eight
/// fields, and each inlined copy was a copy of the trim and the allocation.
#[inline(never)]
fn trimmed_str(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn ld_fields(article: &Value, page_title: &str) -> LdFields {
    let s = trimmed_str;
    let name = s(article.get("name"));
    let headline = s(article.get("headline"));
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Some sites put the site name in `name`: prefer whichever matches the page.
            let name_matches = crate::text::similarity(&n, page_title) > 0.75;
            let headline_matches = crate::text::similarity(&h, page_title) > 0.75;
            Some(if headline_matches && !name_matches {
                h
            } else {
                n
            })
        }
        (Some(n), _) => Some(n),
        (None, h) => h,
    };
    let author_name = |a: &Value| -> Option<String> {
        match a {
            Value::String(s) => Some(s.trim().to_string()),
            o @ Value::Object(_) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string()),
            _ => None,
        }
    };
    let byline = match article.get("author") {
        Some(Value::Array(authors)) => {
            let names: Vec<String> = authors
                .iter()
                .filter_map(author_name)
                .filter(|n| !n.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Some(a) => author_name(a),
        None => None,
    };
    let image = match article.get("image") {
        Some(Value::String(u)) => Some(u.clone()),
        Some(o @ Value::Object(_)) => o.get("url").and_then(Value::as_str).map(str::to_string),
        Some(Value::Array(a)) => a.first().and_then(|f| match f {
            Value::String(u) => Some(u.clone()),
            o @ Value::Object(_) => o.get("url").and_then(Value::as_str).map(str::to_string),
            _ => None,
        }),
        _ => None,
    };
    LdFields {
        title,
        byline: byline.filter(|b| !b.is_empty()),
        excerpt: s(article.get("description")),
        site_name: article.get("publisher").and_then(|p| s(p.get("name"))),
        date_published: s(article.get("datePublished")),
        image,
        lang: s(article.get("inLanguage")),
        body_chars: s(article.get("articleBody")).map(|b| b.chars().count()),
        word_count: match article.get("wordCount") {
            Some(n @ Value::Number(_)) => n.as_u64().map(|n| n as usize),
            Some(Value::String(n)) => n.trim().parse().ok(),
            _ => None,
        },
        not_free: match article.get("isAccessibleForFree") {
            Some(Value::Bool(free)) => !free,
            Some(Value::String(free)) => free.trim().eq_ignore_ascii_case("false"),
            _ => false,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The page's own title

fn word_count(s: &str) -> usize {
    // Readability counts `split(/\s+/)` pieces: an empty string is one word.
    s.split_whitespace().count().max(1)
}

fn is_separator(c: char) -> bool {
    TITLE_SEPARATORS.contains(&c)
}

/// The `<title>` cleaned of the site name: "Story | Site" → "Story"; falls back to the only
/// `<h1>` when the title is too short or long to be the story's (Readability's rules).
fn page_title(document: &NodeRef, title: Option<&NodeRef>) -> String {
    let orig = title.map(dom::normalized_text).unwrap_or_default();
    let mut cur = orig.clone();
    let mut hierarchical = false;

    // Separators count only with spaces around them: "Story | Site", not "e-mail".
    let spaced: Vec<(usize, char)> = orig
        .char_indices()
        .filter(|&(i, c)| {
            is_separator(c) && orig[..i].ends_with(' ') && orig[i + c.len_utf8()..].starts_with(' ')
        })
        .collect();
    if let Some(&(last, _)) = spaced.last() {
        hierarchical = spaced
            .iter()
            .any(|&(_, c)| matches!(c, '\\' | '/' | '>' | '»'));
        cur = orig[..last].trim_end().to_string();
        if word_count(&cur) < 3 {
            // "Site | Story": take what follows the first separator.
            let first = orig
                .char_indices()
                .find(|&(_, c)| is_separator(c))
                .map(|(i, c)| i + c.len_utf8());
            cur = first.map(|i| orig[i..].trim().to_string()).unwrap_or(cur);
        }
    } else if orig.contains(": ") {
        let matches_heading = document
            .walk_descendants()
            .any_node(&mut |h| dom::is(h, &["h1", "h2"]) && dom::normalized_text(h) == orig.trim());
        if !matches_heading {
            let after_last = orig[orig.rfind(':').map_or(0, |i| i + 1)..]
                .trim()
                .to_string();
            cur = after_last;
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').map_or(0, |i| i + 1)..]
                    .trim()
                    .to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s: Vec<NodeRef> = dom::descendants_named(document, &["h1"]);
        if h1s.len() == 1 {
            cur = dom::normalized_text(&h1s[0]);
        }
    }
    let cur = dom::fold_whitespace(&cur);
    let n = word_count(&cur);
    let stripped: String = orig.chars().filter(|&c| !is_separator(c)).collect();
    if n <= 4 && (!hierarchical || n != word_count(&stripped) - 1) {
        return orig;
    }
    cur
}

/// The site name as the `<title>`'s suffix, when the chosen title is its prefix:
/// "Story | The Daily" → "The Daily".
fn title_suffix_site(page_title: &str, title: Option<&str>) -> Option<String> {
    let title = title?;
    let rest = page_title.strip_prefix(title)?.trim_start();
    let mut chars = rest.chars();
    let sep = chars.next()?;
    if !is_separator(sep) && sep != ':' {
        return None;
    }
    let site = chars.as_str().trim();
    (!site.is_empty() && word_count(site) <= 6 && !site.chars().any(is_separator))
        .then(|| site.to_string())
}

/// The elements the metadata is read from, gathered in one walk of the page (a large page's
/// tree is walked once rather than once for each), each list in document order.
struct Sources {
    /// A discussion type named in JSON-LD or an `itemtype` ([`DISCUSSION_TYPES`]).
    discussion: bool,
    /// A product type named in JSON-LD or an `itemtype` ([`names_product`]).
    product: bool,
    /// `<meta>` elements.
    metas: Vec<NodeRef>,
    /// `<script type="application/ld+json">` elements.
    ld_scripts: Vec<NodeRef>,
    /// The first `<title>` outside SVG and MathML.
    title: Option<NodeRef>,
    /// The first `<time>` marked as the publication date (`itemprop="datePublished"`,
    /// `pubdate`).
    time: Option<NodeRef>,
    /// The `href` of the first `<base>` that has one.
    base_href: Option<String>,
}

/// The address relative URLs resolve against: `base_href` resolved against the page
/// address, else the page address. A `file:` base is taken only on a `file:` page (a page with
/// no address is not known to be one): `<base href="file:///etc/">` on a web page would
/// otherwise turn every relative URL of the article into a local file's.
fn document_base(base_href: Option<&str>, page: Option<BaseUrl>) -> Option<BaseUrl> {
    let page_is_file = page.as_ref().is_some_and(|p| p.scheme() == "file");
    let base = match (base_href, &page) {
        (Some(href), Some(page)) => BaseUrl::parse(&page.resolve(href)),
        (Some(href), None) => BaseUrl::parse(href),
        (None, _) => None,
    };
    base.filter(|b| b.scheme() != "file" || page_is_file)
        .or(page)
}

impl Sources {
    fn gather(document: &NodeRef) -> Sources {
        let mut sources = Sources {
            discussion: false,
            product: false,
            metas: Vec::new(),
            ld_scripts: Vec::new(),
            title: None,
            time: None,
            base_href: None,
        };
        let names_discussion = |s: &str| DISCUSSION_TYPES.iter().any(|t| s.contains(t));
        for el in document.walk_descendants().elements() {
            let node = el.as_node();
            if let Some(itemtype) = dom::get(&el.attributes.borrow(), "itemtype") {
                sources.discussion |= names_discussion(itemtype);
                sources.product |= names_product(itemtype);
            }
            match &*el.name.local {
                "meta" => sources.metas.push(node.clone()),
                "base" if sources.base_href.is_none() => {
                    sources.base_href =
                        dom::get(&el.attributes.borrow(), "href").map(str::to_string);
                }
                "script" => {
                    let is_ld = el
                        .attributes
                        .borrow()
                        .get("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if is_ld {
                        let text = node.text_contents();
                        sources.discussion |= names_discussion(&text);
                        sources.product |= names_product(&text);
                        sources.ld_scripts.push(node.clone());
                    }
                }
                "title"
                    if sources.title.is_none()
                        && !dom::has_ancestor(node, &["svg", "math"], None) =>
                {
                    sources.title = Some(node.clone());
                }
                "time"
                    if sources.time.is_none()
                        && (dom::attr(node, "itemprop")
                            .is_some_and(|p| p.contains("datePublished"))
                            || dom::attr(node, "pubdate").is_some()) =>
                {
                    sources.time = Some(node.clone());
                }
                _ => {}
            }
        }
        sources
    }
}

// ---------------------------------------------------------------------------------------------
// Cleaning values

/// Strips "By", "Written by", e-mail addresses and @handles from a byline.
pub(crate) fn clean_byline(s: &str) -> String {
    let mut b = dom::fold_whitespace(s);
    for prefix in [
        "written by ",
        "posted by ",
        "by: ",
        "by ",
        "von ",
        "por ",
        "par ",
        "door ",
        "di ",
    ] {
        if b.len() > prefix.len()
            && b.is_char_boundary(prefix.len())
            && b[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            b = b[prefix.len()..].trim_start().to_string();
            break;
        }
    }
    let words: Vec<&str> = b
        .split(' ')
        .filter(|w| !(w.contains('@') && (w.starts_with('@') || w.contains('.'))))
        .collect();
    words
        .join(" ")
        .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c.is_whitespace())
        .to_string()
}

/// Decodes the HTML entities that survive in meta values and JSON-LD (`&amp;`, `&#8217;`).
pub(crate) fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // The `;` is looked for within an entity's length only: searched to the end of the
        // value, a value of a million `&`s took minutes.
        let end = rest.as_bytes()[1..]
            .iter()
            .take(12)
            .position(|&b| b == b';')
            .map(|e| e + 1);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.filter(|&c| c != '\0').map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Normalises common date forms to ISO 8601; other strings are kept as they are.
/// `2024-03-05 10:20:30` → `2024-03-05T10:20:30`, `20240305` → `2024-03-05`.
pub(crate) fn iso8601(s: &str) -> String {
    let t = s.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if b.len() == 8 && digits(0..8) {
        return format!("{}-{}-{}", &t[0..4], &t[4..6], &t[6..8]);
    }
    if b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
    {
        if b.len() > 10 && b[10] == b' ' && digits(11..13) {
            return format!("{}T{}", &t[..10], t[11..].trim().replace(' ', ""));
        }
        return t.to_string();
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_loses_by_and_handles() {
        assert_eq!(clean_byline("By Jane Doe @janedoe"), "Jane Doe");
        assert_eq!(
            clean_byline("Written by John Roe, john@example.com"),
            "John Roe"
        );
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            unescape_entities("Tom &amp; Jerry&#8217;s &#x263A; &bogus;"),
            "Tom & Jerry’s ☺ &bogus;"
        );
    }

    #[test]
    fn dates_become_iso8601() {
        assert_eq!(iso8601("2024-03-05 10:20:30"), "2024-03-05T10:20:30");
        assert_eq!(iso8601("20240305"), "2024-03-05");
        assert_eq!(iso8601("2024-03-05T10:20:30Z"), "2024-03-05T10:20:30Z");
    }
}
