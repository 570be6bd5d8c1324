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
pub mod summary;
pub mod write;

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

fn match_zones(before: &[Zone], after: &[Zone], tol: &Tolerance) -> Vec<Pair> {
    let mut b_taken = vec![None::<(usize, MatchedBy)>; before.len()];
    let mut a_taken = vec![false; after.len()];
    // 1. site_id.
    let mut by_site: HashMap<&str, usize> = HashMap::new();
    for (i, z) in after.iter().enumerate() {
        if let Some(s) = z.site_id.as_deref().filter(|s| !s.trim().is_empty()) {
            by_site.entry(s.trim()).or_insert(i);
        }
    }
    for (i, z) in before.iter().enumerate() {
        if let Some(&a) = z.site_id.as_deref().and_then(|s| by_site.get(s.trim()))
            && !a_taken[a]
        {
            a_taken[a] = true;
            b_taken[i] = Some((a, MatchedBy::SiteId));
        }
    }
    // 2. Normalised name, with the outlines overlapping.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, z) in after.iter().enumerate() {
        if !a_taken[i]
            && let Some(n) = z.name.as_deref().map(normalised_name)
            && !n.is_empty()
        {
            by_name.entry(n).or_default().push(i);
        }
    }
    for (i, z) in before.iter().enumerate() {
        if b_taken[i].is_some() {
            continue;
        }
        let Some(candidates) = z
            .name
            .as_deref()
            .and_then(|n| by_name.get(&normalised_name(n)))
        else {
            continue;
        };
        let g = z.geometry();
        let best = candidates
            .iter()
            .filter(|&&a| !a_taken[a])
            .filter_map(|&a| {
                if z.outline == after[a].outline {
                    return Some((1.0, a));
                }
                let h = after[a].geometry();
                let smaller = g.unsigned_area().min(h.unsigned_area());
                let share = intersection_area(&g, &h)? / smaller;
                (smaller > 0.0 && share >= tol.name_overlap).then_some((share, a))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, a)) = best {
            a_taken[a] = true;
            b_taken[i] = Some((a, MatchedBy::Name));
        }
    }
    // 3. Outline overlap, best pairs first.
    let tree = rtree(
        after
            .iter()
            .enumerate()
            .filter(|(i, _)| !a_taken[*i])
            .map(|(i, z)| (i, z.bbox)),
    );
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, z) in before.iter().enumerate() {
        if b_taken[i].is_some() {
            continue;
        }
        let g = z.geometry();
        for a in touching(&tree, z.bbox) {
            // The same outline is the same place, even where its area cannot be measured (a
            // self-intersecting ring).
            let v = if z.outline == after[a].outline {
                Some(1.0)
            } else {
                iou(&g, &after[a].geometry())
            };
            if let Some(v) = v
                && v >= tol.zone_iou
            {
                candidates.push((v, i, a));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, b, a) in candidates {
        if b_taken[b].is_none() && !a_taken[a] {
            a_taken[a] = true;
            b_taken[b] = Some((a, MatchedBy::Overlap));
        }
    }
    let mut pairs: Vec<Pair> = b_taken
        .iter()
        .enumerate()
        .map(|(b, m)| Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        })
        .collect();
    pairs.extend(
        a_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(a, _)| Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            }),
    );
    pairs
}

/// A number as written in the change list: integers without decimals, others to 4 decimals
/// at most; empty when unknown.
pub fn number_text(v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) if (v - v.round()).abs() < 1e-9 => format!("{}", v.round() as i64),
        Some(v) => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

fn same_number(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: Option<&str>| s.map(|s| fold(s.trim())).filter(|s| !s.is_empty());
    norm(a) == norm(b)
}

/// Per zone: the vacancy rate (given, else vacant plots / plots) in one pass over the plots.
pub(crate) fn vacancy_rates(data: &Dataset) -> Vec<Option<f64>> {
    let mut counts = vec![(0usize, 0usize); data.zones.len()];
    for p in &data.plots {
        if let Some(c) = p.zone.and_then(|z| counts.get_mut(z)) {
            c.0 += 1;
            c.1 += usize::from(p.is_vacant());
        }
    }
    data.zones
        .iter()
        .zip(counts)
        .map(|(z, (plots, vacant))| {
            z.vacancy_percent
                .or((plots > 0).then(|| 100.0 * vacant as f64 / plots as f64))
        })
        .collect()
}

fn zone_id(z: &Zone) -> String {
    z.site_id.clone().unwrap_or_else(|| z.id.clone())
}

fn zone_changes(before: &Dataset, after: &Dataset, tol: &Tolerance, diff: &mut Diff) {
    let vac_b = vacancy_rates(before);
    let vac_a = vacancy_rates(after);
    let pairs = diff.zone_pairs.clone();
    for pair in &pairs {
        let zb = pair
            .before
            .and_then(|i| before.zones.get(i).map(|z| (i, z)));
        let za = pair.after.and_then(|i| after.zones.get(i).map(|z| (i, z)));
        let row = |kind, field: &str, vb: String, va: String| Change {
            level: Level::Zone,
            kind,
            before: pair.before,
            after: pair.after,
            id_before: zb.map(|(_, z)| zone_id(z)).unwrap_or_default(),
            id_after: za.map(|(_, z)| zone_id(z)).unwrap_or_default(),
            name: za
                .or(zb)
                .map(|(_, z)| z.display_name().to_string())
                .unwrap_or_default(),
            field: field.to_string(),
            value_before: vb,
            value_after: va,
            matched_by: pair.matched_by,
            zone_after: pair.after,
            zone_before: pair.before,
        };
        match (zb, za) {
            (Some((b, _)), None) => {
                diff.zone_status_before[b] = Status::Removed;
                diff.changes
                    .push(row(ChangeKind::Removed, "", String::new(), String::new()));
            }
            (None, Some((a, _))) => {
                diff.zone_status_after[a] = Status::Added;
                diff.changes
                    .push(row(ChangeKind::Added, "", String::new(), String::new()));
            }
            (Some((b, zb)), Some((a, za))) => {
                let mut rows = Vec::new();
                let (nb, na) = (zb.name.as_deref(), za.name.as_deref());
                if nb.map(str::trim) != na.map(str::trim) {
                    rows.push(row(
                        ChangeKind::Renamed,
                        "name",
                        nb.unwrap_or_default().into(),
                        na.unwrap_or_default().into(),
                    ));
                }
                if zb.outline != za.outline {
                    let (gb, ga) = (zb.geometry(), za.geometry());
                    let v = iou(&gb, &ga);
                    let larger = zb.area_ha.max(za.area_ha);
                    let rel = if larger > 0.0 {
                        (zb.area_ha - za.area_ha).abs() / larger
                    } else {
                        0.0
                    };
                    let same_shape =
                        v.is_some_and(|v| v >= tol.outline_iou) && rel <= tol.outline_area;
                    if !same_shape {
                        let iou_text = v.map_or_else(|| "?".to_string(), |v| format!("{v:.3}"));
                        rows.push(row(
                            ChangeKind::Changed,
                            "outline",
                            format!("{:.2} ha", zb.area_ha),
                            format!("{:.2} ha, IoU {iou_text}", za.area_ha),
                        ));
                    }
                }
                for (field, x, y) in [
                    ("surface", zb.surface_declared_ha, za.surface_declared_ha),
                    ("jobs", zb.jobs, za.jobs),
                    ("establishments", zb.establishments, za.establishments),
                    ("vacancy_rate", vac_b[b], vac_a[a]),
                ] {
                    if !same_number(x, y) {
                        rows.push(row(
                            ChangeKind::Changed,
                            field,
                            number_text(x),
                            number_text(y),
                        ));
                    }
                }
                let (sb, sa) = (zb.state.as_deref(), za.state.as_deref());
                if !same_text(sb, sa) {
                    rows.push(row(
                        ChangeKind::Changed,
                        "state",
                        sb.unwrap_or_default().into(),
                        sa.unwrap_or_default().into(),
                    ));
                }
                let (vb, va) = (zb.vocation_label(), za.vocation_label());
                if !same_text(vb.as_deref(), va.as_deref()) {
                    rows.push(row(
                        ChangeKind::Changed,
                        "vocation",
                        vb.unwrap_or_default(),
                        va.unwrap_or_default(),
                    ));
                }
                if !rows.is_empty() {
                    diff.zone_status_before[b] = Status::Changed;
                    diff.zone_status_after[a] = Status::Changed;
                }
                diff.changes.extend(rows);
            }
            (None, None) => {}
        }
    }
}

/// A plot's own id (`terr_id`), `None` when the data gives none.
fn terr_id(id: &str) -> Option<&str> {
    (!id.starts_with('#') && !id.trim().is_empty()).then_some(id.trim())
}

fn plot_changes(before: &Dataset, after: &Dataset, tol: &Tolerance, diff: &mut Diff) {
    let (pb, pa) = (&before.plots, &after.plots);
    let mut b_match: Vec<Option<(usize, MatchedBy)>> = vec![None; pb.len()];
    let mut a_match: Vec<Option<usize>> = vec![None; pa.len()];
    let mut b_done = vec![false; pb.len()];
    let mut a_done = vec![false; pa.len()];
    // 1. terr_id.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pa.iter().enumerate() {
        if let Some(id) = terr_id(&p.id) {
            by_id.entry(id).or_insert(i);
        }
    }
    for (i, p) in pb.iter().enumerate() {
        if let Some(&a) = terr_id(&p.id).and_then(|id| by_id.get(id))
            && a_match[a].is_none()
        {
            a_match[a] = Some(i);
            b_match[i] = Some((a, MatchedBy::TerrId));
        }
    }
    let tree_b = rtree(pb.iter().enumerate().map(|(i, p)| (i, p.bbox)));
    let tree_a = rtree(pa.iter().enumerate().map(|(i, p)| (i, p.bbox)));
    // The plot of `tree`'s side holding most of `g`, if it holds at least `piece_share`.
    let best_holder = |g: &MultiPolygon<f64>,
                       bbox: Rect<f64>,
                       tree: &RTree<BoxEntry>,
                       plots: &[crate::model::Plot]| {
        touching(tree, bbox)
            .filter_map(|i| Some((share_inside(g, &plots.get(i)?.geometry)?, i)))
            .filter(|(s, _)| *s >= tol.piece_share)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, i)| i)
    };
    let mut splits: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut merges: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut overlap_pairs: Vec<(usize, usize)> = Vec::new();
    // 2. Split: unmatched after plots mostly inside one before plot.
    let mut pieces: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, p) in pa.iter().enumerate() {
        if a_match[a].is_none()
            && let Some(b) = best_holder(&p.geometry, p.bbox, &tree_b, pb)
        {
            pieces.entry(b).or_default().push(a);
        }
    }
    for (b, mut parts) in pieces {
        // The plot that kept the id counts as a piece when it lies in the old outline.
        let kept = b_match[b].map(|(a, _)| a).filter(|&a| {
            share_inside(&pa[a].geometry, &pb[b].geometry).is_some_and(|s| s >= tol.piece_share)
        });
        let count = parts.len() + usize::from(kept.is_some());
        if count >= 2 {
            parts.extend(kept);
            parts.sort_unstable();
            for &a in &parts {
                a_done[a] = true;
            }
            if b_match[b].is_none() {
                b_done[b] = true;
            }
            splits.push((b, parts));
        }
    }
    // 3. Merge: unmatched before plots mostly inside one after plot.
    let mut parts_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (b, p) in pb.iter().enumerate() {
        if b_match[b].is_none()
            && !b_done[b]
            && let Some(a) = best_holder(&p.geometry, p.bbox, &tree_a, pa)
        {
            parts_of.entry(a).or_default().push(b);
        }
    }
    for (a, mut parts) in parts_of {
        if a_done[a] {
            continue;
        }
        let kept = a_match[a].filter(|&b| {
            share_inside(&pb[b].geometry, &pa[a].geometry).is_some_and(|s| s >= tol.piece_share)
        });
        let count = parts.len() + usize::from(kept.is_some());
        if count >= 2 {
            parts.extend(kept);
            parts.sort_unstable();
            for &b in &parts {
                b_done[b] = true;
            }
            if a_match[a].is_none() {
                a_done[a] = true;
            }
            merges.push((parts, a));
        }
    }
    // 4. One to one by overlap among what is left.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (a, p) in pa.iter().enumerate() {
        if a_match[a].is_some() || a_done[a] {
            continue;
        }
        for b in touching(&tree_b, p.bbox) {
            if b_match[b].is_none()
                && !b_done[b]
                && let Some(v) = iou(&p.geometry, &pb[b].geometry)
                && v >= tol.plot_iou
            {
                candidates.push((v, b, a));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, b, a) in candidates {
        if b_match[b].is_none() && a_match[a].is_none() {
            b_match[b] = Some((a, MatchedBy::Overlap));
            a_match[a] = Some(b);
            overlap_pairs.push((b, a));
        }
    }
    let _ = overlap_pairs;
    // Pairs, in before order then the after plots only after.
    for (b, m) in b_match.iter().enumerate() {
        diff.plot_pairs.push(Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        });
    }
    for (a, m) in a_match.iter().enumerate() {
        if m.is_none() {
            diff.plot_pairs.push(Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            });
        }
    }
    let zone_name = |data: &Dataset, z: Option<usize>| {
        z.and_then(|z| data.zones.get(z))
            .map(|z| z.display_name().to_string())
            .unwrap_or_default()
    };
    let ids = |plots: &[crate::model::Plot], list: &[usize]| {
        list.iter()
            .map(|&i| plots[i].id.as_str())
            .collect::<Vec<_>>()
            .join("|")
    };
    let areas = |plots: &[crate::model::Plot], list: &[usize]| {
        list.iter()
            .map(|&i| format!("{:.2} ha", plots[i].surface_or_area_ha()))
            .collect::<Vec<_>>()
            .join("|")
    };
    let plot_row = |kind,
                    b: Option<usize>,
                    a: Option<usize>,
                    field: &str,
                    vb: String,
                    va: String,
                    by: Option<MatchedBy>| {
        let zb = b.and_then(|b| pb[b].zone);
        let za = a.and_then(|a| pa[a].zone);
        Change {
            level: Level::Plot,
            kind,
            before: b,
            after: a,
            id_before: b.map(|b| pb[b].id.clone()).unwrap_or_default(),
            id_after: a.map(|a| pa[a].id.clone()).unwrap_or_default(),
            name: if za.is_some() {
                zone_name(after, za)
            } else {
                zone_name(before, zb)
            },
            field: field.to_string(),
            value_before: vb,
            value_after: va,
            matched_by: by,
            zone_after: za,
            zone_before: zb,
        }
    };
    let mut rows: Vec<(usize, Change)> = Vec::new();
    for (b, parts) in &splits {
        let mut c = plot_row(
            ChangeKind::Split,
            Some(*b),
            parts.first().copied(),
            "",
            areas(pb, &[*b]),
            areas(pa, parts),
            Some(MatchedBy::Overlap),
        );
        c.id_after = ids(pa, parts);
        for &a in parts {
            diff.plot_status_after[a] = Status::Changed;
        }
        diff.plot_status_before[*b] = Status::Changed;
        rows.push((*b, c));
    }
    for (parts, a) in &merges {
        let mut c = plot_row(
            ChangeKind::Merged,
            parts.first().copied(),
            Some(*a),
            "",
            areas(pb, parts),
            areas(pa, &[*a]),
            Some(MatchedBy::Overlap),
        );
        c.id_before = ids(pb, parts);
        for &b in parts {
            diff.plot_status_before[b] = Status::Changed;
        }
        diff.plot_status_after[*a] = Status::Changed;
        rows.push((parts.first().copied().unwrap_or(0), c));
    }
    for (b, m) in b_match.iter().enumerate() {
        let Some((a, by)) = *m else {
            if !b_done[b] {
                diff.plot_status_before[b] = Status::Removed;
                rows.push((
                    b,
                    plot_row(
                        ChangeKind::Removed,
                        Some(b),
                        None,
                        "",
                        String::new(),
                        String::new(),
                        None,
                    ),
                ));
            }
            continue;
        };
        let (x, y) = (&pb[b], &pa[a]);
        let mut changed = false;
        let (sb, sa) = (x.commercial_stage.as_deref(), y.commercial_stage.as_deref());
        if !same_text(sb, sa) {
            let sold = x.is_for_sale() && sa.is_some_and(|s| fold(s.trim()).starts_with("vendu"));
            let kind = if sold {
                ChangeKind::Sold
            } else {
                ChangeKind::Changed
            };
            rows.push((
                b,
                plot_row(
                    kind,
                    Some(b),
                    Some(a),
                    "terr_stade_comm",
                    sb.unwrap_or_default().into(),
                    sa.unwrap_or_default().into(),
                    Some(by),
                ),
            ));
            changed = true;
        }
        let (ob, oa) = (x.occupation.as_deref(), y.occupation.as_deref());
        if !same_text(ob, oa) {
            rows.push((
                b,
                plot_row(
                    ChangeKind::Changed,
                    Some(b),
                    Some(a),
                    "terr_etat_occup",
                    ob.unwrap_or_default().into(),
                    oa.unwrap_or_default().into(),
                    Some(by),
                ),
            ));
            changed = true;
        }
        if changed {
            diff.plot_status_before[b] = Status::Changed;
            diff.plot_status_after[a] = Status::Changed;
        }
    }
    rows.sort_by_key(|(b, _)| *b);
    diff.changes.extend(rows.into_iter().map(|(_, c)| c));
    let mut added = Vec::new();
    for (a, m) in a_match.iter().enumerate() {
        if m.is_none() && !a_done[a] {
            diff.plot_status_after[a] = Status::Added;
            added.push(plot_row(
                ChangeKind::Added,
                None,
                Some(a),
                "",
                String::new(),
                String::new(),
                None,
            ));
        }
    }
    diff.changes.extend(added);
}

/// A SIRET with its digits only; `None` when it has none.
fn siret_key(s: Option<&str>) -> Option<String> {
    let digits: String = s?.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// Distance between two WGS84 points, metres (equirectangular: fine at these distances).
fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = ((a.1 + b.1) / 2.0).to_radians();
    let dx = (b.0 - a.0).to_radians() * lat.cos();
    let dy = (b.1 - a.1).to_radians();
    6_371_000.0 * (dx * dx + dy * dy).sqrt()
}

fn establishment_changes(
    before: &Dataset,
    after: &Dataset,
    tol: &Tolerance,
    zone_to_after: &[Option<usize>],
    diff: &mut Diff,
) {
    let (eb, ea) = (&before.establishments, &after.establishments);
    let mut b_match: Vec<Option<(usize, MatchedBy)>> = vec![None; eb.len()];
    let mut a_taken = vec![false; ea.len()];
    let mut by_siret: HashMap<String, usize> = HashMap::new();
    for (i, e) in ea.iter().enumerate() {
        if let Some(k) = siret_key(e.siret.as_deref()) {
            by_siret.entry(k).or_insert(i);
        }
    }
    for (i, e) in eb.iter().enumerate() {
        if let Some(&a) = siret_key(e.siret.as_deref()).and_then(|k| by_siret.get(&k))
            && !a_taken[a]
        {
            a_taken[a] = true;
            b_match[i] = Some((a, MatchedBy::Siret));
        }
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in ea.iter().enumerate() {
        let n = normalised_name(&e.name);
        if !a_taken[i] && !n.is_empty() {
            by_name.entry(n).or_default().push(i);
        }
    }
    for (i, e) in eb.iter().enumerate() {
        if b_match[i].is_some() {
            continue;
        }
        let Some(list) = by_name.get(&normalised_name(&e.name)) else {
            continue;
        };
        let best = list
            .iter()
            .filter(|&&a| !a_taken[a])
            .map(|&a| (distance_m((e.lon, e.lat), (ea[a].lon, ea[a].lat)), a))
            .filter(|(d, _)| *d <= tol.establishment_distance_m)
            .min_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, a)) = best {
            a_taken[a] = true;
            b_match[i] = Some((a, MatchedBy::NamePosition));
        }
    }
    let id = |e: &crate::model::Establishment| e.siret.clone().unwrap_or_else(|| e.name.clone());
    let zone_name = |data: &Dataset, z: Option<usize>| {
        z.and_then(|z| data.zones.get(z))
            .map(|z| z.display_name().to_string())
            .unwrap_or_default()
    };
    let row = |kind, b: Option<usize>, a: Option<usize>, by: Option<MatchedBy>| {
        let zb = b.and_then(|b| eb[b].zone);
        let za = a.and_then(|a| ea[a].zone);
        Change {
            level: Level::Establishment,
            kind,
            before: b,
            after: a,
            id_before: b.map(|b| id(&eb[b])).unwrap_or_default(),
            id_after: a.map(|a| id(&ea[a])).unwrap_or_default(),
            name: a
                .map(|a| ea[a].name.clone())
                .or_else(|| b.map(|b| eb[b].name.clone()))
                .unwrap_or_default(),
            field: String::new(),
            value_before: String::new(),
            value_after: String::new(),
            matched_by: by,
            zone_after: za,
            zone_before: zb,
        }
    };
    for (b, m) in b_match.iter().enumerate() {
        diff.establishment_pairs.push(Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        });
        match *m {
            None => diff
                .changes
                .push(row(ChangeKind::Removed, Some(b), None, None)),
            Some((a, by)) => {
                let zb = eb[b].zone;
                let za = ea[a].zone;
                let same_zone = match (zb, za) {
                    (None, None) => true,
                    (Some(zb), Some(za)) => zone_to_after.get(zb).copied().flatten() == Some(za),
                    _ => false,
                };
                if !same_zone {
                    let mut c = row(ChangeKind::Moved, Some(b), Some(a), Some(by));
                    c.field = "zone".into();
                    c.value_before = zone_name(before, zb);
                    c.value_after = zone_name(after, za);
                    diff.changes.push(c);
                }
            }
        }
    }
    let matched: HashSet<usize> = b_match.iter().flatten().map(|(a, _)| *a).collect();
    for a in 0..ea.len() {
        if !matched.contains(&a) {
            diff.establishment_pairs.push(Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            });
            diff.changes
                .push(row(ChangeKind::Added, None, Some(a), None));
        }
    }
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
