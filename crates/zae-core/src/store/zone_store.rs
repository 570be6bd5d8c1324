//! The one owner of what is loaded: zones, plots and establishments (the [`Dataset`]), their
//! meshes, what is derived from them (R-trees, draw order, the filter's choices) and the label
//! cache. Every per-zone array follows the zones by position, so only this type changes any of
//! them: adding, replacing and removing a source keep them in step, and everything outside reads
//! through `&self`. Zones and sources are named by stable ids ([`ZoneId`], [`SourceId`]).

use std::cell::RefCell;
use std::collections::HashMap;

use geo::Rect;

use super::ids::{SourceId, ZoneId};
use super::{Dataset, DbOrigin, SourceFile};
use crate::io::LoadedFile;
use crate::model::{Establishment, Plot, Zone};
use crate::spatial::{
    BAND_MAX_ZOOM, BandMeshes, MeshSummary, RankedZone, Sketches, ZoneIndex, build_meshes,
};

/// A source read and meshed, ready to be added (built on a worker thread).
pub struct MeshedSource {
    pub file: LoadedFile,
    /// The kept bands of each zone's mesh, one per zone, in the file's order.
    pub zone_meshes: Vec<BandMeshes>,
    /// Every band of each plot's mesh, one per plot.
    pub plot_meshes: Vec<BandMeshes>,
}

/// What follows from the zones and is rebuilt when they change, never per frame.
#[derive(Default)]
struct Derived {
    index: ZoneIndex,
    plot_index: ZoneIndex,
    /// Rank of each zone in drawing order (decreasing area: small zones are drawn on top).
    draw_rank: Vec<u32>,
    ranked: Vec<RankedZone>,
    /// What the frame's budgets need of each zone's kept meshes, in drawing order (as `ranked`).
    summaries: Vec<MeshSummary>,
    /// The sketch of each zone, in drawing order (as `ranked`).
    sketches: Sketches,
    schematic: Vec<bool>,
    /// Distinct communes and states, sorted: the filter's choices.
    communes: Vec<String>,
    states: Vec<String>,
    /// Zone positions by name, ignoring case and accents: the zone list's order.
    by_name: Vec<usize>,
}

impl Derived {
    fn build(data: &Dataset, meshes: &[BandMeshes]) -> Self {
        let zones = &data.zones;
        let (ranked, draw_rank) = RankedZone::order(zones);
        let summaries = ranked
            .iter()
            .map(|r| {
                meshes
                    .get(r.index as usize)
                    .map(MeshSummary::of)
                    .unwrap_or_default()
            })
            .collect();
        let sketches = Sketches::build(&ranked, meshes);
        let distinct = |mut values: Vec<String>| {
            values.sort_unstable();
            values.dedup();
            values
        };
        Self {
            communes: distinct(zones.iter().filter_map(|z| z.commune.clone()).collect()),
            states: distinct(zones.iter().filter_map(|z| z.state.clone()).collect()),
            plot_index: ZoneIndex::from_boxes(data.plots.iter().map(|p| p.bbox)),
            index: ZoneIndex::build(zones),
            draw_rank,
            ranked,
            summaries,
            sketches,
            schematic: zones.iter().map(Zone::is_schematic).collect(),
            by_name: order_by_name(zones.iter().map(Zone::display_name)),
        }
    }
}

/// Indices of `names` sorted ignoring case and accents (a stable sort: equal names keep their
/// order), so that "Écoparc" is among the E's.
pub fn order_by_name<'a>(names: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut keyed: Vec<(String, usize)> = names
        .enumerate()
        .map(|(i, n)| (crate::model::fold(n), i))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| i).collect()
}

#[derive(Default)]
pub struct ZoneStore {
    data: Dataset,
    /// The id of each zone, by position.
    zone_ids: Vec<ZoneId>,
    /// The id of each source, by position in `data.files`.
    source_ids: Vec<SourceId>,
    positions: HashMap<ZoneId, usize>,
    zone_meshes: Vec<BandMeshes>,
    plot_meshes: Vec<BandMeshes>,
    derived: Derived,
    /// Width of each zone's label on screen, measured by the interface when first drawn; cleared
    /// with every change of the zones (and of language or scale, by the interface). A cell, so
    /// the map can fill it while it reads the zones.
    label_widths: RefCell<Vec<f32>>,
    next_zone: u32,
    next_source: u32,
    /// Counts changes: a cache built at one generation is stale at another.
    generation: u64,
    /// Large files read only in an area (WGS84) through their spatial index, as large database
    /// tables are (their area is in their [`DbOrigin`]).
    read_areas: HashMap<SourceId, Rect<f64>>,
}

impl ZoneStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a source and what it brought (named `name`, read from `path` when a file, from a
    /// table when `database`); returns its id.
    pub fn add(
        &mut self,
        name: String,
        path: Option<std::path::PathBuf>,
        database: Option<DbOrigin>,
        meshed: MeshedSource,
    ) -> SourceId {
        let id = SourceId(self.next_source);
        self.next_source += 1;
        let (file, zone_meshes, plot_meshes) = checked_meshes(meshed);
        let new_ids: Vec<ZoneId> = file.zones.iter().map(|_| self.fresh_zone_id()).collect();
        let source = SourceFile {
            name,
            path,
            report: file.report,
            database,
        };
        self.data
            .add_file(source, file.zones, file.plots, file.establishments);
        self.source_ids.push(id);
        self.zone_ids.extend(new_ids);
        self.zone_meshes.extend(zone_meshes);
        self.plot_meshes.extend(plot_meshes);
        self.changed();
        id
    }

    /// Replaces what a source held by a new reading of it (same id, new report; a database table
    /// also tells which part of it was read). Zones whose own `id` is unchanged keep their
    /// [`ZoneId`]. False when no such source is open.
    pub fn replace(
        &mut self,
        source: SourceId,
        meshed: MeshedSource,
        database: Option<DbOrigin>,
    ) -> bool {
        let Some(at) = self.source_position(source) else {
            return false;
        };
        let (file, zone_meshes, plot_meshes) = checked_meshes(meshed);
        // The ids of the zones being replaced, by their own id (first of each).
        let mut old: HashMap<String, ZoneId> = HashMap::new();
        for (zone, id) in self.data.zones.iter().zip(&self.zone_ids) {
            if zone.file == at {
                old.entry(zone.id.clone()).or_insert(*id);
            }
        }
        let new_ids: Vec<ZoneId> = file
            .zones
            .iter()
            .map(|z| old.remove(&z.id).unwrap_or_else(|| self.fresh_zone_id()))
            .collect();
        self.drop_rows_of(at);
        self.data
            .replace_file(at, file.report, file.zones, file.plots, file.establishments);
        if let Some(origin) = database
            && let Some(file) = self.data.files.get_mut(at)
        {
            file.database = Some(origin);
        }
        self.zone_ids.extend(new_ids);
        self.zone_meshes.extend(zone_meshes);
        self.plot_meshes.extend(plot_meshes);
        self.changed();
        true
    }

    /// Closes a source: its zones, plots and establishments go. False when it was not open.
    pub fn remove(&mut self, source: SourceId) -> bool {
        let Some(at) = self.source_position(source) else {
            return false;
        };
        self.drop_rows_of(at);
        self.data.remove_file(at);
        self.source_ids.remove(at);
        self.read_areas.remove(&source);
        self.changed();
        true
    }

    /// Everything loaded, read-only.
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    pub fn zones(&self) -> &[Zone] {
        &self.data.zones
    }

    pub fn plots(&self) -> &[Plot] {
        &self.data.plots
    }

    pub fn establishments(&self) -> &[Establishment] {
        &self.data.establishments
    }

    pub fn is_empty(&self) -> bool {
        self.data.zones.is_empty()
    }

    pub fn zone(&self, id: ZoneId) -> Option<&Zone> {
        self.position(id).and_then(|i| self.data.zones.get(i))
    }

    /// Where a zone is in [`Self::zones`] and every per-zone array, today.
    pub fn position(&self, id: ZoneId) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// The id of the zone at a position.
    pub fn zone_id(&self, position: usize) -> Option<ZoneId> {
        self.zone_ids.get(position).copied()
    }

    /// The first zone whose own `id` (from the data) is this.
    pub fn zone_by_data_id(&self, id: &str) -> Option<ZoneId> {
        self.data.zone_index_by_id(id).and_then(|i| self.zone_id(i))
    }

    /// The sources, in the order they were opened.
    pub fn sources(&self) -> impl Iterator<Item = (SourceId, &SourceFile)> {
        self.source_ids.iter().copied().zip(&self.data.files)
    }

    pub fn source(&self, id: SourceId) -> Option<&SourceFile> {
        self.source_position(id)
            .and_then(|i| self.data.files.get(i))
    }

    /// A file read only in this area (WGS84), being large: `None` when it was read whole.
    pub fn read_area(&self, id: SourceId) -> Option<Rect<f64>> {
        self.read_areas.get(&id).copied()
    }

    /// Says which area of a file was read (`None`: the whole file).
    pub fn set_read_area(&mut self, id: SourceId, area: Option<Rect<f64>>) {
        match area {
            Some(area) if self.source_position(id).is_some() => {
                self.read_areas.insert(id, area);
            }
            _ => {
                self.read_areas.remove(&id);
            }
        }
    }

    /// The source read from this file, if one is open.
    pub fn source_of_path(&self, path: &std::path::Path) -> Option<SourceId> {
        self.sources()
            .find(|(_, f)| f.path.as_deref() == Some(path))
            .map(|(id, _)| id)
    }

    /// The source read from this database table, if one is open.
    pub fn source_of_table(&self, url: &str, schema: &str, table: &str) -> Option<SourceId> {
        self.sources()
            .find(|(_, f)| {
                f.database
                    .as_ref()
                    .is_some_and(|d| d.url == url && d.schema == schema && d.table == table)
            })
            .map(|(id, _)| id)
    }

    /// The source a zone came from.
    pub fn source_of(&self, zone: ZoneId) -> Option<SourceId> {
        let file = self.zone(zone)?.file;
        self.source_ids.get(file).copied()
    }

    fn source_position(&self, id: SourceId) -> Option<usize> {
        self.source_ids.iter().position(|&s| s == id)
    }

    /// The kept bands of every zone's mesh, by zone position.
    pub fn zone_meshes(&self) -> &[BandMeshes] {
        &self.zone_meshes
    }

    /// Every band of every plot's mesh, by plot position.
    pub fn plot_meshes(&self) -> &[BandMeshes] {
        &self.plot_meshes
    }

    pub fn index(&self) -> &ZoneIndex {
        &self.derived.index
    }

    pub fn plot_index(&self) -> &ZoneIndex {
        &self.derived.plot_index
    }

    pub fn draw_rank(&self) -> &[u32] {
        &self.derived.draw_rank
    }

    pub fn ranked(&self) -> &[RankedZone] {
        &self.derived.ranked
    }

    /// What the frame's budgets need of each zone's kept meshes, in drawing order (as
    /// [`Self::ranked`]).
    pub fn mesh_summaries(&self) -> &[MeshSummary] {
        &self.derived.summaries
    }

    /// The sketch of each zone, in drawing order (see [`Self::ranked`]).
    pub fn sketches(&self) -> &Sketches {
        &self.derived.sketches
    }

    /// Zones whose outline is schematic (drawn dashed, "approximate outline" in the legend).
    pub fn schematic(&self) -> &[bool] {
        &self.derived.schematic
    }

    pub fn communes(&self) -> &[String] {
        &self.derived.communes
    }

    pub fn states(&self) -> &[String] {
        &self.derived.states
    }

    /// Zone positions by name, ignoring case and accents (the zone list's order).
    pub fn by_name(&self) -> &[usize] {
        &self.derived.by_name
    }

    /// The label cache, for the interface to fill as it measures labels (empty after a change).
    pub fn label_widths(&self) -> &RefCell<Vec<f32>> {
        &self.label_widths
    }

    /// Forget measured labels (the language or the interface scale changed).
    pub fn clear_label_widths(&mut self) {
        self.label_widths.get_mut().clear();
    }

    /// Changes with every change of the zones.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn fresh_zone_id(&mut self) -> ZoneId {
        let id = ZoneId(self.next_zone);
        self.next_zone += 1;
        id
    }

    /// Drops the per-zone and per-plot rows of the source at position `at`, before the dataset
    /// drops its zones and plots (same retain, same order).
    fn drop_rows_of(&mut self, at: usize) {
        let keep: Vec<bool> = self.data.zones.iter().map(|z| z.file != at).collect();
        let mut k = keep.iter();
        self.zone_ids.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        self.zone_meshes
            .retain(|_| k.next().copied().unwrap_or(true));
        let mut plots = self.data.plots.iter();
        self.plot_meshes
            .retain(|_| plots.next().is_none_or(|p| p.file != at));
    }

    fn changed(&mut self) {
        debug_assert_eq!(self.zone_ids.len(), self.data.zones.len());
        debug_assert_eq!(self.zone_meshes.len(), self.data.zones.len());
        debug_assert_eq!(self.plot_meshes.len(), self.data.plots.len());
        let started = std::time::Instant::now();
        self.derived = Derived::build(&self.data, &self.zone_meshes);
        self.positions = self
            .zone_ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        self.label_widths.get_mut().clear();
        self.generation += 1;
        log::info!(
            "index and draw order of {} zones rebuilt in {:.0} ms",
            self.data.zones.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// What a source brought, with its meshes when there is one per zone and per plot; else they
/// are built here (a caller's mistake must never pair zones with the wrong meshes).
fn checked_meshes(meshed: MeshedSource) -> (LoadedFile, Vec<BandMeshes>, Vec<BandMeshes>) {
    let MeshedSource {
        file,
        zone_meshes,
        plot_meshes,
    } = meshed;
    let (zones, plots) = (&file.zones, &file.plots);
    let zone_meshes = if zone_meshes.len() == zones.len() {
        zone_meshes
    } else {
        log::warn!(
            "{} zone meshes for {} zones: built again",
            zone_meshes.len(),
            zones.len()
        );
        build_meshes(
            zones.len(),
            |i| zones[i].geometry(),
            crate::spatial::STORED_BANDS,
            &mut |_| true,
        )
        .unwrap_or_default()
    };
    let plot_meshes = if plot_meshes.len() == plots.len() {
        plot_meshes
    } else {
        log::warn!(
            "{} plot meshes for {} plots: built again",
            plot_meshes.len(),
            plots.len()
        );
        build_meshes(
            plots.len(),
            |i| &plots[i].geometry,
            BAND_MAX_ZOOM.len(),
            &mut |_| true,
        )
        .unwrap_or_default()
    };
    (file, zone_meshes, plot_meshes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_bytes;

    #[test]
    fn names_sort_ignoring_accents_and_case_then_by_file_order() {
        let names = [
            "Zone B", "Écoparc", "eau vive", "Cap Nord", "Estrées", "écoparc",
        ];
        let order: Vec<&str> = order_by_name(names.iter().copied())
            .into_iter()
            .map(|i| names[i])
            .collect();
        assert_eq!(
            order,
            [
                "Cap Nord", "eau vive", "Écoparc", "écoparc", "Estrées", "Zone B"
            ]
        );
    }
    use crate::store::mesh_loaded;

    /// A GeoJSON file of square zones named by `ids`, each `size` degrees wide, side by side.
    fn file(name: &str, ids: &[&str], x0: f64, size: f64) -> MeshedSource {
        let features: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let x = x0 + k as f64 * 0.01;
                format!(
                    r#"{{"type":"Feature","properties":{{"id":"{id}","nom":"Zone {id}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},47.0],[{x},{y}],[{x2},{y}],[{x2},47.0],[{x},47.0]]]}}}}"#,
                    x2 = x + size,
                    y = 47.0 + size
                )
            })
            .collect();
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        let loaded = load_bytes(name, text.as_bytes(), &mut |_| true).expect("fixture loads");
        mesh_loaded(loaded, &mut |_| true).expect("meshes")
    }

    fn names(store: &ZoneStore) -> Vec<String> {
        store.zones().iter().map(|z| z.id.clone()).collect()
    }

    /// Every per-zone array has one row per zone, and each mesh is the one of its own zone (same
    /// bounding box once projected).
    fn assert_in_step(store: &ZoneStore) {
        let n = store.zones().len();
        assert_eq!(store.zone_meshes().len(), n);
        assert_eq!(store.plot_meshes().len(), store.plots().len());
        assert_eq!(store.draw_rank().len(), n);
        assert_eq!(store.schematic().len(), n);
        for (i, zone) in store.zones().iter().enumerate() {
            let id = store.zone_id(i).expect("an id for every zone");
            assert_eq!(store.position(id), Some(i));
            let mesh = store.zone_meshes()[i].band(0).expect("a coarse band");
            let (lon, _) = crate::spatial::mercator::to_lon_lat(mesh.origin);
            assert!(
                lon >= zone.bbox.min().x - 1e-6 && lon <= zone.bbox.max().x + 1e-6,
                "zone {} paired with a mesh at {lon}",
                zone.id
            );
        }
    }

    #[test]
    fn adding_replacing_and_removing_sources_keep_meshes_with_their_zones() {
        let mut store = ZoneStore::new();
        let a = store.add("a".into(), None, None, file("a", &["a1", "a2"], 5.0, 0.005));
        let b = store.add(
            "b".into(),
            None,
            None,
            file("b", &["b1", "b2", "b3"], 6.0, 0.002),
        );
        assert_in_step(&store);
        let b2 = store.zone_by_data_id("b2").expect("b2");
        let a1 = store.zone_by_data_id("a1").expect("a1");

        // `a` read again: a2 is gone, a3 is new; a1 keeps its id, and now sits after b's zones.
        assert!(store.replace(a, file("a", &["a1", "a3"], 5.0, 0.005), None));
        assert_eq!(names(&store), ["b1", "b2", "b3", "a1", "a3"]);
        assert_eq!(store.zone_by_data_id("a1"), Some(a1));
        assert_eq!(store.zone(a1).map(|z| z.id.as_str()), Some("a1"));
        assert_eq!(store.zone(b2).map(|z| z.id.as_str()), Some("b2"));
        assert_in_step(&store);

        assert!(store.remove(b));
        assert_eq!(names(&store), ["a1", "a3"]);
        assert!(store.zone(b2).is_none(), "a closed source's zones are gone");
        assert_eq!(store.source_of(a1), Some(a));
        assert!(store.source(b).is_none());
        assert!(!store.remove(b), "a source is closed once");
        assert_in_step(&store);
    }

    #[test]
    fn meshes_that_do_not_match_the_zones_are_built_again_not_paired_wrongly() {
        let mut store = ZoneStore::new();
        let mut meshed = file("a", &["a1", "a2"], 5.0, 0.005);
        meshed.zone_meshes.pop();
        store.add("a".into(), None, None, meshed);
        assert_in_step(&store);
    }

    #[test]
    fn every_change_moves_the_generation_and_clears_the_label_cache() {
        let mut store = ZoneStore::new();
        let before = store.generation();
        let a = store.add("a".into(), None, None, file("a", &["a1"], 5.0, 0.005));
        store.label_widths().borrow_mut().push(42.0);
        assert!(store.generation() > before);
        let added = store.generation();
        store.remove(a);
        assert!(store.generation() > added);
        assert!(store.label_widths().borrow().is_empty());
    }
}
