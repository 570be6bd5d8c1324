//! Which reader a path goes to, and the layers a file holds: a GeoPackage's feature tables, the
//! shapefiles of a zip. One layer of a many-layer file is named after a colon, the way GDAL
//! and the command line write it: `parks.gpkg:site_eco`, `zones.zip:zones_cc47`.

use std::path::{Path, PathBuf};

use super::load::LoadError;
use super::{fgb, gpkg, shp};

/// The file formats read, from the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GeoJSON, or CNIG CSV (told apart by the text).
    Text,
    GeoPackage,
    Shapefile,
    /// A zip holding one or more shapefiles.
    Zip,
    FlatGeobuf,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "gpkg" => Format::GeoPackage,
            "shp" | "dbf" | "shx" => Format::Shapefile,
            "zip" => Format::Zip,
            "fgb" => Format::FlatGeobuf,
            _ => Format::Text,
        }
    }

    /// Formats whose files may hold several layers.
    fn has_layers(self) -> bool {
        matches!(self, Format::GeoPackage | Format::Zip)
    }
}

/// Splits `parks.gpkg:site_eco` into the file and the layer. A path without a layer, or whose
/// file is not a GeoPackage or a zip, is returned whole.
pub fn split_layer(path: &Path) -> (PathBuf, Option<String>) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return (path.to_path_buf(), None);
    };
    if let Some((file, layer)) = name.rsplit_once(':')
        && !layer.is_empty()
        && Format::of(Path::new(file)).has_layers()
    {
        return (path.with_file_name(file), Some(layer.to_string()));
    }
    (path.to_path_buf(), None)
}

/// The path naming one layer of `file`.
pub fn with_layer(file: &Path, layer: &str) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!("{name}:{layer}"))
}

/// The file on disk behind a path that may name a layer (what is watched for changes).
pub fn file_part(path: &Path) -> PathBuf {
    split_layer(path).0
}

/// The layers a file offers (a GeoPackage's tables of polygons or points, a zip's shapefiles);
/// empty for a file of one layer or a path that names its layer already.
pub fn layers(path: &Path) -> Result<Vec<String>, LoadError> {
    let (file, layer) = split_layer(path);
    if layer.is_some() {
        return Ok(Vec::new());
    }
    match Format::of(&file) {
        Format::GeoPackage => Ok(gpkg::tables(&file)?.into_iter().map(|t| t.name).collect()),
        Format::Zip => shp::zip_layers(&file),
        _ => Ok(Vec::new()),
    }
}

/// One path per layer: a GeoPackage of several tables becomes `file.gpkg:table` for each;
/// any other path stays as it is.
pub fn expand_layers(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let layers = layers(path)?;
    if layers.len() > 1 {
        Ok(layers.iter().map(|l| with_layer(path, l)).collect())
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

/// [`expand_layers`] for each path; a file whose layers cannot be listed stays as it is (reading
/// it then says why).
pub fn expand_all(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| expand_layers(p).unwrap_or_else(|_| vec![p.clone()]))
        .collect()
}

/// Reads a file of one of the binary formats (GeoPackage, Shapefile, zip, FlatGeobuf); `None`
/// for the text formats. A panic inside a format library is caught and reported as a bug,
/// never left to end the program.
pub(super) fn load_binary(
    path: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Result<super::LoadedFile, LoadError>> {
    let (file, layer) = split_layer(path);
    let format = Format::of(&file);
    if format == Format::Text {
        return None;
    }
    let name = super::display_name(path);
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
        Format::GeoPackage => gpkg::load(&file, layer.as_deref(), &name, progress),
        Format::Shapefile => shp::load(&file, &name, progress),
        Format::Zip => shp::load_zip(&file, layer.as_deref(), &name, progress),
        Format::FlatGeobuf => fgb::load(&file, None, &name, progress).map(|(f, _)| f),
        Format::Text => Err(LoadError::Internal { file: name.clone() }),
    }));
    Some(read.unwrap_or(Err(LoadError::Internal { file: name })))
}

/// Reads a file for the window: a large FlatGeobuf with a spatial index only around the view
/// (`in_view`, see [`fgb::load_in_view`]), any other file whole as [`super::load_file`] does.
/// Returns the area read, when only an area was (`None`: the whole file).
pub fn load_for_window(
    path: &Path,
    in_view: Option<&fgb::InView>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(super::LoadedFile, Option<geo::Rect<f64>>), LoadError> {
    let (file, layer) = split_layer(path);
    match in_view {
        Some(in_view) if layer.is_none() && Format::of(&file) == Format::FlatGeobuf => {
            let name = super::display_name(path);
            // A panic inside the format library is a bug, said as such, never the end.
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                fgb::load_in_view(&file, in_view, &name, progress)
            }));
            read.unwrap_or(Err(LoadError::Internal { file: name }))
        }
        _ => super::load_file(path, progress).map(|f| (f, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_named_after_a_colon() {
        let (file, layer) = split_layer(Path::new("/data/parks.gpkg:site_eco"));
        assert_eq!(file, Path::new("/data/parks.gpkg"));
        assert_eq!(layer.as_deref(), Some("site_eco"));
        let (file, layer) = split_layer(Path::new("/data/a:b.geojson"));
        assert_eq!(file, Path::new("/data/a:b.geojson"));
        assert_eq!(layer, None);
        assert_eq!(
            with_layer(Path::new("z/zones.zip"), "cc47"),
            Path::new("z/zones.zip:cc47")
        );
        assert_eq!(Format::of(Path::new("A.SHP")), Format::Shapefile);
        assert_eq!(Format::of(Path::new("a.fgb")), Format::FlatGeobuf);
        assert_eq!(Format::of(Path::new("a.json")), Format::Text);
    }
}
