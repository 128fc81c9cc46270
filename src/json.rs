//! JSON, read into a plain value tree: the two JSON texts the engine reads are a page's JSON-LD
//! (metadata) and a site rules file, and both only ever ask "the string (or whole number) under
//! this name". The engine once read them with serde_json; its parser and the map types it built
//! weighed ~12 KB of the shipped wasm's gzip (measured 2026-12-05), where the budget is 300 KB
//! and this reader is a few hundred lines. The CLI and the tests still use serde_json to write
//! and check JSON.
//!
//! It reads RFC 8259 JSON as serde_json did (a text that is not JSON is refused, nothing
//! guessed), nesting at most [`JSON_MAX_DEPTH`] deep (serde_json's limit: a hostile page's
//! `[[[[…` ends the read, not the stack), with one leniency of JavaScript's `JSON.parse`: an
//! unpaired UTF-16 surrogate escape (`"\ud800"`) reads as U+FFFD instead of failing the text.

use crate::tunables::JSON_MAX_DEPTH;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// A number as written (`12`, `-3.5e2`): the engine reads whole non-negative ones only.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// The members in the text's order; of a repeated name the last one counts (as in
    /// `JSON.parse`).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value of the JSON text `text`, or `None` if it is not JSON.
    pub(crate) fn parse(text: &str) -> Option<Value> {
        let mut reader = Reader {
            bytes: text.as_bytes(),
            text,
            at: 0,
        };
        let value = reader.value(0)?;
        reader.space();
        (reader.at == reader.bytes.len()).then_some(value)
    }

    /// The member `key` of an object; `None` for a missing member or a value of another kind.
    /// Never inlined: asked at about 25 places in the metadata, each inlined copy of the search
    /// was ~115 B of the wasm.
    #[inline(never)]
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number written as a whole number from 0 to `u64::MAX` (`12`, not `12.0` or `1e3`).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        self.at += if found { word.len() } else { 0 };
        found.then_some(value)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.space();
        match *self.bytes.get(self.at)? {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            open @ (b'[' | b'{') => {
                if depth >= JSON_MAX_DEPTH {
                    return None;
                }
                self.at += 1;
                if open == b'[' {
                    self.array(depth + 1)
                } else {
                    self.object(depth + 1)
                }
            }
            _ => None,
        }
    }

    /// After `[`.
    fn array(&mut self, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.space();
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// After `{`.
    fn object(&mut self, depth: usize) -> Option<Value> {
        let mut members = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Some(Value::Object(members));
        }
        loop {
            self.space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return None;
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return None;
            }
            members.push((key, self.value(depth)?));
            self.space();
            if self.eat(b'}') {
                return Some(Value::Object(members));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        self.eat(b'-');
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at - from
        };
        let whole = self.at;
        let n = digits(self);
        if n == 0 || (n > 1 && self.bytes[whole] == b'0') {
            return None;
        }
        if self.eat(b'.') && digits(self) == 0 {
            return None;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if digits(self) == 0 {
                return None;
            }
        }
        Some(Value::Number(self.text[start..self.at].to_string()))
    }

    /// At `"`: the string's value, escapes read.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // The run up to the next quote, backslash or control character, copied whole (the
            // text is UTF-8 and these are ASCII, so the run ends on a character boundary).
            let run = self.bytes[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = *self.bytes.get(self.at)?;
                    self.at += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                // A raw control character: not allowed in a JSON string.
                _ => return None,
            }
        }
    }

    /// After `\u`: the character, with its low surrogate's `\uXXXX` when it is a high one.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Some(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.bytes[self.at..].starts_with(b"\\u") {
            let back = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return char::from_u32(c);
            }
            self.at = back;
        }
        Some(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_string())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            Value::parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#).unwrap();
        assert_eq!(
            v.get("a").and_then(Value::as_array).map(<[Value]>::len),
            Some(5)
        );
        assert_eq!(v.get("a").unwrap().as_array().unwrap()[0].as_u64(), Some(1));
        assert_eq!(
            v.get("a").unwrap().as_array().unwrap()[1],
            Value::Number("-2.5e3".into())
        );
        assert_eq!(v.get("b").and_then(|b| b.get("c")), Some(&s("d")));
        assert_eq!(v.get("missing"), None);
        assert_eq!(s("x").get("a"), None);
    }

    #[test]
    fn reads_escapes_and_surrogate_pairs() {
        assert_eq!(
            Value::parse(r#""a\"\\\/\b\f\n\r\t\u00e9""#),
            Some(s("a\"\\/\u{8}\u{c}\n\r\té"))
        );
        assert_eq!(Value::parse(r#""\ud83d\ude00 ü""#), Some(s("😀 ü")));
        assert_eq!(Value::parse(r#""\ud800x""#), Some(s("\u{fffd}x")));
        assert_eq!(Value::parse(r#""\ud800\u0041""#), Some(s("\u{fffd}A")));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{'a': 1}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"a\nb\"",
            "{} x",
            "[1 2]",
            "{\"a\":1,}",
            "NaN",
        ] {
            assert_eq!(Value::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_last_of_repeated_names_counts() {
        let v = Value::parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(v.get("a").and_then(Value::as_u64), Some(2));
    }

    #[test]
    fn whole_numbers_only_read_as_u64() {
        for (text, n) in [
            ("12", Some(12)),
            ("12.0", None),
            ("1e3", None),
            ("-1", None),
        ] {
            assert_eq!(Value::parse(text).unwrap().as_u64(), n, "{text}");
        }
    }

    #[test]
    fn every_cut_and_every_dropped_character_of_a_text_reads_or_is_refused_without_panicking() {
        let text = r#"{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
            "headline": "Caf\u00e9 \ud83d\ude00 \"q\"", "wordCount": 1200, "x": [1.5e-3, -0,
            true, false, null, {}], "author": [{"name": "Zoë"}]}]}"#;
        assert!(Value::parse(text).is_some());
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &at in &cuts {
            let _ = Value::parse(&text[..at]);
            let next = text[at..].chars().next().map_or(0, char::len_utf8);
            let _ = Value::parse(&format!("{}{}", &text[..at], &text[at + next..]));
        }
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused_without_overflowing() {
        let ok = "[".repeat(JSON_MAX_DEPTH) + &"]".repeat(JSON_MAX_DEPTH);
        assert!(Value::parse(&ok).is_some());
        let deep = "[".repeat(JSON_MAX_DEPTH + 1) + &"]".repeat(JSON_MAX_DEPTH + 1);
        assert_eq!(Value::parse(&deep), None);
        assert_eq!(Value::parse(&"[{\"a\":".repeat(100_000)), None);
    }
}
