//! Helpers shared by the UI tests: an app harness with no network, pointer clicks by position.

#![allow(dead_code)]

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::{AppConfig, ZaeApp};

pub const SIZE: [f32; 2] = [1280.0, 800.0];

pub fn harness_with(config: AppConfig) -> Harness<'static, ZaeApp> {
    Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config))
}

/// The app on the embedded dataset, with no base map (tests never reach the internet).
pub fn offline_app() -> Harness<'static, ZaeApp> {
    let mut h = harness_with(AppConfig {
        files: Vec::new(),
        tiles: TileChoice::None,
        tile_cache: None,
    });
    // First frames: layout, then the view is fitted to the zones.
    h.run_steps(3);
    h
}

pub fn click_at(h: &mut Harness<'_, ZaeApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
        h.step();
    }
    h.run_steps(2);
}

/// The app restarted with what a previous session saved.
pub fn harness_with_restore(saved: zae_atlas::app::Persisted) -> Harness<'static, ZaeApp> {
    Harness::builder().with_size(SIZE).build_eframe(move |cc| {
        ZaeApp::restore(
            &cc.egui_ctx,
            AppConfig {
                files: Vec::new(),
                tiles: TileChoice::None,
                tile_cache: None,
            },
            Some(saved),
        )
    })
}
