//! The removal log: which blocks a stage removed and by which rule (`--explain`).
//!
//! Stages call [`Explain::remove`] instead of detaching nodes themselves, so every removal
//! decision carries its reason. When explaining is off the log records nothing and costs one
//! branch per removal.

use crate::article::Removal;
use crate::dom;
use crate::dom::Walk;
use crate::marks::INDEX_ATTR;
use crate::rule::Rule;
use kuchikiki::traits::*;
use kuchikiki::NodeRef;

/// Collects [`Removal`]s when enabled.
#[derive(Debug, Default)]
pub(crate) struct Explain {
    enabled: bool,
    removals: Vec<Removal>,
}

impl Explain {
    pub(crate) fn new(enabled: bool) -> Self {
        Explain {
            enabled,
            removals: Vec::new(),
        }
    }

    /// Numbers every element in document order, so removals can point back into the original
    /// page. Only when enabled: it touches every element.
    pub(crate) fn number_elements(&self, document: &NodeRef) {
        if !self.enabled {
            return;
        }
        for (i, el) in document.walk_descendants().elements().enumerate() {
            el.attributes.borrow_mut().insert(INDEX_ATTR, i.to_string());
        }
    }

    /// Records that `node` is removed by `rule`, without removing it.
    pub(crate) fn record(&mut self, node: &NodeRef, rule: Rule, detail: impl FnOnce() -> String) {
        if !self.enabled {
            return;
        }
        let Some(el) = node.as_element() else { return };
        let index = el
            .attributes
            .borrow()
            .get(INDEX_ATTR)
            .and_then(|v| v.parse().ok());
        let text = dom::normalized_text(node);
        let preview: String = text.chars().take(80).collect();
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
    pub(crate) fn remove(&mut self, node: &NodeRef, rule: Rule, detail: impl FnOnce() -> String) {
        self.record(node, rule, detail);
        node.detach();
    }

    /// Appends the removals of another log (the attempt that won).
    pub(crate) fn extend(&mut self, other: Explain) {
        self.removals.extend(other.removals);
    }

    pub(crate) fn into_removals(self) -> Vec<Removal> {
        self.removals
    }
}
