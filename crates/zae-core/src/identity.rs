//! Who the program is: name, version, licence and the identity it gives tile servers. No egui
//! here: the About box, `--version` and the tile client read these.

/// The version of this build (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The program's licence (SPDX expression, from Cargo.toml).
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// Reverse-DNS application id: desktop file, AppStream metainfo, macOS bundle id.
pub const APP_ID: &str = "fr.zae_atlas.ZaeAtlas";

/// The operating system named in the User-Agent.
pub const OS: &str = std::env::consts::OS;

/// The User-Agent sent with every tile request: the program, its version and platform, and the
/// contact the config file gives (`contact = "…"`), as the OpenStreetMap tile policy asks. With
/// no contact set, none is invented.
pub fn user_agent(contact: Option<&str>) -> String {
    match contact.map(str::trim).filter(|c| !c.is_empty()) {
        Some(contact) => format!("zae-atlas/{VERSION} ({OS}; +{contact})"),
        None => format!("zae-atlas/{VERSION} ({OS})"),
    }
}

/// Why a `contact` value cannot go into a User-Agent, if it cannot.
///
/// A contact is an e-mail address or an http(s) URL that reaches a person; placeholder domains
/// (example.com, …) are refused since they reach nobody.
pub fn contact_problem(contact: &str) -> Option<&'static str> {
    let c = contact.trim();
    if c.is_empty() {
        return Some("is empty");
    }
    if !c.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Some("must be plain ASCII without control characters");
    }
    if c.contains(['(', ')', ';']) {
        return Some("must not contain '(', ')' or ';'");
    }
    let host = if let Some(rest) = c
        .strip_prefix("https://")
        .or_else(|| c.strip_prefix("http://"))
    {
        rest.split(['/', ':', '?', '#']).next().unwrap_or("")
    } else if let Some((user, domain)) = c.split_once('@') {
        if user.is_empty() || c.contains(' ') {
            return Some("is not an e-mail address or an http(s) URL");
        }
        domain
    } else {
        return Some("is not an e-mail address or an http(s) URL");
    };
    let host = host.to_ascii_lowercase();
    if !host.contains('.') {
        return Some("has no domain name");
    }
    let placeholder = [
        "example.com",
        "example.org",
        "example.net",
        "example.fr",
        "localhost",
    ];
    if placeholder
        .iter()
        .any(|p| host == *p || host.ends_with(&format!(".{p}")))
        || host.ends_with(".example")
        || host.ends_with(".invalid")
        || host.ends_with(".test")
    {
        return Some("is a placeholder that reaches nobody");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_agent_names_program_version_platform_and_contact() {
        let ua = user_agent(Some("sig@metropole-dijon.fr"));
        assert_eq!(
            ua,
            format!("zae-atlas/{VERSION} ({OS}; +sig@metropole-dijon.fr)")
        );
        assert_eq!(user_agent(None), format!("zae-atlas/{VERSION} ({OS})"));
        assert_eq!(user_agent(Some("  ")), user_agent(None));
    }

    #[test]
    fn placeholders_and_garbage_are_not_contacts() {
        for ok in [
            "sig@metropole-dijon.fr",
            "https://www.metropole-dijon.fr/contact",
            "http://zae.atlas.fr",
        ] {
            assert_eq!(contact_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "someone",
            "https://example.com",
            "me@example.org",
            "https://zae.example/contact",
            "a@b",
            "x@ville.fr\r\nHost: evil",
            "mél@ville.fr",
            "me@ville.fr (booth)",
        ] {
            assert!(contact_problem(bad).is_some(), "{bad:?} accepted");
        }
    }
}
