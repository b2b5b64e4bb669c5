//! The *Memos* tab of the right panel: the workspace's memo, then every memo in the workspace
//! (the briefs', the passages', the codebook's, the determinants' and the scenarios'),
//! filterable by text and by kind; each row opens the object its memo is on.

use egui::Ui;

use super::widgets::{shorten, text_field, visible_rows};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, combo_face, combo_item, egui_text, line_height,
    message_label, paint_combo_face,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{MemoFilter, MemoKind, MemoRef};
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{MemoTarget, Workspace};
use crate::search::{self, SearchOptions};
use crate::tr;

/// One memo of the list: what it is on, that object's name, and the memo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoRow {
    pub on: MemoRef,
    /// The workspace's, brief's, determinant's or scenario's title, the tag's path, the
    /// passage's quote (shortened).
    pub title: String,
    pub text: String,
}

/// The memos list, made once per document revision, language and filter rather than on every
/// frame (a workspace may hold tens of thousands of passage memos).
#[derive(Debug, Default)]
pub struct MemoList {
    made_for: Option<(u64, Locale)>,
    rows: Vec<MemoRow>,
    filter: Option<MemoFilter>,
    /// Indices into `rows` of those the filter keeps.
    shown: Vec<usize>,
}

impl MemoList {
    /// Brings the list up to `ws` at `revision` under `filter` (nothing to do when none of
    /// them changed).
    pub fn refresh(&mut self, ws: &Workspace, revision: u64, loc: Locale, filter: &MemoFilter) {
        if self.made_for != Some((revision, loc)) {
            self.made_for = Some((revision, loc));
            self.rows = memo_rows(ws, loc);
            self.filter = None;
        }
        if self.filter.as_ref() != Some(filter) {
            self.filter = Some(filter.clone());
            self.shown = (0..self.rows.len())
                .filter(|&i| keeps(filter, &self.rows[i]))
                .collect();
        }
    }

    /// How many memos the workspace holds.
    #[must_use]
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// How many the filter keeps.
    #[must_use]
    pub fn shown(&self) -> usize {
        self.shown.len()
    }

    /// The `i`-th memo the filter keeps.
    #[must_use]
    pub fn shown_row(&self, i: usize) -> Option<&MemoRow> {
        self.rows.get(*self.shown.get(i)?)
    }
}

/// Every memo of `ws` that is not blank, by kind (workspace, briefs, passages, tags,
/// determinants, scenarios), each kind in the workspace's order.
#[must_use]
pub fn memo_rows(ws: &Workspace, loc: Locale) -> Vec<MemoRow> {
    let mut rows = Vec::new();
    let mut push = |on: MemoRef, title: String, text: &str| {
        if !text.trim().is_empty() {
            rows.push(MemoRow {
                on,
                title,
                text: text.to_owned(),
            });
        }
    };
    let untitled = || tr!(loc, "untitled");
    let or_untitled = |t: &str| {
        if t.trim().is_empty() {
            untitled()
        } else {
            t.trim().to_owned()
        }
    };
    push(MemoRef::Workspace, or_untitled(&ws.title), &ws.memo);
    for brief in &ws.briefs {
        let on = MemoTarget::Brief(brief.id);
        push(MemoRef::On(on), brief.display_title(), ws.memos.get(on));
    }
    for passage in &ws.passages {
        push(
            MemoRef::Passage(passage.id),
            format!("«{}»", shorten(&passage.anchor.quote, 60)),
            &passage.memo,
        );
    }
    for tag in &ws.tags {
        let on = MemoTarget::Tag(tag.id);
        push(MemoRef::On(on), ws.tag_path(tag.id), ws.memos.get(on));
    }
    for d in &ws.determinants {
        let on = MemoTarget::Determinant(d.id);
        push(MemoRef::On(on), or_untitled(&d.title), ws.memos.get(on));
    }
    for s in &ws.scenarios {
        let on = MemoTarget::Scenario(s.id);
        push(MemoRef::On(on), or_untitled(&s.title), ws.memos.get(on));
    }
    rows
}

/// Whether `row` is one `filter` keeps: of its kind (if one is chosen), and with the filter's
/// text in the memo or the object's name, as find matches (harakat, hamza forms and Latin
/// case ignored).
#[must_use]
pub fn keeps(filter: &MemoFilter, row: &MemoRow) -> bool {
    if filter.kind.is_some_and(|k| k != row.on.kind()) {
        return false;
    }
    let query = filter.text.trim();
    query.is_empty()
        || [row.text.as_str(), row.title.as_str()]
            .iter()
            .any(|t| !search::find_all(t, query, SearchOptions::default()).is_empty())
}

/// The row's button: "Tag: Actors / Iran", what the tests and screen readers click.
#[must_use]
pub fn row_name(loc: Locale, row: &MemoRow) -> String {
    tr!(
        loc,
        "memos-row",
        kind = row.on.kind().label(loc),
        title = row.title.as_str()
    )
}

pub fn memos_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let loc = view.state.locale;
    text_field(ui, paint, &tr!(loc, "memos-workspace"), true, &ws.memo, 4)
        .send(out, Edit::SetWorkspaceMemo);
    ui.separator();
    let filter = &view.state.memo_filter;
    let Some(list) = view.memos else {
        return;
    };
    let (shown, total) = (list.shown(), list.total());
    let heading = if shown == total {
        tr!(loc, "memos-count", count = total)
    } else {
        tr!(loc, "memos-count-filtered", shown = shown, count = total)
    };
    message_label(ui, paint, &heading, LabelStyle::Strong);
    filter_ui(ui, loc, paint, filter, out);
    if shown == 0 {
        let empty = if total == 0 {
            tr!(loc, "memos-none")
        } else {
            tr!(loc, "memos-none-match")
        };
        bidi_label(ui, paint, &empty, LabelStyle::Weak);
        return;
    }
    let estimate = 2.0 * line_height(ui, LabelStyle::Body) + 12.0;
    visible_rows(ui, "memo_rows", shown, estimate, |ui, i| {
        let Some(row) = list.shown_row(i) else {
            return;
        };
        if bidi_selectable(ui, paint, false, &row_name(loc, row))
            .on_hover_text(egui_text(paint, &tr!(loc, "memos-open-tooltip")))
            .clicked()
        {
            out.push(AppCommand::OpenMemo(row.on));
        }
        bidi_label(ui, paint, &shorten(&row.text, 240), LabelStyle::Weak);
        ui.add_space(6.0);
    });
}

/// The filter's text field and its kind.
fn filter_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    filter: &MemoFilter,
    out: &mut Vec<AppCommand>,
) {
    let field = text_field(ui, paint, &tr!(loc, "memos-filter"), true, &filter.text, 1);
    if let Some(text) = field.changed {
        out.push(AppCommand::SetMemoFilter(MemoFilter {
            text,
            ..filter.clone()
        }));
    }
    let mut kind = filter.kind;
    let all = tr!(loc, "memos-kind-all");
    let face = kind.map_or_else(|| all.clone(), |k| k.choice(loc));
    let combo = egui::ComboBox::from_id_salt("memo_kind")
        .selected_text(combo_face(paint, &face))
        .show_ui(ui, |ui| {
            combo_item(ui, paint, &mut kind, None, &all);
            for k in MemoKind::ALL {
                let name = k.choice(loc);
                combo_item(ui, paint, &mut kind, Some(k), &name);
            }
        });
    paint_combo_face(ui, paint, &combo.response, &face);
    let _ = combo.response.accessible_name(tr!(loc, "memos-kind"));
    if kind != filter.kind {
        out.push(AppCommand::SetMemoFilter(MemoFilter {
            kind,
            ..filter.clone()
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Determinant, DeterminantId};

    #[test]
    fn rows_keep_every_kind_in_order_and_the_filter_folds_arabic() {
        let d = Determinant {
            id: DeterminantId::new(),
            title: "Escalation".into(),
            description: String::new(),
        };
        let mut ws = Workspace {
            title: "Iraq".into(),
            memo: "The question".into(),
            determinants: vec![d.clone()],
            ..Workspace::default()
        };
        ws.memos
            .0
            .insert(MemoTarget::Determinant(d.id), "الأمريكي يغادر".into());
        let rows = memo_rows(&ws, Locale::ENGLISH);
        assert_eq!(
            rows.iter().map(|r| r.on.kind()).collect::<Vec<_>>(),
            [MemoKind::Workspace, MemoKind::Determinant]
        );
        let folded = MemoFilter {
            text: "الامريكي".into(),
            kind: None,
        };
        assert!(!keeps(&folded, &rows[0]) && keeps(&folded, &rows[1]));
        let by_kind = MemoFilter {
            text: String::new(),
            kind: Some(MemoKind::Workspace),
        };
        assert!(keeps(&by_kind, &rows[0]) && !keeps(&by_kind, &rows[1]));
        let by_title = MemoFilter {
            text: "escal".into(),
            kind: None,
        };
        assert!(keeps(&by_title, &rows[1]));
    }
}
