//! The PostgreSQL password and the kiosk PIN never reach a written file: the settings file, the
//! log lines kept for a crash report, or a crash report. The app opens a database whose
//! password is in the connection string itself (the harshest case) with a kiosk PIN set, saves
//! its settings, writes a crash report, and every written file is searched.

mod common;

use common::pg::TestDb;
use zae_atlas::app::AppConfig;

const PASSWORD: &str = "Pw-7f3a9-never-written";
const PIN: &str = "975310";

/// An eframe storage in memory: what eframe would write beside the settings file.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.into(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_password_and_the_pin_are_in_no_written_file() {
    let db = TestDb::new("secrets");
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    let role = format!("{}_reader", db.name);
    db.execute(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}';
         GRANT USAGE ON SCHEMA sites_economiques TO {role};
         GRANT SELECT ON ALL TABLES IN SCHEMA sites_economiques TO {role};"
    ));
    let rest = db.url.split_once('@').map_or(db.url.as_str(), |(_, r)| r);
    let url = format!("postgresql://{role}:{PASSWORD}@{rest}?sslmode=require");

    let dir = tempfile::tempdir().expect("dir");
    let settings_file = dir.path().join("settings.ron");
    zae_atlas::crash::init_logging();
    let mut config = AppConfig {
        settings_file: Some(settings_file.clone()),
        ..common::offline(Vec::new())
    };
    config.settings.kiosk.pin = Some(PIN.into());
    let mut h = common::harness_with(config);
    h.run_steps(3);
    let ctx = h.ctx.clone();
    h.state_mut().open_database(&url, None, Vec::new(), &ctx);
    common::wait_for_loads(&mut h);
    let tables = h
        .state()
        .dataset()
        .files
        .iter()
        .filter(|f| f.database.is_some())
        .count();
    assert_eq!(
        tables, 3,
        "the CNIG tables opened (so the search below means something)"
    );

    let mut storage = Memory::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let settings = std::fs::read_to_string(&settings_file).expect("settings written");
    assert!(
        settings.contains(&role),
        "the database is remembered: {settings}"
    );
    let report_dir = dir.path().join("crashes");
    let report = zae_atlas::crash::write_report(
        &report_dir,
        &zae_atlas::crash::report_text("a test report", "here", ""),
    )
    .expect("report");
    let report = std::fs::read_to_string(report).expect("report text");
    let logged = zae_atlas::crash::recent_lines().join("\n");
    assert!(
        logged.contains(&role),
        "the connection was logged: {logged}"
    );

    for (what, text) in [
        ("settings file", settings.as_str()),
        ("eframe storage", &format!("{:?}", storage.0)),
        ("log lines", logged.as_str()),
        ("crash report", report.as_str()),
    ] {
        assert!(
            !text.contains(PASSWORD),
            "the password is in the {what}:\n{text}"
        );
        assert!(
            !text.contains(PIN),
            "the kiosk PIN is in the {what}:\n{text}"
        );
    }
}
