//! One way to run work off the interface's thread: file loads, database reads, the file
//! watcher and the detail meshes all start a [`Job`]. A job reports how far it is and what it works on, stops when
//! asked, sends its results as messages (waking the interface for each), and never fails
//! silently: a job that cannot start says why, and a panic inside it is caught and reported as
//! the job's end.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};

/// Wakes the interface (a repaint): called after each message and when the job ends.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What a worker shares with the interface: the item it works on, how far it is (0..1), and
/// whether it was asked to stop.
#[derive(Clone)]
pub struct WorkProgress {
    fraction: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    current: Arc<Mutex<String>>,
}

impl WorkProgress {
    pub fn new(current: String) -> Self {
        Self {
            fraction: Arc::new(AtomicU32::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
            current: Arc::new(Mutex::new(current)),
        }
    }

    /// Fraction of the current item done (0..1).
    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.fraction.load(Ordering::Relaxed))
    }

    /// The worker says how far it is; false when it should stop.
    pub fn report(&self, fraction: f32) -> bool {
        self.fraction.store(fraction.to_bits(), Ordering::Relaxed);
        !self.cancelled()
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn current(&self) -> String {
        self.current.lock().map(|c| c.clone()).unwrap_or_default()
    }

    /// The worker starts on `name`, from zero.
    pub fn start_item(&self, name: String) {
        if let Ok(mut c) = self.current.lock() {
            *c = name;
        }
        self.fraction.store(0f32.to_bits(), Ordering::Relaxed);
    }
}

/// A job's thread could not be started.
#[derive(Debug, thiserror::Error)]
#[error("the {name} worker could not be started: {source}")]
pub struct JobError {
    pub name: String,
    pub source: std::io::Error,
}

enum Event<M> {
    Message(M),
    Panicked(String),
}

/// What [`Job::poll`] found.
#[derive(Debug, PartialEq)]
pub enum Polled<M> {
    /// A result of the job.
    Message(M),
    /// Nothing new; the job runs on.
    Pending,
    /// The job is over (all its messages were taken).
    Done,
    /// The job stopped on a panic (a bug): what it said.
    Panicked(String),
}

/// Everything a job sent since the last look, and whether it is over.
#[derive(Debug, PartialEq)]
pub struct Drained<M> {
    pub messages: Vec<M>,
    /// The job ended (all its messages are in `messages`).
    pub over: bool,
    /// It ended on a panic (a bug): what it said.
    pub panicked: Option<String>,
}

/// The worker's side: sends results, reports progress, checks whether to stop.
pub struct Worker<M> {
    send: Sender<Event<M>>,
    progress: WorkProgress,
    waker: Waker,
}

impl<M> Worker<M> {
    /// Sends a result and wakes the interface; false when nobody listens any more (stop).
    pub fn send(&self, message: M) -> bool {
        let sent = self.send.send(Event::Message(message)).is_ok();
        (self.waker)();
        sent
    }

    pub fn progress(&self) -> &WorkProgress {
        &self.progress
    }

    /// The interface asked the job to stop.
    pub fn cancelled(&self) -> bool {
        self.progress.cancelled()
    }

    /// Wakes the interface without a message (it shows progress).
    pub fn wake(&self) {
        (self.waker)();
    }
}

/// Work running on a thread of its own.
pub struct Job<M> {
    receive: Receiver<Event<M>>,
    progress: WorkProgress,
    over: bool,
}

impl<M: Send + 'static> Job<M> {
    /// Starts `work` on a thread named `name`, working first on `first_item`.
    pub fn start(
        name: &str,
        first_item: String,
        waker: Waker,
        work: impl FnOnce(&Worker<M>) + Send + 'static,
    ) -> Result<Self, JobError> {
        let (send, receive) = channel();
        let progress = WorkProgress::new(first_item);
        let worker = Worker {
            send,
            progress: progress.clone(),
            waker,
        };
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&worker)));
                if let Err(panic) = outcome {
                    let said = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "a panic without a message".to_string());
                    // Nobody listening: the interface is gone, nothing to tell.
                    let _ = worker.send.send(Event::Panicked(said));
                }
                (worker.waker)();
            })
            .map_err(|source| JobError {
                name: name.to_string(),
                source,
            })?;
        Ok(Self {
            receive,
            progress,
            over: false,
        })
    }
}

impl<M> Job<M> {
    /// The next result, or what became of the job.
    pub fn poll(&mut self) -> Polled<M> {
        if self.over {
            return Polled::Done;
        }
        match self.receive.try_recv() {
            Ok(Event::Message(m)) => Polled::Message(m),
            Ok(Event::Panicked(said)) => {
                self.over = true;
                log::error!("a worker stopped on a panic: {said}");
                Polled::Panicked(said)
            }
            Err(TryRecvError::Empty) => Polled::Pending,
            Err(TryRecvError::Disconnected) => {
                self.over = true;
                Polled::Done
            }
        }
    }

    /// Takes every result sent since the last look, once a frame.
    pub fn drain(&mut self) -> Drained<M> {
        let mut messages = Vec::new();
        loop {
            match self.poll() {
                Polled::Message(m) => messages.push(m),
                Polled::Pending => {
                    return Drained {
                        messages,
                        over: false,
                        panicked: None,
                    };
                }
                Polled::Done => {
                    return Drained {
                        messages,
                        over: true,
                        panicked: None,
                    };
                }
                Polled::Panicked(said) => {
                    return Drained {
                        messages,
                        over: true,
                        panicked: Some(said),
                    };
                }
            }
        }
    }

    pub fn progress(&self) -> &WorkProgress {
        &self.progress
    }

    /// Asks the job to stop (it stops at its next check).
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

impl<M> Drop for Job<M> {
    /// A job nobody waits for any more stops.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_wake() -> Waker {
        Arc::new(|| {})
    }

    /// Polls until the job is over (the bound only catches a hang), keeping what it sent.
    fn drain<M>(job: &mut Job<M>) -> (Vec<M>, Polled<M>) {
        let start = std::time::Instant::now();
        let mut got = Vec::new();
        loop {
            match job.poll() {
                Polled::Message(m) => got.push(m),
                Polled::Pending => {
                    assert!(start.elapsed().as_secs() < 60, "the job did not end");
                    std::thread::yield_now();
                }
                end => return (got, end),
            }
        }
    }

    #[test]
    fn results_arrive_in_order_and_the_job_ends() {
        let woken = Arc::new(AtomicU32::new(0));
        let counter = Arc::clone(&woken);
        let waker: Waker = Arc::new(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let mut job = Job::start("test", "first".into(), waker, |w: &Worker<u32>| {
            for i in 0..5 {
                w.send(i);
            }
        })
        .expect("starts");
        let (got, end) = drain(&mut job);
        assert_eq!(got, [0, 1, 2, 3, 4]);
        assert_eq!(end, Polled::Done);
        assert!(
            woken.load(Ordering::Relaxed) >= 6,
            "woken per message and at the end"
        );
    }

    #[test]
    fn a_panic_is_caught_and_reported() {
        let mut job = Job::start("test", String::new(), no_wake(), |w: &Worker<u32>| {
            w.send(1);
            panic!("a bug in the worker");
        })
        .expect("starts");
        let (got, end) = drain(&mut job);
        assert_eq!(got, [1]);
        assert_eq!(end, Polled::Panicked("a bug in the worker".into()));
        assert_eq!(job.poll(), Polled::Done);
        let after = job.drain();
        assert!(after.over && after.messages.is_empty());
    }

    #[test]
    fn a_job_stops_when_cancelled_and_says_how_far_it_is() {
        let (go, wait) = channel::<()>();
        let mut job = Job::start("test", "item".into(), no_wake(), move |w: &Worker<u32>| {
            w.progress().report(0.5);
            w.send(0);
            // Waits for the test to cancel, then stops at its next check.
            let _ = wait.recv();
            let mut sent = 0;
            while !w.cancelled() && sent < 1_000_000 {
                w.send(1);
                sent += 1;
            }
        })
        .expect("starts");
        let start = std::time::Instant::now();
        while job.poll() != Polled::Message(0) {
            assert!(start.elapsed().as_secs() < 60, "no first result");
        }
        assert_eq!(job.progress().fraction(), 0.5);
        assert_eq!(job.progress().current(), "item");
        job.cancel();
        go.send(()).expect("the worker waits");
        let (got, end) = drain(&mut job);
        assert!(got.is_empty(), "{} results after the cancel", got.len());
        assert_eq!(end, Polled::Done);
    }
}
