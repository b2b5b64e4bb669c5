//! Determinants: the drivers that shape the outcome an analysis is about.

use super::DeterminantId;

/// A driver (محدِّد): ISIS threats, Iranian influence, regional escalation …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Determinant {
    pub id: DeterminantId,
    pub title: String,
    pub description: String,
}
