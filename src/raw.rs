//! Part of parsing: empties `<script>` and `<style>` elements, and inline `<svg>`, before the
//! tokenizer sees them.
//!
//! A news page is two-fifths code: inline scripts, JSON state and style sheets (40% of the
//! bytes of the shared corpora). Preparation drops these elements anyway, so tokenizing their
//! text character by character is wasted; this linear scan keeps the elements (the tree keeps
//! its shape) but not their text. JSON scripts stay whole (metadata reads JSON-LD), and so does
//! a script holding `<!--`, where the standard's escaped states could end it elsewhere than at
//! the first `</script>`. Tags are read with quoted attribute values skipped, comments are
//! skipped, and the text of the other raw-text elements (`<textarea>`, `<title>`, …) is passed
//! over, so a `<script>` written inside them is left alone.
//!
//! Inline SVG is emptied too (5% of the corpora's bytes, mostly icon path data, and a tree node
//! per shape): the sanitiser drops `<svg>` from every article, and the rules that look at an
//! `<svg>` only ask whether a block holds one, so the element stays, without its inside. Only
//! where the standard's parser would agree on where it ends: an SVG holding a tag that breaks out
//! of foreign content (`<p>`, `<div>`, `<img>`, … ends the SVG early) is left to the parser.

use std::borrow::Cow;

/// Elements whose text is dropped.
const EMPTIED: &[&str] = &["script", "style"];
/// Other elements whose content is raw text: nothing inside them is a tag.
const RAW_TEXT: &[&str] = &["textarea", "title", "xmp", "iframe", "noembed", "noframes"];
/// Start tags that end foreign content (the standard's "in foreign content" rules; `font`
/// only with some attributes, taken as always here), and the end tags that do.
const BREAKS_OUT_OF_SVG: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];
const END_TAGS_BREAKING_OUT_OF_SVG: &[&str] = &["br", "p"];

/// `html` with the text of its `<script>` and `<style>` elements removed (see the module doc).
pub fn drop_code(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(lt) = find_byte(bytes, b'<', pos) {
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            pos = comment.find("-->").map_or(html.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            pos = lt + 1;
            continue;
        }
        let name = &rest[1..1 + name_len];
        let Some(tag_end) = start_tag_end(html, lt + 1 + name_len) else {
            break;
        };
        pos = tag_end;
        if name.eq_ignore_ascii_case("plaintext") {
            break;
        }
        if name.eq_ignore_ascii_case("svg") && !html[..tag_end].ends_with("/>") {
            if let Some(end) = svg_content_end(html, tag_end) {
                if end > tag_end {
                    let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    o.push_str(&html[copied..tag_end]);
                    copied = end;
                }
                pos = end;
            }
            continue;
        }
        let emptied = EMPTIED.iter().any(|n| name.eq_ignore_ascii_case(n));
        if !emptied && !RAW_TEXT.iter().any(|n| name.eq_ignore_ascii_case(n)) {
            continue;
        }
        let Some(end) = find_end_tag(html, tag_end, name) else {
            break;
        };
        let text = &html[tag_end..end];
        let attrs = &html[lt..tag_end];
        let keep = !emptied
            || text.trim().is_empty()
            || attrs.to_ascii_lowercase().contains("json")
            || text.contains("<!--");
        if !keep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..tag_end]);
            copied = end;
        }
        pos = end;
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

/// Where the `</svg>` closing an `<svg>` whose content starts at `from` begins; `None` when the
/// content holds a tag that breaks out of foreign content, or does not end.
fn svg_content_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 1usize;
    let mut pos = from;
    loop {
        let lt = find_byte(bytes, b'<', pos)?;
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            pos = lt + 4 + comment.find("-->")? + 3;
            continue;
        }
        if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            pos = lt + 9 + cdata.find("]]>")? + 3;
            continue;
        }
        let (closing, name_at) = match rest.as_bytes().get(1) {
            Some(b'/') => (true, lt + 2),
            _ => (false, lt + 1),
        };
        let name_len = html[name_at..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            pos = lt + 1;
            continue;
        }
        let name = &html[name_at..name_at + name_len];
        let is = |list: &[&str]| list.iter().any(|n| name.eq_ignore_ascii_case(n));
        let tag_end = start_tag_end(html, name_at + name_len)?;
        if closing {
            if name.eq_ignore_ascii_case("svg") {
                depth -= 1;
                if depth == 0 {
                    return Some(lt);
                }
            } else if is(END_TAGS_BREAKING_OUT_OF_SVG) {
                return None;
            }
        } else if is(BREAKS_OUT_OF_SVG) {
            return None;
        } else if name.eq_ignore_ascii_case("svg") && !html[..tag_end].ends_with("/>") {
            depth += 1;
        }
        pos = tag_end;
    }
}

fn find_byte(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| from + i)
}

/// The position after the `>` that ends a start tag whose attributes begin at `from`,
/// skipping quoted attribute values.
fn start_tag_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                i = find_byte(bytes, q, i + 1)?;
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// Where the end tag `</name` (any case, followed by whitespace, `/` or `>`) starts, at or
/// after `from`, without copying the rest of the page.
pub(crate) fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        let lt = at + html.get(at..)?.find("</")?;
        let name_at = lt + 2;
        let after = name_at + name.len();
        if bytes
            .get(name_at..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        {
            return Some(lt);
        }
        at = lt + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::drop_code;

    #[test]
    fn scripts_and_styles_keep_their_tags_but_not_their_text() {
        let html = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</Script ><style>p{}</style><p>b</p>";
        assert_eq!(
            drop_code(html),
            "<p>a</p><SCRIPT src=x></Script ><style></style><p>b</p>"
        );
    }

    #[test]
    fn json_ld_stays_whole() {
        let html = r#"<script type="application/ld+json">{"headline":"H"}</script>"#;
        assert_eq!(drop_code(html), html);
    }

    #[test]
    fn a_script_holding_a_comment_opener_is_left_to_the_parser() {
        let html = "<script><!-- document.write('<script></script>') --></script><p>x</p>";
        assert_eq!(drop_code(html), html);
    }

    #[test]
    fn script_text_inside_other_raw_text_and_attributes_is_not_a_tag() {
        let html = r#"<textarea><script>x</script></textarea><a title="<script>y</script>">z</a><!-- <script>c</script> -->"#;
        assert_eq!(drop_code(html), html);
    }

    #[test]
    fn an_unclosed_script_is_left_alone() {
        let html = "<p>a</p><script>var x = 1;";
        assert_eq!(drop_code(html), html);
    }

    #[test]
    fn inline_svg_keeps_its_tags_but_not_its_inside() {
        let html = r#"<p>a</p><svg viewBox="0 0 9 9"><g><path d="M0 0"/><svg><title>t</title></svg></g></SVG><p>b</p>"#;
        assert_eq!(
            drop_code(html),
            r#"<p>a</p><svg viewBox="0 0 9 9"></SVG><p>b</p>"#
        );
    }

    #[test]
    fn svg_holding_a_tag_that_ends_it_early_is_left_to_the_parser() {
        for html in [
            "<svg><path/><p>text the page shows</p></svg>",
            "<svg><g><div>x</div></g></svg>",
            "<svg><text>a</text></p>b</svg>",
            "<svg><path d='M0'/>",
        ] {
            assert_eq!(drop_code(html), html);
        }
    }

    #[test]
    fn svg_tags_in_comments_cdata_and_attributes_do_not_count() {
        let html =
            r#"<svg><!-- </svg> --><![CDATA[</svg><p>]]><a title="</svg>">x</a></svg><p>b</p>"#;
        assert_eq!(drop_code(html), "<svg></svg><p>b</p>");
    }

    #[test]
    fn self_closing_svg_is_left_as_it_is() {
        let html = "<svg/><p>a</p><svg />";
        assert_eq!(drop_code(html), html);
    }

    #[test]
    fn an_end_tag_needs_its_whole_name() {
        let html = "<script>a = '</scripts>'; b</script>";
        assert_eq!(drop_code(html), "<script></script>");
    }
}
