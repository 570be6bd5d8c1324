//! Planner's toolbox in the app: filters change the table and the map, the table selects on
//! the map, sorting puts unknown values last.

mod common;

use common::offline_app;
use egui_kittest::kittest::Queryable;
use zae_atlas::Command;
use zae_atlas::filter::ZoneFilter;
use zae_atlas::model::Vocation;

#[test]
fn filters_change_the_table_rows_and_what_the_map_draws() {
    let mut h = offline_app();
    h.state_mut().push(Command::ToggleTable);
    h.run_steps(3);
    let all = h.state().dataset().zones.len();
    assert_eq!(h.state().table_rows().len(), all);

    let filter = ZoneFilter {
        surface_min_ha: Some(100.0),
        ..ZoneFilter::default()
    };
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(3);
    let expected = h
        .state()
        .dataset()
        .zones
        .iter()
        .filter(|z| z.surface_declared_ha.is_some_and(|s| s >= 100.0))
        .count();
    assert_eq!(h.state().table_rows().len(), expected);
    assert_eq!(
        h.state().zones_drawn(),
        expected,
        "the map follows the filter"
    );
    h.get_by_label_contains(&format!("Showing {expected} of {all} zones"));

    let mut filter = ZoneFilter::default();
    filter.vocations.insert(Vocation::Tertiary);
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(3);
    let tertiary = h
        .state()
        .dataset()
        .zones
        .iter()
        .filter(|z| z.vocation == Vocation::Tertiary)
        .count();
    assert_eq!(h.state().table_rows().len(), tertiary);

    // The chip removes its filter.
    h.get_by_label_contains("vocation: Offices / tertiary")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().table_rows().len(), all);
}

#[test]
fn a_table_click_selects_the_zone_on_the_map() {
    let mut h = offline_app();
    h.state_mut().push(Command::ToggleTable);
    h.run_steps(3);
    // Sorted by name: "Agronov" comes first.
    let first = h.state().table_rows()[0];
    assert_eq!(h.state().dataset().zones[first].display_name(), "Agronov");
    let cells: Vec<_> = h.query_all_by_label("Agronov").collect();
    // The zone list and the table both show it; the table's cell is the lower one.
    let cell = cells
        .iter()
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("a cell");
    cell.click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), Some(first));
    h.get_by_label("Declared surface");
}

#[test]
fn sorting_by_jobs_puts_unknown_last() {
    let mut h = offline_app();
    h.state_mut().push(Command::ToggleTable);
    h.run_steps(3);
    h.get_by_label("Jobs").click();
    h.run_steps(2);
    h.get_by_label("Jobs ^").click();
    h.run_steps(2);
    let app = h.state();
    let jobs: Vec<Option<f64>> = app
        .table_rows()
        .iter()
        .map(|&i| app.dataset().zones[i].jobs)
        .collect();
    let known: Vec<f64> = jobs.iter().flatten().copied().collect();
    assert!(
        known.windows(2).all(|w| w[0] >= w[1]),
        "descending: {known:?}"
    );
    assert!(
        jobs[known.len()..].iter().all(Option::is_none),
        "unknown last: {jobs:?}"
    );
    assert_eq!(jobs[0], Some(11_000.0), "Cap Nord has the most jobs");
}

#[test]
fn statistics_show_totals_of_the_filtered_zones() {
    let mut h = offline_app();
    h.state_mut().push(Command::ToggleStats);
    h.run_steps(3);
    let all = h.state().dataset().zones.len();
    // Only the zones of one commune.
    let commune = h
        .state()
        .store()
        .communes()
        .first()
        .cloned()
        .expect("a commune");
    let filter = zae_atlas::filter::ZoneFilter {
        commune: Some(commune.clone()),
        ..Default::default()
    };
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(3);
    h.get_by_label_contains("Jobs per zone");
    let app = h.state();
    let shown = app.table_rows().len();
    assert!(shown > 0 && shown < all, "{shown} of {all} zones shown");
    let with_jobs = app
        .table_rows()
        .iter()
        .filter(|&&i| app.dataset().zones[i].jobs.is_some())
        .count();
    assert!(
        app.table_rows()
            .iter()
            .all(|&i| app.dataset().zones[i].commune.as_deref() == Some(commune.as_str()))
    );
    h.get_by_label_contains(&format!("({with_jobs} of {shown} zones give a figure)"));
}

#[test]
fn graduated_style_has_a_matching_legend() {
    let mut h = offline_app();
    h.state_mut()
        .push(Command::SetStyle(zae_atlas::style::StyleMode::Surface));
    h.run_steps(3);
    h.get_by_label("Declared surface (ha)");
    let unknown = h
        .state()
        .dataset()
        .zones
        .iter()
        .filter(|z| z.surface_declared_ha.is_none())
        .count();
    h.get_by_label(&format!("unknown ({unknown})"));
}

#[test]
fn measuring_a_known_square_matches_geodesic_area_and_escape_ends() {
    use geo::{GeodesicArea, polygon};
    let mut h = offline_app();
    h.state_mut().push(Command::Measure(Some(
        zae_atlas::measure::MeasureMode::Area,
    )));
    h.run_steps(2);
    let view = h.state().view().expect("drawn");
    // A square of 0.01° near the centre of the view (no zone gets selected meanwhile).
    let (lon0, lat0) = view.screen_to_lon_lat(view.rect.center());
    let corners = [
        (lon0, lat0),
        (lon0 + 0.01, lat0),
        (lon0 + 0.01, lat0 + 0.01),
        (lon0, lat0 + 0.01),
    ];
    let mut clicked = Vec::new();
    for &(lon, lat) in &corners {
        let p = view.lon_lat_to_screen(lon, lat);
        clicked.push(view.screen_to_lon_lat(p));
        common::click_at(&mut h, p);
    }
    assert_eq!(h.state().selected(), None, "measuring does not select");
    // Against geo's geodesic area of the points as clicked (screen rounding included).
    let square = polygon![
        (x: clicked[0].0, y: clicked[0].1),
        (x: clicked[1].0, y: clicked[1].1),
        (x: clicked[2].0, y: clicked[2].1),
        (x: clicked[3].0, y: clicked[3].1),
    ];
    let expected_ha = square.geodesic_area_unsigned() / 10_000.0;
    let text = h.state().measure_text().expect("measuring");
    assert!(
        text.starts_with(&format!("Area: {expected_ha:.2} ha")),
        "{text} vs {expected_ha}"
    );
    h.get_by_label_contains("Area: ");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(
        h.state().measure_text().is_none(),
        "Escape ends the measure"
    );
}

#[test]
fn arrow_keys_walk_through_zones_and_symbol_buttons_have_words() {
    let mut h = offline_app();
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    let first = h.state().table_rows()[0];
    assert_eq!(h.state().selected(), Some(first));
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().selected(), Some(h.state().table_rows()[1]));
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(h.state().selected(), Some(first));
    // Screen readers read words, not symbols.
    h.get_by_label("Zoom in");
    h.get_by_label("Zoom out");
    h.get_by_label("Fit all zones");
    h.get_by_label("Close the zone panel");
    h.get_by_label("Close Dijon métropole (embedded dataset)");
}

#[test]
fn state_and_available_land_filters() {
    let mut h = offline_app();
    let filter = ZoneFilter {
        state: Some("création".into()),
        ..ZoneFilter::default()
    };
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(3);
    let app = h.state();
    let expected = app
        .dataset()
        .zones
        .iter()
        .filter(|z| z.state().as_deref() == Some("création"))
        .count();
    assert!(expected > 0);
    assert_eq!(app.table_rows().len(), expected);
    h.get_by_label_contains("state: création");
    // No plot data in the embedded dataset: no zone has land for sale.
    h.state_mut().push(Command::SetFilter(ZoneFilter {
        available_land: true,
        ..ZoneFilter::default()
    }));
    h.run_steps(3);
    assert_eq!(h.state().table_rows().len(), 0);
}
