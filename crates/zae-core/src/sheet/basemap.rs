//! The base map under a sheet's map extract. Raster tiles come from a PMTiles file when that is
//! the base map, else from the window's tile cache, else from the tile server (all of one
//! extract's tiles within a few seconds, with the program's User-Agent) unless offline. They
//! are composited, resampled to the extract (the page's local projection) at 150–200 dpi, and
//! embedded under the vector layers. Whatever fails (offline, 404, bad tile bytes, timeout, a
//! vector PMTiles file) gives the reason, and the sheet draws the context layer instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::basemap::{Preset, TileChoice};

mod mosaic;

pub use mosaic::zoom_for;
use mosaic::{Mosaic, resample, tiles_for};

/// The base map's tiles give at least this resolution over the extract (the zoom is the
/// smallest that does) ...
pub const MIN_DPI: f64 = 150.0;
/// ... and the image embedded in the PDF has at most this one.
pub const MAX_DPI: f64 = 200.0;
/// All the tiles of one extract must have arrived over HTTP within this.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(4);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// Requests in flight at once: two connections, as tile servers' usage policies ask of a
/// program that is not a browser (about 20 tiles an extract: well within the timeout).
const CONCURRENT_REQUESTS: usize = 2;
/// A tile larger than this is refused (a server answering with something else).
const MAX_TILE_BYTES: usize = 8 << 20;

/// Where a sheet's base map comes from: the base map chosen (the window's, or `--tiles`), the
/// window's tile cache, and whether the network may be used.
#[derive(Clone, Debug)]
pub struct BaseMapSource {
    pub choice: TileChoice,
    /// The tile cache root (each base map caches in a folder of its own below it).
    pub cache_dir: Option<PathBuf>,
    /// Tests: where the presets are served from instead of their real servers.
    pub origin: Option<String>,
    /// Sent with every tile request ([`crate::identity::user_agent`]).
    pub user_agent: String,
    /// No HTTP: the cache or the PMTiles file only.
    pub offline: bool,
    /// For all the tiles of one extract.
    pub timeout: Duration,
}

impl BaseMapSource {
    pub fn new(choice: TileChoice, cache_dir: Option<PathBuf>, user_agent: String) -> Self {
        Self {
            choice,
            cache_dir,
            origin: None,
            user_agent,
            offline: false,
            timeout: HTTP_TIMEOUT,
        }
    }

    /// No base map: the context layer.
    pub fn none() -> Self {
        Self::new(TileChoice::None, None, String::new())
    }

    fn max_zoom(&self) -> u8 {
        self.choice.preset().map_or(19, Preset::max_zoom)
    }
}

/// What a map extract shows: the longitudes and latitudes of its edges (the page's projection is
/// linear in both) and its size on the page, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extract {
    pub west: f64,
    pub east: f64,
    pub north: f64,
    pub south: f64,
    pub width_pt: f32,
    pub height_pt: f32,
}

/// The base map of one extract, resampled to it (RGB, row by row), with its attribution.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BaseImage {
    pub width: u32,
    pub height: u32,
    pub rgb: Arc<Vec<u8>>,
    /// Where the tiles come from, and at which zoom (for the log).
    pub zoom: u8,
    pub attribution: String,
}

/// The body of a response kept in the window's tile cache: its HTTP client stores each
/// response serialised with postcard, the body first (a varint length, then the bytes).
pub fn cached_body(entry: &[u8]) -> Option<&[u8]> {
    let mut len: u64 = 0;
    let mut i = 0;
    loop {
        let byte = *entry.get(i)?;
        len |= u64::from(byte & 0x7f) << (7 * i);
        i += 1;
        if byte & 0x80 == 0 {
            break;
        }
        if i >= 10 {
            return None;
        }
    }
    let len = usize::try_from(len).ok()?;
    entry.get(i..i.checked_add(len)?)
}

/// A tile of the window's cache: the response its HTTP client kept for `url`, under the base
/// map's folder of the cache root.
pub fn cached_tile(cache_root: &Path, choice: &TileChoice, url: &str) -> Option<Vec<u8>> {
    let folder = choice.cache_folder()?;
    let entry = cacache::read_sync(cache_root.join(folder), format!("GET:{url}")).ok()?;
    cached_body(&entry).map(<[u8]>::to_vec)
}

type PmReader = pmtiles::AsyncPmTilesReader<pmtiles::MmapBackend, pmtiles::NoCache>;

/// Gathers the base map of sheets: one tokio runtime, one HTTP client and one PMTiles reader for
/// all the sheets of a catalogue; after an extract that got no tile over HTTP, the others use
/// the cache only (a catalogue does not wait on a dead network page after page).
pub struct TileFetcher {
    source: BaseMapSource,
    runtime: Option<tokio::runtime::Runtime>,
    client: Option<reqwest::Client>,
    pmtiles: Option<Result<Arc<PmReader>, String>>,
    http_down: Option<String>,
}

impl TileFetcher {
    pub fn new(source: BaseMapSource) -> Self {
        Self {
            source,
            runtime: None,
            client: None,
            pmtiles: None,
            http_down: None,
        }
    }

    /// Whether a base map is chosen at all (`none`: the context layer, nothing to say).
    pub fn wanted(&self) -> bool {
        self.source.choice != TileChoice::None
    }

    /// The base map of `extract`, or why there is none (then the context layer is drawn). The
    /// attribution is in this thread's language.
    pub fn image_for(&mut self, extract: &Extract) -> Result<BaseImage, String> {
        let Some((attribution, _)) = self.source.choice.attribution() else {
            return Err("no base map chosen".into());
        };
        if !(extract.east > extract.west && extract.north > extract.south) {
            return Err("the extract is empty".into());
        }
        let (zoom, tiles) = match self.source.choice.clone() {
            TileChoice::PmTiles(path) => self.tiles_of_pmtiles(&path, extract)?,
            _ => self.tiles_of_server(extract)?,
        };
        let (width, height, rgb) = resample(extract, zoom, &tiles)?;
        Ok(BaseImage {
            width,
            height,
            rgb: Arc::new(rgb),
            zoom,
            attribution,
        })
    }

    fn runtime(&mut self) -> Result<&tokio::runtime::Runtime, String> {
        if self.runtime.is_none() {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("no runtime for the tile requests: {e}"))?;
            self.runtime = Some(rt);
        }
        self.runtime
            .as_ref()
            .ok_or_else(|| "no runtime for the tile requests".to_string())
    }

    fn tiles_of_pmtiles(&mut self, path: &Path, extract: &Extract) -> Result<(u8, Mosaic), String> {
        let name = path.display().to_string();
        if self.pmtiles.is_none() {
            let opened = check_pmtiles(path).and_then(|()| {
                let rt = self.runtime()?;
                let reader = rt
                    .block_on(PmReader::new_with_path(path))
                    .map_err(|e| format!("{name}: {e}"))?;
                let tile_type = reader.get_header().tile_type;
                match tile_type {
                    pmtiles::TileType::Png | pmtiles::TileType::Jpeg => Ok(Arc::new(reader)),
                    pmtiles::TileType::Mvt | pmtiles::TileType::Mlt => Err(format!(
                        "{name} holds vector tiles; a sheet draws raster tiles (PNG or JPEG) only"
                    )),
                    other => Err(format!(
                        "{name}: {other:?} tiles; a sheet draws PNG or JPEG tiles only"
                    )),
                }
            });
            self.pmtiles = Some(opened);
        }
        let reader = match &self.pmtiles {
            Some(Ok(reader)) => reader.clone(),
            Some(Err(e)) => return Err(e.clone()),
            None => return Err(format!("{name}: not opened")),
        };
        let header = reader.get_header();
        let (min, max) = (header.min_zoom, header.max_zoom.min(22));
        let zoom = zoom_for(extract, max).max(min);
        let (xs, ys) = tiles_for(extract, zoom);
        let mut mosaic = Mosaic::new(&xs, &ys)?;
        let rt = self.runtime()?;
        for y in ys.clone() {
            for x in xs.clone() {
                let coord = pmtiles::TileCoord::new(zoom, x, y).map_err(|e| e.to_string())?;
                let bytes = rt
                    .block_on(reader.get_tile_decompressed(coord))
                    .map_err(|e| format!("{name}: tile {zoom}/{x}/{y}: {e}"))?
                    .ok_or_else(|| {
                        format!("{name} has no tile {zoom}/{x}/{y}: the extract is outside it")
                    })?;
                mosaic
                    .put(x, y, &bytes)
                    .map_err(|e| format!("{name}: {e}"))?;
            }
        }
        Ok((zoom, mosaic))
    }

    fn tiles_of_server(&mut self, extract: &Extract) -> Result<(u8, Mosaic), String> {
        let template = self
            .source
            .choice
            .template_at(self.source.origin.as_deref())
            .ok_or_else(|| "no tile server".to_string())?;
        let zoom = zoom_for(extract, self.source.max_zoom());
        let (xs, ys) = tiles_for(extract, zoom);
        let mut mosaic = Mosaic::new(&xs, &ys)?;
        let url = |x: u32, y: u32| {
            template
                .replace("{z}", &zoom.to_string())
                .replace("{x}", &x.to_string())
                .replace("{y}", &y.to_string())
        };
        // The window's cache first.
        let mut missing = Vec::new();
        for y in ys.clone() {
            for x in xs.clone() {
                let cached = self
                    .source
                    .cache_dir
                    .as_deref()
                    .and_then(|root| cached_tile(root, &self.source.choice, &url(x, y)));
                let put = cached.map(|bytes| mosaic.put(x, y, &bytes));
                if !matches!(put, Some(Ok(()))) {
                    missing.push((x, y, url(x, y)));
                }
            }
        }
        if missing.is_empty() {
            return Ok((zoom, mosaic));
        }
        let host = crate::basemap::host_of(&template).to_string();
        if self.source.offline {
            return Err(format!(
                "{} of {} tiles are not in the cache, and the base map is offline",
                missing.len(),
                mosaic.count()
            ));
        }
        if let Some(why) = &self.http_down {
            return Err(format!(
                "{} of {} tiles are not in the cache, and {host} did not answer earlier ({why})",
                missing.len(),
                mosaic.count()
            ));
        }
        let wanted = missing.len();
        let fetched = self.fetch(missing)?;
        let mut first_error = None;
        let mut arrived = 0;
        for (x, y, result) in fetched.results {
            match result.and_then(|bytes| mosaic.put(x, y, &bytes)) {
                Ok(()) => arrived += 1,
                Err(e) => {
                    first_error.get_or_insert(format!("tile {zoom}/{x}/{y}: {e}"));
                }
            }
        }
        if arrived == wanted {
            return Ok((zoom, mosaic));
        }
        let why = match (first_error, fetched.timed_out) {
            (Some(e), _) => e,
            (None, true) => format!("no answer within {} s", self.source.timeout.as_secs_f32()),
            (None, false) => "no answer".to_string(),
        };
        if arrived == 0 {
            self.http_down = Some(why.clone());
        }
        Err(format!(
            "{} of {wanted} tiles did not come from {host}: {why}",
            wanted - arrived
        ))
    }

    /// GETs the tiles, [`CONCURRENT_REQUESTS`] at a time, all within the source's timeout.
    fn fetch(&mut self, tiles: Vec<(u32, u32, String)>) -> Result<Fetched, String> {
        if self.client.is_none() {
            let agent = reqwest::header::HeaderValue::from_str(&self.source.user_agent)
                .unwrap_or_else(|_| {
                    reqwest::header::HeaderValue::from_static(concat!(
                        "zae-atlas/",
                        env!("CARGO_PKG_VERSION")
                    ))
                });
            let client = reqwest::Client::builder()
                .user_agent(agent)
                .connect_timeout(CONNECT_TIMEOUT)
                .timeout(self.source.timeout)
                .build()
                .map_err(|e| format!("no HTTP client: {e}"))?;
            self.client = Some(client);
        }
        let client = self
            .client
            .clone()
            .ok_or_else(|| "no HTTP client".to_string())?;
        let timeout = self.source.timeout;
        let rt = self.runtime()?;
        Ok(rt.block_on(async move {
            let deadline = tokio::time::Instant::now() + timeout;
            let permits = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_REQUESTS));
            let mut set = tokio::task::JoinSet::new();
            for (x, y, url) in tiles {
                let (client, permits) = (client.clone(), permits.clone());
                set.spawn(async move {
                    let _permit = permits.acquire_owned().await;
                    (x, y, get(&client, &url).await)
                });
            }
            let mut fetched = Fetched {
                results: Vec::new(),
                timed_out: false,
            };
            loop {
                match tokio::time::timeout_at(deadline, set.join_next()).await {
                    Ok(Some(Ok(result))) => fetched.results.push(result),
                    // A request that panicked: its tile is missing.
                    Ok(Some(Err(_))) => {}
                    Ok(None) => break,
                    Err(_) => {
                        fetched.timed_out = true;
                        set.abort_all();
                        break;
                    }
                }
            }
            fetched
        }))
    }
}

struct Fetched {
    results: Vec<(u32, u32, Result<Vec<u8>, String>)>,
    timed_out: bool,
}

async fn get(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, String> {
    let mut response = client.get(url).send().await.map_err(|e| {
        if e.is_timeout() {
            "timed out".to_string()
        } else if e.is_connect() {
            "could not connect".to_string()
        } else {
            e.to_string()
        }
    })?;
    if !response.status().is_success() {
        return Err(format!("HTTP {}", response.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| e.to_string())? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_TILE_BYTES {
            return Err("the answer is too large for a tile".into());
        }
    }
    Ok(body)
}

/// Checks a PMTiles file's header and root directory bounds before the reader trusts them.
fn check_pmtiles(path: &Path) -> Result<(), String> {
    use std::io::Read;
    let name = path.display();
    let mut file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let len = file.metadata().map_err(|e| format!("{name}: {e}"))?.len();
    let mut header = [0u8; 127];
    file.read_exact(&mut header)
        .map_err(|_| format!("{name}: too short for a PMTiles file"))?;
    if &header[..7] != b"PMTiles" || header[7] != 3 {
        return Err(format!("{name}: not a PMTiles version 3 file"));
    }
    let u64_at = |i: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&header[i..i + 8]);
        u64::from_le_bytes(b)
    };
    let (root_offset, root_length) = (u64_at(8), u64_at(16));
    let end = root_offset.checked_add(root_length);
    if root_offset < 127 || root_length > 16_384 - 127 || end.is_none_or(|e| e > len || e > 16_384)
    {
        return Err(format!("{name}: the root directory lies outside the file"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mosaic::tests::cap_nord_extract;

    #[test]
    fn a_cached_response_gives_its_body() {
        // postcard: varint length (300 = 0xAC 0x02), the bytes, then the rest of the response.
        let mut entry = vec![0xAC, 0x02];
        entry.extend(std::iter::repeat_n(7u8, 300));
        entry.extend_from_slice(b"headers...");
        assert_eq!(cached_body(&entry).map(<[u8]>::len), Some(300));
        assert_eq!(cached_body(&[0x05, 1, 2]), None, "cut short");
        assert_eq!(cached_body(&[0xFF; 12]), None, "endless varint");
    }

    #[test]
    fn without_network_or_cache_the_reason_is_given() {
        let mut source = BaseMapSource::new(
            TileChoice::Template("http://127.0.0.1:9/{z}/{x}/{y}.png".into()),
            None,
            "zae-atlas/test".into(),
        );
        source.offline = true;
        let e = TileFetcher::new(source)
            .image_for(&cap_nord_extract())
            .expect_err("offline");
        assert!(e.contains("offline"), "{e}");
        let mut none = TileFetcher::new(BaseMapSource::none());
        assert!(!none.wanted());
        assert!(none.image_for(&cap_nord_extract()).is_err());
    }
}
