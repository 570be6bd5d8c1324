//! Meshing what a source brought, before it joins the store (on the loading worker).

use std::borrow::Cow;

use geo::MultiPolygon;

use super::MeshedSource;
use crate::io::LoadedFile;
use crate::model::Zone;
use crate::spatial::{
    BAND_MAX_ZOOM, MAX_MESH_VERTICES, MAX_ZONE_MESH_VERTICES, STORED_BANDS, build_meshes,
};

/// Builds the meshes of what was read (the kept bands of zones, every band of plots) and notes
/// in the load report the outlines simplified for drawing. `progress` gets the fraction done
/// (zones two thirds, plots one third) and returns false to stop (then `None`).
pub fn mesh_loaded(
    mut file: LoadedFile,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<MeshedSource> {
    let zones = &file.zones;
    let zones = build_meshes(
        zones.len(),
        |i| {
            zones
                .get(i)
                .map_or_else(|| MultiPolygon(Vec::new()), Zone::geometry)
        },
        STORED_BANDS,
        &mut |f| progress(2.0 / 3.0 * f),
    )?;
    let plots = &file.plots;
    let plots = build_meshes(
        plots.len(),
        |i| {
            plots.get(i).map_or_else(
                || Cow::Owned(MultiPolygon(Vec::new())),
                |p| Cow::Borrowed(&p.geometry),
            )
        },
        BAND_MAX_ZOOM.len(),
        &mut |f| progress(2.0 / 3.0 + f / 3.0),
    )?;
    note_simplified(&mut file);
    Some(MeshedSource {
        file,
        zone_meshes: zones,
        plot_meshes: plots,
    })
}

/// Says in the load report which outlines are simplified even at the closest zoom, to be drawn
/// (polygons of more than [`MAX_MESH_VERTICES`] vertices; the data is kept whole).
pub fn note_simplified(file: &mut LoadedFile) {
    use geo::CoordsIter;
    // Only outlines of more vertices in all than a polygon may have are looked at closely.
    let zones = file
        .zones
        .iter()
        .filter(|z| z.outline.vertex_count() > MAX_MESH_VERTICES)
        .map(|z| (z.feature_index, z.id.clone(), Cow::Owned(z.geometry())));
    let plots = file
        .plots
        .iter()
        .map(|p| (p.feature_index, p.id.clone(), Cow::Borrowed(&p.geometry)));
    let notes: Vec<_> = zones
        .chain(plots)
        .filter(|(_, _, g)| {
            g.coords_count() > MAX_ZONE_MESH_VERTICES
                || g.0.iter().any(|p| p.coords_count() > MAX_MESH_VERTICES)
        })
        .map(|(index, id, g)| {
            let reason = crate::model::Reason::SimplifiedForDrawing {
                vertices: g.coords_count(),
                per_polygon: MAX_MESH_VERTICES,
                in_all: MAX_ZONE_MESH_VERTICES,
            };
            (index, id, reason)
        })
        .collect();
    for (index, id, text) in notes {
        file.report.warn(Some(index), Some(id), text);
    }
}
