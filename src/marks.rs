//! The `data-lectern-*` marks: attributes one stage sets on the tree for a later stage to read
//! (a node to protect, a table that holds data, ...). All of them are here so that what a stage
//! leaves for the next is visible in one place; the sanitiser drops every one of them, since
//! `data-*` attributes are not on its allowlist.

/// Marks nodes that later class- and link-density rules must not remove.
pub(crate) const PROTECT_ATTR: &str = "data-lectern-protect";

/// Marks the box around a sign-up form the preparation removed (`tunables::SIGNUP_BOX`):
/// cleaning takes it out of the article (`form-inputs`, "sign-up box").
pub(crate) const SIGNUP_BOX_ATTR: &str = "data-lectern-signup-box";

/// Marks `<article>`s that carry their own headline: separate stories (infinite scroll).
pub(crate) const STORY_ATTR: &str = "data-lectern-story";

/// Marks what precedes the headline the scoring removed as the title's copy (the heading's
/// earlier siblings, and its ancestors' up to [`crate::tunables::HEADLINE_LEVELS`]): what
/// the chosen article holds of it sits above its story (`clean::kickers`).
pub(crate) const BEFORE_HEADLINE_ATTR: &str = "data-lectern-before-headline";

/// Marks tables judged to hold data (not layout).
pub(crate) const DATA_TABLE_ATTR: &str = "data-lectern-table";

/// Marks the posts of a thread chosen as the article: cleaning does not take a post for a
/// comment by its class (`class="comment"` is what forum software calls a reply), nor, on a
/// page that is not a discussion's, an entry's linked lines for navigation (`clean::entries`).
pub(crate) const THREAD_ITEM_ATTR: &str = "data-lectern-thread-item";

/// Marks a post's author box and date (`box`), which its author's line (`line`) repeats:
/// removed after cleaning (so that the blocks around them are measured as they were), and
/// the line with them when the post kept no other text.
pub(crate) const POST_AUTHOR_ATTR: &str = "data-lectern-post-author";

/// Marks a box built like the next one (same tag and class) that a negatively classed box
/// of running prose found: conditional cleaning walks a pass's blocks from the last, so the
/// run's first box learns it is one of a run after the box next to it is gone.
pub(crate) const ALIKE_ATTR: &str = "data-lectern-alike";

/// The attribute that carries an element's index in the original document while explaining.
pub(crate) const INDEX_ATTR: &str = "data-lectern-index";

/// Classes with this prefix are the reader's own (`lectern-video`, `lectern-post`: the renderer
/// styles them). The page's are dropped before any stage sets ours, so a page cannot fake the
/// reader's UI (a "Video:" link of its own).
pub(crate) const RESERVED_CLASS_PREFIX: &str = "lectern-";
