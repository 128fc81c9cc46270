//! Every tunable of the engine in one place: patterns, weights and thresholds, each named and
//! commented with the family of pages it serves. Most start from Mozilla Readability's values
//! (the reference most pages were tested against); ours are marked as such.

use crate::rule::Rule;
use crate::words::packed;
pub(crate) use crate::words::{Guarded, Lowercased, Words};

// ---------------------------------------------------------------------------------------------
// Class and id patterns (matched against `class` + " " + `id`). Plain word lists are
// [`Words`] (a substring test per word, far cheaper than a regex alternation on every element).

/// Blocks that are almost never the article: comment threads, sidebars, footers, menus,
/// pagination, pop-ups. Stripped on the first attempt unless [`MAYBE_CANDIDATE`] also matches.
pub(crate) static UNLIKELY_CANDIDATES: Words = Words::any(packed![
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
]);

/// Words that rescue an unlikely-looking block: `main-content`, `article-comments-wrapper`
/// holding the body on some CMSes.
pub(crate) static MAYBE_CANDIDATE: Words = Words::any(packed![
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
]);

/// Whether a block's class and id `names` say it is unlikely to be the article
/// ([`UNLIKELY_CANDIDATES`], unless [`MAYBE_CANDIDATE`] rescues it).
pub(crate) fn unlikely_named(names: &str) -> bool {
    UNLIKELY_CANDIDATES.is_match(names) && !MAYBE_CANDIDATE.is_match(names)
}

/// Ours: a block the unlikely pattern matches is kept anyway when it holds more than this
/// share of the page's text and the article's headline (the whole page wrapped in
/// `class="above-footer"`): sidebars and footers never hold the story's headline.
pub(crate) const UNLIKELY_MAX_SHARE: f64 = 0.3;
/// Ours: a block matched as unlikely only by `header` within a longer class or id
/// (`listicle-header`, MDN's `layout__header`, a docs section `id="header-ordering"`) that
/// holds this many paragraphs of this many characters is prose, not the site's header: a
/// listicle's four-paragraph intro, a reference page's opening were lost with it. The same holds
/// for a block matched only by `menu` within a longer name (a tab set's `tab-menu--product`).
pub(crate) const HEADER_PROSE_MIN_PARAGRAPHS: usize = 2;
pub(crate) const HEADER_PROSE_MIN_CHARS: usize = 150;
/// Ours: once a `<p>` of at least this many characters has gone by in document order, the
/// story has begun, and an `<h1>` or `<h2>` repeating the title is a section's heading, not the
/// headline (`score::grab`'s title-heading rule; wcxb 0101, 0142, 0114: a section titled as
/// the page).
pub(crate) const STORY_BEGUN_MIN_CHARS: usize = 150;
/// Ours: how much of a heading's text is read for the words its class or id is built from
/// (`id="h-what-is-social-shopping"`), see `score::is_slug_named_heading`.
pub(crate) const HEADING_MAX_CHARS: usize = 200;
/// The words a heading's `id` must spell from the heading's own text to name its topic
/// (`id="h-what-is-social-shopping"`), see `score::is_own_anchor`: two-word anchors
/// (`id="related-content"` over "Related content") name the furniture in its own words.
pub(crate) const OWN_ANCHOR_MIN_WORDS: usize = 3;
/// Ours: ... unless the match is a comment family: comment threads can outweigh a story.
pub(crate) static COMMENT_FAMILY: Words = Words::any(packed![
    "comment", "disqus", "replies", "remark", "shoutbox"
]);

/// Ours: a `<noscript>` fallback with at least this much text is the page's content as a
/// browser without scripts shows it (Blogger renders posts from a script template), unless
/// the same text is already on the page (a snapshot of the rendered page has both).
pub(crate) const NOSCRIPT_CONTENT_MIN_CHARS: usize = 200;

/// Class/id words that raise a block's score by [`CLASS_WEIGHT`].
pub(crate) static POSITIVE: Words = Words::any(packed![
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
    // Ours: the article's box named in the languages of the multilingual corpora (German,
    // French, Spanish, Italian, Portuguese, Dutch, Polish): `id="inhalt"`, `cuerpo-nota`,
    // `colonna_testo`. Left out: `corpo` (it is in `corporate`) and `noticia`, which names
    // the lists of other stories as often (`noticias-relacionadas`, `mas-noticias`).
    "artikel",
    "inhalt",
    "beitrag",
    "contenu",
    "contenido",
    "conteudo",
    "inhoud",
    "tresc",
    "articulo",
    "articolo",
    "artigo",
    "artykul",
    "testo",
    "cuerpo",
]);

/// Class/id words that lower a block's score by [`CLASS_WEIGHT`].
pub(crate) static NEGATIVE: Words = Words::any(packed![
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    // Ours: the comment section in German, Spanish and Portuguese, Polish and Dutch, as the
    // English word is (French and Italian hold `comment`): `kommentarModul` names its box in
    // one word, which the whole parts of the boilerplate families do not see. (Not in
    // [`UNLIKELY_CANDIDATES`]: there `comentarios-nord` took a product page's reviews.)
    "kommentar",
    "comentario",
    "komentarz",
    "reacties",
])
.with_tokens(&["hid"]);

/// Ours: a class token with one of these words as a part followed by another (parts split at
/// `-` and `_`) says what the box is without (Google's devsite
/// `devsite-landing-row-item-no-media`, themes' `no-sidebar`, `without-comments`): it is left out when a class is tested for [`NEGATIVE`] words (a docs
/// landing page's text cards went as `media` blocks: wcxb 1442).
pub(crate) const NEGATING_WORDS: &[&str] = &["no", "without"];
/// Ours: class tokens holding these words say how a box scrolls (a landing page's cards in
/// `div.scrollingcardscollectionblock`, a carousel's `scroller`, a docs page's `.scroll-x`
/// code box), not what it is: they are left out when a class is tested for [`NEGATIVE`]
/// words, whose `scroll` then weighs only in an id (`#infinite-scroll`, `#scroll-to-top`).
/// Without them wcxb service and documentation pages lost cards and code (1142, 0691, 2841,
/// 2867); with `scroll` dropped from [`NEGATIVE`] outright, a trafilatura check page leaked.
pub(crate) static SCROLL_STYLING: Words = Words::any(packed!["scroll"]);
/// ... but a box given a scrollbar of its own (`scrollbar-gray`, jQuery's
/// `mCustomScrollbar`) is a side panel that scrolls beside the article (a video playlist, a
/// list of topics), and keeps `scroll` as a negative word.
pub(crate) static SCROLL_PANEL: Words = Words::any(packed!["scrollbar"]);

/// Bylines: `class="byline"`, `rel="author"`, `itemprop="author"`.
pub(crate) static BYLINE: Words = Words::any(packed![
    "byline",
    "author",
    "dateline",
    "writtenby",
    "p-author"
]);

/// Share bars inside the article (`share`, `sharedaddy`), removed when short.
pub(crate) static SHARE_ELEMENTS: Guarded = Guarded::new(
    Words::any(packed!["share"]),
    r"(?i)(^|[^a-z0-9])(share|sharedaddy)([^a-z0-9]|$)",
);

/// Ours: share and follow bars told by where their links go, not by their class (pages we have
/// never seen name their boxes otherwise; on the corpora with every class made opaque, wcxb's
/// "Follow Us", "Connect with us:" and "Share me:" rows of icons and trafilatura's "twittern
/// E-Mail" rows stayed). A link to a social network's share endpoint (`facebook.com/sharer.php`,
/// `twitter.com/intent/tweet`, `linkedin.com/sharing/…`, `pinterest.com/pin/create/…`,
/// `api.whatsapp.com/send`, `xing.com/spi/shares`, `whatsapp://send`, an e-mail to be written,
/// `mailto:?subject=…`) or to a profile there: one path segment (`x.com/name`, `wa.me/4912…`,
/// `reddit.com/submit`), or two after `in/`, `company/`, `channel/`, `user/`, `profile/`.
/// YouTube's profiles by their prefixes only (`youtube.com/watch?v=` is a video: a list of
/// videos is the article's). Posts are not profiles (`x.com/name/status/…`, `instagram.com/p/…`:
/// an embedded post's "View this post on Instagram" stays). (One group after the `^`: the
/// literal beginnings `Lowercased` tries first are read from the first group only.)
pub(crate) static SOCIAL_LINK: Lowercased = Lowercased::guarded(
    concat!(
        r"^(mailto:\?|mailto:.*[?&]body=|whatsapp:|(https?:)?//([^/?#]*\.)?(",
        r"(facebook|twitter|x|linkedin|instagram|pinterest|tiktok|reddit|xing|vk|tumblr|getpocket)\.com",
        r"|threads\.net|bsky\.app|t\.me|telegram\.me|whatsapp\.com|wa\.me|plus\.google\.com)/+(",
        r"[^/?#]+/?([?#]|$)|share|intent/|sharing/|pin/create|dialog/|spi/|send|in/|company/",
        r"|channel/|user/|profile/)|(https?:)?//([^/?#]*\.)?youtube\.com/+(@|channel/|c/|user/))",
    ),
    // Every match holds one of these (its schemes and hosts): a link elsewhere, most of a
    // page's, is not asked of the regex.
    Words::any(packed![
        "mailto:",
        "whatsapp:",
        "facebook.com",
        "twitter.com",
        "x.com",
        "linkedin.com",
        "instagram.com",
        "pinterest.com",
        "tiktok.com",
        "reddit.com",
        "xing.com",
        "vk.com",
        "tumblr.com",
        "getpocket.com",
        "threads.net",
        "bsky.app",
        "t.me",
        "telegram.me",
        "whatsapp.com",
        "wa.me",
        "plus.google.com",
        "youtube.com",
    ]),
);

/// A share or follow bar: at least 2 links (a button, `#` or `javascript:print()`, is none),
/// at least 4 in 5 of them [`SOCIAL_LINK`]s, and at most this many characters outside them
/// ("Follow Us", "Share me:", "Folgen Sie uns auf … Liken Sie uns auf …", "Connect with Us …":
/// up to 57 on the tune splits; a tweet quoted as a paragraph, its prose around its @-links,
/// 84 and more, readability tune; a follow line that is a sentence, "Follow me on …, …, … for a
/// daily moment of travel inspiration", 70, stays: prose). An embedded post quoted as a
/// `blockquote` is no block for this rule.
pub(crate) const SOCIAL_BAR_MAX_OWN: usize = 60;

/// The blocks [`SOCIAL_LINK`]'s rule reads (not a list item nor an inline run: one item of a list
/// whose other items are prose, "Our new TikTok and Instagram accounts", is the list's), of at
/// most this many characters.
pub(crate) const LINK_BAR_BLOCKS: &[&str] = &[
    "div", "p", "ul", "ol", "section", "nav", "header", "figure", "dl", "h2", "h3", "h4", "h5",
    "h6", "center",
];
pub(crate) const LINK_BAR_MAX_CHARS: usize = 500;

/// A host of video players, as [`VIDEO_HOSTS`] lists them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VideoHost {
    /// The host name, lowercase.
    pub host: &'static str,
    /// Whether its subdomains are players too (`player.vimeo.com`); if not, only the host and
    /// `www.` + host are.
    pub subdomains: bool,
    /// Where on the host the player lives (a path prefix), for hosts that embed other things
    /// too: Facebook's like buttons are iframes as well. Empty: anywhere.
    pub path: &'static str,
}

const fn video_host(host: &'static str) -> VideoHost {
    VideoHost {
        host,
        subdomains: true,
        path: "",
    }
}

/// Hosts of video players. One list for every stage: preparation and cleaning keep an
/// `<iframe>`, `<embed>` or `<object>` that points at one of them, and the sanitiser turns it
/// into a link to the video (`<a class="lectern-video">`). Readability's hosts (YouTube, Vimeo,
/// Dailymotion, Twitch, v.qq.com, archive.org, Wikimedia) and the players common on news and
/// blog pages. archive.org is the Internet Archive's own player, not its Wayback Machine
/// (`web.archive.org`, which wraps whole archived pages, like buttons and all).
pub(crate) const VIDEO_HOSTS: &[VideoHost] = &[
    video_host("youtube.com"),
    video_host("youtube-nocookie.com"),
    video_host("youtu.be"),
    video_host("vimeo.com"),
    video_host("dailymotion.com"),
    video_host("dai.ly"),
    video_host("twitch.tv"),
    video_host("ted.com"),
    video_host("streamable.com"),
    video_host("loom.com"),
    video_host("wistia.com"),
    video_host("wistia.net"),
    video_host("brightcove.net"),
    video_host("jwplayer.com"),
    video_host("bilibili.com"),
    video_host("rumble.com"),
    video_host("tiktok.com"),
    video_host("v.qq.com"),
    VideoHost {
        path: "/plugins/video.php",
        ..video_host("facebook.com")
    },
    VideoHost {
        subdomains: false,
        ..video_host("archive.org")
    },
    VideoHost {
        subdomains: false,
        ..video_host("upload.wikimedia.org")
    },
];

/// True when a URL with this host (lowercase) and path (what follows the host) is a video
/// player of [`VIDEO_HOSTS`].
pub(crate) fn is_video(host: &str, path: &str) -> bool {
    VIDEO_HOSTS.iter().any(|v| {
        let host_matches = host == v.host
            || host.strip_suffix(v.host).is_some_and(|rest| {
                if v.subdomains {
                    rest.ends_with('.')
                } else {
                    rest == "www."
                }
            });
        host_matches && path.starts_with(v.path)
    })
}

/// True when `value` (an attribute's value) holds an address `//host/path` of a video player
/// ([`is_video`]), in any letter case.
pub(crate) fn names_video(value: &str) -> bool {
    value.match_indices("//").any(|(i, _)| {
        let rest = &value[i + 2..];
        let end = rest
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | ':' | '"' | '\'' | '@') || c.is_whitespace()
            })
            .unwrap_or(rest.len());
        let host = &rest[..end];
        !host.is_empty() && is_video(&host.to_ascii_lowercase(), &rest[end..])
    })
}

/// Ours: boilerplate families inside the chosen article, matched as whole class/id tokens
/// (split on non-alphanumerics), so `article-header` or `author-jane` do not match `header`
/// or `author-bio`. Each family: share bars, related/recommended teasers, newsletter boxes,
/// comment sections, promotions and sponsored blocks, content-recommendation vendors, tag
/// lists, author bios and boxes (`author-info`, `about-the-author`), disclaimers, sign-up boxes
/// (`inline-signup`), breadcrumbs, ads. Session 18's audit dropped `author-description` (no
/// output changed without it); the spellings it counted on one site only (`socials`,
/// `adslot`, `authorbio`, `about-author`, `most-read`, `consent`…) are how many sites name
/// these things, and stay, as do the vendors' and platforms' names (`sharedaddy`, `outbrain`,
/// `yarpp`, `jp-relatedposts`).
pub(crate) const BOILERPLATE_TOKENS: &str = packed![
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "socials",
    "sociallinks",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "subscription",
    "comments",
    "comment",
    // (The comment section in the languages of the multilingual corpora: German, French,
    // Spanish and Portuguese, Italian, Dutch, Polish. Whole parts only: as substrings of the
    // unlikely and negative lists, `comentarios-nord` took a product page's customer reviews,
    // which its reference keeps, and moved nothing else.)
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "comentarios",
    "comentario",
    "commenti",
    "commento",
    "reacties",
    "reactie",
    "komentarze",
    "komentarz",
    "disqus",
    "promo",
    "promoted",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "tags",
    "tagcloud",
    "breadcrumb",
    "breadcrumbs",
    // (A review's or a newsletter's note on its commissions or its advice, set in the story:
    // `affiliate-disclaimer`, `ftc-disclosure`, `post-disclaimer`.)
    "disclaimer",
    "disclosure",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "dfp",
    "author-bio",
    "authorbio",
    "bio",
    "author-info",
    "author-box",
    // (A bio box by another name, ending a longer class as `blog-author-box` does:
    // `single-content-author__about`, `cs-entry__author-description`, `gridlove-author-desc`,
    // `author_wrapper`, `blog-bottom-authorbox`.)
    "authorbox",
    "author-section",
    "author-container",
    "author-card",
    "author-desc",
    "author-wrapper",
    "author-block",
    // (The links to the previous and next posts under a post, with their titles and excerpts:
    // `nav-prev`, `feast-modern-prev-next`, `cs-entry__prev-next`.)
    "prev-next",
    "nav-prev",
    "nav-previous",
    "nav-next",
    "post-navigation",
    "about-author",
    "author-about",
    "about-the-author",
    "signup",
    "jp-relatedposts",
    "yarpp",
    "crp",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "popular",
    "trending",
    "most-read",
    "further-reading",
    "mostread",
    "also-read",
    "related-posts",
    "relatedposts",
    // (Lists of other stories as content systems and themes name them: WordPress's
    // `wp-block-latest-posts` and recent-posts widgets, Blogger's `PopularPosts`, Ghost's
    // `read-next`, Contao's `mod_newslist`, TYPO3's `news-list-view`, shops'
    // `recently-viewed` and `you-may-also-like`, the related-posts plugins' `relpost`. Not
    // Zergnet's widget, which Readability keeps: a readability check page lost with it.)
    "recent-posts",
    "recentposts",
    "latest-posts",
    "latestposts",
    "popularposts",
    "read-next",
    "readnext",
    "up-next",
    "upnext",
    "newslist",
    "news-list",
    "news-list-view",
    "more-posts",
    "more-news",
    "more-articles",
    "recently-viewed",
    "you-may-also-like",
    "also-like",
    "relpost",
    // (The site's furniture as themes name it, when the chosen article holds some of it:
    // WordPress's footer `#colophon`, a `copyright` line (a dictionary's or a journal's
    // notice under the text), the search form, the skip and back-to-top links, a shop
    // theme's `announcement-bar`, a cookie notice, the `site-branding`, `off-canvas` menus.)
    "colophon",
    "copyright",
    "searchform",
    "search-form",
    "skip-link",
    "back-to-top",
    "announcement-bar",
    "cookie-notice",
    "site-branding",
    "off-canvas",
    // (The furniture content systems set around a post: WordPress's `entry-meta`,
    // `cat-links`, `wp-block-tag-cloud`, Jetpack's likes (`sd-like`) and
    // `wp-block-jetpack-subscriptions`, Joomla's `article-info` and `moduletable`,
    // Substack's reaction bar (`post-ufi`). Not `post-meta`: on a forum it is the post's
    // author and time, which a forum page's reference keeps as often as not.)
    "entry-meta",
    "cat-links",
    "tag-cloud",
    "sd-like",
    "subscriptions",
    "article-info",
    "moduletable",
    "ufi",
    "recirc",
    "paywall",
    "cookie",
    "consent",
    "print-only",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
];

/// Ours: a list item of at least this many characters that closes a sentence counts as a
/// paragraph for Readability's image rule (`clean::conditional`, more images than half the
/// paragraphs): a recipe's or a guide's steps, each a sentence over its photo, are the
/// article's text, not a gallery (trafilatura tune: a stir-fry's nine steps went as
/// `image-heavy`; its shortest step, "Stir fry to mix well.", has 21 characters).
pub(crate) const TOLD_ITEM_MIN_CHARS: usize = 20;

/// Ours: a box set beside a story's text, named for what it is: a background box on the
/// story's subject (domradio's `…-single-article-infobox` on the Central Committee it
/// mentions), a fact box (corkbeo's `factbox`, its newsletter pitch), a magazine's text box
/// (heise's `a-inline-textbox`, the issue the story comes from). It goes as a boilerplate
/// family ([`BOILERPLATE_MAX_SHARE`]) only on a page that says it is a story, and only when
/// the class or id ends with the word: `infobox-row`, `infobox--left-align` and
/// `editions-infoboxes` are a landing page's feature boxes (wcxb tune 0713, 1142, 4467, all
/// pages that date themselves), which go on, and so do `teaser-…` or `inline-box` blocks
/// (measured and not kept: list entries, an article's own boxes).
pub(crate) const STORY_BOX_TOKENS: &[&str] = &["infobox", "factbox", "textbox"];

/// Ours: tokens of [`BOILERPLATE_TOKENS`]' kind for blocks that point elsewhere: another
/// post's excerpt (`article-item__excerpt`, a carousel of related posts under the story) and
/// the publisher's call to action (`cta`, `wp-block-cta`: "Get quotes from up to 3 pros!").
/// They go only while all such blocks together hold at most [`BOILERPLATE_MAX_SHARE`] of the
/// article: a list page's entries are excerpts, a landing page's sections pitches (wcxb tune
/// listing 0083, 0260 lost theirs)...
pub(crate) const TEASER_TOKENS: &[&str] = &["excerpt", "cta"];
/// ...each at most this share of the article (a closing section "Ready to start building
/// your future?" with its links is the page's, not a pitch)...
pub(crate) const TEASER_MAX_SHARE: f64 = 0.1;
/// ...and at least this many characters: a button's label ("View photo", "Learn more") is
/// the page's control, which Readability's references keep.
pub(crate) const TEASER_MIN_CHARS: usize = 40;

/// Ours: a boilerplate-token block is kept anyway when it holds more than this share of the
/// article's text (a whole article body wrapped in `class="post comments-enabled"`).
pub(crate) const BOILERPLATE_MAX_SHARE: f64 = 0.25;

// ---------------------------------------------------------------------------------------------
// Text patterns.

/// Commas in Latin, Arabic, CJK and other scripts: each adds a point to a paragraph.
pub(crate) const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// Ad and loading labels that are a block's whole text ("Sponsored" over a shop's paid
/// listing or an ad's slot: 11 wcxb tune pages kept one, no reference does).
/// (The guards hold a word of every match, so most blocks never reach the regex.)
pub(crate) static AD_WORDS: Lowercased = Lowercased::guarded(
    r"(?i)^\s*(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|реклама|anuncio|anzeige|advertentie|publicidad|pubblicità|sponsored|gesponsert)\s*$",
    Words::any(packed![
        "ad",
        "pub",
        "werb",
        "广告",
        "реклама",
        "anuncio",
        "anzeige",
        "sponsor",
        "gesponsert",
    ]),
);
/// The longest text [`AD_WORDS`] and [`LOADING_WORDS`] can match ("advertisement", "caricamento..."
/// after folding whitespace), with room: longer blocks are not read for them.
pub(crate) const WHOLE_TEXT_LABEL_MAX_CHARS: usize = 40;
pub(crate) static LOADING_WORDS: Lowercased = Lowercased::guarded(
    r"(?i)^\s*((loading|正在加载|загрузка|chargement|cargando|laden|caricamento)(…|\.\.\.)?)\s*$",
    Words::any(LOADING),
);
/// "Loading" in the languages [`LOADING_WORDS`] and [`STREAM_FALLBACK`] know.
const LOADING: &str = packed![
    "loading",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
    "laden",
    "caricamento",
];

/// Ours: a streamed page's fallback ("Loading paragraph...", "Loading image..."), when the
/// page's comments that mark where a fallback ends were stripped: the element right after
/// React's `<template id="B:n">` with no more text than this, saying one of these words.
pub(crate) static STREAM_FALLBACK: Words = Words::any(LOADING);
pub(crate) const STREAM_FALLBACK_MAX_CHARS: usize = 40;
/// Ours: the most streamed segments and placeholders matched (pages stream tens; the bound
/// keeps a hostile page's hundred thousand from costing their product in comparisons).
pub(crate) const STREAM_MAX_SEGMENTS: usize = 2000;

/// Ours: short lines that are calls to action or teaser labels rather than article text:
/// "Read more: …", "Related: …", "Also read", "Share this", "Sign up for our newsletter",
/// "Tags: …", "Story continues below", photo credits ("Advertisement" alone is
/// [`AD_WORDS`]). Only blocks shorter than [`BOILERPLATE_LINE_MAX_CHARS`] are tested.
/// Session 18 dropped the alternatives that were one site's formula (fired on its tune pages
/// only) and those another alternative or pattern always covers; the web's common idioms
/// stay (docs/evaluation.md, "Session 18: an audit of rules that serve one site").
pub(crate) static BOILERPLATE_LINE: Lowercased = Lowercased::new(concat!(
    r"(?i)^\s*(",
    // English
    r"read (more|also|next)\b|related( (articles?|stories|posts|content|coverage|news|reading))?\s*[:：|]|also read\b|see also\s*:|recommended( for you| reading)?\s*[:：]?\s*$|more from\b|more stories\b|you (may|might) (also )?like|share (this|on|via)\b|sign up (for|to) (our|the)\b|subscribe (to|for) (our|the)\b|newsletter\s*$|tags?\s*[:：]|topics?\s*[:：]|continue reading( below)?\s*$|story continues below|click here to (subscribe|read|sign up)|follow us on\b|print recipe\b|jump to recipe\b|rate this (article|post|recipe)\b|load more\b|download (this|the) (article|transcript|script) as pdf|to view the full story\b",
    // credits and sources
    r"|(photo|image|picture|foto|bild|titelbild|imagen|crédito|credit|source|quelle|quellen|quellenangaben|fuente|źródło|fonte)s?( ?(credit|courtesy|via|:|©))|bild(er)? via\b|©|copyright ©|all rights reserved|(featured|header|cover|top|lead|hero|title) (image|photo|picture)s?\s*[:©]|(photo|image|picture|foto|bild)s? ?(source|quelle|fuente)s?\s*:",
    // German
    r"|(lesen sie|lies) (auch|mehr|weiter|hier)\b|verfasst von\s*:|(den |diesen )?(artikel|beitrag) (mit anderen )?teilen|permali(nk|en)\b|auch interessant|schon gelesen\b|das könnte (dich|sie) (auch )?interessieren|mehr zu(m thema)?\b|zum weiterlesen|weiterlesen\s*$|weitere (artikel|beiträge|themen|informationen|infos)\b|neueste artikel|mehr (artikel|news|nachrichten)\b|vorschau auf den nächsten|rezept drucken|jetzt (abonnieren|anmelden|teilen)\b|newsletter abonnieren|werbung\s*$|teilen( sie)?( diesen (artikel|beitrag))?\s*[:：]?\s*$|auch lesen\b|verwandte (artikel|beiträge|themen|themenbereiche)\s*:?\s*$|lade (weitere|mehr) inhalte|siehe auch\b|aktualisiert am\b",
    // social-follow lines ("Follow me on Instagram: @…", "Follow on X"): an invitation to a
    // social network, not the article
    r"|(follow|join|find|like|connect with|subscribe to)( (us|me|our|the))?( [\w'’-]+){0,3} (on|at|via) (facebook|instagram|x|twitter|tiktok|youtube|linkedin|threads|bluesky|mastodon|pinterest|telegram|whatsapp)\b|(join|like) (the|our) (facebook|linkedin|telegram|whatsapp|discord) (group|page|channel)\b|follow (on|us|me) (x|twitter|instagram|bluesky)\b",
    // paywalls, app and subscription prompts, feedback prompts, the login a reply box asks for
    r"|subscribe now\b|already a subscriber|first-time subscribers|to continue reading\b|download the [\w ]{1,30} apps?\b|we want to hear what you think|sie sind (aktuell )?nicht (eingeloggt|angemeldet)|gefällt (dir|ihnen) unser\b|jetzt (kostenlos )?registrieren|you must be (logged|signed) in\b|(log|sign) in to (reply|comment|post)\b|only (registered|logged-in|signed-in) (users|members) can\b|nur (angemeldete|registrierte) (benutzer|nutzer|mitglieder) können\b|vous devez être connecté",
    // meta lines: posting, reading time ("5 min read", "Reading Time: 11 minutes",
    // "Lesezeit: 4 Minuten"), views, contacts, author boxes, ads, cookies
    r"|\d+[ -]?(min|mins|minutes?)\.? read\s*$|(reading time|read time|lesezeit)\s*[:：]?\s*(ca\. )?\d+\s*(min|mins|minutes?|minuten)\.?\s*$",
    r"|this entry was posted\b|posted (on|in)\s|(the )?comments (are )?closed\b|(die )?kommentare (sind )?geschlossen\b|kommentarfeed\b|les commentaires sont fermés|comentarios cerrados|leave a (comment|reply)\b|(hinterlasse|schreibe) einen kommentar\b|(artikel|beitrag) gefallen\s*\?|(did you )?(like|enjoy)(ed)? (this|the) (article|post|story)\s*\?|published\s*:|opublikowano\b|aufrufe\s*:|kommentieren sie\b|(über|about) (den|die|the) (autor|autorin|author)\b|autor(en|in)?\s*:|von\s*:|kontakt\s*:|contact( us)?\s*:|-?\s*anzeige\s*-?\s*$|anzeige\s*-|externer inhalt\b|image illustrative|(wir )?(verwenden|nutzen) cookies|wir respektieren deine privatsphäre|korzystamy z (plików )?cookies|we use cookies\b",
    // French, Spanish, Portuguese, Italian, Dutch, Polish
    r"|lire aussi|à lire aussi|voir aussi|sur le même sujet|le puede interesar|puedes ver\b|lee también|te puede interesar|leia também|veja também|leggi anche|potrebbe interessarti|lees ook|czytaj (też|także|więcej)|zobacz (też|także)|ten tekst przeczytasz",
    r")"
));

/// Ours: a post's row of actions in a forum thread or a comment list ("Reply Quote Report 12
/// likes", "permalink embed save report reply", "Like · Reply · 3"): a line made only of
/// action words and counts is the forum software's buttons, not what the post says. Only
/// blocks shorter than [`BOILERPLATE_LINE_MAX_CHARS`] are tested.
pub(crate) static POST_ACTIONS: Lowercased = Lowercased::made_of(
    concat!(
        r"(?i)^[\s|·•,()\[\]–-]*(",
        r"(reply( with quote)?|replies|quote|multi-?quote|report|like|likes|liked|unlike|share|permalink|flag|edit|delete|save|saved|embed|parent|context|vote|votes|upvote|downvote|award|helpful|thanks|bookmark|follow|mention|",
        r"antworten|zitieren|melden|gefällt mir|danke|teilen|répondre|citer|signaler|partager|j'aime|responder|citar|reportar|compartir|me gusta|rispondi|cita|segnala)",
        r"|\d+( (likes?|points?|votes?|replies|reactions?))?",
        r")([\s|·•,()\[\]–-]+(",
        r"(reply|replies|quote|multi-?quote|report|like|likes|liked|unlike|share|permalink|flag|edit|delete|save|saved|embed|parent|context|vote|votes|upvote|downvote|award|helpful|thanks|bookmark|follow|mention|",
        r"antworten|zitieren|melden|gefällt mir|danke|teilen|répondre|citer|signaler|partager|j'aime|responder|citar|reportar|compartir|me gusta|rispondi|cita|segnala)",
        r"|\d+( (likes?|points?|votes?|replies|reactions?))?",
        r"))*[\s|·•,()\[\]–-]*$"
    ),
    // The words of its alternatives: a line with any other goes unasked.
    &[
        "reply",
        "with",
        "quote",
        "replies",
        "multi",
        "multiquote",
        "report",
        "like",
        "likes",
        "liked",
        "unlike",
        "share",
        "permalink",
        "flag",
        "edit",
        "delete",
        "save",
        "saved",
        "embed",
        "parent",
        "context",
        "vote",
        "votes",
        "upvote",
        "downvote",
        "award",
        "helpful",
        "thanks",
        "bookmark",
        "follow",
        "mention",
        "antworten",
        "zitieren",
        "melden",
        "gefällt",
        "mir",
        "danke",
        "teilen",
        "répondre",
        "citer",
        "signaler",
        "partager",
        "j'aime",
        "responder",
        "citar",
        "reportar",
        "compartir",
        "me",
        "gusta",
        "rispondi",
        "cita",
        "segnala",
        "point",
        "points",
        "reaction",
        "reactions",
    ],
);

/// Ours: a post's meta lines in a forum thread: when it was last edited ("Last edited: 13 Sep
/// 2024", "Last edited by jane; 03-05-2024 at 10:12 AM") and its author's counts ("Posts:
/// 1,234", "Registered: 2019-04-01", "Joined: Mar 2020", a Q&A site's "2,360 6 gold badges 23
/// silver badges"): the forum software's, not what the post says. Only blocks shorter than
/// [`BOILERPLATE_LINE_MAX_CHARS`] are tested.
pub(crate) static POST_META: Lowercased = Lowercased::guarded(
    concat!(
        r"(?i)^\s*(last edited( by [^:;]{1,40})?\s*[:;,]?\s*[\w ,.:/-]{0,30}(, edited \d+ times? in total\.?)?",
        r"|(posts|messages|joined|registered|member since|reaction score|beiträge|mitglied seit|registriert( seit)?|dabei seit|messages postés|inscrit le|mensajes|registrado)\s*:\s*[\w ,.:/-]{1,30}",
        r"|[\d,.k\s]*(\d+\s*(gold|silver|bronze) badges?\s*)+",
        r")\s*$"
    ),
    // Every match holds one of these (one per alternative).
    Words::any(packed!["last edited", ":", "badge"]),
);
/// Ours: a post's signature (phpBB's and SMF's `signature`, XenForo's `message-signature`,
/// FluxBB's `postsignature`, vBulletin's `signaturecontainer`): the author's motto, gear list
/// or advertisement under every post, removed by class in a thread only (an article may sign
/// off in a block of that name). A block whose `data-role` ends with the word (Invision's
/// `memberSignature`, whose class may not hold it) is one on any page, a thread of two posts too,
/// and whatever its share of the text (wcxb 0546, 0550).
pub(crate) static POST_SIGNATURE: Words = Words::any(packed!["signature"]);
/// Ours: phpBB's poster box beside each post (prosilver's `dl.postprofile`: the poster's
/// name, rank, "Posts: 6217", join date, location), removed in a thread only, as a
/// signature is: the post's author line says the name. phpBB 3.0 names no `username` in it,
/// so the box was never taken for the author's and every post opened with the poster's
/// card (wcxb 0540).
pub(crate) static POST_PROFILE: Words = Words::any(packed!["postprofile"]);
/// Ours: a post's number alone ("#12", its permalink; "#12 ·" once the post's author line
/// has taken the date after it), dropped only in a thread: in a chart or a ranked list the
/// number is the rank. So are the poster's status (FluxBB's and
/// NodeBB's "Offline" under each post, after a letter avatar's letter) and the badge that
/// marks the thread's starter on a reply ("Thread Starter", "OP", Invision's "Author").
pub(crate) static POST_NUMBER: Lowercased = Lowercased::new(
    r"^\s*(#\s?\d{1,7}( ·)?( \(edited\))?|(\w )?(offline|online)|thread starter|discussion starter|original poster|op|author)\s*$",
);

/// Ours: a line of a thread's post that is only a count (an answer's votes, a post's likes
/// or replies: Stack Exchange's `467`, a bounty's `+100`) or phpBB's back-link to the top of
/// the page (`Top`, under every post): the forum's, not the post's. Only a whole line goes
/// (a block of [`POST_MARK_BLOCKS`] with no other text), never a number in a sentence.
pub(crate) static POST_MARK_LINE: Lowercased = Lowercased::new(r"^\s*([+-]?\d{1,6}|top)\s*$");
/// ... the blocks such a line may be.
pub(crate) const POST_MARK_BLOCKS: &[&str] = &["p", "div"];

/// Ours: short credit lines naming a photo or news agency ("Augusta National/Getty Images",
/// "aja/PAP", "(crédito: Minervino Júnior/CB)"), tested on blocks under
/// [`CREDIT_LINE_MAX_CHARS`] characters.
pub(crate) static CREDIT_LINE: Lowercased = Lowercased::guarded(
    r"(?i)(^|[\s/(|©:])(getty images|afp|reuters|dpa|pap|ap photo|imago( images)?|shutterstock|istock(photo)?|picture[- ]alliance|epa|keystone|ansa|efe|xinhua|apa|sipa|dapd|ddp|kna|epd)(\s*/\s*[\w .-]+)?\)?\s*$",
    Words::any(packed![
        "getty images",
        "afp",
        "reuters",
        "dpa",
        "pap",
        "ap photo",
        "imago",
        "shutterstock",
        "istock",
        "picture",
        "epa",
        "keystone",
        "ansa",
        "efe",
        "xinhua",
        "apa",
        "sipa",
        "dapd",
        "ddp",
        "kna",
        "epd",
    ]),
);
pub(crate) const CREDIT_LINE_MAX_CHARS: usize = 80;

/// Ours: a short block right after an image that names a photo credit ("Foto: Andina",
/// "| © Augusta National/Getty Images", "Bild: Werk/…", or opening with the credit's words:
/// "Image from Becca's October review.", "Photo by …", "Courtesy of brand", or naming where the
/// picture came from: "Paris Haute Couture SS14, Serkan Cura, Bild via", "Photo via Flickr")
/// is that image's caption; blocks of up
/// to [`LOOSE_CAPTION_MAX_CHARS`] characters are tested, with [`CREDIT_LINE`] as well.
pub(crate) static CAPTION_CREDIT: Lowercased = Lowercased::guarded(
    r"(^|[\s(|/])(fotos?|bild(er)?|photos?|image|credits?|crédito|crédit|quelle|source|fuente|foto ©)\s*[:©]|©|\(c\) |^\s*((photo|image|picture|photograph)s? (from|by|provided by|via|courtesy of)|(photo |image )?courtesy( of)?)\s|(^|[\s,(|/])(fotos?|bild(er)?|photos?|images?|pictures?) via\b",
    Words::any(packed![
        "foto", "bild", "photo", "image", "credit", "crédit", "quelle", "source", "fuente", "©",
        "(c) ", "picture", "courtesy",
    ]),
);
pub(crate) const LOOSE_CAPTION_MAX_CHARS: usize = 300;

/// Month names (and common abbreviations) in the corpus languages, lowercase, for [`DATE_LINE`].
macro_rules! months {
    () => {
        "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus|desember|augusti|maj|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)"
    };
}

/// Ours: endings of short lines that mark them as page furniture wherever they stand in the
/// line: rating prompts ("Hier können Sie den Artikel bewerten"), meta lines ending in a
/// comment count ("… | 0 Comments"), "… als PDF herunterladen". Tested with
/// [`BOILERPLATE_LINE`]. (A file-download label's layout, "PDF | 38 KB", was one site's and
/// went in session 18.)
pub(crate) static BOILERPLATE_PHRASE: Lowercased = Lowercased::guarded(
    r"(artikel|beitrag) bewerten\s*$|\|\s*\d+ (comments?|kommentare?)\s*$|als pdf herunterladen\s*$",
    // Every match holds one of these.
    Words::any(packed!["bewerten", "|", "herunterladen"]),
);

/// Ours: blocks that are only a date or a date and time ("7. oktober 2020", "Dezember 2008",
/// "am 3. Februar 2022 um 21:17", "2021-03-04"): the article's dateline, which the header
/// shows from the metadata. Tested on blocks under [`DATE_LINE_MAX_CHARS`] characters.
pub(crate) static DATE_LINE: Lowercased = Lowercased::guarded_ending_in(
    concat!(
        r"^\s*((asked|answered|edited|posted|published|updated|veröffentlicht|aktualisiert)( am| on)? )?(am |on |le |el |il |den |d\. )?((mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)?,?\s*",
        r"(\d{1,2}\.?\s*(de\s+)?",
        months!(),
        r"\.?,?\s*(de\s+)?\d{4}|",
        // "March 7, 2020" and "March 2020" share one list of months: the regex engine walks
        // every name of a list at each step it may start.
        months!(),
        r"(\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\s+\d{4})|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})",
        r"(,?\s*(um|at|à|a las|alle|kl\.?|-|–)?\s*\d{1,2}[:.h]\d{2}(\s*(uhr|am|pm|h))?)?\s*$"
    ),
    Words::any(DATE_LINE_WORDS),
    // Every date ends in a digit (a year, a day, minutes) or in the time's unit: a reference
    // list's "Retrieved 3 March 2010." or "(2008)" is not asked of this large pattern.
    &[
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "uhr", "am", "pm", "h",
    ],
);
pub(crate) const DATE_LINE_MAX_CHARS: usize = 50;
/// What every [`DATE_LINE`] holds: a month (each name of `months!()` holds one of these; a
/// test checks), a digit followed by the separator of a numeric date ("7.10.2020",
/// "12/03/2018"), or an ISO date's "-03-" ("2021-03-04"). Numbers alone ("4,699,755", an
/// infobox's figures) and page references ("S. 4 – 8", "166-170") are not asked of the
/// pattern.
#[rustfmt::skip]
const DATE_LINE_WORDS: &str = packed![
    "may",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "jänner",
    "märz",
    "mai",
    "oktober",
    "dezember",
    "février",
    "avril",
    "juin",
    "juillet",
    "août",
    "décembre",
    "enero",
    "abril",
    "agosto",
    "setiembre",
    "diciembre",
    "gennaio",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "fevereiro",
    "setembro",
    "outubro",
    "dezembro",
    "maart",
    "mei",
    "desember",
    "maj",
    "stycznia",
    "lutego",
    "kwietnia",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
    "0.",
    "1.",
    "2.",
    "3.",
    "4.",
    "5.",
    "6.",
    "7.",
    "8.",
    "9.",
    "0/",
    "1/",
    "2/",
    "3/",
    "4/",
    "5/",
    "6/",
    "7/",
    "8/",
    "9/",
    // An ISO date's month between its dashes ("2021-03-04"): page ranges ("166-170") and
    // year spans ("2020-2021") are not dates.
    "-00-", "-01-", "-02-", "-03-", "-04-", "-05-", "-06-", "-07-", "-08-", "-09-",
    "-10-", "-11-", "-12-", "-13-", "-14-", "-15-", "-16-", "-17-", "-18-", "-19-",
    "-20-", "-21-", "-22-", "-23-", "-24-", "-25-", "-26-", "-27-", "-28-", "-29-",
    "-30-", "-31-", "-32-", "-33-", "-34-", "-35-", "-36-", "-37-", "-38-", "-39-",
    "-40-", "-41-", "-42-", "-43-", "-44-", "-45-", "-46-", "-47-", "-48-", "-49-",
    "-50-", "-51-", "-52-", "-53-", "-54-", "-55-", "-56-", "-57-", "-58-", "-59-",
    "-60-", "-61-", "-62-", "-63-", "-64-", "-65-", "-66-", "-67-", "-68-", "-69-",
    "-70-", "-71-", "-72-", "-73-", "-74-", "-75-", "-76-", "-77-", "-78-", "-79-",
    "-80-", "-81-", "-82-", "-83-", "-84-", "-85-", "-86-", "-87-", "-88-", "-89-",
    "-90-", "-91-", "-92-", "-93-", "-94-", "-95-", "-96-", "-97-", "-98-", "-99-",
];
/// ... and only whole blocks of these kinds go, never a date inside a sentence.
pub(crate) const DATE_LINE_BLOCKS: &[&str] =
    &["p", "div", "li", "h2", "h3", "h4", "h5", "h6", "td"];

/// Ours: notices that are about the page, not the story, anywhere in a block of up to
/// [`NOTICE_MAX_CHARS`] characters: affiliate disclosures ("We may receive compensation when
/// you click…"), licence and rights notices ("Dieser Text wurde veröffentlicht unter der Lizenz
/// CC-BY…"), opinion disclaimers, and subscription, app and donation prompts ("Download the
/// … app", "Already a subscriber?"). Session 18 dropped the alternatives that were one site's
/// formula (a copyright line's wording, a CC licence line, one paper's app and paywall
/// prompts); the languages' common rights, imprint and opinion lines stay: docs/evaluation.md.
pub(crate) static NOTICE: Lowercased = Lowercased::guarded(
    concat!(
        // affiliate disclosures
        r"we may (receive|earn) (a )?(compensation|commission)|advertisers do not influence|contains (references to products|affiliate links)|enthält (affiliate|werbe)-?links|als amazon-partner verdiene",
        // licences, rights, disclaimers
        r"|(unter|under) (der |the )?(lizenz|licen[cs]e) cc-|wszelkie prawa zastrzeżone|impressum \| datenschutz|n'engagent que leurs auteurs|gibt die meinung (des autors|der autorin) wieder|reflect the views of the author",
        // subscription, app and donation prompts
        r"|download the .{1,40} apps?\b|already a subscriber|first-time subscribers|(abonnieren|abonniere|subscribe to|sign up for) .{0,40}newsletter|keine (neuigkeiten|news) .{0,40}mehr verpassen|unterstütze .{1,30} (bereits )?mit \d",
    ),
    Words::any(packed![
        "compensation",
        "commission",
        "advertisers",
        "contains ",
        "enthält",
        "amazon-partner",
        "cc-",
        "zastrzeżone",
        "impressum",
        "n'engagent",
        "meinung",
        "reflect the views",
        "download the",
        "subscriber",
        "newsletter",
        "verpassen",
        "unterstütze",
    ]),
);
pub(crate) const NOTICE_MAX_CHARS: usize = 400;

/// Ours: an author's bio at the article's end, whatever its box is called: among the article's
/// last [`AUTHOR_BIO_TAIL_BLOCKS`] blocks of text, one of [`AUTHOR_BIO_MIN_CHARS`] to
/// [`AUTHOR_BIO_MAX_CHARS`] characters that greets the reader in the first person ("Hey, I'm
/// Jessica! Welcome to…", "Hallo, ich bin Foodbloggerin…"). wcxb's references leave such bios out, as trafilatura's
/// snippets do. Not a third-person bio ("Jane Roe is a reporter for…"): Readability keeps
/// those, and so do some wcxb references.
pub(crate) static AUTHOR_BIO: Lowercased = Lowercased::new(concat!(
    r"^\s*(",
    // "Hey, I'm …" / "Hallo, ich bin …" (a newspaper's "Schreibt seit 2008 für …" was here:
    // one site's formula, session 18)
    r"(hey|hi|hello|hallo)( there)?[,!]? (i'?m|i’m|i am|ich bin)\s",
    r")",
));
pub(crate) const AUTHOR_BIO_TAIL_BLOCKS: usize = 3;
pub(crate) const AUTHOR_BIO_MIN_CHARS: usize = 60;
pub(crate) const AUTHOR_BIO_MAX_CHARS: usize = 800;

/// Ours: an author's box found by its photo (`clean::lines::remove_author_box`): the box
/// holding an image whose `alt` names a person and a bio naming that person is at most
/// this long (a headshot, the name, a label, a bio of a few sentences: wcxb's Hearst
/// magazines' "Headshot of …" boxes, a finance site's "Matt Frankel, CFP" avatar, WordPress
/// author boxes), and at most this share of the article's text comes after it (it closes
/// the story; a profile that opens with its subject's photo and name is not one).
pub(crate) const AUTHOR_BOX_MAX_CHARS: usize = 1200;
pub(crate) const AUTHOR_BOX_MAX_AFTER_SHARE: f64 = 0.25;
/// Ours: labels before the person's name in an author photo's `alt` ("Headshot of Jane
/// Roe", "Author Jane Roe"), compared without case; the longer first where one opens
/// another.
pub(crate) const AUTHOR_PHOTO_LABELS: &[&str] = &[
    "headshot of ",
    "headshot ",
    "photo of ",
    "picture of ",
    "portrait of ",
    "avatar of ",
    "avatar for ",
    "author photo of ",
    "author image of ",
    "author ",
];

/// Ours: breadcrumb trails without `nav` or a breadcrumb class: at least this many links,
/// the first to the home page, in a block of at most [`BREADCRUMB_MAX_CHARS`] characters,
/// above the first paragraph of at least [`LEAD_PARAGRAPH_CHARS`] characters.
pub(crate) const BREADCRUMB_MIN_LINKS: usize = 2;
pub(crate) const BREADCRUMB_MAX_CHARS: usize = 250;
pub(crate) const LEAD_PARAGRAPH_CHARS: usize = 80;

/// Ours: only blocks shorter than this are checked against [`BOILERPLATE_LINE`], so a real
/// paragraph that begins "Read more about …" survives.
pub(crate) const BOILERPLATE_LINE_MAX_CHARS: usize = 140;
/// Ours: a line of [`BOILERPLATE_LINE`] tested whatever its length when it opens with this
/// (lowercased): WordPress's default theme of 2005–2010 ends every post with one long sentence
/// of meta ("This entry was posted on Tuesday, December 2nd, 2008 at 10:15 am and is filed
/// under News. You can follow any responses to this entry through the RSS 2.0 feed. …").
pub(crate) const LONG_POST_META_PREFIX: &str = "this entry was posted";

/// Ours: headings that open a block of teasers or comments at the article's end ("Recent
/// News", "Related Articles", "Leave a Comment"). The heading and everything after it in the
/// same container go, when what follows is mostly links or forms. (English "Comments", "12
/// Comments", "Further reading" and "About the author" were dropped in session 18: one site
/// a corpus each, and without them the check split gained.)
pub(crate) static TRAILING_SECTION_HEADING: Lowercased = Lowercased::new(concat!(
    r"(?i)^\s*(",
    r"recent (news|posts|stories|articles)|related (news|posts|stories|articles|content|coverage|reading|links)|more (news|stories|articles|from|on|in)\b.*|read (more|next|also)|you (may|might) (also )?like|recommended( for you)?|popular (posts|stories|now)|trending( now)?|leave a (comment|reply)|post a comment|add a comment|join the (discussion|conversation)|share this( article| story| post)?|tags|see also|also on [\w .-]+",
    r"|(das )?könnte (dich|sie) (auch )?interessieren!?|auch interessant|weitere (artikel|beiträge|themen)|ähnliche (artikel|beiträge)|verwandte (artikel|beiträge|themen)|neueste (artikel|beiträge)|kommentare?( \(\d+\))?|(einen )?kommentar (schreiben|hinterlassen)|lesen sie auch",
    r"|articles? (similaires|liés)|à lire aussi|sur le même sujet|commentaires?|artículos relacionados|noticias relacionadas|comentarios?|artigos relacionados|comentários|articoli correlati|commenti",
    r")\s*[:.!]?\s*$"
));

/// Ours: at most this many headings of [`TRAILING_SECTION_HEADING`] (or reviews) are asked
/// what follows them, each measuring the rest of its container: real pages have a few; a
/// hostile page of 16,000 "Comments" headings in one container took minutes.
pub(crate) const TRAILING_SECTION_MAX_HEADINGS: usize = 64;

/// Ours: on a page that sells one product, a block whose class or id has a part beginning
/// with this word holds its customers' reviews (IKEA's `pipf-seo-reviews`, Okendo's
/// `okeReviews-reviewsWidget`, Amazon's `customer-reviews_feature_div`), and goes before
/// scoring: a long review box otherwise outscores the product's description.
pub(crate) const REVIEWS_CLASS: &str = "review";
/// Ours: the text a block named for reviews holds to be the customers' reviews
/// ([`REVIEWS_CLASS`]): a store's reviews run to thousands of characters; a game's press quotes
/// (346 characters) and rating summary (700–1,100), which references keep, are shorter.
pub(crate) const REVIEWS_MIN_CHARS: usize = 1500;

/// Ours: on a product page ([`crate::retry::Flags::product`]), the heading of its customers'
/// reviews ("Customer Reviews", "51 Reviews", "Ratings & Reviews", "Customer reviews for
/// Terraria", "Top reviews from the United States"). The heading and its section go whatever
/// their link density: reviews are prose, but a product's text is its description. A bare
/// "Reviews" is not one: on a game's or a book's page it heads the critics' quotes, which
/// are part of its description.
pub(crate) static REVIEWS_HEADING: Lowercased = Lowercased::new(concat!(
    r"(?i)^\s*(",
    r"(customer|user|product|verified|top|most helpful|all)\s+(reviews?|ratings?)( (&|and) (reviews?|ratings?))?( (for|from|of) .*)?",
    r"|ratings? (&|and) reviews?|reviews? (&|and) ratings?",
    r"|\d[\d,.]*\s+(customer\s+)?(reviews?|ratings?)|what (our )?customers (are saying|say)",
    r"|kundenbewertungen|(kunden)?rezensionen|bewertungen|avis (clients|des clients|client)|opiniones( de (los )?clientes)?|reseñas( de clientes)?|recensioni( dei clienti)?",
    r")\s*[:.!]?\s*$"
));

/// Ours: the class of a line number inside a code block (Prism's `line-numbers-rows`,
/// Pygments' `linenos`/`lineno`, Chroma's `lnt`/`ln`, highlight.js's `hljs-ln-n`, a `gutter`),
/// left out of the block's text. Only an element holding nothing but digits is one.
pub(crate) static CODE_LINE_NUMBER_CLASS: Lowercased = Lowercased::new(
    r"(^|[\s_-])(line-?numbers?(-rows)?|linenos?|lineno|lnt?|gutter|hljs-ln-(n|numbers?)|code-line-number)($|[\s_-])",
);
/// The classes of the tables highlighters lay a line-number gutter and the code out in
/// (Rouge, Pygments, Chroma): the table gives way to the code's `<pre>`.
pub(crate) const CODE_GUTTER_TABLES: &[&str] = &["rouge-table", "highlighttable", "lntable"];
/// How many wrappers above a `<pre>` may name its language (GitHub's
/// `div.highlight-source-rust > pre`, Rouge's `div.language-rust > div.highlight > pre`).
pub(crate) const CODE_LANGUAGE_LEVELS: usize = 3;
/// The longest TeX formula converted to MathML ([`crate::tex`]); a longer one shows as its TeX.
pub(crate) const TEX_MAX_CHARS: usize = 4000;
/// The deepest nesting of groups and arguments a TeX formula may have before it shows as its
/// TeX: the converter recurses once per level.
pub(crate) const TEX_MAX_DEPTH: usize = 32;
/// Formula images whose `alt` is LaTeX: a class or `src` with one of these words (WordPress's
/// `latex` class and `latex.php`, CodeCogs, `mimetex`/`mathtex` CGIs).
pub(crate) const TEX_IMAGE_HINTS: &[&str] = &["latex", "codecogs", "mathtex", "mimetex", "tex.cgi"];
/// The longest id made from a heading's text, in characters.
pub(crate) const HEADING_ID_MAX_CHARS: usize = 64;

/// Ours: the classes (on the link or its wrapper) of a footnote reference: Pandoc's
/// `footnote-ref`, kramdown's `footnote`, Ghost's (markdown-it) `footnote-ref`, Substack's
/// `footnote-anchor`, `noteref`. A link inside a `<sup>`, holding one, or with
/// `role="doc-noteref"` is a reference without one.
pub(crate) static FOOTNOTE_REF_CLASS: Words = Words::any(packed!["footnote", "noteref"]);
/// Ours: the classes of a note's link (or links) back to its references: kramdown's
/// `reversefootnote`, Pandoc's `footnote-back`, Ghost's `footnote-backref`, GitHub's
/// `data-footnote-backref`, Wikipedia's `mw-cite-backlink`. They go; the note gets ours.
pub(crate) static FOOTNOTE_BACKLINK_CLASS: Words = Words::any(packed![
    "backlink",
    "backref",
    "footnote-back",
    "reversefootnote",
    "footnote-return",
]);
/// Ours: the longest text of a footnote reference in characters (`[123]`, `12`, `*`, `†`): a
/// longer in-page link is a cross-reference, not a note's number.
pub(crate) const FOOTNOTE_REF_MAX_CHARS: usize = 8;
/// Ours: the longest note, in characters: a longer target of a reference is a section of the
/// page, not a note, and stays where it is.
pub(crate) const FOOTNOTE_NOTE_MAX_CHARS: usize = 4000;
/// Ours: at most this many notes are gathered (hostile pages may hold thousands); references to
/// later notes are left as the page wrote them.
pub(crate) const FOOTNOTE_MAX_NOTES: usize = 400;

// ---------------------------------------------------------------------------------------------
// Elements.

/// Elements whose text is scored (paragraph-like).
pub(crate) const TAGS_TO_SCORE: &[&str] =
    &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Block children that keep a `<div>` a container rather than a paragraph.
pub(crate) const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Inline (phrasing) elements: a `<div>`'s runs of these are wrapped into paragraphs.
pub(crate) const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

/// ARIA roles of blocks that are never the article.
pub(crate) const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Ours: class names of dialogs a script shows on a click, hidden until then (Bootstrap's
/// `modal`), removed as `role=dialog` is: a login form, a newsletter pop-up.
pub(crate) const DIALOG_CLASSES: &[&str] = &["modal"];
/// Ours: ARIA roles removed in preparation, globally: site navigation, page banner and footer,
/// search, dialogs and alerts; tooltips (`role=tooltip`), the hint a control shows on hover
/// (a shop's "Your order should arrive by this date…", a seller's rating explained, an
/// author's card on a byline: wcxb tune 0617, 2888, 0380, 4204 up, 2972 down); option
/// pickers (`role=radiogroup`: a product's sizes, colours or protection plans to choose from);
/// status messages (`role=status`, a live region: "51 products", "loaded 154 results", and a
/// Shopify price box that a variant's choice updates, whose price most wcxb references leave
/// out: 42 of 58 tune product references print no price).
pub(crate) const STRUCTURAL_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "banner",
    "contentinfo",
    "search",
    "dialog",
    "alertdialog",
    "alert",
    "tooltip",
    "radiogroup",
    "status",
];

/// Elements dropped before anything else: they never hold article text.
pub(crate) const ALWAYS_DROP: &[&str] = &[
    "script", "style", "template", "link", "meta", "title", "head", "input", "button", "select",
    "textarea", "option", "optgroup", "datalist", "form", "dialog", "object", "embed", "applet",
    "frame", "frameset", "canvas", "audio", "map", "area", "slot", "portal",
];

/// Ours: embedded posts (tweets, Instagram, TikTok, Mastodon, Facebook, Bluesky) whose markup
/// is a quote of the post: kept and protected from link-density cleaning.
pub(crate) static EMBEDDED_POST: Guarded = Guarded::new(
    Words::any(packed![
        "twitter-",
        "instagram-media",
        "tiktok-embed",
        "mastodon-embed",
        "fb-",
        "bluesky-embed",
        "reddit-card",
        "imgur-embed-pub",
    ]),
    r"(?i)(^|\s)(twitter-tweet|twitter-video|instagram-media|tiktok-embed|mastodon-embed|fb-post|fb-xfbml-parse-ignore|bluesky-embed|reddit-card|imgur-embed-pub)(\s|$)",
);

/// Ours: consent and cookie overlays, matched as class/id substrings on blocks with little
/// text (a page *about* cookies keeps its paragraphs).
pub(crate) static COOKIE_OVERLAY: Guarded = Guarded::new(
    Words::any(packed![
        "cookie",
        "consent",
        "gdpr",
        "onetrust",
        "cc-",
        "cc_",
        "usercentrics",
        "didomi",
        "qc-cmp",
    ]),
    r"(?i)cookie[-_]?(banner|consent|notice|bar|policy-banner|law|warning|popup|message)|consent[-_]?(banner|manager|popup|dialog)|(^|[^a-z])gdpr|onetrust|cookiebot|cc[-_](banner|window)|usercentrics|didomi|qc-cmp",
);
pub(crate) const COOKIE_OVERLAY_MAX_CHARS: usize = 1200;

/// Ours: conditional cleaning keeps a block with a negative class weight when it is prose:
/// at least this many paragraphs, this much text and links below this density (a review's
/// product cards, classed `product-card`, hold the review itself).
pub(crate) const NEGATIVE_WEIGHT_PROSE_PARAGRAPHS: usize = 2;
pub(crate) const NEGATIVE_WEIGHT_PROSE_CHARS: usize = 400;
pub(crate) const NEGATIVE_WEIGHT_PROSE_LINK_DENSITY: f64 = 0.2;
/// Ours: the link-density rule keeps running prose whose sentences carry links
/// (`clean::conditional::linked_prose`): at most this many paragraphs, links under this
/// share of the text, at least this many characters outside them (wcxb 0097, 0312: a
/// paragraph citing its sources went at 21–46% links).
pub(crate) const LINKED_PROSE_MAX_PARAGRAPHS: usize = 2;
pub(crate) const LINKED_PROSE_MAX_LINK_DENSITY: f64 = 0.5;
pub(crate) const LINKED_PROSE_MIN_PLAIN_CHARS: usize = 200;
/// Ours: the negative-weight rule keeps a block of one or two paragraphs of running prose
/// with at least this many characters outside links (and links under
/// [`NEGATIVE_WEIGHT_PROSE_LINK_DENSITY`]): a story's paragraph in a page builder's box
/// classed `widget` or `card` (wcxb 0226, 4027, 4177).
pub(crate) const NEGATIVE_WEIGHT_PARAGRAPH_MIN_PLAIN_CHARS: usize = 150;
/// Ours: a paragraph that is all link stays when its link is a sentence of at least this many
/// words ending with a full stop (`clean::lines::is_linked_sentence`): a claim linked to its
/// source (wcxb 0355, 0224, 0151; 12, not 10: at 10 a check listing page fell), not a teaser's headline (which ends without a stop).
pub(crate) const LINKED_SENTENCE_MIN_WORDS: usize = 12;

/// Ours: containers of the article at least this long whose text repeats an earlier
/// container's are copies (the mobile and desktop versions of a section, cloned carousel
/// slides). Paragraphs and list items may repeat on purpose (API docs repeat a parameter's
/// description under each endpoint), and so may short blocks.
pub(crate) const REPEATED_BLOCK_MIN_CHARS: usize = 500;
/// Ours: a container whose class names a screen size (`desktop`, `mobile`, Bootstrap's
/// `visible-xs`, `d-md-none`, Foundation's `hide-for-small`) is one of a section's copies for
/// several screens, the others hidden by the style sheet: when its text repeats an earlier
/// container's it goes from [`SCREEN_COPY_MIN_CHARS`], side by side too (wcxb 4245: each case
/// study's slide once as `section.desktop`, once as `section.mobile`).
/// The size names a copy when it is the class or opens a name (`mobile-content`,
/// `desktop_nav`); a size that ends a class is a style for that screen, not a copy (Bulma's
/// `columns is-mobile`, `is-size-7-mobile` on every card of a listing: wcxb 4361 lost its
/// cards when any `mobile` counted).
pub(crate) static SCREEN_COPY: Words = Words::any(packed![
    "mobile-",
    "desktop-",
    "tablet-",
    "mobile_",
    "desktop_",
    "only-mobile",
    "only-desktop",
    "hide-",
    "hidden-",
    "visible-",
    "show-for-",
    "d-sm-",
    "d-md-",
    "d-lg-",
    "d-xl-",
])
.with_tokens(&["desktop", "mobile", "tablet"]);
/// The shortest text compared for [`SCREEN_COPY`]: a slide's headline and line.
pub(crate) const SCREEN_COPY_MIN_CHARS: usize = 40;
/// The containers compared for [`REPEATED_BLOCK_MIN_CHARS`].
pub(crate) const REPEATED_BLOCK_TAGS: &[&str] = &[
    "div", "section", "article", "ul", "ol", "dl", "table", "figure",
];

/// Ours, in a thread (declared, or posts found built alike): a block of text at least this
/// long that repeats an earlier one word for word goes. Forum replies quote the posts above
/// them (phpBB's "X wrote: …", XenForo's and Discourse's quote boxes), often the same lines in
/// several replies, and some forums print the thread's title on every post ("Re: …"); the
/// thread shows each once (wcxb's forum references hold each once). Shorter lines ("Thanks!",
/// "+1") are the posters' own. The same on a page that says it sells a product (`Flags::sells`):
/// shops print a feature block once for phones and once for desktops, the description again
/// in a tab, a card's blurb in every size, and the style sheet hides one copy (wcxb tune
/// product 0.654 -> 0.661: 1377, 0587, 0600, 0586, 0601). Not on every page: the Readability
/// corpus's test pages repeat their lorem-ipsum paragraphs (0.9889 / 0.9904 -> 0.9792 /
/// 0.9441 when tried on every page that is not a story), API references their parameters.
pub(crate) const THREAD_REPEAT_MIN_CHARS: usize = 60;
/// Ours: on a page that sells a product and is no thread, the [`THREAD_REPEAT_MIN_CHARS`]
/// comparison from this length instead: a shop prints its short lines again and again (the
/// sticky bar's name and price, "Same day shipping if ordered by 4PM", a picker's "Select
/// Color" above each option set), and its reader shows each once. On
/// wcxb's 63 tune product pages such second copies held 1,668 words the references leave
/// out against 335 they keep (10+ such words on 30 of the pages); both halves of the tune pages
/// (even / odd ids) gain: at 20 characters +0.0026 / +0.0052, at 10 +0.0037 / +0.0108, at 1
/// +0.0042 / +0.0147. At 10 a one-word label or value ("Yes", "2 oz", "WEIGHT") of a spec
/// card stays; longer ones in a row of comparison cards go (0584 −0.18, 3022 −0.01).
pub(crate) const SHOP_REPEAT_MIN_CHARS: usize = 10;
/// The blocks compared for [`THREAD_REPEAT_MIN_CHARS`], the innermost of them: the text of a
/// quote is its own block or its paragraphs.
pub(crate) const THREAD_TEXT_BLOCKS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "li",
    "dd",
    "dt",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "section",
    "article",
    "aside",
];

/// Ours: a block holding at least this share of the page's text is a page-wide wrapper (the
/// ASP.NET page-wide `<form>`, React's streamed `<div hidden id="S:0">`, a `visibility:hidden`
/// anti-flicker shell, a misnested `<aside>` that swallowed the page): preparation looks
/// inside it instead of removing it by the rules in [`WRAPPER_RULES`].
pub(crate) const WRAPPER_MIN_SHARE: f64 = 0.6;
/// Ours: pages with less text than this have no wrapper worth keeping (a cookie dialog may
/// hold most of an empty page's text).
pub(crate) const WRAPPER_MIN_CHARS: usize = 500;
/// Ours: a wrapper is mostly running text, not links (a page that is mostly its footer's
/// link lists, as shop pages without a description are, has no wrapper).
pub(crate) const WRAPPER_MAX_LINK_DENSITY: f64 = 0.5;
/// Ours: a page that shows less than this share of its text (what is not hidden, nor
/// navigation, headers, footers, asides, dialogs) is drawn by its script, and the blocks
/// it hides by their `hidden` attribute or inline style are its text: a shop's product or
/// category (wcxb 0631, 0658) sits in `display:none` blocks its script shows, beside hidden
/// mega-menus, so that no one hidden block holds [`WRAPPER_MIN_SHARE`] of the page.
pub(crate) const REVEAL_MAX_SHOWN_SHARE: f64 = 0.05;
/// The preparation rules a page-wide wrapper is exempt from.
pub(crate) const WRAPPER_RULES: &[Rule] = &[
    Rule::Form,
    Rule::Navigation,
    Rule::Hidden,
    Rule::StructuralRole,
    Rule::PageHeaderFooter,
    Rule::Aside,
];

/// Ours: an article shorter than this (in characters of text, after every attempt) may be a
/// sliver of a hub page: a front page, a list of jobs or papers, a category of products,
/// where no one block reads as an article and the best candidate is a kicker or one teaser.
pub(crate) const HUB_MAX_ARTICLE_CHARS: usize = 1000;
/// Ours: when the prepared page (navigation, header, footer, asides and hidden blocks gone)
/// holds at least this many times the text of such a short article, the page is shown as it
/// is instead: its list of stories, jobs or products is what it has to read.
pub(crate) const HUB_MIN_PAGE_RATIO: usize = 5;
/// Ours: an article (after every attempt) at least this share of whose text is in links is a
/// feed of teasers, not an article, however long: the best block was one card of a front
/// page (a linked headline over its excerpt) and the common ancestor of the next best is one
/// of the page's sections of cards ("More top stories" of a news front page, a blog's
/// newsletter issues beside its posts). When the prepared page holds at least
/// [`HUB_FEED_MIN_PAGE_RATIO`] times its text, the page is shown as a hub is, even one that
/// says it is a story (a blog's front page carries its latest post's date). No article page
/// of wcxb-dev comes out above 0.6; its listing pages 2961 and 2903 were one section of many.
pub(crate) const HUB_FEED_MIN_LINK_DENSITY: f64 = 0.8;
pub(crate) const HUB_FEED_MIN_PAGE_RATIO: f64 = 2.0;
/// Ours: a story of at least this many characters of paragraph text does not grow into an
/// ancestor whose extra paragraph text is mostly a feed of teasers (items built alike, each
/// with a linked heading over its excerpt: a "Latest" feed after a news story). A shorter one
/// still does, or it would fall below the article's minimum and the retry take the feed
/// itself (a blog's short post over its related posts).
pub(crate) const TEASER_FEED_MIN_STORY_CHARS: usize = 1000;
/// See [`TEASER_FEED_MIN_STORY_CHARS`]: a teaser card holds at most this many characters (a
/// title, a date, an excerpt of a few lines; a buying guide's linked product sections, each
/// with its review, are longer and are the story).
pub(crate) const TEASER_MAX_CHARS: usize = 600;
/// Ours: a `<form>` with nothing to fill in (only these input types, no `<select>` or
/// `<textarea>`) is not a form to remove when it holds a `<p>` of this many characters or
/// more: threads that wrap each reply's text in its own edit form (old Reddit's `usertext`,
/// hidden fields only) lost every short reply to the form rule.
pub(crate) const FORM_UNFILLABLE_INPUTS: &[&str] =
    &["hidden", "submit", "button", "image", "reset"];
/// See [`FORM_UNFILLABLE_INPUTS`]: a reply of a dozen words.
pub(crate) const FORM_PARAGRAPH_MIN_CHARS: usize = 40;
/// Ours: a sign-up box. A removed `<form>` that asks for an e-mail address takes with it the
/// box around it: its highest ancestor (below `body`, `main` and `article`) whose text beside
/// the form's is at most [`SIGNUP_BOX_MAX_CHARS`] and says what the form is for ("Join our
/// newsletter", "Subscribe to receive monthly updates", "Join our mailing list"). The form
/// went, its heading and small print stayed (wcxb tune 0477's "By signing up, you agree to
/// receive recurring automated SMS marketing messages…", 0097, 0411, 4845). Session 18
/// dropped "e-book" (one site a corpus, only a tune page moved) and the words that never
/// decided a box alone ("inbox", "updates", "stay in touch", "anmeld").
pub(crate) static SIGNUP_BOX: Lowercased =
    Lowercased::new(r"subscri|newsletter|sign(ing)? ?up\b|mailing list|abonn");
/// See [`SIGNUP_BOX`]: a heading, a line of pitch and a line of small print.
pub(crate) const SIGNUP_BOX_MAX_CHARS: usize = 500;
/// See [`SIGNUP_BOX`]: not a box that holds a `<p>` this long, a paragraph of prose (a short
/// post with the blog's newsletter form under it: trafilatura's boingboing.net.millenials).
pub(crate) const SIGNUP_BOX_MAX_PARAGRAPH_CHARS: usize = 250;
/// Ours: an accessibility skip link (a link within the page, `href="#…"`, that lets a
/// keyboard skip the menus) is navigation whatever its place: its text opens with one of
/// these (lower-cased). Shops and front pages put it in a plain `<div>` before the header
/// (wcxb tune: "Skip to search results" on REI's category pages, "Skip to main content").
pub(crate) const SKIP_LINK_TEXTS: &[&str] = &[
    "skip to ",
    "skip navigation",
    "jump to main content",
    "zum inhalt",
    "aller au contenu",
    "ir al contenido",
];
/// Ours: a hub page that names its main region (HTML's `<main>`, or `role="main"`; one
/// outermost) is read from it, not from the whole body: what lies outside is the site's
/// chrome the preparation did not know for such (a "Skip to content" link, the announcement
/// bar, a shop's mega-menu of "Back" links, a footer of "Categories" and "Trending Topics"
/// link lists in plain `<div>`s). wcxb tune: the front pages and category grids read whole
/// (3064, 4112, 3066, 2936, 2962, 3016, 3015), none worse.
pub(crate) const MAIN_REGION_TAGS: &[&str] = &["main"];
pub(crate) const MAIN_REGION_ROLE: &str = "main";
/// Ours: an article (cleaned) that holds the page's main region and more is read from the
/// region when it holds at least this share of the article's text: the winner was a wrapper
/// high in the page, and what it adds around `<main>` is the site's chrome (a promotion bar,
/// a cookie note, a newsletter box, the site's blurb). wcxb tune 4339 0.82 -> 0.99, 0393
/// 0.94 -> 1.00, 0654 +0.03; at 0.5, a category page whose reference is its SEO text beside
/// `<main>` lost (2960, share 0.59: 0.55 -> 0.15); under 0.1 a service page's `<main>` is a
/// hero of a line (4246).
pub(crate) const MAIN_REGION_MIN_SHARE: f64 = 0.6;
/// Ours: the page's own footer, for selection: a `<footer>` at most this many levels below
/// the body (its child is 1), outside any `<article>` or `<main>` (preparation keeps one that
/// holds paragraphs: the site's about text, an address). A best candidate in it gives way to the best of the top
/// candidates outside it: its blurb outscored a page builder's modules once their class words
/// could not be read (wcxb tune 0711, 3033 on the scrambled corpus; 0660 +0.01). A `<footer>`
/// deeper in the tree is a component's: wcxb 0709's content system serves the page's text in
/// a fragment of its own footer (14 levels down). Nor does such a footer join the chosen
/// block as a sibling: beside a short story its about text and small print score like a
/// sibling worth joining (wcxb tune 0362 on the scrambled corpus, +0.55).
pub(crate) const PAGE_FOOTER_MAX_DEPTH: usize = 4;
/// Ours: a best candidate that starts more than this many characters of text after the box
/// that held the page's headline (the heading scoring removed as the title's copy), or before
/// it, gives way to a top candidate that holds that box or starts at most
/// [`HEADLINE_NEAR_CHARS`] after it, scores at least [`HEADLINE_NEAR_SHARE`] of the best and
/// holds at least [`HEADLINE_NEAR_MIN_TEXT`] of its text, and does not hold it (a wrapper
/// around the best is no other container). The story follows its headline; what outscores it
/// far below is the site's furniture or a later post (readability's heise on the scrambled
/// corpus: a block of the site's closing chrome; wcxb 3031 up; 0135 up alone, but with the
/// retry's rule in `select::pick` its intro alone is taken, too short, and the page is read as
/// a hub). Without class words, a
/// story's body loses the points its `article-content` name gave it. At 1000 characters a
/// shop's description far below its product box gave way to the box (wcxb 3026) and a
/// promotion card to a heading's box (0709); at a near of 500 and a text share of 0.5, a
/// category's grid (2925) lost.
pub(crate) const HEADLINE_FAR_CHARS: usize = 2000;
/// Ours: see [`HEADLINE_FAR_CHARS`].
pub(crate) const HEADLINE_NEAR_CHARS: usize = 300;
/// Ours: see [`HEADLINE_FAR_CHARS`].
pub(crate) const HEADLINE_NEAR_SHARE: f64 = 0.5;
/// Ours: see [`HEADLINE_FAR_CHARS`].
pub(crate) const HEADLINE_NEAR_MIN_TEXT: f64 = 0.7;
/// Ours: a page of prose sections (a service's landing page: a section of what it offers, one
/// of how it works, one of questions and answers) where no one section reads as the article
/// and the best is one of them. When the article is shorter than this, the prepared page
/// holds [`PROSE_HUB_MIN_PAGE_RATIO`] times its text and the text beyond the article is less
/// than [`PROSE_HUB_MAX_LINK_DENSITY`] links (so not teasers, a product grid or link lists),
/// the page is shown whole as a hub is. (3,000 characters was tried: one more wcxb tune page
/// gained, a forum thread of the check split read whole lost.)
pub(crate) const PROSE_HUB_MAX_ARTICLE_CHARS: usize = 2000;
pub(crate) const PROSE_HUB_MIN_PAGE_RATIO: f64 = 3.0;
pub(crate) const PROSE_HUB_MAX_LINK_DENSITY: f64 = 0.13;
/// Ours: a hub page (shown whole, its list uncleaned) loses the site's footer at its end: the
/// last elements of its trailing spine (the last element with text, then its last, and so
/// on) whose class or id holds one of these (a blog's `div#footer` with its copyright line,
/// a Webflow page's `footer-blog-m` section of links, a news site's `p#copyright`). Only the
/// page's end is read: a list's entries carry `entry-footer`s, and cleaning every hub took a
/// list page's entries (thirteenth round).
pub(crate) const HUB_FOOTER_TOKENS: &[&str] = &["footer", "copyright"];
/// Ours: how deep the hub's trailing spine is followed ([`HUB_FOOTER_TOKENS`]).
pub(crate) const HUB_FOOTER_MAX_DEPTH: usize = 8;
/// Ours: the hub's trailing footers ([`HUB_FOOTER_TOKENS`]) go only while they hold at most
/// this share of its text (wcxb tune: at most 0.29, listing 4359's links by country; a page
/// drawn by a script, 4868, has only its footer left).
pub(crate) const HUB_FOOTER_MAX_SHARE: f64 = 0.5;
/// Ours: a page that says it is a story (`Metadata::story`) is never read as a hub, unless
/// the article found holds not one sentence: Wikipedia's lists carry a publication date and
/// their best block is the tagline "From Wikipedia, the free encyclopedia"; a shop's dated
/// product grid gives a product's name and price. A sentence ends with one of these marks
/// before a space, a closing mark or the end of the text, or with a full-width mark anywhere.
pub(crate) const SENTENCE_END_MARKS: &[char] = &['.', '!', '?', '…'];
pub(crate) const CLOSING_MARKS: &[char] = &['"', '\'', '”', '“', '’', '»', '«', ')', ']'];
pub(crate) const FULL_WIDTH_SENTENCE_END_MARKS: &[char] = &['。', '！', '？', '।'];

// ---------------------------------------------------------------------------------------------
// Scoring weights and thresholds (Readability's unless marked).

/// Ours: a class name that this many elements of the page carry is how the page is built or
/// styled (a page builder's `elementor-widget`, Tailwind's `overflow-hidden`), not what one
/// block is: its negative words do not count against a block (`score::CommonClasses`).
pub(crate) const COMMON_CLASS_MIN_ELEMENTS: usize = 10;
/// Added or subtracted for a positive or negative class, and again for the id.
pub(crate) const CLASS_WEIGHT: f64 = 25.0;
/// Paragraph-like elements with less text than this are not scored.
pub(crate) const MIN_PARAGRAPH_CHARS: usize = 25;
/// Ours: a paragraph of at most [`REPEATED_LABEL_MAX_CHARS`] whose text the page repeats in
/// [`REPEATED_LABEL_MIN`] or more paragraphs is a label of a grid's cards ("Compare Remove
/// from comparison", "In stock, ships tomorrow"), not prose: it is not scored, so a product
/// grid does not outscore the category's description.
pub(crate) const REPEATED_LABEL_MAX_CHARS: usize = 80;
pub(crate) const REPEATED_LABEL_MIN: usize = 3;
/// A paragraph gains a point per this many characters, up to [`MAX_LENGTH_POINTS`].
pub(crate) const CHARS_PER_POINT: usize = 100;
pub(crate) const MAX_LENGTH_POINTS: f64 = 3.0;
/// How many ancestor levels a paragraph's score reaches.
pub(crate) const ANCESTOR_LEVELS: usize = 5;
/// How many top candidates are kept.
pub(crate) const TOP_CANDIDATES: usize = 5;
/// Candidates scoring this share of the best are alternatives; if [`MIN_ALTERNATIVES`] of them
/// share an ancestor, the article is split across it and the ancestor wins.
pub(crate) const ALTERNATIVE_SHARE: f64 = 0.75;
pub(crate) const MIN_ALTERNATIVES: usize = 3;
/// Ours: alternatives that are enough when there are two and they are built alike (the same
/// tag and the same class tokens, read as opaque tokens, not words: two posts of a thread,
/// two sections of a page builder): a repeated structure holds the article whatever its class
/// words say. On
/// the scrambled corpus a forum's posts, their `message` names unreadable, lost to a
/// sidebar's blurb (wcxb tune 0534 0.02 -> 0.97; 4435 +0.05); normal check wcxb +0.0009,
/// scrambled check +0.0007; odd tune pages moved both ways (4309 +0.06, 0553 -0.04, 2081
/// -0.08 scrambled). At 2 for any alternatives (no likeness asked), normal wcxb tune fell
/// 0.0009 (0559, 4100, 0380, 0660 down).
pub(crate) const MIN_ALIKE_ALTERNATIVES: usize = 2;
/// Ours: split bodies (a story cut into sibling chunks of subheading and text, slideshows).
/// After climbing, an ancestor up to [`SPLIT_BODY_LEVELS`] levels up replaces the winner when
/// it holds this many times its paragraph text with little link text.
pub(crate) const SPLIT_BODY_RATIO: f64 = 2.0;
pub(crate) const SPLIT_BODY_LEVELS: usize = 6;
pub(crate) const SPLIT_BODY_MAX_LINK_DENSITY: f64 = 0.3;
/// Ours: a layout table's row chosen as the article narrows to its story's cell when that
/// cell holds at least this share of the row's text outside links and every other cell is a
/// column of links, at least this link-dense, or empty (old table-layout news pages: a
/// navigation column on either side of the story).
pub(crate) const LAYOUT_CELL_MIN_SHARE: f64 = 0.9;
pub(crate) const LAYOUT_CELL_MIN_LINK_DENSITY: f64 = 0.5;
/// … and when that cell holds a story: at least this many characters outside links.
pub(crate) const LAYOUT_CELL_MIN_CHARS: usize = 400;
/// Ours: … and among a layout table's rows, a row with at most this many characters outside
/// links is furniture like a column of links: the footer row's copyright line ("Copyright ©
/// 2008 The Herald. All rights reserved." and two links), a date row. A cell beside the
/// story's (a second column of prose) is not judged by this.
pub(crate) const LAYOUT_ROW_MAX_LOOSE_CHARS: usize = 200;
/// Ours: … and a column beside the story's cell is furniture when no line of it holds this
/// many characters outside links: a column of teasers (a linked headline and a line of
/// summary each), a weather and markets box. A second column of prose has longer lines.
pub(crate) const LAYOUT_PROSE_LINE_CHARS: usize = 150;
/// Ours: threads (forum posts, Q&A answers, a listing's story summaries). The winner or an
/// ancestor up to [`REPEATED_ITEMS_LEVELS`] levels up with this many siblings built alike
/// (counting itself), each of at least [`REPEATED_ITEM_MIN_CHARS`] and below
/// [`REPEATED_ITEMS_MAX_LINK_DENSITY`], gives way to their parent. Those items are the
/// entries of a list (`clean::entries`): on a page that does not say it is a discussion,
/// conditional cleaning's link rules leave their parts (a listing's bylines and linked
/// titles, a feed's author lines: wcxb's listing references keep each entry whole).
pub(crate) const REPEATED_ITEMS_MIN: usize = 3;
pub(crate) const REPEATED_ITEM_MIN_CHARS: usize = 80;
pub(crate) const REPEATED_ITEMS_MAX_LINK_DENSITY: f64 = 0.5;
/// Nine levels: XenForo 2 (a forum engine behind thousands of sites) sets a post's text eight
/// levels below the post (`article.message > .message-inner > .message-cell--main >
/// .message-main > .message-content > .message-userContent > article.message-body > div >
/// .bbWrapper`); at five, a thread whose best block was one post's quote kept that post alone
/// (wcxb 2797).
pub(crate) const REPEATED_ITEMS_LEVELS: usize = 9;
/// The other items hold at least this share of the winner's text: an article followed by
/// its citations and an author box built alike is one story, not a thread.
pub(crate) const REPEATED_ITEMS_MIN_REST: f64 = 0.5;
/// Siblings are built alike when they share this share of their class tokens (`post bg1`
/// and `post bg2`).
pub(crate) const REPEATED_ITEM_CLASS_SHARE: f64 = 0.5;
/// Ours: a phrase ([`HIDDEN_PHRASE_TAGS`]) whose class is Bootstrap's `d-none` alone (with
/// another class, `d-none d-md-inline`, it may be shown on wide screens) is hidden at every width:
/// Stack Overflow's machine timestamps under each comment ("2019-01-21T21:40:59.62Z+00:00").
/// Not a block: a `<div class="d-none">` may hold data a script shows (a service page's
/// capabilities, wcxb 0170).
pub(crate) const HIDDEN_PHRASE_CLASS: &str = "d-none";
pub(crate) const HIDDEN_PHRASE_TAGS: &[&str] = &["span", "time", "small"];
/// Ours: class words (parts split at `-` and `_`) of a `<time>`'s child that is the date's
/// short form, dropped when a sibling is its [`DATE_LONG_FORM`] (Invision Community prints
/// both, `ipsTime__long` and `ipsTime__short`, and a style sheet shows one: wcxb forum
/// pages read "June 14, 20241 yr" under every post).
pub(crate) const DATE_SHORT_FORM: &[&str] = &["short"];
/// Ours: class words of a `<time>`'s child that is the date's long form (see [`DATE_SHORT_FORM`]).
pub(crate) const DATE_LONG_FORM: &[&str] = &["long", "full"];
/// Ours: classes Webflow's stylesheet hides (`display: none`) until a script shows them, if
/// ever: a block whose CMS condition failed (an empty "Related Posts" callout, a trademark
/// notice for another post: wcxb 0358, 4252) and a form's messages for after it is sent
/// ("Thank you! Your submission has been received!", "Oops! Something went wrong…").
pub(crate) const HIDDEN_CLASSES: &[&str] = &["w-condition-invisible", "w-form-done", "w-form-fail"];
/// Ours: a thread's opening post is looked for before the list of replies or before this
/// many of its ancestors, the list counted (VerticalScope's forum theme sets the first post
/// two levels above the replies' list: wcxb 0528).
pub(crate) const OPENING_POST_LEVELS: usize = 4;
/// Classless siblings are built alike only when they are items by their tag.
pub(crate) const REPEATED_ITEM_TAGS: &[&str] = &["article", "li"];
/// Ours: a thread's posts are shown with their authors. An element whose class or id holds
/// one of these words (or with `itemprop="author"`) names the post's author
/// (XenForo's `username`, Invision's `cAuthorPane_author`, the `post-author` box); the name
/// is at most [`POST_AUTHOR_MAX_CHARS`] (so is the date), and the author's box around it,
/// which goes once the name has a line of its own, at most [`POST_AUTHOR_BOX_MAX_CHARS`].
pub(crate) static POST_AUTHOR: Words = Words::any(packed!["author", "username"]);
pub(crate) const POST_AUTHOR_MAX_CHARS: usize = 40;
pub(crate) const POST_AUTHOR_BOX_MAX_CHARS: usize = 300;
/// Ours: a post's date in its author line is its first `<time>`, or failing that the
/// first element that names itself the post's date in schema.org microdata with one of
/// these `itemprop`s (vBulletin's `span.postdate[itemprop=datePublished]`: wcxb 0533), an
/// engine that prints a post's date without a `<time>`.
pub(crate) const POST_DATE_ITEMPROPS: &[&str] = &["datePublished", "dateCreated"];
/// Ours: ... and failing both, the first element with one of these class tokens (any case):
/// XenForo 1's `span.DateTime` (wcxb 0520, 0517), a theme's `span.date`. (`postdate`,
/// `post-date`, `post_date`, `published` too moved no wcxb page: left out.)
pub(crate) const POST_DATE_CLASSES: &[&str] = &["date", "datetime"];
/// Ours: ... and without a text longer than this (a sentence of the post's own).
pub(crate) const POST_AUTHOR_BOX_MAX_RUN: usize = 80;
/// Ours: the groups of siblings built alike looked for under one element (each sibling is
/// compared with the first of each group, so a list of many unlike items costs no more).
pub(crate) const POST_GROUPS_MAX: usize = 8;
/// Ours: on a page that says it sells a product, the block whose class or id holds one of
/// these words (`product-description`, `tab-description`, Steam's `game_description_column`;
/// the token `desc`) and at least [`PRODUCT_DESCRIPTION_MIN_CHARS`] of paragraph text is the
/// article: the product's text is its description, not the page's price box, specifications,
/// accessories and reviews around it (wcxb product pages 0583, 0626, 2894, 3026).
pub(crate) static PRODUCT_DESCRIPTION: Words =
    Words::any(packed!["description"]).with_tokens(&["desc"]);
pub(crate) const PRODUCT_DESCRIPTION_MIN_CHARS: usize = 700;
/// Paragraphs with more link density than this are not counted as the story's text.
pub(crate) const PARAGRAPH_MAX_LINK_DENSITY: f64 = 0.3;

/// Ours: a page description shorter than this is too generic to find the lead paragraph by.
pub(crate) const LEAD_MIN_CHARS: usize = 60;
/// Ours: a standfirst may open with a kicker the description leaves out ("Heavy defeat for
/// Johnson: …"), of up to this many bytes before the description's words.
pub(crate) const LEAD_MAX_KICKER_BYTES: usize = 80;
/// Ours: blocks that can hold a standfirst: paragraphs, and the headings and bold runs some
/// templates set it in (`<h3>` under the headline).
pub(crate) const LEAD_TAGS: &[&str] = &["p", "div", "span", "h2", "h3", "strong"];

/// Sibling joining: a sibling joins with this share of the top score (at least the floor).
pub(crate) const SIBLING_SHARE: f64 = 0.2;
pub(crate) const SIBLING_FLOOR: f64 = 10.0;
/// A sibling paragraph joins when longer than this with low link density, or shorter with no
/// links that ends a sentence.
pub(crate) const SIBLING_PARAGRAPH_CHARS: usize = 80;
pub(crate) const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;
/// Ours: a sibling that holds no score at all (no paragraph within [`ANCESTOR_LEVELS`] of it)
/// joins when its paragraphs hold at least this many characters and it has less link density
/// than this: the rest of a text the page cut into deep sections. Only on a story, or when the
/// winner's paragraphs hold [`PROSE_HUB_MAX_ARTICLE_CHARS`] or more. A sibling before the
/// winner is held to the same test when its score falls short of joining (a story's summary
/// or intro in a box of its own: wcxb 0327, 0381; trafilatura 0afd671f, iass-potsdam).
pub(crate) const SIBLING_UNSCORED_MIN_CHARS: usize = 500;
pub(crate) const SIBLING_UNSCORED_MAX_LINK_DENSITY: f64 = 0.1;
/// Ours: a sibling between two that joined the winner joins when its paragraphs hold at
/// least this many characters, with less link density than [`SIBLING_MAX_LINK_DENSITY`]:
/// the text goes on around it (a camera guide's section that scored a little short between
/// the story and its last section, wcxb 0272; a service page's questions and answers between
/// its overview and its testimonials, 3033; a row of short sections, each too short to score,
/// between two that joined, 4477). Not on a page that sells: a product page's blocks between
/// its description and another joined box are the shop's.
pub(crate) const SIBLING_GAP_MIN_CHARS: usize = 200;
/// Ours: on a story, a box (not a paragraph) before the winner with less text than this that
/// closes no sentence does not join it: a headline repeated in a box, a dateline, a label, a
/// credit, a breadcrumb over the headline. Of the boxes that joined before the winner on
/// wcxb's tune articles, 20 under this length were no part of the reference (titles,
/// datelines, bylines, prices, disclosures) and 3 were (0184, 0171, 0410: intros that end
/// their sentence, which the rule keeps). At 150 wcxb 0343 and 0471 kept their breadcrumb
/// and byline boxes; at 500 a standfirst box that trafilatura's reference keeps went
/// (boingboing) with one site's commission notes (wcxb 4130, 4698).
pub(crate) const SIBLING_LABEL_MAX_CHARS: usize = 250;
/// Ours: a page builder sets a story's sections in boxes built alike (Elementor's
/// `e-con` containers), and the winner is in one of them, a few levels below its box. Up to
/// this many levels above the winner's parent, the run of boxes right before the one that
/// holds the winner, built alike with it ([`REPEATED_ITEM_CLASS_SHARE`]) and each holding
/// prose as a sibling that no paragraph scored must ([`SIBLING_UNSCORED_MIN_CHARS`],
/// [`SIBLING_UNSCORED_MAX_LINK_DENSITY`]), opens the article: the story's intro and first
/// sections (wcxb 0336). Only before: after the story such boxes are the site's questions
/// and answers as often (0342).
pub(crate) const BUILDER_SECTION_LEVELS: usize = 4;
/// Links to `#anchors` count this much toward link density (tables of contents, footnotes).
pub(crate) const HASH_LINK_WEIGHT: f64 = 0.3;
/// A `<div>` holding one `<p>` with less link density than this becomes that paragraph.
pub(crate) const SINGLE_P_MAX_LINK_DENSITY: f64 = 0.25;

/// Initial score by tag.
pub(crate) fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Conditional cleaning: blocks with fewer commas than this are inspected.
pub(crate) const CONDITIONAL_MAX_COMMAS: usize = 10;
/// Conditional cleaning: the commas it counts (Latin, fullwidth CJK, Arabic; Readability's
/// set, narrower than [`COMMAS`] of scoring).
pub(crate) const CONDITIONAL_COMMAS: &[char] = &[',', '\u{FF0C}', '\u{060C}'];
/// Ours: class or id words of a block of folding panels, a page's questions and answers
/// (`accordion__item`, `faq-list`). Conditional cleaning does not remove a block inside one
/// for its links: an answer's links sit in its sentences ("see our step-by-step guide here"),
/// and a service or shop page's FAQ is its text. On the wcxb tune split, link density had
/// removed 1,709 reference words in such blocks against 215 rightly (service 0691, 4250;
/// collection 2952, 3000).
pub(crate) static FOLDING_PANELS: Words = Words::any(packed!["accordion", "faq"]);
/// Ours: the longest text of an accordion's header (`prepare::follows_collapsed_control`: a
/// hidden block right after a short header holding an `aria-expanded="false"` control is its
/// panel, kept as a panel an `aria-controls` names is). A review's "What to consider"
/// sections went as hidden blocks (wcxb 1821: 990 reference words).
pub(crate) const DISCLOSURE_HEADER_MAX_CHARS: usize = 200;
/// Ours: a collapsed panel right after a short question (`prepare::answers_question`) is its
/// answer when it holds at least this many characters (a FAQ's answer without `aria-expanded`:
/// wcxb 4913, 0609), not a feedback widget's hidden thanks.
pub(crate) const ANSWER_MIN_CHARS: usize = 100;
/// Ours: how many of a tab set's first children are looked at for its shown panel
/// (`prepare::is_switched_panel`: a panel hidden beside a shown one of its set is kept). A
/// set shows one of its first panels; a slideshow may have more slides (trafilatura tune's
/// gallery of 31), and a list of thousands of hidden items is not scanned once per item.
pub(crate) const TAB_SET_MAX_PANELS: usize = 12;
/// Ours: the link density of each item of a list of links that holds its own label
/// (`conditional::labelled_list_of_links`: a story's "Artikel und Videos zum Thema" box).
pub(crate) const LINK_LIST_ITEM_DENSITY: f64 = 0.95;
/// Conditional cleaning: link density limits for low- and high-weight blocks.
pub(crate) const CONDITIONAL_LINK_DENSITY_LOW_WEIGHT: f64 = 0.2;
pub(crate) const CONDITIONAL_LINK_DENSITY_HIGH_WEIGHT: f64 = 0.5;
/// Conditional cleaning: the weight that separates low from high.
pub(crate) const CONDITIONAL_HIGH_WEIGHT: f64 = 25.0;
/// Ours: a block the link-density rule would remove stays when it is one of at least this
/// many siblings built alike (the same tag and `class`: a list's entries, a grid's cards)
/// whose text as a whole is under the low-weight link density ([`CONDITIONAL_LINK_DENSITY_LOW_WEIGHT`])
/// (`clean::conditional::alike_run_keeps`): a card whose excerpt is short beside its linked
/// title is one of the list, not a menu. Only the first [`ALIKE_RUN_SCAN`] siblings are
/// looked at, so that each block costs a bounded walk.
pub(crate) const ALIKE_RUN_MIN: usize = 4;
pub(crate) const ALIKE_RUN_SCAN: usize = 60;
/// Conditional cleaning: a list whose text is this share of a block makes it a list.
pub(crate) const CONDITIONAL_LIST_SHARE: f64 = 0.9;
/// Ours: conditional cleaning never removes a block holding more than this share of the
/// article's text (the chosen block itself, whatever its class says).
pub(crate) const CONDITIONAL_KEEP_SHARE: f64 = 0.5;

/// Data tables: this many rows, or more columns than this, make a data table.
pub(crate) const DATA_TABLE_MIN_ROWS: usize = 10;
pub(crate) const DATA_TABLE_MAX_LAYOUT_COLUMNS: usize = 4;
pub(crate) const DATA_TABLE_MIN_CELLS: usize = 10;

/// Ours: on a product page, a block of at least this many cards of other products (each a
/// link and a price in under [`OTHER_PRODUCT_CARD_MAX_CHARS`] characters), half its children
/// or more, is a row of other products ("Similar items", "People who viewed this item also
/// viewed"), not the product's text (wcxb product tune 0.6767 -> 0.6846, check 0.5625 ->
/// 0.5686; two cards a row moved a check collection page down, none up).
pub(crate) const OTHER_PRODUCTS_MIN_CARDS: usize = 3;
pub(crate) const OTHER_PRODUCT_CARD_MAX_CHARS: usize = 400;
/// Ours: a row of other products goes with its section: the nearest ancestors (at most this
/// many levels up) that add under [`OTHER_PRODUCTS_SECTION_MAX_EXTRA`] characters to the row,
/// its title and "See all" link ("People who viewed this item also viewed", "Similar items").
pub(crate) const OTHER_PRODUCTS_SECTION_MAX_LEVELS: usize = 4;
pub(crate) const OTHER_PRODUCTS_SECTION_MAX_EXTRA: usize = 80;
/// Ours: a card is looked at as far as this many nodes (a card has a few dozen): each child of
/// each block is asked once, and a child with more is no card.
pub(crate) const OTHER_PRODUCT_CARD_MAX_NODES: usize = 200;
/// Ours: the signs of a price ([`OTHER_PRODUCTS_MIN_CARDS`]), beside a digit.
pub(crate) const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥'];

/// Ours: a text that is nothing but an image's address (`https://cdn…/5001_TEE_BONE_THUMB.jpg`)
/// goes when the page prints at least this many: a shop engine's custom fields shown as a
/// list of text (a swatch picture per colour, 90 of them on one product page). A forum post
/// that pastes an address once or twice keeps it. The same for a text that is nothing but a
/// UUID (`prepare::is_uuid`: a shop's obfuscated "Sponsored" label, decoy ids between its
/// letters; wcxb tune 2991, 3019, 3021, one site).
pub(crate) const IMAGE_ADDRESS_TEXTS_MIN: usize = 5;

/// Base64 placeholders smaller than this (bytes of data URL) are replaced by the real image.
pub(crate) const TINY_PLACEHOLDER_BYTES: usize = 133;

/// Elements nested deeper than this are flattened into the element at this depth: real pages
/// nest a few dozen levels, and hostile ones 100,000, which would make every per-ancestor rule
/// quadratic. Browsers' parsers stop nesting at 512 open elements, and our output is parsed
/// again inside the reader's own document (html, body and the reader's wrappers), so the cap
/// keeps a wide margin below 512: deeper output would come back restructured.
pub(crate) const MAX_TREE_DEPTH: usize = 256;
/// Markup is flattened before parsing only when a scan of its tags finds nesting deeper
/// than this (see `depth.rs`).
pub(crate) const DEEP_MARKUP_TRIGGER: usize = 1024;
/// Attributes kept per tag; the rest are dropped by the tokenizer. The standard drops a
/// repeated attribute name, which takes a look at the ones before: a hostile tag with 150,000
/// attributes made that 10^10 comparisons (6 s). Real elements carry a few dozen at most.
pub(crate) const MAX_ATTRIBUTES_PER_TAG: usize = 256;

// ---------------------------------------------------------------------------------------------
// Readerable check (Readability's `isProbablyReaderable`).

pub(crate) const READERABLE_MIN_CONTENT_LENGTH: usize = 140;
pub(crate) const READERABLE_MIN_SCORE: f64 = 20.0;
/// Ours: in the readerable check's lengths, a character of Chinese or Japanese (written
/// without spaces) counts as this many: about the letters and space of an English word per
/// character (a 60-character Chinese paragraph says what a 200-character English one does).
pub(crate) const READERABLE_CJK_WEIGHT: usize = 3;
/// Ours: pages with this many `<article>` teasers, each mostly links, are listings.
pub(crate) const LISTING_MIN_TEASERS: usize = 4;
/// Ours: …unless the paragraphs outside those teasers score this much on their own: then the
/// teasers are an article's strip of related posts (a blog post of 3,000 words with four
/// `<article>` cards under it was "not readerable", though it reads as an article; on the
/// three corpora 73 pages with an article were called not readerable that way, and no page
/// without one is called readerable for it). A listing's own intro scores less.
pub(crate) const LISTING_MAX_OWN_SCORE: f64 = 50.0;

// ---------------------------------------------------------------------------------------------
// Metadata.

/// Title separators: the site name follows the last one ("Story title | Site").
pub(crate) const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»', '·'];
/// Bylines longer than this are not bylines.
pub(crate) const MAX_BYLINE_CHARS: usize = 100;
/// The excerpt is the first paragraph with at least this many characters (kickers and
/// datelines are shorter), else the first paragraph.
pub(crate) const MIN_EXCERPT_CHARS: usize = 40;

// ---------------------------------------------------------------------------------------------
// Reading time.

/// Words a minute for alphabetic scripts, characters a minute for CJK.
pub(crate) const WORDS_PER_MINUTE: f64 = 230.0;
pub(crate) const CJK_CHARS_PER_MINUTE: f64 = 500.0;

#[cfg(test)]
mod tests {
    use super::DATE_LINE_WORDS;
    use crate::words::unpacked;

    #[test]
    fn iso_dates_hold_a_date_line_word_and_page_ranges_none() {
        let holds = |t: &str| unpacked(DATE_LINE_WORDS).any(|w| t.contains(w));
        for date in ["2021-03-04", "1999-12-31", "2024-00-00"] {
            assert!(holds(date), "{date}");
        }
        for range in ["166-170", "s. 274-277", "2020-2021", "4,699,755"] {
            assert!(!holds(range), "{range}");
        }
    }

    #[test]
    fn every_month_name_holds_a_date_line_word() {
        let names = months!().trim_matches(|c| c == '(' || c == ')');
        for name in names.split('|') {
            assert!(
                unpacked(DATE_LINE_WORDS).any(|w| name.contains(w)),
                "{name}"
            );
        }
    }
}

#[cfg(test)]
mod video_tests {
    use super::{is_video, names_video};

    #[test]
    fn a_video_host_matches_itself_and_its_subdomains() {
        assert!(is_video("tiktok.com", "/embed/v2/1"));
        assert!(is_video("www.loom.com", "/embed/x"));
        assert!(is_video("player.vimeo.com", "/video/1"));
        assert!(!is_video("notloom.com", "/embed/x"));
        assert!(!is_video("loom.com.example.net", "/embed/x"));
    }

    #[test]
    fn some_hosts_are_players_only_on_their_own_name_or_path() {
        assert!(is_video("archive.org", "/embed/x"));
        assert!(is_video("www.archive.org", "/embed/x"));
        assert!(!is_video(
            "web.archive.org",
            "/web/2019/http://example.com/"
        ));
        assert!(is_video("www.facebook.com", "/plugins/video.php?href=x"));
        assert!(!is_video("www.facebook.com", "/plugins/like.php?href=x"));
    }

    #[test]
    fn an_attribute_names_a_video_by_the_host_of_its_address() {
        assert!(names_video("https://www.TikTok.com/embed/v2/1"));
        assert!(names_video("//fast.wistia.net/embed/iframe/x"));
        assert!(names_video(
            "https://www.youtube-nocookie.com/embed/x?rel=0"
        ));
        assert!(!names_video("https://example.com/?v=//"));
        assert!(!names_video("https://example.com/youtube.com"));
        assert!(!names_video("youtube.com/embed/x"));
    }
}

// ---------------------------------------------------------------------------------------------
// MathML lengths (ours). `mpadded`'s `voffset`/`lspace`/`width`/`height`/`depth`, `mspace`'s
// sizes and `mo`'s spacing move and size what the article draws: unbounded, text is drawn
// over the reader's own UI (1,100 px up over the header) or a 100,000 px box is made. Real
// formulas use a fraction of an em to a few em; a length beyond these bounds is dropped (the
// element keeps its natural size).

/// The largest magnitude kept for a MathML length in `em`/`ex`/`rem` (and a unitless factor).
pub(crate) const MATH_MAX_LENGTH_EM: f64 = 5.0;

/// The largest magnitude kept for a MathML length in `px` (`pt` counted as 4/3 px): about
/// [`MATH_MAX_LENGTH_EM`] at a 16 px font. Other absolute units (`in`, `cm`, `vh`, ...) are dropped.
pub(crate) const MATH_MAX_LENGTH_PX: f64 = 80.0;

/// The largest magnitude kept for a MathML length in `%`.
pub(crate) const MATH_MAX_LENGTH_PERCENT: f64 = 300.0;

/// The largest magnitude kept for a MathML `scriptlevel` (each level scales the font by about
/// 0.71; `scriptlevel="-100"` would make text thousands of times larger).
pub(crate) const MATH_MAX_SCRIPTLEVEL: i64 = 4;

// ---------------------------------------------------------------------------------------------
// Removed blocks and site rules (ours, issue 20).

/// The article's elements a reader offers to remove ("Remove this block"): each is named by
/// its signature in [`crate::Article::kept_blocks`].
pub(crate) const KEPT_BLOCK_TAGS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "blockquote",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// The characters of text a removed block's preview shows.
pub(crate) const REMOVED_PREVIEW_CHARS: usize = 80;

/// A block's signature names at most this many levels: the block and its nearest ancestors
/// below `<body>`. Deeper pages are named by their last levels (a rule must not cost a walk to
/// the root of a 100,000-deep tree).
pub(crate) const SIGNATURE_MAX_STEPS: usize = 24;

/// The characters kept of an element's `id` and each class token in a signature (generated
/// names can be hundreds of characters long).
pub(crate) const SIGNATURE_MAX_NAME_CHARS: usize = 64;

/// JSON (a page's JSON-LD, a site rules file) nested deeper than this is not read (`json.rs`):
/// serde_json's limit, which the engine had before; a page's `[[[[…` must end the read, not the
/// stack.
pub(crate) const JSON_MAX_DEPTH: usize = 128;

/// A site rules file longer than this (bytes) is refused: about 1,000 rules of typical length,
/// within `storage.sync`'s quota.
pub(crate) const SITE_RULES_MAX_BYTES: usize = 100 * 1024;

/// A site rules file with more rules than this is refused.
pub(crate) const SITE_RULES_MAX_RULES: usize = 1000;

/// A rule's signature longer than this (bytes) is refused: [`SIGNATURE_MAX_STEPS`] steps of
/// generous length.
pub(crate) const SITE_RULE_MAX_SIGNATURE_BYTES: usize = 4096;

/// The page's own data (JSON-LD `articleBody`, `wordCount`) saying the article is this many
/// times longer than the text extracted makes the article "possibly incomplete" (a paywall, a
/// "read more" that loads the rest, a part the engine missed).
pub(crate) const INCOMPLETE_RATIO: f64 = 1.5;

// ---------------------------------------------------------------------------------------------
// Sentences (issue 22, `sentences.rs`): what does not end a sentence in the languages the
// reader speaks most. Lower-case, without the final dot; inner dots kept ("e.g", "u.s").
// Words that as often end a sentence as not ("etc.", "usw.") are left out: a sentence read as
// two is better than two read as one.

/// Abbreviations after which a dot and a capital letter do not start a new sentence, per
/// language (a BCP 47 primary tag). English's apply to every language.
pub(crate) static ABBREVIATIONS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "e.g", "i.e", "u.s",
            "u.k", "u.n", "a.m", "p.m", "no", "nos", "inc", "ltd", "co", "corp", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov",
            "sen", "rep", "rev", "capt", "col", "lt", "sgt", "fig", "figs", "vol", "approx",
            "dept", "est", "ave", "blvd",
        ],
    ),
    (
        "de",
        &[
            "z", "b", "bzw", "ca", "vgl", "nr", "hr", "hrn", "fr", "d", "h", "u", "a", "s", "o",
            "evtl", "ggf", "inkl", "bspw", "sog", "jh", "mio", "mrd", "str", "abs", "geb",
        ],
    ),
    (
        "fr",
        &[
            "m", "mm", "mme", "mmes", "mlle", "pr", "p", "ex", "cf", "env", "av", "bd", "ste",
            "chap", "éd", "janv", "févr", "avr", "juil", "sept", "déc",
        ],
    ),
    (
        "es",
        &[
            "sr", "sra", "srta", "sres", "dra", "d", "dña", "ud", "uds", "p", "ej", "pág", "núm",
            "av", "aprox", "ee", "uu", "lic", "ing", "gral", "dto", "admón",
        ],
    ),
];

/// German: after a day's number and its ordinal dot, these words say the dot is no full stop
/// ("am 4. Dezember", "vom 1. bis 3. Mai").
pub(crate) static ORDINAL_DATE_WORDS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "bis",
    "und",
];

/// Ours: how many levels above the headline the scoring removed as the title's copy
/// ([`crate::marks::BEFORE_HEADLINE_ATTR`]) the boxes before it are marked as lying above
/// the story (`score::mark_before_headline`).
pub(crate) const HEADLINE_LEVELS: usize = 8;

/// Ours: where the story begins (`clean::kickers`): a line before a story's first paragraph,
/// when its article opens above the headline, goes when it has at most this many characters
/// and closes no sentence (a kicker, a section label, "Hors-série n° 72", a time, a byline's
/// label). At 80 a title copy in a `<p>` that wcxb 4612's reference keeps went too; at 40
/// only labels and dates (wcxb 0149, 0278, 0428, 0458, 4665 up; 4194 a date its reference
/// keeps, −0.001).
pub(crate) const KICKER_MAX_CHARS: usize = 40;

/// Ours: the lines before a story's first paragraph that `clean::kickers` reads, at most: the
/// same pages move at 4 and 16.
pub(crate) const KICKER_MAX_LINES: usize = 8;

/// Elements that are content after a heading though they hold no text: an article whose last
/// thing is a picture under a heading does not end with the heading (`clean::trailing`).
pub(crate) const CLOSING_CONTENT: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed", "math",
];

/// How many headings in a row the article's end may shed (`clean::trailing`): a section's
/// title and its subsection's, left with nothing under them.
pub(crate) const CLOSING_HEADINGS_MAX: usize = 2;

/// The longest heading the article's end sheds (`clean::trailing`): a section's title ("Auch
/// auf gofeminin.de", "Meditation resources"); a longer one is a card's or a pitch's text set
/// as a heading ("Start building with … Teams at over 500,000 organizations use …").
pub(crate) const CLOSING_HEADING_MAX_CHARS: usize = 60;
