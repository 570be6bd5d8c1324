//! An idle window asks for no frame: once a big file is loaded and its detailed meshes are
//! built, nothing schedules a repaint (0 % CPU until someone moves the mouse).

mod common;

#[path = "../benches/common/mod.rs"]
mod parks;

use std::time::{Duration, Instant};

use common::{harness_with, offline, wait_for_loads};
use egui::ViewportId;
use egui_kittest::Harness;
use zae_atlas::ZaeApp;

/// The delay before the frame the app last asked for (`Duration::MAX`: none).
fn repaint_delay(h: &Harness<'static, ZaeApp>) -> Duration {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map_or(Duration::ZERO, |v| v.repaint_delay)
}

/// Steps until the app asks for no frame and the detail worker has answered, 20 s at most.
fn settle(h: &mut Harness<'static, ZaeApp>) -> u32 {
    let start = Instant::now();
    let mut frames = 0;
    while repaint_delay(h) != Duration::MAX || h.state().detail_meshes().pending() > 0 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still asking for frames after {frames}: next in {:?}",
            repaint_delay(h)
        );
        // The detail meshes are built on a worker thread; its results wake the window.
        h.step();
        frames += 1;
    }
    frames
}

#[test]
fn an_idle_window_of_many_zones_asks_for_no_frame() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.geojson");
    std::fs::write(&path, parks::parks_geojson(5_000, 3)).expect("write");
    let mut h = harness_with(offline(vec![path]));
    wait_for_loads(&mut h);
    settle(&mut h);
    // Idle: more frames (as the system may draw for its own reasons) still ask for none.
    for _ in 0..5 {
        h.step();
        assert_eq!(
            repaint_delay(&h),
            Duration::MAX,
            "an idle frame asked for another"
        );
    }
    // Zoomed in (detailed meshes asked of the worker, then drawn): idle again once they are in.
    for _ in 0..3 {
        h.state_mut()
            .push(zae_atlas::Command::Zoom(zae_atlas::state::Zoom::In));
        // The command is applied after the frame that took it; the next draws the new view.
        h.run_steps(2);
    }
    let detail = h.state().detail_meshes();
    assert!(
        detail.pending() + detail.len() > 0,
        "zoomed in, the detailed band is asked for"
    );
    settle(&mut h);
    h.step();
    assert_eq!(
        repaint_delay(&h),
        Duration::MAX,
        "{:?}",
        h.ctx.repaint_causes()
    );
}
