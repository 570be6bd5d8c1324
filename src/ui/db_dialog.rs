//! File ▸ Connect to database…: the connection string, a password (not echoed, never saved),
//! the tables found with what they were recognised as, and the lost-connection banner.

use egui::{Color32, Context, CornerRadius, Frame, Margin, Rect, RichText, Stroke, Ui};

use crate::app::Command;
use crate::db::{Secret, TableInfo, TableKind, TableRef};
use crate::store::{SourceFile, SourceId};
use crate::t;

/// The dialog's state: what the planner typed, and the tables found.
#[derive(Default)]
pub struct DbDialog {
    pub open: bool,
    pub url: String,
    /// Cleared when the dialog closes; the session keeps its copy in memory only.
    pub password: String,
    /// The connection string (without password) the tables below belong to.
    pub listed_url: Option<String>,
    pub tables: Vec<TableInfo>,
    pub checked: Vec<bool>,
    pub message: Option<String>,
    pub busy: bool,
    /// Connection strings used before (without password), most recent first.
    pub recent: Vec<String>,
    /// Put the keyboard focus in the password field at the next frame.
    pub focus_password: bool,
}

impl DbDialog {
    /// Opens the dialog on `url` (the last one used when empty).
    pub fn show(&mut self, url: Option<&str>) {
        self.open = true;
        if let Some(url) = url {
            self.url = url.to_string();
        } else if self.url.is_empty()
            && let Some(last) = self.recent.first()
        {
            self.url = last.clone();
        }
    }

    /// The tables of a database were listed: CNIG tables are ticked.
    pub fn set_tables(&mut self, url: &str, tables: Vec<TableInfo>) {
        self.busy = false;
        self.listed_url = Some(url.to_string());
        self.checked = tables.iter().map(|t| t.kind.is_cnig()).collect();
        self.message = tables.is_empty().then(|| t!("db-no-tables"));
        self.tables = tables;
    }

    pub fn fail(&mut self, message: String, wants_password: bool) {
        self.open = true;
        self.busy = false;
        self.message = Some(if wants_password {
            t!("db-type-password", message = message)
        } else {
            message
        });
        self.focus_password = wants_password;
    }

    pub fn remember(&mut self, url: &str) {
        self.recent.retain(|u| u != url);
        self.recent.insert(0, url.to_string());
        self.recent.truncate(8);
    }

    fn close(&mut self) {
        self.open = false;
        self.password.clear();
        self.message = None;
    }
}

/// The text of one listed table: kind, geometry column, coordinate system, row estimate.
pub fn describe_table(info: &TableInfo) -> String {
    let geometry = info
        .geometry()
        .map(|g| {
            let srid = match g.srid {
                0 => t!("db-srid-unknown"),
                s => format!("EPSG:{s}"),
            };
            format!("{} ({}, {srid})", g.name, g.geometry_type)
        })
        .unwrap_or_default();
    let rows = info
        .estimated_rows
        .map(|n| {
            format!(
                " · {}",
                t!("db-rows", count = crate::format::format_count(n))
            )
        })
        .unwrap_or_default();
    let kind = match info.kind {
        TableKind::SiteEco => t!("db-kind-site-eco"),
        TableKind::TerrainEco => t!("db-kind-terrain-eco"),
        TableKind::Etablissement => t!("db-kind-etablissement"),
        TableKind::Other => t!("db-kind-other"),
    };
    format!("{kind} · {geometry}{rows}")
}

pub fn db_dialog_ui(ctx: &Context, dialog: &mut DbDialog) -> Vec<Command> {
    let mut commands = Vec::new();
    if !dialog.open {
        return commands;
    }
    let mut open = true;
    egui::Window::new(t!("db-window-title"))
        .id(egui::Id::unique("db-dialog"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0])
        .show(ctx, |ui| {
            egui::Grid::new("db-connection")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(t!("db-url"));
                    ui.add(
                        egui::TextEdit::singleline(&mut dialog.url)
                            .hint_text(t!("db-url-hint"))
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    commands.extend(super::db_tls::tls_row_ui(ui, &mut dialog.url));
                    ui.end_row();
                    let label = ui.label(t!("db-password"));
                    let password = ui
                        .add(
                            egui::TextEdit::singleline(&mut dialog.password)
                                .password(true)
                                .hint_text(t!("db-password-hint"))
                                .desired_width(380.0),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut dialog.focus_password) {
                        password.request_focus();
                    }
                    if password.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        commands.push(connect(dialog));
                    }
                    ui.end_row();
                });
            ui.label(
                RichText::new(t!("db-read-only"))
                    .small()
                    .color(Color32::GRAY),
            );
            if !dialog.recent.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(t!("db-recent")).small());
                    for url in dialog.recent.clone() {
                        if ui.small_button(&url).clicked() {
                            dialog.url = url;
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                let enabled = !dialog.busy && !dialog.url.trim().is_empty();
                if ui
                    .add_enabled(enabled, egui::Button::new(t!("db-list-tables")))
                    .clicked()
                {
                    commands.push(connect(dialog));
                }
                if dialog.busy {
                    ui.spinner();
                    ui.label(t!("db-connecting"));
                }
            });
            if let Some(message) = &dialog.message {
                ui.label(RichText::new(message).color(Color32::from_rgb(0xB0, 0x30, 0x20)));
            }
            if dialog.tables.is_empty() {
                return;
            }
            ui.separator();
            ui.label(RichText::new(t!("db-tables-title")).strong());
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    for (info, checked) in dialog.tables.iter().zip(dialog.checked.iter_mut()) {
                        ui.checkbox(checked, info.table.to_string());
                        ui.label(RichText::new(describe_table(info)).small().color(
                            if info.kind == TableKind::Other {
                                Color32::GRAY
                            } else {
                                Color32::from_rgb(0x2E, 0x7D, 0x32)
                            },
                        ));
                    }
                });
            let chosen: Vec<TableRef> = dialog
                .tables
                .iter()
                .zip(&dialog.checked)
                .filter(|(_, c)| **c)
                .map(|(t, _)| t.table.clone())
                .collect();
            if ui
                .add_enabled(!chosen.is_empty(), egui::Button::new(t!("db-open-tables")))
                .clicked()
                && let Some(url) = dialog.listed_url.clone()
            {
                commands.push(Command::DbOpen {
                    url,
                    tables: chosen,
                });
                dialog.close();
            }
        });
    if !open {
        dialog.close();
    }
    commands
}

fn connect(dialog: &mut DbDialog) -> Command {
    dialog.busy = true;
    dialog.message = None;
    dialog.tables.clear();
    dialog.checked.clear();
    Command::DbConnect {
        url: dialog.url.trim().to_string(),
        password: Secret::new(dialog.password.clone()),
    }
}

/// Over the map when a database could not be reached: the last data stays on screen.
/// Returns true when Retry was clicked.
pub fn lost_banner_ui(ui: &mut Ui, map: Rect, message: &str) -> bool {
    let mut retry = false;
    egui::Area::new(ui.scope_id().with("db-lost"))
        .pivot(egui::Align2::CENTER_TOP)
        .fixed_pos(egui::pos2(map.center().x, map.top() + 48.0))
        .constrain_to(map)
        .order(egui::Order::Middle)
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(Color32::from_rgb(0xFD, 0xE2, 0xDD))
                .stroke(Stroke::new(1.0, Color32::from_rgb(0xB0, 0x30, 0x20)))
                .corner_radius(CornerRadius::same(4))
                .inner_margin(Margin::symmetric(10, 6))
                .show(ui, |ui| {
                    ui.set_max_width(map.width() * 0.8);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(t!("db-unreachable", message = message))
                                .color(Color32::from_rgb(0x6B, 0x10, 0x00)),
                        );
                        ui.label(
                            RichText::new(t!("db-last-data-stays")).color(Color32::from_gray(60)),
                        );
                        retry = ui
                            .button(t!("retry"))
                            .on_hover_text(t!("db-retry-hover"))
                            .clicked();
                    });
                });
        });
    retry
}

/// The Refresh button of a database source in the Files panel.
pub fn refresh_button_ui(ui: &mut Ui, source: SourceId, file: &SourceFile) -> Option<Command> {
    let origin = file.database.as_ref()?;
    let hover = match origin.fetched {
        Some(_) => t!("db-refresh-hover-view"),
        None => t!("db-refresh-hover"),
    };
    let label = t!("db-refresh-named", name = &file.name);
    super::db_tls::padlock_ui(ui, &file.name, origin.tls);
    let button = ui.small_button(t!("db-refresh")).on_hover_text(hover);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label));
    button.clicked().then_some(Command::DbRefresh(Some(source)))
}
