//! The map: base tiles, the zones layer drawn from cached meshes, and overlays (attribution,
//! offline banner, legend, scale bar).

mod cells;
pub mod compare_layer;
pub mod context_layer;
pub mod frame_budget;
pub mod overlays;
pub use crate::palette as style;
pub use zae_core::basemap::presets;
pub mod tiles;
mod view;
mod zone_fill;
mod zone_forms;
pub mod zones_layer;

pub use view::ViewTransform;
