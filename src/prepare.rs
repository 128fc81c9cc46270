//! Stage 3: preparation. Global removals that are never relaxed, and repairs that make the
//! page's markup say what the reader sees.
//!
//! Removed: code and styling (`script`, `style`, `template`, form controls, frames other than
//! known video embeds); hidden nodes (`hidden`, `aria-hidden="true"`, inline
//! `display:none`/`visibility:hidden`) but for collapsed panels the page's own controls open
//! and page-wide wrappers (and, on a page that shows next to nothing of what it hides, the
//! blocks its script shows); structural boilerplate (`nav`, navigation/banner/
//! contentinfo/search/dialog/alert roles, `header`/`footer` outside `article`/`main` unless
//! they hold real paragraphs, asides outside the article, cookie and consent overlays).
//! Repaired: content a streamed page sends late (React's `<div hidden id="S:n">`) moved to
//! where its script would put it; lazy images (`data-src` and friends, tiny placeholders, `<noscript>` fallbacks),
//! `<br><br>` runs into paragraphs, `<font>` into `<span>`, a date printed in a long and a short
//! form (one shown by width) left in its long form. Marked as protected (never removed
//! by class or link-density rules later): embedded posts, `pre`/`code`, math, data tables.

use crate::dom;
use crate::dom::Walk;
use crate::dom::{is_hidden, is_phrasing};
use crate::explain::Explain;
use crate::lowercase::lowercase;
use crate::marks::{
    DATA_TABLE_ATTR, PROTECT_ATTR, RESERVED_CLASS_PREFIX, SIGNUP_BOX_ATTR, STORY_ATTR,
};
use crate::rule::Rule;
use crate::stats;
use crate::text::StringSet;
use crate::tunables::TEX_IMAGE_HINTS;
use crate::tunables::{
    names_video, ALWAYS_DROP, ANSWER_MIN_CHARS, COOKIE_OVERLAY, COOKIE_OVERLAY_MAX_CHARS,
    DATA_TABLE_MAX_LAYOUT_COLUMNS, DATA_TABLE_MIN_CELLS, DATA_TABLE_MIN_ROWS, DATE_LONG_FORM,
    DATE_SHORT_FORM, DIALOG_CLASSES, DISCLOSURE_HEADER_MAX_CHARS, EMBEDDED_POST,
    FORM_PARAGRAPH_MIN_CHARS, FORM_UNFILLABLE_INPUTS, IMAGE_ADDRESS_TEXTS_MIN,
    NOSCRIPT_CONTENT_MIN_CHARS, REVEAL_MAX_SHOWN_SHARE, SIGNUP_BOX, SIGNUP_BOX_MAX_CHARS,
    SIGNUP_BOX_MAX_PARAGRAPH_CHARS, SKIP_LINK_TEXTS, STREAM_FALLBACK, STREAM_FALLBACK_MAX_CHARS,
    STREAM_MAX_SEGMENTS, STRUCTURAL_ROLES, TAB_SET_MAX_PANELS, TINY_PLACEHOLDER_BYTES,
    WRAPPER_MIN_CHARS, WRAPPER_RULES,
};
use crate::words::LowerText;
use html5ever::local_name;
use kuchikiki::NodeRef;

/// Prepares `document` in place.
/// `title` is the article's title from the metadata: headlines that differ from it mark
/// other stories on the page.
pub(crate) fn prepare(document: &NodeRef, title: &str, explain: &mut Explain) {
    // Both noscript steps look at the same ones (the first moves images out of some, and
    // removes placeholders that hold no text): found in one walk.
    // The same walk finds the panels the page's own controls disclose (`aria-controls`).
    // And the math written as TeX or kept beside its MathML (see `math_as_mathml`).
    let mut noscripts: Vec<NodeRef> = Vec::new();
    let mut disclosed = StringSet::default();
    let mut math: Vec<NodeRef> = Vec::new();
    // And React's streamed boundaries: their placeholders and the content sent for them.
    let mut placeholders: Vec<NodeRef> = Vec::new();
    let mut segments: Vec<(String, NodeRef)> = Vec::new();
    for n in document.walk_descendants() {
        let Some(el) = n.as_element() else {
            continue;
        };
        // (Names compared as atoms, whatever the namespace, as `dom::is` compares them.)
        let name = &el.name.local;
        // The attributes are read in place: most elements are none of these, and a copy of
        // every id would cost the walk an allocation each.
        let attrs = el.attributes.borrow();
        if let Some(id) = dom::get(&attrs, "id") {
            if let Some(key) = id
                .strip_prefix("S:")
                .filter(|_| *name == local_name!("div"))
            {
                segments.push((key.to_owned(), n.clone()));
            } else if (id.starts_with("B:") || id.starts_with("P:"))
                && *name == local_name!("template")
            {
                placeholders.push(n.clone());
            }
        }
        match *name {
            local_name!("noscript") => noscripts.push(n.clone()),
            local_name!("script") | local_name!("img") | local_name!("annotation") => {
                math.push(n.clone())
            }
            _ => {
                if let Some(ids) = dom::get(&attrs, "aria-controls") {
                    disclosed.extend(ids.split_ascii_whitespace().map(str::to_owned));
                }
            }
        }
    }
    reveal_streamed(&placeholders, segments);
    math_as_mathml(&math);
    recover_noscript_images(&noscripts);
    keep_noscript_content(document, &noscripts);
    remove_boilerplate(document, &disclosed, explain);
    let tables = repair(document, title);
    mark_data_tables(&tables);
}

/// Pages rendered by React as a stream (`renderToPipeableStream`: Next.js and others) send
/// what was not ready with the page's first bytes later, at the end of the page, in a
/// `<div hidden id="S:n">`; where it belongs stands `<template id="B:n">` (a Suspense
/// boundary, followed by its fallback, "Loading paragraph…", up to the comment `<!--/$-->`)
/// or `<template id="P:n">` (a placeholder). React's script moves the content into place; a
/// snapshot of a page whose scripts ran has it there already, a page as served does not, and
/// without this its article is a column of "Loading…" lines, the text having been hidden.
/// Done here as the script does: the fallback goes (when its end is marked; else only a
/// loading label right after the placeholder), the content takes the placeholder's place.
fn reveal_streamed(placeholders: &[NodeRef], segments: Vec<(String, NodeRef)>) {
    // Matched by a plain search: pages stream tens of segments; a hostile page's thousands
    // are cut to [`STREAM_MAX_SEGMENTS`] of each kind, which bounds the search.
    for placeholder in placeholders.iter().take(STREAM_MAX_SEGMENTS) {
        let id = dom::attr(placeholder, "id").unwrap_or_default();
        let key = id.get(2..).unwrap_or_default();
        let found = segments
            .iter()
            .take(STREAM_MAX_SEGMENTS)
            .find(|(s, _)| s == key);
        let Some((_, segment)) = found else {
            continue;
        };
        if id.starts_with("B:") {
            remove_fallback(placeholder);
        }
        // A segment's content may hold placeholders of its own: moved along, still found.
        while let Some(c) = segment.first_child() {
            placeholder.insert_before(c);
        }
        segment.detach();
        placeholder.detach();
    }
}

/// Removes a Suspense boundary's fallback: the nodes after its `placeholder` up to the
/// boundary's end (`<!--/$-->`, boundaries nest: `<!--$-->`, `<!--$?-->`, `<!--$!-->` open
/// one), or, when the page's comments were stripped, the element right after it if that is a
/// loading label alone.
fn remove_fallback(placeholder: &NodeRef) {
    let mut depth = 0usize;
    let mut fallback: Vec<NodeRef> = Vec::new();
    let mut next = placeholder.next_sibling();
    while let Some(n) = next {
        next = n.next_sibling();
        if let Some(comment) = n.as_comment() {
            let comment = comment.borrow();
            if comment.starts_with("/$") {
                if depth == 0 {
                    for f in fallback {
                        f.detach();
                    }
                    return;
                }
                depth -= 1;
            } else if comment.starts_with('$') {
                depth += 1;
            }
        }
        fallback.push(n);
    }
    let label = placeholder
        .next_sibling()
        .filter(|n| n.as_element().is_some())
        .filter(|n| dom::text_len(n) <= STREAM_FALLBACK_MAX_CHARS)
        .filter(|n| STREAM_FALLBACK.is_match(&n.text_contents()));
    if let Some(label) = label {
        label.detach();
    }
}

/// Math as MathML with its TeX in `alttext`: MathJax 2's `<script type="math/tex">` and
/// formula images whose `alt` is LaTeX ([`TEX_IMAGE_HINTS`]) become `<math>` ([`crate::tex`]);
/// the TeX that KaTeX and MathJax 3 keep in an `<annotation>` (which the sanitiser drops) goes
/// into their `<math>`'s `alttext`.
fn math_as_mathml(candidates: &[NodeRef]) {
    for n in candidates {
        let (tex, display) = match dom::tag(n) {
            "script" => {
                let kind = dom::attr(n, "type")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if !kind.starts_with("math/tex") {
                    continue;
                }
                (n.text_contents(), kind.contains("mode=display"))
            }
            "img" => {
                let hinted = [dom::attr(n, "class"), dom::attr(n, "src")]
                    .iter()
                    .flatten()
                    .any(|v| {
                        TEX_IMAGE_HINTS
                            .iter()
                            .any(|h| v.to_ascii_lowercase().contains(h))
                    });
                match dom::attr(n, "alt") {
                    Some(alt) if hinted && !alt.trim().is_empty() => (alt, false),
                    _ => continue,
                }
            }
            _ => {
                // `<annotation encoding="application/x-tex">` in a `<math>`.
                let tex_annotation = dom::attr(n, "encoding")
                    .is_some_and(|e| e.eq_ignore_ascii_case("application/x-tex"));
                if let Some(m) = n.ancestors().find(|a| dom::is(a, &["math"])) {
                    if tex_annotation && !dom::has_attr(&m, "alttext") {
                        dom::set_attr(&m, "alttext", n.text_contents().trim());
                    }
                }
                continue;
            }
        };
        let markup = crate::tex::to_mathml(tex.trim(), display);
        let parsed = crate::parse::parse(&markup, &crate::Options::default());
        let Some(math) = parsed
            .ok()
            .and_then(|d| d.descendants().find(|d| dom::is(d, &["math"])))
        else {
            continue;
        };
        math.detach();
        n.insert_before(math);
        // MathJax 2 shows the TeX in a `MathJax_Preview` span before the script until it
        // typesets: the formula would read twice.
        let mut before = n.previous_sibling().and_then(|m| m.previous_sibling());
        while let Some(b) = before
            .clone()
            .filter(|b| b.as_text().is_some() && !dom::has_text(b))
        {
            before = b.previous_sibling();
        }
        if let Some(preview) = before.filter(|b| {
            dom::attr(b, "class")
                .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == "MathJax_Preview"))
        }) {
            preview.detach();
        }
        n.detach();
    }
}

/// An `<article>` whose first headline is not this page's title: another story on the page
/// (the next one of an infinite scroll). Parts of this story (a recipe's header) keep theirs.
fn is_other_story(article: &NodeRef, title: &crate::text::WordSet) -> bool {
    match article
        .walk_descendants()
        .find_node(&mut |d| dom::is(d, &["h1", "h2"]))
    {
        Some(h) => title.is_empty() || title.similarity(&dom::normalized_text(&h)) <= 0.75,
        None => false,
    }
}

#[derive(Clone, Copy, Default)]
struct Context {
    in_article: bool,
    in_pre: bool,
}

/// One walk over the document deciding removals, then the removals.
///
/// A block that holds most of the page's text is a page-wide wrapper, never removed as a
/// whole by the structural rules below, whatever its tag or attributes say: ASP.NET pages
/// sit in one `<form>`, script-rendered pages stream their content into `<div hidden>`
/// blocks a script reveals, anti-flicker shells are `visibility:hidden`, and misnested
/// markup puts the page inside an `<aside>`. Its parts are judged one by one instead.
///
/// A page that shows (nearly) nothing but what it hides by its `hidden` attributes and inline
/// styles is drawn by its script: the walk is made again with those blocks kept.
fn remove_boilerplate(document: &NodeRef, disclosed: &StringSet, explain: &mut Explain) {
    let page_len = dom::body(document).map_or(0, |b| dom::text_len(&b));
    let shown_max = (REVEAL_MAX_SHOWN_SHARE * page_len as f64) as usize;
    let (mut doomed, shown) = doom(document, disclosed, page_len, false, shown_max);
    // (The page's length counts its scripts' text: what it hides is measured on a page that
    // shows so little, the hidden blocks being apart from one another.)
    if shown < shown_max && {
        let hidden: usize = doomed
            .iter()
            .filter(|(n, rule, _)| *rule == Rule::Hidden && dom::hidden_by_page(n))
            .map(|(n, ..)| dom::text_len(n))
            .sum();
        hidden >= WRAPPER_MIN_CHARS && (shown as f64) < REVEAL_MAX_SHOWN_SHARE * hidden as f64
    } {
        doomed = doom(document, disclosed, page_len, true, 0).0;
    }
    // A sign-up form's box (its heading, its pitch, its small print) is marked for the
    // cleaning to take out of the article: removed here, it would change which block is
    // chosen as the article.
    for (node, rule, _) in &doomed {
        if *rule == Rule::Form && asks_for_email(node) {
            if let Some(b) = signup_box(node) {
                dom::set_attr(&b, SIGNUP_BOX_ATTR, "1");
            }
        }
    }
    // An image's address or a generated id printed as text is a shop engine's data when the
    // page prints a list of them; one or two are a post's pasted link or quoted id.
    let addresses = doomed
        .iter()
        .filter(|(n, ..)| n.as_text().is_some())
        .count();
    for (node, rule, detail) in doomed {
        if node.as_text().is_none() || addresses >= IMAGE_ADDRESS_TEXTS_MIN {
            explain.remove(&node, rule, &|| detail.clone());
        }
    }
}

/// The walk of [`remove_boilerplate`]: the blocks to remove with their rules, and how many
/// bytes of text (not counting whitespace) the page shows beside them, counted as far as
/// `shown_max`. With `reveal`, blocks hidden by their `hidden` attribute or inline style stay.
fn doom(
    document: &NodeRef,
    disclosed: &StringSet,
    page_len: usize,
    reveal: bool,
    shown_max: usize,
) -> (Vec<(NodeRef, Rule, String)>, usize) {
    let is_wrapper = |node: &NodeRef| stats::is_page_wrapper(node, page_len);
    let mut doomed: Vec<(NodeRef, Rule, String)> = Vec::new();
    let mut shown = 0;
    let mut stack = vec![(document.clone(), Context::default())];
    while let Some((mut node, ctx)) = stack.pop() {
        if let Some((rule, detail)) = removal_rule(&node, ctx, disclosed) {
            let revealed = reveal && rule == Rule::Hidden && dom::hidden_by_page(&node);
            if !(revealed || WRAPPER_RULES.contains(&rule) && is_wrapper(&node)) {
                doomed.push((node, rule, detail));
                continue;
            }
        }
        if shown <= shown_max {
            if let Some(t) = node.as_text() {
                shown += t
                    .borrow()
                    .bytes()
                    .filter(|b| !b.is_ascii_whitespace())
                    .count();
            }
        }
        let mut child_ctx = ctx;
        // (Names compared as atoms, whatever the namespace, as `dom::is` compares them.)
        if let Some(el) = node.as_element() {
            match el.name.local {
                // A form kept (a wrapper, or one around content): its controls go by their
                // own rule, and it reads as a <div>.
                local_name!("form") => {
                    node = dom::rename(&node, "div");
                }
                local_name!("article") | local_name!("main") => child_ctx.in_article = true,
                local_name!("pre") | local_name!("code") => child_ctx.in_pre = true,
                _ => {}
            }
            if let Some(el) = node.as_element() {
                if dom::get(&el.attributes.borrow(), "role") == Some("main") {
                    child_ctx.in_article = true;
                }
            }
        }
        // Last child first, so the first is looked at next.
        let mut child = node.last_child();
        while let Some(c) = child {
            child = c.previous_sibling();
            if c.as_comment().is_some() {
                c.detach();
            } else {
                stack.push((c, child_ctx));
            }
        }
    }
    (doomed, shown)
}

/// True when a form asks for an e-mail address (an `<input>` of type `email`, or one whose
/// name, id or placeholder says e-mail), or for a phone number to text deals and news to
/// (`type="tel"`: an SMS sign-up, wcxb 0477).
fn asks_for_email(form: &NodeRef) -> bool {
    form.walk_descendants().any_node(&mut |d| {
        dom::is(d, &["input"])
            && ["type", "name", "id", "placeholder"].iter().any(|k| {
                dom::attr(d, k).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("email") || v.contains("e-mail") || (*k == "type" && v == "tel")
                })
            })
    })
}

/// The box around a sign-up form ([`SIGNUP_BOX`]): its highest ancestor below `body`, `main`
/// and `article` whose text beside the form's is at most [`SIGNUP_BOX_MAX_CHARS`], when that
/// text says what the form is for and holds no paragraph of prose.
fn signup_box(form: &NodeRef) -> Option<NodeRef> {
    let own = dom::text_len(form);
    // (Each ancestor is measured only as far as the limit: a page of thousands of forms
    // does not measure the whole page once per form.)
    let mut found = None;
    for a in form.ancestors() {
        if dom::is(&a, &["body", "main", "article", "html"])
            || dom::attr(&a, "role").as_deref() == Some("main")
            || dom::text_len_capped(&a, own + SIGNUP_BOX_MAX_CHARS).saturating_sub(own)
                > SIGNUP_BOX_MAX_CHARS
        {
            break;
        }
        found = Some(a);
    }
    let b = found?;
    let prose = b.walk_descendants().any_node(&mut |d| {
        dom::is(d, &["p"]) && dom::text_len(d) >= SIGNUP_BOX_MAX_PARAGRAPH_CHARS
    });
    (!prose && SIGNUP_BOX.matches(&LowerText::new(&dom::normalized_text(&b)))).then_some(b)
}

/// An accessibility skip link: a link within the page (`href="#…"`) whose text opens with
/// one of [`SKIP_LINK_TEXTS`] ("Skip to main content", "Skip to search results").
fn is_skip_link(node: &NodeRef) -> bool {
    // (The address read in place: every link of the page is asked.)
    node.as_element().is_some_and(|el| {
        dom::get(&el.attributes.borrow(), "href").is_some_and(|h| h.trim_start().starts_with('#'))
    }) && {
        let text = lowercase(&dom::normalized_text(node));
        SKIP_LINK_TEXTS.iter().any(|s| text.starts_with(s))
    }
}

/// `disclosed`: the ids of the panels the page's controls show and hide (`aria-controls`).
fn removal_rule(node: &NodeRef, ctx: Context, disclosed: &StringSet) -> Option<(Rule, String)> {
    if let Some(text) = node.as_text() {
        let text = text.borrow();
        // (Trimmed once for both questions: a page's whitespace between tags is most of its
        // text nodes.)
        let rule = !ctx.in_pre && {
            let t = text.trim();
            is_image_address(t) || is_uuid(t)
        };
        return rule.then(|| {
            (
                Rule::NonContentElement,
                "an image's address or an id as text".into(),
            )
        });
    }
    let el = node.as_element()?;
    let tag: &str = &el.name.local;
    if tag == "html" || tag == "body" {
        return None;
    }
    if tag == "form" {
        return (!is_content_form(node)).then(|| (Rule::Form, "<form>".into()));
    }
    if ALWAYS_DROP.contains(&tag) {
        return Some((Rule::NonContentElement, format!("<{tag}>")));
    }
    if tag == "noscript" {
        return Some((Rule::NonContentElement, "<noscript>".into()));
    }
    if tag == "iframe" {
        let src = dom::attr(node, "src").unwrap_or_default();
        if names_video(&src) {
            return None;
        }
        return Some((Rule::Iframe, src));
    }
    if ctx.in_pre {
        return None;
    }
    if is_hidden(node) && !is_disclosure_panel(node, disclosed) && !is_switched_panel(node) {
        return Some((Rule::Hidden, "hidden attribute or inline style".into()));
    }
    if tag == "nav" {
        return Some((Rule::Navigation, "<nav>".into()));
    }
    if tag == "a" && is_skip_link(node) {
        return Some((Rule::Navigation, "skip link".into()));
    }
    let role = dom::attr(node, "role").map(|r| r.trim().to_ascii_lowercase());
    if let Some(role) = role.as_deref() {
        if STRUCTURAL_ROLES.contains(&role) {
            let guarded = matches!(role, "banner" | "contentinfo");
            if !(guarded && holds_paragraphs(node)) {
                return Some((Rule::StructuralRole, format!("role={role}")));
            }
        }
    }
    // A dialog by its class (Bootstrap's `<div class="modal fade">`, shown by a script on a
    // click): a login form, a newsletter pop-up, a gallery's viewer.
    // (The class read in place: most elements have one, and each was copied.)
    if dom::get(&el.attributes.borrow(), "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| DIALOG_CLASSES.contains(&t))
    }) {
        return Some((Rule::StructuralRole, "class=modal".into()));
    }
    if (tag == "header" || tag == "footer") && !ctx.in_article && !holds_paragraphs(node) {
        return Some((
            Rule::PageHeaderFooter,
            format!("<{tag}> outside the article"),
        ));
    }
    if tag == "aside" && !ctx.in_article {
        return Some((Rule::Aside, "<aside> outside the article".into()));
    }
    let class_id = dom::class_and_id(node);
    if !class_id.is_empty()
        && COOKIE_OVERLAY.is_match(&class_id)
        && dom::text_len(node) < COOKIE_OVERLAY_MAX_CHARS
    {
        return Some((Rule::CookieOverlay, class_id));
    }
    None
}

/// A collapsed panel a control of the page opens (an accordion's answer, a tab): hidden until
/// the person clicks, but part of the page's text. Its id is named by an `aria-controls`, or
/// it is a `role=tabpanel`; or it is the hidden wrapper whose only child is such a panel (the
/// element a UI kit animates open: Chakra's `<div class="chakra-collapse" style="display:none">`
/// around the `role=region` panel the button controls).
fn is_disclosure_panel(node: &NodeRef, disclosed: &StringSet) -> bool {
    let panel = |n: &NodeRef| {
        dom::attr(n, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
            || dom::attr(n, "id").is_some_and(|id| disclosed.contains(id.trim()))
    };
    let mut children = dom::element_children(node);
    panel(node)
        || matches!((children.next(), children.next()), (Some(only), None) if panel(&only))
        || follows_collapsed_control(node)
}

/// An accordion's panel that no `aria-controls` names: the element just before it is its
/// header, a short one that is or holds a control saying it is collapsed
/// (`<h3><button aria-expanded="false">Weight</button></h3><div hidden>`, a review's
/// "What to consider" sections: wcxb 1821). A control that opens a pop-up
/// (`aria-haspopup`: a menu, a flyout, a popover) discloses no panel of the page's text.
fn follows_collapsed_control(node: &NodeRef) -> bool {
    let Some(header) = node.preceding_siblings().find(|s| s.as_element().is_some()) else {
        return false;
    };
    dom::text_len_capped(&header, DISCLOSURE_HEADER_MAX_CHARS + 1) <= DISCLOSURE_HEADER_MAX_CHARS
        && (header.inclusive_descendants().any(|d| {
            dom::attr(&d, "aria-expanded").is_some_and(|v| v.trim().eq_ignore_ascii_case("false"))
                && !dom::has_attr(&d, "aria-haspopup")
        }) || answers_question(node, &header))
}

/// Ours: a collapsed panel of running text right after a short question (its text ends with
/// `?`): a FAQ's answer, which a script shows when the question is clicked, without
/// `aria-expanded` (wcxb 4913, 0609). At least [`ANSWER_MIN_CHARS`]: a "Was this helpful?"
/// widget's hidden thanks is a line, not an answer.
fn answers_question(panel: &NodeRef, question: &NodeRef) -> bool {
    dom::normalized_text(question)
        .trim_end()
        .ends_with(['?', '？'])
        && dom::text_len_capped(panel, ANSWER_MIN_CHARS) >= ANSWER_MIN_CHARS
        && one_of_alike(panel)
}

/// Whether `node` or its parent (the question and answer's item) has an element sibling right
/// before or after it with the same tag and class: a FAQ is a list of questions, a lone
/// question over a hidden box a widget.
fn one_of_alike(node: &NodeRef) -> bool {
    let alike = |n: &NodeRef, s: Option<NodeRef>| {
        s.is_some_and(|s| {
            dom::tag(&s) == dom::tag(n) && dom::attr(&s, "class") == dom::attr(n, "class")
        })
    };
    node.inclusive_ancestors().take(2).any(|n| {
        alike(
            &n,
            n.preceding_siblings().find(|s| s.as_element().is_some()),
        ) || alike(
            &n,
            n.following_siblings().find(|s| s.as_element().is_some()),
        )
    })
}

/// A panel of a set the page switches between (a product's tabs: Overview, Specs, Reviews):
/// hidden by its inline style (`display:none`, `visibility:hidden`) while a sibling of the
/// same tag and class is shown. Each is
/// the page's text, as a panel a control names is ([`is_disclosure_panel`]).
fn is_switched_panel(node: &NodeRef) -> bool {
    let Some(class) = dom::attr(node, "class").filter(|c| !c.trim().is_empty()) else {
        return false;
    };
    if !dom::attr(node, "style").is_some_and(|s| dom::hides_by_style(&s))
        || dom::has_attr(node, "hidden")
        || dom::has_attr(node, "aria-hidden")
    {
        return false;
    }
    // A tab set or a slideshow shows its first panels: the shown one is looked for among the
    // parent's first children only (a list of thousands of hidden items is not scanned once
    // per item). A panel may differ from the shown one by a state class (`slide hidden`
    // beside `slide`, `tab` beside `tab active`): one's classes hold all of the other's.
    let tag = dom::tag(node);
    node.parent().is_some_and(|p| {
        dom::element_children(&p).take(TAB_SET_MAX_PANELS).any(|s| {
            s != *node
                && dom::tag(&s) == tag
                && dom::attr(&s, "class").is_some_and(|c| {
                    !c.trim().is_empty()
                        && (classes_within(&c, &class) || classes_within(&class, &c))
                })
                && !is_hidden(&s)
        })
    })
}

/// Every class of `a` is one of `b`'s.
fn classes_within(a: &str, b: &str) -> bool {
    a.split_ascii_whitespace()
        .all(|t| b.split_ascii_whitespace().any(|u| u == t))
}

/// A `<form>` around content, not a form to fill in: it holds real paragraphs and no text
/// box (forum software wraps a thread's posts in its moderation form; a comment form has
/// its `<textarea>`), or it has nothing to fill in at all and holds a paragraph of any length
/// (a thread that wraps each reply's text in its own edit form, with hidden fields only:
/// short replies are still the thread). Its controls still go; it reads as a `<div>`.
fn is_content_form(form: &NodeRef) -> bool {
    let mut fillable = false;
    let mut paragraph = false;
    for d in form.walk_descendants() {
        if dom::is(&d, &["textarea"]) {
            return false;
        }
        fillable |= dom::is(&d, &["select"]);
        if dom::is(&d, &["input"]) {
            let kind = dom::attr(&d, "type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            fillable |= !FORM_UNFILLABLE_INPUTS.contains(&kind.trim());
        } else if !paragraph && dom::is(&d, &["p"]) {
            paragraph = dom::text_len(&d) >= FORM_PARAGRAPH_MIN_CHARS;
        }
    }
    if fillable {
        holds_paragraphs(form)
    } else {
        paragraph
    }
}

/// True when a block holds a real paragraph (a page whose story sits in its `<header>`).
fn holds_paragraphs(node: &NodeRef) -> bool {
    node.walk_descendants().any_node(&mut |d| {
        dom::is(d, &["p"]) && {
            let total = dom::text_len(d);
            total >= 140 && dom::linked_len(d) * 2 < total
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Images

const IMAGE_EXT: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];

fn looks_like_image_url(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    !l.contains(' ') && IMAGE_EXT.iter().any(|e| l.contains(e))
}

/// A text that is nothing but an image's address (`https://cdn…/thumb.jpg`): a shop
/// engine's data (a colour swatch's picture) printed as text, which no reader reads.
fn is_image_address(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("http") && !t.contains('\n') && looks_like_image_url(t)
}

/// Ours: a text that is nothing but a generated identifier (a UUID, `f2f260c3-bf1f-466a-…`):
/// a shop's obfuscated "Sponsored" label, each letter beside decoy ids its style sheet hides
/// (wcxb 3019, 3021, 2991: 270 words of ids each), which no reader reads.
fn is_uuid(text: &str) -> bool {
    let t = text.trim().as_bytes();
    t.len() == 36
        && t.iter().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

fn looks_like_srcset(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    IMAGE_EXT.iter().any(|e| {
        l.match_indices(e).any(|(i, _)| {
            let rest = l[i + e.len()..].trim_start();
            l[i + e.len()..].starts_with(char::is_whitespace)
                && rest.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

fn is_tiny_placeholder(src: &str) -> bool {
    let s = src.trim();
    s.len() < TINY_PLACEHOLDER_BYTES
        && s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:"))
        && s.contains("base64")
        && !s.contains("image/svg")
}

/// Unwraps `<noscript>` fallbacks that hold content found nowhere else on the page: what a
/// browser without scripts shows (a post rendered from a script template). Other noscripts
/// go with the scripts.
fn keep_noscript_content(document: &NodeRef, noscripts: &[NodeRef]) {
    let candidates: Vec<&NodeRef> = noscripts
        .iter()
        .filter(|n| dom::text_len(n) >= NOSCRIPT_CONTENT_MIN_CHARS)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let Some(body) = dom::body(document) else {
        return;
    };
    // The page's text outside noscripts: a rendered snapshot already shows their content.
    let mut visible = String::new();
    let mut node = Some(body.clone());
    while let Some(n) = node {
        if dom::is(&n, &["noscript", "script", "style", "template"]) {
            node = dom::next_skipping_children(&n, &body);
            continue;
        }
        if let Some(t) = n.as_text() {
            visible.push_str(&t.borrow());
            visible.push(' ');
        }
        node = dom::next_in_order(&n, &body);
    }
    let visible = dom::fold_whitespace(&visible);
    for ns in candidates {
        let text = dom::normalized_text(ns);
        let probe: String = text.chars().take(80).collect();
        if !visible.contains(&probe) {
            dom::unwrap(ns);
        }
    }
}

/// Replaces the image placeholder before a `<noscript>` with the real image inside it.
fn recover_noscript_images(noscripts: &[NodeRef]) {
    for ns in noscripts {
        let imgs: Vec<NodeRef> = dom::descendants_named(ns, &["img"]);
        if imgs.len() != 1 || dom::text_len(ns) > 0 {
            continue;
        }
        let new_img = imgs[0].clone();
        let prev = ns
            .preceding_siblings()
            .find(|s| s.as_element().is_some() || dom::has_text(s));
        let Some(prev) = prev else {
            // No placeholder: the noscript image is the only image there is.
            ns.insert_before(new_img);
            continue;
        };
        if !is_single_image(&prev) {
            continue;
        }
        let old = if dom::is(&prev, &["img"]) {
            prev.clone()
        } else {
            prev.walk_descendants()
                .find_node(&mut |d| dom::is(d, &["img"]))
                .unwrap_or(prev.clone())
        };
        // Keep the placeholder's data attributes: they may be better sources.
        if let (Some(old_el), Some(new_el)) = (old.as_element(), new_img.as_element()) {
            for (name, attr) in old_el.attributes.borrow().map.iter() {
                let n: &str = &name.local;
                if attr.value.is_empty()
                    || !(n == "src" || n == "srcset" || looks_like_image_url(&attr.value))
                {
                    continue;
                }
                if new_el.attributes.borrow().get(n) == Some(attr.value.as_str()) {
                    continue;
                }
                let key = if new_el.attributes.borrow().contains(n) {
                    format!("data-old-{n}")
                } else {
                    n.to_string()
                };
                new_el
                    .attributes
                    .borrow_mut()
                    .insert(key, attr.value.clone());
            }
        }
        prev.insert_before(new_img);
        prev.detach();
    }
}

fn is_single_image(node: &NodeRef) -> bool {
    let mut cur = node.clone();
    loop {
        if dom::is(&cur, &["img"]) {
            return true;
        }
        let kids: Vec<NodeRef> = dom::element_children(&cur).collect();
        if kids.len() != 1 || dom::has_text(&cur) {
            return false;
        }
        cur = kids[0].clone();
    }
}

/// Fixes lazy-loaded images: copies `data-src`-like attributes into `src`/`srcset`.
fn fix_lazy_image(node: &NodeRef) {
    let Some(el) = node.as_element() else { return };
    let tag: &str = &el.name.local;
    let src = dom::attr(node, "src");
    if let Some(s) = &src {
        if is_tiny_placeholder(s) {
            let has_other = el
                .attributes
                .borrow()
                .map
                .iter()
                .any(|(n, a)| &*n.local != "src" && looks_like_image_url(&a.value));
            if has_other {
                dom::remove_attr(node, "src");
            }
        }
    }
    let class = dom::attr(node, "class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let has_src = dom::attr(node, "src").is_some_and(|s| !s.trim().is_empty())
        || dom::attr(node, "srcset").is_some_and(|s| !s.trim().is_empty());
    if has_src && !class.contains("lazy") {
        return;
    }
    let attrs: Vec<(String, String)> = el
        .attributes
        .borrow()
        .map
        .iter()
        .map(|(n, a)| (n.local.to_string(), a.value.clone()))
        .collect();
    for (name, value) in attrs {
        if matches!(name.as_str(), "src" | "srcset" | "alt") {
            continue;
        }
        let target = if looks_like_srcset(&value) {
            "srcset"
        } else if looks_like_image_url(&value) && !value.trim().contains(' ') {
            "src"
        } else {
            continue;
        };
        if tag == "img" || tag == "picture" {
            dom::set_attr(node, target, value.trim());
        } else if tag == "figure"
            && !node
                .walk_descendants()
                .any_node(&mut |d| dom::is(d, &["img", "picture"]))
        {
            let img =
                dom::new_html_element("img", vec![(target.to_string(), value.trim().to_string())]);
            node.append(img);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Repairs

/// Drops the page's class tokens in the reader's namespace ([`RESERVED_CLASS_PREFIX`]): only
/// the engine gives an element one of those.
fn drop_reserved_classes(node: &NodeRef) {
    // (Compared in place: a lowercased copy of every class token of the page was made.)
    let reserved = |t: &&str| {
        t.get(..RESERVED_CLASS_PREFIX.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(RESERVED_CLASS_PREFIX))
    };
    let Some(el) = node.as_element() else { return };
    if !dom::get(&el.attributes.borrow(), "class")
        .is_some_and(|class| class.split_ascii_whitespace().any(|t| reserved(&t)))
    {
        return;
    }
    let Some(class) = dom::attr(node, "class") else {
        return;
    };
    let kept: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|t| !reserved(t))
        .collect();
    if kept.is_empty() {
        dom::remove_attr(node, "class");
    } else {
        dom::set_attr(node, "class", &kept.join(" "));
    }
}

/// Lazy images, `<br>` runs, `<font>`, and protection marks, in one pass over the elements.
/// Returns the page's tables, in document order (repairs move none, nor remove any).
fn repair(document: &NodeRef, title: &str) -> Vec<NodeRef> {
    let title = crate::text::WordSet::new(title);
    let elements: Vec<NodeRef> = dom::descendants_where(document, &|n| n.as_element().is_some());
    let mut tables = Vec::new();
    for node in elements {
        if node.parent().is_none() {
            continue;
        }
        drop_reserved_classes(&node);
        match dom::tag(&node) {
            "table" if dom::is(&node, &["table"]) => tables.push(node),
            "img" | "picture" | "figure" => fix_lazy_image(&node),
            "br" => replace_br_run(&node),
            "font" => {
                dom::rename(&node, "span");
            }
            "time" => drop_short_form(&node),
            "article" if is_other_story(&node, &title) => {
                dom::set_attr(&node, STORY_ATTR, "1");
            }
            "pre" | "code" | "math" => dom::set_attr(&node, PROTECT_ATTR, "1"),
            "blockquote" | "div" => {
                // (The class read in place: most blocks have one, and each was copied.)
                let embedded = node.as_element().is_some_and(|el| {
                    EMBEDDED_POST.is_match(dom::get(&el.attributes.borrow(), "class").unwrap_or(""))
                });
                if embedded {
                    dom::set_attr(&node, PROTECT_ATTR, "1");
                    dom::set_attr(&node, "class", "lectern-post");
                }
            }
            _ => {}
        }
    }
    tables
}

/// A date printed twice in one `<time>`, a long and a short form of which a style sheet shows
/// one by the screen's width (Invision Community's `<span class="ipsTime__long">June 14,
/// 2024</span><span class="ipsTime__short">1 yr</span>`): the short form goes, or every
/// post's date reads "June 14, 20241 yr". A child is a form by a part of its class (split at
/// `-` and `_`): [`DATE_SHORT_FORM`] beside a sibling's [`DATE_LONG_FORM`].
fn drop_short_form(time: &NodeRef) {
    let form = |n: &NodeRef, words: &[&str]| {
        dom::attr(n, "class").is_some_and(|c| {
            c.split(|ch: char| ch == '-' || ch == '_' || ch.is_ascii_whitespace())
                .any(|part| words.iter().any(|w| part.eq_ignore_ascii_case(w)))
        })
    };
    let children: Vec<NodeRef> = dom::element_children(time).collect();
    if children.iter().any(|c| form(c, DATE_LONG_FORM)) {
        for c in children.iter().filter(|c| form(c, DATE_SHORT_FORM)) {
            c.detach();
        }
    }
}

fn is_whitespace_text(n: &NodeRef) -> bool {
    n.as_text().is_some_and(|t| t.borrow().trim().is_empty())
}

/// The next sibling that is not whitespace-only text.
fn next_significant(n: Option<NodeRef>) -> Option<NodeRef> {
    let mut cur = n;
    while let Some(c) = cur {
        if !is_whitespace_text(&c) {
            return Some(c);
        }
        cur = c.next_sibling();
    }
    None
}

/// Readability's `replaceBrs`: two or more `<br>`s in a row end a paragraph; the phrasing
/// content after them becomes a `<p>`.
fn replace_br_run(br: &NodeRef) {
    if br.parent().is_none() || dom::has_ancestor(br, &["pre"], None) {
        return;
    }
    let mut replaced = false;
    let mut next = next_significant(br.next_sibling());
    while let Some(n) = next {
        if !dom::is(&n, &["br"]) {
            break;
        }
        replaced = true;
        let after = n.next_sibling();
        n.detach();
        next = next_significant(after);
    }
    if !replaced {
        return;
    }
    let p = dom::new_html_element("p", vec![]);
    br.insert_before(p.clone());
    br.detach();
    let mut next = p.next_sibling();
    while let Some(n) = next {
        if dom::is(&n, &["br"]) {
            if let Some(after) = next_significant(n.next_sibling()) {
                if dom::is(&after, &["br"]) {
                    break;
                }
            }
        }
        // (A `<font>` is phrasing: this pass makes it a `<span>`, maybe only after this run.)
        if !(is_phrasing(&n) || dom::is(&n, &["font"])) {
            break;
        }
        next = n.next_sibling();
        p.append(n);
    }
    while let Some(last) = p.last_child() {
        if is_whitespace_text(&last) || dom::is(&last, &["br"]) {
            last.detach();
        } else {
            break;
        }
    }
    if p.first_child().is_none() {
        p.detach();
        return;
    }
    // A paragraph cannot hold one: the paragraph it sits in becomes a `<div>`, also through
    // phrasing wrappers (`<p><font>…<br><br>…</font></p>`, made by an earlier run: left a
    // `<p>` inside, its text ran on from the block before it).
    if let Some(outer) = p
        .ancestors()
        .take_while(|a| dom::is(a, &["p"]) || is_phrasing(a))
        .find(|a| dom::is(a, &["p"]))
    {
        dom::rename(&outer, "div");
    }
}

/// Readability's data-table test: tables with captions, headers or many cells hold data;
/// one-row or one-column tables and nested tables are layout.
fn mark_data_tables(tables: &[NodeRef]) {
    for table in tables {
        if is_data_table(table) {
            dom::set_attr(table, DATA_TABLE_ATTR, "1");
            dom::set_attr(table, PROTECT_ATTR, "1");
        }
    }
}

fn is_data_table(table: &NodeRef) -> bool {
    if dom::attr(table, "role").as_deref() == Some("presentation")
        || dom::attr(table, "datatable").as_deref() == Some("0")
    {
        return false;
    }
    if dom::attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(caption) = table
        .walk_descendants()
        .find_node(&mut |d| dom::is(d, &["caption"]))
    {
        if caption.first_child().is_some() {
            return true;
        }
    }
    if table
        .walk_descendants()
        .any_node(&mut |d| dom::is(d, &["col", "colgroup", "tfoot", "thead", "th"]))
    {
        return true;
    }
    if table
        .walk_descendants()
        .any_node(&mut |d| dom::is(d, &["table"]))
    {
        return false;
    }
    let (rows, columns) = row_and_column_count(table);
    if columns == 1 || rows == 1 {
        return false;
    }
    if rows >= DATA_TABLE_MIN_ROWS || columns > DATA_TABLE_MAX_LAYOUT_COLUMNS {
        return true;
    }
    rows * columns > DATA_TABLE_MIN_CELLS
}

fn row_and_column_count(table: &NodeRef) -> (usize, usize) {
    let mut rows = 0;
    let mut columns = 0;
    for tr in table.walk_descendants().filter(|d| dom::is(d, &["tr"])) {
        let span = |n: &NodeRef, a: &str| {
            dom::attr(n, a)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 1000)
        };
        rows += span(&tr, "rowspan");
        let cols: usize = dom::element_children(&tr)
            .filter(|c| dom::is(c, &["td", "th"]))
            .map(|c| span(&c, "colspan"))
            .sum();
        columns = columns.max(cols);
    }
    (rows, columns)
}

#[cfg(test)]
mod tests {
    use crate::explain::Explain;
    use crate::Rule;

    /// Prepares a short page (too short for a page-wide wrapper) with `body`; gives the body's
    /// HTML and the rules that removed blocks.
    fn prepared(body: &str) -> (String, Vec<Rule>) {
        let html = format!("<html><body>{body}<p>The story itself.</p></body></html>");
        let document = crate::parse::parse(&html, &crate::Options::default()).unwrap();
        let mut explain = Explain::new(true);
        super::prepare(&document, "", &mut explain);
        let body = crate::dom::body(&document).unwrap();
        // (The `<head>` always goes, as a non-content element.)
        let rules = explain
            .into_removals()
            .iter()
            .filter(|r| r.tag != "head")
            .map(|r| r.rule)
            .collect();
        (crate::output::html::to_html(&body), rules)
    }

    #[test]
    fn a_hidden_block_goes() {
        let (html, rules) = prepared("<div hidden><p>A secret</p></div>");
        assert!(!html.contains("secret"), "{html}");
        assert_eq!(rules, [Rule::Hidden]);
    }

    #[test]
    fn a_hidden_panel_a_control_opens_stays() {
        let (html, _) = prepared("<div id=\"answer\" hidden><p>The answer</p></div><a aria-controls=\"answer\" href=\"#\">Show</a>");
        assert!(html.contains("The answer"), "{html}");
    }

    #[test]
    fn navigation_goes() {
        let (html, rules) = prepared("<nav><a href=\"/\">Home</a></nav>");
        assert!(!html.contains("Home"), "{html}");
        assert_eq!(rules, [Rule::Navigation]);
    }

    #[test]
    fn a_video_player_stays_and_other_iframes_go() {
        let (html, rules) = prepared(
            "<iframe src=\"https://www.tiktok.com/embed/v2/1\"></iframe>\
             <iframe src=\"https://ads.example.com/slot\"></iframe>",
        );
        assert!(html.contains("tiktok.com"), "{html}");
        assert!(!html.contains("ads.example.com"), "{html}");
        assert_eq!(rules, [Rule::Iframe]);
    }
}
