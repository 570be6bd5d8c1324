//! The investor's sheet: one A4 page of a zone (PDF, French or English) that a planner sends
//! to an investor or a booth prints for a visitor, and the catalogue of the filtered zones (an
//! overview page, then one sheet per zone).
//!
//! [`Sheet::of`] gathers what the page says from the dataset, every figure with its year and a
//! numbered source note; [`pdf`] lays it out with an embedded font (DejaVu Sans, licence in
//! `assets/fonts/LICENSE-DejaVu.txt`); [`cmd`] is `zae-atlas sheet`.

pub mod access;
pub mod basemap;
pub mod cmd;
pub mod pdf;

use geo::MultiPolygon;

use crate::format::{format_count, format_ha, format_tenths};
use crate::i18n::{Lang, lang, set_lang};
use crate::model::{Zone, fold, schema};
use crate::qr::QrMatrix;
use crate::store::Dataset;
use crate::t;

pub use access::{AccessLine, AccessPoint, AccessPoints};
pub use basemap::{BaseImage, BaseMapSource, TileFetcher};

/// How many tenants a sheet lists; the rest are counted.
pub const MAX_TENANTS: usize = 8;

/// Dijon métropole's economic development agency: the contact for every zone of the
/// métropole (Dijon métropole, page Attractivité économique, bilan 2022).
pub const DBI_NAME: &str = "Dijon Bourgogne Invest";
pub const DBI_ADDRESS: &str = "40 avenue du Drapeau, Dijon";
/// The métropole's SIREN, as CNIG files give it in `site_epci_siren`.
pub const METROPOLE_SIREN: &str = "242100410";

/// One key figure: its label, its value with the unit, its year, and its source note (a number
/// into [`Sheet::notes`], from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub year: Option<String>,
    pub note: Option<usize>,
}

/// Everything one sheet shows, already in its language.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub lang: Lang,
    pub name: String,
    /// Vocation · communes.
    pub subtitle: String,
    /// The outline is schematic: the sheet says "approximate outline".
    pub schematic: bool,
    pub figures: Vec<Figure>,
    /// Main tenants, and how many more the data lists.
    pub tenants: Vec<String>,
    pub more_tenants: usize,
    pub access: Vec<AccessLine>,
    /// Contact lines: the developer when the data names one, the métropole's agency.
    pub contact: Vec<String>,
    pub url: Option<String>,
    pub qr: Option<QrMatrix>,
    /// "Data: …" line (the date the data gives, else the years of its figures).
    pub data_date: String,
    /// Source notes, numbered from 1 in this order.
    pub notes: Vec<String>,
    /// The zone's outline (WGS84) and its position in the dataset.
    pub outline: MultiPolygon<f64>,
    pub position: usize,
    /// The file it came from, as shown.
    pub file_name: String,
    /// The base map under the map extract; `None`: the context layer ([`Sheet::add_base_map`]).
    pub base_map: Option<BaseImage>,
}

/// Collects source notes, numbering each distinct text once.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    fn cite(&mut self, text: String) -> usize {
        let text = text.trim().to_string();
        match self.0.iter().position(|n| *n == text) {
            Some(i) => i + 1,
            None => {
                self.0.push(text);
                self.0.len()
            }
        }
    }
}

/// Runs `f` with this thread's language set to `lang`, then puts the previous one back.
pub fn in_lang<T>(lang_wanted: Lang, f: impl FnOnce() -> T) -> T {
    let before = lang();
    set_lang(lang_wanted);
    let out = f();
    set_lang(before);
    out
}

impl Sheet {
    /// The sheet of zone `position` of the dataset, in `lang`; `points` are the access points
    /// distances are computed to when the data does not declare them.
    pub fn of(
        dataset: &Dataset,
        position: usize,
        points: &AccessPoints,
        lang: Lang,
    ) -> Option<Self> {
        let zone = dataset.zones.get(position)?;
        Some(in_lang(lang, || {
            build(dataset, position, zone, points, lang)
        }))
    }
}

fn file_name(dataset: &Dataset, zone: &Zone) -> String {
    dataset
        .files
        .get(zone.file)
        .map(|f| f.shown_name())
        .unwrap_or_default()
}

fn build(
    dataset: &Dataset,
    position: usize,
    zone: &Zone,
    points: &AccessPoints,
    lang: Lang,
) -> Sheet {
    let mut notes = Notes::default();
    let file = file_name(dataset, zone);
    let map = zone.properties.map();
    // The source of a figure: `<key>_source`, else the file's producer, else the file.
    let producer = schema::text(map, &["source_producteur"]);
    let source_of = |key: &str, notes: &mut Notes| -> usize {
        let text = zone
            .property_text(&format!("{key}_source"))
            .or_else(|| {
                producer
                    .clone()
                    .map(|p| t!("sheet-source-producer", producer = p, file = file.clone()))
            })
            .unwrap_or_else(|| t!("sheet-source-file", file = file.clone()));
        notes.cite(text)
    };
    let year = |key: &str| schema::year_of(map, key);

    let mut figures = Vec::new();
    let land = dataset.land_stats(position);
    // The files the zone's plots came from (CNIG terrain-eco), for their notes.
    let mut plot_files: Vec<String> = Vec::new();
    for plot in dataset.plots.iter().filter(|p| p.zone == Some(position)) {
        if let Some(f) = dataset.files.get(plot.file).map(|f| f.shown_name())
            && !plot_files.contains(&f)
        {
            plot_files.push(f);
        }
    }
    let plot_files = if plot_files.is_empty() {
        file.clone()
    } else {
        plot_files.join(", ")
    };
    // What an investor looks for first: land for sale.
    if land.plots_for_sale > 0 {
        let mut value = t!(
            "sheet-land-value",
            ha = format_ha(land.available_ha),
            plots = land.plots_for_sale
        );
        if let (Some(lo), Some(hi)) = (land.price_m2_min, land.price_m2_max) {
            let price = |p: f64| format_count(p.round());
            let range = if (hi - lo).abs() < 0.5 {
                price(lo)
            } else {
                format!("{}–{}", price(lo), price(hi))
            };
            value.push_str(&t!("sheet-land-price", range = range));
        }
        let note = notes.cite(t!("sheet-source-plots", file = plot_files.clone()));
        figures.push(Figure {
            label: t!("sheet-available-land"),
            value,
            year: None,
            note: Some(note),
        });
    }
    if let Some(ha) = zone.surface_declared_ha {
        let key = schema::lookup(map, schema::SURFACE_HA).map_or("site_surf_brute", |(k, _)| k);
        let note = source_of(key, &mut notes);
        figures.push(Figure {
            label: t!("sheet-surface-declared"),
            value: format!("{} ha", format_ha(ha)),
            year: year(key),
            note: Some(note),
        });
    }
    let computed = zone.geodesic_area_ha();
    let computed_note = notes.cite(if zone.is_schematic() {
        t!("sheet-source-computed-schematic")
    } else {
        t!("sheet-source-computed")
    });
    figures.push(Figure {
        label: t!("sheet-surface-computed"),
        value: format!("{} ha", format_ha(computed)),
        year: None,
        note: Some(computed_note),
    });
    if let Some(jobs) = zone.jobs {
        let key = schema::lookup(map, schema::JOBS).map_or("site_nb_emploi", |(k, _)| k);
        let note = source_of(key, &mut notes);
        figures.push(Figure {
            label: t!("sheet-jobs"),
            value: format_count(jobs),
            year: year(key),
            note: Some(note),
        });
    }
    if let Some(n) = zone.establishments {
        let key = schema::lookup(map, schema::ESTABLISHMENTS).map_or("site_nb_etab", |(k, _)| k);
        let note = source_of(key, &mut notes);
        figures.push(Figure {
            label: t!("sheet-establishments"),
            value: format_count(n),
            year: year(key),
            note: Some(note),
        });
    }
    if let Some(v) = land.vacancy_percent {
        let (note, y) = if land.vacancy_given {
            (
                source_of("site_taux_vacance", &mut notes),
                year("site_taux_vacance"),
            )
        } else {
            (
                notes.cite(t!("sheet-source-vacancy-plots", file = plot_files.clone())),
                None,
            )
        };
        figures.push(Figure {
            label: t!("sheet-vacancy"),
            value: format!("{}\u{a0}%", format_tenths(v)),
            year: y,
            note: Some(note),
        });
    }

    // Tenants: the zone's own list, else the establishments joined to it.
    let mut tenants: Vec<String> = zone.tenants().into_iter().map(|t| t.name).collect();
    if tenants.is_empty() {
        tenants = dataset
            .establishments_in(position)
            .map(|e| e.name.clone())
            .collect();
    }
    tenants.retain(|t| !t.trim().is_empty());
    let more_tenants = tenants.len().saturating_sub(MAX_TENANTS);
    tenants.truncate(MAX_TENANTS);

    let access = points.lines_for(zone, &mut |text| notes.cite(text));

    let mut contact = Vec::new();
    if let Some(dev) = developer(zone) {
        contact.push(t!("sheet-contact-developer", name = dev));
    }
    if in_metropole(zone) {
        contact.push(format!("{DBI_NAME} — {DBI_ADDRESS}"));
        contact.push(t!("sheet-contact-dbi"));
    }
    // Outside the métropole, the developer as the data writes it (when it is a name, not a
    // paragraph).
    if contact.is_empty()
        && let Some(op) = zone.operator().filter(|o| o.chars().count() <= 80)
    {
        contact.push(t!("sheet-contact-developer", name = op));
    }

    let url = zone.url().filter(|u| crate::io::untrusted::is_web_link(u));
    let qr = url.as_deref().and_then(|u| QrMatrix::encode(u).ok());

    let communes = zone
        .property_text("communes")
        .or_else(|| zone.commune.clone());
    let vocation = zone.vocation.label();
    let subtitle = match communes {
        Some(c) => format!("{vocation} · {c}"),
        None => vocation,
    };

    Sheet {
        lang,
        name: zone.display_name().to_string(),
        subtitle,
        schematic: zone.is_schematic(),
        figures,
        tenants,
        more_tenants,
        access,
        contact,
        url,
        qr,
        data_date: data_date(zone),
        notes: notes.0,
        outline: zone.geometry(),
        position,
        file_name: file,
        base_map: None,
    }
}

impl Sheet {
    /// Puts the base map under the map extract when `tiles` can give it; otherwise returns why
    /// (the context layer stays), `None` when no base map is wanted.
    pub fn add_base_map(&mut self, tiles: &mut TileFetcher) -> Option<String> {
        if !tiles.wanted() {
            return None;
        }
        let Some(bbox) = geo::BoundingRect::bounding_rect(&self.outline) else {
            return Some("the zone has no outline".into());
        };
        let extract = pdf::extract_of(bbox);
        // A reader library that panics on a damaged file costs the base map, not the sheet.
        let before = lang();
        let image = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            in_lang(self.lang, || tiles.image_for(&extract))
        }))
        .unwrap_or_else(|_| {
            set_lang(before);
            Err("the tiles could not be read (the reader failed)".into())
        });
        match image {
            Ok(image) => {
                log::info!(
                    "sheet of {}: base map at zoom {}, {}×{} px",
                    self.name,
                    image.zoom,
                    image.width,
                    image.height
                );
                self.base_map = Some(image);
                None
            }
            Err(why) => {
                log::warn!(
                    "sheet of {}: base map not drawn ({why}); the context layer is",
                    self.name
                );
                Some(why)
            }
        }
    }
}

/// A PDF, and for each sheet whose base map could not be drawn: the zone's name and why.
pub struct Made {
    pub pdf: Vec<u8>,
    pub without_base_map: Vec<(String, String)>,
}

/// The PDF of one zone's sheet, in `lang`, over the context layer.
pub fn sheet_pdf(dataset: &Dataset, position: usize, lang: Lang) -> Result<Vec<u8>, String> {
    sheet_pdf_with(
        dataset,
        position,
        lang,
        &mut TileFetcher::new(BaseMapSource::none()),
    )
    .map(|m| m.pdf)
}

/// The PDF of one zone's sheet, in `lang`, over the base map `tiles` gives when they can.
pub fn sheet_pdf_with(
    dataset: &Dataset,
    position: usize,
    lang: Lang,
    tiles: &mut TileFetcher,
) -> Result<Made, String> {
    let points = AccessPoints::embedded()?;
    let context = pdf::MapContext::communes()?;
    let mut sheet = Sheet::of(dataset, position, &points, lang)
        .ok_or_else(|| format!("no zone at position {position}"))?;
    let without_base_map = sheet
        .add_base_map(tiles)
        .map(|why| vec![(sheet.name.clone(), why)])
        .unwrap_or_default();
    Ok(Made {
        pdf: pdf::render(dataset, &context, None, &[sheet])?,
        without_base_map,
    })
}

/// The catalogue of `positions` (in that order, renumbered by name): an overview page with the
/// zones numbered on a map and their index, then one sheet per zone; over the context layer.
pub fn catalogue_pdf(
    dataset: &Dataset,
    positions: &[usize],
    lang: Lang,
) -> Result<Vec<u8>, String> {
    catalogue_pdf_with(
        dataset,
        positions,
        lang,
        &mut TileFetcher::new(BaseMapSource::none()),
    )
    .map(|m| m.pdf)
}

/// [`catalogue_pdf`], each sheet over the base map `tiles` gives when they can (fetched sheet
/// after sheet; the overview page keeps the context layer).
pub fn catalogue_pdf_with(
    dataset: &Dataset,
    positions: &[usize],
    lang: Lang,
    tiles: &mut TileFetcher,
) -> Result<Made, String> {
    let points = AccessPoints::embedded()?;
    let context = pdf::MapContext::communes()?;
    let mut ordered: Vec<usize> = positions
        .iter()
        .copied()
        .filter(|&p| p < dataset.zones.len())
        .collect();
    ordered.sort_by_cached_key(|&p| (fold(dataset.zones[p].display_name()), p));
    let mut sheets: Vec<Sheet> = ordered
        .iter()
        .filter_map(|&p| Sheet::of(dataset, p, &points, lang))
        .collect();
    let mut without_base_map = Vec::new();
    for sheet in &mut sheets {
        if let Some(why) = sheet.add_base_map(tiles) {
            without_base_map.push((sheet.name.clone(), why));
        }
    }
    let overview = in_lang(lang, || pdf::Overview {
        lang,
        title: t!("sheet-catalogue-title"),
        subtitle: t!("sheet-catalogue-subtitle", n = ordered.len()),
        positions: ordered.clone(),
    });
    Ok(Made {
        pdf: pdf::render(dataset, &context, Some(&overview), &sheets)?,
        without_base_map,
    })
}

/// A PDF written by [`write_pdf`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// Zones it holds.
    pub zones: usize,
    /// Sheets drawn over the context layer because the base map's tiles were not at hand.
    pub without_base_map: usize,
}

/// Makes the PDF (one zone's sheet, or the catalogue of `positions`) over the base map of
/// `base` when its tiles are at hand, and writes it to `path` atomically. What a worker of the
/// interface runs.
pub fn write_pdf(
    dataset: &Dataset,
    positions: &[usize],
    catalogue: bool,
    lang: Lang,
    path: &std::path::Path,
    base: &BaseMapSource,
) -> Result<Written, String> {
    let mut tiles = TileFetcher::new(base.clone());
    let made = match (catalogue, positions) {
        (false, [one]) => sheet_pdf_with(dataset, *one, lang, &mut tiles)?,
        (false, _) => return Err("one zone's sheet needs one zone".into()),
        (true, _) => catalogue_pdf_with(dataset, positions, lang, &mut tiles)?,
    };
    crate::io::export::write_bytes(path, &made.pdf).map_err(|e| e.to_string())?;
    for (name, why) in &made.without_base_map {
        log::warn!("sheet of {name}: drawn without the base map: {why}");
    }
    Ok(Written {
        zones: positions.len(),
        without_base_map: made.without_base_map.len(),
    })
}

/// The developer (aménageur) to contact, when the data names one we know: SPLAAD, the
/// métropole's public developer, for the zones it develops.
pub fn developer(zone: &Zone) -> Option<String> {
    let text = zone.operator()?;
    fold(&text).contains("splaad").then(|| "SPLAAD".to_string())
}

/// The zone lies in Dijon métropole (its EPCI, or the embedded dataset's communes).
pub fn in_metropole(zone: &Zone) -> bool {
    let siren = zone
        .property_text("site_epci_siren")
        .is_some_and(|s| s.trim() == METROPOLE_SIREN);
    let named = zone
        .property_text("site_epci_nom")
        .is_some_and(|s| fold(&s).contains("dijon"));
    siren || named
}

/// "Data: 2024-05-01" when the data dates itself (`site_actu_date`), else the range of the
/// years its figures give.
fn data_date(zone: &Zone) -> String {
    if let Some(d) = zone
        .property_text("site_actu_date")
        .or_else(|| zone.property_text("date_maj"))
    {
        return t!("sheet-data-date", date = d);
    }
    let years: Vec<i64> = zone
        .properties
        .map()
        .iter()
        .filter(|(k, _)| k.ends_with("_year") || k.ends_with("_annee"))
        .filter_map(|(_, v)| schema::value_number(v))
        .map(|y| y as i64)
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => t!("sheet-data-years-one", year = a.to_string()),
        (Some(a), Some(b)) => t!("sheet-data-years", from = a.to_string(), to = b.to_string()),
        _ => t!("sheet-data-undated"),
    }
}

/// Today's date as YYYY-MM-DD (UTC), for the foot of the page.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil_date(secs.div_euclid(86_400))
}

/// Days since 1970-01-01 → "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests;
