//! A side of a comparison read from a database: the CNIG fixtures in PostGIS (before) against
//! the same fixtures as files (after), through `diff::load_inventory` and `zae-atlas diff`.
//! Needs the test PostgreSQL (see tests/common/pg.rs).

mod common;

use std::path::PathBuf;

use common::pg::{self, TestDb};
use zae_atlas::diff::{self, ChangeKind, Level};

fn fixture_files() -> Vec<PathBuf> {
    ["site-eco", "terrain-eco", "etablissement"]
        .iter()
        .map(|l| pg::data_dir().join(format!("cnig/{l}.geojson")))
        .collect()
}

fn cnig_database() -> TestDb {
    let db = TestDb::new("diff");
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    db
}

/// The same inventory in a database and in files: every zone, plot and establishment pairs by
/// its id, and the only change is the one the database's columns forced (a vacancy rate of
/// 12.5 % stored in an integer column as 12).
#[test]
fn a_database_inventory_compares_with_files() {
    let db = cnig_database();
    let before = diff::load_inventory(&[PathBuf::from(&db.url)]).expect("the database reads");
    let after = diff::load_inventory(&fixture_files()).expect("the files read");
    assert_eq!(before.zones.len(), after.zones.len());
    assert_eq!(before.plots.len(), after.plots.len());
    assert_eq!(before.establishments.len(), after.establishments.len());
    assert!(!before.zones.is_empty() && !before.plots.is_empty());
    let d = diff::compare(&before, &after);
    let changes: Vec<(Level, ChangeKind, &str, &str, &str)> = d
        .changes
        .iter()
        .map(|c| {
            (
                c.level,
                c.kind,
                c.field.as_str(),
                c.value_before.as_str(),
                c.value_after.as_str(),
            )
        })
        .collect();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let (level, kind, field, before_value, after_value) = changes[0];
    assert_eq!((level, kind), (Level::Zone, ChangeKind::Changed));
    assert!(field.contains("vacan"), "{field}");
    assert_eq!(
        (
            before_value.replace(',', "."),
            after_value.replace(',', ".")
        ),
        ("12".to_string(), "12.5".to_string())
    );
}

/// `zae-atlas diff URL -- FILES --to OUT.csv` writes the change list; an unreachable database
/// is named, exit code 1, nothing written.
#[test]
fn the_diff_command_takes_a_connection_string() {
    let db = cnig_database();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("changes.csv");
    let run = |before: &str, to: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
            .arg("diff")
            .arg(before)
            .arg("--")
            .args(fixture_files())
            .arg("--to")
            .arg(to)
            .output()
            .expect("runs")
    };
    let done = run(&db.url, &out);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stdout)
    );
    let csv = std::fs::read_to_string(&out).expect("written");
    assert_eq!(csv.lines().count(), 2, "{csv}");

    let missing = dir.path().join("none.csv");
    let unreachable = "postgresql://nobody@127.0.0.1:1/nothing";
    let failed = run(unreachable, &missing);
    assert_eq!(failed.status.code(), Some(1));
    let said = String::from_utf8_lossy(&failed.stdout);
    assert!(said.contains("127.0.0.1"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(!missing.exists());
}

/// `--compare FILES -- URL` (the window's comparison): the database as the after inventory
/// becomes the map's sources, one per table, named after the database.
#[test]
fn the_window_compares_with_a_database_after() {
    let db = cnig_database();
    let load = zae_atlas::state::load_comparison(
        &fixture_files(),
        &[PathBuf::from(&db.url)],
        &mut |_, _| true,
    )
    .expect("both sides read");
    assert_eq!(load.after_sources.len(), 3);
    for (name, path, meshed) in &load.after_sources {
        assert!(name.starts_with("db: "), "{name}");
        assert!(path.is_none());
        assert_eq!(meshed.zone_meshes.len(), meshed.file.zones.len());
    }
    assert_eq!(load.diff.changes.len(), 1, "{:#?}", load.diff.changes);
}
