//! Data from files is data, never an action: links open only on the web (`http`, `https`), and
//! text written to CSV never starts like a spreadsheet formula (CSV injection, OWASP).

/// A link a click may open in the browser: `http://` or `https://` (any case), with no
/// whitespace or control character in it. Anything else (`file:`, `smb:`, `javascript:`, a
/// program name...) is shown as text.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let host = url.split_once("://").map_or("", |(_, rest)| rest);
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !host.is_empty()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The scheme of a link that is not opened ("file", "smb"...), for the reason shown on hover;
/// `None` when it has none.
pub fn link_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// A text cell of a CSV export as a spreadsheet takes it: text that Excel or LibreOffice would
/// read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'`
/// in front, which makes it text there. Numbers are not text cells: callers write them as they
/// are.
pub fn csv_text_cell(text: String) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_open() {
        for url in [
            "https://www.metropole-dijon.fr/",
            "HTTP://example.org/a?b=c",
        ] {
            assert!(is_web_link(url), "{url}");
        }
        for url in [
            "file:///etc/passwd",
            "smb://server/share",
            "javascript:alert(1)",
            "calc.exe",
            "https://",
            "https://example.org/\nfile:///x",
            "",
        ] {
            assert!(!is_web_link(url), "{url}");
        }
        assert_eq!(link_scheme("file:///etc/passwd"), Some("file"));
        assert_eq!(link_scheme("calc.exe"), None);
    }

    #[test]
    fn formula_text_is_neutralised_and_plain_text_kept() {
        for (text, cell) in [
            ("=1+1", "'=1+1"),
            ("+33 3 80", "'+33 3 80"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Zone Nord", "Zone Nord"),
            ("Dijon - Nord", "Dijon - Nord"),
            ("", ""),
        ] {
            assert_eq!(csv_text_cell(text.into()), cell);
        }
    }
}
