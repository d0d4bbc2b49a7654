//! Text encodings: a byte order mark decides; otherwise ASCII with a zero byte beside every
//! character is UTF-16, valid UTF-8 is UTF-8 (and is not copied), and anything else is read as
//! Windows-1252, what Excel on Windows writes.

use super::ImportError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// A file's text, and how it was encoded.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub bom: bool,
}

/// Decodes `bytes`, with `label` (e.g. `utf-16le`, `windows-1252`, `latin1`) overriding detection.
pub fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<Decoded<'a>, ImportError> {
    let bom = Encoding::for_bom(bytes);
    let chosen = match label {
        Some(label) => Some(
            Encoding::for_label(label.trim().as_bytes())
                .ok_or_else(|| ImportError::UnknownEncoding(label.to_string()))?,
        ),
        None => bom.map(|(e, _)| e).or_else(|| looks_utf16(bytes)),
    };
    let encoding = chosen.unwrap_or(UTF_8);
    // A BOM of another encoding than the chosen one is data, not a mark.
    let bom_len = bom.filter(|&(e, _)| e == encoding).map_or(0, |(_, len)| len);
    let body = bytes.get(bom_len..).unwrap_or_default();
    let bom = bom_len > 0;
    if encoding != UTF_8 {
        return Ok(Decoded { text: encoding.decode_without_bom_handling(body).0, encoding, bom });
    }
    // Validating once decides between UTF-8 (borrowed as is) and Windows-1252.
    match (std::str::from_utf8(body), chosen) {
        (Ok(text), _) => Ok(Decoded { text: Cow::Borrowed(text), encoding, bom }),
        (Err(_), Some(_)) => Ok(Decoded { text: String::from_utf8_lossy(body), encoding, bom }),
        (Err(_), None) => {
            Ok(Decoded { text: WINDOWS_1252.decode_without_bom_handling(body).0, encoding: WINDOWS_1252, bom })
        }
    }
}

/// UTF-16 without a BOM, recognised by ASCII text with a zero byte beside every character.
fn looks_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = bytes.get(..bytes.len().min(1024) & !1)?;
    if start.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| start.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = start.len() / 2;
    if zeros_at(1) * 10 >= half * 9 && zeros_at(0) == 0 {
        Some(UTF_16LE)
    } else if zeros_at(0) * 10 >= half * 9 && zeros_at(1) == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { vec![] };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf8_is_borrowed_not_copied() {
        let d = decode("klant;bedrag\n".as_bytes(), None).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!((d.encoding, d.bom), (UTF_8, false));
    }

    #[test]
    fn boms_decide_and_are_removed() {
        let d = decode(b"\xEF\xBB\xBFa,b", None).unwrap();
        assert_eq!((&*d.text, d.encoding, d.bom), ("a,b", UTF_8, true));
        let bytes = utf16le("Kunde\tBetrag €", true);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((&*d.text, d.encoding, d.bom), ("Kunde\tBetrag €", UTF_16LE, true));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("ab".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(&*decode(&be, None).unwrap().text, "ab");
    }

    #[test]
    fn bomless_utf16_and_windows_1252() {
        let bytes = utf16le("customer\tamount\n", false);
        let d = decode(&bytes, None).unwrap();
        assert_eq!((&*d.text, d.encoding), ("customer\tamount\n", UTF_16LE));
        let d = decode(b"caf\xE9;M\xFCller;\x80 5", None).unwrap();
        assert_eq!((&*d.text, d.encoding), ("café;Müller;€ 5", WINDOWS_1252));
    }

    #[test]
    fn a_label_overrides_and_a_bad_label_is_an_error() {
        let d = decode(b"caf\xE9", Some("latin1")).unwrap();
        assert_eq!(&*d.text, "café");
        assert!(matches!(decode(b"x", Some("klingon")), Err(ImportError::UnknownEncoding(_))));
    }
}
