//! The search box (Ctrl+F): zones and tenants by name; Enter flies to the best result.

use crate::t;
use egui::{Key, RichText, TextEdit, Ui};

use crate::app::Command;
use crate::search::{SearchHit, SearchIndex};
use crate::store::ZoneStore;

/// Label of the search box, for screen readers and tests.

#[derive(Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    /// Focus the box in the next frame (Ctrl+F).
    pub focus: bool,
    /// The query changed while the index was being built: search when it is ready.
    pub pending: bool,
}

pub fn search_ui(
    ui: &mut Ui,
    state: &mut SearchState,
    index: Option<&SearchIndex>,
    store: &ZoneStore,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let edit = TextEdit::singleline(&mut state.query)
        .hint_text(t!("search-hint"))
        .desired_width(260.0);
    let label = ui.label(t!("search-label"));
    let response = ui.add(edit).labelled_by(label.id);
    if std::mem::take(&mut state.focus) {
        response.request_focus();
    }
    // The index is built on a worker with the data; a query typed before it is ready is
    // searched as soon as it is.
    state.pending |= response.changed();
    if state.pending
        && let Some(index) = index
    {
        state.hits = index.search(&state.query, 8);
        state.pending = false;
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if enter && let Some(id) = state.hits.first().and_then(|h| store.zone_id(h.zone)) {
        commands.push(Command::Focus(id));
    }
    if state.query.trim().is_empty() {
        state.hits.clear();
        return commands;
    }
    if response.has_focus() || response.hovered() || !state.hits.is_empty() {
        let below = response.rect.left_bottom() + egui::vec2(0.0, 4.0);
        egui::Area::new(ui.scope_id().with("search-results"))
            .fixed_pos(below)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(260.0);
                    if state.hits.is_empty() {
                        ui.label(RichText::new(t!("search-none")).italics());
                    }
                    for hit in &state.hits {
                        let zone = store
                            .zones()
                            .get(hit.zone)
                            .map(|z| z.display_name())
                            .unwrap_or_default();
                        let text = if hit.matched == zone {
                            zone.to_string()
                        } else {
                            t!("search-in-zone", matched = &hit.matched, zone = zone)
                        };
                        if ui.selectable_label(false, text).clicked()
                            && let Some(id) = store.zone_id(hit.zone)
                        {
                            commands.push(Command::Focus(id));
                        }
                    }
                });
            });
    }
    if !commands.is_empty() {
        state.hits.clear();
        state.query.clear();
    }
    commands
}
