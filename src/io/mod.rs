//! Reading files into the model: GeoJSON and CNIG CSV readers, coordinate systems, property
//! schema, layer recognition, load reports. No egui here.

pub mod cnig;
pub mod crs;
pub mod export;
pub mod geojson;
pub mod geometry;
mod load;
pub mod records;
pub mod report;
mod scan;
pub mod schema;
mod stream;
mod text;

pub use load::{
    LoadError, LoadedFile, MAX_FILE_BYTES, display_name, load_bytes, load_file, load_path,
    read_file,
};
#[doc(hidden)]
pub use load::{load_file_in_blocks, load_streamed};
pub use records::Layer;
pub use report::{FeatureIssue, LoadReport};
