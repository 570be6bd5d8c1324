//! The base map presets (OpenStreetMap, Plan IGN v2, IGN orthophotos) served by a tile server
//! of our own on 127.0.0.1, never the internet: each asks for its tiles in its documented URL
//! form (path and query), each caches in its own folder, and each shows its attribution.

mod common;

use std::time::{Duration, Instant};

use common::harness_with;
use common::pmtiles_file::tile_of;
use common::tile_server::{TileServer, png_tile};
use egui_kittest::kittest::Queryable;
use zae_atlas::AppConfig;
use zae_atlas::map::tiles::{Preset, TileChoice, TileStatus, cache_usage};

/// Answers every request with a PNG tile and notes its path and query.
fn start_server() -> TileServer {
    TileServer::start(png_tile(|_, _| image::Rgba([200, 220, 200, 255])), |_| true)
}

/// What the server must have been asked for tile z/x/y of `preset` (path and query).
fn expected_request(preset: Preset, z: u32, x: u32, y: u32) -> String {
    let url = preset
        .template(Some("http://127.0.0.1"))
        .replace("{z}", &z.to_string())
        .replace("{x}", &x.to_string())
        .replace("{y}", &y.to_string());
    url.trim_start_matches("http://127.0.0.1").to_string()
}

fn shows_its_tiles_and_attribution(choice: TileChoice, attribution: &str) {
    let preset = choice.preset().expect("a preset");
    let server = start_server();
    let cache = tempfile::tempdir().expect("temp dir");
    let mut h = harness_with(AppConfig {
        tiles: choice.clone(),
        tile_cache: Some(cache.path().to_path_buf()),
        tile_origin: Some(format!("http://127.0.0.1:{}", server.port)),
        ..common::offline(Vec::new())
    });
    let start = Instant::now();
    while h.state().tile_status() != TileStatus::Ok {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "tiles never showed"
        );
        h.step();
    }
    h.step();
    let seen = server.urls();
    assert!(!seen.is_empty());
    let view = h.state().view().expect("drawn");
    let (lon, lat) = view.screen_to_lon_lat(view.rect.center());
    // Every request has the preset's form, and the tile under the map's centre was asked for
    // at one of the zoom levels requested.
    let zooms: std::collections::BTreeSet<u32> = seen
        .iter()
        .filter_map(|url| {
            let (z, x, y) = match preset {
                Preset::OpenStreetMap => {
                    let p: Vec<&str> = url.trim_start_matches('/').split('/').collect();
                    (p.first()?.parse().ok()?, 0, 0)
                }
                _ => {
                    let q = |key: &str| -> Option<u32> {
                        url.split(['?', '&'])
                            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))?
                            .parse()
                            .ok()
                    };
                    (q("TILEMATRIX")?, q("TILECOL")?, q("TILEROW")?)
                }
            };
            if preset != Preset::OpenStreetMap {
                assert_eq!(url, &expected_request(preset, z, x, y), "request form");
            }
            Some(z)
        })
        .collect();
    assert!(!zooms.is_empty(), "{seen:?}");
    let centre_asked = zooms.iter().any(|&z| {
        let (x, y) = tile_of(lon, lat, u8::try_from(z).expect("a zoom level"));
        seen.contains(&expected_request(preset, z, x, y))
    });
    assert!(
        centre_asked,
        "centre tile at zooms {zooms:?} not in {seen:?}"
    );
    h.get_by_label(attribution);
    // The tiles went to the preset's own cache folder.
    drop(h);
    let folder = cache.path().join(choice.cache_folder().expect("folder"));
    let start = Instant::now();
    while cache_usage(&folder).1 == 0 && start.elapsed() < Duration::from_secs(20) {
        // The window is closed: nothing to step, and the cache gives no signal when the tile
        // client's threads have written it. A short pause between looks cannot be avoided.
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        cache_usage(&folder).1 > 0,
        "nothing cached in {}",
        folder.display()
    );
}

#[test]
fn plan_ign_tiles_come_from_the_geoplateforme_wmts() {
    shows_its_tiles_and_attribution(TileChoice::PlanIgn, "© IGN – Licence Ouverte (Etalab 2.0)");
}

#[test]
fn ign_orthophotos_come_from_the_geoplateforme_wmts() {
    shows_its_tiles_and_attribution(TileChoice::OrthoIgn, "© IGN – Licence Ouverte (Etalab 2.0)");
}

#[test]
fn openstreetmap_tiles_and_credit() {
    shows_its_tiles_and_attribution(TileChoice::OpenStreetMap, "© OpenStreetMap contributors");
}
