//! The page URLs a batch resolves links against, read from a map file.
//!
//! Accepted forms: lines `PATH URL` (`#` starts a comment line), a JSON
//! object `{"PATH": "URL"}`, or trafilatura's `evaldata.json` shape
//! `{"URL": {"file": "PATH", ...}}`. A PATH of a bare file name matches that
//! name in any folder; any other PATH must match the input as given.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Page URLs by input path.
#[derive(Debug, Default)]
pub struct UrlMap {
    /// Entries whose path has folders: matched against the whole input path.
    by_path: HashMap<PathBuf, String>,
    /// Entries that are a bare file name: matched against the input's name.
    by_name: HashMap<OsString, String>,
}

impl UrlMap {
    /// Reads a map file's text.
    pub fn parse(text: &str) -> Result<UrlMap, String> {
        let mut map = UrlMap::default();
        let trimmed = text.trim_start();
        let pairs = if trimmed.starts_with('{') {
            json_pairs(trimmed)?
        } else {
            line_pairs(text)?
        };
        for (path, url) in pairs {
            map.insert(&path, url);
        }
        Ok(map)
    }

    fn insert(&mut self, path: &str, url: String) {
        let path = Path::new(path);
        let bare = path.components().count() == 1;
        match path.file_name() {
            Some(name) if bare => {
                self.by_name.insert(name.to_os_string(), url);
            }
            _ => {
                self.by_path.insert(normalize(path), url);
            }
        }
    }

    /// The URL given for `input`, if any.
    pub fn get(&self, input: &Path) -> Option<&str> {
        self.by_path
            .get(&normalize(input))
            .or_else(|| input.file_name().and_then(|n| self.by_name.get(n)))
            .map(String::as_str)
    }
}

/// The path without `.` parts, so `./a/p.html` matches `a/p.html`.
fn normalize(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// `(path, url)` pairs from a JSON object in either accepted shape.
fn json_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let object = value.as_object().ok_or("the JSON is not an object")?;
    object
        .iter()
        .map(|(key, v)| match v {
            serde_json::Value::String(url) => Ok((key.clone(), url.clone())),
            serde_json::Value::Object(entry) => match entry.get("file") {
                Some(serde_json::Value::String(file)) => Ok((file.clone(), key.clone())),
                _ => Err(format!("entry '{key}' has no \"file\" string")),
            },
            _ => Err(format!("entry '{key}' is neither a URL nor an object")),
        })
        .collect()
}

/// `(path, url)` pairs from `PATH URL` lines. The URL is the last word, so
/// paths may hold spaces.
fn line_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| match line.rsplit_once(char::is_whitespace) {
            Some((path, url)) if !path.trim().is_empty() => {
                Ok((path.trim().to_string(), url.to_string()))
            }
            _ => Err(format!("line {n}: expected 'PATH URL'")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_map_paths_and_bare_names() {
        let map = UrlMap::parse(
            "# comment\n\
             a/page one.html  https://example.com/one\n\
             two.html https://example.com/two\n",
        )
        .unwrap();
        assert_eq!((map.by_path.len(), map.by_name.len()), (1, 1));
        assert_eq!(
            map.get(Path::new("a/page one.html")),
            Some("https://example.com/one")
        );
        assert_eq!(
            map.get(Path::new("./a/page one.html")),
            Some("https://example.com/one")
        );
        assert_eq!(map.get(Path::new("b/page one.html")), None);
        assert_eq!(
            map.get(Path::new("x/y/two.html")),
            Some("https://example.com/two")
        );
        assert!(UrlMap::parse("just-one-word\n").is_err());
    }

    #[test]
    fn both_json_shapes_are_read() {
        let map = UrlMap::parse(r#"{"a/p.html": "https://e.com/p"}"#).unwrap();
        assert_eq!(map.get(Path::new("a/p.html")), Some("https://e.com/p"));
        let map = UrlMap::parse(r#"{"https://e.com/q": {"file": "q.html", "with": []}}"#).unwrap();
        assert_eq!(
            map.get(Path::new("corpus/html/q.html")),
            Some("https://e.com/q")
        );
        assert!(UrlMap::parse(r#"{"k": 3}"#).is_err());
        assert!(UrlMap::parse("{oops").is_err());
    }
}
