//! The zone list of the left panel: by name (ignoring case and accents, so "Écoparc" is among
//! the E's) or in the order of the files.

use egui::{ScrollArea, Ui};

use crate::app::Command;
use crate::store::ZoneStore;
use crate::t;

/// The list, by name when `sorted` (the choice is shown above the list: a command changes it).
pub fn zone_list_ui(
    ui: &mut Ui,
    store: &ZoneStore,
    sorted: bool,
    selected: Option<usize>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let zones = store.zones();
    let by_name = store.by_name();
    ui.horizontal(|ui| {
        let hover = t!("zones-sort-hover");
        if ui
            .selectable_label(sorted, t!("zones-sort-name"))
            .on_hover_text(&hover)
            .clicked()
        {
            commands.push(Command::SetZoneListByName(true));
        }
        if ui
            .selectable_label(!sorted, t!("zones-sort-file"))
            .on_hover_text(&hover)
            .clicked()
        {
            commands.push(Command::SetZoneListByName(false));
        }
    });
    // The order by name is of these zones (the app rebuilds it with them); else file order.
    let order = (sorted && by_name.len() == zones.len()).then_some(by_name);
    let row_height = ui.text_style_height(&egui::TextStyle::Button) + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, zones.len(), |ui, rows| {
            for row in rows {
                let i = order.and_then(|o| o.get(row).copied()).unwrap_or(row);
                let Some(zone) = zones.get(i) else {
                    continue;
                };
                let response = ui.selectable_label(selected == Some(i), zone.display_name());
                if selected == Some(i) && response.gained_focus() {
                    response.scroll_to_me(None);
                }
                if response.clicked()
                    && let Some(id) = store.zone_id(i)
                {
                    commands.push(Command::Focus(id));
                }
            }
        });
    commands
}
