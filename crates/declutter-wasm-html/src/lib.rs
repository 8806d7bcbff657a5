//! The package's HTML-text front as a wasm module of its own: parses a
//! page's text with html5ever (as `declutter::parse::parse_text` does, the
//! `<noscript>`-only pages included) and writes the tree out as the browser
//! walker's snapshot, which the main module (`crates/declutter-wasm`)
//! analyses. The package's `html.js` drives the two; a page that reads its
//! own DOM never loads this one. Off wasm32 the crate is empty.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// The allocator, the panic hook and lastPanic as in declutter-wasm, written
// again on purpose: this is a wasm module of its own (its own memory,
// allocator and traps), and wasm-bindgen exports cannot come from another
// crate's `#[wasm_bindgen]` items without pulling that crate's exports in.
thread_local! {
    /// The message of the last panic, for the JavaScript side to report
    /// after the trap that follows it (wasm aborts on panic).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

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

/// A page's snapshot: the walker's `ops` and `strings`, each handed over
/// once.
#[wasm_bindgen]
pub struct Parsed {
    ops: Vec<u32>,
    strings: String,
}

#[wasm_bindgen]
impl Parsed {
    /// The op stream (moved out: a second call gives an empty array).
    #[wasm_bindgen(js_name = takeOps)]
    pub fn take_ops(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.ops)
    }

    /// The strings, joined by U+0000 (moved out as `takeOps`).
    #[wasm_bindgen(js_name = takeStrings)]
    pub fn take_strings(&mut self) -> String {
        std::mem::take(&mut self.strings)
    }
}

/// Parses HTML text into a snapshot; empty text or text with no markup is
/// an error, as `analyze_text` refuses it.
#[wasm_bindgen(js_name = parseHtml)]
pub fn parse_html(html: &str) -> Result<Parsed, JsError> {
    let doc =
        declutter::parse::parse_text(html).map_err(|e| JsError::new(&format!("declutter: {e}")))?;
    let (ops, strings) = declutter::snapshot::encode(&doc);
    Ok(Parsed { ops, strings })
}
