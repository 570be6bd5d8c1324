//! The dataset the program starts on when no file is given.

/// The embedded Dijon métropole dataset (schematic outlines, sourced figures; see data/README.md).
pub const EMBEDDED_DATASET: &[u8] = include_bytes!("../../../data/dijon-zones.geojson");
/// The name of the embedded dataset's source (the interface shows it translated).
pub const EMBEDDED_NAME: &str = "Dijon métropole (embedded dataset)";
