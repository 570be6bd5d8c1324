//! The zone list sorts by name ignoring accents (or keeps the file order), and hovering a zone
//! with no declared surface shows the surface computed from its outline.

mod common;

use common::{harness_with, offline, wait_for_loads};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zae_atlas::ZaeApp;
use zae_atlas::format::format_ha;
use zae_atlas::i18n::Lang;

/// In file order; none has a declared surface.
const NAMES: [&str; 5] = ["Zone B", "Écoparc", "eau vive", "Cap Nord", "Estrées"];

/// Squares of about 700 m side by side east of Dijon, one per name.
fn write_zones(dir: &std::path::Path) -> std::path::PathBuf {
    let features: Vec<String> = NAMES
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let x = 5.10 + 0.012 * k as f64;
            let (x1, y0, y1) = (x + 0.009, 47.30, 47.306);
            format!(
                r#"{{"type":"Feature","properties":{{"site_nom":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y0}],[{x1},{y0}],[{x1},{y1}],[{x},{y1}],[{x},{y0}]]]}}}}"#
            )
        })
        .collect();
    let path = dir.join("zones.geojson");
    std::fs::write(
        &path,
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        ),
    )
    .expect("write the zones");
    path
}

fn app(dir: &std::path::Path, lang: Lang) -> Harness<'static, ZaeApp> {
    let mut config = offline(vec![write_zones(dir)]);
    config.settings.language = Some(lang);
    let mut h = harness_with(config);
    wait_for_loads(&mut h);
    h
}

/// The names of the list, top to bottom.
fn list_order(h: &Harness<'static, ZaeApp>) -> Vec<&'static str> {
    let mut shown: Vec<(f32, &'static str)> = NAMES
        .iter()
        .map(|&name| (h.get_by_label(name).rect().top(), name))
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, name)| name).collect()
}

#[test]
fn the_zone_list_sorts_by_name_with_accents_or_keeps_the_file_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(dir.path(), Lang::En);
    assert_eq!(
        list_order(&h),
        ["Cap Nord", "eau vive", "Écoparc", "Estrées", "Zone B"],
        "by name, Écoparc among the E's"
    );
    h.get_by_label("File order").click();
    h.run_steps(2);
    assert_eq!(list_order(&h), NAMES);
    h.get_by_label("By name").click();
    h.run_steps(2);
    assert_eq!(list_order(&h)[2], "Écoparc");
}

#[test]
fn the_zone_list_choice_is_in_french_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(dir.path(), Lang::Fr);
    h.get_by_label("Ordre du fichier").click();
    h.run_steps(2);
    assert_eq!(list_order(&h), NAMES);
    h.get_by_label("Par nom");
}

/// Hovers the zone called `name`; returns its computed surface as the interface writes it.
fn hover(h: &mut Harness<'static, ZaeApp>, name: &str) -> String {
    let app = h.state();
    let zone = app
        .dataset()
        .zones
        .iter()
        .find(|z| z.display_name() == name)
        .expect("the zone");
    assert_eq!(zone.surface_declared_ha, None);
    let ha = format_ha(zone.area_ha);
    let centre = zone.bbox.center();
    let view = app.view().expect("drawn");
    let pos = view.lon_lat_to_screen(centre.x, centre.y);
    h.event(egui::Event::PointerMoved(pos));
    h.run_steps(4);
    ha
}

#[test]
fn hovering_a_zone_with_no_declared_surface_shows_the_computed_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(dir.path(), Lang::En);
    let ha = hover(&mut h, "Écoparc");
    assert!(ha.starts_with("4"), "a 700 m × 670 m square: {ha} ha");
    let text = format!("Écoparc\n{ha} ha computed");
    assert!(h.query_all_by_label_contains(&text).count() >= 1, "{text}");
    assert!(
        h.query_by_label_contains("surface unknown").is_none(),
        "the surface is known"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(dir.path(), Lang::Fr);
    let ha = hover(&mut h, "Estrées");
    assert!(ha.contains(','), "French decimal comma: {ha}");
    let text = format!("Estrées\n{ha} ha calculés");
    assert!(h.query_all_by_label_contains(&text).count() >= 1, "{text}");
}
