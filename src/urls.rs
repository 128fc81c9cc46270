//! URL resolution and the scheme allowlist.
//!
//! Two jobs, both in service of the sanitiser:
//!
//! * [`BaseUrl::resolve`] turns the relative URLs of an article into absolute ones
//!   (RFC 3986 §5.2, with the WHATWG URL Standard's leniencies that browsers apply: tabs and
//!   newlines removed anywhere, leading/trailing C0 controls and spaces trimmed, `\` read as `/`
//!   in http(s) and file URLs, `%2e` read as `.` in dot segments).
//! * [`safe_url`] decides whether a URL may appear in the reader at all. The decision is an
//!   allowlist of schemes, made on the URL exactly as a browser would read it: entities are
//!   already decoded by the HTML parser, and the scheme is found after the same trimming and
//!   tab/newline removal a browser does, so `jav&#x09;ascript:`, ` JaVaScRiPt:` and
//!   `java\nscript:` are all recognised (and refused). A URL that still holds a control
//!   character after that clean-up is refused outright rather than guessed at.
//!
//! Allowed: `http`, `https`, `mailto` (links only), relative URLs (made absolute when the page
//! address is known, kept relative otherwise) and in-page fragments (`#fn1`, kept as fragments
//! so footnotes keep working inside the reader). `data:` is allowed only for `<img src>` and only
//! for raster image types ([`DATA_IMAGE_TYPES`]); `data:image/svg+xml` is refused: an SVG in an
//! `<img>` cannot run script, but it buys readers nothing and would be the one active format in
//! the list. `file:` URLs appear only when the page itself is a `file:` page and a relative URL
//! resolves against it; an explicit `file:` URL in a page is refused. Everything else
//! (`javascript:`, `vbscript:`, `data:text/html`, `blob:`, `filesystem:`, unknown schemes) is
//! refused.

/// Schemes a base (page) address may have.
const BASE_SCHEMES: &[&str] = &["http", "https", "file"];

/// Schemes that use the WHATWG "special" parsing rules (`\` is a path separator).
const SPECIAL_SCHEMES: &[&str] = &["http", "https", "file", "ws", "wss", "ftp"];

/// Raster image media types allowed in `data:` URLs of `<img src>`.
pub(crate) const DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
    "image/x-icon",
    "image/vnd.microsoft.icon",
];

/// Where a URL is used: each place has its own allowlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlKind {
    /// `<a href>`: http, https, mailto, relative, in-page fragments.
    Link,
    /// `<img src>`: http, https, relative, raster `data:image/*`.
    Image,
    /// `srcset` candidates and `<source src>`: http, https, relative.
    Media,
    /// `cite` attributes: http, https, relative.
    Cite,
}

/// An absolute base address to resolve relative URLs against (an http, https or file URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl {
    href: String,
    parts: Parts,
}

/// The five components of a URI reference (RFC 3986 appendix B), as byte ranges are awkward
/// to keep in sync, as owned strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Parts {
    scheme: Option<String>,
    authority: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

impl BaseUrl {
    /// Parses an absolute http, https or file URL; `None` for anything else.
    pub(crate) fn parse(s: &str) -> Option<BaseUrl> {
        let cleaned = clean(s);
        let scheme = scheme_of(&cleaned)?;
        if !BASE_SCHEMES.contains(&scheme.as_str()) {
            return None;
        }
        let normalised = backslashes_to_slashes(&cleaned, &scheme);
        let mut parts = split(&normalised);
        parts.scheme = Some(scheme);
        if parts.authority.is_none() && parts.scheme.as_deref() != Some("file") {
            // `http:foo` is not a usable page address.
            return None;
        }
        if parts.authority.is_some() && parts.path.is_empty() {
            parts.path.push('/');
        }
        parts.path = remove_dot_segments(&parts.path);
        Some(BaseUrl {
            href: recompose(&parts),
            parts,
        })
    }

    /// The address as normalised (scheme lower-cased, dot segments removed).
    pub(crate) fn as_str(&self) -> &str {
        &self.href
    }

    /// The scheme, lower-cased (`http`, `https` or `file`).
    pub(crate) fn scheme(&self) -> &str {
        self.parts.scheme.as_deref().unwrap_or("")
    }

    /// The host name, lower-cased, without user info or port, for the site name of last
    /// resort. `None` for `file:` URLs.
    pub(crate) fn host(&self) -> Option<&str> {
        host_of_authority(self.parts.authority.as_deref()?)
    }

    /// The address without its fragment: what an in-page link points at.
    pub(crate) fn without_fragment(&self) -> &str {
        match self.href.find('#') {
            Some(i) => &self.href[..i],
            None => &self.href,
        }
    }

    /// Resolves `href` against this base (RFC 3986 §5.2.2, with the browser leniencies described
    /// in the module documentation). The result may have any scheme `href` had: check it with
    /// [`safe_url`] before use.
    pub(crate) fn resolve(&self, href: &str) -> String {
        let cleaned = clean(href);
        let scheme = scheme_of(&cleaned);
        let effective_scheme = scheme.clone().unwrap_or_else(|| self.scheme().to_string());
        let normalised = backslashes_to_slashes(&cleaned, &effective_scheme);
        let mut r = split(&normalised);
        r.scheme = scheme;
        // WHATWG: `http:foo` against an http base is relative.
        if let Some(s) = &r.scheme {
            if s == self.scheme() && r.authority.is_none() && SPECIAL_SCHEMES.contains(&s.as_str())
            {
                r.scheme = None;
            }
        }
        let base = &self.parts;
        let t = if r.scheme.is_some() {
            Parts {
                path: remove_dot_segments(&r.path),
                ..r
            }
        } else if r.authority.is_some() {
            Parts {
                scheme: base.scheme.clone(),
                path: remove_dot_segments(&r.path),
                ..r
            }
        } else if r.path.is_empty() {
            Parts {
                scheme: base.scheme.clone(),
                authority: base.authority.clone(),
                path: base.path.clone(),
                query: r.query.or_else(|| base.query.clone()),
                fragment: r.fragment,
            }
        } else {
            let path = if r.path.starts_with('/') {
                remove_dot_segments(&r.path)
            } else {
                remove_dot_segments(&merge(base, &r.path))
            };
            Parts {
                scheme: base.scheme.clone(),
                authority: base.authority.clone(),
                path,
                query: r.query,
                fragment: r.fragment,
            }
        };
        let mut t = t;
        if t.authority.is_some() && t.path.is_empty() {
            t.path.push('/');
        }
        recompose(&t)
    }
}

/// The URL to put in the reader for `raw` used as `kind`, or `None` when it must go.
///
/// Relative URLs are resolved against `base` when there is one. A link to the page itself
/// with a fragment (`#fn1`, or the page's own address followed by `#fn1`) comes back as the
/// bare fragment so it keeps working inside the reader.
pub(crate) fn safe_url(base: Option<&BaseUrl>, raw: &str, kind: UrlKind) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    if cleaned.chars().any(is_forbidden_char) {
        return None;
    }
    match scheme_of(&cleaned) {
        Some(scheme) => {
            if !scheme_allowed(&scheme, &cleaned, kind) {
                return None;
            }
            if scheme == "http" || scheme == "https" {
                if let Some(b) = base {
                    return checked(b.resolve(&cleaned), base, kind);
                }
                return Some(format!("{scheme}{}", &cleaned[scheme.len()..]));
            }
            // mailto: and data: are opaque: keep them as written, scheme lower-cased.
            Some(format!("{scheme}{}", &cleaned[scheme.len()..]))
        }
        None => {
            if kind == UrlKind::Link && cleaned.starts_with('#') {
                return Some(cleaned.into_owned());
            }
            match base {
                Some(b) => checked(b.resolve(&cleaned), base, kind),
                // No page address: the reader cannot resolve it either; keep it relative.
                None => Some(cleaned.into_owned()),
            }
        }
    }
}

/// Re-checks a resolved URL (a `javascript:` base, or one with a control character, must never
/// leak through resolution) and turns links to the page itself into fragments.
fn checked(resolved: String, base: Option<&BaseUrl>, kind: UrlKind) -> Option<String> {
    // A base address can bring in what the reference itself did not have: a `<base href>` with a
    // control character (a fuzzer found one) makes every relative URL carry it.
    if resolved.chars().any(is_forbidden_char) {
        return None;
    }
    let scheme = scheme_of(&resolved)?;
    let allowed = matches!(scheme.as_str(), "http" | "https")
        || (scheme == "file" && base.is_some_and(|b| b.scheme() == "file"));
    if !allowed {
        return None;
    }
    if kind == UrlKind::Link {
        if let Some(b) = base {
            if let Some(frag) = resolved.strip_prefix(b.without_fragment()) {
                if frag.starts_with('#') && frag.len() > 1 {
                    return Some(frag.to_string());
                }
            }
        }
    }
    Some(resolved)
}

fn scheme_allowed(scheme: &str, cleaned: &str, kind: UrlKind) -> bool {
    match scheme {
        "http" | "https" => true,
        "mailto" => kind == UrlKind::Link,
        "data" => kind == UrlKind::Image && data_image_allowed(cleaned),
        _ => false,
    }
}

/// True for `data:<raster image type>[;params],...`.
fn data_image_allowed(url: &str) -> bool {
    let rest = &url["data:".len()..];
    let Some(comma) = rest.find(',') else {
        return false;
    };
    let header = &rest[..comma];
    let mime = header
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    DATA_IMAGE_TYPES.contains(&mime.as_str())
}

/// The fragment a link points at inside the page, if it is an in-page link: `#fn1`, or the
/// page's own address followed by `#fn1`. Used to decide which `id`s to keep.
pub(crate) fn in_page_fragment(base: Option<&BaseUrl>, raw: &str) -> Option<String> {
    let cleaned = clean(raw);
    if let Some(f) = cleaned.strip_prefix('#') {
        return (!f.is_empty()).then(|| f.to_string());
    }
    // A fragment only ever comes from the reference itself (resolving drops the base's):
    // a reference without `#` points elsewhere, whatever it resolves to.
    if !cleaned.contains('#') {
        return None;
    }
    let b = base?;
    let resolved = b.resolve(&cleaned);
    let frag = resolved
        .strip_prefix(b.without_fragment())?
        .strip_prefix('#')?;
    (!frag.is_empty()).then(|| frag.to_string())
}

/// Percent-decodes `s` (for comparing fragments with ids); invalid UTF-8 gives `None`.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The browser's clean-up before reading a URL: leading and trailing C0 controls and spaces
/// trimmed, ASCII tab, LF and CR removed everywhere. `None` only never; kept as `Option` so
/// callers read naturally with `?`.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = s.trim_matches(|c: char| c <= ' ');
    if memchr::memchr3(b'\t', b'\n', b'\r', trimmed.as_bytes()).is_none() {
        // Most URLs: nothing to take out.
        return trimmed.into();
    }
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .into()
}

/// Characters that have no business in a URL after clean-up: C0 controls, DEL, C1 controls,
/// and the invisible format characters that are used to disguise schemes.
fn is_forbidden_char(c: char) -> bool {
    c < ' '
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// The scheme of a cleaned URL, lower-cased, as the WHATWG parser finds it: an ASCII letter,
/// then letters, digits, `+`, `-`, `.`, then `:`. `None` for relative references.
fn scheme_of(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let candidate = &s[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some(candidate.to_ascii_lowercase())
}

/// `\` is `/` before the query in special-scheme URLs (WHATWG).
fn backslashes_to_slashes(s: &str, scheme: &str) -> String {
    if !SPECIAL_SCHEMES.contains(&scheme) || !s.contains('\\') {
        return s.to_string();
    }
    let end = s.find(['?', '#']).unwrap_or(s.len());
    let mut out = s[..end].replace('\\', "/");
    out.push_str(&s[end..]);
    out
}

/// Splits a reference into its components (RFC 3986 appendix B), taking a scheme only when it
/// is a valid one (otherwise the colon belongs to a relative path).
fn split(s: &str) -> Parts {
    let mut rest = s;
    let mut parts = Parts::default();
    if let Some(scheme) = scheme_of(rest) {
        rest = &rest[scheme.len() + 1..];
        parts.scheme = Some(scheme);
    }
    if let Some(i) = rest.find('#') {
        parts.fragment = Some(rest[i + 1..].to_string());
        rest = &rest[..i];
    }
    if let Some(i) = rest.find('?') {
        parts.query = Some(rest[i + 1..].to_string());
        rest = &rest[..i];
    }
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find('/').unwrap_or(after.len());
        parts.authority = Some(after[..end].to_ascii_lowercase_host());
        rest = &after[end..];
    }
    parts.path = rest.to_string();
    parts
}

/// Lower-cases the host part of an authority, leaving user info alone.
trait LowercaseHost {
    fn to_ascii_lowercase_host(&self) -> String;
}

impl LowercaseHost for str {
    fn to_ascii_lowercase_host(&self) -> String {
        match self.rfind('@') {
            Some(i) => format!("{}@{}", &self[..i], self[i + 1..].to_ascii_lowercase()),
            None => self.to_ascii_lowercase(),
        }
    }
}

fn host_of_authority(authority: &str) -> Option<&str> {
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        &host_port[..host_port
            .find(']')
            .map(|i| i + 1)
            .unwrap_or(host_port.len())]
    } else {
        host_port.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

/// RFC 3986 §5.2.3.
fn merge(base: &Parts, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{path}");
    }
    match base.path.rfind('/') {
        Some(i) => format!("{}{path}", &base.path[..=i]),
        None => path.to_string(),
    }
}

fn is_dot(seg: &str) -> bool {
    seg == "." || seg.eq_ignore_ascii_case("%2e")
}

fn is_dot_dot(seg: &str) -> bool {
    matches!(seg.len(), 2 | 4 | 6)
        && matches!(
            seg.to_ascii_lowercase().as_str(),
            ".." | ".%2e" | "%2e." | "%2e%2e"
        )
}

/// RFC 3986 §5.2.4, segment-wise: `.` segments vanish, `..` removes the previous segment,
/// never climbing above the root; a trailing `.`/`..` leaves a trailing slash.
fn remove_dot_segments(path: &str) -> String {
    if path.is_empty() {
        return String::new();
    }
    let absolute = path.starts_with('/');
    let body = if absolute { &path[1..] } else { path };
    if !body.split('/').any(|seg| is_dot(seg) || is_dot_dot(seg)) {
        // Most paths: nothing to remove.
        return path.to_string();
    }
    let segs: Vec<&str> = body.split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segs.len());
    let last = segs.len() - 1;
    for (i, seg) in segs.iter().enumerate() {
        if is_dot(seg) {
            if i == last {
                out.push("");
            }
        } else if is_dot_dot(seg) {
            out.pop();
            if i == last {
                out.push("");
            }
        } else {
            out.push(seg);
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// RFC 3986 §5.3.
fn recompose(p: &Parts) -> String {
    let mut s = String::new();
    if let Some(scheme) = &p.scheme {
        s.push_str(scheme);
        s.push(':');
    }
    if let Some(a) = &p.authority {
        s.push_str("//");
        s.push_str(a);
    }
    s.push_str(&p.path);
    if let Some(q) = &p.query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = &p.fragment {
        s.push('#');
        s.push_str(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> BaseUrl {
        BaseUrl::parse("http://a/b/c/d;p?q").unwrap()
    }

    /// RFC 3986 §5.4.1 and §5.4.2.
    #[test]
    fn rfc3986_examples() {
        let b = base();
        let cases = [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("g:h", "g:h"),
        ];
        for (r, want) in cases {
            assert_eq!(b.resolve(r), want, "resolving {r:?}");
        }
    }

    #[test]
    fn browser_leniencies() {
        let b = BaseUrl::parse("https://Example.COM/a/b.html").unwrap();
        assert_eq!(b.host(), Some("example.com"));
        assert_eq!(
            b.resolve("  img/x.png \n"),
            "https://example.com/a/img/x.png"
        );
        assert_eq!(b.resolve("i\tm\ng.png"), "https://example.com/a/img.png");
        assert_eq!(b.resolve("\\\\evil.test\\x"), "https://evil.test/x");
        assert_eq!(b.resolve("%2e%2e/x"), "https://example.com/x");
        assert_eq!(b.resolve("https:x.png"), "https://example.com/a/x.png");
    }

    #[test]
    fn base_must_be_absolute_web_or_file() {
        assert!(BaseUrl::parse("/relative").is_none());
        assert!(BaseUrl::parse("javascript:alert(1)").is_none());
        assert!(BaseUrl::parse("data:text/html,x").is_none());
        assert!(BaseUrl::parse("http:no-authority").is_none());
        assert!(BaseUrl::parse("file:///home/a/page.html").is_some());
        assert_eq!(BaseUrl::parse("HTTP://h").unwrap().as_str(), "http://h/");
    }

    #[test]
    fn scripts_refused_in_every_spelling() {
        let b = BaseUrl::parse("https://example.com/").unwrap();
        for raw in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\u{0}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "blob:https://example.com/uuid",
            "file:///etc/passwd",
            "java\u{200b}script:alert(1)",
        ] {
            assert_eq!(safe_url(Some(&b), raw, UrlKind::Link), None, "{raw:?}");
            assert_eq!(safe_url(None, raw, UrlKind::Link), None, "{raw:?}");
            assert_eq!(safe_url(Some(&b), raw, UrlKind::Image), None, "{raw:?}");
        }
    }

    #[test]
    fn data_images_only_raster_and_only_img_src() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert_eq!(safe_url(None, png, UrlKind::Image).as_deref(), Some(png));
        assert_eq!(safe_url(None, png, UrlKind::Link), None);
        assert_eq!(safe_url(None, png, UrlKind::Media), None);
        assert_eq!(
            safe_url(None, "data:image/svg+xml,<svg/>", UrlKind::Image),
            None
        );
        assert_eq!(safe_url(None, "data:image/png", UrlKind::Image), None);
    }

    #[test]
    fn in_page_links_stay_fragments() {
        let b = BaseUrl::parse("https://example.com/post?id=1#top").unwrap();
        assert_eq!(
            safe_url(Some(&b), "#fn1", UrlKind::Link).as_deref(),
            Some("#fn1")
        );
        assert_eq!(
            safe_url(Some(&b), "https://example.com/post?id=1#fn2", UrlKind::Link).as_deref(),
            Some("#fn2")
        );
        assert_eq!(
            safe_url(Some(&b), "?id=2#fn2", UrlKind::Link).as_deref(),
            Some("https://example.com/post?id=2#fn2")
        );
        assert_eq!(
            in_page_fragment(Some(&b), "https://example.com/post?id=1#x").as_deref(),
            Some("x")
        );
        assert_eq!(in_page_fragment(None, "#a%20b").as_deref(), Some("a%20b"));
        // The page's own address without a fragment is the page, not a place in it.
        assert_eq!(
            in_page_fragment(Some(&b), "https://example.com/post?id=1"),
            None
        );
        assert_eq!(in_page_fragment(Some(&b), ""), None);
        assert_eq!(percent_decode("a%20b%").as_deref(), Some("a b%"));
    }

    #[test]
    fn mailto_and_relative() {
        let b = BaseUrl::parse("https://example.com/a/").unwrap();
        assert_eq!(
            safe_url(Some(&b), "MAILTO:x@y.z", UrlKind::Link).as_deref(),
            Some("mailto:x@y.z")
        );
        assert_eq!(
            safe_url(Some(&b), "p.png", UrlKind::Image).as_deref(),
            Some("https://example.com/a/p.png")
        );
        assert_eq!(
            safe_url(None, "p.png", UrlKind::Image).as_deref(),
            Some("p.png")
        );
        assert_eq!(
            safe_url(Some(&b), "//cdn.test/x", UrlKind::Media).as_deref(),
            Some("https://cdn.test/x")
        );
    }

    #[test]
    fn file_pages_keep_their_own_relative_files() {
        let b = BaseUrl::parse("file:///home/me/page.html").unwrap();
        assert_eq!(
            safe_url(Some(&b), "img.png", UrlKind::Image).as_deref(),
            Some("file:///home/me/img.png")
        );
        assert_eq!(
            safe_url(Some(&b), "file:///etc/passwd", UrlKind::Image),
            None
        );
    }
}
