//! A list page's entries: when the article is a run of siblings built alike, found while
//! selecting (`select::escalate_repeated_items`: a listing's story summaries, a feed of
//! papers, the posts of a thread that does not say it is one), each entry's parts are the
//! list's text, not the page's navigation, whatever their links: bylines, linked titles,
//! author lines. Conditional cleaning's link rules set such parts aside instead of removing
//! them, as if removed (so the blocks around them are judged as before), and
//! [`Entries::put_back`] returns them where their place is still in the article.

use crate::dom;
use crate::marks::THREAD_ITEM_ATTR;
use kuchikiki::NodeRef;

/// Whether the article's entries are kept, and the blocks of them set aside.
#[derive(Default)]
pub(super) struct Entries {
    /// The page does not say it is a discussion.
    on: bool,
    /// Pairs of a placeholder and the block set aside in its place.
    aside: Vec<NodeRef>,
}

impl Entries {
    /// For an article that is not a discussion's.
    pub(super) fn new(on: bool) -> Entries {
        Entries {
            on,
            aside: Vec::new(),
        }
    }

    /// Whether `node`, which conditional cleaning would remove, is in an entry of a list
    /// ([`THREAD_ITEM_ATTR`]): then it is set aside in place of a placeholder, as if removed.
    pub(super) fn set_aside(&mut self, node: &NodeRef) -> bool {
        let listed = self.on
            && dom::any_inclusive_ancestor(node, &mut |a| dom::has_attr(a, THREAD_ITEM_ATTR));
        if listed {
            let mark = dom::new_html_element("span", Vec::new());
            node.insert_before(mark.clone());
            node.detach();
            self.aside.push(mark);
            self.aside.push(node.clone());
        }
        listed
    }

    /// Puts the blocks set aside back in place of their placeholders, those still in
    /// `content` (a block around one may have gone: the entry goes with it), the last set
    /// aside first, as it may hold the placeholders of earlier ones. Returns the length of
    /// the text put back, without which the article is what the rules alone leave.
    pub(super) fn put_back(mut self, content: &NodeRef) -> usize {
        let mut kept = 0;
        while let (Some(node), Some(mark)) = (self.aside.pop(), self.aside.pop()) {
            if dom::any_ancestor(&mark, &mut |a| a == content) {
                kept += dom::text_len(&node);
                mark.insert_before(node);
            }
            mark.detach();
        }
        kept
    }
}
