//! The two fronts agree in real browsers: a page parsed by the browser's
//! `DOMParser`, flattened by `js/snapshot.js` and analysed by
//! `analyze_snapshot` must give the blocks `analyze_text` gives for the same
//! HTML string (html5ever). Fixtures must agree fully; the corpora, served
//! over HTTP by `scripts/browser-agreement.sh`, on ≥ 99% of blocks (the
//! figure is defined in `tests/support/agreement.rs` at the root).
//!
//! Run through `scripts/browser-agreement.sh` (Chromium, then Firefox). The
//! corpus test reads `DECLUTTER_CORPUS_URL` at compile time: the server's
//! base URL, under which `index.json` lists the pages.
#![cfg(target_arch = "wasm32")]

#[path = "../../../tests/support/agreement.rs"]
mod agreement;

use agreement::{compare, pairs, report, CorpusAgreement, Pair};
use declutter::{analyze_snapshot, analyze_text, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/js/snapshot.js")]
extern "C" {
    /// The shipped walker: `{ops, strings, nodes, url}` of a Document.
    fn snapshot(root: &web_sys::Document) -> JsValue;
}

/// The corpus agreement every corpus must reach.
const CORPUS_FLOOR: f64 = 0.99;

/// Small pages for each place the two parsers or the walker could part.
const SUBTLETIES: &[(&str, &str)] = &[
    (
        "page hidden until its script runs",
        "<body><div style='visibility:hidden'><main><h1>Headline of the story</h1><p>First \
         paragraph of the article, long enough to be prose, with commas, clauses, and more \
         words than a caption has.</p><p>Second paragraph of the article, long enough to be \
         prose, with commas, clauses, and more words than a caption has.</p><p>Third \
         paragraph of the article, long enough to be prose, with commas, clauses, and more \
         words than a caption has.</p><p>Fourth paragraph of the article, long enough to be \
         prose, with commas, clauses, and more words than a caption has.</p><p>Fifth paragraph \
         of the article, long enough to be prose, with commas, clauses, and more words than a \
         caption has.</p><p>Sixth paragraph of the article, long enough to be prose, with \
         commas, clauses, and more words than a caption has.</p></main></div>\
         <div hidden><p>Cookie notice.</p></div></body>",
    ),
    (
        "noscript in head and body",
        "<html><head><title>T</title><noscript><link rel=stylesheet href=x.css></noscript></head>\
         <body><h1>Headline of the story</h1><noscript><p>Enable JavaScript to read this site.</p>\
         <img src=a.jpg></noscript><p>First paragraph of the article, long enough to be prose, \
         with commas, clauses, and more words than a caption has.</p></body></html>",
    ),
    (
        "template contents",
        "<body><article><h1>Title here</h1><template><p>Template text never shown, \
         however long it is, with commas, and clauses.</p></template><p>Article text, long \
         enough to count as prose, with commas, clauses, and words.</p></article></body>",
    ),
    (
        "comments and whitespace",
        "<!doctype html><!-- a --><html> <head> <!-- b --> </head>\n<body>\n <main>\n  <p>Words \
         <!-- c --> split by a comment, with commas, and enough of them to be prose.</p>\n  \
         <p>  Second   paragraph\n with odd   spacing, and commas, and clauses.  </p>\n </main>\n</body></html>",
    ),
    (
        "select with markup in options",
        "<body><form action=/search><label>Sort</label><select name=s><option>Newest <b>first</b>\
         </option><optgroup label=g><option>Oldest</option></optgroup><div>loose</div></select>\
         <button>Go</button></form><p>Body text of the page, long enough to be prose, with commas, \
         clauses, and words.</p></body>",
    ),
    (
        "svg, mathml and tables",
        "<body><p>Before <svg><title>icon</title><text>T</text></svg> after, with commas, and \
         words.</p><table><tr><td>cell one</td><td>cell two</td></tr></table><math><mi>x</mi></math>\
         <p>Table text <table><td>implied</table> done.</p></body>",
    ),
];

/// Parses `html` with the browser and analyses the walker's snapshot.
fn browser_blocks(html: &str) -> Result<Vec<Pair>, String> {
    let parser = web_sys::DomParser::new().map_err(|e| format!("DOMParser: {e:?}"))?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(|e| format!("parseFromString: {e:?}"))?;
    let snap = snapshot(&doc);
    let get = |key: &str| js_sys::Reflect::get(&snap, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let ops = js_sys::Uint32Array::new(&get("ops")).to_vec();
    let strings = get("strings")
        .as_string()
        .ok_or("snapshot gave no strings")?;
    let (analysis, _) = analyze_snapshot(&ops, &strings, &Options::default())
        .map_err(|e| format!("snapshot front: {e}"))?;
    Ok(pairs(&analysis.blocks))
}

/// The html5ever front on the same string.
fn html_blocks(html: &str) -> Result<Vec<Pair>, String> {
    analyze_text(html, &Options::default())
        .map(|a| pairs(&a.blocks))
        .map_err(|e| format!("html front: {e}"))
}

/// Compares the fronts on one page into `corpus`.
fn tally(corpus: &mut CorpusAgreement, page: &str, html: &str) {
    match (html_blocks(html), browser_blocks(html)) {
        (Ok(a), Ok(b)) => corpus.pages.push(compare(page, &a, &b)),
        // Both refusing the page (not HTML, empty) is agreement too.
        (Err(_), Err(_)) => {}
        (Err(e), _) | (_, Err(e)) => corpus.failures.push(format!("{page}: {e}")),
    }
}

#[wasm_bindgen_test]
fn fixtures_agree_fully() {
    let mut corpus = CorpusAgreement::new("fixtures");
    tally(
        &mut corpus,
        "fixtures/seed-news-page.html",
        include_str!("../../../../shared/fixtures/seed-news-page.html"),
    );
    for (name, html) in SUBTLETIES {
        tally(&mut corpus, name, html);
    }
    let text = report(std::slice::from_ref(&corpus), 10);
    console_log!("{text}");
    assert_eq!(corpus.pages.len(), SUBTLETIES.len() + 1, "{text}");
    assert!(corpus.failures.is_empty(), "{text}");
    assert!(corpus.pages.iter().all(|p| p.matched == p.total), "{text}");
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("fetch {url}: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a Response")?;
    if !response.ok() {
        return Err(format!("fetch {url}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| format!("{url}: {e:?}"))?;
    JsFuture::from(text)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?
        .as_string()
        .ok_or_else(|| format!("{url}: body is not text"))
}

#[wasm_bindgen_test]
async fn corpus_pages_agree_on_99_percent_of_blocks() {
    // Checked at run time, not with env!: the fixture test needs no server.
    let Some(base) = option_env!("DECLUTTER_CORPUS_URL") else {
        panic!(
            "DECLUTTER_CORPUS_URL was not set at build time: run scripts/browser-agreement.sh, \
             which serves the corpus and sets it"
        );
    };
    let base = base.trim_end_matches('/');
    let index = fetch_text(&format!("{base}/index.json"))
        .await
        .unwrap_or_else(|e| panic!("the corpus index: {e} (is the corpus server running?)"));
    let index: serde_json::Value = serde_json::from_str(&index).expect("index.json parses");
    let index = index.as_object().expect("index.json: {corpus: [paths]}");
    let mut corpora = Vec::new();
    for (name, paths) in index {
        let mut corpus = CorpusAgreement::new(name);
        for path in paths.as_array().expect("a list of paths") {
            let path = path.as_str().expect("a path");
            match fetch_text(&format!("{base}/{path}")).await {
                Ok(html) => tally(&mut corpus, path, &html),
                Err(e) => corpus.failures.push(e),
            }
        }
        corpora.push(corpus);
    }
    let text = report(&corpora, 10);
    console_log!("{text}");
    assert!(!corpora.is_empty(), "index.json lists no corpus");
    for c in &corpora {
        assert!(!c.pages.is_empty(), "{}: no page compared\n{text}", c.name);
        assert!(c.failures.is_empty(), "{text}");
        assert!(
            c.ratio() >= CORPUS_FLOOR,
            "{} below {CORPUS_FLOOR}\n{text}",
            c.name
        );
    }
}
