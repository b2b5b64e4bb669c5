//! Finding text the way an Arabic reader expects: harakat (تشكيل) and tatweel (ـ) are ignored,
//! hamza forms and final letters can be folded (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي),
//! Latin is matched without case — and every hit is a range of code points of the *original*
//! text, so the reader highlights (and a passage quotes) the characters as written, harakat
//! included.
//!
//! - [`folding`]: the folding, and [`FoldedText`] (a text folded once, to search many times).
//! - [`matching`]: a [`Query`] (plain, whole word with or without Arabic's attached prefixes,
//!   regular expression, exact) compiled into a [`Matcher`]; [`find_all`] is the reader's Find.
//! - [`kwic`]: a hit with a few words of context each side.
//! - [`workspace`]: searching every brief (and optionally memos and names) of a workspace
//!   through a [`SearchIndex`], results counted per brief and paged with their context.
//! - [`autocode`]: chosen hits → passages, optionally tagged, as one undoable `Edit`.
//!
//! Plain Rust: no egui, no IO.

pub mod autocode;
pub mod folding;
pub mod kwic;
pub mod matching;
pub mod workspace;

pub use autocode::{AutocodeError, autocode};
pub use folding::{
    Folded, FoldedText, Folding, SearchOptions, TATWEEL, fold_for_search, fold_letter, fold_with,
    is_haraka,
};
pub use kwic::Context;
pub use matching::{Matcher, Query, QueryError, RegexProblem, WholeWord, find_all};
pub use workspace::{BriefCount, Found, Hit, Place, Results, Scope, SearchIndex, search_workspace};
