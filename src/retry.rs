//! The retry policy of [`crate::find_article`]: which class-based rules an attempt applies.
//! When the article comes out shorter than [`crate::Options::char_threshold`], the next attempt
//! relaxes one more rule (on the page parsed and prepared afresh), in the order of
//! [`Flags::ATTEMPTS`]. Scoring, selection and cleaning read the flags; only `find_article`
//! chooses them.

/// Which class-based rules are active. Attempts relax them in order when the article
/// comes out too short (pages whose body sits in a `class="comments-area"`-like wrapper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
    /// The page says it is a discussion (a forum thread, a Q&A page): its replies and
    /// comments are the content, not boilerplate. Set from the metadata, not relaxed.
    pub discussion: bool,
    /// The page says it sells one product (schema.org `Product`, `og:type` product) and not
    /// that it is a story: its customers' reviews are not its text. Set from the metadata.
    pub product: bool,
    /// The page says it sells a product, whether or not it also says it is a story (a shop
    /// that dates its product pages): its text is its description. Set from the metadata.
    pub sells: bool,
    /// The page says it is one story (`og:type` article, a publication date): its text may
    /// run on in sections no paragraph's score reaches. Set from the metadata.
    pub story: bool,
}

impl Flags {
    /// The attempts in order: everything on, then without unlikely-stripping, then without
    /// class weights, then without conditional cleaning.
    pub(crate) const ATTEMPTS: [Flags; 4] = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
            discussion: false,
            product: false,
            sells: false,
            story: false,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
            discussion: false,
            product: false,
            sells: false,
            story: false,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
            discussion: false,
            product: false,
            sells: false,
            story: false,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
            discussion: false,
            product: false,
            sells: false,
            story: false,
        },
    ];
}
