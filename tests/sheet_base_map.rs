//! The base map under the sheet's map extract (`zae-atlas sheet --tiles ...`), never from the
//! internet: a tile server of the test's own on 127.0.0.1 serving one colour, a raster PMTiles
//! file written here; a server answering 500 or garbage, one that never answers, a closed port
//! and a vector PMTiles file all still give the sheet, over the context layer, in bounded time.
//! Each run has a home folder of its own, so no saved setting or tile cache leaks in.

mod common;

use std::collections::HashSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::pmtiles_file::{self, tile_of};
use common::tile_server::{TileServer, png_tile};
use pmtiles::TileType;

/// The tile colour: a teal no sheet draws otherwise, to find on the rendered page.
const TEAL: [u8; 3] = [20, 150, 140];
/// Cap Nord's label point, about (the extract is centred on the zone).
const CAP_NORD: (f64, f64) = (5.04, 47.35);

fn solid_png(colour: [u8; 3]) -> Vec<u8> {
    png_tile(|_, _| image::Rgba([colour[0], colour[1], colour[2], 255]))
}

struct Run {
    code: i32,
    out: String,
    took: Duration,
}

/// `zae-atlas sheet ARGS` with `home` as its home folder (no XDG folders of the machine's).
fn sheet_in(home: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("sheet")
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("run zae-atlas");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        took: start.elapsed(),
    }
}

/// The sheet of Cap Nord in French with `tiles`.
fn cap_nord(dir: &Path, tiles: &str, extra: &[&str]) -> (Run, PathBuf) {
    let pdf = dir.join("cap-nord.pdf");
    let mut args = vec![
        "--zone",
        "ZAE Cap Nord",
        "--lang",
        "fr",
        "--to",
        pdf.to_str().expect("utf-8 path"),
        "--tiles",
        tiles,
    ];
    args.extend_from_slice(extra);
    (sheet_in(dir, &args), pdf)
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian package poppler-utils) could not run: {e}"));
    assert!(out.status.success(), "{tool} {args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Of the map area of the page rendered at 72 dpi (a pixel a point: the frame is at x 36..354,
/// from y ≈ 95 for 262 points): the share of pixels near `colour`, and of commune-fill pixels.
fn map_area(pdf: &Path) -> (f64, f64) {
    let dir = pdf.parent().expect("folder");
    let prefix = dir.join("page");
    let pdf_arg = pdf.to_string_lossy();
    let prefix_arg = prefix.to_string_lossy();
    poppler(
        "pdftoppm",
        &[
            "-r",
            "72",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            &pdf_arg,
            &prefix_arg,
        ],
    );
    let png = image::open(dir.join("page.png")).expect("png").to_rgb8();
    let near = |p: [u8; 3], c: [u8; 3]| (0..3).all(|k| p[k].abs_diff(c[k]) <= 12);
    let (mut tile, mut commune, mut total) = (0, 0, 0);
    for y in 130..330 {
        for x in 40..350 {
            let p = png.get_pixel(x, y).0;
            total += 1;
            tile += usize::from(near(p, TEAL));
            commune += usize::from(near(p, [0xF5, 0xF3, 0xEE]));
        }
    }
    (tile as f64 / total as f64, commune as f64 / total as f64)
}

fn text_of(pdf: &Path) -> String {
    poppler("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"])
}

/// Tile requests as (z, x, y), from paths /z/x/y.png.
fn requested(server: &TileServer) -> Vec<(u8, u32, u32)> {
    server
        .urls()
        .iter()
        .filter_map(|u| {
            let parts: Vec<&str> = u.trim_start_matches('/').split('/').collect();
            match parts.as_slice() {
                [z, x, y] => Some((
                    z.parse().ok()?,
                    x.parse().ok()?,
                    y.trim_end_matches(".png").parse().ok()?,
                )),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn the_sheet_draws_the_base_map_from_a_tile_server() {
    let dir = tempfile::tempdir().expect("tmp");
    let server = TileServer::start(solid_png(TEAL), |p| p.ends_with(".png"));
    let template = format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", server.port);
    let (run, pdf) = cap_nord(dir.path(), &template, &[]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(!run.out.contains("base map not drawn"), "{}", run.out);
    let (tile, commune) = map_area(&pdf);
    assert!(
        tile > 0.4,
        "{:.0} % of the map area is the tile colour",
        tile * 100.0
    );
    assert!(
        commune < 0.01,
        "the context layer is drawn over the base map"
    );
    // The tiles of the extract at zoom 14 (150 dpi over 318 points needs about 660 tile
    // pixels across the ~6 km extract), each asked for once, with our User-Agent.
    let tiles = requested(&server);
    let distinct: HashSet<_> = tiles.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        tiles.len(),
        "a tile asked for twice: {tiles:?}"
    );
    assert!((6..=30).contains(&tiles.len()), "{tiles:?}");
    let (cx, cy) = tile_of(CAP_NORD.0, CAP_NORD.1, 14);
    for &(z, x, y) in &tiles {
        assert_eq!(z, 14, "{tiles:?}");
        assert!(
            x.abs_diff(cx) <= 3 && y.abs_diff(cy) <= 3,
            "{tiles:?} around {cx}/{cy}"
        );
    }
    let seen = server.seen.lock().expect("lock");
    assert!(
        seen.iter()
            .all(|(_, ua)| ua.as_deref().is_some_and(|ua| ua.starts_with("zae-atlas/")))
    );
    // The attribution is the tile server's, in French.
    let text = text_of(&pdf);
    assert!(text.contains("Tuiles"), "{text}");
    assert!(
        text.contains(&format!("127.0.0.1:{}", server.port)),
        "{text}"
    );
    assert!(!text.contains("Admin Express"), "{text}");
}

/// Writes a PMTiles archive of `tile_type` tiles (`bytes` each) over the métropole, zooms
/// 10 to 14.
fn write_archive(path: &Path, tile_type: TileType, bytes: &[u8]) {
    pmtiles_file::write_archive(
        path,
        tile_type,
        10..=14,
        [4.89, 47.21, 5.21, 47.40],
        |_, _, _| bytes.to_vec(),
    );
}

#[test]
fn the_sheet_draws_the_base_map_from_a_raster_pmtiles_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let archive = dir.path().join("dijon.pmtiles");
    write_archive(&archive, TileType::Png, &solid_png(TEAL));
    let (run, pdf) = cap_nord(dir.path(), &archive.to_string_lossy(), &["--offline"]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(!run.out.contains("base map not drawn"), "{}", run.out);
    let (tile, commune) = map_area(&pdf);
    assert!(
        tile > 0.4,
        "{:.0} % of the map area is the tile colour",
        tile * 100.0
    );
    assert!(commune < 0.01);
    assert!(text_of(&pdf).contains("OpenStreetMap"));
}

#[test]
fn a_vector_pmtiles_file_gives_the_context_layer_and_says_why() {
    let dir = tempfile::tempdir().expect("tmp");
    let archive = dir.path().join("vector.pmtiles");
    write_archive(&archive, TileType::Mvt, b"\x1a\x00");
    let (run, pdf) = cap_nord(dir.path(), &archive.to_string_lossy(), &[]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(run.out.contains("vector tiles"), "{}", run.out);
    let (tile, commune) = map_area(&pdf);
    assert!(tile < 0.01);
    assert!(commune > 0.1, "{:.0} % commune fill", commune * 100.0);
    assert!(text_of(&pdf).contains("Admin Express"));
}

/// The sheet comes out over the context layer, within a bounded time, saying why.
fn falls_back(dir: &Path, template: &str, why: &str) {
    let (run, pdf) = cap_nord(dir, template, &[]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(run.out.contains("base map not drawn"), "{}", run.out);
    assert!(run.out.contains(why), "{why}? {}", run.out);
    assert!(run.took < Duration::from_secs(20), "{:?}", run.took);
    let (tile, commune) = map_area(&pdf);
    assert!(tile < 0.01);
    assert!(commune > 0.1, "{:.0} % commune fill", commune * 100.0);
}

#[test]
fn a_failing_server_garbage_a_silent_server_or_a_closed_port_give_the_context_layer() {
    let dir = tempfile::tempdir().expect("tmp");
    let failing = TileServer::failing(500);
    let url = |port: u16| format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png");
    falls_back(dir.path(), &url(failing.port), "HTTP 500");
    assert!(!failing.urls().is_empty());

    let garbage = TileServer::start(b"<html>not a tile</html>".to_vec(), |_| true);
    falls_back(dir.path(), &url(garbage.port), "not an image");

    // Accepts connections and never answers: the whole fetch gives up after a few seconds.
    let silent = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = silent.local_addr().expect("addr").port();
    let held = std::thread::spawn(move || {
        let mut streams = Vec::new();
        silent.set_nonblocking(true).expect("nonblocking");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(25) {
            match silent.accept() {
                Ok((s, _)) => streams.push(s),
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    let start = Instant::now();
    falls_back(dir.path(), &url(port), "tiles did not come");
    assert!(
        start.elapsed() >= Duration::from_secs(3),
        "gave up before the timeout"
    );
    drop(held);

    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    falls_back(dir.path(), &url(port), "could not connect");
}

#[test]
fn offline_no_tile_is_asked_for() {
    let dir = tempfile::tempdir().expect("tmp");
    let server = TileServer::start(solid_png(TEAL), |_| true);
    let template = format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", server.port);
    let (run, _) = cap_nord(dir.path(), &template, &["--offline"]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(run.out.contains("offline"), "{}", run.out);
    assert!(server.urls().is_empty(), "{:?}", server.urls());
}

#[test]
fn without_tiles_the_window_base_map_of_the_config_file_is_used() {
    let home = tempfile::tempdir().expect("tmp");
    let server = TileServer::start(solid_png(TEAL), |_| true);
    let paths = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("paths")
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("paths");
    let paths = String::from_utf8_lossy(&paths.stdout).into_owned();
    let config = paths
        .lines()
        .find_map(|l| l.strip_prefix("config file:"))
        .map(|p| PathBuf::from(p.trim()))
        .expect("config path");
    assert!(config.starts_with(home.path()), "{paths}");
    std::fs::create_dir_all(config.parent().expect("folder")).expect("mkdir");
    std::fs::write(
        &config,
        format!(
            "tiles = \"http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png\"\n",
            server.port
        ),
    )
    .expect("config");
    let pdf = home.path().join("all.pdf");
    let run = sheet_in(
        home.path(),
        &[
            "--all",
            "--filter",
            "commune = Longvic",
            "--to",
            &pdf.to_string_lossy(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(!run.out.contains("base map not drawn"), "{}", run.out);
    assert!(!server.urls().is_empty());
}
