//! A comparison of two inventories held by the state: the "after" inventory is what the map
//! shows (its files are the open sources), the "before" one is kept beside it with the change
//! list; the change table's filter and the swipe's position live here too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use geo::{BooleanOps, BoundingRect, LineString, MultiLineString, MultiPolygon, Rect};

use crate::diff::{self, Change, ChangeKind, Diff, Level, Status};
use crate::io::{self, LoadError};
use crate::spatial::{ZoneMesh, build_zone_mesh};
use crate::store::{Dataset, MeshedSource, mesh_loaded};

/// What the comparison worker brings: both inventories read, the after one meshed for the
/// map, and the changes.
pub struct ComparisonLoad {
    pub before_paths: Vec<PathBuf>,
    pub after_paths: Vec<PathBuf>,
    pub before: Dataset,
    pub after: Dataset,
    /// The after files (or tables) as sources for the map, in order: name, path, meshes.
    pub after_sources: Vec<(String, Option<PathBuf>, MeshedSource)>,
    /// The before zones and plots triangulated, for the before side of the swipe.
    pub before_meshes: Vec<ZoneMesh>,
    pub before_plot_meshes: Vec<ZoneMesh>,
    pub diff: Diff,
}

/// Reads both inventories, meshes the after one and compares them (on a worker). `progress`
/// gets the fraction done and returns false to stop (then `Err(Cancelled)`).
pub fn load_comparison(
    before_paths: &[PathBuf],
    after_paths: &[PathBuf],
    progress: &mut dyn FnMut(&str, f32) -> bool,
) -> Result<ComparisonLoad, LoadError> {
    let before_list = diff::inputs(before_paths);
    let after_list = diff::inputs(after_paths);
    let total = (before_list.len() + after_list.len()).max(1) as f32;
    let shown = |input: &diff::Input| match input {
        diff::Input::File(path) => io::display_name(path),
        diff::Input::Database(url) => crate::db::target::redact(url),
    };
    let mut step = 0.0;
    let mut before = Dataset::default();
    for input in &before_list {
        let label = shown(input);
        let read = diff::read_input(input, &mut |f| progress(&label, (step + f) / total))?;
        for (name, path, file) in read {
            before.add_loaded(file, &name, path);
        }
        step += 1.0;
    }
    let mut after = Dataset::default();
    let mut after_sources = Vec::new();
    for input in &after_list {
        let label = shown(input);
        let read = diff::read_input(input, &mut |f| progress(&label, (step + 0.7 * f) / total))?;
        for (name, path, file) in read {
            let meshed = mesh_loaded(file, &mut |f| {
                progress(&name, (step + 0.7 + 0.3 * f) / total)
            })
            .ok_or_else(|| LoadError::Cancelled { file: name.clone() })?;
            let f = &meshed.file;
            after.add_file(
                crate::store::SourceFile {
                    name: name.clone(),
                    path: path.clone(),
                    report: f.report.clone(),
                    database: None,
                },
                f.zones.clone(),
                f.plots.clone(),
                f.establishments.clone(),
            );
            after_sources.push((name, path, meshed));
        }
        step += 1.0;
    }
    let diff = diff::compare(&before, &after);
    let before_meshes = before
        .zones
        .iter()
        .map(|z| build_zone_mesh(&z.geometry()))
        .collect();
    let before_plot_meshes = before
        .plots
        .iter()
        .map(|p| build_zone_mesh(&p.geometry))
        .collect();
    Ok(ComparisonLoad {
        before_meshes,
        before_plot_meshes,
        before_paths: before_paths.to_vec(),
        after_paths: after_paths.to_vec(),
        before,
        after,
        after_sources,
        diff,
    })
}

/// A removed zone drawn as a hatched ghost: its outline and hatching lines (lon/lat).
#[derive(Clone, Debug)]
pub struct Ghost {
    pub before: usize,
    pub bbox: Rect<f64>,
    pub outline: MultiPolygon<f64>,
    pub hatching: Vec<LineString<f64>>,
}

/// The comparison shown.
pub struct Comparison {
    pub before_paths: Vec<PathBuf>,
    pub after_paths: Vec<PathBuf>,
    pub before: Dataset,
    pub after: Dataset,
    pub diff: Diff,
    pub before_meshes: Vec<ZoneMesh>,
    pub before_plot_meshes: Vec<ZoneMesh>,
    pub ghosts: Vec<Ghost>,
    filter: Option<ChangeKind>,
    rows: Vec<usize>,
    swipe: Option<f32>,
    /// Store position of a zone → its index in `after` (and back); same for plots.
    store_to_after: Vec<Option<usize>>,
    after_to_store: Vec<Option<usize>>,
    plot_store_to_after: Vec<Option<usize>>,
}

impl Comparison {
    pub fn new(load: ComparisonLoad) -> Self {
        let ghosts = load
            .diff
            .changes
            .iter()
            .filter(|c| c.level == Level::Zone && c.kind == ChangeKind::Removed)
            .filter_map(|c| {
                let b = c.before?;
                let outline = load.before.zones.get(b)?.geometry();
                Some(Ghost {
                    before: b,
                    bbox: load.before.zones[b].bbox,
                    hatching: hatching(&outline),
                    outline,
                })
            })
            .collect();
        let rows = (0..load.diff.changes.len()).collect();
        Self {
            before_paths: load.before_paths,
            after_paths: load.after_paths,
            before: load.before,
            after: load.after,
            diff: load.diff,
            before_meshes: load.before_meshes,
            before_plot_meshes: load.before_plot_meshes,
            ghosts,
            filter: None,
            rows,
            swipe: None,
            store_to_after: Vec::new(),
            after_to_store: Vec::new(),
            plot_store_to_after: Vec::new(),
        }
    }

    pub fn filter(&self) -> Option<ChangeKind> {
        self.filter
    }

    /// The change table's rows (indices into `diff.changes`) of the filter.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn set_filter(&mut self, kind: Option<ChangeKind>) {
        self.filter = kind;
        self.rows = self
            .diff
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| kind.is_none_or(|k| c.kind == k))
            .map(|(i, _)| i)
            .collect();
    }

    /// Where the swipe splits the map (0 = left edge, 1 = right edge): "before" on the left,
    /// "after" on the right. `None`: no swipe.
    pub fn swipe(&self) -> Option<f32> {
        self.swipe
    }

    pub fn set_swipe(&mut self, at: Option<f32>) {
        self.swipe = at.filter(|x| x.is_finite()).map(|x| x.clamp(0.0, 1.0));
    }

    /// The change of a zone shown at `position` in the store.
    pub fn zone_status(&self, position: usize) -> Status {
        self.store_to_after
            .get(position)
            .copied()
            .flatten()
            .and_then(|a| self.diff.zone_status_after.get(a).copied())
            .unwrap_or_default()
    }

    pub fn plot_status(&self, position: usize) -> Status {
        self.plot_store_to_after
            .get(position)
            .copied()
            .flatten()
            .and_then(|a| self.diff.plot_status_after.get(a).copied())
            .unwrap_or_default()
    }

    /// Index in `after` of the zone at `position` in the store.
    pub fn after_index(&self, position: usize) -> Option<usize> {
        self.store_to_after.get(position).copied().flatten()
    }

    /// Position in the store of the zone `after` of the after inventory.
    pub fn store_position(&self, after: usize) -> Option<usize> {
        self.after_to_store.get(after).copied().flatten()
    }

    /// The zone changes of the zone at `position` in the store.
    pub fn zone_changes_at(&self, position: usize) -> Vec<&Change> {
        match self.after_index(position) {
            Some(a) => self.diff.zone_changes(None, Some(a)),
            None => Vec::new(),
        }
    }

    /// Matches the store's zones and plots to the after inventory's, by file and feature: the
    /// store is the after inventory, plus whatever was opened since.
    pub fn remap(&mut self, store: &Dataset) {
        let key = |data: &Dataset, file: usize, feature: usize| {
            let path = data.files.get(file).and_then(|f| f.path.clone());
            (path, feature)
        };
        let zones: HashMap<(Option<PathBuf>, usize), usize> = self
            .after
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (key(&self.after, z.file, z.feature_index), i))
            .collect();
        self.store_to_after = store
            .zones
            .iter()
            .map(|z| zones.get(&key(store, z.file, z.feature_index)).copied())
            .collect();
        self.after_to_store = vec![None; self.after.zones.len()];
        for (position, a) in self.store_to_after.iter().enumerate() {
            if let Some(slot) = a.and_then(|a| self.after_to_store.get_mut(a)) {
                *slot = Some(position);
            }
        }
        let plots: HashMap<(Option<PathBuf>, usize), usize> = self
            .after
            .plots
            .iter()
            .enumerate()
            .map(|(i, p)| (key(&self.after, p.file, p.feature_index), i))
            .collect();
        self.plot_store_to_after = store
            .plots
            .iter()
            .map(|p| plots.get(&key(store, p.file, p.feature_index)).copied())
            .collect();
    }

    /// The bounds of both inventories.
    pub fn bounds(&self) -> Option<Rect<f64>> {
        match (self.before.bounds(), self.after.bounds()) {
            (Some(a), Some(b)) => Some(crate::model::union(a, b)),
            (a, b) => a.or(b),
        }
    }

    /// Where a change is: the after zone's box, else the before one's.
    pub fn change_bounds(&self, change: &Change) -> Option<Rect<f64>> {
        let zone_box = |data: &Dataset, z: Option<usize>| data.zones.get(z?).map(|z| z.bbox);
        let own = match change.level {
            Level::Zone => None,
            Level::Plot => change
                .after
                .and_then(|a| self.after.plots.get(a).map(|p| p.bbox))
                .or_else(|| {
                    change
                        .before
                        .and_then(|b| self.before.plots.get(b).map(|p| p.bbox))
                }),
            Level::Establishment => change
                .after
                .and_then(|a| self.after.establishments.get(a))
                .or_else(|| {
                    change
                        .before
                        .and_then(|b| self.before.establishments.get(b))
                })
                .map(|e| Rect::new((e.lon, e.lat), (e.lon, e.lat))),
        };
        zone_box(&self.after, change.zone_after)
            .or_else(|| zone_box(&self.before, change.zone_before))
            .or(own)
    }

    /// The names of the before and after files, for titles.
    pub fn names(&self) -> (String, String) {
        let names = |paths: &[PathBuf]| {
            paths
                .iter()
                .map(|p| io::display_name(Path::new(p)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        (names(&self.before_paths), names(&self.after_paths))
    }
}

/// Diagonal hatching lines inside an outline (about 14 across its box), clipped to it.
fn hatching(outline: &MultiPolygon<f64>) -> Vec<LineString<f64>> {
    let Some(b) = outline.bounding_rect() else {
        return Vec::new();
    };
    let (w, h) = (b.width(), b.height());
    if !(w > 0.0 && h > 0.0) {
        return Vec::new();
    }
    let step = (w + h) / 14.0;
    let mut lines = Vec::new();
    let mut t = step / 2.0;
    while t < w + h {
        // From the left or bottom edge, going up-right at 45° (in degrees, near enough).
        let start = (b.min().x + t - h, b.min().y);
        let end = (b.min().x + t, b.max().y);
        lines.push(LineString::from(vec![start, end]));
        t += step;
    }
    let clipped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outline.clip(&MultiLineString(lines), false)
    }));
    clipped.map(|m| m.0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn hatching_stays_inside() {
        let outline = MultiPolygon(vec![polygon![
            (x: 5.0, y: 47.0),
            (x: 5.01, y: 47.0),
            (x: 5.01, y: 47.01),
            (x: 5.0, y: 47.01),
            (x: 5.0, y: 47.0),
        ]]);
        let lines = hatching(&outline);
        assert!(lines.len() >= 10, "{}", lines.len());
        for l in &lines {
            for c in &l.0 {
                assert!((5.0 - 1e-9..=5.01 + 1e-9).contains(&c.x), "{c:?}");
                assert!((47.0 - 1e-9..=47.01 + 1e-9).contains(&c.y), "{c:?}");
            }
        }
        assert!(hatching(&MultiPolygon(vec![])).is_empty());
    }

    fn fixture(side: &str) -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/diff")
            .join(side);
        ["site-eco", "terrain-eco", "etablissement"]
            .iter()
            .map(|l| dir.join(format!("{l}.geojson")))
            .collect()
    }

    #[test]
    fn the_state_shows_a_comparison_and_flies_to_its_changes() {
        use crate::state::{AppState, Command};
        let load = load_comparison(&fixture("before"), &fixture("after"), &mut |_, _| true)
            .expect("the fixture pair loads");
        let mut state = AppState::default();
        state.comparison_loaded(load);
        assert_eq!(state.dataset().zones.len(), 6);
        let c = state.comparison().expect("a comparison");
        assert_eq!(c.ghosts.len(), 1);
        assert!(!c.ghosts[0].hatching.is_empty());
        assert_eq!(c.before_meshes.len(), 6);
        // Each zone of the store knows its change; zone C was only reprojected.
        let status = |id: &str| {
            let p = state.dataset().zone_index_by_id(id).expect("zone");
            state.comparison().map(|c| c.zone_status(p))
        };
        assert_eq!(status("21231_SITE-ECO_90003"), Some(Status::Same));
        assert_eq!(status("21231_SITE-ECO_90005"), Some(Status::Added));
        assert_eq!(status("21231_SITE-ECO_91007"), Some(Status::Changed));
        // A row of the change table selects its zone and asks to fit the view to it.
        let row = c
            .diff
            .changes
            .iter()
            .position(|c| c.kind == ChangeKind::Renamed && c.id_after.ends_with("91007"))
            .expect("G renamed");
        let _ = state.apply(Command::FocusChange(row));
        assert_eq!(
            state.selected_zone().map(|z| z.id.as_str()),
            Some("21231_SITE-ECO_91007")
        );
        assert!(state.take_pending_fit().is_some());
        let position = state.selected().expect("selected");
        let fields: Vec<String> = state
            .comparison()
            .map(|c| {
                c.zone_changes_at(position)
                    .iter()
                    .map(|c| c.field.clone())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(fields, ["name"]);
        // A removed zone: nothing to select, the view still goes there.
        let removed = state
            .comparison()
            .and_then(|c| {
                c.diff
                    .changes
                    .iter()
                    .position(|c| c.kind == ChangeKind::Removed)
            })
            .expect("a removal");
        let _ = state.apply(Command::FocusChange(removed));
        assert_eq!(state.selected(), None);
        assert!(state.take_pending_fit().is_some());
        // Filter, swipe (kept within the map), close.
        let _ = state.apply(Command::SetChangeFilter(Some(ChangeKind::Sold)));
        assert_eq!(state.comparison().map(|c| c.rows().len()), Some(1));
        let _ = state.apply(Command::SetSwipe(Some(1.7)));
        assert_eq!(state.comparison().and_then(|c| c.swipe()), Some(1.0));
        let _ = state.apply(Command::SetSwipe(Some(f32::NAN)));
        assert_eq!(state.comparison().and_then(|c| c.swipe()), None);
        let _ = state.apply(Command::CloseCompare);
        assert!(state.comparison().is_none());
        assert_eq!(
            state.dataset().zones.len(),
            6,
            "the after inventory stays open"
        );
    }

    #[test]
    fn an_unreadable_side_says_which_file() {
        let mut after = fixture("after");
        after[1] = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/malformed.geojson");
        match load_comparison(&fixture("before"), &after, &mut |_, _| true) {
            Err(e) => assert!(e.to_string().contains("malformed.geojson"), "{e}"),
            Ok(_) => panic!("a malformed file is refused"),
        }
    }
}
