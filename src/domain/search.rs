//! Accent-insensitive search for Vietnamese text.
//!
//! Citizens often type without diacritics ("cach mang thang 8"); folding
//! both the query and the text to plain lowercase ASCII letters makes them
//! meet ("Cách Mạng Tháng 8").

/// Lowercases `text`, removes Vietnamese diacritics (precomposed or combining)
/// and collapses runs of whitespace to one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    // No `char::to_lowercase`: its Unicode tables would cost kilobytes of wasm;
    // ASCII and the Vietnamese letters below cover the text we search.
    for c in text.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // combining accent (decomposed input)
        }
        if c.is_ascii_whitespace() || c == '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        out.push(base_letter(c));
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn base_letter(c: char) -> char {
    const GROUPS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
        ('d', "đĐ"),
        ('e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"),
        ('i', "ìíỉĩịÌÍỈĨỊ"),
        ('o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
        ('u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"),
        ('y', "ỳýỷỹỵỲÝỶỸỴ"),
    ];
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    GROUPS
        .iter()
        .find(|(_, accented)| accented.contains(c))
        .map(|(base, _)| *base)
        .unwrap_or(c)
}

/// True when every word of `query` occurs in one of `fields`, ignoring case and accents.
/// An empty query matches everything.
pub fn matches<'a>(query: &str, fields: impl IntoIterator<Item = &'a str>) -> bool {
    let haystack = fields.into_iter().map(fold).collect::<Vec<_>>().join(" \u{1} ");
    fold(query).split(' ').filter(|w| !w.is_empty()).all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_to_plain_letters() {
        assert_eq!(fold("Cách Mạng Tháng 8"), "cach mang thang 8");
        assert_eq!(fold("ĐỘI CẢNH SÁT  QLHC"), "doi canh sat qlhc");
        assert_eq!(fold("Nguyễn Thuận Hiền"), "nguyen thuan hien");
        // Decomposed input (base letter + combining marks) folds the same way.
        assert_eq!(fold("Ca\u{301}ch"), "cach");
    }

    #[test]
    fn matches_all_words_in_any_order() {
        let fields = ["Số 243 Cách Mạng Tháng 8, Phường 4, Quận 3", "Đội Cảnh sát QLHC về TTXH"];
        assert!(matches("cach mang thang 8", fields));
        assert!(matches("  phuong 4   243 ", fields));
        assert!(matches("", fields));
        assert!(!matches("thang 9", fields));
        assert!(matches("canh sat", fields));
    }
}
