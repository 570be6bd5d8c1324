//! From records (properties + raw geometry, whatever the file format) to model objects, once
//! the file's layer and coordinate system are known.

use serde_json::{Map, Value};

use super::geometry::{Frame, RawGeom, build_point, build_polygons, choose_frame};
use super::load::LoadError;
use super::report::{LoadReport, Reason};
use super::schema;
use crate::model::{
    Establishment, Plot, Properties, Zone, anchor_point, approx_area_ha, bounds_of,
};

/// One feature (GeoJSON) or row (CSV), read but not yet checked.
pub struct Record {
    pub index: usize,
    /// Id or name for messages.
    pub label: Option<String>,
    pub id: Option<Value>,
    pub properties: Map<String, Value>,
    pub geometry: RawGeom,
    /// Noticed while reading (reported with the feature).
    pub warnings: Vec<Reason>,
}

/// Which CNIG class a file holds, recognised from its columns / property names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// site-eco, or any polygon file read through the alias table.
    Zones,
    /// terrain-eco.
    Plots,
    /// etablissement.
    Establishments,
}

impl Layer {
    pub fn detect<'a>(keys: impl Iterator<Item = &'a str>) -> Layer {
        let keys: Vec<String> = keys.map(str::to_ascii_lowercase).collect();
        let has = |k: &str| keys.iter().any(|key| key == k);
        if has("siret") && (has("etab_nom") || has("etab_raison_sociale") || has("etab_geompoint"))
        {
            Layer::Establishments
        } else if has("terr_id")
            && !has("site_nom")
            && (has("terr_etat_occup")
                || has("terr_stade_comm")
                || has("terr_surf_brute")
                || has("terr_geomsurf")
                // The same, cut to 10 characters by a Shapefile.
                || has("terr_etat_")
                || has("terr_stade")
                || has("terr_surf_"))
        {
            Layer::Plots
        } else {
            Layer::Zones
        }
    }

    /// What one item of the layer is called.
    pub fn item(self) -> &'static str {
        match self {
            Layer::Zones => "zone",
            Layer::Plots => "plot",
            Layer::Establishments => "establishment",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Layer::Zones => "zones (CNIG site-eco, or polygons read through the alias table)",
            Layer::Plots => "plots (CNIG terrain-eco)",
            Layer::Establishments => "establishments (CNIG etablissement)",
        }
    }
}

#[derive(Default)]
pub struct Built {
    pub zones: Vec<Zone>,
    pub plots: Vec<Plot>,
    pub establishments: Vec<Establishment>,
}

/// Where readers put records as they read them: the first ones are held until the layer and
/// the coordinate system are known, then every record becomes a model object right away (the
/// raw coordinates of the whole file are never held at once).
pub struct Builder {
    file: String,
    crs_name: Option<String>,
    layer: Option<Layer>,
    frame: Option<Frame>,
    pending: Vec<Record>,
    pub built: Built,
}

/// Records looked at before deciding the layer and the coordinate system.
const DECIDE_AFTER: usize = 100;

impl Builder {
    pub fn new(file: &str) -> Self {
        Self {
            file: file.to_string(),
            crs_name: None,
            layer: None,
            frame: None,
            pending: Vec::new(),
            built: Built::default(),
        }
    }

    /// The coordinate system the file names (GeoJSON `crs` member), before any record.
    pub fn set_crs(&mut self, name: Option<String>) {
        self.crs_name = name;
    }

    /// The layer, when the source says it before any record (a database table's columns).
    pub fn set_layer(&mut self, layer: Layer) {
        self.layer = Some(layer);
    }

    pub fn push(&mut self, record: Record, report: &mut LoadReport) -> Result<(), LoadError> {
        match (&self.frame, self.layer) {
            (Some(frame), Some(layer)) => {
                build_one(layer, record, frame, report, &mut self.built);
                Ok(())
            }
            _ => {
                self.pending.push(record);
                if self.pending.len() >= DECIDE_AFTER {
                    self.decide(report)?;
                }
                Ok(())
            }
        }
    }

    fn decide(&mut self, report: &mut LoadReport) -> Result<(), LoadError> {
        let layer = self.layer.unwrap_or_else(|| {
            Layer::detect(
                self.pending
                    .iter()
                    .take(50)
                    .flat_map(|r| r.properties.keys().map(String::as_str)),
            )
        });
        report.layer = layer.describe().to_string();
        report.item = layer.item().to_string();
        let frame = choose_frame(
            self.crs_name.as_deref(),
            self.pending.iter().map(|r| &r.geometry),
            report,
        )
        .map_err(|source| LoadError::Crs {
            file: self.file.clone(),
            source,
        })?;
        for record in std::mem::take(&mut self.pending) {
            build_one(layer, record, &frame, report, &mut self.built);
        }
        self.layer = Some(layer);
        self.frame = Some(frame);
        Ok(())
    }

    /// After the last record.
    pub fn finish(mut self, report: &mut LoadReport) -> Result<(Layer, Built), LoadError> {
        if self.frame.is_none() {
            self.decide(report)?;
        }
        Ok((self.layer.unwrap_or(Layer::Zones), self.built))
    }
}

/// One record built: the object or the reason it was refused, and the warnings.
pub struct Outcome {
    index: usize,
    label: Option<String>,
    item: Result<Item, Reason>,
    warnings: Vec<Reason>,
}

enum Item {
    Zone(Box<Zone>),
    Plot(Box<Plot>),
    Establishment(Box<Establishment>),
}

/// Builds one record; pure, so records can be built on several threads.
pub fn build_record(layer: Layer, mut record: Record, frame: &Frame) -> Outcome {
    let (index, label) = (record.index, record.label.clone());
    let mut warnings = std::mem::take(&mut record.warnings);
    let item = match layer {
        Layer::Zones => build_zone(record, frame, &mut warnings).map(|z| Item::Zone(Box::new(z))),
        Layer::Plots => build_plot(record, frame, &mut warnings).map(|p| Item::Plot(Box::new(p))),
        Layer::Establishments => {
            build_establishment(record, frame).map(|e| Item::Establishment(Box::new(e)))
        }
    };
    Outcome {
        index,
        label,
        item,
        warnings,
    }
}

impl Builder {
    /// The layer and frame, once decided.
    pub fn decided(&self) -> Option<(Layer, &Frame)> {
        Some((self.layer?, self.frame.as_ref()?))
    }

    /// Adds a built record, in file order.
    pub fn accept(&mut self, outcome: Outcome, report: &mut LoadReport) {
        accept(outcome, report, &mut self.built);
    }
}

fn accept(outcome: Outcome, report: &mut LoadReport, built: &mut Built) {
    let Outcome {
        index,
        label,
        item,
        warnings,
    } = outcome;
    for w in warnings {
        report.warn(Some(index), label.clone(), w);
    }
    match item {
        Ok(Item::Zone(z)) => built.zones.push(*z),
        Ok(Item::Plot(p)) => built.plots.push(*p),
        Ok(Item::Establishment(e)) => built.establishments.push(*e),
        Err(message) => {
            report.skip(Some(index), label, message);
            return;
        }
    }
    report.loaded += 1;
}

fn build_one(
    layer: Layer,
    record: Record,
    frame: &Frame,
    report: &mut LoadReport,
    built: &mut Built,
) {
    accept(build_record(layer, record, frame), report, built);
}

fn build_zone(record: Record, frame: &Frame, warnings: &mut Vec<Reason>) -> Result<Zone, Reason> {
    let geometry = build_polygons(record.geometry, frame, warnings)?;
    let bbox = bounds_of(&geometry).ok_or(Reason::NoCoordinates)?;
    let area_ha = approx_area_ha(&geometry);
    let label_point = anchor_point(&geometry).map_or_else(
        || {
            let c = bbox.center();
            (c.x, c.y)
        },
        |p| (p.x(), p.y()),
    );
    let props = record.properties;
    let (vocation, _) = schema::vocation(&props);
    Ok(Zone {
        id: record
            .label
            .or_else(|| record.id.as_ref().and_then(schema::value_text))
            .unwrap_or_else(|| format!("#{}", record.index)),
        name: schema::text(&props, schema::NAME),
        commune: schema::text(&props, schema::COMMUNE),
        vocation,
        surface_declared_ha: schema::number(&props, schema::SURFACE_HA),
        jobs: schema::number(&props, schema::JOBS),
        establishments: schema::number(&props, schema::ESTABLISHMENTS),
        site_id: schema::text(&props, &["site_id"]),
        state: schema::text(&props, schema::STATE),
        vacancy_percent: schema::number(&props, &["site_taux_vacance", "site_taux_"]),
        properties: Properties::from_map(&props),
        outline: crate::model::Outline::new(&geometry),
        bbox,
        label_point,
        area_ha,
        file: 0,
        feature_index: record.index,
        geodesic_ha: std::sync::OnceLock::new(),
    })
}

fn build_plot(record: Record, frame: &Frame, warnings: &mut Vec<Reason>) -> Result<Plot, Reason> {
    let geometry = build_polygons(record.geometry, frame, warnings)?;
    let bbox = bounds_of(&geometry).ok_or(Reason::NoCoordinates)?;
    let props = record.properties;
    Ok(Plot {
        id: schema::text(&props, &["terr_id"]).unwrap_or_else(|| format!("#{}", record.index)),
        site_id: schema::text(&props, &["site_id"]),
        occupation: schema::text(&props, &["terr_etat_occup", "terr_etat_"]),
        commercial_stage: schema::text(&props, &["terr_stade_comm", "terr_stade"]),
        surface_ha: schema::number(&props, &["terr_surf_brute", "terr_surf_"]),
        price_m2: schema::number(&props, &["terr_m2_prix", "terr_m2_pr"]),
        area_ha: approx_area_ha(&geometry),
        properties: Properties::from_map(&props),
        geometry,
        bbox,
        file: 0,
        feature_index: record.index,
        zone: None,
    })
}

fn build_establishment(record: Record, frame: &Frame) -> Result<Establishment, Reason> {
    let (lon, lat) = build_point(&record.geometry, frame)?;
    let props = record.properties;
    Ok(Establishment {
        siret: schema::text(&props, &["siret"]),
        name: schema::text(&props, &["etab_nom", "etab_raison_sociale", "name", "nom"])
            .unwrap_or_else(|| format!("#{}", record.index)),
        activity: schema::text(&props, &["etab_activite_libelle"]),
        headcount: schema::text(&props, &["etab_effectif_libelle"]),
        plot_ids: schema::text(&props, &["terr_id"])
            .map(|ids| {
                ids.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        lon,
        lat,
        properties: Properties::from_map(&props),
        file: 0,
        feature_index: record.index,
        zone: None,
        joined_by: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_recognised_from_columns() {
        let detect = |keys: &[&str]| Layer::detect(keys.iter().copied());
        assert_eq!(
            detect(&["site_id", "site_nom", "site_geomsurf"]),
            Layer::Zones
        );
        assert_eq!(
            detect(&["terr_id", "site_id", "terr_etat_occup", "terr_geomsurf"]),
            Layer::Plots
        );
        assert_eq!(
            detect(&["SIRET", "terr_id", "etab_nom", "etab_geompoint"]),
            Layer::Establishments
        );
        assert_eq!(detect(&["nom", "surface"]), Layer::Zones);
    }
}
