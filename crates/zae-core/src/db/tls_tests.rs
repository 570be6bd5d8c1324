//! Tests of `tls.rs`.
use super::*;

#[test]
fn tls_parameters_are_taken_out_of_both_forms() {
    let (rest, tls) = split_tls_params(
        "postgresql://u@h/db?sslmode=verify-full&sslrootcert=/etc/my%20ca.pem&connect_timeout=3",
    )
    .expect("parsed");
    assert_eq!(rest, "postgresql://u@h/db?connect_timeout=3");
    assert_eq!(tls.mode, SslMode::VerifyFull);
    assert_eq!(tls.root_cert.as_deref(), Some("/etc/my ca.pem"));

    let (rest, tls) =
        split_tls_params("host=h dbname=db sslmode=verify-ca sslrootcert='/ca.pem' user=u")
            .expect("parsed");
    assert_eq!(rest, "host=h dbname=db user=u");
    assert_eq!(tls.mode, SslMode::VerifyCa);
    assert_eq!(tls.root_cert.as_deref(), Some("/ca.pem"));

    let err = split_tls_params("postgresql://h/db?sslmode=paranoid").expect_err("refused");
    assert!(err.contains("sslmode=paranoid"), "{err}");
    for mode in SslMode::ALL {
        assert_eq!(SslMode::parse(mode.as_str()), Some(mode));
    }
}

#[test]
fn the_dialog_writes_tls_parameters_into_the_string() {
    let settings = TlsSettings {
        mode: SslMode::VerifyFull,
        root_cert: Some("/etc/my ca.pem".into()),
    };
    let url = with_tls_params(
        "postgresql://u@h/db?sslmode=prefer&connect_timeout=3",
        &settings,
    );
    assert_eq!(
        url,
        "postgresql://u@h/db?connect_timeout=3&sslmode=verify-full&sslrootcert=/etc/my%20ca.pem"
    );
    let (_, read) = split_tls_params(&url).expect("parsed");
    assert_eq!(read, settings);
    let kv = with_tls_params("host=h sslmode=disable dbname=db", &settings);
    assert_eq!(
        kv,
        "host=h dbname=db sslmode=verify-full sslrootcert='/etc/my ca.pem'"
    );
    let (rest, read) = split_tls_params(&kv).expect("parsed");
    assert_eq!((rest.as_str(), read), ("host=h dbname=db", settings));
}

#[test]
fn a_ca_file_without_certificates_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ca.pem");
    std::fs::write(&path, "not a certificate").expect("write");
    let err = roots_from_file(&path).expect_err("refused");
    assert!(matches!(err, TlsProblem::BadCaFile { .. }), "{err:?}");
    assert!(err.to_string().contains("ca.pem"), "{err}");
    let missing = roots_from_file(&dir.path().join("none.pem")).expect_err("missing");
    assert!(missing.to_string().contains("none.pem"), "{missing}");
}
