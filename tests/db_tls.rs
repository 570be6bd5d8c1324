//! TLS to the real local PostgreSQL/PostGIS that `.ci/start-postgres` sets up: `ssl = on` with a
//! server certificate for localhost and 127.0.0.1 signed by a test CA, a second CA that signed
//! nothing, and a role `zae_tls_only` that pg_hba.conf admits over TLS only. The certificates
//! are in `ZAE_TEST_PG_TLS_DIR` (default /var/lib/postgresql/zae-tls).

mod common;

use std::io::{Read, Write};
use std::path::PathBuf;

use common::pg::{self, TestDb};
use zae_atlas::db::{DbError, DbTarget, Secret, Session, TlsLink, TlsProblem};

const TLS_ONLY_ROLE: &str = "zae_tls_only";

fn tls_dir() -> PathBuf {
    let dir = std::env::var_os("ZAE_TEST_PG_TLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/lib/postgresql/zae-tls"));
    assert!(
        dir.join("ca.crt").is_file() && dir.join("other-ca.crt").is_file(),
        "no test CA in {}: run `sudo .ci/start-postgres`, which makes it and turns TLS on",
        dir.display()
    );
    dir
}

/// The test password (the one in ZAE_TEST_PG), which the TLS-only role shares.
fn password() -> Secret {
    let admin = DbTarget::parse(&pg::admin_url()).expect("admin URL");
    admin
        .url_password()
        .unwrap_or_else(|| Secret::new("zae-test"))
}

/// A session of the TLS-only role on `db`, with `params` added to the connection string.
fn session(db: &TestDb, host: &str, params: &str) -> Session {
    let url = format!(
        "postgresql://{TLS_ONLY_ROLE}@{host}:{}/{}?{params}",
        admin_port(),
        db.name
    );
    Session::new(DbTarget::parse(&url).expect("URL"), Some(password()))
}

fn admin_port() -> u16 {
    DbTarget::parse(&pg::admin_url()).expect("admin URL").port()
}

fn ca(name: &str) -> String {
    tls_dir().join(name).display().to_string()
}

#[test]
fn require_connects_encrypted_without_checking_the_certificate() {
    let db = TestDb::new("tls_require");
    let session = session(&db, "127.0.0.1", "sslmode=require");
    session.connect().unwrap_or_else(|e| panic!("require: {e}"));
    assert_eq!(session.tls_link(), TlsLink::Encrypted);
}

#[test]
fn verify_full_with_the_right_ca_connects_verified() {
    let db = TestDb::new("tls_verify_full");
    for host in ["127.0.0.1", "localhost"] {
        let session = session(
            &db,
            host,
            &format!("sslmode=verify-full&sslrootcert={}", ca("ca.crt")),
        );
        session
            .connect()
            .unwrap_or_else(|e| panic!("verify-full to {host}: {e}"));
        assert_eq!(session.tls_link(), TlsLink::Verified, "{host}");
    }
}

#[test]
fn verify_full_with_another_ca_fails_with_the_ca_message() {
    let db = TestDb::new("tls_other_ca");
    for mode in ["verify-full", "verify-ca"] {
        let session = session(
            &db,
            "127.0.0.1",
            &format!("sslmode={mode}&sslrootcert={}", ca("other-ca.crt")),
        );
        let err = session.connect().expect_err("another CA must be refused");
        assert!(
            matches!(
                &err,
                DbError::Tls {
                    problem: TlsProblem::UnknownCa { .. },
                    ..
                }
            ),
            "{mode}: {err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("not signed by a trusted certificate authority")
                && text.contains("other-ca.crt"),
            "{text}"
        );
        assert!(!text.contains(password().expose()), "{text}");
    }
}

#[test]
fn a_host_name_the_certificate_does_not_give_fails_verify_full_but_not_verify_ca() {
    let db = TestDb::new("tls_host");
    let url = |mode: &str| {
        format!(
            "host=db.zae-atlas.invalid hostaddr=127.0.0.1 port={} dbname={} user={TLS_ONLY_ROLE} \
             sslmode={mode} sslrootcert={}",
            admin_port(),
            db.name,
            ca("ca.crt")
        )
    };
    let full = Session::new(
        DbTarget::parse(&url("verify-full")).expect("URL"),
        Some(password()),
    );
    let err = full.connect().expect_err("host name mismatch");
    assert!(
        matches!(
            &err,
            DbError::Tls {
                problem: TlsProblem::HostMismatch { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("not valid for the host name db.zae-atlas.invalid"),
        "{err}"
    );

    let ca_only = Session::new(
        DbTarget::parse(&url("verify-ca")).expect("URL"),
        Some(password()),
    );
    ca_only
        .connect()
        .unwrap_or_else(|e| panic!("verify-ca ignores the name: {e}"));
    assert_eq!(ca_only.tls_link(), TlsLink::CaVerified);
}

#[test]
fn a_plain_connection_to_the_tls_only_role_says_tls_is_required() {
    let db = TestDb::new("tls_required");
    let session = session(&db, "127.0.0.1", "sslmode=disable");
    let err = session.connect().expect_err("TLS-only role without TLS");
    assert!(
        matches!(
            &err,
            DbError::Tls {
                problem: TlsProblem::TlsRequired,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("only over TLS"), "{err}");
    assert!(!err.is_connection_lost(), "not a banner: {err:?}");
}

#[test]
fn prefer_uses_tls_when_offered_and_disable_does_not() {
    let db = TestDb::new("tls_prefer");
    let admin = DbTarget::parse(&pg::admin_url()).expect("admin URL");
    let user = admin.user();
    let open = |params: &str| {
        let url = format!(
            "postgresql://{user}@127.0.0.1:{}/{}?{params}",
            admin_port(),
            db.name
        );
        let session = Session::new(DbTarget::parse(&url).expect("URL"), Some(password()));
        session
            .connect()
            .unwrap_or_else(|e| panic!("{params}: {e}"));
        session.tls_link()
    };
    assert_eq!(open("sslmode=prefer"), TlsLink::Encrypted);
    assert_eq!(open("sslmode=disable"), TlsLink::Plain);
}

/// A server that answers the client's TLS request with "N" (no TLS), as PostgreSQL does with
/// `ssl = off`: a loopback listener in a thread, no database needed.
#[test]
fn a_server_that_refuses_tls_is_named_when_tls_is_required() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listener");
    let port = listener.local_addr().expect("address").port();
    let server = std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 8];
            if stream.read_exact(&mut request).is_ok() {
                let _ = stream.write_all(b"N");
            }
            // The client gives up on its own; reading until it closes keeps the socket open
            // until then.
            let mut rest = Vec::new();
            let _ = stream.read_to_end(&mut rest);
        }
    });
    let url = format!("postgresql://someone@127.0.0.1:{port}/zae?sslmode=verify-full");
    let session = Session::new(DbTarget::parse(&url).expect("URL"), Some(Secret::new("x")));
    let err = session.connect().expect_err("no TLS on that server");
    assert!(
        matches!(
            &err,
            DbError::Tls {
                problem: TlsProblem::ServerRefusesTls { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("does not accept TLS connections (sslmode=verify-full"),
        "{err}"
    );
    drop(session);
    server.join().expect("server thread");
}

#[test]
fn a_missing_ca_file_is_named_before_connecting() {
    let target = DbTarget::parse(
        "postgresql://someone@127.0.0.1:9/zae?sslmode=verify-full&sslrootcert=/nonexistent/zae-ca.pem",
    )
    .expect("URL");
    let err = Session::new(target, None)
        .connect()
        .expect_err("no such CA file");
    assert!(
        matches!(
            &err,
            DbError::Tls {
                problem: TlsProblem::BadCaFile { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("/nonexistent/zae-ca.pem"), "{err}");
}
