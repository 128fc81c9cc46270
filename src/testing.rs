//! Helpers for the unit tests (built only for them).

use kuchikiki::NodeRef;

/// The first `tag` element of `html` parsed as a page.
pub(crate) fn first(html: &str, tag: &str) -> NodeRef {
    use crate::dom::Walk;
    let doc = crate::parse::parse(html, &crate::Options::default()).unwrap();
    doc.walk_descendants()
        .find(|n| crate::dom::is(n, &[tag]))
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
