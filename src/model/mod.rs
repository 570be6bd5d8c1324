//! The data model: zones (CNIG "site-eco"), plots ("terrain-eco"), establishments
//! ("etablissement"), and the dataset that holds and joins them.
//! Plain Rust and `geo` types; nothing here knows about egui.

mod dataset;
mod land;
mod outline;
mod properties;
mod vocation;
mod zone;

pub use dataset::{Dataset, DbOrigin, JoinSummary, SourceFile};
pub use land::{Establishment, Join, LandStats, Plot};
pub use outline::Outline;
pub use properties::Properties;
pub use vocation::{Vocation, fold};
pub use zone::{Tenant, Zone, anchor_point, approx_area_ha, bounds_of, union, union_all};
