//! Base map presets served over HTTP: OpenStreetMap, and the IGN Géoplateforme's Plan IGN v2
//! and orthophotos through its WMTS in the PM (Web Mercator) tile matrix set. Each preset has
//! its URL, its zoom limits, its attribution and its own cache folder.
//!
//! The GetTile request, as the Géoplateforme documents it (cartes.gouv.fr documentation,
//! "Images tuilées WMTS"):
//! `https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={Couche}&STYLE={Style}&FORMAT={format}&TILEMATRIXSET={TileMatrixSet}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`
//! In the PM set, TILEMATRIX is the zoom, TILECOL the x and TILEROW the y of an XYZ tile.
//! Both layers are free to reuse under the Licence Ouverte / Etalab 2.0 (since 2021), with
//! credit to IGN.

/// Where the Géoplateforme serves WMTS tiles.
pub const GEOPF_ORIGIN: &str = "https://data.geopf.fr";

/// An HTTP base map preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    OpenStreetMap,
    PlanIgn,
    OrthoIgn,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::OpenStreetMap, Preset::PlanIgn, Preset::OrthoIgn];

    /// The `--tiles` name.
    pub fn arg(self) -> &'static str {
        match self {
            Preset::OpenStreetMap => "osm",
            Preset::PlanIgn => "plan-ign",
            Preset::OrthoIgn => "ortho-ign",
        }
    }

    /// Folder of its tile cache, under the cache root.
    pub fn cache_folder(self) -> &'static str {
        self.arg()
    }

    /// Deepest zoom the server has tiles for (walkers enlarges past it).
    pub fn max_zoom(self) -> u8 {
        match self {
            Preset::OpenStreetMap => 19,
            Preset::PlanIgn => 19,
            Preset::OrthoIgn => 20,
        }
    }

    /// The WMTS layer and image format of an IGN preset.
    fn wmts_layer(self) -> Option<(&'static str, &'static str)> {
        match self {
            Preset::OpenStreetMap => None,
            Preset::PlanIgn => Some(("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "image/png")),
            Preset::OrthoIgn => Some(("ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg")),
        }
    }

    /// The URL template ({z}, {x}, {y}); `origin` replaces the server (tests serve the IGN
    /// presets from 127.0.0.1).
    pub fn template(self, origin: Option<&str>) -> String {
        match self.wmts_layer() {
            None => match origin {
                Some(o) => format!("{o}/{{z}}/{{x}}/{{y}}.png"),
                None => super::OSM_TEMPLATE.to_string(),
            },
            Some((layer, format)) => format!(
                "{}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=normal\
                 &FORMAT={format}&TILEMATRIXSET=PM&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}",
                origin.unwrap_or(GEOPF_ORIGIN)
            ),
        }
    }

    /// The attribution drawn on the map, and the page it links to.
    pub fn attribution(self) -> (String, &'static str) {
        match self {
            Preset::OpenStreetMap => (
                crate::t!("attribution-osm"),
                "https://www.openstreetmap.org/copyright",
            ),
            Preset::PlanIgn | Preset::OrthoIgn => (
                crate::t!("attribution-ign"),
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(preset: Preset, z: u32, x: u32, y: u32) -> String {
        preset
            .template(None)
            .replace("{z}", &z.to_string())
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string())
    }

    #[test]
    fn ign_tiles_follow_the_documented_get_tile_form() {
        // Dijon at zoom 12: x 2105, y 1453.
        assert_eq!(
            url(Preset::PlanIgn, 12, 2105, 1453),
            "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0\
             &LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png\
             &TILEMATRIXSET=PM&TILEMATRIX=12&TILEROW=1453&TILECOL=2105"
        );
        assert_eq!(
            url(Preset::OrthoIgn, 12, 2105, 1453),
            "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0\
             &LAYER=ORTHOIMAGERY.ORTHOPHOTOS&STYLE=normal&FORMAT=image/jpeg\
             &TILEMATRIXSET=PM&TILEMATRIX=12&TILEROW=1453&TILECOL=2105"
        );
        assert_eq!(
            url(Preset::OpenStreetMap, 12, 2105, 1453),
            "https://tile.openstreetmap.org/12/2105/1453.png"
        );
        let folders: std::collections::HashSet<_> =
            Preset::ALL.iter().map(|p| p.cache_folder()).collect();
        assert_eq!(folders.len(), Preset::ALL.len(), "one cache folder each");
    }
}
