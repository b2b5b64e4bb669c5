//! Which workspace the app opens when it starts.

use std::path::{Path, PathBuf};

use super::state::{SAMPLE_SUFFIX, Session, file_name};
use crate::i18n::{Language, Locale};
use crate::io::{last_used, places};
use crate::model::Workspace;

/// The sample workspace that ships with Basira, relative to the repository.
const SAMPLE: &str = "workspaces/iraq-withdrawal.ron";

/// The session to start with, and the errors met on the way.
///
/// An explicit path is opened or reported; without one, the last used workspace (if it still
/// exists), else the bundled sample (opened as an untitled copy, so Save never overwrites it),
/// else an empty workspace.
#[must_use]
pub fn initial_session(
    explicit: Option<&Path>,
    config_dir: Option<&Path>,
    locale: Locale,
) -> (Session, Vec<String>) {
    let load_error = |err: &crate::io::LoadError| super::error_text::load_error(locale, err);
    let mut errors = Vec::new();
    if let Some(path) = explicit {
        return match crate::io::load_stamped(path) {
            Ok((ws, stamp)) => (Session::opened(ws, path.to_owned(), stamp), errors),
            Err(err) => {
                errors.push(load_error(&err));
                (Session::untitled(Workspace::default()), errors)
            }
        };
    }
    let recalled = match config_dir.map(last_used::recall).transpose() {
        Ok(recalled) => recalled.flatten(),
        Err(err) => {
            errors.push(format!("{err:#}"));
            None
        }
    };
    if let Some(path) = recalled {
        match crate::io::load_stamped(&path) {
            Ok((ws, stamp)) => return (Session::opened(ws, path, stamp), errors),
            Err(err) => errors.push(load_error(&err)),
        }
    }
    if let Some(sample) = sample_path() {
        match crate::io::load(&sample) {
            Ok(ws) => {
                let mut session = Session::untitled(ws);
                session.name = format!("{}{SAMPLE_SUFFIX}", file_name(&sample));
                return (session, errors);
            }
            Err(err) => errors.push(load_error(&err)),
        }
    }
    (Session::untitled(Workspace::default()), errors)
}

/// The interface's locale at start: the settings kept in the config folder, else the language
/// of the system's locale (Arabic for `ar*`, English otherwise), with Western digits.
#[must_use]
pub fn initial_locale(config_dir: Option<&Path>, system_locale: Option<&str>) -> Locale {
    let kept = config_dir
        .map(crate::io::interface_settings::recall)
        .unwrap_or_default();
    let language = kept
        .language
        .unwrap_or_else(|| system_locale.map_or(Language::English, Language::from_locale_name));
    Locale::new(language, kept.digits.unwrap_or_default())
}

/// The sample workspace, looked for in the current folder and then in the source tree.
fn sample_path() -> Option<PathBuf> {
    let in_source_tree = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    places::first_file([Path::new(SAMPLE), in_source_tree.as_path()])
}
