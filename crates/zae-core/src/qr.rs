//! QR codes for the kiosk's zone cards: a visitor scans the zone's web page with a phone
//! instead of the booth opening a browser.

/// The modules of a QR code, row by row (`true` is dark), without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `text` with medium error correction (about 15 % of the code may be unreadable).
    pub fn encode(text: &str) -> Result<QrMatrix, String> {
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
            .map_err(|e| format!("no QR code for {text:?}: {e}"))?;
        Ok(QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

/// The quiet zone readers need around a code, in modules.
pub const QUIET_ZONE: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_gives_a_square_code() {
        let qr = QrMatrix::encode("https://www.example.org/zae/cap-nord").expect("encodes");
        assert!(qr.width >= 21);
        assert_eq!(qr.dark.len(), qr.width * qr.width);
        // Finder pattern: the top-left corner is dark.
        assert!(qr.is_dark(0, 0));
        assert!(!qr.is_dark(qr.width, 0));
    }

    #[test]
    fn too_long_a_text_is_an_error_not_a_panic() {
        assert!(QrMatrix::encode(&"x".repeat(5_000)).is_err());
    }
}
