use super::*;
use crate::embedded::{EMBEDDED_DATASET, EMBEDDED_NAME};

fn embedded() -> Dataset {
    let file =
        crate::io::load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
    let mut d = Dataset::default();
    d.add_loaded(file, EMBEDDED_NAME, None);
    d
}

fn position(d: &Dataset, id: &str) -> usize {
    d.zones.iter().position(|z| z.id == id).expect("zone")
}

#[test]
fn cap_nord_sheet_has_its_figures_with_years_and_notes() {
    let d = embedded();
    let points = AccessPoints::embedded().expect("points");
    let s = Sheet::of(&d, position(&d, "dm-capnord"), &points, Lang::Fr).expect("sheet");
    assert_eq!(s.name, "ZAE Cap Nord");
    let jobs = s
        .figures
        .iter()
        .find(|f| f.label == "Emplois")
        .expect("jobs");
    assert_eq!(jobs.value, "11\u{202f}000");
    assert_eq!(jobs.year.as_deref(), Some("2022"));
    // Every figure's note exists.
    for f in &s.figures {
        let n = f.note.expect("note");
        assert!(n >= 1 && n <= s.notes.len());
    }
    assert!(s.schematic);
    assert!(s.contact.iter().any(|c| c.contains(DBI_NAME)));
    assert!(s.qr.is_some());
    // Three access lines, each computed from a sourced point.
    assert_eq!(s.access.len(), 3);
    assert!(s.access.iter().all(|a| !a.declared && a.distance_km < 20.0));
    // The same 2017 press article backs surface and establishments: one note.
    let surface = s
        .figures
        .iter()
        .find(|f| f.label == "Surface (déclarée)")
        .expect("surface");
    let etab = s
        .figures
        .iter()
        .find(|f| f.label == "Établissements")
        .expect("etab");
    assert_eq!(surface.note, etab.note);
}

#[test]
fn splaad_zones_name_their_developer() {
    let d = embedded();
    let points = AccessPoints::embedded().expect("points");
    for id in ["dm-ecoparc", "dm-valmy", "dm-beauregard", "dm-agronov"] {
        let s = Sheet::of(&d, position(&d, id), &points, Lang::En).expect("sheet");
        assert!(
            s.contact.iter().any(|c| c.contains("SPLAAD")),
            "{id}: {:?}",
            s.contact
        );
    }
    let s = Sheet::of(&d, position(&d, "dm-capnord"), &points, Lang::En).expect("sheet");
    assert!(!s.contact.iter().any(|c| c.contains("SPLAAD")));
}

#[test]
fn declared_cnig_distances_win_over_computed_ones() {
    let json = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"site_id":"x1","site_nom":"Zone test","site_comm_nom":"Longvic","autoroute_nom":"A31 sortie 4","autoroute_echang_dist":7},"geometry":{"type":"Polygon","coordinates":[[[5.05,47.28],[5.06,47.28],[5.06,47.29],[5.05,47.29],[5.05,47.28]]]}}]}"#;
    let file = crate::io::load_bytes("t.geojson", json.as_bytes(), &mut |_| true).expect("loads");
    let mut d = Dataset::default();
    d.add_loaded(file, "t.geojson", None);
    let points = AccessPoints::embedded().expect("points");
    let s = Sheet::of(&d, 0, &points, Lang::En).expect("sheet");
    let motorway = &s.access[0];
    assert!(motorway.declared);
    assert_eq!(motorway.place, "A31 sortie 4");
    assert_eq!(motorway.distance_km, 7.0);
    assert!(motorway.distance.contains("by road"));
    // The station is not declared: computed, to Dijon-Ville.
    let station = &s.access[1];
    assert!(!station.declared);
    assert_eq!(station.place, "Dijon-Ville station");
    assert!(station.distance.contains("as the crow flies"));
}

#[test]
fn access_points_all_cite_a_source_and_a_bad_file_is_named() {
    let p = AccessPoints::embedded().expect("points");
    assert!(p.points.len() >= 3);
    assert!(p.points.iter().all(|x| !x.source.is_empty()));
    let err = AccessPoints::parse("pts.geojson", r#"{"features":[{"properties":{"kind":"station","name":"x"},"geometry":{"type":"Point","coordinates":[5,47]}}]}"#)
        .expect_err("no source");
    assert!(
        err.contains("pts.geojson") && err.contains("source"),
        "{err}"
    );
}

#[test]
fn geodesic_distance_station_to_airport_is_about_seven_km() {
    // Dijon-Ville to the airport: 47.3233,5.0272 → 47.2664,5.0908, about 7.9 km.
    use geo::{Distance, Geodesic, Point};
    let d = Geodesic.distance(
        Point::new(5.027222, 47.323333),
        Point::new(5.090833, 47.266389),
    );
    assert!((7_000.0..8_500.0).contains(&d), "{d}");
}

#[test]
fn civil_dates() {
    assert_eq!(civil_date(0), "1970-01-01");
    assert_eq!(civil_date(20_454), "2026-01-01");
}

#[test]
fn zone_names_resolve_exactly_or_like_the_search_box() {
    use cmd::{Resolved, resolve};
    let d = embedded();
    assert_eq!(
        resolve(&d, "dm-capnord"),
        Resolved::Found(position(&d, "dm-capnord"))
    );
    assert_eq!(
        resolve(&d, "ZAE Cap Nord"),
        Resolved::Found(position(&d, "dm-capnord"))
    );
    assert_eq!(
        resolve(&d, "zae cap nord"),
        Resolved::Found(position(&d, "dm-capnord"))
    );
    assert_eq!(
        resolve(&d, "ecopark"),
        Resolved::Found(position(&d, "dm-ecoparc"))
    );
    match resolve(&d, "Zorglub") {
        Resolved::NotFound(names) => assert_eq!(names.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_sheet_and_a_catalogue_are_pdfs() {
    let d = embedded();
    let one = sheet_pdf(&d, position(&d, "dm-ecoparc"), Lang::Fr).expect("pdf");
    assert!(one.starts_with(b"%PDF-"));
    let all: Vec<usize> = (0..d.zones.len()).collect();
    let cat = catalogue_pdf(&d, &all, Lang::En).expect("pdf");
    assert!(cat.starts_with(b"%PDF-") && cat.len() > one.len());
}

#[test]
fn french_sheets_use_narrow_no_break_spaces_and_the_decimal_comma() {
    let d = embedded();
    let points = AccessPoints::embedded().expect("points");
    let s = Sheet::of(&d, position(&d, "dm-ecoparc"), &points, Lang::Fr).expect("sheet");
    let line = in_lang(Lang::Fr, || {
        t!(
            "sheet-access-line",
            what = s.access[0].label.clone(),
            place = s.access[0].place.clone()
        )
    });
    assert!(line.contains("\u{202f}:"), "{line}");
    assert!(
        s.contact
            .iter()
            .any(|c| c.contains("Aménageur\u{202f}: SPLAAD")),
        "{:?}",
        s.contact
    );
    assert!(
        s.access.iter().all(|a| !a.distance.contains('.')),
        "{:?}",
        s.access
    );
    assert!(
        s.access.iter().any(|a| a.distance.contains(',')),
        "{:?}",
        s.access
    );
    // The same zone in English: a decimal point, no narrow space before the colon.
    let e = Sheet::of(&d, position(&d, "dm-ecoparc"), &points, Lang::En).expect("sheet");
    assert!(
        e.access.iter().any(|a| a.distance.contains('.')),
        "{:?}",
        e.access
    );
    assert!(
        e.contact.iter().any(|c| c == "Developer: SPLAAD"),
        "{:?}",
        e.contact
    );
}

#[test]
fn cnig_plots_give_land_for_sale_with_prices_cited_to_the_plots_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/cnig");
    let mut d = Dataset::default();
    for name in ["site-eco.csv", "terrain-eco.csv"] {
        let path = dir.join(name);
        let file = crate::io::load_path(&path).expect("fixture loads");
        d.add_loaded(file, name, Some(path));
    }
    let points = AccessPoints::embedded().expect("points");
    let with_price = (0..d.zones.len())
        .filter_map(|i| Sheet::of(&d, i, &points, Lang::En))
        .find(|s| s.figures.iter().any(|f| f.value.contains("€/m²")))
        .expect("a fixture zone has plots for sale with prices");
    let land = &with_price.figures[0];
    assert_eq!(land.label, "Available land");
    assert!(land.value.contains("ha for sale"), "{land:?}");
    let note = &with_price.notes[land.note.expect("note") - 1];
    assert!(note.contains("terrain-eco.csv"), "{note}");
}
