//! Build-time helpers of the printable handout and the QR files: QR codes as SVG, their
//! file names, HTML escaping, and the translation files read by key (also used by the
//! native tests). The handout itself is a page of `site::pages::handout`.

use std::collections::BTreeMap;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};


/// The UI strings the handout uses, from `locales/<lang>.json` (keys like `steps.install_title`).
#[derive(Clone, Debug, Default)]
pub struct HandoutTexts(BTreeMap<String, String>);

impl HandoutTexts {
    /// Flattens a locale file's nested objects into dotted keys.
    pub fn from_locale_json(json: &str) -> Result<HandoutTexts, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut map = BTreeMap::new();
        fn walk(prefix: &str, v: &serde_json::Value, map: &mut BTreeMap<String, String>) {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, v) in o {
                        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                        walk(&key, v, map);
                    }
                }
                serde_json::Value::String(s) => {
                    map.insert(prefix.to_string(), s.clone());
                }
                _ => {}
            }
        }
        walk("", &value, &mut map);
        Ok(HandoutTexts(map))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    /// Whether the locale has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// The string for `key`, unescaped (for text that is escaped later).
    pub fn raw(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// The string for `key`, escaped for HTML (the key itself if missing, so gaps show).
    pub fn get(&self, key: &str) -> String {
        escape(self.0.get(key).map(String::as_str).unwrap_or(key))
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A QR code of `data` as an SVG document (high error correction, dark on white).
pub fn qr_svg(data: &str) -> String {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::H)
        .or_else(|_| QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M))
        .expect("a URL fits in a QR code");
    code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).dark_color(svg::Color("#000000")).light_color(svg::Color("#ffffff")).build()
}

/// A stable short name for a URL's QR file: `qr/<16 hex digits>.svg`.
pub fn qr_file_name(url: &str) -> String {
    let hash = url.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("qr/{hash:016x}.svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_files_are_named_by_their_url() {
        // `qr/` + 16 hex digits + `.svg`, and no two of many addresses share a name.
        let urls: Vec<String> = (0..2000).map(|i| format!("https://example.org/vneid-campaign/c/{i}/")).collect();
        let mut names: Vec<String> = urls.iter().map(|u| qr_file_name(u)).collect();
        for name in &names {
            let hex = name.strip_prefix("qr/").and_then(|n| n.strip_suffix(".svg")).unwrap_or_else(|| panic!("{name}"));
            assert!(hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{name}");
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), urls.len());
        // The picture is an SVG that depends on the address.
        let a = qr_svg("https://example.org/");
        assert!(a.contains("<svg") && a.contains("</svg>"), "{a}");
        assert_ne!(a, qr_svg("https://example.org/en/"));
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn both_languages_have_every_key_and_no_empty_text() {
        let read = |lang: &str| {
            let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
            HandoutTexts::from_locale_json(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let (vi, en) = (read("vi"), read("en"));
        let vi_keys: Vec<&String> = vi.keys().collect();
        let en_keys: Vec<&String> = en.keys().collect();
        assert!(vi_keys.len() > 300, "the files were read: {} keys", vi_keys.len());
        let only_vi: Vec<_> = vi_keys.iter().filter(|k| !en.has(k)).collect();
        let only_en: Vec<_> = en_keys.iter().filter(|k| !vi.has(k)).collect();
        assert!(only_vi.is_empty() && only_en.is_empty(), "missing in English: {only_vi:?}; missing in Vietnamese: {only_en:?}");
        for (lang, texts) in [("vi", &vi), ("en", &en)] {
            let empty: Vec<_> = texts.keys().filter(|k| texts.raw(k).trim().is_empty()).collect();
            assert!(empty.is_empty(), "{lang}: empty texts {empty:?}");
        }
    }
}
