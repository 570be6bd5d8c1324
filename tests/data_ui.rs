//! The embedded data as a user meets it: the métropole's firms are found by search, the French
//! interface shows the French texts, schematic zones say "approximate location", and with no
//! base map the communes are drawn under the zones.

mod common;

use common::{harness_with, offline, offline_app};
use egui::Key;
use egui_kittest::kittest::Queryable;
use zae_atlas::i18n::Lang;
use zae_atlas::settings::Settings;
use zae_atlas::{AppConfig, Command};

#[test]
fn searching_the_firms_of_the_metropole_selects_their_zone() {
    for (query, zones) in [
        ("euro information", &["dm-ecoparc"][..]),
        ("apave", &["dm-ecoparc"][..]),
        ("helios", &["dm-valmy"][..]),
        ("pepper", &["dm-valmy"][..]),
    ] {
        let mut h = offline_app();
        common::wait_for_search(&mut h);
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
        h.run_steps(2);
        h.get_by_label("Search").type_text(query);
        h.run_steps(2);
        h.key_press(Key::Enter);
        h.run_steps(3);
        let zone = h
            .state()
            .selected_zone()
            .unwrap_or_else(|| panic!("{query}: nothing selected"));
        assert!(zones.contains(&zone.id.as_str()), "{query}: {}", zone.id);
    }
}

fn french_app() -> egui_kittest::Harness<'static, zae_atlas::ZaeApp> {
    let mut h = harness_with(AppConfig {
        settings: Settings {
            language: Some(Lang::Fr),
            ..Settings::default()
        },
        ..offline(Vec::new())
    });
    h.run_steps(3);
    h
}

fn select(h: &mut egui_kittest::Harness<'static, zae_atlas::ZaeApp>, id: &str) {
    let i = h
        .state()
        .dataset()
        .zone_index_by_id(id)
        .unwrap_or_else(|| panic!("{id} missing"));
    let id = h.state().zone_id(i);
    h.state_mut().push(Command::Select(id));
    h.run_steps(3);
}

#[test]
fn the_french_interface_shows_the_french_description_of_cap_nord() {
    let mut h = french_app();
    select(&mut h, "dm-capnord");
    assert!(
        h.query_by_label_contains("Parc d'activités historique et non spécialisé")
            .is_some(),
        "French description of Cap Nord not shown"
    );
    assert!(
        h.query_by_label_contains("Historic, non-specialised")
            .is_none()
    );
    assert!(h.query_by_label("Emplacement approximatif").is_some());
    // Notes of figures and tenants' activities are in French too.
    select(&mut h, "dm-ecoparc");
    assert!(h.query_by_label_contains("centre de données").is_some());
    assert!(
        h.query_by_label_contains("l'effectif de trois entreprises")
            .is_some()
    );
}

#[test]
fn the_english_interface_shows_the_english_texts_and_the_kiosk_card_says_approximate() {
    let mut h = offline_app();
    select(&mut h, "dm-capnord");
    assert!(
        h.query_by_label_contains("Historic, non-specialised")
            .is_some()
    );
    assert!(h.query_by_label("Approximate location").is_some());
    h.state_mut().push(Command::SetKiosk(true));
    h.run_steps(3);
    select(&mut h, "dm-capnord");
    assert!(h.query_by_label("Approximate location").is_some());
    // The legend says what the dashed outlines are.
    assert!(h.query_by_label("approximate outline").is_some());
}

#[test]
fn with_no_base_map_the_communes_are_drawn_and_can_be_turned_off() {
    let mut h = offline_app();
    h.run_steps(3);
    let names = h.state().context_names().to_vec();
    for commune in ["Dijon", "Longvic", "Quetigny", "Chenôve"] {
        assert!(
            names.iter().any(|n| n == commune),
            "{commune} not drawn: {names:?}"
        );
    }
    h.state_mut().push(Command::ShowContext(false));
    h.run_steps(2);
    assert!(h.state().context_names().is_empty());
    assert_eq!(h.state().context_choice(), (false, None));
}

#[test]
fn a_planners_polygon_file_replaces_the_communes() {
    let mut h = offline_app();
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cnig/site-eco.geojson");
    h.state_mut()
        .push(Command::SetContextFile(Some(file.clone())));
    h.run_steps(3);
    assert_eq!(h.state().context_choice(), (true, Some(&file)));
    let names = h.state().context_names().to_vec();
    assert!(!names.iter().any(|n| n == "Longvic"), "{names:?}");
    // A file that cannot be read keeps the communes and says why.
    let missing = file.with_file_name("no-such-file.geojson");
    h.state_mut().push(Command::SetContextFile(Some(missing)));
    h.run_steps(3);
    assert_eq!(h.state().context_choice(), (true, None));
    assert!(!h.state().errors().is_empty());
}

/// Every zone's panel and kiosk card, in both languages: every glyph of the texts can be drawn
/// (a missing one stops egui) and every free text is in the interface's language.
#[test]
fn every_zone_shows_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let mut h = harness_with(AppConfig {
            settings: Settings {
                language: Some(lang),
                ..Settings::default()
            },
            ..offline(Vec::new())
        });
        h.run_steps(3);
        let n = h.state().dataset().zones.len();
        for kiosk in [false, true] {
            h.state_mut().push(Command::SetKiosk(kiosk));
            for i in 0..n {
                let id = h.state().zone_id(i);
                h.state_mut().push(Command::Select(id));
                h.run_steps(2);
            }
        }
    }
}

/// The load report window gives one line for a warning many features share, with the count and
/// the first features (as `check` does), not one line per feature.
#[test]
fn the_load_report_groups_a_warning_shared_by_many_features() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::clockwise_squares(dir.path(), 30);
    let mut h = harness_with(offline(vec![path]));
    common::wait_for_loads(&mut h);
    let id = h.state().source_id(0);
    h.state_mut().push(Command::ShowReport(id));
    h.run_steps(3);
    let grouped = h
        .query_all_by_label_contains("re-oriented — 30 features (first: feature 0 (Z0)")
        .count();
    assert_eq!(grouped, 1);
    assert_eq!(h.query_all_by_label_contains("re-oriented").count(), 1);
}
