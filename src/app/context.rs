//! The context layer's state in the app: shown or not, the communes or a planner's file, and
//! the names drawn in the last frame (read by tests).

use std::path::PathBuf;

use super::ZaeApp;
use crate::map::context_layer::ContextLayer;

/// What the app keeps about the context layer.
#[derive(Debug, Default)]
pub struct ContextState {
    /// `None` until read, or when the file could not be read.
    pub layer: Option<ContextLayer>,
    pub hidden: bool,
    /// Names drawn in the last frame.
    pub drawn: Vec<String>,
}

impl ContextState {
    /// The communes of Dijon métropole, or the planner's file when one is given and readable
    /// (else the communes, and the error).
    pub fn open(file: Option<&PathBuf>, hidden: bool) -> (Self, Option<String>) {
        let (layer, error) = match file.map(|p| ContextLayer::from_path(p)) {
            Some(Ok(layer)) => (Some(layer), None),
            Some(Err(e)) => (ContextLayer::communes().ok(), Some(e)),
            None => (ContextLayer::communes().ok(), None),
        };
        (
            Self {
                layer,
                hidden,
                drawn: Vec::new(),
            },
            error,
        )
    }

    /// The planner's file, if one replaces the communes.
    pub fn file(&self) -> Option<&PathBuf> {
        self.layer.as_ref().and_then(|l| l.path.as_ref())
    }
}

impl ZaeApp {
    /// The names of the context layer drawn in the last frame.
    pub fn context_names(&self) -> &[String] {
        &self.context.drawn
    }

    /// Whether the context layer is on, and its file when it is not the communes.
    pub fn context_choice(&self) -> (bool, Option<&PathBuf>) {
        (!self.context.hidden, self.context.file())
    }
}
