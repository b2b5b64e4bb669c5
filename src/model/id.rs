//! Typed identifiers. Every id is a random UUID, so ids stay unique when two analysts'
//! workspaces are merged.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// The first eight hex digits, enough to tell ids apart in messages.
            #[must_use]
            pub fn short(&self) -> String {
                self.0.simple().to_string()[..8].to_owned()
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// Identifies a [`crate::model::Brief`].
    BriefId
);
typed_id!(
    /// Identifies a [`crate::model::Tag`] of the codebook.
    TagId
);
typed_id!(
    /// Identifies a [`crate::model::Determinant`].
    DeterminantId
);
typed_id!(
    /// Identifies a [`crate::model::Scenario`].
    ScenarioId
);
typed_id!(
    /// Identifies a [`crate::model::Passage`].
    PassageId
);
