//! Reading files into the model: GeoJSON, CNIG CSV, GeoPackage, Shapefile and FlatGeobuf readers, coordinate systems, property
//! schema, layer recognition, load reports. No egui here.

pub mod cnig;
pub mod crs;
pub mod export;
mod feed;
pub mod fgb;
pub mod geojson;
pub mod geometry;
pub mod gpkg;
pub mod gpkg_write;
mod load;
pub mod prj;
pub mod records;
mod rings;
pub use crate::model::report;
mod scan;
pub use crate::model::schema;
pub mod shp;
pub mod source;
mod stream;
mod text;
pub mod untrusted;
pub mod wkb;

pub use load::{
    LoadError, LoadedFile, MAX_FILE_BYTES, display_name, load_bytes, load_file, load_path,
    read_file,
};
#[doc(hidden)]
pub use load::{load_file_in_blocks, load_streamed};
pub use records::Layer;
pub use report::{FeatureIssue, LoadReport};
