//! The passages list and the codebook as an analyst works them (issue 13, items 5 and 6),
//! driven through the interface with egui_kittest: sorting by a column header, the marks of
//! the links' relations, the row's context menu, the resizable split; a tag created from the
//! inspector, *Move to…* and *Merge into…* in the codebook, each undone exactly.

mod common;

use std::path::Path;

use basira::app::{BasiraApp, FakeDialogs, Ports};
use basira::i18n::Language;
use basira::model::{
    Brief, BriefId, BriefMeta, Colour, Link, LinkTarget, Relation, Scenario, ScenarioId, Tag,
    TagId, Workspace,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_with_ports, click, copied, determinant, key, tag};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026، \
بينما تتزايد تهديدات داعش في المناطق الحدودية.\nويبقى النفوذ الإيراني عاملًا حاسمًا.";

/// The code-point range of `needle` in [`TEXT`].
fn char_range(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The quotes of the four passages, in reading order.
const QUOTES: [&str; 4] = [
    "قال الرئيس",
    "الانسحاب الأمريكي",
    "تهديدات داعش",
    "النفوذ الإيراني",
];

/// One Arabic brief; tags ISIS threats, Iranian influence and its child Quds Force; a
/// determinant and a scenario; four passages created an hour apart in reverse reading order:
/// «قال الرئيس» untagged, «الانسحاب الأمريكي» Quds Force and ISIS threats, «تهديدات داعش» ISIS
/// threats and weakening the scenario, «النفوذ الإيراني» Quds Force, supporting the
/// determinant and an indicator of the scenario, with a memo.
fn coded_workspace() -> Workspace {
    let isis = tag("ISIS threats", 0);
    let iran = tag("Iranian influence", 1);
    let quds = Tag {
        id: TagId::new(),
        name: "Quds Force".into(),
        colour: Colour::nth(2),
        parent: Some(iran.id),
        description: "IRGC's foreign arm.".into(),
    };
    let escalation = determinant("Regional escalation");
    let scenario = Scenario {
        id: ScenarioId::new(),
        title: "Managed withdrawal".into(),
        narrative: String::new(),
        likelihood: basira::model::Likelihood::ALL[0],
    };
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "مستقبل العلاقات الأمريكية العراقية".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let supports = |target| Link {
        target,
        relation: Relation::Supports,
    };
    let mut passages = Vec::new();
    for (n, quote) in QUOTES.iter().enumerate() {
        let (start, end) = char_range(quote);
        let hours = i64::try_from(QUOTES.len() - n).expect("small");
        let at = chrono::DateTime::from_timestamp(1_758_801_600 + hours * 3600, 0).expect("time");
        let mut passage = basira::edit::new_passage(&brief, start, end, at).expect("passage");
        match n {
            1 => passage.tags = vec![quds.id, isis.id],
            2 => {
                passage.tags = vec![isis.id];
                passage.links = vec![Link {
                    target: LinkTarget::Scenario(scenario.id),
                    relation: Relation::Weakens,
                }];
            }
            3 => {
                passage.tags = vec![quds.id];
                passage.links = vec![
                    supports(LinkTarget::Determinant(escalation.id)),
                    Link {
                        target: LinkTarget::Scenario(scenario.id),
                        relation: Relation::Indicator,
                    },
                ];
                passage.memo = "Tehran's leverage.".into();
            }
            _ => {}
        }
        passages.push(passage);
    }
    Workspace {
        title: "US withdrawal from Iraq".into(),
        briefs: vec![brief],
        tags: vec![isis, iran, quds],
        determinants: vec![escalation],
        scenarios: vec![scenario],
        passages,
        ..Workspace::default()
    }
}

fn app(path: &Path) -> Harness<'static, BasiraApp> {
    app_with_ports(
        Some(path.to_owned()),
        Ports::for_tests(FakeDialogs::new(), None),
    )
}

/// The quotes of the passages list's rows as they are listed (rows are named
/// `brief — «quote»`).
fn listed_quotes(harness: &Harness<'_, BasiraApp>) -> Vec<String> {
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.contains(" — «")))
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|l| {
            let start = l.find(" — «")? + " — «".len();
            Some(l[start..].trim_end_matches('»').to_owned())
        })
        .collect()
}

/// Presses Ctrl+Z.
fn undo(harness: &mut Harness<'_, BasiraApp>) {
    key(harness, Key::Z, Modifiers::COMMAND);
}

/// Opens the context menu of the row of the passages list that shows `quote`.
fn row_menu(harness: &mut Harness<'_, BasiraApp>, quote: &str) {
    harness
        .get_by_label_contains(&format!("— «{quote}»"))
        .click_secondary();
    harness.run();
}

#[test]
fn clicking_a_header_sorts_the_rows_and_clicking_again_reverses_them() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    // Reading order before any sort.
    assert_eq!(listed_quotes(&harness), QUOTES);

    // By quote, in Arabic alphabetical order (hamza forms folded): ا… before ت… before ق….
    click(&mut harness, "Sort by Quote");
    let by_quote = [
        "الانسحاب الأمريكي",
        "النفوذ الإيراني",
        "تهديدات داعش",
        "قال الرئيس",
    ];
    assert_eq!(listed_quotes(&harness), by_quote);
    click(&mut harness, "Sort by Quote");
    let mut reversed = by_quote;
    reversed.reverse();
    assert_eq!(listed_quotes(&harness), reversed);

    // By creation time: the passages were created in reverse reading order.
    click(&mut harness, "Sort by Created");
    let mut newest_last = QUOTES;
    newest_last.reverse();
    assert_eq!(listed_quotes(&harness), newest_last);
    click(&mut harness, "Sort by Created");
    assert_eq!(listed_quotes(&harness), QUOTES);

    // By links: none, then one, then two.
    click(&mut harness, "Sort by Links");
    let links = listed_quotes(&harness);
    assert_eq!(links.last().map(String::as_str), Some("النفوذ الإيراني"));

    // The sort is kept while the list changes: a filter keeps the order of what is left.
    click(&mut harness, "Sort by Quote");
    click(&mut harness, "Tag");
    // The filter's entry, a button (the list's tags cells are labels named by their tags).
    harness
        .get_all_by(|n| n.label().as_deref() == Some("Quds Force") && n.role() == Role::Button)
        .next()
        .expect("the filter's entry")
        .click();
    harness.run();
    assert_eq!(
        listed_quotes(&harness),
        ["الانسحاب الأمريكي", "النفوذ الإيراني"]
    );
}

#[test]
fn the_links_column_marks_each_relation_and_a_legend_explains_the_marks() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    harness.get_by_label("▲ supports · ▼ weakens · ◆ indicator");
    harness.get_by_label("supports «Regional escalation»; indicator «Managed withdrawal»");
    harness.get_by_label("weakens «Managed withdrawal»");
    // One memo marker, on the passage with a memo.
    assert_eq!(harness.query_all_by_label("Has a memo").count(), 1);
    // A passage with two tags names both.
    harness.get_by_label("Quds Force, ISIS threats");

    // In Arabic: the marks' words are Arabic and the columns run right to left.
    let english_brief = harness.get_by_label("Sort by Brief").rect();
    let english_quote = harness.get_by_label("Sort by Quote").rect();
    assert!(english_brief.center().x < english_quote.center().x);
    click(&mut harness, "View");
    click(&mut harness, "Language");
    click(&mut harness, "العربية");
    assert_eq!(harness.state().locale().language, Language::Arabic);
    harness.get_by_label("▲ يدعم · ▼ يُضعف · ◆ مؤشِّر");
    harness.get_by_label("يدعم «Regional escalation»; مؤشِّر «Managed withdrawal»");
    let brief = harness.get_by_label("الترتيب حسب الورقة").rect();
    let quote = harness.get_by_label("الترتيب حسب الاقتباس").rect();
    let created = harness.get_by_label("الترتيب حسب أُنشئ في").rect();
    assert!(
        brief.center().x > quote.center().x && quote.center().x > created.center().x,
        "the brief column is rightmost, the created column leftmost"
    );
}

#[test]
fn the_row_menu_opens_copies_and_deletes_with_undo() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    let target = ws.passages[2].clone();

    // Copy quote: the quote as it is in the brief, on the clipboard.
    row_menu(&mut harness, "تهديدات داعش");
    harness.get_by_label("Copy quote").click();
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("تهديدات داعش"));
    harness.run();
    harness.get_by_label("Copied the quote to the clipboard.");

    // Delete: the removal dialog says what goes; the status offers Undo, which restores it.
    row_menu(&mut harness, "تهديدات داعش");
    click(&mut harness, "Delete passage…");
    harness.get_by_label("Delete passage?");
    harness.get_by_label_contains("«تهديدات داعش» will be deleted, with 1 tag and 1 link.");
    click(&mut harness, "Delete");
    assert!(
        harness
            .state()
            .document()
            .workspace()
            .passage(target.id)
            .is_none()
    );
    harness.get_by_label("Done: delete passage. Undo (Ctrl+Z) brings it back.");
    assert!(!listed_quotes(&harness).contains(&"تهديدات داعش".to_owned()));
    undo(&mut harness);
    assert_eq!(
        harness.state().document().workspace().passage(target.id),
        Some(&target)
    );
    assert!(listed_quotes(&harness).contains(&"تهديدات داعش".to_owned()));

    // Open in reader: selects the passage and its brief.
    row_menu(&mut harness, "تهديدات داعش");
    click(&mut harness, "Open in reader");
    assert_eq!(harness.state().selected_passage(), Some(target.id));
}

#[test]
fn the_split_is_dragged_to_give_the_list_more_rows() {
    // Sixty passages: more than the list shows at first.
    let mut ws = coded_workspace();
    let brief = ws.briefs[0].clone();
    for n in 0..60 {
        let start = n % 40;
        let passage = basira::edit::new_passage(&brief, start, start + 5, chrono::Utc::now())
            .expect("passage");
        ws.passages.push(passage);
    }
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    let rows = |h: &Harness<'_, BasiraApp>| listed_quotes(h).len();
    let before = rows(&harness);
    assert!(before < 20, "{before} rows shown at first");
    // The split is the top edge of the list's panel, just above its heading.
    let heading = harness.get_by_label("Passages (64 of 64)").rect();
    let from = egui::pos2(heading.center().x + 300.0, heading.top() - 5.0);
    drag(&mut harness, from, from - egui::vec2(0.0, 300.0));
    let after = rows(&harness);
    assert!(
        after >= before + 8,
        "dragging the split up 300 points shows more rows: {before} → {after}"
    );
}

#[test]
fn a_tag_typed_in_the_inspector_is_created_and_applied_as_one_undo_step() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    let target = ws.passages[0].clone();
    harness.get_by_label_contains("— «قال الرئيس»").click();
    harness.run();
    assert_eq!(harness.state().selected_passage(), Some(target.id));

    harness.get_by_label("New tag").focus();
    harness.run();
    harness.get_by_label("New tag").type_text("كتائب حزب الله");
    harness.run();
    click(&mut harness, "Create tag «كتائب حزب الله» and apply");
    let after = harness.state().document().workspace();
    assert_eq!(after.tags.len(), 4);
    let created = after.tags.last().expect("the new tag").clone();
    assert_eq!(created.name, "كتائب حزب الله");
    assert_eq!(
        after.passage(target.id).expect("kept").tags,
        vec![created.id]
    );
    assert_eq!(
        harness.state().document().undo_label(),
        Some("create tag and apply")
    );
    assert_eq!(
        harness.query_by_label("New tag").and_then(|n| n.value()),
        Some(String::new()),
        "the field is empty again"
    );

    // Typing an existing tag's name offers to apply it instead of making another.
    harness.get_by_label("New tag").focus();
    harness.run();
    harness.get_by_label("New tag").type_text("isis threats");
    harness.run();
    assert!(harness.query_by_label_contains("Create tag").is_none());
    click(&mut harness, "Apply tag «ISIS threats»");
    assert_eq!(
        harness
            .state()
            .document()
            .workspace()
            .passage(target.id)
            .expect("kept")
            .tags,
        vec![created.id, ws.tags[0].id]
    );

    // Two undos: the tag applied, then the created tag with its use, in one step.
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(harness.state().document().workspace(), &ws);

    // Enter in the field does what its button offers.
    harness.get_by_label("New tag").focus();
    harness.run();
    // Typed in two goes: the list narrowing under the first keeps the field's focus.
    harness.get_by_label("New tag").type_text("Hez");
    harness.run();
    harness.get_by_label("New tag").type_text("bollah");
    harness.run();
    harness.get_by_label("Create tag «Hezbollah» and apply");
    key(&mut harness, Key::Enter, Modifiers::NONE);
    let after = harness.state().document().workspace();
    let created = after.tags.last().expect("a tag");
    assert_eq!(created.name, "Hezbollah");
    assert_eq!(
        after.passage(target.id).expect("kept").tags,
        vec![created.id]
    );
}

/// Opens the context menu of the codebook's card for the tag `name`.
fn tag_menu(harness: &mut Harness<'_, BasiraApp>, name: &str) {
    harness
        .get_by_label(&format!("Name of tag {name}"))
        .click_secondary();
    harness.run();
}

#[test]
fn move_to_puts_a_tag_under_another_and_never_under_its_own_descendant() {
    let ws = coded_workspace();
    let (isis, iran) = (ws.tags[0].id, ws.tags[1].id);
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    click(&mut harness, "Codebook");
    tag_menu(&mut harness, "Iranian influence");
    click(&mut harness, "Move to");
    // Its own child is not offered; the top level and the other tag are.
    assert!(
        harness
            .query_by_label("Iranian influence / Quds Force")
            .is_none()
    );
    harness.get_by_label("(top level)");
    harness
        .query_all_by_label("ISIS threats")
        .last()
        .expect("the menu's entry")
        .click();
    harness.run();
    let moved = harness.state().document().workspace();
    assert_eq!(moved.tag(iran).expect("kept").parent, Some(isis));
    assert_eq!(
        moved.tag_path(ws.tags[2].id),
        "ISIS threats / Iranian influence / Quds Force",
        "its child moves with it"
    );
    assert_eq!(harness.state().document().undo_label(), Some("move tag"));
    // The codebook shows it under its new parent.
    let order: Vec<String> = harness
        .get_all_by(|n| n.label().is_some_and(|l| l.starts_with("Name of tag ")))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        order,
        [
            "Name of tag ISIS threats",
            "Name of tag Iranian influence",
            "Name of tag Quds Force"
        ]
    );
    undo(&mut harness);
    assert_eq!(harness.state().document().workspace(), &ws);
}

#[test]
fn merge_into_joins_two_tags_and_one_undo_restores_both_and_every_passage() {
    let ws = coded_workspace();
    let (isis, quds) = (ws.tags[0].id, ws.tags[2].id);
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    click(&mut harness, "Codebook");
    tag_menu(&mut harness, "Quds Force");
    click(&mut harness, "Merge into");
    harness
        .query_all_by_label("ISIS threats")
        .last()
        .expect("the menu's entry")
        .click();
    harness.run();
    let merged = harness.state().document().workspace();
    assert!(merged.tag(quds).is_none(), "Quds Force is gone");
    let tags: Vec<Vec<TagId>> = merged.passages.iter().map(|p| p.tags.clone()).collect();
    // The passage that had both keeps one; the one with Quds Force alone has ISIS threats.
    assert_eq!(tags, [vec![], vec![isis], vec![isis], vec![isis]]);
    assert_eq!(
        merged.tag(isis).expect("kept").description,
        "IRGC's foreign arm.",
        "the description comes along"
    );
    harness.get_by_label(
        "Merged «Quds Force» into «ISIS threats». Undo (Ctrl+Z) brings «Quds Force» back.",
    );
    // Counts follow: ISIS threats now holds three passages.
    harness.get_by_label("3 passages");

    undo(&mut harness);
    assert_eq!(
        harness.state().document().workspace(),
        &ws,
        "one undo restores both tags and all passages' tags exactly"
    );
}

/// Drags with the primary button from `from` to `to`, a frame per step.
fn drag(harness: &mut Harness<'_, BasiraApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for step in 1..=10_u8 {
        harness.event(egui::Event::PointerMoved(
            from + (to - from) * (f32::from(step) / 10.0),
        ));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn a_tag_dragged_by_its_handle_onto_another_moves_under_it() {
    let ws = coded_workspace();
    let (isis, iran, quds) = (ws.tags[0].id, ws.tags[1].id, ws.tags[2].id);
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path);
    click(&mut harness, "Codebook");
    let handle = |h: &Harness<'_, BasiraApp>, name: &str| {
        h.get_by_label(&format!(
            "Drag {name} onto another tag to move it under that tag"
        ))
        .rect()
        .center()
    };
    let card = |h: &Harness<'_, BasiraApp>, name: &str| {
        h.get_by_label(&format!("Name of tag {name}"))
            .rect()
            .center()
    };
    // A tag is never dropped under its own child: Iranian influence onto Quds Force.
    let (from, to) = (
        handle(&harness, "Iranian influence"),
        card(&harness, "Quds Force"),
    );
    drag(&mut harness, from, to);
    assert_eq!(harness.state().document().workspace(), &ws, "nothing moved");
    // Quds Force onto ISIS threats.
    let (from, to) = (
        handle(&harness, "Quds Force"),
        card(&harness, "ISIS threats"),
    );
    drag(&mut harness, from, to);
    let moved = harness.state().document().workspace();
    assert_eq!(moved.tag(quds).expect("kept").parent, Some(isis));
    assert_eq!(moved.tag(iran).expect("kept").parent, None);
    assert_eq!(harness.state().document().undo_label(), Some("move tag"));
    undo(&mut harness);
    assert_eq!(harness.state().document().workspace(), &ws);
}
