//! Crash safety: a panic leaves a crash report in the folder given, the next start says so once
//! (never in kiosk mode), and the settings file is written whole or not at all; an unreadable
//! one is set aside, named, and the app starts with defaults.

mod common;

use egui_kittest::kittest::Queryable;
use zae_atlas::app::{AppConfig, Persisted};
use zae_atlas::settings_store;

fn app_with(config: AppConfig) -> egui_kittest::Harness<'static, zae_atlas::ZaeApp> {
    let mut h = common::harness_with(config);
    h.run_steps(3);
    h
}

#[test]
fn a_forced_panic_leaves_a_report_and_the_next_start_says_so_once() {
    let dir = tempfile::tempdir().expect("dir");
    let crashes = dir.path().join("crashes");
    zae_atlas::crash::init_logging();
    zae_atlas::crash::install(crashes.clone());
    log::info!(target: "zae_atlas::test", "opened zones.geojson: 12 zones");

    let result = std::panic::catch_unwind(|| {
        panic!("forced panic for the crash test");
    });
    assert!(result.is_err());
    let reports: Vec<_> = std::fs::read_dir(&crashes)
        .expect("the folder was made")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let text = std::fs::read_to_string(&reports[0]).expect("report");
    for part in [
        &format!("version: {}", zae_atlas::identity::VERSION),
        &format!("system: {}", std::env::consts::OS),
        "panic: forced panic for the crash test",
        "at: tests/crash_safety.rs:",
        "backtrace:",
        "last log lines:",
        "opened zones.geojson: 12 zones",
    ] {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }

    // A kiosk start says nothing and leaves the report for a normal start.
    let kiosk = app_with(AppConfig {
        kiosk: true,
        crash_dir: Some(crashes.clone()),
        ..common::offline(Vec::new())
    });
    assert_eq!(kiosk.state().crash_notice(), None);
    assert!(
        kiosk
            .query_by_label("ZAE Atlas closed unexpectedly")
            .is_none()
    );
    drop(kiosk);

    let next = app_with(AppConfig {
        crash_dir: Some(crashes.clone()),
        ..common::offline(Vec::new())
    });
    assert_eq!(next.state().crash_notice(), Some(&reports[0]));
    next.get_by_label("ZAE Atlas closed unexpectedly");
    next.get_by_label("Open the folder");
    drop(next);

    // Said once.
    let after = app_with(AppConfig {
        crash_dir: Some(crashes),
        ..common::offline(Vec::new())
    });
    assert_eq!(after.state().crash_notice(), None);
    assert!(
        after
            .query_by_label("ZAE Atlas closed unexpectedly")
            .is_none()
    );
}

#[test]
fn an_unreadable_settings_file_is_set_aside_named_and_defaults_used() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("settings.ron");
    let garbage = "(view: Some(((5.04, 47.32), 12.0)), style: \u{0}broken";
    std::fs::write(&path, garbage).expect("write");

    let loaded = settings_store::load(&path);
    assert!(loaded.saved.is_none());
    let aside = loaded.set_aside.expect("set aside");
    assert!(!path.exists(), "the unreadable file is moved away");
    assert_eq!(
        std::fs::read_to_string(&aside.moved_to).expect("kept"),
        garbage
    );
    assert!(
        aside
            .moved_to
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("settings.ron.unreadable-")),
        "{aside:?}"
    );

    let h = app_with(AppConfig {
        settings_set_aside: Some(aside.clone()),
        ..common::offline(Vec::new())
    });
    let said = h.state().errors().join("\n");
    assert!(
        said.contains("could not be read")
            && said.contains(&aside.moved_to.display().to_string())
            && said.contains(&path.display().to_string()),
        "{said}"
    );
    // Defaults: the embedded dataset, as on a first start.
    assert_eq!(h.state().dataset().files.len(), 1);
}

#[test]
fn settings_are_replaced_whole_and_read_back() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("settings.ron");
    let mut first = Persisted {
        view: Some(((5.04, 47.32), 12.5)),
        recent_databases: vec!["postgresql://planner@db/zae?sslmode=verify-full".into()],
        ..Persisted::default()
    };
    settings_store::save(&path, &first).expect("saved");
    assert_eq!(settings_store::load(&path).saved.as_ref(), Some(&first));
    first.show_table = true;
    first.recent_files = vec!["/data/zones.geojson".into()];
    settings_store::save(&path, &first).expect("saved again");
    let back = settings_store::load(&path);
    assert_eq!(back.saved.as_ref(), Some(&first));
    assert!(back.set_aside.is_none());
    // Only the file itself: the temporary file it was written to was renamed into place.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["settings.ron"]);
}
