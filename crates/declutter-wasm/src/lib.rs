//! The wasm adapter: the only crate that knows it runs in a browser. It
//! turns the core's results into plain JavaScript objects and its errors into
//! exceptions; `js/declutter.js` builds the public API on top. It reads
//! pages only as snapshots (a live DOM, or HTML text the separate module
//! `crates/declutter-wasm-html` parsed): no HTML parser in it. Off wasm32
//! the crate is empty.
#![cfg(target_arch = "wasm32")]

use declutter::{Analysis, Article, Block, Kind, Label, Options, PageType, Reason, WhyMessage};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[cfg(feature = "websys-walker")]
mod walker;

thread_local! {
    /// The message of the last panic, for the JavaScript side to report
    /// after the trap that follows it (wasm aborts on panic).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

// Talc instead of the default dlmalloc: allocation and freeing were a tenth
// of the wasm time in a Chromium profile.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook once, when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// The message of the panic behind the last trap, if there was one.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow_mut().take())
}

/// A made-up news page with a story, a figure, an ad, a sign-up prompt,
/// related and trending lists, menu and footer: what a real page makes the
/// core compile and build on first use.
const WARM_UP_PAGE: &str = "<html lang=en><head><title>A sample story - Example News</title>\
<meta property=og:site_name content='Example News'></head><body>\
<header class=site-header><nav class=menu><ul><li><a href=/s1>World</a></li><li><a href=/s2>Business</a></li></ul></nav></header>\
<article class=post><h1>A sample story that warms the reader up</h1><p class=byline>By A. Writer, 1 January 2024</p>\
<p>The first paragraph of a story says what happened, to whom, and why it matters to the reader today.</p>\
<figure><img src=/a.jpg alt='A photo'><figcaption>A caption with its credit.</figcaption></figure>\
<p>A second paragraph carries on with quotes, numbers and the context a reader needs to follow along.</p>\
<div class='ad-slot advertisement'><span>Advertisement</span></div>\
<p>Sign up for our free daily newsletter and never miss a story. Learn more</p>\
<p><strong>More related stories:</strong></p><ul><li><a href=/r1>A related headline about the news of the day</a></li>\
<li><a href=/r2>Another related headline about the news</a></li></ul>\
<p>A last paragraph ends the story with what comes next and where to read the full report.</p></article>\
<aside class='sidebar trending'><h3>Trending</h3><ul><li><a href=/t1>A trending headline number one</a></li>\
<li><a href=/t2>A trending headline number two</a></li></ul></aside><form><input type=email></form>\
<footer><p>© 2024 Example News. All rights reserved. Privacy Policy</p></footer></body></html>";

/// Analyses the made-up page, read by the core's small markup reader (this
/// module has no HTML parser) and handed over as a snapshot, so the first
/// real analysis does not pay for the lazily compiled code and the first
/// states of the cue automata (the cue patterns themselves are compiled at
/// build time, see the core's build.rs).
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() -> Result<(), JsError> {
    let options = options(Some("https://example.com/news/sample-story".into()))?;
    let doc = declutter::markup::parse_fragment(WARM_UP_PAGE);
    let (ops, strings) = declutter::snapshot::encode(&doc);
    declutter::analyze_snapshot(&ops, &strings, &options).map_err(to_js)?;
    Ok(())
}

/// Analyses a DOM snapshot from `snapshot.js` (or from the HTML module,
/// `crates/declutter-wasm-html`, for `analyzeHtml`); blocks name their
/// nodes by index into the walker's node list.
#[wasm_bindgen(js_name = analyzeSnapshot)]
pub fn analyze_snapshot(
    ops: &[u32],
    strings: &str,
    url: Option<String>,
) -> Result<JsValue, JsError> {
    let options = options(url)?;
    let (analysis, built) = declutter::analyze_snapshot(ops, strings, &options).map_err(to_js)?;
    let view = AnalysisView::new(&analysis, |block| {
        block.nodes.iter().filter_map(|&n| built.index(n)).collect()
    });
    to_value(&view)
}

/// Analyses a live node by walking it with web-sys calls, one per node:
/// kept only to measure against the JavaScript walker (feature
/// `websys-walker`).
#[cfg(feature = "websys-walker")]
#[wasm_bindgen(js_name = analyzeNodeWebSys)]
pub fn analyze_node_web_sys(root: &web_sys::Node, url: Option<String>) -> Result<JsValue, JsError> {
    let options = options(url)?;
    let doc = walker::read(root);
    let analysis = declutter::analyze_document(&doc, &options);
    to_value(&AnalysisView::new(&analysis, |_| Vec::new()))
}

/// Only reads a live node into the core's document with web-sys calls and
/// returns its node count: the read half of `analyzeNodeWebSys`, to time
/// against the JavaScript walker alone (feature `websys-walker`).
#[cfg(feature = "websys-walker")]
#[wasm_bindgen(js_name = readNodeWebSys)]
pub fn read_node_web_sys(root: &web_sys::Node) -> usize {
    walker::read(root).len()
}

fn options(url: Option<String>) -> Result<Options, JsError> {
    let url = url.as_deref().map(str::trim).unwrap_or("");
    if url.is_empty() {
        return Ok(Options::default());
    }
    let options = Options::with_url(url).map_err(to_js)?;
    // Pages from disk, `about:blank` or `blob:` give no base worth
    // resolving against; their links stay as written.
    let web = options
        .url
        .as_ref()
        .is_some_and(|u| matches!(u.scheme(), "http" | "https"));
    Ok(if web { options } else { Options::default() })
}

/// A confidence as people write it: f32's widening to a JavaScript number
/// would show 0.800000011920929.
fn rounded(c: f32) -> f64 {
    (f64::from(c) * 1000.0).round() / 1000.0
}

fn to_js(e: declutter::Error) -> JsError {
    JsError::new(&format!("declutter: {e}"))
}

fn to_value<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("declutter: could not hand over the result: {e}")))
}

/// The analysis as JavaScript sees it: camelCase keys, nodes as indexes.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnalysisView<'a> {
    blocks: Vec<BlockView<'a>>,
    article: ArticleView<'a>,
    page_type: PageType,
    page_type_evidence: &'a [String],
}

impl<'a> AnalysisView<'a> {
    fn new(analysis: &'a Analysis, nodes: impl Fn(&Block) -> Vec<u32>) -> Self {
        AnalysisView {
            blocks: analysis
                .blocks
                .iter()
                .map(|b| BlockView {
                    kind: b.kind,
                    confidence: rounded(b.confidence),
                    reasons: &b.reasons,
                    label: b.label,
                    why: &b.why,
                    why_messages: &b.why_messages,
                    text: &b.text,
                    nodes: nodes(b),
                })
                .collect(),
            article: ArticleView::from(&analysis.article),
            page_type: analysis.page_type,
            page_type_evidence: &analysis.page_type_evidence,
        }
    }
}

#[derive(Serialize)]
struct BlockView<'a> {
    kind: Kind,
    confidence: f64,
    reasons: &'a [Reason],
    label: Label,
    why: &'a [String],
    #[serde(rename = "whyMessages")]
    why_messages: &'a [WhyMessage],
    text: &'a str,
    nodes: Vec<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArticleView<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site_name: Option<&'a str>,
    lang: Option<&'a str>,
    dir: Option<&'a str>,
    excerpt: Option<&'a str>,
    lead_image: Option<&'a str>,
    content_html: &'a str,
    text: &'a str,
    word_count: usize,
    reading_minutes: u32,
}

impl<'a> From<&'a Article> for ArticleView<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleView {
            title: a.title.as_deref(),
            byline: a.byline.as_deref(),
            published: a.published.as_deref(),
            site_name: a.site_name.as_deref(),
            lang: a.lang.as_deref(),
            dir: a.dir.as_deref(),
            excerpt: a.excerpt.as_deref(),
            lead_image: a.lead_image.as_deref(),
            content_html: &a.content_html,
            text: &a.text,
            word_count: a.word_count,
            reading_minutes: a.reading_minutes,
        }
    }
}
