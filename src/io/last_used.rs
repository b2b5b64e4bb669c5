//! Remembers the last workspace the analyst opened or saved, in a small text file.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

const FILE_NAME: &str = "last-workspace.txt";

/// The remembered workspace path, if one is remembered and the file still exists.
///
/// # Errors
/// When the record exists but cannot be read (a missing record is `Ok(None)`); the message
/// names the file.
pub fn recall(config_dir: &Path) -> anyhow::Result<Option<PathBuf>> {
    let file = config_dir.join(FILE_NAME);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| {
                format!(
                    "cannot read the last used workspace from {}",
                    file.display()
                )
            });
        }
    };
    let path = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    Ok((!path.as_os_str().is_empty() && path.is_file()).then_some(path))
}

/// Remembers `workspace` as the last used one.
///
/// # Errors
/// When the config folder or file cannot be written; the message names the file.
pub fn remember(config_dir: &Path, workspace: &Path) -> anyhow::Result<()> {
    let file = config_dir.join(FILE_NAME);
    let absolute = std::path::absolute(workspace).unwrap_or_else(|_| workspace.to_owned());
    std::fs::create_dir_all(config_dir)
        .with_context(|| format!("cannot create the settings folder {}", config_dir.display()))?;
    let text = format!("{}\n", absolute.display());
    super::workspace_file::write_atomically(&file, text.as_bytes())
        .with_context(|| format!("cannot remember the last workspace in {}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_forgets_missing_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        assert_eq!(recall(&config).expect("no record"), None);
        let ws = dir.path().join("ws.ron");
        std::fs::write(&ws, "x").expect("write");
        remember(&config, &ws).expect("remember");
        assert_eq!(recall(&config).expect("read"), Some(ws.clone()));
        std::fs::remove_file(&ws).expect("remove");
        assert_eq!(
            recall(&config).expect("read"),
            None,
            "a vanished file is not offered"
        );
    }

    #[test]
    fn an_unreadable_record_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A folder where the record should be cannot be read as text.
        std::fs::create_dir_all(dir.path().join(FILE_NAME)).expect("folder");
        let err = recall(dir.path()).expect_err("a folder is no record");
        assert!(format!("{err:#}").contains(FILE_NAME), "{err:#}");
    }
}
