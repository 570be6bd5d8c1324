//! File ▸ Connect to database… driven through the UI against the test PostgreSQL (see
//! tests/common/pg.rs): the password field never shows the password, a wrong password is said in
//! the dialog, the CNIG tables are offered ticked and open as sources of the Files panel; a large
//! table follows the view.

mod common;

use common::pg::TestDb;
use egui_kittest::kittest::Queryable;
use zae_atlas::Command;
use zae_atlas::db::ReadOptions;

fn open_dialog(h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Connect to database…").click();
    h.run_steps(4);
    h.get_by_label("Connection string");
    h.get_by_label("Password");
}

/// `url` with user and password replaced.
fn with_user(url: &str, user: &str) -> String {
    let rest = url.split_once('@').map_or(url, |(_, r)| r);
    format!("postgresql://{user}@{rest}")
}

#[test]
fn connect_dialog_hides_the_password_and_opens_the_cnig_tables() {
    let db = TestDb::new("ui");
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    let role = format!("{}_planner", db.name);
    db.execute(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'pl4nner-secret';
         GRANT USAGE ON SCHEMA sites_economiques TO {role};
         GRANT SELECT ON ALL TABLES IN SCHEMA sites_economiques TO {role};"
    ));
    let url = with_user(&db.url, &role);

    let mut h = common::offline_app();
    let embedded = h.state().dataset().zones.len();
    open_dialog(&mut h);
    h.get_by_label("Connection string").focus();
    h.get_by_label("Connection string").type_text(&url);
    h.run_steps(2);

    // A wrong password: said in the dialog, which stays open.
    h.get_by_label("Password").focus();
    h.get_by_label("Password").type_text("not-it");
    h.run_steps(2);
    h.get_by_label("List tables").click();
    common::wait_for_loads(&mut h);
    let message = h
        .state()
        .db_dialog_message()
        .unwrap_or_default()
        .to_string();
    assert!(message.contains("authentication failed"), "{message}");
    h.get_by_label_contains("authentication failed");

    // The right one: never shown in clear.
    h.get_by_label("Password").focus();
    h.run_steps(1);
    for _ in 0.."not-it".len() {
        h.key_press(egui::Key::Backspace);
    }
    h.run_steps(1);
    h.get_by_label("Password").type_text("pl4nner-secret");
    h.run_steps(2);
    let shown = h.get_by_label("Password").value().unwrap_or_default();
    assert_eq!(shown.chars().count(), "pl4nner-secret".len(), "{shown}");
    assert!(
        !shown.contains("pl4nner"),
        "the password is masked: {shown}"
    );
    assert!(h.query_by_label_contains("pl4nner-secret").is_none());

    h.get_by_label("List tables").click();
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().db_dialog_message(), None);
    for table in ["site_eco", "terrain_eco", "etablissement"] {
        h.get_by_label(&format!("sites_economiques.{table}"));
    }
    h.get_by_label_contains("CNIG site-eco (zones) · site_geomsurf (MultiPolygon, EPSG:2154)");
    h.get_by_label("Open selected tables").click();
    common::wait_for_loads(&mut h);

    let data = &h.state().dataset();
    let db_files: Vec<&str> = data
        .files
        .iter()
        .filter(|f| f.database.is_some())
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(db_files.len(), 3, "{db_files:?}");
    assert!(!h.state().db_dialog_open());
    let prefix = format!("db: {role}@127.0.0.1");
    assert!(
        db_files.iter().all(|n| n.starts_with(&prefix)),
        "{db_files:?}"
    );
    assert_eq!(
        data.zones.len(),
        embedded + 3,
        "the embedded zones and the three CNIG zones"
    );
    assert_eq!(data.plots.len(), 8);
    assert_eq!(data.establishments.len(), 6);
    let site_file = format!("{prefix}/{} sites_economiques.site_eco", db.name);
    h.get_by_label(&site_file);
    h.get_by_label(&format!("Refresh {site_file}"));
    let zone = data
        .zone_index_by_id("21231_SITE-ECO_90001")
        .expect("zone A");
    let id = h.state().zone_id(zone).expect("zone");
    h.state_mut().push(Command::Focus(id));
    h.run_steps(3);
    h.get_by_label("4.80 ha for sale (2 plots)");

    // Remembered without the password.
    let saved = format!("{:?}", h.state_mut().persisted());
    assert!(saved.contains(&role), "{saved}");
    assert!(!saved.contains("pl4nner-secret"), "{saved}");
}

#[test]
fn a_large_table_is_read_again_when_the_view_moves_out_of_what_was_read() {
    let db = TestDb::grid("uigrid", (80, 80), (840_000, 6_675_000));
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    h.state_mut().set_db_options(ReadOptions {
        large_table_rows: 1000,
        ..ReadOptions::default()
    });
    // Zoomed in on the grid's middle, then the table opened from the command line.
    h.state_mut()
        .push(Command::Zoom(zae_atlas::state::Zoom::In));
    h.state_mut()
        .push(Command::Zoom(zae_atlas::state::Zoom::In));
    h.run_steps(3);
    let ctx = h.ctx.clone();
    let url = db.url.clone();
    h.state_mut().open_database(
        &url,
        None,
        vec![zae_atlas::db::TableRef::parse("grid")],
        &ctx,
    );
    common::wait_for_loads(&mut h);
    let first = h.state().dataset().zones.len();
    let fetched = h.state().dataset().files[0]
        .database
        .as_ref()
        .and_then(|d| d.fetched)
        .expect("read by area");
    assert!(first > 0 && first < 6400, "{first} of 6400 cells read");

    // Zoom out: the view leaves what was read, which is read again around the new view.
    for _ in 0..3 {
        h.state_mut()
            .push(Command::Zoom(zae_atlas::state::Zoom::Out));
        h.run_steps(1);
    }
    // Once the view has stayed still 300 ms of the window's clock (which each test frame
    // moves on by a quarter of a second), the table is read again.
    let mut frames = 0;
    while !h.state().is_loading() {
        frames += 1;
        assert!(
            frames < 20,
            "no new read after 20 frames (5 s of the window's clock)"
        );
        h.step();
    }
    common::wait_for_loads(&mut h);
    let after = h.state().dataset().zones.len();
    let refetched = h.state().dataset().files[0]
        .database
        .as_ref()
        .and_then(|d| d.fetched)
        .expect("still by area");
    assert!(
        refetched.width() > fetched.width() * 4.0,
        "{fetched:?} → {refetched:?}"
    );
    assert!(after > first, "{first} → {after} cells");
    assert_eq!(h.state().dataset().files.len(), 1, "replaced, not added");
}
