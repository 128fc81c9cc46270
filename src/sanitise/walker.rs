//! The walker: one iterative pass over the tree that applies the allowlist (`allowlist.rs`) to
//! every element and attribute and repairs the tree's shape so that it parses back the same.

use super::allowlist::*;
use super::values::*;
use crate::dom::Walk;
use crate::explain::Explain;
use crate::marks::INDEX_ATTR;
use crate::rule::Rule;
use crate::text::StringSet;
use crate::tunables::is_video;
use crate::urls::{in_page_fragment, percent_decode, safe_url, BaseUrl, UrlKind};
use html5ever::{ns, LocalName, QualName};
use kuchikiki::{Attribute, ExpandedName, NodeData, NodeRef};

/// Which parsing rules apply to an element's children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Html,
    /// Inside `<math>`, not in a token element.
    Math,
    /// Inside a MathML token element: text only.
    MathToken,
}

/// What the parser's stack of open elements looks like at an element, as far as our shape
/// rules need to know: the context for that element's children.
#[derive(Clone)]
pub(super) struct Ctx {
    mode: Mode,
    /// The element's own local name.
    name: LocalName,
    /// The nearest `<p>` the parser would close for a block start tag here.
    p_open: Option<NodeRef>,
    /// An `<a>` is open (no table cell in between).
    in_a: bool,
    /// An `<li>` start tag here would close an open `<li>`.
    li_open: bool,
    /// A `<dd>`/`<dt>` start tag here would close an open `<dd>`/`<dt>`.
    dd_open: bool,
    /// A `<ruby>` is in scope (no table cell or MathML in between): an `<rt>`/`<rp>` start tag
    /// here closes an open `<p>`, `<li>`, `<dd>`, `<dt>`, `<rt>` or `<rp>` it is in.
    ruby: bool,
}

impl Ctx {
    fn root() -> Ctx {
        Ctx {
            mode: Mode::Html,
            name: LocalName::from("div"),
            p_open: None,
            in_a: false,
            li_open: false,
            dd_open: false,
            ruby: false,
        }
    }

    fn child(&self, node: &NodeRef) -> Ctx {
        let Some(el) = node.as_element() else {
            return self.clone();
        };
        let name = el.name.local.clone();
        if el.name.ns == ns!(mathml) {
            let mode = if crate::dom::one_of(&name, MATHML_TOKENS) {
                Mode::MathToken
            } else {
                Mode::Math
            };
            return Ctx {
                mode,
                name,
                p_open: None,
                in_a: false,
                li_open: false,
                dd_open: false,
                ruby: false,
            };
        }
        let n: &str = &name;
        let special = crate::dom::one_of(n, SPECIAL);
        Ctx {
            mode: self.mode,
            p_open: match n {
                "p" => Some(node.clone()),
                "table" | "td" | "th" | "caption" => None,
                _ => self.p_open.clone(),
            },
            in_a: match n {
                "a" => true,
                "td" | "th" | "caption" => false,
                _ => self.in_a,
            },
            li_open: n == "li" || (self.li_open && !special),
            dd_open: n == "dd" || n == "dt" || (self.dd_open && !special),
            ruby: match n {
                "ruby" => true,
                "table" | "td" | "th" | "caption" => false,
                _ => self.ruby,
            },
            name,
        }
    }
}

/// What to do with one element.
pub(super) enum Action {
    Keep,
    Drop(Rule),
    Unwrap,
    /// Put this node in its place and look at it again.
    Replace(NodeRef),
    /// Wrap it into these new elements, outermost first (table repairs).
    Wrap(&'static [&'static str]),
}

/// Sanitises `root`'s descendants in place; `root` itself is a container that is not
/// serialised. Relative URLs are resolved against `base`.
#[inline(never)] // one copy for the article and the removed blocks
pub(crate) fn sanitise(root: &NodeRef, base: Option<&BaseUrl>, explain: &mut Explain) {
    let mut s = Sanitiser {
        keep_index: explain.blocks(),
        base,
        explain,
        targets: link_targets(root, base),
        p_to_div: Vec::new(),
        seen_ids: StringSet::default(),
    };
    let mut stack: Vec<(NodeRef, Ctx)> = vec![(root.clone(), Ctx::root())];
    while let Some((node, ctx)) = stack.pop() {
        s.fix_children(&node, &ctx);
        let children: Vec<NodeRef> = node
            .children()
            .filter(|c| c.as_element().is_some())
            .collect();
        for child in children.into_iter().rev() {
            let child_ctx = ctx.child(&child);
            stack.push((child, child_ctx));
        }
    }
    for p in s.p_to_div {
        if p.parent().is_some() && crate::dom::is_html(&p, &["p"]) {
            rename(&p, ns!(html), "div");
        }
    }
}

pub(super) struct Sanitiser<'a> {
    base: Option<&'a BaseUrl>,
    explain: &'a mut Explain,
    /// Keep the page indexes ([`INDEX_ATTR`]) when removed blocks are kept aside.
    keep_index: bool,
    /// Fragments that in-page links of the article point at (raw and percent-decoded).
    targets: StringSet,
    /// `<p>`s that hold block content, to become `<div>`s once the walk is done.
    p_to_div: Vec<NodeRef>,
    /// `id`s already given out (the first element with an id keeps it).
    seen_ids: StringSet,
}

impl Sanitiser<'_> {
    /// Makes `node`'s children final: each is kept (attributes cleaned), dropped, unwrapped
    /// (its children take its place and are looked at in turn), replaced or wrapped.
    fn fix_children(&mut self, node: &NodeRef, ctx: &Ctx) {
        let table_container =
            ctx.mode == Mode::Html && crate::dom::one_of(&ctx.name, TABLE_CONTAINERS);
        // The wrapper of the previous misplaced child, reused for a run of them.
        let mut open_wrap: Option<(&'static [&'static str], NodeRef)> = None;
        let mut cur = node.first_child();
        while let Some(c) = cur {
            let next = c.next_sibling();
            let action = match c.data() {
                NodeData::Text(t) => {
                    let mut text = t.borrow_mut();
                    if memchr::memchr2(b'\r', b'\0', text.as_bytes()).is_some() {
                        *text = fix_chars(&text);
                    }
                    if text.is_empty() {
                        drop(text);
                        c.detach();
                        cur = next;
                        continue;
                    }
                    // Only a table's structure holds no text of its own.
                    let misplaced = table_container
                        && !text
                            .chars()
                            .all(|ch| matches!(ch, ' ' | '\t' | '\n' | '\x0c' | '\r'));
                    if misplaced {
                        if &*ctx.name == "colgroup" {
                            drop(text);
                            c.detach();
                            cur = next;
                            continue;
                        }
                        Action::Wrap(cell_wrapping(&ctx.name))
                    } else {
                        cur = next;
                        open_wrap = None;
                        continue;
                    }
                }
                NodeData::Element(_) => self.decide(&c, ctx),
                _ => {
                    c.detach();
                    cur = next;
                    continue;
                }
            };
            match action {
                Action::Keep => {
                    open_wrap = None;
                    if self.clean_attributes(&c) {
                        cur = next;
                    } else {
                        // An `<a>` left with nothing: unwrap it.
                        cur = c.first_child().or(next);
                        crate::dom::unwrap(&c);
                    }
                }
                Action::Drop(rule) => {
                    self.explain.remove(&c, rule, &|| {
                        format!("<{}> is not allowed", crate::dom::tag(&c))
                    });
                    cur = next;
                }
                Action::Unwrap => {
                    cur = c.first_child().or(next);
                    crate::dom::unwrap(&c);
                }
                Action::Replace(new) => {
                    c.insert_before(new.clone());
                    c.detach();
                    cur = Some(new);
                }
                Action::Wrap(chain) => {
                    let inner = match &open_wrap {
                        Some((k, inner)) if std::ptr::eq(*k, chain) => inner.clone(),
                        _ => {
                            let outer = html_element(chain[0]);
                            let mut inner = outer.clone();
                            for name in &chain[1..] {
                                let e = html_element(name);
                                inner.append(e.clone());
                                inner = e;
                            }
                            c.insert_before(outer);
                            open_wrap = Some((chain, inner.clone()));
                            inner
                        }
                    };
                    inner.append(c);
                    cur = next;
                }
            }
        }
        merge_text(node);
    }

    fn decide(&mut self, c: &NodeRef, ctx: &Ctx) -> Action {
        let Some(el) = c.as_element() else {
            return Action::Keep;
        };
        let local: &str = &el.name.local;
        if el.name.ns == ns!(svg) {
            return Action::Drop(Rule::Svg);
        }
        if el.name.ns == ns!(mathml) {
            return match ctx.mode {
                Mode::Html if local == "math" => match &*ctx.name {
                    "colgroup" => Action::Drop(Rule::TableShape),
                    parent if crate::dom::one_of(parent, TABLE_CONTAINERS) => {
                        Action::Wrap(cell_wrapping(parent))
                    }
                    _ => Action::Keep,
                },
                Mode::Html => Action::Unwrap,
                Mode::MathToken if crate::dom::one_of(local, MATHML_DROPPED) => {
                    Action::Drop(Rule::MathAnnotation)
                }
                Mode::MathToken => Action::Unwrap,
                Mode::Math if crate::dom::one_of(local, MATHML_DROPPED) => {
                    Action::Drop(Rule::MathAnnotation)
                }
                Mode::Math if crate::dom::one_of(local, MATHML_ELEMENTS) => Action::Keep,
                Mode::Math => Action::Replace(rename_detached(c, ns!(mathml), "mrow")),
            };
        }
        if el.name.ns != ns!(html) {
            return Action::Drop(Rule::ForeignNamespace);
        }
        if local == "iframe" || local == "video" {
            if let Some(link) = self.video_link(c) {
                return Action::Replace(link);
            }
        }
        if let Some((_, rule)) = DROPPED_HTML.iter().find(|(n, _)| *n == local) {
            return Action::Drop(*rule);
        }
        if ctx.mode != Mode::Html {
            return Action::Unwrap;
        }
        if !crate::dom::one_of(local, ALLOWED_HTML) {
            // A block the output does not keep stays a block: unwrapped, its text would run
            // into its neighbours' (three column `<article>`s "HM", "E", "M" became "HMEM").
            if crate::dom::is_text_block(&el.name.local) {
                return Action::Replace(rename_detached(c, ns!(html), "div"));
            }
            return Action::Unwrap;
        }
        if crate::dom::one_of(local, VOID) {
            // Only a synthetic tree gives a void element children; they could not be written.
            while let Some(child) = c.first_child() {
                child.detach();
            }
        }
        let parent: &str = &ctx.name;
        // Table shape: parts only in their parent; containers hold only their parts.
        if let Some((_, parents)) = TABLE_PARTS.iter().find(|(n, _)| *n == local) {
            if crate::dom::one_of(parent, parents) {
                return Action::Keep;
            }
        }
        if crate::dom::one_of(parent, TABLE_CONTAINERS) {
            return match (parent, local) {
                ("colgroup", _) => Action::Drop(Rule::TableShape),
                ("table", "tr") => Action::Wrap(&["tbody"]),
                ("table", "td" | "th") => Action::Wrap(&["tbody", "tr"]),
                ("table", "col") => Action::Wrap(&["colgroup"]),
                ("thead" | "tbody" | "tfoot", "td" | "th") => Action::Wrap(&["tr"]),
                _ => Action::Wrap(cell_wrapping(parent)),
            };
        }
        if TABLE_PARTS.iter().any(|(n, _)| *n == local) {
            return Action::Unwrap;
        }
        match local {
            "a" if ctx.in_a => return Action::Unwrap,
            "li" if ctx.li_open => return Action::Unwrap,
            "dd" | "dt" if ctx.dd_open => return Action::Unwrap,
            // The parser would close the parent at this start tag and put the annotation
            // after it: written as it is, the output would not parse to itself.
            "rt" | "rp" if ctx.ruby && crate::dom::one_of(parent, RUBY_ANNOTATION_CLOSES) => {
                return Action::Unwrap
            }
            "source" if parent != "picture" => return Action::Drop(Rule::SourceOutsidePicture),
            _ => {}
        }
        if crate::dom::one_of(local, HEADINGS) && crate::dom::one_of(parent, HEADINGS) {
            return Action::Unwrap;
        }
        if crate::dom::one_of(local, P_CLOSERS) {
            if let Some(p) = &ctx.p_open {
                self.p_to_div.push(p.clone());
            }
        }
        Action::Keep
    }

    /// Cleans the attributes of a kept element; false for an `<a>` left without any.
    fn clean_attributes(&mut self, node: &NodeRef) -> bool {
        let Some(el) = node.as_element() else {
            return true;
        };
        let local: &str = &el.name.local;
        let mut attrs = el.attributes.borrow_mut();
        let old: Vec<(ExpandedName, Attribute)> = attrs.map.drain(..).collect();
        if el.name.ns == ns!(mathml) {
            for (name, attr) in old {
                if name.ns != ns!() || !crate::dom::one_of(&name.local, MATHML_ATTRIBUTES) {
                    continue;
                }
                let value = fixed(attr.value);
                let bounded = if crate::dom::one_of(&name.local, MATHML_LENGTH_ATTRIBUTES) {
                    Some(math_length(&value))
                } else if &*name.local == "scriptlevel" {
                    Some(math_scriptlevel(&value))
                } else {
                    None
                };
                if let Some(kept) = bounded {
                    if let Some(v) = kept {
                        attrs.insert(name.local, v);
                    }
                } else {
                    attrs.insert(name.local, value);
                }
            }
            return true;
        }
        let mut name_attr = None;
        for (name, attr) in old {
            if name.ns != ns!() {
                continue;
            }
            let value = fixed(attr.value);
            let kept = match (&*name.local, local) {
                ("title", _) => Some(value),
                // Read and dropped by the crate root, to place removed blocks.
                (INDEX_ATTR, _) if self.keep_index => Some(value),
                ("lang", _) => valid_lang(&value).then_some(value),
                ("dir", _) => {
                    let v = value.trim().to_ascii_lowercase();
                    matches!(v.as_str(), "ltr" | "rtl" | "auto").then_some(v)
                }
                ("id", _) => self
                    .keep_id(
                        &value,
                        matches!(local, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
                    )
                    .then(|| format!("{ARTICLE_ID_PREFIX}{value}")),
                ("name", "a") => {
                    name_attr = Some(value);
                    None
                }
                ("class", _) => classes(&value, local),
                // The footnote roles the cleaning stage writes (and a page's, when they say the
                // same): the notes list, a reference, a link back.
                ("role", "section") => (value == "doc-endnotes").then_some(value),
                ("role", "a") => {
                    matches!(value.as_str(), "doc-noteref" | "doc-backlink").then_some(value)
                }
                ("href", "a") => safe_url(self.base, &value, UrlKind::Link).map(|h| {
                    // An in-page link points at the prefixed id.
                    match h.strip_prefix('#').filter(|f| !f.is_empty()) {
                        Some(f) => format!("#{ARTICLE_ID_PREFIX}{f}"),
                        None => h,
                    }
                }),
                ("src", "img") => safe_url(self.base, &value, UrlKind::Image),
                ("src", "source") => safe_url(self.base, &value, UrlKind::Media),
                ("srcset", "img" | "source") => srcset(self.base, &value),
                ("sizes", "img" | "source") | ("media", "source") => Some(value),
                ("alt", "img") => Some(value),
                ("width" | "height", "img" | "source") => number(&value, true),
                ("colspan" | "rowspan", "td" | "th") | ("span", "col" | "colgroup") => {
                    number(&value, false)
                }
                ("headers", "td" | "th") => Some(value),
                ("scope", "th") => {
                    let v = value.trim().to_ascii_lowercase();
                    matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup").then_some(v)
                }
                ("datetime", "time" | "del" | "ins") => Some(value),
                ("cite", "blockquote" | "q" | "del" | "ins") => {
                    safe_url(self.base, &value, UrlKind::Cite)
                }
                ("start", "ol") | ("value", "li") => integer(&value),
                ("reversed", "ol") => Some(String::new()),
                ("type", "ol") => matches!(value.trim(), "1" | "a" | "A" | "i" | "I")
                    .then(|| value.trim().to_string()),
                ("type", "ul") => {
                    let v = value.trim().to_ascii_lowercase();
                    matches!(v.as_str(), "disc" | "circle" | "square").then_some(v)
                }
                ("type", "source") => {
                    let ok = value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "/+-.;=\" ,".contains(c));
                    ok.then_some(value)
                }
                _ => None,
            };
            if let Some(v) = kept {
                attrs.insert(name.local, v);
            }
        }
        if local == "a" {
            if let Some(n) = name_attr {
                if !attrs.contains("id") && self.keep_id(&n, false) {
                    attrs.insert("id", format!("{ARTICLE_ID_PREFIX}{n}"));
                }
            }
            if attrs.contains("href") {
                attrs.insert("rel", LINK_REL.to_string());
            }
            return !attrs.map.is_empty();
        }
        true
    }

    /// An id stays on what an in-page link targets, and on every heading (the reader's
    /// outline and links to a section use them); once each, never a reserved one.
    fn keep_id(&mut self, id: &str, heading: bool) -> bool {
        !id.is_empty()
            && !id.to_ascii_lowercase().starts_with(RESERVED_ID_PREFIX)
            && (heading || self.targets.contains(id))
            && self.seen_ids.insert(id.to_string())
    }

    /// A link standing in for a video player: `<iframe>` from [`VIDEO_HOSTS`](crate::tunables::VIDEO_HOSTS), or `<video>`
    /// with a web address (its own `src` or its first `<source>`'s).
    fn video_link(&self, node: &NodeRef) -> Option<NodeRef> {
        let el = node.as_element()?;
        let (src, title) = {
            let attrs = el.attributes.borrow();
            let title = crate::dom::get(&attrs, "title")
                .or(crate::dom::get(&attrs, "aria-label"))
                .map(str::trim)
                .unwrap_or("")
                .to_string();
            let src = crate::dom::get(&attrs, "src").map(str::to_string);
            (src, title)
        };
        let src = match (&*el.name.local, src) {
            ("video", None) => node
                .walk_descendants()
                .find_node(&mut |d| {
                    crate::dom::is_html(d, &["source"]) && crate::dom::has_attr(d, "src")
                })
                .and_then(|s| crate::dom::attr(&s, "src")),
            (_, s) => s,
        }?;
        let url = safe_url(self.base, &src, UrlKind::Media)?;
        let parsed = BaseUrl::parse(&url)?;
        let host = parsed.host()?.to_string();
        if &*el.name.local == "iframe" && !is_video(&host, path_after(&url, &host)) {
            return None;
        }
        let youtube_id = youtube_id(&parsed);
        let href = match &youtube_id {
            Some(id) => format!("https://www.youtube.com/watch?v={id}"),
            None => url,
        };
        let link = new_element(
            "a",
            &[
                ("class", "lectern-video"),
                ("href", &href),
                ("rel", LINK_REL),
            ],
        );
        if let Some(id) = &youtube_id {
            let thumb = format!("https://i.ytimg.com/vi/{id}/hqdefault.jpg");
            link.append(new_element("img", &[("src", &thumb), ("alt", "")]));
        }
        let label = if title.is_empty() {
            format!("Video: {host}")
        } else {
            format!("Video: {title}")
        };
        link.append(NodeRef::new_text(label));
        Some(link)
    }
}

/// The fragments in-page links of the article point at.
pub(super) fn link_targets(root: &NodeRef, base: Option<&BaseUrl>) -> StringSet {
    let mut targets = StringSet::default();
    for node in root.walk_descendants() {
        let Some(el) = node.as_element() else {
            continue;
        };
        if &*el.name.local != "a" {
            continue;
        }
        let attrs = el.attributes.borrow();
        let Some(href) = crate::dom::get(&attrs, "href") else {
            continue;
        };
        if let Some(f) = in_page_fragment(base, href) {
            if let Some(decoded) = percent_decode(&f) {
                targets.insert(decoded);
            }
            targets.insert(f);
        }
    }
    targets
}

/// What follows the host in the absolute URL `url` (its path, query and fragment; a port first
/// if it has one).
pub(super) fn path_after<'a>(url: &'a str, host: &str) -> &'a str {
    url.find("//")
        .and_then(|i| url[i + 2..].find(host).map(|j| i + 2 + j + host.len()))
        .map_or("", |end| &url[end..])
}

/// The video id of a YouTube embed or watch URL.
pub(super) fn youtube_id(url: &BaseUrl) -> Option<String> {
    let host = url.host()?;
    let s = url.as_str();
    let after_host = &s[s.find(host)? + host.len()..];
    let id = if host == "youtu.be" {
        after_host
            .trim_start_matches('/')
            .split(['/', '?', '#'])
            .next()?
    } else if host.ends_with("youtube.com") || host.ends_with("youtube-nocookie.com") {
        if let Some(rest) = after_host.strip_prefix("/embed/") {
            rest.split(['/', '?', '#']).next()?
        } else {
            let q = after_host.split_once('?')?.1;
            q.split(['&', '#']).find_map(|kv| kv.strip_prefix("v="))?
        }
    } else {
        return None;
    };
    let ok = !id.is_empty()
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| id.to_string())
}

/// How misplaced content of a table container is wrapped so that it lands in a cell.
pub(super) fn cell_wrapping(container: &str) -> &'static [&'static str] {
    match container {
        "table" => &["tbody", "tr", "td"],
        "thead" | "tbody" | "tfoot" => &["tr", "td"],
        _ => &["td"],
    }
}

/// NUL becomes U+FFFD, CR LF and CR become LF: what the parser does to its input.
/// Line breaks as `\n` (`\r\n` and a lone `\r` alike) and NULs as U+FFFD, in one pass.
pub(super) fn fix_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = memchr::memchr2(b'\r', b'\0', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        if rest.as_bytes()[i] == b'\r' {
            out.push('\n');
            rest = &rest[i + 1..];
            rest = rest.strip_prefix('\n').unwrap_or(rest);
        } else {
            out.push('\u{fffd}');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// [`fix_chars`] of an owned string: the string itself when there is nothing to fix (as for
/// most: a copy of every attribute's value was made, kept or not).
fn fixed(s: String) -> String {
    if memchr::memchr2(b'\r', b'\0', s.as_bytes()).is_none() {
        s
    } else {
        fix_chars(&s)
    }
}

/// Merges adjacent text children of `node`.
pub(super) fn merge_text(node: &NodeRef) {
    let mut cur = node.first_child();
    while let Some(c) = cur {
        let next = c.next_sibling();
        if let (Some(t), Some(n)) = (c.as_text(), next.as_ref()) {
            if let Some(nt) = n.as_text() {
                let more = nt.borrow().clone();
                t.borrow_mut().push_str(&more);
                n.detach();
                cur = Some(c);
                continue;
            }
        }
        cur = next;
    }
}

pub(super) fn html_element(name: &str) -> NodeRef {
    NodeRef::new_element(
        QualName::new(None, ns!(html), LocalName::from(name)),
        Vec::new(),
    )
}

pub(super) fn new_element(name: &str, attrs: &[(&str, &str)]) -> NodeRef {
    NodeRef::new_element(
        QualName::new(None, ns!(html), LocalName::from(name)),
        attrs.iter().map(|(k, v)| {
            (
                ExpandedName::new(ns!(), LocalName::from(*k)),
                Attribute {
                    prefix: None,
                    value: v.to_string(),
                },
            )
        }),
    )
}

/// A new element named `name` in `ns` holding `node`'s attributes and children (which move),
/// not yet in the tree.
pub(super) fn rename_detached(node: &NodeRef, ns: html5ever::Namespace, name: &str) -> NodeRef {
    let attrs = node
        .as_element()
        .map(|el| el.attributes.borrow().map.clone())
        .unwrap_or_default();
    let new = NodeRef::new_element(QualName::new(None, ns, LocalName::from(name)), attrs);
    while let Some(child) = node.first_child() {
        new.append(child);
    }
    new
}

/// Replaces `node` in the tree by a renamed copy.
pub(super) fn rename(node: &NodeRef, ns: html5ever::Namespace, name: &str) {
    let new = rename_detached(node, ns, name);
    node.insert_before(new);
    node.detach();
}

#[cfg(test)]
mod tests {
    use super::fix_chars;

    #[test]
    fn line_breaks_become_newlines_and_nuls_replacement_characters() {
        let alphabet = ["\r", "\n", "\0", "a", "é", "\r\n", " "];
        let mut texts = crate::testing::Texts::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..5_000 {
            let count = texts.below(9);
            let text = texts.text(&alphabet, count);
            let expected = text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\0', "\u{fffd}");
            assert_eq!(fix_chars(&text), expected, "{text:?}");
        }
    }
}
