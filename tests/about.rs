//! Help ▸ About: version, licence, data credits and what this copy sends to tile servers, in
//! English and in French.

mod common;

use common::{harness_with, offline};
use egui_kittest::kittest::Queryable;
use zae_atlas::i18n::Lang;
use zae_atlas::identity::VERSION;

#[test]
fn help_about_shows_version_licence_credits_and_user_agent() {
    let mut config = offline(Vec::new());
    config.settings.contact = Some("sig@metropole-dijon.fr".to_string());
    let mut h = harness_with(config);
    h.run_steps(3);
    assert!(h.query_by_label("About ZAE Atlas").is_none());
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("About ZAE Atlas…").click();
    h.run_steps(3);
    h.get_by_label(&format!("ZAE Atlas {VERSION}"));
    h.get_by_label_contains("MIT OR Apache-2.0");
    h.get_by_label_contains("© OpenStreetMap contributors");
    h.get_by_label_contains("ODbL");
    h.get_by_label_contains("CNIG, Licence Ouverte 2.0");
    h.get_by_label_contains("Attractivité économique");
    h.get_by_label_contains("IGN Admin Express");
    h.get_by_label_contains("Plan IGN and IGN orthophoto base maps");
    h.get_by_label_contains(&format!(
        "zae-atlas/{VERSION} ({}; +sig@metropole-dijon.fr)",
        std::env::consts::OS
    ));
    h.get_by_label("Close").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("© OpenStreetMap contributors,")
            .is_none()
    );
}

#[test]
fn the_about_box_speaks_french() {
    let mut config = offline(Vec::new());
    config.settings.language = Some(Lang::Fr);
    let mut h = harness_with(config);
    h.run_steps(3);
    h.get_by_label("Aide").click();
    h.run_steps(2);
    h.get_by_label("À propos de ZAE Atlas…").click();
    h.run_steps(3);
    h.get_by_label_contains("Logiciel libre sous licence MIT OR Apache-2.0");
    h.get_by_label_contains("les contributeurs d'OpenStreetMap");
    h.get_by_label_contains("Les requêtes de tuiles s'identifient comme");
    assert!(
        h.query_by_label_contains("Tile requests identify as")
            .is_none()
    );
}
