//! The embedded Dijon dataset: it loads cleanly, every figure carries its source, outlines are
//! marked schematic and sized to the declared surface.

use geo::{Contains, Coord};
use zae_atlas::app::{EMBEDDED_DATASET, EMBEDDED_NAME};
use zae_atlas::io::{LoadedFile, load_bytes};

fn embedded() -> LoadedFile {
    load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("the embedded dataset loads")
}

#[test]
fn loads_without_skips_or_warnings() {
    let file = embedded();
    assert_eq!(file.report.features_seen, file.zones.len());
    assert!(file.report.skipped.is_empty(), "{:?}", file.report.skipped);
    assert!(
        file.report.warnings.is_empty(),
        "{:?}",
        file.report.warnings
    );
    assert!(file.zones.len() >= 24);
}

#[test]
fn the_named_zones_of_the_brief_are_there() {
    let file = embedded();
    let names: Vec<String> = file
        .zones
        .iter()
        .map(|z| z.display_name().to_lowercase())
        .collect();
    for wanted in [
        "cap nord",
        "beauregard",
        "valmy",
        "écoparc",
        "agronov",
        "longvic",
        "portes du sud",
        "mazen-sully",
        "toison d'or",
    ] {
        assert!(
            names.iter().any(|n| n.contains(wanted)),
            "{wanted} missing from {names:?}"
        );
    }
}

#[test]
fn every_zone_is_marked_schematic_with_a_position_grade_and_sources() {
    for zone in embedded().zones {
        assert_eq!(
            zone.geometry_quality().as_deref(),
            Some("schematic"),
            "{}",
            zone.id
        );
        let grade = zone.position_grade().unwrap_or_default();
        assert!(
            ["H", "M", "L"].contains(&grade.as_str()),
            "{}: grade {grade:?}",
            zone.id
        );
        assert!(!zone.sources().is_empty(), "{}: no source", zone.id);
        assert!(zone.property_text("outline_basis").is_some(), "{}", zone.id);
    }
}

#[test]
fn every_figure_has_a_note_and_a_source() {
    for zone in embedded().zones {
        for key in ["site_surf_brute", "site_nb_emploi", "site_nb_etab"] {
            let has_value = zone.properties.get(key).is_some_and(|v| !v.is_null());
            if has_value {
                for suffix in ["_note", "_source"] {
                    let k = format!("{key}{suffix}");
                    assert!(
                        zone.property_text(&k).is_some_and(|s| !s.is_empty()),
                        "{}: {key} has no {k}",
                        zone.id
                    );
                }
            }
        }
    }
}

#[test]
fn schematic_outlines_are_sized_to_the_declared_surface() {
    for zone in embedded().zones {
        if let Some(declared) = zone.surface_declared_ha {
            let computed = zone.geodesic_area_ha();
            assert!(
                (computed - declared).abs() / declared < 0.01,
                "{}: outline {computed:.2} ha for {declared} ha declared",
                zone.id
            );
        }
    }
}

#[test]
fn documented_figures_are_as_the_sources_give_them() {
    let file = embedded();
    let zone = |id: &str| {
        file.zones
            .iter()
            .find(|z| z.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let cap_nord = zone("dm-capnord");
    assert_eq!(cap_nord.surface_declared_ha, Some(300.0));
    assert_eq!(cap_nord.jobs, Some(11_000.0));
    assert_eq!(cap_nord.jobs_year().as_deref(), Some("2022"));
    // Beauregard: no zone-wide job count in any source.
    assert_eq!(zone("dm-beauregard").jobs, None);
    assert!(
        zone("dm-beauregard")
            .tenants()
            .iter()
            .any(|t| t.name.contains("GIPHAR"))
    );
}

#[test]
fn cap_nord_centre_is_inside_cap_nord_only() {
    let point = Coord {
        x: 5.0680,
        y: 47.3410,
    };
    let hits: Vec<String> = embedded()
        .zones
        .into_iter()
        .filter(|z| z.geometry().contains(&point))
        .map(|z| z.id)
        .collect();
    assert_eq!(hits, vec!["dm-capnord".to_string()]);
}
