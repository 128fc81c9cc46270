//! Sanitising by allowlist: the article tree is reduced to elements and attributes that
//! cannot execute, load anything but images, or navigate by themselves, and to a shape that an
//! HTML parser reproduces exactly.
//!
//! The sanitiser is the first of three independent layers (see `docs/security.md`): the
//! renderer inserts its output with the browser's `Element.setHTML()` where available, and the
//! reader page's CSP forbids inline script anyway. It works on our own tree (ammonia would bring
//! a second html5ever and double the wasm).
//!
//! What it decides, and why:
//! * **Elements.** [`ALLOWED_HTML`](allowlist::ALLOWED_HTML) are kept. [`DROPPED_HTML`](allowlist::DROPPED_HTML) (script, style, frames, form
//!   controls, document metadata, media that loads by itself, `template`, `noscript`, ...) go
//!   with their whole content, through [`Explain::remove`](crate::explain::Explain::remove) so `--explain` shows them. Every
//!   other HTML element (`font`, `label`, custom elements, ...) is *unwrapped*: its content
//!   stays, the element goes; one that makes a block of text (`article`, `center`, `details`:
//!   [`crate::dom::is_text_block`]) becomes a `<div>`, so its text stays a block of its own.
//!   `<iframe>`s from known video hosts ([`VIDEO_HOSTS`](crate::tunables::VIDEO_HOSTS)) and `<video>`s with a web address
//!   become plain links (`<a class="lectern-video">`), a YouTube one with its thumbnail.
//! * **SVG** is dropped entirely: inline SVG in articles is mostly icons, and a safe subset
//!   (no `<use>`, `<foreignObject>`, `<style>`, animation of `href`, ...) is a large surface for
//!   little gain. **MathML** keeps the presentation elements of [`MATHML_ELEMENTS`](allowlist::MATHML_ELEMENTS) with
//!   [`MATHML_ATTRIBUTES`](allowlist::MATHML_ATTRIBUTES); `annotation`, `annotation-xml`, `mglyph` and `malignmark` are
//!   dropped, other MathML elements (`maction`, `mfenced`, ...) become `mrow`, and token
//!   elements (`mi`, `mo`, `mn`, `ms`, `mtext`) keep only their text: the places where HTML and
//!   MathML parsing rules meet are where mutation XSS lives.
//! * **Attributes** are allowed per element (see `clean_html_attributes`); `on*`, `style`,
//!   `srcdoc`, `formaction`, `xlink:href`, `data-*` and everything else go. URLs pass
//!   [`safe_url`](crate::urls::safe_url); each `srcset` candidate is checked and resolved. Links get
//!   `rel="noopener noreferrer"`. `id` stays only on headings (the cleaning stage gives each one)
//!   and on elements an in-page link of the article targets (`href="#fn1"`), and never when it
//!   starts with `lectern` (the reader's own ids);
//!   `name` becomes such an `id` when targeted. `role` stays only as the footnote structure's
//!   (`doc-endnotes` on `section`, `doc-noteref` and `doc-backlink` on `a`). `class` keeps only `language-*`/`lang-*` tokens
//!   on `code`/`pre` and our own [`OWN_CLASSES`](allowlist::OWN_CLASSES).
//! * **Comments**, processing instructions and doctypes are dropped. NUL becomes U+FFFD and CR
//!   becomes LF in text and attribute values, as a parser would; adjacent text nodes merge.
//! * **Shape.** The parser that reads our output (html5ever natively, the browser in the
//!   reader) rearranges some shapes: a `<p>` cannot hold a `<div>`, `<a>` cannot nest, a
//!   heading directly in a heading, an `<li>` in an `<li>`, a `<td>` outside a `<tr>`, text in a
//!   `<table>`, HTML inside MathML. The pipeline's edits (unwrapping, moving) can create such
//!   shapes, so the sanitiser repairs them the way that keeps the content: a `<p>` holding
//!   block content becomes a `<div>`, the inner of nested links/headings/list items is
//!   unwrapped, misplaced table content is wrapped into the cells it needs. Then serialising
//!   and parsing again gives the same tree: nothing the sanitiser did not see can appear.
//!
//! Everything is iterative (documents nest 100,000 deep; wasm's stack is small).

mod allowlist;
mod values;
mod walker;

pub(crate) use self::walker::sanitise;
