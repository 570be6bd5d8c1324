//! From records (properties + raw geometry, whatever the file format) to model objects, once
//! the file's layer and coordinate system are known.

use serde_json::{Map, Value};

use super::geometry::{Frame, RawGeom, build_point, build_polygons};
use super::report::LoadReport;
use super::schema;
use crate::model::{Establishment, Plot, Zone, approx_area_ha, bounds_of};

/// One feature (GeoJSON) or row (CSV), read but not yet checked.
pub struct Record {
    pub index: usize,
    /// Id or name for messages.
    pub label: Option<String>,
    pub id: Option<Value>,
    pub properties: Map<String, Value>,
    pub geometry: RawGeom,
    /// Noticed while reading (reported with the feature).
    pub warnings: Vec<String>,
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
                || has("terr_geomsurf"))
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

/// Builds the layer's objects; `None` when cancelled.
pub fn build(
    layer: Layer,
    records: Vec<Record>,
    frame: &Frame,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Built> {
    let mut built = Built::default();
    let total = records.len().max(1);
    for (done, mut record) in records.into_iter().enumerate() {
        if done % 1024 == 0 && !progress(done as f32 / total as f32) {
            return None;
        }
        let (index, label) = (record.index, record.label.clone());
        let mut warnings = std::mem::take(&mut record.warnings);
        let result = match layer {
            Layer::Zones => build_zone(record, frame, &mut warnings).map(|z| built.zones.push(z)),
            Layer::Plots => build_plot(record, frame, &mut warnings).map(|p| built.plots.push(p)),
            Layer::Establishments => {
                build_establishment(record, frame).map(|e| built.establishments.push(e))
            }
        };
        for w in warnings {
            report.warn(Some(index), label.clone(), w);
        }
        match result {
            Ok(()) => report.loaded += 1,
            Err(message) => report.skip(Some(index), label, message),
        }
    }
    Some(built)
}

fn build_zone(record: Record, frame: &Frame, warnings: &mut Vec<String>) -> Result<Zone, String> {
    let geometry = build_polygons(record.geometry, frame, warnings)?;
    let bbox = bounds_of(&geometry).ok_or("no coordinates")?;
    let area_ha = approx_area_ha(&geometry);
    let props = record.properties;
    let (vocation, vocation_label) = schema::vocation(&props);
    let jobs_key = schema::lookup(&props, schema::JOBS).map(|(k, _)| k.to_string());
    Ok(Zone {
        id: record
            .label
            .or_else(|| record.id.as_ref().and_then(schema::value_text))
            .unwrap_or_else(|| format!("#{}", record.index)),
        name: schema::text(&props, schema::NAME),
        commune: schema::text(&props, schema::COMMUNE),
        vocation,
        vocation_label,
        state: schema::text(&props, schema::STATE),
        surface_declared_ha: schema::number(&props, schema::SURFACE_HA),
        jobs: schema::number(&props, schema::JOBS),
        jobs_year: jobs_key.and_then(|k| schema::year_of(&props, &k)),
        establishments: schema::number(&props, schema::ESTABLISHMENTS),
        operator: schema::text(&props, schema::OPERATOR),
        url: schema::text(&props, schema::URL),
        description: schema::text(&props, schema::DESCRIPTION),
        created: schema::text(&props, schema::CREATED),
        geometry_quality: schema::text(&props, &["geometry_quality", "qualite_geometrie"]),
        position_grade: schema::text(&props, &["position_grade"]),
        tenants: schema::tenants(&props),
        sources: schema::sources(&props),
        properties: props,
        geometry,
        bbox,
        area_ha,
        file: 0,
        feature_index: record.index,
        geodesic_ha: std::sync::OnceLock::new(),
    })
}

fn build_plot(record: Record, frame: &Frame, warnings: &mut Vec<String>) -> Result<Plot, String> {
    let geometry = build_polygons(record.geometry, frame, warnings)?;
    let bbox = bounds_of(&geometry).ok_or("no coordinates")?;
    let props = record.properties;
    Ok(Plot {
        id: schema::text(&props, &["terr_id"]).unwrap_or_else(|| format!("#{}", record.index)),
        site_id: schema::text(&props, &["site_id"]),
        occupation: schema::text(&props, &["terr_etat_occup"]),
        commercial_stage: schema::text(&props, &["terr_stade_comm"]),
        surface_ha: schema::number(&props, &["terr_surf_brute"]),
        price_m2: schema::number(&props, &["terr_m2_prix"]),
        area_ha: approx_area_ha(&geometry),
        properties: props,
        geometry,
        bbox,
        file: 0,
        feature_index: record.index,
        zone: None,
    })
}

fn build_establishment(record: Record, frame: &Frame) -> Result<Establishment, String> {
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
        properties: props,
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
