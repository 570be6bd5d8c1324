//! Base map tiles: OpenStreetMap (default), Plan IGN v2 and the IGN orthophotos (see
//! [`super::presets`]), any XYZ template, a local PMTiles archive (raster or vector), or none. Watches whether tiles actually arrive, so the map can say plainly when they
//! are offline. The HTTP tile cache on disk is trimmed to a size limit.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use walkers::sources::{Attribution, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, PmTiles, Stats, TileId, TilePiece, Tiles};

pub use crate::basemap::{OSM_TEMPLATE, Preset, TileChoice, TileStatus, host_of};

/// With no tile arriving for this long after the first request, tiles are called offline.
const OFFLINE_AFTER: Duration = Duration::from_secs(6);
/// Failing must last this long before the banner shows (no flash while a request is queued).
const FAILING_FOR: Duration = Duration::from_millis(800);

/// An XYZ template as a walkers tile source; counts the tiles it was asked for.
struct TemplateSource {
    template: String,
    max_zoom: u8,
    requested: Arc<AtomicUsize>,
}

impl TileSource for TemplateSource {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.requested.fetch_add(1, Ordering::Relaxed);
        self.template
            .replace("{z}", &tile_id.zoom.to_string())
            .replace("{x}", &tile_id.x.to_string())
            .replace("{y}", &tile_id.y.to_string())
    }

    fn max_zoom(&self) -> u8 {
        self.max_zoom
    }

    fn attribution(&self) -> Attribution {
        // Drawn by the app's own overlay, which knows the source.
        Attribution {
            text: "",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }
}

/// HTTP tiles with a disk cache, plus the bookkeeping that tells whether they arrive.
pub struct BaseMap {
    choice: TileChoice,
    /// The cache root; each base map caches in a folder of its own below it.
    cache_dir: Option<PathBuf>,
    /// Sent with every tile request (the OSM tile policy requires a real one): see
    /// [`crate::identity::user_agent`].
    user_agent: HeaderValue,
    /// Tests: where the presets are served from instead of their real servers.
    origin: Option<String>,
    tiles: Option<Box<dyn Tiles>>,
    /// Why the chosen tiles could not be used (a broken PMTiles file...).
    error: Option<String>,
    requested: Arc<AtomicUsize>,
    created: Instant,
    /// Tiles asked for and tiles available in the frame being drawn.
    frame_asked: usize,
    frame_available: usize,
    ever_available: bool,
    failing_since: Option<Instant>,
    status: TileStatus,
}

impl BaseMap {
    /// `user_agent` names the program and the contact of the config file
    /// ([`crate::identity::user_agent`]); one that cannot be a header value is replaced by the
    /// program's name and version alone.
    pub fn new(
        choice: TileChoice,
        cache_dir: Option<PathBuf>,
        user_agent: &str,
        ctx: &egui::Context,
    ) -> Self {
        Self::new_at(choice, cache_dir, None, user_agent, ctx)
    }

    /// [`Self::new`], with the presets served from `origin` (tests use 127.0.0.1).
    pub fn new_at(
        choice: TileChoice,
        cache_dir: Option<PathBuf>,
        origin: Option<String>,
        user_agent: &str,
        ctx: &egui::Context,
    ) -> Self {
        let user_agent = HeaderValue::from_str(user_agent).unwrap_or_else(|_| {
            log::warn!("User-Agent {user_agent:?} is not a valid header value: sent without it");
            HeaderValue::from_static(concat!("zae-atlas/", env!("CARGO_PKG_VERSION")))
        });
        let mut base = Self {
            choice,
            cache_dir,
            user_agent,
            origin,
            tiles: None,
            error: None,
            requested: Arc::new(AtomicUsize::new(0)),
            created: Instant::now(),
            frame_asked: 0,
            frame_available: 0,
            ever_available: false,
            failing_since: None,
            status: TileStatus::Disabled,
        };
        base.connect(ctx);
        base
    }

    /// (Re)creates the HTTP tile client: at start, and when the user asks to retry.
    pub fn connect(&mut self, ctx: &egui::Context) {
        self.requested = Arc::new(AtomicUsize::new(0));
        self.created = Instant::now();
        self.ever_available = false;
        self.failing_since = None;
        self.error = None;
        self.tiles = match &self.choice {
            TileChoice::PmTiles(path) => match PmTilesInfo::read(path) {
                Ok(info) => Some(Box::new(info.open(path, ctx)) as Box<dyn Tiles>),
                Err(e) => {
                    self.error = Some(e);
                    None
                }
            },
            choice => choice.template_at(self.origin.as_deref()).map(|template| {
                let source = TemplateSource {
                    template,
                    max_zoom: choice.preset().map_or(19, Preset::max_zoom),
                    requested: self.requested.clone(),
                };
                let cache = match (&self.cache_dir, choice.cache_folder()) {
                    (Some(root), Some(folder)) => Some(root.join(folder)),
                    (root, _) => root.clone(),
                };
                let options = HttpOptions {
                    cache,
                    user_agent: Some(self.user_agent.clone()),
                    ..HttpOptions::default()
                };
                Box::new(HttpTiles::with_options(source, options, ctx.clone())) as Box<dyn Tiles>
            }),
        };
        self.status = if self.tiles.is_some() {
            TileStatus::Loading
        } else {
            TileStatus::Disabled
        };
    }

    pub fn choice(&self) -> &TileChoice {
        &self.choice
    }

    /// Why the chosen base map could not be used, if it could not.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The PMTiles file drawn, if the base map is one.
    pub fn file_name(&self) -> Option<String> {
        match &self.choice {
            TileChoice::PmTiles(p) if self.tiles.is_some() => Some(crate::io::display_name(p)),
            _ => None,
        }
    }

    pub fn status(&self) -> TileStatus {
        self.status
    }

    /// Tile requests sent so far (since the last connect).
    pub fn requested(&self) -> usize {
        self.requested.load(Ordering::Relaxed)
    }

    /// The tiles layer for this frame, if any.
    pub fn layer(&mut self) -> Option<&mut dyn Tiles> {
        self.frame_asked = 0;
        self.frame_available = 0;
        if self.tiles.is_some() {
            Some(self as &mut dyn Tiles)
        } else {
            None
        }
    }

    /// After the map was drawn: decide whether tiles are coming.
    pub fn end_frame(&mut self) {
        let Some(tiles) = &self.tiles else {
            self.status = TileStatus::Disabled;
            return;
        };
        let in_progress = tiles.stats().in_progress;
        let requested = self.requested();
        // Everything asked for has finished and nothing is there to draw, or nothing at all
        // arrived for a while: tiles are failing.
        let failing = (requested > 0
            && in_progress == 0
            && self.frame_asked > 0
            && self.frame_available == 0)
            || (!self.ever_available && requested > 0 && self.created.elapsed() > OFFLINE_AFTER);
        if failing {
            let since = *self.failing_since.get_or_insert_with(Instant::now);
            self.status = if since.elapsed() >= FAILING_FOR {
                TileStatus::Offline
            } else {
                TileStatus::Loading
            };
        } else {
            self.failing_since = None;
            self.status = if self.frame_available > 0 {
                TileStatus::Ok
            } else {
                TileStatus::Loading
            };
        }
    }
}

impl Tiles for BaseMap {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.tiles.as_mut()?.at(tile_id);
        self.frame_asked += 1;
        if piece.is_some() {
            self.frame_available += 1;
            self.ever_available = true;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        self.tiles.as_ref().map_or(256, |t| t.tile_size())
    }

    fn stats(&self) -> Stats {
        self.tiles.as_ref().map(|t| t.stats()).unwrap_or_default()
    }
}

/// What a PMTiles archive holds, from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PmTilesInfo {
    /// Vector (MVT) tiles, drawn with a light base map style; otherwise raster images.
    pub vector: bool,
    pub min_zoom: u8,
    pub max_zoom: u8,
}

impl PmTilesInfo {
    /// Reads and checks the header (PMTiles version 3), so a wrong file is named at once
    /// instead of failing tile by tile.
    pub fn read(path: &Path) -> Result<PmTilesInfo, String> {
        use std::io::Read;
        let name = path.display();
        let mut header = [0u8; 127];
        let mut file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        file.read_exact(&mut header).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                format!("{name}: too short for a PMTiles file (no 127-byte header)")
            }
            _ => format!("{name}: {e}"),
        })?;
        if &header[..7] != b"PMTiles" {
            return Err(format!(
                "{name}: not a PMTiles file (the header does not start with \"PMTiles\")"
            ));
        }
        if header[7] != 3 {
            return Err(format!(
                "{name}: PMTiles version {} is not supported (version 3 is)",
                header[7]
            ));
        }
        let vector = match header[99] {
            1 => true,
            2..=4 => false,
            other => {
                return Err(format!(
                    "{name}: tile type {other} is not supported (MVT vector, PNG, JPEG or WebP are)"
                ));
            }
        };
        Ok(PmTilesInfo {
            vector,
            min_zoom: header[100],
            max_zoom: header[101],
        })
    }

    fn open(self, path: &Path, ctx: &egui::Context) -> PmTiles {
        if self.vector {
            PmTiles::with_style(path, walkers::Style::protomaps_basemap_light(), ctx.clone())
        } else {
            PmTiles::with_style_and_tile_size(path, walkers::Style::default(), 256, ctx.clone())
        }
    }
}

/// The caches under the cache root: the root itself (caches of earlier versions) and each base
/// map's folder.
fn caches(root: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(root) {
        dirs.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("index-v5").is_dir()),
        );
    }
    dirs
}

/// Size of the HTTP tile caches under `root`, in bytes, and their number of tiles.
pub fn cache_usage(root: &Path) -> (u64, usize) {
    caches(root)
        .iter()
        .flat_map(|dir| cacache::index::ls(dir).filter_map(Result::ok))
        .fold((0, 0), |(bytes, n), m| (bytes + m.size as u64, n + 1))
}

/// Trims the HTTP tile caches under `root` to `limit` bytes in all, removing the tiles written
/// longest ago whatever their base map. Returns the bytes removed. Errors are logged, never
/// fatal: the cache is only a cache.
pub fn trim_cache(root: &Path, limit: u64) -> u64 {
    let mut entries: Vec<(PathBuf, cacache::Metadata)> = caches(root)
        .into_iter()
        .flat_map(|dir| {
            cacache::index::ls(&dir)
                .filter_map(Result::ok)
                .map(move |m| (dir.clone(), m))
        })
        .collect();
    let mut total: u64 = entries.iter().map(|(_, m)| m.size as u64).sum();
    if total <= limit {
        return 0;
    }
    entries.sort_by_key(|(_, m)| m.time);
    let mut removed = 0;
    for (dir, entry) in entries {
        if total <= limit {
            break;
        }
        match cacache::RemoveOpts::new()
            .remove_fully(true)
            .remove_sync(&dir, &entry.key)
        {
            Ok(()) => {
                total -= entry.size as u64;
                removed += entry.size as u64;
            }
            Err(e) => log::warn!("tile cache {}: {e}", dir.display()),
        }
    }
    removed
}

/// Where tiles are cached on disk: the platform cache directory (e.g. ~/.cache/zae-atlas/tiles).
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "ZAE Atlas", "zae-atlas")
        .map(|d| d.cache_dir().join("tiles"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_tiles_argument() {
        assert_eq!(TileChoice::parse("none"), Ok(TileChoice::None));
        assert_eq!(TileChoice::parse("OSM"), Ok(TileChoice::OpenStreetMap));
        assert_eq!(TileChoice::parse("plan-ign"), Ok(TileChoice::PlanIgn));
        assert_eq!(TileChoice::parse("ortho-ign"), Ok(TileChoice::OrthoIgn));
        for choice in [TileChoice::PlanIgn, TileChoice::OrthoIgn, TileChoice::None] {
            assert_eq!(TileChoice::parse(&choice.to_arg()), Ok(choice));
        }
        assert_eq!(
            TileChoice::parse("http://127.0.0.1:8080/{z}/{x}/{y}.png"),
            Ok(TileChoice::Template(
                "http://127.0.0.1:8080/{z}/{x}/{y}.png".into()
            ))
        );
        assert!(TileChoice::parse("tiles.example/{z}").is_err());
    }
}
