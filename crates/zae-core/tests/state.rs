//! The application state driven headless, through `AppState::apply` and the loader's entry
//! points, as the window drives it: no egui, no window, no clock.

use std::path::PathBuf;

use zae_core::embedded::{EMBEDDED_DATASET, EMBEDDED_NAME};
use zae_core::filter::ZoneFilter;
use zae_core::io::{load_bytes, load_file};
use zae_core::measure::MeasureMode;
use zae_core::settings::Settings;
use zae_core::state::{AppState, Command, Effect};
use zae_core::store::{MeshedSource, mesh_loaded};

fn meshed(name: &str, bytes: &[u8]) -> MeshedSource {
    let file = load_bytes(name, bytes, &mut |_| true).expect("fixture loads");
    mesh_loaded(file, &mut |_| true).expect("meshes")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data")
        .join(name)
}

fn meshed_file(path: &std::path::Path) -> MeshedSource {
    let file = load_file(path, &mut |_| true).expect("fixture loads");
    mesh_loaded(file, &mut |_| true).expect("meshes")
}

/// The state with the embedded Dijon dataset loaded, as at start.
fn dijon() -> AppState {
    let mut state = AppState::new(Settings::default());
    state.source_loaded(
        EMBEDDED_NAME.into(),
        None,
        None,
        meshed(EMBEDDED_NAME, EMBEDDED_DATASET),
    );
    state
}

#[test]
fn opening_files_asks_the_shell_to_read_them_and_what_it_reads_joins_the_state() {
    let mut state = dijon();
    let before = state.dataset().zones.len();
    let path = fixture("multipolygon.geojson");
    let effects = state.apply(Command::Open(vec![path.clone()]));
    assert_eq!(effects, [Effect::ChooseTables(vec![path.clone()])]);
    let effects = state.apply(Command::OpenChosen(vec![path.clone()]));
    assert!(effects.contains(&Effect::StartLoad {
        paths: vec![path.clone()],
        reload: false
    }));
    let source = state.source_loaded(
        "multipolygon.geojson".into(),
        Some(path.clone()),
        None,
        meshed_file(&path),
    );
    state.loads_done();
    assert_eq!(state.dataset().files.len(), 2);
    assert!(state.dataset().zones.len() > before);
    assert_eq!(state.recent_files(), [path]);
    assert!(
        state.take_pending_fit().is_some(),
        "the view fits what was opened"
    );
    assert!(state.store().source(source).is_some());
}

#[test]
fn a_zone_is_selected_by_id_and_stays_selected_when_another_file_closes() {
    let mut state = dijon();
    let path = fixture("multipolygon.geojson");
    let other = state.source_loaded("m".into(), Some(path.clone()), None, meshed_file(&path));
    let cap_nord = state
        .store()
        .zones()
        .iter()
        .position(|z| z.display_name().contains("Cap Nord"))
        .and_then(|i| state.store().zone_id(i))
        .expect("Cap Nord is in the embedded data");
    let _ = state.apply(Command::Focus(cap_nord));
    assert_eq!(state.selected_id(), Some(cap_nord));
    assert!(
        state.take_pending_fit().is_some(),
        "focus flies to the zone"
    );

    // Closing the other file moves zones around; the selection follows its zone.
    let _ = state.apply(Command::CloseFile(other));
    assert_eq!(state.dataset().files.len(), 1);
    assert_eq!(state.selected_id(), Some(cap_nord));
    let name = state.selected_zone().map(|z| z.display_name().to_string());
    assert!(name.is_some_and(|n| n.contains("Cap Nord")));

    // Closing the zone's own file clears the selection.
    let embedded = state.store().source_of(cap_nord).expect("its source");
    let _ = state.apply(Command::CloseFile(embedded));
    assert_eq!(state.selected_id(), None);
    assert!(state.dataset().zones.is_empty());
}

#[test]
fn a_filter_narrows_the_table_and_drops_a_selection_it_hides() {
    let mut state = dijon();
    let all = state.table_rows().len();
    let commune = state.store().communes().first().cloned().expect("communes");
    let outside = state
        .store()
        .zones()
        .iter()
        .position(|z| z.commune.as_deref() != Some(commune.as_str()))
        .and_then(|i| state.store().zone_id(i))
        .expect("a zone elsewhere");
    let _ = state.apply(Command::Select(Some(outside)));
    let filter = ZoneFilter {
        commune: Some(commune.clone()),
        ..ZoneFilter::default()
    };
    let _ = state.apply(Command::SetFilter(filter));
    let rows = state.table_rows();
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    assert!(
        rows.iter()
            .all(|&i| state.dataset().zones[i].commune.as_deref() == Some(commune.as_str()))
    );
    assert_eq!(
        state.selected_id(),
        None,
        "the filter hid the selected zone"
    );
}

#[test]
fn a_file_read_again_keeps_the_selected_zone_and_replaces_its_figures() {
    let mut state = AppState::new(Settings::default());
    let text = |jobs: u32| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"id":"Z1","nom":"Zone un","emplois":{jobs}}},"geometry":{{"type":"Polygon","coordinates":[[[5.0,47.0],[5.0,47.01],[5.01,47.01],[5.01,47.0],[5.0,47.0]]]}}}}]}}"#
        )
    };
    let source = state.source_loaded(
        "z.geojson".into(),
        None,
        None,
        meshed("z", text(10).as_bytes()),
    );
    let zone = state.store().zone_id(0).expect("a zone");
    let _ = state.apply(Command::Select(Some(zone)));
    state.source_reloaded(source, meshed("z", text(25).as_bytes()), None);
    assert_eq!(state.selected_id(), Some(zone));
    assert_eq!(state.selected_zone().and_then(|z| z.jobs), Some(25.0));
}

#[test]
fn measure_points_go_through_commands_and_only_while_measuring() {
    let mut state = dijon();
    let _ = state.apply(Command::MeasurePoint(5.0, 47.3));
    assert!(state.measure().is_none());
    let _ = state.apply(Command::Measure(Some(MeasureMode::Distance)));
    let _ = state.apply(Command::MeasurePoint(5.0, 47.3));
    let _ = state.apply(Command::MeasurePoint(5.1, 47.3));
    let _ = state.apply(Command::MeasurePoint(f64::NAN, 47.3));
    assert_eq!(state.measure().map(|(_, p)| p.len()), Some(2));
    let _ = state.apply(Command::Measure(None));
    assert!(state.measure().is_none());
}

#[test]
fn only_web_links_are_opened_and_none_at_the_booth() {
    let mut state = dijon();
    assert_eq!(
        state.apply(Command::OpenUrl("https://www.dijon-metropole.fr".into())),
        [Effect::OpenUrl("https://www.dijon-metropole.fr".into())]
    );
    assert!(
        state
            .apply(Command::OpenUrl("file:///etc/passwd".into()))
            .is_empty()
    );
    assert!(
        state
            .apply(Command::OpenUrl("smb://server/share".into()))
            .is_empty()
    );
    let effects = state.apply(Command::SetKiosk(true));
    assert_eq!(effects, [Effect::Kiosk(true)]);
    assert!(
        state
            .apply(Command::OpenUrl("https://example.org".into()))
            .is_empty()
    );
    assert!(
        state.apply(Command::OpenDialog).is_empty(),
        "the booth opens no file"
    );
}

#[test]
fn kiosk_mode_closes_the_planner_windows_and_fits_the_whole_dataset() {
    let mut state = dijon();
    let _ = state.apply(Command::ToggleStats);
    let _ = state.apply(Command::ToggleAbout);
    let _ = state.apply(Command::Measure(Some(MeasureMode::Area)));
    let _ = state.take_pending_fit();
    let _ = state.apply(Command::SetKiosk(true));
    assert!(state.is_kiosk());
    assert!(!state.show_stats() && !state.show_about() && state.measure().is_none());
    assert_eq!(state.take_pending_fit(), state.dataset().bounds());
}

#[test]
fn the_table_sort_is_a_command_and_the_rows_follow_it() {
    use zae_core::state::{SortColumn, TableSort};
    let mut state = dijon();
    let _ = state.apply(Command::SetTableSort(TableSort {
        column: SortColumn::Surface,
        descending: true,
    }));
    let zones = &state.dataset().zones;
    let surfaces: Vec<f64> = state
        .table_rows()
        .iter()
        .filter_map(|&i| zones[i].surface_declared_ha)
        .collect();
    assert!(surfaces.len() > 5);
    assert!(surfaces.windows(2).all(|w| w[0] >= w[1]), "{surfaces:?}");
}

#[test]
fn remembered_state_is_the_state_itself() {
    let mut state = dijon();
    let _ = state.apply(Command::SetStyle(zae_core::style::StyleMode::Surface));
    let _ = state.apply(Command::ToggleTable);
    let saved = state.persisted(Some(((5.0, 47.3), 12.0)), Vec::new());
    assert_eq!(saved.style, zae_core::style::StyleMode::Surface);
    assert!(saved.show_table);
    assert!(saved.embedded_open);
    let again = AppState::restored(saved.clone(), Settings::default());
    assert_eq!(again.style(), zae_core::style::StyleMode::Surface);
    assert!(again.show_table());
}

#[test]
fn the_selected_zones_details_and_the_statistics_are_computed_when_things_change() {
    let mut state = dijon();
    assert!(state.details().is_none());
    let cap_nord = state
        .store()
        .zones()
        .iter()
        .position(|z| z.display_name().contains("Cap Nord"))
        .and_then(|i| state.store().zone_id(i))
        .expect("Cap Nord");
    let _ = state.apply(Command::Select(Some(cap_nord)));
    let details = state.details().expect("details of the selection");
    assert_eq!(details.id, cap_nord);
    assert!(details.computed_ha > 100.0, "{} ha", details.computed_ha);
    let (x, y) = details.centroid_l93.expect("a Lambert-93 centroid");
    assert!((840_000.0..870_000.0).contains(&x) && (6_680_000.0..6_700_000.0).contains(&y));

    assert!(
        state.stats().is_none(),
        "no statistics while the window is closed"
    );
    let _ = state.apply(Command::ToggleStats);
    let all = state.stats().expect("statistics").totals.zones;
    assert_eq!(all, state.table_rows().len());
    let commune = state
        .store()
        .communes()
        .first()
        .cloned()
        .expect("a commune");
    let _ = state.apply(Command::SetFilter(ZoneFilter {
        commune: Some(commune),
        ..ZoneFilter::default()
    }));
    let shown = state.stats().expect("statistics").totals.zones;
    assert!(shown < all && shown == state.table_rows().len());
    let _ = state.apply(Command::Select(None));
    assert!(state.details().is_none());
}

/// The booth's idle clock runs on the times it is given (a mocked clock): quiet past the idle
/// time starts the countdown, its end goes back to the overview, then the tour selects the
/// largest zones one after the other; a touch stops the flight and the tour.
#[test]
fn kiosk_idle_counts_down_resets_then_tours_on_a_mocked_clock() {
    use zae_core::kiosk::Phase;
    let mut settings = Settings::default();
    settings.kiosk.idle_seconds = 60.0;
    settings.kiosk.countdown_seconds = 10.0;
    settings.kiosk.seconds_per_zone = 12.0;
    let mut state = AppState::new(settings);
    state.source_loaded(
        EMBEDDED_NAME.into(),
        None,
        None,
        meshed(EMBEDDED_NAME, EMBEDDED_DATASET),
    );
    // Not in kiosk mode: the clock does nothing.
    assert!(
        state
            .apply(Command::KioskTick {
                now: 1000.0,
                touched: false
            })
            .is_empty()
    );
    assert!(state.kiosk_idle().is_none());

    let _ = state.apply(Command::SetKiosk(true));
    let tick = |state: &mut AppState, now: f64, touched: bool| {
        state.apply(Command::KioskTick { now, touched })
    };
    let first = state.store().zone_id(0);
    let _ = state.apply(Command::Select(first));
    assert!(tick(&mut state, 0.0, false).is_empty());
    assert!(tick(&mut state, 59.0, false).is_empty());
    assert_eq!(state.kiosk_phase(), Some(Phase::Active));
    let _ = tick(&mut state, 60.0, false);
    let idle = state.kiosk_idle().expect("the clock runs");
    assert_eq!(idle.countdown_left(61.0), Some(9));
    assert!(state.selected_id().is_some(), "the countdown only warns");

    // The countdown's end: back to the overview, nothing selected.
    let effects = tick(&mut state, 70.0, false);
    assert_eq!(
        effects,
        [Effect::FlyTo(state.dataset().bounds().expect("bounds"))]
    );
    assert_eq!(state.selected_id(), None);

    // The tour: the largest declared surface first, then the next.
    let by_surface = |state: &AppState| {
        let zones = &state.dataset().zones;
        let mut rows = state.table_rows().to_vec();
        rows.sort_by(|&a, &b| {
            let s = |i: usize| zones[i].surface_declared_ha.unwrap_or(0.0);
            s(b).total_cmp(&s(a)).then(a.cmp(&b))
        });
        rows
    };
    let order = by_surface(&state);
    let mut visited = Vec::new();
    let mut now = 70.0;
    while visited.len() < 2 && now < 200.0 {
        now += 1.0;
        let effects = tick(&mut state, now, false);
        if let [Effect::FlyTo(bounds)] = effects.as_slice() {
            let zone = state.selected_zone().expect("a tour stop is selected");
            assert_eq!(*bounds, zone.bbox);
            visited.push(state.selected().expect("selected"));
        }
    }
    assert_eq!(visited, order[..2]);
    assert!(matches!(state.kiosk_phase(), Some(Phase::Tour { .. })));

    // A touch: the flight stops and the booth is active again, on the zone shown.
    let effects = tick(&mut state, now + 1.0, true);
    assert_eq!(effects, [Effect::StopFlight]);
    assert_eq!(state.kiosk_phase(), Some(Phase::Active));
    assert!(tick(&mut state, now + 2.0, false).is_empty());

    // Leaving kiosk mode forgets the clock.
    let _ = state.apply(Command::KioskExitAsked);
    assert!(!state.is_kiosk(), "no PIN set: the chord leaves");
    assert!(state.kiosk_idle().is_none());
}

/// With a PIN, the exit chord opens the prompt; a wrong PIN is said and cleared, the right one
/// leaves kiosk mode.
#[test]
fn the_kiosk_pin_prompt_goes_through_commands() {
    let mut settings = Settings::default();
    settings.kiosk.pin = Some("2468".into());
    let mut state = AppState::new(settings);
    let _ = state.apply(Command::SetKiosk(true));
    let _ = state.apply(Command::KioskExitAsked);
    assert!(state.is_kiosk());
    let _ = state.apply(Command::KioskPinTyped("1111".into()));
    assert_eq!(state.pin_prompt().map(|p| p.typed.as_str()), Some("1111"));
    let _ = state.apply(Command::KioskPinSubmit);
    let prompt = state.pin_prompt().expect("still asking");
    assert!(prompt.wrong && prompt.typed.is_empty());
    assert!(state.is_kiosk());
    let _ = state.apply(Command::KioskPinCancel);
    assert!(state.pin_prompt().is_none() && state.is_kiosk());
    let _ = state.apply(Command::KioskExitAsked);
    let _ = state.apply(Command::KioskPinTyped("2468".into()));
    let effects = state.apply(Command::KioskPinSubmit);
    assert!(!state.is_kiosk());
    assert_eq!(effects, [Effect::Kiosk(false)]);
}

/// A database source whose server is lost keeps its zones on screen under the banner; Retry
/// asks the shell to read again, and a read of the same database takes the banner away (one of
/// another database does not).
#[test]
fn a_lost_database_keeps_its_data_until_it_is_read_again() {
    use std::sync::Arc;
    use zae_core::db::{DbError, TlsLink};
    use zae_core::state::DbEffect;
    use zae_core::store::DbOrigin;

    let origin = |url: &str| DbOrigin {
        url: url.into(),
        schema: "public".into(),
        table: "zones".into(),
        fetched: None,
        tls: TlsLink::default(),
    };
    let url = "postgresql://planner@sig.example/zae";
    let mut state = AppState::new(Settings::default());
    let source = state.source_loaded(
        "zones".into(),
        None,
        Some(origin(url)),
        meshed(EMBEDDED_NAME, EMBEDDED_DATASET),
    );
    let zones = state.dataset().zones.len();
    let id = state.store().zone_id(3).expect("a zone");
    let _ = state.apply(Command::Select(Some(id)));

    let error = Arc::new(DbError::Unreachable {
        db: "planner@sig.example/zae".into(),
        reason: "connection refused".into(),
    });
    let effects = state.apply(Command::DbLost {
        url: url.into(),
        error: error.clone(),
    });
    assert!(effects.is_empty());
    let lost = state.db_lost().expect("the banner");
    assert_eq!(lost.url, url);
    assert_eq!(lost.error, error);
    assert_eq!(state.dataset().zones.len(), zones, "the last data stays");
    assert_eq!(state.selected_id(), Some(id), "and so does the selection");
    assert!(state.errors().is_empty(), "a banner, not an error box");

    assert_eq!(state.apply(Command::DbRetry), [Effect::Db(DbEffect::Retry)]);
    // Another database read back: still lost.
    let _ = state.source_loaded(
        "other".into(),
        None,
        Some(origin("postgresql://planner@other.example/zae")),
        meshed(EMBEDDED_NAME, EMBEDDED_DATASET),
    );
    assert!(state.db_lost().is_some());
    // The same one read back: the banner goes, the selection stays.
    state.source_reloaded(
        source,
        meshed(EMBEDDED_NAME, EMBEDDED_DATASET),
        Some(origin(url)),
    );
    assert!(state.db_lost().is_none());
    assert_eq!(state.selected_id(), Some(id));
}

#[test]
fn a_written_sheet_says_when_its_map_went_without_the_base_map() {
    use zae_core::i18n::{Lang, set_lang};
    use zae_core::sheet::Written;
    let mut state = dijon();
    let path = PathBuf::from("/tmp/catalogue.pdf");
    set_lang(Lang::En);
    let written = |without_base_map| Written {
        zones: 24,
        without_base_map,
    };
    state.pdf_written(Ok((written(0), path.clone())));
    let notice = state.notice().expect("a notice").to_string();
    assert!(notice.contains("Catalogue of 24 zones"), "{notice}");
    assert!(!notice.contains("base map"), "{notice}");
    state.pdf_written(Ok((written(3), path.clone())));
    let notice = state.notice().expect("a notice").to_string();
    assert!(
        notice.contains("3 maps are drawn without the base map"),
        "{notice}"
    );
    set_lang(Lang::Fr);
    state.pdf_written(Ok((written(1), path)));
    let notice = state.notice().expect("a notice").to_string();
    assert!(notice.contains("sans le fond de carte"), "{notice}");
    assert!(notice.contains("Catalogue de 24 zones"), "{notice}");
    set_lang(Lang::En);
}
