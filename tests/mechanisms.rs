//! Extraction mechanisms that hold across sites (issue 17), each specified on a small page
//! written for it: page-wide wrappers, split bodies, fallbacks, page types.
#![cfg(not(target_arch = "wasm32"))]

use lectern::{extract, Error, Options};

/// Paragraphs of running text, each distinct, for the article of a test page.
fn story(paragraphs: usize) -> String {
    (1..=paragraphs)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story tells, at some length and with commas, what \
                 happened in the harbour town on the day the ferry did not come, and why the \
                 people waiting on the pier, tired and cold, stayed until dark.</p>"
            )
        })
        .collect()
}

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>")
}

fn text_of(html: &str) -> String {
    extract(html, &Options::with_url("https://news.example.com/story"))
        .expect("an article")
        .text_content
}

const NAV: &str = "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>";

// ------------------------------------------------------------------ page-wide wrappers

#[test]
fn a_page_wide_form_keeps_its_article() {
    let html = page(
        "The ferry",
        &format!(
            "<form method=post action=/story id=Form><input type=hidden name=__VIEWSTATE \
             value=x>{NAV}<div id=dnn_content><h1>The ferry</h1>{}</div>\
             <input type=submit value=Search></form>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Sport"), "{text}");
}

/// An old table-layout news page: a column of section links on either side of the story's
/// cell, whose paragraphs are separated by `<br>` runs.
fn table_layout_page(story_cell: &str, side_cell: &str) -> String {
    let links: String = (1..=20)
        .map(|i| format!("<a href=/section{i}>Section {i}</a><br>"))
        .collect();
    page(
        "The ferry",
        &format!(
            "<table width=760><tr><td colspan=3><img src=/logo.gif alt=Logo></td></tr><tr>\
             <td width=150><font size=1>{links}</font></td><td width=460>{story_cell}</td>\
             <td width=150>{side_cell}</td></tr></table>"
        ),
    )
}

fn story_with_brs(paragraphs: usize) -> String {
    (1..=paragraphs)
        .map(|i| {
            format!(
                "Paragraph {i} of the story tells, at some length and with commas, what \
                 happened in the harbour town on the day the ferry did not come, and why the \
                 people waiting on the pier, tired and cold, stayed until dark."
            )
        })
        .collect::<Vec<_>>()
        .join("<br><br>")
}

#[test]
fn a_layout_tables_link_columns_are_not_the_article() {
    let links: String = (1..=20)
        .map(|i| format!("<a href=/more{i}>More {i}</a><br>"))
        .collect();
    let text = text_of(&table_layout_page(&story_with_brs(8), &links));
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(!text.contains("Section 3"), "{text}");
    assert!(!text.contains("More 3"), "{text}");
}

#[test]
fn a_layout_tables_footer_row_does_not_keep_its_link_columns_in_the_article() {
    // The story's paragraphs each in a row of their own, and the page's last row a copyright
    // line: the whole layout table outscored the story's cell.
    let rows: String = story_with_brs(8)
        .split("<br><br>")
        .map(|p| format!("<tr><td class=body>{p}</td></tr>"))
        .collect();
    let story = format!("<font size=5><b>The ferry</b></font><br>By Jane Roe<table>{rows}</table>");
    let footer = "<tr><td colspan=3><font size=1>Copyright &copy; 2008 The Harbour Herald. \
                  All rights reserved. <a href=/privacy>Privacy Policy</a> | \
                  <a href=/terms>Terms of Use</a></font></td></tr>";
    let layout = table_layout_page(&story, "");
    let end = layout.rfind("</table>").unwrap();
    let html = format!("{}{footer}{}", &layout[..end], &layout[end..]);
    let text = text_of(&html);
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(!text.contains("Section 3"), "{text}");
}

#[test]
fn a_layout_tables_column_of_teasers_is_not_the_article() {
    // Each teaser a linked headline and a line of summary: text outside links, but no
    // running text.
    let teasers: String = (1..=6)
        .map(|i| {
            format!(
                "<p><a href=/earlier{i}><b>Earlier story {i}</b></a><br>Residents of the \
                 harbour prepared for another storm as forecasters warned of high winds.</p>"
            )
        })
        .collect();
    let text = text_of(&table_layout_page(&story_with_brs(4), &teasers));
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Earlier story"), "{text}");
    assert!(!text.contains("Residents of the harbour"), "{text}");
    assert!(!text.contains("Section 3"), "{text}");
}

#[test]
fn a_layout_tables_column_of_short_facts_is_not_the_article() {
    let side = "<b>Weather</b><br>Today: sunny, high 78, low 61.<br>Tomorrow: rain, high 70.\
                <br><b>Markets</b><br>Dow 11,421.99 +0.5%<br>Nasdaq 2,261.27 -0.2%<br>\
                <b>Tides</b><br>High 6:12 AM, low 12:30 PM";
    let text = text_of(&table_layout_page(&story_with_brs(8), side));
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(!text.contains("Nasdaq"), "{text}");
    assert!(!text.contains("Section 3"), "{text}");
}

#[test]
fn a_br_run_between_two_font_blocks_still_ends_a_paragraph() {
    let cell = format!(
        "<font size=1>By Jane Roe, Staff Writer</font><br><br><font size=2>{}</font>",
        story_with_brs(8)
    );
    let text = text_of(&table_layout_page(&cell, ""));
    assert!(text.contains("Staff Writer\n"), "{text}");
    assert!(!text.contains("WriterParagraph"), "{text}");
}

#[test]
fn a_layout_table_whose_story_has_single_line_breaks_loses_its_link_columns() {
    let story = story_with_brs(8).replace("<br><br>", "<br>");
    let links: String = (1..=20)
        .map(|i| format!("<a href=/more{i}>More {i}</a><br>"))
        .collect();
    let text = text_of(&table_layout_page(&story, &links));
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(!text.contains("Section 3"), "{text}");
    assert!(!text.contains("More 3"), "{text}");
}

#[test]
fn a_photo_credit_goes_and_its_photo_stays() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p><img src=/pier.jpg alt=\"The pier\"><br>Getty Images / Jane Roe</p>{}\
             </article>",
            story(3),
            story(3).replace("Paragraph", "Section")
        ),
    );
    let article = extract(&html, &Options::with_url("https://news.example.com/story")).unwrap();
    assert!(article.content.contains("pier.jpg"), "{}", article.content);
    assert!(!article.content.contains("Getty"), "{}", article.content);
}

#[test]
fn a_layout_tables_second_column_of_prose_stays() {
    let side = "<p>A second column of the story goes on, at some length and with commas, \
                about the ferry's captain, who had waited in the next town, tired and cold, \
                for a call that did not come until dark.</p>";
    let text = text_of(&table_layout_page(&story_with_brs(8), side));
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(text.contains("A second column of the story"), "{text}");
}

#[test]
fn a_comment_form_beside_the_article_is_still_removed() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}</article><form id=comment><p>Leave a reply</p><textarea></textarea>\
             </form>",
            story(5)
        ),
    );
    assert!(!text_of(&html).contains("Leave a reply"));
}

#[test]
fn content_streamed_into_a_hidden_block_is_kept() {
    // React's streaming server rendering: the page arrives in <div hidden id="S:0">, and a
    // script moves it into place.
    let html = page(
        "The ferry",
        &format!(
            "<div hidden></div><template id=B:0></template><div hidden id=S:0>{NAV}<main>\
             <h1>The ferry</h1>{}</main></div><script>$RC('B:0','S:0')</script>",
            story(6)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
}

/// Paragraph `i` of a story, as [`story`] writes it.
fn paragraph(i: usize) -> String {
    story(i)
        .rsplit("<p>")
        .next()
        .map(|p| format!("<p>{p}"))
        .unwrap_or_default()
}

#[test]
fn streamed_parts_of_an_article_take_their_placeholders_places() {
    // Next.js sends the parts that were not ready later, each in its own <div hidden
    // id="S:n">; a Suspense boundary's fallback stands where each goes until a script
    // ($RC) swaps them.
    let html = page(
        "The ferry",
        &format!(
            "<main><h1>The ferry</h1>{first}<!--$?--><template id=B:0></template>\
             <div>Loading <!-- -->paragraph<!-- -->...</div><!--/$-->{third}\
             <!--$?--><template id=B:1></template><div>Loading paragraph...</div><!--/$-->\
             </main><div hidden id=S:1>{fourth}{fifth}</div><div hidden id=S:0>{second}</div>\
             <script>$RC('B:1','S:1');$RC('B:0','S:0')</script>",
            first = paragraph(1),
            second = paragraph(2),
            third = paragraph(3),
            fourth = paragraph(4),
            fifth = paragraph(5),
        ),
    );
    let text = text_of(&html);
    let at = |n: usize| text.find(&format!("Paragraph {n} of")).expect("every part");
    assert!(
        at(1) < at(2) && at(2) < at(3) && at(3) < at(4) && at(4) < at(5),
        "{text}"
    );
    assert!(!text.contains("Loading"), "{text}");
}

#[test]
fn a_streamed_segment_fills_its_placeholder() {
    // $RS('S:n','P:n'): a placeholder without a fallback.
    let html = page(
        "The ferry",
        &format!(
            "<main><h1>The ferry</h1>{}<template id=P:2></template>{}</main>\
             <div hidden id=S:2>{}</div>",
            story(2),
            paragraph(9),
            paragraph(5)
        ),
    );
    let text = text_of(&html);
    let (five, nine) = (text.find("Paragraph 5 of"), text.find("Paragraph 9 of"));
    assert!(five.is_some() && five < nine, "{text}");
}

#[test]
fn a_streamed_fallback_whose_end_is_not_marked_goes_when_it_is_a_loading_label() {
    // A copy of the page with its comments stripped: the boundary's end is unknown.
    let html = page(
        "The ferry",
        &format!(
            "<main><h1>The ferry</h1>{}<template id=B:0></template><div>Loading paragraph...\
             </div>{}</main><div hidden id=S:0>{}</div>",
            story(3),
            paragraph(8),
            paragraph(4)
        ),
    );
    let text = text_of(&html);
    assert!(
        text.contains("Paragraph 4 of") && !text.contains("Loading"),
        "{text}"
    );
}

#[test]
fn a_hidden_block_without_a_placeholder_stays_hidden() {
    let html = page(
        "The ferry",
        &format!(
            "<main><h1>The ferry</h1>{}</main><div hidden id=S:7><p>A draft paragraph the \
             page never shows, long enough to be read as a paragraph of the story if shown.</p>\
             </div>",
            story(4)
        ),
    );
    assert!(!text_of(&html).contains("A draft paragraph"));
}

#[test]
fn a_page_shell_hidden_until_its_styles_load_is_kept() {
    let html = page(
        "The ferry",
        &format!(
            "<div id=__next><div style=\"visibility:hidden;min-height:100vh\">{NAV}\
             <article>{}</article></div></div>",
            story(5)
        ),
    );
    assert!(text_of(&html).contains("Paragraph 3 of the story"));
}

#[test]
fn a_hidden_block_beside_the_article_is_still_removed() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}</article><div hidden><p>Subscribe to our newsletter for more \
             stories like this one, every morning in your inbox.</p></div>",
            story(5)
        ),
    );
    assert!(!text_of(&html).contains("Subscribe"));
}

#[test]
fn a_misnested_aside_that_swallowed_the_page_keeps_the_article() {
    // An unclosed element inside the announcement bar: the parser puts the page in it.
    let html = page(
        "The ferry",
        &format!(
            "<aside class=announcement><div><a href=/news>Announcement</a></div><div>\
             <main><article><h1>The ferry</h1>{}</article></main>",
            story(5)
        ),
    );
    assert!(text_of(&html).contains("Paragraph 5 of the story"));
}

#[test]
fn a_page_that_is_mostly_its_footer_links_has_no_article() {
    let links: String = (0..60)
        .map(|i| format!("<a href=/c/{i}>Category number {i}</a>, "))
        .collect();
    let html = page(
        "Shop",
        &format!("<div hidden><footer><p>{links}</p></footer></div>"),
    );
    assert!(matches!(
        extract(&html, &Options::default()),
        Err(Error::NoArticle)
    ));
}

// ------------------------------------------------------------------ sections no score reaches

/// A story whose body wins, and beside it a CMS field of extra sections whose answers sit
/// eight levels down (deeper than any paragraph's score climbs), with `head` in the `<head>`
/// and `paragraphs` paragraphs in the body.
fn story_with_deep_extra_sections(head: &str, paragraphs: usize) -> String {
    let answers: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=item><div class=wrapper><div class=description><div class=field>\
                 <div class=text><div class=rich><div class=inner><p>Answer {i}: the ferry leaves the harbour at seven on \
                 weekdays and at nine on Sundays, weather permitting, and the timetable on \
                 the pier, which the harbour office updates each spring, says which boat \
                 runs.</p></div></div></div></div></div></div></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>The ferry</title>{head}</head><body>{NAV}<div \
         class=node><div class=body>{}</div><div class=field-additional>{answers}</div></div>\
         </body></html>",
        story(paragraphs)
    )
}

#[test]
fn a_storys_deep_sections_beside_its_body_join_it() {
    let head = r#"<meta property="article:published_time" content="2025-03-01T10:00:00Z">"#;
    let text = text_of(&story_with_deep_extra_sections(head, 5));
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(text.contains("Answer 3: the ferry leaves"), "{text}");
}

#[test]
fn deep_sections_beside_a_long_text_join_it_on_a_page_that_is_not_a_story() {
    // Ten paragraphs: more than a prose hub's best block may hold.
    let text = text_of(&story_with_deep_extra_sections("", 10));
    assert!(text.contains("Paragraph 10 of the story"), "{text}");
    assert!(text.contains("Answer 3: the ferry leaves"), "{text}");
}

#[test]
fn deep_sections_beside_a_short_best_block_stay_out_on_a_page_that_is_not_a_story() {
    let text = text_of(&story_with_deep_extra_sections("", 5));
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Answer 3: the ferry leaves"), "{text}");
}

// ------------------------------------------------------------------ a feed after the story

/// A news story (it says so), then a "Latest" feed of teaser cards with long excerpts, in one
/// container.
fn story_then_feed(paragraphs: usize) -> String {
    let cards: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=\"post-item row\"><div class=tagline><a href=/c>Travel</a>\
                 <span class=date>Dec {i}</span></div><h3 class=title><a href=/other-{i}>\
                 Other story number {i}</a></h3><p class=excerpt>Excerpt {i}: a new \
                 terrace opens by the river this winter, with heaters, blankets and a menu \
                 of hot drinks, and the owners say that the view of the bridge at night, \
                 lit from below, is worth the cold walk from the station.</p></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>The ferry</title><meta property=\"og:type\" \
         content=\"article\"></head><body>{NAV}<div class=main><div class=content><div \
         class=\"section story\"><h1>The ferry</h1>{}</div><div class=\"section feed\">\
         <h2>Latest</h2>{cards}</div></div></div></body></html>",
        story(paragraphs)
    )
}

#[test]
fn a_feed_of_teasers_after_a_story_does_not_join_it() {
    let text = text_of(&story_then_feed(6));
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
    assert!(!text.contains("Excerpt 3"), "{text}");
}

#[test]
fn a_buying_guides_linked_product_sections_stay_in_the_story() {
    let review = "It heats a litre in four minutes, holds the temperature for an hour, and its \
                  spout pours slowly enough for a careful cup, though the handle gets warm and \
                  the lid is hard to lift with one hand. ";
    let sections: String = (1..=5)
        .map(|i| {
            format!(
                "<div class=\"product-card\"><h3><a href=/buy/{i}>Kettle number {i}</a></h3>\
                 <p>Review {i}: {}</p></div>",
                review.repeat(3)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>The best kettles</title><meta property=\"og:type\" \
         content=\"article\"></head><body>{NAV}<div class=main><div class=content>\
         <div class=\"section intro\"><h1>The best kettles</h1>{}</div>\
         <div class=\"section picks\">{sections}</div></div></div></body></html>",
        story(20)
    );
    let text = text_of(&html);
    assert!(text.contains("Review 3: It heats"), "{text}");
}

/// A story page whose best block follows a short box of its own (`inner`: the box's HTML).
fn story_after_a_box(inner: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>The ferry</title><meta property=\"og:type\" \
         content=\"article\"></head><body>{NAV}<div class=main><div class=\"story-top\">\
         {inner}</div><div class=\"story-body\"><h1>The ferry</h1>{}</div></div></body></html>",
        story(6)
    )
}

#[test]
fn a_short_box_that_closes_no_sentence_before_a_story_does_not_join_it() {
    let text = text_of(&story_after_a_box(
        "<h4>The ferry that did not come, a day on the pier</h4>\
         <span>Updated 9 March 2026, 10:15</span>",
    ));
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
    assert!(!text.contains("a day on the pier"), "{text}");
}

#[test]
fn a_short_intro_box_that_ends_its_sentence_still_opens_the_story() {
    let text = text_of(&story_after_a_box(
        "<h4>The ferry that did not come</h4><span>If you waited on the pier for a ferry \
         that never came, you are not alone.\u{200d}</span>",
    ));
    assert!(text.contains("you are not alone."), "{text}");
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
}

// ------------------------------------------------------------------ copies

#[test]
fn a_section_repeated_for_another_screen_size_is_shown_once() {
    let section = format!("<section class=costs><h2>Costs</h2>{}</section>", story(3));
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1><div class=desktop>{section}</div>\
             <div class=mobile>{section}</div>{}</article>",
            story(2)
        ),
    );
    let text = text_of(&html);
    assert_eq!(
        text.matches("Paragraph 3 of the story").count(),
        1,
        "{text}"
    );
}

#[test]
fn a_short_slide_copied_for_another_screen_is_shown_once() {
    let promo = "<p>Open every day of the week, from the first ferry to the last.</p><p>Closed in storms.</p>";
    let slide = "<div class=slide-text><div class=headline>Universal Appeal</div>\
                 <p>Raising the attendance of a space museum in a small town.</p></div>";
    let html = page(
        "The studio",
        &format!(
            "<article><h1>The studio</h1>{}<section class=\"slide desktop\">{slide}</section>\
             <section class=\"slide mobile\">{slide}</section>\
             <div class=hours-desktop-content>{promo}</div><div class=hours-mobile-content>{promo}</div>\
             </article>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert_eq!(text.matches("Raising the attendance").count(), 1, "{text}");
    assert_eq!(text.matches("Open every day").count(), 1, "{text}");
}

#[test]
fn cards_styled_for_small_screens_are_not_copies() {
    let card = "<div class=\"columns is-mobile\"><h2 class=is-size-6-mobile>JavaOne</h2>\
                <p>Tech conference in Redwood City, California, United States.</p></div>";
    let html = page(
        "Conferences",
        &format!(
            "<article><h1>Conferences</h1>{}{card}{card}</article>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert_eq!(
        text.matches("Tech conference in Redwood").count(),
        2,
        "{text}"
    );
}

#[test]
fn paragraphs_that_repeat_on_purpose_are_kept() {
    let html = page(
        "The ferry",
        &format!(
            "<article><div>{0}</div><h2>Again</h2><div>{0}</div></article>",
            story(2)
        ),
    );
    assert_eq!(
        text_of(&html).matches("Paragraph 1 of the story").count(),
        2
    );
}

// ------------------------------------------------------------------ threads

fn post(author: &str, text: &str) -> String {
    format!(
        "<article class=\"message post\"><div class=author>{author}</div>\
         <div class=body><p>{text}</p></div></article>"
    )
}

#[test]
fn every_post_of_a_forum_thread_is_kept_in_order() {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let posts: String = [
        ("alice", format!("{long} {long} {long}")),
        ("bob", format!("Same here, bob speaking: {long}")),
        ("carol", format!("Carol replies that {long}")),
        ("dave", format!("Dave thinks that {long}")),
    ]
    .iter()
    .map(|(a, t)| post(a, t))
    .collect();
    let html = page(
        "What's your range?",
        &format!(
            "<h1>What's your range?</h1><form action=/moderate method=post>\
             <input type=checkbox name=all><div class=thread>{posts}</div></form>\
             <ul class=topics>{}</ul>",
            (0..40)
                .map(|i| format!("<li><a href=/t/{i}>Other topic number {i}</a></li>"))
                .collect::<String>()
        ),
    );
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("Same here, bob") < at("Carol replies") && at("Carol replies") < at("Dave thinks"));
}

/// A thread whose software wraps each reply's text in its own edit form (hidden fields only).
fn thread_of_reply_forms(reply: &str) -> String {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let replies: String = ["alice", "bob", "carol"]
        .iter()
        .map(|a| {
            format!(
                "<div class=entry><p class=tagline>{a} · 2 hours ago</p>{}</div>",
                reply.replace("WHO", a)
            )
        })
        .collect();
    page(
        "What's your range?",
        &format!(
            "<h1>What's your range?</h1><div class=thread><p>{long} {long}</p>{replies}</div>"
        ),
    )
}

#[test]
fn short_replies_in_forms_with_nothing_to_fill_in_are_kept() {
    let html = thread_of_reply_forms(
        "<form action=# class=usertext><input type=hidden name=thing value=1>\
         <div class=md><p>Reply by WHO: about ten miles for me on a cold day.</p></div></form>",
    );
    let text = text_of(&html);
    for who in ["alice", "bob", "carol"] {
        assert!(text.contains(&format!("Reply by {who}")), "{text}");
    }
}

#[test]
fn a_form_to_fill_in_with_a_short_paragraph_goes() {
    let html = thread_of_reply_forms(
        "<form action=/subscribe><p>Get our weekly letter about boards, WHO.</p>\
         <input type=email name=email><input type=submit value=Join></form>",
    );
    assert!(!text_of(&html).contains("weekly letter"));
}

#[test]
fn an_article_followed_by_blocks_built_like_it_is_not_a_thread() {
    let html = page(
        "The ferry",
        &format!(
            "<div class=wrap><div class=section>{}</div><div class=section><p>Citations: \
             Harbour Records, volume two, pages one to forty, as kept by the town.</p></div>\
             <div class=section><p>Article written by a reporter of the harbour desk, \
             reviewed by the editor.</p></div></div>",
            story(6)
        ),
    );
    assert!(!text_of(&html).contains("Citations"));
}

#[test]
fn short_replies_after_a_long_first_post_are_kept_when_each_names_its_author() {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let first = format!("<p>{long}</p>").repeat(8);
    let posts: String = std::iter::once(post("alice", &first))
        .chain(["bob", "carol", "dave"].iter().map(|a| {
            post(
                a,
                &format!("Reply by {a}: about ten miles for me, on a cold day with hills and a headwind."),
            )
        }))
        .collect();
    let html = page(
        "What's your range?",
        &format!("<h1>What's your range?</h1><div class=thread>{posts}</div>"),
    );
    let text = text_of(&html);
    for who in ["bob", "carol", "dave"] {
        assert!(text.contains(&format!("Reply by {who}")), "{text}");
    }
}

/// A thread of four posts, each followed by `chrome` (its buttons, its poster's status).
fn thread_with_chrome(chrome: &str) -> String {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let posts: String = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|a| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{a}>{a}</a></div>\
                 <div class=body><p>Post by {a}: {long}</p></div>\
                 <div class=foot><p><span>{chrome}</span></p></div></div>"
            )
        })
        .collect();
    page(
        "What's your range?",
        &format!("<h1>What's your range?</h1><div class=thread>{posts}</div>"),
    )
}

#[test]
fn a_posts_date_alone_on_its_line_stays_in_a_thread() {
    let text = text_of(&thread_with_chrome("Posted March 19, 2024"));
    assert_eq!(text.matches("Posted March 19, 2024").count(), 4, "{text}");
}

#[test]
fn a_posters_status_and_starter_badge_go_in_a_thread() {
    for chrome in ["Offline", "Thread Starter", "OP"] {
        let text = text_of(&thread_with_chrome(chrome));
        assert!(text.contains("Post by dave"), "{text}");
        assert!(!text.contains(chrome), "{chrome}: {text}");
    }
}

#[test]
fn a_posts_reply_with_quote_button_goes() {
    let text = text_of(&thread_with_chrome("Reply with quote"));
    assert!(text.contains("Post by dave"), "{text}");
    assert!(!text.contains("Reply with quote"), "{text}");
}

#[test]
fn a_threads_opening_post_set_above_the_block_of_replies_is_kept() {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let replies: String = [
        "bob", "carol", "dave", "erin", "fred", "gina", "hank", "ivy",
    ]
    .iter()
    .map(|a| {
        format!(
            "<article class=\"js-message reply\"><div class=username><a href=/u/{a}>{a}</a>\
                 </div><div class=text><p>Reply by {a}: {long} {long}</p><p>{long}</p>\
                 <p>{long}, {long}</p></div></article>"
        )
    })
    .collect();
    let topics: String = (0..60)
        .map(|i| format!("<li><a href=/t/{i}>Another topic about boards, number {i}</a></li>"))
        .collect();
    let html = page(
        "What's your range?",
        &format!(
            "<h1>What's your range?</h1><div class=thread-body>\
             <section class=\"card js-message\"><div class=text><p>First post: how far do \
             your boards go on a charge?</p><p>Mine goes twelve miles in the cold, less with \
             hills.</p></div></section><div class=block><div class=block-container>\
             <div class=block-body>{replies}</div></div></div><ul class=topics>{topics}</ul></div>"
        ),
    );
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("First post") < at("Reply by bob"));
}

#[test]
fn a_questions_post_built_like_the_answers_inside_opens_the_thread() {
    // (The question and the answers share no class, only their children's: `post-layout`;
    // the question's text sits too deep for its own block to score.)
    let long = "Press the key twice, then hold it, and the window in front takes the focus, as \
                the manual says; it works in every version I have tried since.";
    let answers: String = ["bob", "carol", "dave", "erin"]
        .iter()
        .map(|a| {
            format!(
                "<div class=\"answer js-answer\"><div class=post-layout><div class=postcell>\
                 <div class=prose><p>Answer by {a}: {long} {long}</p><p>{long}</p></div></div>\
                 <div class=username><a href=/u/{a}>{a}</a></div></div></div>"
            )
        })
        .collect();
    let topics: String = (0..60)
        .map(|i| format!("<li><a href=/q/{i}>Another question about windows, number {i}</a></li>"))
        .collect();
    let html = page(
        "Focus the file pane",
        &format!(
            "<h1>Focus the file pane</h1><div id=mainbar><div class=\"question js-question\">\
             <div class=post-layout><div class=postcell><div class=body><div class=prose><div \
             class=text><p>The question: is there a key that moves the focus to the list of \
             files in the file manager?</p><p>I have tried the tab key, which walks through \
             every control on the way.</p></div></div></div></div></div></div><div \
             id=answers>{answers}</div><ul class=topics>{topics}</ul></div>"
        ),
    );
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("The question") < at("Answer by bob"));
}

#[test]
fn a_posts_author_in_its_member_menu_heads_the_post() {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let posts: String = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|a| {
            format!(
                "<li class=\"postbitlegacy postcontainer\"><div class=userinfo>\
                 <div class=\"popupmenu memberaction\"><a class=\"username\" href=/u/{a}>\
                 <strong itemprop=author>{a}</strong></a></div><span class=usertitle>Newbie\
                 </span></div><div class=postbody><p>Post by {a}: {long}</p></div></li>"
            )
        })
        .collect();
    let html = page(
        "What's your range?",
        &format!("<h1>What's your range?</h1><ol class=posts>{posts}</ol>"),
    );
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("carol") < at("Post by carol"));
}

#[test]
fn a_posts_number_left_by_its_moved_date_goes_in_a_thread() {
    let text = text_of(&thread_with_chrome("#2 ·"));
    assert!(text.contains("Post by dave"), "{text}");
    assert!(!text.contains("#2"), "{text}");
}

/// A post as XenForo 2 builds it: the text eight levels below the post's own element.
fn deep_post(author: &str, text: &str) -> String {
    format!(
        "<article class=\"message message--post\"><div class=message-inner>\
         <div class=message-cell--user><a href=/m/{author}>{author}</a></div>\
         <div class=message-cell--main><div class=message-main><div class=message-content>\
         <div class=message-userContent><article class=message-body><div>\
         <div class=bbWrapper>{text}</div></div></article></div></div></div></div></div>\
         </article>"
    )
}

#[test]
fn every_post_of_a_thread_is_kept_when_its_text_sits_deep_in_the_post() {
    let long = "I run the laptop with a small Linux install and the old programs in virtual \
                machines, and it works well enough, though the graphics driver took a while.";
    let posts: String = [
        ("alice", format!("Alice asks: {long}")),
        ("bob", format!("Bob answers: {long}")),
        ("carol", format!("Carol answers: {long}")),
        (
            "dave",
            format!(
                "<blockquote class=bbCodeBlock><div class=bbCodeBlock-content>\
                 <div class=bbCodeBlock-expandContent>{long}<br>{long}<br>{long}<br>{long}\
                 </div></div></blockquote>Dave, quoting: {long}"
            ),
        ),
    ]
    .iter()
    .map(|(a, t)| deep_post(a, t))
    .collect();
    let html = page(
        "Which Linux for old programs?",
        &format!("<div class=p-body><div class=block-body>{posts}</div></div>"),
    );
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("Alice asks") < at("Bob answers") && at("Bob answers") < at("Carol answers"));
    assert!(at("Carol answers") < at("Dave, quoting"));
}

#[test]
fn a_posts_text_with_its_photos_is_kept_in_a_thread() {
    let long = "I fitted the new lights to the tailgate last weekend, and they switch on and \
                off with the gate as the old ones did, which took some wiring.";
    let posts: String = [
        (
            "alice",
            format!(
                "Alice, with photos: {long}<br>{long}<br><img src=/a.jpg alt=one>\
                           <img src=/b.jpg alt=two><img src=/c.jpg alt=three>"
            ),
        ),
        ("bob", format!("Bob answers: {long} {long}")),
        ("carol", format!("Carol answers: {long} {long}")),
        ("dave", format!("Dave answers: {long} {long} {long} {long}")),
    ]
    .iter()
    .map(|(a, t)| {
        format!(
            "<div class=\"message post\"><div class=author>{a}</div><div class=body>{t}</div></div>"
        )
    })
    .collect();
    let html = page(
        "New tailgate lights",
        &format!("<div class=thread>{posts}</div>"),
    );
    let text = text_of(&html);
    assert!(text.contains("Alice, with photos"), "{text}");
    assert!(text.contains("Dave answers"), "{text}");
}

#[test]
fn a_phpbb_posters_box_is_dropped_in_a_thread() {
    let long = "The league fixtures are out, and the first weekend brings the two old rivals \
                together at the harbour ground, which should be a full house.";
    let posts: String = ["alice", "bob", "carol", "dave"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            format!(
                "<div id=p{i} class=\"post bg2\"><div class=inner><dl class=postprofile>\
                 <dt><a href=/flag/{name}><img src=/f.png alt=flag></a> \
                 <a href=/member/{name}>{name}</a></dt><dd>Ambassador</dd>\
                 <dd><strong>Posts:</strong> 6217</dd><dd><strong>Founded:</strong> \
                 Oct 05, 2011</dd><dd>Civil Rights Lovefest</dd></dl><div class=postbody>\
                 <p class=author><a href=#p{i}><img src=/i.gif alt=Post></a>by <strong>\
                 <a href=/member/{name}>{name}</a></strong> » Tue Aug 27, 2019</p>\
                 <div class=content>Post {i}: {long}</div></div></div></div><hr class=divider>"
            )
        })
        .collect();
    let html = page(
        "Football season",
        &format!("<div id=page-body>{posts}</div>"),
    );
    let text = text_of(&html);
    assert!(text.contains("Post 3: The league"), "{text}");
    assert!(!text.contains("Civil Rights Lovefest"), "{text}");
}

#[test]
fn a_posters_card_as_a_definition_list_names_the_posts_author() {
    let long = "I would look at the older forum packages first, since they still run on a small \
                server and keep the plain layout people here are used to.";
    let posts: String = ["alice", "bob", "carol", "dave", "erin", "frank"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            format!(
                "<div id=p{i} class=\"blockpost row{}\"><h2><span>#{i}</span> \
                 <a href=#p{i}>2024-08-03 14:22</a></h2><div class=box><div class=postleft>\
                 <dl><dt><strong>{name}</strong></dt><dd class=usertitle><strong>Veteran\
                 </strong></dd><dd><span>Registered: 2012-09-03</span></dd></dl></div>\
                 <div class=postright><div class=postmsg><p>Post {i}: {long}</p></div></div>\
                 </div></div>",
                if i % 2 == 0 { "odd" } else { "even" }
            )
        })
        .collect();
    let html = page("Forum software", &format!("<div id=brdmain>{posts}</div>"));
    let text = text_of(&html);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("carol") < at("Post 2: I would") && at("Post 1: I would") < at("carol"));
    assert!(!text.contains("Veteran"), "{text}");
}

// ------------------------------------------------------------------ class words of styling

#[test]
fn a_phrase_bootstrap_hides_at_every_width_is_not_read() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p>Asked by a reader <time class=d-none>2019-01-21T21:40:59Z</time>\
             <span class=\"d-none d-md-inline\">on a wide screen</span> about the ferry's \
             timetable, the harbour office gave no answer at all that week.</p></article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("2019-01-21T21"), "{text}");
    assert!(text.contains("on a wide screen"), "{text}");
}

#[test]
fn a_date_printed_in_a_long_and_a_short_form_reads_once() {
    let html = page(
        "The ferry",
        &format!(
            "<article><p>Posted <time datetime=2024-06-14><span class=ipsTime__long>June 14, \
             2024</span><span class=ipsTime__short>1 yr</span></time> by the harbour office.</p>\
             {}</article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("June 14, 2024 by"), "{text}");
    assert!(!text.contains("1 yr"), "{text}");
}

#[test]
fn copy_set_in_a_custom_element_is_text() {
    let html = page(
        "The ferry service",
        &format!(
            "<article>{}<div class=section><ds-block><h2>Book a crossing</h2>\
             <ds-typography slot=copy>Small party or a coach tour? We book your crossing, \
             often within a day.</ds-typography><ds-typography slot=copy>And we hold the \
             cabins you need on the late boat.</ds-typography><div class=accent></div></ds-block>\
             </div>{}</article>",
            story(3),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("we hold the cabins"), "{text}");
}

/// A story with a row of feature cards in a box whose class says how it scrolls.
fn story_with_cards(class: &str) -> String {
    page(
        "The ferry service",
        &format!(
            "<article>{}<div class=\"{class}\"><div class=card><h3>Daily crossings</h3>\
             <p>Six boats a day in summer.</p></div><div class=card><h3>Bicycles aboard</h3>\
             <p>Room for twelve bikes.</p></div><div class=card><h3>Night ferry</h3>\
             <p>Cabins on the late boat.</p></div></div>{}</article>",
            story(3),
            story(2)
        ),
    )
}

#[test]
fn cards_in_a_box_styled_to_scroll_are_kept() {
    let text = text_of(&story_with_cards("cards horizontal-scroll"));
    assert!(text.contains("Room for twelve bikes."), "{text}");
}

#[test]
fn a_box_given_a_scrollbar_of_its_own_is_still_a_side_panel() {
    let text = text_of(&story_with_cards("cards scrollbar-gray"));
    assert!(!text.contains("Room for twelve bikes."), "{text}");
}

// ------------------------------------------------------------------ listings

#[test]
fn a_front_page_of_story_summaries_keeps_every_story() {
    let stories: String = ["Ferry", "Harbour", "Lighthouse"]
        .iter()
        .map(|name| {
            format!(
                "<article><h2><a href=/{name}>{name} news of the week</a></h2>\
                 <p>The {name} summary: {}</p></article>",
                "a long account of the week in the town, with its weather, its boats, its \
                 people and the news they shared over the fence, told in full sentences. "
                    .repeat(2)
            )
        })
        .collect();
    let html = page("Harbour Town News", &format!("{NAV}<main>{stories}</main>"));
    let text = text_of(&html);
    for name in ["Ferry", "Harbour", "Lighthouse"] {
        assert!(
            text.contains(&format!("The {name} summary")),
            "{name}: {text}"
        );
    }
}

// ------------------------------------------------------------------ class words

#[test]
fn prose_in_a_block_with_a_negative_class_word_is_kept() {
    // A review's product cards: the class says "media", the text is the review.
    let cards: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=\"card media-card\"><h3>Pick {i}</h3>\
                 <p>Pick {i} review: this dishwasher cleaned every plate we tried, baked-on \
                 lasagne included, and it did so quietly, quickly and with little water.</p>\
                 <p>Pick {i} details: the racks fold, the basket slides, the spray arms reach \
                 the corners, and the filter comes out with one twist for a rinse.</p>\
                 <p>Pick {i} verdict: it is the one we would buy ourselves, for its racks, its quiet motor, its \
                 drying that leaves no spots on glasses, its door that closes softly, \
                 its app that stays out of the way, and a price that is fair for what it does.\
                 </p></div>"
            )
        })
        .collect();
    let html = page(
        "The best dishwashers",
        &format!(
            "<article><h1>The best dishwashers</h1>{}{cards}</article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Pick 2 review"), "{text}");
}

/// A page builder's page: every block a `mod_widget` module, one of them named by the id
/// `id`.
fn builder_page(id: &str) -> String {
    let modules: String = (1..=10)
        .map(|i| {
            format!(
                "<div class=mod_widget><p>Paragraph {i} of the story tells, at some length and \
                 with commas, what happened in the harbour town on the day the ferry did not \
                 come.</p></div>"
            )
        })
        .collect();
    page(
        "The ferry service",
        &format!(
            "<article>{modules}<div class=mod_widget id={id}><h3>Bicycles aboard</h3>\
             <p>Room for twelve bikes on every boat.</p></div>{}</article>",
            story(2)
        ),
    )
}

#[test]
fn an_id_naming_one_instance_of_a_common_class_is_not_held_negative() {
    let text = text_of(&builder_page("mod_widget_1753110617606"));
    assert!(text.contains("Room for twelve bikes"), "{text}");
    // An id of its own with the word goes, as before.
    let text = text_of(&builder_page("promo_widget_1753110617606"));
    assert!(!text.contains("Room for twelve bikes"), "{text}");
}

// ------------------------------------------------------------------ lines that are not the story

#[test]
fn social_follow_lines_after_the_story_are_dropped() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p>Join the Facebook group – https://facebook.com/harbourtown</p>\
             <p>Follow me on Instagram: @harbourtown</p><p>Join me on TikTok: @The Ferry \
             Watcher</p></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    for line in ["Facebook group", "Instagram", "TikTok"] {
        assert!(!text.contains(line), "{line}: {text}");
    }
}

/// A story with a list of changes, each a paragraph that is all link (`li > p > a`, as
/// Markdown writes a loose list), and a teaser paragraph that is all link between two
/// paragraphs.
fn story_with_a_loose_list_of_links() -> String {
    let items: String = (1..=6)
        .map(|i| format!("<li>\n<p><a href=https://code.example.org/pull/{i}>Fix the ferry timetable, part {i}</a></p>\n</li>"))
        .collect();
    page(
        "The ferry",
        &format!(
            "<article>{}<p><a href=/news/harbour-festival>Harbour festival draws record crowds</a></p>\
             {}<p>The changes merged this month:</p><ul>{items}</ul>{}</article>",
            story(2),
            story(2),
            story(1)
        ),
    )
}

#[test]
fn a_loose_lists_items_that_are_links_are_kept() {
    let text = text_of(&story_with_a_loose_list_of_links());
    for i in 1..=6 {
        assert!(
            text.contains(&format!("Fix the ferry timetable, part {i}")),
            "{i}: {text}"
        );
    }
}

#[test]
fn a_paragraph_that_is_only_a_link_between_paragraphs_is_still_dropped() {
    let text = text_of(&story_with_a_loose_list_of_links());
    assert!(
        !text.contains("Harbour festival draws record crowds"),
        "{text}"
    );
    assert!(text.contains("Paragraph 2 of the story"), "{text}");
}

/// A story with, between its paragraphs, a paragraph that is all link: `link` is its text.
fn story_with_a_linked_paragraph(link: &str) -> String {
    page(
        "The ferry",
        &format!(
            "<article>{}<p><a href=https://ferries.example.gov/rules>{link}</a></p>{}</article>",
            story(2),
            story(2)
        ),
    )
}

#[test]
fn a_paragraph_whose_link_is_a_whole_sentence_is_kept() {
    // A claim linked to its source, a sentence ending with a full stop: the story's own text.
    let sentence = "Ferries that leave the harbour after dark often need a second crew member \
                    on the bridge.";
    let text = text_of(&story_with_a_linked_paragraph(sentence));
    assert!(text.contains("need a second crew member"), "{text}");
}

#[test]
fn a_long_linked_headline_between_paragraphs_is_still_dropped() {
    // A teaser's headline, however long, ends without a full stop.
    let headline = "Harbour festival draws record crowds as the ferry company adds three late \
                    sailings for the weekend";
    let text = text_of(&story_with_a_linked_paragraph(headline));
    assert!(!text.contains("Harbour festival"), "{text}");
    assert!(text.contains("Paragraph 2 of the story"), "{text}");
}

/// A story titled as a question, with `heading` before its first paragraph and, after two
/// paragraphs, a section headed with the title's own question.
fn story_with_a_section_titled_as_the_page(heading: &str) -> String {
    page(
        "Why did the ferry not come?",
        &format!(
            "<article>{heading}{}<h2>Why did the ferry not come?</h2>{}</article>",
            story(2),
            story(3)
        ),
    )
}

#[test]
fn a_section_heading_that_repeats_the_title_after_the_story_begins_is_kept() {
    let text = text_of(&story_with_a_section_titled_as_the_page(""));
    assert!(text.contains("Why did the ferry not come?"), "{text}");
}

#[test]
fn the_headline_that_repeats_the_title_before_the_story_still_goes() {
    let text = text_of(&story_with_a_section_titled_as_the_page(
        "<h1>Why did the ferry not come?</h1>",
    ));
    // The headline goes; the section's heading of the same words stays, once.
    assert_eq!(
        text.matches("Why did the ferry not come?").count(),
        1,
        "{text}"
    );
}

// ------------------------------------------------------------------ the body as the article

#[test]
fn a_page_whose_text_sits_directly_in_its_body_is_read_whole() {
    // A man page: headings and <pre> blocks straight under <body>, a colophon after.
    let sections: String = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"]
        .iter()
        .map(|h| {
            format!(
                "<h2>{h}</h2><pre>       The {h} section of the manual: grep searches the \
                 named input files for lines containing a match to the given patterns, and \
                 prints each matching line, by default.</pre>"
            )
        })
        .collect();
    let html = page(
        "grep(1)",
        &format!(
            "<h1>grep(1)</h1>{sections}<hr><div class=colophon><p>HTML rendering created \
             by the site's author, who also teaches system programming courses, at length.</p>\
             <p>For details of in-depth system programming training courses that I teach, \
             look here, where they are all listed.</p></div>"
        ),
    );
    let text = text_of(&html);
    for h in ["NAME section", "OPTIONS section"] {
        assert!(text.contains(h), "{h}: {text}");
    }
}

// ------------------------------------------------------------------ collapsed panels

#[test]
fn a_collapsed_panel_the_page_opens_with_its_own_control_is_kept() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2><a role=button aria-controls=step-1>1. Buy a ticket</a></h2>\
             <div id=step-1 style=\"display:none\"><p>Buy the ticket at the kiosk on the pier \
             the evening before, since the morning queue is long and the kiosk opens late.</p>\
             </div><div role=tabpanel hidden><p>Timetables change in winter, when the last \
             ferry leaves an hour earlier and the first one does not run on Sundays.</p></div>\
             </article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Buy the ticket at the kiosk"), "{text}");
    assert!(text.contains("Timetables change in winter"), "{text}");
}

#[test]
fn a_tab_the_page_hides_beside_a_shown_tab_of_its_set_is_kept() {
    // A shop's tabs: the shown pane and the hidden ones alike, switched by their inline style.
    let html = page(
        "The ferry",
        &format!(
            "<article><div class=tab-panes><div class=tab-pane style=\"display:block\">{}\
             </div><div class=tab-pane style=\"display: none\"><p>Winter timetable: the last \
             ferry leaves an hour earlier, and the first one does not run on Sundays.</p></div>\
             </div><div class=note style=\"display:none\"><p>A hidden note of no set.</p></div>\
             </article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Winter timetable"), "{text}");
    assert!(!text.contains("A hidden note"), "{text}");
}

#[test]
fn a_slideshows_hidden_slides_are_kept_beside_the_shown_one() {
    // A gallery of more slides than a tab set has panels; the script that pages it marks the
    // hidden ones with a state class besides their inline style.
    let slides: String = (1..=14)
        .map(|i| {
            let (state, display) = if i == 1 {
                ("", "block")
            } else {
                (" hidden", "none")
            };
            format!(
                "<div class=\"slide{state}\" style=\"display: {display}\"><p>Gadget {i}: a \
                 pillow shaped like a ferry, perfect for those of us who sleep on the crossing.\
                 </p></div>"
            )
        })
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=gallery>{slides}</div><div class=gallery-note \
             style=\"display:none\"><p>A hidden note of no set.</p></div></article>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Gadget 1:"), "{text}");
    assert!(text.contains("Gadget 14:"), "{text}");
    assert!(!text.contains("A hidden note"), "{text}");
}

#[test]
fn a_best_candidate_outside_the_main_region_gives_way_to_one_inside_it() {
    // A landing page's slideshow above `<main>`: its caption boxes, whose class says `text`,
    // outscore the page's own paragraphs.
    let slides: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=slide><div class=\"textbox text-black\"><p>Offer {i}</p><p>Our \
                 label printers, ribbons and labels, sold at fair prices, suit offices, \
                 warehouses and shops of every size, in town or out of it {i}.</p></div></div>"
            )
        })
        .collect();
    let html = page(
        "Printers",
        &format!(
            "<div class=slideshow>{slides}</div><main><div class=wrapper><h1>Printers from the \
             expert</h1><p>We advise you independently of any maker, and we plan every \
             installation objectively, from a single desk printer to a whole warehouse, so \
             that it runs as it should.</p><p>Labels of every kind, in your format, delivered \
             fast and in high quality, for thermal, laser and inkjet printers alike, from our \
             own stock.</p><p>Our service engineers, certified by the makers, repair printers \
             on site or in our workshops, and lend you one while yours is away.</p></div>\
             </main>"
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("We advise you independently"), "{text}");
    assert!(text.contains("Our service engineers"), "{text}");
    assert!(!text.contains("Offer 1"), "{text}");
}

#[test]
fn a_story_outscored_by_a_grid_of_teasers_beside_it_is_the_article() {
    // The excerpts of a hundred teaser cards score the row that holds the story's column
    // more than the story scores its own block.
    let teasers: String = (1..=100)
        .map(|i| {
            format!(
                "<li class=teaser><div class=card><h2><a href=/n/{i}>Another story {i}</a></h2>\
                 <p>An excerpt of another story, with commas, a date, and a few lines of its \
                 opening, so that it reads, at a glance, like a paragraph {i}.</p></div></li>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>The ferry</title><meta property=\"og:type\" \
         content=\"article\"></head><body><div class=\"row content\"><div class=col><h1>The \
         ferry</h1><div class=story-body>{}</div></div><ul class=\"teasers tags\">{teasers}\
         </ul></div></body></html>",
        story(7)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 7 of the story"), "{text}");
    assert!(!text.contains("Another story"), "{text}");
}

#[test]
fn a_collapsed_panel_inside_the_hidden_wrapper_that_animates_it_is_kept() {
    // Chakra UI's accordion: the button controls the panel, and a wrapper around the panel
    // is what the page hides and animates open.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<button aria-controls=panel-1 aria-expanded=false>Tickets</button>\
             <div class=chakra-collapse style=\"overflow:hidden;display:none\"><div role=region \
             id=panel-1><p>Buy the ticket at the kiosk on the pier the evening before, since \
             the morning queue is long and the kiosk opens late.</p></div></div>\
             <div style=\"display:none\"><div><p>A hidden note no control opens.</p></div></div>\
             </article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Buy the ticket at the kiosk"), "{text}");
    assert!(!text.contains("A hidden note"), "{text}");
}

#[test]
fn a_summary_box_before_the_story_joins_it_though_its_deep_paragraph_scored_little() {
    // The summary's paragraph sits three levels below the box beside the story's body, so the
    // box holds a sliver of the paragraph's score, too little to join as a sibling.
    let summary = "<p>Summary: the ferry did not come on Tuesday, and the town, which had \
        waited on the pier since dawn, went home at dusk; the company blamed a storm out at \
        sea, the harbour master blamed the company, and the people who had tickets for the \
        mainland, among them a doctor, two students and a family with a dog, were told that \
        the next boat would leave on Thursday, weather permitting, from the other pier, the \
        one by the fish market, at seven in the morning, with coffee served on board for \
        those who had waited longest.</p>";
    let html = page(
        "The ferry",
        &format!(
            "<div class=wrap><div class=summary><div><div><div>{summary}</div></div></div>\
             </div><div class=body>{}</div></div>",
            story(12)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Summary: the ferry did not come"), "{text}");
    assert!(text.contains("Paragraph 10 of the story"), "{text}");
}

#[test]
fn a_short_section_between_two_that_join_the_story_joins_too() {
    // The middle section (a heading and one paragraph) scores short of the joining
    // threshold; the sections on both sides of it join, so the text goes on through it.
    let later: String = (1..=5)
        .map(|i| {
            format!(
                "<p>Later part {i}: the next morning, once the storm had passed, the harbour \
                 master, the company and the town council met, and agreed, after much talk, \
                 that the ferry would run twice a day.</p>"
            )
        })
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<div class=wrap><div class=body>{}</div><div class=aside><h2>The doctor</h2>\
             <p>In between: the doctor, who had missed her train, spent the night at the inn by the pier and \
             wrote to the newspaper about the ferry, the storm and the company that ran the \
             boats, a letter printed the next week on the front page.</p></div>\
             <div class=more>{later}</div></div>{NAV}",
            story(8)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 8 of the story"), "{text}");
    assert!(text.contains("In between: the doctor"), "{text}");
    assert!(text.contains("Later part 5"), "{text}");
}

#[test]
fn a_page_builders_box_of_prose_before_the_storys_box_opens_the_article() {
    // Each box (an Elementor container) holds a widget of text below a wrapper; the story's
    // widget wins, and the intro's box, built alike, is its parent's parent's sibling.
    let intro: String = (1..=4)
        .map(|i| {
            format!(
                "<p>Intro part {i}: before the ferry stopped running, the town had one boat a \
                 day, which left at seven, called at the island, and came back at dusk.</p>"
            )
        })
        .collect();
    let boxed = |id: &str, widget: &str| {
        format!(
            "<div class=\"e-con e-parent e-{id}\"><div class=e-con-inner>\
             <div class=text-block>{widget}</div>\
             <div class=button><a href=/tickets>Tickets</a></div></div></div>"
        )
    };
    let html = page(
        "The ferry",
        &format!(
            "<div class=builder>{}{}</div>{NAV}",
            boxed("1", &intro),
            boxed("2", &story(10))
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Intro part 1: before the ferry"), "{text}");
    assert!(text.contains("Paragraph 10 of the story"), "{text}");
    assert!(
        text.find("Intro part 3") < text.find("Paragraph 1 of"),
        "{text}"
    );
}

#[test]
fn a_hidden_panel_right_after_a_collapsed_header_control_is_kept() {
    // An accordion whose button names no panel: the header just before the hidden panel holds
    // the collapsed control. A pop-up's trigger (`aria-haspopup`) discloses no panel.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h3><button aria-expanded=false>Tickets</button></h3>\
             <div hidden><p>Buy the ticket at the kiosk on the pier the evening before, since \
             the morning queue is long and the kiosk opens late.</p></div>\
             <span aria-haspopup=dialog aria-expanded=false>Share</span>\
             <div hidden><p>A hidden pop-up of sharing buttons.</p></div></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Buy the ticket at the kiosk"), "{text}");
    assert!(!text.contains("A hidden pop-up"), "{text}");
}

/// A story, then `after` (a FAQ, a feedback widget).
fn story_then(after: &str) -> String {
    page(
        "The ferry",
        &format!("<article>{}{after}</article>", story(5)),
    )
}

#[test]
fn a_faqs_collapsed_answers_after_their_questions_are_kept() {
    // Each answer hidden until its question is clicked, with no `aria-expanded` to say so.
    let items: String = ["When does the ferry leave?", "Can I take my bicycle?"]
        .iter()
        .map(|q| {
            format!(
                "<div class=faq-item><h3 class=faq-q>{q}</h3><div class=faq-a \
                 style=\"display:none\"><p>The answer to this: the ferry company's office on \
                 the pier says so in its notice, updated every morning at eight.</p></div></div>"
            )
        })
        .collect();
    let text = text_of(&story_then(&format!("<div class=faq>{items}</div>")));
    assert_eq!(text.matches("The answer to this").count(), 2, "{text}");
}

#[test]
fn a_lone_questions_hidden_box_still_goes() {
    // A feedback widget: one question, a hidden form that the answer opens.
    let widget = "<div class=feedback><p class=ask>Was this article helpful?</p>\
                  <div class=feedback-form hidden><p>Tell us what we could do better: your \
                  comments help the newsroom improve the stories we write for you.</p></div></div>";
    let text = text_of(&story_then(widget));
    assert!(!text.contains("Tell us what we could do better"), "{text}");
}

#[test]
fn a_page_that_declares_itself_a_forum_thread_keeps_the_replies_its_software_calls_comments() {
    let first = story(4);
    let replies: String = ["bob", "carol", "dave", "erin"]
        .iter()
        .map(|who| {
            format!(
                "<div class=\"post comment\"><p>{who} replies: the ferry did come in the end, \
                 two hours late, and the captain apologised to everyone on the pier.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>The ferry</title><script type=application/ld+json>\
         {{\"@context\":\"https://schema.org\",\"@type\":\"DiscussionForumPosting\",\
         \"headline\":\"The ferry\"}}</script></head><body><h1>The ferry</h1>\
         <div class=thread><div class=post>{first}</div>{replies}</div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("carol replies"), "{text}");
}

/// A link aggregator's page: a story that is a linked title (and `story_paragraphs` of
/// text), then a tree of comments (`ol.comments > li.subtree > div.comment`, replies nested
/// in their parent's item), the longest two a reply's replies.
fn link_and_comment_tree(story_paragraphs: usize) -> String {
    let comment = |who: &str, words: &str, replies: &str| {
        format!(
            "<li class=comments_subtree><div class=comment><div class=details><div \
             class=byline><a href=/u/{who}>{who}</a> 3 hours ago</div><div \
             class=comment_text>{words}</div></div></div><ol class=comments>{replies}</ol></li>"
        )
    };
    let erin = comment(
        "erin",
        "<p>Erin's reply: the timetable was printed wrong, and the harbour office said so on \
         the radio that morning, twice, though nobody on the pier had a radio with them.</p>\
         <p>She adds that the company has since put the right times on its board, and that \
         the winter timetable, which starts next month, has the late boat back.</p>",
        "",
    );
    let gina = comment(
        "gina",
        "<p>Gina answers that the radio said nothing of the kind where she lives, across the \
         water, and that the office closed at noon, as it does every Saturday.</p><p>She \
         thinks a text message to everyone who bought a ticket would have cost the company \
         less than the taxis it paid for that night.</p>",
        "",
    );
    let dave = comment(
        "dave",
        "<p>Dave writes that the ferry did come in the end, two hours late.</p>",
        &(erin + &gina),
    );
    let carol = comment(
        "carol",
        "<p>Carol adds that the bus from the station did not wait for the boat either, so \
         half of the passengers spent the night in the town.</p>",
        "",
    );
    let frank = comment(
        "frank",
        "<p>Frank remembers the old boat, which was slower but never once missed a crossing \
         in the twenty years he took it to work.</p>",
        "",
    );
    page(
        "The ferry that did not come",
        &format!(
            "<div class=story><h1><a href=https://elsewhere.example.org/ferry>The ferry that \
             did not come</a></h1><div class=byline>via alice</div>{}</div>\
             <ol class=comments>{dave}{carol}{frank}</ol>",
            story(story_paragraphs)
        ),
    )
}

const TREE: [&str; 5] = [
    "Dave writes",
    "Erin's reply",
    "Gina answers",
    "Carol adds",
    "Frank remembers",
];

#[test]
fn a_pages_comment_tree_is_its_content_when_its_best_block_is_one_comment() {
    // The story is a link: the best block is in one comment of several, so the page is a
    // discussion and the whole tree its text.
    let text = text_of(&link_and_comment_tree(0));
    for who in TREE {
        assert!(text.contains(who), "{who}: {text}");
    }
}

#[test]
fn an_articles_comment_tree_still_goes() {
    let text = text_of(&link_and_comment_tree(5));
    assert!(text.contains("Paragraph 5"), "{text}");
    for who in TREE {
        assert!(!text.contains(who), "{who}: {text}");
    }
}

/// A service page: its story, then questions and answers in folding panels (`class`), one
/// answer's links in its sentence.
fn questions_in_panels(class: &str) -> String {
    page(
        "The ferry service",
        &format!(
            "<article>{}<div class=\"{class}\"><div class=item><h3>Can I bring my bike?</h3>\
             <div class=answer><p>Yes: see <a href=/bikes>bicycles aboard</a> and the \
             <a href=/fares>fares for bikes</a>, paid at the kiosk.</p></div></div>\
             <div class=item><h3>Is there a night boat?</h3><div class=answer><p>Cabins are \
             on the late boat.</p></div></div></div></article>",
            story(4)
        ),
    )
}

#[test]
fn an_answer_in_folding_panels_keeps_the_links_in_its_sentence() {
    let text = text_of(&questions_in_panels("faq accordion"));
    assert!(text.contains("paid at the kiosk"), "{text}");
    // Elsewhere the same block goes for its links.
    let text = text_of(&questions_in_panels("questions"));
    assert!(!text.contains("paid at the kiosk"), "{text}");
}

// ------------------------------------------------------------------ hub pages

/// A list page: a one-line introduction in the page's content block, then `items` entries
/// beside it, each a link too short to score as a paragraph (a job board, a list of papers).
fn job_board(items: usize, head: &str) -> String {
    let jobs: String = (1..=items)
        .map(|i| format!("<div class=item><a href=/jobs/{i}>Startup {i} is hiring</a></div>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Jobs</title>{head}</head><body>{NAV}<main>\
         <div class=entry-content><p>These are jobs at young companies. See more on the \
         board.</p></div><div class=listing>{jobs}</div></main></body></html>"
    )
}

#[test]
fn a_page_that_is_a_list_of_links_is_shown_as_its_list() {
    let text = text_of(&job_board(30, ""));
    assert!(text.contains("These are jobs at young companies"), "{text}");
    assert!(text.contains("Startup 1 is hiring"), "{text}");
    assert!(text.contains("Startup 30 is hiring"), "{text}");
    assert!(!text.contains("Sport"), "{text}");
}

#[test]
fn a_dated_page_is_never_read_as_a_list_of_links() {
    let head = r#"<meta property="article:published_time" content="2025-03-01T10:00:00Z">"#;
    let text = text_of(&job_board(30, head));
    assert!(text.contains("These are jobs at young companies"), "{text}");
    assert!(!text.contains("Startup 30 is hiring"), "{text}");
}

#[test]
fn a_dated_list_whose_article_is_a_line_without_a_sentence_is_read_as_its_list() {
    // An encyclopedia's dated list: the one block that scores is its tagline.
    let head = r#"<meta property="article:published_time" content="2025-03-01T10:00:00Z">"#;
    let html = job_board(30, head).replace(
        "These are jobs at young companies. See more on the board.",
        "From the free encyclopedia of young companies",
    );
    let text = text_of(&html);
    assert!(text.contains("Startup 1 is hiring"), "{text}");
    assert!(text.contains("Startup 30 is hiring"), "{text}");
}

#[test]
fn a_skip_link_is_not_the_article() {
    // A list page read whole (no `<main>`), its skip link in a plain `<div>` before it, where
    // no rule of navigation would find it.
    let html = job_board(30, "")
        .replace(
            "<main>",
            "<div class=a11y><a href=\"#list\">Skip to search results</a></div><div id=list>",
        )
        .replace("</main>", "</div>");
    let text = text_of(&html);
    assert!(text.contains("Startup 30 is hiring"), "{text}");
    assert!(!text.contains("Skip to search results"), "{text}");
}

#[test]
fn a_hub_page_is_read_from_its_main_region() {
    // A shop's or a front page's chrome outside `<main>`, in plain `<div>`s the preparation
    // does not know for chrome: a skip link, a footer of link lists.
    let html = job_board(30, "")
        .replace(
            "<main>",
            "<a class=skip href=#content>Skip to content</a><main>",
        )
        .replace(
            "</main>",
            "</main><div class=site-links><h3>Trending topics</h3><a href=/t/1>Gardening</a> \
         <a href=/t/2>Sailing</a><p>Copyright 2026 The Board Ltd.</p></div>",
        );
    let text = text_of(&html);
    assert!(text.contains("Startup 1 is hiring"), "{text}");
    assert!(text.contains("Startup 30 is hiring"), "{text}");
    assert!(!text.contains("Skip to content"), "{text}");
    assert!(!text.contains("Trending topics"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
}

/// A job board without `<main>`: its list, then the site's footer in a plain `<div>` named
/// for it, inside the page's wrapper.
fn job_board_with_footer(footer: &str) -> String {
    job_board(30, "")
        .replace("<main>", "<div id=page><div class=content>")
        .replace("</main>", &format!("</div>{footer}</div>"))
}

#[test]
fn a_hub_pages_trailing_footer_goes() {
    let html = job_board_with_footer(
        "<div id=footer><p>About us</p><a href=/terms>Terms</a> <a href=/privacy>Privacy</a>\
         <p>\u{a9} 2026 The Board Ltd. All rights reserved.</p></div>",
    );
    let text = text_of(&html);
    assert!(text.contains("Startup 30 is hiring"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
    assert!(!text.contains("Privacy"), "{text}");
}

#[test]
fn a_hub_lists_last_entry_keeps_its_own_footer() {
    // The spine of the page's end leads into the list's last entry, one of alike siblings.
    let entries: String = (1..=30)
        .map(|i| {
            format!(
                "<div class=entry><a href=/jobs/{i}>Startup {i} is hiring</a>\
                 <div class=entry-footer>Posted on day {i}</div></div>"
            )
        })
        .collect();
    let html = page(
        "Jobs",
        &format!("<div id=page><div class=listing>{entries}</div></div>"),
    );
    let text = text_of(&html);
    assert!(text.contains("Startup 30 is hiring"), "{text}");
    assert!(text.contains("Posted on day 30"), "{text}");
}

#[test]
fn a_footer_holding_most_of_a_hub_stays() {
    // What a script-drawn page leaves in its HTML is its footer: not the chrome of a list.
    let links: String = (1..=30)
        .map(|i| format!("<div><a href=/c/{i}>Category number {i}</a></div>"))
        .collect();
    let html = page(
        "Shop",
        &format!(
            "<div id=page><p>Welcome to the shop.</p><div class=site-footer>{links}</div></div>"
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Category number 30"), "{text}");
}

#[test]
fn a_hub_page_whose_main_region_is_empty_has_no_article() {
    // The list is drawn into `<main>` by a script; what the HTML holds is the site's chrome.
    let links: String = (1..=30)
        .map(|i| format!("<div><a href=/c/{i}>Category number {i}</a></div>"))
        .collect();
    let html = page(
        "Shop",
        &format!("<main id=app></main><div class=site-links>{links}</div>"),
    );
    let result = extract(&html, &Options::with_url("https://shop.example.com/"));
    assert!(
        matches!(result, Err(Error::NoArticle)),
        "{:?}",
        result.map(|a| a.text_content)
    );
}

#[test]
fn an_article_found_around_the_pages_main_region_is_read_from_it() {
    // The winner is a wrapper high in the page: the story in `<main>` and, beside it in plain
    // `<div>`s the preparation does not know for chrome, a promotion and the site's blurb.
    let html = page(
        "The ferry",
        &format!(
            "<div class=wrapper><div class=promo><p>Spring sale: every ticket to the islands \
             is a third off until Sunday, book at the harbour office or online.</p></div>\
             <div><main>{}</main></div><div class=about><p>The Harbour Post is the \
             town's own paper since 1921, written and printed by the people of the pier.</p>\
             </div></div>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Spring sale"), "{text}");
    assert!(!text.contains("since 1921"), "{text}");
}

#[test]
fn an_article_whose_main_region_is_a_small_part_of_it_keeps_the_rest() {
    // `<main>` holds a one-line hero; the text is beside it.
    let html = page(
        "The ferry",
        &format!(
            "<div class=wrapper><main><p>Ferries for every island, every day of the year, \
             from the old pier.</p></main><div class=text>{}</div></div>",
            story(6)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
}

#[test]
fn a_front_page_whose_best_block_is_a_section_of_teasers_is_read_whole() {
    // A dated front page of sections, each a heading over cards that are links (a headline
    // over its excerpt): what was found is one section, nearly all links.
    let section = |s: usize| {
        let cards: String = (1..=5)
            .map(|i| {
                format!(
                    "<div class=card><a href=/s/{s}/{i}><h3>Headline {i} of section {s}</h3>\
                     <p>The excerpt of story {i} in section {s} says, at some length and with \
                     commas, what happened in the harbour town on the day the ferry did not \
                     come.</p></a></div>"
                )
            })
            .collect();
        format!("<section><h2>Section {s}</h2><div class=cards>{cards}</div></section>")
    };
    let sections: String = (1..=4).map(section).collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>The Harbour Post</title><meta \
         property=\"article:published_time\" content=\"2025-03-01T10:00:00Z\"></head><body>\
         {NAV}<main>{sections}</main></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Headline 1 of section 1"), "{text}");
    assert!(text.contains("Headline 5 of section 4"), "{text}");
}

#[test]
fn a_short_story_beside_a_few_teasers_is_not_a_hub() {
    let teasers: String = (1..=3)
        .map(|i| format!("<p><a href=/t/{i}>Another story number {i}</a></p>"))
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<article>{}</article><div class=more>{teasers}</div>",
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 2 of the story"), "{text}");
    assert!(!text.contains("Another story number"), "{text}");
}

// ------------------------------------------------------------------ class names

#[test]
fn a_class_name_every_block_of_the_page_shares_does_not_count_against_a_block() {
    // A page builder names every block `widget`: single-paragraph blocks are the story's.
    let blocks: String = (1..=12)
        .map(|i| {
            format!(
                "<div class=\"pb-widget pb-widget-copy\"><h3>Part {i}</h3><p>Part {i} of the \
                 story, told in one short paragraph about the harbour and the ferry.</p></div>"
            )
        })
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<div class=post-body><h1>The ferry</h1>{}{blocks}</div>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Part 1 of the story"), "{text}");
    assert!(text.contains("Part 12 of the story"), "{text}");
}

#[test]
fn a_block_named_a_widget_of_its_own_still_counts_as_one() {
    // (Session 18 found that the line also goes by `BOILERPLATE_LINE`'s "sign up for our"
    // alone, whatever the class's weight: the test pins that such a line goes.)
    let html = page(
        "The ferry",
        &format!(
            "<div class=post-body>{}<div class=widget><p>Sign up for our weekly letter \
             about ferries, harbours and the sea.</p></div></div>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Sign up for our weekly letter"), "{text}");
}

#[test]
fn an_authors_bio_in_a_box_of_one_paragraph_goes() {
    // The box is unwrapped into its paragraph while scoring; its class goes with it.
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<section class=post-author><a href=/author/jule>\
             <img src=/jule.jpg alt=\"\"></a><div class=post-author-bio><p>Jule Radeck studied \
             sport science, then moved to Hamburg; she writes about harbours and swims.</p>\
             </div></section></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Jule Radeck"), "{text}");
}

#[test]
fn a_paragraph_named_for_a_boilerplate_family_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<p class=author-bio>Jane Doe covers the harbour for \
             the paper. Since joining in 2010, she has written about ferries.</p></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Jane Doe covers"), "{text}");
}

#[test]
fn a_dialog_the_page_shows_on_a_click_is_not_the_article() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<div class=\"modal fade\" id=comment-login \
             tabindex=-1><div class=modal-dialog><div class=modal-body><p>Only members who \
             have signed in can comment on and rate this story, so please sign in first.</p>\
             </div></div></div></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Only members"), "{text}");
}

// ------------------------------------------------------------------ forum posts

/// A page with one thread: its title, a story's paragraphs, then `posts`.
fn thread_page(title: &str, posts: &str) -> String {
    page(
        title,
        &format!(
            "<div class=thread><h1>{title}</h1>{}{posts}</div>",
            story(2)
        ),
    )
}

#[test]
fn a_posts_row_of_action_buttons_is_dropped_and_its_text_kept() {
    let posts: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=message><div class=author>member{i}</div><div class=body><p>Reply \
                 {i}: I tried the same with a rye starter, fed it twice a day, and it recovered \
                 within a week; keep it cool and be patient with it.</p></div>\
                 <div class=actions><a href=#r>Reply</a> <a href=#q>Quote</a> \
                 <a href=#x>Report</a> <span>{i} likes</span></div></div>"
            )
        })
        .collect();
    let html = thread_page("Starters", &posts);
    let text = text_of(&html);
    assert!(text.contains("Reply 3: I tried the same"), "{text}");
    assert!(!text.contains("Quote Report"), "{text}");
}

#[test]
fn a_posts_meta_lines_are_dropped_and_its_text_kept() {
    let posts: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=message><div class=userinfo><div>member{i}</div><div>Posts: \
                 1,23{i}</div><div>Registered: 2019-04-0{i}</div></div><div class=body><p>Reply \
                 {i}: I tried the same with a rye starter, fed it twice a day, and it recovered \
                 within a week; keep it cool and be patient with it.</p><div>Last edited: \
                 1{i} Sep 2024</div></div></div>"
            )
        })
        .collect();
    let html = thread_page("Starters", &posts);
    let text = text_of(&html);
    assert!(text.contains("Reply 3: I tried the same"), "{text}");
    assert!(!text.contains("Posts: 1,233"), "{text}");
    assert!(!text.contains("Registered: 2019"), "{text}");
    assert!(!text.contains("Last edited"), "{text}");
}

#[test]
fn an_answerers_badge_counts_are_dropped_and_the_answer_kept() {
    let answers: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=answer><div class=body><p>Answer {i}: press the key twice, then \
                 hold it, and the window in front takes the focus, as the manual says.</p></div>\
                 <div class=user-card><span>2,36{i}</span><span>6 gold badges</span><span>23 \
                 silver badges</span><span>21 bronze badges</span></div></div>"
            )
        })
        .collect();
    let html = page(
        "Focus the window",
        &format!(
            "<div class=question><h1>Focus the window</h1>{}</div><div class=answers>{answers}\
             </div>",
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Answer 3: press the key twice"), "{text}");
    assert!(!text.contains("bronze badges"), "{text}");
}

/// A thread (it says so in its JSON-LD) whose posts each show their number above the author.
fn numbered_thread() -> String {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let posts: String = ["alice", "bob", "carol", "dave"]
        .iter()
        .enumerate()
        .map(|(i, a)| {
            format!(
                "<article class=\"message post\"><div class=num>#{}</div><div \
                 class=author>{a}</div><div class=body><p>{a} says: {long}</p></div></article>",
                i + 1
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>What's your range?</title><script \
         type=application/ld+json>{{\"@context\":\"https://schema.org\",\"@type\":\
         \"DiscussionForumPosting\",\"headline\":\"What's your range?\"}}</script></head>\
         <body><h1>What's your range?</h1><div class=thread>{posts}</div></body></html>"
    )
}

#[test]
fn a_posts_number_is_dropped_in_a_thread() {
    let text = text_of(&numbered_thread());
    assert!(text.contains("dave says"), "{text}");
    assert!(!text.contains("#4"), "{text}");
}

#[test]
fn a_posts_number_beside_its_date_goes_once_the_date_heads_the_post() {
    // (The date moves to the post's author line; "#3 ·" is then a line of its own.)
    let posts: String = [("alice", 3), ("bob", 4), ("carol", 5)]
        .iter()
        .enumerate()
        .map(|(i, (name, day))| {
            format!(
                "<div class=message><div class=message-user><a class=username \
                 href=/members/{name}>{name}</a></div><div class=message-main><p><a \
                 href=#p{i}>#{}</a> <span>·</span> <a href=#p{i}><time \
                 datetime=2024-03-0{day}>Mar {day}, 2024</time></a></p><div class=body><p>\
                 {name} writes: the ferry left late again today, and the crossing, in a strong \
                 wind, took twice as long as the timetable says it should.</p></div></div></div>",
                i + 1
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    assert!(text.contains("carol · Mar 5, 2024"), "{text}");
    assert!(text.contains("carol writes"), "{text}");
    assert!(!text.contains("#3"), "{text}");
}

/// A thread of three posts, each naming its author, with `extra` (a line of the forum's)
/// after each post's text.
fn thread_with_lines(extra: &str) -> String {
    let posts: String = ["alice", "bob", "carol"]
        .iter()
        .map(|name| {
            format!(
                "<div class=message><div class=message-user><a class=username \
                 href=/members/{name}>{name}</a></div><div class=body><p>{name} writes: the \
                 ferry left late again today, and the crossing, in a strong wind, took twice as \
                 long as the timetable says it should.</p></div><div>{extra}</div></div>"
            )
        })
        .collect();
    thread_page("The late ferry", &posts)
}

#[test]
fn a_posts_vote_count_alone_on_its_line_goes_in_a_thread() {
    let text = text_of(&thread_with_lines("<div class=votes><p>467</p></div>"));
    assert!(text.contains("carol writes"), "{text}");
    assert!(!text.contains("467"), "{text}");
}

#[test]
fn a_posts_back_link_to_the_top_goes_in_a_thread() {
    let text = text_of(&thread_with_lines("<p><a href=#top>Top</a></p>"));
    assert!(text.contains("carol writes"), "{text}");
    assert!(!text.contains("Top"), "{text}");
}

#[test]
fn a_posts_edit_count_line_goes_in_a_thread() {
    let text = text_of(&thread_with_lines(
        "<p>Last edited by carol on Sun Feb 22, 2026 2:08 am, edited 3 times in total.</p>",
    ));
    assert!(text.contains("carol writes"), "{text}");
    assert!(!text.contains("edited 3 times"), "{text}");
}

/// A thread whose posts set their author in a box of their own (name, rank, post count) and
/// their date in a header of links, as forum software does.
fn thread_with_author_boxes() -> String {
    let posts: String = [
        ("alice", "Admin", 3),
        ("bob", "Moderator", 4),
        ("carol", "Regular", 5),
    ]
    .iter()
    .map(|(name, rank, day)| {
        format!(
            "<div class=\"message\"><div class=message-user><a class=username \
                 href=/members/{name}>{name}</a><span class=rank>{rank}</span></div><div \
                 class=message-main><ul class=attribution><li><a href=/p/{day}><time \
                 datetime=2024-03-0{day}>Mar {day}, 2024</time></a></li></ul><div class=body><p>\
                 {name} writes: the ferry left late again today, and the crossing, in a strong \
                 wind, took twice as long as the timetable says it should.</p></div></div></div>"
        )
    })
    .collect();
    thread_page("The late ferry", &posts)
}

#[test]
fn each_post_of_a_thread_opens_with_its_author_and_date() {
    let text = text_of(&thread_with_author_boxes());
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("bob · Mar 4, 2024") < at("bob writes"), "{text}");
    assert!(at("carol · Mar 5, 2024") < at("carol writes"), "{text}");
    // The author's box goes, rank and all: the line says who wrote the post.
    assert!(!text.contains("Moderator"), "{text}");
}

#[test]
fn a_thread_of_three_posts_names_its_repliers_when_the_first_author_is_the_byline() {
    let posts: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <div class=postbody><p>Reply {i}: the ferry left late again today, and the \
                 crossing, in a strong wind, took twice as long as the timetable says it \
                 should.</p></div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("sailor3") < at("Reply 3"), "{text}");
}

#[test]
fn a_posts_date_named_in_microdata_joins_its_author_line() {
    // vBulletin prints each post's date as `span[itemprop=datePublished]`, not a `<time>`.
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=posthead><span itemprop=datePublished>\
                 11-2{i}-2024, 09:03 AM</span></div><div class=author><a href=/u/{i}>sailor{i}\
                 </a></div><div class=postbody><p>Reply {i}: the ferry left late again today, \
                 and the crossing, in a strong wind, took twice as long as the timetable says \
                 it should.</p></div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(
        at("sailor3 · 11-23-2024, 09:03 AM") < at("Reply 3"),
        "{text}"
    );
    // The date is said once, in the line.
    assert_eq!(text.matches("11-23-2024").count(), 1, "{text}");
}

#[test]
fn a_posts_date_classed_as_one_joins_its_author_line_when_it_has_no_time_element() {
    // XenForo 1: `<span class="DateTime" title="…">May 11, 2024</span>` under each post.
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <div class=postbody><p>Reply {i}: the ferry left late again today, and the \
                 crossing, in a strong wind, took twice as long as the timetable says it \
                 should.</p></div><div class=meta><span class=DateTime>May 1{i}, 2024</span>\
                 </div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("sailor3 · May 13, 2024") < at("Reply 3"), "{text}");
    assert_eq!(text.matches("May 13, 2024").count(), 1, "{text}");
}

#[test]
fn a_posts_author_is_named_by_the_link_that_is_not_the_avatar() {
    // NodeBB's post header: the avatar's link (a picture, or a letter, and a status for
    // screen readers) comes before the link with the poster's name.
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}><img src=/a{i}.png \
                 alt=\"\"><span class=avatar>S</span><span class=status>Offline</span></a> \
                 <a href=/u/{i}>sailor{i}</a></div><div class=postbody><p>Reply {i}: the ferry \
                 left late again today, and the crossing, in a strong wind, took twice as long \
                 as the timetable says it should.</p></div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("sailor3") < at("Reply 3"), "{text}");
    assert!(!text.contains("Offline"), "{text}");
}

#[test]
fn a_declared_threads_first_post_keeps_its_author_taken_for_the_byline() {
    let posts: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <div class=postbody><p>Reply {i}: the ferry left late again today, and the \
                 crossing, in a strong wind, took twice as long as the timetable says it \
                 should.</p></div></div>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>The late ferry</title>\
         <script type=application/ld+json>{{\"@context\":\"https://schema.org\",\
         \"@type\":\"DiscussionForumPosting\",\"headline\":\"The late ferry\"}}</script>\
         </head><body><h1>The late ferry</h1><div class=thread>{posts}</div></body></html>"
    );
    let article =
        extract(&html, &Options::with_url("https://forum.example.com/t/1")).expect("an article");
    let text = article.text_content;
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in {text}"));
    assert!(at("sailor1") < at("Reply 1"), "{text}");
    assert_eq!(article.byline.as_deref(), Some("sailor1"));
}

#[test]
fn a_posts_signature_is_dropped_in_a_thread() {
    // (Four posts: the first one's author is taken for the page's byline.)
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <div class=postbody><p>Reply {i}: the ferry left late again today, and the \
                 crossing, in a strong wind, took twice as long as the timetable says it \
                 should.</p><div class=signature><p>Sailing since 1998, boat {i}</p><p>Ask \
                 me about knots</p></div></div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    assert!(text.contains("Reply 3: the ferry"), "{text}");
    assert!(!text.contains("Ask me about knots"), "{text}");
}

#[test]
fn a_block_whose_data_role_names_a_signature_is_dropped_however_short_the_thread() {
    // Two posts (no thread found by its posts, none declared); the reply's signature, named
    // by its `data-role` and by no class, is as long as the reply.
    let post = |i: usize, sig: &str| {
        format!(
            "<article class=\"entry\"><div class=\"entry-body\"><p>Post {i}: the ferry left \
             late again today, and the crossing, in a strong wind, took twice as long as the \
             timetable says it should, so the harbour office promised a new schedule.</p></div>\
             {sig}</article>"
        )
    };
    let sig = "<div data-role=\"memberSignature\" class=\"border-top\"><p>Sailing since 1998 \
               on the old boat, and happy to answer questions.</p><p>Ask me about knots, \
               charts, tides and the best moorings along the whole coast.</p></div>";
    let body = format!("<main>{}{}</main>", post(1, ""), post(2, sig));
    let text = text_of(&page("The late ferry", &body));
    assert!(text.contains("Post 2: the ferry"), "{text}");
    assert!(!text.contains("Ask me about knots"), "{text}");
}

#[test]
fn a_posts_machine_date_stamp_is_no_date_in_its_author_line() {
    // Each post's only `<time>` is a microdata stamp in ISO 8601's date-time form.
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <time class=hide itemprop=commentTime datetime=\"2006-09-0{i}T16:07+00:00\">\
                 2006-09-0{i}T16:07+00:00</time><div class=postbody><p>Reply {i}: the ferry \
                 left late again today, and the crossing, in a strong wind, took twice as long \
                 as the timetable says it should.</p></div></div>"
            )
        })
        .collect();
    let text = text_of(&thread_page("The late ferry", &posts));
    assert!(text.contains("Reply 3: the ferry"), "{text}");
    // (The first post's author is taken for the page's byline, its post left as it is.)
    assert!(text.contains("sailor3\n"), "{text}");
    assert!(!text.contains("2006-09-03"), "{text}");
}

/// Four posts of a thread built alike, each naming its author; `quote(i)` is what post `i`
/// quotes above its own text.
fn quoting_thread(quote: impl Fn(usize) -> String) -> String {
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{i}>sailor{i}</a></div>\
                 <div class=postbody>{}<p>Reply {i}: the ferry left late again today, and \
                 the crossing, in a strong wind, took twice as long as it should.</p></div></div>",
                quote(i)
            )
        })
        .collect();
    thread_page("The late ferry", &posts)
}

#[test]
fn a_replys_quote_of_a_post_above_is_dropped_in_a_thread() {
    let html = quoting_thread(|i| {
        if i > 2 {
            "<blockquote>Reply 1: the ferry left late again today, and the crossing, in a \
             strong wind, took twice as long as it should.</blockquote>"
                .to_string()
        } else {
            String::new()
        }
    });
    let text = text_of(&html);
    assert_eq!(text.matches("Reply 1: the ferry").count(), 1, "{text}");
    assert!(text.contains("Reply 4: the ferry"), "{text}");
}

#[test]
fn a_quote_under_its_posters_name_is_dropped_when_the_thread_shows_the_post() {
    let html = quoting_thread(|i| {
        if i > 1 {
            "<blockquote><div><cite>sailor1 wrote:</cite>Reply 1: the ferry left late again \
             today, and the crossing, in a strong wind, took twice as long as it should.</div>\
             </blockquote>"
                .to_string()
        } else {
            String::new()
        }
    });
    let text = text_of(&html);
    assert_eq!(text.matches("Reply 1: the ferry").count(), 1, "{text}");
    assert!(!text.contains("sailor1 wrote"), "{text}");
}

#[test]
fn a_short_line_repeated_in_a_thread_is_kept() {
    let html = quoting_thread(|_| "<p>Thanks, same here!</p>".to_string());
    let text = text_of(&html);
    assert_eq!(text.matches("Thanks, same here!").count(), 4, "{text}");
}

#[test]
fn repeated_code_in_a_thread_is_kept() {
    let html = quoting_thread(|_| {
        "<pre><code>sudo systemctl restart ferry-timetable.service --no-block --quiet \
         --force</code></pre>"
            .to_string()
    });
    let text = text_of(&html);
    assert_eq!(text.matches("sudo systemctl restart").count(), 4, "{text}");
}

#[test]
fn a_repeated_paragraph_outside_a_thread_is_kept() {
    let repeated = "<p>Tickets are sold at the harbour office, and on board when the office is \
                    closed.</p>";
    let html = page(
        "The ferry",
        &format!(
            "<article><h2>Summer</h2>{}{repeated}<h2>Winter</h2>{}{repeated}</article>",
            story(3),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert_eq!(text.matches("Tickets are sold").count(), 2, "{text}");
}

#[test]
fn cards_that_name_their_author_keep_their_titles() {
    let cards: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=card><div class=head><h3>Timetable change number {i}</h3><span \
                 class=author><a href=/a/{i}>Writer {i}</a></span></div><p>Card {i}: the \
                 winter timetable moves the first crossing of the day, and the last one, by \
                 half an hour.</p></div>"
            )
        })
        .collect();
    let html = page("Timetables", &format!("<div class=cards>{cards}</div>"));
    let text = text_of(&html);
    assert!(text.contains("Timetable change number 3"), "{text}");
    assert!(text.contains("Writer 3"), "{text}");
}

#[test]
fn a_rank_alone_on_its_line_is_kept_outside_a_thread() {
    let html = page(
        "The best ferries",
        &format!(
            "<article><h1>The best ferries</h1>{}<h3>#1</h3><p>The harbour ferry, which \
             crosses twice an hour, is the best of them, for its crew and its coffee.</p></article>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("#1"), "{text}");
}

// ------------------------------------------------------------------ grids

#[test]
fn a_grids_repeated_labels_do_not_outscore_the_categorys_description() {
    let cards: String = (1..=30)
        .map(|i| {
            format!(
                "<div class=card><a href=/p/{i}><img src=/i/{i}.jpg alt=\"\"></a><p>Compare \
                 with other products</p><p>In stock, ready to ship today</p></div>"
            )
        })
        .collect();
    let html = page(
        "Charcoal grills",
        &format!(
            "{NAV}<div class=grid>{cards}</div><div class=category-text><p>A charcoal grill, \
             the oldest of grills, gives food the taste of wood smoke, and it is still the \
             choice of most people who grill, in gardens, on balconies and at the beach.</p>\
             <p>Choose it by its size, by its lid, which keeps the heat in, and by its vents, \
             which let you lower or raise the heat, as the guide below explains.</p>{}</div>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(
        text.contains("A charcoal grill, the oldest of grills"),
        "{text}"
    );
    assert!(!text.contains("ready to ship today"), "{text}");
}

// ------------------------------------------------------------------ product pages

/// A product page: its description, then its customers' reviews under `reviews_heading`.
fn product_page(head: &str, reviews_heading: &str) -> String {
    let reviews: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=review><p><strong>Reviewer {i}</strong> 5 stars</p><p>Review {i}: \
                 I bought this kettle for my mother, and she says, after a month of daily use, \
                 that it boils quickly, pours cleanly and is easy to hold.</p></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Stone kettle</title>{head}</head><body>{NAV}<main>\
         <h1>Stone kettle</h1>{}<section class=reviews><h2>{reviews_heading}</h2>{reviews}\
         </section></main></body></html>",
        story(4)
    )
}

const PRODUCT_LD: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Stone kettle"}</script>"#;

#[test]
fn a_product_page_loses_its_customer_reviews() {
    let text = text_of(&product_page(PRODUCT_LD, "Customer Reviews"));
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Review 1:"), "{text}");
    assert!(!text.contains("Customer Reviews"), "{text}");
}

#[test]
fn a_product_named_by_its_open_graph_type_loses_its_reviews_too() {
    let head = r#"<meta property="og:type" content="product">"#;
    let text = text_of(&product_page(head, "12 Reviews"));
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(!text.contains("Review 3:"), "{text}");
}

#[test]
fn reviews_are_kept_on_a_page_that_does_not_say_it_is_a_product() {
    let text = text_of(&product_page("", "Customer Reviews"));
    assert!(text.contains("Review 1:"), "{text}");
}

#[test]
fn a_bare_reviews_heading_on_a_product_page_keeps_its_section() {
    // On a game's or a book's page "Reviews" heads the critics' quotes: description.
    let text = text_of(&product_page(PRODUCT_LD, "Reviews"));
    assert!(text.contains("Review 1:"), "{text}");
}

#[test]
fn a_review_article_about_a_product_keeps_its_text() {
    // A story (it has a publication date) that names the product it reviews.
    let head = format!(
        r#"{PRODUCT_LD}<meta property="article:published_time" content="2025-03-01T10:00:00Z">"#
    );
    let text = text_of(&product_page(&head, "Customer Reviews"));
    assert!(text.contains("Review 1:"), "{text}");
}

/// A shop's page: the story under `<main>`, then a row of other products' cards, each a
/// linked name and a price.
fn page_with_other_products(head: &str) -> String {
    let cards: String = (1..=5)
        .map(|i| {
            format!(
                "<li class=card><a href=/p/{i}>Clay kettle model {i}</a><span>${i}9.99</span>\
                 <span>+ $4.00 delivery</span></li>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Stone kettle</title>{head}</head><body><main>\
         <h1>Stone kettle</h1>{}<h2>Similar items</h2><ul class=carousel>{cards}</ul></main>\
         </body></html>",
        story(4)
    )
}

#[test]
fn a_product_pages_row_of_other_products_goes() {
    let text = text_of(&page_with_other_products(PRODUCT_LD));
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Clay kettle model 3"), "{text}");
    assert!(!text.contains("$39.99"), "{text}");
}

/// A product page whose description is short and whose customers' reviews, in a block
/// classed `class`, are long.
fn page_with_reviews_box(head: &str, class: &str, reviews: usize) -> String {
    let reviews: String = (1..=reviews)
        .map(|i| {
            format!(
                "<div class=entry><p>Reviewer {i} says: I bought this kettle for my mother, \
                 and she uses it every morning, though the lid sticks, the handle warms up, \
                 and the cord is short, so three stars.</p></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Stone kettle</title>{head}</head><body><main>\
         <h1>Stone kettle</h1><div class=about>{}</div><div class=\"{class}\">{reviews}</div>\
         </main></body></html>",
        story(3)
    )
}

#[test]
fn a_product_pages_reviews_named_by_class_go_before_scoring() {
    // Without the rule the reviews box, longer than the description, is the article.
    let text = text_of(&page_with_reviews_box(PRODUCT_LD, "pdp-seo-reviews", 12));
    assert!(text.contains("Paragraph 3 of the story"), "{text}");
    assert!(!text.contains("Reviewer 3 says"), "{text}");
    let text = text_of(&page_with_reviews_box(PRODUCT_LD, "okeReviews-widget", 12));
    assert!(!text.contains("Reviewer 3 says"), "{text}");
}

#[test]
fn a_block_named_for_reviews_stays_on_a_page_that_sells_nothing() {
    let text = text_of(&page_with_reviews_box("", "pdp-seo-reviews", 12));
    assert!(text.contains("Reviewer 3 says"), "{text}");
}

#[test]
fn a_short_block_named_for_reviews_stays_on_a_product_page() {
    // A game's press quotes: a few lines, kept by references.
    let text = text_of(&page_with_reviews_box(PRODUCT_LD, "game_area_reviews", 2));
    assert!(text.contains("Reviewer 2 says"), "{text}");
    // `previews` names no reviews.
    let text = text_of(&page_with_reviews_box(PRODUCT_LD, "image-previews", 12));
    assert!(text.contains("Reviewer 3 says"), "{text}");
}

#[test]
fn a_product_pages_row_of_other_products_goes_with_its_title_and_see_all_link() {
    let cards: String = (1..=5)
        .map(|i| {
            format!(
                "<li><a href=/p/{i}>Kettle {i}</a><span>${i}9.99</span><span>+ $4.00 delivery, \
                 in two weeks from the potter's shed by the harbour, wrapped in paper and \
                 straw</span></li>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Stone kettle</title>{PRODUCT_LD}</head><body><main>\
         <h1>Stone kettle</h1>{}<div><div><h2>People who viewed this item also viewed</h2>\
         <p>Sponsored</p><a href=/all>See all</a></div><ul>{cards}</ul></div></main></body>\
         </html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Kettle 3"), "{text}");
    // Without the rule the row went alone and its title stayed.
    assert!(!text.contains("also viewed"), "{text}");
}

#[test]
fn a_row_of_priced_cards_stays_on_a_page_that_sells_nothing() {
    // A shop's category page or a buying guide: the cards are what it lists.
    let text = text_of(&page_with_other_products(""));
    assert!(text.contains("Clay kettle model 3"), "{text}");
}

/// A shop's product page: under one `<main>`, the price box, the product's tabs (its
/// description, a block named by `description_block` holding `paragraphs` of the story, and
/// its specifications), the shop's pitch in paragraphs of its own, and questions answered.
fn shop_page(head: &str, description_block: &str, paragraphs: usize) -> String {
    let pitch: String = (1..=6)
        .map(|i| {
            format!(
                "<p>Pitch {i}: our experts test every kettle we sell, answer your calls seven                  days a week, and ship your order from our own warehouse, tracked.</p>"
            )
        })
        .collect();
    let answers: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=qa><p>Question {i}: does it fit a small kitchen?</p><p>Answer                  {i}: yes, it stands on a saucer's width, and the cord winds into its base.</p></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Stone kettle</title>{head}</head><body>{NAV}\
         <main id=main-content><h1>Stone kettle</h1><div class=price-box><p>$49.00</p>\
         <p>In stock</p></div><div class=tabs><div {description_block}><h2>About this \
         kettle</h2>{}</div><div class=tab-specs><table><tr><th>Capacity</th><td>1.7 l</td>\
         </tr></table></div></div><section class=why-us><h2>Why buy from us</h2>{pitch}</section>\
         <section class=questions><h2>Questions</h2>{answers}</section></main></body></html>",
        story(paragraphs)
    )
}

#[test]
fn a_product_pages_text_is_its_description() {
    let text = text_of(&shop_page(PRODUCT_LD, "class=product-description", 4));
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Pitch 1:"), "{text}");
    assert!(!text.contains("Answer 2:"), "{text}");
}

#[test]
fn a_dated_product_page_whose_description_has_the_id_desc_is_read_as_its_description() {
    // A shop that dates its product pages still sells: the page is a product and a story.
    let head = format!(
        r#"{PRODUCT_LD}<meta property="article:published_time" content="2025-03-01T10:00:00Z">"#
    );
    let text = text_of(&shop_page(&head, "id=desc", 4));
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(!text.contains("Pitch 3:"), "{text}");
}

#[test]
fn a_product_description_of_a_few_lines_is_not_the_whole_article() {
    // A blurb (here one paragraph) is too short to be the product's text.
    let text = text_of(&shop_page(PRODUCT_LD, "class=product-description", 1));
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(text.contains("Pitch 1:"), "{text}");
}

#[test]
fn a_block_named_description_is_not_the_article_on_a_page_that_sells_nothing() {
    let text = text_of(&shop_page("", "class=product-description", 4));
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(text.contains("Pitch 1:"), "{text}");
}

#[test]
fn a_product_pages_text_printed_twice_for_two_screens_is_shown_once() {
    // The shop prints the feature block once for phones and once for desktops; a style
    // sheet hides one of the two.
    let feature = "<p>The camera records in slow motion at a hundred and twenty frames a \
                   second, so every wing beat at the feeder is there to see.</p>";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Bird feeder</title>{PRODUCT_LD}</head><body>\
         <main><h1>Bird feeder</h1>{}<div class=features-mobile>{feature}</div>\
         <div class=features-desktop><div class=col>{feature}</div></div></main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert_eq!(text.matches("every wing beat").count(), 1, "{text}");
}

#[test]
fn a_product_pages_short_line_printed_again_is_shown_once() {
    // The shop's sticky bar prints the product's name and a delivery promise again under
    // the description; neither line is 60 characters long.
    let bar = "<div class=bar><div>Stoneware mug, speckled</div>\
               <div>Ships the same day if ordered by 3pm</div><div>Add</div></div>";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Mug</title>{PRODUCT_LD}</head><body>\
         <main><h1>Mug</h1>{bar}{}{bar}</main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert_eq!(text.matches("Ships the same day").count(), 1, "{text}");
    assert_eq!(text.matches("Stoneware mug, speckled").count(), 1, "{text}");
}

#[test]
fn a_short_line_repeated_on_a_page_that_sells_nothing_stays() {
    // A story's refrain, under 60 characters: only a shop's short lines are copies.
    let refrain = "<p>And the river kept on rising.</p>";
    let html = page(
        "The flood",
        &format!(
            "<article><h1>The flood</h1>{refrain}{}{refrain}</article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert_eq!(text.matches("kept on rising").count(), 2, "{text}");
}

#[test]
fn a_one_word_label_repeated_on_a_product_page_stays() {
    // A spec card's label under ten characters ("Weight") is each card's own.
    let html = format!(
        "<!DOCTYPE html><html><head><title>Kettle</title>{PRODUCT_LD}</head><body>\
         <main><h1>Kettle</h1>{}<div><p>Weight</p><p>1.2 kg empty</p></div>\
         <div><p>Weight</p><p>2.9 kg full</p></div></main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert_eq!(text.matches("Weight").count(), 2, "{text}");
}

#[test]
fn a_list_of_image_addresses_printed_as_text_is_not_the_article() {
    // A shop engine's custom fields shown as a list: a colour's name, then its swatch
    // picture's address as text.
    let fields: String = (1..=8)
        .map(|i| {
            format!(
                "<dt>Colour {i}</dt><dd>https://cdn.example.com/images/160x160/tee_colour_{i}_thumb.jpg</dd>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Tee</title>{PRODUCT_LD}</head><body>\
         <main><h1>Tee</h1>{}<dl>{fields}</dl></main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("thumb.jpg"), "{text}");
}

#[test]
fn an_image_address_pasted_once_stays() {
    // A reply that is the address of a picture (no link): a post, not a shop's data.
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<p>https://pics.example.com/ferry.jpg</p></article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(
        text.contains("https://pics.example.com/ferry.jpg"),
        "{text}"
    );
}

#[test]
fn a_tooltip_is_not_the_article_text() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<p>Arrives by <span class=hint>Friday<div \
             role=tooltip class=popover><p>Your order should arrive by this date if you buy \
             today, counting the seller's processing time and the carrier's.</p></div></span>\
             </p></article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("processing time"), "{text}");
}

#[test]
fn an_option_picker_is_not_the_article_text() {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Kettle</title>{PRODUCT_LD}</head><body><main>\
         <h1>Kettle</h1>{}<div role=radiogroup aria-label=\"Protection plan\"><label>\
         <input type=radio name=plan>Three-year protection plan by our insurance partner, \
         $24.00, covering accidental damage</label></div></main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("protection plan"), "{text}");
}

#[test]
fn a_status_message_is_not_the_article_text() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1><div role=status>Loaded 154 results for your search \
             of the harbour timetables, sorted by the date of departure.</div>{}</article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Loaded 154 results"), "{text}");
}

#[test]
fn generated_ids_printed_as_text_are_not_the_article() {
    // A shop's "Sponsored" label, each letter beside a decoy id its style sheet hides.
    let label: String = "Sponsored"
        .chars()
        .enumerate()
        .map(|(i, c)| {
            format!("<span class=a>{c}</span><span class=b>3f2a1b0{i}-bf1f-466a-b856-6f031758a086</span>")
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Tee</title>{PRODUCT_LD}</head><body>\
         <main><h1>Tee</h1>{}<h2>Similar items</h2><div class=label>{label}</div></main></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("bf1f-466a"), "{text}");
}

#[test]
fn a_generated_id_printed_once_stays() {
    // A post quoting a volume's id: the text a reader came for.
    let html = page(
        "The disk",
        &format!(
            "<article><h1>The disk</h1>{}<p><span>1b4e28ba-2fa1-11d2-883f-0016d3cca427</span></p></article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(
        text.contains("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
        "{text}"
    );
}

/// A service's landing page: an introduction of two paragraphs, then sections of short prose
/// cards (what it offers, questions and answers), each card too short to be an article; with
/// `linked`, every card is a link to another page instead.
fn landing_page(linked: bool) -> String {
    let card = |i: usize, what: &str| {
        let text = format!(
            "<h3>{what} {i}</h3><p>Our {what} {i} team looks after the work from the first \
             call to the last invoice, and tells you plainly what it costs.</p>"
        );
        if linked {
            format!("<div class=card><a href=/{what}/{i}>{text}</a></div>")
        } else {
            format!("<div class=card>{text}</div>")
        }
    };
    let services: String = (1..=6).map(|i| card(i, "service")).collect();
    let answers: String = (1..=6).map(|i| card(i, "answer")).collect();
    let intro = "<p>We are a small firm of advisers who help companies hire, pay and keep their \
                 people, from the first contract to the last day, in plain words and at a fair \
                 price, whatever the size of the company and wherever it works.</p>";
    page(
        "Advice for employers",
        &format!(
            "{NAV}<section class=overview><div class=col-aside><p>Call us</p></div>\
             <div class=col-main>{intro}{intro}{intro}</div></section>\
             <section class=module><h2>What we offer</h2><div class=cards>{services}</div>\
             </section><section class=module><h2>Questions</h2>{answers}</section>"
        ),
    )
}

#[test]
fn a_landing_page_of_prose_sections_is_shown_whole() {
    let text = text_of(&landing_page(false));
    assert!(text.contains("We are a small firm of advisers"), "{text}");
    assert!(text.contains("Our service 6 team"), "{text}");
    assert!(text.contains("Our answer 6 team"), "{text}");
    assert!(!text.contains("Sport"), "{text}");
}

#[test]
fn a_page_of_prose_sections_shown_whole_is_cleaned_like_an_article() {
    // A blog post whose best block is one section is shown whole; its meta line and the
    // heading of its comment form are not its text.
    let html = landing_page(false).replace(
        "</body>",
        "<p>Tags: hiring, payroll, contracts</p><div id=respond><h3>Leave a Comment!</h3>\
         <form action=/comment><textarea name=c></textarea></form></div></body>",
    );
    let text = text_of(&html);
    assert!(text.contains("Our answer 6 team"), "{text}");
    assert!(!text.contains("Tags: hiring"), "{text}");
    assert!(!text.contains("Leave a Comment"), "{text}");
}

#[test]
fn a_short_article_beside_cards_that_are_links_is_not_shown_whole() {
    let text = text_of(&landing_page(true));
    assert!(text.contains("We are a small firm of advisers"), "{text}");
    assert!(!text.contains("Our service 6 team"), "{text}");
}

// ------------------------------------------------------------------ plain text

#[test]
fn an_embedded_videos_link_is_in_the_html_and_not_in_the_plain_text() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<iframe src=\"https://www.youtube.com/embed/abc_DEF-123\"></iframe>\
             <iframe src=\"https://player.vimeo.com/video/1\" title=\"The pier at dusk\">\
             </iframe>{}</article>",
            story(3),
            story(2)
        ),
    );
    let article =
        extract(&html, &Options::with_url("https://news.example.com/story")).expect("an article");
    assert!(
        article.content.contains("Video: player.vimeo.com")
            || article.content.contains("Video: The pier at dusk"),
        "{}",
        article.content
    );
    assert!(
        article.text_content.contains("Paragraph 3 of the story"),
        "{}",
        article.text_content
    );
    assert!(
        !article.text_content.contains("Video:"),
        "{}",
        article.text_content
    );
    assert!(
        !article.text_content.contains("The pier at dusk"),
        "{}",
        article.text_content
    );
}

#[test]
fn an_article_that_is_one_captioned_video_is_still_an_article() {
    let html = page(
        "The ferry",
        "<article><figure><iframe src=\"https://www.youtube.com/embed/abc_DEF-123\" \
         title=\"The ferry\"></iframe><figcaption>The ferry leaving the harbour at dawn, \
         filmed from the pier</figcaption></figure></article>",
    );
    let article =
        extract(&html, &Options::with_url("https://news.example.com/story")).expect("an article");
    assert!(
        article.content.contains("lectern-video"),
        "{}",
        article.content
    );
}

// ------------------------------------------------------------------ prose in a block named "…-header"

#[test]
fn an_intro_in_a_block_named_like_a_header_is_kept() {
    let intro = "<p>So you have decided to give the old house a refresh, and the question is \
                 where to begin: paint, floors, furniture, or the light that falls on all of \
                 them in the late afternoon.</p><p>In the past few years a handful of services \
                 have come along that promise to help, each with its own way of asking what you \
                 like and what you can spend, and each with a different answer.</p>";
    let html = page(
        "Ten services",
        &format!(
            "{NAV}<main><section class=\"listicle-header\"><h1>Ten services</h1>{intro}</section>\
             {}</main>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("So you have decided"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn a_site_header_with_long_menu_descriptions_still_goes() {
    let blurb = "<p>Everything you need to plan, book and share a trip along the coast, from \
                 the ferry timetables to the best places to wait for a boat that is late.</p>";
    let html = page(
        "The ferry",
        &format!(
            "<div id=\"header\" class=\"header\">{blurb}{}</div><article>{}</article>",
            blurb.replace("Everything", "All"),
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("plan, book and share"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn a_tab_set_named_like_a_menu_keeps_its_panels_prose() {
    // A product page's tabs, their set classed `tab-menu--product`: the panels are its text.
    let panels = "<div class=tab-panel><p>A dry, fruity rosé from the coast, pressed from \
                  grapes picked early in the morning while the air is still cool, and bottled \
                  young so that it keeps the scent of strawberries.</p><p>It goes well with \
                  grilled fish and with the spicy dishes of the harbour's kitchens, served cold \
                  on a warm evening on the pier while the ferry comes in.</p></div>";
    let html = page(
        "The rosé",
        &format!(
            "<main><h1>The rosé</h1>{}<div class=\"tab-menu--product\"><div class=tabs>\
             <a href=#d>Description</a> <a href=#r>Reviews</a></div>{panels}</div></main>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("goes well with grilled fish"), "{text}");
}

#[test]
fn a_block_named_like_a_menu_of_links_still_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<div class=\"main-menu\"><p><a href=/a>Timetables</a> <a href=/b>Tickets</a></p>\
             <p><a href=/c>Harbour news</a> <a href=/d>Contact the pier office</a></p></div>\
             <article>{}</article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("Timetables"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn a_section_heading_named_like_a_header_between_paragraphs_is_kept() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2 class=\"header-anchor-post\">What the harbour master said\
             <div class=anchor><a href=\"#what\"></a></div></h2>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph")
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("What the harbour master said"), "{text}");
}

#[test]
fn a_box_title_named_like_a_header_still_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=box><h4 class=\"list-header\">Latest videos</h4>\
             <ul><li>The pier at dawn</li><li>Boats in the bay</li></ul></div>{}</article>",
            story(3),
            story(2)
        ),
    );
    assert!(!text_of(&html).contains("Latest videos"));
}

#[test]
fn a_section_heading_named_like_a_header_after_a_code_block_is_kept() {
    // Substack names every heading of a post `header-anchor-post`; after a code block, a list
    // or a figure the heading still opens the next paragraph of the story.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<pre><code>let tide = harbour.tide();</code></pre>\
             <h3 class=\"header-anchor-post\">3. Reading the tide</h3>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph")
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Reading the tide"), "{text}");
}

#[test]
fn a_box_title_named_like_a_header_over_a_paragraph_still_goes() {
    // The title opens its box: nothing before it there.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=box><h4 class=\"box-header\">Harbour notes</h4>\
             <p>The pier opens at six in the morning.</p></div>{}</article>",
            story(3),
            story(2)
        ),
    );
    assert!(!text_of(&html).contains("Harbour notes"));
}

#[test]
fn a_heading_whose_anchor_id_spells_its_own_words_stays() {
    // `social` and `community` are unlikely words, but here they are the heading's own words
    // in the anchor the CMS built from it.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2 id=\"h-5-community-building-on-the-pier\">5. Community building \
             on the pier</h2>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph")
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Community building on the pier"), "{text}");
}

#[test]
fn a_heading_named_by_an_unlikely_word_not_its_own_still_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2 id=\"social-share-title\">Share this story</h2>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph")
        ),
    );
    assert!(!text_of(&html).contains("Share this story"));
}

#[test]
fn a_heading_whose_anchor_spells_its_own_words_is_not_an_extra() {
    // `social` names a sharing box in the boilerplate families and weighs a heading down, but
    // this anchor is the heading's three words, spelled by the CMS: a section of the story.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2 id=\"h-social-ferry-timetables\">Social ferry timetables</h2>{}\
             <h3 id=\"h-setting-up-social-shopping\">Setting up social shopping</h3>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph"),
            story(2).replace("Paragraph", "Last paragraph")
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Social ferry timetables"), "{text}");
    assert!(text.contains("Setting up social shopping"), "{text}");
}

#[test]
fn a_two_word_anchor_of_a_headings_own_words_still_names_an_extra() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<h2 id=\"social-links\">Social links</h2>{}</article>",
            story(3),
            story(3).replace("Paragraph", "Later paragraph")
        ),
    );
    assert!(!text_of(&html).contains("Social links"));
}

// ------------------------------------------------------------------ credits under images

/// A story with `figure` (a picture and a line under it) after its third paragraph: the
/// reader shows `line` as the picture's `<figcaption>`, and the article's text leaves it out.
fn assert_caption(figure: &str, line: &str) {
    let html = page(
        "The ferry",
        &format!("<article>{}{figure}{}</article>", story(3), story(2)),
    );
    let article =
        extract(&html, &Options::with_url("https://news.example.com/story")).expect("an article");
    assert!(
        article.content.contains("<figcaption>") && article.content.contains(line),
        "{}",
        article.content
    );
    assert!(
        !article.text_content.contains(line),
        "{}",
        article.text_content
    );
}

#[test]
fn a_credit_in_its_own_wrapper_with_an_icon_after_a_picture_is_its_caption() {
    assert_caption(
        "<div class=\"img\"><picture><img src=\"/pier.jpg\" alt=\"The pier\"></picture>\
         <div class=\"img-caption\"><svg><use></use></svg><small> (crédito: Ana Souza/Agência)\
         </small></div></div>",
        "Ana Souza",
    );
}

#[test]
fn a_line_under_an_image_that_names_where_the_picture_came_from_is_its_caption() {
    // "…, Bild via <a>source</a>": a blog's credit by "via" under its picture.
    assert_caption(
        "<div><a href=\"/pier\"><img src=\"/pier.jpg\" alt=\"The pier\"></a><p>The pier at \
         dawn, harbour festival, Bild <a href=\"https://photos.example.org/pier\">via</a></p></div>",
        "harbour festival",
    );
}

#[test]
fn a_line_under_an_image_that_opens_with_a_credits_words_is_its_caption() {
    assert_caption(
        "<p><img src=\"/pier.jpg\" alt=\"The pier\"></p><p>Image from the harbour master's \
         March review.</p>",
        "harbour master",
    );
}

#[test]
fn a_paragraph_that_opens_with_a_credits_words_away_from_an_image_stays() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p>Courtesy of the harbour master, the town kept its lights on until \
             the last passengers had gone home.</p></article>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Courtesy of the harbour master"), "{text}");
}

// ------------------------------------------------------------------ a greeting bio at the end

#[test]
fn a_first_person_bio_at_the_articles_end_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"box-content\"><p>Hi, I'm Jane! Welcome to the harbour \
             blog, where I write about boats, piers and the people who wait for them.</p>\
             </div></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("Welcome to the harbour blog"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn a_first_person_greeting_early_in_the_article_stays() {
    let html = page(
        "The ferry",
        &format!(
            "<article><p>Hi, I'm Jane, and this is the story of the day the ferry did not come \
             to the harbour town, told as the people on the pier told it to me.</p>{}</article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Hi, I'm Jane"), "{text}");
}

// ------------------------------------------------------------------ an author's box by its photo

/// An author's box as CMS themes set it after the story: a headshot whose `alt` names the
/// author, a label, and the bio opening with the name.
fn author_box(alt: &str, bio_name: &str) -> String {
    format!(
        "<div class=\"x9f\"><p><img src=\"/jane.jpg\" alt=\"{alt}\"></p><div><p>Writer</p>\
         <p>{bio_name} is a freelance writer who covers harbours, ferries and the towns that \
         wait for them. Her work has appeared in many coastal papers.</p></div></div>"
    )
}

#[test]
fn an_author_box_found_by_its_photo_goes() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}{}</article>",
            story(5),
            author_box("Headshot of Jane Roe", "Jane Roe")
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("freelance writer"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn cards_of_people_with_photos_stay() {
    // A run of such boxes lists people (a team, a panel): not one author's box.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}{}{}</article>",
            story(5),
            author_box("Jane Roe", "Jane Roe"),
            author_box("John Doe", "John Doe")
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Jane Roe is a freelance writer"), "{text}");
    assert!(text.contains("John Doe is a freelance writer"), "{text}");
}

#[test]
fn a_photo_whose_caption_opens_with_its_subjects_name_stays() {
    // A figure at the story's end: the photo and its caption, not an author's box.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<figure><img src=\"/jane.jpg\" alt=\"Jane Roe\"><figcaption>Jane Roe, \
             the harbour master, on the pier on Tuesday morning before the first boats came \
             in.</figcaption></figure><p>{}</p></article>",
            story(5),
            "She waited there until the evening, as she had every day that week."
        ),
    );
    let article =
        extract(&html, &Options::with_url("https://news.example.com/story")).expect("an article");
    assert!(article.content.contains("jane.jpg"), "{}", article.content);
}

#[test]
fn a_photo_and_its_subjects_profile_opening_the_article_stay() {
    // The subject's photo and name open a profile: most of the text comes after it.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}{}</article>",
            author_box("Jane Roe", "Jane Roe"),
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Jane Roe is a freelance writer"), "{text}");
}

// ------------------------------------------------------------------ boilerplate class names of several parts

#[test]
fn a_block_whose_class_ends_in_a_boilerplate_token_goes() {
    // `author-box` ending a longer name, or written with underscores: the bio box.
    for class in [
        "blog-author-box",
        "cs-entry__author-description",
        "author_wrapper",
    ] {
        let html = page(
            "The ferry",
            &format!(
                "<article>{}<div class=\"{class}\"><p>Jane Roe covers harbours, ferries and \
                 the towns that wait for them for the paper.</p></div></article>",
                story(5)
            ),
        );
        let text = text_of(&html);
        assert!(!text.contains("Jane Roe covers"), "{class}: {text}");
        assert!(text.contains("Paragraph 5 of the story"), "{class}: {text}");
    }
}

#[test]
fn the_previous_and_next_posts_block_goes() {
    // Under a post, links to its neighbours with their titles and excerpts.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"theme-prev-next\"><div class=\"nav-prev\"><p><a \
             href=\"/older\">The lighthouse keeper</a></p><p>An older story about the \
             lighthouse on the point and the keeper who kept it lit.</p></div></div></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("lighthouse"), "{text}");
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
}

#[test]
fn a_block_whose_class_goes_on_after_a_boilerplate_token_stays() {
    // `read-more-content` is the text a "Read more" button unfolds: the story's own.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"read-more-content\"><p>The ferry came at last on \
             Thursday, and the town met it on the pier with flags and a band.</p></div>\
             </article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("The ferry came at last"), "{text}");
}

#[test]
fn a_block_classed_not_sr_only_stays() {
    // Tailwind's `not-sr-only` shows what `sr-only` hid.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p class=\"not-sr-only\">The ferry came at last on Thursday, and \
             the town met it on the pier with flags and a band.</p></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("The ferry came at last"), "{text}");
}

#[test]
fn a_block_webflow_hides_by_class_goes() {
    // A CMS block whose condition failed, a form's messages for after it is sent: Webflow's
    // stylesheet hides them (`display: none`).
    for class in ["w-condition-invisible", "w-form-done", "w-form-fail"] {
        let html = page(
            "The ferry",
            &format!(
                "<article>{}<div class=\"notice {class}\"><p>Trademarks named in another post \
                 belong to their owners, who do not endorse this one.</p></div></article>",
                story(5)
            ),
        );
        let text = text_of(&html);
        assert!(!text.contains("Trademarks"), "{class}: {text}");
        assert!(text.contains("Paragraph 5 of the story"), "{class}: {text}");
    }
}

#[test]
fn a_reading_time_line_goes() {
    // "5 min read" above the story: the page's estimate, not the article.
    for line in ["5 min read", "Reading Time: 11 minutes"] {
        let html = page(
            "The ferry",
            &format!("<article><p>{line}</p>{}</article>", story(5)),
        );
        let text = text_of(&html);
        assert!(!text.contains(line), "{line}: {text}");
        assert!(text.contains("Paragraph 1 of the story"), "{line}: {text}");
    }
}

#[test]
fn a_posts_comment_status_and_share_prompt_lines_go() {
    // A blog's line under its post: whether comments are open, and a prompt to share it,
    // in the languages of the corpora; and a "related topics" label.
    for line in [
        "Kommentarfeed | Kommentare geschlossen | Trackback-URL",
        "Comments are closed.",
        "Leave a Comment!",
        "Artikel gefallen? Vergiss nicht zu teilen!",
        "Enjoyed this article? Share it with a friend.",
        "Verwandte Themenbereiche",
    ] {
        let html = page(
            "The ferry",
            &format!("<article>{}<p>{line}</p>{}</article>", story(4), story(1)),
        );
        let text = text_of(&html);
        assert!(!text.contains(line), "{line}: {text}");
        assert!(text.contains("Paragraph 4 of the story"), "{line}: {text}");
    }
}

#[test]
fn a_related_label_that_is_also_a_boilerplate_line_goes_with_its_list_of_links() {
    // "Related articles:" in bold over a list of links: the label is a boilerplate line
    // too, but read as one first it went alone and left its list as the article's end.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<p><strong>Verwandte Artikel:</strong></p><ul><li><a \
             href=\"/a\">The lighthouse keeper's last winter</a></li><li><a href=\"/b\">A \
             bridge for the island</a></li></ul></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("lighthouse keeper"), "{text}");
    assert!(!text.contains("Verwandte"), "{text}");
}

#[test]
fn an_author_box_marked_up_as_the_authors_person_goes() {
    // An author-box plugin's markup: schema.org microdata says what it is, whatever its
    // classes.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"xbox-wrap\" itemprop=\"author\" itemscope \
             itemtype=\"http://schema.org/Person\"><div><span itemprop=\"name\">Jane \
             Roe</span></div><div itemprop=\"description\"><p>Photographer from Hamburg. I \
             like every kind of photography, as long as there are people in it.</p></div>\
             </div></article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("Photographer from Hamburg"), "{text}");
}

#[test]
fn a_list_of_links_with_its_label_inside_goes_from_the_story() {
    // A box of teasers set in the story as a list: Readability spares lists the link
    // density rule, but this one names itself ("Stories on the topic") and is all links.
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<ul class=\"lnk\"><span>Stories on the topic</span><li><a \
             href=\"/a\">The lighthouse keeper's last winter</a></li><li><a href=\"/b\">A \
             bridge for the island</a></li></ul>{}</article>",
            story(3),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 2 of the story"), "{text}");
    assert!(!text.contains("lighthouse keeper"), "{text}");
}

#[test]
fn a_byline_marked_up_as_the_authors_person_stays_a_byline() {
    let html = page(
        "The ferry",
        &format!(
            "<article><div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">\
             By <span itemprop=\"name\">Jane Roe</span></div>{}</article>",
            story(5)
        ),
    );
    let article =
        extract(&html, &Options::with_url("https://news.example.com/story")).expect("an article");
    assert_eq!(
        article.byline.as_deref(),
        Some("Jane Roe"),
        "{:?}",
        article.byline
    );
}

#[test]
fn a_date_line_with_a_comma_after_the_month_goes() {
    // "15 Dec, 2025": the dateline, which the header shows.
    let html = page(
        "The ferry",
        &format!("<article><p><i>15 Dec, 2025</i></p>{}</article>", story(5)),
    );
    let text = text_of(&html);
    assert!(!text.contains("15 Dec"), "{text}");
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
}

#[test]
fn a_sponsored_label_goes() {
    // "Sponsored" alone over an ad's slot: a label, like "Advertisement".
    let html = page(
        "The ferry",
        &format!("<article><div><p>Sponsored</p></div>{}</article>", story(5)),
    );
    let text = text_of(&html);
    assert!(!text.contains("Sponsored"), "{text}");
}

// ------------------------------------------------------------------ a list page's entries

/// A feed of papers: each entry a linked title, a line of linked author names and a summary;
/// the first, the featured paper, with a longer one.
fn paper_feed(entries: usize) -> String {
    let items: String = (1..=entries)
        .map(|i| {
            let parts = if i == 1 { 4 } else { 1 };
            let summary: String = (1..=parts)
                .map(|k| {
                    format!(
                        "<p>We study how a small harbour schedules its ferries when the tide \
                         changes, and show a method that waits less, in paper number {i}, part \
                         {k}.</p>"
                    )
                })
                .collect();
            format!(
                "<div class=entry><div class=title><a href=/abs/{i}>Paper {i}: learning to \
                 route ferries around a harbour with tides</a></div><div class=names>\
                 <a href=/a/lee>Ann Lee</a>, <a href=/a/chan>Bo Chan</a>, \
                 <a href=/a/dunn>Cy Dunn</a></div><div class=text>{summary}</div></div>"
            )
        })
        .collect();
    page(
        "Recent papers",
        &format!("{NAV}<div id=feed><h1>Recent papers</h1>{items}</div>"),
    )
}

#[test]
fn a_list_pages_entries_keep_their_linked_lines() {
    // The article is the run of entries built alike (found from its longest one); each
    // entry's author line is all links, and conditional cleaning took it for navigation.
    let text = text_of(&paper_feed(10));
    assert!(text.contains("paper number 10, part 1"), "{text}");
    assert_eq!(
        text.matches("Ann Lee, Bo Chan, Cy Dunn").count(),
        10,
        "{text}"
    );
    assert!(!text.contains("Sport"), "{text}");
}

#[test]
fn a_link_list_beside_an_article_still_goes() {
    // Entries built alike that hold a small part of the article are a teaser list.
    let teasers: String = (1..=5)
        .map(|i| format!("<div class=more><a href=/n/{i}>Another story number {i}</a></div>"))
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<div class=related>{teasers}</div></article>",
            story(6)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
    assert!(!text.contains("Another story number"), "{text}");
}

// ------------------------------------------------------------------ the standfirst in the page's header

/// A story page whose `<header>` holds the headline and the standfirst the description repeats
/// (`standfirst`), the story's body after it (`body`).
fn header_standfirst_page(standfirst: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Heating with leaves</title>\
         <meta name=description content='{standfirst}'></head><body>{NAV}\
         <header class=article-header><h1>Heating with leaves</h1><p>{standfirst}</p></header>\
         <div class=story>{body}</div></body></html>"
    )
}

const STANDFIRST: &str =
    "Leaves swept from the streets will heat the schools, if a pilot project works.";

#[test]
fn a_standfirst_in_the_pages_header_opens_the_article() {
    // Preparation removes a `<header>` without a paragraph long enough to keep it: the
    // standfirst is found before that.
    let html = header_standfirst_page(STANDFIRST, &story(4));
    let text = text_of(&html);
    assert!(text.starts_with(STANDFIRST), "{text}");
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert_eq!(text.matches("Leaves swept").count(), 1, "{text}");
}

#[test]
fn a_standfirst_whose_first_sentence_opens_the_body_still_opens_the_article() {
    // The body repeats the standfirst's first sentence and goes on; the standfirst, in a
    // block scoring removes as a header, says more.
    let standfirst = "Leaves swept from the streets of the old harbour town will heat its three \
                      schools this winter. The council approved the pilot project on Monday.";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Heating with leaves</title>\
         <meta name=description content='{standfirst}'></head><body>{NAV}\
         <div class=intro-header><h1>Heating with leaves</h1><p>{standfirst}</p></div>\
         <div class=story><p>Leaves swept from the streets of the old harbour town will heat its \
         three schools this winter. The pellets are pressed in a barn at the edge of town, by a \
         team of four, from October on.</p>{}</div></body></html>",
        story(4)
    );
    let text = text_of(&html);
    assert!(text.starts_with(standfirst), "{text}");
    assert!(text.contains("The pellets are pressed"), "{text}");
}

// ------------------------------------------------------------------ stories and sections

/// A recipe page: its header an `<article>` with the title, its steps another `<article>`
/// under a heading of its own, both in the block that scores best.
fn recipe_page() -> String {
    let steps: String = (1..=6)
        .map(|i| {
            format!(
                "<p>Step {i}: stir the flours, the salt and the starter together in a large \
                 bowl, cover it, and leave the dough to rise at room temperature, checking it \
                 now and then, until it has doubled.</p>"
            )
        })
        .collect();
    page(
        "Everyday sourdough",
        &format!(
            "{NAV}<main><article class=quickview><h1>Everyday sourdough</h1>\
             <p>A tangy loaf with no kneading and no shaping.</p></article>{}\
             <article class=recipe-instructions><h2>Instructions</h2>{steps}</article></main>",
            story(6)
        ),
    )
}

#[test]
fn an_article_element_under_a_section_heading_is_no_follow_on_story() {
    let text = text_of(&recipe_page());
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
    assert!(text.contains("Step 1: stir the flours"), "{text}");
    assert!(text.contains("Step 6: stir the flours"), "{text}");
}

// ------------------------------------------------------------------ class words

#[test]
fn a_class_that_says_what_a_box_is_without_does_not_weigh_against_it() {
    let cards: String = (1..=3)
        .map(|i| {
            format!(
                "<div class=\"landing-item landing-item-no-media\"><h3>Guide {i}</h3><p>Guide \
                 {i} explains, step by step and with examples, how the tool builds, tests and \
                 ships an app, and <a href=/guide{i}>where to read more</a>.</p></div>"
            )
        })
        .collect();
    let html = page(
        "Get started",
        &format!(
            "{NAV}<main><h1>Get started</h1>{}<div class=landing-row>{cards}</div></main>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Guide 1 explains"), "{text}");
    assert!(text.contains("Guide 3 explains"), "{text}");
}

// ------------------------------------------------------------------ a sign-up box

#[test]
fn a_sign_up_forms_box_goes_with_its_form() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"card\"><h3>Harbour notes</h3><div>Join our newsletter \
             for the ferry timetable every week.</div><form action=/join><input type=email \
             name=address placeholder=\"you@example.com\"><button>Join</button></form>\
             <div>By joining, you agree to our terms and privacy policy.</div></div>{}\
             </article>",
            story(3),
            story(2).replace("Paragraph", "Part")
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("Join our newsletter"), "{text}");
    assert!(!text.contains("you agree to our terms"), "{text}");
    assert!(!text.contains("Harbour notes"), "{text}");
    assert!(text.contains("Paragraph 3 of the story"), "{text}");
    assert!(text.contains("Part 2 of the story"), "{text}");
}

#[test]
fn an_sms_sign_up_forms_box_goes_with_its_form() {
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"card\"><div>Get the timetable texted to your phone!</div>\
             <form action=/join><input type=tel placeholder=\"Phone number\">\
             <button>Sign me up</button></form><div>By signing up, you agree to receive \
             recurring automated text messages at the number provided.</div></div>{}\
             </article>",
            story(3),
            story(2).replace("Paragraph", "Part")
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("recurring automated text"), "{text}");
    assert!(!text.contains("texted to your phone"), "{text}");
    assert!(text.contains("Part 2 of the story"), "{text}");
}

#[test]
fn a_short_post_with_a_newsletter_form_under_it_stays() {
    let html = page(
        "The ferry",
        &format!(
            "{NAV}<article><div id=story><p>The ferry did not come to the harbour town today, and the \
             people waiting on the pier, tired and cold and with nowhere else to go, stayed \
             until dark, watching the water, telling each other stories of other days when \
             the boat was late, and wondering who would tell them why.</p>\
             <p>Comics / harbours</p><form action=/subscribe><label>Get the newsletter</label><input type=email \
             name=EMAIL><input type=submit value=Subscribe></form></div>{}</article>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("The ferry did not come"), "{text}");
}

#[test]
fn an_affiliate_disclaimer_named_by_its_class_goes() {
    // A review's disclosure of its commissions, set in the story under its byline: its
    // class names it (`affiliate-disclaimer`, `ftc-disclosure`).
    let html = page(
        "The ferry",
        &format!(
            "<article><div class=\"affiliate-disclaimer\"><p>We earn commissions from links \
             on our site, enabling us to deliver independent reviews. See our <a \
             href=\"/policy\">editorial policy</a>.</p></div>{}</article>",
            story(5)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 5 of the story"), "{text}");
    assert!(!text.contains("We earn commissions"), "{text}");
}

#[test]
fn a_call_to_action_named_by_its_class_goes_from_the_story() {
    // The publisher's pitch set in the story: its class says what it is (`wp-block-cta`).
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"wp-block-cta\"><p>Get quotes from up to three local \
             ferry operators today, free and with no obligation!</p></div>{}</article>",
            story(4),
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Get quotes"), "{text}");
}

#[test]
fn a_buttons_label_named_as_a_call_to_action_stays() {
    // A label is the page's control, not a pitch ("View photo" over a picture).
    let html = page(
        "The ferry",
        &format!(
            "<article>{}<div class=\"cta\">View photo.</div>{}</article>",
            story(3),
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("View photo"), "{text}");
}

#[test]
fn excerpts_that_are_a_list_pages_entries_stay() {
    // Blocks named as excerpts that hold much of the article are its entries, not teasers
    // of other posts beside a story.
    let entries: String = (1..=12)
        .map(|i| {
            format!(
                "<div class=\"post\"><h2><a href=\"/post-{i}\">Ferry news, part {i}</a></h2>\
                 <div class=\"post-excerpt\"><p>The harbour town waited for the ferry again \
                 today, and the people on the pier, tired and cold, stayed until dark, part \
                 {i}.</p></div></div>"
            )
        })
        .collect();
    let html = page(
        "Ferry news",
        &format!("<article>{}{entries}</article>", story(2)),
    );
    let text = text_of(&html);
    assert!(text.contains("stayed until dark, part 12"), "{text}");
}

// ------------------------------------------------------------------ links in sentences

/// A paragraph in its own box, citing its sources link by link (a third of its text in
/// links), between the story's paragraphs.
fn linked_paragraph_box(sentence_end: &str) -> String {
    format!(
        "<div class=note><p>The harbour board <a href=/report>published its yearly report</a> \
         on Monday, and the figures, which <a href=/minutes>the council discussed</a> at \
         length, show that the ferry ran late on more than half of its winter crossings, \
         most of them in the storms of January and February, according to \
         <a href=/data>the operator's own data</a>{sentence_end}</p></div>"
    )
}

#[test]
fn a_boxed_paragraph_with_links_in_its_sentences_stays() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}{}{}</article>",
            story(3),
            linked_paragraph_box("."),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("published its yearly report"), "{text}");
}

#[test]
fn a_box_of_linked_titles_still_goes_for_its_links() {
    let titles: String = (1..=4)
        .map(|i| format!("<a href=/story{i}>Another story from the harbour, number {i}</a> "))
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<div class=more><p>More from the coast and the \
             islands this week, read on {titles}</p></div>{}</article>",
            story(3),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("Another story from the harbour"), "{text}");
}

/// A box whose class holds a negative word (`widget`, as a page builder names its text
/// module) around a label and one paragraph of the story.
fn widget_box(paragraph: &str) -> String {
    format!("<div class=\"widget\"><span>Update</span><p>{paragraph}</p></div>")
}

const HARBOUR_PARAGRAPH: &str = "The harbour board met again on Tuesday evening, and after \
     a long debate about the winter timetable, the cost of a second boat and the complaints \
     of the island's shopkeepers, it agreed to keep the morning crossing running until spring.";

#[test]
fn a_paragraph_of_prose_in_a_negatively_classed_box_stays() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}{}{}</article>",
            story(3),
            widget_box(HARBOUR_PARAGRAPH),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(
        text.contains("agreed to keep the morning crossing"),
        "{text}"
    );
}

#[test]
fn a_run_of_negatively_classed_boxes_still_goes_however_it_reads() {
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}{}{}{}</article>",
            story(3),
            widget_box(HARBOUR_PARAGRAPH),
            widget_box(&HARBOUR_PARAGRAPH.replace("Tuesday", "Friday")),
            story(2)
        ),
    );
    let text = text_of(&html);
    assert!(
        !text.contains("agreed to keep the morning crossing"),
        "{text}"
    );
}

#[test]
fn a_page_that_shows_nothing_but_what_its_script_hides_is_read_with_its_hidden_blocks() {
    // A shop's product page: the script shows the product's block; the menus stay hidden
    // until hovered. No hidden block holds most of the page's text.
    let menu: String = (1..=40)
        .map(|i| format!("<li><a href=/c/{i}>Category number {i}</a></li>"))
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<header><div class=mega-menu style=\"display:none\"><ul>{menu}</ul></div>\
             <div class=mega-menu style=\"display:none\"><ul>{menu}</ul></div></header>\
             <div class=product-wrapper style=\"display: none\"><article><h1>The ferry</h1>{}\
             </article></div><footer><a href=/help>Help</a></footer>",
            story(4)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 4 of the story"), "{text}");
    assert!(!text.contains("Category number"), "{text}");
}

#[test]
fn a_page_whose_script_hides_a_few_words_only_has_no_article() {
    // An app's shell: the page shows nothing, and hides a search box's hint.
    let html = page(
        "The ferry",
        "<div id=root></div><div style=\"display:none\"><span>I'm shopping for...</span></div>",
    );
    assert!(matches!(
        extract(&html, &Options::default()),
        Err(Error::NoArticle)
    ));
}

#[test]
fn a_section_heading_in_a_box_of_its_own_stays_over_its_section() {
    let html = page(
        "The agency",
        &format!(
            "<main><h1>The agency</h1>{}<div class=section-title><span class=icon></span><h3>Our services at a glance</h3></div>\
             <p>Brand strategy, from research to the guidelines your team uses every day.</p></main>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Our services at a glance"), "{text}");
}

#[test]
fn a_heading_box_whose_section_went_still_goes() {
    let html = page(
        "The agency",
        &format!(
            "<main><h1>The agency</h1>{}<div class=section-title><span class=icon></span><h3>Elsewhere on the site</h3></div>\
             <div class=links><a href=/a>First other page</a> <a href=/b>Second other page</a> \
             <a href=/c>Third other page</a></div></main>",
            story(3)
        ),
    );
    let text = text_of(&html);
    assert!(!text.contains("Elsewhere on the site"), "{text}");
}

// ------------------------------------------------------------------ a run of blocks built alike

/// A ranking of five schools, each a `<div class=school>` of a linked name over its facts
/// (`first_facts`: the first one's are a few words, so that its link density alone is
/// high), after the article's running prose.
fn ranking_page(first_facts: &str) -> String {
    let entry = |i: usize, facts: &str| {
        format!("<div class=school><h3><a href=/school/{i}>School {i}</a></h3><p>{facts}</p></div>")
    };
    let long = "Founded on the harbour in the old town, it teaches the ferry trade to two \
                hundred students a year, and most of them find work on the boats.";
    let entries: String = std::iter::once(entry(1, first_facts))
        .chain((2..=5).map(|i| entry(i, long)))
        .collect();
    page(
        "The best schools",
        &format!(
            "{NAV}<article><h1>The best schools</h1>{}<div class=ranking>{entries}</div></article>",
            story(3)
        ),
    )
}

#[test]
fn an_entry_of_a_run_built_alike_stays_with_its_run_whatever_its_own_links() {
    // Alone, the first entry (a linked name over two words) is mostly links; its run as a
    // whole reads as text.
    let text = text_of(&ranking_page("Boston, Massachusetts."));
    assert!(text.contains("School 1"), "{text}");
    assert!(text.contains("Boston, Massachusetts."), "{text}");
    assert!(text.contains("School 5"), "{text}");
}

#[test]
fn a_run_built_alike_that_is_all_links_still_goes() {
    let links: String = (1..=6)
        .map(|i| {
            format!("<div class=more><a href=/n/{i}>Another story number {i}</a> and more</div>")
        })
        .collect();
    let html = page(
        "The ferry",
        &format!(
            "<article><h1>The ferry</h1>{}<div class=related>{links}</div></article>",
            story(6)
        ),
    );
    let text = text_of(&html);
    assert!(text.contains("Paragraph 6 of the story"), "{text}");
    assert!(!text.contains("Another story number"), "{text}");
}

// ------------------------------------------------------------------ where the story begins

/// A story page whose article holds `head` (its HTML) before six paragraphs of running text.
fn story_with_head(head: &str, og_type: bool) -> String {
    let meta = if og_type {
        "<meta property=\"og:type\" content=\"article\">"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html><html><head><title>The ferry</title>{meta}</head><body>{NAV}\
         <div class=main><article>{head}{}</article></div></body></html>",
        story(6)
    )
}

#[test]
fn a_kicker_above_the_headline_goes() {
    let text = text_of(&story_with_head(
        "<p class=kicker>Harbour news</p><h1>The ferry</h1>",
        true,
    ));
    assert!(!text.contains("Harbour news"), "{text}");
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
}

#[test]
fn a_byline_label_between_the_headline_and_the_story_goes() {
    let text = text_of(&story_with_head(
        "<p>Harbour news</p><h1>The ferry</h1><p>PUBLISHED</p>",
        true,
    ));
    assert!(!text.contains("PUBLISHED"), "{text}");
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
}

#[test]
fn a_standfirst_above_the_headline_that_closes_a_sentence_stays() {
    let text = text_of(&story_with_head(
        "<p>The ferry did not come.</p><h1>The ferry</h1>",
        true,
    ));
    assert!(text.contains("The ferry did not come."), "{text}");
}

#[test]
fn a_section_heading_before_the_first_paragraph_stays() {
    let text = text_of(&story_with_head(
        "<p>Harbour news</p><h1>The ferry</h1><h2>On the pier</h2>",
        true,
    ));
    assert!(text.contains("On the pier"), "{text}");
    assert!(!text.contains("Harbour news"), "{text}");
}

#[test]
fn a_label_above_a_title_copy_deep_in_the_text_stays() {
    let text = text_of(&story_with_head(
        &format!("<p>Harbour news</p>{}<h2>The ferry</h2>", story(2)),
        true,
    ));
    assert!(text.contains("Harbour news"), "{text}");
}

#[test]
fn a_kicker_on_a_page_that_is_not_a_story_stays() {
    let text = text_of(&story_with_head(
        "<p>Harbour news</p><h1>The ferry</h1>",
        false,
    ));
    assert!(text.contains("Harbour news"), "{text}");
}

#[test]
fn a_short_chinese_sentence_under_the_headline_stays() {
    let text = text_of(&story_with_head(
        "<p>Harbour news</p><h1>The ferry</h1><p>渡轮没有来。</p>",
        true,
    ));
    assert!(text.contains("渡轮没有来。"), "{text}");
    assert!(!text.contains("Harbour news"), "{text}");
}

#[test]
fn a_threads_lines_under_its_title_stay() {
    let long = "I have been riding this board for a year now, and the range I get on a full \
                charge, in cold weather and with hills, is about twelve miles, sometimes less.";
    let posts: String = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|a| {
            format!(
                "<div class=\"post\"><div class=author><a href=/u/{a}>{a}</a></div>\
                 <div class=body><p>Post by {a}: {long}</p></div></div>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>What's your range?</title><meta \
         property=\"og:type\" content=\"article\"></head><body><div class=thread>\
         <p>Boards forum</p><h1>What's your range?</h1>{posts}</div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Boards forum"), "{text}");
    assert!(text.contains("Post by dave"), "{text}");
}

// ------------------------------------------------------------------ illustrated steps

/// A recipe's method: a list whose every item is a step, one sentence over its photo, some
/// ending in the invisible separator editors paste ("well.\u{2063}").
fn steps_page(step: &dyn Fn(usize) -> String) -> String {
    let steps: String = (1..=6)
        .map(|i| {
            format!(
                "<li class=step>{}<img src=/step{i}.jpg alt=''></li>",
                step(i)
            )
        })
        .collect();
    page(
        "Stir-fried noodles",
        &format!(
            "<div class=post><h1>Stir-fried noodles</h1>{}<div class=recipe><h2>Method</h2>\
             <ul class=directions>{steps}</ul></div></div>",
            story(4)
        ),
    )
}

#[test]
fn a_list_of_steps_each_a_sentence_over_its_photo_is_no_gallery() {
    let text = text_of(&steps_page(&|i| {
        format!("Stir fry step {i} to mix well.\u{2063}")
    }));
    assert!(text.contains("Stir fry step 1 to mix well."), "{text}");
    assert!(text.contains("Stir fry step 6 to mix well."), "{text}");
}

#[test]
fn a_list_of_photos_with_short_labels_is_a_gallery() {
    let text = text_of(&steps_page(&|i| format!("Photo {i}")));
    assert!(!text.contains("Photo 1"), "{text}");
    assert!(text.contains("Paragraph 1 of the story"), "{text}");
}
