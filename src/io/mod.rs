//! Reading files into the model: GeoJSON and CNIG CSV readers, coordinate systems, property
//! schema, layer recognition, load reports. No egui here.

pub mod cnig;
pub mod crs;
pub mod export;
pub mod geojson;
pub mod geometry;
mod load;
pub mod records;
mod report;
pub mod schema;
mod text;

pub use load::{
    LoadError, LoadedFile, MAX_FILE_BYTES, display_name, load_bytes, load_path, read_file,
};
pub use records::Layer;
pub use report::{FeatureIssue, LoadReport};
