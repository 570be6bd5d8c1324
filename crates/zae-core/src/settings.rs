//! User settings: language, interface scale, base map, tile cache limit and the kiosk. Read
//! from a TOML config file (the booth's set-up) and kept across restarts.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::kiosk::KioskSettings;

pub const DEFAULT_CACHE_LIMIT_MB: u64 = 500;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `None`: the system's language.
    pub language: Option<Lang>,
    /// Interface scale outside kiosk mode (egui zoom factor).
    pub ui_scale: f32,
    /// Base map: "osm", "none", an XYZ URL template, or a `.pmtiles` file. `None`: OpenStreetMap.
    pub tiles: Option<String>,
    /// The HTTP tile cache on disk is trimmed (oldest first) to this size.
    pub cache_limit_mb: u64,
    /// A contact sent to tile servers in the User-Agent (an e-mail address or an http(s) URL
    /// that reaches the person running this copy), as the OpenStreetMap tile policy asks.
    pub contact: Option<String>,
    pub kiosk: KioskSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            ui_scale: 1.0,
            tiles: None,
            cache_limit_mb: DEFAULT_CACHE_LIMIT_MB,
            contact: None,
            kiosk: KioskSettings::default(),
        }
    }
}

impl Settings {
    /// Reads a config file. A missing file is not an error when `required` is false.
    pub fn load(path: &Path, required: bool) -> Result<Option<Settings>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        Settings::parse(&text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Settings, String> {
        let settings: Settings = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(contact) = &settings.contact
            && let Some(problem) = crate::identity::contact_problem(contact)
        {
            return Err(format!("contact = {contact:?} {problem}"));
        }
        Ok(settings.sanitized())
    }

    pub fn sanitized(mut self) -> Self {
        self.ui_scale = if self.ui_scale.is_finite() {
            self.ui_scale.clamp(0.5, 3.0)
        } else {
            1.0
        };
        self.kiosk = self.kiosk.sanitized();
        // A remembered contact that is no longer acceptable is dropped, never sent.
        if self
            .contact
            .as_deref()
            .is_some_and(|c| crate::identity::contact_problem(c).is_some())
        {
            self.contact = None;
        }
        self
    }

    /// The language to show: the setting, or the system's.
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(Lang::system)
    }
}

/// Where the config file is looked for: e.g. ~/.config/zae-atlas/config.toml.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "ZAE Atlas", "zae-atlas")
        .map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booth_config_file() {
        let s = Settings::parse(
            r#"
            language = "fr"
            tiles = "/srv/booth/dijon.pmtiles"
            cache_limit_mb = 200
            contact = "sig@metropole-dijon.fr"
            [kiosk]
            enabled = true
            pin = "2468"
            idle_seconds = 60
            "#,
        )
        .expect("parses");
        assert_eq!(s.language, Some(Lang::Fr));
        assert_eq!(s.tiles.as_deref(), Some("/srv/booth/dijon.pmtiles"));
        assert_eq!(s.cache_limit_mb, 200);
        assert_eq!(s.contact.as_deref(), Some("sig@metropole-dijon.fr"));
        assert!(s.kiosk.enabled);
        assert_eq!(s.kiosk.pin.as_deref(), Some("2468"));
        assert_eq!(s.kiosk.idle_seconds, 60.0);
        assert_eq!(s.kiosk.countdown_seconds, 10.0);
    }

    #[test]
    fn mistakes_are_named() {
        let e = Settings::parse("langauge = \"fr\"").expect_err("unknown key");
        assert!(e.contains("langauge"), "{e}");
        let e = Settings::parse("[kiosk]\nidle_seconds = \"soon\"").expect_err("wrong type");
        assert!(e.contains("idle_seconds"), "{e}");
        let e = Settings::parse("contact = \"https://example.com\"").expect_err("placeholder");
        assert!(e.contains("contact") && e.contains("placeholder"), "{e}");
        let missing = Settings::load(Path::new("/nonexistent/zae.toml"), false);
        assert_eq!(missing, Ok(None));
        let required = Settings::load(Path::new("/nonexistent/zae.toml"), true);
        assert!(required.is_err_and(|e| e.contains("/nonexistent/zae.toml")));
    }
}
