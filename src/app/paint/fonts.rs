//! Fonts: egui's defaults lack Arabic, so the Noto Arabic fonts are added as fallbacks.
//!
//! The fonts are under the SIL Open Font License (`assets/fonts/OFL-1.1.txt`).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const SANS_ARABIC: &str = "NotoSansArabic";

/// egui's default fonts with Noto Sans Arabic as a fallback, for plain egui text (the reader
/// and names go through the text layer, which has its own copy of the fonts).
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        SANS_ARABIC.into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../../assets/fonts/NotoSansArabic-Regular.ttf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(SANS_ARABIC.into());
    }
    fonts
}

/// Installs [`definitions`] in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
