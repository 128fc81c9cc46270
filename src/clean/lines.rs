//! Removals of short lines: notices, calls to action and teaser labels, lone date lines (not in a thread,
//! where a date is a post's), and paragraphs that are nothing but a link to another article.

use super::guards_protected;
use crate::dom;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::{POST_AUTHOR_ATTR, THREAD_ITEM_ATTR};
use crate::rule::Rule;
use crate::score::has_block_descendant;
use crate::stats::link_density;
use crate::tunables::{
    AD_WORDS, AUTHOR_BIO, AUTHOR_BIO_MAX_CHARS, AUTHOR_BIO_MIN_CHARS, AUTHOR_BIO_TAIL_BLOCKS,
    AUTHOR_BOX_MAX_AFTER_SHARE, AUTHOR_BOX_MAX_CHARS, AUTHOR_PHOTO_LABELS, BOILERPLATE_LINE,
    BOILERPLATE_LINE_MAX_CHARS, BOILERPLATE_PHRASE, CREDIT_LINE, CREDIT_LINE_MAX_CHARS, DATE_LINE,
    DATE_LINE_BLOCKS, DATE_LINE_MAX_CHARS, LINKED_SENTENCE_MIN_WORDS, LONG_POST_META_PREFIX,
    NOTICE, NOTICE_MAX_CHARS, POST_ACTIONS, POST_MARK_BLOCKS, POST_MARK_LINE, POST_META,
    POST_NUMBER,
};
use crate::words::LowerText;
use kuchikiki::NodeRef;

/// A thread's post headed by its author's line (`select::head_post`): not a step of a page of
/// steps built alike.
fn headed_post(node: &NodeRef) -> bool {
    dom::has_attr(node, THREAD_ITEM_ATTR)
        && dom::element_children(node).any(|c| dom::has_attr(&c, POST_AUTHOR_ATTR))
}

/// The whole block of `b`, whose text is `len` long: from `<span>` up through wrappers with
/// no other text.
fn whole_block(b: &NodeRef, content: &NodeRef, len: usize) -> NodeRef {
    let mut block = b.clone();
    while let Some(parent) = block.parent().filter(|p| p != content) {
        if dom::text_len_capped(&parent, len) != len {
            break;
        }
        block = parent;
    }
    block
}

/// Ours: short blocks that are calls to action or teaser labels ("Read more: …", "Share
/// this", "Advertisement", "Tags: …") and short paragraphs that are nothing but a link
/// (teaser headlines between the article's paragraphs). In a `thread`, also the posts'
/// numbers ([`POST_NUMBER`]).
pub(super) fn remove_boilerplate_lines(content: &NodeRef, thread: bool, explain: &mut Explain) {
    // Every block's text from one fold of the article's (nested blocks each measured and
    // folded their own). A removal leaves the texts of the blocks after it as they were:
    // those are not around it (they come after it in document order), and those inside it
    // keep theirs.
    let dom::FoldedBlocks {
        text: all,
        blocks,
        ranges,
    } = dom::FoldedBlocks::new(content, &|d| {
        dom::is(
            d,
            &[
                "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "td",
                "small",
            ],
        )
    });
    // The last block whose text no pattern matched, and its length: a block inside it with
    // text as long has the same text (it is part of it), and is not asked again (a reference
    // list's `<li><span><cite>` chains asked the same patterns three times over).
    let mut unmatched: Option<(NodeRef, usize)> = None;
    // (Each block let go once asked, as the list of blocks was: a block in a removed block
    // that nothing holds any more has no parent, and is not asked.)
    for (b, &(start, end)) in blocks.into_iter().zip(&ranges) {
        if b.parent().is_none() {
            continue;
        }
        let text = &all[start..end];
        // Its length up to the longest asked (a character is at most four bytes).
        let len = if text.len() > 4 * NOTICE_MAX_CHARS {
            NOTICE_MAX_CHARS + 1
        } else {
            text.chars().count()
        };
        if len > NOTICE_MAX_CHARS || len == 0 {
            continue;
        }
        let same_text = unmatched
            .as_ref()
            .is_some_and(|(n, l)| *l == len && b.parent().as_ref() == Some(n));
        if !same_text {
            // Protected blocks stay; asked only of a block about to go, as the question walks
            // the block's ancestors and its whole inside.
            let removable = || !guards_protected(&b);
            let lower = LowerText::new(text);
            if NOTICE.matches(&lower) {
                if removable() {
                    explain.remove(&b, Rule::Notice, &|| text.to_string());
                }
                continue;
            }
            if len > BOILERPLATE_LINE_MAX_CHARS
                && !lower
                    .as_str()
                    .trim_start()
                    .starts_with(LONG_POST_META_PREFIX)
            {
                unmatched = Some((b.clone(), len));
                continue;
            }
            if BOILERPLATE_LINE.matches(&lower)
                || BOILERPLATE_PHRASE.matches(&lower)
                // (Not a heading: "Vote", "Share" or "Context" may title a section.)
                || (POST_ACTIONS.matches(&lower)
                    && lower.as_str().chars().any(char::is_alphabetic)
                    && !is_heading_title(&b))
                || POST_META.matches(&lower)
                || (thread && POST_NUMBER.matches(&lower))
                || AD_WORDS.matches(&lower)
            {
                if removable() {
                    explain.remove(&b, Rule::BoilerplateLine, &|| text.to_string());
                }
                continue;
            }
            if thread
                && POST_MARK_LINE.matches(&lower)
                && dom::any_ancestor(&b, &mut |a| headed_post(a))
            {
                let block = whole_block(&b, content, len);
                if dom::is(&block, POST_MARK_BLOCKS) {
                    if removable() {
                        explain.remove(&block, Rule::BoilerplateLine, &|| text.to_string());
                    }
                    continue;
                }
            }
            if len <= CREDIT_LINE_MAX_CHARS && CREDIT_LINE.matches(&lower) {
                // A credit in the block of the photo it names ("<img>Getty Images / Jane
                // Roe", a layout table's photo cell): the credit goes, the photo stays.
                if removable() {
                    if holds_media(&b) {
                        remove_beside_media(&b, explain, text);
                    } else {
                        explain.remove(&b, Rule::BoilerplateLine, &|| text.to_string());
                    }
                }
                continue;
            }
            // A date alone is the dateline, which the header shows; only whole blocks, never a
            // date inside a sentence. Not in a thread: there it is a post's date ("Posted
            // March 19, 2024", a reply's "2019-02-24, 05:31 PM"), part of the post as its
            // author is, and the page's header shows the first post's date only.
            if !thread && len <= DATE_LINE_MAX_CHARS && DATE_LINE.matches(&lower) {
                let block = whole_block(&b, content, len);
                if dom::is(&block, DATE_LINE_BLOCKS) {
                    if removable() {
                        explain.remove(&block, Rule::DateLine, &|| text.to_string());
                    }
                    continue;
                }
            } else {
                unmatched = Some((b.clone(), len));
            }
        } else {
            unmatched = Some((b.clone(), len));
            if len > BOILERPLATE_LINE_MAX_CHARS {
                continue;
            }
        }
        // A paragraph that is a list item's whole text (`li > p > a`, as Markdown writes a
        // loose list) is an entry of a list of links the text gives (sources, changes, shops),
        // not a teaser between paragraphs: the list as a whole is judged by its links.
        if dom::is(&b, &["p"])
            && link_density(&b) >= 0.9
            && !b.parent().is_some_and(|p| dom::is(&p, &["li"]))
            && !b.walk_descendants().any_node(&mut |d| dom::is(d, &["img"]))
        {
            // A link to a place on the page goes nowhere else, nor does an old jump target
            // (`<a name="…">` without an address, around an interview's question). An `<a>`
            // with neither is a script's button ("Click to expand…", share buttons): a link.
            let links_nowhere = !b.walk_descendants().any_node(&mut |a| {
                dom::is(a, &["a"])
                    && match dom::attr(a, "href") {
                        Some(h) => !h.starts_with('#'),
                        None => dom::attr(a, "name").is_none(),
                    }
            });
            if !links_nowhere && !guards_protected(&b) && !is_linked_sentence(text) {
                explain.remove(&b, Rule::LinkedTeaser, &|| text.to_string());
            }
        }
    }
}

/// Ours: a paragraph whose link is a whole sentence of the story ("Installations like solar
/// panels … often qualify for federal tax credits.", a source cited by linking its claim): at
/// least [`LINKED_SENTENCE_MIN_WORDS`] words ending with a full stop (closing quotes and
/// brackets aside). A teaser is a headline, and headlines do not end with a full stop.
fn is_linked_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || "\"”’»)'".contains(c));
    end.ends_with('.')
        && !end.ends_with("..")
        && text
            .split_whitespace()
            .nth(LINKED_SENTENCE_MIN_WORDS - 1)
            .is_some()
}

/// True when `block` is a heading or its title: inside a heading, only a link (MediaWiki's
/// "[edit]") is a post's action; "Vote", "Share" or "Context" may title a section.
fn is_heading_title(block: &NodeRef) -> bool {
    dom::is(block, dom::HEADINGS)
        || (dom::has_ancestor(block, dom::HEADINGS, None) && link_density(block) < 0.5)
}

/// Pictures a reader shows, which a line's removal never takes with it.
const MEDIA: &[&str] = &["img", "picture", "video", "svg", "figure", "iframe"];

/// True when `node` is a picture or holds one ([`MEDIA`]).
fn holds_media(node: &NodeRef) -> bool {
    node.walk_inclusive().any_node(&mut |d| dom::is(d, MEDIA))
}

/// Removes what `block` holds beside its pictures (a credit's text and the `<br>` before
/// it), gathered in one `<span>` so that the removal is one block to show and restore.
fn remove_beside_media(block: &NodeRef, explain: &mut Explain, text: &str) {
    let parts: Vec<NodeRef> = block.children().filter(|c| !holds_media(c)).collect();
    let Some(first) = parts.first() else { return };
    let span = dom::new_html_element("span", vec![]);
    first.insert_before(span.clone());
    for part in parts {
        span.append(part);
    }
    explain.remove(&span, Rule::BoilerplateLine, &|| text.to_string());
}

/// Ours: an author's bio among the article's last blocks of text ([`AUTHOR_BIO`]): the bio
/// box's class names nothing we know (`text-rich-text_author`, a page builder's column), but
/// its sentence says whose it is. Only the bio's own block goes.
pub(super) fn remove_trailing_bio(content: &NodeRef, explain: &mut Explain) {
    // The last blocks of text, found from the end (not every block of the article asked
    // whether it holds another), all before the first removal.
    let blocks: Vec<NodeRef> =
        dom::descendants_named(content, &["p", "div", "li", "td", "blockquote"])
            .into_iter()
            .rev()
            .filter(|d| !has_block_descendant(d) && dom::text_len_capped(d, 1) > 0)
            .take(AUTHOR_BIO_TAIL_BLOCKS)
            .collect();
    for b in &blocks {
        let len = dom::text_len_capped(b, AUTHOR_BIO_MAX_CHARS + 1);
        if !(AUTHOR_BIO_MIN_CHARS..=AUTHOR_BIO_MAX_CHARS).contains(&len) {
            continue;
        }
        let text = dom::normalized_text(b);
        if AUTHOR_BIO.matches(&LowerText::new(&text)) && !guards_protected(b) {
            explain.remove(b, Rule::BoilerplateLine, &|| format!("author bio: {text}"));
        }
    }
}

/// Ours: an author's box, found by its photo: an image whose `alt` names a person ("Headshot
/// of Jane Roe", "Author Jane Roe", "Jane Roe, CFP": [`author_photo_name`]) in a box of at most
/// [`AUTHOR_BOX_MAX_CHARS`] characters, not a `<figure>` (a photo and its caption), holding a
/// block that opens with that name ("Jane Roe is a freelance writer…": [`opens_with_name`]),
/// the only such box of the article (several list people:
/// a team, a podcast network), with at most [`AUTHOR_BOX_MAX_AFTER_SHARE`] of the article's
/// text after it, goes whole: the box a CMS theme sets after the story (a headshot, the name,
/// a label, the bio), whatever its class says. A third-person bio without its photo stays
/// (Readability keeps those, and so do some references: an op-ed's closing line "Jane Roe is
/// a professor of…").
pub(super) fn remove_author_box(content: &NodeRef, explain: &mut Explain) {
    let mut boxes: Vec<(NodeRef, String)> = Vec::new();
    let images: Vec<NodeRef> = dom::descendants_named(content, &["img"]);
    for img in images {
        let Some(alt) = dom::attr(&img, "alt") else {
            continue;
        };
        let alt = dom::fold_whitespace(&alt);
        let Some(name) = author_photo_name(&alt) else {
            continue;
        };
        // The ancestor asked before: its blocks were asked then, not itself.
        let mut asked: Option<NodeRef> = None;
        for a in img.ancestors() {
            // (The article itself is not measured: it ends the climb whatever its length.)
            if a == *content
                || dom::is(&a, &["figure"])
                || dom::text_len_capped(&a, AUTHOR_BOX_MAX_CHARS) > AUTHOR_BOX_MAX_CHARS
            {
                break;
            }
            if opens_with_name(&a, name, asked.as_ref()) {
                boxes.push((a, name.to_string()));
                break;
            }
            asked = Some(a);
        }
    }
    if let [(found, name)] = &boxes[..] {
        // (Measured only for the one box: nothing was removed since the walk began.)
        let total = dom::text_len(content);
        if text_after(found, content) as f64 <= AUTHOR_BOX_MAX_AFTER_SHARE * total as f64
            && !guards_protected(found)
        {
            explain.remove(found, Rule::BoilerplateLine, &|| {
                format!("author box: {name}")
            });
        }
    }
}

/// The person an image's `alt` names, when it names one: after a label ("Headshot of",
/// "Photo of", "Author"), two to four capitalised words without digits, up to a comma
/// ("Matt Frankel, CFP" → "Matt Frankel"). Capitalised: an ASCII capital first, or a letter
/// beyond ASCII, whose case is not asked (Unicode's case tables would ship in the wasm).
#[inline(never)]
fn author_photo_name(alt: &str) -> Option<&str> {
    let mut name = alt;
    for label in AUTHOR_PHOTO_LABELS {
        if name
            .get(..label.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(label))
        {
            name = &name[label.len()..];
            break;
        }
    }
    let name = name.split(',').next()?.trim();
    let words = name.split(' ').count();
    let capitalised = name.split(' ').all(|w| {
        w.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_uppercase() || b >= 0x80)
    });
    ((2..=4).contains(&words)
        && name.len() <= 40
        && capitalised
        && !name.bytes().any(|b| b.is_ascii_digit()))
    .then_some(name)
}

/// Whether a block inside `node` (not a caption) opens with `name`, then no letter or digit,
/// and is a bio's length ([`AUTHOR_BIO_MIN_CHARS`]). The blocks inside `asked` (a child of
/// `node` whose blocks were asked already, as a smaller box) are not asked again: each level
/// of a climb walked all the levels below it once more.
#[inline(never)]
fn opens_with_name(node: &NodeRef, name: &str, asked: Option<&NodeRef>) -> bool {
    let mut next = node.first_child();
    while let Some(d) = next {
        next = if asked == Some(&d) {
            dom::next_skipping_children(&d, node)
        } else {
            dom::next_in_order(&d, node)
        };
        if d.as_element().is_none() || dom::is(&d, &["figcaption"]) {
            continue;
        }
        let text = dom::normalized_text_start(&d, name.len() + 1);
        if text
            .strip_prefix(name)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
            && dom::text_len_capped(&d, AUTHOR_BIO_MIN_CHARS) >= AUTHOR_BIO_MIN_CHARS
        {
            return true;
        }
    }
    false
}

/// Characters of `root`'s text after `node` (its text nodes' folded lengths).
fn text_after(node: &NodeRef, root: &NodeRef) -> usize {
    let mut after = 0;
    let mut at = dom::next_skipping_children(node, root);
    while let Some(n) = at {
        if let Some(t) = n.as_text() {
            after += dom::fold_len(&t.borrow());
        }
        at = dom::next_in_order(&n, root);
    }
    after
}

#[cfg(test)]
mod tests {
    use crate::retry::Flags;
    use crate::testing::{clean_with, PROSE};
    use crate::Rule;

    // (On the last attempt, so that conditional cleaning does not take the lines first.)
    fn clean(body: &str) -> (String, Vec<Rule>) {
        clean_with(body, Flags::ATTEMPTS[3])
    }

    #[test]
    fn a_line_naming_the_pictures_source_goes() {
        for line in [
            "Photo source: Markus Spiske from Pexels.",
            "Image sources: the city archive",
            "Featured image: a harbour at dawn",
            "Titelbild: Stadtarchiv",
        ] {
            let (html, rules) = clean(&format!("{PROSE}<p>{line}</p>"));
            assert!(!html.contains(line), "{html}");
            assert_eq!(rules, [Rule::BoilerplateLine], "{line}");
        }
    }

    #[test]
    fn a_line_is_read_through_its_soft_hyphens() {
        let line = "Image illus\u{ad}tra\u{ad}tive : Lego Mini\u{ad}fi\u{ad}gures by Ninja Brick";
        let (html, rules) = clean(&format!("{PROSE}<p>{line}</p>"));
        assert!(!html.contains("Ninja Brick"), "{html}");
        assert_eq!(rules, [Rule::BoilerplateLine]);
    }

    #[test]
    fn a_wordpress_posts_long_meta_sentence_goes() {
        let (html, rules) = clean(&format!(
            "{PROSE}<p class=\"postmetadata\">This entry was posted on Tuesday, December 2nd, \
             2008 at 10:15 am and is filed under <a href=\"/c\">News</a>. You can follow any \
             responses to this entry through the <a href=\"/feed\">RSS 2.0</a> feed.</p>"
        ));
        assert!(!html.contains("This entry"), "{html}");
        assert_eq!(rules, [Rule::BoilerplateLine]);
    }

    #[test]
    fn a_section_heading_named_like_a_posts_action_stays() {
        let (html, rules) = clean(&format!(
            "{PROSE}<h2><span class=\"mw-headline\">Vote</span><span>[<a href=\"/edit\">edit\
             </a>]</span></h2>{PROSE}"
        ));
        assert!(html.contains("Vote"), "{html}");
        assert!(!html.contains("edit"), "{html}");
        assert_eq!(rules, [Rule::BoilerplateLine]);
    }

    #[test]
    fn a_paragraph_that_is_only_a_link_goes() {
        let (html, rules) = clean(&format!(
            "{PROSE}<p><a href=\"/other\">The headline of another story</a></p>{PROSE}"
        ));
        assert!(!html.contains("another story"), "{html}");
        assert_eq!(rules, [Rule::LinkedTeaser]);
    }

    #[test]
    fn a_paragraph_that_is_only_a_jump_target_stays() {
        let (html, rules) = clean(&format!(
            "{PROSE}<p><a name=\"q3\">And what does the professor say to that?</a></p>{PROSE}"
        ));
        assert!(html.contains("professor say"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_paragraph_that_is_only_a_scripts_button_goes() {
        let (html, rules) = clean(&format!(
            "{PROSE}<p><a class=\"js-expand\">Click to expand the quoted post</a></p>{PROSE}"
        ));
        assert!(!html.contains("Click to expand"), "{html}");
        assert_eq!(rules, [Rule::LinkedTeaser]);
    }

    #[test]
    fn a_link_inside_a_sentence_stays() {
        let (html, rules) = clean(&format!(
            "{PROSE}<p>As <a href=\"/other\">we reported</a>, the plan was late.</p>"
        ));
        assert!(html.contains("we reported"), "{html}");
        assert!(rules.is_empty(), "{rules:?}");
    }
}
