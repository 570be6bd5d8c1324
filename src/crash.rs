//! Crash safety: a panic writes a crash report (version, system, the panic message and
//! backtrace, the last log lines) into the platform data folder; the next start finds it and
//! says so once.
//!
//! What a report never holds: file contents and passwords. The log lines kept are the app's
//! own (`zae_atlas` and `zae_core` targets), which name files and databases but never print a password (the
//! password type prints `***`); panic messages are cut at 2,000 characters.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Log lines kept for a crash report.
const KEPT_LINES: usize = 40;
/// Longest panic message kept.
const MAX_MESSAGE: usize = 2000;

static RECENT: Mutex<VecDeque<String>> = Mutex::new(VecDeque::new());
static REPORT_DIR: OnceLock<(PathBuf, std::thread::ThreadId)> = OnceLock::new();

/// The folder crash reports go to: the platform data folder (e.g.
/// `~/.local/share/zae-atlas/crashes`, `%APPDATA%\ZAE Atlas\zae-atlas\data\crashes`).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "ZAE Atlas", "zae-atlas")
        .map(|d| d.data_dir().join("crashes"))
}

/// A logger that passes records to env_logger and keeps the app's last lines for a report.
struct RecentLog {
    inner: env_logger::Logger,
}

impl log::Log for RecentLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.inner.enabled(metadata) || keeps(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if keeps(record.metadata()) {
            remember(format!(
                "{:<5} {}: {}",
                record.level(),
                record.target(),
                record.args()
            ));
        }
        if self.inner.enabled(record.metadata()) {
            self.inner.log(record);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

fn keeps(metadata: &log::Metadata<'_>) -> bool {
    let target = metadata.target();
    metadata.level() <= log::Level::Info
        && (target.starts_with("zae_atlas") || target.starts_with("zae_core"))
}

/// Keeps a log line for the next crash report (the last [`KEPT_LINES`]).
pub fn remember(line: String) {
    if let Ok(mut lines) = RECENT.lock() {
        if lines.len() == KEPT_LINES {
            lines.pop_front();
        }
        lines.push_back(line);
    }
}

/// The log lines a report would hold now.
pub fn recent_lines() -> Vec<String> {
    RECENT
        .lock()
        .map(|l| l.iter().cloned().collect())
        .unwrap_or_default()
}

/// Sets up logging (`RUST_LOG`, default `warn`, on standard error) with the last lines kept.
pub fn init_logging() {
    let inner =
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).build();
    let level = inner.filter().max(log::LevelFilter::Info);
    if log::set_boxed_logger(Box::new(RecentLog { inner })).is_ok() {
        log::set_max_level(level);
    }
}

/// Installs the panic hook that writes reports into `dir` (created when needed) for a panic on
/// this thread (the window's: a worker's panic is caught and reported by its job, the app goes
/// on), then runs the hook that was there before (which prints the message). Once per process:
/// later calls keep the first folder.
pub fn install(dir: PathBuf) {
    if REPORT_DIR.set((dir, std::thread::current().id())).is_err() {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some((dir, ui_thread)) = REPORT_DIR.get()
            && std::thread::current().id() == *ui_thread
        {
            let message = match info.payload().downcast_ref::<&str>() {
                Some(s) => (*s).to_string(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "(no message)".into()),
            };
            let location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let backtrace = std::backtrace::Backtrace::force_capture();
            let text = report_text(&message, &location, &backtrace.to_string());
            match write_report(dir, &text) {
                Ok(path) => eprintln!("zae-atlas: crash report written to {}", path.display()),
                Err(e) => eprintln!(
                    "zae-atlas: could not write a crash report in {}: {e}",
                    dir.display()
                ),
            }
        }
        previous(info);
    }));
}

/// The text of a report.
pub fn report_text(message: &str, location: &str, backtrace: &str) -> String {
    let message: String = message.chars().take(MAX_MESSAGE).collect();
    let thread = std::thread::current();
    let mut text = format!(
        "ZAE Atlas crash report\n\
         version: {}\n\
         system: {} {} ({})\n\
         thread: {}\n\
         panic: {message}\n\
         at: {location}\n\n\
         backtrace:\n{backtrace}\n\n\
         last log lines:\n",
        crate::identity::VERSION,
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::env::consts::FAMILY,
        thread.name().unwrap_or("unnamed"),
    );
    for line in recent_lines() {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Writes a report as `crash-<seconds since 1970>.txt` (a number added when taken).
pub fn write_report(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    for n in 0..100 {
        let name = match n {
            0 => format!("crash-{seconds}.txt"),
            n => format!("crash-{seconds}-{n}.txt"),
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many crash reports this second"))
}

/// The newest report the user was not told of yet, marking every report as told (a
/// `crash-….txt.seen` file beside it), so that the next start says it once.
pub fn take_unseen(dir: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut unseen: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("crash-") && n.ends_with(".txt"))
        })
        .filter(|p| !seen_marker(p).exists())
        .map(|p| {
            let time = p
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (time, p)
        })
        .collect();
    unseen.sort();
    for (_, path) in &unseen {
        if let Err(e) = std::fs::write(seen_marker(path), b"") {
            log::warn!(
                "crash report {}: cannot mark it as shown: {e}",
                path.display()
            );
        }
    }
    unseen.pop().map(|(_, p)| p)
}

fn seen_marker(report: &Path) -> PathBuf {
    let mut name = report.as_os_str().to_owned();
    name.push(".seen");
    PathBuf::from(name)
}
