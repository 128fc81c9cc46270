//! Sentences for reading aloud (issue 22): Unicode's sentence boundaries, with abbreviations,
//! initials, decimal numbers and dates kept inside their sentence, in English, German, French
//! and Spanish, and Chinese and Japanese punctuation ending sentences.

use lectern::{sentences, Sentence};

mod support;

fn texts(blocks: &[&str], lang: &str) -> Vec<String> {
    sentences(blocks, lang)
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn a_paragraph_is_cut_into_its_sentences() {
    assert_eq!(
        texts(
            &["The mill stood by the river. It turned for a century! Did it stop?"],
            "en"
        ),
        [
            "The mill stood by the river.",
            "It turned for a century!",
            "Did it stop?"
        ]
    );
}

#[test]
fn english_titles_and_abbreviations_do_not_end_a_sentence() {
    assert_eq!(
        texts(
            &["Mr. Smith met Dr. Jones in the U.S. Senate at 9 a.m. Monday. They spoke of fruit, e.g. apples. Then they left."],
            "en"
        ),
        [
            "Mr. Smith met Dr. Jones in the U.S. Senate at 9 a.m. Monday.",
            "They spoke of fruit, e.g. apples.",
            "Then they left."
        ]
    );
}

#[test]
fn initials_and_decimal_numbers_stay_inside_the_sentence() {
    assert_eq!(
        texts(&["J. R. R. Tolkien wrote it in 1937. It sold 3.5 million copies by 1.1.1970. Fans agree."], "en"),
        ["J. R. R. Tolkien wrote it in 1937.", "It sold 3.5 million copies by 1.1.1970.", "Fans agree."]
    );
}

#[test]
fn german_abbreviations_and_ordinal_dates_do_not_end_a_sentence() {
    assert_eq!(
        texts(
            &["Am 4. Dezember kam z. B. Hr. Müller vorbei, vgl. Nr. 5 der Liste. Er blieb bis 18 Uhr. Dann ging er."],
            "de-DE"
        ),
        ["Am 4. Dezember kam z. B. Hr. Müller vorbei, vgl. Nr. 5 der Liste.", "Er blieb bis 18 Uhr.", "Dann ging er."]
    );
}

#[test]
fn french_abbreviations_do_not_end_a_sentence() {
    assert_eq!(
        texts(&["M. Dupont et Mme Martin sont venus, p. ex. Lundi. Ils sont repartis. Cf. Chap. 3 pour la suite."], "fr"),
        ["M. Dupont et Mme Martin sont venus, p. ex. Lundi.", "Ils sont repartis.", "Cf. Chap. 3 pour la suite."]
    );
}

#[test]
fn spanish_abbreviations_do_not_end_a_sentence() {
    assert_eq!(
        texts(&["La Sra. García y el Dr. Pérez llegaron a EE. UU. en marzo. ¿Quién los invitó? Nadie lo sabe."], "es"),
        ["La Sra. García y el Dr. Pérez llegaron a EE. UU. en marzo.", "¿Quién los invitó?", "Nadie lo sabe."]
    );
}

#[test]
fn chinese_and_japanese_punctuation_ends_sentences_without_spaces() {
    assert_eq!(
        texts(&["今天天气很好。我们去公园吧！你来吗？"], "zh"),
        ["今天天气很好。", "我们去公园吧！", "你来吗？"]
    );
    assert_eq!(
        texts(&["川の水車は百年回った。誰が止めたのか？"], "ja"),
        ["川の水車は百年回った。", "誰が止めたのか？"]
    );
}

#[test]
fn each_sentence_says_its_block_and_its_utf16_range_in_that_block() {
    let blocks = ["A title", "Café first. 😀 Then more."];
    let found = sentences(&blocks, "en");
    assert_eq!(
        found,
        [
            Sentence {
                text: "A title".into(),
                block: 0,
                start: 0,
                end: 7
            },
            Sentence {
                text: "Café first.".into(),
                block: 1,
                start: 0,
                end: 11
            },
            Sentence {
                text: "😀 Then more.".into(),
                block: 1,
                start: 12,
                end: 25
            },
        ]
    );
    // The offsets are JavaScript's: the emoji counts two.
    let units: Vec<u16> = blocks[1].encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[12..25]).unwrap(), "😀 Then more.");
}

#[test]
fn empty_and_blank_blocks_give_no_sentence() {
    assert!(sentences(&["", "   ", "\n"], "en").is_empty());
}

#[test]
fn a_word_like_etc_that_often_ends_a_sentence_ends_it() {
    assert_eq!(
        texts(
            &["They sold apples, pears, etc. The shop closed at six."],
            "en"
        ),
        ["They sold apples, pears, etc.", "The shop closed at six."]
    );
}

#[test]
fn the_cli_prints_the_articles_sentences_one_json_object_a_line() {
    let paragraph =
        "The keepers lit the lamp at dusk every evening of the year, whatever the weather. ";
    let page = format!(
        "<html lang=\"en\"><head><title>The Lamp</title></head><body><article><h1>The Lamp</h1>{}</article></body></html>",
        (0..6).map(|i| format!("<p>{paragraph}Mr. Hale kept log {i}. It never failed.</p>")).collect::<String>()
    );
    let out = support::cli::lectern(&["--format", "sentences", "-"], page.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[..3],
        [
            serde_json::json!({"text": "The keepers lit the lamp at dusk every evening of the year, whatever the weather.", "block": 0, "start": 0, "end": 81}),
            serde_json::json!({"text": "Mr. Hale kept log 0.", "block": 0, "start": 82, "end": 102}),
            serde_json::json!({"text": "It never failed.", "block": 0, "start": 103, "end": 119}),
        ]
    );
    assert_eq!(lines.len(), 18, "three sentences in each of six paragraphs");
    assert_eq!(lines[17]["block"], 5);
}
