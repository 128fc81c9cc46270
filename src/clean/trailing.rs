//! Removal of trailing sections: a heading that opens teasers or comments, with what follows;
//! a heading a story ends with, titling nothing; a product page's rows of other products; a
//! hub's footer and reviews.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::retry::Flags;
use crate::rule::Rule;
use crate::stats::link_density;
use crate::tunables::{
    CLOSING_CONTENT, CLOSING_HEADINGS_MAX, CLOSING_HEADING_MAX_CHARS, CURRENCY_SIGNS,
    HUB_FOOTER_MAX_DEPTH, HUB_FOOTER_MAX_SHARE, HUB_FOOTER_TOKENS, OTHER_PRODUCTS_MIN_CARDS,
    OTHER_PRODUCTS_SECTION_MAX_EXTRA, OTHER_PRODUCTS_SECTION_MAX_LEVELS,
    OTHER_PRODUCT_CARD_MAX_CHARS, OTHER_PRODUCT_CARD_MAX_NODES, REVIEWS_HEADING,
    TRAILING_SECTION_HEADING, TRAILING_SECTION_MAX_HEADINGS,
};
use kuchikiki::NodeRef;

/// Ours: a heading that opens a block of teasers or comments ("Recent News", "Related
/// Articles", "Leave a Comment") goes with what follows it in its container, when that is
/// mostly links, a form, or nothing. On a product page ([`Flags::product`]) the customers'
/// reviews go the same way, whatever their link density.
pub(super) fn remove_trailing_sections(content: &NodeRef, flags: Flags, explain: &mut Explain) {
    let headings: Vec<NodeRef> = dom::descendants_where(content, &|d| {
        dom::is(d, &["h2", "h3", "h4", "h5", "h6", "p", "div", "strong"])
            && dom::text_len_capped(d, 60) <= 60
    });
    let mut asked = 0;
    for h in headings {
        if h.parent().is_none() || guards_protected(&h) {
            continue;
        }
        let text = dom::normalized_text(&h);
        let reviews = flags.product && REVIEWS_HEADING.is_match(&text);
        if text.is_empty() || !(reviews || TRAILING_SECTION_HEADING.is_match(&text)) {
            continue;
        }
        // Each such heading measures what follows it: a page has a few, and a page of
        // thousands is not measured thousands of times over.
        if asked == TRAILING_SECTION_MAX_HEADINGS {
            break;
        }
        asked += 1;
        // A paragraph or div counts as a heading only when it is all bold or all heading.
        if dom::is(&h, &["p", "div"])
            && !h
                .walk_descendants()
                .any_node(&mut |d| dom::is(d, &["strong", "b", "h2", "h3", "h4", "h5", "h6"]))
        {
            continue;
        }
        let followers: Vec<NodeRef> = h
            .following_siblings()
            .filter(|s| s.as_element().is_some() || dom::has_text(s))
            .collect();
        // Protected content (code, a data table, the notes list) never goes with it.
        if followers.iter().any(guards_protected) {
            continue;
        }
        let total: usize = followers.iter().map(dom::text_len).sum();
        let linked: f64 = followers
            .iter()
            .map(|f| link_density(f) * dom::text_len(f) as f64)
            .sum();
        if reviews || total == 0 || linked / total as f64 >= 0.5 {
            let rule = if reviews {
                Rule::CustomerReviews
            } else {
                Rule::TrailingSection
            };
            let detail = text.clone();
            for f in followers {
                explain.remove(&f, rule, &|| detail.clone());
            }
            explain.remove(&h, rule, &|| text.clone());
        }
    }
}

/// Ours: on a story, a heading the article ends with titles nothing: what it titled was
/// removed (a teaser list under "Also on …", a comment form under "What do you think?").
/// It goes, and so does the heading before it if that one is now last, up to
/// [`CLOSING_HEADINGS_MAX`]. Only a short one ([`CLOSING_HEADING_MAX_CHARS`]): a long
/// "heading" holds a card's or a pitch's text. Called on stories only: on listing and shop
/// pages a last card's title is a heading whose card was all its text.
pub(super) fn remove_closing_headings(content: &NodeRef, explain: &mut Explain) {
    for _ in 0..CLOSING_HEADINGS_MAX {
        let Some(last) = dom::last_where(content, &|d| match d.as_element() {
            Some(_) => dom::is(d, CLOSING_CONTENT),
            None => dom::has_text(d),
        }) else {
            return;
        };
        let Some(h) = last
            .ancestors()
            .take_while(|a| a != content)
            .find(|a| dom::is(a, dom::HEADINGS))
        else {
            return;
        };
        if guards_protected(&h)
            || dom::text_len_capped(&h, CLOSING_HEADING_MAX_CHARS) > CLOSING_HEADING_MAX_CHARS
        {
            return;
        }
        explain.remove(&h, Rule::ClosingHeading, &|| dom::normalized_text(&h));
    }
}

/// Ours: on a product page ([`Flags::product`]), a row of other products' cards ("Similar
/// items", "People who viewed this item also viewed", a seller's other items) goes: a block
/// of at least [`OTHER_PRODUCTS_MIN_CARDS`] children, half of them or more cards (a link and
/// a price in under [`OTHER_PRODUCT_CARD_MAX_CHARS`] characters). The product's own price
/// box is one block, not a row. The outermost row goes; rows inside it are not looked at.
pub(super) fn remove_other_products(content: &NodeRef, explain: &mut Explain) {
    for r in dom::outermost(content, is_row_of_cards) {
        let r = row_section(r, content);
        explain.remove(&r, Rule::OtherProducts, &|| "a row of products".into());
    }
}

/// The row's section: the row with its title and its "See all" link, the outermost of at most
/// [`OTHER_PRODUCTS_SECTION_MAX_LEVELS`] ancestors holding under
/// [`OTHER_PRODUCTS_SECTION_MAX_EXTRA`] characters besides the row (each asked that far only).
fn row_section(row: NodeRef, content: &NodeRef) -> NodeRef {
    let own = dom::text_len(&row);
    let mut section = row;
    for _ in 0..OTHER_PRODUCTS_SECTION_MAX_LEVELS {
        match section.parent() {
            Some(p)
                if &p != content
                    && dom::text_len_capped(&p, own + OTHER_PRODUCTS_SECTION_MAX_EXTRA)
                        < own + OTHER_PRODUCTS_SECTION_MAX_EXTRA =>
            {
                section = p
            }
            _ => break,
        }
    }
    section
}

fn is_row_of_cards(node: &NodeRef) -> bool {
    let mut kids = 0;
    let mut cards = 0;
    for c in node.children().filter(|c| c.as_element().is_some()) {
        kids += 1;
        cards += usize::from(is_card(&c));
    }
    cards >= OTHER_PRODUCTS_MIN_CARDS && 2 * cards >= kids
}

/// A short block holding a link and a price. (Its walk stops at
/// [`OTHER_PRODUCT_CARD_MAX_NODES`] nodes: each child of each block is asked once.)
fn is_card(node: &NodeRef) -> bool {
    let mut link = false;
    for (i, d) in node.walk_inclusive().enumerate() {
        if i == OTHER_PRODUCT_CARD_MAX_NODES {
            return false;
        }
        link |= dom::is(&d, &["a"]);
    }
    link && dom::text_len_capped(node, OTHER_PRODUCT_CARD_MAX_CHARS) < OTHER_PRODUCT_CARD_MAX_CHARS
        && holds_price(&dom::normalized_text(node))
}

/// A currency sign ([`CURRENCY_SIGNS`]) with a digit after or before it (`$12`, `€ 163.12`,
/// `12,99 €`).
fn holds_price(text: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    text.char_indices().any(|(i, c)| {
        CURRENCY_SIGNS.contains(&c)
            && (digit(text[i + c.len_utf8()..].trim_start().chars().next())
                || digit(text[..i].trim_end().chars().next_back()))
    })
}

/// On a product page shown whole (a hub, `hub_page` in lib.rs), its customers' reviews go
/// ([`crate::score::is_reviews_block`]), as scoring removes them from the page it reads.
/// One walk, skipping what it removes.
pub(crate) fn remove_hub_reviews(root: &NodeRef, log: &mut Explain) {
    let reviews = dom::outermost(root, |n| {
        n.as_element().is_some() && crate::score::is_reviews_block(n, &dom::class_and_id(n))
    });
    for n in reviews {
        log.remove(&n, Rule::CustomerReviews, &|| "customer reviews".into());
    }
}

/// On a page shown whole (a list or feed hub, `hub_page` in lib.rs), the site's footer at its
/// end goes ([`HUB_FOOTER_TOKENS`]): from `root`, the last element children named as a footer
/// are removed, and the walk goes on into the last child left with text, at most
/// [`HUB_FOOTER_MAX_DEPTH`] levels down; never into one of a run of alike siblings (a list's
/// last entry keeps its own footer). Linear in the spine's children.
pub(crate) fn remove_hub_footers(root: &NodeRef, log: &mut Explain) {
    let mut footers = Vec::new();
    let mut node = root.clone();
    for _ in 0..HUB_FOOTER_MAX_DEPTH {
        let mut next = None;
        let mut child = node.last_child();
        while let Some(c) = child {
            child = c.previous_sibling();
            if c.as_element().is_none() {
                continue;
            }
            let names = dom::class_and_id(&c).to_ascii_lowercase();
            if dom::tag(&c) == "footer" || HUB_FOOTER_TOKENS.iter().any(|t| names.contains(t)) {
                footers.push(c);
            } else if dom::has_text(&c) {
                next = Some(c);
                break;
            }
        }
        let Some(n) = next else { break };
        // One of alike siblings (a list's last entry): its footer is the entry's.
        let alike = |s: &NodeRef| {
            dom::tag(s) == dom::tag(&n) && dom::attr(s, "class") == dom::attr(&n, "class")
        };
        let mut prev = n.previous_sibling();
        while prev.as_ref().is_some_and(|p| p.as_element().is_none()) {
            prev = prev.and_then(|p| p.previous_sibling());
        }
        if prev.is_some_and(|p| alike(&p)) {
            break;
        }
        node = n;
    }
    // A "footer" holding most of the page is not the site's chrome (a page drawn by a script
    // leaves only its footer; a wrapper named for its sticky footer).
    let len: usize = footers.iter().map(dom::text_len).sum();
    if len as f64 > HUB_FOOTER_MAX_SHARE * dom::text_len(root) as f64 {
        return;
    }
    for c in footers {
        log.remove(&c, Rule::PageHeaderFooter, &|| {
            "the hub's trailing footer".into()
        });
        c.detach();
    }
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean, clean_with, PROSE};
    use crate::Rule;

    #[test]
    fn a_related_heading_goes_with_the_links_after_it() {
        // (On the last attempt, so that conditional cleaning does not take the links first.)
        let (html, rules) = clean_with(
            &format!(
                "<div>{PROSE}<h3>Related Articles</h3><ul><li><a href=\"/x\">Another story \
                 entirely</a></li></ul></div>"
            ),
            Flags::ATTEMPTS[3],
        );
        assert!(!html.contains("Related"), "{html}");
        assert!(!html.contains("Another story"), "{html}");
        assert!(
            rules.iter().all(|r| *r == Rule::TrailingSection),
            "{rules:?}"
        );
    }

    #[test]
    fn a_price_is_a_sign_beside_a_number() {
        for t in ["$12.99", "€ 163.12", "12,99 €", "from £5"] {
            assert!(super::holds_price(t), "{t}");
        }
        for t in ["Save $$$", "EUR 12", "5 stars"] {
            assert!(!super::holds_price(t), "{t}");
        }
    }

    #[test]
    fn a_related_heading_before_prose_stays() {
        let (html, _) = clean(&format!("<div><h3>Related Articles</h3>{PROSE}</div>"));
        assert!(html.contains("Related Articles"), "{html}");
    }

    fn story() -> Flags {
        Flags {
            story: true,
            ..Flags::ATTEMPTS[0]
        }
    }

    #[test]
    fn a_heading_a_story_ends_with_goes() {
        let (html, rules) = clean_with(
            &format!(
                "<div>{PROSE}{PROSE}</div><section><h2>Meditation <em>resources</em></h2></section>"
            ),
            story(),
        );
        assert!(!html.contains("Meditation"), "{html}");
        assert_eq!(rules, [Rule::ClosingHeading]);
    }

    #[test]
    fn a_heading_over_a_picture_at_a_storys_end_stays() {
        let (html, _) = clean_with(
            &format!("{PROSE}{PROSE}<h2>The harbour at dawn</h2><img src=\"harbour.jpg\">"),
            story(),
        );
        assert!(html.contains("The harbour at dawn"), "{html}");
    }

    #[test]
    fn a_last_heading_stays_on_a_page_that_is_no_story() {
        let (html, _) = clean(&format!("{PROSE}{PROSE}<h2>Meditation resources</h2>"));
        assert!(html.contains("Meditation resources"), "{html}");
    }

    #[test]
    fn a_long_heading_a_story_ends_with_stays() {
        let pitch = "Start building today: teams at over 500,000 organizations use it every day";
        let (html, _) = clean_with(&format!("{PROSE}{PROSE}<h2>{pitch}</h2>"), story());
        assert!(html.contains(pitch), "{html}");
    }
}
