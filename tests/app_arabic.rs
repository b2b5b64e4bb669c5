//! The Arabic interface, driven with egui_kittest: the language follows the system at first
//! start, View → Language switches it at once and keeps it, shortcuts work with the key events
//! an Arabic keyboard layout sends, digits and dates follow the setting, and the main scenario
//! (create a passage, tag, link, memo, save) runs with every widget found by its Arabic label.

mod common;

use std::path::Path;

use basira::app::{BasiraApp, DialogAnswer, FakeDialogs, Ports};
use basira::i18n::{Digits, Language};
use basira::model::{
    Brief, BriefId, BriefMeta, LinkTarget, Relation, Scenario, ScenarioId, Workspace,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_with_ports, click, determinant, tag};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026، \
بينما تتزايد تهديدات داعش في المناطق الحدودية.";
const QUOTE: &str = "الانسحاب الأمريكي";

fn workspace() -> Workspace {
    Workspace {
        title: "الانسحاب الأمريكي من العراق".into(),
        memo: String::new(),
        briefs: vec![Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: "مستقبل العلاقات الأمريكية العراقية".into(),
                published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            text: TEXT.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }],
        tags: vec![tag("تهديدات داعش", 0)],
        determinants: vec![determinant("التصعيد الإقليمي")],
        scenarios: vec![Scenario {
            id: ScenarioId::new(),
            title: "شراكة استراتيجية".into(),
            narrative: String::new(),
            likelihood: basira::model::Likelihood::Unassessed,
        }],
        passages: Vec::new(),
        ..Workspace::default()
    }
}

/// The app on `workspace`, with a config folder and the system locale `locale`.
fn app(workspace: &Path, config: &Path, locale: &str) -> Harness<'static, BasiraApp> {
    let ports = Ports::for_tests(FakeDialogs::new(), Some(config.to_owned())).with_locale(locale);
    app_with_ports(Some(workspace.to_owned()), ports)
}

/// Presses `key` as an Arabic layout reports it through egui-winit: the layout's character
/// («س» for S) is no key egui knows, so the event carries the physical key, and no text is
/// typed while Ctrl is held.
fn arabic_layout_key(harness: &mut Harness<'_, BasiraApp>, key: Key, modifiers: Modifiers) {
    for pressed in [true, false] {
        harness.event(egui::Event::Key {
            key,
            physical_key: Some(key),
            pressed,
            repeat: false,
            modifiers,
        });
    }
    harness.run();
}

fn char_range(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Selects `start..end` in the reader by dragging over it with real pointer events.
fn select_in_reader(harness: &mut Harness<'_, BasiraApp>, start: usize, end: usize) {
    let point = |h: &Harness<'_, BasiraApp>, i: usize| {
        h.state()
            .reader_point_of(i)
            .unwrap_or_else(|| panic!("code point {i} is not in view"))
    };
    let (from, to) = (point(harness, start), point(harness, end));
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(egui::Event::PointerMoved(from));
    harness.event(button(from, true));
    harness.event(egui::Event::PointerMoved(from.lerp(to, 0.5)));
    harness.event(egui::Event::PointerMoved(to));
    harness.event(button(to, false));
    harness.run();
}

#[test]
fn the_first_start_follows_the_system_locale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let arabic = app(&path, &dir.path().join("ar"), "ar_IQ.UTF-8");
    assert_eq!(arabic.state().locale().language, Language::Arabic);
    arabic.get_by_label("ملف");
    arabic.get_by_label("الأوراق");
    assert!(
        arabic.state().window_title().ends_with(" — بصيرة"),
        "{}",
        arabic.state().window_title()
    );
    let english = app(&path, &dir.path().join("en"), "en_GB.UTF-8");
    assert_eq!(english.state().locale().language, Language::English);
    english.get_by_label("File");
    english.get_by_label("Briefs");
}

#[test]
fn view_language_switches_at_once_and_is_kept_for_the_next_start() {
    let config = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let mut harness = app(&path, config.path(), "C");
    harness.get_by_label("Briefs");
    click(&mut harness, "View");
    click(&mut harness, "Language");
    click(&mut harness, "العربية");
    assert_eq!(harness.state().locale().language, Language::Arabic);
    harness.get_by_label("الأوراق");
    harness.get_by_label("ملف");
    harness.get_by_label("الواجهة الآن بالعربية.");
    assert!(
        harness.query_by_label("Briefs").is_none(),
        "no English left"
    );

    // The next start, whatever the system says, keeps the analyst's choice.
    let mut next = app(&path, config.path(), "en_US.UTF-8");
    assert_eq!(next.state().locale().language, Language::Arabic);
    click(&mut next, "عرض");
    click(&mut next, "اللغة");
    click(&mut next, "English");
    next.get_by_label("Briefs");
    let after = app(&path, config.path(), "ar_EG.UTF-8");
    assert_eq!(after.state().locale().language, Language::English);
}

#[test]
fn shortcuts_work_with_the_key_events_of_an_arabic_layout() {
    let config = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let mut harness = app(&path, config.path(), "ar_SA.UTF-8");
    harness.get_by_label("دليل الوسوم").click();
    harness.run();
    click(&mut harness, "إضافة وسم");
    assert_eq!(harness.state().document().workspace().tags.len(), 2);

    // Ctrl+«ئ» (Z): undo; Ctrl+Shift+«~» (Z): redo.
    arabic_layout_key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(harness.state().document().workspace().tags.len(), 1);
    harness.get_by_label("تراجعت عن: إضافة وسم");
    arabic_layout_key(
        &mut harness,
        Key::Z,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
    );
    assert_eq!(harness.state().document().workspace().tags.len(), 2);

    // Ctrl+«ب» (F): the find bar, its field named in Arabic.
    arabic_layout_key(&mut harness, Key::F, Modifiers::COMMAND);
    harness.get_by_label("بحث");

    // Ctrl+«س» (S): save.
    assert!(harness.state().document().is_dirty());
    arabic_layout_key(&mut harness, Key::S, Modifiers::COMMAND);
    assert!(
        !harness.state().document().is_dirty(),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(basira::io::load(&path).expect("saved").tags.len(), 2);
}

#[test]
fn digits_and_dates_follow_the_interface_never_the_text() {
    let config = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let mut harness = app(&path, config.path(), "ar_IQ.UTF-8");
    // Western digits by default, the month in Arabic.
    harness.get_by_label("25 سبتمبر 2025 · ar");
    click(&mut harness, "عرض");
    click(&mut harness, "الأرقام");
    click(&mut harness, "هندية (٠١٢٣٤٥٦٧٨٩)");
    assert_eq!(harness.state().locale().digits, Digits::ArabicIndic);
    harness.get_by_label("٢٥ سبتمبر ٢٠٢٥ · ar");
    harness.get_by_label_contains("٢٥ سبتمبر ٢٠٢٥ · \u{2068}ar\u{2069} · لا مقاطع");
    // The brief's own digits are the brief's.
    assert!(
        harness.state().document().workspace().briefs[0]
            .text
            .contains("2026")
    );
    // Selected, the brief's words keep their digits; the range around them is the interface's.
    let (start, end) = char_range(TEXT, "سبتمبر 2026");
    select_in_reader(&mut harness, start, end);
    let indic = |n: usize| {
        n.to_string()
            .chars()
            .map(|c| char::from_u32(0x0660 + c.to_digit(10).expect("digit")).expect("char"))
            .collect::<String>()
    };
    harness.get_by_label(&format!("«سبتمبر 2026» ({}–{})", indic(start), indic(end)));
}

/// The main scenario of `app_ui.rs` (create a passage, tag it, link it, write a memo, save)
/// with the Arabic interface, every widget found by its Arabic label.
#[test]
fn the_main_scenario_runs_in_arabic() {
    let config = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let mut harness = app(&path, config.path(), "ar_IQ.UTF-8");
    assert!(harness.state().notices().is_empty());

    let (start, end) = char_range(TEXT, QUOTE);
    select_in_reader(&mut harness, start, end);
    click(&mut harness, "إنشاء مقطع");
    let ws = harness.state().document().workspace();
    assert_eq!(ws.passages.len(), 1);
    assert_eq!(ws.passages[0].anchor.quote, QUOTE);
    harness.get_by_label("أُنشئ مقطع.");

    harness
        .get_by_role_and_label(Role::CheckBox, "تهديدات داعش")
        .click();
    harness.run();
    click(&mut harness, "ربط بـ");
    click(&mut harness, "محدِّد · التصعيد الإقليمي");
    click(&mut harness, "العلاقة");
    click(&mut harness, "مؤشِّر");
    click(&mut harness, "إضافة ربط");
    harness.get_by_label("مذكرة").focus();
    harness.run();
    harness.get_by_label("مذكرة").type_text("جدول الانسحاب");
    harness.run();
    click(&mut harness, "ملف");
    click(&mut harness, "حفظ");
    assert!(
        !harness.state().document().is_dirty(),
        "{:?}",
        harness.state().notices()
    );
    harness.get_by_label_contains("حُفظ ");

    let saved = basira::io::load(&path).expect("the saved workspace loads");
    let passage = &saved.passages[0];
    assert_eq!(passage.anchor.quote, QUOTE);
    assert_eq!(passage.tags, vec![saved.tags[0].id]);
    assert_eq!(
        passage.links[0].target,
        LinkTarget::Determinant(saved.determinants[0].id)
    );
    assert_eq!(passage.links[0].relation, Relation::Indicator);
    assert_eq!(passage.memo, "جدول الانسحاب");
    // The interface's words never reach the file.
    let file = std::fs::read_to_string(&path).expect("read");
    assert!(!file.contains("مؤشِّر") && file.contains("Indicator"));
}

#[test]
fn in_arabic_the_layout_is_mirrored() {
    let config = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let x_of = |harness: &Harness<'_, BasiraApp>, label: &str| harness.get_by_label(label).rect();
    let reader_of = |harness: &Harness<'_, BasiraApp>, label: &str| {
        harness.get_by_role_and_label(Role::Document, label).rect()
    };

    let arabic = app(&path, config.path(), "ar_IQ.UTF-8");
    let (briefs, reader, inspector) = (
        x_of(&arabic, "الأوراق"),
        reader_of(&arabic, "القارئ"),
        x_of(&arabic, "المقطع"),
    );
    assert!(
        briefs.min.x >= reader.max.x,
        "{briefs:?} right of {reader:?}"
    );
    assert!(
        inspector.max.x <= reader.min.x,
        "{inspector:?} left of {reader:?}"
    );
    // The menu bar reads from the right: File, then Edit to its left.
    let (file, edit) = (x_of(&arabic, "ملف"), x_of(&arabic, "تحرير"));
    assert!(file.min.x > edit.max.x, "{file:?} right of {edit:?}");

    let english = app(&path, &config.path().join("en"), "en_GB.UTF-8");
    let (briefs, reader, inspector) = (
        x_of(&english, "Briefs"),
        reader_of(&english, "Reader"),
        x_of(&english, "Passage"),
    );
    assert!(briefs.max.x <= reader.min.x);
    assert!(inspector.min.x >= reader.max.x);
    let (file, edit) = (x_of(&english, "File"), x_of(&english, "Edit"));
    assert!(file.max.x < edit.min.x);
}

#[test]
fn a_file_that_cannot_be_opened_is_reported_in_arabic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("غائب.ron");
    let harness = app(&missing, &dir.path().join("config"), "ar_IQ.UTF-8");
    // The notice names the file and says why in Arabic: no English word in it.
    harness.get_by_label_contains("تعذَّرت قراءة");
    let text = harness.state().notices()[0].text.clone();
    assert!(text.contains("غائب.ron"), "{text}");
    assert!(text.contains("غير موجود"), "{text}");
    let without_path = text.replace(&missing.display().to_string(), "");
    assert!(
        !without_path.chars().any(|c| c.is_ascii_alphabetic()),
        "{text}"
    );
}

#[test]
fn a_combo_box_shows_and_reports_its_arabic_value_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    let mut harness = app(&path, &dir.path().join("config"), "ar_IQ.UTF-8");
    click(&mut harness, "السيناريوهات");
    let combo = "احتمال شراكة استراتيجية";
    let value = |h: &Harness<'_, BasiraApp>| {
        h.get_by_label(combo)
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    // The value is the logical text, not words put in visual order for egui.
    assert_eq!(value(&harness), "الاحتمال: غير مقدَّر");
    click(&mut harness, combo);
    click(&mut harness, "مستبعد جدًّا (5–20%)");
    assert_eq!(
        harness.state().document().workspace().scenarios[0].likelihood,
        basira::model::Likelihood::VeryUnlikely
    );
    assert_eq!(value(&harness), "الاحتمال: مستبعد جدًّا (5–20%)");
}

#[test]
fn an_import_warning_is_shown_in_arabic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_ws_dir, path) = common::workspace_file(&workspace());
    // A page in windows-1256 that declares no character set: the importer guesses the legacy
    // Arabic encoding and says so.
    let page = format!("<html lang=\"ar\"><body><article><p>{TEXT}</p></article></body></html>");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    let file = dir.path().join("تقرير.html");
    std::fs::write(&file, &bytes).expect("write page");
    let dialogs = FakeDialogs::new();
    dialogs.queue_briefs(DialogAnswer::Picked(vec![file]));
    let ports =
        Ports::for_tests(dialogs, Some(dir.path().join("config"))).with_locale("ar_IQ.UTF-8");
    let mut harness = app_with_ports(Some(path), ports);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.step();
    common::wait_for_imports(&mut harness);
    let ws = harness.state().document().workspace();
    assert_eq!(ws.briefs.len(), 2);
    assert_eq!(ws.briefs[1].text, TEXT, "read as windows-1256");
    harness.get_by_label_contains("لا تُعلن الصفحة ترميزًا");
    let notices = harness.state().notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let text = notices[0].text.clone();
    assert!(text.contains("تقرير.html"), "{text}");
    assert!(text.contains("windows-1256"), "{text}");
    let words = ["تقرير.html", "windows-1256", "UTF-8"]
        .iter()
        .fold(text.clone(), |rest, name| rest.replace(name, ""));
    assert!(!words.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
}
