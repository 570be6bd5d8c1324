//! Base map tiles against a tile server of our own on 127.0.0.1 (never the internet): the app
//! asks for the configured template with its User-Agent, shows the tiles, and says "offline"
//! when the server cannot be reached.

mod common;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::harness_with;
use common::tile_server::{TileServer, png_tile};
use egui_kittest::kittest::Queryable;
use zae_atlas::AppConfig;
use zae_atlas::map::tiles::{TileChoice, TileStatus, cache_usage, trim_cache};

/// A light grey tile with a darker grid line, served for every `/z/x/y.png` (404 otherwise).
fn start_server() -> TileServer {
    let png = png_tile(|x, y| {
        if x % 64 == 0 || y % 64 == 0 {
            image::Rgba([150, 150, 150, 255])
        } else {
            image::Rgba([235, 235, 230, 255])
        }
    });
    TileServer::start(png, |path| {
        path.ends_with(".png") && path.split('/').count() == 4
    })
}

/// The contact the config file of the User-Agent test gives.
const CONTACT: &str = "sig@metropole-dijon.fr";

fn app_with_template(template: String) -> egui_kittest::Harness<'static, zae_atlas::ZaeApp> {
    let mut config = AppConfig {
        files: Vec::new(),
        tiles: TileChoice::Template(template),
        tile_cache: None,
        ..AppConfig::default()
    };
    config.settings.contact = Some(CONTACT.to_string());
    harness_with(config)
}

/// Steps the app in real time until `done` holds, or panics after `limit`.
fn step_until(
    h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>,
    limit: Duration,
    what: &str,
    mut done: impl FnMut(&zae_atlas::ZaeApp) -> bool,
) {
    let start = Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        h.step();
    }
}

#[test]
fn tiles_come_from_the_template_with_our_user_agent() {
    let server = start_server();
    let template = format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", server.port);
    let mut h = app_with_template(template);
    step_until(&mut h, Duration::from_secs(20), "tiles to show", |app| {
        app.tile_status() == TileStatus::Ok
    });
    let seen = server.seen.lock().expect("lock").clone();
    assert!(!seen.is_empty());
    let zoom = h.state().view().expect("drawn").zoom.round() as u32;
    let expected = format!(
        "zae-atlas/{} ({}; +{CONTACT})",
        zae_atlas::identity::VERSION,
        std::env::consts::OS
    );
    for (path, ua) in &seen {
        assert_eq!(
            ua.as_deref(),
            Some(expected.as_str()),
            "User-Agent of {path}"
        );
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        assert_eq!(parts.len(), 3, "{path}");
        let z: u32 = parts[0].parse().expect("zoom");
        assert!(
            z.abs_diff(zoom) <= 1,
            "tile zoom {z} for a map at zoom {zoom}"
        );
    }
    // The status bar is drawn before the map: one more frame shows the new status.
    h.step();
    assert!(
        h.query_by_label("Map tiles unavailable (offline)")
            .is_none()
    );
    h.get_by_label("Base map: online");
}

#[test]
fn a_closed_port_shows_the_offline_banner_and_the_zones() {
    // Bind, note the port, close it: connections are refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let mut h = app_with_template(format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"));
    step_until(
        &mut h,
        Duration::from_secs(20),
        "the offline state",
        |app| app.tile_status() == TileStatus::Offline,
    );
    h.run_steps(2);
    h.get_by_label("Map tiles unavailable (offline)");
    h.get_by_label("Retry");
    assert!(h.state().tile_requests() > 0);
    assert_eq!(
        h.state().zones_drawn(),
        h.state().dataset().zones.len(),
        "zones still drawn"
    );
}

/// The port of a template on 127.0.0.1.
fn template_port(template: &str) -> &str {
    template
        .trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap_or_default()
}

fn app_with_cache(
    template: String,
    cache: &std::path::Path,
) -> egui_kittest::Harness<'static, zae_atlas::ZaeApp> {
    harness_with(AppConfig {
        tiles: TileChoice::Template(template),
        tile_cache: Some(cache.to_path_buf()),
        ..AppConfig::default()
    })
}

#[test]
fn cached_tiles_show_after_a_restart_with_no_network_and_the_cache_is_trimmed() {
    let cache = tempfile::tempdir().expect("temp dir");
    let server = start_server();
    let template = format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", server.port);
    {
        let mut h = app_with_cache(template.clone(), cache.path());
        step_until(&mut h, Duration::from_secs(20), "tiles to show", |app| {
            app.tile_status() == TileStatus::Ok
        });
        // Let the tiles in flight land in the cache: until its count holds for 300 ms. The tile
        // client's threads write it and give no signal when they are done (not every tile
        // served is kept), so a quiet time is the only sign; a short pause between looks cannot
        // be avoided.
        let start = Instant::now();
        let (mut count, mut since) = (0, Instant::now());
        while start.elapsed() < Duration::from_secs(30) {
            h.step();
            std::thread::sleep(Duration::from_millis(20));
            let now = cache_usage(cache.path()).1;
            if now != count {
                (count, since) = (now, Instant::now());
            } else if count > 0 && since.elapsed() > Duration::from_millis(300) {
                break;
            }
        }
    }
    let served = server.seen.lock().expect("lock").len();
    let mut urls = server.urls();
    urls.sort();
    urls.dedup();
    drop(server);
    let (bytes, tiles) = cache_usage(cache.path());
    assert!(
        tiles > 0 && bytes > 0,
        "{tiles} tiles, {bytes} bytes cached"
    );
    // The sheets read this cache too: every tile kept is found by its URL, as the PNG served.
    let choice = TileChoice::Template(template.clone());
    let origin = format!("http://127.0.0.1:{}", template_port(&template));
    let found: Vec<Vec<u8>> = urls
        .iter()
        .filter_map(|path| {
            zae_atlas::sheet::basemap::cached_tile(
                cache.path(),
                &choice,
                &format!("{origin}{path}"),
            )
        })
        .collect();
    assert_eq!(
        found.len(),
        tiles,
        "{} of {tiles} cached tiles found",
        found.len()
    );
    for png in &found {
        let decoded = image::load_from_memory(png).expect("a cached tile is the PNG served");
        assert_eq!((decoded.width(), decoded.height()), (256, 256));
    }

    // Restart with the server gone (connections refused): the same view shows from the cache.
    let mut h = app_with_cache(template, cache.path());
    step_until(
        &mut h,
        Duration::from_secs(20),
        "cached tiles to show",
        |app| {
            assert_ne!(
                app.tile_status(),
                TileStatus::Offline,
                "cached tiles called offline"
            );
            app.tile_status() == TileStatus::Ok
        },
    );
    assert!(served >= tiles);
    drop(h);

    // Trimmed to half its size: the oldest tiles go, the cache stays readable.
    let limit = bytes / 2;
    let removed = trim_cache(cache.path(), limit);
    let (after, left) = cache_usage(cache.path());
    assert!(after <= limit, "{after} bytes left over a {limit} limit");
    assert_eq!(after, bytes - removed);
    assert!(left > 0 && left < tiles);
    assert_eq!(trim_cache(cache.path(), limit), 0, "nothing more to trim");
}
