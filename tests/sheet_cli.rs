//! `zae-atlas sheet`: the investor's sheet and the catalogue, read back with a real PDF reader
//! (`pdftotext`, `pdftoppm` and `pdfinfo` from Debian's poppler-utils, which .ci/run installs).

use std::path::{Path, PathBuf};
use std::process::Command;

use zae_atlas::filter::Filter;
use zae_atlas::i18n::Lang;
use zae_atlas::sheet::{AccessPoints, Sheet};
use zae_atlas::store::Dataset;

/// `zae-atlas sheet ARGS --tiles none`: the context layer, never the network (the base map is
/// tested in tests/sheet_base_map.rs).
fn sheet(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("sheet")
        .args(args)
        .args(["--tiles", "none"])
        .output()
        .expect("run zae-atlas");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian package poppler-utils) could not run: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn text_of(pdf: &Path) -> String {
    poppler("pdftotext", &["-enc", "UTF-8", &pdf.to_string_lossy(), "-"])
}

fn pages_of(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[&pdf.to_string_lossy()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// Without spaces of any kind, so that wrapped lines and narrow no-break spaces compare.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect()
}

fn embedded() -> Dataset {
    let file = zae_atlas::io::load_bytes(
        zae_atlas::embedded::EMBEDDED_NAME,
        zae_atlas::embedded::EMBEDDED_DATASET,
        &mut |_| true,
    )
    .expect("embedded data loads");
    let mut d = Dataset::default();
    d.add_loaded(file, zae_atlas::embedded::EMBEDDED_NAME, None);
    d
}

fn out_pdf(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn cap_nord_in_french_has_its_figures_contact_and_every_source_note() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "cap-nord.pdf");
    let (code, out) = sheet(&[
        "--zone",
        "ZAE Cap Nord",
        "--to",
        &pdf.to_string_lossy(),
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(pages_of(&pdf), 1);
    let text = text_of(&pdf);
    assert!(text.contains("ZAE Cap Nord"), "{text}");
    assert!(text.contains(" ha"), "{text}");
    let flat = text.replace(['\u{202f}', '\u{a0}'], " ");
    assert!(flat.contains("11 000 (2022)"), "{text}");
    assert!(text.contains("Dijon Bourgogne Invest"), "{text}");
    assert!(text.contains("Contour approximatif"), "{text}");
    // Every note the sheet cites is printed (whole, though wrapped).
    let d = embedded();
    let at = d
        .zones
        .iter()
        .position(|z| z.id == "dm-capnord")
        .expect("cap nord");
    let points = AccessPoints::embedded().expect("access points");
    let model = Sheet::of(&d, at, &points, Lang::Fr).expect("sheet");
    assert!(model.notes.len() >= 4, "{:?}", model.notes);
    let squeezed = squeeze(&text);
    for (i, note) in model.notes.iter().enumerate() {
        let printed = squeeze(&format!("[{}] {note}", i + 1));
        assert!(
            squeezed.contains(&printed),
            "note {} missing: {note}\n{text}",
            i + 1
        );
    }
    // French numbers: the decimal comma in the access distances ("≈ 2,7 km à vol d'oiseau").
    for line in &model.access {
        assert!(line.distance.contains("km à vol d'oiseau"), "{line:?}");
        assert!(!line.distance.contains('.'), "{line:?}");
        assert!(
            flat.contains(&line.distance.replace('\u{202f}', " ")),
            "{line:?}\n{text}"
        );
    }
    assert!(
        model.access.iter().any(|l| l.distance.contains(',')),
        "{:?}",
        model.access
    );
}

#[test]
fn ecoparc_keeps_its_accent_and_english_works() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "ecoparc.pdf");
    let (code, out) = sheet(&[
        "--zone",
        "ecoparc",
        "--to",
        &pdf.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{out}");
    let text = text_of(&pdf);
    assert!(text.contains("Écoparc Dijon Bourgogne"), "{text}");
    assert!(text.contains("Key figures"), "{text}");
    assert!(text.contains("SPLAAD"), "{text}");
    assert!(text.contains("as the crow flies"), "{text}");
}

#[test]
fn the_map_area_of_the_page_is_not_blank() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "capnord.pdf");
    let (code, out) = sheet(&["--zone", "dm-capnord", "--to", &pdf.to_string_lossy()]);
    assert_eq!(code, 0, "{out}");
    let prefix = dir.path().join("page");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "72",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            &pdf.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    let png = image::open(dir.path().join("page.png"))
        .expect("png")
        .to_rgb8();
    // At 72 dpi a pixel is a point: the map frame is at x 36..354, from y ≈ 95 for 262 points.
    let (mut orange, mut drawn, mut total) = (0, 0, 0);
    for y in 130..330 {
        for x in 40..350 {
            let p = png.get_pixel(x, y).0;
            total += 1;
            if p[0] > 200 && p[1] > 100 && p[1] < 190 && p[2] < 120 {
                orange += 1;
            }
            if p != [255, 255, 255] {
                drawn += 1;
            }
        }
    }
    assert!(
        drawn * 10 > total * 9,
        "map area mostly blank: {drawn}/{total}"
    );
    assert!(
        orange * 50 > total,
        "the zone is hardly drawn: {orange}/{total} orange pixels"
    );
}

#[test]
fn the_catalogue_of_all_zones_has_an_overview_and_24_sheets() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "all.pdf");
    let (code, out) = sheet(&["--all", "--to", &pdf.to_string_lossy(), "--lang", "fr"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(pages_of(&pdf), 1 + 24);
    let text = text_of(&pdf);
    assert!(text.contains("catalogue"), "{text}");
}

#[test]
fn a_filtered_catalogue_has_only_the_zones_it_keeps() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "longvic.pdf");
    let (code, out) = sheet(&[
        "--all",
        "--filter",
        "commune = Longvic",
        "--to",
        &pdf.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{out}");
    let d = embedded();
    let filter = Filter::parse("commune = Longvic").expect("filter");
    let kept: Vec<&str> = d
        .zones
        .iter()
        .filter(|z| filter.matches(z))
        .map(|z| z.display_name())
        .collect();
    assert!(!kept.is_empty() && kept.len() < d.zones.len());
    assert_eq!(pages_of(&pdf), 1 + kept.len());
    let text = squeeze(&text_of(&pdf));
    for z in &d.zones {
        let shown = text.contains(&squeeze(z.display_name()));
        assert_eq!(shown, filter.matches(z), "{}", z.display_name());
    }
}

#[test]
fn a_bad_zone_name_exits_one_naming_the_closest_zones() {
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = out_pdf(&dir, "none.pdf");
    let (code, out) = sheet(&["--zone", "Zorglubpark", "--to", &pdf.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("closest"), "{out}");
    assert!(out.contains("(dm-"), "{out}");
    assert!(!pdf.exists());
    // Two zones fit "Cap Nord" as well: both are named.
    let (code, out) = sheet(&["--zone", "Cap Nord", "--to", &pdf.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("ZAE Cap Nord") && out.contains("Extension Cap Nord"),
        "{out}"
    );
    assert!(!pdf.exists());
}

#[test]
fn an_unreadable_file_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("broken.geojson");
    std::fs::write(&bad, "{ not json").expect("write");
    let pdf = out_pdf(&dir, "x.pdf");
    let (code, out) = sheet(&[
        &bad.to_string_lossy(),
        "--all",
        "--to",
        &pdf.to_string_lossy(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("broken.geojson"), "{out}");
    assert!(!pdf.exists());
}
