//! Small helpers over the kuchikiki tree shared by every stage.
//!
//! Everything here is iterative: documents can nest 100,000 elements deep and wasm's stack
//! is small, so nothing in the engine recurses over the tree.

use crate::tunables::{HIDDEN_CLASSES, HIDDEN_PHRASE_CLASS, HIDDEN_PHRASE_TAGS, PHRASING_ELEMS};
use html5ever::{local_name, ns, LocalName, QualName};
use kuchikiki::traits::*;
use kuchikiki::{Attribute, ExpandedName, NodeRef};

/// Pre-order walks of a subtree: the engine's one way to visit nodes.
///
/// kuchikiki's `descendants()` steps through a start and an end edge per node, moving two
/// node handles each time; walking was a seventh of the engine's time. These yield the same
/// nodes in the same order with one step per node.
pub(crate) trait Walk {
    /// The nodes below `self` in document order (as kuchikiki's `descendants()`).
    fn walk_descendants(&self) -> PreOrder<'_>;
    /// `self`, then the nodes below it (as kuchikiki's `inclusive_descendants()`).
    fn walk_inclusive(&self) -> PreOrder<'_>;
}

impl Walk for NodeRef {
    fn walk_descendants(&self) -> PreOrder<'_> {
        PreOrder {
            root: self,
            next: self.first_child(),
        }
    }

    fn walk_inclusive(&self) -> PreOrder<'_> {
        PreOrder {
            root: self,
            next: Some(self.clone()),
        }
    }
}

impl PreOrder<'_> {
    /// `any` of the walk, out of line: inlined, each of ~30 walks asked this way was a copy of
    /// the walk's step and of the handles' drops at its exits.
    #[inline(never)]
    pub(crate) fn any_node(mut self, wanted: &mut dyn FnMut(&NodeRef) -> bool) -> bool {
        self.any(|n| wanted(&n))
    }

    /// `find` of the walk, out of line (as [`PreOrder::any_node`]).
    #[inline(never)]
    pub(crate) fn find_node(mut self, wanted: &mut dyn FnMut(&NodeRef) -> bool) -> Option<NodeRef> {
        self.find(|n| wanted(n))
    }
}

/// See [`Walk`]. The node after the one yielded is found before it is handed out, so a caller
/// that detaches the node it was given ends the walk or walks on in the detached part; collect
/// first to change the tree while walking.
///
/// The root is borrowed, not a handle of its own: a walk left early dropped the root's handle
/// inline at each of ~150 exits, 1.6 KB of the wasm's gzip (298,536 -> 296,968 B, 2026-12-06,
/// session 15); borrowing also spares a count per walk. With the root borrowed, no `Drop` of
/// its own either (session 11 dropped the next node out of line): without one the compiler
/// sees that a walk run to its end holds no node and drops nothing, 2.2 KB of gzip more
/// (295,987 -> 293,794 B).
pub(crate) struct PreOrder<'a> {
    root: &'a NodeRef,
    next: Option<NodeRef>,
}

impl Iterator for PreOrder<'_> {
    type Item = NodeRef;

    fn next(&mut self) -> Option<NodeRef> {
        let current = self.next.take()?;
        self.next = next_in_order(&current, self.root);
        Some(current)
    }
}

/// The element's local name (`div`, `p`), or `""` for non-elements.
pub(crate) fn tag(node: &NodeRef) -> &str {
    match node.as_element() {
        Some(el) => &el.name.local,
        None => "",
    }
}

/// True when `node` is an element named one of `names`.
///
/// Never inlined: it is asked at about 120 places, and inlined (the name's atom read, the
/// list compared) each copy cost the shipped wasm ~3.2 KB gzip in all (306,392 -> 305,237 B,
/// 2026-12-05); a call per tag test costs no measurable time.
#[inline(never)]
pub(crate) fn is(node: &NodeRef, names: &[&str]) -> bool {
    let t = tag(node);
    // The length and the first byte before the comparison, as [`one_of`]: tag names of one
    // length (`p`, `a`, `b`) went to `memcmp` for every name of the list.
    let first = t.as_bytes().first();
    !t.is_empty()
        && names
            .iter()
            .any(|x| x.len() == t.len() && x.as_bytes().first() == first && *x == t)
}

/// True when `s` is one of `list`: `<[&str]>::contains` out of line, for the tag and attribute
/// lists of the sanitiser, whose searches were inlined at ~15 places (681 B of the wasm's gzip,
/// 2026-12-06, session 15; +0.15% of the instructions over the Readability pages). Not for
/// the depth pass, which runs on every tag of the page: there the calls cost 1.2%.
#[inline(never)]
pub(crate) fn one_of(s: &str, list: &[&str]) -> bool {
    // The length and the first byte before the comparison: most entries differ there, and a
    // comparison of unknown length is a call.
    let first = s.as_bytes().first();
    list.iter()
        .any(|x| x.len() == s.len() && x.as_bytes().first() == first && *x == s)
}

/// True when `node` is an HTML element (not SVG or MathML) named one of `names`.
pub(crate) fn is_html(node: &NodeRef, names: &[&str]) -> bool {
    match node.as_element() {
        Some(el) => el.name.ns == ns!(html) && names.contains(&&*el.name.local),
        None => false,
    }
}

/// The value of attribute `name`, if present.
///
/// Never inlined, nor is [`has_attr`]: asked at hundreds of places, their inlined copies cost
/// the shipped wasm ~1.2 KB gzip (307,330 -> 306,156 B, 2026-12-05); a call costs nothing
/// next to the lookup and the copy.
#[inline(never)]
pub(crate) fn attr(node: &NodeRef, name: &str) -> Option<String> {
    get(&node.as_element()?.attributes.borrow(), name).map(str::to_string)
}

#[inline(never)]
pub(crate) fn has_attr(node: &NodeRef, name: &str) -> bool {
    node.as_element()
        .is_some_and(|el| get(&el.attributes.borrow(), name).is_some())
}

/// The value of the attribute `name` (no namespace), as kuchikiki's `Attributes::get`, found
/// by comparing names: `get` interns the name and hashes it with SipHash on every call, which,
/// asked ~800,000 times over the corpus, was 5% of the engine's time; an element has a handful
/// of attributes at most (a tag's are capped, see `MAX_ATTRIBUTES_PER_TAG`).
pub(crate) fn get<'a>(attrs: &'a kuchikiki::Attributes, name: &str) -> Option<&'a str> {
    attrs
        .map
        .iter()
        .find(|(key, _)| key.ns == ns!() && &*key.local == name)
        .map(|(_, a)| a.value.as_str())
}

pub(crate) fn set_attr(node: &NodeRef, name: &str, value: &str) {
    if let Some(el) = node.as_element() {
        el.attributes.borrow_mut().insert(name, value.to_string());
    }
}

pub(crate) fn remove_attr(node: &NodeRef, name: &str) {
    if let Some(el) = node.as_element() {
        el.attributes.borrow_mut().remove(name);
    }
}

/// `class` and `id` joined by a space: what class/id rules match against.
pub(crate) fn class_and_id(node: &NodeRef) -> String {
    let Some(el) = node.as_element() else {
        return String::new();
    };
    let attrs = el.attributes.borrow();
    let (class, id) = (get(&attrs, "class"), get(&attrs, "id"));
    let mut s = String::with_capacity(class.map_or(0, str::len) + id.map_or(0, |i| i.len() + 1));
    if let Some(c) = class {
        s.push_str(c);
    }
    if let Some(i) = id {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(i);
    }
    s
}

/// Whether `node` holds any text but whitespace (`text_contents().trim()` not empty), asked
/// text node by text node instead of collecting the text of what may be a whole section.
pub(crate) fn has_text(node: &NodeRef) -> bool {
    node.walk_inclusive()
        .text_nodes()
        .any(|t| !t.borrow().trim().is_empty())
}

/// Text below `node` with whitespace runs folded to one space and trimmed, built in one pass
/// over its text nodes (collecting the text first, then folding it, copied it twice).
pub(crate) fn normalized_text(node: &NodeRef) -> String {
    let mut folded = Folded::default();
    for t in node.walk_inclusive().text_nodes() {
        folded.push(&t.borrow());
    }
    folded.out
}

/// The folded text of everything below `root` (as [`normalized_text`] folds it), with the
/// byte range in it of each element below `root` that `pick` takes, in document order: the
/// text of many nested blocks from one fold of the whole, where folding each block's text
/// read a page's text once per level of nesting. Folding depends only on the text, so a
/// block's own folded text is its range, less the one space folding may have put before it
/// ([`FoldedBlocks::text`]).
pub(crate) struct FoldedBlocks {
    pub(crate) text: String,
    pub(crate) blocks: Vec<NodeRef>,
    /// Per block, its range in `text`.
    pub(crate) ranges: Vec<(usize, usize)>,
}

impl FoldedBlocks {
    #[inline(never)]
    pub(crate) fn new(root: &NodeRef, pick: &dyn Fn(&NodeRef) -> bool) -> FoldedBlocks {
        let mut folded = Folded::default();
        let mut blocks = Vec::new();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        // Per open block: its index, and the node after it (where it closes; none at the
        // end). A walk by nodes, not by their starts and ends, each a node's copy.
        let mut open: Vec<(usize, Option<NodeRef>)> = Vec::new();
        let close =
            |open: &mut Vec<(usize, Option<NodeRef>)>, ranges: &mut [(usize, usize)], out: &str| {
                if let Some((i, _)) = open.pop() {
                    // Less the space folding put before the block's first word.
                    let (start, end) = &mut ranges[i];
                    *end = out.len();
                    *start += usize::from(*start < *end && out.as_bytes()[*start] == b' ');
                }
            };
        for n in root.walk_descendants() {
            while open
                .last()
                .is_some_and(|(_, after)| after.as_ref() == Some(&n))
            {
                close(&mut open, &mut ranges, &folded.out);
            }
            if let Some(t) = n.as_text() {
                folded.push(&t.borrow());
            } else if pick(&n) {
                open.push((blocks.len(), next_skipping_children(&n, root)));
                blocks.push(n);
                ranges.push((folded.out.len(), 0));
            }
        }
        while !open.is_empty() {
            close(&mut open, &mut ranges, &folded.out);
        }
        FoldedBlocks {
            text: folded.out,
            blocks,
            ranges,
        }
    }

    /// [`normalized_text`] of block `i`, as it was when folded.
    pub(crate) fn text(&self, i: usize) -> &str {
        let (start, end) = self.ranges[i];
        &self.text[start..end]
    }
}

/// The beginning of [`normalized_text`]: its first `bytes` bytes at least (all of it when
/// shorter), for a look at how a block opens without folding all of its text.
pub(crate) fn normalized_text_start(node: &NodeRef, bytes: usize) -> String {
    let mut folded = Folded::default();
    for t in node.walk_inclusive().text_nodes() {
        folded.push(&t.borrow());
        if folded.out.len() >= bytes {
            break;
        }
    }
    folded.out
}

/// Where a run of plain text that starts at byte `i` of `bytes` ends: visible ASCII that is
/// not `special`, on through single spaces between such characters (which folding leaves as
/// they are). `i` itself when that byte does not start one. For outputs that copy text a
/// sentence at a time where they would otherwise look at every character.
pub(crate) fn plain_run_end(bytes: &[u8], i: usize, special: impl Fn(u8) -> bool) -> usize {
    let plain = |b: u8| b > b' ' && b < 0x80 && !special(b);
    let mut end = i;
    while end < bytes.len() && plain(bytes[end]) {
        end += 1;
    }
    if end == i {
        return i;
    }
    while end + 1 < bytes.len() && bytes[end] == b' ' && plain(bytes[end + 1]) {
        end += 2;
        while end < bytes.len() && plain(bytes[end]) {
            end += 1;
        }
    }
    end
}

/// Folds whitespace runs to one space and trims.
pub(crate) fn fold_whitespace(s: &str) -> String {
    let mut folded = Folded {
        out: String::with_capacity(s.len()),
        pending_space: false,
    };
    folded.push(s);
    folded.out
}

/// Folded text built over consecutive pieces (as [`Fold`] counts it).
#[derive(Default)]
struct Folded {
    out: String,
    pending_space: bool,
}

impl Folded {
    // (One copy for its four callers.)
    #[inline(never)]
    fn push(&mut self, s: &str) {
        let mut i = 0;
        while i < s.len() {
            let (mut end, space) = piece_at(s, i);
            if space {
                self.pending_space = !self.out.is_empty();
                // The rest of a run of ASCII whitespace in one step (a page's indentation,
                // thousands of bytes of it, was a piece a byte).
                while s
                    .as_bytes()
                    .get(end)
                    .is_some_and(|b| b.is_ascii_whitespace() || *b == 0x0b)
                {
                    end += 1;
                }
                i = end;
                continue;
            }
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            // Copied a sentence at a time rather than a word.
            let end = if (b'!'..0x80).contains(&s.as_bytes()[i]) {
                plain_run_on(s.as_bytes(), end)
            } else {
                end
            };
            self.out.push_str(&s[i..end]);
            i = end;
        }
    }
}

/// [`plain_run_end`] (nothing special) of a run whose visible ASCII before `end` was read:
/// where it ends, read on from `end`, eight bytes at a time where they are visible ASCII and
/// single spaces between (a run was read twice, and a byte at a time).
fn plain_run_on(bytes: &[u8], mut end: usize) -> usize {
    let visible = |b: u8| b > b' ' && b < 0x80;
    loop {
        while let Some(chunk) = bytes.get(end..end + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            // Per byte (none from 0x80 up, so none carries): 0x80 where it is a space, and
            // where it is above one.
            let space = !(w ^ (ONES * 0x20)).wrapping_add(ONES * 0x7f) & HIGH_BITS;
            let above = w.wrapping_add(ONES * 0x5f) & HIGH_BITS;
            // Each byte one or the other, no two spaces together, nor one last.
            if w & HIGH_BITS != 0
                || space | above != HIGH_BITS
                || space & (space << 8 | 1 << 63) != 0
            {
                break;
            }
            end += 8;
        }
        while bytes.get(end).is_some_and(|&b| visible(b)) {
            end += 1;
        }
        if bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(|&b| visible(b)) {
            end += 2;
        } else {
            return end;
        }
    }
}

/// The piece of `s` that starts at byte `i` (a character boundary), for folding: a run of
/// visible ASCII (most text: taken whole), or one other character. Returns where it ends and
/// whether it is whitespace (`char::is_whitespace`).
#[inline(always)]
fn piece_at(s: &str, i: usize) -> (usize, bool) {
    let bytes = s.as_bytes();
    let b = bytes[i];
    if b > b' ' && b < 0x80 {
        let mut end = i + 1;
        while end < bytes.len() && bytes[end] > b' ' && bytes[end] < 0x80 {
            end += 1;
        }
        (end, false)
    } else if b < 0x80 {
        (i + 1, b.is_ascii_whitespace() || b == 0x0b)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (i + c.len_utf8(), c.is_whitespace())
    }
}

/// Elements that start and end a block of text: whitespace between two of their tags
/// separates nothing (outside `<pre>`), and the plain text breaks lines at them.
pub(crate) fn is_text_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("main")
            | local_name!("aside")
            | local_name!("nav")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("caption")
            | local_name!("figure")
            | local_name!("hr")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("center")
            | local_name!("hgroup")
            | local_name!("body")
            | local_name!("html")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("menu")
    )
}

/// Characters of folded text below `node`, counted without building the string.
pub(crate) fn text_len(node: &NodeRef) -> usize {
    let mut fold = Fold::default();
    for t in node.walk_inclusive().text_nodes() {
        fold.add(&t.borrow());
    }
    fold.len
}

/// [`text_len`] of `node`, handing every other node of the walk to `visit` on the way (one
/// walk where the page's length and its links' were two).
pub(crate) fn text_len_visiting(node: &NodeRef, visit: &mut dyn FnMut(&NodeRef)) -> usize {
    let mut fold = Fold::default();
    for n in node.walk_inclusive() {
        match n.as_text() {
            Some(t) => fold.add(&t.borrow()),
            None => visit(&n),
        }
    }
    fold.len
}

/// How many characters of the text below `node` are in `set` (commas, for scores): ASCII
/// members counted bytewise, the others looked for only where a multi-byte character starts.
pub(crate) fn count_chars(node: &NodeRef, set: &[char]) -> usize {
    node.walk_inclusive()
        .text_nodes()
        .map(|t| count_chars_in(&t.borrow(), set))
        .sum()
}

fn count_chars_in(s: &str, set: &[char]) -> usize {
    let bytes = s.as_bytes();
    let mut n = 0;
    for &c in set.iter().filter(|c| c.is_ascii()) {
        n += memchr::memchr_iter(c as u8, bytes).count();
    }
    if s.is_ascii() {
        return n;
    }
    // The others where a character their encodings begin with starts, found by that first
    // byte as the ASCII members are (one bit per byte from 0xC0 up): not every character of
    // the text decoded.
    let mut leads = set.iter().filter(|c| !c.is_ascii()).fold(0u64, |m, c| {
        m | 1 << (c.encode_utf8(&mut [0; 4]).as_bytes()[0] - 0xC0)
    });
    while leads != 0 {
        let lead = 0xC0 + leads.trailing_zeros() as u8;
        leads &= leads - 1;
        n += memchr::memchr_iter(lead, bytes)
            .filter(|&i| s[i..].chars().next().is_some_and(|c| set.contains(&c)))
            .count();
    }
    n
}

/// Characters of folded text inside the links below `node`.
pub(crate) fn linked_len(node: &NodeRef) -> usize {
    node.walk_descendants()
        .filter(|a| is(a, &["a"]))
        .map(|a| text_len(&a))
        .sum()
}

/// [`text_len`], but stops counting past `cap`: a cheap "is this block short?" for blocks
/// that may hold the whole page.
pub(crate) fn text_len_capped(node: &NodeRef, cap: usize) -> usize {
    let mut fold = Fold::default();
    for t in node.walk_inclusive().text_nodes() {
        // A long text is counted a piece at a time (the count carries over pieces): a
        // paragraph of thousands of characters was counted whole to learn it passed 300.
        let text = t.borrow();
        let mut rest: &str = &text;
        while !rest.is_empty() {
            // (No more than it takes to pass the cap, were every byte a character.)
            let mut end = rest.len().min((cap - fold.len).max(CAPPED_PIECE_MIN_BYTES));
            while !rest.is_char_boundary(end) {
                end += 1;
            }
            fold.add(&rest[..end]);
            if fold.len > cap {
                return fold.len;
            }
            rest = &rest[end..];
        }
    }
    fold.len
}

/// The least of a text [`text_len_capped`] counts before it looks at the cap again.
const CAPPED_PIECE_MIN_BYTES: usize = 16;

/// Characters of `text` after folding whitespace runs to one space and trimming.
pub(crate) fn fold_len(text: &str) -> usize {
    let mut fold = Fold::default();
    fold.add(text);
    fold.len
}

/// A running count of folded characters over consecutive pieces of text.
#[derive(Default)]
struct Fold {
    len: usize,
    pending_space: bool,
}

impl Fold {
    fn add(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time where they are (most text): see `add_ascii`. The
            // last few of a text too, as a word with the bytes past its end zero and not
            // counted (they were counted a byte at a time, a piece each).
            let rest = &bytes[i..];
            let (word, valid) = match rest.get(..8) {
                Some(chunk) => (
                    u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8])),
                    HIGH_BITS,
                ),
                None => {
                    let past = 64 - 8 * rest.len() as u32;
                    let word = match bytes.len().checked_sub(8) {
                        // The text's last eight bytes, those before `i` shifted out.
                        Some(last) => {
                            let chunk = bytes[last..].try_into().unwrap_or([0x80; 8]);
                            u64::from_le_bytes(chunk) >> past
                        }
                        None => rest.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
                    };
                    (word, HIGH_BITS >> past)
                }
            };
            if word & HIGH_BITS == 0 {
                self.add_ascii(word, valid);
                i += rest.len().min(8);
                continue;
            }
            let (end, space) = piece_at(text, i);
            if space {
                self.pending_space = self.len > 0;
            } else {
                if self.pending_space {
                    self.len += 1;
                    self.pending_space = false;
                }
                // A run of ASCII, or one character.
                self.len += if bytes[i] < 0x80 { end - i } else { 1 };
            }
            i = end;
        }
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

impl Fold {
    /// Counts up to eight ASCII bytes (`word`, first byte lowest; `valid` has the high bit of
    /// each byte that is text, from the lowest) without a branch per byte: which bytes are
    /// whitespace is worked out for all at once, as a mask of high bits, and the count is the
    /// content bytes plus the runs of whitespace that end inside the word between content
    /// (each folds to one space), both summed by one multiply. Branching byte by byte, every
    /// word boundary of a text was a guess the processor could get wrong.
    #[inline(always)]
    fn add_ascii(&mut self, word: u64, valid: u64) {
        // Per byte (all below 0x80, so no byte carries into the next): 0x80 where it is a
        // space, or one of \t \n \x0b \x0c \r (0x09..=0x0d).
        let not_space = (word ^ (ONES * 0x20)).wrapping_add(ONES * 0x7f);
        let at_least_tab = word.wrapping_add(ONES * (0x80 - 0x09));
        let past_cr = word.wrapping_add(ONES * (0x80 - 0x0e));
        let spaces = (!not_space | (at_least_tab & !past_cr)) & valid;
        let content = valid & !spaces;
        if content == 0 {
            self.pending_space = self.len > 0;
            return;
        }
        let first = content & content.wrapping_neg();
        // Whitespace before the first content byte joins what came before, if anything did.
        let joined = if first == 0x80 {
            self.pending_space
        } else {
            self.len > 0
        };
        // Content bytes right after a space, past the first content byte: one space each.
        let gaps = content & (spaces << 8) & !first;
        // (One per byte of either, all added into the top byte: at most 16.)
        self.len += (((content >> 7) + (gaps >> 7)).wrapping_mul(ONES) >> 56) as usize
            + usize::from(joined);
        // Whether the last byte is a space.
        self.pending_space = spaces & (valid ^ valid >> 8) != 0;
    }
}

/// The element children of `node`.
pub(crate) fn element_children(node: &NodeRef) -> ElementChildren {
    ElementChildren(Some(node.children()))
}

/// See [`element_children`]. Its siblings are dropped out of line, as [`PreOrder`]'s next node:
/// inline, every loop left early dropped them at each exit.
pub(crate) struct ElementChildren(Option<kuchikiki::iter::Siblings>);

impl Drop for ElementChildren {
    #[inline(never)]
    fn drop(&mut self) {
        self.0 = None;
    }
}

impl Iterator for ElementChildren {
    type Item = NodeRef;

    fn next(&mut self) -> Option<NodeRef> {
        self.0.as_mut()?.find(|c| c.as_element().is_some())
    }
}

/// True when some ancestor of `node` (not `node` itself) is named one of `names`,
/// looking at most `max_depth` levels up (`None`: all the way).
pub(crate) fn has_ancestor(node: &NodeRef, names: &[&str], max_depth: Option<usize>) -> bool {
    node.ancestors()
        .take(max_depth.unwrap_or(usize::MAX))
        .any(|a| is(&a, names))
}

/// Whether `node` is `outer` or lies inside it.
#[inline(never)]
pub(crate) fn within(node: &NodeRef, outer: &NodeRef) -> bool {
    any_inclusive_ancestor(node, &mut |a| *a == *outer)
}

/// A new HTML element with the given attributes.
pub(crate) fn new_html_element(name: &str, attrs: Vec<(String, String)>) -> NodeRef {
    NodeRef::new_element(
        QualName::new(None, ns!(html), LocalName::from(name)),
        attrs.into_iter().map(|(k, v)| {
            (
                ExpandedName::new(ns!(), LocalName::from(k.as_str())),
                Attribute {
                    prefix: None,
                    value: v,
                },
            )
        }),
    )
}

/// Replaces `node` by a new element named `name` holding the same attributes and children,
/// and returns it. kuchikiki cannot rename an element in place.
pub(crate) fn rename(node: &NodeRef, name: &str) -> NodeRef {
    let attrs = match node.as_element() {
        Some(el) => el.attributes.borrow().map.clone(),
        None => return node.clone(),
    };
    let new = NodeRef::new_element(QualName::new(None, ns!(html), LocalName::from(name)), attrs);
    move_children(node, &new);
    node.insert_before(new.clone());
    node.detach();
    new
}

/// Moves every child of `from` to the end of `to`.
pub(crate) fn move_children(from: &NodeRef, to: &NodeRef) {
    while let Some(child) = from.first_child() {
        to.append(child);
    }
}

/// Replaces `node` by its children.
pub(crate) fn unwrap(node: &NodeRef) {
    while let Some(child) = node.first_child() {
        node.insert_before(child);
    }
    node.detach();
}

/// A deep copy of `node` and its subtree (iterative).
pub(crate) fn deep_clone(node: &NodeRef) -> NodeRef {
    let root = shallow_clone(node);
    let mut stack = vec![(node.clone(), root.clone())];
    while let Some((src, dst)) = stack.pop() {
        for child in src.children() {
            let copy = shallow_clone(&child);
            dst.append(copy.clone());
            stack.push((child, copy));
        }
    }
    root
}

fn shallow_clone(node: &NodeRef) -> NodeRef {
    use kuchikiki::NodeData;
    match node.data() {
        // The attribute map is cloned whole (new_element would collect it again, hashing
        // every name: a third of the snapshot's cost); a template gets fresh, empty contents,
        // as new_element gives it.
        NodeData::Element(el) => NodeRef::new(NodeData::Element(kuchikiki::ElementData {
            name: el.name.clone(),
            attributes: std::cell::RefCell::new(el.attributes.borrow().clone()),
            template_contents: el
                .template_contents
                .as_ref()
                .map(|_| NodeRef::new(NodeData::DocumentFragment)),
            score: Default::default(),
            is_candidate: Default::default(),
        })),
        NodeData::Text(t) => NodeRef::new_text(t.borrow().clone()),
        NodeData::Comment(c) => NodeRef::new_comment(c.borrow().clone()),
        NodeData::ProcessingInstruction(pi) => {
            let pi = pi.borrow();
            NodeRef::new_processing_instruction(pi.0.clone(), pi.1.clone())
        }
        NodeData::Doctype(d) => {
            NodeRef::new_doctype(d.name.clone(), d.public_id.clone(), d.system_id.clone())
        }
        NodeData::Document(_) => NodeRef::new_document(),
        NodeData::DocumentFragment => NodeRef::new(NodeData::DocumentFragment),
    }
}

/// The heading elements, `<h1>` to `<h6>`.
pub(crate) const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// The next node after `node` in document order, skipping `node`'s own subtree.
///
/// Never inlined: every walk ([`PreOrder`]) and every loop over one inlined it (41 copies); out
/// of line it saved 1.3 KB of the wasm's gzip (289,505 -> 288,169 B, 2026-12-05, session 11) at
/// no measurable cost in ripe extraction (it runs once per leaf). Taking `PreOrder::next` or
/// [`next_in_order`] out of line too saved 4.8 or 2.9 KB more but cost 1-4% of the time.
#[inline(never)]
pub(crate) fn next_skipping_children(node: &NodeRef, root: &NodeRef) -> Option<NodeRef> {
    if node == root {
        return None;
    }
    if let Some(sibling) = node.next_sibling() {
        return Some(sibling);
    }
    let mut up = node.parent()?;
    loop {
        if &up == root {
            return None;
        }
        if let Some(sibling) = up.next_sibling() {
            return Some(sibling);
        }
        up = up.parent()?;
    }
}

/// The last node below `root` in document order for which `wanted` holds, looked for from
/// the end (a node after its children, each child after the one that follows it).
pub(crate) fn last_where(root: &NodeRef, wanted: &dyn Fn(&NodeRef) -> bool) -> Option<NodeRef> {
    let mut node = root.last_child()?;
    loop {
        while let Some(c) = node.last_child() {
            node = c;
        }
        loop {
            if wanted(&node) {
                return Some(node);
            }
            if let Some(p) = node.previous_sibling() {
                node = p;
                break;
            }
            node = node.parent()?;
            if &node == root {
                return None;
            }
        }
    }
}

/// The next node after `node` in document order, descending into its children first.
pub(crate) fn next_in_order(node: &NodeRef, root: &NodeRef) -> Option<NodeRef> {
    if let Some(c) = node.first_child() {
        return Some(c);
    }
    next_skipping_children(node, root)
}

/// The elements below `root` named one of `names`, in document order. Out of line, like
/// [`descendants_where`]: each `walk_descendants().filter(..).collect()` was a copy of the
/// walk and of the vector's growth of its own.
#[inline(never)]
pub(crate) fn descendants_named(root: &NodeRef, names: &[&str]) -> Vec<NodeRef> {
    root.walk_descendants().filter(|d| is(d, names)).collect()
}

/// The nodes below `root` for which `wanted` holds, in document order: one copy of the walk
/// and of the collection for the passes that gather nodes, then change the tree.
#[inline(never)]
pub(crate) fn descendants_where(root: &NodeRef, wanted: &dyn Fn(&NodeRef) -> bool) -> Vec<NodeRef> {
    root.walk_descendants().filter(|d| wanted(d)).collect()
}

/// Whether `wanted` holds for an ancestor of `node`: `ancestors().any(..)` out of line, one
/// copy of the climb and its handles' drops instead of one per caller.
#[inline(never)]
pub(crate) fn any_ancestor(node: &NodeRef, wanted: &mut dyn FnMut(&NodeRef) -> bool) -> bool {
    node.ancestors().any(|a| wanted(&a))
}

/// Whether `wanted` holds for `node` or an ancestor (as [`any_ancestor`]).
#[inline(never)]
pub(crate) fn any_inclusive_ancestor(
    node: &NodeRef,
    wanted: &mut dyn FnMut(&NodeRef) -> bool,
) -> bool {
    node.inclusive_ancestors().any(|a| wanted(&a))
}

/// The outermost descendants of `root` for which `wanted` holds, in document order: one walk,
/// and a node's subtree is not asked once the node is taken (so a row inside a row, or a box
/// inside a removed box, is not taken twice). For passes that collect blocks, then remove them.
pub(crate) fn outermost(root: &NodeRef, mut wanted: impl FnMut(&NodeRef) -> bool) -> Vec<NodeRef> {
    let mut found = Vec::new();
    let mut next = root.first_child();
    while let Some(n) = next {
        next = if wanted(&n) {
            found.push(n.clone());
            next_skipping_children(&n, root)
        } else {
            next_in_order(&n, root)
        };
    }
    found
}

/// True when the node is hidden by its own attributes.
pub(crate) fn is_hidden(node: &NodeRef) -> bool {
    let Some(el) = node.as_element() else {
        return false;
    };
    let attrs = el.attributes.borrow();
    if get(&attrs, "hidden").is_some() {
        return true;
    }
    if get(&attrs, "aria-hidden").is_some_and(|v| v.trim() == "true")
        && !get(&attrs, "class").is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    // A phrase hidden by class at every width ([`HIDDEN_PHRASE_CLASS`]).
    if get(&attrs, "class").is_some_and(|c| c.trim() == HIDDEN_PHRASE_CLASS)
        && is(node, HIDDEN_PHRASE_TAGS)
    {
        return true;
    }
    // A block hidden by class at every width ([`HIDDEN_CLASSES`]).
    if get(&attrs, "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| HIDDEN_CLASSES.contains(&t))
    }) {
        return true;
    }
    get(&attrs, "style").is_some_and(hides_by_style)
}

/// Whether `node` is hidden by its `hidden` attribute or an inline style: how a page's script
/// hides what it shows later (not `aria-hidden`, said of decoration, nor a class).
pub(crate) fn hidden_by_page(node: &NodeRef) -> bool {
    has_attr(node, "hidden") || attr(node, "style").is_some_and(|s| hides_by_style(&s))
}

/// Whether an inline `style` hides its element (`display:none`, `visibility:hidden`).
pub(crate) fn hides_by_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Phrasing content (text, inline elements, and links or edits holding only such): what
/// a paragraph is made of.
pub(crate) fn is_phrasing(n: &NodeRef) -> bool {
    if n.as_text().is_some() {
        return true;
    }
    let t = tag(n);
    PHRASING_ELEMS.contains(&t)
        || (matches!(t, "a" | "del" | "ins")
            && n.walk_descendants().all(|d| {
                let dt = tag(&d);
                dt.is_empty() || PHRASING_ELEMS.contains(&dt) || matches!(dt, "a" | "del" | "ins")
            }))
}

/// The document's `<body>` (html5ever always creates one).
pub(crate) fn body(document: &NodeRef) -> Option<NodeRef> {
    document
        .walk_descendants()
        .find_node(&mut |n| is_html(n, &["body"]))
}

#[cfg(test)]
mod fold_tests {
    use super::{fold_len, fold_whitespace, Fold};

    #[test]
    fn folded_length_of_ascii_in_eight_byte_steps_matches_the_folded_text() {
        let alphabet = [
            ' ', '\t', '\n', '\x0b', '\x0c', '\r', 'a', 'Z', '.', '\x01', '\x7f', '~', '\x1f', '!',
        ];
        let mut texts = crate::testing::Texts::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| texts.below(n);
        for _ in 0..20_000 {
            let len = next(40);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(
                fold_len(&text),
                folded_slowly(&text).chars().count(),
                "{text:?}"
            );
            // Counted in pieces (a block's text nodes), the joins fold as in the whole.
            let cut = next(len + 1);
            let mut fold = Fold::default();
            fold.add(&text[..cut]);
            fold.add(&text[cut..]);
            assert_eq!(fold.len, fold_len(&text), "{text:?} cut at {cut}");
        }
    }

    #[test]
    fn capped_length_is_exact_up_to_the_cap_and_past_it_beyond() {
        let long = "Ünïcödé  words   and\tspaces é ".repeat(100);
        let html = format!("<p>{long}<b>{long}</b></p>");
        let doc = crate::parse::parse(&html, &crate::Options::default()).unwrap();
        let p = doc.select_first("p").unwrap().as_node().clone();
        let whole = super::text_len(&p);
        assert_eq!(super::text_len_capped(&p, whole), whole);
        assert_eq!(super::text_len_capped(&p, usize::MAX), whole);
        for cap in [0, 1, 255, 256, 300, 3_000, whole - 1] {
            assert!(super::text_len_capped(&p, cap) > cap, "{cap}");
        }
    }

    /// What `fold_whitespace` does, one character at a time.
    fn folded_slowly(s: &str) -> String {
        s.split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn folded_length_counts_characters_and_knows_every_unicode_space() {
        let spaces = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace());
        let others = [
            'é', '中', '😀', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{2030}', '\u{3001}',
        ];
        for c in spaces.chain(others) {
            let text = format!("  a{c}b {c}{c} c\u{A0}{c}");
            assert_eq!(fold_whitespace(&text), folded_slowly(&text), "{c:?}");
            assert_eq!(
                fold_len(&text),
                fold_whitespace(&text).chars().count(),
                "{:?}",
                c
            );
        }
    }

    #[test]
    fn folded_text_holds_no_whitespace_but_single_spaces() {
        // (The lead search takes a folded text's spaces out to squash it: `select::Lead`.)
        let pieces = [
            "ab", " ", "  ", "\t\n", "\x0b", "\x1c", "é", "\u{A0}", "\u{3000}", "\u{2028}", "中文",
        ];
        let mut texts = crate::testing::Texts::new(0x1F12_3BB5_159A_55E5);
        for _ in 0..2000 {
            let folded = fold_whitespace(&texts.text(&pieces, 12));
            assert!(
                folded.chars().all(|c| c == ' ' || !c.is_whitespace()) && !folded.contains("  "),
                "{folded:?}"
            );
        }
    }

    #[test]
    fn folded_length_of_mixed_runs_matches_the_folded_text() {
        let pieces = [
            "ab", "c", " ", "  ", "\t\n", "\x01", "\x7f", "é", "\u{A0}", "\u{3000}", "中文", "!?",
        ];
        let mut texts = crate::testing::Texts::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..2000 {
            let text = texts.text(&pieces, 12);
            assert_eq!(
                fold_len(&text),
                fold_whitespace(&text).chars().count(),
                "{text:?}"
            );
            assert_eq!(fold_whitespace(&text), folded_slowly(&text), "{text:?}");
        }
    }
}

#[cfg(test)]
mod run_tests {
    use super::plain_run_end;

    #[test]
    fn a_plain_run_read_on_ends_where_one_read_from_its_start_does() {
        let pieces = [
            "a", "Bc", " ", "  ", "\t", "\n", "é", ".", "\x01", "xyzw1234", "\x7f",
        ];
        let mut texts = crate::testing::Texts::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let count = texts.below(12);
            let text = texts.text(&pieces, count);
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                let mut end = i;
                while end < bytes.len() && bytes[end] > b' ' && bytes[end] < 0x80 {
                    end += 1;
                }
                if end > i {
                    assert_eq!(
                        super::plain_run_on(bytes, end),
                        plain_run_end(bytes, i, |_| false),
                        "{text:?} {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_plain_run_goes_through_single_spaces_and_stops_at_anything_else() {
        let end = |s: &str, i| plain_run_end(s.as_bytes(), i, |b| b == b'*');
        assert_eq!(end("one two three", 0), 13);
        assert_eq!(end("one two  three", 0), 7);
        assert_eq!(end("one two ", 0), 7);
        assert_eq!(end("one tw*o", 0), 6);
        assert_eq!(end("one été", 0), 3);
        assert_eq!(end(" one", 0), 0);
        assert_eq!(end("*one", 0), 0);
        assert_eq!(end("a\tb", 0), 1);
    }
}

#[cfg(test)]
mod count_tests {
    use super::count_chars_in;

    #[test]
    fn characters_of_a_set_are_counted_in_any_script() {
        let set = [',', '\u{060C}', '\u{FF0C}', '\u{2E41}'];
        for text in [
            "",
            "no commas here",
            "one, two, three",
            "Grüße, schöne Welt, ja",
            "一，二，三、四",
            "واحد، اثنان، ثلاثة",
            "⹁ mixed ⹁, 😀, é",
        ] {
            let expected = text.chars().filter(|c| set.contains(c)).count();
            assert_eq!(count_chars_in(text, &set), expected, "{text}");
        }
    }
}

#[cfg(test)]
mod text_start_tests {
    use super::{normalized_text, normalized_text_start};

    #[test]
    fn the_start_of_a_blocks_text_is_a_prefix_of_its_text_at_least_as_long_as_asked() {
        let html = "<div>  One\n <b>two </b>  <i> three</i> <p>four  five</p> six</div>";
        let div = crate::testing::first(html, "div");
        let whole = normalized_text(&div);
        assert_eq!(whole, "One two three four five six");
        for bytes in 0..=whole.len() + 2 {
            let start = normalized_text_start(&div, bytes);
            assert!(whole.starts_with(&start), "{start:?}");
            assert!(start.len() >= bytes.min(whole.len()), "{bytes}: {start:?}");
        }
    }
}

#[cfg(test)]
mod clone_tests {
    use super::{attr, deep_clone, Walk};

    #[test]
    fn a_snapshot_has_every_element_and_attribute_and_changes_apart_from_the_original() {
        let html = r#"<div id="a" class="x y" data-n="1"><p title="t">One <b>two</b></p><template><i>t</i></template></div>"#;
        let div = crate::testing::first(html, "div");
        let copy = deep_clone(&div);
        assert_eq!(copy.to_string(), div.to_string());
        let p = copy
            .walk_descendants()
            .find(|n| super::is(n, &["p"]))
            .unwrap();
        assert_eq!(attr(&p, "title").as_deref(), Some("t"));
        if let Some(el) = p.as_element() {
            el.attributes.borrow_mut().insert("title", "changed".into());
        }
        let original_p = div
            .walk_descendants()
            .find(|n| super::is(n, &["p"]))
            .unwrap();
        assert_eq!(attr(&original_p, "title").as_deref(), Some("t"));
    }
}

#[cfg(test)]
mod normalized_text_tests {
    use super::{fold_whitespace, normalized_text, Walk};

    #[test]
    fn folds_across_text_nodes_as_the_whole_text_would() {
        let html = "<div> One<b> two </b>\n<i></i>three<span> </span>\u{a0}<p>\tfour</p> é <em>x</em></div>";
        let doc = crate::parse::parse(html, &crate::Options::default()).unwrap();
        for n in doc.walk_inclusive() {
            assert_eq!(normalized_text(&n), fold_whitespace(&n.text_contents()));
        }
    }
}

#[cfg(test)]
mod folded_blocks_tests {
    use super::{normalized_text, text_len, FoldedBlocks};

    #[test]
    fn each_block_s_range_of_one_fold_is_its_own_folded_text() {
        // Nested blocks, whitespace at their edges and between them (ASCII and not), empty
        // blocks, text beside blocks: every block's range says what folding it alone says.
        let pieces = [
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<span>",
            "</span>",
            " ",
            "\n\t",
            "\u{a0}",
            "a",
            "word",
            "été",
            "<b> x </b>",
            "<i></i>",
            "  ",
            ".",
        ];
        let mut texts = crate::testing::Texts::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..300 {
            let count = 1 + texts.below(40);
            let html = format!("<body><main>{}</main></body>", texts.text(&pieces, count));
            let main = crate::testing::first(&html, "main");
            let folded = FoldedBlocks::new(&main, &|d| super::is(d, &["div", "p", "span", "b"]));
            assert_eq!(folded.text, normalized_text(&main), "{html}");
            for (i, block) in folded.blocks.iter().enumerate() {
                assert_eq!(folded.text(i), normalized_text(block), "{html}");
                assert_eq!(folded.text(i).chars().count(), text_len(block), "{html}");
            }
        }
    }
}

#[cfg(test)]
mod last_where_tests {
    use super::{has_text, last_where, tag};

    #[test]
    fn the_last_node_found_from_the_end_is_the_last_in_document_order() {
        let html = "<div><p>one <b>two</b></p><section><h2>three</h2><p> </p></section>\
                    <!-- four --></div>";
        let div = crate::testing::first(html, "div");
        let last = last_where(&div, &|n| n.as_text().is_some() && has_text(n)).unwrap();
        assert_eq!(&*last.as_text().unwrap().borrow(), "three");
        let element = last_where(&div, &|n| n.as_element().is_some()).unwrap();
        assert_eq!(tag(&element), "p");
        assert!(last_where(&div, &|n| tag(n) == "table").is_none());
    }
}
