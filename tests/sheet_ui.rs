//! The investor's sheet in the interface: the info panel's "PDF sheet…" button, File ▸ Export
//! PDF catalogue…, and the booth's "Print this sheet" with a configured print command.

mod common;

use std::path::Path;

use common::{harness_with, offline_app};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zae_atlas::kiosk::KioskSettings;
use zae_atlas::settings::Settings;
use zae_atlas::{AppConfig, Command, ZaeApp};

fn cap_nord(h: &Harness<'static, ZaeApp>) -> zae_atlas::store::ZoneId {
    let i = h
        .state()
        .dataset()
        .zones
        .iter()
        .position(|z| z.id == "dm-capnord")
        .expect("Cap Nord");
    h.state().zone_id(i).expect("id")
}

fn pdf_pages(path: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (Debian package poppler-utils)");
    assert!(out.status.success(), "pdfinfo refused {}", path.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// Frames until `done`, giving a worker thread real time (at most 30 s).
fn wait(h: &mut Harness<'static, ZaeApp>, what: &str, done: impl Fn(&ZaeApp) -> bool) {
    for _ in 0..600 {
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn the_info_panel_offers_the_sheet_and_the_file_menu_the_catalogue() {
    let mut h = offline_app();
    let id = cap_nord(&h);
    h.state_mut().push(Command::Select(Some(id)));
    h.run_steps(3);
    h.get_by_label("PDF sheet…");
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Export PDF catalogue…");

    let dir = tempfile::tempdir().expect("tmp");
    let sheet = dir.path().join("cap-nord.pdf");
    h.state_mut().push(Command::WriteSheet(id, sheet.clone()));
    h.run_steps(2);
    wait(&mut h, "the sheet", |app| {
        app.notice()
            .is_some_and(|n| n.starts_with("Sheet written to"))
    });
    assert_eq!(pdf_pages(&sheet), 1);
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.starts_with("Sheet written to")),
        "{:?}",
        h.state().notice()
    );
    let catalogue = dir.path().join("all.pdf");
    h.state_mut()
        .push(Command::WriteCatalogue(catalogue.clone()));
    h.run_steps(2);
    wait(&mut h, "the catalogue", |app| {
        app.notice().is_some_and(|n| n.starts_with("Catalogue"))
    });
    assert_eq!(pdf_pages(&catalogue), 1 + h.state().table_rows().len());
    // A folder that does not exist: the problem is said, nothing is left behind.
    let nowhere = dir.path().join("missing").join("x.pdf");
    h.state_mut().push(Command::WriteSheet(id, nowhere.clone()));
    h.run_steps(2);
    wait(&mut h, "the failure", |app| !app.errors().is_empty());
    assert!(!nowhere.exists());
    assert!(
        h.state()
            .errors()
            .iter()
            .any(|e| e.contains("PDF sheet could not be written")),
        "{:?}",
        h.state().errors()
    );
}

/// The window's "PDF sheet" is drawn over the base map the window shows (tiles from a server
/// of the test's own on 127.0.0.1), made on the job runner.
#[test]
fn the_window_sheet_is_drawn_over_the_current_base_map() {
    const TEAL: [u8; 3] = [20, 150, 140];
    let png = common::tile_server::png_tile(|_, _| image::Rgba([TEAL[0], TEAL[1], TEAL[2], 255]));
    let server = common::tile_server::TileServer::start(png, |p| p.ends_with(".png"));
    let config = AppConfig {
        tiles: zae_atlas::map::tiles::TileChoice::Template(format!(
            "http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png",
            server.port
        )),
        ..common::offline(Vec::new())
    };
    let mut h = harness_with(config);
    h.run_steps(3);
    let id = cap_nord(&h);
    let dir = tempfile::tempdir().expect("tmp");
    let sheet = dir.path().join("cap-nord.pdf");
    h.state_mut().push(Command::WriteSheet(id, sheet.clone()));
    h.run_steps(2);
    wait(&mut h, "the sheet", |app| {
        app.notice()
            .is_some_and(|n| n.starts_with("Sheet written to"))
    });
    // The extract's tiles (zoom 14) were asked for, beside the window's own.
    assert!(
        server.urls().iter().any(|u| u.starts_with("/14/")),
        "{:?}",
        server.urls()
    );
    let prefix = dir.path().join("page");
    let out = std::process::Command::new("pdftoppm")
        .args(["-r", "72", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(&sheet)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (Debian package poppler-utils)");
    assert!(out.status.success());
    let page = image::open(dir.path().join("page.png"))
        .expect("png")
        .to_rgb8();
    let (mut teal, mut total) = (0, 0);
    for y in 130..330 {
        for x in 40..350 {
            let p = page.get_pixel(x, y).0;
            total += 1;
            teal += usize::from((0..3).all(|k| p[k].abs_diff(TEAL[k]) <= 12));
        }
    }
    assert!(
        teal * 10 > total * 4,
        "{teal}/{total} pixels of the tile colour"
    );
}

fn booth(print_command: &str) -> Harness<'static, ZaeApp> {
    let config = AppConfig {
        kiosk: true,
        settings: Settings {
            kiosk: KioskSettings {
                print_command: Some(print_command.to_string()),
                ..KioskSettings::default()
            },
            ..Settings::default()
        },
        ..common::offline(Vec::new())
    };
    let mut h = harness_with(config);
    h.run_steps(3);
    let id = cap_nord(&h);
    h.state_mut().push(Command::Select(Some(id)));
    h.run_steps(3);
    h
}

#[cfg(unix)]
#[test]
fn the_booth_prints_a_valid_pdf_through_its_print_command() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let printed = dir.path().join("printed.pdf");
    // A "printer" that copies the file it is given.
    let script = dir.path().join("print.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ncp \"$1\" '{}'\n", printed.display()),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut h = booth(&script.to_string_lossy());
    // The card leads with access and tenants, and drops what the data does not give.
    h.get_by_label("Access (straight-line distances)");
    h.get_by_label_contains("Dijon-Ville station");
    h.get_by_label("Firms");
    assert!(h.query_by_label_contains("unknown").is_none());
    h.get_by_label("Print this sheet").click();
    h.run_steps(2);
    wait(&mut h, "the print command", |app| {
        app.state().print_message().is_some()
    });
    assert_eq!(
        h.state().state().print_message(),
        Some("Sent to the printer.")
    );
    assert_eq!(pdf_pages(&printed), 1);
    let text = std::process::Command::new("pdftotext")
        .arg(&printed)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(String::from_utf8_lossy(&text.stdout).contains("ZAE Cap Nord"));
    assert!(h.state().is_kiosk());
}

#[test]
fn a_failing_print_command_says_so_on_the_card_and_the_booth_keeps_running() {
    let mut h = booth("/nonexistent/zae-atlas-printer -d booth");
    h.get_by_label("Print this sheet").click();
    h.run_steps(2);
    wait(&mut h, "the print command", |app| {
        app.state().print_message().is_some()
    });
    h.run_steps(2);
    h.get_by_label_contains("Printing failed");
    assert!(h.state().is_kiosk());
    // Still usable: the card closes, the map is there.
    h.get_by_label("Close the card").click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), None);
    assert!(h.state().view().is_some());
}

/// A print command split as a shell would: a program in a folder with a space, and a quoted
/// printer name, arrive as single arguments (and the PDF last).
#[cfg(unix)]
#[test]
fn the_print_command_is_split_as_a_shell_would() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let folder = dir.path().join("booth tools");
    std::fs::create_dir(&folder).expect("folder");
    let printed = dir.path().join("printed.pdf");
    let args = dir.path().join("args.txt");
    let script = folder.join("print.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s|%s|%s' \"$#\" \"$1\" \"$2\" > '{}'\ncp \"$3\" '{}'\n",
            args.display(),
            printed.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let command = format!("\"{}\" -d \"Booth printer\"", script.display());
    let mut h = booth(&command);
    // The sheet is made on the job runner: the frame that handles the click does not wait.
    h.get_by_label("Print this sheet").click();
    h.run_steps(2);
    wait(&mut h, "the print command", |app| {
        app.state().print_message().is_some()
    });
    assert_eq!(
        h.state().state().print_message(),
        Some("Sent to the printer.")
    );
    assert_eq!(
        std::fs::read_to_string(&args).expect("args"),
        "3|-d|Booth printer"
    );
    assert_eq!(pdf_pages(&printed), 1);
}

#[test]
fn a_print_command_that_cannot_be_read_says_so_on_the_card() {
    let mut h = booth("lp -d \"Booth printer");
    h.get_by_label("Print this sheet").click();
    h.run_steps(3);
    h.get_by_label_contains("Printing is not set up right");
    assert!(h.state().is_kiosk());
    h.get_by_label("Close the card").click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), None);
}

#[test]
fn without_a_print_command_there_is_no_print_button() {
    let config = AppConfig {
        kiosk: true,
        ..common::offline(Vec::new())
    };
    let mut h = harness_with(config);
    h.run_steps(3);
    let id = cap_nord(&h);
    h.state_mut().push(Command::Select(Some(id)));
    h.run_steps(3);
    h.get_by_label("Close the card");
    assert!(h.query_by_label("Print this sheet").is_none());
}

/// The pointer over a zone, then frames: whether its tooltip ("300 ha declared") shows.
fn tooltip_over_cap_nord(h: &mut Harness<'static, ZaeApp>) -> bool {
    let i = h
        .state()
        .dataset()
        .zones
        .iter()
        .position(|z| z.id == "dm-capnord")
        .expect("Cap Nord");
    let (lon, lat) = h.state().dataset().zones[i].label_point;
    let view = h.state().view().expect("drawn");
    h.event(egui::Event::PointerMoved(view.lon_lat_to_screen(lon, lat)));
    h.run_steps(4);
    h.query_all_by_label_contains("300 ha declared").count() > 0
}

#[test]
fn no_hover_tooltip_in_kiosk_mode() {
    // Outside kiosk mode the same hover shows it (so the check below can fail).
    let mut h = offline_app();
    assert!(tooltip_over_cap_nord(&mut h));
    let config = AppConfig {
        kiosk: true,
        ..common::offline(Vec::new())
    };
    let mut h = harness_with(config);
    h.run_steps(3);
    assert!(!tooltip_over_cap_nord(&mut h));
}
