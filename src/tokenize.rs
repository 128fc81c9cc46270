//! Part of parsing: the HTML standard's tokenizer, reading the page string directly and handing
//! its tokens to html5ever's tree builder (which builds the kuchikiki tree).
//!
//! html5ever's own tokenizer reads a queue of buffers one character at a time and copies every
//! character into growing strings: on a large news page it was over half of the parse, and the
//! parse most of the engine's time in the browser. This one works on the whole string at once:
//! text runs, names and attribute values are found by scanning bytes (every character the
//! tokenizer's rules look at is ASCII, so UTF-8 boundaries are never split) and handed on as
//! slices; only character references, NULs and upper-case names are rewritten.
//!
//! It follows the standard's states (data, RCDATA, RAWTEXT, script data with its escaped and
//! double-escaped states, PLAINTEXT, tags, attributes, comments, bogus comments, DOCTYPE,
//! CDATA in foreign content, character references with the attribute rules) and the tree
//! builder tells it when to switch text states, as html5ever's does. Parse errors are not
//! reported: nothing reads them. What it leaves out on purpose, because the engine drops these
//! parts of a page anyway (a page is two-fifths code, and icons are many small shapes):
//! - the text of `<script>` and `<style>` elements, except JSON-LD scripts (metadata reads them;
//!   other JSON, such as a framework's page state, is read by nothing) and MathJax 2's
//!   `math/tex` scripts (preparing turns them into MathML):
//!   the elements stay, empty;
//! - the inside of inline `<svg>` where the standard's parser would agree on where it ends
//!   ([`crate::raw::svg_content_end`]): the sanitiser drops `<svg>`, and the rules that look
//!   at one only ask whether a block holds it;
//! - whitespace alone between two tags of blocks ([`crate::dom::is_text_block`]: `</p>\n  <p>`)
//!   outside `<pre>`: it separates nothing a reader shows, yet it was three text nodes in ten
//!   (a sixth of all nodes over the readability corpus), each built, walked by every stage and
//!   freed; without them the engine runs a tenth fewer instructions. Whitespace next to inline
//!   content (`</a> <a>`) is text and stays.
//!
//! A test checks it against html5ever's tokenizer on generated markup (tree for tree).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, Attribute, LocalName, QualName};
use kuchikiki::NodeRef;

use crate::depth::Nesting;
use crate::tunables::MAX_ATTRIBUTES_PER_TAG;

/// Parses a whole document into a kuchikiki tree; `None` when `max_nesting` is given and the
/// tags nest deeper (as [`crate::depth`] counts them): the caller flattens and parses again.
pub(crate) fn parse_document(
    html: &str,
    opts: TreeBuilderOpts,
    max_nesting: Option<usize>,
) -> Option<NodeRef> {
    parse(html, opts, true, max_nesting)
}

/// Parses a document; `leave_out`: whether the parts listed in the module doc are left out
/// (the tests compare trees with html5ever's without them).
fn parse(
    html: &str,
    opts: TreeBuilderOpts,
    leave_out: bool,
    max_nesting: Option<usize>,
) -> Option<NodeRef> {
    // A byte order mark is not content (html5ever's tokenizer drops it too).
    let html = html.strip_prefix('\u{FEFF}').unwrap_or(html);
    let normalised = normalise_newlines(html);
    let builder = TreeBuilder::new(kuchikiki::Sink::default(), opts);
    let mut tokenizer = Tokenizer::new(&normalised, &builder);
    tokenizer.leave_out = leave_out;
    tokenizer.max_nesting = max_nesting;
    if tokenizer.run() {
        Some(builder.sink.document_node)
    } else {
        None
    }
}

/// The standard's input preprocessing: CR LF and lone CR become LF.
fn normalise_newlines(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.as_bytes().contains(&b'\r') {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The text states the tree builder can put the tokenizer in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextState {
    Data,
    RcData,
    RawText,
    ScriptData,
    PlainText,
}

struct Tokenizer<'a, S: TokenSink> {
    html: &'a str,
    bytes: &'a [u8],
    pos: usize,
    sink: &'a S,
    state: TextState,
    /// The name of the last start tag: the end tag that closes RCDATA, RAWTEXT and script data.
    last_start_tag: LocalName,
    /// Whether the text of the element just opened is kept (see the module doc).
    keep_raw_text: bool,
    /// Text waiting to be emitted as one token.
    text: StrTendril,
    /// Whether the inside of inline SVG and whitespace between blocks are left out (see the
    /// module doc).
    leave_out: bool,
    /// Stop when the tags nest deeper than this (see [`parse_document`]).
    max_nesting: Option<usize>,
    nesting: Nesting,
    /// Whether the last token emitted was a start or end tag of a block
    /// ([`crate::dom::is_text_block`]).
    after_block: bool,
    /// How many `<pre>` and `<listing>` elements are open, by their tags: whitespace inside
    /// them is text.
    pre_depth: u32,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

impl<'a, S: TokenSink> Tokenizer<'a, S> {
    fn new(html: &'a str, sink: &'a S) -> Self {
        Tokenizer {
            html,
            bytes: html.as_bytes(),
            pos: 0,
            sink,
            state: TextState::Data,
            last_start_tag: LocalName::from(""),
            keep_raw_text: true,
            text: StrTendril::new(),
            leave_out: true,
            max_nesting: None,
            nesting: Nesting::default(),
            after_block: false,
            pre_depth: 0,
        }
    }

    /// Tokenizes the whole input; false when it stopped at `max_nesting`.
    fn run(mut self) -> bool {
        loop {
            let more = match self.state {
                TextState::Data => self.data(),
                TextState::RcData => self.rcdata(true),
                TextState::RawText => self.rcdata(false),
                TextState::ScriptData => self.script_data(),
                TextState::PlainText => {
                    let rest = &self.html[self.pos..];
                    self.push_text_replacing_nul(rest);
                    self.pos = self.bytes.len();
                    false
                }
            };
            if !more {
                break;
            }
        }
        self.flush_text();
        let _ = self.sink.process_token(Token::EOFToken, 0);
        self.sink.end();
        self.max_nesting
            .is_none_or(|max| self.nesting.deepest <= max)
    }

    // --- emitting -------------------------------------------------------------------------

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.emit(Token::CharacterTokens(text));
        }
    }

    fn emit(&mut self, token: Token) {
        self.after_block = false;
        match self.sink.process_token(token, 0) {
            TokenSinkResult::Continue | TokenSinkResult::Script(_) => {}
            TokenSinkResult::Plaintext => self.state = TextState::PlainText,
            TokenSinkResult::RawData(kind) => {
                self.state = match kind {
                    RawKind::Rcdata => TextState::RcData,
                    RawKind::Rawtext => TextState::RawText,
                    RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => TextState::ScriptData,
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        self.text.push_slice(text);
    }

    fn push_text_replacing_nul(&mut self, text: &str) {
        push_replacing_nul(&mut self.text, text);
    }

    // --- text states ----------------------------------------------------------------------

    /// Takes the text from the current position up to the next byte `find` finds (memchr's
    /// searches, a word or a vector at a time: text between tags, and above all the scripts
    /// and styles skipped whole, are most of a page's bytes), and returns
    /// that byte's position; at the end of the input, takes the rest and returns `None`.
    fn text_until(&mut self, find: impl Fn(&[u8]) -> Option<usize>) -> Option<usize> {
        let (html, start) = (self.html, self.pos);
        match find(&self.bytes[start..]) {
            Some(i) => {
                self.push_text(&html[start..start + i]);
                Some(start + i)
            }
            None => {
                self.push_text(&html[start..]);
                self.pos = self.bytes.len();
                None
            }
        }
    }

    /// The data state up to the next token that is not text; false at the end of the input.
    fn data(&mut self) -> bool {
        loop {
            let Some(at) = self.text_until(|s| memchr::memchr3(b'<', b'&', 0, s)) else {
                return false;
            };
            match self.bytes[at] {
                b'&' => self.char_ref_in_text(at),
                0 => {
                    self.flush_text();
                    self.emit(Token::NullCharacterToken);
                    self.pos = at + 1;
                }
                _ => {
                    self.tag_open(at);
                    if self.state != TextState::Data {
                        return true;
                    }
                    if self.pos >= self.bytes.len() {
                        return false;
                    }
                }
            }
        }
    }

    /// RCDATA (`<title>`, `<textarea>`: character references count) or RAWTEXT (no references):
    /// text up to the end tag of the element that opened it.
    fn rcdata(&mut self, references: bool) -> bool {
        loop {
            let find = |s: &[u8]| {
                if references {
                    memchr::memchr3(b'<', b'&', 0, s)
                } else {
                    memchr::memchr2(b'<', 0, s)
                }
            };
            let Some(at) = self.text_until(find) else {
                return false;
            };
            match self.bytes[at] {
                b'&' => self.char_ref_in_text(at),
                0 => {
                    self.text.push_char('\u{FFFD}');
                    self.pos = at + 1;
                }
                _ => {
                    if self.is_appropriate_end_tag(at) {
                        if !self.keep_raw_text {
                            self.text.clear();
                        }
                        self.flush_text();
                        self.state = TextState::Data;
                        self.tag(at + 2, TagKind::EndTag);
                        return self.pos < self.bytes.len();
                    }
                    self.push_text("<");
                    self.pos = at + 1;
                }
            }
        }
    }

    /// Script data: finds the end tag through the standard's escaped (`<!--`) and
    /// double-escaped (`<!--<script>`) states, then emits the text if it is kept.
    fn script_data(&mut self) -> bool {
        let start = self.pos;
        let end = self.script_end(start);
        if self.keep_raw_text {
            let text = &self.html[start..end.unwrap_or(self.bytes.len())];
            self.push_text_replacing_nul(text);
        }
        match end {
            Some(lt) => {
                self.flush_text();
                self.state = TextState::Data;
                self.tag(lt + 2, TagKind::EndTag);
                self.pos < self.bytes.len()
            }
            None => {
                self.pos = self.bytes.len();
                false
            }
        }
    }

    /// Where the end tag closing script data that starts at `from` begins.
    fn script_end(&self, from: usize) -> Option<usize> {
        #[derive(PartialEq)]
        enum Escape {
            None,
            Escaped,
            DoubleEscaped,
        }
        let b = self.bytes;
        let mut escape = Escape::None;
        let mut i = from;
        loop {
            let rel = match escape {
                Escape::None => memchr::memchr(b'<', &b[i..])?,
                _ => memchr::memchr2(b'<', b'-', &b[i..])?,
            };
            i += rel;
            if b[i] == b'-' {
                let run = b[i..].iter().take_while(|&&c| c == b'-').count();
                i += run;
                if run >= 2 && b.get(i) == Some(&b'>') {
                    escape = Escape::None;
                    i += 1;
                }
                continue;
            }
            // b[i] == b'<'
            match escape {
                Escape::None => {
                    if self.is_appropriate_end_tag(i) {
                        return Some(i);
                    }
                    if b[i..].starts_with(b"<!--") {
                        escape = Escape::Escaped;
                        i += 2; // the dashes count towards a following "-->"
                    } else {
                        i += 1;
                    }
                }
                Escape::Escaped => {
                    if self.is_appropriate_end_tag(i) {
                        return Some(i);
                    }
                    if followed_by_name(b, i + 1, b"script") {
                        escape = Escape::DoubleEscaped;
                        i += 7;
                    } else {
                        i += 1;
                    }
                }
                Escape::DoubleEscaped => {
                    if b.get(i + 1) == Some(&b'/') && followed_by_name(b, i + 2, b"script") {
                        escape = Escape::Escaped;
                        i += 8;
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }

    /// Whether `</name` at `lt` closes the current RCDATA, RAWTEXT or script element: the name
    /// of the last start tag in any case, then whitespace, `/` or `>`.
    fn is_appropriate_end_tag(&self, lt: usize) -> bool {
        self.bytes.get(lt + 1) == Some(&b'/')
            && followed_by_name(self.bytes, lt + 2, self.last_start_tag.as_bytes())
    }

    // --- character references -------------------------------------------------------------

    fn char_ref_in_text(&mut self, amp: usize) {
        match char_ref(self.html, amp, false) {
            Some((chars, len)) => {
                push_chars(&mut self.text, chars);
                self.pos = amp + len;
            }
            None => {
                self.text.push_char('&');
                self.pos = amp + 1;
            }
        }
    }

    // --- markup -----------------------------------------------------------------------------

    /// At a `<` in the data state.
    fn tag_open(&mut self, lt: usize) {
        let b = self.bytes;
        match b.get(lt + 1) {
            // `tag` emits the text before the tag (or leaves it out: see the module doc).
            Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 1, TagKind::StartTag),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 2, TagKind::EndTag),
                Some(b'>') => self.pos = lt + 3,
                None => {
                    self.push_text("</");
                    self.pos = lt + 2;
                }
                Some(_) => {
                    self.flush_text();
                    self.bogus_comment(lt + 2);
                }
            },
            Some(b'!') => {
                self.flush_text();
                self.markup_declaration(lt + 2);
            }
            Some(b'?') => {
                self.flush_text();
                self.bogus_comment(lt + 1);
            }
            _ => {
                self.push_text("<");
                self.pos = lt + 1;
            }
        }
    }

    /// A tag whose name starts at `from`; emits it unless the input ends inside it.
    fn tag(&mut self, from: usize, kind: TagKind) {
        let b = self.bytes;
        let name_end = from
            + b[from..]
                .iter()
                .position(|&c| is_space(c) || c == b'/' || c == b'>')
                .unwrap_or(b.len() - from);
        let name = local_name(&self.html[from..name_end]);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut self_closing = false;
        let mut i = name_end;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let Some(&c) = b.get(i) else {
                self.pos = b.len(); // end of input in a tag: the tag is dropped
                return;
            };
            match c {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                }
                _ => {
                    // An attribute name: `=` is part of it only as its first character.
                    let name_start = i;
                    i += 1;
                    while i < b.len()
                        && !matches!(b[i], b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>' | b'=')
                    {
                        i += 1;
                    }
                    let attr_name = &self.html[name_start..i];
                    while i < b.len() && is_space(b[i]) {
                        i += 1;
                    }
                    let mut value = StrTendril::new();
                    if b.get(i) == Some(&b'=') {
                        i += 1;
                        while i < b.len() && is_space(b[i]) {
                            i += 1;
                        }
                        match b.get(i) {
                            Some(&q @ (b'"' | b'\'')) => {
                                let Some(close) = memchr::memchr(q, &b[i + 1..]) else {
                                    self.pos = b.len();
                                    return;
                                };
                                value = attribute_value(&self.html[i + 1..i + 1 + close]);
                                i += close + 2;
                            }
                            Some(b'>') => {}
                            None => {
                                self.pos = b.len();
                                return;
                            }
                            Some(_) => {
                                let len = b[i..]
                                    .iter()
                                    .position(|&c| is_space(c) || c == b'>')
                                    .unwrap_or(b.len() - i);
                                value = attribute_value(&self.html[i..i + len]);
                                i += len;
                            }
                        }
                    }
                    if kind == TagKind::StartTag && attrs.len() < MAX_ATTRIBUTES_PER_TAG {
                        let attr_name = local_name(attr_name);
                        if !attrs.iter().any(|a| a.name.local == attr_name) {
                            attrs.push(Attribute {
                                name: QualName::new(None, html5ever::ns!(), attr_name),
                                value,
                            });
                        }
                    }
                }
            }
        }
        self.pos = i;
        if let Some(max) = self.max_nesting {
            match kind {
                TagKind::StartTag => self.nesting.start(&name, self_closing),
                TagKind::EndTag => self.nesting.end(&name),
            }
            if self.nesting.deepest > max {
                self.pos = b.len(); // too deep: the caller parses flattened markup instead
                return;
            }
        }
        if kind == TagKind::StartTag {
            self.keep_raw_text = keeps_raw_text(&name, &attrs);
            self.last_start_tag = name.clone();
        }
        let block = crate::dom::is_text_block(&name);
        if block
            && self.after_block
            && self.pre_depth == 0
            && self.leave_out
            && self.text.bytes().all(is_space)
        {
            self.text.clear();
        }
        self.flush_text();
        if matches!(name, local_name!("pre") | local_name!("listing")) {
            self.pre_depth = match kind {
                TagKind::StartTag => self.pre_depth.saturating_add(1),
                TagKind::EndTag => self.pre_depth.saturating_sub(1),
            };
        }
        let is_svg =
            self.leave_out && kind == TagKind::StartTag && !self_closing && &*name == "svg";
        self.emit(Token::TagToken(Tag {
            kind,
            name,
            self_closing,
            attrs: if kind == TagKind::StartTag {
                attrs
            } else {
                Vec::new()
            },
        }));
        self.after_block = block;
        // Only where the tree builder opened the `<svg>` (it ignores one in a frameset, say).
        if is_svg
            && self.state == TextState::Data
            && self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            if let Some(end) = crate::raw::svg_content_end(self.html, self.pos) {
                self.pos = end;
            }
        }
    }

    /// After `<!`.
    fn markup_declaration(&mut self, from: usize) {
        let rest = &self.bytes[from..];
        if rest.starts_with(b"--") {
            self.comment(from + 2);
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.doctype(from + 7);
        } else if rest.starts_with(b"[CDATA[")
            && self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            let start = from + 7;
            let end = self.html[start..].find("]]>").map(|e| start + e);
            let text = &self.html[start..end.unwrap_or(self.bytes.len())];
            self.push_text(text);
            self.flush_text();
            self.pos = end.map_or(self.bytes.len(), |e| e + 3);
        } else {
            self.bogus_comment(from);
        }
    }

    /// A comment whose text starts at `from` (after `<!--`).
    fn comment(&mut self, from: usize) {
        let b = self.bytes;
        let rest = &b[from..];
        if rest.starts_with(b">") || rest.starts_with(b"->") {
            self.emit(Token::CommentToken(StrTendril::new()));
            self.pos = from + if rest[0] == b'>' { 1 } else { 2 };
            return;
        }
        let mut i = from;
        let (data_end, after) = loop {
            let Some(rel) = self.html[i..].find("--") else {
                // End of input: the comment so far, without a trailing "-", "--" or "--!".
                let text = &self.html[from..];
                let text = text
                    .strip_suffix("--!")
                    .or_else(|| text.strip_suffix("--"))
                    .or_else(|| text.strip_suffix('-'))
                    .unwrap_or(text);
                break (from + text.len(), b.len());
            };
            let dashes = i + rel;
            let run = b[dashes..].iter().take_while(|&&c| c == b'-').count();
            let after_run = dashes + run;
            if b.get(after_run) == Some(&b'>') {
                // "--->" keeps all but the last two dashes.
                break (after_run - 2, after_run + 1);
            }
            if b.get(after_run) == Some(&b'!') && b.get(after_run + 1) == Some(&b'>') {
                break (after_run - 2, after_run + 2);
            }
            if after_run >= b.len() {
                // "<!--a---" at the end: the dashes beyond two are text.
                break (after_run - 2, b.len());
            }
            i = after_run;
        };
        let mut text = StrTendril::new();
        push_replacing_nul(&mut text, &self.html[from..data_end.max(from)]);
        self.emit(Token::CommentToken(text));
        self.pos = after;
    }

    /// A bogus comment: text from `from` up to the next `>`.
    fn bogus_comment(&mut self, from: usize) {
        let end = memchr::memchr(b'>', &self.bytes[from..]).map(|e| from + e);
        let mut text = StrTendril::new();
        push_replacing_nul(&mut text, &self.html[from..end.unwrap_or(self.bytes.len())]);
        self.emit(Token::CommentToken(text));
        self.pos = end.map_or(self.bytes.len(), |e| e + 1);
    }

    /// A DOCTYPE whose name would start at `from` (after `<!DOCTYPE`).
    fn doctype(&mut self, from: usize) {
        let end = memchr::memchr(b'>', &self.bytes[from..]).map(|e| from + e);
        let content = &self.html[from..end.unwrap_or(self.bytes.len())];
        let mut doctype = parse_doctype(content);
        if end.is_none() {
            doctype.force_quirks = true;
        }
        self.emit(Token::DoctypeToken(doctype));
        self.pos = end.map_or(self.bytes.len(), |e| e + 1);
    }
}

/// Whether `name` (ASCII, compared without case) starts at `at`, followed by whitespace, `/`
/// or `>`.
fn followed_by_name(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at..at + name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Whether the text of the element a start tag opens is kept (see the module doc).
fn keeps_raw_text(name: &LocalName, attrs: &[Attribute]) -> bool {
    match &**name {
        "script" => attrs.iter().any(|a| {
            let t = a.value.trim();
            &*a.name.local == "type"
                && (t.eq_ignore_ascii_case("application/ld+json")
                    || t.get(..8)
                        .is_some_and(|p| p.eq_ignore_ascii_case("math/tex")))
        }),
        "style" => false,
        _ => true,
    }
}

/// A tag or attribute name: ASCII upper case lowered, NUL replaced.
fn local_name(raw: &str) -> LocalName {
    // The commonest names of pages, matched directly (an atom lookup hashes the name).
    let common = match raw {
        "a" => Some(local_name!("a")),
        "b" => Some(local_name!("b")),
        "i" => Some(local_name!("i")),
        "p" => Some(local_name!("p")),
        "br" => Some(local_name!("br")),
        "id" => Some(local_name!("id")),
        "li" => Some(local_name!("li")),
        "td" => Some(local_name!("td")),
        "tr" => Some(local_name!("tr")),
        "ul" => Some(local_name!("ul")),
        "alt" => Some(local_name!("alt")),
        "div" => Some(local_name!("div")),
        "img" => Some(local_name!("img")),
        "rel" => Some(local_name!("rel")),
        "src" => Some(local_name!("src")),
        "href" => Some(local_name!("href")),
        "link" => Some(local_name!("link")),
        "meta" => Some(local_name!("meta")),
        "name" => Some(local_name!("name")),
        "role" => Some(local_name!("role")),
        "span" => Some(local_name!("span")),
        "type" => Some(local_name!("type")),
        "class" => Some(local_name!("class")),
        "style" => Some(local_name!("style")),
        "title" => Some(local_name!("title")),
        "script" => Some(local_name!("script")),
        "content" => Some(local_name!("content")),
        _ => None,
    };
    if let Some(name) = common {
        return name;
    }
    if raw.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        LocalName::from(raw.to_ascii_lowercase().replace('\0', "\u{FFFD}"))
    } else {
        LocalName::from(raw)
    }
}

/// An attribute value with its character references decoded and NULs replaced.
fn attribute_value(raw: &str) -> StrTendril {
    let bytes = raw.as_bytes();
    let Some(mut i) = memchr::memchr2(b'&', 0, bytes) else {
        return StrTendril::from_slice(raw);
    };
    let mut out = StrTendril::new();
    let mut copied = 0;
    loop {
        if bytes[i] == b'&' {
            if let Some((chars, len)) = char_ref(raw, i, true) {
                out.push_slice(&raw[copied..i]);
                push_chars(&mut out, chars);
                i += len;
                copied = i;
            } else {
                i += 1;
            }
        } else {
            out.push_slice(&raw[copied..i]);
            out.push_char('\u{FFFD}');
            i += 1;
            copied = i;
        }
        match memchr::memchr2(b'&', 0, &bytes[i..]) {
            Some(next) => i += next,
            None => break,
        }
    }
    out.push_slice(&raw[copied..]);
    out
}

fn push_replacing_nul(out: &mut StrTendril, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find('\0') {
        out.push_slice(&rest[..i]);
        out.push_char('\u{FFFD}');
        rest = &rest[i + 1..];
    }
    out.push_slice(rest);
}

/// What a character reference stands for.
enum Chars {
    Char(char),
    Str(&'static str),
}

fn push_chars(out: &mut StrTendril, chars: Chars) {
    match chars {
        Chars::Char(c) => out.push_char(c),
        Chars::Str(s) => out.push_slice(s),
    }
}

/// The longest entity name (`&CounterClockwiseContourIntegral;`, without `&` and `;`).
const MAX_ENTITY_NAME: usize = 32;

/// The character reference at `amp` (an `&`): its characters and length, or `None` when the
/// `&` is just text. In attribute values a named reference without `;` followed by `=` or a
/// letter or digit is text, for historical reasons (`?a=1&copy=2`).
fn char_ref(s: &str, amp: usize, in_attribute: bool) -> Option<(Chars, usize)> {
    let b = s.as_bytes();
    match b.get(amp + 1)? {
        b'#' => {
            let hex = matches!(b.get(amp + 2), Some(b'x' | b'X'));
            let digits_at = amp + 2 + usize::from(hex);
            let digits = b[digits_at.min(b.len())..]
                .iter()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if digits == 0 {
                return None;
            }
            let mut value: u32 = 0;
            let mut too_big = false;
            for &c in &b[digits_at..digits_at + digits] {
                let d = (c as char).to_digit(16).unwrap_or(0);
                value = match value
                    .checked_mul(if hex { 16 } else { 10 })
                    .and_then(|v| v.checked_add(d))
                {
                    Some(v) => v,
                    None => {
                        too_big = true;
                        0
                    }
                };
            }
            let mut len = digits_at + digits - amp;
            if b.get(amp + len) == Some(&b';') {
                len += 1;
            }
            let c = match value {
                _ if too_big => '\u{FFFD}',
                0 | 0xD800..=0xDFFF => '\u{FFFD}',
                n if n > 0x10FFFF => '\u{FFFD}',
                0x80..=0x9F => html5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize]
                    .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
                n => char::from_u32(n).unwrap_or('\u{FFFD}'),
            };
            Some((Chars::Char(c), len))
        }
        c if c.is_ascii_alphanumeric() => {
            let run = b[amp + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let name = &s[amp + 1..amp + 1 + run];
            if run <= MAX_ENTITY_NAME && b.get(amp + 1 + run) == Some(&b';') {
                // The commonest, without a search of the table (`&amp;` in every link's query).
                let common = match name {
                    "amp" => Some('&'),
                    "nbsp" => Some('\u{a0}'),
                    "quot" => Some('"'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    _ => None,
                };
                if let Some(c) = common {
                    return Some((Chars::Char(c), run + 2));
                }
                let mut key = String::with_capacity(run + 1);
                key.push_str(name);
                key.push(';');
                if let Some(chars) = crate::entities::lookup(&key) {
                    return Some((Chars::Str(chars), run + 2));
                }
            }
            // The longest name without `;` (only the legacy ones have such a form).
            let lengths = crate::entities::LEGACY_NAME_LENGTHS;
            for len in (*lengths.start()..=run.min(*lengths.end())).rev() {
                if let Some(chars) = crate::entities::lookup(&name[..len]) {
                    let next = b.get(amp + 1 + len);
                    if in_attribute && next.is_some_and(|c| *c == b'=' || c.is_ascii_alphanumeric())
                    {
                        return None;
                    }
                    return Some((Chars::Str(chars), len + 1));
                }
            }
            None
        }
        _ => None,
    }
}

/// A DOCTYPE's name and identifiers from the text between `<!DOCTYPE` and `>`, with the
/// standard's force-quirks flag for the malformed ones.
fn parse_doctype(content: &str) -> Doctype {
    let mut doctype = Doctype::default();
    fn trim(s: &str) -> &str {
        s.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8))
    }
    let rest = trim(content);
    if rest.is_empty() {
        doctype.force_quirks = true;
        return doctype;
    }
    let name_len = rest.bytes().position(is_space).unwrap_or(rest.len());
    let mut name = StrTendril::new();
    push_replacing_nul(&mut name, &rest[..name_len].to_ascii_lowercase());
    doctype.name = Some(name);
    let rest = trim(&rest[name_len..]);
    if rest.is_empty() {
        return doctype;
    }
    let keyword =
        |k: &str| rest.len() >= 6 && rest.as_bytes()[..6].eq_ignore_ascii_case(k.as_bytes());
    let public = keyword("public");
    if !public && !keyword("system") {
        doctype.force_quirks = true;
        return doctype;
    }
    // A quoted identifier: its text and what follows, or None if it is missing.
    fn quoted(s: &str) -> Option<(StrTendril, &str, bool)> {
        let q = *s.as_bytes().first()?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let mut id = StrTendril::new();
        match s[1..].find(q as char) {
            Some(e) => {
                push_replacing_nul(&mut id, &s[1..1 + e]);
                Some((id, &s[2 + e..], false))
            }
            None => {
                // No closing quote before `>`: abrupt, quirks.
                push_replacing_nul(&mut id, &s[1..]);
                Some((id, "", true))
            }
        }
    }
    let after_keyword = trim(&rest[6..]);
    let Some((id, after, abrupt)) = quoted(after_keyword) else {
        doctype.force_quirks = true;
        return doctype;
    };
    if abrupt {
        doctype.force_quirks = true;
    }
    if public {
        doctype.public_id = Some(id);
        if abrupt {
            return doctype;
        }
        let after = trim(after);
        if after.is_empty() {
            return doctype;
        }
        match quoted(after) {
            Some((system, _, abrupt)) => {
                doctype.system_id = Some(system);
                if abrupt {
                    doctype.force_quirks = true;
                }
            }
            None => doctype.force_quirks = true,
        }
    } else {
        doctype.system_id = Some(id);
    }
    doctype
}

#[cfg(test)]
mod tests {
    use super::{parse, parse_document};
    use html5ever::tree_builder::TreeBuilderOpts;
    use kuchikiki::traits::*;
    use kuchikiki::NodeRef;

    fn opts() -> TreeBuilderOpts {
        TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        }
    }

    fn ours(html: &str) -> NodeRef {
        parse_document(html, opts(), None).unwrap()
    }

    /// html5ever's own tokenizer and tree builder, as kuchikiki drives them.
    fn theirs(html: &str) -> NodeRef {
        kuchikiki::parse_html_with_options(kuchikiki::ParseOpts {
            tree_builder: opts(),
            ..Default::default()
        })
        .one(html)
        .document_node
    }

    /// The tree as markup, with what this tokenizer leaves out on purpose (script and style
    /// text) left out of both.
    fn normalised(document: &NodeRef) -> String {
        let emptied: Vec<NodeRef> = document
            .descendants()
            .filter(|n| {
                n.as_element()
                    .is_some_and(|e| matches!(&*e.name.local, "script" | "style"))
            })
            .collect();
        for el in emptied {
            for child in el.children().collect::<Vec<_>>() {
                child.detach();
            }
        }
        let doctype = document
            .children()
            .find_map(|n| {
                n.as_doctype()
                    .map(|d| format!("{}|{}|{}", d.name, d.public_id, d.system_id))
            })
            .unwrap_or_default();
        format!("{doctype}\n{document}")
    }

    fn body_of(document: &NodeRef) -> String {
        document
            .select_first("body")
            .map(|b| {
                b.as_node()
                    .children()
                    .map(|c| c.to_string())
                    .collect::<String>()
            })
            .unwrap_or_default()
    }

    /// Markup pieces that exercise every state: put together at random, ours and html5ever's
    /// must build the same tree.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=a>",
        "</div>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href='x?a=1&amp;b=2&copy=3&not;c'>",
        "</a>",
        "text ",
        " ",
        "\n",
        "\t",
        "é ünï 中文 ",
        "&amp;",
        "<p title='&quot;&lt;&gt;&nbsp;&amp;'>&quot;&lt;&gt;&ampx;&nbspx;&returnTo=1",
        "&AMP",
        "&notit;",
        "&notin;",
        "&not",
        "&#x41;",
        "&#65",
        "&#128;",
        "&#0;",
        "&#xD800;",
        "&#x110000;",
        "&#99999999999;",
        "&#;",
        "&#x;",
        "&",
        "&;",
        "&nbsp",
        "&nbsp;x",
        "&CounterClockwiseContourIntegral;",
        "&acE;",
        "<",
        "< p",
        "</",
        "</>",
        "</ x>",
        "</3>",
        "<3",
        "<!--c-->",
        "<!-->",
        "<!--->",
        "<!---->",
        "<!--a--->",
        "<!-- a -- b --!>",
        "<!--a--!-->",
        "<!--<!-- x -->",
        "<!",
        "<!x>",
        "<?pi?>",
        "<!DOCTYPE html>",
        "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
        "<!DOCTYPE html SYSTEM 'about:legacy-compat'>",
        "<!DOCTYPE>",
        "<!DOCTYPEhtml>",
        "<!DOCTYPE html PUBLIC \"a>",
        "<!DOCTYPE html bogus>",
        "<script>var a='</scr'+'ipt>'; if (a<b) {}</script>",
        "<script><!--<script>x</script>--></script>",
        "<script><!-- a --></script>",
        "<script><!--<script></script></script>",
        "<script type=\"application/ld+json\">{\"a\":\"</p>\"}</script>",
        "<SCRIPT>x</Script >",
        "<script>a</scripts>b</script>",
        "<script>",
        "<style>p{color:red}</style>",
        "<style>a</style x>",
        "<title>a &amp; <b></title>",
        "<textarea>\n<x>&lt;</textarea>",
        "<title>unclosed",
        "<svg><path d='M0'/><text>t</text></svg>",
        "<svg viewBox='0 0 1 1'><g><svg></svg></g></svg>",
        "<svg><p>break</p></svg>",
        "<svg/>",
        "<svg><![CDATA[<x>]]></svg>",
        "<math><mi>x</mi><![CDATA[y]]></math>",
        "<![CDATA[x]]>",
        "<select><option>a<option>b</select>",
        "<ul><li>a<li>b</ul>",
        "<pre>\nx</pre>",
        "<pre>\r\nx</pre>",
        "\r\n",
        "\r",
        "\0",
        "a\0b",
        "<img src=x alt=\"a\0b\">",
        "<x\0y>",
        "<input disabled value=''>",
        "<A HREF=X>",
        "<DIV CLASS=\"Up\">",
        "<br/>",
        "<br>",
        "</br>",
        "<div/>",
        "<p a=1 a=2 b>",
        "<p =x>",
        "<p a = \"1\"b='2'c=3>",
        "<p a=\"1\"/b>",
        "<p a/>",
        "<p a=>",
        "<p a=`x`>",
        "<p/ >",
        "<noscript><p>n</p></noscript>",
        "<iframe><p>i</iframe>",
        "<xmp><p>&amp;</xmp>",
        "<noembed><b></noembed>",
        "<noframes>x</noframes>",
        "<table><td>x</table>",
        "<table>text<tr><td>c</table>",
        "<frameset>",
        "<head>",
        "<body class=b>",
        "<html lang=en>",
        "<template><p>t</template>",
        "<h1>",
        "</h1>",
        "<form>",
        "</form>",
        "<button>",
        "<font color=red>",
        "<center>",
        "<nobr>",
        "<marquee>",
        "<object>",
        "<listing>\nx</listing>",
        "<image src=y>",
        "<isindex>",
        "<ruby>a<rt>b</ruby>",
    ];
    /// Endings that stop inside a construct.
    const ENDINGS: &[&str] = &[
        "",
        "<a href='x",
        "<div",
        "<div ",
        "<div a",
        "<div a=",
        "<div a=b",
        "<div /",
        "<!--x",
        "<!--x-",
        "<!--x--",
        "<!--x--!",
        "<!--x---",
        "<!DOCTYPE html PUBLIC \"x",
        "<![CDATA[x",
        "&",
        "&am",
        "&#x",
        "&#x4",
        "<",
        "</",
        "</p",
        "<?",
        "<svg><path>",
        "<plaintext><p>x",
        "<script>x",
        "<script><!--",
        "<textarea>x",
        "<style>x",
    ];

    fn random(seed: &mut u64) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 11) as usize
    }

    #[test]
    fn builds_the_same_trees_as_html5evers_tokenizer() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let n = 1 + random(&mut seed) % 30;
            let mut html = String::new();
            for _ in 0..n {
                html.push_str(PIECES[random(&mut seed) % PIECES.len()]);
            }
            html.push_str(ENDINGS[random(&mut seed) % ENDINGS.len()]);
            assert_eq!(
                normalised(&parse(&html, opts(), false, None).unwrap()),
                normalised(&theirs(&html)),
                "input: {html:?}"
            );
        }
    }

    #[test]
    fn scripts_and_styles_keep_their_elements_but_not_their_text() {
        let doc =
            ours("<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</Script ><style>p{}</style><p>b</p>");
        assert_eq!(
            body_of(&doc),
            "<p>a</p><script src=\"x\"></script><style></style><p>b</p>"
        );
    }

    #[test]
    fn json_ld_scripts_keep_their_text() {
        let doc = ours(r#"<script type=" Application/LD+JSON ">{"headline":"H"}</script>"#);
        assert_eq!(
            doc.select_first("script").unwrap().text_contents(),
            r#"{"headline":"H"}"#
        );
    }

    #[test]
    fn other_json_scripts_are_left_empty() {
        let doc = ours(r#"<script type="application/json">{"props":{}}</script><p>a</p>"#);
        assert_eq!(body_of(&doc), "<p>a</p>");
        assert_eq!(doc.select_first("script").unwrap().text_contents(), "");
    }

    #[test]
    fn a_script_ends_where_the_standard_says_inside_comment_escapes() {
        let doc = ours("<script><!--<script>a</script>b--></script><p>after</p>");
        assert_eq!(body_of(&doc), "<p>after</p>");
    }

    #[test]
    fn inline_svg_keeps_its_element_but_not_its_inside() {
        let doc = ours(
            r#"<p>a</p><svg viewBox="0 0 9 9"><g><path d="M0 0"/><svg><title>t</title></svg></g></SVG><p>b</p>"#,
        );
        assert_eq!(
            body_of(&doc),
            r#"<p>a</p><svg viewBox="0 0 9 9"></svg><p>b</p>"#
        );
    }

    #[test]
    fn whitespace_between_block_tags_is_left_out() {
        let doc = ours("<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n<ul>\n <li>c</li>\n</ul>");
        assert_eq!(
            body_of(&doc),
            "<div><p>a</p><p>b</p></div><ul><li>c</li></ul>"
        );
    }

    #[test]
    fn whitespace_next_to_inline_content_stays() {
        let html = "<p><a>x</a> <a>y</a></p>\n<span>z</span>\n<p>w</p>";
        assert_eq!(body_of(&ours(html)), html);
    }

    #[test]
    fn whitespace_inside_pre_stays() {
        let doc = ours("<pre><div>a</div>\n<div>b</div>\n</pre>\n<p>c</p>");
        assert_eq!(
            body_of(&doc),
            "<pre><div>a</div>\n<div>b</div>\n</pre><p>c</p>"
        );
    }

    #[test]
    fn svg_holding_a_tag_that_ends_it_early_keeps_the_text_the_page_shows() {
        let doc = ours("<svg><path/><p>text the page shows</p></svg>");
        assert!(doc.text_contents().contains("text the page shows"));
    }

    #[test]
    fn a_tag_keeps_a_bounded_number_of_attributes() {
        let attrs: String = (0..5000).map(|i| format!(" a{i}=1")).collect();
        let doc = ours(&format!("<div{attrs}>x</div>"));
        let div = doc.select_first("div").unwrap();
        assert_eq!(
            div.attributes.borrow().map.len(),
            super::MAX_ATTRIBUTES_PER_TAG
        );
        assert_eq!(div.attributes.borrow().get("a0"), Some("1"));
    }

    #[test]
    fn stops_when_the_tags_nest_deeper_than_asked() {
        let deep = format!("{}x{}", "<div>".repeat(50), "</div>".repeat(50));
        assert!(parse_document(&deep, opts(), Some(40)).is_none());
        assert!(parse_document(&deep, opts(), Some(50)).is_some());
        // Elements that do not nest (void, optional end tags) do not count.
        let flat = "<p>a<p>b<br><img><li>c".repeat(100);
        assert!(parse_document(&flat, opts(), Some(2)).is_some());
    }

    #[test]
    fn character_references_follow_the_attribute_rules() {
        let doc = ours(r#"<a href="?a=1&copy=2&amp;b&not">&copy=&notin;&notit;</a>"#);
        let a = doc.select_first("a").unwrap();
        assert_eq!(a.attributes.borrow().get("href"), Some("?a=1&copy=2&b¬"));
        assert_eq!(a.text_contents(), "©=∉¬it;");
    }
}
