//! What went wrong, kept typed until it is shown: the interface writes it in the language it
//! shows at that moment (a French interface shows a file refused in French, even when the
//! language was switched after the file was refused).

use std::sync::Arc;

use crate::db::DbError;
use crate::io::LoadError;
use crate::io::export::ExportError;

#[derive(Clone, Debug)]
pub enum Problem {
    /// A file could not be opened.
    Load(Arc<LoadError>),
    /// A file open already changed on disk and could not be read again (its last good version
    /// stays on screen).
    Reload(Arc<LoadError>),
    /// The embedded dataset could not be read (a bug: it is checked by the tests).
    Embedded(Arc<LoadError>),
    /// A database table could not be read.
    Db(Arc<DbError>),
    /// A database table could not be read again (the last data read stays on screen).
    DbAgain(Arc<DbError>),
    /// The filtered zones could not be exported.
    Export(Arc<ExportError>),
    /// A PDF sheet or catalogue could not be made or written (the reason, as the core says it).
    Sheet(String),
    /// A sentence already written in the interface's language (an export that failed...).
    Said(String),
}

impl Problem {
    pub fn said(text: impl Into<String>) -> Self {
        Problem::Said(text.into())
    }
}

impl std::fmt::Display for Problem {
    /// In English, for logs and the command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Load(e) | Problem::Reload(e) | Problem::Embedded(e) => write!(f, "{e}"),
            Problem::Db(e) | Problem::DbAgain(e) => write!(f, "{e}"),
            Problem::Export(e) => write!(f, "{e}"),
            Problem::Sheet(reason) => write!(f, "the PDF sheet could not be written: {reason}"),
            Problem::Said(text) => f.write_str(text),
        }
    }
}
