//! Turning a file's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, and Latin-1
//! (Windows-1252) for files that are not valid UTF-8.

use std::borrow::Cow;

use crate::model::Reason;

/// Decoded text and, when the file was not plain UTF-8, a note saying what was done.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub note: Option<Reason>,
}

/// The note for a UTF-8 file that starts with a byte order mark.
pub const BOM_NOTE: Reason = Reason::ByteOrderMark;

pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                note: Some(BOM_NOTE),
            },
            Err(_) => latin1(rest, true),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, had_errors) = encoding.decode(bytes);
        let note = Reason::Utf16 {
            encoding: encoding.name().into(),
            lossy: had_errors,
        };
        return Decoded {
            text: Cow::Owned(text.into_owned()),
            note: Some(note),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            note: None,
        },
        Err(_) => latin1(bytes, false),
    }
}

fn latin1<'a>(bytes: &[u8], after_bom: bool) -> Decoded<'a> {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Decoded {
        text: Cow::Owned(text.into_owned()),
        note: Some(Reason::Latin1 { after_bom }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_borrowed_without_note() {
        let d = decode("{\"a\":\"Écoparc\"}".as_bytes());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(d.note.is_none());
    }

    #[test]
    fn bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBF{}");
        assert_eq!(d.text, "{}");
        assert!(d.note.is_some());
    }

    #[test]
    fn latin1_is_decoded() {
        let d = decode(b"{\"n\":\"\xC9copole\"}");
        assert_eq!(d.text, "{\"n\":\"Écopole\"}");
        assert_eq!(d.note, Some(Reason::Latin1 { after_bom: false }));
    }

    #[test]
    fn utf16le_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "{}".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "{}");
    }
}
