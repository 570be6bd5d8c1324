//! The server stopped mid-session: a throwaway PostgreSQL cluster (initdb + pg_ctl on a free
//! port of 127.0.0.1, run as the `postgres` user when the tests run as root) is started, read,
//! stopped with `pg_ctl stop -m immediate`, and started again. The data layer reports a lost
//! connection and reconnects; the app keeps the last data on screen under a banner, and Retry
//! reads again.

mod common;

use std::path::PathBuf;
use std::process::Command as Process;

use egui_kittest::kittest::Queryable;
use zae_atlas::db::{DbTarget, ReadOptions, Session, TableRef, read_table};

const HOW_TO: &str = "this test starts its own PostgreSQL server: it needs the Debian packages \
postgresql and postgresql-15-postgis-3 (`sudo .ci/start-postgres` installs them), or \
ZAE_TEST_PG_BIN set to the folder of initdb and pg_ctl";

fn pg_bin() -> PathBuf {
    if let Some(dir) = std::env::var_os("ZAE_TEST_PG_BIN") {
        return PathBuf::from(dir);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    found.sort();
    found
        .pop()
        .unwrap_or_else(|| panic!("no initdb in /usr/lib/postgresql/*/bin: {HOW_TO}"))
}

fn is_root() -> bool {
    Process::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A PostgreSQL server of its own, in a temporary folder.
struct Cluster {
    dir: tempfile::TempDir,
    port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

impl Cluster {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let as_postgres = is_root();
        if as_postgres {
            // initdb refuses to run as root.
            run(Process::new("chown").arg("postgres:").arg(dir.path()));
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let cluster = Cluster {
            dir,
            port,
            bin: pg_bin(),
            as_postgres,
        };
        let data = cluster.data();
        cluster.pg(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "zae",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
        );
        cluster.start();
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn pg(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let mut command = if self.as_postgres {
            let mut c = Process::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Process::new(&exe)
        };
        command.args(args).current_dir(self.dir.path());
        run(&mut command);
    }

    fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log").display().to_string();
        self.pg(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                &log,
                "-w",
                "-t",
                "30",
                "-o",
                &options,
                "start",
            ],
        );
    }

    fn stop(&self) {
        self.pg(
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }

    fn url(&self) -> String {
        format!("postgresql://zae@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut c = Process::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Process::new(&exe)
        };
        let _ = command
            .args(["-D", &data, "-m", "immediate", "stop"])
            .output();
    }
}

fn run(command: &mut Process) {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}; {HOW_TO}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}\n{HOW_TO}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Three zones in Lambert-93 near Dijon.
fn load_zones(url: &str, extra: usize) {
    let mut client = common::pg::connect(url);
    client
        .batch_execute(&format!(
            "CREATE EXTENSION IF NOT EXISTS postgis;
             DROP TABLE IF EXISTS zones;
             CREATE TABLE zones (id int PRIMARY KEY, nom text, geom geometry(Polygon, 2154));
             INSERT INTO zones
             SELECT i, 'Zone ' || i,
                    ST_MakeEnvelope(853000 + i * 600, 6690000, 853400 + i * 600, 6690400, 2154)
               FROM generate_series(1, {}) i;",
            3 + extra
        ))
        .expect("zones loaded");
}

fn read_zones(session: &Session) -> Result<usize, zae_atlas::db::DbError> {
    read_table(
        session,
        &TableRef::parse("public.zones"),
        &ReadOptions::default(),
        &mut |_| true,
    )
    .map(|d| d.loaded.zones.len())
}

#[test]
fn the_data_layer_reports_a_stopped_server_and_reconnects_when_it_is_back() {
    let cluster = Cluster::new();
    load_zones(&cluster.url(), 0);
    let session = Session::new(DbTarget::parse(&cluster.url()).expect("URL"), None);
    assert_eq!(read_zones(&session), Ok(3));

    cluster.stop();
    let err = read_zones(&session).expect_err("the server is stopped");
    assert!(err.is_connection_lost(), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("cannot reach the server")
            && text.contains(&format!("127.0.0.1:{}", cluster.port)),
        "{text}"
    );
    // Still down: still a clear error, not a hang or a panic.
    let again = read_zones(&session).expect_err("still stopped");
    assert!(again.is_connection_lost(), "{again:?}");

    cluster.start();
    assert_eq!(read_zones(&session), Ok(3), "the same session reconnects");
}

#[test]
fn the_app_keeps_the_last_data_under_a_banner_and_retry_reads_again() {
    let cluster = Cluster::new();
    load_zones(&cluster.url(), 0);
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    let ctx = h.ctx.clone();
    h.state_mut().open_database(
        &cluster.url(),
        None,
        vec![TableRef::parse("public.zones")],
        &ctx,
    );
    common::wait_for_loads(&mut h);
    let name = format!("db: zae@127.0.0.1:{}/postgres public.zones", cluster.port);
    assert_eq!(
        h.state().dataset().files.len(),
        1,
        "the database replaced the embedded dataset"
    );
    assert_eq!(h.state().dataset().files[0].name, name);
    assert_eq!(h.state().dataset().zones.len(), 3);
    h.get_by_label(&name);

    cluster.stop();
    h.get_by_label(&format!("Refresh {name}")).click();
    common::wait_for_loads(&mut h);
    let banner = h.state().db_banner().expect("a banner").to_string();
    assert!(banner.contains("cannot reach the server"), "{banner}");
    h.get_by_label_contains("Database unreachable:");
    assert_eq!(
        h.state().dataset().zones.len(),
        3,
        "the last data stays on screen"
    );
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());

    // Retry while the server is still down: the banner stays.
    h.get_by_label("Retry").click();
    common::wait_for_loads(&mut h);
    assert!(h.state().db_banner().is_some());
    assert_eq!(h.state().dataset().zones.len(), 3);

    // Back, with one more zone: Retry reconnects and reads it.
    cluster.start();
    load_zones(&cluster.url(), 1);
    h.get_by_label("Retry").click();
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().db_banner(), None);
    assert_eq!(h.state().dataset().zones.len(), 4);
    assert!(h.query_by_label_contains("Database unreachable").is_none());
}

#[test]
fn remembered_tables_of_an_unreachable_server_show_the_banner_at_start() {
    let cluster = Cluster::new();
    load_zones(&cluster.url(), 0);
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    let ctx = h.ctx.clone();
    h.state_mut().open_database(
        &cluster.url(),
        None,
        vec![TableRef::parse("public.zones")],
        &ctx,
    );
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().dataset().zones.len(), 3);
    let saved = h.state_mut().persisted();
    assert_eq!(saved.open_databases.len(), 1, "{:?}", saved.open_databases);
    drop(h);

    // The next start, with the server down: the banner, no error box, no dialog.
    cluster.stop();
    let mut h = common::harness_with_restore(saved.clone());
    common::wait_for_loads(&mut h);
    h.run_steps(2);
    let banner = h.state().db_banner().expect("a banner").to_string();
    assert!(banner.contains("cannot reach the server"), "{banner}");
    h.get_by_label_contains("Database unreachable:");
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert!(!h.state().db_dialog_open());
    assert_eq!(
        h.state_mut().persisted().open_databases,
        saved.open_databases,
        "the tables stay remembered"
    );

    // Retry while it is still down: the banner stays.
    h.get_by_label("Retry").click();
    common::wait_for_loads(&mut h);
    assert!(h.state().db_banner().is_some());
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());

    // The server is back: Retry reads the remembered table.
    cluster.start();
    h.get_by_label("Retry").click();
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().db_banner(), None);
    assert_eq!(h.state().dataset().zones.len(), 3);
    assert!(h.query_by_label_contains("Database unreachable").is_none());
}
