//! Text measures shared by the stages: how alike two strings read, which characters belong to
//! scripts written without spaces; and the stages' set of strings ([`StringSet`]).

use crate::lowercase::lowercase;
use std::collections::HashMap;

/// A set of strings, kept as a map of each to 0: `HashSet<String>` is a hash table type of its
/// own in the wasm, and the stages' maps of strings to numbers (`HashMap<String, usize>`) bring
/// this one anyway, so one copy of the table's code serves both.
#[derive(Debug, Clone, Default)]
pub(crate) struct StringSet(HashMap<String, usize>);

impl StringSet {
    /// Adds `s`; true when it was not in the set.
    pub(crate) fn insert(&mut self, s: String) -> bool {
        self.0.insert(s, 0).is_none()
    }

    pub(crate) fn contains(&self, s: &str) -> bool {
        self.0.contains_key(s)
    }
}

impl FromIterator<String> for StringSet {
    fn from_iter<I: IntoIterator<Item = String>>(strings: I) -> Self {
        StringSet(strings.into_iter().map(|s| (s, 0)).collect())
    }
}

impl Extend<String> for StringSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, strings: I) {
        self.0.extend(strings.into_iter().map(|s| (s, 0)));
    }
}

/// Readability's similarity: the share of `b`'s words (by length) that also occur in `a`
/// (words as in its `\W+` split: letters, digits and `_`).
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    WordSet::new(a).similarity(b)
}

/// A text's words as [`similarity`] reads them, sorted and unique: built once for a text that
/// many others are measured against (the page's title against each headline). Each word of
/// the other text is looked up, not compared with every word of this one: a title and a
/// heading of 100,000 words each took minutes, and a long title split again for each of
/// thousands of headings seconds.
pub(crate) struct WordSet(Vec<String>);

impl WordSet {
    pub(crate) fn new(a: &str) -> WordSet {
        WordSet(sorted_unique(words(a)))
    }

    /// No word at all (empty, or only spaces and punctuation): nothing is alike it.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// [`similarity`] of this set's text and `b`.
    pub(crate) fn similarity(&self, b: &str) -> f64 {
        let tb = words(b);
        if self.0.is_empty() || tb.is_empty() {
            return 0.0;
        }
        let has = |t: &str| self.0.binary_search_by(|w| w.as_str().cmp(t)).is_ok();
        let uniq: Vec<&String> = tb.iter().filter(|t| !has(t)).collect();
        let uniq_len =
            uniq.iter().map(|t| t.chars().count()).sum::<usize>() + uniq.len().saturating_sub(1);
        let total = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len() - 1;
        1.0 - uniq_len as f64 / total as f64
    }
}

/// The words of `s`, lower-cased, in order (repeats kept).
fn words(s: &str) -> Vec<String> {
    let mut s = lowercase(s);
    // (A soft hyphen, U+00AD, is an invisible hint inside a word, not a break between words.)
    if s.contains("\u{ad}") {
        s = s.replace("\u{ad}", "");
    }
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// `v` sorted and without repeats. A heap sort of our own: the standard library's sorts are
/// fast but each instance weighs 3–5 KB of wasm, and the engine sorts only a handful of short
/// lists of strings (class tokens, a pattern's leading words); this one is O(n log n) whatever
/// the input (a hostile class attribute of 100,000 tokens included) for ~300 bytes.
pub(crate) fn sorted_unique(mut v: Vec<String>) -> Vec<String> {
    fn sift_down(v: &mut [String], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(&mut v, start, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(&mut v, 0, end);
    }
    v.dedup();
    v
}

/// True for characters of scripts written without spaces between words (Han, kana, Hangul).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::{similarity, sorted_unique};

    #[test]
    fn the_same_words_are_wholly_alike() {
        assert_eq!(similarity("Hello World", "hello, world!"), 1.0);
    }

    #[test]
    fn a_soft_hyphen_inside_a_word_leaves_it_one_word() {
        let hinted = "Werk\u{ad}zeug\u{ad}typen der Stein\u{ad}zeit";
        assert_eq!(similarity("Werkzeugtypen der Steinzeit", hinted), 1.0);
    }

    #[test]
    fn no_shared_word_is_not_alike_at_all() {
        assert_eq!(similarity("Hello World", "Goodbye moon"), 0.0);
        assert_eq!(similarity("", "Goodbye moon"), 0.0);
    }

    #[test]
    fn words_of_the_second_missing_from_the_first_count_by_their_length() {
        // "site" (4 letters) of "hello world site" (14 letters and 2 gaps) is not in the first.
        assert_eq!(similarity("Hello World", "Hello World | Site"), 0.75);
    }

    #[test]
    fn sorted_unique_sorts_and_drops_repeats() {
        let v = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(sorted_unique(v("b a c a b")), v("a b c"));
        assert_eq!(sorted_unique(Vec::new()), Vec::<String>::new());
        let many: Vec<String> = (0..1000).rev().map(|n| format!("{n:04}")).collect();
        let sorted = sorted_unique(many.iter().chain(&many).cloned().collect());
        assert_eq!(sorted, many.into_iter().rev().collect::<Vec<_>>());
    }
}
