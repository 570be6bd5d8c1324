//! Kiosk mode: the booth's layout, idle countdown and reset, the tour, the QR code, leaving.
//! Time is egui's input time, set by the test: no test waits for real seconds.

mod common;

use common::{SIZE, click_at, harness_with};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zae_atlas::kiosk::{KioskSettings, Phase};
use zae_atlas::settings::Settings;
use zae_atlas::{AppConfig, Command, ZaeApp};

const IDLE: f64 = 30.0;
const COUNTDOWN: f64 = 10.0;
const PER_ZONE: f64 = 12.0;

fn config(pin: Option<&str>) -> AppConfig {
    AppConfig {
        kiosk: true,
        settings: Settings {
            kiosk: KioskSettings {
                idle_seconds: IDLE,
                countdown_seconds: COUNTDOWN,
                seconds_per_zone: PER_ZONE,
                flight_seconds: 2.0,
                pin: pin.map(str::to_string),
                ..KioskSettings::default()
            },
            ..Settings::default()
        },
        ..common::offline(Vec::new())
    }
}

fn kiosk_app(pin: Option<&str>) -> Harness<'static, ZaeApp> {
    let mut h = harness_with(config(pin));
    at(&mut h, 0.0);
    h.run_steps(3);
    h
}

/// Runs a frame at time `t` (seconds).
fn at(h: &mut Harness<'static, ZaeApp>, t: f64) {
    h.input_mut().time = Some(t);
    h.step();
}

/// Runs frames from `from` to `to`, every quarter of a second.
fn run_until(h: &mut Harness<'static, ZaeApp>, from: f64, to: f64) {
    let mut t = from;
    while t < to {
        at(h, t);
        t += 0.25;
    }
    at(h, to);
}

fn touch(h: &mut Harness<'static, ZaeApp>, t: f64) {
    let pos = egui::pos2(SIZE[0] * 0.3, SIZE[1] * 0.5);
    h.event(Event::PointerMoved(pos));
    at(h, t);
}

/// The screen position of zone `i`'s centre in the last frame.
fn zone_on_screen(h: &Harness<'static, ZaeApp>, i: usize) -> egui::Pos2 {
    let zone = &h.state().dataset().zones[i];
    let view = h.state().view().expect("map drawn");
    let b = zone.bbox;
    view.lon_lat_to_screen((b.min().x + b.max().x) / 2.0, (b.min().y + b.max().y) / 2.0)
}

fn cap_nord(h: &Harness<'static, ZaeApp>) -> usize {
    h.state()
        .dataset()
        .zones
        .iter()
        .position(|z| z.display_name() == "ZAE Cap Nord")
        .expect("Cap Nord in the embedded dataset")
}

#[test]
fn kiosk_hides_files_menus_and_quit() {
    let mut h = kiosk_app(None);
    assert!(h.state().is_kiosk());
    assert!(h.state().zones_drawn() >= 20, "the zones show");
    for label in ["File", "Quit", "Open…", "Files", "Filters", "View", "Tools"] {
        assert!(
            h.query_by_label(label).is_none(),
            "\"{label}\" must not show in kiosk mode"
        );
    }
    // Dropped files and Ctrl+O are ignored.
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/polygon_with_hole.geojson");
    common::drop_file(&mut h, fixture);
    at(&mut h, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    at(&mut h, 1.5);
    assert!(!h.state().is_loading());
    assert_eq!(h.state().dataset().files.len(), 1);
    assert!(h.query_by_label("Touch a zone to explore it").is_some());
}

#[test]
fn touch_targets_are_at_least_48_pixels() {
    let h = kiosk_app(None);
    let ppp = h.ctx.pixels_per_point();
    for label in [
        "English",
        "Français",
        "Zoom in",
        "Zoom out",
        "Fit all zones",
    ] {
        let rect = h.get_by_label(label).rect();
        assert!(
            rect.height() * ppp >= 48.0 && rect.width() * ppp >= 48.0,
            "{label}: {:?} at {ppp} px per point",
            rect
        );
    }
}

#[test]
fn idle_countdown_then_reset_to_the_overview() {
    let mut h = kiosk_app(None);
    let overview_zoom = h.state().view().expect("drawn").zoom;
    let cap = cap_nord(&h);
    let pos = zone_on_screen(&h, cap);
    click_at(&mut h, pos);
    assert_eq!(h.state().selected(), Some(cap));
    h.get_by_label("Scan for the zone's web page");

    // Touched at about 0.1 s: nothing happens before the idle time.
    run_until(&mut h, 0.5, IDLE - 1.0);
    assert_eq!(h.state().kiosk_phase(), Some(Phase::Active));
    assert!(
        h.query_by_label_contains("Returning to the overview")
            .is_none()
    );

    run_until(&mut h, IDLE - 1.0, IDLE + 3.2);
    h.get_by_label("Returning to the overview in 7 s — touch to stay");
    assert_eq!(
        h.state().selected(),
        Some(cap),
        "the card stays during the countdown"
    );

    // A touch during the countdown: the visitor stays.
    touch(&mut h, IDLE + 4.0);
    assert_eq!(h.state().kiosk_phase(), Some(Phase::Active));
    assert!(
        h.query_by_label_contains("Returning to the overview")
            .is_none()
    );
    assert_eq!(h.state().selected(), Some(cap));

    // Left alone again: countdown, then the overview with no selection.
    let touched = IDLE + 4.0;
    run_until(&mut h, touched, touched + IDLE + COUNTDOWN + 3.0);
    assert_eq!(h.state().selected(), None);
    assert!(matches!(
        h.state().kiosk_phase(),
        Some(Phase::Tour { stop: None, .. })
    ));
    let zoom = h.state().view().expect("drawn").zoom;
    assert!(
        (zoom - overview_zoom).abs() < 0.3,
        "back at the overview's zoom: {zoom} vs {overview_zoom}"
    );
    h.get_by_label("Touch a zone to explore it");
}

#[test]
fn the_tour_advances_then_stops_on_a_touch() {
    let mut h = kiosk_app(None);
    let tour_start = IDLE + COUNTDOWN;
    run_until(&mut h, 0.5, tour_start + 1.0);
    assert_eq!(h.state().selected(), None);

    // First stop: the largest zone, its card, and the view flown to it.
    run_until(&mut h, tour_start + 1.0, tour_start + PER_ZONE + 3.0);
    let first = h.state().selected().expect("the tour shows a zone");
    let zones = &h.state().dataset().zones;
    let largest = zones
        .iter()
        .map(|z| z.surface_declared_ha.unwrap_or(0.0))
        .fold(0.0, f64::max);
    assert_eq!(zones[first].surface_declared_ha, Some(largest));
    let name = zones[first].display_name().to_string();
    h.get_by_label(&name);
    let view = h.state().view().expect("drawn");
    let centre = zone_on_screen(&h, first);
    assert!(
        view.rect.contains(centre),
        "the view was flown to {name}: its centre {centre:?} is in {:?}",
        view.rect
    );

    // Second stop.
    run_until(
        &mut h,
        tour_start + PER_ZONE + 3.0,
        tour_start + 2.0 * PER_ZONE + 3.0,
    );
    let second = h.state().selected().expect("the tour goes on");
    assert_ne!(second, first);

    // A touch stops the tour: the zone stays, nothing moves on.
    let t = tour_start + 2.0 * PER_ZONE + 4.0;
    touch(&mut h, t);
    assert_eq!(h.state().kiosk_phase(), Some(Phase::Active));
    run_until(&mut h, t, t + IDLE - 2.0);
    assert_eq!(h.state().selected(), Some(second));
}

#[test]
fn links_never_open_a_browser_in_kiosk_mode() {
    let mut h = kiosk_app(None);
    h.state_mut()
        .push(Command::OpenUrl("https://www.example.org/".into()));
    at(&mut h, 1.0);
    let opened = |h: &Harness<'static, ZaeApp>| {
        h.output()
            .platform_output
            .commands
            .iter()
            .any(|c| matches!(c, egui::OutputCommand::OpenUrl(_)))
    };
    assert!(!opened(&h));
    // The same command out of kiosk mode opens the page (so the check above can fail).
    h.state_mut().push(Command::SetKiosk(false));
    at(&mut h, 1.5);
    h.state_mut()
        .push(Command::OpenUrl("https://www.example.org/".into()));
    at(&mut h, 2.0);
    assert!(opened(&h));
}

fn exit_chord(h: &mut Harness<'static, ZaeApp>, t: f64) {
    let chord = Modifiers {
        alt: true,
        ctrl: true,
        shift: true,
        ..Default::default()
    };
    h.key_press_modifiers(chord, Key::K);
    at(h, t);
    at(h, t + 0.1);
}

#[test]
fn leaving_kiosk_takes_the_chord_and_the_pin() {
    let mut h = kiosk_app(Some("2468"));
    // A plain K or Escape does nothing.
    h.key_press(Key::K);
    h.key_press(Key::Escape);
    at(&mut h, 1.0);
    assert!(h.state().is_kiosk());
    assert!(h.query_by_label("Leave kiosk mode").is_none());

    exit_chord(&mut h, 2.0);
    h.get_by_label("Leave kiosk mode");
    h.get_by_label("PIN").focus();
    h.get_by_label("PIN").type_text("1111");
    at(&mut h, 3.0);
    h.get_by_label("Leave kiosk").click();
    at(&mut h, 3.1);
    at(&mut h, 3.2);
    assert!(h.state().is_kiosk(), "a wrong PIN keeps the kiosk");
    h.get_by_label("Wrong PIN");

    h.get_by_label("PIN").type_text("2468");
    at(&mut h, 4.0);
    h.get_by_label("Leave kiosk").click();
    at(&mut h, 4.1);
    at(&mut h, 4.2);
    assert!(!h.state().is_kiosk());
    at(&mut h, 4.3);
    h.get_by_label("File");
}

#[test]
fn without_a_pin_the_chord_leaves_at_once() {
    let mut h = kiosk_app(None);
    exit_chord(&mut h, 1.0);
    at(&mut h, 1.2);
    assert!(!h.state().is_kiosk());
}

/// The card's QR code, read back from the rendered screen, is the zone's web page.
#[test]
fn the_qr_code_on_the_card_decodes_to_the_zone_url() {
    let mut config = config(None);
    config.settings.language = Some(zae_atlas::i18n::Lang::Fr);
    let mut h: Harness<'static, ZaeApp> = Harness::builder()
        .with_size(SIZE)
        .wgpu()
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
    at(&mut h, 0.0);
    h.run_steps(3);
    let cap = cap_nord(&h);
    let id = h.state().zone_id(cap);
    h.state_mut().push(Command::Select(id));
    at(&mut h, 0.5);
    at(&mut h, 0.6);
    let url = h.state().dataset().zones[cap]
        .url()
        .expect("Cap Nord has a web page");
    h.get_by_label("Scannez pour la page web de la zone");
    let image = h.render().expect("rendered with wgpu");
    if let Some(keep) = std::env::var_os("ZAE_KEEP_PNG") {
        let _ = image.save(keep);
    }
    let luma = image::DynamicImage::ImageRgba8(image).to_luma8();
    let (w, hgt) = luma.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, hgt as usize, |x, y| {
            luma.get_pixel(x as u32, y as u32).0[0]
        });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on screen");
    let (_, content) = grids[0].decode().expect("the QR code reads");
    assert_eq!(content, url);
}

/// Two fingers moving apart zoom in; one finger drags the map.
#[test]
fn pinch_zooms_and_one_finger_pans() {
    let mut h = kiosk_app(None);
    let before = h.state().view().expect("drawn");
    let centre = before.rect.center();
    let device_id = egui::TouchDeviceId(7);
    let mut t = 1.0;
    for (step, phase) in [
        (0, egui::TouchPhase::Start),
        (1, egui::TouchPhase::Move),
        (2, egui::TouchPhase::Move),
        (3, egui::TouchPhase::Move),
        (4, egui::TouchPhase::End),
    ] {
        let spread = 40.0 + 40.0 * step as f32;
        // As egui-winit does, the first finger also moves the pointer.
        h.event(Event::PointerMoved(centre + egui::vec2(-spread, 0.0)));
        for (id, sign) in [(0u64, -1.0f32), (1, 1.0)] {
            h.event(Event::Touch {
                device_id,
                id: egui::TouchId(id),
                phase,
                pos: centre + egui::vec2(sign * spread, 0.0),
                force: None,
            });
        }
        t += 0.05;
        at(&mut h, t);
    }
    at(&mut h, t + 0.1);
    let after = h.state().view().expect("drawn");
    assert!(
        after.zoom > before.zoom + 0.5,
        "pinching out zooms in: {} → {}",
        before.zoom,
        after.zoom
    );

    // One finger: a drag moves the map under it.
    let from = centre + egui::vec2(-100.0, 0.0);
    let (lon0, _) = after.screen_to_lon_lat(centre);
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    at(&mut h, t + 0.2);
    for k in 1..=6 {
        h.event(Event::PointerMoved(from + egui::vec2(40.0 * k as f32, 0.0)));
        at(&mut h, t + 0.2 + 0.03 * k as f64);
    }
    h.event(Event::PointerButton {
        pos: from + egui::vec2(240.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    at(&mut h, t + 0.5);
    let moved = h.state().view().expect("drawn");
    let (lon1, _) = moved.screen_to_lon_lat(centre);
    assert!(
        lon1 < lon0,
        "dragging right shows what lies west: {lon0} → {lon1}"
    );
}
