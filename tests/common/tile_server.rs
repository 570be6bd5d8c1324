//! A tile server of the tests' own on 127.0.0.1 (never the internet): it answers the requests
//! its `is_tile` accepts with a PNG tile (cached for a week, as tile.openstreetmap.org says),
//! the others with 404, and notes each request's path and query with its User-Agent.

use std::io::Cursor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The requests the server saw: path and query, and the User-Agent header.
pub type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

pub struct TileServer {
    pub port: u16,
    pub seen: Seen,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl TileServer {
    /// Serves `png` for every request whose path and query `is_tile` accepts, 404 otherwise.
    pub fn start(png: Vec<u8>, is_tile: fn(&str) -> bool) -> Self {
        Self::answering(200, png, is_tile)
    }

    /// Answers every request with `status` (a server in trouble: 500...).
    pub fn failing(status: u16) -> Self {
        Self::answering(status, b"Internal Server Error".to_vec(), |_| true)
    }

    /// Answers the requests `is_tile` accepts with `status` and `png`, the others with 404.
    fn answering(status: u16, png: Vec<u8>, is_tile: fn(&str) -> bool) -> Self {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("ip address").port();
        let seen: Seen = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(50)) else {
                        continue;
                    };
                    let ua = request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv("User-Agent"))
                        .map(|h| h.value.to_string());
                    let path = request.url().to_string();
                    seen.lock().expect("lock").push((path.clone(), ua));
                    let response = if is_tile(&path) {
                        tiny_http::Response::from_data(png.clone())
                            .with_status_code(status)
                            .with_header(header("Content-Type: image/png"))
                            .with_header(header("Cache-Control: max-age=604800"))
                    } else {
                        tiny_http::Response::from_data(Vec::new()).with_status_code(404)
                    };
                    let _ = request.respond(response);
                }
            })
        };
        Self {
            port,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// The paths and queries asked for so far.
    pub fn urls(&self) -> Vec<String> {
        let seen = self.seen.lock().expect("lock");
        seen.iter().map(|(url, _)| url.clone()).collect()
    }
}

impl Drop for TileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn header(text: &str) -> tiny_http::Header {
    text.parse::<tiny_http::Header>().expect("header")
}

/// A 256×256 tile drawn by `pixel`, encoded as PNG.
pub fn png_tile(pixel: impl Fn(u32, u32) -> image::Rgba<u8>) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(256, 256, pixel);
    let mut bytes = Vec::new();
    img.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .expect("encode png");
    bytes
}
