/// Dominant vocation of a zone, after the CNIG `site_vocadomi` enumeration.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Vocation {
    Industrial,
    Commercial,
    Tertiary,
    Artisanal,
    Tourism,
    Port,
    Airport,
    Logistics,
    AgriLogistics,
    Mixed,
    Other,
    Unknown,
}

impl Vocation {
    pub const ALL: [Vocation; 12] = [
        Vocation::Industrial,
        Vocation::Commercial,
        Vocation::Tertiary,
        Vocation::Artisanal,
        Vocation::Tourism,
        Vocation::Port,
        Vocation::Airport,
        Vocation::Logistics,
        Vocation::AgriLogistics,
        Vocation::Mixed,
        Vocation::Other,
        Vocation::Unknown,
    ];

    /// Reads a CNIG `site_vocadomi` value (or a common English/French synonym).
    /// Accents and case do not matter; anything unrecognised is `Other`, an empty value `Unknown`.
    pub fn parse(value: &str) -> Vocation {
        let v = fold(value);
        let v = v.trim();
        if v.is_empty() || v == "inconnu" || v == "unknown" || v == "sans objet" {
            return Vocation::Unknown;
        }
        let starts = |prefixes: &[&str]| prefixes.iter().any(|p| v.starts_with(p));
        if starts(&["entrepot", "logistique agricole"]) && v.contains("agricole") {
            Vocation::AgriLogistics
        } else if starts(&["entrepot", "logisti", "warehouse"]) {
            Vocation::Logistics
        } else if starts(&["industri"]) {
            Vocation::Industrial
        } else if starts(&["commerc", "retail"]) {
            Vocation::Commercial
        } else if starts(&["tertiaire", "tertiary", "bureau", "office"]) {
            Vocation::Tertiary
        } else if starts(&["artisan"]) {
            Vocation::Artisanal
        } else if starts(&["touris"]) {
            Vocation::Tourism
        } else if starts(&["portuaire", "port"]) {
            Vocation::Port
        } else if starts(&["aeroport", "aeronaut", "airport"]) {
            Vocation::Airport
        } else if starts(&["mixte", "mixed"]) {
            Vocation::Mixed
        } else {
            Vocation::Other
        }
    }

    /// The CNIG label (French), as shown in the legend.
    pub fn label_fr(self) -> &'static str {
        match self {
            Vocation::Industrial => "industrielle",
            Vocation::Commercial => "commerciale",
            Vocation::Tertiary => "tertiaire",
            Vocation::Artisanal => "artisanale",
            Vocation::Tourism => "touristique",
            Vocation::Port => "portuaire",
            Vocation::Airport => "aéroportuaire, aéronautique",
            Vocation::Logistics => "entrepôts, logistique",
            Vocation::AgriLogistics => "logistique agricole",
            Vocation::Mixed => "mixte",
            Vocation::Other => "autre",
            Vocation::Unknown => "inconnu",
        }
    }

    /// The label in the user interface's language.
    pub fn label(self) -> String {
        match self {
            Vocation::Industrial => crate::t!("vocation-industrial"),
            Vocation::Commercial => crate::t!("vocation-commercial"),
            Vocation::Tertiary => crate::t!("vocation-tertiary"),
            Vocation::Artisanal => crate::t!("vocation-artisanal"),
            Vocation::Tourism => crate::t!("vocation-tourism"),
            Vocation::Port => crate::t!("vocation-port"),
            Vocation::Airport => crate::t!("vocation-airport"),
            Vocation::Logistics => crate::t!("vocation-logistics"),
            Vocation::AgriLogistics => crate::t!("vocation-agri-logistics"),
            Vocation::Mixed => crate::t!("vocation-mixed"),
            Vocation::Other => crate::t!("vocation-other"),
            Vocation::Unknown => crate::t!("vocation-unknown"),
        }
    }

    /// English label (exports and the command line).
    pub fn label_en(self) -> &'static str {
        match self {
            Vocation::Industrial => "Industrial",
            Vocation::Commercial => "Commercial",
            Vocation::Tertiary => "Offices / tertiary",
            Vocation::Artisanal => "Craft / small firms",
            Vocation::Tourism => "Tourism",
            Vocation::Port => "Port",
            Vocation::Airport => "Airport / aeronautics",
            Vocation::Logistics => "Warehouses / logistics",
            Vocation::AgriLogistics => "Agricultural logistics",
            Vocation::Mixed => "Mixed",
            Vocation::Other => "Other",
            Vocation::Unknown => "Unknown",
        }
    }
}

/// Lower-cases and strips French accents, for tolerant matching of labels and keys.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cnig_values() {
        assert_eq!(Vocation::parse("industrielle"), Vocation::Industrial);
        assert_eq!(
            Vocation::parse("entrepôts, logistique"),
            Vocation::Logistics
        );
        assert_eq!(
            Vocation::parse("logistique agricole"),
            Vocation::AgriLogistics
        );
        assert_eq!(
            Vocation::parse("aéroportuaire, aéronautique"),
            Vocation::Airport
        );
        assert_eq!(Vocation::parse("Mixte"), Vocation::Mixed);
        assert_eq!(Vocation::parse("inconnu"), Vocation::Unknown);
        assert_eq!(Vocation::parse(""), Vocation::Unknown);
        assert_eq!(Vocation::parse("technopole"), Vocation::Other);
    }

    #[test]
    fn every_vocation_round_trips_through_its_label() {
        for v in Vocation::ALL {
            assert_eq!(Vocation::parse(v.label_fr()), v, "{v:?}");
        }
    }
}
