//! The learned block filter (issue 17): the last pass of cleaning. It decides, for each block
//! of the cleaned article (a paragraph, heading, list, table, or a `div` of inline text), whether
//! it is boilerplate that survived the rules (the tail of a related-links list, shipping and
//! spec lines, an author's bio, a teaser line, a form's notes), and drops it only when the
//! model is confident.
//!
//! Why a model: these leaks share no class name or phrase a rule could name, but they look
//! alike in their measures (short, linked, far from the article's run of prose, at its end).
//! The model is a logistic regression over [`FEATURES`] cheap measures of a block and its
//! place in the article, trained offline on the wcxb corpus's tune pages only
//! (`node tools/train/blocks.mjs`, see `docs/evaluation.md`); its weights are compiled in
//! (`learned_weights.rs`, generated). A block goes when its probability of being boilerplate
//! is above [`LEARNED_MIN_LOG_ODDS`] (as log-odds); never the article's longest block of prose, never
//! more than [`LEARNED_MAX_SHARE`] of the article's text, never a protected block.

use super::guards_protected;
use super::learned_weights::{BIAS, WEIGHTS};
use crate::dom;
use crate::explain::Explain;
use crate::rule::Rule;
use crate::stats::link_density;
use crate::tunables::{
    LEARNED_MAX_SHARE, LEARNED_MIN_LOG_ODDS, NEGATIVE, POSITIVE, SENTENCE_END_MARKS,
};
use kuchikiki::NodeRef;

/// How many measures a block has (the length of [`WEIGHTS`]).
pub(crate) const FEATURES: usize = 28;

/// Elements that hold blocks rather than being one, when all they hold is blocks.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "header", "center", "hgroup", "span",
];

/// A block of the article and what is measured of it before its neighbours are known.
struct Block {
    node: NodeRef,
    chars: usize,
    words: usize,
    link_density: f64,
    /// Prose: a paragraph-like block of some length, few links, ending a sentence.
    prose: bool,
    /// Ends with a mark of [`SENTENCE_END_MARKS`] (or a full-width one).
    sentence_end: bool,
    text: String,
    /// Class/id hits on the block or its ancestors inside the article: negative, positive.
    negative: bool,
    positive: bool,
    own_negative: bool,
}

/// The blocks of `content`, in order: the children of containers that hold only blocks.
fn blocks(content: &NodeRef, out: &mut Vec<NodeRef>) {
    for child in dom::element_children(content) {
        if dom::is(&child, CONTAINERS) && holds_only_blocks(&child) {
            blocks(&child, out);
        } else if dom::has_text(&child) {
            out.push(child);
        }
    }
}

fn holds_only_blocks(node: &NodeRef) -> bool {
    node.children().all(|c| match c.as_element() {
        Some(el) => dom::is_text_block(&el.name.local) || !dom::has_text(&c),
        None => c.as_text().is_none_or(|t| t.borrow().trim().is_empty()),
    })
}

fn measure(node: NodeRef, content: &NodeRef) -> Block {
    let text = dom::normalized_text(&node);
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let link_density = link_density(&node);
    let sentence_end = text
        .trim_end_matches(|c: char| "\"'”’)»]".contains(c))
        .ends_with(|c: char| SENTENCE_END_MARKS.contains(&c) || "。！？".contains(c));
    let prose = dom::is(&node, &["p", "div", "blockquote"])
        && chars >= 80
        && link_density < 0.3
        && sentence_end;
    let (mut negative, mut positive) = (false, false);
    let mut own_negative = false;
    for a in node.inclusive_ancestors() {
        if a == *content {
            break;
        }
        let m = dom::class_and_id(&a);
        let neg = NEGATIVE.is_match(&m);
        if a == node {
            own_negative = neg;
        }
        negative |= neg;
        positive |= POSITIVE.is_match(&m);
    }
    Block {
        node,
        chars,
        words,
        link_density,
        prose,
        sentence_end,
        text,
        negative,
        positive,
        own_negative,
    }
}

/// The measures of every block of `content`, with the blocks.
fn featurise(content: &NodeRef) -> (Vec<Block>, Vec<[f32; FEATURES]>) {
    let mut nodes = Vec::new();
    blocks(content, &mut nodes);
    let blocks: Vec<Block> = nodes.into_iter().map(|n| measure(n, content)).collect();
    let n = blocks.len();
    let total: usize = blocks.iter().map(|b| b.chars).sum::<usize>().max(1);
    // The longest run of consecutive prose blocks (headings between them do not break it).
    let (mut run, mut best) = ((0, 0, 0), (0, 0, 0)); // (start, end, chars)
    for (i, b) in blocks.iter().enumerate() {
        if b.prose {
            if run.2 == 0 {
                run = (i, i, 0);
            }
            run.1 = i;
            run.2 += b.chars;
            if run.2 > best.2 {
                best = run;
            }
        } else if !dom::is(&b.node, &["h1", "h2", "h3", "h4", "h5", "h6"]) {
            run = (0, 0, 0);
        }
    }
    let last_prose = blocks.iter().rposition(|b| b.prose);
    let first_prose = blocks.iter().position(|b| b.prose);
    let mut before = 0usize;
    let mut out = Vec::with_capacity(n);
    for (i, b) in blocks.iter().enumerate() {
        let mut f = [0f32; FEATURES];
        let chars = b.chars.max(1) as f32;
        let (mut digits, mut upper, mut letters, mut commas) = (0usize, 0usize, 0usize, 0usize);
        for c in b.text.chars() {
            if c.is_ascii_digit() {
                digits += 1;
            } else if c.is_alphabetic() {
                letters += 1;
                upper += c.is_ascii_uppercase() as usize;
            } else if c == ',' || c == '、' || c == '،' {
                commas += 1;
            }
        }
        let (items, item_chars) = if dom::is(&b.node, &["ul", "ol", "dl"]) {
            let items: Vec<NodeRef> = dom::element_children(&b.node).collect();
            let len: usize = items.iter().map(dom::text_len).sum();
            (items.len(), len / items.len().max(1))
        } else {
            (0, 0)
        };
        let tag = dom::tag(&b.node);
        let repeated = blocks
            .iter()
            .filter(|o| o.chars > 0 && o.text == b.text)
            .count()
            > 1;
        let after = total.saturating_sub(before + b.chars);
        let distance = if best.2 == 0 {
            1.0
        } else if i < best.0 {
            (best.0 - i) as f32 / n as f32
        } else if i > best.1 {
            (i - best.1) as f32 / n as f32
        } else {
            0.0
        };
        // (Ratios `x / (x + k)` rather than logarithms: no float library in the wasm.)
        let sat = |x: usize, k: f32| x as f32 / (x as f32 + k);
        let values = [
            sat(b.chars, 100.0),
            sat(b.words, 20.0),
            b.link_density as f32,
            b.sentence_end as u8 as f32,
            b.prose as u8 as f32,
            digits as f32 / chars,
            upper as f32 / letters.max(1) as f32,
            (commas as f32 / b.words.max(1) as f32).min(1.0),
            matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") as u8 as f32,
            matches!(tag, "ul" | "ol" | "dl") as u8 as f32,
            (tag == "table") as u8 as f32,
            matches!(tag, "pre" | "blockquote" | "figure") as u8 as f32,
            (tag == "p") as u8 as f32,
            i as f32 / n as f32,
            before as f32 / total as f32,
            after as f32 / total as f32,
            distance,
            last_prose.is_some_and(|l| i > l) as u8 as f32,
            first_prose.is_some_and(|l| i < l) as u8 as f32,
            b.negative as u8 as f32,
            b.own_negative as u8 as f32,
            b.positive as u8 as f32,
            repeated as u8 as f32,
            sat(items, 5.0),
            sat(item_chars, 50.0),
            b.chars as f32 / total as f32,
            sat(total, 3000.0),
            sat(n, 20.0),
        ];
        f.copy_from_slice(&values);
        before += b.chars;
        out.push(f);
    }
    (blocks, out)
}

/// The model's log-odds that a block with measures `f` is boilerplate (its probability is
/// `1 / (1 + e^-z)`; compared as log-odds, no exponential is needed).
fn log_odds(f: &[f32; FEATURES]) -> f32 {
    BIAS + f
        .iter()
        .zip(WEIGHTS.iter())
        .map(|(x, w)| x * w)
        .sum::<f32>()
}

/// Drops the blocks of `content` the model holds for boilerplate (see the module's text).
pub(super) fn remove_learned_boilerplate(content: &NodeRef, explain: &mut Explain) {
    let (blocks, features) = featurise(content);
    #[cfg(feature = "internals")]
    if dump::take(&blocks, &features) {
        return;
    }
    let total: usize = blocks.iter().map(|b| b.chars).sum();
    let main = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.prose)
        .max_by_key(|(_, b)| b.chars)
        .map(|(i, _)| i);
    let mut dropped = 0usize;
    for (i, (b, f)) in blocks.iter().zip(&features).enumerate() {
        if Some(i) == main || b.chars == 0 {
            continue;
        }
        let z = log_odds(f);
        if z < LEARNED_MIN_LOG_ODDS
            || (dropped + b.chars) as f64 > LEARNED_MAX_SHARE * total as f64
            || guards_protected(&b.node)
        {
            continue;
        }
        dropped += b.chars;
        explain.remove(&b.node, Rule::LearnedBoilerplate, || {
            format!("boilerplate log-odds {}", z as i32)
        });
    }
}

/// The feature dump for training (`lectern::internals::block_features`): while a dump is
/// asked for, the filter records every block with its measures and removes nothing.
#[cfg(feature = "internals")]
pub(crate) mod dump {
    use super::{Block, FEATURES};
    use kuchikiki::NodeRef;
    use std::cell::RefCell;

    thread_local! {
        static DUMP: RefCell<Option<Vec<(NodeRef, [f32; FEATURES])>>> = const { RefCell::new(None) };
    }

    /// Starts recording (the last cleaning's blocks are kept).
    pub(crate) fn start() {
        DUMP.with(|d| *d.borrow_mut() = Some(Vec::new()));
    }

    /// Stops recording; the blocks of the last cleaning and their measures.
    pub(crate) fn finish() -> Vec<(NodeRef, [f32; FEATURES])> {
        DUMP.with(|d| d.borrow_mut().take()).unwrap_or_default()
    }

    pub(super) fn take(blocks: &[Block], features: &[[f32; FEATURES]]) -> bool {
        DUMP.with(|d| match d.borrow_mut().as_mut() {
            Some(rows) => {
                *rows = (blocks.iter().zip(features))
                    .map(|(b, f)| (b.node.clone(), *f))
                    .collect();
                true
            }
            None => false,
        })
    }
}
