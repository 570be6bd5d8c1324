//! Keys and dropped files: Escape, Ctrl+O, Ctrl+F, the arrow keys through the table, files and
//! base maps dropped on the window.

use std::path::PathBuf;

use egui::{Context, Key};

use super::{Command, ZaeApp};
use crate::basemap::TileChoice;

impl ZaeApp {
    pub(super) fn input(&mut self, ctx: &Context) {
        let (escape, dropped) = ctx.input(|i| {
            (
                i.key_pressed(Key::Escape),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect::<Vec<_>>(),
            )
        });
        if escape {
            // Escape ends a measure first, then clears the selection.
            if self.state.measure().is_some() {
                self.commands.push(Command::Measure(None));
            } else {
                self.commands.push(Command::Select(None));
            }
        }
        // The booth opens no file: dropped files and Ctrl+O are for planners.
        let kiosk = self.state.is_kiosk();
        let (base_maps, files): (Vec<PathBuf>, Vec<PathBuf>) = dropped.into_iter().partition(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pmtiles"))
        });
        if let Some(path) = base_maps.into_iter().last().filter(|_| !kiosk) {
            self.commands
                .push(Command::SetTiles(TileChoice::PmTiles(path)));
        }
        if !files.is_empty() && !kiosk {
            self.commands.push(Command::Open(files));
        }
        if !kiosk && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::O)) {
            self.commands.push(Command::OpenDialog);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::F)) {
            self.search.focus = true;
        }
        // Arrow keys walk through the zones in the table's order (when no widget has focus).
        if ctx.memory(|m| m.focused().is_none()) && !self.state.table_rows().is_empty() {
            let step = ctx.input(|i| {
                if i.key_pressed(Key::ArrowDown) {
                    1
                } else if i.key_pressed(Key::ArrowUp) {
                    -1
                } else {
                    0
                }
            });
            if step != 0 {
                let rows = self.state.table_rows();
                let at = self
                    .state
                    .selected()
                    .and_then(|s| rows.iter().position(|&r| r == s));
                let next = match at {
                    Some(k) => (k as isize + step).rem_euclid(rows.len() as isize) as usize,
                    None if step > 0 => 0,
                    None => rows.len() - 1,
                };
                if let Some(id) = self.state.store().zone_id(rows[next]) {
                    self.commands.push(Command::Focus(id));
                }
            }
        }
    }
}
