//! The interface's settings (language and digits), kept in the config folder as
//! `interface.txt` — never in a workspace file, which is the analyst's work, not a preference.
//!
//! The file is a few `key = value` lines:
//!
//! ```text
//! language = ar
//! digits = western
//! ```
//!
//! Unknown keys and values are ignored, so a newer Basira's file does no harm.

use std::path::Path;

use anyhow::Context as _;

use crate::i18n::{Digits, Language, Locale};

const FILE_NAME: &str = "interface.txt";

/// What the settings file says; `None` for what it does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InterfaceSettings {
    pub language: Option<Language>,
    pub digits: Option<Digits>,
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
                _ => {}
            }
        }
        settings
    }

    /// The settings of `locale`, as the file writes them.
    #[must_use]
    pub fn to_text(locale: Locale) -> String {
        format!(
            "language = {}\ndigits = {}\n",
            locale.language.code(),
            locale.digits.code()
        )
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

/// Keeps `locale` as the interface's settings in `config_dir`.
///
/// # Errors
/// When the folder or the file cannot be written; the message names it.
pub fn remember(config_dir: &Path, locale: Locale) -> anyhow::Result<()> {
    let file = config_dir.join(FILE_NAME);
    std::fs::create_dir_all(config_dir)
        .with_context(|| format!("cannot create the settings folder {}", config_dir.display()))?;
    super::write_atomically(&file, InterfaceSettings::to_text(locale).as_bytes())
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
        remember(&config, arabic).expect("remember");
        assert_eq!(
            recall(&config),
            InterfaceSettings {
                language: Some(Language::Arabic),
                digits: Some(Digits::ArabicIndic),
            }
        );
    }

    #[test]
    fn unknown_lines_are_ignored() {
        let settings = InterfaceSettings::parse("theme = dark\nlanguage = fr\ndigits = western\n");
        assert_eq!(settings.language, None);
        assert_eq!(settings.digits, Some(Digits::Western));
    }
}
