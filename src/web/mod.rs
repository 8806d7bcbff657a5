//! The wasm adapter: the only module that knows it runs in a browser. It
//! turns the core's results into plain JavaScript objects and its errors into
//! exceptions; `src/js/declutter.js` builds the public API on top.

use crate::model::{Analysis, Article, Block, Kind, Reason};
use crate::Options;
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

/// Analyses a DOM snapshot from `snapshot.js`; blocks name their nodes by
/// index into the walker's node list.
#[wasm_bindgen(js_name = analyzeSnapshot)]
pub fn analyze_snapshot(
    ops: &[u32],
    strings: &str,
    url: Option<String>,
) -> Result<JsValue, JsError> {
    let options = options(url)?;
    let (analysis, built) = crate::analyze_snapshot(ops, strings, &options).map_err(to_js)?;
    let view = AnalysisView::new(&analysis, |block| {
        block.nodes.iter().filter_map(|&n| built.index(n)).collect()
    });
    to_value(&view)
}

/// Analyses HTML text (no DOM needed: workers, Node).
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(html: &str, url: Option<String>) -> Result<JsValue, JsError> {
    let options = options(url)?;
    let analysis = crate::analyze_text(html, &options).map_err(to_js)?;
    to_value(&AnalysisView::new(&analysis, |_| Vec::new()))
}

/// Analyses a live node by walking it with web-sys calls, one per node:
/// kept only to measure against the JavaScript walker (feature
/// `websys-walker`).
#[cfg(feature = "websys-walker")]
#[wasm_bindgen(js_name = analyzeNodeWebSys)]
pub fn analyze_node_web_sys(root: &web_sys::Node, url: Option<String>) -> Result<JsValue, JsError> {
    let options = options(url)?;
    let doc = walker::read(root);
    let analysis = crate::analyze_document(&doc, &options);
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

fn to_js(e: crate::Error) -> JsError {
    JsError::new(&format!("declutter: {e}"))
}

fn to_value<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("declutter: could not hand over the result: {e}")))
}

/// The analysis as JavaScript sees it: camelCase keys, nodes as indexes.
#[derive(Serialize)]
struct AnalysisView<'a> {
    blocks: Vec<BlockView<'a>>,
    article: ArticleView<'a>,
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
                    text: &b.text,
                    nodes: nodes(b),
                })
                .collect(),
            article: ArticleView::from(&analysis.article),
        }
    }
}

#[derive(Serialize)]
struct BlockView<'a> {
    kind: Kind,
    confidence: f64,
    reasons: &'a [Reason],
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
