//! The reducer without a window: messages in, state out.

use super::*;
use crate::app::command::{Action, AppCommand};
use crate::app::ports::FakeDialogs;
use crate::app::state::NoticeLevel;
use crate::edit::Edit;
use crate::model::{PassageId, Workspace};

fn model() -> Model {
    let mut model = Model::new(
        egui::Context::default(),
        None,
        Ports::for_tests(FakeDialogs::new(), None),
    );
    model.handle(Message::Command(AppCommand::Action(Action::New)));
    model
}

fn texts(model: &Model, level: NoticeLevel) -> Vec<String> {
    model
        .state()
        .notices
        .iter()
        .filter(|n| n.level == level)
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn an_undo_that_fails_says_why_instead_of_nothing_to_undo() {
    let mut model = model();
    model.handle(AppCommand::Edit(Edit::SetWorkspaceTitle("Iraq".into())).into());
    // A history whose last step no longer fits the workspace (a bug elsewhere).
    model.session.doc.push_undo_step_for_tests(
        "edit memo",
        Edit::SetPassageMemo {
            id: PassageId::new(),
            memo: String::new(),
        },
    );
    model.handle(AppCommand::Action(Action::Undo).into());
    let errors = texts(&model, NoticeLevel::Error);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("Could not undo «edit memo»: there is no passage"),
        "{errors:?}"
    );
    assert!(errors[0].ends_with("Nothing was changed."), "{errors:?}");
    assert_ne!(model.state().status, "Nothing to undo.");
    assert_eq!(model.session().workspace().title, "Iraq", "nothing changed");
}

#[test]
fn an_autosave_failure_reaches_a_notice_through_handle_once() {
    let mut model = model();
    model.handle(AppEvent::AutosaveWritten(Err(anyhow::anyhow!("the disk is full"))).into());
    model.handle(AppEvent::AutosaveWritten(Err(anyhow::anyhow!("the disk is full"))).into());
    let warnings = texts(&model, NoticeLevel::Warning);
    assert_eq!(
        warnings,
        ["Autosave failed: the disk is full. Your work is still open; save it to keep it."],
        "reported once until a write succeeds"
    );
    model.handle(AppEvent::AutosaveWritten(Ok(())).into());
    model.handle(AppEvent::AutosaveWritten(Err(anyhow::anyhow!("again"))).into());
    assert_eq!(texts(&model, NoticeLevel::Warning).len(), 2);
}

#[test]
fn import_progress_and_a_change_on_disk_arrive_as_events() {
    let mut model = model();
    model.handle(AppEvent::ImportProgress(vec![("brief.pdf".into(), 0.5)]).into());
    assert_eq!(
        model.state().import_progress,
        [("brief.pdf".to_owned(), 0.5)]
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ws.ron");
    crate::io::save(&path, &Workspace::default()).expect("save");
    model.handle(AppCommand::OpenPath(path.clone()).into());
    assert_eq!(model.session().path.as_deref(), Some(path.as_path()));
    let theirs = Workspace {
        title: "theirs".into(),
        ..Workspace::default()
    };
    let stamp = crate::io::save_stamped(&path, &theirs).expect("their save");
    model.handle(
        AppEvent::DiskSeen(crate::app::event::DiskSeen {
            at: model.ports.clock.now(),
            state: Some(crate::io::DiskState::Changed(stamp)),
        })
        .into(),
    );
    assert!(model.state().disk_notice.is_some_and(|n| !n.dismissed));
}

/// The model with workspaces of any size opened and saved on a thread.
fn threaded_model() -> Model {
    let ports = Ports::for_tests(FakeDialogs::new(), None).with_background_bytes(1);
    let mut model = Model::new(egui::Context::default(), None, ports);
    model.handle(Message::Command(AppCommand::Action(Action::New)));
    model
}

/// Waits for the workspace thread and hands its result to `handle`, as `poll` would.
fn finish_workspace_job(model: &mut Model) {
    let done = model.workspace_jobs.wait().expect("a job was running");
    model.handle(AppEvent::Workspace(Box::new(done)).into());
}

fn big_workspace(title: &str) -> Workspace {
    Workspace {
        title: title.into(),
        briefs: vec![crate::model::Brief::new(
            crate::model::BriefId::new(),
            crate::model::BriefMeta::default(),
            "الانسحاب الأمريكي من العراق. ".repeat(100),
        )],
        ..Workspace::default()
    }
}

#[test]
fn a_large_open_runs_on_a_thread_and_its_result_arrives_as_an_event() {
    let mut model = threaded_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    crate::io::save(&path, &big_workspace("كبير")).expect("save");
    model.handle(AppCommand::OpenPath(path.clone()).into());
    assert!(model.is_busy_with_workspace());
    assert!(matches!(
        &model.state().modal,
        Some(crate::app::state::Modal::Working(what)) if what.starts_with("Opening big.ron (")
    ));
    assert_eq!(model.session().path, None, "the open one stays until then");
    // Nothing else is started meanwhile.
    model.handle(AppCommand::Action(Action::New).into());
    assert_eq!(
        model.state().status,
        "Wait until the workspace is opened or saved."
    );
    finish_workspace_job(&mut model);
    assert!(!model.is_busy_with_workspace());
    assert_eq!(model.state().modal, None);
    assert_eq!(model.session().path.as_deref(), Some(path.as_path()));
    assert_eq!(model.session().workspace().title, "كبير");
}

#[test]
fn a_large_save_marks_saved_only_what_it_wrote_then_carries_on() {
    let mut model = threaded_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    crate::io::save(&path, &big_workspace("كبير")).expect("save");
    model.handle(AppCommand::OpenPath(path.clone()).into());
    finish_workspace_job(&mut model);
    model.handle(AppCommand::Edit(Edit::SetWorkspaceTitle("one".into())).into());
    model.handle(AppCommand::Action(Action::Save).into());
    assert!(model.is_busy_with_workspace());
    assert!(model.session().doc.is_dirty(), "unsaved until written");
    // A change that comes in while the thread writes (a finished import would) is not in the
    // file, so the document stays dirty.
    model.handle(AppCommand::Edit(Edit::SetWorkspaceTitle("two".into())).into());
    finish_workspace_job(&mut model);
    assert_eq!(crate::io::load(&path).expect("load").title, "one");
    assert!(model.session().doc.is_dirty());
    assert!(model.state().status.starts_with("Saved"));
    // Save, then quit, from the "Save changes?" guard: the quit waits for the write.
    model.handle(AppCommand::Action(Action::Quit).into());
    model.handle(AppCommand::Guard(crate::app::state::GuardChoice::Save).into());
    assert!(!model.state().allow_close, "not before it is written");
    finish_workspace_job(&mut model);
    assert!(!model.session().doc.is_dirty());
    assert!(model.state().allow_close, "then Basira closes");
    assert_eq!(crate::io::load(&path).expect("load").title, "two");
}

#[test]
fn reloading_a_large_workspace_changed_on_disk_runs_on_a_thread() {
    let mut model = threaded_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    crate::io::save(&path, &big_workspace("mine")).expect("save");
    model.handle(AppCommand::OpenPath(path.clone()).into());
    finish_workspace_job(&mut model);
    crate::io::save(&path, &big_workspace("theirs")).expect("their save");
    model.handle(AppCommand::Disk(crate::app::state::DiskChoice::Reload).into());
    assert!(model.is_busy_with_workspace());
    assert_eq!(
        model.session().workspace().title,
        "mine",
        "until it is read"
    );
    finish_workspace_job(&mut model);
    assert_eq!(model.session().workspace().title, "theirs");
    assert!(
        model.state().status.starts_with("Reloaded"),
        "{}",
        model.state().status
    );
}

#[test]
fn a_large_save_over_a_file_changed_on_disk_writes_nothing_and_asks() {
    let mut model = threaded_model();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    crate::io::save(&path, &big_workspace("mine")).expect("save");
    model.handle(AppCommand::OpenPath(path.clone()).into());
    finish_workspace_job(&mut model);
    model.handle(AppCommand::Edit(Edit::SetWorkspaceTitle("my edit".into())).into());
    crate::io::save(&path, &big_workspace("theirs")).expect("their save");
    model.handle(AppCommand::Action(Action::Save).into());
    assert!(
        model.is_busy_with_workspace(),
        "the check runs on the thread"
    );
    finish_workspace_job(&mut model);
    assert!(matches!(
        model.state().modal,
        Some(crate::app::state::Modal::ChangedOnDisk { then: None })
    ));
    assert_eq!(crate::io::load(&path).expect("load").title, "theirs");
    assert!(model.session().doc.is_dirty());
    // Keep mine: written without asking again.
    model.handle(AppCommand::Disk(crate::app::state::DiskChoice::KeepMine).into());
    finish_workspace_job(&mut model);
    assert_eq!(crate::io::load(&path).expect("load").title, "my edit");
    assert!(!model.session().doc.is_dirty());
}
