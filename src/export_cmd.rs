//! `zae-atlas export FILE... --to OUT.csv|OUT.geojson [--filter EXPR]`: the zones of the files,
//! filtered, written as CSV or GeoJSON without opening a window.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::filter::Filter;
use crate::io::{self, export};

/// Returns the exit code: 0 when the export was written, 1 when any file could not be read,
/// the filter is wrong, or the export failed (then nothing is written).
pub fn run(paths: &[PathBuf], to: &Path, filter: Option<&str>, out: &mut dyn Write) -> i32 {
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
    match export::export(selected, to) {
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
