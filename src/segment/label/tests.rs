//! Tests of the labels and their sentences.

use super::*;
use crate::parse::parse_html;

fn block(kind: Kind, reasons: Vec<Reason>) -> Block {
    Block {
        kind,
        text: String::new(),
        confidence: 0.8,
        reasons,
        label: Label::OtherPageParts,
        why: Vec::new(),
        why_messages: Vec::new(),
        nodes: Vec::new(),
    }
}

/// `describe` with its sentences in English.
fn described(d: &Document, b: &Block, page: Option<&Url>) -> (Label, Vec<String>) {
    let (label, why) = describe(d, b, page);
    (label, why.iter().map(WhyMessage::english).collect())
}

fn label(kind: Kind, reason: Reason) -> (Label, Vec<String>) {
    let d = parse_html("<p>x</p>");
    described(&d, &block(kind, vec![reason]), None)
}

#[test]
fn ad_labels_and_ad_slots_are_advertising() {
    let r =
        Reason::new(ReasonCode::AdLabel, "label 'Advertisement'").quoting_words("Advertisement");
    assert_eq!(
        label(Kind::Promo, r),
        (
            Label::Advertisement,
            vec!["labelled 'Advertisement'".to_string()]
        )
    );
    let r = Reason::new(ReasonCode::AdLabel, "").quoting_words("InnoGames Sponsored");
    assert_eq!(label(Kind::Promo, r).0, Label::Sponsored);
    let r = Reason::new(ReasonCode::ClassPromo, "").quoting_markup("-ad-");
    assert_eq!(label(Kind::Promo, r).0, Label::Advertisement);
    let r = Reason::new(ReasonCode::ClassPromo, "").quoting_markup("advert");
    assert_eq!(
        label(Kind::Promo, r).1,
        vec!["marked as an ad in the page's code".to_string()]
    );
    let r = Reason::new(ReasonCode::PromoPhrase, "").quoting_words("Sponsored by");
    assert_eq!(label(Kind::Promo, r).0, Label::Sponsored);
}

#[test]
fn promotion_without_advertising_evidence_is_named_for_what_it_is() {
    for (reason, want) in [
        (
            Reason::new(ReasonCode::ClassPromo, "").quoting_markup("-share-"),
            Label::ShareButtons,
        ),
        (
            Reason::new(ReasonCode::ClassPromo, "").quoting_markup("newsletter"),
            Label::NewsletterSignup,
        ),
        (
            Reason::new(ReasonCode::PromoPhrase, "").quoting_words("Subscribe now"),
            Label::SubscriptionOffer,
        ),
        (
            Reason::new(ReasonCode::PromoPhrase, "").quoting_words("Follow us on"),
            Label::SocialLinks,
        ),
        (
            Reason::new(ReasonCode::ClassPromo, "").quoting_markup("promo"),
            Label::Promotion,
        ),
        // A word that starts like an ad name is not one.
        (
            Reason::new(ReasonCode::ClassPromo, "").quoting_markup("address-promo"),
            Label::Promotion,
        ),
        // An ad-block appeal mentions ads but is not one.
        (
            Reason::new(ReasonCode::PromoPhrase, "").quoting_words("turn off your ad blocker"),
            Label::Promotion,
        ),
        // Lines under a related heading are not advertising.
        (
            Reason::new(ReasonCode::GovernedByHeading, "").quoting_words("More stories"),
            Label::Promotion,
        ),
        (
            Reason::new(ReasonCode::LinkDensity, "link density 0.8"),
            Label::Promotion,
        ),
    ] {
        assert_eq!(label(Kind::Promo, reason.clone()).0, want, "{reason:?}");
    }
}

#[test]
fn no_reason_without_advertising_evidence_says_advertisement_or_sponsored() {
    // Every code, quoting words and names that carry no advertising; but
    // `ad-link`, which is given only for a link to an ad server.
    for code in ReasonCode::ALL
        .into_iter()
        .filter(|&c| c != ReasonCode::AdLink)
    {
        for quote in [
            None,
            Some(Quote::Words("More stories".into())),
            Some(Quote::Words("Sign up for our newsletter".into())),
            Some(Quote::Markup("promo".into())),
            Some(Quote::Markup("share".into())),
            Some(Quote::Markup("nav".into())),
        ] {
            for kind in Kind::ALL {
                let mut r = Reason::new(code, "detail");
                r.quote = quote.clone();
                let got = label(kind, r).0;
                assert!(
                    !got.is_advertising(),
                    "{code:?} {quote:?} {kind:?}: {got:?}"
                );
            }
        }
    }
}

#[test]
fn related_and_chrome_are_named_by_their_heading_or_markup() {
    let r = Reason::new(ReasonCode::HeadingRelated, "").quoting_words("Most popular");
    assert_eq!(
        label(Kind::Related, r),
        (Label::MostRead, vec!["headed 'Most popular'".to_string()])
    );
    let r = Reason::new(ReasonCode::HeadingRelated, "").quoting_words("You may also like");
    assert_eq!(label(Kind::Related, r).0, Label::RelatedStories);
    let r = Reason::new(ReasonCode::LinkList, "");
    assert_eq!(label(Kind::Related, r).0, Label::LinksToOtherPages);
    for (name, want) in [
        ("nav", Label::Navigation),
        ("footer", Label::Footer),
        ("contentinfo", Label::Footer),
        ("comment", Label::Comments),
        ("cookie", Label::CookieNotice),
        ("breadcrumb", Label::Navigation),
        ("print", Label::OtherPageParts),
    ] {
        let r = Reason::new(ReasonCode::ClassChrome, "").quoting_markup(name);
        assert_eq!(label(Kind::Boilerplate, r).0, want, "{name}");
    }
    let r = Reason::new(ReasonCode::Furniture, "").quoting_words("© 2024 Example");
    assert_eq!(label(Kind::Boilerplate, r).0, Label::Copyright);
    let r = Reason::new(ReasonCode::Landmark, "").quoting_markup("nav");
    assert_eq!(
        label(Kind::Boilerplate, r).1,
        vec!["the page's navigation".to_string()]
    );
}

#[test]
fn why_counts_the_links_and_where_they_go() {
    let d = parse_html(
        "<ul id=l><li><a href=/a>One long headline about other things</a></li>\
         <li><a href=https://example.com/b>Another long headline about more things</a></li>\
         <li><a href=https://other.org/c>Third long headline about many things</a></li>\
         <li><a href=#top>Top</a></li></ul>",
    );
    let ul = d.find(d.body(), "ul").unwrap();
    let mut b = block(Kind::Related, vec![Reason::new(ReasonCode::LinkList, "")]);
    b.nodes = vec![ul];
    let page = Url::parse("https://www.example.com/story").unwrap();
    let (l, why) = described(&d, &b, Some(&page));
    assert_eq!(l, Label::LinksToOtherPages);
    assert_eq!(
        why,
        vec!["3 links to other stories, 2 of them on this site"]
    );
    let (_, why) = described(&d, &b, None);
    assert_eq!(why, vec!["3 links to other stories"]);
}

#[test]
fn a_list_of_the_site_s_stories_is_not_called_an_ad() {
    let teasers = "<li><a href=/a>One long headline about other things</a></li>\
                   <li><a href=/b>Another long headline about more things</a></li>\
                   <li><a href=/c>Third long headline about many things</a></li>";
    let page = Url::parse("https://example.com/story").unwrap();
    let label_by = |code: ReasonCode, html: &str, quote: &str| {
        let d = parse_html(html);
        let ul = d.find(d.body(), "ul").unwrap();
        let reason = Reason::new(code, "").quoting_words(quote);
        let mut b = block(Kind::Promo, vec![reason]);
        b.nodes = vec![ul];
        described(&d, &b, Some(&page))
    };
    let label = |html: &str, quote: &str| label_by(ReasonCode::GovernedByHeading, html, quote);
    let (l, why) = label(&format!("<ul>{teasers}</ul>"), "Anzeige");
    assert_eq!(l, Label::RelatedStories);
    assert_eq!(
        why,
        vec![
            "under the label 'Anzeige'",
            "3 links to other stories on this site"
        ]
    );
    // Headlines to other sites, or an ad server's link, stay an ad.
    let away = teasers.replace("href=/", "href=https://shop.example.org/");
    assert_eq!(
        label(&format!("<ul>{away}</ul>"), "Anzeige").0,
        Label::Advertisement
    );
    let served = format!("<ul>{teasers}<li><a href=https://ad.doubleclick.net/x>Buy</a></li></ul>");
    assert_eq!(label(&served, "Sponsored").0, Label::Sponsored);
    // A disclosure or label on the list itself stays, a slot's marker
    // does not.
    let list = format!("<ul>{teasers}</ul>");
    let by = |code, quote| label_by(code, &list, quote).0;
    assert_eq!(
        by(ReasonCode::PromoPhrase, "Presented by"),
        Label::Sponsored
    );
    assert_eq!(by(ReasonCode::SponsoredCard, "Sponsored"), Label::Sponsored);
    assert_eq!(
        by(
            ReasonCode::SponsoredCard,
            "Advertisement - Continue Reading Below"
        ),
        Label::RelatedStories
    );
}

#[test]
fn a_sign_up_form_is_a_newsletter_sign_up() {
    let d = parse_html("<form><p>Weekly picks</p><input type=email></form>");
    let form = d.find(d.body(), "form").unwrap();
    let mut b = block(
        Kind::Promo,
        vec![Reason::new(ReasonCode::FormSignup, "sign-up form")],
    );
    b.nodes = vec![form];
    b.text = "Weekly picks".into();
    let (l, why) = described(&d, &b, None);
    assert_eq!(l, Label::NewsletterSignup);
    assert_eq!(why, vec!["a sign-up form", "asks for an e-mail address"]);
}

#[test]
fn quotes_are_cut() {
    let long = "word ".repeat(30);
    let q = quoted(&long);
    assert!(
        q.ends_with("…") && q.chars().count() <= MAX_QUOTE_CHARS + 1,
        "{q}"
    );
}

#[test]
fn sentences_are_messages_quoting_the_page_s_words_and_counting() {
    let d = parse_html("<p>x</p>");
    let r = Reason::new(ReasonCode::AdLabel, "").quoting_words(" Anzeige ");
    let (_, why) = describe(&d, &block(Kind::Promo, vec![r]), None);
    assert_eq!(why, vec![WhyMessage::quoting(WhyId::Labelled, "Anzeige")]);
    // A sidebar of links says so.
    let r = Reason::new(ReasonCode::Landmark, "").quoting_markup("aside");
    let (_, why) = describe(&d, &block(Kind::Related, vec![r]), None);
    assert_eq!(why, vec![WhyMessage::new(WhyId::LandmarkSidebarLinks)]);
    assert_eq!(why[0].english(), "a sidebar, mostly links");
    let d = parse_html(
        "<ul><li><a href=/a>One long headline about other things</a></li>\
         <li><a href=https://other.org/b>Another long headline about more things</a></li></ul>",
    );
    let mut b = block(Kind::Related, vec![Reason::new(ReasonCode::LinkList, "")]);
    b.nodes = vec![d.find(d.body(), "ul").unwrap()];
    let page = Url::parse("https://example.com/story").unwrap();
    let (_, why) = describe(&d, &b, Some(&page));
    assert_eq!(
        why,
        vec![WhyMessage::counting(WhyId::LinksSomeHereStories, &[2, 1])]
    );
}

#[test]
fn chrome_names_people_do_not_know_read_as_the_kind_not_as_promotional() {
    for (code, name) in [
        (ReasonCode::ClassChrome, "print"),
        (ReasonCode::ClassChrome, "copyright"),
        (ReasonCode::Landmark, "region"),
    ] {
        let r = Reason::new(code, "detail").quoting_markup(name);
        let (_, why) = label(Kind::Boilerplate, r);
        assert_eq!(
            why,
            vec!["part of the site around the article".to_string()],
            "{name}"
        );
    }
    let r = Reason::new(ReasonCode::ClassChrome, "detail").quoting_markup("site-footer");
    assert_eq!(
        label(Kind::Boilerplate, r).1,
        vec!["marked as the footer in the page's code".to_string()]
    );
}
