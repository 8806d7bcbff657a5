//! Reading a page and running the analysis on it, with errors that name the
//! page.

use super::fail::Fail;
use declutter::{Analysis, Options};
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The argument that stands for standard input.
pub const STDIN_ARG: &str = "-";
/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// How a page is named in messages: its path as given, or `<stdin>`.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Whether the argument means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_ARG
}

/// Reads a page's bytes from a file or, for `-`, from stdin.
pub fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    let result = if is_stdin(path) {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        fs::read(path)
    };
    result.map_err(|e| Fail::msg(display_name(path), format!("cannot read: {e}")))
}

/// The analysis options for an optional page URL.
pub fn options(url: Option<&str>, name: &str) -> Result<Options, Fail> {
    match url {
        Some(u) => Options::with_url(u).map_err(|e| Fail::msg(name, e)),
        None => Ok(Options::default()),
    }
}

/// Reads and analyses one page.
pub fn analyze(path: &Path, url: Option<&str>) -> Result<Analysis, Fail> {
    let name = display_name(path);
    let options = options(url, &name)?;
    let bytes = read(path)?;
    declutter::analyze_html(&bytes, &options).map_err(|e| Fail::msg(name, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named_in_the_error() {
        let path = Path::new("no/such/page.html");
        match analyze(path, None) {
            Err(Fail::Msg { subject, message }) => {
                assert_eq!(subject, "no/such/page.html");
                assert!(message.starts_with("cannot read"), "{message}");
            }
            other => panic!("expected a message, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_url_is_refused_before_reading() {
        match options(Some("not a url"), "p.html") {
            Err(Fail::Msg { subject, .. }) => assert_eq!(subject, "p.html"),
            other => panic!("expected a message, got {other:?}"),
        }
        assert!(options(Some("https://example.com/a"), "p.html").is_ok());
    }

    #[test]
    fn dash_is_stdin() {
        assert!(is_stdin(Path::new("-")));
        assert!(!is_stdin(Path::new("./-")));
        assert_eq!(display_name(Path::new("-")), STDIN_NAME);
    }
}
