//! Numbers, areas and lengths as the interface, the map and the command line write them: digits
//! grouped with a narrow no-break space, and the decimal mark of the current language.

use crate::i18n::{Lang, lang};

/// A number written with "." as decimal mark, as the current language writes it ("12,35" in
/// French).
pub fn decimal(text: String) -> String {
    match lang() {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Groups digits with a narrow no-break space: 11 000, 10 000 (readable in French and English).
pub fn format_count(n: f64) -> String {
    let rounded = n.round();
    if (n - rounded).abs() > 1e-9 {
        return format!("{n}");
    }
    let digits = format!("{}", rounded.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Hectares without the unit, with as many decimals as their size deserves: "298", "12.4",
/// "3.25" ("12,4" in French).
pub fn format_ha(ha: f64) -> String {
    decimal(if ha >= 100.0 {
        format!("{ha:.0}")
    } else if ha >= 10.0 {
        format!("{ha:.1}")
    } else {
        format!("{ha:.2}")
    })
}

/// "850 m" or "12.35 km".
pub fn format_length(m: f64) -> String {
    decimal(if m < 1_000.0 {
        format!("{m:.0} m")
    } else {
        format!("{:.2} km", m / 1_000.0)
    })
}

/// "7 500 m²" or "12.35 ha" (and km² past 1,000 ha).
pub fn format_area(m2: f64) -> String {
    decimal(if m2 < 10_000.0 {
        format!("{} m²", format_count(m2.round()))
    } else if m2 < 10_000_000.0 {
        format!("{:.2} ha", m2 / 10_000.0)
    } else {
        format!("{:.2} km² ({:.0} ha)", m2 / 1_000_000.0, m2 / 10_000.0)
    })
}

/// A number with one decimal: "7.5" ("7,5" in French), for rates and shares.
pub fn format_tenths(v: f64) -> String {
    decimal(format!("{v:.1}"))
}

/// Megabytes with one decimal: "12.5" ("12,5" in French).
pub fn format_mb(bytes: u64) -> String {
    decimal(format!("{:.1}", bytes as f64 / 1_000_000.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_lang;

    #[test]
    fn counts_group_thousands_with_a_narrow_space() {
        assert_eq!(format_count(11_000.0), "11\u{202F}000");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_count(-1_234_567.0), "-1\u{202F}234\u{202F}567");
        assert_eq!(format_count(2.5), "2.5");
    }

    #[test]
    fn hectares_and_lengths_use_the_decimal_mark_of_the_language() {
        set_lang(Lang::Fr);
        assert_eq!(decimal("12.35 ha".into()), "12,35 ha");
        assert_eq!(format_ha(12.44), "12,4");
        assert_eq!(format_length(12_345.0), "12,35 km");
        assert_eq!(format_area(7_500.0), "7\u{202F}500 m²");
        set_lang(Lang::En);
        assert_eq!(format_ha(3.254), "3.25");
        assert_eq!(format_ha(298.4), "298");
        assert_eq!(format_area(123_456.0), "12.35 ha");
        assert_eq!(format_mb(12_500_000), "12.5");
        assert_eq!(format_tenths(7.46), "7.5");
    }
}
