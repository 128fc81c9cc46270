//! The extraction engine, specified on small pages written for these tests. Whole pages and
//! their exact output are golden pages (`tests/pages/`, run by `tests/pages.rs`); the seed
//! page here is one of them, used as a template with slots for one change at a time.
#![cfg(not(target_arch = "wasm32"))]

use lectern::{extract, extract_owned, is_probably_readerable, Error, Options};

const SEED: &str = include_str!("pages/seed-wordpress/source.html");

/// The openings of the seed story's four paragraphs.
const STORY: [&str; 4] = [
    "Ceasefire negotiations between Israel and Hamas have reached another impasse",
    "U.S. Special Envoy Steve Witkoff echoed Trump’s criticism",
    "Amid the political deadlock, humanitarian agencies warn",
    "The conflict’s prolonged nature underscores broader geopolitical tensions",
];

/// What the reader must never show of the seed page.
const BOILERPLATE: [&str; 8] = [
    "Recent News",
    "US Democrats have worst poll numbers",
    "Leave a Comment",
    "Your email address will not be published",
    "Scroll to Top",
    "Powered by WordPress",
    "Politics",
    "Post Comment",
];

fn seed_with(slot: &str, html: &str) -> String {
    let marker = format!("<!--{slot}-->");
    assert!(SEED.contains(&marker), "no slot {slot}");
    SEED.replace(&marker, html)
}

fn text_of(html: &str) -> String {
    extract(
        html,
        &Options::with_url("https://news.example.com/2025/07/25/story/"),
    )
    .expect("an article")
    .text_content
}

/// The article text is exactly the story's paragraphs (the source line may come or go).
fn assert_only_story(text: &str) {
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !b.starts_with("Israel has to “get rid”"))
        .collect();
    assert_eq!(
        blocks.len(),
        4,
        "expected the four paragraphs, got:\n{text}"
    );
    for (block, opening) in blocks.iter().zip(STORY) {
        assert!(
            block.starts_with(opening),
            "expected a paragraph starting {opening:?}, got {block:?}"
        );
    }
    for b in BOILERPLATE {
        assert!(!text.contains(b), "boilerplate {b:?} in:\n{text}");
    }
}

#[test]
fn handing_over_the_page_string_gives_the_same_article() {
    let options = Options::with_url("https://news.example.com/2025/07/25/story/");
    let borrowed = extract(SEED, &options).expect("an article");
    let owned = extract_owned(SEED.to_string(), &options).expect("an article");
    assert_eq!(owned, borrowed);
}

#[test]
fn length_counts_the_characters_of_the_text() {
    let a = extract(SEED, &Options::default()).unwrap();
    assert_eq!(a.length, a.text_content.chars().count());
    // The story has curly quotes: counting bytes would give more.
    assert!(a.text_content.len() > a.length);
}

#[test]
fn comments_after_the_story_are_not_the_article() {
    let comments = r#"<section class="comments"><h2>3 Comments</h2><ol class="comment-list">
      <li class="comment"><div class="comment-body"><b>Mark</b> says: <p>This is outrageous, the talks should go on, and everyone knows it.</p></div></li>
      <li class="comment"><div class="comment-body"><b>Ann</b> says: <p>I disagree with the previous commenter, entirely and completely, for many reasons.</p></div></li>
    </ol></section>"#;
    let text = text_of(&seed_with("AFTER-CONTENT", comments));
    assert_only_story(&text);
    assert!(!text.contains("outrageous"));
}

#[test]
fn a_recent_news_list_inside_the_content_is_dropped() {
    let widget = r#"<h3>Recent News</h3><ul>
      <li><a href="/a/">US Democrats have worst poll numbers since Clinton era – WSJ</a></li>
      <li><a href="/b/">WSJ: Democrats’ Approval at 33-Year Low; GOP Leads on Key Issues</a></li>
      <li><a href="/c/">New law to punish Russians who search online for ‘extremist’ content</a></li></ul>"#;
    assert_only_story(&text_of(&seed_with("INSIDE-END", widget)));
}

#[test]
fn read_more_teaser_lines_between_paragraphs_are_dropped() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<p><strong>READ MORE: <a href="/x/">Hamas rejects latest offer</a></strong></p>"#,
    );
    let page = page.replace(
        "<!--BETWEEN-2-->",
        r#"<p><a href="/y/">GAZA AID TRUCKS STUCK AT THE BORDER FOR A WEEK</a></p>"#,
    );
    let page = page.replace(
        "<!--BETWEEN-3-->",
        r#"<p>Read also: <a href="/z/">What the ceasefire would mean</a></p>"#,
    );
    let text = text_of(&page);
    assert_only_story(&text);
    assert!(!text.contains("Hamas rejects latest offer") && !text.contains("GAZA AID"));
}

#[test]
fn share_bars_are_dropped() {
    let share = r#"<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/sharer">Facebook</a></li></ul></div>"#;
    let text = text_of(&seed_with("INSIDE-END", share));
    assert_only_story(&text);
    assert!(!text.contains("Facebook"));
}

#[test]
fn photo_credits_and_captions_are_not_article_text() {
    let figure = r#"<figure class="wp-block-image"><img src="/gaza.jpg" alt="Aid trucks at the Rafah crossing"><figcaption>Aid trucks wait at the crossing. Photo: Reuters</figcaption></figure><p class="credit">Photo credit: Reuters</p>"#;
    let page = seed_with("BETWEEN-2", figure);
    let a = extract(&page, &Options::default()).unwrap();
    assert_only_story(&a.text_content);
    assert!(
        a.content.contains("<img"),
        "the image stays in the HTML: {}",
        a.content
    );
    assert!(
        a.content.contains("Aid trucks wait at the crossing"),
        "the caption stays in the HTML"
    );
}

#[test]
fn author_bio_and_tags_line_are_dropped() {
    let tail = r#"<p class="tags-links">Tags: <a href="/tag/gaza/">Gaza</a>, <a href="/tag/israel/">Israel</a>, <a href="/tag/trump/">Trump</a></p>
      <div class="author-bio"><h4>About the author</h4><p>Jane Roe covers the Middle East for World Wire Daily. Follow her on X.</p></div>"#;
    let text = text_of(&seed_with("AFTER-CONTENT", tail));
    assert_only_story(&text);
    assert!(!text.contains("Jane Roe covers"));
}

#[test]
fn the_next_article_of_an_infinite_scroll_is_not_appended() {
    let next = r#"<article id="post-4212" class="post-4212 post type-post status-publish format-standard hentry category-world">
      <header class="entry-header"><h1 class="entry-title">Oil prices climb as supply fears grow</h1></header>
      <div class="entry-content">
        <p>Oil prices rose sharply on Monday as traders weighed fresh supply disruptions in the Middle East, with benchmark crude gaining more than three percent in early trading, the biggest jump in a month, while analysts warned of further volatility.</p>
        <p>Refiners in Asia, which buy most of the region's crude, said they were looking for alternative cargoes, and shipping rates for tankers climbed to their highest level since the spring, adding to the cost of fuel for consumers everywhere.</p>
        <p>Central banks are watching the rise closely, since energy prices feed quickly into inflation, and several officials said on Monday that they were ready to act if the increase proved lasting rather than a brief spike caused by nervous markets.</p>
      </div></article>"#;
    let text = text_of(&seed_with("AFTER-ARTICLE", next));
    assert_only_story(&text);
    assert!(!text.contains("Oil prices"));
}

#[test]
fn a_page_without_text_has_no_article() {
    let page = "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>";
    assert_eq!(extract(page, &Options::default()), Err(Error::NoArticle));
    assert_eq!(extract("", &Options::default()), Err(Error::NoArticle));
}

#[test]
fn an_invalid_page_address_is_an_error() {
    assert!(matches!(
        extract(SEED, &Options::with_url("not a url")),
        Err(Error::InvalidUrl(_))
    ));
}

#[test]
fn input_over_the_size_limit_is_refused() {
    let opts = Options {
        max_input_bytes: 100,
        ..Options::default()
    };
    assert!(matches!(
        extract(SEED, &opts),
        Err(Error::InputTooLarge { .. })
    ));
}

#[test]
fn text_separates_blocks_with_blank_lines() {
    let page = format!(
        "<html><body><article><h2>Part one</h2><p>{}</p><ul><li>first item</li><li>second item</li></ul></article></body></html>",
        "Words of a paragraph that goes on. ".repeat(20)
    );
    let a = extract(&page, &Options::default()).unwrap();
    assert!(
        a.text_content.contains("Part one\n\nWords of a paragraph"),
        "{}",
        a.text_content
    );
    assert!(
        a.text_content.contains("first item\n\nsecond item"),
        "{}",
        a.text_content
    );
}

#[test]
fn a_body_in_an_unlikely_looking_wrapper_is_found_by_relaxing() {
    let page = format!(
        "<html><body><div class='comment-wrapper sidebar'><p>{}</p><p>{}</p></div></body></html>",
        "The article sits where class names say it should not, and yet it is the article. "
            .repeat(4),
        "A second paragraph, also long enough to count as real text of the story here. ".repeat(4)
    );
    let text = text_of(&page);
    assert!(text.contains("The article sits where"), "{text}");
}

#[test]
fn a_relaxed_attempt_finds_the_same_article_as_the_first_would_on_its_own_page() {
    // The second attempt works on the page parsed again: nothing the first removed is missing.
    let body = format!(
        "<p>{}</p><p>{}</p>",
        "The article sits where class names say it should not, and yet it is the article. "
            .repeat(4),
        "A second paragraph, also long enough to count as real text of the story here. ".repeat(4)
    );
    let relaxed = text_of(&format!(
        "<html><body><div class='comment-wrapper sidebar'>{body}</div></body></html>"
    ));
    let plain = text_of(&format!("<html><body><div>{body}</div></body></html>"));
    assert_eq!(relaxed, plain);
}

/// A story whose lead sits in a masthead that scoring strips as unlikely ("banner"), with the
/// body in a block of class `story_class`.
fn leaves_story(story_class: &str) -> (String, &'static str) {
    let lead = "Leaves swept from the streets of a small town will heat its schools this winter, if a pilot project works.";
    let page = format!(
        "<html><head><title>Heating with leaves - Town News</title><meta name='description' content='{lead}'></head><body>\
         <div class='masthead banner'><h1>Heating with leaves</h1><p>{lead}</p></div>\
         <div class='{story_class}'><p>{}</p><p>{}</p></div></body></html>",
        "The town collects the leaves, dries them in a barn and presses them into pellets. ".repeat(4),
        "Engineers say the pellets burn as well as wood, though they leave more ash behind. ".repeat(4)
    );
    (page, lead)
}

#[test]
fn a_lead_is_recovered_from_a_header_the_first_attempt_strips() {
    let (page, lead) = leaves_story("story");
    let text = text_of(&page);
    assert!(text.starts_with(lead), "{text}");
    assert_eq!(text.matches("Leaves swept").count(), 1);
}

#[test]
fn a_lead_is_recovered_when_the_article_needs_a_relaxed_attempt() {
    let (page, lead) = leaves_story("comment-wrapper sidebar");
    let text = text_of(&page);
    assert!(text.starts_with(lead), "{text}");
    assert!(text.contains("Engineers say"), "{text}");
}

#[test]
fn a_lead_is_recovered_when_cleaning_empties_the_articles_opening() {
    // The empty paragraph goes: the article's text no longer reads as the page's did there.
    let (page, lead) = leaves_story("story");
    let page = page.replace(
        "<div class='story'><p>",
        "<div class='story'><p><i>Updated on 7 January.</i></p><p>&nbsp;</p><p>",
    );
    let text = text_of(&page);
    assert!(text.starts_with(lead), "{text}");
}

#[test]
fn hidden_blocks_are_not_read() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<div style="display: none"><p>Secret text that nobody sees on the page at all, ever.</p></div><p hidden>Also hidden from every reader of the story.</p>"#,
    );
    let text = text_of(&page);
    assert_only_story(&text);
    assert!(!text.contains("Secret"));
}

#[test]
fn what_goes_with_a_removed_block_is_not_explained_again() {
    // The aside goes as a non-article element; the heading inside it (one that goes as a
    // negative heading when it stands alone) goes with it.
    let page = seed_with(
        "BETWEEN-1",
        r#"<aside><p>Elsewhere on the site, a few short notes.</p><h2 class="meta-title">More on this</h2></aside>"#,
    );
    let opts = Options {
        explain: true,
        ..Options::default()
    };
    let a = extract(&page, &opts).unwrap();
    assert!(
        a.removed.iter().any(|r| r.tag == "aside"),
        "{:?}",
        a.removed
    );
    assert!(!a.removed.iter().any(|r| r.tag == "h2"), "{:?}", a.removed);
}

#[test]
fn markdown_is_left_out_when_not_asked_for() {
    let with = extract(SEED, &Options::default()).unwrap();
    let without = extract(
        SEED,
        &Options {
            outputs: lectern::Outputs {
                markdown: false,
                ..Default::default()
            },
            ..Options::default()
        },
    )
    .unwrap();
    assert!(!with.markdown.is_empty());
    assert_eq!(without.markdown, "");
    assert_eq!(without.content, with.content);
    assert_eq!(without.text_content, with.text_content);
}

#[test]
fn explain_names_the_rule_for_each_removal() {
    let opts = Options {
        explain: true,
        ..Options::default()
    };
    let a = extract(SEED, &opts).unwrap();
    let header = a
        .removed
        .iter()
        .find(|r| r.tag == "header")
        .expect("the page header's removal is explained");
    assert_eq!(
        (header.stage, header.rule.name()),
        ("prepare", "page-header-footer")
    );
    assert!(header.index.is_some());
    assert!(a.removed.iter().any(|r| r.preview.contains("Recent News")));
    assert!(extract(SEED, &Options::default())
        .unwrap()
        .removed
        .is_empty());
}

#[test]
fn br_runs_become_paragraphs() {
    let line =
        "A line of text in an old page that uses breaks between its paragraphs instead of tags.";
    let page = format!("<html><body><div id='story'>{line}<br><br>{line}<br><br>{line}<br><br>{line}<br><br>{line}<br><br>{line}</div></body></html>");
    let a = extract(&page, &Options::default()).unwrap();
    assert_eq!(
        a.text_content.split("\n\n").count(),
        6,
        "{}",
        a.text_content
    );
}

#[test]
fn lazy_images_get_their_real_source() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/real.jpg" class="lazyload" alt="A photo"></figure>"#,
    );
    let a = extract(&page, &Options::with_url("https://news.example.com/story/")).unwrap();
    assert!(a.content.contains("/photos/real.jpg"), "{}", a.content);
    assert!(!a.content.contains("R0lGODlh"), "{}", a.content);
}

#[test]
fn code_blocks_survive_link_density_cleaning() {
    let code = r#"<div class="highlight"><pre><code class="language-rust"><a href="/docs/fn">fn</a> <a href="/docs/main">main</a>() { <a href="/docs/println">println!</a>("hi"); }</code></pre></div>"#;
    let a = extract(&seed_with("BETWEEN-2", code), &Options::default()).unwrap();
    assert!(
        a.text_content.contains("fn main() { println!(\"hi\"); }"),
        "{}",
        a.text_content
    );
    assert!(a.markdown.contains("```rust"), "{}", a.markdown);
}

#[test]
fn data_tables_are_kept() {
    let table = "<table><thead><tr><th>Month</th><th>Trucks</th></tr></thead><tbody><tr><td>May</td><td>120</td></tr><tr><td>June</td><td>80</td></tr></tbody></table>";
    let a = extract(&seed_with("BETWEEN-3", table), &Options::default()).unwrap();
    assert!(
        a.content.contains("<table>") || a.content.contains("<table "),
        "{}",
        a.content
    );
    assert!(a.text_content.contains("June 80"), "{}", a.text_content);
}

#[test]
fn embedded_posts_are_kept_as_quotes() {
    let tweet = r#"<blockquote class="twitter-tweet"><p lang="en">Talks are over for now, officials say.</p>&mdash; Reporter (@reporter) <a href="https://twitter.com/reporter/status/1">July 25, 2025</a></blockquote>"#;
    let a = extract(&seed_with("BETWEEN-1", tweet), &Options::default()).unwrap();
    assert!(
        a.text_content.contains("Talks are over for now"),
        "{}",
        a.text_content
    );
    assert!(a.content.contains("lectern-post"), "{}", a.content);
}

#[test]
fn the_heading_that_repeats_the_title_is_not_in_the_body() {
    let a = extract(SEED, &Options::default()).unwrap();
    assert!(
        !a.text_content.contains("Hunt Down Hamas"),
        "{}",
        a.text_content
    );
}

#[test]
fn markdown_keeps_structure() {
    let page = format!(
        "<html><head><title>A guide to lists and things</title></head><body><article><h2>Steps</h2><p>{}</p><ol><li>Open <em>the</em> box</li><li>Read <a href='https://example.com/manual'>the manual</a></li></ol><blockquote><p>Quoted words here.</p></blockquote></article></body></html>",
        "Some words to make this an article of a decent length, for sure. ".repeat(10)
    );
    let md = extract(&page, &Options::default()).unwrap().markdown;
    assert!(md.contains("## Steps"), "{md}");
    assert!(
        md.contains("1. Open *the* box\n2. Read [the manual](https://example.com/manual)"),
        "{md}"
    );
    assert!(md.contains("> Quoted words here."), "{md}");
}

#[test]
fn json_ld_metadata_is_preferred() {
    let page = SEED.replace(
        "</head>",
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"WWD"},{"@type":"NewsArticle","headline":"Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],"datePublished":"2025-07-25T18:04:11Z","publisher":{"@type":"Organization","name":"World Wire"},"image":{"url":"https://cdn.example.com/lead.jpg"},"description":"Talks stall."}]}</script></head>"#,
    );
    let a = extract(&page, &Options::default()).unwrap();
    assert_eq!(a.byline.as_deref(), Some("Jane Roe, John Doe"));
    assert_eq!(a.site_name.as_deref(), Some("World Wire"));
    assert_eq!(a.excerpt.as_deref(), Some("Talks stall."));
    assert_eq!(
        a.lead_image_url.as_deref(),
        Some("https://cdn.example.com/lead.jpg")
    );
}

#[test]
fn title_loses_the_site_name_suffix() {
    let page = SEED.replace(r#"<meta property="og:title" content="Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall">"#, "");
    assert_eq!(
        extract(&page, &Options::default()).unwrap().title,
        "Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall"
    );
}

#[test]
fn right_to_left_pages_say_so() {
    let para =
        "هذا نص عربي طويل بما يكفي ليكون فقرة من مقال حقيقي في صحيفة يومية، ويتحدث عن الأخبار. ";
    let page = format!(
        "<html lang='ar'><body><article><p>{}</p><p>{}</p></article></body></html>",
        para.repeat(4),
        para.repeat(4)
    );
    let a = extract(&page, &Options::default()).unwrap();
    assert_eq!(a.dir.as_deref(), Some("rtl"));
    assert_eq!(a.lang.as_deref(), Some("ar"));
}

#[test]
fn the_seed_story_is_readerable_and_a_listing_is_not() {
    assert!(is_probably_readerable(SEED));
    let teaser = "<article class='teaser'><h2><a href='/x'>A headline of some story here</a></h2><p><a href='/x'>A short summary of the story, linked.</a></p></article>";
    let listing = format!(
        "<html><body><main>{}</main></body></html>",
        teaser.repeat(12)
    );
    assert!(!is_probably_readerable(&listing));
    assert!(!is_probably_readerable(
        "<html><body><p>Too short.</p></body></html>"
    ));
}

#[test]
fn a_page_wrapped_in_an_unlikely_class_that_holds_the_headline_is_still_read() {
    let page = format!(
        "<html><head><title>Airline sets a new date for its alliance entry</title></head><body>\
         <div class='above-footer'><h1>Airline sets a new date for its alliance entry</h1><p>{}</p><p>{}</p></div>\
         <div class='sidebar'><p>{}</p></div></body></html>",
        "The airline said on Tuesday that it would join the alliance in March, later than planned. ".repeat(4),
        "Passengers will be able to earn and redeem miles on partner flights from that date on. ".repeat(4),
        "Advertiser disclosure: offers on this site come from partners who pay us. ".repeat(3)
    );
    let text = text_of(&page);
    assert!(text.contains("join the alliance in March"), "{text}");
    assert!(!text.contains("Advertiser disclosure"), "{text}");
}

#[test]
fn a_noscript_fallback_holding_the_only_copy_of_the_post_is_read() {
    let post = format!(
        "<p>{}</p><p>{}</p>",
        "Threats on the web are becoming more sophisticated every year, and so are our defences. "
            .repeat(3),
        "Enhanced protection is now available to every user of the browser. ".repeat(3)
    );
    let page = format!("<html><body><div class='post-body'><script type='text/template'>{post}</script><noscript>{post}</noscript></div></body></html>");
    assert!(text_of(&page).contains("Enhanced protection is now available"));
}

#[test]
fn a_noscript_copy_of_text_already_on_the_page_is_not_repeated() {
    let post = format!(
        "<p>{}</p>",
        "Rendered text that the page's script already put on the page for everyone. ".repeat(5)
    );
    let page =
        format!("<html><body><article>{post}<noscript>{post}</noscript></article></body></html>");
    let text = text_of(&page);
    assert_eq!(text.matches("Rendered text that").count(), 5, "{text}");
}

#[test]
fn teaser_labels_in_other_languages_are_dropped() {
    let page = seed_with(
        "BETWEEN-1",
        r#"<p><strong>Lesen Sie auch:</strong> <a href="/x">Die Lage in Gaza</a></p><p>LE PUEDE INTERESAR: <a href="/y">Otra noticia</a></p><p>LEE TAMBIÉN: <a href="/z">Más noticias</a></p><p>Bild via Reuters</p>"#,
    );
    assert_only_story(&text_of(&page));
}

#[test]
fn labels_with_capitals_outside_ascii_are_recognised() {
    // Case-insensitive matching must fold Ü and Cyrillic capitals too.
    let page = seed_with(
        "AFTER-CONTENT",
        r#"<h3>Über den Autor</h3><p>РЕКЛАМА</p><h4>Verwandte Beiträge</h4>"#,
    );
    assert_only_story(&text_of(&page));
}

#[test]
fn copyright_credit_lines_under_images_are_not_article_text() {
    let page = seed_with(
        "BETWEEN-2",
        r#"<p><img src="/podium.jpg" alt="Podium"></p><p><small>(© FEI/Christophe Taniere)</small></p><div><p>© Bild: Werk/Christian Houdek</p></div>"#,
    );
    assert_only_story(&text_of(&page));
}

fn story_page(before_first_paragraph: &str) -> String {
    format!(
        "<html><head><title>Heating with leaves - Town News</title></head><body><div class='story'>{before_first_paragraph}\
         <p>{}</p><p>{}</p></div></body></html>",
        "The town collects the leaves, dries them in a barn and presses them into pellets. ".repeat(4),
        "Engineers say the pellets burn as well as wood, though they leave more ash behind. ".repeat(4)
    )
}

#[test]
fn a_breadcrumb_trail_opening_the_article_is_dropped() {
    let trail = r#"<p><span><a href="https://news.example.com/">Start</a></span> &gt; <span><a href="/archive/">Archive</a></span> &gt; <span>Heating with leaves</span></p>"#;
    let text = text_of(&story_page(trail));
    assert!(text.starts_with("The town collects"), "{text}");
}

#[test]
fn a_date_alone_opening_the_article_is_dropped() {
    let date = r#"<p><time datetime="2020-10-07"><span>7. Oktober 2020</span></time></p>"#;
    let text = text_of(&story_page(date));
    assert!(text.starts_with("The town collects"), "{text}");
}

#[test]
fn an_affiliate_disclosure_is_not_article_text() {
    let note = "<p>This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products.</p>";
    let text = text_of(&story_page(note));
    assert!(text.starts_with("The town collects"), "{text}");
}

#[test]
fn licence_notices_and_app_prompts_are_not_article_text() {
    let page = seed_with(
        "AFTER-CONTENT",
        "<p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Fotos dürfen nicht verwendet werden.</p>\
         <p>Download the World Wire app for the latest news.</p>",
    );
    assert_only_story(&text_of(&page));
}

#[test]
fn a_credited_paragraph_under_an_image_becomes_its_caption() {
    let page = seed_with(
        "BETWEEN-2",
        r#"<div><img src="/elder.jpg" alt="Lee Elder"></div><p>Lee Elder at the Masters in 1975. | © Augusta National/Getty Images</p>"#,
    );
    let a = extract(&page, &Options::default()).unwrap();
    assert_only_story(&a.text_content);
    assert!(
        a.content
            .contains("<figcaption>Lee Elder at the Masters in 1975."),
        "{}",
        a.content
    );
}

#[test]
fn text_under_the_image_of_a_figure_without_a_caption_becomes_its_caption() {
    let page = seed_with(
        "BETWEEN-2",
        r#"<figure><div><p><img src="/rain.jpg" alt=""></p><h2>The crowd turns into a mob in the dance piece.</h2></div></figure>"#,
    );
    let a = extract(&page, &Options::default()).unwrap();
    assert_only_story(&a.text_content);
    assert!(
        a.content.contains("<figcaption>The crowd turns into a mob"),
        "{}",
        a.content
    );
}

#[test]
fn a_story_split_into_chunks_is_read_whole() {
    let chunk = |head: &str, body: &str| {
        format!("<div class='paragraph_wrapper'><h2 class='paragraph_subline'><div>{head}</div></h2><div class='paragraph-text'><p>{body}</p></div></div>")
    };
    let page = format!(
        "<html><body><main><div class='article'>{}{}{}</div></main><div class='sidebar'><ul><li><a href='/1'>Other story one</a></li><li><a href='/2'>Other story two</a></li></ul></div></body></html>",
        chunk("Leaves become fuel", &"In the town, the leaves swept from the streets are turned into pellets for heating. ".repeat(6)),
        chunk("A grant has been requested", &"The project has applied for public funding, since the machines are still run by hand. ".repeat(2)),
        chunk("Burning like wood", &"The pellets can be burnt just like wood pellets in ordinary stoves, the engineers say. ".repeat(2)),
    );
    let text = text_of(&page);
    for phrase in [
        "leaves swept from the streets",
        "applied for public funding",
        "burnt just like wood pellets",
    ] {
        assert!(text.contains(phrase), "missing {phrase:?} in {text}");
    }
    assert!(!text.contains("Other story"), "{text}");
}

#[test]
fn nesting_deeper_than_browsers_build_is_flattened_and_still_read() {
    let para = "Text at the bottom of a very deep page, still worth reading for sure. ".repeat(10);
    let page = format!(
        "<html><body>{}<p>{para}</p>{}</body></html>",
        "<div>".repeat(2000),
        "</div>".repeat(2000)
    );
    assert!(text_of(&page).contains("Text at the bottom of a very deep page"));
}

#[test]
fn a_lead_that_the_description_continues_past_opens_the_article() {
    // Automatic excerpts: the description is the lead followed by the body's first words.
    let lead = "Leaves swept from the streets of a small town will heat its schools this winter, if a pilot project works.";
    let body = "The town collects the leaves, dries them in a barn and presses them into pellets. ";
    let page = format!(
        "<html><head><title>Heating with leaves - Town News</title><meta name='description' content='{lead} {body}[…]'></head><body><div class='article'>\
         <div class='article-header'><h1>Heating with leaves</h1><h3>{lead}</h3></div>\
         <div class='article-body'><p>{}</p><p>{}</p></div></div></body></html>",
        body.repeat(4),
        "Engineers say the pellets burn as well as wood, though they leave more ash behind. ".repeat(4)
    );
    let text = text_of(&page);
    assert!(text.starts_with(lead), "{text}");
    assert_eq!(text.matches("Leaves swept").count(), 1);
}

#[test]
fn a_lead_opening_with_a_kicker_the_description_leaves_out_opens_the_article() {
    let lead = "Leaves swept from the streets of a small town will heat its schools this winter, if a pilot project works.";
    let page = format!(
        "<html><head><title>Heating with leaves - Town News</title><meta name='description' content='{lead}'></head><body><div class='article'>\
         <div class='article-header'><h1>Heating with leaves</h1><div class='intro'><p>A first in the region: {lead}</p></div></div>\
         <div class='article-body'><p>{}</p><p>{}</p></div></div></body></html>",
        "The town collects the leaves, dries them in a barn and presses them into pellets. ".repeat(4),
        "Engineers say the pellets burn as well as wood, though they leave more ash behind. ".repeat(4)
    );
    let text = text_of(&page);
    assert!(
        text.starts_with("A first in the region: Leaves swept"),
        "{text}"
    );
    assert_eq!(text.matches("Leaves swept").count(), 1);
}

#[test]
fn the_lead_paragraph_above_the_body_opens_the_article() {
    let lead = "Leaves swept from the streets of a small town will heat its schools this winter, if a pilot project works.";
    let page = format!(
        "<html><head><title>Heating with leaves - Town News</title><meta name='description' content='{lead}'></head><body><div class='article'>\
         <div class='article-header'><h1>Heating with leaves</h1><p class='standfirst'>{lead}</p></div>\
         <div class='article-body'><p>{}</p><p>{}</p></div></div></body></html>",
        "The town collects the leaves, dries them in a barn and presses them into pellets. ".repeat(4),
        "Engineers say the pellets burn as well as wood, though they leave more ash behind. ".repeat(4)
    );
    let text = text_of(&page);
    assert!(text.starts_with(lead), "{text}");
    assert_eq!(text.matches("Leaves swept").count(), 1);
}

/// One list of video hosts serves preparation, cleaning and the sanitiser: an embedded player
/// from any of them survives to become a link (TikTok and Loom were once dropped early).
#[test]
fn a_tiktok_or_loom_player_becomes_a_link_to_the_video() {
    for (src, href) in [
        (
            "https://www.tiktok.com/embed/v2/7301234567890",
            "https://www.tiktok.com/embed/v2/7301234567890",
        ),
        (
            "https://www.loom.com/embed/0a1b2c3d4e",
            "https://www.loom.com/embed/0a1b2c3d4e",
        ),
    ] {
        let player = format!("<iframe src=\"{src}\" title=\"The clip\"></iframe>");
        let article = extract(
            &seed_with("BETWEEN-2", &player),
            &Options::with_url("https://news.example.com/2025/07/25/story/"),
        )
        .expect("an article");
        assert!(
            article.content.contains(&format!(
                "<a class=\"lectern-video\" href=\"{href}\" rel=\"noopener noreferrer\">Video: The clip</a>"
            )),
            "no link to {src} in {}",
            article.content
        );
    }
}

fn page_with_lead_image(image: &str) -> String {
    format!(
        "<html><head><title>Lead image</title><meta property=\"og:image\" content=\"{image}\"></head><body><article><h1>Lead image</h1>{}</article></body></html>",
        "<p>This paragraph is part of the article and long enough to count as real text, with commas, clauses, and words.</p>".repeat(6)
    )
}

fn lead_image_of(image: &str) -> Option<String> {
    let options = Options {
        url: Some("https://example.com/dir/post".into()),
        ..Options::default()
    };
    extract(&page_with_lead_image(image), &options)
        .unwrap()
        .lead_image_url
}

#[test]
fn a_script_lead_image_is_left_out() {
    assert_eq!(lead_image_of("javascript:alert(1)"), None);
    assert_eq!(lead_image_of(" JaVaScRiPt:alert(1)"), None);
}

#[test]
fn a_file_lead_image_is_left_out_on_a_web_page() {
    assert_eq!(lead_image_of("file:///etc/passwd"), None);
}

#[test]
fn a_relative_lead_image_is_resolved_against_the_page() {
    assert_eq!(
        lead_image_of("img/a.png").as_deref(),
        Some("https://example.com/dir/img/a.png")
    );
}
