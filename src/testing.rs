//! Helpers for the unit tests (built only for them).

use kuchikiki::NodeRef;

/// The first `tag` element of `html` parsed as a page.
pub(crate) fn first(html: &str, tag: &str) -> NodeRef {
    use crate::dom::Walk;
    let doc = crate::parse::parse(html, &crate::Options::default()).unwrap();
    doc.walk_descendants()
        .find_node(&mut |n| crate::dom::is(n, &[tag]))
        .unwrap()
}

/// Deterministic pseudo-random test texts (xorshift): the same texts on every run.
pub(crate) struct Texts(u64);

impl Texts {
    pub(crate) fn new(seed: u64) -> Texts {
        Texts(seed)
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// `count` of `pieces`, each picked at random, one after another.
    pub(crate) fn text(&mut self, pieces: &[&str], count: usize) -> String {
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }
}

/// The paragraph of prose the cleaning tests surround their blocks with: long enough, with
/// commas, and no links, so no rule takes it for boilerplate.
pub(crate) const PROSE: &str = "<p>The committee met on Tuesday to weigh the proposal, which \
    had been debated for months, and agreed after a long discussion that the plan, with some \
    changes to its budget, should go ahead in the spring.</p>";

/// Cleans `<div id="article">BODY</div>` as an attempt with `flags` does; gives the article's
/// HTML and the rules that removed blocks, in order.
pub(crate) fn clean_with(body: &str, flags: crate::retry::Flags) -> (String, Vec<crate::Rule>) {
    let html = format!("<html><body><div id=\"article\">{body}</div></body></html>");
    let content = first(&html, "div");
    let mut explain = crate::explain::Explain::new(true);
    crate::clean::clean(&content, 500, flags, &Default::default(), &mut explain);
    let rules = explain.into_removals().iter().map(|r| r.rule).collect();
    (crate::output::html::to_html(&content), rules)
}

/// [`clean_with`] the first attempt's flags (every rule on).
pub(crate) fn clean(body: &str) -> (String, Vec<crate::Rule>) {
    clean_with(body, crate::retry::Flags::ATTEMPTS[0])
}
