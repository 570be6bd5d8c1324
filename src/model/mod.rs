//! The data model: zones (CNIG "site-eco"), their tenants, and the dataset that holds them.
//! Plain Rust and `geo` types; nothing here knows about egui.

mod dataset;
mod vocation;
mod zone;

pub use dataset::{Dataset, SourceFile};
pub use vocation::Vocation;
pub use zone::{Tenant, Zone, approx_area_ha, bounds_of};
