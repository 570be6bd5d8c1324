//! The data model: zones (CNIG "site-eco"), plots ("terrain-eco"), establishments
//! ("etablissement"), what their properties mean (`schema`) and how a load went (`report`).
//! Plain Rust and `geo` types; nothing here knows about egui.

mod land;
mod outline;
mod properties;
mod reason;
mod reason_examples;
pub mod report;
pub mod schema;
mod vocation;
mod zone;

pub use land::{Establishment, Join, LandStats, Plot};
pub use outline::Outline;
pub use properties::Properties;
pub use reason::{CrsNote, JsonKind, Reason, Ring};
pub use vocation::{Vocation, fold};
pub use zone::{Tenant, Zone, anchor_point, approx_area_ha, bounds_of, union, union_all};
