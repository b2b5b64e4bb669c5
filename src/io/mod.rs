//! Everything that touches the filesystem: workspace files, their stamps and brief import.
//!
//! Errors always name the file and the problem.

pub mod brief_import;
pub mod interface_settings;
pub mod stamp;
pub mod workspace_file;

pub use brief_import::{
    ImportError, ImportedBrief, import_brief, import_brief_at, normalise_text, sha256_hex,
};
pub use stamp::{DiskState, FileStamp};
pub use workspace_file::{
    LoadError, SaveError, backup_path, load, load_stamped, save, save_stamped, write_atomically,
};
