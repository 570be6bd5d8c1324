//! The meshes the map draws are built once and only moved per frame: they match a fresh build
//! of the current data (also after files are closed), and panning or zooming builds none.

mod common;

use std::path::PathBuf;

use common::offline_app;
use egui::{Event, Modifiers, PointerButton, vec2};
use zae_atlas::spatial::{
    STORED_BANDS, build_band_mesh, build_band_meshes_upto, detail_builds, mesh_builds,
};

/// Steps until the worker has built the detailed meshes of the zones in view.
fn wait_for_detail(h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>) {
    let start = std::time::Instant::now();
    h.step();
    while h.state().detail_meshes().pending() > 0
        || !h.state().layer_stats().wanted_detail.is_empty()
    {
        assert!(
            start.elapsed().as_secs() < 20,
            "detail meshes did not arrive"
        );
        h.step();
    }
}

fn drag(
    h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>,
    from: egui::Pos2,
    by: egui::Vec2,
) {
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    h.step();
    h.event(Event::PointerMoved(from + by));
    h.step();
    h.event(Event::PointerButton {
        pos: from + by,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    h.step();
}

#[test]
fn cached_meshes_match_a_fresh_build_and_frames_build_none() {
    let mut h = offline_app();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/polygon_with_hole.geojson");
    common::drop_file(&mut h, fixture);
    common::wait_for_loads(&mut h);
    // Close the embedded dataset: the remaining zone must keep its own meshes.
    let id = h.state().source_id(0).expect("source");
    h.state_mut().push(zae_atlas::Command::CloseFile(id));
    h.run_steps(2);
    h.state_mut().push(zae_atlas::Command::FitAll);
    h.run_steps(2);
    wait_for_detail(&mut h);
    let check = |app: &zae_atlas::ZaeApp| {
        assert_eq!(app.zone_meshes().len(), app.dataset().zones.len());
        let band = app.layer_stats().band;
        for (i, (zone, kept)) in app
            .dataset()
            .zones
            .iter()
            .zip(app.zone_meshes())
            .enumerate()
        {
            assert_eq!(
                kept,
                &build_band_meshes_upto(&zone.geometry(), STORED_BANDS),
                "{}",
                zone.id
            );
            if band >= STORED_BANDS {
                assert_eq!(
                    app.detail_meshes().get(i, band).map(|(mesh, _)| mesh),
                    Some(&build_band_mesh(&zone.geometry(), band)),
                    "detailed band {band} of {}",
                    zone.id
                );
            }
        }
    };
    let band = h.state().layer_stats().band;
    assert!(
        band >= STORED_BANDS,
        "fitted to one zone: a detailed band ({band})"
    );
    check(h.state());

    // Pan for many frames: no mesh is built, kept or detailed.
    let (builds, details) = (mesh_builds(), detail_builds());
    let view_before = h.state().view().expect("drawn");
    let centre = view_before.rect.center();
    for step in 0..30 {
        let by = if step % 2 == 0 {
            vec2(25.0, 10.0)
        } else {
            vec2(-20.0, -8.0)
        };
        drag(&mut h, centre + vec2(step as f32 % 7.0, 0.0), by);
    }
    h.run_steps(2);
    let view_after = h.state().view().expect("drawn");
    assert_ne!(
        view_before.center_world, view_after.center_world,
        "the map moved"
    );
    assert_eq!(mesh_builds(), builds, "panning built kept meshes");
    assert_eq!(detail_builds(), details, "panning built detailed meshes");
    check(h.state());
    // (The check itself builds fresh meshes to compare with.)
    let builds = mesh_builds();

    // Zooming out to the kept bands and back in: nothing is built again but the detailed band
    // of a zoom not seen yet (band 3), once.
    for _ in 0..4 {
        h.state_mut()
            .push(zae_atlas::Command::Zoom(zae_atlas::state::Zoom::Out));
        h.run_steps(2);
        wait_for_detail(&mut h);
        drag(&mut h, centre, vec2(15.0, 5.0));
    }
    assert!(h.state().view().expect("drawn").zoom < view_after.zoom - 3.0);
    h.state_mut().push(zae_atlas::Command::FitAll);
    h.run_steps(2);
    wait_for_detail(&mut h);
    assert_eq!(mesh_builds(), builds, "zooming built kept meshes");
    let new_details = detail_builds() - details;
    assert!(
        new_details <= 1,
        "{new_details} detailed meshes built for one zone's new band"
    );
    check(h.state());
}
