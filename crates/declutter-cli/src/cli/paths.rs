//! Where batch inputs come from and where their outputs go.

use std::ffi::OsStr;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// File extensions (lower case) taken as pages when a folder is walked.
const PAGE_EXTENSIONS: [&str; 2] = ["html", "htm"];

/// A page found among the inputs, or a reason an input gave none.
pub type Found = Result<PathBuf, (PathBuf, String)>;

/// Expands the inputs: files stay as given, folders are walked for pages.
/// Problems (a missing input, an unreadable or page-less folder) come back
/// in the list so the batch can go on and report them at the end.
pub fn expand(inputs: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let before = found.len();
            walk(input, &mut found);
            if found.len() == before {
                found.push(Err((input.clone(), "no .html or .htm files found".into())));
            }
        } else if fs::symlink_metadata(input).is_ok_and(|m| m.file_type().is_symlink()) {
            // A link named as input may lead anywhere (the security review
            // showed one reading a file outside the folder given); a batch
            // reads only what is there.
            found.push(Err((
                input.clone(),
                "a symbolic link; not following it".into(),
            )));
        } else {
            // A missing file is reported when it is read, with the OS's words.
            found.push(Ok(input.clone()));
        }
    }
    found
}

/// Appends the pages under `root`, in sorted order per folder. Iterative, so
/// deep trees cannot overflow the stack; symbolic links are not followed,
/// neither to folders (link cycles cannot loop) nor to files (a link inside
/// the folder must not read a file outside it).
fn walk(root: &Path, found: &mut Vec<Found>) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found.push(Err((dir, format!("cannot read folder: {e}"))));
                continue;
            }
        };
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    found.push(Err((dir.clone(), format!("cannot read folder: {e}"))));
                    continue;
                }
            };
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => dirs.push(path),
                // The entry's own type: `Path::is_file` would follow a link.
                Ok(t) if t.is_file() && is_page(&path) => files.push(path),
                _ => {}
            }
        }
        files.sort();
        found.extend(files.into_iter().map(Ok));
        // Reverse so the stack yields sub-folders in sorted order.
        dirs.sort_by(|a, b| b.cmp(a));
        stack.extend(dirs);
    }
}

/// Whether a file name ends in a page extension, in any case.
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| PAGE_EXTENSIONS.iter().any(|p| ext.eq_ignore_ascii_case(p)))
}

/// Where `input`'s output goes, relative to the output folder: the input's
/// path with its root, drive, `.` and `..` parts dropped (so it cannot point
/// outside), and its extension replaced by `extension`. `None` if nothing is
/// left of it.
pub fn mirror(input: &Path, extension: &str) -> Option<PathBuf> {
    let relative: PathBuf = input
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            Component::Prefix(_)
            | Component::RootDir
            | Component::CurDir
            | Component::ParentDir => None,
        })
        .collect();
    relative.file_name()?;
    Some(relative.with_extension(extension))
}

/// Writes `contents` to `out/relative`, creating folders on the way, and
/// refuses to pass through a symbolic link: a link planted inside the
/// output folder must not carry a write outside it. `relative` comes from
/// [`mirror`], so it holds only plain names.
pub fn write_inside(out: &Path, relative: &Path, contents: &str) -> Result<(), String> {
    let mut path = out.to_path_buf();
    let mut parts = relative.components().peekable();
    while let Some(part) = parts.next() {
        path.push(part);
        let last = parts.peek().is_none();
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!(
                    "{} is a symbolic link; not writing through it",
                    path.display()
                ));
            }
            Ok(meta) if !last && !meta.is_dir() => {
                return Err(format!("{} exists and is not a folder", path.display()));
            }
            Ok(_) => {}
            Err(_) if !last => create_dir(&path)?,
            Err(_) => {}
        }
    }
    replace_file(&path, contents)
}

/// Writes `path` without following a link there: checking first and then
/// writing would follow one planted in between. The contents go to a fresh
/// file beside it (created exclusively, which never follows a link), then
/// renamed over `path`, which replaces a link itself rather than its target.
fn replace_file(path: &Path, contents: &str) -> Result<(), String> {
    use std::io::Write;
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(contents.as_bytes()))
        .and_then(|()| fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// Creates one folder; another worker creating it first is fine.
fn create_dir(path: &Path) -> Result<(), String> {
    match fs::create_dir(path) {
        Ok(()) => Ok(()),
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) => Ok(()),
        Err(e) => Err(format!("cannot create {}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(input: &str, ext: &str) -> Option<PathBuf> {
        mirror(Path::new(input), ext).map(|rel| Path::new("OUT").join(rel))
    }

    #[test]
    fn relative_paths_are_mirrored_with_the_new_extension() {
        assert_eq!(m("a/b/page.html", "txt"), Some("OUT/a/b/page.txt".into()));
        assert_eq!(m("page.htm", "json"), Some("OUT/page.json".into()));
        assert_eq!(
            m("a/page.html", "blocks.json"),
            Some("OUT/a/page.blocks.json".into())
        );
        assert_eq!(m("noext", "txt"), Some("OUT/noext.txt".into()));
    }

    #[test]
    fn roots_and_parent_steps_cannot_leave_the_output_folder() {
        assert_eq!(
            m("/abs/x/page.html", "txt"),
            Some("OUT/abs/x/page.txt".into())
        );
        assert_eq!(m("../../x/page.html", "txt"), Some("OUT/x/page.txt".into()));
        assert_eq!(m("a/../../page.html", "txt"), Some("OUT/a/page.txt".into()));
        assert_eq!(m("./a/./page.html", "txt"), Some("OUT/a/page.txt".into()));
        assert_eq!(m("..", "txt"), None);
        assert_eq!(m("/", "txt"), None);
    }

    #[cfg(unix)]
    #[test]
    fn writes_create_folders_but_never_follow_links() {
        let root = std::env::temp_dir().join(format!("declutter-write-{}", std::process::id()));
        let outside = root.join("outside");
        let out = root.join("out");
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&outside).unwrap();
        fs::create_dir_all(&out).unwrap();
        write_inside(&out, Path::new("a/b/p.txt"), "hi").unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b/p.txt")).unwrap(), "hi");
        write_inside(&out, Path::new("a/b/p.txt"), "again").unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b/p.txt")).unwrap(), "again");

        std::os::unix::fs::symlink(&outside, out.join("link")).unwrap();
        assert!(write_inside(&out, Path::new("link/p.txt"), "x").is_err());
        std::os::unix::fs::symlink(outside.join("f.txt"), out.join("f.txt")).unwrap();
        assert!(write_inside(&out, Path::new("f.txt"), "x").is_err());
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);

        fs::write(out.join("file"), "").unwrap();
        assert!(write_inside(&out, Path::new("file/p.txt"), "x").is_err());

        // A link planted after the check is replaced, not written through.
        std::os::unix::fs::symlink(outside.join("g.txt"), out.join("g.txt")).unwrap();
        replace_file(&out.join("g.txt"), "x").unwrap();
        assert!(!fs::symlink_metadata(out.join("g.txt"))
            .unwrap()
            .is_symlink());
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn page_extensions_are_matched_in_any_case() {
        assert!(is_page(Path::new("a/b.HTML")));
        assert!(is_page(Path::new("b.htm")));
        assert!(!is_page(Path::new("b.txt")));
        assert!(!is_page(Path::new("html")));
    }

    #[test]
    fn folders_are_walked_in_sorted_order_and_empty_ones_reported() {
        let root = std::env::temp_dir().join(format!("declutter-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("b/c")).unwrap();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::create_dir_all(root.join("empty")).unwrap();
        for f in ["z.html", "a/y.htm", "b/c/x.HTML", "b/notes.txt", "b/w.html"] {
            fs::write(root.join(f), "<p>x").unwrap();
        }
        #[cfg(unix)]
        {
            let outside = std::env::temp_dir()
                .join(format!("declutter-walk-out-{}.html", std::process::id()));
            fs::write(&outside, "<p>secret").unwrap();
            std::os::unix::fs::symlink(&outside, root.join("b/link.html")).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("named-link.html")).unwrap();
        }
        let found = expand(&[
            root.clone(),
            root.join("empty"),
            root.join("missing.html"),
            #[cfg(unix)]
            root.join("named-link.html"),
        ]);
        let ok: Vec<_> = found
            .iter()
            .filter_map(|f| f.as_ref().ok())
            .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        let expected: Vec<PathBuf> = [
            "z.html",
            "a/y.htm",
            "b/w.html",
            "b/c/x.HTML",
            "missing.html",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(ok, expected);
        let errs: Vec<_> = found.iter().filter_map(|f| f.as_ref().err()).collect();
        assert_eq!(errs[0].0, root.join("empty"));
        #[cfg(unix)]
        {
            // The walked link is left out; the named one is refused.
            assert_eq!(errs.len(), 2);
            assert_eq!(errs[1].0, root.join("named-link.html"));
            assert!(errs[1].1.contains("symbolic link"));
        }
        fs::remove_dir_all(&root).unwrap();
    }
}
