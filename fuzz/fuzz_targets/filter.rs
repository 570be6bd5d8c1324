//! The filter expressions (`commune = Longvic and surface >= 10`): never a panic, and a
//! refusal gives a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(reason) = zae_atlas::filter::Filter::parse(text) {
        assert!(!reason.trim().is_empty());
    }
});
