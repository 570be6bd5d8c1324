//! The search index, built on a worker each time the zones change, so that no keystroke waits
//! for it (parsing every zone's tenants takes ~0.6 s at 100,000 zones).

use std::sync::mpsc::{Receiver, channel};

use egui::Context;

use super::ZaeApp;
use crate::search::{SearchIndex, SearchSource};

/// An index being built for the zones of one generation of the store.
pub struct SearchBuild {
    generation: u64,
    receive: Receiver<SearchIndex>,
}

impl ZaeApp {
    /// Starts building the index of the zones loaded now (the one being built, if any, is
    /// dropped when it arrives: it is for older zones).
    pub(super) fn start_search_index(&mut self, ctx: &Context) {
        self.search_index = None;
        let generation = self.state.store().generation();
        let source = SearchSource::of(self.state.dataset());
        let (send, receive) = channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let index = SearchIndex::from_source(source);
                // The window may be closed by now: then nobody waits for it.
                if send.send(index).is_ok() {
                    repaint.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.search_build = Some(SearchBuild {
                    generation,
                    receive,
                })
            }
            Err(e) => {
                log::warn!("search index not built on a worker ({e}): built now");
                self.search_index = Some(SearchIndex::build(self.state.dataset()));
            }
        }
    }

    /// Takes the index when it is ready and still for the zones loaded.
    pub(super) fn poll_search_index(&mut self) {
        let Some(build) = &self.search_build else {
            return;
        };
        if let Ok(index) = build.receive.try_recv() {
            if build.generation == self.state.store().generation() {
                self.search_index = Some(index);
            }
            self.search_build = None;
        }
    }

    /// The search index is ready (tests wait for it).
    pub fn search_ready(&self) -> bool {
        self.search_index.is_some()
    }
}
