//! A load report in the interface's language: why a feature was skipped, what was repaired,
//! and how the coordinate system was decided (Fluent messages `reason-*`, `crs-note-*` and
//! `issue-at-*`). The core keeps them as data (`Reason`, `CrsNote`); its `Display` stays
//! English, for `zae-atlas check` and logs.

use crate::format::format_count;
use crate::io::report::{CrsNote, FeatureIssue, JsonKind, Reason, Ring, View};
use crate::t;

/// "exterior ring", "hole 2".
fn ring_text(ring: Ring) -> String {
    match ring {
        Ring::Exterior => t!("reason-ring-exterior"),
        Ring::Hole(n) => t!("reason-ring-hole", n = n),
    }
}

fn json_kind_text(kind: JsonKind) -> String {
    match kind {
        JsonKind::Null => t!("json-null"),
        JsonKind::Boolean => t!("json-boolean"),
        JsonKind::Number => t!("json-number"),
        JsonKind::String => t!("json-string"),
        JsonKind::Array => t!("json-array"),
        JsonKind::Object => t!("json-object"),
    }
}

/// A number as the interface writes counts (thin spaces in French).
fn count(n: usize) -> String {
    format_count(n as f64)
}

/// A box's sides in degrees, to 4 decimals (about 10 m).
fn degrees(view: &View) -> [String; 4] {
    [view.west, view.east, view.south, view.north].map(|v| format!("{v:.4}"))
}

/// Why a feature was skipped, or what was noticed, as a sentence.
pub fn reason_text(reason: &Reason) -> String {
    use Reason as R;
    match reason {
        R::FeatureNotObject { found } => {
            t!("reason-feature-not-object", found = json_kind_text(*found))
        }
        R::NotFeatureObject { detail } => t!("reason-not-feature-object", detail = detail),
        R::PropertiesNotObject { found } => {
            t!(
                "reason-properties-not-object",
                found = json_kind_text(*found)
            )
        }
        R::FeatureTypeCase { found } => t!("reason-feature-type-case", found = found),
        R::FeatureTypeOther { found } => t!("reason-feature-type-other", found = found),
        R::FeatureNoType => t!("reason-feature-no-type"),
        R::NoGeometry => t!("reason-no-geometry"),
        R::GeometryNotObject => t!("reason-geometry-not-object"),
        R::InvalidGeometry { detail } => t!("reason-invalid-geometry", detail = detail),
        R::UnknownGeometryType { found } => t!("reason-unknown-geometry-type", found = found),
        R::GeometryTypeCase { found, canonical } => t!(
            "reason-geometry-type-case",
            found = found,
            canonical = canonical
        ),
        R::MissingCoordinates { kind } => t!("reason-missing-coordinates", kind = kind),
        R::BadCoordinates { kind, detail } => {
            t!("reason-bad-coordinates", kind = kind, detail = detail)
        }
        R::EmptyGeometry { kind } => t!("reason-empty-geometry", kind = kind),
        R::MultiPointFirstUsed { count: n } => t!("reason-multipoint-first", n = *n),
        R::TooDeep { max } => t!("reason-too-deep", max = *max),
        R::MemberNotPolygon { member, kind } => {
            t!("reason-member-not-polygon", member = *member, kind = kind)
        }
        R::MemberLeftOut { member, reason } => t!(
            "reason-member-left-out",
            member = *member,
            reason = reason_text(reason)
        ),
        R::NoPolygonInCollection { why: None } => t!("reason-no-polygon-in-collection"),
        R::NoPolygonInCollection { why: Some(why) } => {
            t!(
                "reason-no-polygon-in-collection-why",
                why = reason_text(why)
            )
        }
        R::UnsupportedGeometryType { kind } => t!("reason-unsupported-geometry", kind = kind),
        R::UndecodableWkb { detail } => t!("reason-undecodable-wkb", detail = detail),
        R::NotPoint { kind } => t!("reason-not-point", kind = kind),
        R::NotPolygon { kind } => t!("reason-not-polygon", kind = kind),
        R::TooFewCoordinates { position, dims } => t!(
            "reason-too-few-coordinates",
            position = *position,
            dims = *dims
        ),
        R::NotFinite { position, x, y } => t!(
            "reason-not-finite",
            position = *position,
            x = x.to_string(),
            y = y.to_string()
        ),
        R::NotReprojected {
            position,
            x,
            y,
            detail,
        } => t!(
            "reason-not-reprojected",
            position = *position,
            x = x.to_string(),
            y = y.to_string(),
            detail = detail
        ),
        R::OutOfRange { position, x, y } => t!(
            "reason-out-of-range",
            position = *position,
            x = x.to_string(),
            y = y.to_string()
        ),
        R::OutsideGlobe {
            position,
            x,
            y,
            epsg,
            lon,
            lat,
        } => t!(
            "reason-outside-globe",
            position = *position,
            x = x.to_string(),
            y = y.to_string(),
            epsg = epsg.to_string(),
            lon = lon.to_string(),
            lat = lat.to_string()
        ),
        R::ExtraDimensions { dims } => t!("reason-extra-dimensions", dims = *dims),
        R::NoCoordinates => t!("reason-no-coordinates"),
        R::SimplifiedForDrawing {
            vertices,
            per_polygon,
            in_all,
        } => t!(
            "reason-simplified-for-drawing",
            vertices = count(*vertices),
            per_polygon = count(*per_polygon),
            in_all = count(*in_all)
        ),
        R::PartLeftOut { part, reason } => t!(
            "reason-part-left-out",
            part = *part,
            reason = reason_text(reason)
        ),
        R::NoUsablePolygon => t!("reason-no-usable-polygon"),
        R::InRing { ring, reason } => t!(
            "reason-in-ring",
            ring = ring_text(*ring),
            reason = reason_text(reason)
        ),
        R::HoleLeftOut { hole, reason } => t!(
            "reason-hole-left-out",
            hole = *hole,
            reason = reason_text(reason)
        ),
        R::RingTooSmall {
            positions,
            distinct,
        } => t!(
            "reason-ring-too-small",
            positions = *positions,
            distinct = *distinct
        ),
        R::RingClosed => t!("reason-ring-closed"),
        R::NotChecked { vertices, max } => t!(
            "reason-not-checked",
            vertices = count(*vertices),
            max = count(*max)
        ),
        R::SelfIntersection { ring } => t!("reason-self-intersection", ring = ring_text(*ring)),
        R::RingsCross => t!("reason-rings-cross"),
        R::ExteriorClockwise => t!("reason-exterior-clockwise"),
        R::HolesCounterClockwise { count: n } => t!("reason-holes-counter-clockwise", n = *n),
        R::RingPastEnd => t!("reason-ring-past-end"),
        R::NotGpkgGeometry => t!("reason-not-gpkg-geometry"),
        R::BadEnvelope { code } => t!("reason-bad-envelope", code = *code),
        R::GpkgCutShort => t!("reason-gpkg-cut-short"),
        R::NonFiniteLiterals => t!("reason-non-finite-literals"),
        R::BadBbox => t!("reason-bad-bbox"),
        R::CollectionTypeCase { found } => t!("reason-collection-type-case", found = found),
        R::CollectionNoType => t!("reason-collection-no-type"),
        R::LoneGeometry { kind } => t!("reason-lone-geometry", kind = kind),
        R::ByteOrderMark => t!("reason-byte-order-mark"),
        R::Utf16 {
            encoding,
            lossy: false,
        } => t!("reason-utf16", encoding = encoding),
        R::Utf16 {
            encoding,
            lossy: true,
        } => t!("reason-utf16-lossy", encoding = encoding),
        R::Latin1 { after_bom: false } => t!("reason-latin1"),
        R::Latin1 { after_bom: true } => t!("reason-latin1-after-bom"),
        R::Lambert93Guessed => t!("reason-lambert93-guessed"),
        R::CrsNotRecognised { from, what } => {
            t!("reason-crs-not-recognised", from = from, what = what)
        }
        R::NoPrj { stem } => t!("reason-no-prj", stem = stem),
        R::NoShx { stem } => t!("reason-no-shx", stem = stem),
        R::NoDbfRow { stem } => t!("reason-no-dbf-row", stem = stem),
        R::MoreRowsThanShapes { stem, rows, shapes } => t!(
            "reason-more-rows-than-shapes",
            stem = stem,
            rows = count(*rows),
            shapes = count(*shapes)
        ),
        R::UnknownCpg { stem, name } => t!("reason-unknown-cpg", stem = stem, name = name),
        R::DbfDefaultEncoding { stem } => t!("reason-dbf-default-encoding", stem = stem),
        R::BinaryLeftOut { column, bytes } => t!(
            "reason-binary-left-out",
            column = column,
            bytes = count(*bytes)
        ),
        R::PropertiesCutShort => t!("reason-properties-cut-short"),
        R::NoSuchColumn { index } => t!("reason-no-such-column", index = *index),
        R::UnknownColumnType { column, code } => {
            t!("reason-unknown-column-type", column = column, code = *code)
        }
        R::ReadThroughIndex {
            found,
            count: total,
            view,
        } => {
            let [west, east, south, north] = degrees(view);
            t!(
                "reason-read-through-index",
                found = count(*found),
                total = count(*total),
                west = west,
                east = east,
                south = south,
                north = north
            )
        }
        R::UnreadableRow { detail } => t!("reason-unreadable-row", detail = detail),
        R::UnreadableColumns { detail } => t!("reason-unreadable-columns", detail = detail),
        R::UnreadableGeometry { detail } => t!("reason-unreadable-geometry", detail = detail),
        R::FieldCount {
            line,
            fields,
            columns,
        } => t!(
            "reason-field-count",
            line = *line,
            fields = *fields,
            columns = *columns
        ),
        R::GeometryCellEmpty { line, column } => {
            t!("reason-geometry-cell-empty", line = *line, column = column)
        }
        R::GeometryCellUnreadable { line, column } => {
            t!(
                "reason-geometry-cell-unreadable",
                line = *line,
                column = column
            )
        }
        R::NullGeometryColumn { column } => t!("reason-null-geometry-column", column = column),
        R::InColumn { column, reason } => t!(
            "reason-in-column",
            column = column,
            reason = reason_text(reason)
        ),
        R::OtherSrid { srid, table_srid } => t!(
            "reason-other-srid",
            srid = srid.to_string(),
            table_srid = table_srid.to_string()
        ),
        R::RowsInView { limit, view } => {
            let [west, east, south, north] = degrees(view);
            t!(
                "reason-rows-in-view",
                limit = count(*limit),
                west = west,
                east = east,
                south = south,
                north = north
            )
        }
        R::RowsCapped {
            limit,
            max,
            srid_zero: false,
        } => t!(
            "reason-rows-capped",
            limit = count(*limit),
            max = count(*max)
        ),
        R::RowsCapped {
            limit,
            max,
            srid_zero: true,
        } => t!(
            "reason-rows-capped-srid0",
            limit = count(*limit),
            max = count(*max)
        ),
        R::TooManyRows { max } => t!("reason-too-many-rows", max = count(*max)),
        R::FeaturesInView {
            limit,
            found,
            count: total,
            view,
        } => {
            let [west, east, south, north] = degrees(view);
            t!(
                "reason-features-in-view",
                limit = count(*limit),
                found = count(*found),
                total = count(*total),
                west = west,
                east = east,
                south = south,
                north = north
            )
        }
    }
}

/// How the file's coordinate system was decided.
pub fn crs_text(note: &CrsNote) -> String {
    use CrsNote as C;
    match note {
        C::Undecided => t!("crs-note-undecided"),
        C::Wgs84Named { name } => t!("crs-note-wgs84-named", name = name),
        C::EpsgNamed { code, name } => {
            t!("crs-note-epsg-named", code = code.to_string(), name = name)
        }
        C::Lambert93Detected => t!("crs-note-lambert93-detected"),
        C::Wgs84Default => t!("crs-note-wgs84-default"),
        C::Wgs84From { from } => t!("crs-note-wgs84-from", from = from),
        C::EpsgFrom { code, from } => {
            t!("crs-note-epsg-from", code = code.to_string(), from = from)
        }
        C::SridZero { column } => t!("crs-note-srid-zero", column = column),
        C::Wgs84Column { column } => t!("crs-note-wgs84-column", column = column),
        C::EpsgColumn { code, column } => {
            t!(
                "crs-note-epsg-column",
                code = code.to_string(),
                column = column
            )
        }
        C::ServerReprojected { code, column } => t!(
            "crs-note-server-reprojected",
            code = code.to_string(),
            column = column
        ),
    }
}

/// Where an issue is: "feature 3 (ZA-12)" / "objet 3 (ZA-12)", or "" for the whole file.
pub fn location_text(issue: &FeatureIssue) -> String {
    match (issue.index, &issue.id) {
        (Some(i), Some(id)) => t!("issue-at-feature-id", index = i, id = id),
        (Some(i), None) => t!("issue-at-feature", index = i),
        (None, Some(id)) => id.clone(),
        (None, None) => String::new(),
    }
}

/// One issue as a line of the report: where, then why.
pub fn issue_text(issue: &FeatureIssue) -> String {
    let location = location_text(issue);
    let reason = reason_text(&issue.reason);
    if location.is_empty() {
        reason
    } else {
        t!("issue-line", location = location, reason = reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_lang};

    /// Every reason and every coordinate note has a sentence in both languages: none falls
    /// back to its message id, and French differs from English where words are translated.
    #[test]
    fn every_reason_reads_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            set_lang(lang);
            for reason in Reason::examples() {
                let text = reason_text(&reason);
                assert!(
                    !text.starts_with("reason-") && !text.contains("reason-"),
                    "{lang:?}: {reason:?} gives {text}"
                );
                assert!(!text.trim().is_empty(), "{lang:?}: {reason:?}");
            }
            for note in CrsNote::examples() {
                let text = crs_text(&note);
                assert!(
                    !text.contains("crs-note-"),
                    "{lang:?}: {note:?} gives {text}"
                );
            }
        }
        set_lang(Lang::En);
        // English matches the core's own sentence for a reason without library text.
        let reason = Reason::RingTooSmall {
            positions: 2,
            distinct: 2,
        };
        assert_eq!(reason_text(&reason), reason.to_string());
        set_lang(Lang::Fr);
        let french = reason_text(&Reason::InRing {
            ring: Ring::Hole(2),
            reason: Box::new(Reason::RingClosed),
        });
        assert!(french.contains("trou 2"), "{french}");
        assert!(french.contains("fermé"), "{french}");
        set_lang(Lang::En);
    }
}
