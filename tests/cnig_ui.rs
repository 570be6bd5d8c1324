//! The CNIG trio opened in the app: a zone's info panel shows its land and joined tenants.

mod common;

use std::path::PathBuf;

use common::harness_with;
use egui_kittest::kittest::Queryable;

fn cnig(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cnig")
        .join(name)
}

#[test]
fn zone_panel_shows_available_land_vacancy_price_and_tenants() {
    let mut h = harness_with(common::offline(vec![
        cnig("site-eco.csv"),
        cnig("terrain-eco.csv"),
        cnig("etablissement.csv"),
    ]));
    common::wait_for_loads(&mut h);
    assert_eq!(h.state().dataset().plots.len(), 8);
    h.get_by_label("Plots (CNIG terrain-eco)");

    h.get_by_label("ZA Test Nord").click();
    h.run_steps(3);
    h.get_by_label("4.80 ha for sale (2 plots)");
    h.get_by_label("12.5% (site_taux_vacance)");
    h.get_by_label("35–42 €/m² (plots for sale)");
    h.get_by_label_contains("SIRET 99910001900010");

    // Zone B gives no vacancy rate: computed from its plots (2 vacant of 4).
    h.get_by_label("ZA Test Est").click();
    h.run_steps(3);
    h.get_by_label("50.0% (computed from the plots)");
    assert!(
        h.query_all_by_label("unknown").count() >= 1,
        "no price given: unknown"
    );
}
