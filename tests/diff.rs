//! Comparing two inventories: the fixture pair of tests/data/diff/ (made by
//! tests/data/make_diff_fixtures.py, every change listed in tests/data/diff/CHANGES.md).

use std::path::PathBuf;

use zae_atlas::diff::{self, ChangeKind, Diff, Level, MatchedBy};
use zae_atlas::store::Dataset;

fn side(name: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/diff")
        .join(name);
    ["site-eco", "terrain-eco", "etablissement"]
        .iter()
        .map(|l| dir.join(format!("{l}.geojson")))
        .collect()
}

fn fixture_diff() -> (Dataset, Dataset, Diff) {
    let before = diff::load_inventory(&side("before")).expect("before loads");
    let after = diff::load_inventory(&side("after")).expect("after loads");
    let d = diff::compare(&before, &after);
    (before, after, d)
}

/// The change list as CSV rows without the header.
fn rows(d: &Diff) -> Vec<String> {
    d.changes
        .iter()
        .map(|c| {
            [
                c.level.code(),
                c.kind.code(),
                &c.id_before,
                &c.id_after,
                &c.name,
                &c.field,
                &c.value_before,
                &c.value_after,
                c.matched_by.map(|m| m.code()).unwrap_or_default(),
            ]
            .join(",")
        })
        .collect()
}

/// Every change tests/data/make_diff_fixtures.py applies, and nothing else.
const EXPECTED: &[&str] = &[
    "zone,changed,21231_SITE-ECO_90001,21231_SITE-ECO_90001,ZA Test Nord,outline,42.17 ha,52.58 ha, IoU 0.802,site_id",
    "zone,changed,21231_SITE-ECO_90001,21231_SITE-ECO_90001,ZA Test Nord,surface,42.12,52.5,site_id",
    "zone,changed,21231_SITE-ECO_90001,21231_SITE-ECO_90001,ZA Test Nord,vacancy_rate,12.5,20,site_id",
    "zone,changed,21231_SITE-ECO_90001,21231_SITE-ECO_90001,ZA Test Nord,state,existant et actif,en extension,site_id",
    "zone,renamed,21231_SITE-ECO_90002,21231_SITE-ECO_90002,ZA Test Est - Les Vergers,name,ZA Test Est,ZA Test Est - Les Vergers,site_id",
    "zone,changed,21231_SITE-ECO_90002,21231_SITE-ECO_90002,ZA Test Est - Les Vergers,jobs,,60,site_id",
    "zone,changed,21231_SITE-ECO_90002,21231_SITE-ECO_90002,ZA Test Est - Les Vergers,establishments,,3,site_id",
    "zone,changed,21231_SITE-ECO_90002,21231_SITE-ECO_90002,ZA Test Est - Les Vergers,vacancy_rate,50,40,site_id",
    "zone,changed,21231_SITE-ECO_90002,21231_SITE-ECO_90002,ZA Test Est - Les Vergers,vocation,artisanale,industrie,site_id",
    "zone,removed,21231_SITE-ECO_90004,,ZA Test Ouest,,,,",
    "zone,changed,21231_SITE-ECO_90006,21231_SITE-ECO_91006,ZA Test Ferroviaire,jobs,120,150,name",
    "zone,renamed,21231_SITE-ECO_90007,21231_SITE-ECO_91007,Parc d'activités du Canal,name,ZA Test Canal,Parc d'activités du Canal,overlap",
    "zone,added,,21231_SITE-ECO_90005,ZA Test Centre,,,,",
    "plot,merged,21231_TERRAIN-ECO_90001|21231_TERRAIN-ECO_90002,21231_TERRAIN-ECO_90009,ZA Test Nord,,3.52 ha|2.88 ha,7.04 ha,overlap",
    "plot,sold,21231_TERRAIN-ECO_90003,21231_TERRAIN-ECO_90003,ZA Test Nord,terr_stade_comm,en vente,vendu, commercialisation achevée,terr_id",
    "plot,changed,21231_TERRAIN-ECO_90003,21231_TERRAIN-ECO_90003,ZA Test Nord,terr_etat_occup,inoccupé,occupé,terr_id",
    "plot,removed,21231_TERRAIN-ECO_90004,,ZA Test Nord,,,,",
    "plot,split,21231_TERRAIN-ECO_90006,21231_TERRAIN-ECO_90011|21231_TERRAIN-ECO_90012,ZA Test Est - Les Vergers,,2.25 ha,1.12 ha|1.12 ha,overlap",
    "plot,changed,21231_TERRAIN-ECO_90007,21231_TERRAIN-ECO_90007,ZA Test Est - Les Vergers,terr_etat_occup,vacant,occupé,terr_id",
    "plot,changed,21231_TERRAIN-ECO_90008,21231_TERRAIN-ECO_90008,ZA Test Est - Les Vergers,terr_stade_comm,non commercialisé,en vente,terr_id",
    "plot,added,,21231_TERRAIN-ECO_90010,ZA Test Centre,,,,",
    "establishment,removed,99910005000015,,TEST CONSEIL,,,,",
    "establishment,moved,99910006800017,99910006800017,TEST PLOMBERIE,zone,ZA Test Est,ZA Test Sud,siret",
    "establishment,added,,99910007600019,TEST BOULANGERIE,,,,",
];

#[test]
fn the_fixture_pair_gives_exactly_the_changes_applied() {
    let (_, _, d) = fixture_diff();
    assert_eq!(rows(&d), EXPECTED);
    // Every kind of change is in the list at least once.
    for kind in ChangeKind::ALL {
        assert!(d.count(kind) > 0, "{kind:?} missing");
    }
}

#[test]
fn a_zone_only_reprojected_shows_no_change() {
    let (before, after, d) = fixture_diff();
    let c_before = before
        .zone_index_by_id("21231_SITE-ECO_90003")
        .expect("C before");
    let c_after = after
        .zone_index_by_id("21231_SITE-ECO_90003")
        .expect("C after");
    // Lambert-93 before, WGS84 after: read from other numbers...
    assert!(before.files[0].report.crs.to_string().contains("2154"));
    assert!(!after.files[0].report.crs.to_string().contains("2154"));
    assert_ne!(before.zones[c_before].outline, after.zones[c_after].outline);
    // ...yet nothing changed.
    assert!(d.zone_changes(Some(c_before), Some(c_after)).is_empty());
    assert_eq!(d.zone_status_after[c_after], diff::Status::Same);
    assert_eq!(d.zone_status_before[c_before], diff::Status::Same);
    // Zone F had a vertex re-digitised 1.5 m away: its only change is its job count.
    let f = after
        .zone_index_by_id("21231_SITE-ECO_91006")
        .expect("F after");
    let fields: Vec<&str> = d
        .zone_changes(None, Some(f))
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["jobs"]);
}

#[test]
fn pairs_say_how_they_were_matched() {
    let (before, after, d) = fixture_diff();
    let by = |before_id: &str| {
        let b = before.zone_index_by_id(before_id).expect("zone");
        d.zone_pairs
            .iter()
            .find(|p| p.before == Some(b))
            .and_then(|p| Some((after.zones[p.after?].id.clone(), p.matched_by?)))
    };
    assert_eq!(
        by("21231_SITE-ECO_90001"),
        Some(("21231_SITE-ECO_90001".into(), MatchedBy::SiteId))
    );
    assert_eq!(
        by("21231_SITE-ECO_90006"),
        Some(("21231_SITE-ECO_91006".into(), MatchedBy::Name))
    );
    assert_eq!(
        by("21231_SITE-ECO_90007"),
        Some(("21231_SITE-ECO_91007".into(), MatchedBy::Overlap))
    );
    assert_eq!(by("21231_SITE-ECO_90004"), None);
    // The establishment whose SIRET changed is found by its name and place.
    let moved_siret = d
        .establishment_pairs
        .iter()
        .find(|p| {
            p.after
                .is_some_and(|a| after.establishments[a].siret.as_deref() == Some("99910002700021"))
        })
        .expect("pair");
    assert_eq!(moved_siret.matched_by, Some(MatchedBy::NamePosition));
    assert_eq!(
        before.establishments[moved_siret.before.expect("before")]
            .siret
            .as_deref(),
        Some("99910002700013")
    );
    // Plots kept their terr_id mostly.
    let by_terr = d
        .plot_pairs
        .iter()
        .filter(|p| p.matched_by == Some(MatchedBy::TerrId))
        .count();
    assert_eq!(by_terr, 4);
}

#[test]
fn summary_figures() {
    let (_, _, d) = fixture_diff();
    let s = &d.summary;
    assert_eq!((s.zones_before, s.zones_after), (6, 6));
    assert_eq!((s.zones_added, s.zones_removed, s.zones_changed), (1, 1, 4));
    assert_eq!(
        (
            s.plots_added,
            s.plots_removed,
            s.plots_split,
            s.plots_merged,
            s.plots_sold
        ),
        (1, 1, 1, 1, 1)
    );
    // For sale before: 90003 (2.56) + 90004 (2.24) + 90006 (2.25); after: 90011 + 90012
    // (1.125 each) + 90008 (2.08) + 90010 (2.0). Sold: 90003.
    assert!(
        (s.available_ha_before - 7.05).abs() < 1e-9,
        "{}",
        s.available_ha_before
    );
    assert!(
        (s.available_ha_after - 6.33).abs() < 1e-9,
        "{}",
        s.available_ha_after
    );
    assert!((s.sold_ha - 2.56).abs() < 1e-9);
    // Vacant plots: 4 of 8 before; 3 of 8 after (90003 and 90007 now occupied, 90006 split in
    // two vacant halves, 90004 gone, 90010 vacant).
    assert_eq!(s.vacancy_before, Some(50.0));
    assert_eq!(s.vacancy_after, Some(37.5));
    assert_eq!(
        (
            s.establishments_arrived,
            s.establishments_left,
            s.establishments_moved
        ),
        (1, 1, 1)
    );
}

#[test]
fn the_same_inventory_twice_has_no_change() {
    let before = diff::load_inventory(&side("before")).expect("before loads");
    let d = diff::compare(&before, &before);
    assert!(d.changes.is_empty(), "{:?}", rows(&d));
    assert!(
        d.zone_pairs
            .iter()
            .all(|p| p.matched_by == Some(MatchedBy::SiteId))
    );
    assert!(
        d.establishment_pairs
            .iter()
            .all(|p| p.matched_by == Some(MatchedBy::Siret))
    );
}

#[test]
fn levels_are_in_order() {
    let (_, _, d) = fixture_diff();
    let levels: Vec<Level> = d.changes.iter().map(|c| c.level).collect();
    let mut sorted = levels.clone();
    sorted.sort();
    assert_eq!(levels, sorted);
}

#[test]
fn awkward_outlines_compare_without_panicking() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    for name in [
        "own_bowtie_self_intersection.geojson",
        "own_huge_coordinates.geojson",
        "own_3d_and_mixed_dims.geojson",
        "own_unclosed_ring_dijon.geojson",
    ] {
        let data = diff::load_inventory(&[seeds.join(name)]).expect("the seed loads");
        let d = diff::compare(&data, &data);
        assert!(d.changes.is_empty(), "{name}: {:?}", rows(&d));
        assert!(
            d.zone_pairs.iter().all(|p| p.after.is_some()),
            "{name}: every zone found again"
        );
    }
}

/// A terrain-eco layer of rectangles (lon/lat), each `(terr_id, x0, x1, stage)`.
fn plots(list: &[(&str, f64, f64, &str)]) -> Dataset {
    let features: Vec<String> = list
        .iter()
        .map(|(id, x0, x1, stage)| {
            format!(
                r#"{{"type":"Feature","properties":{{"terr_id":"{id}","site_id":"Z","terr_stade_comm":"{stage}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x0},47.3],[{x1},47.3],[{x1},47.301],[{x0},47.301],[{x0},47.3]]]}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    );
    let file = zae_atlas::io::load_bytes("terrain-eco.geojson", text.as_bytes(), &mut |_| true)
        .expect("plots load");
    let mut data = Dataset::default();
    data.add_loaded(file, "terrain-eco.geojson", None);
    data
}

#[test]
fn a_plot_split_that_keeps_its_id_and_a_merge_into_a_new_one() {
    // P1 keeps its id on the west half, P9 is the east half; P2 and P3 become P4.
    let before = plots(&[
        ("P1", 5.000, 5.002, "en vente"),
        ("P2", 5.010, 5.011, "en vente"),
        ("P3", 5.011, 5.012, "en vente"),
    ]);
    let after = plots(&[
        ("P1", 5.000, 5.001, "vendu"),
        ("P9", 5.001, 5.002, "en vente"),
        ("P4", 5.010, 5.012, "en vente"),
    ]);
    let d = diff::compare(&before, &after);
    let got: Vec<String> = rows(&d);
    assert_eq!(
        got,
        [
            // 0.002° × 0.001° at 47.3° N: 151 m × 111 m.
            "plot,split,P1,P1|P9,,,1.68 ha,0.84 ha|0.84 ha,overlap",
            "plot,sold,P1,P1,,terr_stade_comm,en vente,vendu,terr_id",
            "plot,merged,P2|P3,P4,,,0.84 ha|0.84 ha,1.68 ha,overlap",
        ]
    );
}
