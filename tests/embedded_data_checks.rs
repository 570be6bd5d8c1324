//! The embedded dataset against its own rules (issue: outlines in their communes, French
//! first, the métropole's firms): every schematic part lies inside the communes its feature
//! names, none outside the métropole, no two zones overlap unless one is declared inside the
//! other, every free text is given in French and English, and every firm the métropole's page
//! names is a tenant with that page among its sources.

use std::collections::HashMap;

use geo::{Area, BooleanOps, LineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};
use zae_atlas::app::{EMBEDDED_DATASET, EMBEDDED_NAME};
use zae_atlas::io::load_bytes;
use zae_atlas::map::context_layer::COMMUNES_GEOJSON;

/// The métropole's page, as the data cites it (French title).
const METRO_PAGE: &str = "Attractivité économique";

fn features() -> Vec<Map<String, Value>> {
    let fc: Value = serde_json::from_slice(EMBEDDED_DATASET).expect("the dataset is JSON");
    fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| f["properties"].as_object().expect("properties").clone())
        .collect()
}

/// INSEE code → commune outline.
fn communes() -> HashMap<String, MultiPolygon<f64>> {
    let fc: Value = serde_json::from_slice(COMMUNES_GEOJSON).expect("the communes are JSON");
    fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| {
            let code = f["properties"]["code"].as_str().expect("code").to_string();
            let rings: Vec<LineString<f64>> = f["geometry"]["coordinates"]
                .as_array()
                .expect("a polygon's rings")
                .iter()
                .map(|ring| {
                    ring.as_array()
                        .expect("a ring")
                        .iter()
                        .map(|c| (c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat")))
                        .collect()
                })
                .collect();
            let (exterior, holes) = rings.split_first().expect("an exterior ring");
            let polygon = Polygon::new(exterior.clone(), holes.to_vec());
            (code, MultiPolygon(vec![polygon]))
        })
        .collect()
}

fn union(parts: impl IntoIterator<Item = MultiPolygon<f64>>) -> MultiPolygon<f64> {
    parts
        .into_iter()
        .reduce(|a, b| a.union(&b))
        .unwrap_or_else(|| MultiPolygon(Vec::new()))
}

#[test]
fn every_schematic_part_lies_in_its_communes_and_in_the_metropole() {
    let communes = communes();
    assert_eq!(communes.len(), 23);
    let metropole = union(communes.values().cloned());
    let file = load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
    let props = features();
    for (zone, p) in file.zones.iter().zip(&props) {
        let named: Vec<String> = p["communes_insee"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no communes_insee", zone.id))
            .iter()
            .map(|c| c.as_str().expect("a code").to_string())
            .collect();
        let allowed = union(named.iter().map(|c| {
            communes
                .get(c)
                .unwrap_or_else(|| panic!("{}: {c} is not a commune of the métropole", zone.id))
                .clone()
        }));
        for (k, part) in zone.geometry().0.into_iter().enumerate() {
            let part = MultiPolygon(vec![part]);
            let area = part.unsigned_area();
            let outside = part.difference(&allowed).unsigned_area() / area;
            assert!(
                outside <= 0.01,
                "{} part {k}: {:.2} % outside {named:?}",
                zone.id,
                outside * 100.0
            );
            let out_of_metropole = part.difference(&metropole).unsigned_area() / area;
            assert!(
                out_of_metropole <= 1e-4,
                "{} part {k}: {:.3} % outside the métropole",
                zone.id,
                out_of_metropole * 100.0
            );
        }
        // Every commune named holds part of the zone.
        for code in &named {
            let share = zone
                .geometry()
                .intersection(&communes[code])
                .unsigned_area()
                / zone.geometry().unsigned_area();
            assert!(
                share > 0.01,
                "{}: {:.2} % in {code}",
                zone.id,
                share * 100.0
            );
        }
    }
}

#[test]
fn declared_splits_size_the_parts() {
    let communes = communes();
    let file = load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
    for (zone, p) in file.zones.iter().zip(features()) {
        let Some(split) = p.get("communes_split_ha").and_then(Value::as_object) else {
            continue;
        };
        let total: f64 = split.values().filter_map(Value::as_f64).sum();
        let codes = p["communes_insee"].as_array().expect("codes");
        for ((_, ha), code) in split.iter().zip(codes) {
            let inside = zone
                .geometry()
                .intersection(&communes[code.as_str().expect("code")])
                .unsigned_area()
                / zone.geometry().unsigned_area();
            let wanted = ha.as_f64().expect("ha") / total;
            assert!(
                (inside - wanted).abs() < 0.01,
                "{}: {:.3} of the shape in {code}, {wanted:.3} declared",
                zone.id,
                inside
            );
        }
    }
}

#[test]
fn zones_do_not_overlap_unless_declared_inside_one_another() {
    let file = load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
    let props = features();
    let inside_of: Vec<Option<&str>> = props
        .iter()
        .map(|p| p.get("contained_in").and_then(Value::as_str))
        .collect();
    let zones = &file.zones;
    for i in 0..zones.len() {
        for j in i + 1..zones.len() {
            let (a, b) = (zones[i].geometry(), zones[j].geometry());
            let common = a.intersection(&b).unsigned_area();
            let contained = inside_of[i] == Some(zones[j].id.as_str())
                || inside_of[j] == Some(zones[i].id.as_str());
            if contained {
                let (inner, outer) = if inside_of[i].is_some() {
                    (&a, &b)
                } else {
                    (&b, &a)
                };
                assert!(
                    inner.difference(outer).unsigned_area() <= 1e-6 * inner.unsigned_area(),
                    "{} is declared inside {} but is not",
                    zones[i].id,
                    zones[j].id
                );
            } else {
                assert!(
                    common <= 1e-6 * a.unsigned_area().min(b.unsigned_area()),
                    "{} and {} overlap",
                    zones[i].id,
                    zones[j].id
                );
            }
        }
    }
    assert_eq!(
        inside_of.iter().flatten().collect::<Vec<_>>(),
        vec![&"dm-capnord"],
        "Marché de l'Agro in Cap Nord is the one declared containment"
    );
}

/// A free text: an object with non-empty `fr` and `en`.
fn assert_bilingual(value: &Value, what: &str) {
    let ok = value.as_object().is_some_and(|o| {
        ["fr", "en"].iter().all(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.is_empty())
        })
    });
    assert!(ok, "{what}: not in French and English: {value}");
}

fn is_url(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        s.split(" ; ")
            .all(|u| u.starts_with("http://") || u.starts_with("https://"))
    })
}

#[test]
fn every_free_text_is_in_french_and_english() {
    const FREE_TEXT: [&str; 11] = [
        "site_nom_alt",
        "vocation_detail",
        "status_detail",
        "site_surf_brute_note",
        "site_nb_emploi_note",
        "site_nb_etab_note",
        "site_moa_nom",
        "site_creation_date",
        "site_description",
        "position_basis",
        "outline_basis",
    ];
    for p in features() {
        let id = p["site_id"].as_str().expect("id").to_string();
        for key in FREE_TEXT {
            let value = p.get(key).unwrap_or(&Value::Null);
            if !value.is_null() {
                assert_bilingual(value, &format!("{id} {key}"));
            }
        }
        assert_bilingual(&p["site_description"], &format!("{id} site_description"));
        for key in [
            "site_surf_brute_source",
            "site_nb_emploi_source",
            "site_nb_etab_source",
        ] {
            let value = p.get(key).unwrap_or(&Value::Null);
            if !value.is_null() && !is_url(value) {
                assert_bilingual(value, &format!("{id} {key}"));
            }
        }
        for source in p["sources"].as_array().expect("sources") {
            if !is_url(source) {
                assert_bilingual(source, &format!("{id} source title"));
            }
        }
        for claim in p["unverified_claims"].as_array().expect("claims") {
            assert_bilingual(claim, &format!("{id} unverified claim"));
        }
        for f in p["facilities"].as_array().expect("facilities") {
            assert_bilingual(&f["text"], &format!("{id} facility"));
        }
        for list in ["tenants", "former_tenants"] {
            for t in p[list].as_array().expect(list) {
                // A proper name, or a text in both languages when it carries common words.
                let name = match &t["name"] {
                    Value::String(name) => name.clone(),
                    other => {
                        assert_bilingual(other, &format!("{id} tenant name"));
                        other["en"].as_str().unwrap_or_default().to_string()
                    }
                };
                for key in ["activity", "status"] {
                    if !t[key].is_null() {
                        assert_bilingual(&t[key], &format!("{id} {name} {key}"));
                    }
                }
                for source in t["sources"].as_array().expect("tenant sources") {
                    if !is_url(source) {
                        assert_bilingual(source, &format!("{id} {name} source"));
                    }
                }
            }
        }
    }
}

#[test]
fn every_firm_the_metropole_names_is_a_tenant_citing_its_page() {
    let props = features();
    let cites_page = |t: &Value| {
        t["sources"].as_array().is_some_and(|s| {
            s.iter()
                .any(|src| src["fr"].as_str().is_some_and(|f| f.contains(METRO_PAGE)))
        })
    };
    // The page: Écoparc (EURO INFORMATION, PACIFICA, EUROGERM, APAVE, FILAB), Écopôle Valmy
    // (PEPPER & SPICY, HELIOS PARK, B&B), Beauregard (GIPHAR, CHRONOPOST, the légumerie).
    for (zone, firm) in [
        ("dm-ecoparc", "euro information"),
        ("dm-ecoparc", "pacifica"),
        ("dm-ecoparc", "eurogerm"),
        ("dm-ecoparc", "apave"),
        ("dm-ecoparc", "filab"),
        ("dm-valmy", "pepper"),
        ("dm-valmy", "spicy"),
        ("dm-valmy", "helios park"),
        ("dm-valmy", "b&b"),
        ("dm-beauregard", "giphar"),
        ("dm-beauregard", "chronopost"),
        ("dm-beauregard", "légumerie"),
    ] {
        let p = props
            .iter()
            .find(|p| p["site_id"] == zone)
            .unwrap_or_else(|| panic!("{zone} missing"));
        let tenant = p["tenants"]
            .as_array()
            .expect("tenants")
            .iter()
            .find(|t| {
                t["name"]
                    .as_str()
                    .is_some_and(|n| n.to_lowercase().contains(firm))
            })
            .unwrap_or_else(|| panic!("{firm} is not a tenant of {zone}"));
        assert!(
            cites_page(tenant),
            "{firm}: the métropole's page is not among its sources"
        );
        assert_eq!(tenant["year"], 2022, "{firm}: the page's year");
        let status = tenant["status"]["en"].as_str().unwrap_or_default();
        assert!(
            status.contains("under construction") || status.contains("announced"),
            "{firm}: status {status:?}"
        );
    }
}

#[test]
fn non_firms_and_misattributed_figures_are_fixed() {
    let props = features();
    let zone = |id: &str| {
        props
            .iter()
            .find(|p| p["site_id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let tenant_names = |id: &str, list: &str| -> Vec<String> {
        zone(id)[list]
            .as_array()
            .expect("list")
            .iter()
            .map(|t| t["name"].as_str().unwrap_or_default().to_lowercase())
            .collect()
    };
    for (id, not_a_firm) in [
        ("dm-toison-or", "shops"),
        ("dm-toison-or", "hypermarket"),
        ("dm-cigv", "cinemas"),
        ("dm-santenov", "start-up floors"),
        ("dm-aeroport", "drone school"),
        ("dm-aeroport", "parachuting"),
        ("dm-agronov", "start-ups"),
    ] {
        assert!(
            !tenant_names(id, "tenants")
                .iter()
                .any(|n| n.contains(not_a_firm)),
            "{id}: {not_a_firm} is listed as a tenant"
        );
        assert!(
            zone(id)["facilities"]
                .as_array()
                .expect("facilities")
                .iter()
                .any(|f| f["text"]["en"]
                    .as_str()
                    .is_some_and(|t| t.contains(not_a_firm))),
            "{id}: {not_a_firm} is not among the facilities"
        );
    }
    assert!(!tenant_names("dm-chenove-za", "tenants").contains(&"chronopost".to_string()));
    assert!(tenant_names("dm-chenove-za", "former_tenants").contains(&"chronopost".to_string()));
    // Figures that were not the zone's own: not stored, and the note says what they are.
    for (id, key) in [
        ("dm-toison-or", "site_nb_emploi"),
        ("dm-ecoparc", "site_nb_emploi"),
        ("dm-quetigny-cc", "site_nb_etab"),
    ] {
        assert!(zone(id)[key].is_null(), "{id} {key} is stored");
        assert!(
            zone(id)[&format!("{key}_note")]["en"]
                .as_str()
                .is_some_and(|n| n.contains("not stored")),
            "{id} {key}: the note does not say why"
        );
    }
    let url = |id: &str| {
        zone(id)["site_url"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        !url("dm-agronov").contains("logettes"),
        "Agronov's page is about cattle housing"
    );
    assert!(
        !url("dm-zi-longvic").contains("cbre"),
        "ZI Longvic's page is a broker's listing"
    );
}
