//! `zae-atlas check FILE...`: a headless report of what each file holds and what was skipped.

use std::io::Write;
use std::path::PathBuf;

use crate::io::{self, LoadReport};
use crate::model::Zone;
use crate::ui::format_count;

/// How many warnings or skipped features are listed per file before "… and N more".
const LIST_LIMIT: usize = 25;

/// Checks every file; returns the process exit code: 0 when every file could be read,
/// 1 when any file was refused.
pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> i32 {
    let mut refused = 0;
    for path in paths {
        let result = io::load_path(path);
        let written = match result {
            Ok(file) => write_file(out, &path.display().to_string(), &file.report, &file.zones),
            Err(e) => {
                refused += 1;
                writeln!(out, "{}\n  REFUSED: {e}\n", path.display())
            }
        };
        if written.is_err() {
            return 1;
        }
    }
    let _ = writeln!(
        out,
        "{} file(s) checked, {} read, {} refused",
        paths.len(),
        paths.len() - refused,
        refused
    );
    i32::from(refused > 0)
}

fn write_file(
    out: &mut dyn Write,
    name: &str,
    report: &LoadReport,
    zones: &[Zone],
) -> std::io::Result<()> {
    writeln!(out, "{name}")?;
    writeln!(out, "  coordinates: {}", report.crs)?;
    writeln!(
        out,
        "  layer: zones (site-eco or polygons read through the alias table)"
    )?;
    writeln!(
        out,
        "  features: {} in file; {}",
        report.features_seen,
        report.summary()
    )?;
    for (title, list) in [("skipped", &report.skipped), ("warning", &report.warnings)] {
        for issue in list.iter().take(LIST_LIMIT) {
            writeln!(out, "  {title}: {issue}")?;
        }
        if list.len() > LIST_LIMIT {
            writeln!(out, "  … and {} more {title}(s)", list.len() - LIST_LIMIT)?;
        }
    }
    let declared: Vec<f64> = zones.iter().filter_map(|z| z.surface_declared_ha).collect();
    let computed: f64 = zones.iter().map(|z| z.area_ha).sum();
    let jobs: Vec<f64> = zones.iter().filter_map(|z| z.jobs).collect();
    writeln!(
        out,
        "  declared surface: {:.1} ha over {} zone(s), unknown for {}",
        declared.iter().sum::<f64>(),
        declared.len(),
        zones.len() - declared.len()
    )?;
    writeln!(
        out,
        "  computed surface: {computed:.1} ha over {} zone(s)",
        zones.len()
    )?;
    writeln!(
        out,
        "  jobs: {} over {} zone(s), unknown for {}",
        format_count(jobs.iter().sum()),
        jobs.len(),
        zones.len() - jobs.len()
    )?;
    writeln!(out)
}
