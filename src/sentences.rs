//! Sentences, for reading an article aloud (issue 22): each block's text cut at Unicode's
//! sentence boundaries (UAX #29, through `unicode-segmentation`), then joined again where UAX
//! #29 ends a sentence that a reader would not: after a common abbreviation ("Mr.", "e.g.",
//! "U.S.", "z. B.", "p. ex."), after an initial ("J. R. R. Tolkien"), and after the ordinal dot
//! of a German date ("4. Dezember"). Decimal numbers and dates written with dots never break
//! in UAX #29 (no space after the dot); Chinese and Japanese full stops, question and
//! exclamation marks end sentences there too.
//!
//! Computed when reading starts, not when the article opens: nothing in extraction needs it.
//! Offsets are UTF-16 code units (JavaScript's string indices, what a DOM `Range` takes), so the
//! reader can highlight a sentence in its own copy of the block's text.

use crate::tunables::{ABBREVIATIONS, ORDINAL_DATE_WORDS};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// One sentence: its text (trimmed), the block it is in, and where it stands in that block's
/// text, as UTF-16 code unit offsets, `start` inclusive and `end` exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence's text, without the spaces around it.
    pub text: String,
    /// The index of its block (in the list given to [`sentences`]).
    pub block: usize,
    /// The first UTF-16 code unit of the sentence in its block's text.
    pub start: usize,
    /// One past its last UTF-16 code unit.
    pub end: usize,
}

/// The sentences of `blocks` (each a paragraph, heading or list item's text), in reading order.
/// `lang` (a BCP 47 tag such as `de-AT`, or empty) picks the abbreviations that do not end a
/// sentence; those of English are always known, since quotations and names travel.
pub fn sentences<S: AsRef<str>>(blocks: &[S], lang: &str) -> Vec<Sentence> {
    let language = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut out = Vec::new();
    for (block, text) in blocks.iter().enumerate() {
        split_block(text.as_ref(), block, &language, &mut out);
    }
    out
}

fn split_block(text: &str, block: usize, language: &str, out: &mut Vec<Sentence>) {
    // Byte ranges of the sentences, joined where the break is a false one.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (at, piece) in text.split_sentence_bound_indices() {
        let end = at + piece.len();
        match pieces.last_mut() {
            Some(last) if !ends_sentence(&text[last.0..last.1], &text[at..], language) => {
                last.1 = end
            }
            _ => pieces.push((at, end)),
        }
    }
    let mut utf16 = Utf16Cursor::new(text);
    for (from, to) in pieces {
        let piece = &text[from..to];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let start = from + lead;
        let end = start + trimmed.len();
        out.push(Sentence {
            text: trimmed.to_owned(),
            block,
            start: utf16.at(start),
            end: utf16.at(end),
        });
    }
}

/// Whether `before` (a UAX #29 sentence, spaces included) really ends where `after` begins.
fn ends_sentence(before: &str, after: &str, language: &str) -> bool {
    let before = before.trim_end();
    let Some(stem) = before.strip_suffix('.') else {
        return true;
    };
    // The last word before the dot (letters and inner dots: "U.S", "e.g", "z", "Dr").
    let word_start = stem
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &stem[word_start..];
    if word.is_empty() {
        return true;
    }
    let next = after.trim_start();
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // An initial: one capital letter ("J. R. R. Tolkien", "George W. Bush").
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() && next.starts_with(char::is_uppercase) {
            return false;
        }
    }
    // A German ordinal date: "am 4. Dezember", "vom 1. bis 3. Mai".
    if language == "de"
        && word.chars().all(|c| c.is_ascii_digit())
        && word.len() <= 2
        && ORDINAL_DATE_WORDS.contains(&next_word.as_str())
    {
        return false;
    }
    let lower = word.to_lowercase();
    let known = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(&lower));
    !ABBREVIATIONS
        .iter()
        .filter(|(lang, _)| *lang == "en" || *lang == language)
        .any(|(_, list)| known(list))
}

/// Turns byte offsets (visited in increasing order) into UTF-16 code unit offsets.
struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Cursor {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += self.text[self.byte..byte]
            .chars()
            .map(char::len_utf16)
            .sum::<usize>();
        self.byte = byte;
        self.unit
    }
}
