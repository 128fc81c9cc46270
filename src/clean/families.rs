//! Removals by boilerplate family: blocks whose class or id tokens name related teasers,
//! newsletters, comments, promotions, tags, author bios or disclaimers.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{POST_AUTHOR_ATTR, THREAD_ITEM_ATTR};
use crate::retry::Flags;
use crate::rule::Rule;
use crate::tunables::{
    BOILERPLATE_MAX_SHARE, BOILERPLATE_TOKENS, COMMENT_FAMILY, MAX_BYLINE_CHARS, POST_PROFILE,
    POST_SIGNATURE, STORY_BOX_TOKENS, TEASER_MAX_SHARE, TEASER_MIN_CHARS, TEASER_TOKENS,
};
use kuchikiki::NodeRef;

/// [`BOILERPLATE_TOKENS`] by their first byte and by their last, each group in the list's
/// order: a part or a name is compared with the tokens that begin or end as it does, not with
/// the whole list (a class name's every part went through the list's hundred-odd tokens).
struct TokenIndex {
    by_first: Vec<Vec<&'static str>>,
    by_last: Vec<Vec<&'static str>>,
}

fn token_index() -> &'static TokenIndex {
    static INDEX: std::sync::OnceLock<TokenIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = TokenIndex {
            by_first: vec![Vec::new(); 256],
            by_last: vec![Vec::new(); 256],
        };
        for t in crate::words::unpacked(BOILERPLATE_TOKENS).filter(|t| !t.is_empty()) {
            let b = t.as_bytes();
            index.by_first[usize::from(b[0])].push(t);
            index.by_last[usize::from(b[b.len() - 1])].push(t);
        }
        index
    })
}

/// The first boilerplate token among a node's class and id tokens ([`BOILERPLATE_TOKENS`],
/// with `teasers` [`TEASER_TOKENS`], and on a `story` [`STORY_BOX_TOKENS`] ending a name).
pub(super) fn boilerplate_token(
    node: &NodeRef,
    teasers: bool,
    story: bool,
) -> Option<&'static str> {
    // A heading's anchor spelled from its own words names its topic (`score::is_own_anchor`).
    // (Headings only are asked for their anchor: no copy of every other node's id.)
    let own_anchor = dom::is(node, dom::HEADINGS)
        && dom::attr(node, "id").is_some_and(|id| crate::score::is_own_anchor(node, &id));
    let mut m = if own_anchor {
        dom::attr(node, "class").unwrap_or_default()
    } else {
        dom::class_and_id(node)
    };
    if m.is_empty() {
        return None;
    }
    m.make_ascii_lowercase();
    // A class's parts first (`author-jane` does not match `author-bio`), then its tokens of
    // several parts, which end the class name or are it, whatever the separators
    // (`blog-author-box`, `cs-entry__author-info`, `author_box`, `u-sr-only`): not a name that
    // goes on (`read-more-content` is the text a button unfolds), nor Tailwind's
    // `not-sr-only`, which undoes `sr-only`.
    let index = token_index();
    let more: &[&'static str] = if teasers { TEASER_TOKENS } else { &[] };
    let boxes: &[&'static str] = if story { STORY_BOX_TOKENS } else { &[] };
    let mut name = String::new();
    for class in m.split_whitespace() {
        // The class with each run of other characters as one `-`.
        name.clear();
        for part in class.split(|c: char| !c.is_ascii_alphanumeric()) {
            let Some(&first) = part.as_bytes().first() else {
                continue;
            };
            if let Some(t) = index.by_first[usize::from(first)]
                .iter()
                .chain(more)
                .find(|t| **t == part)
            {
                return Some(t);
            }
            if !name.is_empty() {
                name.push('-');
            }
            name.push_str(part);
        }
        let Some(&last) = name.as_bytes().last() else {
            continue;
        };
        if let Some(t) = index.by_last[usize::from(last)]
            .iter()
            .chain(more)
            .chain(boxes)
            .find(|t| {
                name.strip_suffix(**t).is_some_and(|head| {
                    head.is_empty() || (head.ends_with('-') && !head.ends_with("not-"))
                })
            })
        {
            return Some(t);
        }
    }
    None
}

/// Whether a teaser token ([`TEASER_TOKENS`]) appears anywhere in the node's class or id, in
/// any case: what [`boilerplate_token`] needs to find one, asked without its lowercased copy
/// and split names (the share of teasers is counted over every node of the article, before
/// the blocks are asked one by one).
fn may_name_teaser(node: &NodeRef) -> bool {
    let Some(el) = node.as_element() else {
        return false;
    };
    let attrs = el.attributes.borrow();
    ["class", "id"]
        .iter()
        .filter_map(|a| attrs.get(*a))
        .any(|v| {
            TEASER_TOKENS.iter().any(|t| {
                v.as_bytes()
                    .windows(t.len())
                    .any(|w| w.eq_ignore_ascii_case(t.as_bytes()))
            })
        })
}

/// Ours: blocks whose class/id tokens name a boilerplate family, unless they hold a large
/// share of the article (then the token describes the page, not the block).
/// On a discussion page ([`Flags::discussion`]) the comment family is the content; in a
/// `thread` the posts' signatures ([`POST_SIGNATURE`]) and phpBB's poster boxes
/// ([`POST_PROFILE`]) go.
pub(super) fn remove_boilerplate_families(
    content: &NodeRef,
    flags: Flags,
    thread: bool,
    explain: &mut Explain,
) {
    // The article's length as the pass begins, measured when first asked (before the first
    // removal): most articles hold no block it is asked for.
    let mut measured = None;
    let mut total = || *measured.get_or_insert_with(|| dom::text_len(content).max(1) as f64);
    // Teasers and pitches are a small part of a story: blocks so named that hold more of the
    // article together are a list page's entries. (Their text is counted up to that share.)
    let teasers = {
        let mut cap = usize::MAX;
        let mut held = 0usize;
        // The outermost blocks so named, each measured once (a nest of them is not walked
        // once per level).
        let mut at = content.first_child();
        while let Some(d) = at {
            if held > cap {
                break;
            }
            if may_name_teaser(&d)
                && boilerplate_token(&d, true, false).is_some_and(|t| TEASER_TOKENS.contains(&t))
            {
                if cap == usize::MAX {
                    cap = (total() * BOILERPLATE_MAX_SHARE) as usize;
                }
                held += dom::text_len_capped(&d, cap + 1 - held);
                at = dom::next_skipping_children(&d, content);
            } else {
                at = dom::next_in_order(&d, content);
            }
        }
        // (No block so named: nothing held.)
        held <= cap
    };
    let mut node = content.first_child();
    while let Some(n) = node {
        if n.as_element().is_some()
            && !dom::is(
                &n,
                &[
                    "a", "span", "em", "strong", "b", "i", "code", "pre", "img", "figure",
                ],
            )
        {
            // In a thread, a post's signature (`signature`, `message-signature`,
            // `postsignature`) is its author's, not the post; not a Q&A site's card that
            // names the post's author (`post-signature`), which the post's author line
            // replaces after cleaning (`select::head_post`).
            // A block whose `data-role` says it is a signature (ends with the word, in
            // either case: Invision's `memberSignature`, not a `signature-pad`), on a thread
            // of two posts too, is one on any page.
            let signature = || {
                (thread
                    && (POST_SIGNATURE.is_match(&dom::class_and_id(&n))
                        || POST_PROFILE.is_match(&dom::class_and_id(&n)))
                    || dom::attr(&n, "data-role")
                        .is_some_and(|r| r.ends_with("ignature") && POST_SIGNATURE.is_match(&r)))
                    && !n
                        .walk_inclusive()
                        .chain(n.ancestors())
                        .any(|d| dom::has_attr(&d, POST_AUTHOR_ATTR))
            };
            if let Some(token) = boilerplate_token(&n, teasers, flags.story)
                .filter(|t| {
                    let reply = flags.discussion && COMMENT_FAMILY.is_match(t);
                    !reply && !dom::has_attr(&n, THREAD_ITEM_ATTR)
                })
                .or_else(|| signature().then_some("signature"))
                .or_else(|| is_author_bio(&n).then_some("itemprop=author"))
            {
                let len = dom::text_len(&n);
                let share = len as f64 / total();
                // A teaser or a pitch says something in a few lines: not a button's label
                // ("View photo", "Learn more"), nor a section of the page.
                let teaser = TEASER_TOKENS.contains(&token);
                // (A post's signature is its author's however short the post: no share.)
                let max = if token == "signature" {
                    1.0
                } else if teaser {
                    TEASER_MAX_SHARE
                } else {
                    BOILERPLATE_MAX_SHARE
                };
                if share <= max && !(teaser && len < TEASER_MIN_CHARS) && !guards_protected(&n) {
                    let next = dom::next_skipping_children(&n, content);
                    explain.remove(&n, Rule::BoilerplateClass, &|| {
                        format!("{token} ({}% of text)", (share * 100.0).round() as u32)
                    });
                    node = next;
                    continue;
                }
            }
        }
        node = dom::next_in_order(&n, content);
    }
}

/// Ours: an author's box marked up as schema.org microdata: an element that is the page's
/// `author`, a `Person`, and holds more text than a byline ([`MAX_BYLINE_CHARS`]): the name
/// with a bio, as WordPress's author-box plugins set it, whatever their classes. A byline
/// marked up alike is shorter and stays. (The text is counted up to the cap: nested author
/// elements cost no more than their number.)
fn is_author_bio(node: &NodeRef) -> bool {
    let words = |name: &str, word: &str| {
        dom::attr(node, name).is_some_and(|v| v.split_ascii_whitespace().any(|w| w.ends_with(word)))
    };
    words("itemprop", "author")
        && words("itemtype", "/Person")
        && dom::text_len_capped(node, MAX_BYLINE_CHARS) >= MAX_BYLINE_CHARS
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean, clean_with, PROSE};
    use crate::Rule;

    const COMMENTS: &str = "<div class=\"comments\"><p>I disagree with this, strongly.</p></div>";

    #[test]
    fn a_block_named_for_a_boilerplate_family_goes() {
        let (html, rules) = clean(&format!("{PROSE}{PROSE}{COMMENTS}"));
        assert!(!html.contains("I disagree"), "{html}");
        assert_eq!(rules, [Rule::BoilerplateClass]);
    }

    /// A block of `class` after two paragraphs of prose goes as a boilerplate family.
    fn assert_goes_as_boilerplate(class: &str) {
        let (html, rules) = clean(&format!(
            "{PROSE}{PROSE}<div class=\"{class}\"><p>Seven things to know about it.</p></div>"
        ));
        assert!(!html.contains("Seven things"), "{class}: {html}");
        assert_eq!(rules, [Rule::BoilerplateClass], "{class}");
    }

    /// A story's background box, named for one (`…-article-infobox`, `factbox`,
    /// `inline-textbox`), on a page that says it is a story.
    fn story_box(class: &str, story: bool) -> (String, Vec<Rule>) {
        let flags = Flags {
            story,
            ..Flags::ATTEMPTS[0]
        };
        clean_with(
            &format!(
                "{PROSE}{PROSE}<div class=\"{class}\"><h3>The Central Committee</h3>\
                 <p>The committee is the highest body of the lay movement and speaks for it in \
                 public debate.</p></div>{PROSE}"
            ),
            flags,
        )
    }

    #[test]
    fn a_storys_info_box_named_for_one_goes() {
        for class in ["pane-single-article-infobox", "factbox", "a-inline-textbox"] {
            let (html, rules) = story_box(class, true);
            assert!(!html.contains("highest body"), "{class}: {html}");
            assert_eq!(rules, [Rule::BoilerplateClass], "{class}");
        }
    }

    #[test]
    fn info_boxes_stay_on_a_page_that_is_no_story_or_where_the_name_goes_on() {
        // A landing page's feature boxes (`infobox--left-align`, `infobox-row`), and any box
        // on a page that does not say it is a story.
        for (class, story) in [
            ("infobox--left-align", true),
            ("infobox-row", true),
            ("editions-infoboxes", true),
            ("article-infobox", false),
        ] {
            let (html, rules) = story_box(class, story);
            assert!(html.contains("highest body"), "{class}: {html}");
            assert!(rules.is_empty(), "{class}: {rules:?}");
        }
    }

    #[test]
    fn a_comment_section_named_in_the_sites_own_language_goes() {
        for class in [
            "kommentare",
            "commentaires",
            "comentarios",
            "reacties",
            "komentarze",
        ] {
            assert_goes_as_boilerplate(class);
        }
    }

    #[test]
    fn blocks_named_as_content_systems_name_their_furniture_go() {
        // Lists of other posts, the furniture around a post, a footer's line.
        for class in [
            "wp-block-latest-posts",
            "PopularPosts",
            "read-next",
            "mod_newslist",
            "news-list-view",
            "entry-meta",
            "cat-links",
            "wp-block-tag-cloud",
            "article-info muted",
            "moduletable",
            "post-ufi",
            "site-copyright",
        ] {
            assert_goes_as_boilerplate(class);
        }
    }

    #[test]
    fn an_author_box_and_a_signup_box_go() {
        let (html, rules) = clean(&format!(
            "{PROSE}{PROSE}<div class=\"author-info\"><p>Jane Roe covers city hall.</p></div>\
             <div class=\"inline-signup\"><p>The top stories in your inbox.</p></div>"
        ));
        assert!(!html.contains("Jane Roe"), "{html}");
        assert!(!html.contains("inbox"), "{html}");
        assert_eq!(rules, [Rule::BoilerplateClass, Rule::BoilerplateClass]);
    }

    #[test]
    fn on_a_discussion_page_the_comment_family_is_not_boilerplate() {
        // (Without class weights, so that only this family's rule is asked.)
        let flags = Flags {
            discussion: true,
            ..Flags::ATTEMPTS[2]
        };
        // (Two paragraphs that differ: in a thread a repeated one goes.)
        let other = PROSE.replace("Tuesday", "Friday");
        let (html, rules) = clean_with(&format!("{PROSE}{other}{COMMENTS}"), flags);
        assert!(html.contains("I disagree"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }
}
