//! Inputs for the property tests (tests/fuzzed_readers.rs): seed files, mutations of them, and
//! WKB geometries written by hand (little- and big-endian, 2-D and 3-D).

#![allow(dead_code)]

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::sample::Index;

/// The files of `folders` (under the crate) whose extension is in `extensions`, sorted by name.
pub fn seeds(folders: &[&str], extensions: &[&str]) -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = folders
        .iter()
        .flat_map(|f| {
            std::fs::read_dir(root.join(f))
                .unwrap_or_else(|e| panic!("seed folder {f}: {e}"))
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("seed {}: {e}", p.display())))
        .collect()
}

/// Bytes that matter to the readers, inserted by [`Mutation::Token`].
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"null",
    b"true",
    b"1e400",
    b"-1e400",
    b"NaN",
    b"Infinity",
    b"-0",
    b"1.7976931348623157e308",
    b"\"type\"",
    b"\"coordinates\"",
    b"\"features\"",
    b"\"geometry\"",
    b"\"properties\"",
    b"\"crs\"",
    b"\"Polygon\"",
    b"\"MultiPolygon\"",
    b"\"GeometryCollection\"",
    b"\"Feature\"",
    b"\"FeatureCollection\"",
    b";",
    b"\n",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe9",
    b"\xc3",
    b"[[[[[[[[[[[[[[[[",
    b"]]]]]]]]",
    b"EPSG:2154",
    b"\x00",
    b"\x01\x03\x00\x00\x00",
    b"\xff\xff\xff\xff",
];

/// One change to an input; positions are fractions of its length.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// Flip some bits of a byte.
    Flip(Index, u8),
    /// Put a byte in.
    Insert(Index, u8),
    /// Take up to `len` bytes out.
    Delete(Index, u8),
    /// Repeat up to `len` bytes in place.
    Repeat(Index, u8),
    /// Put a token of [`TOKENS`] in.
    Token(Index, Index),
    /// Cut the input here.
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, b)| Mutation::Flip(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), 1u8..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<Index>(), 1u8..64).prop_map(|(i, n)| Mutation::Repeat(i, n)),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Token(i, t)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// One to eight changes.
pub fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..8)
}

/// `seed` with the changes made, in order.
pub fn mutate(seed: &[u8], changes: &[Mutation]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for change in changes {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
        match change {
            Mutation::Flip(i, bits) => {
                if !out.is_empty() {
                    let p = at(i, out.len());
                    out[p] ^= bits;
                }
            }
            Mutation::Insert(i, b) => {
                let p = at(i, out.len() + 1);
                out.insert(p, *b);
            }
            Mutation::Delete(i, n) => {
                let p = at(i, out.len());
                let end = (p + usize::from(*n)).min(out.len());
                out.drain(p..end);
            }
            Mutation::Repeat(i, n) => {
                let p = at(i, out.len());
                let end = (p + usize::from(*n)).min(out.len());
                let piece = out[p..end].to_vec();
                out.splice(p..p, piece);
            }
            Mutation::Token(i, t) => {
                let p = at(i, out.len() + 1);
                let token = TOKENS[t.index(TOKENS.len())];
                out.splice(p..p, token.iter().copied());
            }
            Mutation::Truncate(i) => {
                let p = at(i, out.len() + 1);
                out.truncate(p);
            }
        }
    }
    out
}

/// WKB writer for the tests: byte order, then type (with the ISO 1000s for Z), then the body.
struct Wkb {
    out: Vec<u8>,
    big: bool,
}

impl Wkb {
    fn u32(&mut self, v: u32) {
        let b = if self.big {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.out.extend_from_slice(&b);
    }
    fn f64(&mut self, v: f64) {
        let b = if self.big {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.out.extend_from_slice(&b);
    }
    fn header(&mut self, kind: u32, z: bool) {
        self.out.push(if self.big { 0 } else { 1 });
        self.u32(kind + if z { 1000 } else { 0 });
    }
    fn coords(&mut self, c: &[(f64, f64)], z: bool) {
        self.u32(c.len() as u32);
        for &(x, y) in c {
            self.f64(x);
            self.f64(y);
            if z {
                self.f64(12.5);
            }
        }
    }
    fn polygon(&mut self, rings: &[Vec<(f64, f64)>], z: bool) {
        self.header(3, z);
        self.u32(rings.len() as u32);
        for r in rings {
            self.coords(r, z);
        }
    }
}

fn wkb_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 4.9f64..5.2,
        4 => 47.2f64..47.45,
        2 => 800_000f64..900_000.0,
        2 => 6_650_000f64..6_750_000.0,
        1 => any::<f64>(),
        1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, 0.0]),
    ]
}

fn wkb_ring() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((wkb_number(), wkb_number()), 0..8).prop_map(|mut r| {
        if r.len() > 2 && r.len() % 3 != 0 {
            r.push(r[0]);
        }
        r
    })
}

/// A WKB Point, Polygon, MultiPolygon or GeometryCollection with odd coordinates.
pub fn wkb_geometry() -> impl Strategy<Value = Vec<u8>> {
    let rings = prop::collection::vec(wkb_ring(), 0..3);
    (
        any::<bool>(),
        any::<bool>(),
        0u8..4,
        prop::collection::vec(rings, 1..4),
    )
        .prop_map(|(big, z, kind, polygons)| {
            let mut w = Wkb {
                out: Vec::new(),
                big,
            };
            match kind {
                0 => {
                    w.header(1, z);
                    let (x, y) = polygons
                        .first()
                        .and_then(|p| p.first())
                        .and_then(|r| r.first())
                        .copied()
                        .unwrap_or((5.0, 47.3));
                    w.f64(x);
                    w.f64(y);
                    if z {
                        w.f64(0.0);
                    }
                }
                1 => w.polygon(&polygons[0], z),
                2 => {
                    w.header(6, z);
                    w.u32(polygons.len() as u32);
                    for p in &polygons {
                        w.polygon(p, z);
                    }
                }
                _ => {
                    w.header(7, z);
                    w.u32(polygons.len() as u32);
                    for p in &polygons {
                        w.polygon(p, z);
                    }
                }
            }
            w.out
        })
}
