//! The editors of the text fields on screen, keyed by the field's egui `Id`: a cache in
//! [`super::text_paint::TextPaint`] that [`super::bidi_edit`] draws from.

use std::collections::HashMap;

use egui::Id;

use crate::text::{TextEditor, TextEngine, TextStyle};

/// Editors kept for fields not shown for this many passes are forgotten, once there are many.
const STALE_PASSES: u64 = 10;
/// How many editors are kept before stale ones are forgotten.
const KEEP: usize = 64;

/// One field's editor and what it last knew of the model.
pub(super) struct FieldState {
    pub(super) editor: TextEditor,
    pub(super) multiline: bool,
    pub(super) font_size: f32,
    /// The model's value as last taken or sent.
    pub(super) value: String,
    /// Horizontal scroll of a single-line field whose text is wider than it, points (≤ 0).
    pub(super) scroll: f32,
    /// Whether a drag started on the field.
    pub(super) dragging: bool,
    pub(super) last_pass: u64,
}

/// The editors of the text fields on screen. See the [module documentation](self).
#[derive(Default)]
pub struct FieldEditors {
    fields: HashMap<Id, FieldState>,
    /// A field whose whole value is selected the next time it is drawn (a new item's name,
    /// so what the analyst types replaces "New tag 3").
    select_all: Option<Id>,
}

impl FieldEditors {
    /// Selects the whole value of field `id` when it is next drawn.
    pub fn select_all_next(&mut self, id: Id) {
        self.select_all = Some(id);
    }

    /// Whether field `id` was asked to select its whole value (the request is then spent).
    pub(super) fn take_select_all(&mut self, id: Id) -> bool {
        let asked = self.select_all == Some(id);
        if asked {
            self.select_all = None;
        }
        asked
    }

    /// The state of field `id`, made (or remade, when its kind or size changed) with `value`.
    pub(super) fn get(
        &mut self,
        engine: &mut TextEngine,
        id: Id,
        style: TextStyle,
        multiline: bool,
        pass: u64,
    ) -> &mut FieldState {
        if self.fields.len() > KEEP {
            self.fields
                .retain(|_, f| f.last_pass + STALE_PASSES >= pass);
        }
        let stale = self
            .fields
            .get(&id)
            .is_some_and(|f| f.multiline != multiline || f.font_size != style.font_size);
        if stale {
            self.fields.remove(&id);
        }
        let field = self.fields.entry(id).or_insert_with(|| FieldState {
            editor: TextEditor::new(engine, style, multiline),
            multiline,
            font_size: style.font_size,
            value: String::new(),
            scroll: 0.0,
            dragging: false,
            last_pass: pass,
        });
        field.last_pass = pass;
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_editors_are_forgotten_once_there_are_many() {
        let mut engine = TextEngine::new();
        let mut fields = FieldEditors::default();
        for i in 0..=KEEP {
            fields.get(&mut engine, Id::unique(i), TextStyle::INTERFACE, false, 0);
        }
        assert_eq!(fields.fields.len(), KEEP + 1);
        fields.get(
            &mut engine,
            Id::unique("now"),
            TextStyle::INTERFACE,
            false,
            STALE_PASSES + 1,
        );
        assert_eq!(fields.fields.len(), 1);
    }
}
