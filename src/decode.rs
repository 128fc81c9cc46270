//! Native only: turns a page's bytes into text as a browser would. In the browser the page
//! is already text, so this (and encoding_rs) stays out of the wasm.
//!
//! Order: a byte-order mark; then a `<meta charset>` or `http-equiv="content-type"` anywhere
//! in the head (many real pages declare their charset after the first 1024 bytes, where the
//! standard's prescan stops looking); then UTF-8 if the bytes are valid UTF-8; else the
//! encoding the bytes look like, guessed as Firefox guesses an undeclared page's (chardetng:
//! a Russian page in windows-1251 or a Chinese one in GBK that names no charset read as
//! windows-1252 is mojibake from its first letter; its guess for Western text is
//! windows-1252, the old fallback).

use encoding_rs::{Encoding, UTF_8};

/// Decodes HTML bytes to a string (never fails: undecodable bytes become U+FFFD).
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Some(encoding) = declared_charset(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            detector
                .guess(None, false)
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    }
}

/// The encoding declared by a `<meta>` in the head, if any. UTF-16 declarations mean UTF-8
/// (a page that could be read to find the meta is not UTF-16), as the standard says.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head_end = find_ascii_ci(bytes, b"</head").or_else(|| find_ascii_ci(bytes, b"<body"));
    let limit = head_end.unwrap_or(bytes.len().min(64 * 1024));
    let head = &bytes[..limit];
    let mut pos = 0;
    while let Some(i) = find_ascii_ci(&head[pos..], b"<meta") {
        let start = pos + i;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&head[start..end]).to_ascii_lowercase();
        if let Some(label) = charset_in_meta(&tag) {
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    UTF_8
                } else {
                    enc
                };
                return Some(enc);
            }
        }
        pos = end;
    }
    None
}

/// The charset label in a lower-cased `<meta …` tag: `charset=x` as an attribute, or inside
/// the `content` of an http-equiv content-type.
fn charset_in_meta(tag: &str) -> Option<String> {
    let idx = tag.find("charset")?;
    let rest = tag[idx + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | ';' | '/' | '>'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Where `needle` first occurs in `haystack`, ASCII case ignored: only where its first byte
/// does (memchr) is the rest compared.
fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_found_in_any_case_and_not_past_the_end() {
        assert_eq!(find_ascii_ci(b"<p>x</HeAd><body>", b"</head"), Some(4));
        assert_eq!(find_ascii_ci(b"<meta><META charset", b"<meta c"), Some(6));
        assert_eq!(find_ascii_ci(b"<meta><META charset", b"<meta x"), None);
        assert_eq!(find_ascii_ci(b"xx Charset=", b"charset"), Some(3));
        assert_eq!(find_ascii_ci(b"ab </hea", b"</head"), None);
        assert_eq!(find_ascii_ci(b"", b"<body"), None);
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=iso-8859-1><p>é".as_bytes());
        assert!(decode_html(&bytes).ends_with('é'));
    }

    #[test]
    fn late_meta_charset_is_honoured() {
        let mut bytes = b"<html><head>".to_vec();
        bytes.extend(std::iter::repeat_n(b' ', 5000));
        bytes.extend_from_slice(b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head><p>caf\xe9");
        assert!(decode_html(&bytes).ends_with("café"));
    }

    #[test]
    fn invalid_utf8_without_declaration_falls_back_to_windows_1252() {
        assert_eq!(
            decode_html(b"<p>\x93quoted\x94"),
            "<p>\u{201c}quoted\u{201d}"
        );
    }

    /// `text` encoded as `encoding`, in a page that names no charset, reads back as `text`.
    fn assert_undeclared_reads_back(text: &str, encoding: &'static Encoding) {
        let (bytes, _, _) = encoding.encode(text);
        assert_eq!(
            decode_html(&[b"<p>", &bytes[..]].concat()),
            format!("<p>{text}")
        );
    }

    #[test]
    fn undeclared_cyrillic_in_windows_1251_is_read_as_such() {
        assert_undeclared_reads_back(
            "Правительство объявило о новых мерах поддержки для жителей региона, \
             пострадавших от наводнения прошлой весной.",
            encoding_rs::WINDOWS_1251,
        );
    }

    #[test]
    fn undeclared_chinese_in_gbk_is_read_as_such() {
        assert_undeclared_reads_back(
            "市政府今天宣布，明年将在城市东部新建三所学校和一座图书馆，以满足居民的需要。",
            encoding_rs::GBK,
        );
    }

    #[test]
    fn valid_utf8_without_declaration_is_utf8() {
        assert_eq!(decode_html("<p>日本".as_bytes()), "<p>日本");
    }
}
