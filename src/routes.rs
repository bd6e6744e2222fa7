//! The app's pages and how an address maps to one (plain Rust, native-tested).
//!
//! The app does its own client-side routing (see `web::navigation`): eight
//! fixed paths need no router crate, and leaving one out saved about a tenth
//! of the wasm.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/check`: the questions and the personal checklist.
    Check,
    /// `/guide`: the step-by-step guide.
    Guide,
    /// `/documents`
    Documents,
    /// `/offices`
    Offices,
    /// `/help`
    Help,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Every page with its path, in navigation order.
    pub const ALL: [(Route, &'static str); 6] = [
        (Route::Home, "/"),
        (Route::Check, "/check"),
        (Route::Guide, "/guide"),
        (Route::Documents, "/documents"),
        (Route::Offices, "/offices"),
        (Route::Help, "/help"),
    ];

    /// The page at `pathname` for an app served under `base` (`""` or `/sub`).
    /// A trailing slash and `index.html` are accepted.
    pub fn from_pathname(pathname: &str, base: &str) -> Route {
        let Some(rest) = pathname.strip_prefix(base) else { return Route::NotFound };
        let rest = rest.strip_suffix("index.html").unwrap_or(rest);
        let rest = rest.trim_end_matches('/');
        let rest = if rest.is_empty() { "/" } else { rest };
        Route::ALL.iter().find(|(_, path)| *path == rest).map_or(Route::NotFound, |(route, _)| *route)
    }

    /// The path of this page without the base (`/check`); `/` for not-found.
    pub fn path(self) -> &'static str {
        Route::ALL.iter().find(|(r, _)| *r == self).map_or("/", |(_, p)| p)
    }
}

/// Staff mode is a separate page with its own wasm (so citizens never download it).
pub const STAFF_APP_PATH: &str = "/staff/";

/// The printable handout, a static page made at build time (also the page without JavaScript).
pub const HANDOUT_PATH: &str = "/handout/";

/// True when `pathname` belongs to a separate page (staff mode, the handout, QR files),
/// which the citizen app must load as a normal page rather than route itself.
pub fn is_staff_app(pathname: &str, base: &str) -> bool {
    pathname.strip_prefix(base).is_some_and(|rest| {
        rest == "/staff" || rest.starts_with(STAFF_APP_PATH) || rest == "/handout" || rest.starts_with(HANDOUT_PATH) || rest.starts_with("/qr/")
    })
}

/// The value of `key` in a URL query (`?a=1&b=2` or `a=1&b=2`), if present.
pub fn query_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_pages_under_a_base_or_at_the_root() {
        for (route, path) in Route::ALL {
            assert_eq!(Route::from_pathname(path, ""), route);
            assert_eq!(Route::from_pathname(&format!("/vneid-campaign{path}"), "/vneid-campaign"), route);
            assert_eq!(route.path(), path);
        }
        assert_eq!(Route::from_pathname("/vneid-campaign/", "/vneid-campaign"), Route::Home);
        assert_eq!(Route::from_pathname("/vneid-campaign", "/vneid-campaign"), Route::Home);
        assert_eq!(Route::from_pathname("/vneid-campaign/index.html", "/vneid-campaign"), Route::Home);
        assert_eq!(Route::from_pathname("/guide/", ""), Route::Guide);
        assert_eq!(Route::from_pathname("/nowhere", ""), Route::NotFound);
        assert_eq!(Route::from_pathname("/guide", "/vneid-campaign"), Route::NotFound, "outside the base");
        assert_eq!(Route::from_pathname("/guidebook", ""), Route::NotFound);
    }

    #[test]
    fn staff_mode_is_a_separate_page() {
        assert!(is_staff_app("/vneid-campaign/staff/", "/vneid-campaign"));
        assert!(is_staff_app("/staff", ""));
        assert!(!is_staff_app("/staffing", ""));
        assert!(is_staff_app("/vneid-campaign/handout/en.html", "/vneid-campaign"));
        assert_eq!(Route::from_pathname("/staff/", ""), Route::NotFound);
    }

    #[test]
    fn query_values() {
        assert_eq!(query_value("?c=hn&age=14plus", "age"), Some("14plus"));
        assert_eq!(query_value("c=hn", "c"), Some("hn"));
        assert_eq!(query_value("?cc=1", "c"), None);
        assert_eq!(query_value("", "c"), None);
    }
}
