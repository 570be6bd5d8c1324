//! What changed between two inventories of activity zones ("before" and "after"): zones,
//! plots and establishments are matched, then compared.
//!
//! Matching, in order (each pair says which rule matched it, [`MatchedBy`]):
//! - zones: by `site_id`; else by normalised name (case, accents, punctuation and spacing
//!   ignored) when the outlines also overlap (at least [`Tolerance::name_overlap`] of the
//!   smaller one); else by outline overlap, intersection over union ≥ [`Tolerance::zone_iou`];
//! - plots: by `terr_id`; else by overlap (one to one at IoU ≥ 0.5, or one to many when a
//!   plot was split or several merged: each piece has most of its area in the other side's plot);
//! - establishments: by SIRET; else by name and position (same normalised name, within
//!   [`Tolerance::establishment_distance_m`]).
//!
//! Candidates for the overlap rules come from R-trees of bounding boxes, so only outlines that
//! can touch are compared. Outlines are compared with a tolerance ([`Tolerance`]), so a
//! reprojection (Lambert-93 before, WGS84 after) or a re-digitised vertex is not a change.

mod geom;
mod land;
pub mod summary;
pub mod write;
mod zones;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use geo::{Area, MultiPolygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

pub use geom::{intersection_area, iou, share_inside};
pub use summary::Summary;

use crate::io::{self, LoadError};
use crate::model::{Zone, fold};
use crate::store::Dataset;

use land::*;
pub use zones::number_text;
use zones::*;

/// Which list a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Zone,
    Plot,
    Establishment,
}

impl Level {
    /// As written in the CSV `level` column.
    pub fn code(self) -> &'static str {
        match self {
            Level::Zone => "zone",
            Level::Plot => "plot",
            Level::Establishment => "establishment",
        }
    }
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Renamed,
    Split,
    Merged,
    /// A plot went from "en vente" to "vendu".
    Sold,
    /// An establishment moved to another zone.
    Moved,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Changed,
        ChangeKind::Renamed,
        ChangeKind::Split,
        ChangeKind::Merged,
        ChangeKind::Sold,
        ChangeKind::Moved,
    ];

    /// As written in the CSV `change` column.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
            ChangeKind::Sold => "sold",
            ChangeKind::Moved => "moved",
        }
    }
}

/// How a before/after pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    SiteId,
    /// Same normalised name, outlines overlapping.
    Name,
    /// Outline overlap only.
    Overlap,
    TerrId,
    Siret,
    /// Same normalised name, positions close.
    NamePosition,
}

impl MatchedBy {
    /// As written in the CSV `matched_by` column.
    pub fn code(self) -> &'static str {
        match self {
            MatchedBy::SiteId => "site_id",
            MatchedBy::Name => "name",
            MatchedBy::Overlap => "overlap",
            MatchedBy::TerrId => "terr_id",
            MatchedBy::Siret => "siret",
            MatchedBy::NamePosition => "name_position",
        }
    }
}

/// A thing present before, after, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub before: Option<usize>,
    pub after: Option<usize>,
    pub matched_by: Option<MatchedBy>,
}

/// One row of the change list.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub level: Level,
    pub kind: ChangeKind,
    /// Indices in the before/after dataset's list of that level (for split and merged, the
    /// first of the pieces; every piece is in `id_before`/`id_after`).
    pub before: Option<usize>,
    pub after: Option<usize>,
    pub id_before: String,
    pub id_after: String,
    pub name: String,
    /// The field that changed, for `changed`, `renamed`, `sold` and `moved`.
    pub field: String,
    pub value_before: String,
    pub value_after: String,
    pub matched_by: Option<MatchedBy>,
    /// The zone concerned (its index in the after dataset, else in the before one).
    pub zone_after: Option<usize>,
    pub zone_before: Option<usize>,
}

/// How a zone or plot is drawn on the comparison map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Same,
    Added,
    Removed,
    Changed,
}

/// Thresholds of the comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerance {
    /// Zones matched by outline alone need at least this intersection over union.
    pub zone_iou: f64,
    /// Zones matched by name need this share of the smaller outline in common.
    pub name_overlap: f64,
    /// A matched outline whose IoU is at least this, and whose area differs by at most
    /// `outline_area`, has not changed (reprojection, a re-digitised vertex).
    pub outline_iou: f64,
    /// Relative area difference allowed for an unchanged outline.
    pub outline_area: f64,
    /// Plots matched one to one by overlap need at least this IoU.
    pub plot_iou: f64,
    /// A split piece (or merged part) has at least this share of its area in the other plot.
    pub piece_share: f64,
    /// Establishments matched by name must be within this distance, metres.
    pub establishment_distance_m: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Self {
            zone_iou: 0.5,
            name_overlap: 0.1,
            outline_iou: 0.98,
            outline_area: 0.02,
            plot_iou: 0.5,
            piece_share: 0.5,
            establishment_distance_m: 250.0,
        }
    }
}

/// The comparison of two inventories.
#[derive(Clone, Debug, Default)]
pub struct Diff {
    pub changes: Vec<Change>,
    pub zone_pairs: Vec<Pair>,
    pub plot_pairs: Vec<Pair>,
    pub establishment_pairs: Vec<Pair>,
    /// Per zone of the before dataset: removed, changed or the same.
    pub zone_status_before: Vec<Status>,
    /// Per zone of the after dataset: added, changed or the same.
    pub zone_status_after: Vec<Status>,
    pub plot_status_before: Vec<Status>,
    pub plot_status_after: Vec<Status>,
    pub summary: Summary,
}

impl Diff {
    /// The changes about the zone `after` (index in the after dataset), or about the removed
    /// zone `before` when `after` is `None`.
    pub fn zone_changes(&self, before: Option<usize>, after: Option<usize>) -> Vec<&Change> {
        self.changes
            .iter()
            .filter(|c| {
                c.level == Level::Zone
                    && match after {
                        Some(a) => c.after == Some(a),
                        None => c.before == before && c.after.is_none(),
                    }
            })
            .collect()
    }

    /// Number of changes of a kind.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// An inventory read from files (every layer of each, with `io::source::expand_all`).
pub fn load_inventory(paths: &[PathBuf]) -> Result<Dataset, LoadError> {
    let mut dataset = Dataset::default();
    for input in inputs(paths) {
        for (name, path, file) in read_input(&input, &mut |_| true)? {
            dataset.add_loaded(file, &name, path);
        }
    }
    Ok(dataset)
}

/// One input of a side of a comparison: a file, or an inventory in a database.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    File(PathBuf),
    /// A connection string (`postgresql://…`): its CNIG tables, or its only table.
    Database(String),
}

/// The databases, then the files (folders and multi-layer files expanded) among `paths`.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let (urls, files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| {
        p.to_str()
            .is_some_and(crate::db::inventory::is_connection_string)
    });
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    urls.into_iter()
        .filter_map(|u| u.to_str().map(|u| Input::Database(u.to_string())))
        .chain(io::source::expand_all(&files).into_iter().map(Input::File))
        .collect()
}

/// Reads one input: its name, path (a file's) and what it held; a database gives one per
/// table. `progress` gets the fraction of a file done and returns false to stop.
pub fn read_input(
    input: &Input,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<(String, Option<PathBuf>, io::LoadedFile)>, LoadError> {
    match input {
        Input::File(path) => {
            let file = io::load_file(path, progress)?;
            Ok(vec![(io::display_name(path), Some(path.clone()), file)])
        }
        Input::Database(url) => Ok(crate::db::inventory::read_inventory(url)
            .map_err(LoadError::Database)?
            .into_iter()
            .map(|file| (file.report.file.clone(), None, file))
            .collect()),
    }
}

/// Compares two inventories with the default tolerance.
pub fn compare(before: &Dataset, after: &Dataset) -> Diff {
    compare_with(before, after, &Tolerance::default())
}

/// Compares two inventories.
pub fn compare_with(before: &Dataset, after: &Dataset, tol: &Tolerance) -> Diff {
    let mut diff = Diff {
        zone_status_before: vec![Status::Same; before.zones.len()],
        zone_status_after: vec![Status::Same; after.zones.len()],
        plot_status_before: vec![Status::Same; before.plots.len()],
        plot_status_after: vec![Status::Same; after.plots.len()],
        ..Diff::default()
    };
    diff.zone_pairs = match_zones(&before.zones, &after.zones, tol);
    let zone_to_after = mapping(&diff.zone_pairs, before.zones.len());
    zone_changes(before, after, tol, &mut diff);
    plot_changes(before, after, tol, &mut diff);
    establishment_changes(before, after, tol, &zone_to_after, &mut diff);
    diff.summary = summary::summarise(before, after, &diff);
    diff
}

/// For each before index, the after index it was paired with.
fn mapping(pairs: &[Pair], len: usize) -> Vec<Option<usize>> {
    let mut map = vec![None; len];
    for p in pairs {
        if let (Some(b), Some(a)) = (p.before, p.after)
            && let Some(slot) = map.get_mut(b)
        {
            *slot = Some(a);
        }
    }
    map
}

/// A name for matching: lower case, no accents, letters and digits only, single spaces.
pub fn normalised_name(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

type BoxEntry = GeomWithData<Rectangle<[f64; 2]>, usize>;

fn rtree(boxes: impl Iterator<Item = (usize, Rect<f64>)>) -> RTree<BoxEntry> {
    RTree::bulk_load(
        boxes
            .map(|(i, b)| {
                GeomWithData::new(
                    Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]),
                    i,
                )
            })
            .collect(),
    )
}

fn touching(tree: &RTree<BoxEntry>, b: Rect<f64>) -> impl Iterator<Item = usize> + '_ {
    tree.locate_in_envelope_intersecting(&AABB::from_corners(
        [b.min().x, b.min().y],
        [b.max().x, b.max().y],
    ))
    .map(|e| e.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalised_name("ZA  Test-Est"), "za test est");
        assert_eq!(
            normalised_name("Zone d'activités Écoparc"),
            "zone d activites ecoparc"
        );
        assert_eq!(normalised_name(" ,; "), "");
    }

    #[test]
    fn numbers_are_written_short() {
        assert_eq!(number_text(Some(45.0)), "45");
        assert_eq!(number_text(Some(12.5)), "12.5");
        assert_eq!(number_text(Some(1.0 / 3.0)), "0.3333");
        assert_eq!(number_text(None), "");
    }

    #[test]
    fn sirets_keep_their_digits() {
        assert_eq!(
            siret_key(Some("999 100 019 00010")).as_deref(),
            Some("99910001900010")
        );
        assert_eq!(siret_key(Some("n/a")), None);
        assert!((distance_m((5.0, 47.0), (5.0, 47.001)) - 111.2).abs() < 0.5);
    }
}
