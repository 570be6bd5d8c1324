//! The meshes the map draws are built once and only moved per frame: they match a fresh build
//! of the current data (also after files are closed), and panning or zooming builds none.

mod common;

use std::path::PathBuf;

use common::offline_app;
use egui::{Event, Modifiers, PointerButton, vec2};
use zae_atlas::spatial::{build_band_meshes, mesh_builds};

#[test]
fn cached_meshes_match_a_fresh_build_and_frames_build_none() {
    let mut h = offline_app();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/polygon_with_hole.geojson");
    common::drop_file(&mut h, fixture);
    common::wait_for_loads(&mut h);
    // Close the embedded dataset: the remaining zone must keep its own meshes.
    h.state_mut().push(zae_atlas::Command::CloseFile(0));
    h.run_steps(2);
    h.state_mut().push(zae_atlas::Command::FitAll);
    h.run_steps(2);
    let check = |app: &zae_atlas::ZaeApp| {
        assert_eq!(app.zone_meshes().len(), app.dataset.zones.len());
        for (zone, cached) in app.dataset.zones.iter().zip(app.zone_meshes()) {
            assert_eq!(cached, &build_band_meshes(&zone.geometry), "{}", zone.id);
        }
    };
    check(h.state());

    // Pan and zoom for many frames: no mesh is built.
    let builds = mesh_builds();
    let view_before = h.state().view().expect("drawn");
    let centre = view_before.rect.center();
    for step in 0..40 {
        let from = centre + vec2(step as f32 % 7.0, 0.0);
        h.event(Event::PointerMoved(from));
        h.event(Event::PointerButton {
            pos: from,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::default(),
        });
        h.step();
        let to = from + vec2(25.0, 10.0);
        h.event(Event::PointerMoved(to));
        h.step();
        h.event(Event::PointerButton {
            pos: to,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::default(),
        });
        h.step();
        if step % 10 == 0 {
            h.state_mut().push(zae_atlas::Command::Zoom(
                zae_atlas::map::overlays::ZoomAction::Out,
            ));
        }
    }
    h.run_steps(2);
    let view_after = h.state().view().expect("drawn");
    assert_ne!(
        view_before.center_world, view_after.center_world,
        "the map moved"
    );
    assert!(view_after.zoom < view_before.zoom, "the map zoomed out");
    assert_eq!(mesh_builds(), builds, "frames built meshes");
    check(h.state());
}
