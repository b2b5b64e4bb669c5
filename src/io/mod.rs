//! Everything that touches the filesystem: workspace files, their stamps, brief import, the
//! recovery copies of unsaved work with their lock files, the last-used workspace record and
//! the user's folders.
//!
//! Errors always name the file and the problem.

pub mod brief_import;
pub mod interface_settings;
pub mod last_used;
pub mod lock;
pub mod output;
pub mod places;
pub mod recovery;
pub mod stamp;
pub mod workspace_file;

pub use brief_import::{
    ImportError, ImportedBrief, import_brief, import_brief_at, normalise_text, sha256_hex,
};
pub use lock::{LockError, WorkspaceLock};
pub use output::{OutputError, write_output};
pub use stamp::{DiskState, FileStamp};
pub use workspace_file::{
    LoadError, MAX_WORKSPACE_BYTES, OnDisk, SaveError, backup_path, check_writable, load,
    load_stamped, save, save_expecting, save_locked, save_stamped, write_atomically,
};
