//! Database sources come back after a restart, against the test PostgreSQL (see
//! tests/common/pg.rs): the settings keep the connection string without its password and the
//! open tables; at start the tables are read again with the password of `~/.pgpass`
//! (`PGPASSFILE`) or `PGPASSWORD`, else the Connect dialog asks for it and the tables open once
//! it is given. (An unreachable server at start: tests/db_server_lost.rs.)

mod common;

use std::sync::Mutex;

use common::pg::TestDb;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zae_atlas::ZaeApp;
use zae_atlas::app::{Persisted, SavedDatabase, SavedTable};
use zae_atlas::db::Secret;

/// The tests of this file change `PGPASSWORD` and `PGPASSFILE`: one at a time.
static ENV: Mutex<()> = Mutex::new(());

const PASSWORD: &str = "r3start-s3cret";

/// Sets (or removes) the password variables. The app reads them when a session starts, on the
/// test's own thread, while `ENV` is held.
fn password_env(pgpassword: Option<&str>, pgpassfile: &std::path::Path) {
    // SAFETY: only the tests of this file touch these variables, one at a time (`ENV`), and the
    // app reads them on the thread that calls this.
    unsafe {
        match pgpassword {
            Some(p) => std::env::set_var("PGPASSWORD", p),
            None => std::env::remove_var("PGPASSWORD"),
        }
        std::env::set_var("PGPASSFILE", pgpassfile);
    }
}

/// A database with the CNIG tables and a role that needs `PASSWORD`; its connection string
/// without password.
fn cnig_db(tag: &str) -> (TestDb, String, String) {
    let db = TestDb::new(tag);
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    let role = format!("{}_planner", db.name);
    db.execute(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}';
         GRANT USAGE ON SCHEMA sites_economiques TO {role};
         GRANT SELECT ON ALL TABLES IN SCHEMA sites_economiques TO {role};"
    ));
    let rest = db.url.split_once('@').map_or(db.url.as_str(), |(_, r)| r);
    let url = format!("postgresql://{role}@{rest}");
    (db, url, role)
}

/// First session: the CNIG tables opened with the password typed; what it remembers.
fn first_session(url: &str) -> Persisted {
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    let ctx = h.ctx.clone();
    h.state_mut()
        .open_database(url, Some(Secret::new(PASSWORD)), Vec::new(), &ctx);
    common::wait_for_loads(&mut h);
    assert_eq!(db_sources(&h).len(), 3, "{:?}", h.state().errors());
    h.state_mut().persisted()
}

fn db_sources(h: &Harness<'static, ZaeApp>) -> Vec<String> {
    h.state()
        .dataset()
        .files
        .iter()
        .filter(|f| f.database.is_some())
        .map(|f| f.name.clone())
        .collect()
}

/// The CNIG tables, in the order they were listed (by name).
fn cnig_tables() -> Vec<SavedTable> {
    ["etablissement", "site_eco", "terrain_eco"]
        .iter()
        .map(|t| SavedTable {
            schema: "sites_economiques".into(),
            table: t.to_string(),
        })
        .collect()
}

/// The second session read the three tables, asked nothing and showed no error.
fn assert_reopened(h: &Harness<'static, ZaeApp>, how: &str) {
    let app = h.state();
    assert_eq!(db_sources(h).len(), 3, "{how}: {:?}", app.errors());
    assert_eq!(
        app.dataset().zones.len(),
        3,
        "{how}: the three CNIG zones only"
    );
    assert_eq!(app.dataset().plots.len(), 8, "{how}");
    assert_eq!(app.dataset().establishments.len(), 6, "{how}");
    assert!(!app.db_dialog_open(), "{how}: no password asked");
    assert!(app.errors().is_empty(), "{how}: {:?}", app.errors());
    assert_eq!(app.db_banner(), None, "{how}");
}

#[test]
fn remembered_tables_reopen_with_the_password_of_pgpass_or_pgpassword() {
    let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
    let (db, url, role) = cnig_db("restart");
    let dir = tempfile::tempdir().expect("temporary folder");
    let no_file = dir.path().join("none.pgpass");
    password_env(None, &no_file);

    let saved = first_session(&url);
    assert_eq!(
        saved.open_databases,
        vec![SavedDatabase {
            url: url.clone(),
            tables: cnig_tables(),
        }]
    );
    assert!(!saved.embedded_open);
    let text = ron::to_string(&saved).expect("serialises");
    assert!(!text.contains(PASSWORD), "no password in the settings");
    let saved: Persisted = ron::from_str(&text).expect("reads back");

    // ~/.pgpass (here PGPASSFILE) gives the password.
    let pgpass = dir.path().join("pgpass");
    let port = url
        .rsplit_once(':')
        .and_then(|(_, p)| p.split('/').next())
        .expect("a port in the test URL")
        .to_string();
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{port}:{}:{role}:{PASSWORD}\n", db.name),
    )
    .expect("writes the password file");
    password_env(None, &pgpass);
    let mut h = common::harness_with_restore(saved.clone());
    common::wait_for_loads(&mut h);
    assert_reopened(&h, "PGPASSFILE");
    let name = format!(
        "db: {role}@127.0.0.1:{port}/{} sites_economiques.site_eco",
        db.name
    );
    let name = name.replace(":5432/", "/");
    h.get_by_label(&name);
    assert_eq!(
        h.state_mut().persisted().open_databases,
        saved.open_databases
    );
    drop(h);

    // PGPASSWORD gives it.
    password_env(Some(PASSWORD), &no_file);
    let mut h = common::harness_with_restore(saved);
    common::wait_for_loads(&mut h);
    assert_reopened(&h, "PGPASSWORD");
    password_env(None, &no_file);
}

#[test]
fn without_a_stored_password_the_dialog_asks_and_the_tables_reopen() {
    let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
    let (_db, url, _role) = cnig_db("restart_ask");
    let dir = tempfile::tempdir().expect("temporary folder");
    password_env(None, &dir.path().join("none.pgpass"));
    let saved = first_session(&url);

    let mut h = common::harness_with_restore(saved.clone());
    common::wait_for_loads(&mut h);
    h.run_steps(2);
    assert!(db_sources(&h).is_empty());
    assert!(h.state().db_dialog_open(), "the password is asked");
    let message = h
        .state()
        .db_dialog_message()
        .unwrap_or_default()
        .to_string();
    assert!(message.contains("Type the password"), "{message}");
    assert_eq!(
        h.get_by_label("Connection string").value().as_deref(),
        Some(url.as_str())
    );
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    // Still remembered while the password is awaited.
    assert_eq!(
        h.state_mut().persisted().open_databases,
        saved.open_databases
    );

    h.get_by_label("Password").focus();
    h.get_by_label("Password").type_text(PASSWORD);
    h.run_steps(2);
    h.get_by_label("List tables").click();
    common::wait_for_loads(&mut h);
    h.run_steps(2);
    assert_reopened(&h, "password typed in the dialog");
    assert!(h.query_by_label_contains(PASSWORD).is_none());
}
