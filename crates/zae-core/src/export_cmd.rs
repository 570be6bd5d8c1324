//! `zae-atlas export FILE... --to OUT.csv|OUT.geojson|OUT.gpkg [--filter EXPR] [--layer NAME]
//! [--crs 4326|2154]`: the zones of the files, filtered, written as CSV, GeoJSON or GeoPackage
//! without opening a window.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::filter::Filter;
use crate::io::{self, export};

/// Returns the exit code: 0 when the export was written, 1 when any file could not be read,
/// the filter is wrong, or the export failed (then nothing is written).
pub fn run(paths: &[PathBuf], to: &Path, filter: Option<&str>, out: &mut dyn Write) -> i32 {
    run_with(paths, to, filter, &export::GpkgOptions::default(), out)
}

/// [`run`] with the GeoPackage's table name and coordinate system (`--layer`, `--crs`).
pub fn run_with(
    paths: &[PathBuf],
    to: &Path,
    filter: Option<&str>,
    gpkg: &export::GpkgOptions,
    out: &mut dyn Write,
) -> i32 {
    let is_gpkg = to
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gpkg"));
    if !is_gpkg && (gpkg.layer.is_some() || gpkg.epsg.is_some()) {
        let _ = writeln!(
            out,
            "zae-atlas export: --layer and --crs are for a GeoPackage (--to OUT.gpkg)"
        );
        return 1;
    }
    if let Some(code) = gpkg
        .epsg
        .filter(|c| !io::gpkg_write::EXPORT_CRS.contains(c))
    {
        let _ = writeln!(
            out,
            "zae-atlas export: --crs {code}: expected 4326 (WGS84) or 2154 (Lambert-93)"
        );
        return 1;
    }
    let paths = &io::source::expand_all(paths);
    let filter = match filter.map(Filter::parse).transpose() {
        Ok(f) => f.unwrap_or_default(),
        Err(e) => {
            let _ = writeln!(out, "zae-atlas export: --filter: {e}");
            return 1;
        }
    };
    let mut zones = Vec::new();
    for path in paths {
        match io::load_path(path) {
            Ok(file) => {
                if !file.report.skipped.is_empty() {
                    let _ = writeln!(
                        out,
                        "{}: {} feature(s) skipped (see zae-atlas check)",
                        file.report.file,
                        file.report.skipped.len()
                    );
                }
                zones.extend(file.zones);
            }
            Err(e) => {
                let _ = writeln!(out, "zae-atlas export: {e}");
                return 1;
            }
        }
    }
    let selected = zones.iter().filter(|z| filter.matches(z));
    match export::export_with(selected, to, gpkg) {
        Ok(n) => {
            let _ = writeln!(out, "{n} zone(s) written to {}", to.display());
            0
        }
        Err(e) => {
            let _ = writeln!(out, "zae-atlas export: {e}");
            1
        }
    }
}
