//! The kill test: `basira import` on a large workspace, killed with SIGKILL at moments spread over
//! its whole run, never leaves a workspace file that is damaged or half-written. After every kill
//! the file loads, `basira check` accepts it, and it is either exactly the workspace before the
//! import or exactly the workspace with the new brief; the backup, when there is one, is the
//! workspace before. A killed save may leave its temporary files (`.FILE.xxxxxx.tmp`,
//! `.FILE.bak.xxxxxx.tmp`) and its lock file (`.FILE.lock`) behind; the next save removes them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use basira::io;
use basira::model::Workspace;

// The generator serves the benchmarks too; this test uses part of it.
#[allow(dead_code)]
#[path = "../benches/support/generate.rs"]
mod generate;

/// How many times the import is killed.
const KILLS: u32 = 30;

/// A deterministic sequence of numbers in [0, 1) (a 64-bit linear congruential generator).
struct Jitter(u64);

impl Jitter {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn basira() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_basira"));
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    command
}

fn import(workspace: &Path, brief: &Path) -> Command {
    let mut command = basira();
    command.arg("import").arg(workspace).arg(brief);
    command
}

/// The names of `dir`'s entries, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Puts `bytes` back as the workspace file without touching the backup it may share an inode
/// with, and without the saver's clean-up of temporary files (that is what is being tested).
fn restore(path: &Path, bytes: &[u8]) {
    let spare = path.with_file_name("restore.partial");
    std::fs::write(&spare, bytes).expect("write");
    std::fs::rename(&spare, path).expect("rename");
}

/// The workspace after a complete import: `before` with the imported brief at the end.
fn assert_imported(loaded: &Workspace, before: &Workspace, brief_text: &str) {
    let new = loaded.briefs.last().expect("a brief");
    assert_eq!(new.text, brief_text, "the imported brief is complete");
    let mut expected = before.clone();
    expected.briefs.push(new.clone());
    assert!(*loaded == expected, "nothing else changed");
}

#[test]
fn an_import_killed_at_any_moment_leaves_the_old_or_the_new_workspace() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let ws_path: PathBuf = dir.path().join("big.ron");
    let before = generate::workspace(40, 50_000, 5_000);
    io::save(&ws_path, &before).expect("save");
    let before_bytes = std::fs::read(&ws_path).expect("read");
    let brief_path = dir.path().join("brief.txt");
    let brief_text = generate::text(50_000, 99);
    std::fs::write(&brief_path, &brief_text).expect("write");
    let brief_text = io::normalise_text(&brief_text);

    // How long loading alone takes (`check`), then two uninterrupted imports (the longer one
    // counts, so that a lucky first run does not leave every kill too early) and what they give.
    let timer = Instant::now();
    let check = basira().arg("check").arg(&ws_path).output().expect("runs");
    let load = timer.elapsed();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut full = std::time::Duration::ZERO;
    for _ in 0..2 {
        let timer = Instant::now();
        let run = import(&ws_path, &brief_path).output().expect("runs");
        full = full.max(timer.elapsed());
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_imported(&io::load(&ws_path).expect("loads"), &before, &brief_text);
        restore(&ws_path, &before_bytes);
    }
    eprintln!(
        "workspace {:.1} MB; loading it takes {load:.2?}, an uninterrupted import {full:.2?}",
        before_bytes.len() as f64 / 1e6
    );

    let ours = ["big.ron", "big.ron.bak", "brief.txt"];
    // A killed save leaves its temporary files (the new file, the old one on its way to being
    // the backup) and the lock file it held (the system released the lock itself).
    let is_leftover = |name: &str| {
        let random = |prefix: &str| {
            name.strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|random| random.len() == 6)
        };
        random(".big.ron.") || random(".big.ron.bak.") || name == ".big.ron.lock"
    };
    let mut jitter = Jitter(0x5eed_ba51);
    let (mut old, mut new, mut leftovers) = (0, 0, BTreeSet::new());
    // The latest kill that left the old file and the earliest that left the new one: the
    // rename, and the writing of the temporary file just before it, lie between them.
    let (mut last_old, mut first_new) = (load.mul_f64(0.8), full.mul_f64(1.5));
    for kill in 0..KILLS {
        // The even kills are stratified: each lands somewhere in its slice of the whole run and
        // half as long again. The odd ones close in on the moment the new file replaces the old,
        // where a kill is most likely to catch a save half-written.
        let delay = if kill % 2 == 0 {
            let slice = f64::from(kill / 2) + jitter.next();
            full.mul_f64(1.5 * slice / f64::from(KILLS / 2))
        } else {
            let (low, high) = (last_old.min(first_new), last_old.max(first_new));
            low + (high - low).mul_f64(jitter.next())
        };
        let mut child = import(&ws_path, &brief_path).spawn().expect("starts");
        std::thread::sleep(delay);
        // SIGKILL on Unix; the process may already have finished, which is fine.
        let _ = child.kill();
        let status = child.wait().expect("waits");

        let bytes = std::fs::read(&ws_path).expect("the workspace file is still there");
        if bytes == before_bytes {
            // Byte for byte the file that loaded before.
            old += 1;
            last_old = last_old.max(delay);
        } else {
            let loaded = io::load(&ws_path).unwrap_or_else(|err| {
                panic!("kill {kill} after {delay:.2?} ({status}) left a broken file: {err}")
            });
            assert_imported(&loaded, &before, &brief_text);
            new += 1;
            first_new = first_new.min(delay);
        }
        let check = basira().arg("check").arg(&ws_path).output().expect("runs");
        assert!(
            check.status.success(),
            "kill {kill}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
        let backup = io::backup_path(&ws_path);
        if backup.exists() {
            let backup_bytes = std::fs::read(&backup).expect("read");
            assert!(
                backup_bytes == before_bytes,
                "kill {kill}: the backup is the old workspace"
            );
        }
        for name in listing(dir.path()) {
            if is_leftover(&name) {
                leftovers.insert(name);
            } else {
                assert!(
                    ours.contains(&name.as_str()),
                    "kill {kill}: unexpected {name}"
                );
            }
        }
        if bytes != before_bytes {
            restore(&ws_path, &before_bytes);
        }
    }
    eprintln!(
        "{KILLS} kills: {old} left the old workspace, {new} the new one; {} temporary files \
         left by killed saves; the new file replaced the old between {:.2?} and \
         {:.2?}",
        leftovers.len(),
        last_old.min(first_new),
        last_old.max(first_new)
    );
    assert!(old > 0 && new > 0, "the kills spanned the whole import");

    // The next complete save removes whatever temporary files the killed saves left.
    let run = import(&ws_path, &brief_path).output().expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(listing(dir.path()), ours, "no temporary file is left");
    eprintln!("kill test took {:.1?}", started.elapsed());
}
