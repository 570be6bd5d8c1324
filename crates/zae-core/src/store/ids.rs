//! Stable names for what is loaded. Positions change when a source is closed or read again;
//! these never do, so a command, a selection or a cache can hold one safely.

use serde::{Deserialize, Serialize};

/// A zone, for as long as it is loaded. A zone read again (its file changed on disk, its table
/// refreshed) keeps its id when its own `id` is unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ZoneId(pub(crate) u32);

/// A source of zones: a file, a database table, or the embedded dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceId(pub(crate) u32);

impl std::fmt::Display for ZoneId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "zone#{}", self.0)
    }
}

impl std::fmt::Display for SourceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "source#{}", self.0)
    }
}
