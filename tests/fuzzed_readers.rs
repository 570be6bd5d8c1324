//! Property tests of the readers of outside data, on stable Rust (proptest): random inputs,
//! inputs generated from the formats' grammar, and mutations of seed files (`tests/data`,
//! `tests/data/cnig`, and `tests/data/seeds`: awkward GeoJSON files copied from the project's
//! corpus). Readers: GeoJSON (the streamed and the whole-text paths must give the same result
//! on every input both accept), CNIG CSV, WKB (as PostGIS sends it), the TOML config file, the
//! filter expressions and the CRS names. Properties: no panic (proptest catches one and
//! shrinks the input), a bounded time per input, a refused file named in its message with a
//! reason, finite coordinates in what is loaded, and zones that survive an export and a read
//! back (GeoJSON and GeoPackage).
//!
//! Case counts are bounded so that the whole file runs in well under two minutes in CI; each
//! test prints its counts to stderr (shown even when cargo captures the output).
//! `PROPTEST_CASES=N` runs N cases per test instead; `PROPTEST_RNG_SEED=S` replays a run.
//! The `fuzz/` folder holds cargo-fuzz targets for the same readers (nightly; README).

mod fuzz_support;

use std::cell::RefCell;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use fuzz_support::{Mutation, mutate, mutations, seeds};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use zae_atlas::io::{LoadError, LoadedFile, load_bytes, load_path, load_streamed};

/// Longest one input may take: far above what any takes (the slowest is printed), low enough to
/// catch a hang.
const PER_INPUT: Duration = Duration::from_secs(20);

/// Counts of one property test, printed at its end.
#[derive(Default)]
struct Tally {
    cases: usize,
    accepted: usize,
    refused: usize,
    slowest: Duration,
}

impl Tally {
    fn timed<T>(&mut self, what: &str, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        self.slowest = self.slowest.max(took);
        if took > PER_INPUT {
            return Err(TestCaseError::fail(format!(
                "{what} took {took:?} (over {PER_INPUT:?})"
            )));
        }
        Ok(out)
    }
}

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Runs `test` over `strategy` and prints the counts.
fn check<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value, &mut Tally) -> Result<(), TestCaseError>,
) {
    let tally = RefCell::new(Tally::default());
    let started = Instant::now();
    let mut runner = TestRunner::new(config(default_cases));
    let result = runner.run(&strategy, |value| {
        let mut t = tally.borrow_mut();
        t.cases += 1;
        test(value, &mut t)
    });
    let t = tally.borrow();
    let _ = writeln!(
        std::io::stderr(),
        "property {name}: {} cases ({} accepted, {} refused), slowest input {:.1} ms, {:.2} s in all",
        t.cases,
        t.accepted,
        t.refused,
        t.slowest.as_secs_f64() * 1e3,
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("property {name}: {e}");
    }
}

/// A refused file: its message names it and gives a reason.
fn refusal_names_the_file(e: &LoadError, file: &str) -> Result<(), TestCaseError> {
    let message = e.to_string();
    let prefix = format!("{file}: ");
    prop_assert!(
        message.starts_with(&prefix) && message.len() > prefix.len() + 3,
        "refusal without the file or a reason: {message}"
    );
    Ok(())
}

/// Everything loaded has finite coordinates.
fn finite(loaded: &LoadedFile) -> Result<(), TestCaseError> {
    use geo::CoordsIter;
    for zone in &loaded.zones {
        prop_assert!(
            zone.geometry()
                .coords_iter()
                .all(|c| c.x.is_finite() && c.y.is_finite()),
            "zone {} has a coordinate that is not finite",
            zone.id
        );
        let (min, max) = (zone.bbox.min(), zone.bbox.max());
        prop_assert!(
            min.x.is_finite() && min.y.is_finite() && max.x.is_finite() && max.y.is_finite()
        );
        prop_assert!(zone.label_point.0.is_finite() && zone.label_point.1.is_finite());
        prop_assert!(
            zone.area_ha.is_finite(),
            "zone {}: area {}",
            zone.id,
            zone.area_ha
        );
    }
    for plot in &loaded.plots {
        prop_assert!(
            plot.geometry
                .coords_iter()
                .all(|c| c.x.is_finite() && c.y.is_finite())
        );
    }
    for e in &loaded.establishments {
        prop_assert!(e.lon.is_finite() && e.lat.is_finite());
    }
    Ok(())
}

/// The file's bytes, written where the streamed reader can read them.
fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writes the test input");
    path
}

/// The GeoJSON properties: whole text and streamed agree, refusals named, coordinates finite.
fn geojson_properties(bytes: &[u8], block: usize, t: &mut Tally) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = "input.geojson";
    let path = temp_file(dir.path(), file, bytes);
    let whole = t.timed("whole-text reader", || {
        load_bytes(file, bytes, &mut |_| true)
    })?;
    let streamed = t.timed("streamed reader", || load_streamed(&path, block))?;
    match &whole {
        Ok(loaded) => {
            t.accepted += 1;
            finite(loaded)?;
        }
        Err(e) => {
            t.refused += 1;
            refusal_names_the_file(e, file)?;
        }
    }
    match (&whole, &streamed) {
        (Ok(w), Some(Ok(s))) => {
            prop_assert_eq!(format!("{s:?}"), format!("{w:?}"), "blocks of {}", block)
        }
        (Err(w), Some(Err(s))) => prop_assert_eq!(s.to_string(), w.to_string()),
        (Ok(_), Some(Err(s))) => {
            return Err(TestCaseError::fail(format!(
                "streamed refused what the whole-text reader read: {s}"
            )));
        }
        (Err(w), Some(Ok(_))) => {
            return Err(TestCaseError::fail(format!(
                "streamed read what the whole-text reader refused: {w}"
            )));
        }
        (_, None) => {}
    }
    Ok(())
}

fn geojson_seeds() -> Vec<Vec<u8>> {
    seeds(
        &["tests/data", "tests/data/seeds", "tests/data/cnig"],
        &["geojson", "json"],
    )
}

/// A number as a GeoJSON writer (or a broken one) might write it.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (4.9f64..5.2).prop_map(|v| format!("{v}")),
        4 => (47.2f64..47.45).prop_map(|v| format!("{v}")),
        2 => (800_000f64..900_000.0).prop_map(|v| format!("{v:.2}")),
        2 => (6_650_000f64..6_750_000.0).prop_map(|v| format!("{v:.2}")),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
        1 => prop::sample::select(vec![
            "1e400", "-1e400", "NaN", "Infinity", "null", "\"5.0\"", "[]", "0", "-0", "1e-400",
            "181", "-91", "1.7976931348623157e308",
        ])
        .prop_map(str::to_string),
    ]
}

fn position() -> impl Strategy<Value = String> {
    prop::collection::vec(number(), 0..4).prop_map(|n| format!("[{}]", n.join(",")))
}

fn ring() -> impl Strategy<Value = String> {
    prop::collection::vec(position(), 0..9).prop_map(|p| {
        // Usually closed, as files are.
        let mut p = p;
        if p.len() > 2 && p.len() % 3 != 0 {
            p.push(p[0].clone());
        }
        format!("[{}]", p.join(","))
    })
}

fn polygon() -> impl Strategy<Value = String> {
    prop::collection::vec(ring(), 0..3).prop_map(|r| format!("[{}]", r.join(",")))
}

fn geometry() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => polygon().prop_map(|p| format!(r#"{{"type":"Polygon","coordinates":{p}}}"#)),
        2 => prop::collection::vec(polygon(), 0..3)
            .prop_map(|p| format!(r#"{{"type":"MultiPolygon","coordinates":[{}]}}"#, p.join(","))),
        1 => position().prop_map(|p| format!(r#"{{"type":"Point","coordinates":{p}}}"#)),
        1 => ring().prop_map(|p| format!(r#"{{"type":"LineString","coordinates":{p}}}"#)),
        1 => Just("null".to_string()),
        1 => Just(r#"{"type":"GeometryCollection","geometries":[]}"#.to_string()),
    ]
}

/// Text values, with what hurts: quotes, escapes, formulas, accents, control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z éèàçÉ'-]{0,20}",
        any::<String>(),
        prop::sample::select(vec![
            "=1+1", "-2", "@SUM(A1)", "\t", "\r\n", "\\", "\u{0}", "ZA Nord"
        ])
        .prop_map(str::to_string),
    ]
}

fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        text().prop_map(|s| serde_json::Value::String(s).to_string()),
        number(),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("{\"a\":[1,{\"b\":null}]}".to_string()),
    ]
}

fn properties() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "site_id",
        "site_nom",
        "nom",
        "name",
        "commune",
        "site_comm_nom",
        "site_surf_brute",
        "surface",
        "site_nb_emploi",
        "jobs",
        "site_url",
        "site_vocadomi",
        "terr_id",
        "site_etat",
        "etab_siret",
        "etab_nom",
        "x",
    ]);
    prop::collection::vec((key, json_value()), 0..6).prop_map(|kv| {
        let members: Vec<String> = kv
            .into_iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect();
        format!("{{{}}}", members.join(","))
    })
}

fn crs_member() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => prop::sample::select(vec![
            "urn:ogc:def:crs:EPSG::2154", "EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84",
            "EPSG:3857", "EPSG:99999", "EPSG:", "urn:ogc:def:crs:EPSG:6.3:2154",
            "http://www.opengis.net/def/crs/EPSG/0/2154",
        ])
        .prop_map(|n| format!(r#""crs":{{"type":"name","properties":{{"name":"{n}"}}}},"#)),
        1 => "[ -~]{0,24}".prop_map(|n| format!(
            r#""crs":{{"type":"name","properties":{{"name":{}}}}},"#,
            serde_json::Value::String(n)
        )),
    ]
}

/// A FeatureCollection from the grammar, with odd numbers, geometries and properties.
fn feature_collection() -> impl Strategy<Value = String> {
    let feature = (properties(), geometry(), prop::option::of(json_value())).prop_map(
        |(p, g, id)| match id {
            Some(id) => {
                format!(r#"{{"type":"Feature","id":{id},"properties":{p},"geometry":{g}}}"#)
            }
            None => format!(r#"{{"type":"Feature","properties":{p},"geometry":{g}}}"#),
        },
    );
    (crs_member(), prop::collection::vec(feature, 0..6)).prop_map(|(crs, f)| {
        format!(
            r#"{{"type":"FeatureCollection",{crs}"features":[{}]}}"#,
            f.join(",")
        )
    })
}

fn block_size() -> impl Strategy<Value = usize> {
    prop_oneof![1usize..64, Just(4096usize), Just(1 << 20)]
}

#[test]
fn fuzzed_geojson_whole_and_streamed_readers() {
    let seeds = geojson_seeds();
    assert!(seeds.len() >= 20, "seed files: {}", seeds.len());
    let n = seeds.len();
    let input = prop_oneof![
        3 => (0..n, mutations()).prop_map(move |(i, m): (usize, Vec<Mutation>)| mutate(&seeds[i], &m)),
        3 => feature_collection().prop_map(String::into_bytes),
        1 => (feature_collection(), mutations())
            .prop_map(|(fc, m)| mutate(fc.as_bytes(), &m)),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ];
    check(
        "GeoJSON",
        6000,
        (input, block_size()),
        |(bytes, block), t| geojson_properties(&bytes, block, t),
    );
}

#[test]
fn fuzzed_cnig_csv_reader() {
    let seeds = seeds(&["tests/data/cnig"], &["csv"]);
    assert!(seeds.len() >= 4, "seed files: {}", seeds.len());
    // Rows of the site-eco seed with a cell replaced by generated text or geometry.
    let site = seeds
        .iter()
        .find(|s| s.starts_with(b"site_id;"))
        .cloned()
        .expect("the site-eco seed");
    let n = seeds.len();
    let seeds_for_mutation = seeds.clone();
    let input = prop_oneof![
        3 => (0..n, mutations()).prop_map(move |(i, m): (usize, Vec<Mutation>)| {
            mutate(&seeds_for_mutation[i], &m)
        }),
        2 => (0usize..40, prop_oneof![geometry(), text(), number()]).prop_map(move |(cell, value)| {
            replace_cell(&site, cell, &value)
        }),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ];
    check("CNIG CSV", 3000, input, |bytes, t| {
        let file = "input.csv";
        match t.timed("CSV reader", || load_bytes(file, &bytes, &mut |_| true))? {
            Ok(loaded) => {
                t.accepted += 1;
                finite(&loaded)
            }
            Err(e) => {
                t.refused += 1;
                refusal_names_the_file(&e, file)
            }
        }
    });
}

/// The CSV with the `cell`-th cell of its second line (the first zone) replaced by `value`,
/// quoted as a CSV writer would.
fn replace_cell(csv: &[u8], cell: usize, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(csv);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if let Some(line) = lines.get_mut(1) {
        let mut cells: Vec<String> = line.split(';').map(str::to_string).collect();
        let at = cell % cells.len().max(1);
        if let Some(c) = cells.get_mut(at) {
            *c = format!("\"{}\"", value.replace('"', "\"\""));
        }
        *line = cells.join(";");
    }
    lines.join("\n").into_bytes()
}

#[test]
fn fuzzed_wkb_reader() {
    use zae_atlas::io::records::{Builder, Layer, Record};
    use zae_atlas::io::report::LoadReport;
    let input = prop_oneof![
        3 => fuzz_support::wkb_geometry(),
        3 => (fuzz_support::wkb_geometry(), mutations()).prop_map(|(w, m)| mutate(&w, &m)),
        1 => prop::collection::vec(any::<u8>(), 0..120),
    ];
    let srid = prop::sample::select(vec![None, Some("EPSG:4326"), Some("EPSG:2154")]);
    check("WKB", 10_000, (input, srid), |(bytes, srid), t| {
        let mut warnings = Vec::new();
        let raw = t.timed("WKB reader", || {
            zae_atlas::io::wkb::raw_geometry(&bytes, &mut warnings)
        })?;
        let geometry = match raw {
            Ok(g) => g,
            Err(reason) => {
                t.refused += 1;
                prop_assert!(!reason.to_string().trim().is_empty());
                return Ok(());
            }
        };
        t.accepted += 1;
        // As the database reader builds rows: checks, repairs, reprojection.
        let mut report = LoadReport::new("db: fuzz table");
        let mut builder = Builder::new("db: fuzz table");
        builder.set_layer(Layer::Zones);
        builder.set_crs(srid.map(str::to_string));
        let record = Record {
            index: 0,
            label: None,
            id: None,
            properties: Default::default(),
            geometry,
            warnings,
        };
        let built = t.timed("building the row", || {
            builder.push(record, &mut report)?;
            builder.finish(&mut report)
        })?;
        match built {
            Ok((layer, built)) => finite(&LoadedFile {
                layer,
                zones: built.zones,
                plots: built.plots,
                establishments: built.establishments,
                report,
            }),
            Err(e) => refusal_names_the_file(&e, "db: fuzz table"),
        }
    });
}

#[test]
fn fuzzed_config_toml() {
    use zae_atlas::settings::Settings;
    let line = prop_oneof![
        prop::sample::select(vec![
            "language = \"fr\"",
            "language = \"de\"",
            "ui_scale = 1.5",
            "ui_scale = nan",
            "ui_scale = -inf",
            "ui_scale = 1e308",
            "tiles = \"plan-ign\"",
            "tiles = 3",
            "cache_limit_mb = -1",
            "cache_limit_mb = 18446744073709551615",
            "contact = \"ops@example.org\"",
            "contact = \"\\u0000\"",
            "[kiosk]",
            "enabled = true",
            "idle_seconds = 0",
            "idle_seconds = -5",
            "pin = \"1234\"",
            "tour_seconds = 1e9",
            "[[kiosk]]",
            "x = { y = [1, 2, { z = 3 }] }",
            "\"\" = 1",
        ])
        .prop_map(str::to_string),
        "[ -~]{0,30}",
    ];
    let seed = prop::collection::vec(line, 0..10).prop_map(|l| l.join("\n"));
    let input = prop_oneof![
        3 => seed.clone().prop_map(String::into_bytes),
        2 => (seed, mutations()).prop_map(|(s, m)| mutate(s.as_bytes(), &m)),
        1 => prop::collection::vec(any::<u8>(), 0..120),
    ];
    check("config TOML", 2000, input, |bytes, t| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = temp_file(dir.path(), "config.toml", &bytes);
        match t.timed("config reader", || Settings::load(&path, true))? {
            Ok(Some(settings)) => {
                t.accepted += 1;
                prop_assert!(
                    settings.ui_scale.is_finite() && (0.5..=3.0).contains(&settings.ui_scale),
                    "ui_scale {}",
                    settings.ui_scale
                );
                // What is accepted is written back and read again the same.
                let text = toml::to_string(&settings).expect("serialises");
                let again = Settings::parse(&text).map_err(TestCaseError::fail)?;
                prop_assert_eq!(format!("{again:?}"), format!("{settings:?}"));
            }
            Ok(None) => return Err(TestCaseError::fail("a written file was not found")),
            Err(e) => {
                t.refused += 1;
                let named = path.display().to_string();
                prop_assert!(
                    e.starts_with(&format!("{named}: ")) && e.len() > named.len() + 4,
                    "{e}"
                );
            }
        }
        Ok(())
    });
}

#[test]
fn fuzzed_filter_expressions() {
    use zae_atlas::filter::Filter;
    let dataset = load_bytes(
        "dijon-zones.geojson",
        zae_atlas::app::EMBEDDED_DATASET,
        &mut |_| true,
    )
    .expect("the embedded dataset loads");
    let clause = (
        prop::sample::select(vec![
            "name",
            "commune",
            "vocation",
            "state",
            "surface",
            "jobs",
            "establishments",
            "nom",
            "",
        ]),
        prop::sample::select(vec!["=", "!=", "<", "<=", ">", ">=", "~", "==", "=<", ""]),
        prop_oneof![
            text(),
            number(),
            Just("Longvic".to_string()),
            Just("10".to_string())
        ],
    )
        .prop_map(|(f, o, v)| format!("{f} {o} {v}"));
    let joiner = prop::sample::select(vec![" and ", " AND ", " or ", "and", " ", " and and "]);
    let expr = (prop::collection::vec((clause, joiner), 0..5)).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(c, j)| format!("{c}{j}"))
            .collect::<String>()
    });
    let input = prop_oneof![
        3 => expr.clone(),
        2 => (expr, mutations()).prop_map(|(e, m)| String::from_utf8_lossy(&mutate(e.as_bytes(), &m)).into_owned()),
        1 => any::<String>(),
    ];
    check("filter expression", 10_000, input, |text, t| {
        let parsed = t.timed("filter parser", || Filter::parse(&text))?;
        match parsed {
            Ok(filter) => {
                t.accepted += 1;
                prop_assert_eq!(
                    format!("{:?}", Filter::parse(&text)),
                    format!("{:?}", Ok::<_, String>(filter.clone())),
                    "parses the same twice"
                );
                let passing = t.timed("filtering", || {
                    dataset.zones.iter().filter(|z| filter.matches(z)).count()
                })?;
                prop_assert!(passing <= dataset.zones.len());
            }
            Err(reason) => {
                t.refused += 1;
                prop_assert!(!reason.trim().is_empty());
            }
        }
        Ok(())
    });
}

#[test]
fn fuzzed_crs_names_and_detection() {
    use zae_atlas::io::crs::{CrsCode, Reprojector, parse_crs_name};
    let known = prop::sample::select(vec![
        "EPSG:2154",
        "urn:ogc:def:crs:EPSG::2154",
        "urn:ogc:def:crs:EPSG:6.3:2154",
        "http://www.opengis.net/def/crs/EPSG/0/2154",
        "OGC:CRS84",
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "EPSG:3857",
        "EPSG:27572",
        "EPSG:32631",
        "EPSG:4171",
        "EPSG:0",
        "EPSG:4294967295",
    ]);
    let name = prop_oneof![
        2 => known.clone().prop_map(str::to_string),
        2 => (known, mutations()).prop_map(|(k, m)| String::from_utf8_lossy(&mutate(k.as_bytes(), &m)).into_owned()),
        1 => "EPSG:[0-9]{1,12}",
        1 => any::<String>(),
    ];
    let coord = prop_oneof![any::<f64>(), -2e7f64..2e7, 0f64..1.3e6, 6e6f64..7.3e6];
    check(
        "CRS names",
        10_000,
        (name, coord.clone(), coord),
        |(name, x, y), t| {
            let parsed = t.timed("CRS name", || parse_crs_name(&name))?;
            match parsed {
                Ok(CrsCode::Epsg(code)) => {
                    t.accepted += 1;
                    // Never a panic. The projection library may give NaN for a position far
                    // outside the projection's domain (EPSG:8541 at x = 1e200 gave (0, NaN)):
                    // the loader refuses such positions itself (src/io/geometry.rs), and the
                    // detection property below checks that none is loaded.
                    let set_up = t.timed("projection set-up", || Reprojector::from_epsg(code))?;
                    if let Ok(r) = set_up {
                        t.timed("reprojection", || r.to_wgs84(x, y))?.ok();
                    }
                }
                Ok(CrsCode::Wgs84) => t.accepted += 1,
                Err(e) => {
                    t.refused += 1;
                    prop_assert!(!e.to_string().trim().is_empty());
                }
            }
            Ok(())
        },
    );
    // Detection: files without `crs` in degrees, in Lambert-93 metres or neither, and files
    // naming a projection: what is loaded is in longitude/latitude.
    let coordinate = prop_oneof![
        (4.9f64..5.2, 47.2f64..47.45).prop_map(|(x, y)| (x, y)),
        (800_000f64..900_000.0, 6_650_000f64..6_750_000.0).prop_map(|(x, y)| (x, y)),
        (any::<f64>(), any::<f64>()),
        (-1e7f64..1e7, -1e7f64..1e7),
    ];
    check(
        "CRS detection",
        3000,
        (
            coordinate,
            0.0001f64..500.0,
            prop::sample::select(vec![
                "",
                "EPSG:2154",
                "EPSG:3857",
                "EPSG:8541",
                "EPSG:27572",
            ]),
        ),
        |((x, y), size, crs), t| {
            let crs = match crs {
                "" => String::new(),
                name => format!(r#""crs":{{"type":"name","properties":{{"name":"{name}"}}}},"#),
            };
            let text = format!(
                r#"{{"type":"FeatureCollection",{crs}"features":[{{"type":"Feature","properties":{{"nom":"Z"}},"geometry":{{"type":"Polygon","coordinates":[[[{x:e},{y:e}],[{},{y:e}],[{},{}],[{x:e},{}],[{x:e},{y:e}]]]}}}}]}}"#,
                x + size,
                x + size,
                y + size,
                y + size
            );
            let file = "no_crs.geojson";
            match t.timed("detection", || {
                load_bytes(file, text.as_bytes(), &mut |_| true)
            })? {
                Ok(loaded) => {
                    t.accepted += 1;
                    finite(&loaded)?;
                    for zone in &loaded.zones {
                        let (min, max) = (zone.bbox.min(), zone.bbox.max());
                        prop_assert!(
                            min.x >= -180.0 && max.x <= 180.0 && min.y >= -90.0 && max.y <= 90.0,
                            "{}: outside longitude/latitude after detection: {:?}",
                            loaded.report.crs,
                            zone.bbox
                        );
                    }
                }
                Err(e) => {
                    t.refused += 1;
                    refusal_names_the_file(&e, file)?;
                }
            }
            Ok(())
        },
    );
}

#[test]
fn fuzzed_zones_survive_export_and_read_back() {
    let zone = (
        text(),
        text(),
        0u32..10_000,
        0u32..5_000,
        4.9f64..5.2,
        47.2f64..47.45,
        0.0005f64..0.02,
    );
    let input = prop::collection::vec(zone, 1..6);
    check("export round trip", 60, input, |zones, t| {
        let features: Vec<String> = zones
            .iter()
            .enumerate()
            .map(|(i, (name, commune, surface, jobs, x, y, size))| {
                let props = serde_json::json!({
                    "site_id": format!("Z{i}"),
                    "site_nom": name,
                    "site_comm_nom": commune,
                    "site_surf_brute": f64::from(*surface) / 10.0,
                    "site_nb_emploi": jobs,
                });
                format!(
                    r#"{{"type":"Feature","properties":{props},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}}}"#,
                    x + size,
                    x + size,
                    y + size,
                    y + size
                )
            })
            .collect();
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        let first = load_bytes("zones.geojson", text.as_bytes(), &mut |_| true)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(first.zones.len(), zones.len(), "{:?}", first.report.skipped);
        t.accepted += 1;
        let dir = tempfile::tempdir().expect("temporary folder");
        for name in ["out.geojson", "out.gpkg"] {
            let path = dir.path().join(name);
            let written = t
                .timed("export", || {
                    zae_atlas::io::export::export(first.zones.iter(), &path)
                })?
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(written, zones.len());
            let again = t
                .timed("read back", || load_path(&path))?
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again.zones.len(), first.zones.len(), "{}", name);
            for (a, b) in first.zones.iter().zip(&again.zones) {
                prop_assert_eq!(&a.id, &b.id, "{}", name);
                prop_assert_eq!(&a.name, &b.name, "{}", name);
                prop_assert_eq!(&a.commune, &b.commune, "{}", name);
                prop_assert_eq!(a.surface_declared_ha, b.surface_declared_ha, "{}", name);
                prop_assert_eq!(a.jobs, b.jobs, "{}", name);
                prop_assert_eq!(a.vocation, b.vocation, "{}", name);
                prop_assert_eq!(a.geometry(), b.geometry(), "{}", name);
            }
        }
        Ok(())
    });
}
