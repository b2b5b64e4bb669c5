//! Scenarios: the possible futures an analysis weighs.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ScenarioId;

/// A possible future, with its narrative and the analyst's judged likelihood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub id: ScenarioId,
    pub title: String,
    pub narrative: String,
    pub likelihood: Likelihood,
}

/// Judged likelihood on the scale of estimative language analysts use (ICD 203).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Likelihood {
    #[default]
    Unassessed,
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEven,
    Likely,
    VeryLikely,
    AlmostCertain,
}

impl Likelihood {
    pub const ALL: [Likelihood; 8] = [
        Likelihood::Unassessed,
        Likelihood::AlmostNoChance,
        Likelihood::VeryUnlikely,
        Likelihood::Unlikely,
        Likelihood::RoughlyEven,
        Likelihood::Likely,
        Likelihood::VeryLikely,
        Likelihood::AlmostCertain,
    ];

    /// The words an analyst reads, with the probability band.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Likelihood::Unassessed => "unassessed",
            Likelihood::AlmostNoChance => "almost no chance (1–5%)",
            Likelihood::VeryUnlikely => "very unlikely (5–20%)",
            Likelihood::Unlikely => "unlikely (20–45%)",
            Likelihood::RoughlyEven => "roughly even chance (45–55%)",
            Likelihood::Likely => "likely (55–80%)",
            Likelihood::VeryLikely => "very likely (80–95%)",
            Likelihood::AlmostCertain => "almost certain (95–99%)",
        }
    }
}

impl fmt::Display for Likelihood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
