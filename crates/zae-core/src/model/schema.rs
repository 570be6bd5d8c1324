//! Property names → model fields. CNIG "site-eco" names come first, then common aliases
//! (French and English, any case). Every property stays in `Zone::properties` whatever its name.
//!
//! | field | names tried, in order |
//! |---|---|
//! | name | `site_nom`, `nom`, `name`, `nom_zae`, `libelle`, `zone` |
//! | commune | `site_comm_nom`, `commune`, `nom_commune`, `city`, `town` |
//! | vocation | `site_vocadomi`, `vocation`, `vocadomi`, `category` |
//! | state | `site_etat`, `etat`, `state`, `status` |
//! | surface (ha) | `site_surf_brute`, `surface`, `superficie`, `area_ha`, `surface_ha`, `surf_ha` |
//! | jobs | `site_nb_emploi`, `emplois`, `jobs`, `nb_emplois`, `employment` |
//! | establishments | `site_nb_etab`, `nb_etab`, `etablissements`, `establishments` |
//! | operator | `site_moa_nom`, `gestionnaire`, `operator`, `amenageur`, `developer` |
//! | web page | `site_url`, `url`, `website`, `site_web` |
//! | description | `site_description`, `description`, `commentaire` |
//! | created | `site_creation_date`, `date_creation`, `creation`, `created` |
//! | id | `site_id`, `id`, `identifiant` |
//!
//! Last in each list, the CNIG names as a Shapefile cuts them to 10 characters (`site_comm_`,
//! `site_vocad`, `site_surf_`, `site_nb_em`, `site_nb_et`, `site_moa_n`, `site_descr`,
//! `site_creat`), so a CNIG layer saved as Shapefile reads as it did.
//!
//! A number written as text ("12,5", "1 200") is read as a number; anything else is unknown.
//! A text given in several languages, an object such as `{"fr": "…", "en": "…"}`, is read in
//! the interface's language (else French, else English, else the first one given).

use serde_json::{Map, Value};

use crate::model::{Tenant, Vocation};

pub const NAME: &[&str] = &["site_nom", "nom", "name", "nom_zae", "libelle", "zone"];
pub const COMMUNE: &[&str] = &[
    "site_comm_nom",
    "commune",
    "nom_commune",
    "city",
    "town",
    "site_comm_",
];
pub const VOCATION: &[&str] = &[
    "site_vocadomi",
    "vocation",
    "vocadomi",
    "category",
    "site_vocad",
];
pub const STATE: &[&str] = &["site_etat", "etat", "state", "status"];
pub const SURFACE_HA: &[&str] = &[
    "site_surf_brute",
    "surface",
    "superficie",
    "area_ha",
    "surface_ha",
    "surf_ha",
    "site_surf_",
];
pub const JOBS: &[&str] = &[
    "site_nb_emploi",
    "emplois",
    "jobs",
    "nb_emplois",
    "employment",
    "site_nb_em",
];
pub const ESTABLISHMENTS: &[&str] = &[
    "site_nb_etab",
    "nb_etab",
    "etablissements",
    "establishments",
    "site_nb_et",
];
pub const OPERATOR: &[&str] = &[
    "site_moa_nom",
    "gestionnaire",
    "operator",
    "amenageur",
    "developer",
    "site_moa_n",
];
pub const URL: &[&str] = &["site_url", "url", "website", "site_web"];
pub const DESCRIPTION: &[&str] = &[
    "site_description",
    "description",
    "commentaire",
    "site_descr",
];
pub const CREATED: &[&str] = &[
    "site_creation_date",
    "date_creation",
    "creation",
    "created",
    "site_creat",
];
pub const ID: &[&str] = &["site_id", "id", "identifiant"];

/// Finds the first of `names` among the properties, ignoring case; skips nulls and empty strings.
pub fn lookup<'a>(props: &'a Map<String, Value>, names: &[&str]) -> Option<(&'a str, &'a Value)> {
    for wanted in names {
        if let Some((key, value)) = props
            .iter()
            .find(|(key, value)| key.eq_ignore_ascii_case(wanted) && !is_blank(value))
        {
            return Some((key.as_str(), value));
        }
    }
    None
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The first of `names` as text (numbers and booleans are written out).
pub fn text(props: &Map<String, Value>, names: &[&str]) -> Option<String> {
    lookup(props, names).and_then(|(_, v)| value_text(v))
}

/// How a feature is named in load reports: its id property, else the feature's own id, else
/// its name.
pub fn feature_label(props: &Map<String, Value>, feature_id: Option<&Value>) -> Option<String> {
    text(props, ID)
        .or_else(|| feature_id.and_then(value_text))
        .or_else(|| text(props, NAME))
}

pub fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(texts) => localized(texts),
        _ => None,
    }
}

/// A text given per language (`{"fr": "…", "en": "…"}`), in the interface's language.
pub fn localized(texts: &Map<String, Value>) -> Option<String> {
    let wanted = crate::i18n::lang().code();
    let text = |key: &str| {
        texts
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    text(wanted)
        .or_else(|| text("fr"))
        .or_else(|| text("en"))
        .or_else(|| texts.values().find_map(|v| v.as_str()))
        .map(str::to_string)
}

/// The first of `names` as a number; text like "12,5" or "1 200" is accepted.
pub fn number(props: &Map<String, Value>, names: &[&str]) -> Option<f64> {
    let (_, value) = lookup(props, names)?;
    value_number(value)
}

pub fn value_number(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => {
            let cleaned: String = s
                .trim()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            cleaned.parse::<f64>().ok()?
        }
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// The year that goes with a figure: `<key>_year`, `<key>_annee` or `<key>_date` beside it.
pub fn year_of(props: &Map<String, Value>, key: &str) -> Option<String> {
    ["_year", "_annee", "_date"].iter().find_map(|suffix| {
        let wanted = format!("{key}{suffix}");
        props
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(&wanted) && !is_blank(v))
            .and_then(|(_, v)| value_text(v))
    })
}

pub fn vocation(props: &Map<String, Value>) -> (Vocation, Option<String>) {
    match text(props, VOCATION) {
        Some(label) => (Vocation::parse(&label), Some(label)),
        None => (Vocation::Unknown, None),
    }
}

/// Tenants from a `tenants` (or `entreprises`) array of objects or strings.
pub fn tenants(props: &Map<String, Value>) -> Vec<Tenant> {
    tenants_in(props, &["tenants", "entreprises"])
}

/// Tenants that have left (`former_tenants`), same form as [`tenants`].
pub fn former_tenants(props: &Map<String, Value>) -> Vec<Tenant> {
    tenants_in(props, &["former_tenants"])
}

/// Facilities and occupants that are not firms (`facilities`: texts, or objects with a `text`).
pub fn facilities(props: &Map<String, Value>) -> Vec<String> {
    let Some((_, Value::Array(items))) = lookup(props, &["facilities"]) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::Object(obj) if obj.contains_key("text") => text(obj, &["text"]),
            other => value_text(other),
        })
        .collect()
}

fn tenants_in(props: &Map<String, Value>, names: &[&str]) -> Vec<Tenant> {
    let Some((_, Value::Array(items))) = lookup(props, names) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::String(name) => Some(Tenant {
                name: name.clone(),
                ..Tenant::default()
            }),
            Value::Object(obj) => Some(Tenant {
                name: text(obj, &["name", "nom", "etab_nom", "etab_raison_sociale"])?,
                activity: text(obj, &["activity", "activite", "etab_activite_libelle"]),
                status: text(obj, &["status", "statut"]),
                year: text(obj, &["year", "annee"]),
                headcount: text(obj, &["headcount", "effectif", "etab_effectif_libelle"]),
                siret: text(obj, &["siret"]),
                source: text(obj, &["source", "src"]).or_else(|| {
                    let Some(Value::Array(list)) = obj.get("sources") else {
                        return None;
                    };
                    let list: Vec<String> = list.iter().filter_map(value_text).collect();
                    (!list.is_empty()).then(|| list.join(" ; "))
                }),
            }),
            _ => None,
        })
        .collect()
}

/// Source URLs or citations from a `sources` array or string (`;`-separated).
pub fn sources(props: &Map<String, Value>) -> Vec<String> {
    match lookup(props, &["sources", "source", "src"]) {
        Some((_, Value::Array(items))) => items.iter().filter_map(value_text).collect(),
        Some((_, Value::String(s))) => s
            .split(" ; ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn props(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn cnig_names_win_over_aliases() {
        let p = props(json!({"nom": "alias", "site_nom": "CNIG"}));
        assert_eq!(text(&p, NAME).as_deref(), Some("CNIG"));
    }

    #[test]
    fn aliases_any_case() {
        let p = props(json!({"NOM": "Zone A", "Superficie": "12,5", "EMPLOIS": 1200}));
        assert_eq!(text(&p, NAME).as_deref(), Some("Zone A"));
        assert_eq!(number(&p, SURFACE_HA), Some(12.5));
        assert_eq!(number(&p, JOBS), Some(1200.0));
    }

    #[test]
    fn blanks_and_garbage_are_unknown() {
        let p = props(json!({"site_nom": "", "site_nb_emploi": null, "surface": "n/a"}));
        assert_eq!(text(&p, NAME), None);
        assert_eq!(number(&p, JOBS), None);
        assert_eq!(number(&p, SURFACE_HA), None);
    }

    #[test]
    fn years_beside_figures() {
        let p = props(json!({"site_nb_emploi": 11000, "site_nb_emploi_year": 2022}));
        assert_eq!(year_of(&p, "site_nb_emploi").as_deref(), Some("2022"));
    }

    #[test]
    fn texts_in_two_languages_follow_the_interface() {
        let p = props(json!({
            "site_description": {"fr": "Zone historique", "en": "Historic zone"},
            "tenants": [{"name": "APAVE", "activity": {"fr": "siège régional", "en": "regional head office"},
                         "sources": ["https://example.org/a", {"fr": "page", "en": "page"}]}],
            "facilities": [{"text": {"fr": "cinémas", "en": "cinemas"}}]
        }));
        crate::i18n::set_lang(crate::i18n::Lang::Fr);
        assert_eq!(text(&p, DESCRIPTION).as_deref(), Some("Zone historique"));
        assert_eq!(facilities(&p), vec!["cinémas".to_string()]);
        crate::i18n::set_lang(crate::i18n::Lang::En);
        assert_eq!(text(&p, DESCRIPTION).as_deref(), Some("Historic zone"));
        let t = tenants(&p);
        assert_eq!(t[0].activity.as_deref(), Some("regional head office"));
        assert_eq!(t[0].source.as_deref(), Some("https://example.org/a ; page"));
    }

    #[test]
    fn tenants_from_objects_and_strings() {
        let p =
            props(json!({"tenants": [{"name": "GIPHAR", "activity": "pharma"}, "Chronopost", 3]}));
        let t = tenants(&p);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].activity.as_deref(), Some("pharma"));
        assert_eq!(t[1].name, "Chronopost");
    }
}
