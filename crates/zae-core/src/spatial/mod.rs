//! Spatial structures built from the dataset: the R-tree of zone bounds (culling, hit testing)
//! and triangulated meshes in Web-Mercator world coordinates. No egui here.

mod detail;
mod draw_order;
mod index;
pub mod mercator;
mod mesh;
pub mod mesh_summary;
pub mod outline_level;
mod sketch;

pub use detail::{DETAIL_VERTEX_BUDGET, DetailMeshes, detail_builds};
pub use draw_order::RankedZone;
pub use index::ZoneIndex;
pub use mesh::{
    BAND_MAX_ZOOM, BandMeshes, MAX_MESH_VERTICES, MAX_ZONE_MESH_VERTICES, MeshStats, STORED_BANDS,
    ZoneMesh, band_for_zoom, band_tolerance, build_band_mesh, build_band_meshes,
    build_band_meshes_upto, build_meshes, build_zone_mesh, mesh_builds,
};
pub use mesh_summary::MeshSummary;
pub use sketch::{Sketch, Sketches, sketch_band, sketch_mesh, sketch_rings};
