//! The path the app is served under (`/` or a GitHub Pages sub-path).

/// The base path from `<base href>` without its trailing slash: `""` at the
/// site root, `"/vneid-campaign"` under a project site.
pub fn base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|el| el.get_attribute("href"))
        .unwrap_or_else(|| "/".to_string());
    normalize(&href)
}

/// Normalises a base href (`/sub/`, `https://host/sub/`, `/`) to `"/sub"` or `""`.
pub fn normalize(href: &str) -> String {
    let path = match href.find("://") {
        Some(i) => href[i + 3..].find('/').map(|j| &href[i + 3 + j..]).unwrap_or("/"),
        None => href,
    };
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}
