//! A block's label and reasons in plain words for people (issue 14): what
//! it is ("Newsletter sign-up") and why ("labelled 'Advertisement'", "6
//! links to other stories on this site"), from its kind, its reasons and
//! the links it holds. Codes and confidences stay in `reasons`. Each
//! sentence is a message (`src/why.rs`): an id and what it quotes or
//! counts, said in English there and in the user's language by the
//! extension.
//!
//! The one rule that matters most: "Advertisement" and "Sponsored" stand
//! only on advertising evidence, an ad label the reader sees, ad-slot
//! markup, or a sponsor or partner disclosure; everything else that sells
//! or asks gets a label for what it is, or the neutral "Promotion".

use super::evidence;
use crate::cues;
use crate::dom::{Document, NodeId};
use crate::model::{Block, Kind, Label, Quote, Reason, ReasonCode};
use crate::why::{WhyId, WhyMessage};
use url::Url;

/// Sentences of `why` at most.
const MAX_WHY: usize = 3;
/// Quoted words are cut to this many characters.
const MAX_QUOTE_CHARS: usize = 60;
/// Average words per link from which links read as headlines of stories
/// (the classifier's `HEADLINE_WORDS`).
const HEADLINE_WORDS: f64 = 4.0;
/// Block text read for label words when no reason names the block.
const MAX_TEXT_CHARS: usize = 300;
/// Headline links that make a list of stories.
const MIN_STORY_LINKS: usize = 3;

// Word stems, matched at the start of a word of the lower-cased text (a
// trailing space asks for the whole word). They name what a block already
// classified is; they find nothing.

/// Ad labels of paid-for copy rather than of an ad slot.
const SPONSORED_LABEL: &[&str] = &[
    "sponsor",
    "promoted",
    "paid",
    "partner",
    "gesponsert",
    "sponzorov",
    "patrocinado",
    "プロモーション",
    "推广",
];
/// Ad labels that mark where an ad slot sits ("Advertisement - Continue
/// Reading Below"), not what is around them.
const SLOT_MARKER: &[&str] = &["continue", "scroll"];
/// Markup names of ad slots (the advertising names among the promo names).
const AD_NAMES: &[&str] = &[
    "ad ",
    "ads ",
    "adslot",
    "adunit",
    "adbox",
    "adwrap",
    "adcontainer",
    "advert",
    "dfp",
    "gpt ad",
    "google ads",
    "adsense",
    "native ad",
    "anzeige",
    "werbung",
    "publicite",
    "publicidad",
];
/// Markup names of sponsored or partner copy.
const SPONSOR_NAMES: &[&str] = &["sponsor", "partner content", "paid content"];
/// Sponsor and partner disclosures among the promotional phrases.
const SPONSOR_PHRASES: &[&str] = &[
    "sponsored by",
    "in partnership with",
    "presented by",
    "brought to you by",
    "paid for",
    "paid partnership",
    "our partner",
    "our sponsor",
    "from our partner",
    "from our sponsor",
    "advertiser content",
];
const NEWSLETTER: &[&str] = &[
    "newsletter",
    "inbox",
    "mailing list",
    "sign up",
    "signup",
    "e mail",
    "email",
    "inscrivez",
];
const SUBSCRIPTION: &[&str] = &[
    "subscri",
    "member",
    "paywall",
    "unlimited access",
    "free trial",
    "days free",
    "abonn",
    "suscr",
    "assine",
    "assinar",
    "assinatura",
    "předplat",
    "prenumer",
    "premium",
    "digital edition",
    "print edition",
    "订阅",
    "購読",
];
const DONATION: &[&str] = &[
    "donat",
    "spende",
    "generosity",
    "contribution",
    "support ",
    "supporter",
    "unterstütz",
    "soutenez",
    "wesprzyj",
    "funded by",
    "patron",
    "faire un don",
];
const APP: &[&str] = &[
    "app ",
    "apps ",
    "notifications",
    "app promo",
    "app download",
];
const SHARE: &[&str] = &["share", "sharing", "teilen", "partager", "compartir"];
const SOCIAL: &[&str] = &[
    "social",
    "follow",
    "like us",
    "keep up with us",
    "youtube",
    "telegram",
    "whatsapp",
    "facebook",
    "twitter",
    "instagram",
    "tiktok",
    "linkedin",
];
const MOST_READ: &[&str] = &[
    "most ",
    "mostread",
    "mostpopular",
    "popular",
    "trending",
    "meistgelesen",
    "les plus",
    "lo más",
    "más leído",
    "más visto",
    "nejčtenější",
    "mais lid",
    "人気",
    "热门",
];
const NAVIGATION: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "toolbar",
    "topbar",
    "tablist",
    "skip",
    "pagination",
    "pager",
    "back to top",
];
const FOOTER: &[&str] = &["footer", "contentinfo"];
const PAGE_HEADER: &[&str] = &["header", "masthead", "banner"];
const SIDEBAR: &[&str] = &["aside", "complementary", "sidebar"];
const COMMENTS: &[&str] = &[
    "comment",
    "disqus",
    "kommentar",
    "commentaire",
    "comentario",
    "komentář",
    "reply",
];
/// Customer-review widgets (see `segment/reviews.rs`).
const REVIEWS: &[&str] = &["review", "yotpo", "okendo", "jdgm"];
const COOKIES: &[&str] = &["cookie", "consent", "gdpr"];
const TAGS: &[&str] = &[
    "tag ",
    "tags ",
    "tagged",
    "taglist",
    "tag list",
    "schlagw",
    "stichw",
    "etiquetas",
    "mots clés",
    "štítky",
    "filed under",
    "categor",
];
const AUTHOR: &[&str] = &["author", "autor", "bio "];
const COPYRIGHT: &[&str] = &[
    "copyright",
    "all rights reserved",
    "rechte vorbehalten",
    "droits réservés",
    "derechos reservados",
    "direitos reservados",
    "urheberrecht",
];
const LEGAL: &[&str] = &[
    "privacy",
    "terms",
    "impressum",
    "datenschutz",
    "not responsible",
];
const FORM: &[&str] = &["form", "search", "login", "log in"];

/// Text in lower case as ` word word `: words split at anything not a
/// letter or digit, so stems match at word starts.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.extend(w.chars().flat_map(char::to_lowercase));
        out.push(' ');
    }
    out
}

/// Whether `words` (from [`words`]) holds a word starting with one of
/// `stems`.
fn mentions(words: &str, stems: &[&str]) -> bool {
    stems.iter().any(|s| {
        words
            .match_indices(s)
            .any(|(i, _)| i > 0 && words.as_bytes()[i - 1] == b' ')
    })
}

/// Whether a line the reader sees is an ad label.
fn is_ad_label(text: &str) -> bool {
    cues::ad_label().is_match(text.trim())
}

/// The label an ad label gives: paid-for copy or an ad slot.
fn ad_label_kind(text: &str) -> Label {
    if mentions(&words(text), SPONSORED_LABEL) {
        Label::Sponsored
    } else {
        Label::Advertisement
    }
}

/// What a promo's markup name says it is (`None`: nothing more than
/// promotion).
fn promo_markup(name: &str) -> Option<Label> {
    let w = words(name);
    if mentions(&w, AD_NAMES) || evidence::ad_slot_name(name).is_some() {
        return Some(Label::Advertisement);
    }
    if mentions(&w, SPONSOR_NAMES) {
        return Some(Label::Sponsored);
    }
    promo_topic(&w)
}

/// What promotional words say the promotion is for, never advertising
/// (`words` from [`words`]).
fn promo_topic(w: &str) -> Option<Label> {
    [
        (NEWSLETTER, Label::NewsletterSignup),
        (DONATION, Label::DonationAppeal),
        (SUBSCRIPTION, Label::SubscriptionOffer),
        (APP, Label::AppDownload),
        (SHARE, Label::ShareButtons),
        (SOCIAL, Label::SocialLinks),
    ]
    .into_iter()
    .find(|(stems, _)| mentions(w, stems))
    .map(|(_, label)| label)
}

/// What a promotional phrase says: a sponsor or partner disclosure is
/// sponsored, the rest by its topic.
fn promo_words(text: &str) -> Option<Label> {
    let w = words(text);
    if mentions(&w, SPONSOR_PHRASES) {
        return Some(Label::Sponsored);
    }
    promo_topic(&w)
}

/// What a chrome name or line says it is.
fn chrome_words(text: &str) -> Option<Label> {
    if text.contains('©') {
        return Some(Label::Copyright);
    }
    let w = words(text);
    [
        (COOKIES, Label::CookieNotice),
        (COMMENTS, Label::Comments),
        (REVIEWS, Label::CustomerReviews),
        (COPYRIGHT, Label::Copyright),
        (LEGAL, Label::LegalNotice),
        (FOOTER, Label::Footer),
        (SIDEBAR, Label::Sidebar),
        (NAVIGATION, Label::Navigation),
        (PAGE_HEADER, Label::PageHeader),
        (TAGS, Label::Tags),
        (AUTHOR, Label::AboutTheAuthor),
        (FORM, Label::Form),
    ]
    .into_iter()
    .find(|(stems, _)| mentions(&w, stems))
    .map(|(_, label)| label)
}

/// Recirculation under a name or heading: most read, or related stories.
fn related_words(text: &str) -> Label {
    if mentions(&words(text), MOST_READ) {
        Label::MostRead
    } else {
        Label::RelatedStories
    }
}

/// The label one reason gives a block of `kind`, when it says more than
/// the kind's fallback.
fn label_of(kind: Kind, r: &Reason) -> Option<Label> {
    use ReasonCode as C;
    let quote = r.quote.as_ref();
    match (kind, r.code, quote) {
        (Kind::Content, _, _) => Some(Label::Article),
        (
            Kind::Promo,
            C::AdLabel | C::SponsoredCard | C::GovernedByHeading | C::Landmark,
            Some(Quote::Words(w)),
        ) if is_ad_label(w) => Some(ad_label_kind(w)),
        (Kind::Promo, C::ClassPromo | C::Landmark, Some(Quote::Markup(m))) => promo_markup(m),
        (Kind::Promo, C::AdLink, _) => Some(Label::Advertisement),
        (Kind::Promo, C::PromoPhrase | C::CallToAction, Some(Quote::Words(w))) => promo_words(w),
        (Kind::Related, C::PostNavigation, _) => Some(Label::PreviousNext),
        (Kind::Related, C::EditorialTeaser, _) => Some(Label::RelatedStories),
        (
            Kind::Related,
            C::HeadingRelated | C::GovernedByHeading | C::InlineRelated | C::Landmark,
            Some(Quote::Words(w)),
        ) => Some(related_words(w)),
        (Kind::Related, C::ClassRelated, Some(Quote::Markup(m))) => Some(related_words(m)),
        // An aside of links named as related; a bare aside says nothing.
        (Kind::Related, C::Landmark, Some(Quote::Markup(m)))
            if cues::related_attr().is_match(m) =>
        {
            Some(related_words(m))
        }
        (Kind::Boilerplate, C::Credit, _) => Some(Label::PhotoCredit),
        (Kind::Boilerplate, C::Form, _) => Some(Label::Form),
        (Kind::Boilerplate, C::Landmark | C::ClassChrome, Some(Quote::Markup(m))) => {
            chrome_words(m)
        }
        (Kind::Boilerplate, C::HeadingChrome | C::Furniture, Some(Quote::Words(w))) => {
            chrome_words(w)
        }
        _ => None,
    }
}

/// The scheme of a script link, compared without case (a copy of each
/// address in lower case was an allocation per link).
const JAVASCRIPT: &str = "javascript:";

/// The links a block holds: anchors with an address, each once.
fn links(doc: &Document, nodes: &[NodeId]) -> Vec<NodeId> {
    let mut out: Vec<NodeId> = Vec::new();
    for &n in nodes {
        if doc.element(n).is_some() {
            out.extend(doc.find_all(n, "a"));
        } else if let Some(a) = doc.ancestors(n).find(|&a| doc.is(a, "a")) {
            out.push(a);
        }
    }
    out.retain(|&a| {
        doc.attr(a, "href").is_some_and(|h| {
            let h = h.trim();
            // Links within the page and script links go nowhere else.
            !h.is_empty()
                && !h.starts_with('#')
                && !h
                    .get(..JAVASCRIPT.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(JAVASCRIPT))
        })
    });
    crate::sort::sort_by_key_then_id(&mut out, |n| n as u64);
    out.dedup();
    out
}

/// What a block's links are: how many, where they go, how many read as
/// headlines, how many are advertising.
#[derive(Debug, Default)]
struct Links {
    /// Links in all.
    n: usize,
    /// Words of their text.
    words: usize,
    /// Links known to stay on the page's site.
    here: usize,
    /// Links known to leave it.
    away: usize,
    /// Links that read as headlines of stories.
    headlines: usize,
    /// Headline links known to leave the site.
    headlines_away: usize,
    /// Links marked sponsored or leading to an ad server (`evidence.rs`).
    advertising: usize,
}

impl Links {
    fn of(doc: &Document, nodes: &[NodeId], page: Option<&Url>) -> Self {
        let mut l = Links::default();
        for a in links(doc, nodes) {
            let words = doc.shown_text(a).split_whitespace().count();
            let site = crate::address::same_site(doc.attr(a, "href").unwrap_or(""), page);
            let headline = words as f64 >= HEADLINE_WORDS;
            l.n += 1;
            l.words += words;
            l.here += usize::from(site == Some(true));
            l.away += usize::from(site == Some(false));
            l.headlines += usize::from(headline);
            l.headlines_away += usize::from(headline && site == Some(false));
            l.advertising += usize::from(evidence::advertising_link(doc, a));
        }
        l
    }

    /// A list of the site's own stories: several headline links, none
    /// known to leave the site, none advertising. Ads are not lists of a
    /// site's headlines, so an ad label or ad name beside such a list (a
    /// lead-in that governed too much, a slot's "Advertisement - Continue
    /// Reading Below" inside a teaser card: WCXB label pages 0004 and 0133,
    /// heise in the Readability corpus) does not make the list an ad.
    fn site_stories(&self) -> bool {
        self.headlines >= MIN_STORY_LINKS && self.headlines_away == 0 && self.advertising == 0
    }

    /// "6 links to other stories on this site": how many, what they read
    /// like and where they go.
    fn message(&self) -> Option<WhyMessage> {
        use WhyId as W;
        let (n, here, away) = (self.n, self.here, self.away);
        if n == 0 {
            return None;
        }
        let stories = self.words as f64 / n as f64 >= HEADLINE_WORDS;
        let pick = |if_stories: WhyId, if_pages: WhyId| {
            if stories {
                if_stories
            } else {
                if_pages
            }
        };
        Some(if here == n {
            WhyMessage::counting(pick(W::LinksHereStories, W::LinksHerePages), &[n])
        } else if away == n {
            WhyMessage::counting(W::LinksAway, &[n])
        } else if here + away == n {
            // Some known to stay, the rest known to leave (two at least).
            WhyMessage::counting(
                pick(W::LinksSomeHereStories, W::LinksSomeHerePages),
                &[n, here],
            )
        } else {
            WhyMessage::counting(pick(W::LinksStories, W::LinksPages), &[n])
        })
    }
}

/// Quoted words, cut to a readable length (each language adds its own
/// quotation marks).
fn quoted(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= MAX_QUOTE_CHARS {
        return t.to_string();
    }
    let cut: String = t.chars().take(MAX_QUOTE_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// A sentence quoting the page's words.
fn quoting(id: WhyId, text: &str) -> WhyMessage {
    WhyMessage::quoting(id, quoted(text))
}

/// How the markup's name reads: "marked as {what} in the page's code".
fn marked(label: Option<Label>) -> WhyId {
    use WhyId as W;
    match label {
        Some(Label::Advertisement) => W::MarkedAd,
        Some(Label::Sponsored) => W::MarkedSponsored,
        Some(Label::NewsletterSignup) => W::MarkedNewsletter,
        Some(Label::SubscriptionOffer) => W::MarkedSubscription,
        Some(Label::DonationAppeal) => W::MarkedDonation,
        Some(Label::AppDownload) => W::MarkedApp,
        Some(Label::ShareButtons) => W::MarkedShare,
        Some(Label::SocialLinks) => W::MarkedSocial,
        Some(Label::MostRead) => W::MarkedMostRead,
        Some(Label::RelatedStories) => W::MarkedRelated,
        Some(Label::Navigation) => W::MarkedNavigation,
        Some(Label::Footer) => W::MarkedFooter,
        Some(Label::PageHeader) => W::MarkedPageHeader,
        Some(Label::Sidebar) => W::MarkedSidebar,
        Some(Label::Comments) => W::MarkedComments,
        Some(Label::CustomerReviews) => W::MarkedReviews,
        Some(Label::CookieNotice) => W::MarkedCookies,
        Some(Label::Tags) => W::MarkedTags,
        Some(Label::AboutTheAuthor) => W::MarkedAuthor,
        Some(Label::Form) => W::MarkedForm,
        _ => W::MarkedPromotional,
    }
}

/// How a chrome name reads: "marked as the footer in the page's code" for
/// a name people know, else the plain kind. Through [`marked`]'s fallback
/// a `print` or `copyright` class read "marked as promotional": 171
/// boilerplate blocks said so in the survey of issue 14.
fn marked_chrome(name: &str) -> WhyId {
    match chrome_words(name) {
        Some(label) if marked(Some(label)) != WhyId::MarkedPromotional => marked(Some(label)),
        _ => WhyId::KindBoilerplate,
    }
}

/// What a landmark's tag or role is, for people.
fn landmark(name: &str) -> WhyId {
    use WhyId as W;
    match name {
        "nav" | "navigation" | "menu" | "menubar" | "toolbar" | "tablist" => W::LandmarkNavigation,
        "footer" | "contentinfo" => W::LandmarkFooter,
        "header" | "banner" => W::LandmarkHeader,
        "aside" | "complementary" | "role=complementary" => W::LandmarkSidebar,
        "form" => W::LandmarkForm,
        "search" => W::LandmarkSearch,
        "dialog" | "alertdialog" | "alert" => W::LandmarkDialog,
        other => marked_chrome(other),
    }
}

/// One reason as a sentence for people.
fn sentence(kind: Kind, r: &Reason) -> WhyMessage {
    use ReasonCode as C;
    use WhyId as W;
    let words = match &r.quote {
        Some(Quote::Words(w)) => Some(w.as_str()),
        _ => None,
    };
    let markup = match &r.quote {
        Some(Quote::Markup(m)) => Some(m.as_str()),
        _ => None,
    };
    let id = match (r.code, words, markup) {
        (C::AdLabel, Some(w), _) => return quoting(W::Labelled, w),
        (C::SponsoredCard, Some(w), _) => return quoting(W::CardLabelled, w),
        (C::ClassPromo, _, Some(m)) => marked(promo_markup(m)),
        (C::ClassRelated, _, Some(m)) if kind == Kind::Related => marked(Some(related_words(m))),
        (C::ClassRelated, _, _) => W::MarkedRelatedFewLinks,
        (C::ClassChrome, _, Some(m)) => marked_chrome(m),
        (C::Landmark, Some(w), _) if kind == Kind::Promo => return quoting(W::Labelled, w),
        (C::Landmark, Some(w), _) => return quoting(W::Headed, w),
        (C::Landmark, _, Some(m)) if kind == Kind::Promo => marked(promo_markup(m)),
        (C::Landmark, _, Some(m)) if kind == Kind::Related && cues::related_attr().is_match(m) => {
            marked(Some(related_words(m)))
        }
        // A sidebar of links (the classifier's related landmarks are
        // sidebars); any other landmark reads as itself.
        (C::Landmark, _, Some(m)) if kind == Kind::Related => match landmark(m) {
            W::LandmarkSidebar => W::LandmarkSidebarLinks,
            other => other,
        },
        (C::Landmark, _, Some(m)) => landmark(m),
        (C::PromoPhrase, Some(w), _) => return quoting(W::Says, w),
        (C::CallToAction, Some(w), _) => return quoting(W::LinkSaying, w),
        (C::FormSignup, _, _) => W::SignUpForm,
        (C::PromoSection, _, _) => W::PromoSection,
        (C::EditorialTeaser, _, _) => W::EditorialTeaser,
        (C::AdLink, _, _) => W::AdServerLink,
        (C::HeadingRelated | C::HeadingChrome, Some(w), _) => return quoting(W::Headed, w),
        (C::GovernedByHeading, Some(w), _) if kind == Kind::Promo && is_ad_label(w) => {
            return quoting(W::UnderLabel, w)
        }
        (C::GovernedByHeading, Some(w), _) => return quoting(W::UnderHeading, w),
        (C::InlineRelated, Some(w), _) => return quoting(W::PointsToStory, w),
        (C::HeadlineLink, _, _) => W::HeadlineLink,
        (C::PostNavigation, _, _) => W::PreviousNext,
        (C::LinkList | C::LinkDensity, _, _) => W::MostlyLinks,
        (C::MachineText, _, _) => W::MachineText,
        (C::Furniture, Some(w), _) => return quoting(W::LineReading, w),
        (C::Credit, Some(w), _) => return quoting(W::CreditLine, w),
        (C::Form, _, _) => W::SiteTool,
        (C::Hidden, _, _) => W::Hidden,
        (C::ClassNegative, _, _) => W::SetApart,
        (C::ListBox, _, _) => W::ListBox,
        (C::ImageBox, _, _) => W::ImageBox,
        (C::FormBox, _, _) => W::FormBox,
        (C::ShortBox, _, _) => W::ShortBox,
        (C::EmbedBox, _, _) => W::Embed,
        (C::OutsideBody, _, _) => W::OutsideArticle,
        (C::Unclassified, _, _) => W::Unclassified,
        (C::ArticleBody, _, _) => W::ArticleText,
        (C::Headline, _, _) => W::Headline,
        (C::ArticleHeader, _, _) => W::ArticleHeader,
        (C::Dateline, _, _) => W::Dateline,
        (C::Caption, _, _) => W::Caption,
        (C::BetweenBodyParts, _, _) => W::BetweenParts,
        (C::DanglingHeading, _, _) => W::DanglingHeading,
        // Codes without the quote they are read by read as their kind.
        (_, _, _) => kind_sentence(kind),
    };
    WhyMessage::new(id)
}

/// The plainest sentence for a kind.
fn kind_sentence(kind: Kind) -> WhyId {
    match kind {
        Kind::Content => WhyId::KindContent,
        Kind::Promo => WhyId::KindPromo,
        Kind::Related => WhyId::KindRelated,
        Kind::Boilerplate => WhyId::KindBoilerplate,
    }
}

/// Whether a reason's advertising evidence may sit beside the block's
/// main part rather than on it: a label above that governed the block's
/// lines, a slot's "continue reading below" marker, an ad name of an
/// element inside. A label or disclosure on the block itself (a card's
/// "Sponsored", "Presented by ...") is not.
fn beside(r: &Reason) -> bool {
    match (r.code, &r.quote) {
        (ReasonCode::GovernedByHeading | ReasonCode::ClassPromo | ReasonCode::Landmark, _) => true,
        (ReasonCode::AdLabel | ReasonCode::SponsoredCard, Some(Quote::Words(w))) => {
            mentions(&words(w), SLOT_MARKER)
        }
        _ => false,
    }
}

/// Whether the block holds a field asking for an e-mail address.
fn asks_for_email(doc: &Document, nodes: &[NodeId]) -> bool {
    nodes.iter().any(|&n| {
        doc.find_all(n, "input").any(|i| {
            doc.attr(i, "type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
        })
    })
}

/// The block's label and the sentences that say why, for a page at
/// `page` (to tell links to the site from links away).
pub fn describe(doc: &Document, block: &Block, page: Option<&Url>) -> (Label, Vec<WhyMessage>) {
    let kind = block.kind;
    let mut why: Vec<WhyMessage> = Vec::new();
    // Each id reads differently (why.rs tests it), so one message is one
    // sentence.
    let push = |why: &mut Vec<WhyMessage>, m: WhyMessage| {
        if why.len() < MAX_WHY && !why.contains(&m) {
            why.push(m);
        }
    };
    // The article needs no excuse: sentences are for what is taken away
    // (the extension shows them for hidden widgets only). Writing them for
    // every content block cost 210 MB on the 1000x1000 table's million
    // cells (peak 1381 -> 1591 MB, over tests/pathological.rs's bound).
    if kind == Kind::Content {
        return (Label::Article, why);
    }
    let email = asks_for_email(doc, &block.nodes);
    let text_head: String = block.text.chars().take(MAX_TEXT_CHARS).collect();
    let found = Links::of(doc, &block.nodes, page);
    let stories = found.site_stories();
    let label = block
        .reasons
        .iter()
        .find_map(|r| label_of(kind, r).filter(|l| !(stories && l.is_advertising() && beside(r))))
        .or_else(|| match kind {
            // Words of the block itself may name the promotion's topic, or
            // disclose a sponsor; never an ad slot.
            Kind::Promo => promo_words(&text_head)
                .or(email.then_some(Label::NewsletterSignup))
                .or(stories.then_some(Label::RelatedStories)),
            Kind::Boilerplate => {
                mentions(&words(&text_head), COOKIES).then_some(Label::CookieNotice)
            }
            _ => None,
        })
        .unwrap_or(match kind {
            Kind::Promo => Label::Promotion,
            Kind::Related => Label::LinksToOtherPages,
            _ => Label::OtherPageParts,
        });
    let links = found.message();
    // For links to other pages, where they go is the evidence.
    if kind == Kind::Related {
        if let Some(l) = &links {
            push(&mut why, l.clone());
        }
    }
    let mut quoted: Vec<&Quote> = Vec::new();
    for r in &block.reasons {
        // "mostly links" says less than the count.
        if links.is_some() && matches!(r.code, ReasonCode::LinkList | ReasonCode::LinkDensity) {
            continue;
        }
        // A heading and the lines it governs quote the same words: once.
        if let Some(q) = &r.quote {
            if quoted.contains(&q) {
                continue;
            }
            quoted.push(q);
        }
        push(&mut why, sentence(kind, r));
    }
    if email {
        push(&mut why, WhyMessage::new(WhyId::AsksForEmail));
    }
    if let Some(l) = links {
        push(&mut why, l);
    }
    (label, why)
}

#[cfg(test)]
mod tests;
