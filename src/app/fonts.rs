//! Fonts: egui's defaults lack Arabic, so the Noto Arabic fonts are added as fallbacks.
//!
//! The fonts are under the SIL Open Font License (`assets/fonts/OFL-1.1.txt`).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

const SANS_ARABIC: &str = "NotoSansArabic";
const NASKH_ARABIC: &str = "NotoNaskhArabic";

/// The family the reader shows briefs in: egui's proportional fonts, then Noto Naskh Arabic.
pub const READER_FAMILY: &str = "reader";

/// The font of brief text in the reader.
#[must_use]
pub fn reader_font() -> FontId {
    FontId::new(17.0, FontFamily::Name(READER_FAMILY.into()))
}

/// egui's default fonts with Noto Sans Arabic as a fallback for the interface and Noto Naskh
/// Arabic as a fallback for the reader.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        SANS_ARABIC.into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSansArabic-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        NASKH_ARABIC.into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoNaskhArabic-Regular.ttf"
        ))),
    );
    let proportional = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut reader = proportional;
    reader.push(NASKH_ARABIC.into());
    reader.push(SANS_ARABIC.into());
    fonts
        .families
        .insert(FontFamily::Name(READER_FAMILY.into()), reader);
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
