//! The `declutter` binary end to end: formats, stdin, error lines and exit
//! codes, and batch runs. Asserts structure, not the classifier's labels
//! (the fixture tests do that).

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_declutter");

/// A word from the seed page's story body, which every article of it holds.
const STORY_WORD: &str = "Shoigu";

/// The repository's root, two folders above this crate.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed news page from the shared folder beside the repository.
fn seed() -> PathBuf {
    let path = repo().join("../shared/fixtures/seed-news-page.html");
    assert!(
        path.is_file(),
        "seed fixture missing: {} (the shared folder must sit beside the repository)",
        path.display()
    );
    path
}

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    run_in(&repo(), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the binary with `args` and expects success.
fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "{args:?} failed: {}", stderr(&o));
    stdout(&o)
}

/// Expects exit code 2 and exactly one stderr line naming `name`.
fn assert_one_line_error(o: &Output, name: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "want one line, got: {err:?}");
    assert!(lines[0].starts_with("declutter: "), "{err}");
    assert!(
        lines[0].contains(name),
        "the message does not name {name}: {err}"
    );
    assert!(o.stdout.is_empty(), "nothing on stdout on error");
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out
}

fn seed_str() -> String {
    seed().display().to_string()
}

#[test]
fn text_is_the_article_text_without_markup() {
    let text = ok(&["extract", &seed_str()]);
    assert!(text.contains(STORY_WORD), "{text}");
    assert!(!text.contains("<p>") && !text.contains("<script"), "{text}");
    // The default format is text.
    assert_eq!(text, ok(&["extract", "--format", "text", &seed_str()]));
}

#[test]
fn html_and_markdown_hold_the_story() {
    let html = ok(&["extract", "--format", "html", &seed_str()]);
    assert!(html.contains(STORY_WORD));
    assert!(!html.contains("<script"), "clean HTML has no scripts");
    let md = ok(&["extract", "--format", "markdown", &seed_str()]);
    assert!(md.starts_with("# "), "markdown opens with the title: {md}");
    assert!(md.contains("Pyongyang") && md.contains(STORY_WORD));
}

#[test]
fn json_is_the_article_with_all_its_fields() {
    let out = ok(&[
        "extract",
        "--format",
        "json",
        "--url",
        "https://www.wwiii.news/2023-08-01-parade.html",
        &seed_str(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    for field in [
        "title",
        "byline",
        "published",
        "site_name",
        "lang",
        "dir",
        "excerpt",
        "lead_image",
        "content_html",
        "text",
        "word_count",
        "reading_minutes",
    ] {
        assert!(json.get(field).is_some(), "missing field {field}: {out}");
    }
    assert!(
        json["title"].as_str().unwrap_or("").contains("Pyongyang"),
        "{out}"
    );
    assert!(json["text"].as_str().unwrap().contains(STORY_WORD));
    assert!(json["word_count"].as_u64().unwrap() > 100);
    assert!(json["reading_minutes"].as_u64().unwrap() >= 1);
}

#[test]
fn blocks_is_a_json_object_with_a_blocks_array() {
    let out = ok(&["blocks", &seed_str()]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let blocks = json["blocks"].as_array().expect("a blocks array");
    for b in blocks {
        let kind = b["kind"].as_str().unwrap();
        assert!(
            ["content", "promo", "related", "boilerplate"].contains(&kind),
            "{b}"
        );
        assert!(b["text"].is_string());
        let c = b["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c), "{b}");
        for r in b["reasons"].as_array().unwrap() {
            assert!(r["code"].is_string() && r["detail"].is_string(), "{r}");
        }
    }
}

#[test]
fn dash_reads_the_page_from_stdin() {
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let page = fs::read(seed()).unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        ok(&["extract", "--format", "json", &seed_str()])
    );
}

#[test]
fn empty_from_stdin_is_named_stdin() {
    let o = Command::new(BIN)
        .args(["blocks", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_one_line_error(&o, "<stdin>");
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = scratch("bad-inputs");
    fs::write(dir.join("empty.html"), "").unwrap();
    fs::write(
        dir.join("image.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    )
    .unwrap();
    fs::write(
        dir.join("notes.txt"),
        "Just some words, no markup at all.\n",
    )
    .unwrap();
    for (file, why) in [
        ("empty.html", "empty"),
        ("image.png", "binary"),
        ("notes.txt", "not HTML"),
        ("missing.html", "cannot read"),
    ] {
        for cmd in ["extract", "blocks"] {
            let o = run_in(&dir, &[cmd, file]);
            assert_one_line_error(&o, file);
            assert!(stderr(&o).contains(why), "{cmd} {file}: {}", stderr(&o));
        }
    }
    let o = run(&["extract", "--url", "not a url", &seed_str()]);
    assert_one_line_error(&o, "seed-news-page.html");
}

#[test]
fn usage_errors_are_clap_errors() {
    let o = run(&["extract"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage"), "{}", stderr(&o));
    let o = run(&["extract", "--format", "pdf", &seed_str()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_closed_stdout_ends_quietly() {
    // Output well beyond a pipe buffer, so the writer meets the closed end.
    let dir = scratch("broken-pipe");
    let para = format!(
        "<p>{}</p>\n",
        "All work and no play makes a dull page. ".repeat(20)
    );
    let page = dir.join("long.html");
    fs::write(
        &page,
        format!("<html><body>{}</body></html>", para.repeat(2000)),
    )
    .unwrap();
    let mut child = Command::new(BIN)
        .args(["extract", page.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "no panic, no message: {}", stderr(&o));
}

#[test]
fn batch_mirrors_paths_and_reports_bad_files() {
    let dir = scratch("batch");
    let page = fs::read(seed()).unwrap();
    fs::create_dir_all(dir.join("in/a/b")).unwrap();
    fs::create_dir_all(dir.join("in/c")).unwrap();
    fs::write(dir.join("in/a/b/page.html"), &page).unwrap();
    fs::write(dir.join("in/c/other.htm"), &page).unwrap();
    fs::write(dir.join("in/bad.html"), "").unwrap();
    fs::write(dir.join("in/notes.txt"), "not a page").unwrap();
    fs::write(dir.join("single.html"), &page).unwrap();

    let o = run_in(
        &dir,
        &["batch", "--out", "out", "in", "single.html", "missing.html"],
    );
    assert_eq!(o.status.code(), Some(2), "a failed page fails the batch");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line per failure: {err}");
    assert!(lines[0].starts_with("declutter: in/bad.html: "), "{err}");
    assert!(lines[1].starts_with("declutter: missing.html: "), "{err}");
    let summary = stdout(&o);
    assert!(summary.starts_with("5 pages, 2 failed, "), "{summary}");
    assert!(summary.contains("pages/s"), "{summary}");

    let expected: BTreeSet<PathBuf> = ["in/a/b/page.txt", "in/c/other.txt", "single.txt"]
        .iter()
        .map(PathBuf::from)
        .collect();
    assert_eq!(files_under(&dir.join("out")), expected);
    let text = fs::read_to_string(dir.join("out/in/a/b/page.txt")).unwrap();
    assert!(text.contains(STORY_WORD));
    assert_eq!(text.trim_end(), ok(&["extract", &seed_str()]).trim_end());
}

#[test]
fn batch_json_and_blocks_formats() {
    let dir = scratch("batch-formats");
    fs::write(dir.join("p.html"), fs::read(seed()).unwrap()).unwrap();
    let o = run_in(
        &dir,
        &["batch", "--out", "out", "--format", "json", "p.html"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/p.json")).unwrap()).unwrap();
    assert!(json["text"].as_str().unwrap().contains(STORY_WORD));

    let o = run_in(
        &dir,
        &["batch", "--out", "out", "--format", "blocks", "p.html"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/p.blocks.json")).unwrap()).unwrap();
    assert!(json["blocks"].is_array());
    assert!(
        stdout(&o).starts_with("1 pages, 0 failed, "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn batch_never_writes_outside_its_output_folder() {
    let dir = scratch("batch-escape");
    let work = dir.join("work");
    fs::create_dir_all(dir.join("outside")).unwrap();
    fs::create_dir_all(&work).unwrap();
    fs::write(dir.join("outside/up.html"), "<p>Up one level.</p>").unwrap();
    fs::write(dir.join("abs.html"), "<p>Absolute.</p>").unwrap();
    let abs = dir.join("abs.html");
    let before = files_under(&dir);

    let o = run_in(
        &work,
        &[
            "batch",
            "--out",
            "out",
            "../outside/up.html",
            abs.to_str().unwrap(),
            "../../batch-escape/outside",
            ".././outside/up.html",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let after: BTreeSet<PathBuf> = files_under(&dir)
        .into_iter()
        .filter(|p| !p.starts_with("work/out"))
        .collect();
    assert_eq!(after, before, "nothing written outside the output folder");
    let out = files_under(&work.join("out"));
    let abs_mirror: PathBuf = abs
        .with_extension("txt")
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect();
    assert!(out.contains(Path::new("outside/up.txt")), "{out:?}");
    assert!(out.contains(&abs_mirror), "{out:?}");
    assert!(
        out.contains(Path::new("batch-escape/outside/up.txt")),
        "{out:?}"
    );
    // `../outside/up.html` and `.././outside/up.html` are one file with one
    // output: written once, not reported as a clash.
    assert_eq!(out.len(), 3, "{out:?}");
}

#[test]
fn batch_url_map_applies_per_page() {
    let dir = scratch("batch-url-map");
    fs::write(dir.join("good.html"), "<p>Good page.</p>").unwrap();
    fs::write(dir.join("bad.html"), "<p>Bad address.</p>").unwrap();
    fs::write(
        dir.join("urls.txt"),
        "# page urls\ngood.html https://example.com/good\nbad.html not-a-url\n",
    )
    .unwrap();
    let o = run_in(
        &dir,
        &[
            "batch",
            "--out",
            "out",
            "--url-map",
            "urls.txt",
            "good.html",
            "bad.html",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("declutter: bad.html: ") && err.contains("not-a-url"),
        "{err}"
    );
    assert!(dir.join("out/good.txt").is_file());
    assert!(!dir.join("out/bad.txt").exists());

    let o = run_in(
        &dir,
        &[
            "batch",
            "--out",
            "out",
            "--url-map",
            "nope.txt",
            "good.html",
        ],
    );
    assert_one_line_error(&o, "nope.txt");
}
