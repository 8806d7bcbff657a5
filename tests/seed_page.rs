//! The page the product exists for: every labelled snippet of the seed
//! fixture must land in a block of its labelled kind, and none of the promo
//! or related snippets may reach the article text.

#[path = "support/shared.rs"]
mod shared;
use declutter::{analyze_html, Kind, Options};
use serde_json::Value;
use shared::shared;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed_labels() -> Vec<(Kind, String)> {
    let raw =
        std::fs::read_to_string(shared().join("corpus/blocks/labels.json")).expect("labels.json");
    let pages: Value = serde_json::from_str(&raw).expect("labels.json parses");
    let page = pages
        .as_array()
        .expect("a list of pages")
        .iter()
        .find(|p| p["page"] == "seed-news-page")
        .expect("the seed page is labelled");
    page["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            let kind = Kind::parse(b["kind"].as_str().unwrap_or("")).expect("a known kind");
            (kind, collapse(b["text"].as_str().unwrap_or("")))
        })
        .collect()
}

fn analyze_seed() -> declutter::Analysis {
    let bytes = std::fs::read(shared().join("fixtures/seed-news-page.html")).expect("seed page");
    let options =
        Options::with_url("https://www.wwiii.news/2023-08-01-russia-china-kim-parade.html")
            .unwrap();
    analyze_html(&bytes, &options).expect("the seed page analyses")
}

#[test]
fn every_labelled_snippet_gets_its_kind() {
    let labels = seed_labels();
    assert_eq!(labels.len(), 23, "the seed page has 23 labelled snippets");
    let analysis = analyze_seed();
    let mut wrong = Vec::new();
    for (kind, text) in &labels {
        let got = analysis
            .blocks
            .iter()
            .find(|b| collapse(&b.text).contains(text.as_str()))
            .map(|b| b.kind);
        if got != Some(*kind) {
            wrong.push(format!("{text:?}: labelled {kind:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "misclassified:\n{}", wrong.join("\n"));
}

#[test]
fn promo_and_related_stay_out_of_the_article() {
    let analysis = analyze_seed();
    let text = collapse(&analysis.article.text);
    for (kind, snippet) in seed_labels() {
        match kind {
            Kind::Promo | Kind::Related => assert!(
                !text.contains(&snippet),
                "{kind:?} snippet leaked into the article: {snippet:?}"
            ),
            Kind::Content => {}
            Kind::Boilerplate => {
                assert!(!text.contains(&snippet), "boilerplate leaked: {snippet:?}")
            }
        }
    }
    assert!(text.contains("Both Pyongyang and Moscow denied the allegations"));
}

#[test]
fn the_image_ad_with_no_text_is_an_advertisement_out_of_the_article() {
    // `div.AdBanner#top-leaderboard`: one linked image, no text; leaves are
    // runs of text, so it made no block before src/segment/ad_slots.rs.
    let analysis = analyze_seed();
    let slot = analysis
        .blocks
        .iter()
        .find(|b| b.text.contains("Emergency food supply"))
        .expect("a block for the top leaderboard");
    assert_eq!(slot.kind, Kind::Promo);
    assert_eq!(slot.label.as_str(), "Advertisement");
}

#[test]
fn blocks_give_readable_reasons() {
    let analysis = analyze_seed();
    let jase = analysis
        .blocks
        .iter()
        .find(|b| b.text.contains("Our partners at Jase Medical"))
        .expect("the Jase Medical block");
    assert!(
        jase.reasons
            .iter()
            .any(|r| r.detail.contains("Our partners at")),
        "{:?}",
        jase.reasons
    );
    let related = analysis
        .blocks
        .iter()
        .find(|b| b.text.contains("More related stories:"))
        .expect("the related list");
    assert!(
        related
            .reasons
            .iter()
            .any(|r| r.detail == "heading 'More related stories:'"),
        "{:?}",
        related.reasons
    );
    assert!(analysis
        .blocks
        .iter()
        .all(|b| (0.0..=1.0).contains(&b.confidence)));
}
