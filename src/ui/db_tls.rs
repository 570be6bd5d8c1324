//! TLS in the database dialog and on database sources: the `sslmode` choice and the CA file
//! picker (both write into the connection string, which stays the whole truth), the padlock of
//! a source, and database errors in the interface's language.

use egui::{Color32, RichText, Ui};

use crate::app::Command;
use crate::db::tls::{TlsSettings, split_tls_params, with_tls_params};
use crate::db::{DbError, SslMode, TlsLink, TlsProblem};
use crate::t;

fn mode_label(mode: SslMode) -> String {
    match mode {
        SslMode::Disable => t!("db-tls-disable"),
        SslMode::Prefer => t!("db-tls-prefer"),
        SslMode::Require => t!("db-tls-require"),
        SslMode::VerifyCa => t!("db-tls-verify-ca"),
        SslMode::VerifyFull => t!("db-tls-verify-full"),
    }
}

/// The TLS row of the connection grid: the mode, and the CA file (a command asks for it).
pub fn tls_row_ui(ui: &mut Ui, url: &mut String) -> Option<Command> {
    let mut command = None;
    // An unreadable string is said when connecting; here it shows libpq's default.
    let current = split_tls_params(url.trim())
        .map(|(_, tls)| tls)
        .unwrap_or_default();
    let label = ui.label(t!("db-tls"));
    ui.horizontal_wrapped(|ui| {
        let mut mode = current.mode;
        egui::ComboBox::from_id_salt("db-tls-mode")
            .selected_text(mode_label(mode))
            .width(300.0)
            .show_ui(ui, |ui| {
                for m in SslMode::ALL {
                    ui.selectable_value(&mut mode, m, mode_label(m));
                }
            })
            .response
            .labelled_by(label.id);
        if mode != current.mode {
            let settings = TlsSettings {
                mode,
                root_cert: current.root_cert.clone(),
            };
            *url = with_tls_params(url, &settings);
        }
        if ui
            .button(t!("db-tls-ca-file"))
            .on_hover_text(t!("db-tls-ca-hover"))
            .clicked()
        {
            command = Some(Command::DbCaDialog);
        }
        let ca = match current.root_cert.as_deref() {
            Some(file) if file != "system" => t!("db-tls-ca-named", file = file),
            _ => t!("db-tls-ca-none"),
        };
        ui.label(RichText::new(ca).small().color(Color32::GRAY));
    });
    command
}

/// The connection string once a CA file was chosen: `sslrootcert` set, and the mode raised to
/// verify-full unless it already checks certificates.
pub fn with_ca_file(url: &str, file: &std::path::Path) -> String {
    let current = split_tls_params(url.trim())
        .map(|(_, tls)| tls)
        .unwrap_or_default();
    let mode = match current.mode {
        SslMode::VerifyCa => SslMode::VerifyCa,
        _ => SslMode::VerifyFull,
    };
    with_tls_params(
        url,
        &TlsSettings {
            mode,
            root_cert: Some(file.display().to_string()),
        },
    )
}

/// The padlock of a database source (drawn: the app's fonts have no padlock glyph), closed and
/// green when the certificate was checked, closed and orange when it was not, open and red
/// without TLS; what it means on hover.
pub fn padlock_ui(ui: &mut Ui, name: &str, link: TlsLink) {
    let green = Color32::from_rgb(0x2E, 0x7D, 0x32);
    let (closed, color, hover) = match link {
        TlsLink::Unknown => return,
        TlsLink::Verified => (true, green, t!("db-lock-verified")),
        TlsLink::CaVerified => (true, green, t!("db-lock-ca-verified")),
        TlsLink::Encrypted => (
            true,
            Color32::from_rgb(0xC0, 0x60, 0x00),
            t!("db-lock-encrypted"),
        ),
        TlsLink::Plain => (
            false,
            Color32::from_rgb(0xB0, 0x30, 0x20),
            t!("db-lock-plain"),
        ),
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(12.0, 15.0), egui::Sense::hover());
    let painter = ui.painter_at(rect.expand(1.0));
    let body = egui::Rect::from_min_max(
        egui::pos2(rect.left() + 1.0, rect.top() + 7.0),
        egui::pos2(rect.right() - 1.0, rect.bottom() - 1.0),
    );
    painter.rect_filled(body, 1.5, color);
    // The shackle: an arch over the body, its right leg lifted off when open.
    let (cx, top, r) = (body.center().x, rect.top() + 4.5, 3.2);
    let arch: Vec<egui::Pos2> = (0..=12)
        .map(|i| {
            let a = std::f32::consts::PI * (1.0 + i as f32 / 12.0);
            egui::pos2(cx + r * a.cos(), top + r * a.sin())
        })
        .collect();
    let stroke = egui::Stroke::new(1.6, color);
    painter.add(egui::Shape::line(arch, stroke));
    painter.line_segment(
        [egui::pos2(cx - r, top), egui::pos2(cx - r, body.top())],
        stroke,
    );
    let right_end = if closed { body.top() } else { top };
    painter.line_segment(
        [egui::pos2(cx + r, top), egui::pos2(cx + r, right_end)],
        stroke,
    );
    let label = format!("{}: {hover}", t!("db-lock-named", name = name));
    response
        .on_hover_text(&hover)
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &label));
}

/// A database error in the interface's language (TLS problems; the others as the core says them).
/// What went wrong with TLS (other database errors: [`super::problems::db_error_text`]).
pub fn db_error_text(e: &DbError) -> String {
    let DbError::Tls { db, problem } = e else {
        return super::problems::db_error_text(e);
    };
    let db = db.clone();
    match problem {
        TlsProblem::UnknownCa { ca_file } => {
            let trusted = ca_file.clone().unwrap_or_else(|| t!("db-tls-system-roots"));
            t!("db-tls-unknown-ca", db = db, trusted = trusted)
        }
        TlsProblem::HostMismatch { host } => t!("db-tls-host-mismatch", db = db, host = host),
        TlsProblem::BadCertificate { reason } => {
            t!("db-tls-bad-certificate", db = db, reason = reason)
        }
        TlsProblem::ServerRefusesTls { mode } => {
            t!("db-tls-server-refuses", db = db, mode = mode.to_string())
        }
        TlsProblem::TlsRequired => t!("db-tls-required", db = db),
        TlsProblem::BadCaFile { path, reason } => {
            t!("db-tls-bad-ca-file", db = db, path = path, reason = reason)
        }
        TlsProblem::NoSystemRoots { reason } => {
            t!("db-tls-no-system-roots", db = db, reason = reason)
        }
        TlsProblem::Handshake { reason } => t!("db-tls-handshake", db = db, reason = reason),
    }
}
