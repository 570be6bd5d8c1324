//! What is loaded, held together: the zones, plots and establishments of every open source, their
//! meshes and the spatial index over them ([`ZoneStore`]), named by stable ids.

mod dataset;
mod ids;
mod meshing;
mod zone_store;

pub use dataset::{Dataset, DbOrigin, JoinSummary, SourceFile};
pub use ids::{SourceId, ZoneId};
pub use meshing::{mesh_loaded, note_simplified};
pub use zone_store::{MeshedSource, ZoneStore, order_by_name};
