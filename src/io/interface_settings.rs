//! The interface's settings (language and digits, the window's place and size, the side
//! panels' widths, the reader's zoom), kept in the config folder as `interface.txt` — never in
//! a workspace file, which is the analyst's work, not a preference.
//!
//! The file is a few `key = value` lines:
//!
//! ```text
//! language = ar
//! digits = western
//! window = 40 30 1280 800
//! briefs_width = 250
//! inspector_width = 340
//! reader_zoom = 1.25
//! ```
//!
//! `window` is the outer position (x y, absent where the system does not give it) and the
//! inner size (width height), in points. Unknown keys and values, and sizes out of reason, are
//! ignored, so a newer Basira's file (or a hand-edited one) does no harm.

use std::path::Path;

use anyhow::Context as _;

use crate::i18n::{Digits, Language, Locale};

const FILE_NAME: &str = "interface.txt";

/// What the settings file says; `None` for what it does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InterfaceSettings {
    pub language: Option<Language>,
    pub digits: Option<Digits>,
    pub window: Option<WindowPlace>,
    pub briefs_width: Option<f32>,
    pub inspector_width: Option<f32>,
    pub reader_zoom: Option<f32>,
}

/// Where the window was and how large, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowPlace {
    /// The outer top-left corner, when the system tells it (Wayland does not).
    pub position: Option<[f32; 2]>,
    /// The inner size: width and height.
    pub size: [f32; 2],
}

/// Window sizes kept: from the smallest the app allows to a very large screen.
const WINDOW_SIZES: std::ops::RangeInclusive<f32> = 200.0..=16_384.0;
/// Panel widths kept.
const PANEL_WIDTHS: std::ops::RangeInclusive<f32> = 60.0..=4_000.0;
/// Reader zooms kept.
const ZOOMS: std::ops::RangeInclusive<f32> = 0.25..=4.0;

/// The numbers of `value`, when there are `N` of them and each is finite.
fn numbers<const N: usize>(value: &str) -> Option<[f32; N]> {
    let parsed: Vec<f32> = value
        .split_whitespace()
        .map(str::parse::<f32>)
        .collect::<Result<_, _>>()
        .ok()?;
    let array: [f32; N] = parsed.try_into().ok()?;
    array.iter().all(|n| n.is_finite()).then_some(array)
}

/// One number of `value`, when it lies in `range`.
fn number_in(value: &str, range: &std::ops::RangeInclusive<f32>) -> Option<f32> {
    numbers::<1>(value)
        .map(|[n]| n)
        .filter(|n| range.contains(n))
}

impl WindowPlace {
    fn parse(value: &str) -> Option<Self> {
        let fits = |[w, h]: [f32; 2]| WINDOW_SIZES.contains(&w) && WINDOW_SIZES.contains(&h);
        if let Some([x, y, w, h]) = numbers::<4>(value) {
            return fits([w, h]).then_some(Self {
                position: Some([x, y]),
                size: [w, h],
            });
        }
        numbers::<2>(value).filter(|s| fits(*s)).map(|size| Self {
            position: None,
            size,
        })
    }

    fn to_text(self) -> String {
        let [w, h] = self.size.map(f32::round);
        match self.position.map(|p| p.map(f32::round)) {
            Some([x, y]) => format!("{x} {y} {w} {h}"),
            None => format!("{w} {h}"),
        }
    }
}

impl InterfaceSettings {
    /// The settings `text` holds.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut settings = Self::default();
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            match key.trim() {
                "language" => settings.language = Language::from_code(value),
                "digits" => settings.digits = Digits::from_code(value),
                "window" => settings.window = WindowPlace::parse(value),
                "briefs_width" => settings.briefs_width = number_in(value, &PANEL_WIDTHS),
                "inspector_width" => settings.inspector_width = number_in(value, &PANEL_WIDTHS),
                "reader_zoom" => settings.reader_zoom = number_in(value, &ZOOMS),
                _ => {}
            }
        }
        settings
    }

    /// These settings with the interface in `locale`.
    #[must_use]
    pub fn with_locale(self, locale: Locale) -> Self {
        Self {
            language: Some(locale.language),
            digits: Some(locale.digits),
            ..self
        }
    }

    /// The settings as the file writes them (what is not set is left out).
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut lines = Vec::new();
        if let Some(language) = self.language {
            lines.push(format!("language = {}", language.code()));
        }
        if let Some(digits) = self.digits {
            lines.push(format!("digits = {}", digits.code()));
        }
        if let Some(window) = self.window {
            lines.push(format!("window = {}", window.to_text()));
        }
        let widths = [
            ("briefs_width", self.briefs_width),
            ("inspector_width", self.inspector_width),
        ];
        for (key, width) in widths {
            if let Some(width) = width {
                lines.push(format!("{key} = {}", width.round()));
            }
        }
        if let Some(zoom) = self.reader_zoom {
            lines.push(format!("reader_zoom = {zoom}"));
        }
        lines.iter().map(|l| format!("{l}\n")).collect()
    }
}

/// The settings kept in `config_dir`; nothing when there is no file or it cannot be read (the
/// interface then starts from the system's locale).
#[must_use]
pub fn recall(config_dir: &Path) -> InterfaceSettings {
    std::fs::read_to_string(config_dir.join(FILE_NAME))
        .map(|text| InterfaceSettings::parse(&text))
        .unwrap_or_default()
}

/// Keeps `settings` as the interface's settings in `config_dir`.
///
/// # Errors
/// When the folder or the file cannot be written; the message names it.
pub fn remember(config_dir: &Path, settings: &InterfaceSettings) -> anyhow::Result<()> {
    let file = config_dir.join(FILE_NAME);
    std::fs::create_dir_all(config_dir)
        .with_context(|| format!("cannot create the settings folder {}", config_dir.display()))?;
    super::write_atomically(&file, settings.to_text().as_bytes())
        .with_context(|| format!("cannot write {}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_the_config_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        assert_eq!(recall(&config), InterfaceSettings::default());
        let arabic = Locale::new(Language::Arabic, Digits::ArabicIndic);
        let settings = InterfaceSettings {
            window: Some(WindowPlace {
                position: Some([40.0, -12.0]),
                size: [1280.0, 800.0],
            }),
            briefs_width: Some(300.0),
            inspector_width: Some(420.0),
            reader_zoom: Some(1.25),
            ..InterfaceSettings::default()
        }
        .with_locale(arabic);
        remember(&config, &settings).expect("remember");
        assert_eq!(recall(&config), settings);
    }

    #[test]
    fn sizes_out_of_reason_are_ignored() {
        let settings = InterfaceSettings::parse(
            "window = 10 10 NaN 800\nbriefs_width = -5\ninspector_width = 99999\n\
             reader_zoom = 40\n",
        );
        assert_eq!(settings, InterfaceSettings::default());
        let wayland = InterfaceSettings::parse("window = 1280 800\n");
        assert_eq!(
            wayland.window,
            Some(WindowPlace {
                position: None,
                size: [1280.0, 800.0]
            })
        );
    }

    #[test]
    fn unknown_lines_are_ignored() {
        let settings = InterfaceSettings::parse("theme = dark\nlanguage = fr\ndigits = western\n");
        assert_eq!(settings.language, None);
        assert_eq!(settings.digits, Some(Digits::Western));
    }
}
