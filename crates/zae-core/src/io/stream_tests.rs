//! The streamed reader against the whole-text reader: same zones, same report, same errors.

use std::io::Write;

use crate::io::{
    LoadError, LoadedFile, display_name, load_bytes, load_file, load_file_in_blocks, load_streamed,
    read_file,
};

fn write(text: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".geojson")
        .tempfile()
        .expect("temp file");
    file.write_all(text).expect("write");
    file
}

fn whole(path: &std::path::Path) -> Result<LoadedFile, LoadError> {
    let bytes = read_file(path)?;
    load_bytes(&display_name(path), &bytes, &mut |_| true)
}

/// Both results as text: the error's message, or everything loaded and reported.
fn shown(result: &Result<LoadedFile, LoadError>) -> String {
    match result {
        Ok(file) => format!("{file:?}"),
        Err(e) => format!("error: {e}"),
    }
}

/// The file streams in blocks of each size and gives what the whole-text reader gives.
fn assert_streams(text: &[u8], blocks: &[usize]) -> Result<LoadedFile, LoadError> {
    let file = write(text);
    let expected = shown(&whole(file.path()));
    for &block in blocks {
        let streamed = load_streamed(file.path(), block)
            .unwrap_or_else(|| panic!("read as a whole text with blocks of {block}"));
        assert_eq!(shown(&streamed), expected, "blocks of {block}");
    }
    load_file(file.path(), &mut |_| true)
}

/// The file is read as a whole text, with what the whole-text reader gives.
fn assert_falls_back(text: &[u8]) -> Result<LoadedFile, LoadError> {
    let file = write(text);
    for block in [7, 1 << 20] {
        assert!(
            load_streamed(file.path(), block).is_none(),
            "streamed: {}",
            String::from_utf8_lossy(text)
        );
        let result = load_file_in_blocks(file.path(), block, &mut |_| true);
        assert_eq!(shown(&result), shown(&whole(file.path())));
    }
    load_file(file.path(), &mut |_| true)
}

fn square(x: f64) -> String {
    format!(
        r#"{{"type":"Polygon","coordinates":[[[{x},47.0],[{x1},47.0],[{x1},47.01],[{x},47.01],[{x},47.0]]]}}"#,
        x1 = x + 0.01
    )
}

fn feature(name: &str, x: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"nom":{name}}},"geometry":{}}}"#,
        square(x)
    )
}

fn collection(features: &[String]) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\"name\":\"t\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    )
}

#[test]
fn strings_with_brackets_and_escapes_split_across_blocks() {
    let names = [
        r#""a ] b""#,
        r#""c } d, e""#,
        r#""quote \" inside""#,
        r#""backslash \\""#,
        r#""both \\\" and [{""#,
        r#""Écoparc ü""#,
    ];
    let features: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| feature(n, 5.0 + 0.02 * i as f64))
        .collect();
    let loaded =
        assert_streams(collection(&features).as_bytes(), &[1, 7, 64, 1 << 20]).expect("loads");
    let got: Vec<_> = loaded.zones.iter().filter_map(|z| z.name.clone()).collect();
    assert_eq!(
        got,
        [
            "a ] b",
            "c } d, e",
            "quote \" inside",
            "backslash \\",
            "both \\\" and [{",
            "Écoparc ü"
        ]
    );
}

#[test]
fn thousands_of_features_with_skipped_ones_across_batches() {
    // Nulls first: the layer is decided only after the first batch, so the one-by-one phase
    // spans two batches; then broken features among good ones in later batches.
    let mut features: Vec<String> = (0..4200).map(|_| "null".to_string()).collect();
    for i in 0..5000 {
        features.push(match i % 7 {
            0 => r#"{"type":"Feature","properties":{"nom":"no geometry"},"geometry":null}"#.into(),
            1 => format!(
                r#"{{"type":"feature","id":{i},"properties":[1],"geometry":{}}}"#,
                square(5.0)
            ),
            _ => feature(&format!("\"p{i}\""), 5.0 + (i % 50) as f64 * 0.01),
        });
    }
    let loaded = assert_streams(collection(&features).as_bytes(), &[4096, 1 << 20]).expect("loads");
    assert_eq!(loaded.report.features_seen, 9200);
    assert!(loaded.zones.len() > 4000);
    assert_eq!(loaded.report.skipped[4200].index, Some(4200));
}

#[test]
fn byte_order_mark_is_reported_first() {
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend_from_slice(r#"{"type":"featurecollection","bbox":[1,2],"features":["#.as_bytes());
    text.extend_from_slice(feature("\"A\"", 5.0).as_bytes());
    text.extend_from_slice(b"]}");
    let loaded = assert_streams(&text, &[1, 2, 7, 1 << 20]).expect("loads");
    let warnings: Vec<_> = loaded.report.warnings.iter().map(|w| w.message()).collect();
    assert_eq!(warnings[0], "UTF-8 byte order mark removed");
    assert!(warnings[1].contains("bbox"), "{warnings:?}");
    assert!(
        warnings[2].contains("read as \"FeatureCollection\""),
        "{warnings:?}"
    );
}

#[test]
fn empty_features_array() {
    let loaded = assert_streams(
        br#"{"type":"FeatureCollection","features":[ ]}"#,
        &[7, 1 << 20],
    )
    .expect("loads");
    assert!(loaded.zones.is_empty());
    assert_eq!(loaded.report.features_seen, 0);
}

#[test]
fn members_after_the_features_that_matter_fall_back() {
    // EPSG:2154 metres: read as degrees without the crs member, which comes last.
    let lambert = r#"{"type":"Feature","properties":{"nom":"L"},"geometry":{"type":"Polygon","coordinates":[[[853000,6687000],[854000,6687000],[854000,6688000],[853000,6688000],[853000,6687000]]]}}"#;
    let crs = r#""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}}"#;
    let after = format!(r#"{{"type":"FeatureCollection","features":[{lambert}],{crs}}}"#);
    let loaded = assert_falls_back(after.as_bytes()).expect("loads");
    assert_eq!(loaded.zones.len(), 1);
    assert!(
        loaded.report.crs.to_string().contains("2154"),
        "{}",
        loaded.report.crs
    );
    // The same member first streams.
    let before = format!(r#"{{"type":"FeatureCollection",{crs},"features":[{lambert}]}}"#);
    assert_streams(before.as_bytes(), &[7]).expect("loads");
    // A "type" or a wrong "bbox" after the features would change the warnings.
    let f = feature("\"A\"", 5.0);
    assert_falls_back(format!(r#"{{"features":[{f}],"type":"FeatureCollection"}}"#).as_bytes())
        .expect("loads");
    assert_falls_back(
        format!(r#"{{"type":"FeatureCollection","features":[{f}],"bbox":[1]}}"#).as_bytes(),
    )
    .expect("loads");
    // A right one, or another member, does not.
    assert_streams(
        format!(r#"{{"type":"FeatureCollection","features":[{f}],"bbox":[1,2,3,4],"x":{{"features":[1]}}}}"#)
            .as_bytes(),
        &[7],
    )
    .expect("loads");
    // A coordinate system named but unknown is refused the same way.
    let unknown = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:9999"}},"features":[]}"#;
    let _ = assert_streams(unknown.as_bytes(), &[7]);
}

#[test]
fn syntax_errors_keep_their_line_and_column() {
    let cases = [
        (
            "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}",
            (3, 16),
        ),
        (
            "{\"type\":\"FeatureCollection\",\"features\":[1 2]}",
            (1, 43),
        ),
        (
            "{\"type\":\"FeatureCollection\",\"features\":[null,]}",
            (1, 46),
        ),
    ];
    for (text, position) in cases {
        match assert_falls_back(text.as_bytes()) {
            Err(LoadError::Json { line, column, .. }) => {
                assert_eq!((line, column), position, "{text}")
            }
            other => panic!("{text}: {}", shown(&other)),
        }
    }
    // A broken feature after thousands of good ones: nothing of the streamed part is kept.
    let mut features: Vec<String> = (0..5000)
        .map(|i| feature("\"g\"", 5.0 + (i % 9) as f64 * 0.01))
        .collect();
    features
        .push(r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[5.0 47.0]}}"#.into());
    assert!(matches!(
        assert_falls_back(collection(&features).as_bytes()),
        Err(LoadError::Json { line: 5002, .. })
    ));
}

#[test]
fn unusual_files_fall_back_with_the_same_result() {
    let f = feature("\"A\"", 5.0);
    let cases: Vec<Vec<u8>> = vec![
        format!(r#"{{"type":"FeatureCollection","features":[{f}]}} trailing"#).into_bytes(),
        format!(r#"{{"type":"FeatureCollection","features":[{f}]}}{{}}"#).into_bytes(),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,1]}}]}"#.as_bytes().to_vec(),
        b"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"nom\":\"\xC9copole\"},\"geometry\":null}]}".to_vec(),
        format!(r#"{{"type":"Feature","properties":{{}},"geometry":{}}}"#, square(5.0)).into_bytes(),
        square(5.0).into_bytes(),
        format!(r#"[{f}]"#).into_bytes(),
        format!(r#"{{"type":"Topology","features":[{f}]}}"#).into_bytes(),
        format!(r#"{{"type":"FeatureCollection","features":[{f}],"features":[]}}"#).into_bytes(),
        br#"{"type":"FeatureCollection","features":{}}"#.to_vec(),
        b"".to_vec(),
        b"  \n ".to_vec(),
        b"\xFF\xFE{\x00}\x00".to_vec(),
    ];
    for text in cases {
        let _ = assert_falls_back(&text);
    }
}

#[test]
fn cancelling_stops_the_streamed_reading() {
    let features: Vec<String> = (0..50)
        .map(|i| feature("\"c\"", 5.0 + i as f64 * 0.01))
        .collect();
    let file = write(collection(&features).as_bytes());
    let result = load_file_in_blocks(file.path(), 64, &mut |_| false);
    assert!(
        matches!(result, Err(LoadError::Cancelled { .. })),
        "{}",
        shown(&result)
    );
    // Cancelled half-way: the fractions seen so far rose from 0 towards 1.
    let mut seen = Vec::new();
    let result = load_file_in_blocks(file.path(), 64, &mut |f| {
        seen.push(f);
        f < 0.5
    });
    assert!(matches!(result, Err(LoadError::Cancelled { .. })));
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]) && seen.len() > 2,
        "{seen:?}"
    );
    // Left alone, it ends at 1.
    let mut last = 0.0;
    load_file_in_blocks(file.path(), 64, &mut |f| {
        last = f;
        true
    })
    .expect("loads");
    assert_eq!(last, 1.0);
}

#[test]
fn missing_and_csv_files_answer_as_before() {
    let missing = std::path::Path::new("/nonexistent/zae-atlas/none.geojson");
    assert_eq!(
        shown(&load_file(missing, &mut |_| true)),
        shown(&whole(missing))
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("sites.csv");
    std::fs::write(&csv, "{\"type\":\"FeatureCollection\",\"features\":[]}").expect("write");
    assert!(load_streamed(&csv, 7).is_none());
    assert_eq!(shown(&load_file(&csv, &mut |_| true)), shown(&whole(&csv)));
}
