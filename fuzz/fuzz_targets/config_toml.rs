//! The TOML config file: never a panic; what is accepted is sane.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(settings) = zae_atlas::settings::Settings::parse(text) {
        assert!(settings.ui_scale.is_finite());
    }
});
