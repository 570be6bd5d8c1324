//! Every user interface string exists in French and in English: the two Fluent files hold the
//! same messages with the same arguments, every message the code asks for exists, and the
//! interface shown in French carries no English-only string.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::harness_with;
use egui_kittest::kittest::{NodeT, Queryable};
use zae_atlas::i18n::{EN_FTL, FR_FTL, Lang};
use zae_atlas::settings::Settings;
use zae_atlas::{AppConfig, Command};

/// Message id → its text (continuation lines included), read line by line.
fn messages(ftl: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            current = None;
            continue;
        }
        if line.starts_with(' ') {
            if let Some(id) = &current {
                let text: &mut String = out.get_mut(id).expect("message open");
                text.push('\n');
                text.push_str(line.trim());
            }
            continue;
        }
        let (id, value) = line
            .split_once(" = ")
            .or_else(|| line.split_once(" ="))
            .unwrap_or_else(|| panic!("not a message line: {line:?}"));
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "message id {id:?}"
        );
        assert!(
            out.insert(id.to_string(), value.trim().to_string())
                .is_none(),
            "{id} defined twice"
        );
        current = Some(id.to_string());
    }
    out
}

/// The `$arguments` a message uses.
fn arguments(text: &str) -> BTreeSet<String> {
    text.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn both_languages_parse_and_hold_the_same_messages_with_the_same_arguments() {
    for (name, ftl) in [("en.ftl", EN_FTL), ("fr.ftl", FR_FTL)] {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(ftl.to_string()) {
            panic!("{name}: {errors:?}");
        }
    }
    let en = messages(EN_FTL);
    let fr = messages(FR_FTL);
    let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in English only: {only_en:?}");
    assert!(only_fr.is_empty(), "in French only: {only_fr:?}");
    for (id, text) in &en {
        assert!(!text.is_empty(), "{id} is empty in English");
        assert!(!fr[id].is_empty(), "{id} is empty in French");
        assert_eq!(
            arguments(text),
            arguments(&fr[id]),
            "{id} takes other arguments in French"
        );
    }
    assert!(en.len() > 150, "{} messages", en.len());
}

/// Every Rust source file of the crate.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source readable");
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists_and_every_message_is_used() {
    let en = messages(EN_FTL);
    let mut files = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The app and its core crate.
    sources(&root.join("src"), &mut files);
    sources(&root.join("crates/zae-core/src"), &mut files);
    let mut asked = BTreeSet::new();
    for (path, text) in &files {
        for (at, _) in text.match_indices("t!(") {
            // `t!(`, not the end of `format!(` or `print!(`.
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let part = text[at + 3..].trim_start();
            let Some(rest) = part.strip_prefix('"') else {
                continue;
            };
            let id = rest.split('"').next().unwrap_or_default();
            assert!(
                en.contains_key(id),
                "{path} asks for a missing message {id:?}"
            );
            asked.insert(id.to_string());
        }
    }
    let all_source: String = files.iter().map(|(_, t)| t.as_str()).collect();
    let unused: Vec<_> = en
        .keys()
        .filter(|id| !asked.contains(*id) && !all_source.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// Widget calls given a literal text in the interface code: each must go through `t!`.
#[test]
fn widgets_are_not_given_literal_text() {
    let mut files = Vec::new();
    for dir in ["src/ui", "src/map", "src/app"] {
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    }
    // Symbols and format names read the same in both languages.
    let neutral = [
        "×", "+", "−", "GeoJSON", "PNG", "PMTiles", "CNIG CSV", "csv", "geojson",
    ];
    let calls = [
        ".label(\"",
        ".button(\"",
        ".small_button(\"",
        "RichText::new(\"",
        ".on_hover_text(\"",
        "Window::new(\"",
        ".menu_button(\"",
        ".hint_text(\"",
        ".set_title(\"",
        ".heading(\"",
        ".link(\"",
    ];
    let mut found = Vec::new();
    for (path, text) in &files {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for call in calls {
            for (at, _) in code.match_indices(call) {
                let literal = code[at + call.len()..]
                    .split('"')
                    .next()
                    .unwrap_or_default();
                let has_words = literal.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                if has_words && !neutral.contains(&literal) {
                    found.push(format!("{path}: {call}{literal}\""));
                }
            }
        }
    }
    assert!(found.is_empty(), "literal interface text: {found:#?}");
}

/// English texts that French must not show (messages with no argument that differ).
fn english_only() -> BTreeSet<String> {
    let en = messages(EN_FTL);
    let fr = messages(FR_FTL);
    en.iter()
        .filter(|(id, text)| arguments(text).is_empty() && fr[*id] != **text)
        .map(|(_, text)| text.clone())
        .collect()
}

/// Every label and value shown (AccessKit tree).
fn shown_texts(h: &egui_kittest::Harness<'static, zae_atlas::ZaeApp>) -> Vec<String> {
    let root = h.root();
    root.children_recursive()
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect()
}

#[test]
fn the_french_interface_shows_no_english_only_string() {
    let mut h = harness_with(AppConfig {
        settings: Settings {
            language: Some(Lang::Fr),
            ..Settings::default()
        },
        ..common::offline(Vec::new())
    });
    h.run_steps(4);
    let english = english_only();
    let mut seen = Vec::new();
    let mut check = |h: &egui_kittest::Harness<'static, zae_atlas::ZaeApp>, what: &str| {
        let texts = shown_texts(h);
        assert!(!texts.is_empty());
        for text in texts {
            assert!(
                !english.contains(&text),
                "{what}: \"{text}\" is shown in English in the French interface"
            );
            seen.push(text);
        }
    };
    check(&h, "main window");
    for menu in ["Fichier", "Affichage", "Outils", "Aide"] {
        h.get_by_label(menu).click();
        h.run_steps(2);
        check(&h, menu);
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
    }
    // A zone's panel, the table, the statistics, the settings, the filters.
    let id = h.state().zone_id(0);
    h.state_mut().push(Command::Select(id));
    h.state_mut().push(Command::ToggleTable);
    h.state_mut().push(Command::ToggleStats);
    h.state_mut().push(Command::ToggleSettings);
    h.run_steps(3);
    h.get_by_label("Filtres").click();
    h.run_steps(3);
    check(&h, "panels and windows");
    h.state_mut().push(Command::SetKiosk(true));
    h.run_steps(3);
    let id = h.state().zone_id(0);
    h.state_mut().push(Command::Select(id));
    h.run_steps(3);
    check(&h, "kiosk");
    // The check saw the French strings it should have.
    for french in [
        "Fichier",
        "Statistiques",
        "Réglages",
        "Surface déclarée",
        "Emplois",
    ] {
        assert!(
            seen.iter().any(|t| t == french),
            "\"{french}\" was not seen"
        );
    }
}

#[test]
fn the_french_interface_says_why_a_file_or_a_database_failed_in_french() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/malformed.geojson");
    let mut config = common::offline(vec![fixture]);
    config.settings.language = Some(Lang::Fr);
    let mut h = harness_with(config);
    common::wait_for_loads(&mut h);
    // The error window, in French (the message is written when shown, not when the file
    // was refused).
    h.get_by_label_contains("malformed.geojson\u{202F}: JSON invalide ligne");
    h.state_mut().push(Command::SetLang(Lang::En));
    h.run_steps(3);
    h.get_by_label_contains("malformed.geojson: invalid JSON at line");

    // A database error, as the Connect dialog and the banner say it.
    zae_atlas::i18n::set_lang(Lang::Fr);
    let lost = zae_atlas::db::DbError::Unreachable {
        db: "planner@sig.example/zae".into(),
        reason: "connection refused".into(),
    };
    assert_eq!(
        zae_atlas::ui::problems::db_error_text(&lost),
        "planner@sig.example/zae\u{202F}: serveur injoignable\u{202F}: connection refused"
    );
    zae_atlas::i18n::set_lang(Lang::En);
    assert_eq!(
        zae_atlas::ui::problems::db_error_text(&lost),
        lost.to_string(),
        "the English sentence is the core's own"
    );
}

/// The load report is written when shown: in the French interface, the reasons a feature was
/// skipped or repaired, where it is and how the coordinates were read are French; switching
/// to English rewrites the same report in English.
#[test]
fn the_french_interface_shows_load_report_reasons_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mixed = data.join("mixed_with_null_and_point.geojson");
    let mut config = common::offline(vec![mixed, common::clockwise_squares(dir.path(), 5)]);
    config.settings.language = Some(Lang::Fr);
    let mut h = harness_with(config);
    common::wait_for_loads(&mut h);

    let id = h.state().source_id(0);
    h.state_mut().push(Command::ShowReport(id));
    h.run_steps(3);
    for french in [
        "Coordonnées\u{202F}: longitude/latitude WGS84 (défaut du GeoJSON, pas de crs indiqué)",
        "entité 1 (No geometry)\u{202F}: pas de géométrie (nulle ou absente)",
        "entité 3\u{202F}: l'entité est null, pas un objet",
        "entité 2 (A point)\u{202F}: la géométrie est un Point\u{202F}; zones et terrains doivent être des Polygon ou MultiPolygon",
        "entité 4 (Empty position)\u{202F}: anneau extérieur\u{202F}: la position 1 a 0 coordonnée(s), il en faut au moins 2",
    ] {
        h.get_by_label(french);
    }
    assert_eq!(h.query_all_by_label_contains("feature").count(), 0);

    // A warning shared by several features: one line, in French.
    let id = h.state().source_id(1);
    h.state_mut().push(Command::ShowReport(id));
    h.run_steps(3);
    h.get_by_label_contains(
        "l'anneau extérieur tourne dans le sens horaire (la RFC 7946 veut le sens antihoraire)\u{202F}; réorienté — 5 entités (premières\u{202F}: entité 0 (Z0), entité 1 (Z1), entité 2 (Z2), …)",
    );

    h.state_mut().push(Command::SetLang(Lang::En));
    let id = h.state().source_id(0);
    h.state_mut().push(Command::ShowReport(id));
    h.run_steps(3);
    h.get_by_label("feature 1 (No geometry): no geometry (null or missing)");
    h.get_by_label("Coordinates: WGS84 longitude/latitude (GeoJSON default, no crs given)");
}
