//! Plots (CNIG "terrain-eco") and establishments (CNIG "etablissement"), and how they attach
//! to zones.

use geo::{MultiPolygon, Rect};

use super::Properties;
use super::vocation::fold;

/// A land unit inside a zone.
#[derive(Clone, Debug)]
pub struct Plot {
    /// `terr_id`, else `#<index>`.
    pub id: String,
    /// `site_id` of the zone it belongs to, as written.
    pub site_id: Option<String>,
    /// `terr_etat_occup`: occupé, vacant, inoccupé, friche, ...
    pub occupation: Option<String>,
    /// `terr_stade_comm`: en vente, vendu, réservé, non commercialisé, ...
    pub commercial_stage: Option<String>,
    /// `terr_surf_brute`, hectares.
    pub surface_ha: Option<f64>,
    /// `terr_m2_prix`, euros per m².
    pub price_m2: Option<f64>,
    pub properties: Properties,
    pub geometry: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
    pub area_ha: f64,
    pub file: usize,
    pub feature_index: usize,
    /// Index of its zone in the dataset, once joined.
    pub zone: Option<usize>,
}

impl Plot {
    /// On the market: `terr_stade_comm` "en vente" (also "en vente avec contraintes").
    pub fn is_for_sale(&self) -> bool {
        self.commercial_stage
            .as_deref()
            .is_some_and(|s| fold(s).starts_with("en vente"))
    }

    /// Not used by an activity: `terr_etat_occup` vacant, inoccupé or friche.
    pub fn is_vacant(&self) -> bool {
        self.occupation.as_deref().is_some_and(|s| {
            let s = fold(s);
            s == "vacant" || s == "inoccupe" || s == "friche"
        })
    }

    /// The surface to count: the declared one, else the outline's.
    pub fn surface_or_area_ha(&self) -> f64 {
        self.surface_ha.unwrap_or(self.area_ha)
    }
}

/// How an establishment was attached to its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// Its point is inside the zone and its `terr_id` names a plot of the zone.
    Both,
    /// Only its `terr_id` → plot → `site_id` found the zone.
    TerrId,
    /// Only its point inside the zone's outline found it.
    Spatial,
}

/// An establishment (tenant) with a position.
#[derive(Clone, Debug)]
pub struct Establishment {
    pub siret: Option<String>,
    pub name: String,
    pub activity: Option<String>,
    pub headcount: Option<String>,
    /// `terr_id`, split on `|`.
    pub plot_ids: Vec<String>,
    pub lon: f64,
    pub lat: f64,
    pub properties: Properties,
    pub file: usize,
    pub feature_index: usize,
    pub zone: Option<usize>,
    pub joined_by: Option<Join>,
}

/// What the plots of one zone say about its land.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LandStats {
    pub plots: usize,
    pub vacant_plots: usize,
    pub plots_for_sale: usize,
    /// Surface of the plots for sale, hectares.
    pub available_ha: f64,
    /// Vacancy rate in percent: `site_taux_vacance` when the zone gives it, else computed.
    pub vacancy_percent: Option<f64>,
    pub vacancy_given: bool,
    /// Price range (€/m²) of the plots for sale that give one.
    pub price_m2_min: Option<f64>,
    pub price_m2_max: Option<f64>,
}
