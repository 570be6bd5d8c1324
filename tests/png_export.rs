//! "Save map view as PNG": the app renders (wgpu on Mesa's software Vulkan in CI), crops the
//! map, and writes a PNG with the map's size.

mod common;

use egui_kittest::Harness;
use zae_atlas::{Command, ZaeApp};

#[test]
fn the_map_view_is_saved_as_png() {
    let mut h: Harness<'static, ZaeApp> = Harness::builder()
        .with_size([1024.0, 700.0])
        .wgpu()
        .build_eframe(|cc| ZaeApp::new(&cc.egui_ctx, common::offline(Vec::new())));
    h.run_steps(3);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("view.png");
    h.state_mut().push(Command::ExportPng(out.clone()));
    h.run_steps(4);
    let image = image::open(&out).expect("a PNG was written").to_rgba8();
    if let Some(keep) = std::env::var_os("ZAE_KEEP_PNG") {
        let _ = std::fs::copy(&out, keep);
    }
    let rect = h.state().view().expect("drawn").rect;
    // The map's size in whole pixels.
    assert!(
        (image.width() as f32 - rect.width()).abs() <= 1.0,
        "{} vs {}",
        image.width(),
        rect.width()
    );
    assert!(
        (image.height() as f32 - rect.height()).abs() <= 1.0,
        "{} vs {}",
        image.height(),
        rect.height()
    );
    // Not blank: the plain background and zone colours are both there.
    let distinct: std::collections::HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(distinct.len() > 20, "{} colours", distinct.len());
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.starts_with("Map view saved to"))
    );
}
