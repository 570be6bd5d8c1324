//! Which base map to draw, and what it is doing: the choice (a preset, an XYZ template, a
//! PMTiles file, none) as the command line, the config file and the Settings window name it, and
//! the state the status line and the offline banner show. The drawing itself is the app's.

pub mod presets;

use std::path::PathBuf;

pub use presets::{GEOPF_ORIGIN, Preset};

pub const OSM_TEMPLATE: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// Which base map to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TileChoice {
    OpenStreetMap,
    /// IGN Plan IGN v2 (Géoplateforme WMTS).
    PlanIgn,
    /// IGN orthophotos (Géoplateforme WMTS).
    OrthoIgn,
    /// XYZ URL template with `{z}`, `{x}`, `{y}`.
    Template(String),
    /// A local PMTiles archive (works with no network).
    PmTiles(PathBuf),
    None,
}

impl TileChoice {
    /// Reads the `--tiles` argument: `none`, `osm`, `plan-ign`, `ortho-ign`, a URL template with
    /// {z}/{x}/{y}, or a `.pmtiles` file.
    pub fn parse(arg: &str) -> Result<Self, String> {
        let arg = arg.trim();
        if arg.to_ascii_lowercase().ends_with(".pmtiles") && !arg.contains("://") {
            Ok(TileChoice::PmTiles(PathBuf::from(arg)))
        } else if arg.eq_ignore_ascii_case("none") {
            Ok(TileChoice::None)
        } else if arg.eq_ignore_ascii_case("osm") || arg == OSM_TEMPLATE {
            Ok(TileChoice::OpenStreetMap)
        } else if arg.eq_ignore_ascii_case(Preset::PlanIgn.arg()) {
            Ok(TileChoice::PlanIgn)
        } else if arg.eq_ignore_ascii_case(Preset::OrthoIgn.arg()) {
            Ok(TileChoice::OrthoIgn)
        } else if ["{z}", "{x}", "{y}"].iter().all(|p| arg.contains(p))
            && (arg.starts_with("http://") || arg.starts_with("https://"))
        {
            Ok(TileChoice::Template(arg.to_string()))
        } else {
            Err(format!(
                "--tiles \"{arg}\": expected osm, plan-ign, ortho-ign, none, a .pmtiles file, or an http(s) URL template with {{z}}, {{x}} and {{y}}"
            ))
        }
    }

    /// The preset, for OpenStreetMap and the IGN base maps.
    pub fn preset(&self) -> Option<Preset> {
        match self {
            TileChoice::OpenStreetMap => Some(Preset::OpenStreetMap),
            TileChoice::PlanIgn => Some(Preset::PlanIgn),
            TileChoice::OrthoIgn => Some(Preset::OrthoIgn),
            _ => None,
        }
    }

    /// The URL template of HTTP tiles ({z}, {x}, {y}).
    pub fn template(&self) -> Option<String> {
        self.template_at(None)
    }

    /// [`Self::template`], with the presets served from `origin` (tests).
    pub fn template_at(&self, origin: Option<&str>) -> Option<String> {
        match self {
            TileChoice::Template(t) => Some(t.clone()),
            TileChoice::PmTiles(_) | TileChoice::None => None,
            preset => preset.preset().map(|p| p.template(origin)),
        }
    }

    /// The folder of this base map's tile cache, under the cache root: one per preset, one
    /// per URL template.
    pub fn cache_folder(&self) -> Option<String> {
        match self {
            TileChoice::Template(t) => {
                // FNV-1a: a stable short name for the template.
                let hash = t.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                });
                Some(format!("url-{hash:016x}"))
            }
            other => other.preset().map(|p| p.cache_folder().to_string()),
        }
    }

    /// The setting's text form (what `parse` reads).
    pub fn to_arg(&self) -> String {
        match self {
            TileChoice::OpenStreetMap | TileChoice::PlanIgn | TileChoice::OrthoIgn => self
                .preset()
                .map(|p| p.arg().to_string())
                .unwrap_or_default(),
            TileChoice::Template(t) => t.clone(),
            TileChoice::PmTiles(p) => p.display().to_string(),
            TileChoice::None => "none".into(),
        }
    }

    /// Attribution to show on the map.
    pub fn attribution(&self) -> Option<(String, Option<&'static str>)> {
        match self {
            TileChoice::OpenStreetMap | TileChoice::PlanIgn | TileChoice::OrthoIgn => {
                self.preset().map(|p| {
                    let (text, url) = p.attribution();
                    (text, Some(url))
                })
            }
            TileChoice::Template(t) => {
                Some((crate::t!("attribution-tiles", host = host_of(t)), None))
            }
            // Extracts of OpenStreetMap-based builds (Protomaps): the ODbL asks for the credit.
            TileChoice::PmTiles(_) => Some((
                crate::t!("attribution-osm"),
                Some("https://www.openstreetmap.org/copyright"),
            )),
            TileChoice::None => None,
        }
    }
}

/// The host of a URL ("tile.openstreetmap.org").
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// What the base map is doing, for the status line and the offline banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TileStatus {
    Disabled,
    Loading,
    Ok,
    Offline,
}
