//! `zae-atlas check FILE...`: a headless report of what each file holds and what was skipped.
//! A GeoPackage of several tables (or a zip of several shapefiles) is checked table by table.

use std::io::Write;
use std::path::PathBuf;

use crate::format::format_count;
use crate::io::report::group_issues;
use crate::io::{self, LoadReport, LoadedFile};
use crate::model::Zone;
use crate::store::{Dataset, SourceFile};

/// How many warnings or skipped features are listed per file before "… and N more".
const LIST_LIMIT: usize = 25;

/// Checks every file; returns the process exit code: 0 when every file could be read,
/// 1 when any file was refused.
pub fn run(paths: &[PathBuf], out: &mut dyn Write) -> i32 {
    let paths = &io::source::expand_all(paths);
    let mut refused = 0;
    let mut dataset = Dataset::default();
    for path in paths {
        let result = io::load_path(path);
        let written = match result {
            Ok(file) => {
                let written = write_file(out, &path.display().to_string(), &file);
                let LoadedFile {
                    zones,
                    plots,
                    establishments,
                    report,
                    ..
                } = file;
                dataset.add_file(
                    SourceFile {
                        name: report.file.clone(),
                        path: Some(path.clone()),
                        report,
                        database: None,
                    },
                    zones,
                    plots,
                    establishments,
                );
                written
            }
            Err(e) => {
                refused += 1;
                writeln!(out, "{}\n  REFUSED: {e}\n", path.display())
            }
        };
        if written.is_err() {
            return 1;
        }
    }
    if !dataset.plots.is_empty() || !dataset.establishments.is_empty() {
        let _ = write_joins(out, &dataset);
    }
    // The process ends right after: freeing 100,000 outlines one by one would only add time.
    std::mem::forget(dataset);
    let _ = writeln!(
        out,
        "{} file(s) checked, {} read, {} refused",
        paths.len(),
        paths.len() - refused,
        refused
    );
    i32::from(refused > 0)
}

/// How plots and establishments of all the files checked together attach to zones.
fn write_joins(out: &mut dyn Write, dataset: &Dataset) -> std::io::Result<()> {
    let j = dataset.joins;
    writeln!(
        out,
        "joins across these files ({} zones):",
        dataset.zones.len()
    )?;
    if !dataset.plots.is_empty() {
        writeln!(
            out,
            "  plots: {} by site_id, {} by position, {} in no zone",
            j.plots_by_site_id, j.plots_by_position, j.plots_without_zone
        )?;
    }
    if !dataset.establishments.is_empty() {
        writeln!(
            out,
            "  establishments: {} by terr_id and position, {} by terr_id only, {} by position only, {} in no zone",
            j.establishments_both,
            j.establishments_terr_id,
            j.establishments_spatial,
            j.establishments_without_zone
        )?;
        if j.establishments_disagreeing > 0 {
            writeln!(
                out,
                "  warning: {} establishment(s) whose terr_id and position point at different zones (terr_id kept)",
                j.establishments_disagreeing
            )?;
        }
    }
    writeln!(out)
}

fn write_file(out: &mut dyn Write, name: &str, file: &LoadedFile) -> std::io::Result<()> {
    let (report, zones): (&LoadReport, &[Zone]) = (&file.report, &file.zones);
    writeln!(out, "{name}")?;
    writeln!(out, "  coordinates: {}", report.crs)?;
    writeln!(out, "  layer: {}", report.layer)?;
    writeln!(
        out,
        "  features: {} in file; {}",
        report.features_seen,
        report.summary()
    )?;
    for (title, list) in [("skipped", &report.skipped), ("warning", &report.warnings)] {
        // The same message for many features is one line: its count and the first features.
        let groups = group_issues(list);
        for group in groups.iter().take(LIST_LIMIT) {
            match group.issues.as_slice() {
                [one] => writeln!(out, "  {title}: {one}")?,
                many => writeln!(
                    out,
                    "  {title}: {} — {} features (first: {})",
                    group.reason,
                    many.len(),
                    group.first_features()
                )?,
            }
        }
        if groups.len() > LIST_LIMIT {
            let more: usize = groups[LIST_LIMIT..].iter().map(|g| g.issues.len()).sum();
            writeln!(out, "  … and {more} more {title}(s)")?;
        }
    }
    if zones.is_empty() {
        return writeln!(out);
    }
    let declared: Vec<f64> = zones.iter().filter_map(|z| z.surface_declared_ha).collect();
    let computed: f64 = zones.iter().map(|z| z.area_ha).sum();
    let jobs: Vec<f64> = zones.iter().filter_map(|z| z.jobs).collect();
    // A total over no zone is unknown, not "-0.0 ha over 0 zone(s)".
    if declared.is_empty() {
        writeln!(out, "  declared surface: unknown")?;
    } else {
        writeln!(
            out,
            "  declared surface: {:.1} ha over {} zone(s), unknown for {}",
            declared.iter().sum::<f64>(),
            declared.len(),
            zones.len() - declared.len()
        )?;
    }
    writeln!(
        out,
        "  computed surface: {computed:.1} ha over {} zone(s)",
        zones.len()
    )?;
    if jobs.is_empty() {
        writeln!(out, "  jobs: unknown")?;
    } else {
        writeln!(
            out,
            "  jobs: {} over {} zone(s), unknown for {}",
            format_count(jobs.iter().sum()),
            jobs.len(),
            zones.len() - jobs.len()
        )?;
    }
    writeln!(out)
}
