//! Running the analysis on one corpus page without letting one bad page
//! stop the whole evaluation.

use declutter::{analyze_html, Analysis, Options};
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// A page the analysis refused or crashed on; it is scored as empty output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// Which corpus (`readability`, `trafilatura`, `blocks`).
    pub corpus: &'static str,
    /// The page's name in that corpus.
    pub page: String,
    /// The error, or the panic message.
    pub error: String,
}

/// Analyses a page, turning both errors and panics into an error message:
/// the classifier is under development, and a crash on one page must show
/// up in the report instead of aborting the run.
pub fn analyze(bytes: &[u8], options: &Options) -> Result<Analysis, String> {
    match catch_unwind(AssertUnwindSafe(|| analyze_html(bytes, options))) {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(e.to_string()),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown payload".to_string());
            Err(format!("panic: {msg}"))
        }
    }
}

/// Reads a corpus file; a missing ground-truth file is an error of the
/// corpus, not of the analysis, so the message names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Reads a corpus file as UTF-8 text (ground truth is always UTF-8).
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", path.display()))
}

/// The strings of a JSON array; anything else gives none.
pub fn strings(v: Option<&serde_json::Value>) -> Vec<String> {
    v.and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(serde_json::Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_become_messages() {
        let err = analyze(b"   ", &Options::default()).unwrap_err();
        assert!(err.contains("empty"), "{err}");
        assert!(analyze(b"<p>hi</p>", &Options::default()).is_ok());
    }

    #[test]
    fn missing_files_name_their_path() {
        let err = read(Path::new("/no/such/declutter-file")).unwrap_err();
        assert!(err.contains("/no/such/declutter-file"));
    }
}
