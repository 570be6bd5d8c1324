//! Reading files into the model: tolerant GeoJSON loader, coordinate systems, property schema,
//! load reports. No egui here.

pub mod crs;
pub mod geojson;
mod report;
pub mod schema;
mod text;

pub use geojson::{LoadError, LoadedFile, load_bytes, load_path};
pub use report::{FeatureIssue, LoadReport};
