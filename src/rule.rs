//! The names of the engine's removals: every rule that takes a block out of the page, the stage
//! it belongs to, and the stable name `--explain`, [`crate::Removal::rule`] and the JSON output
//! give it. The names are an interface (the demo's Explain view, the evaluation's diagnosis and
//! people's scripts read them): a rule may be added, but a name is never changed or reused.

use serde::Serialize;
use std::fmt;

macro_rules! rules {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal in $stage:literal,
    )*) => {
        /// A rule that removes a block, named as in `--explain` (see each variant for the name
        /// and what it removes). Serialised as its name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                $(#[$doc])*
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in pipeline order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The rule's stable name (`hidden`, `link-density`, ...).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// The pipeline stage that applies the rule (`prepare`, `score`, `clean`,
            /// `sanitise`).
            pub const fn stage(self) -> &'static str {
                match self {
                    $(Rule::$variant => $stage,)*
                }
            }
        }
    };
}

rules! {
    // Preparation: page-wide removals, never relaxed.
    /// `form`: a `<form>` to fill in (one around real paragraphs, without a text box, stays).
    Form = "form" in "prepare",
    /// `non-content-element`: elements that never hold article text (`<script>`, `<style>`,
    /// `<noscript>`, `<button>`, ...).
    NonContentElement = "non-content-element" in "prepare",
    /// `iframe`: an `<iframe>` that is not a known video player.
    Iframe = "iframe" in "prepare",
    /// `hidden`: hidden by its own attributes (`hidden`, `aria-hidden`, `display:none`), unless
    /// a control of the page opens it.
    Hidden = "hidden" in "prepare",
    /// `navigation`: a `<nav>`.
    Navigation = "navigation" in "prepare",
    /// `structural-role`: an element whose ARIA role is the page's furniture (`navigation`,
    /// `banner`, `contentinfo`, ...).
    StructuralRole = "structural-role" in "prepare",
    /// `page-header-footer`: a `<header>` or `<footer>` outside the article, without paragraphs.
    PageHeaderFooter = "page-header-footer" in "prepare",
    /// `aside`: an `<aside>` outside the article.
    Aside = "aside" in "prepare",
    /// `cookie-overlay`: a short block whose class or id names a cookie or consent dialog.
    CookieOverlay = "cookie-overlay" in "prepare",
    /// `site-rule`: a block a person's site rule removes ([`crate::SiteRules`]).
    SiteRule = "site-rule" in "prepare",

    // Scoring.
    /// `byline`: the author line, moved into the article's metadata.
    Byline = "byline" in "score",
    /// `title-heading`: a heading that repeats the title.
    TitleHeading = "title-heading" in "score",
    /// `unlikely-candidate`: a block whose class or id says it is not the article (first
    /// attempt only).
    UnlikelyCandidate = "unlikely-candidate" in "score",
    /// `unlikely-role`: a block whose ARIA role says it is not the article (first attempt
    /// only).
    UnlikelyRole = "unlikely-role" in "score",

    // Cleaning inside the chosen article.
    /// `non-article-element`: elements that do not belong in an article (`<form>`, `<object>`,
    /// `<footer>`, `<aside>`, ... inside it).
    NonArticleElement = "non-article-element" in "clean",
    /// `embed`: an embedded object or frame that is not a known video player.
    Embed = "embed" in "clean",
    /// `share-bar`: a small block whose class or id says "share", or whose links nearly all go
    /// to the social networks' share endpoints and profiles.
    ShareBar = "share-bar" in "clean",
    /// `negative-heading`: a heading whose class or id weighs negative.
    NegativeHeading = "negative-heading" in "clean",
    /// `boilerplate-class`: a block named for a boilerplate family (related, newsletter,
    /// comments, promotions, tags, author bios).
    BoilerplateClass = "boilerplate-class" in "clean",
    /// `negative-weight`: conditional cleaning, a block whose class or id weighs negative and
    /// that is not prose.
    NegativeWeight = "negative-weight" in "clean",
    /// `ad-or-loading-label`: conditional cleaning, a block whose whole text is an ad or a
    /// loading label.
    AdOrLoadingLabel = "ad-or-loading-label" in "clean",
    /// `image-heavy`: conditional cleaning, more images than paragraphs call for.
    ImageHeavy = "image-heavy" in "clean",
    /// `list-items-outside-list`: conditional cleaning, more list items than paragraphs in a
    /// block that is not a list.
    ListItemsOutsideList = "list-items-outside-list" in "clean",
    /// `form-inputs`: conditional cleaning, many form inputs for its paragraphs; or the box
    /// around a sign-up form the preparation removed (its heading and small print).
    FormInputs = "form-inputs" in "clean",
    /// `short-and-linked`: conditional cleaning, a short block with links.
    ShortAndLinked = "short-and-linked" in "clean",
    /// `link-density`: conditional cleaning, too much of the block's text is links.
    LinkDensity = "link-density" in "clean",
    /// `embeds`: conditional cleaning, embeds with little text.
    Embeds = "embeds" in "clean",
    /// `no-content`: conditional cleaning, neither images nor text.
    NoContent = "no-content" in "clean",
    /// `notice`: a notice line (corrections, disclaimers about the page).
    Notice = "notice" in "clean",
    /// `boilerplate-line`: a short line of boilerplate ("Share this", "Read more").
    BoilerplateLine = "boilerplate-line" in "clean",
    /// `date-line`: a lone date line ("Posted on ...") beside the article's metadata.
    DateLine = "date-line" in "clean",
    /// `linked-teaser`: a line that is all a link to another article.
    LinkedTeaser = "linked-teaser" in "clean",
    /// `breadcrumbs`: a trail of section links.
    Breadcrumbs = "breadcrumbs" in "clean",
    /// `trailing-section`: a heading that opens teasers or comments ("Related Articles",
    /// "Leave a Comment"), with what follows it.
    TrailingSection = "trailing-section" in "clean",
    /// `customer-reviews`: on a product page, the customers' reviews ("Customer Reviews",
    /// "51 Reviews"), heading and all: a product's text is its description.
    CustomerReviews = "customer-reviews" in "clean",
    /// `other-products`: on a product page, a row of other products' cards, each a link and
    /// a price ("Similar items", "Customers also viewed").
    OtherProducts = "other-products" in "clean",
    /// `repeated-block`: a block whose text repeats an earlier one.
    RepeatedBlock = "repeated-block" in "clean",
    /// `kicker`: on a story, a short line above its headline that closes no sentence (a
    /// section label, an issue's number, a dateline over the title).
    Kicker = "kicker" in "clean",
    /// `closing-heading`: on a story, a short heading the article ends with, titling nothing
    /// (what it titled was removed: "Also on …", "What do you think?").
    ClosingHeading = "closing-heading" in "clean",

    // Sanitising: what the allowlist does not let through.
    /// `script`: scripts and templates (`<script>`, `<noscript>`, `<template>`).
    Script = "script" in "sanitise",
    /// `style`: style sheets (`<style>`, `<link>`).
    Style = "style" in "sanitise",
    /// `frame`: frames and plugins (`<iframe>` that is not a video, `<object>`, `<embed>`, ...).
    Frame = "frame" in "sanitise",
    /// `form-control`: form controls (`<input>`, `<button>`, `<select>`, ...).
    FormControl = "form-control" in "sanitise",
    /// `document-metadata`: the document's head elements (`<meta>`, `<base>`, `<title>`).
    DocumentMetadata = "document-metadata" in "sanitise",
    /// `media`: media a reader cannot play safely (`<video>`, `<audio>`, `<canvas>`, ...).
    Media = "media" in "sanitise",
    /// `dialog`: a `<dialog>`.
    Dialog = "dialog" in "sanitise",
    /// `svg`: inline SVG.
    Svg = "svg" in "sanitise",
    /// `table-shape`: a table's column groups (`<colgroup>`), which carry no text.
    TableShape = "table-shape" in "sanitise",
    /// `math-annotation`: MathML annotations and other MathML not rendered.
    MathAnnotation = "math-annotation" in "sanitise",
    /// `foreign-namespace`: an element of another namespace than HTML, MathML or SVG.
    ForeignNamespace = "foreign-namespace" in "sanitise",
    /// `source-outside-picture`: a `<source>` outside `<picture>` (media sources).
    SourceOutsidePicture = "source-outside-picture" in "sanitise",
}

impl Rule {
    /// The plain-language name of the group a removal by this rule is listed under in the
    /// reader's "Removed" panel ("Navigation", "Share buttons", ...). The one mapping from
    /// rules to what a reader calls them; several rules share a group.
    pub const fn group(self) -> &'static str {
        use Rule::*;
        match self {
            Form | FormInputs => "Forms and comment boxes",
            NonContentElement => "Page code",
            Iframe | Embed | Embeds => "Embedded frames",
            Hidden => "Hidden content",
            Navigation | StructuralRole | Breadcrumbs => "Navigation",
            PageHeaderFooter => "Page header and footer",
            Aside => "Sidebars",
            CookieOverlay => "Cookie notices",
            SiteRule => "Your site rules",
            Byline => "Byline",
            TitleHeading => "Repeated title",
            UnlikelyCandidate | UnlikelyRole => "Comments, menus and sidebars",
            NonArticleElement => "Page furniture",
            ShareBar => "Share buttons",
            NegativeHeading => "Headings of extras",
            BoilerplateClass | TrailingSection | ClosingHeading | OtherProducts => {
                "Related stories and comments"
            }
            CustomerReviews => "Customer reviews",
            NegativeWeight | ShortAndLinked | LinkDensity | ListItemsOutsideList | LinkedTeaser => {
                "Link lists and teasers"
            }
            AdOrLoadingLabel => "Ads",
            ImageHeavy => "Image galleries",
            NoContent => "Empty blocks",
            Notice => "Notices",
            BoilerplateLine | DateLine | Kicker => "Boilerplate lines",
            RepeatedBlock => "Repeated text",
            Script | Style | Frame | FormControl | DocumentMetadata | Media | Dialog | Svg
            | TableShape | MathAnnotation | ForeignNamespace | SourceOutsidePicture => {
                "Unsafe or unsupported content"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn names_are_the_stable_ones() {
        let names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(
            names,
            [
                "form",
                "non-content-element",
                "iframe",
                "hidden",
                "navigation",
                "structural-role",
                "page-header-footer",
                "aside",
                "cookie-overlay",
                "site-rule",
                "byline",
                "title-heading",
                "unlikely-candidate",
                "unlikely-role",
                "non-article-element",
                "embed",
                "share-bar",
                "negative-heading",
                "boilerplate-class",
                "negative-weight",
                "ad-or-loading-label",
                "image-heavy",
                "list-items-outside-list",
                "form-inputs",
                "short-and-linked",
                "link-density",
                "embeds",
                "no-content",
                "notice",
                "boilerplate-line",
                "date-line",
                "linked-teaser",
                "breadcrumbs",
                "trailing-section",
                "customer-reviews",
                "other-products",
                "repeated-block",
                "kicker",
                "closing-heading",
                "script",
                "style",
                "frame",
                "form-control",
                "document-metadata",
                "media",
                "dialog",
                "svg",
                "table-shape",
                "math-annotation",
                "foreign-namespace",
                "source-outside-picture",
            ]
        );
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
    }

    #[test]
    fn a_rule_serialises_as_its_name() {
        assert_eq!(
            serde_json::to_string(&Rule::LinkDensity).unwrap(),
            "\"link-density\""
        );
        assert_eq!(Rule::Hidden.to_string(), "hidden");
        assert_eq!(Rule::Hidden.stage(), "prepare");
    }
}
