//! How zones are coloured: the choice a planner makes. The colours themselves are the
//! interface's (its palette).

/// How zones are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StyleMode {
    #[default]
    Vocation,
    State,
    /// Graduated by jobs per declared hectare.
    JobsPerHa,
    /// Graduated by declared surface.
    Surface,
}

impl StyleMode {
    pub const ALL: [StyleMode; 4] = [
        StyleMode::Vocation,
        StyleMode::State,
        StyleMode::JobsPerHa,
        StyleMode::Surface,
    ];

    /// The style's name in the current language.
    pub fn label(self) -> String {
        match self {
            StyleMode::Vocation => crate::t!("style-vocation"),
            StyleMode::State => crate::t!("style-state"),
            StyleMode::JobsPerHa => crate::t!("style-jobs-per-ha"),
            StyleMode::Surface => crate::t!("style-surface"),
        }
    }
}
