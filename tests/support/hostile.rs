//! Hostile-input generators: pages and trees built to break a parser, a tree walker or a
//! sanitiser. One set for the whole project: the tests (`tests/robustness.rs`,
//! `tests/sanitise.rs`, through `mod support;`) and the fuzz target
//! (`fuzz/fuzz_targets/pipeline.rs`, through `#[path]`) use the same generators, each
//! deterministic for its seed so a failure reproduces.

/// Article text long enough to count as one: a page that is only hostile markup has no article
/// and never reaches the later stages.
pub fn filler() -> String {
    "<p>This paragraph is part of the article and long enough to count as real text, with commas, clauses, and words.</p>"
        .repeat(6)
}

/// An article page with `depth` levels of `open` (closed by as many `close`) around "deep
/// text", between two runs of [`filler`].
pub fn nested(open: &str, close: &str, depth: usize) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * depth + 2000);
    s.push_str("<html><body><article>");
    s.push_str(&filler());
    s.push_str(&open.repeat(depth));
    s.push_str("deep text");
    s.push_str(&close.repeat(depth));
    s.push_str(&filler());
    s.push_str("</article></body></html>");
    s
}

/// A deterministic stream of pseudo-random bytes.
pub fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Garbage made of HTML's own punctuation and tag names: `len` pieces.
pub fn tag_soup(len: usize, seed: u64) -> String {
    const PIECES: &[&str] = &[
        "<", ">", "</", "p", "div", "table", "td", "math", "svg", "=", "\"", "'", "&", "#", ";",
        "!--", "-->", " ", "a", "b", "li", "script", "style", "mtext", "mglyph", "tr", "select",
        "template", "\0",
    ];
    garbage(len, seed)
        .iter()
        .map(|b| PIECES[*b as usize % PIECES.len()])
        .collect()
}

/// A small deterministic random number generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// Builds a random tree of HTML, MathML and SVG elements in any arrangement, including the
/// ones no parser produces (a `<div>` in a `<p>`, a `<td>` in a `<ul>`, HTML in `<math>`):
/// the pipeline's edits can create such trees, and the sanitiser must still give one that
/// survives a parse.
pub fn random_tree(rng: &mut Rng, nodes: usize) -> kuchikiki::NodeRef {
    use html5ever::{ns, LocalName, QualName};
    use kuchikiki::{Attribute, ExpandedName, NodeRef};
    const HTML: &[&str] = &[
        "p",
        "div",
        "span",
        "a",
        "b",
        "i",
        "em",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "caption",
        "colgroup",
        "col",
        "pre",
        "code",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "picture",
        "source",
        "br",
        "hr",
        "section",
        "article",
        "font",
        "center",
        "script",
        "style",
        "iframe",
        "form",
        "input",
        "select",
        "option",
        "textarea",
        "template",
        "noscript",
        "title",
        "xmp",
        "plaintext",
        "math",
        "svg",
        "button",
        "object",
        "x-custom",
        "ruby",
        "rt",
        "rp",
        "label",
        "marquee",
        "listing",
        "nobr",
        "q",
        "sub",
        "sup",
    ];
    const MATH: &[&str] = &[
        "math",
        "mi",
        "mo",
        "mn",
        "mtext",
        "mrow",
        "mfrac",
        "msup",
        "mglyph",
        "annotation-xml",
        "maction",
        "semantics",
        "mtable",
        "mtr",
        "mtd",
    ];
    const SVG: &[&str] = &[
        "svg",
        "style",
        "foreignObject",
        "desc",
        "title",
        "use",
        "a",
        "script",
    ];
    const ATTRS: &[&str] = &[
        "href",
        "src",
        "id",
        "class",
        "title",
        "style",
        "onclick",
        "colspan",
        "dir",
        "srcset",
        "name",
        "xlink:href",
        "lang",
        "role",
    ];
    const VALUES: &[&str] = &[
        "#x",
        "x",
        "javascript:alert(1)",
        "https://ok.test/a b",
        "java\tscript:x",
        "lang-rust language-x lectern-post",
        "rtl",
        "2",
        "</p><script>alert(1)</script>",
        "a\0b\r\nc",
        "a.png 1x, javascript:x 2x",
        "lectern-root",
        "data:image/png;base64,AA",
        // The footnote structure (the Markdown writes notes from it).
        "doc-endnotes",
        "doc-noteref",
        "doc-backlink",
        "#article-fn-1",
        "article-fn-1",
        "#fn-1",
        "fn-1",
    ];
    const TEXTS: &[&str] = &[
        "text",
        " ",
        "\n",
        "<img src=x onerror=alert(1)>",
        "a & b",
        "\0",
        "\r\n",
        "--><!--",
        "]]>",
        "\u{a0}",
        "javascript:alert(1)",
        "(javascript:alert(1))",
        ": javascript:alert(1)",
    ];
    let root = NodeRef::new_element(
        QualName::new(None, ns!(html), LocalName::from("div")),
        Vec::new(),
    );
    let mut all = vec![root.clone()];
    for _ in 0..nodes {
        let parent = all[(rng.next_u64() % all.len() as u64) as usize].clone();
        let node = if rng.next_u64() % 4 == 0 {
            NodeRef::new_text(rng.pick(TEXTS))
        } else {
            let (ns, name) = match rng.next_u64() % 10 {
                0 | 1 => (ns!(mathml), rng.pick(MATH)),
                2 => (ns!(svg), rng.pick(SVG)),
                _ => (ns!(html), rng.pick(HTML)),
            };
            let attrs: Vec<(ExpandedName, Attribute)> = (0..rng.next_u64() % 3)
                .map(|_| {
                    let a = rng.pick(ATTRS);
                    (
                        ExpandedName::new(ns!(), LocalName::from(a)),
                        Attribute {
                            prefix: None,
                            value: rng.pick(VALUES).to_string(),
                        },
                    )
                })
                .collect();
            let el = NodeRef::new_element(QualName::new(None, ns, LocalName::from(name)), attrs);
            all.push(el.clone());
            el
        };
        parent.append(node);
    }
    root
}
