//! Vocabulary cues: the word lists of src/cues/lists.rs, each
//! loaded as the forward NFA build.rs compiled from it (and the reverse one
//! derived from it) and searched by regex-automata's lazy DFA, the engine the `regex` crate used
//! here before: the same leftmost-first matches in the same linear time, no
//! regex compile at run time (it cost 110-160 ms on first use in the
//! browser, issue 15).
//!
//! One vocabulary for every stage (issue 12): metadata reads bylines and
//! dates with it, segmentation reads widgets with it, so it belongs to
//! neither.

mod nfa_codec;
#[cfg(test)]
mod pattern;
mod prefilter;
#[cfg(test)]
mod required;
mod reverse;
mod roles;
#[cfg(test)]
mod split;
use prefilter::Prefilter;
use regex_automata::hybrid::dfa::{Cache, Config, DFA};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};
pub use roles::{chrome_landmark_role, chrome_role, readability_unlikely_role};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// One cue list: its patterns that count runs of characters, compiled
/// apart (src/cues/split.rs), and the others. Each part is searched alone
/// and the match that starts first taken, the main part's on a tie (which
/// split.rs makes the whole list's leftmost-first match).
pub struct Cue {
    main: Part,
    apart: Part,
}

impl Cue {
    /// The list whose parts build.rs wrote (an empty part: no patterns).
    const fn new(main: Part, apart: Part) -> Self {
        Cue { main, apart }
    }

    /// The parts' automata for `s` (`None` for a part `s` cannot match).
    fn searchers(&self, s: &str) -> [Option<&Searcher>; 2] {
        [self.main.searcher(s), self.apart.searcher(s)]
    }

    /// The first match in `s` at or after `from`, given `s`'s searchers.
    fn find_at(searchers: [Option<&Searcher>; 2], s: &str, from: usize) -> Option<Range<usize>> {
        let [main, apart] = searchers;
        let main = main.and_then(|p| p.find_at(s, from));
        // A match of the other part wins only by starting first.
        if main.as_ref().is_some_and(|m| m.start == from) {
            return main;
        }
        match (main, apart.and_then(|p| p.find_at(s, from))) {
            (Some(m), Some(a)) if a.start < m.start => Some(a),
            (Some(m), _) => Some(m),
            (None, a) => a,
        }
    }

    /// The first matching cue in `s`, if any.
    pub fn find<'a>(&self, s: &'a str) -> Option<&'a str> {
        Self::find_at(self.searchers(s), s, 0).map(|m| &s[m])
    }

    /// `s` with every cue removed.
    pub fn remove_all<'a>(&self, s: &'a str) -> Cow<'a, str> {
        let searchers = self.searchers(s);
        let mut kept = String::new();
        let mut last = 0;
        while let Some(m) = Self::find_at(searchers, s, last) {
            if m.is_empty() {
                // No cue matches the empty string (the lists' tests).
                break;
            }
            kept.push_str(&s[last..m.start]);
            last = m.end;
        }
        if last == 0 {
            return Cow::Borrowed(s);
        }
        kept.push_str(&s[last..]);
        Cow::Owned(kept)
    }

    /// Whether any cue matches `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.main.searcher(s).is_some_and(|p| p.is_match(s))
            || self.apart.searcher(s).is_some_and(|p| p.is_match(s))
    }
}

/// One part of a list: the check of its literals, read on first use, and
/// its automata, loaded on the first text that passes the check. Built in a
/// `static`, so the lists share one instance of each loading function (a
/// `OnceLock<Cue>` per list made 22 copies: 6.5 KB of wasm).
struct Part {
    literals: &'static [u8],
    forward: &'static [u8],
    check: OnceLock<Option<Prefilter>>,
    searcher: OnceLock<Searcher>,
}

impl Part {
    /// The part whose literals and forward NFA build.rs wrote.
    const fn new(literals: &'static [u8], forward: &'static [u8]) -> Self {
        Part {
            literals,
            forward,
            check: OnceLock::new(),
            searcher: OnceLock::new(),
        }
    }

    /// The part's automata for `s`, or `None` when the part is empty or
    /// `s` holds none of the literals every match contains.
    fn searcher(&self, s: &str) -> Option<&Searcher> {
        if self.forward.is_empty() {
            return None;
        }
        let check = self.check.get_or_init(|| Prefilter::load(self.literals));
        if check.as_ref().is_some_and(|c| !c.may_match(s)) {
            return None;
        }
        Some(self.searcher.get_or_init(|| Searcher::load(self.forward)))
    }
}

/// A lazy DFA and one search cache per thread at a time, as the `regex`
/// crate keeps.
struct Lazy {
    dfa: Arc<DFA>,
    caches: Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>,
}

impl Lazy {
    fn new(config: Config, nfa: NFA) -> Self {
        let dfa = Arc::new(
            DFA::builder()
                .configure(config)
                .build_from_nfa(nfa)
                .unwrap_or_else(|_| panic!("cue NFAs fit the lazy DFA")),
        );
        let for_cache = Arc::clone(&dfa);
        Lazy {
            dfa,
            caches: Pool::new(Box::new(move || for_cache.create_cache())),
        }
    }
}

/// A list's automata: the forward DFA finds where a match ends; the
/// reverse one, built on the first match (src/cues/reverse.rs), where it
/// starts. Building the reverse NFA was two thirds of loading a list, and
/// most lists match no text of a page (issue 15, first use).
struct Searcher {
    forward: Lazy,
    /// Whether every match starts where the search does (a `^` list): its
    /// start needs no reverse search.
    anchored: bool,
    reverse: OnceLock<Lazy>,
}

impl Searcher {
    /// The list whose forward NFA build.rs wrote.
    fn load(forward: &[u8]) -> Self {
        let nfa = nfa_codec::decode(forward);
        Searcher {
            anchored: nfa.is_always_start_anchored(),
            forward: Lazy::new(DFA::config(), nfa),
            reverse: OnceLock::new(),
        }
    }

    /// The leftmost-first match in `s` at or after `from`, as the `regex`
    /// crate finds it (`hybrid::regex::Regex::try_search`, whose steps
    /// these are). Finding a start by anchored searches from each position
    /// instead of the reverse DFA saved 25 KB of gzipped wasm but was
    /// quadratic on some texts (a long run of digits for `date_word`).
    fn find_at(&self, s: &str, from: usize) -> Option<Range<usize>> {
        let input = Input::new(s).span(from..s.len());
        let end = self
            .forward
            .dfa
            .try_search_fwd(&mut self.forward.caches.get(), &input)
            .unwrap_or_else(|_| panic!("cue DFAs never quit"))?
            .offset();
        if end == from || self.anchored {
            return Some(from..end);
        }
        let reverse = self.reverse.get_or_init(|| {
            // Configured as `hybrid::regex::Builder` configures its reverse
            // DFA.
            let config = DFA::config()
                .prefilter(None)
                .specialize_start_states(false)
                .match_kind(MatchKind::All);
            Lazy::new(config, reverse::reverse(self.forward.dfa.get_nfa()))
        });
        let back = input
            .span(from..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        let start = reverse
            .dfa
            .try_search_rev(&mut reverse.caches.get(), &back)
            .unwrap_or_else(|_| panic!("cue DFAs never quit"))
            .unwrap_or_else(|| panic!("a forward match has a start"))
            .offset();
        Some(start..end)
    }

    fn is_match(&self, s: &str) -> bool {
        let input = Input::new(s).earliest(true);
        self.forward
            .dfa
            .try_search_fwd(&mut self.forward.caches.get(), &input)
            .unwrap_or_else(|_| panic!("cue DFAs never quit"))
            .is_some()
    }
}

/// Each list of lists.rs as a function returning it; its literals are
/// read on first use, its automata loaded on the first text that may match.
macro_rules! cue_lists {
    ($( $(#[$doc:meta])* $name:ident, anchored = $anchored:expr, [$($p:expr),* $(,)?]; )*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static Cue {
                static CUE: Cue = Cue::new(
                    Part::new(
                        include_bytes!(concat!(env!("OUT_DIR"), "/cue_", stringify!($name), ".lit")),
                        include_bytes!(concat!(env!("OUT_DIR"), "/cue_", stringify!($name), ".fwd")),
                    ),
                    Part::new(
                        include_bytes!(concat!(env!("OUT_DIR"), "/cue_", stringify!($name), ".apart.lit")),
                        include_bytes!(concat!(env!("OUT_DIR"), "/cue_", stringify!($name), ".apart.fwd")),
                    ),
                );
                &CUE
            }
        )*

        /// A list by its name in lists.rs.
        #[cfg(test)]
        fn by_name(name: &str) -> &'static Cue {
            match name {
                $( stringify!($name) => $name(), )*
                _ => panic!("no list {name}"),
            }
        }
    };
}
include!("lists.rs");

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists as data, as build.rs reads them.
    mod source {
        macro_rules! cue_lists {
            ($( $(#[$doc:meta])* $name:ident, anchored = $anchored:expr, [$($p:expr),* $(,)?]; )*) => {
                pub const LISTS: &[(&str, bool, &[&str])] = &[ $( (stringify!($name), $anchored, &[$($p),*]) ),* ];
            };
        }
        include!("lists.rs");
    }

    /// Every list as the `regex` crate compiled it at run time before
    /// build.rs did (the pattern build.rs builds for it).
    fn regex_of(name: &str) -> regex::Regex {
        let (_, anchored, patterns) = source::LISTS.iter().find(|l| l.0 == name).expect("a list");
        regex::Regex::new(&pattern::list_pattern(patterns, *anchored)).expect("valid list")
    }

    #[test]
    fn loaded_lists_match_as_the_regex_crate_did() {
        let cues: Vec<(&str, &Cue)> = source::LISTS
            .iter()
            .map(|(name, _, _)| (*name, by_name(name)))
            .collect();
        // Unicode case folding (ß, the Kelvin sign, long s, accented
        // capitals), Unicode \s (no-break space) and \d (Devanagari
        // digits), overlapping alternatives, anchors and counted runs.
        let texts = [
            "Advertisement",
            "ADVERTISEMENT - Scroll",
            "Anzeige · Partner",
            "Sponsored by Acme Corp",
            "Some Brand Name sponsored",
            "Story continues below advertisement",
            "ad",
            "Ads",
            "You may also like",
            "MORE TOP STORIES",
            "More Local News headlines",
            "WEITERE BEITRÄGE",
            "Das könnte Sie auch interessieren",
            "À LIRE AUSSI",
            "LO MÁS LEÍDO",
            "Související články",
            "关联 相关新闻",
            "関連記事",
            "Read more: the story",
            "Lesen Sie auch: Anderes",
            "Our partners at Jase Medical offer",
            "Subscribe\u{a0}today for 50% off",
            "Join 10,000+ readers",
            "Follow The Gleaner on Twitter",
            "follow him on Twitter",
            "Get the NYT app now",
            "Try Premium free",
            "ready for more?",
            "Jetzt abonnieren",
            "JEDERZEIT KÜNDBAR",
            "ſubscribe now",
            "\u{212a}eep up with us on X",
            "Copyright © 2023 Example",
            "Comments (12)",
            "Tags: politics, world",
            "Schlagwörter\u{a0}: Berlin",
            "Foto: Getty Images",
            "(REUTERS/Jane Doe)",
            "Bild via dpa",
            "The photo shows a cat. (Photo: AP)",
            "Updated 12 March 2024, 14:05 GMT",
            "Veröffentlicht am 3. März 2024 um 10:00 Uhr",
            "2024年3月12日 14時05分",
            "१२ March",
            "12.03.2024",
            "Mo., 12. Feb. 2024",
            "social-share__button",
            "inline-ad",
            "article-share m-0",
            "most-shared link-flow",
            "header-shadow",
            "related-posts sidebar",
            "nav-main footer",
            "author-bio",
            "photo_desc",
            "navigation",
            "main",
            "Learn more about the Jase Case",
            "Mehr erfahren",
            "Shop now",
            "og:title",
            " OG : Title ",
            "article:author twitter:title",
            "dc.creator",
            "weibo:article:title",
            "twitter-description",
            "byline author-name",
            "2024-03-12",
            "2024-03-12T14:05:09.5+01:00",
            "2024-03-12t14:05z",
            "२०२४-03-12",
            "2024-3-12",
            "",
            " ",
            "a",
            "This entry was posted in News. Bookmark the permalink.",
            // The patterns that count runs of characters (searched apart:
            // src/cues/split.rs), alone and with others before and after.
            "Add Example News as a preferred source on Google",
            "Keep us free and independent: sign up for it.",
            "Sign up for it, and keep this site free and independent.",
            "Exclusive to our premium subscribers",
            "The winter issue, featuring new fiction",
            "A note from our founder and editor",
            "Join the Example Readers board",
            "Try Example Plus",
            "Join 10,000 happy readers",
            "More from the Example desk: local headlines",
            "Over 5,000 teams use it and trust us",
            "Follow The Example Daily on Twitter",
            "Get the app app",
            "Home Page Sponsored",
        ];
        for (name, cue) in cues {
            let re = regex_of(name);
            for t in texts {
                assert_eq!(cue.is_match(t), re.is_match(t), "{name} is_match {t:?}");
                assert_eq!(
                    cue.find(t),
                    re.find(t).map(|m| m.as_str()),
                    "{name} find {t:?}"
                );
                assert_eq!(
                    cue.remove_all(t),
                    re.replace_all(t, ""),
                    "{name} remove_all {t:?}"
                );
            }
        }
    }

    /// Every list, checked and searched, answers as the `regex` crate did
    /// on every text and attribute value of the fixture pages (the check
    /// must never hide a match: src/cues/prefilter.rs).
    #[test]
    fn the_literal_check_hides_no_match_on_the_fixture_pages() {
        let mut texts = std::collections::BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("the fixtures folder") {
                let path = entry.expect("a fixture").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "html") {
                    let page = std::fs::read_to_string(&path).expect("a fixture page");
                    for piece in page.split(['<', '>', '"', '\'', '=']) {
                        let piece = piece.trim();
                        if !piece.is_empty() && piece.len() < 400 {
                            texts.insert(piece.to_string());
                        }
                    }
                }
            }
        }
        assert!(texts.len() > 1000, "{} texts", texts.len());
        for (name, _, _) in source::LISTS {
            let (cue, re) = (by_name(name), regex_of(name));
            for t in &texts {
                assert_eq!(
                    cue.find(t),
                    re.find(t).map(|m| m.as_str()),
                    "{name} find {t:?}"
                );
            }
        }
    }

    /// promo_text as its `static` is, before any use.
    fn promo_text_afresh() -> Cue {
        Cue::new(
            Part::new(
                include_bytes!(concat!(env!("OUT_DIR"), "/cue_promo_text.lit")),
                include_bytes!(concat!(env!("OUT_DIR"), "/cue_promo_text.fwd")),
            ),
            Part::new(
                include_bytes!(concat!(env!("OUT_DIR"), "/cue_promo_text.apart.lit")),
                include_bytes!(concat!(env!("OUT_DIR"), "/cue_promo_text.apart.fwd")),
            ),
        )
    }

    /// The patterns that count runs of characters are searched apart
    /// (src/cues/split.rs), and the match that starts first wins.
    #[test]
    fn counting_patterns_are_searched_apart() {
        let cue = promo_text_afresh();
        let text = "Keep this site free and independent";
        assert_eq!(cue.find(text), Some(text));
        assert!(cue.apart.searcher.get().is_some());
        let both = "Sign up for it, and keep this site free and independent.";
        assert_eq!(cue.find(both), Some("Sign up for"));
        let first = "Keep us free and independent: sign up for it.";
        assert_eq!(cue.find(first), Some("Keep us free and independent"));
        assert_eq!(cue.remove_all(first), ":  it.");
        // The promo lists' counting patterns all went apart; related_heading's
        // stays, as a later pattern may start with any digit
        // (`^\d+ related`), so where it starts says nothing.
        for (name, kept) in [("promo_text", 0), ("promo_weak", 0), ("related_heading", 1)] {
            let (_, _, patterns) = source::LISTS.iter().find(|l| l.0 == name).expect("a list");
            let (_, apart) = split::split(patterns);
            let counting: Vec<&str> = patterns
                .iter()
                .copied()
                .filter(|p| {
                    ["{1,20}", "{1,24}", "{1,30}", "{2,30}"]
                        .iter()
                        .any(|c| p.contains(c))
                })
                .collect();
            assert_eq!(apart, counting[kept..], "{name}");
        }
    }

    #[test]
    fn automata_load_only_for_texts_that_may_match() {
        let cue = promo_text_afresh();
        assert!(!cue.is_match("A story about the city council's budget vote."));
        assert_eq!(cue.find("No offer here"), None);
        assert!(cue.main.searcher.get().is_none(), "no text held a literal");
        // "sign up " is in the text, but no cue: loaded, searched, no match.
        assert!(!cue.is_match("They sign up volunteers."));
        let searcher = cue
            .main
            .searcher
            .get()
            .expect("loaded for a text that may match");
        assert!(cue.is_match("Sign up for our newsletter"));
        assert!(searcher.reverse.get().is_none(), "is_match needs no start");
        assert_eq!(cue.find("Please sign up for it"), Some("sign up for"));
        assert!(searcher.reverse.get().is_some(), "a match's start needs it");
    }

    #[test]
    fn lists_compile_and_match_their_cues() {
        assert!(related_heading().is_match("You may also like"));
        assert!(related_heading().is_match("More related stories:"));
        assert!(related_heading().is_match("Lesen Sie auch"));
        assert!(!related_heading().is_match("The related question is open"));
        assert!(ad_label().is_match("Advertisement"));
        assert!(!ad_label().is_match("Advertisement revenue fell"));
        assert_eq!(
            promo_text().find("Our partners at Jase Medical offer"),
            Some("Our partners at")
        );
        assert!(call_to_action().is_match("Learn more about the Jase Case"));
        assert!(promo_attr().is_match("inline-ad"));
        assert!(promo_attr().is_match("social-share__button"));
        assert!(promo_attr().is_match("article-share m-0"));
        assert!(!promo_attr().is_match("most-shared link-flow"));
        assert!(!promo_attr().is_match("header-shadow"));
        assert!(!promo_attr().is_match("loading"));
        assert!(boilerplate_text().is_match("Copyright © 2023 Example"));
        // Skip links name where they go (toptal.com's "Skip to Navigation"
        // and "Skip to Footer" read as the first lines of its page).
        for t in [
            "Skip to main content",
            "Skip to Navigation",
            "Jump to footer",
        ] {
            assert!(boilerplate_text().is_match(t), "{t}");
        }
        assert!(!boilerplate_text().is_match("Skip to the good part: the recipe"));
        for t in [
            "This entry was posted in News. Bookmark the permalink.",
            "Hier können Sie den Artikel bewerten",
            "Category : Press Releases",
            "(Noch keine Bewertungen)",
        ] {
            assert!(boilerplate_text().is_match(t), "{t}");
        }
        for t in [
            "Anzeige, enthält Affiliate Links",
            "If you enjoyed reading this post, please share it.",
            "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
            "Follow The Gleaner on Twitter and Instagram",
        ] {
            assert!(promo_text().is_match(t), "{t}");
        }
        // An author's bio is not the publication's promotion.
        assert!(!promo_text().is_match("Follow him on Twitter @someone"));
        assert!(!boilerplate_text().is_match("The category: a short story"));
        assert!(chrome_role("navigation"));
        assert!(chrome_role("Navigation"));
        assert!(!chrome_role("main"));
        assert!(readability_unlikely_role("navigation"));
        assert!(!readability_unlikely_role("banner"));
        assert!(!readability_unlikely_role("Navigation"));
        assert!(chrome_role("TabList") && chrome_role("contentinfo"));
        assert!(chrome_landmark_role("dialog") && !chrome_landmark_role("menu"));
    }
}
