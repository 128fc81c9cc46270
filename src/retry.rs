//! The retry policy of [`crate::find_article`]: which class-based rules an attempt applies.
//! When the article comes out shorter than [`crate::Options::char_threshold`], the next attempt
//! relaxes one more rule (on the page parsed and prepared afresh), in the order of
//! [`Flags::ATTEMPTS`]. Scoring, selection and cleaning read the flags; only `find_article`
//! chooses them.
//!
//! An attempt that relaxes only rules the attempt before it never acted on would repeat it
//! exactly, and is not made ([`Flags::repeats`]): a grid of cards or a thread of posts whose
//! lists are kept against conditional cleaning goes through every attempt, each a parse, a
//! score and a cleaning of the whole page (a 40,000-post thread was read four times over).

use std::cell::Cell;

/// What an attempt's relaxable rules found to act on, noted as they run ([`note_unlikely`],
/// [`note_weighed`]) and read by `find_article` ([`take_effects`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Effects {
    /// An element named as unlikely (the scoring walk met one: with `strip_unlikely` off,
    /// selection also looks for such boxes around the alternatives).
    pub unlikely: bool,
    /// A class weight other than zero.
    pub weighed: bool,
}

thread_local! {
    static EFFECTS: Cell<Effects> = const { Cell::new(Effects { unlikely: false, weighed: false }) };
}

/// Notes that the scoring walk met an element named as unlikely.
pub(crate) fn note_unlikely() {
    EFFECTS.with(|e| {
        e.set(Effects {
            unlikely: true,
            ..e.get()
        })
    });
}

/// Notes a class weight other than zero.
pub(crate) fn note_weighed() {
    EFFECTS.with(|e| {
        e.set(Effects {
            weighed: true,
            ..e.get()
        })
    });
}

#[cfg(test)]
thread_local! {
    /// The attempts `find_article` made on this thread, for the tests.
    pub(crate) static MADE: Cell<usize> = const { Cell::new(0) };
}

/// What was noted since the last call (and starts afresh).
pub(crate) fn take_effects() -> Effects {
    EFFECTS.with(|e| e.replace(Effects::default()))
}

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
    /// Whether an attempt with `next` would do exactly what the attempt with these flags did,
    /// given what that one's rules found to act on (`did`): it differs only in rules that
    /// acted on nothing. Unlikely-stripping also removes a product page's reviews, so it
    /// counts as acting there.
    pub(crate) fn repeats(self, next: Flags, did: Effects) -> bool {
        let mut same = self;
        if !did.unlikely && !self.product {
            same.strip_unlikely = next.strip_unlikely;
        }
        if !did.weighed {
            same.weight_classes = next.weight_classes;
        }
        same == next
    }

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

#[cfg(test)]
mod tests {
    use super::{Effects, Flags, MADE};
    use crate::{extract, Options};

    #[test]
    fn an_attempt_relaxing_only_rules_that_acted_on_nothing_repeats_the_one_before() {
        let [first, second, third, fourth] = Flags::ATTEMPTS;
        let idle = Effects::default();
        assert!(first.repeats(second, idle));
        assert!(first.repeats(third, idle));
        assert!(
            !first.repeats(fourth, idle),
            "conditional cleaning is never skipped"
        );
        let unlikely = Effects {
            unlikely: true,
            ..idle
        };
        assert!(!first.repeats(second, unlikely));
        assert!(second.repeats(third, unlikely));
        let weighed = Effects {
            weighed: true,
            ..idle
        };
        assert!(first.repeats(second, weighed));
        assert!(!second.repeats(third, weighed));
        // Unlikely-stripping also takes a product page's reviews.
        let product = Flags {
            product: true,
            ..first
        };
        assert!(!product.repeats(
            Flags {
                product: true,
                ..second
            },
            idle
        ));
    }

    #[test]
    fn a_grid_of_cards_with_no_unlikely_or_weighted_names_is_read_twice_not_four_times() {
        // Every card is an entry kept against conditional cleaning, so each attempt comes out
        // short and the next relaxes a rule; no name is unlikely and no class weighs, so only
        // the last relaxation (conditional cleaning) can change the article.
        let cards: String = (0..60)
            .map(|i| {
                format!(
                    "<div class=card><a href=/p/{i}><img src=/i/{i}.jpg alt=\"item {i}\"></a>\
                     <h3><a href=/p/{i}>Kettle number {i}</a></h3>\
                     <p>A steel kettle that boils water quickly and quietly.</p>\
                     <span class=price>${i}.99</span><a class=btn href=/cart?add={i}>Add to cart</a></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><main><h1>Kettles</h1><div class=grid>{cards}</div></main></body></html>"
        );
        MADE.with(|m| m.set(0));
        let article = extract(&html, &Options::default()).unwrap();
        assert!(article.content.contains("Kettle number 59"));
        assert_eq!(MADE.with(|m| m.get()), 2);
    }
}
