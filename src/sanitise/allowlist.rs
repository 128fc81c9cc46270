//! The allowlist's tables: which elements and attributes are kept, which are dropped and by
//! which rule, the MathML subset, and the element families the structural rules need (what
//! closes a `<p>`, what lives only inside a table). The walker that applies them is
//! `walker.rs`.

use crate::rule::Rule;

/// HTML elements kept (with their allowed attributes).
pub(super) const ALLOWED_HTML: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "code",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "abbr",
    "time",
    "br",
    "hr",
    "q",
    "cite",
    "kbd",
    "samp",
    "var",
    "del",
    "ins",
    "span",
    "div",
    "section",
    "dfn",
    "bdi",
    "bdo",
    "wbr",
    // Ruby annotations: readings over CJK text.
    "ruby",
    "rt",
    "rp",
];

/// HTML elements dropped with their content, each with the rule named in the removal log.
pub(super) const DROPPED_HTML: &[(&str, Rule)] = &[
    ("script", Rule::Script),
    ("noscript", Rule::Script),
    ("template", Rule::Script),
    ("style", Rule::Style),
    ("link", Rule::Style),
    ("iframe", Rule::Frame),
    ("frame", Rule::Frame),
    ("frameset", Rule::Frame),
    ("object", Rule::Frame),
    ("embed", Rule::Frame),
    ("applet", Rule::Frame),
    ("param", Rule::Frame),
    ("portal", Rule::Frame),
    ("fencedframe", Rule::Frame),
    ("form", Rule::FormControl),
    ("input", Rule::FormControl),
    ("button", Rule::FormControl),
    ("select", Rule::FormControl),
    ("option", Rule::FormControl),
    ("optgroup", Rule::FormControl),
    ("textarea", Rule::FormControl),
    ("datalist", Rule::FormControl),
    ("output", Rule::FormControl),
    ("keygen", Rule::FormControl),
    ("selectedcontent", Rule::FormControl),
    ("base", Rule::DocumentMetadata),
    ("meta", Rule::DocumentMetadata),
    ("title", Rule::DocumentMetadata),
    ("head", Rule::DocumentMetadata),
    ("video", Rule::Media),
    ("audio", Rule::Media),
    ("track", Rule::Media),
    ("canvas", Rule::Media),
    ("map", Rule::Media),
    ("area", Rule::Media),
    ("dialog", Rule::Dialog),
];

/// Our own classes that the renderer styles.
pub(super) const OWN_CLASSES: &[&str] = &["lectern-video", "lectern-post"];

/// Class token prefixes kept on `code` and `pre` (syntax highlighting).
pub(super) const CODE_CLASS_PREFIXES: &[&str] = &["language-", "lang-"];

/// The `rel` every link gets.
pub(super) const LINK_REL: &str = "noopener noreferrer";

/// The prefix of every `id` the article keeps (and of the fragment of every in-page link with
/// it): no standard `window` or `document` property has a `-` in its name, so no element of the
/// article can shadow one through named access (`window.location`, `document.cookie`, ...).
pub(super) const ARTICLE_ID_PREFIX: &str = "article-";

/// `id`s with this prefix are the reader's own and never come from a page.
pub(super) const RESERVED_ID_PREFIX: &str = "lectern";

/// MathML elements kept.
pub(super) const MATHML_ELEMENTS: &[&str] = &[
    "math",
    "mrow",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "menclose",
    "mtable",
    "mtr",
    "mtd",
    "mlabeledtr",
    "mmultiscripts",
    "mprescripts",
    "none",
    "semantics",
];

/// MathML elements dropped with their content: alternative encodings (`annotation-xml` can hold
/// HTML), and the two elements that switch parsing back to MathML inside text.
pub(super) const MATHML_DROPPED: &[&str] =
    &["annotation", "annotation-xml", "mglyph", "malignmark"];

/// MathML token elements: their content is parsed as HTML, so they keep only text.
pub(super) const MATHML_TOKENS: &[&str] = &["mi", "mo", "mn", "ms", "mtext"];

/// Attributes kept on MathML elements (presentation only; no `href`, no colours).
pub(super) const MATHML_ATTRIBUTES: &[&str] = &[
    "display",
    "alttext",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "fence",
    "separator",
    "stretchy",
    "symmetric",
    "largeop",
    "movablelimits",
    "accent",
    "accentunder",
    "lspace",
    "rspace",
    "form",
    "minsize",
    "maxsize",
    "width",
    "height",
    "depth",
    "voffset",
    "linethickness",
    "notation",
    "columnalign",
    "rowalign",
    "columnspan",
    "rowspan",
    "columnlines",
    "rowlines",
    "frame",
    "open",
    "close",
    "separators",
    "dir",
];

/// MathML attributes that are lengths (they move or size what is drawn): kept only within
/// bounds ([`math_length`](super::values::math_length)).
pub(super) const MATHML_LENGTH_ATTRIBUTES: &[&str] = &[
    "lspace",
    "rspace",
    "minsize",
    "maxsize",
    "width",
    "height",
    "depth",
    "voffset",
    "linethickness",
];

/// MathML's named spaces and keywords that a length attribute may hold instead of a number:
/// all of them small (`veryverythickmathspace` is 7/18 em).
pub(super) const MATHML_LENGTH_KEYWORDS: &[&str] = &[
    "veryverythinmathspace",
    "verythinmathspace",
    "thinmathspace",
    "mediummathspace",
    "thickmathspace",
    "verythickmathspace",
    "veryverythickmathspace",
    "negativeveryverythinmathspace",
    "negativeverythinmathspace",
    "negativethinmathspace",
    "negativemediummathspace",
    "negativethickmathspace",
    "negativeverythickmathspace",
    "negativeveryverythickmathspace",
    "thin",
    "medium",
    "thick",
    "infinity",
];

/// The elements an `<rt>` or `<rp>` start tag closes when it is their current node and a
/// `<ruby>` is in scope (the parser's "generate implied end tags"); among our elements.
pub(super) const RUBY_ANNOTATION_CLOSES: &[&str] = &["p", "li", "dd", "dt", "rt", "rp"];

/// Start tags that close an open `<p>` (in button scope) when the parser meets them; among our
/// elements. A `<p>` holding one of these becomes a `<div>`.
pub(super) const P_CLOSERS: &[&str] = &[
    "p",
    "div",
    "section",
    "blockquote",
    "figure",
    "figcaption",
    "ol",
    "ul",
    "dl",
    "li",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "hr",
];

/// The parser's "special" elements among ours, less `div` and `p` (and `address`), which the
/// `<li>`/`<dd>` closing rules look through.
pub(super) const SPECIAL: &[&str] = &[
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "pre",
    "section",
    "source",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "wbr",
];

pub(super) const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements whose children the table rules constrain.
pub(super) const TABLE_CONTAINERS: &[&str] =
    &["table", "thead", "tbody", "tfoot", "tr", "colgroup"];

/// Elements that only exist inside a table, with the parent each needs.
pub(super) const TABLE_PARTS: &[(&str, &[&str])] = &[
    ("caption", &["table"]),
    ("colgroup", &["table"]),
    ("thead", &["table"]),
    ("tbody", &["table"]),
    ("tfoot", &["table"]),
    ("col", &["colgroup"]),
    ("tr", &["thead", "tbody", "tfoot"]),
    ("td", &["tr"]),
    ("th", &["tr"]),
];

pub(super) const VOID: &[&str] = &["br", "hr", "img", "source", "col", "wbr"];
