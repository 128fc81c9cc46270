//! Word lists for class and id strings: "does any of these words occur in it", ignoring ASCII
//! case. Readability's class/id patterns are alternations of literal words; a regex engine
//! walks the whole alternation at every position of every element's class string (and at
//! position 0 of the empty string, for the many elements with no class at all), which was a
//! quarter of the engine's time. A substring test per word does the same job in a fraction.
//!
//! The words are lowercase ASCII; the haystack is compared after ASCII lowercasing (class
//! names are ASCII in practice; the only case folds this misses are the Kelvin sign and the
//! long s, which no class name uses).

use regex_lite::Regex;
use std::sync::OnceLock;

/// A case-insensitive test for any of `substrings` anywhere in a string, or any of `tokens`
/// as a whole whitespace-separated token.
#[derive(Debug)]
pub struct Words {
    substrings: &'static [&'static str],
    tokens: &'static [&'static str],
}

impl Words {
    /// Matches when any of `substrings` occurs (lowercase ASCII words).
    pub const fn any(substrings: &'static [&'static str]) -> Self {
        Words {
            substrings,
            tokens: &[],
        }
    }

    /// Also matches when one of `tokens` is a whole whitespace-separated token
    /// (`hid` in `"hid"` or `"x hid y"`, not in `"hidden-x"`, which a substring may catch).
    pub const fn with_tokens(self, tokens: &'static [&'static str]) -> Self {
        Words { tokens, ..self }
    }

    /// True when `s` contains one of the words, ignoring ASCII case.
    pub fn is_match(&self, s: &str) -> bool {
        if s.is_empty() {
            return false;
        }
        let lower;
        let s = if s.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = s.to_ascii_lowercase();
            lower.as_str()
        } else {
            s
        };
        self.substrings.iter().any(|w| contains(s, w))
            || (!self.tokens.is_empty()
                && s.split([' ', '\t', '\n', '\r', '\x0c'])
                    .any(|t| self.tokens.contains(&t)))
    }
}

/// `haystack.contains(needle)` for the short strings of class names and word lists: a scan for
/// the needle's first byte, then a comparison, costs less than setting up `str::contains`'s
/// general search for every (class string, word) pair.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let last_start = hay.len() - needle.len();
    hay[..=last_start]
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && hay[i + 1..i + needle.len()] == *rest)
}

/// The regex in `cell`, compiled from `pattern` on first use.
fn compiled<'a>(cell: &'a OnceLock<Regex>, pattern: &str) -> &'a Regex {
    cell.get_or_init(|| {
        // The patterns are constants covered by the tests; a typo fails every test.
        Regex::new(pattern).unwrap_or_else(|e| panic!("bad tunable pattern {pattern}: {e}"))
    })
}

/// A regex behind a [`Words`] guard that every match must pass (its literal words): the word
/// test rules out almost every class string cheaply, and the regex, compiled on first use,
/// decides the rest.
pub struct Guarded {
    guard: Words,
    pattern: &'static str,
    regex: OnceLock<Regex>,
}

impl Guarded {
    /// `guard` must hold a word of every string `pattern` matches.
    pub const fn new(guard: Words, pattern: &'static str) -> Self {
        Guarded {
            guard,
            pattern,
            regex: OnceLock::new(),
        }
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.guard.is_match(s) && compiled(&self.regex, self.pattern).is_match(s)
    }
}

/// A regex matched against the text lowercased by Unicode rules: regex-lite's `(?i)` folds
/// ASCII letters only, so "Über den Autor" or "Реклама" would slip past a pattern that says
/// `über den autor` or `реклама`. Patterns are written in lowercase.
pub struct Lowercased {
    pattern: &'static str,
    guard: Option<Words>,
    regex: OnceLock<Regex>,
}

impl Lowercased {
    pub const fn new(pattern: &'static str) -> Self {
        Lowercased {
            pattern,
            guard: None,
            regex: OnceLock::new(),
        }
    }

    /// Runs the regex only on text holding one of `guard`'s words, which every match must
    /// contain: unanchored patterns are costly on every short block of a page.
    pub const fn guarded(pattern: &'static str, guard: Words) -> Self {
        Lowercased {
            pattern,
            guard: Some(guard),
            regex: OnceLock::new(),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        let regex = compiled(&self.regex, self.pattern);
        let lower;
        let text = if text
            .chars()
            .any(|c| !c.is_ascii() || c.is_ascii_uppercase())
        {
            lower = text.to_lowercase();
            lower.as_str()
        } else {
            text
        };
        self.guard.as_ref().is_none_or(|g| g.is_match(text)) && regex.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::Lowercased;

    #[test]
    fn lowercased_patterns_match_non_ascii_capitals() {
        let about = Lowercased::new(r"^(über den autor|реклама)$");
        assert!(about.is_match("Über den Autor"));
        assert!(about.is_match("РЕКЛАМА"));
        assert!(!about.is_match("Über die Autorin und mehr"));
    }
}

#[cfg(test)]
mod word_tests {
    use super::{Guarded, Words};

    #[test]
    fn contains_finds_a_needle_anywhere_and_only_whole() {
        use super::contains;
        assert!(contains("article-body", "body"));
        assert!(contains("body", "body"));
        assert!(contains("x", ""));
        assert!(!contains("bod", "body"));
        assert!(!contains("b-o-d-y", "body"));
        assert!(contains("über-sidebar", "sidebar"));
        assert!(contains("aab", "ab"));
    }

    #[test]
    fn guarded_pattern_needs_both_the_word_and_the_regex() {
        let share = Guarded::new(Words::any(&["share"]), r"(?i)(^|[^a-z])share([^a-z]|$)");
        assert!(share.is_match("post-Share-bar"));
        assert!(!share.is_match("shareholders"));
        assert!(!share.is_match("content"));
    }

    const SIDEBAR: Words = Words::any(&["sidebar", "-ad-"]).with_tokens(&["hid"]);

    #[test]
    fn matches_a_word_inside_a_class_name() {
        assert!(SIDEBAR.is_match("left-sidebar-wrap"));
        assert!(SIDEBAR.is_match("top-ad-slot"));
    }

    #[test]
    fn ignores_ascii_case() {
        assert!(SIDEBAR.is_match("LeftSideBar"));
    }

    #[test]
    fn empty_and_unrelated_strings_do_not_match() {
        assert!(!SIDEBAR.is_match(""));
        assert!(!SIDEBAR.is_match("article-body main"));
    }

    #[test]
    fn tokens_match_only_whole() {
        assert!(SIDEBAR.is_match("hid"));
        assert!(SIDEBAR.is_match("x hid y"));
        assert!(!SIDEBAR.is_match("hidx"));
        assert!(!SIDEBAR.is_match("chid"));
    }
}
