//! Unicode lowercasing, the same as the standard library's `str::to_lowercase` for every
//! string, with tables of our own.
//!
//! The standard library's mapping is a table of 1,434 `(char, char)` pairs, 11.7 KB that
//! compressed to 5.3 KB of the wasm's gzip, plus 4 KB of code; the engine lowercases text to
//! match words. Here the same mapping is 184 runs (a first character, a step of 1 or 2, a
//! count, an offset; Latin, Greek and Cyrillic capitals mostly come in such runs), and the two
//! properties the final-sigma rule asks (`Case_Ignorable`, `Cased`) are where their runs of
//! characters start and end, as varints, searched one after the other: they are asked only
//! around a `Σ`. 2.8 KB in all (2026-12-05, session 11).
//!
//! The tables were generated from the standard library itself (the test
//! `the_tables_are_the_standard_librarys_lowercasing` builds them again and prints them when
//! they differ), and the tests check every character, and the final sigma beside every
//! character, against `str::to_lowercase`: a toolchain with a newer Unicode fails them until
//! the tables are printed again.

/// `s.to_lowercase()`.
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    // ASCII is copied by runs and lowercased in place.
    let mut ascii_from = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            continue;
        }
        push_ascii_lowercase(&mut out, &s[ascii_from..i]);
        ascii_from = i + c.len_utf8();
        match c {
            'Σ' => out.push(if is_final_sigma(s, i) { 'ς' } else { 'σ' }),
            '\u{130}' => out.push_str("i\u{307}"),
            c => out.push(lowercase_char(c)),
        }
    }
    push_ascii_lowercase(&mut out, &s[ascii_from..]);
    out
}

fn push_ascii_lowercase(out: &mut String, ascii: &str) {
    if ascii.is_empty() {
        return;
    }
    let from = out.len();
    out.push_str(ascii);
    out[from..].make_ascii_lowercase();
}

/// The one character a non-ASCII `c` lowercases to (all but `İ`, which `lowercase` maps).
fn lowercase_char(c: char) -> char {
    let u = c as u32;
    let i = RUNS.partition_point(|&(run, _)| run & 0x1F_FFFF <= u);
    let Some(&(run, offset)) = RUNS.get(i.wrapping_sub(1)) else {
        return c;
    };
    let halve = run >> 21 & 1; // a step of 2
    let at = u - (run & 0x1F_FFFF);
    if at & halve == 0 && at >> halve <= run >> 22 {
        char::from_u32(u.wrapping_add_signed(offset)).unwrap_or(c)
    } else {
        c
    }
}

/// Unicode's `Final_Sigma` for the `Σ` at byte `i` of `s`, as the standard library has it: after
/// a cased character and not before one, case-ignorable characters skipped.
fn is_final_sigma(s: &str, i: usize) -> bool {
    let cased = |c: Option<char>| c.is_some_and(|c| in_set(&CASED, c));
    let not_ignorable = |c: &char| !in_set(&CASE_IGNORABLE, *c);
    cased(s[..i].chars().rev().find(not_ignorable))
        && !cased(s[i + 'Σ'.len_utf8()..].chars().find(not_ignorable))
}

/// True when `c` is in `set`: the lengths of the runs of characters out of it and in it,
/// alternating from U+0000, as varints (7 bits a byte, low first, the high bit for more).
fn in_set(set: &[u8], c: char) -> bool {
    let u = c as u32;
    let (mut end, mut inside, mut n, mut shift) = (0u32, false, 0u32, 0);
    for &b in set {
        n |= u32::from(b & 0x7F) << shift;
        shift += 7;
        if b < 0x80 {
            end += n;
            if u < end {
                return inside;
            }
            inside = !inside;
            (n, shift) = (0, 0);
        }
    }
    false
}

/// The one-character mappings outside ASCII as runs: the first character (bits 0-20), a step of
/// 2 instead of 1 (bit 21), the count less one (bits 22-31); then the offset to add.
const RUNS: [(u32, i32); 184] = [
    (0x58000c0, 32),
    (0x18000d8, 32),
    (0x5e00100, 1),
    (0xa00132, 1),
    (0x1e00139, 1),
    (0x5a0014a, 1),
    (0x178, -121),
    (0xa00179, 1),
    (0x181, 210),
    (0x600182, 1),
    (0x186, 206),
    (0x187, 1),
    (0x400189, 205),
    (0x18b, 1),
    (0x18e, 79),
    (0x18f, 202),
    (0x190, 203),
    (0x191, 1),
    (0x193, 205),
    (0x194, 207),
    (0x196, 211),
    (0x197, 209),
    (0x198, 1),
    (0x19c, 211),
    (0x19d, 213),
    (0x19f, 214),
    (0xa001a0, 1),
    (0x1a6, 218),
    (0x1a7, 1),
    (0x1a9, 218),
    (0x1ac, 1),
    (0x1ae, 218),
    (0x1af, 1),
    (0x4001b1, 217),
    (0x6001b3, 1),
    (0x1b7, 219),
    (0x1b8, 1),
    (0x1bc, 1),
    (0x1c4, 2),
    (0x1c5, 1),
    (0x1c7, 2),
    (0x1c8, 1),
    (0x1ca, 2),
    (0x22001cb, 1),
    (0x22001de, 1),
    (0x1f1, 2),
    (0x6001f2, 1),
    (0x1f6, -97),
    (0x1f7, -56),
    (0x4e001f8, 1),
    (0x220, -130),
    (0x2200222, 1),
    (0x23a, 10795),
    (0x23b, 1),
    (0x23d, -163),
    (0x23e, 10792),
    (0x241, 1),
    (0x243, -195),
    (0x244, 69),
    (0x245, 71),
    (0x1200246, 1),
    (0x600370, 1),
    (0x376, 1),
    (0x37f, 116),
    (0x386, 38),
    (0x800388, 37),
    (0x38c, 64),
    (0x40038e, 63),
    (0x4000391, 32),
    (0x1c003a4, 32),
    (0x3cf, 8),
    (0x2e003d8, 1),
    (0x3f4, -60),
    (0x3f7, 1),
    (0x3f9, -7),
    (0x3fa, 1),
    (0x8003fd, -130),
    (0x3c00400, 80),
    (0x7c00410, 32),
    (0x4200460, 1),
    (0x6a0048a, 1),
    (0x4c0, 15),
    (0x1a004c1, 1),
    (0xbe004d0, 1),
    (0x9400531, 48),
    (0x94010a0, 7264),
    (0x10c7, 7264),
    (0x10cd, 7264),
    (0x13c013a0, 38864),
    (0x14013f0, 8),
    (0x1c89, 1),
    (0xa801c90, -3008),
    (0x801cbd, -3008),
    (0x12a01e00, 1),
    (0x1e9e, -7615),
    (0xbe01ea0, 1),
    (0x1c01f08, -8),
    (0x1401f18, -8),
    (0x1c01f28, -8),
    (0x1c01f38, -8),
    (0x1401f48, -8),
    (0xe01f59, -8),
    (0x1c01f68, -8),
    (0x1c01f88, -8),
    (0x1c01f98, -8),
    (0x1c01fa8, -8),
    (0x401fb8, -8),
    (0x401fba, -74),
    (0x1fbc, -9),
    (0xc01fc8, -86),
    (0x1fcc, -9),
    (0x401fd8, -8),
    (0x401fda, -100),
    (0x401fe8, -8),
    (0x401fea, -112),
    (0x1fec, -7),
    (0x401ff8, -128),
    (0x401ffa, -126),
    (0x1ffc, -9),
    (0x2126, -7517),
    (0x212a, -8383),
    (0x212b, -8262),
    (0x2132, 28),
    (0x3c02160, 16),
    (0x2183, 1),
    (0x64024b6, 26),
    (0xbc02c00, 48),
    (0x2c60, 1),
    (0x2c62, -10743),
    (0x2c63, -3814),
    (0x2c64, -10727),
    (0xa02c67, 1),
    (0x2c6d, -10780),
    (0x2c6e, -10749),
    (0x2c6f, -10783),
    (0x2c70, -10782),
    (0x2c72, 1),
    (0x2c75, 1),
    (0x402c7e, -10815),
    (0xc602c80, 1),
    (0x602ceb, 1),
    (0x2cf2, 1),
    (0x5a0a640, 1),
    (0x360a680, 1),
    (0x1a0a722, 1),
    (0x7a0a732, 1),
    (0x60a779, 1),
    (0xa77d, -35332),
    (0x120a77e, 1),
    (0xa78b, 1),
    (0xa78d, -42280),
    (0x60a790, 1),
    (0x260a796, 1),
    (0xa7aa, -42308),
    (0xa7ab, -42319),
    (0xa7ac, -42315),
    (0xa7ad, -42305),
    (0xa7ae, -42308),
    (0xa7b0, -42258),
    (0xa7b1, -42282),
    (0xa7b2, -42261),
    (0xa7b3, 928),
    (0x1e0a7b4, 1),
    (0xa7c4, -48),
    (0xa7c5, -42307),
    (0xa7c6, -35384),
    (0x60a7c7, 1),
    (0xa7cb, -42343),
    (0x1e0a7cc, 1),
    (0xa7dc, -42561),
    (0xa7f5, 1),
    (0x640ff21, 32),
    (0x9c10400, 40),
    (0x8c104b0, 40),
    (0x2810570, 39),
    (0x381057c, 39),
    (0x181058c, 39),
    (0x410594, 39),
    (0xc810c80, 64),
    (0x5410d50, 32),
    (0x7c118a0, 32),
    (0x7c16e40, 32),
    (0x6016ea0, 27),
    (0x841e900, 34),
];

/// `Case_Ignorable` (as the standard library's final-sigma rule asks it), for [`in_set`].
const CASE_IGNORABLE: [u8; 987] = [
    39, 1, 6, 1, 11, 1, 35, 1, 1, 1, 71, 1, 4, 1, 1, 1, 4, 1, 2, 2, 247, 3, 192, 1, 4, 2, 4, 1, 9,
    2, 1, 1, 251, 1, 7, 207, 1, 1, 5, 1, 49, 45, 1, 1, 1, 2, 1, 2, 1, 1, 44, 1, 11, 6, 10, 11, 1,
    1, 35, 1, 10, 21, 16, 1, 101, 8, 1, 10, 1, 4, 33, 1, 1, 1, 30, 27, 91, 11, 58, 11, 4, 1, 2, 1,
    24, 24, 43, 3, 44, 1, 7, 2, 5, 9, 41, 58, 55, 1, 1, 1, 4, 8, 4, 1, 3, 7, 10, 2, 13, 1, 15, 1,
    58, 1, 4, 4, 8, 1, 20, 2, 26, 1, 2, 2, 57, 1, 4, 2, 4, 2, 2, 3, 3, 1, 30, 2, 3, 1, 11, 2, 57,
    1, 4, 5, 1, 2, 4, 1, 20, 2, 22, 6, 1, 1, 58, 1, 2, 1, 1, 4, 8, 1, 7, 2, 11, 2, 30, 1, 61, 1,
    12, 1, 50, 1, 3, 1, 55, 1, 1, 3, 5, 3, 1, 4, 7, 2, 11, 2, 29, 1, 58, 1, 2, 1, 6, 1, 5, 2, 20,
    2, 28, 2, 57, 2, 4, 4, 8, 1, 20, 2, 29, 1, 72, 1, 7, 3, 1, 1, 90, 1, 2, 7, 11, 9, 98, 1, 2, 9,
    9, 1, 1, 7, 73, 2, 27, 1, 1, 1, 1, 1, 55, 14, 1, 5, 1, 2, 5, 11, 1, 36, 9, 1, 102, 4, 1, 6, 1,
    2, 2, 2, 25, 2, 4, 3, 16, 4, 13, 1, 2, 2, 6, 1, 15, 1, 94, 1, 224, 4, 3, 178, 7, 3, 29, 2, 30,
    2, 30, 2, 64, 2, 1, 7, 8, 1, 2, 11, 3, 1, 5, 1, 45, 5, 51, 1, 65, 2, 34, 1, 118, 3, 4, 2, 9, 1,
    6, 3, 219, 1, 2, 2, 1, 58, 1, 1, 7, 1, 1, 1, 1, 2, 8, 6, 10, 2, 1, 39, 1, 8, 46, 2, 12, 20, 4,
    48, 1, 1, 5, 1, 1, 5, 1, 40, 9, 12, 2, 32, 4, 2, 2, 1, 3, 56, 1, 1, 2, 3, 1, 1, 3, 58, 8, 2, 2,
    64, 6, 82, 3, 1, 13, 1, 7, 4, 1, 6, 1, 3, 2, 50, 63, 13, 1, 34, 101, 189, 3, 1, 1, 3, 11, 3,
    13, 3, 13, 3, 13, 2, 12, 5, 8, 2, 10, 1, 2, 1, 2, 5, 49, 5, 1, 10, 1, 1, 13, 1, 16, 13, 51, 33,
    139, 23, 2, 113, 3, 125, 1, 15, 1, 96, 32, 47, 1, 213, 3, 1, 36, 4, 3, 5, 5, 1, 93, 6, 93, 3,
    150, 222, 1, 1, 226, 9, 6, 142, 2, 1, 98, 4, 1, 10, 1, 1, 28, 4, 80, 2, 14, 34, 78, 1, 23, 3,
    102, 4, 3, 2, 8, 1, 3, 1, 4, 1, 25, 2, 5, 1, 151, 1, 2, 26, 18, 13, 1, 38, 8, 25, 11, 46, 3,
    48, 1, 2, 4, 2, 2, 17, 1, 21, 2, 66, 6, 2, 2, 2, 2, 12, 1, 8, 1, 35, 1, 11, 1, 51, 1, 1, 3, 2,
    2, 5, 2, 1, 1, 27, 1, 14, 2, 5, 2, 1, 1, 100, 5, 9, 3, 121, 1, 2, 1, 4, 1, 176, 158, 1, 1, 147,
    1, 17, 189, 4, 16, 3, 1, 12, 16, 34, 1, 2, 1, 169, 1, 1, 7, 1, 6, 1, 11, 1, 35, 1, 1, 1, 47, 1,
    45, 2, 67, 1, 21, 3, 129, 4, 1, 226, 1, 1, 149, 1, 5, 133, 8, 6, 1, 42, 1, 9, 198, 4, 3, 1, 2,
    5, 4, 40, 3, 4, 1, 165, 1, 2, 189, 4, 4, 38, 1, 26, 5, 1, 1, 187, 2, 2, 24, 1, 52, 6, 70, 11,
    49, 4, 123, 1, 54, 15, 41, 1, 2, 2, 10, 3, 49, 4, 2, 2, 2, 1, 4, 1, 10, 1, 50, 3, 36, 5, 1, 8,
    62, 1, 12, 2, 52, 9, 10, 4, 2, 1, 95, 3, 2, 1, 1, 2, 6, 1, 2, 1, 157, 1, 1, 3, 8, 21, 2, 57, 2,
    3, 1, 37, 7, 3, 5, 70, 6, 13, 1, 1, 1, 1, 1, 14, 2, 85, 8, 2, 3, 1, 1, 23, 1, 84, 6, 1, 1, 4,
    2, 1, 2, 238, 1, 4, 6, 2, 1, 2, 27, 2, 85, 8, 2, 1, 1, 2, 106, 1, 1, 1, 2, 6, 1, 1, 101, 1, 1,
    1, 2, 4, 1, 5, 131, 2, 9, 1, 2, 128, 2, 2, 1, 1, 4, 1, 144, 1, 4, 2, 2, 4, 1, 32, 10, 40, 6, 2,
    4, 8, 1, 9, 6, 2, 3, 46, 13, 1, 2, 198, 1, 1, 1, 3, 1, 1, 201, 1, 7, 1, 6, 1, 1, 82, 22, 2, 7,
    1, 2, 1, 2, 122, 6, 3, 1, 1, 2, 1, 7, 1, 1, 72, 2, 3, 1, 1, 1, 65, 1, 153, 2, 2, 11, 2, 52, 5,
    5, 1, 1, 1, 23, 1, 213, 41, 17, 6, 15, 200, 89, 12, 3, 3, 192, 19, 5, 59, 7, 9, 4, 252, 3, 3,
    40, 2, 226, 3, 1, 63, 17, 64, 2, 1, 2, 13, 2, 252, 127, 4, 1, 7, 1, 2, 158, 25, 2, 1, 4, 220,
    36, 46, 2, 23, 160, 4, 3, 9, 16, 2, 7, 30, 4, 148, 1, 3, 187, 15, 55, 4, 50, 8, 1, 14, 1, 22,
    5, 1, 15, 208, 10, 7, 1, 17, 2, 7, 1, 2, 1, 5, 5, 62, 33, 1, 160, 1, 14, 240, 2, 1, 61, 4, 251,
    3, 5, 254, 1, 2, 243, 1, 1, 2, 1, 7, 2, 5, 1, 9, 1, 208, 3, 7, 109, 8, 175, 21, 5, 129, 152,
    48, 1, 30, 96, 128, 1, 240, 1,
];

/// `Cased`, but for the characters that are also `Case_Ignorable` (the rule skips those), for
/// [`in_set`].
const CASED: [u8; 332] = [
    65, 26, 6, 26, 47, 1, 10, 1, 4, 1, 5, 23, 1, 31, 1, 195, 1, 1, 4, 4, 208, 1, 2, 26, 192, 1, 4,
    2, 2, 3, 3, 1, 1, 6, 1, 1, 3, 1, 1, 1, 20, 1, 83, 1, 139, 1, 8, 166, 1, 1, 38, 9, 41, 151, 22,
    38, 1, 1, 5, 1, 2, 43, 2, 3, 160, 5, 86, 2, 6, 130, 17, 11, 5, 43, 2, 3, 64, 44, 63, 13, 1, 34,
    101, 150, 2, 2, 6, 2, 38, 2, 6, 2, 8, 1, 1, 1, 1, 1, 1, 1, 31, 2, 53, 1, 7, 1, 1, 3, 3, 1, 7,
    3, 4, 2, 6, 4, 13, 5, 3, 1, 7, 133, 2, 1, 4, 1, 2, 10, 1, 1, 3, 5, 6, 1, 1, 1, 1, 1, 1, 4, 1,
    6, 4, 1, 2, 4, 5, 5, 4, 1, 17, 32, 3, 2, 177, 6, 52, 150, 14, 124, 2, 103, 6, 4, 3, 2, 12, 38,
    1, 1, 5, 1, 146, 242, 1, 46, 18, 28, 134, 1, 78, 1, 23, 3, 4, 1, 77, 24, 2, 3, 1, 181, 6, 43,
    5, 9, 7, 80, 192, 158, 1, 7, 12, 5, 137, 8, 26, 6, 26, 165, 9, 80, 96, 36, 4, 36, 116, 11, 1,
    15, 1, 7, 1, 2, 1, 11, 1, 15, 1, 7, 1, 2, 195, 13, 51, 13, 51, 93, 22, 10, 22, 154, 22, 64,
    224, 170, 1, 64, 32, 25, 2, 25, 172, 202, 1, 85, 1, 71, 1, 2, 2, 1, 2, 2, 2, 4, 1, 12, 1, 1, 1,
    7, 1, 65, 1, 4, 2, 8, 1, 7, 1, 28, 1, 4, 1, 5, 1, 1, 3, 7, 1, 212, 2, 2, 25, 1, 25, 1, 31, 1,
    25, 1, 31, 1, 25, 1, 31, 1, 25, 1, 31, 1, 25, 1, 8, 180, 14, 10, 1, 20, 6, 6, 213, 19, 68, 236,
    15, 26, 6, 26, 6, 26,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_lowercases_as_the_standard_librarys() {
        let mut s = String::new();
        for c in chars() {
            s.clear();
            s.push(c);
            assert_eq!(lowercase(&s), s.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_sigma_beside_every_character_is_final_as_the_standard_librarys() {
        for c in chars() {
            for s in [
                format!("{c}Σ"),
                format!("A{c}Σ"),
                format!("AΣ{c}"),
                format!("AΣ{c}b"),
                format!("Σ{c}Σ{c}"),
                format!("Ab{c}{c}Σ{c}{c} Σ{c}."),
            ] {
                assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    #[test]
    fn mixed_texts_lowercase_as_the_standard_librarys() {
        for s in [
            "",
            "ASCII ONLY, Mostly: 123",
            "ΟΔΟΣ ΟΔΟΣ. ΣΑΣ Σ ΑΣ' ΑΣ\u{301} ΑΣ\u{301}Β",
            "Ärger über İstanbul und ΣΟΦΙΑΣ, Ꭰ Ａｂｃ 𐐀𐐁 Ǆǅǆ ẞ",
            "ǅΣ ᾼΣ ΑΣ\u{345} \u{345}Σ A\u{345}Σ",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    /// The tables above are what the standard library's own lowercasing gives: on a toolchain
    /// with a newer Unicode this fails and prints the tables to paste in their place.
    #[test]
    fn the_tables_are_the_standard_librarys_lowercasing() {
        let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // first, step, count, offset
        for c in chars().filter(|c| !c.is_ascii() && !matches!(c, 'Σ' | '\u{130}')) {
            let lower: Vec<char> = c.to_lowercase().collect();
            assert_eq!(lower.len(), 1, "U+{:04X}", c as u32);
            let (u, offset) = (c as u32, i64::from(lower[0] as u32) - i64::from(c as u32));
            if offset == 0 {
                continue;
            }
            if let Some(r) = runs.last_mut() {
                let last = r.0 + (r.2 - 1) * r.1;
                let step_fits = if r.2 == 1 {
                    u - last <= 2
                } else {
                    u - last == r.1
                };
                if r.3 == offset && step_fits && r.2 < 1024 {
                    r.1 = u - last;
                    r.2 += 1;
                    continue;
                }
            }
            runs.push((u, 1, 1, offset));
        }
        let packed: Vec<(u32, i32)> = runs
            .iter()
            .map(|&(first, step, count, offset)| {
                (
                    first | u32::from(step == 2) << 21 | (count - 1) << 22,
                    offset as i32,
                )
            })
            .collect();
        let words: Vec<String> = packed
            .iter()
            .map(|(run, offset)| format!("({run:#x}, {offset})"))
            .collect();
        assert_eq!(
            packed,
            RUNS,
            "const RUNS: [(u32, i32); {}] = [{}];",
            runs.len(),
            words.join(", ")
        );
        // The final sigma after `c` tells `Cased` (not ignorable); after `A` and `c`, ignorable.
        let is_final = |s: String| s.to_lowercase().contains('ς');
        let sets: [(&str, &dyn Fn(char) -> bool); 2] = [
            ("CASE_IGNORABLE", &|c| {
                !is_final(format!("{c}Σ")) && is_final(format!("A{c}Σ"))
            }),
            ("CASED", &|c| is_final(format!("{c}Σ"))),
        ];
        let committed: [&[u8]; 2] = [&CASE_IGNORABLE, &CASED];
        for ((name, is_in), table) in sets.into_iter().zip(committed) {
            let (mut bytes, mut from, mut inside) = (Vec::new(), 0u32, false);
            for u in 0..=0x11_0000u32 {
                if char::from_u32(u).is_some_and(is_in) != inside {
                    let mut n = u - from;
                    while n >= 0x80 {
                        bytes.push((n & 0x7F) as u8 | 0x80);
                        n >>= 7;
                    }
                    bytes.push(n as u8);
                    (from, inside) = (u, !inside);
                }
            }
            assert_eq!(
                bytes,
                table,
                "const {name}: [u8; {}] = {bytes:?};",
                bytes.len()
            );
        }
    }
}
