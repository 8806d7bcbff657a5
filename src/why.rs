//! The reasons people read for a block, as messages (issue 14, items 2 and
//! 8): each sentence of a block's `why` is a stable [`WhyId`] and what it
//! quotes from the page or counts ([`WhyArg`]), so that a front speaking
//! another language (the extension's `_locales`, `why_<id>` messages) can
//! say it in its own words. [`WhyMessage::english`] is the English the
//! library and the CLI give as `why`.
//!
//! The ids are public API, like the reason codes: the JSON's
//! `why_messages` (`whyMessages` in the wasm package). `src/why-ids.json`
//! lists them for the extension's check that each has a message in every
//! language (`extension/locales.test.js`); a test here keeps it current.

use serde::{Serialize, Serializer};
use std::fmt;

/// What kind of argument a message takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WhyArgKind {
    /// Words of the page ([`WhyArg::Text`]).
    Text,
    /// A count ([`WhyArg::Count`]); a message whose first argument is a
    /// count has a form for one and one for more.
    Count,
}

/// Declares [`WhyId`], its list, its stable ids and its arguments from one
/// table: `Variant = "id" [argument kinds],`.
macro_rules! why_ids {
    ($($(#[doc = $doc:literal])* $variant:ident = $id:literal [$($arg:ident),*],)*) => {
        /// Which sentence a reason is: one variant per sentence people may
        /// read. Serialised as its stable snake_case id (`labelled`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum WhyId {
            $($(#[doc = $doc])* $variant,)*
        }

        impl WhyId {
            /// Every id, in the order of the table.
            pub const ALL: &'static [WhyId] = &[$(WhyId::$variant,)*];

            /// The stable id, e.g. `links_here_stories`: what the JSON
            /// carries, and the extension's message `why_<id>`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(WhyId::$variant => $id,)*
                }
            }

            /// What its arguments are, in order.
            pub fn arg_kinds(self) -> &'static [WhyArgKind] {
                match self {
                    $(WhyId::$variant => &[$(WhyArgKind::$arg),*],)*
                }
            }
        }
    };
}

why_ids! {
    // Where a block's links go (a count, and for `links_some_here_*` how
    // many of them stay on the site): "6 links to other stories on this
    // site", "a link to another site".
    /// Links that all stay on the site, reading as headlines of stories.
    LinksHereStories = "links_here_stories" [Count],
    /// Links that all stay on the site.
    LinksHerePages = "links_here_pages" [Count],
    /// Links that all leave the site.
    LinksAway = "links_away" [Count],
    /// Headline links, some of them (the second count) on the site.
    LinksSomeHereStories = "links_some_here_stories" [Count, Count],
    /// Links, some of them (the second count) on the site.
    LinksSomeHerePages = "links_some_here_pages" [Count, Count],
    /// Headline links, where they go unknown (a page without an address).
    LinksStories = "links_stories" [Count],
    /// Links, where they go unknown.
    LinksPages = "links_pages" [Count],

    // Words of the page, quoted (the one argument).
    /// "labelled 'Advertisement'".
    Labelled = "labelled" [Text],
    /// "a card labelled 'Sponsored'".
    CardLabelled = "card_labelled" [Text],
    /// "headed 'Most popular'".
    Headed = "headed" [Text],
    /// "says 'Sign up for'": a promotional phrase.
    Says = "says" [Text],
    /// "a link saying 'Subscribe'".
    LinkSaying = "link_saying" [Text],
    /// "under the label 'Anzeige'".
    UnderLabel = "under_label" [Text],
    /// "under the heading 'More stories'".
    UnderHeading = "under_heading" [Text],
    /// "a line pointing to another story: 'Read more: ...'".
    PointsToStory = "points_to_story" [Text],
    /// "a line reading '© 2024'".
    LineReading = "line_reading" [Text],
    /// "a credit line: 'Photo: Getty'".
    CreditLine = "credit_line" [Text],

    // What the page's markup calls it: "marked as an ad in the page's code".
    /// Marked as an ad.
    MarkedAd = "marked_ad" [],
    /// Marked as sponsored.
    MarkedSponsored = "marked_sponsored" [],
    /// Marked as a newsletter box.
    MarkedNewsletter = "marked_newsletter" [],
    /// Marked as a subscription offer.
    MarkedSubscription = "marked_subscription" [],
    /// Marked as a donation appeal.
    MarkedDonation = "marked_donation" [],
    /// Marked as an app prompt.
    MarkedApp = "marked_app" [],
    /// Marked as share buttons.
    MarkedShare = "marked_share" [],
    /// Marked as social links.
    MarkedSocial = "marked_social" [],
    /// Marked as a most-read list.
    MarkedMostRead = "marked_most_read" [],
    /// Marked as related links.
    MarkedRelated = "marked_related" [],
    /// Marked as navigation.
    MarkedNavigation = "marked_navigation" [],
    /// Marked as the footer.
    MarkedFooter = "marked_footer" [],
    /// Marked as the page header.
    MarkedPageHeader = "marked_page_header" [],
    /// Marked as a sidebar.
    MarkedSidebar = "marked_sidebar" [],
    /// Marked as comments.
    MarkedComments = "marked_comments" [],
    /// Marked as customer reviews.
    MarkedReviews = "marked_reviews" [],
    /// Marked as a cookie notice.
    MarkedCookies = "marked_cookies" [],
    /// Marked as tags.
    MarkedTags = "marked_tags" [],
    /// Marked as an author box.
    MarkedAuthor = "marked_author" [],
    /// Marked as a form.
    MarkedForm = "marked_form" [],
    /// Marked as promotional (a name that says no more).
    MarkedPromotional = "marked_promotional" [],
    /// Named as related links, but with few links.
    MarkedRelatedFewLinks = "marked_related_few_links" [],

    // Landmark elements and roles.
    /// The page's navigation (`<nav>`, `role=navigation`, a menu).
    LandmarkNavigation = "landmark_navigation" [],
    /// The page's footer.
    LandmarkFooter = "landmark_footer" [],
    /// The page's header.
    LandmarkHeader = "landmark_header" [],
    /// A sidebar (`<aside>`, `role=complementary`).
    LandmarkSidebar = "landmark_sidebar" [],
    /// A sidebar that is mostly links.
    LandmarkSidebarLinks = "landmark_sidebar_links" [],
    /// A form.
    LandmarkForm = "landmark_form" [],
    /// A search form.
    LandmarkSearch = "landmark_search" [],
    /// A pop-up or alert.
    LandmarkDialog = "landmark_dialog" [],

    // Evidence that quotes nothing.
    /// A sign-up form.
    SignUpForm = "sign_up_form" [],
    /// It asks for an e-mail address.
    AsksForEmail = "asks_for_email" [],
    /// A closing section with several promotional phrases.
    PromoSection = "promo_section" [],
    /// Links to other stories, with no sign of advertising.
    EditorialTeaser = "editorial_teaser" [],
    /// An image or frame leading to an ad server.
    AdServerLink = "ad_server_link" [],
    /// A headline link to another story.
    HeadlineLink = "headline_link" [],
    /// A link to the previous or next article.
    PreviousNext = "previous_next" [],
    /// Mostly links.
    MostlyLinks = "mostly_links" [],
    /// Addresses and ids, not text to read.
    MachineText = "machine_text" [],
    /// A site tool: a form such as search or log-in.
    SiteTool = "site_tool" [],
    /// Hidden until a script shows it.
    Hidden = "hidden" [],
    /// Set apart from the story by the page's code.
    SetApart = "set_apart" [],
    /// A list set apart from the story.
    ListBox = "list_box" [],
    /// A box of pictures.
    ImageBox = "image_box" [],
    /// A box of form fields.
    FormBox = "form_box" [],
    /// A small box set apart from the story.
    ShortBox = "short_box" [],
    /// Embedded media.
    Embed = "embed" [],
    /// Outside the article.
    OutsideArticle = "outside_article" [],
    /// Nothing marks it as part of the article.
    Unclassified = "unclassified" [],

    // The article's own parts (reasons of content; content blocks get no
    // sentences today, but a reason may still name them).
    /// Part of the article text.
    ArticleText = "article_text" [],
    /// The article's headline.
    Headline = "headline" [],
    /// Part of the article's header.
    ArticleHeader = "article_header" [],
    /// The byline or date.
    Dateline = "dateline" [],
    /// A picture's caption.
    Caption = "caption" [],
    /// Text between parts of the article.
    BetweenParts = "between_parts" [],
    /// A heading over no article text.
    DanglingHeading = "dangling_heading" [],

    // The plainest sentence for each kind, when a reason says no more.
    /// Part of the article.
    KindContent = "kind_content" [],
    /// Promotional.
    KindPromo = "kind_promo" [],
    /// Links to other pages.
    KindRelated = "kind_related" [],
    /// Part of the site around the article.
    KindBoilerplate = "kind_boilerplate" [],
}

impl fmt::Display for WhyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for WhyId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What a reason quotes or counts. Serialised as a JSON string or number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyArg {
    /// Words as the page wrote them (cut to a readable length, ending in
    /// `…` then), without quotation marks: each language adds its own.
    Text(String),
    /// A count.
    Count(usize),
}

impl Serialize for WhyArg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            WhyArg::Text(t) => serializer.serialize_str(t),
            WhyArg::Count(n) => serializer.serialize_u64(*n as u64),
        }
    }
}

/// One reason people read: which sentence, and what it quotes or counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhyMessage {
    /// Which sentence.
    pub id: WhyId,
    /// What it quotes or counts, in the order the sentence uses them.
    pub args: Vec<WhyArg>,
}

impl WhyMessage {
    /// A sentence that quotes and counts nothing.
    pub fn new(id: WhyId) -> Self {
        WhyMessage {
            id,
            args: Vec::new(),
        }
    }

    /// A sentence quoting the page's words.
    pub fn quoting(id: WhyId, text: impl Into<String>) -> Self {
        WhyMessage {
            id,
            args: vec![WhyArg::Text(text.into())],
        }
    }

    /// A sentence with counts.
    pub fn counting(id: WhyId, counts: &[usize]) -> Self {
        WhyMessage {
            id,
            args: counts.iter().map(|&n| WhyArg::Count(n)).collect(),
        }
    }

    /// The sentence in English, e.g. `labelled 'Advertisement'`.
    pub fn english(&self) -> String {
        use WhyId as W;
        let quote = || match self.args.first() {
            Some(WhyArg::Text(t)) => format!("'{t}'"),
            Some(WhyArg::Count(n)) => format!("'{n}'"),
            None => "''".to_string(),
        };
        let count = |i: usize| match self.args.get(i) {
            Some(WhyArg::Count(n)) => *n,
            _ => 0,
        };
        // One pattern for each family of sentences rather than a sentence
        // for each id, so that the messages grow the wasm little.
        // "labelled 'Advertisement'": the words before the quote.
        let said = |before: &str| format!("{before} {}", quote());
        // "marked as {what} in the page's code".
        let marked = |what: &str| format!("marked as {what} in the page's code");
        // "a link to ..." for one, "{n} links to ..." for more.
        let links = |one: &str, many: &str| match count(0) {
            1 => format!("a link to {one}"),
            n => format!("{n} links to {many}"),
        };
        let some_here = |many: &str| {
            format!(
                "{} links to {many}, {} of them on this site",
                count(0),
                count(1)
            )
        };
        let plain = match self.id {
            W::LinksHereStories => {
                return links("another story on this site", "other stories on this site")
            }
            W::LinksHerePages => {
                return links("another page on this site", "other pages on this site")
            }
            W::LinksAway => return links("another site", "other sites"),
            W::LinksSomeHereStories => return some_here("other stories"),
            W::LinksSomeHerePages => return some_here("other pages"),
            W::LinksStories => return links("another story", "other stories"),
            W::LinksPages => return links("another page", "other pages"),
            W::Labelled => return said("labelled"),
            W::CardLabelled => return said("a card labelled"),
            W::Headed => return said("headed"),
            W::Says => return said("says"),
            W::LinkSaying => return said("a link saying"),
            W::UnderLabel => return said("under the label"),
            W::UnderHeading => return said("under the heading"),
            W::PointsToStory => return said("a line pointing to another story:"),
            W::LineReading => return said("a line reading"),
            W::CreditLine => return said("a credit line:"),
            W::MarkedAd => return marked("an ad"),
            W::MarkedSponsored => return marked("sponsored"),
            W::MarkedNewsletter => return marked("a newsletter box"),
            W::MarkedSubscription => return marked("a subscription offer"),
            W::MarkedDonation => return marked("a donation appeal"),
            W::MarkedApp => return marked("an app prompt"),
            W::MarkedShare => return marked("share buttons"),
            W::MarkedSocial => return marked("social links"),
            W::MarkedMostRead => return marked("a most-read list"),
            W::MarkedRelated => return marked("related links"),
            W::MarkedNavigation => return marked("navigation"),
            W::MarkedFooter => return marked("the footer"),
            W::MarkedPageHeader => return marked("the page header"),
            W::MarkedSidebar => return marked("a sidebar"),
            W::MarkedComments => return marked("comments"),
            W::MarkedReviews => return marked("customer reviews"),
            W::MarkedCookies => return marked("a cookie notice"),
            W::MarkedTags => return marked("tags"),
            W::MarkedAuthor => return marked("an author box"),
            W::MarkedForm => return marked("a form"),
            W::MarkedPromotional => return marked("promotional"),
            W::MarkedRelatedFewLinks => "marked as related links, but with few links",
            W::LandmarkNavigation => "the page's navigation",
            W::LandmarkFooter => "the page's footer",
            W::LandmarkHeader => "the page's header",
            W::LandmarkSidebar => "a sidebar",
            W::LandmarkSidebarLinks => "a sidebar, mostly links",
            W::LandmarkForm => "a form",
            W::LandmarkSearch => "a search form",
            W::LandmarkDialog => "a pop-up or alert",
            W::SignUpForm => "a sign-up form",
            W::AsksForEmail => "asks for an e-mail address",
            W::PromoSection => "a closing section with several promotional phrases",
            W::EditorialTeaser => "links to other stories, with no sign of advertising",
            W::AdServerLink => "a link to an ad server",
            W::HeadlineLink => "a headline link to another story",
            W::PreviousNext => "a link to the previous or next article",
            W::MostlyLinks => "mostly links",
            W::MachineText => "web addresses and ids, not text to read",
            W::SiteTool => "a form, such as search or log-in",
            W::Hidden => "hidden until a script shows it",
            W::SetApart => "set apart from the story by the page's code",
            W::ListBox => "a list set apart from the story",
            W::ImageBox => "a box of pictures",
            W::FormBox => "a box of form fields",
            W::ShortBox => "a small box set apart from the story",
            W::Embed => "embedded media",
            W::OutsideArticle => "outside the article",
            W::Unclassified => "nothing marks it as part of the article",
            W::ArticleText => "part of the article text",
            W::Headline => "the article's headline",
            W::ArticleHeader => "part of the article's header",
            W::Dateline => "the byline or date",
            W::Caption => "a picture's caption",
            W::BetweenParts => "text between parts of the article",
            W::DanglingHeading => "a heading over no article text",
            W::KindContent => "part of the article",
            W::KindPromo => "promotional",
            W::KindRelated => "links to other pages",
            W::KindBoilerplate => "part of the site around the article",
        };
        plain.to_string()
    }
}

impl fmt::Display for WhyMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The checked-in list of ids and their arguments, which the
    /// extension's test reads.
    const IDS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/why-ids.json");

    /// The list `IDS_FILE` must hold.
    fn ids_json() -> String {
        #[derive(Serialize)]
        struct Entry {
            id: &'static str,
            args: &'static [WhyArgKind],
        }
        let entries: Vec<Entry> = WhyId::ALL
            .iter()
            .map(|&i| Entry {
                id: i.as_str(),
                args: i.arg_kinds(),
            })
            .collect();
        // One entry a line: a new id is a one-line change.
        let lines: Vec<String> = entries
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect();
        format!("[\n  {}\n]\n", lines.join(",\n  "))
    }

    /// A message for `id` with arguments of the kinds it takes.
    fn sample(id: WhyId) -> WhyMessage {
        let mut n = 3;
        let args = id
            .arg_kinds()
            .iter()
            .map(|k| match k {
                WhyArgKind::Text => WhyArg::Text("Quoted words".into()),
                WhyArgKind::Count => {
                    n -= 1;
                    WhyArg::Count(n + 1)
                }
            })
            .collect();
        WhyMessage { id, args }
    }

    #[test]
    fn the_checked_in_list_of_ids_is_current() {
        let want = ids_json();
        let have = std::fs::read_to_string(IDS_FILE).unwrap_or_default();
        assert!(
            have == want,
            "{IDS_FILE} must list every WhyId with its arguments (the \
             extension's locales.test.js checks that each has a message in \
             every language); write it as:\n{want}"
        );
    }

    #[test]
    fn ids_are_unique_message_names() {
        let mut seen = HashSet::new();
        for id in WhyId::ALL {
            let s = id.as_str();
            // Chrome's message names: ASCII letters, digits, underscores.
            assert!(
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{s}"
            );
            assert!(seen.insert(s), "{s} twice");
        }
    }

    #[test]
    fn each_id_reads_differently_in_english_and_shows_what_it_quotes() {
        // `label::describe` drops a sentence it already has by its message:
        // two ids reading the same would show one sentence twice.
        let mut seen = HashSet::new();
        for &id in WhyId::ALL {
            let m = sample(id);
            let english = m.english();
            assert!(seen.insert(english.clone()), "{id}: {english}");
            for arg in &m.args {
                let shown = match arg {
                    WhyArg::Text(t) => format!("'{t}'"),
                    WhyArg::Count(n) => n.to_string(),
                };
                // A count of one reads "a link", not "1 link".
                assert!(
                    english.contains(&shown) || *arg == WhyArg::Count(1),
                    "{id}: {english}"
                );
            }
        }
    }

    #[test]
    fn messages_serialise_as_id_and_args() {
        let m = WhyMessage::quoting(WhyId::Labelled, "Advertisement");
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"id":"labelled","args":["Advertisement"]}"#
        );
        let m = WhyMessage::counting(WhyId::LinksSomeHereStories, &[6, 2]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"id":"links_some_here_stories","args":[6,2]}"#
        );
        assert_eq!(
            m.english(),
            "6 links to other stories, 2 of them on this site"
        );
        assert_eq!(
            WhyMessage::counting(WhyId::LinksAway, &[1]).english(),
            "a link to another site"
        );
    }
}
