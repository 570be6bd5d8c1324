//! The CNIG "Sites économiques" trio (site-eco, terrain-eco, etablissement), as CSV and as
//! GeoJSON, in Lambert-93: layers recognised, joins made, land figures computed — checked
//! against tests/data/cnig/expected.json.

mod common;

use std::path::PathBuf;

use serde_json::Value;
use zae_atlas::io::{Layer, load_path};
use zae_atlas::store::{Dataset, SourceFile};

fn cnig(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cnig")
        .join(name)
}

fn expected() -> Value {
    let text = std::fs::read_to_string(cnig("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Loads the three layers of one format into a dataset, the way the app does.
fn dataset(ext: &str) -> Dataset {
    let mut dataset = Dataset::default();
    for (name, layer) in [
        ("site-eco", Layer::Zones),
        ("terrain-eco", Layer::Plots),
        ("etablissement", Layer::Establishments),
    ] {
        let path = cnig(&format!("{name}.{ext}"));
        let file = load_path(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.layer, layer, "{name}.{ext}");
        assert!(
            file.report.skipped.is_empty(),
            "{name}.{ext}: {:?}",
            file.report.skipped
        );
        assert!(
            file.report.crs.to_string().contains("2154"),
            "{name}.{ext}: {}",
            file.report.crs
        );
        dataset.add_file(
            SourceFile {
                name: name.into(),
                path: Some(path),
                report: file.report,
                database: None,
            },
            file.zones,
            file.plots,
            file.establishments,
        );
    }
    dataset
}

fn check_trio(ext: &str) {
    let expected = expected();
    let data = dataset(ext);
    let count = |layer: &str| expected["layers"][layer]["count"].as_u64().expect("count") as usize;
    assert_eq!(data.zones.len(), count("site-eco"));
    assert_eq!(data.plots.len(), count("terrain-eco"));
    assert_eq!(data.establishments.len(), count("etablissement"));

    for (site_id, site) in expected["sites"].as_object().expect("sites") {
        let zi = data
            .zone_index_by_id(site_id)
            .unwrap_or_else(|| panic!("{site_id} missing"));
        let zone = &data.zones[zi];
        assert_eq!(zone.name.as_deref(), site["site_nom"].as_str());
        // Reprojection: first vertex against pyproj.
        let first = zone.geometry().0[0].exterior().0[0];
        let want = &site["first_vertex_wgs84"];
        let (lon, lat) = (
            want[0].as_f64().expect("lon"),
            want[1].as_f64().expect("lat"),
        );
        assert!(
            (first.x - lon).abs() < 1e-6 && (first.y - lat).abs() < 1e-6,
            "{site_id}: {first:?}"
        );

        let stats = data.land_stats(zi);
        let n = |key: &str| site[key].as_u64().expect(key) as usize;
        assert_eq!(stats.plots, n("plots"), "{site_id} plots");
        assert_eq!(
            stats.plots_for_sale,
            n("plots_for_sale"),
            "{site_id} for sale"
        );
        assert_eq!(stats.vacant_plots, n("vacant_plots"), "{site_id} vacant");
        let available = site["available_surface_ha"].as_f64().expect("available");
        assert!(
            (stats.available_ha - available).abs() < 1e-9,
            "{site_id}: {}",
            stats.available_ha
        );
        assert_eq!(
            stats.vacancy_percent,
            site["vacancy_rate_percent"].as_f64(),
            "{site_id} vacancy"
        );
        assert_eq!(
            stats.vacancy_given,
            site["vacancy_rate_source"] == "given",
            "{site_id}"
        );
        assert_eq!(
            stats.price_m2_min,
            site["m2_price_min"].as_f64(),
            "{site_id} min price"
        );
        assert_eq!(
            stats.price_m2_max,
            site["m2_price_max"].as_f64(),
            "{site_id} max price"
        );
    }

    common::check_expected_establishments(&data, &expected);
    assert_eq!(data.joins.establishments_without_zone, 1);
    assert_eq!(data.joins.plots_by_site_id, 8);
}

#[test]
fn csv_trio_is_read_and_joined() {
    check_trio("csv");
}

#[test]
fn geojson_trio_is_read_and_joined() {
    check_trio("geojson");
}

#[test]
fn joined_establishments_carry_their_tenant_details() {
    let data = dataset("csv");
    let zi = data
        .zone_index_by_id("21231_SITE-ECO_90001")
        .expect("zone A");
    let tenants: Vec<_> = data.establishments_in(zi).collect();
    assert_eq!(tenants.len(), 2);
    for t in tenants {
        assert!(t.siret.as_deref().is_some_and(|s| s.len() == 14));
        assert!(t.activity.is_some(), "{}", t.name);
        assert!(t.headcount.is_some(), "{}", t.name);
    }
}

#[test]
fn removing_the_plots_file_unjoins_terr_id_only_tenants() {
    let mut data = dataset("csv");
    let plots_file = data
        .files
        .iter()
        .position(|f| f.name == "terrain-eco")
        .expect("plots file");
    data.remove_file(plots_file);
    assert!(data.plots.is_empty());
    let metal = data
        .establishments
        .iter()
        .find(|e| e.siret.as_deref() == Some("99910003500016"))
        .expect("case b");
    assert_eq!(metal.zone, None, "only its terr_id linked it to a zone");
}
