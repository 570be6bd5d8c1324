use std::fmt;

pub use super::reason::{Coordinate, CrsNote, JsonKind, Reason, Ring, View, num};

/// A problem with one feature: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureIssue {
    /// Index of the feature in the file's `features` array (0-based), if it is about one feature.
    pub index: Option<usize>,
    /// The feature's id or name, if it has one.
    pub id: Option<String>,
    pub reason: Reason,
}

impl FeatureIssue {
    /// The reason in English (as `zae-atlas check` prints it).
    pub fn message(&self) -> String {
        self.reason.to_string()
    }

    /// Where: "feature 3 (ZA-12)", "feature 3", "ZA-12", or "" for the whole file.
    pub fn location(&self) -> String {
        match (self.index, &self.id) {
            (Some(i), Some(id)) => format!("feature {i} ({id})"),
            (Some(i), None) => format!("feature {i}"),
            (None, Some(id)) => id.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Issues that say the same thing about several features, kept together: a file whose 704
/// rings are all wound the wrong way gives one line, not 704.
#[derive(Clone, Debug, PartialEq)]
pub struct IssueGroup<'a> {
    pub reason: &'a Reason,
    pub issues: Vec<&'a FeatureIssue>,
}

/// How many features a grouped line names before "…".
pub const GROUP_FIRST: usize = 3;

impl IssueGroup<'_> {
    /// The first features of the group, e.g. "feature 0 (a), feature 1 (b), feature 2 (c), …".
    pub fn first_features(&self) -> String {
        self.first_features_as(FeatureIssue::location)
    }

    /// The same, each feature's place written by `location` (the interface's language).
    pub fn first_features_as(&self, location: impl Fn(&FeatureIssue) -> String) -> String {
        let mut list: Vec<String> = self
            .issues
            .iter()
            .take(GROUP_FIRST)
            .map(|i| location(i))
            .filter(|l| !l.is_empty())
            .collect();
        if self.issues.len() > GROUP_FIRST {
            list.push("…".into());
        }
        list.join(", ")
    }
}

/// Issues grouped by reason (same kind, same arguments), in the order each first appears.
pub fn group_issues(list: &[FeatureIssue]) -> Vec<IssueGroup<'_>> {
    let mut groups: Vec<IssueGroup<'_>> = Vec::new();
    // Keyed by the English sentence, which says every argument of the reason.
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for issue in list {
        let key = issue.reason.to_string();
        match at.get(&key) {
            Some(&g) => groups[g].issues.push(issue),
            None => {
                at.insert(key, groups.len());
                groups.push(IssueGroup {
                    reason: &issue.reason,
                    issues: vec![issue],
                });
            }
        }
    }
    groups
}

impl fmt::Display for FeatureIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.index, &self.id) {
            (Some(i), Some(id)) => write!(f, "feature {i} ({id}): {}", self.reason),
            (Some(i), None) => write!(f, "feature {i}: {}", self.reason),
            (None, Some(id)) => write!(f, "{id}: {}", self.reason),
            (None, None) => write!(f, "{}", self.reason),
        }
    }
}

/// What happened when a file was read: how many features, which were skipped and why, what was
/// repaired or guessed. Shown in the app's load report and printed by `zae-atlas check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    /// File name as shown to the user.
    pub file: String,
    /// Coordinate system the file was read in, and how it was decided.
    pub crs: CrsNote,
    /// The layer recognised (zones, plots, establishments).
    pub layer: String,
    /// What one loaded item is called: "zone", "plot", "establishment".
    pub item: String,
    /// Entries in the `features` array (or 1 for a lone Feature or geometry).
    pub features_seen: usize,
    /// Items loaded (zones, plots or establishments).
    pub loaded: usize,
    /// Features that were not loaded, with the reason.
    pub skipped: Vec<FeatureIssue>,
    /// Loaded, but something was repaired or is worth knowing (closed ring, winding, 3D, ...).
    pub warnings: Vec<FeatureIssue>,
}

impl LoadReport {
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            item: "zone".into(),
            ..Self::default()
        }
    }

    pub fn skip(&mut self, index: Option<usize>, id: Option<String>, reason: Reason) {
        self.skipped.push(FeatureIssue { index, id, reason });
    }

    pub fn warn(&mut self, index: Option<usize>, id: Option<String>, reason: Reason) {
        self.warnings.push(FeatureIssue { index, id, reason });
    }

    /// A one-line summary, e.g. "24 zones loaded, 2 features skipped, 1 warning".
    pub fn summary(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        format!(
            "{} loaded, {} skipped, {}",
            plural(self.loaded, &self.item, &format!("{}s", self.item)),
            plural(self.skipped.len(), "feature", "features"),
            plural(self.warnings.len(), "warning", "warnings")
        )
    }
}
