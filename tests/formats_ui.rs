//! The new formats in the window: a GeoPackage of two tables dropped on the map asks which to
//! open; a zipped Shapefile opens straight away; an open GeoPackage table reloads when QGIS
//! changes the file.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{drop_file, harness_with, wait_for_loads};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zae_atlas::ZaeApp;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

fn names(h: &Harness<'static, ZaeApp>) -> Vec<String> {
    h.state()
        .dataset()
        .files
        .iter()
        .map(|f| f.name.clone())
        .collect()
}

#[test]
fn a_dropped_geopackage_asks_which_tables_to_open() {
    let mut config = common::offline(Vec::new());
    config.files = vec![fixture("site_eco.fgb")];
    let mut h: Harness<'static, ZaeApp> = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
    wait_for_loads(&mut h);
    assert_eq!(names(&h), vec!["site_eco.fgb"]);
    drop_file(&mut h, fixture("parks.gpkg"));
    h.run_steps(3);
    h.get_by_label_contains("Choose the tables to open");
    h.get_by_label_contains("parks.gpkg holds 2 tables");
    assert!(!h.state().is_loading(), "nothing loads before the choice");
    if let Some(keep) = std::env::var_os("ZAE_KEEP_PNG")
        && let Ok(image) = h.render()
    {
        let _ = image.save(keep);
    }
    h.get_by_label("terrain_eco").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    wait_for_loads(&mut h);
    assert!(
        h.query_by_label_contains("Choose the tables to open")
            .is_none()
    );
    assert_eq!(names(&h), vec!["site_eco.fgb", "parks.gpkg:site_eco"]);
    assert_eq!(h.state().dataset().zones.len(), 6);

    // A zip of one shapefile opens without a question.
    drop_file(&mut h, fixture("latin1_cc47.zip"));
    wait_for_loads(&mut h);
    assert!(
        h.query_by_label_contains("Choose the tables to open")
            .is_none()
    );
    assert_eq!(h.state().dataset().zones.len(), 9);
}

#[test]
fn an_open_geopackage_table_reloads_when_the_file_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("parks.gpkg");
    std::fs::copy(fixture("parks.gpkg"), &copy).expect("copy");
    let table = zae_atlas::io::source::with_layer(&copy, "site_eco");
    let mut h = harness_with(common::offline(vec![table]));
    wait_for_loads(&mut h);
    assert_eq!(h.state().dataset().zones.len(), 3);
    // QGIS deletes a zone and saves.
    {
        let db = rusqlite::Connection::open(&copy).expect("open");
        db.execute("DELETE FROM site_eco WHERE site_nom = 'ZA Test Sud'", [])
            .expect("delete");
    }
    let start = Instant::now();
    while h.state().dataset().zones.len() != 2 {
        assert!(start.elapsed() < Duration::from_secs(60), "no reload");
        h.step();
    }
    assert_eq!(names(&h), vec!["parks.gpkg:site_eco"]);
}

#[test]
fn settings_offer_the_ign_base_maps() {
    let mut config = common::offline(Vec::new());
    // Never the internet: the presets point at a port that was just closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    config.tile_origin = Some(format!("http://127.0.0.1:{port}"));
    let mut h: Harness<'static, ZaeApp> = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
    h.run_steps(3);
    h.state_mut().push(zae_atlas::Command::ToggleSettings);
    h.run_steps(3);
    h.get_by_label("Aerial photos (IGN orthophotos, online, cached)");
    h.get_by_label("Plan IGN v2 (IGN, online, cached)").click();
    h.run_steps(3);
    assert_eq!(
        h.state().base_map_choice(),
        &zae_atlas::map::tiles::TileChoice::PlanIgn
    );
    h.get_by_label("© IGN – Licence Ouverte (Etalab 2.0)");
    if let Some(keep) = std::env::var_os("ZAE_KEEP_SETTINGS_PNG")
        && let Ok(image) = h.render()
    {
        let _ = image.save(keep);
    }
}
