//! A JSON reader for the JSON-LD scripts: the values
//! `serde_json::from_str::<serde_json::Value>` gives, for the same texts
//! accepted and refused (tested against it below).
//!
//! serde_json and its share of serde were 18 KB of the wasm module's code,
//! 7 KB gzipped, for this one use (issue 15).

use std::collections::BTreeMap;

/// A JSON value. Objects keep their keys sorted and the last of repeated
/// keys, as `serde_json::Map` does without `preserve_order`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// Every number as the `f64` nearest to it.
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The member `key` of an object; `None` for other values.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The text of a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array.
    pub(crate) fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// Containers nest at most this deep: serde_json's recursion limit (128,
/// refused when reached).
const MAX_DEPTH: usize = 127;

/// Parses `text`, one JSON value between optional whitespace; `None` for
/// anything serde_json refuses.
pub(crate) fn parse(text: &str) -> Option<Value> {
    let mut r = Reader {
        s: text.as_bytes(),
        at: 0,
    };
    let v = r.value(0)?;
    r.skip_space();
    (r.at == r.s.len()).then_some(v)
}

struct Reader<'a> {
    s: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(b);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, v: Value) -> Option<Value> {
        let end = self.at + word.len();
        (self.s.get(self.at..end) == Some(word.as_bytes())).then(|| {
            self.at = end;
            v
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_space();
        match self.peek()? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Array(items))
            }
            b'{' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut map = BTreeMap::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        if self.peek() != Some(b'"') {
                            return None;
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        let v = self.value(depth + 1)?;
                        map.insert(key, v);
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Object(map))
            }
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, refused when it
    /// does not fit an `f64` (serde_json's "number out of range").
    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.at]).ok()?;
        let n: f64 = text.parse().ok()?;
        n.is_finite().then_some(Value::Number(n))
    }

    /// A string from its opening quote: escapes decoded, control
    /// characters and unpaired surrogates refused.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let from = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Cut at ASCII bytes only, so the slice is whole characters.
            out.push_str(std::str::from_utf8(&self.s[from..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let c = match unit {
                                0xd800..=0xdbff => {
                                    if self.s.get(self.at..self.at + 2) != Some(b"\\u") {
                                        return None;
                                    }
                                    self.at += 2;
                                    let low = self.hex4()?;
                                    if !(0xdc00..=0xdfff).contains(&low) {
                                        return None;
                                    }
                                    0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                                }
                                0xdc00..=0xdfff => return None,
                                _ => unit,
                            };
                            out.push(char::from_u32(c)?);
                            continue;
                        }
                        _ => return None,
                    };
                    self.at += 1;
                    out.push(c);
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.at..self.at + 4)?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Value};

    /// serde_json's value as ours.
    fn ours(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(ours).collect()),
            serde_json::Value::Object(m) => {
                Value::Object(m.iter().map(|(k, v)| (k.clone(), ours(v))).collect())
            }
        }
    }

    /// Both readers accept `text` with the same value, or both refuse it.
    /// Numbers compare by their zeroness only (what the JSON-LD reader
    /// asks of them): serde_json rounds some decimals differently.
    fn same(text: &str) {
        let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
        let mine = parse(text);
        let zeroed = |v: Value| normalise(v);
        assert_eq!(
            mine.map(zeroed),
            theirs.as_ref().map(ours).map(zeroed),
            "{text:?}"
        );
    }

    fn normalise(v: Value) -> Value {
        match v {
            Value::Number(n) => Value::Number(if n == 0.0 { 0.0 } else { 1.0 }),
            Value::Array(a) => Value::Array(a.into_iter().map(normalise).collect()),
            Value::Object(m) => {
                Value::Object(m.into_iter().map(|(k, v)| (k, normalise(v))).collect())
            }
            v => v,
        }
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does() {
        let cases = [
            "",
            " ",
            "null",
            " null ",
            "nul",
            "nulll",
            "true",
            "false",
            "True",
            "0",
            "-0",
            "01",
            "-",
            "1.",
            ".5",
            "1.5",
            "1e5",
            "1E+5",
            "1e-5",
            "1e",
            "1e+",
            "+1",
            "-1.5e-3",
            "1e400",
            "-1e400",
            "1e-400",
            "123456789012345678901234567890",
            "0.0000",
            "0e10",
            "\"\"",
            "\"a\"",
            "\"a",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "\"\\x\"",
            "\"\\u00e9\"",
            "\"\\u00E9\\u4e2d\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"tab\there\"",
            "\"new\nline\"",
            "\"del\u{7f}\"",
            "\"caf\u{e9} \u{1f600}\"",
            "[]",
            "[ ]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1,2]",
            "[[[]]]",
            "{}",
            "{ }",
            "{\"a\":1}",
            "{\"a\" : 1 , \"b\":[]}",
            "{\"a\":1,}",
            "{a:1}",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1 \"b\":2}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"A\"},\"B\"]}",
            "[1] x",
            "[1]]",
            "{} {}",
            "\u{feff}{}",
            "\t\r\n[\r\n]\t",
            "[1,\u{c}2]",
            "[true,false,null]",
            "[truex]",
            "{\"k\":\"v\"}//",
            "<![CDATA[{}]]>",
            "[-]",
            "[-a]",
            "[0x10]",
            "[1.e3]",
            "[NaN]",
        ];
        for text in cases {
            same(text);
        }
    }

    #[test]
    fn nests_as_deep_as_serde_json_and_no_deeper() {
        for depth in [126, 127, 128, 129, 300] {
            same(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            same(&format!(
                "{}1{}",
                "{\"a\":[".repeat(depth / 2),
                "]}".repeat(depth / 2)
            ));
        }
    }

    #[test]
    fn agrees_with_serde_json_on_mutated_texts() {
        let seeds = [
            r#"{"@context":"https://schema.org","@type":["NewsArticle","Article"],"headline":"A \"quoted\" title","author":[{"@type":"Person","name":"Jane Doe"},{"name":"Jo\u00e9"}],"image":{"url":"https://ex.com/a.jpg","width":1200},"isAccessibleForFree":false,"wordCount":0,"rating":4.5e0,"@graph":[null,true,[]]}"#,
            r#"[{"@type":"Product","description":"<p>Soft &amp; warm</p>\n\tline","offers":{"price":"19.99","priceCurrency":"EUR"}},{"@type":"Organization"}]"#,
        ];
        // Every single-byte deletion, and replacements by bytes JSON cares
        // about, at every position.
        let specials = [
            b'"', b'\\', b',', b':', b'[', b']', b'{', b'}', b' ', b'0', b'-', b'e', b'.', b'u',
            b'\n',
        ];
        for seed in seeds {
            same(seed);
            let bytes = seed.as_bytes();
            for i in 0..bytes.len() {
                let mut cut = bytes.to_vec();
                cut.remove(i);
                if let Ok(t) = String::from_utf8(cut) {
                    same(&t);
                }
                for &b in &specials {
                    let mut changed = bytes.to_vec();
                    changed[i] = b;
                    if let Ok(t) = String::from_utf8(changed) {
                        same(&t);
                    }
                }
            }
        }
    }
}
