//! Part of parsing: scans over raw markup that the tokenizer ([`crate::tokenize`]) and the depth
//! guard ([`crate::depth`]) use to look ahead without tokenizing.
//!
//! Inline SVG is left out of the tree (5% of the corpora's bytes, mostly icon path data, and a
//! tree node per shape): the sanitiser drops `<svg>` from every article, and the rules that look
//! at an `<svg>` only ask whether a block holds one, so the element stays, without its inside.
//! [`svg_content_end`] finds where that inside ends, only where the standard's parser would
//! agree: an SVG holding a tag that breaks out of foreign content (`<p>`, `<div>`, `<img>`, …
//! ends the SVG early) is left to the parser.

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

/// Where the `</svg>` closing an `<svg>` whose content starts at `from` begins; `None` when the
/// content holds a tag that breaks out of foreign content, or does not end.
pub(crate) fn svg_content_end(html: &str, from: usize) -> Option<usize> {
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
    use super::svg_content_end;

    fn inside(html: &str) -> Option<&str> {
        let from = html.find('>')? + 1;
        svg_content_end(html, from).map(|end| &html[from..end])
    }

    #[test]
    fn svg_content_ends_at_its_own_end_tag_past_nested_svgs() {
        let html = r#"<svg viewBox="0 0 9 9"><g><path d="M0 0"/><svg><title>t</title></svg></g></SVG><p>b</p>"#;
        assert_eq!(
            inside(html),
            Some(r#"<g><path d="M0 0"/><svg><title>t</title></svg></g>"#)
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
            assert_eq!(inside(html), None, "{html}");
        }
    }

    #[test]
    fn svg_end_tags_in_comments_cdata_and_attributes_do_not_count() {
        let html =
            r#"<svg><!-- </svg> --><![CDATA[</svg><p>]]><a title="</svg>">x</a></svg><p>b</p>"#;
        assert_eq!(
            inside(html),
            Some(r#"<!-- </svg> --><![CDATA[</svg><p>]]><a title="</svg>">x</a>"#)
        );
    }

    #[test]
    fn an_end_tag_needs_its_whole_name() {
        let html = "<script>a = '</scripts>'; b</script>";
        assert_eq!(
            super::find_end_tag(html, 8, "script"),
            html.rfind("</script>")
        );
    }
}
