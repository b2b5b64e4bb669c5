//! The app's seams to the outside world: file dialogs, the clock, the config, data and
//! documents folders.
//!
//! The real app gets [`Ports::native`]; tests build the same app with [`Ports::for_tests`] and
//! answer its file dialogs through a [`FakeDialogs`] queue.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::i18n::Locale;
use crate::tr;

/// The locale the system gives messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first
/// one set and not empty, as POSIX orders them).
fn system_locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}

/// What a file dialog came back with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer<T = PathBuf> {
    /// The user chose this.
    Picked(T),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No native dialog can be shown here; the app asks for a path itself.
    Unavailable,
}

/// The file dialogs the app needs. Called on the main thread from the command handler.
pub trait FileDialogs {
    /// Asks for a workspace file to open.
    fn open_workspace(&mut self) -> DialogAnswer;
    /// Asks where to save the workspace, proposing `suggested`.
    fn save_workspace(&mut self, suggested: &Path) -> DialogAnswer;
    /// Asks for one or more `.txt`/`.md` briefs to import.
    fn pick_briefs(&mut self) -> DialogAnswer<Vec<PathBuf>>;
    /// Asks where to write excerpts in `format`, proposing `suggested`.
    fn save_export(&mut self, suggested: &Path, format: crate::export::Format) -> DialogAnswer;
    /// Asks where to write the report in `format`, proposing `suggested`.
    fn save_report(
        &mut self,
        suggested: &Path,
        format: crate::report::ReportFormat,
    ) -> DialogAnswer;
    /// The interface's language changed: the dialogs' titles and filters follow it.
    fn set_locale(&mut self, _locale: Locale) {}
}

/// Where the current time comes from (passage creation times, autosave and disk-check timing).
pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always says the same time, for deterministic tests.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// A clock that tests set and advance; clones share one time.
#[derive(Clone, Debug)]
pub struct FakeClock(Rc<Cell<DateTime<Utc>>>);

impl FakeClock {
    #[must_use]
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(Rc::new(Cell::new(start)))
    }

    /// Moves the time forward (or back, for a negative `by`).
    pub fn advance(&self, by: chrono::TimeDelta) {
        self.0.set(self.0.get() + by);
    }

    pub fn set(&self, now: DateTime<Utc>) {
        self.0.set(now);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// Everything the app reaches outside itself through.
pub struct Ports {
    pub dialogs: Box<dyn FileDialogs>,
    pub clock: Box<dyn Clock>,
    /// Where the last-used workspace path is remembered; `None` remembers nothing.
    pub config_dir: Option<PathBuf>,
    /// Where recovery copies of unsaved work are kept; `None` turns autosave off.
    pub data_dir: Option<PathBuf>,
    /// Where Save As proposes to save a workspace that has no file yet.
    pub documents_dir: PathBuf,
    /// Workspaces of this many bytes or more (the file, or the briefs' text when saving) are
    /// opened and saved on a thread of their own, so the window stays responsive.
    pub background_bytes: u64,
    /// The system's locale for messages (`ar_IQ.UTF-8`, `en_GB.UTF-8`…), which the interface's
    /// language follows until the analyst chooses one; `None` when unknown.
    pub locale: Option<String>,
}

/// Where [`Ports::background_bytes`] starts by default: 8 MB.
pub const BACKGROUND_BYTES: u64 = 8_000_000;

impl Ports {
    /// Native dialogs (through the XDG portal), the system clock and the user's config and
    /// data folders.
    #[must_use]
    pub fn native() -> Self {
        let dirs = directories::ProjectDirs::from("org", "Basira", "basira");
        Self {
            dialogs: Box::new(NativeDialogs::default()),
            clock: Box::new(SystemClock),
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_owned()),
            data_dir: dirs.as_ref().map(|d| d.data_dir().to_owned()),
            documents_dir: crate::io::places::documents_dir(),
            background_bytes: BACKGROUND_BYTES,
            locale: system_locale(),
        }
    }

    /// Fake dialogs, a fixed clock (2025-09-25 12:00 UTC), the given config folder, no data
    /// folder (no autosave) and the user's documents folder; see [`Ports::with_clock`] and [`Ports::with_data_dir`].
    #[must_use]
    pub fn for_tests(dialogs: FakeDialogs, config_dir: Option<PathBuf>) -> Self {
        Self {
            dialogs: Box::new(dialogs),
            clock: Box::new(FixedClock(Self::test_noon())),
            config_dir,
            data_dir: None,
            documents_dir: crate::io::places::documents_dir(),
            background_bytes: BACKGROUND_BYTES,
            locale: None,
        }
    }

    /// These ports with a system locale (`ar_IQ.UTF-8`…), as the first start reads it.
    #[must_use]
    pub fn with_locale(self, locale: impl Into<String>) -> Self {
        Self {
            locale: Some(locale.into()),
            ..self
        }
    }

    /// The time the test clocks start at: 2025-09-25 12:00 UTC.
    #[must_use]
    pub fn test_noon() -> DateTime<Utc> {
        DateTime::from_timestamp(1_758_801_600, 0).unwrap_or_default()
    }

    /// These ports with another clock (a [`FakeClock`] in tests that advance time).
    #[must_use]
    pub fn with_clock(self, clock: impl Clock + 'static) -> Self {
        Self {
            clock: Box::new(clock),
            ..self
        }
    }

    /// These ports with another size from which workspaces are opened and saved on a thread
    /// (0: always).
    #[must_use]
    pub fn with_background_bytes(self, background_bytes: u64) -> Self {
        Self {
            background_bytes,
            ..self
        }
    }

    /// These ports with a data folder, where recovery copies of unsaved work go.
    #[must_use]
    pub fn with_data_dir(self, data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: Some(data_dir.into()),
            ..self
        }
    }
}

/// Native file dialogs through `rfd`.
///
/// Without a D-Bus session (no desktop portal to talk to) they are [`DialogAnswer::Unavailable`],
/// and the app falls back to its own path prompt.
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs {
    locale: Locale,
}

impl NativeDialogs {
    fn available() -> bool {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
    }
}

fn answer<T>(picked: Option<T>) -> DialogAnswer<T> {
    picked.map_or(DialogAnswer::Cancelled, DialogAnswer::Picked)
}

impl FileDialogs for NativeDialogs {
    fn set_locale(&mut self, locale: Locale) {
        self.locale = locale;
    }

    fn open_workspace(&mut self) -> DialogAnswer {
        if !Self::available() {
            return DialogAnswer::Unavailable;
        }
        let loc = self.locale;
        answer(
            rfd::FileDialog::new()
                .set_title(tr!(loc, "file-dialog-open"))
                .add_filter(tr!(loc, "file-filter-workspace"), &["ron"])
                .pick_file(),
        )
    }

    fn save_workspace(&mut self, suggested: &Path) -> DialogAnswer {
        if !Self::available() {
            return DialogAnswer::Unavailable;
        }
        let loc = self.locale;
        let mut dialog = rfd::FileDialog::new()
            .set_title(tr!(loc, "file-dialog-save"))
            .add_filter(tr!(loc, "file-filter-workspace"), &["ron"]);
        if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        answer(dialog.save_file())
    }

    fn save_export(&mut self, suggested: &Path, format: crate::export::Format) -> DialogAnswer {
        if !Self::available() {
            return DialogAnswer::Unavailable;
        }
        let loc = self.locale;
        let filter = match format {
            crate::export::Format::Csv => tr!(loc, "file-filter-csv"),
            crate::export::Format::Md => tr!(loc, "file-filter-markdown"),
            crate::export::Format::Json => tr!(loc, "file-filter-json"),
        };
        let mut dialog = rfd::FileDialog::new()
            .set_title(tr!(loc, "file-dialog-export"))
            .add_filter(filter, &[format.extension()]);
        if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        answer(dialog.save_file())
    }

    fn save_report(
        &mut self,
        suggested: &Path,
        format: crate::report::ReportFormat,
    ) -> DialogAnswer {
        if !Self::available() {
            return DialogAnswer::Unavailable;
        }
        let loc = self.locale;
        let filter = match format {
            crate::report::ReportFormat::Html => tr!(loc, "file-filter-html"),
            crate::report::ReportFormat::Docx => tr!(loc, "file-filter-docx"),
        };
        let mut dialog = rfd::FileDialog::new()
            .set_title(tr!(loc, "file-dialog-report"))
            .add_filter(filter, &[format.extension()]);
        if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        answer(dialog.save_file())
    }

    fn pick_briefs(&mut self) -> DialogAnswer<Vec<PathBuf>> {
        if !Self::available() {
            return DialogAnswer::Unavailable;
        }
        let loc = self.locale;
        answer(
            rfd::FileDialog::new()
                .set_title(tr!(loc, "file-dialog-import"))
                .add_filter(
                    tr!(loc, "file-filter-briefs"),
                    &[
                        "html", "htm", "docx", "pdf", "txt", "md", "markdown", "text",
                    ],
                )
                .add_filter(tr!(loc, "file-filter-all"), &["*"])
                .pick_files(),
        )
    }
}

#[derive(Debug, Default)]
struct FakeQueues {
    open: VecDeque<DialogAnswer>,
    save: VecDeque<DialogAnswer>,
    briefs: VecDeque<DialogAnswer<Vec<PathBuf>>>,
    export: VecDeque<DialogAnswer>,
    report: VecDeque<DialogAnswer>,
    asked: Vec<&'static str>,
}

/// File dialogs for tests: each call takes the next queued answer, or `Cancelled` when none is
/// queued. Clones share one queue, so a test keeps a clone to queue answers while the app runs.
#[derive(Clone, Debug, Default)]
pub struct FakeDialogs {
    queues: Rc<RefCell<FakeQueues>>,
}

impl FakeDialogs {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to the next "Open workspace" dialog.
    pub fn queue_open(&self, answer: DialogAnswer) {
        self.queues.borrow_mut().open.push_back(answer);
    }

    /// The answer to the next "Save workspace" dialog.
    pub fn queue_save(&self, answer: DialogAnswer) {
        self.queues.borrow_mut().save.push_back(answer);
    }

    /// The answer to the next "Import briefs" dialog.
    pub fn queue_briefs(&self, answer: DialogAnswer<Vec<PathBuf>>) {
        self.queues.borrow_mut().briefs.push_back(answer);
    }

    /// The answer to the next "Export excerpts" dialog.
    pub fn queue_export(&self, answer: DialogAnswer) {
        self.queues.borrow_mut().export.push_back(answer);
    }

    /// The answer to the next "Export report" dialog.
    pub fn queue_report(&self, answer: DialogAnswer) {
        self.queues.borrow_mut().report.push_back(answer);
    }

    /// Which dialogs the app asked for, in order: `"open"`, `"save"`, `"briefs"`, `"export"`,
    /// `"report"`.
    #[must_use]
    pub fn asked(&self) -> Vec<&'static str> {
        self.queues.borrow().asked.clone()
    }
}

impl FileDialogs for FakeDialogs {
    fn open_workspace(&mut self) -> DialogAnswer {
        let mut q = self.queues.borrow_mut();
        q.asked.push("open");
        q.open.pop_front().unwrap_or(DialogAnswer::Cancelled)
    }

    fn save_workspace(&mut self, _suggested: &Path) -> DialogAnswer {
        let mut q = self.queues.borrow_mut();
        q.asked.push("save");
        q.save.pop_front().unwrap_or(DialogAnswer::Cancelled)
    }

    fn save_export(&mut self, _suggested: &Path, _format: crate::export::Format) -> DialogAnswer {
        let mut q = self.queues.borrow_mut();
        q.asked.push("export");
        q.export.pop_front().unwrap_or(DialogAnswer::Cancelled)
    }

    fn save_report(
        &mut self,
        _suggested: &Path,
        _format: crate::report::ReportFormat,
    ) -> DialogAnswer {
        let mut q = self.queues.borrow_mut();
        q.asked.push("report");
        q.report.pop_front().unwrap_or(DialogAnswer::Cancelled)
    }

    fn pick_briefs(&mut self) -> DialogAnswer<Vec<PathBuf>> {
        let mut q = self.queues.borrow_mut();
        q.asked.push("briefs");
        q.briefs.pop_front().unwrap_or(DialogAnswer::Cancelled)
    }
}
