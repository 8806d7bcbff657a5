//! Already-decoded text (what the browser front hands over as a string)
//! through the whole native path.
#![no_main]

use declutter::article::markdown;
use declutter::{analyze_text, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(analysis) = analyze_text(&text, &Options::default()) {
        let _ = markdown::render(&analysis.article);
    }
});
