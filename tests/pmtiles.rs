//! Offline base map: a PMTiles archive the test writes itself (generated raster tiles over
//! Dijon) is drawn with no network at all; a broken archive is named, and the zones still show.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tile_server::png_tile;
use common::{SIZE, harness_with, pmtiles_file};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pmtiles::TileType;
use zae_atlas::map::tiles::{PmTilesInfo, TileChoice, TileStatus};
use zae_atlas::{AppConfig, ZaeApp};

/// The tile colour: a magenta no map has, to find it on screen.
const TILE: [u8; 3] = [200, 40, 160];

fn png() -> Vec<u8> {
    png_tile(|_, _| image::Rgba([TILE[0], TILE[1], TILE[2], 255]))
}

/// Writes a PMTiles archive of PNG tiles covering the métropole, zooms 0 to 14.
fn write_archive(path: &Path) {
    let png = png();
    pmtiles_file::write_archive(
        path,
        TileType::Png,
        0..=14,
        [4.89, 47.21, 5.21, 47.40],
        |_, _, _| png.clone(),
    );
}

/// Steps until the base map shows tiles (20 s at most).
fn wait_for_tiles(h: &mut Harness<'static, ZaeApp>, what: &str) {
    let start = Instant::now();
    while h.state().tile_status() != TileStatus::Ok {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what} did not show"
        );
        h.step();
    }
    h.run_steps(3);
}

/// How many of 20×20 points spread over the map show `colour` (each channel within
/// `tolerance`), in a rendered frame.
fn samples_of(h: &mut Harness<'static, ZaeApp>, colour: [u8; 3], tolerance: u8) -> usize {
    let image = h.render().expect("rendered");
    let view = h.state().view().expect("drawn").rect;
    let ppp = h.ctx.pixels_per_point();
    (0..20)
        .flat_map(|i| (0..20).map(move |j| (i, j)))
        .filter(|&(i, j)| {
            let x = (view.min.x + view.width() * (i as f32 + 0.5) / 20.0) * ppp;
            let y = (view.min.y + view.height() * (j as f32 + 0.5) / 20.0) * ppp;
            let p = image.get_pixel(x as u32, y as u32).0;
            p[..3]
                .iter()
                .zip(colour)
                .all(|(a, b)| a.abs_diff(b) <= tolerance)
        })
        .count()
}

/// [`samples_of`] once the tiles in view have all arrived: the first tile shown is not the
/// last one loaded, so frames are drawn until `done` holds (10 s at most); the last count.
fn samples_once_loaded(
    h: &mut Harness<'static, ZaeApp>,
    colour: [u8; 3],
    tolerance: u8,
    done: impl Fn(usize) -> bool,
) -> usize {
    let start = Instant::now();
    loop {
        let n = samples_of(h, colour, tolerance);
        if done(n) || start.elapsed() > Duration::from_secs(10) {
            return n;
        }
        h.run_steps(2);
    }
}

fn app(tiles: TileChoice) -> Harness<'static, ZaeApp> {
    harness_with(AppConfig {
        tiles,
        ..common::offline(Vec::new())
    })
}

#[test]
fn a_pmtiles_archive_is_drawn_with_no_network() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dijon.pmtiles");
    write_archive(&path);
    assert_eq!(
        PmTilesInfo::read(&path),
        Ok(PmTilesInfo {
            vector: false,
            min_zoom: 0,
            max_zoom: 14
        })
    );
    let mut h: Harness<'static, ZaeApp> = Harness::builder().with_size(SIZE).wgpu().build_eframe({
        let path = path.clone();
        move |cc| {
            ZaeApp::new(
                &cc.egui_ctx,
                AppConfig {
                    tiles: TileChoice::PmTiles(path),
                    ..common::offline(Vec::new())
                },
            )
        }
    });
    wait_for_tiles(&mut h, "tiles from the archive");
    assert_eq!(h.state().tile_requests(), 0, "no HTTP request");
    h.get_by_label("Base map: dijon.pmtiles");
    h.get_by_label("© OpenStreetMap contributors");
    assert!(
        h.query_by_label("Map tiles unavailable (offline)")
            .is_none()
    );

    // The archive's colour covers the map between the zones.
    let magenta = samples_once_loaded(&mut h, TILE, 6, |n| n > 200);
    assert!(
        magenta > 200,
        "{magenta} of 400 samples show the archive's tiles"
    );
}

#[test]
fn a_broken_archive_is_named_and_the_zones_still_show() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join("broken.pmtiles");
    std::fs::write(&path, b"{\"type\": \"FeatureCollection\"} and more text to pass 127 bytes ........................................................................").expect("write");
    let mut h = app(TileChoice::PmTiles(path.clone()));
    h.run_steps(4);
    let errors = &h.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("broken.pmtiles") && errors[0].contains("not a PMTiles file"));
    assert_eq!(h.state().tile_status(), TileStatus::Disabled);
    assert_eq!(h.state().zones_drawn(), h.state().dataset().zones.len());

    let short = dir.path().join("short.pmtiles");
    std::fs::write(&short, b"PMTiles").expect("write");
    let e = PmTilesInfo::read(&short).expect_err("too short");
    assert!(
        e.contains("short.pmtiles") && e.contains("too short"),
        "{e}"
    );
    let missing = PmTilesInfo::read(&dir.path().join("none.pmtiles")).expect_err("missing");
    assert!(missing.contains("none.pmtiles"), "{missing}");
}

#[test]
fn a_dropped_archive_becomes_the_base_map_and_is_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("booth.pmtiles");
    write_archive(&path);
    let mut h = app(TileChoice::None);
    h.run_steps(2);
    common::drop_file(&mut h, path.clone());
    h.run_steps(3);
    assert_eq!(
        h.state().base_map_choice(),
        &TileChoice::PmTiles(path.clone())
    );
    assert!(h.state().dataset().files.len() == 1 && !h.state().is_loading());
    let saved = h.state_mut().persisted();
    assert_eq!(saved.settings.tiles.as_deref(), path.to_str());
}

/// The vector archive of tests/data/pmtiles (made by make_vector_pmtiles.py): every tile half
/// `water`, half `earth`, drawn by walkers' renderer with the light Protomaps style.
#[test]
fn a_vector_archive_is_drawn_with_the_light_style() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pmtiles/vector.pmtiles");
    let info = PmTilesInfo::read(&path).expect("reads");
    assert!(info.vector);
    let mut h: Harness<'static, ZaeApp> =
        Harness::builder()
            .with_size(SIZE)
            .wgpu()
            .build_eframe(move |cc| {
                walkers::install_renderer(cc.wgpu_render_state.as_ref());
                ZaeApp::new(
                    &cc.egui_ctx,
                    AppConfig {
                        tiles: TileChoice::PmTiles(path),
                        ..common::offline(Vec::new())
                    },
                )
            });
    wait_for_tiles(&mut h, "vector tiles");
    // The style's water colour, #88b2e2.
    let water = [0x88u8, 0xb2, 0xe2];
    let blue = samples_once_loaded(&mut h, water, 8, |n| (100..=300).contains(&n));
    assert!(
        (100..=300).contains(&blue),
        "about half the map is water: {blue} of 400 samples"
    );
}
