//! Removals by where a block's links go, whatever its class says: share and follow bars, their
//! links to the social networks' share endpoints and profiles.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::rule::Rule;
use crate::tunables::{LINK_BAR_BLOCKS, LINK_BAR_MAX_CHARS, SOCIAL_BAR_MAX_OWN, SOCIAL_LINK};
use kuchikiki::NodeRef;

/// Whether `d` is a share or follow bar: a block of at most `max_chars` characters, at least
/// two links, nearly all [`SOCIAL_LINK`]s, and little text outside them.
fn is_social_bar(d: &NodeRef, max_chars: usize) -> bool {
    if !dom::is(d, LINK_BAR_BLOCKS) || dom::text_len_capped(d, max_chars) > max_chars {
        return false;
    }
    let (mut links, mut social) = (0, 0);
    for a in d.walk_descendants() {
        // A headline with its share buttons is the article's head: the buttons go by other
        // rules, or stay.
        if dom::is(&a, &["h1"]) {
            return false;
        }
        if let Some(to_social) = link_target(&a) {
            links += 1;
            social += usize::from(to_social);
        }
    }
    social >= 2
        && social * 5 >= links * 4
        && dom::text_len(d).saturating_sub(dom::linked_len(d)) <= SOCIAL_BAR_MAX_OWN
}

/// For a link that goes somewhere, whether it goes to a social network ([`SOCIAL_LINK`]);
/// `None` for any other node, and for a button (`javascript:print()`, `#`), which goes nowhere.
fn link_target(a: &NodeRef) -> Option<bool> {
    if !dom::is(a, &["a"]) {
        return None;
    }
    // (The address read in place, not copied.)
    let el = a.as_element()?;
    let attrs = el.attributes.borrow();
    let href = dom::get(&attrs, "href")
        .filter(|h| !h.starts_with('#') && !h.starts_with("javascript:"))?;
    Some(SOCIAL_LINK.is_match(href))
}

/// Ours: share and follow bars told by their links' targets, not by their class (the outermost
/// block so read; never one holding half the article's text).
pub(super) fn remove_social_bars(content: &NodeRef, explain: &mut Explain) {
    // A bar holds two social links at least: an article with fewer holds none, and its blocks
    // are not measured one by one.
    if content
        .walk_descendants()
        .filter(|a| link_target(a) == Some(true))
        .nth(1)
        .is_none()
    {
        return;
    }
    // The article's length matters only below twice the bar's limit: counted that far.
    let max_chars =
        LINK_BAR_MAX_CHARS.min(dom::text_len_capped(content, 2 * LINK_BAR_MAX_CHARS) / 2);
    for n in dom::outermost(content, |d| is_social_bar(d, max_chars)) {
        if !guards_protected(&n) {
            explain.remove(&n, Rule::ShareBar, &|| dom::class_and_id(&n));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean_with, PROSE};
    use crate::tunables::SOCIAL_LINK;
    use crate::Rule;

    // (On the last attempt, so that conditional cleaning does not take the rows first.)
    fn clean(body: &str) -> (String, Vec<Rule>) {
        clean_with(&format!("{PROSE}{body}"), Flags::ATTEMPTS[3])
    }

    #[test]
    fn social_links_are_share_endpoints_and_profiles_not_posts_or_videos() {
        for href in [
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fa",
            "https://twitter.com/intent/tweet?url=x",
            "//www.linkedin.com/shareArticle?mini=true&url=x",
            "https://pinterest.com/pin/create/button/?url=x",
            "https://api.whatsapp.com/send?text=x",
            "whatsapp://send?text=x",
            "mailto:?subject=A%20story&body=https%3A%2F%2Fexample.com",
            "https://x.com/example",
            "https://www.instagram.com/example/",
            "https://www.linkedin.com/company/example",
            "https://www.youtube.com/@example",
        ] {
            assert!(SOCIAL_LINK.is_match(href), "{href}");
        }
        for href in [
            "https://x.com/example/status/123",
            "https://www.instagram.com/p/abc/",
            "https://www.youtube.com/watch?v=abc",
            "mailto:desk@example.com",
            "https://example.com/share",
            "/about/",
        ] {
            assert!(!SOCIAL_LINK.is_match(href), "{href}");
        }
    }

    /// `body`, after a story, is a share or follow bar: its `text` goes, by that rule alone.
    fn assert_goes_as_share_bar(body: &str, text: &str) {
        let (html, rules) = clean(body);
        assert!(!html.contains(text), "{html}");
        assert_eq!(rules, [Rule::ShareBar]);
    }

    #[test]
    fn a_row_of_share_links_goes_whatever_its_class() {
        assert_goes_as_share_bar(
            "<div class=\"x1f3a\"><a href=\"https://www.facebook.com/sharer/sharer.php?u=a\">\
             Facebook</a> <a href=\"https://twitter.com/intent/tweet?url=a\">Post</a> \
             <a href=\"mailto:?subject=A%20story\">Email</a> \
             <a href=\"javascript:window.print()\">Print</a></div>",
            "Facebook",
        );
    }

    #[test]
    fn a_follow_line_of_profile_links_goes() {
        assert_goes_as_share_bar(
            "<p>Follow us: <a href=\"https://www.instagram.com/example/\">Instagram</a> \
             <a href=\"https://x.com/example\">X</a></p>",
            "Follow us",
        );
    }

    #[test]
    fn prose_that_links_profiles_stays() {
        let (html, rules) = clean(
            "<p>The band, which <a href=\"https://x.com/example\">posted</a> the news first, \
             said on <a href=\"https://www.instagram.com/example/\">Instagram</a> that the \
             tour would go ahead in the spring.</p>",
        );
        assert!(html.contains("tour would go ahead"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_headline_with_share_links_stays() {
        let (html, rules) = clean(
            "<div><h1>The plan goes ahead</h1>\
             <a href=\"https://www.facebook.com/sharer/sharer.php?u=a\">Share</a> \
             <a href=\"https://twitter.com/intent/tweet?url=a\">Post</a></div>",
        );
        assert!(html.contains("The plan goes ahead"), "{html}");
        assert!(!rules.contains(&Rule::ShareBar), "{rules:?}");
    }

    #[test]
    fn a_list_of_videos_stays() {
        let (html, rules) = clean(
            "<ul><li><a href=\"https://www.youtube.com/watch?v=a\">The first talk</a></li>\
             <li><a href=\"https://www.youtube.com/watch?v=b\">The second talk</a></li></ul>",
        );
        assert!(html.contains("second talk"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }
}
