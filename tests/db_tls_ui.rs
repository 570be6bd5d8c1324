//! TLS through the Connect dialog, against the test PostgreSQL that `.ci/start-postgres` sets up
//! (tests/db_tls.rs says how): the TLS choice writes `sslmode` into the connection string, a
//! wrong CA is said in the dialog, a verified source shows a closed padlock, and the messages
//! exist in French.

mod common;

use std::path::PathBuf;

use common::pg::{self, TestDb};
use egui_kittest::kittest::Queryable;
use zae_atlas::db::{DbError, TlsLink, TlsProblem};
use zae_atlas::i18n::{Lang, set_lang};

fn ca(name: &str) -> String {
    let dir = std::env::var_os("ZAE_TEST_PG_TLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/lib/postgresql/zae-tls"));
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "no {}: run `sudo .ci/start-postgres`",
        path.display()
    );
    path.display().to_string()
}

fn password() -> String {
    zae_atlas::db::DbTarget::parse(&pg::admin_url())
        .expect("admin URL")
        .url_password()
        .map(|p| p.expose().to_string())
        .unwrap_or_else(|| "zae-test".into())
}

/// A database with the CNIG tables that the TLS-only role may read.
fn readable_db(tag: &str) -> TestDb {
    let db = TestDb::new(tag);
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    db.execute(
        "GRANT USAGE ON SCHEMA sites_economiques TO zae_tls_only;
         GRANT SELECT ON ALL TABLES IN SCHEMA sites_economiques TO zae_tls_only;",
    );
    db
}

/// Types the connection string (TLS-only role, `sslrootcert` given) and the password, then
/// picks verify-full in the TLS choice.
fn fill_dialog(h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>, db: &TestDb, ca: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Connect to database…").click();
    h.run_steps(4);
    let port = zae_atlas::db::DbTarget::parse(&pg::admin_url())
        .expect("admin URL")
        .port();
    let url = format!(
        "postgresql://zae_tls_only@127.0.0.1:{port}/{}?sslrootcert={ca}",
        db.name
    );
    h.get_by_label("Connection string").focus();
    h.get_by_label("Connection string").type_text(&url);
    h.run_steps(2);
    h.get_by_label("Password").focus();
    h.get_by_label("Password").type_text(&password());
    h.run_steps(2);
    h.get_by_label("Security (TLS)").click();
    h.run_steps(2);
    h.get_by_label("TLS, certificate and host name checked (verify-full)")
        .click();
    h.run_steps(2);
    let shown = h
        .get_by_label("Connection string")
        .value()
        .unwrap_or_default();
    assert!(
        shown.ends_with(&format!("?sslmode=verify-full&sslrootcert={ca}")),
        "the choice is written into the string: {shown}"
    );
}

#[test]
fn verify_full_from_the_dialog_opens_the_tables_under_a_closed_padlock() {
    let db = readable_db("tls_ui");
    let mut h = common::offline_app();
    fill_dialog(&mut h, &db, &ca("ca.crt"));
    h.get_by_label("List tables").click();
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().db_dialog_message(), None);
    h.get_by_label("Open selected tables").click();
    common::wait_for_loads(&mut h);
    let origins: Vec<TlsLink> = h
        .state()
        .dataset()
        .files
        .iter()
        .filter_map(|f| f.database.as_ref().map(|d| d.tls))
        .collect();
    assert_eq!(origins, [TlsLink::Verified; 3]);
    let site = format!(
        "db: zae_tls_only@127.0.0.1/{} sites_economiques.site_eco",
        db.name
    );
    h.get_by_label(&format!(
        "Connection security of {site}: Encrypted (TLS); the server's certificate and name were checked"
    ));
    // Remembered with its TLS settings and without the password.
    let saved = format!("{:?}", h.state_mut().persisted());
    assert!(saved.contains("sslmode=verify-full"), "{saved}");
    assert!(!saved.contains(&password()), "{saved}");
}

#[test]
fn a_wrong_ca_is_said_in_the_dialog() {
    let db = readable_db("tls_ui_ca");
    let mut h = common::offline_app();
    fill_dialog(&mut h, &db, &ca("other-ca.crt"));
    h.get_by_label("List tables").click();
    common::wait_for_loads(&mut h);
    let message = h
        .state()
        .db_dialog_message()
        .unwrap_or_default()
        .to_string();
    assert!(
        message.contains("not signed by a trusted certificate authority")
            && message.contains("other-ca.crt"),
        "{message}"
    );
    assert!(h.state().db_dialog_open());
    assert!(
        h.state()
            .dataset()
            .files
            .iter()
            .all(|f| f.database.is_none())
    );
}

#[test]
fn tls_messages_are_in_french_too() {
    set_lang(Lang::Fr);
    let db = "zae_tls_only@db/zae".to_string();
    let text = |problem: TlsProblem| {
        zae_atlas::ui::db_tls::db_error_text(&DbError::Tls {
            db: db.clone(),
            problem,
        })
    };
    assert_eq!(
        text(TlsProblem::TlsRequired),
        "zae_tls_only@db/zae\u{202f}: le serveur n'accepte cette connexion qu'en TLS\u{202f}: \
         choisissez require, ou verify-full avec l'autorité du serveur"
    );
    let wrong_ca = text(TlsProblem::UnknownCa { ca_file: None });
    assert!(
        wrong_ca
            .contains("pas signé par une autorité de confiance (certificats racines du système)"),
        "{wrong_ca}"
    );
    let host = text(TlsProblem::HostMismatch {
        host: "db.example.org".into(),
    });
    assert!(
        host.contains("pas valable pour le nom d'hôte db.example.org"),
        "{host}"
    );
    let refused = text(TlsProblem::ServerRefusesTls { mode: "require" });
    assert!(
        refused.contains("n'accepte pas les connexions TLS (require"),
        "{refused}"
    );
    set_lang(Lang::En);
}
