use std::fmt;

/// A problem with one feature: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureIssue {
    /// Index of the feature in the file's `features` array (0-based), if it is about one feature.
    pub index: Option<usize>,
    /// The feature's id or name, if it has one.
    pub id: Option<String>,
    pub message: String,
}

impl FeatureIssue {
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
    pub message: &'a str,
    pub issues: Vec<&'a FeatureIssue>,
}

/// How many features a grouped line names before "…".
pub const GROUP_FIRST: usize = 3;

impl IssueGroup<'_> {
    /// The first features of the group, e.g. "feature 0 (a), feature 1 (b), feature 2 (c), …".
    pub fn first_features(&self) -> String {
        let mut list: Vec<String> = self
            .issues
            .iter()
            .take(GROUP_FIRST)
            .map(|i| i.location())
            .filter(|l| !l.is_empty())
            .collect();
        if self.issues.len() > GROUP_FIRST {
            list.push("…".into());
        }
        list.join(", ")
    }
}

/// Issues grouped by message, in the order each message first appears.
pub fn group_issues(list: &[FeatureIssue]) -> Vec<IssueGroup<'_>> {
    let mut groups: Vec<IssueGroup<'_>> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for issue in list {
        match at.get(issue.message.as_str()) {
            Some(&g) => groups[g].issues.push(issue),
            None => {
                at.insert(&issue.message, groups.len());
                groups.push(IssueGroup {
                    message: &issue.message,
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
            (Some(i), Some(id)) => write!(f, "feature {i} ({id}): {}", self.message),
            (Some(i), None) => write!(f, "feature {i}: {}", self.message),
            (None, Some(id)) => write!(f, "{id}: {}", self.message),
            (None, None) => write!(f, "{}", self.message),
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
    pub crs: String,
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

    pub fn skip(&mut self, index: Option<usize>, id: Option<String>, message: impl Into<String>) {
        self.skipped.push(FeatureIssue {
            index,
            id,
            message: message.into(),
        });
    }

    pub fn warn(&mut self, index: Option<usize>, id: Option<String>, message: impl Into<String>) {
        self.warnings.push(FeatureIssue {
            index,
            id,
            message: message.into(),
        });
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
