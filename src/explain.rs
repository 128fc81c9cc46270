//! The removal log: which blocks a stage removed and by which rule (`--explain`).
//!
//! Stages call [`Explain::remove`] instead of detaching nodes themselves, so every removal
//! decision carries its reason. When explaining is off the log records nothing and costs one
//! branch per removal. With [`Explain::with_blocks`] it also keeps each removed block itself
//! ([`Taken`]), for the reader's "Removed" panel and for site rules that keep a block.

use crate::article::Removal;
use crate::dom;
use crate::rule::Rule;
use crate::tunables::REMOVED_PREVIEW_CHARS;
use kuchikiki::NodeRef;

/// A removed block kept aside: the detached subtree, its rule, and its index in the page.
#[derive(Debug)]
pub(crate) struct Taken {
    pub node: NodeRef,
    pub rule: Rule,
    pub index: Option<usize>,
}

/// Collects [`Removal`]s when enabled, and [`Taken`] blocks when asked.
#[derive(Debug, Default)]
pub(crate) struct Explain {
    enabled: bool,
    blocks: bool,
    removals: Vec<Removal>,
    taken: Vec<Taken>,
}

impl Explain {
    pub(crate) fn new(enabled: bool) -> Self {
        Self::with_blocks(enabled, false)
    }

    /// A log that also keeps the removed blocks (not those of the sanitiser, which are unsafe
    /// or unsupported, nor the page's code) when `blocks`.
    pub(crate) fn with_blocks(enabled: bool, blocks: bool) -> Self {
        Explain {
            enabled,
            blocks,
            removals: Vec::new(),
            taken: Vec::new(),
        }
    }

    /// Whether removed blocks are kept aside (and with them the page indexes of the kept ones).
    pub(crate) fn blocks(&self) -> bool {
        self.blocks
    }

    /// Records that `node` is removed by `rule`, without removing it.
    pub(crate) fn record(&mut self, node: &NodeRef, rule: Rule, detail: &dyn Fn() -> String) {
        if !self.enabled && !self.blocks {
            return;
        }
        self.record_with(node, rule, detail);
    }

    fn record_with(&mut self, node: &NodeRef, rule: Rule, detail: &dyn Fn() -> String) {
        let Some(el) = node.as_element() else { return };
        let index = crate::blocks::index_of(node);
        if self.blocks && rule.stage() != "sanitise" && rule != Rule::NonContentElement {
            self.taken.push(Taken {
                node: node.clone(),
                rule,
                index,
            });
        }
        if !self.enabled {
            return;
        }
        let text = dom::normalized_text(node);
        let preview: String = text.chars().take(REMOVED_PREVIEW_CHARS).collect();
        self.removals.push(Removal {
            stage: rule.stage(),
            rule,
            detail: detail(),
            tag: el.name.local.to_string(),
            preview,
            index,
        });
    }

    /// Records and detaches `node`.
    pub(crate) fn remove(&mut self, node: &NodeRef, rule: Rule, detail: &dyn Fn() -> String) {
        self.record(node, rule, detail);
        node.detach();
    }

    /// Appends the removals of another log (the attempt that won).
    pub(crate) fn extend(&mut self, other: Explain) {
        self.removals.extend(other.removals);
        self.taken.extend(other.taken);
    }

    /// The blocks kept aside so far (the log goes on recording).
    pub(crate) fn take_blocks(&mut self) -> Vec<Taken> {
        std::mem::take(&mut self.taken)
    }

    pub(crate) fn into_removals(self) -> Vec<Removal> {
        self.removals
    }
}
