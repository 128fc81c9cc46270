//! Word lists for class and id strings: "does any of these words occur in it", ignoring ASCII
//! case. Readability's class/id patterns are alternations of literal words; a regex engine
//! walks the whole alternation at every position of every element's class string (and at
//! position 0 of the empty string, for the many elements with no class at all), which was a
//! quarter of the engine's time. A substring search does the same job in a fraction: one pass
//! over the string per list, its words grouped by first byte.
//!
//! The words are lowercase ASCII; the haystack is compared after ASCII lowercasing (class
//! names are ASCII in practice; the only case folds this misses are the Kelvin sign and the
//! long s, which no class name uses).

use crate::lowercase::lowercase;
use crate::pattern::Pattern as Regex;
use std::sync::OnceLock;

/// A list of words packed in one string, each ended by a newline: `packed!["ad", "promo"]` is
/// `"ad\npromo\n"`. For the lists read once, to build an index ([`Words`]): a `&[&str]` keeps a
/// pointer and a length per word in the wasm's data, eight bytes that gzip hardly shrinks,
/// where the packed list costs its letters and a newline.
macro_rules! packed {
    ($($word:literal),* $(,)?) => {
        concat!($($word, "\n"),*)
    };
}
pub(crate) use packed;

/// The words of a [`packed!`] list, in order.
pub(crate) fn unpacked(list: &'static str) -> std::str::SplitTerminator<'static, char> {
    list.split_terminator('\n')
}

/// A case-insensitive test for any of `substrings` anywhere in a string, or any of `tokens`
/// as a whole whitespace-separated token.
#[derive(Debug)]
pub(crate) struct Words {
    /// A [`packed!`] list.
    substrings: &'static str,
    tokens: &'static [&'static str],
    /// The substrings grouped by first byte, built on first use (see [`ByFirstByte`]).
    index: OnceLock<ByFirstByte>,
}

/// The words of a list grouped by their first byte: one pass over a haystack, looking up each
/// byte, finds every word that could start there. Testing word by word read the haystack once
/// per word, and a list of twenty words on every block of text was a tenth of the engine's time.
#[derive(Debug)]
struct ByFirstByte {
    /// The words, sorted by first byte.
    words: Vec<&'static [u8]>,
    /// Per byte value, the range of `words` starting with it.
    ranges: [(u16, u16); 256],
    /// A bit per pair of bytes, as the haystack has them (either's ASCII case), that some word
    /// begins with: most places in a text begin no word, and are passed over without comparing
    /// any, or lowercasing a byte. A word of one byte sets every pair that byte begins (and the
    /// pair it makes with the end, 0).
    pairs: Box<[u64; 1024]>,
}

/// The bit of `pairs` for bytes `a`, `b`.
fn pair(a: u8, b: u8) -> (usize, u64) {
    let n = usize::from(a) << 8 | usize::from(b);
    (n / 64, 1 << (n % 64))
}

impl ByFirstByte {
    fn new(substrings: &'static str) -> Self {
        // Grouped by first byte (the empty word first), in one pass per byte value: the lists
        // are short and built once, and a sort would bring a sort's code into the wasm.
        // (Unpacked once: a split per pass was ~8 M instructions per process.)
        let listed: Vec<&'static [u8]> = unpacked(substrings).map(str::as_bytes).collect();
        let mut words: Vec<&'static [u8]> = Vec::with_capacity(listed.len());
        for first in std::iter::once(None).chain((0..=u8::MAX).map(Some)) {
            words.extend(
                listed
                    .iter()
                    .copied()
                    .filter(|w| w.first().copied() == first),
            );
        }
        let mut ranges = [(0u16, 0u16); 256];
        let mut pairs = Box::new([0u64; 1024]);
        for (i, w) in words.iter().enumerate() {
            // An empty word matches everything: it is found at the first byte of any haystack.
            let first = w.first().copied();
            let targets: Vec<u8> = match first {
                Some(b) => vec![b],
                None => (0..=255).collect(),
            };
            for &b in &targets {
                let r = &mut ranges[usize::from(b)];
                if r.0 == r.1 {
                    *r = (i as u16, i as u16 + 1);
                } else {
                    r.1 = i as u16 + 1;
                }
                let seconds: Vec<u8> = match w.get(1) {
                    Some(s) => vec![s.to_ascii_lowercase(), s.to_ascii_uppercase()],
                    None => (0..=255).collect(),
                };
                for s in seconds {
                    for a in [b, b.to_ascii_uppercase()] {
                        let (at, bit) = pair(a, s);
                        pairs[at] |= bit;
                    }
                }
            }
        }
        ByFirstByte {
            words,
            ranges,
            pairs,
        }
    }

    /// Whether one of the words occurs in `hay`, which is lowercase ASCII where it matters.
    fn find_in(&self, hay: &[u8]) -> bool {
        let Some(&last) = hay.last() else {
            return false;
        };
        // The pair of each byte and the next (0 past the end), as the haystack spells them:
        // the pairs of two bytes from a window each, without asking at every byte whether
        // it is the last (that and the pair carried from byte to byte were half the scan).
        let begins = |a: u8, b: u8| {
            let n = usize::from(a) << 8 | usize::from(b);
            self.pairs[n >> 6] >> (n & 63) & 1 != 0
        };
        hay.windows(2)
            .enumerate()
            .any(|(i, w)| begins(w[0], w[1]) && self.starts(&hay[i..]))
            || (begins(last, 0) && self.starts(&hay[hay.len() - 1..]))
    }

    /// Whether one of the words begins `rest` (not empty).
    fn starts(&self, rest: &[u8]) -> bool {
        let (lo, hi) = self.ranges[usize::from(rest[0].to_ascii_lowercase())];
        self.words[usize::from(lo)..usize::from(hi)]
            .iter()
            .any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))
    }
}

impl Words {
    /// Matches when any of `substrings` occurs (lowercase ASCII words, a [`packed!`] list).
    pub(crate) const fn any(substrings: &'static str) -> Self {
        Words {
            substrings,
            tokens: &[],
            index: OnceLock::new(),
        }
    }

    /// Also matches when one of `tokens` is a whole whitespace-separated token
    /// (`hid` in `"hid"` or `"x hid y"`, not in `"hidden-x"`, which a substring may catch).
    pub(crate) const fn with_tokens(self, tokens: &'static [&'static str]) -> Self {
        let substrings = self.substrings;
        // `self` holds only an empty cell: nothing to drop (and a const fn cannot drop it).
        std::mem::forget(self);
        Words {
            substrings,
            tokens,
            index: OnceLock::new(),
        }
    }

    /// True when `s` contains one of the words, ignoring ASCII case.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        if s.is_empty() {
            return false;
        }
        let index = self.index.get_or_init(|| ByFirstByte::new(self.substrings));
        index.find_in(s.as_bytes())
            || (!self.tokens.is_empty()
                && s.split([' ', '\t', '\n', '\r', '\x0c'])
                    .any(|t| self.tokens.iter().any(|w| t.eq_ignore_ascii_case(w))))
    }
}

/// The regex in `cell`, compiled from `pattern` on first use (`crate::pattern`: matches only,
/// no capture groups).
fn compiled<'a>(cell: &'a OnceLock<Regex>, pattern: &str) -> &'a Regex {
    cell.get_or_init(|| {
        // The patterns are constants covered by the tests; a typo fails every test.
        Regex::new(pattern).unwrap_or_else(|e| panic!("bad tunable pattern {pattern}: {e}"))
    })
}

/// A regex behind a [`Words`] guard that every match must pass (its literal words): the word
/// test rules out almost every class string cheaply, and the regex, compiled on first use,
/// decides the rest.
pub(crate) struct Guarded {
    guard: Words,
    pattern: &'static str,
    regex: OnceLock<Regex>,
}

impl Guarded {
    /// The pattern, for the tests that check every tunable pattern (`crate::pattern`).
    #[cfg(test)]
    pub(crate) fn pattern(&self) -> &'static str {
        self.pattern
    }

    /// `guard` must hold a word of every string `pattern` matches.
    pub(crate) const fn new(guard: Words, pattern: &'static str) -> Self {
        Guarded {
            guard,
            pattern,
            regex: OnceLock::new(),
        }
    }

    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.guard.is_match(s) && compiled(&self.regex, self.pattern).is_match(s)
    }
}

/// A regex matched against the text lowercased by Unicode rules: the patterns' `(?i)` folds
/// ASCII letters only, so "Über den Autor" or "Реклама" would slip past a pattern that says
/// `über den autor` or `реклама`. Patterns are written in lowercase.
pub(crate) struct Lowercased {
    pattern: &'static str,
    guard: Option<Words>,
    /// For patterns anchored at the end: see [`Lowercased::ending_in`].
    endings: &'static [&'static str],
    /// For patterns whose every match is made of these words: see [`Lowercased::made_of`].
    words: &'static [&'static str],
    regex: OnceLock<Regex>,
    /// For patterns anchored at the start: see [`leading_texts`] (sorted, none empty).
    leading: OnceLock<Option<Vec<String>>>,
}

/// A text lowercased once (by Unicode rules, as [`Lowercased`] patterns expect) for asking
/// several patterns about it: a block tested against five patterns was lowercased five times.
pub(crate) struct LowerText<'a>(std::borrow::Cow<'a, str>);

impl<'a> LowerText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        if text
            .chars()
            .any(|c| !c.is_ascii() || c.is_ascii_uppercase())
        {
            let mut lower = lowercase(text);
            // Soft hyphens (U+00AD) are hyphenation hints some pages put inside every long
            // word ("Image illus\u{ad}tra\u{ad}tive"): invisible, and no part of the words
            // the patterns name.
            if lower.contains("\u{ad}") {
                lower = lower.replace("\u{ad}", "");
            }
            LowerText(std::borrow::Cow::Owned(lower))
        } else {
            LowerText(std::borrow::Cow::Borrowed(text))
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl Lowercased {
    /// The pattern, for the tests that check every tunable pattern (`crate::pattern`).
    #[cfg(test)]
    pub(crate) fn pattern(&self) -> &'static str {
        self.pattern
    }

    pub(crate) const fn new(pattern: &'static str) -> Self {
        Self::built(pattern, None, &[], &[])
    }

    const fn built(
        pattern: &'static str,
        guard: Option<Words>,
        endings: &'static [&'static str],
        words: &'static [&'static str],
    ) -> Self {
        Lowercased {
            pattern,
            guard,
            endings,
            words,
            regex: OnceLock::new(),
            leading: OnceLock::new(),
        }
    }

    /// Runs the regex only on text holding one of `guard`'s words, which every match must
    /// contain: unanchored patterns are costly on every short block of a page.
    pub(crate) const fn guarded(pattern: &'static str, guard: Words) -> Self {
        Self::built(pattern, Some(guard), &[], &[])
    }

    /// For a pattern every match of which is made of `words` (lowercase) and of what is not a
    /// letter (separators, digits): each run of letters (and apostrophes) in a matching text
    /// is one of them, and a text with another word is not asked of the regex. A line of a
    /// thread's buttons ("Reply · Quote · 3 likes") is tested on every short block, and the
    /// regex, whose beginning may be anything, read each of them to the end.
    pub(crate) const fn made_of(pattern: &'static str, words: &'static [&'static str]) -> Self {
        Self::built(pattern, None, &[], words)
    }

    /// [`Lowercased::guarded`], for a pattern anchored at the end (`…\s*$`) every match of
    /// which ends, before trailing whitespace, in one of `endings`: text ending otherwise is
    /// not asked of the regex. Written next to the pattern, whose last alternatives it lists.
    pub(crate) const fn guarded_ending_in(
        pattern: &'static str,
        guard: Words,
        endings: &'static [&'static str],
    ) -> Self {
        Self::built(pattern, Some(guard), endings, &[])
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.matches(&LowerText::new(text))
    }

    /// [`Lowercased::is_match`] for a text already lowercased.
    pub(crate) fn matches(&self, text: &LowerText) -> bool {
        let text = text.as_str();
        // A pattern anchored at the start can only match text that begins with one of its
        // alternatives' literal beginnings: asking that first spares the regex engine, whose
        // start-up on a large alternation costs ~2.5 µs however short the text.
        if let Some(leading) = self.leading.get_or_init(|| leading_texts(self.pattern)) {
            // The beginnings are sorted: only those sharing the text's first byte are tried
            // (a list of a hundred was compared whole against every short block).
            let start = text.trim_start();
            let Some(&first) = start.as_bytes().first() else {
                return false;
            };
            let from = leading.partition_point(|l| l.as_bytes().first() < Some(&first));
            let to = leading.partition_point(|l| l.as_bytes().first() <= Some(&first));
            if !leading[from..to]
                .iter()
                .any(|l| start.starts_with(l.as_str()))
            {
                return false;
            }
        }
        if !self.words.is_empty() && !made_of_words(text, self.words) {
            return false;
        }
        if !self.endings.is_empty() {
            let end = text.trim_end();
            if !self.endings.iter().any(|e| end.ends_with(e)) {
                return false;
            }
        }
        self.guard.as_ref().is_none_or(|g| g.is_match(text))
            && compiled(&self.regex, self.pattern).is_match(text)
    }
}

/// Whether every run of letters (and apostrophes) in `text` is one of `words` (ASCII case
/// ignored).
fn made_of_words(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|run| !run.is_empty())
        .all(|run| words.iter().any(|w| w.eq_ignore_ascii_case(run)))
}

/// For a pattern `(?i)^\s*(A|B|…)…`: texts one of which every match begins with, after its
/// leading whitespace (lowercased, as the text is). `None` when the pattern has another shape,
/// or an alternative could begin with anything: then the regex decides alone.
///
/// Read from the pattern itself, conservatively: an alternative's beginning is its leading
/// literal characters (escaped punctuation included) up to the first character class, group
/// or quantifier; a quantifier that allows none of the last character drops it; an optional
/// first character or group adds what may come after it; a leading group gives its own
/// alternatives' beginnings; a leading `\d` gives the ten digits.
fn leading_texts(pattern: &str) -> Option<Vec<String>> {
    let p: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    if starts_with(&p, i, "(?i)") {
        i += 4;
    }
    // Alternatives at the top (`^(a)|^(b)`): only the first would be read, and a text that
    // begins as the second would never be asked of the pattern. Such a pattern goes unfiltered.
    if !starts_with(&p, i, "^") || split_alternatives(&p[i..]).len() > 1 {
        return None;
    }
    i += 1;
    if starts_with(&p, i, "\\s*") {
        i += 3;
    }
    if p.get(i) != Some(&'(') {
        return None;
    }
    // The leading group's alternatives, and what may follow the group if it is optional (a
    // date line's "Posted on", weekday and day are each optional before the date itself).
    let out = beginnings(&p[i..])?;
    let out: Vec<String> = out.iter().map(|t| lowercase(t)).collect();
    if out
        .iter()
        .any(|t| t.is_empty() || t.starts_with(char::is_whitespace))
    {
        return None;
    }
    Some(crate::text::sorted_unique(out))
}

/// The literal beginnings of one alternative (see [`leading_texts`]).
fn beginnings(a: &[char]) -> Option<Vec<String>> {
    let mut a = a;
    // Whitespace before the alternative was trimmed: a leading `\s*` matches nothing.
    while starts_with(a, 0, "\\s*") {
        a = &a[3..];
    }
    if starts_with(a, 0, "\\d") {
        return Some(('0'..='9').map(String::from).collect());
    }
    if a.first() == Some(&'(') {
        let close = matching_paren(a, 0)?;
        let inner = &a[1..close];
        if inner.first() == Some(&'?') {
            return None;
        }
        let mut out = Vec::new();
        for alternative in split_alternatives(inner) {
            out.extend(beginnings(alternative)?);
        }
        match a.get(close + 1) {
            Some('?' | '*') => out.extend(beginnings(&a[close + 2..])?),
            Some('{') => return None,
            _ => {}
        }
        return Some(out);
    }
    let mut literal = String::new();
    let mut j = 0;
    loop {
        let (c, len) = match a.get(j) {
            None => break,
            Some('\\') => match a.get(j + 1) {
                Some(&e) if !e.is_alphanumeric() => (e, 2),
                _ => break,
            },
            Some(&c) if "()[]{}|?*+.^$".contains(c) => break,
            Some(&c) => (c, 1),
        };
        match a.get(j + len) {
            Some('?' | '*') if literal.is_empty() => {
                // An optional first character: it, or what may come instead.
                let mut out = vec![c.to_string()];
                out.extend(beginnings(&a[j + len + 1..])?);
                return Some(out);
            }
            Some('{') if literal.is_empty() => return None,
            Some('?' | '*' | '{') => break,
            _ => {}
        }
        literal.push(c);
        j += len;
    }
    if literal.is_empty() {
        None
    } else {
        Some(vec![literal])
    }
}

fn starts_with(p: &[char], at: usize, s: &str) -> bool {
    (at..).zip(s.chars()).all(|(k, c)| p.get(k) == Some(&c))
}

/// Calls `visit(index, character, depth)` for each character of `p` that is neither escaped
/// nor inside a character class, `depth` counting the groups open around it (a `(` counts
/// itself, a `)` does not); stops when `visit` returns false.
fn scan_structure(p: &[char], mut visit: impl FnMut(usize, char, usize) -> bool) {
    let (mut depth, mut in_class, mut k) = (0usize, false, 0);
    while k < p.len() {
        let c = p[k];
        let go_on = match c {
            '\\' => {
                k += 2;
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                true
            }
            ']' if in_class => {
                in_class = false;
                true
            }
            _ if in_class => true,
            '(' => {
                depth += 1;
                visit(k, c, depth)
            }
            ')' => {
                depth = depth.saturating_sub(1);
                visit(k, c, depth)
            }
            _ => visit(k, c, depth),
        };
        if !go_on {
            return;
        }
        k += 1;
    }
}

/// The index of the `)` closing the group opened at `open`.
fn matching_paren(p: &[char], open: usize) -> Option<usize> {
    let mut close = None;
    scan_structure(&p[open..], |k, c, depth| {
        if c == ')' && depth == 0 {
            close = Some(open + k);
            return false;
        }
        true
    });
    close
}

/// `p` split at its top-level `|`s.
fn split_alternatives(p: &[char]) -> Vec<&[char]> {
    let mut bars = Vec::new();
    scan_structure(p, |k, c, depth| {
        if c == '|' && depth == 0 {
            bars.push(k);
        }
        true
    });
    let mut parts = Vec::new();
    let mut start = 0;
    for bar in bars {
        parts.push(&p[start..bar]);
        start = bar + 1;
    }
    parts.push(&p[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::{leading_texts, Lowercased};
    use crate::tunables::{BOILERPLATE_LINE, TRAILING_SECTION_HEADING};

    #[test]
    fn anchored_alternations_are_read_for_their_beginnings() {
        let texts = leading_texts(r"(?i)^\s*(read (more|also)\b|tags?\s*:|(den |diesen )?(artikel|beitrag) teilen|\(?\s*©|-?\s*anzeige|\d+ comments?|über x)\s*$").unwrap();
        for t in [
            "read ", "tag", "den ", "diesen ", "artikel", "beitrag", "(", "©", "-", "anzeige", "0",
            "9", "über x",
        ] {
            assert!(texts.contains(&t.to_string()), "{t} in {texts:?}");
        }
        assert_eq!(texts.len(), 21);
    }

    #[test]
    fn patterns_of_other_shapes_get_no_beginnings() {
        assert_eq!(leading_texts(r"(?i)(^|\s)share"), None);
        assert_eq!(leading_texts(r"^\s*(a|\w+ b)"), None);
        assert_eq!(leading_texts(r"^\s*(a|.b)"), None);
        assert_eq!(leading_texts(r"^\s*(a|b){2}c"), None);
        assert_eq!(leading_texts(r"^\s*(a|b)?.c"), None);
    }

    #[test]
    fn an_optional_leading_group_adds_what_may_follow_it() {
        assert_eq!(
            leading_texts(r"^\s*(a|b)?(c |d\. )?,?\s*(\d|x)").unwrap(),
            [",", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c ", "d. ", "x"]
        );
        let date = leading_texts(concat_pattern(&crate::tunables::DATE_LINE)).unwrap();
        for t in ["posted", "am ", "mon", "montag", ",", "7", "march", "mai"] {
            assert!(date.contains(&t.to_string()), "{t} in {date:?}");
        }
        // A reference list's "Retrieved 3 March 2010" tail is not asked of the pattern.
        assert!(!crate::tunables::DATE_LINE.is_match(". Retrieved 22 January 2011"));
        assert!(crate::tunables::DATE_LINE.is_match("Posted on Monday, 22 January 2011"));
    }

    #[test]
    fn a_pattern_with_alternatives_at_its_top_is_not_prefiltered() {
        // Read for the first group's beginnings only, "tags" would never reach the pattern.
        assert_eq!(leading_texts(r"(?i)^(read more)\s*$|^(tags)\s*:"), None);
        let line = Lowercased::new(r"(?i)^(read more)\s*$|^(tags)\s*:");
        assert!(line.is_match("Tags: a, b"));
        assert!(line.is_match("Read more"));
    }

    #[test]
    fn the_boilerplate_patterns_are_prefiltered_and_still_match() {
        assert!(leading_texts(concat_pattern(&BOILERPLATE_LINE)).is_some());
        assert!(leading_texts(concat_pattern(&TRAILING_SECTION_HEADING)).is_some());
        for line in [
            "Read more: the rest",
            "  Tags: a, b",
            "© 2024 Example",
            "- Anzeige -",
            "Lesen Sie auch",
            "Das könnte Sie auch interessieren",
            "Verfasst von:",
            "Subscribe to our newsletter",
            "Continue reading",
            "Photo: Jane Doe",
        ] {
            assert!(BOILERPLATE_LINE.is_match(line), "{line}");
        }
        for heading in [
            "Related articles",
            "Recent posts",
            "Kommentare (3)",
            "More from the section",
        ] {
            assert!(TRAILING_SECTION_HEADING.is_match(heading), "{heading}");
        }
        assert!(
            !BOILERPLATE_LINE.is_match("The council met on Tuesday to read more of the report.")
        );
    }

    fn concat_pattern(l: &Lowercased) -> &'static str {
        l.pattern
    }

    #[test]
    fn the_word_index_finds_what_a_plain_search_finds() {
        let words = packed!["ad", "a", "-ad-", "ban", "banner", "xz", "é"];
        let index = super::ByFirstByte::new(words);
        let pieces = [
            "a", "A", "d", "-", "b", "N", "ner", "x", "z", "é", " ", "\0",
        ];
        let mut texts = crate::testing::Texts::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let count = texts.below(7);
            let text = texts.text(&pieces, count);
            let lower = text.to_ascii_lowercase();
            let expected = super::unpacked(words).any(|w| lower.contains(w));
            assert_eq!(index.find_in(text.as_bytes()), expected, "{text:?}");
        }
        // Without the one-byte word, a lone final "a" is not a word.
        let index = super::ByFirstByte::new(packed!["ad", "ab"]);
        assert!(!index.find_in(b"xa"));
        assert!(index.find_in(b"xAD"));
    }

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
    fn finds_a_word_anywhere_and_only_whole() {
        let words = Words::any(packed!["body", "ab", "bo"]);
        assert!(words.is_match("article-body"));
        assert!(words.is_match("body"));
        assert!(words.is_match("aab"));
        assert!(words.is_match("über-BOX"));
        assert!(!words.is_match("b-o-d-y"));
        assert!(!words.is_match("a"));
        assert!(Words::any(packed![""]).is_match("x"));
    }

    #[test]
    fn words_sharing_a_first_letter_are_all_tried() {
        let words = Words::any(packed!["sidebar", "share", "sponsor"]);
        assert!(words.is_match("x-sponsored"));
        assert!(words.is_match("shared"));
        assert!(!words.is_match("spons shar sideba"));
    }

    #[test]
    fn guarded_pattern_needs_both_the_word_and_the_regex() {
        let share = Guarded::new(
            Words::any(packed!["share"]),
            r"(?i)(^|[^a-z])share([^a-z]|$)",
        );
        assert!(share.is_match("post-Share-bar"));
        assert!(!share.is_match("shareholders"));
        assert!(!share.is_match("content"));
    }

    static SIDEBAR: Words = Words::any(packed!["sidebar", "-ad-"]).with_tokens(&["hid"]);

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

#[cfg(test)]
mod lowercased_tests {
    use super::{LowerText, Lowercased, Words};
    use crate::tunables::{BOILERPLATE_PHRASE, DATE_LINE};

    #[test]
    fn a_text_is_lowercased_by_unicode_rules_once_for_several_patterns() {
        let lower = LowerText::new("ÜBER Den Autor");
        assert_eq!(lower.as_str(), "über den autor");
        let about = Lowercased::new(r"^über den autor$");
        let guarded = Lowercased::guarded(r"den autor$", Words::any(packed!["autor"]));
        assert!(about.matches(&lower) && guarded.matches(&lower));
    }

    #[test]
    fn an_ending_filter_keeps_out_only_text_that_cannot_match() {
        let year = Lowercased::guarded_ending_in(
            r"^\s*in \d{4}\s*$",
            Words::any(packed!["in"]),
            &["0", "5"],
        );
        assert!(year.is_match("In 2020 "));
        assert!(year.is_match("in 1995"));
        assert!(
            !year.is_match("in 1997"),
            "the regex would match, but 7 is not a listed ending"
        );
        assert!(!year.is_match("in 2020."));
    }

    #[test]
    fn date_lines_of_every_shape_still_match() {
        for date in [
            "7. Oktober 2020",
            "Dezember 2008",
            "am 3. Februar 2022 um 21:17",
            "2021-03-04",
            "March 7, 2020",
            "March 7th, 2020 at 9.30 pm",
            "Posted on Monday, 12 March 2018 - 10:15 Uhr",
            "12/03/2018 14h05",
            "7.10.2020",
            "  Sept 2019  ",
        ] {
            assert!(DATE_LINE.is_match(date), "{date}");
        }
        for not_a_date in [
            "Retrieved 3 March 2010.",
            "(2008)",
            "4,699,755",
            "March madness 2020 recap",
            "S. 4 – 8",
        ] {
            assert!(!DATE_LINE.is_match(not_a_date), "{not_a_date}");
        }
    }

    #[test]
    fn rating_prompts_and_comment_counts_ending_a_line_match_but_a_number_in_a_sentence_does_not() {
        assert!(BOILERPLATE_PHRASE.is_match("Lokales | 3 Kommentare"));
        assert!(BOILERPLATE_PHRASE.is_match("News | 0 Comments"));
        assert!(BOILERPLATE_PHRASE.is_match("Hier können Sie den Artikel bewerten"));
        assert!(BOILERPLATE_PHRASE.is_match("Die Broschüre als PDF herunterladen"));
        assert!(!BOILERPLATE_PHRASE.is_match("26 September 1907, 12 MB"));
        assert!(!BOILERPLATE_PHRASE.is_match("The 3 comments were read aloud."));
    }
}
