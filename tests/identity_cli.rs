//! The program's identity on the command line: `--version`, and `paths` (where this copy keeps
//! its config file, remembered settings and tile cache: the platform's folders).

use std::process::Command;

fn zae_atlas() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
}

#[test]
fn version_prints_the_package_version() {
    let out = zae_atlas()
        .arg("--version")
        .output()
        .expect("run zae-atlas");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("zae-atlas {}", env!("CARGO_PKG_VERSION"))
    );
}

#[cfg(target_os = "linux")]
#[test]
fn paths_are_the_xdg_folders_of_the_user() {
    let home = tempfile::tempdir().expect("temp home");
    let out = zae_atlas()
        .arg("paths")
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .output()
        .expect("run zae-atlas");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let h = home.path().display();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            format!("config file: {h}/.config/zae-atlas/config.toml"),
            format!("settings:    {h}/.local/share/zaeatlas/settings.ron"),
            format!("tile cache:  {h}/.cache/zae-atlas/tiles"),
            format!("crash reports: {h}/.local/share/zae-atlas/crashes"),
        ],
        "{text}"
    );
}
