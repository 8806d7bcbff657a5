//! HTML bytes in any encoding through the whole native path, with and
//! without a page URL (relative links resolve only with one), and the
//! article rendered as Markdown.
#![no_main]

use declutter::article::markdown;
use declutter::{analyze_html, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let with_url =
        Options::with_url("https://news.example.com/2024/05/story.html").expect("a valid URL");
    for options in [Options::default(), with_url] {
        if let Ok(analysis) = analyze_html(data, &options) {
            let _ = markdown::render(&analysis.article);
        }
    }
});
