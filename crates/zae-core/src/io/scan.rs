//! A small byte scanner that cuts a GeoJSON FeatureCollection, read in blocks, into the
//! elements of its top-level `"features"` array (each its own buffer) and a "skeleton": the
//! rest of the top-level object with the features array emptied. Big files are then never held
//! whole in memory.
//!
//! The scanner only tracks strings, escapes and bracket depth; it does not check JSON. Whatever
//! it does not expect (no top-level object, no features array, a comma out of place, bytes after
//! the object, an escaped key at the top level) makes it give up with a reason, and the caller
//! reads the file the ordinary way, so every message stays as before. Its output is checked
//! afterwards: each element must be one JSON value, the skeleton must parse.

/// Why the scanner gave up: the caller reads the whole file instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Unusual(pub &'static str);

/// Elements cut out and not yet handed on, up to a number of elements or of bytes (a batch of
/// big features is cut short, so memory stays bounded whatever the features' size).
pub struct Batch {
    pub elements: Vec<Vec<u8>>,
    bytes: usize,
    max_elements: usize,
    max_bytes: usize,
}

impl Batch {
    pub fn new(max_elements: usize, max_bytes: usize) -> Self {
        Self {
            elements: Vec::new(),
            bytes: 0,
            max_elements,
            max_bytes,
        }
    }

    pub fn is_full(&self) -> bool {
        self.elements.len() >= self.max_elements || self.bytes >= self.max_bytes
    }

    /// The elements, leaving the batch empty.
    pub fn take(&mut self) -> Vec<Vec<u8>> {
        self.bytes = 0;
        std::mem::take(&mut self.elements)
    }

    fn push(&mut self, element: Vec<u8>) {
        self.bytes += element.len();
        self.elements.push(element);
    }
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// Bytes of the UTF-8 byte order mark seen so far (at the very start).
    Bom(usize),
    /// Before the top-level `{`.
    Start,
    /// Inside the top-level object, outside the features array.
    Top,
    /// After the key `"features"`, before its colon.
    FeaturesKey,
    /// After `"features":`, before its `[`.
    FeaturesColon,
    /// After `[` or `,` in the features array: an element (or, after `[`, the `]`) comes next.
    BeforeElement { first: bool },
    /// Inside an element.
    Element(Element),
    /// After an element: `,` or `]` comes next.
    AfterElement,
    /// After the top-level object: only whitespace may follow.
    End,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Element {
    /// An object or array, `depth` brackets deep.
    Nested { depth: usize },
    /// A string.
    Text,
    /// A number, `true`, `false`, `null` or whatever else until whitespace, `,` or `]`.
    Scalar,
}

pub struct Scanner {
    state: State,
    /// A string is open (its bytes are being passed); `escaped` after its backslash.
    in_string: bool,
    escaped: bool,
    /// Bracket depth inside the top-level object (1 = its members).
    depth: usize,
    /// At the top level, the next string is a member name.
    expect_key: bool,
    /// Where the member name being read starts in the skeleton.
    key_start: Option<usize>,
    /// The skeleton so far: every byte outside the features array's contents.
    skeleton: Vec<u8>,
    /// Length of the skeleton just after the features array's `[`.
    features_at: Option<usize>,
    /// The element being cut out.
    element: Vec<u8>,
    /// The file started with a UTF-8 byte order mark (not part of the skeleton).
    pub bom: bool,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

impl Scanner {
    pub fn new() -> Self {
        Self {
            state: State::Bom(0),
            in_string: false,
            escaped: false,
            depth: 0,
            expect_key: false,
            key_start: None,
            skeleton: Vec::new(),
            features_at: None,
            element: Vec::new(),
            bom: false,
        }
    }

    /// Scans `block` (the next bytes of the file), adding each finished element to `out`.
    /// Returns how many bytes were used: fewer than the block when `out` became full, so that
    /// the caller can hand its elements on before going further.
    pub fn scan(&mut self, block: &[u8], out: &mut Batch) -> Result<usize, Unusual> {
        let mut i = 0;
        while let Some(&b) = block.get(i) {
            // Inside an element, a run of bytes that change nothing (most of a feature) is
            // copied at once rather than byte by byte.
            if let State::Element(kind) = self.state {
                let run = block[i..]
                    .iter()
                    .take_while(|&&b| !self.matters(kind, b))
                    .count();
                if run > 0 {
                    self.element.extend_from_slice(&block[i..i + run]);
                    i += run;
                    continue;
                }
            }
            i += 1;
            if self.byte(b, out)? && out.is_full() {
                return Ok(i);
            }
        }
        Ok(block.len())
    }

    /// Whether byte `b` inside an element changes the scanner's state.
    fn matters(&self, kind: Element, b: u8) -> bool {
        if self.in_string {
            return self.escaped || b == b'"' || b == b'\\';
        }
        match kind {
            Element::Nested { .. } => matches!(b, b'"' | b'{' | b'}' | b'[' | b']'),
            Element::Scalar => is_space(b) || b == b',' || b == b']',
            Element::Text => true,
        }
    }

    /// The skeleton up to the features array, closed there (`...,"features":[]}`): what the
    /// top-level object said before its first feature. `None` before the array was reached.
    pub fn provisional_skeleton(&self) -> Option<Vec<u8>> {
        let at = self.features_at?;
        let mut text = self.skeleton.get(..at)?.to_vec();
        text.extend_from_slice(b"]}");
        Some(text)
    }

    /// After the last byte: the whole skeleton, if the file was a top-level object with a
    /// features array and nothing unusual was seen.
    pub fn finish(self) -> Result<Vec<u8>, Unusual> {
        match self.state {
            State::End if self.features_at.is_some() => Ok(self.skeleton),
            State::End => Err(Unusual("no \"features\" array at the top level")),
            State::Bom(_) | State::Start => Err(Unusual("no top-level object")),
            _ => Err(Unusual("the file ends inside the top-level object")),
        }
    }

    /// One byte; true when it finished an element.
    fn byte(&mut self, b: u8, out: &mut Batch) -> Result<bool, Unusual> {
        match self.state {
            State::Bom(seen) => {
                if seen == 0 && b != BOM[0] {
                    self.state = State::Start;
                    return self.byte(b, out);
                }
                if b != BOM[seen] {
                    return Err(Unusual("a broken byte order mark"));
                }
                if seen + 1 == BOM.len() {
                    self.bom = true;
                    self.state = State::Start;
                } else {
                    self.state = State::Bom(seen + 1);
                }
            }
            State::Start => {
                self.skeleton.push(b);
                if b == b'{' {
                    self.state = State::Top;
                    self.depth = 1;
                    self.expect_key = true;
                } else if !is_space(b) {
                    return Err(Unusual("the top-level value is not an object"));
                }
            }
            State::Top => self.top(b)?,
            State::FeaturesKey => {
                self.skeleton.push(b);
                if b == b':' {
                    self.state = State::FeaturesColon;
                } else if !is_space(b) {
                    return Err(Unusual("no colon after \"features\""));
                }
            }
            State::FeaturesColon => {
                self.skeleton.push(b);
                if b == b'[' {
                    self.features_at = Some(self.skeleton.len());
                    self.state = State::BeforeElement { first: true };
                } else if !is_space(b) {
                    return Err(Unusual("\"features\" is not an array"));
                }
            }
            State::BeforeElement { first } => match b {
                _ if is_space(b) => {}
                b']' if first => self.close_array(),
                b']' => return Err(Unusual("a comma before the end of the features array")),
                b',' => return Err(Unusual("a comma where a feature should be")),
                _ => {
                    self.element.clear();
                    self.element.push(b);
                    let kind = match b {
                        b'{' | b'[' => Element::Nested { depth: 1 },
                        b'"' => Element::Text,
                        _ => Element::Scalar,
                    };
                    self.in_string = kind == Element::Text;
                    self.escaped = false;
                    self.state = State::Element(kind);
                }
            },
            State::Element(kind) => return self.element_byte(kind, b, out),
            State::AfterElement => match b {
                _ if is_space(b) => {}
                b',' => self.state = State::BeforeElement { first: false },
                b']' => self.close_array(),
                _ => return Err(Unusual("no comma between two features")),
            },
            State::End => {
                if !is_space(b) {
                    return Err(Unusual("bytes after the top-level object"));
                }
            }
        }
        Ok(false)
    }

    /// A byte of the top-level object outside the features array.
    fn top(&mut self, b: u8) -> Result<(), Unusual> {
        self.skeleton.push(b);
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                if self.key_start.is_some() {
                    // serde would read the escape; a name such as "feat\u0075res" is rare
                    // enough to read the whole file instead.
                    return Err(Unusual("an escaped member name at the top level"));
                }
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                if let Some(start) = self.key_start.take() {
                    let end = self.skeleton.len() - 1;
                    if self.skeleton.get(start..end) == Some(b"features".as_slice()) {
                        if self.features_at.is_some() {
                            return Err(Unusual("two \"features\" members"));
                        }
                        self.state = State::FeaturesKey;
                    }
                }
            }
            return Ok(());
        }
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.expect_key {
                    self.key_start = Some(self.skeleton.len());
                    self.expect_key = false;
                }
            }
            b',' if self.depth == 1 => self.expect_key = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth -= 1;
                if self.depth == 0 {
                    self.state = State::End;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn element_byte(&mut self, kind: Element, b: u8, out: &mut Batch) -> Result<bool, Unusual> {
        if kind == Element::Scalar && (is_space(b) || b == b',' || b == b']') {
            self.end_element(out);
            // The byte that ended the scalar belongs to the array.
            self.byte(b, out)?;
            return Ok(true);
        }
        self.element.push(b);
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                if kind == Element::Text {
                    self.end_element(out);
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Element::Nested { depth } = kind {
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.state = State::Element(Element::Nested { depth: depth + 1 }),
                b'}' | b']' if depth == 1 => {
                    self.end_element(out);
                    return Ok(true);
                }
                b'}' | b']' => self.state = State::Element(Element::Nested { depth: depth - 1 }),
                _ => {}
            }
        }
        Ok(false)
    }

    fn end_element(&mut self, out: &mut Batch) {
        // A copy of the exact size: the buffer grown byte by byte has up to twice the room,
        // and thousands of elements wait together for their batch.
        out.push(self.element.as_slice().to_vec());
        self.element.clear();
        self.state = State::AfterElement;
    }

    /// The features array's `]`: back to the other members of the top-level object.
    fn close_array(&mut self) {
        self.skeleton.push(b']');
        self.state = State::Top;
        self.expect_key = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scans `text` in blocks of `block` bytes: the elements as text, and the skeleton.
    fn cut(text: &str, block: usize) -> Result<(Vec<String>, String), Unusual> {
        let mut scanner = Scanner::new();
        let mut out = Batch::new(2, 20);
        let mut elements = Vec::new();
        for chunk in text.as_bytes().chunks(block) {
            let mut at = 0;
            while at < chunk.len() {
                at += scanner.scan(&chunk[at..], &mut out)?;
                assert!(out.elements.len() <= 2);
                elements.extend(out.take());
            }
        }
        let skeleton = scanner.finish()?;
        let elements = elements
            .into_iter()
            .map(|e| String::from_utf8(e).unwrap_or_default())
            .collect();
        Ok((elements, String::from_utf8(skeleton).unwrap_or_default()))
    }

    #[test]
    fn strings_with_brackets_commas_and_escapes_stay_inside_their_feature() {
        let text = r#" {"type":"FeatureCollection","name":"a ] } , \" [","features": [
            {"type":"Feature","properties":{"n":"x ] } , { [ \" \\"},"geometry":null} ,
            "a string ] with \" and \\",
            12.5e3 , null,true
            ,[1,[2,{"a":"]"}]]
        ] , "bbox" : [1,2,3,4]}
        "#;
        let expected = vec![
            r#"{"type":"Feature","properties":{"n":"x ] } , { [ \" \\"},"geometry":null}"#,
            r#""a string ] with \" and \\""#,
            "12.5e3",
            "null",
            "true",
            r#"[1,[2,{"a":"]"}]]"#,
        ];
        let skeleton = r#" {"type":"FeatureCollection","name":"a ] } , \" [","features": []"#;
        for block in [1, 2, 3, 7, 64, 4096] {
            let (elements, skel) = cut(text, block).expect("cut");
            assert_eq!(elements, expected, "block {block}");
            assert!(skel.starts_with(skeleton), "{skel}");
            assert!(
                skel.trim_end().ends_with(r#""bbox" : [1,2,3,4]}"#),
                "{skel}"
            );
        }
    }

    #[test]
    fn provisional_skeleton_closes_what_came_before_the_features() {
        let text = r#"{"crs":{"type":"name"},"features":[{"a":1},{"b":2}],"bbox":[0,0,1,1]}"#;
        let mut scanner = Scanner::new();
        let mut out = Batch::new(1, 1000);
        let used = scanner.scan(text.as_bytes(), &mut out).expect("scan");
        assert_eq!(
            &text[..used],
            r#"{"crs":{"type":"name"},"features":[{"a":1}"#
        );
        let provisional = scanner.provisional_skeleton().unwrap_or_default();
        assert_eq!(provisional, br#"{"crs":{"type":"name"},"features":[]}"#);
        scanner
            .scan(&text.as_bytes()[used..], &mut Batch::new(10, 1000))
            .expect("scan");
        assert_eq!(out.elements.len(), 1);
        assert_eq!(
            scanner.finish().unwrap_or_default(),
            br#"{"crs":{"type":"name"},"features":[],"bbox":[0,0,1,1]}"#
        );
    }

    #[test]
    fn a_byte_order_mark_is_noted_and_left_out() {
        let mut scanner = Scanner::new();
        let mut out = Batch::new(10, 1000);
        for b in b"\xEF\xBB\xBF{\"features\":[]}" {
            scanner.scan(&[*b], &mut out).expect("scan");
        }
        assert!(scanner.bom);
        assert_eq!(scanner.finish().unwrap_or_default(), b"{\"features\":[]}");
        let mut broken = Scanner::new();
        assert!(broken.scan(b"\xEF\xBB{}", &mut out).is_err());
    }

    #[test]
    fn empty_features_array() {
        let (elements, skeleton) =
            cut(r#"{"type":"FeatureCollection","features":[ ]}"#, 7).expect("cut");
        assert!(elements.is_empty());
        assert_eq!(skeleton, r#"{"type":"FeatureCollection","features":[]}"#);
    }

    #[test]
    fn unusual_shapes_give_up() {
        let unusual = [
            "",
            "   ",
            "[1,2]",
            r#"{"type":"Feature","geometry":null}"#,
            r#"{"features":{}}"#,
            r#"{"features":[1 2]}"#,
            r#"{"features":[,]}"#,
            r#"{"features":[1,]}"#,
            r#"{"features":[1,,2]}"#,
            r#"{"features":[{"a":1}"#,
            r#"{"features":[]} x"#,
            r#"{"features":[]}{}"#,
            r#"{"features":[],"features":[]}"#,
            r#"{"feat\u0075res":[]}"#,
            "\u{feff}\u{feff}{\"features\":[]}",
        ];
        for text in unusual {
            assert!(cut(text, 3).is_err(), "{text:?} accepted");
        }
    }

    #[test]
    fn nested_features_members_are_not_the_top_level_array() {
        let (elements, skeleton) = cut(
            r#"{"extra":{"features":[1,2]},"list":["features",[3]],"features":[4]}"#,
            5,
        )
        .expect("cut");
        assert_eq!(elements, vec!["4"]);
        assert_eq!(
            skeleton,
            r#"{"extra":{"features":[1,2]},"list":["features",[3]],"features":[]}"#
        );
    }
}
